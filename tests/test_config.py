"""config.py: every configuration file is validated, all errors at once, and cannot hang or flood the build."""

from __future__ import annotations

import pytest

from build_kb import config as config_module
from build_kb.errors import ConfigError, ConfigErrors
from build_kb.pipeline import build_knowledge_base

from conftest import ROOT, make_corpus

GOOD = "在全县组织工作会议上的讲话\n同志们：\n一、加强基层党组织建设。提升组织力。\n二、建设高素质干部队伍。坚持好干部标准。\n"

BILLION_LAUGHS = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n'


def config_error(tmp_path, files: dict[str, str]) -> str:
    corpus = make_corpus(tmp_path / "c", {"a.txt": GOOD})
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    with pytest.raises((ConfigError, ConfigErrors)) as exc:
        build_knowledge_base(corpus)
    return str(exc.value)


@pytest.mark.parametrize(
    "files, expected",
    [
        ({"speeches.yaml": BILLION_LAUGHS}, "c/speeches.yaml:1: defines the anchor &a: aliases and anchors (&, *) are not allowed; write the value out"),
        (
            {"boilerplate.yaml": "rules:\n  - name: slow\n    pattern: '(a+)+$'\n"},
            "c/boilerplate.yaml:3: rule 'slow': the regular expression '(a+)+$' repeats a part that itself repeats, e.g. (a+)+, which can hang the build on one line; rewrite it without that",
        ),
        (
            {"boilerplate.yaml": "rules:\n  - name: alike\n    pattern: '^(a|ab)*c'\n"},
            "c/boilerplate.yaml:3: rule 'alike': the regular expression '^(a|ab)*c' repeats a choice whose alternatives can start alike, e.g. (a|ab)+, which can hang the build on one line; rewrite it without that",
        ),
        (
            {"boilerplate.yaml": "rules:\n  - name: r\n    pattern: 'x'\n    block: \"no\"\n"},
            "c/boilerplate.yaml:4: rule 'r': 'block' must be true or false; got text 'no'",
        ),
        (
            {"boilerplate.yaml": "rules:\n  - name: r\n    pattern: 'x'\n    max_length: true\n"},
            "c/boilerplate.yaml:4: rule 'r': 'max_length' must be a positive whole number, like 60; got true/false True",
        ),
        (
            {"boilerplate.yaml": "rules:\n  - name: r\n    pattern: 'x'\n    wher: edges\n"},
            "c/boilerplate.yaml:4: unknown field 'wher' in a rule; did you mean 'where'? expected one of: block, max_length, name, pattern, where",
        ),
        (
            {"glossary.yaml": "terms:\n  - term: 两个维护\n    theme: [a, b]\n"},
            "c/glossary.yaml:3: 'theme' of '两个维护' (one theme id) must be text; got a list ['a', 'b']",
        ),
        (
            {"glossary.yaml": "terms:\n  - term: 两个维护\n    theme: cadre\n"},
            "c/glossary.yaml:3: 'theme' of '两个维护': unknown theme 'cadre'; did you mean 'cadres'?",
        ),
        (
            {"speeches.yaml": 'a.txt:\n  id: "abc\\n"\n'},
            "c/speeches.yaml:2: 'id' of 'a.txt' must be lowercase ASCII letters and digits joined by single hyphens (at most 64), like 'abc'; got 'abc\\n'",
        ),
        ({"speeches.yaml": "a.txt:\n  id: index\n"}, "c/speeches.yaml:2: 'id' of 'a.txt' 'index' is reserved for the site's own pages; use another, e.g. 'index-1'"),
        ({"speeches.yaml": "a.txt:\n  skip: \"yes\"\n"}, "c/speeches.yaml:2: 'skip' of 'a.txt' must be true or false; got text 'yes'"),
    ],
)
def test_bad_configuration_gets_one_exact_message(tmp_path, files, expected):
    assert config_error(tmp_path, files) == expected


def test_script_in_a_subtopic_id_is_refused(tmp_path):
    themes = (ROOT / "corpus" / "themes.yaml").read_text(encoding="utf-8")
    themes = themes.replace("{id: two-upholds,", "{id: 'x\"><img src=x onerror=alert(1)>',", 1)
    message = config_error(tmp_path, {"themes.yaml": themes})
    assert message.startswith("c/themes.yaml:")
    assert message.endswith(": sub-topic id of 'political-building' must be lowercase ASCII letters and digits joined by single hyphens (at most 64), like 'x-img-src-x-onerror-alert-1'; got 'x\"><img src=x onerror=alert(1)>'")


