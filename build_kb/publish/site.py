"""Stage 6 — publish: the MkDocs edge, the site folder's guard, and the atomic swap.

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
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from ..cache import code_version, tree_fingerprint
from ..errors import KbError, SiteWouldShrink, StrictModeFailure, UnsafeSiteDir
from ..model import KnowledgeBase
from ..store import held_lock, write_atomic
from .page_cache import PageCache
from .plugin import THEME_DIR

log = logging.getLogger(__name__)

PLUGIN_NAME = "zuzhi-kb"
_BUILDING = ".{name}.building-"
_OLD = ".{name}.old"
_LOCK = ".{name}.lock"


PROJECT = "项目目录（mkdocs.yml 所在）"

SITE_MARKER = ".zuzhi-kb-site"
"""Written into every site this tool builds: only a folder carrying it may ever be replaced."""
SHRINK_LIMIT = 0.5
"""A build that would publish fewer than this share of the previous site's speeches is refused."""


@dataclass
class Project:
    """What mkdocs.yml says about a project: the loaded MkDocs configuration and its folders."""

    config_file: Path
    config: object
    """MkDocs' configuration, loaded and validated."""
    plugin: object
    corpus_dir: Path
    docs_dir: Path

    def protected(self, cache_dir: Path | None) -> dict[str, Path]:
        """The inputs a site folder may never be, hold or lie inside."""
        folders = {
            "语料目录": self.corpus_dir,
            "说明页目录 docs": self.docs_dir,
            PROJECT: self.config_file.absolute().parent,
        }
        if cache_dir:
            folders["缓存目录"] = Path(cache_dir)
        return folders


def open_project(config_file: Path, corpus_dir: Path | None = None, strict: bool = False) -> Project:
    """Load mkdocs.yml (which must list the plugin); the corpus is `corpus_dir` or the plugin's option."""
    config_file = Path(config_file)
    if not config_file.exists():  # run outside the project: MkDocs' own words were English (Config file … does not exist.)
        raise KbError(f"{config_file}：找不到这个文件；请在项目文件夹（有 mkdocs.yml 的那个）里运行，或用 --config 指明")
    try:
        config = load_config(config_file=str(config_file), strict=strict)
    except MkDocsException as exc:
        # One line: MkDocs' YAML errors run over two ("…\n  in "mkdocs.yml", position 13").
        raise KbError(f"{config_file}：读不了这个配置文件（{' '.join(str(exc).split())}）；请对照项目里原来的 mkdocs.yml 改正") from exc
    plugin = config.plugins.get(PLUGIN_NAME)
    if plugin is None:
        raise KbError(f"{config_file}：plugins: 下面没有 {PLUGIN_NAME}；请加上一行 - {PLUGIN_NAME}")
    corpus = Path(corpus_dir) if corpus_dir else config_file.absolute().parent / plugin.config.corpus
    return Project(config_file=config_file, config=config, plugin=plugin, corpus_dir=corpus.absolute(), docs_dir=Path(config.docs_dir))


def write_pages(project: Project, pages: dict, kb: KnowledgeBase, site_dir: Path, cache_dir: Path | None = None, live_site: Path | None = None) -> PageCache | None:
    """The MkDocs edge: the theme lays out our rendered pages (and docs/) into `site_dir`. With a
    `cache_dir`, pages unchanged since the last build keep the layout they had, or the very file of
    the `live_site` (PageCache); that cache is returned: its `laid_out` lists the generated pages
    laid out anew, and its `record_live` must be called once the new site is final."""
    config = project.config
    config["site_dir"] = str(site_dir)
    project.plugin.pages = pages
    # Sitemap dates come from the build date: pin it to the corpus so rebuilds are byte-identical.
    epoch_before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(corpus_epoch(kb))
    page_cache = None
    if cache_dir:
        page_cache = project.plugin.page_cache = PageCache(Path(cache_dir) / "pages", project.config_file, [THEME_DIR, *config.theme.dirs], live_site)
    build_log = logging.getLogger("mkdocs.commands.build")
    build_log.addFilter(project.plugin.quiet_about_linked_pages)
    try:
        mkdocs_build(config)
        if page_cache is not None:
            forgotten = page_cache.forget_unused()
            log.info(
                "页面排版：沿用 %d 页（其中 %d 页直接用现有文件），重新排 %d 页（其中 %d 页套用原来的框架），%d 页不再使用",
                page_cache.reused, page_cache.linked, len(page_cache.laid_out), len(page_cache.framed), forgotten,
            )
        return page_cache
    except Abort as exc:
        failure = (
            StrictModeFailure("docs/ 里的说明页有警告，--strict 下停止生成；加 -v 可以看到是哪些警告") if config.strict else KbError(f"MkDocs 停止了生成：{exc}；加 -v 看详细情况")
        )
        raise failure from exc
    finally:
        build_log.removeFilter(project.plugin.quiet_about_linked_pages)
        project.plugin.pages = {}
        project.plugin.page_cache = None
        if epoch_before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = epoch_before


