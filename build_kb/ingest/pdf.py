"""A PDF's text from its layout (pdfminer.six), not from the order its content stream happens to hold.

pdfminer groups characters into lines and gives each line its box and font size. From those this
module reads a page as a person does:

- running headers and footers are the lines at a page's top or bottom edge that come back, in the
  same size, on other pages of the same parity (a chapter's name on odd pages, the book's on even
  pages) or on most pages; page numbers are edge lines in any of the usual forms (`3`, `— 3 —`,
  `-3-`, `·3·`, `第3页`, `(共9页)`, `3/9`, `III`, `-- 24`), not a heading's own number a tab
  before its text (`1　概述` at a page's top);
- a page set in two columns (a gutter no line crosses) is read column by column, lines that span
  both columns (a title, a table) in their place;
- lines that share a baseline in separate pieces are a table row: one line, cells apart, ending where
  the row ends;
- a small raised note marker (`①`, `1`, `[2]`) that pdfminer gave a line of its own goes back into
  the line it belongs to;
- a rule drawn with one mark (`=====`) is dropped, and so is a picture's caption (the one short
  line right under a photo); a web page a browser printed keeps its headline as the title, the
  site's name behind it (`标题_栏目_某某网`) dropped;
- a picture smaller than half the page that holds text (a diagram placed from elsewhere) keeps its
  labels out of the text, each logged and counted as `figure-text` (a picture that fills half the
  page or more is the page itself, a cover made elsewhere: its text is read);
- a table of contents goes: lines with a dot leader and a page number, and a run of three or more
  entries ending in page numbers (never going back) whose entries the document says again further
  on as paragraphs of their own (the headings they list), with the `目录` line over them;
- headings by their type (type_size_headings): the largest type above the text's that two or more
  different short lines share, each over smaller text, and that sets little else is the top level,
  the next such type the second (`主要工作` / `抓班子带队伍`); a family numbered 1, 2, 3 is left to
  the numbering rules, one whose numbers break the count (第2章 without 第1章) marks nothing;
- lines are joined into paragraphs unless the next one is indented (a paragraph's first line), the
  line before ends short of the column's right edge, a gap or a change of type size comes between
  (in a text set double-spaced, a gap wider than its own leading between wrapped lines:
  paragraph_leading), the line before is a table row, or the next line opens with a bullet after
  a clause's end (`•…；` over `•…`). An item's number a tab before its text (`1　代理人…`) is part of
  its line, and an item's lines set in under its bullet go on over the page from where they stood. A line set against the right edge stands alone (a signature),
  unless it is one of a text justified to a narrower measure beside a picture. Chinese joins without a space, Latin words with one, and a word
  hyphenated at the line end is made whole again.

Journals and reports (docs/dev/READING.md, “PDF 期刊与报告”): a file whose cross-reference pdfminer
cannot follow is rebuilt by pypdf first; a box drawn with glyphs loses its rules and sides; pieces
of one line that touch are one line (`· 46 ·`); a first page's band over two columns leaves the
columns found under it, each line measured in its own column; a masthead over the first page's
title goes; the year comes from the furniture's issue, the date from a sign-off form's `日期` row;
the headings are those the document's own 目录 lists, when nothing else marks them.

A glyph its font maps to no character (pdfminer's `(cid:5)`) is left out as `unmapped-glyph`.
Everything dropped is returned with its page and the reason, and every join is counted, so the
import summary and the log say what was done.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from itertools import takewhile

from .gongwen import read_issuer_signature

EDGE_SHARE = 0.12
"""The top and bottom share of a page where running headers, footers and page numbers live."""
EDGE_LINES = 2
"""At most this many lines at each edge are looked at."""
EDGE_ROW_PIECES = 3
"""A header's or footer's line has at most this many pieces set apart (`日期　标题`, `→_→　口号　←_←`)."""

PAGE_NUMBER = re.compile(
    r"^\s*(?:"
    r"[-—–－―]{1,2}\s*\d{1,4}\s*[-—–－―]{0,2}"  # — 3 —, -3-, -- 24
    r"|第\s*\d{1,4}\s*[页頁](?:\s*[/，,]?\s*共\s*\d{1,4}\s*[页頁])?"  # 第3页, 第3页 共9页, 第1頁共2頁
    r"|共\s*\d{1,4}\s*[页頁]\s*第\s*\d{1,4}\s*[页頁]"
    r"|[(（]\s*共\s*\d{1,4}\s*[页頁]\s*[)）]"  # (共9頁), beside 第3頁
    r"|[·•∙~〔【]\s*\d{1,4}\s*[·•∙~〕】]"  # ·3·, • 3 •, ~3~, 〔3〕
    r"|\d{1,4}\s*/\s*\d{1,4}"  # 3/9
    r"|[(（]?\d{1,4}[)）]?"  # 3, (3)
    r"|[IVXLC]{1,7}|[ivxlc]{1,7}"  # III, ix
    r"|(?:page|p\.)\s*\d+(?:\s*of\s*\d+)?"
    r")\s*$",
    re.IGNORECASE,
)
"""A page number in the forms printed documents use."""

CONTENTS_ENTRY = re.compile(r"^\S.{0,80}?[\s　]*(?:[.·⋅…．_-][\s　]*){4,}[\s　]*(?:\d{1,4}|[IVXLC]{1,6})$")
"""A line of a table of contents: an entry, a dot leader, its page (`第1章 引言 ⋅ ⋅ ⋅ ⋅ 1`)."""
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SENTENCE_END = re.compile(r"[。！？；：!?;:”」』]$")
_LABELLED = re.compile(
    r"^(?:第\s*[一二三四五六七八九十百\d]+\s*[章节部篇条]|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]"
    r"|\d{1,2}(?:\.\d{1,2})*[、.．](?!\d)|[\u2460-\u2473])"
)
"""A line that opens with a heading's or list item's number (第一章, 三、, （一）, 1., 1.2, ①)."""
BULLET = re.compile(r"^[•●▪■◆◇►▶➢➤✓✔❖□Ø]")
"""A list item's bullet (`Ø` is a Wingdings arrow without its font)."""
_CLAUSE_END = re.compile(r"[。！？；：!?;:）)”」』]$")
_CLOSING = re.compile(r"[。，、；：？！,.;:?!）)」』”’》]+")
_NOTE_MARK = re.compile(r"^(?:[\u2460-\u2473\u2776-\u2793*]|\[\d{1,3}\]|\d{1,3}|[（(]\d{1,3}[)）])$")


@dataclass
class PdfLine:
    page: int
    x0: float
    x1: float
    y0: float
    y1: float
    size: float
    text: str
    table_row: bool = False
    note_mark: str = ""
    """A note's mark the line ends with, set small (`标题*`, `…的共演①`): the text keeps it, a title does not."""
    ends_in_space: bool = False
    """Whether the text layer has a space glyph after the line's last character (a clause break the wrap fell on)."""
    in_header_band: bool = False
    """The page's top row stands where the document's other pages set theirs, deeper than EDGE_SHARE (`_header_band`)."""


@dataclass
class PdfRead:
    paragraphs: list[str]
    pages: int
    dropped: list[tuple[int, str, str]] = field(default_factory=list)
    """(page, text, reason) of every line left out: running-header, page-number, table-of-contents,
    figure-text (a diagram's labels, never read as running text) …"""
    joined_lines: int = 0
    paragraphs_joined: int = 0
    markers: int = 0
    """Note markers put back into their lines."""
    table_rows: int = 0
    table_texts: list[str] = field(default_factory=list)
    """The paragraphs read from a table's rows (one row each, never joined), in order: kb add's table_lines."""
    columns: int = 0
    """Pages read as two columns."""
    has_text: bool = False
    """Whether the file has any text layer at all (letters of any script)."""
    title: str | None = None
    """The title the file marks: its metadata title when a paragraph on the first page says it, else
    the first page's largest type (not a 公文's 版头), up to three lines."""
    title_from_metadata: bool = False
    """Whether the title is the metadata's (said on the first page), not the first page's largest type."""
    sizes: list[float] = field(default_factory=list)
    """The type size of each paragraph (of its first line)."""
    note_marks: list[str] = field(default_factory=list)
    on_pages: list[int] = field(default_factory=list)
    """The page each paragraph starts on."""
    """The small note mark each paragraph's last line ends with ("" for none)."""
    first_page: int = 0
    """How many paragraphs the first page gave."""
    last_line: PdfLine | None = None
    """The last line read so far (a page's first line may go on with its paragraph)."""
    last_line_open: bool = True
    """Whether that line runs to its column's edge (a short, centred or right-set one ends its paragraph)."""
    body_size: float = 0.0
    """The type most of the text is set in."""
    pending_notes: list[PdfLine] = field(default_factory=list)
    """A page's footnotes, read after the paragraph that goes on over the page (not inside it)."""
    cells_joined: int = 0
    """Lines of ruled tables' cells joined into their cells' text."""
    notes_moved: int = 0
    """Pages whose footnotes were read after the paragraph they interrupted."""
    headings: list[tuple[str, int]] = field(default_factory=list)
    """Top-level headings told by the chapters' type (chapter_type_headings): (text, 1)."""
    leading: dict[float, float] = field(default_factory=dict)
    """The usual gap between two lines of one paragraph, per type size (paragraph_leading)."""
    cover_date: str | None = None
    cover_year: int | None = None
    """The date a first page gives on a line of its own (a cover's 二〇二六年五月: its year only)."""
    year_line: str | None = None
    """The running header or footer the year was read from when the text gives none (issue_year)."""
    rebuilt: bool = False
    """Whether the file's cross-reference was rebuilt before it could be read (rebuilt_cross_reference)."""
    title_evidence: str = ""
    """Why the title is not the first page's largest type (cover_title): `cover-field` (the cover form's
    题目), `under-series-line` (the largest type is the header every page repeats)."""
    title_passed: str = ""
    """The first page's largest type, passed over for that title."""
    slides: bool = False
    """Whether every page is shaped as a screen is (slide_pages): a deck, whose text never runs on from one slide to the next."""


def read_pdf(data: bytes) -> PdfRead:
    """The paragraphs of a PDF in reading order, and what was dropped or joined (see the module doc).
    A file whose cross-reference pdfminer cannot follow is read once more as pypdf rebuilds it
    (rebuilt_cross_reference); a file neither can open raises pdfminer's error."""
    from pdfminer.pdfparser import PDFSyntaxError

    rebuilt = False
    try:
        pages, heights, pictures, rulings, figure_texts, unmapped, widths = _page_lines(data)
    except PDFSyntaxError:
        repaired = rebuilt_cross_reference(data)
        if repaired is None:
            raise
        data, rebuilt = repaired, True
        pages, heights, pictures, rulings, figure_texts, unmapped, widths = _page_lines(data)
    metadata, maker = _metadata(data)
    result = read_lines(pages, heights, metadata, pictures, by_browser=bool(BROWSER.search(maker)), rulings=rulings, widths=widths)
    result.rebuilt = rebuilt
    # A diagram's labels are no running text, but what is left unread is said (logged and counted).
    result.dropped += [(number, text, "figure-text") for number, texts in enumerate(figure_texts, 1) for text in texts]
    result.dropped += [(number, glyph, "unmapped-glyph") for number, glyphs in enumerate(unmapped, 1) for glyph in glyphs]
    return result


SCREEN_SHAPES = (4 / 3, 16 / 10, 16 / 9)
"""Width over height of the screens slides are made for; paper (A4 on its side, √2; Letter, 1.29) is none of them."""
SHAPE_TOLERANCE = 0.02
SLIDES_MIN_PAGES = 2


def slide_pages(widths: list[float], heights: list[float]) -> bool:
    """Whether a file's pages are slides: two or more, every one shaped as a screen is (4:3, 16:10, 16:9 on
    its side), as a presentation exported to PDF (PowerPoint's 960×540, 720×540; Beamer's) is. A slide is a
    page of its own: its last bullet never runs on into the next slide's title (a hard break), though it
    stops without a full stop and the title goes on in the same type.

    | pages (width × height) | slides |
    |---|---|
    | 960 × 540, 720 × 540 | yes |
    | 842 × 595 (A4 on its side), 595 × 842 (A4) | no |
    | one page 960 × 540 | no (a single picture-like page) |
    """
    if len(widths) < SLIDES_MIN_PAGES or len(widths) != len(heights):
        return False
    return all(h > 0 and any(abs(w / h - shape) <= SHAPE_TOLERANCE * shape for shape in SCREEN_SHAPES) for w, h in zip(widths, heights))


def rebuilt_cross_reference(data: bytes) -> bytes | None:
    """The file written anew by pypdf, whose reader finds a document's objects where pdfminer's does
    not: a journal database's reader writes `startxref 209265` on one line (the offset belongs on the
    next) over a cross-reference stream, and pdfminer, finding neither that line nor a `trailer`,
    knows no /Root. pypdf keeps every page's content as it is (streams are copied, not decoded) and
    writes a plain cross-reference table. None when pypdf cannot read the file either (it is no PDF,
    or too damaged)."""
    from pypdf import PdfReader, PdfWriter

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about the flaws it reads past are English, for no curator
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted or not len(reader.pages):
            return None
        out = io.BytesIO()
        PdfWriter(clone_from=reader).write(out)
    except Exception:  # pypdf fails in many ways on a damaged file: then it is damaged, as pdfminer said
        return None
    return out.getvalue()


def read_lines(pages: list[list[PdfLine]], heights: list[float], metadata_title: str | None = None,
               pictures: list[list[tuple[float, float, float, float]]] | None = None, by_browser: bool = False,
               rulings: list[list[tuple[float, float, float, float]]] | None = None, widths: list[float] | None = None) -> PdfRead:
    """Pages of placed lines (a PDF's, or a web page's that sets its text glyph by glyph, see
    ingest/positioned.py) read as the module doc says; `pictures` are each page's picture boxes,
    `by_browser` whether a browser printed the file, `widths` each page's width."""
    pictures = pictures or [[] for _ in pages]
    rulings = rulings or [[] for _ in pages]
    result = PdfRead(paragraphs=[], pages=len(pages))
    result.slides = slide_pages(widths or [], heights)
    result.has_text = any(line.text.strip() for page in pages for line in page)
    framed = [_frame_glyphs(lines) for lines in pages]
    result.dropped += [(number, line.text, "rule-line") for number, (_, frame) in enumerate(framed, 1) for line in frame]
    pages = [_touching_pieces_joined(_letter_spaced_joined(lines)) for lines, _ in framed]
    pages = _header_band(pages, heights)
    running = _running_lines(pages, heights)
    body_size = result.body_size = _body_size(pages)
    slots = _header_slots(pages, heights, running, body_size)
    result.leading = paragraph_leading(pages)
    for number, (lines, height) in enumerate(zip(pages, heights), 1):
        kept, dropped_at = [], None
        masthead = _masthead(lines, height) if number == 1 else []
        # (under the notes, the page's footer: no text line the notes must stand below)
        notes_block = article_notes([l for l in lines if l in masthead or _edge_reason(l, lines, height, running, body_size, number, slots) is None],
                                    body_size) if number == 1 else []
        for line in lines:
            reason = "masthead" if line in masthead else "article-notes" if line in notes_block else _edge_reason(line, lines, height, running, body_size, number, slots)
            if reason is None and by_browser and _browser_margin(line, metadata_title, body_size) and _edge(line, lines, height):
                reason = "browser-header"
            if reason and dropped_at is not None and abs(dropped_at - line.y0) < 1 and result.dropped[-1][2] == reason:
                page, text, _ = result.dropped[-1]  # the rest of the same header line, set apart
                result.dropped[-1] = (page, f"{text}　{line.text}", reason)
            elif reason:
                result.dropped.append((number, line.text, reason))
                dropped_at = line.y0
            else:
                kept.append(line)
        kept, marks = _margin_marks(kept)
        result.dropped += [(number, line.text, "margin-mark") for line in marks]
        kept, markers = _markers_into_lines(kept, body_size)
        result.markers += markers
        kept, cells = _ruled_rows(kept, rulings[number - 1])
        result.cells_joined += cells
        ordered, gutter = _reading_order(kept)
        two_columns = gutter is not None
        captions = _captions(ordered, pictures[number - 1], body_size, first_page=number == 1)
        entries = [line for line in ordered if CONTENTS_ENTRY.match(line.text)]
        # the `目录` over a page's entries goes with them (left alone, it heads the text's first part as a contents' copy)
        contents = entries + [line for line in ordered if entries and _CONTENTS_TITLE.match(_key(line.text)) and line.y0 > max(l.y0 for l in entries)]
        for line in ordered:  # (an entry and its page number are joined as a row by now, a leader's dots with them)
            reason = "table-of-contents" if line in contents else "rule-line" if RULE_LINE.match(line.text) else "caption" if line in captions else None
            if reason:
                result.dropped.append((number, line.text, reason))
        ordered = [line for line in ordered if not (line in contents or RULE_LINE.match(line.text) or line in captions)]
        result.columns += two_columns
        result.table_rows += sum(line.table_row for line in ordered)
        body, notes = (ordered, []) if two_columns else _bottom_notes(ordered, body_size)
        _reflow(body, result, single_column=not two_columns, gutter=gutter)
        result.pending_notes += notes
        if number == 1:
            result.first_page = len(result.paragraphs)
    _flush_notes(result)
    _drop_contents_by_repetition(result)
    _drop_contents_block(result)
    result.title, title_at = _marked_title(result, metadata_title, body_size)
    if not (metadata_title and result.title and _key(result.title) == _key(metadata_title)):
        largest = result.title
        result.title, result.title_evidence = cover_title(result, title_at, body_size) or (result.title, "")
        result.title_passed = largest if result.title_evidence else ""
    if result.title is None:
        result.title = running_title(result)
        result.title_evidence = "running-header" if result.title else ""
    elif (unmarked := without_a_note_mark(result.title, result.paragraphs[: result.first_page])) != result.title:
        result.title = unmarked
    result.title_from_metadata = bool(result.title and metadata_title and _key(result.title) in (_key(metadata_title), _key((web_title(metadata_title) or (metadata_title,))[0])))
    if result.title is not None:
        _cut_site_name(result, title_at, metadata_title, by_browser)
    result.cover_date, result.cover_year = cover_date(result.paragraphs[: result.first_page])
    if result.cover_year is None:
        result.cover_date = signed_form_date(result.paragraphs)
        result.cover_year = int(result.cover_date[:4]) if result.cover_date else None
    if result.cover_year is None:
        masthead = [(1, text, "running-header") for text in result.paragraphs[: title_at[0] if title_at else 0] if ISSUE_LINE.fullmatch(re.sub(r"\s+", "", text))]
        result.cover_year, result.year_line = issue_year(result.dropped + masthead)
    if result.title_evidence == "cover-field":
        _drop_paragraphs(result, _cover_form(result), "cover-form")
        _drop_paragraphs(result, _form_instructions(result), "form-instructions")
    result.headings = (chapter_type_headings(result, body_size) or type_size_headings(result, title_at, body_size) or title_type_headings(result, title_at, body_size)
                       or contents_headings(result))
    if result.slides:
        result.headings = continued_slide_titles(result.headings)
    return result


