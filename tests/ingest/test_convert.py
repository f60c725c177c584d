"""Converting the files curators receive into speech text (`kb add`'s first step)."""

from __future__ import annotations

import shutil

import pytest

from build_kb.ingest.convert import ConversionError, convert, markdown_text, normalise

from office_files import PDF_PARAGRAPH, write_docx, write_pdf, write_saved_page, write_scanned_pdf


def test_docx_keeps_word_numbering_tables_and_footnotes(tmp_path):
    converted = convert(write_docx(tmp_path / "讲话.docx"))
    assert converted.kind == "docx"
    assert converted.text.split("\n\n") == [
        "在全市组织工作会议上的讲话",
        "市委常委、组织部部长　赵明远",
        "（2023年3月8日）",
        "同志们：",
        "这次会议的主要任务是总结去年全市组织工作，部署今年重点任务。",
        "一、坚持政治引领，筑牢对党忠诚的思想根基",
        "（一）强化理论武装",
        "要把学习贯彻党的创新理论作为首要政治任务，引导党员干部坚定拥护“两个确立”、坚决做到“两个维护”。",
        "1.落实第一议题制度",
        "2.开展党员干部集中轮训",
        "二、抓实基层党建，推动基层党组织全面过硬",
        "（一）建强村级党组织",
        "指标　完成情况",
        "发展党员　××名",
        "全年整顿软弱涣散村党组织[1]，*同志要牵头抓好。",
        "关于今年的几项重点工作",
        "要抓好换届后新班子的培训，做好年轻干部的跟踪培养。",
        "同志们，让我们以更加昂扬的精神状态，推动全市组织工作再上新台阶！",
        "注释：",
        "[1] 数据截至2022年底。\n",
    ]
    assert converted.notes == [
        "写出自动编号 6 处", "表格 2 行按行保留", "1 条脚注放在文末",
        "按 Word 标题样式或大纲级别认出小标题 5 个，写入 speeches.yaml 的 heading_lines",
    ]
    lines = converted.text.split("\n")
    assert {lines[n - 1]: level for n, level in converted.heading_lines.items()} == {
        "一、坚持政治引领，筑牢对党忠诚的思想根基": 1, "（一）强化理论武装": 2,
        "二、抓实基层党建，推动基层党组织全面过硬": 1, "（一）建强村级党组织": 2, "关于今年的几项重点工作": 1,
    }


def test_pdf_is_reflowed_without_running_header_and_page_numbers(tmp_path):
    converted = convert(write_pdf(tmp_path / "讲话.pdf"))
    paragraphs = converted.text.rstrip("\n").split("\n\n")
    assert paragraphs[:3] == ["在全市基层党建工作推进会上的讲话", "同志们：", f"1.关于支部建设。{PDF_PARAGRAPH}"]
    assert len(paragraphs) == 22 and all(p.endswith(PDF_PARAGRAPH) for p in paragraphs[2:])
    assert "中共某市委组织部" not in converted.text and "—" not in converted.text
    assert converted.notes == ["共 3 页", "去掉页码 3 处", "去掉页眉页脚 3 行", "62 行接成 22 段"]


def test_scanned_pdf_is_a_clear_error(tmp_path):
    with pytest.raises(ConversionError) as error:
        convert(write_scanned_pdf(tmp_path / "扫描件.pdf"))
    assert str(error.value) == "扫描件.pdf：没有文字层（2 页都是图片，是扫描件）；请先做文字识别（如 WPS 或 ABBYY 的“PDF 转 Word”），再导入识别结果"


def test_saved_web_page_keeps_the_article_not_the_navigation(tmp_path):
    converted = convert(write_saved_page(tmp_path / "page.htm"))
    lines = converted.text.splitlines()
    assert lines[0] == "在全县组织工作会议上的讲话"
    assert "同志们：" in lines and "一、提高政治站位，切实增强做好组织工作的责任感" in lines
    assert "要坚持大抓基层的鲜明导向，推动基层党组织全面进步、全面过硬，××同志要牵头抓好软弱涣散村党组织整顿。" in lines
    for chrome in ("首页", "热门文章", "年度党建工作总结", "相关推荐", "在县委全会上的讲话", "京ICP备"):
        assert chrome not in converted.text
    assert converted.kind == "html"


