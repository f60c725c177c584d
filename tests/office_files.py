"""Office files written by the tests: a .docx with Word numbering, a table and a footnote; a text PDF; a saved web page."""

from __future__ import annotations

from pathlib import Path

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
OUTLINE_LEVELS = (
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
)


def add_note_part(document, kind: str, text: str) -> None:
    """The document's footnotes or endnotes part (`kind`: footnote or endnote) with note 1 saying `text`."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    part = Part(
        PackURI(f"/word/{kind}s.xml"),
        f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml",
        (
            f'<w:{kind}s {W_NS}><w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
            f'<w:{kind} w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:{kind}></w:{kind}s>'
        ).encode(),
        document.part.package,
    )
    document.part.relate_to(part, RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES)


def write_docx(path: Path) -> Path:
    """A speech as the office system writes it: Title and Heading styles, auto-numbered 一、/（一）/1.
    headings (the labels exist only in numbering.xml), a table and a footnote."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    abstract = parse_xml(f'<w:abstractNum {W_NS} w:abstractNumId="90">{OUTLINE_LEVELS}</w:abstractNum>')
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    if first_num is not None:
        first_num.addprevious(abstract)  # the schema wants every abstractNum before the nums
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def numbered(text: str, level: int, style: str | None = None):
        paragraph = document.add_paragraph(text, style=style)
        paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))

    document.add_paragraph("在全市组织工作会议上的讲话", style="Title")
    document.add_paragraph("市委常委、组织部部长　赵明远")
    document.add_paragraph("（2023年3月8日）")
    document.add_paragraph("同志们：")
    document.add_paragraph("这次会议的主要任务是总结去年全市组织工作，部署今年重点任务。")
    numbered("坚持政治引领，筑牢对党忠诚的思想根基", 0, "Heading 1")
    numbered("强化理论武装", 1, "Heading 2")
    document.add_paragraph("要把学习贯彻党的创新理论作为首要政治任务，引导党员干部坚定拥护“两个确立”、坚决做到“两个维护”。")
    numbered("落实第一议题制度", 2)
    numbered("开展党员干部集中轮训", 2)
    numbered("抓实基层党建，推动基层党组织全面过硬", 0, "Heading 1")
    numbered("建强村级党组织", 1, "Heading 2")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "完成情况"
    table.cell(1, 0).text, table.cell(1, 1).text = "发展党员", "××名"
    paragraph = document.add_paragraph("全年整顿软弱涣散村党组织")
    paragraph.add_run()._r.append(parse_xml(f'<w:footnoteReference {W_NS} w:id="1"/>'))
    paragraph.add_run("，*同志要牵头抓好。")
    # A heading by style alone: no numbering, only Word's Heading 1 says it is one.
    document.add_paragraph("关于今年的几项重点工作", style="Heading 1")
    document.add_paragraph("要抓好换届后新班子的培训，做好年轻干部的跟踪培养。")
    document.add_paragraph("同志们，让我们以更加昂扬的精神状态，推动全市组织工作再上新台阶！")
    add_note_part(document, "footnote", "数据截至2022年底。")
    document.save(path)
    return path


PDF_PARAGRAPH = "要坚持大抓基层的鲜明导向，持续整顿软弱涣散基层党组织，推动村党组织书记队伍整体优化提升，让每一个基层党组织都成为坚强战斗堡垒，××同志要牵头抓好这项工作。"
PDF_TOPICS = "组织体系 支部建设 党员教育 干部培训 人才引进 作风建设 基层治理 村级组织 社区服务 机关党建 国企党建 两新组织 年轻干部 考核评价 监督管理 选调生 驻村工作 党员发展 阵地建设 经费保障".split()


def write_pdf(path: Path, pages: int = 3) -> Path:
    """A text PDF as a document system prints it: a running header, page numbers `— 1 —`, lines wrapped at the width."""
    import typst

    paragraphs = "\n\n".join(f"{n}.关于{PDF_TOPICS[n % len(PDF_TOPICS)]}。{PDF_PARAGRAPH}" for n in range(1, 7 * pages))
    source = (
        '#set page(paper: "a5", numbering: "— 1 —", header: align(center)[中共某市委组织部])\n'
        '#set text(font: "Noto Serif CJK SC", size: 11pt, lang: "zh")\n'
        "#set par(justify: true)\n"
        "在全市基层党建工作推进会上的讲话\n\n同志们：\n\n" + paragraphs + "\n"
    )
    path.write_bytes(typst.compile(source.encode("utf-8")))
    return path


def write_scanned_pdf(path: Path) -> Path:
    import typst

    path.write_bytes(typst.compile(b'#set page(paper: "a5")\n#rect(width: 8cm, height: 10cm, fill: luma(120))\n#pagebreak()\n#rect(width: 8cm, height: 10cm)\n'))
    return path


SAVED_PAGE = """<!DOCTYPE html>
<html><head><meta charset="gb2312"><title>在全县组织工作会议上的讲话_领导讲话_某某范文网</title></head>
<body>
<div class="nav"><a href="/">首页</a> | <a href="/fanwen/">范文大全</a> | <a href="/jianghua/">领导讲话</a> | <a href="/login">登录</a></div>
<div class="ad">开通会员免费下载全站文档，限时特惠！</div>
<div class="sidebar"><h3>热门文章</h3><ul><li><a href="/a1">年度党建工作总结</a></li><li><a href="/a2">主题教育心得体会</a></li></ul></div>
<div class="article">
<h1>在全县组织工作会议上的讲话</h1>
<p class="info">发布时间：2023-03-02 来源：网友投稿 浏览：1024次</p>
<p>同志们：</p>
<p>今天召开全县组织工作会议，主要任务是总结去年工作，部署今年任务。</p>
<p>一、提高政治站位，切实增强做好组织工作的责任感</p>
<p>要把党的政治建设摆在首位，教育引导党员干部坚定拥护“两个确立”、坚决做到“两个维护”，始终在政治立场、政治方向、政治原则上同党中央保持高度一致。</p>
<p>二、突出工作重点，全面提升基层党建质量</p>
<p>要坚持大抓基层的鲜明导向，推动基层党组织全面进步、全面过硬，××同志要牵头抓好软弱涣散村党组织整顿。</p>
<p>同志们，让我们以更加饱满的热情，推动全县组织工作再上新台阶！</p>
</div>
<div class="related"><h3>相关推荐</h3><ul><li><a href="/b1">在全市组织工作会议上的讲话</a></li><li><a href="/b2">在县委全会上的讲话</a></li></ul></div>
<div class="footer">版权所有 某某范文网 备案号：京ICP备00000000号</div>
</body></html>
"""


