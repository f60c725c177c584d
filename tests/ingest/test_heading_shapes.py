"""Headings told by the shape of a series rather than by a number that starts at one (issue #32, round 9's classes):
ordinal words (首先， / 第二，), dash-led lines as a series, and a numbered series a page begins past its first.
Every fixture is hand-written; positives and negatives side by side."""

import pytest

from build_kb.ingest.clean import clean
from build_kb.ingest.parse import parse
from build_kb.model import Line

BODY = "这一点，各级党组织都要牢牢把握，切实抓紧抓好，确保各项任务落到实处、见到成效。"


def lines_of(text: str) -> list[Line]:
    return [Line(i, t.strip()) for i, t in enumerate(text.split("\n"), 1)]


def top_headings(text: str) -> list[str]:
    return [s.heading for s in parse(lines_of(text)).sections if s.kind == "body" and s.heading]


def all_headings(text: str) -> list[tuple[int, str]]:
    return [(s.level, s.heading) for top in parse(lines_of(text)).sections for s in top.walk() if s.kind == "body" and s.heading]


# --- ordinal words --------------------------------------------------------------------------------

OPENING = "同志们：\n今天我围绕党员的政治生日，同大家一起学习、交流几点认识。\n"


def test_shouxian_on_a_line_of_its_own_heads_a_part_when_its_second_follows():
    text = OPENING + f"首先，我们了解一下党员政治生日的由来\n{BODY}\n第二，我们讲一讲过好政治生日的意义\n{BODY}"
    assert top_headings(text) == ["首先，我们了解一下党员政治生日的由来", "第二，我们讲一讲过好政治生日的意义"]


def test_ordinal_words_in_order_head_their_paragraphs_by_their_short_leads():
    text = OPENING + f"首先，要提高政治站位。{BODY}\n其次，要严格组织生活。{BODY}\n最后，要强化责任落实。{BODY}"
    assert top_headings(text) == ["首先，要提高政治站位。", "其次，要严格组织生活。", "最后，要强化责任落实。"]


@pytest.mark.parametrize(
    "body",
    [
        # one ordinal word alone: a paragraph's adverb, whatever follows it
        f"首先，我们了解一下党员政治生日的由来\n{BODY}\n过好政治生日，要有仪式感。{BODY}",
        # inside a paragraph, not at its start
        f"做好这项工作，首先，要提高政治站位。其次，要严格组织生活。{BODY}\n{BODY}",
        # 首先要说明 (no comma: no ordinal), 第二天 (a day, not a point)
        f"首先要说明的是，这次活动很重要。{BODY}\n第二天，大家参观了纪念馆。{BODY}",
        # out of order: 其次 before 首先
        f"其次，要严格组织生活。{BODY}\n首先，要提高政治站位。{BODY}",
        # leads that are the paragraph's argument, not a phrase heading it
        f"首先，要提高政治站位，把学习贯彻放在首位，推动各项工作落地见效。{BODY}\n其次，要严格组织生活，认真落实三会一课制度，切实增强党内政治生活的政治性。{BODY}",
        # the speaker's own voice to the audience
        f"首先，我代表县委向大家表示感谢。{BODY}\n最后，希望大家珍惜这次机会。{BODY}",
    ],
)
def test_ordinal_words_alone_inside_paragraphs_or_out_of_order_head_nothing(body):
    assert top_headings(OPENING + body) == []


# --- dash-led lines as a series -------------------------------------------------------------------


def test_dash_led_lines_head_parts_as_a_series_even_short_or_ended_by_a_stop():
    text = f"同志们：\n讲话最难写的是开头，和大家交流几点体会。\n——第一，开宗明义\n{BODY}\n——第二，为啥要学\n{BODY}\n——第三，讲深讲透了。\n{BODY}"
    assert top_headings(text) == ["——第一，开宗明义", "——第二，为啥要学", "——第三，讲深讲透了。"]
    single = text.replace("——", "—")
    assert top_headings(single) == ["—第一，开宗明义", "—第二，为啥要学", "—第三，讲深讲透了。"]


@pytest.mark.parametrize(
    "body",
    [
        # a short dash-led line alone, and a single dash alone: no series
        f"——开宗明义\n{BODY}\n各项工作都要抓好。{BODY}",
        f"—开宗明义，讲清道理\n{BODY}\n各项工作都要抓好。{BODY}",
        # a quotation's source under the quotation
        f"“为官一任，造福一方。”\n——古人的告诫\n{BODY}\n“功成不必在我。”\n——前人的嘱托\n{BODY}",
        # a date range and a list of dash items with nothing under them
        f"—2019年至2023年\n{BODY}\n—2024年以来\n{BODY}",
        f"-学习党章党规\n-学习系列讲话\n-做合格党员\n{BODY}",
    ],
)
def test_dashes_of_quotations_dates_and_lists_head_nothing(body):
    assert top_headings("同志们：\n今天召开这次会议，很有必要。\n" + body) == []


