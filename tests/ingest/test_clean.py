import functools
import re
from collections import Counter

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from build_kb.ingest.clean import _BROKEN_NUMBER_MARK, clean, is_traditional, normalise_line, strip_markdown, strip_markup
from build_kb.ingest.parse import parse
from build_kb.ingest.read import decode

from conftest import SEEDS

HAN = re.compile(r"[\u4e00-\u9fff]")


def output_text(speech) -> str:
    """Everything the knowledge base shows of a speech's text, in source order."""
    parts = [h.text for h in speech.header]
    for section in speech.all_sections():
        parts.append(section.heading)
        parts.extend(p.text for p in section.paragraphs)
    return "".join(parts)


def no_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("name", SEEDS)
def test_text_conservation_on_seeds(seed_kb, name):
    """Every character of the source except removed boilerplate survives, in order."""
    speech = next(s for s in seed_kb.speeches if s.source.rel_path == name)
    removed = {r.line for r in speech.clean.removed}
    raw_lines = re.split(r"\r\n|\r|\n", decode(speech.source.path.read_bytes(), name)[0])
    kept = [line for number, line in enumerate(raw_lines, 1) if number not in removed]
    expected = no_space("".join(normalise_line(line.strip()) for line in kept))
    assert no_space(output_text(speech)) == expected
    # And, without trusting the normaliser: every Han character of the kept lines, in order.
    assert HAN.findall("".join(kept)) == HAN.findall(output_text(speech))


def test_advertising_block_of_seed_001_is_removed_and_reported(seed_speech):
    speech = seed_speech("001")
    assert [r.line for r in speech.clean.removed] == [1, 2, 3, 4, 5, 7, 8, 9]
    assert {r.rule for r in speech.clean.removed} == {"advertising-block"}
    assert speech.clean.removed[1].text == "酷乐文行"
    assert speech.title == "在党建工作会议上的讲话"


def test_copyright_notice_of_seed_004_is_removed(seed_speech):
    speech = seed_speech("004")
    assert [(r.line, r.rule) for r in speech.clean.removed] == [(1, "copyright-notice")]


@pytest.mark.parametrize("prefix", ["000", "002", "003"])
def test_clean_seeds_lose_nothing(seed_speech, prefix):
    assert seed_speech(prefix).clean.removed == []


@pytest.mark.parametrize(
    "line",
    ["— 2 —", "- 3 -", "－ 12 －", "第3页", "第 3 页 共 10 页", "3/10", "Page 4", "www.example.com", "http://fanwen.example.cn/a/1.html"],
)
def test_page_numbers_and_watermarks_are_removed_anywhere(rules, line):
    text = f"同志们：\n一、坚持党管干部原则，建设高素质专业化干部队伍，这是我们的一贯要求和根本原则。\n{line}\n二、加强基层党组织建设，提升组织力，这是新时代党的建设的重要任务和基础工程。"
    cleaned = clean(text, rules)
    assert [r.text for r in cleaned.removed] == [line]
    assert cleaned.removed[0].line == 3


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("（此处插入会场照片）", "picture-placeholder"),
        ("（插入两张比赛现场图，选手认真答题的画面）", "picture-placeholder"),
        ("【配图：全体学员合影】", "picture-placeholder"),
        ("[发文单位]", "template-field"),
        ("［日期］", "template-field"),
    ],
)
def test_a_drafts_picture_placeholders_and_a_templates_blanks_are_removed_by_name(rules, line, rule):
    text = f"同志们：\n一、坚持党管干部原则，建设高素质专业化干部队伍，这是我们的一贯要求和根本原则。\n{line}\n二、加强基层党组织建设，提升组织力，这是新时代党的建设的重要任务和基础工程。"
    cleaned = clean(text, rules)
    assert [(r.line, r.text, r.rule) for r in cleaned.removed] == [(3, line, rule)]


@pytest.mark.parametrize("line", ["（图表略）", "（插话：大家要认真思考这个问题）", "[1]", "一等奖：[姓名]", "【第一部分：开幕式】", "（附件：照片三张）",
                                  "[此处输入文件标题]"])  # a template's prompt: kept, and named in 待核对 by the pipeline
