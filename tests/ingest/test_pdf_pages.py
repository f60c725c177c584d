"""PDFs as people make them besides typeset documents (issue #33): web pages a browser printed to
PDF, pages with photos and their captions.

The files are made here with Typst in the shapes such prints take: the page's title with the
site's name behind it in large type, rules drawn with `=`, a posting line (date, source, a 收藏
button), photos with a caption under them.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest

from build_kb.ingest.convert import convert
from build_kb.ingest.pdf import RULE_LINE, read_pdf, web_title

FIRST = "各级党组织要坚持把学习贯彻党的创新理论作为首要政治任务，创新方式方法，推动理论学习往深里走、往心里走、往实里走，切实把学习成效转化为推动工作的实际行动。"
SECOND = "要注重运用现代信息技术手段，打造沉浸式、互动式的党员教育培训场景，让党员更加直观地感受红色历史，增强学习的吸引力和感染力。"


def _png(width: int = 60, height: int = 40) -> bytes:
    """A small grey picture, as a photo stands in a page."""
    raw = b"".join(b"\x00" + bytes([120, 140, 160]) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def write_printed_page(path: Path, page_title: str, creator: str | None = None, posting: str = "2024-03-15 #h(1em) 来源：某某日报 #h(1em) 收藏") -> Path:
    """A news page as a browser prints it in reader mode: the page's title (with the site's name) in
    large type, two rules of `=`, the posting line, the text with a photo and its caption."""
    import typst

    picture = ",".join(str(b) for b in _png())
    source = (
        '#set page(paper: "a4", margin: (x: 18mm, y: 20mm))\n'
        '#set text(font: "Noto Serif CJK SC", size: 10pt, lang: "zh")\n'
        "#set par(justify: true, spacing: 1.2em)\n"
        f"#text(size: 16pt)[{page_title.replace('_', chr(92) + '_')}]\n\n"
        f'#align(center)[{"=" * 60}]\n\n#align(center)[{"=" * 60}]\n\n'
        f"{posting}\n\n"
        f"{FIRST}{SECOND}\n\n"
        f"#image(bytes(({picture})), width: 80%)\n"
        "某某纪念馆展厅一角（某某市文旅局供图）\n\n"
        f"{SECOND}{FIRST}\n\n{FIRST}\n"
    )
    data = typst.compile(source.encode("utf-8"))
    if creator:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        writer.add_metadata({"/Creator": creator})
        out = io.BytesIO()
        writer.write(out)
        data = out.getvalue()
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("page_title, creator", [
    ("用好红色资源上好党课_理论文章_某某先锋网", None),
    ("用好红色资源上好党课-某某日报-某某网", "Chromium"),  # a bare dash parts the site's name only in a browser's print
])
def test_a_web_page_printed_to_pdf_has_its_headline_as_title_and_no_rules_site_name_or_captions(tmp_path, page_title, creator):
    read = read_pdf(write_printed_page(tmp_path / "网页.pdf", page_title, creator).read_bytes())
    assert read.title == "用好红色资源上好党课"
    assert read.paragraphs == ["用好红色资源上好党课", "2024-03-15　来源：某某日报　收藏", FIRST + SECOND, SECOND + FIRST, FIRST]
    assert (read.cover_date, read.cover_year) == ("2024-03-15", 2024)  # the posting line's date, set apart above the text
    assert [(page, reason) for page, _, reason in read.dropped] == [(1, "rule-line"), (1, "rule-line"), (1, "caption"), (1, "site-name")]
    assert [text for _, text, reason in read.dropped if reason != "rule-line"] == ["某某纪念馆展厅一角（某某市文旅局供图）", page_title[len("用好红色资源上好党课"):]]
    notes = convert(tmp_path / "网页.pdf").notes
    assert {"去掉分隔线 2 行", "去掉图片说明 1 行", "去掉标题后的网站名 1 处"} <= set(notes)
    assert not any(note.startswith("去掉页眉页脚") for note in notes)


def test_a_dash_in_a_document_s_own_title_is_no_site_name(tmp_path):
    # Made by a typesetter, not a browser: 某某公司-2023年度社会责任报告 is one title
    read = read_pdf(write_printed_page(tmp_path / "报告.pdf", "某某集团有限公司-年度社会责任报告").read_bytes())
    assert read.title == "某某集团有限公司-年度社会责任报告"
    assert not [text for _, text, reason in read.dropped if reason == "site-name"]


@pytest.mark.parametrize("text, browser, parts", [
    ("借智博物馆打造行走的思政课堂_先锋文汇_某某党员网", False, ("借智博物馆打造行走的思政课堂", "_先锋文汇_某某党员网")),
    ("在博物馆里上好“大思政课”-某某日报-某某网", True, ("在博物馆里上好“大思政课”", "-某某日报-某某网")),
    ("百年接力，党旗映照清华园 - 某某部政府门户网站", False, ("百年接力，党旗映照清华园", "- 某某部政府门户网站")),
    ("在博物馆里上好“大思政课”-某某日报-某某网", False, None),  # a bare dash, not printed by a browser
    ("某某县2021-2025年人才发展规划", True, None),  # a dash between digits
    ("力量，在党旗下凝聚——某市基层党建工作综述", True, None),  # a doubled dash: the subject
    ("关于做好工作的通知_附件：实施方案，请遵照执行", False, None),  # a sentence behind it
])
def test_a_web_page_s_title_is_its_headline_and_its_site_s_name(text, browser, parts):
    assert web_title(text, browser) == parts


@pytest.mark.parametrize("line, rule", [
    ("=" * 60, True), ("- - - - - -", True), ("※※※※※", True), ("————————", True),
    ("===", False), ("……", False), ("一、总体要求", False), ("2024-03-15", False), ("=====标题=====", False),
])
def test_a_rule_is_one_mark_drawn_over_and_over(line, rule):
    assert bool(RULE_LINE.match(line)) == rule


# --- digits in a font of their own; a note's mark after the title -------------------------------

PLAN = ("我们要认真学习贯彻《某某省国民经济和社会发展第十四个五年规划和{2035}年远景目标纲要》，把各项任务落到实处，"
        "推动高质量发展取得新成效，确保{2025}年各项目标全面完成。")


def test_digits_whose_font_sits_lower_stay_in_their_line_and_the_title_s_note_mark_stays_out_of_it(tmp_path):
    """A journal sets its digits in a Latin font whose box sits a good part of a line lower than the
    Chinese type's: pdfminer made each number a line of its own, which broke the sentence three
    times. The title's note mark (`*`, set small) is no part of the title."""
    import typst

    lowered = PLAN.replace("{", "#text(baseline: 6pt)[").replace("}", "]")
    source = ('#set page(paper: "a5", margin: 20mm)\n#set text(font: "Noto Serif CJK SC", size: 10pt, lang: "zh")\n'
              "#set par(justify: true, first-line-indent: (amount: 2em, all: true))\n"
              "#align(center)[#text(size: 18pt)[关于推进基层治理的思考#super[\\*]]]\n\n" + lowered * 2 + "\n")
    read = read_pdf(typst.compile(source.encode("utf-8")))
    plain = PLAN.replace("{", "").replace("}", "")
    assert read.paragraphs == ["关于推进基层治理的思考*", plain * 2]
    assert read.title == "关于推进基层治理的思考"


