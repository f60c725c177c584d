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
