"""Turn the files curators receive (.docx, .doc/.wps, .pdf, saved web pages, .txt, .md) into speech text.

`kb add` uses this before it stores a file in the corpus: the build itself only reads plain text.
Each converter returns the text as a reader sees it (Word's automatic numbering written out, a PDF's
hard-wrapped lines re-flowed and its running headers and page numbers dropped, a web page's main
text without the navigation) and notes on what it did, so nothing is changed silently.
"""

from __future__ import annotations

import logging
import re
import unicodedata
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KbError
from ..text import HAN_CHAR
from .contents import CONTENTS_LABEL
from .read import decode
from .front import FRONT_MATTER_READERS, contents_copies_of_headings, front_matter_heads
from .wordnum import W, Numbering, parse_numbering

log = logging.getLogger(__name__)

OLD_WORD = (".doc", ".wps", ".dot", ".wpt")
"""Word 97-2003 and WPS 文字 files (and their templates): a binary format, read through LibreOffice when it is there, else by ingest/worddoc.py."""
DOCUMENT_SUFFIXES = (".docx", ".dotx", ".docm", ".dotm", *OLD_WORD, ".pdf")
"""The Word and PDF documents (not web pages, not plain text) a text can be converted from."""
CONVERTIBLE = (".txt", ".text", ".md", ".markdown", *DOCUMENT_SUFFIXES, ".html", ".htm", ".mhtml", ".xhtml")
SAVE_AS_DOCX = "请用 Word 或 WPS 打开它，“另存为”Word 文档（{docx}），再加入 {docx}"
"""What to do with a Word file this tool cannot read: the one thing, naming the file to make."""
COPY_INTO_WORD = "请把要加入的文字复制到 Word 或 WPS 文字里，另存为 {docx}，再加入 {docx}"
"""What to do with an office file that holds no text document (a spreadsheet, slides)."""
OTHER_FORMATS = {
    **dict.fromkeys((".et", ".ett", ".xls", ".xlsx", ".xlsm"), "是表格文件（WPS 表格或 Excel），不是文字文档；" + COPY_INTO_WORD),
    ".ofd": "是 OFD 版式文件，不能直接读取；请用 OFD 阅读器（如数科、福昕）打开它，另存为（或打印为）PDF，再加入那个 .pdf 文件",
    ".rtf": "是 RTF 文件，不能直接读取；" + SAVE_AS_DOCX,
    **dict.fromkeys((".dps", ".ppt", ".pptx"), "是演示文稿，不是文字文档；请把讲话的文字复制到 Word 或 WPS 文字里，另存为 {docx}，再加入 {docx}"),
}
"""Office files that are no text this tool reads, suffix → what the curator does instead ({docx}: the file to make)."""
UNREAD_DOCUMENTS = (".ofd", ".rtf")
"""Text documents among OTHER_FORMATS: `kb add` on a folder lists them too (each refused with what to do), so that
no 公文 saved as OFD is passed over without a word; a folder's spreadsheets and slides are no speech and are not."""
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"
"""The first bytes of a binary Office file (Word 97-2003 .doc, WPS .wps, Excel .xls)."""


class ConversionError(KbError):
    def __init__(self, name: str, message: str):
        super().__init__(f"{name}：{message}")
        self.reason = message
        """The message without the file's name, for a list that names the file already."""


@dataclass
class Converted:
    text: str
    kind: str
    """What the file was read as: docx, pdf, html, text, markdown, doc (via LibreOffice)."""
    notes: list[str] = field(default_factory=list)
    """What the conversion did, for the import summary: labels restored, lines dropped …"""
    headings: list[tuple[str, int]] = field(default_factory=list)
    """Paragraphs the document marks as headings (Word heading styles, outline levels): (text, level 1–3)."""
    heading_lines: dict[int, int] = field(default_factory=dict)
    """The same as line numbers of the stored text → level (for speeches.yaml's heading_lines)."""
    title: str | None = None
    """The title the document itself marks (Word's Title style, or a first line centred and set
    larger than the text); kb add proposes it in speeches.yaml."""
    year: int | None = None
    """The year the file gives outside its text, when no full date (a PDF cover's 二〇二六年五月)."""
    month: int | None = None
    """The month beside that year, when the cover gives one (二〇二六年五月 → 5)."""
    title_by: str | None = None
    """Which of the document's marks gave the title (a rule name of build_kb/explain.py: the Word
    Title style, a lone first heading centred, the line the page header repeats, a PDF's largest
    type …): kb add says it beside the title."""
    date: str | None = None
    """The date the file itself records outside its text (a web page's article:published_time,
    <time>, 发布时间 as trafilatura reads them): kb add proposes it when the text gives none."""
    table_texts: list[str] = field(default_factory=list)
    """The lines read from the document's own tables (a Word table's rows and cells), in order."""
    table_lines: list[int] = field(default_factory=list)
    """The same as line numbers of the stored text (for speeches.yaml's table_lines): body unless clearly otherwise."""


ENCODING_NAMES = {"gb18030": "国标（GBK/GB18030）", "big5": "繁体 Big5", "utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16"}
"""A text file's encoding as kb add names it to a curator (Notepad and WPS call GB18030 国标 or GBK): the names
decode() returns, in words an office knows."""


def _read_as(encoding: str) -> str:
    """kb add's note on a text file's encoding: 按国标（GBK/GB18030）编码读取, 按 UTF-16 编码读取."""
    name = ENCODING_NAMES.get(encoding, encoding.upper())
    return f"按 {name} 编码读取" if name[0].isascii() else f"按{name}编码读取"


def convert(path: Path) -> Converted:
    """The speech text of one file, by its type; ConversionError when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix in OTHER_FORMATS:
        raise ConversionError(path.name, OTHER_FORMATS[suffix].format(docx=path.stem + ".docx"))
    if suffix not in CONVERTIBLE:
        raise ConversionError(path.name, f"不能读取{f' {suffix} ' if suffix else '没有扩展名的'}文件；能读的是 {' '.join(CONVERTIBLE)}")
    data = path.read_bytes()
    image = image_kind(data)
    if image:
        raise ConversionError(
            path.name,
            f"这是一张图片（{image}），不是 {suffix} 文件；请先做文字识别（如 WPS 的“图片转文字”），把结果另存为 .docx 或 .txt 再加入",
        )
    if suffix in OLD_WORD or (suffix in (".docx", *WORD_PACKAGES) and data.startswith(OLE_SIGNATURE)):
        converted = old_word_text(path, data)
    elif suffix == ".docx":
        converted = docx_text(data, path.name)
    elif suffix in WORD_PACKAGES:
        converted = docx_text(_repackaged(data, path.name), path.name)
        converted.kind = suffix.lstrip(".")
    elif suffix == ".pdf":
        converted = pdf_text(data, path.name)
    elif suffix in (".html", ".htm", ".xhtml", ".mhtml"):
        converted = html_text(data, path.name)
    else:
        text, encoding = decode(data, path.name)
        converted = markdown_document(text, [_read_as(encoding)]) if suffix in (".md", ".markdown") else Converted(text, "text", [_read_as(encoding)])
    converted.text = normalise(converted.text)
    converted.headings = levels_by_their_numbers(converted.headings)
    addressed = [text for text, _ in converted.headings if addresses_the_audience(text)]
    if addressed:
        # 同志们，新征程上任务艰巨 set in bold like the heads: the speaker turning to the hall, no part of the outline
        converted.headings = [(text, level) for text, level in converted.headings if not addresses_the_audience(text)]
        for text in addressed:
            log.info("%s：“%s”是对听众说的话，不作小标题", path.name, text)
        converted.notes.append(f"{len(addressed)} 行对听众说的话（同志们，……）不作小标题：" + "、".join(f"“{text}”" for text in addressed))
    converted.heading_lines = _locate(converted.headings, converted.text)
    converted.table_lines = sorted(_locate([(text, 0) for text in converted.table_texts], converted.text))
    # (a web page's headings are its own tags: a 目录 copied over its chapters is the contents reader's)
    copies = contents_copies_of_headings(converted.heading_lines, converted.text) if converted.kind not in ("html", "text") else {}
    if copies:
        # a typed 目录's entries say the headings' words first: the heading is the line further on (ingest/front.py)
        lines = converted.text.split("\n")
        for entry, heading in copies.items():
            converted.heading_lines[heading] = converted.heading_lines.pop(entry)
            log.info("%s：第 %d 行“%s”是目录的条目，小标题是第 %d 行", path.name, entry, lines[entry - 1], heading)
        converted.heading_lines = dict(sorted(converted.heading_lines.items()))
        converted.notes.append(f"目录里与小标题同文的 {len(copies)} 行不作小标题，小标题取正文里的那一行")
    front = front_matter_heads(converted.heading_lines, converted.text) if converted.kind not in ("html", "text", "markdown") else {}
    if front:
        # A declaration to sign, a list of figures before the first chapter: no parts of the text (ingest/front.py).
        lines = converted.text.split("\n")
        for line, reader in front.items():
            del converted.heading_lines[line]
            log.info("%s：第 %d 行“%s”不作小标题（%s）", path.name, line, lines[line - 1], FRONT_MATTER_READERS[reader])
        converted.headings = [(lines[line - 1], level) for line, level in sorted(converted.heading_lines.items())]
        converted.notes.append(f"{len(front)} 个前置、后附部分的标题（声明、图表目录等）不作小标题：" + "、".join(f"“{lines[line - 1]}”" for line in sorted(front)))
    if not re.search(r"[\u4e00-\u9fff]", converted.text):
        raise ConversionError(path.name, "转换后没有中文文字；请确认它是一篇讲话")
    foreign = in_another_language(converted.text) if converted.kind not in ("html", "pdf") else None
    if foreign:
        raise ConversionError(path.name, f"转换后几乎都是外文：汉字只有 {foreign[0]} 个，外文词有 {foreign[1]:,} 个；导入的应是中文讲话稿")
    return converted


_ADDRESSING = re.compile(r"^(?:(?:尊敬|亲爱|敬爱)的)?(?:各位[\u4e00-\u9fff]{0,8}|同志们|同事们|朋友们|同学们|老师们|青年朋友们|党员同志们)[，,！!：:、]")


def addresses_the_audience(text: str) -> bool:
    """A line that opens by turning to the audience (同志们，…, 各位代表：, 亲爱的同学们！): the speaker's words to the hall,
    however a document sets them (bold, large like the heads), never a heading.

    >>> [addresses_the_audience(t) for t in ("同志们，新征程上任务艰巨", "同志们：", "各位代表、同志们！", "坚持政治引领", "同志们的期盼")]
    [True, True, True, False, False]
    """
    return bool(_ADDRESSING.match(text.strip()))


_DECIMAL_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,2})(?:[\s\u3000]+|(?=[\u4e00-\u9fff]))")


def levels_by_their_numbers(headings: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Headings a document's type gave one level (a journal sets `1　引言` and `2.1　样本选取` alike) that its numbers
    say are nested: `N.N` under the `N` it names is one level down, `N.N.N` two (three levels at most). Only where
    the parent `N` is among the headings; a `2.1` with no `2` above it keeps its level. Full-width figures count
    (`２.１`).

    >>> levels_by_their_numbers([("１　引言", 1), ("２　研究设计", 1), ("２.１　样本选取", 1), ("２.１.１ 问卷", 1), ("３　结论", 1)])
    [('１　引言', 1), ('２　研究设计', 1), ('２.１　样本选取', 2), ('２.１.１ 问卷', 3), ('３　结论', 1)]
    >>> levels_by_their_numbers([("2.1 设计原则", 1), ("2.2 实现", 1)])
    [('2.1 设计原则', 1), ('2.2 实现', 1)]
    """
    numbers = [m.group(1) if (m := _DECIMAL_NUMBER.match(unicodedata.normalize("NFKC", text))) else None for text, _ in headings]
    found = []
    for (text, level), number in zip(headings, numbers):
        if number and "." in number:
            parents = [(k, number.rsplit(".", 1)[0]) for k in range(len(found))]
            parent = next((found[k][1] for k, name in reversed(parents) if numbers[k] == name and headings[k][1] == level), None)
            if parent is not None:
                level = min(3, parent + 1)
        found.append((text, level))
    return found


IMAGE_SIGNATURES = ((b"\xff\xd8\xff", "JPEG"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"), (b"BM", "BMP"), (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"))