# --- footnotes under a paragraph that goes on over the page; parts headed as large as the title ---

STUDY = "各级党组织要坚持把学习贯彻党的创新理论作为首要政治任务，推动理论学习往深里走、往心里走、往实里走。"
CITED = "这是古人所说的“知行合一”"


def test_a_paragraph_goes_on_over_the_page_past_the_footnotes_under_it(tmp_path):
    """A book or a journal sets a page's footnotes under its text, in smaller type: the paragraph
    that runs on over the page is one paragraph, its notes after it (they broke it in two)."""
    import typst

    source = ('#set page(paper: "a6", margin: 12mm)\n#set text(font: "Noto Serif CJK SC", size: 10pt, lang: "zh")\n'
              "#set par(justify: true, first-line-indent: (amount: 2em, all: true))\n"
              + STUDY * 3 + CITED + "#footnote[见《传习录》上卷，某某出版社2020年版，第12页。]。" + STUDY * 12 + "\n\n" + STUDY + "\n")
    (tmp_path / "注释.pdf").write_bytes(typst.compile(source.encode("utf-8")))
    read = read_pdf((tmp_path / "注释.pdf").read_bytes())
    assert read.pages == 2
    assert read.paragraphs == [STUDY * 3 + CITED + "1。" + STUDY * 12, "1见《传习录》上卷，某某出版社2020年版，第12页。", STUDY]
    assert read.notes_moved == 1
    assert "1 页的脚注放在跨页的段落之后" in convert(tmp_path / "注释.pdf").notes


