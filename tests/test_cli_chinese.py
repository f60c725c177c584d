"""Everything a curator sees on the command line is Chinese: each command's success and failure
paths, run as a curator runs them, carry no Latin letters outside file names, ids, options, the
names of the file formats (Word, PDF …) and text quoted from the speeches. `kb serve` stops cleanly on SIGTERM and Ctrl+C."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time

import pytest

from conftest import CORPUS, ROOT, make_corpus
from office_files import write_docx

GOOD = "在全县组织工作会议上的讲话\n（2023年3月8日）\n同志们：\n一、加强基层党组织建设。提升组织力。\n二、建设高素质干部队伍。坚持好干部标准。\n"

PROPER_NAMES = {"PDF", "Word", "WPS", "Markdown", "OCR", "UTF", "GB18030", "GBK", "Big5", "JPEG", "PNG", "LibreOffice", "ABBYY", "Typst", "MkDocs", "YAML", "Ctrl", "C", "http"}
"""Names of formats and programs a curator knows by these letters."""

ID_WORDS = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
"""Ids (themes, sections, rules, review items) and the keys of speeches.yaml: lowercase ASCII."""


def kb(*args, cwd=ROOT, timeout=300, **kwargs):
    env = {**os.environ, "KB_PROG": "kb"}
    return subprocess.run([sys.executable, "-m", "build_kb", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env, **kwargs)


def latin_words(text: str, *allowed_paths) -> list[str]:
    """The Latin words of `text` that are no path, file name, option, id, number or proper name, nor
    quoted from a speech (the removed lines kb check lists: `第 9 行 [rule] 免费QQ群：`)."""
    text = re.sub(r"(?m)^\s*第 \d+ 行 \[[^\]]+\] .*$", " ", text)
    for path in sorted((str(p) for p in allowed_paths), key=len, reverse=True):
        text = text.replace(path, " ")
    text = re.sub(r"\S*[\\/]\S*", " ", text)  # paths
    text = re.sub(r"[^\s：（）《》，；、“”]+\.[A-Za-z0-9]{1,8}\b", " ", text)  # file names with a suffix
    text = re.sub(r"(?<![\w-])--?[a-z][a-z-]*", " ", text)  # options
    text = re.sub(r"\bzuzhi-kb \d+\.\d+\.\d+", " ", text)
    text = re.sub(r"\b(?:YYYY|\d{4})-MM-DD\b", " ", text)  # how a date is written
    words = re.findall(r"[A-Za-z][A-Za-z0-9_-]*", text)
    return [w for w in words if w not in PROPER_NAMES and w != "kb" and not ID_WORDS.fullmatch(w)]


@pytest.fixture
def corpus(tmp_path):
    return make_corpus(tmp_path / "corpus", {"a.txt": GOOD, "empty.txt": ""})


def test_build_check_outline_and_evaluate_speak_chinese(tmp_path, corpus):
    site = tmp_path / "site"
    runs = [
        kb("build", "--no-pdf", "--corpus", str(corpus), "--site-dir", str(site), "-v"),  # -v after the subcommand
        kb("build", "--no-pdf", "--corpus", str(corpus), "--site-dir", str(site)),  # up to date
        kb("build", "--strict", "--corpus", str(corpus), "--site-dir", str(tmp_path / "strict")),
        kb("build", "--corpus", str(tmp_path / "nowhere"), "--site-dir", str(site)),
        kb("build", "--site-dir", str(corpus)),
        kb("check", "--corpus", str(corpus)),
        kb("check", "--corpus", str(corpus), str(tmp_path / "elsewhere.txt")),
        kb("outline", str(tmp_path / "讲话.docx")),
        kb("outline", str(CORPUS / "001_109e6641f84a65ed.txt")),
        kb("evaluate", "--metadata", str(tmp_path / "none.yaml")),
        kb("evaluate", cwd=corpus.parent.parent),
        kb("bild"),
        kb("check", "--format", "xml"),
        kb("build", "--nope"),
    ]
    assert [r.returncode for r in runs] == [0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 1, 2, 2, 2]
    assert runs[0].stdout.startswith("已生成 1 篇讲话")
    assert runs[1].stdout.startswith(f"{site} 已是最新")
    assert runs[11].stderr == "kb：命令：没有 'bild' 这一项，可选的有：'build', 'serve', 'check', 'add', 'outline', 'print', 'evaluate'（kb -h 查看用法）\n"
    for run in runs:
        shown = run.stdout + run.stderr
        assert "Traceback" not in shown
        # -v shows every removed line and MkDocs' own messages: for engineers, not checked here.
        if run is not runs[0]:
            assert latin_words(shown, corpus, site, tmp_path, CORPUS) == [], shown


def test_run_outside_the_project_says_where_to_run(tmp_path):
    """MkDocs' own words were shown: 读不了这个配置文件（Config file 'mkdocs.yml' does not exist.）."""
    run = kb("build", cwd=tmp_path)
    assert (run.returncode, run.stdout, run.stderr) == (1, "", "错误：mkdocs.yml：找不到这个文件；请在项目文件夹（有 mkdocs.yml 的那个）里运行，或用 --config 指明\n")


def test_help_is_chinese():
    for args in ([], ["build"], ["add"], ["check"], ["print"], ["serve"], ["outline"], ["evaluate"]):
        shown = kb(*args, "-h").stdout
        assert latin_words(shown.replace("用法：", "")) == [], shown