def write_saved_page(path: Path) -> Path:
    path.write_bytes(SAVED_PAGE.encode("gb18030"))
    return path


TWO_COLUMN_TOPICS = "选人用人 基层组织 人才工作 干部监督 党员管理 作风建设 机关党建 村级班子".split()
TWO_COLUMN_PARAGRAPH = "各级党组织要把这项工作摆上重要位置，主要负责同志亲自抓、负总责，分管同志具体抓、抓具体，形成一级抓一级、层层抓落实的工作格局，确保各项任务落地见效。"


def write_two_column_pdf(path: Path, gutter: str = "4%") -> Path:
    """A journal-style PDF: the title across both columns, text in two columns with indented first
    lines, a chapter header on odd pages and the book's on even pages, roman page numbers, a raised
    note marker ①, a line of Latin words and figures, and a small table followed by a paragraph."""
    import typst

    body = "\n\n".join(
        f"（{n}）关于{TWO_COLUMN_TOPICS[n % len(TWO_COLUMN_TOPICS)]}。{TWO_COLUMN_PARAGRAPH}" for n in range(1, 81)
    )
    source = (
        '#set page(paper: "a4", columns: 2, numbering: "I",\n'
        '  header: context { if calc.odd(here().page()) { align(right)[第一章　组织建设] } else { align(left)[某某县委组织部调研文集] } },\n'
        '  footer: context { align(center)[#counter(page).display("I")] })\n'
        '#set text(font: "Noto Serif CJK SC", size: 10.5pt, lang: "zh")\n'
        f"#set columns(gutter: {gutter})\n"
        "#set par(justify: true, first-line-indent: (amount: 2em, all: true))\n"
        '#place(top + center, float: true, scope: "parent")[#text(size: 18pt)[关于加强基层组织建设的调研报告] #v(1em)]\n'
        "近年来，全县坚持党建引领#super[①]，推动基层组织建设取得新进展，" + TWO_COLUMN_PARAGRAPH + "\n\n"
        "全县共有 PDF version 2.0 files 和 GB/T 9704-2012 标准文件 128 份，" + TWO_COLUMN_PARAGRAPH + "\n\n"
        "#table(columns: 3, [单位], [党员数], [支部数], [城关镇], [320], [12], [河口乡], [156], [7])\n\n"
        "表中数据显示，城关镇党员数量最多，" + TWO_COLUMN_PARAGRAPH + "\n\n" + body + "\n"
    )
    path.write_bytes(typst.compile(source.encode("utf-8")))
    return path


GONGWEN_LINES = {
    "copy": "000123",
    "secrecy": "机密★1年",
    "urgency": "特急",
    "issuers": ["中共某某县委组织部", "某某县人力资源和社会保障局"],
    "number": "某组发〔2023〕5号",
    "signer": "张　明",
    "title": ["关于进一步加强村级后备干部", "队伍建设的通知"],
    "addressees": "各乡镇党委，县直各单位党组（党委）：",
    "body": [
        "为深入贯彻落实全县组织工作会议精神，现就进一步加强村级后备干部队伍建设有关事项通知如下。",
        "一、明确目标任务",
        "各乡镇要按照每村储备2至3名的标准，建立村级后备干部人才库，实行动态管理。",
        "二、严格选拔程序",
        "要坚持个人自荐、群众推荐、组织推荐相结合，严把政治关、品行关、能力关。",
    ],
    "attachments": ["附件：1. 村级后备干部推荐表", "2. 村级后备干部花名册"],
    "signatures": ["中共某某县委组织部", "某某县人力资源和社会保障局"],
    "date": "2023年5月30日",
    "note": "（此件公开发布）",
    "record": ["抄送：县委办公室，县政府办公室。", "中共某某县委组织部办公室　2023年5月31日印发"],
}


def write_gongwen_pdf(path: Path) -> Path:
    """A 公文 set as GB/T 9704 sets it: 份号, 密级, 紧急程度, a joint 版头 (…文件), 发文字号 with
    签发人, the title over two lines, 主送, the text, 附件说明, the issuers' names and the date, the 版记."""
    import typst

    g = GONGWEN_LINES
    body = "\n\n".join(f"#h(2em){line}" for line in g["body"])
    source = (
        '#set page(paper: "a4", margin: (top: 37mm, bottom: 35mm, x: 27mm), footer: context align(center)[— #counter(page).display() —])\n'
        '#set text(font: "Noto Serif CJK SC", size: 16pt, lang: "zh")\n'
        f'{g["copy"]}\n\n{g["secrecy"]}\n\n{g["urgency"]}\n\n'
        + "".join(f'#align(center)[#text(size: 26pt, fill: red)[{name}]]\n' for name in g["issuers"])
        + '#place(right, dy: -40pt)[#text(size: 40pt, fill: red)[文件]]\n\n'
        f'#align(center)[{g["number"]}#h(4em)签发人：{g["signer"]}]\n#line(length: 100%, stroke: red)\n\n'
        + "".join(f'#align(center)[#text(size: 22pt)[{line}]]\n' for line in g["title"])
        + f'\n{g["addressees"]}\n\n{body}\n\n'
        + f'#h(2em){g["attachments"][0]}\n\n#h(5em){g["attachments"][1]}\n\n'
        + "".join(f'#align(right)[{name}]\n' for name in g["signatures"])
        + f'#align(right)[{g["date"]}]\n\n#h(2em){g["note"]}\n\n#v(4em)\n#line(length: 100%)\n'
        + "".join(f"{line}\n\n" for line in g["record"])
    )
    path.write_bytes(typst.compile(source.encode("utf-8")))
    return path


