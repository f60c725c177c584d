"""`make bench`: build and search benchmarks at N = 100, 1,000, 2,000 and 10,000 speeches, with the
naive build (one page per raw file, stock Material search) beside them. Prints tables and writes
bench/RESULTS.md.

    python bench/run.py [--keep] [N ...]   (default: 100 1000 2000 10000; --keep: keep the other
                                           sizes' rows from the last run, each row names its commit)

From N = 10,000 on, builds leave the study handouts out (`--no-pdf`): they would be 5 GB of PDF,
and printing time is linear in N (see the N = 1,000 row, which typesets them); and only the edit
rebuild is measured (each rebuild there takes minutes; add and delete are measured up to 2,000).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
OUT = BENCH / "out"
sys.path.insert(0, str(ROOT))

from build_kb.ingest.read import decode  # noqa: E402

PY = sys.executable
STAGES = ["per-speech (wall)", "read", "clean", "parse", "classify", "words", "candidates", "terms", "related", "print", "render", "mkdocs", "search index", "export"]
CPU_STAGES = {"read", "clean", "parse", "classify", "words", "candidates"}
"""Measured as CPU seconds summed over the worker processes; "per-speech (wall)" is their elapsed time."""
SEARCH_AT = {1000, 10000}
PRINT_AT = 1000
NO_PDF_FROM = 10000
NAIVE_UP_TO = 2000
"""The naive build puts the whole navigation on every page: its size and time grow with N², about
30 GB at N = 10,000 (1.24 GB at 2,000), so it is not run beyond this."""


def run_json(*args) -> dict:
    result = subprocess.run([PY, *map(str, args)], capture_output=True, text=True, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return json.loads(result.stdout.strip().splitlines()[-1])


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


def corpus_for(n: int) -> Path:
    corpus = BENCH / "corpora" / str(n)
    if not corpus.exists() or len(list(corpus.glob("*.txt"))) != n:
        subprocess.run([PY, str(BENCH / "generate.py"), str(n), str(corpus)], check=True)
    return corpus


def middle_speech(corpus: Path) -> Path:
    files = sorted(corpus.glob("*.txt"))
    return files[len(files) // 2]


def edit_one(corpus: Path):
    """Change one speech (append a sentence in its own encoding); return how to undo it."""
    path = middle_speech(corpus)
    old = path.read_bytes()
    text, encoding = decode(old, path.name)
    codec = {"utf-8-sig": "utf-8-sig", "utf-16": "utf-16"}.get(encoding, encoding)
    path.write_bytes((text + "\n同志们，会后要抓好落实。\n").encode(codec))
    return lambda: path.write_bytes(old)


def add_one(corpus: Path):
    """Add a speech: a copy of one with a new title, a date within the corpus's years and a closing
    sentence of its own (a copy of the text alone would be recognised as a duplicate and built once)."""
    text, _ = decode(middle_speech(corpus).read_bytes(), "x")
    new = corpus / "zz-added.txt"
    new.write_text("在全市组织工作专题推进会上的讲话\n（2024年12月30日）\n" + text.split("\n", 2)[-1] + "同志们，专题推进会的任务已经明确，关键在于抓落实。\n", encoding="utf-8")
    return new.unlink


def add_newest(corpus: Path):
    """Add this year's speech: newer than any in the corpus, as most of a curator's additions are
    (it moves what depends on the newest date: handout covers, the build date)."""
    text, _ = decode(middle_speech(corpus).read_bytes(), "x")
    years = [int(m.group(1)) for p in corpus.glob("*.txt") if (m := re.search(r"_(\d{4})\.txt$", p.name))]
    new = corpus / "zz-newest.txt"
    new.write_text(f"在全市组织工作会议上的讲话\n（{max(years, default=2029) + 1}年1月8日）\n" + text.split("\n", 2)[-1] + "同志们，新的一年，要把会议精神落到实处。\n", encoding="utf-8")
    return new.unlink


def rename_one(corpus: Path):
    """Rename one speech's file: its id and address follow the name, so every page linking to it changes."""
    path = middle_speech(corpus)
    renamed = path.with_name("renamed-" + path.name)
    path.rename(renamed)
    return lambda: renamed.rename(path)


