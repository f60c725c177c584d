"""The text and heading styles of a binary Word 97–2003 file (.doc, .dot, WPS files saved so), without LibreOffice.

Offices still keep many speeches as .doc. LibreOffice reads them best (it gives Word's numbering labels and
heading styles, and convert.office_text uses it when it is installed); where it is not, this reader takes the
text itself, as Word stores it ([MS-DOC]):

- the file is an OLE compound file (olefile reads its streams);
- the `WordDocument` stream opens with the FIB, which says which table stream holds the piece table
  (`0Table` or `1Table`), where the piece table is (fcClx, lcbClx) and how many characters the main text,
  the footnotes, the headers and the endnotes have (ccpText, ccpFtn, ccpHdd, …);
- the piece table (the Pcdt in the CLX) cuts the character positions into pieces, each stored either as
  UTF-16 (Chinese text always is) or as 8-bit Windows-1252 at half its file offset ("compressed");
- a paragraph's style is found by where its mark is in the file: the bin table (PlcBtePapx) names the page
  (FKP) of paragraph properties that covers it, the page its style index and own outline level; the style sheet
  (STSH) gives each index's built-in identifier and name, so 标题 1–3 become headings and 标题 the title.

What the reader cannot give is what Word keeps in its list tables: automatic numbering (一、 made by the list,
not typed). The text itself is whole: every character of the main text, fields shown as their results,
footnotes and endnotes after it as 注释.
"""

from __future__ import annotations

import io
import re
import struct
from dataclasses import dataclass, field

FIB_MAGIC = 0xA5EC
"""wIdent, the FIB's first two bytes in every Word 97 and later file."""
FIRST_WORD97_FIB = 0x00C1
"""nFib of Word 97; smaller numbers are Word 6/95, whose text is stored another way."""
CLX_PAIR = 33
"""fcClx/lcbClx is the 34th (fc, lcb) pair of FibRgFcLcb97."""
STYLES_PAIR = 1
"""fcStshf/lcbStshf, the second pair."""
PARAGRAPH_RUNS_PAIR = 13
"""fcPlcfBtePapx/lcbPlcfBtePapx, the 14th pair."""
FKP_PAGE = 512
"""A formatted disk page (FKP) of paragraph properties."""
HEADING_STIS = {1: 1, 2: 2, 3: 3}
"""Word's built-in style identifiers of 标题 1–3 (heading 1–3), whatever name a localised Word gives them."""
TITLE_STI = 62
"""Word's built-in 标题 (Title) style."""
OUTLINE_LEVEL_SPRM = 0x2640
"""sprmPOutLvl: a paragraph's own outline level (0 = level 1 … 8, 9 = body text)."""
PIECE_DESCRIPTOR = 8
"""Bytes of one PCD in the piece table."""

PARAGRAPH_END = "\r"
CELL_END = "\x07"
"""Ends a table cell, and (alone) a table row: both end a line of text."""
FIELD_BEGIN, FIELD_SEPARATOR, FIELD_END = "\x13", "\x14", "\x15"
LINE_BREAKS = {"\x0b": "\n", "\x0c": "\n", "\x0e": "\n"}
"""Shift+Enter, a page or section break, a column break: a line ends there, as in a .docx."""
DROPPED = {
    "\x01": "a picture's anchor",
    "\x08": "a drawing's anchor",
    "\x05": "a comment's mark",
    "\x1f": "an optional hyphen",
    "\x00": "padding",
}
"""Characters Word puts in the text stream that are no text of the speech."""
REPLACED = {"\x1e": "-", "\xa0": " ", "\t": " "}
"""A non-breaking hyphen, a non-breaking space and a tab, as the reader sees them."""
NOTE_REFERENCE = "\x02"
"""An auto-numbered footnote or endnote reference in the main text."""