def write_gongwen_docx(path: Path) -> Path:
    """The same 公文 in Word: 版头 lines centred in large red type, 发文字号 and 签发人 in a borderless
    table of one row, the title centred over two paragraphs, then text, 附件, 署名, date and 版记."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    g = GONGWEN_LINES
    document = docx.Document()

    def line(text: str, size: float = 16, centred: bool = False, right: bool = False, red: bool = False):
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        if red:
            run.font.color.rgb = RGBColor(0xE0, 0, 0)
        if centred or right:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.RIGHT
        return paragraph

    for text in (g["copy"], g["secrecy"], g["urgency"]):
        line(text)
    for name in g["issuers"]:
        line(name, 26, centred=True, red=True)
    line("文件", 40, centred=True, red=True)
    row = document.add_table(rows=1, cols=2).rows[0]
    row.cells[0].text, row.cells[1].text = g["number"], f"签发人：{g['signer']}"
    for text in g["title"]:
        line(text, 22, centred=True)
    for text in [g["addressees"], *g["body"], *g["attachments"]]:
        line(text)
    for text in [*g["signatures"], g["date"]]:
        line(text, right=True)
    for text in [g["note"], *g["record"]]:
        line(text, 14)
    document.save(path)
    return path


def write_gongwen_tables_docx(path: Path) -> Path:
    """The same 公文 in Word laid out with tables, as many offices' templates are: the joint 版头 a
    table whose right cell (文件) is merged down beside the issuers' names, 发文字号 and 签发人 a row,
    the title one paragraph broken by a soft line break, the 署名 and 成文日期 a right-aligned
    table, the 版记 a table of two rows."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    g = GONGWEN_LINES
    document = docx.Document()
    for text in (g["copy"], g["secrecy"], g["urgency"]):
        document.add_paragraph(text)
    head = document.add_table(rows=len(g["issuers"]), cols=2)
    for row, name in zip(head.rows, g["issuers"]):
        row.cells[0].text = name
    head.rows[0].cells[1].merge(head.rows[-1].cells[1]).text = "文件"
    number = document.add_table(rows=1, cols=2).rows[0]
    number.cells[0].text, number.cells[1].text = g["number"], f"签发人：{g['signer']}"
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(g["title"][0]).add_break()
    title.add_run(g["title"][1])
    for text in [g["addressees"], *g["body"], *g["attachments"]]:
        document.add_paragraph(text)
    signed = document.add_table(rows=len(g["signatures"]) + 1, cols=1)
    for row, text in zip(signed.rows, [*g["signatures"], g["date"]]):
        row.cells[0].text = text
        row.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph(g["note"])
    record = document.add_table(rows=len(g["record"]), cols=1)
    for row, text in zip(record.rows, g["record"]):
        row.cells[0].text = text
    document.save(path)
    return path


