"""公文 in the forms GB/T 9704-2012 sets and offices use (#33), as Word, PDF and text: each made here (python-docx,
Typst, hand-written text), read as `kb add` reads it, with exact expectations — title, issuer, 发文字号, 主送
(split at 、 only between organs' full names), 附件, 成文日期, headings — nothing of 版头 or 版记 in the text, and
every Han character accounted for (text conservation)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_kb.ingest.clean import unified_ideographs
from build_kb.ingest.convert import ConversionError, convert
from build_kb.ingest.gongwen import (
    issuer_names,
    read_attachment_wrap,
    read_doc_number,
    read_issue_number,
    read_minutes_mark,
    read_office_signature,
    read_order_mark,
    read_order_number,
    read_record,
    read_signer_names,
    read_top_marks,
    split_outside_brackets,
)
from tests.ingest.test_documents import HAN, rules, speech_of  # noqa: F401 (rules: the corpus's boilerplate, a fixture)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BODY = [
    "为深入贯彻落实全市组织工作会议精神，进一步加强党员队伍建设，现就做好今年党员发展工作有关事项通知如下。",
    "一、总体要求",
    "坚持把政治标准放在首位，严格发展程序，严肃工作纪律，确保新发展党员质量，优化党员队伍结构。",
    "（一）突出政治标准",
    "把政治标准作为发展党员的首要标准，加强对入党积极分子的政治审查，坚决防止带病入党。",
    "二、工作措施",
    "各级党组织要结合实际制定年度发展党员计划，明确责任分工，认真抓好落实，按时报送工作情况。",
]
"""The text of the 通知 below: its 一、 and （一） headings, each with a sentence under it."""
HEADINGS = ["", "一、总体要求", "（一）突出政治标准", "二、工作措施"]
PARAGRAPHS = [BODY[0], BODY[2], BODY[4], BODY[6]]

# Each form as a text: its lines top to bottom, and what is read of it.
FORMS = {
    # 下行文: 份号, 密级, 紧急程度, `X文件`, a title over two lines opening with the issuer, 主送 wrapped with 、 inside
    # brackets, 附件说明 of two items (the second's name wrapped), 署名, 成文日期, 附注 twice, page number, 版记.
    "notice": (
        ["000016", "秘密★1年", "特急", "中共某某市委组织部文件", "某组发〔2024〕12号", "中共某某市委组织部关于做好2024年度", "党员发展工作的通知",
         "各县（市、区）委组织部，市直各工委，市委各部委，", "市级国家机关各部门党组（党委）：", *BODY,
         "附件：1.发展党员计划分配表", "      2.发展党员工作流程图及有关文书格式和填写", "        说明", "中共某某市委组织部", "2024年3月15日",
         "（此件公开发布）", "（联系人：王某某，电话：1234567）", "— 2 —", "抄送：省委组织部，市委办公室。", "中共某某市委组织部办公室             2024年3月16日印发"],
        ("中共某某市委组织部关于做好2024年度党员发展工作的通知", "中共某某市委组织部", "某组发〔2024〕12号",
         ["各县（市、区）委组织部", "市直各工委", "市委各部委", "市级国家机关各部门党组（党委）"],
         ["发展党员计划分配表", "发展党员工作流程图及有关文书格式和填写说明"], "2024-03-15"),
    ),
    # 上行文: 发文字号 and two 签发人 on one line; the title's first line the issuer's name; Chinese-numeral date.
    "report": (
        ["某某县人民政府文件", "某政报〔2024〕8号                签发人：李某某  张某某", "某某县人民政府", "关于2024年度基层党建工作情况的报告", "市人民政府：",
         *BODY, "某某县人民政府", "二〇二四年一月十日"],
        ("某某县人民政府关于2024年度基层党建工作情况的报告", "某某县人民政府", "某政报〔2024〕8号", ["市人民政府"], [], "2024-01-10"),
    ),
    # Joint issuers one a line with 文件 under them; the 发文字号 in 【】; a 主送 whose second organ shares the first's 各.
    "joint": (
        ["中共某某县委组织部", "某某县财政局", "某某县人力资源和社会保障局", "文件", "某组通【2024】9号", "关于提高村干部报酬待遇的通知", "各乡镇党委、人民政府：",
         *BODY, "中共某某县委组织部  某某县财政局  某某县人力资源和社会保障局", "2024年5月6日"],
        ("关于提高村干部报酬待遇的通知", "中共某某县委组织部、某某县财政局、某某县人力资源和社会保障局", "某组通【2024】9号", ["各乡镇党委、人民政府"], [], "2024-05-06"),
    ),
    # 信函格式: the organ's full name without 文件, the 份号 beside the 发文字号.
    "letter": (
        ["中共某某省委组织部", "000021          某组函〔2024〕21号", "关于商请推荐年轻干部挂职人选的函", "某某市委组织部，某某市人力资源和社会保障局：", *BODY,
         "附件：挂职人选推荐表", "中共某某省委组织部", "2024年5月10日"],
        ("关于商请推荐年轻干部挂职人选的函", "中共某某省委组织部", "某组函〔2024〕21号", ["某某市委组织部", "某某市人力资源和社会保障局"], ["挂职人选推荐表"], "2024-05-10"),
    ),
    # 纪要格式: its mark, the number of issue, the office and the date on one line; 版记 of 分送 and 印发.
    "minutes": (
        ["某某县委常委会会议纪要", "第5期", "中共某某县委办公室                2024年6月3日", *BODY, "分送：县委常委，县人大常委会、县政府、县政协党组。",
         "中共某某县委办公室                2024年6月3日印发"],
        ("某某县委常委会会议纪要", "中共某某县委办公室", "第5期", [], [], "2024-06-03"),
    ),
    # 命令格式: its mark and number; signed by office and name.
    "order": (
        ["某某省人民政府令", "第12号", *BODY, "省长  张某某", "2024年5月20日"],
        ("某某省人民政府令第12号", "某某省人民政府", "第12号", [], [], "2024-05-20"),
    ),
}


def _text_file(folder: Path, form: str) -> Path:
    path = folder / f"{form}.txt"
    path.write_text("\n".join(FORMS[form][0]) + "\n", encoding="utf-8")
    return path


def _textbox(paragraphs: list[str]):
    """A run holding a text box (w:txbxContent) of these paragraphs, written for new Word and again for old."""
    from docx.oxml import parse_xml

    inner = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    return parse_xml(
        f'<w:r xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def _styled_numbering(document) -> dict[int, str]:
    """Paragraph styles of an office's own linked to a numbering that writes 一、 and （一） (Word's chineseCounting):
    level → style id."""
    from docx.oxml import parse_xml

    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="{text}"/><w:suff w:val="nothing"/></w:lvl>'
        for level, text in ((0, "%1、"), (1, "（%2）"))
    )
    numbering = document.part.numbering_part.element
    abstract = parse_xml(f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="90">{levels}</w:abstractNum>')
    first_num = numbering.find(f"{{{W}}}num")
    first_num.addprevious(abstract) if first_num is not None else numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level in (0, 1):
        document.styles.element.append(parse_xml(
            f'<w:style xmlns:w="{W}" w:type="paragraph" w:styleId="gw{level}"><w:name w:val="公文{level + 1}级标题"/><w:basedOn w:val="Normal"/>'
            f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr><w:outlineLvl w:val="{level}"/></w:pPr></w:style>'
        ))
    return {0: "gw0", 1: "gw1"}


def _word_notice(path: Path, head: str) -> Path:
    """The 通知 in Word with its 版头 laid out as `head` says: "textbox" (the joint issuers one paragraph each in one
    text box, 文件 in another), "table" (the issuers in a table's rows, 文件 in the first row's right cell); the
    发文字号 and 签发人 in a table of two cells, 一、 lines in Heading styles or written by style-linked numbering,
    the 署名 and date right-aligned with a seal's picture beside the date, the 版记 a bordered table."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml

    document = docx.Document()
    issuers = ["中共某某县委组织部", "某某县人力资源和社会保障局"]
    if head == "textbox":
        anchor = document.add_paragraph()
        anchor._p.append(_textbox(issuers))
        anchor._p.append(_textbox(["文件"]))
    else:
        table = document.add_table(rows=2, cols=2)
        for row, name in zip(table.rows, issuers):
            row.cells[0].text = name
        table.rows[0].cells[1].text = "文件"
    row = document.add_table(rows=1, cols=2).rows[0]
    row.cells[0].text, row.cells[1].text = "某组发〔2024〕5号", "签发人：王某某"
    for text in ("关于做好2024年度", "党员发展工作的通知"):
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("各乡（镇）党委、街道党工委，县直各单位党组织：")
    styles = _styled_numbering(document) if head == "table" else {}
    for text in BODY:
        level = 0 if re.match(r"[一二三四五六七八九十]、", text) else 1 if text.startswith("（") else None
        if level is None:
            document.add_paragraph(text)
        elif styles:  # the number is Word's, not the text's
            paragraph = document.add_paragraph(re.sub(r"^(?:[一二三四五六七八九十]、|（[一二三四五六七八九十]）)", "", text))
            paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle xmlns:w="{W}" w:val="{styles[level]}"/>'))
        else:
            document.add_paragraph(text, style=f"Heading {level + 1}")
    document.add_paragraph("附件：1.发展党员计划分配表")
    document.add_paragraph("      2.发展党员工作流程图")
    for text in ("中共某某县委组织部", "某某县人力资源和社会保障局", "2024年3月15日"):
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    seal = parse_xml(f'<w:r xmlns:w="{W}"><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"/></w:drawing></w:r>')
    document.paragraphs[-1]._p.append(seal)
    document.add_paragraph("（此件公开发布）")
    record = document.add_table(rows=2, cols=1)
    record.style = "Table Grid"
    record.rows[0].cells[0].text = "抄送：县委办公室，县政府办公室。"
    record.rows[1].cells[0].text = "中共某某县委组织部办公室　　　　2024年3月16日印发"
    document.save(path)
    return path


