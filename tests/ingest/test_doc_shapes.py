"""Documents whose shape tells what a line is (issue #33, session 26): a saved page whose article sits in
a layout table's cell inside the site editor's own boxes; a slide deck exported to PDF (a two-line cover,
each slide its own page); a thesis cover (the degree's line over the title, the month-year line under
it); joint issuers written before a 公文's `关于…的意见` with no 版头.

The files are written here (hand-written HTML and text, Typst), in those shapes, with text written for the tests.
"""

from __future__ import annotations

from pathlib import Path

from build_kb.ingest.convert import convert
from build_kb.model import SourceFile
from build_kb.pipeline import make_speech


def speech_of(path: Path, rules):
    converted = convert(path)
    source = SourceFile(path=path, rel_path=path.stem + ".txt", encoding="utf-8", sha256="", raw=b"", text=converted.text)
    return converted, make_speech(source, rules, None, [])


# --- a layout table's cell holding the article inside the editor's boxes ---------------------------------

ARTICLE = [
    ("center", "某某市基层组织工作条例"),
    ("", "为规范基层组织工作，某某市人民代表大会常务委员会制定本条例，现予公布施行。"),
    ("", "第一章　总　则"),
    ("", "第一条　为了加强基层组织建设，推进基层治理体系和治理能力现代化，制定本条例。"),
    ("", "第二条　基层组织工作坚持党的领导，坚持以人民为中心，坚持依法办事。"),
    ("", "第二章　组织及其职责"),
    ("", "第三条　基层组织依照本条例履行下列职责："),
    ("", "（一）宣传贯彻党的路线方针政策，团结带领群众完成各项任务；"),
    ("", "（二）讨论决定本地经济建设和社会发展中的重要问题；"),
    ("", "（三）加强对本地各类组织的领导，支持和保障其依法开展工作。"),
    ("", "第四条　基层组织应当定期向上级组织报告工作，接受上级组织和群众的监督。"),
    ("", "第三章　附　则"),
    ("", "第五条　本条例自公布之日起施行。"),
]


def _layout_page() -> str:
    paragraphs = "\n".join(
        f'<p style="text-indent:32px{";text-align:center" if align else ""}">{"<strong>" + text + "</strong>" if text.startswith("第") and "章" in text[:4] or align else text}</p>'
        for align, text in ARTICLE)
    return (
        '<html><head><meta charset="utf-8"><title>某某市基层组织工作条例</title></head><body>'
        '<table width="100%"><tr><td><a href="/">首页</a> | <a href="/a">设为首页</a> | <a href="/b">关于我们</a></td></tr>'
        '<tr><td><table width="98%"><tr><td align="center">某某市基层组织工作条例</td></tr>'
        '<tr><td align="center">来源: | 发布时间: 2019-05-17 | 浏览次数: 2168</td></tr></table></td></tr>'
        '<tr><td><table width="98%" border="1"><tr><td align="left" valign="top">'
        '<script type="text/javascript">var n = 1;</script><form name="content">'
        f'<div id="vsb_content">{paragraphs}</div></form></td></tr></table></td></tr>'
        '<tr><td>主办单位：某某市纪检监察室 版权所有 地址：某某路56号</td></tr></table></body></html>')


def test_an_article_in_a_layout_cell_within_the_editor_s_boxes_keeps_its_paragraphs(rules, tmp_path):
    """The cell holds the article's paragraphs inside `<form><div id="vsb_content">`: the cell is a
    layout all the same, so each paragraph stays a line (not one `| … |` row re-split into sentences),
    the chapter heads (`第一章　总　则`) are the top-level headings, and the items of an article are no
    top-level heading."""
    path = tmp_path / "条例.html"
    path.write_text(_layout_page(), encoding="utf-8")
    converted, speech = speech_of(path, rules)
    lines = [line.strip() for line in converted.text.split("\n") if line.strip()]
    assert "第一章 总 则" in lines or "第一章　总　则" in lines
    assert "第三条　基层组织依照本条例履行下列职责：" in lines or "第三条 基层组织依照本条例履行下列职责：" in lines
    assert not any(line.startswith("|") and "第一条" in line for line in lines)
    assert [s.heading.replace("　", " ") for s in speech.sections if s.heading] == ["第一章 总 则", "第二章 组织及其职责", "第三章 附 则"]
    assert speech.title == "某某市基层组织工作条例"


# --- joint issuers before 关于…的意见, no 版头 ---------------------------------------------------------------

OPINION = (
    "中共某某省委 某某省人民政府关于加强新时代基层治理的意见\n（2023年3月6日）\n"
    "加强基层治理，是推进治理体系和治理能力现代化的基础工程。现就加强新时代基层治理提出如下意见。\n"
    "一、总体要求\n坚持党的全面领导，坚持以人民为中心，推动基层治理各项工作落地见效。\n"
    "二、主要任务\n健全基层组织体系，完善基层治理机制，提升基层服务能力，夯实基层治理基础。\n"
)


def test_joint_issuers_set_apart_before_guanyu_are_the_issuer(rules, tmp_path):
    """No 版头 over the title: the organs its title names before `关于`, set apart by a space, are the issuer,
    as printed; the date under the title stays the date; the parts stay parts."""
    path = tmp_path / "意见.txt"
    path.write_text(OPINION, encoding="utf-8")
    _, speech = speech_of(path, rules)
    assert (speech.issuer, speech.doc_number, speech.addressees, speech.date) == ("中共某某省委 某某省人民政府", None, [], "2023-03-06")
    assert [s.heading for s in speech.sections if s.heading] == ["一、总体要求", "二、主要任务"]


def test_title_issuers_by_shape():
    from build_kb.ingest.gongwen import read_title_issuers

    def read(line):
        return read_title_issuers(line, line.replace(" ", ""))

    assert read("中共某某省委 某某省人民政府关于加强基层治理的意见") == "中共某某省委 某某省人民政府"
    assert read("某某县人民政府关于做好春耕工作的通知") == "某某县人民政府"
    assert read("中共某某县委关于某某工作的意见") == "中共某某县委"
    assert read("某某某某关于某某工作的意见") is None  # one name that reads as no organ
    assert read("学习贯彻 落实关于某某工作的意见") is None  # pieces that read as no organ
    assert read("某某县委书记 李某某关于某某工作的讲话") is None  # a speech, no 公文's kind
    assert read("关于某某工作的通知") is None
