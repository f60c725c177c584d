"""The header search box in a real browser: exact phrases, AND, filters, hostile queries, offline.

Expected passages come from tests/search_queries.yaml (query → every passage containing it).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from conftest import CHROMIUM

TABLE = yaml.safe_load((Path(__file__).parent / "search_queries.yaml").read_text(encoding="utf-8"))["queries"]
pytestmark = [pytest.mark.browser, pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")]


@pytest.fixture(scope="module")
def search_page(browser, server):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests_seen = []
    page.on("request", lambda r: page.requests_seen.append(r.url))
    page.goto(server + "speeches/")
    yield page
    context.close()


def run_query(page, query: str) -> tuple[str, list[str], int]:
    """Type into the header box; return (status line, hrefs of shown passages, passages not shown)."""
    box = page.locator("input.kb-search__input")
    page.keyboard.press("Escape")
    page.keyboard.press("/")
    box.fill(query)
    done = "(q) => document.querySelector('.kb-search').getAttribute('data-done') === q"
    page.wait_for_function(done, arg=query.strip(), timeout=15000)
    while page.locator(".kb-search__more").is_visible():
        page.locator(".kb-search__more").click()
        page.wait_for_function(done, arg=query.strip(), timeout=15000)
    status = page.locator(".kb-search__status").inner_text()
    hrefs = [urlparse(h).path + ("#" + urlparse(h).fragment if urlparse(h).fragment else "#") for h in page.eval_on_selector_all("a.kb-search__hit", "els => els.map(e => e.href)")]
    hidden = sum(int(n) for n in re.findall(r"还有 (\d+) 处", " ".join(page.eval_on_selector_all(".kb-search__rest", "els => els.map(e => e.textContent)"))))
    return status, hrefs, hidden


def site_path(href: str) -> str:
    return href.split("/site/", 1)[1]


@pytest.mark.parametrize("query", list(TABLE))
def test_query_returns_exactly_the_passages_that_contain_it(search_page, query, seed_site):
    pytest.importorskip("playwright")
    expected = [e for e in (TABLE[query] or [])]
    status, hrefs, hidden = run_query(search_page, query)
    shown = [site_path(h) for h in hrefs]
    assert set(shown) <= set(expected), f"imprecise: {set(shown) - set(expected)}"
    assert len(shown) + hidden == len(expected), status
    if expected:
        assert status.startswith(f"找到 {len(expected)} 处"), status
    else:
        assert status.startswith("没有找到"), status


@pytest.mark.parametrize("query", ["<script>alert(1)</script>", ".*[(?", "' OR 1=1 --", "\\u0000", "年轻干部" * 30])
def test_hostile_queries_are_harmless(search_page, query):
    status, hrefs, _ = run_query(search_page, query)
    assert status.startswith(("没有找到", "请至少", "要排除的词也至少要两个字")) and hrefs == []
    assert search_page.locator(".kb-search__panel script").count() == 0
    assert not search_page.evaluate("window.__pwned === true")


def test_hits_are_highlighted_and_link_to_paragraph_anchors(search_page):
    run_query(search_page, "年轻干部")
    marks = search_page.eval_on_selector_all(".kb-search__hit mark", "els => els.map(e => e.textContent)")
    assert marks and set(marks) == {"年轻干部"}
    first = search_page.locator("a.kb-search__hit").first
    assert re.search(r"/speeches/[^/]+/#(p|s)\d", first.get_attribute("href") or first.evaluate("e => e.href"))
    assert "干部队伍" in search_page.locator(".kb-search__speech").first.inner_text()  # theme shown


def _count(page) -> int:
    status = page.locator(".kb-search__status").inner_text()
    m = re.search(r"找到 (\d+) 处", status)
    return int(m.group(1)) if m else 0


def test_filters_by_year_theme_and_speaker(search_page):
    done = "() => document.querySelector('.kb-search').hasAttribute('data-done')"
    run_query(search_page, "基层党组织")
    everything = _count(search_page)
    # The options are laid out when a filter is first touched, never while the user types.
    options = "() => Array.from(document.querySelectorAll('.kb-search__filters select')).map(s => s.options.length)"
    assert search_page.evaluate(options) == [1, 1, 1, 3]  # the last one: 同段, 同句, 同篇
    search_page.focus(".kb-search__filters select >> nth=1")
    search_page.wait_for_function(f"() => ({options})().every(n => n > 1)")
    search_page.select_option(".kb-search__filters select >> nth=1", "2018")
    search_page.wait_for_function(done)
    titles = search_page.eval_on_selector_all(".kb-search__title", "els => els.map(e => e.textContent)")
    assert titles == ["《在全区组织工作会议上的讲话》"]
    search_page.select_option(".kb-search__filters select >> nth=1", "")
    search_page.wait_for_function(done)
    search_page.select_option(".kb-search__filters select >> nth=2", "喻显镔")
    search_page.wait_for_function(done)
    assert search_page.eval_on_selector_all(".kb-search__title", "els => els.length") == 1
    search_page.select_option(".kb-search__filters select >> nth=2", "")
    search_page.wait_for_function(done)
    search_page.select_option(".kb-search__filters select >> nth=0", label="基层党建")
    search_page.wait_for_function(done)
    assert 0 < _count(search_page) < everything
    for badge in search_page.eval_on_selector_all(".kb-search__hits li", "els => els.map(e => e.textContent)"):
        assert "基层党建" in badge or "还有" in badge
    search_page.select_option(".kb-search__filters select >> nth=0", "")
    search_page.wait_for_function(done)


def test_enter_opens_the_results_page_and_the_arrow_keys_pick_a_hit(search_page, server):
    """Enter in the header box opens the results page, with the query (and filters) in its address;
    ↓ goes to the first hit, ↓ again to the next, and Enter opens the one chosen."""
    from urllib.parse import parse_qs

    search_page.goto(server + "speeches/")
    run_query(search_page, "三会一课")
    search_page.locator("input.kb-search__input").press("Enter")
    search_page.wait_for_function("() => document.getElementById('kb-results') && document.getElementById('kb-results').hasAttribute('data-done')")
    assert urlparse(search_page.url).path.endswith("/site/search/") and parse_qs(urlparse(search_page.url).query) == {"q": ["三会一课"]}
    assert search_page.locator(".kb-results__status").inner_text().startswith("共 ")
    search_page.goto(server + "speeches/")
    run_query(search_page, "三会一课")
    hits = search_page.eval_on_selector_all("a.kb-search__hit", "els => els.map(e => e.href)")
    assert len(hits) >= 2
    search_page.keyboard.press("ArrowDown")
    search_page.keyboard.press("ArrowDown")
    assert search_page.evaluate("document.activeElement.href") == hits[1]
    search_page.keyboard.press("ArrowUp")
    search_page.keyboard.press("Enter")
    search_page.wait_for_url(hits[0])
    assert "#p" in search_page.url or "#s" in search_page.url
    hosts = {urlparse(u).hostname for u in search_page.requests_seen}
    assert hosts == {"127.0.0.1"}


def test_shortcut_key_focuses_the_box_on_every_page(search_page, server, seed_site):
    _, kb = seed_site
    for path in ["", kb.speeches[0].url, "themes/cadres/", "terms/"]:
        search_page.goto(server + path)
        search_page.keyboard.press("s")
        assert search_page.evaluate("document.activeElement.classList.contains('kb-search__input')")


@pytest.mark.parametrize("invisible", ["\u200b", "\u200e", "\u202e", "\u2066", "\ufeff", "\u00ad"])
def test_invisible_characters_in_a_query_are_ignored(search_page, invisible):
    """Pasted queries carry zero-width and bidi marks; the texts have them stripped, so must the query."""
    expected = TABLE["两个维护"]
    status, hrefs, hidden = run_query(search_page, "两个" + invisible + "维护")
    assert len(hrefs) + hidden == len(expected), status


def test_no_request_leaves_the_site_without_resize_observer(browser, server, seed_site):
    """Material's bundle would fetch a ResizeObserver polyfill from a CDN; our stand-in prevents it."""
    _, kb = seed_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script("delete window.ResizeObserver;")
    page = context.new_page()
    seen = []
    page.on("request", lambda r: seen.append(r.url))
    for path in ["", kb.speeches[0].url, "themes/cadres/"]:
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("typeof window.ResizeObserver") == "function"
    assert {urlparse(u).hostname for u in seen if not u.startswith("data:")} == {"127.0.0.1"}, [u for u in seen if "127.0.0.1" not in u]
    context.close()


