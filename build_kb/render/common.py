"""Shared pieces of the rendered pages: escaping, relative links, dates, badges, citations."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..enrich.classify import OTHER, OTHER_NAME
from ..model import KnowledgeBase, Paragraph, Section, Speech, Term, Theme
from ..ingest.parse import int_to_cn

# Each carries white text at 4.5:1 or more (WCAG 2.1 AA), on a badge and in a chart alike.
PALETTE = ["#c62828", "#2e7d32", "#1565c0", "#b34700", "#6a1b9a", "#00757f", "#ad1457", "#4e342e", "#37474f", "#6b6b12"]
OTHER_COLOUR = "#616161"

def esc(text: str) -> str:
    # Most of our text has nothing to escape: five substring tests are cheaper than five replaces.
    if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text:
        return html.escape(text, quote=True)
    return text


def safe_title(text: str) -> str:
    """A page title for <title> and search results.

    Themes run titles through Jinja's `striptags`, which un-escapes entities: an escaped `<` would
    come back as a real tag. Full-width forms read the same to a Chinese reader and are inert.
    """
    return text.replace("&", "＆").replace("<", "＜").replace(">", "＞")


def front_matter(**fields) -> str:
    """YAML front matter; values are written as JSON, which YAML reads as-is."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def rel(from_page: str, to_url: str) -> str:
    """A link from the page at URL `from_page` (e.g. `speeches/x/`) to site URL `to_url`, relative.

    Relative links keep the site working under any sub-path (http://intranet/kb/) and from file://.
    """
    depth = from_page.count("/")
    # Escaped for an attribute value: ids come from user configuration (a second line of defence).
    return esc("../" * depth + to_url if (depth or to_url) else "./")


# --- shared bits ---------------------------------------------------------------------------------


def date_cn(speech: Speech) -> str:
    if speech.date:
        y, m, d = speech.date.split("-")
        return f"{int(y)}年{int(m)}月{int(d)}日"
    if speech.year and speech.month:
        return f"{speech.year}年{speech.month}月"
    if speech.year:
        return f"{speech.year}年"
    return "日期不详"


DATE_BASIS = {
    "posting": "按网页的发布日期，原文没有写明",
    "cohort": "年份按入学年级推断，原文没有写明",
    "context": "年份由正文内容推断，原文没有写明",
    "caption": "取自图片说明",
}
"""date_source → what a reader is told beside a date the text does not state as the speech's own (kb.json's
date_source, build_kb/publish/KB_JSON_FORMAT.md). A curator's date (override) and the text's own need none."""


def date_basis(speech: Speech) -> str | None:
    """What the date shown for `speech` rests on, when that is not the text's own date line: 按网页的发布日期……

    A reader who quotes the speech must not take a page's posting date for the day it was given."""
    if (speech.date_source or "").startswith("anniversary"):
        return "年份按纪念的周年推断，原文没有写明"
    return DATE_BASIS.get(speech.date_source or "") if (speech.date or speech.year) else None


def cited_date(speech: Speech) -> str:
    """date_cn as a citation gives it: in square brackets when the text does not state it (date_basis),
    as GB/T 7714 writes an estimated year, [2021年]; the speech's page says what it rests on.

    Citations, handouts, lists and the search index use it, so a date copied out of the site keeps its
    doubt with it; the speech page's header shows date_cn with the basis spelled out beside it.
    """
    shown = date_cn(speech)
    return f"[{shown}]" if date_basis(speech) else shown


_EDITORS_NOTE = re.compile(r"^[（(][^（）()]{2,40}[）)]$")


def editors_notes(speech: Speech) -> str:
    """The bracketed notes under a speech's title (（根据录音整理，未经本人审阅）, （有删节）): they say how
    far the text may be quoted, so the page and the handout show them. Other header notes (a site's
    lead-in) stay in kb.json only."""
    return "".join(h.text.strip() for h in speech.header if h.role == "note" and _EDITORS_NOTE.match(h.text.strip()))


def theme_colours(themes: list[Theme]) -> dict[str, str]:
    colours = {t.id: PALETTE[i % len(PALETTE)] for i, t in enumerate(themes)}
    colours[OTHER] = OTHER_COLOUR
    return colours


def section_location(section: Section) -> str:
    """Where a section stands in its speech, for citations: 第二部分第一节."""
    if section.kind == "opening":
        return "开场白"
    if section.kind == "closing":
        return "结束语"
    numbers = [int(n) for n in section.id[1:].split("-")]
    names = ["部分", "节", "点"]
    return "".join(f"第{int_to_cn(n)}{names[i]}" for i, n in enumerate(numbers))


