"""Files the build keeps between runs (caches): sealed, checksummed, written atomically, never executed.

A cache is an optimisation, never a source of truth. Every blob is sealed with a magic number, a
format version, its length and a SHA-256 of its payload; anything that does not unseal exactly (a
truncated file, a flipped byte, an older format) is a miss. Payloads are JSON, so reading a cache can
never run code the way unpickling can.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import errno
import os
import secrets
import struct
import types
import typing
import zlib
from contextlib import contextmanager, suppress
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


def write_atomic(path: Path, data: bytes, durable: bool = True) -> None:
    """Write via a temporary file in the same folder, fsync (when `durable`), then rename: readers
    see old or new, never half. The temporary's name is unpredictable and it is created with
    O_EXCL|O_NOFOLLOW: a link planted in a shared folder can never redirect the write. An error
    names `path` (a full disk says where)."""
    temporary = None
    try:
        temporary, fd = _created(path)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        os.replace(temporary, path)
    except BaseException as exc:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        if isinstance(exc, OSError) and not exc.filename:
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise


_EXCLUSIVE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def _created(path: Path) -> tuple[Path, int]:
    """A new temporary file beside `path` (its name random) and its descriptor, the folder made
    when there is none. Asked only then: a rebuild writes thousands of cache files into folders
    that exist, and asking first cost a tenth of a second per thousand."""
    for attempt in range(100):
        temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        try:
            return temporary, os.open(temporary, _EXCLUSIVE, 0o666)
        except FileExistsError:
            continue
        except FileNotFoundError:
            if attempt:
                raise
            path.parent.mkdir(parents=True, exist_ok=True)
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(path))


NO_LOCKS = (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL)
"""What flock raises on a file system without locks (some network mounts)."""


@contextmanager
def held_lock(path: Path, on_wait=None, on_no_locks=None):
    """An exclusive lock on the file `path` (made when missing, never through a link), removed
    when released: nothing is left behind. `on_wait()` is called when another process holds it
    (this one then waits), `on_no_locks()` when the file system has no locks (this one goes on).

    The holder removes the file while it still holds it; a process that was waiting then holds a
    file no longer at `path`, sees so, and locks the one there now."""
    import fcntl

    waited = False
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0), 0o666)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if on_wait and not waited:
                    on_wait()
                waited = True
                fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError as exc:
            os.close(fd)
            if exc.errno not in NO_LOCKS:
                raise
            if on_no_locks:
                on_no_locks()
            fd = None
            break
        try:
            current = os.stat(path, follow_symlinks=False).st_ino
        except FileNotFoundError:
            current = None
        if current == os.fstat(fd).st_ino:
            break
        os.close(fd)
    try:
        yield
    finally:
        with suppress(OSError):
            os.unlink(path)
        if fd is not None:
            os.close(fd)  # and with it the lock


def read_sealed(path: Path, version: int) -> bytes | None:
    """The payload stored at `path`, or None (missing, unreadable or damaged)."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    return unseal(blob, version)


def write_sealed(path: Path, payload: bytes, version: int) -> None:
    """Not synced to disk: a cache entry that a crash cuts short fails its seal and is made again,
    and syncing each of the 12,000 pages of 10,000 speeches cost 6 seconds."""
    write_atomic(path, seal(payload, version), durable=False)


# --- the model as JSON ---------------------------------------------------------------------------


def forget_all_but(folder: Path, pattern: str, keep: set[str] | frozenset[str]) -> int:
    """Delete the files under `folder` matching `pattern` whose name, up to its first dot, is not in
    `keep` (a cache's entries are named by their key); return how many."""
    removed = 0
    for path in Path(folder).glob(pattern):
        if path.name.split(".", 1)[0] not in keep:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def to_json(value) -> bytes:
    """Dataclasses (recursively), lists, tuples, dicts, Paths and bytes as compressed JSON.

    Dicts keep their order (JSON objects are read back in order): a speech from the cache must
    export exactly as the same speech computed afresh, whose dicts are in the order they were built."""
    text = json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 1)


def from_json(data: bytes, kind):
    """The inverse of to_json, guided by the type `kind` (e.g. `tuple[Speech | None, list[Problem]]`)."""
    return _decoder(kind)(json.loads(zlib.decompress(data)))


def _plain(value):
    """Dataclasses, tuples and Paths as the dicts, lists and strings JSON holds; shares the leaves
    (dataclasses.asdict deep-copies every one of them, many times slower)."""
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


def _same(value):
    return value


_DECODERS: dict = {}


def _decoder(kind):
    """A function turning the JSON of a `kind` back into one: built once per type, because the cache
    of a large corpus holds millions of values and asking `typing` about each cost seconds per build."""
    if kind not in _DECODERS:
        _DECODERS[kind] = _new_decoder(kind)
    return _DECODERS[kind]


def _new_decoder(kind):
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        return _decoder(next(a for a in args if a is not type(None)))
    if dataclasses.is_dataclass(kind):
        converting: list = []  # (field name, decoder) of the fields whose JSON is not their value as it is

        def decode(value):
            if value is None:
                return None
            for name, convert in converting:  # the dict is freshly parsed: converted in place
                if name in value:
                    value[name] = convert(value[name])
            return kind(**value)

        # Registered before its fields are, for a type that holds itself (a section's subsections).
        _DECODERS[kind] = decode
        hints = typing.get_type_hints(kind)
        for name in (f.name for f in dataclasses.fields(kind)):
            convert = _decoder(hints[name])
            if convert is not _same:
                converting.append((name, convert))

    elif origin is list:
        item = _decoder(args[0])
        decode = _same if item is _same else _each(lambda value: [item(v) for v in value])
    elif origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        decode = _each(lambda value: tuple(item(v) for v in value))
    elif origin is tuple:
        items = [_decoder(a) for a in args]
        decode = _each(lambda value: tuple(f(v) for v, f in zip(value, items, strict=True)))
    elif origin is dict:
        item = _decoder(args[1])
        decode = _same if item is _same else _each(lambda value: {k: item(v) for k, v in value.items()})
    elif kind is Path:
        decode = _each(Path)
    elif kind is bytes:
        decode = _each(bytes.fromhex)
    elif kind is float:
        decode = _each(float)
    else:
        decode = _same
    return decode


def _each(convert):
    """`convert`, letting None through."""
    return lambda value: None if value is None else convert(value)
