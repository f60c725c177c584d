"""Chinese-text utilities every stage shares: character classes, numbers, dates, and the one order
of speeches (by date, newest first in listings; undated last) and of year groups.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""Han characters (CJK unified ideographs, extension A, compatibility ideographs), for regex classes."""
HAN_CHAR = re.compile(f"[{HAN}]")
CJK_PUNCT = "，。、；：！？“”‘’（）《》〈〉【】「」『』—…·"
FORMAT_CHARACTERS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
"""Control, zero-width and bidi characters: invisible, never meaningful in a speech (search strips them too)."""

RADICAL_FORMS = dict(
    zip(
        "⺁⺂⺃⺄⺅⺇⺈⺉⺊⺋⺌⺍⺎⺏⺐⺑⺒⺓⺔⺕⺖⺗⺘⺙⺛⺜⺝⺞⺠⺡⺢⺣⺤⺦⺧⺨⺩⺪⺫⺬⺭⺮⺯⺰⺱⺲⺳⺴⺶⺹⺺⺻⺼⺽⺾⺿⻀⻁⻂⻃⻄⻅⻆⻇⻈⻉⻊⻋⻌⻍⻎⻏⻐⻑⻒⻓⻔⻕⻖⻗⻘⻙⻚⻛⻜⻝⻞⻟⻠⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻱⻲",
        "厂乛乚乙亻几刀刂卜㔾小𭕄兀尣尢尢巳幺彑彐忄心扌攵旡日月歺民氵氺灬爫丬牛犭王疋罒示礻𥫗糹纟罓罒㓁网羊耂肀聿肉臼艹艹艹虎衤覀西见角𧢲讠贝𧾷车辶辶辶阝钅長镸长门𨸏阝雨青韦页风飞食𩙿飠饣𩠐马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀",
        strict=True,
    )
)
"""The CJK Radicals Supplement (U+2E80–2EF3) as the ideographs they stand for, which a PDF's text layer
gives for ordinary characters (常⻅ for 常见, ⻆色 for 角色). NFKC folds only ⺟ and ⻳. Derived by
bench/radical_forms.py from the glyphs the Noto CJK faces share (⻅ and 见 are one glyph), the forms of
Unicode's EquivalentUnifiedIdeograph.txt (⺩ → 王), and the Kangxi radical of the same name (⺗ HEART TWO
→ 心); tests/test_text.py checks it against the fonts. Left alone, with no evidence of any ideograph:
⺀ ⺆ ⺥ ⺵ ⺷ ⺸. The search normaliser (docs/assets/kb-search-core.js) holds the same table."""

COMPATIBILITY_FORMS = "\u2e80-\u2ef3\u2f00-\u2fd5\uf900-\ufad9\U0002f800-\U0002fa1d"
"""The code points folded to unified ideographs, for regex classes: the CJK Radicals Supplement, the Kangxi
Radicals and the CJK Compatibility Ideographs with their Supplement (NFKC folds the last three)."""


def clipped(text: str, most: int) -> str:
    """`text` as 待核对 and kb check quote it: at most `most` characters, and a cut one says so with …,
    so that a title quoted in an item is never read as the whole title (…大会上 for …大会上的讲话).

    >>> clipped("在全县组织工作会议上的讲话", 20), clipped("在全县组织工作会议上的讲话", 10)
    ('在全县组织工作会议上的讲话', '在全县组织工作会议上…')
    """
    return text if len(text) <= most else text[:most] + "…"


def unified_ideograph(char: str) -> str:
    """A radical or compatibility ideograph as the character it stands for (⻅ → 见, ⼯ → 工, 﨑 stays)."""
    import unicodedata

    return RADICAL_FORMS.get(char) or unicodedata.normalize("NFKC", char)


# --- numbers -------------------------------------------------------------------------------------

CN_DIGITS = "一二三四五六七八九十"


