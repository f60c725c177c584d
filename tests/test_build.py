"""The built site as a whole: pages, kb.json, strictness, determinism, atomicity, offline use."""

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from build_kb.errors import KbError, StrictModeFailure

from conftest import ROOT, build_site, make_corpus
from sitecheck import broken_links, external_references

MKDOCS_YML = ROOT / "mkdocs.yml"


def tree_digest(path: Path) -> dict[str, str]:
    return {p.relative_to(path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.rglob("*")) if p.is_file()}


def test_every_speech_has_a_page_with_its_outline(seed_site):
    site, kb = seed_site
    assert len(kb.speeches) == 5
    for speech in kb.speeches:
        html = (site / speech.url / "index.html").read_text(encoding="utf-8")
        assert f"<title>{speech.title}" in html
        for section in speech.all_sections():
            assert f'id="{section.id}"' in html
        for p in speech.all_paragraphs():
            assert f'id="{p.id}"' in html
        # the outline is the page's table of contents
        first = next(s for s in speech.all_sections() if s.kind == "body" and s.heading)
        assert f'href="#{first.id}"' in html


def test_speech_page_shows_metadata_and_pager(seed_site):
    site, kb = seed_site
    speech = next(s for s in kb.speeches if s.date == "2018-02-27")
    html = (site / speech.url / "index.html").read_text(encoding="utf-8")
    for text in ["2018年2月27日", "喻显镔", "全区组织工作会议", "下一篇"]:
        assert text in html
    # the source file is the curator's detail: on 待核对 and in kb check, not on the reader's page
    assert "000_0529276282a01e65.txt" not in html and "来源文件" not in html


def test_index_by_year_and_home(seed_site):
    site, kb = seed_site
    index = (site / "speeches/index.html").read_text(encoding="utf-8")
    assert index.index("2020年") < index.index("2018年") < index.index("年份不详")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "5</b>篇讲话" in home and "怎样使用" in home
    assert "<b><span>2018—</span><span>2020 年</span></b>时间跨度" in home


def test_kb_json_schema(seed_json):
    data = seed_json
    assert data["version"] == 5
    assert [t["id"] for t in data["themes"]] == ["political-building", "grassroots", "cadres", "talent", "self-building"]
    assert all(set(t) >= {"id", "name", "url"} for t in data["themes"])
    for speech in data["speeches"]:
        assert set(speech) >= {"id", "url", "title", "subtitle", "date", "year", "speaker", "occasion", "source_file", "source_sha256", "removed", "sections"}
        raw = (ROOT / "corpus" / speech["source_file"]).read_bytes()
        assert speech["source_sha256"] == hashlib.sha256(raw).hexdigest()
        assert speech["url"] == f"speeches/{speech['id']}/"

        def check(section):
            assert set(section) >= {"id", "level", "heading", "url", "themes", "theme_scores", "theme_evidence", "paragraphs", "sections"}
            assert section["url"] == f"{speech['url']}#{section['id']}"
            for p in section["paragraphs"]:
                assert set(p) >= {"id", "text", "url"}
                assert p["url"] == f"{speech['url']}#{p['id']}"
            for child in section["sections"]:
                assert child["level"] == section["level"] + 1
                check(child)

        for section in speech["sections"]:
            check(section)
    removed = {s["source_file"]: s["removed"] for s in data["speeches"]}
    assert removed["004_eacb4a459d5cbb94.txt"][0] == {"line": 1, "text": "本文系作者原创投稿，仅供学习参考，请勿照搬照抄！", "rule": "copyright-notice"}


def test_no_internal_link_or_anchor_is_broken(seed_site):
    site, _ = seed_site
    assert broken_links(site) == []


def test_nothing_is_loaded_from_another_host(seed_site):
    site, _ = seed_site
    assert external_references(site) == []
    assert "fonts.googleapis" not in (site / "index.html").read_text(encoding="utf-8")


def test_same_corpus_gives_byte_identical_site(seed_site, tmp_path):
    site, _ = seed_site
    again = tmp_path / "site"
    build_site(MKDOCS_YML, again, corpus_dir=ROOT / "corpus", strict=True, pdf=True)
    assert tree_digest(again) == tree_digest(site)


