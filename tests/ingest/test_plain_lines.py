"""Heading lines without a number (ingest/plain_lines.py): a short line judged by its shape against the
paragraphs around it, its siblings and its place. Fixtures are hand-written in the style of web copies."""

import doctest
from pathlib import Path

import pytest

from build_kb.ingest import plain_lines
from build_kb.ingest.parse import parse
from build_kb.model import Line, SourceFile

# Body paragraphs, long as a speech's are (each ends as a sentence).
P1 = "今年以来，全镇各级党组织认真落实县委部署，把学习教育同推动中心工作结合起来，一批群众关心的难题得到解决，党员干部的精气神明显提振。"
P2 = "实践证明，党课讲得好不好，关键看能不能把道理讲透、把故事讲活，让党员听得进、记得住、用得上，真正在思想上受到触动、在行动上有所改进。"
P3 = "各支部要结合实际制定计划，明确时间节点和责任人，做到学习有记录、讨论有发言、整改有台账，切实防止走过场、搞形式，确保各项要求落到实处。"
P4 = "大家要把这次活动作为锤炼党性的重要机会，以更加饱满的热情投入工作，以实实在在的成效回应群众期待，为全镇高质量发展贡献智慧和力量。"


def lines_of(text: str) -> list[Line]:
    return [Line(i, t.strip()) for i, t in enumerate(text.split("\n"), 1)]


def headings(text: str) -> list[tuple[str, str]]:
    parsed = parse(lines_of(text))
    return [(s.heading, s.style) for top in parsed.sections for s in top.walk() if s.kind == "body" and s.heading]


def test_docstring_examples_hold():
    assert doctest.testmod(plain_lines).failed == 0


@pytest.mark.parametrize("heads", [
    ("学习背景", "学习要求", "学习成效"),  # short lines opening alike
    ("目标：把支部建成坚强堡垒", "路径：让党员成为一面旗帜", "保障：把制度落到每个环节"),  # one pattern, a colon inside
    ("坚持党建引领", "聚焦主责主业"),  # each opens with a verb, one length (three or more: the `plain` reader's)
])
def test_short_lines_of_one_form_between_paragraphs_head_a_text_that_numbers_none(heads):
    body = [P1, heads[0], P2, heads[1], P3, *heads[2:], P4]
    text = "\n".join(["某某镇党员冬训动员会讲话稿", *body])
    assert headings(text) == [(h, "plain-line") for h in heads]


def test_the_title_does_not_swallow_the_first_heading_line_its_siblings_speak_for():
    # a short quotation under the first: its siblings speak for it, though a word alone would not
    text = "\n".join(["有一种担当，叫“守土有责”", "党课背景", "“为官避事平生耻。”担当，就是守土尽责。", P1, "党课开讲", P3, P4])
    parsed = parse(lines_of(text))
    assert parsed.header.title == "有一种担当，叫“守土有责”"
    assert headings(text) == [("党课背景", "plain-line"), ("党课开讲", "plain-line")]


def test_one_short_phrase_between_long_paragraphs_is_a_heading_on_its_own():
    text = "\n".join(["老支书的一天", P1, P2, "把党课讲到群众心坎上", P3, P4])
    assert headings(text) == [("把党课讲到群众心坎上", "plain-line")]


def test_a_question_between_long_paragraphs_is_a_heading_to_check():
    text = "\n".join(["某某论党性修养", P1, "什么是党员的本色？", P2, P3])
    assert headings(text) == [("什么是党员的本色？", "plain-line?")]


def test_middling_lines_are_kept_as_paragraphs_and_sent_to_review_with_their_fix(rules):
    from build_kb.fixes import choices
    from build_kb.pipeline import make_speech

    # a clause (了) under a short paragraph: it may head what follows, a person decides
    text = "\n".join(["村支书谈学习体会", P1, "有位支书说，这次收获很大。", "培训最大的收获是开阔了眼界", P2, P3])
    source = SourceFile(path=Path("x.txt"), rel_path="x.txt", encoding="utf-8", sha256="", raw=text.encode(), text=text)
    speech = make_speech(source, rules, None, [])
    assert not [s for s in speech.all_sections() if s.heading]
    items = [r for r in speech.review if r.code == "heading-like"]
    assert [(r.line, r.message) for r in items] == [
        (4, "第 4 行单独成行、比前后的段落短得多，像没有编号的小标题，现作为正文：培训最大的收获是开阔了眼界")
    ]
    assert [c.yaml for c in choices(items[0], speech, None)] == ["reviewed: [heading-like@4]", "heading_lines: {4: 1}"]


