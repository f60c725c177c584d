"""Headings told by their family (issues #32/#33, round 10's classes): a heading is decided by its shape among its
siblings — the same numbering repeated in order, a short label, no sentence — and a shape that does not repeat stays
text. Every fixture is hand-written; positives and negatives side by side."""

import pytest

from build_kb.ingest.clean import clean
from build_kb.ingest.parse import parse
from build_kb.model import Line

BODY = "这一点，各级党组织都要牢牢把握，切实抓紧抓好，确保各项任务落到实处、见到成效。"


def lines_of(text: str) -> list[Line]:
    return [Line(i, t.strip()) for i, t in enumerate(text.split("\n"), 1)]


def parsed(text: str):
    return parse(lines_of(text))


def headings(text: str) -> list[tuple[int, str]]:
    return [(s.level, s.heading) for top in parsed(text).sections for s in top.walk() if s.kind == "body" and s.heading]


# --- a bare number, a space, a label ---------------------------------------------------------------

PLAN = (
    "支部主题党日活动方案\n一 活动主题：\n重温入党誓词 践行初心使命\n二 活动背景：\n" + BODY + "\n三 活动目的：\n" + BODY
    + "\n四 活动时间：\n五 活动流程\n（一）集中学习党章：\n" + BODY + "\n（二）重温入党誓词：\n" + BODY
)


def test_a_family_of_bare_chinese_numerals_heads_the_text_and_the_bracketed_items_sit_under_it():
    result = parsed(PLAN)
    assert result.header.title == "支部主题党日活动方案"  # 一 活动主题： is not glued into the title
    assert [(lv, h) for lv, h in headings(PLAN)] == [
        (1, "一 活动主题："), (1, "二 活动背景："), (1, "三 活动目的："), (1, "四 活动时间："), (1, "五 活动流程"),
        (2, "（一）集中学习党章："), (2, "（二）重温入党誓词："),
    ]


def test_arabic_numbers_set_apart_by_a_space_are_headings_among_their_family():
    text = f"某某支部年度工作要点\n{BODY}\n1 总体要求\n{BODY}\n2 重点任务\n{BODY}\n3 保障措施\n{BODY}"
    assert headings(text) == [(1, "1 总体要求"), (1, "2 重点任务"), (1, "3 保障措施")]


@pytest.mark.parametrize(
    "body",
    [
        f"{BODY}\n1 总体要求\n{BODY}\n{BODY}",  # one alone: an item or a label, no family
        f"{BODY}\n1 总体要求\n{BODY}\n3 保障措施\n{BODY}",  # out of order
        f"{BODY}\n3 个方面的问题要重视\n{BODY}\n4 个方面的措施要落实\n{BODY}",  # a count before its measure word
        f"{BODY}\n1 坚持学习，我们每周都组织一次集中学习。\n{BODY}\n2 坚持调研，我们每月都下基层。\n{BODY}",  # sentences
    ],
)
def test_a_bare_number_that_does_not_repeat_in_order_as_a_label_stays_text(body):
    assert headings("某某支部年度工作要点\n" + body) == []


def test_a_journal_s_numbered_heads_with_an_ideographic_space_give_the_outline_from_nought():
    text = (
        f"多模态网络管控架构研究\n摘要：{BODY}\n0　引言\n{BODY}\n1　相关工作\n{BODY}\n1.1　传统资源度量\n{BODY}\n1.2　算力资源度量\n"
        f"{BODY}\n2　方案设计\n{BODY}\n2.1　设计原则\n{BODY}\n2.2　工作流程\n{BODY}\n3　总　结\n{BODY}"
    )
    assert headings(text) == [
        (1, "0　引言"), (1, "1　相关工作"), (2, "1.1　传统资源度量"), (2, "1.2　算力资源度量"),
        (1, "2　方案设计"), (2, "2.1　设计原则"), (2, "2.2　工作流程"), (1, "3　总　结"),
    ]


# --- a table's row, a paragraph that announces a table ---------------------------------------------

