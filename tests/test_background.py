"""background.py: work in a forked child while the build goes on; its result, or its error, comes back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from build_kb import background
from build_kb.background import Background, BackgroundError
from build_kb.errors import KbError


def test_the_result_comes_back_from_the_child():
    parent = os.getpid()
    with Background(lambda: {"pid": os.getpid(), "sizes": [1, 2, 3]}) as work:
        value = work.result()
    assert value["sizes"] == [1, 2, 3]
    assert value["pid"] != parent
    assert work.seconds >= 0 and work.peak_mb > 0


@pytest.mark.skipif(not hasattr(os, "nice"), reason="no nice() here")
def test_a_child_that_yields_runs_at_a_lower_priority_and_the_others_do_not():
    here = os.nice(0)
    with Background(lambda: os.nice(0), yields=True) as work:
        assert work.result() == min(19, here + background.LOWER_PRIORITY)
    with Background(lambda: os.nice(0)) as work:
        assert work.result() == here
    with Background.standing_by(yields=True) as work:
        work.start(os.nice, 0)
        assert work.result() == min(19, here + background.LOWER_PRIORITY)


def test_an_error_in_the_child_is_raised_here_with_its_class_and_message():
    def fails():
        raise KbError("corpus/x.txt: cannot be read")

    with Background(fails) as work, pytest.raises(KbError, match="corpus/x.txt: cannot be read"):
        work.result()


def test_an_error_that_cannot_travel_comes_back_as_its_traceback():
    class Local(Exception):  # a class defined in a function cannot be pickled
        pass

    def fails():
        raise Local("lost in transit")

    with Background(fails) as work, pytest.raises(BackgroundError, match="(?s)Traceback.*Local: lost in transit"):
        work.result()


def test_a_child_that_dies_is_an_error_naming_its_exit_code():
    with Background(lambda: os._exit(3)) as work, pytest.raises(BackgroundError, match="exit code 3"):
        work.result()


def test_leaving_early_stops_the_child(tmp_path):
    marker = tmp_path / "finished"

    def slow():
        import time

        time.sleep(30)
        marker.write_text("done")

    with Background(slow) as work:
        child = work._process
    assert not child.is_alive()
    assert not marker.exists()


def test_without_fork_the_work_runs_here_when_asked(monkeypatch):
    monkeypatch.setattr(background.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    parent = os.getpid()
    with Background(os.getpid) as work:
        assert work.result() == parent


def test_a_child_does_not_outlive_a_killed_build(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    if not sys.platform.startswith("linux"):
        pytest.skip("the parent-death signal is Linux's")
    pid_file = tmp_path / "child.pid"
    script = (
        "import os, time\n"
        "from build_kb.background import Background\n"
        "def work():\n"
        f"    open({str(pid_file)!r}, 'w').write(str(os.getpid()))\n"
        "    time.sleep(60)\n"
        "with Background(work) as w:\n"
        "    time.sleep(60)\n"
    )
    build = subprocess.Popen([sys.executable, "-c", script], cwd=Path(__file__).resolve().parent.parent)
    for _ in range(100):
        if pid_file.exists() and pid_file.read_text():
            break
        time.sleep(0.05)
    child = int(pid_file.read_text())
    build.send_signal(signal.SIGKILL)
    build.wait()
    for _ in range(100):
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        os.kill(child, signal.SIGKILL)
        pytest.fail("the child went on after its build was killed")


def test_a_standing_by_child_is_forked_on_entering_and_runs_the_work_it_is_sent(tmp_path, monkeypatch):
    monkeypatch.setattr(background, "STATE_FOR_TEST", "before", raising=False)
    with Background.standing_by() as work:
        monkeypatch.setattr(background, "STATE_FOR_TEST", "after", raising=False)  # made after the fork
        work.start(_report_state, {"argument": "sent"}, tmp_path / "seen")
        child_pid = work.result()
    assert child_pid != os.getpid()
    # The child holds what this process held on entering, and the arguments sent with the work.
    assert (tmp_path / "seen").read_text() == "before sent"
    assert work.seconds >= 0 and work.peak_mb > 0


def _report_state(held: dict, seen: Path) -> int:
    seen.write_text(f"{background.STATE_FOR_TEST} {held['argument']}")
    return os.getpid()


def test_a_standing_by_child_sent_nothing_ends_with_the_block():
    with Background.standing_by() as work:
        child = work._process
        assert child.is_alive()
    assert not child.is_alive()


def test_without_fork_the_standing_by_work_runs_here_when_asked(monkeypatch, tmp_path):
    monkeypatch.setattr(background.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    with Background.standing_by() as work:
        monkeypatch.setattr(background, "STATE_FOR_TEST", "here", raising=False)
        work.start(_report_state, {"argument": "sent"}, tmp_path / "seen")
        assert not (tmp_path / "seen").exists()
        assert work.result() == os.getpid()
    assert (tmp_path / "seen").read_text() == "here sent"