# --- a numbered series the page begins past its first -----------------------------------------------


def test_a_numbered_series_that_begins_past_one_and_runs_on_heads_the_page():
    page2 = f"2、如何做到感动呢？\n我的经验是，小故事，大道理。{BODY}\n3、如何做到触动呢？\n就是要精准设计课程。{BODY}"
    assert top_headings(page2) == ["2、如何做到感动呢？", "3、如何做到触动呢？"]
    cn = f"党课要讲出味道。{BODY}\n（三）讲好身边的故事\n{BODY}\n（四）讲透背后的道理\n{BODY}"
    assert top_headings(cn) == ["（三）讲好身边的故事", "（四）讲透背后的道理"]


@pytest.mark.parametrize(
    "body",
    [
        # one such item alone
        f"3、如何做到触动呢？\n{BODY}",
        # the numbers do not run on (3 then 5)
        f"3、如何做到触动呢？\n{BODY}\n5、如何做到行动呢？\n{BODY}",
        # items with their sentences run in: points of the text, not headings standing clear
        f"2、要讲好故事，让党员受到教育。{BODY}\n3、要设计课程，让党员得到提高。{BODY}",
    ],
)
def test_a_series_past_one_needs_a_sibling_in_order_standing_clear(body):
    assert top_headings("党课要讲出味道。" + BODY + "\n" + body) == []


def test_a_numbered_list_under_a_heading_is_its_sub_level():
    text = f"一、讲好党课的体会\n{BODY}\n2、如何做到感动呢？\n{BODY}\n3、如何做到触动呢？\n{BODY}"
    assert all_headings(text) == [(1, "一、讲好党课的体会"), (2, "2、如何做到感动呢？"), (2, "3、如何做到触动呢？")]


def test_ordinal_words_under_a_numbered_part_are_its_paragraphs():
    text = f"一、提高政治站位\n{BODY}\n首先，要加强理论学习。{BODY}\n其次，要严格组织生活。{BODY}\n二、夯实基层基础\n{BODY}"
    assert all_headings(text) == [(1, "一、提高政治站位"), (1, "二、夯实基层基础")]


def test_an_ordinal_word_s_head_run_into_its_paragraph_after_a_space_is_parted_there_and_heads_it(rules):
    # the space is all that is left of the line break (as after 第一，X): parted, counted, and read by its siblings
    text = OPENING + f"首先，提高政治站位 {BODY}\n其次，严格组织生活 {BODY}\n最后，强化责任落实 {BODY}"
    cleaned = clean("在党员大会上的讲话\n" + text, rules)
    assert [s.heading for s in parse(cleaned.lines).sections if s.kind == "body" and s.heading] == ["首先，提高政治站位", "其次，严格组织生活", "最后，强化责任落实"]
    assert sum(x.pieces - 1 for x in cleaned.splits) == 3
    # words to the hearers after an ordinal word are a sentence with a stray space, not a head
    said = clean("在党员大会上的讲话\n" + OPENING + f"{BODY}\n最后，希望大家 珍惜这次学习机会。{BODY}", rules)
    assert said.splits == [] and [s.heading for s in parse(said.lines).sections if s.heading] == []


# --- headings inside a one-line page ----------------------------------------------------------------

INTRO = "今天我来到这里，和大家一起学习交流，谈谈自己的一些认识和体会。" * 5
ANNOUNCED = "我从“回顾初心，不忘根本；牢记初心，行稳致远；践行初心，履职尽责”三个方面，和大家作个交流。"
PART_ONE = "一、回顾初心，不忘根本“不忘初心”这个词，大意是只有坚守本心，才能善始善终。我们党的初心，就是为中国人民谋幸福。"


def one_line_headings(text: str, rules) -> tuple[list[str], int]:
    cleaned = clean("党课：初心易得 始终难守\n" + text, rules)
    return [s.heading for s in parse(cleaned.lines).sections if s.kind == "body" and s.heading], sum(x.pieces - 1 for x in cleaned.splits)


def test_a_one_line_page_is_parted_at_the_heading_its_opening_names_and_the_split_counted(rules):
    assert one_line_headings(INTRO + ANNOUNCED + PART_ONE, rules) == (["一、回顾初心，不忘根本"], 2)
    two = INTRO + ANNOUNCED + PART_ONE + "二、牢记初心，行稳致远初心易得，始终难守。我们要时时回望来时的路。"
    assert one_line_headings(two, rules)[0] == ["一、回顾初心，不忘根本", "二、牢记初心，行稳致远"]


