"""The MkDocs plugin `zuzhi-kb`: hands the pages that build.py rendered to MkDocs' theme.

The sequence of the build lives in build.py; the plugin only places our HTML in the theme's layout
(navigation, header, search box, print styles), takes a page's layout from the last build when none
of its inputs changed (page_cache.py), and squeezes the template's indentation out of the result.
`kb build` and `kb serve` are the entry points; plain `mkdocs build` shows only docs/.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import zlib
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from .assets import minify_script, minify_stylesheet, trim_theme_stylesheet, unused_components

log = get_plugin_logger(__name__)
THEME_DIR = str(Path(__file__).resolve().parent / "theme")
HOLD_AS_TEXT = 32_000_000
"""Characters of the pages made at once (HtmlPage, not HtmlPage.later) held as text between reading
and laying out; the ones after that wait compressed."""


class KnowledgeBaseConfig(Config):
    corpus = c.Type(str, default="corpus")
    """The corpus directory, relative to mkdocs.yml."""


def is_unused_theme_file(path: str) -> bool:
    """A file Material ships that this site never loads (its search, source maps)."""
    return path.startswith(("assets/javascripts/lunr/", "assets/javascripts/workers/")) or path.endswith(".map")


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    supports_multiple_instances = False

    def __init__(self):
        super().__init__()
        self.pages: dict = {}
        """docs-relative path → HtmlPage, set by publish.write_pages for one MkDocs run."""
        self.page_cache = None
        """A PageCache, set by publish.write_pages when the build keeps a cache."""
        self._keys: dict[str, str] = {}
        """Page → its key, for the pages laid out in this build (stored when written)."""
        self._written_verbatim: set[str] = set()
        """Pages written as their stored layout (already squeezed)."""
        self._linked: set[str] = set()
        """Pages whose live file was linked into the new site: MkDocs is given nothing to write."""
        self._held: dict[str, str | bytes] = {}
        """Page made at once → its HTML (text up to HOLD_AS_TEXT, compressed after that), from when
        MkDocs reads it to when it lays it out."""
        self._held_as_text = 0
        self._env = None

    def quiet_about_linked_pages(self, record: logging.LogRecord) -> bool:
        """A filter for MkDocs' build log, which notes every page with empty output as skipped: a
        linked page is not."""
        message = record.getMessage()
        return not (message.startswith("Page skipped: '") and message.split("'")[1] in self._linked)

    def on_config(self, config):
        # Our template additions (build_kb/publish/theme/main.html) go in front of the theme's own.
        if THEME_DIR not in config.theme.dirs:
            config.theme.dirs.insert(0, THEME_DIR)
        return config

    def on_files(self, files: Files, config) -> Files:
        # Material's own search (its worker and lunr's languages) is replaced by ours, and no browser
        # asks for a source map: a megabyte and a half of every site that nothing loads.
        for file in [f for f in files if is_unused_theme_file(f.src_uri)]:
            files.remove(file)
        shrink_assets(files, config)
        for file in [f for f in files if is_linked_doc(f, config["docs_dir"])]:
            # A link in docs/ (hostname.txt → /etc/hostname) would publish whatever it points to.
            log.warning(f"docs/{file.src_uri}：是链接（或在链接的文件夹里），不发布；请把文件本身复制到 docs/")
            files.remove(file)
        for path, page in sorted(self.pages.items()):
            existing = files.get_file_from_path(path)
            if existing is not None:
                log.warning(f"docs/{path} 与生成的页面同名，会被替换；请给它改名")
                files.remove(existing)
            files.append(File.generated(config, path, content=page.stub()))
        return files

    def on_pre_page(self, page, config, files):
        if page.file.src_uri in self.pages:
            # A generated page's stub is front matter only: Python-Markdown (set up anew for every
            # page) would make nothing of it, so MkDocs' render step just places our outline.
            page.render = functools.partial(_render_generated, page, self.pages[page.file.src_uri])
        return page

    def on_page_content(self, html, page, config, files):
        """Generated pages: our own HTML instead of the stub's (empty) rendering, given to the page
        when it is laid out (on_page_context).

        MkDocs reads every page before it lays out the first. A page made on demand (HtmlPage.later,
        nearly all of them) is not made here at all: its outline, its key and its HTML are made when
        it is laid out, once (at 10,000 speeches the pages are 1.3 GB as text, and making them both
        here and there was a tenth of the build). The few made at once are held until then, as text
        up to HOLD_AS_TEXT and compressed after that."""
        generated = self.pages.get(page.file.src_uri)
        if generated is None or generated.made_later:
            return html if generated is None else ""
        html = generated.html
        if self._held_as_text + len(html) <= HOLD_AS_TEXT:
            self._held[page.file.src_uri] = html
            self._held_as_text += len(html)
        else:
            self._held[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
        generated.release()
        return ""

    def on_nav(self, nav, config, files):
        self._keys, self._written_verbatim, self._linked, self._held, self._held_as_text = {}, set(), set(), {}, 0
        if self.page_cache is not None:
            self.page_cache.site_with_nav(nav)
        return nav

    def on_env(self, env, config, files):
        self._env = env
        if self.page_cache is not None:
            # Compiling the theme's templates cost every build 0.3 s (a twentieth of a one-speech
            # rebuild at 1,000 speeches); Jinja keeps them compiled, each checked against its source.
            compiled = self.page_cache.directory / "templates"
            compiled.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = FileSystemBytecodeCache(str(compiled))
        return env

    def on_template_context(self, context, template_name, config):
        # The 404 page's links are relative to the site's root, like every other page's (MkDocs
        # writes them from "/", which breaks the page under a sub-path and from a folder).
        if template_name == "404.html":
            context["base_url"] = "."
        return context

    def on_post_template(self, output_content, template_name, config):
        return squeeze_indentation(valid_theme_markup(output_content)) if template_name.endswith(".html") else output_content

    def on_page_context(self, context, page, config, nav):
        source = page.file.src_uri
        generated = self.pages.get(source)
        if generated is None:
            return context
        made = None
        """(outline, HTML) of the page body, once made."""
        held = self._held.pop(source, None)
        if held is not None:
            made = generated.toc, held if isinstance(held, str) else zlib.decompress(held).decode("utf-8")
        key, stored = None, False
        if self.page_cache is not None:
            # A page whose inputs made it before is known by its outline and HTML digest, and its
            # key is had without making it (most pages of a one-speech rebuild).
            inputs = None if made else generated.inputs()
            known = self.page_cache.made(inputs)
            if known is None:
                made = made or _make(page, generated)
                known = made[0], html_digest(made[1])
                self.page_cache.remember_made(inputs, *known)
            key = self.page_cache.key(page, *known)
            stored = self.page_cache.has(key)
            if made is None and not stored:
                made, remade_key = self._make_known(page, generated, inputs, known, key)
                if remade_key != key:
                    key, stored = remade_key, self.page_cache.has(remade_key)
        if not stored:
            made = made or _make(page, generated)
            if key is not None:
                self._keys[source] = key
                frame = self.page_cache.frame(page.file.dest_uri, made[1])
                if frame is not None:  # only the body changed: put into the frame it had
                    context["kb_verbatim"] = squeeze_indentation(frame[0] + made[1] + frame[1])
                    self._written_verbatim.add(source)
                    return context
            page.content = made[1]
            return context
        # Unchanged since a previous build: the theme's layout is taken as it was.
        if self.page_cache.link_live(key, page.file.dest_uri, Path(page.file.abs_dest_path)):
            self._linked.add(source)
            context["kb_verbatim"] = ""
            return context
        laid_out = self.page_cache.get(key)
        if laid_out is None:  # damaged or removed since: laid out now, and stored again
            if made is None:
                made, key = self._make_known(page, generated, inputs, known, key)
            page.content = made[1]
            laid_out = squeeze_indentation(valid_theme_markup(self._env.get_template("main.html").render(context)))
            self._keys[source] = key
        # main.html then extends kb-verbatim.html, which writes the stored layout as it is.
        context["kb_verbatim"] = laid_out
        self._written_verbatim.add(source)
        return context

    def _make_known(self, page, generated, inputs: str, known: tuple[list, str], key: str) -> tuple[tuple[list, str], str]:
        """A page known by its inputs, made now after all: (outline, HTML) and its key. The same
        inputs make the same page, unless they miss something the page shows: said, and mended."""
        made = _make(page, generated)
        digest = html_digest(made[1])
        if digest == known[1]:
            return made, key
        log.warning(f"{page.file.src_uri}：输入没变，页面却和上次不同；页面缓存的输入漏掉了什么（请报告给维护人员）")
        self.page_cache.remember_made(inputs, made[0], digest)
        return made, self.page_cache.key(page, made[0], digest)

    def on_post_page(self, output, page, config):
        if page.file.src_uri in self._linked:
            self.pages[page.file.src_uri].release()
            page.content = None
            return ""  # the live file is already in place: MkDocs writes no empty page
        key = self._keys.pop(page.file.src_uri, None)
        if page.file.src_uri not in self._written_verbatim:
            output = valid_theme_markup(output)  # a stored layout was squeezed before it was stored
            if key is not None:
                self.page_cache.put_frame(page.file.dest_uri, output, page.content)
            output = squeeze_indentation(output)
        if key is not None:
            self.page_cache.put(key, output, page.file.dest_uri)
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            generated.release()
            page.content = None
        return output


def shrink_assets(files: Files, config) -> None:
    """The pages' scripts and stylesheets as they are published: ours (docs/assets/) minified,
    Material's stylesheets without the rules of components this site never shows (assets.py)."""
    unused = unused_components(config["markdown_extensions"])
    colours = frozenset((key, str(scheme[key])) for scheme in (config.theme.get("palette") or []) for key in ("primary", "accent") if scheme.get(key))
    docs = Path(config["docs_dir"]).resolve()
    for file in files:
        if not file.abs_src_path or not file.src_uri.startswith("assets/") or not file.src_uri.endswith((".js", ".css")):
            continue
        ours = docs in Path(file.abs_src_path).resolve().parents
        if ours and file.src_uri.endswith(".js"):
            file.content_string = minify_script(file.content_string)
        elif ours:
            file.content_string = minify_stylesheet(file.content_string)
        elif file.src_uri.startswith("assets/stylesheets/"):
            file.content_string = trim_theme_stylesheet(file.content_string, unused, colours)


