"""Heading lines without a number (issue 32): a short line on its own, judged by evidence that carries
over from page to page — its shape against the paragraphs around it, siblings of the same form, where
it stands — never by a list of phrasings.

Pages copied from the web lose Word's numbering and bold; what is left of a heading is a short line
between two paragraphs (党课开讲 / 述职：直奔主题见“干货” / 基层减负必须处理好“压担子”和“挑担子”难题). Each
reader below looks at one kind of evidence; `judge` adds them up for every line of a body:

| reader | looks at | weight |
|---|---|---|
| `never_a_heading` | what a heading line never is (hard no): a sentence or a part of one (a stop inside, an end at a comma, colon or 的), a table's row (`|` cells), a digit, a count (第一种, 首先: the ordinal readers'), a note or label in brackets, a wholly quoted slogan, a verse of two equal halves, a site's words, a salutation, date line or signature (`is_mark`, from the parser) | — |
| `stands_over_text` | the paragraph under it: there must be one (hard), a sentence (or sentences ending in a colon that announces a table or list) or the page's cut end; much longer than the line (≥ 40 and 2.5 × the line) | +1 |
| `stands_after_a_paragraph` | the paragraph above it (a short note in brackets between, 【党课讲稿】…, passed over): it must end (hard: a line under `…，` or `…：` is inside a paragraph or what its colon announces); much longer than the line +1, shorter +0.5 | +1 / +0.5 |
| `reads_as_a_phrase` | no speaker's voice (我, 你, 他, 大家, 吗, 呢, 吧), no aspect (了), no question: a phrase, not a clause; six characters or more (a word or two alone is a name, a label, a caption) | +1 / +0.5 / 0 |
| `heads_a_heading` | a line right over another heading line (a phrase of another length — two of one length are a verse — over a long paragraph) stands over text: the lower one is its first sub-heading (`sub-heading`, level 2), as journals set them | under = +1 |
| `fields_of_a_list` | a line that opens with the same label and colon as another short line (题目：… / 题目：…, under each speaker a report lists): a field a list repeats, never a heading (hard) | — |
| `siblings` | two or more such lines of one form — the same length and marks, the same opening characters, or each opening with a verb at a like length (坚持…/聚焦…/强化…) — none right under another | +1.5 |

A line the text gives twice or more is no heading (a page's running head, the title boxed again: headings never
repeat). 3 or more: a heading (clear). 2.5–3: a heading, sent to 待核对. 2–2.5: a paragraph, sent to 待核对 as
a line that may be a heading. A text whose paragraphs are mostly short (a poem, a list, one sentence a
line) gives no heading line at all, nor does one where such lines would be more than half of its lines.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Sequence

from ..text import HAN
from .evidence import has_interface_words
from .words import tagger

HEAD_MIN, HEAD_MAX = 2, 30
"""A heading line's length in characters."""
LONG_MIN, CONTRAST = 40, 2.5
"""A body paragraph beside a heading: at least LONG_MIN characters and CONTRAST times the line."""
UNDER_MIN, UNDER_CONTRAST = 20, 1.5
"""The least text a heading stands over (a page may cut it short)."""
BODY_MEDIAN_MIN = 30
"""A text whose middle paragraph is shorter than this has no paragraphs to set a line against."""
SIBLING_REACH = 12
"""How many of the next such lines are weighed as a line's siblings."""
PHRASE_MIN = 6
"""A heading alone says something: a shorter line is a word or two."""
HEADING_AT, ASK_AT, DOUBT_AT = 3.0, 2.5, 2.0