@pytest.mark.parametrize(
    "text",
    [
        # 一、 once, no opening naming it: no evidence of a heading
        INTRO + "我讲几点体会，和大家作个交流。" + PART_ONE,
        # the opening names parts, but no numbered part in the line opens with a name it gave
        INTRO + ANNOUNCED + PART_ONE.replace("一、回顾初心，不忘根本", "一、回首来路"),
        # the name as the opening gives it, but no number before it: words of the text
        INTRO + ANNOUNCED + PART_ONE.replace("一、", "要"),
    ],
)
def test_a_one_line_page_with_one_number_and_no_named_part_stays_whole(text, rules):
    assert one_line_headings(text, rules) == ([], 0)


ITEM = "坚持党管人才原则，完善党委统一领导、组织部门牵头抓总的工作格局，建立人才工作目标责任制。"


def test_a_page_two_dump_heads_its_numbered_items_by_the_part_it_begins_with(rules):
    """Page 2 of a plan copied as one line: （五）X, a space, 1.…。 2.…。 3.…。 with only spaces between."""
    dump = f"（五）加强人才工作的组织领导 1.完善人才领导体制。{ITEM * 3} 2.营造人才发展的氛围。{ITEM * 3} 3.加强人才工作基础建设。{ITEM}"
    parsed = parse(clean(dump, rules).lines)
    assert [(s.level, s.heading) for top in parsed.sections for s in top.walk() if s.heading] == [
        (1, "（五）加强人才工作的组织领导"), (2, "1.完善人才领导体制。"), (2, "2.营造人才发展的氛围。"), (2, "3.加强人才工作基础建设。"),
    ]
    # a part's number on top with no numbered items under it: no evidence the page began past its first
    alone = f"（五）加强人才工作的组织领导\n{ITEM * 3}\n{ITEM * 2}"
    assert [s.heading for s in parse(clean(alone, rules).lines).sections if s.heading] == []
    # a number after a stop and a space that is no item's (。 2.5亿元…) parts nothing
    money = ITEM * 8 + " 2.5亿元的人才发展资金全部到位。" + ITEM * 2
    assert len(clean(money, rules).lines) == 1


def test_a_counted_first_point_run_into_its_text_heads_it_when_the_opening_counted_the_points():
    """和大家讲三句话 / 第一句，X。text — a page cut after the first of three: the count stands for its siblings."""
    said = f"同志们：\n借此机会，结合自身的体会，和大家讲三句话，与大家共勉。\n第一句，见常人之所共见。{BODY}"
    assert top_headings(said) == ["第一句，见常人之所共见。"]
    # no count said above it (or a count of other things): a sentence of the text
    assert top_headings(said.replace("和大家讲三句话", "和大家谈谈体会")) == []
    assert top_headings(said.replace("讲三句话", "讲三点意见")) == []


def test_qi_yi_qi_er_count_points_as_shouxian_does_and_questions_run_into_their_answers_head_them():
    assert top_headings(OPENING + f"其一，要提高政治站位。{BODY}\n其二，要严格组织生活。{BODY}") == ["其一，要提高政治站位。", "其二，要严格组织生活。"]
    assert top_headings(OPENING + f"其一，要提高政治站位。{BODY}\n{BODY}") == []
    asked = f"2、如何做到感动呢？我的经验是，小故事，大道理。{BODY}\n3、如何做到触动呢？就是要精准设计课程。{BODY}"
    assert top_headings(asked) == ["2、如何做到感动呢？", "3、如何做到触动呢？"]


# --- where the page is: the first number seen, an announcement above the first point (round 11's classes) ---------

def test_a_page_begun_inside_a_part_heads_the_next_part_it_reaches_and_its_points_go_under_it():
    """Page 2 of a speech: it begins at a point past the first (第三、 / 第二，) of a part whose heading page 1 had."""
    reached = f"第三、加强机关党建是优化发展环境的需要。{BODY}\n二、进一步改进机关作风，搞好三个服务\n{BODY}"
    assert all_headings(reached) == [(1, "二、进一步改进机关作风，搞好三个服务")]
    with_points = f"第二，要准确把握教育内容。{BODY}\n第三，要准确把握基本要求。{BODY}\n三、提高冬训工作的实效\n1、态度要端正。{BODY}\n2、组织要加强。{BODY}"
    assert all_headings(with_points) == [(1, "三、提高冬训工作的实效"), (2, "1、态度要端正。"), (2, "2、组织要加强。")]


