"""A page that came as one long line (a 范文 site's text, a mirror): its paragraphs parted by nothing but a
space (`layout.split_dumped_paragraphs`). Fixtures are written here in the style of such pages."""

import doctest

from build_kb.ingest import layout
from build_kb.ingest.clean import clean
from build_kb.ingest.parse import parse

INTRO = "人才是第一资源，创新是第一动力。各地竞相出台引才政策，人才工作的氛围日益浓厚。如何引得进、留得住，是摆在我们面前的一道必答题。"
PART_ONE = (
    "培养人才，要打牢“教育”的基础。人才的成长离不开持续的教育培训，要完善分层分类的培训体系，让各类人才在实践中增长才干，"
    "在岗位上建功立业，不断提升本领。要建好用好各类培训阵地，把课堂办到项目现场和田间地头。要把年轻干部放到基层一线、艰苦地区和吃劲岗位上去历练，让他们经风雨、见世面、壮筋骨。"
)
PART_TWO = (
    "留住人才，要营造“服务”的环境。要主动了解人才在工作和生活中遇到的实际困难，及时帮助协调解决，做到政治上关心、工作上支持、"
    "生活上照顾，让人才安心扎根。对作出突出贡献的，要在评先评优、职称评定等方面给予倾斜，让干事者有舞台、有盼头。"
)
OTHERS = [
    "全市各级党组织要把人才工作摆在突出位置，一把手要亲自抓、负总责。",
    "组织部门要发挥牵头抓总作用，会同有关部门研究解决人才工作中的重大问题。",
    "各县区要结合实际，制定具体的落实方案，确保各项措施落地见效。",
    "要加强督促检查，对工作推进不力的单位及时通报，限期整改。",
]


def test_layout_doctests_run():
    assert doctest.testmod(layout).failed == 0


def texts(cleaned):
    return [line.text for line in cleaned.lines if line.text]


def test_a_one_line_commentary_is_parted_at_the_spaces_after_its_sentences_and_its_run_in_heads_head_parts(rules):
    page = f"{INTRO} {PART_ONE} {PART_TWO}\n"
    cleaned = clean(page, rules)
    assert texts(cleaned) == [INTRO, PART_ONE, PART_TWO]
    assert [(s.line, s.pieces) for s in cleaned.splits] == [(1, 3)]
    parsed = parse(cleaned.lines)
    assert [s.heading for s in parsed.sections if s.heading] == ["培养人才，要打牢“教育”的基础。", "留住人才，要营造“服务”的环境。"]


def test_a_writers_credit_after_the_stop_stays_with_its_paragraph(rules):
    page = f"{INTRO} {PART_ONE}（某某） {PART_TWO}\n"
    assert texts(clean(page, rules)) == [INTRO, PART_ONE + "（某某）", PART_TWO]


def test_one_space_after_a_stop_in_one_long_paragraph_among_many_is_a_typing_slip_and_stays(rules):
    page = "\n".join([INTRO, PART_ONE + " " + PART_TWO, *OTHERS]) + "\n"
    cleaned = clean(page, rules)
    assert cleaned.splits == []
    assert PART_ONE + PART_TWO in texts(cleaned)


def test_a_text_layer_wrapped_at_a_width_is_not_parted_at_a_wrap_that_fell_after_a_stop(rules):
    wrapped = (
        "根据中央和省委的工作部署，今年三季 度全县乡镇党委将集中进行换届，这次 换届后的乡镇党委执行五年任期。 县委对这次换届工作 "
        "高度重视，作了专题研究，下发了做 好换届工作的通知。县委今天召开这 次会议的主要任务，就是贯彻落实省 委和市委关于换届工作部署的精神。 "
        "下面，我根据县委常委会研究的意 见，强调三个问题。希望大家认真领 会，抓好落实，确保换届工作健康顺 利推进，为全县发展奠定坚实基础。"
    )
    cleaned = clean(wrapped + "\n", rules)
    assert cleaned.splits == [] and len(texts(cleaned)) == 1


def test_a_numbered_heading_run_into_its_paragraph_with_a_space_becomes_the_heading_over_it(rules):
    page = (
        "在全市基层党务干部培训班上的讲话\n同志们：\n今天，我们举办全市基层党务干部培训班。\n"
        "一、提高认识，增强抓好基层组织建设的责任感 基层党组织是党的全部工作和战斗力的基础。我们要把基层组织建设抓实抓细。\n"
        "二、突出重点，推动基层组织全面进步过硬 今年要重点抓好三项工作。\n"
    )
    cleaned = clean(page, rules)
    assert [(s.line, s.pieces) for s in cleaned.splits] == [(4, 2), (5, 2)]
    parsed = parse(cleaned.lines)
    top = [s for s in parsed.sections if s.heading]
    assert [s.heading for s in top] == ["一、提高认识，增强抓好基层组织建设的责任感", "二、突出重点，推动基层组织全面进步过硬"]
    assert [p.text for p in top[0].paragraphs] == ["基层党组织是党的全部工作和战斗力的基础。我们要把基层组织建设抓实抓细。"]


def test_a_heading_with_a_space_inside_it_is_parted_only_at_the_space_before_its_paragraph(rules):
    page = "一、坚持党建引领 推动高质量发展 全市各级党组织要把抓发展作为第一要务，持续用力。\n二、聚焦主责主业 建强干部队伍\n要把好选人用人关。\n"
    assert texts(clean(page, rules))[:2] == ["一、坚持党建引领 推动高质量发展", "全市各级党组织要把抓发展作为第一要务，持续用力。"]


def test_the_first_point_after_the_opening_and_a_space_starts_its_own_section(rules):
    page = (
        "党课讲稿\n同志们：\n今天，我围绕坚定理想信念同大家作个交流，主要讲两个方面的问题： 第一，深刻理解坚定理想信念的重要意义。\n"
        "理想信念是共产党人精神上的“钙”。\n第二，准确把握坚定理想信念的实践要求。\n要把理想信念落实到本职工作中。\n"
    )
    cleaned = clean(page, rules)
    assert [(s.line, s.pieces) for s in cleaned.splits] == [(3, 2)]
    parsed = parse(cleaned.lines)
    assert [s.heading for s in parsed.sections if s.heading] == ["第一，深刻理解坚定理想信念的重要意义。", "第二，准确把握坚定理想信念的实践要求。"]


def test_the_first_point_run_into_the_openings_last_sentence_starts_its_section_when_the_second_stands_alone(rules):
    page = (
        "在全县组织工作会议上的讲话\n同志们：\n今天的会议很重要，我讲两点意见。第一，提高政治站位。全县各级党组织要把政治建设摆在首位。\n"
        "第二，夯实基层基础。要持续整顿软弱涣散基层党组织。\n"
    )
    cleaned = clean(page, rules)
    assert [(s.line, s.pieces) for s in cleaned.splits] == [(3, 2)]
    parsed = parse(cleaned.lines)
    assert [s.heading for s in parsed.sections if s.heading] == ["第一，提高政治站位。", "第二，夯实基层基础。"]
    # the points of one paragraph (一是…；二是…。) stay where they are, whatever follows
    inline = page.replace("第一，提高政治站位。", "一是提高站位；二是夯实基础。第一，提高政治站位。", 1).replace("第二，夯实基层基础。", "二是抓好落实。", 1)
    assert [(s.line, s.pieces) for s in clean(inline, rules).splits] == []