_STOP_INSIDE = re.compile(r"[。！!；;…]|[？?](?!$)")
_OPEN_END = re.compile(r"[，、,：:（(“‘《—\-]$")
_FRAGMENT_END = re.compile(r"[的与及或并把被将]$")
"""A hard-wrapped paragraph's piece ends on a word that goes on (…全面加强党的)."""
_OPENS_WITH_A_MARK = re.compile(r"^[（(【\[<〈《—\-─·•●◆■★▲>»]")
"""A note in brackets (（完）), a label in a box (【党课讲稿】), a dash head, a bullet: other readers' lines."""
_ORDINAL = re.compile(r"^(?:第[一二三四五六七八九十两\d]{1,3}|首先|其次|再次|最后|其[一二三四五])")
"""A line that counts (第一种 …, 首先，…): the ordinal readers' (parse.py) to judge by its numbering, not this one's."""
_ASIDE = re.compile(r"^[（(【\[][^，、,：:]{0,28}[^，、,：:]$")
"""A short note or label that opens in brackets (（完）, 【党课讲稿】不忘来处): no paragraph of the text."""
_WHOLLY_QUOTED = re.compile(r"^[“‘「『].*[”’」』]$")
_VERSE = re.compile(rf"^(?:[{HAN}]{{5}}[，, ][{HAN}]{{5}}|[{HAN}]{{7}}[，, ][{HAN}]{{7}})$")
"""A quoted verse, two equal halves of five or seven: 千磨万击还坚劲，任尔东西南北风."""
_DIGIT = re.compile(r"[0-9０-９A-Za-zＡ-Ｚａ-ｚ]")
_VOICE = re.compile(r"(?<![无忘自小大本])我(?!们|国|党|省|市|县|区|镇|乡|院|校|局|委|部)|[你他她咱]|大家|同志|[吗呢吧嘛啊呀]")
_CLAUSE = re.compile(r"了|[？?]$")
_SENTENCE_END = re.compile(r"[。！？!?…”’」』）)]$")
_OUTER = "“”‘’「」『』《》"


@dataclass(frozen=True)
class Judged:
    index: int
    score: float
    verdict: str
    """`heading` (clear), `heading?` (a heading, to check), `paragraph?` (a paragraph that may be a heading) or
    `sub-heading` (the first sub-heading right under a heading line)."""


def never_a_heading(text: str, is_mark: Callable[[str], bool] = lambda _: False) -> bool:
    """What a heading line never is.

    >>> [never_a_heading(t) for t in ("党课开讲", "述职：直奔主题见“干货”", "记住过去，还要记住为什么出发")]
    [False, False, False]
    >>> [never_a_heading(t) for t in ("会议指出。", "不断提高党的", "“不忘初心、牢记使命”", "（完）", "2024年工作", "千磨万击还坚劲，任尔东西南北风")]
    [True, True, True, True, True, True]
    """
    compact = re.sub(r"\s+", "", text)
    han = len(re.findall(rf"[{HAN}]", compact))
    return (
        not HEAD_MIN <= len(compact) <= HEAD_MAX
        or han < 0.6 * len(compact)
        or bool(_STOP_INSIDE.search(compact) or _OPEN_END.search(compact) or _FRAGMENT_END.search(compact))
        or bool(_OPENS_WITH_A_MARK.match(compact) or _ORDINAL.match(compact) or _WHOLLY_QUOTED.match(compact) or _VERSE.match(compact))
        or bool(_DIGIT.search(compact))
        or has_interface_words(compact)
        or is_table_row(text)
        or is_mark(text)
    )


