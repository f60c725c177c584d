"""Turn the files curators receive (.docx, .doc/.wps, .pdf, saved web pages, .txt, .md) into speech text.

`kb add` uses this before it stores a file in the corpus: the build itself only reads plain text.
Each converter returns the text as a reader sees it (Word's automatic numbering written out, a PDF's
hard-wrapped lines re-flowed and its running headers and page numbers dropped, a web page's main
text without the navigation) and notes on what it did, so nothing is changed silently.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KbError
from .read import decode
from .wordnum import W, Numbering, parse_numbering

log = logging.getLogger(__name__)

CONVERTIBLE = (".txt", ".text", ".md", ".markdown", ".docx", ".doc", ".wps", ".pdf", ".html", ".htm", ".mhtml", ".xhtml")


class ConversionError(KbError):
    def __init__(self, name: str, message: str):
        super().__init__(f"{name}: {message}")


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


def convert(path: Path) -> Converted:
    """The speech text of one file, by its type; ConversionError when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in CONVERTIBLE:
        raise ConversionError(path.name, f"cannot import {suffix or 'a file without a suffix'} files; kb add reads {', '.join(CONVERTIBLE)}")
    data = path.read_bytes()
    if suffix == ".docx":
        converted = docx_text(data, path.name)
    elif suffix in (".doc", ".wps"):
        converted = office_text(path)
    elif suffix == ".pdf":
        converted = pdf_text(data, path.name)
    elif suffix in (".html", ".htm", ".xhtml", ".mhtml"):
        converted = html_text(data, path.name)
    else:
        text, encoding = decode(data, path.name)
        kind = "markdown" if suffix in (".md", ".markdown") else "text"
        converted = Converted(markdown_text(text) if kind == "markdown" else text, kind, [f"read as {encoding}"])
    converted.text = normalise(converted.text)
    converted.heading_lines = _locate(converted.headings, converted.text)
    if not re.search(r"[\u4e00-\u9fff]", converted.text):
        raise ConversionError(path.name, "holds no Chinese text after conversion; is it a speech?")
    return converted


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


def docx_text(data: bytes, name: str) -> Converted:
    """Paragraphs and table rows in document order, with Word's numbering labels and footnotes."""
    import io
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ConversionError(name, f"is not a readable Word .docx file ({exc}); open it in Word or WPS and save it again as .docx") from None
    numbering = Numbering(parse_numbering(_numbering_root(document)))
    styles = _style_numbering(document)
    outline_levels = _style_outline_levels(document)
    headings: list[tuple[str, int]] = []
    footnotes = _footnotes(document)
    lines: list[str] = []
    cited: list[str] = []
    labels = rows = 0
    for block in document.element.body.iterchildren():
        if block.tag == f"{W}p":
            text = _paragraph_text(block, footnotes, cited)
            num_id, ilvl = _numbering_of(block, styles)
            label = numbering.label(num_id, ilvl) if num_id else ""
            if label and text.strip():
                labels += 1
                text = label + text.lstrip()
            level = _heading_level(block, outline_levels)
            if level and text.strip():
                headings.append((text.strip(), level))
            lines.append(text.strip())
        elif block.tag == f"{W}tbl":
            for row in block.iter(f"{W}tr"):
                cells = ["".join(t.text or "" for t in cell.iter(f"{W}t")).strip() for cell in row.iter(f"{W}tc")]
                if any(cells):
                    lines.append("　".join(c for c in cells if c))
                    rows += 1
            lines.append("")
    notes = []
    if labels:
        notes.append(f"{labels} automatic numbering labels written out")
    if rows:
        notes.append(f"{rows} table rows kept as lines")
    if cited:
        lines += ["", "注释："] + [f"[{number}] {footnotes[number]}" for number in cited]
        notes.append(f"{len(cited)} footnotes kept at the end")
    if headings:
        notes.append(f"{len(headings)} headings marked by Word styles or outline levels (heading_lines in speeches.yaml)")
    return Converted("\n".join(_paragraph_breaks(lines)), "docx", notes, headings=headings)


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


def _paragraph_text(paragraph, footnotes: dict[str, str], cited: list[str]) -> str:
    out = []
    for node in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}footnoteReference", f"{W}delText"):
        if node.tag == f"{W}t":
            out.append(node.text or "")
        elif node.tag == f"{W}tab":
            out.append(" ")
        elif node.tag == f"{W}footnoteReference":
            number = node.get(f"{W}id")
            if number in footnotes:
                if number not in cited:
                    cited.append(number)
                out.append(f"[{cited.index(number) + 1}]")
        # Deleted text of tracked changes (delText) is not what the reader sees: left out.
    return "".join(out)


