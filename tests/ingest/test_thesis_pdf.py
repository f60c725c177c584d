"""Theses and reports as PDFs (issue #33): a cover whose largest type is the series the document
belongs to (`某某大学硕士学位论文`, the line every page's header repeats) or a cover form whose 题目
field gives the title; running headers that change with the chapter on odd pages and name the series
(Chinese or Latin) on even ones, a short chapter's name recurring too seldom to be told by its text;
a contents page with dot leaders.

The files are made here with Typst in those shapes, with text written for the tests.
"""

from __future__ import annotations

import re

from build_kb.ingest.convert import TITLE_BY_PDF_COVER_FIELD, TITLE_BY_PDF_UNDER_SERIES, convert
from build_kb.ingest.pdf import read_pdf

TEXT = "各级党组织要坚持把调查研究作为基本功，推动理论学习往深里走、往实里走，切实把学习成效转化为推动工作的实际行动。"
SERIES = "某某大学硕士学位论文"
TITLE = "基层党组织组织力提升路径研究"
CHAPTERS = [("第1章　绪论", 20), ("第2章　研究现状", 50), ("第3章　组织力的内涵", 20), ("第4章　提升路径", 50), ("第5章　结论", 20)]
"""Each chapter's name and how many paragraphs it has: the short ones fill a page and a little of the next."""


def _typst(source: str) -> bytes:
    import typst

    return typst.compile(('#set text(font: "Noto Serif CJK SC", size: 12pt, lang: "zh")\n' + source).encode("utf-8"))


def _thesis(even_head: str | None = SERIES, cover: str = "") -> bytes:
    """A thesis: the cover (the series in large type, the title under it, a form of fields), a contents
    page with dot leaders and page numbers, then the chapters, each from a new page; the header over a
    chapter's pages names the chapter on odd pages and `even_head` on even ones (on every page without
    one); a page number under every page. `cover` replaces the cover's lines."""
    even = "[#if c.len() > 0 { c.last().value }]" if even_head is None else f"[{even_head}]"
    cover = cover or (
        f"#align(center, text(26pt)[{SERIES}])\n#v(2cm)\n#align(center, text(18pt)[{TITLE}])\n#v(3cm)\n"
        "#align(center, text(14pt)[专　　业：　政治学理论])\n#align(center, text(14pt)[学位申请人：　张某某])\n"
        "#align(center, text(14pt)[指导教师：　李某某　教授])\n#v(1cm)\n#align(center, text(14pt)[二〇二四年五月])\n"
    )
    contents = "".join(f"{name} #box(width: 1fr, repeat[.]) {3 + 2 * k}\n\n" for k, (name, _) in enumerate(CHAPTERS))
    chapters = "".join(
        f"#pagebreak()\n#metadata(\"{name}\") <chapter>\n#align(center, text(16pt)[{name}])\n\n" + "\n\n".join(f"#h(2em){TEXT}第{n}点。" for n in range(1, count + 1)) + "\n"
        for name, count in CHAPTERS
    )
    header = (
        "header: context { if here().page() > 2 { let c = query(<chapter>).filter(m => m.location().page() <= here().page()); "
        f"if calc.odd(here().page()) {{ align(center, text(10.5pt)[#if c.len() > 0 {{ c.last().value }}]) }} else {{ align(center, text(10.5pt){even}) }} }} }}, "
        "footer: context { if here().page() > 2 { align(center, text(10.5pt)[#counter(page).display()]) } }"
    )
    return _typst(f'#set page(paper: "a4", margin: (x: 3cm, y: 3cm), {header})\n#set par(justify: true, leading: 0.9em)\n'
                  f"{cover}#pagebreak()\n#align(center, text(16pt)[目　录])\n\n{contents}{chapters}")


def _chapter_names(paragraphs: list[str]) -> list[str]:
    return [text for text in paragraphs if re.sub(r"\s", "", text) in {re.sub(r"\s", "", name) for name, _ in CHAPTERS}]


def test_the_series_line_every_header_repeats_is_no_title_the_large_type_under_it_is():
    """The cover's largest line is the one every even page's header says again: the series, not the
    title. The title is the next largest type under it; the import says why (title_by, a note)."""
    read = read_pdf(_thesis())
    assert (read.title, read.title_evidence, read.title_passed) == (TITLE, "under-series-line", SERIES)


