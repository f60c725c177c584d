"""bench/theme_folds.py: labelled sets are found and folded by round, a section is scored as the rounds' score.py
scores it, and the sets left unopened give figures only."""

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def folds():
    spec = importlib.util.spec_from_file_location("theme_folds", ROOT / "bench" / "theme_folds.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


PAGE = (
    "在全县组织工作会议上的讲话\n同志们：\n一、加强人才工作\n引进人才，用好人才，培养青年人才。\n"
    "二、关于天气\n今天天气很好，阳光明媚。\n三、建强基层党组织\n党支部要发挥战斗堡垒作用。\n"
)
LABEL = {
    "headings": ["一、加强人才工作", "二、关于天气", "三、建强基层党组织", "四、没有这一部分"],
    "themes": ["人才工作", "none", ["干部队伍", "none"], "自身建设"],
}


def tune_tree(root: Path) -> Path:
    for name in ("round4/sections", "round4h/web", "round6dev"):
        (root / name / "heldout").mkdir(parents=True)
        (root / name / "heldout" / "a-1.txt").write_text(PAGE, encoding="utf-8")
        label = LABEL if name != "round6dev" else {"headings": [], "themes": []}
        (root / name / "labels.yaml").write_text(yaml.safe_dump({"pages": {"heldout/a-1.txt": label}}, allow_unicode=True), encoding="utf-8")
    return root


def test_sets_with_section_themes_are_found_and_folded_by_round(folds, tmp_path):
    sets = folds.labelled_sets(tune_tree(tmp_path))
    assert list(sets) == ["round4h/web", "round4/sections"]  # round6dev labels no section theme
    assert [folds.fold_of(name) for name in sets] == ["round4", "round4"]


def test_a_section_is_scored_as_the_rounds_scorer_scores_it_and_unopened_sets_give_figures_only(folds, tmp_path):
    tune = tune_tree(tmp_path / "tune")
    pages = folds.labelled_sets(tune)["round4/sections"]
    speeches = folds.parsed_set(tune / "round4/sections", pages, tmp_path / "cache")
    taxonomy, segment, names = folds.classifier(ROOT / "corpus")
    rows = folds.score_sections(speeches, pages, taxonomy, segment, names)
    verdicts = [(r["heading"], r["got"], r["tp"], r["fn"], r["fp"], r["found"]) for r in rows]
    assert verdicts == [
        ("一、加强人才工作", ["人才工作"], 1, 0, [], True),
        ("二、关于天气", [], 0, 0, [], True),
        ("三、建强基层党组织", ["基层党建"], 0, 1, ["基层党建"], True),  # a wrong theme misses 干部队伍 too, though none was acceptable
        ("四、没有这一部分", [], 0, 1, [], False),  # a heading not read as a section is a miss
    ]
    assert dict(folds.tally(rows)) == {"sections": 4, "tp": 1, "fn": 2, "fp": 1, "no_heading": 1, "right": 2}
    results = {"round4/sections": rows}
    assert folds.details(results, {"round4/sections"}) == ""
    assert "三、建强基层党组织" in folds.details(results, set())
    # an unopened set counts in its round's fold and in the pool: figures only, the fold named as holding one
    table = folds.report(results, {"round4/sections"})
    assert "| round4 (has unopened)           4    1     2    1    1    2 | 0.50 0.33 0.40 |" in table.splitlines()
    assert "| POOL (all sets)                 4    1     2    1    1    2 | 0.50 0.33 0.40 |" in table.splitlines()


def test_headings_compare_as_the_scorers_compare_them(folds):
    """NFKC, Simplified, no punctuation, spaces or a mirror's pinyin glosses (會(huì)議): a heading the scorer finds is
    found here too."""
    assert folds.norm("一、開好會(huì)議， 抓 落實") == folds.norm("一、开好会议抓落实") == "一开好会议抓落实"
