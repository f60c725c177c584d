"""A document's own table of contents (issue #33): never the headings, always evidence for them.

Word files are made here with python-docx: a TOC field as Word writes it (fldChar begin, the
` TOC \\o "1-3" \\h ` instruction, entries in the `toc 1` / `toc 2` styles with a tab and the page,
fldChar end), and a contents typed by hand with dot leaders. The headings under them are plain
paragraphs, neither styled nor bold: the contents is the only evidence that they are headings.
"""

from __future__ import annotations

from build_kb.ingest.convert import convert

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TEXT = "各级党组织要把这项工作摆上重要位置，主要负责同志亲自抓、负总责，确保各项任务落地见效。"
PARTS = [("一、提高政治站位", 1), ("（一）统一思想认识", 2), ("二、压实工作责任", 1), ("三、强化督促检查", 1)]


def _field_run(kind: str) -> str:
    return f'<w:r {W_NS}><w:fldChar w:fldCharType="{kind}"/></w:r>'


def _word_with_contents(path, field: bool):
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    document = docx.Document()
    for level in (1, 2):
        document.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("在全县组织工作会议上的讲话", style="Title")
    document.add_paragraph("目　录")
    for k, (head, level) in enumerate(PARTS):
        if field:
            entry = document.add_paragraph(style=f"toc {level}")
            if k == 0:
                entry._p.append(parse_xml(_field_run("begin")))
                entry._p.append(parse_xml(f'<w:r {W_NS}><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'))
                entry._p.append(parse_xml(_field_run("separate")))
            entry.add_run(head)
            entry._p.append(parse_xml(f'<w:r {W_NS}><w:tab/></w:r>'))
            entry._p.append(parse_xml(_field_run("begin")))
            entry._p.append(parse_xml(f'<w:r {W_NS}><w:instrText xml:space="preserve"> PAGEREF _Toc{k} \\h </w:instrText></w:r>'))
            entry._p.append(parse_xml(_field_run("separate")))
            entry.add_run(str(2 + k))
            entry._p.append(parse_xml(_field_run("end")))
            if k == len(PARTS) - 1:
                entry._p.append(parse_xml(_field_run("end")))
        else:
            document.add_paragraph(f"{head}{'…' * 12}{2 + k}")
    document.add_paragraph("同志们：")
    document.add_paragraph(TEXT)
    for head, _ in PARTS:
        document.add_paragraph(head)
        document.add_paragraph(TEXT)
    document.save(path)
    return path


def test_word_s_contents_field_goes_and_names_the_plain_headings_at_its_levels(tmp_path):
    converted = convert(_word_with_contents(tmp_path / "讲话.docx", field=True))
    lines = converted.text.split("\n")
    assert lines[:3] == ["在全县组织工作会议上的讲话", "", "同志们："]
    assert converted.headings == PARTS
    assert {lines[number - 1]: level for number, level in converted.heading_lines.items()} == dict(PARTS)
    assert all(lines.count(head) == 1 for head, _ in PARTS)
    assert "去掉目录 4 行" in converted.notes
    assert "目录列出、正文里又单独成段的 4 行按目录的顺序作为小标题，写入 speeches.yaml 的 heading_lines" in converted.notes


def test_a_contents_typed_with_dot_leaders_goes_and_names_the_headings(tmp_path):
    converted = convert(_word_with_contents(tmp_path / "讲话.docx", field=False))
    lines = converted.text.split("\n")
    assert lines[:3] == ["在全县组织工作会议上的讲话", "", "同志们："]
    assert converted.headings == PARTS
    assert "去掉目录 4 行" in converted.notes


def test_a_list_of_short_lines_said_once_is_no_contents(tmp_path):
    """Short lines that the text does not say again (a list of names, a form's items) stay text."""
    import docx

    document = docx.Document()
    document.add_paragraph("参会人员名单", style="Title")
    for name in ("县委组织部", "县委宣传部", "县委统战部", "县直机关工委"):
        document.add_paragraph(name)
    document.add_paragraph(TEXT)
    document.save(tmp_path / "名单.docx")
    converted = convert(tmp_path / "名单.docx")
    assert converted.text.split("\n")[2:9:2] == ["县委组织部", "县委宣传部", "县委统战部", "县直机关工委"]
    assert not any("目录" in note for note in converted.notes)
