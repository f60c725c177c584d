"""Stage 1 — read: find the speech files of a corpus and decode their bytes to text.

Encodings are detected, never guessed blindly: a file is accepted as GB18030 or Big5 only when the
decoded text looks like Chinese prose; anything else is an error naming the file.
"""

from __future__ import annotations

import codecs
import hashlib
import os
from pathlib import Path

from ..errors import UnreadableSpeech
from ..model import SourceFile
from ..text import HAN_CHAR

SPEECH_SUFFIXES = (".txt", ".text")

# The most frequent characters of Chinese official prose, in both scripts. Real Chinese decoded with
# the right codec is dense in them; the same bytes decoded with a wrong one are not.
_COMMON_CHARS = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学"
    "法所民得经十三之进着等部度家力里如水化高自二理起小现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政"
    "四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者"
    "最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角"
    "期根论运农指几九区强放决西被干做必战先回则任取据处府研信领导坚持推动组织干部工作建设加强"
    "這個為國來們時會對發動過說種產後經學實現與關進應開還體點從業兩當義條間樣線數變結問題無軍總見計別幾區強決戰則處據幹導設組織部黨"
)


def discover(corpus_dir: Path) -> list[Path]:
    """All speech files below `corpus_dir`, in a stable order (sorted by relative path).

    Linked folders are not entered; linked files are listed (see `outside_corpus`).
    """
    files = []
    for folder, subfolders, names in os.walk(corpus_dir):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        for name in names:
            path = Path(folder) / name
            if not name.startswith(".") and path.suffix.lower() in SPEECH_SUFFIXES and path.is_file():
                files.append(path)
    return sorted(files, key=lambda p: corpus_name(p, corpus_dir))


def decoded_name(name: str) -> str:
    """A file name as the curator wrote it: one whose bytes were not UTF-8 (Python keeps them as
    surrogates) is decoded as GB18030, what Chinese Windows writes (and `unzip` keeps); else the
    bad bytes show as �."""
    if not any("\udc80" <= c <= "\udcff" for c in name):
        return name
    raw = os.fsencode(name)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


def corpus_name(path: Path, corpus_dir: Path) -> str:
    """The speech file's name relative to the corpus, as text (see `decoded_name`)."""
    return decoded_name(path.relative_to(corpus_dir).as_posix())


def outside_corpus(path: Path, corpus_dir: Path) -> Path | None:
    """Where a linked file really is, when that is outside the corpus (else None)."""
    target = path.resolve()
    return None if corpus_dir.resolve() in target.parents else target


def read_source(path: Path, corpus_dir: Path, raw: bytes | None = None) -> SourceFile:
    rel = corpus_name(path, corpus_dir)
    raw = path.read_bytes() if raw is None else raw
    text, encoding = decode(raw, rel)
    return SourceFile(path=path, rel_path=rel, raw=raw, text=text, encoding=encoding, sha256=hashlib.sha256(raw).hexdigest())


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode a speech file's bytes; return (text, encoding name). Raise UnreadableSpeech when unsure."""
    if not data:
        return "", "empty"
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _strict(data, encoding, name), encoding
    nuls = data.count(b"\x00")
    if nuls:
        encoding = _utf16_without_bom(data)
        if encoding:
            return _strict(data, encoding, name), encoding
        if nuls > max(2, len(data) // 100):
            raise UnreadableSpeech(name, "像是二进制文件（含有 NUL 字节），不是文本；Word、PDF、网页请用 kb add 加入")
        # A few stray NULs in text: decode as usual; the cleaner removes and counts them.
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((chinese_plausibility(text), encoding, text))
    if candidates:
        score, encoding, text = max(candidates)
        if score >= 0.2:
            return text, encoding
    raise UnreadableSpeech(
        name,
        "不是 UTF-8、UTF-16、GB18030/GBK 或 Big5 编码的中文文本（可能是二进制文件或别的编码）；"
        "如果是讲话，请用编辑器打开后另存为 UTF-8",
    )


def chinese_plausibility(text: str) -> float:
    """Share of the Han characters in `text` that are among the most common ones (0 when none)."""
    han = HAN_CHAR.findall(text)
    if len(han) < 2:
        return 0.0
    return sum(c in _COMMON_CHARS for c in han) / len(han)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: the byte order whose decoding reads as Chinese (or as plain ASCII)."""
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(c.isprintable() or c in "\r\n\t" for c in text) / max(1, len(text))
        if printable > 0.95 and (chinese_plausibility(text) >= 0.2 or text.isascii()):
            return encoding
    return None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableSpeech(name, f"开头像是 {encoding} 编码，但第 {exc.start} 个字节不符合这种编码；请另存为 UTF-8") from exc
    return text.lstrip("\ufeff")