class NotWordText(Exception):
    """The file is no Word 97–2003 text this reader can take; `reason` says why, in Chinese, for the curator
    (a clause: 加了密码，读不出来); `other_office_file` when it holds a spreadsheet or slides instead."""

    def __init__(self, reason: str, other_office_file: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.other_office_file = other_office_file


@dataclass
class WordText:
    paragraphs: list[str]
    """The main text's paragraphs (a soft break inside one is a \\n; a table's end is an empty one), then 注释
    and the footnotes and endnotes."""
    counts: dict[str, int] = field(default_factory=dict)
    """What was left out of the text stream or replaced, by kind (for the import summary)."""
    headings: list[tuple[str, int]] = field(default_factory=list)
    """Paragraphs in a heading style (标题 1–3, or a style or paragraph given outline level 1–3): (text, level)."""
    title: str | None = None
    """The first paragraph in Word's Title style, when one of the first few is."""


@dataclass
class _Fib:
    table_stream: str
    clx: tuple[int, int]
    styles: tuple[int, int]
    """fcStshf, lcbStshf: the style sheet in the table stream."""
    paragraph_runs: tuple[int, int]
    """fcPlcfBtePapx, lcbPlcfBtePapx: where each run of paragraphs' properties is (pages of the WordDocument stream)."""
    text_chars: int
    footnote_chars: int
    header_chars: int
    macro_chars: int
    comment_chars: int
    endnote_chars: int


def read_word97(data: bytes) -> WordText:
    """The text of a Word 97–2003 file given as bytes; NotWordText when it is none (or encrypted, or Word 95).

    >>> # see tests/ingest/test_worddoc.py: files written by tests/office_files.write_word97
    """
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, struct.error, IndexError) as exc:
        raise NotWordText("文件结构已损坏，读不出来") from exc
    with ole:
        if not ole.exists("WordDocument"):
            raise NotWordText("里面却不是 Word 文字，而是别的 Office 文件（表格或演示文稿）", other_office_file=True)
        try:
            word = ole.openstream("WordDocument").read()
            fib = _read_fib(word)
            if not ole.exists(fib.table_stream):
                raise NotWordText(f"缺少 {fib.table_stream} 数据流，文件不完整，读不出来")
            table = ole.openstream(fib.table_stream).read()
        except (OSError, ValueError, struct.error, IndexError) as exc:
            raise NotWordText("文件结构已损坏，读不出来") from exc
    try:
        pieces = _pieces(table, fib.clx)
        characters = _characters(word, pieces)
    except (struct.error, IndexError, ValueError, OverflowError) as exc:
        # A damaged or hostile piece table can point anywhere: the curator needs the remedy, not its trace.
        raise NotWordText("正文的分段表已损坏，读不出来") from exc
    counts: dict[str, int] = {}
    marks: list[int] = []
    main = _visible(characters[: fib.text_chars], counts, marks)
    try:
        styles = _paragraph_styles(word, table, fib, pieces, marks)
    except (struct.error, IndexError, ValueError, OverflowError):
        styles = []  # damaged style tables cost the headings, never the text
        counts["unread styles"] = 1
    notes_start = fib.text_chars
    footnotes = characters[notes_start : notes_start + fib.footnote_chars]
    endnotes_start = notes_start + fib.footnote_chars + fib.header_chars + fib.macro_chars + fib.comment_chars
    endnotes = characters[endnotes_start : endnotes_start + fib.endnote_chars]
    notes = [note for part in (footnotes, endnotes) for note in _notes(part, counts)]
    lines, headings, title = _lines(main, styles)
    if notes:
        lines += ["", "注释："] + [f"[{k}] {note}" for k, note in enumerate(notes, 1)]
        counts["notes"] = len(notes)
    return WordText(lines, counts, headings, title)


