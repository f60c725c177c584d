"""Typesetting speed of study handouts: prints JSON.

    python bench/print_bench.py CORPUS CACHE_DIR SITE_DIR

Times (fresh store, one process) the handout closest to 200 pages and the largest one, as built for
the site in SITE_DIR (its PDFs tell the page counts), and headless Chromium printing a theme page of
the same site (the web page holding the largest handout's excerpts) for comparison.
"""

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_kb.config import load_print_config  # noqa: E402
from build_kb.pipeline import build_knowledge_base  # noqa: E402
from build_kb.publish.pdf import Printer, _count_pages  # noqa: E402
from build_kb.render.handout import plan_handouts  # noqa: E402

corpus, cache, site = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
kb = build_knowledge_base(corpus, cache_dir=cache / "speeches")
store = Path(tempfile.mkdtemp(prefix="kb-print-bench-"))
printer = Printer(load_print_config(corpus), corpus, store, publisher="组织工作讲话知识库")
handouts = {h.path: h for h in plan_handouts(kb, printer.publisher)}
pages = {path: _count_pages((site / path).read_bytes()) for path in handouts if path.startswith("pdf/themes/") and (site / path).is_file()}
near_200 = min(pages, key=lambda p: abs(pages[p] - 200))
largest = max(pages, key=pages.get)
result = {"handouts": len(handouts), "pdf_bytes": sum(f.stat().st_size for f in (site / "pdf").rglob("*.pdf"))}
for label, path in (("near_200", near_200), ("largest", largest)):
    start = time.perf_counter()
    printer.typeset((path, printer.data(handouts[path]), str(store / f"{label}.pdf")))
    result[label] = {"path": path, "pages": pages[path], "seconds": time.perf_counter() - start}
shutil.rmtree(store, ignore_errors=True)
chromium = shutil.which("chromium")
if chromium:
    # The web page with the same excerpts as the largest handout (a theme's year page).
    theme_page = site / largest[len("pdf/"):-len(".pdf")] / "index.html"
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", f"--print-to-pdf={tmp}/x.pdf", theme_page.as_uri()],
                       capture_output=True, timeout=600)
        seconds = time.perf_counter() - start
        result["chromium_theme_page"] = {"page": str(theme_page.relative_to(site)), "pages": _count_pages(Path(tmp, "x.pdf").read_bytes()), "seconds": seconds}
print(json.dumps(result))
