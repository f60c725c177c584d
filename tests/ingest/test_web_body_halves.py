"""A web page's body, round 16's classes given in words only (session 29): a page number left between the two halves
of a sentence, a document site's chunk cut before a comma, a picture's inline data, links to the article before and
after, a mirror's reprint notice and credits parted by a bar. Every fixture is made up; near-misses stand beside them."""


import pytest

from build_kb.ingest import clean as clean_module, evidence, layout, parse as parse_module
from build_kb.ingest.clean import clean

from conftest import failed_examples

HEAD = "在全县组织工作会议上的讲话\n同志们：\n今天召开全县组织工作会议，主要任务是总结去年工作，部署今年任务。刚才，几位同志作了很好的发言，我完全赞成。\n"
FIRST_HALF = "要坚持把政治标准放在首位，在选拔任用干部时突出政治素质考察，坚决把好政治关，确保各级领导班子始终"
SECOND_HALF = "同党中央保持高度一致。要健全干部考察机制，完善日常了解干部的渠道，真正把忠诚干净担当的干部选出来。"
CLOSING = "二、持续加强基层党组织建设\n基层党组织是党的全部工作和战斗力的基础，要以提升组织力为重点，持续整顿软弱涣散基层党组织。\n"


@pytest.mark.parametrize("function", [layout.page_number_inside_a_sentence, clean_module.chunk_over_its_comma, evidence.address, evidence.pager, parse_module.markdown_heading_levels, clean_module.report_contact_note, layout.opens_a_short_dump, parse_module.reads_as_a_news_lead, clean_module._cut_text_before_a_footer, clean_module._a_caption])
def test_the_readers_examples_hold(function):
    assert failed_examples(function, vars(layout) | vars(clean_module) | vars(evidence) | vars(parse_module)) == 0


def kept(cleaned):
    return [line.text for line in cleaned.lines if line.text]


# --- a page number between the halves of a sentence -------------------------------------------------------

@pytest.mark.parametrize("number", ["3", "- 3 -", "— 3 —", "·3·", "3/12", "第 3 页 共 12 页", "\n- 3 -\n"],
                         ids=["bare", "dashes", "em-dashes", "middle-dots", "of-pages", "page-of-pages", "blank-lines-around"])
def test_the_halves_of_a_sentence_meet_again_over_a_page_number(rules, number):
    cleaned = clean(HEAD + FIRST_HALF + "\n" + number + "\n" + SECOND_HALF + "\n" + CLOSING, rules)
    assert FIRST_HALF + SECOND_HALF in kept(cleaned)
    (removed,) = cleaned.removed
    assert removed.text == number.strip() and removed.rule in ("page-number", "page-counter")


def test_a_page_number_under_a_finished_sentence_parts_nothing(rules):
    """Near-miss: the line above ends its sentence — the page ended with the paragraph; both stay paragraphs."""
    cleaned = clean(HEAD + FIRST_HALF + "同党中央保持高度一致。\n- 3 -\n要健全干部考察机制，完善日常了解干部的渠道。\n" + CLOSING, rules)
    assert FIRST_HALF + "同党中央保持高度一致。" in kept(cleaned) and "要健全干部考察机制，完善日常了解干部的渠道。" in kept(cleaned)
    assert [r.text for r in cleaned.removed] == ["- 3 -"]


def test_a_number_whose_unit_opens_the_next_line_is_the_sentences(rules):
    """Near-miss: `3` over `月15日…` is the sentence's date cut from its unit, not a page number."""
    cleaned = clean(HEAD + "全县组织工作推进会于2024年\n3\n月15日下午召开，各乡镇党委书记参加会议。\n" + CLOSING, rules)
    assert any(text.startswith("3月15日下午召开") or "2024年3月15日" in text for text in kept(cleaned)) and cleaned.removed == []


# --- a document site's chunks ---------------------------------------------------------------------------

