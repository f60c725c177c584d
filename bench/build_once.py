"""One build in its own process (so peak memory is this build's): prints JSON with timings.

    python bench/build_once.py CORPUS SITE_DIR [CACHE_DIR] [--pdf|--no-pdf]
"""

import json
import os
import resource
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_kb.build import BuildOptions, build  # noqa: E402


class TreeMemory:
    """The largest sum of PSS over this process and all its descendants (workers, the search and
    handout children), sampled every half second. ru_maxrss is this process's alone; forked
    children stop sharing their pages with it as both run, so the machine needs the sum."""

    def __init__(self):
        self.peak_mb = 0.0
        threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self) -> None:
        while True:
            self.peak_mb = max(self.peak_mb, sum(_pss_mb(pid) for pid in _tree(os.getpid())))
            time.sleep(0.5)


def _tree(root: int) -> list[int]:
    parent_of = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    parent_of[int(entry)] = int(f.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                pass
    tree, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parent_of.items() if parent in frontier]
        tree += frontier
    return tree


def _pss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def main() -> None:
    flags = [a for a in sys.argv[1:] if a.startswith("--")]
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    memory = TreeMemory() if os.path.exists("/proc/self/smaps_rollup") else None
    start = time.perf_counter()
    report = build(BuildOptions(
        config_file=ROOT / "mkdocs.yml", site_dir=Path(args[1]), corpus_dir=Path(args[0]),
        cache_dir=Path(args[2]) if len(args) > 2 else None, allow_shrink=True,
        pdf=False if "--no-pdf" in flags else (True if "--pdf" in flags else None),
    ))
    kb = report.kb
    total = time.perf_counter() - start
    print(json.dumps({
        "total": total,
        "skipped": kb is None,
        "timings": report.seconds,
        "speeches": len(kb.speeches) if kb else None,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_all_mb": memory.peak_mb if memory else None,
        "peak_mb_by_stage": report.peak_mb,
    }))


if __name__ == "__main__":  # handout workers may be started fresh (spawn), importing this file
    main()
