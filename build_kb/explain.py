"""The reader's rule names (`detected_by` in kb.json) as a curator reads them, in Chinese.

kb.json keeps the stable English names tools rely on; `kb check` and the comments `kb add` writes
into speeches.yaml show these. A rule not listed here is shown as UNKNOWN (say where it is): add its
name here when a reader gains a rule (tests/test_cli_chinese.py checks the seeds and the samples).
"""

from __future__ import annotations

import re

RULES = {
    "header line": "标题区的标题行",
    "header lines": "标题区的几行标题",
    "header line without its byline": "标题行（去掉了同一行的署名）",
    "header date line": "标题区的日期行",
    "header year and month (no day)": "标题区的年月（没有日）",
    "blank date in the header (unknown)": "标题区的日期空着（不详）",
    "date after the title": "标题后面的日期",
    "date before the title": "标题前面的日期",
    "date before the subtitle": "副标题前面的日期",
    "date line under the text": "正文末尾落款的日期",
    "month and day in the header, year in the title": "标题区的月日加标题里的年份",
    "year in the title": "标题里的年份",
    "year at the end of the period in the title": "标题所写那段时间结束的年份（总结写于其末）",
    "year from the headings": "小标题里的年份",
    "year from the opening": "开场白里的年份",
    "byline role": "署名里的职务",
    "byline name": "署名里的姓名",
    "byline role and name": "署名里的职务和姓名",
    "byline role without a name": "署名只有职务",
    "byline name and role in brackets": "署名（姓名加括注的职务）",
    "byline role glued to the title": "接在标题上的职务",
    "byline in the title line": "标题行里的署名",
    "role in the title": "标题里的职务",
    "name in the title": "标题里的姓名",
    "placeholder name (unknown)": "姓名是占位符（不详）",
    "the speaker's role": "讲话人的职务",
    "title in 《》": "书名号里的题目",
    "the capture header's title (a crawler's note)": "抓取说明里的标题（原文没有标题行）",
    "derived from the content (no title in the text)": "原文没有标题，按内容生成",
    "the report's lead: who held what (no headline on the page)": "网页上没有标题，按报道导语拟出（某某召开……）",
    "the holding body (中央 / 学校 / 企业)": "召开会议的单位（中央、学校、企业）",
    "the page's headline run into its posting stamp (taken off with it)": "网页标题和它后面的发布时间连在一行（随发布时间一起删去）",
    "the page's headline run into its posting stamp (at the text's head)": "网页标题和它后面的发布时间连在正文开头",
    "the report's own unit, the subject of its opening (近年来，县委组织部…)": "材料开头作主语的本单位（近年来，县委组织部……）",
    "author's note under the text (作者系…)": "文末的作者简介（作者系…）",
    "named in the site's note (the text has no title line)": "网页说明里的题目（原文没有标题行）",
    "the page's breadcrumbs (the text has no title line)": "网页的面包屑导航（原文没有标题行）",
    "the file's own name (the text has no title line)": "文件名（原文没有标题行）",
    "the page's 作者： line": "网页的“作者：”一行",
    "the document's 作者： line under its title": "文件标题下的“作者：”一行",
    "the page's 原标题 (the speech's own title)": "网页注明的原标题（讲话自己的标题）",
    "the covering notice (现将…印发)": "印发讲话的通知（现将…印发）",
    "title marked by the document (Word Title style, a first line centred in large type, a PDF title)": "文档标明的标题（Word 的标题样式、居中的大字首行或 PDF 的标题）",
    "title marked by the document: Word's Title style": "文档标明的标题：Word 的“标题”样式",
    "title marked by the document: its first heading, alone at its level and centred": "文档标明的标题：首段是全文唯一的这一级标题，居中",
    "title marked by the document: its first heading, alone at its level and set larger than the text": "文档标明的标题：首段是全文唯一的这一级标题，字号大于正文",
    "title marked by the document: its first paragraph, the only one in a heading style": "文档标明的标题：首段是全文唯一用标题样式的一段",
    "title marked by the document: the line its page header repeats": "文档标明的标题：页眉重复的那一行",
    "title marked by the document: its first lines, centred and set larger than the text": "文档标明的标题：居中、字号大于正文的首行",
    "title marked by the document: its cover's 题目 field, given again on a line of its own": "文档标明的标题：封面“题目”一栏写的、正文前又单独成行的那一行",
    "title marked by the document: a Markdown file's first line, a heading alone at its depth of #": "文档标明的标题：Markdown 文件的首行，是全文唯一这一级 # 的标题",
    "title marked by the document: the PDF's metadata title, said on its first page": "文档标明的标题：PDF 元数据里的题目（首页上也有这一行）",
    "title marked by the document: the largest type on the PDF's first page": "文档标明的标题：PDF 首页字号最大的一行",
    "title marked by the document: the 题目 field of the PDF's cover form": "文档标明的标题：PDF 封面表格“题目”一栏",
    "title marked by the document: the large type under the line every page header repeats": "文档标明的标题：PDF 首页大字中各页页眉重复的那一行下面的一行",
    "title marked by the document: the page's headline (its h1, og:title or <title>)": "文档标明的标题：网页自己的大标题（h1、og:title 或 <title>）",
    "organ (X委/X政府)": "机关名（某委、某政府）",
    "the body (我X, 全X, X委要求 … again and again)": "正文里反复出现的本级称呼（如“我镇”“全县”“市委要求”，层级取其中的镇、县、市）",
    "the report's lead (N月N日，…召开)": "报道导语里的“某月某日……召开”",
    "a picture's caption (图为…N月N日…会议现场)": "图片说明里的日期（图为……某月某日……会议现场）",
    "the text's first day, year from the freshmen's cohort (N级新生)": "正文开头的某月某日，年份按“某级新生”推断",
    "the report's lead (N月N日), year from the freshmen's cohort": "报道导语里的某月某日，年份按“某级新生”推断",
    "the report's lead: who holds the meeting (X召开…)": "报道导语里召开会议的单位（某某乡党委召开……）",
    "year in the collection's name": "合集名称里的年份",
    "the report's lead (…出席会议并讲话)": "报道导语里的“……出席会议并讲话”",
    "the report: one with posts said to speak further on (the lead only names a reader or a chair)": "报道后文带职务、说了话的人（前几段只写了宣读、传达或主持的人）",
    "the report: one it names, said later to 强调/指出/点评": "报道先点名（参加会议、主持会议），后面又写他“强调”“指出”“点评”的人",
    "the page's own date (article:published_time, <time>), the text gives none": "网页自己标的日期（原文没有日期）",
    "the page's posting date (the text gives no date of its own)": "网页的发布日期（原文没有写日期）",
    "the report: the course its speaker taught (讲授…第一课)": "报道里讲话人讲授的课（讲授……第一课）",
    "the report: the meeting it says someone chaired (…大会由某某主持)": "报道里“……大会由某某主持”的会议",
    "the Word document's own date (its page header, a date on a line of its own), the text gives none": "Word 文档页眉上或单独成行的日期（正文里没有认出日期）",
    "the PDF's own date (its cover, the posting line under its title, a sign-off form's 日期 row), the text gives none": "PDF 封面上、标题下发布行或落款表格里的日期（正文里没有认出日期）",
    "leading X": "会议名开头的县、市",
    "a place and its level": "会议名开头的地名和层级",
    "全X": "“全某”（全县、全市……）",
    "speeches.yaml": "speeches.yaml 指定",
    "headings": "小标题",
    "opening": "开场白",
    "signature": "文末落款",
    "the 公文's title (under the 版头, above the 主送)": "公文标题（版头之下、主送机关之上）",
    "the 公文's 成文日期 (under the issuer's name)": "公文成文日期（发文机关署名之下）",
    "the standard's cover (its title, …发布 date)": "标准封面（标准名称、“……发布”的日期）",
}