def test_bracketed_text_that_is_no_placeholder_stays(rules, line):
    para = "坚持党管干部原则，建设高素质专业化干部队伍，这是我们的一贯要求和根本原则，必须长期坚持。"
    text = f"同志们：\n一、{para}\n{para}\n{line}\n二、{para}\n{para}\n三、{para}"
    assert clean(text, rules).removed == []


def test_a_paragraph_break_inside_a_word_is_joined_and_a_missing_full_stop_is_not(rules):
    text = (
        "春季运动会圆满落幕\n\n“来，大家先试一下，熟悉一下流程。”裁判话音刚落，现场便响起一片惊呼——有同学没等发令枪响就迫不\n\n"
        "及待地冲了出去，引得全场大笑。\n\n会议要求，各单位要把这项工作抓紧抓实抓好，认真落实\n\n会议强调，要加强组织领导。\n"
    )
    cleaned = clean(text, rules)
    assert [line.text for line in cleaned.lines if line.text] == [
        "春季运动会圆满落幕",
        "“来，大家先试一下，熟悉一下流程。”裁判话音刚落，现场便响起一片惊呼——有同学没等发令枪响就迫不及待地冲了出去，引得全场大笑。",
        "会议要求，各单位要把这项工作抓紧抓实抓好，认真落实",
        "会议强调，要加强组织领导。",
    ]
    assert [(j.first, j.last) for j in cleaned.joins] == [(3, 5)]


def test_a_numbered_items_paragraph_cut_mid_word_goes_on_below_and_a_heading_is_never_continued(rules):
    text = (
        "某某镇2024年党建工作要点\n为全面提高党的建设质量，现制定工作要点如下：\n一、加强政治建设\n"
        "1、强化理论学习。深入学习党的创新理论，及时跟进学习重要讲话精神，制\n定《镇党委理论学习计划》并抓好落实。\n"
        "二、夯实基层基础，持续整顿软弱涣散党组织\n全年整顿软弱涣散村党组织三个。\n"
    )
    cleaned = clean(text, rules)
    assert [line.text for line in cleaned.lines if line.text][3:] == [
        "1、强化理论学习。深入学习党的创新理论，及时跟进学习重要讲话精神，制定《镇党委理论学习计划》并抓好落实。",
        "二、夯实基层基础，持续整顿软弱涣散党组织",
        "全年整顿软弱涣散村党组织三个。",
    ]
    assert [(j.first, j.last) for j in cleaned.joins] == [(4, 5)]


@pytest.mark.parametrize(("line", "removed"), [
    ("在全县档案整理工作部署会上的讲话稿", False),  # a title whose meeting is about 整理
    ("下面是小编为大家整理的讲话稿，欢迎阅读。", True),
    ("本文为大家整理了组织工作讲话稿", True),
])
def test_a_site_note_about_collected_speeches_goes_and_a_title_about_sorting_work_stays(rules, line, removed):
    text = f"{line}\n同志们：\n今天我们召开会议，主要任务是总结工作、部署任务，希望大家认真贯彻落实，把各项工作做好。\n"
    assert [r.text for r in clean(text, rules).removed] == ([line] if removed else [])


def test_ad_block_rule_only_applies_at_the_edges(rules):
    body = "一、坚持党管干部原则。我们要把订阅党报党刊作为基层党组织的一项重要工作来抓，这是宣传思想工作的重要内容。"
    text = f"同志们：\n{body}\n"
    assert clean(text, rules).removed == []


def test_title_is_kept_even_when_glued_to_an_ad_block(rules):
    text = "仅供学习 禁止外传\n在全县组织工作会议上的讲话\n同志们：\n今天我们召开会议，主要任务是总结工作、部署任务，希望大家认真贯彻落实，把各项工作做好。"
    cleaned = clean(text, rules)
    assert [r.line for r in cleaned.removed] == [1]
    assert cleaned.lines[0].text == "在全县组织工作会议上的讲话"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("积极建设模范部门, 着力打造过硬组工干部队伍", "积极建设模范部门，着力打造过硬组工干部队伍"),
        ("全过程、各方面,以政治上的加强", "全过程、各方面，以政治上的加强"),
        ("会员群:免费", "会员群：免费"),
        ("(一)加强政治建设", "（一）加强政治建设"),
        ('增强"四个意识"', "增强“四个意识”"),
        ("共1,000人参加", "共1,000人参加"),
        ("会议于10:30开始", "会议于10:30开始"),
        ("２０１８年２月", "2018年2月"),
        ("同志们 ，今天", "同志们，今天"),
        ("1.坚定政治信仰。", "1.坚定政治信仰。"),
    ],
)
def test_normalisation_is_safe(raw, expected):
    assert normalise_line(raw) == expected