def test_pages_held_compressed_until_laid_out_give_the_same_site(seed_site, tmp_path, monkeypatch):
    from build_kb.publish import plugin

    monkeypatch.setattr(plugin, "HOLD_AS_TEXT", 0)  # the pages made at once all wait compressed
    site, _ = seed_site
    again = tmp_path / "site"
    build_site(MKDOCS_YML, again, corpus_dir=ROOT / "corpus", strict=True, pdf=True)
    assert tree_digest(again) == tree_digest(site)


@pytest.mark.parametrize("cache", [False, True], ids=["no cache", "cache"])
def test_a_page_made_on_demand_is_made_once_per_build(tmp_path, monkeypatch, cache):
    """Its outline, its layout key and its HTML all come from one making, when it is laid out, however
    little text the plugin may hold."""
    from build_kb.publish import plugin
    from build_kb.render import common

    monkeypatch.setattr(plugin, "HOLD_AS_TEXT", 0)
    made: Counter = Counter()
    later = common.HtmlPage.later.__func__

    def counted(cls, title, fill, inputs=None, **meta):
        def fill_and_count(page):
            made[id(page)] += 1
            fill(page)

        return later(cls, title, fill_and_count, inputs, **meta)

    monkeypatch.setattr(common.HtmlPage, "later", classmethod(counted))
    for site in ("site", "again"):  # the second build finds every layout stored (with a cache)
        made.clear()
        build_site(MKDOCS_YML, tmp_path / site, corpus_dir=ROOT / "corpus", cache_dir=tmp_path / "cache" if cache else None)
        assert set(made.values()) <= {1}
        # With a cache, the second build knows every page by its inputs and makes none of them.
        assert len(made) == 0 if cache and site == "again" else len(made) > 20