def image_kind(data: bytes) -> str | None:
    """JPEG, PNG, GIF, BMP, TIFF or WEBP when the bytes are a picture, whatever the file is called
    (a photographed page renamed .pdf or .docx): the curator is told it is an image."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return next((kind for signature, kind in IMAGE_SIGNATURES if data.startswith(signature) and (kind != "BMP" or len(data) > 14 and data[6:10] == b"\0\0\0\0")), None)


def _repackaged(data: bytes, name: str) -> bytes:
    import zipfile

    try:
        return as_docx(data)
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError):
        raise ConversionError(name, "不是可以读取的 Word 文件；请用 Word 或 WPS 打开后另存为 .docx 再导入") from None


def _locate(headings: list[tuple[str, int]], text: str) -> dict[int, int]:
    """Line numbers of the headings in the final text (found in order, so repeated words are no trouble)."""
    found, start = {}, 0
    lines = text.split("\n")
    for heading, level in headings:
        for number in range(start, len(lines)):
            if lines[number] == heading:
                found[number + 1] = level
                start = number + 1
                break
    return found


def normalise(text: str) -> str:
    """UTF-8-ready text with \\n line ends, no trailing spaces, at most one blank line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").replace("\ufeff", "")
    lines = [line.rstrip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


# --- Word ----------------------------------------------------------------------------------------

HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


TITLE_STYLE = re.compile(r"^(?:title|标题|文档标题)$", re.IGNORECASE)
STYLE_HEADINGS_NOTE = "按 Word 标题样式或大纲级别认出小标题 {n} 个，写入 speeches.yaml 的 heading_lines"
"""kb add's note on the headings a Word file's styles gave, a .docx's or a binary .doc's alike."""
WORD_PACKAGES = {
    ".dotx": "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    ".docm": "application/vnd.ms-word.document.macroEnabled.main+xml",
    ".dotm": "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def as_docx(data: bytes) -> bytes:
    """A Word template or macro document (.dotx, .docm, .dotm) as a .docx: the same package with the
    main part declared as a document (its text is the same; macros are never run)."""
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                text = content.decode("utf-8")
                for kind in WORD_PACKAGES.values():
                    text = text.replace(kind, DOCX_MAIN)
                content = text.encode("utf-8")
            target.writestr(item, content)
    return out.getvalue()


def without_missing_parts(data: bytes) -> tuple[bytes, list[str]]:
    """The package again without the relationships and content-type overrides that name parts its zip does not
    hold, and the names of those parts (sorted). External targets (links) are not parts and stay.

    >>> import io, zipfile
    >>> out = io.BytesIO()
    >>> with zipfile.ZipFile(out, "w") as z:
    ...     z.writestr("_rels/.rels", '<Relationships xmlns="x"><Relationship Id="a" Target="word/document.xml"/>'
    ...                '<Relationship Id="b" Target="docProps/custom.xml"/></Relationships>')
    ...     z.writestr("word/document.xml", "<w/>")
    >>> repaired, missing = without_missing_parts(out.getvalue())
    >>> missing, b"custom.xml" in zipfile.ZipFile(io.BytesIO(repaired)).read("_rels/.rels")
    (['docProps/custom.xml'], False)
    """
    import io
    import posixpath
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    names = set(source.namelist())
    relationship = re.compile(r"<Relationship\b[^>]*?/>")

    def missing_part(rels_name: str, element: str) -> str | None:
        target = re.search(r'Target="([^"]*)"', element)
        if not target or 'TargetMode="External"' in element:
            return None
        base = posixpath.dirname(posixpath.dirname(rels_name))  # word/_rels/document.xml.rels → word
        part = target.group(1).lstrip("/") if target.group(1).startswith("/") else posixpath.normpath(posixpath.join(base, target.group(1)))
        return None if part in names else part

    rels = {name: source.read(name).decode("utf-8") for name in names if name.endswith(".rels")}
    missing = {part for name, text in rels.items() for element in relationship.findall(text) if (part := missing_part(name, element))}
    if not missing:
        return data, []
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename in rels:
                content = relationship.sub(lambda m: "" if missing_part(item.filename, m.group(0)) else m.group(0), rels[item.filename]).encode("utf-8")
            elif item.filename == "[Content_Types].xml":  # the overrides for the parts not there go too
                override = r'<Override\b[^>]*PartName="/([^"]*)"[^>]*/>'
                content = re.sub(override, lambda m: "" if m.group(1) in missing else m.group(0), content.decode("utf-8")).encode("utf-8")
            target.writestr(item, content)
    return out.getvalue(), sorted(missing)


WORD_COUNTS = {
    "blank fields": "去掉未填写的表单域 {n} 个（模板里的“点击此处…”）",
    "alt chunks": "嵌入的网页或文本块 {n} 个（altChunk，办公系统导出的 Word 常见）按网页读出，放回原处",
    "unfilled controls": "去掉还显示提示文字的内容控件 {n} 个（模板里的“单击或点击此处输入文字”）",
    "contents controls": "去掉 Word 自动生成的目录 {n} 个",
    "labels": "写出自动编号 {n} 处",
    "soft breaks": "段落里的软回车（Shift+Enter）{n} 处按换行读",
    "rows": "表格 {n} 行按行保留",
    "cell paragraphs": "表格单元格里的 {n} 段各成一段",
    "credit lines": "去掉文末居中或靠右的署名栏 {n} 行（来源、文字、审核之类）",
    "lone list marks": "去掉单独成段的项目符号 {n} 个（“*”“•”之类，下一段才是那一项）",
}
"""What reading a Word file counted (docx_text), kind → the import summary's note, in the order they are told."""


LONE_LIST_MARK = re.compile(r"[*•·●○◆◇■□▪▫►▶➢➤✦❖◎]")
"""A paragraph that is nothing but one list mark (`*`, `•`): the mark of the item in the next paragraph. Not a
dash (—— alone may stand for a blank) nor a row of marks (* * * parts a text)."""


def docx_text(data: bytes, name: str) -> Converted:
    """Paragraphs and tables in document order, with Word's numbering labels, footnotes and endnotes.

    A table row of short single-paragraph cells is one line (cells apart); any other cell's paragraphs
    are paragraphs of their own, with their numbering; a table inside a cell is read once, in its place.
    """
    import io
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    missing: list[str] = []
    try:
        document = docx.Document(io.BytesIO(data))
    except KeyError:
        # A package that registers a part its zip lacks (docProps/custom.xml, customXml/item1.xml): Word opens
        # it, python-docx does not. The text is whole: read it without the registrations of what is not there.
        repaired, missing = without_missing_parts(data)
        try:
            document = docx.Document(io.BytesIO(repaired)) if missing else None
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
            document = None
        if document is None:
            raise ConversionError(name, "不是可以读取的 Word 文件；请用 Word 或 WPS 打开后另存为 .docx 再导入") from None
        log.info("%s：文件登记了却缺少的部件，略过后读取：%s", name, "、".join(missing))
    except (PackageNotFoundError, zipfile.BadZipFile, ValueError):
        raise ConversionError(name, "不是可以读取的 Word 文件；请用 Word 或 WPS 打开后另存为 .docx 再导入") from None
    numbering = Numbering(parse_numbering(_numbering_root(document)))
    styles = _style_numbering(document)
    outline_levels = _style_outline_levels(document)
    title_styles = _title_styles(document)
    contents_styles = _contents_styles(document)
    contents_field = _in_contents_field(document.element.body)
    contents: list[tuple[str, int]] = []
    """Word's table of contents (a TOC field's result, or paragraphs in its toc styles): (entry, level)."""
    headings: list[tuple[str, int]] = []
    notes_text = {**_notes(document, "footnotes", "footnote"), **_notes(document, "endnotes", "endnote")}
    lines: list[str] = []
    cited: list[tuple[str, str]] = []
    counts = Counter()
    title: list[str] = []
    first_heading = None
    """The first paragraph of the text when it is in a heading style."""

    def paragraph(block) -> str:
        text = _paragraph_text(block, notes_text, cited)
        if text.strip() and text.strip() in _unfilled_defaults(block):
            # A template's form field still showing its default (点击此处添加…): the blank, not text.
            counts["blank fields"] += 1
            log.info("%s：去掉未填写的表单域：%s", name, text.strip())
            return ""
        if LONE_LIST_MARK.fullmatch(text.strip()):
            # A list's mark typed as a paragraph of its own over its item (a bullet on its own line): no paragraph.
            counts["lone list marks"] += 1
            log.info("%s：去掉单独成段的项目符号：%s", name, text.strip())
            return ""
        num_id, ilvl = _numbering_of(block, styles)
        label = numbering.label(num_id, ilvl) if num_id else ""
        if label and text.strip():
            counts["labels"] += 1
            text = label + text.lstrip()
        if "\n" in text.strip():
            # Lines held in one paragraph by soft breaks (a 公函 typed as three paragraphs): each line is
            # the text's, a break between two breaks a paragraph's end — but a line that stops at a comma
            # goes on in the next (a sentence broken by Shift+Enter).
            counts["soft breaks"] += text.strip().count("\n")
            return soft_broken_lines(text)
        return text.strip()

    in_tables: list[str] = []
    """The lines the tables gave, in order: the document's own table (Converted.table_texts)."""

    def cell_lines(cell: list) -> None:
        for child in cell:
            if child.tag == f"{W}tbl":
                table(child)
            else:
                text = paragraph(child)
                if text:
                    lines.append(text)
                    in_tables.extend(part.strip() for part in text.split("\n") if part.strip())
                    counts["cell paragraphs"] += 1

    def table(block) -> None:
        start, layout = len(in_tables), False
        beside: dict[int, list] = {}
        """Cells merged down over several rows right of the first column (a joint 版头's 文件 beside the
        issuers' names): read once, after the rows they stand beside."""
        for row in _blocks(block, (f"{W}tr",), counts):
            tcs = list(_blocks(row, (f"{W}tc",), counts))
            merges = [_merged_down(tc) for tc in tcs]
            for column in [c for c in beside if c >= len(merges) or merges[c] != "continue"]:
                cell_lines(beside.pop(column))
            cells = []
            for column, (tc, merge) in enumerate(zip(tcs, merges)):
                content = list(_blocks(tc, (f"{W}p", f"{W}tbl"), counts))
                if merge == "restart" and column > 0:
                    beside[column] = content
                elif merge != "continue":
                    cells.append(content)
                paragraphs = [c for c in content if c.tag == f"{W}p" and _plain_text(c).strip()]
                layout = layout or len(paragraphs) >= 2 and sum(len(_plain_text(c).strip()) for c in paragraphs) > LAYOUT_CELL_TEXT
            simple = [c[0] for c in cells if len(c) == 1 and c[0].tag == f"{W}p"] if all(len(c) <= 1 for c in cells) else []
            texts = [_one_line(paragraph(p)) for p in simple]
            if len(simple) == len(cells) and all(len(t) <= 30 for t in texts):
                if any(texts):
                    lines.append("　".join(t for t in texts if t))
                    in_tables.append(lines[-1])
                    counts["rows"] += 1
                continue
            for cell in cells:
                cell_lines(cell)
        for column in sorted(beside):
            cell_lines(beside.pop(column))
        lines.append("")
        if layout:
            # A cell holding a long text in paragraphs lays the page out (a whole speech typed in a table): its
            # lines, and those of every table in it, are the text's, read as any paragraph is — not a table's cells.
            del in_tables[start:]

    items: list[tuple[str, str, int]] = []
    """The text's list items outside tables: (text, list id, level)."""
    body: set[int] = set()
    """Where in `lines` the plain paragraphs of the text stand (no heading, title or table cell): what
    a PDF converted to Word may hold one printed line each of."""
    for block in _blocks(document.element.body, (f"{W}p", f"{W}tbl", f"{W}altChunk"), counts):
        if block.tag == f"{W}p" and (block in contents_field or _style_of(block) in contents_styles):
            text = _one_line(_paragraph_text(block, notes_text, []))
            label = next((k for k in range(len(lines) - 1, -1, -1) if lines[k]), None)
            if not contents and label is not None and CONTENTS_LABEL.match(re.sub(r"\s+", "", lines[label])):
                log.info("%s：去掉（table-of-contents）：%s", name, lines.pop(label))  # the 目录 over the field
                body.discard(label)
            if text:
                contents.append((text, contents_styles.get(_style_of(block), 1)))
                log.info("%s：去掉（table-of-contents）：%s", name, text)
            continue
        if block.tag == f"{W}p":
            text = paragraph(block)
            level = _heading_level(block, outline_levels)
            if level or _style_of(block) in title_styles:
                text = _one_line(text)
            if text and _style_of(block) in title_styles and not headings and len(title) < 3:
                title.append(text)  # the Title style says it, whatever outline level the style carries
            elif level and text and _date_alone(text):
                counts["dated outline"] += 1  # a cover's date given an outline level (for the navigation pane) is no section
            elif level and text:
                headings.append((text, level))
                if first_heading is None and not any(lines):
                    first_heading = block
            elif text:
                num_id, ilvl = _numbering_of(block, styles)
                if num_id:
                    items.append((text, num_id, ilvl))
            if text and not level and _style_of(block) not in title_styles:
                body.add(len(lines))
            lines.append(text)
        elif block.tag == f"{W}tbl":
            table(block)
        elif block.tag == f"{W}altChunk":
            lines += _alt_chunk_lines(document, block, name, counts)
    credits = credits_at_the_end(document)
    for text in reversed(credits):
        while lines and not lines[-1].strip():
            lines.pop()
        if lines and lines[-1].strip() == text:
            log.info("%s：去掉（credit-lines）：%s", name, lines.pop())
            body.discard(len(lines))
            counts["credit lines"] += 1
    lines, reflowed = reflow_printed_lines(lines, body)
    for reason, text in reflowed.dropped:
        log.info("%s：去掉（%s）：%s", name, reason, text)
    notes = reflowed.notes()
    if not contents:
        lines, contents = _typed_contents(lines, name)
    if contents:
        notes.append(f"去掉目录 {len(contents)} 行")
    if missing:
        notes.append(f"文件登记的 {len(missing)} 个部件并不在文件里（{'、'.join(missing)}），略过后读取；正文完整")
    notes += [note.format(n=counts[kind]) for kind, note in WORD_COUNTS.items() if counts[kind]]
    if cited:
        lines += ["", "注释："] + [f"[{k}] {notes_text[key]}" for k, key in enumerate(cited, 1)]
        kinds = Counter(kind for kind, _ in cited)
        notes.append("、".join(f"{n} 条{'脚注' if kind == 'footnote' else '尾注'}" for kind, n in sorted(kinds.items())) + "放在文末")
    lone = _lone_first_heading(document, first_heading, headings) if not title and first_heading is not None else None
    title_by = TITLE_BY_WORD_STYLE if title else None
    if lone:
        title_by = TITLE_BY_LONE_HEADING[lone]
        title.append(headings.pop(0)[0])
        title += _wrapped_title_lines(document, first_heading) if lone == "居中" else []
        notes.append(f"首行“{title[0]}”是全文唯一的这一级标题（{lone}）：作为题目，不作小标题")
        following = next((line for line in lines[1:] if line), None)
        if headings and headings[0][0] == following and all(level > headings[0][1] for _, level in headings[1:]):
            notes.append(f"题目下的“{headings.pop(0)[0]}”是副题，不作小标题")
    outline = _list_outline(items)
    if outline and not any(level == 1 for _, level in headings):
        headings = sorted(headings + [(text, 1) for text in outline], key=lambda h: lines.index(h[0]))
        notes.append(f"多级列表的第一级 {len(outline)} 项（各自下面有下一级）作为小标题")
    listed = [] if headings else _named_by_contents(contents, lines)
    if listed:
        headings = listed
        notes.append(f"目录列出、正文里又单独成段的 {len(listed)} 行按目录的顺序作为小标题，写入 speeches.yaml 的 heading_lines")
    formatted = [] if headings else _formatted_subheads(document, title)
    if formatted:
        headings = formatted
        notes.append(f"按直接格式（加粗、字号，几段一样、各自下面有正文）认出小标题 {len(formatted)} 个，写入 speeches.yaml 的 heading_lines")
    if headings and not formatted:
        notes.append(STYLE_HEADINGS_NOTE.format(n=len(headings)))
    if counts["dated outline"]:
        notes.append(f"只是日期的 {counts['dated outline']} 段虽有大纲级别，不作小标题")
    converted = Converted("\n".join(_paragraph_breaks(lines)), "docx", notes, headings=headings, table_texts=in_tables)
    running = _running_title(document, lines)
    if running and not title:
        notes.append(f"页眉重复的“{running}”作为题目")
    on_cover = None if title or running else cover_field_title(lines)
    if on_cover:
        notes.append(f"封面“题目”一栏写的“{on_cover}”在正文前又单独成行：作为题目")
    centred = None if title or running or on_cover else _centred_title(document, title_styles)
    converted.title = "".join(title) or running or on_cover or centred
    converted.title_by = (
        title_by if title else TITLE_BY_RUNNING_HEADER if running else TITLE_BY_COVER_FIELD if on_cover else TITLE_BY_CENTRED_LARGE if centred else None
    )
    converted.date = _header_date(document)
    if not converted.date:
        converted.date, converted.year = _cover_date(lines)
        if converted.year and not converted.date:
            from .pdf import cover_month

            converted.month = cover_month([line for line in lines if line.strip()][:COVER_LINES], converted.year)
    return converted


@dataclass
class Reflowed:
    """What reflow_printed_lines did: the measure it found, the lines it joined and dropped."""

    measure: int | None = None
    joined: int = 0
    dropped: list[tuple[str, str]] = field(default_factory=list)
    """(reason, text): page-number, table-of-contents, rule-line."""

    def notes(self) -> list[str]:
        if self.measure is None:
            return []
        said = Counter(reason for reason, _ in self.dropped)
        parts = [f"接回折行 {self.joined} 处"] + [f"{PRINTED_DROPS[reason]} {said[reason]} {'处' if reason == 'page-number' else '行'}" for reason in PRINTED_DROPS if said[reason]]
        # (no brackets: kb add's summary sets the notes in brackets)
        return [f"由 PDF 转成的 Word，每段只是印刷页上的一行，每行约 {self.measure} 字：" + "，".join(parts)]


PRINTED_DROPS = {"page-number": "去掉页码", "table-of-contents": "去掉目录", "rule-line": "去掉分隔线"}
PRINTED_LINES_MIN = 20
"""A Word file is read as printed lines only when this many of its paragraphs stand at one measure ..."""
PRINTED_LINES_SHARE = 0.1
"""... and they are at least this share of its paragraphs (the rest: headings, short lines, last lines)."""
PRINTED_OPEN_SHARE = 0.6
"""Of the paragraphs at the measure, at least this share end mid-sentence (a real paragraph ends with its stop)."""
PRINTED_LONGER_SHARE = 0.1
"""At most this share of the paragraphs is longer than the measure (real paragraphs are longer than a line)."""
PRINTED_MEASURE_MIN = 15
INDENT_ROOM = 2
"""A paragraph's first line is indented by up to this many characters: it is full that much short of the measure."""
CONTENTS_LEADER = re.compile(r"^\S.{0,60}?(?:[.·⋅…．_][\s　]*){6,}(?:\d{1,4}|[IVXLC]{1,6}|[（(][^）)]{1,4}[）)])?$")
"""A table of contents' line in a converted file: an entry and its dot leader, the page number
after it or lost to a tab (`第一部分 考试能力测评………1`, `第三部分 思维脑图……（插页）`)."""


def printed_measure(lines: list[str]) -> int | None:
    """The measure (in Chinese characters) of the printed page a Word file was converted from, when
    it holds one paragraph per printed line (a PDF saved as Word), else None. The shape tells: many
    paragraphs of one width (±1), most of them ending mid-sentence, few longer than that width.

    >>> printed_measure(["这是一行印刷出来的文字，它在这里被截断了"] * 20 + ["下一行。"] * 5)
    20
    >>> printed_measure(["一段完整的话，写到句号为止。"] * 30) is None
    True
    """
    from .layout import _width

    texts = [text for text in lines if text]
    widths = Counter(_width(text) for text in texts)
    band = lambda w: widths[w - 1] + widths[w] + widths[w + 1]  # noqa: E731
    candidates = [w for w in widths if w >= PRINTED_MEASURE_MIN]
    if not candidates:
        return None
    measure = max(candidates, key=lambda w: (band(w), widths[w], w))
    at_measure = [text for text in texts if abs(_width(text) - measure) <= 1]
    open_ended = sum(not _ENDS_A_LINE.search(text) for text in at_measure)
    longer = sum(_width(text) > measure + 1 for text in texts)
    if (len(at_measure) < max(PRINTED_LINES_MIN, PRINTED_LINES_SHARE * len(texts)) or open_ended < PRINTED_OPEN_SHARE * len(at_measure)
            or longer > PRINTED_LONGER_SHARE * len(texts)):
        return None
    return measure


_ENDS_A_LINE = re.compile(r"[。！？!?；;：:…][”’」』）)】]*$")
"""A sentence's or a clause's end (a closing quotation mark or bracket alone may stand mid-sentence: `“习”`)."""


def reflow_printed_lines(lines: list[str], body: set[int]) -> tuple[list[str], Reflowed]:
    """A Word file converted from a PDF, one paragraph per printed line (printed_measure), read as the
    PDF reader reads the page: a line cut at the measure mid-sentence goes on in the next paragraph
    (not a heading's or an item's number, not a bullet), the page numbers between them, the table of
    contents' dotted lines and the separator lines (`·········`, `=====`) dropped and counted. Only
    the text's plain paragraphs (`body`: indexes into `lines`) are read so; a table, a heading or a
    blank line ends a paragraph. Other files are returned as they are.

    >>> cut = "这是一行印刷出来的文字，它在这里被截断了"
    >>> lines, done = reflow_printed_lines([cut] * 20 + ["12", "下一行。", "二、下一部分"], set(range(23)))
    >>> lines == [cut * 20 + "下一行。", "二、下一部分"], done.joined, done.dropped
    (True, 20, [('page-number', '12')])
    """
    from .layout import _STARTS_NEW, _width
    from .pdf import BULLET, PAGE_NUMBER, RULE_LINE

    done = Reflowed(measure=printed_measure([lines[k] for k in sorted(body)]))
    if done.measure is None:
        return lines, done
    out: list[str] = []
    open_at: int | None = None
    """Where in `out` the paragraph stands that the last printed line left open (cut at the measure)."""
    for k, text in enumerate(lines):
        reason = None
        if k in body:
            # (a page number here has figures: a lone C or I is a quiz's answer, no roman page number; a
            # lone （2） is an item's label the converter set apart)
            reason = ("page-number" if PAGE_NUMBER.match(text) and re.search(r"\d", text) and text[0] not in "(（" else "rule-line" if RULE_LINE.match(text)
                      else "table-of-contents" if CONTENTS_LEADER.match(text) else None)
        if reason:
            done.dropped.append((reason, text))
            continue  # (a paragraph goes on over its page's number)
        if k in body and open_at is not None and not (_STARTS_NEW.match(text) or BULLET.match(text)):
            out[open_at] += text
            done.joined += 1
        else:
            out.append(text)
        cut = k in body and done.measure - 1 - INDENT_ROOM <= _width(text) <= done.measure + 1 and not _ENDS_A_LINE.search(text)
        open_at = len(out) - 1 if cut else None
    return out, done


TITLE_BY_WORD_STYLE = "title marked by the document: Word's Title style"
TITLE_BY_LONE_HEADING = {
    "居中": "title marked by the document: its first heading, alone at its level and centred",
    "字号大于正文": "title marked by the document: its first heading, alone at its level and set larger than the text",
    "全文只有这一段用标题样式": "title marked by the document: its first paragraph, the only one in a heading style",
}
TITLE_BY_RUNNING_HEADER = "title marked by the document: the line its page header repeats"
TITLE_BY_CENTRED_LARGE = "title marked by the document: its first lines, centred and set larger than the text"
TITLE_BY_COVER_FIELD = "title marked by the document: its cover's 题目 field, given again on a line of its own"
TITLE_BY_PDF_METADATA = "title marked by the document: the PDF's metadata title, said on its first page"
TITLE_BY_PDF_LARGEST = "title marked by the document: the largest type on the PDF's first page"
TITLE_BY_PDF_COVER_FIELD = "title marked by the document: the 题目 field of the PDF's cover form"
TITLE_BY_PDF_UNDER_SERIES = "title marked by the document: the large type under the line every page header repeats"
TITLE_BY_PAGE_HEADLINE = "title marked by the document: the page's headline (its h1, og:title or <title>)"
TITLE_BY_MARKDOWN_TOP = "title marked by the document: a Markdown file's first line, a heading alone at its depth of #"
"""Which evidence gave a document's own title (kb add writes it beside the title; explain.py in Chinese)."""


_COVER_TITLE_FIELD = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:题[ \u3000]*目|标[ \u3000]*题|题[ \u3000]*名)[ \u3000]*[:：][ \u3000]*(\S.{1,58})$")
"""A cover's title field, label and value in one row: `论文题目：　踔厉奋发 勇毅前行`, `报告标题：…`."""


def cover_field_title(lines: list[str]) -> str | None:
    """The title a cover's form gives (`论文题目：　某某`, a course paper's or a report's cover page) when
    the text gives it again on a line of its own further down, where the paper begins: that line is the
    title, not the cover's first large line (a course name) → the line as the text gives it."""
    for k, line in enumerate(lines[:COVER_LINES]):
        m = _COVER_TITLE_FIELD.match(line.strip())
        if not m:
            continue
        value = re.sub(r"\s+", "", m.group(1))
        again = next((later.strip() for later in lines[k + 1 :] if later.strip() and re.sub(r"\s+", "", later) == value), None)
        if again:
            return again
    return None


COVER_LINES = 15
"""A cover's lines: the first lines of the text where a date on a line of its own is the document's."""


def _date_alone(text: str) -> bool:
    """A full date or a year and month, and nothing else (`2015年6月`, `二〇二三年五月八日`)."""
    from .pdf import cover_date

    return cover_date([text]) != (None, None)


def _cover_date(lines: list[str]) -> tuple[str | None, int | None]:
    """The date a cover gives on a line of its own among the text's first lines (a thesis's `2015年6月`
    gives its year), as a PDF's first page does; kb add proposes it when the text gives none."""
    from .pdf import cover_date

    return cover_date([line for line in lines if line.strip()][:COVER_LINES])


def _running_title(document, lines: list[str]) -> str | None:
    """The title a running header repeats: a page header whose text is a line of its own among the
    text's first lines (a thesis's title over every page, and on its abstract's first line), of six
    characters or more and no organisation's name (a 公文's issuer in its header is no title)."""
    from .gongwen import read_issuer_signature

    opening = {re.sub(r"\s+", "", line): line.strip() for line in lines[:RUNNING_TITLE_LINES] if line.strip()}
    for section in document.sections:
        for header in (section.header, section.first_page_header, section.even_page_header):
            try:
                paragraphs = header.paragraphs if not header.is_linked_to_previous else []
            except (KeyError, ValueError, AttributeError):
                continue
            for p in paragraphs:
                text = re.sub(r"\s+", "", p.text)
                if len(re.findall(r"[\u4e00-\u9fff]", text)) >= 6 and text in opening and not read_issuer_signature(text) and not _date_alone(text):
                    return opening[text]
    return None


RUNNING_TITLE_LINES = 60
"""How far into the text a running header's title is looked for (past a cover and its form)."""


def _merged_down(cell) -> str | None:
    """"restart" for a table cell merged down over the rows below it, "continue" for its place in
    those rows, None for any other cell."""
    merge = cell.find(f"{W}tcPr/{W}vMerge")
    if merge is None:
        return None
    return "restart" if merge.get(f"{W}val") == "restart" else "continue"


def _list_outline(items: list[tuple[str, str, int]]) -> list[str]:
    """A text written as one multi-level list: the items of its first level, when there are two or
    more, each short and no sentence, each with items of a deeper level under it, are its sections
    (`首先是完成情况` over its points). Items of one level only are a list, not an outline."""
    by_list: dict[str, list[tuple[str, int]]] = {}
    for text, num_id, level in items:
        by_list.setdefault(num_id, []).append((text, level))
    for entries in by_list.values():
        top = min(level for _, level in entries)
        heads = [k for k, (_, level) in enumerate(entries) if level == top]
        under = [any(level > top for _, level in entries[k + 1 : nxt]) for k, nxt in zip(heads, heads[1:] + [len(entries)])]
        texts = [entries[k][0] for k in heads]
        if len(heads) >= 2 and all(under) and all(len(t) <= 30 and not re.search(r"[。；！？!?;]", t) for t in texts):
            return texts
    return []


def _header_date(document) -> str | None:
    """The date a page header carries alone (`2017年1月26日 星期四`): the document's date when its
    text gives none (the text is read first)."""
    from ..text import find_date

    for section in document.sections:
        try:
            paragraphs = section.header.paragraphs
        except (KeyError, ValueError, AttributeError):
            continue
        for p in paragraphs:
            text = re.sub(r"\s+", "", p.text)
            text = re.sub(r"(?:星期|周|礼拜)[一二三四五六日天]$", "", text)
            found = find_date(text)
            if found and found[1].group(0) == text:
                return found[0]
    return None


_FILL_IN = re.compile(r"^(?:点击|单击|双击|在此|此处|请(?:在此)?(?:输入|填写|添加|选择)|click|type|enter)", re.IGNORECASE)
"""How a template's blank asks to be filled in (点击此处添加…, 请输入…, Click here to enter text.)."""


def _unfilled_defaults(paragraph) -> set[str]:
    """The default texts of the paragraph's legacy text form fields (FORMTEXT) that ask to be filled
    in: a field still showing such a default is a blank. A default that is a value (本稿完成日期：
    2023年3月9日) is the text."""
    return {
        text
        for field_input in paragraph.iter(f"{W}textInput")
        for default in field_input.iterchildren(f"{W}default")
        if _FILL_IN.match(text := default.get(f"{W}val", "").strip())
    }


def _style_of(paragraph) -> str | None:
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    return style.get(f"{W}val") if style is not None else None


def _title_styles(document) -> set[str]:
    """Ids of the paragraph styles named Title (标题), or based on one."""
    found = set()
    for style in document.styles.element.iter(f"{W}style"):
        name = style.find(f"{W}name")
        if name is not None and TITLE_STYLE.match(name.get(f"{W}val", "")):
            found.add(style.get(f"{W}styleId"))
    return found


CONTENTS_STYLE = re.compile(r"^(?:toc|目录)\s*([1-9])$", re.IGNORECASE)
"""Word's styles for a table of contents' entries (`toc 1`, `TOC 2`; WPS names them 目录 1)."""


def _contents_styles(document) -> dict[str, int]:
    """Ids of the paragraph styles for contents entries, with the level each stands for (toc 2 → 2)."""
    found = {}
    for style in document.styles.element.iter(f"{W}style"):
        name = style.find(f"{W}name")
        m = CONTENTS_STYLE.match(name.get(f"{W}val", "")) if name is not None else None
        if m:
            found[style.get(f"{W}styleId")] = int(m.group(1))
    return found


def _in_contents_field(body) -> set:
    """The paragraphs that hold a TOC field's result (between its fldChar begin, its ` TOC \\o "1-3" `
    instruction and its end; the entries' own PAGEREF and HYPERLINK fields nest inside it): Word's
    table of contents, whatever the entries' style, however stale the result (an unfilled field's `1`)."""
    inside, stack = set(), []
    for paragraph in body.iter(f"{W}p"):
        if any(instruction.startswith("TOC") for instruction in stack):
            inside.add(paragraph)
        for node in paragraph.iter(f"{W}fldChar", f"{W}instrText", f"{W}fldSimple"):
            kind = node.get(f"{W}fldCharType")
            if node.tag == f"{W}fldSimple" and node.get(f"{W}instr", "").strip().startswith("TOC"):
                inside.add(paragraph)
            elif kind == "begin":
                stack.append("")
            elif kind == "end" and stack:
                stack.pop()
            elif node.tag == f"{W}instrText" and stack:
                stack[-1] = (stack[-1] + (node.text or "")).lstrip()
            if any(instruction.startswith("TOC") for instruction in stack):
                inside.add(paragraph)
    return inside


def _named_by_contents(entries: list[tuple[str, int]], lines: list[str]) -> list[tuple[str, int]]:
    """The lines a contents' entries name, found in its order as lines of their own: the headings, each
    at its entry's level (the highest entry level is 1). Fewer than two found say nothing."""
    from .contents import entry_of

    if not entries:
        return []
    top = min(level for _, level in entries)
    keys = [re.sub(r"\s+", "", line) for line in lines]
    found, start = [], 0
    for entry, level in entries:
        key = re.sub(r"\s+", "", entry_of(entry))
        at = next((j for j in range(start, len(lines)) if key and keys[j] == key), None)
        if at is not None:
            found.append((lines[at], min(level - top + 1, 3)))
            start = at + 1
    return found if len(found) >= 2 else []


def _typed_contents(lines: list[str], name: str) -> tuple[list[str], list[tuple[str, int]]]:
    """A contents block typed into the text (no TOC field or style: entries with dot leaders or page
    numbers, or plain lines that the text says again further on, in order — ingest/contents.py): the
    lines without it, and its entries with their levels by their numbering (the `目录` label is no
    entry). Dropped lines are logged."""
    from .contents import entry_levels, entry_of, read_contents_block

    numbered = [k for k, line in enumerate(lines) if line]
    block = read_contents_block([lines[k] for k in numbered])
    if block is None:
        return lines, []
    drop = {numbered[j] for j in block.lines}
    for k in sorted(drop):
        log.info("%s：去掉（table-of-contents）：%s", name, lines[k])
    entries = [lines[k] for k in sorted(drop) if not CONTENTS_LABEL.match(re.sub(r"\s+", "", lines[k]))]
    levels = entry_levels([entry_of(entry) for entry in entries])
    return [line for k, line in enumerate(lines) if k not in drop], list(zip(entries, levels))


HEAD_OF_A_GONGWEN = 4
"""A 公文's 版头 (its 发文机关标志 and 发文字号) stands within its first paragraphs."""


def _lone_first_heading(document, block, headings: list[tuple[str, int]]) -> str | None:
    """Is the text's first paragraph, in a heading style, its title? Only when no other heading of its
    level or above follows (a notice typed with 标题 1 for its one title line) and it is centred, or
    set larger than the text and not numbered (a report's 大标题), or the document's only paragraph in
    a heading style, unnumbered and no sentence (a news item's headline in 标题 1 over its text): a
    first heading with sections of its level after it opens the first section. Returns the evidence
    that decided (for kb add's note), or None."""
    from .gongwen import read_doc_number, read_issuer_mark

    text, level = headings[0]
    compact = re.sub(r"\s+", "", text)
    if len(compact) > 60 or read_issuer_mark(compact) or read_doc_number(compact) or re.search(r"(?:文件|公报|简报)$", compact):
        return None
    if not all(other > level for _, other in headings[1:]):
        return None
    numbered = re.match(r"^(?:第.{1,4}[章节部篇]|[一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(])", compact)
    if _centred_paragraph(document, block):
        return "居中"
    if numbered:
        return None
    if _larger_than_text(document, block):
        return "字号大于正文"
    if len(headings) == 1 and not re.search(r"[。！？；]", compact):
        return "全文只有这一段用标题样式"
    return None


def _wrapped_title_lines(document, block) -> list[str]:
    """The lines a centred title heading wraps onto: the paragraphs right under it, centred as well and set in
    its size, with no heading level of their own and no sentence — a title typed over two paragraphs, the
    first in a heading style (`2018年度某某项目—` / `某某访学项目申请表`, both centred in 18 pt). At most
    TITLE_LINES_MAX lines in all; an empty paragraph or a table ends it."""
    size, lines = _size_of(document, block), []
    for following in block.itersiblings():
        if following.tag != f"{W}p" or len(lines) + 1 >= TITLE_LINES_MAX:
            break
        text = _plain_text(following).strip()
        if not text or not _centred_paragraph(document, following) or _style_of(following) in _title_styles(document) \
                or abs(_size_of(document, following) - size) > TITLE_SIZE_TOLERANCE or re.search(r"[。！？；：:，,]", text) \
                or len(text) > 40 or _heading_level(following, _style_outline_levels(document)):
            break
        lines.append(_one_line(text))
    return lines


SUBHEAD_MAX = 40
"""A subhead set by direct formatting is a short line; a bold sentence is emphasis."""
SUBHEAD_SIBLINGS = 2
"""How many paragraphs of one formatting it takes to be a series of subheads, not one emphasised line."""


def _formatted_subheads(document, title: list[str]) -> list[tuple[str, int]]:
    """Subheads a writer set by hand, not by a heading style: paragraphs wholly bold or set larger than
    the text, short and no sentence, each with text of its own under it, and at least two of the same
    formatting (bold, size, centring) — siblings. A larger type is a higher level than a smaller one
    (two levels at most). The first paragraph is the title's place, not a subhead's.

    The evidence is the formatting and its repetition, never the words: 家校互联第一课 and
    授业引领第一课 set bold in 14 pt between paragraphs in 12 pt are the parts of a news item; a thesis's
    摘要, 第1章 绪论 … 致谢 centred in 16 pt are its chapters. A formatting whose lines are numbered in two
    styles (一、 and （一） both in bold) says nothing of rank: the numbering's reader places them."""
    body = _text_paragraphs(document)
    text_size = _text_size(document, body)
    shapes: list[tuple | None] = []
    for k, block in enumerate(body):
        text = _plain_text(block).strip()
        size = _size_of(document, block)
        bold = _wholly_bold(document, block)
        if k == 0 or text in title or len(text) > SUBHEAD_MAX or re.search(r"[。！？；：:，,]$|[。！？]", text) or not (bold or size > text_size):
            shapes.append(None)
        else:
            shapes.append((size, bold, _centred_paragraph(document, block)))
    groups: dict[tuple, list[int]] = {}
    for k, shape in enumerate(shapes):
        if shape is not None:
            groups.setdefault(shape, []).append(k)

    def text_under(k: int) -> bool:
        return k + 1 < len(body) and shapes[k + 1] is None

    # every one of them over text of its own: bold lines one under another are a list of points
    def numberings(members: list[int]) -> set[str]:
        """The numbering styles among them (第N章, N、, （N）…): siblings are numbered alike or not at all."""
        labels = (_SEQUENCE_LABEL.match(_plain_text(body[k]).strip()) for k in members)
        return {re.sub(r"[一二三四五六七八九十百零〇]+", "N", re.sub(r"\d+", "D", m.group(0))) for m in labels if m}

    series = sorted((shape for shape, members in groups.items()
                     if len(members) >= SUBHEAD_SIBLINGS and all(map(text_under, members)) and len(numberings(members)) <= 1),
                    key=lambda shape: (-shape[0], not shape[1]))[:2]
    levels = {shape: level for level, shape in enumerate(series, 1)}
    found = [(k, levels[shape]) for k, shape in enumerate(shapes) if shape in levels]
    parts = _numbered_parts_over(body, [k for k, level in found if level == 1]) if len(series) == 1 else []
    if parts:  # the set lines are the parts' second titles, under the numbered heads
        found = sorted([(k, 1) for k in parts] + [(k, 2) for k, _ in found])
    return [(_plain_text(body[k]).strip(), level) for k, level in found]


def _numbered_parts_over(body: list, members: list[int]) -> list[int]:
    """The numbered part heads over a writer's set lines: each set line stands right under a line numbered in one
    style (【第二部分：…】 / 你追我赶，争分夺秒 set bold, 三、… / a bold slogan), the numbers rising. Then the numbered lines
    are the parts — all of that style in the text, one over no set line too (【第四部分：结语】, set right) — and the set
    lines their second titles. Returns the numbered lines' places, or [] when any set line stands under no such line."""
    from .parse import detect_numbered

    if not members:
        return []
    numbered = {}
    for k, block in enumerate(body):
        text = _plain_text(block).strip()
        found = detect_numbered(text) if len(text) <= SUBHEAD_MAX and not re.search(r"[。！？]", text) else None
        if found is not None and not found.rest.strip():
            numbered[k] = found
    above = [numbered.get(k - 1) for k in members]
    if not all(above) or len({(c.style, c.rank) for c in above}) != 1:
        return []
    kind = (above[0].style, above[0].rank)
    parts = [k for k, c in numbered.items() if (c.style, c.rank) == kind and k not in members]
    numbers = [numbered[k].number for k in parts]
    if len(parts) < 2 or any(n is None for n in numbers) or numbers != sorted(numbers) or len(set(numbers)) != len(numbers):
        return []
    return parts


def _wholly_bold(document, block) -> bool:
    """Is every run of the paragraph that holds text bold (by the run, or by the paragraph's style)?"""
    style = _style_element(document, _style_of(block))
    style_bold = style is not None and _bold_on(style.find(f"{W}rPr/{W}b"))
    runs = [r for r in block.iter(f"{W}r") if "".join(t.text or "" for t in r.iter(f"{W}t")).strip()]
    return bool(runs) and all(_bold_on(r.find(f"{W}rPr/{W}b")) if r.find(f"{W}rPr/{W}b") is not None else style_bold for r in runs)


def _bold_on(element) -> bool:
    return element is not None and element.get(f"{W}val", "true") not in ("0", "false", "off")


def _plain_text(block) -> str:
    """A paragraph's text runs joined, as written (no notes, no numbering)."""
    return "".join(t.text or "" for t in block.iter(f"{W}t"))


def _text_paragraphs(document) -> list:
    """The body's paragraphs that hold text."""
    return [b for b in document.element.body.iterchildren(f"{W}p") if _plain_text(b).strip()]


def _text_size(document, paragraphs: list) -> int:
    """The size most of the text is set in (half-points; 0 without paragraphs)."""
    sizes = Counter(_size_of(document, b) for b in paragraphs)
    return sizes.most_common(1)[0][0] if sizes else 0


def _style_element(document, style_id: str | None):
    """The <w:style> of that id, or None."""
    if not style_id:
        return None
    return next((s for s in document.styles.element.iter(f"{W}style") if s.get(f"{W}styleId") == style_id), None)


def _larger_than_text(document, block) -> bool:
    """Set in a larger size than the text's (its own or its style's size)."""
    text_size = _text_size(document, _text_paragraphs(document))
    return bool(text_size) and _size_of(document, block) >= 1.2 * text_size


def _size_of(document, paragraph) -> int:
    """The paragraph's type size (half-points): its first run's, else its style's (or the style it is based on)."""
    size = _run_size(paragraph)
    style_id = _style_of(paragraph) or "Normal"
    for _ in range(3):
        if size or not style_id:
            break
        style = _style_element(document, style_id)
        if style is None:
            break
        sz = style.find(f"{W}rPr/{W}sz")
        size = int(sz.get(f"{W}val")) if sz is not None and sz.get(f"{W}val", "").isdigit() else 0
        based = style.find(f"{W}basedOn")
        style_id = based.get(f"{W}val") if based is not None else None
    if not size:  # the document's default size
        sz = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}sz")
        size = int(sz.get(f"{W}val")) if sz is not None and sz.get(f"{W}val", "").isdigit() else 0
    return size