def full_scan(kb, include: list[str], exclude: list[str]) -> list[str]:
    """Every passage (title, heading, paragraph) holding all of `include` and none of `exclude`."""
    from build_kb.publish.search_index import normalise_for_search

    found = []
    for speech in kb.speeches:
        records = [("", speech.title)]
        for section in speech.all_sections():
            if section.heading:
                records.append((section.id, section.heading))
            records.extend((p.id, p.text) for p in section.paragraphs)
        for anchor, text in records:
            text = normalise_for_search(text)
            if all(w in text for w in include) and not any(w in text for w in exclude):
                found.append(f"{speech.url}#{anchor}")
    return found


@pytest.mark.parametrize(
    "query, include, exclude",
    [
        ('"全面 从严治党"', ["全面从严治党"], []),
        ("“两个维护” 四个意识", ["两个维护", "四个意识"], []),
        ("干部 -年轻", ["干部"], ["年轻"]),
        ("基层党组织 -\"党支部\" －组织力", ["基层党组织"], ["党支部", "组织力"]),
        ("幹部 監督", ["干部", "监督"], []),
        ("黨組織", ["党组织"], []),
        ("××", ["××"], []),
        ("不忘初心、牢记使命", ["不忘初心、牢记使命"], []),
        ("“党中央、市委” -省委", ["党中央、市委"], ["省委"]),
        ("两个维护， 党建。", ["两个维护", "党建"], []),
    ],
)
def test_query_forms_match_a_full_scan(search_page, seed_site, query, include, exclude):
    _, kb = seed_site
    expected = full_scan(kb, include, exclude)
    status, hrefs, hidden = run_query(search_page, query)
    shown = [site_path(h) for h in hrefs]
    assert set(shown) <= set(expected), f"imprecise: {set(shown) - set(expected)}"
    assert len(shown) + hidden == len(expected), status
    assert status.startswith(f"找到 {len(expected)} 处") if expected else status.startswith("没有找到"), status


