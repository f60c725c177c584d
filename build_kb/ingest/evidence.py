"""Stage 2 (clean), per-line evidence: is a line the site's chrome or the speech?

The boilerplate rules name the chrome of the pages someone has seen. A page from a site nobody has
seen brings chrome in words no rule names, but in the same *shape*: short lines at the edges of the
text, without a sentence, full of digits, Latin letters, units (KB, 页, 次), addresses, field labels
and the words of a site's interface (下载, 举报, 收藏, 责任编辑 …). So every line the rules leave is
weighed here by a table of small readers, each giving a weight for chrome (+) or for speech (−):

    reader                what it looks at                                   e.g.
    interface-words       words of a site's interface                        举报 收藏 上一篇 责编
    short-items           a row of short items, no sentence (menu, pager)    首页 | 版面导航 | 标题导航
    breadcrumb            a path of places joined by > or »                  主页 >>  首页 > 新闻 > 正文
    repeats-a-line        below the text, a line given above it (the deck)
    title-decoration      a line of nothing but a title's decoration          参考稿 【完整版】
    field-label           a short "label：value" with no sentence            资源描述：… 责编丨某某
    mostly-not-han        little Han text among digits, Latin and signs      2 2 / zwfw123@163.com
    units                 a number with a unit of files and pages            68.5KB 19 页 356次
    address               a web address, an e-mail or a file name            content_12345.html
    weekday-or-clock      a date with its weekday, a clock time              2024年6月14日 星期五
    page-label            an e-paper's page label                           第A03版：要闻
    latin-prose           a paragraph of Latin text (a machine translation)  The general office …
    photo-credit          a picture's caption, ending in its credit          …会议现场。 记者 某某 摄
    picture-words         a short line pointing at a picture                 整治前（左图）  图为会议现场
    caption-run           in the body, two or more short lines running,      先进集体代表领奖
                          no stop, no number (captions under pictures)       优秀党员代表领奖
    caption-stack         between headline and text, a stack of bare phrases  某某作重要讲话
                          one of which repeats the headline or its deck       某某会议在某地召开
    reporter-credit       a report's credit in brackets on its own line      （见习记者 某某）
    names-only            below the text, names with at most a label         记者 某某  （签发：某某）
    counter               a count of readers, comments, likes                已有0人发表了评论
    asks-the-reader       the site asking its reader to act on the page      请在评论区发评论
    repeats-title         the title again with other words round it          腾讯文库在…上的讲话
    link-item             below the text, a short line after a list mark     ·《关于做好…
    long-number           below the text, a run of nine or more digits;      许可证10120170062
                          anywhere, a QQ or WeChat contact                   QQ:12345678
    contact-line          above the text, a telephone or a postal address        0769-12345678(tel)
    cut-teaser            below the text, a line cut off with …               为充分发挥优秀影片在促进...
    slogan                below the text, short phrases set apart by spaces   不忘初心 牢记使命
    credit-label          a short line opening with a credit's label         文/图 某某办公室
    producer-credit       below the text, who made the page                  某某日报新媒体出品
    garbled               what a wrong decoding left                         锟斤拷 ����
    a-rule-elsewhere      a boilerplate rule matches, out of its place       (the rules as evidence)
    outside-the-body      above the first or below the last prose line
    sentence              a sentence of Han text that ends as one             …抓好落实。
    list-clause           an item of a list ending as a clause with ；         - 党支部书记致辞；
    long-han-text         a long run of mostly Han text
    heading-number        a numbered heading                                 一、 （二） 第三，
    salutation            the speech's address                               同志们：
    dateline-or-byline    the speech's own date or speaker line              （2021年6月18日）
    speech-voice          the words a speaker uses                           我们 要 必须 坚持
    names-a-speech        the words of a speech's title                      讲话 报告 党课
    a-document-part       a 公文 part the parser reads (ingest/gongwen.py)    000123 附件：1. …

The weights add up to one score per line. At CHROME_AT or more the line is chrome: clean() removes
it, logs it and counts it (rule `chrome-evidence`). Between DOUBT_AT and CHROME_AT the reader is
unsure: the line is KEPT and listed for a person (待核对, `kb check`) with the one-line fix for
speeches.yaml. Below DOUBT_AT it is speech. Nothing doubtful is silently published or dropped.
In text converted from a Word or PDF document, evidence only a web page gives never removes a line: it
makes it doubtful at most (verdict_by_origin).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from collections.abc import Callable

from ..text import HAN, HAN_CHAR, find_date
from . import gongwen
from .headline import has_verb, names_a_thing
from .layout import SALUTATION_RE, phrases_apart, stacked_phrases

CHROME_AT = 3.0
"""A line scoring this much or more is removed as chrome."""
DOUBT_AT = 1.5
"""A line scoring this much (and less than CHROME_AT) is kept and sent to a person."""


@dataclass(frozen=True)
class LineContext:
    """What a reader may know of a line: its text and where it stands."""

    text: str
    outside_body: bool
    """Above the first prose line (or salutation) or below the last one."""
    below_body: bool = False
    """Below the last prose line."""
    title: str = ""
    """The likely title: the first line above the body that reads like one ("" when unknown)."""
    repeats: int = 1
    """How many lines read the same: the line itself and those above the text (a deck, a headline)."""
    rule: str | None = None
    """A boilerplate rule that matches the line when its place (edges) and length limit are set aside."""
    elsewhere: int = 0
    """How many other files of the corpus have the line among their edge lines (`edge_lines`)."""


@dataclass(frozen=True)
class Evidence:
    reader: str
    weight: float


@dataclass(frozen=True)
class Judgement:
    """One line's score and what it was made of."""

    score: float
    evidence: tuple[Evidence, ...]

    @property
    def verdict(self) -> str:
        """`chrome`, `doubtful` or `speech`."""
        return "chrome" if self.score >= CHROME_AT else "doubtful" if self.score >= DOUBT_AT else "speech"

    def reasons(self) -> str:
        """The chrome evidence, strongest first: "interface-words, field-label"."""
        found = sorted((e for e in self.evidence if e.weight > 0), key=lambda e: -e.weight)
        return ", ".join(e.reader for e in found)


READER_NAMES = {
    "contact-note": "标题下括注的联系人、电话（多半是报告自己的说明）",
    "interface-words": "网站界面用语", "field-label": "字段标签", "mostly-not-han": "汉字很少", "units": "带 KB/页/次 等单位",
    "address": "网址或文件名", "weekday-or-clock": "带星期或时刻", "page-label": "报纸版面", "short-items": "一排短词（菜单、按钮）", "breadcrumb": "网页路径（首页 > 栏目）",
    "latin-prose": "外文段落", "photo-credit": "图片说明（摄影署名）", "picture-words": "图片说明（左图、图为）", "caption-run": "正文中连续几行短句，无标点无编号（像图片说明）", "caption-stack": "标题与正文之间叠放的几行图片说明", "reporter-credit": "记者署名", "names-only": "只有人名（署名）", "counter": "阅读、评论计数", "asks-the-reader": "网站请读者操作（请下载、请评论、请搜索）", "repeats-title": "重复标题", "title-again": "正文中又出现标题行", "repeats-a-line": "重复前文", "title-decoration": "标题装饰", "repeats-across-corpus": "语料中别的文件也有这一行", "issue-date": "报纸出版日期",
    "a-rule-elsewhere": "像某条清洗规则", "outside-the-body": "在正文之外", "above-the-title": "在标题之上", "next-to-chrome": "紧挨网页文字", "between-chrome": "夹在网页文字之间", "link-item": "链接列表的一项",
    "long-number": "长串数字（备案号、电话）", "contact-line": "网页顶部的电话、地址", "cut-teaser": "被截断的摘要（…）", "slogan": "页脚上方的口号（空格隔开的短语）", "credit-label": "署名（文/图）", "pager": "上一篇、下一篇链接", "lone-widget": "网页按钮（推荐、收藏）", "cut-credit": "被截断的署名（（通…）", "credit-chain": "供稿、编辑、审核署名", "producer-credit": "出品、制作署名", "garbled": "乱码",
    "under-the-footer": "在网页页脚之下", "at-the-page-end": "网页最后一行", "label-over-list": "推荐列表（标签下到网页文字为止）", "link-list": "一串同样符号开头的链接", "dated-items": "一串带日期的标题（新闻列表）", "teaser-pairs": "一串标题各带摘要（相关新闻）", "items-of-chrome-label": "网页说明下的条目",
    "caption-restates": "正文中又说一遍旁边一段的话（像图片说明）", "where-the-text-breaks-off": "正文中断处的网站提示", "run-inside-the-body": "正文中间连续几行（证据不足以删除）", "menu-run": "标题之上一串名称（菜单、投票选项、表单栏目）", "table-rows": "正文中的表格行",
    "table-cell": "原文件表格里的行（按正文保留）",
}
"""What the curator reads for each reader's chrome evidence (待核对, kb check)."""


def reasons_in_chinese(reasons: str) -> str:
    """ "interface-words, field-label" → "网站界面用语、字段标签"; a cleaning rule's name (a table's line a rule
    took, kept: `table-cell, running-header`) as kb check names the rule."""
    from ..explain import REMOVALS

    return "、".join(READER_NAMES.get(name, REMOVALS.get(name, name)) for name in reasons.split(", ") if name)


# --- the readers -------------------------------------------------------------------------------

INTERFACE_WORDS = {
    # Words a page's interface uses and a speech hardly ever does.
    **dict.fromkeys(
        "下载 举报 收藏 上一篇 下一篇 上一条 下一条 上一页 下一页 浏览 网友 评论 登录 注册 打印 字体 字号 责任编辑 责编 编审 稿源 撰稿 "
        "版权 首页 邮箱 客服 会员 页数 公众号 素材 文库 投稿 积分 本报讯 手机版 二维码 扫码 记者 通讯员 摄影 "
        "点赞 转发 阅读量 浏览量 关闭窗口 返回顶部 本站 小编 海报 原文链接 文档格式 文件大小 上一版 下一版 导航 "
        "同期声 参考稿 帖子 缓存 点此 点击 供稿 供图 原标题 原图".split(),
        1.2,
    ),
    # A site speaks to its reader as 您 (您的位置, 为您推荐, 您可能感兴趣); a speech says 同志们, 大家.
    "您": 1.0,
    # Words both use: evidence only with others.
    **dict.fromkeys("来源 作者 编辑 发布 更新 时间 阅读 访问 分享 网站 文档 大小 格式 资源 描述 代码 标签 链接 复制 栏目 搜索 版 放大 缩小 默认 返回 推荐 查看".split(), 0.5),
}
_INTERFACE = re.compile("|".join(sorted(map(re.escape, INTERFACE_WORDS), key=len, reverse=True)))


_INTERFACE_LABEL = re.compile(rf"^[【\[（(]?\s*((?:{_INTERFACE.pattern}){{1,3}})\s*[:：丨|]")


def interface_label(text: str) -> bool:
    """Does the line open with a label made of interface words (资源描述：, 更新时间：, 浏览次数：, 上一篇：)?
    One weak word alone (时间：, 来源：) is how a formal record labels its lines too."""
    m = _INTERFACE_LABEL.match(text)
    return bool(m) and sum(INTERFACE_WORDS[w] for w in _INTERFACE.findall(m.group(1))) >= 1.0


def has_interface_words(text: str) -> bool:
    """Does `text` hold a word of a site's interface (a name never does: 海报, 下载, 标题导航)?"""
    return any(INTERFACE_WORDS[w] >= 1.0 for w in _INTERFACE.findall(text))


def interface_words(ctx: LineContext) -> float:
    """The words of a site's interface, weighed by how short the line is.

    >>> interface_words(LineContext("网友评论 举报 收藏", False, ""))
    4.8
    >>> interface_words(LineContext("要加强基层党组织建设，把党员组织起来。", False, ""))
    0.0
    """
    words = set(_INTERFACE.findall(ctx.text))
    if not words:
        return 0.0
    weight = sum(INTERFACE_WORDS[w] for w in words)
    return round(weight if len(ctx.text) <= 40 else weight * 0.4, 2)


_FIELD = re.compile(rf"([{HAN}]{{2,6}})\s*[:：丨|]\s*")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}|[（(]?[一二三四五六七八九十\d]{1,3}[）)、．.])")


def field_label(ctx: LineContext) -> float:
    """A short `label：value` (or `label丨value`) with no sentence in it, more for every further label;
    or a short line ending in a colon, the label of what follows.

    >>> field_label(LineContext("编号：A-1029 大小：68.5KB 页数：19 页", False, ""))
    2.7
    >>> field_label(LineContext("责编丨某某某", False, ""))
    2.0
    >>> field_label(LineContext("云上某某政务服务邮箱:", False, ""))
    1.0
    >>> field_label(LineContext("资源描述：在全区党建工作推进会上的讲话，共三个部分。", True))
    2.0
    >>> field_label(LineContext("同志们：", False, ""))
    0.0
    """
    text = ctx.text
    if interface_label(text):
        return 2.0
    if len(text) > 80 or _NUMBERING.match(text) or SALUTATION_RE.match(text) or re.search(r"[。！？]", text):
        return 0.0
    if len(text) <= 20 and text[-1] in ":：" and not re.search(r"[，,]", text):  # 借此机会，我讲三点： leads into what follows
        return 1.0
    labels = [m for m in _FIELD.finditer(text) if m.start() == 0 or text[m.start() - 1] in " \t|｜·•[【（(]"]
    if not labels:
        return 0.0
    return round(0.7 + 1.0 * (len(labels) - 1), 2)


_LABELLED_WORDS = re.compile(rf"^[{HAN}]{{1,8}}[:：]\s*[A-Za-z][A-Za-z'-]+(?:[,;:]?\s+[A-Za-z][A-Za-z'-]*)+")
"""A Han label or name, a colon, then words of a Latin-script language set apart by spaces (`全体：looking for papers`):
no e-mail, address or code, which has no spaces."""


def mostly_not_han(ctx: LineContext) -> float:
    """Little Han text among digits, Latin letters and signs.

    >>> mostly_not_han(LineContext("zwfw456789@163.com", False, ""))
    2.0
    >>> mostly_not_han(LineContext("2 2", False, ""))
    2.0
    >>> mostly_not_han(LineContext("一、加强党的政治建设", False, ""))
    0.0
    >>> mostly_not_han(LineContext("陈明翔：utility, mutual friend recommendation", False, ""))
    0.0
    """
    visible = re.sub(r"\s", "", ctx.text)
    if not visible or _LABELLED_WORDS.match(ctx.text.strip()):
        return 0.0  # (a name or label over words of another language is a bilingual note's line, not codes or figures)
    han = len(HAN_CHAR.findall(visible)) / len(visible)
    return 2.0 if han < 0.25 else 1.0 if han < 0.5 and len(visible) <= 40 else 0.0


_UNIT = re.compile(r"\d+(?:\.\d+)?\s*(?:KB|MB|kb|mb|K|M|页|次|字|人阅读|人浏览|条评论|个赞|分钟)(?![\u4e00-\u9fff]{0,1}[的是了])")


def units(ctx: LineContext) -> float:
    """Numbers with the units of files, pages and counters.

    >>> units(LineContext("大小：68.5KB 页数：19 页", False, ""))
    2.0
    >>> units(LineContext("财政收入增长20%，工业贡献率提高5个百分点。", False, ""))
    0.0
    """
    return min(2.0, 1.0 * len(_UNIT.findall(ctx.text)))


