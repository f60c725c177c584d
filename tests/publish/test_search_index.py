"""The search index files (no browser): format, determinism, size, what is and is not indexed."""

import struct

from build_kb.publish.search_index import bigrams, data_script, fnv1a, normalise_for_search, read_data_json, read_data_script, varint


def read_shard(data: bytes) -> dict[str, dict[int, list[int]]]:
    """A shard, decoded independently of the writer: bigram → record → positions."""
    assert data[:4] == b"KBS4"
    (count,) = struct.unpack("<I", data[4:8])
    pos, out = 8, {}

    def read_varint():
        nonlocal pos
        value = shift = 0
        while True:
            byte = data[pos]
            pos += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return value

    for _ in range(count):
        length = data[pos]
        key = data[pos + 1: pos + 1 + length].decode("utf-8")
        pos += 1 + length
        end = read_varint() + pos
        n = read_varint()
        ids, record = [], -1
        for _ in range(n):
            record += 1 + read_varint()
            ids.append(record)
        counts = [1 + read_varint() for _ in range(n)]
        records = {}
        for record, count in zip(ids, counts):
            positions, position = [], -1
            for _ in range(count):
                position += 1 + read_varint()
                positions.append(position)
            records[record] = positions
        assert pos == end
        out[key] = records
    assert pos == len(data)
    return out


def test_normalisation_and_bigrams_match_the_browser_code():
    assert normalise_for_search("ＡＢＣ１２３党建") == "abc123党建"
    assert bigrams("年轻 干部") == {"年轻", "干部"}
    assert fnv1a("a") == 0xE40C292C  # the published FNV-1a test vector
    assert [varint(n) for n in (0, 127, 128, 300)] == [b"\x00", b"\x7f", b"\x80\x01", b"\xac\x02"]


def test_every_bigram_of_every_passage_is_indexed_at_its_place(seed_site):
    site, kb = seed_site
    meta = read_data_json((site / "search/meta.js").read_bytes())
    index = {}
    for k in range(meta["shards"]):
        shard = read_shard(read_data_script((site / f"search/i/{k}.js").read_bytes()))
        for key in shard:
            assert fnv1a(key) % meta["shards"] == k
        index.update(shard)
    marks = set(meta["punctuation"])
    assert {"，", "。", "、", "“", "”", "（", "）", "《", "》", "—", "…"} <= marks and not {"×", "X", "党"} & marks
    first = 0
    occurrences = 0
    for *_row, n_records, speech_id in meta["speeches"]:
        records = read_data_json((site / f"search/t/{speech_id}.js").read_bytes(), "gb18030")
        speech = next(s for s in kb.speeches if s.id == speech_id)
        assert len(records) == n_records == 1 + sum(1 for s in speech.all_sections() if s.heading) + len(speech.all_paragraphs())
        for number, (anchor, text, mask, is_heading, section) in enumerate(records):
            normalised = normalise_for_search(text)
            for i in range(len(normalised) - 1):
                gram = normalised[i : i + 2]
                if gram[0] in " \t\r\n\u3000" or gram[1] in " \t\r\n\u3000":
                    continue
                if gram[1] in marks and gram[0] not in marks:  # a character and the mark after it
                    assert gram not in index, gram
                    continue
                assert i in index[gram][first + number], (gram, url, anchor)
                occurrences += 1
        first += n_records
    assert meta["records"] == first
    assert occurrences == sum(len(p) for postings in index.values() for p in postings.values())


def test_theme_and_term_pages_are_not_indexed_so_no_passage_appears_twice(seed_site):
    site, kb = seed_site
    meta = read_data_json((site / "search/meta.js").read_bytes())
    assert sorted(row[-1] for row in meta["speeches"]) == sorted(s.id for s in kb.speeches)
    assert not (site / "search/search_index.json").exists()


def test_speeches_are_listed_newest_first(seed_site):
    site, _ = seed_site
    meta = read_data_json((site / "search/meta.js").read_bytes())
    years = [s[2] for s in meta["speeches"] if s[2]]
    assert years == sorted(years, reverse=True)
    assert meta["speeches"][-1][2] is None


def test_data_scripts_round_trip_and_carry_the_traditional_map():
    script = data_script("i/3", b"KBS1\x00")
    assert script.startswith(b'\xef\xbb\xbfKBSearch.load("i/3","') and script.endswith(b'");\n') and script.count(b"\n") == 1
    assert read_data_script(script) == b"KBS1\x00"
    assert read_data_json(data_script("meta", '{"a":"\u2028两个"}'.encode())) == {"a": "\u2028两个"}


def test_meta_holds_the_traditional_map(seed_site):
    site, _ = seed_site
    pairs = read_data_json((site / "search/meta.js").read_bytes())["t2s"]
    table = dict(zip(pairs[0::2], pairs[1::2]))
    assert [table[c] for c in "們個幹黨組織講話"] == list("们个干党组织讲话")
    assert "们" not in table and len(table) > 2500


def test_index_spilled_in_many_partitions_is_the_same(seed_site, tmp_path, monkeypatch):
    """Large corpora are encoded a partition at a time; the files do not depend on how many."""
    from build_kb.publish import search_index

    site, kb = seed_site
    published = {p.relative_to(site / "search"): p.read_bytes() for p in (site / "search").rglob("*.js")}
    monkeypatch.setattr(search_index, "ENCODE_SLICE", 5_000)
    for spill_at in (1, 5_000, 10**9):  # each speech spilled at once, a few together, all at the end
        monkeypatch.setattr(search_index, "SPILL_AT", spill_at)
        search_index.write_search_index(kb, tmp_path / str(spill_at))
        written = {p.relative_to(tmp_path / str(spill_at) / "search"): p.read_bytes() for p in (tmp_path / str(spill_at) / "search").rglob("*.js")}
        assert len(written) > 10 and written == published, spill_at