def _make(page, generated) -> tuple[list, str]:
    """A page made on demand, made now: its outline (given to MkDocs too) and its HTML."""
    page.toc = get_toc(generated.toc)
    return generated.toc, generated.html


def html_digest(html: str) -> str:
    return hashlib.sha256(html.encode("utf-8")).hexdigest()


def _render_generated(page, generated, config, files) -> None:
    """Page.render for a generated page: what Markdown would have made of its empty stub. A page
    made later gets its outline when it is laid out (on_page_context)."""
    page.content = ""
    page.toc = get_toc([] if generated.made_later else generated.toc)
    page.present_anchor_ids = set()
    page.links_to_anchors = {}


_TOC_TITLE_FOR_NO_CONTROL = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.S)


def valid_theme_markup(html: str) -> str:
    """Three things in Material's templates that the Nu HTML checker rejects, mended where they are
    outside any block our theme can override: `autocomplete` on its two checkboxes (allowed on text
    fields only), an empty `tabindex=""` on a section's label, and a `<label for="__toc">` on pages
    whose navigation (hidden on our pages) has no `__toc` checkbox to name."""
    html = html.replace(' type="checkbox" id="__drawer" autocomplete="off">', ' type="checkbox" id="__drawer">')
    html = html.replace(' type="checkbox" id="__search" autocomplete="off">', ' type="checkbox" id="__search">')
    html = html.replace(' tabindex="">', ">")
    if 'id="__toc"' not in html:
        html = _TOC_TITLE_FOR_NO_CONTROL.sub(r'<div class="md-nav__title">\1</div>', html)
    return html


