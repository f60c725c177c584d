"""Office files written by the tests: a .docx with Word numbering, a table and a footnote; a text PDF; a saved web page."""

from __future__ import annotations

from pathlib import Path

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
OUTLINE_LEVELS = (
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
)


def write_docx(path: Path) -> Path:
    """A speech as the office system writes it: Title and Heading styles, auto-numbered 一、/（一）/1.
    headings (the labels exist only in numbering.xml), a table and a footnote."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
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
    footnotes = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        (
            f'<w:footnotes {W_NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:id="1"><w:p><w:r><w:t>数据截至2022年底。</w:t></w:r></w:p></w:footnote></w:footnotes>'
        ).encode(),
        document.part.package,
    )
    document.part.relate_to(footnotes, RT.FOOTNOTES)
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