def _alignment(document, block) -> str | None:
    """A paragraph's alignment (center, right, both …) by its own setting or, without one, by its style's."""
    jc = block.find(f"{W}pPr/{W}jc")
    if jc is None:
        style = _style_element(document, _style_of(block))
        jc = style.find(f"{W}pPr/{W}jc") if style is not None else None
    return jc.get(f"{W}val") if jc is not None else None


def _centred_paragraph(document, block) -> bool:
    return _alignment(document, block) == "center"


_CREDIT = re.compile(r"^[\u4e00-\u9fff]{1,4}(?:\s*[/／][\u4e00-\u9fff]{1,2})?\s*[：:／/]\s*[^，。；！？,;!?]{1,30}$")
"""A credit: a short label and who (来源：某某中心, 文字：某某, 图／某某, 审核：XXX) — no sentence."""
CREDITS_MIN = 2


def credits_at_the_end(document) -> list[str]:
    """A news story's credits set apart at its end: two or more paragraphs in a row, the document's last, each
    a short label and a name or unit (`来源：某某中心`, `图片：某某队`, `文字：某某`, `审核：XXX`), centred or set to the
    right under text that is not. Their place and shape are the evidence — a bare name after a short label
    is the story's writer, no paragraph of it. A 公文's contact line (`联系人：某某　电话：0551-12345678`, a
    number), its 版记 (`抄送：…`), its 附件说明 and a signature without a label (`某某办公室`, the date) end no such run.
    Returned in order."""
    from .gongwen import contact_line, read_attachments, read_record

    paragraphs = _text_paragraphs(document)
    run: list[str] = []
    for block in reversed(paragraphs):
        text = _plain_text(block).strip()
        if not (_CREDIT.match(text) and not re.search(r"\d{5,}", text) and _aligned_aside(document, block)) \
                or read_record(text) or contact_line(text) or read_attachments(re.sub(r"\s+", "", text)):
            # a 公文's 版记 (抄送：…), contact (联系人：…) or 附件说明 set centred is the document's, no story's credit
            break
        run.insert(0, text)
    above = paragraphs[: len(paragraphs) - len(run)]
    if len(run) < CREDITS_MIN or not above or _aligned_aside(document, above[-1]):
        return []
    return run


