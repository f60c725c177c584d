"""Shared Chinese-text utilities: numbers, dates and the one order of speeches."""

import re

from build_kb.text import by_year_newest_first, chronological_key, count_value, newest_first_key, years_newest_first

from conftest import ROOT, build_site, make_corpus

SPEECHES = [("2020-05-01", 2020, "甲"), (None, 2020, "乙"), ("2019-03-02", 2019, "丙"), (None, None, "丁"), ("2020-11-30", 2020, "戊")]


def test_chronological_order_puts_year_only_after_dated_and_undated_last():
    assert [t for *_, t in sorted(SPEECHES, key=lambda s: chronological_key(*s))] == ["丙", "甲", "戊", "乙", "丁"]


def test_newest_first_is_the_mirror_with_the_same_places_for_vague_dates():
    assert [t for *_, t in sorted(SPEECHES, key=lambda s: newest_first_key(*s), reverse=True)] == ["戊", "甲", "乙", "丙", "丁"]


def test_year_groups_newest_first_undated_last():
    assert years_newest_first({2019, None, 2021, 2020}) == [2021, 2020, 2019, None]
    assert years_newest_first({"2019", "undated", "2021"}) == ["2021", "2019", "undated"]


def test_counts_in_digits_and_chinese():
    assert [count_value(t) for t in ("71", "七十一", "一百", "一百零一", "十")] == [71, 71, 100, 101, 10]


def test_speech_index_and_timeline_list_speeches_in_the_same_order(tmp_path):
    body = "同志们：\n一、加强党的建设。要抓好落实{n}。\n二、建设干部队伍。要选好干部{n}。\n"
    files = {
        "a.txt": "在全县组织工作会议上的讲话\n（2020年5月1日）\n" + body.format(n=1),
        "b.txt": "在2020年全县人才工作会议上的讲话\n" + body.format(n=2),
        "c.txt": "在全县党建工作会议上的讲话\n（2020年11月30日）\n" + body.format(n=3),
    }
    site = tmp_path / "site"
    build_site(ROOT / "mkdocs.yml", site, corpus_dir=make_corpus(tmp_path / "c", files))

    def titles(page: str) -> list[str]:
        html = (site / page / "index.html").read_text(encoding="utf-8")
        main = html[html.index('<article'):html.index('</article>')]
        return re.findall(r">(在[^<]*讲话)</a>", main)

    assert titles("speeches") == titles("timeline") == ["在全县党建工作会议上的讲话", "在全县组织工作会议上的讲话", "在2020年全县人才工作会议上的讲话"]


def test_listings_group_by_year_newest_first():
    from types import SimpleNamespace as S

    speeches = [S(date=d, year=y, title=t) for d, y, t in SPEECHES]
    assert [(year, [s.title for s in group]) for year, group in by_year_newest_first(speeches)] == [
        (2020, ["戊", "甲", "乙"]),
        (2019, ["丙"]),
        (None, ["丁"]),
    ]


LEFT_ALONE = set("⺀⺆⺥⺵⺷⺸")
"""Radical forms with no evidence of an ideograph (no glyph shared in the Noto CJK faces, no form in the table's
sources, no Kangxi radical of their name)."""


def test_every_radical_and_compatibility_form_folds_to_a_unified_ideograph_and_no_ideograph_moves():
    import re
    import unicodedata

    from build_kb.ingest.clean import unified_ideographs
    from build_kb.text import unified_ideograph

    unified = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]")
    blocks = [(0x2E80, 0x2EF3), (0x2F00, 0x2FD5), (0xF900, 0xFAD9), (0x2F800, 0x2FA1D)]
    forms = [chr(c) for start, end in blocks for c in range(start, end + 1) if unicodedata.category(chr(c)) != "Cn"]
    folded = {form: unified_ideograph(form) for form in forms if form not in LEFT_ALONE}
    # (115 radical supplement forms, 214 Kangxi radicals, 472 + 542 compatibility ideographs; twelve of the compatibility block are unified ideographs themselves, with no decomposition: 﨑 stays 﨑)
    own = [form for form in forms if 0xF900 <= ord(form) <= 0xFAFF and not unicodedata.decomposition(form)]
    assert len(own) == 12 and all(unified_ideograph(form) == form for form in own)
    assert [form for form, ideograph in folded.items() if not unified.fullmatch(ideograph) and form not in own] == []
    assert len(folded) == len(forms) - len(LEFT_ALONE) == 115 - 6 + 214 + 472 + 542
    assert all(unified_ideograph(form) == form for form in LEFT_ALONE)
    # the other way: an ordinary character never changes, in the reader or the search normaliser
    ordinary = "".join(chr(c) for c in range(0x4E00, 0xA000))
    assert unified_ideographs(ordinary) == (ordinary, 0)
    assert unified_ideographs("常⻅问题⺅⼯作\U0002F800\uF900⻏") == ("常见问题亻工作丽豈阝", 6)


def test_the_radical_table_agrees_with_the_glyphs_the_noto_cjk_faces_share():
    """bench/radical_forms.py derives text.RADICAL_FORMS from the fonts, the table's sources and the radicals'
    names; the table in the code is what it derives (fonts-noto-cjk is installed by the make targets)."""
    import importlib.util
    from pathlib import Path

    from build_kb.text import RADICAL_FORMS

    spec = importlib.util.spec_from_file_location("radical_forms", Path(__file__).parent.parent / "bench" / "radical_forms.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.derived(bench.shared_glyphs(), RADICAL_FORMS) == RADICAL_FORMS
    assert set(RADICAL_FORMS) | set("⺟⻳") | LEFT_ALONE == {chr(c) for c in range(0x2E80, 0x2EF4) if c != 0x2E9A}


def test_a_text_quoted_by_a_review_item_says_where_it_was_cut():
    from build_kb.enrich.review import misnumbered_headings
    from build_kb.model import Section
    from build_kb.text import clipped

    assert clipped("在全县组织工作会议上的讲话", 13) == "在全县组织工作会议上的讲话"
    assert clipped("在庆祝“五一”国际劳动节暨表彰全国劳动模范和先进工作者大会上的讲话", 30) == "在庆祝“五一”国际劳动节暨表彰全国劳动模范和先进工作者大会上…"
    long = "三、坚持把从严管理监督贯穿干部队伍建设全过程，着力营造风清气正的政治生态"
    sections = [Section("s1", 1, "一、提高政治站位", 3), Section("s2", 1, long, 9)]
    assert [x.message for x in misnumbered_headings(sections)] == [
        "小标题“三、坚持把从严管理监督贯穿干部队伍建设全过程，着力营造风清气…”的编号接不上前面的“一、提高政治站位”：仍作小标题，请核对原文的编号"
    ]
