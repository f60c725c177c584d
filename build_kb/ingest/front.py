"""A document's front and back matter among the headings its type or styles gave (kb add; PDF, Word).

A thesis or a report sets the title page's furniture in its headings' type: the declaration and the
authorisation a candidate signs, the lists of figures, tables and symbols before the first chapter. They are
no parts of the text: their headings go from `heading_lines` (the lines stay, as paragraphs of the part
before), each one named in the import's notes. Read by shape and place, not by their words:

    reader                what it looks at                                        e.g.
    _over_nothing         a heading with no line under it before the next         中国科学院大学 / 学位论文原创性声明
                          heading of its level or higher (the first line of a
                          two-line heading, an empty list)                         表格列表 / 符号列表
    _a_form_to_sign       a part that ends in empty field labels (two or more):   …学位论文原创性声明… / 作者签名： / 日　期：
                          a form to fill in and sign, not text
    _a_list_before_the    a part before the first numbered chapter that holds     图形列表 / 2.1 Q判据等值面图… / 2.3 …
    _chapters             no running text: entries numbered by the chapters'
                          sections (2.1, 图 2-1), table rows, symbols

A part of running text (摘要, Abstract, 引言) before the chapters stays a part.

Before those readers, `contents_copies_of_headings` puts back a heading that was found in a typed 目录: kb add finds
a heading's line by its words, the first line that says them, and an entry of a contents typed above the text (no
field, no page number) says them first. The copies are the entries, the heading is the line further on.
"""

from __future__ import annotations

import re

from ..text import HAN_CHAR

FRONT_MATTER_READERS = {"over-nothing": "下面没有正文", "form-to-sign": "待签名的表格（声明）", "list-before-chapters": "第一章之前的图表、符号列表"}
"""Each reader's finding as the import's notes name it."""

_EMPTY_FIELDS = re.compile(r"^(?:[\u3400-\u9fff][\u3400-\u9fff\s　]{0,8}[：:]\s*)+$")
"""A line of nothing but field labels with no value: `作者签名：`, `日　期：　日　期：`."""
_CHAPTER = re.compile(r"^(?:第\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[章部篇]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[\s　.．、](?!\d))")
"""A numbered top-level heading: 第1章, 一、, `1　绪论`."""
_ENTRY = re.compile(r"^(?:图|表|Figure|Fig\.|Table)?\s*\d{1,2}(?:\s*[.\-－．]\s*\d{1,2})+")
"""An entry numbered by a chapter's section: 2.1, 图 2-1, Table 3.2."""
_SENTENCE_END = re.compile(r"[。！？；.!?;](?:\s|$)")


def front_matter_heads(heading_lines: dict[int, int], text: str) -> dict[int, str]:
    """The heading lines that head front or back matter → the reader that found it.

    >>> lines = ["题目", "", "某某大学", "", "学位论文原创性声明", "本人郑重声明：所呈交的论文是本人独立进行研究工作所取得的成果。", "作者签名：",
    ...          "日　期：", "摘　要", "本文研究了基层党组织建设的若干问题，提出了改进组织生活的具体办法和建议。", "图形列表", "2.1 某某示意图",
    ...          "2.2 某某流程图", "第1章　引言", "基层党组织是党的全部工作和战斗力的基础，本章介绍研究的背景与意义。"]
    >>> heads = {3: 1, 5: 1, 9: 1, 11: 1, 14: 1}
    >>> front_matter_heads(heads, "\\n".join(lines))
    {3: 'over-nothing', 5: 'form-to-sign', 11: 'list-before-chapters'}
    """
    lines = text.split("\n")
    heads = sorted(heading_lines)
    numbered = [line for line in heads if _CHAPTER.match(lines[line - 1].strip())]
    first_chapter = numbered[0] if numbered else None
    found: dict[int, str] = {}
    for k, line in enumerate(heads):
        level = heading_lines[line]
        end = next((other for other in heads[k + 1 :] if heading_lines[other] <= level), len(lines) + 1)
        below = next((other for other in heads[k + 1 :]), len(lines) + 1)
        part = [lines[n - 1].strip() for n in range(line + 1, below) if lines[n - 1].strip()]
        if not part and below == end:
            found[line] = "over-nothing"
        elif _a_form_to_sign(part):
            found[line] = "form-to-sign"
        elif first_chapter is not None and line < first_chapter and level == 1 and part and not any(map(_running_text, part)):
            found[line] = "list-before-chapters"
    return found


