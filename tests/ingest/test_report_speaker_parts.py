"""A report's speaker, role and meeting where round 17 lost them (session 30; the classes in words): a sentence the speaker
opens and ends with his report, however long what it was about (某某同志就…情况做了一次深入全面的报告); a company's
chain of posts with a post the dictionary reads as a verb (党委书记、执行董事); a meeting widened past its members
(党委会（扩大）). Hand-written pages."""

from __future__ import annotations

import pytest

from build_kb.ingest.clause import act_of, read_actors
from conftest import one_speech


def test_a_sentence_he_opens_and_ends_with_his_report(tmp_path):
    text = ("某某院党委召开创先争优总结报告会\n8月28日下午，某某院党委在报告厅召开了创先争优总结报告会，会议由党委副书记甲某某同志主持。\n"
            "党委书记乙某某同志就院党委从2010年5月至2012年8月，围绕中心工作，在党组织和党员中深入开展创先争优活动的情况做了一次深入全面的报告。\n"
            "报告会时间不长，但是效果很好。\n")
    speech = one_speech(tmp_path, text)
    assert (speech.speaker, speech.speaker_role) == ("乙某某", "党委书记")


@pytest.mark.parametrize("text, act", [
    # the next site's: 对…作了…讲话, 围绕… the subject between
    ("会上，校长丙某某对学校一年来的工作，从教学、科研、管理三个方面作了总结讲话。", "spoke"),
    # near miss: a sentence he opens that ends in no speech
    ("党委书记乙某某同志就院党委开展活动的情况，进行了认真细致的检查。", None),
])
def test_what_the_one_opening_the_sentence_did(text, act):
    (actor,) = read_actors(text)
    assert act_of(text, actor) == act


@pytest.mark.parametrize("text, role", [
    ("2月3日上午，公司召开党委会（扩大），听取工作报告。公司党委书记、执行董事甲某某主持会议并讲话。", "公司党委书记、执行董事"),
    # the next company's: a chain with 总裁, 常务 opening a post
    ("3月5日，集团召开年度工作会议。集团党委书记、董事长、总裁乙某某出席会议并讲话。", "集团党委书记、董事长、总裁"),
    ("4月6日，某某公司召开职代会。公司常务副总经理丙某某主持会议并讲话。", "公司常务副总经理"),
])
def test_a_companys_chain_of_posts(text, role):
    actors = read_actors(text)
    assert [a.role for a in actors] == [role]


def test_a_widened_meeting_keeps_its_bracket(tmp_path):
    text = ("2月3日上午，公司召开党委会（扩大），专题听取职代会工作报告。公司党委书记、执行董事甲某某主持会议并讲话。\n"
            "甲某某强调，报告是指导公司新一年度工作的纲领性文件。\n")
    speech = one_speech(tmp_path, text)
    assert speech.occasion == "党委会（扩大）"
    assert (speech.speaker, speech.speaker_role) == ("甲某某", "公司党委书记、执行董事")
    assert speech.level == "企业"


def test_a_meeting_name_with_its_bracket_inside_stays(tmp_path):
    """Near miss: 常委会(扩大)会议 carries its bracket inside, the whole name as before."""
    text = "2月3日上午，县委召开常委会（扩大）会议，研究部署工作。县委书记甲某某主持会议并讲话。\n甲某某强调，要抓好落实。\n"
    assert one_speech(tmp_path, text).occasion == "常委会（扩大）会议"
