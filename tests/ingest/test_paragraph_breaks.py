"""Where a paragraph ends (issues 32/33): lines a browser, a <br> or a Word Enter broke inside a sentence are joined
again, a page's lines cut at its own width are joined, and a one-line page's pieces are parted where its paragraphs
ended — each join and split logged. Fixtures are hand-written in the style of such pages."""

import pytest

from build_kb.ingest.clean import clean
from build_kb.ingest.parse import parse
from conftest import one_speech

LEAD = "3月12日上午，全县基层党建工作推进会召开。县委书记王某某出席会议并讲话。县委副书记李某某主持会议。"
TALK = "王某某指出，过去一年全县各级党组织认真贯彻落实新时代党的建设总要求，基层党建工作取得明显成效。"
CLOSE = "王某某强调，要坚持把政治建设摆在首位，持续深化党建引领基层治理，推动基层党组织全面进步全面过硬。"


def texts(cleaned):
    return [line.text for line in cleaned.lines if line.text]


def joins(cleaned):
    return [(j.first, j.last) for j in cleaned.joins]


@pytest.mark.parametrize(("between", "joined"), [("\n", (3, 4)), ("\n\n", (5, 7))], ids=["a browser's break", "a Word paragraph"])
def test_a_line_broken_after_a_comma_goes_on_in_the_next_even_after_a_blank_line(rules, between, joined):
    page = between.join(["全县基层党建工作推进会召开", LEAD, "王某某指出，过去一年全县各级党组织认真贯彻落实新时代党的建设总要求，", "基层党建工作取得明显成效。", CLOSE]) + "\n"
    cleaned = clean(page, rules)
    assert texts(cleaned) == ["全县基层党建工作推进会召开", LEAD, TALK, CLOSE]
    assert joins(cleaned) == [joined]


def test_a_br_inside_a_sentence_parts_nothing_when_a_word_runs_across_it(rules):
    page = f"全县基层党建工作推进会召开\n{LEAD}\n王某某指出，过去一年全县各级党组织认真贯彻<br>落实新时代党的建设总要求，基层党建工作取得明显成效。\n{CLOSE}\n"
    cleaned = clean(page, rules)
    assert texts(cleaned) == ["全县基层党建工作推进会召开", LEAD, TALK, CLOSE]
    assert cleaned.normalised["markup-breaks"] == 1 and joins(cleaned) == [(3, 3)]


def test_a_br_after_a_heading_still_parts_it_from_its_paragraph(rules):
    page = f"全县基层党建工作推进会上的讲话\n同志们：\n{TALK}\n一、加强队伍建设<br>设立专项基金，用于支持基层党组织开展活动。\n"
    cleaned = clean(page, rules)
    assert texts(cleaned)[-2:] == ["一、加强队伍建设", "设立专项基金，用于支持基层党组织开展活动。"]
    assert joins(cleaned) == []


def test_lines_cut_at_the_pages_own_width_are_joined_though_they_hold_no_comma(rules):
    wrapped = [
        "会议要求各级党组织书记切实扛起抓基层党建第一责任",  # 24 wide, no comma: only its width says it goes on
        "人职责认真履行主体责任，亲自谋划亲自部署亲自推动",
        "确保各项任务落地见效。",
        "会议强调要坚持把政治建设摆在首位持续深化党建引领",
        "基层治理。",
    ]
    page = "\n".join(["全县基层党建工作推进会召开", LEAD, TALK, *wrapped, CLOSE]) + "\n"
    cleaned = clean(page, rules)
    assert texts(cleaned) == [
        "全县基层党建工作推进会召开", LEAD, TALK,
        "会议要求各级党组织书记切实扛起抓基层党建第一责任人职责认真履行主体责任，亲自谋划亲自部署亲自推动确保各项任务落地见效。",
        "会议强调要坚持把政治建设摆在首位持续深化党建引领基层治理。", CLOSE,
    ]
    assert joins(cleaned) == [(4, 6), (7, 8)]


def test_headline_lines_of_the_pages_width_with_no_mark_between_them_stay_apart(rules):
    wrapped = ["会议要求各级党组织书记切实扛起抓基层党建第一责任", "人职责认真履行主体责任，亲自谋划亲自部署亲自推动", "确保各项任务落地见效。", "会议强调要坚持把政治建设摆在首位持续深化党建引领", "基层治理。"]
    headline = ["某某在全省组织工作会议上强调坚持党建引领推动基层治", "把基层党组织建设成为坚强战斗堡垒推动高质量发展"]
    page = "\n".join([*headline, LEAD, *wrapped]) + "\n"
    cleaned = clean(page, rules)
    assert texts(cleaned)[:2] == headline
    assert joins(cleaned) == [(4, 6), (7, 8)]