def test_traditional_characters_become_simplified_and_are_counted(rules):
    text = "在全區組織工作會議上的講話\n同志們：\n一、堅持黨管幹部原則，建設高素質專業化幹部隊伍。"
    cleaned = clean(text, rules)
    assert cleaned.lines[0].text == "在全区组织工作会议上的讲话"
    assert "坚持党管干部原则" in cleaned.lines[2].text
    assert cleaned.normalised["traditional-to-simplified"] > 10


def test_simplified_text_is_not_converted():
    assert not is_traditional("乾隆年间，我们在全区组织工作会议上强调坚持党管干部原则。" * 3)


def test_pictographs_scattered_through_the_text_are_removed_and_counted(rules):
    text = "在全县组织工作会议上的讲话\n同志们：\n一、提高政🐤治站位\n我们南🐤岭县这些年确实落后了，大家⛦🜧都有一个思考。\n★坚持党建引领\n"
    cleaned = clean(text, rules)
    assert [line.text for line in cleaned.lines if line.text] == [
        "在全县组织工作会议上的讲话", "同志们：", "一、提高政治站位", "我们南岭县这些年确实落后了，大家都有一个思考。", "★坚持党建引领"
    ]
    assert cleaned.removed == [] and cleaned.normalised["injected-symbols"] == 3


def test_a_forums_anti_copying_filler_is_taken_out_and_counted(rules):
    text = (
        "在全区机关党建工作推进会上的讲话 : k3 w- T- e* q0 d0 \\7 R5\n"
        "同志们: # |4 M9 ~* F' H8 ?! e% 今天召开全区机关党建工作推进会。\n"
        "一、认清形势。要切实增强做好机关党建工作的责任感。6 B) u- z% c2 q, D\" W\n"
        "2 g9 k& x\" ]( n( P0 r/ S, A4 \\; b\n"
        "第 1 2 3 4 5 页 A B C D E\n"
    )
    cleaned = clean(text, rules)
    assert [line.text for line in cleaned.lines] == [
        "在全区机关党建工作推进会上的讲话", "同志们：今天召开全区机关党建工作推进会。",
        "一、认清形势。要切实增强做好机关党建工作的责任感。", "", "",
    ]
    # Page numbers and initials are no filler; the line is a page's chrome by its evidence, and goes as such.
    assert [(r.line, r.rule) for r in cleaned.removed] == [(5, "chrome-evidence")] and cleaned.normalised["jammer-codes"] == 4


def test_a_style_sheet_run_into_the_text_is_taken_off_and_logged(rules):
    text = (
        '在全县组织工作会议上的讲话\np { line-height: 115% } p.cjk { font-family: "宋体"; font-size: 10pt } 同志们：今天召开全县组织工作会议。\n'
        "一、加强党的建设。要抓好落实。\n"
    )
    cleaned = clean(text, rules)
    assert [line.text for line in cleaned.lines if line.text] == ["在全县组织工作会议上的讲话", "同志们：", "今天召开全县组织工作会议。", "一、加强党的建设。要抓好落实。"]
    assert [(r.line, r.text, r.rule) for r in cleaned.removed] == [(2, 'p { line-height: 115% } p.cjk { font-family: "宋体"; font-size: 10pt }', "css-or-markup")]


@pytest.mark.parametrize("line", ["微软雅黑", "仿宋_GB2312", "Times New Roman", "方正小标宋简体"])
def test_a_font_name_on_a_line_of_its_own_is_removed(rules, line):
    text = f"在全县组织工作会议上的讲话\n同志们：\n{line}\n一、加强党的建设。要抓好落实。\n"
    assert [(r.text, r.rule) for r in clean(text, rules).removed] == [(line, "font-name")]


