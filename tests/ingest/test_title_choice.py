"""Title choice: of two stacked title lines, the one with a site's evidence leaves the title (ingest/headline.py,
"Title choice"); a doubt goes to 待核对 with the other reading as the fix. Fixtures written in the pages' style."""

from __future__ import annotations

import pytest

from conftest import make_corpus, one_speech
from test_fixes import item_of, settle

BODY = "同志们：\n今天召开这次会议，主要任务是总结工作、部署任务。\n一、提高站位\n全县各级党组织认真贯彻上级部署，组织工作取得明显成效。\n"
CATEGORY_UNDER_A_MODEL_TEXT = "在全县七一表彰大会上的讲话稿范文(2)\n\n七一建党节\n2019/6/29\n" + BODY
SITE_LINE_OVER_A_HEADLINE = (
    "55667788某某娱乐\n\n某某学院举办首届党建工作论坛\n发布时间:2021-04-02 浏览次数:512\n"
    "3月22日，某某学院举办首届党建工作论坛。学院党委书记王某某出席并讲话。\n论坛围绕党建与业务融合展开交流，与会人员表示收获很大。\n"
)
ACCOUNT_UNDER_A_SPEECH = "在全市青年干部培训班开班式上的讲话\n2022-05-02 10:41:04\n318\n某某市委党校「干训教育」\n" + BODY
WIRE_OVER_A_DOCUMENT = (
    "新华社北京3月6日电\n\n中共中央 国务院关于加强基层组织建设的意见\n\n（2020年2月1日）\n\n"
    "加强基层组织建设，是党的执政之基。现就加强基层组织建设提出如下意见。\n一、总体要求\n坚持党的全面领导，坚持以人民为中心。\n"
)
PIECE_OF_A_COLLECTION = "基层工作总结范文3\n立足岗位做好服务基层工作\n——某某镇挂职工作总结\n根据组织安排，我到某某镇挂职锻炼两个月。\n一、主要工作\n走访群众，了解情况。\n"
TWO_PHRASES = "增强凝聚力 加强社区党的建设——某某区社区党建工作考察报告\n区委组织部 某某\n某某区地处市中心，辖区居民素质较高。\n一、主要做法\n建强社区党组织。\n"
FILE_NAME_ON_TOP = (
    "机关党组书记抓基层党建述职评议会议讲话.docx\n"
    "《机关党组书记抓基层党建述职评议会议讲话.docx》由会员分享,可在线阅读,更多相关文档请在本站搜索。\n" + BODY
)


def test_a_category_under_a_whole_title_leaves_it_and_is_asked_about(tmp_path):
    speech = one_speech(tmp_path, CATEGORY_UNDER_A_MODEL_TEXT)
    assert speech.title == "在全县七一表彰大会上的讲话稿"
    assert [(r.code, r.line) for r in speech.review if r.code.startswith("title")] == [("title-choice", 3)]
    corpus = make_corpus(tmp_path / "fix", {"a.txt": CATEGORY_UNDER_A_MODEL_TEXT})
    assert [(w["label"], w["yaml"]) for w in item_of(corpus, "a.txt", "title-choice")["fixes"]] == [
        ("现在的标题对", "reviewed: [title-choice]"), ("另一种读法对，照写（不对就改成原文的标题）", 'title: "在全县七一表彰大会上的讲话稿 七一建党节"')]
    joined, _ = settle(tmp_path / "other", CATEGORY_UNDER_A_MODEL_TEXT, "title-choice", 1)
    assert joined.title == "在全县七一表彰大会上的讲话稿 七一建党节"


def test_a_site_line_over_a_headline_the_lead_says_again_is_no_part_of_the_title(tmp_path):
    speech = one_speech(tmp_path, SITE_LINE_OVER_A_HEADLINE)
    assert speech.title == "某某学院举办首届党建工作论坛"
    # the line is on 待核对 as a doubtful line, read as a note: drop_lines / keep_lines settle it, no second item
    assert [r.code for r in speech.review if r.code.startswith("title")] == []
    assert [(h.line, h.role) for h in speech.header][:2] == [(1, "note"), (3, "title")]