def continued_slide_titles(headings: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A deck's slide that carries on the one before repeats its title (`审批顺序及说明` over two slides):
    the same part goes on, so the title heads it once; the repeat stays in the text as a line.

    >>> continued_slide_titles([("系统登录", 1), ("审批顺序及说明", 1), ("审批顺序及说明", 1), ("入党流程", 1)])
    [('系统登录', 1), ('审批顺序及说明', 1), ('入党流程', 1)]
    """
    kept: list[tuple[str, int]] = []
    for heading in headings:
        if kept and _key(kept[-1][0]) == _key(heading[0]) and kept[-1][1] == heading[1]:
            continue
        kept.append(heading)
    return kept


CONTENTS_PAGE_END = re.compile(r"^(?P<entry>\S.{1,60}?)[\s\u3000]+(?P<page>\d{1,4}|[IVXLC]{1,6}|[ivxlc]{1,6})$")
"""A line that ends in a page number set apart: a table of contents' entry without a dot leader
(`上篇　总体情况　3`), or a table's row ending in a figure."""
CONTENTS_RUN_MIN = 3
_CONTENTS_TITLE = re.compile(r"^(?:目\s*录|目\s*次|contents|table of contents)$", re.IGNORECASE)


def _drop_contents_by_repetition(result: PdfRead) -> None:
    """A table of contents whose entries have no dot leader: a run of three or more paragraphs, each
    an entry with a page number at its end, the page numbers never going back, and most entries
    (half, two at least) said again further on as a paragraph of their own (the headings they
    list). A table's rows ending in figures repeat nothing. The run and a `目录` line right above
    it are dropped and logged; the text keeps the headings themselves."""
    keys = [_key(text) for text in result.paragraphs]
    k, drop = 0, set()
    while k < len(result.paragraphs):
        end = k
        while end < len(result.paragraphs) and CONTENTS_PAGE_END.match(result.paragraphs[end]):
            end += 1
        run = range(k, end)
        if len(run) >= CONTENTS_RUN_MIN:
            entries = [CONTENTS_PAGE_END.match(result.paragraphs[j]) for j in run]
            pages = [int(m.group("page")) if m.group("page").isdigit() else None for m in entries]
            numbers = [n for n in pages if n is not None]
            later = set(keys[end:])
            repeated = sum(_key(m.group("entry")) in later for m in entries)
            if numbers == sorted(numbers) and repeated >= max(2, 0.5 * len(run)):
                drop.update(run)
                if k and _CONTENTS_TITLE.match(keys[k - 1]):
                    drop.add(k - 1)
        k = max(end, k + 1)
    _drop_paragraphs(result, drop, "table-of-contents")


def _drop_contents_block(result: PdfRead) -> None:
    """A contents block without leaders or page numbers (a Markdown export lists its headings under
    the title, in the type of the text or smaller): short lines that the text says again further on,
    in order, as paragraphs of their own (ingest/contents.py). Dropped and logged; the lines it names
    stay, and are the ones the headings are found among."""
    from .contents import read_contents_block

    block = read_contents_block(result.paragraphs)
    if block:
        _drop_paragraphs(result, set(block.lines), "table-of-contents")


def _drop_paragraphs(result: PdfRead, drop: set[int], reason: str) -> None:
    """Take the paragraphs at `drop` out of the text, each logged with its page and the reason."""
    if not drop:
        return
    for j in sorted(drop):
        result.dropped.append((result.on_pages[j], result.paragraphs[j], reason))
    keep = [j for j in range(len(result.paragraphs)) if j not in drop]
    result.first_page -= sum(j < result.first_page for j in drop)
    for name in ("paragraphs", "sizes", "note_marks", "on_pages"):
        values = getattr(result, name)
        setattr(result, name, [values[j] for j in keep])


RULE_LINE = re.compile(r"^\s*([^\w\s])(?:\s*\1){4,}\s*$")
"""A rule drawn with one mark over and over (`=====`, `-----`, `※※※※※`): it parts blocks, it says nothing."""

BROWSER = re.compile(r"Chrom|Mozilla|Firefox|Safari|WebKit|Skia/PDF|wkhtmltopdf|Edg[e/]|HeadlessChrome|Prince", re.IGNORECASE)
"""The program a browser names as the maker (Creator, Producer) of a page it printed to PDF."""

_BROWSER_MARGIN = re.compile(
    r"^(?:https?://|file:///|www\.)\S+$"  # the page's address
    r"|^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s*(?:上午|下午|[AP]M)?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?$"  # when it was printed
    # …also as a day of the month with no year (`3/15 10:20`, `3月15日 星期五 下午3:05`: session 27)
    r"|^\d{1,2}[/.-]\d{1,2},?\s*(?:上午|下午|[AP]M)?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?$"
    r"|^(?:\d{4}年)?\d{1,2}月\d{1,2}日\s*(?:(?:星期|周)[一二三四五六日天])?\s*(?:上午|下午)?\s*\d{1,2}:\d{2}(?::\d{2})?$",
    re.IGNORECASE,
)
"""What a browser prints in a page's margins besides the page's title and its page count (`1/3`)."""

def _browser_margin(line: PdfLine, page_title: str | None, body_size: float) -> bool:
    """Is the line what a browser prints in a page's margin: the page's address, when it printed,
    or the page's title in the margin's small type (the page count is a page number)?"""
    return bool(_BROWSER_MARGIN.match(line.text)) or bool(page_title) and line.size < body_size and _key(line.text) == _key(page_title)


_SITE_SEPARATOR = re.compile(r"\s*(?:[_|｜]|\s[-–—]\s)\s*")
_BARE_DASH = re.compile(r"(?<![\d\s—–-])[-–—](?![\d\s—–-])")
"""A dash between two words' characters, as a browser prints a page's title with its site
(`标题-光明日报-光明网`): not between digits (2021-2025) and not a doubled Chinese dash (——)."""
SITE_PART_MAX = 24
_SENTENCE_MARKS = re.compile(r"[，。！？；：,!?;:]")


def web_title(text: str, by_browser: bool = False) -> tuple[str, str] | None:
    """(headline, site) of a web page's title as a browser gives it: the headline, then the column
    and the site's name behind separators (`标题_栏目_某某网`, `标题 | 某某网`, and, in a page a
    browser printed, `标题-某某日报-某某网`). None when the text has no such tail: the parts behind
    a separator are short names, with no sentence's marks, and the headline is no shorter than six
    characters."""
    compact = text.strip()
    parts = _SITE_SEPARATOR.split(compact)
    if len(parts) == 1 and by_browser:
        parts = _BARE_DASH.split(compact)
    if len(parts) < 2 or len(parts[0]) < 6 or not _HAN.search(parts[0]):
        return None
    tail = parts[1:]
    if any(not 2 <= len(part) <= SITE_PART_MAX or _SENTENCE_MARKS.search(part) for part in tail):
        return None
    headline = parts[0]
    return headline, compact[len(headline):].strip()


def _cut_site_name(result: PdfRead, title_at: list[int], metadata: str | None, by_browser: bool) -> None:
    """A page printed from the web has its title with the site's name behind it: the headline is the
    title; the site's name is dropped (and logged) from the paragraph that printed it."""
    found = web_title(result.title, by_browser or bool(metadata and web_title(metadata)))
    if found is None or not title_at:
        return
    headline, site = found
    last = title_at[-1]
    text = result.paragraphs[last]
    compact_site = re.sub(r"\s+", "", site)
    end = len(text)
    while end > 0 and re.sub(r"\s+", "", text[end:]) != compact_site:
        end -= 1
    if end == 0:
        return
    result.paragraphs[last] = text[:end].rstrip()
    result.dropped.append((1, text[end:].strip(), "site-name"))
    result.title = headline


CAPTION_MAX = 60
"""The longest line taken for a picture's caption."""
PICTURE_MIN_LINES = 4
"""A photo is at least this many lines of text high (a row of buttons or a rule is less)."""


def _captions(lines: list[PdfLine], pictures: list[tuple[float, float, float, float]], body_size: float, first_page: bool) -> list[PdfLine]:
    """A picture's caption: the one short line right under a picture (a photo as wide as a good
    part of the text), within a line's space of it and inside its width, in the text's type or
    smaller, with no heading's number. A picture above all the text of the first page is a
    masthead, a banner or a button bar: the line under it (a 发文字号, a posting line) is no caption."""
    if not lines or not pictures:
        return []
    left, right = min(l.x0 for l in lines), max(l.x1 for l in lines)
    found = []
    for x0, y0, x1, y1 in pictures:
        if x1 - x0 < 0.4 * (right - left) or y1 - y0 < PICTURE_MIN_LINES * max(body_size, 1):
            continue
        if first_page and not any(l.y0 > y1 and l.x1 - l.x0 >= 0.6 * (right - left) for l in lines):
            continue
        under = [l for l in lines if l.y1 <= y0 + 1 and y0 - l.y1 <= 1.5 * l.size and l.x0 >= x0 - l.size and l.x1 <= x1 + l.size]
        if not under:
            continue
        line = max(under, key=lambda l: l.y1)
        if (len(line.text) <= CAPTION_MAX and line.size <= 1.05 * body_size and not _LABELLED.match(line.text)
                and line.x1 < right - 2 * line.size and line not in found):
            found.append(line)
    return found


_COVER_DATE_LABEL = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:日期|时间)[:：]?(?=(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})")
"""A cover's label before its date (发布日期:2023.03, 日期：2024年5月)."""
_NUMERIC_YEAR_AND_MONTH = re.compile(r"((?:19|20)\d{2})[./-](0?[1-9]|1[0-2])")
"""A year and month in figures (2023.03, 2023-3), on a cover line of its own."""
_YEAR_AND_MONTH = re.compile(r"([〇○零一二三四五六七八九]{4}|(?:19|20)\d{2})\s*年\s*([一二三四五六七八九十]{1,2}|\d{1,2})\s*月")


def cover_month(first_page: list[str], year: int | None) -> int | None:
    """The month of the cover's year-and-month line (`二〇二三年五月`, `2023年5月`, `2023.05`) that gave `year`
    (cover_date): a cover dated to the month is stored as its year and month, not its year alone.

    >>> cover_month(["某某公司党委", "二〇二三年五月"], 2023), cover_month(["2023.11"], 2023), cover_month(["二〇二三年五月"], 2024)
    (5, 11, None)
    """
    from ..text import cn_to_int, year_number

    for text in first_page:
        compact = _COVER_DATE_LABEL.sub("", re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)))
        m = _YEAR_AND_MONTH.fullmatch(compact) or _NUMERIC_YEAR_AND_MONTH.fullmatch(compact)
        if m and year_number(m.group(1)) == year:
            month = int(m.group(2)) if m.group(2).isdigit() else cn_to_int(m.group(2))
            return month if month and 1 <= month <= 12 else None
    return None


HEAD_LINE_MAX = 60
"""A line above the text (title, byline, posting line) is shorter than this; the text's first paragraph is longer."""


_RECEIVED = re.compile(r"^[\[【(（]?(?:收稿|来稿|投稿|收到|修回|修改|定稿|录用|接收|接受|网络出版|网络首发|Received|Revised|Accepted)(?:日期|时间)?[\]】)）]?[:：]?(?=.{0,4}(?:19|20)\d{2})", re.IGNORECASE)
"""A journal's record of when it received, revised and accepted the article (`收稿日期：2016－02－01`, `[收稿日期] …`,
`Received: 2019-03-02`): the journal's days, never the article's date — its year is the issue's (session 27: a
received date was read as a paper's date)."""


def cover_date(first_page: list[str]) -> tuple[str | None, int | None]:
    """A date alone on a line of the first page (a cover, a report's title page): a full date, or a
    year and month (`二〇二六年五月`, `2023年6月`), which gives the year. Above the text, a date set
    apart in a line of its own pieces is one too (a printed web page's `2021-05-31　来源：某报　收藏`).
    A journal's 收稿日期 (received, revised, accepted) is none (`_RECEIVED`).

    >>> cover_date(["收稿日期：２０１６－０２－０１", "修回日期：2016-03-01"]), cover_date(["发布日期：2023.03"])
    ((None, None), (None, 2023))
    """
    from ..text import find_date, year_number

    def alone(text: str) -> str | None:
        found = find_date(text)
        return found[0] if found and found[1].group(0) == text else None

    head = True
    for text in first_page:
        if _RECEIVED.match(re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))):
            continue  # 收稿日期：2016－02－01 (full-width, as a journal's footnote sets it): the day the journal received it
        compact = _COVER_DATE_LABEL.sub("", re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)))
        if alone(compact):
            return alone(compact), int(alone(compact)[:4])
        m = _YEAR_AND_MONTH.fullmatch(compact) or _NUMERIC_YEAR_AND_MONTH.fullmatch(compact)
        if m and year_number(m.group(1)):
            return None, year_number(m.group(1))
        head = head and len(compact) < HEAD_LINE_MAX
        cells = [alone(re.sub(r"\s+", "", cell)) for cell in text.split("\u3000")] if head and "\u3000" in text else []
        if any(cells):
            date = next(cell for cell in cells if cell)
            return date, int(date[:4])
        posted = find_date(compact) if head else None
        if posted and posted[1].start() == 0 and _POSTING_WORDS.match(compact, posted[1].end()):
            return posted[0], int(posted[0][:4])
    return None, None


ISSUE = re.compile(r"((?:19|20)\d{2})\s*年\s*(?:第\s*[\d一二三四五六七八九十]{1,3}\s*[卷期季]|[\d一二三四五六七八九十]{1,2}\s*月|[上下]半年|度)")
"""A year as a journal's or a report's furniture gives it: its issue (`2016年第3期`, `2010年第19卷第1期`,
`2020年第一季度报告`, `2019年5月`, `2019年度`)."""
ISSUE_LINE = re.compile(r".{0,12}?(?:19|20)\d{2}年第[\d一二三四五六七八九十]{1,3}[卷期](?:第\d{1,3}期)?")
"""A journal's masthead line over the title of its first page: its name and issue (`2016年第3期`)."""


VOLUME_ISSUE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*[，,]\s*(?:Vol\.?\s*)?\d{1,3}\s*[（(]\s*\d{1,2}\s*[）)]"
    r"|(?<!\d)\d{1,3}\s*[（(]\s*\d{1,2}\s*[）)]\s*[:：]\s*\d{1,5}\s*[−–—-]\s*\d{1,5}\s*[，,]\s*((?:19|20)\d{2})(?!\d)"
)
"""A journal's volume and issue as a citation gives them, the year before them or at the end: `计算机研究与发展　2023，60（4）`
(a running header), `60（4）：763−771，2023` (the masthead's volume, issue, pages and year)."""


def issue_year_in(text: str) -> int | None:
    """The year a journal's or a report's furniture line gives (ISSUE, VOLUME_ISSUE, an English issue line).

    >>> issue_year_in("60（4）：763−771，2023"), issue_year_in("计算机研究与发展　2023，60（4）"), issue_year_in("现代大学教育　2016年第3期")
    (2023, 2023, 2016)
    >>> issue_year_in("图4（b）：2−3，共5项") is None
    True
    """
    m = ISSUE.search(text) or _LATIN_ISSUE_YEAR.search(text)
    if m:
        return int(m.group(1))
    m = VOLUME_ISSUE.search(text)
    return int(m.group(1) or m.group(2)) if m else None


def issue_year(dropped: list[tuple[int, str, str]]) -> tuple[int | None, str | None]:
    """The year the running headers and footers give (a journal's `现代大学教育　2016年第3期`, a
    report's `2020年第一季度报告`): the document's year when its text gives none. The year the most
    of them say, with the line said first; (None, None) without one.

    >>> issue_year([(2, "现代大学教育　2016年第3期", "running-header"), (3, "何某某：美国教育管窥", "running-header")])
    (2016, '现代大学教育　2016年第3期')
    >>> issue_year([(1, "2016年第3期", "table-of-contents")])
    (None, None)
    """
    found = [(year, text) for _, text, reason in dropped if reason in ("running-header", "masthead") and (year := issue_year_in(text))]
    if not found:
        return None, None
    year = Counter(year for year, _ in found).most_common(1)[0][0]
    return year, next(text for y, text in found if y == year)