def _ends_a_paragraph(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


_ANNOUNCES_WHAT_FOLLOWS = re.compile(r"[。！？!?][^。！？!?]{4,}[：:]$")


def is_text_under_a_heading(text: str) -> bool:
    """What a heading stands over: a paragraph that ends, or one whose sentences end in a colon that announces a
    table or a list below it (…业务履职能力是核心内容。通过分析发现，优秀案例具有以下特征：) — words that run on
    without a sentence (…坚持党的) are a wrapped paragraph's piece.

    >>> [is_text_under_a_heading(t) for t in ("正文说了很多话。", "核心内容在这里。分析发现，案例具有以下特征：", "如下：", "全面加强党的")]
    [True, True, False, False]
    """
    return _ends_a_paragraph(text) or bool(_ANNOUNCES_WHAT_FOLLOWS.search(text.rstrip()))


_TABLE_ROW = re.compile(r"[|｜].*[|｜]|^[-—:：|｜\s]+$")
"""A row of a table set in text (维度 | 典型做法 | 成效 |, ---|---|): cells, never a heading."""


def is_table_row(text: str) -> bool:
    """A table's row or its rule line, cells set apart by pipes.

    >>> is_table_row("风险防控 | 建立三级预警机制 | 重大风险发生率下降 |"), is_table_row("---|---|"), is_table_row("坚持党建引领")
    (True, True, False)
    """
    return bool(_TABLE_ROW.search(text))


def _long(text: str, size: int) -> bool:
    return len(text) >= max(LONG_MIN, CONTRAST * size)


def stands_over_text(texts: Sequence[str], i: int) -> float | None:
    """+1 over a paragraph much longer than the line; 0 over a shorter one; None (no heading) over
    nothing, over another short line or over words that do not end (the last paragraph may: the page was cut)."""
    if i + 1 >= len(texts):
        return None
    under, size = texts[i + 1], len(texts[i])
    if len(under) < max(UNDER_MIN, UNDER_CONTRAST * size) or not (is_text_under_a_heading(under) or i + 2 == len(texts)):
        return None
    return 1.0 if _long(under, size) else 0.0


def stands_after_a_paragraph(texts: Sequence[str], i: int) -> float | None:
    """+1 under a paragraph much longer than the line, +0.5 under a shorter one that ends; 0 on top of the
    body; None under words that run on (inside a wrapped paragraph) or announce it (…如下：, 他说：). A short
    note or label in brackets between them (the title again as a site boxes it, 【党课讲稿】…; （图片）) is passed over.

    >>> body = ["开场的话讲了很多。" * 6, "【党课讲稿】某某党课", "牢记入党誓词", "正文说了很多话。" * 8]
    >>> stands_after_a_paragraph(body, 2), stands_after_a_paragraph(body[1:], 1)
    (1.0, 0.0)
    """
    k = i - 1
    while k >= 0 and _ASIDE.match(texts[k]):
        k -= 1  # a note or label in brackets stands aside: the paragraph above it is the one to weigh
    if k < 0:
        return 0.0
    above = texts[k]
    if not _ends_a_paragraph(above):
        return None
    return 1.0 if _long(above, len(texts[i])) else 0.5


def reads_as_a_phrase(text: str, siblings: bool = False) -> float:
    """+1 for a phrase; +0.5 for a clause (了) or a question; 0 in a speaker's voice, and for a word or two
    (under PHRASE_MIN characters: a name, a label, a caption's place — only siblings make such a line a heading).

    >>> reads_as_a_phrase("用脚步丈量祖国大地"), reads_as_a_phrase("培训最重要的意义就是开阔了眼界"), reads_as_a_phrase("我最想说的话")
    (1.0, 0.5, 0.0)
    >>> reads_as_a_phrase("党课开讲"), reads_as_a_phrase("党课开讲", siblings=True)
    (0.0, 1.0)
    """
    if _VOICE.search(text) or len(re.sub(r"\s+", "", text)) < PHRASE_MIN and not siblings:
        return 0.0
    return 0.5 if _CLAUSE.search(text) else 1.0


def heads_a_heading(texts: Sequence[str], i: int, is_mark: Callable[[str], bool] = lambda _: False) -> bool:
    """Does the line stand right over another heading line, as a journal sets a part's heading over its first
    sub-heading (党的基层组织建设的特征 / 坚持基层党组织在党的工作中的基础性地位 / text…)? The line under is a
    phrase of a heading's shape over a long paragraph, and of another length: two lines of one length are a
    verse's or a slogan's (雄关漫道真如铁 / 而今迈步从头越).

    >>> body = ["开场的话讲了很多。" * 6, "党的组织建设的特征", "坚持组织建设的基础性地位", "正文说了很多话。" * 8]
    >>> heads_a_heading(body, 1), heads_a_heading(["开场的话讲了很多。" * 6, "雄关漫道真如铁", "而今迈步从头越", body[3]], 1)
    (True, False)
    """
    if i + 2 >= len(texts):
        return False
    line, sub = texts[i], texts[i + 1]
    return (
        len(sub) != len(line) and not never_a_heading(sub, is_mark) and reads_as_a_phrase(sub) == 1.0
        and stands_over_text(texts, i + 1) == 1.0
    )


def _form(text: str) -> str:
    return re.sub(rf"[{HAN}]", "H", text)


@lru_cache(maxsize=4096)
def _opens_with_a_verb(text: str) -> bool:
    words = list(tagger().cut(text.lstrip(_OUTER)))
    return bool(words) and words[0].flag.startswith("v") and len(words[0].word) >= 2


def same_form(a: str, b: str) -> bool:
    """Two heading lines written to one pattern: the same length and marks (述职：直奔主题见“干货” /
    点评：直指要害斥“短板”), the same two opening characters (党课背景 / 党课开讲), or each opening with
    a verb at a like length (坚持党建引领 / 聚焦主责主业).

    >>> same_form("述职：直奔主题见“干货”", "点评：直指要害斥“短板”"), same_form("党课背景", "党课开讲")
    (True, True)
    >>> same_form("坚持党建引领", "聚焦主责主业"), same_form("党课背景", "基层减负必须处理好难题")
    (True, False)
    """
    if _form(a) == _form(b) and len(a) >= 4:
        return True
    if len(a) >= 4 and len(b) >= 4 and a[:2] == b[:2]:
        return True
    return abs(len(a) - len(b)) <= 2 and _opens_with_a_verb(a) and _opens_with_a_verb(b)


_FIELD_LABEL = re.compile(rf"^([{HAN}]{{1,4}})[：:](?=\S)")


def fields_of_a_list(texts: Sequence[str]) -> set[int]:
    """Short lines that open with the same label and its colon, two or more in a text (题目：在项目一线淬炼本领 …
    题目：扎根基层写青春, under each speaker a report lists): a field a list repeats for each of its items, never a
    heading — headings do not say what they are again and again. Two labels that differ (述职：… / 点评：…) are
    the two halves of parallel headings and stay to be weighed.

    >>> sorted(fields_of_a_list(["题目：在一线淬炼本领", "正文说了很多话。", "题目：扎根基层写青春", "正文。"]))
    [0, 2]
    >>> fields_of_a_list(["述职：直奔主题见“干货”", "正文说了很多话。", "点评：直指要害斥“短板”", "正文。"])
    set()
    """
    labels = {i: m.group(1) for i, t in enumerate(texts) if len(t) <= HEAD_MAX and (m := _FIELD_LABEL.match(t))}
    counts = Counter(labels.values())
    return {i for i, label in labels.items() if counts[label] >= 2}


def judge(texts: Sequence[str], is_mark: Callable[[str], bool] = lambda _: False, known: set[int] = frozenset()) -> list[Judged]:
    """The lines of a body (one paragraph each) that are, or may be, headings without a number.

    >>> body = ["开场的话讲了很多，" * 6 + "。", "党课开讲", "正文的第一段说了很多话，" * 5 + "。", "党课小结", "正文的第二段也说了很多，" * 5 + "。"]
    >>> [(j.index, j.verdict) for j in judge(body)]
    [(1, 'heading'), (3, 'heading')]
    """
    if len(texts) < 2 or statistics.median(len(t) for k, t in enumerate(texts) if k not in known or len(known) == len(texts)) < BODY_MEDIAN_MIN:
        return []  # `known` heading lines (a numbered family under these) are no paragraphs to weigh
    found: dict[int, float] = {}
    stacked: set[int] = set()
    again = {text for text, n in Counter(texts).items() if n > 1}  # a page's running head, a title boxed again
    fields = fields_of_a_list(texts)
    for i, text in enumerate(texts):
        if text in again or i in known or i in fields or never_a_heading(text, is_mark):
            continue
        under, above = stands_over_text(texts, i), stands_after_a_paragraph(texts, i)
        if under is None and heads_a_heading(texts, i, is_mark):
            under = 1.0
            stacked.add(i + 1)
        if under is None or above is None:
            continue
        found[i] = under + above
    places = sorted(found)
    kin = set()
    for n, i in enumerate(places):  # a sibling is among the next few such lines: a long text costs no more per line
        for k in places[n + 1: n + 1 + SIBLING_REACH]:
            if k - i > 1 and same_form(texts[i], texts[k]):
                kin |= {i, k}
    for i in places:
        found[i] += reads_as_a_phrase(texts[i], siblings=i in kin)
        if i in kin:
            found[i] += 1.5 + (1.0 if i == 0 else 0.0)  # on top of the body, its siblings speak for it
    judged = [
        Judged(i, score, "heading" if score >= HEADING_AT else "heading?" if score >= ASK_AT else "paragraph?")
        for i, score in sorted(found.items()) if score >= DOUBT_AT
    ]
    judged += [Judged(j.index + 1, j.score, "sub-heading") for j in judged if j.index + 1 in stacked and j.verdict != "paragraph?"]
    judged.sort(key=lambda j: j.index)
    if sum(1 for j in judged if j.verdict != "paragraph?") * 2 > len(texts):
        return []  # every other line: a list, a dialogue, a text of short lines — not headings
    return judged
