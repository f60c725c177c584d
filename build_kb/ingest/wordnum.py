"""Word's automatic numbering, resolved to the labels a reader sees on screen.

A .docx paragraph numbered by Word holds no label in its text: it points (numId, level) at a list
definition in word/numbering.xml whose level gives a format (`chineseCounting`, `decimal`,
`ideographTraditional` …) and a template (`%1、`, `（%2）`, `%1.%2`). Text extractors drop the label,
so `一、加强政治建设` arrives as `加强政治建设` and the parser loses the outline. This module keeps the
counters the way Word does and renders each label.

Counting follows Word: lists that share an abstract definition share counters (a second `numId`
pointing at the same definition continues the numbering) unless the `num` restarts a level with
`startOverride`; numbering a level resets the deeper levels (or those named by `lvlRestart`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_TEN_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"


def chinese_counting(n: int, digits: str = "零一二三四五六七八九", units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五, as Word's chineseCounting prints them."""
    if n <= 0:
        return digits[0]
    if n >= 10000:
        return str(n)
    parts, zero = [], False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit, n = divmod(n, power)
        if digit:
            if zero and parts:
                parts.append(digits[0])
            parts.append(digits[digit] + unit)
            zero = False
        elif parts:
            zero = True
    text = "".join(parts)
    if units[0] == "十" and text.startswith("一十") and len(text) <= 3:
        text = text[1:]  # 十一, not 一十一
    return text


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out += numeral * count
    return out


def _letters(n: int) -> str:
    # Word repeats the letter: 27 → aa, 28 → bb.
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _cycle(symbols: str, n: int) -> str:
    return symbols[(n - 1) % len(symbols)]


def _enclosed(symbols: str, n: int) -> str:
    return symbols[n - 1] if 1 <= n <= len(symbols) else str(n)


FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalFullWidth2": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalHalfWidth": str,
    "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting,
    "japaneseCounting": chinese_counting,
    "taiwaneseCounting": chinese_counting,
    "ideographDigital": lambda n: "".join(_CN_DIGITS[int(d)] for d in str(n)),
    "taiwaneseDigital": lambda n: "".join(_CN_DIGITS[int(d)] for d in str(n)),
    "chineseLegalSimplified": lambda n: chinese_counting(n, _CN_LEGAL, "拾佰仟"),
    "ideographLegalTraditional": lambda n: chinese_counting(n, "零壹貳參肆伍陸柒捌玖", "拾佰仟"),
    "ideographTraditional": lambda n: _cycle(_TEN_STEMS, n),
    "ideographZodiac": lambda n: _cycle(_BRANCHES, n),
    "decimalEnclosedCircle": lambda n: _enclosed(_CIRCLED, n),
    "decimalEnclosedCircleChinese": lambda n: _enclosed(_CIRCLED, n),
    "ideographEnclosedCircle": lambda n: f"㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"[n - 1] if 1 <= n <= 10 else str(n),
    "decimalEnclosedParen": lambda n: _enclosed(_PAREN, n),
    "decimalEnclosedFullstop": lambda n: _enclosed(_FULLSTOP, n),
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperRoman": _roman,
    "ordinal": lambda n: f"{n}.",
    "cardinalText": str,
    "ordinalText": str,
    "none": lambda n: "",
}
"""Word's `numFmt` values → how a counter is written. An unknown format falls back to decimal."""


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None
    """`lvlRestart`: restart after this (1-based) level is numbered; 0 never restarts."""
    legal: bool = False
    """`isLgl`: every counter of the label is written in decimal (1.1.1 under 一、)."""
    suffix: str = "tab"


@dataclass
class NumberingDefinitions:
    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    """abstractNumId → level → definition."""
    nums: dict[str, str] = field(default_factory=dict)
    """numId → abstractNumId."""
    overrides: dict[str, dict[int, tuple[int | None, Level | None]]] = field(default_factory=dict)
    """numId → level → (startOverride, a replacement level definition)."""


