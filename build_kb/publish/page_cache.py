"""Laid-out pages kept between builds: a generated page whose every input is unchanged is not laid out again.

The theme's layout of a page is a function of the page (address, title, outline, meta, content, its
place among neighbours and parents), the site navigation, the templates, mkdocs.yml and the build
date MkDocs is given. All of them go into the page's key; a page with a known key gets the stored
HTML, byte for byte what the theme made of it last time. After a one-speech edit the theme lays out
that speech and the few pages that show it, not the whole site.

Better still, when the live site's file for the page is the one that key produced, untouched since
(same size, time and inode as recorded after the last build), the new site simply gets that file as
a hard link: nothing is read, decompressed or written, and the file keeps its modification time.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import zlib
from importlib import metadata
from pathlib import Path

from ..cache import code_version
from ..store import forget_all_but, read_sealed, write_sealed

PAGE_CACHE_FORMAT = 1
LIVE_RECORD = "live-pages.json"
"""Per site folder: site path of each generated page → [key, size, mtime_ns, inode] of its file."""


class PageCache:
    def __init__(self, directory: Path, config_file: Path, template_dirs: list[str], live_site: Path | None = None):
        self.directory = Path(directory)
        self.used: set[str] = set()
        self.used_made: set[str] = set()
        self.reused = 0
        self.linked = 0
        self.laid_out: list[str] = []
        """Site paths of the pages the theme laid out in this build (new, or with changed inputs)."""
        self.keys: dict[str, str] = {}
        """Site path → key of every generated page of this build (as `key` gave them)."""
        self.live_site = Path(live_site) if live_site else None
        self._live = _read_live_record(self.directory, self.live_site) if self.live_site else {}
        digest = hashlib.sha256(f"{PAGE_CACHE_FORMAT}\0{code_version()}".encode())
        for package in ("mkdocs", "mkdocs-material"):
            digest.update(f"\0{package}={metadata.version(package)}".encode())
        digest.update(Path(config_file).read_bytes())
        dates_pages = False
        for folder in template_dirs:
            for path in sorted(Path(folder).rglob("*.html")):
                template = path.read_bytes()
                digest.update(path.as_posix().encode("utf-8") + b"\0" + template)
                dates_pages = dates_pages or b"build_date_utc" in template
        # The build date is the newest speech's (site.corpus_epoch), which each new speech of the
        # year moves: were it in every key, adding one would lay out every page again. Material
        # prints it on no page; a theme that does (mkdocs' own footers) keeps it in the key.
        if dates_pages:
            digest.update(f"\0{os.environ.get('SOURCE_DATE_EPOCH', '')}".encode())
        self.site = digest.hexdigest()
        """Of what every page shares: code, theme versions, templates, mkdocs.yml (and the build
        date, when a template prints it)."""

    def site_with_nav(self, nav) -> None:
        self.site = hashlib.sha256((self.site + json.dumps(_nav_outline(nav.items), ensure_ascii=False)).encode("utf-8")).hexdigest()

    def key(self, page, toc_source, html_digest: str) -> str:
        """The page's key (from its body's html_digest), also recorded in `keys` under its site path."""
        neighbours = [(p.url, p.title) if p is not None else None for p in (page.previous_page, page.next_page)]
        parents = [(p.title, getattr(p, "url", None)) for p in page.ancestors]
        described = json.dumps(
            [page.file.src_uri, page.url, page.title, page.is_homepage, page.meta, toc_source, neighbours, parents],
            ensure_ascii=False, sort_keys=True, default=str,
        )
        digest = hashlib.sha256(self.site.encode())
        digest.update(described.encode("utf-8"))
        digest.update(html_digest.encode("ascii"))
        key = self.keys[page.file.dest_uri] = digest.hexdigest()
        return key

    def made(self, inputs: str | None) -> tuple[list, str] | None:
        """(outline, html_digest) of the page body that these inputs made in an earlier build: the
        page's key, without making the page again."""
        if inputs is None:
            return None
        name = self._made_name(inputs)
        payload = read_sealed(self._made_path(name), PAGE_CACHE_FORMAT)
        try:
            toc, html_digest = json.loads(payload) if payload is not None else (None, None)
        except ValueError:
            return None
        if not isinstance(toc, list) or not isinstance(html_digest, str):
            return None
        self.used_made.add(name)
        return toc, html_digest

    def remember_made(self, inputs: str | None, toc: list, html_digest: str) -> None:
        if inputs is None:
            return
        name = self._made_name(inputs)
        write_sealed(self._made_path(name), json.dumps([toc, html_digest], ensure_ascii=False).encode("utf-8"), PAGE_CACHE_FORMAT)
        self.used_made.add(name)

    def _made_name(self, inputs: str) -> str:
        return hashlib.sha256((self.site + "\0" + inputs).encode("utf-8")).hexdigest()

    def _made_path(self, name: str) -> Path:
        return self.directory / "made" / name[:2] / f"{name}.json"

    def link_live(self, key: str, site_path: str, target: Path) -> bool:
        """Place the live site's file for this page at `target` (a hard link) if the last build wrote
        it from the same key and it is unchanged since; False (and nothing done) otherwise."""
        known = self._live.get(site_path)
        if known is None or known[0] != key:
            return False
        try:
            live = os.lstat(self.live_site / site_path)
            if not stat.S_ISREG(live.st_mode) or [live.st_size, live.st_mtime_ns, live.st_ino] != known[1:]:
                return False
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(self.live_site / site_path, target)
        except OSError:
            return False  # gone, or another disk: the stored layout is written instead
        self.used.add(key)
        self.reused += 1
        self.linked += 1
        return True

    def record_live(self, built: Path) -> None:
        """Once the new site is final in `built` (about to become the live site): each generated
        page's key and file identity, for the next build's `link_live`."""
        if self.live_site is None:
            return
        pages = {}
        for site_path, key in sorted(self.keys.items()):
            try:
                info = os.lstat(Path(built) / site_path)
            except OSError:
                continue
            pages[site_path] = [key, info.st_size, info.st_mtime_ns, info.st_ino]
        record = _read_live_records(self.directory)
        record[str(self.live_site)] = pages
        write_sealed(self.directory / LIVE_RECORD, json.dumps(record, sort_keys=True).encode("utf-8"), PAGE_CACHE_FORMAT)

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
        """Delete the pages (and made-page records) this build did not use (the cache holds one
        site); return how many pages."""
        forget_all_but(self.directory, "made/*/*.json", self.used_made)
        return forget_all_but(self.directory, "*/*.html.z", self.used)


def _read_live_records(directory: Path) -> dict:
    payload = read_sealed(Path(directory) / LIVE_RECORD, PAGE_CACHE_FORMAT)
    try:
        record = json.loads(payload) if payload is not None else {}
    except ValueError:
        return {}
    return record if isinstance(record, dict) else {}


def _read_live_record(directory: Path, live_site: Path) -> dict[str, list]:
    pages = _read_live_records(directory).get(str(live_site), {})
    return pages if isinstance(pages, dict) else {}


def _nav_outline(items) -> list:
    return [[item.title, getattr(item, "url", None), _nav_outline(getattr(item, "children", None) or [])] for item in items]
