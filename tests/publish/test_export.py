"""publish/export.py: kb.json — its shape, its determinism, and what it adds for curators."""

import json

from build_kb.publish.export import SCHEMA_VERSION, dumps, kb_to_dict


def test_top_level_shape(seed_kb):
    data = kb_to_dict(seed_kb)
    assert list(data) == ["version", "generator", "themes", "speeches", "terms", "problems"]
    assert data["version"] == SCHEMA_VERSION == 3


def test_speech_entries_carry_how_each_field_was_found(seed_kb):
    entry = next(s for s in kb_to_dict(seed_kb)["speeches"] if s["id"] == "000-0529276282a01e65")
    assert entry["detected_by"] == {"date": "header date line", "level": "全X", "occasion": "title: 在…上的讲话", "speaker": "byline name", "title": "header line"}
    assert entry["review"] == [] and entry["splits"] == [] and entry["joins"] == []


def test_dumps_is_deterministic_json(seed_kb):
    text = dumps(seed_kb)
    assert text == dumps(seed_kb) and text.endswith("\n")
    assert json.loads(text)["speeches"][0]["id"] == seed_kb.speeches[0].id


def test_written_a_speech_at_a_time_it_is_the_json_of_the_whole(seed_kb):
    assert dumps(seed_kb) == json.dumps(kb_to_dict(seed_kb), ensure_ascii=False, separators=(",", ":")) + "\n"
