"""A PDF's structure told by its layout (issue #33): headings by their type and their siblings, a
table of contents without dot leaders by its page numbers and the headings it lists again.

The files are made here with Typst in the shape a Word report exported to PDF takes: a title over
the text, a 目录 whose entries end in page numbers, chapter heads in a large type without a number,
sections in a smaller one, the text under them.
"""

from __future__ import annotations

from build_kb.ingest.convert import convert
from build_kb.ingest.pdf import read_pdf

TEXT = "各级党组织要坚持把学习贯彻党的创新理论作为首要政治任务，推动理论学习往深里走、往心里走、往实里走，切实把学习成效转化为推动工作的实际行动。"
CHAPTERS = {"主要工作": ["抓班子带队伍", "强基础固根本"], "存在问题": ["思想认识不到位"], "下步打算": ["强化政治引领，推动党建工作提质增效"]}
FIGURES = [("城关镇", 12), ("河口镇", 9), ("新华乡", 15)]


def _report(chapters: dict[str, list[str]]) -> bytes:
    import typst

    def line(text: str, page: int) -> str:
        return f"{text} #h(1fr) {page}\n\n"

    contents = "".join(line(chapter, 2 + k) + "".join(line(section, 2 + k) for section in sections)
                       for k, (chapter, sections) in enumerate(chapters.items()))
    body = ""
    for chapter, sections in chapters.items():
        body += f"#text(size: 16pt, weight: \"bold\")[{chapter}]\n\n"
        for section in sections:
            wrapped = section.replace("，", "，\\ ")  # a head too long for one line, wrapped after its comma
            body += f"#text(size: 13pt, weight: \"bold\")[{wrapped}]\n\n{TEXT * 2}\n\n{TEXT}\n\n"
    figures = "".join(f"{place} #h(1fr) {count}\n\n" for place, count in FIGURES)
    source = ('#set page(paper: "a5", margin: 16mm)\n#set text(font: "Noto Serif CJK SC", size: 10.5pt, lang: "zh")\n'
              '#set par(justify: true, spacing: 1.2em, first-line-indent: (amount: 2em, all: true))\n'
              "#align(center)[#text(size: 20pt)[某某县委组织部2025年度工作总结]]\n\n"
              f"{TEXT}\n\n#align(center)[目录]\n\n{contents}#pagebreak()\n{body}各乡镇发展党员数：\n\n{figures}{TEXT}\n")
    return typst.compile(source.encode("utf-8"))


def test_unnumbered_heads_are_headings_by_their_type_and_the_contents_without_leaders_go(tmp_path):
    """Chapter heads in a large type without a number, over sections in a smaller one: the largest
    type that two or more short lines share, each over smaller text, is the top level, the next the
    second; a section's head wrapped after its comma is one. The 目录 above them, entries ending in
    page numbers with no dot leader, lists those heads again: it goes (logged), a table of figures
    (places and counts, said nowhere else) stays."""
    path = tmp_path / "工作总结.pdf"
    path.write_bytes(_report(CHAPTERS))
    read = read_pdf(path.read_bytes())
    assert read.title == "某某县委组织部2025年度工作总结"
    assert read.headings == [("主要工作", 1), ("抓班子带队伍", 2), ("强基础固根本", 2), ("存在问题", 1), ("思想认识不到位", 2),
                             ("下步打算", 1), ("强化政治引领，推动党建工作提质增效", 2)]
    contents = [text for _, text, reason in read.dropped if reason == "table-of-contents"]
    assert contents == ["目录", "主要工作　2", "抓班子带队伍　2", "强基础固根本　2", "存在问题　3", "思想认识不到位　3",
                        "下步打算　4", "强化政治引领，推动党建工作提质增效　4"]
    assert read.paragraphs[:2] == ["某某县委组织部2025年度工作总结", TEXT]
    assert [f"{place}　{count}" for place, count in FIGURES] == read.paragraphs[-4:-1]
    converted = convert(path)
    assert "去掉目录 8 行" in converted.notes
    lines = converted.text.split("\n")
    assert {lines[number - 1]: level for number, level in converted.heading_lines.items()} == dict(read.headings)


