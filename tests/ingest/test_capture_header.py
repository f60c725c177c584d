"""公文 saved by a crawler under its capture header (#33, round 10's classes): the header (标题：/来源：/URL：/抓取时间：
lines, or a Markdown list under `# …` closed by `---`) is set aside by its shape and logged, and the 公文 under it is read
as if it began the file — title, 发文字号, 主送, 署名, 成文日期 (never the capture's date), a 印发通知's issued document
as a part of its own; a 附件说明 of several numbered items on one line; a record's fields under a Word title; a Latin
word's space never taken for the end of a site's credit. Every text here is made up in the style of such files."""

from __future__ import annotations

import doctest
from pathlib import Path

from build_kb.ingest import capture
from build_kb.ingest.capture import CAPTURE_RULE
from tests.ingest.test_documents import rules, speech_of  # noqa: F401 (rules: the corpus's boilerplate, a fixture)

from conftest import failed_examples

NOTICE = [
    "某某市人民政府办公室关于印发《某某市数据共享管理办法》的通知",
    "某政办发〔2024〕7号",
    "各区县人民政府，市政府各部门、各直属机构：",
    "《某某市数据共享管理办法》已经市政府同意，现印发给你们，请结合实际认真贯彻执行。",
    "某某市人民政府办公室",
    "2024年3月5日",
]

CAPTURE_LINES = ["标题：" + NOTICE[0], "来源：某某市人民政府网", "URL：https://www.example.gov.cn/zwgk/content_1234.htm",
                 "抓取时间：2026-01-15", "文种：通知"]


