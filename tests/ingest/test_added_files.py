"""Files added with kb add (session 29, second wave): what the file itself marks — a Markdown file's `#` lines, a
Word file's typed 目录, a PDF table's rows — reaches the text reader as it does for a Word file's styles. The files
are made here (hand-written Markdown, python-docx, the PDFs of tests/office_files.py) with text written for the
tests; each case has near misses that must stay as they are.
"""

from __future__ import annotations

import pytest

from build_kb.ingest import convert as convert_module
from build_kb.ingest import front as front_module

from tests.ingest.test_round14_documents import outline, speech_of  # as kb add stores a file, and its outline

from conftest import failed_examples


READERS = [convert_module.markdown_outline, front_module.contents_copies_of_headings]


@pytest.mark.parametrize("reader", READERS)
def test_the_readers_examples_hold(reader):
    assert failed_examples(reader) == 0


# --- a Markdown file: its # title and its ##/### outline ------------------------------------------------------

MD_TITLE = "在全镇党建工作推进会上的讲话"
MD_OPENING = "同志们：\n\n今天召开这次会议，主要是总结上半年党建工作，安排部署下半年任务。下面，我讲三点意见。"
MD_PARTS = [
    ("## 坚持把政治建设摆在首位", "要深入学习贯彻党的创新理论，教育引导党员干部坚定理想信念，不断提高政治判断力、政治领悟力、政治执行力。"),
    ("### 抓实理论学习", "各党支部要落实“三会一课”制度，每月至少开展一次集中学习，确保学习有记录、有讨论、有成效。"),
    ("## 持续加强基层党组织建设", "要对照标准逐一排查，建立台账、销号管理，确保整顿工作取得实效，不走过场，推动基层党组织全面进步。"),
    ("## 锻造忠诚干净担当的干部队伍", "要坚持好干部标准，树立正确用人导向，把敢于担当、善于作为的干部选出来、用起来。"),
]


def _markdown(tmp_path, top: str | None, parts=MD_PARTS):
    text = "\n\n".join([*([top] if top else []), MD_OPENING, *(f"{head}\n\n{body}" for head, body in parts)]) + "\n"
    path = tmp_path / "讲话.md"
    path.write_text(text, encoding="utf-8")
    return speech_of(path)


def test_a_markdown_files_hashes_give_its_title_and_its_outline_with_levels(tmp_path):
    converted, speech = _markdown(tmp_path, f"# {MD_TITLE}")
    assert converted.title == MD_TITLE and converted.title_by == convert_module.TITLE_BY_MARKDOWN_TOP
    assert converted.heading_lines == {7: 1, 11: 2, 15: 1, 19: 1}
    assert "#" not in converted.text  # stored without its markup, as before
    assert speech.title == MD_TITLE
    assert outline(speech) == [(1, "坚持把政治建设摆在首位"), (2, "抓实理论学习"), (1, "持续加强基层党组织建设"), (1, "锻造忠诚干净担当的干部队伍")]


def test_a_markdown_outline_without_a_title_line_ranks_its_depths_from_the_fewest_hashes(tmp_path):
    parts = [("#" + head, body) for head, body in MD_PARTS]  # ### and #### only: levels 1 and 2 all the same
    converted, speech = _markdown(tmp_path, None, parts)
    assert converted.title is None
    assert sorted(converted.heading_lines.values()) == [1, 1, 1, 2]
    assert outline(speech)[:2] == [(1, "坚持把政治建设摆在首位"), (2, "抓实理论学习")]


def test_a_top_hash_line_repeated_at_its_depth_is_a_heading_not_the_title():
    # near miss: a file whose every part is a # heading has no title line among them
    assert convert_module.markdown_outline("# 一、抓班子\n\n正文。\n\n# 二、强基层\n\n正文。") == (None, [("一、抓班子", 1), ("二、强基层", 1)])


