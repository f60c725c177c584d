"""One piece of work in a forked child process while the build goes on with the next stages.

The search index and the handouts need only the parsed speeches, and the pages need nothing from
them: on two cores they run side by side. `Background(fn)` forks a child that runs fn() at once and
inherits everything this process holds. That inheritance is not free: every page either process
writes after the fork (reference counts change as soon as an object is read) is copied, so a child
forked beside a large knowledge base ends up with a private copy of most of it. `Background.standing_by()`
therefore forks while this process is still small, and the child waits for its work (a picklable
function and its arguments) to be sent later. Either child sends back only its small result.
Where fork is missing, or there is one core, the work runs in this process when its result is asked for.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import multiprocessing
import os
import pickle
import resource
import signal
import sys
import time
import traceback
from collections.abc import Callable
from typing import Any

from .errors import KbError


LOWER_PRIORITY = 10
"""The niceness a child that `yields` adds to its own."""


class BackgroundError(KbError):
    """The background work failed; the message carries the child's traceback."""


class Background:
    """`with Background(fn) as work: …; value = work.result()`: fn() runs while the block runs.

    Leaving the block without asking for the result (an error in the stages between) stops the child.
    """

    def __init__(self, fn: Callable[[], Any] | None, yields: bool = False):
        self.fn = fn
        """None: the child stands by for the work that `start` sends."""
        self.yields = yields
        """The child runs at a lower priority: work wanted only at the end of the build (the search
        index) does not slow the stages a rebuild waits for, where the two compete for a core."""
        self.seconds = 0.0
        """Wall-clock seconds the work itself took (in the child, or here)."""
        self.peak_mb = 0.0
        """The peak resident memory of the process that did the work (a child shares most pages with its parent)."""
        self._process = None
        self._receiver = None
        self._work_sender = None

    @classmethod
    def standing_by(cls, yields: bool = False) -> Background:
        """`with Background.standing_by() as work: …; work.start(fn, *args); …; value = work.result()`:
        the child is forked on entering, and runs fn(*args) once `start` sends it."""
        return cls(None, yields)

    def __enter__(self) -> Background:
        if (os.cpu_count() or 1) >= 2 and "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            self._receiver, sender = context.Pipe(duplex=False)
            work_receiver = None
            if self.fn is None:
                work_receiver, self._work_sender = context.Pipe(duplex=False)
            # Not a daemon: the work may fork workers of its own (typesetting does), which a daemon may not.
            # The child ends with the block (__exit__) or, on Linux, with this process (_end_with_parent).
            self._process = context.Process(target=_child, args=(self.fn, sender, work_receiver, self.yields))
            self._process.start()
            sender.close()
            if work_receiver is not None:
                work_receiver.close()
        return self

    def start(self, fn: Callable[..., Any], *args) -> None:
        """Send the standing-by child its work: fn and args travel pickled (fn by its name)."""
        if self._process is None:
            self.fn = functools.partial(fn, *args)
            return
        self._work_sender.send((fn, args))
        self._work_sender.close()
        self._work_sender = None

    def __exit__(self, *exc_info) -> None:
        if self._process is not None:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join()
            self._receiver.close()
            if self._work_sender is not None:
                self._work_sender.close()
                self._work_sender = None
            self._process = None

    def result(self):
        if self._process is None:
            value, self.seconds, self.peak_mb = _timed(self.fn)
            return value
        try:
            outcome, payload, self.seconds, self.peak_mb = self._receiver.recv()
        except EOFError:
            self._process.join()
            raise BackgroundError(f"the background work stopped without a result (exit code {self._process.exitcode})") from None
        if outcome == "error":
            raise payload
        return payload


def _timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    """(fn(), its wall-clock seconds, this process's peak memory in MB after it)."""
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(fn: Callable[[], Any] | None, sender, work_receiver, yields: bool) -> None:
    _end_with_parent()
    if yields:
        _lower_priority()
    if fn is None:
        try:
            work, args = work_receiver.recv()
        except EOFError:  # the build ended, or went another way, before sending any work
            return
        work_receiver.close()
        fn = functools.partial(work, *args)
    try:
        value, seconds, peak_mb = _timed(fn)
        message = ("ok", value, seconds, peak_mb)
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent, which raises it
        message = ("error", _sendable(exc), 0.0, 0.0)
    sender.send(message)
    sender.close()


def _lower_priority() -> None:
    try:
        os.nice(LOWER_PRIORITY)
    except (AttributeError, OSError):  # no nice() on this system
        pass


def _end_with_parent() -> None:
    """A build killed outright (kill -9, a closed terminal) leaves no child behind writing beside the
    site: on Linux the child is sent SIGTERM when its parent dies. Elsewhere it finishes its work alone."""
    name = ctypes.util.find_library("c")
    if not name or not sys.platform.startswith("linux"):
        return
    try:
        prctl = ctypes.CDLL(name, use_errno=True).prctl
    except (OSError, AttributeError):
        return
    pr_set_pdeathsig = 1
    prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0)
    if os.getppid() == 1:  # the parent died before the call took effect
        os._exit(1)


def _sendable(exc: BaseException) -> BaseException:
    """The exception itself when it survives pickling (a KbError keeps its class), else its traceback as text."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001
        return BackgroundError("".join(traceback.format_exception(exc)).rstrip())
