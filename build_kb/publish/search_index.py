"""The search index: exact Chinese phrase search that stays small and fast at 1,000 speeches.

Layout under site/search/ (specified in SEARCH_FORMAT.md beside this file):

- `meta.js`: the speeches (url, title, date, year, speaker), the themes, the shard count and the
  Traditional → Simplified character map queries are normalised with.
- `i/<k>.js`: a sharded inverted index from every character bigram to the speeches containing it
  (delta-coded varints). A query loads only the shards of its own bigrams.
- `t/<n>.js`: the gzip-compressed text of speech n (headings and paragraphs with their anchors and
  theme bits), loaded only for candidate speeches; the browser verifies the exact phrase in it,
  which makes results precise (no bigram false positives) and gives highlighted snippets.

Every file is a script calling `KBSearch.load(key, payload)` (binary parts in base64): the page loads
them with <script> elements, which browsers allow from a folder (file://) where fetch() is refused,
so a copy of the site on a USB stick searches as well as the intranet server.

All files are written deterministically: same knowledge base, same bytes.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import math
import re
import struct
from collections import defaultdict
from pathlib import Path

import numpy as np

from ..text import FORMAT_CHARACTERS, newest_first_key
from ..model import KnowledgeBase, Speech
from ..store import read_sealed, write_sealed
from ..render.common import date_cn, theme_colours

FORMAT_VERSION = 2
"""2: data files are scripts (`KBSearch.load(key, payload)`) so that search works from file://."""
CACHE_FORMAT = 1
"""Of the per-speech parts kept in the build cache (sealed: length and checksum are verified)."""
TARGET_SHARD_BYTES = 24_000
MAX_SHARDS = 4096
_SKIP = set(" \t\r\n\u3000")


_HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if chr(code - 0xFEE0).isalnum()}


_INVISIBLE = re.compile(f"[{FORMAT_CHARACTERS}]")


def normalise_for_search(text: str) -> str:
    """What both the index and the query see: no invisible characters, lower case, half-width letters and digits."""
    return _INVISIBLE.sub("", text).translate(_HALFWIDTH).lower()


def bigrams(text: str) -> set[str]:
    return {_decode(code) for code in bigram_codes(text)}


_SKIP_CODES = np.array(sorted(ord(c) for c in _SKIP), dtype=np.uint64)


