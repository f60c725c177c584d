"""Stage 6 — publish: build the site with MkDocs into a fresh directory, then swap it in atomically.

A failed or killed build never leaves a half-written site/: the previous site stays in place until
the new one is complete, and the swap itself is a single rename (renameat2 RENAME_EXCHANGE on Linux).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import fcntl
import json
import logging
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from .cache import code_version, tree_fingerprint
from .errors import KbError, SiteWouldShrink, StrictModeFailure, UnsafeSiteDir
from .model import KnowledgeBase
from .store import write_atomic

log = logging.getLogger(__name__)

PLUGIN_NAME = "zuzhi-kb"
_BUILDING = ".{name}.building-"
_OLD = ".{name}.old"
_LOCK = ".{name}.lock"


SITE_MARKER = ".zuzhi-kb-site"
"""Written into every site this tool builds: only a folder carrying it may ever be replaced."""
SHRINK_LIMIT = 0.5
"""A build that would publish fewer than this share of the previous site's speeches is refused."""


def build_site(
    config_file: Path,
    site_dir: Path,
    corpus_dir: Path | None = None,
    strict: bool = False,
    progress=None,
    cache_dir: Path | None = None,
    allow_shrink: bool = False,
    follow_links: bool = False,
) -> KnowledgeBase | None:
    """Build the whole site into `site_dir` (atomically) and return the knowledge base it shows.

    With a `cache_dir`, per-speech work is reused from earlier builds, and when nothing at all has
    changed since the last build of this `site_dir` the build is skipped: the return value is None.
    The site folder is only ever replaced when this tool made it (see check_site_dir), and a build
    that would publish no speeches, or under half of the previous site's, keeps the old site unless
    `allow_shrink` is given.
    """
    site_dir = Path(site_dir).absolute()
    staging = site_dir.parent / (_BUILDING.format(name=site_dir.name) + str(os.getpid()))
    try:
        # MkDocs gets the staging folder from the start: the real one is checked by check_site_dir.
        config = load_config(config_file=str(config_file), site_dir=str(staging), strict=strict)
    except MkDocsException as exc:
        raise KbError(f"{config_file}: {exc}") from exc
    plugin = config.plugins.get(PLUGIN_NAME)
    if plugin is None:
        raise KbError(f"{config_file}: the '{PLUGIN_NAME}' plugin is not listed under 'plugins:'; add '- {PLUGIN_NAME}'")
    plugin.configure_paths(config)
    plugin.corpus_override = corpus_dir
    plugin.progress = progress
    plugin.follow_links = follow_links
    plugin.cache_dir = Path(cache_dir) if cache_dir else None
    protected = {
        "the corpus": Path(plugin.corpus_dir),
        "the docs folder": Path(config.docs_dir),
        "the project (mkdocs.yml)": Path(config_file).absolute().parent,
    }
    if cache_dir:
        protected["the build cache"] = Path(cache_dir)
    check_site_dir(site_dir, protected)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(site_dir):
        recover_interrupted_swap(site_dir)
        remove_stale_builds(site_dir)
        fingerprint = None
        if cache_dir:
            fingerprint = _inputs_fingerprint(config_file, plugin.corpus_dir, Path(config.docs_dir), strict, site_dir)
            if _up_to_date(Path(cache_dir), site_dir, fingerprint):
                return None
        try:
            _mkdocs_build(config, plugin, strict)
            check_shrink(plugin.kb, site_dir, allow_shrink)
            (staging / SITE_MARKER).write_text(_marker_text(plugin.kb), encoding="utf-8")
            swap_in(staging, site_dir)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        if fingerprint:
            _record(Path(cache_dir), site_dir, fingerprint)
    return plugin.kb


def _mkdocs_build(config, plugin, strict: bool) -> None:
    def not_ours(record: logging.LogRecord) -> bool:
        # Our own errors are raised to the caller, who reports them once.
        return plugin.error is None or record.getMessage() != str(plugin.error)

    mkdocs_log = logging.getLogger("mkdocs.commands.build")
    mkdocs_log.addFilter(not_ours)
    try:
        mkdocs_build(config)
    except Abort as exc:
        if plugin.error is not None:
            raise plugin.error from exc
        if strict and plugin.kb is not None:
            raise StrictModeFailure(f"build stopped by --strict: {exc}") from exc
        raise KbError(str(exc)) from exc
    finally:
        mkdocs_log.removeFilter(not_ours)


