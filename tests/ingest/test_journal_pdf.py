"""Journal articles and reports as PDFs (issue #33): files a journal database hands out, two-column
pages with running headers and footers, a special section's box over the title, dates only in the
furniture, a report's sign-off block.

The files are made here with Typst in those shapes, with text written for the tests.
"""

from __future__ import annotations

import re

from build_kb.ingest.convert import convert
from build_kb.ingest.pdf import read_pdf

TEXT = "各级党组织要坚持把学习贯彻党的创新理论作为首要政治任务，推动理论学习往深里走、往实里走，切实把学习成效转化为推动工作的实际行动。"


def _typst(source: str) -> bytes:
    import typst

    return typst.compile(('#set text(font: "Noto Serif CJK SC", size: 10.5pt, lang: "zh")\n' + source).encode("utf-8"))


def _as_a_journal_database_writes_it(data: bytes) -> bytes:
    """The file with its cross-reference table turned into a cross-reference stream (no `trailer`)
    and `startxref 1234` on one line, as a journal database's reader writes its downloads."""
    table_at = data.rindex(b"\nxref") + 1
    table = data[table_at:]
    offsets = [int(m.group(1)) for m in re.finditer(rb"(\d{10}) \d{5} n", table)]
    root = re.search(rb"/Root\s*\d+\s+\d+\s+R", table).group(0)
    size = len(offsets) + 2  # object 0, the file's objects, the stream itself
    rows = b"\x00\x00\x00\x00\x00\xff" + b"".join(b"\x01" + at.to_bytes(4, "big") + b"\x00" for at in offsets + [table_at])
    stream = b"%d 0 obj\n<</Type/XRef/Size %d%s/W [1 4 1]/Length %d>>\nstream\n" % (size - 1, size, root, len(rows))
    return data[:table_at] + stream + rows + b"\nendstream\nendobj\nstartxref %d\r\n%%%%EOF\n" % table_at


def test_a_journal_database_s_download_is_read_after_its_cross_reference_is_rebuilt(tmp_path):
    """pdfminer finds no /Root in such a file (it looks for `startxref` alone on a line, then for a
    `trailer`); pypdf reads it, writes it anew, and the text comes through — said in the summary."""
    from pdfminer.pdfparser import PDFSyntaxError

    data = _as_a_journal_database_writes_it(_typst("#set page(paper: \"a5\")\n" + TEXT + "\n"))
    try:
        from pdfminer.high_level import extract_text

        extract_text(__import__("io").BytesIO(data))
        raise AssertionError("pdfminer should not read the file as it is")
    except PDFSyntaxError:
        pass
    read = read_pdf(data)
    assert read.rebuilt and read.paragraphs == [TEXT]
    (tmp_path / "期刊.pdf").write_bytes(data)
    converted = convert(tmp_path / "期刊.pdf")
    assert converted.text.strip() == TEXT
    assert "文件的交叉引用表写法不规范，重建后读取" in converted.notes


def test_a_file_that_is_no_pdf_is_still_refused(tmp_path):
    import pytest

    from build_kb.ingest.convert import ConversionError

    (tmp_path / "残缺.pdf").write_bytes(b"%PDF-1.6\n" + bytes(range(256)) * 40)
    with pytest.raises(ConversionError, match="不是可以读取的 PDF 文件"):
        convert(tmp_path / "残缺.pdf")


HEADS = ["一、现状与问题", "二、加强基层组织建设的思路", "三、几点建议"]
EDITORS_BOX = ["编·者·按　本刊开设基层治理专栏，", "围绕组织建设的重点难点问题，", "邀请实务部门的同志撰文交流，敬请读者关注。"]