_ADDRESS = re.compile(r"https?://|www\.|\bdata:[a-z]+/[\w.+-]+[;,]|[\w.-]+@[\w-]+\.\w+|\b[\w-]+\.(?:s?html?|aspx?|php|jsp|docx?|pdf|jpe?g|png|gif)\b|\.(?:com|cn|net|org)\b", re.IGNORECASE)


def address(ctx: LineContext) -> float:
    """A web address, an e-mail address or a file name; a picture's data written into the page where its address
    would be (`<image>data:image/png;base64,iVBOR…`, `data:image/svg+xml,%3Csvg…`), which no speech writes.

    >>> address(LineContext("content_12345.html", False, ""))
    3.0
    >>> address(LineContext("<image>data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ", False, "")), address(LineContext("要用好大数据：汇总分析。", False, ""))
    (3.0, 0.0)
    """
    return 3.0 if _ADDRESS.search(ctx.text) else 0.0


_WEEKDAY = re.compile(r"\d{1,2}\s*[日号]\s*(?:星期|周|礼拜)[一二三四五六日天]|\d{1,2}[-/.]\d{1,2}\s*(?:星期|周)[一二三四五六日天]|(?:星期|周)[一二三四五六日天]\s*$")
_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")


def weekday_or_clock(ctx: LineContext) -> float:
    """A date with its weekday (a paper's issue date, a page's update time) or a clock time.

    >>> weekday_or_clock(LineContext("2024年6月14日 星期五", False, ""))
    2.5
    >>> weekday_or_clock(LineContext("更新时间：2023-03-08星期三", False, ""))
    2.5
    """
    return 2.5 if _WEEKDAY.search(ctx.text) else 1.5 if _CLOCK.search(ctx.text) else 0.0


_PAGE_LABEL = re.compile(
    r"第\s*[A-Za-z]?\d{1,3}\s*版|^[A-Za-z]\d{1,3}\s*版|^\s*版\s*[次面]\s*[:：]"
    r"|^\s*(?:[-–—·•]\s*)?(?:[（(]?\s*第\s*\d{1,4}\s*期\s*[）)]?)?\s*(?:[（(]?\s*总第\s*\d{1,5}\s*期\s*[）)]?)?\s*$(?<=[期）)])"
)


def page_label(ctx: LineContext) -> float:
    """An e-paper's page label, or a bulletin's issue number on a line of its own.

    >>> page_label(LineContext("第A03版：要闻", False, ""))
    3.0
    >>> page_label(LineContext("第 12 期", True)), page_label(LineContext("第12期 总第345期", True)), page_label(LineContext("第12期党支部书记培训班", True))
    (3.0, 3.0, 0.0)
    >>> page_label(LineContext("- 第612期", True))  # after a menu's dash
    3.0
    """
    return 3.0 if len(ctx.text) <= 40 and _PAGE_LABEL.search(ctx.text) else 0.0


_ITEM_SEPARATOR = re.compile(r"\s*[|｜]\s*|\s+")


def short_items(ctx: LineContext) -> float:
    """A row of short items without a sentence: a menu, a row of buttons, a pager.

    >>> short_items(LineContext("返回某某网首页 | 版面导航 | 标题导航", True))
    1.5
    >>> short_items(LineContext("上一版 2 3 下一版 2021年5月12日 星期 放大 缩小 默认", True))
    1.5
    >>> short_items(LineContext("凝心聚力抓党建 砥砺奋进新征程", True))
    0.0
    """
    if re.search(r"[。！？，；]", ctx.text) or _DATELINE.match(ctx.text.strip()):
        return 0.0
    items = [item for item in _ITEM_SEPARATOR.split(ctx.text.strip()) if item]
    if sum(len(item) == 1 for item in items) * 2 > len(items):
        return 0.0  # a letter-spaced title or name (在 全 县 … 讲 话), set apart by a formal document
    if parallel_phrases(items):
        return 0.0  # 踏上新征程 孕育新希望 练就新本领: a headline in phrases, not a menu
    return 1.5 if len(items) >= 3 and max(map(len, items)) <= 12 and sum(map(len, items)) / len(items) <= 6 else 0.0


PARALLEL_MIN = 4
"""A slogan's phrases are four characters or more each; a menu's 首页 新闻 公告 are words."""


def parallel_phrases(items: list[str]) -> bool:
    """Three or more phrases built alike — as long as each other, one character in the same place inside each, and
    each ending on a word of its own (踏上新征程 孕育新希望 练就新本领): a headline's parallel phrases. A menu's items share
    their head word at the end (组织工作动态 干部工作动态), or have no shape in common.

    >>> parallel_phrases(["踏上新征程", "孕育新希望", "练就新本领"]), parallel_phrases(["组织工作动态", "干部工作动态", "人才工作动态"])
    (True, False)
    >>> parallel_phrases(["首页", "新闻", "公告"]), parallel_phrases(["网站首页", "新闻中心", "通知公告"])
    (False, False)
    """
    size = len(items[0]) if items else 0
    if len(items) < 3 or size < PARALLEL_MIN or any(len(item) != size or not HAN_CHAR.fullmatch(item[-1]) for item in items):
        return False
    if len({item[-2:] for item in items}) < len(items):
        return False
    return any(len({item[at] for item in items}) == 1 and HAN_CHAR.match(items[0][at]) for at in range(1, size - 1))


_PATH_SIGN = re.compile(r"\s*(?:>{1,2}|»|›|＞{1,2}|→)\s*")


def breadcrumb(ctx: LineContext) -> float:
    """A page's path of places, its items joined (or ended) by >, >>, » or ›: 主页 >>, 首页 > 新闻 > 正文.
    A speech writes no such sign; a short line of them, with no sentence, is the site's navigation.

    >>> breadcrumb(LineContext("主页 >>", True)), breadcrumb(LineContext("首页 » 组工动态 » 正文", True))
    (3.0, 3.0)
    >>> breadcrumb(LineContext("产值增长>5%，要继续努力。", False)), breadcrumb(LineContext("一、加强党的政治建设", True))
    (0.0, 0.0)
    """
    text = ctx.text.strip()
    if len(text) > 40 or re.search(r"[。！？，；]", text) or not _PATH_SIGN.search(text):
        return 0.0
    items = [item for item in _PATH_SIGN.split(text) if item]
    return 3.0 if items and max(map(len, items)) <= 12 else 0.0


_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def latin_prose(ctx: LineContext) -> float:
    """A paragraph in Latin letters (a site's machine translation under the text).

    >>> latin_prose(LineContext("The general office of the provincial government held this meeting today.", False, ""))
    4.0
    """
    words = _LATIN_WORD.findall(ctx.text)
    letters = sum(map(len, words))
    return 4.0 if len(words) >= 8 and letters >= 0.6 * len(ctx.text) else 0.0


COMMON_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石"
    "廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁"
    "岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤"
    "阳穆司卓古吉缪简车项连芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞"
    "敖巩明佘池查麻苑迟邝"
)
"""The surnames most people in China bear (about nine in ten): what makes two to four characters a person's name."""
_PERSON = rf"(?:欧阳|司马|诸葛|上官|东方|皇甫|令狐|慕容|尉迟|长孙|[{COMMON_SURNAMES}])[{HAN}]{{1,2}}|[{HAN}]某{{1,2}}|某某|[Xx×＊*]{{2,3}}"
_PHOTO_CREDIT = re.compile(
    rf"(?:记者|通讯员|摄影|特约)\s*[{HAN}]{{2,4}}(?:[\s、]+[{HAN}]{{2,4}}){{0,3}}\s*摄(?:影)?\s*[）)]?\s*$"
    rf"|(?:^|[。！？!?])\s*(?:[{HAN}]{{2,8}}\s+)?(?:{_PERSON})(?:[\s、]+(?:{_PERSON})){{0,2}}\s*[/／]?\s*摄\s*$"
    rf"|图片?由[^，。；]{{2,24}}提供[。]?\s*$"
    rf"|[（(]\s*(?:[{HAN}]{{2,4}}[\s、]*){{1,3}}摄\s*[）)]\s*$|摄影\s*[:：/]\s*[{HAN}]{{2,4}}\s*[）)]?\s*$"
)


def photo_credit(ctx: LineContext) -> float:
    """A line that ends in a photographer's credit is a picture's caption, whatever sentences it holds:
    the caption retells the report beside it (会议现场。 新华社记者 某某摄), so it goes.

    >>> photo_credit(LineContext("全市组织部长会议召开。图为会议现场。 本报记者 王某某 摄", True))
    8.0
    >>> photo_credit(LineContext("与会人员参观党建示范点。（李某 张某 摄）", True))
    8.0
    >>> photo_credit(LineContext("全县组织工作会议现场。图片由某某融媒体中心提供", True))
    8.0
    >>> photo_credit(LineContext("全市人才工作座谈会现场。某某网 刘某某摄", False))  # a site's photographer
    8.0
    >>> photo_credit(LineContext("某县组织青年党员干部参观县纪法教育基地。张某强/摄", False))
    8.0
    >>> photo_credit(LineContext("要用好新媒体，多角度记录基层党员的先进事迹。要用心拍摄", False))
    0.0
    >>> photo_credit(LineContext("要把镜头对准基层，多拍摄群众身边的好党员。", False))
    0.0
    """
    return 8.0 if _PHOTO_CREDIT.search(ctx.text) else 0.0


_POINTS_AT_A_PICTURE = re.compile(rf"[（(【\[]\s*(?:左|右|上|下|中|组|附)?图\s*(?:\d{{0,2}}|[一二三四五六七八九十]{{1,3}})\s*[）)】\]]|^图为|^图\s*\d{{1,2}}\s*[:：\s]|^(?:组图|图片)\s*[:：]")
_QUOTE = "“”‘’「」『』《》\"'"
_PICTURE_WORDS = re.compile(rf"{_POINTS_AT_A_PICTURE.pattern}|^[{HAN}]{{2,12}}现场$|^[{_QUOTE}][{HAN}]{{2,12}}[{_QUOTE}][{HAN}]{{0,6}}现场$")


def picture_words(ctx: LineContext) -> float:
    """A short line that points at a picture — (左图), （右图）, 图为…, 图1 — with no sentence round it: a
    caption; so is a line that names nothing but a scene (座谈会现场, 活动现场). A speech points at no picture in
    a line of its own.

    >>> picture_words(LineContext("整治前（左图） 整治后（右图）", False)), picture_words(LineContext("图为会议现场", False))
    (5.5, 5.5)
    >>> picture_words(LineContext("培训班开班现场", False)), picture_words(LineContext("会议现场。", False)), picture_words(LineContext("深入一线现场办公", False))
    (5.5, 5.5, 0.0)
    >>> picture_words(LineContext("某某作会议主持(图一)", False)), picture_words(LineContext("开班仪式现场（图二）", False))
    (5.5, 5.5)
    >>> picture_words(LineContext("如上图所示，全县党员人数逐年增加。", False)), picture_words(LineContext("绘好蓝图", False))
    (0.0, 0.0)

    The scene may be named in quotes (“开学第一课”现场, 《某某》录制现场, a page's stray quote “七一“表彰会现场 too); a
    quoted name without the scene's word stays (“三会一课”制度).

    >>> picture_words(LineContext("“开学第一课“现场", True)), picture_words(LineContext("《党课开讲啦》录制现场", False))
    (5.5, 5.5)
    >>> picture_words(LineContext("“三会一课”制度", True)), picture_words(LineContext("“七一”前夕深入一线现场办公", False))
    (0.0, 0.0)

    A caption may close with a full stop (会议现场。 图为会议现场。): one stop at the end is still no sentence round it
    when what it names is a scene with no verb, or the line points at a picture (a speaker's 我们来到了工作现场。 is a
    sentence); a title that speaks of pictures (用图片记录党建历程) points at none.

    >>> picture_words(LineContext("会议现场。", True)), picture_words(LineContext("用图片记录党建历程", True))
    (5.5, 0.0)
    >>> picture_words(LineContext("我们今天来到了工作现场。", True))
    0.0
    """
    text = ctx.text.strip()
    stopped = re.sub(r"[。.]$", "", text)
    if len(stopped) > 40 or re.search(r"[，。；！？]", stopped) or not _PICTURE_WORDS.search(stopped):
        return 0.0
    # with its stop, a scene's name only with no verb in it (the dictionary is asked of such short lines alone)
    return 0.0 if stopped != text and not _POINTS_AT_A_PICTURE.search(stopped) and has_verb(stopped) else 5.5


_CREDIT_LABEL_IN_BRACKETS = rf"(?:[{HAN}]{{0,12}}(?:记者|通讯员|撰稿|供稿|编辑|摄影|摄像|实习生|审核|校对)\s*[/／：:\s]*|(?:文|图|文\s*[/／]\s*图)\s*[/／：:]\s*)"
_REPORTER_CREDIT = re.compile(
    rf"^[（(]\s*{_CREDIT_LABEL_IN_BRACKETS}[{HAN}]{{2,4}}(?:[\s、，,]+[{HAN}]{{2,4}}){{0,5}}"
    rf"(?:\s*{_CREDIT_LABEL_IN_BRACKETS}[{HAN}]{{2,4}}(?:[\s、，,]+[{HAN}]{{2,4}}){{0,5}})*\s*[）)]$"
)
"""A credit in brackets: labels (记者, 通讯员, 编辑:, 文/ — after the newsroom's name: 某某融媒体中心记者/) and names."""
_OFFICE_CREDIT = re.compile(rf"^[（(][{HAN}\s·]{{2,20}}(?:供稿|供图|撰稿|提供)[）)]$")
"""…or the office that sent the report in: （某某公司党委办供稿）, （宣传部 供图）."""


def reporter_credit(ctx: LineContext) -> float:
    """A report's credit on a line of its own, the reporter's name in brackets: (见习记者 某某), （记者某某某）.
    (Glued to the last sentence it is taken off there: clean.TRAILING_CREDIT.)

    >>> reporter_credit(LineContext("（见习记者 王某某）", True, True))
    2.0
    >>> reporter_credit(LineContext("（某某融媒体新闻中心记者/ 王某 章某某 编辑:乔某）", True, True))
    2.0
    >>> reporter_credit(LineContext("（县委书记 张明）", True)), reporter_credit(LineContext("（文明实践站）", True))
    (0.0, 0.0)
    >>> reporter_credit(LineContext("（某某公司党委办供稿）", True, True))
    2.0

    A newsroom's dateline without a date may stand before it, as a lead opens (本报讯（记者 某某 通讯员 某某）):

    >>> reporter_credit(LineContext("本报讯（记者 某某 通讯员 某某某）", True)), reporter_credit(LineContext("新华社北京5月3日电（记者 某某）", True))
    (2.0, 0.0)

    Below the text, a unit's name alone in brackets is who sent the report in, as `（…供稿）` says outright: `（集团宣传
    办公室）`, `（县委组织部）`. A speech signs with its organ unbracketed (the 公文's 署名); above the text a bracketed
    name is a column's or a place's, and `（掌声）`, `（完）` name no unit.

    >>> reporter_credit(LineContext("（集团宣传办公室）", True, True)), reporter_credit(LineContext("(县委组织部)", True, True))
    (2.0, 2.0)
    >>> reporter_credit(LineContext("（掌声）", True, True)), reporter_credit(LineContext("（集团宣传办公室）", True))
    (0.0, 0.0)
    """
    text = _NEWSROOM_DATELINE.sub("", ctx.text.strip(), count=1)
    if ctx.below_body and (unit := _UNIT_IN_BRACKETS.fullmatch(text)) and gongwen.read_issuer_signature(unit.group(1)):
        return 2.0
    return 2.0 if _REPORTER_CREDIT.match(text) or _OFFICE_CREDIT.match(text) else 0.0


