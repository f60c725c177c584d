"""Documents of round 16's classes (session 29), each read by its evidence — where a line stands on
the page, whether the page shows it, a table's cell — never by a file's wording. The pages and files
are made here (hand-written HTML, python-docx) with text written for the tests; each class has near
misses that must stay as they are.
"""

from __future__ import annotations


import pytest

from build_kb.ingest import clean as clean_module
from build_kb.ingest import convert as convert_module
from build_kb.ingest import gongwen as gongwen_module
from build_kb.ingest import parse as parse_module
from build_kb.ingest import pdf as pdf_module

from tests.ingest.test_round14_documents import outline, speech_of  # as kb add stores a file, and its outline

from conftest import failed_examples


READERS = [convert_module.page_headline, convert_module.below_the_headline, clean_module.paired_quotes, clean_module.read_in_a_table,
           pdf_module.cover_month, gongwen_module.read_edited_by,
           parse_module.speaker_in_author_line]


@pytest.mark.parametrize("reader", READERS)
def test_the_readers_examples_hold(reader):
    assert failed_examples(reader) == 0


# --- a saved news page: its own headline is the title, never its first heading ---------------------------------

HEADLINE = "某某区召开2025年度基层党建工作推进会"
LEAD = "4月8日，全区基层党建工作推进会在区行政中心召开。区委常委、组织部部长张某某出席会议并讲话，区委组织部副部长刘某主持会议。"
PARTS = [
    ("一、压紧压实党建责任", "会议指出，各级党组织书记要切实履行第一责任人职责，把基层党建工作抓在手上、扛在肩上。"),
    ("二、持续整顿软弱涣散党组织", "会议强调，要对照标准逐一排查，建立台账、销号管理，确保整顿工作取得实效，不走过场。"),
]
BODY = "<p>" + LEAD + "</p>" + "".join(f"<h2>{head}</h2><p>{text}</p>" for head, text in PARTS)


def _news_page(head: str, top: str) -> str:
    return (f'<html><head><meta charset="utf-8">{head}</head><body>{top}'
            f'<div class="con">{BODY}</div><div class="foot">版权所有 某某区人民政府 技术支持：某某网络</div></body></html>')


@pytest.mark.parametrize("head, top", [
    # a portal's name in an <h1> that is no link, its headline an <h2> the <title> names
    (f"<title>{HEADLINE}_某某区人民政府</title>", f"<h1>某某区人民政府</h1><h2>{HEADLINE}</h2><div>发布时间：2025-04-09</div>"),
    # a kicker over the headline (引题): part of the title block, no section
    (f"<title>{HEADLINE}</title>", f"<header><h3>强基固本 提质增效</h3><h1>{HEADLINE}</h1><p>2025-04-09 某某日报</p></header>"),
    # the <title> is only the site's name: the page's one <h1> is the headline
    ("<title>某某区人民政府</title>", f"<div>当前位置：首页 &gt; 要闻</div><h1>{HEADLINE}</h1><div>发布时间：2025-04-09</div>"),
    # the headline in a styled block, the <title> with the site's name after a bar
    (f"<title>{HEADLINE}|某某组工网</title>", f"<div class='logo'>某某组工网</div><div class='tt'><b>{HEADLINE}</b></div>"),
])
def test_a_saved_news_pages_headline_is_its_title_and_no_section(tmp_path, head, top):
    path = tmp_path / "新闻.html"
    path.write_text(_news_page(head, top), encoding="utf-8")
    converted, speech = speech_of(path)
    assert converted.title == speech.title == HEADLINE
    assert [line for line, _ in converted.headings] == [head_ for head_, _ in PARTS]
    assert outline(speech) == [(1, head_) for head_, _ in PARTS]
    # the lead is read under the headline: the meeting's day it gives (4月8日), the year beside it, not the posting day
    assert (speech.date, speech.speaker) == ("2025-04-08", "张某某")


