"""The text of a binary Word 97–2003 file (.doc, .dot, and WPS files saved in that format), without LibreOffice.

Offices still keep many speeches as .doc. LibreOffice reads them best (it gives Word's numbering labels and
heading styles, and convert.office_text uses it when it is installed); where it is not, this reader takes the
text itself, as Word stores it ([MS-DOC]):

- the file is an OLE compound file (olefile reads its streams);
- the `WordDocument` stream opens with the FIB, which says which table stream holds the piece table
  (`0Table` or `1Table`), where the piece table is (fcClx, lcbClx) and how many characters the main text,
  the footnotes, the headers and the endnotes have (ccpText, ccpFtn, ccpHdd, …);
- the piece table (the Pcdt in the CLX) cuts the character positions into pieces, each stored either as
  UTF-16 (Chinese text always is) or as 8-bit Windows-1252 at half its file offset ("compressed").

What the reader cannot give is what Word keeps outside the text: automatic numbering (一、 typed by the list,
not by hand), heading styles, tables' structure. The text itself is whole: every character of the main text,
fields shown as their results, footnotes and endnotes after it as 注释.
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


@dataclass
class _Fib:
    table_stream: str
    clx: tuple[int, int]
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
        characters = _characters(word, _pieces(table, fib.clx))
    except (struct.error, IndexError, ValueError, OverflowError) as exc:
        # A damaged or hostile piece table can point anywhere: the curator needs the remedy, not its trace.
        raise NotWordText("正文的分段表已损坏，读不出来") from exc
    counts: dict[str, int] = {}
    main = _visible(characters[: fib.text_chars], counts)
    notes_start = fib.text_chars
    footnotes = characters[notes_start : notes_start + fib.footnote_chars]
    endnotes_start = notes_start + fib.footnote_chars + fib.header_chars + fib.macro_chars + fib.comment_chars
    endnotes = characters[endnotes_start : endnotes_start + fib.endnote_chars]
    notes = [note for part in (footnotes, endnotes) for note in _notes(part, counts)]
    lines = _lines(main)
    if notes:
        lines += ["", "注释："] + [f"[{k}] {note}" for k, note in enumerate(notes, 1)]
        counts["notes"] = len(notes)
    return WordText(lines, counts)


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
    clx = struct.unpack_from("<II", word, at + 2 + CLX_PAIR * 8)
    return _Fib(table_stream, clx, max(ccp[0], 0), max(ccp[1], 0), max(ccp[2], 0), max(ccp[3], 0), max(ccp[4], 0), max(ccp[5], 0))


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


def _visible(characters: str, counts: dict[str, int]) -> str:
    """The text as Word shows it: a field's result without its code (`PAGE`, `HYPERLINK "…"`), marks and
    anchors left out, a note reference as its number in brackets."""
    out: list[str] = []
    fields: list[bool] = []
    """Per open field (nested fields nest): whether its code is still being read (before its separator)."""
    notes = 0
    for character in characters:
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
            out.append(REPLACED.get(character, LINE_BREAKS.get(character, character)))
    return "".join(out)


TABLE_ROW_CELL_MAX = 30
"""A table row whose cells are each one short paragraph (at most this many characters) is one line, cells
apart, as the .docx reader writes it (a form's 姓名　某某　性别　女)."""


def _lines(text: str) -> list[str]:
    """A paragraph per paragraph and table cell, a row of short cells as one, cells apart; an empty one after a table.

    In the text stream a paragraph ends with \\r, a cell with \\x07, and a row with a \\x07 of its own
    (right after its last cell's). Paragraphs that follow a cell's end before the row ends are that row's
    next cell's."""
    lines: list[str] = []
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

    for chunk, mark in zip(*[iter(re.split(r"([\r\x07])", text) + [PARAGRAPH_END])] * 2):
        # A soft break (Shift+Enter) ends a line inside the paragraph, as a .docx's <w:br/> does.
        paragraph = "\n".join(line for line in map(_trimmed, chunk.split("\n")) if line)
        paragraphs = [paragraph] if paragraph else []
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
    return lines


def _trimmed(line: str) -> str:
    return line.strip(" \u3000")


def _notes(part: str, counts: dict[str, int]) -> list[str]:
    """The notes of a footnote or endnote story: each opens with its reference mark (\\x02) and runs to the next."""
    notes = []
    for chunk in part.split(NOTE_REFERENCE)[1:]:
        text = " ".join(" ".join(_lines(_visible(chunk, counts))).split("\n"))
        if text:
            notes.append(text)
    return notes
