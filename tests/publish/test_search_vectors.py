"""The search format's test vectors, through the Python writer; and the same vectors through the JS core in Node."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from build_kb.publish.search_index import FORMAT_VERSION, bigrams, fnv1a, gb18030_json, normalise_for_search, pack7, unpack7, varint

ROOT = Path(__file__).resolve().parents[2]
VECTORS = json.loads((ROOT / "tests" / "search_vectors.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text, expected", VECTORS["normalise"])
def test_normalise(text, expected):
    assert normalise_for_search(text) == expected


@pytest.mark.parametrize("text, expected", VECTORS["bigrams"])
def test_bigrams(text, expected):
    assert bigrams(text) == set(expected)


@pytest.mark.parametrize("text, expected", VECTORS["fnv1a"])
def test_fnv1a(text, expected):
    assert fnv1a(text) == expected


def test_shard_bytes_are_what_the_writer_encodes():
    import struct

    import numpy as np

    from build_kb.publish.search_index import SHARD_MAGIC, encode_postings

    codes, records, positions = [], [], []
    for gram, by_record in VECTORS["shard"]["postings"].items():
        for record, places in by_record.items():
            for place in places:
                codes.append((ord(gram[0]) << 32) | ord(gram[1]))
                records.append(int(record))
                positions.append(place)
    encoded = encode_postings(np.array(codes, dtype=np.uint64), np.array(records), np.array(positions, dtype=np.uint32))
    data = SHARD_MAGIC + struct.pack("<I", len(encoded))
    for gram in sorted(encoded):
        key = gram.encode()
        data += bytes([len(key)]) + key + varint(len(encoded[gram])) + encoded[gram]
    assert data.hex() == VECTORS["shard"]["hex"]


@pytest.mark.parametrize("data, text", VECTORS["pack7"])
def test_pack7(data, text):
    assert pack7(bytes.fromhex(data)) == text
    assert unpack7(text) == bytes.fromhex(data)
    assert not set(text) & set('\x00\n\r"\\')


def test_texts_are_gb18030_json_with_risky_characters_escaped():
    vector = VECTORS["gb18030_json"]
    assert gb18030_json(vector["value"]).hex() == vector["hex"]
    assert "\\ud842\\udfb7" in bytes.fromhex(vector["hex"]).decode("gb18030")  # outside the BMP
    assert "\\u1e3f" in bytes.fromhex(vector["hex"]).decode("gb18030")  # read differently by GB18030-2000 decoders


def test_the_js_core_reads_the_version_the_writer_writes():
    core = (ROOT / "docs" / "assets" / "kb-search-core.js").read_text(encoding="utf-8")
    assert f"var FORMAT_VERSION = {FORMAT_VERSION};" in core


@pytest.mark.skipif(not shutil.which("node"), reason="needs Node (make test installs Debian's nodejs)")
def test_js_core_passes_the_same_vectors():
    result = subprocess.run(["node", "--test", str(ROOT / "tests" / "js")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout


def test_sentence_ends_are_what_the_writer_encodes():
    from build_kb.publish.search_index import SENTENCE_MAGIC, encode_sentence_ends, sentence_ends

    vector = VECTORS["sentence_ends"]
    assert (SENTENCE_MAGIC + encode_sentence_ends([["", t] for t in vector["texts"]])).hex() == vector["hex"]
    assert [sentence_ends(t) for t in vector["texts"]] == vector["ends"]