_UNIT_IN_BRACKETS = re.compile(rf"[（(]\s*([{HAN}·]{{3,20}})\s*[）)]")
"""A unit's name and nothing else in brackets: （集团宣传办公室）."""


_NEWSROOM_CREDIT = r"(?:(?:特约|见习|实习|首席)?(?:记者|通讯员)|摄影|摄像|编辑|文\s*[/／]\s*图|[文图]\s*[/／])"
_A_REPORTS_BYLINE = re.compile(
    rf"^(?P<unit>[{HAN}·]{{2,20}}?)\s*(?:{_NEWSROOM_CREDIT})?(?:\s+(?:{_NEWSROOM_CREDIT})?\s*(?:{_PERSON})){{1,4}}$"
    rf"|^(?P<posted_by>[{HAN}·]{{2,20}})\s+(?:19|20)\d{{2}}(?:[-/.]\d{{1,2}}[-/.]\d{{1,2}}|年\d{{1,2}}月\d{{1,2}}日)(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?$"
)
"""A newsroom's or a unit's name, then the reporters' names (with their credits) or the day it posted the report."""


def a_reports_byline(text: str) -> bool:
    """A report's byline on a line of its own: the newsroom's or unit's name, then its reporters' names
    (某某日报记者 王某某, 某某县融媒体中心 王某某 李某某) or the day it posted the report (某某新闻网 2025年03月25日,
    某某县委组织部 2025-03-25). Never a speaker's byline (a post before the name: 县委书记 张明) nor a headline's
    phrases (a verb in the first: 凝心聚力 张弛有度 is no newsroom).

    >>> a_reports_byline("某某日报记者 王某某"), a_reports_byline("某某县融媒体中心 王某某 李某某")
    (True, True)
    >>> a_reports_byline("某某新闻网 2025年03月25日"), a_reports_byline("某某县委组织部 2025-03-25")
    (True, True)
    >>> a_reports_byline("县委书记 张明"), a_reports_byline("凝心聚力谋发展 王某某"), a_reports_byline("全县组织工作会议召开")
    (False, False, False)
    """
    m = _A_REPORTS_BYLINE.match(text.strip())
    if not m:
        return False
    unit = m.group("unit") or m.group("posted_by")
    return not _SPEAKERS_LABEL.search(unit) and not re.search(r"召开|举行|举办|会议|大会", unit) and not has_verb(unit)


_NEWSROOM_DATELINE = re.compile(rf"^[{HAN}]{{1,8}}讯\s*(?=[（(])")
"""本报讯, 本网讯, 某某日报讯 before a credit in brackets: no date in it (a wire's dateline dates the report: the lead's)."""


_PERSONS = rf"(?:{_PERSON})(?:[\s、，,]+(?:{_PERSON})){{0,3}}"
_NAMES_ONLY = re.compile(
    rf"^(?P<open>[（(【\[])?\s*(?:(?P<label>[{HAN}]{{2,5}})(?:\s*[:：/／|｜丨]\s*|\s+|(?(open)|(?!)))|(?P<short>[{HAN}])\s*[/／]\s*)?{_PERSONS}"
    rf"(?:\s+[{HAN}]{{1,5}}(?:\s*[:：/／|｜丨]\s*|\s+){_PERSONS})*\s*(?(open)[）)】\]])$"
)
"""Names, each after at most a label: 记者 某某, （签发：某某）, 文/某某 图/某某, 编辑：某某 审核：某某."""
_CLOSING_BAR = re.compile(r"\s*[|｜]$")
"""The bar a mirror's table closes a cell with."""
_SPEAKERS_LABEL = re.compile(r"讲话|主讲|报告|发言|致辞|作者|书记|部长|主任|[省市县区镇乡局厅校院]长|主席|委员|同志|(?:申请|汇报|述职|承诺)人")
"""…and the writer's own label under a letter to the organisation (`申请人：`, `汇报人：`, `述职人：`, `承诺人：`): the signature, no credit."""


def names_only(ctx: LineContext) -> float:
    """Below the text, a line of nothing but people's names, with at most a label: the report's credits
    (`记者 某某`, `（签发：某某某）`) or a name in brackets (`（某某某）`, the writer's). A speech signs
    with its speaker's role and name unbracketed (`县委书记 张明`, `讲话人：张明`): that stays a byline.

    >>> names_only(LineContext("记者 王晓某", True, True)), names_only(LineContext("（签发：曹某某）", True, True))
    (2.5, 2.5)
    >>> names_only(LineContext("（李某月）", True, True)), names_only(LineContext("（掌声）", True, True))
    (2.5, 0.0)
    >>> names_only(LineContext("文/张某 图/李某", True, True)), names_only(LineContext("编辑：张某 审核：李某", True, True))
    (2.5, 2.5)
    >>> names_only(LineContext("县委书记 张明", True, True)), names_only(LineContext("张明", True, True)), names_only(LineContext("汇报人：周某某", True, True))
    (0.0, 0.0, 0.0)
    >>> names_only(LineContext("关于基层党建", True, True)), names_only(LineContext("王某某 李某某", True, True))
    (0.0, 0.0)

    A mirror that kept a page's table closes its last cell with a bar (`…保障。 审核：某某 |`): the bar is no part of the credit.

    >>> names_only(LineContext("审核：肖某某 |", True, True))
    2.5
    """
    text = _CLOSING_BAR.sub("", ctx.text.strip())
    m = _NAMES_ONLY.match(text)
    if not ctx.below_body or not m or not (m.group("open") or m.group("label") or m.group("short")):
        return 0.0
    if not m.group("open") and m.group("label") and re.fullmatch(_PERSON, m.group("label")):
        return 0.0  # 王某某 李某某: two names, no label — a speech may be signed by two
    return 0.0 if _SPEAKERS_LABEL.search(text) else 2.5


def a_name_with_widget_words(text: str) -> bool:
    """Whether a line is a person's name with nothing but the words of a page's widget beside it (`王小明 分享`, `王小明分享`,
    `推荐人：王小明`): who shared, uploaded or recommended the page — the site's line, no title and no speaker.

    >>> [a_name_with_widget_words(t) for t in ("王小明 分享", "王小明分享", "推荐人：王小明", "县委书记 张明", "王小明", "分享经验")]
    [True, True, True, False, False, False]
    """
    words = _INTERFACE.findall(text)
    rest = re.sub(r"[者人于:：\s|丨/]", "", _INTERFACE.sub("", text))
    return bool(words) and re.fullmatch(_PERSON, rest) is not None


def a_credit_line(text: str) -> bool:
    """Whether a line is nothing but credits: people's names, each after a label that is no speaker's (`顾问：某某 主编：某某`,
    `编辑：某某 审核：某某`, `（签发：某某某）`) — who edited or advised a book or a page, never what the text is called nor who
    gave it (`讲话人：张明`, `县委书记 张明` are a speech's byline).

    >>> [a_credit_line(t) for t in ("顾问：甲某某 主编：乙某某", "编辑：张某 审核：李某", "讲话人：张明", "县委书记 张明", "组织工作实务丛书")]
    [True, True, False, False, False]
    """
    text = _CLOSING_BAR.sub("", text.strip())
    m = _NAMES_ONLY.match(text)
    if not m or not (m.group("open") or m.group("label") or m.group("short")):
        return False
    labelled = re.match(r"\s*[:：/／|｜丨]", text[m.end("label"):]) if m.group("label") else None
    if not m.group("open") and m.group("label") and not labelled and re.fullmatch(_PERSON, m.group("label")):
        return False  # 王某某 李某某: two names (a label with its colon, 顾问：, is a label whatever it looks like)
    return not _SPEAKERS_LABEL.search(text)


_ASKS_THE_READER = re.compile(r"(?:请|敬请|欢迎)(?!大家|同志|各|你们|全|与会|有关|在座|广大|党员|干部|于)[^，。；！？,;!?]{0,24}")
"""A request and its clause, the one asked not named (请在…, 请下载…, 欢迎浏览…): a speech or a notice names whom it
asks (请大家, 请各单位, 欢迎同志们, 请广大党员)."""
_DEADLINE = re.compile(r"\d{1,2}\s*[月日号]|[月日号]前|之前|以前")
"""A notice's request sets a day (请在5月10日前登录系统…); a site's never does."""
ASKS_THE_READER = 2.0


def asks_the_reader(ctx: LineContext) -> float:
    """The site asking its reader to do something on the page: a request (请, 敬请, 欢迎) whose clause holds a word
    of the interface — `请在评论区发评论`, `请在某某文库网上搜索`, `请联系客服`, `请下载word后使用`, `欢迎浏览某某网站`.
    However long the notice and whatever sentence it makes, it is the page speaking of itself (a download notice,
    a document store's blurb); a speech asks someone it names (`请大家关注…`, `请各单位…下载`).

    >>> asks_the_reader(LineContext("部分文章缺省word文档下载，如果需要下载word文档，请在评论区发评论，我们安排修复", True, True))
    2.0
    >>> asks_the_reader(LineContext("《某某讲话.docx》由会员分享，可在线阅读，更多相关内容请在某某文库网上搜索。", False))
    2.0
    >>> asks_the_reader(LineContext("请大家关注单位公众号，及时下载学习资料。", False)), asks_the_reader(LineContext("请各单位于5月10日前登录系统下载报名表。", False))
    (0.0, 0.0)
    >>> asks_the_reader(LineContext("请同志们认真领会，抓好落实。", False))
    0.0

    A notice's request sets its day, which a site's never does: `请在5月10日前登录系统下载报名表。`, `请于…`.

    >>> asks_the_reader(LineContext("请在5月10日前登录系统下载报名表。", True, True)), asks_the_reader(LineContext("请于本周内登录平台下载。", True, True))
    (0.0, 0.0)
    """
    asks = (m.group() for m in _ASKS_THE_READER.finditer(ctx.text))
    return ASKS_THE_READER if any(has_interface_words(clause) and not _DEADLINE.search(clause) for clause in asks) else 0.0


_COUNTER = re.compile(r"\d+\s*(?:人|条|次|位)[\u4e00-\u9fff]{0,4}(?:评论|阅读|浏览|参与|点赞|收藏|转发|围观|关注)")


def counter(ctx: LineContext) -> float:
    """A page's count of its readers, comments or likes on a short line: 已有0人发表了评论, 3人参与.

    >>> counter(LineContext("已有3人发表了评论", True, True))
    2.0
    >>> counter(LineContext("全县已有5000名党员参与志愿服务，受到群众好评。", False))
    0.0
    """
    return 2.0 if len(ctx.text) <= 20 and _COUNTER.search(ctx.text) else 0.0


def _compact(text: str) -> str:
    return re.sub(r"[\s《》“”\"]", "", text)


def repeats_title(ctx: LineContext) -> float:
    """Below the text, the title again with other words round it, not a sentence: 收藏《title》,
    某某文库title. (Above the text such lines are a collection's or a page's titles: the parser's.)

    >>> repeats_title(LineContext("腾讯文库在全县组织工作会议上的讲话", True, True, "在全县组织工作会议上的讲话"))
    1.5
    """
    title, text = _compact(ctx.title), _compact(ctx.text)
    if not ctx.below_body or len(title) < 6 or text == title or title not in text or re.search(r"[。！？]", ctx.text):
        return 0.0
    return 1.5


def repeats_a_line(ctx: LineContext) -> float:
    """Below the text, a line the page gave above it (a paper repeats its deck under the report).

    >>> repeats_a_line(LineContext("某某出席会议并讲话", True, True, repeats=2))
    1.5
    """
    short_line = len(ctx.text) <= 30 and not re.search(r"[，。；！？]", ctx.text)  # a deck, not a sentence said twice
    return 1.5 if ctx.below_body and ctx.repeats >= 2 and short_line else 0.0


def repeats_across_corpus(ctx: LineContext) -> float:
    """A short line without a sentence that other files of the corpus have at their edges too: a site
    prints its menus, labels and footers on every page it serves, while a speech's words are its own.
    Two files may be two copies of one speech (its title then repeats), so one other file weighs less
    than two or more; a speech's title or heading has its own evidence against (names-a-speech,
    heading-number, inside the body).

    >>> repeats_across_corpus(LineContext("党建网首页 组织工作", True, elsewhere=3))
    1.5
    >>> repeats_across_corpus(LineContext("党建网首页 组织工作", True, elsewhere=1))
    1.0
    >>> repeats_across_corpus(LineContext("今天，我们召开全县组织工作会议。", True, elsewhere=3))
    0.0
    >>> repeats_across_corpus(LineContext("谢谢大家", True, True, elsewhere=40))  # every speech may end so
    0.0
    """
    if not ctx.elsewhere or not edge_line(ctx.text) or re.search(r"[，。；！？]", ctx.text) or _VOICE.search(ctx.text):
        return 0.0
    return 1.5 if ctx.elsewhere >= 2 else 1.0


EDGE_LINES = 15
"""How many non-blank lines at each end of a file are compared across the corpus."""


def edge_line(text: str) -> bool:
    """Short enough to be a site's furniture (a menu, a label, a footer): 2–30 characters."""
    return 2 <= len(text) <= 30


def edge_lines(text: str) -> set[str]:
    """The short lines at a file's two ends (whitespace runs as one space): what a site repeats."""
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    return {line for line in lines[:EDGE_LINES] + lines[-EDGE_LINES:] if edge_line(line)}


def title_decoration(ctx: LineContext) -> float:
    """A line that is nothing but what sites hang on a title (参考稿, （精选范文）, 【完整版】): the
    parser's decoration list as evidence.

    >>> title_decoration(LineContext("参考稿", True))
    2.0
    >>> title_decoration(LineContext("素材稿", True)), title_decoration(LineContext("讲话稿", True))
    (2.0, 0.0)
    >>> title_decoration(LineContext("【精选3篇】", True)), title_decoration(LineContext("【求真务实篇】", True))
    (2.0, 0.0)
    """
    from .parse import _TITLE_DECORATION, DRAFT_LABEL, PART_IN_BRACKETS

    text = ctx.text.strip()
    if PART_IN_BRACKETS.fullmatch(text):
        return 0.0  # 【求真务实篇】: a compilation's part, named in words (【精选3篇】 counts pieces: decoration)
    return 2.0 if len(text) <= 12 and (_TITLE_DECORATION.fullmatch(text) or DRAFT_LABEL.fullmatch(text)) else 0.0


_LINK_MARK = re.compile(r"^[·•▪▫◦‣►▸>»》]\s*\S")


def link_item(ctx: LineContext) -> float:
    """Below the text, a short line opening with a list mark: an item of the page's list of links.

    >>> link_item(LineContext("·《关于做好某某工作的", True, True)), link_item(LineContext("· 谢谢大家", True, False))
    (1.0, 0.0)
    """
    return 1.0 if ctx.below_body and len(ctx.text) <= 30 and _LINK_MARK.match(ctx.text.strip()) else 0.0


_LONG_NUMBER = re.compile(r"(?<![\d.])\d{9,}(?![\d.])")


_CONTACT = re.compile(r"(?:QQ|qq|微信号?)\s*[:：]?\s*[A-Za-z0-9][A-Za-z0-9_-]{4,}")