def test_an_accounts_column_under_a_speech_title_is_not_taken_for_a_slogan(tmp_path):
    speech = one_speech(tmp_path, ACCOUNT_UNDER_A_SPEECH)
    assert (speech.title, speech.subtitle) == ("在全市青年干部培训班开班式上的讲话", None)
    assert [(r.code, r.line) for r in speech.review if r.code.startswith("title")] == [("title-choice", 4)]


def test_a_wire_dateline_is_no_part_of_a_documents_title(tmp_path):
    speech = one_speech(tmp_path, WIRE_OVER_A_DOCUMENT)
    assert speech.title == "中共中央 国务院关于加强基层组织建设的意见"


def test_a_pieces_listing_name_gives_way_to_its_own_title(tmp_path):
    speech = one_speech(tmp_path, PIECE_OF_A_COLLECTION)
    assert (speech.title, speech.subtitle) == ("立足岗位做好服务基层工作", "某某镇挂职工作总结")


def test_a_two_phrase_title_keeps_its_first_phrase(tmp_path):
    speech = one_speech(tmp_path, TWO_PHRASES)
    assert (speech.title, speech.subtitle) == ("增强凝聚力 加强社区党的建设", "某某区社区党建工作考察报告")


def test_a_file_name_on_top_names_a_text_without_a_title_line(tmp_path):
    speech = one_speech(tmp_path, FILE_NAME_ON_TOP)
    assert (speech.title, speech.title_derived) == ("机关党组书记抓基层党建述职评议会议讲话", False)
    assert [r.code for r in speech.review if r.code.startswith("title")] == ["title-from-note"]


def test_two_halves_of_a_slogan_and_a_wrapped_title_stay_one_title(tmp_path):
    slogan = one_speech(tmp_path / "s", "凝心聚力抓党建\n奋发有为开新局\n——在全县组织工作会议上的讲话\n" + BODY)
    assert slogan.title == "凝心聚力抓党建 奋发有为开新局"
    wrapped = one_speech(tmp_path / "w", "区委书记在2025年全区基层\n党建工作述职评议会上的点评\n" + BODY)
    assert wrapped.title == "区委书记在2025年全区基层 党建工作述职评议会上的点评"
    assert [r.code for r in slogan.review + wrapped.review if r.code == "title-choice"] == []


def test_doubt_on_both_lines_tells_neither_from_the_other(tmp_path):
    # a run of short lines the cleaner doubts as captions: the doubt is the headline's and the deck's alike
    text = ("某某同志在全市组织部长会议上强调\n聚焦主责主业 推动组织工作提质增效\n本报讯 2023年2月27日，全市组织部长会议召开。某某同志出席会议并讲话。\n"
            "某某同志强调，要坚持以党的政治建设为统领，着力建设高素质干部队伍。\n会议要求，全市各级组织部门要抓好各项任务落实。\n")
    assert one_speech(tmp_path, text).title == "某某同志在全市组织部长会议上强调 聚焦主责主业 推动组织工作提质增效"


NO_TITLE_LINE = (
    "同志们：\n现在，我代表县委向大会作报告。\n一、过去五年的工作\n五年来，全县各级党组织认真贯彻上级部署，组织工作取得明显成效。\n"
    "二、今后五年的任务\n今后五年，要坚持党建引领，推动基层治理现代化。\n"
)


