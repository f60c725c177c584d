"""A thesis's front matter among the headings its styles or type give (ingest/front.py): the declaration a
candidate signs, the lists of figures and symbols before the first chapter are no parts of the text. The files are
made here with python-docx, with text written for the tests."""

from __future__ import annotations

import docx

from build_kb.ingest.convert import convert
from build_kb.ingest.front import front_matter_heads

TEXT = "各级党组织要坚持把调查研究作为基本功，推动理论学习往深里走、往实里走，切实把学习成效转化为推动工作的实际行动。"


def test_a_thesis_declaration_and_lists_before_the_first_chapter_are_no_parts(tmp_path):
    document = docx.Document()
    document.add_heading("基层党组织组织力提升路径研究", 0)
    document.add_heading("某某大学", 1)
    document.add_heading("学位论文原创性声明", 1)
    document.add_paragraph("本人郑重声明：所呈交的学位论文，是本人在导师的指导下进行研究工作所取得的成果，特此声明。")
    document.add_paragraph("作者签名：")
    document.add_paragraph("日　期：")
    document.add_heading("摘　要", 1)
    document.add_paragraph(TEXT)
    document.add_heading("插图清单", 1)
    document.add_paragraph("图 2-1 基层党组织的组织体系")
    document.add_paragraph("图 2-2 组织力的构成要素")
    document.add_heading("符号说明", 1)
    document.add_paragraph("N 党员人数")
    document.add_heading("第1章　绪论", 1)
    document.add_paragraph(TEXT * 2)
    document.add_heading("第2章　组织力的内涵", 1)
    document.add_paragraph(TEXT * 2)
    document.add_heading("致　谢", 1)
    document.add_paragraph("感谢导师多年来的悉心指导，感谢同学们在学习和生活上给予的帮助。")
    document.save(tmp_path / "论文.docx")
    converted = convert(tmp_path / "论文.docx")
    lines = converted.text.split("\n")
    assert [lines[n - 1] for n in sorted(converted.heading_lines)] == ["摘　要", "第1章　绪论", "第2章　组织力的内涵", "致　谢"]
    assert any(note.startswith("4 个前置、后附部分的标题") and "“学位论文原创性声明”" in note for note in converted.notes)
    # the lines stay in the text, as paragraphs of the part before
    assert {"学位论文原创性声明", "作者签名：", "插图清单", "图 2-1 基层党组织的组织体系", "N 党员人数"} <= set(lines)


def test_a_part_of_running_text_before_the_chapters_and_a_notice_with_fields_to_fill_stay_parts():
    lines = ["摘　要", TEXT, "Abstract", "This thesis studies how the organising power of primary party organisations can be raised. "
             "It reviews the literature and proposes ways.", "第1章　绪论", TEXT, "附件：报名回执", "请各单位认真填写下表，于月底前报送。", "第2章　结论", TEXT]
    assert front_matter_heads({1: 1, 3: 1, 5: 1, 7: 1, 9: 1}, "\n".join(lines)) == {}