def test_a_chunk_cut_before_a_comma_keeps_the_comma(rules):
    chunks = (
        "1、同志们：今天召开全县组织工作会议，主要任务是总结去年工作，部署今年任务。刚才，几位同志作了很好的发言，我完全赞成。"
        "下面，我讲三点意见。第一，要坚持把政治标准放在首位，在选拔任用干部时突出政治素质考察\n"
        "2、，坚决把好政治关，确保各级领导班子始终同党中央保持高度一致。要健全干部考察机制，完善日常了解干部的渠道，"
        "真正把忠诚干净担当的干部选出来。第二，基层党组织是党的全部工作和战斗力的基础\n"
        "3、，要以提升组织力为重点，突出政治功能，持续整顿软弱涣散基层党组织。\n"
    )
    (text,) = [t for t in kept(clean("在全县组织工作会议上的讲话\n" + chunks, rules)) if t.startswith("同志们")]
    assert "素质考察，坚决把好政治关" in text and "战斗力的基础，要以提升组织力" in text


def test_a_headings_doubled_mark_is_still_mended(rules):
    """Near-miss: numbered headings whose 、 a mirror doubled with a comma, no run of chunks: the mark is mended."""
    cleaned = clean(HEAD + "1、，加强政治建设\n要坚持把政治标准放在首位，坚决把好政治关。\n2、，加强组织建设\n要以提升组织力为重点，突出政治功能。\n", rules)
    assert "1、加强政治建设" in kept(cleaned) and "2、加强组织建设" in kept(cleaned)
    assert cleaned.normalised["broken-number-marks"] == 2


# --- chrome left in the body ----------------------------------------------------------------------------

@pytest.mark.parametrize("where", ["inside", "below"])
def test_a_pictures_inline_data_goes(rules, where):
    data = "<image>data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD"
    body = HEAD + (data + "\n" if where == "inside" else "") + CLOSING + (data + "\n" if where == "below" else "")
    cleaned = clean(body, rules)
    assert [(r.text, r.rule) for r in cleaned.removed] == [(data, "chrome-evidence")]


def test_a_sentence_about_data_stays(rules):
    line = "要用好大数据手段，建立干部信息库，做到干部情况一屏掌握、一键查询。"
    assert line in kept(clean(HEAD + line + "\n" + CLOSING, rules))


@pytest.mark.parametrize("links", [
    "« 某某县召开党建工作推进会\n某某镇开展主题党日活动 »",
    "上篇：某某县召开党建工作推进会\n下篇：某某镇开展主题党日活动",
    "← 某某县召开党建工作推进会\n→ 某某镇开展主题党日活动",
], ids=["guillemets", "上篇-下篇", "arrows"])
def test_links_to_the_article_before_and_after_go(rules, links):
    cleaned = clean(HEAD + CLOSING + links + "\n", rules)
    assert [r.text for r in cleaned.removed] == links.split("\n")


def test_a_sentence_that_names_the_other_parts_stays(rules):
    line = "上篇文章我们讲了学习，下篇讲作风。"
    assert line in kept(clean(HEAD + CLOSING + line + "\n", rules))


@pytest.mark.parametrize("tail", [
    "来源 | 某某组工\n编辑 | 王小某\n审核 | 李某",
    "来源丨某某组工\n责编丨王某",
    "本文经授权转载，转载请联系原作者\n编辑：王某",
], ids=["bars", "丨", "reprint-notice"])
def test_a_mirrors_reprint_notice_and_credits_go(rules, tail):
    cleaned = clean(HEAD + CLOSING + tail + "\n", rules)
    assert [r.text for r in cleaned.removed] == tail.split("\n") and kept(cleaned)[-1] == CLOSING.split("\n")[1]


def test_a_sentence_about_where_cadres_come_from_stays(rules):
    line = "来源广泛、结构合理的干部队伍，是事业发展的重要保证。"
    assert line in kept(clean(HEAD + line + "\n" + CLOSING, rules))


# --- a Markdown page's own outline ----------------------------------------------------------------------