def test_a_part_headed_in_the_title_s_type_is_a_top_level_heading(tmp_path):
    """Two declarations on one page, each headed as large as the first (the title): the second's
    heading is a heading, not a paragraph. A cover's further line in that type is none."""
    import typst

    big = "#align(center)[#text(size: 20pt)[{}]]\n\n"
    source = ('#set page(paper: "a5")\n#set text(font: "Noto Serif CJK SC", size: 11pt, lang: "zh")\n'
              + big.format("原创性声明") + STUDY * 2 + "\n\n" + big.format("关于使用授权的声明") + STUDY * 2 + "\n\n"
              + big.format("某某大学") + "二〇二四年六月\n")
    read = read_pdf(typst.compile(source.encode("utf-8")))
    assert read.title == "原创性声明"
    assert read.headings == [("关于使用授权的声明", 1)]


def test_a_running_header_set_between_ornaments_is_dropped_whole(tmp_path):
    """A book's header holds its words between two ornaments that stand a hair higher (`→_→　欢迎…　←_←`):
    the words are the header's too, not the page's first line of text."""
    import typst

    header = "#text(baseline: -1pt)[→\\_→] #h(1fr) 欢迎选购本书的纸质版 #h(1fr) #text(baseline: -1pt)[←\\_←]"
    source = (f'#set page(paper: "a6", margin: 14mm, header: [{header}], numbering: "1")\n'
              '#set text(font: "Noto Serif CJK SC", size: 10pt, lang: "zh")\n#set par(justify: true)\n' + STUDY * 30 + "\n")
    read = read_pdf(typst.compile(source.encode("utf-8")))
    assert read.pages >= 3
    assert read.paragraphs == [STUDY * 30]
    assert {text for _, text, reason in read.dropped if reason == "running-header"} == {"→_→　←_←", "欢迎选购本书的纸质版"}