CONTENTS_COPY_MIN = 2
"""A run of heading lines with nothing between them, two or more, may be a contents' entries."""


def contents_copies_of_headings(heading_lines: dict[int, int], text: str) -> dict[int, int]:
    r"""Heading lines that are a typed contents' entries → the line further on that is the heading itself: a run of
    heading lines with no line between them (two or more: a contents lists, a part has text under its heading), whose
    words the text gives again, in the same order, on lines that are no headings, before the heading that follows
    the run. Headings that stand together and are never said again (一、… over （一）… over its text) stay.

    >>> text = "\n".join(["讲话", "目录", "坚持政治引领", "抓实基层党建", "坚持政治引领", "要加强理论武装。", "抓实基层党建",
    ...                    "要整顿软弱涣散党组织。", "建强干部队伍", "要选好干部。"])
    >>> contents_copies_of_headings({3: 1, 4: 1, 9: 1}, text)
    {3: 5, 4: 7}
    >>> contents_copies_of_headings({2: 1, 3: 1, 4: 1, 9: 1}, text)  # the 目录 label in a heading style too
    {3: 5, 4: 7}
    >>> contents_copies_of_headings({3: 1, 4: 2, 9: 1}, "\n".join(["讲话", "目录", "一、政治引领", "（一）理论武装", "要加强理论武装。",
    ...                             "要学深悟透。", "二、基层党建", "要整顿。", "三、干部队伍", "要选好干部。"]))
    {}
    """
    lines = [line.strip() for line in text.split("\n")]
    heads = sorted(heading_lines)
    moved: dict[int, int] = {}
    k = 0
    while k < len(heads):
        run = [heads[k]]
        while k + len(run) < len(heads) and not any(lines[n - 1] for n in range(run[-1] + 1, heads[k + len(run)])):
            run.append(heads[k + len(run)])
        after = heads[k + len(run)] if k + len(run) < len(heads) else len(lines) + 1
        for entries in (run[first:] for first in range(len(run) - CONTENTS_COPY_MIN + 1)):
            # (the run's first lines may be no entries: the 目录 label set in a heading style, front matter's reader's)
            found = _said_again(entries, lines, after)
            if found:
                moved.update(zip(entries, found))
                break
        k += len(run)
    return moved


def _said_again(entries: list[int], lines: list[str], before: int) -> list[int] | None:
    """The lines after the entries, before line `before`, that say each entry's words again, in order; None when
    one is not said."""
    found, start = [], entries[-1] + 1
    for line in entries:
        at = next((n for n in range(start, before) if lines[n - 1] == lines[line - 1]), None)
        if at is None:
            return None
        found.append(at)
        start = at + 1
    return found


def _a_form_to_sign(part: list[str]) -> bool:
    """The part ends in lines of empty field labels, two labels or more: `作者签名：` / `日　期：`."""
    tail = []
    for text in reversed(part):
        if not _EMPTY_FIELDS.match(text):
            break
        tail.append(text)
    return sum(text.count("：") + text.count(":") for text in tail) >= 2 and len(tail) < len(part)


def _running_text(text: str) -> bool:
    """A line of running text: twenty Han characters or twelve Latin words, with a sentence's end, not an entry
    numbered by a section (`2.3 总声压级。(a)…` is a list of figures' entry)."""
    if _ENTRY.match(text):
        return False
    wordy = len(HAN_CHAR.findall(text)) >= 20 or len(re.findall(r"[A-Za-z]{2,}", text)) >= 12
    return wordy and bool(_SENTENCE_END.search(text))