def _aligned_aside(document, block) -> bool:
    """Centred or set to the right, by the paragraph's own setting or its style's."""
    return _alignment(document, block) in ("center", "right", "end")


def _centred_title(document, title_styles: set[str]) -> str | None:
    """Without a Title style: the first line when it is centred and set larger than the text (up to
    three such lines of one size, a wrapped title) — unless it is a 公文's 版头 (…文件, 发文字号), which
    the 公文 reader places. A first line that names an organ, set in another size than the centred
    large line under it, is a letterhead (`某某大学学生会` in 30 pt over `关于…的回复` in 22 pt): the
    title is under it. An attachment's label on top (`附件1`, left) is no line of the title: the title is under
    it. A form's text is in its table (outside it only the title's lines): the table's text gives the text's size."""
    from .gongwen import read_doc_number, read_issuer_signature, read_masthead
    from .pdf import COVER_FIRST_LINE_SHARE, a_titles_first_words

    body = _text_paragraphs(document)
    if not body:
        return None
    # A form or a table of figures has its text in the table: outside it, only the lines of the title's place.
    few = len(body) <= TITLE_LINES_MAX + 1
    text_size = _text_size(document, [*body, *_cell_paragraphs(document)] if few else body)
    if len(body) > 1 and _attachment_label(body[0]):
        body = body[1:]  # an attachment's label (附件1) on top, its title under it: the label is the 公文's part
    compacts = [re.sub(r"\s+", "", _plain_text(b)) for b in body[:HEAD_OF_A_GONGWEN]]
    if any(read_masthead(compacts, k) or read_doc_number(line) for k, line in enumerate(compacts)):
        return None  # the first large line is the issuer's name over a 发文字号 (某某市委组织部 without 文件)
    def large(block) -> bool:  # centred and set larger by the paragraph itself or by its style (二号 over a 三号 text)
        return _centred_paragraph(document, block) and _size_of(document, block) > text_size

    start = 0
    if len(body) > 1 and large(body[0]) and large(body[1]) and abs(_size_of(document, body[0]) - _size_of(document, body[1])) > TITLE_SIZE_TOLERANCE \
            and read_issuer_signature(compacts[0]):
        start = 1  # a letterhead over the title
    elif len(body) > 1 and not large(body[0]) and large(body[1]) and a_column_label(_plain_text(body[0])):
        start = 1  # a column's label in the text's type over the centred large title (专题党课｜, 【理论学习】): not the title's
    title = []
    for block in body[start : start + TITLE_LINES_MAX]:
        if not large(block) or (title and abs(_size_of(document, block) - _size_of(document, body[start])) > TITLE_SIZE_TOLERANCE) \
                or (title and CONTENTS_LABEL.match(re.sub(r"\s+", "", _plain_text(block)))):
            break  # a wrapped title's lines are set in one size; a `目录` in the title's type under it is the contents' label
        title.append(_plain_text(block).strip())
    after = start + len(title)
    if len(title) == 1 and after < len(body) and large(body[after]) and _size_of(document, body[after]) > _size_of(document, body[start]) \
            and _size_of(document, body[start]) >= COVER_FIRST_LINE_SHARE * _size_of(document, body[after]) and a_titles_first_words(title[0]):
        # a title's first words set smaller over the rest (某某市基层党建 18 pt / 年度发展报告（2023） 22 pt): the rest is the title's too
        for block in body[after : after + TITLE_LINES_MAX - 1]:
            if not large(block) or abs(_size_of(document, block) - _size_of(document, body[after])) > TITLE_SIZE_TOLERANCE \
                    or CONTENTS_LABEL.match(re.sub(r"\s+", "", _plain_text(block))):
                break
            title.append(_plain_text(block).strip())
    return without_a_column_label("".join(title)) or None