def _written(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_capture_module_s_examples():
    assert doctest.testmod(capture).failed == 0


def test_a_notice_under_a_capture_header_is_read_as_a_gongwen_from_its_own_first_line(rules, tmp_path):
    _, speech = speech_of(_written(tmp_path, "notice.txt", [*CAPTURE_LINES, "", *NOTICE, "（本文有删减）"]), rules)
    assert (speech.title, speech.issuer, speech.doc_number, speech.addressees, speech.date) == (
        NOTICE[0], "某某市人民政府办公室", "某政办发〔2024〕7号", ["各区县人民政府", "市政府各部门", "各直属机构"], "2024-03-05")
    assert [p.text for p in speech.all_paragraphs()] == [NOTICE[3]]
    assert [(r.line, r.rule) for r in speech.clean.removed if r.rule == CAPTURE_RULE] == [(1, CAPTURE_RULE), (2, CAPTURE_RULE), (3, CAPTURE_RULE),
                                                                                          (4, CAPTURE_RULE), (5, CAPTURE_RULE)]


def test_a_markdown_capture_block_over_an_issuing_notice_leaves_the_issued_rules_as_a_part_of_their_own(rules, tmp_path):
    block = ["# 存档记录", "", "- doc_id: sample-0001", f"- title: {NOTICE[0]}", "- source_url: https://www.example.gov.cn/content_1.htm",
             "- publish_date: 2024-03-08", "- capture_date: 2026-01-15", "- http_status: 200", "", "---", ""]
    # The title wrapped over two lines inside its 《》, the issued rules under the date and its note.
    notice = ["某某市人民政府办公室关于印发《某某市数据", "共享管理办法》的通知", *NOTICE[1:], "（此件公开发布）",
              "某某市数据共享管理办法", "第一条", "为规范全市政务数据共享工作，提高数据使用效率，根据有关规定，制定本办法。",
              "第二条", "本办法适用于全市各级行政机关之间的政务数据共享及其相关管理活动。"]
    _, speech = speech_of(_written(tmp_path, "issuing.txt", [*block, *notice]), rules)
    assert (speech.title, speech.issuer, speech.doc_number, speech.date) == (NOTICE[0], "某某市人民政府办公室", "某政办发〔2024〕7号", "2024-03-05")
    assert [s.heading for s in speech.sections] == ["", "某某市数据共享管理办法"]
    assert [p.text for p in speech.sections[1].paragraphs] == notice[-4:]
    assert sorted(r.line for r in speech.clean.removed if r.rule == CAPTURE_RULE) == [1, 3, 4, 5, 6, 7, 8, 10]


def test_a_letter_excerpt_under_a_capture_header_has_no_date_from_the_capture(rules, tmp_path):
    letter = ["某某省人民政府办公厅关于同意《某某新区建设总体方案》的函", "某政办函〔2024〕12号", "某某市人民政府、省发展改革委：",
              "你们关于某某新区建设总体方案的请示收悉。经省政府同意，现函复如下：", "一、原则同意《某某新区建设总体方案》……"]
    head = ["标题：" + letter[0], "来源：某某省人民政府网", "URL：https://www.example.gov.cn/content_2.htm", "抓取时间：2026-01-15", "文种：函"]
    _, speech = speech_of(_written(tmp_path, "letter.txt", [*head, "", *letter]), rules)
    assert (speech.title, speech.doc_number, speech.addressees, speech.date, speech.year) == (
        letter[0], "某政办函〔2024〕12号", ["某某市人民政府", "省发展改革委"], None, None)


def test_without_a_web_address_labelled_lines_on_top_are_no_capture_header(rules, tmp_path):
    lines = ["时间：2024年5月20日", "地点：县委党校", "主持人：王某某", "", "在全县组织工作会议上的讲话", "同志们：",
             "今天我们召开全县组织工作会议，主要任务是总结去年工作，部署今年任务。"]
    _, speech = speech_of(_written(tmp_path, "record.txt", lines), rules)
    assert not [r for r in speech.clean.removed if r.rule == CAPTURE_RULE]
    assert (speech.title, speech.date) == ("在全县组织工作会议上的讲话", "2024-05-20")


def test_several_numbered_attachments_on_one_line_are_each_one(rules, tmp_path):
    lines = ["关于开展数据质量检查的通知", "", "各区县数据管理局：", "", "一、检查内容",
             "请对照检查清单逐项核对数据质量，并于本月底前报送检查结果。",
             "附件：1.数据质量检查清单 2.问题整改台账 3.检查结果汇总表", "", "某某市数据管理局", "2024年6月3日"]
    _, speech = speech_of(_written(tmp_path, "attachments.txt", lines), rules)
    assert speech.attachments == ["数据质量检查清单", "问题整改台账", "检查结果汇总表"]
    assert (speech.issuer, speech.date) == ("某某市数据管理局", "2024-06-03")


def test_a_latin_word_s_space_in_a_sentence_is_never_the_end_of_a_credit(rules, tmp_path):
    sentence = "为全面检验排版软件在标题识别、字体替换、浏览器预览、Word 导出和附件处理等场景下的表现，现组织开展联合测试。"
    lines = ["关于开展系统联合测试的通知", "", "各测试单位：", "", "一、测试目标", sentence, "", "某某市数据管理局", "2024年6月3日"]
    _, speech = speech_of(_written(tmp_path, "latin.txt", lines), rules)
    assert sentence in [p.text for p in speech.all_paragraphs()]


def test_a_record_s_fields_under_a_word_title_are_not_the_title_s(rules, tmp_path):
    import docx

    document = docx.Document()
    for text in ("9.12班委会议记录", "主题:新学期班级工作安排", "主讲:王某某", "1.班委分工", "2.学习小组安排"):
        document.add_paragraph(text)
    path = tmp_path / "record.docx"
    document.save(path)
    _, speech = speech_of(path, rules)
    assert speech.title == "9.12班委会议记录"
    assert [(h.text, h.role) for h in speech.header if h.role != "title"] == [("主题：新学期班级工作安排", "note"), ("主讲：王某某", "note")]


def test_a_journal_s_furniture_readers_on_placed_lines():
    """The year at the end of a volume/issue line, a running header set letter by letter, the article's notes at the
    foot of page 1 (收稿日期：…): each reader's examples (placed lines made here)."""
    from build_kb.ingest import pdf

    for reader in (pdf.issue_year_in, pdf._letter_spaced_joined, pdf.article_notes):
        assert failed_examples(reader) == 0


def test_the_first_of_an_ordinal_series_under_an_unstyled_title_is_not_the_title_s(rules, tmp_path):
    import docx

    document = docx.Document()
    paragraphs = ("学习计划（两个月之内）", "在第一阶段", "熟悉部门的各项工作流程，认真阅读有关制度文件，按时完成带教老师布置的学习任务，每天写好学习记录。",
                  "第二阶段：", "在带教老师指导下独立承担简单的日常工作，及时总结经验，遇到问题主动请教，逐步提高工作能力")
    for text in paragraphs:
        document.add_paragraph(text)
    path = tmp_path / "plan.docx"
    document.save(path)
    _, speech = speech_of(path, rules)
    assert speech.title == "学习计划（两个月之内）"
    assert [p.text for p in speech.all_paragraphs()][0] == "在第一阶段"


def test_a_report_under_a_capture_header_counts_its_day_from_the_publish_date_never_from_the_capture_s(rules, tmp_path):
    head = ["标题：全县组织工作会议召开", "来源：某某县融媒体中心", "URL：https://www.example.cn/news/1.htm", "抓取时间：2026-01-15"]
    report = ["全县组织工作会议召开", "昨日，全县组织工作会议召开。县委书记张某某出席会议并讲话，强调要坚持以党的政治建设为统领，扎实做好新时代组织工作。",
              "会议指出，过去一年全县组织工作取得新成效，基层党组织政治功能和组织功能不断增强，干部队伍建设持续加强。"]
    _, speech = speech_of(_written(tmp_path, "captured.txt", [*head, "", *report]), rules)
    assert (speech.title, speech.date, speech.year) == ("全县组织工作会议召开", None, None)
    _, speech = speech_of(_written(tmp_path, "published.txt", [*head, "发布时间：2024-03-06", "", *report]), rules)
    assert (speech.date, [r.code for r in speech.review if r.code == "date-guessed"]) == ("2024-03-05", ["date-guessed"])


def test_a_capture_that_kept_no_title_line_or_no_web_address_still_gives_the_gongwen_its_parts(rules, tmp_path):
    # No title line under the header: the 主送 right under the 发文字号 is still the 主送, the header's title the title.
    untitled = [*CAPTURE_LINES[:4], "", *NOTICE[1:]]
    _, speech = speech_of(_written(tmp_path, "untitled.txt", untitled), rules)
    assert (speech.title, speech.doc_number, speech.addressees, speech.date) == (
        NOTICE[0], "某政办发〔2024〕7号", ["各区县人民政府", "市政府各部门", "各直属机构"], "2024-03-05")
    assert [r.code for r in speech.review] == []
    # No web address in the header: its 抓取时间 (a crawler's word) tells it; the 《》 in the title is never the title.
    unaddressed = [CAPTURE_LINES[0], CAPTURE_LINES[1], CAPTURE_LINES[3], CAPTURE_LINES[4], "", *NOTICE]
    _, speech = speech_of(_written(tmp_path, "unaddressed.txt", unaddressed), rules)
    assert (speech.title, speech.issuer, speech.date) == (NOTICE[0], "某某市人民政府办公室", "2024-03-05")