def long_number(ctx: LineContext) -> float:
    """Below the text, a short line holding a run of nine or more digits: a licence or filing number, a
    telephone — what a site prints in its footer. A speech writes its sums with units (1.2亿元, 3500万).

    >>> long_number(LineContext("互联网新闻信息服务许可证10120170062", True, True))
    1.5
    >>> long_number(LineContext("全县共有党员12345名。", True, True)), long_number(LineContext("电话 13800001111", True))
    (0.0, 0.0)
    >>> long_number(LineContext("下载有问题请添加微信号:abc-com或QQ:12345678", False))
    2.0
    >>> long_number(LineContext("要守好网站、微信公众号等阵地。", False))
    0.0
    """
    if _CONTACT.search(ctx.text):
        return 2.0  # a site's QQ or WeChat contact, wherever it stands: a speech gives none
    return 1.5 if ctx.below_body and len(ctx.text) <= 40 and _LONG_NUMBER.search(ctx.text) else 0.0


_PHONE = re.compile(r"(?<!\d)(?:0\d{2,3}[-－\s]?\d{7,8}|1[3-9]\d{9}|400[-－]?\d{3}[-－]?\d{4})(?!\d)")
_PHONE_LABEL = re.compile(r"tel|fax|phone|电话|传真|热线|手机|座机", re.IGNORECASE)
_STREET_NUMBER = re.compile(rf"[{HAN}](?:路|街|道|巷|弄|大道|村|组)\s*\d{{1,5}}\s*号|\d{{1,5}}\s*号[{HAN}A-Za-z\d]{{0,16}}(?:[A-Za-z\d]栋|[A-Za-z\d]座|\d+楼|\d+室)")


def contact_line(ctx: LineContext) -> float:
    """Above the text, a line of nothing but a contact: a telephone or fax number with its label
    (`0769-12345678(tel)`, `电话：13800001111`), or a postal address with its street number (`某某市某某路97号`,
    `…工业园A栋`) — a site's header. A speech opens with no telephone; its title and byline come first.

    >>> contact_line(LineContext("13800001111(tel)", True)), contact_line(LineContext("某某市 某某镇某某工业区某某街97号某某工业园A栋", True))
    (3.0, 3.0)
    >>> contact_line(LineContext("电话 13800001111", True, True)), contact_line(LineContext("全县建成党群服务中心97个。", True))
    (0.0, 0.0)
    """
    text = ctx.text.strip()
    if not ctx.outside_body or ctx.below_body or len(text) > 40 or re.search(r"[，。；！？,;!?]", text):
        return 0.0
    phone = _PHONE.search(text) and (_PHONE_LABEL.search(text) or len(HAN_CHAR.findall(text)) <= 2)
    return 3.0 if phone or _STREET_NUMBER.search(text) else 0.0


_CUT_TEASER = re.compile(rf"[{HAN}，,、“”]\s*(?:\.{{3,6}}|…{{1,2}})\s*$")


def cut_teaser(ctx: LineContext) -> float:
    """Below the text, a line that stops mid-sentence with … or ...: the start of another article,
    shown as a teaser in the page's list of recommended reading. A speech ends its own text.

    >>> cut_teaser(LineContext("某某日报讯 为充分发挥优秀影片在促进...", True, True))
    1.0
    >>> cut_teaser(LineContext("为充分发挥优秀影片在促进...", False)), cut_teaser(LineContext("要抓好落实。", True, True))
    (0.0, 0.0)
    """
    return 1.0 if ctx.below_body and _CUT_TEASER.search(ctx.text) else 0.0


SLOGAN = 1.5


def slogan(ctx: LineContext) -> float:
    """Below the text, a line of short phrases set apart by spaces and nothing else (不忘初心 牢记使命, 凝心聚力抓党建
    砥砺奋进谱新篇: `layout.phrases_apart`): the slogan a site sets over its footer. Alone it is doubt; beside the
    footer's chrome, chrome. A speech's signature (县委书记 王某某) is its byline, which outweighs it.

    >>> slogan(LineContext("请党放心 强国有我", True, True)), slogan(LineContext("请党放心 强国有我", False))
    (1.5, 0.0)
    >>> slogan(LineContext("请党放心，强国有我。", True, True))
    0.0
    """
    return SLOGAN if ctx.below_body and phrases_apart(ctx.text) else 0.0


_PAGER = re.compile(r"^[【\[（(]?\s*(?:上一?|下一?|前一|后一)(?:篇|条|则|页)(?:文章|新闻|信息|稿件)?\s*[】\]）)]?\s*(?:[:：]|[】\]]|\s)\s*\S")
_ARROWED_LINK = re.compile(r"^[«‹←]\s*[^。！？!?«»‹›←→]{4,40}$|^[^。！？!?«»‹›←→]{4,40}[»›→]$")
"""A link to the article before or after, its arrow for a label: `« 某某县召开…`, `某某镇开展… »`, `← 某某…`."""
PAGER = 3.0


def pager(ctx: LineContext) -> float:
    """Outside the text, a line that opens with the page's label for the article before or after it — 上一篇：…,
    【下一条】…, 前一篇 … — links to other pages, however long the other article's headline after the label is (the
    interface word alone weighs little on a long line). A speech's 下一步： is no such label, nor a 上一年度 or 前一阶段.

    >>> pager(LineContext("下一条：“某某杯”知识竞赛——某某学院组织开展主题党日活动暨党史学习教育成果展示", True, True))
    3.0
    >>> pager(LineContext("【上一篇】某某街道召开党建工作推进会", True, True)), pager(LineContext("前一篇 某某县举行人才工作座谈会", True))
    (3.0, 3.0)
    >>> pager(LineContext("下一步：要抓好基层党组织建设，推动各项任务落实。", True, True)), pager(LineContext("上一年度：全县发展党员320名", True, True))
    (0.0, 0.0)
    >>> pager(LineContext("下一条：某某区举行组织工作推进会", False))
    0.0

    A site that says 上篇/下篇, or gives an arrow for the label (« before the article before, » after the one after):

    >>> pager(LineContext("上篇：某某县召开党建工作推进会", True, True)), pager(LineContext("« 某某县召开党建工作推进会", True, True))
    (3.0, 3.0)
    >>> pager(LineContext("某某镇开展主题党日活动 →", True, True)), pager(LineContext("上篇文章我们讲了学习，下篇讲作风。", True, True))
    (3.0, 0.0)
    """
    return PAGER if ctx.outside_body and (_PAGER.match(ctx.text.strip()) or _ARROWED_LINK.match(ctx.text.strip())) else 0.0


_WIDGET_MAX = 8
_BUTTON = re.compile("|".join(sorted(
    "推荐 收藏 分享 打印 点赞 转发 评论 举报 下载 关闭 关闭窗口 返回 返回顶部 返回列表 复制 复制链接 放大 缩小 默认 查看 加入收藏 在看 赞".split(),
    key=len, reverse=True)))
"""The words of a page's buttons: what the reader of the page does with it."""


def lone_widget(ctx: LineContext) -> float:
    """Below the text, a short line of nothing but the words of a page's buttons (推荐, 收藏, 分享 打印, 点赞 收藏 转发): what
    the reader does with the page, one word or a few, with nothing of a sentence — where a weak word alone (推荐) weighs
    too little. A speech never closes on a line of such words alone; inside the body the line is weighed as before; a
    newsroom's word alone (本报讯, a lead cut off) is no button and stays doubt.

    >>> lone_widget(LineContext("推荐", True, True)), lone_widget(LineContext("分享 打印", True, True)), lone_widget(LineContext("【收藏】", True, True))
    (1.5, 1.5, 1.5)
    >>> lone_widget(LineContext("推荐", False)), lone_widget(LineContext("推荐优秀人才", True, True)), lone_widget(LineContext("本报讯", True, True))
    (0.0, 0.0, 0.0)
    """
    text = re.sub(r"[\s|｜丨/／【】\[\]（）()·•]+", "", ctx.text)
    if not ctx.below_body or not text or len(text) > _WIDGET_MAX:
        return 0.0
    return 1.5 if not _BUTTON.sub("", text) else 0.0


_CREDIT_WORDS = ("通讯员", "记者", "本报记者", "见习记者", "实习生", "供稿", "撰稿", "编辑", "责任编辑", "责编", "摄影", "审核", "来源", "作者", "文/图", "图/文")
_CUT_BRACKET = re.compile(rf"^[（(【\[]\s*([{HAN}/／]{{1,3}})$")


def cut_credit(ctx: LineContext) -> float:
    """Below the text, a bracket opened and never closed round one to three characters that begin a report's
    credit label — `（通`, `(记者`, `【责任` : a credit (`（通讯员 某某）`) the page store cut off at its end. What is left
    names nobody and says nothing; a speech's bracket closes (`（掌声）`), and `（一` begins no credit.

    >>> cut_credit(LineContext("(通", True, True)), cut_credit(LineContext("（记者", True, True)), cut_credit(LineContext("【责任", True, True))
    (3.0, 3.0, 3.0)
    >>> cut_credit(LineContext("（一", True, True)), cut_credit(LineContext("（掌声）", True, True)), cut_credit(LineContext("(通", False))
    (0.0, 0.0, 0.0)
    """
    m = _CUT_BRACKET.match(ctx.text.strip())
    if not ctx.below_body or not m:
        return 0.0
    start = m.group(1).replace("／", "/")
    return 3.0 if any(word.startswith(start) for word in _CREDIT_WORDS) else 0.0


_CREDIT_ROLE = r"(?:文字|图片|摄影|摄像|视频|图文|文|图|摄)"
_CREDIT_LABEL = re.compile(
    rf"^[（(【\[]?\s*(?:文\s*[/／|｜丨]\s*图|图\s*[/／|｜丨]\s*文|[文图]\s*[/／|｜丨]|摄影?\s*[/／|｜丨:：]"
    rf"|{_CREDIT_ROLE}(?:\s*[、&＆,，和]\s*{_CREDIT_ROLE})+\s*[/／|｜丨:：])\s*\S"
)
"""文/图, 图/, 摄影：, and the roles joined before one mark (`文、摄/某某`, `文字、图片：某某`, `图文&视频/某某`)."""


def credit_label(ctx: LineContext) -> float:
    """A short line opening with the label of a report's credit (文/图, 图/, 摄影：) — whoever it names, a
    person or an office, it is the page's credit, not a speech's signature (which names a role).

    >>> credit_label(LineContext("文/图 某某办公室", True, True)), credit_label(LineContext("（文/某某）", True, True))
    (7.0, 7.0)
    >>> credit_label(LineContext("文、摄/某某某", True, True)), credit_label(LineContext("文字、图片：某某办公室", True, True))
    (7.0, 7.0)
    >>> credit_label(LineContext("文化是一个民族的灵魂", True, True)), credit_label(LineContext("图书室/阅览室", True, True))
    (0.0, 0.0)
    >>> credit_label(LineContext("文化、图书/阅览室", True, True)), credit_label(LineContext("图、文并茂的宣传栏", True, True))
    (0.0, 0.0)
    """
    return 7.0 if len(ctx.text) <= 30 and _CREDIT_LABEL.match(ctx.text.strip()) else 0.0


_PRODUCER = re.compile(rf"^[{HAN}A-Za-z·\s]{{2,20}}(?:联合)?(?:出品|监制|制作)$")


def producer_credit(ctx: LineContext) -> float:
    """Below the text, a short line closing with a producer's word and nothing else — `某某日报新媒体出品`,
    `某某融媒体中心制作`: who made the page, a media house's credit under every report it posts. A speech
    names what was made inside a sentence.

    >>> producer_credit(LineContext("某某日报新媒体出品", True, True)), producer_credit(LineContext("县融媒体中心联合出品", True, True))
    (3.0, 3.0)
    >>> producer_credit(LineContext("某某日报新媒体出品", True)), producer_credit(LineContext("要抓好宣传品制作", True, True))
    (0.0, 0.0)
    """
    made = _PRODUCER.match(ctx.text.strip())
    # who made it is a name: no verb before the producer's word (要抓好宣传品|制作 is a sentence's)
    return 3.0 if ctx.below_body and made and not has_verb(re.sub(r"(?:联合)?(?:出品|监制|制作)$", "", made.group())) else 0.0


_CHAIN_LABEL = re.compile(r"(?:供稿|供图|撰稿|责任编辑|责编|编辑|审核|审校|校对|签发|监制|[一二三初复终]审|[一二三]校|摄影|文|图)\s*[:：/／]")
CHAIN_MIN = 3


def credit_chain(ctx: LineContext) -> float:
    """A line of a report's credits and review chain, three labels or more and no sentence:
    `（宣传部 供稿/文:某某/图:某某/一审:某某、二审:某某`, `编辑：某某 审核：某某 终审：某某` — the newsroom's, never
    a speech's; a speech names its points with 一是, 二是, not with labels and colons. Glued to the last sentence it
    is parted there (clean.split_chrome_tails) and goes.

    >>> credit_chain(LineContext("（宣传部 供稿/文:张某/图:李某/一审:王某、二审:赵某", True, True))
    4.0
    >>> credit_chain(LineContext("要求：一是抓学习；二是抓落实。", True, True))
    0.0
    """
    text = ctx.text.strip()
    return 4.0 if len(_CHAIN_LABEL.findall(text)) >= CHAIN_MIN and not re.search(r"[。！？；]", text) else 0.0


GARBLED = re.compile(r"\ufffd|锟斤拷|烫烫|屯屯")
"""What a wrong decoding leaves: replacement characters, and the runs a decoder writes for bytes it lost (锟斤拷, 烫烫烫)."""


def garbled(ctx: LineContext) -> float:
    """Characters a wrong decoding left: half the line or more is chrome (4.0); a few inside a sentence are
    only doubt, the sentence stays.

    >>> garbled(LineContext("锟斤拷锟斤拷烫烫烫", True, True)), garbled(LineContext("\ufffd\ufffd\ufffd\ufffd \ufffd\ufffd", True, True))
    (4.0, 4.0)
    >>> garbled(LineContext("要加强\ufffd\ufffd基层党组织建设，把党员组织起来。", False))
    1.5
    >>> garbled(LineContext("要加强基层党组织建设，把党员组织起来。", False))
    0.0
    """
    visible = re.sub(r"\s", "", ctx.text)
    bad = sum(len(m.group()) for m in GARBLED.finditer(visible))
    if bad < 2:
        return 0.0
    return 4.0 if bad >= 0.5 * len(visible) else 1.5


def a_rule_elsewhere(ctx: LineContext) -> float:
    """A boilerplate rule matches the line, though not in its place or within its length.

    >>> a_rule_elsewhere(LineContext("……", False, "", rule="download-prompt"))
    1.5
    """
    return 1.5 if ctx.rule else 0.0


def outside_the_body(ctx: LineContext) -> float:
    """Above the first prose line or below the last: where chrome stands; inside the body, speech."""
    return 0.5 if ctx.outside_body else -1.0


_SENTENCE_END = re.compile(r"[。！？!?…]\s*[”’」』）)]?\s*$")


def sentence(ctx: LineContext) -> float:
    """A sentence of mostly Han text that ends as one.

    >>> sentence(LineContext("会议要求，各级党组织要抓好落实。", False, ""))
    -2.5
    """
    text = ctx.text
    if len(text) < 10 or not _SENTENCE_END.search(text) or interface_label(text):
        return 0.0  # a sentence under an interface label is the page's description of the text
    return -2.5 if len(HAN_CHAR.findall(text)) >= 0.6 * len(text) else -1.0


_CLAUSE_END = re.compile(r"[；;]\s*$")


def list_clause(ctx: LineContext) -> float:
    """One item of a list the speech writes as a sentence, ending as a clause with a semicolon: a page's menus,
    credits and links never end so. A bulleted item is speech however short.

    >>> list_clause(LineContext("- 主持人介绍活动背景和意义；", True, True)), list_clause(LineContext("（二）抓好班子建设；", False))
    (-1.5, -1.5)
    >>> list_clause(LineContext("首页；", True, True)), list_clause(LineContext("&nbsp;&gt;", True, True))
    (0.0, 0.0)
    """
    text = ctx.text
    han = len(HAN_CHAR.findall(text))
    return -1.5 if _CLAUSE_END.search(text) and han >= 6 and han >= 0.6 * len(text) else 0.0