COLUMN_LABEL_MAX = 12
_LABEL_BEFORE = re.compile(r"^\s*([【〖][^【】〖〗]{2,12}[】〗]|[^｜|丨【】\s]{2,12}\s*[｜|丨])\s*(?=\S)")
"""A column's label run into the title's line: `党建专栏｜…`, `理论学习 | …`, `【党课讲稿】…`."""


def without_a_column_label(title: str) -> str:
    """A centred title's line without the column's label the writer set before it (`专栏名｜标题`, `【栏目】标题`):
    the label is a few words with no sentence (`a_column_label`) and the rest is a title of its own (six
    Han characters or more). A slogan before a bar (`以赛促学，以学促行 | …`, a comma inside) is the title's.

    >>> without_a_column_label("理论园地｜以党建引领基层治理新实践")
    '以党建引领基层治理新实践'
    >>> without_a_column_label("【学习园地】青年干部要在实干中成长")
    '青年干部要在实干中成长'
    >>> without_a_column_label("以学促干，知行合一 | 某某学院党史知识竞赛圆满落幕")
    '以学促干，知行合一 | 某某学院党史知识竞赛圆满落幕'
    >>> without_a_column_label("专栏｜新闻")
    '专栏｜新闻'
    """
    m = _LABEL_BEFORE.match(title)
    if not m or not a_column_label(m.group(1)):
        return title
    rest = title[m.end():].strip()
    if len(re.findall(r"[\u4e00-\u9fff]", rest)) < 6:
        return title
    log.info("标题前的栏目名不算标题：%s", m.group(1).strip())
    return rest
_LABEL_MARKS = re.compile(r"^[【\[〖（(]|[】\]〗）)｜|：:丨/·—-]+$|[】\]〗）)｜|：:丨/·]$")


def a_column_label(text: str) -> bool:
    """A column's or a series' label set over a title in the text's type (理论学习, 【党课讲稿】, 专题党课｜, 学习园地：): a few
    words with no sentence, no date, no organ's full name — the column the piece runs in, never the title's first words.

    >>> [a_column_label(t) for t in ("理论学习", "【党课讲稿】", "专题党课｜", "学习园地：", "2023年12月5日", "同志们：", "各级党组织要坚持把学习贯彻党的创新理论。")]
    [True, True, True, True, False, False, False]
    """
    from .gongwen import read_issuer_signature
    from .layout import SALUTATION_RE

    text = text.strip()
    words = _LABEL_MARKS.sub("", re.sub(r"^[【\[〖]|[】\]〗]$", "", text)).strip()
    return (2 <= len(words) <= COLUMN_LABEL_MAX and bool(re.fullmatch(r"[\u4e00-\u9fff\s·]+", words)) and not SALUTATION_RE.match(text)
            and not read_issuer_signature(words))


TITLE_SIZE_TOLERANCE = 2
"""Half-points two lines of one title may differ by (a run set in 22 pt beside one in 22.5 pt)."""
TITLE_LINES_MAX = 3
"""A centred title wraps over three lines at most."""


def _attachment_label(block) -> bool:
    """An attachment's label alone in the first paragraph (`附件1`, `附件 3:`), not set centred: GB/T 9704 sets it top left."""
    text = re.sub(r"\s+", "", _plain_text(block))
    return bool(re.fullmatch(r"附件[一二三四五六七八九十\d]{0,3}[:：]?", text))


def _cell_paragraphs(document) -> list:
    """The paragraphs with text in the body's tables."""
    return [p for tbl in document.element.body.iterchildren(f"{W}tbl") for p in tbl.iter(f"{W}p") if _plain_text(p).strip()]
"""Half-points two lines of one title may differ by (a run set in 22 pt beside one in 22.5 pt)."""


def _run_size(paragraph) -> int:
    """The font size (half-points) of the paragraph's first run with text that sets one, else 0. The
    paragraph mark's own size (pPr/rPr, the ¶ Word shows) is not the text's: a subhead typed in 14 pt
    may keep the mark of the 12 pt paragraph it was made from."""
    for run in paragraph.iter(f"{W}r"):
        if not "".join(t.text or "" for t in run.iter(f"{W}t")).strip():
            continue
        size = run.find(f"{W}rPr/{W}sz")
        value = size.get(f"{W}val", "") if size is not None else ""
        if value.isdigit():
            return int(value)
    return 0


def _style_outline_levels(document) -> dict[str, int]:
    """Paragraph style id → heading level (1–3) from its name (heading 1 … / 标题 1 …) or its outline level."""
    levels = {}
    for style in document.styles.element.iter(f"{W}style"):
        style_id = style.get(f"{W}styleId")
        name = style.find(f"{W}name")
        match = HEADING_STYLE.match(name.get(f"{W}val", "")) if name is not None else None
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        if match:
            levels[style_id] = min(3, int(match.group(1)))
        elif outline is not None and outline.get(f"{W}val", "9").isdigit() and int(outline.get(f"{W}val")) < 9:
            levels[style_id] = min(3, int(outline.get(f"{W}val")) + 1)
    return levels


def _heading_level(paragraph, outline_levels: dict[str, int]) -> int | None:
    own = paragraph.find(f"{W}pPr/{W}outlineLvl")
    if own is not None and own.get(f"{W}val", "9").isdigit():
        value = int(own.get(f"{W}val"))
        return min(3, value + 1) if value < 9 else None
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    return outline_levels.get(style.get(f"{W}val")) if style is not None else None


def _paragraph_breaks(lines: list[str]) -> list[str]:
    # Each Word paragraph is a paragraph: separate them by blank lines so the reader never joins them.
    out: list[str] = []
    for line in lines:
        out.append(line)
        out.append("")
    return out


def _numbering_root(document):
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return None


def _style_numbering(document) -> dict[str, tuple[str, int]]:
    """Paragraph style id → (numId, ilvl) given by the style or the styles it is based on."""
    found: dict[str, tuple[str, int]] = {}
    styles = {s.get(f"{W}styleId"): s for s in document.styles.element.iter(f"{W}style")}

    def lookup(style_id: str, depth: int = 0):
        style = styles.get(style_id)
        if style is None or depth > 10:
            return None
        num_pr = style.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            num = num_pr.find(f"{W}numId")
            lvl = num_pr.find(f"{W}ilvl")
            if num is not None:
                return num.get(f"{W}val"), int(lvl.get(f"{W}val")) if lvl is not None else 0
        based = style.find(f"{W}basedOn")
        return lookup(based.get(f"{W}val"), depth + 1) if based is not None else None

    for style_id in styles:
        result = lookup(style_id)
        if result:
            found[style_id] = result
    return found


def _numbering_of(paragraph, styles: dict[str, tuple[str, int]]) -> tuple[str | None, int]:
    num_pr = paragraph.find(f"{W}pPr/{W}numPr")
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    inherited = styles.get(style.get(f"{W}val")) if style is not None else None
    if num_pr is None:
        return inherited if inherited else (None, 0)
    num = num_pr.find(f"{W}numId")
    lvl = num_pr.find(f"{W}ilvl")
    num_id = num.get(f"{W}val") if num is not None else (inherited[0] if inherited else None)
    ilvl = int(lvl.get(f"{W}val")) if lvl is not None else (inherited[1] if inherited else 0)
    return num_id, ilvl


def soft_broken_lines(text: str) -> str:
    r"""A paragraph's lines held apart by soft breaks (Shift+Enter), each stripped: a line of its own
    each, except where a line stops mid-sentence at a comma or an enumeration mark and the next goes on
    without a number of its own — one sentence broken in two, joined again.

    >>> soft_broken_lines("各科室：\n一、工作内容")
    '各科室：\n一、工作内容'
    >>> soft_broken_lines("或者并发量大，导致无法即时处理请求，\n那这时候需要扩容。")
    '或者并发量大，导致无法即时处理请求，那这时候需要扩容。'
    """
    from .layout import _STARTS_NEW

    out: list[str] = []
    for line in (part.strip() for part in text.strip().split("\n")):
        if out and out[-1] and line and out[-1][-1] in "，、," and not _STARTS_NEW.match(line):
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


def _one_line(text: str) -> str:
    """A paragraph's soft-broken lines as one (a title, heading or table cell): Chinese runs on without
    a space, Latin words keep one."""
    out = ""
    for line in (part for part in text.split("\n") if part):
        out += ("" if not out or (ord(out[-1]) > 0x2E7F and ord(line[0]) > 0x2E7F) else " ") + line
    return out


def _paragraph_text(paragraph, notes: dict[tuple[str, str], str], cited: list[tuple[str, str]]) -> str:
    out = []
    for node in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}footnoteReference", f"{W}endnoteReference", f"{W}delText", f"{W}p"):
        if node is paragraph or _in_fallback(node, paragraph):
            continue  # a text box is written twice, for new Word (mc:Choice) and old (mc:Fallback): read once
        if node.tag == f"{W}p":
            # A paragraph of a text box (w:txbxContent) anchored here: a line of its own, as Word shows it
            # (a joint 版头's issuers, one a paragraph in one box, 文件 in a box beside them).
            if out and "".join(out).strip():
                out.append("\n")
        elif node.tag == f"{W}t":
            out.append(node.text or "")
        elif node.tag == f"{W}tab":
            out.append(" ")
        elif node.tag == f"{W}br":
            out.append("\n")  # Shift+Enter (or a page or column break) inside the paragraph: a line ends
        elif node.tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
            key = ("footnote" if node.tag == f"{W}footnoteReference" else "endnote", node.get(f"{W}id"))
            if key in notes:
                if key not in cited:
                    cited.append(key)
                out.append(f"[{cited.index(key) + 1}]")
        # Deleted text of tracked changes (delText) is not what the reader sees: left out.
    return "".join(out)


MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _alt_chunk_lines(document, chunk, name: str, counts: Counter) -> list[str]:
    """The text of a chunk another format brought into the document (w:altChunk: the HTML, MHT or plain text an
    office system's "export to Word" embeds; Word shows it in place, python-docx passes over it) as lines."""
    part = document.part.related_parts.get(chunk.get(f"{R}id"))
    if part is None:
        return []
    counts["alt chunks"] += 1
    data = part.blob
    if "html" in part.content_type or "message/rfc822" in part.content_type or data.lstrip()[:1] == b"<":
        return [*html_text(data, name).text.split("\n"), ""]
    text, _ = decode(data, name)
    return [*text.split("\n"), ""]


def _blocks(parent, tags: tuple[str, ...], counts: Counter):
    """The children of `parent` (the body, a table, a row, a cell) with one of `tags`, in order, those held in
    content controls (w:sdt: a template's fields, Word's cover pages) and custom XML (w:customXml) too — python-docx
    passes them over, and their text was lost. A control still showing its prompt (单击或点击此处输入文字) holds
    no text of the document's; Word's own table of contents (a control of the gallery "Table of Contents") is
    furniture: both left out and counted."""
    for child in parent.iterchildren():
        if child.tag in tags:
            yield child
        elif child.tag == f"{W}customXml":
            yield from _blocks(child, tags, counts)
        elif child.tag == f"{W}sdt":
            properties = child.find(f"{W}sdtPr")
            gallery = properties.find(f"{W}docPartObj/{W}docPartGallery") if properties is not None else None
            if properties is not None and properties.find(f"{W}showingPlcHdr") is not None:
                counts["unfilled controls"] += 1
            elif gallery is not None and "contents" in (gallery.get(f"{W}val") or "").lower():
                counts["contents controls"] += 1
            else:
                for content in child.iterchildren(f"{W}sdtContent"):
                    yield from _blocks(content, tags, counts)


def _in_fallback(node, paragraph) -> bool:
    """Is `node` in an old Word's copy of a text box (mc:Fallback), or in a content control still showing its
    prompt (w:sdt with w:showingPlcHdr: 单击或点击此处输入文字) — no text of the document's either way?"""
    parent = node.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag == MC_FALLBACK or (parent.tag == f"{W}sdt" and parent.find(f"{W}sdtPr/{W}showingPlcHdr") is not None):
            return True
        parent = parent.getparent()
    return False


def _notes(document, part: str, tag: str) -> dict[tuple[str, str], str]:
    """The footnotes (or endnotes) of a document: (kind, id) → text."""
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.reltype.endswith("/" + part) and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob)
            notes = {}
            for note in root.iter(f"{W}{tag}"):
                if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                text = _plain_text(note).strip()
                if text:
                    notes[(tag, note.get(f"{W}id"))] = text
            return notes
    return {}


def old_word_text(path: Path, data: bytes) -> Converted:
    """A file named .doc or .wps (or .dot, .wpt) by what it holds: what offices' systems save under that name is
    often no binary Word file — a .docx renamed, a web page (“网页”, .mht) or RTF that Word opens alike.
    A binary one (and a .docx that is one) goes through LibreOffice (office_text)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data.startswith(b"PK\x03\x04"):
        converted = docx_text(_repackaged(data, path.name), path.name)
        converted.notes.insert(0, f"扩展名是 {path.suffix}，内容其实是 .docx：按 .docx 读取")
    elif head.startswith((b"<html", b"<!doctype html", b"<?xml")) and b"<html" in head or head.startswith(b"mime-version:"):
        converted = html_text(data, path.name)
        converted.notes.insert(0, f"扩展名是 {path.suffix}，内容其实是网页（Word 可以打开的 HTML/MHT）：按网页读取")
    elif head.startswith(b"{\\rtf"):
        raise ConversionError(path.name, f"扩展名是 {path.suffix}，内容其实是 RTF，不能直接读取；" + SAVE_AS_DOCX.format(docx=path.stem + ".docx"))
    elif data.startswith(OLE_SIGNATURE):
        return office_text(path)
    else:
        raise ConversionError(path.name, f"不是可以读取的 Word 文件（{path.suffix}）；" + SAVE_AS_DOCX.format(docx=path.stem + ".docx"))
    converted.kind = f"{converted.kind} (named {path.suffix.lower()})"
    return converted


def office_text(path: Path) -> Converted:
    """A binary Word or WPS file (Word 97-2003): through LibreOffice when it is installed (converted to .docx,
    then read as one: Word's numbering labels and heading styles come along), else by the built-in reader of
    the binary format (ingest/worddoc.py: the whole text and its heading styles, without automatic numbering)."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        return word97_text(path)
    with tempfile.TemporaryDirectory(prefix="kb-add-") as folder:
        # A private profile: a LibreOffice window the user has open must not block the conversion.
        command = [office, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "docx", "--outdir", folder, str(path)]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=180)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            log.info("%s：LibreOffice 转换失败，改用内置的 Word 97-2003 读取", path.name)
            return word97_text(path)
        converted = Path(folder) / (path.stem + ".docx")
        if not converted.is_file():
            log.info("%s：LibreOffice 没有转换出 .docx，改用内置的 Word 97-2003 读取", path.name)
            return word97_text(path)
        result = docx_text(converted.read_bytes(), path.name)
    result.kind = f"{path.suffix.lstrip('.')} (via LibreOffice)"
    return result