def check_site_dir(site_dir: Path, protected: dict[str, Path]) -> None:
    """Refuse a site folder that is, holds or lies inside the inputs, or that this tool did not make."""
    site = site_dir.resolve()
    resolved = {what: path.resolve() for what, path in protected.items()}
    # Name the input the folder *is* before one it merely holds.
    for what, path in sorted(resolved.items(), key=lambda item: item[1] != site):
        if site == path or site in path.parents:
            raise UnsafeSiteDir(
                f"{site}: refusing to build there: it {'is' if site == path else 'holds'} {what} ({path}), "
                "which the build would delete; choose a new folder, e.g. --site-dir site"
            )
        if what != "the project (mkdocs.yml)" and path in site.parents:
            raise UnsafeSiteDir(f"{site}: refusing to build inside {what} ({path}); choose a folder outside it, e.g. --site-dir site")
    if not site.exists():
        return
    if not site.is_dir():
        raise UnsafeSiteDir(f"{site}: exists and is not a folder; choose another --site-dir")
    if is_our_site(site) or not any(site.iterdir()):
        return
    raise UnsafeSiteDir(
        f"{site}: the folder is not empty and was not made by kb build (it has no {SITE_MARKER}); "
        "refusing to replace it. Choose a new or empty folder, or move its contents away yourself"
    )


def is_our_site(folder: Path) -> bool:
    """True for a folder this tool built: it has the marker (or, from before markers, our kb.json)."""
    if (folder / SITE_MARKER).is_file():
        return True
    try:
        with open(folder / "kb.json", "rb") as f:
            head = f.read(200)
    except OSError:
        return False
    return b'"generator":"zuzhi-kb ' in head


def _marker_text(kb: KnowledgeBase) -> str:
    return json.dumps({"generator": "zuzhi-kb", "speeches": len(kb.speeches)}) + "\n"


def _previous_speech_count(site_dir: Path) -> int | None:
    try:
        return int(json.loads((site_dir / SITE_MARKER).read_text(encoding="utf-8"))["speeches"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def check_shrink(kb: KnowledgeBase, site_dir: Path, allow_shrink: bool) -> None:
    """Keep the old site when the new one would lose most of it (an emptied or mistyped corpus)."""
    if allow_shrink:
        return
    if not kb.speeches:
        raise SiteWouldShrink(
            f"no speech could be built ({len(kb.errors)} files skipped): the previous {site_dir.name}/ is kept. "
            "Fix the errors above, or pass --allow-shrink to publish an empty site"
        )
    previous = _previous_speech_count(site_dir)
    if previous and len(kb.speeches) < previous * SHRINK_LIMIT:
        raise SiteWouldShrink(
            f"the new site would have {len(kb.speeches)} speeches where {site_dir.name}/ has {previous}: it is kept. "
            "If speeches were removed on purpose, build again with --allow-shrink"
        )


@contextmanager
def build_lock(site_dir: Path):
    """One build at a time per site folder: a second build waits for the first (and says so)."""
    lock_path = site_dir.parent / _LOCK.format(name=site_dir.name)
    with open(lock_path, "a+b") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.warning("another build of %s is running; waiting for it to finish", site_dir)
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


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
    write_atomic(record, json.dumps(last, ensure_ascii=False, indent=1).encode("utf-8"))


def swap_in(staging: Path, site_dir: Path) -> None:
    """Make `staging` the new `site_dir` in one step, then delete the old site."""
    if site_dir.exists() and os.path.ismount(site_dir):
        replace_contents(staging, site_dir)
        return
    if site_dir.exists() and _exchange(staging, site_dir):
        return  # staging now holds the old site; the caller removes it
    old = site_dir.parent / _OLD.format(name=site_dir.name)
    if site_dir.exists():
        shutil.rmtree(old, ignore_errors=True)
        os.rename(site_dir, old)
    os.rename(staging, site_dir)
    shutil.rmtree(old, ignore_errors=True)


def replace_contents(staging: Path, site_dir: Path) -> None:
    """For a site folder that cannot be renamed (a mount point): swap what is inside it instead.

    Not atomic, but the folder carries our marker (checked before the build), so everything in it
    was written by an earlier build.
    """
    log.warning("%s is a mount point: replacing its contents in place (not atomic)", site_dir)
    for entry in sorted(site_dir.iterdir()):
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    for entry in sorted(staging.iterdir()):
        shutil.move(str(entry), str(site_dir / entry.name))


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