def _read_fib(word: bytes) -> _Fib:
    """The FIB's fields this reader needs, found by the sizes the FIB itself gives (csw, cslw), not fixed offsets."""
    if len(word) < 34:
        raise NotWordText("文件不完整，读不出来")
    ident, n_fib = struct.unpack_from("<HH", word, 0)
    if ident != FIB_MAGIC:
        raise NotWordText("文件头不对，读不出来")
    (flags,) = struct.unpack_from("<H", word, 0x0A)
    if flags & 0x0100:
        raise NotWordText("加了密码，读不出来")
    if n_fib < FIRST_WORD97_FIB:
        raise NotWordText("版本是更旧的 Word 6.0/95，读不出来")
    table_stream = "1Table" if flags & 0x0200 else "0Table"
    at = 32
    (csw,) = struct.unpack_from("<H", word, at)
    at += 2 + csw * 2
    (cslw,) = struct.unpack_from("<H", word, at)
    lw = at + 2
    ccp = struct.unpack_from("<10i", word, lw + 12)  # ccpText, ccpFtn, ccpHdd, ccpMcr, ccpAtn, ccpEdn, …
    at = lw + cslw * 4
    (pairs,) = struct.unpack_from("<H", word, at)
    if pairs <= CLX_PAIR:
        raise NotWordText("文件头不完整，找不到正文，读不出来")
    pair = lambda k: struct.unpack_from("<II", word, at + 2 + k * 8)  # noqa: E731
    return _Fib(table_stream, pair(CLX_PAIR), pair(STYLES_PAIR), pair(PARAGRAPH_RUNS_PAIR), max(ccp[0], 0), max(ccp[1], 0), max(ccp[2], 0), max(ccp[3], 0), max(ccp[4], 0), max(ccp[5], 0))


def _pieces(table: bytes, clx: tuple[int, int]) -> list[tuple[int, int, int, bool]]:
    """The piece table: (first cp, last cp, file offset, compressed) per piece.

    The CLX is a run of Prc blocks (0x01, a 2-byte size, property modifiers: skipped) and then one Pcdt
    (0x02, a 4-byte size, the PlcPcd: n+1 character positions and n piece descriptors)."""
    offset, size = clx
    at, end = offset, min(offset + size, len(table))
    while at < end and table[at] == 0x01:
        (prc,) = struct.unpack_from("<h", table, at + 1)
        at += 3 + max(prc, 0)
    if at >= end or table[at] != 0x02:
        raise NotWordText("找不到正文的分段表（文件不完整或已损坏），读不出来")
    (length,) = struct.unpack_from("<I", table, at + 1)
    if at + 5 + length > len(table):
        raise NotWordText("正文的分段表超出了文件，读不出来")
    plc = table[at + 5 : at + 5 + length]
    n = (len(plc) - 4) // (4 + PIECE_DESCRIPTOR)
    if n <= 0:
        raise NotWordText("正文的分段表是空的，读不出来")
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    pieces = []
    for k in range(n):
        (fc,) = struct.unpack_from("<I", plc, (n + 1) * 4 + k * PIECE_DESCRIPTOR + 2)
        compressed = bool(fc & 0x40000000)
        start = (fc & 0x3FFFFFFF) // 2 if compressed else fc & 0x3FFFFFFF
        pieces.append((cps[k], cps[k + 1], start, compressed))
    return pieces


def _characters(word: bytes, pieces: list[tuple[int, int, int, bool]]) -> str:
    out = []
    for first, last, start, compressed in pieces:
        count = max(last - first, 0)
        if compressed:
            out.append(word[start : start + count].decode("cp1252", errors="replace"))
        else:
            out.append(word[start : start + 2 * count].decode("utf-16-le", errors="replace"))
    return "".join(out)


def _visible(characters: str, counts: dict[str, int], marks: list[int] | None = None) -> str:
    """The text as Word shows it: a field's result without its code (`PAGE`, `HYPERLINK "…"`), marks and
    anchors left out, a note reference as its number in brackets."""
    out: list[str] = []
    fields: list[bool] = []
    """Per open field (nested fields nest): whether its code is still being read (before its separator)."""
    notes = 0
    for cp, character in enumerate(characters):
        if character == FIELD_BEGIN:
            fields.append(True)
            counts["fields"] = counts.get("fields", 0) + 1
            continue
        if character == FIELD_SEPARATOR:
            if fields:
                fields[-1] = False
            continue
        if character == FIELD_END:
            if fields:
                fields.pop()
            continue
        if any(fields):
            continue  # a field's code, never shown
        if character == NOTE_REFERENCE:
            notes += 1
            out.append(f"[{notes}]")
        elif character in DROPPED:
            counts[DROPPED[character]] = counts.get(DROPPED[character], 0) + 1
        else:
            if marks is not None and character in (PARAGRAPH_END, CELL_END):
                marks.append(cp)  # where its properties (its style) are found
            out.append(REPLACED.get(character, LINE_BREAKS.get(character, character)))
    return "".join(out)


