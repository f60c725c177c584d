"""The search index: exact Chinese phrase search that stays small and fast at 1,000 speeches.

Layout under site/search/ (specified in SEARCH_FORMAT.md beside this file):

- `meta.js`: the speeches (url, title, date, year, speaker, level), the themes, the shard count and
  the Traditional → Simplified character map queries are normalised with.
- `r.js`: the theme mask of every record (title, heading or paragraph), as runs.
- `i/<k>.js`: a sharded inverted index from every character bigram to the records holding it, with
  its places there, so exact totals and facets come from the index alone.
- `t/<speech id>.js`: the text of one speech (headings and paragraphs with their anchors), loaded
  only for the passages shown, for snippets and citations. Named by the speech, not by its place in
  the index, so that adding or deleting a speech leaves the other speeches' files as they were.

Every file is a script calling `KBSearch.load(key, payload)`: the page loads them with <script>
elements, which browsers allow from a folder (file://) where fetch() is refused, so a copy of the
site on a USB stick searches as well as the intranet server. Payloads are gzip'd bytes written as
7-bit text (`pack7`: 8 characters per 7 bytes, 1.14 × instead of base64's 1.33 ×), and speech texts
are gzip'd in GB18030 (2 bytes a Chinese character instead of UTF-8's 3, so they compress by a
further 15 %): together these keep the search files under the size of the corpus text.

All files are written deterministically: same knowledge base, same bytes.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import itertools
import json
import math
import os
import re
import struct
import tempfile
import unicodedata
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..text import FORMAT_CHARACTERS, newest_first_key, unified_ideograph
from ..cache import SpeechCache
from ..errors import KbError
from ..model import KnowledgeBase, Speech, Theme
from ..store import forget_all_but, read_sealed, write_sealed
from .files import write_or_link
from ..render.common import cited_date, theme_colours

FORMAT_VERSION = 7
"""2: data files are scripts (`KBSearch.load(key, payload)`) so that search works from file://.
3: postings per paragraph with positions (exact totals and facets from the index alone); records file.
4: every payload gzip'd and packed as 7-bit text; postings in columns; speech texts in GB18030.
5: speech texts named by speech id (t/<id>.js); a speech's row in meta ends with that id.
6: no page address in a speech's row (it is speeches/<id>/): a sixth of meta.js at 10,000 speeches.
7: b.js, where each record's sentences end, for the 同句 search scope (loaded only for it)."""
SHARD_MAGIC = b"KBS4"
RUNS_MAGIC = b"KBR4"
SENTENCE_MAGIC = b"KBB1"
SENTENCE_ENDS = "。！？；"
"""A sentence of the 同句 search scope runs up to and with one of these (or to its record's end)."""
CACHE_FORMAT = 4
"""Of the per-speech parts kept in the build cache (sealed: length and checksum are verified)."""
TARGET_SHARD_BYTES = 24_000
"""Of a shard before compression."""
ENCODE_SLICE = 500_000
"""About this many bigram occurrences are encoded at a time (bounds the encoder's memory)."""
SPILL_AT = 500_000
"""Bigram occurrences of successive speeches gathered before they are spilled to their partitions."""
MAX_SHARDS = 4096
_SKIP = set(" \t\r\n\u3000")


_HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if chr(code - 0xFEE0).isalnum()}


_INVISIBLE = re.compile(f"[{FORMAT_CHARACTERS}]")


_UNIFIED = {
    code: unified_ideograph(chr(code))
    for block in ((0x2E80, 0x2EF3), (0x2F00, 0x2FD5), (0xF900, 0xFAD9), (0x2F800, 0x2FA1D))
    for code in range(block[0], block[1] + 1)
    if unified_ideograph(chr(code)) != chr(code)
}
"""Radicals and compatibility ideographs as the characters they stand for (⼯ → 工): the cleaner
unifies the texts so (normalised.compatibility-ideographs), and a query pasted from a PDF must match."""


def normalise_for_search(text: str) -> str:
    """What both the index and the query see: no invisible characters, lower case, half-width letters
    and digits, ordinary characters for a PDF's radicals."""
    return _INVISIBLE.sub("", text).translate(_HALFWIDTH).translate(_UNIFIED).lower()


@functools.lru_cache(maxsize=1)
def punctuation() -> str:
    """The punctuation marks of the Basic Multilingual Plane (Unicode category P…), written into
    meta.js so that the browser uses exactly the writer's set."""
    return "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000 and unicodedata.category(chr(c)).startswith("P"))


