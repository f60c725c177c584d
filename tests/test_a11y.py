"""Checks nobody here wrote: axe-core (accessibility, WCAG 2.1 AA) in the headless Chromium, and the
Nu HTML checker (vnu) over every page. Both must find nothing.

`make test` installs both, at pinned versions, into .tools/ (see the Makefile's check-tools).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import CHROMIUM, ROOT

TOOLS = ROOT / ".tools" / "node_modules"
AXE = TOOLS / "axe-core" / "axe.min.js"
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Every kind of page (one of each: pages of a kind share their template), and the one results page.
PAGE_KINDS = {
    "home": "",
    "speech": "{speech}",
    "theme index": "themes/",
    "theme": "themes/cadres/",
    "term index": "terms/",
    "term": "terms/liang-ge-wei-hu/",
    "speech index": "speeches/",
    "timeline": "timeline/",
    "speakers": "speakers/",
    "occasions": "occasions/",
    "search results": "search/?q=%E5%B9%B2%E9%83%A8",
    "search, nothing found": "search/?q=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA%E8%AF%8D",
    "review": "review/",
    "basket": "basket/",
    "compare": "compare/?a={a}&b={b}",
    "about": "about/",
    "guide": "guide/",
    "404": "404.html",
}
LAYOUTS = {
    "light": {"viewport": {"width": 1366, "height": 900}, "color_scheme": "light"},
    "dark": {"viewport": {"width": 1366, "height": 900}, "color_scheme": "dark"},
    "phone": {"viewport": {"width": 390, "height": 844}, "color_scheme": "light", "is_mobile": True, "has_touch": True},
}


def axe_violations(page) -> list[dict]:
    """axe-core's violations of the page as it stands (its default rules: WCAG 2.1 A/AA and best practice).

    Transitions are switched off first: a colour caught half-way through the theme's hover or tab
    transition (#b81f1f on #b71c1c) is no colour a reader is left with, and made the check flaky."""
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').split('\\n').slice(1, 2).join(''))}));
    }""")


def open_page(page, url: str) -> None:
    page.goto(url)
    if "search/?" in url:
        page.wait_for_function("() => document.getElementById('kb-results').hasAttribute('data-done')", timeout=15000)
    if "compare/?" in url:
        page.wait_for_selector("#kb-compare[data-result]", timeout=15000)
    # a theme page's folded excerpts are filled in the background (kb.js)
    page.wait_for_function("() => !document.querySelector('details.kb-fold[data-speech]') || document.documentElement.dataset.kbFolds === 'loaded'")


def site_violations(browser, base: str, paths: dict[str, str]) -> list[str]:
    found = []
    for layout, options in LAYOUTS.items():
        context = browser.new_context(**options)
        page = context.new_page()
        for kind, path in paths.items():
            open_page(page, base + path)
            if layout == "dark" and page.evaluate("document.body.getAttribute('data-md-color-scheme')") != "slate":
                found.append(f"{layout} {kind}: not drawn in the dark scheme")
            for v in axe_violations(page):
                found.append(f"{layout} {kind} [{v['id']}] {v['help']}: {len(v['nodes'])} × " + " | ".join(v["nodes"][:3]))
        context.close()
    return found


needs_axe = pytest.mark.skipif(not AXE.exists() or not Path(CHROMIUM).exists(), reason="needs chromium and axe-core (make test installs them)")


@pytest.mark.browser
@needs_axe
def test_axe_finds_nothing_on_any_kind_of_page_light_dark_and_phone(browser, server, seed_site):
    _, kb = seed_site
    paths = {kind: path.format(speech=kb.speeches[0].url, a=kb.speeches[0].id, b=kb.speeches[1].id) for kind, path in PAGE_KINDS.items()}
    found = site_violations(browser, server, paths)
    assert found == [], "\n".join(found)


needs_vnu = pytest.mark.skipif(not VNU.exists() or not shutil.which("java"), reason="needs java and vnu-jar (make test installs them)")


def vnu_errors(site: Path) -> list[str]:
    """The Nu HTML checker's errors over every page of a built site: "page:line: message"."""
    run = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
                         capture_output=True, text=True)
    messages = json.loads(run.stderr or '{"messages": []}')["messages"]
    return [f"{Path(m.get('url', '')).as_posix().split('/site/')[-1]}:{m.get('lastLine', '')}: {m['message']}" for m in messages]


@needs_vnu
def test_the_nu_html_checker_finds_no_error_on_any_page(seed_site):
    site, _ = seed_site
    found = vnu_errors(site)
    assert found == [], f"{len(found)} errors:\n" + "\n".join(found[:60])
