"""publish/site.py: the build never destroys what it did not write — site-folder guard, shrink guard, lock, OS errors.

Every case runs `kb build` as a user would, asserts the exact message, and compares a listing of the
project before and after: nothing outside the site folder and the cache may change.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_kb.publish import export
from conftest import ROOT, make_corpus

GOOD = "在全县组织工作会议上的讲话\n同志们：\n一、加强基层党组织建设。提升组织力。\n二、建设高素质干部队伍。坚持好干部标准。\n"
OTHER = GOOD.replace("全县", "全市").replace("提升", "全面提升")


def kb(*args, cwd):
    return subprocess.run([sys.executable, "-m", "build_kb", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture
def project(tmp_path):
    """A project folder as a curator has it: mkdocs.yml, docs/, corpus/ with two speeches, and git."""
    root = tmp_path / "proj"
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", root / "docs")
    make_corpus(root / "corpus", {"a.txt": GOOD, "b.txt": OTHER})
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    return root


def listing(root: Path, skip=("site", ".kb-cache")) -> dict[str, str]:
    """Every file under `root` (outside the site and cache) with the hash of its bytes."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if rel.parts[0] in skip or rel.parts[0].startswith(".site."):
            continue
        out[rel.as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
    return out


@pytest.mark.parametrize(
    "target, expected",
    [
        ("corpus", "{t}：不能生成到这里：它就是语料目录（{p}/corpus），生成时会被删掉；请换一个新文件夹，例如 --site-dir site"),
        (".", "{t}：不能生成到这里：它就是项目目录（mkdocs.yml 所在）（{p}），生成时会被删掉；请换一个新文件夹，例如 --site-dir site"),
        ("..", "{t}：不能生成到这里：它包含语料目录（{p}/corpus），生成时会被删掉；请换一个新文件夹，例如 --site-dir site"),
        ("docs", "{t}：不能生成到这里：它就是说明页目录 docs（{p}/docs），生成时会被删掉；请换一个新文件夹，例如 --site-dir site"),
        ("corpus/site", "{t}：不能生成到语料目录（{p}/corpus）里面；请选它外面的文件夹，例如 --site-dir site"),
        (".git", "{t}：这个文件夹不是空的，也不是 kb build 生成的（里面没有 .zuzhi-kb-site），不会替换它；请换一个新的或空的文件夹，或者自己先把里面的东西移走"),
    ],
)
def test_site_dir_that_holds_inputs_is_refused(project, target, expected):
    before = listing(project.parent, skip=())
    result = kb("build", "--site-dir", target, cwd=project)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == "错误：" + expected.format(t=(project / target).resolve(), p=project)
    assert listing(project.parent, skip=()) == before


def test_empty_corpus_keeps_the_old_site(project):
    assert kb("build", cwd=project).returncode == 0
    site_before = listing(project / "site", skip=())
    for name in ("a.txt", "b.txt"):
        (project / "corpus" / name).unlink()
    result = kb("build", cwd=project)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "错误：一篇讲话也没有生成（跳过 0 个文件），原来的 site/ 保留不动；请改正上面的错误，确实要发布空网站时加 --allow-shrink"
    )
    assert listing(project / "site", skip=()) == site_before
    assert sorted(p.name for p in project.iterdir()) == [".git", ".kb-cache", "corpus", "docs", "mkdocs.yml", "site"]
    assert kb("build", "--allow-shrink", cwd=project).returncode == 0
    assert json.loads((project / "site" / "kb.json").read_text(encoding="utf-8"))["speeches"] == []


def test_losing_more_than_half_the_speeches_needs_allow_shrink(project):
    for i in range(3):
        (project / "corpus" / f"c{i}.txt").write_text(GOOD.replace("提升组织力", f"第{i}次提升组织力"), encoding="utf-8")
    assert kb("build", cwd=project).returncode == 0
    for name in ("a.txt", "b.txt", "c0.txt"):
        (project / "corpus" / name).unlink()
    result = kb("build", cwd=project)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "错误：新网站只有 2 篇讲话，原来的 site/ 有 5 篇，所以保留原来的；确实是有意删掉的，请加 --allow-shrink 再生成"
    )
    assert len(json.loads((project / "site" / "kb.json").read_text(encoding="utf-8"))["speeches"]) == 5
    assert kb("build", "--allow-shrink", cwd=project).returncode == 0
    assert len(json.loads((project / "site" / "kb.json").read_text(encoding="utf-8"))["speeches"]) == 2


