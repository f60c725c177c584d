"""Segmentation: rjieba (jieba-rs) must cut exactly like jieba with the same dictionary and terms."""

import pytest

from build_kb.config import load_taxonomy
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