def test_a_title_the_page_does_not_show_leaves_the_pages_h1_the_headline(tmp_path):
    """Near miss: a <title> naming what made the page (a tool's name), shown nowhere in the text, does
    not beat the page's one <h1>."""
    path = tmp_path / "报告.html"
    path.write_text(_news_page("<title>Untitled document - Editor</title>", f"<h1>{HEADLINE}</h1>"), encoding="utf-8")
    converted, speech = speech_of(path)
    assert converted.title == speech.title == HEADLINE


# --- 待核对: a Word list whose counter runs through the whole document is one item, not one per head ---------

NUMBERS = "一二三四五六七八九十"
KINDS = "甲乙丙丁戊己庚辛壬癸"


def _numbered_speech(path, labels: list[tuple[str, int]]):
    """A speech in Word's heading styles, each head typed with its label (level 1 or 2), a paragraph under each."""
    import docx

    document = docx.Document()
    document.add_paragraph("在全县组织工作会议上的讲话", style="Title")
    document.add_paragraph("同志们：今天召开会议，主要任务是总结工作、部署任务。下面，我讲几点意见。")
    for k, (label, level) in enumerate(labels):
        document.add_paragraph(f"{label}、要抓好第{k + 1}项重点任务", style=f"Heading {level}")
        document.add_paragraph(f"各单位要明确第{k + 1}项任务的责任分工，细化{KINDS[k % 10]}类工作措施，强化督促检查，推动任务按期完成。")
    document.save(path)
    from build_kb.enrich.review import review_speech

    _, speech = speech_of(path)
    review_speech(speech)
    return speech


def test_heads_counted_through_the_whole_document_are_one_review_item(tmp_path):
    """Parts 一、 四、 七、 with sub-parts 二、 三、 五、 六、 八、 九、 (one list's counter over both levels):
    the outline keeps its levels, and 待核对 says once that the numbering runs on, not at 四、 and 七、."""
    levels = [1, 2, 2, 1, 2, 2, 1, 2, 2]
    speech = _numbered_speech(tmp_path / "讲话.docx", [(NUMBERS[k], level) for k, level in enumerate(levels)])
    assert [level for level, _ in outline(speech)] == levels
    items = [item for item in speech.review if item.code == "misnumbered-heading"]
    assert len(items) == 1 and "全文连续计数" in items[0].message and "共 9 个" in items[0].message


def test_a_part_that_skips_a_number_is_still_an_item_of_its_own(tmp_path):
    """Near miss: 一、 二、 四、 五、 skips 三 over the whole text too: no counter runs through; the heads after
    the gap are items of their own, as before."""
    speech = _numbered_speech(tmp_path / "讲话.docx", [(label, 1) for label in "一二四五"])
    items = [item for item in speech.review if item.code == "misnumbered-heading"]
    assert [item.line for item in items] == [13, 17] and "四、" in items[0].message
    assert not any("全文连续计数" in item.message for item in items)


def test_parts_numbered_in_order_give_no_item(tmp_path):
    speech = _numbered_speech(tmp_path / "讲话.docx", [(label, 1) for label in "一二三四"])
    assert not [item for item in speech.review if item.code == "misnumbered-heading"]


# --- quotes a conversion curled the wrong way or left straight among curled ones --------------------------------

@pytest.mark.parametrize("typed, read", [
    ("要树牢“四个意识“，做到”两个维护”。", "要树牢“四个意识”，做到“两个维护”。"),  # Word's smart quotes after Han
    ("坚持”两个确立”，落实“三会一课“制度。", "坚持“两个确立”，落实“三会一课”制度。"),
    ('坚持“两个确立"，落实"三会一课”制度。', "坚持“两个确立”，落实“三会一课”制度。"),  # straight among curled
    ('他说："要抓好落实。"', "他说：“要抓好落实。”"),  # straight only: paired around Han, as before
    # near misses: a quotation going on in the next paragraph, quotes already paired, no Han
    ("“同志们，今天我们在这里开会，研究部署全年工作。", "“同志们，今天我们在这里开会，研究部署全年工作。"),
    ("树牢“四个意识”，坚定“四个自信”。", "树牢“四个意识”，坚定“四个自信”。"),
])
def test_quotes_are_set_in_pairs_in_their_order(typed, read):
    assert clean_module.normalise_line(typed) == read


