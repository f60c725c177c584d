"""Report pages as sites post them (issue #32, session 25): the year of a January review meeting, the level of the
one who holds the meeting, a headline that exclaims, a byline or a site's line on top, a collection's blurb.
Hand-written fixtures in the style of such pages; names and places are made up."""

from __future__ import annotations

import pytest

from conftest import one_speech as _speech


REVIEW_BODY = (
    "会议全面回顾总结了全镇工作成效，肯定成绩、查找不足、表彰先进，并作出了新一年工作部署安排。镇党委书记张某某出席会议并讲话。\n"
    "张某某强调，全镇上下要坚定信心、真抓实干，奋力开创高质量发展新局面。\n"
)


@pytest.mark.parametrize("text, date", [
    # the headline names the year reviewed; the lead, the month only
    ("某某镇召开2022年工作总结表彰会\n1月16日，某某镇召开工作总结表彰会。" + REVIEW_BODY, "2023-01-16"),
    ("某某镇召开2022年工作总结表彰会\n1月16日，某某镇召开2022年工作总结表彰会。" + REVIEW_BODY, "2023-01-16"),
    # no year but the ones reviewed and planned, a sentence after the lead
    ("1月20日，某某镇召开机关干部总结大会，镇全体班子成员参加会议。\n"
     "会上，镇党委书记张某某总结回顾了2022年工作成果，对2023年各项工作进行了安排部署。\n"
     "张某某强调，全体机关干部要奋勇争先、担当作为，狠抓落实。\n", "2023-01-20"),
    # the same in December: the year reviewed
    ("12月28日，某某镇召开机关干部总结大会，镇全体班子成员参加会议。\n"
     "会上，镇党委书记张某某总结回顾了2022年工作成果，对2023年各项工作进行了安排部署。\n"
     "张某某强调，全体机关干部要奋勇争先、担当作为，狠抓落实。\n", "2022-12-28"),
    # a page's posting date still wins
    ("某某镇召开2022年工作总结表彰会\n发布日期：2023-01-19\n1月16日，某某镇召开工作总结表彰会。" + REVIEW_BODY, "2023-01-16"),
    # a year's own meeting keeps its year
    ("某某县召开2023年组织工作会议\n3月9日，某某县召开2023年组织工作会议。" + REVIEW_BODY, "2023-03-09"),
])
def test_a_year_reviewed_is_not_the_meetings(tmp_path, text, date):
    assert _speech(tmp_path, text).date == date


RELAYED = ("传达学习全省组织工作会议精神。会议强调，全省各级党组织要抓好落实，省委要求全省上下统一思想，"
           "对标全省组织工作会议部署，推动全省组织工作高质量发展。")


@pytest.mark.parametrize("lead, level", [
    ("3月5日，城关乡党委召开党委扩大会议，", "乡"),
    ("3月5日，城关镇党委在镇政府会议室召开党委扩大会议，", "镇"),
    ("2024年2月24日上午，某某市某某区大黄集镇召开党委扩大会议，", "镇"),
    ("3月5日，某某市委组织部召开部务会议，", "市"),
    # a school's branch holds it: no level of its own, whatever province it relays
    ("9月14日上午，组织部党支部召开会议，", None),
])
def test_the_one_who_holds_the_meeting_gives_its_level(tmp_path, lead, level):
    assert _speech(tmp_path, lead + RELAYED + "某某出席会议并讲话。\n会议要求，要坚定信心、真抓实干。\n").level == level


REPORT = ("3月24日，2025年全县组织工作会议召开。会议传达学习了全市组织部长会议精神，安排部署了今年重点工作。县委常委、组织部部长张某某出席会议并讲话。\n"
          "张某某强调，要坚定信心、真抓实干，推动各项工作落地见效。\n")


@pytest.mark.parametrize("top, title", [
    ("奋进新征程！全县组织工作会议召开\n", "奋进新征程！全县组织工作会议召开"),
    ("凝心聚力谋发展 实干担当开新局！2025年全县组织工作会议召开\n", "凝心聚力谋发展 实干担当开新局！2025年全县组织工作会议召开"),
    # a place's name on top, the headline exclaiming over the page's posting line
    ("某某乡\n扬帆启航新征程 奋斗镌刻新篇章——某某县组织工作会议胜利召开！\n来源: 发布时间: 2025-03-25\n",
     "扬帆启航新征程奋斗镌刻新篇章——某某县组织工作会议胜利召开！"),
])
def test_a_headline_that_exclaims_is_the_title(tmp_path, top, title):
    speech = _speech(tmp_path, top + REPORT)
    assert (speech.title.replace(" ", ""), speech.title_derived) == (title.replace(" ", ""), False)
    assert speech.all_paragraphs()[0].text.startswith("3月24日")


@pytest.mark.parametrize("byline", [
    "某某日报记者 王某某",
    "某某县融媒体中心 王某某 李某某",
    "某某新闻网 2025年03月25日",
    "某某县委组织部 2025-03-25",
])
def test_a_reports_byline_on_top_is_no_title(tmp_path, byline):
    speech = _speech(tmp_path, byline + "\n" + REPORT)
    assert (speech.title_derived, speech.date, speech.level) == (True, "2025-03-24", "县")
    assert byline not in speech.title