_KEEPS_ITS_SPACES = re.compile(r"(<(pre|textarea|script)\b.*?</\2>)", re.S | re.I)
_INDENTATION = re.compile(r"\n[ \t\n]+")


def squeeze_indentation(html: str) -> str:
    """The theme's template indentation, gone: a line break followed by spaces, tabs or blank lines
    becomes one line break, which a browser shows exactly as it showed the run of white space. Left
    alone inside <pre>, <textarea> and <script>. About a twentieth of every page."""
    pieces = _KEEPS_ITS_SPACES.split(html)
    # split() with two groups yields: text, whole kept element, its tag name, text, …
    out = []
    for i in range(0, len(pieces), 3):
        out.append(_INDENTATION.sub("\n", pieces[i]))
        if i + 1 < len(pieces):
            out.append(pieces[i + 1])
    return "".join(out)


def is_linked_doc(file: File, docs_dir: str) -> bool:
    """A file of docs/ reached through a symbolic link (the file itself or a folder above it)."""
    if not file.abs_src_path or getattr(file, "generated_by", None):
        return False
    import os

    if not os.path.abspath(file.abs_src_path).startswith(os.path.join(os.path.abspath(docs_dir), "")):
        return False  # the theme's own files
    real_docs = os.path.realpath(docs_dir)
    return os.path.realpath(file.abs_src_path) != os.path.join(real_docs, *file.src_uri.split("/"))