def long_han_text(ctx: LineContext) -> float:
    """A long run of mostly Han text: a paragraph, whatever words are in it."""
    han = len(HAN_CHAR.findall(ctx.text))
    return -2.0 if han >= 60 and han >= 0.7 * len(ctx.text) else -1.0 if han >= 30 and han >= 0.7 * len(ctx.text) else 0.0


def heading_number(ctx: LineContext) -> float:
    """A numbered heading: 一、 （二） 第三，.

    >>> heading_number(LineContext("二、切实增强做好新时代人才工作的责任感", False, ""))
    -2.5
    """
    return -2.5 if _NUMBERING.match(ctx.text) and len(HAN_CHAR.findall(ctx.text)) >= 4 else 0.0


def salutation(ctx: LineContext) -> float:
    return -5.0 if SALUTATION_RE.match(ctx.text) else 0.0


_DATE = r"(?:(?:\d{4}|[〇○零一二三四五六七八九]{4}|20[Xx×]{2})\s*年\s*[\dXx×一二三四五六七八九十]{1,3}\s*月(?:\s*[\dXx×一二三四五六七八九十]{1,3}\s*日)?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})"
_DATELINE = re.compile(
    rf"^(?:[（(]\s*{_DATE}[^（）()]{{0,16}}[）)]|{_DATE}(?:\s*(?:星期|周)[一二三四五六日天])?(?:[上下]午)?(?:\s+[{HAN}]{{2,12}})?)$"
)
"""A speech's date line: （2023年4月6日上午）, （2023年2月10日，根据录音整理）, 2024年1月12日 星期五 成都, 2022年5月."""
_LABEL = re.compile(rf"^[{HAN}]{{2,4}}\s*[:：]\s*")
_BYLINE = re.compile(rf"(?:^|\s)[Xx×＊*]{{2,4}}$|(?:书记|部长|主任|县长|市长|区长|镇长|乡长|局长|主席|委员|厅长|校长|院长)\s*[{HAN}]{{2,3}}$|^(?:欧阳|司马|诸葛|上官|[{COMMON_SURNAMES}])(?:\s?[{HAN}]){{1,2}}$|^[{HAN}](?:\s[{HAN}]){{1,2}}$")
"""…or a name alone: two or three characters opening with a common surname (张明; 加载中 is a page's), or spaced out (罗 志 明)."""


def dateline_or_byline(ctx: LineContext) -> float:
    """The speech's own date line or its speaker: metadata the parser reads, never chrome.

    >>> dateline_or_byline(LineContext("（2021年6月18日）", True, ""))
    -3.0
    >>> dateline_or_byline(LineContext("时间：2024年1月12日 星期五 成都", True))
    -3.0
    >>> dateline_or_byline(LineContext("讲话人：市委副书记 周志强", True))
    -3.0
    >>> dateline_or_byline(LineContext("张明", True, True)), dateline_or_byline(LineContext("加载中", True, True))
    (-3.0, 0.0)
    """
    if names_only(ctx):
        return 0.0  # 签发：某某 under a report is its credit; a speech's byline names the speaker
    text = _LABEL.sub("", ctx.text.strip())
    if ctx.below_body and re.fullmatch(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}", text):
        return 0.0  # a speech signs in words (2021年5月12日); a bare 2021-05-13 under it is the page's
    # A name is never made of a site's words (参考稿, 海报, 下载 are no speakers).
    from .parse import DRAFT_LABEL  # 修改稿 is no name either

    byline = len(text) <= 30 and _BYLINE.search(text) and not _INTERFACE.search(text) and not DRAFT_LABEL.fullmatch(text)
    return -3.0 if _DATELINE.match(text) or byline else 0.0


_VOICE = re.compile(r"我们|大家|同志|必须|坚持|推动|加强|落实|努力|要求")


def speech_voice(ctx: LineContext) -> float:
    """The words a speaker uses, two or more of them."""
    return -1.0 if len(set(_VOICE.findall(ctx.text))) >= 2 else 0.0


DOCUMENT_PARTS = ("copy-number", "secrecy", "urgency", "doc-number", "signer", "addressees", "attachments", "date", "signature")
"""The parts of a 公文 the parser reads (ingest/gongwen.py): metadata, never chrome (its 版记 aside)."""


def a_document_part(ctx: LineContext) -> float:
    """A line one of the 公文 readers reads as a part of the document: its 份号, 密级, 发文字号,
    主送, 附件说明, 署名 or 成文日期.

    >>> a_document_part(LineContext("000123", True))
    -4.0
    >>> a_document_part(LineContext("附件：1. 村级后备干部推荐表", True))
    -4.0
    >>> a_document_part(LineContext("下一条：某某区举行组织工作推进会", True, True))
    0.0
    """
    text = re.sub(r"(?<=[\u4e00-\u9fff）)〕])[ \u3000]+(?=[\u4e00-\u9fff（(〔])", "", ctx.text.strip())
    if re.fullmatch(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}", text) or interface_label(text) or re.match(r"^[\[【]\s*[\d/.-]{3,10}\s*[\]】]", text):
        # a 成文日期 is written in words (2023年5月30日); 2022-04-08 is a page's stamp; 下一条：… is no 主送;
        # [05-02] 某某县举行… is a list's headline, no organ signing
        return 0.0
    parts = [part for part in DOCUMENT_PARTS if gongwen.READERS[part](text)]
    if parts == ["signature"] and not _signs_the_text(ctx):
        return 0.0
    return -4.0 if parts else 0.0


def _signs_the_text(ctx: LineContext) -> bool:
    """An organ's name is the 公文's 署名 under its text, each of a joint signature's parts an organ's name
    (中共某某县委 某某县人民政府) — not a column's label above the text (某某中心), a headline (某某党委召开…例会),
    or a teaser whose last word is a site's tag (…会议精神 政府).

    >>> _signs_the_text(LineContext("中共某某县委 某某县人民政府", True, True)), _signs_the_text(LineContext("新闻中心", True))
    (True, False)
    >>> _signs_the_text(LineContext("传达学习全国会议精神 政府", True, True)), _signs_the_text(LineContext("某某党委召开例会", True, True))
    (False, False)
    """
    parts = ctx.text.split()
    return ctx.below_body and all(gongwen.READERS["signature"](part) and not re.search(r"[,;!?]|召开|举行|举办", part) for part in parts)


_GENRE = re.compile(r"讲话|报告|发言|致辞|讲稿|党课|主持词|动员会|会议")


def names_a_speech(ctx: LineContext) -> float:
    """The words of a speech's title (讲话, 报告, 党课 …): a title or a heading, not a site's chrome
    (below the text, the title again is the page's: see repeats-title).

    >>> names_a_speech(LineContext("党代会领导讲话(三):", True))
    -1.0
    """
    return -1.0 if _GENRE.search(ctx.text) and not ctx.below_body and not interface_label(ctx.text) else 0.0


READERS: tuple[tuple[str, Callable[[LineContext], float]], ...] = (
    ("interface-words", interface_words),
    ("field-label", field_label),
    ("mostly-not-han", mostly_not_han),
    ("units", units),
    ("address", address),
    ("weekday-or-clock", weekday_or_clock),
    ("page-label", page_label),
    ("short-items", short_items),
    ("breadcrumb", breadcrumb),
    ("latin-prose", latin_prose),
    ("photo-credit", photo_credit),
    ("picture-words", picture_words),
    ("reporter-credit", reporter_credit),
    ("names-only", names_only),
    ("counter", counter),
    ("asks-the-reader", asks_the_reader),
    ("repeats-title", repeats_title),
    ("repeats-a-line", repeats_a_line),
    ("title-decoration", title_decoration),
    ("repeats-across-corpus", repeats_across_corpus),
    ("link-item", link_item),
    ("long-number", long_number),
    ("contact-line", contact_line),
    ("cut-teaser", cut_teaser),
    ("slogan", slogan),
    ("credit-label", credit_label),
    ("pager", pager),
    ("lone-widget", lone_widget),
    ("cut-credit", cut_credit),
    ("credit-chain", credit_chain),
    ("producer-credit", producer_credit),
    ("garbled", garbled),
    ("a-rule-elsewhere", a_rule_elsewhere),
    ("outside-the-body", outside_the_body),
    ("sentence", sentence),
    ("list-clause", list_clause),
    ("long-han-text", long_han_text),
    ("heading-number", heading_number),
    ("salutation", salutation),
    ("dateline-or-byline", dateline_or_byline),
    ("speech-voice", speech_voice),
    ("names-a-speech", names_a_speech),
    ("a-document-part", a_document_part),
)


def judge(ctx: LineContext) -> Judgement:
    """Every reader's weight for one line, added up."""
    evidence = tuple(Evidence(name, weight) for name, read in READERS if (weight := read(ctx)))
    return Judgement(round(sum(e.weight for e in evidence), 2), evidence)


NEXT_TO_CHROME = 1.0
"""Chrome comes in clusters: a line with some chrome evidence of its own beside clear chrome (a rule's
catch or a line scoring CHROME_AT alone; below the text, a doubtful line too), outside the body, gains this."""
BETWEEN_CHROME = 5.0
"""Below the text, a short line between two lines of chrome (one clear, the other at least doubtful) is the page's too."""
BETWEEN_CHROME_MAX = 30
ABOVE_THE_TITLE = 1.0
"""What stands above the title (a paper's page label and issue date, a site's name) is the page's."""


AT_THE_PAGE_END = 1.0
"""The page's last line, under the text, short, no sentence, with chrome evidence of its own."""
UNDER_THE_FOOTER = 2.5
"""Below the text and under a line of clear chrome, a short line with no sentence and none of a speech's
own marks (a date line, a signature, a heading) is in the page's footer: it runs to the end of the page
(我要说两句, 加载中… under 责任编辑：某某)."""
UNDER_THE_FOOTER_MAX = 30
LINK_LIST = 2.5
"""Outside the body, three or more lines in a row opening with the same list mark (· · ·) are a list of links."""
LINK_LIST_MIN = 3
LINK_LIST_MAX = 40
ITEMS_OF_CHROME_LABEL = 5.0
"""The numbered items right under a site's note that ends in a colon (如果您无法下载，请参考说明： / 1、… 2、… 3、…)
are that note's list, not the speech's headings: their number weighs nothing (−2.5 back) and they go with it."""
ITEM_MAX = 60
LABEL_OVER_LIST = 3.0
"""Below the text, a short label (新闻推荐) with lines under it down to a line of clear chrome is a block of the
page's (headlines and teasers of other articles): the label and the lines between."""
LABEL_MAX = 8
LIST_LINE_MAX = 100
DATED_ITEMS = 3.0
"""Below the text, two or more lines in a row of a headline and its day: a page's list of other news."""
DATED_RUN_MIN = 2
DATED_ITEM_MAX = 50
_SPEECH_MARKS = ("heading-number", "salutation", "dateline-or-byline", "a-document-part")


def _has_speech_mark(verdict: Judgement | None) -> bool:
    """A date line, a signature, a heading number, a salutation or a 公文 part: the speech's own."""
    return verdict is not None and any(e.reader in _SPEECH_MARKS and e.weight < 0 for e in verdict.evidence)


def _runs(filled: list[int], key: Callable[[int], str | None], minimum: int) -> set[int]:
    """The lines of runs of `minimum` or more filled lines in a row that share a key (None is no key)."""
    found: set[int] = set()
    run: list[int] = []
    for index in filled + [None]:
        current = key(index) if index is not None else None
        if run and current is not None and current == key(run[-1]):
            run.append(index)
            continue
        if len(run) >= minimum:
            found.update(run)
        run = [index] if current is not None else []
    return found


def link_list_runs(lines: list[str], filled: list[int], outside: Callable[[int], bool]) -> set[int]:
    """The lines of runs of LINK_LIST_MIN or more filled lines in a row, outside the body, each short,
    no full stop, opening with the same list mark: `· 某某中学举行…` ×10 (a page's list of headlines).

    >>> sorted(link_list_runs(["· 甲乙丙丁", "· 戊己庚辛", "· 壬癸子丑", "正文。"], [0, 1, 2, 3], lambda i: i < 3))
    [0, 1, 2]
    >>> sorted(link_list_runs(["· 甲乙丙丁", "· 戊己庚辛", "正文。"], [0, 1, 2], lambda i: i < 2))
    []
    """
    def mark(i: int) -> str | None:
        text = lines[i].strip()
        ok = outside(i) and len(text) <= LINK_LIST_MAX and "。" not in text and _LINK_MARK.match(text)
        return text[0] if ok else None

    return _runs(filled, mark, LINK_LIST_MIN)


_ITEM_DATE = r"(?:(?:19|20)\d{2}[-/.年])?\d{1,2}[-/.月]\d{1,2}日?"
_DATED_ITEM = re.compile(rf"^[\[【（(]?{_ITEM_DATE}[\]】）)]?\s*\S|\S\s*[\[【（(]?{_ITEM_DATE}[\]】）)]?$")


def dated_item_runs(lines: list[str], filled: list[int], below: Callable[[int], bool]) -> set[int]:
    """Below the text, DATED_RUN_MIN or more lines in a row that each give a headline and its day, no
    sentence: `某某县举行人才工作座谈会 2024-05-02`, `[05-06] 某某市召开…` — a page's list of other news.
    A speech's lines under its text are sentences or its date line alone.

    >>> sorted(dated_item_runs(["正文。", "某某会议召开 2024-05-06", "某某培训班开班 2024-05-02"], [0, 1, 2], lambda i: i > 0))
    [1, 2]
    >>> sorted(dated_item_runs(["正文。", "某某会议召开 2024-05-06", "2024年5月8日"], [0, 1, 2], lambda i: i > 0))
    []
    """
    def dated(i: int) -> str | None:
        text = lines[i].strip()
        ok = below(i) and len(text) <= DATED_ITEM_MAX and not re.search(r"[。！？；]", text) \
            and len(HAN_CHAR.findall(text)) >= 6 and _DATED_ITEM.search(text)
        return "dated" if ok else None

    return _runs(filled, dated, DATED_RUN_MIN)


TEASER_PAIRS = 3.0
"""Below the text, two or more headlines each followed by its teaser: a page's block of other articles."""
TEASER_PAIRS_MIN = 2
TEASER_HEADLINE_MAX = 30