PREFIXES = {"title: ": "标题：", "subtitle: ": "副标题：", "opening: ": "开场白：", "anniversary: ": "纪念年份："}

UNKNOWN = "程序识别（依据见 kb.json 的 detected_by）"
"""A rule added to the reader but not yet here: the curator is not shown English meanwhile."""

REMOVALS = {
    "advertising-block": "广告", "copyright-notice": "版权声明", "page-number": "页码", "site-watermark": "网址水印",
    "posting-info": "发布信息", "editor-note": "编者的话", "page-summary": "导语、摘要", "download-prompt": "下载提示",
    "contact-handle": "联系方式", "related-links": "相关链接", "site-name": "站名", "page-counter": "单独一行的页码",
    "font-name": "字体名", "css-or-markup": "网页代码", "article-tools": "文章工具", "page-navigation": "翻页",
    "site-footer": "网站页脚", "social-post": "公众号文字", "comments": "评论区", "site-menu": "网站菜单",
    "stray-symbols": "孤立的符号", "journal-record": "期刊信息", "journal-classification": "分类号", "engagement-counters": "阅读点赞计数",
    "platform-disclaimer": "平台声明", "end-marker": "文末标记", "photo-caption": "图片说明", "document-header": "公文版头",
    "document-footer": "公文版记", "contents-entry": "目录行", "supplied-by": "供稿署名", "advert-marker": "广告标记",
    "picture-placeholder": "插图提示", "template-field": "模板栏目", "chrome-evidence": "网页上的文字（多项迹象）",
    "running-header": "每页重复的页眉页脚", "cover-letter": "印发讲话的通知", "outline-copy": "复制来的目录",
    "repeated-preview": "重复的导读", "capture-header": "抓取说明", "chrome-date": "网页日期", "page-label": "页面标签",
    "inline-watermark": "段落里的网址水印", "inline-credit": "行尾的署名", "drop_lines (speeches.yaml)": "speeches.yaml 的 drop_lines",
    "continuation-mark": "转版、续页标记", "garbled-characters": "乱码", "spelled-out-mark": "拆开写的网址水印",
    "listing-fields": "列表行的栏目和字段",
}
"""The removal rules (boilerplate.yaml's names and the cleaner's own) as kb check and 待核对 show them: the
Chinese name, then the rule's name for finding it in boilerplate.yaml or the 编者指南 (广告（advertising-block）).
A rule a curator adds to boilerplate.yaml is shown by its own name; a rule the cleaner gains is added here
(tests/test_check.py checks boilerplate.yaml's rules and the cleaner's)."""