_FORM_DATE_LABEL = re.compile(r"^(?:成文|落款|签发|签署|报告)?日期[\s　:：]")


def signed_form_date(paragraphs: list[str]) -> str | None:
    """The date of a sign-off block set as a form (a report's `公司名称　X` / `法定代表人　Y` /
    `日期　2020年4月30日`): the one paragraph in the document that is a `日期` label and a full date.
    Two such rows are a table's, no signature's.

    >>> signed_form_date(["三、重要事项", "公司名称　某某股份有限公司", "法定代表人　张某", "日期　2020年4月30日", "四、附录"])
    '2020-04-30'
    >>> signed_form_date(["日期　2020年4月30日", "日期　2020年5月8日"]) is None
    True
    """
    from .gongwen import read_signing_date

    found = [date for text in paragraphs if _FORM_DATE_LABEL.match(text) and (date := read_signing_date(text))]
    return found[0] if len(found) == 1 else None


_POSTING_WORDS = re.compile(r"来源|作者|编辑|发布|浏览|阅读|点击|字号|收藏|分享|打印")
"""The words that follow the date on a page's posting line (`2021-05-31 来源：某报 收藏`)."""


_LEADER_AND_PAGE = re.compile(r"[\s　]*(?:[.·⋅…．_-][\s　]*){4,}[\s　]*(?:\d{1,4}|[IVXLC]{1,6})$|[\s　]+(?:\d{1,4}|[IVXLC]{1,6})$")
def contents_headings(result: PdfRead) -> list[tuple[str, int]]:
    """The headings the document's own table of contents lists (dropped as `table-of-contents`), where
    the text says them again as paragraphs of their own, in the contents' order (a report's
    `一、重要提示`, `二、公司基本情况`: set in the text's type, and numbered like the rows of its
    statements — `一、营业总收入` — which are no parts). Entries numbered like the first numbered
    entry are the top level, and so are unnumbered ones before it (摘要); others are the second;
    fewer than two found say nothing.

    >>> read = PdfRead(paragraphs=["一、重要提示", "1.1 本报告未经审计。", "二、公司基本情况", "一、营业总收入　50,590"], pages=3,
    ...                dropped=[(2, "一、　重要提示..........3", "table-of-contents"), (2, "二、　公司基本情况......3", "table-of-contents")])
    >>> contents_headings(read)
    [('一、重要提示', 1), ('二、公司基本情况', 1)]
    >>> read.paragraphs, read.dropped = ["摘要", "一、现状", "调研情况", "二、建议"], [(2, f"{entry}......{page}", "table-of-contents")
    ...     for entry, page in (("摘要", "I"), ("一、现状", 1), ("调研情况", 1), ("二、建议", 2))]
    >>> contents_headings(read)
    [('摘要', 1), ('一、现状', 1), ('调研情况', 2), ('二、建议', 1)]
    """
    entries = [_LEADER_AND_PAGE.sub("", text).strip() for _, text, reason in result.dropped if reason == "table-of-contents"]
    # (an exporter's contents lists the document's own title first: the title heads no part)
    entries = [entry for entry in entries if entry and not _CONTENTS_TITLE.match(_key(entry)) and _key(entry) != _key(result.title or "")]
    if len(entries) < 2:
        return []

    from .contents import entry_levels

    keys = [_key(text) for text in result.paragraphs]
    found, start = [], 0
    for entry, level in zip(entries, entry_levels(entries)):
        at = next((j for j in range(start, len(keys)) if keys[j] == _key(entry)), None)
        if at is not None:
            found.append((result.paragraphs[at], level))
            start = at + 1
    return found if len(found) >= 2 else []


_CHAPTER = re.compile(r"^第\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[章部篇]")
_HEADING_STOPS = re.compile(r"[。！？；，,;!?]")
CHAPTER_HEADING_MAX = 30


def title_type_headings(result: PdfRead, title_at: list[int], body_size: float) -> list[tuple[str, int]]:
    """A document in parts, each headed as large as the title (a thesis's 原创性声明 and 关于使用授权的
    声明 on one page): a short line after the title set in the title's type, over the text of its
    part (a long paragraph in the text's type), is a top-level heading. A cover's further lines in
    that type stand over other short lines: they are no headings."""
    if not title_at:
        return []
    title_size = result.sizes[title_at[0]]
    if title_size < 1.3 * body_size:
        return []
    found = []
    for k in range(title_at[-1] + 1, len(result.paragraphs) - 1):
        text, following = result.paragraphs[k], result.paragraphs[k + 1]
        if (abs(result.sizes[k] - title_size) <= 0.05 * title_size and len(text) <= CHAPTER_HEADING_MAX and _HAN.search(text)
                and not _HEADING_STOPS.search(text) and abs(result.sizes[k + 1] - body_size) <= 0.15 * body_size and len(following) >= HEAD_LINE_MAX):
            found.append((text, 1))
    return found


HEADING_TYPE_MIN = 1.15
"""A heading's type is at least this many times the text's size."""
HEADING_TYPE_SHARE = 0.8
"""Of the paragraphs set in a heading's type, at least this share are short lines over smaller text
(a type that also sets long paragraphs is a quotation's or a preface's, not the headings')."""
HEADING_LINE_MAX = 40


def _heading_like(text: str) -> bool:
    """A short line with words and no sentence's end: what a heading looks like."""
    return len(text) <= HEADING_LINE_MAX and bool(re.search(r"[\u3400-\u9fffA-Za-z]", text)) and not re.search(r"[。！？；;!?]$", text)


def type_size_headings(result: PdfRead, title_at: list[int], body_size: float) -> list[tuple[str, int]]:
    """The document's headings told by their type alone (a Word or Markdown export whose headings
    carry no number, or one the numbering rules cannot rank): a type size above the text's that
    two or more short lines share, each over smaller text, and that sets (almost) nothing else.
    The largest such type is the top level, the next one the second. The title and a cover (a
    first page without a paragraph of the text's type) are left out. A heading wrapped over two
    lines of its type (`小河巨变，` / `旧社会…`) is made one paragraph first (a join, counted)."""
    start = title_at[-1] + 1 if title_at else 0
    if not any(abs(size - body_size) <= 0.15 * body_size for size in result.sizes[start : result.first_page]):
        start = max(start, result.first_page)  # a cover: nothing in the text's type
    _join_wrapped_heads(result, start, body_size)
    paragraphs, sizes = result.paragraphs, result.sizes
    by_size: dict[float, list[int]] = defaultdict(list)
    for k in range(start, len(paragraphs)):
        by_size[round(sizes[k] * 2) / 2].append(k)
    levels: list[list[int]] = []
    for size in sorted(by_size, reverse=True):
        if size < HEADING_TYPE_MIN * body_size or len(levels) == 2:
            break
        members = by_size[size]
        heads = [k for k in members if _heading_like(paragraphs[k]) and k + 1 < len(paragraphs) and sizes[k + 1] < 0.97 * sizes[k]
                 and _heads_text(result, k)]
        if len(heads) >= 2 and len(heads) >= HEADING_TYPE_SHARE * len(members) and len({paragraphs[k] for k in heads}) >= 2:
            levels.append(heads)  # (one line again and again is a table's or a page's head, no family)
    if levels and _numbered_in_sequence([paragraphs[k] for k in levels[0]]) is not False:
        return []  # numbered 1, 2, 3 (the numbering rules read them), or out of sequence (the type is no guide)
    if len(levels) == 2 and _numbered_in_sequence([paragraphs[k] for k in levels[1]]) is None:
        levels.pop()
    at = {k: level for level, heads in enumerate(levels, 1) for k in heads}
    return [(paragraphs[k], at[k]) for k in sorted(at)]


_FAMILY_NUMBER = re.compile(
    r"^(?:第\s*(?P<chapter>[一二三四五六七八九十]{1,3}|\d{1,2})\s*[章节部篇]"
    r"|(?P<han>[一二三四五六七八九十]{1,3})\s*[、.．]"
    r"|(?P<digit>\d{1,2})\s*[、.．](?!\d)"
    r"|(?P<bare>\d{1,2})\s)"
)
"""A heading's own number: 第2章, 三、, 4. or `4　概述` (not 4.1, a second level's). The numbering
rules read all but the last, a Word list's bare number before its text."""


def _numbered_in_sequence(heads: list[str]) -> bool | None:
    """True when every one of a family's headings carries a number the numbering rules read and they
    count on (1, 2, 3 in each style); None when a number breaks the count (第2章 with no 第1章 before
    it: the type set something else too, or missed a sibling); False when some carry none, or a bare
    number (`1　概述`), and the numbered ones count."""
    from ..text import cn_to_int

    last: dict[str, int] = {}
    unnumbered = False
    for text in heads:
        m = _FAMILY_NUMBER.match(text)
        if not m:
            unnumbered = True
            continue
        style = next(name for name, value in m.groupdict().items() if value)
        unnumbered = unnumbered or style == "bare"
        value = m.group(style)
        number = int(value) if value.isdigit() else cn_to_int(value)
        if number != last.get(style, 0) + 1:
            return None
        last[style] = number
    return not unnumbered


def _heads_text(result: PdfRead, k: int) -> bool:
    """Does text stand under the heading at k (a long paragraph, or two), before the next line in its
    type or a larger one? A cover's line over a date heads nothing."""
    under = 0
    for j in range(k + 1, len(result.paragraphs)):
        if result.sizes[j] >= 0.97 * result.sizes[k]:
            break
        under += 1
        if len(result.paragraphs[j]) >= HEAD_LINE_MAX or under >= 2:
            return True
    return False


def _join_wrapped_heads(result: PdfRead, start: int, body_size: float) -> None:
    """Two short paragraphs in one type above the text's, the first ending in a comma: one heading
    wrapped over two lines."""
    k = start
    while k + 1 < len(result.paragraphs):
        first, second = result.paragraphs[k], result.paragraphs[k + 1]
        if (result.sizes[k] >= HEADING_TYPE_MIN * body_size and abs(result.sizes[k + 1] - result.sizes[k]) <= 0.03 * result.sizes[k]
                and re.search(r"[，、,]$", first) and _heading_like(first + second)):
            result.paragraphs[k : k + 2] = [first + second]
            del result.sizes[k + 1]
            del result.note_marks[k + 1]
            del result.on_pages[k + 1]
            result.joined_lines += 1
            result.first_page -= k + 1 < result.first_page
            continue
        k += 1


def chapter_type_headings(result: PdfRead, body_size: float) -> list[tuple[str, int]]:
    """The document's top-level headings when its chapters are set in a type of their own: every
    short line after the first page set in the size that two or more `第N章` lines share, and larger
    than the text (a thesis's 摘要, 参考文献, 致谢 and 附录A are chapters without a number). Without
    two numbered chapters in one size nothing is marked: the numbering rules read the text."""
    def short(text: str) -> bool:
        return len(text) <= CHAPTER_HEADING_MAX and bool(_HAN.search(text)) and not _HEADING_STOPS.search(text)

    body = list(zip(result.paragraphs, result.sizes))[result.first_page:]
    chapter_sizes = Counter(round(size, 1) for text, size in body if _CHAPTER.match(text) and short(text))
    sizes = {size for size, count in chapter_sizes.items() if count >= 2 and size >= 1.15 * body_size}
    return [(text, 1) for text, size in body if round(size, 1) in sizes and short(text)]


