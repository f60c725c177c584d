"""The whole build, top to bottom: read → clean → parse → enrich → render → publish.

Everything the build needs comes in as arguments (`BuildOptions`); everything it measured goes out
in a `BuildReport`. MkDocs is only the last edge (publish.write_pages): a move to another static
site generator would touch that module alone.
"""

from __future__ import annotations

import gc
import logging
import shutil
from collections.abc import Callable
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .background import Background
from .cache import SpeechCache
from .publish import export
from .publish import site as publish
from .errors import KbError, StrictModeFailure
from .config import load_print_config
from .model import KnowledgeBase, Problem
from .publish.pdf import PrintedPdf, Printer, install_pdfs
from .publish.reader_settings import write_reader_settings
from .render.handout import count_handouts, plan_handouts
from .pipeline import BuildStats, ParsedCorpus, StageTimer, enrich_corpus, parse_corpus
from .render.pages import render_pages
from .publish.search_index import CachedSpeeches, CachedSpeechMissing, write_search_index, write_search_index_from_cache

log = logging.getLogger(__name__)


@dataclass
class BuildOptions:
    config_file: Path = Path("mkdocs.yml")
    """mkdocs.yml: the site's name, theme and navigation; the corpus path is its plugin option."""
    site_dir: Path = Path("site")
    corpus_dir: Path | None = None
    """Overrides the `corpus` option of mkdocs.yml."""
    cache_dir: Path | None = None
    """Per-speech results kept between builds; None rebuilds everything."""
    strict: bool = False
    """Warnings are errors: nothing is published."""
    allow_shrink: bool = False
    """Publish even when the new site has no speeches or under half of the previous site's."""
    follow_links: bool = False
    """Read corpus files that are links to files outside the corpus."""
    pdf: bool | None = None
    """Typeset the study handouts; None: as corpus/print.yaml says (by default, yes)."""
    progress: Callable[[int, int, str], None] | None = None


@dataclass
class BuildReport:
    kb: KnowledgeBase | None
    """None when the build was skipped because nothing changed."""
    site_dir: Path
    seconds: dict[str, float] = field(default_factory=dict)
    """Seconds per stage (see pipeline.BuildStats for what the per-speech figures mean)."""
    cache_hits: int = 0
    cache_misses: int = 0
    search_bytes: dict[str, int] = field(default_factory=dict)
    unchanged_files: int = 0
    """Files whose bytes did not change: the live ones are kept (same inode and mtime)."""
    pdfs: dict[str, int] = field(default_factory=dict)
    """Site path of every handout → its number of pages."""
    printed_parts: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    """A volume's part (a speech's id, a theme's year) → (the volume, first page, last page)."""
    peak_mb: dict[str, float] = field(default_factory=dict)
    """Stage → the process's peak memory at its end (MB)."""
    laid_out: list[str] | None = None
    """Site paths of the generated pages the theme laid out anew (the others kept their layout); None without a cache."""
    framed: list[str] | None = None
    """Those of laid_out whose new body was put into the layout they had around their old one."""

    @property
    def skipped(self) -> bool:
        return self.kb is None


