"""Writing the site's generated files so that unchanged ones stay the live site's own."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from ..store import read_sealed, write_sealed


def write_or_link(path: Path, data: bytes, live: Path | None) -> None:
    """`data` into a new file at `path`; or, when the `live` file holds exactly these bytes, a hard
    link to it (reading a file costs a tenth of writing one, and it keeps its modification time)."""
    if live is not None:
        try:
            if live.stat().st_size == len(data) and live.read_bytes() == data:
                os.link(live, path)
                return
        except OSError:
            pass  # absent, unreadable or on another disk: written
    path.write_bytes(data)


class LiveFiles:
    """Which key each generated file of the live site was made from, kept between builds.

    A file the new build would make from the same key, and which is untouched since (same size, time
    and inode as recorded after the last build), is the live file itself: it is hard-linked into the
    new site, and nothing is made, read or written. `note` each file's key as the build places it,
    and `save` once the new site is final. One record file holds the records of every site folder
    built with this cache."""

    def __init__(self, record_file: Path, live_site: Path | None, version: int):
        self.record_file, self.version = Path(record_file), version
        self.live_site = Path(live_site) if live_site else None
        self.keys: dict[str, str] = {}
        """Site path → key of every file this build made or linked (as `note` was told)."""
        self.linked = 0
        self._live = self._records().get(str(self.live_site), {}) if self.live_site else {}
        if not isinstance(self._live, dict):
            self._live = {}

    def note(self, site_path: str, key: str) -> None:
        self.keys[site_path] = key

    def link(self, key: str, site_path: str, target: Path) -> bool:
        """Place the live site's file at `target` (a hard link) if the last build made it from `key`
        and it is unchanged since; False (and nothing done) otherwise."""
        known = self._live.get(site_path)
        if known is None or known[0] != key:
            return False
        live = self.live_site / site_path
        try:
            info = os.lstat(live)
            if not stat.S_ISREG(info.st_mode) or [info.st_size, info.st_mtime_ns, info.st_ino] != known[1:]:
                return False
            _link(live, target)
        except OSError:
            return False  # gone, or another disk: the file is made instead
        self.note(site_path, key)
        self.linked += 1
        return True

    def save(self, built: Path) -> None:
        """Once the new site is final in `built` (about to become the live site): each noted file's
        key and identity, for the next build's `link`."""
        if self.live_site is None:
            return
        files = {}
        for site_path, key in sorted(self.keys.items()):
            try:
                info = os.lstat(Path(built) / site_path)
            except OSError:
                continue
            files[site_path] = [key, info.st_size, info.st_mtime_ns, info.st_ino]
        records = self._records()
        records[str(self.live_site)] = files
        write_sealed(self.record_file, json.dumps(records, sort_keys=True).encode("utf-8"), self.version)

    def _records(self) -> dict:
        payload = read_sealed(self.record_file, self.version)
        try:
            records = json.loads(payload) if payload is not None else {}
        except ValueError:
            return {}
        return records if isinstance(records, dict) else {}


def _link(source: Path, target: Path) -> None:
    """A hard link at `target`, its folder made when there is none: asked only then, since a rebuild
    links thousands of files into folders that exist."""
    try:
        os.link(source, target)
    except FileNotFoundError:
        if not source.exists():
            raise
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(source, target)
