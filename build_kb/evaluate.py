"""Measure theme classification against hand-labelled sections: precision, recall, F1 per theme."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .config import expect_list, expect_mapping, line_of, load_yaml
from .errors import ConfigError
from .pipeline import build_knowledge_base


@dataclass
class Scores:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    sections: int = 0
    unclear: list[str] = field(default_factory=list)
    mistakes: list[str] = field(default_factory=list)

    def prf(self, theme: str | None = None) -> tuple[float, float, float]:
        tp = self.tp[theme] if theme else sum(self.tp.values())
        fp = self.fp[theme] if theme else sum(self.fp.values())
        fn = self.fn[theme] if theme else sum(self.fn.values())
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def evaluate(labels_file: Path, rules_dir: Path | None = None) -> tuple[Scores, list[str]]:
    """Classify every labelled corpus with the project's taxonomy and compare with the labels."""
    labels_file = Path(labels_file)
    name = str(labels_file)
    data = expect_mapping(load_yaml(labels_file, name), name, 1, "the labels file")
    rules_dir = Path(rules_dir) if rules_dir else labels_file.parent.parent.parent / "corpus"
    scores = Scores()
    themes: list[str] = []
    for entry in expect_list(data.get("corpora"), name, line_of(data, "corpora"), "'corpora'"):
        corpus_dir = (labels_file.parent / entry["dir"]).resolve()
        kb = build_knowledge_base(corpus_dir, rules_dir=rules_dir)
        themes = [t.id for t in kb.themes]
        by_file = {s.source.rel_path: s for s in kb.speeches}
        for file_name, gold_sections in entry["speeches"].items():
            speech = by_file.get(file_name)
            if speech is None:
                raise ConfigError(name, line_of(entry["speeches"], file_name), f"{file_name} is not a built speech of {corpus_dir}")
            sections = {s.id: s for s in speech.all_sections()}
            for section_id, gold in gold_sections.items():
                section = sections.get(section_id)
                if section is None:
                    raise ConfigError(name, line_of(gold_sections, section_id), f"{file_name} has no section {section_id!r}")
                predicted = set(section.themes)
                where = f"{file_name}#{section_id} {section.heading[:24]}"
                if not gold:
                    scores.unclear.append(f"{where}: predicted {sorted(predicted) or '—'}")
                    continue
                scores.sections += 1
                gold_set = set(gold)
                for t in predicted & gold_set:
                    scores.tp[t] += 1
                for t in predicted - gold_set:
                    scores.fp[t] += 1
                for t in gold_set - predicted:
                    scores.fn[t] += 1
                if predicted != gold_set:
                    scores.mistakes.append(f"{where}: gold {sorted(gold_set)}, predicted {sorted(predicted)}")
    return scores, themes


def report(scores: Scores, themes: list[str]) -> str:
    lines = [f"{'theme':<20} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4}"]
    for theme in themes:
        p, r, f = scores.prf(theme)
        lines.append(f"{theme:<20} {p:6.3f} {r:6.3f} {f:6.3f} {scores.tp[theme]:4d} {scores.fp[theme]:4d} {scores.fn[theme]:4d}")
    p, r, f = scores.prf()
    lines.append(f"{'micro':<20} {p:6.3f} {r:6.3f} {f:6.3f}")
    lines.append(f"{scores.sections} sections with a clear theme; {len(scores.unclear)} without (not scored)")
    if scores.mistakes:
        lines.append("Differences:")
        lines.extend(f"  {m}" for m in scores.mistakes)
    if scores.unclear:
        lines.append("Sections without a clear theme:")
        lines.extend(f"  {u}" for u in scores.unclear)
    return "\n".join(lines)


def evaluate_file(labels_file: Path, rules_dir: Path | None = None) -> str:
    return report(*evaluate(labels_file, rules_dir))
