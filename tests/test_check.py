"""`kb check`: what the build understood of each speech, for people (text) and tools (JSON)."""

from __future__ import annotations

import json
import subprocess
import sys

from build_kb.check import check_report, needs_a_human, report_text
from build_kb.pipeline import build_knowledge_base

from conftest import ROOT, make_corpus

CLEAN = "在全县组织工作会议上的讲话\n（2021年3月5日）\n县委书记 王建国\n同志们：\n一、加强基层党组织建设。提升组织力，建强党支部。\n二、建设高素质干部队伍。坚持好干部标准，选好用好年轻干部。\n"
DOUBTFUL = (
    "市委副书记\n同志们：\n一、加强基层党组织建设。提升组织力，建强党支部。\n"
    "（三）这一行像小标题却接不上编号\n刚才，××同志和*同志讲得很好。\n二、建设干部队伍。坚持好干部标准。\n"
)


def kb_cli(*args):
    return subprocess.run([sys.executable, "-m", "build_kb", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_report_of_a_clean_speech_needs_no_human(tmp_path):
    report = check_report(build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": CLEAN})))
    assert report["format"] == 8 and report["not_built"] == []
    (speech,) = report["speeches"]
    assert speech["fields"] == {
        "title": {"value": "在全县组织工作会议上的讲话", "rule": "header line"},
        "date": {"value": "2021-03-05", "rule": "header date line"},
        "speaker": {"value": "王建国", "rule": "byline role and name"},
        "speaker_role": {"value": "县委书记", "rule": "byline role"},
        "occasion": {"value": "全县组织工作会议", "rule": "title: 在…上的讲话"},
        "level": {"value": "县", "rule": "全X"},
    }
    assert [(s["id"], s["themes"]) for s in speech["sections"]] == [("opening", []), ("s1", ["grassroots"]), ("s2", ["cadres"])]
    assert speech["to_check"] == [] and not needs_a_human(report)
    assert report["theme_names"]["grassroots"] == "基层党建"
    # the curator reads a theme's name, and beside it the id a section_themes fix is written in
    shown = report_text(report).splitlines()
    assert [line.strip() for line in shown[shown.index("各部分：") + 1:]] == [
        "opening    （开场白）  [不归专题] 1 段",
        "s1         一、加强基层党组织建设。  [基层党建（grassroots）；据小标题] 1 段",
        "s2         二、建设高素质干部队伍。  [干部队伍（cadres）；据小标题] 1 段",
        "== 待核对共 0 项，涉及 0 篇讲话",
    ]


def test_report_names_an_encoding_other_than_utf8(tmp_path):
    report = check_report(build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": CLEAN.encode("gbk"), "b.txt": DOUBTFUL})))
    assert [(s["file"], s["encoding"], s["document"]) for s in report["speeches"]] == [("a.txt", "gb18030", None), ("b.txt", "utf-8", None)]
    assert [line for line in report_text(report).splitlines() if line.startswith("编码")] == ["编码：  GB18030（读入时已转为 UTF-8）"]


def test_report_lists_what_needs_a_human(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"a.txt": CLEAN, "b.txt": DOUBTFUL, "empty.txt": ""})
    report = check_report(build_knowledge_base(corpus))
    b = next(s for s in report["speeches"] if s["file"] == "b.txt")
    assert b["placeholders"] == ["*同志", "××"]
    assert [(x["code"], x["message"], x["section"], x["line"], x["settled_by"]) for x in b["to_check"]] == [
        ("no-speaker-name", "署名只有职务（市委副书记），没有姓名", None, None, "speaker"),
        ("title-derived", "正文没有标题，现用标题由内容生成：请写明标题", None, None, "title"),
        ("no-date", "没有找到日期", None, None, "date"),
        ("no-occasion", "没有找到会议名称（在……会议上的讲话、召开……会议）", None, None, "occasion"),
        ("heading-like", "第 3 段像小标题，但没有当作小标题：（三）这一行像小标题却接不上编号", "s1", 4, "reviewed"),
    ]
    assert report["not_built"] == ["empty.txt：文件是空的，没有可生成的内容；请放入讲话文本，或删去这个文件"]
    assert needs_a_human(report)
    text = report_text(report)
    # no entry in speeches.yaml yet: the fix says to begin one at the end of the file
    assert ("  ！署名只有职务（市委副书记），没有姓名   → 在 c/speeches.yaml 末尾另起一行写 \"b.txt\":，再在其下加一行（行首空两格）："
            "speaker: 姓名（写上讲话人的姓名）；或 reviewed: [no-speaker-name]（原文确实没有姓名）") in text
    assert ("  ！部分 s1，第 4 行：第 3 段像小标题，但没有当作小标题：（三）这一行像小标题却接不上编号   → 在 c/speeches.yaml 末尾另起一行写 \"b.txt\":，"
            "再在其下加一行（行首空两格）：reviewed: [heading-like@4]（不是小标题）；或 heading_lines: {3: 1, 4: 2, 6: 1}（是小标题，连同现有的各级小标题一起写明）") in text
    assert text.endswith("== 待核对共 5 项，涉及 1 篇讲话；另有构建提示 1 条")
    assert "没有生成：empty.txt：文件是空的，没有可生成的内容；请放入讲话文本，或删去这个文件" in text


def test_cli_json_and_strict(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"a.txt": CLEAN, "b.txt": DOUBTFUL})
    clean = kb_cli("check", "--corpus", str(corpus), str(corpus / "a.txt"), "--format", "json", "--strict")
    assert clean.returncode == 0, clean.stderr
    data = json.loads(clean.stdout)
    assert [s["file"] for s in data["speeches"]] == ["a.txt"]
    assert set(data["speeches"][0]) == {"file", "id", "encoding", "fields", "document", "sections", "removed", "splits", "joins", "placeholders", "problems", "to_check", "doubtful", "keep_fix", "removed_lines"}
    assert kb_cli("check", "--corpus", str(corpus), "--strict").returncode == 1
    assert kb_cli("check", "--corpus", str(corpus)).returncode == 0


def test_cli_names_a_file_outside_the_corpus(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"a.txt": CLEAN})
    result = kb_cli("check", "--corpus", str(corpus), str(tmp_path / "elsewhere.txt"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"错误：{tmp_path / 'elsewhere.txt'}：不在语料目录 {corpus} 里；新文件请先用 python -m build_kb add 加入语料，语料在别处的用 --corpus 指明语料文件夹"


def test_cli_sends_the_word_file_itself_to_kb_add(tmp_path):
    """A curator checks the Word file before (or after) adding it: check and outline read only the corpus's .txt,
    and say that kb add reads the rest (they said 不是语料目录 … 里的讲话文件, or sent them to --corpus)."""
    corpus = make_corpus(tmp_path / "c", {"a.txt": CLEAN})
    (tmp_path / "讲话.docx").write_bytes(b"PK")
    checked = kb_cli("check", "--corpus", str(corpus), str(tmp_path / "讲话.docx"))
    outlined = kb_cli("outline", str(tmp_path / "讲话.docx"))
    assert (checked.returncode, outlined.returncode) == (1, 1)
    assert checked.stderr == f"错误：{tmp_path / '讲话.docx'}：python -m build_kb check 只看语料里的讲话文件（.txt）；Word、PDF、网页请先用 python -m build_kb add 加入语料，再看加入后的 .txt\n"
    assert outlined.stderr == f"错误：{tmp_path / '讲话.docx'}：python -m build_kb outline 只看语料里的讲话文件（.txt）；Word、PDF、网页请先用 python -m build_kb add 加入语料，再看加入后的 .txt\n"


def test_speeches_yaml_settles_review_items(tmp_path):
    overrides = (
        "b.txt:\n"
        "  date: 2021-05-06\n"
        "  title: 在全市基层党建工作会议上的讲话\n"
        "  speaker: 李四\n"
        "  reviewed: [heading-like]\n"
    )
    corpus = make_corpus(tmp_path / "c", {"b.txt": DOUBTFUL, "speeches.yaml": overrides})
    (b,) = check_report(build_knowledge_base(corpus))["speeches"]
    # The title now names the meeting, but occasion is detected from the text: it stays to check.
    assert [x["code"] for x in b["to_check"]] == ["no-occasion"]
    (corpus / "speeches.yaml").write_text(overrides + "  occasion: 全市基层党建工作会议\n", encoding="utf-8")
    (b,) = check_report(build_knowledge_base(corpus))["speeches"]
    assert b["to_check"] == []


def test_keep_and_drop_lines_overrule_the_rules(tmp_path):
    text = "在全县组织工作会议上的讲话\n同志们：\n一、加强基层党组织建设。提升组织力。\n本文来源：某某网\n二、建设干部队伍。坚持好干部标准。\n"
    corpus = make_corpus(tmp_path / "c", {"a.txt": text, "speeches.yaml": "a.txt:\n  keep_lines: [4]\n  drop_lines: 5\n"})
    (a,) = check_report(build_knowledge_base(corpus))["speeches"]
    assert a["removed"] == [{"line": 5, "rule": "drop_lines (speeches.yaml)", "text": "二、建设干部队伍。坚持好干部标准。", "in_line": False, "last": None}]
    (corpus / "speeches.yaml").write_text("a.txt:\n  drop_lines: [9]\n", encoding="utf-8")
    kb = build_knowledge_base(corpus)
    assert [str(p) for p in kb.problems] == ["a.txt：speeches.yaml 第 2 行的 drop_lines 写了第 9 行，但 a.txt 只有 5 行；请改正行号"]
    assert [r.line for r in kb.speeches[0].clean.removed] == [4]
    # kb check lists it under the speech, which is built (it said 没有生成：speeches.yaml…); line 6 is past a text of 5 lines
    (corpus / "speeches.yaml").write_text("a.txt:\n  date: 2021-05-06\n  drop_lines: [6]\n", encoding="utf-8")
    shown = report_text(check_report(build_knowledge_base(corpus))).splitlines()
    assert "  ！a.txt：speeches.yaml 第 3 行的 drop_lines 写了第 6 行，但 a.txt 只有 5 行；请改正行号" in shown and not any(x.startswith("没有生成") for x in shown)


def test_heading_lines_make_any_line_a_heading(tmp_path):
    text = "在全县组织工作会议上的讲话\n同志们：\n关于基层党建\n要建强党支部，提升组织力。\n关于干部队伍\n坚持好干部标准。\n一是选好干部。二是管好干部。\n"
    corpus = make_corpus(tmp_path / "c", {"a.txt": text, "speeches.yaml": "a.txt:\n  heading_lines: {3: 1, 5: 1}\n"})
    (a,) = check_report(build_knowledge_base(corpus))["speeches"]
    assert [(s["id"], s["level"], s["heading"]) for s in a["sections"]] == [
        ("opening", 1, ""), ("s1", 1, "关于基层党建"), ("s2", 1, "关于干部队伍"),
    ]


def test_check_json_follows_its_schema(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"a.txt": CLEAN, "b.txt": DOUBTFUL})
    data = json.loads(kb_cli("check", "--corpus", str(corpus), "--format", "json").stdout)
    schema = {
        "file": str, "id": str, "encoding": str, "fields": dict, "document": type(None), "sections": list, "removed": list, "splits": list, "joins": list,
        "placeholders": list, "problems": list, "to_check": list, "doubtful": list, "removed_lines": int,
    }
    assert data["format"] == 8 and isinstance(data["not_built"], list) and data["open_items"] == 5
    for speech in data["speeches"]:
        assert isinstance(speech.pop("keep_fix"), (str, type(None)))
        assert {k: type(v) for k, v in speech.items()} == schema
        assert set(speech["fields"]) == {"title", "date", "speaker", "speaker_role", "occasion", "level"}
        assert all(set(f) == {"value", "rule"} for f in speech["fields"].values())
        for section in speech["sections"]:
            assert set(section) == {"id", "level", "kind", "heading", "line", "paragraphs", "themes", "theme_source", "theme_scores"}
            assert section["level"] in (1, 2, 3) and section["kind"] in ("opening", "body", "closing")
        for item in speech["to_check"]:
            assert set(item) == {"code", "message", "section", "line", "settled_by", "fix", "fixes"}
            assert all(set(way) == {"label", "yaml", "where", "replaces"} for way in item["fixes"])
            assert item["settled_by"] in {"title", "date", "speaker", "occasion", "section_themes", "reviewed", "drop_lines"}
        for removed in speech["removed"]:
            assert set(removed) == {"line", "rule", "text", "in_line", "last"} and isinstance(removed["line"], int)


def test_a_level_read_from_the_body_is_explained_without_naming_another_level(tmp_path):
    # 我镇 said again and again gives 镇: the reason names the pattern, not 我县/全县 (a township's curator read it as wrong)
    text = "在换届选举工作动员会上的讲话\n同志们：\n我镇换届工作即将开始。\n我镇各村要认真做好准备。\n我镇党委将加强督导。\n"
    report = check_report(build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": text})))
    (speech,) = report["speeches"]
    assert speech["fields"]["level"]["value"] == "镇"
    assert [line for line in report_text(report).splitlines() if line.startswith("层级")] == [
        "层级：  镇   ← 正文里反复出现的本级称呼（如“我镇”“全县”“市委要求”，层级取其中的镇、县、市）"
    ]


def test_every_removal_rule_has_a_chinese_name():
    # kb check lists each removed line as 第 N 行 [广告（advertising-block）]: boilerplate.yaml's rules and the cleaner's own
    from build_kb import explain
    from build_kb.config import Report, load_boilerplate
    from build_kb.ingest import capture, clean, marks

    shipped = load_boilerplate(ROOT / "corpus", Report())
    cleaners_own = [clean.CHROME_EVIDENCE, clean.DROPPED_BY_CURATOR, clean.GAP_RULE, clean.RUNNING_HEADER, capture.CAPTURE_RULE, marks.SPELLED_RULE,
                    *clean.STRUCTURAL_REMOVALS, "continuation-mark", "garbled-characters", "page-label", "inline-credit", "inline-watermark", "css-or-markup"]
    assert [name for name in [r.name for r in shipped.rules] + cleaners_own if name not in explain.REMOVALS] == []
    assert explain.removal("advertising-block") == "广告（advertising-block）"
    assert explain.removal("我加的规则") == "我加的规则"


def test_a_removed_line_that_reads_like_speech_names_its_rule_in_chinese(tmp_path):
    text = ("在全县组织工作会议上的讲话\n同志们：\n今天开会，研究部署全县组织工作。\n"
            "我们要坚持党管人才原则，完善党委统一领导、组织部门牵头抓总的人才工作格局，把各方面优秀人才集聚到党和人民的伟大奋斗中来，供大家阅读参考。\n一、加强基层党组织建设。提升组织力。\n")
    (speech,) = build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": text})).speeches
    assert [i.message for i in speech.review if i.code == "doubtful-line"] == [
        "删去的这一行像讲话正文（按规则 编者的话（editor-note） 删去），现已删去：我们要坚持党管人才原则，完善党委统一领导、组织部门牵头抓总的人才工作格局，把各方…"
    ]
