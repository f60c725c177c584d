"""A report held early in the year that sets this year's work and reviews one year as done names the year before its
own (issue #32, session 28; round 15's date class in words: lead.year_after_the_one_reviewed): the lead's month and
day with the year after, proposed on 待核对. Hand-written reports in several styles, and near misses."""

from __future__ import annotations

import pytest

from conftest import one_speech

RULE = "the report's lead (N月N日), year from the year after the one the report reviews"


@pytest.mark.parametrize("text, date", [
    pytest.param("某某县组织工作会议召开\n2月20日上午，某某县组织工作会议召开。会议对今年工作作出部署。\n"
                 "会议回顾，2023年，全县组织系统紧扣中心任务，各项工作取得明显成效。\n", "2024-02-20", id="county-meeting"),
    pytest.param("某某镇召开党建工作会议\n2月10日，某某镇召开党建工作会议，对今年工作作出部署。\n"
                 "会上，镇党委书记甲某某指出，2022年，全镇党建工作取得明显成效。\n", "2023-02-10", id="town-meeting"),
    pytest.param("某某学院召开党建工作会议\n1月18日，某某学院召开党建工作会议，谋划今年工作。\n"
                 "会议认为，2023年以来，学院党委实现了党建工作与事业发展深度融合。\n", "2024-01-18", id="college-year-since"),
])
def test_the_year_after_the_one_reviewed_is_proposed(tmp_path, text, date):
    speech = one_speech(tmp_path, text)
    assert (speech.date, speech.detected_by["date"]) == (date, RULE)
    assert [r.code for r in speech.review if r.code == "date-guessed"] == ["date-guessed"]


@pytest.mark.parametrize("text", [
    # the year named is this year's work ahead
    pytest.param("某某县组织工作会议召开\n2月20日上午，某某县组织工作会议召开，对今年工作作出部署。\n会议强调，2024年，全县组织系统要抓好干部队伍建设。\n", id="work-ahead"),
    # a September meeting: not early in the year
    pytest.param("某某县组织工作会议召开\n9月2日，某某县组织工作会议召开，对今年下半年工作作出部署。\n会议回顾，2023年，全县组织系统各项工作取得明显成效。\n", id="late-in-the-year"),
    # nothing said of this year's work
    pytest.param("某某区召开座谈会\n3月5日，某某区召开老干部座谈会。\n会议指出，2023年，全区老干部工作取得新成效。\n", id="no-plan-for-this-year"),
])
def test_no_year_is_proposed_without_the_plan_the_review_or_the_season(tmp_path, text):
    assert one_speech(tmp_path, text).detected_by.get("date") != RULE


@pytest.mark.parametrize("text, year", [
    pytest.param("在全县组织工作会议上的讲话\n同志们：\n今天召开会议，主要任务是总结工作、部署任务。\n一、2023年工作回顾\n"
                 "一年来，我们做了大量工作，组织工作取得明显成效。\n二、下一步工作打算\n要抓好落实。\n", 2024, id="a-heading-reviewing-a-year"),
    pytest.param("在全县组织工作会议上的讲话\n同志们：\n今天召开会议。\n一、2023年工作回顾\n一年来，组织工作取得明显成效。\n二、2024年工作安排\n要抓好落实。\n",
                 2024, id="review-and-plan"),
    pytest.param("在全县组织工作会议上的讲话\n同志们：\n今天召开会议。\n一、2023年工作完成情况\n一年来，组织工作取得明显成效。\n二、存在的问题\n要抓好落实。\n",
                 2023, id="near-miss-a-years-results-stay-that-year"),
])
def test_a_heading_that_looks_back_on_a_year_dates_the_speech_the_year_after(tmp_path, text, year):
    assert one_speech(tmp_path, text).year == year