def corpus_epoch(kb: KnowledgeBase) -> int:
    """Noon UTC of the newest speech date (or 2000-01-01): a fixed, meaningful build date."""
    import calendar
    import datetime as dt

    dates = [s.date for s in kb.speeches if s.date] + [f"{s.year}-12-31" for s in kb.speeches if s.year and not s.date]
    newest = max(dates) if dates else "2000-01-01"
    # Within what every consumer of the date can hold (zip and gzip headers: 1980 to 2106).
    day = min(max(dt.date.fromisoformat(newest), dt.date(1980, 1, 1)), dt.date(2100, 12, 31))
    return calendar.timegm((day.year, day.month, day.day, 12, 0, 0))


@contextmanager
def staging_folder(site_dir: Path):
    """A fresh folder beside the site to build into; removed afterwards whatever happens."""
    remove_stale_builds(site_dir)
    staging = site_dir.parent / (_BUILDING.format(name=site_dir.name) + str(os.getpid()))
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def mark_as_ours(folder: Path, kb: KnowledgeBase) -> None:
    (folder / SITE_MARKER).write_text(json.dumps({"generator": "zuzhi-kb", "speeches": len(kb.speeches)}) + "\n", encoding="utf-8")


def check_site_dir(site_dir: Path, protected: dict[str, Path]) -> None:
    """Refuse a site folder that is, holds or lies inside the inputs, or that this tool did not make."""
    site = site_dir.resolve()
    resolved = {what: path.resolve() for what, path in protected.items()}
    # Name the input the folder *is* before one it merely holds.
    for what, path in sorted(resolved.items(), key=lambda item: item[1] != site):
        if site == path or site in path.parents:
            raise UnsafeSiteDir(
                f"{site}：不能生成到这里：它{'就是' if site == path else '包含'}{what}（{path}），生成时会被删掉；"
                "请换一个新文件夹，例如 --site-dir site"
            )
        if what != PROJECT and path in site.parents:
            raise UnsafeSiteDir(f"{site}：不能生成到{what}（{path}）里面；请选它外面的文件夹，例如 --site-dir site")
    if not site.exists():
        return
    if not site.is_dir():
        raise UnsafeSiteDir(f"{site}：已经有同名的文件，不是文件夹；请用 --site-dir 换一个位置")
    if is_our_site(site) or not any(site.iterdir()):
        return
    raise UnsafeSiteDir(
        f"{site}：这个文件夹不是空的，也不是 kb build 生成的（里面没有 {SITE_MARKER}），不会替换它；"
        "请换一个新的或空的文件夹，或者自己先把里面的东西移走"
    )


def is_our_site(folder: Path) -> bool:
    """True for a folder this tool built: it has the marker. Only the marker counts: a kb.json is
    copied about (to analyse it) and would make any folder holding one ours to delete."""
    marker = folder / SITE_MARKER
    return marker.is_file() and not marker.is_symlink()


