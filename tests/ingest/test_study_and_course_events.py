"""Events a report does not call meetings, and the one who taught at them (issue #32, session 28; round 15's classes in
words): a study group's session (…理论学习中心组集体学习, no verb of holding: parse.study_session, and a lead whose day is
in its second sentence, lead.news_lead), a course taught (讲授…“开学第一课”: parse.course_taught, clause.SPOKE), an
event's quoted name with commas inside (parse._EVENT_NAME), the lecturer who came in and then taught (走进课堂，以…为题，
为…讲授…: clause._THERE_TO) over the one who presided. Written here in the style of hospital, school and county news."""

from __future__ import annotations

import pytest

from conftest import one_speech


@pytest.mark.parametrize("text, occasion, date", [
    pytest.param("某某局党组中心组专题学习新修订的党章\n发布时间：2023-06-13\n我局党组一贯重视理论武装。6月12日，某某局党组理论学习中心组集体学习新修订的党章。"
                 "党委书记甲某某主持并讲话。\n甲某某强调，要把学习成果转化为发展动力。\n",
                 "某某局党组理论学习中心组集体学习", "2023-06-12", id="bureau-group-lead-in-its-second-sentence"),
    pytest.param("5月23日，某某县委理论学习中心组全体成员在县委第一会议室开展了集中学习。县委书记乙某某主持并讲话。\n",
                 "某某县委理论学习中心组集中学习", None, id="county-group-members-in-a-room"),
    pytest.param("3月2日，某区委理论学习中心组举行2023年第3次集体学习，区委书记丙某某主持并讲话。\n",
                 "某区委理论学习中心组2023年第3次集体学习", None, id="district-groups-numbered-session"),
])
def test_a_study_groups_session_is_the_occasion(tmp_path, text, occasion, date):
    speech = one_speech(tmp_path, text)
    assert speech.occasion == occasion
    if date:
        assert speech.date == date


@pytest.mark.parametrize("text", [
    # the groups are told to study: no session held
    pytest.param("3月5日，全县组织工作会议召开，县委书记甲某某出席会议并讲话。会议要求，各党支部要开展集中学习。\n", id="told-to-study"),
    # a speech recalls its group's sessions
    pytest.param("在全县党建工作会议上的讲话\n同志们：\n今年以来，县委理论学习中心组开展了集中学习八次。下面，我讲三点意见。\n", id="a-speech-recalls-sessions"),
])
def test_a_session_only_spoken_of_is_no_occasion(tmp_path, text):
    assert "学习" not in (one_speech(tmp_path, text).occasion or "")


@pytest.mark.parametrize("text, occasion", [
    pytest.param("3月4日，某某技师学院党委书记甲某某走进教室，以《把青春写在奋斗里》为题，为新生讲授2022年春季学期“开学第一课”。副院长乙某某主持活动。\n",
                 "2022年春季学期“开学第一课”", id="first-lesson-of-the-term"),
    pytest.param("某某中学校长为新生讲开学第一课\n3月1日，某某中学校长丙某某为新生上好开学第一课。\n丙某某勉励同学们刻苦学习。\n", "开学第一课", id="gave-the-first-lesson"),
    pytest.param("10月9日，某某县举办“强国有我，青春建功”“我为群众讲政策”比赛。县委常委、组织部部长丁某某出席并讲话。\n",
                 "“强国有我，青春建功”“我为群众讲政策”比赛", id="quoted-names-with-a-comma"),
    pytest.param("5月8日，某某学院举办“安全知识竞赛”。学院党委副书记戊某某出席并讲话。\n", "安全知识竞赛", id="a-name-quoted-whole"),
])
def test_a_course_taught_or_a_named_event_is_the_occasion(tmp_path, text, occasion):
    assert one_speech(tmp_path, text).occasion == occasion


@pytest.mark.parametrize("text, role, name", [
    pytest.param("3月4日，某某技师学院党委书记甲某某走进教室，以《把青春写在奋斗里》为题，为新生讲授2022年春季学期“开学第一课”。副院长乙某某主持活动。\n",
                 "某某技师学院党委书记", "甲某某", id="came-in-then-taught-over-the-chair"),
    pytest.param("某某学院党委书记讲授思政课\n为落实立德树人根本任务，某某学院党委书记丙某某以“奋斗正当时”为题，为新生讲授一堂思政课。\n丙某某结合校史，勉励同学们坚定理想信念。\n",
                 "某某学院党委书记", "丙某某", id="a-report-without-a-day"),
])
def test_the_one_who_taught_the_course_is_the_speaker(tmp_path, text, role, name):
    speech = one_speech(tmp_path, text)
    assert (speech.speaker_role, speech.speaker) == (role, name)


def test_the_undated_reports_course_is_its_occasion(tmp_path):
    text = "某某学院党委书记讲授思政课\n为落实立德树人根本任务，某某学院党委书记丙某某以“奋斗正当时”为题，为新生讲授一堂思政课。\n丙某某结合校史，勉励同学们坚定理想信念。\n"
    assert one_speech(tmp_path, text).occasion == "思政课"


def test_teaching_a_courses_timetable_is_no_speech(tmp_path):
    text = "9月1日，某某学院召开新学期教学工作会议。教务处处长甲某某讲授了新学期课程安排，院长乙某某主持会议。\n"
    speech = one_speech(tmp_path, text)
    assert speech.speaker != "甲某某"
