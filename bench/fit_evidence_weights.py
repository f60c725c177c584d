"""Fit the evidence readers' weights from labelled lines, and compare them with the hand-set ones.

What it reads
    * the project's own labelled cases, tests/eval/metadata.yaml (always; committed, made by us): every
      line a case lists under `chrome` is chrome, every other line the cleaner judges is speech;
    * optionally, sets of labelled pages kept on this machine only (never committed), each given as
      `--round NAME=LABELS.yaml` (repeatable; several files may share a NAME: they form one round).
      A labels file maps pages (paths relative to it) to `expect` (title…), `headings`, `chrome`,
      `chrome_lines`, `keep` / `must_keep` — the shape of the dev scorers' labels.

How a line of a page is labelled (the rule; see `label_of`)
    chrome  its text (whitespace, punctuation, width and script set aside) holds a labelled chrome
            string and is at most twice as long (plus 4), or is part of one (half its length or more);
    speech  it holds a `keep` fragment, is the title or a labelled heading (or part of one, 6 characters
            or more), names the speaker in a short line (a byline), or is a long sentence inside the body
            (20 Han characters or more, ending in 。！？, between the cleaner's first and last prose line);
    none    anything else, a line both rules claim, and a chrome text the page gives twice, once inside the
            body (which copy the label means it does not say): left out of fitting and of the figures.

What it computes
    Features of a line: each reader's own output (evidence.py, unchanged: e.g. 3.0 for an address, −2.5
    for a sentence) and the second-pass place readers as the cleaner gave them, plus the position
    features of `POSITION_READERS` (above / below the body, how far from it, a short line with no stop).
    The model: score = bias + Σ coefficient × feature, a logistic regression (the score is the log-odds of
    chrome), with an L2 pull of every coefficient toward 1 — toward the hand weight — so a reader the
    labelled lines seldom see keeps its hand weight (`--toward-zero` pulls toward 0 instead). By default a
    reader keeps its direction (coefficient ≥ 0, L-BFGS-B with bounds); `--free-signs` lets it turn
    (Newton's method, no bounds); `--freeze-speech` learns the chrome side only. Deterministic: no
    sampling, no random start. Speech lines weigh `--speech-weight` times a chrome line.
    The hand model is the shipped reader: every coefficient 1, no bias, no position (its score is the
    cleaner's, line for line). Figures per round: chrome lines caught (≥ chrome threshold) and doubtful,
    speech lines lost and doubtful, and "ranked above all speech" — chrome lines scoring above every
    speech line of their round, what any threshold could catch without losing speech (the ranking, with
    thresholds set aside). Thresholds: the shipped CHROME_AT / DOUBT_AT, or with `--rederive` read off
    the training lines for each model alike (chrome just above the highest speech score, doubt where 1 %
    of speech reaches).

The result (tests/eval and the dev rounds kept on the project's machine): bench/RESULTS.md, "Learned evidence
weights". The cleaner does not read any weights file: `--write` is for trials only.

Usage (from the checkout, with its venv)
    .venv/bin/python bench/fit_evidence_weights.py                     # tests/eval only: fit + figures
    .venv/bin/python bench/fit_evidence_weights.py --round web=/path/labels.yaml --round r4=/path/labels.yaml \
        --folds --rederive                                             # leave-one-round-out, hand vs learned
    `--hold NAME` keeps a round out of every fit and reports it apart (an untouched set); `--show chrome`
    prints the labelled chrome lines the learned model misses (never a held round's).
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_kb.config import load_boilerplate  # noqa: E402
from build_kb.evaluate import _same_line  # noqa: E402
from build_kb.ingest import clean as clean_module  # noqa: E402
from build_kb.ingest import evidence  # noqa: E402
from build_kb.ingest.evidence import edge_lines  # noqa: E402
from build_kb.ingest.read import decode  # noqa: E402
from build_kb.model import SourceFile  # noqa: E402
from build_kb.pipeline import make_speech  # noqa: E402
from build_kb.text import HAN_CHAR  # noqa: E402

try:
    import opencc

    _t2s = opencc.OpenCC("t2s").convert
except Exception:  # pragma: no cover
    _t2s = lambda text: text  # noqa: E731


def norm(text) -> str:
    text = _t2s(unicodedata.normalize("NFKC", str(text or "")))
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch)[0] not in "PSZ")


@dataclass
class JudgedLine:
    round: str
    page: str
    text: str
    features: dict[str, float]
    hand_score: float
    label: str = "none"


@dataclass
class Recorder:
    """Wraps the cleaner's judge_lines and keeps each judged line with its features."""

    lines: list[JudgedLine] = field(default_factory=list)
    page: str = ""
    round: str = ""

    def __call__(self, lines, skip, body, *args, **kwargs):
        judged = real_judge_lines(lines, skip, body, *args, **kwargs)
        for index, verdict in judged.items():
            features = {e.reader: e.weight for e in verdict.evidence}
            features.update(position_features(lines, index, body))
            self.lines.append(JudgedLine(self.round, self.page, lines[index].strip(), features, verdict.score))
        return judged


