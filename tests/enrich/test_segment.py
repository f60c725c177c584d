"""Segmentation: rjieba (jieba-rs) must cut exactly like jieba with the same dictionary and terms."""

import shutil

import pytest

from build_kb.config import load_taxonomy
from build_kb.enrich import segment as segment_module
from build_kb.enrich.classify import keyword_counts, pick, theme_scores
from build_kb.enrich.segment import Segmenter

from conftest import CORPUS


@pytest.fixture(scope="module")
def words():
    return load_taxonomy(CORPUS).dictionary_words()


def test_rjieba_and_jieba_cut_every_seed_text_identically(seed_kb, words):
    pytest.importorskip("rjieba")
    fast, reference = Segmenter(words, engine="rjieba"), Segmenter(words, engine="jieba")
    texts = [t for s in seed_kb.speeches for sec in s.all_sections() for t in (sec.heading, *(p.text for p in sec.paragraphs))]
    assert len(texts) > 150
    differing = [t for t in texts if fast.tokens(t) != reference.tokens(t)]
    assert differing == []


def test_user_words_are_kept_whole_by_both_engines(words):
    for engine in ("rjieba", "jieba"):
        segmenter = Segmenter(words + ["组工干部"], engine=engine)
        assert "组工干部" in segmenter.tokens("全体组工干部要带头")
        assert "基层党组织" in segmenter.tokens("加强基层党组织建设")


def test_tokens_drop_punctuation_and_are_cached(words):
    segmenter = Segmenter(words)
    first = segmenter.tokens("坚持党管干部原则，建设高素质干部队伍。")
    assert "，" not in first and "。" not in first
    assert segmenter.tokens("坚持党管干部原则，建设高素质干部队伍。") is first


ENGINES = ["rjieba", "jieba"]
UNRELATED_THEME = "\n  - id: science\n    name: 科技\n    keywords:\n      strong: [量子通信, 数字乡村, 算力网络, 低空经济, 入党宣誓仪式]\n"
"""Words that do not occur in TEXT. Before the total was held fixed, adding them made 增强党性 one token."""
TEXT = "全体党员要坚定理想信念，增强党性，带头转变作风。"


def _engine(engine):
    if engine == "rjieba":
        pytest.importorskip("rjieba")
    return engine


def _themes(text, taxonomy, segment):
    scores = theme_scores(keyword_counts(text, taxonomy, segment), taxonomy)
    return pick({theme: score for theme, (score, _words) in scores.items()})


@pytest.mark.parametrize("engine", ENGINES)
def test_words_added_to_themes_yaml_leave_the_tokens_and_themes_of_a_text_without_them_unchanged(tmp_path, engine):
    shutil.copy(CORPUS / "themes.yaml", tmp_path / "themes.yaml")
    before_taxonomy = load_taxonomy(tmp_path)
    before = Segmenter(before_taxonomy.dictionary_words(), engine=_engine(engine))
    with open(tmp_path / "themes.yaml", "a", encoding="utf-8") as f:
        f.write(UNRELATED_THEME)
    after_taxonomy = load_taxonomy(tmp_path)
    after = Segmenter(after_taxonomy.dictionary_words(), engine=engine)
    assert len(after.words) == len(before.words) + 5
    assert before.tokens(TEXT) == after.tokens(TEXT) == ("全体", "党员", "要", "坚定", "理想信念", "增强党性", "带头", "转变", "作风")
    assert _themes(TEXT, before_taxonomy, before.tokens) == _themes(TEXT, after_taxonomy, after.tokens) == ["grassroots", "self-building"]
    assert after.tokens("加强量子通信人才培养") == ("加强", "量子通信", "人才", "培养")


@pytest.mark.parametrize("engine", ENGINES)
def test_one_more_word_of_themes_yaml_does_not_join_words_elsewhere(words, engine):
    """The case found: with 入党积极分子 added, 增强党性 became one token and 党性 stopped counting."""
    assert "入党积极分子" in words
    without = Segmenter([w for w in words if w != "入党积极分子"], engine=_engine(engine))
    assert without.tokens(TEXT) == Segmenter(words, engine=engine).tokens(TEXT)


@pytest.mark.parametrize("engine", ENGINES)
def test_every_word_of_themes_yaml_is_kept_whole(words, engine):
    segmenter = Segmenter(words, engine=_engine(engine))
    assert len(segmenter.words) > 200
    split = [w for w in segmenter.words if segmenter.tokens(w) != (w,) or segmenter.tokens(f"要{w}。") != ("要", w)]
    assert split == []


def test_more_new_words_than_the_room_for_them_are_cut_by_jieba_with_the_same_fixed_total(words, monkeypatch):
    pytest.importorskip("rjieba")
    monkeypatch.setattr(segment_module, "USER_WORDS_ROOM", 1_000)
    segmenter = Segmenter(words)
    assert segmenter.engine == "jieba"
    assert "基层党组织" in segmenter.tokens("加强基层党组织建设")
