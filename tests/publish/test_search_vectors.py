"""The search format's test vectors, through the Python writer; and the same vectors through the JS core in Node."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from build_kb.publish.search_index import FORMAT_VERSION, bigrams, fnv1a, normalise_for_search, varint

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
    entries = VECTORS["shard"]["map"]
    data = b"KBS1" + len(entries).to_bytes(4, "little")
    for key, ids in entries.items():
        encoded, previous = varint(len(ids)), -1
        for i in ids:
            encoded += varint(i - previous - 1)
            previous = i
        data += bytes([len(key.encode())]) + key.encode() + encoded
    assert data.hex() == VECTORS["shard"]["hex"]


def test_the_js_core_reads_the_version_the_writer_writes():
    core = (ROOT / "docs" / "assets" / "kb-search-core.js").read_text(encoding="utf-8")
    assert f"var FORMAT_VERSION = {FORMAT_VERSION};" in core


@pytest.mark.skipif(not shutil.which("node"), reason="needs Node (make test installs Debian's nodejs)")
def test_js_core_passes_the_same_vectors():
    result = subprocess.run(["node", "--test", str(ROOT / "tests" / "js")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout
