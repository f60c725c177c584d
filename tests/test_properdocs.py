"""The MkDocs edge is portable: ProperDocs (the maintained continuation of MkDocs 1.x) builds the seed
site in place of MkDocs, and the pages are MkDocs' pages but for the generator's name.

Runs when `make properdocs` (which `make test` calls) has set up .venv-properdocs, a venv without MkDocs.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import CORPUS, ROOT, build_site
from sitecheck import broken_links, external_references

PYTHON = ROOT / ".venv-properdocs" / "bin" / "python"

pytestmark = pytest.mark.skipif(not PYTHON.exists(), reason="make properdocs sets up .venv-properdocs")


def run(*args, **kwargs):
    return subprocess.run([str(PYTHON), *args], cwd=ROOT, capture_output=True, text=True, timeout=300, **kwargs)


def test_the_properdocs_venv_has_no_mkdocs_and_loads_properdocs_in_its_place():
    assert run("-c", "import mkdocs").returncode != 0
    stand_in = run("-c", "import build_kb.publish, mkdocs.commands.build as b; print(b.__name__, b.__file__)")
    assert stand_in.returncode == 0, stand_in.stderr
    name, path = stand_in.stdout.split()
    assert name == "properdocs.commands.build" and "/properdocs/" in path


def test_properdocs_builds_the_seed_site_as_mkdocs_does(tmp_path):
    site = tmp_path / "properdocs"
    result = run("-m", "build_kb", "build", "--no-pdf", "--corpus", str(CORPUS), "--site-dir", str(site), "--cache-dir", str(tmp_path / "cache"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("已生成 5 篇讲话")
    assert broken_links(site) == [] and external_references(site) == []
    assert len(json.loads((site / "kb.json").read_text(encoding="utf-8"))["speeches"]) == 5

    reference = tmp_path / "mkdocs"
    build_site(ROOT / "mkdocs.yml", reference, corpus_dir=CORPUS)
    ours = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert ours == sorted(p.relative_to(reference).as_posix() for p in reference.rglob("*") if p.is_file())
    different = []
    for name in ours:
        a, b = (site / name).read_bytes(), (reference / name).read_bytes()
        if name.endswith(".html"):
            # <meta name="generator" content="mkdocs-ProperDocs 1.6.7, …"> against "mkdocs-1.6.1, …"
            a, b = (b"\n".join(line for line in x.split(b"\n") if b'name="generator"' not in line) for x in (a, b))
        if a != b:
            different.append(name)
    assert different == []