def test_radicals_from_a_pdf_text_layer_become_the_characters_they_stand_for(rules):
    text = "在全县组织⼯作会议上的讲话\n同志们：\n⼀、提⾼政治站位\n要把党的政治建设摆在⾸位。\n"
    cleaned = clean(text, rules)
    assert [line.text for line in cleaned.lines if line.text] == ["在全县组织工作会议上的讲话", "同志们：", "一、提高政治站位", "要把党的政治建设摆在首位。"]
    assert cleaned.normalised["compatibility-ideographs"] == 4


def test_radical_supplement_forms_nfkc_leaves_alone_become_the_characters_and_search_finds_them(rules):
    from build_kb.publish.search_index import normalise_for_search

    cleaned = clean("同志们：\n常⻅问题要⻓期抓，⻆色要摆正，⺠生⻅实效。\n", rules)
    assert cleaned.lines[1].text == "常见问题要长期抓，角色要摆正，民生见实效。"
    assert cleaned.normalised["compatibility-ideographs"] == 5
    # …and a query pasted from the PDF finds the text, as the text's own words do.
    assert normalise_for_search("常⻅") == normalise_for_search("常见") == "常见"


def test_pinyin_a_mirror_put_after_characters_is_removed_and_counted(rules):
    cleaned = clean("在全縣組織工作會(huì)議上的講話\n同志們：\n要把黨的政治建設(shè)擺在首位。\n", rules)
    assert [line.text for line in cleaned.lines if line.text] == ["在全县组织工作会议上的讲话", "同志们：", "要把党的政治建设摆在首位。"]
    assert cleaned.normalised["pinyin-annotations"] == 2
    assert clean("同志们：\n请把“阿(a)”读准。\n", rules).normalised.get("pinyin-annotations") is None


def test_control_and_zero_width_characters_are_removed_and_counted(rules):
    cleaned = clean("同志们：\n党的\x00建设\u200b质量\x07全面提高。", rules)
    assert cleaned.lines[1].text == "党的建设质量全面提高。"
    assert cleaned.normalised["control-characters"] == 3


def _tail_and_whole_lines(r, source: list[str], parts: dict, removed: set) -> bool:
    """Account for a removal made of a source line's tail and the whole lines under it (the cleaner
    split a line, then re-joined its tail with what followed): the tail is a part, the rest whole lines."""
    line = source[r.line - 1]
    for start in range(1, len(line)):
        tail = line[start:]
        if not tail.strip() or not r.text.startswith(tail.strip()):
            continue
        rest, n, whole = r.text[len(tail.strip()):], r.line, []
        while rest and n < len(source) and source[n].strip() and rest.startswith(source[n].strip()):
            rest, n = rest[len(source[n].strip()):], n + 1
            whole.append(n)
        if not rest and whole:
            parts.setdefault(r.line, []).append(tail)
            removed.update(whole)
            return True
    return False