WORD_EXPECTED = ("关于做好2024年度党员发展工作的通知", "中共某某县委组织部、某某县人力资源和社会保障局", "某组发〔2024〕5号",
                 ["各乡（镇）党委、街道党工委", "县直各单位党组织"], ["发展党员计划分配表", "发展党员工作流程图"], "2024-03-15")


def _pdf_letter(path: Path) -> Path:
    """The 信函格式 as printed: the organ's name letter-spaced in red over a red line, the 份号 left and the 发文字号
    right on one row under it, the title, 主送, text, 附件说明, 署名 and date right-aligned, page numbers `— 1 —`."""
    import typst

    body = "\n\n".join(f"#h(2em){line}" for line in BODY)
    source = (
        '#set page(paper: "a4", margin: (top: 37mm, bottom: 35mm, x: 27mm), footer: context align(center)[— #counter(page).display() —])\n'
        '#set text(font: "Noto Serif CJK SC", size: 16pt, lang: "zh")\n'
        '#align(center)[#text(size: 30pt, fill: red, tracking: 0.2em)[中共某某省委组织部]]\n#line(length: 100%, stroke: 2pt + red)\n'
        '#grid(columns: (1fr, 1fr), [000021], align(right)[某组函〔2024〕21号])\n\n'
        '#align(center)[#text(size: 22pt)[关于商请推荐年轻干部挂职人选的函]]\n\n某某市委组织部，某某市人力资源和社会保障局：\n\n'
        f'{body}\n\n#h(2em)附件：挂职人选推荐表\n\n#align(right)[中共某某省委组织部]\n#align(right)[2024年5月10日]\n'
    )
    path.write_bytes(typst.compile(source.encode("utf-8")))
    return path


