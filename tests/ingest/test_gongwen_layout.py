"""公文 parts read by their form and place, the same from PDF and Word (issue #33, "公文 structure"): a
letterhead without `文件` over a `关于…的回复`, a 通知 without 版头 whose attachments are appended after
its date, a part typed with a wrong number, a course paper's cover page, a title and its salutation in
one Word paragraph. Every fixture is made here (Typst, python-docx)."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_kb.ingest.clean import unified_ideographs
from build_kb.ingest.convert import TITLE_BY_COVER_FIELD, convert, cover_field_title
from build_kb.ingest.gongwen import read_appended_label, read_letterhead
from build_kb.ingest.parse import Block, build_sections
from build_kb.model import SourceFile
from build_kb.pipeline import make_speech
from tests.ingest.test_documents import HAN, rules, speech_of  # noqa: F401 (rules: the corpus's boilerplate, a fixture)
from tests.office_files import (
    ESSAY_TITLE,
    NOTICE_PARTS,
    REPLY_LINES,
    write_essay_cover_docx,
    write_notice_docx,
    write_reply_docx,
    write_reply_pdf,
)


def speech_of_text(text: str, rules):
    return make_speech(SourceFile(path=Path("通知.txt"), rel_path="通知.txt", encoding="utf-8", sha256="", raw=b"", text=text), rules, None, [])


def assert_nothing_lost(converted, speech):
    shown = [h.text for h in speech.header] + [s.heading for s in speech.all_sections()] + [p.text for p in speech.all_paragraphs()]
    shown += [r.text for r in speech.clean.removed]
    assert len(HAN.findall("".join(shown))) == len(HAN.findall(unified_ideographs(converted.text)[0]))


@pytest.mark.parametrize("write", [write_reply_pdf, write_reply_docx])
def test_a_letter_under_a_letterhead_without_wenjian_gives_issuer_title_and_addressees(tmp_path, rules, write):
    converted, speech = speech_of(write(tmp_path / f"回复{'.pdf' if write is write_reply_pdf else '.docx'}"), rules)
    g = REPLY_LINES
    assert converted.title == g["title"]  # Word: the letterhead's size is not the title's; PDF: an organ's name is no title
    assert (speech.title, speech.date) == (g["title"], "2024-06-29")
    assert (speech.issuer, speech.doc_number, speech.addressees) == ("某某大学学生会", None, ["某某学院学生会"])
    assert [p.text for p in speech.all_paragraphs()] == g["body"]
    assert [(h.role, h.text.replace(" ", "")) for h in speech.header] == [
        ("issuer", g["letterhead"]), ("title", g["title"]), ("addressees", g["addressees"]),
        ("signature", g["signature"]), ("date", "2024年6月29日"),
    ]
    assert_nothing_lost(converted, speech)


def test_a_notice_s_appended_attachments_are_parts_of_their_own_under_its_signature_and_date(tmp_path, rules):
    converted, speech = speech_of(write_notice_docx(tmp_path / "通知.docx"), rules)
    assert (speech.title, speech.date) == ("关于召开某某学院权益交流大会的通知", "2021-11-23")  # the date pushed right by spaces
    assert (speech.issuer, speech.addressees) == ("某某大学某某学院学生会", ["各班级"])
    assert speech.attachments == ["某某学院权益大会预提案表", "某某学院权益大会分组表"]  # no 附件说明: the appended parts' titles
    assert [(s.heading, [p.text for p in s.paragraphs]) for s in speech.all_sections() if s.heading] == [
        *[(heading, paragraphs) for heading, paragraphs in NOTICE_PARTS[:-1]],
        (NOTICE_PARTS[-1][0], [*NOTICE_PARTS[-1][1], "召开权益交流大会是学生生活中的一件大事，请各班级高度重视。"]),
        ("附件1", ["某某学院权益大会预提案表", "班级 提案人", "问题概述"]),
        ("附件2", ["某某学院权益大会分组表", "序号 分组", "第一组 一班、二班"]),
    ]
    assert {h.role: h.text for h in speech.header if h.role in ("signature", "date")} == {"signature": "某某大学某某学院学生会", "date": "2021年11月23日"}
    assert_nothing_lost(converted, speech)


def test_a_cover_s_title_field_given_again_over_the_paper_is_its_title(tmp_path):
    converted = convert(write_essay_cover_docx(tmp_path / "大作业.docx"))
    assert (converted.title, converted.title_by, converted.date) == (ESSAY_TITLE, TITLE_BY_COVER_FIELD, "2022-10-29")
    assert f"封面“题目”一栏写的“{ESSAY_TITLE}”在正文前又单独成行：作为题目" in converted.notes


@pytest.mark.parametrize(
    "lines, title",
    [
        (["分数", "某某课程大作业", "论文题目：　奋发有为 勇毅前行", "2022年10月29日", "奋发有为  勇毅前行", "李某某"], "奋发有为  勇毅前行"),
        (["报告标题：关于某某工作的调研报告", "关于某某工作的调研报告"], "关于某某工作的调研报告"),
        (["论文题目：奋发有为", "正文里没有再写题目。"], None),  # not given again: no title from the form
        (["题目：", "奋发有为"], None),  # an empty field
    ],
)
def test_cover_field_title(lines, title):
    assert cover_field_title(lines) == title


@pytest.mark.parametrize(
    "lines, name",
    [
        (["某某大学学生会", "关于某某提案的回复", "某某学院学生会：", "你院提交的提案已收悉。"], "某某大学学生会"),
        (["某某县人民政府办公室", "关于做好春季防火工作的", "通知", "各乡镇人民政府：", "现将有关事项通知如下。"], "某某县人民政府办公室"),
        (["中共某某县委组织部", "关于加强基层党建工作的调研报告", "近年来，全县基层党建工作取得新进展。"], None),  # no 主送: a wrapped title's first line
        (["某某大学学生会", "各学院学生会：", "现将有关事项通知如下。"], None),  # no title under it
        (["同志们", "关于某某提案的回复", "某某学院学生会："], None),  # no organ's name
    ],
)
def test_read_letterhead(lines, name):
    assert read_letterhead(lines, 0) == name


@pytest.mark.parametrize(
    "line, label",
    [("附件1", "附件1"), ("附件一", "附件一"), ("附 件 2：", "附件2"), ("附件", "附件"), ("附件：1. 某某推荐表", None), ("附件里的表格请认真填写。", None)],
)
def test_read_appended_label(line, label):
    assert read_appended_label(line) == label


def test_a_part_typed_with_a_wrong_number_is_a_part_when_the_series_goes_on_past_it():
    texts = ["一、召开时间", "晚上七点。", "二、参会对象", "各班级。", "四、会议主题", "饮食和住宿。", "三、活动内容", "收集问题。", "四、注意事项", "必须真实。"]
    sections, _ = build_sections([Block(k, text) for k, text in enumerate(texts, 1)])
    assert [s.heading for s in sections if s.heading] == ["一、召开时间", "二、参会对象", "四、会议主题", "三、活动内容", "四、注意事项"]
    # A wrong number the series never comes back past (no 三、 after it) stays text, as does a sentence.
    for texts in (["一、召开时间", "晚上七点。", "二、参会对象", "各班级。", "四、会议主题", "饮食和住宿。"],
                  ["一、召开时间", "晚上七点。", "二、参会对象", "各班级。", "四、要注意安全，不得迟到。", "三、活动内容", "收集问题。"]):
        sections, _ = build_sections([Block(k, text) for k, text in enumerate(texts, 1)])
        assert "四、" not in "".join(s.heading for s in sections)


def test_a_title_and_its_salutation_in_one_word_paragraph_are_two_lines(tmp_path, rules):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run("竞选演讲稿")
    run.font.size = Pt(18)
    run.add_break()
    paragraph.add_run("亲爱的同学们：").font.size = Pt(16)
    for text in ("大家晚上好，我是来自某某班的李某某。", "在学习中，我一直严格要求自己，勤奋刻苦，脚踏实地。"):
        document.add_paragraph().add_run(text).font.size = Pt(16)
    document.save(tmp_path / "演讲稿.docx")
    converted, speech = speech_of(tmp_path / "演讲稿.docx", rules)
    assert converted.text.startswith("竞选演讲稿\n亲爱的同学们：\n\n")
    assert speech.title == "竞选演讲稿"
    assert [(p.kind, p.text) for p in speech.all_paragraphs()] == [
        ("salutation", "亲爱的同学们："), ("text", "大家晚上好，我是来自某某班的李某某。"), ("text", "在学习中，我一直严格要求自己，勤奋刻苦，脚踏实地。"),
    ]
    assert_nothing_lost(converted, speech)


def test_attachments_appended_in_text_with_names_on_their_labels_and_the_record_under_them(rules):
    """As GB/T 9704 orders them: the 附件说明 above the signature, the attachments after the 成文日期
    (`附件1：某某表` with the name on the label's line), the 版记 last, under the attachments."""
    lines = [
        "中共某某县委组织部文件", "某组发〔2024〕9号", "关于做好村级后备干部推荐工作的通知", "各乡镇党委：",
        "为加强村级后备干部队伍建设，现就做好村级后备干部推荐工作通知如下，请结合实际认真抓好落实。",
        "各乡镇要按照每村储备2至3名的标准推荐人选，于4月30日前将推荐表和花名册报县委组织部组织科。",
        "附件：1．村级后备干部推荐表", "2．村级后备干部花名册",
        "中共某某县委组织部", "2024年4月1日",
        "附件1：村级后备干部推荐表", "姓名　性别　出生年月", "附件2", "村级后备干部花名册", "1　张某某　东山村党支部委员、村务监督委员会成员",
        "抄送：县委办公室。", "中共某某县委组织部办公室　　2024年4月1日印发",
    ]
    text = "\n\n".join(lines) + "\n"
    speech = speech_of_text(text, rules)
    assert (speech.title, speech.date, speech.issuer, speech.doc_number) == (lines[2], "2024-04-01", "中共某某县委组织部", "某组发〔2024〕9号")
    assert speech.attachments == ["村级后备干部推荐表", "村级后备干部花名册"]  # the 附件说明's names
    assert [(s.heading, [p.text for p in s.paragraphs]) for s in speech.all_sections()] == [
        ("", lines[4:6]), ("附件1：村级后备干部推荐表", ["姓名 性别 出生年月"]), ("附件2", ["村级后备干部花名册", "1 张某某 东山村党支部委员、村务监督委员会成员"]),
    ]
    assert [(h.role, h.text) for h in speech.header if h.role in ("attachments", "signature", "date")] == [
        ("attachments", lines[6]), ("attachments", lines[7]), ("signature", lines[8]), ("date", lines[9]),
    ]
    assert [r.text for r in speech.clean.removed if r.rule == "document-footer"] == ["抄送：县委办公室。", "中共某某县委组织部办公室 2024年4月1日印发"]


def test_a_part_kept_with_a_wrong_number_is_sent_to_a_person(tmp_path, rules):
    from build_kb.enrich.review import review_speech

    _, speech = speech_of(write_notice_docx(tmp_path / "通知.docx"), rules)
    review_speech(speech)
    assert [(item.code, item.message, item.line) for item in speech.review if item.code == "misnumbered-heading"] == [
        ("misnumbered-heading", "小标题“四、会议主题”的编号接不上前面的“二、参会对象”：仍作小标题，请核对原文的编号", 15),
    ]


@pytest.mark.parametrize(
    "line, names",
    [("各机械工程学院班级：", ["各机械工程学院班级"]), ("某某学院学生会：", ["某某学院学生会"]), ("各位同学：", None), ("全体老师：", None), ("各位家长朋友：", None)],
)
def test_an_audience_under_a_title_is_no_addressee(line, names):
    from build_kb.ingest.gongwen import read_addressees

    assert read_addressees(line) == names


def test_an_attachments_label_alone_over_its_items_and_a_number_written_with_di(rules):
    lines = [
        "某某市人民政府办公室文件", "某政办发〔2024〕第12号", "关于做好防汛工作的通知", "各区县人民政府，市政府各部门：",
        "为切实做好今年防汛工作，确保人民群众生命财产安全，现就有关事项通知如下，请认真贯彻执行。",
        "各地各部门要压实防汛责任，加强隐患排查，严格值班值守，发现险情及时报告并妥善处置。",
        "附件：", "1．防汛责任人名单", "2．防汛物资储备表", "某某市人民政府办公室", "2024年5月20日",
    ]
    text = "\n\n".join(lines) + "\n"
    speech = speech_of_text(text, rules)
    assert (speech.title, speech.date, speech.issuer, speech.doc_number) == (lines[2], "2024-05-20", "某某市人民政府办公室", "某政办发〔2024〕第12号")
    assert speech.attachments == ["防汛责任人名单", "防汛物资储备表"]
    assert [p.text for p in speech.all_paragraphs()] == lines[4:6]
