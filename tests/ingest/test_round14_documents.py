"""Documents of round 14's classes (session 27, #33), each read by its evidence: an English file
with a few Chinese lines (no Chinese text to speak of) … The files are made here (python-docx,
Typst) with text written for the tests.
"""

from __future__ import annotations

import re

import pytest

from build_kb.ingest import convert as convert_module
from build_kb.ingest.convert import ConversionError, convert

from conftest import failed_examples


@pytest.mark.parametrize("reader", [convert_module.in_another_language, convert_module.a_column_label, __import__("build_kb.ingest.parse", fromlist=["_"])._a_column_label_over_the_title, __import__("build_kb.ingest.gongwen", fromlist=["_"])._beside_a_contact_column, convert_module.addresses_the_audience, __import__("build_kb.ingest.gongwen", fromlist=["_"]).read_numbered_attachment, __import__("build_kb.ingest.gongwen", fromlist=["_"]).signed_by_a_unit, __import__("build_kb.ingest.layout", fromlist=["_"]).ends_on_a_word_that_takes_more, convert_module.levels_by_their_numbers, __import__("build_kb.ingest.pdf", fromlist=["_"])._foot_under_both_columns, __import__("build_kb.ingest.pdf", fromlist=["_"]).cover_date, __import__("build_kb.ingest.parse", fromlist=["_"]).counts_a_measure, __import__("build_kb.ingest.pdf", fromlist=["_"]).a_titles_first_words, __import__("build_kb.ingest.layout", fromlist=["_"]).join_a_parts_number_to_its_name, __import__("build_kb.ingest.parse", fromlist=["_"])._a_list_under_its_lead_in, __import__("build_kb.ingest.lead", fromlist=["_"]).caption_day])
def test_the_readers_examples_hold(reader):
    assert failed_examples(reader) == 0


ENGLISH = "The committee reviewed the work of the year and set out the priorities for the next one, with a plan for training and a budget. "


@pytest.mark.parametrize("sidebar", [["中国代表团", "会议纪要"], ["简报第三期：组织工作"], ["联系人：王某", "电话：010-12345678"]])
def test_an_english_pdf_with_a_few_chinese_lines_beside_it_is_refused_in_one_line(tmp_path, sidebar):
    """Two or three Chinese lines in a sidebar or a box of an English report are no Chinese text to
    speak of: the file is refused, saying how many Han characters and foreign words it has."""
    import typst

    side = "\\\n".join(sidebar)
    source = ('#set page(paper: "a4")\n#set text(font: "Noto Serif CJK SC")\n'
              f"#grid(columns: (1fr, 4cm), column-gutter: 1cm, [{(ENGLISH * 6 + chr(10) * 2) * 4}], [#text(9pt)[{side}]])\n")
    path = tmp_path / "report.pdf"
    path.write_bytes(typst.compile(source.encode("utf-8")))
    with pytest.raises(ConversionError) as error:
        convert(path)
    han = sum(len(re.findall(r"[\u4e00-\u9fff]", line)) for line in sidebar)
    assert str(error.value) == f"report.pdf：有文字层（2 页），但几乎都是外文：汉字只有 {han} 个，外文词有 552 个；导入的应是中文讲话稿"


def test_a_chinese_speech_with_an_english_title_page_or_abstract_is_read(tmp_path):
    """Near misses: a Chinese speech under an English abstract, a Word file with an English summary."""
    import typst

    from docx import Document

    source = ('#set page(paper: "a4")\n#set text(font: "Noto Serif CJK SC")\n' + f"Abstract. {ENGLISH * 3}\n\n" +
              "同志们：\n\n" + "各级党组织要坚持把学习贯彻党的创新理论作为首要政治任务，推动理论学习往深里走、往实里走。\n\n" * 3)
    (tmp_path / "讲话.pdf").write_bytes(typst.compile(source.encode("utf-8")))
    assert "同志们：" in convert(tmp_path / "讲话.pdf").text
    document = Document()
    document.add_paragraph("Summary: " + ENGLISH * 2)
    document.add_paragraph("在全县组织工作会议上的讲话")
    document.add_paragraph("各级党组织要坚持把学习贯彻党的创新理论作为首要政治任务，推动理论学习往深里走。" * 2)
    document.save(tmp_path / "讲话.docx")
    assert "在全县组织工作会议上的讲话" in convert(tmp_path / "讲话.docx").text