def _whole_lines_and_a_head(r, source: list[str], parts: dict, removed: set, tails_kept: set) -> bool:
    """Account for a removal made of whole source lines and the head of the line under them (a social
    post run over a line break, #话题、 / 正文。1…: the cleaner joined the lines, took the post and kept
    the rest): the whole lines are removed, the head is a part of the last line, whose tail stays."""
    rest, n, whole = r.text, r.line, []
    while n <= len(source) and source[n - 1].strip() and rest.startswith(source[n - 1].strip()):
        rest, n = rest[len(source[n - 1].strip()):], n + 1
        whole.append(n - 1)
    if not whole or not rest or n > len(source) or not source[n - 1].strip().startswith(rest):
        return False
    removed.update(whole)
    parts.setdefault(n, []).append(rest)
    tails_kept.add(n)
    return True


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=list("党的建设一二三、（）。，：同志们要是 \n\r1.X*<>#第部分"), max_size=40), max_size=30))
@example(chunks=["111一", "<111一", "\r", "<111一"])  # a line removed whole whose text also reads as its tail + the next line
@example(chunks=["#", "一一一一一一一", "、", "\r一一一一一。1一", "1111一一一"])  # a social post's removal that takes a line and the next line's head
@example(chunks=["111111111<一一一一.一.一111111111一一一一一一", "11111111一一一。1一.一.一111111111一一一一"])  # a chunk removed after the marks in it
def test_cleaner_and_parser_never_crash_and_never_lose_text(rules, chunks):
    text = "".join(chunks)
    cleaned = clean(text, rules)
    # A removal may take a part of a line (a page's preview in front of the text, one piece of a line
    # split into paragraphs): the rest of the line stays. A removal that is no part of its source line
    # took the whole line, and a removed line re-joined from several source lines takes all of them.
    source = [re.sub(r"[ \t\u00a0\u3000]+", " ", line) for line in re.split(r"\r\n|\r|\n", text)]  # as the cleaner reads it
    parts: dict[int, list[str]] = {}
    removed, tails_kept = set(), set()
    for r in cleaned.removed:
        # a line removed whole after its markup was taken off (# 1 → 1) is a whole line too
        bare = strip_markdown(strip_markup(source[r.line - 1])[0])[0]
        whole_line = r.text.strip() in (source[r.line - 1].strip(), bare.strip())
        # a piece removed after other pieces of its line went (spelled-out marks 一.一.一 taken out, then the
        # chunk they stood in) is logged as the line then read: a part of what was left of it
        left = functools.reduce(lambda rest, part: rest.replace(part, "", 1), parts.get(r.line, []), source[r.line - 1])
        if r.text and (r.text in source[r.line - 1] or r.text in left) and not whole_line:
            parts.setdefault(r.line, []).append(r.text)
        elif not whole_line and _tail_and_whole_lines(r, source, parts, removed):
            # (a removal that is its whole line is that line, though its text may also read as its own tail
            # and the line under it: 111一<111一 over <111一)
            pass  # a line's tail re-joined with the lines under it was removed: the line's head stays
        elif not whole_line and _whole_lines_and_a_head(r, source, parts, removed, tails_kept):
            pass  # whole lines and the head of the next were removed: that line's tail stays
        else:
            removed.add(r.line)
    removed |= {n for j in cleaned.joins if j.first in removed for n in range(j.first, j.last + 1) if n not in tails_kept}
    parsed = parse(cleaned.lines)
    shown = [h.text for h in parsed.header.lines]
    for top in parsed.sections:
        for section in top.walk():
            shown.append(section.heading)
            shown.extend(p.text for p in section.paragraphs)
    kept = [functools.reduce(lambda rest, part: rest.replace(part, "", 1), parts.get(n, []), line) for n, line in enumerate(source, 1) if n not in removed]
    assert Counter(HAN.findall("".join(shown))) == Counter(HAN.findall("".join(kept)))
    # Markup taken off a line (<br/>, ## and ** of a heading) is counted in `normalised`, not logged.
    # …and a heading number's doubled mark (1、、 → 1、) is counted there too.
    unmarked = [_BROKEN_NUMBER_MARK.sub(r"\1、", strip_markdown(strip_markup(line)[0])[0].strip()) for line in kept]
    # A part removed from a line that holds it twice: which copy went, the order of what is left
    # says, not the count (the count is checked above).
    if any(source[n - 1].count(part) > 1 for n, pieces in parts.items() for part in pieces):
        return
    assert no_space("".join(shown)) == no_space("".join(normalise_line(" ".join(line.split())) for line in unmarked))


def test_a_line_on_every_page_is_a_running_header_but_a_repeated_subheading_is_not(rules):
    body = "要坚持以党的政治建设为统领，推动党员干部做到“两个维护”。\n"
    paged = clean("组工信息　内部资料注意保存\n在全区组织工作会议上的讲话\n同志们：\n" + body + "组工信息　内部资料注意保存\n" + body + "组工信息　内部资料注意保存\n" + body, rules)
    assert [(r.text, r.rule) for r in paged.removed] == [("组工信息 内部资料注意保存", "running-header")] * 3  # spaces made plain
    parts = "".join(
        f"{n}、{part}工作\n主要做法\n全年围绕{part}抓落实，各项任务按计划推进，取得了阶段性成效。\n存在问题\n{part}方面还有短板，一些措施落得不够细、不够实。\n"
        for n, part in (("一", "基层党建"), ("二", "干部队伍"), ("三", "人才"))
    )
    report = clean("某某县委组织部2022年度工作总结\n" + parts + "下一步，我们将继续努力。", rules)
    assert report.removed == []