def _made_by(data: bytes, creator: str, title: str | None = None) -> bytes:
    """The PDF with the maker (and title) a browser writes into the file it prints."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.add_metadata({"/Creator": creator, **({"/Title": title} if title else {})})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_one_page_print_loses_the_browser_s_margins_not_its_headline(tmp_path):
    """Printed with the browser's headers and footers on, a one-page article has the time it was
    printed and the page's title over it, the address and `1/1` under it: on one page nothing
    repeats, yet none of it is text (and the printing time is not the article's date)."""
    import typst

    margin = "#set text(size: 7pt)\n"
    source = (
        '#set page(paper: "a5", margin: (x: 12mm, y: 16mm), '
        f'header: [{margin}2024/3/15 10:20 #h(1fr) 用好红色资源上好党课\\_某某先锋网 #h(1fr)], '
        f'footer: [{margin}https://www.example.cn/news/2024/0315/123.html #h(1fr) 1/1])\n'
        '#set text(font: "Noto Serif CJK SC", size: 10pt, lang: "zh")\n#set par(justify: true, spacing: 1.2em)\n'
        f"#text(size: 16pt)[用好红色资源上好党课]\n\n{FIRST}{SECOND}\n\n{SECOND}{FIRST}\n"
    )
    data = _made_by(typst.compile(source.encode("utf-8")), "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0", "用好红色资源上好党课_某某先锋网")
    read = read_pdf(data)
    assert read.title == "用好红色资源上好党课"
    assert read.paragraphs == ["用好红色资源上好党课", FIRST + SECOND, SECOND + FIRST]
    assert sorted((text, reason) for _, text, reason in read.dropped) == [
        ("1/1", "page-number"), ("2024/3/15 10:20　用好红色资源上好党课_某某先锋网", "browser-header"),
        ("https://www.example.cn/news/2024/0315/123.html", "browser-header")]
    assert (read.cover_date, read.cover_year) == (None, None)
    # made by a typesetter, the same margins are the document's own: kept
    kept = read_pdf(typst.compile(source.encode("utf-8"))).paragraphs
    assert kept[0] == "2024/3/15 10:20" and "https://www.example.cn/news/2024/0315/123.html" in kept


def test_a_posting_line_set_with_plain_spaces_gives_its_date_too(tmp_path):
    read = read_pdf(write_printed_page(tmp_path / "网页.pdf", "用好红色资源上好党课_某某先锋网", posting="2024-03-15 来源：某某日报 编辑：张三").read_bytes())
    assert read.paragraphs[1] == "2024-03-15来源：某某日报 编辑：张三"  # (the space between two fields, typed between Chinese, stays)
    assert (read.cover_date, read.cover_year) == ("2024-03-15", 2024)
    from build_kb.curate import add_files

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    add_files([tmp_path / "网页.pdf"], corpus)  # the curator is told where a PDF's date was found
    assert "  date: 2024-03-15   # 识别依据：PDF 封面上、标题下发布行或落款表格里的日期（正文里没有认出日期）\n" in (corpus / "speeches.yaml").read_text(encoding="utf-8")


# --- a ruled table whose narrow cells wrap ----------------------------------------------------------


def test_a_ruled_table_s_wrapped_cells_are_read_whole_row_by_row(tmp_path):
    """A prospectus's table wraps a long name over several lines of a narrow cell, beside the row's
    one-line cells: each cell is its text, each row one line (the wrapped pieces came out as rows of
    their own, a row's cells scattered over three). The paragraph under the table stays apart."""
    import typst

    rows = [("2023", "中诚信国际信用评级有限责任公司", "偿还债务的能力很强，违约风险很低"), ("2022", "联合资信评估股份有限公司", "偿还债务的能力很强，违约风险很低")]
    cells = ", ".join(f"[{a}], [{b}], [{c}]" for a, b, c in rows)
    source = ('#set page(paper: "a5", margin: 20mm)\n#set text(font: "Noto Serif CJK SC", size: 10pt, lang: "zh")\n'
              f"表1：发行人历史评级情况\n\n#table(columns: (3em, 5em, 1fr), align: horizon, [年份], [评级机构], [涵义], {cells})\n\n"
              "本次发行不引用主体评级，未进行债项评级安排。\n")
    (tmp_path / "表格.pdf").write_bytes(typst.compile(source.encode("utf-8")))
    read = read_pdf((tmp_path / "表格.pdf").read_bytes())
    assert read.paragraphs == ["表1：发行人历史评级情况", "年份　评级机构　涵义", "　".join(rows[0]), "　".join(rows[1]), "本次发行不引用主体评级，未进行债项评级安排。"]
    assert read.cells_joined > 0
    assert f"表格单元格里折行的 {read.cells_joined} 行接回所在单元格" in convert(tmp_path / "表格.pdf").notes


def test_a_cover_placed_as_one_picture_gives_its_text_title_and_year_and_never_runs_into_the_first_page(tmp_path):
    """A handbook whose cover was made elsewhere and placed as a whole page (a Form XObject): its text
    is the page's, not a picture's — the large line is the title, 发布日期：2023.03 gives the year, the
    two lines centred on one axis stay two, and the cover's last line does not run on into 前言."""
    import typst

    cover = typst.compile('#set page(paper: "a4", margin: 2cm)\n#set text(font: "Noto Serif CJK SC")\n#v(6cm)\n'
                          '#align(center, text(size: 48pt)[党建手册])\n#v(12cm)\n#align(center, text(size: 14pt)[版本：2.0])\n'
                          '#align(center, text(size: 14pt)[发布日期：2023.03])\n'.encode())
    (tmp_path / "cover.pdf").write_bytes(cover)
    source = ('#set page(paper: "a4", margin: 2cm)\n#set text(font: "Noto Serif CJK SC", size: 10.5pt)\n'
              '#page(margin: 0pt, image("cover.pdf", width: 100%))\n#align(center, text(size: 15pt)[前言])\n' + FIRST + SECOND + "\n")
    (tmp_path / "手册.pdf").write_bytes(typst.compile(source.encode("utf-8"), root=str(tmp_path)))
    read = read_pdf((tmp_path / "手册.pdf").read_bytes())
    assert read.paragraphs[:4] == ["党建手册", "版本：2.0", "发布日期：2023.03", "前言"]
    assert (read.title, read.cover_date, read.cover_year) == ("党建手册", None, 2023)
    converted = convert(tmp_path / "手册.pdf")
    assert (converted.title, converted.title_by) == ("党建手册", "title marked by the document: the largest type on the PDF's first page")


def test_a_diagrams_labels_are_not_read_as_text_but_said_and_counted(tmp_path):
    """A small picture that holds text (a diagram placed from elsewhere: a Form XObject) is no running
    text — its labels stay out of the paragraphs — but nothing is left out silently: each label is
    logged as figure-text and kb add's summary counts them."""
    import typst

    diagram = typst.compile('#set page(width: 8cm, height: 4cm, margin: 5mm)\n#set text(font: "Noto Serif CJK SC", size: 12pt)\n'
                            '党委\n\n支部\n'.encode())
    (tmp_path / "diagram.pdf").write_bytes(diagram)
    source = ('#set page(paper: "a4", margin: 2cm)\n#set text(font: "Noto Serif CJK SC", size: 10.5pt)\n'
              + FIRST + '\n\n#align(center, image("diagram.pdf", width: 6cm))\n\n' + SECOND + "\n")
    (tmp_path / "示意图.pdf").write_bytes(typst.compile(source.encode("utf-8"), root=str(tmp_path)))
    read = read_pdf((tmp_path / "示意图.pdf").read_bytes())
    assert read.paragraphs == [FIRST, SECOND]
    assert [(page, text, reason) for page, text, reason in read.dropped if reason == "figure-text"] == [(1, "党委", "figure-text"), (1, "支部", "figure-text")]
    assert "图中文字 2 行未读入（示意图里的标注）" in convert(tmp_path / "示意图.pdf").notes


def test_a_header_set_only_over_the_second_page_is_dropped_and_its_paragraph_goes_on():
    """Word's 首页不同 in a two-page speech: the header stands once, over page 2, so nothing repeats. Its small
    type in the top margin tells it; the paragraph the page break cut goes on under it."""
    import typst

    header = "context { if counter(page).get().first() > 1 [#set text(9pt); 某某县人才工作会议材料 #h(1fr) 内部资料] }"
    source = (f'#set page(paper: "a5", margin: 16mm, header: {header})\n'
              '#set text(font: "Noto Serif CJK SC", size: 12pt, lang: "zh")\n#set par(justify: true)\n' + STUDY * 20 + "\n")
    read = read_pdf(typst.compile(source.encode("utf-8")))
    assert read.pages == 2
    assert read.paragraphs == [STUDY * 20]
    assert [(page, text, reason) for page, text, reason in read.dropped] == [(2, "某某县人才工作会议材料　内部资料", "running-header")]
