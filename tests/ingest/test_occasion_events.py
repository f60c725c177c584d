"""The occasion of events that are not called meetings, of meetings named after a work they commemorate, and of a 范文
page that calls its meeting by a short name (round 14's occasion class, described in words; parse.EVENT_WORDS and
_LEAD_HELD, parse._works_masked, parse._abbreviates, OCCASION_IN_RE). Written here in the style of school, county and
template pages."""

from __future__ import annotations

import pytest

from conftest import one_speech


@pytest.mark.parametrize("text, occasion", [
    pytest.param("9月2日，某某中学举行开学第一课。校党委书记甲某某作了题为《做新时代好少年》的讲话。\n", "开学第一课", id="a-schools-first-lesson"),
    pytest.param("3月5日，某某区委组织部开展本学期政治理论学习。部长甲某某领学并讲话。\n", "本学期政治理论学习", id="a-terms-political-study"),
    pytest.param("4月10日，某某大学“青年讲堂”系列活动第一讲开讲。校党委书记甲某某作首场报告。\n",
                 "某某大学“青年讲堂”系列活动第一讲", id="a-series-first-session"),
    pytest.param("5月8日，某某学院举办“红色故事”系列宣讲首场。院党委书记乙某某出席并讲话。\n", "“红色故事”系列宣讲首场", id="a-series-first-round"),
    pytest.param("6月28日，某某局机关党支部开展“重温入党誓词”主题党日活动。局党组书记甲某某参加活动并讲话。\n",
                 "“重温入党誓词”主题党日活动", id="a-party-day"),
])
def test_an_event_a_report_says_was_held_is_its_occasion(tmp_path, text, occasion):
    assert one_speech(tmp_path, text).occasion == occasion


def test_the_lecturer_of_a_series_first_session_gave_its_report(tmp_path):
    text = "4月10日，某某大学“青年讲堂”系列活动第一讲开讲。校党委书记甲某某作首场报告。\n"
    assert (one_speech(tmp_path, text).speaker_role, one_speech(tmp_path / "again", text).speaker) == ("校党委书记", "甲某某")


@pytest.mark.parametrize("text, title, occasion", [
    pytest.param("在纪念毛泽东同志《在延安文艺座谈会上的讲话》发表80周年座谈会上的讲话\n同志们：\n今天我们召开座谈会。\n",
                 "在纪念毛泽东同志《在延安文艺座谈会上的讲话》发表80周年座谈会上的讲话",
                 "纪念毛泽东同志《在延安文艺座谈会上的讲话》发表80周年座谈会", id="a-work-in-book-title-marks"),
    pytest.param("在纪念毛泽东同志“在延安文艺座谈会上的讲话”发表80周年座谈会上的发言\n同志们：\n今天我们召开座谈会。\n",
                 "在纪念毛泽东同志“在延安文艺座谈会上的讲话”发表80周年座谈会上的发言",
                 "纪念毛泽东同志“在延安文艺座谈会上的讲话”发表80周年座谈会", id="a-work-in-quotation-marks"),
    pytest.param("5月23日，某某市召开纪念毛泽东同志《在延安文艺座谈会上的讲话》发表80周年座谈会。市委书记甲某某出席并讲话。\n",
                 "某某市召开纪念毛泽东同志《在延安文艺座谈会上的讲话》发表80周年座谈会",
                 "某某市纪念毛泽东同志《在延安文艺座谈会上的讲话》发表80周年座谈会", id="a-report-of-it"),
    pytest.param("在庆祝中国共产党成立100周年大会上的讲话精神学习座谈会上的讲话\n同志们：\n",
                 "在庆祝中国共产党成立100周年大会上的讲话精神学习座谈会上的讲话",
                 "庆祝中国共产党成立100周年大会上的讲话精神学习座谈会", id="a-speechs-spirit-studied"),
])
def test_a_meeting_named_after_a_work_it_commemorates_keeps_its_whole_name(tmp_path, text, title, occasion):
    speech = one_speech(tmp_path, text)
    assert (speech.title, speech.occasion) == (title, occasion)