def build(options: BuildOptions) -> BuildReport:
    """Build the knowledge base and publish it atomically into `options.site_dir`."""
    project = publish.open_project(options.config_file, options.corpus_dir, options.strict)
    site_dir = publish.real_site_dir(options.site_dir)
    publish.check_site_dir(site_dir, project.protected(options.cache_dir))
    publish.check_cache_dir(options.cache_dir, {"语料文件夹": project.corpus_dir, "docs 文件夹": project.docs_dir, "网站输出文件夹": site_dir})
    with publish.build_lock(site_dir), _unfrozen_at_exit(), ExitStack() as ends_with_build:
        publish.recover_interrupted_swap(site_dir)
        fingerprint = publish.inputs_fingerprint(project, options, site_dir) if options.cache_dir else None
        if fingerprint and publish.up_to_date(options.cache_dir, site_dir, fingerprint):
            return BuildReport(kb=None, site_dir=site_dir)

        stats = BuildStats()
        reader_config = load_print_config(project.corpus_dir)  # checked before the long work starts
        # Forked now, while this process is small: fed from the speech cache, the search child then
        # never holds (nor inherits) the knowledge base the build is about to make. Its index is wanted
        # only at the end, the handouts before the pages are rendered: it yields the core to both.
        search_child = ends_with_build.enter_context(Background.standing_by(yields=True)) if options.cache_dir else None
        with _no_cycle_collection():
            parsed = parse_corpus(  # read → clean → parse → classify, speech by speech
                project.corpus_dir,
                progress=options.progress,
                cache_dir=options.cache_dir,
                follow_links=options.follow_links,
                stats=stats,
            )
        # The knowledge base lives until the end of the build: the cycle collector need not walk its
        # millions of objects again at every collection the later stages trigger (and a forked
        # child does not copy the pages it would touch doing so).
        gc.freeze()
        for problem in parsed.kb.problems:
            log.warning(str(problem))
        if options.strict and parsed.kb.problems:
            raise StrictModeFailure(f"有 {len(parsed.kb.problems)} 条警告或错误（见上面），--strict 下停止生成；原来的网站保留不动")
        publish.check_shrink(parsed.kb, site_dir, options.allow_shrink)

        timer = StageTimer()
        # The search index and the handouts need only the parsed speeches: children make them while
        # this process enriches and renders.
        with publish.staging_folder(site_dir) as staging, \
                _search_index_beside(parsed, staging, options.cache_dir, site_dir, search_child) as (search, search_dir), \
                _handouts_beside(parsed.kb, project, options, staging) as printing:
            kb = enrich_corpus(parsed, stats, Path(options.cache_dir) / "terms" if options.cache_dir else None)  # → enrich: 提法, related passages
            gc.freeze()
            report = BuildReport(kb=kb, site_dir=site_dir, seconds=stats.seconds, cache_hits=stats.cache_hits, cache_misses=stats.cache_misses, peak_mb=stats.peak_mb)
            with timer("waiting for the handouts"):  # → render (handouts) → print: pages link them with their length
                printed, print_problems = printing.result()
            kb.problems.extend(print_problems)
            report.pdfs = {path: pdf.pages for path, pdf in printed.items()}
            report.printed_parts = {part: (path, *span) for path, pdf in sorted(printed.items()) for part, span in pdf.parts.items()}
            timer.seconds["print"], timer.peak_mb["print"] = printing.seconds, printing.peak_mb
            with timer("render"):
                pages = render_pages(kb, report.pdfs, parsed.cache_keys, report.printed_parts)
            with timer("mkdocs"):
                layouts = publish.write_pages(project, pages, kb, staging, options.cache_dir, live_site=site_dir)
                report.laid_out = sorted(layouts.laid_out) if layouts else None
                report.framed = sorted(layouts.framed) if layouts else None
            install_pdfs(printed, staging)
            exported = export.live_files(options.cache_dir, site_dir) if options.cache_dir else None
            with timer("export"):
                export.write(kb, staging, site_dir, parsed.cache_keys, exported)
            write_reader_settings(staging, reader_config, project.config["site_name"], kb)
            with timer("waiting for the search index"):
                report.search_bytes = search.result()
            _move_into(search_dir, staging)
            timer.seconds["search index"], timer.peak_mb["search index"] = search.seconds, search.peak_mb
            publish.mark_as_ours(staging, kb)
            report.unchanged_files = publish.keep_unchanged_files(staging, site_dir)
            if layouts:
                layouts.record_live(staging)
            if exported:
                exported.save(staging)
            publish.swap_in(staging, site_dir)
        if parsed.speech_cache is not None:
            forgotten = SpeechCache(parsed.speech_cache, context="").keep_only(parsed.cache_entries)
            log.info("删除了 %d 个这次生成没有用到的讲话缓存", forgotten)
        report.seconds.update(timer.seconds)
        report.peak_mb.update(timer.peak_mb)
        if fingerprint:
            publish.record(options.cache_dir, site_dir, fingerprint)
    return report


