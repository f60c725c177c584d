"""Printed lines read back into paragraphs (issue #33): a PDF set double-spaced, with items set in
under bullets and numbers and running over a page, and a Word file converted from a PDF that holds
one paragraph per printed line, its page numbers, dotted contents and separator lines between them.

The files are made here (Typst, python-docx) in the shapes such documents take; nothing third-party.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from build_kb.config import load_boilerplate
from build_kb.ingest.clean import clean
from build_kb.ingest.convert import convert, printed_measure
from build_kb.ingest.pdf import PdfLine, paragraph_leading, read_lines, read_pdf
from build_kb.model import SourceFile
from build_kb.pipeline import make_speech

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

RULES_TEXT = "申请人应当按照登记机关的要求提交全部材料，材料中的名称、版本号和权利人应当与申请表保持一致，页码应当连续编排，复印件应当清晰完整，"
RETURNED = "不符合要求的材料将被退回补正，补正期间不计入办理时限。"
SOURCE_ITEM = "源程序应当提交前、后各连续三十页，不足六十页的应当全部提交，每页不少于五十行，结束页除外，并在页眉标注软件名称和版本号，"


@pytest.fixture(scope="module")
def rules():
    return load_boilerplate(CORPUS)


def write_double_spaced_pdf(path: Path) -> Path:
    """A company's requirements as Word prints them at 1.8 line spacing: the company's name as the
    running header, `1/2` page marks, heads `1 概述` in larger type, bullets set in with their
    lines turning back under them, one item running over the page, a numbered item a tab before its text."""
    import typst

    def item(text: str) -> str:
        return "#pad(left: 2em)[#par(first-line-indent: (amount: 2em, all: true))[" + text + "]]\n\n"

    source = (
        '#set page(paper: "a5", margin: (x: 16mm, y: 18mm), header: align(center)[某某科技有限公司], numbering: "1/1", number-align: left)\n'
        '#set text(font: "Noto Serif CJK SC", size: 10.5pt, lang: "zh")\n'
        "#set par(justify: true, leading: 1.8em, spacing: 1.8em)\n"
        "#align(center)[#text(size: 20pt)[软件登记申请材料要求]]\n\n"
        "#text(size: 16pt)[1 概述]\n\n"
        + RULES_TEXT + RETURNED + "\n\n"
        + item("• 一般交存：程序和文档各交三十页；") + item("• " + SOURCE_ITEM * 2 + "以免退件。")
        + "#text(size: 16pt)[2 注意事项]\n\n"
        + item("• " + SOURCE_ITEM * 5 + "以免退件。")
        + "#pad(left: 1em)[1#h(1.5em)" + SOURCE_ITEM + "以免退件。]\n\n"
        + RETURNED + "\n"
    )
    path.write_bytes(typst.compile(source.encode("utf-8")))
    return path


def test_a_double_spaced_pdf_is_read_in_paragraphs_items_whole_over_the_page(tmp_path):
    """Its lines stand two type sizes apart inside a paragraph as between paragraphs: the gap is
    measured against the document's own leading, an item's line under its bullet goes on over the
    page, and an item's number a tab before its text is no table cell."""
    read = read_pdf(write_double_spaced_pdf(tmp_path / "申请材料要求.pdf").read_bytes())
    assert read.pages == 2
    assert read.paragraphs == [
        "软件登记申请材料要求",
        "1概述",
        RULES_TEXT + RETURNED,
        "•一般交存：程序和文档各交三十页；",
        "•" + SOURCE_ITEM * 2 + "以免退件。",
        "2注意事项",
        "•" + SOURCE_ITEM * 5 + "以免退件。",  # over the page: its lines set in as the page's first line is
        "1　" + SOURCE_ITEM + "以免退件。",
        RETURNED,
    ]
    assert read.dropped == [(1, "某某科技有限公司", "running-header"), (1, "1/2", "page-number"), (2, "某某科技有限公司", "running-header"), (2, "2/2", "page-number")]
    assert read.headings == [("1概述", 1), ("2注意事项", 1)]
    assert read.leading == {10: 16.0}  # the gap between a paragraph's lines (1.8em, less the glyphs' overhang), wider than 1.2 × the type


