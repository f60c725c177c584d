"""A corpus imported by an older kb add meets a newer reader: what the build now reads otherwise than the values kb
add wrote (and nobody has checked since) goes to 待核对, with both readings as one-line fixes."""

from __future__ import annotations

from build_kb.check import check_report
from build_kb.curate import add_files
from build_kb.pipeline import build_knowledge_base

from build_kb.config import keys_as_imported

from conftest import failed_examples, make_corpus
from office_files import write_docx, write_pdf, write_saved_page
from test_fixes import follow

TEXT = (
    "在全县组织工作会议上的讲话\n县委书记　王某明\n（2023年3月8日）\n同志们：\n今天召开全县组织工作会议，主要任务是总结工作、部署任务。\n"
    "一、提高站位，增强责任感\n全县各级党组织认真贯彻上级部署。\n二、突出重点，建强基层组织\n今年要抓好村级组织建设。\n"
)
NOTE = "# kb add 加入：a.htm（网页）→ a.txt。请对照原件逐项核对、改正，然后删去这行说明。\n"
ENTRY = (
    '"a.txt":\n'
    '  original: "a.htm"\n'
    '  title: "在全县组织工作会议上的讲话 下载本文"   # 识别依据：标题区的标题行\n'
    "  date: 2023-03-08   # 识别依据：标题区的日期行\n"
    '  speaker: "海报"   # 识别依据：署名里的职务和姓名\n'
    '  occasion: "全县组织工作会议"   # 识别依据：标题：在…上的讲话\n'
)


def items(corpus):
    (speech,) = check_report(build_knowledge_base(corpus))["speeches"]
    return [item for item in speech["to_check"] if item["code"] == "reading-changed"]


def test_values_kb_add_read_otherwise_go_to_review_with_both_readings(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"a.txt": TEXT, "speeches.yaml": NOTE + ENTRY})
    found = items(corpus)
    assert [item["message"] for item in found] == [
        "kb add 导入时读出的讲话人是“海报”，现在的程序读出“王某明”（署名里的职务和姓名）：对照原件，选一个",
        "kb add 导入时读出的标题是“在全县组织工作会议上的讲话 下载本文”，现在的程序读出“在全县组织工作会议上的讲话”（标题区的标题行）：对照原件，选一个",
    ]
    assert [[(way["label"], way["yaml"], way["replaces"]) for way in item["fixes"]] for item in found] == [
        [("新的读法对", 'speaker: "王某明"', 6), ("原来的读法对，照写", 'speaker: "海报"', 6)],
        [("新的读法对", 'title: "在全县组织工作会议上的讲话"', 4), ("原来的读法对，照写", 'title: "在全县组织工作会议上的讲话 下载本文"', 4)],
    ]


def test_either_fix_written_as_printed_settles_its_item_alone(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"a.txt": TEXT, "speeches.yaml": NOTE + ENTRY})
    speaker, title = items(corpus)
    follow(corpus, "a.txt", speaker["fixes"][0])  # the new reading
    assert [item["message"][:20] for item in items(corpus)] == [title["message"][:20]]
    follow(corpus, "a.txt", title["fixes"][1])  # the old one, written again as checked
    assert items(corpus) == []
    (speech,) = build_knowledge_base(corpus).speeches
    assert (speech.title, speech.speaker) == ("在全县组织工作会议上的讲话 下载本文", "王某明")


def test_a_value_no_longer_found_can_be_taken_away(tmp_path):
    text = TEXT.replace("县委书记　王某明\n", "")
    corpus = make_corpus(tmp_path / "c", {"a.txt": text, "speeches.yaml": NOTE + ENTRY})
    (item,) = [item for item in items(corpus) if "讲话人" in item["message"]]
    assert item["message"] == "kb add 导入时读出的讲话人是“海报”，现在的程序读不出（导入时读到的可能是网页上的字）：对照原件，选一个"
    assert [way["yaml"] for way in item["fixes"]] == ['speaker: ""', 'speaker: "海报"']
    follow(corpus, "a.txt", item["fixes"][0])
    (speech,) = build_knowledge_base(corpus).speeches
    assert speech.speaker is None and [i["message"][:15] for i in items(corpus)] == ["kb add 导入时读出的标题"]


def test_checked_entries_and_values_are_left_alone(tmp_path):
    # the note deleted: the curator checked the entry
    assert items(make_corpus(tmp_path / "checked", {"a.txt": TEXT, "speeches.yaml": ENTRY})) == []
    # a value written without kb add's comment is the curator's
    typed = NOTE + ENTRY.replace('"海报"   # 识别依据：署名里的职务和姓名', '"海报"').replace("下载本文\"   # 识别依据：标题区的标题行", "下载本文\"")
    assert items(make_corpus(tmp_path / "typed", {"a.txt": TEXT, "speeches.yaml": typed})) == []
    # a title kb add read off the original file (a Word style) is none the text could give again
    marked = NOTE + ENTRY.replace("识别依据：标题区的标题行", "识别依据：文档标明的标题：Word 的“标题”样式").replace('"海报"', '"王某明"')
    assert items(make_corpus(tmp_path / "marked", {"a.txt": TEXT, "speeches.yaml": marked})) == []
    # a date the text no longer gives in full says nothing of the day written
    undated = TEXT.replace("（2023年3月8日）\n", "")
    dated = NOTE + ENTRY.replace('"海报"', '"王某明"').replace(" 下载本文", "")
    assert items(make_corpus(tmp_path / "undated", {"a.txt": undated, "speeches.yaml": dated})) == []


def test_a_fresh_import_reads_as_its_build_does(tmp_path):
    corpus = make_corpus(tmp_path / "c")
    inbox = tmp_path / "收件"
    inbox.mkdir()
    write_docx(inbox / "组织工作会议讲话.docx")
    write_pdf(inbox / "推进会讲话.pdf")
    write_saved_page(inbox / "县组织工作会议.htm")
    (inbox / "a.txt").write_text(TEXT, encoding="utf-8")
    add_files([inbox], corpus)
    report = check_report(build_knowledge_base(corpus))
    assert len(report["speeches"]) == 4
    assert [item for speech in report["speeches"] for item in speech["to_check"] if item["code"] == "reading-changed"] == []


def test_the_examples_of_which_values_stand_as_imported():
    assert failed_examples(keys_as_imported) == 0
