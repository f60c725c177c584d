"""The package as someone outside the project gets it: `pip wheel .`, installed into a fresh virtual
environment away from the checkout, builds the seed site with its study handouts (PDF).

pip installs the pinned dependencies (constraints.txt) from its cache or the package index; without
either the test cannot run: `pytest -m "not package"` leaves it out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT
from sitecheck import broken_links

pytestmark = pytest.mark.package


def run(*command, cwd=None, timeout=240):
    # without the checkout on PYTHONPATH (conftest puts it there): pip would take its egg-info for the
    # installed package, and kb would run the checkout's code instead of the wheel's
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def shipped_files() -> set[str]:
    """Every file under build_kb/ the build reads at run time: code, templates, format documents."""
    return {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "build_kb").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


def test_the_wheel_installs_outside_the_checkout_and_builds_the_seed_site_with_pdfs(tmp_path):
    wheels = tmp_path / "wheels"
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w", wheels, ROOT, cwd=tmp_path)
    assert "would be ignored" not in built.stdout + built.stderr
    shutil.rmtree(ROOT / "build", ignore_errors=True)  # setuptools' scratch folder, not ours to keep
    (wheel,) = wheels.glob("zuzhi_kb-*.whl")
    in_wheel = set(zipfile.ZipFile(wheel).namelist())
    assert shipped_files() - in_wheel == set()
    assert "build_kb/render/handout.typ" in in_wheel

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv)
    installed = run(venv / "bin" / "python", "-m", "pip", "install", "--quiet", "-c", ROOT / "constraints.txt", wheel, timeout=600)
    assert "would be ignored" not in installed.stdout + installed.stderr

    project = tmp_path / "project"
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "corpus", project / "corpus")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    result = run(venv / "bin" / "kb", "build", cwd=project)
    assert result.stdout.startswith("已生成 5 篇讲话"), result.stdout

    site = project / "site"
    themes = sorted((site / "pdf" / "themes").glob("*.pdf"))  # the theme handouts (speeches print from their pages)
    assert len(themes) == 5 and not (site / "pdf" / "speeches").exists()
    assert all(pdf.read_bytes().startswith(b"%PDF-") for pdf in themes)
    assert (site / "kb.json").is_file() and (site / "search" / "meta.js").is_file()
    assert broken_links(site) == []
    # The code that ran is the installed one, not the checkout's.
    where = run(venv / "bin" / "python", "-c", "import build_kb; print(build_kb.__file__)", cwd=tmp_path)
    assert str(venv) in where.stdout

    # A new corpus folder gets the standard configuration from the installed package (real files there,
    # not the checkout's links), and the import reads with it.
    new_corpus = tmp_path / "新语料"
    new_corpus.mkdir()
    (tmp_path / "讲话.txt").write_text("在全县组织工作会议上的讲话\n同志们：\n一、提高政治站位。要加强党的政治建设。\n", encoding="utf-8")
    added = run(venv / "bin" / "kb", "add", "--corpus", new_corpus, tmp_path / "讲话.txt", cwd=tmp_path)
    assert "写入了标准的 boilerplate.yaml、themes.yaml、glossary.yaml" in added.stdout
    for name in ("boilerplate.yaml", "themes.yaml", "glossary.yaml"):
        assert (new_corpus / name).read_bytes() == (ROOT / "corpus" / name).read_bytes()