def write_gongwen_text(path: Path) -> Path:
    """The same 公文 copied out as plain text, one part a line, as it reads from top to bottom."""
    g = GONGWEN_LINES
    lines = [g["copy"], g["secrecy"], g["urgency"], *g["issuers"], "文件", f"{g['number']}　　签发人：{g['signer']}", *g["title"],
             g["addressees"], *g["body"], *g["attachments"], *g["signatures"], g["date"], g["note"], *g["record"]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_gongwen_glyph_html(path: Path, element: str = "svg") -> Path:
    """The same 公文 as an OFD viewer exports it to HTML: every glyph its own element at its own place
    (an SVG `<text x y>` in an absolutely placed `<svg>`, or with element="span" an absolutely placed
    span; element="line" places each line as one run in per cent of the page, as a PDF viewer's saved
    text layer does), in one box per page, source order by page only; the viewer's own
    <title>, body lines wrapped at the text block's width with the first line indented, a page mark
    `— 1 —` at the first page's foot, the text going on over the page."""
    g = GONGWEN_LINES
    width, height, left, measure, body = 794, 1123, 102, 28, 21
    lines: list[tuple[str, float, str]] = []  # (text, type size, place: left | indent | centre | right)
    lines += [(g["copy"], body, "left"), (g["secrecy"], body, "left"), (g["urgency"], body, "left")]
    lines += [(name, 30, "issuer") for name in g["issuers"]]  # 文件 right of the last name
    lines += [(f"{g['number']}　　　　签发人：{g['signer']}", body, "centre")]
    lines += [(text, 29, "centre") for text in g["title"]] + [(g["addressees"], body, "left")]
    for paragraph in g["body"]:
        first, rest = paragraph[: measure - 2], paragraph[measure - 2 :]
        lines.append((first, body, "indent"))
        lines += [(rest[k : k + measure], body, "left") for k in range(0, len(rest), measure)]
    lines += [(g["attachments"][0], body, "indent"), ("　　　" + g["attachments"][1], body, "indent")]
    # GB/T 9704: the issuers' names two characters in from the right, the date four
    lines += [(name, body, "right2") for name in g["signatures"]] + [(g["date"], body, "right4"), (g["note"], body, "indent")]
    lines += [(text, 18, "indent") for text in g["record"]]

    def advance(text: str, size: float) -> float:
        return sum(0.5 * size if ch.isascii() else size for ch in text)

    pages: list[list[str]] = [[]]
    y = 150.0
    for text, size, place in lines:
        if y + 2 * size > height - 120:
            pages[-1].append(_placed_line(f"— {len(pages)} —", width / 2 - advance(f"— {len(pages)} —", 18) / 2, height - 70, 18, element))
            pages.append([])
            y = 120.0
        y += 1.7 * size
        span = advance(text, size)
        x = {"left": left, "indent": left + 2 * size, "centre": width / 2 - span / 2, "issuer": left, "right2": left + measure * body - span - 2 * body, "right4": left + measure * body - span - 4 * body}[place]
        pages[-1].append(_placed_line(text, x, y, size, element))
        if place == "issuer" and text == g["issuers"][-1]:
            pages[-1].append(_placed_line("文件", left + 15 * size, y, 40, element))
    place = "" if element == "line" else "position: relative;"  # a text layer's page is placed by the viewer's stylesheet
    boxes = "".join(f'<div class="page" style="margin-bottom: 20px;{place}width:{width}px;height:{height}px;">{"".join(page)}</div>' for page in pages)
    path.write_text(f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>文件预览</title></head><body><div class="main">{boxes}</div></body></html>', encoding="utf-8")
    return path


def _placed_line(text: str, x: float, baseline: float, size: float, element: str) -> str:
    if element == "line":  # a viewer's text layer: a run per line, placed in per cent of an A4 page at 96 dpi
        left, top = x / 794 * 100, (baseline - size) / 1123 * 100
        return f'<span style="left: {left:.3f}%; top: {top:.3f}%; font-size: calc(var(--scale-factor)*{size:.2f}px);">{text.strip()}</span>'
    glyphs, at = [], 0.0
    for ch in text:
        if not ch.isspace():
            if element == "svg":
                glyphs.append(f'<text x="{at:.2f}" y="{size:.2f}" style="font-size:{size}px;" fill="transparent">{ch}</text>')
            else:
                glyphs.append(f'<span style="position:absolute;left:{x + at:.2f}px;top:{baseline - size:.2f}px;font-size:{size}px">{ch}</span>')
        at += 0.5 * size if ch.isascii() else size
    if element == "svg":
        return f'<svg style="overflow:visible;position:absolute;left:{x:.1f}px;top:{baseline - size:.1f}px" version="1.1">{"".join(glyphs)}</svg>'
    return "".join(glyphs)


THESIS_TITLE = "基层党组织组织力提升路径研究"


def write_thesis_docx(path: Path) -> Path:
    """A graduation thesis in Word as schools hand them out: a cover (the kind of paper centred in
    large type, a form table of labels and values, the month given an outline level for the
    navigation pane), the title over the abstract, a page header repeating the title (padded with
    spaces), and chapters `第1章  绪论` centred in a list-paragraph style of the school's own."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Pt

    document = docx.Document()
    document.styles.element.append(parse_xml(
        f'<w:style {W_NS} w:type="paragraph" w:customStyle="1" w:styleId="listpara1"><w:name w:val="列出段落1"/>'
        '<w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="420"/></w:pPr></w:style>'))

    def line(text: str, size: float = 12, centred: bool = False, style: str | None = None, outline: int | None = None):
        paragraph = document.add_paragraph()
        paragraph.add_run(text).font.size = Pt(size)
        if centred:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if style:
            paragraph._p.get_or_add_pPr().insert(0, parse_xml(f'<w:pStyle {W_NS} w:val="{style}"/>'))
        if outline is not None:
            paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {W_NS} w:val="{outline}"/>'))

    document.sections[0].header.paragraphs[0].text = f"            {THESIS_TITLE}            "
    line("本科毕业设计（论文）", 26, centred=True)
    form = document.add_table(rows=3, cols=2)
    for row, (label, value) in zip(form.rows, (("题    目", THESIS_TITLE), ("学生姓名", "李明"), ("指导教师", "王芳"))):
        row.cells[0].text, row.cells[1].text = label, value
    line("                        2015年6月", 18, outline=0)
    line(THESIS_TITLE, 16, centred=True)
    line("摘要", 16, centred=True)
    line("本文以某县农村基层党组织为例，分析组织力提升面临的问题，提出加强教育管理和制度建设的对策。")
    for chapter, text in (("第1章  绪论", "基层党组织是党执政大厦的地基，组织力强弱直接关系党的路线方针政策能否落实。"),
                          ("第2章  现状分析", "调查显示，部分村党组织书记年龄偏大，发展党员工作后继乏人。"),
                          ("第3章  对策建议", "要选优配强村党组织带头人，健全党员教育管理长效机制。")):
        line(chapter, 16, centred=True, style="listpara1")
        line(text)
    document.save(path)
    return path


def write_qingshi_docx(path: Path) -> Path:
    """A 请示 in Word: a Title-style title, headings numbered by a paragraph style linked to a
    numbering (一、 written by Word, not in the text), a table whose cells hold numbered paragraphs,
    a table inside a cell, an endnote, and the sender's name and date."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
    )
    decimal = '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:suff w:val="nothing"/></w:lvl>'
    for abstract_id, body in (("70", levels), ("71", decimal)):
        abstract = parse_xml(f'<w:abstractNum {W_NS} w:abstractNumId="{abstract_id}">{body}</w:abstractNum>')
        first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="70"><w:abstractNumId w:val="70"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="71"><w:abstractNumId w:val="71"/></w:num>'))
    # A paragraph style of the office's own, linked to the 一、 numbering, with an outline level.
    document.styles.element.append(parse_xml(
        f'<w:style {W_NS} w:type="paragraph" w:styleId="gwheading1"><w:name w:val="公文一级标题"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:numPr><w:numId w:val="70"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    ))
    document.add_paragraph("关于拨付村级组织活动场所建设经费的请示", style="Title")
    document.add_paragraph("县财政局：")
    document.add_paragraph("为进一步加强村级组织活动场所建设，现将有关事项请示如下。")
    for heading, text in (("建设基本情况", "今年全县计划新建、改扩建村级组织活动场所12个，目前已完成选址。"), ("经费需求", "经测算，共需建设经费360万元，具体见下表。")):
        paragraph = document.add_paragraph(heading)
        paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {W_NS} w:val="gwheading1"/>'))
        document.add_paragraph(text)
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "项目", "金额"
    cell = table.rows[1].cells[0]
    cell.paragraphs[0].text = "新建场所按每个40万元测算，共6个。"
    cell.add_paragraph("改扩建场所按每个20万元测算，共6个。")
    for paragraph in cell.paragraphs:
        paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="0"/><w:numId w:val="71"/></w:numPr>'))
    inner = table.rows[1].cells[1].add_table(rows=1, cols=2)
    inner.rows[0].cells[0].text, inner.rows[0].cells[1].text = "合计", "360万元"
    closing = document.add_paragraph("妥否，请批示。")
    closing.add_run().element.append(parse_xml(f'<w:endnoteReference {W_NS} w:id="1"/>'))
    for text in ("中共某某县委组织部", "2023年6月1日"):
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    add_note_part(document, "endnote", "联系人：李华，电话：1234567。")
    document.save(path)
    return path


BOOK_PARAGRAPH = "本章说明模板的安装、编译和使用方法，各部分的内容按照学校的规定编排，使用时请逐项核对，确保格式符合要求。" * 3


def write_book_pdf(path: Path) -> Path:
    """A thesis-style book: a cover page, numbered chapters (第1章　…) and unnumbered ones (参考文献,
    致　谢) in the chapters' own large type on new pages, numbered list items in the text's type."""
    import typst

    def chapter(name: str, body: str) -> str:
        return f"#pagebreak()\n#align(center)[#text(size: 18pt, weight: \"bold\")[{name}]]\n\n{body}\n\n"

    items = "#v(1.5em)\n" + "\n\n".join(f"{n}. 第{n}步：按说明完成这一步的设置，然后继续下一步。" for n in range(1, 4))
    source = (
        '#set page(paper: "a5", numbering: "1")\n'
        '#set text(font: "Noto Serif CJK SC", size: 10.5pt, lang: "zh")\n'
        "#set par(justify: true)\n"
        '#align(center)[#text(size: 14pt)[硕士学位论文]]\n\n#align(center)[#text(size: 22pt)[某某大学学位论文排版模板]]\n\n'
        "作者姓名：王某某\n\n指导教师：李某某教授　某某大学某某学院\n\n学位类别：工学硕士\n\n学科专业：计算机科学与技术\n\n培养单位：某某大学某某学院\n\n"
        + chapter("第1章　引言", BOOK_PARAGRAPH)
        + chapter("第2章　使用方法", BOOK_PARAGRAPH + "\n\n" + items)
        + chapter("参考文献", "[1] 某某. 排版规范[M]. 北京: 某某出版社, 2020.")
        + chapter("致　谢", BOOK_PARAGRAPH)
    )
    path.write_bytes(typst.compile(source.encode("utf-8")))
    return path


def write_short_gongwen_pdf(path: Path) -> Path:
    """A short 公文 of one page and its 版记 on the next: a 版头 whose name does not end like an
    organ's, the title with a 密级 set right under it, short indented paragraphs (`正文部分`, a
    contact line) that end where the 主送 above them ends, the issuer and date set right, and on the
    next page the 版记 (抄送, 分送, 印发)."""
    import typst

    source = (
        '#set page(paper: "a4", margin: (top: 37mm, bottom: 35mm, x: 27mm), footer: context align(center)[— #counter(page).display() —])\n'
        '#set text(font: "Noto Serif CJK SC", size: 16pt, lang: "zh")\n'
        '#align(center)[#text(size: 40pt, fill: red)[某校办公文件]]\n\n'
        '#align(center)[某校办发〔2023〕7号]\n#line(length: 100%, stroke: red)\n\n'
        '#align(center)[#text(size: 22pt)[某校关于做好寒假安全工作的通知]]\n'
        '#align(right)[#text(size: 22pt)[密级：秘密]]\n\n'
        '各学院：\n\n#h(2em)现就寒假安全工作通知如下，请认真落实。\n\n#h(2em)请假须知\n\n#h(2em)联系人：张明\n\n#v(6em)\n'
        '#align(right)[某校办公室]\n#align(right)[2023年12月28日]\n'
        '#pagebreak()\n#line(length: 100%)\n抄送：校党委办公室。\n\n分送：各学院办公室。\n\n'
        '某校办公室#h(1fr)2023年12月28日印发\n'
    )
    path.write_bytes(typst.compile(source.encode("utf-8")))
    return path


SIDEBAR_PARAGRAPH = (
    "第三季度收入同比下滑，销售费用率上升，盈利承压。公司是国内大众男装龙头品牌，今年以来服装零售整体承压，"
    "三季度消费需求更加疲软，毛利率同比下降，除销售费用率外其他费用率较为稳定，预计一方面因直营占比提升，"
    "另一方面与新并表业务加速发展和推广有关，在毛利率下滑和费用率提升的影响下，净利润下滑明显。"
)


def write_sidebar_pdf(path: Path) -> Path:
    """A research note: its headline across the page, the text in a wide column and, beside it, a
    sidebar of key figures in smaller type whose lines fall between the text's lines."""
    import typst

    side = "\n\n".join(f"#text(size: 7pt)[{label}#h(1fr){value}]" for label, value in (
        ("投资评级", "优于大市"), ("合理估值", "6.50元"), ("收盘价", "5.65元"), ("总市值", "271亿元"),
        ("最高价", "10.04元"), ("最低价", "5.15元"), ("日均成交额", "3.6亿元")))
    source = (
        '#set page(paper: "a4", margin: 20mm)\n#set text(font: "Noto Serif CJK SC", size: 10pt, lang: "zh")\n'
        '#set par(justify: true, leading: 0.9em)\n'
        '#text(size: 18pt)[三季度收入下滑　费用率提升盈利承压]\n\n'
        f'#grid(columns: (2.2fr, 1fr), gutter: 2em, [#h(2em){SIDEBAR_PARAGRAPH}\n\n#h(2em){SIDEBAR_PARAGRAPH}],'
        f' [#text(size: 9pt)[基础数据]\n\n{side}])\n'
    )
    path.write_bytes(typst.compile(source.encode("utf-8")))
    return path


def write_outline_list_docx(path: Path) -> Path:
    """A short report written as one multi-level list (bullets, no heading styles): the title in a
    style of its own (大标题: large, bold, an outline level, left-aligned), a subtitle style under it,
    first-level items that are the sections, their points a level deeper, and the date only in the
    page header (`2019年3月4日 星期一`)."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>' for n in range(3)
    )
    abstract = parse_xml(f'<w:abstractNum {W_NS} w:abstractNumId="80">{levels}</w:abstractNum>')
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    first_num.addprevious(abstract) if first_num is not None else numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="80"><w:abstractNumId w:val="80"/></w:num>'))
    for style_id, name, outline, size in (("bigtitle", "大标题", 1, 44), ("subject", "主题", 2, 30)):
        document.styles.element.append(parse_xml(
            f'<w:style {W_NS} w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/>'
            f'<w:pPr><w:jc w:val="left"/><w:outlineLvl w:val="{outline}"/></w:pPr><w:rPr><w:b/><w:sz w:val="{size}"/></w:rPr></w:style>'
        ))
    for text, style_id in (("项目回顾", "bigtitle"), ("进展顺利但仍有不足", "subject")):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {W_NS} w:val="{style_id}"/>'))
    outline = [
        ("首先是进展情况", 0), ("页面和交互已完成九成以上", 1), ("后台接口还有一部分没有完成", 1),
        ("然后是困难", 0), ("开发工具刚推出，问题较多", 1), ("外链暂时无法访问", 2),
        ("下一步打算", 0), ("明年完成后台后继续开发", 1),
    ]
    for text, level in outline:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="80"/></w:numPr>'))
    document.sections[0].header.paragraphs[0].text = "\t\t2019年3月4日 星期一"
    document.save(path)
    return path


def write_letter_pdf(path: Path) -> Path:
    """A 函 in the style used in Taiwan: 檔號 and 保存年限 top right, the issuer's name and 函, the
    address block, 受文者, 發文日期 in the Republic's years, 發文字號, 速別, 附件, then 主旨 and 說明 with
    points 一、二、, 正本 and 副本; a binding line down the left margin (dashes, and 裝 訂 線 spread along
    it) and `第1頁 共1頁` at the foot."""
    import typst

    margin = "".join(
        f'#place(top + left, dx: -14mm, dy: {y}mm)[#text(size: 9pt)[{mark}]]\n'
        for y, mark in [(y, "|") for y in range(0, 200, 6) if y not in (60, 120, 180)] + [(60, "裝"), (120, "訂"), (180, "線")]
    )
    source = (
        '#set page(paper: "a4", margin: (x: 25mm, y: 20mm), footer: align(center)[#text(size: 10pt)[第1頁 共1頁]])\n'
        '#set text(font: "Noto Serif CJK SC", size: 12pt, lang: "zh")\n'
        + margin +
        '#align(right)[檔　號：\\ 保存年限：]\n'
        '#align(center)[#text(size: 20pt)[某某縣政府　函]]\n'
        '#align(right)[地址：某某縣某某鄉中正路1號\\ 承辦人：王小明\\ 電話：03-1234567]\n'
        '#text(size: 14pt)[受文者：某某縣立某某國民中學]\n\n'
        '發文日期：中華民國110年9月30日\\ 發文字號：府教學字第1100000001號\\ 速別：普通件\\ 附件：競賽實施計畫\n\n'
        '#text(size: 14pt)[主旨：檢送本縣科技教育創意實作競賽實施計畫乙份，請各校踴躍報名參加，請查照。]\n\n'
        '#text(size: 14pt)[說明：]\n\n'
        '#text(size: 14pt)[#h(1em)一、依據本縣科技教育推動總體計畫辦理。]\n\n'
        '#text(size: 14pt)[#h(1em)二、國中組各公私立國中學生均可跨校組隊參加，每隊組員人數二至四名，指導老師一至二名，請各校於期限內完成報名。]\n\n'
        '正本：某某縣各縣立國民中學\\ 副本：本府教育處\n'
    )
    path.write_bytes(typst.compile(source.encode("utf-8")))
    return path


REPLY_LINES = {
    "letterhead": "某某大学学生会",
    "title": "关于某某大学第十次学生代表大会提案的回复",
    "addressees": "某某学院学生会：",
    "body": [
        "你院学生会在某某大学第十次学生代表大会期间提交的“关于增设有声自习室”的提案已收悉，经过我们向学校有关部门反映，现将处理意见回复如下：",
        "学校后勤管理处目前已在东区教学楼内的公共区域配置了相应的研讨桌椅，以供大家交流讨论，可以进行有声自习。",
        "同时，学校也会在教学楼内，陆续增设3至6间自习教室。",
    ],
    "signature": "某某大学第十次学生代表大会提案工作组",
    "date": "2024 年 6 月 29 日",
}


def write_reply_pdf(path: Path) -> Path:
    """A 公文 letter without `文件`, as a student union's office sets it in WPS: the union's name in large
    red type on top (a letterhead, no 发文字号), the title `关于…的回复` under it, the 主送 line, indented
    text, the signature (a working group, not the letterhead's organ) and the date set right, the date
    with spaces between its figures and words."""
    import typst

    g = REPLY_LINES
    source = (
        '#set page(paper: "a4", margin: (top: 37mm, bottom: 35mm, x: 27mm))\n'
        '#set text(font: "Noto Serif CJK SC", size: 16pt, lang: "zh")\n'
        f'#align(center)[#text(size: 30pt, fill: red)[{g["letterhead"]}]]\n#line(length: 100%, stroke: red)\n\n'
        f'#align(center)[#text(size: 22pt)[{g["title"]}]]\n\n{g["addressees"]}\n\n'
        + "\n\n".join(f"#h(2em){line}" for line in g["body"])
        + f'\n\n#v(2em)\n#align(right)[{g["signature"]}]\n#align(right)[{g["date"]}#h(2em)]\n'
    )
    path.write_bytes(typst.compile(source.encode("utf-8")))
    return path


def write_reply_docx(path: Path) -> Path:
    """The same letter in Word: the letterhead centred in 30 pt red over the title centred in 22 pt, the
    主送 and text in 16 pt, the signature and the date set right."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    g = REPLY_LINES
    document = docx.Document()

    def line(text: str, size: float = 16, alignment=None, red: bool = False):
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        if red:
            run.font.color.rgb = RGBColor(0xE0, 0, 0)
        paragraph.alignment = alignment

    line(g["letterhead"], 30, WD_ALIGN_PARAGRAPH.CENTER, red=True)
    line(g["title"], 22, WD_ALIGN_PARAGRAPH.CENTER)
    for text in [g["addressees"], *g["body"]]:
        line(text)
    for text in (g["signature"], g["date"]):
        line(text, alignment=WD_ALIGN_PARAGRAPH.RIGHT)
    document.save(path)
    return path


NOTICE_PARTS = [
    ("一、召开时间", ["11月30日晚19：30，在学院报告厅召开。"]),
    ("二、参会对象", ["各班级权益委员。"]),
    ("四、会议主题", ["饮食、住宿和校内出行。"]),  # typed with a wrong number: the third part
    ("三、活动内容", ["各班级汇总问题，学院学生会整理筛查后反馈。"]),
    ("四、注意事项", ["提交的问题必须真实，建议应当可行。"]),
]


def write_notice_docx(path: Path) -> Path:
    """A Word 通知 without 版头 as a student office types it: the title centred in 18 pt, the 主送, parts
    一、… as plain paragraphs (one typed with a wrong number), a closing sentence, the signature set
    right and the 成文日期 pushed right with spaces, then two attachments appended after it, each a
    label line (`附件1`), a centred title and a table."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()

    def line(text: str, size: float = 16, centred: bool = False, right: bool = False):
        paragraph = document.add_paragraph()
        paragraph.add_run(text).font.size = Pt(size)
        if centred or right:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.RIGHT

    line("关于召开某某学院权益交流大会的通知", 18, centred=True)
    line("各班级：")
    line("为切实做好本学期权益交流大会的工作，请各班级做好相应准备，现将有关事项通知如下：")
    for heading, paragraphs in NOTICE_PARTS:
        line(heading)
        for text in paragraphs:
            line(text)
    line("召开权益交流大会是学生生活中的一件大事，请各班级高度重视。")
    line("某某大学某某学院学生会", right=True)
    line("                                        2021年11月23日")
    for label, title, rows in (("附件1", "某某学院权益大会预提案表", [("班级", "提案人"), ("问题概述", "")]),
                               ("附件2", "某某学院权益大会分组表", [("序号", "分组"), ("第一组", "一班、二班")])):
        line(label)
        line(title, centred=True)
        table = document.add_table(rows=len(rows), cols=2)
        for row, cells in zip(table.rows, rows):
            row.cells[0].text, row.cells[1].text = cells
    document.save(path)
    return path


ESSAY_TITLE = "奋发有为 勇毅前行"


def write_essay_cover_docx(path: Path) -> Path:
    """A course paper with a cover page: a score box, the course's line centred in 28 pt, a form table
    (`论文题目：` with the title, teacher, student number), the date centred; then the paper: its title
    centred in 18 pt, the author, the text."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()

    def line(text: str, size: float = 12, centred: bool = False):
        paragraph = document.add_paragraph()
        paragraph.add_run(text).font.size = Pt(size)
        if centred:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    document.add_table(rows=1, cols=2).rows[0].cells[0].text = "分数"
    line("某某课程大作业", 28, centred=True)
    form = document.add_table(rows=3, cols=2)
    for row, cells in zip(form.rows, [("论文题目：", ESSAY_TITLE), ("任课教师：", "王某某"), ("学    号：", "2021000001")]):
        row.cells[0].text, row.cells[1].text = cells
    line("2022年10月29日", 16, centred=True)
    line(ESSAY_TITLE, 18, centred=True)
    line("李某某", 14, centred=True)
    for text in ("有责任有担当，青春才会闪光。新时代的青年生逢其时，重任在肩，要把个人的理想同国家的需要结合起来。",
                 "时间不会辜负奋斗者，未来属于实干家。青年学生要虚心学习、勇于探索，把所学用于解决实际问题。"):
        line(text)
    document.save(path)
    return path


def write_word97(
    path: Path,
    text: str,
    *,
    latin_tail: str = "",
    footnotes: str = "",
    encrypted: bool = False,
    n_fib: int = 0x00C1,
    stream: str = "WordDocument",
    styles: list[tuple[int, str]] | None = None,
    paragraph_styles: dict[int, int] | None = None,
    outline_levels: dict[int, int] | None = None,
) -> Path:
    """A binary Word 97–2003 file (.doc) as Word stores one: an OLE compound file whose WordDocument stream
    opens with the FIB and holds the text, and whose 1Table stream holds the piece table.

    `text` is Word's text stream (paragraphs end with \\r, cells with \\x07, fields are \\x13 code \\x14 result
    \\x15), stored as one UTF-16 piece; `latin_tail` follows as an 8-bit ("compressed") piece, as Word stores a
    run of Western text; `footnotes` is the footnote story (each note opening with \\x02). `encrypted` sets
    fEncrypted, `n_fib` below 0x00C1 makes it a Word 95 file, `stream` renames the main stream (an Excel file
    has Workbook instead). `styles` is the style sheet, (sti, name) per style index (Word's 1–3 are 标题 1–3,
    62 the Title); `paragraph_styles` gives paragraph k (k-th \\r or \\x07 of `text`) its style index, and
    `outline_levels` its own outline level (0 = level 1, 9 = body text), in the paragraphs' properties page."""
    import struct

    main_chars = len(text) + len(latin_tail)
    unicode_at, unicode_bytes = 1024, (text + footnotes).encode("utf-16-le")
    latin_at = unicode_at + len(unicode_bytes)
    word = bytearray(max(4096, latin_at + len(latin_tail) + 512))
    flags = 0x0200 | (0x0100 if encrypted else 0)  # fWhichTblStm: the piece table is in 1Table
    struct.pack_into("<HHHHHH", word, 0, 0xA5EC, n_fib, 0, 0x0804, 0, flags)
    struct.pack_into("<H", word, 32, 14)  # csw, then fibRgW (28 bytes)
    struct.pack_into("<H", word, 62, 22)  # cslw, then fibRgLw (88 bytes)
    struct.pack_into("<iiiiii", word, 64 + 12, main_chars, len(footnotes), 0, 0, 0, 0)
    struct.pack_into("<H", word, 152, 93)  # cbRgFcLcb: Word 97's 93 (fc, lcb) pairs
    word[unicode_at : unicode_at + len(unicode_bytes)] = unicode_bytes
    word[latin_at : latin_at + len(latin_tail)] = latin_tail.encode("cp1252")
    # The pieces: the main text (UTF-16), the Latin tail (8-bit, fc doubled with bit 30 set), the footnotes (UTF-16).
    pieces = [(0, len(text), unicode_at, False)]
    if latin_tail:
        pieces.append((len(text), main_chars, latin_at, True))
    if footnotes:
        pieces.append((main_chars, main_chars + len(footnotes), unicode_at + 2 * len(text), False))
    cps = [first for first, _, _, _ in pieces] + [pieces[-1][1]]
    plc = struct.pack(f"<{len(cps)}I", *cps) + b"".join(
        struct.pack("<HIH", 0, (fc * 2) | 0x40000000 if compressed else fc, 0) for _, _, fc, compressed in pieces
    )
    clx = b"\x01\x02\x00\x00\x00" + b"\x02" + struct.pack("<I", len(plc)) + plc  # a Prc (skipped), then the Pcdt
    struct.pack_into("<II", word, 154 + 33 * 8, 0, len(clx))  # fcClx, lcbClx
    table = clx
    if styles:
        sheet = struct.pack("<H", 18) + struct.pack("<HH", len(styles), 10) + bytes(14)  # cstd, STD base 10 bytes
        for sti, name in styles:
            std = struct.pack("<H", sti) + bytes(8) + struct.pack("<H", len(name)) + name.encode("utf-16-le") + b"\0\0"
            sheet += struct.pack("<H", len(std)) + std
        struct.pack_into("<II", word, 154 + 1 * 8, len(table), len(sheet))  # fcStshf, lcbStshf
        table += sheet
        marks = [k for k, character in enumerate(text) if character in "\r\x07"]
        page = len(word) // 512
        word += bytes(512)
        bounds = [unicode_at] + [unicode_at + 2 * (cp + 1) for cp in marks]
        fkp = bytearray(512)
        struct.pack_into(f"<{len(bounds)}I", fkp, 0, *bounds)
        end = 511
        for k in range(len(marks)):
            grpprl = struct.pack("<H", (paragraph_styles or {}).get(k, 0))
            if k in (outline_levels or {}):
                grpprl += struct.pack("<HB", 0x2640, outline_levels[k])
            size = (len(grpprl) + 2) // 2  # cb: the PAPX holds 2×cb−1 bytes after it
            papx = bytes([size]) + grpprl.ljust(2 * size - 1, b"\0")
            end = (end - len(papx)) // 2 * 2
            fkp[end : end + len(papx)] = papx
            fkp[4 * len(bounds) + 13 * k] = end // 2
        fkp[511] = len(marks)
        word[page * 512 : page * 512 + 512] = fkp
        bins = struct.pack("<III", bounds[0], bounds[-1], page)
        struct.pack_into("<II", word, 154 + 13 * 8, len(table), len(bins))  # fcPlcfBtePapx, lcbPlcfBtePapx
        table += bins
    table += bytes(max(0, 4096 - len(table)))
    path.write_bytes(_compound_file({stream: bytes(word), "1Table": table}))
    return path


def _compound_file(streams: dict[str, bytes]) -> bytes:
    """An OLE compound file (version 3, 512-byte sectors) holding `streams` (each at least 4,096 bytes, so
    none goes to the mini stream): the header, one FAT sector, one directory sector, then the streams."""
    import struct

    sector = 512
    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    data, starts, next_sector = b"", [], 2  # sector 0: the FAT, sector 1: the directory
    for content in streams.values():
        content += bytes(-len(content) % sector)
        starts.append(next_sector)
        data += content
        next_sector += len(content) // sector
    fat = [fat_sector, end]
    for start, content in zip(starts, streams.values()):
        count = -(-len(content) // sector)
        fat += [start + k + 1 for k in range(count - 1)] + [end]
    fat += [free] * (sector // 4 - len(fat))

    def entry(name: str, kind: int, left: int, child: int, start: int, size: int) -> bytes:
        encoded = name.encode("utf-16-le") + b"\0\0"
        # name, its length, type, colour (black), left and right sibling, child, CLSID, state, times, start, size
        return encoded.ljust(64, b"\0") + struct.pack("<HBBIII16sI16sIQ", len(encoded), kind, 1, left, free, child, bytes(16), 0, bytes(16), start, size)

    names = list(streams)
    # The directory's tree: the root's child is the last stream, each stream's left sibling the one before it
    # (a shorter or equal name sorts first: enough for a reader that walks the whole tree).
    directory = entry("Root Entry", 5, free, len(names), end, 0)
    for k, (name, content) in enumerate(streams.items(), 1):
        directory += entry(name, 2, k - 1 if k > 1 else free, free, starts[k - 1], len(content))
    directory += bytes(sector - len(directory))
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
        + struct.pack("<109I", 0, *[free] * 108)
    )
    return header + struct.pack(f"<{sector // 4}I", *fat) + directory + data
