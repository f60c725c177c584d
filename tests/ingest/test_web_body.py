"""A web page's body (issue #32, round 14's body classes, given in words only): headings without a number (a short
关于+topic line, an ordinal word and the word it counts, a symbol a one-line page sets before each heading).
Every fixture is hand-written in several styles; near-misses that must not be taken stand beside them."""


import pytest

from build_kb.ingest import clean as clean_module, layout, parse as parse_module, plain_lines
from build_kb.ingest.clean import clean
from build_kb.ingest.parse import parse
from build_kb.model import Line

from conftest import failed_examples


def lines_of(text: str) -> list[Line]:
    return [Line(i, t.strip()) for i, t in enumerate(text.strip("\n").split("\n"), 1)]


def headings(text: str) -> list[tuple[int, str, str]]:
    return [(s.level, s.style, s.heading) for top in parse(lines_of(text)).sections for s in top.walk() if s.kind == "body" and s.heading]


@pytest.mark.parametrize("function", [
    parse_module.topic_line, layout.marked_head_points, plain_lines.fields_of_a_list, layout.phrases_apart, clean_module._before_a_labelled_list, clean_module._retells_as_a_report,
])
def test_the_readers_examples_hold(function):
    assert failed_examples(function, vars(parse_module) | vars(layout) | vars(plain_lines) | vars(clean_module)) == 0


# --- 关于+topic lines -----------------------------------------------------------------------------------

TALK_A = "理想信念是共产党人的精神之钙，年轻干部要把坚定理想信念作为安身立命的根本，在学思践悟中不断筑牢信仰之基。"
TALK_B = "年轻干部正处在干事创业的黄金时期，要敢于到基层一线、到艰苦地区去经受锻炼，在急难险重任务中增长才干。"
TALK_C = "廉洁是干部的立身之本，年轻干部要守住底线、不越红线，管好自己的生活圈、交往圈、朋友圈，干干净净做事。"


def test_short_topic_lines_head_the_parts_of_a_talk():
    text = f"""在全县年轻干部座谈会上的讲话
同志们：
今天召集大家开个座谈会，主要是谈谈年轻干部成长的几个问题。
关于理想信念
{TALK_A}
关于担当作为
{TALK_B}
关于廉洁自律
{TALK_C}
"""
    assert headings(text) == [(1, "topic", "关于理想信念"), (1, "topic", "关于担当作为"), (1, "topic", "关于廉洁自律")]


def test_two_topic_lines_of_four_characters_under_a_count_head_the_parts():
    text = f"""在机关党建工作会议上的讲话
同志们：
刚才，几位同志作了很好的发言，我都赞成。下面，我就机关党建工作讲两个问题。
关于学习
{TALK_A}
关于作风
{TALK_B}
谢谢大家。
"""
    assert headings(text) == [(1, "topic", "关于学习"), (1, "topic", "关于作风")]


def test_topic_lines_inside_a_numbered_part_are_its_sub_headings():
    text = f"""在全市组织工作会议上的讲话
同志们：
这次会议的主要任务是总结去年工作，部署今年任务。
一、充分肯定过去一年的工作成绩
{TALK_A}
二、突出重点抓好今年的各项任务
今年的组织工作任务很重，要突出抓好以下几个方面的工作。
关于干部工作
{TALK_B}
关于“三会一课”制度
{TALK_C}
三、加强组织部门自身建设
{TALK_A}
"""
    assert headings(text) == [
        (1, "cn-dun", "一、充分肯定过去一年的工作成绩"), (1, "cn-dun", "二、突出重点抓好今年的各项任务"),
        (2, "topic", "关于干部工作"), (2, "topic", "关于“三会一课”制度"), (1, "cn-dun", "三、加强组织部门自身建设"),
    ]


def test_topic_lines_over_numbered_points_head_the_text():
    text = f"""在全镇党建工作会议上的讲话
同志们：
下面，我讲两个方面的意见。
关于基层组织建设
一、持续整顿软弱涣散村党组织
{TALK_A}
二、选优配强村党组织书记
{TALK_B}
关于党员队伍建设
一、严格党员发展程序
{TALK_C}
二、加强流动党员管理
{TALK_A}
"""
    found = headings(text)
    assert [(level, heading) for level, _, heading in found] == [
        (1, "关于基层组织建设"), (2, "一、持续整顿软弱涣散村党组织"), (2, "二、选优配强村党组织书记"),
        (1, "关于党员队伍建设"), (2, "一、严格党员发展程序"), (2, "二、加强流动党员管理"),
    ]


