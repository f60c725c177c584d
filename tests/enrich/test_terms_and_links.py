"""提法 detection and linking, related passages, and the browse pages."""

import re

import pytest

from build_kb.model import KWIC_CONTEXT, Paragraph, Section, Speech, Term
from build_kb.enrich.related import SECTION_THRESHOLD, merge_words, pack_words, tfidf, top_similar
from build_kb.render.common import linked_text
from build_kb.enrich.terms import TermMatcher, link_terms, normalise_term, term_id

import numpy as np
from collections import Counter


def terms_by_name(kb):
    return {t.term: t for t in kb.terms}


@pytest.mark.parametrize("expected", ["两个维护", "四个意识", "四个自信", "三会一课", "不忘初心、牢记使命", "好干部标准", "三项机制", "组织力"])
def test_seed_term_index_has_the_expected_formulations(seed_kb, expected):
    assert expected in terms_by_name(seed_kb)


def test_counted_things_are_not_formulations(seed_kb):
    names = terms_by_name(seed_kb)
    assert "三个方面" not in names and "一个干部" not in names


def test_occurrences_point_at_paragraphs_that_contain_the_term(seed_kb):
    paragraphs = {(s.id, p.id): p.text for s in seed_kb.speeches for p in s.all_paragraphs()}
    for term in seed_kb.terms:
        for o in term.occurrences:
            text = paragraphs[(o.speech_id, o.paragraph_id)]
            assert normalise_term(o.match) in {normalise_term(f) for f in term.forms}
            left, right = seed_kb.context(o)
            assert left + o.match + right in text and len(left) <= KWIC_CONTEXT >= len(right)
            assert text.startswith(left, o.at - len(left)) and (len(left) == KWIC_CONTEXT or o.at == len(left))
            assert text[o.at : o.at + len(o.match)] == o.match


def test_two_ge_wei_hu_is_found_in_every_paragraph_that_has_it(seed_kb):
    term = terms_by_name(seed_kb)["两个维护"]
    expected = {(s.id, p.id) for s in seed_kb.speeches for p in s.all_paragraphs() if "两个维护" in p.text}
    assert {(o.speech_id, o.paragraph_id) for o in term.occurrences} == expected
    assert len(expected) >= 3


def test_aliases_and_variant_quotes_are_one_term(seed_kb):
    term = terms_by_name(seed_kb)["好干部标准"]
    assert any("二十字" in o.match for o in term.occurrences)  # “二十字”好干部标准
    assert normalise_term('两个"维护"') == "两个维护" == normalise_term("两个“维护”")
    # A link never covers half a quotation: the match takes in the other mark of the pair.
    assert [(s, e) for s, e, _ in TermMatcher([Term(id="x", term="两个维护")]).finditer("做到两个“维护”的要求")] == [(2, 8)]
    aliased = TermMatcher([Term(id="x", term="好干部标准", aliases=["二十字好干部标准"])])
    assert [(s, e) for s, e, _ in aliased.finditer("提出的“二十字”好干部标准，是")] == [(3, 13)]
    assert [(s, e) for s, e, _ in aliased.finditer("坚持“好干部标准”")] == [(3, 8)]


def test_term_ids_are_readable_ascii():
    assert term_id("两个维护") == "liang-ge-wei-hu"
    assert term_id("互联网+党建") == "hu-lian-wang-dang-jian"
    assert term_id("讲政治、重公道、业务精、作风好").isascii()


def _speech_with(*texts):
    section = Section(id="s1", level=1, heading="一、四个意识很重要", line=1, paragraphs=[Paragraph(id=f"p{i}", number=i, text=t, line=i) for i, t in enumerate(texts, 1)])
    from build_kb.model import CleanReport, Source
    from pathlib import Path

    return Speech(id="x", source=Source(Path("x"), "x", "utf-8", ""), clean=CleanReport([]), header=[], title="t", title_derived=False,
                  subtitle=None, date=None, year=None, date_source=None, speaker=None, speaker_role=None, occasion=None, level=None, sections=[section])


def test_term_links_are_the_first_occurrence_per_section_longest_first():
    terms = [Term(id="a", term="四个意识"), Term(id="b", term="意识"), Term(id="c", term="X同志")]
    speech = _speech_with("增强“四个意识”和四个意识，提高意识。", "再讲四个意识。")
    link_terms([speech], terms)
    first, second = speech.sections[0].paragraphs
    assert [(x.start, x.end, x.term_id) for x in first.term_links] == [(3, 7, "a"), (16, 18, "b")]  # not 意识 inside 四个意识
    assert second.term_links == []  # already linked in this section


