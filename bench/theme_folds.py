"""Section themes, leave-one-round-out: every labelled section theme of the dev rounds, scored per round and per theme.

    .venv/bin/python bench/theme_folds.py [--tune /work/tune] [--unopened round8/sections,round5/sections]
                                          [--details] [--sweep NAME=v1,v2,...] [--themes DIR] [--json FILE]

Every `labels.yaml` under the tuning folder whose pages label top-level sections with themes (`headings:` and
`themes:`, one entry per heading; a list = acceptable alternatives, `none` = no theme is right) is one set; the
sets of one measuring round make one fold (round5/sections + round5/web = round5; round3h is round 3's full set,
round3/web its dev part — a page labelled twice counts once). Each set's pages are built the way the round's
score.py builds them (the whole set as one corpus, this checkout's rules), then every speech is classified again
with the taxonomy under test (default: this checkout's corpus/themes.yaml; --themes DIR tries another), and each
labelled section is scored as score.py scores it: tp when a wanted theme is given, fn when none is, fp per theme
given that is not accepted. A labelled heading the parser did not find as a top-level section counts as a miss
(column `no heading`), so these figures equal the rounds' own section-theme F1.

Sets named in --unopened (rounds an engineer builds rules WITHOUT reading) get figures only, never details: their
own line, and their round's fold in the pooled table (every set, each round one fold) beside the opened folds.
--sweep HEADING_FACTOR=2,4,6 tries values of a module constant of build_kb/enrich/classify.py and picks, for each
round, the value that scores best on the OTHER rounds: the held-out round's F1 at that pick is what the value is
worth on material it was not chosen on.

Parsed pages are cached under --cache (default /tmp/theme_folds-cache, outside the repository: third-party text
stays on this machine) per page set and parser code; only classification reruns when the classifier or the
taxonomy changes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_kb.config import load_glossary, load_taxonomy  # noqa: E402
from build_kb.enrich import classify  # noqa: E402
from build_kb.enrich.segment import Segmenter  # noqa: E402
from build_kb.pipeline import parse_corpus  # noqa: E402

try:  # the rounds' scorers compare in Simplified script; so do we
    import opencc

    _t2s = opencc.OpenCC("t2s").convert
except ImportError:  # pragma: no cover
    _t2s = None

UNOPENED = "round8/sections,round5/sections"
THEMES = ("政治建设", "基层党建", "干部队伍", "人才工作", "自身建设")


PINYIN_GLOSS = re.compile(r"\((?:[a-zA-Z\u00e0-\u00fc\u0101-\u01dc]+)\)")
"""Some mirrors gloss characters with pinyin, 會(huì)議: the scorers ignore it on both sides of every comparison."""


def norm(text) -> str:
    """The scorers' comparison form: NFKC without pinyin glosses, Simplified, no spaces, punctuation or symbols."""
    text = PINYIN_GLOSS.sub("", unicodedata.normalize("NFKC", str(text or "")))
    if _t2s:
        text = _t2s(text)
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch)[0] not in "PSZ")


def alternatives(value) -> list:
    return value if isinstance(value, list) else [value]


# --- the labelled sets ---------------------------------------------------------------------------


def fold_of(set_name: str) -> str:
    """round3h/web → round3 (round 3's full set), round10/sections → round10, round6dev → round6dev."""
    first = set_name.split("/")[0]
    return first[:-1] if first.endswith("h") and first[:-1].startswith("round") else first


def labelled_sets(tune: Path) -> dict[str, dict]:
    """Set name → {rel page path: label} for every labels.yaml with at least one section theme."""
    sets = {}
    for labels in sorted(tune.glob("**/labels.yaml")):
        try:
            pages = (yaml.safe_load(labels.read_text(encoding="utf-8")) or {}).get("pages") or {}
        except (yaml.YAMLError, AttributeError):
            continue
        if any(label.get("themes") for label in pages.values() if isinstance(label, dict)):
            sets[str(labels.parent.relative_to(tune))] = pages
    # round3h (the full set) before round3 (its dev part), so the shared pages count in the full set
    return dict(sorted(sets.items(), key=lambda kv: (fold_of(kv[0]), not kv[0].split("/")[0].endswith("h"), kv[0])))


# --- building and classifying ------------------------------------------------------------------