def test_a_line_without_han_keeps_its_quotes():
    assert clean_module.paired_quotes('say "yes” to it') == ('say "yes” to it', 0)


# --- Word: a list's mark typed as a paragraph of its own ---------------------------------------------------------

def test_a_list_mark_alone_in_its_paragraph_is_no_paragraph(tmp_path):
    """`*` or `•` alone over the item it marks goes (counted in the import's notes); the items stay whole.
    Near misses: a mark opening its own item's line, a row of marks (* * *) parting the text, stay."""
    import docx

    items = ["要建立工作台账，定期调度，及时解决推进中遇到的困难和问题。", "要加强督促检查，对工作不力的严肃问责，确保各项任务按期完成。"]
    document = docx.Document()
    document.add_paragraph("在全县干部大会上的讲话", style="Title")
    document.add_paragraph("同志们：今天召开全县干部大会，主要任务是动员全县上下凝心聚力、真抓实干。")
    for mark, item in zip("*•", items):
        document.add_paragraph(mark)
        document.add_paragraph(item)
    document.add_paragraph("* * *")
    document.add_paragraph("• 各单位要于月底前报送进展情况。")
    path = tmp_path / "讲话.docx"
    document.save(path)
    converted = convert_module.convert(path)
    lines = [line.strip() for line in converted.text.split("\n") if line.strip()]
    assert lines[2:] == [*items, "* * *", "• 各单位要于月底前报送进展情况。"]
    assert any("单独成段的项目符号 2 个" in note for note in converted.notes)


# --- Word: the lines of the document's own table are body unless clearly otherwise ------------------------------

FORM_ROWS = [("序号", "支部名称", "述职时间", "备注")] + [(str(k), f"第{NUMBERS[k - 1]}党支部", f"12月{10 + k}日", "") for k in range(1, 7)]
TASK = "围绕第{}项重点任务，逐项说明工作举措、取得成效和存在问题，提出改进措施。"
FORM_URL = "报送网址：https://dj.example.cn/form"


def _form(path):
    """A notice with a table of rows (a serial column) and a table of labelled fields (the label repeated down it,
    a web address and a short cell in each), a one-cell table of a Markdown-like head and a code line."""
    import docx

    document = docx.Document()
    document.add_paragraph("关于开展2025年度党支部书记述职评议工作的通知", style="Title")
    document.add_paragraph("各基层党组织：")
    document.add_paragraph("为落实全面从严治党主体责任，经研究，决定开展2025年度党支部书记抓基层党建工作述职评议。现将有关事项通知如下。")
    document.add_paragraph("一、评议安排", style="Heading 1")
    document.add_paragraph("各支部要认真组织，确保评议工作严肃规范、取得实效，评议结果作为年度考核的重要依据。")
    rows = document.add_table(rows=0, cols=4)
    for row in FORM_ROWS:
        for cell, text in zip(rows.add_row().cells, row):
            cell.text = text
    fields = document.add_table(rows=0, cols=2)
    for k in range(1, 5):
        label, value = fields.add_row().cells
        label.text = "评议内容"
        value.text = TASK.format(k)
        value.add_paragraph(FORM_URL)
        value.add_paragraph("扫码填报")
    box = document.add_table(rows=0, cols=1).add_row().cells[0]
    box.text = "# 填报说明"
    box.add_paragraph("<input name=score>")
    box.add_paragraph("请各支部于12月20日前将述职报告报送组织部，逾期不报的视为未完成年度述职任务。")
    document.add_paragraph("二、工作要求", style="Heading 1")
    document.add_paragraph("各党支部要高度重视，认真准备述职材料，实事求是查摆问题，确保述职评议工作取得实效。")
    document.add_paragraph("中共某某公司委员会")
    document.add_paragraph("2025年12月1日")
    document.save(path)


