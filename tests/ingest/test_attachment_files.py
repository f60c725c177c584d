"""Attachments, forms and rules that come as Word files of their own (#33): the `附件N` label on top is the 公文's
part (never the title, a subtitle or a paragraph), a centred title set over two paragraphs is read whole, a form's
title is read over its table, and a rule's `第N条　工作机构` heads standing alone are its headings. Each file is made
here with python-docx, read as `kb add` reads it, with exact expectations."""

from __future__ import annotations

from pathlib import Path

from build_kb.ingest import gongwen
from build_kb.ingest.convert import convert
from tests.ingest.test_documents import rules, speech_of  # noqa: F401 (rules: the corpus's boilerplate, a fixture)

from conftest import failed_examples

ARTICLES = [
    ("第一条　工作机构", "访学项目由学生工作处与国际合作处共同推动，学生工作处负责学生遴选，国际合作处负责项目拓展和出国手续。"),
    ("第二条　资助总额", "学校每年资助二十名优秀本科生参加访学项目，按人均五万元的水平资助，连续资助五年。"),
    ("第三条　资助对象", "经学校选拔、参加由学校组织的赴境外大学短期访学的优秀本科生。"),
]


def _document():
    import docx

    return docx.Document()


def _line(document, text: str, size: float = 16, centred: bool = False, style: str | None = None):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = document.add_paragraph(style=style)
    paragraph.add_run(text).font.size = Pt(size)
    if centred:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def write_attached_rules(path: Path) -> Path:
    """附件4 (left, 16 pt) over a title centred in 18 pt over two paragraphs (the school's name, the rules' name),
    an opening sentence, and articles whose heads stand alone (`第一条　工作机构`), no styles."""
    document = _document()
    _line(document, "附件4")
    _line(document, "某某大学", 18, centred=True)
    _line(document, "优才访学项目实施细则", 18, centred=True)
    _line(document, "为开拓本科生的国际视野，培养具有全球胜任力的创新人才，学校设立优才访学项目，制定本细则。")
    for head, text in ARTICLES:
        _line(document, head)
        _line(document, text)
    document.save(path)
    return path


def write_attached_form(path: Path, *, heading_style: bool = False) -> Path:
    """A form: `附件2：` on top, its title centred in 18 pt over two paragraphs (the first in a heading style when
    `heading_style`), and the table of label cells under it; outside the table nothing else."""
    document = _document()
    _line(document, "附件2：")
    _line(document, "2024年度某某访学项目——", 18, centred=True, style="Heading 2" if heading_style else None)
    _line(document, "某某大学暑期访学体验项目申请表", 18, centred=True)
    table = document.add_table(rows=3, cols=4)
    for row, cells in zip(table.rows, (("姓名", "", "性别", ""), ("学号", "", "学院", ""), ("申请理由", "", "", ""))):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    document.save(path)
    return path


def test_the_readers_examples_hold():
    assert failed_examples(gongwen.read_attachment_mark) == 0


def test_an_attached_rule_is_read_with_its_label_title_and_article_heads(tmp_path, rules):
    converted, speech = speech_of(write_attached_rules(tmp_path / "附件4.docx"), rules)
    assert converted.title == "某某大学优才访学项目实施细则"  # both centred lines, not the 附件4 over them
    marks = [(h.line, h.text, h.role) for h in speech.header if h.text.startswith("附件")]
    assert marks == [(1, "附件4", "attachment-mark")]
    assert [s.heading for s in speech.all_sections() if s.heading] == [head.replace("　", " ") for head, _ in ARTICLES]
    paragraphs = [p.text for s in speech.all_sections() for p in s.paragraphs]
    assert paragraphs == ["为开拓本科生的国际视野，培养具有全球胜任力的创新人才，学校设立优才访学项目，制定本细则。", *[text for _, text in ARTICLES]]
    assert not any("附件" in text for text in [speech.title, speech.subtitle or "", *paragraphs])