def test_a_single_marked_line_under_the_title_is_no_outline_and_the_text_reader_decides(tmp_path):
    # near miss: one ## line is no outline (as parse.markdown_heading_levels has it): no heading_lines written
    converted, speech = _markdown(tmp_path, f"# {MD_TITLE}", MD_PARTS[:1] + [(head.lstrip("# "), body) for head, body in MD_PARTS[1:]])
    assert converted.title == MD_TITLE and converted.heading_lines == {}


def test_a_hash_inside_a_line_is_text():
    # near miss: # not opening the line, or without a space after it, marks nothing
    assert convert_module.markdown_outline("# 标题\n\n第#条要落实。\n\n#话题# 不是标题\n\n正文。") == ("标题", [])


# --- a typed 目录 over the text: the contents go (logged), the first heading it lists stays -------------------------

TOC_TITLE = "在全县组织工作会议上的讲话"
TOC_HEADS = ["一、坚持政治引领", "二、抓实基层党建", "三、建强干部队伍"]
TOC_BODIES = ["要把学习贯彻党的创新理论作为首要政治任务，引导党员干部坚定理想信念。",
              "要对照标准逐一排查软弱涣散党组织，建立台账、销号管理，确保整顿见效。",
              "要坚持好干部标准，把敢于担当、善于作为的干部选出来、用起来。"]
TOC_OPENING = "同志们：今天召开会议，主要是部署今年的组织工作。"


def _typed_contents_text(tmp_path, entries, opening=None):
    lines = [TOC_TITLE, "目录", *entries, *([opening] if opening else []), *[x for pair in zip(TOC_HEADS, TOC_BODIES) for x in pair]]
    path = tmp_path / "讲话.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return speech_of(path)


def _kept_text(speech) -> str:
    return "\n".join([s.heading for s in speech.sections if s.heading] + [p.text for s in speech.sections for p in s.paragraphs])


@pytest.mark.parametrize("entries", [
    TOC_HEADS,                                                      # entries alone
    [f"{head}……{page}" for page, head in enumerate(TOC_HEADS, 1)],   # one 省略号 and a page number
    [f"{head}　{page}" for page, head in enumerate(TOC_HEADS, 1)],   # a page number set apart
    [*TOC_HEADS, "四、结语"],                                         # an entry the text never reaches
])
def test_a_typed_contents_goes_and_the_first_heading_it_lists_stays(tmp_path, entries):
    _, speech = _typed_contents_text(tmp_path, entries)
    assert outline(speech) == [(1, head) for head in TOC_HEADS]
    removed = [(r.line, r.rule) for r in speech.clean.removed]
    assert removed == [(n, "outline-copy") for n in range(2, 3 + len(entries))]  # 目录 and its entries, logged; nothing below
    kept = _kept_text(speech)
    assert all(body in kept for body in TOC_BODIES)  # no body text lost


def test_contents_followed_directly_by_the_body_end_at_its_first_sentence(tmp_path):
    # near miss: the entries run straight into the opening; the block ends there and the opening stays
    _, speech = _typed_contents_text(tmp_path, TOC_HEADS, opening=TOC_OPENING)
    assert outline(speech) == [(1, head) for head in TOC_HEADS]
    assert [r.line for r in speech.clean.removed] == [2, 3, 4, 5]
    assert TOC_OPENING.split("：")[1] in _kept_text(speech)


def test_a_one_ellipsis_leader_with_a_page_number_marks_a_contents_line_and_a_sentence_ending_in_one_does_not():
    from build_kb.ingest.contents import entry_of

    assert entry_of("一、坚持政治引领……1") == "一、坚持政治引领"
    assert entry_of("要抓好落实……") == "要抓好落实……"   # a sentence's trailing 省略号 has no page number
    assert entry_of("增长了…3") == "增长了…3"          # half a 省略号 is no leader


