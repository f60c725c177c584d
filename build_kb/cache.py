"""Caches that make rebuilds cheap: per-speech work by content hash, and the whole-site fingerprint.

A speech's cached entry (parsed, classified, segmented) is keyed by its raw bytes, its file name, its
overrides, the configuration that shapes it (boilerplate rules, taxonomy, glossary) and the code
version, so editing themes.yaml or upgrading zuzhi-kb invalidates exactly what it should.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
from pathlib import Path

log = logging.getLogger(__name__)

CACHE_FORMAT = 1
PACKAGE_DIR = Path(__file__).resolve().parent


def code_version() -> str:
    """Hash of this package's source: any code change invalidates every cache entry."""
    digest = hashlib.sha256(str(CACHE_FORMAT).encode())
    for path in sorted(PACKAGE_DIR.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def files_fingerprint(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path).encode("utf-8"))
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")
    return digest.hexdigest()


def tree_fingerprint(*roots: Path) -> str:
    """Hash of every file (path and bytes) under the given directories or files."""
    digest = hashlib.sha256()
    for root in roots:
        root = Path(root)
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []
        for path in files:
            digest.update(str(path.relative_to(root.parent)).encode("utf-8"))
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


class SpeechCache:
    """Pickled per-speech results under `directory` (one file per key; safe to delete any time)."""

    def __init__(self, directory: Path, context: str):
        self.directory = Path(directory)
        self.context = context
        self.hits = self.misses = 0

    def key(self, rel_path: str, raw: bytes, override_values: dict | None) -> str:
        digest = hashlib.sha256(self.context.encode())
        digest.update(rel_path.encode("utf-8"))
        digest.update(json.dumps(override_values or {}, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        digest.update(raw)
        return digest.hexdigest()

    def get(self, key: str):
        path = self.directory / key[:2] / f"{key}.pickle"
        try:
            with open(path, "rb") as f:
                value = pickle.load(f)
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception as exc:  # a truncated or foreign file is just a miss
            log.info("ignoring unreadable cache entry %s: %s", path, exc)
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value) -> None:
        path = self.directory / key[:2] / f"{key}.pickle"
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".tmp{os.getpid()}")
        with open(temporary, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
