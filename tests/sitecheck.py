"""Helpers that inspect a built site as a whole: links, anchors, external references."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (attribute, value)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            # A fragment targets an element's id, or the name of an <a> (browsers still honour it).
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            if name in ("href", "src") and tag not in ("svg",):
                self.links.append((f"{tag}.{name}", value))


def parse_html(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def page_url(site: Path, html_file: Path) -> str:
    rel = html_file.relative_to(site).as_posix()
    return "http://kb.test/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def resolve(site: Path, url: str) -> Path | None:
    path = unquote(urlparse(url).path).lstrip("/")
    target = site / path
    if target.is_dir() or path.endswith("/") or path == "":
        target = target / "index.html"
    return target if target.exists() else None


def broken_links(site: Path) -> list[str]:
    """Every internal href/src in every page that points to a missing file or anchor."""
    cache: dict[Path, _Collector] = {}

    def get(path: Path) -> _Collector:
        if path not in cache:
            cache[path] = parse_html(path)
        return cache[path]

    problems = []
    for html_file in sorted(site.rglob("*.html")):
        base = page_url(site, html_file)
        for attr, value in get(html_file).links:
            if value.startswith(("mailto:", "javascript:", "data:")):
                continue
            absolute = urljoin(base, value)
            if not absolute.startswith("http://kb.test/"):
                continue
            url, fragment = urldefrag(absolute)
            target = resolve(site, url)
            if target is None:
                problems.append(f"{html_file.relative_to(site)}: {attr}={value} → missing file")
                continue
            if fragment and target.suffix == ".html" and unquote(fragment) not in get(target).ids:
                problems.append(f"{html_file.relative_to(site)}: {attr}={value} → missing anchor #{fragment}")
    return problems


EXTERNAL_REF = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)
CSS_EXTERNAL = re.compile(r"""(?:@import\s+|url\()\s*["']?(?:https?:)?//""", re.I)


def external_references(site: Path) -> list[str]:
    """Places where a page or stylesheet would load something from another host."""
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            text = path.read_text(encoding="utf-8")
            for m in EXTERNAL_REF.finditer(text):
                found.append(f"{path.relative_to(site)}: {text[m.start():m.start() + 80]}")
        elif path.suffix == ".css":
            text = path.read_text(encoding="utf-8")
            for m in CSS_EXTERNAL.finditer(text):
                found.append(f"{path.relative_to(site)}: {text[m.start():m.start() + 80]}")
    return found