def _metadata(data: bytes) -> tuple[str | None, str]:
    """The file's metadata title, and the programs named as its Creator and Producer."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    def text(value) -> str:
        value = resolve1(value)
        if isinstance(value, bytes):
            value = value.decode("utf-16") if value.startswith(b"\xfe\xff") else value.decode("latin-1", "replace")
        return value.strip() if isinstance(value, str) else ""

    try:
        info = PDFDocument(PDFParser(io.BytesIO(data))).info
        fields = info[0] if info else {}
        return text(fields.get("Title")) or None, f"{text(fields.get('Creator'))} {text(fields.get('Producer'))}"
    except Exception:  # a broken info dictionary only costs the hints
        return None, ""


def _key(text: str) -> str:
    import unicodedata

    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


MARKED_TITLE_MAX = 60
"""The longest title a file marks (up to three lines of the first page's largest type)."""


def _marked_title(result: PdfRead, metadata: str | None, body_size: float) -> tuple[str | None, list[int]]:
    """The title the file marks and the first page's paragraphs it is made of: the paragraph its
    metadata title names (or names with a site's name behind it), else the first page's largest type."""
    from .gongwen import read_copy_number, read_doc_number, read_issuer_signature, read_masthead, read_secrecy, read_urgency

    first = result.paragraphs[: result.first_page][:15]
    compacts = [re.sub(r"\s+", "", text) for text in first]
    if metadata:
        headline = (web_title(metadata) or (metadata,))[0]
        for k, text in enumerate(first):
            if _key(text) in (_key(metadata), _key(headline)):
                return text, [k]
    sizes = result.sizes[: len(first)]

    def issuers_part(k: int) -> bool:
        # the 公文 readers read the line as printed: NFKC would make its ， a comma they do not stop at
        # (…三元布局, ending like an organ's 局, is a title's line, not a signature)
        text = compacts[k]
        return bool(read_masthead(compacts, k) or read_doc_number(text) or read_issuer_signature(text) or read_secrecy(text) or read_urgency(text) or read_copy_number(text)
                    or k < 4 and any(read_doc_number(t) or _STANDARD_NUMBER.match(t) for t in compacts[k + 1 : k + 3]))  # a masthead over a number

    # (a `目录` set in the title's type under it is the contents' label, never the title's last line)
    candidates = [(size, k) for k, size in enumerate(sizes) if size >= 1.3 * body_size and _HAN.search(first[k]) and not issuers_part(k)
                  and not _CONTENTS_TITLE.match(_key(first[k]))]
    if not candidates:
        return None, []
    largest = max(size for size, _ in candidates)
    at = [k for size, k in candidates if size == largest]
    run = at[:1]
    for k in at[1:]:
        if k - run[-1] > 2 or any(len(first[j]) >= HEAD_LINE_MAX for j in range(run[-1] + 1, k)):
            break  # a line of that type further down, or past text, is another block (a cover's unit, a part's heading)
        run.append(k)
    run = _with_the_line_it_annotates(run, first, sizes, body_size)
    run = _with_its_first_line_set_smaller(run, first, sizes, body_size, issuers_part)
    # (a note's mark after the title, `…的共演*`, stays in the text: the title is without it)
    lines = [first[k].removesuffix(result.note_marks[k]) if k < len(result.note_marks) else first[k] for k in run]
    if len(lines) > 3 or sum(map(len, lines)) > MARKED_TITLE_MAX:
        return None, []
    return "".join(lines), run


_WHOLLY_BRACKETED = re.compile(r"[（(【〔\[][^（()）【】〔〕\[\]]{2,30}[）)】〕\]]")


def _with_the_line_it_annotates(run: list[int], first: list[str], sizes: list[float], body_size: float) -> list[int]:
    """A cover's largest line wholly in brackets (`（党建部分使用说明）`) annotates the large line right above
    it, the deck's or the book's name (`组织工作管理与服务一体化平台`): a bracket's note is never a title
    on its own, so the title is both lines. The line above must be large too (the title's type, not
    the text's), a line of its own (no 版头's `…文件`); it may end like an organ's name (…平台).

    | first page (type size) | title |
    |---|---|
    | `某某平台` (44) / `（使用说明）` (54) | `某某平台（使用说明）` |
    | `某某平台` (44) / `使用说明` (54) | `使用说明` (not bracketed: left as it was) |
    | `某某大学` (12) / `（使用说明）` (54) | `（使用说明）` (the line above is text's type) |
    """
    if len(run) != 1 or not run[0] or not _WHOLLY_BRACKETED.fullmatch(re.sub(r"\s+", "", first[run[0]])):
        return run
    above = run[0] - 1
    if sizes[above] >= 1.3 * body_size and _HAN.search(first[above]) and not re.search(r"文件$", first[above].strip()) and len(first[above]) < HEAD_LINE_MAX:
        return [above, run[0]]
    return run


COVER_FIRST_LINE_SHARE = 0.6
"""A title's first line set smaller than the rest is at least this share of the rest's type."""
COVER_FIRST_LINE_MAX = 20
_NAMES_ITS_OWN = re.compile(r"(?:大学|学院|学校|论文|文件|丛书|系列|出版社|研究院|研究所|委员会|[部局厅委办处])$")
"""A line that ends as a name of its own — a school's, a series', an organ's — is no title's first words."""


def _with_its_first_line_set_smaller(run: list[int], first: list[str], sizes: list[float], body_size: float, issuers_part) -> list[int]:
    """A cover's title set on two lines, the first smaller (`某某市基层党建` 20 over `年度发展报告（2023）` 26): the
    first line is the title's too, as a person reads the cover. It stands right over the largest line, in
    display type (1.3 times the text's or more, and COVER_FIRST_LINE_SHARE of the title's), short, with no stop; a
    line that is a name of its own (a school, a series, an organ: `某某大学`, `本科毕业论文`, `中共某某县委组织部`), a
    date or a 公文's part is not taken.

    | first page (type size) | title |
    |---|---|
    | `某某市基层党建` (20) / `年度发展报告（2023）` (26) | `某某市基层党建年度发展报告（2023）` |
    | `某某大学` (20) / `本科毕业论文` (26) | `本科毕业论文` (cover_title may look further) |
    | `2023年12月` (16) / `工作报告` (26) | `工作报告` |
    """
    if len(run) > 2 or not run[0]:
        return run
    above, largest = run[0] - 1, sizes[run[0]]
    if (1.3 * body_size <= sizes[above] < largest and sizes[above] >= COVER_FIRST_LINE_SHARE * largest
            and a_titles_first_words(first[above]) and not issuers_part(above)):
        return [above, *run]
    return run


def a_titles_first_words(text: str) -> bool:
    """A line that may be a title's first words set apart (PDF cover, Word's centred title): short, with words, no
    stop, no name of its own, no date, no contents' label.

    >>> [a_titles_first_words(t) for t in ("某某市基层党建", "某某大学", "本科毕业论文", "二〇二四年一月", "目　录", "同志们：")]
    [True, False, False, False, False, False]
    """
    text = re.sub(r"\s+", "", text)
    return (bool(_HAN.search(text)) and len(text) <= COVER_FIRST_LINE_MAX and not re.search(r"[。！？；，,.;:：!?]", text)
            and not _NAMES_ITS_OWN.search(text) and not cover_date([text])[1] and not _CONTENTS_TITLE.match(_key(text)))


COVER_FORM_FIELDS = 2
"""A cover is a form when this many of its lines besides the title's are fields (`专　业：　…`, `学　号　…`)."""
_TITLE_LABEL = re.compile(r"(?<!副)(?:题目|题名|标题)$|^(?:课题|论文|设计|项目|报告|作品)名称$")
"""A cover form's title field (`论文题目`, `设计（论文）题目`, `课题名称`), not its subtitle (`副标题`)."""


def cover_field(text: str) -> tuple[str, str] | None:
    """A cover form's field: (label, value), the label two to ten characters (spaced out or not), then
    a colon or a wide space, then the value; None for a line that is no field.

    >>> cover_field("论文题目：求实对称阵特征值的数值算法"), cover_field("学　院　土木工程学院"), cover_field("研 究 方 向：　演化计算")
    (('论文题目', '求实对称阵特征值的数值算法'), ('学院', '土木工程学院'), ('研究方向', '演化计算'))
    >>> cover_field("设计（论文）题目　基于人证核验的住宿信息管理系统"), cover_field("本文研究求解实对称矩阵特征值问题的数值算法。")
    (('设计（论文）题目', '基于人证核验的住宿信息管理系统'), None)
    """
    text = text.strip()
    m = re.match(r"^([^:：]{2,16}?)\s*[:：]\s*(.*)$", text)
    if m:
        label, value = re.sub(r"\s+", "", m.group(1)), m.group(2).strip()
    else:
        parts = re.split(r"\u3000+|\s{2,}", text)
        if len(parts) < 2 and " " in text:
            parts = text.split(" ")
        k = 1
        while k < len(parts) and len("".join(parts[:k])) < 2:
            k += 1  # a label spaced out letter by letter (`学　号`)
        label, value = "".join(parts[:k]), "　".join(parts[k:]).strip()
    if not re.fullmatch(r"[\u4e00-\u9fff（）()]{2,10}", label) or not _HAN.search(label):
        return None
    return label, value


RUNNING_TITLE_SHARE = 0.5
"""A document's name stands in the header of at least this share of its pages; a chapter's name over its own pages only."""


def running_title(result: PdfRead) -> str | None:
    """The document's name where its first page marks no title (no larger type: a manual that opens on its 前言) and its
    running header repeats one line over most pages (`某某开发手册（第二版）` over 50 of 60): that line names it. A
    journal's issue line (`某某学刊　2019年第2期`), a chapter's name (over its own pages only), a short mark (`内部资料`)
    and an organ's name (`中共某市委组织部` over a speech it printed: the issuer, no document's name) do not.

    >>> result = PdfRead(paragraphs=["前言"], pages=10, dropped=[(n, "某某系统开发手册（第二版）", "running-header") for n in range(2, 10)])
    >>> running_title(result)
    '某某系统开发手册（第二版）'
    >>> result.dropped = [(n, "第一章　总则", "running-header") for n in range(2, 5)] + [(n, "内部资料", "running-header") for n in range(2, 10)]
    >>> running_title(result) is None
    True
    >>> result.dropped = [(n, "中共某市委组织部", "running-header") for n in range(2, 10)]
    >>> running_title(result) is None
    True
    """
    counts = Counter(text for _, text, reason in result.dropped if reason == "running-header")
    for text, count in counts.most_common(3):
        compact = re.sub(r"\s+", "", text)
        if (count >= max(2, RUNNING_TITLE_SHARE * result.pages) and len(_HAN.findall(compact)) >= 5 and len(compact) <= MARKED_TITLE_MAX
                and not ISSUE_LINE.search(compact) and not re.search(r"\d{2,}", compact) and not _SENTENCE_END.search(compact)
                and not read_issuer_signature(compact)):
            return text.strip()
    return None


_NOTE_MARK_IN_TITLE = re.compile(r"[*＊†‡§]")


def without_a_note_mark(title: str, first_page: list[str]) -> str:
    """The title without a note's mark the first page explains (`某某*系统` over `*Some Name System` set small at the
    foot): the mark belongs to the note, no word of the title. A mark no note on the page opens stays.

    >>> without_a_note_mark("GBFS*图文件系统", ["GBFS*图文件系统", "张三　李四†", "*Graph Based File System"])
    'GBFS图文件系统'
    >>> without_a_note_mark("某某*系统", ["某某*系统", "正文。"])
    '某某*系统'
    """
    marks = {mark for mark in _NOTE_MARK_IN_TITLE.findall(title) if any(text.strip().startswith(mark) and text.strip() != title.strip() for text in first_page)}
    return re.sub("|".join(re.escape(mark) for mark in marks), "", title) if marks else title


COVER_LINE_MAX = 60
"""A cover page holds no paragraph longer than this: where one stands, the text began on the first page."""


def _cover_form(result: PdfRead) -> set[int]:
    """The filled-in fields of a cover form (`学生姓名　张三`, `指导教师：　李四　职称：　教授`) and the form's own footer
    under them (its maker and edition, `某某大学研究生院制` / `二〇二三年六月`): the cover page (no paragraph longer than
    COVER_LINE_MAX) of a document whose title a cover form's title field gave (`cover_title`). What the fields say
    (the date, the names) is read before they go; the title field and the lines over the form stay.

    >>> result = PdfRead(paragraphs=["某某大学", "研究生学位论文开题报告", "论文题目　某某研究", "学生姓名　张三", "学生学号　A001",
    ...                              "填表日期　2020年1月11日", "某某大学研究生院制", "二〇二三年六月", "一、选题依据"], pages=2, first_page=8)
    >>> [result.paragraphs[j] for j in sorted(_cover_form(result))]
    ['学生姓名　张三', '学生学号　A001', '填表日期　2020年1月11日', '某某大学研究生院制', '二〇二三年六月']

    Near miss: a first page that holds the text's first paragraphs is no cover; nothing goes.

    >>> result.paragraphs[7] = "本课题来源于某某重点项目，研究某某材料在高温下的形态变化与辐射效应，给出可用于模型的参数化方法，并与实测数据逐项比对，说明误差的来源。"
    >>> _cover_form(result)
    set()
    """
    first = result.paragraphs[: result.first_page]
    if any(len(text) > COVER_LINE_MAX for text in first):
        return set()
    fields = {j for j, text in enumerate(first) if (found := cover_field(text)) and found[1] and not _TITLE_LABEL.search(found[0])}
    if not fields:
        return set()
    footer = {j for j in range(max(fields) + 1, len(first)) if not re.search(r"[。，；]", first[j])}
    return fields | footer


INSTRUCTIONS_LABEL = re.compile(r"^(?:填表|填写)?说明[:：]?$")
"""The label over a form's instructions (`说　明`, `填表说明`)."""
INSTRUCTIONS_REACH = 3
"""The instructions' label stands within this many paragraphs after the cover page."""


def _form_instructions(result: PdfRead) -> set[int]:
    """A form's instructions after its cover (`说　明` and its items: how to fill in, print and hand in the form): the
    label alone on its line right after the cover page, then its page's paragraphs up to the text's first part — a
    numbering that begins again at 一 (`一、学位论文选题的立论依据` after the instructions' own `一、` `二、`, or `一．选题依据`
    after their `1.` … `4.`), or the page's end.

    >>> result = PdfRead(paragraphs=["论文题目　某某研究", "学生姓名　张三", "说　明", "一、开题报告应打印后装订成册：", "1.使用A4白纸；",
    ...                              "二、编号由学院填写。", "一、选题依据", "本课题来源于某某项目。"], pages=3, first_page=2, on_pages=[1, 1, 2, 2, 2, 2, 2, 3])
    >>> [result.paragraphs[j] for j in sorted(_form_instructions(result))]
    ['说　明', '一、开题报告应打印后装订成册：', '1.使用A4白纸；', '二、编号由学院填写。']

    Near miss: a 说明 further on (a part of the text's own, past the paragraphs that follow the cover) is no form's:

    >>> result.paragraphs[2:5] = ["本课题来源于某某项目。", "研究某某材料的形态。", "给出参数化方法。"]
    >>> result.paragraphs[5] = "说明"
    >>> _form_instructions(result)
    set()
    """
    start = next((j for j in range(result.first_page, min(result.first_page + INSTRUCTIONS_REACH, len(result.paragraphs)))
                  if INSTRUCTIONS_LABEL.match(_key(result.paragraphs[j]))), None)
    if start is None:
        return set()
    block, numbered = {start}, False
    for j in range(start + 1, len(result.paragraphs)):
        text = result.paragraphs[j].strip()
        if result.on_pages[j] != result.on_pages[start]:
            break
        if re.match(r"^(?:[一二三四五六七八九十]+\s*[、．.]|\d{1,2}\s*[、．.](?!\d))", text):
            if re.match(r"^一\s*[、．.]", text) and numbered:
                break
            numbered = True
        block.add(j)
    return block


WRAPPED_VALUE_MIN = 5
"""A title's second line in its cell is longer than a form's label (姓名, 学生学号, 所在院系: two to four characters)."""


def _title_fields_second_line(first: list[str], k: int) -> str | None:
    """The rest of a cover form's title field wrapped in its cell: the next line is no field of its own (no label and
    value: a label alone would be an empty field), five characters or more, half of them Han (`SAR成像方法研究`), no
    space and no sentence, and a field with its value
    follows it — the line stands between two rows of the form, under the title's value.

    >>> form = ["论文题目　某某材料表面形态及", "辐射效应数值研究", "学生姓名　张三", "学生学号　A001"]
    >>> _title_fields_second_line(form, 0)
    '辐射效应数值研究'

    Near misses: an empty field's label (four characters), a sentence, the form's last line:

    >>> [_title_fields_second_line(f, 0) for f in (["论文题目　某某研究", "学生姓名", "学生学号　A001"],
    ...                                            ["论文题目　某某研究", "本表由研究生本人填写。", "学生学号　A001"], ["论文题目　某某研究", "辐射效应数值研究"])]
    [None, None, None]
    """
    if k + 2 >= len(first):
        return None
    line, after = first[k + 1].strip(), cover_field(first[k + 2])
    own = cover_field(line)
    if (own and own[1]) or not after or not after[1] or _SENTENCE_END.search(line) or re.search(r"[。，；]", line):
        return None
    han = len(_HAN.findall(line))
    return line if len(line) >= WRAPPED_VALUE_MIN and 2 * han >= len(line) and not re.search(r"\s", line) else None


def cover_title(result: PdfRead, title_at: list[int], body_size: float) -> tuple[str, str] | None:
    """The title a thesis's or a report's cover gives where its largest type is not the title, with the
    evidence (`PdfRead.title_evidence`), or None to keep the largest type:

    - `cover-field`: the cover is a form (COVER_FORM_FIELDS fields or more, `专　业：　…`, `学　号　…`) and
      one field names the title (`论文题目：X`, `课题名称　X`, `设计（论文）题目　X`): X is the title, the
      large line over it names the series (`某某大学毕业设计（论文）`, `本科学生毕业论文`);
    - `under-series-line`: the largest type is the line every later page repeats as its running header
      (`某某大学硕士学位论文`): the series the document belongs to, never its title; the title is the
      next largest type below it (up to three lines, an English rendering after it left out).
    """
    first = result.paragraphs[: result.first_page][:15]
    fields = [(k, found) for k, text in enumerate(first) if (found := cover_field(text))]
    titled = [(k, value) for k, (label, value) in fields if _TITLE_LABEL.search(label) and _HAN.search(value) and len(value) <= MARKED_TITLE_MAX]
    if titled and len(fields) - 1 >= COVER_FORM_FIELDS:
        k, value = titled[0]
        rest = _title_fields_second_line(first, k)
        if rest and len(value + rest) <= MARKED_TITLE_MAX:
            value += rest  # 论文题目　林火…形态及 / 辐射效应数值研究: the value wrapped in its cell
            fields = [(j, found) for j, found in fields if j != k + 1]
        return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", value), "cover-field"
    if not title_at or not result.title:
        return None
    headers = {_key(text) for page, text, reason in result.dropped if reason == "running-header" and page > 1}
    if _key(result.title) not in headers:
        return None
    field_at = {k for k, _ in fields}
    sizes = result.sizes[: len(first)]
    below = [k for k in range(title_at[-1] + 1, len(first)) if sizes[k] >= 1.3 * body_size and sizes[k] < sizes[title_at[0]]
             and _HAN.search(first[k]) and k not in field_at and _key(first[k]) not in headers and not cover_date([first[k]])[1]]
    if not below:
        return None
    largest = max(sizes[k] for k in below)
    run = [k for k in below if sizes[k] == largest][:1]
    while run[-1] + 1 < len(first) and sizes[run[-1] + 1] == largest and _HAN.search(first[run[-1] + 1]) and run[-1] + 1 not in field_at and len(run) < 3:
        run.append(run[-1] + 1)
    title = "".join(first[k] for k in run)
    return (title, "under-series-line") if len(title) <= MARKED_TITLE_MAX else None


_STANDARD_NUMBER = re.compile(r"^[A-Z]{1,4}(?:/[A-Z])?\d+(?:[.．]\d+)*[—–-]\d{4}$")
"""A standard's number on its cover (GB/T 3620.1—2016), the masthead (…国家标准) over it."""


UNMAPPED_GLYPH = re.compile(r"^\(cid:\d+\)$")
"""A glyph its font maps to no character: pdfminer gives its number (`(cid:0)`), which is no one's text."""


def _page_lines(data: bytes) -> tuple[list[list[PdfLine]], list[float], list[list[tuple[float, float, float, float]]], list[list[tuple[float, float, float, float]]], list[list[str]], list[list[str]], list[float]]:
    """Each page's lines, its height, the boxes (x0, y0, x1, y1) of its pictures and of its rules
    (a table's borders), the text of the pictures that hold some (a diagram's labels, not read),
    the glyphs that map to no character (left out, said) and its width."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTFigure, LTImage, LTLine, LTRect, LTTextBox

    # pdfminer warns (in English) about every flaw of a damaged file it reads past: not for curators.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)

    pages, heights, pictures, rulings, figure_texts, unmapped, widths = [], [], [], [], [], [], []

    def figure_text(figure) -> list[str]:
        """The lines of text a picture holds (nested pictures too)."""
        found = []
        for box in figure:
            if isinstance(box, LTTextBox):
                found += [line.get_text().strip() for line in box if line.get_text().strip()]
            elif isinstance(box, LTFigure):
                found += figure_text(box)
        return found

    def text_boxes(container, page):
        """The container's text boxes, and those of a figure that fills most of the page (a cover or a
        whole page placed as one picture, text and all: its text is the page's); a smaller figure's text
        (a diagram's labels) is no running text."""
        for box in container:
            if isinstance(box, LTTextBox):
                yield box
            elif isinstance(box, LTFigure) and _page_of_text(box, page):
                yield from text_boxes(box, page)

    for number, page in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams(char_margin=2.0, line_margin=0.5, all_texts=True)), 1):
        lines = []
        in_the_text = [box for box in page if isinstance(box, (LTFigure, LTImage)) and not _page_of_text(box, page)]
        pictures.append([box.bbox for box in in_the_text])
        figure_texts.append([text for box in in_the_text if isinstance(box, LTFigure) for text in figure_text(box)])
        rulings.append([box.bbox for box in page if isinstance(box, (LTLine, LTRect)) and min(box.width, box.height) <= RULE_THICKNESS])
        found = []
        unmapped.append([])
        for box in text_boxes(page, page):
            for line in box:
                chars = _spaces_marked([c for c in line if isinstance(c, LTChar)])
                unmapped[-1] += [c.get_text() for c in chars if UNMAPPED_GLYPH.match(c.get_text())]
                chars = [c for c in chars if not UNMAPPED_GLYPH.match(c.get_text())]
                if chars:
                    found.append(_Glyphs(chars, line.y0, line.y1))
        for line in _strays_into_lines(found):
            size = statistics.median(c.size for c in line.chars)
            # Pieces set far apart are separate lines (table cells, or two columns' lines across a
            # narrow gutter): the row and column readers put them together again as they belong.
            for piece in _pieces(line.chars, size):
                lines.append(PdfLine(number, piece[0].x0, piece[-1].x1, line.y0, line.y1, round(size, 1), _line_text(piece, size), note_mark=_note_mark(piece, size),
                                     ends_in_space=getattr(piece[-1], "space_after", False)))
        lines.sort(key=lambda l: (-round(l.y1), l.x0))
        pages.append(lines)
        heights.append(page.height)
        widths.append(page.width)
    return pages, heights, pictures, rulings, figure_texts, unmapped, widths


