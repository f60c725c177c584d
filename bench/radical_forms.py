"""Derive text.RADICAL_FORMS, the CJK Radicals Supplement (U+2E80–2EF3) as the unified ideographs they stand for.

Unicode's EquivalentUnifiedIdeograph.txt is not shipped by any package installed here, so the table is
derived from two pieces of evidence this machine has, and checked against the table in build_kb/text.py:

1. the glyph: the Noto CJK faces (fonts-noto-cjk, Sans and Serif, every region) draw a radical form with
   the very glyph of the ideograph it stands for (⻅ and 见 share one glyph);
2. the name: `CJK RADICAL SNAKE` is `KANGXI RADICAL SNAKE` (⼰, NFKC 己 …) in another position.

Rule, in this order: an ideograph of the unified block (U+4E00–9FFF) that shares the glyph; else the form
the table already gives (from EquivalentUnifiedIdeograph, kept where the fonts say nothing or only name a
component in an extension block: ⺩ is 王 in running text, not 𤣩); else an extension ideograph that shares
the glyph (⺮ → 𥫗); else the Kangxi radical of the same name; else nothing (⺀ REPEAT is no ideograph).

Run: .venv/bin/python bench/radical_forms.py  — prints the derived table and its differences from text.py.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FONTS = ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"]


def shared_glyphs() -> dict[int, Counter]:
    """For each radical form, the ideographs drawn with its glyph, counted over the fonts' faces."""
    from fontTools.ttLib import TTCollection

    shared: dict[int, Counter] = {}
    for path in FONTS:
        for face in TTCollection(path).fonts:
            cmap = face.getBestCmap()
            by_glyph: dict[str, list[int]] = {}
            for code, glyph in cmap.items():
                if 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0x20000 <= code <= 0x3134F:
                    by_glyph.setdefault(glyph, []).append(code)
            for code in range(0x2E80, 0x2EF4):
                for ideograph in by_glyph.get(cmap.get(code), []):
                    shared.setdefault(code, Counter())[chr(ideograph)] += 1
    return shared


def by_name(code: int) -> str | None:
    """The Kangxi radical of the same name, as its unified ideograph (CJK RADICAL SNAKE → ⼰ → 己)."""
    name = re.sub(r" (?:ONE|TWO|THREE|FOUR)$", "", unicodedata.name(chr(code)).removeprefix("CJK RADICAL "))
    if "SIMPLIFIED" in name:
        return None
    try:
        return unicodedata.normalize("NFKC", unicodedata.lookup(f"KANGXI RADICAL {name}"))
    except KeyError:
        return None


def derived(shared: dict[int, Counter], known: dict[str, str]) -> dict[str, str]:
    table = {}
    for code in range(0x2E80, 0x2EF4):
        char = chr(code)
        if unicodedata.category(char) == "Cn" or unicodedata.normalize("NFKC", char) != char:
            continue  # unassigned, or NFKC folds it (⺟ ⻳)
        ranked = [c for c, _ in shared.get(code, Counter()).most_common()]
        common = [c for c in ranked if 0x4E00 <= ord(c) <= 0x9FFF]
        form = (common[0] if common else known.get(char)) or (ranked[0] if ranked else None) or by_name(code)
        if form:
            table[char] = form
    return table


if __name__ == "__main__":
    from build_kb.text import RADICAL_FORMS

    table = derived(shared_glyphs(), RADICAL_FORMS)
    print("FROM =", repr("".join(table)))
    print("TO   =", repr("".join(table.values())))
    print(len(table), "forms;", "differences from text.py:", {k: (RADICAL_FORMS.get(k), v) for k, v in table.items() if RADICAL_FORMS.get(k) != v})