def _journal_article() -> bytes:
    """Four pages of a journal: across the first page's top a special section's box drawn with glyphs
    (`━━━` rules, `┃` sides), the title, the author, the abstract; under it two columns with 一、…三、
    heads; a header and a footer for odd and even pages, the footer saying the issue (`2019年第2期`,
    `JOURNAL, NO. 2, 2019`) beside a page number `· 1 ·`."""
    rule = '#text("' + "━" * 44 + '")\n'
    box = "#grid(columns: (1em, 1fr, 1em), row-gutter: 0.4em, " + ", ".join(f"[┃], [{line}], [┃]" for line in EDITORS_BOX) + ")\n"
    body = "\n\n".join(f'#text(size: 12pt, weight: "bold")[{head}]\n\n' + "\n\n".join(f"#h(2em){TEXT}第{k}点。" for k in range(1, 25)) for head in HEADS)
    return _typst(
        '#set page(paper: "a4", columns: 2, margin: (x: 2cm, y: 2.5cm),\n'
        "  header: context { if calc.odd(here().page()) { align(right)[基层治理研究] } else { align(left)[Special Column] } },\n"
        "  footer: context { if calc.odd(here().page()) { [某某学刊　2019年第2期 #h(1fr) · #counter(page).display() ·] }"
        " else { [· #counter(page).display() · #h(1fr) JOURNAL, NO. 2, 2019] } })\n"
        "#set par(justify: true)\n"
        '#place(top + center, float: true, scope: "parent")[\n' + rule + box + rule +
        "#v(1em)\n#text(size: 22pt)[关于加强基层组织建设的几点思考]\n#v(0.5em)\n张某某\n#v(0.5em)\n"
        "#align(left)[摘要：本文分析了基层组织建设的现状，提出了加强基层组织建设的思路和建议，对于推动基层治理具有一定的参考价值。]\n"
        "#align(left)[关键词：基层组织　组织建设　基层治理]\n#v(1em)\n]\n" + body + "\n"
    )


def test_a_journal_s_first_page_band_box_columns_and_furniture_are_read_as_a_person_reads_them():
    """The box's glyph rules and sides go (rule-line) and its words stay; the title is the band's
    large type, not the box's first line; the columns under the band are read one after the other,
    so a paragraph the column or the page cuts goes on; headers, footers and `·1·` go; the year is
    the footer's issue (the text gives none)."""
    read = read_pdf(_journal_article())
    assert read.title == "关于加强基层组织建设的几点思考"
    assert (read.cover_year, read.year_line) == (2019, "某某学刊　2019年第2期")
    assert read.paragraphs[:8] == ["编·者·按", *EDITORS_BOX[0].split("　")[1:], *EDITORS_BOX[1:], "关于加强基层组织建设的几点思考", "张某某",
                                   "摘要：本文分析了基层组织建设的现状，提出了加强基层组织建设的思路和建议，对于推动基层治理具有一定的参考价值。",
                                   "关键词：基层组织　组织建设　基层治理"]
    body = read.paragraphs[8:]
    assert [text for text in body if not text.startswith(TEXT)] == HEADS
    assert [text for text in body if text.startswith(TEXT)] == [f"{TEXT}第{k}点。" for _ in HEADS for k in range(1, 25)]
    reasons = {(text, reason) for _, text, reason in read.dropped}
    assert {("━" * 44, "rule-line"), ("┃", "rule-line"), ("·2·", "page-number"), ("JOURNAL, NO. 2, 2019", "running-header"),
            ("Special Column", "running-header"), ("某某学刊　2019年第2期", "running-header")} <= reasons
    assert read.columns == 4


PLEDGE = "公司董事会、监事会及董事、监事、高级管理人员保证季度报告内容的真实、准确、完整，不存在虚假记载、误导性陈述或者重大遗漏，并承担个别和连带的法律责任。"
OFFICERS = "公司负责人张某、主管会计工作负责人李某及会计机构负责人（会计主管人员）王某保证季度报告中财务报表的真实、准确、完整。"
NOTE = "报告期内公司经营情况总体平稳，主要业务板块保持增长，现金流量状况良好，各项风险总体可控，后续将继续加强经营管理，提升发展质量。"
PARTS = ["一、重要提示", "二、公司基本情况", "三、重要事项", "四、附录"]


