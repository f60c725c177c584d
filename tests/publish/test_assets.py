"""The published scripts and stylesheets: ours minified, Material's without unused components' rules."""

from __future__ import annotations

import re

from build_kb.publish.assets import component, minify_script, trim_theme_stylesheet, unused_components

CUSTOM = frozenset({("primary", "custom"), ("accent", "custom")})


def test_a_rule_goes_only_when_every_selector_needs_an_unused_component():
    css = (".md-typeset .admonition{color:red}"
           ".md-typeset .admonition,.md-typeset details{margin:0}"
           ".md-nav:not(.md-search){display:block}"
           ".md-search__input{width:1px}"
           "@media screen{.tabbed-set{display:flex}.md-header{height:2rem}}"
           "@media print{.highlight{display:none}}"
           ".kb-p{line-height:2}")
    assert trim_theme_stylesheet(css, unused_components(["toc", "attr_list"]), CUSTOM) == (
        ".md-typeset .admonition,.md-typeset details{margin:0}"
        ".md-nav:not(.md-search){display:block}"
        "@media screen{.md-header{height:2rem}}"
        ".kb-p{line-height:2}")


def test_a_component_whose_extension_is_enabled_keeps_its_rules():
    css = ".md-typeset .admonition{color:red}.tabbed-set{display:flex}"
    assert trim_theme_stylesheet(css, unused_components(["admonition", "pymdownx.tabbed:"]), CUSTOM) == css


def test_palette_colours_not_configured_go():
    css = ("[data-md-color-primary=red]{--md-primary-fg-color:#f00}"
           "[data-md-color-accent=custom]{--x:1}"
           "[data-md-color-scheme=slate][data-md-color-primary=black]{--y:2}"
           "[data-md-color-scheme=slate]{color-scheme:dark}")
    assert trim_theme_stylesheet(css, frozenset(), CUSTOM) == "[data-md-color-accent=custom]{--x:1}[data-md-color-scheme=slate]{color-scheme:dark}"


def test_components_are_named_by_their_block():
    assert [component(c) for c in ("tabbed-set", "tabbed-labels--linked", "md-search-result__meta", "admonition-title", "md-nav__link", "kb-p")] == [
        "tabbed", "tabbed", "md-search-result", "admonition", "md-nav", "kb-p"]


def test_scripts_are_minified_without_renaming():
    assert minify_script("// a comment\nvar answer = 42;  /* why */\nwindow.KBSearch = { answer: answer };\n") == "var answer=42;window.KBSearch={answer:answer};"


def test_no_page_of_the_seed_site_uses_a_component_whose_rules_were_dropped(seed_site):
    site, _ = seed_site
    unused = unused_components(["attr_list", "toc"])
    used = set()
    for page in site.rglob("*.html"):
        for classes in re.findall(r'class="([^"]*)"', page.read_text(encoding="utf-8")):
            used.update(classes.split())
    assert sorted(c for c in used if component(c) in unused) == []
    published = next((site / "assets" / "stylesheets").glob("main.*.css")).read_text(encoding="utf-8")
    assert ".md-header" in published and ".tabbed-labels" not in published and ".md-search__input" not in published
    assert "\n  " not in (site / "assets" / "kb.js").read_text(encoding="utf-8")