@pytest.mark.parametrize(
    "query, message",
    [
        ("党", "“党”只有一个字：检索至少要两个字的词（单字几乎每段都有）。请输入词语，如“党建”“干部”，多个词用空格隔开。"),
        ("-党建", "请再输入一个要查找的词：“-”开头的词表示不要含有它的段落。"),
        ("中、市委", "“中、市委”中有夹在两个标点之间（或开头紧跟标点）的单字，无法精确查找：请去掉标点，或把它拆成几个词，用空格隔开。"),
    ],
)
def test_queries_that_cannot_be_searched_say_why(search_page, query, message):
    status, hrefs, _ = run_query(search_page, query)
    assert (status, hrefs) == (message, [])


def test_search_works_from_a_folder_without_a_server(browser, seed_site):
    """A copy on a USB stick: file:// pages, where fetch() is refused; the data scripts still load."""
    site, kb = seed_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto((site / "speeches" / "index.html").as_uri())
    expected = full_scan(kb, ["年轻干部"], [])
    status, hrefs, hidden = run_query(page, "年轻干部")
    assert status.startswith(f"找到 {len(expected)} 处"), status
    assert len(hrefs) + hidden == len(expected)
    assert all(h.startswith("/") or "speeches/" in h for h in hrefs)
    # …and a hit opens its speech's page, not a listing of the speech's folder
    assert all("/index.html#" in h for h in hrefs)
    page.locator("a.kb-search__hit").first.click()
    page.wait_for_load_state()
    assert page.url.split("#")[0].endswith("/index.html") and page.locator("article h1").count() == 1
    context.close()