_SPACE, _MARK = 1, 2


@functools.lru_cache(maxsize=1)
def _kind_table() -> np.ndarray:
    """Space or punctuation, by code point, for the Basic Multilingual Plane (the marks are all there)."""
    table = np.zeros(0x10000, dtype=np.uint8)
    table[[ord(c) for c in punctuation()]] = _MARK
    table[[ord(c) for c in _SKIP]] = _SPACE
    return table


def _character_kinds(code_points: np.ndarray) -> np.ndarray:
    """Looked up in a table: a paragraph at a time, np.isin's sorting cost more than the rest of the index."""
    table = _kind_table()
    if code_points.max() < 0x10000:
        return table[code_points]
    kinds = np.zeros(len(code_points), dtype=np.uint8)
    in_bmp = code_points < 0x10000
    kinds[in_bmp] = table[code_points[in_bmp]]
    return kinds


def bigram_occurrences(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Every bigram of `text` (normalised here) as (64-bit codes of two code points, positions), in numpy.

    A position is the offset of the bigram's first character. Left out: pairs with white space, and
    a character followed by punctuation (护， 心、), a fifth of all pairs: a query pins punctuation
    through the pair it starts (，两 、牢), and punctuation at the end of a query word is dropped.
    """
    code_points = np.frombuffer(normalise_for_search(text).encode("utf-32-le"), dtype=np.uint32)
    if len(code_points) < 2:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.uint32)
    points = code_points.astype(np.uint64)
    codes = (points[:-1] << np.uint64(32)) | points[1:]
    kinds = _character_kinds(code_points)
    space, mark = kinds == _SPACE, kinds == _MARK
    keep = ~(space[:-1] | space[1:] | (~mark[:-1] & mark[1:]))
    return codes[keep], np.flatnonzero(keep).astype(np.uint32)


def bigrams(text: str) -> set[str]:
    """The distinct bigrams of `text`, as the format defines them (for tests and tools)."""
    return {_decode(code) for code in np.unique(bigram_occurrences(text)[0])}


def _decode(code) -> str:
    code = int(code)
    return chr(code >> 32) + chr(code & 0xFFFFFFFF)


def fnv1a(text: str) -> int:
    """32-bit FNV-1a over UTF-8 bytes; the browser computes the same to find a bigram's shard."""
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h ^= byte
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def varints(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """LEB128 varints of many values at once: (bytes, offsets) with value i in bytes[offsets[i]:offsets[i+1]].

    Each pass writes one byte of every value still left and keeps only those with more to write:
    most values here are below 128, so after the first pass little is left to handle."""
    v = np.asarray(values, dtype=np.uint64)
    sizes = np.ones(len(v), dtype=np.int64)
    largest = int(v.max()) if len(v) else 0
    bits = 7
    while largest >> bits:
        sizes += v >> np.uint64(bits) > 0
        bits += 7
    offsets = np.zeros(len(v) + 1, dtype=np.int64)
    np.cumsum(sizes, out=offsets[1:])
    out = np.empty(int(offsets[-1]), dtype=np.uint8)
    left, at = v, offsets[:-1]
    while len(left):
        more = left > np.uint64(0x7F)
        out[at] = (left & np.uint64(0x7F)).astype(np.uint8) | (more.astype(np.uint8) << np.uint8(7))
        left, at = left[more] >> np.uint64(7), at[more] + 1
    return out, offsets


PACK7_ESCAPED = (0, 10, 13, 34, 92)
"""7-bit values that may not stand for themselves in a JS string literal (NUL, LF, CR, ", \\)."""
_PACK7_PAIR = 0x80
"""An escaped value k followed by a value w is the one character U+0080 + 128·k + w (2 bytes in UTF-8)."""
_PACK7_LAST = 0x80 + 128 * len(PACK7_ESCAPED)
"""An escaped value k at the very end is U+0300 + k."""
_PACK7_INDEX = np.full(128, -1, dtype=np.int64)
_PACK7_INDEX[list(PACK7_ESCAPED)] = np.arange(len(PACK7_ESCAPED))
"""7-bit value → its k in PACK7_ESCAPED, or -1."""


def pack7(data: bytes) -> str:
    """Bytes as text that a JS string literal holds as is: the bits, most significant first, in 7-bit
    groups (the last padded with zeros), one character per group; the five groups that would need
    a backslash are paired with the next group into one 2-byte character. 8 characters per 7 bytes."""
    bits = np.unpackbits(np.frombuffer(data, dtype=np.uint8))
    bits = np.concatenate([bits, np.zeros(-len(bits) % 7, dtype=np.uint8)])
    groups = (bits.reshape(-1, 7) @ (1 << np.arange(6, -1, -1))).astype(np.uint32)
    escaped = np.flatnonzero(_PACK7_INDEX[groups] >= 0)
    # In a run of escaped groups the 1st, 3rd, 5th … start pairs (the 2nd, 4th … are carried by them).
    run_start = np.diff(escaped, prepend=-2) != 1
    first_of_run = np.maximum.accumulate(np.where(run_start, np.arange(len(escaped)), 0))
    starters = escaped[(np.arange(len(escaped)) - first_of_run) % 2 == 0]
    codes = groups.copy()
    last = starters[starters == len(groups) - 1]
    paired = starters[starters < len(groups) - 1]
    codes[paired] = _PACK7_PAIR + 128 * _PACK7_INDEX[groups[paired]] + groups[paired + 1]
    codes[last] = _PACK7_LAST + _PACK7_INDEX[groups[last]]
    if len(paired):
        codes = np.delete(codes, paired + 1)
    return codes.astype("<u4").tobytes().decode("utf-32-le")


def unpack7(text: str) -> bytes:
    """The bytes `pack7` packed (for tests and tools; the browser has its own reader)."""
    groups = []
    for ch in text:
        code = ord(ch)
        if code < 0x80:
            groups.append(code)
        elif code < _PACK7_LAST:
            groups.extend((PACK7_ESCAPED[(code - _PACK7_PAIR) >> 7], (code - _PACK7_PAIR) & 0x7F))
        else:
            groups.append(PACK7_ESCAPED[code - _PACK7_LAST])
    bits = np.array(groups, dtype=np.uint8)[:, None] >> np.arange(6, -1, -1, dtype=np.uint8) & 1
    return np.packbits(bits.reshape(-1))[: len(groups) * 7 // 8].tobytes()


def data_script(key: str, payload: bytes) -> bytes:
    """A data file as a script, `KBSearch.load("i/3","<packed gzip>");`, behind a UTF-8 byte order
    mark: a browser then reads it as UTF-8 whatever charset a server names, or none (file://)."""
    # Level 6: on the index's varints, level 9 takes 2.7 times as long for 0.3 % fewer bytes; level 4
    # takes half as long, but the shard of a common bigram (干部, 10,000 speeches) is 7 % larger.
    return _packed_script(key, pack7(gzip.compress(payload, compresslevel=6, mtime=0)))


def _packed_script(key: str, packed: str) -> bytes:
    return ("\ufeffKBSearch.load(" + json.dumps(key) + ',"' + packed + '");\n').encode("utf-8")


def read_data_script(data: bytes) -> bytes:
    """The payload of a data script, unpacked and gunzipped: for tests and tools."""
    match = re.fullmatch(r'\ufeffKBSearch\.load\("([^"]+)","([^"\\\n\r]*)"\);\n', data.decode("utf-8"), re.S)
    if not match:
        raise ValueError("not a zuzhi-kb search data script")
    return gzip.decompress(unpack7(match.group(2)))


def read_data_json(data: bytes, encoding: str = "utf-8"):
    """The JSON value of a data script: meta.js is UTF-8, the speech texts t/<n>.js are GB18030. For
    tests and tools."""
    return json.loads(read_data_script(data).decode(encoding))


_GB18030_UNSAFE = re.compile("[^\x00-\ud7ff\uf900-\uffff]|\u1e3f")
"""Characters written as \\u escapes in the GB18030 texts: outside the BMP, surrogates, private use,
and U+1E3F, which decoders disagree on (GB18030-2000 and -2005)."""


def gb18030_json(value) -> bytes:
    """JSON in GB18030, with every character whose 2- or 4-byte form decoders might read differently
    written as a \\u escape: the browser's TextDecoder("gb18030") gives back exactly `value`."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def escape(match: re.Match) -> str:
        units = match.group(0).encode("utf-16-be")
        return "".join(f"\\u{unit:04x}" for unit in struct.unpack(f">{len(units) // 2}H", units))

    return _GB18030_UNSAFE.sub(escape, text).encode("gb18030")


@functools.lru_cache(maxsize=1)
def traditional_map() -> str:
    """Traditional → Simplified for single characters, as pairs ("們们個个…"): queries typed in
    Traditional script find the corpus, which the cleaner converted to Simplified (OpenCC t2s)."""
    from ..ingest.clean import to_simplified

    chars = "".join(chr(c) for c in range(0x4E00, 0xA000))
    simplified = to_simplified(chars)
    pairs = [a + b for a, b in zip(chars, simplified) if a != b] if len(simplified) == len(chars) else []
    return "".join(pairs)


def speech_records(speech: Speech, theme_bits: dict[str, int]) -> list[list]:
    """[anchor, text, theme mask, is heading, section id] for the title, every heading and every paragraph."""
    records: list[list] = [["", speech.title, 0, 1, ""]]
    for section in speech.all_sections():
        mask = sum(theme_bits.get(t, 0) for t in section.themes)
        if section.heading:
            records.append([section.id, section.heading, mask, 1, section.id])
        for p in section.paragraphs:
            pmask = sum(theme_bits.get(t, 0) for t in (p.themes or section.themes))
            records.append([p.id, p.text, pmask, 0, section.id])
    return records


def sentence_ends(text: str) -> list[int]:
    """Offsets, in the normalised text (as the index's places), of the marks that end a sentence."""
    return [i for i, c in enumerate(normalise_for_search(text)) if c in SENTENCE_ENDS]


def encode_sentence_ends(records: list[list]) -> bytes:
    """Each record's sentence ends, as in b.js: a varint count, then the offsets as varint gaps."""
    out = bytearray()
    for record in records:
        ends = sentence_ends(record[1])
        out += varint(len(ends))
        previous = -1
        for end in ends:
            out += varint(end - previous - 1)
            previous = end
    return bytes(out)


def record_bigrams(records: list[list]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every bigram occurrence of a speech's records: (codes, record numbers, positions), in numpy.

    A position is the offset of the bigram's first character in the record's normalised text.
    """
    all_codes, all_records, all_positions = [], [], []
    for number, record in enumerate(records):
        codes, positions = bigram_occurrences(record[1])
        if not len(codes):
            continue
        all_codes.append(codes)
        all_records.append(np.full(len(positions), number, dtype=np.uint32))
        all_positions.append(positions)
    if not all_codes:
        empty = np.zeros(0, dtype=np.uint64)
        return empty, empty.astype(np.uint32), empty.astype(np.uint32)
    return np.concatenate(all_codes), np.concatenate(all_records), np.concatenate(all_positions)


def sort_order(speeches: list[Speech]) -> list[int]:
    """Speech numbers in the order results are shown: newest first, undated last."""
    return sorted(range(len(speeches)), key=lambda i: newest_first_key(speeches[i].sort_date, speeches[i].year, speeches[i].title), reverse=True)


def _speech_part(records: list[list], cache_dir: Path | None) -> tuple[tuple[np.ndarray, np.ndarray, np.ndarray], bytes]:
    """(bigram occurrences, gzip'd GB18030 JSON text) of one speech, reused from `cache_dir` when unchanged."""
    text = gb18030_json(records)
    cached = None
    if cache_dir:
        # The bigram rule is part of the key: a new rule (or Unicode version) must not reuse old parts.
        digest = hashlib.sha256(text + f"\0{FORMAT_VERSION}\0{punctuation()}".encode("utf-8")).hexdigest()
        cached = cache_dir / digest[:2] / f"{digest}.bin"
        part = _unpack_part(read_sealed(cached, CACHE_FORMAT), text)
        if part is not None:
            return part
    occurrences = record_bigrams(records)
    data = gzip.compress(text, compresslevel=9, mtime=0)
    if cached:
        codes, numbers, positions = occurrences
        write_sealed(cached, struct.pack("<Q", len(codes)) + codes.tobytes() + numbers.tobytes() + positions.tobytes() + data, CACHE_FORMAT)
    return occurrences, data


def _unpack_part(payload: bytes | None, text: bytes):
    """A cached part, checked to hold exactly this speech's text; None when damaged or absent."""
    if payload is None or len(payload) < 8:
        return None
    (n,) = struct.unpack("<Q", payload[:8])
    end = 8 + 16 * n
    if len(payload) < end:
        return None
    data = payload[end:]
    try:
        if gzip.decompress(data) != text:
            return None
    except (OSError, EOFError):
        return None
    codes = np.frombuffer(payload[8 : 8 + 8 * n], dtype=np.uint64)
    numbers = np.frombuffer(payload[8 + 8 * n : 8 + 12 * n], dtype=np.uint32)
    positions = np.frombuffer(payload[8 + 12 * n : end], dtype=np.uint32)
    return (codes, numbers, positions), data


def encode_postings(codes: np.ndarray, records: np.ndarray, positions: np.ndarray) -> dict[str, bytes]:
    """Bigram → its posting bytes, in columns: n (records holding it); n record gaps; n place counts
    less one; then the place gaps of every record in turn.

    All numbers are varints; a record gap is `r - previous - 1` (previous = -1 for the first), and so
    is a place gap inside its record. Like numbers side by side compress better than interleaved
    (a fifth smaller after gzip). Computed for all bigrams at once with numpy.
    """
    if not len(codes):
        return {}
    order = _by_code_then_place(codes, records, positions)
    codes, records, positions = codes[order], records[order].astype(np.int64), positions[order].astype(np.int64)
    code_start = np.r_[True, codes[1:] != codes[:-1]]
    record_start = code_start | np.r_[True, records[1:] != records[:-1]]
    code_ids = np.cumsum(code_start) - 1
    group_code = code_ids[record_start]
    records_per_code = np.bincount(code_ids, weights=record_start, minlength=int(code_ids[-1]) + 1).astype(np.int64)
    places_per_code = np.bincount(code_ids).astype(np.int64)
    size = 1 + 2 * records_per_code + places_per_code
    code_first = np.r_[0, np.cumsum(size)[:-1]]
    values = np.zeros(int(size.sum()), dtype=np.int64)
    values[code_first] = records_per_code

    group_ids = np.cumsum(record_start) - 1
    first_group_of_code = np.r_[0, np.cumsum(records_per_code)[:-1]]
    group_rank = np.arange(len(group_code)) - first_group_of_code[group_code]
    previous_record = np.r_[-1, records[:-1]]
    previous_record[code_start] = -1
    group_records = records[record_start]
    values[code_first[group_code] + 1 + group_rank] = group_records - previous_record[record_start] - 1
    values[code_first[group_code] + 1 + records_per_code[group_code] + group_rank] = np.bincount(group_ids) - 1

    first_place_of_code = np.r_[0, np.cumsum(places_per_code)[:-1]]
    place_rank = np.arange(len(codes)) - first_place_of_code[code_ids]
    previous_position = np.r_[-1, positions[:-1]]
    previous_position[record_start] = -1
    values[code_first[code_ids] + 1 + 2 * records_per_code[code_ids] + place_rank] = positions - previous_position - 1

    body, offsets = varints(values)
    body = body.tobytes()
    starts = np.flatnonzero(code_start)
    value_ends = np.r_[code_first[1:], len(values)]
    out = {}
    for start, v0, v1 in zip(starts.tolist(), code_first.tolist(), value_ends.tolist()):
        out[_decode(codes[start])] = body[offsets[v0] : offsets[v1]]
    return out


def _by_code_then_place(codes: np.ndarray, records: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """The order sorting occurrences by (code, record, position). Speeches are spilled in record
    order and each record's bigrams in text order, so a stable sort by code alone does (half the
    time of sorting by three keys); any other input is sorted by all three."""
    places = (records.astype(np.uint64) << np.uint64(32)) | positions.astype(np.uint64)
    if len(places) < 2 or bool((places[1:] >= places[:-1]).all()):
        return np.argsort(codes, kind="stable")
    return np.lexsort((positions, records, codes))


_OCCURRENCE = np.dtype([("code", "<u8"), ("record", "<u4"), ("place", "<u4")])


class _SpillBuffer:
    """Speeches' occurrences gathered up to SPILL_AT of them before they are spilled: sorting them
    into partitions a speech at a time cost a sixth of a one-speech rebuild's index."""

    def __init__(self, files: list):
        self.files = files
        self.parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self.held = 0

    def add(self, codes: np.ndarray, records: np.ndarray, positions: np.ndarray) -> None:
        self.parts.append((codes, records, positions))
        self.held += len(codes)
        if self.held >= SPILL_AT:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            _spill(self.files, *(np.concatenate(column) for column in zip(*self.parts)))
        self.parts, self.held = [], 0


def _spill(files: list, codes: np.ndarray, records: np.ndarray, positions: np.ndarray) -> None:
    """Append bigram occurrences (of one speech or several, in record order) to the partition file of each bigram."""
    occurrences = np.empty(len(codes), dtype=_OCCURRENCE)
    occurrences["code"], occurrences["record"], occurrences["place"] = codes, records, positions
    if len(files) == 1:
        occurrences.tofile(files[0])
        return
    # As 16-bit numbers (a few hundred partitions at most), which numpy sorts stably by radix: five times faster.
    partition = (codes % np.uint64(len(files))).astype(np.uint16)
    order = np.argsort(partition, kind="stable")
    bounds = np.searchsorted(partition[order], np.arange(len(files) + 1))
    occurrences = occurrences[order]
    for k, f in enumerate(files):
        if bounds[k + 1] > bounds[k]:
            occurrences[bounds[k] : bounds[k + 1]].tofile(f)


class _EntryFile:
    """The index entries (bigram, its postings), written to a file as each partition is encoded, with
    what orders them into shards kept in arrays: at 10,000 speeches, a million entries held as bytes
    in a dict took a third of a gigabyte."""

    def __init__(self, path: Path):
        self._file = open(path, "w+b")
        self._codes, self._hashes, self._starts = array("Q"), array("I"), array("Q")
        self.total = 0
        """Bytes of all entries."""

    def add(self, gram: str, body: bytes) -> None:
        key = gram.encode("utf-8")
        entry = bytes([len(key)]) + key + varint(len(body)) + body
        self._file.write(entry)
        self._codes.append(ord(gram[0]) << 32 | ord(gram[1]))
        self._hashes.append(fnv1a(gram))
        self._starts.append(self.total)
        self.total += len(entry)

    def by_shard(self, shard_count: int):
        """Each shard's entries in turn (shard k = fnv1a(bigram) mod shard_count), in bigram order:
        a bigram's code orders as its two characters do."""
        self._file.flush()
        codes = np.frombuffer(self._codes, dtype=np.uint64)
        shards = np.frombuffer(self._hashes, dtype=np.uint32) % np.uint32(shard_count)
        starts = np.frombuffer(self._starts, dtype=np.uint64).astype(np.int64)
        ends = np.append(starts[1:], self.total)
        order = np.lexsort((codes, shards))
        bounds = np.searchsorted(shards[order], np.arange(shard_count + 1))
        descriptor = self._file.fileno()
        for k in range(shard_count):
            chosen = order[bounds[k] : bounds[k + 1]]
            yield [os.pread(descriptor, end - start, start) for start, end in zip(starts[chosen].tolist(), ends[chosen].tolist())]

    def __enter__(self) -> _EntryFile:
        return self

    def __exit__(self, *exc_info) -> None:
        self._file.close()


def write_search_index(kb: KnowledgeBase, site_dir: Path, cache_dir: Path | None = None, live_site: Path | None = None) -> dict[str, int]:
    """Write site/search/; return sizes in bytes by part (meta, records, index, texts). A file the
    `live_site` already holds byte for byte is linked from there instead of written anew."""
    theme_bits = _theme_bits(kb.themes)
    shown = (kb.speeches[i] for i in sort_order(kb.speeches))
    entries = ((speech.id, _entry_of(speech, theme_bits, cache_dir)) for speech in shown)
    return write_search_files(kb.themes, entries, count_characters(kb.speeches), site_dir, cache_dir, live_site)


@dataclass
class _SearchEntry:
    """What the index takes from one speech: its row in meta.js (without its id), the theme mask of
    each of its records, their bigram occurrences (codes, record numbers, places) and their text
    (gzip'd GB18030 JSON, packed as in t/<id>.js)."""

    row: list
    masks: np.ndarray
    occurrences: tuple[np.ndarray, np.ndarray, np.ndarray]
    packed_text: str
    sentence_ends: bytes = b""
    """Its records' part of b.js (encode_sentence_ends)."""


def _theme_bits(themes: list[Theme]) -> dict[str, int]:
    return {t.id: 1 << i for i, t in enumerate(themes[:30])}


def _entry_of(speech: Speech, theme_bits: dict[str, int], cache_dir: Path | None) -> _SearchEntry:
    records = speech_records(speech, theme_bits)
    occurrences, text = _speech_part(records, cache_dir)
    row = [speech.title, cited_date(speech), speech.year, speech.speaker or "", speech.level or "", len(records)]
    return _SearchEntry(row, np.array([record[2] for record in records], dtype=np.uint32), occurrences, pack7(text), encode_sentence_ends(records))


def _pack_entry(entry: _SearchEntry) -> bytes:
    row = json.dumps(entry.row, ensure_ascii=False).encode("utf-8")
    codes, numbers, positions = entry.occurrences
    head = struct.pack("<QQQQ", len(row), len(entry.masks), len(codes), len(entry.sentence_ends))
    return head + row + entry.sentence_ends + entry.masks.tobytes() + codes.tobytes() + numbers.tobytes() + positions.tobytes() + entry.packed_text.encode("utf-8")


def _unpack_entry(payload: bytes | None) -> _SearchEntry | None:
    if payload is None or len(payload) < 32:
        return None
    row_length, mask_count, n, ends_length = struct.unpack("<QQQQ", payload[:32])
    at = 32 + row_length + ends_length
    if len(payload) < at + 4 * mask_count + 16 * n:
        return None
    sentence_ends = payload[32 + row_length : at]
    row = json.loads(payload[32 : 32 + row_length])
    masks = np.frombuffer(payload, dtype=np.uint32, count=mask_count, offset=at)
    at += 4 * mask_count
    codes = np.frombuffer(payload, dtype=np.uint64, count=n, offset=at)
    numbers = np.frombuffer(payload, dtype=np.uint32, count=n, offset=at + 8 * n)
    positions = np.frombuffer(payload, dtype=np.uint32, count=n, offset=at + 12 * n)
    return _SearchEntry(row, masks, (codes, numbers, positions), payload[at + 16 * n :].decode("utf-8"), sentence_ends)


@dataclass(frozen=True)
class CachedSpeeches:
    """The speeches of a built knowledge base as the search index reads them from the speech cache:
    what a child process needs to write the index without holding (or inheriting) the knowledge base."""

    speech_cache: Path
    entries: list[tuple[str, str]]
    """(cache key, speech id) of every speech, in the order results are shown; the id is the
    speech's final one (the build may have renamed it to keep ids unique)."""
    characters: int

    @classmethod
    def of(cls, kb: KnowledgeBase, speech_cache: Path, cache_keys: dict[str, str]) -> CachedSpeeches | None:
        """None when a speech has no cache entry (the index is then written from `kb` itself)."""
        entries = []
        for i in sort_order(kb.speeches):
            key = cache_keys.get(kb.speeches[i].id)
            if key is None:
                return None
            entries.append((key, kb.speeches[i].id))
        return cls(Path(speech_cache), entries, count_characters(kb.speeches))

    def search_entries(self, themes: list[Theme], cache_dir: Path | None):
        """(speech id, _SearchEntry) of each speech in turn. An entry is kept in `cache_dir` under
        the speech's cache key, which stands for everything the speech was made from: a rebuild
        then reads the few bytes the index needs instead of decoding every speech again (at 1,000
        speeches, two fifths of the child's time in a one-speech rebuild)."""
        theme_bits = _theme_bits(themes)
        cache = SpeechCache(self.speech_cache, context="")
        salt = f"\0{FORMAT_VERSION}\0{CACHE_FORMAT}\0{punctuation()}\0{json.dumps(theme_bits, sort_keys=True)}".encode("utf-8")
        folder = Path(cache_dir) / "speeches" if cache_dir else None
        used = set()
        for key, speech_id in self.entries:
            kept = None
            if folder:
                digest = hashlib.sha256(key.encode("utf-8") + salt).hexdigest()
                kept = folder / digest[:2] / f"{digest}.bin"
                used.add(digest)
                entry = _unpack_entry(read_sealed(kept, CACHE_FORMAT))
                if entry is not None:
                    yield speech_id, entry
                    continue
            cached = cache.get(key, with_words=False)
            if cached is None or cached[0] is None:
                raise CachedSpeechMissing(f"{cache.directory}：讲话 {speech_id} 的缓存条目 {key} 不见了或已损坏")
            entry = _entry_of(cached[0], theme_bits, None)
            if kept:
                write_sealed(kept, _pack_entry(entry), CACHE_FORMAT)
            yield speech_id, entry
        if folder:  # one entry per speech is kept, not one for every edit and every version of the code
            forget_all_but(folder, "*/*.bin", used)


class CachedSpeechMissing(KbError):
    """A speech's cache entry vanished while the build ran: the index has to be written from the knowledge base."""


def write_search_index_from_cache(themes: list[Theme], speeches: CachedSpeeches, site_dir: Path, cache_dir: Path | None = None, live_site: Path | None = None) -> dict[str, int]:
    """write_search_index, reading one speech at a time from the speech cache."""
    return write_search_files(themes, speeches.search_entries(themes, cache_dir), speeches.characters, site_dir, cache_dir, live_site)


def count_characters(speeches: list[Speech]) -> int:
    return sum(len(p.text) for speech in speeches for p in speech.all_paragraphs())


def write_search_files(
    themes: list[Theme], entries: Iterable[tuple[str, _SearchEntry]], characters: int, site_dir: Path, cache_dir: Path | None = None, live_site: Path | None = None
) -> dict[str, int]:
    """site/search/ from each speech's (id, _SearchEntry), in the order results are shown, read once,
    one at a time; `characters`, their paragraphs' length, sizes the spill partitions."""
    out = Path(site_dir) / "search"
    live = Path(live_site) / "search" if live_site else None

    def write(name: str, data: bytes) -> None:
        write_or_link(out / name, data, live / name if live else None)

    (out / "i").mkdir(parents=True, exist_ok=True)
    (out / "t").mkdir(parents=True, exist_ok=True)
    colours = theme_colours(themes)

    sizes = {"meta": 0, "records": 0, "index": 0, "texts": 0, "sentences": 0}
    speeches_meta = []
    sentences = bytearray(SENTENCE_MAGIC)
    masks = array("I")  # of every record: at 10,000 speeches, 1.5 million of them
    # Bigram occurrences are spilled to disk in partitions (by bigram) as the speeches stream past,
    # then encoded one partition at a time: memory stays bounded by a partition, not the corpus.
    partitions = max(1, math.ceil(characters / ENCODE_SLICE))
    with tempfile.TemporaryDirectory(prefix="kb-search-", dir=cache_dir.parent if cache_dir else None) as spill:
        spill_files = [open(Path(spill) / f"{k}.bin", "wb") for k in range(partitions)]
        try:
            waiting = _SpillBuffer(spill_files)
            for speech_id, entry in entries:
                codes, numbers, positions = entry.occurrences
                waiting.add(codes, numbers.astype(np.uint32) + np.uint32(len(masks)), positions)
                masks.frombytes(entry.masks.astype(np.uint32).tobytes())
                script = _packed_script(f"t/{speech_id}", entry.packed_text)
                write(f"t/{speech_id}.js", script)
                sizes["texts"] += len(script)
                speeches_meta.append([*entry.row, speech_id])
                sentences += entry.sentence_ends
            waiting.flush()
        finally:
            for f in spill_files:
                f.close()
        with _EntryFile(Path(spill) / "entries.bin") as entries:
            for k in range(partitions):
                occurrences = np.fromfile(Path(spill) / f"{k}.bin", dtype=_OCCURRENCE)
                postings = encode_postings(occurrences["code"], occurrences["record"], occurrences["place"])
                del occurrences
                for gram, body in postings.items():
                    entries.add(gram, body)
                del postings
            shard_count = max(1, min(MAX_SHARDS, math.ceil(entries.total / TARGET_SHARD_BYTES)))
            for k, shard_entries in enumerate(entries.by_shard(shard_count)):
                shard = SHARD_MAGIC + struct.pack("<I", len(shard_entries)) + b"".join(shard_entries)
                script = data_script(f"i/{k}", shard)
                write(f"i/{k}.js", script)
                sizes["index"] += len(script)

    runs = bytearray(RUNS_MAGIC)
    for mask, group in itertools.groupby(masks):
        runs += varint(len(list(group))) + varint(mask)
    records_script = data_script("r", bytes(runs))
    write("r.js", records_script)
    sizes["records"] = len(records_script)
    sentences_script = data_script("b", bytes(sentences))
    write("b.js", sentences_script)
    sizes["sentences"] = len(sentences_script)

    meta = {
        "version": FORMAT_VERSION,
        "shards": shard_count,
        "records": len(masks),
        "themes": [[t.id, t.name, colours[t.id]] for t in themes[:30]],
        "speeches": speeches_meta,
        "t2s": traditional_map(),
        "punctuation": punctuation(),
    }
    meta_bytes = data_script("meta", json.dumps(meta, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    write("meta.js", meta_bytes)
    sizes["meta"] = len(meta_bytes)
    return sizes