def test_an_english_word_file_with_one_chinese_line_is_refused(tmp_path):
    from docx import Document

    document = Document()
    document.add_paragraph("工作简报")
    for _ in range(4):
        document.add_paragraph(ENGLISH * 3)
    document.save(tmp_path / "brief.docx")
    with pytest.raises(ConversionError) as error:
        convert(tmp_path / "brief.docx")
    assert str(error.value) == "brief.docx：转换后几乎都是外文：汉字只有 4 个，外文词有 276 个；导入的应是中文讲话稿"


# --- a title-less text: the salutation with its greeting, a caption's day ------------------------------


def speech_of(path, rules=None):
    from build_kb.config import load_boilerplate
    from build_kb.model import SourceFile
    from build_kb.pipeline import make_speech
    from conftest import CORPUS

    from build_kb.config import SpeechOverride

    converted = convert(path)
    source = SourceFile(path=path, rel_path=path.stem + ".txt", encoding="utf-8", sha256="", raw=b"", text=converted.text)
    # as kb add stores it: the headings the document's type or styles named, the original's name
    values = {"original": path.name, **({"title": converted.title} if converted.title else {}),
              **({"heading_lines": converted.heading_lines} if converted.heading_lines else {})}
    return converted, make_speech(source, rules or load_boilerplate(CORPUS), SpeechOverride(path.stem + ".txt", 1, values), [])


def outline(speech) -> list[tuple[int, str]]:
    """(level, heading) of every section, depth first."""
    found = []

    def walk(sections):
        for section in sections:
            if section.heading:
                found.append((section.level, section.heading))
            walk(section.children)

    walk(speech.sections)
    return found


BODY = ("今天我们召开全县组织工作会议，主要任务是总结去年工作，部署今年任务。\n"
        "一、充分肯定过去一年的工作成绩\n过去一年，全县各级党组织认真落实新时代党的建设总要求，扎实推进各项工作，取得了明显成效。\n"
        "二、准确把握今年工作的重点任务\n各级党组织要坚持问题导向，抓好各项任务落实，推动组织工作高质量发展。\n"
        "同志们，让我们紧密团结起来，开拓进取，扎实工作。\n")


def test_a_salutation_may_end_in_a_greeting():
    from build_kb.ingest.layout import SALUTATION_RE

    assert [bool(SALUTATION_RE.match(t)) for t in ("亲爱的同学们，大家好！", "老师们、同学们，大家上午好！", "尊敬的各位来宾，大家好",
                                                   "各位领导、同志们：", "同学们好好学习", "大家好，今天我们在这里召开大会。")] == [True, True, True, True, False, False]


@pytest.mark.parametrize("salutation", ["亲爱的同学们，大家好！", "老师们、同学们，大家上午好！", "尊敬的各位领导、各位来宾，大家好"])
def test_a_title_less_text_s_salutation_with_a_greeting_is_no_title(tmp_path, salutation):
    """A GB18030 text with no title line: its first line addresses the audience and greets it — the
    salutation (opening), never the title; the title is made from the content as for any title-less text."""
    path = tmp_path / "jianghua.txt"
    path.write_bytes((salutation + "\n" + BODY).encode("gb18030"))
    _, speech = speech_of(path)
    assert speech.title == "在全县组织工作会议上的讲话" and speech.title_derived
    assert [h.role for h in speech.header if h.text == salutation] in ([], ["salutation"])
    assert salutation not in (speech.title, speech.subtitle)


@pytest.mark.parametrize("caption, title, date", [
    ("图为2023年3月15日全县组织工作会议现场", "", "2023-03-15"),
    ("△ 6月28日，县委书记在七一专题党课上授课。", "2022年七一专题党课讲稿\n", "2022-06-28"),
    ("（图为2021年11月2日，与会同志分组讨论）", "", None),  # no event named: not a meeting's day (分组讨论 is no 会)
])
def test_a_caption_s_day_dates_a_text_that_gives_none(tmp_path, caption, title, date):
    """A picture's caption taken off as such (photo-caption) names the day of the event it shows: the
    text's date when the text has none (year its own or the title's), on 待核对 date-guessed."""
    path = tmp_path / "jianghua.txt"
    path.write_bytes((title + "同志们：\n" + BODY + caption + "\n").encode("gb18030"))
    _, speech = speech_of(path)
    assert speech.date == date
    guessed = [item.message for item in speech.review if item.code == "date-guessed"]
    assert guessed == ([f"日期 {date} 取自图片说明“{caption}”：请核对"] if date else [])