def teaser_pair_runs(lines: list[str], filled: list[int], below: Callable[[int], bool], first: dict[int, Judgement]) -> set[int]:
    """Below the text, TEASER_PAIRS_MIN or more pairs in a row of a headline (a short line of six Han characters
    or more with no punctuation at all) and the teaser under it (at most LIST_LINE_MAX, which retells the headline
    — a run of four of its characters — or ends without a sentence's end: cut, or closed by a site's tag). A
    speech's lines under its text end as sentences; its signature and date line are its own marks, never a pair.

    >>> sorted(teaser_pair_runs(["正文。", "某县召开组织工作会议", "近日，某县召开组织工作会议，部署", "某镇举办党员培训班", "培训为期三天 新闻"],
    ...        [0, 1, 2, 3, 4], lambda i: i > 0, {}))
    [1, 2, 3, 4]
    >>> sorted(teaser_pair_runs(["正文。", "某县召开组织工作会议", "会议要求抓好落实。", "某镇举办党员培训班", "培训为期三天。"],
    ...        [0, 1, 2, 3, 4], lambda i: i > 0, {}))
    []
    """
    def headline(i: int) -> bool:
        text = lines[i].strip()
        return len(text) <= TEASER_HEADLINE_MAX and len(HAN_CHAR.findall(text)) >= 6 and not re.search(r"[^\w\s]", text) \
            and not _has_speech_mark(first.get(i))

    def teaser(i: int, of: int) -> bool:
        text, head = lines[i].strip(), re.sub(r"\s+", "", lines[of])
        retells = any(head[k : k + 4] in text for k in range(len(head) - 3))
        return len(text) <= LIST_LINE_MAX and not _has_speech_mark(first.get(i)) and (retells or not _SENTENCE_END.search(text))

    found: set[int] = set()
    run: list[int] = []
    position = 0
    while position < len(filled):
        i = filled[position]
        if below(i) and position + 1 < len(filled) and headline(i) and teaser(filled[position + 1], i):
            run += [i, filled[position + 1]]
            position += 2
            continue
        if len(run) >= 2 * TEASER_PAIRS_MIN:
            found.update(run)
        run = []
        position += 1
    if len(run) >= 2 * TEASER_PAIRS_MIN:
        found.update(run)
    return found


TABLE_ROWS = -2.5
"""Inside the body, a row of the text's own table is the text's, however its cells read (维度 | 做法 | 成效)."""
TABLE_ROWS_MIN = 3


def _cells(text: str) -> int:
    """How many cells `|` cuts a line into (a Markdown table's row, its leading and closing bars aside); 0 with no bar.

    >>> _cells("维度 | 典型做法 | 成效提升 |"), _cells("---|---|---|"), _cells("要抓好落实。")
    (3, 3, 0)
    """
    text = text.strip()
    if "|" not in text and "｜" not in text:
        return 0
    return len(re.split(r"\s*[|｜]\s*", re.sub(r"^[|｜]\s*|\s*[|｜]$", "", text)))


def table_rows(lines: list[str], filled: list[int], inside: Callable[[int], bool]) -> set[int]:
    """Inside the body, TABLE_ROWS_MIN or more lines in a row cut by `|` into the same number of cells (two or more):
    a table the text gives (`维度 | 典型做法 | 成效提升 |` / `---|---|---|` / `改革创新 | 设立责任清单 | 效率提高40% |`).
    Its header row reads like a row of a site's menu and its rule row like no text at all; both are the table's.
    A menu stands alone above the text.

    >>> rows = ["维度 | 典型做法 | 成效提升 |", "---|---|---|", "改革创新 | 设立责任清单 | 效率提高40% |", "民生服务 | 双网模式 | 提速65% |"]
    >>> sorted(table_rows(["会议强调。", *rows], list(range(5)), lambda i: True))
    [1, 2, 3, 4]
    >>> sorted(table_rows(["首页 | 新闻 | 关于我们", "会议强调。"], [0, 1], lambda i: True))
    []
    """
    found: set[int] = set()
    run: list[int] = []
    for index in filled + [None]:
        count = _cells(lines[index]) if index is not None and inside(index) else 0
        if count >= 2 and run and _cells(lines[run[-1]]) == count:
            run.append(index)
            continue
        if len(run) >= TABLE_ROWS_MIN:
            found.update(run)
        run = [index] if count >= 2 else []
    return found


MENU_RUN = 2.5
"""Above the text, four or more names in a row (a menu, a poll's choices, a form's labels) are the page's."""
MENU_RUN_MIN = 4
MENU_ITEM_MAX = 16


def _menu_item(text: str, verdict: Judgement | None) -> bool:
    """A name and nothing else: short, no punctuation, no verb, none of a speech's marks or words (讲话, 报告).

    >>> _menu_item("政务公开", judge(LineContext("政务公开", True))), _menu_item("某某国家地质公园", judge(LineContext("某某国家地质公园", True)))
    (True, True)
    >>> _menu_item("某某县召开组织工作会议", judge(LineContext("某某县召开组织工作会议", True)))
    False
    >>> _menu_item("在全县组织工作会议上的讲话", judge(LineContext("在全县组织工作会议上的讲话", True)))
    False
    """
    return verdict is not None and 2 <= len(text) <= MENU_ITEM_MAX \
        and not re.search(r"[，。；：！？、,.;:!?“”（）()【】《》|｜/\s·•\-—]", text) \
        and not any(e.weight < 0 for e in verdict.evidence if e.reader != "outside-the-body") and names_a_thing(text)


def menu_runs(lines: list[str], filled: list[int], first: dict[int, Judgement], skip: set[int], start: int) -> set[int]:
    """Above the text, MENU_RUN_MIN or more names in a row — a rule's catch between them aside (a form's
    `项目编号` / `点击查看` / `预算金额` / `点击查看` …) — are a menu (`政务公开` / `党群工作` / `廉政建设` / `财务信息`),
    a poll's choices or a form's labels: the page's, each alone no evidence at all. A title has a verb or a
    speech's word (某某县召开…, 在…上的讲话) and ends no such run; the line right above the text or right above a
    date line or byline (where a title stands) is never taken, nor is a run of fewer. The question or label right over the run that speaks to the
    reader (`您最喜欢的…是哪个？`: words of the interface) is the run's.

    >>> names = ["政务公开", "党群工作", "廉政建设", "财务信息", "某某县召开组织工作会议", "会议强调，要抓好落实，推动工作。"]
    >>> sorted(menu_runs(names, list(range(6)), {i: judge(LineContext(t, i < 5)) for i, t in enumerate(names)}, set(), 5))
    [0, 1, 2, 3]
    >>> sorted(menu_runs(names[1:], list(range(5)), {i: judge(LineContext(t, i < 4)) for i, t in enumerate(names[1:])}, set(), 4))
    []
    >>> dated = ["政务公开", "党群工作", "廉政建设", "组织工作要点", "（2024年1月5日）", "会议强调，要抓好落实，推动工作。"]
    >>> sorted(menu_runs(dated, list(range(6)), {i: judge(LineContext(t, i < 5)) for i, t in enumerate(dated)}, set(), 5))
    []
    """
    above = [i for i in filled if i < start and i not in skip]  # a rule's catch between the names neither counts nor breaks a run
    # Where a title stands: right above the text, or right above its date line or byline.
    title_places = {above[-1]} if above else set()
    title_places.update(above[at - 1] for at in range(1, len(above)) if _has_speech_mark(first.get(above[at])))
    found: set[int] = set()
    run: list[int] = []
    for index in above + [None]:
        if index is not None and index not in title_places and _menu_item(lines[index].strip(), first.get(index)):
            run.append(index)
            continue
        if len(run) >= MENU_RUN_MIN:
            found.update(run)
            at = above.index(run[0])
            label = above[at - 1] if at else None
            if label is not None and label in first and "interface-words" in first[label].reasons() and len(lines[label].strip()) <= 30:
                found.add(label)
        run = []
    return found


def _list_label(text: str, verdict: Judgement | None) -> bool:
    """A label over a list: 2–8 Han characters, no punctuation, no speaker's word, no speech's mark
    (热点推荐, 新闻推荐 — never 谢谢大家)."""
    return bool(re.fullmatch(rf"[{HAN}]{{2,{LABEL_MAX}}}", text)) and not _VOICE.search(text) and not _has_speech_mark(verdict)


def labelled_blocks(lines: list[str], filled: list[int], start: int, clear: Callable[[int], bool], first: dict[int, Judgement]) -> set[int]:
    """Below the text (from `start`), a label of 2–8 Han characters with no punctuation and no speaker's word,
    the lines under it (at least one, none over LIST_LINE_MAX, none with a speech's mark) and then a line of
    clear chrome: the label and the lines between it and that chrome.

    >>> sorted(labelled_blocks(["正文。", "新闻推荐", "某地举办某某活动", "相关阅读"], [0, 1, 2, 3], 1, lambda i: i == 3, {}))
    [1, 2]
    >>> sorted(labelled_blocks(["正文。", "谢谢大家", "某地举办某某活动", "相关阅读"], [0, 1, 2, 3], 1, lambda i: i == 3, {}))
    []

    The label may be a rule's catch itself (推荐新闻 taken by a rule): the block under it down to the next clear line
    is its list all the same — a headline, its teaser cut off, a slogan — unless a line in it speaks to the hearers
    (谢谢大家！ under an advert: the speech's last words).

    >>> sorted(labelled_blocks(["正文。", "推荐新闻", "某地举办某某活动", "近日，某地举办某某活动，总结工作", "版权所有"], [0, 1, 2, 3, 4], 1, lambda i: i in (1, 4), {}))
    [2, 3]
    >>> sorted(labelled_blocks(["正文。", "推荐新闻", "某地举办某某活动", "近日，某地举办某某活动。", "版权所有"], [0, 1, 2, 3, 4], 1, lambda i: i in (1, 2, 4), {}))
    [3]
    >>> sorted(labelled_blocks(["正文。", "推荐新闻", "谢谢大家！", "版权所有"], [0, 1, 2, 3], 1, lambda i: i in (1, 3), {}))
    []
    """
    found: set[int] = set()
    below = [i for i in filled if i >= start]
    for position, label in enumerate(below):
        if not _list_label(lines[label].strip(), first.get(label)):
            continue
        caught = clear(label)
        under = []
        for index in below[position + 1:]:
            if clear(index):
                if under:
                    found.update(under if caught else [label, *under])
                    break
                if caught:
                    continue  # the rule took the label's first items with it (a block): the list goes on under them
                break
            if len(lines[index].strip()) > LIST_LINE_MAX or _has_speech_mark(first.get(index)) or caught and _ADDRESSES_THE_HEARERS.search(lines[index]):
                break
            under.append(index)
    return found


_ADDRESSES_THE_HEARERS = re.compile(r"^(?:同志们|各位|谢谢)|大家[！!。]?$")
"""A speech's own last words to its hearers (谢谢大家！, 同志们，…): no line of a page's list under a label; a teaser
that tells of someone 勉励大家… is."""


_ITEM_NUMBER = re.compile(r"^\s*(?:(\d{1,2})\s*[、.．]|[（(](\d{1,2})[）)])")


def items_of_a_label(lines: list[str], filled: list[int], label_at: Callable[[int], bool]) -> set[int]:
    """The numbered items 1、 2、 3、 (or （1）…) running in order right under a label line for which
    `label_at` holds (clear chrome ending in a colon).

    >>> sorted(items_of_a_label(["说明：", "1、甲", "2、乙", "3、丙", "正文"], [0, 1, 2, 3, 4], lambda i: i == 0))
    [1, 2, 3]
    >>> sorted(items_of_a_label(["说明：", "2、乙", "3、丙"], [0, 1, 2], lambda i: i == 0))
    []
    """
    found: set[int] = set()
    for position, index in enumerate(filled):
        if not (label_at(index) and lines[index].rstrip().endswith((":", "："))):
            continue
        expected = 1
        for following in filled[position + 1:]:
            m = _ITEM_NUMBER.match(lines[following])
            if not m or int(m.group(1) or m.group(2)) != expected or len(lines[following].strip()) > ITEM_MAX:
                break
            found.add(following)
            expected += 1
    return found


CAPTION_RUN = 3.5
"""Inside the body (−1) a caption-like line in a run of them is doubtful (2.5, never more from this alone):
kept, and sent to a person."""
CAPTION_MAX = 20


def _caption_like(text: str, verdict: Judgement | None) -> bool:
    """Short, no stop or comma, no heading number, no salutation: 先进基层党组织代表领奖."""
    return verdict is not None and 4 <= len(text) <= CAPTION_MAX and not re.search(r"[，,。；;！!？?：:、]", text) \
        and not any(e.reader in ("heading-number", "salutation", "dateline-or-byline") and e.weight < 0 for e in verdict.evidence)


ISSUE_DATE = 3.0
"""A date with its weekday above the title, beside a page's clear chrome (第02版：要闻): a paper's issue
date, not the speech's own date line, so the dateline's weight (−3) is taken back. A speech dates
itself under its title, beside its byline."""


def _issue_date(verdict: Judgement) -> bool:
    readers = {e.reader for e in verdict.evidence}
    return {"weekday-or-clock", "dateline-or-byline"} <= readers


CAPTION_STACK = 4.0
"""A picture block's captions stacked under the headline, one of them the headline or deck again: chrome."""
CAPTION_STACK_DOUBT = 2.5
"""Such a stack with no line repeated: doubt at most, kept and sent to a person."""
CAPTION_STACK_LINE_MIN = 12


def captions_under_the_headline(
    lines: list[str], filled: list[int], body_start: int, first: dict[int, Judgement], skip: set[int] = frozenset(),
    title_at: int | None = None,
) -> tuple[set[int], set[int]]:
    """Lines of a picture block stacked between a report's headline (and deck) and its first paragraph: a stack of
    bare phrases (`layout.stacked_phrases`) that runs right down to the text, under the headline (the likely title, or
    the first line), less a line with the page's own evidence (a pager's row), a
    deck (`——…`), a date line, a byline and a speech's title (`在…上的讲话`). Two or more such lines of `CAPTION_STACK_LINE_MIN`
    characters or more are captions — whole clauses, each naming a scene (某某作重要讲话 / 会议在某地召开 / 与会代表…进行
    讨论交流), which a title's second phrase (筑牢思想根基) is not. When one of them is the headline or the deck again word
    for word, the page printed its pictures with their captions there: all go (`CAPTION_STACK`). Otherwise they are
    doubt (`CAPTION_STACK_DOUBT`): kept, on 待核对.

    >>> page = ["全面加强基层党组织建设", "——全县基层党建工作会议召开", "县委书记某某出席会议并作重要讲话", "全县基层党建工作会议召开",
    ...         "与会代表围绕基层党建工作进行交流讨论", "3月5日，全县基层党建工作会议召开，会议总结了去年工作，部署了今年任务。"]
    >>> captions_under_the_headline(page, list(range(6)), 5, {})
    ({2, 3, 4}, set())
    >>> captions_under_the_headline(page[:3] + page[4:], list(range(5)), 4, {})
    (set(), {2, 3})
    >>> title = ["坚定理想信念", "筑牢思想根基", "在全县组织工作会议上的讲话", "县委书记 张明", "同志们：今天召开全县组织工作会议，主要任务是总结工作。"]
    >>> captions_under_the_headline(title, list(range(5)), 4, {})
    (set(), set())
    """
    above = [i for i in filled if i < body_start and i not in skip]  # a rule's catch (a menu, a pager) is no caption
    if len(above) < 3 or above[-1] + 1 != body_start and any(lines[j].strip() for j in range(above[-1] + 1, body_start)):
        return set(), set()
    stack = stacked_phrases([lines[i] for i in above])
    run = []
    for position in range(len(above) - 1, -1, -1):  # the stack that reaches the text
        if position not in stack:
            break
        run.append(above[position])
    speech_marks = ("dateline-or-byline", "salutation", "a-document-part", "heading-number")
    headline = title_at if title_at is not None else above[0]
    captions = {i for i in run if i > headline and len(lines[i].strip()) >= CAPTION_STACK_LINE_MIN
                and (i not in first or first[i].score < DOUBT_AT)  # a line with the page's own evidence is judged by it
                and not re.match(r"^\s*[—\-－─]", lines[i]) and not re.search(r"(?:的|上)(?:讲话|报告|发言|致辞|党课)稿?$", lines[i].strip())
                and not any(e.reader in speech_marks and e.weight < 0 for e in (first[i].evidence if i in first else ()))}
    if len(captions) < 2:
        return set(), set()
    said = {re.sub(r"^[\s—\-－─]+", "", lines[i]).strip() for i in above if i not in captions}
    if any(lines[i].strip() in said for i in captions):
        return captions, set()
    return set(), captions


