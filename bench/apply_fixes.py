"""What each 待核对 fix DOES: every item's one-line fix applied alone, as a curator would, and checked.

    .venv/bin/python bench/apply_fixes.py [--tune /work/tune] [--only round10] [--no-docs] [--show 3] [--json FILE]

For every set of dev pages (the web sets: each `*/heldout` and `*/*/heldout` folder of .txt pages under --tune,
built as the rounds' score.py builds them — the pages copied into a scratch corpus, this checkout's shipped rules;
the documents sets: each `*/docs/heldout`, imported one by one with this checkout's real `kb add` into a scratch
corpus holding its default YAML), the corpus is built once and `kb check --format json` (check.check_report) is
read as the curator reads it. Then, for every 待核对 item and every way out its fix offers, that one YAML line is
pasted where the fix says (the `replaces` line changed, or a line added under the entry's line, or a new entry at
the end of speeches.yaml), the corpus is parsed again (the speech cache re-reads only what the edit touched: a
speech whose entry did not change comes from the cache, one whose entry did is parsed again), and:

  (a) the item is gone from the speech's 待核对 items;
  (b) exactly the promised change happened — drop_lines: what stood on the line is gone and on the removed list;
      keep_lines: the line is published (as it was, when it was kept already); heading_lines: each named line is a
      heading of its level and nothing else moved; speaker/date/year/title/occasion/issuer: the field holds the
      value; section_themes: the section's themes; reviewed: nothing — and nothing else of the speech changed
      (its published texts line by line, its metadata, its removed lines; themes count only for section_themes);
  (c) no other speech changed;
  (d) speeches.yaml as written loads (a refusal is a build error with file and line).

A value the curator has to fill in (YYYY-MM-DD, 姓名, 会议名称, 专题id …) is filled with a plausible one; the same line
pasted unfilled must be refused in one line (counted apart: `placeholder pasted as is`). The unnumbered-headings'
second way is also tried with one number deleted (the promise: that line becomes a paragraph again).

Each way is counted as: works / does nothing (the speech and its items unchanged) / does something else (the item
stays, the promised change is missing, or more changed) / breaks the build (speeches.yaml refused, the speech no
longer built, or an error). Figures per kind of fix (item code × key); --show N prints the first N failures of
each kind (dev material only: the pages stay on this machine, nothing of them goes into the repository).

Scratch corpora and the speech cache live under --work (default /tmp/apply_fixes-work), outside the repository.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import logging  # noqa: E402

from build_kb.check import check_report  # noqa: E402
from build_kb.errors import KbError  # noqa: E402
from build_kb.pipeline import parse_corpus  # noqa: E402

SPEECHES = "speeches.yaml"
FIELDS = ("title", "subtitle", "title_derived", "date", "year", "speaker", "speaker_role", "occasion", "level",
          "issuer", "doc_number", "addressees", "attachments")
FILLED = {  # what a curator writes in place of the fix's example value
    "YYYY-MM-DD": "2020-06-15", "MM-DD": "06-15", "姓名": "王建国", "会议名称": "全县组织工作会议",
    "发文机关名称": "中共青山县委员会", "YYYY": "2020",
}
PLACEHOLDER = re.compile("|".join(sorted(map(re.escape, FILLED), key=len, reverse=True)) + "|专题id")
OUTCOMES = ("works", "does nothing", "does something else", "breaks the build")


# ------------------------------------------------------------------ the corpora


def web_sets(tune: Path) -> list[Path]:
    found = sorted({Path(p).parent for pat in ("*/heldout/*.txt", "*/*/heldout/*.txt") for p in glob.glob(str(tune / pat))})
    return [d for d in found if "/docs/" not in str(d)]


def doc_sets(tune: Path) -> list[Path]:
    return sorted(Path(p) for p in glob.glob(str(tune / "*/docs/heldout")) if any(Path(p).iterdir()))


def code_key() -> str:
    digest = hashlib.sha256()
    for path in sorted((ROOT / "build_kb").rglob("*.py")) + sorted((ROOT / "corpus").glob("*.y*ml")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def web_corpus(folder: Path, work: Path) -> tuple[Path, Path]:
    """The pages in a corpus of their own; the rules are this checkout's (score.py's `--rules CHECKOUT/corpus`)."""
    corpus = work / "corpus"
    if not corpus.is_dir():
        corpus.mkdir(parents=True)
        for page in sorted(folder.glob("*.txt")):
            shutil.copy(page, corpus / page.name)
    return corpus, ROOT / "corpus"


def docs_corpus(folder: Path, work: Path) -> tuple[Path, Path]:
    """Every document through `kb add` into a corpus holding the default YAML (docs/score.py's way)."""
    corpus = work / "corpus"
    if not (work / "imported").exists():
        shutil.rmtree(corpus, ignore_errors=True)
        corpus.mkdir(parents=True)
        for rules in sorted((ROOT / "corpus").glob("*.y*ml")):
            shutil.copy2(rules, corpus / rules.name)
        for doc in sorted(p for p in folder.iterdir() if p.is_file()):
            subprocess.run([sys.executable, "-m", "build_kb", "add", str(doc), "--corpus", str(corpus)], cwd=ROOT,
                           env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=900, stdin=subprocess.DEVNULL)
        (work / "imported").write_text("")
    return corpus, corpus


# ------------------------------------------------------------------ what a speech is, to compare


def snapshot(speech) -> dict:
    units = Counter()
    for h in speech.header:
        units[(h.line, "header " + h.role, h.text)] += 1
    themes = {}
    for section in speech.all_sections():
        if section.heading:
            units[(section.line, f"heading {section.level}", section.heading)] += 1
        themes[section.id] = tuple(section.themes)
        for p in section.paragraphs:
            units[(p.line, "paragraph", p.text)] += 1
    return {
        "units": units,
        "fields": {name: getattr(speech, name) for name in FIELDS},
        "removed": Counter((r.line, r.rule, r.text) for r in speech.clean.removed),
        "themes": themes,
        "review": [(i.code, i.line, i.section, i.message) for i in speech.review],
    }


def same_item(a, b) -> bool:
    """The same item before and after: by its code and line (a section's id moves when a heading is made), by its
    section when it has no line."""
    return a[:2] == b[:2] and (a[1] is not None or a[2] == b[2])


# ------------------------------------------------------------------ pasting a fix as the curator does


def paste(yaml_text: str, way: dict, rel: str) -> str:
    """speeches.yaml with the fix's line written where `where` says: in place of line `replaces`, on a new line
    (two spaces in) under the entry's line, or as a new entry at the end of the file."""
    lines = yaml_text.split("\n") if yaml_text else []
    if lines and lines[-1] == "":
        lines.pop()
    if way["replaces"]:
        old = lines[way["replaces"] - 1]
        lines[way["replaces"] - 1] = old[: len(old) - len(old.lstrip())] + way["yaml"]
    elif "末尾" in way["where"]:
        lines += [json.dumps(rel, ensure_ascii=False) + ":", "  " + way["yaml"]]
    else:
        under = int(re.search(r"（第 (\d+) 行）加一行", way["where"]).group(1))
        lines.insert(under, "  " + way["yaml"])
    return "\n".join(lines) + "\n"


def filled(yaml_line: str, theme: str) -> str:
    return PLACEHOLDER.sub(lambda m: theme if m.group() == "专题id" else FILLED[m.group()], yaml_line)


def promised(way: dict, item: dict, entry) -> tuple[str, object]:
    """(key, what the fix adds): the new line numbers of a list key, the mapping of heading_lines, the value else."""
    import yaml

    key, value = way["yaml"].split(":", 1)
    value = yaml.safe_load(value)
    if key in ("drop_lines", "keep_lines", "reviewed"):
        had = set(entry.values.get(key, []) if entry and entry.values.get(key) is not True else [])
        return key, sorted(set(value) - had, key=str)
    return key, value


# ------------------------------------------------------------------ judging one rebuild


def changed_lines(before: Counter, after: Counter) -> set[int]:
    return {unit[0] for unit in (before - after) + (after - before)}


def letters(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def judge(key: str, value, item: dict, label: str, rel: str, base_all: dict, after_all: dict) -> tuple[str, str]:
    """(outcome, why) of one rebuild."""
    if rel not in after_all:
        return "breaks the build", "the speech is no longer built"
    b, a = base_all[rel], after_all[rel]
    others = sorted(r for r in base_all if r != rel and base_all[r] != after_all.get(r))
    still = any(same_item(x, (item["code"], item["line"], item["section"])) for x in a["review"])
    new_items = [x for x in a["review"] if not any(same_item(x, y) for y in b["review"])]
    lines = changed_lines(b["units"], a["units"])
    fields = {n for n in FIELDS if b["fields"][n] != a["fields"][n]}
    removed_lines = {r[0] for r in (b["removed"] - a["removed"]) + (a["removed"] - b["removed"])}
    problems = []
    if key == "drop_lines":
        gone = [u for u in a["units"] if u[0] in value]
        if gone:
            problems.append(f"line {value} still published: {gone[0][2][:30]!r}")
        if not any(r[0] in value for r in a["removed"]):
            problems.append(f"line {value} not on the removed list")
        allowed = set(value)
        doubted = letters(item["message"].rsplit("：", 1)[-1])[:12]
        lost = [u for u in b["units"] if u[0] in value and doubted not in letters(u[2]) and u[1] not in ("header repeat", "header note")]
        if lost and "也删去" not in label:  # drop_lines takes the whole line: what else it held goes, said or not
            problems.append("also dropped, unsaid: " + "; ".join(f"{u[1]} {u[2][:20]!r}" for u in lost))
        header_roles = {u[1].split()[1] for u in b["units"] if u[0] in value and u[1].startswith("header")}
        fields -= {f for f in fields if f in header_roles or (f == "year" and "date" in header_roles) or (f == "title_derived" and "title" in header_roles)}
    elif key == "keep_lines":
        if not any(u[0] in value for u in a["units"]):
            problems.append(f"line {value} not published")
        if any(r[0] in value for r in a["removed"]):
            problems.append(f"line {value} still on the removed list")
        allowed = set(value)
    elif key == "heading_lines":
        heads = {u[0]: int(u[1].split()[1]) for u in a["units"] if u[1].startswith("heading")}
        wrong = {n: heads.get(n) for n, level in value.items() if heads.get(n) != level}
        if wrong:
            problems.append(f"headings not as written: {wrong}")
        allowed = {n for n in lines if n in value or any(u[0] == n and u[1].startswith("heading") for u in b["units"])}
    elif key == "section_themes":
        for section, themes in value.items():
            if tuple(themes) != tuple(a["themes"].get(section, ())):
                problems.append(f"themes of {section}: {a['themes'].get(section)}")
        allowed = set()
    elif key == "reviewed":
        allowed = set()
    else:
        allowed = set()
        field = "speaker" if key == "speaker" else key
        want = value or None
        got = a["fields"][field]
        if key == "date":
            got = str(got) if got else None
            want = str(want)
        if key == "title" and value == b["fields"]["title"]:
            fields.discard("title_derived")
        if got != want:
            problems.append(f"{field} = {got!r}, not {want!r}")
        fields -= {field, *({"speaker_role"} if key == "speaker" and not value else set()), *({"year"} if key in ("date",) else set()), *({"date"} if key == "year" else set())}
        lines -= {u[0] for u in b["units"] if u[1].startswith("header")} if key == "title" else set()
    if b["fields"]["title_derived"] and a["fields"]["title_derived"]:
        fields.discard("title")  # a title made from the headings follows them
    extra = sorted(lines - allowed)
    if extra:
        problems.append(f"also changed line(s) {extra[:5]}: " + "; ".join(f"{u[1]} {u[2][:24]!r}" for u in ((b['units'] - a['units']) + (a['units'] - b['units'])) if u[0] in extra)[:160])
    if fields:
        problems.append("also changed " + ", ".join(f"{f} {b['fields'][f]!r}→{a['fields'][f]!r}" for f in sorted(fields)))
    if removed_lines - allowed - set(extra):
        problems.append(f"removed list changed at {sorted(removed_lines - allowed)[:5]}")
    if new_items:
        problems.append("new item(s): " + "; ".join(f"{x[0]} {x[3][:40]}" for x in new_items[:2]))
    if others:
        problems.append(f"other speeches changed: {others[:3]}")
    if still and not problems and b == a:
        return "does nothing", "the item stays and nothing changed"
    if still:
        problems.insert(0, "the item stays")
    return ("works", "") if not problems else ("does something else", "; ".join(problems))


# ------------------------------------------------------------------ the run


def build(corpus: Path, rules: Path, cache: Path):
    parsed = parse_corpus(corpus, rules_dir=rules, cache_dir=cache)
    return parsed.kb


def run_set(name: str, corpus: Path, rules: Path, cache: Path, results: list, log_every: float = 60.0):
    yaml_path = corpus / SPEECHES
    original = yaml_path.read_text(encoding="utf-8") if yaml_path.exists() else ""
    kb = build(corpus, rules, cache)
    report = check_report(kb)
    base = {s.source.rel_path: snapshot(s) for s in kb.speeches}
    theme = kb.themes[0].id if kb.themes else "theme"
    started = last = time.time()
    try:
        for speech in report["speeches"]:
            rel, entry = speech["file"], kb.entries.get(speech["file"])
            for item in speech["to_check"]:
                for way in trials(item, speech):
                    line = filled(way["yaml"], theme)
                    kind = f"{item['code']} → {way['yaml'].split(':', 1)[0]}" + (" (one number deleted)" if way.get("variant") else "")
                    row = {"set": name, "file": rel, "kind": kind, "item": item["message"][:80], "line": line, "where": way["where"]}
                    text = paste(original, {**way, "yaml": line}, rel)
                    yaml_path.write_text(text, encoding="utf-8")
                    try:
                        after_kb = build(corpus, rules, cache)
                    except KbError as exc:
                        row.update(outcome="breaks the build", why=one_line(str(exc)))
                        results.append(row)
                        continue
                    finally:
                        yaml_path.write_text(original, encoding="utf-8") if original else yaml_path.unlink()
                    after_all = {s.source.rel_path: snapshot(s) for s in after_kb.speeches}
                    errors = [str(p) for p in after_kb.problems if p.file.endswith(SPEECHES) or (p.file == rel and p.severity == "error")]
                    key, value = promised({**way, "yaml": line}, item, entry)
                    outcome, why = judge(key, value, item, way["label"], rel, base, after_all)
                    if errors and outcome == "works":
                        outcome, why = "does something else", "problem: " + errors[0]
                    row.update(outcome=outcome, why=why)
                    results.append(row)
                    if PLACEHOLDER.search(way["yaml"]):
                        results.append(literal_paste(name, rel, way, original, yaml_path, corpus, rules, cache, kind))
                    if time.time() - last > log_every:
                        last = time.time()
                        print(f"  {name}: {len(results)} fixes tried, {last - started:.0f} s", file=sys.stderr)
    finally:
        if original:
            yaml_path.write_text(original, encoding="utf-8")
        elif yaml_path.exists():
            yaml_path.unlink()


def trials(item: dict, speech: dict) -> list[dict]:
    """The item's ways out; unnumbered-headings' heading_lines also with its last number deleted."""
    ways = [dict(w) for w in item["fixes"]]
    for way in list(ways):
        if item["code"] == "unnumbered-headings" and way["yaml"].startswith("heading_lines:"):
            listed = [int(n) for n in re.search(r"第 ([\d, ]+) 行", item["message"]).group(1).split(", ")]
            pairs = re.findall(r"(\d+): (\d+)", way["yaml"])
            kept = [f"{n}: {lv}" for n, lv in pairs if int(n) != listed[-1]]
            ways.append({**way, "yaml": "heading_lines: {" + ", ".join(kept) + "}", "variant": listed[-1]})
    return ways


def literal_paste(name, rel, way, original, yaml_path, corpus, rules, cache, kind) -> dict:
    """The fix pasted with its example value unfilled: refused in one line is right."""
    row = {"set": name, "file": rel, "kind": kind + " (placeholder pasted as is)", "item": "", "line": way["yaml"], "where": way["where"]}
    yaml_path.write_text(paste(original, way, rel), encoding="utf-8")
    try:
        build(corpus, rules, cache)
        row.update(outcome="does something else", why="accepted unfilled")
    except KbError as exc:
        row.update(outcome="works", why=one_line(str(exc)))
    finally:
        yaml_path.write_text(original, encoding="utf-8") if original else yaml_path.unlink()
    return row


REASONS = (
    ("the item stays", "the item stays"), ("also dropped, unsaid", "text dropped unsaid"), ("also changed line", "other lines of the speech"),
    ("also changed title", "title or header fields"), ("also changed", "other fields"), ("new item", "a new 待核对 item"),
    ("other speeches", "another speech"), ("removed list", "the removed list"), ("accepted unfilled", "an example accepted as a value"),
    ("not", "the promised change missing"), ("headings not", "the promised change missing"), ("themes of", "the promised change missing"),
    ("problem", "a build problem"),
)


def reason_class(part: str) -> str:
    """What kind of 'something else' a why-part names (for the summary line)."""
    if part.startswith("also changed") and not part.startswith("also changed line"):
        return "title or header fields" if re.search(r"\b(title|subtitle|occasion|level|date|year|speaker)\b", part) else "other fields"
    if re.match(r"line \[.*\] (still|not)", part) or re.match(r"\w+ = ", part):
        return "the promised change missing"
    return next((name for start, name in REASONS if part.startswith(start)), "")


def one_line(text: str) -> str:
    return text if "\n" not in text.strip() else "MULTI-LINE: " + text.replace("\n", " ⏎ ")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tune", type=Path, default=Path("/work/tune"))
    ap.add_argument("--only", help="sets whose name contains this (comma-separated)")
    ap.add_argument("--no-docs", action="store_true")
    ap.add_argument("--show", type=int, default=3)
    ap.add_argument("--work", type=Path, default=Path("/tmp/apply_fixes-work"))
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    logging.disable(logging.WARNING)
    sets = [(d, web_corpus) for d in web_sets(args.tune)] + ([] if args.no_docs else [(d, docs_corpus) for d in doc_sets(args.tune)])
    wanted = args.only.split(",") if args.only else None
    results: list[dict] = []
    version = code_key()
    for folder, make in sets:
        name = str(folder.parent.relative_to(args.tune))
        if wanted and not any(w in name for w in wanted):
            continue
        work = args.work / version / name.replace("/", "_")
        corpus, rules = make(folder, work)
        run_set(name, corpus, rules, work / "cache", results)
        print(f"{name}: {sum(1 for r in results if r['set'] == name)} fixes", file=sys.stderr)
    table = defaultdict(Counter)
    for row in results:
        table[row["kind"]][row["outcome"]] += 1
    width = max((len(k) for k in table), default=10)
    print(f"{'kind of fix':<{width}}  " + "  ".join(f"{o:>10}" for o in ("works", "nothing", "else", "breaks")))
    for kind in sorted(table):
        print(f"{kind:<{width}}  " + "  ".join(f"{table[kind][o]:>10}" for o in OUTCOMES))
    total = Counter(row["outcome"] for row in results)
    print(f"{'TOTAL':<{width}}  " + "  ".join(f"{total[o]:>10}" for o in OUTCOMES))
    reasons = Counter(reason_class(part) for row in results if row["outcome"] == "does something else" for part in row["why"].split("; ") if reason_class(part))
    print("what else happened (a fix may count under several):", ", ".join(f"{name} {n}" for name, n in reasons.most_common()))
    for kind in sorted(table):
        bad = [r for r in results if r["kind"] == kind and r["outcome"] != "works"]
        for row in bad[: args.show]:
            print(f"  [{row['outcome']}] {kind} | {row['set']}/{row['file']}: {row['line']} | {row['item'][:50]} | {row['why'][:300]}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