def test_a_word_tables_lines_are_body_its_rows_no_heads_and_what_looks_like_chrome_is_checked(tmp_path):
    from build_kb.config import load_overrides
    from build_kb.curate import add_files
    from build_kb.enrich.review import review_speech
    from build_kb.model import SourceFile
    from build_kb.pipeline import make_speech
    from build_kb.config import load_boilerplate
    from conftest import make_corpus

    corpus = make_corpus(tmp_path / "corpus", {"speeches.yaml": "{}\n"})
    _form(tmp_path / "通知.docx")
    add_files([tmp_path / "通知.docx"], corpus)
    override = load_overrides(corpus)["通知.txt"]
    stored = (corpus / "通知.txt").read_text(encoding="utf-8").split("\n")
    table = override.values["table_lines"]
    assert [stored[n - 1] for n in table][:2] == ["序号　支部名称　述职时间　备注", "1　第一党支部　12月11日"]
    assert len(table) == len(FORM_ROWS) + 4 * 4 + 3
    source = SourceFile(path=corpus / "通知.txt", rel_path="通知.txt", encoding="utf-8", sha256="", raw=b"", text="\n".join(stored))
    speech = make_speech(source, load_boilerplate(corpus), override, [])
    review_speech(speech)
    # nothing of the table removed: the label repeated down the form, the serial column, the short cells, the head
    assert not [r for r in speech.clean.removed if r.line in table]
    assert [section.heading for section in speech.sections if section.heading] == ["一、评议安排", "二、工作要求"]
    kept = [paragraph.text for paragraph in speech.all_paragraphs()]
    assert kept.count("评议内容") == 4 and kept.count("扫码填报") == 4 and "6 第六党支部 12月16日" in kept
    # what a rule or strong evidence would have removed stays, and is checked: the web address, the code line
    checked = sorted(item.line for item in speech.review if item.code == "doubtful-line")
    assert [stored[n - 1] for n in checked] == [FORM_URL] * 4 + ["<input name=score>"]


def test_a_speech_typed_in_a_one_cell_table_is_read_as_its_paragraphs(tmp_path):
    """Near miss: a cell holding a long text in paragraphs lays the page out: no table's lines, heads read as ever."""
    import docx

    document = docx.Document()
    document.add_paragraph("在全县组织工作会议上的讲话", style="Title")
    cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
    cell.text = "同志们：今天召开全县组织工作会议，主要任务是总结去年工作，部署今年任务。"
    for head, text in PARTS:
        cell.add_paragraph(head)
        cell.add_paragraph(text)
    path = tmp_path / "讲话.docx"
    document.save(path)
    converted, speech = speech_of(path)
    assert converted.table_lines == []
    assert [heading for _, heading in outline(speech)] == [head for head, _ in PARTS]


# --- a cover dated to the month: stored as its year and month -----------------------------------------------------

