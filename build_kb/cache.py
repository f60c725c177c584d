"""Caches that make rebuilds cheap: per-speech work by content hash, and the whole-site fingerprint.

A speech's cached entry (parsed, classified, segmented) is keyed by its raw bytes, its file name, its
overrides, the configuration that shapes it (boilerplate rules, taxonomy, glossary) and the code
version, so editing themes.yaml or upgrading zuzhi-kb invalidates exactly what it should.
"""

from __future__ import annotations

import hashlib
import json
import logging
import struct
import zlib
from pathlib import Path

from .model import Problem, Speech
from .store import forget_all_but, from_json, read_sealed, to_json, write_sealed

log = logging.getLogger(__name__)

CACHE_FORMAT = 4
"""4: the sections' packed word counts follow the JSON as raw bytes (they were hex inside it)."""
SpeechResult = tuple[Speech | None, list[Problem]]
"""What one speech file becomes: the speech (None when it is skipped) and its problems."""
PACKAGE_DIR = Path(__file__).resolve().parent


def code_version() -> str:
    """Hash of this package's source: any code change invalidates every cache entry."""
    digest = hashlib.sha256(str(CACHE_FORMAT).encode())
    for path in sorted(p for p in PACKAGE_DIR.rglob("*") if p.suffix in (".py", ".typ", ".html")):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def files_fingerprint(paths: list[Path]) -> str:
    """Hash of the files' names and bytes, not of where they are: a project moved or copied to
    another folder keeps its cache."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")
    return digest.hexdigest()


def tree_fingerprint(*roots: Path) -> str:
    """Hash of every file (path and bytes) under the given directories or files."""
    digest = hashlib.sha256()
    for root in roots:
        root = Path(root)
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []
        for path in files:
            digest.update(str(path.relative_to(root.parent)).encode("utf-8", "surrogateescape"))
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


class SpeechCache:
    """Per-speech results under `directory`, one sealed file per key (JSON, then the sections' word
    counts as bytes: _pack_entry); safe to delete any time.

    A damaged, truncated or foreign entry is a miss (logged once per build), never an error.
    """

    def __init__(self, directory: Path, context: str):
        self.directory = Path(directory)
        self.context = context
        self.hits = self.misses = 0
        self._damaged_logged = False

    def key(self, rel_path: str, raw: bytes, override_values: dict | None) -> str:
        digest = hashlib.sha256(self.context.encode())
        digest.update(rel_path.encode("utf-8"))
        digest.update(json.dumps(override_values or {}, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        digest.update(raw)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.entry"

    def get(self, key: str, with_words: bool = True) -> SpeechResult | None:
        """The cached (speech, problems) for `key`; without the sections' word counts unless
        `with_words` (`words` reads them when they are needed)."""
        path = self._path(key)
        payload = read_sealed(path, CACHE_FORMAT)
        if payload is None:
            if path.exists() and not self._damaged_logged:
                log.warning("缓存条目 %s 已损坏，不用它（会重新生成）", path)
                self._damaged_logged = True
            self.misses += 1
            return None
        try:
            speech, problems = _unpack_entry(payload, with_words)
        except (ValueError, TypeError, KeyError, zlib.error, struct.error) as exc:
            log.warning("缓存条目 %s 读不出，不用它：%s", path, exc)
            self.misses += 1
            return None
        self.hits += 1
        return speech, problems

    def put(self, key: str, value: SpeechResult) -> None:
        write_sealed(self._path(key), _pack_entry(value), CACHE_FORMAT)

    def keep_only(self, keys: frozenset[str] | set[str]) -> int:
        """Delete every entry but those of `keys`; return how many. Without this the folder would
        keep a whole corpus's worth of entries for every edit and every new version of the code."""
        # Entries of versions up to 971ace2, which kept them a folder deeper (speeches/speeches).
        forget_all_but(self.directory / self.directory.name, "*/*.entry", frozenset())
        return forget_all_but(self.directory, "*/*.entry", keys)

    def words(self, key: str) -> list[bytes | None] | None:
        """The sections' word counts of the speech cached under `key`, in all_sections order (None:
        a section without); None when the entry is gone or damaged. The speech itself is not read."""
        payload = read_sealed(self._path(key), CACHE_FORMAT)
        if payload is None:
            return None
        try:
            return _unpack_words(memoryview(payload), _LENGTH.unpack_from(payload, 0)[0] + 4)
        except (ValueError, struct.error):
            return None


_LENGTH = struct.Struct("<I")


def _pack_entry(value: SpeechResult) -> bytes:
    """A cache entry: the JSON of (speech, problems) without the sections' word counts, then those.

    The word counts are 64-bit hashes: as hex inside the JSON they were half its bytes, and
    compressing them and parsing them back cost more than all the rest of an entry. Layout: JSON
    length, compressed JSON, section count, each section's word-count length (-1: none), the word
    counts one after another (sections in `all_sections` order)."""
    speech, _ = value
    sections = speech.all_sections() if speech is not None else []
    words = [section.words for section in sections]
    for section in sections:
        section.words = None
    try:
        text = to_json(value)
    finally:
        for section, packed in zip(sections, words):
            section.words = packed
    lengths = [-1 if packed is None else len(packed) for packed in words]
    return b"".join([
        _LENGTH.pack(len(text)), text,
        _LENGTH.pack(len(lengths)), struct.pack(f"<{len(lengths)}i", *lengths),
        *(packed for packed in words if packed is not None),
    ])


def _unpack_entry(payload: bytes, with_words: bool = True) -> SpeechResult:
    view = memoryview(payload)
    (size,) = _LENGTH.unpack_from(view, 0)
    speech, problems = from_json(view[4 : 4 + size], SpeechResult)
    lengths, at = _word_lengths(view, 4 + size)
    sections = speech.all_sections() if speech is not None else []
    if len(sections) != len(lengths):
        raise ValueError(f"{len(lengths)} word counts for {len(sections)} sections")
    if with_words:
        for section, packed in zip(sections, _slices(view, lengths, at)):
            section.words = packed
    return speech, problems


def _unpack_words(view: memoryview, at: int) -> list[bytes | None]:
    """The word counts that follow the JSON, which ends at `at`."""
    lengths, at = _word_lengths(view, at)
    return list(_slices(view, lengths, at))


def _word_lengths(view: memoryview, at: int) -> tuple[tuple[int, ...], int]:
    """(each section's word-count length, -1 for none; where the first starts), checked to fill the entry."""
    (count,) = _LENGTH.unpack_from(view, at)
    lengths = struct.unpack_from(f"<{count}i", view, at + 4)
    at += 4 + 4 * count
    if at + sum(length for length in lengths if length > 0) != len(view):
        raise ValueError("word counts do not fill the entry")
    return lengths, at


def _slices(view: memoryview, lengths: tuple[int, ...], at: int):
    for length in lengths:
        if length < 0:
            yield None
        else:
            yield bytes(view[at : at + length])
            at += length
