"""Lighthouse (performance, accessibility, layout shift) on a built site: home, a speech page, a theme
page and the results page of 干部, with the desktop and the mobile preset. A bench row, not a test:
the scores depend on the machine's load.

    python bench/lighthouse.py [site]        (default: site/; `make bench` runs it after the builds)

Needs the npm package lighthouse (make bench installs it into .tools/lighthouse/) and Debian's chromium.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
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
    }


def main(site: Path) -> int:
    if not LIGHTHOUSE.exists():
        print("lighthouse is not installed: make bench installs it into .tools/lighthouse/")
        return 1
    speech = sorted((site / "speeches").glob("*/index.html"))[0].parent.name
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    rows = ["| page | preset | performance | accessibility | layout shift |", "|---|---|---|---|---|"]
    try:
        for name, path in PAGES.items():
            for preset in ("desktop", "mobile"):
                scores = audit(base + (path if path is not None else f"speeches/{speech}/"), preset)
                rows.append(f"| {name} | {preset} | {scores['performance']} | {scores['accessibility']} | {scores['cls']:.3f} |")
                print(rows[-1], flush=True)
    finally:
        httpd.shutdown()
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "lighthouse.md").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"))
