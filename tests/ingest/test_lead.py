"""A news report's lead and a speech's body (build_kb/ingest/lead.py), and what the build takes from them."""

from __future__ import annotations

import doctest

from build_kb.ingest import lead
from build_kb.pipeline import build_knowledge_base

from conftest import make_corpus

REPORT = (
    "当前页面：某某网 > 要闻\n全市组织部长会议召开\n发布时间：2024-06-13 09:12\n"
    "6月12日，全市组织部长会议召开。市委书记张某某作出批示，市委常委、组织部部长赵明远出席会议并讲话。\n"
    "张某某在批示中指出，要统筹抓好组织、干部、人才等各项工作。\n赵明远在讲话中强调，要着力抓好党的政治建设，建设过硬干部队伍。\n"
)
BODY_SAYS_CITY = (
    "关于加强基层党建工作的几点意见\n同志们：\n一、提高认识。我市基层党建工作取得了新成效，全市各级党组织认真落实市委要求。\n"
    "二、抓好落实。全市上下要行动起来，我市各级领导干部要带头。\n"
)


def test_the_readers_docstring_examples_hold():
    assert doctest.testmod(lead).failed == 0


def test_a_report_gives_the_one_who_spoke_and_the_meetings_day(tmp_path):
    (speech,) = build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": REPORT})).speeches
    assert (speech.speaker, speech.speaker_role, speech.date, speech.date_source) == ("赵明远", "市委常委、组织部部长", "2024-06-12", "lead")
    assert speech.detected_by["speaker"] == "the report's lead (…出席会议并讲话)"


def test_the_level_said_again_and_again_in_the_body(tmp_path):
    (speech,) = build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": BODY_SAYS_CITY})).speeches
    assert (speech.level, speech.detected_by["level"]) == ("市", "the body (我X, 全X, X委要求 … again and again)")


def test_two_levels_named_together_hold_the_higher_ones_meeting():
    from build_kb.ingest.parse import find_level

    assert find_level("县乡人大换届选举工作部署会")[0] == "县"
    assert find_level("乡镇党委换届工作动员会")[0] is None


def test_a_sites_word_under_the_title_is_never_the_speaker(tmp_path):
    text = "在全县组织工作会议上的讲话\n海报\n同志们：\n一、加强基层党组织建设。要提升组织力，建强党支部。\n"
    (speech,) = build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": text})).speeches
    assert speech.speaker is None


def test_a_doubtful_line_above_a_report_is_no_title(tmp_path):
    text = "单位代码:12616\n3月5日下午，全县组织工作会议召开。县委常委、组织部部长赵某出席会议并讲话。会议要求各级党组织抓好落实。\n"
    (speech,) = build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": text})).speeches
    assert [d.line for d in speech.clean.doubtful] == [1]
    assert (speech.title, speech.title_derived) == ("在全县组织工作会议上的讲话", True)


def test_a_speech_that_opens_by_recalling_a_meeting_is_not_said_by_the_one_it_quotes(tmp_path):
    text = (
        "同志们：\n3月5日，省委召开全省组织工作会议，省委书记王某某出席会议并作重要讲话。王某某强调，要抓好落实。\n"
        "今天我们召开全市组织工作会议，传达学习会议精神。\n一、提高认识\n要把思想统一到省委部署上来。\n"
    )
    (speech,) = build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": text})).speeches
    assert (speech.speaker, speech.speaker_role) == (None, None)


def test_a_speaker_named_first_and_quoted_later_says_how_it_was_found(tmp_path):
    text = "昨日，某某市召开述职评议会议。市委常委、组织部长郑某某参加会议。\n郑某某充分肯定了述职工作，同时指出了不足。\n"
    (speech,) = build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": text})).speeches
    assert (speech.speaker, speech.speaker_role) == ("郑某某", "市委常委、组织部长")
    assert speech.detected_by["speaker"] == "the report: one it names, said later to 强调/指出/点评"
