"""publish/export.py: kb.json and the files it names — their shape, their determinism, and what they add for curators."""

import gzip
import json

from build_kb.publish.export import SCHEMA_VERSION, kb_to_dict, load, speech_sections, term_occurrences, write


def read_gzip_json(path):
    return json.loads(gzip.decompress(path.read_bytes()))


def test_top_level_shape(seed_kb):
    data = kb_to_dict(seed_kb)
    assert list(data) == ["version", "generator", "themes", "speeches", "terms", "problems"]
    assert data["version"] == SCHEMA_VERSION == 5


def test_speech_entries_carry_how_each_field_was_found(seed_kb):
    entry = next(s for s in kb_to_dict(seed_kb)["speeches"] if s["id"] == "000-0529276282a01e65")
    assert entry["detected_by"] == {"date": "header date line", "level": "全X", "occasion": "title: 在…上的讲话", "speaker": "byline name", "title": "header line"}
    assert entry["review"] == [] and entry["splits"] == [] and entry["joins"] == []


def test_the_index_names_a_file_for_each_speech_and_term(tmp_path, seed_kb):
    assert write(seed_kb, tmp_path) == 1 + len(seed_kb.speeches) + len(seed_kb.terms)
    index = json.loads((tmp_path / "kb.json").read_text(encoding="utf-8"))
    assert "sections" not in index["speeches"][0] and "occurrences" not in index["terms"][0]
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert written == sorted(["kb.json", *(s["file"] for s in index["speeches"]), *(t["file"] for t in index["terms"])])
    speech = seed_kb.speeches[0]
    assert index["speeches"][0]["file"] == f"kb/speeches/{speech.id}.json.gz"
    assert read_gzip_json(tmp_path / "kb/speeches" / f"{speech.id}.json.gz") == speech_sections(speech, seed_kb)
    term = seed_kb.terms[0]
    entry = index["terms"][0]
    assert (entry["file"], entry["speech_count"], entry["occurrence_count"]) == (f"kb/terms/{term.id}.json.gz", len(term.speech_ids()), len(term.occurrences))
    assert read_gzip_json(tmp_path / entry["file"]) == term_occurrences(term)


def test_written_files_are_deterministic_json(tmp_path, seed_kb):
    write(seed_kb, tmp_path / "one")
    write(seed_kb, tmp_path / "two")
    paths = sorted(p for p in (tmp_path / "one").rglob("*") if p.is_file())
    assert len(paths) == 1 + len(seed_kb.speeches) + len(seed_kb.terms)
    for path in paths:
        data = path.read_bytes()
        assert data == (tmp_path / "two" / path.relative_to(tmp_path / "one")).read_bytes()
        text = gzip.decompress(data) if path.name.endswith(".json.gz") else data
        assert text.endswith(b"}\n")
        json.loads(text)


def test_load_gives_the_whole_export_as_one_value(tmp_path, seed_kb):
    write(seed_kb, tmp_path)
    whole = load(tmp_path)
    assert [s["sections"] for s in whole["speeches"]] == [speech_sections(s, seed_kb)["sections"] for s in seed_kb.speeches]
    assert [t["occurrences"] for t in whole["terms"]] == [term_occurrences(t)["occurrences"] for t in seed_kb.terms]


def test_the_index_written_an_entry_at_a_time_is_the_json_of_the_whole(tmp_path, seed_kb):
    write(seed_kb, tmp_path)
    assert (tmp_path / "kb.json").read_text(encoding="utf-8") == json.dumps(kb_to_dict(seed_kb), ensure_ascii=False, separators=(",", ":")) + "\n"