@pytest.mark.parametrize(
    "first",
    [
        # the page begins at its first words: no evidence where it is
        f"机关党建是优化发展环境的需要。{BODY}",
        # it begins at a first point: it may be the speech's start
        f"第一，加强机关党建是优化发展环境的需要。{BODY}",
    ],
)
def test_a_lone_part_past_one_heads_nothing_on_a_page_that_may_begin_at_its_start(first):
    assert all_headings(f"{first}\n二、进一步改进机关作风\n{BODY}") == []


def test_a_part_past_one_with_its_sentence_run_in_stays_a_paragraph_even_on_a_page_begun_inside_a_part():
    assert all_headings(f"第三、加强机关党建是需要。{BODY}\n二、要进一步改进机关作风。{BODY}") == []


SAID = "同志们：\n每次开班式，我都来讲一讲。下面，我强调几点。\n"


def test_a_first_point_right_under_an_announcement_of_points_heads_its_text():
    """下面，我强调几点。 / 第一，X。text — a page cut after the first point: the announcement stands for its siblings."""
    assert top_headings(SAID + f"第一，筑牢理想信念根基。{BODY}") == ["第一，筑牢理想信念根基。"]
    # a count said with 就是 (归结起来就是四句话，即…) counts the points as 讲四句话 does
    counted = f"我想与大家交流一些思想，归结起来就是四句话，即说一句感谢，谈一个形势。\n第一句话，说一句衷心感谢，感谢各位老同志的关心支持。{BODY}"
    assert top_headings(counted) == ["第一句话，说一句衷心感谢，感谢各位老同志的关心支持。"]


@pytest.mark.parametrize(
    "text",
    [
        # no announcement right above: a point of the text
        SAID.replace("下面，我强调几点。", "大家很有收获。") + f"第一，筑牢理想信念根基。{BODY}",
        # a modal sentence said to the listeners is no heading's phrase
        SAID + f"第一，要摆上重要位置。{BODY}",
        # a lead of two clauses is a sentence of the text
        SAID + f"第一，理想信念很重要，要筑牢根基。{BODY}",
    ],
)
def test_a_first_point_alone_under_no_announcement_or_saying_a_sentence_heads_nothing(text):
    assert top_headings(text) == []


def test_a_long_numbered_heading_run_into_its_paragraph_with_a_space_ends_at_the_space(rules):
    """Two phrases of a report's top level (45 characters), a space, its paragraph: the space is the lost line break."""
    head = "一、深刻认识新形势对人事人才工作提出的新要求，进一步增强做好人事人才工作的责任感和紧迫感"
    headings, _ = one_line_headings(INTRO + " " + head + " 现在，我们已经进入新的发展阶段。" + BODY * 3, rules)
    assert headings == [head]


def test_an_item_cut_at_the_excerpts_end_unlike_its_run_in_siblings_is_a_paragraph():
    """第一，X。text / 第二，开展扫黑除恶专 — the excerpt ends in the second item's first words."""
    text = f"一、提高政治站位\n{BODY}\n第一，开展专项斗争，是解决问题的重大契机。{BODY}\n第二，开展扫黑除恶专"
    parsed = parse(lines_of(text))
    assert all_headings(text) == [(1, "一、提高政治站位"), (2, "第一，开展专项斗争，是解决问题的重大契机。")]
    assert [p.text for top in parsed.sections for s in top.walk() for p in s.paragraphs][-1] == "第二，开展扫黑除恶专"
    # siblings standing clear on their lines: the last one, alone at the end, is one of them
    clear = f"一、提高政治站位\n{BODY}\n第一，开展专项斗争\n{BODY}\n第二，夯实基层基础"
    assert all_headings(clear)[-1] == (2, "第二，夯实基层基础")


# --- a report's reported points ---------------------------------------------------------------------------------

REPORTED = "要将党建工作与队伍建设结合起来。通过抓思想政治教育提升队伍的素质。\n要将党建工作与审判业务结合起来。紧紧围绕增强审判技能开展党员教育。"


def test_two_alike_leads_in_a_news_report_are_its_reported_words_and_a_third_makes_them_a_series():
    report = "11月20日，某区法院党组组织召开党组扩大会议，研究部署党员学习教育工作。\n某某院长强调，要寻找机关党建与审判工作的结合点。\n"
    assert top_headings(report + REPORTED) == []
    third = "\n要将党建工作与作风建设结合起来。持续改进机关作风。"
    assert top_headings(report + REPORTED + third) == [line.split("。")[0] + "。" for line in (REPORTED + third).split("\n")]
    # the same two in a speech: a heading series, as before
    assert len(top_headings("同志们：\n今天开会，我讲几点意见。\n" + REPORTED)) == 2