@pytest.mark.parametrize("lines", [
    ["关于这个问题", TALK_A, "关于那个问题", TALK_B],  # points back into the talk, names no topic
    ["关于加强基层党建工作的意见", TALK_A, "关于做好村级组织换届工作的通知", TALK_B],  # documents' titles
    ["关于学习", TALK_A, TALK_B],  # one alone, no words above that say points follow
    [TALK_A + "关于学习", TALK_B, "关于作风", TALK_C],  # in a sentence, not on a line of its own
], ids=["refers-back", "documents", "one-alone", "inside-a-sentence"])
def test_what_no_topic_line_is(lines):
    text = "在全县党建工作会议上的讲话\n同志们：\n今天召开这次会议，主要是总结工作、部署任务。\n" + "\n".join(lines) + "\n"
    assert not [h for h in headings(text) if h[1] == "topic"]


# --- ordinal words and the word they count ----------------------------------------------------------

def test_an_ordinal_and_the_word_it_counts_heads_each_part():
    text = f"""在新任职干部培训班开班式上的讲话
同志们：
借此机会，我给大家送上三个关键词，与大家共勉。
第一个关键词：忠诚
{TALK_A}
第二个关键词：担当
{TALK_B}
第三个关键词：清廉
{TALK_C}
"""
    assert headings(text) == [(1, "cn-counted", "第一个关键词：忠诚"), (1, "cn-counted", "第二个关键词：担当"), (1, "cn-counted", "第三个关键词：清廉")]


def test_an_ordinal_word_run_into_its_text_heads_it_when_the_opening_counted_the_word():
    text = f"""在青年干部座谈会上的讲话
同志们：
今天和大家分享两个字，与大家共勉。
第一个字：实。{TALK_A}
"""
    assert headings(text) == [(1, "cn-counted", "第一个字：实。")]
    text = f"""在青年干部座谈会上的讲话
同志们：
今天和青年干部们见面，很高兴。
第一个感受：很受鼓舞。{TALK_A}
"""
    assert headings(text) == []  # nothing counted it, no second follows: the paragraph's words


@pytest.mark.parametrize("line", ["第一个月：熟悉岗位职责", "第一个要求是：政治过硬"], ids=["a-time", "a-clause"])
def test_an_ordinal_that_counts_a_time_or_opens_a_clause_is_no_counted_heading(line):
    assert parse_module.detect_numbered(line) is None or parse_module.detect_numbered(line).style != "cn-counted"


# --- a symbol before each heading of a one-line page ----------------------------------------------

ONE_LINE = (
    "在全縣黨建工作會議上的講話 同志們：今天我們召開全縣黨建工作會議，主要任務是總結去年工作，部署今年任務。"
    "{m}堅持政治引領，築牢思想根基 一年來，全縣各級黨組織堅持把政治建設擺在首位，深入開展主題教育，廣大黨員幹部的政治判斷力、政治領悟力不斷提升。"
    "{m}堅持固本強基，建強戰鬥堡壘 我們以提升組織力為重點，持續整頓軟弱渙散基層黨組織，選優配強村黨組織書記，基層黨組織的凝聚力戰鬥力明顯增強。"
    "{m}堅持從嚴管理，鍛造過硬隊伍 我們堅持嚴管和厚愛結合，完善幹部考核評價機制，大力選拔敢於擔當、實績突出的幹部，幹部隊伍的精氣神進一步提振。"
    "同志們，新的一年任務艱巨，讓我們團結一心，真抓實幹，奮力開創全縣黨建工作新局面。\n"
)


@pytest.mark.parametrize("mark", ["▲", "◆ ", "■"])
def test_a_one_line_page_parts_at_the_symbol_it_sets_before_each_heading(rules, mark):
    cleaned = clean(ONE_LINE.format(m=mark), rules)
    parsed = parse(cleaned.lines)
    assert [(s.style, s.heading) for s in parsed.sections if s.kind == "body"] == [
        ("bullet", "坚持政治引领，筑牢思想根基"), ("bullet", "坚持固本强基，建强战斗堡垒"), ("bullet", "坚持从严管理，锻造过硬队伍"),
    ]
    assert sum(s.pieces for s in cleaned.splits) == 10  # title, salutation, opening, three heads and their paragraphs, closing