real_judge_lines = evidence.judge_lines


def build(recorder: Recorder, round_name: str, page: str, text: str, rules, elsewhere: dict[str, int] | None = None) -> list[JudgedLine]:
    start = len(recorder.lines)
    recorder.round, recorder.page = round_name, page
    source = SourceFile(path=Path(page), rel_path=page, encoding="utf-8", sha256="", raw=text.encode("utf-8"), text=text)
    make_speech(source, rules, None, [], elsewhere=elsewhere)
    return recorder.lines[start:]


def eval_cases(recorder: Recorder, rules) -> None:
    """tests/eval/metadata.yaml: `chrome` lines are chrome, every other judged line speech. A chrome text the
    case has more often than it lists it (an outline's copy of a heading: the rules take the copy, the heading
    itself is judged) is left out: which copy is meant, the label does not say."""
    data = yaml.safe_load((ROOT / "tests/eval/metadata.yaml").read_text(encoding="utf-8"))
    for case in data["cases"]:
        text = case["text"]
        for key, body in data["bodies"].items():
            text = text.replace("{" + key + "}", body.rstrip("\n"))
        chrome = [str(c) for c in case.get("chrome") or []]
        source_lines = [line.strip() for line in text.splitlines()]
        for line in build(recorder, "eval", case["name"], text, rules):
            listed = sum(_same_line(line.text, c) for c in chrome)
            given = sum(_same_line(line.text, other) for other in source_lines if other)
            line.label = "speech" if not listed else "chrome" if given <= listed else "none"