def test_a_text_with_no_title_line_takes_its_files_own_name(tmp_path):
    """A text file whose writer named it and gave it no title line (`县第十五次党代会报告.txt`): its name is the title,
    not one made from the first heading; 待核对 asks about it (title-from-note). A file named by codes keeps the
    title made from the content, and so does one a program named (新建文本文档)."""
    from build_kb.pipeline import build_knowledge_base

    speeches = {}
    for name in ("县第十五次党代会报告.txt", "county-2022.txt", "新建文本文档 (2).txt"):
        (speeches[name],) = build_knowledge_base(make_corpus(tmp_path / name, {name: NO_TITLE_LINE})).speeches
    named = speeches["县第十五次党代会报告.txt"]
    assert (named.title, named.title_derived) == ("县第十五次党代会报告", False)
    assert [item.code for item in named.review if item.code.startswith("title")] == ["title-from-note"]
    for name in ("county-2022.txt", "新建文本文档 (2).txt"):
        assert speeches[name].title_derived and speeches[name].title == "关于“过去五年的工作”等两个方面的讲话"


@pytest.mark.parametrize("text, title", [
    pytest.param("组织工作实务丛书\n顾问：甲某某 主编：乙某某\n在全市组织工作会议上的讲话\n同志们：\n今天我们召开会议，主要任务是部署今年的组织工作。\n",
                 "在全市组织工作会议上的讲话", id="a-book-series-and-its-advisors-over-a-speech"),
    pytest.param("组织工作实务丛书\n主编：乙某某\n抓党建促振兴的几点思考\n近年来，我们坚持抓党建促乡村振兴，取得了一定成效。下面谈几点体会。\n",
                 "抓党建促振兴的几点思考", id="a-series-and-its-editor-over-an-essay"),
])
def test_a_line_of_credits_among_the_title_lines_is_no_part_of_the_title(tmp_path, text, title):
    assert one_speech(tmp_path, text).title == title


@pytest.mark.parametrize("text, title", [
    pytest.param("点击上方视频观看\n3月1日，某某县召开全县组织工作会议。县委书记张明出席并讲话。\n", "某某县召开全县组织工作会议", id="click-to-watch-alone"),
    pytest.param("▲点击观看视频\n在全县组织工作会议上的讲话\n同志们：\n今天召开会议。\n", "在全县组织工作会议上的讲话", id="click-to-watch-over-a-title"),
    pytest.param("点击“三会一课”看基层党建新变化\n3月1日，某某县召开全县组织工作会议。县委书记张明出席并讲话。\n", "点击“三会一课”看基层党建新变化",
                 id="near-miss-a-headline-that-opens-with-click"),
])
def test_a_line_asking_the_reader_to_click_and_watch_is_no_title(tmp_path, text, title):
    assert one_speech(tmp_path, text).title == title


@pytest.mark.parametrize("text, title", [
    pytest.param("5月12日上午，某某镇组织全体机关干部、各村党组织书记共60余人到某某红色教育基地参观学习。镇党委书记张明带队。\n大家纷纷表示深受教育。\n",
                 "讲话：某某镇组织全体机关干部、各村党组织书记共60余人…", id="a-report-without-a-headline"),
    pytest.param("3月10日是某某镇每月固定的党员活动日。当天，镇党委书记张明参加活动并讲话。\n大家表示要学以致用。\n", "在某某镇每月固定的党员活动日上的讲话",
                 id="a-day-that-is-an-activity-day"),
])
def test_a_title_made_from_a_reports_first_sentence_leaves_out_its_day(tmp_path, text, title):
    assert one_speech(tmp_path, text).title == title


@pytest.mark.parametrize("text", [
    pytest.param("在全市组织工作会议上的讲话\n王小明 分享\n" + BODY, id="name-space-share"),
    pytest.param("在全市组织工作会议上的讲话\n王小明分享\n" + BODY, id="name-glued-to-share"),
])
def test_a_name_with_a_share_widgets_word_is_neither_title_nor_speaker(tmp_path, text):
    speech = one_speech(tmp_path, text)
    assert (speech.title, speech.speaker) == ("在全市组织工作会议上的讲话", None)


def test_near_miss_a_byline_under_the_title_stays_the_speaker(tmp_path):
    speech = one_speech(tmp_path, "在全市组织工作会议上的讲话\n市委书记 张明\n" + BODY)
    assert (speech.title, speech.speaker, speech.speaker_role) == ("在全市组织工作会议上的讲话", "张明", "市委书记")