def _pdf_minutes(path: Path) -> Path:
    """The 纪要格式 as printed: the mark in red, 第5期 under it, the office left and the date right on one row over
    a red line, the text, the 版记 between rules."""
    import typst

    body = "\n\n".join(f"#h(2em){line}" for line in BODY)
    source = (
        '#set page(paper: "a4", margin: (top: 37mm, bottom: 35mm, x: 27mm))\n#set text(font: "Noto Serif CJK SC", size: 16pt, lang: "zh")\n'
        '#align(center)[#text(size: 30pt, fill: red)[某某县委常委会会议纪要]]\n#align(center)[第5期]\n'
        '#grid(columns: (1fr, 1fr), [中共某某县委办公室], align(right)[2024年6月3日])\n#line(length: 100%, stroke: 2pt + red)\n\n'
        f'{body}\n\n#v(3em)\n#line(length: 100%)\n分送：县委常委，县人大常委会、县政府、县政协党组。\n#line(length: 100%)\n'
        '中共某某县委办公室#h(1fr)2024年6月3日印发\n#line(length: 100%)\n'
    )
    path.write_bytes(typst.compile(source.encode("utf-8")))
    return path


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    folder = tmp_path_factory.mktemp("forms")
    files = {f"{form}.txt": _text_file(folder, form) for form in FORMS}
    files["textbox.docx"] = _word_notice(folder / "版头文本框.docx", "textbox")
    files["table.docx"] = _word_notice(folder / "版头表格.docx", "table")
    files["letter.pdf"] = _pdf_letter(folder / "信函.pdf")
    files["minutes.pdf"] = _pdf_minutes(folder / "纪要.pdf")
    return files