def test_headings_to_check_are_listed_on_the_review_page(rules):
    from build_kb.pipeline import make_speech

    text = "\n".join(["某某论党性修养", P1, "什么是党员的本色？", P2, P3])
    source = SourceFile(path=Path("x.txt"), rel_path="x.txt", encoding="utf-8", sha256="", raw=text.encode(), text=text)
    speech = make_speech(source, rules, None, [])
    assert [(r.code, r.line) for r in speech.review if r.code in ("unnumbered-headings", "heading-like")] == [("unnumbered-headings", 3)]


@pytest.mark.parametrize("case, lines", [
    # a line inside a hard-wrapped paragraph: the line above runs on
    ("wrapped", [P1, "各支部要结合实际制定计划，明确时间节点和责任人，做到学习有记录、讨论有发言，", "整改有台账", P3, P4]),
    # a poem or a list, one short line under another
    ("poem", [P1, "雄关漫道真如铁", "而今迈步从头越", "从头越", "苍山如海", P2, P3]),
    # the signature under the text
    ("signature", [P1, P2, P3, "中共某某镇委员会", "2024年3月1日"]),
    # a short quoted slogan inside the body
    ("slogan", [P1, "“不忘初心、牢记使命”", P2, P3]),
    # a verse quoted on a line of its own
    ("verse", [P1, "千磨万击还坚劲，任尔东西南北风", P2, P3]),
    # what a colon announces
    ("announced", [P1, "老党员王某某动情地说：", "跟党走一辈子不后悔", P2, P3]),
    # a site's words, a note, a line with a number
    ("chrome", [P1, "点击下载完整版", P2, "（完）", P3, "2024年工作打算", P4]),
    # two lines of a verse over a paragraph: one length, no heading over a sub-heading
    ("couplet", [P1, "雄关漫道真如铁", "而今迈步从头越", P2, P3]),
    # a line the text gives again and again: a printed page's running head between paragraphs
    ("running head", [P1, "党建研究论丛", P2, "党建研究论丛", P3, "党建研究论丛", P4]),
    # a line that counts: the ordinal readers' to judge by its numbering
    ("ordinal", [P1, "第一种 基于令牌的认证方式", P2, P3]),
    # the speaker's own voice on a line of its own: a sentence of the talk
    ("voice", [P1, "我就讲这么几句吧", P2, P3]),
])
def test_lines_that_are_no_headings(case, lines):
    assert headings("\n".join(["某某镇党员冬训动员会讲话稿", *lines])) == [], case


def test_a_text_of_one_short_sentence_a_line_has_no_heading_lines():
    short = ["大家好，今天我们一起学习。", "先看一段视频。", "视频讲的是老支书的故事。", "学习体会", "他一辈子扎根山村。", "群众都很敬重他。", "我们要向他学习。"]
    assert headings("\n".join(["学习记录", *short])) == []


def test_a_text_with_numbered_headings_keeps_them_and_its_short_lines_stay_text():
    text = "\n".join(["某某镇党员冬训动员会讲话稿", "一、提高思想认识", P1, "学习成效", P2, "二、抓好工作落实", P3])
    assert headings(text) == [("一、提高思想认识", "cn-dun"), ("二、抓好工作落实", "cn-dun")]


def test_a_note_in_brackets_between_the_paragraph_and_the_line_is_passed_over():
    # a site boxes the title again above the text's first part
    text = "\n".join(["【党课讲稿】守土有责", P1, "【党课讲稿】守土有责", "牢记入党誓词，践行初心使命", P2, P3])
    assert headings(text) == [("牢记入党誓词，践行初心使命", "plain-line")]


def test_a_heading_line_right_over_another_is_a_part_over_its_first_sub_heading():
    # a journal's layout: the part's heading, its first sub-heading, then the text
    text = "\n".join(["摘要：" + P1, "支部建设的基本经验", "坚持把支部建在连队上的根本原则", P2, P3])
    parsed = parse(lines_of(text))
    assert [(s.level, s.heading) for top in parsed.sections for s in top.walk() if s.heading] == [
        (1, "支部建设的基本经验"), (2, "坚持把支部建在连队上的根本原则"),
    ]
