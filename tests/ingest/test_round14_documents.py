"""Documents of round 14's classes (session 27, #33), each read by its evidence: an English file
with a few Chinese lines (no Chinese text to speak of) … The files are made here (python-docx,
Typst) with text written for the tests.
"""

from __future__ import annotations

import doctest
import re

import pytest

from build_kb.ingest import convert as convert_module
from build_kb.ingest.convert import ConversionError, convert


@pytest.mark.parametrize("reader", [convert_module.in_another_language])
def test_the_readers_examples_hold(reader):
    finder, runner = doctest.DocTestFinder(), doctest.DocTestRunner()
    for test in finder.find(reader, reader.__name__, globs=vars(__import__(reader.__module__, fromlist=["_"]))):
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


ENGLISH = "The committee reviewed the work of the year and set out the priorities for the next one, with a plan for training and a budget. "


@pytest.mark.parametrize("sidebar", [["中国代表团", "会议纪要"], ["简报第三期：组织工作"], ["联系人：王某", "电话：010-12345678"]])
def test_an_english_pdf_with_a_few_chinese_lines_beside_it_is_refused_in_one_line(tmp_path, sidebar):
    """Two or three Chinese lines in a sidebar or a box of an English report are no Chinese text to
    speak of: the file is refused, saying how many Han characters and foreign words it has."""
    import typst

    side = "\\\n".join(sidebar)
    source = ('#set page(paper: "a4")\n#set text(font: "Noto Serif CJK SC")\n'
              f"#grid(columns: (1fr, 4cm), column-gutter: 1cm, [{(ENGLISH * 6 + chr(10) * 2) * 4}], [#text(9pt)[{side}]])\n")
    path = tmp_path / "report.pdf"
    path.write_bytes(typst.compile(source.encode("utf-8")))
    with pytest.raises(ConversionError) as error:
        convert(path)
    han = sum(len(re.findall(r"[\u4e00-\u9fff]", line)) for line in sidebar)
    assert str(error.value) == f"report.pdf：有文字层（2 页），但几乎都是外文：汉字只有 {han} 个，外文词有 552 个；导入的应是中文讲话稿"


def test_a_chinese_speech_with_an_english_title_page_or_abstract_is_read(tmp_path):
    """Near misses: a Chinese speech under an English abstract, a Word file with an English summary."""
    import typst

    from docx import Document

    source = ('#set page(paper: "a4")\n#set text(font: "Noto Serif CJK SC")\n' + f"Abstract. {ENGLISH * 3}\n\n" +
              "同志们：\n\n" + "各级党组织要坚持把学习贯彻党的创新理论作为首要政治任务，推动理论学习往深里走、往实里走。\n\n" * 3)
    (tmp_path / "讲话.pdf").write_bytes(typst.compile(source.encode("utf-8")))
    assert "同志们：" in convert(tmp_path / "讲话.pdf").text
    document = Document()
    document.add_paragraph("Summary: " + ENGLISH * 2)
    document.add_paragraph("在全县组织工作会议上的讲话")
    document.add_paragraph("各级党组织要坚持把学习贯彻党的创新理论作为首要政治任务，推动理论学习往深里走。" * 2)
    document.save(tmp_path / "讲话.docx")
    assert "在全县组织工作会议上的讲话" in convert(tmp_path / "讲话.docx").text


def test_an_english_word_file_with_one_chinese_line_is_refused(tmp_path):
    from docx import Document

    document = Document()
    document.add_paragraph("工作简报")
    for _ in range(4):
        document.add_paragraph(ENGLISH * 3)
    document.save(tmp_path / "brief.docx")
    with pytest.raises(ConversionError) as error:
        convert(tmp_path / "brief.docx")
    assert str(error.value) == "brief.docx：转换后几乎都是外文：汉字只有 4 个，外文词有 276 个；导入的应是中文讲话稿"