EXPECTED = {
    **{f"{form}.txt": expected for form, (_, expected) in FORMS.items()},
    "textbox.docx": WORD_EXPECTED,
    "table.docx": WORD_EXPECTED,
    "letter.pdf": FORMS["letter"][1],
    "minutes.pdf": FORMS["minutes"][1],
}
PARTS_LEFT_OUT = re.compile(r"文件$|〔2024〕|【2024】|签发人|抄送|分送|印发$|^附件|^中共某某|^某某县人民政府$|^（此件|^— \d —$|^第\d+[期号]$|令$|^省长")
"""What of a 版头, 署名 or 版记 must never stand in a heading or paragraph."""


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_form_of_a_gongwen_gives_its_parts_as_metadata_and_its_text_whole(made, rules, name):
    converted, speech = speech_of(made[name], rules)
    title, issuer, doc_number, addressees, attachments, date = EXPECTED[name]
    assert (speech.title, speech.issuer, speech.doc_number, speech.addressees, speech.attachments, speech.date) == (
        title, issuer, doc_number, addressees, attachments, date)
    assert [s.heading for s in speech.all_sections()] == HEADINGS
    assert [p.text for p in speech.all_paragraphs()] == PARAGRAPHS
    assert speech.speaker is None
    shown = [h.text for h in speech.header] + [s.heading for s in speech.all_sections()] + [p.text for p in speech.all_paragraphs()]
    assert not [text for text in shown[len(speech.header):] if PARTS_LEFT_OUT.search(text)]
    shown += [r.text for r in speech.clean.removed]
    assert len(HAN.findall("".join(shown))) == len(HAN.findall(unified_ideographs(converted.text)[0]))


def test_a_word_text_box_s_paragraphs_are_lines_of_their_own(made):
    assert convert(made["textbox.docx"]).text.split("\n\n")[:2] == ["中共某某县委组织部\n某某县人力资源和社会保障局\n文件", "某组发〔2024〕5号　签发人：王某某"]


APPENDED = [
    "中共某某县委组织部文件", "某组发〔2024〕15号", "关于开展村党组织书记集中轮训的通知", "各乡镇党委：", *BODY[:3],
    "附件：1．集中轮训日程安排", "      2．参训人员回执", "中共某某县委组织部", "2024年7月8日", "（联系人：李某，电话：1234567）", "— 1 —",
    "附件1", "集中轮训日程安排", "第一天上午：开班式，专题辅导。", "第一天下午：分组讨论，交流发言。", "— 2 —",
    "附件2", "参训人员回执", "单位：　　　　姓名：　　　　职务：", "抄送：县委办公室。", "中共某某县委组织部办公室                2024年7月8日印发", "— 3 —",
]


def test_attachments_appended_after_the_date_are_parts_of_the_document_not_chrome_under_it(rules, tmp_path):
    path = tmp_path / "轮训.txt"
    path.write_text("\n".join(APPENDED) + "\n", encoding="utf-8")
    _, speech = speech_of(path, rules)
    assert speech.attachments == ["集中轮训日程安排", "参训人员回执"]
    assert [s.heading for s in speech.all_sections()] == ["", "一、总体要求", "附件1", "附件2"]
    assert [p.text for p in speech.all_paragraphs()][-5:] == [
        "集中轮训日程安排", "第一天上午：开班式，专题辅导。", "第一天下午：分组讨论，交流发言。", "参训人员回执", "单位：姓名：职务："]
    assert [r.text for r in speech.clean.removed] == [
        "中共某某县委组织部文件", "某组发〔2024〕15号", "— 1 —", "— 2 —", "抄送：县委办公室。", "中共某某县委组织部办公室 2024年7月8日印发", "— 3 —"]