FROM_THE_ORIGINAL = frozenset(chinese for english, chinese in RULES.items() if english.startswith("title marked by the document") or "'s own date" in english)
"""The rules (in Chinese, as kb add's stub names them) that read a value off the original file — a Word style, a PDF's
cover, a page's <time> — not off the text kb add stores: a build, which reads that text, cannot give them again."""


def removal(name: str) -> str:
    """`advertising-block` → `广告（advertising-block）`; a rule not listed keeps its name."""
    return f"{REMOVALS[name]}（{name}）" if name in REMOVALS else name


FIELDS = {"title": "标题", "subtitle": "副标题", "date": "日期", "year": "年份", "speaker": "讲话人", "speaker_role": "职务", "occasion": "会议", "level": "层级"}
"""Field names of a speech (and of speeches.yaml) as the curator calls them."""


def rule(name: str | None) -> str:
    """`header date line` → `标题区的日期行`; `title: 在…上的讲话` → `标题：在…上的讲话`."""
    if not name:
        return ""
    if name in RULES:
        return RULES[name]
    for prefix, chinese in PREFIXES.items():
        if name.startswith(prefix):
            rest = name[len(prefix):].replace("N", "几").replace("X", "某")  # 建党N周年, X召开…会议
            return UNKNOWN if re.search("[A-Za-z]", rest) else chinese + rest
    return UNKNOWN
