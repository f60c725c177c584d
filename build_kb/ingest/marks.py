"""Anti-copy marks a site puts inside words and sentences (#32, clean stage), read on the whole page before the
layout repairs see it.

| reader | what it reads | example |
|---|---|---|
| `spelled_out_runs` | a site's name or web address spelled with one filler between its characters: three or more single characters, the same filler each time (`.` `*` `_` `|` `~` `^` `+` `=` `#`, or single spaces for an address) | `“优.习.网”`, `w w w . x x . c o m` |
| `spelled_out_marks` | such a run printed twice or more on the page is the site's, wherever it stands (a speech never spells a word so): taken out, logged (`spelled-out-mark`) and counted; printed once, it is kept and listed (待核对 `inline-mark`) | |
| `toneless_pinyin` | a syllable without its tone mark in brackets after a character, three or more on the page, two or more different ones (a mirror's annotations, not a speech's `(AI)`): taken out, counted with the toned ones (`pinyin-annotations`) | `新(xin)華社北(bei)京`, `學(xue)(xue)習` |
| `words_cut_by_spaces` | a space between two Han characters that the page puts at the same pair in two or more different sentences (`政 治` in `提高政 治站位` and `基层政 治生活`), or inside a word the page writes whole elsewhere (`政治站位`): a word cut to spoil copying, never a paragraph or heading boundary; joined everywhere, counted (`spaces-in-words`) | |

The evidence is position and repetition, never the words: a filler Chinese prose never uses between characters, the
same run or the same cut recurring at places unrelated to the sentences around it. A title's two phrases parted by a
space (`坚持党建引领 建强战斗堡垒`) are one place, however often the title is printed; a letter-spaced title
(`在 全 县 组 织 …`) is a run of single characters, left to the header reader.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Line, RemovedLine
from ..text import HAN

SPELLED_RULE = "spelled-out-mark"
SPELLED_RUN_MIN = 3
"""Characters in a spelled-out run (two fillers): `某.某` could be an abbreviation's dot."""
MARK_TIMES = 2
"""A run printed this often on the page is the site's; once, it is only doubtful."""

_FILLERS = r".．*＊_|~^+=#"
_SPELLED_HAN = re.compile(rf"[{HAN}](?P<filler>[{re.escape(_FILLERS)}])[{HAN}](?:(?P=filler)[{HAN}])+")
"""Single Han characters with one and the same filler between each: 优.习.网, 某*某*文*库."""
_SPELLED_ADDRESS = re.compile(r"(?<![A-Za-z0-9.])(?:[A-Za-z0-9.] ){4,}[A-Za-z0-9.](?![A-Za-z0-9.])")
"""Single letters, digits and dots parted by single spaces (w w w . x x . c o m)…"""
_ADDRESS = re.compile(r"(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,6}")
"""…that close up into a web address."""
_OPENERS, _CLOSERS = "“\"「『（(【[〔<《", "”\"」』）)】]〕>》"


