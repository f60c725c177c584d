"""Guards at the command line's edges: where `kb print` may write, what `kb serve` may listen on,
and how a terminating signal still cleans up.

Each refusal is one Chinese line naming the file or flag and what to do next (the CLI prints it).
"""

from __future__ import annotations

import ipaddress
import os
import signal
import stat
from pathlib import Path

from .errors import KbError


def check_print_output(output: Path, protected: dict[str, Path], force: bool) -> None:
    """Refuse a `kb print -o` target inside the project's inputs or outputs, or an existing file
    that is not a PDF this tool made (unless `force`), or anything but a plain file."""
    target = Path(os.path.abspath(output))
    real = target.resolve()
    for what, folder in protected.items():
        folder = Path(folder).resolve()
        if real == folder or folder in real.parents:
            raise KbError(f"{output}：位于{what}（{folder}）中，kb print 不会写在那里（会覆盖或混入构建的输入输出）；请换一个位置，例如 -o 学习材料.pdf")
    if real.suffix.lower() != ".pdf" and not force:
        raise KbError(f"{output}：输出文件应以 .pdf 结尾；如确要用这个名字，请加 --force")
    if not os.path.lexists(target):
        return
    info = os.lstat(target)
    if stat.S_ISLNK(info.st_mode) and not force:
        raise KbError(f"{output}：是一个链接，kb print 不会写过去；请换一个文件名，或加 --force")
    info = os.stat(target) if stat.S_ISLNK(info.st_mode) else info
    if not stat.S_ISREG(info.st_mode):
        raise KbError(f"{output}：已存在且不是普通文件（文件夹、管道或设备）；请换一个文件名")
    if not force and not is_our_pdf(target):
        raise KbError(f"{output}：已存在且不是 kb print 生成的 PDF，未覆盖；请换一个文件名，或确认可以覆盖后加 --force")


def is_our_pdf(path: Path) -> bool:
    """A PDF typeset by this tool (Typst names itself in every PDF it writes)."""
    try:
        with open(path, "rb") as f:
            head = f.read(1 << 16)
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - (1 << 16)))
            tail = f.read()
    except OSError:
        return False
    return head.startswith(b"%PDF-") and (b"Typst" in head or b"Typst" in tail)


LOOPBACK_NAMES = ("localhost",)


def parse_dev_addr(text: str, allow_network: bool) -> tuple[str, int, str | None]:
    """`kb serve --dev-addr`: (host, port, warning). A port alone (8001, :8001) means 127.0.0.1;
    a host that is not this machine's loopback needs `allow_network` and comes with a warning."""
    text = text.strip()
    host, sep, port_text = text.rpartition(":")
    if not sep:
        host, port_text = ("", text) if text.isdigit() else (text, "8000")
    host = host.strip("[]") or "127.0.0.1"
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise KbError(f"--dev-addr {text}：端口应是 1–65535 之间的数字，例如 --dev-addr 127.0.0.1:8001 或 --dev-addr 8001")
    port = int(port_text)
    if host.lower() in LOOPBACK_NAMES:
        return "127.0.0.1", port, None
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        raise KbError(f"--dev-addr {text}：{host} 不是 IP 地址；请写 127.0.0.1:{port}（只本机可访问）或本机网卡的 IP 地址") from None
    if address.is_loopback:
        return host, port, None
    if not allow_network:
        raise KbError(
            f"--dev-addr {text}：{host} 会让局域网中的其他电脑也能访问预览；如确有此意，请再加 --allow-network，否则请用 127.0.0.1:{port}"
        )
    return host, port, f"注意：预览对网络开放（{host}:{port}），同一网络中的任何人都能看到尚未发布的内容"


class Terminated(KeyboardInterrupt):
    """SIGTERM (or SIGHUP) turned into an exception, so every `finally` runs: staging folders,
    temporary files, the preview folder and locks are removed as after Ctrl+C."""


_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
_installed_for: list[int] = []


def terminate_cleanly() -> None:
    """Make SIGTERM and SIGHUP unwind the stack like Ctrl+C does (in the main process only).

    Forked children (the build's workers) must die of SIGTERM as before: their parent ends them so.
    They get the default action back right after the fork, and the signals are blocked across the
    fork itself, so one sent in between is held until then instead of being lost (Python clears the
    flags of signals that arrive before its handlers run in a new child; the parent would then wait
    for a child that never ends)."""
    main = os.getpid()

    def raise_terminated(signum, frame):
        if os.getpid() != main:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        raise Terminated()

    for number in _SIGNALS:
        signal.signal(number, raise_terminated)
    if _installed_for or not hasattr(os, "register_at_fork") or not hasattr(signal, "pthread_sigmask"):
        return
    _installed_for.append(main)

    def block() -> None:
        signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)

    def unblock() -> None:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _SIGNALS)

    def default_in_child() -> None:
        try:
            for number in _SIGNALS:
                signal.signal(number, signal.SIG_DFL)
        except ValueError:  # not the main thread: the handler's own check covers it
            pass
        unblock()

    os.register_at_fork(before=block, after_in_parent=unblock, after_in_child=default_in_child)