def test_add_and_print_speak_chinese(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", {"old.txt": GOOD})
    inbox = tmp_path / "收件"
    inbox.mkdir()
    write_docx(inbox / "组织工作会议讲话.docx")
    (inbox / "照片.pdf").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64)  # a photo renamed .pdf
    (inbox / "空白.txt").write_text("", encoding="utf-8")
    (inbox / "重复.txt").write_text(GOOD, encoding="utf-8")
    added = kb("add", str(inbox), "--corpus", str(corpus))
    assert added.returncode == 1
    lines = added.stdout.splitlines()
    assert lines[:5] == [
        "照片.pdf               失败：这是一张图片（JPEG），不是 .pdf 文件；请先做文字识别（如 WPS 的“图片转文字”），把结果另存为 .docx 或 .txt 再加入",
        "空白.txt               失败：转换后没有中文文字；请确认它是一篇讲话",
        "组织工作会议讲话.docx  加入 → 组织工作会议讲话.txt　《在全市组织工作会议上的讲话》　2023-03-08（写出自动编号 6 处；表格 2 行按行保留；1 条脚注放在文末；按 Word 标题样式或大纲级别认出小标题 5 个，写入 speeches.yaml 的 heading_lines）",
        "重复.txt               重复：和语料中的 old.txt 是同一篇讲话，没有再加",
        "",
    ]
    assert lines[5] == "加入 1 个，重复 1 个，失败 2 个（共 4 个文件）"
    assert lines[7].startswith(f"下一步：在 {corpus / 'speeches.yaml'} 里核对识别出的标题、日期、讲话人，然后运行 kb check ")
    assert added.stderr == ""  # pypdf's `invalid pdf header` stays out of sight
    stub = (corpus / "speeches.yaml").read_text(encoding="utf-8")
    comments = "\n".join(line.split("#", 1)[1] for line in stub.splitlines() if "#" in line)
    assert latin_words(comments) == [], comments

    again = kb("add", str(inbox / "组织工作会议讲话.docx"), "--corpus", str(corpus))
    # a name mistyped: the system's words were shown (无法打开（No such file or directory）)
    mistyped = kb("add", str(inbox / "组织工作会议.docx"), "--corpus", str(corpus))
    assert mistyped.stdout.splitlines()[0] == "组织工作会议.docx  失败：找不到这个文件；请核对路径和文件名"
    nothing = kb("add", str(tmp_path / "无此文件夹"), "--corpus", str(tmp_path / "无此语料"))
    printed = kb("print", "--speech", "nope", "--corpus", str(corpus), "-o", str(tmp_path / "x.pdf"), "--cache-dir", str(tmp_path / "cache"))
    unselected = kb("print", "--corpus", str(corpus), "-o", str(tmp_path / "x.pdf"))
    assert [r.returncode for r in (again, mistyped, nothing, printed, unselected)] == [0, 1, 1, 1, 1]
    for run in (added, again, mistyped, nothing, printed, unselected):
        assert latin_words(run.stdout + run.stderr, corpus, inbox, tmp_path) == [], run.stdout + run.stderr


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_serve_builds_once_and_cleans_up_when_stopped(tmp_path, stop):
    corpus = make_corpus(tmp_path / "corpus", {"a.txt": GOOD})
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "KB_PROG": "kb", "TMPDIR": str(scratch)}
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "build_kb", "serve", "--corpus", str(corpus), "--dev-addr", f"127.0.0.1:{port}", "--cache-dir", str(tmp_path / "cache")],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        # As from a terminal: a suite run as a background job (`make test &`, nohup) has SIGINT ignored, the child
        # inherits that and Python then installs no Ctrl+C handler — the server would rightly not stop on SIGINT.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        lines = []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = server.stdout.readline()
            lines.append(line)
            if "提供浏览" in line or not line:
                break
        assert lines[-1] == f"知识库网站已在 http://127.0.0.1:{port}/ 提供浏览（按 Ctrl+C 停止）\n", lines
        assert [line for line in lines if line.startswith("已生成")] == [lines[0]]  # one build at start
        assert sorted(p.name for p in scratch.iterdir() if p.name.startswith(("kb-serve-", ".kb-serve-"))) != []
        server.send_signal(stop)
        out, err = server.communicate(timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
    assert server.returncode == 0, err
    assert out == "已停止。\n"
    assert latin_words(err) == [], err
    assert [p.name for p in scratch.iterdir()] == []  # the preview folder and its lock are gone


def test_a_bad_serve_address_is_one_chinese_line(tmp_path):
    result = kb("serve", "--dev-addr", "127.0.0.1:99999", timeout=60)
    assert (result.returncode, result.stderr) == (1, "错误：--dev-addr 127.0.0.1:99999：端口应是 1–65535 之间的数字，例如 --dev-addr 127.0.0.1:8001 或 --dev-addr 8001\n")


def test_a_reader_who_stops_reading_a_pipe_gets_no_error():
    """`kb check | head -1`: head closes the pipe after its line; kb stops quietly — no 系统错误（Broken pipe）."""
    env = {**os.environ, "KB_PROG": "kb"}
    run = subprocess.run(f"'{sys.executable}' -m build_kb check | head -1", shell=True, cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert run.stdout.count("\n") == 1 and run.stderr == ""