def test_links_between_pages_work_from_a_folder(browser, seed_site):
    """From file://, a link to a folder (themes/) opens the folder's index.html: tabs, tables, pagers."""
    site, kb = seed_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto((site / "speeches" / "index.html").as_uri())
    page.locator(".md-tabs a", has_text="专题").click()
    page.wait_for_load_state()
    assert page.url == (site / "themes" / "index.html").as_uri() and page.locator("article h1").inner_text().startswith("专题汇编")
    page.locator("article a[href*='speeches/']").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/index.html") and page.locator("dl.kb-meta").count() == 1
    context.close()


def test_every_link_to_a_folder_names_its_index_html_from_a_folder(browser, seed_site):
    """A middle-click, 在新标签页中打开 or a copied link opens what the link's address says: from
    file:// every link to a folder says index.html, those added later (search results) too."""
    site, _ = seed_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for path in ("index.html", "timeline/index.html", "speeches/index.html", "themes/cadres/index.html", "404.html"):
        page.goto((site / path).as_uri())
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        assert len(hrefs) > 5
        assert [h for h in hrefs if h.startswith("file:") and h.split("#")[0].split("?")[0].endswith("/")] == [], path
    page.goto((site / "search" / "index.html").as_uri() + "?q=%E5%B9%B2%E9%83%A8")
    page.wait_for_function("() => document.getElementById('kb-results').hasAttribute('data-done')", timeout=15000)
    hrefs = page.eval_on_selector_all(".kb-results__cite a", "els => els.map(e => e.href)")
    assert hrefs and all("/index.html" in h for h in hrefs)
    context.close()


def test_the_404_page_is_chinese_and_styled_under_a_sub_path(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "404.html")
    assert page.title() == "页面不存在 - 组织工作讲话知识库"
    assert page.locator("article h1").inner_text() == "页面不存在"
    # its style sheets and scripts load under /site/ (they were asked for at the server's root)
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
    page.locator("article a", has_text="回到首页").click()
    page.wait_for_load_state()
    assert page.url == server
    context.close()


def results_page(page, server, query_string: str):
    page.goto(server + "search/?" + query_string)
    page.wait_for_function("() => document.getElementById('kb-results').hasAttribute('data-done')", timeout=15000)
    return page.locator(".kb-results__status").inner_text()


def test_results_page_totals_facets_and_shareable_address(browser, server, seed_site):
    from collections import Counter
    from urllib.parse import quote

    _, kb = seed_site
    by_url = {s.url: s for s in kb.speeches}
    expected = full_scan(kb, ["干部"], ["年轻"])
    speeches = {e.split("#")[0] for e in expected}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    status = results_page(page, server, "q=" + quote("干部 -年轻"))
    assert status == f"共 {len(expected)} 处，分布在 {len(speeches)} 篇讲话中"
    assert page.locator(".kb-results__hit").count() == min(20, len(expected))
    facets = dict(zip(
        page.eval_on_selector_all("[data-facet=year]", "els => els.map(e => e.dataset.value)"),
        map(int, page.eval_on_selector_all("[data-facet=year] .kb-facet__count", "els => els.map(e => e.textContent)")),
    ))
    # hits of undated speeches count under 年份不详 ("?"): the year facet adds up to the total
    years = Counter(str(by_url[e.split("#")[0]].year or "?") for e in expected)
    assert facets == dict(years) and sum(facets.values()) == len(expected) and years["?"] > 0
    assert page.locator("[data-facet=year][data-value='?'] .kb-facet__label").inner_text() == "年份不详"
    page.locator("[data-facet=year][data-value='?']").click()
    page.wait_for_function("() => document.getElementById('kb-results').hasAttribute('data-done')")
    assert page.locator(".kb-results__status").inner_text().startswith(f"共 {years['?']} 处") and page.url.endswith("year=%3F")
    assert page.locator(".kb-results__status").inner_text().endswith("（筛选：年份不详）")
    page.locator("[data-facet=year][data-value='?']").click()
    page.wait_for_function("() => document.getElementById('kb-results').hasAttribute('data-done')")
    # a facet filters, and the address says so (bookmark it, send it)
    year = max(y for y in years if y != "?")
    page.locator(f"[data-facet=year][data-value='{year}']").click()
    page.wait_for_function("() => document.getElementById('kb-results').hasAttribute('data-done')")
    assert f"year={year}" in page.url
    assert page.locator(".kb-results__status").inner_text() == (
        f"共 {years[year]} 处，分布在 {len({e.split('#')[0] for e in expected if str(by_url[e.split('#')[0]].year) == year})} 篇讲话中（筛选：{year}年）"
    )
    again = context.new_page()
    assert results_page(again, server, page.url.split("?", 1)[1]) == page.locator(".kb-results__status").inner_text()
    context.close()