# --- a report with a cover and its own contents ----------------------------------------------------------

P = "各级党组织要坚持把学习贯彻党的创新理论作为首要政治任务，推动理论学习往深里走、往实里走，切实把学习成效转化为推动工作的实际行动。"
HEADS = ["一、总体情况", "二、主要做法", "三、存在问题", "四、几点建议"]


def _typst(source: str) -> bytes:
    import typst

    return typst.compile(('#set text(font: "Noto Serif CJK SC", size: 11pt, lang: "zh")\n#set page(paper: "a4", margin: 2.5cm)\n'
                          "#set par(justify: true)\n" + source).encode("utf-8"))


def _cover_report(first: str, second: str, cover_apart: bool = True) -> bytes:
    """A cover: the title on two centred lines, the first smaller (18 over 26 pt), a month under it; then a 目录
    in the title's type with four entries and their pages, then the four parts."""
    entries = "".join(f"{head.replace('、', '、　')}　{k + 2}\n\n" for k, head in enumerate(HEADS))
    return _typst(f"#v(3cm)\n#align(center, text(18pt)[{first}])\n#align(center, text(26pt)[{second}])\n#v(6cm)\n"
                  f"#align(center, text(14pt)[二〇二四年一月])\n{'#pagebreak()' if cover_apart else ''}\n#align(center, text(26pt)[目　录])\n"
                  + entries + "#pagebreak()\n" + "".join(f"{head}\n\n" + f"{P}\n\n" * 3 for head in HEADS))


@pytest.mark.parametrize("first, second, title, cover_apart", [
    ("某某市基层党建", "年度发展报告（2023）", "某某市基层党建年度发展报告（2023）", True),
    ("2023年度全县", "组织工作调研报告", "2023年度全县组织工作调研报告", False),
    ("某某大学", "本科毕业论文", "本科毕业论文", True),  # a name of its own over the largest line: not the title's
    ("二〇二三年十二月", "工作报告", "工作报告", True),  # a date
])
def test_a_covers_title_keeps_its_first_line_set_smaller_and_never_the_contents_label(tmp_path, first, second, title, cover_apart):
    """The cover's first line, set smaller right over the largest, is the title's first words; the 目录 in the
    title's type under it is the contents' label, dropped with its entries, never the title's end."""
    (tmp_path / "报告.pdf").write_bytes(_cover_report(first, second, cover_apart))
    converted = convert(tmp_path / "报告.pdf")
    assert converted.title == title
    lines = converted.text.split("\n")
    assert {lines[n - 1]: level for n, level in converted.heading_lines.items()} == {head: 1 for head in HEADS}
    assert "目　录" not in lines and "去掉目录 5 行" in converted.notes


@pytest.mark.parametrize("lines, title", [
    ([("某某市基层党建", 18), ("年度发展报告（2023）", 22), ("目录", 22)], "某某市基层党建年度发展报告（2023）"),
    ([("全市组织工作要点", 22), ("目　录", 22)], "全市组织工作要点"),
    ([("某某大学", 16), ("学生工作年度报告", 22), ("目录", 16)], "学生工作年度报告"),
])
def test_a_word_covers_title_with_its_first_line_smaller_and_a_contents_label_under_it(tmp_path, lines, title):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = Document()
    for text, size in lines:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).font.size = Pt(size)
    for head in HEADS:
        document.add_paragraph(head)
    for head in HEADS:
        document.add_paragraph(head)
        document.add_paragraph(P)
    document.save(tmp_path / "报告.docx")
    assert convert(tmp_path / "报告.docx").title == title


def test_a_parts_number_alone_over_its_name_is_one_heading(tmp_path):
    """`第一部分` and `总体情况` on two centred lines in the text's type: one top-level heading 第一部分　总体情况 (the
    join logged); a chapter's number over a paragraph stays as it was."""
    parts = [("第一部分", "总体情况"), ("第二部分", "主要做法"), ("第三部分", "存在问题与建议")]
    body = "".join(f"#align(center)[{n}]\n\n#align(center)[{name}]\n\n" + f"{P}\n\n" * 3 for n, name in parts)
    path = tmp_path / "报告.pdf"
    path.write_bytes(_typst("#align(center, text(22pt)[某某市基层党建年度发展报告])\n\n" + body))
    _, speech = speech_of(path)
    assert outline(speech) == [(1, f"{n}\u3000{name}") for n, name in parts]


