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