def test_a_numbered_family_in_one_type_is_left_to_the_numbering_rules(tmp_path):
    """Heads numbered 一、 二、 三、 in the chapter's type: the type marks nothing (the numbering rules
    read them) — the report's own 目录 does, listing them and the unnumbered sections under them
    (contents_headings). A Word list's bare numbers (`1　主要工作` over `1.1　…`), which those rules
    do not read, are marked by their type."""
    numbered = {f"{n}、{chapter}": sections for n, (chapter, sections) in zip("一二三", CHAPTERS.items())}
    assert read_pdf(_report(numbered)).headings == [
        ("一、主要工作", 1), ("抓班子带队伍", 2), ("强基础固根本", 2), ("二、存在问题", 1), ("思想认识不到位", 2),
        ("三、下步打算", 1), ("强化政治引领，推动党建工作提质增效", 2)]
    bare = {f"{n} #h(1em) {chapter}": [f"{n}.{m} #h(1em) {section}" for m, section in enumerate(sections, 1)]
            for n, (chapter, sections) in enumerate(CHAPTERS.items(), 1)}
    assert read_pdf(_report(bare)).headings == [
        ("1　主要工作", 1), ("1.1　抓班子带队伍", 2), ("1.2　强基础固根本", 2), ("2　存在问题", 1), ("2.1　思想认识不到位", 2),
        ("3　下步打算", 1), ("3.1　强化政治引领，推动党建工作提质增效", 2)]


def test_a_paragraph_in_a_narrower_measure_beside_a_picture_is_one_paragraph(tmp_path):
    """Text set beside a photo in a narrower measure: its lines start far right of the page's
    left edge and reach its right edge, as a signature does, yet two of them share both edges (a
    justified measure): the first line, indented, and the rest are one paragraph."""
    import typst
    from test_pdf_pages import _png

    picture = ",".join(str(b) for b in _png(40, 60))
    item = "2.我对我们村的未来有信心，" + TEXT
    source = ('#set page(paper: "a5", margin: 16mm)\n#set text(font: "Noto Serif CJK SC", size: 10.5pt, lang: "zh")\n'
              '#set par(justify: true, spacing: 1.2em, first-line-indent: (amount: 2em, all: true))\n'
              f"{TEXT}\n\n#grid(columns: (1fr, 1.3fr), gutter: 8mm, image(bytes(({picture})), width: 100%), [{item}])\n\n{TEXT}\n")
    read = read_pdf(typst.compile(source.encode("utf-8")))
    assert read.paragraphs == [TEXT, item, TEXT]


def test_a_heading_s_number_at_a_page_s_top_is_no_page_number_and_a_page_count_is_one():
    """`1　概述` heading a page: its number, a tab before its text on one baseline, stays with it;
    `第3頁　(共9頁)` in a footer goes whole."""
    from build_kb.ingest.pdf import PAGE_NUMBER, PdfLine, _labels_a_line

    number, text = PdfLine(2, 50, 58, 780, 796, 16.0, "1"), PdfLine(2, 74, 140, 780, 796, 16.0, "主要工作")
    assert _labels_a_line(number, [number, text])
    footer = [PdfLine(2, 250, 280, 20, 30, 10.0, "第3頁"), PdfLine(2, 290, 330, 20, 30, 10.0, "(共9頁)")]
    assert not _labels_a_line(footer[0], footer)
    assert all(PAGE_NUMBER.match(line) for line in ("(共9頁)", "（共 9 页）", "第3頁", "·3·", "• 12 •", "~3~", "〔3〕"))
    assert not any(PAGE_NUMBER.match(line) for line in ("·3·要求", "【3】号文", "〔2024〕3号"))