def parse_numbering(root) -> NumberingDefinitions:
    """Read word/numbering.xml (an lxml element) into definitions."""
    definitions = NumberingDefinitions()
    if root is None:
        return definitions
    for abstract in root.iter(f"{W}abstractNum"):
        definitions.abstract[abstract.get(f"{W}abstractNumId")] = {
            int(lvl.get(f"{W}ilvl", "0")): _level(lvl) for lvl in abstract.iter(f"{W}lvl")
        }
    for num in root.iter(f"{W}num"):
        num_id = num.get(f"{W}numId")
        ref = num.find(f"{W}abstractNumId")
        if ref is None:
            continue
        definitions.nums[num_id] = ref.get(f"{W}val")
        for override in num.iter(f"{W}lvlOverride"):
            start = override.find(f"{W}startOverride")
            replacement = override.find(f"{W}lvl")
            definitions.overrides.setdefault(num_id, {})[int(override.get(f"{W}ilvl", "0"))] = (
                _int(start.get(f"{W}val")) if start is not None else None,
                _level(replacement) if replacement is not None else None,
            )
    return definitions


def _level(lvl) -> Level:
    def val(tag: str):
        child = lvl.find(f"{W}{tag}")
        return None if child is None else child.get(f"{W}val")

    legal = lvl.find(f"{W}isLgl")
    restart = val("lvlRestart")
    return Level(
        fmt=val("numFmt") or "decimal",
        text=val("lvlText") if val("lvlText") is not None else "",
        start=_int(val("start")) or (0 if val("start") == "0" else 1),
        restart=_int(restart) if restart is not None else None,
        legal=legal is not None and legal.get(f"{W}val", "true") not in ("0", "false"),
        suffix=val("suff") or "tab",
    )


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class Numbering:
    """Counters of a document's lists; `label(numId, level)` numbers the next paragraph."""

    def __init__(self, definitions: NumberingDefinitions):
        self.definitions = definitions
        self.counters: dict[str, dict[int, int]] = {}
        self.started_nums: set[str] = set()

    def level(self, num_id: str, ilvl: int) -> Level | None:
        abstract_id = self.definitions.nums.get(num_id)
        if abstract_id is None:
            return None
        start, replacement = self.definitions.overrides.get(num_id, {}).get(ilvl, (None, None))
        level = replacement or self.definitions.abstract.get(abstract_id, {}).get(ilvl)
        if level is not None and start is not None:
            level = Level(level.fmt, level.text, start, level.restart, level.legal, level.suffix)
        return level

    def label(self, num_id: str | None, ilvl: int) -> str:
        """The label Word shows for the next paragraph of list `num_id` at `ilvl` ('' for none)."""
        if not num_id or num_id == "0":
            return ""
        abstract_id = self.definitions.nums.get(num_id)
        level = self.level(num_id, ilvl)
        if abstract_id is None or level is None:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started_nums:
            # A list instance that restarts levels begins afresh where it overrides a start.
            self.started_nums.add(num_id)
            for overridden, (start, _) in self.definitions.overrides.get(num_id, {}).items():
                if start is not None:
                    counters.pop(overridden, None)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [k for k in counters if k > ilvl]:
            deeper_level = self.level(num_id, deeper)
            restart_after = deeper_level.restart if deeper_level and deeper_level.restart is not None else deeper
            if restart_after != 0 and ilvl < restart_after:
                del counters[deeper]
        if level.fmt == "bullet":
            return ""  # a bullet is decoration, not a label a speech is cited by

        def counter_text(match_level: int) -> str:
            other = self.level(num_id, match_level)
            value = counters.get(match_level, other.start if other else 1)
            fmt = "decimal" if level.legal else (other.fmt if other else "decimal")
            return FORMATS.get(fmt, str)(value)

        out, i, template = "", 0, level.text
        while i < len(template):
            if template[i] == "%" and i + 1 < len(template) and template[i + 1].isdigit():
                out += counter_text(int(template[i + 1]) - 1)
                i += 2
            else:
                out += template[i]
                i += 1
        enclosed = out and ("\u2460" <= out[-1] <= "\u24ff" or "\u3220" <= out[-1] <= "\u3229")
        if out and (level.suffix == "space" or (level.suffix == "tab" and out[-1].isalnum() and not enclosed)):
            out += " " if out.isascii() else "　"
        return out