@pytest.mark.parametrize("reader, line, read", [
    (read_doc_number, "区委办发【2024】3号", "区委办发【2024】3号"),
    (read_doc_number, "000021　某组函〔2024〕21号", "某组函〔2024〕21号"),
    (read_doc_number, "秘密★1年　某组函〔2024〕21号", "某组函〔2024〕21号"),
    (read_doc_number, "印发某组发〔2024〕5号文件的说明", None),
    (read_doc_number, "某组发﹝2024﹞5号", "某组发﹝2024﹞5号"),
    (read_top_marks, "000123　机密★1年", [("copy-number", "000123"), ("secrecy", "机密★1年")]),
    (read_top_marks, "机密★1年特急", [("secrecy", "机密★1年"), ("urgency", "特急")]),
    (read_top_marks, "000123", None),
    (issuer_names, "中 共 某 某 县 委 组 织 部 文 件", ["中共某某县委组织部"]),
    (issuer_names, "某某中心 某 某 医 院 文件", ["某某中心", "某某医院"]),
    (read_minutes_mark, "某某县人民政府常务会议纪要", "某某县人民政府常务会议纪要"),
    (read_minutes_mark, "关于研究基层党建工作的会议纪要", None),
    (read_issue_number, "第5期", "第5期"),
    (read_issue_number, "〔2024〕5期", "〔2024〕5期"),
    (read_issue_number, "（第十二期）", "第十二期"),
    (read_order_mark, "某某省人民政府令", "某某省人民政府"),
    (read_order_mark, "这是命令", None),
    (read_order_number, "（第12号）", "第12号"),
    (read_signer_names, "李某某　张某", "李某某　张某"),
    (read_signer_names, "关于开展工作的通知", None),
    (read_signer_names, "请示", None),
    (read_office_signature, "省长  张某某", "省长  张某某"),
    (read_office_signature, "某某县人民政府", None),
    (read_record, "分送：县委常委，县人大常委会。", "抄送"),
    (read_attachment_wrap, "说明", True),
    (read_attachment_wrap, "中共某某市委组织部", False),
    (read_attachment_wrap, "2024年3月15日", False),
])
def test_each_reader_of_a_gongwen_form(reader, line, read):
    assert reader(line) == read


def test_the_top_left_marks_run_onto_one_line_and_a_letter_spaced_mark_are_the_head(rules, tmp_path):
    path = tmp_path / "通知.txt"
    path.write_text("\n".join(["000123　机密★1年", "特急", "中 共 某 某 县 委 组 织 部 文 件", "某组发﹝2024﹞5号", "关于做好2024年度党员发展工作的通知",
                               "各乡镇党委：", *BODY, "中共某某县委组织部", "2024年3月15日"]) + "\n", encoding="utf-8")
    _, speech = speech_of(path, rules)
    assert (speech.title, speech.issuer, speech.doc_number, speech.speaker) == ("关于做好2024年度党员发展工作的通知", "中共某某县委组织部", "某组发﹝2024﹞5号", None)
    assert [h.role for h in speech.header][:4] == ["copy-number", "urgency", "issuer", "title"]  # the 发文字号 the cleaner took off


def test_a_signature_that_names_no_organ_is_no_part_of_the_attachments_above_it_and_a_template_s_blanks_are_addressees(rules, tmp_path):
    path = tmp_path / "模板.txt"
    path.write_text("\n".join(["XXXXXX文件", "X〔2012〕10号", "关于做好2024年度党员发展工作的通知", "XXXXXXXX，XXXXXXXX：", *BODY,
                               "附件：1．发展党员计划分配表", "      2．发展党员工作流程图", "XXXXXX", "2012年7月1日"]) + "\n", encoding="utf-8")
    _, speech = speech_of(path, rules)
    assert (speech.addressees, speech.attachments, speech.issuer) == (["XXXXXXXX", "XXXXXXXX"], ["发展党员计划分配表", "发展党员工作流程图"], None)
    assert [p.text for p in speech.all_paragraphs()] == [*PARAGRAPHS, "XXXXXX"]  # kept for a person, with the 版头's question


def test_a_list_is_cut_only_outside_brackets():
    assert split_outside_brackets("各县（市、区）委组织部，市直各单位（含中、省驻县单位）", "，、") == ["各县（市、区）委组织部", "市直各单位（含中、省驻县单位）"]


