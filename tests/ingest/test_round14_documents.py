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


@pytest.mark.parametrize("reader", [convert_module.in_another_language, __import__("build_kb.ingest.lead", fromlist=["_"]).caption_day])
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


# --- a title-less text: the salutation with its greeting, a caption's day ------------------------------


def speech_of(path, rules=None):
    from build_kb.config import load_boilerplate
    from build_kb.model import SourceFile
    from build_kb.pipeline import make_speech
    from conftest import CORPUS

    converted = convert(path)
    source = SourceFile(path=path, rel_path=path.stem + ".txt", encoding="utf-8", sha256="", raw=b"", text=converted.text)
    return converted, make_speech(source, rules or load_boilerplate(CORPUS), None, [])


BODY = ("今天我们召开全县组织工作会议，主要任务是总结去年工作，部署今年任务。\n"
        "一、充分肯定过去一年的工作成绩\n过去一年，全县各级党组织认真落实新时代党的建设总要求，扎实推进各项工作，取得了明显成效。\n"
        "二、准确把握今年工作的重点任务\n各级党组织要坚持问题导向，抓好各项任务落实，推动组织工作高质量发展。\n"
        "同志们，让我们紧密团结起来，开拓进取，扎实工作。\n")


def test_a_salutation_may_end_in_a_greeting():
    from build_kb.ingest.layout import SALUTATION_RE

    assert [bool(SALUTATION_RE.match(t)) for t in ("亲爱的同学们，大家好！", "老师们、同学们，大家上午好！", "尊敬的各位来宾，大家好",
                                                   "各位领导、同志们：", "同学们好好学习", "大家好，今天我们在这里召开大会。")] == [True, True, True, True, False, False]


@pytest.mark.parametrize("salutation", ["亲爱的同学们，大家好！", "老师们、同学们，大家上午好！", "尊敬的各位领导、各位来宾，大家好"])
def test_a_title_less_text_s_salutation_with_a_greeting_is_no_title(tmp_path, salutation):
    """A GB18030 text with no title line: its first line addresses the audience and greets it — the
    salutation (opening), never the title; the title is made from the content as for any title-less text."""
    path = tmp_path / "jianghua.txt"
    path.write_bytes((salutation + "\n" + BODY).encode("gb18030"))
    _, speech = speech_of(path)
    assert speech.title == "在全县组织工作会议上的讲话" and speech.title_derived
    assert [h.role for h in speech.header if h.text == salutation] in ([], ["salutation"])
    assert salutation not in (speech.title, speech.subtitle)


@pytest.mark.parametrize("caption, title, date", [
    ("图为2023年3月15日全县组织工作会议现场", "", "2023-03-15"),
    ("△ 6月28日，县委书记在七一专题党课上授课。", "2022年七一专题党课讲稿\n", "2022-06-28"),
    ("（图为2021年11月2日，与会同志分组讨论）", "", None),  # no event named: not a meeting's day (分组讨论 is no 会)
])
def test_a_caption_s_day_dates_a_text_that_gives_none(tmp_path, caption, title, date):
    """A picture's caption taken off as such (photo-caption) names the day of the event it shows: the
    text's date when the text has none (year its own or the title's), on 待核对 date-guessed."""
    path = tmp_path / "jianghua.txt"
    path.write_bytes((title + "同志们：\n" + BODY + caption + "\n").encode("gb18030"))
    _, speech = speech_of(path)
    assert speech.date == date
    guessed = [item.message for item in speech.review if item.code == "date-guessed"]
    assert guessed == ([f"日期 {date} 取自图片说明“{caption}”：请核对"] if date else [])