def parser_fingerprint() -> str:
    """The parser's code and rules, not the classifier's: a change to those only reclassifies."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "build_kb").rglob("*.py")):
        if path.parent.name != "enrich":
            digest.update(path.read_bytes())
    for name in ("boilerplate.yaml", "glossary.yaml"):
        if (ROOT / "corpus" / name).exists():
            digest.update((ROOT / "corpus" / name).read_bytes())
    return digest.hexdigest()[:16]


def parsed_set(set_dir: Path, pages: dict, cache: Path) -> dict[str, object]:
    """rel page path → Speech (None when the page was not built), built as the round's score.py builds it."""
    files = [set_dir / rel for rel in pages]
    digest = hashlib.sha256(parser_fingerprint().encode())
    for f in files:
        digest.update(f.name.encode() + f.read_bytes())
    entry = cache / f"{digest.hexdigest()[:20]}.pickle"
    if entry.exists():
        return pickle.loads(entry.read_bytes())
    with tempfile.TemporaryDirectory(prefix="theme-folds-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for f in files:
            shutil.copy(f, corpus / f.name)
        parsed = parse_corpus(corpus, rules_dir=ROOT / "corpus")
    by_name = {s.source.rel_path: s for s in parsed.kb.speeches}
    speeches = {rel: by_name.get(Path(rel).name) for rel in pages}
    cache.mkdir(parents=True, exist_ok=True)
    entry.write_bytes(pickle.dumps(speeches))
    return speeches


def classifier(rules_dir: Path):
    """(taxonomy, segment, theme id → name) for the taxonomy under test, segmented as a build segments."""
    taxonomy = load_taxonomy(rules_dir)
    glossary = load_glossary(ROOT / "corpus", None, {t.id for t in taxonomy.themes}) if (ROOT / "corpus" / "glossary.yaml").exists() else []
    segmenter = Segmenter([*taxonomy.dictionary_words(), *(form for entry in glossary for form in (entry.term, *entry.aliases))])
    return taxonomy, segmenter.tokens, {t.id: t.name for t in taxonomy.themes}


# --- scoring ------------------------------------------------------------------------------------


def score_sections(speeches: dict, pages: dict, taxonomy, segment, names: dict) -> list[dict]:
    """One row per labelled top-level section: what was wanted, what the classifier gave, and the verdict."""
    rows = []
    for rel, label in pages.items():
        speech = speeches.get(rel)
        if speech is not None:
            classify.classify_speech(speech, taxonomy, segment, [])
        top = {norm(s.heading): s for s in (speech.sections if speech else []) if s.heading}
        for heading, want in zip(label.get("headings") or [], label.get("themes") or []):
            accepted = set(alternatives(want))
            real = accepted - {"none"}
            section = top.get(norm(heading))
            got = {names.get(t, t) for t in section.themes} if section else set()
            tp = bool(got & real)
            fn = not tp and bool(real) and not ("none" in accepted and not got)
            rows.append({
                "page": rel, "heading": heading, "want": alternatives(want), "got": sorted(got), "found": section is not None,
                "tp": int(tp), "fn": int(fn), "fp": sorted(got - real), "right": tp or (not got and "none" in accepted),
                "source": section.theme_source if section else "", "scores": dict(section.theme_scores) if section else {},
            })
    return rows


def tally(rows: list[dict]) -> Counter:
    c = Counter(sections=len(rows), tp=sum(r["tp"] for r in rows), fn=sum(r["fn"] for r in rows), fp=sum(len(r["fp"]) for r in rows))
    c["no_heading"] = sum(1 for r in rows if not r["found"])
    c["right"] = sum(1 for r in rows if r["right"] and not r["fp"])
    return c


def per_theme(rows: list[dict]) -> dict[str, Counter]:
    """tp/fp/fn per theme: a missed section counts against the theme its label lists first."""
    out = {t: Counter() for t in THEMES}
    for r in rows:
        real = [t for t in r["want"] if t != "none"]
        for t in set(r["got"]) & set(real):
            out.setdefault(t, Counter())["tp"] += 1
        for t in r["fp"]:
            out.setdefault(t, Counter())["fp"] += 1
        if r["fn"]:
            out.setdefault(real[0], Counter())["fn"] += 1
    return out


def prf(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f = 2 * c["tp"] / (2 * c["tp"] + c["fp"] + c["fn"]) if c["tp"] + c["fp"] + c["fn"] else 1.0
    return p, r, f


def line(name: str, c: Counter, wide: bool = True) -> str:
    p, r, f = prf(c)
    extra = f" {c['sections']:>4} {c['no_heading']:>4} {c['right']:>5}" if wide else ""
    return f"| {name:<28}{extra} {c['tp']:>4} {c['fp']:>4} {c['fn']:>4} | {p:.2f} {r:.2f} {f:.2f} |"


def report(results: dict[str, list[dict]], unopened: set[str]) -> str:
    out = ["| set (fold)                   secs none-h right   tp   fp   fn |  P    R    F1  |"]
    folds: dict[str, Counter] = defaultdict(Counter)
    opened, closed = Counter(), Counter()
    for name, rows in results.items():
        c = tally(rows)
        if name not in unopened:
            folds[fold_of(name)] += c
        (closed if name in unopened else opened).update(c)
        out.append(line(f"{name}{' (unopened)' if name in unopened else ''}", c))
    out.append("| per round (fold), opened sets")
    for fold, c in folds.items():
        out.append(line(fold, c))
    out.append(line("ALL opened", opened))
    if closed:
        out.append(line("ALL unopened", closed))
        # The pool as the rounds' own scorers see it: every set, the unopened ones counted in their round's fold
        # (figures only: a fold that holds an unopened set is named, never detailed).
        out.append("| per round (fold), every set (pool)")
        for fold, c in fold_tallies(results).items():
            out.append(line(fold + (" (has unopened)" if any(fold_of(n) == fold for n in unopened & set(results)) else ""), c))
        out.append(line("POOL (all sets)", opened + closed))
    out.append("| per theme (opened sets)              tp   fp   fn |  P    R    F1  |")
    themes = per_theme([r for name, rows in results.items() if name not in unopened for r in rows])
    for t, c in themes.items():
        out.append(line(t, c, wide=False))
    return "\n".join(out)


def details(results: dict[str, list[dict]], unopened: set[str]) -> str:
    out = []
    for name, rows in results.items():
        if name in unopened:
            continue  # figures only: an engineer never reads these
        for r in rows:
            if r["fp"] or r["fn"]:
                scores = " ".join(f"{t}:{s}" for t, s in sorted(r["scores"].items(), key=lambda kv: -kv[1]))
                out.append(f"{name} {r['page']} | {r['heading'][:40]} | want {r['want']} got {r['got'] or '—'} "
                           f"({r['source'] or 'heading not found'}) [{scores}]")
    return "\n".join(out)


# --- leave-one-round-out choice of a constant ------------------------------------------------------


def sweep(spec: str, run, unopened: set[str]) -> str:
    """For each fold: the value of classify.NAME best on the OTHER folds, and the held-out fold's F1 at it.
    The unopened sets take no part in the choice (and are not shown)."""
    name, _, values = spec.partition("=")
    original = getattr(classify, name)
    kind = type(original)
    per_value: dict = {}
    closed: dict = {}
    try:
        for raw in values.split(","):
            value = kind(raw)
            setattr(classify, name, value)
            results = run()
            per_value[value] = fold_tallies({n: rows for n, rows in results.items() if n not in unopened})
            closed[value] = sum((tally(rows) for n, rows in results.items() if n in unopened), Counter())
    finally:
        setattr(classify, name, original)
    folds = list(next(iter(per_value.values())))
    out = [f"| {name}: held-out round | picked on the others | F1 at pick | F1 at {original} (now) |"]
    for fold in folds:
        def others(value):
            return prf(sum((per_value[value][f] for f in folds if f != fold), Counter()))[2]
        best = max(per_value, key=lambda v: (round(others(v), 4), v == original))
        now = per_value.get(original, {}).get(fold)
        out.append(f"| {fold:<14} | {best!s:>6} | {prf(per_value[best][fold])[2]:.2f} | {prf(now)[2]:.2f} |" if now else
                   f"| {fold:<14} | {best!s:>6} | {prf(per_value[best][fold])[2]:.2f} | — |")
    for value, tallies in per_value.items():
        out.append(f"| all opened at {value}: F1 {prf(sum(tallies.values(), Counter()))[2]:.3f}")
    if any(closed.values()):
        best = max(per_value, key=lambda v: (round(prf(sum(per_value[v].values(), Counter()))[2], 4), v == original))
        out.append(f"| unopened sets at {best} (picked on every opened round): F1 {prf(closed[best])[2]:.3f}; at {original} (now): "
                   f"{prf(closed[original])[2]:.3f}" if original in closed else f"| unopened sets at {best}: F1 {prf(closed[best])[2]:.3f}")
    return "\n".join(out)


def fold_tallies(results: dict[str, list[dict]]) -> dict[str, Counter]:
    folds: dict[str, Counter] = defaultdict(Counter)
    for name, rows in results.items():
        folds[fold_of(name)] += tally(rows)
    return folds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tune", type=Path, default=Path("/work/tune"))
    ap.add_argument("--unopened", default=UNOPENED, help="comma-separated sets scored for figures only")
    ap.add_argument("--themes", type=Path, default=ROOT / "corpus", help="folder whose themes.yaml is tried")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/theme_folds-cache"))
    ap.add_argument("--details", action="store_true", help="every miss of the opened sets, with the scores")
    ap.add_argument("--sweep", action="append", default=[], help="NAME=v1,v2: leave-one-round-out choice of a classify constant")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    unopened = {s for s in args.unopened.split(",") if s}
    sets = labelled_sets(args.tune)
    taxonomy, segment, names = classifier(args.themes)
    seen: set[bytes] = set()
    parsed = {}
    for name, pages in sets.items():
        mine = {}
        for rel, label in pages.items():
            digest = hashlib.sha256((args.tune / name / rel).read_bytes()).digest()
            if label.get("themes") and digest not in seen:
                seen.add(digest)
                mine[rel] = label
        all_pages = {rel: label for rel, label in pages.items()}
        speeches = parsed_set(args.tune / name, all_pages, args.cache)
        parsed[name] = (speeches, mine)

    def run() -> dict[str, list[dict]]:
        return {name: score_sections(speeches, mine, taxonomy, segment, names) for name, (speeches, mine) in parsed.items() if mine}

    results = run()
    print(report(results, unopened))
    if args.details:
        print(details(results, unopened))
    for spec in args.sweep:
        print(sweep(spec, run, unopened))
    if args.json:
        args.json.write_text(json.dumps({n: {"tally": tally(r), "rows": [] if n in unopened else r} for n, r in results.items()}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