def test_a_speakers_byline_under_a_title_stays_a_byline(tmp_path):
    speech = _speech(tmp_path, "在全县组织工作会议上的讲话\n县委书记 张明\n（2025年3月24日）\n同志们：\n今天我们召开全县组织工作会议。\n")
    assert (speech.title, speech.speaker, speech.speaker_role) == ("在全县组织工作会议上的讲话", "张明", "县委书记")


PIECE_BODY = ("同志们：\n今天，我结合学习体会，和大家交流三点认识。\n一、坚定理想信念\n理想信念是共产党人的精神之钙，我们要补足精神之钙。\n"
              "二、坚持从严治党\n全面从严治党永远在路上，我们要持之以恒抓好落实。\n")


@pytest.mark.parametrize("top, title, year", [
    # the site's blurb between the collection's name and the first piece's number and title
    ("2023年支部书记党课讲稿汇编4篇\n党支部书记是党的最基层组织的领头人，其作用十分重要。以下是小编整理的讲稿汇编，欢迎阅读。\n"
     "第1篇：2023年支部书记党课讲稿\n", "2023年支部书记党课讲稿", 2023),
    # the piece's title without the year the collection's name gives
    ("2022年党课讲稿汇编3篇\n党课是党员教育的重要形式，其作用十分重要。\n第1篇：支部书记党课讲稿\n", "支部书记党课讲稿", 2022),
])
def test_a_collections_blurb_and_name_are_no_speech(tmp_path, top, title, year):
    speech = _speech(tmp_path, top + PIECE_BODY)
    assert (speech.title, speech.year) == (title, year)
    assert speech.all_paragraphs()[0].text == "同志们："
    assert not any("汇编" in p.text or p.text.startswith("第1篇") for p in speech.all_paragraphs())


def test_a_pages_name_given_twice_over_the_texts_own_title_is_no_part_of_it(tmp_path):
    text = ("两学一做之尊崇党章的党课讲稿：党章是全党的灵魂，政治旗帜\n\n两学一做之尊崇党章的党课讲稿：党章是全党的灵魂，政治旗帜\n\n"
            "尊崇党章 做合格党员\n——在“两学一做”学习教育专题党课上的讲话\n" + PIECE_BODY)
    speech = _speech(tmp_path, text)
    assert (speech.title, speech.subtitle) == ("尊崇党章 做合格党员", "在“两学一做”学习教育专题党课上的讲话")
    assert "title-choice" in [item.code for item in speech.review]


@pytest.mark.parametrize("top, title", [
    ("精选范文：县委书记在全县组织工作会议上的讲话\n", "县委书记在全县组织工作会议上的讲话"),
    ("【基层党建】奋进新征程！全县组织工作会议召开\n", "奋进新征程！全县组织工作会议召开"),
])
def test_a_sites_label_on_the_title_goes_and_the_title_stays(tmp_path, top, title):
    body = REPORT if "召开" in top else PIECE_BODY
    speech = _speech(tmp_path, top + body)
    assert (speech.title, speech.title_derived) == (title, False)


def test_a_caption_that_says_a_clause_of_the_report_again_goes(tmp_path):
    caption = "县委常委、组织部部长张某某出席会议并讲话"  # a clause of the lead, word for word
    speech = _speech(tmp_path, REPORT.replace("\n", "\n" + caption + "\n", 1))
    assert [p.text for p in speech.all_paragraphs()] == [p for p in REPORT.splitlines() if p]
    assert any(r.text == caption and r.rule == "chrome-evidence" for r in speech.clean.removed)


def test_a_caption_with_a_stop_that_says_a_clauses_end_again_is_asked_about(tmp_path):
    caption = "张某某出席会议并讲话。"  # a sentence of its own too: kept, and a person is asked
    speech = _speech(tmp_path, REPORT.replace("\n", "\n" + caption + "\n", 1))
    assert [d.text for d in speech.clean.doubtful] == [caption]


def test_a_heading_its_paragraph_takes_up_stays(tmp_path):
    text = ("在全县组织工作会议上的讲话\n同志们：\n今天召开全县组织工作会议，我讲两点意见。\n坚持党建引领发展\n"
            "坚持党建引领发展，是我们多年来的经验，要一以贯之。\n突出抓好基层基础\n突出抓好基层基础，是组织工作的根本，要久久为功。\n")
    speech = _speech(tmp_path, text)
    assert not any(r.rule == "chrome-evidence" for r in speech.clean.removed)


@pytest.mark.parametrize("notice", ["---此处隐藏5422字,下载后查看---", "……此处隐藏1200字，下载全文请点击……"])
def test_a_paywall_notice_glued_to_a_paragraph_goes_whole(tmp_path, notice):
    text = ("在全县组织工作会议上的讲话\n同志们：\n今天，我们召开全县组织工作会议。下面，我讲两点意见。\n一、提高政治站位\n"
            f"各级党组织要把思想和行动统一到县委部署上来，切实增强责任感和使命感。{notice}\n二、突出工作重点\n要抓好干部队伍建设。\n")
    speech = _speech(tmp_path, text)
    paragraphs = [p.text for p in speech.all_paragraphs()]
    assert "各级党组织要把思想和行动统一到县委部署上来，切实增强责任感和使命感。" in paragraphs
    assert not any("下载" in p or "隐藏" in p or p.strip("-—…，,") == "" for p in paragraphs)
