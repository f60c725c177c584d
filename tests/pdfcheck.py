"""Reading a handout PDF as a reader's eye would: where every glyph stands (pdfminer.six), line by line.

The checks behind the handouts' typography (tests/publish/test_handout_typography.py):
- every ，。；：、 advances one full character cell of its line, except where the national rules
  (GB/T 15834, W3C clreq) let a mark be set half width: next to another mark, and at a line's end;
- a heading never ends a page, a source line never opens one, a page holds at least five body lines
  unless it is the last of a handout (or of a speech in a volume);
- a title set on several lines does not leave a short last line, nor a paragraph a lone character;
- an excerpt (1．…) stands a blank line below the source of the one before it;
- a leader's name is never split across two lines (习|近平).
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

FULL_WIDTH_MARKS = "，。；：、"
PUNCTUATION = set("，。；：、！？“”‘’（）《》〈〉【】〔〕…—·「」『』")
A4_HEIGHT = 841.89
BODY_TOP = A4_HEIGHT - 37 / 25.4 * 72 + 2
"""The type area starts 37 mm from the top (the running head stands above it)."""
BODY_BOTTOM = 35 / 25.4 * 72 - 2
"""…and ends 35 mm from the bottom (the page number stands below it)."""


@dataclass(frozen=True)
class Glyph:
    text: str
    x0: float
    x1: float
    y: float
    size: float
    font: str


@dataclass
class Line:
    glyphs: list[Glyph]

    @property
    def text(self) -> str:
        return "".join(g.text for g in self.glyphs)

    @property
    def size(self) -> float:
        return median(g.size for g in self.glyphs)

    def font_of_first(self) -> str:
        return self.glyphs[0].font


def read_pages(path) -> list[list[Line]]:
    """Every page's body lines (inside the type area, text of 12 pt and more: not the margin's
    paragraph numbers), top to bottom, each line's glyphs left to right."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar

    def chars(item):
        if isinstance(item, LTChar):
            yield item
        elif hasattr(item, "__iter__"):
            for child in item:
                yield from chars(child)

    pages = []
    for page in extract_pages(str(path), laparams=LAParams(all_texts=True)):
        rows: dict[int, list[Glyph]] = {}
        for char in chars(page):
            if char.size < 12 or not (BODY_BOTTOM < char.y0 < BODY_TOP) or not char.get_text().strip():
                continue
            key = round(char.y0 / 4)  # one line: the same baseline within 4 pt
            rows.setdefault(key, []).append(Glyph(char.get_text(), char.x0, char.x1, char.y0, round(char.size, 1), char.fontname))
        pages.append([Line(sorted(rows[k], key=lambda g: g.x0)) for k in sorted(rows, reverse=True)])
    return pages


def squeezed_marks(pages: list[list[Line]]) -> list[str]:
    """Every ，。；：、 that advances less (or more) than the cells of its line, outside the rules
    that allow it: "page N: …context… (advance X pt, cell Y pt)"."""
    problems = []
    for number, lines in enumerate(pages, 1):
        for line in lines:
            glyphs = line.glyphs
            advances = [b.x0 - a.x0 for a, b in zip(glyphs, glyphs[1:])]
            cells = [adv for (a, b), adv in zip(zip(glyphs, glyphs[1:]), advances) if _is_han(a.text) and _is_han(b.text) and a.size == b.size]
            if len(cells) < 3:
                continue
            cell = median(cells)
            for i, glyph in enumerate(glyphs[:-1]):
                if glyph.text not in FULL_WIDTH_MARKS:
                    continue
                after, before = glyphs[i + 1], glyphs[i - 1] if i else None
                if after.text in PUNCTUATION or (before and before.text in PUNCTUATION) or after.text in ".…":
                    continue  # two marks in a row (the rules let one be set half width), or a contents line's leader
                if after.size != glyph.size:
                    continue
                if abs(advances[i] - cell) > 0.35 or advances[i] < glyph.size - 0.35:
                    context = "".join(g.text for g in glyphs[max(0, i - 6) : i + 6])
                    problems.append(f"page {number}: {context} ({advances[i]:.2f} pt, cell {cell:.2f} pt)")
    return problems


def _is_han(text: str) -> bool:
    return len(text) == 1 and "\u4e00" <= text <= "\u9fff"


def page_break_problems(pages: list[list[Line]], headings: list[str], first_body_page: int, short_allowed: set[int] = frozenset(), sources: bool = True) -> list[str]:
    """A heading at a page's foot, a source line (楷体, opening with （) at a page's head, a page of
    fewer than five body lines. Pages before `first_body_page` (cover, contents) are not body;
    `short_allowed` are the pages that may be short (the last of a handout or of a speech); `sources`:
    whether the handout has source lines (a speech's 楷体 headings are no sources)."""
    flat_headings = {_flat(h) for h in headings if _flat(h)}
    problems = []
    for number, lines in enumerate(pages, 1):
        if number < first_body_page or not lines:
            continue
        last = _flat(lines[-1].text)
        if number < len(pages) and any(last.endswith(h) or (len(last) >= 4 and h.startswith(last) and len(lines[-1].glyphs) < 28) for h in flat_headings):
            problems.append(f"page {number} ends with a heading: {lines[-1].text}")
        first = lines[0]
        if sources and first.text.startswith("（") and "Kai" in first.font_of_first():
            problems.append(f"page {number} opens with a source line: {first.text}")
        if len(lines) < 5 and number not in short_allowed and number != len(pages):
            problems.append(f"page {number} holds {len(lines)} body lines")
    return problems


def title_lines(pages: list[list[Line]], size: float) -> list[list[str]]:
    """The lines of each title set at `size` (22 pt: a speech's title), as groups of consecutive lines."""
    titles = []
    for lines in pages:
        run = []
        for line in lines:
            if abs(line.size - size) < 0.5:
                run.append(line.text)
            elif run:
                titles.append(run)
                run = []
        if run:
            titles.append(run)
    return titles


def _flat(text: str) -> str:
    return "".join(text.split()).replace("\u2060", "")


def runt_lines(pages: list[list[Line]]) -> list[str]:
    """Lines holding a single character (and its mark): the end of a paragraph left alone (伍。)."""
    return [f"page {n}: {line.text}" for n, lines in enumerate(pages, 1) for line in lines
            if sum(_is_han(g.text) for g in line.glyphs) == 1 and len(line.glyphs) <= 2]


def crowded_excerpts(pages: list[list[Line]]) -> list[str]:
    """An excerpt whose first line (its number, 2．) stands right under the source line (楷体, in
    brackets) of the excerpt before, without the blank grid line between them."""
    import re

    problems = []
    for number, lines in enumerate(pages, 1):
        gaps = [a.glyphs[0].y - b.glyphs[0].y for a, b in zip(lines, lines[1:])]
        if not gaps:
            continue
        pitch = median(gaps)
        for above, below, gap in zip(lines, lines[1:], gaps):
            is_source = above.text.startswith("（") and "Kai" in above.font_of_first()
            if is_source and re.match(r"\d+．", below.text) and gap < 1.5 * pitch:
                problems.append(f"page {number}: {below.text[:12]} right under {above.text[:12]}")
    return problems


def split_words(pages: list[list[Line]], words: list[str]) -> list[str]:
    """Every place where one of `words` is cut between a line's end and the next line's start (the
    next page's first line too)."""
    lines = [line.text for page in pages for line in page]
    return [f"{a[-6:]} / {b[:6]}" for a, b in zip(lines, lines[1:]) for w in words
            if any(a.endswith(w[:i]) and b.startswith(w[i:]) for i in range(1, len(w)))]
