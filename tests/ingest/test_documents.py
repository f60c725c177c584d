"""Real documents in (issue #33): PDFs read from their layout, 公文 parts as metadata, Word's own marks.

The files are made here (Typst and python-docx, tests/office_files.py) in the shapes real documents
take: a two-column PDF with odd/even running headers and roman page numbers, a GB/T 9704 公文 as PDF
and as Word, a Word 请示 with style-linked numbering and numbered table cells.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from build_kb.config import load_boilerplate
from build_kb.ingest.clean import unified_ideographs
from build_kb.ingest.convert import ConversionError, convert
from build_kb.ingest.gongwen import READERS, issuer_names, read_gongwen
from build_kb.ingest.pdf import CONTENTS_ENTRY, PAGE_NUMBER
from build_kb.model import Line, SourceFile
from build_kb.pipeline import make_speech
from office_files import (
    W_NS,
    GONGWEN_LINES,
    THESIS_TITLE,
    SIDEBAR_PARAGRAPH,
    TWO_COLUMN_PARAGRAPH,
    write_book_pdf,
    write_gongwen_docx,
    write_gongwen_glyph_html,
    write_gongwen_pdf,
    write_gongwen_tables_docx,
    write_gongwen_text,
    write_letter_pdf,
    write_outline_list_docx,
    write_qingshi_docx,
    write_short_gongwen_pdf,
    write_sidebar_pdf,
    write_thesis_docx,
    write_two_column_pdf,
)

HAN = re.compile(r"[\u3400-\u9fff]")
CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def rules():
    return load_boilerplate(CORPUS)


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    folder = tmp_path_factory.mktemp("documents")
    return {
        "two-column": write_two_column_pdf(folder / "双栏调研报告.pdf"),
        "gongwen-pdf": write_gongwen_pdf(folder / "公文.pdf"),
        "gongwen-docx": write_gongwen_docx(folder / "公文.docx"),
        "gongwen-svg": write_gongwen_glyph_html(folder / "公文SVG.html"),
        "gongwen-spans": write_gongwen_glyph_html(folder / "公文定位.html", element="span"),
        "gongwen-lines": write_gongwen_glyph_html(folder / "公文文字层.html", element="line"),
        "gongwen-text": write_gongwen_text(folder / "公文.txt"),
        "gongwen-tables": write_gongwen_tables_docx(folder / "公文表格.docx"),
        "qingshi": write_qingshi_docx(folder / "请示.docx"),
    }


def speech_of(path: Path, rules):
    converted = convert(path)
    source = SourceFile(path=path, rel_path=path.stem + ".txt", encoding="utf-8", sha256="", raw=b"", text=converted.text)
    return converted, make_speech(source, rules, None, [])


# --- PDF: reading order, running headers, page numbers, re-flow ---------------------------------


def test_a_two_column_pdf_is_read_column_by_column_without_headers_or_roman_page_numbers(made):
    converted = convert(made["two-column"])
    paragraphs = converted.text.rstrip("\n").split("\n\n")
    assert paragraphs[:8] == [
        "关于加强基层组织建设的调研报告",
        f"近年来，全县坚持党建引领①，推动基层组织建设取得新进展，{TWO_COLUMN_PARAGRAPH}",  # the raised ① stays in its sentence
        f"全县共有PDF version 2.0 files和GB/T 9704-2012标准文件128份，{TWO_COLUMN_PARAGRAPH}",  # Latin and figures re-flowed
        "单位　党员数　支部数",  # the table's rows, each a line, cells apart…
        "城关镇　320　12",
        "河口乡　156　7",
        f"表中数据显示，城关镇党员数量最多，{TWO_COLUMN_PARAGRAPH}",  # …and the paragraph after it its own
        f"（1）关于基层组织。{TWO_COLUMN_PARAGRAPH}",
    ]
    # Every numbered paragraph whole, in order, across columns and pages.
    numbered = [p for p in paragraphs if p.startswith("（")]
    assert [int(re.match(r"（(\d+)）", p).group(1)) for p in numbered] == list(range(1, 81))
    assert all(p.endswith(TWO_COLUMN_PARAGRAPH) for p in numbered)
    assert "第一章" not in converted.text and "调研文集" not in converted.text
    assert not any(re.fullmatch(r"[IVX]+", p) for p in paragraphs)
    assert converted.title == "关于加强基层组织建设的调研报告"
    assert converted.notes == ["共 4 页", "去掉页码 4 处", "去掉页眉页脚 4 行", "4 页按双栏顺序读取", "表格 3 行，每行一段", "340 行接成 87 段"]


def test_a_short_gongwen_s_lines_stay_apart_and_its_date_never_runs_into_the_next_page_s_record(tmp_path):
    """Few lines make no column: `请假须知` ends where `各学院：` above it ends, yet both are short on
    the page; the 密级 set right under the title starts where no wrapped line would; the issuer and date
    set right end their paragraphs, so the 版记 on the next page starts its own."""
    from build_kb.ingest.pdf import read_pdf

    read = read_pdf(write_short_gongwen_pdf(tmp_path / "通知.pdf").read_bytes())
    assert read.paragraphs == [
        "某校办公文件", "某校办发〔2023〕7号", "某校关于做好寒假安全工作的通知", "密级：秘密", "各学院：", "现就寒假安全工作通知如下，请认真落实。", "请假须知", "联系人：张明",
        "某校办公室", "2023年12月28日", "抄送：校党委办公室。", "分送：各学院办公室。", "某校办公室　2023年12月28日印发",
    ]
    assert read.title == "某校关于做好寒假安全工作的通知"
    _, speech = speech_of(tmp_path / "通知.pdf", load_boilerplate(CORPUS))
    assert (speech.title, speech.issuer, speech.doc_number, speech.addressees, speech.date) == (
        "某校关于做好寒假安全工作的通知", "某校办公室", "某校办发〔2023〕7号", ["各学院"], "2023-12-28")
    assert [p.text for p in speech.all_paragraphs()] == ["现就寒假安全工作通知如下，请认真落实。", "请假须知", "联系人：张明"]
    assert speech.speaker is None


def test_a_heading_over_its_first_subheading_and_list_items_of_one_length_stay_lines_of_their_own(tmp_path):
    """Regression (round 3): `三、…` over `（一）…` was joined into one heading, and two items of about
    one length were taken for text set in a narrow measure and run into the paragraph under them."""
    import typst

    from build_kb.ingest.pdf import read_pdf

    text = "要坚持把制度建设摆在突出位置，健全完善各项工作制度，推动各项工作规范化、制度化、常态化，确保各项任务落到实处、取得实效。"
    source = ('#set page(paper: "a5", margin: 20mm)\n#set text(font: "Noto Serif CJK SC", size: 11pt, lang: "zh")\n'
              '#set par(justify: true, first-line-indent: (amount: 2em, all: true), spacing: 0.65em)\n'
              f"{text}\n\n三、加强制度建设\n\n（一）坚持例会制度\n\n{text}\n\n1.每月召开一次\n\n2.会前印发议程\n\n{text}\n")
    (tmp_path / "制度.pdf").write_bytes(typst.compile(source.encode("utf-8")))
    assert read_pdf((tmp_path / "制度.pdf").read_bytes()).paragraphs == [
        text, "三、加强制度建设", "（一）坚持例会制度", text, "1.每月召开一次", "2.会前印发议程", text]


def test_a_taiwanese_letter_s_labelled_parts_binding_line_and_roc_date(tmp_path):
    """A 函 as written in Taiwan: its parts are labelled (受文者, 發文日期 in the Republic's years,
    發文字號, 附件 …), 說明's 一、二、 are points, and the binding line down the margin (|, 裝 訂 線) is
    no text, though 訂 stands beside a sentence's wrap."""
    from build_kb.ingest.pdf import read_pdf

    path = write_letter_pdf(tmp_path / "函.pdf")
    read = read_pdf(path.read_bytes())
    assert not any(re.fullmatch(r"[|裝訂線]", p) for p in read.paragraphs)
    assert {text for _, text, reason in read.dropped if reason == "margin-mark"} == {"|", "裝", "訂", "線"}
    _, speech = speech_of(path, load_boilerplate(CORPUS))
    assert (speech.title, speech.date, speech.issuer, speech.doc_number, speech.addressees, speech.attachments) == (
        "某某县政府函", "2021-09-30", "某某县政府", "府教学字第1100000001号", ["某某县立某某国民中学"], ["竞赛实施计划"])
    assert [p.text for p in speech.all_paragraphs()] == [
        "主旨：检送本县科技教育创意实作竞赛实施计划乙份，请各校踊跃报名参加，请查照。", "说明：", "一、依据本县科技教育推动总体计划办理。",
        "二、国中组各公私立国中学生均可跨校组队参加，每队组员人数二至四名，指导老师一至二名，请各校于期限内完成报名。",
    ]
    assert [s.heading for s in speech.all_sections() if s.heading] == []


def test_a_date_in_the_republic_s_years():
    from build_kb.text import find_date

    assert find_date("发文日期：中华民国110年9月30日")[0] == "2021-09-30"
    assert find_date("民國109年10月5日")[0] == "2020-10-05"
    assert find_date("民国三十八年") is None


def test_a_sidebar_in_smaller_type_is_read_after_the_text_it_stands_beside(tmp_path):
    from build_kb.ingest.pdf import read_pdf

    read = read_pdf(write_sidebar_pdf(tmp_path / "点评.pdf").read_bytes())
    assert read.paragraphs == [
        "三季度收入下滑　费用率提升盈利承压", SIDEBAR_PARAGRAPH, SIDEBAR_PARAGRAPH, "基础数据", "投资评级　优于大市", "合理估值　6.50元",
        "收盘价　5.65元", "总市值　271亿元", "最高价　10.04元", "最低价　5.15元", "日均成交额　3.6亿元",
    ]


def test_columns_with_a_narrow_gutter_are_read_apart(tmp_path):
    # A gutter of one character: pdfminer joins the two columns' lines; the gap parts them again.
    paragraphs = convert(write_two_column_pdf(tmp_path / "窄栏.pdf", gutter="5pt")).text.rstrip("\n").split("\n\n")
    numbered = [p for p in paragraphs if p.startswith("（")]
    assert [int(re.match(r"（(\d+)）", p).group(1)) for p in numbered] == list(range(1, 81))
    assert all(p.endswith(TWO_COLUMN_PARAGRAPH) for p in numbered)


@pytest.mark.parametrize("line", ["3", "— 3 —", "-3-", "- 3 -", "-- 24", "第3页", "第 3 页 共 9 页", "3/9", "III", "ix", "(3)", "Page 3 of 9"])
def test_page_numbers_in_every_usual_form(line):
    assert PAGE_NUMBER.match(line)


