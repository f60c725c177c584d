"""Hostile and extreme inputs: the build never crashes, never loses text, stays within its structure."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_kb.ingest.clean import clean
from build_kb.model import Line
from build_kb.ingest.parse import MAX_LEVEL, parse
from build_kb.pipeline import build_knowledge_base

from conftest import ROOT, build_site, make_corpus

HEAD = "在全县组织工作会议上的讲话\n同志们：\n"


def only_speech(kb):
    assert len(kb.speeches) == 1, kb.problems
    return kb.speeches[0]


def test_five_megabyte_single_line(tmp_path):
    line = "坚持党管干部原则，加强基层党组织建设，" * 130_000  # ~5 MB of UTF-8 on one line
    kb = build_knowledge_base(make_corpus(tmp_path / "c", {"big.txt": line}))
    speech = only_speech(kb)
    assert sum(len(p.text) for p in speech.all_paragraphs()) == len(line)
    assert [str(p) for p in kb.problems] == ["big.txt：没有认出小标题（一、（一）1. 第一，一是……），全文作为一个部分；小标题可以写进 speeches.yaml 的 heading_lines"]


def test_a_short_text_without_headings_is_one_part_without_a_warning(tmp_path):
    """A four-paragraph reply or a short report reads well as one part; only a long text read flat is worth a word."""
    short = HEAD + "\n".join(["会议要求，各级党组织要抓好落实，推动组织工作高质量发展。"] * 4)
    kb = build_knowledge_base(make_corpus(tmp_path / "c", {"short.txt": short}))
    assert len(only_speech(kb).all_paragraphs()) == 5 and [str(p) for p in kb.problems] == []  # the salutation and four


def test_ten_thousand_tiny_paragraphs(tmp_path):
    body = "\n".join(f"第{i}段话。" for i in range(10_000))
    speech = only_speech(build_knowledge_base(make_corpus(tmp_path / "c", {"tiny.txt": HEAD + body})))
    ids = [p.id for p in speech.all_paragraphs()]
    assert len(ids) == 10_001 and len(set(ids)) == len(ids)


def test_stray_nul_bytes_are_removed_and_reported(tmp_path):
    data = (HEAD + "一、加强党的\x00建设。\n把党的建设抓好。\n二、加强干部队伍建设。\n把干部选好用好。\n").encode("utf-8")
    kb = build_knowledge_base(make_corpus(tmp_path / "c", {"nul.txt": data}))
    speech = only_speech(kb)
    assert speech.all_sections()[1].heading == "一、加强党的建设。"
    assert [str(p) for p in kb.problems] == ["nul.txt：含有 1 个控制字符或零宽字符（已去掉）"]


def test_structure_deeper_than_three_levels_is_flattened():
    text = HEAD + "第一部分 总体\n一、方面\n（一）要点\n1.细则。内容。\n（1）更细。内容。\n2.细则二。内容。\n（二）要点二\n二、方面二\n第二部分 其他"
    parsed = parse([Line(i, t) for i, t in enumerate(text.split("\n"), 1)])
    outline = [(s.id, s.level, s.heading, [p.text for p in s.paragraphs]) for top in parsed.sections for s in top.walk()]
    assert max(level for _, level, _, _ in outline) == MAX_LEVEL
    # The fourth level stays as paragraphs of the third, nothing is lost.
    assert outline == [
        ("opening", 1, "", ["同志们："]),
        ("s1", 1, "第一部分 总体", []),
        ("s1-1", 2, "一、方面", []),
        ("s1-1-1", 3, "（一）要点", ["1.细则。内容。", "（1）更细。内容。", "2.细则二。内容。"]),
        ("s1-1-2", 3, "（二）要点二", []),
        ("s1-2", 2, "二、方面二", []),
        ("s2", 1, "第二部分 其他", []),
    ]


def test_site_with_every_kind_of_hostile_file(tmp_path):
    files = {
        "空 格 与 中文 文件名.txt": HEAD + "一、{{ config.site_name }} 与 {% raw %} 原样显示。\n二、<iframe src=x> 与 **加粗** 原样显示。\n",
        "empty.txt": "",
        "spaces.txt": " \n\t\n　\n",
        "binary.txt": bytes(range(256)) * 4,
        "dup-a.txt": HEAD + "一、甲。\n二、乙。\n",
        "dup-b.txt": HEAD + "一、甲。\n二、乙。\n",
        "gbk.txt": (HEAD + "一、加强党建。\n二、加强干部。\n三、加强人才。\n").encode("gbk"),
        "utf16.txt": (HEAD + "一、提升组织力。\n二、建强支部。\n").encode("utf-16"),
    }
    corpus = make_corpus(tmp_path / "c", files)
    kb = build_site(ROOT / "mkdocs.yml", tmp_path / "site", corpus_dir=corpus)
    assert sorted(s.source.rel_path for s in kb.speeches) == sorted(["空 格 与 中文 文件名.txt", "dup-a.txt", "gbk.txt", "utf16.txt"])
    odd = next(s for s in kb.speeches if s.source.rel_path.startswith("空"))
    assert odd.id.isascii() and " " not in odd.id
    html = (tmp_path / "site" / odd.url / "index.html").read_text(encoding="utf-8")
    assert "{{ config.site_name }}" in html and "{% raw %}" in html
    assert "<iframe" not in html and "&lt;iframe src=x&gt;" in html and "**加粗**" in html
    messages = " ".join(p.message for p in kb.problems)
    assert "文件是空的" in messages and "二进制文件" in messages and "和 dup-a.txt 文字相同" in messages


# --- properties ---------------------------------------------------------------------------------

heading = st.sampled_from(["一、加强党建", "二、建设队伍", "三、引进人才", "（一）要点", "（二）要点", "1.细则。", "2.细则。", "要进一步落实。", "要坚决执行。"])
prose = st.text(alphabet=list("党的建设干部人才基层组织工作要求坚持，。、“”XX*<>#{}"), min_size=1, max_size=60)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(heading, prose), min_size=1, max_size=25), st.data())
def test_anchors_are_unique_and_stable_when_paragraph_text_changes(rules, lines, data):
    text = HEAD + "\n".join(lines)
    first_clean = clean(text, rules)
    first = parse(first_clean.lines)
    ids = [(s.id, [p.id for p in s.paragraphs]) for top in first.sections for s in top.walk()]
    flat = [s for s, _ in ids] + [p for _, ps in ids for p in ps]
    assert len(flat) == len(set(flat))
    # change the wording inside a plain paragraph (not its structure): every anchor stays
    removed = {r.line for r in first_clean.removed}
    first_line = HEAD.count("\n") + 1
    candidates = [i for i, line in enumerate(lines) if re.fullmatch(r"[党的建设干部人才基层组织工作]+", line) and first_line + i not in removed]
    if not candidates:
        return
    i = data.draw(st.sampled_from(candidates))
    changed = list(lines)
    changed[i] = changed[i] + "基层"
    changed_clean = clean(HEAD + "\n".join(changed), rules)
    # the cleaner may judge the new wording otherwise (人人 between two chrome lines reads as a byline name,
    # 人人基层 does not), and with it the lines around it (a run of symbol lines removed beside a name, joined into
    # a paragraph beside prose): that is the cleaner's verdict, not an anchor's instability
    if {r.line for r in changed_clean.removed} != removed or len(changed_clean.lines) != len(first_clean.lines):
        return
    second = parse(changed_clean.lines)
    # nor is a reader's verdict on the line's new length (人 alone is too short to be a paragraph a short line
    # above numbered heads stands over, 人基层 is not): anchors are stable where the structure is the same
    if _structure(second) != _structure(first):
        return
    assert [(s.id, [p.id for p in s.paragraphs]) for top in second.sections for s in top.walk()] == ids


def _structure(parsed) -> list[tuple[int | None, int]]:
    """The heading lines and their levels: what the parse read as the text's parts."""
    return [(s.line, s.level) for top in parsed.sections for s in top.walk() if s.heading]


