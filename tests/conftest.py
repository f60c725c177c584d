"""Shared fixtures: the five real speeches as a corpus, small hostile corpora, built sites."""

from __future__ import annotations

import doctest
import functools
import http.server
import json
import os
import shutil
import sys
import threading
from pathlib import Path

import pytest

from build_kb.config import load_boilerplate
from build_kb.pipeline import build_knowledge_base
from build_kb.publish import export
from build_kb.build import BuildOptions, build

ROOT = Path(__file__).resolve().parent.parent
# Every `python -m build_kb` a test starts, in whatever folder, runs this checkout's code: the venv's editable
# install names one checkout, and a test run in another worktree would otherwise start that one's (a landing
# between two builds there made "已是最新" fail). The wheel test takes it away again: it tests the installed copy.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
CORPUS = ROOT / "corpus"
CONFIG_FILES = ("boilerplate.yaml", "themes.yaml", "speeches.yaml")
SEEDS = sorted(p.name for p in CORPUS.glob("*.txt"))


def failed_examples(reader, globs: dict | None = None) -> int:
    """How many of `reader`'s docstring examples fail, run with its module's names (or `globs`).

    A recogniser shows what it reads in its docstring: one with no examples is a failure too."""
    finder, runner = doctest.DocTestFinder(), doctest.DocTestRunner()
    tests = [t for t in finder.find(reader, reader.__name__, globs=globs or vars(sys.modules[reader.__module__])) if t.examples]
    assert tests, f"{reader.__name__} has no examples in its docstring"
    return sum(runner.run(test).failed for test in tests)


def build_site(config_file, site_dir, corpus_dir=None, strict=False, cache_dir=None, allow_shrink=False, follow_links=False, pdf=False):
    """Build a site as `kb build` does; the knowledge base shown (None when nothing changed).

    Handouts are left out unless `pdf` (typesetting them is the print tests' business, and slow)."""
    options = BuildOptions(
        config_file=Path(config_file), site_dir=Path(site_dir), corpus_dir=Path(corpus_dir) if corpus_dir else None,
        cache_dir=Path(cache_dir) if cache_dir else None, strict=strict, allow_shrink=allow_shrink, follow_links=follow_links, pdf=pdf,
    )
    return build(options).kb


def make_corpus(path: Path, files: dict[str, bytes | str] | None = None, with_seeds: bool = False, config: bool = True) -> Path:
    """A corpus directory with the project's YAML configuration and the given speech files."""
    path.mkdir(parents=True, exist_ok=True)
    if config:
        for name in CONFIG_FILES:
            shutil.copy(CORPUS / name, path / name)
    if with_seeds:
        for name in SEEDS:
            shutil.copy(CORPUS / name, path / name)
    for name, content in (files or {}).items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:
            target.write_bytes(content)
    return path


def one_speech(path: Path, text: str):
    """The one speech built from `text` as a.txt in a fresh corpus under `path` (the project's configuration)."""
    (speech,) = build_knowledge_base(make_corpus(path / "c", {"a.txt": text})).speeches
    return speech


@pytest.fixture(scope="session")
def seed_kb():
    return build_knowledge_base(CORPUS)


@pytest.fixture(scope="session")
def seed_speech(seed_kb):
    by_file = {s.source.rel_path: s for s in seed_kb.speeches}

    def get(prefix: str):
        return next(s for name, s in by_file.items() if name.startswith(prefix))

    return get


@pytest.fixture(scope="session")
def rules():
    return load_boilerplate(CORPUS)


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory):
    """The seeds built once into a site directory: (site_dir, kb)."""
    out = tmp_path_factory.mktemp("seedsite")
    site = out / "site"
    kb = build_site(ROOT / "mkdocs.yml", site, corpus_dir=CORPUS, strict=True, pdf=True)
    return site, kb


@pytest.fixture(scope="session")
def seed_json(seed_site):
    site, _ = seed_site
    return export.load(site)


# --- a real browser (tests marked `browser`) -----------------------------------------------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(seed_site):
    """Serves the directory *above* site/, so the knowledge base lives under the sub-path /site/."""
    site, _ = seed_site
    handler = functools.partial(_QuietHandler, directory=str(site.parent))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/site/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def pytest_addoption(parser):
    parser.addoption("--regen-golden", action="store_true", help="rewrite tests/golden/ from the current build instead of comparing")


def serve_generated_site(out: Path, speeches: int):
    """bench/generate.py's corpus of `speeches`, built into out/site and served on loopback: yields
    (base address, kb) and stops the server after."""
    import subprocess
    import sys

    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), str(speeches), str(out / "corpus")], check=True, capture_output=True)
    kb = build_site(ROOT / "mkdocs.yml", out / "site", corpus_dir=out / "corpus", allow_shrink=True)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out / "site"))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/", kb
    finally:
        httpd.shutdown()