def test_linked_text_never_changes_the_text():
    text = "*同志讲<b>四个意识</b>与XX、××"
    term = Term(id="si-ge-yi-shi", term="四个意识")
    start = text.index("四个意识")
    html = linked_text(text, [(start, start + 4, term)], "speeches/x/")
    assert '<a href="../../terms/si-ge-yi-shi/">四个意识</a>' in html
    plain = re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">")
    assert plain == text


def test_headings_are_never_linked(seed_site):
    site, _ = seed_site
    html = (site / "speeches/000-0529276282a01e65/index.html").read_text(encoding="utf-8")
    for heading in re.findall(r"<h[1-4][^>]*>.*?</h[1-4]>", html, re.S):
        assert "terms/" not in heading


def test_relatedness_threshold_drops_weak_matches():
    docs = [Counter({"干部": 3, "选拔": 2, "任用": 2}), Counter({"干部": 2, "选拔": 2, "任用": 1}), Counter({"人才": 3, "引进": 2, "干部": 1}), Counter({"天气": 5})]
    matrix = tfidf([pack_words(d) for d in docs])
    result = top_similar(matrix, np.array([0, 1, 2, 3]), k=3, threshold=SECTION_THRESHOLD)
    assert result[0][0][0] == 1 and result[0][0][1] > 0.8
    assert all(j != 3 for j, _ in result[0])  # nothing in common: never related
    assert result[3] == []


def test_related_passages_are_in_other_speeches_and_sensible(seed_kb):
    assert seed_kb.related_sections
    for (speech_id, section_id), links in seed_kb.related_sections.items():
        mine = seed_kb.section(speech_id, section_id)
        for link in links:
            assert link.speech_id != speech_id and link.score >= SECTION_THRESHOLD
            other = seed_kb.section(link.speech_id, link.section_id)
            assert set(mine.themes) & set(other.themes), (mine.heading, other.heading)


def test_browse_pages_exist_and_charts_have_text_alternatives(seed_site):
    site, kb = seed_site
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<svg class="kb-chart" role="img" aria-label="各年度讲话中各专题的篇幅占比。2018：' in home
    assert "常见提法" in home
    timeline = (site / "timeline/index.html").read_text(encoding="utf-8")
    assert timeline.index("2020年") < timeline.index("2018年") and "2月" in timeline
    assert "喻显镔" in (site / "speakers/index.html").read_text(encoding="utf-8")
    occasions = (site / "occasions/index.html").read_text(encoding="utf-8")
    assert "全区组织工作会议" in occasions and "区级 3 篇　市级 2 篇" in occasions
    term = (site / "terms/si-ge-yi-shi/index.html").read_text(encoding="utf-8")
    assert "政治意识、大局意识、核心意识、看齐意识。" in term
    four = next(t for t in kb.terms if t.term == "四个意识")
    # One line per speech (in date order, the first KWIC_PER_YEAR of each year): its first use in
    # context, linked to that paragraph …
    from build_kb.render.browse import KWIC_PER_YEAR

    order = [s.id for s in kb.speeches]
    by_year = {}
    for sid in sorted(four.speech_ids(), key=order.index):
        by_year.setdefault(kb.speech(sid).year, []).append(sid)
    citing = [sid for sids in by_year.values() for sid in sids[:KWIC_PER_YEAR]]
    assert len(citing) < len(four.speech_ids())  # 2020 has more speeches than are shown
    assert term.count("<mark>四个意识</mark>") == len(citing)
    firsts = re.findall(r'<li><a href="\.\./\.\./(speeches/[^"#]+/#p\d+)"><span>', term)
    assert firsts == [f"speeches/{sid}/#{next(o for o in four.occurrences if o.speech_id == sid).paragraph_id}" for sid in citing]
    # … then the other uses in that speech, by paragraph, each linked.
    for sid in citing:
        uses = [o for o in four.occurrences if o.speech_id == sid]
        line = term[term.index(f'<li><a href="../../speeches/{sid}/#') :].split("</li>", 1)[0]
        assert (f"本篇另有 {len(uses) - 1} 处：" in line) == (len(uses) > 1)
        assert {f"speeches/{sid}/#{o.paragraph_id}" for o in uses} == set(re.findall(r'href="\.\./\.\./(speeches/[^"]+)"', line))
    # Speeches of several years: a heading per year, with that year's count of uses.
    years = sorted(by_year)
    assert len(years) > 1
    for year in years:
        in_year = [o for o in four.occurrences if kb.speech(o.speech_id).year == year]
        assert f'<h3 id="y{year}">{year}年（{len({o.speech_id for o in in_year})} 篇讲话，{len(in_year)} 处）' in term