def test_results_page_pages_sorts_and_exports_csv(browser, server, seed_site):
    import csv
    import io
    from urllib.parse import quote

    _, kb = seed_site
    expected = full_scan(kb, ["干部"], [])
    assert len(expected) > 40
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    results_page(page, server, "q=" + quote("干部") + "&sort=old")
    first_page = page.eval_on_selector_all(".kb-results__cite a", "els => els.map(e => e.getAttribute('href'))")
    assert len(first_page) == 20
    page.locator(".kb-results__page", has_text="2").first.click()
    page.wait_for_function("() => (document.getElementById('kb-results').getAttribute('data-done') || '').endsWith('|2')")
    assert "page=2" in page.url
    second_page = page.eval_on_selector_all(".kb-results__cite a", "els => els.map(e => e.getAttribute('href'))")
    assert len(first_page) + len(second_page) == 40
    with page.expect_download() as download:
        page.locator(".kb-results__csv").click()
    text = open(download.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["标题", "日期", "讲话人", "位置", "段号", "链接", "原文"]
    assert len(rows) == 1 + len(expected)
    assert {site_path(r[5]) for r in rows[1:]} == set(expected)
    assert all("干部" in r[6] for r in rows[1:])
    oldest = min((s for s in kb.speeches if s.year), key=lambda s: (s.year, s.date or ""))
    assert rows[1][0] == oldest.title
    context.close()


def test_results_page_from_a_folder(browser, seed_site):
    site, kb = seed_site
    expected = full_scan(kb, ["两个维护"], [])
    context = browser.new_context()
    page = context.new_page()
    page.goto((site / "search" / "index.html").as_uri() + "?q=%E4%B8%A4%E4%B8%AA%E7%BB%B4%E6%8A%A4")
    page.wait_for_function("() => document.getElementById('kb-results').hasAttribute('data-done')", timeout=15000)
    assert page.locator(".kb-results__status").inner_text().startswith(f"共 {len(expected)} 处")
    context.close()


def test_totals_and_facets_equal_a_full_scan_on_a_generated_corpus(browser, tmp_path):
    """The generated benchmark corpus (many speeches, years, speakers, levels; mixed encodings)."""
    import http.server
    import functools
    import subprocess
    import sys
    import threading
    from collections import Counter
    from urllib.parse import quote

    from conftest import ROOT, build_site

    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "40", str(corpus)], check=True, capture_output=True)
    site = tmp_path / "site"
    kb = build_site(ROOT / "mkdocs.yml", site, corpus_dir=corpus, allow_shrink=True)
    by_url = {s.url: s for s in kb.speeches}
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    context = browser.new_context()
    page = context.new_page()
    folded = 0
    try:
        for query, include, exclude in [("干部", ["干部"], []), ("党建 -基层", ["党建"], ["基层"]), ("“两个维护”", ["两个维护"], []), ("全面从严治党", ["全面从严治党"], []),
                                          ("不忘初心、牢记使命", ["不忘初心、牢记使命"], []), ("干部， 党建。", ["干部", "党建"], [])]:
            expected = full_scan(kb, include, exclude)
            status = results_page(page, f"http://127.0.0.1:{httpd.server_address[1]}/", "q=" + quote(query))
            speeches = {e.split("#")[0] for e in expected}
            assert status == f"共 {len(expected)} 处，分布在 {len(speeches)} 篇讲话中", query
            levels = Counter(by_url[e.split("#")[0]].level or "?" for e in expected)
            shown = dict(zip(
                page.eval_on_selector_all("[data-facet=level]", "els => els.map(e => e.dataset.value)"),
                map(int, page.eval_on_selector_all("[data-facet=level] .kb-facet__count", "els => els.map(e => e.textContent)")),
            ))
            assert shown == dict(levels), query
            speakers = Counter(by_url[e.split("#")[0]].speaker or "?" for e in expected)
            shown = dict(zip(
                page.eval_on_selector_all("[data-facet=speaker]", "els => els.map(e => e.dataset.value)"),
                map(int, page.eval_on_selector_all("[data-facet=speaker] .kb-facet__count", "els => els.map(e => e.textContent)")),
            ))
            assert shown == dict(speakers), query
            # beyond the first twelve, a facet's entries wait behind one button (not for the years)
            visible = page.eval_on_selector_all("[data-facet=speaker]", "els => els.filter(e => e.offsetParent !== null).length")
            assert visible == min(12, len(speakers)), query
            if len(speakers) > 12:
                folded += 1
                assert page.locator(".kb-facet__more").inner_text() == f"展开其余 {len(speakers) - 12} 项"
                page.locator(".kb-facet__more").click()
                assert page.eval_on_selector_all("[data-facet=speaker]", "els => els.filter(e => e.offsetParent !== null).length") == len(speakers)
            assert page.eval_on_selector_all("[data-facet=speaker] .kb-facet__bar", "els => els.filter(e => e.offsetParent !== null).length") == 0
        assert folded >= 1
    finally:
        context.close()
        httpd.shutdown()