MARKDOWN_PAGE = """# 在全县组织工作会议上的讲话

同志们：

今天召开全县组织工作会议，主要任务是总结去年工作，部署今年任务。刚才，几位同志作了很好的发言，我完全赞成。

## 坚持把政治建设摆在首位

要坚持把政治标准放在首位，在选拔任用干部时突出政治素质考察，坚决把好政治关，确保各级领导班子始终同党中央保持高度一致。

### 健全干部考察机制

要健全干部考察机制，完善日常了解干部的渠道，真正把忠诚干净担当的干部选出来。

### 加强年轻干部培养

**要拓宽选人视野**

坚持五湖四海，注重从基层一线发现干部，把想干事、能干事的年轻干部及时发现出来。

**要加强实践锻炼**

把年轻干部放到艰苦地区和吃劲岗位上去，在急难险重任务中经受考验、增长才干。

## 持续加强基层党组织建设

基层党组织是党的全部工作和战斗力的基础，要以提升组织力为重点，突出政治功能，持续整顿软弱涣散基层党组织。
"""


def outline(speech):
    return [(s.level, s.heading) for top in speech.sections for s in top.walk() if s.kind == "body" and s.heading]


def test_a_markdown_pages_hashes_give_its_outline_and_bold_points_stay_paragraphs(tmp_path):
    from conftest import one_speech

    speech = one_speech(tmp_path, MARKDOWN_PAGE)
    assert speech.title == "在全县组织工作会议上的讲话"
    assert outline(speech) == [(1, "坚持把政治建设摆在首位"), (2, "健全干部考察机制"), (2, "加强年轻干部培养"), (1, "持续加强基层党组织建设")]
    texts = [p.text for top in speech.sections for s in top.walk() for p in s.paragraphs]
    assert "要拓宽选人视野" in texts and "要加强实践锻炼" in texts


def test_one_marked_line_is_no_outline(tmp_path):
    """Near-miss: a single `##` line in the body gives no levels; the page is read by its shapes as before."""
    from conftest import one_speech

    page = MARKDOWN_PAGE.replace("### ", "").replace("## 持续", "持续")
    speech = one_speech(tmp_path, page)
    assert all(s.style != "given" for top in speech.sections for s in top.walk())


def test_numbered_headings_under_markdown_take_its_levels(tmp_path):
    from conftest import one_speech

    page = MARKDOWN_PAGE.replace("## 坚持", "## 一、坚持").replace("## 持续", "## 二、持续").replace("### 健全", "### （一）健全").replace("### 加强", "### （二）加强")
    speech = one_speech(tmp_path, page)
    assert outline(speech) == [(1, "一、坚持把政治建设摆在首位"), (2, "（一）健全干部考察机制"), (2, "（二）加强年轻干部培养"), (1, "二、持续加强基层党组织建设")]


# --- the greeting under the salutation -----------------------------------------------------------------

def all_paragraphs(speech):
    return [(p.kind, p.text) for top in speech.sections for s in top.walk() for p in s.paragraphs]


@pytest.mark.parametrize("greeting", ["大家好！", "大家早上好！", "各位领导好！", "同志们，大家好！", "老师们、同学们：\n大家好！"])
def test_a_greeting_under_the_salutation_is_the_salutations(tmp_path, greeting):
    from conftest import one_speech

    speech = one_speech(tmp_path, HEAD.replace("今天召开", greeting + "\n今天召开") + CLOSING)
    expected = [("salutation", "同志们：")] + [("salutation", line) for line in greeting.split("\n")] + [("text", HEAD.split("\n")[2])]
    assert all_paragraphs(speech)[: len(expected)] == expected


@pytest.mark.parametrize("line", ["大家好，今天我们在这里召开全县组织工作会议。", "各位要学好。"])
def test_a_sentence_under_the_salutation_is_the_texts(tmp_path, line):
    from conftest import one_speech

    speech = one_speech(tmp_path, HEAD.replace("今天召开", line + "\n今天召开") + CLOSING)
    assert all_paragraphs(speech)[:2] == [("salutation", "同志们："), ("text", line)]