@pytest.mark.parametrize("name, data, said", [
    ("旧通知.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64,
     "旧通知.doc：是旧版 Office 97-2003/WPS 格式，文件结构已损坏，读不出来；请用 Word 或 WPS 打开它，“另存为”Word 文档（旧通知.docx），再加入 旧通知.docx"),
    ("旧通知.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64,
     "旧通知.wps：是旧版 Office 97-2003/WPS 格式，文件结构已损坏，读不出来；请用 Word 或 WPS 打开它，“另存为”Word 文档（旧通知.docx），再加入 旧通知.docx"),
    ("通知.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64,
     "通知.docx：扩展名是 .docx，内容其实是旧版 Office 97-2003/WPS 格式，文件结构已损坏，读不出来；请用 Word 或 WPS 打开它，“另存为”Word 文档（通知（另存）.docx），再加入 通知（另存）.docx"),
    ("通知.doc", b"{\\rtf1\\ansi abc}", "通知.doc：扩展名是 .doc，内容其实是 RTF，不能直接读取；请用 Word 或 WPS 打开它，“另存为”Word 文档（通知.docx），再加入 通知.docx"),
    ("名单.et", b"\xd0\xcf\x11\xe0", "名单.et：是表格文件（WPS 表格或 Excel），不是文字文档；请把要加入的文字复制到 Word 或 WPS 文字里，另存为 名单.docx，再加入 名单.docx"),
    ("通知.ofd", b"PK\x03\x04", "通知.ofd：是 OFD 版式文件，不能直接读取；请用 OFD 阅读器（如数科、福昕）打开它，另存为（或打印为）PDF，再加入那个 .pdf 文件"),
])
def test_a_word_file_this_tool_cannot_read_is_refused_in_one_line_that_says_what_to_do(tmp_path, monkeypatch, name, data, said):
    import shutil

    monkeypatch.setattr(shutil, "which", lambda name: None)  # no LibreOffice on this machine
    (tmp_path / name).write_bytes(data)
    with pytest.raises(ConversionError) as error:
        convert(tmp_path / name)
    assert str(error.value) == said


def test_a_doc_that_is_a_docx_or_a_web_page_is_read_as_what_it_is(made, tmp_path):
    (tmp_path / "改名.doc").write_bytes(made["textbox.docx"].read_bytes())
    renamed = convert(tmp_path / "改名.doc")
    assert (renamed.kind, renamed.notes[0]) == ("docx (named .doc)", "扩展名是 .doc，内容其实是 .docx：按 .docx 读取")
    assert renamed.text == convert(made["textbox.docx"]).text
    (tmp_path / "网页.doc").write_text(
        '<html><head><meta charset="utf-8"></head><body><p>关于开展主题党日活动的通知</p><p>各党支部：</p>'
        "<p>现就开展主题党日活动有关事项通知如下，请各党支部结合实际认真组织实施。</p></body></html>", encoding="utf-8")
    page = convert(tmp_path / "网页.doc")
    assert page.kind == "html (named .doc)" and "现就开展主题党日活动有关事项通知如下" in page.text


def test_kb_add_on_a_folder_names_the_documents_it_cannot_read_and_passes_over_spreadsheets(tmp_path):
    from build_kb.curate import files_to_add

    for name in ("讲话.docx", "名单.et", "通知.ofd", "照片.jpg"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in files_to_add([tmp_path])] == ["讲话.docx", "通知.ofd"]


