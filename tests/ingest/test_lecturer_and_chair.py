"""Who spoke at a lesson, a study session or a forum, written here in the style of school, county and district news
(round 14's speaker class, described in words): a visiting lecturer named with his title before the name, after it
or set apart by spaces (clause.POST's lecturer titles, clause.INVITED, clause._ACT), the host who welcomed the guests
(clause.WELCOMED) against the guest who spoke, and a chair the report names as no speaker (lead.only_chaired)."""

from __future__ import annotations

import pytest

from conftest import one_speech


@pytest.mark.parametrize("text, role, name", [
    pytest.param("5月20日下午，机关党委在图书馆报告厅举办专题党课。校党委副书记陈某某主持。特邀省委党校教授刘某某以《坚定理想信念》为题作专题辅导。\n"
                 "刘某某从三个方面进行了深入阐释。\n", "省委党校教授", "刘某某", id="invited-professor-after-the-chair"),
    pytest.param("6月3日，某某学院党委理论学习中心组开展集体学习。教授 周某某 作专题辅导，院党委书记丁某主持。\n",
                 "教授", "周某某", id="title-and-name-set-apart-by-spaces"),
    pytest.param("6月3日，某某区委理论学习中心组开展集体学习。区委书记丁某某主持，邀请杨某某教授作专题辅导。\n",
                 "教授", "杨某某", id="title-after-the-name"),
    pytest.param("4月2日，某学院党委理论学习中心组举行专题学习。会议由院党委书记丁某主持，中央党校马克思主义学院副教授吴某某作专题辅导报告。\n",
                 "中央党校马克思主义学院副教授", "吴某某", id="associate-professor-of-a-school"),
    pytest.param("7月1日上午，某某县委办公室党支部开展主题党日活动。王某某书记以“传承红色基因”为题讲授专题党课。\n党课内容丰富，全体党员深受教育。\n",
                 "书记", "王某某", id="secretary-named-before-his-title-gives-a-lesson"),
    pytest.param("3月12日，某区召开人才工作座谈会。区委书记甲某某致辞，对各位专家的到来表示热烈欢迎。省委组织部副部长乙某某出席会议并讲话。\n",
                 "省委组织部副部长", "乙某某", id="host-welcomed-guest-spoke"),
    pytest.param("10月8日，某市举办青年人才恳谈会。市委副书记甲某某致欢迎辞。省委人才办主任乙某某出席并讲话。\n",
                 "省委人才办主任", "乙某某", id="host-gave-a-welcome-address"),
])
def test_the_one_who_gave_the_lesson_or_spoke_is_the_speaker_not_the_chair_or_host(tmp_path, text, role, name):
    speech = one_speech(tmp_path, text)
    assert (speech.speaker_role, speech.speaker) == (role, name)


def test_a_chair_the_report_names_as_no_speaker_is_proposed_not_filled_in(tmp_path):
    text = "9月1日，某某社区党委召开党员大会。会议由社区党委书记甲某主持。会议传达学习了有关文件精神，通报了近期工作。\n与会党员进行了交流讨论。\n"
    speech = one_speech(tmp_path, text)
    assert (speech.speaker, speech.speaker_role) == (None, None)
    assert [r.message for r in speech.review if r.code == "no-speaker-name"] == [
        "没有读出讲话人；报道只写了社区党委书记“甲某”主持会议，没有写谁讲话：是他讲的就写上他的姓名"]


@pytest.mark.parametrize("text, role, name", [
    pytest.param("9月1日，某某社区召开党员大会。社区党委书记甲某主持会议并讲话。\n", "社区党委书记", "甲某", id="chaired-and-spoke"),
    pytest.param("9月1日，某某社区召开党员大会。会议由社区党委书记甲某主持。甲某强调，要抓好落实。\n", "社区党委书记", "甲某", id="chaired-then-quoted"),
    pytest.param("10月8日，某市举办青年人才恳谈会。市委副书记甲某某致欢迎辞，并介绍了全市人才政策。\n", "市委副书记", "甲某某", id="the-host-is-the-only-one-who-spoke"),
    pytest.param("6月3日，某某学院召开座谈会。会议邀请了多位专家教授参加座谈。院党委书记丁某出席会议并讲话。\n", "院党委书记", "丁某", id="professors-in-a-sentence-name-no-one"),
])
def test_near_misses_keep_their_speaker(tmp_path, text, role, name):
    speech = one_speech(tmp_path, text)
    assert (speech.speaker_role, speech.speaker) == (role, name)
