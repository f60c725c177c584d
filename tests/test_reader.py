"""What a reader compares: every count of the same thing agrees across the pages that show it, on
the seeds and on a generated 100-speech site; and axe-core and the Nu HTML checker find nothing on
the larger site either."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import CHROMIUM, serve_generated_site
from test_a11y import AXE, PAGE_KINDS, needs_vnu, site_violations, vnu_errors

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")]


@pytest.fixture(scope="module")
def generated_site(tmp_path_factory):
    """bench/generate.py's 100 speeches, built and served: (base address, kb, site folder)."""
    out = tmp_path_factory.mktemp("generated100")
    for base, kb in serve_generated_site(out, 100):
        yield base, kb, out / "site"


def term_counts_disagreeing(browser, base: str, kb, most: int = 1000) -> list[str]:
    """Each term's 处 on its page, in the term index, in the header box and on the results page.
    The search is compared for a term used only as written (a term with other forms, or written
    with marks inside as 增“人数”, is searched form by form: its page links each) and that the search
    can take (安、专、迷 has single characters between marks: the search says it cannot)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + "terms/")
    index = dict(page.eval_on_selector_all(
        "table.kb-table tbody tr", "rows => rows.map(r => [r.querySelector('a').getAttribute('href').split('/').filter(Boolean).pop(), r.cells[2].textContent])"))
    box = page.locator("input.kb-search__input")
    problems = []
    for term in kb.terms[:most]:
        passages = len(term.passages())
        page.goto(base + term.url)
        shown = re.search(r"(\d+) 处（段落和标题）", page.locator(".kb-count").inner_text())
        seen = {"term page": int(shown.group(1)) if shown else None,
                "term index": int(index[term.id].split()[0])}
        searchable = not term.aliases and {o.match for o in term.occurrences} == {term.term}
        if searchable:
            box.fill(f"“{term.term}”")
            page.wait_for_function("q => document.querySelector('.kb-search').getAttribute('data-done') === q", arg=f"“{term.term}”", timeout=15000)
            status = page.locator(".kb-search__status").inner_text()
            if "无法精确查找" in status:
                continue
            seen["header box"] = int(status.split()[1]) if status.startswith("找到 ") else status
            page.goto(base + "search/?q=" + quote(f"“{term.term}”"))
            page.wait_for_function("() => document.getElementById('kb-results').hasAttribute('data-done')", timeout=15000)
            status = page.locator(".kb-results__status").inner_text()
            seen["results page"] = int(status.split()[1]) if status.startswith("共 ") else status
        if set(seen.values()) != {passages}:
            problems.append(f"{term.term}: {passages} passages, shown {seen}")
    context.close()
    return problems


def test_every_count_of_a_terms_uses_agrees_on_the_seeds(browser, server, seed_site):
    _, kb = seed_site
    problems = term_counts_disagreeing(browser, server, kb)
    assert problems == [], "\n".join(problems)


def test_every_count_of_a_terms_uses_agrees_on_a_generated_site(browser, generated_site):
    base, kb, _ = generated_site
    assert len(kb.terms) >= 10
    problems = term_counts_disagreeing(browser, base, kb, most=15)
    assert problems == [], "\n".join(problems)


@pytest.mark.skipif(not AXE.exists(), reason="needs axe-core (make test installs it)")
def test_axe_finds_nothing_on_a_generated_100_speech_site(browser, generated_site):
    base, kb, _ = generated_site
    undated = [s for s in kb.speeches if not s.year]
    # the kinds whose pages grow with the archive (the others are the seeds' own)
    grows = ["home", "speech", "theme index", "theme", "term index", "term", "speech index", "timeline", "speakers", "occasions", "search results"]
    paths = {kind: PAGE_KINDS[kind].format(speech=(undated or kb.speeches)[0].url) for kind in grows}
    paths["term"] = max(kb.terms, key=lambda t: len(t.occurrences)).url
    paths["theme"] = kb.themes[1].url
    found = site_violations(browser, base, paths)
    assert found == [], "\n".join(found)


@needs_vnu
def test_the_nu_html_checker_finds_no_error_on_a_generated_100_speech_site(generated_site):
    _, kb, site = generated_site
    pages = sum(1 for _ in site.rglob("*.html"))
    assert pages > 2 * len(kb.speeches)
    found = vnu_errors(site)
    assert found == [], f"{len(found)} errors on {pages} pages:\n" + "\n".join(found[:60])