def test_a_forms_title_over_two_centred_paragraphs_is_read_whole(tmp_path, rules):
    for heading_style in (False, True):
        converted, speech = speech_of(write_attached_form(tmp_path / f"附件2-{heading_style}.docx", heading_style=heading_style), rules)
        assert converted.title == "2024年度某某访学项目——某某大学暑期访学体验项目申请表", heading_style
        assert [(h.text, h.role) for h in speech.header if h.text.startswith("附件")] == [("附件2：", "attachment-mark")]


def test_an_article_run_into_its_text_or_out_of_its_series_is_no_heading():
    """第一条　本办法… run into its sentence is the article's text; a lone 第二十五条　经费管理原则 with no series is a
    label of one article, left to the text."""
    from build_kb.ingest.parse import detect_numbered, find_headings
    from build_kb.ingest.parse import Block

    assert detect_numbered("第一条　本协会隶属于某某学院，是学生自愿组成的学术团体。") is None
    blocks = [Block(1, "第一条　本协会隶属于某某学院，是学生自愿组成的学术团体。"), Block(2, "第二条　本协会致力于推动开源技术在校园内的普及。"),
              Block(3, "第二十五条　经费管理原则"), Block(4, "协会经费遵循专款专用、合理节约的原则。")]
    assert find_headings(blocks) == [None, None, None, None]


def write_plain_form(path: Path) -> Path:
    """附件1 and a form's title in one paragraph (a soft break between), bold, not centred, the table's label rows under it."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    paragraph = document.add_paragraph()
    run = paragraph.add_run("附件1")
    run.add_break()
    run = paragraph.add_run("2024年某某学术论坛报名表")
    run.bold, run.font.size = True, Pt(14)
    table = document.add_table(rows=4, cols=4)
    for row, cells in zip(table.rows, (("姓名", "", "年级", ""), ("所在学校", "", "专业", ""), ("电话", "", "邮箱", ""), ("征文题目", "", "", ""))):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    document.save(path)
    return path


def test_a_forms_title_is_not_glued_to_the_label_rows_under_it(tmp_path, rules):
    _, speech = speech_of(write_plain_form(tmp_path / "报名表.docx"), rules)
    assert speech.title == "2024年某某学术论坛报名表"
    assert [(h.text, h.role) for h in speech.header] == [("附件1", "attachment-mark"), ("2024年某某学术论坛报名表", "title")]
    assert speech.speaker is None  # 姓名 年级 is a row of the form, not a byline
    assert [p.text for s in speech.all_sections() for p in s.paragraphs][:3] == ["姓名 年级", "所在学校 专业", "电话 邮箱"]


def write_rules_with_a_note_on_top(path: Path) -> Path:
    """A title in the Title style, two lines of introduction typed without their full stops, then the numbered rules."""
    import docx

    document = docx.Document()
    document.add_paragraph("某某论坛处罚规范", style="Title")
    for text in ("为了规范管理员的处罚，也方便大家了解违反规定的后果，特此制作了这个处罚规范，请仔细阅读", "如果对此有所建议，可以联系管理员",
                 "1.发表与论坛主题无关的内容：", "第一次删帖，第二次禁言一天，第三次禁言七天。", "2.发布商业广告：", "第一次禁言七天，第二次永久禁言。"):
        document.add_paragraph(text)
    document.save(path)
    return path


def test_an_introduction_without_its_full_stops_is_the_texts_not_the_titles(tmp_path, rules):
    converted, speech = speech_of(write_rules_with_a_note_on_top(tmp_path / "处罚规范.docx"), rules)
    assert converted.title == "某某论坛处罚规范"
    assert [h.role for h in speech.header] == ["title"] and speech.title == "某某论坛处罚规范"
    first = [p.text for p in speech.sections[0].paragraphs]
    assert first == ["为了规范管理员的处罚，也方便大家了解违反规定的后果，特此制作了这个处罚规范，请仔细阅读", "如果对此有所建议，可以联系管理员"]
