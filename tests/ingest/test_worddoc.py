"""Binary Word 97–2003 files (.doc) read without LibreOffice (ingest/worddoc.py), on files the tests write
as Word stores them (tests/office_files.write_word97: an OLE compound file, the FIB, a piece table)."""

from __future__ import annotations

import shutil

import pytest

from build_kb.curate import add_files
from build_kb.ingest.convert import ConversionError, convert
from build_kb.ingest.worddoc import NotWordText, read_word97

from conftest import make_corpus
from office_files import write_word97

SPEECH = (
    "在全县组织工作会议上的讲话\r"
    "县委常委、组织部部长　李明华\r"
    "（2024年3月12日）\r"
    "同志们：\r"
    "这次会议的主要任务是总结去年工作\x02，部署今年任务。\r"
    "\r"
    "一、\x01坚持政治引领\r"
    "要把学习贯彻党的创新理论作为首要政治任务。第\x13 PAGE \\* MERGEFORMAT \x142\x15页\x0b"
    "详见\x13 HYPERLINK \"http://example.org\" \x14县委组织部网站\x15。\r"
    "乡镇\x07党组织数\x07\x07"
    "城关镇\x0728\x07\x07"
    "二、从严管理干部\r"
)


@pytest.fixture(autouse=True)
def no_libreoffice(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)


def test_the_text_is_read_whole_with_fields_as_results_tables_as_rows_and_notes_at_the_end(tmp_path):
    path = write_word97(tmp_path / "讲话.doc", SPEECH, latin_tail="Word 97 text.\r", footnotes="\x02 指2023年。\r")
    read = read_word97(path.read_bytes())
    assert read.paragraphs == [
        "在全县组织工作会议上的讲话",
        "县委常委、组织部部长　李明华",
        "（2024年3月12日）",
        "同志们：",
        "这次会议的主要任务是总结去年工作[1]，部署今年任务。",
        "一、坚持政治引领",
        "要把学习贯彻党的创新理论作为首要政治任务。第2页\n详见县委组织部网站。",
        "乡镇\u3000党组织数",
        "",
        "城关镇\u300028",
        "",
        "二、从严管理干部",
        "Word 97 text.",
        "",
        "注释：",
        "[1] 指2023年。",
    ]
    assert read.counts == {"fields": 2, "a picture's anchor": 1, "notes": 1}


def test_a_cell_of_several_paragraphs_keeps_them_as_lines():
    from build_kb.ingest.worddoc import _lines

    assert _lines("姓名\x07张三\x07\x07意见\x07同意。\r报党委审定。\x07\x07正文\r")[0] == [
        "姓名\u3000张三", "", "意见", "同意。", "报党委审定。", "", "正文",
    ]


