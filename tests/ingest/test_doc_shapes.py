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


# --- a slide deck exported to PDF ---------------------------------------------------------------------------

def _typst(source: str) -> bytes:
    import typst

    return typst.compile(('#set text(font: "Noto Serif CJK SC", size: 18pt, lang: "zh")\n' + source).encode("utf-8"))


def _deck(width: str = "960pt", height: str = "540pt", cover: str = "") -> bytes:
    """A deck of three slides: the cover (the platform's name, the bracketed note under it in larger
    type, the unit and the date), a slide of bullets whose last one stops without a full stop and runs to
    the slide's edge, and a slide whose first line is in the bullets' type at the same left edge."""
    cover = cover or ("#text(44pt)[某某党建服务一体化平台]\n\n#text(54pt)[（党员管理部分使用说明）]\n\n#v(1cm)\n某某大学\n\n2016-6-8\n")
    return _typst(
        f'#set page(width: {width}, height: {height}, margin: 1.5cm)\n' + cover + "#pagebreak()\n"
        "#text(36pt)[系统角色说明]\n\n"
        "可以提交入党申请、办理组织关系转入、查询本人党籍信息等各项操作\n\n"
        "管理所有分党委、党支部和党员的基本信息，审批入党申请、组织关系转接等各项操作\n"
        "#pagebreak()\n"
        "系统登录以后可以使用统一身份认证账号和密码，点击登录按钮或者直接回车进入系统。\n\n"
        "连续输错十次密码，十分钟后才可以重试。\n")


def test_slides_are_told_by_their_shape():
    from build_kb.ingest.pdf import slide_pages

    assert slide_pages([960, 960, 960], [540, 540, 540]) and slide_pages([720, 720], [540, 540])
    assert not slide_pages([842, 842], [595, 595]) and not slide_pages([595, 595], [842, 842])
    assert not slide_pages([960], [540]) and not slide_pages([], [])


def test_a_slide_s_last_bullet_does_not_run_on_into_the_next_slide(tmp_path):
    """A slide is a page of its own: its last bullet, stopped without a full stop at the slide's edge,
    is not joined to the next slide's first line, though that line goes on in the same type at the same
    edge. The same pages on paper (A4 on its side) are one text running on over the page."""
    from build_kb.ingest.pdf import read_pdf

    read = read_pdf(_deck())
    assert read.slides
    assert "管理所有分党委、党支部和党员的基本信息，审批入党申请、组织关系转接等各项操作" in read.paragraphs
    assert read.paragraphs[-1].startswith("系统登录以后可以使用统一身份认证账号和密码，")
    paper = read_pdf(_deck("842pt", "595pt"))
    assert not paper.slides
    assert any("等各项操作系统登录以后" in text for text in paper.paragraphs)


def test_a_deck_s_cover_title_keeps_its_name_over_the_bracketed_note(tmp_path):
    """The cover's largest line is a note in brackets under the deck's name: the title is both lines."""
    (tmp_path / "平台使用说明.pdf").write_bytes(_deck())
    assert convert(tmp_path / "平台使用说明.pdf").title == "某某党建服务一体化平台（党员管理部分使用说明）"
    plain = _deck(cover="#text(44pt)[某某党建服务一体化平台]\n\n#text(54pt)[党员管理部分使用说明]\n\n某某大学\n")
    (tmp_path / "不带括号.pdf").write_bytes(plain)
    assert convert(tmp_path / "不带括号.pdf").title == "党员管理部分使用说明"  # no bracket: left as the largest type


def test_a_heading_named_by_type_is_not_joined_into_the_paragraph_above(rules, tmp_path):
    """heading_lines (kb add's, from the document's type) start a paragraph: `…等操作` / `系统登录` make the
    dictionary word 操作系统 across the break, but the slide's title is no piece of the bullet above."""
    from build_kb.ingest.clean import clean

    text = "系统角色说明\n\n管理所有分党委、党支部、党员信息，审批入党申请等操作\n\n系统登录\n\n访问地址在通知里另行告知各位。\n"
    joined = clean(text, rules, from_document=True)
    assert [(j.first, j.last) for j in joined.joins] == [(3, 5)]  # without the evidence: joined
    kept = clean(text, rules, heading_lines={5}, from_document=True)
    assert kept.joins == []
    assert [line.text for line in kept.lines if line.text][:3] == ["系统角色说明", "管理所有分党委、党支部、党员信息，审批入党申请等操作", "系统登录"]


# --- a thesis cover: the degree's line over the title -------------------------------------------------------

def test_a_thesis_cover_s_degree_line_is_no_part_of_the_title_its_metadata_names(tmp_path):
    """The cover's largest line names the degree (`硕士学位论文`); the title under it is the one the file's
    metadata names: kb add confirms that title (no title-choice doubt left), the degree's line is not joined in."""
    from build_kb.curate import add_files

    body = "各级党组织要坚持把调查研究作为基本功，推动理论学习往深里走、往实里走，切实把学习成效转化为推动工作的实际行动。"
    pdf = _typst(
        '#set document(title: "基层党组织组织力提升路径研究")\n#set page(paper: "a4")\n#set text(size: 12pt)\n'
        "#align(center, text(26pt)[硕士学位论文])\n#v(2cm)\n#align(center, text(15pt)[基层党组织组织力提升路径研究])\n#v(3cm)\n"
        "#align(center)[作者姓名：　张某某]\n#align(center)[指导教师：　李某某　教授]\n#v(1cm)\n#align(center)[2014年6月]\n#pagebreak()\n"
        + ("= 引言\n\n" + body * 6 + "\n\n") + ("= 研究现状\n\n" + body * 6 + "\n"))
    (tmp_path / "论文.pdf").write_bytes(pdf)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    add_files([tmp_path / "论文.pdf"], corpus)
    stub = (corpus / "speeches.yaml").read_text(encoding="utf-8")
    assert '\n  title: "基层党组织组织力提升路径研究"   # 识别依据：' in stub
    assert "标题有两种读法" not in stub