def test_a_symbol_once_or_inside_a_sentence_parts_no_one_line_page(rules):
    page = ONE_LINE.format(m="").replace("築牢思想根基 ", "築牢思想根基，").replace("建強戰鬥堡壘 ", "建強戰鬥堡壘，")
    page = page.replace("一年來，", "▲一年來，", 1).replace("明顯增強", "明顯增強▲號")
    cleaned = clean(page, rules)
    assert not any(line.text.startswith("▲") for line in cleaned.lines)
    assert [s.style for s in parse(cleaned.lines).sections if s.style == "bullet"] == []


# --- "题目：…" lines of the speakers a report lists ----------------------------------------------------

REPORT = "5月4日下午，县委组织部举办青年干部读书分享会，来自全县各单位的40余名青年干部参加活动。\n分享会上，青年干部代表结合自身工作经历作交流分享。\n"
SAID = [
    "县发改局王某某讲述了自己在重点项目建设一线蹲点的经历，他说，只有俯下身子、沉到一线，才能真正了解群众所思所盼。",
    "某某镇张某某结合乡村振兴工作实际，分享了自己驻村两年来的收获和体会，表示将继续扎根基层、服务群众。",
    "县教育局赵某某讲述了自己从一名普通教师成长为教育管理干部的心路历程，勉励青年干部坚定理想、脚踏实地。",
]


@pytest.mark.parametrize("labels", [
    ["题目：《在项目一线淬炼本领》", "题目：《扎根基层写青春》", "题目：《做新时代的追梦人》"],
    ["主题：在项目一线淬炼本领", "主题：扎根基层写青春", "主题：做新时代的追梦人"],
    ["交流题目：一线淬炼本领", "交流题目：扎根基层写青春"],
], ids=["题目《》", "主题", "two-of-a-longer-label"])
def test_the_label_lines_of_listed_speakers_are_no_headings(labels):
    body = "\n".join(f"{label}\n{said}" for label, said in zip(labels, SAID))
    text = f"我县举办青年干部读书分享会\n{REPORT}{body}\n"
    assert headings(text) == []
    assert all(label in [p.text for s in parse(lines_of(text)).sections for p in s.paragraphs] for label in labels)


def test_parallel_headings_with_labels_that_differ_stay_headings():
    body = "\n".join(f"{label}\n{said}" for label, said in zip(["述职：直奔主题见“干货”", "点评：直指要害斥“短板”", "测评：当场亮分晒“成绩”"], SAID))
    text = f"我县举办党组织书记述职评议会\n{REPORT}{body}\n"
    assert [h[2] for h in headings(text)] == ["述职：直奔主题见“干货”", "点评：直指要害斥“短板”", "测评：当场亮分晒“成绩”"]


# --- the page's foot: a recommended label, its teaser, a slogan, a hotline row over the copyright --------------

SPEECH = """在全县组织工作会议上的讲话
同志们：
这次会议的主要任务是，深入学习贯彻全国组织工作会议精神，总结去年全县组织工作，部署今年任务。
一、提高政治站位，深刻认识做好组织工作的重要性
组织工作是党的建设的重要组成部分，各级党组织要充分认识新时代组织工作的重要地位和作用，切实增强做好组织工作的责任感和使命感。
二、突出工作重点，全面提升组织工作质量
要坚持好干部标准，大力选拔敢于负责、勇于担当、善于作为、实绩突出的干部，持续整顿软弱涣散基层党组织，不断提升基层党组织的组织力。
同志们，让我们更加紧密地团结在党中央周围，奋力开创全县组织工作新局面。
"""
LAST = "同志们，让我们更加紧密地团结在党中央周围，奋力开创全县组织工作新局面。"


def kept_and_doubted(rules, page):
    cleaned = clean(page, rules)
    return [line.text for line in cleaned.lines if line.text], {d.text for d in cleaned.doubtful}


