"""Parts whose heads are run into their paragraphs with no number at all (ingest/parse.py `alike_lead_runs`): the
leads are told by their siblings — same place (a paragraph's start), same build, more than once, and no other
sentence of the text opening the same way. Fixtures are hand-written in the style of commentaries and 研讨发言 copied
from the web."""

from __future__ import annotations

import pytest

from build_kb.ingest.parse import parse
from build_kb.model import Line
from build_kb.pipeline import build_knowledge_base

from conftest import make_corpus
from test_fixes import follow, item_of

OPENING = "当前，全县上下正在深入开展主题教育，党员干部的精神面貌焕然一新。面对新任务新要求，广大党员干部要主动作为，以实际行动践行初心使命。"
BODY = [
    "我们党选人用人，第一条就是看是否对党忠诚。党员干部无论何时何地，都要把政治建设摆在首位，不断提高政治判断力、政治领悟力、政治执行力。",
    "沧桑百年，党始终把人民放在心中最高位置。党员干部要多到基层一线同群众交心谈心，为群众解决操心事、烦心事、揪心事。",
    "敢在白纸上画画，才能画出最新最美的图画。党员干部要主动学习新知识、掌握新本领，在急难险重任务中经受磨炼、增长才干。",
]
FILLER = "实践证明，只有把功夫下在平时，才能在关键时刻顶得上去。各单位要结合实际抓好落实，确保取得实效。"


def lines_of(text: str) -> list[Line]:
    return [Line(i, t.strip()) for i, t in enumerate(text.split("\n"), 1)]


def heads(text: str) -> list[tuple[str, str]]:
    parsed = parse(lines_of(text))
    return [(s.heading, s.style) for top in parsed.sections for s in top.walk() if s.kind == "body" and s.heading]


@pytest.mark.parametrize("leads", [
    # one opening, a clause with 、 in it: 争做…，要X、Y。
    ("争做新时代好干部，要政治过硬、恪守忠诚。", "争做新时代好干部，要俯首为民、夙夜在公。", "争做新时代好干部，要解放思想、增强本领。"),
    # two leads whose long opening no other sentence shares, a clause longer than a phrase
    ("做政治上的“明白人”，就必须坚定自己的理想信念和政治立场。", "做政治上的“明白人”，就必须严守党的政治纪律和政治规矩。"),
    # two leads written to one pattern, a quotation inside: the same length, the punctuation in the same places
    ("以“咬定青山不放松，立根原在破岩中”的定力，做理想信念的坚守者。", "以“千磨万击还坚劲，任尔东西南北风”的韧劲，做干事创业的实干家。"),
])
def test_leads_of_one_build_head_the_parts_of_a_text_that_numbers_none(leads):
    text = "\n".join(["争做新时代好干部", OPENING, *(lead + body for lead, body in zip(leads, BODY))])
    assert heads(text) == [(lead, "alike-leads") for lead in leads]


def test_the_parts_may_run_over_several_paragraphs_and_the_last_lead_may_be_cut_by_the_excerpt():
    leads = ("坚持政治引领，把牢正确方向。", "坚持人民至上，厚植为民情怀。", "坚持守正创新，激发奋进动力。")
    text = "\n".join(["党员干部要在新征程上勇挑重担", OPENING, leads[0] + BODY[0], FILLER, leads[1] + BODY[1], BODY[2], leads[2] + "敢在白纸上画"])
    parsed = parse(lines_of(text))
    assert [s.heading for s in parsed.sections if s.heading] == list(leads)
    assert [len(s.paragraphs) for s in parsed.sections if s.heading] == [2, 2, 1]


@pytest.mark.parametrize("paragraphs", [
    # the shared opening opens other sentences too: the writer's habit, not a series of heads
    ["要坚持把政治建设摆在首位，始终同党中央保持高度一致。" + BODY[0], "要坚持把人民放在心中最高位置，始终践行根本宗旨。" + BODY[1],
     FILLER + "要坚持把问题导向贯穿始终，推动各项整改任务落地见效。"],
    # alike in the opening only: one lead a phrase, the other three clauses
    ["我们要把工作干在实处才是真担当。" + BODY[0], "我们要把思想建设作为基石，思想高度重视，方法实际有效。" + BODY[1]],
    # a report's paragraphs: the points it reports, two alike
    ["4月18日，全县机关党建工作会议召开。" + FILLER, "要聚焦自我革命，夯实高质量发展根基。" + BODY[0], "要聚焦责任落实，压实高质量发展责任。" + BODY[1]],
    # a lead is a sentence said of someone (会议强调，…) or in the speaker's voice
    ["习近平总书记强调，要坚定理想信念。" + BODY[0], "习近平总书记强调，要增强斗争本领。" + BODY[1]],
])
def test_sentences_that_only_open_alike_are_no_heads(paragraphs):
    assert heads("\n".join(["党员干部要在新征程上勇挑重担", OPENING, *paragraphs])) == []


def test_numbered_headings_leave_the_leads_under_them_to_their_parts():
    text = "\n".join(["在全县组织工作会议上的讲话", "同志们：", OPENING, "一、提高政治站位",
                      "做政治上的“明白人”，就必须坚定自己的理想信念和政治立场。" + BODY[0],
                      "做政治上的“明白人”，就必须严守党的政治纪律和政治规矩。" + BODY[1], "二、压实工作责任", FILLER])
    assert heads(text) == [("一、提高政治站位", "cn-dun"), ("二、压实工作责任", "cn-dun")]


TWO_LEADS_ALIKE_IN_LITTLE = "\n".join([
    "党员干部要“牛”起来", OPENING,
    "甘当为民服务的孺子牛，心系群众、服务群众。" + BODY[1],
    FILLER,
    "甘当艰苦奋斗的老黄牛，埋头苦干、不畏艰难、任劳任怨。" + BODY[2],
])


def test_two_leads_alike_in_little_are_kept_as_text_and_sent_to_be_checked_with_one_fix_for_both(tmp_path):
    assert heads(TWO_LEADS_ALIKE_IN_LITTLE) == []
    corpus = make_corpus(tmp_path / "c", {"a.txt": TWO_LEADS_ALIKE_IN_LITTLE})
    item = item_of(corpus, "a.txt", "heading-like")
    assert item["line"] == 3 and "第 3 行开头的一句和第 5 行开头的一句写法相近" in item["message"]
    way = item["fixes"][1]
    assert way["yaml"] == "heading_lines: {3: 1, 5: 1}"
    follow(corpus, "a.txt", way)
    speech = build_knowledge_base(corpus).speeches[0]
    # the fix heads the parts with the leads alone: the paragraphs they ran into stay text under them
    assert [s.heading for s in speech.sections if s.heading] == ["甘当为民服务的孺子牛，心系群众、服务群众。", "甘当艰苦奋斗的老黄牛，埋头苦干、不畏艰难、任劳任怨。"]
    assert [p.text for p in speech.sections[-1].paragraphs] == [BODY[2]]
    assert not [r for r in speech.review if r.code == "heading-like"]


def test_clear_leads_are_published_and_listed_with_the_unnumbered_headings(tmp_path):
    leads = ("争做新时代好干部，要政治过硬、恪守忠诚。", "争做新时代好干部，要俯首为民、夙夜在公。")
    text = "\n".join(["争做新时代好干部", OPENING, *(lead + body for lead, body in zip(leads, BODY))])
    corpus = make_corpus(tmp_path / "c", {"a.txt": text})
    item = item_of(corpus, "a.txt", "unnumbered-headings")
    assert item["line"] == 3 and item["fixes"][1]["yaml"] == "heading_lines: {3: 1, 4: 1}"