def test_a_lone_opener_and_a_salutation_ending_on_a_comma_are_not_continued(rules):
    page = "\n".join(["在全县基层党建工作推进会上的讲话", "各位领导，", "同志们：", TALK, "首先，", CLOSE]) + "\n"
    cleaned = clean(page, rules)
    assert texts(cleaned) == ["在全县基层党建工作推进会上的讲话", "各位领导，", "同志们：", TALK, "首先，", CLOSE]
    assert joins(cleaned) == []


PART_ONE = "在革命战争时期，物质极度匮乏，资源十分有限，我们党始终把人民的安危冷暖放在心中。" * 3
PART_TWO = "在新中国建设初期，国家百废待兴，广大党员干部发扬艰苦奋斗的精神，带领群众战天斗地。" * 3


def test_a_one_line_pages_piece_cut_at_its_heading_is_still_parted_where_its_paragraphs_ended(rules):
    opening = "“七一”前夕，给全体党员干部讲一次党课，用这种方式纪念党的生日很有意义。这次党课的主题是铭记初心担使命。下面，我讲三个问题。"
    page = f"党课讲稿\n同志们：  {opening}  一、我们党的初心是什么   {PART_ONE}  {PART_TWO}\n"
    cleaned = clean(page, rules)
    assert texts(cleaned)[-3:] == ["一、我们党的初心是什么", PART_ONE, PART_TWO]
    assert len(PART_ONE + PART_TWO) < 300 < len(opening + PART_ONE + PART_TWO)  # the piece alone is a paragraph's length, the line is not
    parsed = parse(cleaned.lines)
    assert [len(s.paragraphs) for s in parsed.sections if s.heading] == [2]


def test_a_numbered_item_an_excerpt_cut_with_an_ellipsis_is_a_paragraph_not_a_heading(rules):
    page = "\n".join([
        "同志们：", "今天召开全市党建引领基层治理工作推进会，主要任务是总结工作、部署任务。下面，我讲几点意见。",
        "一、肯定成绩、正视不足，切实增强做好新时代党建引领基层治理工作的责任感",
        "基层治理是国家治理的基石。近年来，全市上下坚持党建引领，基层治理体系不断完善，治理能力持续提升。",
        "一是“主心骨”作用更加凸显，党在基层的领导核...",
    ]) + "\n"
    parsed = parse(clean(page, rules).lines)
    assert [s.heading for s in parsed.sections if s.heading] == ["一、肯定成绩、正视不足，切实增强做好新时代党建引领基层治理工作的责任感"]
    assert [p.text for p in parsed.sections[-1].paragraphs][-1] == "一是“主心骨”作用更加凸显，党在基层的领导核..."


def _wrapped(text: str, width: int = 30) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


OPENING = "今天，我们召开全县组织工作会议，主要任务是深入学习贯彻党的二十大精神，总结去年工作，部署今年任务。刚才，几位同志作了很好的发言，我完全同意。下面，我讲三点意见。"
POINT_ONE = "一是要提高政治站位。各级党组织要切实把思想和行动统一到中央和省委的决策部署上来，不断增强做好组织工作的责任感和使命感，以更高标准、更实举措推动各项工作落地见效。"
POINT_TWO = "二是要强化责任担当。各级党组织书记要切实履行第一责任人职责，亲自研究、亲自部署、亲自督促，确保各项任务落到实处，为全县经济社会发展提供坚强组织保证。"
POINT_THREE = "三是要改进工作作风。要大兴调查研究之风，深入基层、深入群众，及时发现和解决工作中存在的突出问题，切实减轻基层负担，让基层干部把更多精力用在抓落实上。"