def _previous_speech_count(site_dir: Path) -> int | None:
    """The live site's speeches, from its marker or, when the marker is gone, from its kb.json."""
    try:
        return int(json.loads((site_dir / SITE_MARKER).read_text(encoding="utf-8"))["speeches"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    try:
        with open(site_dir / "kb.json", "rb") as f:
            speeches = json.load(f).get("speeches")
        return len(speeches) if isinstance(speeches, list) else None
    except (OSError, ValueError, AttributeError, RecursionError):
        return None


def real_site_dir(site_dir: Path) -> Path:
    """The folder a `--site-dir` link points to (the deploy folder): the new site is built beside
    it and swapped in there; swapping the link itself would leave the web root as it was."""
    site_dir = Path(site_dir).absolute()
    return site_dir.resolve() if site_dir.is_symlink() else site_dir


def check_cache_dir(cache_dir: Path | None, places: dict[str, Path]) -> None:
    """Refuse a cache folder that is, holds or lies inside one of `places` (the corpus, docs/, the
    site): the build writes thousands of files there (and the corpus would read them as speeches)."""
    if cache_dir is None:
        return
    cache = Path(cache_dir).resolve()
    for what, path in places.items():
        path = Path(path).resolve()
        if cache == path or path in cache.parents or cache in path.parents:
            raise KbError(f"--cache-dir {cache_dir}：与{what}（{path}）重叠，缓存文件会混进去；请用单独的文件夹，例如 --cache-dir .kb-cache")


def check_shrink(kb: KnowledgeBase, site_dir: Path, allow_shrink: bool) -> None:
    """Keep the old site when the new one would lose most of it (an emptied or mistyped corpus)."""
    if allow_shrink:
        return
    if not kb.speeches:
        raise SiteWouldShrink(
            f"一篇讲话也没有生成（跳过 {len(kb.errors)} 个文件），原来的 {site_dir.name}/ 保留不动；"
            "请改正上面的错误，确实要发布空网站时加 --allow-shrink"
        )
    previous = _previous_speech_count(site_dir)
    if previous and len(kb.speeches) < previous * SHRINK_LIMIT:
        raise SiteWouldShrink(
            f"新网站只有 {len(kb.speeches)} 篇讲话，原来的 {site_dir.name}/ 有 {previous} 篇，所以保留原来的；"
            "确实是有意删掉的，请加 --allow-shrink 再生成"
        )


@contextmanager
def build_lock(site_dir: Path):
    """One build at a time per site folder: a second build waits for the first (and says so). The
    lock file beside the site is gone when the build ends, however it ends."""
    lock_path = site_dir.parent / _LOCK.format(name=site_dir.name)
    lock_path.parent.mkdir(parents=True, exist_ok=True)  # a site folder may be new, and so its parent
    with held_lock(
        lock_path,
        on_wait=lambda: log.warning("%s 正在由另一个构建生成，等它完成后再继续", site_dir),
        on_no_locks=lambda: log.warning("%s：这个文件系统不支持文件锁（网络盘？），请勿同时运行两个 kb build", site_dir),
    ):
        yield


def inputs_fingerprint(project: Project, options, site_dir: Path) -> str:
    """Everything a build reads: code, mkdocs.yml, docs/, the corpus and its configuration, the options."""
    trees = tree_fingerprint(project.config_file.absolute(), project.corpus_dir, project.docs_dir)
    return "|".join([code_version(), trees, str(options.strict), str(options.follow_links), str(options.pdf), str(site_dir)])


def up_to_date(cache_dir: Path, site_dir: Path, fingerprint: str) -> bool:
    record_file = Path(cache_dir) / "last-build.json"
    try:
        last = json.loads(record_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not (isinstance(last, dict) and last.get(str(site_dir)) == fingerprint and (site_dir / "kb.json").is_file()):
        return False
    # The live site itself as the last build left it: a page deleted or defaced since is rebuilt.
    return last.get(str(site_dir) + "#files") == site_files_state(site_dir)


def site_files_state(site_dir: Path) -> str:
    """A digest of every file of the site: its path, size and modification time (no contents read)."""
    import hashlib

    digest = hashlib.sha256()
    for folder, subfolders, names in os.walk(site_dir):
        subfolders.sort()
        for name in sorted(names):
            path = os.path.join(folder, name)
            try:
                info = os.lstat(path)
            except OSError:
                continue
            digest.update(f"{os.path.relpath(path, site_dir)}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_mode}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def record(cache_dir: Path, site_dir: Path, fingerprint: str) -> None:
    record_file = Path(cache_dir) / "last-build.json"
    try:
        last = json.loads(record_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        last = {}
    if not isinstance(last, dict):
        last = {}
    last[str(site_dir)] = fingerprint
    last[str(site_dir) + "#files"] = site_files_state(site_dir)
    write_atomic(record_file, json.dumps(last, ensure_ascii=False, indent=1).encode("utf-8"))


def keep_unchanged_files(staging: Path, site_dir: Path) -> int:
    """Give every staged file whose bytes equal the live site's the live file itself (a hard link).

    Unchanged pages then keep their inode and modification time across builds, so `rsync -a` (or any
    copy that compares times) sends the intranet server only what changed. Returns how many files
    were kept.
    """
    if not site_dir.is_dir() or os.path.ismount(site_dir):
        return 0
    kept = 0
    for folder, _subfolders, names in os.walk(staging):
        for name in names:
            new = Path(folder) / name
            old = site_dir / new.relative_to(staging)
            try:
                if not old.is_file() or old.is_symlink() or old.stat().st_size != new.stat().st_size:
                    continue
                if os.path.samefile(old, new):
                    # Already the live file (a PDF linked from the store): renaming a link onto
                    # another link of the same file would do nothing and leave the temporary behind.
                    kept += 1
                    continue
                if not _same_bytes(old, new):
                    continue
                temporary = new.with_name(f".{name}.keep")
                os.link(old, temporary)
                os.replace(temporary, new)
                kept += 1
            except OSError:
                continue  # another disk, or no hard links here: the new copy stays, which is also correct
    return kept


def _same_bytes(a: Path, b: Path) -> bool:
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            x, y = fa.read(1 << 20), fb.read(1 << 20)
            if x != y:
                return False
            if not x:
                return True


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
    log.warning("%s 是挂载点：就地替换其中的内容（不是一次性替换）", site_dir)
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
            log.warning("上次生成被中断，已恢复原来的 %s", site_dir)


def remove_stale_builds(site_dir: Path) -> None:
    prefix = _BUILDING.format(name=site_dir.name)
    for path in site_dir.parent.glob(prefix + "*"):
        # The staging folder is <prefix><pid>; the folders its build keeps beside it add a suffix (.pdf, .search).
        pid = path.name[len(prefix):].split(".")[0]
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