@pytest.mark.parametrize("foot", [
    # a label a rule takes, a headline, its teaser cut off with no stop, a slogan, a hotline row, the copyright
    "推荐新闻\n全县召开2024年基层党建工作推进会\n近日，全县召开基层党建工作推进会，总结去年基层党建工作，部署今年重点任务\n"
    "不忘初心 牢记使命\n举报电话：0371-12345678 网站地图 联系我们\n版权所有：中共某某县委组织部 备案号：豫ICP备12345678号\n",
    # the teaser a whole sentence with its day: the body must not run on to it
    "相关推荐\n全县召开2024年基层党建工作推进会\n5月10日，全县召开基层党建工作推进会，总结去年基层党建工作，部署今年重点任务。\n"
    "凝心聚力抓党建 砥砺奋进谱新篇\n版权所有 中共某某县委组织部\n",
    # no list: a slogan over a row of links and the copyright
    "请党放心 强国有我\n举报电话：0371-12345678　网站地图　联系我们\n版权所有：中共某某县委组织部 备案号：豫ICP备12345678号\n",
    # a label the rules do not know, a teaser cut with an ellipsis, a slogan with a full-width space
    "要闻推荐\n市委组织部召开年轻干部座谈会\n5月4日，市委组织部召开年轻干部座谈会，听取年轻干部对成长成才的意见建议...\n"
    "凝心聚力　建功新时代\n服务热线：12380 | 关于我们 | 网站声明 | 隐私政策\nCopyright © 2024 某某市委组织部 All Rights Reserved\n",
    # a label no rule knows over another report's lead that retells its headline
    "党建视点\n市委组织部召开年轻干部座谈会\n5月4日，市委组织部召开年轻干部座谈会，听取年轻干部对成长成才的意见建议，勉励年轻干部勇挑重担。\n"
    "凝心聚力 再创佳绩\n版权所有：中共某某市委组织部\n",
], ids=["label-teaser-slogan-hotline", "teaser-with-a-stop", "slogan-over-hotline", "unknown-label", "unknown-label-over-a-report"])
def test_the_pages_foot_goes_whole(rules, foot):
    kept, doubted = kept_and_doubted(rules, SPEECH + foot)
    assert kept[-1] == LAST and not doubted


def test_a_teaser_that_tells_of_someone_speaking_to_all_is_doubted_not_published_silently(rules):
    foot = "（责任编辑：某某某）\n推荐阅读\n县委组织部召开年轻干部座谈会\n县委组织部召开年轻干部座谈会，听取年轻干部对成长成才的意见建议，勉励大家\n不忘初心、牢记使命\n扫一扫在手机打开当前页\n"
    kept, doubted = kept_and_doubted(rules, SPEECH + foot)
    assert kept[-1] == "县委组织部召开年轻干部座谈会，听取年轻干部对成长成才的意见建议，勉励大家不忘初心、牢记使命"
    assert doubted == {kept[-1]}


def test_a_slogan_the_speech_ends_with_and_no_footer_beside_it_stays(rules):
    kept, doubted = kept_and_doubted(rules, SPEECH + "不忘初心 牢记使命\n")
    assert kept[-2:] == [LAST, "不忘初心 牢记使命"] and doubted == {"不忘初心 牢记使命"}


def test_a_short_heading_over_the_speechs_last_part_ends_no_body(rules):
    last_part = ["工作要求", "加强组织领导", "各级党组织要加强组织领导，主要负责同志亲自抓，分管负责同志具体抓，确保各项任务落到实处。"]
    kept, doubted = kept_and_doubted(rules, SPEECH + "\n".join(last_part) + "\n版权所有：中共某某县委组织部\n")
    assert kept[-3:] == last_part


def test_a_label_a_rule_takes_inside_the_speech_ends_no_body(rules):
    more = "三、加强自身建设，努力打造模范部门\n组织部门要带头加强自身建设，努力建设让党放心、让干部信赖、让人民群众满意的模范部门，以过硬作风推动各项任务落实。\n"
    page = SPEECH.replace(LAST + "\n", "推荐新闻\n" + more + LAST + "\n") + "版权所有：中共某某县委组织部\n"
    kept, doubted = kept_and_doubted(rules, page)
    assert kept[-3:] == [*more.strip().split("\n"), LAST] and not doubted


# --- paragraphs a page broke: at a semicolon, inside a word, after a word that goes on -------------------

HEAD = "在全县基层党建工作会议上的讲话\n同志们：\n今天召开这次会议，主要任务是总结去年全县基层党建工作，部署今年的重点任务。\n"


def paragraphs(rules, body):
    cleaned = clean(HEAD + body, rules)
    return [line.text for line in cleaned.lines if line.text][3:], [(j.first, j.last) for j in cleaned.joins]


