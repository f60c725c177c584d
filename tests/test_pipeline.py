"""The pipeline on corpora with problems: every bad input is reported, none stops the build."""

import codecs

import pytest

from build_kb.errors import ConfigError, CorpusNotFound
from build_kb.model import CleanReport, Source
from build_kb.pipeline import build_knowledge_base, speech_id

from conftest import make_corpus

GOOD = "在全县组织工作会议上的讲话\n（2021年3月12日）\n同志们：\n一、加强基层党组织建设。提升组织力。\n二、建设高素质干部队伍。坚持好干部标准。\n"


def problems_by_file(kb):
    return {p.file: p for p in kb.problems}


def test_bad_files_are_reported_and_skipped(tmp_path):
    corpus = make_corpus(tmp_path / "c", {
        "good.txt": GOOD,
        "empty.txt": "",
        "blank.txt": "  \n\n\t\n",
        "binary.txt": b"\x00\x01\x02\x03PK\x00\x00",
        "noise.txt": bytes(range(128, 256)) * 10,
        "only-ads.txt": "仅供学习 禁止外传\n会员群：12345\n",
    })
    kb = build_knowledge_base(corpus)
    assert [s.source.rel_path for s in kb.speeches] == ["good.txt"]
    # The speech keeps where it came from and what cleaning did, not the file's bytes, text or lines.
    assert type(kb.speeches[0].source) is Source and type(kb.speeches[0].clean) is CleanReport
    found = problems_by_file(kb)
    assert "文件是空的" in found["empty.txt"].message and found["empty.txt"].severity == "error"
    assert "文件是空的" in found["blank.txt"].message
    assert "二进制文件" in found["binary.txt"].message
    assert "UTF-8" in found["noise.txt"].message
    assert "去掉非正文之后什么也没剩下" in found["only-ads.txt"].message


def test_duplicate_speech_is_built_once_with_a_warning(tmp_path):
    spaced = GOOD.replace("组织力", "组织 力").replace("。", "。\u3000", 1)  # a copy from a web page, with stray spaces
    corpus = make_corpus(tmp_path / "c", {"a.txt": GOOD, "b.txt": GOOD.encode("gbk"), "c.txt": GOOD.replace("\n", "\r\n"), "d.txt": spaced})
    kb = build_knowledge_base(corpus)
    assert [s.source.rel_path for s in kb.speeches] == ["a.txt"]
    for copy in ("b.txt", "c.txt", "d.txt"):
        assert "和 a.txt 文字相同" in problems_by_file(kb)[copy].message


def test_mixed_encodings_in_one_corpus(tmp_path):
    corpus = make_corpus(tmp_path / "c", {
        "utf8.txt": GOOD,
        "gbk.txt": GOOD.replace("全县", "全市").replace("提升", "全面提升").encode("gbk"),
        "utf16.txt": GOOD.replace("全县", "全区").replace("提升", "持续提升").encode("utf-16"),
        "bom.txt": codecs.BOM_UTF8 + GOOD.replace("全县", "全省").replace("提升", "切实提升").encode("utf-8"),
    })
    kb = build_knowledge_base(corpus)
    assert sorted(s.occasion for s in kb.speeches) == sorted(["全县组织工作会议", "全市组织工作会议", "全区组织工作会议", "全省组织工作会议"])
    assert {s.source.encoding for s in kb.speeches} == {"utf-8", "gb18030", "utf-16", "utf-8-sig"}


def test_overrides_win_and_are_marked(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"讲话 一.txt": GOOD})
    (corpus / "speeches.yaml").write_text(
        "讲话 一.txt:\n  id: county-2021\n  speaker: 王五\n  date: 2021-03-15\n  section_themes:\n    s1: [cadres]\n", encoding="utf-8"
    )
    kb = build_knowledge_base(corpus)
    speech = kb.speeches[0]
    assert (speech.id, speech.speaker, speech.date, speech.year) == ("county-2021", "王五", "2021-03-15", 2021)
    assert sorted(speech.overridden) == ["date", "id", "speaker"]
    s1 = speech.all_sections()[1]
    assert (s1.id, s1.themes, s1.theme_source) == ("s1", ["cadres"], "manual")


def test_a_title_written_with_radical_forms_is_folded_as_the_text_is(tmp_path):
    # kb add writes the title a PDF marks; a PDF's text layer may give 见 as the radical form ⻅ (U+2EC5).
    corpus = make_corpus(tmp_path / "c", {"a.txt": GOOD})
    (corpus / "speeches.yaml").write_text("a.txt:\n  title: 关于常\u2ec5问题的讲话\n", encoding="utf-8")
    assert build_knowledge_base(corpus).speeches[0].title == "关于常见问题的讲话"