def test_a_list_under_the_sentence_that_leads_into_it_makes_no_headings(tmp_path):
    """A report's parts named by their type (heading_lines), a sentence ending in a colon, four short numbered items
    right under it: the sentence's list — paragraphs, not level-2 headings. Items each over text stay headings."""
    items = ["加强理论学习", "健全组织体系", "建强干部队伍", "完善工作机制"]
    heads = "".join(f'#text(size: 15pt, weight: "bold")[{part}]\n\n' + f"{P}\n\n" * 2 for part in ("第一部分　总体情况",))
    listed = '#text(size: 15pt, weight: "bold")[第二部分　主要做法]\n\n主要做法包括以下几个方面：\n\n' + "".join(f"{n}. {t}\n\n" for n, t in enumerate(items, 1)) + f"{P}\n\n"
    advice = ["压实工作责任", "强化督促检查"]
    headed = '#text(size: 15pt, weight: "bold")[第三部分　几点建议]\n\n下面提几点建议：\n\n' + "".join(f"{n}. {t}\n\n{P}\n\n" for n, t in enumerate(advice, 1))
    path = tmp_path / "报告.pdf"
    path.write_bytes(_typst("#align(center, text(22pt)[某某市基层党建年度发展报告])\n\n" + heads + listed + headed))
    converted, speech = speech_of(path)
    assert outline(speech) == [
        (1, "第一部分 总体情况"), (1, "第二部分 主要做法"), (1, "第三部分 几点建议"), *((2, f"{n}.{t}") for n, t in enumerate(advice, 1))]
    assert all(f"{n}.{t}" in converted.text.split("\n") for n, t in enumerate(items, 1))


# --- a two-column journal article ------------------------------------------------------------------------

JOURNAL_HEADS = [("１　引言", []), ("２　研究设计", ["２.１　样本选取", "２.２　分析方法"]), ("３　结论与建议", [])]


def _journal(subhead_size: str = "10pt") -> bytes:
    """Two pages of a journal: a band over two columns (title, author, abstract), the notes under both columns of
    page 1 in smaller type (收稿日期 in full-width figures, 作者简介) over the footer with the issue; heads in full-width
    figures (１　引言), sub-heads numbered ２.１ under ２; every paragraph says its place (第k句)."""
    body, k = "", 0
    for head, subs in JOURNAL_HEADS:
        body += f'#text(size: 11pt, weight: "bold")[{head}]\n\n'
        for _ in range(7):
            k += 1
            body += f"#h(2em){P}第{k}句。\n\n"
        for sub in subs:
            body += f'#text(size: {subhead_size}, weight: "bold")[{sub}]\n\n'
            for _ in range(5):
                k += 1
                body += f"#h(2em){P}第{k}句。\n\n"
    import typst

    return typst.compile((
        '#set text(font: "Noto Serif CJK SC", size: 10pt, lang: "zh")\n'
        '#set page(paper: "a4", columns: 2, margin: (x: 2cm, y: 2.5cm), footer: context { if calc.odd(here().page()) '
        "{ [某某学刊　2019年第2期 #h(1fr) · #counter(page).display() ·] } else { [· #counter(page).display() · #h(1fr) 某某学刊]} })\n"
        "#set par(justify: true)\n"
        '#place(top + center, float: true, scope: "parent")[#text(size: 20pt)[基层组织建设的几点思考]\n\n张某某\n\n'
        "#align(left)[摘要：本文分析了基层组织建设的现状，提出了加强基层组织建设的思路和建议，对于推动基层治理具有参考价值。]\n#v(1em)]\n"
        '#place(bottom + center, float: true, scope: "parent")[#line(length: 100%)\n#align(left, text(8pt)[收稿日期：２０１８－１１－０２ \\ '
        "作者简介：张某某，某某大学教授，主要从事基层治理研究。])]\n" + body).encode("utf-8")), k


