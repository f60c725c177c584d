"""A year worked out from what a report or speech says of its time, when the page gives none (round 14's year class,
described in words): the coming national congress (lead.congress_year), a five-year plan's closing or opening year said
of this year, the next (明年, in December) or the last (lead.year_from_context), N years since the Party, the PRC or
reform and opening (parse._YEARS_SINCE); an anniversary in a look-back over past years gives none
(parse._CELEBRATED_BEFORE). Each is a proposal with its words on 待核对, never a date the text wrote."""

from __future__ import annotations

import pytest

from conftest import one_speech

LEAD = "某某县召开组织工作会议。县委书记甲某某出席会议并讲话。\n"


@pytest.mark.parametrize("text, date, words", [
    pytest.param("6月20日，" + LEAD + "甲某某强调，要以优异成绩迎接党的二十大胜利召开。\n", "2022-06-20", "迎接党的二十大", id="awaits-the-congress"),
    pytest.param("11月26日上午，某某区委组织部召开支部党员大会。部长乙某某出席并讲话。\n乙某某指出，党的二十大即将召开，要营造良好氛围。\n",
                 "2021-11-26", "党的二十大即将召开", id="late-in-the-year-before-it"),
    pytest.param("12月20日，" + LEAD + "甲某某指出，明年是“十五五”开局之年，要谋划好各项工作。\n", "2025-12-20", "明年十五五开局", id="december-says-next-year"),
    pytest.param("3月8日，" + LEAD + "今年是“十四五”规划实施的最后一年，要全面完成目标任务。\n", "2025-03-08", "十四五收官", id="closing-year-of-a-plan"),
    pytest.param("6月28日，" + LEAD + "甲某某指出，中国共产党成立100年来，团结带领人民取得了伟大成就。\n", "2021-06-28", "中国共产党成立100年来", id="years-since-the-founding"),
    pytest.param("10月9日，某某市委党校举办专题报告会。市委副书记丙某某作专题报告。\n丙某某指出，改革开放40年来，我市发生了翻天覆地的变化。\n",
                 "2018-10-09", "改革开放40年来", id="years-since-reform"),
])
def test_a_reports_day_takes_the_year_its_words_give_and_a_person_checks(tmp_path, text, date, words):
    speech = one_speech(tmp_path, text)
    assert speech.date == date
    assert [r.message for r in speech.review if r.code == "date-guessed"] == [
        f"会议日期 {date}：月、日取自报道导语，年份按“{words}”推断：请核对"]


def test_a_speech_that_says_next_year_hosts_the_congress_is_from_the_year_before(tmp_path):
    text = "在全县组织工作会议上的讲话\n（12月28日）\n同志们：\n明年是党的二十大召开之年，我们要做好各项工作。\n"
    speech = one_speech(tmp_path, text)
    assert (speech.date, speech.year) == (None, 2021)
    assert [r.message for r in speech.review if r.code == "no-date"] == ["没有找到日期（年份 2021 按“明年党的二十大召开之年”推断）"]


@pytest.mark.parametrize("text", [
    pytest.param("3月8日，" + LEAD + "甲某某指出，去年，我们隆重庆祝了中国共产党成立100周年，各项工作取得新成效。\n", id="celebrated-last-year"),
    pytest.param("3月8日，" + LEAD + "甲某某指出，过去一年，在建党100周年之际，我们开展了系列活动。\n", id="on-the-occasion-in-a-look-back"),
    pytest.param("3月8日，" + LEAD + "甲某某要求，要深入学习贯彻党的二十大精神。\n", id="a-congress-held-is-studied"),
    pytest.param("3月8日，" + LEAD + "甲某某指出，党成立100多年来，历经沧桑，初心不改。\n", id="more-than-a-hundred-years"),
    pytest.param("3月8日，" + LEAD + "甲某某指出，“十四五”时期，我们取得了显著成绩。\n", id="a-plans-period-is-no-year"),
])
def test_near_misses_give_no_year(tmp_path, text):
    speech = one_speech(tmp_path, text)
    assert (speech.date, speech.year) == (None, None)