def bigram_codes(text: str) -> np.ndarray:
    """The distinct bigrams of `text` as sorted 64-bit codes (two code points), computed in numpy."""
    points = np.frombuffer(normalise_for_search(text).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(points) < 2:
        return np.zeros(0, dtype=np.uint64)
    codes = (points[:-1] << np.uint64(32)) | points[1:]
    keep = ~(np.isin(points[:-1], _SKIP_CODES) | np.isin(points[1:], _SKIP_CODES))
    return np.unique(codes[keep])


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
    """LEB128 varints of many values at once: (bytes, offsets) with value i in bytes[offsets[i]:offsets[i+1]]."""
    v = np.asarray(values, dtype=np.uint64)
    sizes = np.ones(len(v), dtype=np.int64)
    rest = v >> np.uint64(7)
    while rest.any():
        sizes += rest > 0
        rest >>= np.uint64(7)
    offsets = np.concatenate([[0], np.cumsum(sizes)])
    out = np.zeros(int(offsets[-1]), dtype=np.uint8)
    for k in range(int(sizes.max()) if len(sizes) else 0):
        mask = sizes > k
        byte = (v[mask] >> np.uint64(7 * k)) & np.uint64(0x7F)
        more = (sizes[mask] > k + 1).astype(np.uint64) << np.uint64(7)
        out[offsets[:-1][mask] + k] = (byte | more).astype(np.uint8)
    return out, offsets


def data_script(key: str, payload) -> bytes:
    """A data file as a script: `KBSearch.load("i/3","<base64>");` (JSON payloads are written as is)."""
    if isinstance(payload, bytes):
        body = '"' + base64.b64encode(payload).decode("ascii") + '"'
    else:
        # JSON is valid JavaScript; U+2028/2029 are escaped for older engines.
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"KBSearch.load({json.dumps(key)},{body});\n".encode("utf-8")


def read_data_script(data: bytes):
    """The payload of a data script (bytes for base64 payloads, else the JSON value): for tests and tools."""
    text = data.decode("utf-8")
    match = re.fullmatch(r'KBSearch\.load\("([^"]+)",(.*)\);\n', text, re.S)
    if not match:
        raise ValueError("not a zuzhi-kb search data script")
    body = match.group(2)
    if body.startswith('"'):
        return base64.b64decode(json.loads(body))
    return json.loads(body)


_T2S: str | None = None


def traditional_map() -> str:
    """Traditional → Simplified for single characters, as pairs ("們们個个…"): queries typed in
    Traditional script find the corpus, which the cleaner converted to Simplified (OpenCC t2s)."""
    global _T2S
    if _T2S is None:
        from ..ingest.clean import _t2s

        chars = "".join(chr(c) for c in range(0x4E00, 0xA000))
        simplified = _t2s(chars)
        pairs = [a + b for a, b in zip(chars, simplified) if a != b] if len(simplified) == len(chars) else []
        _T2S = "".join(pairs)
    return _T2S


def speech_records(speech: Speech, theme_bits: dict[str, int]) -> list[list]:
    """[anchor, text, theme mask, is heading] for the title, every heading and every paragraph."""
    records: list[list] = [["", speech.title, 0, 1]]
    for section in speech.all_sections():
        mask = sum(theme_bits.get(t, 0) for t in section.themes)
        if section.heading:
            records.append([section.id, section.heading, mask, 1])
        for p in section.paragraphs:
            pmask = sum(theme_bits.get(t, 0) for t in (p.themes or section.themes))
            records.append([p.id, p.text, pmask, 0])
    return records


def sort_order(speeches: list[Speech]) -> list[int]:
    """Speech numbers in the order results are shown: newest first, undated last."""
    return sorted(range(len(speeches)), key=lambda i: newest_first_key(speeches[i].date, speeches[i].year, speeches[i].title), reverse=True)


def _speech_part(records: list[list], cache_dir: Path | None) -> tuple[np.ndarray, bytes]:
    """(bigram codes, gzip'd JSON text) of one speech, reused from `cache_dir` when unchanged."""
    text = json.dumps(records, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    cached = None
    if cache_dir:
        digest = hashlib.sha256(text).hexdigest()
        cached = cache_dir / digest[:2] / f"{digest}.bin"
        part = _unpack_part(read_sealed(cached, CACHE_FORMAT), text)
        if part is not None:
            return part
    codes = bigram_codes("\n".join(record[1] for record in records))
    data = gzip.compress(text, compresslevel=6, mtime=0)
    if cached:
        write_sealed(cached, struct.pack("<Q", len(codes)) + codes.astype(np.uint64).tobytes() + data, CACHE_FORMAT)
    return codes, data


def _unpack_part(payload: bytes | None, text: bytes) -> tuple[np.ndarray, bytes] | None:
    """A cached part, checked to hold exactly this speech's text; None when damaged or absent."""
    if payload is None or len(payload) < 8:
        return None
    (n_codes,) = struct.unpack("<Q", payload[:8])
    if len(payload) < 8 + 8 * n_codes:
        return None
    data = payload[8 + 8 * n_codes :]
    try:
        if gzip.decompress(data) != text:
            return None
    except (OSError, EOFError):
        return None
    return np.frombuffer(payload[8 : 8 + 8 * n_codes], dtype=np.uint64), data


def write_search_index(kb: KnowledgeBase, site_dir: Path, cache_dir: Path | None = None) -> dict[str, int]:
    """Write site/search/; return sizes in bytes by part (meta, index, texts)."""
    out = Path(site_dir) / "search"
    (out / "i").mkdir(parents=True, exist_ok=True)
    (out / "t").mkdir(parents=True, exist_ok=True)
    theme_bits = {t.id: 1 << i for i, t in enumerate(kb.themes[:30])}
    colours = theme_colours(kb.themes)
    order = sort_order(kb.speeches)

    sizes = {"meta": 0, "index": 0, "texts": 0}
    speeches_meta = []
    all_codes, all_positions = [], []
    for position, speech_index in enumerate(order):
        speech = kb.speeches[speech_index]
        codes, data = _speech_part(speech_records(speech, theme_bits), cache_dir)
        all_codes.append(codes)
        all_positions.append(np.full(len(codes), position, dtype=np.int64))
        script = data_script(f"t/{position}", data)
        (out / "t" / f"{position}.js").write_bytes(script)
        sizes["texts"] += len(script)
        speeches_meta.append([speech.url, speech.title, date_cn(speech), speech.year, speech.speaker or ""])

    encoded: dict[str, bytes] = {}
    if all_codes:
        codes = np.concatenate(all_codes)
        positions = np.concatenate(all_positions)
        by_code = np.lexsort((positions, codes))
        codes, positions = codes[by_code], positions[by_code]
        starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
        ends = np.r_[starts[1:], len(codes)]
        # delta coding inside each bigram's list: first id as is, then gaps minus one
        previous = np.r_[-1, positions[:-1]]
        previous[starts] = -1
        body, offsets = varints(positions - previous - 1)
        body = body.tobytes()
        for start, end in zip(starts.tolist(), ends.tolist()):
            key = _decode(codes[start]).encode("utf-8")
            encoded[_decode(codes[start])] = bytes([len(key)]) + key + varint(end - start) + body[offsets[start]:offsets[end]]
    total = sum(len(v) for v in encoded.values())
    shard_count = max(1, min(MAX_SHARDS, math.ceil(total / TARGET_SHARD_BYTES)))
    shards: dict[int, list[bytes]] = defaultdict(list)
    for gram in sorted(encoded):
        shards[fnv1a(gram) % shard_count].append(encoded[gram])
    for k in range(shard_count):
        entries = shards.get(k, [])
        script = data_script(f"i/{k}", b"KBS1" + struct.pack("<I", len(entries)) + b"".join(entries))
        (out / "i" / f"{k}.js").write_bytes(script)
        sizes["index"] += len(script)

    meta = {
        "version": FORMAT_VERSION,
        "shards": shard_count,
        "themes": [[t.id, t.name, colours[t.id]] for t in kb.themes[:30]],
        "speeches": speeches_meta,
        "t2s": traditional_map(),
    }
    meta_bytes = data_script("meta", meta)
    (out / "meta.js").write_bytes(meta_bytes)
    sizes["meta"] = len(meta_bytes)
    return sizes
