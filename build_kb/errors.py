"""Named exceptions. Each message says which file (and line) to fix and what was expected."""

from __future__ import annotations


class KbError(Exception):
    """Base class: any problem the user can fix. The CLI prints it as `错误：…` and exits 1."""


class ConfigError(KbError):
    """A YAML file under corpus/ is malformed or has a value of the wrong kind."""

    def __init__(self, file: str, line: int | None, message: str):
        self.file, self.line, self.message = file, line, message
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}：{message}")


class ConfigErrors(KbError):
    """Several configuration errors, all reported at once (one line each)."""

    def __init__(self, errors: list[ConfigError]):
        self.errors = errors
        super().__init__(f"配置文件有 {len(errors)} 处错误：\n" + "\n".join(f"  {e}" for e in errors))


class UnreadableSpeech(KbError):
    """A speech file that cannot be turned into text (binary, unknown encoding)."""

    def __init__(self, file: str, message: str):
        self.file, self.message = file, message
        super().__init__(f"{file}：{message}")


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
        errno.ENOSPC: "磁盘满了：请腾出空间后再生成",
        errno.EDQUOT: "磁盘配额用完了：请腾出空间后再生成",
        errno.EACCES: "没有权限：请确认可以写这个文件夹（或用 --site-dir 换一个）",
        errno.EPERM: "这里不允许这样操作：请检查文件夹的所有者和权限",
        errno.EROFS: "文件系统是只读的：请生成到可写的磁盘上",
        errno.EBUSY: "文件夹正被占用（是挂载点，或被别的程序打开）：请关掉它或换个地方生成",
        errno.ENOENT: "不存在（是不是在生成过程中被移走或删除了？）",
        errno.ENAMETOOLONG: "名字太长，这个文件系统放不下：请用短一些的路径",
        errno.EADDRINUSE: "端口已被占用（另一个 kb serve 或其他程序在用）：请换一个端口，例如 --dev-addr 8001",
        errno.EADDRNOTAVAIL: "本机没有这个地址：请用 127.0.0.1 或本机网卡的 IP 地址",
    }.get(exc.errno, f"系统错误（{exc.strerror or exc}）")
    return f"{safe_name(path)}：{advice}" if path else advice


def reading_failure(exc: OSError) -> str:
    """Why a file could not be read, in Chinese: the system's own words (exc.strerror) are English.

    >>> reading_failure(FileNotFoundError(2, "No such file or directory"))
    '文件不存在'
    """
    import errno

    return {
        errno.ENOENT: "文件不存在",
        errno.EACCES: "没有读取权限",
        errno.EPERM: "没有读取权限",
        errno.EISDIR: "这是文件夹",
        errno.ELOOP: "链接绕成了圈",
        errno.ENAMETOOLONG: "文件名太长",
        errno.EIO: "磁盘读写出错",
    }.get(exc.errno, f"系统错误，编号 {exc.errno}")


def safe_name(text: str) -> str:
    """A file name fit for a terminal: control characters (escape sequences, newlines) shown escaped."""
    import unicodedata

    return "".join(repr(c)[1:-1] if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp") else c for c in str(text))