def test_a_paywalls_notice_in_a_hard_wrapped_text_ends_the_paragraph_above_it_and_a_page_number_does_not(rules):
    lines = _wrapped(OPENING) + _wrapped(POINT_ONE)[:2] + ["- 2 -"] + _wrapped(POINT_ONE)[2:] + _wrapped(POINT_TWO)[:2] + ["剩余3页未读，继续阅读"] + _wrapped(POINT_THREE)[2:]
    cleaned = clean("在全县组织工作会议上的讲话\n同志们：\n" + "\n".join(lines) + "\n", rules)
    assert texts(cleaned)[2:] == [OPENING, POINT_ONE, "".join(_wrapped(POINT_TWO)[:2]), "".join(_wrapped(POINT_THREE)[2:])]
    assert sorted(r.rule for r in cleaned.removed) == ["download-prompt", "page-number"]


def test_a_numbered_items_line_cut_at_the_pages_width_goes_on_where_its_lead_ended_with_a_stop(rules):
    lines = [OPENING, *_wrapped(POINT_ONE), *_wrapped(POINT_TWO)[:2], POINT_THREE]  # too few cut lines for a wrapped text
    cleaned = clean("在全县组织工作会议上的讲话\n同志们：\n" + "\n".join(lines) + "\n", rules)
    assert texts(cleaned)[2:] == [OPENING, POINT_ONE, "".join(_wrapped(POINT_TWO)[:2]), POINT_THREE]


def _indent_lost(text: str, width: int = 21) -> list[str]:
    """A paragraph of a hard-wrapped text whose first line lost its two-character indent: two characters short."""
    return [text[: width - 2]] + [text[i : i + width] for i in range(width - 2, len(text), width)]


def test_a_numbered_items_first_line_short_by_its_lost_indent_goes_on_when_text_follows_its_stopped_lead(rules):
    """第一，…的班长。村支 / 书既是兵头又是将尾… — the item's text starts on its first line, a word's half: the line goes on."""
    opening = "根据中央和省委有关要求，县委每年对村党支部书记开展为期七天的集中培训，这次培训是换届后进行的第一次集中培训，今天我就如何当好村支部书记和大家交流三个方面的问题。"
    item = "第一，村党支部书记是委员会的班长。村支书既是兵头又是将尾，俗话说兵熊熊一个将熊熊一窝，关键要有一个好的带头人，这是大家公认的道理，也是我们多年实践得出的经验。"
    second = "第二，支书是各项工作的领头人。一个村就是一个小社会，领导这个小社会的核心是党支部，没有一个坚强有力的党支部，就没有乡村振兴的顺利推进。"
    cleaned = clean("在全县村党组织书记培训班上的讲话\n" + "\n".join(_indent_lost(opening) + _indent_lost(item) + _indent_lost(second)) + "\n", rules)
    assert texts(cleaned)[1:] == [opening, item, second]


@pytest.mark.parametrize(("last", "kept"), [
    ("一是基层组织是党执政的根基。村级组织强不强，直接关系群众对党的信任。", True),
    ("", False),
], ids=["a sentence introducing the paragraph under it", "a footer's label after the last sentence"])
def test_a_sentence_ending_on_a_colon_stays_with_its_paragraph_when_a_paragraph_follows(rules, last, kept):
    # …摆在突出位置？主要有以下考虑： over 一是…: the colon introduces the paragraph below, it is no footer's label waiting for
    # its value; at the page's very end (…全面过硬。责任编辑：) it is parted off for the rules and the evidence to judge.
    glued = f"{CLOSE}为什么要把基层组织建设摆在突出位置？主要有以下考虑：" if kept else f"{CLOSE}责任编辑："
    page = "\n".join(["全县基层党建工作推进会召开", LEAD, TALK, glued, *([last] if last else [])]) + "\n"
    cleaned = clean(page, rules)
    assert (glued in texts(cleaned)) is kept
    assert [s.line for s in cleaned.splits] == ([] if kept else [4])


def test_a_line_that_lost_its_stop_over_a_sentence_opening_with_a_named_person_is_not_joined(rules):
    # A report that breaks its paragraphs by line, one of them without its 。: the line below opens with posts and a
    # name, the next sentence's subject.
    lost = "会上，各村党组织书记围绕上半年重点任务推进情况、存在的短板逐一作了述职汇报"
    named = "镇党委副书记、镇长王某某通报了上半年党建考核情况，对下半年重点工作作了安排。"
    cleaned = clean("\n".join(["全县基层党建工作推进会召开", LEAD, lost, named, CLOSE]) + "\n", rules)
    assert texts(cleaned) == ["全县基层党建工作推进会召开", LEAD, lost, named, CLOSE] and joins(cleaned) == []