def _word_with_contents(tmp_path, entries, heads=TOC_HEADS, opening=None):
    import docx

    document = docx.Document()
    document.add_paragraph(TOC_TITLE, style="Title")
    document.add_paragraph("目录")
    for entry in entries:
        document.add_paragraph(entry)
    if opening:
        document.add_paragraph(opening)
    for head, body in zip(heads, TOC_BODIES):
        document.add_paragraph(head, style="Heading 1")
        document.add_paragraph(body)
    path = tmp_path / "讲话.docx"
    document.save(path)
    return speech_of(path)


def test_a_word_files_contents_with_one_ellipsis_leaders_go_at_kb_add_and_its_headings_stay(tmp_path):
    converted, speech = _word_with_contents(tmp_path, [f"{head}……{page}" for page, head in enumerate(TOC_HEADS, 1)])
    assert "去掉目录 3 行" in converted.notes and "目录" not in converted.text
    assert converted.heading_lines == {3: 1, 7: 1, 11: 1}
    assert outline(speech) == [(1, head) for head in TOC_HEADS]


UNNUMBERED = ["坚持政治引领", "抓实基层党建", "建强干部队伍"]  # headings only Word's style marks


@pytest.mark.parametrize("label_style", [None, "Heading 1"])
def test_a_heading_a_short_typed_contents_lists_first_is_the_line_in_the_body_not_front_matter(tmp_path, label_style):
    # two entries (too few for kb add's contents reader): the headings' words stand first in the contents
    import docx

    document = docx.Document()
    document.add_paragraph(TOC_TITLE, style="Title")
    document.add_paragraph("目录", style=label_style)
    for entry in UNNUMBERED[:2]:
        document.add_paragraph(entry)
    for head, body in zip(UNNUMBERED, TOC_BODIES):
        document.add_paragraph(head, style="Heading 1")
        document.add_paragraph(body)
    document.save(tmp_path / "讲话.docx")
    converted, speech = speech_of(tmp_path / "讲话.docx")
    lines = converted.text.split("\n")
    assert {line: lines[line - 1] for line in converted.heading_lines if line != 3} == {9: "坚持政治引领", 13: "抓实基层党建", 17: "建强干部队伍"}
    assert "目录里与小标题同文的 2 行不作小标题，小标题取正文里的那一行" in converted.notes
    assert not any("前置" in note for note in converted.notes)  # no heading lost as front matter
    assert outline(speech) == [(1, head) for head in UNNUMBERED]
    assert [r.line for r in speech.clean.removed] == [3, 5, 7]  # the contents copy, logged
    assert all(body in _kept_text(speech) for body in TOC_BODIES)


def test_contents_entries_followed_directly_by_the_body_give_their_headings_to_the_body(tmp_path):
    # near miss: the opening right under the entries; the headings further on are still the body's
    import docx

    document = docx.Document()
    document.add_paragraph(TOC_TITLE, style="Title")
    document.add_paragraph("目录")
    for entry in UNNUMBERED[:2]:
        document.add_paragraph(entry)
    document.add_paragraph(TOC_OPENING)
    for head, body in zip(UNNUMBERED, TOC_BODIES):
        document.add_paragraph(head, style="Heading 1")
        document.add_paragraph(body)
    document.save(tmp_path / "讲话.docx")
    converted, speech = speech_of(tmp_path / "讲话.docx")
    assert sorted(converted.heading_lines) == [11, 15, 19]
    assert outline(speech) == [(1, head) for head in UNNUMBERED]
    assert TOC_OPENING.split("：")[1] in _kept_text(speech)


def test_headings_that_stand_together_and_are_never_said_again_stay_where_they_are():
    # near miss: 一、 over （一） over its text is no contents copy
    text = "\n".join(["讲话", "一、政治引领", "（一）理论武装", "要加强理论武装。", "二、基层党建", "要整顿。"])
    assert front_module.contents_copies_of_headings({2: 1, 3: 2, 5: 1}, text) == {}