def test_a_pipe_table_row_is_never_a_heading_and_the_line_over_a_paragraph_announcing_it_is_one():
    text = (
        f"{BODY}{BODY}\n政治建设的核心定位\n{BODY}{BODY}\n职责履行的多维实践\n业务能力是述职报告的核心内容。分析发现，优秀案例普遍具有以下特征：\n"
        "维度 | 典型做法 | 成效提升 |\n改革创新 | 设立责任清单 | 执行效率提高 |\n民生服务 | 构建双网模式 | 群众诉求响应提速 |\n"
        f"{BODY}{BODY}\n廉洁自律的立体呈现\n{BODY}{BODY}"
    )
    assert [h for _, h in headings(text)] == ["政治建设的核心定位", "职责履行的多维实践", "廉洁自律的立体呈现"]


# --- run-in leads --------------------------------------------------------------------------------

def test_a_mid_text_excerpt_s_first_run_in_lead_heads_its_part_when_its_series_goes_on():
    text = f"二是思想上为人民服务。{BODY}\n第三是精通业务。{BODY}\n第四是在工作中承担责任。{BODY}"
    assert [h for _, h in headings(text)] == ["二是思想上为人民服务。", "第三是精通业务。", "第四是在工作中承担责任。"]


def test_a_run_in_two_that_follows_a_one_run_into_the_text_above_is_no_mid_text_head():
    text = f"主要做法有：一是抓学习。{BODY}\n二是抓队伍。{BODY}"
    assert headings(text) == []


NEWS = (
    "不久前，某县召开警示教育大会，现场播放警示教育片，党员干部深受触动。\n"
    "“案中人”是最好的“教科书”，“案中事”是最好的“清醒剂”。某市纪检监察机关注重发挥典型案例的警示作用。\n"
    "持续丰富载体形式，增强警示教育吸引力和感染力。某区组织党员领导干部到监狱，听取职务犯罪人员现身说法。\n"
    "突出靶向思维，坚持分层分类“精准滴灌”。某纪检监察组将廉政谈话与警示教育有机融合，做到对症下药。\n"
    "某县组织青年党员干部参观县纪法教育基地，督促干部自觉筑牢思想防线。张某某/摄\n"
    "强大的震慑感召，引导违纪违法党员干部迷途知返。今年7月，某市组织召开"
)


def test_three_two_phrase_leads_that_open_unlike_are_a_news_report_s_run_in_heads(rules):
    """The photo's caption between them ends with its credit (张某某/摄): the lead under it is not joined to it."""
    speech = parse(clean(NEWS, rules).lines)
    assert [s.heading for s in speech.sections if s.kind == "body" and s.heading] == [
        "持续丰富载体形式，增强警示教育吸引力和感染力。", "突出靶向思维，坚持分层分类“精准滴灌”。", "强大的震慑感召，引导违纪违法党员干部迷途知返。",
    ]


def test_two_unlike_two_phrase_leads_are_no_series():
    text = "\n".join(NEWS.split("\n")[:4])
    assert headings(text) == []


# --- a contents list in the body, an opening that announces a list -----------------------------------

def test_a_numbered_list_said_again_as_headings_loses_only_the_list(rules):
    items = ["1、党的生日庆祝活动", "2、党建活动：弘扬党的精神", "3、党员志愿服务活动"]
    text = "主题党日活动有哪些\n主题党日活动丰富多样，以下是一些常见的活动：\n" + "\n".join(items) + "\n" + "\n".join(f"{item}\n{BODY}" for item in items)
    result = clean(text, rules)
    assert [r.line for r in result.removed if r.rule == "outline-copy"] == [3, 4, 5]
    speech = parse(result.lines)
    assert speech.header.title == "主题党日活动有哪些"
    assert [s.heading for s in speech.sections if s.kind == "body" and s.heading] == items


# --- an outline of families: a preface's label, outer lines over a word's counted family ----------------------

ARTICLE = (
    f"引言\n{BODY}本文探讨这一角色的权力与担当。\n副部长的权力与担当实践\n案例一：推动经济发展\n{BODY}\n案例二：党风廉政建设\n{BODY}\n"
    f"权力与担当背后的挑战\n挑战一：腐败风险\n{BODY}\n挑战二：工作压力\n{BODY}"
)