CAPTION_RESTATES = 6.5
"""A short line inside the text that says a clause of the paragraph beside it again: chrome (a sentence's end stop
and the body's place taken off, still at CHROME_AT)."""
RESTATED_MIN = 8


def restates_a_clause_beside(text: str, above: str, below: str) -> bool:
    """Is `text` — a short line with no sentence of its own — word for word a clause (or a clause's end) of the
    paragraph above it, or one of the paragraph below it but its first (a heading is taken up by its paragraph's
    first words)? A picture's caption retells the report beside it.

    >>> restates_a_clause_beside("县委常委、组织部部长张某某出席会议并讲话", "3月24日，全县组织工作会议召开。县委常委、组织部部长张某某出席会议并讲话。", "")
    True
    >>> restates_a_clause_beside("张某某出席会议并讲话。", "3月24日，会议召开。县委常委、组织部部长张某某出席会议并讲话。", "")
    True
    >>> restates_a_clause_beside("坚持党建引领发展", "上文。", "坚持党建引领发展，是我们的经验。")
    False
    >>> restates_a_clause_beside("会议要求", "会议要求，各级党组织要抓好落实。", "")
    False

    A neighbour that is the same line again is no paragraph it retells: the title printed twice (在全县组织工作会议上的讲话
    over 在全县组织工作会议上的讲话) is the title-again reader's, and stays a question for the curator.

    >>> restates_a_clause_beside("在全县组织工作会议上的讲话", "在全县组织工作会议上的讲话", "同志们：")
    False
    """
    said = re.sub(r"[。！]$", "", re.sub(r"\s+", "", text))
    if heading_number(LineContext(said, False)) or len(HAN_CHAR.findall(said)) < RESTATED_MIN or len(said) > 40 or re.search(r"[，,。；;！!？?：:]", said):
        return False
    # a paragraph with a sentence of its own round the words (a clause break in it), not a copy of the line
    clauses = lambda paragraph: [c for c in re.split(r"[，,。；;！!？?：:]", re.sub(r"\s+", "", paragraph)) if c] \
        if re.search(r"[，,。；;！!？?]", paragraph) else []  # noqa: E731
    return any(c.endswith(said) for c in clauses(above)) or any(c.endswith(said) for c in clauses(below)[1:])


WHERE_THE_TEXT_BREAKS_OFF = 3.5
"""A notice in a site's words where the text breaks off mid-sentence, only the page's chrome under it: enough on its own
with the interface words (a sentence's stop taken off, as a caption's)."""


BROKEN_OFF_WORD_MAX = 4
"""A sentence's first word or two, alone where the page cut it off: 要, 我们, 同时."""


def breaks_off_above(lines: list[str], filled: list[int], position: int) -> bool:
    """Does the text break off right above line `filled[position]` — its line above ends mid-sentence, on a character
    of a word (…，要 / 提升 / 真……), no stop closing it?

    >>> breaks_off_above(["政治上的坚定，源于理论上的清醒。", "要", "预览阅读已结束，若您需要全文。"], [0, 1, 2], 2)
    True
    >>> breaks_off_above(["要把各项工作落到实处。", "谢谢大家！"], [0, 1], 1)
    False

    A line that stands whole without a stop — a date, a signature, a heading (2023年5月30日 over （此件公开发布）) — is no
    sentence broken off: the line above must be a clause cut short (it has a clause's mark) or a sentence's first word
    or two, or end in an ellipsis.

    >>> breaks_off_above(["中共某某县委组织部", "2023年5月30日", "（此件公开发布）"], [0, 1, 2], 2)
    False
    """
    if position == 0:
        return False
    above = lines[filled[position - 1]].strip()
    if re.search(r"[。.…]{3,}$", above):
        return True
    cut = re.search(rf"(?:{HAN_CHAR.pattern}|[，,、])$", above) and (re.search(r"[，,、；;]", above) or len(above) <= BROKEN_OFF_WORD_MAX)
    return bool(cut) and find_date(above) is None


def judge_lines(
    lines: list[str], skip: set[int], body: tuple[int, int], rule_of: Callable[[str], str | None] = lambda text: None,
    elsewhere: Callable[[str], int] = lambda text: 0,
) -> dict[int, Judgement]:
    """A judgement for every non-blank line not in `skip` (the rules already took those).

    `body` is (first, end) of the prose, as clean's _edges finds it. Two passes: each line on its
    own, then the evidence of place: above the title (the first line above the body that reads like
    one), and next to chrome.
    """
    # Only lines above the text are counted: what a page repeats under a report is its headline or deck,
    # and a line is never judged by a twin inside the speech (editing one would move the other).
    above = Counter(line.strip() for line in lines[: body[0]] if line.strip())
    repeats_of = lambda i: above[lines[i].strip()] + (i >= body[0])  # noqa: E731
    outside = lambda i: i < body[0] or i >= body[1]  # noqa: E731
    filled = [i for i, line in enumerate(lines) if line.strip()]
    first = {
        i: judge(LineContext(lines[i].strip(), outside(i), i >= body[1], "", repeats_of(i), rule_of(lines[i].strip()), elsewhere(lines[i].strip())))
        for i in filled if i not in skip
    }
    # A text written as a list (an activity plan's 1. 开幕式 / 时间：… / - 主持人介绍…；) has few prose lines: its body
    # runs on under the last of them, as far as the lines of speech below it.
    end = the_text_runs_on(filled, first, skip, body[1])
    if end > body[1]:
        body = (body[0], end)
        first = {
            i: judge(LineContext(lines[i].strip(), outside(i), i >= body[1], "", repeats_of(i), rule_of(lines[i].strip()), elsewhere(lines[i].strip())))
            for i in filled if i not in skip
        }
    in_a_list: set[int] = set()

    def chrome_at(n: int, bar: float) -> bool:
        """A rule's catch, a line of the page's lists (below), or a line whose own evidence reaches `bar`."""
        return n in skip or n in in_a_list or (n in first and first[n].score >= bar)

    links = link_list_runs(lines, filled, outside)
    # The label: a rule's catch, or at least doubtful with words of a site's interface in it (如果您无法下载…，
    # 请参考说明：) — never a speech's own lead-in (主要有以下几点：), whose numbered points are the speech.
    label_items = items_of_a_label(lines, filled, lambda n: outside(n) and (n in skip or (
        chrome_at(n, DOUBT_AT) and "interface-words" in first[n].reasons())))
    blocks = labelled_blocks(lines, filled, body[1], lambda n: chrome_at(n, CHROME_AT), first)
    footer_from = next((n for n in filled if n >= body[1] and chrome_at(n, CHROME_AT)), None)
    # A line of such a list or block is the page's by its place among its siblings: beside it, a line is next
    # to chrome as beside a rule's catch (今天是： over a list of links; a caption between a headline and a teaser),
    # and none of them is the title.
    dated = dated_item_runs(lines, filled, lambda n: n >= body[1])
    teasers = teaser_pair_runs(lines, filled, lambda n: n >= body[1], first)
    menus = menu_runs(lines, filled, first, skip, body[0])
    tables = table_rows(lines, filled, lambda n: not outside(n))
    in_a_list.update(links | label_items | blocks | dated | teasers | menus)
    # A label right over such a list (热点推荐 over dated headlines) is the list's.
    labels = {filled[p - 1] for p, n in enumerate(filled) if p and n in links | dated | teasers and filled[p - 1] not in in_a_list
              and outside(filled[p - 1]) and _list_label(lines[filled[p - 1]].strip(), first.get(filled[p - 1]))}
    in_a_list.update(labels)
    title_at = next((i for i in filled if i < body[0] and i in first and i not in in_a_list and first[i].score < DOUBT_AT and reads_like_title(lines[i])), None)
    title = lines[title_at].strip() if title_at is not None else ""
    stacked_captions, stacked_doubts = captions_under_the_headline(lines, filled, body[0], first, skip, title_at)

    judged = {}
    for position, index in enumerate(filled):
        if index in skip:
            continue
        text = lines[index].strip()
        ctx = LineContext(text, outside(index), index >= body[1], title if index != title_at else "", repeats_of(index), rule_of(text), elsewhere(text))
        verdict = judge(ctx)
        # Place only adds to evidence the line has of its own (the title stands beside chrome too).
        own = sum(e.weight for e in verdict.evidence if e.reader != "outside-the-body") > 0 and index != title_at
        extra = []
        neighbours = [filled[p] for p in (position - 1, position + 1) if 0 <= p < len(filled)]
        if title_at is not None and index < title_at and _issue_date(verdict) \
                and any(chrome_at(n, CHROME_AT) for n in neighbours if n < title_at):
            extra.append(Evidence("issue-date", ISSUE_DATE))
            own = True
        if own and title_at is not None and index < title_at:
            extra.append(Evidence("above-the-title", ABOVE_THE_TITLE))
        # The page's last line, under the text, with evidence of its own and no sentence: where a page puts
        # its last button or note (扫描二维码分享到微信, 加载中…), the mirror of what stands above the title.
        # A slogan alone at the page's end, no chrome round it, may be the speech's last words: doubt, not removal.
        if own and index >= body[1] and index == filled[-1] and len(text) <= UNDER_THE_FOOTER_MAX and not re.search(r"[。！？!?]", text) \
                and {e.reader for e in verdict.evidence if e.weight > 0} - {"outside-the-body", "slogan"}:
            extra.append(Evidence("at-the-page-end", AT_THE_PAGE_END))
        # Below the text even a doubtful neighbour counts: a page's credits and contacts come in runs.
        near = DOUBT_AT if index >= body[1] else CHROME_AT
        if own and outside(index) and any(chrome_at(n, near) for n in neighbours if outside(n)):
            extra.append(Evidence("next-to-chrome", NEXT_TO_CHROME))
        # Below the text, a short line with chrome right above and right under it — one of them clear (a
        # rule's catch, or chrome on its own), the other at least doubtful — is one item of the page's list
        # (a recommended article's title between 为您推荐 and 您可能也感兴趣), whatever it says. Two doubtful
        # neighbours are not enough: in a run of doubtful lines (short numbered sentences the body's edge left
        # "below the text") every line would lift the next, and the whole run — speech — would go.
        if index >= body[1] and len(text) <= BETWEEN_CHROME_MAX and len(neighbours) == 2 \
                and all(n >= body[1] and chrome_at(n, near) for n in neighbours) and any(chrome_at(n, CHROME_AT) for n in neighbours):
            extra.append(Evidence("between-chrome", BETWEEN_CHROME))
        # The page's footer runs to its end: under its first clear line (a rule's catch, chrome alone), a
        # short line with no sentence and none of the speech's own marks (我要说两句, 加载中…) is the page's.
        if footer_from is not None and index > footer_from and len(text) <= UNDER_THE_FOOTER_MAX \
                and not re.search(r"[。！？!?]", text) and not _has_speech_mark(first.get(index)):
            extra.append(Evidence("under-the-footer", UNDER_THE_FOOTER))
        # Where the text breaks off mid-sentence (…清醒。 / 要), a line in a site's words with nothing but the page's chrome
        # under it (预览阅读已结束，若您需要全文… over 请点击…联系老师) is the site's notice that the rest is withheld.
        if "interface-words" in verdict.reasons() and breaks_off_above(lines, filled, position) \
                and position + 1 < len(filled) and all(chrome_at(n, CHROME_AT) for n in filled[position + 1:]):
            extra.append(Evidence("where-the-text-breaks-off", WHERE_THE_TEXT_BREAKS_OFF))
        # The title line again under a paragraph of the speech, word for word and no sentence (【党课讲稿】某某 between
        # two paragraphs): a site prints its headline once more where a page of it begins. A sentence that says the
        # title's words is the speech's; a title line under a site's notice is where the text begins (the parser's).
        above_it = filled[position - 1] if position else None
        if title_at is not None and index >= body[0] and index > title_at and _title_again(text, title) \
                and above_it in first and first[above_it].score < 0 and len(lines[above_it].strip()) >= TITLE_AGAIN_AFTER:
            extra.append(Evidence("title-again", TITLE_AGAIN))
        # A picture's caption that says again a clause of the paragraph beside it (…会议召开。县委常委某某出席会议并讲话。 /
        # 县委常委某某出席会议并讲话): the speech never says its words twice in a row.
        if index >= body[0] and restates_a_clause_beside(text, *(lines[n] if n is not None else "" for n in (
                filled[position - 1] if position else None, filled[position + 1] if position + 1 < len(filled) else None))):
            extra.append(Evidence("caption-restates", CAPTION_RESTATES))
        if index in links:
            extra.append(Evidence("link-list", LINK_LIST))
        if index in blocks or index in labels:
            extra.append(Evidence("label-over-list", LABEL_OVER_LIST))
        if index in dated:
            extra.append(Evidence("dated-items", DATED_ITEMS))
        if index in teasers:
            extra.append(Evidence("teaser-pairs", TEASER_PAIRS))
        if index in label_items:
            extra.append(Evidence("items-of-chrome-label", ITEMS_OF_CHROME_LABEL))
        if index in menus:
            extra.append(Evidence("menu-run", MENU_RUN))
        if index in tables:
            extra.append(Evidence("table-rows", TABLE_ROWS))
        if index in stacked_captions:
            extra.append(Evidence("caption-stack", CAPTION_STACK))
        elif index in stacked_doubts and verdict.score < CHROME_AT - 0.5:
            extra.append(Evidence("caption-stack", round(min(CAPTION_STACK_DOUBT, CHROME_AT - 0.5 - verdict.score), 2)))
        # Inside the body, a run of two or more short lines with no stop and no number is not speech in the
        # shape a speech writes it (a heading is numbered or followed by its text): captions under pictures.
        # Only doubt: the lines are kept and sent to a person.
        if not outside(index) and _caption_like(text, first.get(index)) \
                and any(not outside(n) and n not in skip and _caption_like(lines[n].strip(), first.get(n)) for n in neighbours):
            lift = min(CAPTION_RUN, CHROME_AT - 0.5 - verdict.score)  # doubt at most, never removal on its own
            if lift > 0:
                extra.append(Evidence("caption-run", round(lift, 2)))
        if extra:
            verdict = Judgement(round(verdict.score + sum(e.weight for e in extra), 2), verdict.evidence + tuple(extra))
        judged[index] = verdict
    return runs_inside_the_body_doubted(judged, filled, body)


def _reads_as_speech(verdict: Judgement | None) -> bool:
    """A sentence, a clause of a list or a numbered heading with no chrome evidence but its place: the speech's own."""
    return verdict is not None and verdict.score < 0 \
        and any(e.reader in ("sentence", "list-clause", "heading-number") and e.weight < 0 for e in verdict.evidence) \
        and not any(e.weight > 0 for e in verdict.evidence if e.reader != "outside-the-body")