EXPORT_HEADS = ["开篇", "春季的学习", "夏天", "秋冬两季的几个项目", "结语与展望"]
EXPORT_TEXT = "这一段时间主要在学习 把去年没有学完的内容补上 也试着做了几个小项目 收获不算很多 但方向更清楚了 下一段时间打算把这些项目整理出来 写成几篇笔记"


def _markdown_export(heads: list[str]) -> bytes:
    """A note written in Markdown and exported to PDF: the title, then the exporter's contents — the
    title and every heading again, one per line (the headings set in under the title), in a type
    smaller than the text's, no leader, no page number — then each heading in a large type over its text (which uses spaces for its commas)."""
    import typst

    contents = "#stack(spacing: 8pt, text(size: 9pt)[2024年个人小结], " + ", ".join(f"pad(left: 1em, text(size: 9pt)[{head}])" for head in heads) + ")\n\n"
    body = "".join(f"#text(size: 15pt, weight: \"bold\")[{head}]\n\n{EXPORT_TEXT}\n\n" for head in heads)
    source = ('#set page(paper: "a5", margin: 16mm)\n#set text(font: "Noto Serif CJK SC", size: 10.5pt, lang: "zh")\n'
              "#text(size: 20pt, weight: \"bold\")[2024年个人小结]\n\n" + contents + body + "——某某 2024/12/30于家中\n")
    return typst.compile(source.encode("utf-8"))


def test_an_export_s_contents_block_without_leaders_goes_and_points_at_the_real_headings(tmp_path):
    """The contents block (the title and each heading again, in order, before the text) is no heading:
    it goes, logged as table-of-contents, and the headings are the lines it names further down."""
    path = tmp_path / "小结.pdf"
    path.write_bytes(_markdown_export(EXPORT_HEADS))
    read = read_pdf(path.read_bytes())
    assert [text for _, text, reason in read.dropped if reason == "table-of-contents"] == ["2024年个人小结", *EXPORT_HEADS]
    assert read.title == "2024年个人小结"
    assert read.headings == [(head, 1) for head in EXPORT_HEADS]
    converted = convert(path)
    lines = converted.text.split("\n")
    assert [lines[number - 1] for number in sorted(converted.heading_lines)] == EXPORT_HEADS
    assert all(lines[number] == "" and EXPORT_TEXT.replace(" ", "")[:10] in lines[number + 1].replace(" ", "") for number in converted.heading_lines)
    assert "去掉目录 6 行" in converted.notes


def test_the_contents_reader_s_examples():
    import doctest

    from build_kb.ingest import contents

    assert doctest.testmod(contents).failed == 0


def test_spaces_typed_between_chinese_clauses_stay_and_a_letter_spaced_word_is_one(tmp_path):
    """A text that uses spaces for its commas keeps them (the text layer has a space glyph there): the
    clauses are not glued into one run. A word set with a space between its two characters (摘 要) and a
    space before a figure's unit stay joined, as before."""
    import typst

    from build_kb.ingest.pdf import _joined

    source = ('#set page(paper: "a5", margin: 16mm)\n#set text(font: "Noto Serif CJK SC", size: 10.5pt, lang: "zh")\n'
              f"摘 要\n\n学了又没全学 摆了又没全摆 离目标没近没远\n\n共有 12 个支部参加\n\n{TEXT}\n")
    read = read_pdf(typst.compile(source.encode("utf-8")))
    assert read.paragraphs == ["摘要", "学了又没全学 摆了又没全摆 离目标没近没远", "共有12个支部参加", TEXT]
    # a space the layer typed at a line's end, where the line wrapped, stays between the clauses
    assert _joined("离目标没近没远的一整年", "明年会是什么样", typed_space=True) == "离目标没近没远的一整年 明年会是什么样"
    assert _joined("离目标没近没远的一整年", "明年会是什么样") == "离目标没近没远的一整年明年会是什么样"
    assert _joined("摘", "要", typed_space=True) == "摘要"
