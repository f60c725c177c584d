"""Measure theme classification against hand-labelled sections: precision, recall, F1 per theme."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .config import expect_list, expect_mapping, line_of, load_yaml
from .errors import ConfigError
from .explain import FIELDS
from .config import load_boilerplate
from .model import SourceFile
from .pipeline import build_knowledge_base, make_speech


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


NO_THEME = "none"
"""A section's label `[none]`: no theme among the five is right (a part on the economy in a party committee's report,
a year's tally of everything): scored, every theme given is one too many. `[]` is a section nobody can say: not scored."""


def evaluate(labels_file: Path, rules_dir: Path | None = None, held_out: bool = False) -> tuple[Scores, list[str]]:
    """Classify every labelled corpus with the project's taxonomy and compare with the labels. `held_out` picks the
    corpora marked `held_out: true` (written with the others, never tuned on), else the others."""
    labels_file = Path(labels_file)
    name = str(labels_file)
    data = expect_mapping(load_yaml(labels_file, name), name, 1, "the labels file")
    rules_dir = Path(rules_dir) if rules_dir else labels_file.parent.parent.parent / "corpus"
    scores = Scores()
    themes: list[str] = []
    for entry in expect_list(data.get("corpora"), name, line_of(data, "corpora"), "'corpora'"):
        if bool(entry.get("held_out")) != held_out:
            continue
        corpus_dir = (labels_file.parent / entry["dir"]).resolve()
        kb = build_knowledge_base(corpus_dir, rules_dir=rules_dir)
        themes = [t.id for t in kb.themes]
        by_file = {s.source.rel_path: s for s in kb.speeches}
        for file_name, gold_sections in entry["speeches"].items():
            speech = by_file.get(file_name)
            if speech is None:
                raise ConfigError(name, line_of(entry["speeches"], file_name), f"{file_name} 不是 {corpus_dir} 里生成的讲话")
            sections = {s.id: s for s in speech.all_sections()}
            for section_id, gold in gold_sections.items():
                section = sections.get(section_id)
                if section is None:
                    raise ConfigError(name, line_of(gold_sections, section_id), f"{file_name} 没有部分 {section_id}")
                predicted = set(section.themes)
                where = f"{file_name}#{section_id} {section.heading[:24]}"
                if not gold:
                    scores.unclear.append(f"{where}：程序给出 {' '.join(sorted(predicted)) or '—'}")
                    continue
                scores.sections += 1
                gold_set = set(gold) - {NO_THEME}
                for t in predicted & gold_set:
                    scores.tp[t] += 1
                for t in predicted - gold_set:
                    scores.fp[t] += 1
                for t in gold_set - predicted:
                    scores.fn[t] += 1
                if predicted != gold_set:
                    scores.mistakes.append(f"{where}：标注 {' '.join(sorted(gold_set)) or '无专题'}，程序给出 {' '.join(sorted(predicted)) or '—'}")
    return scores, themes


def report(scores: Scores, themes: list[str]) -> str:
    lines = [f"{'专题':<18} {'精确率':>4} {'召回率':>4} {'综合':>4} {'对':>3} {'多':>3} {'漏':>3}"]
    for theme in themes:
        p, r, f = scores.prf(theme)
        lines.append(f"{theme:<20} {p:6.3f} {r:6.3f} {f:6.3f} {scores.tp[theme]:4d} {scores.fp[theme]:4d} {scores.fn[theme]:4d}")
    p, r, f = scores.prf()
    lines.append(f"{'合计':<18} {p:6.3f} {r:6.3f} {f:6.3f}")
    lines.append(f"专题明确的部分 {scores.sections} 个；不明确的 {len(scores.unclear)} 个（不计分）")
    if scores.mistakes:
        lines.append("不一致的：")
        lines.extend(f"  {m}" for m in scores.mistakes)
    if scores.unclear:
        lines.append("专题不明确的部分：")
        lines.extend(f"  {u}" for u in scores.unclear)
    return "\n".join(lines)


def evaluate_file(labels_file: Path, rules_dir: Path | None = None, held_out: bool = False) -> str:
    return report(*evaluate(labels_file, rules_dir, held_out))


def has_held_out(labels_file: Path) -> bool:
    """Does the labels file keep corpora apart (`held_out: true`)?"""
    data = load_yaml(Path(labels_file), str(labels_file)) or {}
    return any(isinstance(entry, dict) and entry.get("held_out") for entry in data.get("corpora") or [])


# --- metadata and site chrome ---------------------------------------------------------------------

METADATA_FIELDS = ("title", "date", "speaker", "speaker_role", "occasion", "level")