def override_one(corpus: Path):
    """Correct one speech's metadata in speeches.yaml (a curator's override)."""
    overrides = corpus / "speeches.yaml"
    old = overrides.read_bytes() if overrides.exists() else None
    overrides.write_text(f"{middle_speech(corpus).name}:\n  speaker: 张某某\n  speaker_role: 市委常委、组织部部长\n", encoding="utf-8")
    return (lambda: overrides.write_bytes(old)) if old is not None else overrides.unlink


def delete_one(corpus: Path):
    """Delete one speech (moved aside, put back afterwards)."""
    path = middle_speech(corpus)
    aside = corpus.parent / (corpus.name + ".aside")
    path.rename(aside)
    return lambda: aside.rename(path)


CHANGES = (("edit", edit_one), ("add", add_one), ("add newest", add_newest), ("rename", rename_one), ("override", override_one), ("delete", delete_one))


def bench_size(n: int) -> dict:
    corpus = corpus_for(n)
    out = OUT / str(n)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    site, cache = out / "site", out / "cache"
    pdf = "--pdf" if n < NO_PDF_FROM else "--no-pdf"
    print(f"[{n}] full build …", flush=True)
    full = run_json(BENCH / "build_once.py", corpus, site, cache, pdf)
    stages = dict(full["timings"])  # "mkdocs" is measured by build() itself now
    full_nopdf = None
    if pdf == "--pdf":  # the handouts are typeset beside the other stages: a build without them is measured, not derived
        print(f"[{n}] full build without handouts …", flush=True)
        full_nopdf = run_json(BENCH / "build_once.py", corpus, out / "site-nopdf", out / "cache-nopdf", "--no-pdf")["total"]
        shutil.rmtree(out / "site-nopdf", ignore_errors=True)
        shutil.rmtree(out / "cache-nopdf", ignore_errors=True)
    print(f"[{n}] rebuild with nothing changed …", flush=True)
    again = run_json(BENCH / "build_once.py", corpus, site, cache, pdf)
    rebuilds = {}
    changes = CHANGES if n < NO_PDF_FROM else (("edit", edit_one),)
    for k, (name, change) in enumerate(changes):
        undo = change(corpus)
        try:
            print(f"[{n}] rebuild after one speech: {name} …", flush=True)
            rebuilds[name] = run_json(BENCH / "build_once.py", corpus, site, cache, pdf)["total"]
        finally:
            undo()
        if k + 1 < len(changes) or n < NO_PDF_FROM:
            run_json(BENCH / "build_once.py", corpus, site, cache, pdf)  # back to the unchanged corpus
    naive_dir = out / "naive"
    naive_seconds = None
    if n <= NAIVE_UP_TO:
        print(f"[{n}] naive build …", flush=True)
        start = time.perf_counter()
        subprocess.run([PY, str(BENCH / "naive.py"), str(corpus), str(naive_dir)], check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        naive_seconds = time.perf_counter() - start
    # The text as the site holds it, in UTF-8: the corpus files mix GB18030 and UTF-16 (two bytes a
    # character) with UTF-8 (three), so their own size understates the text.
    text_bytes = sum(len(decode(p.read_bytes(), p.name)[0].encode("utf-8")) for p in corpus.glob("*.txt"))
    stored_bytes = sum(p.stat().st_size for p in corpus.glob("*.txt"))
    row = {
        "n": n,
        "full_s": full["total"],
        "full_nopdf_s": full_nopdf if full_nopdf is not None else full["total"],
        "stages": stages,
        "peak_mb": full["peak_mb"],
        "peak_all_mb": full.get("peak_all_mb"),
        "peak_mb_by_stage": full.get("peak_mb_by_stage", {}),
        "nochange_s": again["total"],
        "nochange_skipped": again["skipped"],
        "onechange_s": rebuilds["edit"],
        "rebuild_s": rebuilds,
        "pdf": pdf == "--pdf",
        "site_folders": {p.name: size(p) if p.is_dir() else p.stat().st_size for p in sorted(site.iterdir()) if not p.name.startswith(".")},
        "site_bytes": size(site),
        "search_bytes": size(site / "search"),
        "pdf_bytes": size(site / "pdf") if (site / "pdf").exists() else 0,
        "corpus_bytes": text_bytes,
        "corpus_stored_bytes": stored_bytes,
        "naive_s": naive_seconds,
        "naive_site_bytes": size(naive_dir / "site") if naive_seconds else None,
        "naive_search_bytes": size(naive_dir / "site" / "search") if naive_seconds else None,
    }
    if n == PRINT_AT:
        print(f"[{n}] study handouts …", flush=True)
        row["print"] = run_json(BENCH / "print_bench.py", corpus, cache, site)
    if n in SEARCH_AT and shutil.which("chromium"):
        print(f"[{n}] search in headless Chromium …", flush=True)
        row["search"] = run_json(BENCH / "search_bench.py", site, naive_dir / "site" if naive_seconds else "-")
    return row


def mb(b: int) -> str:
    return f"{b / 1e6:.1f} MB"


def _stored(row: dict) -> str:
    """The corpus files' own size beside the text's, when measured."""
    return f" ({mb(row['corpus_stored_bytes'])} as stored)" if row.get("corpus_stored_bytes") else ""


def _all_processes(row: dict) -> str:
    """The peak sum of PSS over the build and its children (bench/build_once.py), when measured."""
    return f"{row['peak_all_mb']:.0f} MB" if row.get("peak_all_mb") else "not measured"


def report(rows: list[dict]) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"date {dt.date.today().isoformat()}. Corpora from `bench/generate.py` (seeds recombined, ~20 KB per speech, "
        "UTF-8/GB18030/UTF-16 mixed). Cold builds start without cache. Produced by `make bench`. "
        "Sizes are compared with the corpus text in UTF-8, the encoding of the site (the files as stored are "
        "smaller: GB18030 and UTF-16 take two bytes a character where UTF-8 takes three).",
        "",
        "## Builds",
        "",
        "| N | handouts | full build | per speech | naive build | naive ÷ ours | no-change rebuild | peak memory: build process (all processes) | site | search files | corpus text |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['n']} ({r.get('commit', '?')}, {r.get('date', '?')}) | {'yes' if r.get('pdf', True) else 'no'} | {r['full_s']:.1f} s | {r['full_s'] / r['n'] * 1000:.0f} ms | "
            + (f"{r['naive_s']:.1f} s | {r['naive_s'] / r['full_s']:.2f}× | " if r.get("naive_s") else "not run (see below) | — | ")
            + f"{r['nochange_s']:.2f} s | {r['peak_mb']:.0f} MB ({_all_processes(r)}) | {mb(r['site_bytes'])} ({r['site_bytes'] / r['corpus_bytes']:.1f}× text; "
            f"{(r['site_bytes'] - r.get('pdf_bytes', 0)) / r['corpus_bytes']:.1f}× without the PDFs) | "
            f"{mb(r['search_bytes'])} ({r['search_bytes'] / r['corpus_bytes']:.2f}× text) | {mb(r['corpus_bytes'])}{_stored(r)} |"
        )
    without_print = [(r["n"], r.get("full_nopdf_s", r["full_s"] - r["stages"].get("print", 0))) for r in rows]
    if len(without_print) > 1:
        lines += ["", "Cold build without handouts, a build of its own (comparable across N: handouts are left out from N = 10,000 on): "
                  + "; ".join(f"N = {n}: {sec:.1f} s" for n, sec in without_print) + ". "
                  + " ".join(f"N = {n1} takes {s1 / s0:.1f}× the time of N = {n0} for {n1 / n0:.0f}× the speeches."
                             for (n0, s0), (n1, s1) in zip(without_print, without_print[1:]) if n0 >= 1000)
                  + "".join(f" N = {n1} takes {s1 / s0:.1f}× the time of N = 1000 (linear: {n1 // 1000}×)."
                            for n0, s0 in without_print if n0 == 1000 for n1, s1 in without_print if n1 > 2000)]
    lines += ["", "### Rebuild after one speech changed (with the cache), and its share of the full build", "",
              "| N | " + " | ".join(name for name, _ in CHANGES) + " |", "|---" * (len(CHANGES) + 1) + "|"]
    for r in rows:
        rebuilds = r.get("rebuild_s", {"edit": r["onechange_s"]})
        lines.append(f"| {r['n']} | " + " | ".join(
            f"{rebuilds[k]:.1f} s ({rebuilds[k] / r['full_s'] * 100:.0f} %)" if k in rebuilds else "—" for k, _ in CHANGES) + " |")
    lines += ["", "edit: a sentence appended to one speech; add: a speech dated within the corpus's years; add newest: "
              "one newer than every other (this year's, the usual case); rename: one file renamed; override: one "
              "speech's speaker corrected in speeches.yaml; delete: one speech removed."]
    folders = sorted({f for r in rows for f in r.get("site_folders", {})}, key=lambda f: -max(r.get("site_folders", {}).get(f, 0) for r in rows))[:9]
    lines += ["", "### Site size by folder (MB)", "", "| N | " + " | ".join(folders) + " |", "|---" * (len(folders) + 1) + "|"]
    for r in rows:
        lines.append(f"| {r['n']} | " + " | ".join(f"{r.get('site_folders', {}).get(f, 0) / 1e6:.1f}" for f in folders) + " |")
    lines += ["", "Naive build for comparison: site / search index of the naive build:", ""]
    for r in rows:
        if r.get("naive_s"):
            lines.append(f"- N = {r['n']}: naive site {mb(r['naive_site_bytes'])}, Material search index {mb(r['naive_search_bytes'])}")
        else:
            lines.append(f"- N = {r['n']}: not run. The naive build puts the whole navigation on every page, so its size and time grow with N² "
                         "(1.24 GB at 2,000; about 30 GB at 10,000).")
    lines += ["", "## Full build by stage (seconds)", "", "| N | " + " | ".join(STAGES) + " |", "|---" * (len(STAGES) + 1) + "|"]
    for r in rows:
        lines.append(f"| {r['n']} | " + " | ".join(f"{r['stages'].get(s, 0):.1f}" for s in STAGES) + " |")
    memory_stages = [s for s in STAGES if any(s in r.get("peak_mb_by_stage", {}) for r in rows)]
    if memory_stages:
        lines += ["", "## Peak memory so far at the end of each stage (MB): where it jumps is what costs", "",
                  "| N | " + " | ".join(memory_stages) + " |", "|---" * (len(memory_stages) + 1) + "|"]
        for r in rows:
            lines.append(f"| {r['n']} | " + " | ".join(f"{r.get('peak_mb_by_stage', {}).get(s, 0):.0f}" for s in memory_stages) + " |")
    lines += ["", "read, clean, parse, classify, words (for related passages) and candidates (提法 candidates) run per speech in two forked worker processes: their columns are CPU seconds "
              "summed over both workers (they may exceed elapsed time); \"per-speech (wall)\" is the elapsed time of that part. "
              "mkdocs = the MkDocs theme laying out the pages (measured by build()).",
              "print = the study handouts, planned and typeset with Typst by a forked child (with two workers of its own) beside the 提法 and related-passage stages, "
              "as the search index is; its seconds are the child's own, and its memory column the child's peak. PDFs are kept in the cache by content, so rebuilds only typeset the handouts that changed.",
              "search index = written by a child while the build goes on: forked before parsing, while the build process is still small, "
              "it is sent the speeches' cache keys once they are parsed and reads, one speech at a time, the search entry it keeps under each key (or the speech itself, when the entry is not there yet). Its seconds are its own, beside the other stages, "
              "and its memory column is its own peak RSS (\"peak memory\" in the first table is the build process's, and in brackets the sum over all processes).",
              "The largest sum of PSS over all processes is what the machine needs: a child forked beside the knowledge base would end up with a private copy of every page either process writes after the fork."]
    for r in rows:
        if "print" in r:
            p = r["print"]
            lines += ["", f"## Study handouts at N = {r['n']} (`bench/print_bench.py`)", "",
                      f"{p['handouts']} handouts, {mb(p['pdf_bytes'])} of PDF: {p['pdf_bytes'] / r['corpus_bytes']:.2f}× the corpus text ({mb(r['corpus_bytes'])}; target ≤ 2×, #35). "
                      + "; ".join(f"{path} {mb(size)}" for path, size in p.get("pdf_files", {}).items()) + ".", "",
                      "Typesetting one handout in a fresh process:", "",
                      "| handout | pages | seconds |", "|---|---|---|",
                      f"| {p['near_200']['path']} (closest to 200 pages) | {p['near_200']['pages']} | {p['near_200']['seconds']:.2f} |",
                      f"| {p['largest']['path']} (largest) | {p['largest']['pages']} | {p['largest']['seconds']:.2f} |"]
            if "chromium_theme_page" in p:
                c = p["chromium_theme_page"]
                lines.append(f"| headless Chromium printing {c['page']} (the same excerpts as the one closest to 200 pages, web layout; browser start included) | {c['pages']} | {c['seconds']:.2f} |")
    for r in rows:
        if "search" in r:
            lines += ["", f"## Search at N = {r['n']} (headless Chromium, cold = fresh browser context)", "",
                      "| engine | first results after typing (cold) | from opening the page | fetched for the cold query | warm query | fetched (warm) |",
                      "|---|---|---|---|---|---|"]
            for engine, s in r["search"].items():
                if engine == "totals":
                    continue
                lines.append(
                    f"| {engine} | {s['cold']['after_typing_s']:.2f} s | {s['cold']['after_opening_s']:.2f} s | {s['cold']['bytes'] / 1e3:.0f} KB | "
                    f"{s['warm']['after_typing_s']:.2f} s | {s['warm']['bytes'] / 1e3:.0f} KB |"
                )
            if "material" in r["search"]:
                ours, theirs = r["search"]["zuzhi-kb"]["cold"], r["search"]["material"]["cold"]
                lines.append("")
                lines.append(f"Material ÷ zuzhi-kb, cold first results: {theirs['after_typing_s'] / max(ours['after_typing_s'], 1e-3):.1f}×; bytes: {theirs['bytes'] / max(ours['bytes'], 1):.0f}×.")
            if "totals" in r["search"]:
                lines += ["", "Results page (search/), each query cold in a fresh browser context: time from submitting the query to the exact totals and facets, and bytes loaded.", "",
                          "| query | totals and facets after | loaded | result |", "|---|---|---|---|"]
                for query, t in r["search"]["totals"].items():
                    lines.append(f"| {query} | {t['totals_s']:.2f} s | {t['bytes'] / 1e3:.0f} KB | {t['status']} |")
    return "\n".join(lines) + "\n"