def test_a_books_running_heads_left_inside_sentences_go_and_the_halves_meet_again(rules):
    """A book converted to Word keeps its letter-spaced running heads (the book's title, the chapter's) where its pages
    broke, between the halves of a sentence: twice or more, one copy inside a sentence, each copy goes and the
    sentence is one paragraph again. Written twice but never inside a sentence (主要做法) a line is the text's."""
    book, chapter = "基 层 党 建 工 作 实 务", "第 三 章   党 支 部 的 组 织 生 活"
    text = (
        "第三章 党支部的组织生活\n\n党支部要按照有关规定认真开好支部党员大会、支部委员会和党小组会，按时上好党课\n\n"
        f"{book}\n\n(Party lecture)，做到内容充实、形式多样。\n\n组织生活会一般每年召开一次，党员人数较多的党支部，可以以党小组为单位\n\n"
        f"{chapter}\n\n召开，支部委员会成员参加所在党小组的组织生活会。\n\n{book}\n\n36\n\n一、主题党日\n\n"
        f"各党支部每月相对固定一天开展主题党日。\n\n{chapter}\n\n二、谈心谈话\n\n党支部委员之间、党员之间每年至少谈心谈话一次。\n"
    )
    cleaned = clean(text, rules, from_document=True)
    assert [(r.line, r.rule) for r in cleaned.removed if r.rule == "running-header"] == [(5, "running-header"), (11, "running-header"), (15, "running-header"), (23, "running-header")]
    assert cleaned.lines[0].text == "第三章 党支部的组织生活"  # the title's place: the chapter's own title, no running head
    shown = [line.text for line in cleaned.lines if line.text]
    # (a bracket glossing the word before it in Latin letters goes on with the sentence)
    assert "党支部要按照有关规定认真开好支部党员大会、支部委员会和党小组会，按时上好党课(Party lecture)，做到内容充实、形式多样。" in shown
    assert "组织生活会一般每年召开一次，党员人数较多的党支部，可以以党小组为单位召开，支部委员会成员参加所在党小组的组织生活会。" in shown


def test_a_web_address_in_brackets_inside_a_paragraph_is_taken_out_and_logged(rules):
    cleaned = clean("在全县组织工作会议上的讲话\n同志们：\n要坚持以党的政治建设为统领（来源：某某范文网 www.example.com），推动党员干部做到“两个维护”。", rules)
    assert cleaned.lines[2].text == "要坚持以党的政治建设为统领，推动党员干部做到“两个维护”。"
    assert [(r.line, r.text, r.rule) for r in cleaned.removed] == [(3, "（来源：某某范文网 www.example.com）", "inline-watermark")]
    kept = clean("同志们：\n要学习《关于新形势下党内政治生活的若干准则》（2016年10月27日）。", rules)
    assert kept.removed == [] and kept.lines[1].text == "要学习《关于新形势下党内政治生活的若干准则》（2016年10月27日）。"


def test_spaces_a_pdf_leaves_inside_sentences_are_taken_out_and_counted(rules):
    text = (
        "坚持党建引领 建强战斗堡垒\n"
        "今天，我结合近期自 己学习的收获、感悟与 思考，就中国共 产党人的“初心”是什么与大家作以交 流。\n"
        "1921 年 6 月下旬，13 名知识分子来到上海参加党的一 大，商议成立中国共产党这一开天辟地的大事。\n"
        "要用好 WPS 和 Word 等办公软件，提高 Office 应用水平，这是做好文字工作的基本功。"
    )
    cleaned = clean(text, rules)
    assert [line.text for line in cleaned.lines] == [
        "坚持党建引领 建强战斗堡垒",
        "今天，我结合近期自己学习的收获、感悟与思考，就中国共产党人的“初心”是什么与大家作以交流。",
        "1921年6月下旬，13名知识分子来到上海参加党的一大，商议成立中国共产党这一开天辟地的大事。",
        "要用好 WPS 和 Word 等办公软件，提高 Office 应用水平，这是做好文字工作的基本功。",
    ]
    # 中国共 产党 is written whole on the next line: closed up first as a cut word (ingest/marks.py), counted there
    assert (cleaned.normalised["spaces-in-prose"], cleaned.normalised["spaces-in-words"]) == (8, 1)


