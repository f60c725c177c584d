"""Giving memory back to the system after a stage lets a large part of it go.

The corpus is held as millions of small objects. When a stage frees many of them (the sections'
word counts after the related passages), the C allocator keeps the freed space in its heap, broken
up between objects still alive, and the large arrays of the next stage are mapped anew beside it:
the process grows by what it had just freed. glibc's malloc_trim hands the free pages inside the
heap back (at 10,000 speeches, about 50 MB before the speeches' matrix). Elsewhere it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools


@functools.lru_cache(maxsize=1)
def _malloc_trim():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):  # not glibc (macOS, musl, Windows)
        return None


def give_back_freed_memory() -> None:
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