def _footnotes(document) -> dict[str, str]:
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob)
            notes = {}
            for note in root.iter(f"{W}footnote"):
                if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                text = "".join(t.text or "" for t in note.iter(f"{W}t")).strip()
                if text:
                    notes[note.get(f"{W}id")] = text
            return notes
    return {}


def office_text(path: Path) -> Converted:
    """.doc and .wps through LibreOffice (converted to .docx, then read as one)."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise ConversionError(
            path.name,
            f"{path.suffix} files need LibreOffice to convert (sudo apt-get install libreoffice-writer), "
            "or open the file in Word or WPS and save it as .docx, then run kb add on that",
        )
    with tempfile.TemporaryDirectory(prefix="kb-add-") as folder:
        # A private profile: a LibreOffice window the user has open must not block the conversion.
        command = [office, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "docx", "--outdir", folder, str(path)]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=180)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise ConversionError(path.name, f"LibreOffice could not convert it ({exc}); open it in Word or WPS and save it as .docx") from None
        converted = Path(folder) / (path.stem + ".docx")
        if not converted.is_file():
            raise ConversionError(path.name, "LibreOffice produced no .docx; open it in Word or WPS and save it as .docx")
        result = docx_text(converted.read_bytes(), path.name)
    result.kind = f"{path.suffix.lstrip('.')} (via LibreOffice)"
    return result


# --- PDF -----------------------------------------------------------------------------------------

def pdf_text(data: bytes, name: str) -> Converted:
    """A text PDF's paragraphs in reading order, without running headers, footers and page numbers
    (ingest/pdf.py reads the layout); every dropped line is logged with its page."""
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    from .pdf import read_pdf

    try:
        read = read_pdf(data)
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConversionError(name, f"不是可以读取的 PDF 文件（{type(exc).__name__}）；请用 PDF 阅读器打开后另存一份再导入") from None
    text = "\n\n".join(read.paragraphs)
    if not read.has_text:
        raise ConversionError(
            name,
            f"没有文字层（{read.pages} 页都是图片，是扫描件）；请先做文字识别（如 WPS 或 ABBYY 的“PDF 转 Word”），再导入识别结果",
        )
    if not re.search(r"[\u4e00-\u9fff]", text):
        raise ConversionError(name, f"有文字层（{read.pages} 页），但没有中文文字；导入的应是中文讲话稿")
    for page, line, reason in read.dropped:
        log.info("%s: 第 %d 页: 去掉（%s）: %s", name, page, reason, line)
    notes = [f"共 {read.pages} 页"]
    numbers = sum(reason == "page-number" for _, _, reason in read.dropped)
    running = len(read.dropped) - numbers
    if numbers:
        notes.append(f"去掉页码 {numbers} 处")
    if running:
        notes.append(f"去掉页眉页脚 {running} 行")
    if read.columns:
        notes.append(f"{read.columns} 页按双栏顺序读取")
    if read.table_rows:
        notes.append(f"表格 {read.table_rows} 行，每行一段")
    if read.markers:
        notes.append(f"注释标号 {read.markers} 个放回所在句子")
    if read.joined_lines:
        notes.append(f"{read.joined_lines + len(read.paragraphs)} 行接成 {len(read.paragraphs)} 段")
    return Converted(text, "pdf", notes)


# --- web pages -----------------------------------------------------------------------------------


def html_text(data: bytes, name: str) -> Converted:
    """The main text of a saved web page (trafilatura), the page title on top when the text lacks it."""
    import trafilatura

    html = _decode_html(data, name)
    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True, deduplicate=False)
    if not text:
        text = trafilatura.html2txt(html)
        notes = ["no main text found: the whole page's text kept (the boilerplate rules will clean it)"]
    else:
        notes = ["main text extracted from the page (navigation and side bars left out)"]
    metadata = trafilatura.extract_metadata(html)
    title = (metadata.title or "").strip() if metadata else ""
    if title and title not in text[:200]:
        text = title + "\n\n" + text
        notes.append("page title put on top")
    return Converted(text, "html", notes)


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
