"""One build in its own process (so peak memory is this build's): prints JSON with timings.

    python bench/build_once.py CORPUS SITE_DIR [CACHE_DIR] [--pdf|--no-pdf]
"""

import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_kb.build import BuildOptions, build  # noqa: E402


def main() -> None:
    flags = [a for a in sys.argv[1:] if a.startswith("--")]
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
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
        "peak_mb_by_stage": report.peak_mb,
    }))


if __name__ == "__main__":  # handout workers may be started fresh (spawn), importing this file
    main()