@pytest.mark.parametrize(("body", "joined"), [
    ("一、抓好基层组织建设\n要持续整顿软弱涣散基层党组织，选优配强村党组织书记；\n要严格落实“三会一课”制度，提高组织生活质量；\n要加强流动党员管理，确保每名党员都纳入有效管理。\n",
     "要持续整顿软弱涣散基层党组织，选优配强村党组织书记；要严格落实“三会一课”制度，提高组织生活质量；要加强流动党员管理，确保每名党员都纳入有效管理。"),
    ("过去一年，全镇各村党组织班子结构进一步优化;\n一批年富力强的致富能手进入村“两委”班子，为乡村振兴注入了新的活力。\n",
     "过去一年，全镇各村党组织班子结构进一步优化；一批年富力强的致富能手进入村“两委”班子，为乡村振兴注入了新的活力。"),
    ("机关党组织要把政治建设摆在首位，筑牢对党忠诚的思想根基；\n\n要坚持抓党建与抓业务相融合，推动两者同频共振、互促共进。\n",
     None),  # a blank line between: two paragraphs the page set apart, kept
], ids=["three-clauses", "half-width-semicolon", "blank-line-between"])
def test_the_clauses_of_one_sentence_broken_at_their_semicolons_are_one_paragraph(rules, body, joined):
    found, joins = paragraphs(rules, body)
    if joined is None:
        assert len(found) == 2 and joins == []
    else:
        assert joined in found and len(joins) == 1


@pytest.mark.parametrize("body", [
    "活动流程如下：\n- 邀请退休老党员讲述革命故事，回顾入党初心；\n- 全体党员重温入党誓词，接受党性教育洗礼。\n",
    "要坚持三个原则：\n坚持政治引领；\n坚持问题导向；\n坚持从严从实。\n",
    "要做好以下工作：\n1. 持续整顿软弱涣散基层党组织，选优配强书记；\n2. 严格落实“三会一课”制度，提高组织生活质量。\n",
], ids=["dash-items", "terse-items", "numbered-items"])
def test_a_lists_items_ending_on_semicolons_keep_their_lines(rules, body):
    found, joins = paragraphs(rules, body)
    assert found == body.strip().split("\n") and joins == []


def test_a_word_cut_at_a_line_with_no_mark_in_it_is_joined(rules):
    body = "全县各级党组织要切实担负起管党治党政治责\n任，把基层党建各项任务落到实处，推动基层党组织全面进步全面过硬。\n"
    found, joins = paragraphs(rules, body)
    assert found == ["全县各级党组织要切实担负起管党治党政治责任，把基层党建各项任务落到实处，推动基层党组织全面进步全面过硬。"] and len(joins) == 1


@pytest.mark.parametrize(("body", "joined"), [
    ("全县各级党组织要结合实际创新方式方法，不断提升党员队伍的\n整体素质和\n能力水平，充分发挥党员先锋模范作用。\n",
     "全县各级党组织要结合实际创新方式方法，不断提升党员队伍的整体素质和能力水平，充分发挥党员先锋模范作用。"),
    ("近日，县委理论学习中心组集中学习了\n《中国共产党章程》，交流了学习体会。\n", "近日，县委理论学习中心组集中学习了《中国共产党章程》，交流了学习体会。"),
    ("要坚持党的领导与\n人民当家作主有机统一，推动全过程人民民主在基层落地。\n", "要坚持党的领导与人民当家作主有机统一，推动全过程人民民主在基层落地。"),
], ids=["的-and-和", "了-in-a-clause", "与"])
def test_a_line_that_stops_on_a_word_that_goes_on_is_joined_however_short(rules, body, joined):
    found, joins = paragraphs(rules, body)
    assert found == [joined] and joins


@pytest.mark.parametrize("body", [
    "二、以高质量党建引领基层治理现代化水平全面提升\n全县各级党组织要切实担负起管党治党政治责任，推动基层党组织全面进步。\n",
    "春天来了\n全县各级党组织要切实担负起管党治党政治责任，推动基层党组织全面进步。\n",
    "实现这个目的\n全县各级党组织要切实担负起管党治党政治责任，推动基层党组织全面进步。\n",
], ids=["numbered-heading", "了-in-a-headline", "a-word-ending-in-的"])
def test_a_heading_or_a_line_that_ends_a_phrase_is_not_joined(rules, body):
    found, joins = paragraphs(rules, body)
    assert found == body.strip().split("\n") and joins == []


def test_topic_lines_inside_a_numbered_part_go_to_the_curator_as_headings_read_without_a_number(tmp_path):
    from conftest import one_speech

    text = f"""在全市组织工作会议上的讲话
同志们：
这次会议的主要任务是总结去年工作，部署今年任务。
一、突出重点抓好今年的各项任务
今年的组织工作任务很重，要突出抓好以下几个方面的工作。
关于干部工作
{TALK_B}
关于人才工作
{TALK_C}
二、加强组织部门自身建设
{TALK_A}
"""
    speech = one_speech(tmp_path, text)
    (item,) = [r for r in speech.review if r.code == "unnumbered-headings"]
    assert item.line == 6 and "2 个（第 6, 8 行）" in item.message