def _line(y: float, x0: float, x1: float, text: str, size: float = 10.0) -> PdfLine:
    return PdfLine(1, x0, x1, y, y + size, size, text)


def test_a_type_s_leading_is_measured_where_lines_wrap():
    page = [_line(700, 90, 500, "甲乙丙，"), _line(670, 90, 500, "丁戊己，"), _line(640, 90, 500, "庚辛，"), _line(610, 90, 300, "壬。")]
    assert paragraph_leading([page]) == {10: 20.0}
    assert paragraph_leading([page[:3]]) == {}  # two wraps tell no leading


def test_a_bulleted_item_after_a_clause_s_end_is_the_next_item_and_no_signature():
    """`•…；` running to the right edge, then `•…`: two items, not one wrapped line. An item set in
    under a list's head and reaching the right edge is no signature: its next line turns back under it."""
    page = [
        _line(700, 90, 500, "注：根据身份证明类型提交以下资料，各项资料均应加盖单位公章并由经办人签名确认"),
        _line(685, 90, 300, "，复印件应当清晰。"),
        _line(670, 140, 500, "•企业法人单位提交有效的营业执照副本的复印件和法定代表人的身份证明；"),
        _line(655, 140, 500, "•社团法人单位提交民政部门出具的有效的社团法人证书的复印件和登记"),
        _line(640, 115, 200, "证书；"),
        _line(625, 90, 500, "以上资料均须提交原件备查，复印件应当使用A4纸张打印，单面黑白，字迹清楚完整，"),
        _line(610, 90, 200, "不得涂改。"),
    ]
    read = read_lines([page], [842.0])
    assert read.paragraphs == [
        "注：根据身份证明类型提交以下资料，各项资料均应加盖单位公章并由经办人签名确认，复印件应当清晰。",
        "•企业法人单位提交有效的营业执照副本的复印件和法定代表人的身份证明；",
        "•社团法人单位提交民政部门出具的有效的社团法人证书的复印件和登记证书；",
        "以上资料均须提交原件备查，复印件应当使用A4纸张打印，单面黑白，字迹清楚完整，不得涂改。",
    ]


# --- Word converted from a PDF: one paragraph per printed line ------------------------------------

GUIDE = (
    "考试乃是教学效果的检测手段，分数高低代表知识掌握程度的高低。外部观察者根据分数作出甄选，学生则比照分数定位自己。"
    "然而，如果仅限于此，学习的意义可能会转化为用分数标识的符号本身，而知识体系本身的掌握与理解，则遮蔽于符号背后以至于逐渐淡出视野。"
    "考试主要有两种目的：一是检测考试者对某方面知识或技能的掌握程度，二是检验考试者是否已经具备获得某种资格的基本能力。"
) * 4
MEASURE = 29
"""(no line of GUIDE cut at 29 characters ends at a stop: one paragraph)"""


def _printed(text: str, measure: int = MEASURE) -> list[str]:
    """The text cut into printed lines of `measure` characters, as a PDF sets it."""
    return [text[k : k + measure] for k in range(0, len(text), measure)]