def the_text_runs_on(filled: list[int], first: dict[int, Judgement], skip: set[int], end: int) -> int:
    """Where the body ends for the evidence. Its last prose line (a sentence of 40 characters or more) is not
    always its last line of speech: a text written as a list — an activity plan's `1. 开幕式` / `时间：上午9:00` /
    `- 主持人介绍活动背景和意义；` / `- 全体起立，奏唱国歌。` — has few or none, and every line under the last would
    stand "below the text", where a page's footer is read. The body runs on to the last line below that reads as
    speech on its own evidence (a sentence, a clause of a list, a numbered heading; no chrome evidence but its place)
    while such lines outnumber all the others below the body's end, and never past a rule's catch: there the page's
    furniture begins. Another article's caption or teaser among a block of headlines is outnumbered by them.

    >>> speech, chrome = judge(LineContext("- 全体起立，奏唱国歌。", True, True)), judge(LineContext("时间：上午9:00-9:30", True, True))
    >>> heading, short = judge(LineContext("四、活动安排", True, True)), judge(LineContext("1. 开幕式", True, True))
    >>> the_text_runs_on([0, 1, 2, 3, 4, 5], {1: heading, 2: speech, 3: chrome, 4: speech, 5: short}, set(), 1)
    5
    >>> the_text_runs_on([0, 1, 2, 3, 4, 5], {1: heading, 2: short, 3: chrome, 5: speech}, {4}, 1)
    2
    >>> the_text_runs_on([0, 1, 2, 3, 4], {1: short, 2: chrome, 3: speech, 4: short}, set(), 1)
    1
    """
    runs_to, speech, others = end, 0, 0
    for index in filled:
        if index < end:
            continue
        if index in skip:
            break
        if _reads_as_speech(first.get(index)):
            speech += 1
            if speech > others:
                runs_to = index + 1
        else:
            others += 1
    return runs_to


RUN_IN_THE_BODY = 3
"""So many evidence removals in a row inside the body are doubt, not removal (`runs_inside_the_body_doubted`)."""


def runs_inside_the_body_doubted(judged: dict[int, Judgement], filled: list[int], body: tuple[int, int]) -> dict[int, Judgement]:
    """Inside the body, speech above and under it, a run of RUN_IN_THE_BODY or more lines the evidence would remove
    is the text's own more likely than the page's: a list, a table, a programme's times and items, whose shape the
    readers sum up to chrome. Each is kept and sent to a person (doubtful), unless one reader alone says chrome
    (a picture's caption with its photographer's credit, a file name): `run-inside-the-body` takes back what
    lifts it past doubt. Nothing of the speech goes for the sum of weak evidence.

    >>> chrome = Judgement(3.2, (Evidence("field-label", 1.7), Evidence("weekday-or-clock", 1.5)))
    >>> speech, caption = Judgement(-3.0, ()), Judgement(8.0, (Evidence("photo-credit", 8.0),))
    >>> run = runs_inside_the_body_doubted({0: speech, 1: chrome, 2: chrome, 3: caption, 4: speech}, [0, 1, 2, 3, 4], (0, 5))
    >>> [run[i].verdict for i in range(5)]
    ['speech', 'doubtful', 'doubtful', 'chrome', 'speech']
    >>> [j.verdict for j in runs_inside_the_body_doubted({0: speech, 1: chrome, 2: chrome, 3: speech}, [0, 1, 2, 3], (0, 4)).values()]
    ['speech', 'chrome', 'chrome', 'speech']
    """
    inside = [i for i in filled if body[0] <= i < body[1]]
    runs: list[list[int]] = [[]]
    for index in inside:
        if index in judged and judged[index].verdict == "chrome":
            runs[-1].append(index)
        elif runs[-1]:
            runs.append([])
    doubted = dict(judged)
    for run in runs:
        if len(run) < RUN_IN_THE_BODY or run[0] == inside[0] or run[-1] == inside[-1]:
            continue
        for index in run:
            verdict = judged[index]
            if max(e.weight for e in verdict.evidence) >= CHROME_AT:
                continue
            back = round(CHROME_AT - 0.5 - verdict.score, 2)
            doubted[index] = Judgement(round(verdict.score + back, 2), verdict.evidence + (Evidence("run-inside-the-body", back),))
    return doubted


WEB_PAGE_ONLY = frozenset({
    "interface-words", "address", "long-number", "contact-line", "menu-run", "counter", "asks-the-reader", "short-items", "breadcrumb", "link-item", "link-list",
    "label-over-list", "items-of-chrome-label", "dated-items", "teaser-pairs", "under-the-footer", "at-the-page-end", "a-rule-elsewhere",
    "latin-prose",
})
"""Readers whose evidence only a web page gives: the words of a site's interface, contacts (e-mail, QQ, long
numbers), the shapes of its menus, link lists, recommended blocks and footer, a paragraph in Latin letters (a site's
machine translation under the text), and a boilerplate rule (the rules name the chrome of pages) matching out of its
place. In a Word or PDF document such lines are the document's own (a company's contact and bank-account lines, work
on 微信公众号, a thesis's English abstract): kept, and sent to a person."""


TITLE_AGAIN = 5.0
"""The title line again inside the text: chrome even there (−1), as a picture's words are."""
TITLE_AGAIN_MAX = 40
TITLE_AGAIN_AFTER = 40
"""The line above the title said again is a paragraph of speech this long or longer (below zero on its own evidence)."""


def _title_again(text: str, title: str) -> bool:
    """`text` is the title line word for word (spaces, quotes and brackets of a book title aside, and a site's label
    in brackets before either: 【党课讲稿】), short, no sentence.

    >>> _title_again("【党课讲稿】不忘来处 常忆初心", "【党课讲稿】不忘来处  常忆初心"), _title_again("不忘来处 常忆初心", "【党课讲稿】不忘来处 常忆初心")
    (True, True)
    >>> _title_again("我们要做到不忘来处，常忆初心。", "不忘来处 常忆初心"), _title_again("【党课讲稿】", "【党课讲稿】不忘来处 常忆初心")
    (False, False)
    """
    if not title or len(text) > TITLE_AGAIN_MAX or re.search(r"[。！？!?；;]", text):
        return False
    words = _compact(_SITE_LABEL.sub("", text))
    return len(words) >= 4 and words == _compact(_SITE_LABEL.sub("", title))


_SITE_LABEL = re.compile(r"^\s*[【\[][^【】\[\]]{1,10}[】\]]\s*")
"""A site's label in brackets before a title: 【党课讲稿】, [范文]."""


REMOVED_SPEECH_MIN = 30
"""A line a rule removed is looked at again when it is a sentence this long or longer."""


def removed_like_speech(text: str, rule: str) -> bool:
    """A line a boilerplate rule removed that reads as speech on its own evidence, the rule's match counted in
    (a-rule-elsewhere): a long sentence (thirty characters or more, ending as one) whose score stays below −DOUBT_AT —
    `电影是我们日常生活中的一大娱乐方式，也是艺术的重要表现形式。同时，以下是小编为大家收集的相关资料。`. It stays removed, and
    goes to 待核对 with its one-line fix (keep_lines), never silently. A site's notice in sentences has its own
    evidence (interface words, an address) and is not named.

    >>> removed_like_speech("我们要坚持党管人才原则，完善党委统一领导、组织部门牵头抓总的人才工作格局。以下是小编整理的资料。", "editor-note")
    True
    >>> removed_like_speech("本文系作者原创投稿，仅供学习参考，请勿照搬照抄！更多资料请关注微信公众号，点击下载全文。", "copyright-notice")
    False
    """
    if len(text) < REMOVED_SPEECH_MIN or not _SENTENCE_END.search(text):
        return False
    return judge(LineContext(text, False, rule=rule)).score < -DOUBT_AT


def removed_for_its_place(text: str) -> bool:
    """A line the evidence removed that on its own reads as speech — a sentence or a list's clause, its own evidence
    below zero however short (`- 邀请退休老党员讲述革命故事；`, `外防输入、内防反弹！`): what took it was its place (under a
    footer, between chrome, in a block of the page's). It stays removed and goes to 待核对 with its one-line fix
    (keep_lines), never silently: a place read wrong takes speech with it.

    >>> removed_for_its_place("- 邀请退休老党员讲述革命故事；"), removed_for_its_place("亲子分享会上，家长带着孩子认真观看影片。")
    (True, True)
    >>> removed_for_its_place("我来说几句"), removed_for_its_place("责任编辑：某某"), removed_for_its_place("点击查看全文。")
    (False, False, False)
    """
    verdict = judge(LineContext(text, True, True))
    return verdict.score < 0 and any(e.reader in ("sentence", "list-clause") and e.weight < 0 for e in verdict.evidence)


WEB_PAGE_LAYOUT = frozenset({
    "outside-the-body", "next-to-chrome", "between-chrome", "under-the-footer", "at-the-page-end",
    "label-over-list", "link-list", "link-item", "items-of-chrome-label", "dated-items", "teaser-pairs", "menu-run",
    "run-inside-the-body", "caption-run", "caption-stack", "short-items", "breadcrumb", "slogan",
})
"""Readers whose evidence is a line's place in a web page's layout: above or below the text, next to or between the
page's chrome, under its footer, in a run of short lines (a menu, a pager, captions under pictures, a list of related
links). (Above the title is no web page's place only: a document has a title too, and a line above it that is no
公文 part the reader took — a template's lone `★` — is furniture there as well.) A Word or PDF document has no such layout — its body starts at the cover, its short lines are list items,
table rows, formulas and slide bullets, and its readers already took their own furniture (running heads, page
numbers, a 目录) — so in converted text this evidence counts for nothing, for removing a line or for doubting it."""


def as_read_in_a_document(judgement: Judgement, text: str = "") -> Judgement:
    """The judgement with the chrome evidence of WEB_PAGE_LAYOUT set aside (its speech evidence stays): what the line
    says on its own, and by the words it has, when the text was converted from a Word or PDF document. There a line
    in words of another language (an English title page, a reference, a formula's symbols named in English) is the
    document's own text, not a page's codes: mostly-not-han is set aside for it too (`_in_another_language`), while
    figures, codes and addresses (`2 2`, `0000-1234567`, `zwfw456789@163.com`) still count.

    >>> j = Judgement(3.0, (Evidence("outside-the-body", 0.5), Evidence("under-the-footer", 2.5)))  # a slide's bullet
    >>> as_read_in_a_document(j).verdict, as_read_in_a_document(j).reasons()
    ('speech', '')
    >>> j = Judgement(2.5, (Evidence("mostly-not-han", 2.0), Evidence("short-items", 1.5), Evidence("outside-the-body", -1.0)))
    >>> as_read_in_a_document(j).score  # a formula in a thesis: Latin and signs, but no menu
    1.0
    >>> j = Judgement(3.6, (Evidence("interface-words", 3.6), Evidence("next-to-chrome", 1.0), Evidence("outside-the-body", -1.0)))
    >>> as_read_in_a_document(j).verdict  # the words of a site's interface still count (at most doubtful: verdict_by_origin)
    'doubtful'
    """
    aside = WEB_PAGE_LAYOUT | ({"mostly-not-han"} if _in_another_language(text) else set())
    kept = tuple(e for e in judgement.evidence if not (e.reader in aside and e.weight > 0))
    if len(kept) == len(judgement.evidence):
        return judgement
    return Judgement(round(sum(e.weight for e in kept), 2), kept)


def _in_another_language(text: str) -> bool:
    """Words of two Latin letters or more, more letters than digits, no web or mail address: `Master of Natural Science`,
    `𝑅 the gas constant m2⋅s−2⋅K−1`; not `2 2`, `0000-1234567`, `zwfw456789@163.com`.

    >>> _in_another_language("Supervisor: Professor Liu Qingquan"), _in_another_language("𝑅 the gas constant m2⋅s−2⋅K−1")
    (True, True)
    >>> _in_another_language("联系电话：0000-1234567"), _in_another_language("zwfw456789@163.com"), _in_another_language("2 2")
    (False, False, False)
    """
    words = re.findall(r"[A-Za-z]{2,}", text)
    letters = sum(map(len, words))
    return bool(words) and letters > len(re.findall(r"\d", text)) and not re.search(r"@|://|www\.", text)


def verdict_by_origin(judgement: Judgement, from_document: bool) -> str:
    """The line's verdict, weighed by where its text came from.

    Text converted from a Word or PDF document (`kb add` of .docx/.doc/.pdf) has no site around it, and its
    readers already took their own page furniture (running heads, page numbers, a 目录). There a line is never
    REMOVED on the evidence of WEB_PAGE_ONLY readers: when its score without them is below CHROME_AT, a `chrome`
    verdict becomes `doubtful` — the line is kept and sent to a person (待核对) with the one-line drop_lines fix.
    Web pages and plain text keep the verdict as it is.

    联系电话：0000-1234567 (field-label, mostly-not-han, long-number …) in a Word report → doubtful, kept;
    the same line under a saved web page's text → chrome, removed.
    """
    verdict = judgement.verdict
    if not from_document or verdict != "chrome":
        return verdict
    without_web = judgement.score - sum(e.weight for e in judgement.evidence if e.reader in WEB_PAGE_ONLY and e.weight > 0)
    return "doubtful" if without_web < CHROME_AT else verdict


LISTING_FIELD = r"(?:上传者|上传人|上传|贡献者|分享者|发布者|发布人|作者|编辑|字数|浏览|阅读|下载|页数)\s*[:：]"
"""The first field a listing prints after a piece's title (上传者：某某 字数：3250, 贡献者：… 页数：5): the site's words."""
TITLE_IN_A_LISTING = re.compile(
    rf"^\s*(?:(?P<column>[{HAN}]{{2,8}})\s+)?(?P<title>\S.{{4,60}}?(?:讲话|报告|发言|致辞|讲稿|党课))(?P<fields>\s+{LISTING_FIELD}.*)$")
"""A listing's line: a column's label, a piece's whole title, then its fields (领导讲话 在全县…上的讲话 上传者：某某 字数：3250)."""
_A_POST_AT_THE_END = re.compile(r"(?:书记|长|主任|委员|常委|主席|同志)$")


def title_in_a_listing(text: str) -> tuple[str, list[str]] | None:
    """(the title, the site's words round it) of a listing's line, or None: the column label goes with the fields only
    when it is no post (县委书记 在…上的讲话 字数：… keeps its byline for the title readers).

    >>> title_in_a_listing("领导讲话 在全县组织工作会议上的讲话 上传者：某某 字数：3250")
    ('在全县组织工作会议上的讲话', ['领导讲话', '上传者：某某 字数：3250'])
    >>> title_in_a_listing("县委书记 在全县组织工作会议上的讲话 字数：3250")
    ('县委书记 在全县组织工作会议上的讲话', ['字数：3250'])
    >>> title_in_a_listing("在全县组织工作会议上的讲话"), title_in_a_listing("作者：佚名 字数：3250")
    (None, None)
    """
    m = TITLE_IN_A_LISTING.match(text)
    if not m:
        return None
    column, fields = m.group("column"), m.group("fields").strip()
    if column and _A_POST_AT_THE_END.search(column):
        return f"{column} {m.group('title')}", [fields]
    return m.group("title"), ([column] if column else []) + [fields]


def reads_like_title(line: str) -> bool:
    """Four Han characters or more, half the line or more: 全市组织部长会议召开, not 教育部代码:12616. A
    period or a month the title names counts with its words, not against them (某某（2017-10——2018-04）工作总结).

    >>> reads_like_title("某某（2017-10——2018-04）工作总结"), reads_like_title("教育部代码:12616"), reads_like_title("2024年6月14日 星期五")
    (True, False, False)
    """
    words = _DATES_IN_A_TITLE.sub("", line.strip())
    if words != line.strip():
        words = re.sub(r"[（(][）)]|[（）()]", "", words)  # the brackets the period stood in
    han = len(HAN_CHAR.findall(words))
    return han >= 4 and han >= 0.5 * len(words)


_DATES_IN_A_TITLE = re.compile(r"(?:19|20)\d{2}\s*[-./年]\s*\d{1,2}(?:\s*[-./月]\s*\d{1,2}\s*日?)?月?|(?:——|—|--|~|～|至)(?=\s*(?:19|20)\d{2})")
"""A year and month (or a full date) and the dash of a period, in a title: no furniture's digits."""
