"""Speaker and occasion as a choice among candidates (build_kb/ingest/lead.py speaker_by_evidence, clause.py named
again with a title or 某总, parse.py another_meeting and event_in_lead): pages written here in the style of school, court
and company news and of speeches that recall other meetings."""

from __future__ import annotations

import pytest

from conftest import one_speech


@pytest.mark.parametrize("text, role, name", [
    pytest.param(  # 我校 is the school's own voice and 自我批评 no one's: neither makes the report a speech
        "我校附属医院举办首届党建论坛\n发布时间：2019-04-02\n"
        "322日，我校附属医院举办首届党建论坛。校党委书记甲某某、省委组织部处长乙某某，医院中层干部等300余人出席论坛。\n"
        "会上，医院党委通报了工作，开展批评和自我批评。甲某某在开幕式上作重要讲话。他充分肯定了医院的成绩。\n",
        "校党委书记", "甲某某", id="school-report-saying-our-school-and-self-criticism"),
    pytest.param(  # named again with the title after the name
        "某区法院召开党组扩大会议\n"
        "11月20日，某区法院党组书记、院长门某某组织召开党组扩大会议，研究部署党员学习教育工作。全体党组成员参加会议。\n"
        "门某某院长强调，要以学习为基础，寻找机关党建与审判工作的结合点。\n",
        "某区法院党组书记、院长", "门某某", id="named-again-with-title-after-name"),
    pytest.param(  # 汪总 is the general manager named before, never a name
        "集团举行党支部书记培训会\n"
        "8月30日下午，集团举行党支部书记培训会。会议由集团党委书记、总经理汪某某主持，各党支部书记参加了培训。\n"
        "汪总在讲话中指出，此次培训是加强基层党组织建设的现实需要。他提出三点要求。\n",
        "集团党委书记、总经理", "汪某某", id="surname-and-zong-is-the-general-manager"),
])
def test_the_speaker_of_a_news_report_is_the_one_its_speech_verbs_attach_to(tmp_path, text, role, name):
    speech = one_speech(tmp_path, text)
    assert (speech.speaker_role, speech.speaker) == (role, name)


def test_a_report_that_names_no_one_speaking_proposes_the_one_its_verbs_attach_to_on_review(tmp_path):
    text = ("老干部形势报告会召开\n"
            "我县举行老干部形势报告会。甲某、乙某、丙某等县领导及老干部代表参加活动。\n"
            "会上，县委书记甲某传达学习了全会精神，通报了全县经济社会发展形势。\n"
            "他强调，希望老同志继续发挥余热。\n")
    speech = one_speech(tmp_path, text)
    assert (speech.speaker_role, speech.speaker) == (None, None)
    assert [r.message for r in speech.review if r.code == "no-speaker-name"] == [
        "没有读出讲话人；报道里讲话、强调、主持等说到最多的是县委书记“甲某”：是他讲的就写上他的姓名"]


def test_the_event_a_lead_says_was_held_is_the_occasion_when_it_is_no_meeting(tmp_path):
    text = ("公司开展基层党建工作交流日活动\n"
            "11月12日，公司开展2025年第三期“基层党建工作交流日”活动。公司党委副书记丁某某出席活动并作总结讲话。\n"
            "活动期间，各基层党支部梳理了前三季度工作。\n")
    speech = one_speech(tmp_path, text)
    assert speech.occasion == "2025年第三期“基层党建工作交流日”活动"


def test_a_meeting_the_opening_recalls_or_studies_is_not_the_occasion(tmp_path):
    recalled = ("岁岁重阳今又是。在这个佳节，很高兴和老同志欢聚一堂。\n"
                "近段时间活动较多，刚刚组织党代表参加市党代会，又接着举办第二届民歌艺术节暨经贸洽谈会。\n")
    studied = ("近日，全国组织部长会议在京召开。抓好全国组织部长会议精神落实，我们唯有实干担当、务求实效，以务实举措奋力谱写新时代组织工作新篇章。\n"
               "突出政治引领，铸牢思想根基。要引导党员干部提高政治判断力。\n")
    assert one_speech(tmp_path / "recalled", recalled).occasion is None
    assert one_speech(tmp_path / "studied", studied).occasion is None


@pytest.mark.parametrize("text, role", [
    pytest.param("6月3日，某某镇召开村党组织书记述职评议会。会上，各村党组织书记逐一述职，镇党委书记逐一点评。\n会议要求要把责任扛在肩上。\n",
                 "镇党委书记", id="a-post-that-commented"),
    pytest.param("3月8日，某某镇召开党建工作推进会。某书记主持会议并讲话。\n会议要求，各村要压实责任。\n", "书记", id="a-placeholder-for-the-name"),
    pytest.param("某某镇召开述职评议会议\n1月5日，某某镇召开述职评议会议。各村党组织书记逐一述职。\n最后，县委组织部副部长作总结讲话。\n", "县委组织部副部长", id="a-post-that-summed-up"),
])
def test_a_report_naming_only_the_post_of_who_spoke_fills_the_role_not_the_speaker(tmp_path, text, role):
    speech = one_speech(tmp_path, text)
    assert (speech.speaker_role, speech.speaker) == (role, None)
    assert any(item.code == "no-speaker-name" for item in speech.review)


@pytest.mark.parametrize("text, role, speaker", [
    pytest.param("6月3日，某某镇召开述职评议会。会上，各村党组织书记逐一述职。\n会议要求要把责任扛在肩上。\n", None, None, id="posts-of-many"),
    pytest.param("6月3日，某某镇召开述职评议会。镇党委书记张明出席并讲话。\n", "镇党委书记", "张明", id="a-post-with-its-name"),
])
def test_near_misses_of_a_post_alone(tmp_path, text, role, speaker):
    speech = one_speech(tmp_path, text)
    assert (speech.speaker_role, speech.speaker) == (role, speaker)


@pytest.mark.parametrize("text, role", [
    pytest.param("2023年个人工作总结\n我作为县委组织部副部长，分管干部监督工作。一年来，我认真履职尽责，取得了一定成绩。\n一、加强学习\n我坚持学习。\n",
                 "县委组织部副部长", id="a-summary-in-the-first-person"),
    pytest.param("2023年个人工作总结\n我作为一名普通党员，始终严格要求自己。一年来，我认真履职尽责，取得了一定成绩。\n一、加强学习\n我坚持学习。\n",
                 None, id="near-miss-a-member-is-no-post"),
])
def test_the_writers_own_post_in_the_first_person_is_the_role(tmp_path, text, role):
    assert one_speech(tmp_path, text).speaker_role == role


@pytest.mark.parametrize("text, speaker", [
    pytest.param("某某社区开展主题党日活动\n5月26日，某某社区党委开展主题党日活动。社区党委书记张明领学并讲话。\n", "张明", id="led-the-study-and-spoke"),
    pytest.param("某某镇开展党性教育活动\n5月12日，某某镇组织机关干部到某某纪念馆开展党性教育。镇党委书记张明带队并讲话。\n", "张明", id="led-the-group-and-spoke"),
])
def test_one_who_did_something_and_then_spoke_is_the_speaker(tmp_path, text, speaker):
    assert one_speech(tmp_path, text).speaker == speaker
