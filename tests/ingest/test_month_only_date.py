"""A speech the text dates to a year and month only (（2023年2月） under the title, as many printed speeches are): the
month is kept (`Speech.month`, kb.json `month`), shown (2023年2月), sorted after the dated speeches of that month, and
the 待核对 item says the text goes no further — the year is the header's, never "taken from the title". Every text
here is made up."""

from __future__ import annotations


import pytest

from build_kb.ingest import parse
from build_kb.pipeline import build_knowledge_base
from build_kb.render.common import date_cn
from build_kb.text import chronological_key, newest_first_key

from conftest import failed_examples, make_corpus, one_speech

BODY = "同志们：\n今天，我们召开全县组织工作会议，总结去年工作，部署今年任务。\n一、提高政治站位\n各级党组织要坚持把政治建设摆在首位。\n"


def test_the_month_reader_s_examples():
    assert failed_examples(parse.month_number) == 0


@pytest.mark.parametrize("date_line, month", [
    pytest.param("（2023年2月）", 2, id="bracketed-digits"),
    pytest.param("二〇二三年十一月", 11, id="in-words"),
    pytest.param("时间：2023年7月", 7, id="labelled"),
])
def test_a_header_line_of_year_and_month_gives_the_month(tmp_path, date_line, month):
    speech = one_speech(tmp_path, f"在全县组织工作会议上的讲话\n县委书记　张明\n{date_line}\n{BODY}")
    assert (speech.date, speech.year, speech.month, speech.date_source) == (None, 2023, month, "header")
    assert date_cn(speech) == f"2023年{month}月"
    assert [(r.code, r.message) for r in speech.review if r.code == "no-date"] == [
        ("no-date", f"原文日期只写到月份（2023年{month}月）：知道是哪一天就写上，否则确认即可")]


def test_a_blanked_month_or_a_whole_date_gives_no_month(tmp_path):
    blank = one_speech(tmp_path / "blank", f"在××镇党委换届工作动员会上的讲话\n镇党委书记　×××\n二〇二一年×月\n{BODY}")
    assert (blank.date, blank.year, blank.month, date_cn(blank)) == (None, 2021, None, "2021年")
    whole = one_speech(tmp_path / "whole", f"在全县组织工作会议上的讲话\n县委书记　张明\n（2023年2月10日）\n{BODY}")
    assert (whole.date, whole.month, date_cn(whole)) == ("2023-02-10", None, "2023年2月10日")


def test_the_curator_s_date_or_another_year_replaces_the_month(tmp_path):
    def text(topic: str) -> str:
        return f"在全县{topic}会议上的讲话\n县委书记　张明\n（2023年2月）\n同志们：\n今天召开全县{topic}会议，部署今年的{topic}任务。\n"

    corpus = make_corpus(tmp_path / "c", {"a.txt": text("组织工作"), "b.txt": text("人才工作"), "c.txt": text("基层党建工作"),
                                          "speeches.yaml": '"a.txt":\n  date: 2023-02-14\n"b.txt":\n  year: 2022\n"c.txt":\n  year: 2023\n'})
    a, b, c = sorted(build_knowledge_base(corpus).speeches, key=lambda s: s.source.rel_path)
    assert [(s.date, s.year, s.month) for s in (a, b, c)] == [("2023-02-14", 2023, None), (None, 2022, None), (None, 2023, 2)]


def test_a_month_sorts_after_the_dated_speeches_of_its_month_and_before_the_next():
    dates = ["2023-03-01", "2023-02", "2023-02-28", "2023-02-01"]
    assert sorted(dates, key=lambda d: chronological_key(d, 2023)) == ["2023-02-01", "2023-02-28", "2023-02", "2023-03-01"]
    assert sorted(dates, key=lambda d: newest_first_key(d, 2023), reverse=True) == ["2023-03-01", "2023-02-28", "2023-02-01", "2023-02"]
