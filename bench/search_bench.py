"""Time Chinese search in headless Chromium: our header search vs Material's built-in search.

    python bench/search_bench.py OUR_SITE NAIVE_SITE|- → JSON on stdout

For each site: open a page in a fresh browser context (cold: nothing cached), type a query, and
measure the time from typing to the first result, from opening the page to the first result, and
the bytes the query made the browser fetch; then a second query in the same page (warm).
"""

from __future__ import annotations

import functools
import http.server
import json
import sys
import threading
import time

from playwright.sync_api import sync_playwright

QUERIES = ["年轻干部", "两个维护"]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: str) -> tuple[str, http.server.ThreadingHTTPServer]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=directory))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}/", httpd


SITES = {
    "zuzhi-kb": {"input": "input.kb-search__input", "result": ".kb-search__speech"},
    "material": {"input": "input.md-search__input", "result": ".md-search-result__item"},
}


def measure(browser, url: str, kind: str) -> dict:
    sel = SITES[kind]
    context = browser.new_context()
    page = context.new_page()
    sizes: list[int] = []
    page.on("requestfinished", lambda r: sizes.append((r.sizes() or {}).get("responseBodySize", 0)))
    opened = time.perf_counter()
    page.goto(url)
    page.wait_for_load_state("load")
    out = {}
    for n, query in enumerate(QUERIES):
        before = len(sizes)
        page.locator(sel["input"]).click()
        page.locator(sel["input"]).fill("")
        typed = time.perf_counter()
        page.keyboard.insert_text(query)
        page.keyboard.press("End")
        page.wait_for_selector(sel["result"], timeout=120000)
        first = time.perf_counter()
        page.wait_for_timeout(1500)  # let the query's fetches finish before counting bytes
        fetched = sum(sizes[before:])
        label = "cold" if n == 0 else "warm"
        out[label] = {"query": query, "after_typing_s": round(first - typed, 3), "bytes": fetched}
        if n == 0:
            out[label]["after_opening_s"] = round(first - opened, 3)
        page.keyboard.press("Escape")
    context.close()
    return out


TOTALS_QUERIES = ["干部", "党建", "年轻干部", "两个维护", "干部 -年轻"]


def measure_totals(browser, url: str) -> dict:
    """Our results page: exact totals and facets for frequent words, cold (fresh context each)."""
    from urllib.parse import quote

    out = {}
    for query in TOTALS_QUERIES:
        context = browser.new_context()
        page = context.new_page()
        sizes: list[int] = []
        page.goto(url + "search/")
        page.wait_for_load_state("load")
        page.wait_for_function("() => document.getElementById('kb-results').hasAttribute('data-done')")
        page.on("requestfinished", lambda r: sizes.append((r.sizes() or {}).get("responseBodySize", 0)))
        start = time.perf_counter()
        page.evaluate("q => { const i = document.querySelector('.kb-results__input'); i.value = q; i.form.requestSubmit(); }", query)
        page.wait_for_function("() => /^共 |^没有/.test(document.querySelector('.kb-results__status').textContent)", timeout=120000)
        totals = time.perf_counter() - start
        page.wait_for_function("() => document.getElementById('kb-results').hasAttribute('data-done')", timeout=120000)
        page.wait_for_timeout(500)
        out[query] = {"totals_s": round(totals, 3), "status": page.locator(".kb-results__status").inner_text(), "bytes": sum(sizes)}
        context.close()
    return out


def main(our_site: str, naive_site: str) -> dict:
    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for kind, directory in (("zuzhi-kb", our_site), ("material", naive_site)):
            if directory == "-":  # no naive site at this size
                continue
            url, httpd = serve(directory)
            try:
                results[kind] = measure(browser, url, kind)
                if kind == "zuzhi-kb":
                    results["totals"] = measure_totals(browser, url)
            finally:
                httpd.shutdown()
        browser.close()
    return results


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2]), ensure_ascii=False))