def test_site_carries_a_marker_and_can_be_rebuilt(project):
    assert kb("build", "--site-dir", "out", cwd=project).returncode == 0
    assert json.loads((project / "out" / ".zuzhi-kb-site").read_text(encoding="utf-8")) == {"generator": "zuzhi-kb", "speeches": 2}
    (project / "corpus" / "a.txt").write_text(GOOD + "同志们，散会。\n", encoding="utf-8")
    assert kb("build", "--site-dir", "out", cwd=project).returncode == 0
    assert "散会" in json.dumps(export.load(project / "out"), ensure_ascii=False)


def test_empty_existing_folder_is_accepted(project):
    (project / "out").mkdir()
    assert kb("build", "--site-dir", "out", cwd=project).returncode == 0


def test_os_error_is_one_line_and_leaves_nothing_behind(project, monkeypatch):
    """A disk-full error while MkDocs writes: one line naming the file, no staging folder left."""
    import errno

    from build_kb import cli

    def full_disk(kb, site, *rest):
        raise OSError(errno.ENOSPC, "No space left on device", str(project / ".site.building-1" / "kb.json"))

    monkeypatch.setattr(export, "write", full_disk)
    monkeypatch.chdir(project)
    assert cli.main(["build", "--no-cache"]) == 1
    monkeypatch.undo()
    assert sorted(p.name for p in project.iterdir()) == [".git", "corpus", "docs", "mkdocs.yml"]


@pytest.mark.parametrize(
    "code, advice",
    [
        ("ENOSPC", "磁盘满了：请腾出空间后再生成"),
        ("EACCES", "没有权限：请确认可以写这个文件夹（或用 --site-dir 换一个）"),
        ("EROFS", "文件系统是只读的：请生成到可写的磁盘上"),
        ("EBUSY", "文件夹正被占用（是挂载点，或被别的程序打开）：请关掉它或换个地方生成"),
    ],
)
def test_os_error_message(capsys, monkeypatch, code, advice):
    import errno

    from build_kb import cli

    def boom(args):
        raise OSError(getattr(errno, code), os.strerror(getattr(errno, code)), "/srv/kb/site\x1b[2J/kb.json")

    monkeypatch.setattr(cli, "cmd_build", boom)
    assert cli.main(["build"]) == 1
    assert capsys.readouterr().err == f"错误：/srv/kb/site\\x1b[2J/kb.json：{advice}\n"


def test_mount_point_site_is_replaced_in_place(project, monkeypatch):
    """A site folder that is a mount point cannot be renamed: its contents are swapped instead."""
    from build_kb import cli
    from build_kb.publish import site as publish

    monkeypatch.chdir(project)
    assert cli.main(["build", "--no-cache"]) == 0
    site = project / "site"
    (site / "stale.html").write_text("old", encoding="utf-8")
    monkeypatch.setattr(publish.os.path, "ismount", lambda path: Path(path) == site)
    (project / "corpus" / "a.txt").write_text(GOOD + "同志们，散会。\n", encoding="utf-8")
    assert cli.main(["build", "--no-cache"]) == 0
    assert not (site / "stale.html").exists()
    assert "散会" in json.dumps(export.load(site), ensure_ascii=False)
    assert not list(project.glob(".site.*building*"))


def test_second_build_waits_for_the_first(project):
    """Two builds of one site folder at once: both succeed, one after the other."""
    first = subprocess.Popen([sys.executable, "-m", "build_kb", "build", "--no-cache"], cwd=project, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen([sys.executable, "-m", "build_kb", "build", "--no-cache"], cwd=project, stderr=subprocess.PIPE, text=True)
    results = [p.wait(timeout=300) for p in (first, second)]
    assert results == [0, 0]
    assert not list(project.glob(".site.building-*"))
    assert (project / "site" / "kb.json").is_file()