PAGE_FIGURE_SHARE = 0.5
"""A figure covering at least half the page is the page itself placed as a picture (a cover made
elsewhere), whose text is read; a smaller one is a picture in the text."""


def _page_of_text(figure, page) -> bool:
    """Is the figure a page placed as one picture, text and all: does it cover half the page or more
    and hold text? (Such a figure is no picture: no caption under it, no banner.)"""
    from pdfminer.layout import LTFigure, LTTextBox

    def holds_text(box) -> bool:
        return any(isinstance(inner, LTTextBox) or isinstance(inner, LTFigure) and holds_text(inner) for inner in box)

    return figure.width * figure.height >= PAGE_FIGURE_SHARE * page.width * page.height and holds_text(figure)


def _note_mark(chars, size: float) -> str:
    """The note mark a line's glyphs end with: a `*`, `①`, `1` or `[2]` in type much smaller than the line's."""
    small = ""
    for c in reversed(chars):
        if c.size > 0.7 * size:
            break
        small = c.get_text() + small
    return small if small and len(small) < len(chars) and _NOTE_MARK.match(small) else ""


@dataclass
class _Glyphs:
    """A line as pdfminer groups it: its glyphs and its box's bottom and top."""

    chars: list
    y0: float
    y1: float


STRAY_MAX = 12
"""The most glyphs a stray piece of a line has (a year, a number, a Latin word)."""
_STRAY_WORD = re.compile(r"\d[A-Za-z0-9.,:%/'-]*|[A-Za-z][A-Za-z0-9.,:%/'-]+")
"""What such a piece holds: a number, a year, a Latin word or code (not a formula's symbols, nor one letter: a big
operator (∑ set as P) or a variable)."""


def _strays_into_lines(lines: list[_Glyphs]) -> list[_Glyphs]:
    """Digits and Latin letters set in a font of their own whose box sits lower (or higher) than the
    Chinese type's come out of pdfminer as lines of their own (`2035` under the gap it fills in
    `第十四个五年规划和　年远景目标`). A short such piece that overlaps a line by a good part of
    its height and fills a gap in it, or stands at its end, a glyph apart at most, goes back into
    that line. A piece that lies across another line's glyphs is that line's neighbour above or
    below, never part of it."""
    merged: dict[int, int] = {}
    for i, stray in enumerate(lines):
        text = "".join(c.get_text() for c in stray.chars)
        if len(stray.chars) > STRAY_MAX or not _STRAY_WORD.fullmatch(text):
            continue
        size = max(c.size for c in stray.chars)
        x0, x1 = min(c.x0 for c in stray.chars), max(c.x1 for c in stray.chars)
        stacked = [other for other in lines if other is not stray and len(other.chars) <= STRAY_MAX and not any(_HAN.match(c.get_text()) for c in other.chars)
                   and (stray.y0 - 0.8 * size < other.y1 <= stray.y0 + 0.25 * size or stray.y1 - 0.25 * size <= other.y0 < stray.y1 + 0.8 * size)
                   and min(x1, max(c.x1 for c in other.chars)) - max(x0, min(c.x0 for c in other.chars)) > 0.5 * min(x1 - x0, max(c.x1 for c in other.chars) - min(c.x0 for c in other.chars))]
        if stacked:
            continue  # pieces stacked one over another (a formula's matrix, a fraction): no line's word
        best, best_overlap = None, 0.0
        for j, host in enumerate(lines):
            if j == i or len(host.chars) <= len(stray.chars) or j in merged or abs(statistics.median(c.size for c in host.chars) - size) > 0.1 * size:
                continue
            overlap = min(stray.y1, host.y1) - max(stray.y0, host.y0)
            if overlap < 0.25 * min(stray.y1 - stray.y0, host.y1 - host.y0) or overlap <= best_overlap:
                continue
            if any(x0 + 0.2 * size < (c.x0 + c.x1) / 2 < x1 - 0.2 * size for c in host.chars):
                continue  # across the host's glyphs: a line of its own (a full-width mark's box may reach into the gap)
            if min(min(abs(c.x0 - x1), abs(x0 - c.x1)) for c in host.chars) > size:
                continue  # too far off to be the host's missing word
            best, best_overlap = j, overlap
        if best is not None:
            merged[i] = best
    out, hosts = [], []
    for j, line in enumerate(lines):
        if j in merged:
            continue
        strays = [lines[i].chars for i, host in merged.items() if host == j]
        if strays:
            line = _Glyphs(sorted(line.chars + [c for chars in strays for c in chars], key=lambda c: c.x0), line.y0, line.y1)
            hosts.append(line)
        out.append(line)
    # The rest of a host's line, which pdfminer began anew after the gap the piece had left, joins it.
    joined = True
    while joined:
        joined = False
        for host in [line for line in out if any(line is h for h in hosts)]:
            size = statistics.median(c.size for c in host.chars)
            rest = next((line for line in out if line is not host and abs(line.y0 - host.y0) < 0.1 * size and abs(line.y1 - host.y1) < 0.1 * size
                         and min(abs(line.chars[0].x0 - host.chars[-1].x1), abs(host.chars[0].x0 - line.chars[-1].x1)) <= CELL_GAP * size), None)
            if rest is not None:
                host.chars = sorted(host.chars + rest.chars, key=lambda c: c.x0)
                out = [line for line in out if line is not rest]
                joined = True
                break
    return out


CELL_GAP = 0.8
"""A gap of this many type sizes between two glyphs of a line parts two table cells (two among Latin letters: a justified line stretches its word spaces)."""


_CHAPTER_LABEL = re.compile(r"^(?:第\s*(?:[一二三四五六七八九十百]{1,4}|\d{1,3})\s*[章节部篇]|第\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*部分|附\s*录\s*[A-Z\d]?)$")
"""A chapter's number before its name (`第1章`, `第三节`, `附录A`): a quad after it is no cell's gap."""


_LIST_MARK = re.compile(r"^(?:\d{1,2}[.．、)）]?|[(（]\d{1,2}[)）])[•●▪■◆►➢➤Ø]?$")
"""An item's number (and bullet) at a line's start, a tab before its text (`1　代理人…`, `2Ø　…`)."""
LIST_ITEM_MIN = 10
"""An item's text after its number is this many glyphs at least (a table's `1　张三` is cells)."""


JUSTIFIED_GAP = 1.5
"""A justified line of Chinese stretches the space after a comma up to this many type sizes (`较弱,　设计`)."""
_STRETCHED_AFTER = set("，、；：,;:")
"""The marks after which a justified line's stretched space falls (a table's cell does not end in one)."""


def _pieces(chars, size: float) -> list[list]:
    """A pdfminer line's glyphs, parted where a gap is wider than a table cell's (CELL_GAP); never
    between a chapter's number and its name (`第1章　引言`, set a quad apart), nor between an item's
    number and its text at the line's start (`1　代理人身份证明文件…`, a Word list's tab)."""
    pieces = [[chars[0]]]
    for before, after in zip(chars, chars[1:]):
        gap = after.x0 - before.x1
        a, b = before.get_text()[-1], after.get_text()[0]
        so_far = "".join(c.get_text() for c in pieces[-1])
        labelled = gap <= 3 * size and (_CHAPTER_LABEL.match(so_far) or len(pieces) == 1 and _LIST_MARK.match(so_far) and len(chars) - len(pieces[0]) >= LIST_ITEM_MIN)
        if (gap > CELL_GAP * size and not (a.isascii() and b.isascii()) or gap > 3 * size) and not labelled:
            pieces.append([])  # (a justified line stretches the spaces between Latin words)
        pieces[-1].append(after)
    return pieces


SPACED_CLAUSE_MIN = 2
"""A typed space between Chinese characters is a clause's break when this many run on on each side of it."""


def _spaces_marked(chars: list) -> list:
    """A line's glyphs without its space glyphs, each glyph after one marked `space_before` (the last
    glyph before a trailing one `space_after`): a space the writer typed between two Chinese clauses is
    their punctuation (`…的一整年 学了又没全学 摆了又没全摆…`), not the layout's."""
    kept, pending = [], False
    for c in chars:
        if not c.get_text().strip():
            pending = bool(kept)
            continue
        c.space_before, c.space_after = pending, False
        kept.append(c)
        pending = False
    if kept and pending:
        kept[-1].space_after = True
    return kept


def _clause_space(before, after) -> bool:
    """Does a typed space stand between two Chinese characters here (not a letter-spaced word: the
    characters on both sides run on, two or more on each side)?"""
    return getattr(after, "space_before", False) and bool(_HAN.match(before.get_text()[-1]) and _HAN.match(after.get_text()[0]))


def _line_text(chars, size: float) -> str:
    """A piece's text from its glyphs' positions: a space between Latin words, none where the
    typesetter set Chinese apart (letter-spaced 摘 要, 2023 年 5 月); a space the text layer has
    between two Chinese clauses is kept (SPACED_CLAUSE_MIN characters on each side: not 摘 要)."""
    out = [chars[0].get_text()]
    run = 1  # Han characters since the last typed space
    for k, (before, after) in enumerate(zip(chars, chars[1:]), 1):
        a, b = before.get_text()[-1], after.get_text()[0]
        ahead = len(list(takewhile(lambda c: _HAN.match(c.get_text()[0]) and not (c is not after and getattr(c, "space_before", False)), chars[k:])))
        if _clause_space(before, after) and run >= SPACED_CLAUSE_MIN and ahead >= SPACED_CLAUSE_MIN:
            out.append(" ")
            run = 0
        elif a.isascii() and b.isascii() and (a.isalnum() or a in ",.;:!?)%") and after.x0 - before.x1 > 0.15 * size:
            out.append(" ")
        elif after.x0 - before.x1 > CELL_GAP * size:
            out.append("\u3000")  # a chapter's number and its name, a quad apart (kept in one piece)
        run = run + 1 if _HAN.match(b) else 0
        out.append(after.get_text())
    return "".join(out).strip()


def _masked(text: str) -> str:
    return re.sub(r"\s+", "", re.sub(r"\d+|[IVXLC]+\b", "#", text))


def _edge(line: PdfLine, lines: list[PdfLine], height: float) -> bool:
    """Is the line one of the first or last lines of its page, in the page's top or bottom margin and
    set apart from the text block by more than the text's own line spacing?"""
    top = _edge_rows(sorted(lines, key=lambda l: -l.y1), lambda l: l.y1)
    bottom = _edge_rows(sorted(lines, key=lambda l: l.y0), lambda l: l.y0)
    if line in top and (line.y0 >= height * (1 - EDGE_SHARE) or line.in_header_band):
        below = [l.y1 for l in lines if l.y1 < line.y0 - 0.1 and l not in top]
        return not below or line.y0 - max(below) > 0.8 * max(line.size, 1)
    if line in bottom and line.y1 <= height * EDGE_SHARE:
        above = [l.y0 for l in lines if l.y0 > line.y1 + 0.1 and l not in bottom]
        return not above or min(above) - line.y1 > 0.8 * max(line.size, 1)
    return False


HEADER_BAND_SHARE = 0.2
"""How deep a page's top margin may run (a LaTeX report's header sits 13–16 % down a letter page)."""
HEADER_BAND_PAGES = 3
"""Pages that set their top row on one baseline before that baseline is the document's header band."""


def _header_band(pages: list[list[PdfLine]], heights: list[float]) -> list[list[PdfLine]]:
    """The pages, their top rows marked `in_header_band` where the document sets its running headers deeper than
    EDGE_SHARE (a LaTeX report's `2　项目背景　4`, 13 % down the page). The evidence is position and repetition:
    on HEADER_BAND_PAGES pages or more (and 40 % of them) the top row stands on one baseline, in one size, set apart
    from the text under it by more than a line's space, short and no sentence; and some words of those rows (the
    numbers masked) come back on two of those pages. A body whose first line stands on the same baseline on every page
    runs on under it at its own leading (not set apart), and a heading over a page says new words each time.

    >>> def page(n, top, words="项目背景"):
    ...     rows = [PdfLine(n, 134, 139, top, top + 10.5, 10.5, str(n)), PdfLine(n, 150, 192, top, top + 10.5, 10.5, words)]
    ...     return rows + [PdfLine(n, 134, 470, 650 - 18 * k, 660 - 18 * k, 10.5, f"正文第{k}行，写满一行。") for k in range(20)]
    >>> marked = _header_band([page(n, 690) for n in range(1, 5)], [792.0] * 4)
    >>> [line.text for line in marked[2] if line.in_header_band]
    ['3', '项目背景']

    Near misses: the top row at the text's own leading (the body's first line), or different words on every page:

    >>> [l for p in _header_band([page(n, 668) for n in range(1, 5)], [792.0] * 4) for l in p if l.in_header_band]
    []
    >>> [l for p in _header_band([page(n, 690, w) for n, w in enumerate(("甲乙", "丙丁", "戊己", "庚辛"), 1)], [792.0] * 4) for l in p if l.in_header_band]
    []
    """
    rows: dict[int, list[PdfLine]] = {}
    for number, (lines, height) in enumerate(zip(pages, heights)):
        if not lines:
            continue
        top = max(lines, key=lambda l: l.y1)
        row = [l for l in lines if abs(l.y1 - top.y1) <= 0.3 * max(top.size, 1)]
        below = [l.y1 for l in lines if l.y1 < min(r.y0 for r in row) - 0.1]
        text = "　".join(l.text for l in sorted(row, key=lambda l: l.x0))
        if (height * (1 - HEADER_BAND_SHARE) <= top.y0 < height * (1 - EDGE_SHARE) and len(row) <= EDGE_ROW_PIECES and len(text) <= HEADER_MAX
                and not _SENTENCE_END.search(text) and below and top.y0 - max(below) > 0.8 * max(top.size, 1)):
            rows[number] = row
    bands = Counter((round(row[0].y0), round(row[0].size, 1)) for row in rows.values())
    band, count = bands.most_common(1)[0] if bands else (None, 0)
    if count < max(HEADER_BAND_PAGES, 0.4 * len(pages)):
        return pages
    in_band = {number: row for number, row in rows.items() if (round(row[0].y0), round(row[0].size, 1)) == band}
    words = Counter(_masked(l.text) for row in in_band.values() for l in {_masked(l.text): l for l in row if _HAN.search(l.text)}.values())
    if not any(count >= 2 for count in words.values()):
        return pages
    return [[replace(l, in_header_band=True) if l in in_band.get(number, ()) else l for l in lines] for number, lines in enumerate(pages)]


def _edge_rows(ordered: list[PdfLine], edge) -> list[PdfLine]:
    """The first EDGE_LINES lines from a page's edge, with the pieces on their baselines (a header's
    `→_→　欢迎…　←_←`, whose ornaments stand a hair higher than its words); not a row of more than
    EDGE_ROW_PIECES pieces (a table's last row, whose cells hold numbers)."""
    first = ordered[:EDGE_LINES]
    rows = [[line for line in ordered if abs(edge(line) - edge(near)) <= 0.3 * max(near.size, 1)] for near in first]
    rows = [sorted(row, key=lambda l: l.x0) for row in rows]
    # (a table's row and a contents' entry with its page number are no header or footer)
    return [line for row in rows if len(row) <= EDGE_ROW_PIECES and not CONTENTS_ENTRY.match("　".join(l.text for l in row)) for line in row]


_NO_WORD = re.compile(r"^[^\w\s]+$")
FRAME_SIDE_MIN = 3
"""A box's side drawn with glyphs is at least this many of them stacked at one x."""


def _frame_glyphs(lines: list[PdfLine]) -> tuple[list[PdfLine], list[PdfLine]]:
    """A box drawn with a font's glyphs (a special section's editor's note framed by `!!!!!` rules
    and `!` sides, corners `"`): a rule across a good part of the page made of marks only, and the
    marks stacked at one x between two such rules (three at least) where the rules end. Left in, the sides glue
    onto the box's lines (`!断推动其…`) and read each line as a table's row. (Marks stacked where no
    rule ends — a table's `-` cells — are no frame.)

    >>> rule = lambda y: PdfLine(1, 36, 508, y, y + 11, 10.5, '"!!!!!!!!!!!!!!!!!!!!"')
    >>> side = lambda x, y: PdfLine(1, x, x + 10.5, y, y + 10.7, 10.7, "!")
    >>> text = PdfLine(1, 47.7, 495, 617, 628, 9.9, "断推动其管理理论体系的完善和创新。")
    >>> page_number = PdfLine(1, 499.6, 509.5, 13, 23, 9.9, "·")
    >>> kept, frame = _frame_glyphs([rule(646), side(36, 637), side(496, 637), text, side(36, 626), side(496, 626), side(36, 615), side(496, 615), rule(604), page_number])
    >>> [l.text for l in kept], len(frame)
    (['断推动其管理理论体系的完善和创新。', '·'], 8)
    """
    marks = [l for l in lines if _NO_WORD.match(l.text.replace(" ", "").replace("\u3000", ""))]
    if not marks:
        return lines, []
    words = [l for l in lines if l not in marks]
    width = (max(l.x1 for l in words) - min(l.x0 for l in words)) if words else 0
    rules = [l for l in marks if len(l.text.strip()) >= 5 and abs(l.x1 - l.x0) >= 0.4 * width]
    ends = [x for rule in rules for x in (min(rule.x0, rule.x1), max(rule.x0, rule.x1))]
    top, bottom = max((rule.y1 for rule in rules), default=0), min((rule.y0 for rule in rules), default=0)
    sides: dict[int, list[PdfLine]] = defaultdict(list)
    for line in marks:
        if line not in rules and len(line.text.strip()) <= 2 and bottom - line.size <= line.y0 and line.y1 <= top + line.size:
            near = [x for x in ends if abs(line.x0 - x) <= line.size or abs(line.x1 - x) <= line.size]
            if near:
                sides[round(near[0])].append(line)
    frame = rules + [line for side in sides.values() if len(side) >= FRAME_SIDE_MIN for line in side] if rules else []
    return [l for l in lines if l not in frame], frame


