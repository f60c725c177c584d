"""Session 30, documents: real documents' shapes as made-up files (typst PDFs, python-docx), each with its near miss."""
from __future__ import annotations

import pytest

from conftest import failed_examples
from tests.ingest.test_round14_documents import outline, speech_of  # as kb add stores a file, and its outline

PAGE = '#set page(paper: "a5")\n#set text(font: "Noto Serif CJK SC", size: 11pt, lang: "zh")\n'


def _typst_pdf(path, body: str):
    import typst

    path.write_bytes(typst.compile((PAGE + body).encode("utf-8")))
    return path


def _kept(speech) -> list[str]:
    return [paragraph.text for paragraph in speech.all_paragraphs()]


# --- a list under a minutes' title set large: the items are its text, never more of the title -------------------------

MINUTES_ITEMS = ["新用户注册送十元优惠券，老用户推荐朋友得积分", "到店自提点设在社区服务站（按地图选择）", "周卡、月卡、储值", "积分抵扣运费", "如何核对"]


def test_short_items_under_a_minutes_title_set_large_are_its_text_and_none_is_lost(tmp_path):
    body = "#align(center, text(size: 18pt)[周例会纪要])\n\n" + "\n\n".join(MINUTES_ITEMS) + \
        "\n\n门店作为前置仓，第三方作为合作伙伴，统一调度。如果附近门店缺货，就从中心仓发货。\n"
    converted, speech = speech_of(_typst_pdf(tmp_path / "纪要.pdf", body))
    assert converted.title == "周例会纪要"
    assert speech.title == "周例会纪要" and speech.speaker is None  # 如何核对 was read as a byline's name
    assert _kept(speech)[:5] == MINUTES_ITEMS


def test_a_title_wrapped_over_two_lines_under_its_mark_stays_one_title():
    from build_kb.ingest.parse import parse
    from build_kb.model import Line

    text = ["某某材料表面形态及", "辐射效应数值研究", "", "本文研究某某材料在高温下的形态变化，并给出数值结果。"]
    parsed = parse([Line(k + 1, t) for k, t in enumerate(text)], given_title="某某材料表面形态及")
    assert parsed.header.title == "某某材料表面形态及辐射效应数值研究"


# --- a running header set deep in a wide top margin (a LaTeX report's `2　章名　4`): position and repetition -----------

PROSE = "本章介绍系统的设计思路和实现方法，说明各模块之间的关系，并给出测试的结果和分析，为后续工作打下基础。"


def _report_with_deep_headers(path, header: bool = True):
    chapters = ["研究背景", "设计方案", "实现方法"]
    header_rule = ('#set page(margin: (top: 3.6cm, bottom: 2.5cm), header-ascent: 30%, header: context {\n'
                   '  let hs = query(selector(heading).before(here()))\n'
                   '  if hs.len() > 0 [#counter(heading).display()　#hs.last().body #h(1fr) #counter(page).display()]\n})\n') if header else ""
    body = "\n\n#pagebreak()\n\n".join(f"= {name}\n\n" + "\n\n".join(f"{name}第{k}段：" + PROSE * 3 + f"这是{name}的第{k}段。" for k in range(1, 7)) for name in chapters)
    return _typst_pdf(path, '#set heading(numbering: "1")\n' + header_rule + body)


def test_a_running_header_set_deep_in_the_top_margin_goes_with_its_page_number(tmp_path):
    from build_kb.ingest.convert import convert

    converted = convert(_report_with_deep_headers(tmp_path / "报告.pdf"))
    lines = converted.text.split("\n")
    assert not [line for line in lines if line.startswith(("1　研究背景", "2　设计方案", "3　实现方法")) and line[-1].isdigit()]
    assert any("页眉页脚" in note for note in converted.notes)
    assert PROSE in converted.text
    # near miss: the same report without headers loses nothing at its pages' tops
    plain = convert(_report_with_deep_headers(tmp_path / "无页眉.pdf", header=False))
    assert not any("页眉页脚" in note for note in plain.notes)