@pytest.mark.parametrize("subhead_size", ["10pt", "11pt"])
def test_a_journal_s_first_page_notes_full_width_heads_and_sub_heads(tmp_path, subhead_size):
    """Page 1's notes under both columns are no part of the left one (dropped as article-notes, never between two
    sentences of the text); the paragraphs run in order; １　引言 … ３ are the top level, ２.１ and ２.２ under ２ — also
    when the journal sets them in the heads' type; the 收稿日期 is no date, the year the footer's issue."""
    data, count = _journal(subhead_size)
    (tmp_path / "期刊.pdf").write_bytes(data)
    converted, speech = speech_of(tmp_path / "期刊.pdf")
    paragraphs = converted.text.strip().split("\n\n")
    assert [p for p in paragraphs if p.startswith(P)] == [f"{P}第{k}句。" for k in range(1, count + 1)]
    assert not any("收稿日期" in p or "作者简介" in p for p in paragraphs) and "去掉首页脚的收稿日期、基金项目等 2 行" in converted.notes
    assert outline(speech) == [(1, "1 引言"), (1, "2 研究设计"), (2, "2.1 样本选取"), (2, "2.2 分析方法"), (1, "3 结论与建议")]
    assert (converted.date, converted.year) == (None, 2019)


# --- a Word sentence split across two paragraphs ----------------------------------------------------------


@pytest.mark.parametrize("above, below, joined", [
    ("要进一步增强做好新形势下组织工作的", "责任感和使命感，切实把各项任务落到实处。", True),
    ("各级党组织要坚持把党的政治建设与", "思想建设、组织建设结合起来，一体推进。", True),
    ("同时，要切实履行管党治党政治责任，通过", "建立清单、压实责任，推动各项任务落地见效。", True),
    ("同时，各级党组织要把抓基层打基础作为长远之计和固本之举，持续推动", "基层党组织全面进步、全面过硬。", False),  # a verb: maybe a lost stop
    ("今年以来，全县上下认真贯彻落实市委部署要求，扎实推进各项工作，取得了明显成效", "这些成绩的取得，是全县上下共同努力的结果。", False),
])
def test_a_word_sentence_split_across_two_paragraphs_is_joined_only_where_its_last_word_needs_more(tmp_path, above, below, joined):
    """Enter pressed inside a sentence in Word: the paragraph ends on a word of grammar (的, 与, 通过) — the sentence
    goes on below, joined, logged and on 待核对 (joined). A paragraph that ends on a verb or a noun may have lost
    its stop only: its break stays."""
    from docx import Document

    document = Document()
    for text in ("在全县组织工作会议上的讲话", "同志们：", P, above, below, P):
        document.add_paragraph(text)
    document.save(tmp_path / "讲话.docx")
    _, speech = speech_of(tmp_path / "讲话.docx")
    paragraphs = [p.text for section in speech.sections for p in section.paragraphs]
    assert (above + below in paragraphs) == joined and (above in paragraphs) == (not joined)
    assert any(item.code == "joined" for item in speech.review) == joined


# --- a Word notice without a letterhead --------------------------------------------------------------------