def test_a_word_cover_dated_to_the_month_gives_its_year_and_month(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("某某公司党委2023年度党建工作总结", style="Title")
    document.add_paragraph("二〇二三年五月")
    document.add_paragraph("今年以来，公司党委全面加强党的建设，各项工作取得明显成效。")
    path = tmp_path / "总结.docx"
    document.save(path)
    converted = convert_module.convert(path)
    assert (converted.date, converted.year, converted.month) == (None, 2023, 5)


def test_speeches_yaml_month_stands_beside_its_year(tmp_path):
    """year: 2023 with month: 5 keeps the month (a text the cover dated, read with no year of its own); a month
    outside 1–12 is refused with the way to write it."""
    from pathlib import Path

    import yaml

    from build_kb.config import SpeechOverride, load_overrides
    from build_kb.errors import KbError
    from build_kb.model import SourceFile
    from build_kb.pipeline import make_speech
    from build_kb.config import load_boilerplate
    from conftest import CORPUS

    text = "关于党建工作的几点体会\n今年以来，公司党委全面加强党的建设，各项工作取得明显成效。\n"
    source = SourceFile(path=Path("x.txt"), rel_path="x.txt", encoding="utf-8", sha256="0", raw=text.encode(), text=text)
    speech = make_speech(source, load_boilerplate(CORPUS), SpeechOverride("x.txt", 1, {"year": 2023, "month": 5}), [])
    assert (speech.year, speech.month, speech.date) == (2023, 5, None)
    (tmp_path / "speeches.yaml").write_text(yaml.safe_dump({"x.txt": {"year": 2023, "month": 13}}), encoding="utf-8")
    with pytest.raises(KbError) as refused:
        load_overrides(tmp_path)
    assert "month 要写 1 到 12 的月份" in str(refused.value)


# --- 公文: a 版头 that names no organ (a bulletin's name), the organ under its issue number ------------------------

BULLETIN = """组织工作动态

第5期

某某县委组织部编                    2024年3月10日

关于做好2024年度发展党员工作的通知

各乡镇党委，县直各单位党组织：

为进一步做好发展党员工作，提高发展党员质量，现就有关事项通知如下。

一、坚持标准。要严格按照党章规定的条件发展党员，确保新发展党员质量。

二、严格程序。要认真落实发展党员工作各项程序，做到程序规范、手续完备。
{signature}
2024年3月8日
"""


@pytest.mark.parametrize("signature, issuer", [
    ("", "某某县委组织部"),  # no 署名: the organ that edits the bulletin issues it
    ("\n中共某某县委组织部\n", "中共某某县委组织部"),  # the notice's own 署名 names its issuer
])
def test_a_bulletins_head_gives_the_issuer_and_is_no_part_of_the_title(tmp_path, signature, issuer):
    path = tmp_path / "动态.txt"
    path.write_text(BULLETIN.format(signature=signature), encoding="utf-8")
    _, speech = speech_of(path)
    assert speech.title == "关于做好2024年度发展党员工作的通知"
    assert (speech.issuer, speech.addressees) == (issuer, ["各乡镇党委", "县直各单位党组织"])


def test_a_title_over_an_issue_number_without_an_editor_is_read_as_ever(tmp_path):
    """Near miss: no `…编 date` line under the issue number: no bulletin's head; the title is the title."""
    path = tmp_path / "动态.txt"
    path.write_text(BULLETIN.format(signature="\n中共某某县委组织部\n").replace("某某县委组织部编                    2024年3月10日\n\n", ""), encoding="utf-8")
    _, speech = speech_of(path)
    assert speech.title == "关于做好2024年度发展党员工作的通知" and speech.issuer == "中共某某县委组织部"


# --- Word: an author's line under the title names the speaker --------------------------------------------------------

@pytest.mark.parametrize("author, speaker", [
    ("作者：王刚", "王刚"),  # a document has no uploader: the name alone is the author's
    ("文/王刚", None),  # near miss: a report's credit (文/图 某某) names its reporter, not a speaker
])
def test_a_word_files_author_line_under_its_title_names_the_speaker(tmp_path, author, speaker):
    import docx

    from build_kb.curate import add_files
    from build_kb.config import load_overrides
    from conftest import make_corpus

    document = docx.Document()
    document.add_paragraph("坚持党建引领 推动高质量发展", style="Title")
    document.add_paragraph(author)
    document.add_paragraph("近年来，某某县坚持以党建引领发展，各项工作取得明显成效。")
    document.add_paragraph("一、统一思想，提高认识", style="Heading 1")
    document.add_paragraph("要切实把思想和行动统一到县委的决策部署上来，确保各项任务落到实处。")
    document.save(tmp_path / "文章.docx")
    corpus = make_corpus(tmp_path / "corpus", {"speeches.yaml": "{}\n"})
    add_files([tmp_path / "文章.docx"], corpus)
    assert load_overrides(corpus)["文章.txt"].values.get("speaker") == speaker