WORD97_NOTE = "没有装 LibreOffice，按 Word 97-2003 格式直接读出文字：全文都在，但 Word 自动生成的编号（一、（一）1.）读不出来，请对照原文核对小标题"
"""kb add's note on a .doc read by the built-in reader: what it could not give, and where to look."""
WORD97_COUNTS = {
    "fields": "{n} 个域（页码、超链接等）只留显示的结果",
    "a picture's anchor": "{n} 处图片的位置标记略去",
    "a drawing's anchor": "{n} 处图形的位置标记略去",
    "notes": "{n} 条脚注、尾注放在文末",
}


def word97_text(path: Path) -> Converted:
    """A binary Word 97-2003 file read without LibreOffice (ingest/worddoc.py); a file it cannot read (Word 95,
    encrypted, damaged, no Word file at all) gets the one thing to do."""
    from .worddoc import NotWordText, read_word97

    said, docx = ("", path.stem + ".docx") if path.suffix.lower() in OLD_WORD else (f"扩展名是 {path.suffix}，内容其实", path.stem + "（另存）.docx")
    try:
        read = read_word97(path.read_bytes())
    except NotWordText as exc:
        reason, remedy = exc.reason, COPY_INTO_WORD if exc.other_office_file else SAVE_AS_DOCX
        if exc.other_office_file and path.suffix.lower() in (".wps", ".wpt"):
            reason, remedy = "是 WPS 早期的专有格式，读不出来", SAVE_AS_DOCX  # WPS 2000 and before: no Word stream
        raise ConversionError(path.name, f"{said}是旧版 Office 97-2003/WPS 格式，{reason}；{remedy.format(docx=docx)}") from None
    notes = [WORD97_NOTE] + [note.format(n=read.counts[kind]) for kind, note in WORD97_COUNTS.items() if read.counts.get(kind)]
    for kind, n in sorted(read.counts.items()):
        log.info("%s：%s × %d", path.name, kind, n)
    if read.headings:
        notes.append(STYLE_HEADINGS_NOTE.format(n=len(read.headings)))
    converted = Converted(
        "\n".join(_paragraph_breaks(read.paragraphs)), f"{path.suffix.lstrip('.').lower() or 'doc'} (Word 97-2003)", notes, headings=read.headings
    )
    if read.title:
        converted.title, converted.title_by = read.title, TITLE_BY_WORD_STYLE
    return converted


# --- PDF -----------------------------------------------------------------------------------------

def pdf_text(data: bytes, name: str) -> Converted:
    """A text PDF's paragraphs in reading order, without running headers, footers and page numbers
    (ingest/pdf.py reads the layout); every dropped line is logged with its page."""
    import struct
    import zlib

    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfexceptions import PDFException, PSException

    from .pdf import read_pdf

    try:
        read = read_pdf(data)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ConversionError(name, "是加密的 PDF，打不开；请用 PDF 阅读器输入密码打开后另存一份不加密的再导入") from None
    except (PDFException, PSException, ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError,
            RecursionError, OverflowError, struct.error, zlib.error) as exc:
        # A damaged file can fail anywhere in the parser; the curator needs the remedy, not its trace.
        raise ConversionError(name, "不是可以读取的 PDF 文件（可能已损坏，或只是改了扩展名）；请用 PDF 阅读器打开后另存一份再导入") from None
    if not read.has_text:
        raise ConversionError(
            name,
            f"没有文字层（{read.pages} 页都是图片，是扫描件）；请先做文字识别（如 WPS 或 ABBYY 的“PDF 转 Word”），再导入识别结果",
        )
    if not re.search(r"[\u4e00-\u9fff]", "".join(read.paragraphs)):
        raise ConversionError(name, f"有文字层（{read.pages} 页），但没有中文文字；导入的应是中文讲话稿")
    foreign = in_another_language("\n".join(read.paragraphs))
    if foreign:
        han, words = foreign
        raise ConversionError(name, f"有文字层（{read.pages} 页），但几乎都是外文：汉字只有 {han} 个，外文词有 {words:,} 个；导入的应是中文讲话稿")
    return _laid_out(read, name, "pdf")


FOREIGN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]{2,}")
FOREIGN_HAN_AT_MOST = 200
FOREIGN_WORDS_PER_HAN = 10


def in_another_language(text: str) -> tuple[int, int] | None:
    """(Han characters, foreign words) when a document has no Chinese text to speak of: fewer than
    200 Han characters and ten foreign words or more for each (an English report with two Chinese
    lines in a sidebar or a logo). A Han character and a word are each about one word's worth of
    text; a Chinese speech with an English title page or abstract has the Han characters by far.

    >>> in_another_language("Annual report of the committee. " * 40 + "中文旁栏两行")
    (6, 200)
    >>> in_another_language("各级党组织要坚持把学习贯彻党的创新理论作为首要政治任务。" + "Abstract words here. " * 3) is None
    True
    """
    han = len(HAN_CHAR.findall(text))
    words = len(FOREIGN_WORD.findall(text))
    if han < FOREIGN_HAN_AT_MOST and words >= FOREIGN_WORDS_PER_HAN * max(1, han):
        return han, words
    return None


def _laid_out(read, name: str, kind: str) -> Converted:
    """A text read from its layout (ingest/pdf.py's PdfRead) with what was dropped logged and counted."""
    text = "\n\n".join(read.paragraphs)
    for page, line, reason in read.dropped:
        log.info("%s：第 %d 页：去掉（%s）：%s", name, page, reason, line)
    notes = [f"共 {read.pages} 页"]
    if read.rebuilt:
        notes.append("文件的交叉引用表写法不规范，重建后读取")
        log.info("%s：PDF 的交叉引用表写法不规范，用 pypdf 重建后读取", name)
    if read.year_line:
        notes.append(f"首页没有日期，年份取自页眉页脚：{read.year_line}")
    dropped = Counter(reason for _, _, reason in read.dropped)
    said = {"page-number": "去掉页码 {} 处", "table-of-contents": "去掉目录 {} 行", "rule-line": "去掉分隔线 {} 行",
            "caption": "去掉图片说明 {} 行", "site-name": "去掉标题后的网站名 {} 处", "figure-text": "图中文字 {} 行未读入（示意图里的标注）", "unmapped-glyph": "字体里没有对应文字的字形 {} 个未读入",
            "article-notes": "去掉首页脚的收稿日期、基金项目等 {} 行", "cover-form": "去掉封面表格的栏目和制表单位 {} 行",
            "form-instructions": "去掉表格的填写说明 {} 行"}
    running = sum(count for reason, count in dropped.items() if reason not in said)
    if dropped["page-number"]:
        notes.append(said["page-number"].format(dropped["page-number"]))
    if running:
        notes.append(f"去掉页眉页脚 {running} 行")
    notes += [said[reason].format(count) for reason in said if reason != "page-number" and (count := dropped[reason])]
    if read.columns:
        notes.append(f"{read.columns} 页按双栏顺序读取")
    if read.table_rows:
        notes.append(f"表格 {read.table_rows} 行，每行一段")
    if read.cells_joined:
        notes.append(f"表格单元格里折行的 {read.cells_joined} 行接回所在单元格")
    if read.markers:
        notes.append(f"注释标号 {read.markers} 个放回所在句子")
    if read.notes_moved:
        notes.append(f"{read.notes_moved} 页的脚注放在跨页的段落之后")
    if read.joined_lines:
        notes.append(f"{read.joined_lines + len(read.paragraphs)} 行接成 {len(read.paragraphs)} 段")
    if read.headings:
        notes.append(f"{len(read.headings)} 个章标题按字号认出（speeches.yaml 的 heading_lines）")
    title_by = (TITLE_BY_PDF_METADATA if read.title_from_metadata else TITLE_BY_PDF_LARGEST) if read.title else None
    if read.title_evidence == "cover-field":
        title_by = TITLE_BY_PDF_COVER_FIELD
        notes.append(f"封面表格“题目”一栏写的“{read.title}”作为题目（首页大字“{read.title_passed}”不是题目）" if read.title_passed else f"封面表格“题目”一栏写的“{read.title}”作为题目")
    elif read.title_evidence == "running-header":
        title_by = TITLE_BY_RUNNING_HEADER
        notes.append(f"首页没有标出题目，取各页页眉重复的一行“{read.title}”作为题目")
    elif read.title_evidence == "under-series-line":
        title_by = TITLE_BY_PDF_UNDER_SERIES
        notes.append(f"首页最大字“{read.title_passed}”是各页页眉重复的一行，不是题目：取它下面的“{read.title}”")
    month = None
    if read.cover_year and not read.cover_date and hasattr(read, "paragraphs"):
        from .pdf import cover_month

        month = cover_month(read.paragraphs[: getattr(read, "first_page", len(read.paragraphs))], read.cover_year)
    return Converted(text, kind, notes, headings=read.headings, title=read.title, title_by=title_by, date=read.cover_date, year=read.cover_year,
                     month=month, table_texts=[row for row in getattr(read, "table_texts", []) if row in read.paragraphs])


# --- web pages -----------------------------------------------------------------------------------


SHARE_WIDGET = re.compile(
    r"^(?:分享到|转播到|转发到|一键分享|选择其他平台|微信扫一扫|扫一扫|手机看|精彩视频推荐|精彩推荐|相关视频|打印本页|打印|关闭窗口|关闭|收藏本页|收藏|"
    r"【?字体[:：]?\s*[大中小\s]+】?|[【\[]?(?:大|中|小)[】\]]?|新浪微博|腾讯微博|QQ空间|人人网|豆瓣|微信|朋友圈|返回顶部)"
    r"(?:[\s:：>»|/、]*(?:分享到|转播到|腾讯微博|新浪微博|QQ空间|微信|朋友圈|人人网|豆瓣|选择其他平台|打印|关闭|收藏|>>|»))*[\s:：>»]*$"
)
"""A line of a page's share and print buttons: 分享到：, 转播到腾讯微博, 选择其他平台 >>, 精彩视频推荐."""
CAPTION = re.compile(r"^(?:图注|图片说明|图片来源|图说|题图)[:：]|^[（(]?图为.{2,60}[。）)]?$|^(?:图|照片)\s*\d{1,2}[:：\s]|(?:记者|通讯员)\s*\S{2,4}\s*摄[）)]?$")
"""A photo's caption: 图注：…, 图为会议现场。, 图1 …, …记者 张三 摄."""


def html_text(data: bytes, name: str) -> Converted:
    """The main text of a saved web page (trafilatura): the headline from the page's own metadata on
    top when the text lacks it (and its date beside the text, for kb add), h2–h4 and bold lines as
    headings, photo captions and share buttons left out (logged and counted)."""
    import trafilatura

    html = _decode_html(data, name)
    placed = _glyph_by_glyph(html, name)
    if placed:
        return placed
    html, permalinks = _without_permalinks(html)
    html, layouts = _without_layout_tables(html)
    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True, deduplicate=False)
    if not text:
        text = trafilatura.html2txt(html)
        notes = ["没有找到正文，保留整页文字，由清洗规则去掉网页残留"]
    else:
        notes = ["取出网页正文，不要导航栏和侧栏"]
    formatted = trafilatura.extract(html, output_format="markdown", include_formatting=True, include_comments=False,
                                    include_tables=True, favor_recall=True, deduplicate=False) or ""
    bold = _subheads(formatted)
    text, repeats = _restore_repeated_blocks(html, text)
    if repeats:
        notes.append(f"正文里与前文相同的短行 {repeats} 行（提取器当作重复去掉）放回原处")
    text, restored = _restore_subheads(html, text)
    text, attached = _restore_attachments(html, text)
    if attached:
        notes.append(f"附件说明 {attached} 行（网页上是下载链接）放回落款之前")
    kept, dropped = [], Counter()
    under_pictures = _captions_under_pictures(html, text)
    for line in text.split("\n"):
        stripped = line.strip()
        caption = stripped and (len(stripped) <= 80 and CAPTION.search(stripped) or re.sub(r"\s+", "", stripped) in under_pictures)
        reason = "share-widget" if SHARE_WIDGET.match(stripped) else "caption" if caption else None
        if reason:
            dropped[reason] += 1
            log.info("%s：去掉（%s）：%s", name, reason, stripped)
        else:
            kept.append(line)
    text = "\n".join(kept)
    if layouts:
        notes.append(f"排版用的表格 {layouts} 个按段落读")
    if permalinks:
        log.info("%s：去掉小标题后的本页链接符号 %d 个（#、¶）", name, permalinks)
        notes.append(f"去掉小标题后的链接符号 {permalinks} 个")
    if dropped["caption"]:
        notes.append(f"去掉图片说明 {dropped['caption']} 行")
    if dropped["share-widget"]:
        notes.append(f"去掉分享、打印按钮 {dropped['share-widget']} 行")
    metadata = trafilatura.extract_metadata(html)
    title = page_headline(html, (metadata.title or "") if metadata else "", text)
    lines = text.rstrip().split("\n")
    if title and len(lines) > 1 and re.sub(r"\s+", "", lines[-1]) == re.sub(r"\s+", "", title):
        # the extractor gave the headline again after the text (it takes it from outside the article's box)
        log.info("%s：去掉（repeated-headline）：%s", name, lines[-1].strip())
        notes.append("去掉正文后面重复的网页标题 1 行")
        text = "\n".join(lines[:-1])
    head = []
    if title and not _opens(text, title, 6):
        head.append(title)
        notes.append("网页标题放在最前面")
    if head:
        text = "\n\n".join(head) + "\n\n" + text
    headings = below_the_headline(_outline(text, restored, bold), text, title)
    if headings:
        notes.append(f"{len(headings)} 个小标题（h2–h4 或整段加粗）")
    guessed = _iso_date(metadata.date) if metadata and metadata.date else None
    if guessed and not _shown_on_page(guessed, html):
        log.info("%s：不用提取器猜的日期 %s（网页上没有这个日期）", name, guessed)
        guessed = None
    date = page_date(html) or posted_in_head(text) or guessed
    return Converted(text, "html", notes, headings=headings, title=title or None, title_by=TITLE_BY_PAGE_HEADLINE if title else None, date=date)


POSTING_LINE = re.compile(
    r"(?:发布|发表|发稿|更新|上传|录入)?(?:时间|日期)\s*[:：]\s*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
)
POSTING_HEAD_LINES = 8
"""A page sets its posting line by the headline, within the text's first lines."""


def posted_in_head(text: str) -> str | None:
    """The date of the page's posting line by its headline (发布时间：2024年05月05日 | 字体放大): the
    page's own, before any date the extractor guesses from a note or a cited source further down."""
    for line in text.split("\n")[:POSTING_HEAD_LINES]:
        m = POSTING_LINE.search(line)
        if m:
            return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return None


_PERMALINK_TEXT = re.compile(r"^[#¶§🔗\u00a0\u200b\s]{0,3}$")