def test_a_running_header_of_a_short_chapter_is_told_by_where_it_stands():
    """A chapter that fills a page and a little of the next says its name over two pages, once on
    each parity: too seldom to be told by its text, but it stands where the other headers stand (same
    baseline, type and centre). Every header goes and each chapter's name is left once, as its
    heading; the contents page goes too, its entries no headings."""
    read = read_pdf(_thesis(even_head=None))
    assert _chapter_names(read.paragraphs) == [name for name, _ in CHAPTERS]
    assert not [text for text in read.paragraphs if re.search(r"\.{4,}", text)]
    reasons = [reason for _, _, reason in read.dropped]
    assert reasons.count("table-of-contents") >= len(CHAPTERS)
    short = [text for _, text, reason in read.dropped if reason == "running-header" and text in ("第1章　绪论", "第3章　组织力的内涵", "第5章　结论")]
    assert len(short) == 6  # over both pages of each short chapter
    # every sentence whole: no header between a paragraph's two halves
    assert [text for text in read.paragraphs if text.startswith(TEXT[:10])] == [f"{TEXT}第{n}点。" for _, count in CHAPTERS for n in range(1, count + 1)]


def test_the_series_line_over_even_pages_goes():
    read = read_pdf(_thesis())
    assert SERIES not in read.paragraphs[1:]
    assert _chapter_names(read.paragraphs) == [name for name, _ in CHAPTERS]


def test_a_latin_series_line_on_even_pages_goes_as_well():
    read = read_pdf(_thesis(even_head="Master's Thesis of Mou University"))
    assert not [text for text in read.paragraphs if "Master's Thesis" in text]
    assert _chapter_names(read.paragraphs) == [name for name, _ in CHAPTERS]


def test_a_cover_form_s_title_field_gives_the_title_not_the_series_line_over_it(tmp_path):
    """A cover set as a form (`论文题目：X`, `学　院：…`, `学　号：…`) under the series line in large
    type: the 题目 field's X is the title, whatever the header repeats; kb add says which field."""
    cover = (
        "#align(center, text(28pt)[本科学生毕业论文])\n#v(2cm)\n#align(center, text(16pt)[论文题目：" + TITLE + "])\n#v(2cm)\n"
        "#align(center, text(14pt)[学　　院：　政治与公共管理学院])\n#align(center, text(14pt)[学　　号：　20201234])\n"
        "#align(center, text(14pt)[指导教师：　李某某])\n"
    )
    data = _thesis(even_head=TITLE, cover=cover)
    read = read_pdf(data)
    assert (read.title, read.title_evidence, read.title_passed) == (TITLE, "cover-field", "本科学生毕业论文")
    (tmp_path / "论文.pdf").write_bytes(data)
    converted = convert(tmp_path / "论文.pdf")
    assert (converted.title, converted.title_by) == (TITLE, TITLE_BY_PDF_COVER_FIELD)
    assert f"封面表格“题目”一栏写的“{TITLE}”作为题目（首页大字“本科学生毕业论文”不是题目）" in converted.notes


def test_kb_add_says_the_series_line_was_passed_over(tmp_path):
    (tmp_path / "论文.pdf").write_bytes(_thesis())
    converted = convert(tmp_path / "论文.pdf")
    assert (converted.title, converted.title_by) == (TITLE, TITLE_BY_PDF_UNDER_SERIES)
    assert f"首页最大字“{SERIES}”是各页页眉重复的一行，不是题目：取它下面的“{TITLE}”" in converted.notes


def test_a_cover_whose_largest_line_is_the_title_keeps_it():
    """The title in the largest type over a form without a 题目 field, no header repeating it: the
    largest type stays the title (nothing to pass over)."""
    cover = (f"#align(center, text(24pt)[{TITLE}])\n#v(3cm)\n#align(center, text(14pt)[专　　业：　政治学理论])\n"
             "#align(center, text(14pt)[学位申请人：　张某某])\n#align(center, text(14pt)[二〇二四年五月])\n")
    read = read_pdf(_thesis(cover=cover))
    assert (read.title, read.title_evidence) == (TITLE, "")
