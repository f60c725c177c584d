"""Time the reader's tools (issue #37) in headless Chromium, each in a fresh context (cold cache).

    python bench/work_bench.py SITE → JSON on stdout

- the results page in each search scope (同段, 同句, 同篇), from opening the page to the results;
- 复制引文 and 加入材料篮 on a speech page, from the click to the copied text / the basket's count;
- 对照 of the two speeches of the same meeting in the newest two years, from opening the page to the result.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_bench import ARGS, serve  # noqa: E402

QUERIES = ["干部 监督", "基层 党组织 书记"]


def fresh(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    return context, context.new_page()


def timed(page, url: str, ready: str) -> float:
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_function(ready, timeout=120000)
    return round(time.perf_counter() - start, 3)


def main(site: str) -> dict:
    base, httpd = serve(site)
    speeches = json.loads((Path(site) / "kb.json").read_text(encoding="utf-8"))["speeches"]
    out: dict = {"scopes": {}}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for scope in ("para", "sentence", "speech"):
            for query in QUERIES:
                context, page = fresh(browser)
                seconds = timed(page, f"{base}search/?q={quote(query)}&scope={scope}", "() => document.getElementById('kb-results').hasAttribute('data-done')")
                out["scopes"][f"{scope} {query}"] = {"seconds": seconds, "hits": page.locator("#kb-results").get_attribute("data-hits")}
                context.close()
        context, page = fresh(browser)
        page.goto(base + speeches[0]["url"])
        page.locator("#p3").hover()
        start = time.perf_counter()
        page.locator("#p3 .kb-tools button[data-act=copy]").click()
        page.wait_for_function("document.documentElement.hasAttribute('data-kb-copied')")
        out["copy_seconds"] = round(time.perf_counter() - start, 3)
        page.locator("#p4").hover()
        start = time.perf_counter()
        page.locator("#p4 .kb-tools button[data-act=basket]").click()
        page.wait_for_selector(".kb-basket-badge")
        out["basket_add_seconds"] = round(time.perf_counter() - start, 3)
        context.close()
        dated = sorted((s for s in speeches if s["year"]), key=lambda s: s["date"] or "", reverse=True)
        a, b = dated[0], next(s for s in dated if s["year"] != dated[0]["year"])
        context, page = fresh(browser)
        out["compare_seconds"] = timed(page, f"{base}compare/?a={a['id']}&b={b['id']}", "() => document.getElementById('kb-compare').hasAttribute('data-result')")
        context.close()
        browser.close()
    httpd.shutdown()
    return out


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1]), ensure_ascii=False, indent=1))
