"""Stage 6 — publish: build the site with MkDocs into a fresh directory, then swap it in atomically.

A failed or killed build never leaves a half-written site/: the previous site stays in place until
the new one is complete, and the swap itself is a single rename (renameat2 RENAME_EXCHANGE on Linux).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import logging
import os
import shutil
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from .cache import code_version, tree_fingerprint
from .errors import KbError, StrictModeFailure
from .model import KnowledgeBase

log = logging.getLogger(__name__)

PLUGIN_NAME = "zuzhi-kb"
_BUILDING = ".{name}.building-"
_OLD = ".{name}.old"


def build_site(
    config_file: Path,
    site_dir: Path,
    corpus_dir: Path | None = None,
    strict: bool = False,
    progress=None,
    cache_dir: Path | None = None,
) -> KnowledgeBase | None:
    """Build the whole site into `site_dir` (atomically) and return the knowledge base it shows.

    With a `cache_dir`, per-speech work is reused from earlier builds, and when nothing at all has
    changed since the last build of this `site_dir` the build is skipped: the return value is None.
    """
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    recover_interrupted_swap(site_dir)
    remove_stale_builds(site_dir)
    staging = site_dir.parent / (_BUILDING.format(name=site_dir.name) + str(os.getpid()))

    try:
        config = load_config(config_file=str(config_file), site_dir=str(staging), strict=strict)
    except MkDocsException as exc:
        raise KbError(f"{config_file}: {exc}") from exc
    plugin = config.plugins.get(PLUGIN_NAME)
    if plugin is None:
        raise KbError(f"{config_file}: the '{PLUGIN_NAME}' plugin is not listed under 'plugins:'; add '- {PLUGIN_NAME}'")
    plugin.configure_paths(config)
    plugin.corpus_override = corpus_dir
    plugin.progress = progress
    plugin.cache_dir = Path(cache_dir) if cache_dir else None
    fingerprint = None
    if cache_dir:
        fingerprint = _inputs_fingerprint(config_file, plugin.corpus_dir, Path(config.docs_dir), strict, site_dir)
        if _up_to_date(Path(cache_dir), site_dir, fingerprint):
            return None
    try:
        mkdocs_build(config)
    except Abort as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if plugin.error is not None:
            raise plugin.error from exc
        if strict and plugin.kb is not None:
            raise StrictModeFailure(f"build stopped by --strict: {exc}") from exc
        raise KbError(str(exc)) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_in(staging, site_dir)
    if fingerprint:
        _record(Path(cache_dir), site_dir, fingerprint)
    return plugin.kb


def _inputs_fingerprint(config_file: Path, corpus_dir: Path, docs_dir: Path, strict: bool, site_dir: Path) -> str:
    """Everything a build reads: code, mkdocs.yml, docs/, the corpus and its configuration."""
    return "|".join([code_version(), tree_fingerprint(Path(config_file), Path(corpus_dir), docs_dir), str(strict), str(site_dir)])


def _up_to_date(cache_dir: Path, site_dir: Path, fingerprint: str) -> bool:
    record = cache_dir / "last-build.json"
    try:
        last = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return last.get(str(site_dir)) == fingerprint and (site_dir / "kb.json").is_file()


def _record(cache_dir: Path, site_dir: Path, fingerprint: str) -> None:
    record = cache_dir / "last-build.json"
    try:
        last = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        last = {}
    last[str(site_dir)] = fingerprint
    cache_dir.mkdir(parents=True, exist_ok=True)
    temporary = record.with_suffix(".tmp")
    temporary.write_text(json.dumps(last, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, record)


def swap_in(staging: Path, site_dir: Path) -> None:
    """Make `staging` the new `site_dir` in one step, then delete the old site."""
    if site_dir.exists() and _exchange(staging, site_dir):
        shutil.rmtree(staging)
        return
    old = site_dir.parent / _OLD.format(name=site_dir.name)
    if site_dir.exists():
        shutil.rmtree(old, ignore_errors=True)
        os.rename(site_dir, old)
    os.rename(staging, site_dir)
    shutil.rmtree(old, ignore_errors=True)


def recover_interrupted_swap(site_dir: Path) -> None:
    """If a build died between the two renames of the fallback swap, put the old site back."""
    old = site_dir.parent / _OLD.format(name=site_dir.name)
    if old.exists():
        if site_dir.exists():
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(old, site_dir)
            log.warning("restored %s from an interrupted build", site_dir)


def remove_stale_builds(site_dir: Path) -> None:
    prefix = _BUILDING.format(name=site_dir.name)
    for path in site_dir.parent.glob(prefix + "*"):
        pid = path.name[len(prefix):]
        if pid.isdigit() and _alive(int(pid)) and int(pid) != os.getpid():
            continue
        shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two directories (Linux renameat2 RENAME_EXCHANGE); False when unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    try:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return result == 0