@dataclass
class MetadataScores:
    right: Counter = field(default_factory=Counter)
    cases: int = 0
    chrome_lines: int = 0
    chrome_removed: int = 0
    body_removed: int = 0
    heading_cases: int = 0
    """Cases that name their top-level headings (`headings:`)."""
    headings_right: int = 0
    doubtful: int = 0
    """Lines kept and sent to a person (neither clearly chrome nor clearly speech)."""
    mistakes: list[str] = field(default_factory=list)

    def accuracy(self, name: str) -> float:
        return self.right[name] / self.cases if self.cases else 1.0

    @property
    def chrome_recall(self) -> float:
        return self.chrome_removed / self.chrome_lines if self.chrome_lines else 1.0

    @property
    def chrome_precision(self) -> float:
        removed = self.chrome_removed + self.body_removed
        return self.chrome_removed / removed if removed else 1.0


def evaluate_metadata(cases_file: Path, rules_dir: Path | None = None, held_out: bool | None = None) -> MetadataScores:
    """Build every case of a metadata evaluation set and compare fields, removed lines and (where a case
    names them) top-level headings with the labels. `held_out` picks the cases marked `held_out: true`
    (True) or the others (False); None takes them all."""
    cases_file = Path(cases_file)
    name = str(cases_file)
    data = expect_mapping(load_yaml(cases_file, name), name, 1, "the cases file")
    bodies = {k: v for k, v in expect_mapping(data.get("bodies"), name, line_of(data, "bodies"), "'bodies'").items()}
    rules_dir = Path(rules_dir) if rules_dir else cases_file.parent.parent.parent / "corpus"
    scores = MetadataScores()
    boilerplate = load_boilerplate(rules_dir)
    cases = expect_list(data.get("cases"), name, line_of(data, "cases"), "'cases'")
    for i, case in enumerate(cases):
        if held_out is not None and bool(case.get("held_out")) != held_out:
            continue
        label = case["name"]
        text = case["text"]
        for key, body in bodies.items():
            text = text.replace("{" + key + "}", body.rstrip("\n"))
        source = SourceFile(path=Path(f"{label}.txt"), rel_path=f"{label}.txt", encoding="utf-8", sha256="", raw=text.encode("utf-8"), text=text)
        problems: list = []
        speech = make_speech(source, boilerplate, None, problems)
        if speech is None:
            raise ConfigError(name, line_of(case), f"样例 {label} 没有生成：{'；'.join(str(p) for p in problems)}")
        scores.cases += 1
        expect = case["expect"]
        for field_name in METADATA_FIELDS:
            got = (speech.date or speech.year) if field_name == "date" else getattr(speech, field_name)
            want = expect.get(field_name)
            if str(got) == str(want) if want is not None else got is None:
                scores.right[field_name] += 1
            else:
                scores.mistakes.append(f"{label}：{FIELDS.get(field_name, field_name)}是 {got!r}，应为 {want!r}")
        if case.get("headings") is not None:
            scores.heading_cases += 1
            found = [s.heading for s in speech.sections if s.kind == "body" and s.heading]
            if found == list(case["headings"]):
                scores.headings_right += 1
            else:
                scores.mistakes.append(f"{label}：小标题是 {found}，应为 {case['headings']}")
        scores.doubtful += len(speech.clean.doubtful)
        chrome = [str(c) for c in case.get("chrome") or []]
        removed = [r.text for r in speech.clean.removed if r.rule != "page-label"]
        scores.chrome_lines += len(chrome)
        for line in chrome:
            if _removed(line, removed):
                scores.chrome_removed += 1
            else:
                scores.mistakes.append(f"{label}：没删掉的网页残留：{line}")
        for text in removed:
            if not any(_same_line(text, c) for c in chrome):
                scores.body_removed += 1
                scores.mistakes.append(f"{label}：误删的正文：{text}")
    return scores


def _same_line(removed: str, labelled: str) -> bool:
    """A removed line matches its label after whitespace, markup, script (Traditional) and the forms of
    a PDF's text layer (⼤ for 大) are set aside."""
    from .ingest.clean import to_simplified, strip_markup, unified_ideographs

    def norm(text: str) -> str:
        return to_simplified(unified_ideographs("".join(strip_markup(text)[0].split()))[0])

    return norm(removed) == norm(labelled)


def _removed(line: str, removed: list[str]) -> bool:
    return any(_same_line(r, line) for r in removed)


def metadata_report(scores: MetadataScores, part: str = "") -> str:
    lines = [f"元数据{'（' + part + '）' if part else ''}：{scores.cases} 篇"]
    for name in METADATA_FIELDS:
        lines.append(f"  {FIELDS.get(name, name) + '：':<6} {scores.accuracy(name):6.1%}  ({scores.right[name]}/{scores.cases})")
    lines.append(
        f"网页残留：删除 {scores.chrome_removed}/{scores.chrome_lines} 行（召回率 {scores.chrome_recall:.1%}），"
        f"精确率 {scores.chrome_precision:.1%}；误删正文 {scores.body_removed} 行；"
        f"存疑、留给人核对的 {scores.doubtful} 行"
    )
    if scores.heading_cases:
        lines.append(f"一级小标题：{scores.headings_right}/{scores.heading_cases} 篇全对")
    if scores.mistakes:
        lines.append("不一致的：")
        lines.extend(f"  {m}" for m in scores.mistakes)
    return "\n".join(lines)