# --- corpus files and names (moved from the safety suite) -----------------------------------------

GOOD = HEAD + "一、加强基层党组织建设。提升组织力。\n二、建设高素质干部队伍。坚持好干部标准。\n"
OTHER = GOOD.replace("全县", "全市").replace("提升", "全面提升")


def test_link_out_of_the_corpus_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("在全县组织工作会议上的讲话\n同志们：\n机密内容。\n", encoding="utf-8")
    corpus = make_corpus(tmp_path / "c", {"a.txt": GOOD})
    (corpus / "passwd.txt").symlink_to(secret)
    (corpus / "inside.txt").symlink_to(corpus / "a.txt")
    kb = build_knowledge_base(corpus)
    assert [s.source.rel_path for s in kb.speeches] == ["a.txt"]
    assert [str(p) for p in kb.errors] == [f"passwd.txt：是指向语料目录之外（{secret}）的链接，没有读取；请把文件复制到语料目录里（或生成时加 --follow-links）"]
    assert "机密" in build_knowledge_base(corpus, follow_links=True).speeches[-1].title + "".join(
        p.text for s in build_knowledge_base(corpus, follow_links=True).speeches for p in s.all_paragraphs()
    )


def test_speech_named_like_a_site_page_gets_its_own_id(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"index.txt": GOOD, "search.txt": OTHER})
    assert sorted(s.id for s in build_knowledge_base(corpus).speeches) == ["index-speech", "search-speech"]


def test_control_characters_in_file_names_are_escaped_in_messages(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"bad\x1b[31mname.txt": ""})
    assert [str(p) for p in build_knowledge_base(corpus).errors] == ["bad\\x1b[31mname.txt：文件是空的，没有可生成的内容；请放入讲话文本，或删去这个文件"]


def test_attribute_values_are_escaped_even_if_validation_is_bypassed():
    from build_kb.render.common import rel

    assert rel("themes/", 'themes/x"><img src=x>/') == "../themes/x&quot;&gt;&lt;img src=x&gt;/"