TOUCHING_GAP = 0.3
"""Two pieces on one baseline this many type sizes apart or closer are one line's (a page number's `·`, `46`, `·`)."""
TOUCHING_PIECE_MAX = 4
"""One of two touching pieces joined is this short (an ornament, a number): two long ones are two columns' lines
that meet where the first one's last comma hangs into a narrow gutter."""


LETTER_SPACED_MIN = 3
"""A name set letter by letter has at least this many letters (两字 `通　知` may be two words)."""
LETTER_STEP_MAX = 2.5
"""…at most this many type sizes from one letter to the next."""


def _letter_spaced_joined(lines: list[PdfLine]) -> list[PdfLine]:
    """A name set letter by letter (a journal's running header `通　信　学　报`, a letter-spaced heading `参　考　文　献`):
    single Han characters on one baseline, in one type size, at one even step (at most LETTER_STEP_MAX type sizes),
    which pdfminer gives as pieces of their own, read apart they make a header row of too many pieces for a header
    (`·28·` `通` `信` `学` `报　第43卷`) → one piece, its letters set apart by an ideographic space as printed.

    >>> letter = lambda x0, text: PdfLine(2, x0, x0 + 9, 749.0, 758.0, 9.0, text)
    >>> row = _letter_spaced_joined([PdfLine(2, 57, 79, 749.0, 756.5, 7.5, "·28·"), *(letter(265 + 18 * k, c) for k, c in enumerate("通信学报"))])
    >>> [l.text.replace("\u3000", " ") for l in sorted(row, key=lambda l: l.x0)]
    ['·28·', '通 信 学 报']
    >>> [l.text for l in _letter_spaced_joined([letter(100, "通"), letter(160, "知")])]
    ['通', '知']
    """
    out: list[PdfLine] = []
    run: list[PdfLine] = []

    def flush() -> None:
        if len(run) >= LETTER_SPACED_MIN:
            out.append(replace(run[0], text="\u3000".join(l.text.strip() for l in run), x1=run[-1].x1,
                               y0=min(l.y0 for l in run), y1=max(l.y1 for l in run)))
        else:
            out.extend(run)
        run.clear()

    for line in sorted(lines, key=lambda l: (-round(l.y0 / max(l.size, 1.0) * 3), l.x0)):  # row by row, left to right
        single = bool(re.fullmatch(r"[\u4e00-\u9fff]", line.text.strip()))
        if run and single:
            size, step = max(line.size, 1.0), line.x0 - run[-1].x0
            same_row = abs(line.y0 - run[-1].y0) <= 0.3 * size and abs(line.size - run[-1].size) <= 0.05 * size
            even = len(run) < 2 or abs(step - (run[-1].x0 - run[-2].x0)) <= 0.2 * size
            if same_row and even and 0 < step <= LETTER_STEP_MAX * size:
                run.append(line)
                continue
        flush()
        (run if single else out).append(line)
    flush()
    out.sort(key=lambda l: (-round(l.y1), l.x0))
    return out


_LABELLED_DATE = re.compile(r"^[\u4e00-\u9fff]{2,4}日期\s*[:：]\s*(?:19|20)\d{2}")
"""A journal's note on the article's dates: `收稿日期：2023-01-03；修回日期：…` (any such label, its year after it)."""


def article_notes(lines: list[PdfLine], body_size: float) -> list[PdfLine]:
    """A journal's notes on the article at the foot of its first page (`收稿日期：…；修回日期：…`, `基金项目：…`, `通信作者：…`,
    their English): the lines in smaller type than the text, below all of its lines, of which one opens with a labelled
    date. They are the article's record, not its text (dropped and counted as `article-notes`); without such a date
    line a page's foot notes stay (read as footnotes).

    >>> line = lambda y, text, size=10.5: PdfLine(1, 57, 537, y, y + size, size, text)
    >>> page = [line(136, "互联网存在一系列基础性问题，例如，由于地址"), line(116, "收稿日期：2022-01-05；修回日期：2022-03-28", 9.0), line(104, "基金项目：某某科学基金资助项目", 9.0)]
    >>> [l.text for l in article_notes(page, 10.5)]
    ['收稿日期：2022-01-05；修回日期：2022-03-28', '基金项目：某某科学基金资助项目']
    >>> article_notes([page[0], line(104, "注：本文系作者在某某会议上的讲话", 9.0)], 10.5)
    []
    """
    text_lines = [l for l in lines if l.size >= body_size * 0.95]
    if not text_lines:
        return []
    lowest = min(l.y0 for l in text_lines)
    foot = [l for l in lines if l.size < body_size * 0.95 and l.y1 < lowest]
    return foot if any(_LABELLED_DATE.match(unicodedata.normalize("NFKC", l.text.strip())) for l in foot) else []  # (收稿日期：２０１８－…)


def _touching_pieces_joined(lines: list[PdfLine]) -> list[PdfLine]:
    """Short pieces of one line that pdfminer gave as lines of their own though they touch: on one baseline,
    in about one type size (a small note mark is read by _markers_into_lines), the next starting where
    the one before ends. A magazine's page number `· 46 ·` comes as three such pieces; read apart they
    make a footer row of too many pieces for a footer, and a table's row in the text.

    >>> piece = lambda x0, x1, text, size=9.9: PdfLine(2, x0, x1, 13.1, 23.0, size, text)
    >>> [l.text for l in _touching_pieces_joined([piece(32.2, 42.1, "·"), piece(42.5, 53.0, "46", 10.5), piece(53.1, 63.0, "·"), piece(422.1, 498.2, "IEC, NO. 1, 2007")])]
    ['·46·', 'IEC, NO. 1, 2007']
    """
    out: list[PdfLine] = []
    for line in sorted(lines, key=lambda l: l.x0):  # left to right: each piece meets the one it goes on from
        size = max(line.size, 1.0)
        before = next((l for l in reversed(out) if abs(l.y0 - line.y0) <= 0.3 * size and abs(l.y1 - line.y1) <= 0.5 * size
                       and -0.5 <= line.x0 - l.x1 <= TOUCHING_GAP * size and abs(l.size - line.size) <= 0.15 * size
                       and min(len(l.text), len(line.text)) <= TOUCHING_PIECE_MAX and not l.table_row and not line.table_row), None)
        if before is None:
            out.append(line)
            continue
        out[out.index(before)] = replace(before, text=_joined(before.text, line.text), x1=line.x1, y0=min(before.y0, line.y0),
                                         y1=max(before.y1, line.y1), size=max(before.size, line.size), note_mark=line.note_mark)
    out.sort(key=lambda l: (-round(l.y1), l.x0))
    return out


def _running_lines(pages: list[list[PdfLine]], heights: list[float]) -> set[tuple[str, float]]:
    """(masked text, size) of edge lines that come back: on two pages of the same parity, or on most pages. Two pages
    are too few for a line that ends a sentence: a header or footer is a name, a paragraph's last line ends with its
    sentence (the same sentence closing pages 3 and 5 is the text's, and dropping it lost it). Such a line is running
    only on three pages and half of them.

    >>> def page(*rows, n=1):
    ...     return [PdfLine(n, 90.0, 500.0, y, y + 10.5, 10.5, text) for y, text in rows]
    >>> body = [(700.0, "正文第一行，讲的是工作。"), (680.0, "正文第二行，讲的是要求。")]
    >>> pages = [page(*body, (60.0, "要把各项任务落到实处。"), (30.0, "某某单位内部资料"), n=k) for k in (1, 2, 3, 4)]
    >>> pages[1], pages[3] = page(*body, n=2), page(*body, n=4)   # the even pages end otherwise and carry no footer
    >>> sorted(text for text, size in _running_lines(pages, [842.0] * 4))
    ['某某单位内部资料']
    """
    if len(pages) < 2:
        return set()
    by_parity: dict[int, Counter] = defaultdict(Counter)
    overall = Counter()
    for number, (lines, height) in enumerate(zip(pages, heights), 1):
        seen = {(_masked(l.text), l.size) for l in lines if _edge(l, lines, height) and not PAGE_NUMBER.match(l.text) and not _numbers_a_heading(l, lines)}
        by_parity[number % 2].update(seen)
        overall.update(seen)
    running = {key for key, count in overall.items()
               if count >= (max(3, 0.5 * len(pages)) if _ENDS_A_SENTENCE.search(key[0]) else max(2, 0.4 * len(pages)))}
    for counter in by_parity.values():
        running |= {key for key, count in counter.items() if count >= 2 and not _ENDS_A_SENTENCE.search(key[0])}
    return running


_ENDS_A_SENTENCE = re.compile(r"[。！？；!?;][”’」』）)]?$")
"""A sentence's end, closing quote or bracket after it allowed: no running header's or footer's shape."""


def _edge_reason(line: PdfLine, lines: list[PdfLine], height: float, running: set, body_size: float = 0.0, page: int = 1,
                 slots: list[tuple[int, PdfLine]] | None = None) -> str | None:
    if not _edge(line, lines, height):
        return None
    if PAGE_NUMBER.match(line.text) and not _labels_a_line(line, lines):
        return "page-number"
    if _numbers_a_heading(line, lines):
        return None  # a section's number at a page's top (`1.3` before `复杂系统…`), not a header that recurs
    if (_masked(line.text), line.size) in running:
        return "running-header"
    if line.in_header_band:
        return "running-header"  # the document's header row, told by its place on many pages (`_header_band`)
    if slots and _in_a_header_slot(line, page, slots):
        return "running-header"
    if any(other.size > line.size * 1.15 and _masked(other.text) == _masked(line.text) for other in lines if other is not line):
        return "running-header"  # the chapter's header over its own first page, where the heading says it again
    if _header_over_a_later_page(line, lines, height, body_size, page):
        return "running-header"
    if ISSUE_LINE.search(re.sub(r"\s+", "", line.text)) or _LATIN_ISSUE.search(line.text) and re.search(r"\b(?:19|20)\d{2}\b", line.text):
        return "running-header"  # a journal's issue in the margin (`某某学刊　2019年第2期`, `IEC, NO. 1, 2007`), even where it stands once
    return None


_LATIN_ISSUE = re.compile(r"\b(?:Vol|No)\s*\.\s*\d{1,4}\b", re.IGNORECASE)
"""An issue in a journal's English masthead (`Vol.19 No.1 2010`, `IEC, NO. 1, 2007`)."""


_LATIN_ISSUE_YEAR = re.compile(r"\b(?:Vol|No)\s*\.\s*\d{1,4}\b.*?\b((?:19|20)\d{2})\b", re.IGNORECASE)
"""The year of an English issue line (`IEC, NO. 1, 2007`, `Vol.19 No.1 2010`)."""


def _masthead(lines: list[PdfLine], height: float) -> list[PdfLine]:
    """A journal's masthead over its first page's title: the lines in the page's top margin above the
    largest type, when one of them says the issue (`高等建筑教育　2010年第19卷第1期`, `…Vol.19 No.1 2010`):
    the journal's name, its issue, the page number, the English name, the column's label (`学人手札`).
    A page whose top says no issue, or gives a day (a newspaper's), has no masthead here (its lines stay).

    >>> line = lambda y, text, size=7.7: PdfLine(1, 100, 400, y, y + size, size, text)
    >>> page = [line(763, "高等建筑教育　2010年第19卷第1期"), line(752, "JOURNAL OF EDUCATION Vol.19 No.1 2010", 6.0), line(650, "工程管理专业实践教学体系构建研究", 31.4), line(600, "摘要：……", 9.0)]
    >>> [l.text for l in _masthead(page, 784)]
    ['高等建筑教育　2010年第19卷第1期', 'JOURNAL OF EDUCATION Vol.19 No.1 2010']
    >>> _masthead([line(763, "某某县委组织部"), *page[2:]], 784)
    []
    """
    from ..text import find_date

    if not lines:
        return []
    largest = max(lines, key=lambda l: l.size)
    top = [l for l in lines if l.y0 >= height * (1 - EDGE_SHARE) and l.y0 > largest.y1 and l is not largest]
    says_issue = any(ISSUE_LINE.search(re.sub(r"\s+", "", l.text)) or _LATIN_ISSUE.search(l.text) or VOLUME_ISSUE.search(l.text) for l in top)
    # (a newspaper's page over its headline gives the day, `2023年5月12日　星期五`: the reader takes that as the date)
    return top if says_issue and not any(find_date(re.sub(r"\s+", "", l.text)) for l in top) else []


SMALL_TYPE = 0.85
"""A header's type is at most this share of the text's (9 pt over 12 pt; 10.5 pt over 12 pt is 0.875, no header)."""


def _header_over_a_later_page(line: PdfLine, lines: list[PdfLine], height: float, body_size: float, page: int) -> bool:
    """A header set once: a document whose first page has no header (Word's 首页不同) and whose second page
    is its last has nothing to repeat. It is told by its place — over a page after the first, in the top
    margin and set apart (the caller's `_edge`) — and its type, smaller than the text under it; a heading
    over a page is set larger, a page's first line of text in the text's own size.

    >>> body = [PdfLine(2, 72, 520, 700 - 18 * k, 712 - 18 * k, 12.0, f"正文第{k}行。") for k in range(1, 30)]
    >>> header = PdfLine(2, 72, 520, 790, 799, 9.0, "某某县人才工作会议材料　内部资料")
    >>> _header_over_a_later_page(header, [header, *body], 842, 12.0, page=2)
    True
    >>> _header_over_a_later_page(header, [header, *body], 842, 12.0, page=1)
    False
    """
    if page < 2 or not body_size or line.size > body_size * SMALL_TYPE or line.y0 < height * (1 - EDGE_SHARE):
        return False
    others = [other.size for other in lines if other is not line and other.y1 < line.y0]
    return bool(others) and line.size <= statistics.median(others) * SMALL_TYPE


HEADER_SLOT_PAGES = 2
"""A header's place is taken when running headers (lines that recur) stand in it on this many other pages."""
HEADER_MAX = 60
"""A running header is at most this long."""


def _header_slots(pages: list[list[PdfLine]], heights: list[float], running: set, body_size: float) -> list[tuple[int, PdfLine]]:
    """(page, line) of every running header told by its text (it recurs, or the heading under it says
    it again) or its type: the places headers stand in."""
    return [(number, line) for number, (lines, height) in enumerate(zip(pages, heights), 1) for line in lines
            if _edge_reason(line, lines, height, running, body_size, number) == "running-header"]


def _in_a_header_slot(line: PdfLine, page: int, slots: list[tuple[int, PdfLine]]) -> bool:
    """Does an edge line stand where running headers stand on other pages — the same baseline (within a
    point), the same type, the same left edge, right edge or centre — on HEADER_SLOT_PAGES pages or more?
    A chapter's name over its second page is such a line: a short chapter's name recurs too seldom to be
    told by its text (`第1章　研究背景` over pages 1–2, `第2章　研究目标` over page 3), but it is set where
    `第3章　文献综述` stands over pages 4–6. A page's first line of text stands lower, under the margin,
    and a sentence is no header.

    >>> at = lambda page, text, x0=255.6, x1=339.6, y=767.2, size=10.5: (page, PdfLine(page, x0, x1, y, y + size, size, text))
    >>> slots = [at(4, "第3章　文献综述"), at(5, "第3章　文献综述"), at(6, "第3章　文献综述")]
    >>> _in_a_header_slot(at(2, "第1章　研究背景")[1], 2, slots)
    True
    >>> _in_a_header_slot(at(2, "第1章　研究背景", y=743.2, size=12.0)[1], 2, slots)
    False
    >>> _in_a_header_slot(at(2, "理提供系统性的解决方案。")[1], 2, slots)
    False
    """
    text = line.text.strip()
    if len(text) > HEADER_MAX or _SENTENCE_END.search(text):
        return False
    centre = line.x0 + line.x1
    pages = {number for number, other in slots if number != page and abs(other.y0 - line.y0) <= 1.0 and abs(other.size - line.size) <= 0.1
             and (abs(other.x0 - line.x0) <= 2 or abs(other.x1 - line.x1) <= 2 or abs(other.x0 + other.x1 - centre) <= 4)}
    return len(pages) >= HEADER_SLOT_PAGES


_SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){1,3}\.?")


def _numbers_a_heading(number: PdfLine, lines: list[PdfLine]) -> bool:
    """Is the line a section's number (`1.3`, `4.1.4`) set a space before its heading on its baseline
    (`复杂系统与网络分析的应用`)? A heading that happens to open a page is no running header, though
    `#.#` comes back at the top of many pages."""
    if not _SECTION_NUMBER.fullmatch(number.text.strip()):
        return False
    size = max(number.size, 1)
    return any(other is not number and abs(other.y0 - number.y0) <= 0.3 * size and abs(other.size - number.size) <= 0.15 * size
               and 0 <= other.x0 - number.x1 <= 3 * size and _HAN.search(other.text) for other in lines)