def test_large_themes_are_split_by_year_and_terms_show_a_few_uses_a_year(seed_kb, monkeypatch):
    from urllib.parse import quote

    from build_kb.render import browse as render_browse
    from build_kb.render import pages as render
    from build_kb.render.common import Site

    monkeypatch.setattr(render, "MAX_EXCERPTS_PER_PAGE", 3)
    monkeypatch.setattr(render_browse, "KWIC_PER_YEAR", 1)
    site = Site(seed_kb)
    theme = next(t for t in seed_kb.themes if t.id == "cadres")
    pages = render.render_theme(site, theme)
    assert "themes/cadres.md" in pages and "themes/cadres/2018.md" in pages and "themes/cadres/undated.md" in pages
    assert 'href="../../themes/cadres/2018/"' in pages["themes/cadres.md"].html
    assert "kb-excerpt" in pages["themes/cadres/2018.md"].html and "2020年" not in pages["themes/cadres/2018.md"].html
    term = next(t for t in seed_kb.terms if t.term == "四个意识")
    term_pages = render_browse.render_term(site, term)
    assert list(term_pages) == [f"terms/{term.id}.md"]
    html = term_pages[f"terms/{term.id}.md"].html
    years = {seed_kb.speech(sid).year for sid in term.speech_ids()}
    assert html.count("<mark>") == len(years) == 2  # the first speech of each year, in context …
    # … and for the other two speeches of 2020, the search, which lists them all
    link = f'<a href="../../search/?q={quote("“四个意识”")}&amp;year=2020">“四个意识”</a>'
    assert f'<p class="kb-kwic-more">本年另有 2 篇讲话用到，全部出处见检索：{link}</p>' in html


def test_packed_word_counts_add_up():
    import numpy as np

    from build_kb.enrich.related import WORD_COUNTS, word_hash

    merged = np.frombuffer(merge_words([pack_words(Counter({"干部": 3, "选拔": 1})), pack_words(Counter({"干部": 2, "人才": 4}))]), dtype=WORD_COUNTS)
    assert dict(zip(merged["word"].tolist(), merged["count"].tolist())) == {word_hash("干部"): 5, word_hash("选拔"): 1, word_hash("人才"): 4}
    assert list(merged["word"]) == sorted(merged["word"])
    assert merge_words([]) == b"" and word_hash("干部") == word_hash("干部") != word_hash("干 部")


def test_matcher_finds_the_longest_form_at_each_place_quotes_and_all():
    terms = [Term(id=f"t{i}", term=form) for i, form in enumerate(["四个意识", "四个", "意识形态", "意识", "两个维护", "两个确立", "党建引领"])]
    matcher = TermMatcher(terms)
    text = "增强“四个意识”，做到两个“维护”，牢牢掌握意识形态工作领导权，以党建“引领”基层治理，意识到两个确立的决定性意义。"
    assert [(text[start:end], term.term) for start, end, term in matcher.finditer(text)] == [
        ("四个意识", "四个意识"),
        ("两个“维护”", "两个维护"),
        ("意识形态", "意识形态"),
        ("党建“引领”", "党建引领"),
        ("意识", "意识"),
        ("两个确立", "两个确立"),
    ]