def _without_permalinks(html: str) -> tuple[str, int]:
    """The page without the link a documentation site sets in each heading to the heading itself
    (Sphinx's and MkDocs' `#` or `¶`, a README's empty anchor): a link inside a heading to a place on
    the same page whose text is a sign at most. Returns the page and how many were taken out."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return html, 0
    links = [a for a in tree.xpath("//h1//a|//h2//a|//h3//a|//h4//a|//h5//a|//h6//a")
             if (a.get("href") or "").startswith("#") and _PERMALINK_TEXT.match(a.text_content())]
    if not links:
        return html, 0
    for link in links:
        link.drop_tree()  # its tail stays
    return lxml.html.tostring(tree, encoding="unicode"), len(links)


LAYOUT_CELL_TEXT = 100
"""A table cell holding more text than this (or several paragraphs) lays a page out; a data table's
cells are short."""
_BLOCKS = ("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "center", "blockquote")


def _paragraphs_in(cell, table) -> int:
    """How many paragraph blocks a table's cell holds, at any depth but not in a table of its own: a
    site's editor wraps the article in its own boxes (`<form>`, `<div id="…content">`) inside the
    cell, so its paragraphs are the cell's grandchildren, not its children.

    | cell | blocks |
    |---|---|
    | `<td><p>…</p><p>…</p></td>` | 2 |
    | `<td><form><div><p>…</p><p>…</p></div></form></td>` | 2 |
    | `<td><table>…<p>…</p><p>…</p>…</table></td>` | 0 (the inner table's own) |
    """
    return sum(1 for e in cell.iterdescendants() if e.tag in _BLOCKS and e.tag != "table"
               and next(e.iterancestors("table"), None) is table)


def _without_layout_tables(html: str) -> tuple[str, int]:
    """The page with the tables that only lay it out (a government or 范文 site's article in a cell
    of paragraphs) turned into blocks, so their paragraphs stay paragraphs: the extractor writes a
    table's row as one line, and a whole 公文 in one cell became one `| … |` line. A table is a
    layout when one of its own cells holds a long text in several paragraphs (and so is every table
    around it); tables of short cells (a form, data) stay tables. Returns the page and how many
    tables were turned."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return html, 0
    layouts = []
    for table in tree.iter("table"):
        cells = [c for c in table.iter("td", "th") if next(c.iterancestors("table"), None) is table]
        if any(_paragraphs_in(cell, table) >= 2 and len(re.sub(r"\s+", "", cell.text_content())) > LAYOUT_CELL_TEXT
               for cell in cells):
            # …and the tables around it (a page laid out in tables within tables)
            layouts += [table, *(outer for outer in table.iterancestors("table") if outer not in layouts)]
    layouts = list(dict.fromkeys(layouts))
    for table in layouts:
        parts = [e for e in table.iter("tbody", "thead", "tfoot", "tr", "td", "th") if next(e.iterancestors("table"), None) is table]
        for cell in (e for e in parts if e.tag in ("td", "th")):
            cell.tag = "div"  # each cell a block of its own (its text may be bare, between <br>s)
        for part in (e for e in parts if e.tag != "div"):
            part.drop_tag()  # the rows' cells become blocks of the table's box, in their order
        table.tag = "div"
        for name in list(table.attrib):
            del table.attrib[name]
    if not layouts:
        return html, 0
    return lxml.html.tostring(tree, encoding="unicode"), len(layouts)


def _glyph_by_glyph(html: str, name: str) -> Converted | None:
    """A page that places its text glyph by glyph (a 公文 exported from OFD or PDF as SVG text), read
    from the glyphs' positions as a PDF is (ingest/positioned.py); None for any other page."""
    import lxml.html

    from .pdf import read_lines
    from .positioned import positioned_pages

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    found = positioned_pages(tree)
    if not found:
        return None
    title = " ".join(tree.xpath("//title/text()")).strip() or None
    converted = _laid_out(read_lines(*found, title), name, "html")
    converted.notes.insert(0, "网页的文字逐字定位（由 OFD/PDF 转成），按位置拼回成行再分段")
    return converted


CAPTION_MAX = 50
"""A caption under a picture is a line or two; a paragraph of the text is longer."""
RETOLD_CAPTION_MAX = 150
"""A caption that retells the report (an award's list of winners under a row of photos) may run longer."""
RETOLD_SHARE = 0.8
"""A caption retells the text beside it: this share of its character pairs stands in the page's other lines."""
_CREDIT_TAIL = re.compile(r"[。！？\s][^\s。，！？、]{2,8}$")
"""A caption's credit set apart at its end (`…纸片。 某某供图`, `…充电宝。视觉中国 资料`)."""


def _han_pairs(text: str) -> set[str]:
    han = re.sub(r"[^\u4e00-\u9fff]", "", text)
    return {han[i:i + 2] for i in range(len(han) - 1)}


def retold(line: str, others: str) -> bool:
    """Whether a line under a picture only retells what the page's text says elsewhere: most of its
    character pairs stand in the other lines (a caption naming the winners the paragraph above lists).

    >>> retold("某某支部、某某车间党支部荣获先进基层党组织荣誉", "大会向某某支部、某某车间党支部颁发先进基层党组织荣誉奖牌。")
    True
    >>> retold("会后，与会同志参观了红色教育基地，重温入党誓词。", "大会向某某支部颁发先进基层党组织荣誉奖牌。")
    False
    """
    pairs = _han_pairs(line)
    return len(pairs) >= 4 and len(pairs & _han_pairs(others)) >= RETOLD_SHARE * len(pairs)


def _element_after(node):
    """The next sibling that is an element: a page's comments (`<!-- 正文结束 -->`) and processing instructions
    stand between blocks too, and have no text to read (lxml refuses text_content() on them)."""
    node = node.getnext()
    while node is not None and not isinstance(node.tag, str):
        node = node.getnext()
    return node


def _element_before(node):
    """The sibling before that is an element (see _element_after)."""
    node = node.getprevious()
    while node is not None and not isinstance(node.tag, str):
        node = node.getprevious()
    return node


def _blocks_after(block):
    """The blocks after a picture's block, blank ones (an empty <p><br></p> the editor left) skipped."""
    below = _element_after(block)
    while below is not None:
        if re.sub(r"\s+", "", below.text_content()) or below.find(".//img") is not None:
            yield below
        below = _element_after(below)


def _picture_only(block) -> bool:
    return block.find(".//img") is not None and not re.sub(r"\s+", "", block.text_content())


def _captions_under_pictures(html: str, text: str = "") -> set[str]:
    """The captions a page sets right under its pictures: the short block that follows a block holding
    only an image (blank blocks between aside), when it is centred or ends with a credit set apart
    (`某某供图`, `资料图`); the picture's place is the evidence, not the caption's words. A longer block,
    centred under a picture or under a row of pictures (an award's winners, a whole sentence), is a
    caption when it only retells the text (`retold`). Returned compact (no white space)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return set()
    candidates = []
    for image in tree.iter("img"):
        block = next((a for a in image.iterancestors() if a.tag in ("p", "div", "figure", "center")), None)
        if block is None or not _picture_only(block):
            continue  # the picture's block holds text as well: no picture alone
        pictures, below = 1, None
        for below in _blocks_after(block):
            if not _picture_only(below):
                break
            pictures += 1  # a row of pictures: the caption stands under the last
        else:
            below = None
        if below is None:
            continue
        if pictures > 1 and any(_picture_only(b) for b in [_element_before(block)] if b is not None):
            continue  # the row's first picture gives its caption
        caption = re.sub(r"\s+", " ", below.text_content()).strip()
        if len(caption) < 2 or below.find(".//img") is not None:
            continue
        bold = "".join(b.text_content() for b in below.iter("strong", "b"))
        if below.tag in ("h2", "h3", "h4") or re.sub(r"\s+", "", bold) == re.sub(r"\s+", "", caption):
            continue  # a subhead under a picture (《冬夜读书示子聿》 set bold), not its caption
        centred = "center" in (below.get("align") or "") or re.search(r"text-align\s*:\s*center", below.get("style") or "")
        if len(caption) <= CAPTION_MAX and (centred or _CREDIT_TAIL.search(caption)):
            candidates.append((caption, True))
        elif len(caption) <= RETOLD_CAPTION_MAX and (centred or pictures > 1):
            candidates.append((caption, False))
    found = {re.sub(r"\s+", "", c) for c, sure in candidates if sure}
    if any(not sure for c, sure in candidates):
        others = "\n".join(line for line in text.split("\n") if re.sub(r"\s+", "", line) not in
                           {re.sub(r"\s+", "", c) for c, _ in candidates})
        found |= {re.sub(r"\s+", "", c) for c, sure in candidates if not sure and retold(c, others)}
    return found


def _restore_attachments(html: str, text: str) -> tuple[str, int]:
    """A 公文's 附件说明 that the page sets as download links (`附件：<a>1.某某表.doc</a>`) and the
    extractor dropped as a box of links: put back above the 署名 and 成文日期 at the text's end (or
    at its end), so the 公文 reader finds it. Returns the text and how many lines were put back."""
    import lxml.html

    from .gongwen import read_attachments, read_issuer_signature, read_signing_date

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return text, 0
    present = re.sub(r"\s+", "", text)
    for block in tree.iter("p", "div", "li", "td"):
        own = re.sub(r"\s+", " ", block.text_content()).strip()
        if not own or len(own) > 200 or not read_attachments(re.sub(r"\s+", "", own)) or block.find(".//a") is None:
            continue
        if any(child.tag in ("p", "div", "li", "td") for child in block.iterdescendants()):
            continue  # the innermost block that says it
        if re.sub(r"\s+", "", own)[:12] in present:
            return text, 0  # the extractor kept it
        lines = text.rstrip("\n").split("\n")
        at = len(lines)
        for k in range(len(lines) - 1, max(len(lines) - 6, -1), -1):
            compact = re.sub(r"\s+", "", lines[k])
            if read_signing_date(compact) or read_issuer_signature(compact):
                at = k
        log.info("放回附件说明（网页上是下载链接）：%s", own)
        return "\n".join(lines[:at] + [own] + lines[at:]) + "\n", 1
    return text, 0


REPEATED_BLOCK_MAX = 80
"""A heading or a label the page sets twice (an in-page 目录 over the chapters it lists) is a line;
a paragraph repeated whole is left to the extractor's judgement."""
_TEXT_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "blockquote", "center", "dt", "dd")


def _restore_repeated_blocks(html: str, text: str) -> tuple[str, int]:
    """The short blocks the extractor dropped because an earlier line of the text reads the same (it
    keeps one of each: a page whose in-page 目录 lists 第一章 … lost the chapters' own headings in the
    body, and the 目录 then stood in for them), put back where the page sets them — between the two
    blocks around it that the text holds as neighbouring lines; a block off the text's run (a side
    box repeating the headline) stays out. Logged; returns the text and how many lines came back."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return text, 0
    lines = text.split("\n")
    where: dict[str, list[int]] = {}
    for number, line in enumerate(lines):
        key = re.sub(r"\s+", "", line)
        if key:
            where.setdefault(key, []).append(number)
    after = 0  # the text's line after the last block found in it
    waiting: list[str] = []  # blocks dropped as repeats since then
    inserts: list[tuple[int, list[str]]] = []
    for block in tree.iter(*_TEXT_BLOCKS):
        if any(inner.tag in _TEXT_BLOCKS for inner in block.iterdescendants()):
            continue  # the innermost blocks only
        own = re.sub(r"\s+", " ", block.text_content()).strip()
        key = re.sub(r"\s+", "", own)
        if not key:
            continue
        at = next((n for n in where.get(key, ()) if n >= after), None)
        if at is not None:
            if waiting and not any(lines[n].strip() for n in range(after, at)):
                inserts.append((at, waiting))
            waiting, after = [], at + 1
        elif len(key) <= REPEATED_BLOCK_MAX and where.get(key, [after])[0] < after:
            waiting.append(own)
        else:
            waiting = []  # something the text does not hold stands between: no place to be sure of
    for at, blocks in reversed(inserts):
        for own in blocks:
            log.info("放回提取器当作重复去掉的一行：%s", own)
        lines[at:at] = blocks
    return "\n".join(lines), sum(len(blocks) for _, blocks in inserts)


def _restore_subheads(html: str, text: str) -> tuple[str, dict[str, int]]:
    """The page's h2–h4 that the extractor kept on a line of their own, or that stand above a paragraph
    of the text (a heading of the article's own, never one of the page's side boxes), put back where
    the extractor dropped them (it drops short headings). Returns the text and the headings (text →
    level: the highest tag the page uses for them is a section, the next its parts)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return text, {}
    lines = text.split("\n")
    keys = [re.sub(r"\s+", "", line)[:24] for line in lines]
    titles = {re.sub(r"\s+", " ", h.text_content()).strip() for h in tree.iter("h2", "h3", "h4")}
    restored: dict[str, int] = {}
    for heading in tree.iter("h2", "h3", "h4"):
        title = re.sub(r"\s+", " ", heading.text_content()).strip()
        if not 2 <= len(title) <= 40 or _NOT_A_SUBHEAD.search(title):
            continue
        if _heads_prose(lines, title, titles):  # kept by the extractor, on a line of its own, over text
            restored[title] = int(heading.tag[1])
            continue
        following = _element_after(heading)
        while following is not None and len(re.sub(r"\s+", "", following.text_content())) < 10:
            following = _element_after(following)
        if following is None:
            continue
        key = re.sub(r"\s+", "", following.text_content())[:24]
        at = next((k for k, line_key in enumerate(keys) if len(key) >= 10 and line_key == key[: len(line_key)] and len(line_key) >= 10), None)
        if at is None:
            continue
        if not at or lines[at - 1].strip() != title:  # dropped by the extractor: put back
            lines.insert(at, title)
            keys.insert(at, re.sub(r"\s+", "", title))
        restored[title] = int(heading.tag[1])
    # The page's own top level is level 1, whatever tag it is set in (a page of h3 sections, h4 parts).
    top = min(restored.values(), default=2)
    return "\n".join(lines), {title: min(tag - top + 1, 2) for title, tag in restored.items()}


def below_the_headline(headings: list[tuple[str, int]], text: str, title: str) -> list[tuple[str, int]]:
    r"""The page's headings that stand below its headline: the headline itself (an <h2> on a portal whose
    <h1> is its name) is the title, and a heading above it (a kicker <h3> over the <h1>, 引题) belongs
    to the title block, not to the article's sections; the rest keep their order, the highest of them
    made level 1.

    >>> text = "凝心聚力 担当作为\n全县组织工作会议召开\n导语……\n一、抓班子\n正文……"
    >>> below_the_headline([("凝心聚力 担当作为", 1), ("全县组织工作会议召开", 1), ("一、抓班子", 2)], text, "全县组织工作会议召开")
    [('一、抓班子', 1)]
    >>> below_the_headline([("一、抓班子", 1)], "导语……\n一、抓班子\n正文……", "全县组织工作会议召开")
    [('一、抓班子', 1)]
    """
    if not title or not headings:
        return headings
    lines = [re.sub(r"\s+", "", line) for line in text.split("\n")]
    wanted = re.sub(r"\s+", "", title)
    at = next((k for k, line in enumerate(lines[:HEADLINE_WITHIN]) if line == wanted), None)
    if at is None:
        return headings
    above = {line for line in lines[: at + 1] if line}
    kept = [(line, level) for line, level in headings if re.sub(r"\s+", "", line) not in above]
    top = min((level for _, level in kept), default=1)
    return [(line, level - top + 1) for line, level in kept]


def _heads_prose(lines: list[str], title: str, titles: set[str]) -> bool:
    """Is the heading a line of the text with running text under it (past any headings right below
    it)? A side box's heading kept with the text (热点新闻, 相关新闻 over a list of links) has none."""
    at = next((k for k, line in enumerate(lines) if line.strip() == title), None)
    if at is None:
        return False
    below = (line.strip() for line in lines[at + 1 :] if line.strip() and line.strip() not in titles)
    following = next(below, "")
    return len(following) >= 15 and not re.match(r"^[-*•|]", following)