def citation(speech: Speech, section: Section, from_page: str) -> str:
    who = f"，{esc(speech.speaker)}" if speech.speaker else ""
    url = rel(from_page, f"{speech.url}#{section.id}")
    return f'<p class="kb-cite">——<a href="{url}">《{esc(speech.title)}》（<span class="kb-nowrap">{esc(cited_date(speech))}</span>{who}）{esc(section_location(section))}</a></p>'


def pdf_link(from_page: str, pdf_path: str, pages: int, label: str) -> str:
    return f'<a class="kb-pdf" href="{rel(from_page, pdf_path)}" download>{esc(label)}（{pages} 页）</a>'


def volume_link(from_page: str, volume: str, first: int, last: int, label: str = "打印公文版式 PDF", volume_name: str = "") -> str:
    """A part of a volume (a speech in its year's volume, a year of a theme's), opened at its first
    page (`2018.pdf#page=37`): the reader prints those pages (the print dialog's page numbers are
    the ones printed on them)."""
    if not volume_name:
        stem = volume.rsplit("/", 1)[-1].removesuffix(".pdf")
        volume_name = f"{stem}年讲话汇编" if stem.isdigit() else "讲话汇编（年份不详）"
    pages = f"第{first}页" if first == last else f"第{first}—{last}页"
    return f'<a class="kb-pdf" href="{rel(from_page, volume)}#page={first}" target="_blank">{esc(label)}</a>（{esc(volume_name)}{pages}）'


def badges(theme_ids: list[str], themes_by_id: dict[str, Theme], colours: dict[str, str], from_page: str) -> str:
    items = []
    for tid in theme_ids:
        theme = themes_by_id.get(tid)
        if theme is None:
            continue
        items.append(f'<a class="kb-badge" style="--kb-c:{colours[tid]}" href="{rel(from_page, theme.url)}">{esc(theme.name)}</a>')
    return "".join(items)


def paragraph_html(p: Paragraph, links=(), page: str = "") -> str:
    """A numbered, citable paragraph; `links` are (start, end, term) spans to link to term pages."""
    cls = "kb-p kb-salutation" if p.kind == "salutation" else "kb-p"
    number = f'<a class="kb-pn" href="#{esc(p.id)}">{p.number}</a>'  # its tooltip: kb.js
    return f'<p class="{cls}" id="{esc(p.id)}">{number}{linked_text(p.text, links, page)}</p>'


def linked_text(text: str, links, page: str) -> str:
    """Escaped text with each (start, end, term) span turned into a link; spans never overlap. A
    link says which 提法 it names only when its text is another form of it: kb.js gives the others
    their tooltip (written into each link, tooltips were 2 % of the site)."""
    out, cursor = [], 0
    for start, end, term in links:
        out.append(esc(text[cursor:start]))
        named = "" if text[start:end] == term.term else f' title="提法：{esc(term.term)}"'
        out.append(f'<a href="{rel(page, term.url)}"{named}>{esc(text[start:end])}</a>')  # styled as .kb-p > a[href*="terms/"]
        cursor = end
    out.append(esc(text[cursor:]))
    return "".join(out)


def mix_bar(shares: dict[str, int], themes: list[Theme], colours: dict[str, str], width: int = 480) -> str:
    """A stacked bar (inline SVG, printable) of a speech's theme mix, with a text alternative."""
    total = sum(shares.values()) or 1
    names = {t.id: t.name for t in themes} | {OTHER: OTHER_NAME}
    order = [t.id for t in themes if shares.get(t.id)] + ([OTHER] if shares.get(OTHER) else [])
    x, rects, legend = 0.0, [], []
    for tid in order:
        w = shares[tid] / total * width
        pct = round(shares[tid] / total * 100)
        rects.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="14" fill="{colours[tid]}"/>')  # named in the legend below
        legend.append(f'<span class="kb-legend"><i style="background:{colours[tid]}"></i>{esc(names[tid])} {pct}%</span>')
        x += w
    label = "，".join(f"{names[t]}{round(shares[t] / total * 100)}%" for t in order)
    svg = f'<svg class="kb-mix" role="img" aria-label="专题构成：{esc(label)}" viewBox="0 0 {width} 14" width="{width}" height="14" preserveAspectRatio="none">{"".join(rects)}</svg>'
    return f'<div class="kb-mixbar">{svg}<div class="kb-legends">{"".join(legend)}</div></div>'


