"""Incremental builds: what the cache reuses, what invalidates it, and the nothing-changed skip."""

import json

import pytest

from build_kb.pipeline import BuildStats, build_knowledge_base
from build_kb.publish import export

from conftest import ROOT, build_site, make_corpus

SPEECH = "在全县组织工作会议上的讲话\n同志们：\n一、关于天气。今天天气很好。\n二、加强人才工作。引进人才。\n"


def built(corpus, cache):
    """The knowledge base and what building it cost (cache hits and misses)."""
    stats = BuildStats()
    kb = build_knowledge_base(corpus, cache_dir=cache, stats=stats)
    return kb, (stats.cache_hits, stats.cache_misses)


def themes_of(kb):
    return {s.id: s.themes for s in kb.speeches[0].all_sections()}


def test_second_build_reuses_every_speech(tmp_path):
    corpus = make_corpus(tmp_path / "c", with_seeds=True)
    first, first_use = built(corpus, tmp_path / "cache")
    second, second_use = built(corpus, tmp_path / "cache")
    assert (first_use, second_use) == ((0, 5), (5, 0))
    assert [s.title for s in second.speeches] == [s.title for s in first.speeches]
    assert themes_of(second) == themes_of(first)
    assert [t.term for t in second.terms] == [t.term for t in first.terms]
    assert second.related_sections == first.related_sections


def test_changed_speech_is_rebuilt_alone(tmp_path):
    corpus = make_corpus(tmp_path / "c", with_seeds=True)
    build_knowledge_base(corpus, cache_dir=tmp_path / "cache")
    target = sorted(corpus.glob("*.txt"))[2]
    target.write_bytes(target.read_bytes() + "\n同志们，散会。\n".encode("utf-8"))
    assert built(corpus, tmp_path / "cache")[1] == (4, 1)


def test_a_project_moved_to_another_folder_keeps_its_cache(tmp_path):
    import shutil

    corpus = make_corpus(tmp_path / "here" / "corpus", with_seeds=True)
    build_knowledge_base(corpus, cache_dir=tmp_path / "here" / "cache")
    shutil.move(tmp_path / "here", tmp_path / "there")
    assert built(tmp_path / "there" / "corpus", tmp_path / "there" / "cache")[1] == (5, 0)


def test_editing_themes_yaml_invalidates_classification(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"x.txt": SPEECH})
    before = build_knowledge_base(corpus, cache_dir=tmp_path / "cache")
    assert themes_of(before)["s1"] == []
    with open(corpus / "themes.yaml", "a", encoding="utf-8") as f:
        f.write("\n  - id: weather\n    name: 天气\n    keywords:\n      strong: [天气]\n")
    after, use = built(corpus, tmp_path / "cache")
    assert use == (0, 1)
    assert themes_of(after)["s1"] == ["weather"]


def test_override_change_invalidates_that_speech(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"x.txt": SPEECH})
    build_knowledge_base(corpus, cache_dir=tmp_path / "cache")
    (corpus / "speeches.yaml").write_text("x.txt:\n  speaker: 王五\n", encoding="utf-8")
    kb, use = built(corpus, tmp_path / "cache")
    assert use == (0, 1) and kb.speeches[0].speaker == "王五"