TABLE_ROW_CELL_MAX = 30
"""A table row whose cells are each one short paragraph (at most this many characters) is one line, cells
apart, as the .docx reader writes it (a form's 姓名　某某　性别　女)."""


TITLE_WITHIN = 3
"""A paragraph in the Title style is the title when it is among the text's first three."""


def _lines(text: str, styles: list[tuple[int | None, bool]] | None = None) -> tuple[list[str], list[tuple[str, int]], str | None]:
    """A paragraph per paragraph and table cell, a row of short cells as one, cells apart; an empty one after a table.

    In the text stream a paragraph ends with \\r, a cell with \\x07, and a row with a \\x07 of its own
    (right after its last cell's). Paragraphs that follow a cell's end before the row ends are that row's
    next cell's. `styles` gives, per mark in order, the paragraph's heading level (or None) and whether it is
    in the Title style: a paragraph outside a table so marked is a heading, or the title."""
    lines: list[str] = []
    headings: list[tuple[str, int]] = []
    title = None
    row: list[list[str]] = []
    pending: list[str] = []
    """Paragraphs of a cell not yet ended (only while a row is open; elsewhere a paragraph is a line). An empty
    cell reads as the row's end (only Word's paragraph properties tell them apart): its row is then two lines."""

    def flush_row() -> None:
        texts = [cell[0] for cell in row if len(cell) == 1]
        if len(texts) == len(row) and all(len(t) <= TABLE_ROW_CELL_MAX for t in texts):
            if any(texts):
                lines.append("\u3000".join(t for t in texts if t))
        else:
            lines.extend(p for cell in row for p in cell if p)
        row.clear()

    for k, (chunk, mark) in enumerate(zip(*[iter(re.split(r"([\r\x07])", text) + [PARAGRAPH_END])] * 2)):
        # A soft break (Shift+Enter) ends a line inside the paragraph, as a .docx's <w:br/> does.
        paragraph = "\n".join(line for line in map(_trimmed, chunk.split("\n")) if line)
        paragraphs = [paragraph] if paragraph else []
        level, titled = styles[k] if styles and k < len(styles) else (None, False)
        if mark == PARAGRAPH_END and not row and paragraph and "\n" not in paragraph:
            if titled and title is None and len(lines) < TITLE_WITHIN:
                title = paragraph
            elif level:
                headings.append((paragraph, level))
        if mark == PARAGRAPH_END:
            (pending if row else lines).extend(paragraphs)
        elif chunk or pending:
            row.append(pending + paragraphs)
            pending = []
        elif row:
            flush_row()
            lines.append("")
    if row:
        flush_row()
    lines.extend(pending)
    while lines and not lines[-1]:
        lines.pop()
    return lines, headings, title


def _trimmed(line: str) -> str:
    return line.strip(" \u3000")


def _notes(part: str, counts: dict[str, int]) -> list[str]:
    """The notes of a footnote or endnote story: each opens with its reference mark (\\x02) and runs to the next."""
    notes = []
    for chunk in part.split(NOTE_REFERENCE)[1:]:
        text = " ".join(" ".join(_lines(_visible(chunk, counts))[0]).split("\n"))
        if text:
            notes.append(text)
    return notes


def _paragraph_styles(word: bytes, table: bytes, fib: _Fib, pieces, marks: list[int]) -> list[tuple[int | None, bool]]:
    """Per paragraph mark (its cp): its heading level (1–3, or None) and whether it is in the Title style.

    A mark's properties are found by its place in the file: the piece gives its byte offset, the bin table
    (PlcBtePapx) the page (FKP) that covers it, the page the run and its PAPX — the style's index (istd) and the
    paragraph's own properties, of which the outline level counts here. The style sheet gives each index's
    built-in identifier (sti: 1–3 are 标题 1–3 in any language of Word, 62 the Title) and name."""
    from .convert import HEADING_STYLE, TITLE_STYLE

    styles = _style_sheet(table, fib.styles)
    runs = _bin_table(table, fib.paragraph_runs)
    if not runs:
        return []
    levels = []
    for cp in marks:
        fc = _file_offset(pieces, cp)
        istd, outline = _papx_at(word, runs, fc) if fc is not None else (0, None)
        sti, name = styles[istd] if istd < len(styles) else (None, "")
        named = HEADING_STYLE.match(name)
        level = HEADING_STIS.get(sti) or (min(3, int(named.group(1))) if named and int(named.group(1)) >= 1 else None)
        if outline is not None:
            level = min(3, outline + 1) if outline < 9 else None  # the paragraph's own outline level wins
        levels.append((level, sti == TITLE_STI or bool(TITLE_STYLE.match(name))))
    return levels