def test_every_configuration_error_is_reported_at_once(tmp_path):
    message = config_error(
        tmp_path,
        {
            "speeches.yaml": "a.txt:\n  year: twenty\n  level: 3\nb.txt:\n  titel: x\n",
            "boilerplate.yaml": "rules:\n  - name: r\n    pattern: '('\n",
        },
    )
    assert message.splitlines() == [
        "4 problems in the configuration:",
        "  c/boilerplate.yaml:3: rule 'r': invalid regular expression '(': missing ), unterminated subpattern at position 0",
        "  c/speeches.yaml:2: 'year' of 'a.txt' must be a four-digit year, like 2020; got 'twenty'",
        "  c/speeches.yaml:3: 'level' of 'a.txt' must be text; got a number 3",
        "  c/speeches.yaml:5: unknown field 'titel' in the entry for 'b.txt'; did you mean 'title'? expected one of: addressees, attachments, date, doc_number, drop_lines, heading_lines, id, issuer, keep_lines, level, occasion, original, original_sha256, reviewed, section_themes, skip, speaker, speaker_role, subtitle, title, year",
    ]


def test_oversized_configuration_is_refused(tmp_path, monkeypatch):
    # A limit well above the shipped files (boilerplate.yaml is some 20 KB) and below the test's file.
    monkeypatch.setattr(config_module, "MAX_CONFIG_BYTES", 50_000)
    message = config_error(tmp_path, {"speeches.yaml": "# " + "x" * 60_000 + "\n"})
    assert message == "c/speeches.yaml: is 60,003 bytes; configuration files may be at most 50,000 bytes"


def test_rules_apply_only_to_lines_within_max_length(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"a.txt": GOOD + "三、" + "广告" * 150 + "。\n"})
    (corpus / "boilerplate.yaml").write_text("rules:\n  - name: ad\n    pattern: '广告'\n", encoding="utf-8")
    kb = build_knowledge_base(corpus)
    assert kb.speeches[0].clean.removed == []  # the 303-character line is over the default max_length of 200


def test_curation_keys_are_validated(tmp_path):
    message = config_error(
        tmp_path,
        {"speeches.yaml": "a.txt:\n  keep_lines: [0, 2]\n  drop_lines: x\n  reviewed: [no-dat]\n  original_sha256: abc\n"},
    )
    assert message.splitlines() == [
        "4 problems in the configuration:",
        "  c/speeches.yaml:2: 'keep_lines' of 'a.txt' must be a line number or a list of them, like [3, 4]; got [0, 2]",
        "  c/speeches.yaml:3: 'drop_lines' of 'a.txt' must be a line number or a list of them, like [3, 4]; got 'x'",
        "  c/speeches.yaml:4: 'reviewed' of 'a.txt' must be true or a list of review items (collection, doubtful-line, heading-like, joined, long-section, low-theme, no-date, no-occasion, no-speaker-name, split, suspicious-title, title-derived, title-from-note, unnumbered-headings); got 'no-dat'; did you mean 'no-date'?",
        "  c/speeches.yaml:5: 'original_sha256' of 'a.txt' must be 64 hexadecimal digits (kb add writes it); got 'abc'",
    ]


def test_heading_lines_are_validated(tmp_path):
    message = config_error(tmp_path, {"speeches.yaml": "a.txt:\n  heading_lines: {12: 1, x: 2, 30: 4}\n"})
    assert message.splitlines() == [
        "2 problems in the configuration:",
        "  c/speeches.yaml:2: 'heading_lines' of 'a.txt' maps a line number to a level 1, 2 or 3, like {12: 1, 30: 2}; got 'x': 2",
        "  c/speeches.yaml:2: 'heading_lines' of 'a.txt' maps a line number to a level 1, 2 or 3, like {12: 1, 30: 2}; got 30: 4",
    ]


def test_print_yaml_citation_is_checked_with_its_line(tmp_path):
    from build_kb.publish.reader_settings import format_citation

    corpus = make_corpus(tmp_path / "c")
    (corpus / "print.yaml").write_text("publisher: 某某县委组织部\ncitation: （摘自{speaker}《{title}》{where}）\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        config_module.load_print_config(corpus)
    assert str(error.value) == "c/print.yaml:2: 'citation' 中的 {where} 不是可用的字段；可用：{title}、{date}、{speaker}、{place}、{paragraph}"
    (corpus / "print.yaml").write_text("citation: （{speaker}在{date}的讲话《{title}》{place}）\n", encoding="utf-8")
    template = config_module.load_print_config(corpus).citation
    assert format_citation(template, {"title": "讲话", "date": "2018年2月27日", "speaker": "", "place": "第一部分"}) == "（在2018年2月27日的讲话《讲话》第一部分）"
    assert config_module.load_print_config(tmp_path).citation == "（摘自《{title}》，{date}，{speaker}）"
