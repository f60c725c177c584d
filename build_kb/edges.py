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


def terminate_cleanly() -> None:
    """Make SIGTERM and SIGHUP unwind the stack like Ctrl+C does (in the main process only)."""

    main = os.getpid()

    def raise_terminated(signum, frame):
        if os.getpid() != main:
            # A forked worker (the build's children) ends as it always did: its parent cleans up.
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        raise Terminated()

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), raise_terminated)