def label_of(line: JudgedLine, label: dict) -> str:
    n = norm(line.text)
    if not n:
        return "none"
    chrome = [norm(c) for c in (label.get("chrome") or []) + (label.get("chrome_lines") or []) if norm(c)]
    is_chrome = any((c in n and len(n) <= 2 * len(c) + 4) or (len(n) >= max(2, len(c) // 2) and n in c) for c in chrome)
    expect = label.get("expect") or {}
    titles = [norm(t) for t in (expect.get("title") if isinstance(expect.get("title"), list) else [expect.get("title")]) if t]
    heads = [norm(h) for h in label.get("headings") or [] if h and h != "SKIP"]
    keeps = [norm(k) for k in (label.get("keep") or []) + (label.get("must_keep") or []) if norm(k)]
    speakers = [norm(s) for s in (expect.get("speaker") if isinstance(expect.get("speaker"), list) else [expect.get("speaker")]) if s]
    named = any(k in n for k in keeps) or any(n == t or (len(n) >= 6 and n in t) for t in titles + heads) \
        or any(len(s) >= 2 and s in n and len(n) <= 30 for s in speakers)
    han = len(HAN_CHAR.findall(line.text))
    body_sentence = line.features.get("outside-the-body", 0) < 0 and han >= 20 and re.search(r"[。！？]\s*[”’」』）)]?\s*$", line.text)
    if is_chrome and named:
        return "none"
    if is_chrome:
        return "chrome"
    return "speech" if named or body_sentence else "none"


def page_round(recorder: Recorder, round_name: str, labels_file: Path, rules, prefix: str = "") -> None:
    data = yaml.safe_load(labels_file.read_text(encoding="utf-8"))
    pages = {rel: label for rel, label in data.get("pages", data).items() if rel.startswith(prefix)}
    texts = {}
    for rel, label in pages.items():
        path = labels_file.parent / rel
        if not path.exists():
            path = labels_file.parent / "pages" / rel
        texts[rel] = decode(path.read_bytes(), rel)[0]
    # What the corpus repeats at its edges, as the pipeline counts it (one set = one corpus).
    counts: dict[str, int] = defaultdict(int)
    for text in texts.values():
        for line in edge_lines(text):
            counts[line] += 1
    for rel, label in pages.items():
        elsewhere = {line: counts[line] - 1 for line in edge_lines(texts[rel]) if counts[line] > 1}
        judged = build(recorder, round_name, f"{labels_file.parent.name}/{rel}", texts[rel], rules, elsewhere)
        for line in judged:
            line.label = label_of(line, label)
        # A chrome text judged twice, once inside the body (a contents list's heading and the heading itself, a
        # date given twice): which one the label means it does not say.
        for line in judged:
            twins = [other for other in judged if norm(other.text) == norm(line.text)]
            if line.label == "chrome" and len(twins) > 1 and any(t.features.get("outside-the-body", 0) < 0 for t in twins):
                for twin in twins:
                    twin.label = "none"


SPEECH_READERS = ("outside-the-body", "sentence", "long-han-text", "heading-number", "salutation", "dateline-or-byline", "speech-voice", "names-a-speech", "a-document-part")
"""Readers whose output is evidence for speech (negative): kept at their hand weight with --freeze-speech."""
SECOND_PASS = ("issue-date", "above-the-title", "next-to-chrome", "between-chrome")
POSITION_READERS = ("above-the-body", "below-the-body", "far-from-the-body", "short-no-stop")


def position_features(lines: list[str], index: int, body: tuple[int, int]) -> dict[str, float]:
    """Where a line stands and how it is shaped, beside the readers: above or below the body, how far
    from it (non-blank lines between, up to 5, as 0–1), and a short line (≤ 12) with no stop or comma."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    text = lines[index].strip()
    if index < body[0]:
        between = sum(1 for i in filled if index < i < body[0])
    elif index >= body[1]:
        between = sum(1 for i in filled if body[1] <= i < index)
    else:
        between = 0
    return {
        "above-the-body": 1.0 if index < body[0] else 0.0,
        "below-the-body": 1.0 if index >= body[1] else 0.0,
        "far-from-the-body": min(between, 5) / 5,
        "short-no-stop": 1.0 if len(text) <= 12 and not re.search(r"[，,。；;！!？?]", text) else 0.0,
    }


# --- the model --------------------------------------------------------------------------------------

FIXED = ("caption-run",)
"""Readers that are a cap, not evidence: caption-run lifts a line to doubt at most, whatever the weights."""


def feature_names(lines: list[JudgedLine]) -> list[str]:
    names = {name for line in lines for name in line.features if name not in FIXED}
    order = [name for name, _ in evidence.READERS] + list(SECOND_PASS) + list(POSITION_READERS)
    # A reader or second-pass evidence added to evidence.py later is a feature too, after the known ones.
    return [name for name in order if name in names or name in POSITION_READERS] + sorted(names - set(order))


def matrix(lines: list[JudgedLine], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([[line.features.get(name, 0.0) for name in names] for line in lines], dtype=float)
    fixed = np.array([sum(line.features.get(name, 0.0) for name in FIXED) for line in lines], dtype=float)
    return x, fixed


def dedupe(lines: list[JudgedLine]) -> list[JudgedLine]:
    """One line per (round, text, label, features): the eval cases share stock bodies."""
    seen, out = set(), []
    for line in lines:
        key = (line.round, line.text, line.label, tuple(sorted(line.features.items())))
        if key not in seen:
            seen.add(key)
            out.append(line)
    return out


def fit(lines: list[JudgedLine], names: list[str], l2: float, speech_weight: float, toward_zero: bool, hand_prior: dict[str, float], signed: bool = True, frozen: tuple[str, ...] = ()) -> tuple[float, dict[str, float]]:
    """Newton's method for an L2-regularised, weighted logistic regression. The prior of a reader is its
    hand coefficient (1: the reader's own output as it is), or 0 with toward_zero; position features
    start from 0 (no hand weight)."""
    lines = [line for line in lines if line.label in ("chrome", "speech")]
    x, fixed = matrix(lines, names)
    y = np.array([1.0 if line.label == "chrome" else 0.0 for line in lines])
    w = np.where(y == 1.0, 1.0, speech_weight)
    prior = np.array([0.0 if toward_zero else hand_prior.get(name, 0.0) for name in names])
    design = np.hstack([np.ones((len(lines), 1)), x])
    beta = np.concatenate([[0.0], prior])
    penalty = np.concatenate([[1e-6], np.full(len(names), l2)])
    prior_full = np.concatenate([[0.0], prior])
    if not signed:
        for _ in range(50):
            z = design @ beta + fixed
            p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
            gradient = design.T @ (w * (p - y)) + penalty * (beta - prior_full)
            hessian = (design * (w * p * (1 - p))[:, None]).T @ design + np.diag(penalty)
            step = np.linalg.solve(hessian, gradient)
            beta -= step
            if np.max(np.abs(step)) < 1e-9:
                break
        return float(beta[0]), {name: float(b) for name, b in zip(names, beta[1:])}

    def loss(b):
        z = design @ b + fixed
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        value = -np.sum(w * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))) + 0.5 * np.sum(penalty * (b - prior_full) ** 2)
        return value, design.T @ (w * (p - y)) + penalty * (b - prior_full)

    # A reader keeps its direction: its coefficient stays ≥ 0 (a reader for speech is never learned into one for
    # chrome by a mislabelled line); the bias and the position features are free.
    bounds = [(None, None)] + [((1.0, 1.0) if name in frozen else (0.0, None) if name not in POSITION_READERS else (None, None)) for name in names]
    beta = minimize(loss, beta, jac=True, method="L-BFGS-B", bounds=bounds, options={"maxiter": 2000, "gtol": 1e-9}).x
    return float(beta[0]), {name: float(b) for name, b in zip(names, beta[1:])}


def hand_model(names: list[str]) -> tuple[float, dict[str, float]]:
    return 0.0, {name: (0.0 if name in POSITION_READERS else 1.0) for name in names}


def scores(lines: list[JudgedLine], names: list[str], model: tuple[float, dict[str, float]]) -> np.ndarray:
    bias, coefficients = model
    x, fixed = matrix(lines, names)
    return bias + x @ np.array([coefficients[name] for name in names]) + fixed


@dataclass
class Figures:
    chrome: int = 0
    caught: int = 0
    chrome_doubtful: int = 0
    speech: int = 0
    lost: int = 0
    speech_doubtful: int = 0
    above_all_speech: int = 0
    """Chrome lines scoring above every speech line of their round: how well the score ranks, whatever the thresholds."""

    def row(self) -> str:
        pct = lambda a, b: f"{100 * a / b:.0f} %" if b else "–"  # noqa: E731
        return (f"chrome {self.caught}/{self.chrome} caught ({pct(self.caught, self.chrome)}), {self.chrome_doubtful} doubtful | "
                f"speech {self.lost}/{self.speech} lost, {self.speech_doubtful} doubtful ({pct(self.speech_doubtful, self.speech)}) | "
                f"ranked above all speech {self.above_all_speech}")


def figures(lines: list[JudgedLine], values: np.ndarray, at: tuple[float, float] | None = None) -> Figures:
    chrome_at, doubt_at = at or (evidence.CHROME_AT, evidence.DOUBT_AT)
    f = Figures()
    top = max((v for line, v in zip(lines, values) if line.label == "speech"), default=-math.inf)
    f.above_all_speech = sum(1 for line, v in zip(lines, values) if line.label == "chrome" and v > top)
    for line, score in zip(lines, values):
        if line.label == "chrome":
            f.chrome += 1
            f.caught += score >= chrome_at
            f.chrome_doubtful += doubt_at <= score < chrome_at
        elif line.label == "speech":
            f.speech += 1
            f.lost += score >= chrome_at
            f.speech_doubtful += doubt_at <= score < chrome_at
    return f


def thresholds(lines: list[JudgedLine], values: np.ndarray, doubt_share: float = 0.01) -> tuple[float, float]:
    """Thresholds read off training lines, the same way for any model: chrome from just above the highest
    speech score (no training speech removed), doubt where `doubt_share` of the speech lines reach it."""
    speech = np.sort(np.array([v for line, v in zip(lines, values) if line.label == "speech"]))
    chrome_at = float(speech[-1]) + 0.01
    doubt_at = min(chrome_at, float(speech[int(len(speech) * (1 - doubt_share))]) + 0.01)
    return chrome_at, doubt_at


def collect(rounds: list[tuple[str, Path, str]]) -> list[JudgedLine]:
    rules = load_boilerplate(ROOT / "corpus")
    recorder = Recorder()
    clean_module.judge_lines = recorder
    try:
        eval_cases(recorder, rules)
        for name, labels_file, prefix in rounds:
            page_round(recorder, name, labels_file, rules, prefix)
    finally:
        clean_module.judge_lines = real_judge_lines
    return dedupe(recorder.lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--round", action="append", default=[], help="NAME=LABELS.yaml[@PREFIX] (a set of labelled pages on this machine; @heldout/ takes only those pages)")
    parser.add_argument("--hold", action="append", default=[], help="a round kept out of every fit, reported apart")
    parser.add_argument("--folds", action="store_true", help="leave-one-round-out: fit on the others, test on each")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--speech-weight", type=float, default=4.0)
    parser.add_argument("--toward-zero", action="store_true")
    parser.add_argument("--freeze-speech", action="store_true", help="keep the speech readers at their hand weights; learn the chrome side only")
    parser.add_argument("--free-signs", action="store_true", help="let a reader's coefficient turn negative (Newton, no bounds)")
    parser.add_argument("--rederive", action="store_true", help="thresholds read off each fold's training lines, for hand and learned alike")
    parser.add_argument("--write", type=Path, help="write the weights fitted on every round not held")
    parser.add_argument("--show", choices=("chrome", "speech"), help="print the labelled lines the learned model gets wrong")
    args = parser.parse_args(argv)
    rounds = []
    for spec in args.round:  # NAME=LABELS.yaml or NAME=LABELS.yaml@PREFIX (only the pages under PREFIX, e.g. heldout/)
        name, path = spec.split("=", 1)
        path, _, prefix = path.partition("@")
        rounds.append((name, Path(path), prefix))
    lines = collect(rounds)
    names = feature_names(lines)
    by_round: dict[str, list[JudgedLine]] = defaultdict(list)
    for line in lines:
        by_round[line.round].append(line)
    print("labelled lines per round: " + ", ".join(
        f"{r} {sum(l.label == 'chrome' for l in ls)} chrome / {sum(l.label == 'speech' for l in ls)} speech / {sum(l.label == 'none' for l in ls)} none"
        for r, ls in by_round.items()))
    hand = hand_model(names)
    fitted_on = [r for r in by_round if r not in args.hold]
    do_fit = lambda train: fit(train, names, args.l2, args.speech_weight, args.toward_zero, hand[1], not args.free_signs, SPEECH_READERS if args.freeze_speech else ())  # noqa: E731
    if args.folds and len(fitted_on) < 2:
        print("leave-one-round-out needs two rounds or more (add --round NAME=LABELS.yaml)")
    elif args.folds:
        total_hand, total_learned = Figures(), Figures()
        fold_models = []
        for left_out in fitted_on:
            model = do_fit([line for r in fitted_on if r != left_out for line in by_round[r]])
            fold_models.append(model)
            test = by_round[left_out]
            train = [line for r in fitted_on if r != left_out for line in by_round[r]]
            at_hand = thresholds(train, scores(train, names, hand)) if args.rederive else None
            at_learned = thresholds(train, scores(train, names, model)) if args.rederive else None
            h, l = figures(test, scores(test, names, hand), at_hand), figures(test, scores(test, names, model), at_learned)
            for total, f in ((total_hand, h), (total_learned, l)):
                for k in vars(f):
                    setattr(total, k, getattr(total, k) + getattr(f, k))
            print(f"left out {left_out:10} hand:    {h.row()}\n{'':20} learned: {l.row()}")
        print(f"{'all folds':19} hand:    {total_hand.row()}\n{'':20} learned: {total_learned.row()}")
        # How steady a coefficient is from fold to fold: a weight that swings with the round left out was learned
        # from that round's pages, not from evidence that carries over.
        print("coefficients across the folds (min … max):")
        for name in names:
            values = [m[1][name] for m in fold_models]
            print(f"  {name:24} {min(values):+.2f} … {max(values):+.2f}")
    model = do_fit([line for r in fitted_on for line in by_round[r]])
    print(f"fitted on {', '.join(fitted_on)}: bias {model[0]:+.2f}")
    for name in names:
        print(f"  {name:24} {model[1][name]:+.2f}")
    train = [line for r in fitted_on for line in by_round[r]]
    at_hand = thresholds(train, scores(train, names, hand)) if args.rederive else None
    at_learned = thresholds(train, scores(train, names, model)) if args.rederive else (evidence.CHROME_AT, evidence.DOUBT_AT)
    if args.rederive:
        print(f"thresholds read off every fitted round: hand chrome {at_hand[0]:.2f} doubt {at_hand[1]:.2f}; learned chrome {at_learned[0]:.2f} doubt {at_learned[1]:.2f}")
    for r in args.hold:
        test = by_round[r]
        print(f"held {r:15} hand:    {figures(test, scores(test, names, hand), at_hand).row()}\n{'':20} learned: {figures(test, scores(test, names, model), at_learned).row()}")
    if args.show:
        for line, score in zip(lines, scores(lines, names, model)):
            if line.round in args.hold:
                continue  # an untouched set stays unread
            wrong = (line.label == "chrome" and score < evidence.CHROME_AT) if args.show == "chrome" else (line.label == "speech" and score >= evidence.DOUBT_AT)
            if wrong:
                print(f"  [{line.round}] {score:+.2f} (hand {line.hand_score:+.2f}) {line.text[:50]}  {line.features}")
    if args.write:
        counts = {r: {"chrome": sum(l.label == "chrome" for l in by_round[r]), "speech": sum(l.label == "speech" for l in by_round[r])} for r in fitted_on}
        data = {
            "fitted_on": counts, "l2": args.l2, "speech_weight": args.speech_weight, "toward": "zero" if args.toward_zero else "hand weights",
            "learned_chrome_at": round(at_learned[0], 3), "learned_doubt_at": round(at_learned[1], 3),
            "bias": round(model[0], 3), "coefficients": {name: round(model[1][name], 3) for name in names},
        }
        header = "# Learned evidence weights: written by bench/fit_evidence_weights.py (see its docstring); do not edit by hand.\n"
        args.write.write_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        print(f"written: {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
