"""A page's posting date when the text dates itself nowhere (issue #32, session 28): the site's posting line is the
only date on the page — kept as the date, named as the posting's on 待核对 (date: or year: settles it); a date of the
text's own, a year it gives, or a "today is" bar never give way to it. Hand-written pages in several styles."""

from __future__ import annotations

import pytest

from build_kb.pipeline import build_knowledge_base

from conftest import make_corpus


def _speech(tmp_path, text):
    (speech,) = build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": text})).speeches
    return speech


POSTED = "日期 {day} 是网页的发布日期，原文没有写日期：讲话或会议的日期不同就改正，只知道年份就写年份"


@pytest.mark.parametrize(
    "page, day",
    [
        # a 范文 site's speech under its update line and uploader
        ("在全镇党建工作推进会上的讲话\n更新时间：2019-05-06 16:20 作者：某某老师\n同志们：\n今天我们召开全镇党建工作推进会，主要任务是部署下一阶段工作。\n"
         "一、提高认识\n各村党组织要把抓党建作为最大政绩。\n", "2019-05-06"),
        # a ministry portal's speech, its posting line with a source and an editor
        ("当前机关党建工作的几点思考\n——在机关党务干部培训班上的讲话\n发布日期：2011年3月2日 来源：办公厅 编辑：某某\n同志们：\n"
         "这次培训班的任务是学习党章、交流经验。下面，我讲两点意见。\n一、认清形势\n机关党建要围绕中心、服务大局。\n", "2011-03-02"),
        # a post's own words for when it went up
        ("在全县人才工作会议上的讲话\n某某组工 2023-06-12 08:30 发表于河南\n同志们：\n今天我们召开全县人才工作会议，研究部署人才工作。\n", "2023-06-12"),
        # a campus report whose lead names no day at all
        ("某某学院党委书记讲授思政课\n时间：2023-03-21 浏览：285\n为落实立德树人根本任务，某某学院党委书记某某以“奋斗正当时”为题，为新生讲授思政课。\n"
         "某某结合校史，勉励同学们坚定理想信念。\n", "2023-03-21"),
    ],
    ids=["fanwen-update-line", "portal-posting-with-source", "an-accounts-posted-in", "campus-report-without-a-day"],
)
def test_the_posting_date_is_the_date_when_the_page_gives_no_other(tmp_path, page, day):
    speech = _speech(tmp_path, page)
    assert (speech.date, speech.year, speech.date_source) == (day, int(day[:4]), "posting")
    assert speech.detected_by["date"] == "the page's posting date (the text gives no date of its own)"
    assert {r.code: r.message for r in speech.review if r.code in ("no-date", "date-guessed")} == {"date-guessed": POSTED.format(day=day)}


@pytest.mark.parametrize(
    "page, date, year",
    [
        # the speech's own date line under its title
        ("在全县组织工作会议上的讲话\n（2020年5月6日）\n发布时间：2023-01-01 09:00\n同志们：\n今天召开全县组织工作会议。\n", "2020-05-06", 2020),
        # the year its title gives: a 范文 posted years later
        ("2021年在全县人才工作会议上的讲话\n更新时间：2024-02-03 作者：某某\n同志们：\n今天我们召开全县人才工作会议。\n", None, 2021),
        # a bar with the reader's own day, no posting line
        ("今天是2025年12月03日 星期三\n在全区党建工作会议上的讲话\n同志们：\n今天我们召开全区党建工作会议。\n", None, None),
        # a bare date among a library's widgets, no label saying it is the posting
        ("在全区党建工作会议上的讲话\nVIP专享\n2024-04-06\n18.44KB\n4 页\n同志们：\n今天我们召开全区党建工作会议，部署下一阶段工作。\n", None, None),
        # the time the reader printed the page, under the text
        ("在全区党建工作会议上的讲话\n同志们：\n今天我们召开全区党建工作会议，部署下一阶段工作。\n打印时间：2023-06-01 14:22\n", None, None),
    ],
    ids=["own-date-line", "year-in-the-title", "today-bar-only", "bare-date-among-widgets", "print-time-only"],
)
def test_a_date_or_year_of_the_texts_own_wins_over_the_posting(tmp_path, page, date, year):
    speech = _speech(tmp_path, page)
    assert (speech.date, speech.year) == (date, year)
    assert speech.date_source != "posting"