def test_kb_add_imports_a_doc_without_libreoffice_and_says_what_it_could_not_read(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", {})
    source = write_word97(tmp_path / "县组织工作会议讲话.doc", SPEECH)
    (result,) = add_files([source], corpus)
    assert (result.status, result.stored_as, result.title, result.date) == (
        "imported", "县组织工作会议讲话.txt", "在全县组织工作会议上的讲话", "2024-03-12"
    )
    assert result.notes == [
        "没有装 LibreOffice，按 Word 97-2003 格式直接读出文字：全文都在，但 Word 自动生成的编号（一、（一）1.）读不出来，请对照原文核对小标题",
        "2 个域（页码、超链接等）只留显示的结果",
        "1 处图片的位置标记略去",
    ]
    stored = (corpus / "县组织工作会议讲话.txt").read_text(encoding="utf-8")
    assert "要把学习贯彻党的创新理论作为首要政治任务。第2页\n详见县委组织部网站。" in stored
    yaml_text = (corpus / "speeches.yaml").read_text(encoding="utf-8")
    assert 'speaker: "李明华"' in yaml_text


def test_a_wps_or_docx_name_holding_a_word97_file_is_read_alike(tmp_path):
    wps = convert(write_word97(tmp_path / "通知.wps", "关于召开组织工作会议的通知\r各乡镇党委：\r定于3月召开会议。\r"))
    assert (wps.kind, wps.text) == ("wps (Word 97-2003)", "关于召开组织工作会议的通知\n\n各乡镇党委：\n\n定于3月召开会议。\n")
    renamed = convert(write_word97(tmp_path / "改名.docx", "关于召开组织工作会议的通知\r"))
    assert renamed.kind == "docx (Word 97-2003)"


@pytest.mark.parametrize("name, options, said", [
    ("加密.doc", {"encrypted": True},
     "加密.doc：是旧版 Office 97-2003/WPS 格式，加了密码，读不出来；请用 Word 或 WPS 打开它，“另存为”Word 文档（加密.docx），再加入 加密.docx"),
    ("九五.doc", {"n_fib": 0x0065},
     "九五.doc：是旧版 Office 97-2003/WPS 格式，版本是更旧的 Word 6.0/95，读不出来；请用 Word 或 WPS 打开它，“另存为”Word 文档（九五.docx），再加入 九五.docx"),
    ("名单.doc", {"stream": "Workbook"},
     "名单.doc：是旧版 Office 97-2003/WPS 格式，里面却不是 Word 文字，而是别的 Office 文件（表格或演示文稿）；请把要加入的文字复制到 Word 或 WPS 文字里，另存为 名单.docx，再加入 名单.docx"),
    ("早期.wps", {"stream": "WpsText"},
     "早期.wps：是旧版 Office 97-2003/WPS 格式，是 WPS 早期的专有格式，读不出来；请用 Word 或 WPS 打开它，“另存为”Word 文档（早期.docx），再加入 早期.docx"),
])
def test_a_word97_file_the_reader_cannot_take_is_refused_in_one_line(tmp_path, name, options, said):
    path = write_word97(tmp_path / name, "讲话\r", **options)
    with pytest.raises(ConversionError) as error:
        convert(path)
    assert str(error.value) == said


def test_a_damaged_piece_table_is_said_not_raised():
    with pytest.raises(NotWordText) as error:
        read_word97(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    assert error.value.reason == "文件结构已损坏，读不出来"


def test_a_piece_table_pointing_outside_the_file_is_said_not_raised(tmp_path):
    import struct

    path = write_word97(tmp_path / "坏.doc", "讲话\r")
    data = bytearray(path.read_bytes())
    at = data.index(b"\x02" + struct.pack("<I", 16))  # the Pcdt: its size says 16 bytes (two cps and one piece)
    data[at + 1 : at + 5] = struct.pack("<I", 0x7FFFFFF0)
    with pytest.raises(NotWordText) as error:
        read_word97(bytes(data))
    assert error.value.reason == "正文的分段表超出了文件，读不出来"


STYLES = [(0, "正文"), (62, "标题"), (1, "Heading 1"), (2, "标题 2"), (4094, "公文一级标题"), (4094, "标题 3")]
"""A style sheet as a Chinese Word saves it: built-ins by their identifier (a localised name or the English
one), an office's own style, and an own style named like a heading."""
OUTLINED = (
    "关于加强新时代基层党建工作的讲话\r同志们：\r"
    "坚持政治引领\r要把党的政治建设摆在首位。\r"
    "强化理论武装\r深入学习贯彻党的创新理论。\r"
    "从严管理干部\r坚持严管和厚爱结合。\r"
    "建好人才队伍\r人才是第一资源。\r"
    "备注：本稿仅供学习\r"
)


def test_heading_styles_and_outline_levels_give_the_headings_and_the_title_style_the_title(tmp_path):
    path = write_word97(
        tmp_path / "讲话.doc", OUTLINED, styles=STYLES,
        paragraph_styles={0: 1, 2: 2, 4: 3, 6: 4, 8: 5, 10: 2},
        outline_levels={6: 0, 10: 9},  # an office style given level 1 by the paragraph; a heading set back to body text
    )
    converted = convert(path)
    assert converted.title == "关于加强新时代基层党建工作的讲话"
    assert converted.headings == [("坚持政治引领", 1), ("强化理论武装", 2), ("从严管理干部", 1), ("建好人才队伍", 3)]
    assert converted.heading_lines == {5: 1, 9: 2, 13: 1, 17: 3}
    assert converted.notes[-1] == "按 Word 标题样式或大纲级别认出小标题 4 个，写入 speeches.yaml 的 heading_lines"


def test_kb_add_writes_a_docs_heading_styles_into_speeches_yaml(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", {})
    source = write_word97(tmp_path / "讲话.doc", OUTLINED, styles=STYLES, paragraph_styles={0: 1, 2: 2, 4: 2, 6: 2, 8: 2})
    (result,) = add_files([source], corpus)
    assert (result.status, result.title) == ("imported", "关于加强新时代基层党建工作的讲话")
    yaml_text = (corpus / "speeches.yaml").read_text(encoding="utf-8")
    assert "heading_lines: {5: 1, 9: 1, 13: 1, 17: 1}" in yaml_text


def test_a_damaged_style_sheet_costs_the_headings_not_the_text(tmp_path):
    import struct

    path = write_word97(tmp_path / "讲话.doc", OUTLINED, styles=STYLES, paragraph_styles={2: 2})
    data = bytearray(path.read_bytes())
    at = data.index(struct.pack("<HHH", 18, len(STYLES), 10))
    data[at + 2 : at + 4] = struct.pack("<H", 0x7FFF)  # 32,767 styles said, six there
    read = read_word97(bytes(data))
    assert (read.headings, read.paragraphs[2], read.counts) == ([], "坚持政治引领", {"unread styles": 1})