DAMAGE = {
    "replaced": lambda blob: b"not a cache entry",
    "truncated": lambda blob: blob[: len(blob) // 2],
    "flipped byte": lambda blob: blob[:-20] + bytes([blob[-20] ^ 0x01]) + blob[-19:],
    "empty": lambda blob: b"",
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_cache_entries_are_misses(tmp_path, damage, caplog):
    corpus = make_corpus(tmp_path / "c", {"x.txt": SPEECH})
    build_knowledge_base(corpus, cache_dir=tmp_path / "cache")
    entries = list((tmp_path / "cache").rglob("*.entry"))
    assert len(entries) == 1
    entries[0].write_bytes(DAMAGE[damage](entries[0].read_bytes()))
    kb, use = built(corpus, tmp_path / "cache")
    assert use == (0, 1)
    assert kb.speeches[0].title == "在全县组织工作会议上的讲话"
    assert [r.getMessage() for r in caplog.records if "已损坏" in r.getMessage()] == [f"缓存条目 {entries[0]} 已损坏，不用它（会重新生成）"]


@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_search_cache_is_rebuilt_not_published(tmp_path, damage):
    corpus = make_corpus(tmp_path / "c", {"x.txt": SPEECH})
    site, cache = tmp_path / "site", tmp_path / "cache"
    build_site(ROOT / "mkdocs.yml", site, corpus_dir=corpus, cache_dir=cache)
    (text_file,) = (site / "search" / "t").glob("*.js")
    good = text_file.read_bytes()
    for entry in (cache / "search").rglob("*.bin"):
        entry.write_bytes(DAMAGE[damage](entry.read_bytes()))
    (corpus / "x.txt").write_text(SPEECH + "\n", encoding="utf-8")  # forces a rebuild that reads the cache
    build_site(ROOT / "mkdocs.yml", site, corpus_dir=corpus, cache_dir=cache)
    assert text_file.read_bytes() == good


def test_unchanged_inputs_skip_the_build_and_changes_do_not(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"x.txt": SPEECH})
    site, cache = tmp_path / "site", tmp_path / "cache"
    assert build_site(ROOT / "mkdocs.yml", site, corpus_dir=corpus, cache_dir=cache) is not None
    assert build_site(ROOT / "mkdocs.yml", site, corpus_dir=corpus, cache_dir=cache) is None
    (corpus / "x.txt").write_text(SPEECH + "同志们，散会。\n", encoding="utf-8")
    kb = build_site(ROOT / "mkdocs.yml", site, corpus_dir=corpus, cache_dir=cache)
    assert kb is not None and "散会" in json.dumps(export.load(site), ensure_ascii=False)
    (site / "kb.json").unlink()  # a damaged site is rebuilt even if the inputs did not change
    assert build_site(ROOT / "mkdocs.yml", site, corpus_dir=corpus, cache_dir=cache) is not None


def test_serve_watches_corpus_docs_and_config(tmp_path):
    from build_kb.cli import watched_paths
    from build_kb.publish.site import open_project

    project = open_project(ROOT / "mkdocs.yml", tmp_path / "corpus")
    assert watched_paths(project) == [tmp_path / "corpus", ROOT / "docs", ROOT / "mkdocs.yml"]


def test_a_cached_speech_keeps_the_order_of_its_dicts():
    from build_kb.model import Section
    from build_kb.store import from_json, to_json

    section = Section(id="s1", level=1, heading="一、", line=1, subtopics={"talent": "a", "cadres": "b"}, theme_scores={"self-building": 1.0, "cadres": 2.0})
    back = from_json(to_json(section), Section)
    assert list(back.subtopics) == ["talent", "cadres"] and list(back.theme_scores) == ["self-building", "cadres"]


def test_a_cached_speech_is_the_speech_computed_and_its_word_counts_wait_in_the_cache(tmp_path):
    from build_kb.pipeline import parse_corpus

    text = "在全县人才工作会议上的讲话\n同志们：\n一、加强人才工作\n（一）引进人才。引进高层次人才和急需紧缺人才。\n（二）用好人才。\n二、关于天气\n"
    corpus = make_corpus(tmp_path / "c", {"x.txt": text, "y.txt": SPEECH})
    computed = parse_corpus(corpus).kb.speeches  # no cache: the word counts stay on the sections
    words = [[s.words for s in speech.all_sections()] for speech in computed]
    assert any(w for speech in words for w in speech)
    for first_time in (True, False):
        parsed = parse_corpus(corpus, cache_dir=tmp_path / "cache")
        assert (parsed.kb.speeches[0].source.rel_path, len(parsed.cache_keys)) == ("x.txt", 2)
        # Computed or cached, the speech holds no word counts; its cache entry has them.
        assert all(s.words is None for speech in parsed.kb.speeches for s in speech.all_sections()), first_time
        assert [parsed.stored_words()(speech) for speech in parsed.kb.speeches] == words
    for speech in computed:
        for section in speech.all_sections():
            section.words = None
    assert parsed.kb.speeches == computed


def test_a_file_saved_while_the_build_reads_it_is_cached_as_read(tmp_path, monkeypatch):
    """The bytes a speech is built from are read by the worker that builds it (the corpus is not
    held in memory), so its cache entry is keyed by those bytes, not by the ones hashed first."""
    from build_kb import pipeline

    corpus = make_corpus(tmp_path / "c", {"x.txt": SPEECH})
    listed = pipeline._read_corpus

    def listed_then_saved(*args, **kwargs):
        jobs = listed(*args, **kwargs)
        (corpus / "x.txt").write_text(SPEECH + "同志们，散会。\n", encoding="utf-8")
        return jobs

    monkeypatch.setattr(pipeline, "_read_corpus", listed_then_saved)
    kb, use = built(corpus, tmp_path / "cache")
    assert use == (0, 1) and kb.speeches[0].all_paragraphs()[-1].text == "同志们，散会。"
    monkeypatch.undo()
    kb, use = built(corpus, tmp_path / "cache")
    assert use == (1, 0) and kb.speeches[0].all_paragraphs()[-1].text == "同志们，散会。"


def test_the_caches_keep_one_entry_per_speech(tmp_path):
    """An edit, or a new version of the code, leaves entries nobody will read again: the build removes them."""
    corpus = make_corpus(tmp_path / "c", with_seeds=True)
    cache = tmp_path / "cache"
    build_site(ROOT / "mkdocs.yml", tmp_path / "site", corpus_dir=corpus, cache_dir=cache)
    entries = cache / "speeches"
    stale = entries / "ff" / ("f" * 64 + ".entry")
    stale.parent.mkdir(exist_ok=True)
    stale.write_bytes(b"from an older version")
    deeper = entries / "speeches" / "ab" / ("a" * 64 + ".entry")  # where versions up to 971ace2 kept them
    deeper.parent.mkdir(parents=True)
    deeper.write_bytes(b"from an older version")
    target = sorted(corpus.glob("*.txt"))[2]
    target.write_bytes(target.read_bytes() + "\n同志们，散会。\n".encode("utf-8"))
    build_site(ROOT / "mkdocs.yml", tmp_path / "site", corpus_dir=corpus, cache_dir=cache)
    assert len(list(entries.glob("*/*.entry"))) == 5 and not stale.exists() and not deeper.exists()
    assert len(list((cache / "search" / "speeches").glob("*/*.bin"))) == 5