def _labels_a_line(number: PdfLine, lines: list[PdfLine]) -> bool:
    """Is the number a heading's own, set a tab before its text on its baseline (`1　概述` heading a
    page)? A header's page number stands alone, or far off its running title."""
    size = max(number.size, 1)
    if not re.fullmatch(r"\d{1,2}", number.text.strip()):
        return False
    return any(other is not number and abs(other.y0 - number.y0) <= 0.3 * size and abs(other.size - number.size) <= 0.15 * size
               and 0 <= other.x0 - number.x1 <= 3 * size and _HAN.search(other.text) for other in lines)


def _body_size(pages: list[list[PdfLine]]) -> float:
    sizes = Counter()
    for lines in pages:
        for line in lines:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _margin_marks(lines: list[PdfLine]) -> tuple[list[PdfLine], list[PdfLine]]:
    """A binding line printed down the margin (`|`, 裝 / 訂 / 線 of a Taiwanese 函, one character a
    line): single characters stacked at one x, clear of the text's left or right edge. Left in, they
    land inside the sentences beside them."""
    texts = [l for l in lines if len(l.text.strip()) >= 4]
    left, right = min((l.x0 for l in texts), default=float("inf")), max((l.x1 for l in texts), default=float("-inf"))
    single = [l for l in lines if len(l.text.strip()) == 1 and (l.x1 < left - 0.5 * l.size or l.x0 > right + 0.5 * l.size)]
    groups: dict[int, list[PdfLine]] = defaultdict(list)
    for l in single:
        groups[round(l.x0 / 4)].append(l)
    marks = []
    for group in groups.values():
        # A table's first column (1, 2, 3 or 編 over 號) is no binding line: its numbers are digits,
        # its characters stand a line apart; a binding line's words are spread along the margin.
        words = sorted((l for l in group if _HAN.match(l.text.strip())), key=lambda l: -l.y0)
        spread = all(a.y0 - b.y0 > 3 * a.size for a, b in zip(words, words[1:]))
        if len(group) >= 2 and spread and not any(l.text.strip().isascii() and l.text.strip().isalnum() for l in group):
            marks += group
    return [l for l in lines if l not in marks], marks


def _markers_into_lines(lines: list[PdfLine], body_size: float) -> tuple[list[PdfLine], int]:
    """A small note marker pdfminer set on a line of its own goes back into the line beside it."""
    out: list[PdfLine] = []
    moved = 0
    for line in lines:
        small = body_size and line.size and line.size < 0.85 * body_size
        if small and _NOTE_MARK.match(line.text):
            host = _host_line(line, lines)
            if host is not None:
                at = _insert_at(host, line)
                host.text = host.text[:at] + line.text + host.text[at:]
                moved += 1
                continue
        out.append(line)
    return out, moved


def _host_line(marker: PdfLine, lines: list[PdfLine]) -> PdfLine | None:
    near = [
        l for l in lines
        if l is not marker and l.y0 - 2 <= (marker.y0 + marker.y1) / 2 <= l.y1 + 4 and l.x0 - 2 <= marker.x0 <= l.x1 + 6 and not _NOTE_MARK.match(l.text)
    ]
    return min(near, key=lambda l: abs(l.y1 - marker.y1)) if near else None


def _insert_at(host: PdfLine, marker: PdfLine) -> int:
    if marker.x0 >= host.x1 - 1:
        return len(host.text)
    share = (marker.x0 - host.x0) / max(1.0, host.x1 - host.x0)
    return max(0, min(len(host.text), round(share * len(host.text))))


RULE_THICKNESS = 2.0
"""A drawn line or a rectangle this thin or thinner is a rule (a table's border), not a shape."""
CELL_LINES_MAX = 8
"""A ruled box holding more lines than this is a frame around text, not a table's cell."""


def _ruled_rows(lines: list[PdfLine], rulings: list[tuple[float, float, float, float]]) -> tuple[list[PdfLine], int]:
    """A table drawn with rules: the lines inside one cell are the cell's text (a narrow cell wraps
    `中诚信国际信` / `用评级有限责` / `任公司` over several lines, beside the row's other cells), and
    the cells between the same two rules across make one row, read left to right. A box with one
    cell in its row is a frame, not a table: its lines are left as they are."""
    across = [r for r in rulings if r[2] - r[0] > r[3] - r[1]]
    down = [r for r in rulings if r[3] - r[1] >= r[2] - r[0]]
    if not across or not down:
        return lines, 0
    cells: dict[tuple[float, float, float, float], list[PdfLine]] = defaultdict(list)
    for line in lines:
        cx, cy = (line.x0 + line.x1) / 2, (line.y0 + line.y1) / 2
        left = [r[2] for r in down if r[2] <= line.x0 + 1 and r[1] <= cy <= r[3]]
        right = [r[0] for r in down if r[0] >= line.x1 - 1 and r[1] <= cy <= r[3]]
        below = [r[3] for r in across if r[3] <= line.y0 + 1 and r[0] <= cx <= r[2]]
        above = [r[1] for r in across if r[1] >= line.y1 - 1 and r[0] <= cx <= r[2]]
        if left and right and below and above:
            cells[(round(max(left)), round(min(right)), round(max(below)), round(min(above)))].append(line)
    rows: dict[tuple[float, float], list[tuple[float, float, float, float]]] = defaultdict(list)
    for box in cells:
        rows[(box[2], box[3])].append(box)
    replaced: dict[int, PdfLine] = {}
    joined = 0
    for (bottom, top), boxes in rows.items():
        held = [line for box in boxes for line in cells[box]]
        if len(boxes) < 2 or any(len(cells[box]) > CELL_LINES_MAX for box in boxes) or len(held) == len(boxes):
            continue  # a frame, or a row whose cells hold one line each (the row reader reads those)
        baselines = Counter(y for box in boxes for y in {round(line.y0) for line in cells[box]})
        if sum(count >= 2 for count in baselines.values()) >= 2:
            continue  # several rows with no rule between them (a table ruled only above and below): rows, not wrapped cells
        texts = []
        for box in sorted(boxes, key=lambda b: b[0]):
            text = ""
            for line in sorted(cells[box], key=lambda l: (-round(l.y1), l.x0)):
                text = _joined(text, line.text) if text else line.text
            texts.append(text)
        first = max(held, key=lambda l: l.y1)
        row = PdfLine(first.page, min(l.x0 for l in held), max(l.x1 for l in held), min(l.y0 for l in held), max(l.y1 for l in held),
                      max(l.size for l in held), "　".join(texts), table_row=True)
        for line in held:
            replaced[id(line)] = row
        joined += len(held) - len(boxes)
    if not replaced:
        return lines, 0
    out, seen = [], set()
    for line in lines:
        row = replaced.get(id(line), line)
        if id(row) not in seen:
            seen.add(id(row))
            out.append(row)
    out.sort(key=lambda l: (-round(l.y1), l.x0))
    return out, joined


def _reading_order(lines: list[PdfLine]) -> tuple[list[PdfLine], float | None]:
    """The lines as a person reads them: a two-column page column by column, table rows as one line;
    and the x of the gutter (None on a page of one column)."""
    gutter = _gutter(lines)
    if gutter is None:
        return _table_rows(lines), None
    ordered: list[PdfLine] = []
    band: list[PdfLine] = []
    for line in lines:  # top to bottom
        if _crosses(line, gutter):  # spans both columns: ends the band above it
            ordered += _columns_of(band, gutter)
            band = []
            ordered.append(line)
        else:
            band.append(line)
    ordered += _columns_of(band, gutter)
    return ordered, gutter


def _columns_of(band: list[PdfLine], gutter: float) -> list[PdfLine]:
    left, right = [l for l in band if l.x0 < gutter], [l for l in band if l.x0 >= gutter]
    left, foot = _foot_under_both_columns(left, right)
    return _table_rows(left) + _table_rows(right) + _table_rows(foot)


def _foot_under_both_columns(left: list[PdfLine], right: list[PdfLine]) -> tuple[list[PdfLine], list[PdfLine]]:
    """(the left column, the lines under both columns): a first page's notes under its columns (收稿日期, 作者简介), set
    smaller than the text and short enough to stand in the left half, are no part of the left column — read after
    the right one, so they never part a sentence the left column hands over. The left column's own last lines on a
    page where the right one ends early (the text's end) are in the text's type: they stay where they are.

    >>> line = lambda x0, y, text, size=10.0: PdfLine(1, x0, x0 + 230, y, y + size, size, text)
    >>> left = [line(57, 700 - 14 * k, f"左{k}") for k in range(5)] + [line(57, 600, "收稿日期：2018-11-02", 8.0)]
    >>> right = [line(300, 700 - 14 * k, f"右{k}") for k in range(5)]
    >>> [[l.text for l in part] for part in _foot_under_both_columns(left, right)]
    [['左0', '左1', '左2', '左3', '左4'], ['收稿日期：2018-11-02']]
    >>> [[l.text for l in part] for part in _foot_under_both_columns(left[:5], right[:2])]
    [['左0', '左1', '左2', '左3', '左4'], []]
    """
    if not left or not right:
        return left, []
    text_size = Counter(l.size for l in left + right).most_common(1)[0][0]
    bottom = min(l.y0 for l in right)
    k = len(left)
    ordered = sorted(left, key=lambda l: -l.y1)
    while k and ordered[k - 1].y1 < bottom and ordered[k - 1].size < 0.95 * text_size:
        k -= 1
    return ordered[:k], ordered[k:]


def _crosses(line: PdfLine, x: float) -> bool:
    """Does the line run across x (by more than a glyph's overhang)?"""
    return line.x0 < x - 2 and line.x1 > x + 2


def _gutter(lines: list[PdfLine]) -> float | None:
    """The x of a gap between two columns that no long run of lines crosses, if the page has one."""
    if len(lines) < 8:
        return None
    left = min(l.x0 for l in lines)
    right = max(l.x1 for l in lines)
    width = right - left
    # Where a right column would start: the left edges most lines in the page's middle share.
    starts = Counter(round(l.x0) for l in lines if left + 0.35 * width < l.x0 < left + 0.65 * width)
    candidates = [x - 0.5 for x, count in starts.most_common(3) if count >= 4] + [left + width * share for share in (0.5, 0.45, 0.55)]
    for x in candidates:
        crossing = [l for l in lines if _crosses(l, x)]
        if len(crossing) <= 0.2 * len(lines) and _two_columns_at(lines, x, left, right):
            return x
        # A first page with a band across the top (a special section's box, the title, the authors,
        # the abstract) over two columns, or one across the foot (notes set the page's width): the
        # columns are the lines between two of the bands' lines, where most of the page's lines are.
        between = _between_bands(lines, crossing)
        if len(between) >= max(8, BAND_COLUMNS_SHARE * len(lines)) and _two_columns_at(between, x, left, right) and _justified_sides(between, x):
            return x
    return _sidebar(lines, left, width)


def _justified_sides(lines: list[PdfLine], x: float) -> bool:
    """Are both sides of x columns of running text: most of each side's lines end at one x (justified
    to the column's edge)? A letter's two blocks of fields (受文者… beside 地址… 電話…) end anywhere."""
    for side in ([l for l in lines if l.x1 <= x], [l for l in lines if l.x0 >= x]):
        ends = Counter(round(l.x1) for l in side)
        edge = max(ends, key=lambda at: sum(n for e, n in ends.items() if abs(e - at) <= 2)) if ends else 0
        if sum(abs(l.x1 - edge) <= 2 for l in side) < max(4, 0.5 * len(side)):
            return False
    return True


def _between_bands(lines: list[PdfLine], crossing: list[PdfLine]) -> list[PdfLine]:
    """The most lines that stand between two successive lines across the page (or a page's edge)."""
    if not crossing:
        return []
    edges = [float("inf"), *sorted({round(c.y0, 1) for c in crossing} | {round(c.y1, 1) for c in crossing}, reverse=True), float("-inf")]
    spans = [[l for l in lines if l not in crossing and low < l.y0 and l.y1 < high] for high, low in zip(edges, edges[1:])]
    return max(spans, key=len)


BAND_COLUMNS_SHARE = 0.3
"""Under a band across a page's top, two columns hold at least this share of the page's lines."""


def _two_columns_at(lines: list[PdfLine], x: float, left: float, right: float) -> bool:
    """Two real columns parted at x: many lines on each side, each filling most of its column. Only the
    lines in the page's text type count (a table's cells set smaller inside a column fill no column)."""
    sizes = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    text_size = sizes.most_common(1)[0][0]
    lines = [l for l in lines if abs(l.size - text_size) <= 0.1 * text_size]
    on_left = [l for l in lines if not _crosses(l, x) and l.x0 < x]
    on_right = [l for l in lines if l.x0 >= x]
    if len(on_left) < 4 or len(on_right) < 4:
        return False
    full_left = sum(l.x1 - l.x0 >= 0.6 * (x - left) for l in on_left)
    full_right = sum(l.x1 - l.x0 >= 0.6 * (right - x) for l in on_right)
    return full_left >= 0.5 * len(on_left) and full_right >= 0.5 * len(on_right)


def _sidebar(lines: list[PdfLine], left: float, width: float) -> float | None:
    """The x where a sidebar starts beside the text (a report's 基础数据, 相关研究 in smaller type):
    right of a channel no line crosses, the text's lines fill their column, the sidebar is set in
    another type size and keeps baselines of its own (a table's second column shares its rows'
    baselines and type: it is no sidebar)."""
    starts = Counter(round(l.x0) for l in lines if left + 0.5 * width < l.x0 < left + 0.85 * width)
    for start, count in starts.most_common(2):
        x = start - 0.5
        on_right = [l for l in lines if l.x0 >= x]
        top, bottom = max(l.y1 for l in on_right), min(l.y0 for l in on_right)
        on_left = [l for l in lines if l.x1 < x and l.y0 < top and l.y1 > bottom]  # the text beside it
        if count < 4 or len(on_left) < 6:
            continue
        if any(_crosses(l, x) and l.y0 < top and l.y1 > bottom for l in lines):
            continue  # a line across the channel beside the sidebar (a headline above it may span)
        sizes = Counter()
        for l in on_left:
            sizes[l.size] += len(l.text)
        text_size = sizes.most_common(1)[0][0]
        column_edge = max(l.x1 for l in on_left)
        full = sum(l.x1 >= column_edge - 2 * l.size for l in on_left if abs(l.size - text_size) <= 0.1 * text_size)
        other_type = sum(abs(l.size - text_size) > 0.1 * text_size for l in on_right)
        shared_rows = sum(any(abs(l.y0 - m.y0) <= 0.3 * l.size for m in on_left) for l in on_right)
        if full >= 0.5 * len(on_left) and other_type >= 0.7 * len(on_right) and shared_rows <= 0.3 * len(on_right):
            return x
    return None


def _table_rows(lines: list[PdfLine]) -> list[PdfLine]:
    """Pieces on one baseline, apart from each other, are the cells of a table row: one line."""
    out: list[PdfLine] = []
    used = set()
    for i, line in enumerate(lines):
        if i in used:
            continue
        row = [line] + [
            other for j, other in enumerate(lines[i + 1 :], i + 1)
            if j not in used and abs(other.y0 - line.y0) <= 0.3 * max(line.size, 1) and abs(other.y1 - line.y1) <= 0.5 * max(line.size, 1)
        ]
        if len(row) == 1:
            out.append(line)
            continue
        for other in row[1:]:
            used.add(lines.index(other))
        row.sort(key=lambda l: l.x0)
        if _are_columns(row):
            out.extend(row)  # two columns' lines that happen to share a baseline
            continue
        if _justified_apart(row):
            out.append(replace(row[0], x1=row[1].x1, y0=min(l.y0 for l in row), y1=max(l.y1 for l in row), text=row[0].text + row[1].text))
            continue
        out.append(PdfLine(line.page, row[0].x0, row[-1].x1, min(l.y0 for l in row), max(l.y1 for l in row),
                           max(l.size for l in row), "　".join(l.text for l in row), table_row=True))
    return out


def _justified_apart(row: list[PdfLine]) -> bool:
    """Two pieces of one justified line of Chinese, parted by the space it stretched after a comma
    (`工程咨询设计的国际竞争力较弱,`　`设计—建造、交`): one line, no table row — a cell ends in no comma.

    >>> piece = lambda x0, x1, text: PdfLine(1, x0, x1, 206.2, 216.8, 9.9, text)
    >>> _justified_apart([piece(281.6, 430.9, "工程咨询设计的国际竞争力较弱,"), piece(439.0, 507.0, "设计—建造、交")])
    True
    >>> _justified_apart([piece(72, 120, "城关镇"), piece(130, 160, "320")])
    False
    """
    if len(row) != 2:
        return False
    first, second = row
    size = max(first.size, second.size, 1.0)
    return (first.text[-1:] in _STRETCHED_AFTER and _HAN.match(second.text) is not None and abs(first.size - second.size) <= 0.15 * size
            and 0 <= second.x0 - first.x1 <= JUSTIFIED_GAP * size)


def _are_columns(row: list[PdfLine]) -> bool:
    # Two long pieces on a baseline are most likely the lines of two columns, not two cells.
    return len(row) == 2 and all(len(l.text) >= 12 for l in row)


