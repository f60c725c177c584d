"""Files the build keeps between runs (caches): sealed, checksummed, written atomically, never executed.

A cache is an optimisation, never a source of truth. Every blob is sealed with a magic number, a
format version, its length and a SHA-256 of its payload; anything that does not unseal exactly (a
truncated file, a flipped byte, an older format) is a miss. Payloads are JSON, so reading a cache can
never run code the way unpickling can.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import struct
import types
import typing
import zlib
from pathlib import Path

MAGIC = b"ZKBC"
_HEADER = struct.Struct("<4sHQ32s")
"""magic, format version, payload length, SHA-256 of the payload."""


def seal(payload: bytes, version: int) -> bytes:
    return _HEADER.pack(MAGIC, version, len(payload), hashlib.sha256(payload).digest()) + payload


def unseal(blob: bytes, version: int) -> bytes | None:
    """The payload of a sealed blob, or None when anything about it is not exactly right."""
    if len(blob) < _HEADER.size:
        return None
    magic, found_version, length, digest = _HEADER.unpack_from(blob)
    payload = blob[_HEADER.size :]
    if magic != MAGIC or found_version != version or length != len(payload):
        return None
    if hashlib.sha256(payload).digest() != digest:
        return None
    return payload


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder, fsync, then rename: readers see old or new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def read_sealed(path: Path, version: int) -> bytes | None:
    """The payload stored at `path`, or None (missing, unreadable or damaged)."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    return unseal(blob, version)


def write_sealed(path: Path, payload: bytes, version: int) -> None:
    write_atomic(path, seal(payload, version))


# --- the model as JSON ---------------------------------------------------------------------------


def to_json(value) -> bytes:
    """Dataclasses (recursively), lists, tuples, dicts, Paths and bytes as compressed JSON."""
    text = json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return zlib.compress(text.encode("utf-8"), 1)


def from_json(data: bytes, kind):
    """The inverse of to_json, guided by the type `kind` (e.g. `tuple[Speech | None, list[Problem]]`)."""
    return _typed(json.loads(zlib.decompress(data)), kind)


def _plain(value):
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


@functools.lru_cache(maxsize=None)
def _field_types(cls) -> dict:
    return typing.get_type_hints(cls)


def _typed(value, kind):
    if value is None:
        return None
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        return _typed(value, options[0])
    if dataclasses.is_dataclass(kind):
        hints = _field_types(kind)
        return kind(**{name: _typed(v, hints[name]) for name, v in value.items() if name in hints})
    if origin is list:
        return [_typed(v, args[0]) for v in value]
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_typed(v, args[0]) for v in value)
        return tuple(_typed(v, item) for v, item in zip(value, args, strict=True))
    if origin is dict:
        return {k: _typed(v, args[1]) for k, v in value.items()}
    if kind is Path:
        return Path(value)
    if kind is bytes:
        return bytes.fromhex(value)
    if kind is float:
        return float(value)
    return value
