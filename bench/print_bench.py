"""Typesetting speed of study handouts: prints JSON.

    python bench/print_bench.py CORPUS CACHE_DIR SITE_DIR

Times (fresh store, one process) the handout closest to 200 pages (a theme handout, or one year of
a theme as `kb print --theme T --year Y` makes it) and the largest one, as built for the site in
SITE_DIR (its PDFs tell the page counts); lists the size of every PDF of the site; and times headless
Chromium printing the web page that holds the excerpts of the one closest to 200 pages, for comparison.
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
from build_kb.publish.pdf import Printer, _count_pages, _part_pages  # noqa: E402
from build_kb.render.handout import Selection, plan_handouts, selection_handout  # noqa: E402

corpus, cache, site = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
kb = build_knowledge_base(corpus, cache_dir=cache / "speeches")
store = Path(tempfile.mkdtemp(prefix="kb-print-bench-"))
printer_config = load_print_config(corpus)
printer = Printer(printer_config, corpus, store, publisher="组织工作讲话知识库")
handouts = {h.path: h for h in plan_handouts(kb, printer.publisher, printer_config.speech_handouts)}
pages = {path: _count_pages((site / path).read_bytes()) for path in handouts if path.startswith("pdf/themes/") and (site / path).is_file()}
largest = max(pages, key=pages.get)
# The handout closest to 200 pages: a theme handout itself, or a year of one (what `kb print --theme
# T --year Y` makes), its length read from the volume's outline.
candidates = {path: (handouts[path], count) for path, count in pages.items()}
for path in pages:
    handout = handouts[path]
    if handout.parts:
        spans = _part_pages((site / path).read_bytes(), handout.parts, pages[path])
        for key, (first, last) in list(spans.items())[:-1]:  # the last part's pages run on into the source list
            theme_id, year = key.removeprefix("theme:").split("/")
            if year.isdigit():
                part = selection_handout(kb, Selection(themes=[theme_id], years=(int(year), int(year))), printer.publisher, path=f"{theme_id}-{year}.pdf")
                candidates[f"kb print --theme {theme_id} --year {year}"] = (part, last - first + 3)  # + cover and contents
near_200 = min(candidates, key=lambda p: abs(candidates[p][1] - 200))
result = {"handouts": len(handouts), "pdf_bytes": sum(f.stat().st_size for f in (site / "pdf").rglob("*.pdf")),
          "pdf_files": {str(f.relative_to(site)): f.stat().st_size for f in sorted((site / "pdf").rglob("*.pdf"))}}
for label, path in (("near_200", near_200), ("largest", largest)):
    handout = candidates[path][0]
    start = time.perf_counter()
    _, _, count, _ = printer.typeset((path, printer.data(handout), str(store / f"{label}.pdf")))
    result[label] = {"path": path, "pages": count, "seconds": time.perf_counter() - start}
shutil.rmtree(store, ignore_errors=True)
chromium = shutil.which("chromium")
if chromium:
    # The web page with the same excerpts as the handout closest to 200 pages (a theme's year page, or the theme's page).
    if near_200.startswith("kb print"):
        theme_id, year = near_200.split()[3], near_200.split()[5]
        theme_page = site / "themes" / theme_id / year / "index.html"
    else:
        theme_page = site / near_200[len("pdf/"):-len(".pdf")] / "index.html"
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", f"--print-to-pdf={tmp}/x.pdf", theme_page.as_uri()],
                       capture_output=True, timeout=600)
        seconds = time.perf_counter() - start
        result["chromium_theme_page"] = {"page": str(theme_page.relative_to(site)), "pages": _count_pages(Path(tmp, "x.pdf").read_bytes()), "seconds": seconds}
print(json.dumps(result))