def _style_sheet(table: bytes, where: tuple[int, int]) -> list[tuple[int | None, str]]:
    """(sti, name) per style index, from the STSH: its header (cstd, the size of each STD's fixed part), then
    one STD per style, each after its 2-byte size (0: no style at that index)."""
    offset, size = where
    if not size or offset + size > len(table):
        return []
    sheet = table[offset : offset + size]
    (header,) = struct.unpack_from("<H", sheet, 0)
    count, base = struct.unpack_from("<HH", sheet, 2)
    at, styles = 2 + header, []
    for _ in range(count):
        (length,) = struct.unpack_from("<H", sheet, at)
        std = sheet[at + 2 : at + 2 + length]
        at += 2 + length
        if len(std) < base + 2:
            styles.append((None, ""))
            continue
        sti = struct.unpack_from("<H", std, 0)[0] & 0x0FFF
        (chars,) = struct.unpack_from("<H", std, base)
        styles.append((sti, std[base + 2 : base + 2 + 2 * chars].decode("utf-16-le", errors="replace")))
    return styles


def _bin_table(table: bytes, where: tuple[int, int]) -> list[tuple[int, int, int]]:
    """The PlcBtePapx: (first fc, end fc, FKP page number) per run of pages."""
    offset, size = where
    if size < 12 or offset + size > len(table):
        return []
    n = (size - 4) // 8
    fcs = struct.unpack_from(f"<{n + 1}I", table, offset)
    pages = struct.unpack_from(f"<{n}I", table, offset + 4 * (n + 1))
    return [(fcs[k], fcs[k + 1], pages[k] & 0x3FFFFF) for k in range(n)]


def _file_offset(pieces, cp: int) -> int | None:
    for first, last, start, compressed in pieces:
        if first <= cp < last:
            return start + (cp - first) * (1 if compressed else 2)
    return None


def _papx_at(word: bytes, runs: list[tuple[int, int, int]], fc: int) -> tuple[int, int | None]:
    """The style index and own outline level of the paragraph whose mark is at byte `fc`."""
    for first, end, page in runs:
        if not first <= fc < end:
            continue
        fkp = word[page * FKP_PAGE : (page + 1) * FKP_PAGE]
        if len(fkp) < FKP_PAGE:
            return 0, None
        count = fkp[-1]
        bounds = struct.unpack_from(f"<{count + 1}I", fkp, 0)
        for k in range(count):
            if bounds[k] <= fc < bounds[k + 1]:
                offset = fkp[4 * (count + 1) + 13 * k] * 2
                if not offset:
                    return 0, None
                size = fkp[offset]
                papx = fkp[offset + 1 : offset + 2 * size] if size else fkp[offset + 2 : offset + 2 + 2 * fkp[offset + 1]]
                (istd,) = struct.unpack_from("<H", papx, 0)
                return istd, _outline_level(papx[2:])
        return 0, None
    return 0, None


SPRM_OPERAND = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}
"""A property modifier's operand size by its spra (the top three bits); 6 is variable (its first byte says)."""


def _outline_level(grpprl: bytes) -> int | None:
    at = 0
    while at + 2 <= len(grpprl):
        (sprm,) = struct.unpack_from("<H", grpprl, at)
        at += 2
        spra = sprm >> 13
        if sprm == OUTLINE_LEVEL_SPRM and at < len(grpprl):
            return grpprl[at]
        if spra == 6:
            size = 1 + (grpprl[at] if at < len(grpprl) else 0)
            if sprm in (0xC615, 0xD608):  # sprmPChgTabs and sprmTDefTable have sizes of their own: stop here
                return None
        else:
            size = SPRM_OPERAND[spra]
        at += size
    return None