def test_spans_kept_between_builds_are_the_spans_found_anew(tmp_path):
    from build_kb.enrich.terms import SpanStore

    terms = [Term(id="a", term="四个意识"), Term(id="b", term="意识"), Term(id="c", term="两个维护")]
    first = _speech_with("增强“四个意识”，提高意识。", "做到两个维护。")
    second = _speech_with("只讲两个维护，两个维护。")
    matcher = TermMatcher(terms)
    fresh = [matcher.speech_spans(s) for s in (first, second)]
    assert [[(a, b, t.id) for a, b, t in p] for p in fresh[0]] == [[(3, 7, "a"), (11, 13, "b")], [(2, 6, "c")]]

    store = SpanStore(tmp_path / "links.z", matcher)
    assert [matcher.speech_spans(s, store) for s in (first, second)] == fresh
    assert store.missed == 2
    store.save()

    again = SpanStore(tmp_path / "links.z", TermMatcher(list(reversed(terms))))  # the same forms
    assert again.known and [matcher.speech_spans(s, again) for s in (first, second)] == fresh
    assert again.missed == 0

    # One speech left the corpus: only the other's spans are kept.
    kept = SpanStore(tmp_path / "links.z", matcher)
    matcher.speech_spans(second, kept)
    kept.save()
    assert len(SpanStore(tmp_path / "links.z", matcher).known) == 1

    # A form came or went (a speech added or deleted): a speech holding none of them keeps its
    # spans, renumbered; one holding one is matched again. Either way, the spans found anew.
    third = _speech_with("增强“四个意识”，提高意识。")
    store = SpanStore(tmp_path / "links.z", matcher)
    for speech in (second, third):
        matcher.speech_spans(speech, store)
    store.save()
    fewer = TermMatcher([terms[0], terms[2]])  # 意识 is gone
    changed = SpanStore(tmp_path / "links.z", fewer)
    assert [fewer.speech_spans(s, changed) for s in (second, third)] == [fewer.speech_spans(s) for s in (second, third)]
    assert changed.missed == 1  # the speech with 意识
    changed.save()
    more = TermMatcher([*terms, Term(id="d", term="提高")])
    again = SpanStore(tmp_path / "links.z", more)
    assert [more.speech_spans(s, again) for s in (second, third)] == [more.speech_spans(s) for s in (second, third)]
    assert again.missed == 1  # the speech with 提高

    (tmp_path / "links.z").write_bytes(b"damaged")  # rebuilt
    assert SpanStore(tmp_path / "links.z", matcher).known == {}


@pytest.mark.parametrize("pruned", [False, True], ids=["all pairs", "pruned candidates"])
def test_top_similar_is_the_brute_force_answer(pruned, monkeypatch):
    from scipy import sparse

    from build_kb.enrich import related

    if pruned:  # the candidate path, with limits wide enough that it must find the same answer
        monkeypatch.setattr(related, "EXACT_UP_TO", 0)
        monkeypatch.setattr(related, "ROW_TERMS", 10_000)
        monkeypatch.setattr(related, "POSTINGS", 10_000)
        monkeypatch.setattr(related, "CHUNK", 64)

    rng = np.random.default_rng(7)
    dense = (rng.random((300, 400)) < 0.05) * rng.random((300, 400))
    dense[:, :30] = rng.random((300, 30))  # words nearly every document has: the dense part
    dense[5] = dense[6]  # a tie: two rows equally close to every other
    dense /= np.linalg.norm(dense, axis=1, keepdims=True)
    groups = np.arange(300) // 3  # rows of one group are never each other's answer
    cosine = dense @ dense.T
    got = related.top_similar(sparse.csr_matrix(dense.astype(np.float32)), groups, 3, 0.5)
    ties = 0
    for i, row in enumerate(got):
        others = sorted((-cosine[i, j], j) for j in range(300) if groups[j] != groups[i] and cosine[i, j] >= 0.5)
        # The best three at each rank (float32 sums may swap two scores closer than 1e-6) …
        assert np.allclose([score for _, score in row], [-s for s, _ in others[:3]], atol=1e-5)
        assert all(abs(score - cosine[i, j]) < 1e-5 for j, score in row)
        # … and of two equally close rows, the first.
        if 5 in [j for j, _ in row] and 6 in [j for j, _ in row]:
            ties += 1
            assert [j for j, _ in row].index(5) < [j for j, _ in row].index(6)
    assert ties > 0


def test_pruned_candidates_among_equal_copies_do_not_depend_on_rows_elsewhere(monkeypatch):
    """Many copies of one passage weigh the same in each word's postings: which of them are taken
    must not change when a row is deleted elsewhere (the lower row is taken), or one speech less
    would change the related passages of hundreds of pages."""
    from scipy import sparse

    from build_kb.enrich import related

    monkeypatch.setattr(related, "EXACT_UP_TO", 0)
    monkeypatch.setattr(related, "POSTINGS", 4)
    monkeypatch.setattr(related, "CANDIDATES", 3)
    rng = np.random.default_rng(11)
    templates = (rng.random((5, 60)) < 0.3) * rng.random((5, 60))
    kinds = rng.permutation(np.arange(120) % 5)  # 24 identical copies of each of five passages
    dense = templates[kinds] / np.linalg.norm(templates[kinds], axis=1, keepdims=True)
    before = related.top_similar(sparse.csr_matrix(dense.astype(np.float32)), np.arange(120), 3, 0.3)
    gone = 60
    rest = [i for i in range(120) if i != gone]
    after = related.top_similar(sparse.csr_matrix(dense[rest].astype(np.float32)), np.arange(119), 3, 0.3)
    for new_row, old_row in enumerate(rest):
        chosen_before = [j for j, _ in before[old_row]]
        if gone not in chosen_before:
            assert [rest[j] for j, _ in after[new_row]] == chosen_before
    # Of equal copies, the first ones: each row's answer is the three lowest other copies.
    for i, row in enumerate(before):
        assert [j for j, _ in row] == [j for j in range(120) if kinds[j] == kinds[i] and j != i][:3]