def cn_to_int(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 九十九 → 99; None for anything else."""
    values = {c: i for i, c in enumerate(CN_DIGITS[:9], 1)}
    if not text or any(c not in CN_DIGITS for c in text):
        return None
    if "十" not in text:
        return values[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    return (values[tens] if tens else 1) * 10 + (values[ones] if ones else 0)


def int_to_cn(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (for 1–99; larger numbers stay in Arabic digits)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    digits = " 一二三四五六七八九"
    return ((digits[tens] if tens > 1 else "") + "十" if tens else "") + (digits[ones] if ones else "")


def count_value(text: str) -> int | None:
    """71 → 71, 七十一 → 71, 一百 → 100, 一百零一 → 101."""
    if text.isdigit():
        return int(text)
    if text.startswith("一百") or text == "百":
        rest = text[2:].lstrip("零") if text.startswith("一百") else ""
        return 100 + (cn_to_int(rest) or 0) if rest else 100
    return cn_to_int(text)


# --- dates ---------------------------------------------------------------------------------------

_CN_YEAR_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0", "O": "0"}
_RANGE_MARK = "\\-~～—–至到"
NUMERIC_DATE = re.compile(
    rf"(?<![\d.vV{_RANGE_MARK}])(\d{{4}})([.\-/])(\d{{1,2}})\2(\d{{1,2}})(?!\d|\.\d|\s*[{_RANGE_MARK}]+\s*\d)"
)
"""A date in figures, one separator throughout (2023/6/15, 2023.6.15, 2023-06-15) — never a version
(v2023.6.15, 1.2023.6.15, 2023.6.15.2) or either end of a range (2023.6.15-2023.7.1, 2023/6/15至2023/6/20)."""
ROC_DATE = re.compile(r"(?:中华民国|中華民國|民国|民國)\s*(\d{2,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
"""A date in the Republic of China's years (民國110年9月30日 = 2021-09-30: the year plus 1911)."""
DATE_PATTERNS = [
    ROC_DATE,
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
    NUMERIC_DATE,
    re.compile(r"([〇○零Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日"),
]
YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


def year_number(text: str) -> int | None:
    """2021 / 二〇二一 → 2021; None for anything else."""
    digits = text if text.isdigit() else "".join(_CN_YEAR_DIGITS.get(c, "?") for c in text)
    return int(digits) if digits.isdigit() else None


def find_date(text: str) -> tuple[str, re.Match] | None:
    """The first valid calendar date written in `text`, as ISO text, with its match."""
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            y, m, d = match.group(1, 3, 4) if pattern is NUMERIC_DATE else match.groups()
            if not y.isdigit():
                m, d = str(cn_to_int(m) or 0), str(cn_to_int(d) or 0)
            year = (year_number(y) or 0) + (1911 if pattern is ROC_DATE else 0)
            try:
                return dt.date(year, int(m), int(d)).isoformat(), match
            except ValueError:
                continue
    return None


_DAY_IN_WORDS = re.compile(r"(?<![一二三四五六七八九十〇○零])(?:([〇○零Ｏ一二三四五六七八九]{4})年)?([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")


def days_in_figures(text: str) -> str:
    """`text` with a day written in words (十二月五日, 二〇二四年三月八日) in figures, as a report's lead mostly writes it, so
    the readers of a lead's day read both; a month or day that is no number of one stays as it is.

    >>> days_in_figures("二〇二四年十二月五日，某某县召开会议。"), days_in_figures("三月八日上午"), days_in_figures("十三月五日")
    ('2024年12月5日，某某县召开会议。', '3月8日上午', '十三月五日')
    """
    def figures(m: re.Match) -> str:
        month, day = cn_to_int(m.group(2)), cn_to_int(m.group(3))
        if not (month and day and 1 <= month <= 12 and 1 <= day <= 31):
            return m.group()
        return (f"{year_number(m.group(1))}年" if m.group(1) else "") + f"{month}月{day}日"
    return _DAY_IN_WORDS.sub(figures, text)


# --- the order of speeches -----------------------------------------------------------------------


def chronological_key(date: str | None, year: int | None, *tie_breakers) -> tuple:
    """Oldest first: a speech known only by its year comes after the dated ones of that year, and
    undated speeches come last."""
    if date and len(date) == 7:  # a year and month (2023-02): after the dated speeches of that month
        date += "-99"
    return (date or (f"{year}-99-99" if year else "9999-99-99"), *tie_breakers)


def newest_first_key(date: str | None, year: int | None, *tie_breakers) -> tuple:
    """For `sorted(…, reverse=True)`: newest first, a year-only speech after the dated ones of its
    year, undated speeches last — the mirror of chronological_key, so every listing agrees."""
    if date and len(date) == 7:  # a year and month (2023-02)
        date += "-00"
    return (date or (f"{year}-00-00" if year else ""), *tie_breakers)


UNDATED = "undated"


def years_newest_first(keys: Iterable) -> list:
    """Year group keys (int, str or None/"undated"): newest year first, the undated group last."""
    keys = set(keys)
    undated = [k for k in keys if k in (None, "", UNDATED)]
    return sorted((k for k in keys if k not in (None, "", UNDATED)), key=int, reverse=True) + undated


def by_year_newest_first(speeches: Iterable) -> list[tuple[int | None, list]]:
    """Speeches grouped by year, newest year first (undated last), each group newest first: the one
    order of every listing by year. A speech's `sort_date` (its month when the text dates itself no further) is
    used where it has one; any record with date, year and title will do."""
    groups: dict = {}
    for speech in speeches:
        groups.setdefault(speech.year, []).append(speech)
    return [
        (year, sorted(groups[year], key=lambda s: newest_first_key(getattr(s, "sort_date", s.date), s.year, s.title), reverse=True))
        for year in years_newest_first(groups)
    ]