def commit() -> str:
    result = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return result.stdout.strip() or "unknown"


HAND_WRITTEN = "<!-- Written by hand from here on: make bench keeps it. -->"


def hand_written(results: Path) -> str:
    """The part of RESULTS.md below HAND_WRITTEN (what the figures mean, what was tried), kept across runs."""
    old = results.read_text(encoding="utf-8") if results.exists() else ""
    return "\n" + old[old.index(HAND_WRITTEN):] if HAND_WRITTEN in old else ""


def main(sizes: list[int], keep: bool = False) -> None:
    """Benchmark `sizes`; with `keep`, rows of other sizes are kept from the last results.json."""
    rows = [dict(bench_size(n), commit=commit(), date=dt.date.today().isoformat()) for n in sizes]
    if keep and (OUT / "results.json").exists():
        kept = [r for r in json.loads((OUT / "results.json").read_text(encoding="utf-8")) if r["n"] not in sizes]
        rows = sorted(kept + rows, key=lambda r: r["n"])
    text = report(rows)
    print(text)
    (BENCH / "RESULTS.md").write_text(text + hand_written(BENCH / "RESULTS.md"), encoding="utf-8")
    (OUT / "results.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    args = sys.argv[1:]
    main([int(x) for x in args if x != "--keep"] or [100, 1000, 2000, 10000], keep="--keep" in args)