@pytest.mark.parametrize("attachment_lines, attachments", [
    (["附件1：党员民主评议测评表", "附件2：民主评议工作安排"], ["党员民主评议测评表", "民主评议工作安排"]),
    (["附件一：党员民主评议测评表", "附件二：民主评议工作安排.docx"], ["党员民主评议测评表", "民主评议工作安排"]),
    (["附件：1．党员民主评议测评表", "2．民主评议工作安排"], ["党员民主评议测评表", "民主评议工作安排"]),
])
@pytest.mark.parametrize("signer", ["中共某某大学委员会组织部", "某某学院党总支", "某某县妇联"])
def test_a_word_notice_without_a_letterhead_reads_its_attachments_and_its_signer(tmp_path, attachment_lines, attachments, signer):
    """A notice typed in Word with no 版头: its title centred and large, 各党支部：, the text, one line per attachment
    numbered in its label (附件1：…) or under one 附件：, the signer and the date right-aligned. The attachment lines are
    the 附件说明 (metadata, out of the text); the line right above the date signs it, whatever its name ends in."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = Document()
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("关于开展2023年度党员民主评议工作的通知").font.size = Pt(22)
    for text in ("各党支部：", "为进一步加强党员队伍建设，经研究，决定开展2023年度党员民主评议工作。现将有关事项通知如下。",
                 "一、评议时间", "2023年12月10日至12月31日。", "二、工作要求", "各党支部要高度重视，认真组织，确保评议工作取得实效。", *attachment_lines):
        document.add_paragraph(text)
    for text in (signer, "2023年12月5日"):
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.save(tmp_path / "通知.docx")
    _, speech = speech_of(tmp_path / "通知.docx")
    assert (speech.issuer, speech.attachments, speech.addressees, speech.date) == (signer, attachments, ["各党支部"], "2023-12-05")
    text = [p.text for section in speech.sections for p in section.paragraphs]
    assert not any(line in paragraph for line in attachment_lines for paragraph in text)


def test_a_sentence_without_its_stop_over_the_date_signs_nothing():
    from build_kb.ingest.gongwen import signed_by_a_unit

    assert [signed_by_a_unit(t) for t in ("请各单位认真落实", "特此通知", "张某某", "某某市第一中学")] == [False, False, False, True]


# --- opening phrases --------------------------------------------------------------------------------------


@pytest.mark.parametrize("opening", ["同志们，新征程上任务艰巨、使命光荣", "同志们，朋友们，让我们携起手来", "各位代表、同志们，下面我讲三点意见", "亲爱的同学们，青春正当时"])
def test_words_to_the_audience_set_like_the_heads_are_no_headings(tmp_path, opening):
    """A Word speech whose heads are bold lines over text (no numbers) sets the speaker's turns to the hall in bold
    too: those lines are no headings (noted, logged); the heads stay."""
    from docx import Document

    document = Document()
    document.add_paragraph("在全县组织工作会议上的讲话")
    document.add_paragraph().add_run("同志们：").bold = True
    document.add_paragraph(P)
    for head in ("坚持政治引领", "强化组织建设", "加强作风建设"):
        document.add_paragraph().add_run(head).bold = True
        document.add_paragraph(P)
    document.add_paragraph().add_run(opening).bold = True
    document.add_paragraph(P)
    document.save(tmp_path / "讲话.docx")
    converted, speech = speech_of(tmp_path / "讲话.docx")
    assert outline(speech) == [(1, "坚持政治引领"), (1, "强化组织建设"), (1, "加强作风建设")]
    assert f"1 行对听众说的话（同志们，……）不作小标题：“{opening}”" in converted.notes


# --- a Traditional 公文: its title converted like its body; its addressees beside a contact column ------------


def _traditional(source: str) -> bytes:
    import typst

    return typst.compile(('#set text(font: "Noto Serif CJK TC", size: 12pt, lang: "zh", region: "tw")\n#set page(paper: "a4", margin: 2.5cm)\n'
                          + source).encode("utf-8"))


@pytest.mark.parametrize("wrap, addressees", [
    ("某某市立圖書館", ["某某市各区公所", "某某市政府各局处", "某某市立图书馆"]),
    ("", ["某某市各区公所", "某某市政府各局处"]),
])
def test_a_letter_s_addressees_wrapped_beside_its_contact_column(tmp_path, wrap, addressees):
    """A Taiwan 函's 受文者 on the left, the office's 地址 / 聯絡人 / 電話 on the right, read as rows across both: the
    addressees end where the contact column begins, and go on in the wrap under them (left of 聯絡人：)."""
    grid = (f"#grid(columns: (1fr, 6cm), row-gutter: 0.8em, [受文者：某某市各區公所、某某市政府各局處{'、' if wrap else ''}], [地址：某某路一段15號], "
            f"[　　　　{wrap}], [聯絡人：王小明], [], [電話：02-12345678])\n\n")
    (tmp_path / "函.pdf").write_bytes(_traditional(
        "#align(center, text(20pt)[某某市政府　函])\n\n" + grid + "發文日期：中華民國112年5月3日\n\n發文字號：府組字第1120012345號\n\n"
        "主旨：檢送「推動基層組織建設實施計畫」一份，請查照。\n\n說明：\n\n一、依據本府112年度施政計畫辦理。\n\n"
        "二、請各機關確實推動組織建設工作，強化幹部培訓與黨員教育，落實各項工作要求。\n\n#align(right)[市長　某某某]\n"))
    _, speech = speech_of(tmp_path / "函.pdf")
    assert speech.addressees == addressees and speech.issuer == "某某市政府"


def test_a_traditional_document_s_title_is_stored_in_the_script_its_text_is_read_in(tmp_path):
    """kb add proposes the title the PDF marks (its largest type) in Simplified, as the body is read (繁体 → 简体)."""
    from build_kb.curate import add_files

    (tmp_path / "講話.pdf").write_bytes(_traditional(
        "#align(center, text(20pt)[在全縣組織工作會議上的講話])\n\n同志們：\n\n" + "各級黨組織要堅持把學習貫徹黨的創新理論作為首要政治任務，推動理論學習往深裡走、往實裡走。\n\n" * 3))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    add_files([tmp_path / "講話.pdf"], corpus)
    assert '  title: "在全县组织工作会议上的讲话"' in (corpus / "speeches.yaml").read_text(encoding="utf-8")


# --- a browser-printed PDF's header with a month and day only -----------------------------------------------


@pytest.mark.parametrize("printed", ["3/15 10:20", "3月15日 星期五 下午3:05", "3/15, 10:20 AM"])
def test_a_browser_s_printing_time_without_a_year_is_its_margin_not_the_text_or_its_date(tmp_path, printed):
    """A browser prints when it printed in the margin, some with the month and day only: the browser's line (dropped as
    browser-header), never the first line of the text nor the article's day. A typeset file keeps such a line."""
    import io

    import typst
    from pypdf import PdfReader, PdfWriter

    from build_kb.ingest.pdf import read_pdf

    source = ('#set page(paper: "a5", margin: (x: 12mm, y: 16mm), '
              f'header: [#set text(size: 7pt)\n{printed} #h(1fr) 用好红色资源上好党课\\_某某先锋网 #h(1fr)], '
              "footer: [#set text(size: 7pt)\nhttps://www.example.cn/news/123.html #h(1fr) 1/1])\n"
              '#set text(font: "Noto Serif CJK SC", size: 10pt, lang: "zh")\n'
              f"#text(size: 16pt)[用好红色资源上好党课]\n\n{P}\n\n{P}\n")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(typst.compile(source.encode("utf-8")))))
    writer.add_metadata({"/Creator": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0", "/Title": "用好红色资源上好党课_某某先锋网"})
    out = io.BytesIO()
    writer.write(out)
    read = read_pdf(out.getvalue())
    assert read.paragraphs[0] == "用好红色资源上好党课" and read.paragraphs[-2:] == [P, P]
    assert any(reason == "browser-header" and re.sub(r"\s+", "", text).startswith(re.sub(r"\s+", "", printed)) for _, text, reason in read.dropped)
    assert not any(re.search(r"\d:\d\d", paragraph) for paragraph in read.paragraphs)
    assert (read.cover_date, read.cover_year) == (None, None)


# --- a column label before the title ----------------------------------------------------------------------


@pytest.mark.parametrize("label", ["理论学习", "【党课讲稿】", "专题党课｜", "学习园地："])
def test_a_column_label_over_a_word_title_is_not_the_title_s(tmp_path, label):
    """A Word piece under its column's label (the text's type, left) with its title centred and large under it: the
    title is the large line alone, the label a note over it."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = Document()
    document.add_paragraph().add_run(label).font.size = Pt(10.5)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("用好红色资源上好专题党课").font.size = Pt(22)
    for text in ("同志们：", P, "红色资源是我们党艰辛而辉煌奋斗历程的见证，是最宝贵的精神财富。"):
        document.add_paragraph(text)
    document.save(tmp_path / "党课.docx")
    converted, speech = speech_of(tmp_path / "党课.docx")
    assert converted.title == speech.title == "用好红色资源上好专题党课"
    assert [h.role for h in speech.header if h.text == label] == ["note"]


@pytest.mark.parametrize("lines, title", [
    (["专题党课｜", "用好红色资源上好专题党课"], "用好红色资源上好专题党课"),
    (["理论学习 |", "用好红色资源上好专题党课"], "用好红色资源上好专题党课"),
    (["在全县组织工作会议上的", "讲话"], "在全县组织工作会议上的讲话"),  # a wrapped title: whole
])
def test_a_text_s_column_label_closed_by_a_bar_is_no_part_of_the_title(tmp_path, lines, title):
    path = tmp_path / "jianghua.txt"
    path.write_text("\n".join([*lines, "同志们：", P]) + "\n", encoding="utf-8")
    _, speech = speech_of(path)
    assert speech.title == title
