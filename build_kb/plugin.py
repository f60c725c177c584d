"""The MkDocs plugin `zuzhi-kb`: runs the pipeline and hands MkDocs the generated pages.

Because the pages are added in `on_files`, plain `mkdocs build` and `mkdocs serve` work too, and
`mkdocs serve` rebuilds when a file under corpus/ changes.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from . import export
from .errors import KbError
from .model import KnowledgeBase
from .pipeline import build_knowledge_base
from .render import render_pages
from .search_index import write_search_index

log = get_plugin_logger(__name__)
THEME_DIR = str(Path(__file__).resolve().parent / "theme")


class KnowledgeBaseConfig(Config):
    corpus = c.Type(str, default="corpus")
    """The corpus directory, relative to mkdocs.yml."""
    cache = c.Type(str, default=".kb-cache")
    """Where per-speech results are cached for `mkdocs serve` rebuilds (relative to mkdocs.yml)."""


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    supports_multiple_instances = False

    def __init__(self):
        super().__init__()
        self.corpus_override: Path | None = None
        """Set by the CLI (`kb build --corpus`); wins over the `corpus` option."""
        self.progress = None
        self.follow_links = False
        """Set by the CLI (`kb build --follow-links`): read linked files that point outside the corpus."""
        self._config_dir = os.getcwd()
        self.cache_dir: Path | None = None
        """Set by the CLI; under plain `mkdocs serve`/`mkdocs build` the `cache` option is used."""
        self.kb: KnowledgeBase | None = None
        self.error: KbError | None = None
        """The problem that stopped the last build, for the CLI to report as it is."""
        self.pages: dict = {}

    @property
    def corpus_dir(self) -> Path:
        if self.corpus_override:
            return Path(self.corpus_override)
        env = os.environ.get("KB_CORPUS")
        if env:
            return Path(env)
        return Path(self._config_dir) / self.config.corpus

    def on_config(self, config):
        self.configure_paths(config)
        # Our template additions (build_kb/theme/main.html) go in front of the theme's own.
        if THEME_DIR not in config.theme.dirs:
            config.theme.dirs.insert(0, THEME_DIR)
        return config

    def configure_paths(self, config) -> None:
        """Relative paths in the plugin's options are relative to mkdocs.yml."""
        self._config_dir = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))

    def on_startup(self, command, dirty):
        if command == "serve" and self.cache_dir is None and self.config.cache:
            self.cache_dir = Path(os.path.dirname(os.path.abspath("mkdocs.yml"))) / self.config.cache

    def on_pre_build(self, config):
        self.error = None
        try:
            self.kb = build_knowledge_base(self.corpus_dir, progress=self.progress, cache_dir=self.cache_dir, follow_links=self.follow_links)
        except KbError as exc:
            self.error = exc
            # MkDocs prints a PluginError as a one-line error, not a traceback.
            raise PluginError(str(exc)) from exc
        for problem in self.kb.problems:
            log.warning(str(problem))
        start = time.perf_counter()
        self.pages = render_pages(self.kb)
        self.kb.timings["render"] = time.perf_counter() - start
        # Sitemap dates come from the build date: pin it to the corpus so rebuilds are byte-identical.
        os.environ["SOURCE_DATE_EPOCH"] = str(_corpus_epoch(self.kb))

    def on_files(self, files: Files, config) -> Files:
        for path, page in sorted(self.pages.items()):
            existing = files.get_file_from_path(path)
            if existing is not None:
                log.warning(f"docs/{path} is replaced by the generated page of the same name; rename it")
                files.remove(existing)
            files.append(File.generated(config, path, content=page.stub()))
        return files

    def on_page_content(self, html, page, config, files):
        """Generated pages: our own HTML and outline instead of what Markdown made of the stub."""
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return html
        page.toc = get_toc(generated.toc)
        return generated.html

    def on_post_build(self, config):
        if self.kb is not None:
            target = Path(config.site_dir) / "kb.json"
            start = time.perf_counter()
            target.write_text(export.dumps(self.kb), encoding="utf-8")
            self.kb.timings["export"] = time.perf_counter() - start
            start = time.perf_counter()
            search_cache = self.cache_dir / "search" if self.cache_dir else None
            self.search_sizes = write_search_index(self.kb, Path(config.site_dir), search_cache)
            self.kb.timings["search index"] = time.perf_counter() - start

    def on_serve(self, server, config, builder):
        server.watch(str(self.corpus_dir))
        return server


def _corpus_epoch(kb: KnowledgeBase) -> int:
    """Noon UTC of the newest speech date (or 2000-01-01): a fixed, meaningful build date."""
    import calendar
    import datetime as dt

    dates = [s.date for s in kb.speeches if s.date] + [f"{s.year}-12-31" for s in kb.speeches if s.year and not s.date]
    newest = max(dates) if dates else "2000-01-01"
    day = dt.date.fromisoformat(newest)
    return calendar.timegm((day.year, day.month, day.day, 12, 0, 0))