def spelled_out_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, run) of every spelled-out run in `text`, with the quotes or brackets that hold nothing else.

    >>> [run for _, _, run in spelled_out_runs("书记深刻阐述了“优.习.网”实施镇街调整工作的重大意义")]
    ['“优.习.网”']
    >>> [run for _, _, run in spelled_out_runs("更多资料 w w w . x x . c o m 欢迎")]
    ['w w w . x x . c o m']
    >>> spelled_out_runs("作家埃德加.斯诺进入边区"), spelled_out_runs("见第 1.2.3 节"), spelled_out_runs("A B C D E 五个选项")
    ([], [], [])
    """
    found = []
    for m in _SPELLED_HAN.finditer(text):
        found.append((m.start(), m.end()))
    for m in _SPELLED_ADDRESS.finditer(text):
        if _ADDRESS.fullmatch(m.group().replace(" ", "")):
            found.append((m.start(), m.end()))
    runs = []
    for start, end in sorted(found):
        if start > 0 and end < len(text) and text[start - 1] in _OPENERS and text[end] == _CLOSERS[_OPENERS.index(text[start - 1])]:
            start, end = start - 1, end + 1
        runs.append((start, end, text[start:end]))
    return runs


def _closed_up(left: str, right: str) -> str:
    """The text on either side of a run taken out, put together: the spaces that set the run apart go with it,
    unless they part two Latin words.

    >>> _closed_up("全县组织工作 ", " 取得明显成效"), _closed_up("see ", " here")
    ('全县组织工作取得明显成效', 'see here')
    """
    if not (left.endswith(" ") or right.startswith(" ")):
        return left + right
    left, right = left.rstrip(" "), right.lstrip(" ")
    latin = bool(left) and bool(right) and left[-1].isascii() and right[0].isascii()
    return left + (" " if latin else "") + right


def _key(run: str) -> str:
    return re.sub(rf"[\s{re.escape(_FILLERS)}{re.escape(_OPENERS + _CLOSERS)}]", "", run)


def spelled_out_marks(lines: list[Line]) -> tuple[list[Line], list[RemovedLine], list[tuple[int, str]]]:
    """The lines without the spelled-out runs the page prints `MARK_TIMES` or more times (each logged as removed),
    and the runs printed once (line, run), kept for a person to look at.

    >>> lines = [Line(1, "参加会议的有各部门负责人，“优.习.网”各镇街主要负责人。"), Line(2, "书记阐述了“优.习.网”实施调整的意义。"), Line(3, "作家埃德加.斯诺来到边区。")]
    >>> kept, removed, once = spelled_out_marks(lines)
    >>> [line.text for line in kept], [(r.line, r.text, r.rule) for r in removed], once
    (['参加会议的有各部门负责人，各镇街主要负责人。', '书记阐述了实施调整的意义。', '作家埃德加.斯诺来到边区。'], [(1, '“优.习.网”', 'spelled-out-mark'), (2, '“优.习.网”', 'spelled-out-mark')], [])
    >>> spelled_out_marks([Line(4, "要把好政.治.关，选好人。")])[2]
    [(4, '政.治.关')]
    """
    runs = {index: spelled_out_runs(line.text) for index, line in enumerate(lines)}
    times = Counter(_key(run) for found in runs.values() for _, _, run in found)
    out, removed, once = [], [], []
    for index, line in enumerate(lines):
        text, cut = line.text, 0
        for start, end, run in runs[index]:
            if times[_key(run)] < MARK_TIMES:
                once.append((line.number, run))
                continue
            removed.append(RemovedLine(line=line.number, text=run.strip(), rule=SPELLED_RULE))
            text = _closed_up(text[: start - cut], text[end - cut:])
            cut = len(line.text) - len(text)
        if cut:
            text = text.strip()
            if not text:
                continue
            line = Line(number=line.number, text=text)
        out.append(line)
    return out, removed, once


_SPACE_BETWEEN_HAN = re.compile(rf"(?<=[{HAN}]) (?=[{HAN}])")
_CLAUSE_MARK = re.compile(r"[，。；！？、]")
CONTEXT = 2
"""Characters on each side that tell one place from another."""


def words_cut_by_spaces(lines: list[Line]) -> tuple[list[Line], int]:
    """The lines with the spaces that cut a word closed up, and how many: a space between the same two Han
    characters at `MARK_TIMES` or more different places in the page's sentences (lines with a clause mark), or a
    space whose word the page writes whole elsewhere (`_written_whole_elsewhere`).

    >>> lines = [Line(1, "一、提高政 治站位，充分认识换届工作的重要性。"), Line(2, "换届是基层政 治生活中的一件大事，意义重大。"), Line(3, "把政 治素质高的人选出来。")]
    >>> [line.text for line in words_cut_by_spaces(lines)[0]], words_cut_by_spaces(lines)[1]
    (['一、提高政治站位，充分认识换届工作的重要性。', '换届是基层政治生活中的一件大事，意义重大。', '把政治素质高的人选出来。'], 3)

    A title printed twice is one place; a letter-spaced line is the header reader's; a single cut is left alone:

    >>> title = [Line(1, "俏也不争春 只把春来报"), Line(3, "俏也不争春 只把春来报"), Line(5, "在 全 县 组 织 工 作 会 议 上 的 讲 话")]
    >>> words_cut_by_spaces(title + [Line(6, "我们要坚持党建引领 建强堡垒，抓好落实。")])[1]
    0
    """
    places: dict[str, set[str]] = {}
    for line in lines:
        if not _CLAUSE_MARK.search(line.text):
            continue
        for m in _cut_places(line.text):
            i = m.start()
            places.setdefault(line.text[i - 1] + line.text[i + 1], set()).add(line.text[max(0, i - 1 - CONTEXT): i + 2 + CONTEXT])
    cut = {pair for pair, seen in places.items() if len(seen) >= MARK_TIMES}
    whole = "\n".join(line.text for line in lines)
    out, joined = [], 0
    for line in lines:
        spaces = [m.start() for m in _cut_places(line.text)
                  if line.text[m.start() - 1] + line.text[m.start() + 1] in cut or _written_whole_elsewhere(line.text, m.start(), whole)]
        for i in reversed(spaces):
            line = Line(number=line.number, text=line.text[:i] + line.text[i + 1:])
        joined += len(spaces)
        out.append(line)
    return out, joined


def _written_whole_elsewhere(text: str, i: int, whole: str) -> bool:
    r"""The two characters on each side of the space at `i`, all Han, stand together somewhere else on the page:
    the page writes the word whole (政治站位 in one sentence, 提高政 治站位 in the heading).

    >>> _written_whole_elsewhere("一、提高政 治站位", 5, "一、提高政 治站位\n要提高政治站位。")
    True
    >>> _written_whole_elsewhere("坚持党建引领 建强战斗堡垒", 6, "坚持党建引领 建强战斗堡垒\n要坚持党建引领。")
    False
    """
    window = text[max(0, i - CONTEXT): i] + text[i + 1: i + 1 + CONTEXT]
    return len(window) == 2 * CONTEXT and all(re.fullmatch(f"[{HAN}]", ch) for ch in window) and window in whole


_SINCE_A_MARK = re.compile(r"[^，。；：！？、,.;:!?\s\"'“”‘’「」『』《》()（）\[\]【】]*$")
_LEADING_LABEL = re.compile(r"^(?:第[一二三四五六七八九十百零〇\d]{1,5}[章节条款篇部分]|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．])")
CUT_LEFT_MIN = 2
"""Han characters between the last mark (or a number's label) and a space that cuts a word: a space after a label
(第十二条 本协会…) or after a one-character word (；或 是…) is where the writer parts two things."""


def _cut_places(text: str):
    """Spaces between two Han characters inside a clause: not part of a letter-spaced run (在 全 县), not right after
    a label (第二章 组织机构), not after a single character since the last mark (或 是).

    >>> [text[m.start() - 2: m.start() + 3] for text in ("一、提高政 治站位，", "第十二条 本协会", "第二章 组织机构", "；或 是讲话", "在 全 县 组 织") for m in _cut_places(text)]
    ['高政 治站']
    """
    for m in _SPACE_BETWEEN_HAN.finditer(text):
        i = m.start()
        if (i >= 2 and text[i - 2] == " ") or (i + 2 < len(text) and text[i + 2] == " "):
            continue
        left = _LEADING_LABEL.sub("", _SINCE_A_MARK.search(text[:i]).group())
        if len(left) < CUT_LEFT_MIN:
            continue
        yield m


_SYLLABLE = r"\s?(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouvü]{1,3}(?:ng|n|r)?\s?"
_TONELESS_PINYIN = re.compile(rf"(?<=[{HAN}])(?:\({_SYLLABLE}\))+")
_ONE_SYLLABLE = re.compile(rf"\(({_SYLLABLE})\)")
PINYIN_TIMES = 3


def toneless_pinyin(lines: list[Line]) -> tuple[list[Line], int]:
    """The lines without the toneless pinyin a mirror writes in brackets after its characters, and how many were
    taken out: only on a page that has `PINYIN_TIMES` or more of them, two or more different syllables.

    >>> lines = [Line(1, "新(xin)華社北(bei)京12月22日(ri)電"), Line(2, "召開(kai)學(xue)(xue)習貫(guan)徹")]
    >>> [line.text for line in toneless_pinyin(lines)[0]], toneless_pinyin(lines)[1]
    (['新華社北京12月22日電', '召開學習貫徹'], 7)
    >>> toneless_pinyin([Line(1, "发展人工智能(ai)产业，用好人工智能(ai)技术。")])[1]
    0
    """
    found = [syllable.strip() for line in lines for m in _TONELESS_PINYIN.finditer(line.text) for syllable in _ONE_SYLLABLE.findall(m.group())]
    if len(found) < PINYIN_TIMES or len(set(found)) < 2:
        return lines, 0
    return [Line(number=line.number, text=_TONELESS_PINYIN.sub("", line.text)) for line in lines], len(found)