def _in_its_column(line: PdfLine, lines: list[PdfLine], gutter: float | None) -> list[PdfLine]:
    """The lines a line is measured against (its column's edges, its indent): on a two-column page the
    lines of its own column, or, for a line across the gutter, those of the band across the page (a
    first page's abstract, set wider, is no edge of the column under it)."""
    if gutter is None:
        return lines
    across = _crosses(line, gutter)
    return [l for l in lines if _crosses(l, gutter) == across and (across or (l.x0 < gutter) == (line.x0 < gutter))] or lines


def _reflow(lines: list[PdfLine], result: PdfRead, single_column: bool = True, gutter: float | None = None) -> None:
    """Join the page's lines into paragraphs (see the module doc); a page break joins too. A page
    that wraps two lines or more with one gap of its own (a part set double-spaced in a document
    set single-spaced elsewhere) is measured by that gap."""
    on_the_page = paragraph_leading([lines], min_pairs=2)
    for k, line in enumerate(lines):
        column = _in_its_column(line, lines, gutter)
        if k:
            size = round(lines[k - 1].size)
            leading = on_the_page.get(size) or result.leading.get(size, 0.0)
            starts = _starts_paragraph(lines[k - 1], line, column, single_column, leading) or _centred_on_each_other(lines[k - 1], line, result.body_size)
        else:
            starts = result.slides or not _continues_from_last_page(result, line, column)  # a slide's text ends on its slide
            result.notes_moved += bool(not starts and result.pending_notes)
        if starts and result.pending_notes:
            _flush_notes(result)  # the paragraph the notes interrupted has ended: they come now
        if starts or not result.paragraphs:
            result.paragraphs.append(line.text)
            if line.table_row:
                result.table_texts.append(line.text)
            result.sizes.append(line.size)
            result.note_marks.append(line.note_mark)
            result.on_pages.append(line.page)
        else:
            previous = lines[k - 1] if k else result.last_line
            result.paragraphs[-1] = _joined(result.paragraphs[-1], line.text, typed_space=bool(previous and previous.ends_in_space))
            result.note_marks[-1] = line.note_mark
            result.joined_lines += 1
    if lines:
        result.last_line = lines[-1]
        last = lines[-1]
        column = _in_its_column(last, lines, gutter)
        # A paragraph goes on over the page only from a line that runs to the column's edge.
        result.last_line_open = not (_short(last, column, single_column) or _set_right(last, column, single_column) or _set_in(last, column, single_column)
                                     or _centred(last, column))


NOTE_START = re.compile(r"^(?:[\u2460-\u2473\u2776-\u2793*†]|\[\d{1,3}\]|[（(]?\d{1,2}[)）]?(?![\d.．,])|注[:：释]?)")
"""How a footnote begins: its mark (①, [1], 1, *) or 注."""


def _bottom_notes(lines: list[PdfLine], body_size: float) -> tuple[list[PdfLine], list[PdfLine]]:
    """The page's text and its footnotes: the last lines, in smaller type than the text and below
    all of it, the first of them opening with a note's mark (`① 见…`, `1 韩愈…`, `注：`)."""
    body = [l for l in lines if abs(l.size - body_size) <= 0.1 * body_size]
    if not body:
        return lines, []
    floor = min(l.y0 for l in body)
    k = len(lines)
    while k > 0 and lines[k - 1].size < 0.9 * body_size and lines[k - 1].y1 < floor:
        k -= 1
    if k == len(lines) or k == 0 or not NOTE_START.match(lines[k].text):
        return lines, []
    return lines[:k], lines[k:]


def _flush_notes(result: PdfRead) -> None:
    """Read the footnotes held back, as paragraphs of their own."""
    notes, result.pending_notes = result.pending_notes, []
    if not notes:
        return
    held = result.last_line, result.last_line_open
    result.last_line = None  # a note goes on with nothing before it
    _reflow(notes, result)
    result.last_line, result.last_line_open = held


def _column(line: PdfLine, lines: list[PdfLine]) -> list[PdfLine]:
    """The lines of the text around `line`: in the same column (overlapping it across) and the same
    type (a title above two columns, a table, a note are not the column's edges)."""
    return [
        l for l in lines
        if not l.table_row and l.x0 < line.x1 - 2 and l.x1 > line.x0 + 2 and abs(l.size - line.size) <= 0.15 * max(line.size, 1)
    ] or [line]


def _left_edge(line: PdfLine, lines: list[PdfLine]) -> float:
    return min(l.x0 for l in _column(line, lines))


def _right_edge(line: PdfLine, lines: list[PdfLine]) -> float:
    """The column's right edge: where its justified lines end (an x1 several lines share), not the
    end of one line that runs into the margin (a long URL, a formula)."""
    ends = Counter(round(l.x1) for l in _column(line, lines))
    shared = [x for x, count in ends.items() if count >= 2]
    return max(shared) if shared else max(ends)


def _text_block_edge(line: PdfLine, lines: list[PdfLine], single_column: bool) -> float:
    """The right edge a line is measured against. On a page of one column, an edge that a few short
    lines around the line happen to share left of the page's middle (a 公文's `各有关单位：` over an
    indented `正文部分`) is no edge: the page's lines of that type show where the text block ends."""
    edge = _right_edge(line, lines)
    if not single_column:
        return edge
    left = min(l.x0 for l in lines)
    kin = _same_type(line, lines)
    right = max((l.x1 for l in kin), default=edge)
    page_right = max(l.x1 for l in lines)
    if right < left + 0.45 * (page_right - left) and sum(l.x1 >= right - 1 for l in kin) == 1:
        # A type whose lines all stop short of the page's middle, its longest line alone in reaching
        # where it ends (no measure it is wrapped to, whose full lines end together: an exporter's
        # contents, one entry a line), is measured by the page's text.
        return page_right
    return right if edge < left + 0.45 * (right - left) else edge


def _text_block_left(line: PdfLine, lines: list[PdfLine], single_column: bool) -> float:
    """The left edge, likewise: right-set lines alone (an issuer over a date) make no column."""
    edge = _left_edge(line, lines)
    if not single_column:
        return edge
    right = max(l.x1 for l in lines)
    left = min((l.x0 for l in _same_type(line, lines)), default=edge)
    return left if edge > left + 0.45 * (right - left) else edge


def _same_type(line: PdfLine, lines: list[PdfLine]) -> list[PdfLine]:
    """The page's lines in the line's type size (a table row's too: it spans the text block)."""
    return [l for l in lines if abs(l.size - line.size) <= 0.15 * max(line.size, 1)]


def _short(line: PdfLine, lines: list[PdfLine], single_column: bool = False) -> bool:
    """Does the line end short of its column's edge (a paragraph's last line)?"""
    return line.x1 < _text_block_edge(line, lines, single_column) - 2 * line.size and not _full_in_its_measure(line, lines)


def _centred_on_each_other(previous: PdfLine, line: PdfLine, body_size: float) -> bool:
    """Two lines outside the text's type, of different lengths, centred on one axis (a cover's
    `版本：1.9.9` over `发布日期：2023.03`): each a line of its own, not one wrapped line — a wrapped
    line shares its left edge with the next, not its middle. (A block of two such lines gives no
    column to measure them against.)"""
    size = max(previous.size, line.size, 1.0)
    if not body_size or abs(previous.size - body_size) <= 0.15 * body_size:
        return False
    middle = abs((previous.x0 + previous.x1) / 2 - (line.x0 + line.x1) / 2)
    return middle < 0.5 * size and abs(previous.x0 - line.x0) > size and abs(previous.x1 - line.x1) > size


LEADING_MIN_PAIRS = 3
"""A type's usual gap between lines is taken from at least this many wrapped lines."""
LEADING_LINE_SHARE = 0.6
"""A wrapped line measured for the leading runs across at least this share of the page's lines of its type."""


def paragraph_leading(pages: list[list[PdfLine]], min_pairs: int = LEADING_MIN_PAIRS) -> dict[float, float]:
    """The usual gap between two lines of one paragraph, per type size (rounded): measured where a
    line wraps — it runs to the right edge of its page's lines in its type without ending a sentence,
    and the next line of that type stands under it. A document set double-spaced (Word's 2.5 or 3
    line spacing: gaps of twice the type's size inside a paragraph) puts no more space between its
    paragraphs than inside them; only a gap wider than its own leading parts two paragraphs.

    >>> line = lambda y, x1, text: PdfLine(1, 90, x1, y, y + 10, 10.0, text)
    >>> paragraph_leading([[line(700, 500, "甲乙丙，"), line(670, 500, "丁戊己，"), line(640, 500, "庚辛，"), line(610, 300, "壬。")]])
    {10: 20.0}
    """
    gaps: dict[float, Counter] = defaultdict(Counter)
    for lines in pages:
        ordered = sorted(lines, key=lambda l: -l.y1)
        for above, below in zip(ordered, ordered[1:]):
            size = max(above.size, 1.0)
            if (abs(above.size - below.size) > 0.15 * size or below.x0 >= above.x1 or below.x1 <= above.x0 or _SENTENCE_END.search(above.text)
                    or above.table_row or below.table_row):
                continue
            same_type = [l for l in lines if abs(l.size - above.size) <= 0.15 * size]
            left, right = min(l.x0 for l in same_type), max(l.x1 for l in same_type)
            gap = above.y0 - below.y1
            # (a line of text runs across most of the measure; a table's last cell, ending there too, does not)
            if above.x1 >= right - size and above.x1 - above.x0 >= LEADING_LINE_SHARE * (right - left) and 0 < gap < 4 * size:
                gaps[round(above.size)][round(gap)] += 1
    return {size: float(counter.most_common(1)[0][0]) for size, counter in gaps.items() if counter.most_common(1)[0][1] >= min_pairs}


def _starts_paragraph(previous: PdfLine, line: PdfLine, lines: list[PdfLine], single_column: bool = False, leading: float = 0.0) -> bool:
    size = max(previous.size, line.size, 1.0)
    if _CLOSING.fullmatch(line.text):
        return False  # a closing mark the font set apart (below the baseline): it ends the line before
    if previous.table_row or line.table_row:
        return True
    if cover_date([previous.text]) != (None, None) or cover_date([line.text]) != (None, None):
        return True  # a date on a line of its own (a cover's 二〇二六年五月, a signature's date) stands alone
    if _LABELLED.match(previous.text) and _LABELLED.match(line.text):
        return True  # two numbered lines in a row (三、… over （一）…, 1. over 2.): headings or items, no wrapped sentence
    if BULLET.match(line.text) and _CLAUSE_END.search(previous.text):
        return True  # a bulleted item after a clause's end (•…； over •…): the next item, not the line's rest
    if abs(previous.size - line.size) > 0.15 * size:
        return True  # a heading's type, or a note's
    if line.y1 > previous.y1 + size:  # the top of the next column: a paragraph may go on there
        return re.search(r"[。！？；：!?;:”」』）)]$", previous.text) is not None or line.x0 > _left_edge(line, lines) + 1.2 * size
    if previous.y0 - line.y1 > (leading + 0.5 * size if leading > 1.2 * size else 1.2 * size):
        return True  # a gap (in a text set double-spaced, one wider than its lines stand apart: paragraph_leading)
    if _set_right(previous, lines, single_column) or _set_right(line, lines, single_column):
        return True  # a signature or a date set to the right stands alone
    if _set_in(previous, lines, single_column):
        return True  # a line set in from both edges (a 公文's 署名 two characters from the right) is no wrapped line
    if (line.y0 + line.y1) / 2 < previous.y0 - 0.3 * size and line.x0 >= previous.x1 - 0.5 * size:
        return True  # the next line starts where this one ends, further right: no wrapped line does (密级 under a title)
    short = _short(previous, lines, single_column)
    if line.x0 > _left_edge(line, lines) + 1.2 * size and (short or _SENTENCE_END.search(previous.text)):
        return True  # an indented first line (not the hanging indent of an item whose first line runs on)
    if short:
        return True  # the line before ends short of the column's edge
    return _centred(previous, lines) and _centred(line, lines)


def _full_in_its_measure(line: PdfLine, lines: list[PdfLine]) -> bool:
    """Text set beside a picture runs in a narrower measure: a line that ends where the line above or
    below it ends (from about the same left edge, an indent apart at most, neither at a sentence's end
    — `各有关单位：` over an indented `正文部分` ends where it does by chance) is full there, not a
    paragraph's short last line. A measure is a good part of the page's width: two list items or
    two headings of about one length (`1.每月召开一次` over `2.会前印发议程`) are short lines."""
    if _SENTENCE_END.search(line.text) or _LABELLED.match(line.text):
        return False
    width = max(l.x1 for l in lines) - min(l.x0 for l in lines)
    if line.x1 - line.x0 < 0.4 * width:
        return False
    return any(
        other is not line and not other.table_row and not _SENTENCE_END.search(other.text) and not _LABELLED.match(other.text)
        and abs(other.x1 - line.x1) <= 0.1 * line.size and abs(other.x0 - line.x0) <= 3 * line.size
        and 0 < abs(other.y0 - line.y0) <= 2.2 * line.size and abs(other.size - line.size) <= 0.15 * line.size
        for other in lines
    )


def _set_right(line: PdfLine, lines: list[PdfLine], single_column: bool = False) -> bool:
    """A short line pushed against the right edge (an issuer's name, a date under the text); not a
    line of text set in a narrower measure beside a picture (_in_a_measure)."""
    left = _text_block_left(line, lines, single_column)
    return (line.x0 > left + 4 * line.size and line.x1 >= _text_block_edge(line, lines, single_column) - line.size and not _centred(line, lines)
            and not BULLET.match(line.text) and not _in_a_measure(line, lines))  # (a bulleted item set in under a list's head is no signature)


MEASURE_MIN = 10
"""A measure beside a picture is at least this many characters wide (a signature's lines are fewer)."""


def _in_a_measure(line: PdfLine, lines: list[PdfLine]) -> bool:
    """Is the line one of a text set in a narrower measure (beside a picture): two wide lines of its
    type near it are justified to one measure (the same left and right edges), starting at its own
    left edge or an indent (three characters at most) left of it? A signature's lines over a date are
    short, right-aligned lines share no left edge, a block of fields (地址： 電話：) no right one."""
    size = max(line.size, 1)
    near = [l for l in lines if l is not line and not l.table_row and abs(l.size - line.size) <= 0.15 * size and abs(l.y0 - line.y0) <= 5 * size
            and l.x1 - l.x0 >= MEASURE_MIN * size and line.x0 - 3 * size <= l.x0 <= line.x0 + 0.3 * size]
    return any(abs(a.x0 - b.x0) <= 0.3 * size and abs(a.x1 - b.x1) <= 0.3 * size for i, a in enumerate(near) for b in near[i + 1 :])


def _set_in(line: PdfLine, lines: list[PdfLine], single_column: bool = False) -> bool:
    """A line that starts well in from the left edge (four characters: more than a first line's
    indent) and stops short of the right one: a wrapped paragraph's line reaches the edge."""
    return (line.x0 > _text_block_left(line, lines, single_column) + 4 * line.size
            and line.x1 < _text_block_edge(line, lines, single_column) - line.size)


def _centred(line: PdfLine, lines: list[PdfLine]) -> bool:
    left, right = _left_edge(line, lines), _right_edge(line, lines)
    # clear of both edges: a full line indented two characters is no centred line
    return line.x0 > left + 2 * line.size and line.x1 < right - line.size and abs((line.x0 + line.x1) / 2 - (left + right) / 2) < line.size


def _continues_from_last_page(result: PdfRead, line: PdfLine, lines: list[PdfLine]) -> bool:
    """A page's first line goes on with the last paragraph when that stopped mid-sentence at the
    column's edge and this line is not indented."""
    last = result.last_line
    if last is None or not result.paragraphs or last.table_row or line.table_row:
        return False
    if abs(last.size - line.size) > 0.15 * max(last.size, 1):
        return False
    if result.body_size and abs(last.size - result.body_size) > 0.15 * result.body_size:
        return False  # a cover's or a heading's line, not the text's: it does not run on over the page (a cover's last line)
    if re.search(r"[。！？；：!?;:”」』）)]$", result.paragraphs[-1]) or not result.last_line_open:
        return False
    if last.x1 < _right_edge(line, lines) - 2 * max(last.size, 1):
        return False  # it stopped short of where this page's lines end (a cover's last line)
    # not indented: at the page's left edge, or no further in than the line it goes on from (an
    # item's hanging lines, set in from the page's edge under the item's mark)
    return line.x0 <= max(_left_edge(line, lines) + 1.2 * max(line.size, 1), last.x0 + 0.5 * max(line.size, 1))


def _joined(before: str, after: str, typed_space: bool = False) -> str:
    """Two lines of a paragraph as one: Chinese without a space, Latin words with one, a hyphenated word
    whole; a space the text layer typed at the line's end between two Chinese clauses stays."""
    ends = before[-SPACED_CLAUSE_MIN:] + after[:SPACED_CLAUSE_MIN]
    if typed_space and len(ends) == 2 * SPACED_CLAUSE_MIN and all(_HAN.match(c) for c in ends):
        return before + " " + after
    if re.search(r"[A-Za-z]-$", before) and re.match(r"[a-z]", after):
        return before[:-1] + after  # a word hyphenated at the line end
    if re.search(r"[A-Za-z0-9.,;:!?%)]$", before) and re.match(r"[A-Za-z0-9(]", after):
        return before + " " + after
    return before + after