def _quarterly_report() -> bytes:
    """A listed company's quarterly report as Word exports it: a cover, a 目录 with dot leaders, the
    report's name over every later page, `n /6` under every page; 一、…四、 parts in the text's own
    type, the first part's items set double-spaced (the rest single), a sign-off block set as a form
    (`日期　2020年4月30日`) in part 三, a statement whose rows are numbered 一、…四、 too."""
    def entry(text: str, page: int) -> str:
        return f"{text.replace('、', '、　')} #box(width: 1fr, repeat[.]) {page}\n\n"

    rows = "".join(f"{n}、{name} #h(1fr) {a} #h(2em) {b}\n\n" for n, name, a, b in
                   [("一", "营业总收入", "50,590.12", "49,757.36"), ("二", "营业总成本", "50,626.16", "48,974.37"),
                    ("三", "营业利润", "771.44", "1,039.77"), ("四", "利润总额", "768.70", "1,235.67")])
    item = "#block(spacing: 2em)[#set par(leading: 1.7em); {}]\n\n"
    return _typst(
        '#set page(paper: "a4", margin: 2.5cm, header: context { if here().page() > 1 { align(center, text(9pt)[2020年第一季度报告]) } },\n'
        "  footer: context align(center, text(9pt)[#counter(page).display() /6]))\n#set par(justify: true)\n"
        "公司代码：600000 #h(2em) 公司简称：某某股份\n#v(6cm)\n"
        "#align(center, text(22pt)[某某股份有限公司])\n#align(center, text(22pt)[2020年第一季度报告])\n#pagebreak()\n"
        "#align(center, text(16pt)[目录])\n" + "".join(entry(part, page) for part, page in zip(PARTS, (3, 4, 5, 6))) + "#pagebreak()\n"
        f"{PARTS[0]}\n\n" + item.format(f"1.1 {PLEDGE}") + item.format("1.2 公司全体董事出席董事会审议季度报告。") + item.format(f"1.3 {OFFICERS}")
        + f"#pagebreak()\n{PARTS[1]}\n\n{NOTE * 2}\n\n{NOTE * 2}\n\n#pagebreak()\n{PARTS[2]}\n\n{NOTE * 3}\n\n"
        "#align(right, grid(columns: 2, column-gutter: 1em, row-gutter: 0.8em, [公司名称], [某某股份有限公司], [法定代表人], [张某], [日期], [2020年4月30日]))\n"
        f"#pagebreak()\n{PARTS[3]}\n\n{NOTE * 2}\n\n合并利润表 #h(1fr) 单位：元\n\n{rows}{NOTE * 2}\n"
    )


def test_a_quarterly_report_s_parts_are_those_its_contents_list_and_its_date_is_the_sign_off_s(tmp_path):
    """The 目录's entries (dropped, the `目录` over them too) are said again in the text as lines of their
    own: those are the top-level headings, not the statement's rows numbered the same way. The
    sign-off form's `日期` row gives the date. An item wrapped double-spaced on a page whose every
    wrapped line is double-spaced stays one paragraph (the page's own leading)."""
    (tmp_path / "季度报告.pdf").write_bytes(_quarterly_report())
    read = read_pdf((tmp_path / "季度报告.pdf").read_bytes())
    assert read.headings == [(part, 1) for part in PARTS]
    assert (read.cover_date, read.cover_year) == ("2020-04-30", 2020)
    assert f"1.1{PLEDGE}" in read.paragraphs and f"1.3{OFFICERS}" in read.paragraphs
    assert "目录" not in read.paragraphs and "一、营业总收入　50,590.12　49,757.36" in read.paragraphs
    assert [text for _, text, reason in read.dropped if reason == "page-number"] == [f"{n} /6" for n in range(1, 7)]
    converted = convert(tmp_path / "季度报告.pdf")
    lines = converted.text.split("\n")
    assert {lines[number - 1]: level for number, level in converted.heading_lines.items()} == {part: 1 for part in PARTS}
    assert converted.date == "2020-04-30" and "去掉目录 5 行" in converted.notes


def test_a_first_page_s_masthead_goes_and_a_received_date_in_full_width_figures_is_read():
    """Over the title of a journal's first page: its name and issue, the page number, its English name
    with `Vol.`/`No.`, the column's label — the masthead (dropped, `masthead`). The 收稿日期 footnote
    written in full-width figures and dashes is the day the journal received it, no date of the article's
    (session 27): the year is the masthead's issue."""
    source = ('#set page(paper: "a4", margin: (top: 1.2cm, rest: 2cm))\n'
              "#align(center, text(7.7pt)[某某教育研究 #h(3em) 2016年第3期 #h(3em) 40])\n"
              "#align(center, text(6pt)[JOURNAL OF SOME EDUCATION RESEARCH #h(1em) Vol.19 No.3 2016])\n"
              "#text(9pt)[学人手札]\n#v(2cm)\n#align(center, text(20pt)[基层组织建设的几点思考])\n#v(1em)\n"
              + TEXT * 3 + "\n\n#v(2cm)\n#text(7.8pt)[收稿日期：２０１６－０２－０１]\n")
    read = read_pdf(_typst(source))
    assert read.title == "基层组织建设的几点思考"
    assert [text for _, text, reason in read.dropped if reason == "masthead"] == [
        "某某教育研究　2016年第3期　40", "JOURNAL OF SOME EDUCATION RESEARCH Vol.19 No.3 2016", "学人手札"]
    assert (read.cover_date, read.cover_year) == (None, 2016)
    assert read.paragraphs[0] == "基层组织建设的几点思考"