# --- a report's contact note under its title -----------------------------------------------------------

REPORT = """关于2023年全县干部教育培训工作情况的报告
{note}
县委：
2023年，县委组织部扎实推进干部教育培训工作，取得了明显成效。现将有关情况报告如下：
一、主要工作
全年共举办各类培训班32期，培训干部3200人次，干部综合素质不断提升。
二、存在问题
培训内容的针对性还不够强，培训方式还比较单一。
"""


def test_a_reports_contact_note_under_its_title_is_kept_for_review(rules):
    note = "（联系人：县委组织部干部教育科 王某某，联系电话：0551-12345678）"
    cleaned = clean(REPORT.format(note=note), rules)
    assert cleaned.removed == [] and [(d.line, d.text, d.reasons) for d in cleaned.doubtful] == [(2, note, "contact-note")]
    assert note in kept(clean(REPORT.format(note=note), rules, keep_lines={2}))


def test_a_sites_hotline_in_its_footer_still_goes(rules):
    """Near-miss: the same label and number unbracketed at the page's foot is the site's."""
    cleaned = clean(REPORT.format(note="县委：").replace("县委：\n县委：", "县委：") + "咨询电话：0551-12345678\n", rules)
    assert [r.text for r in cleaned.removed] == ["咨询电话：0551-12345678"]


# --- a section label inside a one-line dump ------------------------------------------------------------

PARAGRAPH = "过去一年，全县组织工作取得了明显成效，干部队伍建设不断加强，基层组织建设全面进步。"


def outline_and_first_paragraphs(tmp_path, text):
    from conftest import one_speech

    speech = one_speech(tmp_path, text)
    return [s.heading for top in speech.sections for s in top.walk() if s.kind == "body" and s.heading], all_paragraphs(speech)


def test_a_short_page_run_into_one_line_under_its_title_is_parted_at_its_headings(tmp_path):
    line = f"同志们：今天召开全县组织工作会议，主要任务是总结去年工作。一、充分肯定去年工作成绩 {PARAGRAPH}二、突出抓好今年重点任务 今年要坚持把政治建设摆在首位，着力建设高素质干部队伍。"
    headings, paragraphs = outline_and_first_paragraphs(tmp_path, "在全县组织工作会议上的讲话\n" + line + "\n")
    assert headings == ["一、充分肯定去年工作成绩", "二、突出抓好今年重点任务"]
    assert paragraphs[:3] == [("salutation", "同志们："), ("text", "今天召开全县组织工作会议，主要任务是总结去年工作。"), ("text", PARAGRAPH)]


def test_parts_a_long_dump_labels_第一部分_are_its_sections(tmp_path):
    line = "同志们：今天召开全县组织工作会议，主要任务是总结去年工作，部署今年任务。" + "第一部分：充分肯定去年工作成绩。" + PARAGRAPH * 3 + "第二部分：突出抓好今年重点任务。" + PARAGRAPH * 3
    headings, _ = outline_and_first_paragraphs(tmp_path, "在全县组织工作会议上的讲话\n" + line + "\n")
    assert headings == ["第一部分：充分肯定去年工作成绩。", "第二部分：突出抓好今年重点任务。"]


def test_a_paragraph_that_counts_its_points_stays_whole(tmp_path):
    """Near-miss: 第一，…第二，… inside the salutation's paragraph are points, not headings: the line is not parted."""
    line = "同志们：今天召开全县组织工作会议。第一，要提高政治站位，把思想统一到会议精神上来。第二，要压实工作责任，确保各项任务落地见效。"
    headings, paragraphs = outline_and_first_paragraphs(tmp_path, "在全县组织工作会议上的讲话\n" + line + "\n")
    assert headings == [] and paragraphs == [("text", line)]


# --- a news report's points -----------------------------------------------------------------------------

