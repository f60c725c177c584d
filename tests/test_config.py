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
        ({"speeches.yaml": BILLION_LAUGHS}, "c/speeches.yaml:1：定义了锚点 &a：不允许用锚点和别名（&、*）；请把值直接写出来"),
        (
            {"boilerplate.yaml": "rules:\n  - name: slow\n    pattern: '(a+)+$'\n"},
            "c/boilerplate.yaml:3：规则 slow：正则表达式 '(a+)+$' 把本身会重复的部分再重复（如 (a+)+），遇到某些行会让生成卡住；请改写",
        ),
        (
            {"boilerplate.yaml": "rules:\n  - name: alike\n    pattern: '^(a|ab)*c'\n"},
            "c/boilerplate.yaml:3：规则 alike：正则表达式 '^(a|ab)*c' 重复一组开头可能相同的选择（如 (a|ab)+），遇到某些行会让生成卡住；请改写",
        ),
        (
            {"boilerplate.yaml": "rules:\n  - name: r\n    pattern: 'x'\n    block: \"no\"\n"},
            "c/boilerplate.yaml:4：规则 r 的 block 只能是 true 或 false；现在是文字 'no'",
        ),
        (
            {"boilerplate.yaml": "rules:\n  - name: r\n    pattern: 'x'\n    max_length: true\n"},
            "c/boilerplate.yaml:4：规则 r 的 max_length 要写正整数，例如 60；现在是布尔值 True",
        ),
        (
            {"boilerplate.yaml": "rules:\n  - name: r\n    pattern: 'x'\n    wher: edges\n"},
            "c/boilerplate.yaml:4：规则里没有 wher 这一项；是不是 where？可以写的有：block max_length name pattern where",
        ),
        (
            {"glossary.yaml": "terms:\n  - term: 两个维护\n    theme: [a, b]\n"},
            "c/glossary.yaml:3：两个维护 的 theme（一个专题 id）要写文字；现在是列表 ['a', 'b']",
        ),
        (
            {"glossary.yaml": "terms:\n  - term: 两个维护\n    theme: cadre\n"},
            "c/glossary.yaml:3：两个维护 的 theme：没有专题 cadre；是不是 cadres？",
        ),
        (
            {"speeches.yaml": 'a.txt:\n  id: "abc\\n"\n'},
            "c/speeches.yaml:2：a.txt 的 id 只能用小写英文字母和数字，中间用单个连字符连接（最多 64 个字符），例如 abc；现在写的是 'abc\\n'",
        ),
        ({"speeches.yaml": "a.txt:\n  id: index\n"}, "c/speeches.yaml:2：a.txt 的 id index 是网站自用的名字；请换一个，例如 index-1"),
        ({"speeches.yaml": "a.txt:\n  skip: \"yes\"\n"}, "c/speeches.yaml:2：a.txt 的 skip 只能是 true 或 false；现在是文字 'yes'"),
        # a date written as it is spoken, or without its zeros: the ISO form to write is named
        ({"speeches.yaml": "a.txt:\n  date: 2022年6月9日\n"}, "c/speeches.yaml:2：a.txt 的 date 要写成 2022-06-09（年-月-日，月和日各两位）；现在写的是 '2022年6月9日'"),
        ({"speeches.yaml": "a.txt:\n  date: 2022-6-9\n"}, "c/speeches.yaml:2：a.txt 的 date 要写成 2022-06-09（年-月-日，月和日各两位）；现在写的是 '2022-6-9'"),
        ({"speeches.yaml": "a.txt:\n  date: 2022-6-31\n"}, "c/speeches.yaml:2：a.txt 的 date 要按 YYYY-MM-DD 写，例如 2018-02-27；现在写的是 '2022-6-31'"),
        # a name quoted on a Chinese keyboard would be printed with its quotes
        ({"speeches.yaml": "a.txt:\n  speaker: “李明”\n"}, 'c/speeches.yaml:2：a.txt 的 speaker 两头是中文引号，会连引号一起印出；请去掉引号，或改成英文引号："李明"'),
        # a Chinese keyboard's colon, after a field or an entry: YAML fails on the line after it (said 格式有误 there)
        ({"speeches.yaml": 'a.txt:\n  title: "甲"\n  date：2022-06-09\n'}, "c/speeches.yaml:3：date 后面用了中文冒号“：”；请改成英文冒号“:”，冒号后空一格"),
        ({"speeches.yaml": '"a.txt"：\n  date: 2022-06-09\n'}, 'c/speeches.yaml:1："a.txt" 后面用了中文冒号“：”；请改成英文冒号“:”，冒号后空一格'),
        # a fix of sections pasted without its indent was an entry whose field was s1 (条目里没有 s1 这一项)
        (
            {"speeches.yaml": 'a.txt:\n  reviewed: [no-date]\nsection_themes: {s1: [cadres]}\n'},
            'c/speeches.yaml:3：section_themes 前面要空两格：它要写在讲话的条目（"文件名.txt":）之下，和条目里的其他各行对齐',
        ),
    ],
)
def test_bad_configuration_gets_one_exact_message(tmp_path, files, expected):
    assert config_error(tmp_path, files) == expected


