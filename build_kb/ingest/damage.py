"""Stage 3 (parse), characters a broken encoding ate inside a word, and the metadata read through them.

A page decoded with the wrong charset, or cut in the middle of a two-byte character, loses a character to a
replacement mark (U+FFFD, often two for one Han character), a stray ? before an organ's word, or a run of
Latin-1 letters and signs (a GBK character read as Latin-1: 区 → Çø). The readers of posts and meetings read
through such a mark (`DAMAGE` is part of a chain of posts, `clause.py`); what they read is mended here before it
is published, never printed with the garbage in it, and always put on 待核对:

    reader           reads                                                        gives
    damage_in        县委常委 written \ufffd委常委 · ?委书记 · Çø委 · Ê¡政府                 the marks' spans
    mend             a field read through damage: the lost character from the page       the field, how it was mended
                     (the same organ word is always after one level: 市政协 … \ufffd政协 → 市),
                     else the page's level before a committee (\ufffd委常委 on a 县 page →
                     县委常委), else without the damaged post or the marks

Restoring is a guess from the page, so a mended field is a field to check (`damaged-*` on 待核对, with the value
as read and as mended).
"""

from __future__ import annotations

import re
from collections import Counter

from ..text import HAN

ORGAN_WORD = r"委(?!员)|政府|政协|人大|党委|党工委|纪委"
"""The words of an organ a level's character stands before (县|委, 市|政协, 省|政府): where a lost character is the level."""
WRITERS_MARKS = "\u00d7\u00b7"
"""The two Latin-1 signs a writer puts between Han characters on purpose: × the blank of a template (××镇, 第×次, ×××
同志 — text the curator fills in) and · between the parts of a name (艾尔肯·吐尼亚孜). A run made of these only is no
damage; a broken decoding's run has other letters or signs in it (注 read as Latin-1 is ×¢)."""
DAMAGE = re.compile(
    rf"\ufffd+|(?<![A-Za-z\u00a1-\u00ff])(?![{WRITERS_MARKS}]+(?![\u00a1-\u00ff]))[\u00a1-\u00ff]{{1,4}}(?=[{HAN}])"
    rf"|(?<![?？])[?？](?=(?:{ORGAN_WORD}))"
)
"""What a broken decoding leaves where a character was: replacement marks, Latin-1 letters and signs glued to the Han
text after them (not inside a Latin word: café; not a run of `WRITERS_MARKS` only: ××镇), a ? right before an organ's
word (…由?委书记, not a question's ?)."""
DAMAGE_IN_A_WORD = rf"\ufffd|(?<![A-Za-z])[\u00a1-\u00ff](?=[\u00a1-\u00ff]{{0,3}}[{HAN}])|[?？](?=(?:{ORGAN_WORD}))"
"""One character of `DAMAGE`, for a pattern that reads a word through it (a chain of posts: `clause._ROLE_THEN_NAME`)."""
LEVELS = "省市县区镇乡州旗"


def damage_in(text: str | None) -> list[re.Match]:
    """The marks a broken decoding left in `text`.

    >>> [m.group() for m in damage_in("\ufffd\ufffd委常委、组织部部长")], [m.group() for m in damage_in("会议由?委书记胡某主持")]
    (['\ufffd\ufffd'], ['?'])
    >>> [m.group() for m in damage_in("7月26日，Çø委理论学习中心组")], damage_in("这是为什么?我们要学习。"), damage_in("café党委")
    (['Çø'], [], [])
    >>> damage_in("在××镇党委换届工作动员会上"), damage_in("中国共产党××镇第×次代表大会"), damage_in("艾尔肯·吐尼亚孜同志")
    ([], [], [])
    >>> [m.group() for m in damage_in("请×¢意安全")]
    ['×¢']
    """
    return list(DAMAGE.finditer(text)) if text else []


DOMINANT = 3
"""How many times more often the page must write one character before an organ's word than any other for it to be the
one a mark there lost (市政协 five times, 省政协 once: the meeting relayed the province's)."""


def _the_lost_character(page: str, organ: str) -> str | None:
    """The character the page writes before `organ` where no damage stands (市政协 … 市政协): the only one, or one written
    DOMINANT times as often as any other; None when the page writes several alike (党委, 县委, 省委) or none.

    >>> _the_lost_character("市政协副主席甲。市政协秘书长乙。市政协委员丙。省政协会议精神。", "政协"), _the_lost_character("党委书记。省委书记。", "委")
    ('市', None)
    """
    before = Counter(page[m.start() - 1] for m in re.finditer(re.escape(organ), page) if m.start() and re.fullmatch(f"[{HAN}]", page[m.start() - 1]))
    ranked = before.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] < DOMINANT * ranked[1][1]):
        return None
    return ranked[0][0]


def mend(value: str, page: str, level: str | None = None, posts: bool = False) -> tuple[str | None, str]:
    """A field read through damage, mended, and how, in the curator's words: each mark before an organ's word becomes
    the character the page always writes there (`_the_lost_character`), or — before a committee (委) that opens a post
    — the page's level read elsewhere; a mark nothing restores goes, with the post it is in when the field is a chain of
    posts (`posts`), else alone. None when nothing is left.

    >>> mend("\ufffd政协党组学习会", "市政协副主席张某。\ufffd政协党组学习会召开。市政协秘书长李某参加。")
    ('市政协党组学习会', '按本篇别处的“市政协”补上“市”')
    >>> mend("\ufffd\ufffd委常委、组织部部长", "全县组织工作会议。县委党校、市委组织部", level="县", posts=True)
    ('县委常委、组织部部长', '按本篇的层级补上“县”')
    >>> mend("?委书记", "省委书记王某的讲话。党委副书记李某。", posts=True)
    (None, '去掉有乱码的“□委书记”')
    >>> mend("Ê¡政府参事、原省委党史研究室主任", "区委书记周某主持。", level="区", posts=True)
    ('原省委党史研究室主任', '去掉有乱码的“□政府参事”')
    """
    clean_page = DAMAGE.sub("\u3000", page)  # the damage itself is no evidence of what it hides
    out, hows, last = [], [], 0
    for m in damage_in(value):
        out.append(value[last : m.start()])
        last = m.end()
        organ = re.match(ORGAN_WORD, value[m.end() :])
        opens_a_post = m.start() == 0 or value[m.start() - 1] in "、，,"
        lost = _the_lost_character(clean_page, organ.group()) if organ else None
        if lost:
            out.append(lost)
            hows.append(f"按本篇别处的“{lost}{organ.group()}”补上“{lost}”")
        elif organ and organ.group() == "委" and opens_a_post and level in tuple(LEVELS):
            out.append(level)
            hows.append(f"按本篇的层级补上“{level}”")
        else:
            out.append("\ufffd")  # marked: the post it is in goes, or the mark alone
    out.append(value[last:])
    mended = "".join(out)
    if "\ufffd" in mended:
        if posts:  # the damaged post goes whole: 委常委 is no post
            pairs = list(zip(re.split(r"[、，,]", mended), re.split(r"[、，,]", value)))
            mended = "、".join(part for part, _ in pairs if "\ufffd" not in part)
            hows.append("去掉有乱码的“" + "”“".join(DAMAGE.sub("□", raw) for part, raw in pairs if "\ufffd" in part) + "”")
        else:
            mended = mended.replace("\ufffd", "")
            hows.append("去掉乱码")
    mended = mended.strip("、，, ")
    return (mended or None), "，".join(hows)
