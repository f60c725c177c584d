"""A web page that places its text glyph by glyph (an OFD or PDF converted to HTML by a viewer): every
character (or every run of a line) is its own SVG `<text x= y=>` or absolutely positioned element, so
the page's text in source order is one character or one fragment per line. Such a page is read as a PDF page is: its glyphs are put
together into lines by their position (one baseline, left to right), the lines into pages, and
ingest/pdf.py reads those pages (running headers, page numbers, re-flow into paragraphs, the
title set in the first page's largest type).

The evidence is the markup's shape, never the words: many elements, each with a place of its own,
carry (nearly) all of the page's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .pdf import PdfLine, _line_text, _pieces

PLACED_SHARE = 0.8
"""The share of the page's visible characters that placed elements must hold."""
PLACED_MIN = 20
"""A page with fewer placed elements is an ordinary page with a positioned box or two."""

_STYLE = re.compile(r"([a-z-]+)\s*:\s*([^;]+)")
_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(?:px)?\s*$")


@dataclass
class Glyph:
    """A placed run of text with pdfminer's LTChar attributes that pdf.py's line readers use."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float

    def get_text(self) -> str:
        return self.text


def _style(element) -> dict[str, str]:
    return {k.lower(): v.strip() for k, v in _STYLE.findall(element.get("style") or "")}


def _length(value: str | None) -> float | None:
    m = _LENGTH.match(value or "")
    return float(m.group(1)) if m else None


_PERCENT = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*%\s*$")
_SIZE_IN_CALC = re.compile(r"(\d+(?:\.\d+)?)\s*px\s*\)?\s*$")


def _offset(value: str | None) -> tuple[float, float] | None:
    """A left or top as (pixels, per cent of the page): `184px` → (184, 0), `11.76%` → (0, 11.76)."""
    px = _length(value)
    if px is not None:
        return px, 0.0
    m = _PERCENT.match(value or "")
    return (0.0, float(m.group(1))) if m else None


def _own_text(element) -> str:
    return (element.text or "").strip() if isinstance(element.tag, str) else ""


def _is_placed(element) -> bool:
    """An SVG text with its own x and y, or an element set absolutely with left and top."""
    if element.tag in ("text", "tspan") and element.get("x") is not None and element.get("y") is not None:
        return True
    return _set_at(_style(element))


def _set_at(style: dict[str, str]) -> bool:
    """A style that places its element by left and top (absolutely, or by a class's rule: a text
    layer's spans carry only their place inline)."""
    return style.get("position") not in ("static", "relative", "sticky") and _offset(style.get("left")) is not None and _offset(style.get("top")) is not None


def _is_page(element) -> bool:
    """A page's box: sized in pixels and not itself placed (the box the glyphs are placed in)."""
    style = _style(element)
    return _length(style.get("height")) is not None and _length(style.get("width")) is not None and not _set_at(style)


def _size(element) -> float:
    """The glyph's type size: its own or the nearest ancestor's font-size (style or attribute;
    a viewer's `calc(var(--scale-factor)*12.00px)` gives 12)."""
    for node in [element, *element.iterancestors()]:
        declared = _style(node).get("font-size") or ""
        size = _length(declared) or _length(node.get("font-size"))
        if not size and _SIZE_IN_CALC.search(declared):
            size = float(_SIZE_IN_CALC.search(declared).group(1))
        if size:
            return size
    return 16.0


def _advance(text: str, size: float) -> float:
    """How far a run of glyphs reaches: full width for Chinese, half for Latin letters and digits."""
    return sum(0.5 * size if ch.isascii() else size for ch in text)


def _place(element) -> tuple[float, float, object | None]:
    """The element's x and baseline inside its page (the sum of its own and its placed ancestors'
    offsets), and the page element (None when the page has none)."""
    x = y = x_share = y_share = 0.0
    page = None
    for node in [element, *element.iterancestors()]:
        if _is_page(node):
            page = node
            break
        if node.tag in ("text", "tspan"):
            x += _length(node.get("x")) or 0.0
            y += _length(node.get("y")) or 0.0
            continue
        style = _style(node)
        if _set_at(style):
            (left, left_share), (top, top_share) = _offset(style.get("left")), _offset(style.get("top"))
            x, y, x_share, y_share = x + left, y + top, x_share + left_share, y_share + top_share
    if page is not None and (x_share or y_share):  # per cent of the page's box
        x += x_share / 100 * _length(_style(page).get("width"))
        y += y_share / 100 * _length(_style(page).get("height"))
    if element.tag not in ("text", "tspan"):
        y += _size(element)  # an HTML box's top, its baseline a line below
    return x, y, page


def positioned_pages(tree) -> tuple[list[list[PdfLine]], list[float]] | None:
    """The page's lines in PDF terms (y upwards) when it places its text glyph by glyph, else None."""
    placed = [e for e in tree.iter() if isinstance(e.tag, str) and _own_text(e) and _is_placed(e)]
    if len(placed) < PLACED_MIN:
        return None
    placed_chars = sum(len(_own_text(e)) for e in placed)
    body = tree.find("body") if tree.find("body") is not None else tree
    visible = len(re.sub(r"\s+", "", "".join(t for t in body.itertext() if t)))
    if placed_chars < PLACED_SHARE * max(visible - _unseen_chars(body), 1):
        return None
    pages: dict[object, list[Glyph]] = {}
    order: list[object] = []
    for element in placed:
        x, baseline, page = _place(element)
        size = _size(element)
        text = _own_text(element)
        if page not in pages:
            pages[page] = []
            order.append(page)
        pages[page].append(Glyph(text, x, x + _advance(text, size), baseline, size))
    out_pages, heights = [], []
    for number, page in enumerate(order, 1):
        glyphs = pages[page]
        height = (_length(_style(page).get("height")) if page is not None else None) or max(g.baseline + g.size for g in glyphs)
        out_pages.append(_lines(glyphs, number, height))
        heights.append(height)
    return out_pages, heights


def _unseen_chars(body) -> int:
    """Characters in script and style elements (not text a reader sees)."""
    return sum(len(re.sub(r"\s+", "", e.text_content())) for e in body.iter("script", "style"))


def _lines(glyphs: list[Glyph], page: int, height: float) -> list[PdfLine]:
    """Glyphs on one baseline (within a third of their size) are one line, left to right; a line is
    parted where pdf.py parts a pdfminer line (a table cell's gap)."""
    rows: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.baseline, g.x0)):
        if rows and abs(rows[-1][-1].baseline - glyph.baseline) <= 0.3 * max(glyph.size, rows[-1][-1].size):
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    lines = []
    for row in rows:
        row.sort(key=lambda g: g.x0)
        size = sorted(g.size for g in row)[len(row) // 2]
        baseline = sorted(g.baseline for g in row)[len(row) // 2]
        for piece in _pieces(row, size):
            # PDF coordinates: y grows upwards from the page's foot
            lines.append(PdfLine(page, piece[0].x0, piece[-1].x1, height - baseline - 0.2 * size, height - baseline + 0.8 * size, round(size, 1), _line_text(piece, size)))
    lines.sort(key=lambda l: (-round(l.y1), l.x0))
    return lines
