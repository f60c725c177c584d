"""Laid-out pages kept between builds: a generated page whose every input is unchanged is not laid out again.

The theme's layout of a page is a function of the page (address, title, outline, meta, content, its
place among neighbours and parents), the site navigation, the templates, mkdocs.yml and the build
date MkDocs is given. All of them go into the page's key; a page with a known key gets the stored
HTML, byte for byte what the theme made of it last time. After a one-speech edit the theme lays out
that speech and the few pages that show it, not the whole site.
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from importlib import metadata
from pathlib import Path

from ..cache import code_version
from ..store import read_sealed, write_sealed

PAGE_CACHE_FORMAT = 1


class PageCache:
    def __init__(self, directory: Path, config_file: Path, template_dirs: list[str]):
        self.directory = Path(directory)
        self.used: set[str] = set()
        self.reused = 0
        self.laid_out: list[str] = []
        """Site paths of the pages the theme laid out in this build (new, or with changed inputs)."""
        digest = hashlib.sha256(f"{PAGE_CACHE_FORMAT}\0{code_version()}\0{os.environ.get('SOURCE_DATE_EPOCH', '')}".encode())
        for package in ("mkdocs", "mkdocs-material"):
            digest.update(f"\0{package}={metadata.version(package)}".encode())
        digest.update(Path(config_file).read_bytes())
        for folder in template_dirs:
            for path in sorted(Path(folder).rglob("*.html")):
                digest.update(path.as_posix().encode("utf-8") + b"\0" + path.read_bytes())
        self.site = digest.hexdigest()
        """Of what every page shares: code, theme versions, templates, mkdocs.yml, build date."""

    def site_with_nav(self, nav) -> None:
        self.site = hashlib.sha256((self.site + json.dumps(_nav_outline(nav.items), ensure_ascii=False)).encode("utf-8")).hexdigest()

    def key(self, page, toc_source, html: str) -> str:
        neighbours = [(p.url, p.title) if p is not None else None for p in (page.previous_page, page.next_page)]
        parents = [(p.title, getattr(p, "url", None)) for p in page.ancestors]
        described = json.dumps(
            [page.file.src_uri, page.url, page.title, page.is_homepage, page.meta, toc_source, neighbours, parents],
            ensure_ascii=False, sort_keys=True, default=str,
        )
        digest = hashlib.sha256(self.site.encode())
        digest.update(described.encode("utf-8"))
        digest.update(html.encode("utf-8"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.html.z"

    def has(self, key: str) -> bool:
        return self._path(key).is_file()

    def get(self, key: str) -> str | None:
        payload = read_sealed(self._path(key), PAGE_CACHE_FORMAT)
        if payload is None:
            return None
        try:
            html = zlib.decompress(payload).decode("utf-8")
        except (zlib.error, UnicodeDecodeError):
            return None
        self.used.add(key)
        self.reused += 1
        return html

    def put(self, key: str, html: str, site_path: str) -> None:
        write_sealed(self._path(key), zlib.compress(html.encode("utf-8"), 1), PAGE_CACHE_FORMAT)
        self.used.add(key)
        self.laid_out.append(site_path)

    def forget_unused(self) -> int:
        """Delete the pages this build did not use (the cache holds one site); return how many."""
        removed = 0
        for path in self.directory.glob("*/*.html.z"):
            if path.name[: -len(".html.z")] not in self.used:
                path.unlink(missing_ok=True)
                removed += 1
        return removed


def _nav_outline(items) -> list:
    return [[item.title, getattr(item, "url", None), _nav_outline(getattr(item, "children", None) or [])] for item in items]