def test_without_a_header_the_pages_first_lines_stay():
    from build_kb.ingest.pdf import PdfLine, _header_band

    # near miss: every page's first line on one baseline, at the text's own leading: the body, no header band
    pages = [[PdfLine(n, 72, 520, 700 - 18 * k, 711 - 18 * k, 11.0, f"第{n}页第{k}行正文，写满一行。") for k in range(30)] for n in range(1, 6)]
    assert not any(line.in_header_band for page in _header_band(pages, [842.0] * 5) for line in page)


# --- a thesis proposal's cover form: the title field wrapped over two lines, the fields and the form's instructions ----

def _proposal(path):
    cover = ('#align(center, text(size: 22pt)[某某大学])\n\n#align(center, text(size: 22pt)[研究生学位论文开题报告])\n\n#v(2cm)\n'
             '#table(columns: 2, stroke: none, [论文题目], [某某合金表面形貌及], [], [热辐射特性数值研究], [学生姓名], [王某某],'
             ' [学生学号], [S2020001], [指导教师], [李某某], [填表日期], [2021年3月2日])\n\n#v(2cm)\n'
             '#align(center)[某某大学研究生院制]\n\n#align(center)[二〇二〇年九月]\n\n#pagebreak()\n')
    instructions = ('#align(center, text(size: 14pt)[说　明])\n\n一、开题报告应按下述要求打印后装订成册：\n\n1.使用A4白纸，双面打印；\n\n'
                    '2.表中填写内容使用小四号宋体。\n\n二、编号由学院填写。\n\n#pagebreak()\n')
    body = "一、选题依据\n\n" + PROSE * 4 + "\n\n二、研究内容\n\n" + PROSE * 4 + "\n"
    return _typst_pdf(path, cover + instructions + body)


def test_a_cover_forms_title_wrapped_in_its_cell_is_whole_and_its_fields_and_instructions_go(tmp_path):
    converted, speech = speech_of(_proposal(tmp_path / "开题报告.pdf"))
    assert converted.title == "某某合金表面形貌及热辐射特性数值研究"
    assert converted.date == "2021-03-02"  # read from its field before the field goes
    kept = "\n".join(_kept(speech))
    for gone in ("王某某", "S2020001", "研究生院制", "二〇二〇年九月", "说　明", "装订成册", "编号由学院填写"):
        assert gone not in kept and gone not in converted.text
    assert [heading for level, heading in outline(speech) if level == 1] == ["一、选题依据", "二、研究内容"]
    assert any("填写说明" in note for note in converted.notes) and any("封面表格的栏目" in note for note in converted.notes)


# --- a manual named only in its running header; a title's note mark ------------------------------------------------

def _manual(path, header: str):
    rule = f'#set page(header: align(center, text(size: 9pt)[{header}]))\n'
    body = "\n\n#pagebreak()\n\n".join(f"第{k}部分说明：" + PROSE * 4 + f"本部分共{k}条。" for k in range(1, 5))
    return _typst_pdf(path, rule + "前言\n\n" + body + "\n")


def test_a_manual_named_only_in_its_running_header_takes_that_name_and_a_short_mark_names_nothing(tmp_path):
    from build_kb.ingest.convert import convert

    converted = convert(_manual(tmp_path / "手册.pdf", "某某系统开发手册（第二版）"))
    assert converted.title == "某某系统开发手册（第二版）"
    assert any("页眉重复" in note for note in converted.notes)
    assert convert(_manual(tmp_path / "资料.pdf", "内部资料")).title != "内部资料"  # near miss: a mark, not a name