NEWS = """某某县召开2024年组织工作会议
{lead}3月5日，某某县召开2024年组织工作会议，总结2023年全县组织工作，部署2024年重点任务。县委常委、组织部部长张某某出席会议并讲话。
会议强调，2024年要突出抓好三个方面工作。
一是坚持把政治建设摆在首位。要持续深化理论武装，引导党员干部坚定拥护“两个确立”、坚决做到“两个维护”。
二是着力建设高素质干部队伍。要健全干部考核评价体系，加大年轻干部培养力度，激励干部担当作为。
三是推进基层党组织全面进步全面过硬。要深化党建引领基层治理，抓好村党组织书记队伍建设。
会上，各乡镇党委书记作了抓基层党建工作述职。
"""


@pytest.mark.parametrize("lead", ["", "为深入贯彻落实全省组织部长会议精神，"], ids=["day-first", "purpose-first"])
def test_a_news_reports_points_are_no_sections(tmp_path, lead):
    headings, paragraphs = outline_and_first_paragraphs(tmp_path, NEWS.format(lead=lead))
    assert headings == [] and ("text", "二是着力建设高素质干部队伍。要健全干部考核评价体系，加大年轻干部培养力度，激励干部担当作为。") in paragraphs


def test_a_speech_that_names_its_day_keeps_its_points_as_headings(tmp_path):
    """Near-miss: the speaker's own voice (我们) above the points: a speech's parts, not a report's list."""
    text = NEWS.format(lead="").replace("3月5日，某某县召开", "3月5日，我们召开").replace("县委常委、组织部部长张某某出席会议并讲话。", "")
    headings, _ = outline_and_first_paragraphs(tmp_path, text)
    assert headings == ["一是坚持把政治建设摆在首位。", "二是着力建设高素质干部队伍。", "三是推进基层党组织全面进步全面过硬。"]


# --- the text's last line cut off before a footer glued to it ------------------------------------------

LAST_SENTENCE = "基层党组织是党的全部工作和战斗力的基础。"
CUT_CLAUSE = "要以提升组织力为重点，突出政治功能，持续"


@pytest.mark.parametrize(("last", "kept_text", "footer"), [
    (LAST_SENTENCE + CUT_CLAUSE + " 责任编辑：王某", LAST_SENTENCE + CUT_CLAUSE, "责任编辑：王某"),
    (LAST_SENTENCE + CUT_CLAUSE + " 网友评论 浏览次数：1024", LAST_SENTENCE + CUT_CLAUSE, "网友评论 浏览次数：1024"),
    (LAST_SENTENCE + "网友评论 浏览次数：1024", LAST_SENTENCE, "网友评论 浏览次数：1024"),
], ids=["cut-then-credit", "cut-then-counters", "sentence-then-counters-a-rule-takes"])
def test_the_text_before_a_footer_glued_to_its_last_line_stays(rules, last, kept_text, footer):
    cleaned = clean(HEAD + "一、坚持把政治建设摆在首位\n" + FIRST_HALF + SECOND_HALF + "\n" + last + "\n", rules)
    assert kept(cleaned)[-1] == kept_text and [r.text for r in cleaned.removed] == [footer]


def test_a_caption_ending_in_its_credit_still_goes_whole(rules):
    """Near-miss: a picture's caption retells the report and ends with its photographer: no sentence of it stays."""
    caption = "3月5日，某某县召开组织工作会议，县委书记张某出席会议并讲话。本报记者 某某 摄"
    cleaned = clean(HEAD + CLOSING + caption + "\n", rules)
    assert [r.text for r in cleaned.removed] == [caption]


def test_a_rules_sentence_glued_to_a_credit_goes_whole(rules):
    """Near-miss: what stands before the footer is a rule's own sentence (a reprint notice): it is no text to keep."""
    notice = "本文来源于某某组工，如有侵权请联系删除。 编辑：王某"
    cleaned = clean(HEAD + CLOSING + notice + "\n", rules)
    assert [r.text for r in cleaned.removed] == [notice]
