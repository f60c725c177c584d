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
