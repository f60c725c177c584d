"""Files added with kb add (session 29, second wave): what the file itself marks — a Markdown file's `#` lines, a
Word file's typed 目录, a PDF table's rows — reaches the text reader as it does for a Word file's styles. The files
are made here (hand-written Markdown, python-docx, the PDFs of tests/office_files.py) with text written for the
tests; each case has near misses that must stay as they are.
"""

from __future__ import annotations

import pytest

from build_kb.ingest import convert as convert_module

from tests.ingest.test_round14_documents import outline, speech_of  # as kb add stores a file, and its outline

from conftest import failed_examples


READERS = [convert_module.markdown_outline]


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