def test_a_label_on_top_heads_the_first_part_and_outer_lines_head_a_word_s_counted_family():
    result = parsed(ARTICLE)
    assert result.header.title is None
    assert headings(ARTICLE) == [
        (1, "引言"), (1, "副部长的权力与担当实践"), (2, "案例一：推动经济发展"), (2, "案例二：党风廉政建设"),
        (1, "权力与担当背后的挑战"), (2, "挑战一：腐败风险"), (2, "挑战二：工作压力"),
    ]


def test_a_label_on_top_of_a_text_without_headings_stays_the_header_s_note():
    text = f"引言\n{BODY}\n{BODY}"
    assert headings(text) == []


def test_a_word_and_a_count_once_is_no_family():
    assert headings(f"某某支部年度工作要点\n{BODY}\n案例一：推动经济发展\n{BODY}\n{BODY}") == []


def test_dash_items_one_over_another_are_a_list_not_headings():
    items = "\n".join(f"- {w}：{BODY}" for w in ("党的组织建设", "干部选拔任用", "党风廉政建设"))
    assert headings(f"某某同志的职责\n{BODY}\n{items}\n{BODY}") == []


def test_a_numbered_list_of_names_over_a_paragraph_is_no_family_of_headings():
    names = "\n".join(f"{n} {name}" for n, name in ((1, "张某某"), (2, "李某某"), (3, "王某某")))
    assert headings(f"表彰名单\n{BODY}\n{names}\n{BODY}") == []


# --- a two-column journal PDF (Typst): numbered heads set inside the columns ----------------------------------

def test_a_journal_s_heads_inside_its_columns_give_its_outline(tmp_path):
    import typst

    from build_kb.ingest.convert import convert

    text = "算力网络把分散的计算资源连成一张网，调度系统需要知道每个节点能提供多少算力，才能把任务派到合适的地方去，因此度量方法决定了调度的效果。"
    parts = [("0　引言", 3), ("1　相关工作", 2), ("1.1　传统资源度量", 2), ("1.2　算力资源度量", 2), ("2　方案设计", 3), ("3　总　结", 2)]
    body = "".join(f'#text(weight: "bold")[{head}]\n\n' + "\n\n".join(text for _ in range(n)) + "\n\n" for head, n in parts)
    source = (
        '#set page(paper: "a4", columns: 2, header: align(right)[计算机研究　2023年第60卷第4期])\n'
        '#set text(font: "Noto Serif CJK SC", size: 9pt, lang: "zh")\n#set par(justify: true, first-line-indent: (amount: 2em, all: true))\n'
        '#place(top + center, float: true, scope: "parent")[#text(size: 16pt)[算力网络中的资源度量方法] #v(0.5em) #text(size: 9pt)[摘　要：' + text + '] #v(1em)]\n'
        + body + '#text(weight: "bold")[参　考　文　献]\n\n[1] 张某某. 算力网络研究[J]. 计算机学报, 2020, 43(5): 977-982.\n'
    )
    (tmp_path / "期刊.pdf").write_bytes(typst.compile(source.encode("utf-8")))
    converted = convert(tmp_path / "期刊.pdf")
    assert [(lv, h.replace("\u3000", " ")) for lv, h in headings(converted.text)] == [
        (1, "0 引言"), (1, "1 相关工作"), (2, "1.1 传统资源度量"), (2, "1.2 算力资源度量"), (1, "2 方案设计"), (1, "3 总 结"),
    ]


def test_a_word_s_count_is_a_family_mark_but_not_a_caption_s_a_collection_s_or_an_ordinal_s():
    from build_kb.ingest.parse import detect_numbered

    assert [(c.style, c.number) for c in map(detect_numbered, ("案例一：推动经济发展", "挑战三：舆论压力"))] == [("cn-word", 1), ("cn-word", 3)]
    assert [detect_numbered(t) for t in ("图一：党员年龄结构", "表二：支部分布", "篇一：某某讲话", "其一：加强学习")] == [None, None, None, None]


def test_an_author_s_name_on_top_of_an_untitled_page_is_no_preface():
    text = f"张美兰\n{BODY}\n要在“攻”的方面下功夫。{BODY}\n要在“防”的方面下功夫。{BODY}"
    assert [h for _, h in headings(text)] == ["要在“攻”的方面下功夫。", "要在“防”的方面下功夫。"]