@pytest.mark.parametrize(
    "yaml_text, line, fragment",
    [
        ("a.txt:\n  tilte: 错字\n", 2, "没有 tilte 这一项"),
        ("a.txt:\n  title: ok\n  date: 2021-13-45\n", 3, "YYYY-MM-DD"),
        ("a.txt:\n  id: 中文id\n", 2, "只能用小写英文字母和数字"),
        ("a.txt:\n  title: [unclosed\n", 3, "YAML 格式有误"),
        ("a.txt: [1, 2]\n", 1, "要写成“键: 值”的形式"),
        ("a.txt:\n  title: x\na.txt:\n  title: y\n", 4, "title 写了两次（第 2 行和第 4 行）"),
    ],
)
def test_bad_override_names_file_and_line(tmp_path, yaml_text, line, fragment):
    corpus = make_corpus(tmp_path / "c", {"a.txt": GOOD})
    (corpus / "speeches.yaml").write_text(yaml_text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        build_knowledge_base(corpus)
    assert exc.value.file.endswith("speeches.yaml")
    assert exc.value.line == line
    assert fragment in str(exc.value)


def test_override_for_a_missing_file_is_a_warning(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"a.txt": GOOD})
    (corpus / "speeches.yaml").write_text("gone.txt:\n  title: x\n", encoding="utf-8")
    kb = build_knowledge_base(corpus)
    assert [(str(p), p.line) for p in kb.problems] == [("c/speeches.yaml:1：条目 gone.txt 在语料目录里没有对应的讲话文件；请核对文件名，或删去这一条", 1)]


def test_bad_boilerplate_regex_names_the_rule(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"a.txt": GOOD})
    (corpus / "boilerplate.yaml").write_text("rules:\n  - name: broken\n    pattern: '([unclosed'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"规则 broken：正则表达式 .* 写错了") as exc:
        build_knowledge_base(corpus)
    assert exc.value.line == 3  # the pattern's own line


def test_missing_corpus_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusNotFound, match="没有这个语料目录"):
        build_knowledge_base(tmp_path / "nope")


def test_corpus_without_config_files_still_builds(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"a.txt": GOOD}, config=False)
    kb = build_knowledge_base(corpus)
    assert len(kb.speeches) == 1 and kb.themes == []


def test_ids_are_stable_ascii_and_unique():
    assert speech_id("000_0529276282a01e65.txt") == "000-0529276282a01e65"
    assert speech_id("Report 2021.txt") == "report-2021"
    chinese = speech_id("在全区组织工作会议上的讲话.txt")
    assert chinese.startswith("speech-") and chinese.isascii() and chinese == speech_id("在全区组织工作会议上的讲话.txt")
    assert speech_id("a/讲话.txt") != speech_id("b/讲话.txt")


def test_speeches_are_sorted_by_date_undated_last(seed_kb):
    keys = [(s.date or (f"{s.year}-99" if s.year else "9999")) for s in seed_kb.speeches]
    assert keys == sorted(keys)
    assert seed_kb.speeches[-1].year is None


def test_seed_corpus_builds_without_problems(seed_kb):
    assert seed_kb.problems == []


def test_a_line_named_a_heading_is_never_doubted_as_a_sites_words(tmp_path):
    """heading_lines (the curator's, or kb add's from a document's styles and type) say the line is the
    text's own head: the cleaner does not list it as doubtful (通讯员队伍 reads like a site's credit)."""
    text = (
        "在全县新闻宣传工作会议上的讲话\n同志们：\n要坚持问题导向，推动新闻宣传各项工作落地见效。\n"
        "通讯员队伍\n要把通讯员队伍建强，做到每个单位都有人写、会写。\n"
    )
    (plain,) = build_knowledge_base(make_corpus(tmp_path / "a", {"a.txt": text})).speeches
    assert [d.line for d in plain.clean.doubtful] == [4]
    corpus = make_corpus(tmp_path / "b", {"a.txt": text, "speeches.yaml": "a.txt:\n  heading_lines: {4: 1}\n"})
    (named,) = build_knowledge_base(corpus).speeches
    assert (named.clean.removed, named.clean.doubtful) == ([], [])
    assert [(s.id, s.heading) for s in named.all_sections()] == [("opening", ""), ("s1", "通讯员队伍")]


def test_a_line_split_more_than_once_is_named_once_in_its_review_item(tmp_path):
    line = (
        "在全县组织工作会议上的讲话 同志们：今天召开这次会议，主要任务是总结工作、部署任务。刚才几位同志作了发言，讲得很好。 "
        "一、提高站位，增强做好组织工作的责任感 过去一年，全县各级党组织认真贯彻上级部署，组织工作取得明显成效，党员队伍更加过硬。 "
        "二、突出重点，推动基层组织全面进步全面过硬 今年要抓好村级组织建设，选优配强带头人队伍，严格落实三会一课制度，层层抓好落实。"
        " 网友评论 浏览次数：128 上一篇：在全县人才工作会议上的讲话"  # the page's footer, parted off as well
    )
    (speech,) = build_knowledge_base(make_corpus(tmp_path, {"a.txt": line})).speeches
    (split,) = [r for r in speech.review if r.code == "split"]
    # eight pieces in all (two passes); the footer's went, so the page shows seven texts from the line: six cuts
    assert sum(x.pieces - 1 for x in speech.clean.splits) == 7 and speech.kept_texts()[1] == 7
    assert split.message == "粘连成一行的文字被拆成段落，共拆 6 处（第 1 行）：请看分段是否正确"
    assert len(speech.clean.splits) == 2