_NOT_A_SUBHEAD = re.compile(r"[。！？：:]$|^[—–-]|记者|编辑|来源|作者|通讯员|摄影|^.{0,6}(?:推荐|阅读|相关|点击|关注).{0,2}$|^\S{1,4}\s*[︱丨｜|/]\s*\S")
"""A bold line that is a sentence, a lead-in (点评：), a quotation's source (——陆游), a byline or a
page's box title (推荐阅读, 相关新闻, 点击阅读原文: a short label; a subhead that speaks of 关注
or 相关 in a phrase of its own, `关注点多与所学专业相关`, is one), a credit set as label︱names
(出品︱某某栏目组, 文丨张三): emphasis, not a subhead."""


def _outline(text: str, marked: dict[str, int], bold: set[str]) -> list[tuple[str, int]]:
    """The text's headings in order: the page's h2–h4 at their level, and a wholly bold line one
    level below the marked heading it follows (a documentation page's bold caption inside an h3's
    section is no section of its own), at the top where none comes before; a bold line right under
    a bold subhead is its deck, a level below it (a news page's 小标题 over its 副题) — only as a pair:
    three or more bold lines in a row are siblings (an in-page 目录's 结语 / 编写说明与致谢 / 导言), a
    numbered line (第二章, 三、) starts a part of its own, and a line the page sets twice (an in-page
    目录's entry and the part it lists) is an entry of the outline: never a deck."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    times = Counter(re.sub(r"\s+", "", line) for line in lines)
    runs = [0] * len(lines)  # how many bold lines in a row this one stands in
    start = 0
    for k in range(len(lines) + 1):
        if k == len(lines) or lines[k] not in bold or lines[k] in marked:
            for j in range(start, k):
                runs[j] = k - start
            start = k + 1
    headings, above = [], 0
    for k, line in enumerate(lines):
        previous = lines[k - 1] if k else None
        if line in marked:
            above = marked[line]
            headings.append((line, above))
        elif (line in bold and runs[k] == 2 and previous in bold and headings and headings[-1][0] == previous
              and not _SEQUENCE_LABEL.match(line) and times[re.sub(r"\s+", "", line)] == times[re.sub(r"\s+", "", previous)] == 1):
            headings.append((line, min(headings[-1][1] + 1, 3)))
        elif line in bold:
            headings.append((line, min(above + 1, 3)))
    return headings


_SEQUENCE_LABEL = re.compile(r"^(?:第[一二三四五六七八九十百零〇\d]+[章节部篇讲]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d))")
"""The number a part of a sequence opens with (第二章, 三、, （四）, 5.)."""


def _subheads(formatted: str) -> set[str]:
    """Lines of the extractor's Markdown that are wholly bold and short: a page's subheads."""
    found = set()
    for line in formatted.split("\n"):
        m = re.fullmatch(r"\s*\*\*([^*]{2,40})\*\*\s*", line)
        if m and not _NOT_A_SUBHEAD.search(m.group(1).strip()):
            found.add(m.group(1).strip())
    return found


_SITE_SUFFIX = re.compile(r"\s*(?:[_|｜]|\s[-–—]\s|-(?=[^-]{2,16}$)).*$")
_CATEGORY = re.compile(r"^[\[【][^\]】]{1,16}[\]】]\s*")


def _links_home(h1) -> bool:
    """An <h1> that is a link to the site's home page: the site's logo, not a headline."""
    links = h1.xpath(".//a[@href]")
    home = re.compile(r"^(?:(?:https?:)?//[^/]+)?/?(?:\./)?(?:index\.\w+)?$")
    return any(home.match(a.get("href").strip()) for a in links) and re.sub(r"\s+", "", h1.text_content()) == re.sub(r"\s+", "", "".join(a.text_content() for a in links))


def _opens(text: str, line: str, within: int) -> bool:
    """Is the line one of the text's first lines, or one or two of them run together (a headline
    the page breaks with <br>: `关于…的报告` over `（示例标题）`)?"""
    first = [re.sub(r"\s+", "", t) for t in text.split("\n")[:within]]
    wanted = re.sub(r"\s+", "", line)
    return any(wanted in ("".join(first[k : k + 1]), "".join(first[k : k + 2])) for k in range(len(first)))


def _shown_on_page(date: str, html: str) -> bool:
    """Does the page show or record the date (2025-03-02, 2025/3/2, 2025.03.02, 2025年3月2日)? The
    extractor guesses a date from any year in the text (2025 → 2025-01-01): a date the page never
    gives is no date of the page's."""
    year, month, day = date.split("-")
    month, day = str(int(month)), str(int(day))
    written = rf"{year}\s*(?:[-/.]\s*0?{month}\s*[-/.]\s*0?{day}(?!\d)|年\s*0?{month}\s*月\s*0?{day}\s*日)"
    return re.search(written, html) is not None


SITE_NAME_MAX = 30
"""A site's name after its page's headline in the <title> is an organ's or a site's: a few words."""


def without_the_sites_name(title: str, text: str) -> str:
    r"""A <title> that is the headline, a space and the site's name (…技能大赛 某某省某某医院): the headline, when the page
    shows both apart — the headline on a line without the name (its h1, perhaps after a category tag), the name on
    a line without the headline (its footer's 版权所有 …). A title of two phrases the page prints together stays whole.

    >>> page = "新闻动态\n【党建】我院党支部举办2019年药学技能大赛\n正文……\n版权所有 某某省某某医院"
    >>> without_the_sites_name("我院党支部举办2019年药学技能大赛 某某省某某医院", page)
    '我院党支部举办2019年药学技能大赛'
    >>> without_the_sites_name("坚持党建引领 建强战斗堡垒", "坚持党建引领 建强战斗堡垒\n一、建强战斗堡垒")
    '坚持党建引领 建强战斗堡垒'
    """
    head, space, tail = re.sub(r"[\s\u3000]+", " ", title).strip().rpartition(" ")
    letters = lambda t: "".join(ch for ch in unicodedata.normalize("NFKC", t) if ch.isalnum())  # noqa: E731
    h, t, whole = letters(head), letters(tail), letters(title)
    if not space or len(h) < 6 or not 2 <= len(t) <= SITE_NAME_MAX:
        return title
    lines = [letters(line) for line in text.split("\n")]
    alone = any(h in line and whole not in line for line in lines)
    named = any(t in line and h not in line for line in lines)
    return head if alone and named else title


def page_headline(html: str, fallback: str, text: str = "") -> str:
    r"""The page's headline: an <h1> that the page's <title> or og:title also names, else og:title,
    else the <title> without the site's name after it (`…_凤凰网`, `…-新华网`) and a category before
    it (`[地方新闻]…`) when the page shows it on a line of its own near the top of the text (a portal
    whose <h1> is its name, not a link, and whose headline is an <h2> or a styled block), else the
    page's one <h1> (a report page whose <title> names the tool that made it, a page whose <title> is
    only the site's name), else that <title>, else the block over the posting line, else the extractor's title.

    >>> portal = ('<html><head><title>全县组织工作会议召开_某某县人民政府</title></head><body><h1>某某县人民政府</h1>'
    ...           '<h2>全县组织工作会议召开</h2><p>正文……</p></body></html>')
    >>> page_headline(portal, "", "某某县人民政府\n全县组织工作会议召开\n正文……")
    '全县组织工作会议召开'
    """
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return fallback.strip()
    og = " ".join(tree.xpath('//meta[@property="og:title"]/@content')).strip()
    titles = re.sub(r"\s+", "", og + "".join(tree.xpath("//title/text()")))
    suffix = _SITE_SUFFIX.search(" ".join(tree.xpath("//title/text()")).strip())
    site = re.sub(r"^[\s_|｜\-–—]+", "", suffix.group(0)) if suffix else ""
    for h1 in (h for h in tree.iter("h1") if not _links_home(h)):
        text_of_h1 = re.sub(r"\s+", " ", h1.text_content()).strip()
        if 4 <= len(text_of_h1) <= 80 and re.sub(r"\s+", "", text_of_h1) in titles and text_of_h1 != site:
            return text_of_h1  # (an <h1> that is the site's name the <title> gives after the headline names the site)
    title = " ".join(tree.xpath("//title/text()")).strip()
    if not og and title:
        shown = "\n".join([text, *(t.strip() for t in tree.xpath("//body//text()") if t.strip())])  # the footer the extractor left out too
        title = without_the_sites_name(_SITE_SUFFIX.sub("", _CATEGORY.sub("", title)).strip(), shown)
        if len(title) >= 6 and _opens(text, title, HEADLINE_WITHIN):
            return title  # the <title> names a line the page shows by its text: the headline, whatever the <h1> says
    h1s = [re.sub(r"\s+", " ", h1.text_content()).strip() for h1 in tree.iter("h1") if not _links_home(h1)]
    if not og and len(h1s) == 1 and 4 <= len(h1s[0]) <= 80:
        return h1s[0]
    return og or (title if len(title) >= 6 else "") or headline_over_its_posting_line(tree) or fallback.strip()


HEADLINE_WITHIN = 8
"""A page's headline stands within the first lines of the text the extractor took (its crumbs, logo above)."""


_BLOCKS = ("div", "p", "td", "li", "span", "h2", "h3", "h4", "h5", "h6", "strong", "b", "font")


def headline_over_its_posting_line(tree) -> str:
    """A headline the page sets in a styled block of its own (no <h1>, an empty <title>): the block
    right above the page's posting line (`发稿时间：2021/7/1`, `发布日期：2024-05-05`): short, no
    link (a column's crumbs are links), no posting line itself, half of it Han. Its place over the
    posting line is the evidence, not its words.

    >>> import lxml.html
    >>> page = '<div><div class="t">某某公司召开年度党建工作会议！</div><div class="d">发稿时间：2021/7/1</div><p>正文</p></div>'
    >>> headline_over_its_posting_line(lxml.html.fromstring(page))
    '某某公司召开年度党建工作会议！'
    >>> crumbs = '<div><div><a href="/">首页</a> &gt; <a href="/n">新闻</a></div><div>发布时间：2024-05-05</div></div>'
    >>> headline_over_its_posting_line(lxml.html.fromstring(crumbs))
    ''
    """
    for block in tree.iter(*_BLOCKS):
        own = re.sub(r"\s+", " ", block.text_content()).strip()
        if len(own) > 80 or not POSTING_LINE.search(own) or any(
                POSTING_LINE.search(child.text_content()) for child in block.iterchildren() if isinstance(child.tag, str)):
            continue  # the innermost block holding the posting line
        above = _element_before(block)
        while above is not None and not re.sub(r"\s+", "", above.text_content()):
            above = _element_before(above)
        if above is None:
            return ""
        text = re.sub(r"\s+", " ", above.text_content()).strip()
        han = len(re.findall(r"[\u4e00-\u9fff]", text))
        if 6 <= len(text) <= 80 and han * 2 >= len(text) and above.find(".//a") is None and above.tag != "a" \
                and not POSTING_LINE.search(text) and not re.search(r"[>›»]", text):
            return text
        return ""
    return ""


def page_date(html: str) -> str | None:
    """The date a page records for itself in its markup: article:published_time (and its kin) or a
    <time datetime> (else html_text takes the date the extractor reads beside the headline, 发布时间…)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    values = tree.xpath(
        '//meta[@property="article:published_time" or @property="og:published_time" or @name="pubdate" or @name="PubDate"'
        ' or @name="publishdate" or @itemprop="datePublished"]/@content'
    ) + tree.xpath("//time/@datetime")
    return next((d for d in map(_iso_date, values) if d), None)


def _iso_date(value: str) -> str | None:
    m = re.match(r"((?:19|20)\d{2})-(\d{2})-(\d{2})", value)
    return m.group(0) if m else None


_CHARSET = re.compile(rb"""<meta[^>]{0,200}charset\s*=\s*["']?([A-Za-z0-9_-]{2,20})""", re.IGNORECASE)


def _decode_html(data: bytes, name: str) -> str:
    declared = _CHARSET.search(data[:4096])
    if declared:
        encoding = declared.group(1).decode("ascii").lower()
        if encoding in ("gb2312", "gbk"):
            encoding = "gb18030"
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, name)[0]


# --- Markdown ------------------------------------------------------------------------------------

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


MARKDOWN_HEADINGS_MIN = 2
"""As the text reader has it (parse.MARKDOWN_HEADINGS_MIN): a single marked line is no outline."""


def markdown_outline(text: str) -> tuple[str | None, list[tuple[str, int]]]:
    r"""The title and the outline a Markdown file marks with `#`: its first line is the title when it is a heading
    alone at its depth (`# 在…的讲话` over `## 一、…`); the other `#` lines, two or more, are headings at the rank
    of their depth (the fewest # level 1, then 2, then 3) — kb add writes them as heading_lines, as it does a
    Word file's heading styles, since the stored text has lost the marks.

    >>> markdown_outline("# 在全县组织工作会议上的讲话\n\n## 一、抓班子\n\n正文。\n\n### （一）选干部\n\n## 二、强基层")
    ('在全县组织工作会议上的讲话', [('一、抓班子', 1), ('（一）选干部', 2), ('二、强基层', 1)])
    >>> markdown_outline("# 一、抓班子\n\n正文。\n\n# 二、强基层\n\n正文。")
    (None, [('一、抓班子', 1), ('二、强基层', 1)])
    >>> markdown_outline("# 在全县组织工作会议上的讲话\n\n正文。\n\n## 一、抓班子\n\n正文。")
    ('在全县组织工作会议上的讲话', [])
    """
    marked = []  # (line's place among the non-empty lines, text, depth)
    for place, line in enumerate(line for line in text.splitlines() if line.strip()):
        hashes = _MD_HEADING.match(line)
        if hashes:
            heading = markdown_text(line).strip()
            if heading:
                marked.append((place, heading, hashes.group().count("#")))
    title = None
    if marked and marked[0][0] == 0 and sum(depth == marked[0][2] for _, _, depth in marked) == 1:
        title, marked = marked[0][1], marked[1:]
    if len(marked) < MARKDOWN_HEADINGS_MIN:
        return title, []
    rank = {depth: min(k, 3) for k, depth in enumerate(sorted({depth for _, _, depth in marked}), 1)}
    return title, [(heading, rank[depth]) for _, heading, depth in marked]


def markdown_document(text: str, notes: list[str]) -> Converted:
    """A Markdown file as kb add stores it: the text without its markup, its `#` title and outline kept aside
    (markdown_outline) for speeches.yaml."""
    title, headings = markdown_outline(text)
    if headings:
        notes = [*notes, f"按 Markdown 的 # 标记认出小标题 {len(headings)} 个，写入 speeches.yaml 的 heading_lines"]
    return Converted(markdown_text(text), "markdown", notes, headings=headings, title=title, title_by=TITLE_BY_MARKDOWN_TOP if title else None)


def markdown_text(text: str) -> str:
    """Markdown without its markup: `## 一、…` → `一、…`, **bold** → bold; * and _ elsewhere stay (`*同志`)."""
    out = []
    for line in text.splitlines():
        line = _MD_HEADING.sub("", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        if re.fullmatch(r"\s*(?:[-*_]\s*){3,}", line):
            line = ""
        out.append(line.rstrip())
    return "\n".join(out)