@pytest.mark.parametrize("slice_entries", [7, 2_000_000], ids=["many slices", "one slice"])
def test_tfidf_is_the_textbook_formula(slice_entries, monkeypatch):
    from build_kb.enrich import related

    monkeypatch.setattr(related, "_SLICE", slice_entries)
    rng = np.random.default_rng(3)
    vocabulary = [f"词{k}" for k in range(40)]
    counts = [Counter({w: int(rng.integers(1, 5)) for w in rng.choice(vocabulary, size=size, replace=False)}) for size in (12, 0, 30, 1, 25, 9)]
    counts[3] = Counter({"独有": 2})  # a document whose only word no other has: in its norm, not in the matrix
    matrix = related.tfidf([pack_words(c) for c in counts]).toarray()
    n = len(counts)
    df = Counter(w for c in counts for w in c)
    hashes = sorted(df, key=related.word_hash)
    expected = np.zeros((n, len(hashes)), dtype=np.float32)
    for row, c in enumerate(counts):
        weights = {w: (1 + np.log(np.float32(k))) * np.float32(np.log((1 + n) / (1 + df[w])) + 1) for w, k in c.items()}
        norm = np.sqrt(sum(float(v) ** 2 for v in weights.values())) or 1.0
        for w, v in weights.items():
            if df[w] > 1:
                expected[row, hashes.index(w)] = v / np.float32(norm)
    assert matrix.shape == expected.shape and np.allclose(matrix, expected, rtol=1e-6, atol=0)
    assert not matrix[1].any() and not matrix[3].any()


def test_term_ids_are_kept_between_builds(tmp_path, monkeypatch):
    from build_kb.enrich import terms as terms_module

    speeches = [_speech_with("增强“四个意识”，做到“两个维护”。"), _speech_with("牢固树立“四个意识”，坚决做到“两个维护”。")]
    speeches[1].id = "y"
    first = terms_module.find_terms(speeches, [], lambda text: list(text), set(), tmp_path)
    assert {t.id for t in first} == {"si-ge-yi-shi", "liang-ge-wei-hu"}

    def no_pinyin(term):
        raise AssertionError(f"pypinyin asked again for {term}")

    monkeypatch.setattr(terms_module, "term_id", no_pinyin)
    again = terms_module.find_terms(speeches, [], lambda text: list(text), set(), tmp_path)
    assert [(t.id, t.term) for t in again] == [(t.id, t.term) for t in first]
    (tmp_path / "ids.json").write_text('{"code": "other code", "ids": {"四个意识": "wrong"}}', encoding="utf-8")
    with pytest.raises(AssertionError, match="pypinyin asked again"):
        terms_module.find_terms(speeches, [], lambda text: list(text), set(), tmp_path)


@pytest.mark.parametrize("held", [32_000_000, 0], ids=["held", "read-each-time"])
def test_stored_word_counts_are_read_once_while_they_fit_and_give_the_same_links(tmp_path, monkeypatch, held):
    from build_kb.enrich import related
    from build_kb.pipeline import parse_corpus
    from conftest import make_corpus

    corpus = make_corpus(tmp_path / "corpus", {}, with_seeds=True)
    parsed = parse_corpus(corpus, cache_dir=tmp_path / "cache")
    reads = Counter()
    stored = parsed.stored_words()

    def counted(speech):
        reads[speech.id] += 1
        return stored(speech)

    monkeypatch.setattr(related, "HELD_WORDS_BYTES", held)
    links = related.link_related(parsed.kb.speeches, parsed.segment, counted)
    # Each speech is asked for three times (two readings of its sections, then the speech itself).
    assert set(reads.values()) == ({1} if held else {3})
    computed = parse_corpus(corpus)  # no cache: the word counts are on the sections
    assert links == related.link_related(computed.kb.speeches, computed.segment)
    assert any(links[0].values())
