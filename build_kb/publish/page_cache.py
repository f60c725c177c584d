"""Laid-out pages kept between builds: a generated page whose every input is unchanged is not laid out again.

The theme's layout of a page is a function of the page (address, title, outline, meta, content, its
place among neighbours and parents), the site navigation, the templates, mkdocs.yml and the build
date MkDocs is given. All of them go into the page's key; a page with a known key gets the stored
HTML, byte for byte what the theme made of it last time. After a one-speech edit the theme lays out
that speech and the few pages that show it, not the whole site.

A page whose body changed but whose frame did not (most pages a one-speech rebuild touches: a
speech page whose related passages changed hands) is not laid out either: the theme's layout around
the body, stored as the text before and after it, is put around the new body. The theme tests the
body once ("<h1" in it, for the title); that test is kept with the frame and must come out the same.

Better still, when the live site's file for the page is the one that key produced, untouched since
(same size, time and inode as recorded after the last build), the new site simply gets that file as
a hard link: nothing is read, decompressed or written, and the file keeps its modification time.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zlib
from importlib import metadata
from pathlib import Path

from ..cache import code_version
from ..store import forget_all_but, read_sealed, write_sealed
from .files import LiveFiles

PAGE_CACHE_FORMAT = 1
LIVE_RECORD = "live-pages.json"
"""Per site folder: site path of each generated page → [key, size, mtime_ns, inode] of its file."""
BODY_TESTS = ("<h1",)
"""What the theme's templates test a page's body for (Material: whether it has its own title)."""
_BODY_USE = re.compile(rb"page\.content\b")
_KNOWN_BODY_USES = (rb"{{ page.content }}", rb'"\u003ch1" not in page.content')
"""The uses of the body, in the templates, that a frame allows for: written once, tested for BODY_TESTS."""


class PageCache:
    def __init__(self, directory: Path, config_file: Path, template_dirs: list[str], live_site: Path | None = None):
        self.directory = Path(directory)
        self.used: set[str] = set()
        self.used_made: set[str] = set()
        self.reused = 0
        self.laid_out: list[str] = []
        """Site paths of the pages the theme laid out in this build (new, or with changed inputs)."""
        self.frame_keys: dict[str, str] = {}
        """Site path → the key of its frame: the page's key but for its body."""
        self.used_frames: set[str] = set()
        self.framed: list[str] = []
        """Site paths of the laid-out pages whose body was put into their earlier frame."""
        self.live = LiveFiles(self.directory / LIVE_RECORD, live_site, PAGE_CACHE_FORMAT)
        """Each page's key, for the live site's files (`key` notes them)."""
        digest = hashlib.sha256(f"{PAGE_CACHE_FORMAT}\0{code_version()}".encode())
        for package in ("mkdocs", "properdocs", "mkdocs-material"):  # ProperDocs may stand in for MkDocs
            try:
                digest.update(f"\0{package}={metadata.version(package)}".encode())
            except metadata.PackageNotFoundError:
                digest.update(f"\0{package}=-".encode())
        digest.update(Path(config_file).read_bytes())
        dates_pages = False
        self.frames = True
        """Whether bodies may be put into stored frames: not when a template uses the body otherwise."""
        for folder in template_dirs:
            for path in sorted(Path(folder).rglob("*.html")):
                template = path.read_bytes()
                digest.update(path.as_posix().encode("utf-8") + b"\0" + template)
                dates_pages = dates_pages or b"build_date_utc" in template
                uses = len(_BODY_USE.findall(template)) - sum(template.count(use) for use in _KNOWN_BODY_USES)
                self.frames = self.frames and uses == 0
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
        """The page's key (from its body's html_digest), also noted in `live` under its site path."""
        neighbours = [(p.url, p.title) if p is not None else None for p in (page.previous_page, page.next_page)]
        parents = [(p.title, getattr(p, "url", None)) for p in page.ancestors]
        described = json.dumps(
            [page.file.src_uri, page.url, page.title, page.is_homepage, page.meta, toc_source, neighbours, parents],
            ensure_ascii=False, sort_keys=True, default=str,
        )
        frame = self.frame_keys[page.file.dest_uri] = hashlib.sha256((self.site + "\0" + described).encode("utf-8")).hexdigest()
        self.used_frames.add(frame)  # the page's frame is kept while it is current, used or not
        key = hashlib.sha256(f"{frame}\0{html_digest}".encode("ascii")).hexdigest()
        self.live.note(page.file.dest_uri, key)
        return key

    def frame(self, site_path: str, body: str) -> tuple[str, str] | None:
        """The theme's layout before and after the page's body (not yet squeezed), from a page laid
        out with the same frame key; None when there is none, or its body tested otherwise."""
        name = self.frame_keys.get(site_path)
        if not self.frames or name is None:
            return None
        payload = read_sealed(self._frame_path(name), PAGE_CACHE_FORMAT)
        if payload is None:
            return None
        try:
            tests, before, after = json.loads(zlib.decompress(payload).decode("utf-8"))
        except (ValueError, zlib.error, UnicodeDecodeError):
            return None
        if tests != _body_tests(body):
            return None
        self.used_frames.add(name)
        self.framed.append(site_path)
        return before, after

    def put_frame(self, site_path: str, laid_out: str, body: str) -> None:
        """Keep the frame of a page the theme has just laid out (`laid_out`, not yet squeezed)
        around `body`, if the body appears in it once."""
        name = self.frame_keys.get(site_path)
        if not self.frames or name is None or not body:
            return
        around = laid_out.split(body)
        if len(around) != 2:
            return
        payload = json.dumps([_body_tests(body), *around], ensure_ascii=False).encode("utf-8")
        write_sealed(self._frame_path(name), zlib.compress(payload, 1), PAGE_CACHE_FORMAT)
        self.used_frames.add(name)

    def _frame_path(self, name: str) -> Path:
        return self.directory / "frames" / name[:2] / f"{name}.json.z"

    def made(self, inputs: str | None) -> tuple[list, str] | None:
        """(outline, html_digest) of the page body that these inputs made in an earlier build: the
        page's key, without making the page again."""
        if inputs is None:
            return None
        name = self._made_name(inputs)
        payload = read_sealed(self._made_path(name), PAGE_CACHE_FORMAT)
        if payload is None:
            return None
        try:
            toc, html_digest = json.loads(payload)
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
        """Place the live site's file for this page at `target` if the last build wrote it from the
        same key and it is unchanged since (LiveFiles.link)."""
        if not self.live.link(key, site_path, target):
            return False
        self.used.add(key)
        self.reused += 1
        return True

    @property
    def linked(self) -> int:
        """Pages that are the live site's very file."""
        return self.live.linked

    def record_live(self, built: Path) -> None:
        """Once the new site is final in `built`: each generated page's key and file identity, for the next build's `link_live`."""
        self.live.save(built)

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
        forget_all_but(self.directory, "frames/*/*.json.z", self.used_frames)
        return forget_all_but(self.directory, "*/*.html.z", self.used)


def _body_tests(body: str) -> list[bool]:
    return [test in body for test in BODY_TESTS]


def _nav_outline(items) -> list:
    return [[item.title, getattr(item, "url", None), _nav_outline(getattr(item, "children", None) or [])] for item in items]