@dataclass
class Site:
    kb: KnowledgeBase
    pdfs: dict[str, int] = field(default_factory=dict)
    """Site path of each printed handout → its pages."""
    speech_keys: dict[str, str] = field(default_factory=dict)
    """Speech id → the key its parse is cached under, which stands for everything the speech was
    made from (its file, its overrides, the configuration, the code); empty without a cache."""
    printed_parts: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    """A volume's part (a speech's id, or a theme's year: theme_part_key) → (volume, first page, last page)."""

    def __post_init__(self):
        self.terms_by_id = {t.id: t for t in self.kb.terms}
        self.themes_by_id = {t.id: t for t in self.kb.themes}
        self.colours = theme_colours(self.kb.themes)

        self._dates: dict[str, str] = {}
        self._locations: dict[tuple[str, str], str] = {}
        self.speech_position = {speech.id: i for i, speech in enumerate(self.kb.speeches)}
        """Speech id → its place in the knowledge base's order (date, then title)."""

    def term_links(self, paragraph: Paragraph) -> list[tuple[int, int, Term]]:
        return [(link.start, link.end, self.terms_by_id[link.term_id]) for link in paragraph.term_links]

    def date(self, speech: Speech) -> str:
        """cited_date(speech), escaped: asked for again and again by citations across the site."""
        date = self._dates.get(speech.id)
        if date is None:
            date = self._dates[speech.id] = esc(cited_date(speech))
        return date

    def location(self, speech_id: str, section_id: str) -> str:
        """section_location of that section, escaped (memoised like `date`)."""
        key = (speech_id, section_id)
        where = self._locations.get(key)
        if where is None:
            where = self._locations[key] = esc(section_location(self.kb.section(speech_id, section_id)))
        return where


class HtmlPage:
    """A generated page: its HTML body (built here, not by Markdown) and its table of contents.

    MkDocs gets only a front-matter stub for each page; the plugin swaps in `html` and `toc`. Python-
    Markdown never parses our HTML, which made builds 3× slower at 1,000 speeches.
    """

    def __init__(self, title: str, **meta):
        self.title = title
        self.meta = meta
        self.parts: list[str] = []
        self._toc: list[dict] = []
        self._open: list[dict] = []
        self._fill: Callable[[HtmlPage], None] | None = None
        self._inputs: Callable[[], str | None] | None = None
        self._made = True

    @classmethod
    def later(cls, title: str, fill: Callable[[HtmlPage], None], inputs: Callable[[], str | None] | None = None, **meta) -> HtmlPage:
        """A page whose body `fill(page)` writes when it is first asked for (`html`, `toc`), and
        again if asked for after `release`: the pages of 10,000 speeches are then made one at a
        time as they are laid out, never all held at once (about a gigabyte of text).

        `inputs()`, when given, describes in short everything `fill` reads (the same description,
        the same page; None when it cannot say): a rebuild then knows a page it made before without
        making it again."""
        page = cls(title, **meta)
        page._fill, page._inputs, page._made = fill, inputs, False
        return page

    def inputs(self) -> str | None:
        return self._inputs() if self._inputs is not None else None

    @property
    def made_later(self) -> bool:
        return self._fill is not None

    def _filled(self) -> None:
        if not self._made:
            self._made = True
            self._fill(self)

    @property
    def toc(self) -> list[dict]:
        self._filled()
        return self._toc

    def add(self, html_text: str) -> None:
        self.parts.append(html_text)

    def heading(self, level: int, text: str, anchor: str, toc: bool = True) -> None:
        """<hN id=…> with a permalink, listed in the table of contents (text is escaped here)."""
        self.parts.append(f'<h{level} id="{esc(anchor)}">{esc(text)}<a class="headerlink" href="#{esc(anchor)}">¶</a></h{level}>')  # its tooltip: kb.js
        if not toc:
            return
        token = {"level": level, "id": anchor, "name": esc(text), "children": []}
        while self._open and self._open[-1]["level"] >= level:
            self._open.pop()
        (self._open[-1]["children"] if self._open else self._toc).append(token)
        self._open.append(token)

    @property
    def html(self) -> str:
        self._filled()
        # Joined once and kept as the only part: the pieces and the page are not both held.
        if len(self.parts) != 1:
            self.parts = ["\n".join(self.parts)]
        return self.parts[0]

    def release(self) -> None:
        """Let the HTML go once the page is written (a large site's pages are not all held to the
        end). A page made `later` is made again if it is asked for after this."""
        self.parts = []
        if self._fill is not None:
            self._toc, self._open, self._made = [], [], False

    def stub(self) -> str:
        """The Markdown MkDocs reads: front matter only (title and page options)."""
        return front_matter(title=safe_title(self.title), **self.meta)