def test_a_markdown_files_headings_listed_in_a_typed_contents_are_its_body_lines(tmp_path):
    parts = "\n\n".join(f"## {head}\n\n{body}" for head, body in zip(UNNUMBERED, TOC_BODIES))
    (tmp_path / "讲话.md").write_text(f"# {TOC_TITLE}\n\n目录\n\n{UNNUMBERED[0]}\n\n{UNNUMBERED[1]}\n\n{parts}\n", encoding="utf-8")
    converted, speech = speech_of(tmp_path / "讲话.md")
    assert sorted(converted.heading_lines) == [9, 13, 17]
    assert outline(speech) == [(1, head) for head in UNNUMBERED]


# --- a PDF's table: its rows, as the layout reader reads them, are kb add's table_lines ---------------------------

PDF_TEXT = "要坚持大抓基层的鲜明导向，持续整顿软弱涣散基层党组织，推动村党组织书记队伍整体优化提升，让每一个基层党组织都成为坚强战斗堡垒。"


def _pdf_with_a_table(path):
    import typst

    source = ('#set page(paper: "a5", numbering: "— 1 —")\n#set text(font: "Noto Serif CJK SC", size: 11pt, lang: "zh")\n'
              "#set par(justify: true)\n在全县基层党建工作推进会上的讲话\n\n同志们：\n\n今年以来，全县基层党建重点任务推进情况如下表。" + PDF_TEXT + "\n\n"
              "#table(columns: 3, [项目], [完成数], [进度], [一、支部标准化建设], [126个], [85%], [二、党员发展], [35名], [70%], [1], [2], [3])\n\n"
              "一、坚持政治引领\n\n" + PDF_TEXT + "\n\n二、抓实基层党建\n\n" + PDF_TEXT + "\n")
    path.write_bytes(typst.compile(source.encode("utf-8")))
    return path


def test_a_pdf_tables_rows_are_body_never_heads_and_nothing_of_them_is_removed(tmp_path):
    from build_kb.config import load_boilerplate, load_overrides
    from build_kb.curate import add_files
    from build_kb.model import SourceFile
    from build_kb.pipeline import make_speech
    from conftest import make_corpus

    corpus = make_corpus(tmp_path / "corpus", {"speeches.yaml": "{}\n"})
    add_files([_pdf_with_a_table(tmp_path / "讲话.pdf")], corpus)
    override = load_overrides(corpus)["讲话.txt"]
    stored = (corpus / "讲话.txt").read_text(encoding="utf-8").split("\n")
    table = override.values["table_lines"]
    assert [stored[n - 1] for n in table] == ["项目　完成数　进度", "一、支部标准化建设　126个　85%", "二、党员发展　35名　70%", "1　2　3"]
    source = SourceFile(path=corpus / "讲话.txt", rel_path="讲话.txt", encoding="utf-8", sha256="", raw=b"", text="\n".join(stored))
    speech = make_speech(source, load_boilerplate(corpus), override, [])
    # the head row and the row of figures were level-1 heads, the speech's own heads level 2 under them
    assert outline(speech) == [(1, "一、坚持政治引领"), (1, "二、抓实基层党建")]
    assert not speech.clean.removed
    kept = [paragraph.text for paragraph in speech.all_paragraphs()]
    assert ["项目 完成数 进度", "一、支部标准化建设 126个 85%", "二、党员发展 35名 70%", "1 2 3"] == kept[2:6]


def test_a_pdf_without_a_table_has_no_table_lines_and_a_journals_table_has_its_three_rows(tmp_path):
    from office_files import write_pdf, write_two_column_pdf

    assert convert_module.convert(write_pdf(tmp_path / "a.pdf")).table_lines == []  # near miss: running text, numbered lines
    converted = convert_module.convert(write_two_column_pdf(tmp_path / "b.pdf"))
    lines = converted.text.split("\n")
    assert [lines[n - 1] for n in converted.table_lines] == ["单位　党员数　支部数", "城关镇　320　12", "河口乡　156　7"]