@pytest.mark.parametrize("line", ["2023年", "一、总体要求", "III类地区", "第3章"])
def test_lines_that_are_not_page_numbers(line):
    assert not PAGE_NUMBER.match(line)


@pytest.mark.parametrize("line, entry", [
    ("第1章引言⋅⋅⋅⋅⋅⋅⋅⋅⋅⋅　1", True),
    ("一、总体要求……………………3", True),
    ("2.2 文档目录简介 . . . . . . . . 12", True),
    ("附录A 撰写要求⋅⋅⋅⋅⋅⋅　IX", True),
    ("要坚持问题导向……这是关键。", False),
    ("一、总体要求", False),
])
def test_a_table_of_contents_line_is_known_by_its_dot_leader_and_page(line, entry):
    assert bool(CONTENTS_ENTRY.match(line)) == entry


def test_an_english_pdf_with_a_text_layer_has_no_chinese_text(tmp_path):
    import typst

    path = tmp_path / "report.pdf"
    path.write_bytes(typst.compile(b'#set page(paper: "a5")\nAnnual report of the committee.\n\nIt has a text layer in English.\n'))
    with pytest.raises(ConversionError) as error:
        convert(path)
    assert str(error.value) == "report.pdf：有文字层（1 页），但没有中文文字；导入的应是中文讲话稿"


@pytest.mark.parametrize("kind", ["two-column", "gongwen-pdf", "gongwen-docx", "gongwen-svg", "gongwen-spans", "gongwen-lines", "gongwen-text", "gongwen-tables", "qingshi"])
def test_text_conservation_for_every_import(made, rules, kind):
    """Every Han character of the imported text is in the header, a heading, a paragraph or the cleaner's log."""
    converted, speech = speech_of(made[kind], rules)
    shown = [h.text for h in speech.header] + [s.heading for s in speech.all_sections()] + [p.text for p in speech.all_paragraphs()]
    shown += [r.text for r in speech.clean.removed]
    assert len(HAN.findall("".join(shown))) == len(HAN.findall(unified_ideographs(converted.text)[0]))


# --- 公文 -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["gongwen-pdf", "gongwen-docx", "gongwen-svg", "gongwen-spans", "gongwen-lines", "gongwen-text", "gongwen-tables"])
def test_a_gongwen_s_parts_are_metadata_not_text(made, rules, kind):
    converted, speech = speech_of(made[kind], rules)
    assert speech.title == "关于进一步加强村级后备干部队伍建设的通知"
    assert speech.date == "2023-05-30"
    assert speech.issuer == "中共某某县委组织部、某某县人力资源和社会保障局"
    assert speech.doc_number == "某组发〔2023〕5号"
    assert speech.addressees == ["各乡镇党委", "县直各单位党组（党委）"]
    assert speech.attachments == ["村级后备干部推荐表", "村级后备干部花名册"]
    assert (speech.speaker, speech.speaker_role) == (None, None)
    assert [s.heading for s in speech.all_sections()] == ["", "一、明确目标任务", "二、严格选拔程序"]
    assert [p.text for p in speech.all_paragraphs()] == [GONGWEN_LINES["body"][0], GONGWEN_LINES["body"][2], GONGWEN_LINES["body"][4]]
    roles = {h.role for h in speech.header}
    assert {"copy-number", "secrecy", "urgency", "doc-number", "title", "addressees", "attachments", "signature", "date", "note"} <= roles
    # Text conservation: every Han character is in the header, the text or the cleaner's log.
    shown = [h.text for h in speech.header] + [s.heading for s in speech.all_sections()] + [p.text for p in speech.all_paragraphs()]
    shown += [r.text for r in speech.clean.removed]
    assert len(HAN.findall("".join(shown))) == len(HAN.findall(unified_ideographs(converted.text)[0]))


NOTICE_WITH_ITS_OWN_TEXT = [
    "某某县委组织部文件", "某组发〔2024〕5号", "关于印发《某某县2024年基层党建工作要点》的通知", "各乡镇党委，县直各单位党组（党委）：",
    "现将《某某县2024年基层党建工作要点》印发给你们，请结合实际认真贯彻落实。", "一、加强政治建设",
    "各级党组织要坚持把党的政治建设摆在首位，教育引导党员干部增强“四个意识”。", "二、夯实基层基础",
    "要深入推进抓党建促基层治理能力提升，选优配强村党组织书记。", "附件：1．基层党建工作任务分解表", "中共某某县委组织部", "2024年3月8日",
    "抄送：市委组织部。", "某某县委组织部办公室　　2024年3月8日印发",
]


def test_a_notice_that_holds_its_own_text_is_the_document_not_a_covering_letter(tmp_path, rules):
    # 关于印发…要点的通知 with the 要点 in its body and nothing but the 版记 after its date: not a covering
    # notice in front of a speech (all of it was once removed as one, leaving nothing to publish).
    import docx

    document = docx.Document()
    for text in NOTICE_WITH_ITS_OWN_TEXT:
        document.add_paragraph(text)
    document.save(tmp_path / "要点通知.docx")
    _, speech = speech_of(tmp_path / "要点通知.docx", rules)
    assert (speech.title, speech.date, speech.doc_number) == ("关于印发《某某县2024年基层党建工作要点》的通知", "2024-03-08", "某组发〔2024〕5号")
    assert (speech.issuer, speech.addressees, speech.attachments) == ("某某县委组织部", ["各乡镇党委", "县直各单位党组（党委）"], ["基层党建工作任务分解表"])
    assert [(s.heading, [p.text for p in s.paragraphs]) for s in speech.all_sections()] == [
        ("", [NOTICE_WITH_ITS_OWN_TEXT[4]]), ("一、加强政治建设", [NOTICE_WITH_ITS_OWN_TEXT[6]]), ("二、夯实基层基础", [NOTICE_WITH_ITS_OWN_TEXT[8]]),
    ]
    # the 成文日期 under the signing organ stays for the 公文 reader (the 版记 under it once made it a page's date)
    assert [r.rule for r in speech.clean.removed] == ["document-header", "document-header", "document-footer", "document-footer"]
    assert [item.code for item in speech.review] == []  # a 通知 is no meeting's: no 会议名称 asked for
    # kb check shows the curator the parts kept out of the text.
    from build_kb.check import report_text, speech_report

    shown = report_text({"not_built": [], "speeches": [speech_report(speech, [])]}).splitlines()
    assert shown[2] == "日期：  2024-03-08   ← 公文成文日期（发文机关署名之下）"
    assert shown[7:11] == ["发文机关：某某县委组织部", "发文字号：某组发〔2024〕5号", "主送：  各乡镇党委、县直各单位党组（党委）", "附件：  基层党建工作任务分解表"]
    at = shown.index("公文各部分（不进标题、小标题和正文）：")
    assert shown[at + 1 : at + 8] == [
        "  第 5 行 [标题] 关于印发《某某县2024年基层党建工作要点》的通知", "  第 7 行 [主送机关] 各乡镇党委，县直各单位党组（党委）：",
        "  第 19 行 [附件说明] 附件：1．基层党建工作任务分解表", "  第 21 行 [发文机关署名] 中共某某县委组织部", "  第 23 行 [成文日期] 2024年3月8日",
        f'  → 认错了的：在 corpus/speeches.yaml 里 "{speech.source.rel_path}": 之下改（没有就加一行，行首空两格）issuer 发文机关、doc_number 发文字号、addressees 主送、attachments 附件、title 标题、date 成文日期',
        "删除：  4 行",
    ]
    assert speech_report(speech, [])["document"]["lines"][1] == {"line": 7, "role": "addressees", "text": "各乡镇党委，县直各单位党组（党委）："}


def test_a_speech_sent_out_under_an_offices_notice_in_word_keeps_its_own_title_and_date(tmp_path, rules):
    # The 版头 is the office's name in large red type without 文件, over the 发文字号; the notice's date is
    # not the speech's; the 版记 sits in a table and the page number in the footer.
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    document.sections[0].footer.paragraphs[0].text = "— 1 —"

    def line(text, size=16, centred=False):
        paragraph = document.add_paragraph()
        paragraph.add_run(text).font.size = Pt(size)
        if centred:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    line("中共某某市委组织部", 26, True)
    line("某组通〔2023〕18号", 16, True)
    line("关于印发《李华同志在全市组织部长会议上的讲话》的通知", 22, True)
    for text in ("各县（市、区）委组织部，市直各单位党委（党组）：", "现将《李华同志在全市组织部长会议上的讲话》印发给你们，请认真学习领会。", "中共某某市委组织部", "2023年2月20日"):
        line(text)
    line("在全市组织部长会议上的讲话", 22, True)
    line("李  华", 16, True)
    line("（2023年2月16日）", 16, True)
    for text in ("同志们：", "一、坚持政治引领", "要把学习宣传贯彻党的二十大精神作为首要政治任务。", "二、坚持大抓基层", "要坚持党建引领基层治理，选优配强村党组织书记。"):
        line(text)
    table = document.add_table(rows=2, cols=1)
    table.rows[0].cells[0].text, table.rows[1].cells[0].text = "抄送：市委办公室。", "中共某某市委组织部办公室　　2023年2月20日印发"
    document.save(tmp_path / "讲话印发.docx")
    converted, speech = speech_of(tmp_path / "讲话印发.docx", rules)
    assert converted.title is None  # the first large line is the 版头, not a title the document marks
    assert (speech.title, speech.date, speech.speaker, speech.occasion) == ("在全市组织部长会议上的讲话", "2023-02-16", "李华", "全市组织部长会议")
    assert speech.detected_by["date"] == "header date line"
    assert [(s.heading, len(s.paragraphs)) for s in speech.all_sections()] == [("", 1), ("一、坚持政治引领", 1), ("二、坚持大抓基层", 1)]
    assert [r.rule for r in speech.clean.removed] == ["cover-letter", "document-header", *["cover-letter"] * 5, "document-footer", "document-footer"]


