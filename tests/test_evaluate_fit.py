"""bench/fit_evidence_weights.py: the lines it fits on are the cleaner's own judgements, and the fit is
deterministic (the comparison of hand-set and learned weights in bench/RESULTS.md must be reproducible)."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def fitting():
    spec = importlib.util.spec_from_file_location("fit_evidence_weights", ROOT / "bench" / "fit_evidence_weights.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def eval_lines(fitting):
    return fitting.collect([])


def test_the_features_of_a_line_add_up_to_the_score_the_cleaner_gave_it(fitting, eval_lines):
    # The hand model (every reader at its own output, no bias, no position) is the shipped reader itself.
    names = fitting.feature_names(eval_lines)
    values = fitting.scores(eval_lines, names, fitting.hand_model(names))
    assert len(eval_lines) > 800
    assert all(abs(value - line.hand_score) < 0.011 for line, value in zip(eval_lines, values))
    # "none": a chrome text a case also has as speech (an outline's copy of a heading): which one is meant is not said.
    assert {"chrome", "speech"} <= {line.label for line in eval_lines} <= {"chrome", "speech", "none"}


def test_the_fit_is_deterministic_and_keeps_each_readers_direction(fitting, eval_lines):
    names = fitting.feature_names(eval_lines)
    hand = fitting.hand_model(names)[1]
    first = fitting.fit(eval_lines, names, 5.0, 1.0, False, hand)
    assert first == fitting.fit(eval_lines, names, 5.0, 1.0, False, hand)
    assert all(first[1][name] >= 0 for name in names if name not in fitting.POSITION_READERS)


def test_a_line_is_labelled_from_the_page_labels_by_shape_and_place(fitting):
    label = {"expect": {"title": "在全县组织工作会议上的讲话", "speaker": "张明"}, "chrome": ["返回首页"], "keep": ["抓好落实"]}
    line = lambda text, inside=False: fitting.JudgedLine("r", "p", text, {"outside-the-body": -1.0 if inside else 0.5}, 0.0)  # noqa: E731
    assert fitting.label_of(line("返回首页 |"), label) == "chrome"
    assert fitting.label_of(line("在全县组织工作会议上的讲话"), label) == "speech"
    assert fitting.label_of(line("县委书记 张明"), label) == "speech"
    assert fitting.label_of(line("各级党组织要把这项工作摆上重要位置，一项一项抓好。", True), label) == "speech"
    assert fitting.label_of(line("各级党组织要把这项工作摆上重要位置，一项一项抓好。"), label) == "none"  # outside the body: no guess
    assert fitting.label_of(line("组织工作"), label) == "none"
