"""Lighthouse (performance, accessibility, layout shift) on a built site: home, a speech page, a theme
page and the results page of 干部, with the desktop and the mobile preset. A bench row, not a test:
the scores depend on the machine's load.

    python bench/lighthouse.py [site] [--runs N]   (default: site/, 1 run; `make bench` runs it after the builds)

With --runs N each row is the median of N runs (the machine is shared: a single run can be off by
several points).

Needs the npm package lighthouse (make bench installs it into .tools/lighthouse/) and Debian's chromium.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / ".tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "", "speech": None, "theme": "themes/cadres/", "search 干部": "search/?q=%E5%B9%B2%E9%83%A8"}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def audit(url: str, preset: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        args = [str(LIGHTHOUSE), url, "--only-categories=performance,accessibility", "--output=json", f"--output-path={out}", "--quiet",
                "--chrome-flags=--headless=new --no-sandbox"]
        if preset == "desktop":
            args.append("--preset=desktop")
        subprocess.run(args, check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, capture_output=True, timeout=300)
        report = json.loads(out.read_text(encoding="utf-8"))
    return {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "cls": report["audits"]["cumulative-layout-shift"]["numericValue"],
        "fcp": report["audits"]["first-contentful-paint"]["numericValue"] / 1000,
        "lcp": report["audits"]["largest-contentful-paint"]["numericValue"] / 1000,
    }


def main(site: Path, runs: int = 1) -> int:
    if not LIGHTHOUSE.exists():
        print("lighthouse is not installed: make bench installs it into .tools/lighthouse/")
        return 1
    speech = sorted((site / "speeches").glob("*/index.html"))[0].parent.name
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    rows = ["| page | preset | performance | accessibility | layout shift | first paint | largest paint |", "|---|---|---|---|---|---|---|"]
    try:
        for name, path in PAGES.items():
            for preset in ("desktop", "mobile"):
                each = [audit(base + (path if path is not None else f"speeches/{speech}/"), preset) for _ in range(runs)]
                scores = {key: statistics.median(run[key] for run in each) for key in each[0]}
                rows.append(f"| {name} | {preset} | {scores['performance']:g} | {scores['accessibility']:g} | {scores['cls']:.3f} | {scores['fcp']:.1f} s | {scores['lcp']:.1f} s |")
                print(rows[-1], flush=True)
    finally:
        httpd.shutdown()
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "lighthouse.md").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=1, help="runs per row; the row shows their median")
    options = parser.parse_args()
    sys.exit(main(options.site, options.runs))