def test_markup_in_a_speech_is_shown_literally(tmp_path):
    hostile = (
        "在<b>全市</b>组织工作会议上的讲话\n同志们：\n"
        "一、*同志强调要**加强**学习<script>alert('x')</script>。{{ config.site_name }}和{% include 'x' %}都原样显示。\n"
        "二、[链接](http://evil.example) 与 # 井号 与 `代码` 与 &amp; 也原样显示。\n"
    )
    corpus = make_corpus(tmp_path / "corpus", {"hostile.txt": hostile})
    site = tmp_path / "site"
    kb = build_site(MKDOCS_YML, site, corpus_dir=corpus)
    html = (site / kb.speeches[0].url / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    assert "*同志强调要**加强**学习" in html and "<em>" not in html and "<strong>加强" not in html
    assert "{{ config.site_name }}" in html and "{% include &#x27;x&#x27; %}" in html
    assert 'href="http://evil.example"' not in html
    # Formatting tags and entities are residue of a copied web page: taken out and counted
    # (the real-inputs rules); anything else that looks like markup stays literal text.
    assert "与 &amp; 也原样显示" in html
    assert "<title>在全市组织工作会议上的讲话" in html
    assert kb.speeches[0].clean.normalised["html-markup"] == 3


def test_strict_build_fails_on_warnings_and_keeps_the_old_site(seed_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(seed_site[0], site)
    before = tree_digest(site)
    corpus = make_corpus(tmp_path / "corpus", {"a.txt": "同志们：\n今天不讲结构。只讲一段话。", "empty.txt": ""})
    with pytest.raises(StrictModeFailure):
        build_site(MKDOCS_YML, site, corpus_dir=corpus, strict=True)
    assert tree_digest(site) == before
    assert not list(tmp_path.glob(".site.building-*"))


def test_broken_yaml_fails_the_build_with_file_and_line(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", {"a.txt": "同志们：\n一、加强党建。\n二、加强干部。"})
    (corpus / "speeches.yaml").write_text("a.txt:\n  title: [unclosed\n", encoding="utf-8")
    with pytest.raises(KbError, match=r"speeches\.yaml:\d+"):
        build_site(MKDOCS_YML, tmp_path / "site", corpus_dir=corpus)
    assert not (tmp_path / "site").exists()


def test_killed_build_leaves_previous_site_intact(seed_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(seed_site[0], site)
    before = tree_digest(site)
    big = make_corpus(tmp_path / "corpus", with_seeds=True)
    for i in range(60):  # enough work that the kill lands mid-build
        (big / f"copy{i:03d}.txt").write_text((ROOT / "corpus" / "000_0529276282a01e65.txt").read_text(encoding="utf-8") + f"\n第{i}份。", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "build_kb", "build", "--config", str(MKDOCS_YML), "--corpus", str(big), "--site-dir", str(site)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    # Killed once it has begun writing the new site: the moment a kill would half-write a site
    # done in place (a fixed sleep was too long on a fast machine, and too short on a slow one).
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline and not any(p.is_file() for staging in tmp_path.glob(".site.building-*") for p in staging.rglob("*")):
        time.sleep(0.02)
    assert proc.poll() is None, "build finished before it could be killed; give it more work"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert tree_digest(site) == before
    # the next build cleans up the dead build's staging directory and succeeds
    build_site(MKDOCS_YML, site, corpus_dir=ROOT / "corpus")
    assert not list(tmp_path.glob(".site.building-*"))


def test_title_cannot_break_out_of_the_title_element(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", {"x.txt": "在会议上的讲话</title><script>alert(1)</script>\n同志们：\n一、加强党建。\n二、加强干部。"})
    kb = build_site(MKDOCS_YML, tmp_path / "site", corpus_dir=corpus)
    html = (tmp_path / "site" / kb.speeches[0].url / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html


def test_theme_pages_regroup_excerpts_with_citations(seed_site):
    site, kb = seed_site
    html = (site / "themes/cadres/index.html").read_text(encoding="utf-8")
    assert "选拔任用与换届" in html and "教育培训" in html and "监督管理" in html
    assert html.count('class="kb-excerpt"') >= 8
    assert "——<a href=\"../../speeches/000-0529276282a01e65/#s3\">《在全区组织工作会议上的讲话》（<span class=\"kb-nowrap\">2018年2月27日</span>，喻显镔）第三部分</a>" in html
    # within a sub-topic, excerpts are in date order
    section = html[html.index('id="selection"'):]
    section = section[: section.index("<h2", 10)] if "<h2" in section[10:] else section
    assert section.index("2018年2月27日") < section.index("2020年</span>）")


def test_theme_overview_matrix_links_every_speech_and_theme(seed_site):
    site, kb = seed_site
    html = (site / "themes/index.html").read_text(encoding="utf-8")
    for speech in kb.speeches:
        assert f'href="../{speech.url}"' in html
    for theme in kb.themes:
        assert f'href="../{theme.url}"' in html


def test_speech_page_has_theme_badges_and_mix_bar(seed_site):
    site, kb = seed_site
    speech = next(s for s in kb.speeches if s.source.rel_path.startswith("001"))
    html = (site / speech.url / "index.html").read_text(encoding="utf-8")
    assert html.count('class="kb-badge"') >= 10
    assert '<svg class="kb-mix" role="img" aria-label="专题构成：' in html


def test_kb_json_has_terms_and_related_links(seed_json):
    terms = {t["term"]: t for t in seed_json["terms"]}
    two = terms["两个维护"]
    assert set(two) >= {"id", "term", "aliases", "explanation", "occurrences", "url"}
    assert two["url"] == "terms/liang-ge-wei-hu/"
    # An occurrence names its paragraph and where the match starts in the paragraph's text.
    paragraphs = {
        (s["id"], p["id"]): p["text"] for s in seed_json["speeches"] for sec in _all_sections(s["sections"]) for p in sec["paragraphs"]
    }
    assert two["occurrences"]
    for o in two["occurrences"]:
        assert set(o) == {"speech_id", "section_id", "paragraph_id", "at", "match"}
        text = paragraphs[(o["speech_id"], o["paragraph_id"])]
        assert text[o["at"] : o["at"] + len(o["match"])] == o["match"]
    related = [(s["id"], sec) for s in seed_json["speeches"] for sec in s["sections"] if sec["related"]]
    assert related
    for speech_id, section in related:
        for link in section["related"]:
            assert link["speech_id"] != speech_id and link["url"].startswith(f"speeches/{link['speech_id']}/#")
    assert all("related_speeches" in s for s in seed_json["speeches"])
    # Two decimals, so that the small moves one speech more or less causes leave the files alone.
    scores = [link["score"] for _, section in related for link in section["related"]]
    scores += [link["score"] for s in seed_json["speeches"] for link in s["related_speeches"]]
    assert scores and all(score == round(score, 2) for score in scores)
    assert any(score != round(score, 1) for score in scores)


def test_link_checker_finds_a_missing_anchor_and_accepts_named_ones(tmp_path):
    site = tmp_path / "s"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text('<a name="top"></a><p id="p1">x</p><a href="#top">t</a><a href="#p1">1</a><a href="#p9">9</a>', encoding="utf-8")
    assert broken_links(site) == ["a/index.html: a.href=#p9 → missing anchor #p9"]


def test_unchanged_pages_keep_their_inode_and_mtime(tmp_path):
    """rsync -a to the intranet server then copies only what a change really touched."""
    import time

    speeches = {
        f"{n}.txt": f"在全县第{n}次组织工作会议上的讲话\n（2021年3月{n}日）\n同志们：\n一、加强基层党组织建设。第{n}个支部要建强。\n二、建设高素质干部队伍。坚持好干部标准。\n"
        for n in range(1, 6)
    }
    corpus = make_corpus(tmp_path / "c", speeches)
    site, cache = tmp_path / "site", tmp_path / "cache"
    # With the cache and the handouts: PDFs are hard links into the cache's store.
    kb = build_site(MKDOCS_YML, site, corpus_dir=corpus, cache_dir=cache, pdf=True)
    first = next(s for s in kb.speeches if s.source.rel_path == "1.txt")
    before = {p.relative_to(site): (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes()) for p in site.rglob("*") if p.is_file()}
    time.sleep(0.05)
    (corpus / "5.txt").write_text(speeches["5.txt"].replace("坚持好干部标准", "坚持新时代好干部标准"), encoding="utf-8")
    build_site(MKDOCS_YML, site, corpus_dir=corpus, cache_dir=cache, pdf=True)
    after = {p.relative_to(site): (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes()) for p in site.rglob("*") if p.is_file()}
    same = [path for path in after if path in before and after[path][2] == before[path][2]]
    changed = [path for path in after if path not in before or after[path][2] != before[path][2]]
    assert all(after[p][:2] == before[p][:2] for p in same)
    assert Path("guide/index.html") in same and Path("assets/kb.css") in same and Path("pdf/themes/grassroots.pdf") in same
    assert Path("pdf/themes/cadres.pdf") in changed  # the theme handout that quotes the edited section
    assert changed and all(after[p][1] > before.get(p, (0, 0))[1] for p in changed)
    assert Path("kb.json") in changed
    # The export too keeps the files of the parts the edit did not touch.
    fifth = next(s for s in kb.speeches if s.source.rel_path == "5.txt")
    assert Path(f"kb/speeches/{fifth.id}.json.gz") in changed and Path(f"kb/speeches/{first.id}.json.gz") in same
    assert not [p for p in site.rglob("*") if p.name.endswith(".keep")]


def _all_sections(sections):
    for section in sections:
        yield section
        yield from _all_sections(section["sections"])


def test_a_page_the_navigation_does_not_list_marks_the_tab_it_belongs_to(seed_site):
    """A speech, theme or 提法 page underlines 讲话, 专题 or 提法 in the header's tabs as the pages the
    navigation lists do (none was marked: the reader saw no tab for where they were)."""
    import re

    site, kb = seed_site
    pages = {kb.speeches[0].url: "讲话", "themes/cadres/": "专题", kb.terms[0].url: "提法", "speeches/": "讲话", "": "首页", "review/": None}
    for url, tab in pages.items():
        html = (site / url / "index.html").read_text(encoding="utf-8")
        active = re.findall(r'<li class="md-tabs__item md-tabs__item--active">\s*<a[^>]*>\s*(\S+)\s*</a>', html)
        assert active == ([tab] if tab else []), url


def test_the_theme_overviews_speeches_run_newest_first_with_the_undated_last(seed_site):
    import re

    site, kb = seed_site
    html = (site / "themes" / "index.html").read_text(encoding="utf-8")
    dates = re.findall(r'<tr><td class="kb-nowrap">([^<]+)</td>', html[html.index('class="kb-table kb-matrix"'):])
    assert len(dates) == len(kb.speeches) and "日期不详" in dates
    assert dates[dates.index("日期不详"):] == ["日期不详"] * dates.count("日期不详")
    years = [int(d.lstrip("[")[:4]) for d in dates if d != "日期不详"]  # [2020年]: a year worked out from the text
    assert years == sorted(years, reverse=True)
