"""The scripts and stylesheets a page loads, made smaller: ours minified, Material's stylesheets
without the rules of components this site never shows.

Everything a page loads before it is drawn counts on a slow link: on Lighthouse's phone preset a
speech page waited for 180 KB of stylesheets and 200 KB of scripts (performance 88). Material's
main.css styles every component it offers (content tabs, code blocks, admonitions, its own search,
a blog…), and palette.css every named colour; this site's markdown has none of those extensions
and its colours are its own. A rule goes only when each of its selectors needs such a component
(or a colour the palette does not name); a component whose markdown extension mkdocs.yml enables
keeps its rules.
"""

from __future__ import annotations

import functools
import re

import rcssmin
import rjsmin
import tinycss2

UNUSED_COMPONENTS: dict[str, tuple[str, ...]] = {
    # class (and its BEM children: tabbed-set, tabbed-set__…)  → markdown extensions that make it
    "tabbed": ("pymdownx.tabbed",),
    "admonition": ("admonition", "pymdownx.details"),
    "highlight": ("pymdownx.highlight", "codehilite", "pymdownx.superfences"),
    "highlighttable": ("pymdownx.highlight", "codehilite"),
    "linenos": ("pymdownx.highlight", "codehilite"),
    "linenodiv": ("pymdownx.highlight", "codehilite"),
    "md-clipboard": ("pymdownx.highlight", "codehilite"),
    "md-annotation": ("pymdownx.highlight", "codehilite"),
    "mermaid": ("pymdownx.superfences",),
    "keys": ("pymdownx.keys",),
    "footnote": ("footnotes",),
    "footnote-ref": ("footnotes",),
    "footnote-backref": ("footnotes",),
    "task-list": ("pymdownx.tasklist",),
    "task-list-item": ("pymdownx.tasklist",),
    "task-list-control": ("pymdownx.tasklist",),
    "task-list-indicator": ("pymdownx.tasklist",),
    "arithmatex": ("pymdownx.arithmatex",),
    "critic": ("pymdownx.critic",),
    "twemoji": ("pymdownx.emoji",),
    "emojione": ("pymdownx.emoji",),
    "gemoji": ("pymdownx.emoji",),
    # Material's own parts this site does not use: its search (ours replaces it), a repository
    # link, social links, versions, a cookie consent, page feedback, an announcement bar, the blog
    # and tags plugins, page status, breadcrumbs.
    "md-search": (),
    "md-search-result": (),
    "md-source": (),
    "md-source-file": (),
    "md-social": (),
    "md-version": (),
    "md-select": (),
    "md-consent": (),
    "md-feedback": (),
    "md-banner": (),
    "md-post": (),
    "md-author": (),
    "md-pagination": (),
    "md-profile": (),
    "md-tag": (),
    "md-tags": (),
    "md-status": (),
    "md-path": (),
}

_COLOUR = re.compile(r"\[data-md-color-(primary|accent)=[\"']?([\w-]+)")


def minify_script(text: str) -> str:
    return rjsmin.jsmin(text)


def minify_stylesheet(text: str) -> str:
    return rcssmin.cssmin(text)


def component(css_class: str) -> str:
    """md-search-result__meta → md-search-result; tabbed-set → tabbed (a component's children)."""
    block = css_class.split("__")[0].split("--")[0]
    if block in UNUSED_COMPONENTS:
        return block
    head = block.split("-")[0]
    return head if head in UNUSED_COMPONENTS and head not in ("md",) else block


def unused_components(markdown_extensions) -> frozenset[str]:
    """The components of UNUSED_COMPONENTS that none of the enabled extensions makes."""
    enabled = {str(name).split(":")[0] for name in markdown_extensions}
    return frozenset(c for c, makers in UNUSED_COMPONENTS.items() if not enabled & set(makers))


@functools.lru_cache(maxsize=8)
def trim_theme_stylesheet(css: str, unused: frozenset[str], colours: frozenset[tuple[str, str]]) -> str:
    """Material's stylesheet without the rules that only style an unused component or a palette
    colour not in `colours` ((primary|accent, name) pairs)."""

    def needed(selector: list) -> bool:
        if any(component(c) in unused for c in _classes(selector)):
            return False
        return all(pair in colours for pair in _COLOUR.findall(tinycss2.serialize(selector)))

    def kept(rules) -> str:
        out = []
        for rule in rules:
            if rule.type == "qualified-rule":
                if any(needed(s) for s in _selectors(rule.prelude)):
                    out.append(rule.serialize())
            elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in ("media", "supports"):
                inner = kept(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
                if inner:
                    out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
            elif rule.type not in ("whitespace", "comment"):
                out.append(rule.serialize())
        return "".join(out)

    return kept(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def _selectors(prelude: list) -> list[list]:
    """A rule's selector list split at its own commas (not those inside :is(…) or :not(…))."""
    selectors = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def _classes(selector: list) -> list[str]:
    """The classes a selector requires: those outside :not(…), :is(…) and the like (.a:not(.b)
    needs a only)."""
    return [token.value for before, token in zip(selector, selector[1:])
            if before.type == "literal" and before.value == "." and token.type == "ident"]