def test_word_content_controls_give_their_text_and_a_prompt_still_shown_gives_none(tmp_path):
    """python-docx passes over paragraphs and rows held in content controls (w:sdt), as a template's fields and Word's
    cover pages hold them: their text is the document's. A control still showing its prompt, and Word's own table of
    contents, are not: left out and counted."""
    import docx
    from docx.oxml import parse_xml

    def control(inner: str, properties: str = "") -> object:
        return parse_xml(f'<w:sdt xmlns:w="{W}"><w:sdtPr>{properties}</w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>')

    def paragraph(text: str) -> str:
        return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"

    document = docx.Document()
    body = document.element.body
    body.insert(0, control(paragraph("目录") + paragraph("一、总体要求　1"), '<w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj>'))
    body.insert(1, control(paragraph("关于做好2024年度党员发展工作的通知")))
    body.insert(2, control(paragraph("单击或点击此处输入文字。"), "<w:showingPlcHdr/>"))
    document.add_paragraph("各乡镇党委：")
    table = document.add_table(rows=1, cols=1)
    table.rows[0].cells[0].text = "第一行"
    table._tbl.append(control('<w:tr><w:tc><w:p><w:r><w:t>控件里的一行</w:t></w:r></w:p></w:tc></w:tr>'))
    inline = document.add_paragraph("请于")
    inline._p.append(parse_xml(f'<w:sdt xmlns:w="{W}"><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>选择日期</w:t></w:r></w:sdtContent></w:sdt>'))
    inline._p.append(parse_xml(f'<w:sdt xmlns:w="{W}"><w:sdtContent><w:r><w:t>5月31日</w:t></w:r></w:sdtContent></w:sdt>'))
    inline.add_run("前报送。")
    document.save(tmp_path / "控件.docx")
    converted = convert(tmp_path / "控件.docx")
    assert converted.text.split("\n\n") == ["关于做好2024年度党员发展工作的通知", "各乡镇党委：", "第一行", "控件里的一行", "请于5月31日前报送。\n"]
    assert converted.notes[:2] == ["去掉还显示提示文字的内容控件 1 个（模板里的“单击或点击此处输入文字”）", "去掉 Word 自动生成的目录 1 个"]


def test_a_web_page_an_office_system_embedded_in_word_is_read_in_its_place(tmp_path):
    """An office system's "export to Word" embeds the document as HTML (w:altChunk): Word shows it where it stands,
    python-docx passes over it — the whole text was lost."""
    import docx
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("中共某某县委组织部文件")
    page = "<html><body><p>关于做好2024年度党员发展工作的通知</p><p>各乡镇党委：</p><p>" + BODY[0] + "</p></body></html>"
    part = Part(PackURI("/word/afchunk1.htm"), "text/html", page.encode("utf-8"), document.part.package)
    relation = document.part.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk")
    document.element.body.insert(1, parse_xml(f'<w:altChunk xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="{relation}"/>'))
    document.add_paragraph("中共某某县委组织部")
    document.save(tmp_path / "导出.docx")
    converted = convert(tmp_path / "导出.docx")
    assert converted.text.split("\n\n") == ["中共某某县委组织部文件", "关于做好2024年度党员发展工作的通知", "各乡镇党委：", BODY[0], "中共某某县委组织部\n"]
    assert converted.notes[0] == "嵌入的网页或文本块 1 个（altChunk，办公系统导出的 Word 常见）按网页读出，放回原处"


def test_a_short_notice_s_lines_between_its_addressees_and_its_date_are_its_text_prose_or_not(rules, tmp_path):
    """No line of this notice is a long sentence; its meeting time alone on a line (a clock's figures) was taken
    for chrome outside the text. Between the 主送 and the 成文日期 all is the 公文's text."""
    path = tmp_path / "会议通知.txt"
    path.write_text("\n".join([
        "中共某某县委组织部", "关于召开全县组织工作会议的通知", "各乡镇党委，县直各单位党组织：", "经研究，定于近期召开全县组织工作会议。",
        "一、会议时间", "6月3日上午9:00", "二、会议地点", "县委党校报告厅", "请准时参会。", "中共某某县委组织部", "2024年5月28日"]) + "\n", encoding="utf-8")
    _, speech = speech_of(path, rules)
    assert [p.text for p in speech.all_paragraphs()] == ["经研究，定于近期召开全县组织工作会议。", "6月3日上午9:00", "县委党校报告厅", "请准时参会。"]
    assert [s.heading for s in speech.all_sections()] == ["", "一、会议时间", "二、会议地点"]
    assert speech.clean.removed == []


def test_a_minutes_attendance_under_its_text_is_its_own_down_to_its_record(rules, tmp_path):
    path = tmp_path / "纪要.txt"
    path.write_text("\n".join(["某某县委常委会会议纪要", "第5期", "中共某某县委办公室                2024年6月3日", *BODY[:3], "出席：张某某、李某某、王某某",
                               "分送：县委常委。", "中共某某县委办公室                2024年6月3日印发"]) + "\n", encoding="utf-8")
    _, speech = speech_of(path, rules)
    assert [p.text for p in speech.all_paragraphs()] == [BODY[0], BODY[2], "出席：张某某、李某某、王某某"]