@pytest.mark.parametrize("text, occasion, level", [
    pytest.param("党代会讲话范文\n同志们：\n中国共产党某某镇第十五次代表大会经过充分准备，今天胜利开幕了。\n过去五年成绩显著。\n",
                 "中国共产党某某镇第十五次代表大会", "镇", id="party-congress-short-name"),
    pytest.param("人代会讲话稿\n各位代表：\n某某县第十八届人民代表大会第三次会议今天隆重开幕了。\n",
                 "某某县第十八届人民代表大会第三次会议", "县", id="peoples-congress-short-name"),
])
def test_a_model_pages_short_name_gives_way_to_the_openings_full_name(tmp_path, text, occasion, level):
    speech = one_speech(tmp_path, text)
    assert (speech.occasion, speech.level) == (occasion, level)


@pytest.mark.parametrize("text, occasion", [
    pytest.param("在全县党代会筹备工作会议上的讲话\n同志们：\n中国共产党某某县第十五次代表大会将于明年召开。\n", "全县党代会筹备工作会议", id="own-title-stands"),
    pytest.param("3月2日，某局开展课题研究。局长甲某某出席并讲话。\n", None, id="a-research-project-is-no-event"),
    pytest.param("11月12日，公司开展2025年第三期“基层党建工作交流日”活动。党委书记甲某某出席并讲话。\n",
                 "2025年第三期“基层党建工作交流日”活动", id="a-quoted-name-stays-readable"),
])
def test_near_misses(tmp_path, text, occasion):
    assert one_speech(tmp_path, text).occasion == occasion


@pytest.mark.parametrize("text, occasion", [
    pytest.param("3月1日上午，某局党组召开理论学习中心组学习（扩大）会。党组书记甲某某主持并讲话。\n", "理论学习中心组学习（扩大）会", id="study-session-enlarged"),
    pytest.param("3月1日，某局召开党组（扩大）会，传达学习会议精神。局长甲某某主持并讲话。\n", "党组（扩大）会", id="party-group-enlarged"),
    pytest.param("县委常委（扩大）会召开\n3月1日，县委常委（扩大）会召开。县委书记甲某某主持并讲话。\n", "县委常委（扩大）会", id="standing-committee-enlarged-headline"),
    pytest.param("全县组织工作会讲话稿\n同志们：\n今天召开的全县组织工作会，是一次重要的会。\n", "全县组织工作会", id="today-held-short-kind"),
])
def test_a_meetings_last_word_is_kept(tmp_path, text, occasion):
    assert one_speech(tmp_path, text).occasion == occasion


def test_a_meeting_held_earlier_is_not_todays(tmp_path):
    text = "同志们：\n上个月召开的全市组织工作会议，对全年工作作了部署。今天，我们召开全县组织工作会议，传达贯彻会议精神。\n"
    assert one_speech(tmp_path, text).occasion == "全县组织工作会议"


@pytest.mark.parametrize("text, occasion", [
    pytest.param("4月3日，某某局召开「清廉机关建设推进会」。局党组书记甲某某出席并讲话。\n", "清廉机关建设推进会", id="a-name-in-corner-brackets"),
    pytest.param("「清廉机关建设推进会」召开\n4月3日，某某局召开「清廉机关建设推进会」。局党组书记甲某某出席并讲话。\n", "清廉机关建设推进会",
                 id="corner-brackets-in-the-headline-too"),
    pytest.param("5月12日全县基层党建工作推进会议召开\n5月12日，全县基层党建工作推进会议召开。县委书记甲某某出席并讲话。\n", "全县基层党建工作推进会议",
                 id="a-headlines-day-glued-before-the-name"),
    pytest.param("3月1日，某某县召开2025年第一次县委人才工作领导小组会议。县委书记甲某某主持并讲话。\n", "某某县2025年第一次县委人才工作领导小组会议",
                 id="near-miss-a-year-stays-in-the-name"),
])
def test_a_meetings_name_without_its_quotes_kind_or_day(tmp_path, text, occasion):
    assert one_speech(tmp_path, text).occasion == occasion


@pytest.mark.parametrize("text, occasion", [
    pytest.param("3月10日是某某镇每月固定的党员活动日。当天，镇党委书记张明参加活动并讲话。\n", "某某镇每月固定的党员活动日", id="a-fixed-monthly-activity-day"),
    pytest.param("7月1日是党的生日。当天，镇党委书记张明参加活动并讲话。\n", None, id="near-miss-a-day-to-remember"),
])
def test_a_day_the_lead_says_is_an_activity_day_is_the_occasion(tmp_path, text, occasion):
    assert one_speech(tmp_path, text).occasion == occasion