def test_a_heading_number_with_a_doubled_or_garbled_mark_reads_as_one_and_its_heading_stands(rules):
    # a mirror doubled the marks: 一，、 (and 二、、) open headings; the heading is no broken line to join
    text = (
        "在全县干部工作会议上的讲话\n同志们：\n今天，我讲两个问题。\n"
        "一，、建设高素质干部队伍，，事关事业长远发展\n重视干部队伍建设，是我们党的优良传统。\n"
        "二、、从严管理监督干部\n严管就是厚爱，要把监督贯穿干部成长全过程。\n"
    )
    cleaned = clean(text, rules)
    assert [line.text for line in cleaned.lines if line.text][3:] == [
        "一、建设高素质干部队伍，，事关事业长远发展", "重视干部队伍建设，是我们党的优良传统。",
        "二、从严管理监督干部", "严管就是厚爱，要把监督贯穿干部成长全过程。",
    ]
    assert cleaned.normalised["broken-number-marks"] == 2 and cleaned.joins == []
    parsed = parse(cleaned.lines)
    assert [s.heading for s in parsed.sections if s.heading] == ["一、建设高素质干部队伍，，事关事业长远发展", "二、从严管理监督干部"]


def test_an_outline_of_numbered_headings_above_the_title_goes_though_a_cut_page_repeats_only_the_first(rules):
    text = (
        "一、深刻把握会议精神\n二、准确理解部署要求\n三、推动工作落地见效\n"
        "学深悟透强担当——某某县委组织部部长学习会议精神的体会\n"
        "近日，我认真学习了会议精神，对会议的重大意义有了更加深刻的认识。\n"
        "一、深刻把握会议精神，筑牢对党忠诚的思想根基\n会议全面总结了过去五年的工作，部署了今后的任务。\n"
    )
    cleaned = clean(text, rules)
    assert [(r.line, r.rule) for r in cleaned.removed] == [(1, "outline-copy"), (2, "outline-copy"), (3, "outline-copy")]
    # numbered items in a row above the title that no heading below repeats are no outline: kept
    kept = clean(text.replace("一、深刻把握会议精神，筑牢", "一、深入把握会议精神，筑牢"), rules)
    assert kept.removed == []


def test_a_blocks_tag_inside_a_line_parts_the_paragraphs_there_and_the_split_is_logged(rules):
    text = (
        "在全县组织工作会议上的讲话\n同志们：\n"
        "<p>今天召开会议，主要任务是部署工作。</p><p>一、提高政治站位</p><p>各级党组织要把政治建设摆在首位。<br/>二、夯实基层基础</p>\n"
        "<p>要持续整顿软弱涣散基层党组织，不断增强<span>组织力</span>。</p>\n"
    )
    cleaned = clean(text, rules)
    assert [line.text for line in cleaned.lines if line.text][2:] == [
        "今天召开会议，主要任务是部署工作。", "一、提高政治站位", "各级党组织要把政治建设摆在首位。", "二、夯实基层基础",
        "要持续整顿软弱涣散基层党组织，不断增强组织力。",
    ]
    assert [(s.line, s.pieces) for s in cleaned.splits] == [(3, 4)]
    assert cleaned.normalised["markup-breaks"] == 3 and cleaned.normalised["html-markup"] == 11
    parsed = parse(cleaned.lines)
    assert [s.heading for s in parsed.sections if s.heading] == ["一、提高政治站位", "二、夯实基层基础"]


def test_a_forums_filler_glued_to_a_heading_number_leaves_the_number(rules):
    # The filler's last token may touch the text; a heading's 1. or a figure before its unit is the text's own.
    text = (
        "汇报材料的写法\n"
        "写好汇报材料要把握三个环节。\n"
        "% q7 W, b2 Y' ~ 1.起草。先列提纲，再写初稿。\n"
        "(1)提纲。要点清楚。\n"
        "(2)初稿。层次分明。\n"
        "x- R8 j2 @ t5 m3 2.修改。反复推敲，形成定稿。\n"
        "c4 h; U' z1 p+ 12月底前报送。\n"
    )
    cleaned = clean(text, rules)
    texts = [line.text for line in cleaned.lines]
    assert "1.起草。先列提纲，再写初稿。" in texts and "2.修改。反复推敲，形成定稿。" in texts
    assert "12月底前报送。" in texts and cleaned.normalised["jammer-codes"] == 3