def test_text_in_chinese_encodings_and_traditional_script(tmp_path):
    text = "在全县组织工作会议上的讲话\r\n\r\n\r\n同志们：  \r\n一、加强党的政治建设。\r\n"
    (tmp_path / "gb.txt").write_bytes(text.encode("gb18030"))
    converted = convert(tmp_path / "gb.txt")
    assert converted.text == "在全县组织工作会议上的讲话\n\n同志们：\n一、加强党的政治建设。\n"
    assert converted.notes == ["按国标（GBK/GB18030）编码读取"]
    (tmp_path / "big5.txt").write_bytes("在全縣組織工作會議上的講話\n同志們：\n一、加強黨的政治建設。\n".encode("big5"))
    # Stored as written: the build converts Traditional script and counts what it changed.
    assert convert(tmp_path / "big5.txt").text == "在全縣組織工作會議上的講話\n同志們：\n一、加強黨的政治建設。\n"


def test_markdown_loses_its_markup_but_not_placeholders():
    assert markdown_text("# 在全县组织工作会议上的讲话\n\n## 一、**加强**政治建设\n\n*同志要抓好，×× 同志配合。\n\n---\n") == (
        "在全县组织工作会议上的讲话\n\n一、加强政治建设\n\n*同志要抓好，×× 同志配合。\n\n"
    )


def test_a_damaged_old_word_file_without_libreoffice_says_what_to_do(tmp_path, monkeypatch):
    (tmp_path / "旧文件.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ConversionError) as error:
        convert(tmp_path / "旧文件.doc")
    assert str(error.value) == (
        "旧文件.doc：是旧版 Office 97-2003/WPS 格式，文件结构已损坏，读不出来；请用 Word 或 WPS 打开它，“另存为”Word 文档（旧文件.docx），再加入 旧文件.docx"
    )


def test_unsupported_and_broken_files(tmp_path):
    (tmp_path / "a.zip").write_bytes(b"PK")
    with pytest.raises(ConversionError, match=r"^a\.zip：不能读取 \.zip 文件；能读的是 \.txt"):
        convert(tmp_path / "a.zip")
    (tmp_path / "b.docx").write_bytes(b"not a zip")
    with pytest.raises(ConversionError) as error:
        convert(tmp_path / "b.docx")
    assert str(error.value) == "b.docx：不是可以读取的 Word 文件；请用 Word 或 WPS 打开后另存为 .docx 再导入"  # no object reprs
    (tmp_path / "d.dotx").write_bytes(b"not a zip")
    with pytest.raises(ConversionError) as error:
        convert(tmp_path / "d.dotx")
    assert str(error.value) == "d.dotx：不是可以读取的 Word 文件；请用 Word 或 WPS 打开后另存为 .docx 再导入"
    (tmp_path / "c.txt").write_text("hello world\n", encoding="utf-8")
    with pytest.raises(ConversionError, match=r"^c\.txt：转换后没有中文文字；请确认它是一篇讲话$"):
        convert(tmp_path / "c.txt")


def test_normalise():
    assert normalise("\ufeff标题\r\n\r\n\r\n正文  \x00\r\n\n\n") == "标题\n\n正文\n"


def test_a_word_file_that_registers_a_part_its_zip_lacks_is_read_whole_and_says_so(tmp_path):
    """Word opens a package whose relationships name a part that is not there (docProps/custom.xml); python-docx
    raised KeyError and the whole document was refused. Read without those registrations; the summary says so."""
    import doctest
    import zipfile

    from build_kb.ingest import convert as convert_module

    finder = doctest.DocTestFinder()
    (examples,) = finder.find(convert_module.without_missing_parts, "without_missing_parts", globs={"without_missing_parts": convert_module.without_missing_parts})
    assert doctest.DocTestRunner().run(examples).failed == 0
    import docx

    document = docx.Document()
    for text in ("在全县组织工作会议上的讲话", "同志们：今天我们召开会议。"):
        document.add_paragraph(text)
    document.save(tmp_path / "ok.docx")
    with zipfile.ZipFile(tmp_path / "ok.docx") as source, zipfile.ZipFile(tmp_path / "a.docx", "w") as broken:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "_rels/.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>')
            broken.writestr(item, data)
    converted = convert(tmp_path / "a.docx")
    assert converted.text == "在全县组织工作会议上的讲话\n\n同志们：今天我们召开会议。\n"
    assert converted.notes[0] == "文件登记的 1 个部件并不在文件里（docProps/custom.xml），略过后读取；正文完整"
    # Without its main part there is nothing to read: still the one-line refusal, no traceback.
    with zipfile.ZipFile(tmp_path / "ok.docx") as source, zipfile.ZipFile(tmp_path / "b.docx", "w") as hollow:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                hollow.writestr(item, source.read(item.filename))
    with pytest.raises(ConversionError) as error:
        convert(tmp_path / "b.docx")
    assert str(error.value) == "b.docx：不是可以读取的 Word 文件；请用 Word 或 WPS 打开后另存为 .docx 再导入"
