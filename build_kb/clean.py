"""Stage 2 — clean: drop boilerplate lines and normalise what is safe to normalise.

Nothing is dropped silently: every removed line is returned with its line number and the rule that
matched, and every normalisation is counted. Characters that survive are never reordered.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from .config import BoilerplateConfig, BoilerplateRule
from .model import CleanText, Line, RemovedLine

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = "，。、；：！？“”‘’（）《》〈〉【】「」『』—…·"
_CJK = f"[{HAN}{CJK_PUNCT}]"

SALUTATION_RE = re.compile(
    rf"^(?:尊敬的)?[{HAN}、，, ]{{0,24}}(?:同志们|同志|领导|代表|来宾|朋友们|老师们|同学们)[！!]?[：:]$"
)
"""A line that only addresses the audience: 同志们： / 各位领导，同志们："""

PROSE_MIN_LENGTH = 40
_SENTENCE_END = re.compile(r"[。！？；]")

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
FORMAT_CHARACTERS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
"""Control, zero-width and bidi characters: invisible, never meaningful in a speech (search strips them too)."""
_CONTROL = re.compile(f"[{FORMAT_CHARACTERS}]")
_FULLWIDTH_ALNUM = re.compile("[０-９Ａ-Ｚａ-ｚ]")
_WHITESPACE = re.compile(r"[ \t\u00a0\u3000]+")
_SPACE_NEAR_PUNCT = re.compile(rf"[ ]+(?=[{CJK_PUNCT}])|(?<=[{CJK_PUNCT}])[ ]+")
_HALFWIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_HALFWIDTH_PUNCT = re.compile(
    rf"(?<=[{HAN}{CJK_PUNCT}])[,;:?!]|[,;:?!](?=[{HAN}])"
)
_PAREN = re.compile(rf"\(([^()]*[{HAN}][^()]*)\)")
_ASCII_QUOTES = re.compile(rf'"([^"]*[{HAN}][^"]*)"')


def clean(text: str, rules: BoilerplateConfig) -> CleanText:
    """Split `text` into numbered lines, remove boilerplate and normalise the rest."""
    counts: Counter[str] = Counter()
    raw_lines = _LINE_BREAK.split(text)
    stripped = []
    for raw in raw_lines:
        without_control, n = _CONTROL.subn("", raw)
        counts["control-characters"] += n
        stripped.append(_WHITESPACE.sub(" ", without_control).strip())

    removed_at = find_boilerplate(stripped, rules)
    lines, removed = [], []
    for number, text_line in enumerate(stripped, 1):
        if number in removed_at:
            removed.append(RemovedLine(line=number, text=text_line, rule=removed_at[number]))
        else:
            lines.append(Line(number=number, text=text_line))

    to_simplified = is_traditional("".join(line.text for line in lines))
    normalised = []
    for line in lines:
        text_line = normalise_line(line.text, counts)
        if to_simplified:
            converted = _t2s(text_line)
            counts["traditional-to-simplified"] += sum(a != b for a, b in zip(text_line, converted))
            text_line = converted
        normalised.append(Line(number=line.number, text=text_line))
    return CleanText(lines=normalised, removed=removed, normalised={k: v for k, v in sorted(counts.items()) if v})


def find_boilerplate(lines: list[str], config: BoilerplateConfig) -> dict[int, str]:
    """Map line number → rule name for every line a boilerplate rule removes."""
    head_end, tail_start = _edges(lines)
    removed: dict[int, str] = {}
    for index, line in enumerate(lines):
        if not line or (index + 1) in removed:
            continue
        at_edge = index < head_end or index >= tail_start
        for rule in config.rules:
            if rule.where == "edges" and not at_edge:
                continue
            if rule.max_length and len(line) > rule.max_length:
                continue
            if not rule.pattern.search(line):
                continue
            if config.keep and config.keep.search(line) and rule.block:
                continue
            targets = _block_around(lines, index, rule, config, head_end, tail_start) if rule.block else [index]
            for target in targets:
                removed.setdefault(target + 1, rule.name)
            break
    return removed


def _edges(lines: list[str]) -> tuple[int, int]:
    """Index where the body starts (salutation or first prose line) and where its tail begins."""
    prose = [i for i, line in enumerate(lines) if _is_prose(line) or SALUTATION_RE.match(line)]
    if not prose:
        return len(lines), len(lines)
    return prose[0], prose[-1] + 1


def _is_prose(line: str) -> bool:
    return len(line) >= PROSE_MIN_LENGTH and bool(_SENTENCE_END.search(line))


def _block_around(lines, index, rule: BoilerplateRule, config: BoilerplateConfig, head_end, tail_start) -> list[int]:
    """The run of non-blank short lines around `index`, staying in the same edge region."""
    low, high = (0, head_end) if index < head_end else (tail_start, len(lines))
    limit = rule.max_length or 80

    def removable(i: int) -> bool:
        line = lines[i]
        return bool(line) and len(line) <= limit and not (config.keep and config.keep.search(line))

    start = index
    while start - 1 >= low and removable(start - 1):
        start -= 1
    end = index
    while end + 1 < high and removable(end + 1):
        end += 1
    return list(range(start, end + 1))


def normalise_line(line: str, counts: Counter | None = None) -> str:
    """Safe, meaning-preserving normalisation of one line (full-/half-width forms, stray spaces)."""
    counts = counts if counts is not None else Counter()
    line, n = _FULLWIDTH_ALNUM.subn(lambda m: chr(ord(m.group()) - 0xFEE0), line)
    counts["fullwidth-alphanumerics"] += n
    line, n = _SPACE_NEAR_PUNCT.subn("", line)
    counts["spaces-near-punctuation"] += n
    line, n = _HALFWIDTH_PUNCT.subn(lambda m: _HALFWIDTH[m.group()], line)
    counts["halfwidth-punctuation"] += n
    line, n = _PAREN.subn(r"（\1）", line)
    counts["halfwidth-punctuation"] += 2 * n
    line, n = _ASCII_QUOTES.subn(r"“\1”", line)
    counts["halfwidth-punctuation"] += 2 * n
    line, n = _SPACE_NEAR_PUNCT.subn("", line)
    counts["spaces-near-punctuation"] += n
    return line


_HAN_CHAR = re.compile("[\u4e00-\u9fff]")


def is_traditional(text: str) -> bool:
    """True when at least 2 % of the Han characters (of the first 5,000) only exist in Traditional script."""
    sample = text[:5000]
    sample_han = len(_HAN_CHAR.findall(sample))
    if sample_han < 10:
        return False
    changed = sum(a != b for a, b in zip(sample, _t2s(sample)))
    return changed / sample_han >= 0.02


@functools.lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def _t2s(text: str) -> str:
    converted = _converter().convert(text)
    # OpenCC maps character by character for t2s; keep alignment if a phrase mapping changed length.
    return converted if len(converted) == len(text) else text
