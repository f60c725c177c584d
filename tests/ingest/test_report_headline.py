"""A report whose page printed no headline is titled as a newsroom would head it, from its lead's clause of who held
what (某某学院党委召开…大会), never as a speech given at the meeting (在…上的讲话: the page is a report of it); the
title is still made up — marked (title_derived), on 待核对 with the one-line fix (session 30; round 17's class in
words). Hand-written pages."""

from __future__ import annotations

import pytest

from build_kb.fixes import choices
from conftest import one_speech


@pytest.mark.parametrize("text, title", [
    pytest.param("12月27日下午，外国语学院党委在学院会议室召开2024年度支部书记述职评议大会。学院党委委员参加会议。\n"
                 "会上，学院党委书记甲某某作了讲话。他强调，要把责任扛在肩上。\n",
                 "外国语学院党委召开2024年度支部书记述职评议大会", id="a-college-holds-it"),
    # the next site's: a purpose clause first, an adverb before the verb, the venue between
    pytest.param("为进一步压实党建责任，5月20日下午，某某五中在学校报告厅隆重举行2024年党建工作述职大会，校党委书记甲某某主持并讲话。\n"
                 "甲某某强调，要围绕中心抓党建。\n",
                 "某某五中举行2024年党建工作述职大会", id="purpose-first-venue-adverb"),
    # a newsroom's dateline, the meeting the subject
    pytest.param("本报讯（记者 某某）3月1日，全市组织部长会议在某地召开。市委常委、组织部部长甲某某出席会议并讲话。\n"
                 "甲某某强调，要抓好今年的组织工作。\n",
                 "全市组织部长会议召开", id="the-meeting-as-subject"),
    # a company's meeting with its kind in brackets
    pytest.param("2月3日上午，公司召开党委会（扩大），专题听取工作报告。公司党委书记甲某某主持会议并讲话。\n"
                 "甲某某指出，报告是指导工作的纲领性文件。\n",
                 "公司召开党委会（扩大）", id="bracketed-kind"),
])
def test_a_report_without_a_headline_is_headed_by_its_lead(tmp_path, text, title):
    speech = one_speech(tmp_path, text)
    assert speech.title == title
    assert speech.title_derived
    item = next(item for item in speech.review if item.code == "title-derived")
    assert "报道导语" in item.message
    # the one-line fix writes the real title
    assert any("title:" in way.yaml for way in choices(item, speech, None))


def test_a_speech_without_a_title_is_still_named_by_its_meeting(tmp_path):
    """Near miss: a speech addresses its hearers; its made-up title is the speech's, 在…上的讲话."""
    text = ("同志们：\n今天我们召开全县组织工作会议，主要任务是部署今年的工作。\n一、提高站位\n3月5日，县委召开常委会，研究部署了组织工作。\n"
            "二、抓好落实\n要把各项任务落到实处。\n")
    speech = one_speech(tmp_path, text)
    assert speech.title == "在全县组织工作会议上的讲话"
    assert speech.title_derived


def test_a_reports_own_headline_stays(tmp_path):
    """Near miss: the page printed its headline; the lead does not replace it."""
    text = ("凝心聚力抓党建 奋发有为谋发展\n12月27日下午，外国语学院党委在学院会议室召开2024年度支部书记述职评议大会。\n"
            "学院党委书记甲某某作了讲话。他强调，要把责任扛在肩上。\n")
    speech = one_speech(tmp_path, text)
    assert speech.title == "凝心聚力抓党建 奋发有为谋发展"
    assert not speech.title_derived


def test_a_lead_that_holds_no_meeting_gives_no_headline(tmp_path):
    """Near miss: 开展…活动 is no meeting held; the title is made up as before, from the content."""
    text = ("3月5日，某某镇开展“清洁家园”志愿服务活动。镇党委书记甲某某参加活动并讲话。\n甲某某强调，要持续改善人居环境。\n")
    speech = one_speech(tmp_path, text)
    assert "开展" not in speech.title
    assert speech.title_derived