def test_script_in_a_subtopic_id_is_refused(tmp_path):
    themes = (ROOT / "corpus" / "themes.yaml").read_text(encoding="utf-8")
    themes = themes.replace("{id: two-upholds,", "{id: 'x\"><img src=x onerror=alert(1)>',", 1)
    message = config_error(tmp_path, {"themes.yaml": themes})
    assert message.startswith("c/themes.yaml:")
    assert message.endswith("：political-building 的子专题 id 只能用小写英文字母和数字，中间用单个连字符连接（最多 64 个字符），例如 x-img-src-x-onerror-alert-1；现在写的是 'x\"><img src=x onerror=alert(1)>'")


def test_every_configuration_error_is_reported_at_once(tmp_path):
    message = config_error(
        tmp_path,
        {
            "speeches.yaml": "a.txt:\n  year: twenty\n  level: 3\nb.txt:\n  titel: x\n",
            "boilerplate.yaml": "rules:\n  - name: r\n    pattern: '('\n",
        },
    )
    assert message.splitlines() == [
        "配置文件有 4 处错误：",
        "  c/boilerplate.yaml:3：规则 r：正则表达式 '(' 写错了（第 1 个字符附近）",
        "  c/speeches.yaml:2：a.txt 的 year 要写四位数的年份，例如 2020；现在写的是 'twenty'",
        "  c/speeches.yaml:3：a.txt 的 level 要写文字；现在是数字 3",
        "  c/speeches.yaml:5：b.txt 的条目里没有 titel 这一项；是不是 title？可以写的有：addressees attachments date doc_number drop_lines heading_lines id issuer keep_lines level month occasion original original_sha256 paragraph_lines reviewed section_themes skip speaker speaker_role subtitle table_lines title year",
    ]


def test_oversized_configuration_is_refused(tmp_path, monkeypatch):
    # A limit well above the shipped files (boilerplate.yaml is some 20 KB) and below the test's file.
    monkeypatch.setattr(config_module, "MAX_CONFIG_BYTES", 50_000)
    message = config_error(tmp_path, {"speeches.yaml": "# " + "x" * 60_000 + "\n"})
    assert message == "c/speeches.yaml：有 60,003 字节；配置文件最多 50,000 字节"


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
        "配置文件有 4 处错误：",
        "  c/speeches.yaml:2：a.txt 的 keep_lines 要写行号或行号的列表，例如 [3, 4]；现在写的是 [0, 2]",
        "  c/speeches.yaml:3：a.txt 的 drop_lines 要写行号或行号的列表，例如 [3, 4]；现在写的是 'x'",
        "  c/speeches.yaml:4：a.txt 的 reviewed 要写 true 或待核对类别的列表（collection damaged-occasion damaged-role damaged-speaker damaged-subtitle damaged-title date-guessed doubtful-line glued-headings heading-like inline-mark joined long-section low-theme misnumbered-heading no-date no-issuer no-occasion no-speaker-name reading-changed speaker-guessed split suspicious-title title-choice title-derived title-from-note unnumbered-headings）；现在写的是 'no-dat'；是不是 no-date？",
        "  c/speeches.yaml:5：a.txt 的 original_sha256 应是 64 位十六进制数（由 kb add 写入，不要改动）；现在写的是 'abc'",
    ]


def test_paragraph_lines_are_validated_as_line_numbers(tmp_path):
    message = config_error(tmp_path, {"speeches.yaml": "a.txt:\n  paragraph_lines: [4, x]\n"})
    assert message == "c/speeches.yaml:2：a.txt 的 paragraph_lines 要写行号或行号的列表，例如 [3, 4]；现在写的是 [4, 'x']"


def test_heading_lines_are_validated(tmp_path):
    message = config_error(tmp_path, {"speeches.yaml": "a.txt:\n  heading_lines: {12: 1, x: 2, 30: 4}\n"})
    assert message.splitlines() == [
        "配置文件有 2 处错误：",
        "  c/speeches.yaml:2：a.txt 的 heading_lines 要写“行号: 级别”，级别是 1、2 或 3，例如 {12: 1, 30: 2}；现在写的是 'x': 2",
        "  c/speeches.yaml:2：a.txt 的 heading_lines 要写“行号: 级别”，级别是 1、2 或 3，例如 {12: 1, 30: 2}；现在写的是 30: 4",
    ]


def test_print_yaml_citation_is_checked_with_its_line(tmp_path):
    from build_kb.publish.reader_settings import format_citation

    corpus = make_corpus(tmp_path / "c")
    (corpus / "print.yaml").write_text("publisher: 某某县委组织部\ncitation: （摘自{speaker}《{title}》{where}）\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        config_module.load_print_config(corpus)
    assert str(error.value) == "c/print.yaml:2：'citation' 中的 {where} 不是可用的字段；可用：{title}、{date}、{speaker}、{place}、{paragraph}"
    (corpus / "print.yaml").write_text("citation: （{speaker}在{date}的讲话《{title}》{place}）\n", encoding="utf-8")
    template = config_module.load_print_config(corpus).citation
    assert format_citation(template, {"title": "讲话", "date": "2018年2月27日", "speaker": "", "place": "第一部分"}) == "（在2018年2月27日的讲话《讲话》第一部分）"
    assert config_module.load_print_config(tmp_path).citation == "（摘自《{title}》，{date}，{speaker}）"