def test_a_bilingual_note_s_lines_stay_in_a_document():
    """A one-page task note: a heading, then `name：tasks in English` lines. A name over words of another
    language is no code or figure (mostly-not-han says nothing); in a converted document no such line
    is removed — at most sent to a person (待核对)."""
    from build_kb.ingest.evidence import judge_lines, verdict_by_origin

    lines = ["本周任务：", "", "全体：looking for papers of local clustering", "", "王某某：utility, mutual friend recommendation",
             "", "李某：ground truth statistics", "", "张某某：other graphs: keyword graph, author graph…"]
    judged = judge_lines(lines, set(), (0, 0))
    assert all(verdict_by_origin(judged[k], from_document=True) != "chrome" for k in judged)
    assert not any(e.reader == "mostly-not-han" for k in judged for e in judged[k].evidence)


def test_a_short_article_s_columns_between_two_bands_and_its_once_printed_issue_line():
    """Three pages: the first has a band across its top (title, abstract) and one across its foot (the
    received date, the author's note, set the page's width); the columns between them are read one
    after the other. The even pages' footer, printed once (page 2), still goes: it says the issue."""
    body = "\n\n".join(f"#h(2em){TEXT}第{k}点。" for k in range(1, 46))
    read = read_pdf(_typst(
        '#set page(paper: "a4", columns: 2, margin: (x: 2cm, y: 2.5cm),\n'
        "  footer: context { if calc.odd(here().page()) { [某某学刊　2019年第2期 #h(1fr) · #counter(page).display() ·] }"
        " else { [· #counter(page).display() · #h(1fr) JOURNAL, NO. 2, 2019] } })\n#set par(justify: true)\n"
        '#place(top + center, float: true, scope: "parent")[#text(size: 20pt)[基层组织建设的几点思考]\n\n'
        "#align(left)[摘要：本文分析了基层组织建设的现状，提出了加强基层组织建设的思路和建议，对于推动基层治理具有参考价值。]\n#v(1em)]\n"
        '#place(bottom + center, float: true, scope: "parent")[#line(length: 100%)\n#align(left, text(8pt)[收稿日期：2019－03－02 \\ '
        "作者简介：张某某，某某大学教授，主要从事基层治理研究，近年来主持完成多项相关课题，发表论文多篇。])]\n" + body + "\n"))
    assert read.pages == 3 and read.columns == 2  # (the last page's text fills its left column only)
    assert read.title == "基层组织建设的几点思考" and (read.cover_date, read.cover_year) == (None, 2019)  # (收稿日期 is none)
    assert [text for text in read.paragraphs if text.startswith(TEXT)] == [f"{TEXT}第{k}点。" for k in range(1, 46)]
    assert ("JOURNAL, NO. 2, 2019", "running-header") in {(text, reason) for _, text, reason in read.dropped}


def test_two_blocks_of_fields_under_a_letter_s_head_are_no_columns():
    """Under a 函's head line (across the page), fields set left (受文者…) and right (地址… 電話…) stand
    side by side like columns, but end anywhere, not at one justified edge: the page is not read as
    two columns, so the head line keeps its `函`."""
    from build_kb.ingest.pdf import PdfLine, _gutter

    def line(x0: float, x1: float, y: float, text: str) -> PdfLine:
        return PdfLine(1, x0, x1, y, y + 12, 12.0, text)

    head = line(90, 480, 700, "某某市某某区健康服务中心　函")
    left = [line(60, 260 - 13 * k, 660 - 20 * k, "受文者：某某单位某某科等" if k % 2 else "发文日期：某年某月某日") for k in range(6)]
    right = [line(320, 540 - 17 * k, 660 - 20 * k, "地址：某某路15号" if k % 2 else "电话：12345678转6268") for k in range(6)]
    above = [line(60, 540, 760 - 20 * k, "档号：　　　　保存年限：　　　　某某市某某区某某中心　函稿") for k in range(3)]
    assert _gutter([*above, head, *left, *right]) is None
