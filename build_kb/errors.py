"""Named exceptions. Each message says which file (and line) to fix and what was expected."""

from __future__ import annotations


class KbError(Exception):
    """Base class: any problem the user can fix. The CLI prints it as `Error: …` and exits 1."""


class ConfigError(KbError):
    """A YAML file under corpus/ is malformed or has a value of the wrong kind."""

    def __init__(self, file: str, line: int | None, message: str):
        self.file, self.line, self.message = file, line, message
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {message}")


class ConfigErrors(KbError):
    """Several configuration errors, all reported at once (one line each)."""

    def __init__(self, errors: list[ConfigError]):
        self.errors = errors
        super().__init__(f"{len(errors)} problems in the configuration:\n" + "\n".join(f"  {e}" for e in errors))


class UnreadableSpeech(KbError):
    """A speech file that cannot be turned into text (binary, unknown encoding)."""

    def __init__(self, file: str, message: str):
        self.file, self.message = file, message
        super().__init__(f"{file}: {message}")


class StrictModeFailure(KbError):
    """`--strict` was given and the build produced warnings."""


class CorpusNotFound(KbError):
    """The corpus directory does not exist."""


class UnsafeSiteDir(KbError):
    """The chosen site folder holds something the build did not write: it is never deleted."""


class SiteWouldShrink(KbError):
    """The new site would publish no speeches, or far fewer than the site it replaces."""


def describe_os_error(exc: OSError) -> str:
    """One line for an operating-system error: the path, what happened and what to do."""
    import errno

    path = exc.filename or ""
    if exc.filename2:
        path = f"{path} → {exc.filename2}"
    advice = {
        errno.ENOSPC: "the disk is full: free some space and build again",
        errno.EDQUOT: "the disk quota is used up: free some space and build again",
        errno.EACCES: "permission denied: check that you may write to this folder (or choose another with --site-dir)",
        errno.EPERM: "the operation is not permitted here: check the folder's owner and permissions",
        errno.EROFS: "the file system is read-only: build into a folder on a writable disk",
        errno.EBUSY: "the folder is busy (a mount point, or open in another program): close it or build elsewhere",
        errno.ENOENT: "it does not exist (was it moved or deleted during the build?)",
        errno.ENAMETOOLONG: "the name is too long for this file system: use a shorter path",
        errno.EADDRINUSE: "端口已被占用（另一个 kb serve 或其他程序在用）：请换一个端口，例如 --dev-addr 8001",
        errno.EADDRNOTAVAIL: "本机没有这个地址：请用 127.0.0.1 或本机网卡的 IP 地址",
    }.get(exc.errno, exc.strerror or str(exc))
    return f"{safe_name(path)}: {advice}" if path else advice


def safe_name(text: str) -> str:
    """A file name fit for a terminal: control characters (escape sequences, newlines) shown escaped."""
    import unicodedata

    return "".join(repr(c)[1:-1] if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp") else c for c in str(text))