@contextmanager
def _search_index_beside(parsed: ParsedCorpus, staging: Path, cache_dir: Path | None, live_site: Path, standing_by: Background | None):
    """(the work, its folder): the search index, written beside the staging folder by a child while
    the pages are made, to be moved in when done; files the live site holds unchanged are linked
    from it. The child `standing_by` reads the speeches from the cache; without one (or without a
    cache entry for every speech) a child is forked now and inherits the knowledge base. The folder
    is removed afterwards whatever happens."""
    kb = parsed.kb
    beside = staging.with_name(staging.name + ".search")
    shutil.rmtree(beside, ignore_errors=True)
    search_cache = Path(cache_dir) / "search" if cache_dir else None
    cached = CachedSpeeches.of(kb, parsed.speech_cache, parsed.cache_keys) if parsed.speech_cache and standing_by else None
    try:
        if cached is not None:
            standing_by.start(write_search_index_from_cache, kb.themes, cached, beside, search_cache, live_site)
            yield _SearchIndexWork(standing_by, lambda: write_search_index(kb, beside, search_cache, live_site), beside), beside
        else:
            with Background(lambda: write_search_index(kb, beside, search_cache, live_site), yields=True) as work:
                yield work, beside
    finally:
        shutil.rmtree(beside, ignore_errors=True)


class _SearchIndexWork:
    """The child's search index; written here instead when the child found a cache entry gone
    (another build, or a person, emptied the cache while this one ran)."""

    def __init__(self, child: Background, write_here: Callable[[], dict[str, int]], folder: Path):
        self.child, self.write_here, self.folder = child, write_here, folder
        self.seconds = self.peak_mb = 0.0

    def result(self) -> dict[str, int]:
        try:
            sizes = self.child.result()
            self.seconds, self.peak_mb = self.child.seconds, self.child.peak_mb
            return sizes
        except CachedSpeechMissing as exc:
            log.warning("%s；改为直接从知识库写检索索引", exc)
            shutil.rmtree(self.folder, ignore_errors=True)
            background = Background(self.write_here)  # not entered: it runs here, timed
            sizes = background.result()
            self.seconds, self.peak_mb = background.seconds, background.peak_mb
            return sizes


def _move_into(source: Path, target: Path) -> None:
    """Every file under `source` moved to the same place under `target` (whose folders may exist: search/ holds the results page)."""
    for path in sorted(source.rglob("*")):
        if path.is_file():
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            path.replace(destination)


@contextmanager
def _no_cycle_collection():
    """Parsing makes millions of objects that live to the end of the build (and hardly any cycles):
    the cycle collector would walk them all again and again as they are made, a fifth of the time
    of a rebuild's parsing. It is frozen out of them right after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def _unfrozen_at_exit():
    """`kb serve` builds again and again in one process: nothing a build froze stays pinned."""
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def _handouts_beside(kb: KnowledgeBase, project, options: BuildOptions, staging: Path):
    """The study handouts, typeset by a forked child while the build goes on (they need only the
    parsed speeches); its result is (PDFs, problems). Without a cache the PDFs wait beside the
    staging folder (MkDocs empties the folder it builds into) and are removed afterwards."""
    store = Path(options.cache_dir) / "pdf" if options.cache_dir else staging.with_name(staging.name + ".pdf")
    try:
        with Background(lambda: print_handouts(kb, project, options, store)) as work:
            yield work
    finally:
        if not options.cache_dir:
            shutil.rmtree(store, ignore_errors=True)


def print_handouts(kb: KnowledgeBase, project, options: BuildOptions, store: Path) -> tuple[dict[str, PrintedPdf], list[Problem]]:
    """The study handouts as PDFs, typeset into `store` (or found there when unchanged), and what
    the build should know of them (no fonts, characters the fonts lack)."""
    config = load_print_config(project.corpus_dir)
    if not (config.pdf if options.pdf is None else options.pdf):
        return {}, []
    source = f"{project.corpus_dir.name}/print.yaml"
    try:
        printer = Printer(config, project.corpus_dir, store, publisher=project.config["site_name"])
    except KbError as exc:
        # No Chinese fonts on this machine: the site is still built, without handouts.
        log.warning("%s；这次生成的网站不带学习材料 PDF", exc)
        return {}, [Problem(source, f"{exc}；这次生成的网站不带学习材料 PDF")]
    handouts = plan_handouts(kb, printer.publisher, config.speech_handouts)
    printed, warnings = printer.print_all(handouts, options.progress, total=count_handouts(kb, config.speech_handouts))
    for warning in warnings:
        log.warning(warning)
    return printed, [Problem(source, warning) for warning in warnings]
