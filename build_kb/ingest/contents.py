"""A document's own table of contents, told by what it is, not by what it says.

A contents block is a run of short lines near the text that list, in order, the headings the text
gives further on (a PDF exported from Markdown lists every heading under the title; Word's TOC field
gives each entry with a dot leader and its page number). Left in the text it stands in for the
headings: the real heading lines further down become body lines and the block becomes the outline.
So the block is dropped (the caller logs and counts it, reason `table-of-contents`), and its entries
are evidence FOR the later lines they name: those lines, found in the contents' order, are the
headings (`ContentsBlock.headings`), never the entries themselves.

The evidence is the block's shape and the repetition, not its words:

- each line is short and no sentence (no 。！？；, at most CONTENTS_ENTRY_MAX characters once a dot
  leader and a page number are taken off);
- the run is CONTENTS_RUN_MIN lines or more, a `目录` / `Contents` line over it goes with it;
- its entries come again further on, in the same order, each as a paragraph of its own, with text
  between them (a list said twice in a row is a repetition, no contents): all but a few of them
  (CONTENTS_FOUND_SHARE) when the lines carry nothing else, half of them when every line has a dot
  leader or a page number (those marks already say "contents"). The first entry may name the title
  above the block (an export's contents lists the document's own title first).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

CONTENTS_RUN_MIN = 3
CONTENTS_RUN_MAX = 200
CONTENTS_SCAN = 300
"""A contents block starts within this many lines of the top."""
CONTENTS_START_WITHIN = 4
"""…and within this many lines of the top of its run of short lines (the title's lines may stand over it)."""
CONTENTS_ENTRY_MAX = 40
CONTENTS_FOUND_SHARE = 0.8
"""Of a plain block's entries (no leader, no page number), at least this share must be found again in order."""
CONTENTS_MARKED_SHARE = 0.5
"""Of a block whose every line has a leader or a page number, at least this share."""

LEADER_AND_PAGE = re.compile(
    r"(?:[\s\u3000]*(?:[.·⋅…．_\-][\s\u3000]*){3,}|[\s\u3000]*……[\s\u3000]*|[\s\u3000\t]+)(?:\d{1,4}|[IVXLC]{1,6}|[ivxlc]{1,6})$"
    r"|[\s\u3000]*(?:[.·⋅…．_][\s\u3000]*){3,}$"
)
"""What a contents line carries after its entry: a dot leader and a page number (`引言 ⋅ ⋅ ⋅ 1`,
`一、总体要求……3`: one 省略号 of two … is a leader too, before a page number only), a page number set apart by a space or a tab (`上篇　总体情况　3`), or a
leader alone (an unfilled field's)."""
CONTENTS_LABEL = re.compile(r"^(?:目\s*录|目\s*次|contents|table\s+of\s+contents)[:：]?$", re.IGNORECASE)
_SENTENCE = re.compile(r"[。！？；!?;]")


@dataclass
class ContentsBlock:
    """Where a contents block stands and what it points at (indices into the lines read)."""

    lines: list[int]
    """The block's lines, its `目录` label with them: what the caller drops."""
    headings: list[int] = field(default_factory=list)
    """The later lines its entries name, in order: the text's own heading lines."""
    missed: int = 0
    """How many of its entries were not found further on."""


def entry_of(line: str) -> str:
    """A contents line without its leader and page number (`一、总体要求……3` → `一、总体要求`).

    >>> entry_of("第1章 引言 ⋅ ⋅ ⋅ ⋅ 1"), entry_of("上篇　总体情况　3"), entry_of("Abstract"), entry_of("一、总体要求……3")
    ('第1章 引言', '上篇　总体情况', 'Abstract', '一、总体要求')
    >>> entry_of("要抓好落实……"), entry_of("增长了…3")
    ('要抓好落实……', '增长了…3')
    """
    return LEADER_AND_PAGE.sub("", line.strip()).strip()


def _marked(line: str) -> bool:
    return bool(LEADER_AND_PAGE.search(line.strip())) and bool(entry_of(line))


def _key(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def _entry_like(line: str) -> bool:
    entry = entry_of(line)
    return bool(entry) and len(entry) <= CONTENTS_ENTRY_MAX and not _SENTENCE.search(entry) and bool(re.search(r"[\w\u3400-\u9fff]", entry))


def read_contents_block(lines: list[str]) -> ContentsBlock | None:
    """The first contents block in `lines` (paragraphs, one per item) within CONTENTS_SCAN lines of
    the top, or None. Where a run of short lines holds the title over the block and the first
    headings under it, the block is the longest part of the run that reads as contents.

    >>> text = ["2022年工作回顾", "2022年工作回顾", "一月", "二月", "三月",
    ...         "一月", "这个月主要做了两件事，一是调研，二是总结。", "二月", "这个月学习了新的办法。",
    ...         "三月", "这个月把办法用到了工作中。"]
    >>> block = read_contents_block(text)
    >>> block.lines, block.headings
    ([1, 2, 3, 4], [5, 7, 9])

    A list said twice in a row, with no text between the second time's items, is no contents:

    >>> read_contents_block(["名单", "甲方", "乙方", "丙方", "甲方", "乙方", "丙方"]) is None
    True
    """
    keys = [_key(entry_of(line)) for line in lines]
    where: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        where.setdefault(key, []).append(i)
    k = 1  # (something stands above a contents block: the title, or its 目录 label)
    while k < min(len(lines), CONTENTS_SCAN):
        end = k
        while end < len(lines) and end - k < CONTENTS_RUN_MAX and _entry_like(lines[end]) and not CONTENTS_LABEL.match(keys[end]):
            end += 1
        for first in range(k, min(end - CONTENTS_RUN_MIN + 1, k + CONTENTS_START_WITHIN)):
            # (the block that misses the fewest of its entries further on, the longest of those: a run
            # may go on into the first heading and the text's own short lines under the block)
            blocks = [block for last in range(end, first + CONTENTS_RUN_MIN - 1, -1) if (block := _as_contents(lines, keys, where, first, last))]
            if blocks:
                return min(blocks, key=lambda block: block.missed)
        k = max(end, k + 1)
    return None


def _as_contents(lines: list[str], keys: list[str], where: dict[str, list[int]], start: int, end: int) -> ContentsBlock | None:
    """The run lines[start:end] as a contents block, when its entries come again further on, in order."""
    entries = list(range(start, end))
    # An export's contents lists the document's title first: the entry says the line right above it.
    if keys[start] == keys[start - 1]:
        entries = entries[1:]
    found: list[int] = []
    at = end
    for j in entries:
        places = where[keys[j]]
        hit = bisect.bisect_left(places, at)
        if hit < len(places):
            found.append(places[hit])
            at = places[hit] + 1
    marked = all(_marked(lines[j]) for j in entries)
    share = CONTENTS_MARKED_SHARE if marked else CONTENTS_FOUND_SHARE
    if len(found) < max(2 if marked else CONTENTS_RUN_MIN, share * len(entries)):
        return None
    # Text stands between the lines found (a heading heads something): a list said twice is no contents.
    spaced = sum(b - a > 1 for a, b in zip(found, found[1:])) + (len(lines) - found[-1] > 1)
    if spaced < 0.5 * len(found):
        return None
    block = list(range(start, end))
    if CONTENTS_LABEL.match(keys[start - 1]):
        block.insert(0, start - 1)
    return ContentsBlock(block, found, len(entries) - len(found))


NUMBER_STYLES = (("chapter", re.compile(r"^第\s*[一二三四五六七八九十\d]{1,3}\s*[章部篇节]")), ("han", re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、.．]")),
                 ("bracketed", re.compile(r"^[（(][一二三四五六七八九十\d]{1,3}[)）]")), ("decimal", re.compile(r"^\d{1,2}\.\d")),
                 ("digit", re.compile(r"^\d{1,2}\s*[、.．]")))


def entry_levels(entries: list[str]) -> list[int]:
    """The level of each contents entry by its numbering: entries numbered like the first numbered one
    are the top level, and so are unnumbered ones before it (摘要); the others are the second.

    >>> entry_levels(["摘要", "一、现状", "（一）调研情况", "二、建议"])
    [1, 1, 2, 1]
    >>> entry_levels(["开篇", "春季", "结语"])
    [1, 1, 1]
    """
    def style(text: str) -> str:
        return next((name for name, pattern in NUMBER_STYLES if pattern.match(text)), "")

    top = next((style(entry) for entry in entries if style(entry)), "")
    first_top = next((k for k, entry in enumerate(entries) if style(entry) == top), 0)
    return [1 if style(entry) == top or not style(entry) and k < first_top else 2 for k, entry in enumerate(entries)]