def test_a_term_pages_search_link_lists_the_years_uses(browser, server, seed_site):
    """A term page shows a few uses a year in context and links to the search for all of them: that
    link's query (the term in quotes) and year give exactly the term's uses of that year."""
    from urllib.parse import quote

    _, kb = seed_site
    four = next(t for t in kb.terms if t.term == "四个意识")
    uses = [o for o in four.occurrences if kb.speech(o.speech_id).year == 2020]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    status = results_page(page, server, f"q={quote('“四个意识”')}&year=2020")
    assert status == f"共 {len(uses)} 处，分布在 {len({o.speech_id for o in uses})} 篇讲话中（筛选：2020年）"
    context.close()


def test_results_page_filters_a_theme_by_its_id_and_says_what_it_searched(browser, server, seed_site):
    """A theme is named in the address by its id (a saved link keeps its meaning when themes.yaml is
    reordered); a Traditional query says which Simplified form was searched; a query with no results
    offers no CSV or printing, and suggests what to try."""
    from urllib.parse import quote

    _, kb = seed_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    status = results_page(page, server, "q=" + quote("干部"))
    total = int(re.match(r"共 (\d+) 处", status).group(1))
    cadres = page.locator("[data-facet=theme][data-value=cadres]")
    in_theme = int(cadres.locator(".kb-facet__count").inner_text())
    assert 0 < in_theme < total
    cadres.click()
    page.wait_for_function("() => document.getElementById('kb-results').hasAttribute('data-done')")
    assert "theme=cadres" in page.url
    assert page.locator(".kb-results__status").inner_text().startswith(f"共 {in_theme} 处") and "（筛选：干部队伍）" in page.locator(".kb-results__status").inner_text()
    assert results_page(page, server, "q=" + quote("干部") + "&theme=cadres").startswith(f"共 {in_theme} 处")

    status = results_page(page, server, "q=" + quote("幹部"))
    assert status == f"共 {total} 处，分布在 {len(kb.speeches)} 篇讲话中（已按简体等规范写法“干部”查找）"

    status = results_page(page, server, "q=" + quote("没有这个词语"))
    assert status.startswith("没有找到符合条件的段落")
    assert not page.locator(".kb-results__csv").is_visible() and not page.locator(".kb-results__print").is_visible()
    assert page.locator(".kb-results__suggest").inner_text().startswith("建议：")

    status = results_page(page, server, "q=" + quote("党"))
    assert "只有一个字" in status and not page.locator(".kb-results__csv").is_visible()
    context.close()