@pytest.mark.parametrize(
    "role, line, value",
    [
        ("copy-number", "000123", "000123"),
        ("secrecy", "机密★1年", "机密★1年"),
        ("urgency", "特急", "特急"),
        ("issuer", "中共某某县委组织部文件", "中共某某县委组织部"),
        ("doc-number", "某组发〔2023〕5号", "某组发〔2023〕5号"),
        ("doc-number", "某组发〔2023〕5号签发人：张三", "某组发〔2023〕5号"),
        ("doc-number", "XX发〔20XX〕XX号", "XX发〔20XX〕XX号"),
        ("doc-number", "〔2020〕号", "〔2020〕号"),
        ("doc-number", "2023年5号文件", None),
        ("signer", "签发人：张三", "张三"),
        ("addressees", "各市县（区）委组织部：", ["各市县（区）委组织部"]),
        ("addressees", "主送机关：各部门、各单位", ["各部门", "各单位"]),
        ("addressees", "同志们：", None),
        ("addressees", "各位领导、各位代表：", None),
        ("addressees", "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", ["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]),
        ("addressees", "首先，自治区：", None),
        ("attachments", "附件：1. 某某工作方案", ["某某工作方案"]),
        ("record", "抄送：市委办公室。", "抄送"),
        ("record", "某某办公室2023年5月6日印发", "印发"),
        ("date", "二〇二三年五月三十日", "2023-05-30"),
        ("date", "2023年5月30日", "2023-05-30"),
        ("signature", "中共某某县委组织部", "中共某某县委组织部"),
        ("signature", "关于进一步加强村级后备干部", None),
    ],
)
def test_each_gongwen_reader(role, line, value):
    assert READERS[role](line) == value


def test_joint_issuers_on_one_letter_spaced_line():
    assert issuer_names("某某省某某中心 某 某 医 院 文件") == ["某某省某某中心", "某某医院"]


def test_a_masthead_is_known_by_its_place_over_the_document_number_whatever_the_issuer_is_called(rules):
    """`某校办公文件` does not end like an organ; over the 发文字号 it is the 版头 all the same. The
    cleaner's taking it off does not end the head, and a 成文日期 it took off as a lone date is the date. Its name reads like no organ's (某校办公): the issuer is the signature's."""
    text = "某校办公文件\n\n某校办发〔2023〕7号\n\n某校关于做好寒假安全工作的通知\n\n各学院：\n\n现就寒假安全工作通知如下，请认真落实。\n\n某校办公室\n\n2023年12月28日\n"
    source = SourceFile(path=Path("通知.txt"), rel_path="通知.txt", encoding="utf-8", sha256="", raw=b"", text=text)
    speech = make_speech(source, rules, None, [])
    assert (speech.title, speech.date, speech.issuer, speech.doc_number, speech.addressees) == (
        "某校关于做好寒假安全工作的通知", "2023-12-28", "某校办公室", "某校办发〔2023〕7号", ["各学院"])
    assert [p.text for p in speech.all_paragraphs()] == ["现就寒假安全工作通知如下，请认真落实。"]
    lines = [Line(1, "会议纪要文件"), Line(2, "这是第一次会议的记录，不是公文。"), Line(3, "2023年5月30日")]
    assert read_gongwen(lines) is None  # no 发文字号 under it: no 版头


def test_under_the_addressees_the_text_begins_even_with_a_sentence_that_ends_in_a_colon(rules):
    text = "关于做好春季防火工作的通知\n\n各部门、各单位：\n\n根据上级有关文件精神，现就春季防火工作通知如下：\n\n一、落实责任\n\n请各单位明确专人负责，确保责任落实到位。\n\n某某单位\n\n2026年3月2日\n"
    source = SourceFile(path=Path("通知.txt"), rel_path="通知.txt", encoding="utf-8", sha256="", raw=b"", text=text)
    speech = make_speech(source, rules, None, [])
    assert (speech.title, speech.addressees, speech.date) == ("关于做好春季防火工作的通知", ["各部门", "各单位"], "2026-03-02")
    assert [p.text for p in speech.all_paragraphs()] == ["根据上级有关文件精神，现就春季防火工作通知如下：", "请各单位明确专人负责，确保责任落实到位。"]
    assert [s.heading for s in speech.all_sections() if s.heading] == ["一、落实责任"]


def test_addressees_wrapped_over_two_lines_come_whole_and_in_their_order(rules):
    """A 主送 that lists many organs wraps (回行时仍顶格): the first line stops at 、 or ，, the second ends in ：.
    Both lines are the 主送 (none of them the title's or the text's), each organ whole, in the document's order;
    a group whose pieces share one organ's name (各省、自治区、直辖市人民政府) stays one."""
    text = ("关于做好春季防火工作的回复\n\n各省、自治区、直辖市人民政府，国务院各部委、\n各直属机构：\n\n"
            "根据上级有关文件精神，现就春季防火工作回复如下。\n\n某某单位\n\n2026年3月2日\n")
    source = SourceFile(path=Path("回复.txt"), rel_path="回复.txt", encoding="utf-8", sha256="", raw=b"", text=text)
    speech = make_speech(source, rules, None, [])
    assert (speech.title, speech.addressees, speech.date) == (
        "关于做好春季防火工作的回复", ["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"], "2026-03-02")
    assert [p.text for p in speech.all_paragraphs()] == ["根据上级有关文件精神，现就春季防火工作回复如下。"]


@pytest.mark.parametrize("lines, found", [
    (["某某研究", "硕士学位论文", "二〇二六年五月"], (None, 2026)),
    (["年度工作报告", "某某县委组织部", "2023年6月5日"], ("2023-06-05", 2023)),
    (["年度工作报告", "本年度共召开会议12次，2023年5月完成换届。"], (None, None)),
])
def test_a_first_page_s_date_on_a_line_of_its_own(lines, found):
    from build_kb.ingest.pdf import cover_date

    assert cover_date(lines) == found


def test_a_cover_s_year_and_month_stands_alone_and_gives_the_year(tmp_path):
    import typst

    from build_kb.curate import add_files

    source = ('#set page(paper: "a5", margin: 20mm)\n#set text(font: "Noto Serif CJK SC", size: 11pt, lang: "zh")\n'
              '#align(center)[硕士学位论文\n\n#text(size: 22pt)[某某问题研究]\n\n姓　名：某某某\n\n学　号：2XXXXXXX\n\n学　院：某某学院\n\n学科门类：工学\n\n指导教师：某某某教授\n\n二〇二六年五月]\n#pagebreak()\n'
              + "本文研究某某问题，提出了一种新的分析方法，并在多个数据集上验证了它的效果。" * 4 + "\n")
    (tmp_path / "论文.pdf").write_bytes(typst.compile(source.encode("utf-8")))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    [result] = add_files([tmp_path / "论文.pdf"], corpus)
    assert result.date == "2026"
    stub = (corpus / "speeches.yaml").read_text(encoding="utf-8")
    # the cover's 二〇二六年五月 gives the year and the month (session 29): the hint says the month
    assert "  # date: 2026-05-DD   # 只找到年份和月份" in stub


@pytest.mark.parametrize("top", [
    "关于做好春季防火工作的通知\n发布时间：2023-05-06 来源：某某县人民政府网\n关于做好春季防火工作的通知\n某政办发〔2023〕5号\n",
    "某某县人民政府关于做好春季防火工作的通知\n关于做好春季防火工作的通知\n",
])
def test_a_gongwen_carried_by_a_page_under_its_headline_keeps_its_addressees_out_of_the_title(rules, top):
    text = top + "各乡镇人民政府，县直各单位：\n现就春季防火工作通知如下，请认真贯彻落实。\n一、落实责任\n各单位要明确专人负责。\n某某县人民政府办公室\n2023年5月6日\n"
    speech = make_speech(SourceFile(path=Path("页面.txt"), rel_path="页面.txt", encoding="utf-8", sha256="", raw=b"", text=text), rules, None, [])
    assert speech.title == top.split("\n")[0]
    assert (speech.addressees, speech.issuer, speech.date) == (["各乡镇人民政府", "县直各单位"], "某某县人民政府办公室", "2023-05-06")
    assert [p.text for p in speech.all_paragraphs()] == ["现就春季防火工作通知如下，请认真贯彻落实。", "各单位要明确专人负责。"]


def test_a_reprinted_gongwen_gives_its_document_number_under_the_title(rules):
    text = "某某省人民政府办公厅关于印发某某实施方案的通知\n某政办发〔2024〕3号\n各市人民政府，省政府各部门：\n现将《某某实施方案》印发给你们，请认真贯彻执行。\n某某省人民政府办公厅\n2024年1月15日\n"
    source = SourceFile(path=Path("转载.txt"), rel_path="转载.txt", encoding="utf-8", sha256="", raw=b"", text=text)
    speech = make_speech(source, rules, None, [])
    assert (speech.title, speech.doc_number, speech.date, speech.issuer) == ("某某省人民政府办公厅关于印发某某实施方案的通知", "某政办发〔2024〕3号", "2024-01-15", "某某省人民政府办公厅")
    assert [p.text for p in speech.all_paragraphs()] == ["现将《某某实施方案》印发给你们，请认真贯彻执行。"]


def test_a_text_box_written_for_new_and_old_word_is_read_once(tmp_path):
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    box = ('<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml">'
           '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>某某县人民政府文件</w:t></w:r></w:p>'
           '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>某某县人民政府文件</w:t></w:r></w:p>'
           '</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    document.add_paragraph()._p.append(parse_xml(box))
    document.add_paragraph("某政发〔2023〕9号")
    document.save(tmp_path / "版头.docx")
    assert convert(tmp_path / "版头.docx").text.split("\n")[0] == "某某县人民政府文件"


def test_a_speech_that_signs_with_its_date_is_no_gongwen():
    text = ["在全县组织工作会议上的讲话", "同志们：", "今天召开会议。", "一、认清形势", "要抓好落实。", "中共某某县委组织部", "2023年5月30日"]
    assert read_gongwen([Line(n, t) for n, t in enumerate(text, 1)]) is None


def test_a_regulation_s_chapters_are_headings(rules, tmp_path):
    path = tmp_path / "办法.txt"
    path.write_text(
        "某某县村级后备干部管理办法\n第一章　总则\n第一条　为加强村级后备干部队伍建设，制定本办法。\n"
        "第二条　本办法适用于全县各行政村。\n第二章　选拔\n第三条　后备干部由村党组织推荐。\n",
        encoding="utf-8",
    )
    _, speech = speech_of(path, rules)
    assert speech.title == "某某县村级后备干部管理办法"
    assert [(s.heading, s.level) for s in speech.all_sections() if s.heading] == [("第一章 总则", 1), ("第二章 选拔", 1)]
    assert [len(s.paragraphs) for s in speech.all_sections() if s.heading] == [2, 1]


def test_a_book_s_arabic_chapter_numbers_are_headings_too():
    from build_kb.ingest.parse import detect_numbered

    assert (detect_numbered("第1章 引言").style, detect_numbered("第1章 引言").number) == ("chapter", 1)
    assert detect_numbered("第十二章　附则").number == 12


# --- Word -------------------------------------------------------------------------------------------


def test_a_word_qingshi_keeps_style_numbering_numbered_cells_a_nested_table_once_and_its_endnote(made, rules):
    converted, speech = speech_of(made["qingshi"], rules)
    assert converted.text.rstrip("\n").split("\n\n") == [
        "关于拨付村级组织活动场所建设经费的请示",
        "县财政局：",
        "为进一步加强村级组织活动场所建设，现将有关事项请示如下。",
        "一、建设基本情况",
        "今年全县计划新建、改扩建村级组织活动场所12个，目前已完成选址。",
        "二、经费需求",
        "经测算，共需建设经费360万元，具体见下表。",
        "项目　金额",
        "1.新建场所按每个40万元测算，共6个。",
        "2.改扩建场所按每个20万元测算，共6个。",
        "合计　360万元",
        "妥否，请批示。[1]",
        "中共某某县委组织部",
        "2023年6月1日",
        "注释：",
        "[1] 联系人：李华，电话：1234567。",
    ]
    assert converted.title == "关于拨付村级组织活动场所建设经费的请示"
    assert converted.notes == [
        "写出自动编号 4 处", "表格 2 行按行保留", "表格单元格里的 2 段各成一段", "1 条尾注放在文末",
        "按 Word 标题样式或大纲级别认出小标题 2 个，写入 speeches.yaml 的 heading_lines",
    ]
    assert (speech.title, speech.date, speech.issuer, speech.addressees) == (
        "关于拨付村级组织活动场所建设经费的请示", "2023-06-01", "中共某某县委组织部", ["县财政局"],
    )


def test_a_first_line_in_a_heading_style_keeps_its_section(tmp_path):
    import docx

    from build_kb.curate import add_files

    document = docx.Document()
    document.add_paragraph("一、坚持政治引领", style="Heading 1")
    document.add_paragraph("要把党的政治建设摆在首位，坚定拥护“两个确立”。")
    document.add_paragraph("二、抓实基层党建", style="Heading 1")
    document.add_paragraph("要坚持大抓基层的鲜明导向。")
    document.save(tmp_path / "讲话.docx")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    [result] = add_files([tmp_path / "讲话.docx"], corpus)
    assert result.status == "imported"
    from build_kb.config import load_overrides
    from build_kb.ingest.read import read_source

    override = load_overrides(corpus)["讲话.txt"]
    speech = make_speech(read_source(corpus / "讲话.txt", corpus), load_boilerplate(corpus), override, [])
    assert [s.heading for s in speech.all_sections() if s.heading] == ["一、坚持政治引领", "二、抓实基层党建"]
    assert [s for s in speech.all_sections() if s.heading][0].paragraphs[0].text == "要把党的政治建设摆在首位，坚定拥护“两个确立”。"


@pytest.mark.parametrize("suffix, content_type", [
    (".dotx", "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"),
    (".docm", "application/vnd.ms-word.document.macroEnabled.main+xml"),
])
def test_word_templates_and_macro_documents_are_read_as_word(made, tmp_path, suffix, content_type):
    source = zipfile.ZipFile(made["qingshi"])
    path = tmp_path / f"请示{suffix}"
    with zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", content_type.encode())
            target.writestr(item, data)
    converted = convert(path)
    assert converted.kind == suffix.lstrip(".")
    assert converted.text == convert(made["qingshi"]).text


def test_the_word_title_is_the_title_never_the_speaker(tmp_path):
    import docx

    from build_kb.curate import add_files

    document = docx.Document()
    document.add_paragraph("学习材料", style="Title")
    document.add_paragraph("张明、李华")
    document.add_paragraph("同志们：")
    document.add_paragraph("今天我们一起学习党章，要把学习成果转化为推动工作的实际行动。")
    document.save(tmp_path / "材料.docx")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    [result] = add_files([tmp_path / "材料.docx"], corpus)
    stub = (corpus / "speeches.yaml").read_text(encoding="utf-8")
    assert result.title == "学习材料"
    assert '  title: "学习材料"   # 识别依据：文档标明的标题' in stub
    assert 'speaker: "学习材料"' not in stub



def _word_title_of(tmp_path, build) -> tuple[str, str]:
    import docx

    from build_kb.curate import add_files

    document = docx.Document()
    build(document)
    document.save(tmp_path / "文件.docx")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    [result] = add_files([tmp_path / "文件.docx"], corpus)
    return result.title, (corpus / "speeches.yaml").read_text(encoding="utf-8")


def test_a_first_line_centred_and_set_large_by_its_style_is_the_title(tmp_path):
    from docx.oxml import parse_xml

    def build(document):
        document.styles.element.append(parse_xml(
            f'<w:style {W_NS} w:type="paragraph" w:styleId="gwtitle"><w:name w:val="公文标题"/><w:basedOn w:val="Normal"/>'
            '<w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="44"/></w:rPr></w:style>'))
        title = document.add_paragraph("机关党支部年度工作回顾")
        title._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {W_NS} w:val="gwtitle"/>'))
        document.add_paragraph("今年以来，支部坚持以党建引领业务工作，各项任务完成良好。")
        document.add_paragraph("一是抓学习。全年组织集中学习十二次。")

    title, stub = _word_title_of(tmp_path, build)
    assert title == "机关党支部年度工作回顾"
    assert '  title: "机关党支部年度工作回顾"   # 识别依据：文档标明的标题：居中、字号大于正文的首行' in stub


def test_a_thesis_s_title_is_the_one_its_running_header_repeats_its_cover_month_its_year_and_its_chapters_sections(tmp_path):
    from build_kb.config import load_overrides
    from build_kb.curate import add_files
    from build_kb.ingest.read import read_source

    converted = convert(write_thesis_docx(tmp_path / "论文.docx"))
    assert (converted.title, converted.date, converted.year) == (THESIS_TITLE, None, 2015)
    assert converted.headings == []  # the cover's month carries an outline level: no section
    assert f"页眉重复的“{THESIS_TITLE}”作为题目" in converted.notes and "只是日期的 1 段虽有大纲级别，不作小标题" in converted.notes
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    [result] = add_files([tmp_path / "论文.docx"], corpus)
    assert result.title == THESIS_TITLE
    overrides = load_overrides(corpus)["论文.txt"]
    speech = make_speech(read_source(corpus / "论文.txt", corpus), load_boilerplate(corpus), overrides, [])
    assert (speech.title, speech.year) == (THESIS_TITLE, 2015)
    assert [s.heading for s in speech.sections if s.heading and s.level == 1] == ["第1章 绪论", "第2章 现状分析", "第3章 对策建议"]


def test_a_report_written_as_one_multi_level_list_has_its_sections_title_subtitle_and_header_date(tmp_path):
    from build_kb.config import load_overrides
    from build_kb.curate import add_files
    from build_kb.ingest.read import read_source

    converted = convert(write_outline_list_docx(tmp_path / "回顾.docx"))
    assert (converted.title, converted.date) == ("项目回顾", "2019-03-04")
    assert converted.headings == [("首先是进展情况", 1), ("然后是困难", 1), ("下一步打算", 1)]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    [result] = add_files([tmp_path / "回顾.docx"], corpus)
    assert (result.title, result.date) == ("项目回顾", "2019-03-04")
    # the curator is told where a Word file's date was found — not a web page's (网页自己标的日期)
    assert "  date: 2019-03-04   # 识别依据：Word 文档页眉上或单独成行的日期（正文里没有认出日期）\n" in (corpus / "speeches.yaml").read_text(encoding="utf-8")
    speech = make_speech(read_source(corpus / "回顾.txt", corpus), load_boilerplate(corpus), load_overrides(corpus)["回顾.txt"], [])
    assert [s.heading for s in speech.sections if s.heading] == ["首先是进展情况", "然后是困难", "下一步打算"]
    assert [p.text for p in speech.sections[-1].paragraphs] == ["明年完成后台后继续开发"]


def test_a_title_style_that_carries_an_outline_level_is_the_title_not_a_heading(tmp_path):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def build(document):
        outline = OxmlElement("w:outlineLvl")
        outline.set(qn("w:val"), "0")
        document.styles["Title"].element.get_or_add_pPr().append(outline)  # a template's Title in the navigation pane
        document.add_paragraph("采购合同", style="Title")
        document.add_paragraph("一、合同标的", style="Heading 1")
        document.add_paragraph("乙方按本合同约定交付货物。")
        document.add_paragraph("二、付款方式", style="Heading 1")
        document.add_paragraph("甲方在验收合格后付款。")

    title, stub = _word_title_of(tmp_path, build)
    assert title == "采购合同"
    assert "heading_lines: {3: 1, 7: 1}" in stub


def test_a_lone_centred_first_heading_is_the_title_a_first_heading_with_siblings_is_not(tmp_path):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    def notice(document):
        document.add_paragraph("关于调整值班安排的通知", style="Heading 1").alignment = WD_ALIGN_PARAGRAPH.CENTER
        document.add_paragraph("各部门：")
        document.add_paragraph("根据工作需要，现将国庆期间值班安排调整如下，请各部门做好交接。")
        document.add_paragraph("（一）值班时间", style="Heading 2")
        document.add_paragraph("10月1日至10月7日。")
        document.add_paragraph("办公室")
        document.add_paragraph("2023年9月25日")

    title, stub = _word_title_of(tmp_path, notice)
    assert title == "关于调整值班安排的通知"
    assert '  title: "关于调整值班安排的通知"   # 识别依据：文档标明的标题：首段是全文唯一的这一级标题，居中' in stub  # confirmed, not a made-up title commented out
    assert "heading_lines: {7: 2}" in stub

    def sections(document):
        document.add_paragraph("一、坚持政治引领", style="Heading 1").alignment = WD_ALIGN_PARAGRAPH.CENTER
        document.add_paragraph("要把党的政治建设摆在首位。")
        document.add_paragraph("二、抓实基层党建", style="Heading 1").alignment = WD_ALIGN_PARAGRAPH.CENTER
        document.add_paragraph("要坚持大抓基层的鲜明导向。")

    (tmp_path / "b").mkdir()
    title, stub = _word_title_of(tmp_path / "b", sections)
    assert title != "一、坚持政治引领"
    assert "heading_lines: {1: 1, 5: 1}" in stub

def test_a_news_item_s_headline_in_heading_1_is_its_title_and_bold_larger_lines_with_text_under_each_are_its_parts(tmp_path):
    """A college's news item in Word: its headline the one paragraph in 标题 1 (body size, not centred),
    its parts typed as Normal paragraphs set bold in 14 pt between 12 pt paragraphs — one of them keeps
    the 12 pt paragraph mark it was made from. A bold sentence and a single bold line are emphasis."""
    from docx.oxml import parse_xml
    from docx.shared import Pt

    def news(document):
        document.add_paragraph("某某学院开展新学期主题教育系列活动", style="Heading 1").runs[0].font.size = Pt(12)
        document.add_paragraph("金秋九月，某某学院以“第一课”为抓手，开展新学期主题教育系列活动，帮助新生尽快适应大学生活。").runs[0].font.size = Pt(12)
        for k, (part, text) in enumerate([("家校联系第一课", "8月23日，学院通过线上方式召开新学期家长会，向家长介绍学院培养方案。"),
                                          ("专业引领第一课", "8月31日，学院召开新学期年级大会，各专业负责人介绍专业发展情况。"),
                                          ("寝室走访第一课", "新学期伊始，学院领导深入学生寝室，了解新生生活学习情况。")]):
            head = document.add_paragraph()
            run = head.add_run(part)
            run.bold, run.font.size = True, Pt(14)
            if k == 1:  # the paragraph mark of the 12 pt paragraph it was made from
                head._p.get_or_add_pPr().append(parse_xml(f'<w:rPr {W_NS}><w:b/><w:sz w:val="24"/></w:rPr>'))
            document.add_paragraph(text).runs[0].font.size = Pt(12)
        emphasis = document.add_paragraph().add_run("学院将持续做好新生入学教育工作。")
        emphasis.bold, emphasis.font.size = True, Pt(12)

    title, stub = _word_title_of(tmp_path, news)
    assert title == "某某学院开展新学期主题教育系列活动"
    assert "heading_lines: {5: 1, 9: 1, 13: 1}" in stub
    converted = convert(tmp_path / "文件.docx")
    assert '  title: "某某学院开展新学期主题教育系列活动"   # 识别依据：文档标明的标题：首段是全文唯一用标题样式的一段' in stub
    assert "首行“某某学院开展新学期主题教育系列活动”是全文唯一的这一级标题（全文只有这一段用标题样式）：作为题目，不作小标题" in converted.notes
    assert "按直接格式（加粗、字号，几段一样、各自下面有正文）认出小标题 3 个，写入 speeches.yaml 的 heading_lines" in converted.notes


def test_one_bold_line_or_bold_lines_without_text_under_them_are_no_parts(tmp_path):
    import docx
    from docx.shared import Pt

    document = docx.Document()
    for text, bold in [("会议精神传达提纲", False), ("一要提高认识", True), ("二要压实责任", True), ("三要狠抓落实", True),
                       ("以上三点，请各支部认真抓好落实。", False), ("特别提醒", True), ("本周五前报送学习情况。", False)]:
        run = document.add_paragraph().add_run(text)
        run.bold, run.font.size = bold, Pt(12)
    document.save(tmp_path / "提纲.docx")
    assert convert(tmp_path / "提纲.docx").headings == []  # a list of bold points, and one bold label


def test_a_letter_typed_as_a_few_paragraphs_held_together_by_soft_breaks_is_read_line_by_line(tmp_path, rules):
    """A 公函 typed as three paragraphs with Shift+Enter between its lines: the title, the 主送, the 一、
    items and the closing 日期 line (a form's label, spaces, a numeric date) each stand on their own."""
    import docx

    document = docx.Document()
    for lines in (["关于同意接收某某同学来我单位实习的公函", "", "某某大学计算机学院：", "", "经研究，同意接收某某同学来我单位实习。", "",
                   "一、实习时间：", "从 2024 年 3 月 1 日到 2024 年 6 月 30 日"],
                  ["二、实习内容：", "", "参与信息系统的开发和测试工作，按时提交实习日志。", "", "三、指导教师", "", "姓名：某某某"],
                  ["接收单位名称（公章）", "", "日期       2024/02/20"]):
        paragraph = document.add_paragraph()
        for k, line in enumerate(lines):
            if k:
                paragraph.add_run().add_break()
            paragraph.add_run(line)
    document.save(tmp_path / "公函.docx")
    converted, speech = speech_of(tmp_path / "公函.docx", rules)
    assert "段落里的软回车（Shift+Enter）15 处按换行读" in converted.notes
    assert converted.text.startswith("关于同意接收某某同学来我单位实习的公函\n\n某某大学计算机学院：\n\n经研究，")
    assert (speech.title, speech.date, speech.addressees) == ("关于同意接收某某同学来我单位实习的公函", "2024-02-20", ["某某大学计算机学院"])
    assert [s.heading for s in speech.all_sections() if s.heading and s.level == 1] == ["一、实习时间：", "二、实习内容：", "三、指导教师"]


# --- web pages --------------------------------------------------------------------------------------

NEWS_PAGE = """<html><head><meta charset="utf-8"><title>全县组织工作会议召开_新闻中心_某某网</title>
<meta property="og:title" content="全县组织工作会议召开"><meta property="article:published_time" content="2023-03-02T10:00:00+08:00"></head><body>
<div class="nav">首页 新闻</div><h1>全县组织工作会议召开</h1><div class="info">来源：某某日报</div>
<div class="article"><p>3月2日，全县组织工作会议召开。县委书记王刚出席会议并讲话。会议总结了2022年全县组织工作，部署了2023年重点任务。</p>
<p><img src="a.jpg"></p><p>图注：会议现场。</p>
<p><strong>坚持政治引领</strong></p><p>会议强调，要把党的政治建设摆在首位，坚定拥护“两个确立”、坚决做到“两个维护”，不断提高政治判断力、政治领悟力、政治执行力。</p>
<h2>抓实基层党建</h2><p>会议要求，要坚持大抓基层的鲜明导向，推动基层党组织全面进步、全面过硬，持续整顿软弱涣散基层党组织。</p>
<h3>加强干部队伍建设</h3><p>会议指出，要坚持新时代好干部标准，大力选拔敢于负责、勇于担当、善于作为、实绩突出的干部。</p>
<p>分享到： 转播到腾讯微博 选择其他平台 &gt;&gt;</p><p>精彩视频推荐</p></div><div class="footer">版权所有</div></body></html>"""


def test_a_news_page_s_headline_date_subheads_and_no_captions_or_share_buttons(tmp_path):
    from build_kb.config import load_overrides
    from build_kb.curate import add_files
    from build_kb.ingest.read import read_source

    (tmp_path / "新闻.html").write_text(NEWS_PAGE, encoding="utf-8")
    converted = convert(tmp_path / "新闻.html")
    assert converted.title == "全县组织工作会议召开" and converted.date == "2023-03-02"
    assert "图注" not in converted.text and "分享到" not in converted.text and "精彩视频推荐" not in converted.text
    assert converted.notes[1:4] == ["去掉图片说明 1 行", "去掉分享、打印按钮 2 行", "网页标题放在最前面"]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    [result] = add_files([tmp_path / "新闻.html"], corpus)
    assert (result.title, result.date) == ("全县组织工作会议召开", "2023-03-02")
    speech = make_speech(read_source(corpus / "新闻.txt", corpus), load_boilerplate(corpus), load_overrides(corpus)["新闻.txt"], [])
    assert [(s.heading, s.level) for s in speech.all_sections() if s.heading] == [("坚持政治引领", 1), ("抓实基层党建", 1), ("加强干部队伍建设", 2)]
    assert speech.date == "2023-03-02"


DOCS_PAGE = """<html><head><meta charset="utf-8"><title>党费收缴系统使用说明 — 某某系统 1.0 文档</title></head><body>
<a class="skip-link" href="#main">跳到正文</a><nav class="sidebar"><a href="index.html">首页</a><a href="a.html">安装部署</a><a href="b.html">常见问题</a></nav>
<main id="main"><section id="top"><h1>党费收缴系统使用说明<a class="headerlink" href="#top" title="Link to this heading">#</a></h1>
<section id="s1"><h2>系统简介<a class="headerlink" href="#s1" title="Link to this heading">¶</a></h2>
<p>党费收缴系统用于基层党组织按月收缴、登记和上缴党费，支部书记和组织委员可以在线查看收缴进度。</p></section>
<section id="s2"><h2>操作步骤<a class="anchor" href="#s2"><svg viewBox="0 0 16 16"><path d="M0 0"/></svg></a></h2>
<p>登录系统以后，先在左侧菜单选择所在支部，再按下面的步骤逐项填写本月党费收缴情况。</p>
<p><strong>填写收缴表</strong></p><pre>党员姓名 应缴金额 实缴金额</pre>
<section id="s3"><h3>核对上缴金额<a class="headerlink" href="#s3">¶</a></h3>
<p>每月月底前，组织委员要核对本支部实缴党费总额，确认无误后提交上级党委审核。</p></section></section>
<section id="s4"><h2>注意事项<a class="headerlink" href="#s4">#</a></h2>
<p>党员因故不能按时交纳党费的，支部要及时了解情况，督促其在下个月一并补交，并在系统中注明原因。</p></section></section></main>
<footer>© 版权所有 某某单位</footer></body></html>"""


def test_a_documentation_page_s_sections_without_the_signs_that_link_each_heading_to_itself(tmp_path):
    (tmp_path / "说明.html").write_text(DOCS_PAGE, encoding="utf-8")
    converted = convert(tmp_path / "说明.html")
    assert converted.title == "党费收缴系统使用说明"
    assert converted.headings == [("系统简介", 1), ("操作步骤", 1), ("填写收缴表", 2), ("核对上缴金额", 2), ("注意事项", 1)]
    assert not re.search(r"[#¶]", converted.text)
    assert "去掉小标题后的链接符号 5 个" in converted.notes
    lines = converted.text.split("\n")
    assert [lines[n - 1] for n in converted.heading_lines] == [heading for heading, _ in converted.headings]


REPORT_PAGE = """<html><head><meta charset="utf-8"><title>报告生成助手 · 效果示例</title></head><body>
<div class="banner">本页面为报告生成助手的效果示例，仅供展示。</div>
<h1>关于2025年村级组织换届工作的调研报告<br><span style="font-size:14px">（征求意见稿）</span></h1>
<h2>一、基本情况</h2><p>2025 年全县共有村党组织186个，换届选举工作已于上半年全面完成，班子结构明显优化。</p>
<p><strong>关注村干部队伍结构变化</strong></p><p><strong>年轻干部比例明显提升</strong></p>
<p>新一届村党组织书记平均年龄下降4.2岁，大专以上学历的占比提高到百分之六十以上。</p>
<h2>二、存在问题</h2><p>部分村后备力量不足，个别村党组织书记带富能力不强，需要持续跟踪培养。</p>
<p><strong>出品︱县委组织部调研组</strong></p></body></html>"""


def test_a_report_page_s_own_headline_over_the_tools_title_no_guessed_date_and_bold_decks_below_their_subhead(tmp_path):
    (tmp_path / "报告.html").write_text(REPORT_PAGE, encoding="utf-8")
    converted = convert(tmp_path / "报告.html")
    assert converted.title == "关于2025年村级组织换届工作的调研报告（征求意见稿）"
    assert converted.date is None  # only years in the text: the extractor's 2025-01-01 is a guess
    assert converted.headings == [("一、基本情况", 1), ("关注村干部队伍结构变化", 2), ("年轻干部比例明显提升", 3), ("二、存在问题", 1)]
    assert "网页标题放在最前面" not in converted.notes and converted.text.count("关于2025年村级组织换届工作的调研报告") == 1


PORTAL_PAGE = """<html><head><meta charset="utf-8"><title>全市基层党建工作推进会召开 - 某某市人民政府门户网站</title></head><body>
<div class="logo"><h1><a href="/"><span>某某市人民政府门户网站</span></a></h1></div>
<div class="article"><div class="title">全市基层党建工作推进会召开</div><div class="info">2023-04-12 来源：某某日报</div>
<p>4月11日，全市基层党建工作推进会召开，总结一季度工作，部署下一阶段任务。市委常委、组织部部长李明出席会议并讲话。</p>
<p>会议要求，各级党组织要聚焦抓党建促基层治理，持续整顿软弱涣散村党组织，推动基层党建工作全面进步、全面过硬。</p>
<p>会议强调，要压紧压实各级党组织书记抓基层党建责任，以高质量党建引领高质量发展。</p>
<h2>热点新闻</h2><h2>图片新闻</h2><ul><li>某某市召开2023年度全市组织工作会议</li>
<li>某某市举办年轻干部培训班开班仪式</li></ul></div></body></html>"""


def test_a_page_whose_sections_are_h3_has_them_at_the_top_level(tmp_path):
    page = PORTAL_PAGE.replace("<p>会议要求", "<h3>聚焦基层治理</h3><p>会议要求").replace("<p>会议强调", "<h4>压实工作责任</h4><p>会议强调")
    (tmp_path / "新闻.html").write_text(page, encoding="utf-8")
    assert convert(tmp_path / "新闻.html").headings == [("聚焦基层治理", 1), ("压实工作责任", 2)]


def test_a_portal_s_logo_and_side_box_headings_are_not_the_headline_or_sections(tmp_path):
    (tmp_path / "新闻.html").write_text(PORTAL_PAGE, encoding="utf-8")
    converted = convert(tmp_path / "新闻.html")
    assert converted.title == "全市基层党建工作推进会召开"  # the <h1> links home: the site's logo
    assert converted.headings == []  # 热点新闻 heads a list of links, not text


PICTURE_PAGE = """<html><head><meta charset="utf-8"><title>全县组织工作会议召开</title></head><body><div class="article">
<p>3月2日，全县组织工作会议召开，总结2022年全县组织工作，部署2023年重点任务，县委书记王刚出席会议并讲话。</p>
<p><img src="a.jpg"></p><p>县委书记王刚在会上讲话。 县融媒体中心供图</p>
<p>会议指出，过去一年全县组织工作取得新的成效，基层党组织的政治功能和组织功能不断增强。</p>
<p><img src="b.jpg"></p><p style="text-align: center">分组讨论现场</p>
<p><img src="c.jpg"></p><p><strong>抓实基层党建</strong></p>
<p>会议要求，要坚持大抓基层的鲜明导向，持续整顿软弱涣散基层党组织，推动基层党组织全面进步、全面过硬。</p>
<p><img src="d.jpg"></p><p>会议强调，要抓好落实。</p></div></body></html>"""


def test_a_caption_is_known_by_its_place_under_a_picture(tmp_path):
    """The short block right under a picture, centred or ending with a credit set apart, is its caption;
    a bold subhead or a plain sentence there is the text's."""
    (tmp_path / "新闻.html").write_text(PICTURE_PAGE, encoding="utf-8")
    converted = convert(tmp_path / "新闻.html")
    assert "供图" not in converted.text and "分组讨论现场" not in converted.text
    assert "去掉图片说明 2 行" in converted.notes
    assert converted.headings == [("抓实基层党建", 1)] and "会议强调，要抓好落实。" in converted.text


def _report_page_with_contents() -> str:
    """A theory portal's saved report: an in-page 目录 (bold chapters over plain sections), then the same
    chapters and sections over the text, a posting line by the headline, a note citing an older date."""
    parts = [("导 言", []), ("第一章 组织体系建设", ["一、健全基层组织", "二、扩大组织覆盖"]),
             ("第二章 干部队伍建设", ["一、选优配强班子", "二、加强教育培训"]), ("结语", [])]
    contents = "".join(f"<p><strong>{chapter}</strong></p>" + "".join(f"<p>{s}</p>" for s in sections) for chapter, sections in parts)
    said = iter(range(1, 20))

    def paragraph() -> str:
        return f"<p>　　这是第{next(said)}段正文，讲的是基层党组织建设的做法和成效，各级党组织要认真抓好落实，确保取得实效。</p>"

    body = "".join(f"<p><strong>{'结 语' if chapter == '结语' else chapter}</strong></p>" + paragraph()
                   + "".join(f"<p>{s}</p>" + paragraph() for s in sections) for chapter, sections in parts)
    links = "<ul>" + "".join(f"<li><a href='/{k}'>栏目{k}</a></li>" for k in range(12)) + "</ul>"
    return f"""<html><head><meta charset="utf-8"><title>某某报告全文</title></head><body><div class="p1">{links}
<div class="list_con"><div class="detail_con"><h1>《某某报告》全文</h1>
<div class="info">发布时间：2024年05月05日 | 字体放大 | 字体缩小</div><div id="font_area"><p><strong>目 录：</strong></p>{contents}{body}
<p>[1] 《某某文选》，某某出版社2021年6月23日版，第12页。</p></div></div></div></div></body></html>"""


def test_a_page_s_contents_never_stand_in_for_its_chapters_and_its_posting_line_dates_it(tmp_path, rules):
    """The extractor keeps one of each line: the chapters' and sections' own lines under the 目录 were
    dropped, and the 目录 became the outline (the body read flat). They are put back where the page sets
    them; every chapter is a top-level part (结语 over 导言 in the 目录 is no headline and its deck); the
    cleaner then takes the 目录 off. The posting line by the headline dates the page."""
    from build_kb.config import SpeechOverride

    (tmp_path / "报告.html").write_text(_report_page_with_contents(), encoding="utf-8")
    converted = convert(tmp_path / "报告.html")
    lines = converted.text.split("\n")
    assert "正文里与前文相同的短行 7 行（提取器当作重复去掉）放回原处" in converted.notes
    assert lines[lines.index("第一章 组织体系建设", 6) - 1 : lines.index("第一章 组织体系建设", 6) + 3][1:] == [
        "第一章 组织体系建设", "这是第2段正文，讲的是基层党组织建设的做法和成效，各级党组织要认真抓好落实，确保取得实效。", "一、健全基层组织"]
    assert converted.headings[4:] == [("导 言", 1), ("第一章 组织体系建设", 1), ("第二章 干部队伍建设", 1), ("结 语", 1)]
    assert converted.date == "2024-05-05"  # not the cited 2021年6月23日
    speech = make_speech(SourceFile(path=tmp_path / "报告.txt", rel_path="报告.txt", encoding="utf-8", sha256="", raw=b"",
                                    text=converted.text), rules, SpeechOverride(file="报告.txt", line=0, values={"heading_lines": converted.heading_lines}), [])
    assert [(s.heading, s.level) for s in speech.all_sections() if s.heading and s.level == 1] == [
        ("导 言", 1), ("第一章 组织体系建设", 1), ("第二章 干部队伍建设", 1), ("结 语", 1)]


def test_a_failed_import_names_its_file_once(tmp_path):
    from build_kb.curate import add_files, summary_table
    from office_files import write_scanned_pdf

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    [result] = add_files([write_scanned_pdf(tmp_path / "扫描件.pdf")], corpus)
    assert (result.status, result.message) == ("failed", "没有文字层（2 页都是图片，是扫描件）；请先做文字识别（如 WPS 或 ABBYY 的“PDF 转 Word”），再导入识别结果")
    assert summary_table([result]).splitlines()[0] == "扫描件.pdf  失败：" + result.message


def test_a_curator_corrects_a_gongwen_s_parts_in_speeches_yaml(tmp_path):
    from build_kb.pipeline import build_knowledge_base

    from conftest import make_corpus

    text = "中共某某县委组织部文件\n某组发〔2023〕5号\n关于做好换届工作的通知\n各乡镇党委：\n现就有关事项通知如下。\n一、明确任务\n要抓好落实。\n"
    corpus = make_corpus(tmp_path / "c", {"a.txt": text})
    (corpus / "speeches.yaml").write_text("a.txt:\n  doc_number: 某组发〔2023〕6号\n  addressees: [各乡镇党委, 县直各单位]\n", encoding="utf-8")
    speech = build_knowledge_base(corpus).speeches[0]
    assert (speech.issuer, speech.doc_number, speech.addressees) == ("中共某某县委组织部", "某组发〔2023〕6号", ["各乡镇党委", "县直各单位"])


def test_a_books_chapters_are_told_by_their_type_numbered_or_not_and_list_items_stay_under_them(tmp_path):
    from build_kb.config import load_overrides
    from build_kb.curate import add_files
    from build_kb.ingest.read import read_source

    converted = convert(write_book_pdf(tmp_path / "论文模板.pdf"))
    # 第1章 and its name a quad apart stay one line (no cell's gap, no running header)
    assert converted.headings == [("第1章\u3000引言", 1), ("第2章\u3000使用方法", 1), ("参考文献", 1), ("致\u3000谢", 1)]
    assert "4 个章标题按字号认出（speeches.yaml 的 heading_lines）" in converted.notes
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    add_files([tmp_path / "论文模板.pdf"], corpus)
    override = load_overrides(corpus)["论文模板.txt"]
    # the cover's block (学位类别：…, 培养单位：…) read as the text's title was doubtful; the title the
    # PDF sets largest replaces it and is written as a value, not left commented out for lack of one
    assert override.values["title"] == "某某大学学位论文排版模板"
    speech = make_speech(read_source(corpus / "论文模板.txt", corpus), load_boilerplate(corpus), override, [])
    assert speech.title == "某某大学学位论文排版模板"
    top = [s.heading for s in speech.sections if s.heading]
    assert top == ["第1章 引言", "第2章 使用方法", "参考文献", "致 谢"]
    second = next(s for s in speech.sections if s.heading == "第2章 使用方法")
    # the numbered steps are never top-level: they nest under their chapter
    assert [(c.heading[:6], c.level) for c in second.children] == [("1.第1步：", 2), ("2.第2步：", 2), ("3.第3步：", 2)]


def test_without_two_numbered_chapters_in_one_type_no_heading_is_marked_by_size(made):
    assert convert(made["two-column"]).headings == []


STANDARD_COVER = (
    "中华人民共和国国家标准\nGB/T 1234.1—2020\n某某材料牌号和化学成分\n2020-06-01发布　　2021-01-01实施\n"
    "国家市场监督管理总局\n发　布\n国家标准化管理委员会\n前　言\n本标准按照给出的规则起草，代替了旧版标准的全部内容。\n"
)


GOVERNMENT_PAGE = """<html><head><meta charset="utf-8"><title>关于做好村级组织换届准备工作的通知_政策文件_某某县人民政府网</title></head><body>
<div class="nav">首页 &gt; 政务公开 &gt; 政策文件</div>
<table class="xxgk">
<tr><td>索 引 号：</td><td>001234567/2023-00123</td><td>主题分类：</td><td>组织人事</td></tr>
<tr><td>发文机关：</td><td>中共某某县委组织部</td><td>成文日期：</td><td>2023年05月30日</td></tr>
<tr><td>标　　题：</td><td colspan="3">关于做好村级组织换届准备工作的通知</td></tr>
<tr><td>发文字号：</td><td>某组发〔2023〕7号</td><td>发布日期：</td><td>2023年06月01日</td></tr>
</table>
<div class="article"><h1>关于做好村级组织换届准备工作的通知</h1>
<p>各乡镇党委，县直各单位党组（党委）：</p>
<p>为确保村级组织换届工作平稳有序，现就做好换届准备工作有关事项通知如下。</p>
<p>一、摸清底数</p><p>各乡镇要逐村分析研判班子运行情况，建立问题清单和人选储备台账。</p>
<p>二、严把人选</p><p>要坚持把政治标准放在首位，严格落实村干部候选人资格联审机制。</p>
<p style="text-align:right">中共某某县委组织部</p><p style="text-align:right">2023年5月30日</p></div>
<div class="share">分享到：</div><div class="footer">主办单位：某某县人民政府办公室</div></body></html>"""


def test_a_gongwen_a_government_site_publishes_under_its_form_of_fields(rules, tmp_path):
    """索引号, 发文机关, 发文字号, 成文日期 in the site's table over the document are its parts: the 公文's own
    head (title, 主送) is read under them, and nothing of the form is text."""
    path = tmp_path / "公开.html"
    path.write_text(GOVERNMENT_PAGE, encoding="utf-8")
    converted, speech = speech_of(path, rules)
    assert (speech.title, speech.date, speech.issuer, speech.doc_number) == ("关于做好村级组织换届准备工作的通知", "2023-05-30", "中共某某县委组织部", "某组发〔2023〕7号")
    assert speech.addressees == ["各乡镇党委", "县直各单位党组（党委）"]
    assert [s.heading for s in speech.all_sections()] == ["", "一、摸清底数", "二、严把人选"]
    assert [p.text for p in speech.all_paragraphs()] == [
        "为确保村级组织换届工作平稳有序，现就做好换届准备工作有关事项通知如下。", "各乡镇要逐村分析研判班子运行情况，建立问题清单和人选储备台账。",
        "要坚持把政治标准放在首位，严格落实村干部候选人资格联审机制。",
    ]
    shown = [h.text for h in speech.header] + [s.heading for s in speech.all_sections()] + [p.text for p in speech.all_paragraphs()]
    shown += [r.text for r in speech.clean.removed]
    assert len(HAN.findall("".join(shown))) == len(HAN.findall(unified_ideographs(converted.text)[0]))


def test_kb_add_writes_a_gongwens_parts_into_its_entry_with_where_they_were_read(tmp_path):
    """The issuer, number, 主送 and 附件 shown on the page are the curator's to check like the title and date."""
    from build_kb.config import load_overrides
    from build_kb.curate import add_files

    page = GOVERNMENT_PAGE.replace('<p style="text-align:right">中共某某县委组织部</p>', '<p>附件：<a href="a.doc">1.村级后备干部推荐表.doc</a></p><p style="text-align:right">中共某某县委组织部</p>')
    (tmp_path / "公开.html").write_text(page, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    add_files([tmp_path / "公开.html"], corpus)
    stub = (corpus / "speeches.yaml").read_text(encoding="utf-8")
    assert (
        '  issuer: "中共某某县委组织部"   # 识别依据：公文的发文机关（版头、落款或网站上的信息表）\n'
        '  doc_number: "某组发〔2023〕7号"   # 识别依据：公文的发文字号\n'
        '  addressees: ["各乡镇党委", "县直各单位党组（党委）"]   # 识别依据：公文的主送机关\n'
        '  attachments: ["村级后备干部推荐表"]   # 识别依据：公文的附件说明（没有附件说明时，成文日期后所附附件的标题）\n'
    ) in stub
    assert load_overrides(corpus)["公开.txt"].values["addressees"] == ["各乡镇党委", "县直各单位党组（党委）"]


@pytest.mark.parametrize("form", [False, True])
def test_a_gongwen_page_signs_and_dates_on_one_line_and_links_its_attachment(rules, tmp_path, form):
    """Without the site's form too, the 公文's own parts tell it: a 署名 and 成文日期 run onto one line by a
    <br> the extractor lost are both read; an attachment linked as a file is named without `.doc`, and
    put back above the 署名 when the extractor dropped its line as a box of links."""
    page = (GOVERNMENT_PAGE if form else re.sub(r"<table.*?</table>", "", GOVERNMENT_PAGE, flags=re.S)).replace(
        '<p style="text-align:right">中共某某县委组织部</p><p style="text-align:right">2023年5月30日</p>',
        '<p>附件：<a href="a.doc">1.村级后备干部推荐表.doc</a></p><p style="text-align:right">中共某某县委组织部<br>2023年5月30日</p>')
    path = tmp_path / "通知.html"
    path.write_text(page, encoding="utf-8")
    _, speech = speech_of(path, rules)
    assert (speech.date, speech.issuer, speech.addressees, speech.attachments) == (
        "2023-05-30", "中共某某县委组织部", ["各乡镇党委", "县直各单位党组（党委）"], ["村级后备干部推荐表"])
    assert all("2023年5月30日" not in p.text and "附件" not in p.text for p in speech.all_paragraphs())


def test_a_gongwen_laid_out_in_a_table_keeps_its_paragraphs_and_parts(rules, tmp_path):
    """An older site sets the article in a layout table (title row, a cell of paragraphs): the cell's
    paragraphs stay paragraphs, not one `| … |` row, so the 公文's parts are read; the site's form
    of short cells stays a table; the headline the extractor gives again after the text is dropped."""
    page = GOVERNMENT_PAGE.replace('<div class="article"><h1>关于做好村级组织换届准备工作的通知</h1>', (
        '<table width="100%"><tr><td class="title" align="center"><b>关于做好村级组织换届准备工作的通知</b></td></tr>'
        '<tr><td class="content">')).replace('</div>\n<div class="share">', '</td></tr></table>\n<div class="share">')
    path = tmp_path / "通知.html"
    path.write_text(page, encoding="utf-8")
    converted, speech = speech_of(path, rules)
    assert "排版用的表格 1 个按段落读" in converted.notes and "去掉正文后面重复的网页标题 1 行" in converted.notes
    assert (speech.title, speech.date, speech.issuer, speech.doc_number) == ("关于做好村级组织换届准备工作的通知", "2023-05-30", "中共某某县委组织部", "某组发〔2023〕7号")
    assert speech.addressees == ["各乡镇党委", "县直各单位党组（党委）"]
    assert [s.heading for s in speech.all_sections()] == ["", "一、摸清底数", "二、严把人选"]
    assert len(speech.all_paragraphs()) == 3


@pytest.mark.parametrize("line, fields", [
    ("| 发文字号： | 某组发〔2023〕5号 | 发布日期： | 2023年06月01日 |", [("doc-number", "某组发〔2023〕5号"), ("filing", "2023年06月01日")]),
    ("索 引 号：001234/2023-00123　主题分类：组织人事", [("filing", "001234/2023-00123"), ("filing", "组织人事")]),
    ("发文机关：　中共某某县委组织部　成文日期：　2023年05月30日", [("issuer", "中共某某县委组织部"), ("date", "2023年05月30日")]),
    ("联系人：张明　电话：1234567", None),  # not a site's form
    ("各乡镇党委：", None),
])
def test_the_fields_of_a_site_s_form_over_a_document(line, fields):
    from build_kb.ingest.gongwen import read_disclosure_fields

    assert read_disclosure_fields(line) == fields


def test_a_standard_s_issuing_block_gives_no_speaker(rules, tmp_path):
    """`发 布` between the issuing organs' names on a standard's cover is their act, not a person's name."""
    path = tmp_path / "标准.txt"
    path.write_text(STANDARD_COVER, encoding="utf-8")
    _, speech = speech_of(path, rules)
    assert (speech.title, speech.speaker, speech.speaker_role) == ("某某材料牌号和化学成分", None, None)
    assert (speech.issuer, speech.doc_number, speech.date) == ("国家市场监督管理总局、国家标准化管理委员会", "GB/T1234.1—2020", "2020-06-01")
    assert [p.text for p in speech.all_paragraphs()] == ["前 言", "本标准按照给出的规则起草，代替了旧版标准的全部内容。"]
    assert speech.detected_by["date"] == "the standard's cover (its title, …发布 date)"
    assert [h.role for h in speech.header if re.sub(r"\s+", "", h.text) in ("中华人民共和国国家标准", "发布")] == ["masthead", "signature"]


@pytest.mark.parametrize("first_page, title", [
    # a title over two lines, a sidebar's line between them, the second ending like an organ (…布局)
    ("研究报告｜公司点评\n\n#text(size: 20pt)[某某股份：扩建年产五千吨生产线]\n\n所属行业：机械设备\n\n#text(size: 20pt)[，强化新材料产业布局]\n\n",
     "某某股份：扩建年产五千吨生产线，强化新材料产业布局"),
    # a standard's masthead over its number (as a 版头 over its 发文字号) is not its title
    ("#align(center)[#text(size: 20pt, tracking: 0.3em)[中华人民共和国国家标准]]\n\n#align(right)[GB/T 1234.1—2020]\n\n"
     "#align(center)[#text(size: 20pt)[某某材料牌号和化学成分]]\n\n2020-06-01发布#h(1fr)2021-01-01实施\n#pagebreak()\n", "某某材料牌号和化学成分"),
])
def test_the_title_a_pdf_s_first_page_marks(tmp_path, first_page, title):
    import typst

    source = '#set page(paper: "a5")\n#set text(font: "Noto Serif CJK SC", size: 10pt, lang: "zh")\n' + first_page + "本文说明有关情况，供各单位参考使用，请结合实际认真研究落实。" * 4 + "\n"
    (tmp_path / "文件.pdf").write_bytes(typst.compile(source.encode("utf-8")))
    assert convert(tmp_path / "文件.pdf").title == title


def _form_field(paragraph, default: str, shown: str) -> None:
    """A legacy text form field (FORMTEXT) with its default value, showing `shown`."""
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    for xml in (
        f'<w:r {w}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="F"/><w:enabled/>'
        f'<w:textInput><w:default w:val="{default}"/></w:textInput></w:ffData></w:fldChar></w:r>',
        f'<w:r {w}><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>',
        f'<w:r {w}><w:fldChar w:fldCharType="separate"/></w:r>',
        f'<w:r {w}><w:t>{shown}</w:t></w:r>',
        f'<w:r {w}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml))


def test_a_templates_form_field_still_showing_its_default_is_a_blank_not_text(tmp_path):
    import docx

    document = docx.Document()
    _form_field(document.add_paragraph(), "点击此处添加单位名称", "点击此处添加单位名称")
    _form_field(document.add_paragraph(), "点击此处添加编号", "某标 2023-05")
    _form_field(document.add_paragraph(), "本稿完成日期：2023年5月6日", "本稿完成日期：2023年5月6日")  # a value, not a blank
    document.add_paragraph("关于加强档案管理工作的意见")
    document.add_paragraph("为进一步规范档案管理，提出如下意见。")
    document.save(tmp_path / "模板.docx")
    converted = convert(tmp_path / "模板.docx")
    assert converted.text.strip().split("\n\n") == ["某标 2023-05", "本稿完成日期：2023年5月6日", "关于加强档案管理工作的意见", "为进一步规范档案管理，提出如下意见。"]
    assert "去掉未填写的表单域 1 个（模板里的“点击此处…”）" in converted.notes


def test_a_paragraph_set_beside_a_picture_is_one_paragraph(tmp_path):
    import typst

    para = "画面中的人物关系线和运动线是两条不可轻易逾越的轴线，毫无根据地逾越了就是犯规，通常称作跳轴，必须越过轴线拍摄是有条件的。"
    source = (
        '#set page(paper: "a5")\n#set text(font: "Noto Serif CJK SC", size: 10.5pt, lang: "zh")\n#set par(justify: true, first-line-indent: (amount: 2em, all: true))\n'
        + para * 2 + "\n\n"
        + "#grid(columns: (62%, 1fr), gutter: 1em, [#h(2em)" + para * 2 + "], rect(width: 100%, height: 6em))\n\n"
        + para * 2 + "\n"
    )
    (tmp_path / "图文.pdf").write_bytes(typst.compile(source.encode("utf-8")))
    assert convert(tmp_path / "图文.pdf").text.strip().split("\n\n") == [para * 2] * 3


def test_a_work_summary_s_plain_title_ends_where_its_one_line_items_begin_and_its_period_dates_it_on_review(tmp_path, rules):
    """A developer's summary typed with no formatting at all: the title (a period in brackets) and one-line
    items, each a paragraph between empty ones, the first ending in ；. The title is the first line alone;
    the period gives the year it ends in (a summary is written as it closes), said on 待核对."""
    import docx

    document = docx.Document()
    for text in ("某某（2019-10——2020-04）工作总结", "", "订餐系统—叫号器接口；", "", "书写【接口配置说明】第二版", "",
                 "新公众号添加会员卡模块，账单支付模块；", "", "新公众号添加客户评价接口；"):
        document.add_paragraph(text)
    document.save(tmp_path / "总结.docx")
    converted, speech = speech_of(tmp_path / "总结.docx", rules)
    assert (speech.title, speech.date, speech.year) == ("某某（2019-10——2020-04）工作总结", None, 2020)
    assert ("date-guessed", "标题写的是一段时间（2019-10——2020-04），不是成文日期；年份按这段时间结束的 2020 年记：请核对日期") in \
        [(r.code, r.message) for r in speech.review]
    assert [p.text for s in speech.sections for p in s.paragraphs][:2] == ["订餐系统—叫号器接口；", "书写【接口配置说明】第二版"]


def test_a_plan_s_period_is_no_date_and_says_so():
    from build_kb.ingest.parse import parse_header

    header = parse_header([Line(1, "某某单位发展规划（2021—2025年）")])
    assert (header.title, header.year) == ("某某单位发展规划（2021—2025年）", None)
    assert [w.message for w in header.warnings] == ["标题写的是一段时间（2021—2025年），不是成文日期：请核对日期"]


def test_a_spoken_talk_s_short_sentences_are_no_headings_and_a_soft_broken_sentence_is_one(tmp_path, rules):
    """The script of an internal sharing talk: no title, slide cues, a short sentence that opens with 那 and
    another after a line that stops at a comma (Shift+Enter), a spoken line in the speaker's voice with no
    stop, two spoken lines under it: one section of text, every sentence whole."""
    import docx

    document = docx.Document()
    paragraphs = [
        "大家下午好。非常感谢大家抽出时间来参加这次接口相关知识的交流分享。",
        "第1页开始",
        "关于这点 我也向同事了解了下 我们目前的业务场景和相关的痛点",
        "首先据我了解，我们目前向下游提供数据的方式是主动去推送，推送的结果出了问题就要全部重新推送一遍。",
        "第一种 基于令牌的认证方式",
        "这种认证方式就像是一张临时通行证，只在短时间内有效，别人拿到了也不能长时间冒充你。",
        "第二种是 开放授权的认证方式",
        "它本质上是客户端与认证服务端之间的协议，可以在不提供用户名和密码的前提下完成授权。",
        "或者确实并发量大，导致服务没有办法即时处理请求，\n那这时候需要横向对服务进行扩容。",
        "那关于优化接口的性能。其实归根结底，还是要具体问题具体分析的，找到瓶颈所在才能得出有效的方法。",
        "第1页结束",
    ]
    for text in paragraphs:
        paragraph = document.add_paragraph()
        for k, line in enumerate(text.split("\n")):
            if k:
                paragraph.add_run().add_break()
            paragraph.add_run(line)
    document.save(tmp_path / "分享.docx")
    converted, speech = speech_of(tmp_path / "分享.docx", rules)
    assert [s.heading for s in speech.all_sections() if s.heading] == []
    texts = [p.text for s in speech.all_sections() for p in s.paragraphs]
    assert "或者确实并发量大，导致服务没有办法即时处理请求，那这时候需要横向对服务进行扩容。" in texts
    assert paragraphs[-2] in texts


def test_an_application_letter_s_kind_is_its_title_and_its_sign_off_closes_it(rules):
    """A 转正申请 typed with no formatting: the kind of letter over the salutation is the title (no one's
    name); 此致 / 敬礼！ / 申请人： / a blank date close the letter, out of its text, none of it lost."""
    text = ("转正申请\n\n尊敬的领导：\n\n您好！\n\n我于去年五月加入公司，在客服岗位上工作了一年，业务能力有了明显提高。\n\n"
            "最后，在此提出转正申请，恳请领导批准。\n\n此致\n\n敬礼！\n\n申请人：\n\n年 月 日\n")
    source = SourceFile(path=Path("申请.txt"), rel_path="申请.txt", encoding="utf-8", sha256="", raw=b"", text=text)
    speech = make_speech(source, rules, None, [])
    assert (speech.title, speech.date) == ("转正申请", None)
    assert [(s.kind, [p.text for p in s.paragraphs]) for s in speech.sections][-1] == ("closing", ["此致", "敬礼！", "申请人：", "年 月 日"])
    assert speech.sections[-2].paragraphs[-1].text == "最后，在此提出转正申请，恳请领导批准。"


def test_a_duty_report_without_a_title_keeps_its_boxed_labels_braced_sub_labels_and_every_point(tmp_path, rules):
    """A 述职 speech with no title line: a boxed label on top (【自我介绍】) over the opening, parts 一、【…】 in a
    custom style, sub-labels in braces ({岗位职责}), and points 1：… 2：… — one names 购买 (an advertising
    block's word) between siblings that do not. Nothing of it is removed; the parts are the top headings;
    the title made from them leaves the box out."""
    import docx

    document = docx.Document()
    part_style = document.styles.add_style("段落正文", 1)
    for text, styled in [("【自我介绍】", False), ("尊敬的各位领导、同事们，大家好！今天非常荣幸能够站在这里进行工作汇报。请允许我先做一个简单的自我介绍，我是客服中心的一名员工。", False),
                         ("通过一年的工作磨炼，我的工作能力、学习能力均有了明显提高。我的述职报告由工作回顾和工作规划两个部分组成。", False),
                         ("一、【工作回顾】", True), ("{岗位职责}", True), ("客服工作看似简单，实际上需要耐心细致，对客户负责。", True),
                         ("{工作完成情况}", True), ("一年来接待客户一万余人次，满意度稳步提升。", True),
                         ("二、【工作规划】", True), ("个人的成长与公司的发展密不可分，我将继续努力。", True),
                         ("1：做好工作，站在用户角度，提供快速优质的购买咨询服务", True), ("2：复盘总结，在复盘过程中总结经验教训", True),
                         ("3：终身学习，不断提升自己的认知水平", True)]:
        document.add_paragraph(text, style=part_style if styled else None)
    document.save(tmp_path / "述职.docx")
    from build_kb.config import SpeechOverride

    converted = convert(tmp_path / "述职.docx")
    source = SourceFile(path=tmp_path / "述职.txt", rel_path="述职.txt", encoding="utf-8", sha256="", raw=b"", text=converted.text)
    speech = make_speech(source, rules, SpeechOverride("述职.txt", 1, {"original": "述职.docx"}), [])  # as kb add stores it
    assert speech.clean.removed == []
    assert [s.heading for s in speech.sections if s.heading] == ["一、【工作回顾】", "二、【工作规划】"]
    assert [p.text for p in speech.sections[0].paragraphs][0] == "【自我介绍】"
    texts = [p.text for p in speech.all_paragraphs()]
    assert {"{岗位职责}", "{工作完成情况}", "1：做好工作，站在用户角度，提供快速优质的购买咨询服务"} <= set(texts)
    assert speech.title == "关于“工作回顾”等两个方面的讲话"