def test_a_title_drops_the_note_mark_its_first_page_explains():
    from build_kb.ingest.pdf import without_a_note_mark

    assert without_a_note_mark("某某*管理系统", ["某某*管理系统", "张三", "*Some Management System"]) == "某某管理系统"
    assert without_a_note_mark("某某†报告", ["某某†报告", "†本文受某某项目资助"]) == "某某报告"
    assert without_a_note_mark("5*5方阵的算法", ["5*5方阵的算法", "正文。"]) == "5*5方阵的算法"  # near miss: no note opens with it


# --- a letter signed with a label; a date under a minutes' title over a list ----------------------------------------

def _docx(path, lines: list[str]):
    from docx import Document

    document = Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)
    return path


APPLICATION = ["思想汇报", "敬爱的党组织：", "近一个月来，我认真学习了党的创新理论，对照党员标准查找自身的差距和不足，思想上有了新的提高。",
               "今后我将继续加强学习，在工作中发挥好模范带头作用，请党组织在实践中考验我。"]


@pytest.mark.parametrize("sign_off, speaker", [
    (["汇报人：周某某", "2023年3月5日"], "周某某"),
    (["此致", "敬礼！", "汇报人：周某某"], "周某某"),
    (["此致", "敬礼！", "汇报人：", "日期："], None),  # near miss: the form's blank label
    (["联系地点：会议室", "2023年3月5日"], None),  # near miss: a label that is no person's
])
def test_a_name_signed_under_a_letter_with_its_label_is_the_writer(tmp_path, sign_off, speaker):
    _, speech = speech_of(_docx(tmp_path / "汇报.docx", APPLICATION + sign_off))
    assert speech.speaker == speaker
    assert all(line in "\n".join(_kept(speech)) for line in sign_off if line != "日期：")  # the lines stay where they were


def test_a_date_under_a_minutes_title_over_short_items_is_its_date_and_a_dated_log_keeps_its_dates(tmp_path):
    _, speech = speech_of(_docx(tmp_path / "纪要.docx", ["周例会纪要", "2021.03.08", "确定了人员分工", "统一了版本工具", "布置了本周任务"]))
    assert speech.date == "2021-03-08" and _kept(speech) == ["确定了人员分工", "统一了版本工具", "布置了本周任务"]
    _, log = speech_of(_docx(tmp_path / "日志.docx", ["工作日志", "2021.03.08", "确定了人员分工", "2021.03.09", "布置了本周任务"]))
    assert "2021.03.08" in _kept(log)  # near miss: one entry's date of a dated log stays in its text


def test_a_sentence_closing_two_odd_pages_is_the_text_s_not_a_running_footer():
    """The same sentence ending pages 1 and 3 (of 4) stays; a short name on the same pages' feet is the footer."""
    from build_kb.ingest import pdf

    assert failed_examples(pdf._running_lines) == 0


def test_short_lines_under_a_web_page_s_headline_stay_out_of_the_text(tmp_path):
    """Under a Word or PDF document's marked title a list of short lines is its text (a minutes' items); under a saved
    page's headline they are the page's (related links, a sidebar's titles) and stay in the header, off the text."""
    from conftest import make_corpus
    from build_kb.pipeline import build_knowledge_base

    items = ["学习贯彻会议精神", "组织生活会安排", "党费收缴情况", "近期重点工作"]
    text = "在全校干部大会上的讲话\n" + "\n".join(items) + "\n同志们：\n今天我们召开全校干部大会，部署新学期的主要工作，请大家认真抓好落实。\n"
    kept = {}
    for original in ("a.htm", "a.docx"):
        entry = f'"a.txt":\n  original: "{original}"\n  title: "在全校干部大会上的讲话"\n'
        (speech,) = build_knowledge_base(make_corpus(tmp_path / original, {"a.txt": text, "speeches.yaml": entry})).speeches
        kept[original] = [paragraph.text for paragraph in speech.all_paragraphs()][:5]
    assert kept["a.docx"] == [*items, "同志们："]
    assert kept["a.htm"] == ["同志们：", "今天我们召开全校干部大会，部署新学期的主要工作，请大家认真抓好落实。"]
