"""The import door: what `kb add` checks before and after it converts a file.

A file from outside is untrusted. Before conversion it must be a regular file of a bounded size;
an Office file (a zip) may not expand beyond bounds (entry size, total size, compression ratio) nor
declare XML entities (XXE, "billion laughs"). After conversion the text may not exceed a bounded
number of characters. Any failure of a converter (a damaged file, a library's own limit) becomes a
one-line `ConversionError` for that file alone: the batch goes on with the good files.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import KbError
from .convert import OLD_WORD, OLE_SIGNATURE, ConversionError, Converted, convert


@dataclass(frozen=True)
class ImportBounds:
    """What one imported file may be and expand to. Tests lower them to stay small and fast."""

    file_bytes: int = 200 * 1024 * 1024
    """The file itself (a speech is a few hundred KB; a scanned PDF a few tens of MB)."""
    entry_bytes: int = 64 * 1024 * 1024
    """One part of an Office file, uncompressed (document.xml of a long report is a few MB)."""
    total_bytes: int = 256 * 1024 * 1024
    """All parts of an Office file together, uncompressed."""
    ratio: int = 200
    """Uncompressed / compressed size of a part above `ratio_from` bytes (Word's XML: 5–20)."""
    ratio_from: int = 1024 * 1024
    pdf_stream_floor: int = 16 * 1024 * 1024
    """What one PDF stream may inflate to whatever its ratio: a flat picture or its soft mask packs
    hundreds of times (1050×750 pixels: 10 KB → 2.3 MB), a bomb far beyond (100 KB → 100 MB)."""
    characters: int = 3_000_000
    """Characters of the converted text (a long speech: 30,000)."""


BOUNDS = ImportBounds()
OFFICE_ZIPS = (".docx", ".dotx", ".docm", ".dotm")
_ENTITY = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def check_file(path: Path, bounds: ImportBounds = BOUNDS) -> None:
    """Refuse what is not a regular file (a FIFO, a device, a folder) or is too large, before reading it."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise ConversionError(path.name, f"无法打开（{exc.strerror}）；请确认文件存在且可读") from None
    if not stat.S_ISREG(info.st_mode):
        raise ConversionError(path.name, "不是普通文件（管道、设备或文件夹），未读取；请只导入 Word、PDF、网页或文本文件")
    if info.st_size > bounds.file_bytes:
        raise ConversionError(path.name, f"有 {info.st_size / 2**20:.0f} MB，超过导入上限 {bounds.file_bytes / 2**20:.0f} MB；请拆分或另存为较小的文件")


def check_office_zip(data: bytes, name: str, bounds: ImportBounds = BOUNDS) -> None:
    """Refuse a zip-based Office file that would expand beyond the bounds or declares XML entities.

    Python's zipfile never yields more than an entry's declared size, so the declared sizes bound
    what the converter can be made to read."""
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        if Path(name).name.startswith("~$"):
            # Word writes "~$<name>.docx" beside a document while it is open: a few bytes naming who opened it
            raise ConversionError(name, "是 Word 打开文档时留下的临时锁定文件（文件名以 ~$ 开头），不是文档本身；请加入去掉 ~$ 的那个文件") from None
        raise ConversionError(name, "不是完整的 Word .docx 文件（内容不是 .docx 的压缩包格式，可能只下载了一部分或改过扩展名）；请用 Word 或 WPS 打开后另存为 .docx 再导入") from None
    total = 0
    for entry in entries:
        total += entry.file_size
        too_big = entry.file_size > bounds.entry_bytes
        too_dense = entry.file_size > bounds.ratio_from and entry.file_size > bounds.ratio * max(1, entry.compress_size)
        if too_big or too_dense or total > bounds.total_bytes:
            raise ConversionError(
                name,
                f"内部的 {safe_part(entry.filename)} 解压后有 {entry.file_size / 2**20:.0f} MB（压缩比 {entry.file_size // max(1, entry.compress_size)}:1），"
                "超出导入上限，疑似“压缩炸弹”；未导入。如确是讲话稿，请用 Word 另存为 .docx 或 .txt 再导入",
            )
    for entry in entries:
        if entry.filename.lower().endswith((".xml", ".rels")):
            try:
                with archive.open(entry) as part:
                    head = part.read(4096)
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
                raise ConversionError(name, f"已损坏（内部的 {safe_part(entry.filename)} 读不出来）；请用 Word 或 WPS 打开后另存为 .docx 再导入") from None
            if _ENTITY.search(head):
                raise ConversionError(
                    name, f"内部的 {safe_part(entry.filename)} 声明了 XML 实体（DOCTYPE/ENTITY），Word 不会写这种内容，可能是恶意文件；未导入"
                )


_PDF_STREAM = re.compile(rb"(?<!end)stream\r?\n")


def check_pdf_streams(data: bytes, name: str, bounds: ImportBounds = BOUNDS) -> None:
    """Refuse a PDF whose compressed (Flate) streams would inflate beyond the bounds: a stream over
    `pdf_stream_floor` bytes inflating more than `ratio` times its size, or all of them beyond
    `total_bytes`. The PDF reader would inflate them all, without a limit, into memory. Each stream
    is inflated here only up to its bound, nothing is kept; streams of other kinds are passed by."""
    import zlib

    total = 0
    for found in _PDF_STREAM.finditer(data):
        start = found.end()
        end = data.find(b"endstream", start)
        packed = memoryview(data)[start : end if end >= 0 else len(data)]
        limit = max(bounds.pdf_stream_floor, bounds.ratio * len(packed))
        try:
            inflated = len(zlib.decompressobj().decompress(packed, limit + 1))
        except zlib.error:
            continue  # not a Flate stream (an image's JPEG, say)
        total += inflated
        if inflated > limit or total > bounds.total_bytes:
            raise ConversionError(
                name, f"内部有一段数据解压后超过 {(limit if inflated > limit else bounds.total_bytes) / 2**20:.0f} MB（原来只有 {len(packed) / 1024:.0f} KB），疑似“压缩炸弹”；未导入。如确是讲话稿，请另存为 .docx 或 .txt 再导入"
            )


def safe_part(text: str) -> str:
    return "".join(c if c.isprintable() else "?" for c in text)[:80]


def guarded_convert(path: Path, bounds: ImportBounds = BOUNDS) -> Converted:
    """`convert(path)` within the bounds; a ConversionError (one line, this file only) for anything else."""
    check_file(path, bounds)
    if path.suffix.lower() in (*OFFICE_ZIPS, *OLD_WORD):
        with open(path, "rb") as f:
            data = f.read()
        # A .docx that is a binary Word file goes to the converter, which says what to do; a .doc that is a .docx
        # (renamed by an office's system) is a zip like any other.
        if data.startswith(b"PK") or (path.suffix.lower() in OFFICE_ZIPS and not data.startswith(OLE_SIGNATURE)):
            check_office_zip(data, path.name, bounds)
    elif path.suffix.lower() == ".pdf":
        with open(path, "rb") as f:
            check_pdf_streams(f.read(), path.name, bounds)
    try:
        converted = convert(path)
    except (KbError, ImportError):
        raise  # ImportError: a broken installation, not this file's fault
    except MemoryError:
        raise ConversionError(path.name, "展开后太大，内存不足；未导入。请拆分文件或另存为 .txt 再导入") from None
    except RecursionError:
        raise ConversionError(path.name, "结构嵌套过深，无法读取；请用 Word 或 WPS 打开后另存为 .docx 再导入") from None
    except Exception as exc:  # noqa: BLE001 — any converter failure concerns this file only
        raise ConversionError(path.name, f"已损坏或格式异常，无法读取（{type(exc).__name__}：{_short(exc)}）；请用原程序打开后另存（.docx、.pdf 或 .txt）再导入") from None
    if len(converted.text) > bounds.characters:
        raise ConversionError(path.name, f"转换后有 {len(converted.text):,} 个字符，超过上限 {bounds.characters:,}；请拆分后再导入")
    return converted


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return safe_part(text[:100])