def write_printed_lines_docx(path: Path) -> tuple[Path, list[str]]:
    """A study guide a converter saved from PDF to Word: its title over two paragraphs and a course
    code, a dotted table of contents, then every printed line a paragraph, page numbers and the page's
    separator line between them, chapter and numbered lines among them."""
    import docx

    guide = _printed(GUIDE)
    lines = (
        ["思想政治理论", "课程学习指导", "课程代码：12656", "目录",
         "第一章 考试能力测评" + "." * 40 + "1", "第二章 零基础实战" + "." * 40 + "3", "第三章 思维脑图" + "." * 30 + "（插页）",
         "·" * 40, "第一章 考试能力测评"] + guide[:4] + ["1", "·" * 40] + guide[4:]
        + ["1.涵盖面广，对各学科进行全面的了解与测评。"] + _printed("本题库根据不同专业设置了不同的考题，" + GUIDE[:80] + "。")
        + ["2", "=" * 30, "【例1·单选】哪一项正确？", "C", "（2）", "— 3 —"]
    )
    document = docx.Document()
    for text in lines:
        document.add_paragraph(text)
    document.save(path)
    return path, guide


def test_a_word_file_of_printed_lines_is_read_in_paragraphs_without_its_page_furniture(tmp_path, rules):
    path, guide = write_printed_lines_docx(tmp_path / "学习指导.docx")
    converted = convert(path)
    assert converted.text.rstrip("\n").split("\n\n") == [
        "思想政治理论", "课程学习指导", "课程代码：12656", "目录", "第一章 考试能力测评", GUIDE,
        "1.涵盖面广，对各学科进行全面的了解与测评。", "本题库根据不同专业设置了不同的考题，" + GUIDE[:80] + "。",
        "【例1·单选】哪一项正确？", "C", "（2）",  # an answer alone is no roman page number, an item's label no page's
    ]
    joined = len(guide) - 1 + len(_printed("本题库根据不同专业设置了不同的考题，" + GUIDE[:80] + "。")) - 1
    assert converted.notes[0] == f"由 PDF 转成的 Word，每段只是印刷页上的一行，每行约 {MEASURE} 字：接回折行 {joined} 处，去掉页码 3 处，去掉目录 3 行，去掉分隔线 3 行"
    source = SourceFile(path=path, rel_path="学习指导.txt", encoding="utf-8", sha256="", raw=b"", text=converted.text)
    speech = make_speech(source, rules, None, [])
    assert speech.title == "思想政治理论 课程学习指导"  # the course's code is a field of the record, no title's words


def test_a_word_file_of_real_paragraphs_is_not_printed_lines():
    assert printed_measure(_printed(GUIDE)) == MEASURE
    assert printed_measure([GUIDE] * 30) is None  # paragraphs longer than any line
    assert printed_measure(["一段完整的话写到句号为止，长短正好一样。"] * 30) is None  # lines of one width that end their sentences
    assert printed_measure(_printed(GUIDE)[:4]) is None  # too few to tell


def test_a_document_about_copyright_keeps_its_sentences_a_notice_goes(rules):
    text = "软件著作权申请材料要求\n软件著作权登记申请文件应当包括：登记申请表、软件的鉴别材料和相关的证明文件。\n本文著作权归作者所有"
    assert [(r.line, r.rule) for r in clean(text, rules).removed] == [(3, "copyright-notice")]


# --- glyphs without a character ------------------------------------------------------------------


def pdf_with_unmapped_glyph() -> bytes:
    """A one-line PDF whose first glyph is set in a font that maps it to no character (no ToUnicode, an Identity encoding)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Mystery /Encoding /Identity-H /DescendantFonts [7 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Mystery /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 600 >>",
    ]
    stream = b"BT /F2 12 Tf 20 150 Td <0005> Tj /F1 12 Tf (Step three: stop the alarm.) Tj ET"
    objects[3] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    out, offsets = b"%PDF-1.4\n", []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def test_a_glyph_its_font_maps_to_no_character_is_left_out_and_said():
    """pdfminer writes such a glyph as `(cid:5)`: it is no one's text, so it stays out of the line,
    logged and counted (kb add says 字体里没有对应文字的字形 1 个未读入)."""
    read = read_pdf(pdf_with_unmapped_glyph())
    assert read.paragraphs == ["Step three: stop the alarm."]
    assert read.dropped == [(1, "(cid:5)", "unmapped-glyph")]
