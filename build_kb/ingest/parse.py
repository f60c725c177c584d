"""Stage 3 — parse: split a cleaned speech into header metadata and a tree of sections.

Heading styles are recognised by their numbering (一、 （一） 1. （1） 第一， 一是/一要) and by run-in series
(consecutive paragraphs that open with a short lead sentence starting alike: 要…。 强化…。). Levels come
from nesting, not from a fixed table: a style is a child of whichever higher-ranked style is open, so
a speech that starts with 第一， gets it at level 1 and one that nests （一） under 一、 gets level 2.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .clean import GAP_RULE
from .capture import CAPTURE_RULE, fallback_title
from .evidence import _ADDRESS, a_credit_line, a_name_with_widget_words, a_reports_byline, interface_label, parallel_phrases, reads_like_title, title_in_a_listing
from .gongwen import DOC_KINDS, Gongwen, into_header, read_gongwen, read_issuer_signature, read_template_prompt
from .headline import (
    HEADLINE_MIN, OWN_WEIGHT, SITE_LINE_AT, TITLE_MIN, WHOLE_WEIGHT, few_han, headline_of, headline_part, is_headline, is_label,
    is_site_name, is_the_sites, names_the_page_over_its_headline, page_items, site_shape, whole_title,
)
from .layout import DATELINE_FIRST as _DATELINE_FIRST, REPORT_OPENING as _REPORT_OPENING, SALUTATION_RE
from .words import tagger
from .plain_lines import is_table_row, is_text_under_a_heading, judge as judge_plain_lines
from ..text import CN_DIGITS, HAN, HAN_CHAR, YEAR_RE, clipped, cn_to_int, count_value, find_date, int_to_cn, year_number
from ..model import HeaderLine, Line, Paragraph, RemovedLine, ReviewItem, Section

log = logging.getLogger(__name__)

MAX_LEVEL = 3
_COUNTED_WORD = rf"个(?![月年天人次])[{HAN}]{{1,4}}?(?<![是为有])(?=[：:])"
"""第一个关键词：忠诚, 第二个字：实: an ordinal, 个 and the word it counts (one to four characters), then a colon — the
opening counted them (我给大家送上三个关键词). A time (第一个月：, a plan's) or a clause (第一个要求是：) is none."""
_CN = f"[{CN_DIGITS}]{{1,3}}"
_MEASURE = "[年月日时分秒号个名人次位项条件届期天周岁元万亿倍％%]"
"""A number before a measure word counts (3 个方面, 12 月): no heading's number."""


def counts_a_measure(name: str) -> bool:
    """Whether the words after a bare number begin with a measure word (3 个方面, 12 月, 2 万人): the number counts
    them. A word that only opens with such a character (2.2　分析方法, 1　人才工作, 3　条件保障: one word to the
    dictionary) is a head's label, not a measure.

    >>> [counts_a_measure(t) for t in ("个方面", "月", "万人参加", "名党员", "分析方法", "人才工作", "条件保障", "研究设计")]
    [True, True, True, True, False, False, False, False]
    """
    name = name.strip()
    if not name or not re.match(_MEASURE, name):
        return False
    word = next(iter(tagger().tokenizer.cut(name[:8])), name[:1])
    return len(word) == 1 or word[0] in "万亿"  # (2 万人, 3 亿元: a multiplier and its unit)

HEADING_STYLES: list[tuple[str, int, re.Pattern]] = [
    ("part", 0, re.compile(rf"^(第({_CN})部分)[，,、：:]?")),
    ("chapter", 0, re.compile(rf"^(第\s*({_CN}|\d{{1,2}})\s*章)[\s　]*(?=\S)")),  # a 规章's 第一章　总则, a book's 第1章
    ("cn-dun", 1, re.compile(rf"^(({_CN})(?:[、．]|\.(?!\d)))")),  # 一、 and, copied from the web, 一．/一.
    ("cn-paren", 2, re.compile(rf"^([（(]({_CN})[）)])[、，]?")),
    ("arabic", 3, re.compile(r"^((\d{1,2})(?:[、．]|\.(?!\d)))")),
    ("arabic-paren", 4, re.compile(r"^([（(](\d{1,2})[）)])")),
    ("circled", 4, re.compile(r"^(([\u2460-\u2473\u2776-\u2793]))[、．.]?")),  # ①–⑳, ❶–❿, ➀–➉, ➊–➓
    ("cn-ordinal", 5, re.compile(rf"^(第({_CN})[，,、：:])")),
    # 第一句话：把学习作为第一追求 under 下面，我讲三句话: an ordinal that counts what the opening announced
    ("cn-counted", 5, re.compile(rf"^(第({_CN})(?:句话|句|点|个方面|方面|个问题|个字|{_COUNTED_WORD})[，,、：:])")),
    ("cn-runin", 6, re.compile(rf"^((?:第(?={_CN}是))?({_CN})(?:是|要))")),  # 一是 and its 第三是
    # A bare number, a space and a label (一 活动背景：, 1 总体要求, a journal's 1　相关工作 and 2.1　设计原则): a heading
    # only among its family, numbered in order (`FAMILY_STYLES`); its rank sits with the numbering it resembles.
    ("cn-space", 1, re.compile(rf"^(({_CN})[ \u3000]+)(?=[{HAN}])")),
    ("arabic-space", 3, re.compile(rf"^((\d{{1,2}})[ \u3000]+)(?=[{HAN}])")),
    ("arabic-decimal-3", 3.6, re.compile(rf"^(\d{{1,2}}\.\d{{1,2}}\.(\d{{1,2}})[ \u3000]*)(?=[{HAN}])")),
    # 案例一：X / 案例二：Y, 挑战一：X …: a word and a count, the word the same along its family (`family_word`)
    # (not 第一：, 其一：, a collection's 篇一：, nor a figure's or table's caption 图一：/表一：)
    ("cn-word", 2.5, re.compile(rf"^((?![第其篇图表])[{HAN}]{{1,3}}?({_CN})[：:][ \u3000]*)(?=[{HAN}“])")),
    ("arabic-decimal", 3.3, re.compile(rf"^(\d{{1,2}}\.(\d{{1,2}})[ \u3000]*)(?=[{HAN}])")),
    # A 规章's article head on a line of its own (第一条　工作机构, 第1条 适用范围), under its 第一章: numbered on
    # through the chapters (`ARTICLE_STYLE`); an article run into its text (第一条　本办法所称…。) is no heading.
    ("article", 0.5, re.compile(rf"^(第\s*({_CN}|\d{{1,3}})\s*条[ \u3000]*)(?=[{HAN}])")),
]
ARTICLE_STYLE = "article"
"""第N条 heads: a family (a label alone on its line, the next article numbered on), counted through the chapters."""
FAMILY_STYLES = ("cn-space", "arabic-space", "cn-word", "arabic-decimal", "arabic-decimal-3", ARTICLE_STYLE)
"""Numberings that read as headings only by their family: a line of its own, a short label (no sentence in it),
and the next of its kind numbered on (№1 — or №0, a journal's 0　引言 — then №2 …). Alone, 1 总体要求 may be
a list's item or a figure's label, 3 个方面 a count."""
FAMILY_HEAD_MAX = 30
SERIES_STYLE, SERIES_RANK = "series", 7
BULLET_STYLE, BULLET_RANK = "bullet", 4
"""Headings marked by a symbol (◆ 坚持把党的政治建设摆在首位): under 一、 and 1., never above them."""
_BULLET = re.compile(r"^([◆◇●○■□★☆▲△▶►▸•◎❖✦➢➤])\s*(?=[^\s◆◇●○■□★☆▲△▶►▸•◎❖✦➢➤])")
RUN_IN_STYLES = {"cn-runin", SERIES_STYLE}
"""Styles that only count as headings when at least two of a series stand together."""

_LEAD_END = re.compile(r"[。！？!?]")
_LEAD_SOFT_END = re.compile(r"[，；：,;:]")
MAX_STANDALONE_HEADING = 80
MAX_LEAD = 60
SERIES_MAX_LEAD = 25
SERIES_MAX_ITEMS = 15

CLOSING_RE = re.compile(r"^(?:[^，,。：]{0,14}[，、,])?同志们[，,！!]")


@dataclass
class Block:
    """A body paragraph as found in the text, before headings are decided."""

    line: int
    text: str


@dataclass
class HeadingCandidate:
    style: str
    rank: int
    number: int | None
    label: str
    heading: str
    rest: str
    """Text after a run-in heading, which stays a paragraph."""


@dataclass
class ParsedHeader:
    lines: list[HeaderLine]
    title: str | None
    subtitle: str | None
    date: str | None
    year: int | None
    speaker: str | None
    speaker_role: str | None
    rules: dict[str, str] = field(default_factory=dict)
    """Field → the rule that found it."""
    warnings: list[ReviewItem] = field(default_factory=list)
    month: int | None = None
    """The month of a header line that gives the year and month only (（2023年2月）): the text's own date, as far as
    it goes; None when the line blanks it (二〇二一年×月) or a whole date is known."""


@dataclass
class ParsedSpeech:
    header: ParsedHeader
    sections: list[Section]
    structured: bool
    """False when no heading was found (the body is one section)."""
    gongwen: Gongwen | None = None
    """The parts of an official document around the text, when it is one (ingest/gongwen.py)."""
    heading_doubts: list[int] = field(default_factory=list)
    """Lines kept as paragraphs that may be headings without a number (`plain_lines.judge`'s `paragraph?`): for 待核对."""
    lead_doubts: list[int] = field(default_factory=list)
    """Lines whose paragraphs open with a lead like another's, too weakly alike to head parts (`alike_lead_runs`): for 待核对."""


# --- numbers and dates -------------------------------------------------------------------------


# --- header ------------------------------------------------------------------------------------

PLACEHOLDER_NAME = re.compile(rf"^[{HAN}]?[Xx×＊*某]{{1,4}}$|^[{HAN}]?[Xx×＊*]{{1,3}}[{HAN}]?$|^[Xx×＊*某]{{1,3}}同志$")
NAME_RE = re.compile(rf"^[{HAN}]{{2,4}}$")
ROLE_WORDS = (
    "书记|副书记|部长|副部长|主任|副主任|市长|副市长|区长|副区长|县长|副县长|州长|省长|副省长|主席|副主席|常委|委员|局长|副局长|"
    "秘书长|组长|乡长|镇长|党组书记|处长|厅长|主任委员|负责人|理事长|校长|院长|"
    # heads of the companies, banks, schools and institutes whose party committees also hold such meetings
    "董事长|总经理|副总经理|总裁|行长|社长|总编辑|馆长|所长|站长|会长|政委|检察长"
)
ROLE_NAME_RE = re.compile(rf"^(.{{1,30}}?(?:{ROLE_WORDS})(?:[（(][^（）()]{{1,12}}[）)])?)[ 　]*([{HAN}]{{2,4}}?|[Xx×＊*某]{{1,3}}|[{HAN}][Xx×＊*某]{{1,3}})(?:同志)?$")
ROLE_ONLY_RE = re.compile(rf"^[Xx×＊*]{{0,3}}(?:[{HAN}]{{0,16}}[、，,　 ]?){{0,3}}?(?:{ROLE_WORDS})$")
"""A role alone, its place perhaps blanked out as a template leaves it: 县委副书记, X县委书记."""
NOT_A_NAME = re.compile(
    "讲话|会议|工作|建设|报告|发言|材料|同志|领导|组织|党|之一|提供|保障|要求|意见|全面|坚持|推进|加强|主任$|篇|稿|范文|全文|原文"
    "|删节|节选|摘编|摘要|导读|导语|简介|提示|目录|下载|阅读|预览|来源|收藏|要闻|新闻|动态|头条|快讯|资讯|关注"
    "|汇报|申请|倡议书|总结|心得|体会|述职|计划|方案|通知|通报|请示|批复|纪要|公告|通告"  # a kind of text (思想汇报, 倡议书) names no one
    "|决心书|承诺书|保证书|检讨书|建议书|感谢信|推荐信|自荐信|慰问信|公开信|贺信|邀请函"  # (转正申请, 决心书: a letter's kind)
)
ISSUING_ACT = re.compile(r"^(?:发布|印发|颁布|公布|实施)$")
"""What issuers do, set on a line of its own in an issuing block (a standard's cover: `某某总局` /
`发　布` / `某某委员会`, GB/T 1.1): an act, never a name, spaced out or not."""
SUBTITLE_RE = re.compile(r"^(?:——|──|--|－－|—|－)\s*(.+)$")
_DECK_ENDS_IN_A_DASH = re.compile(rf"[{HAN}”）)][—－―]{{1,2}}$")
"""A line under the headline that ends in a dash (…，公开晾晒“得失短丑”—) over a byline or a writer's credit: a deck
pointing at it, never the headline's own words going on (a title's second line ending in a dash over its
——subtitle is the title's)."""
_REPORTER_CREDIT = re.compile(rf"^[（(]?(?:特约|见习|本报|本网|本台|融媒体)?(?:记者|通讯员|撰稿人?|作者)[:：/]?(?:[{HAN}]{{2,4}}[、，,]?){{1,4}}[）)]?$")
"""特约通讯员 某某, 记者某某 某某某 (spaces gone): a report's writers under its headline, no title line and no speaker."""
_DECK_ACT = r"(?:作出批示|出席并讲话|出席会议并讲话|主持并讲话|主持会议并讲话|出席|主持|强调|指出|参加)"
_NEWS_DECK = re.compile(rf"^(?:(?!在)[{HAN}、·]{{2,16}}?{_DECK_ACT})+$")
"""The line a news page puts under its headline, one or more people and what they did: "王建国作出批示",
"李红出席并讲话", "王某主持并讲话李某张某某出席"."""
KICKER_RE = re.compile(rf"材料之[{CN_DIGITS}]+|^附件\s*\d*$|^(学习|会议)材料|(讲话|会议|学习|交流|发言)材料$")
MEETING_WORDS = (
    "电视电话会议|视频会议|会议|大会|全会|座谈会|推进会|动员会|部署会|务虚会|报告会|培训班|研讨班|读书班|轮训班|现场会|表彰会|"
    "交流会|调度会|观摩会|述职会|评议会|汇报会|见面会|恳谈会|推介会|分析会|点评会|讲评会|论坛|年会|例会|常委会|扩大会|联席会|"
    "示范班|研修班|进修班|专题班|提高班|骨干班|集训班|短训班|训练班|实训班|学习班|主体班|"
    "团拜会|茶话会|招待会|联欢会|恳谈会|通报会|交接会|集体学习|专题学习|专题会|工作会|培训会|学习会|研讨会|总结会|誓师会|启动会|分享会|开班式|结业式|开幕式|闭幕式|启动仪式|仪式|典礼|党课|"
    "民主生活会|组织生活会|生活会|全委会|党组会|部务会|办公会|碰头会|会商会|谈话会"
)
MEETING_KIND = rf"(?:{MEETING_WORDS}|(?<=[{HAN}]{{2}})(?<![社机协学工商体领员都])会|(?<=[{HAN}])[（(][{HAN}]{{2,4}}[）)]会(?:议)?)"
"""Where a meeting's name ends: a kind of meeting the list knows, or any two characters and 会 (视频会,
谈心会, 恳谈会) where the words around say a meeting is named (召开…, 在…上的讲话) — not 社会, 协会, 委员会, 体会 —
or its kind in brackets before 会 (党组（扩大）会, 理论学习中心组学习（扩大）会, 常委（扩大）会议): the 会 is the name's last word."""
OCCASION_IN_RE = re.compile(r"在(.{2,50}?)(?:上|中|时|期间)?的?(?:讲话|报告|工作报告|总结讲话|讲话提纲|讲话稿|讲稿|发言|致辞|主持词|动员讲话|辅导报告|党课|讲评|强调|点评讲话|点评|(?<=上)(?:要求|指出))(?!精神)")
"""…在…上的讲话, and a news headline's 某某在…会上强调 / 会上要求 / 会上指出 — not a speech whose spirit the meeting studies
(在…大会上的讲话精神学习座谈会上的讲话: the meeting is the 座谈会)."""
OCCASION_IN_LONGEST_RE = re.compile(OCCASION_IN_RE.pattern.replace("{2,50}?", "{2,50}"))
"""The same, up to the last speech word: the occasion of 在…专题党课上的讲稿 is 专题党课, which the first
reading stops at."""
OCCASION_NAMED_RE = re.compile(rf"^(.{{2,46}}?(?:{MEETING_KIND}))(?:上|结束时|开幕时|闭幕时)?的?(?:总结|动员|主持)?(?:讲话|发言|致辞|报告|主持词|讲话稿|讲话提纲)(?!(?:材料|稿|提纲)?的)")
"""…会议讲话, 全县组织工作会议发言材料 — not a title about such a speech (座谈会发言材料的写作: its subject is the writing)."""
_ESSAY_TITLE = re.compile(r"^(?:浅谈|浅析|试论|略论|刍议|漫谈|谈谈|也谈|再谈|论)(?![坛文])")
"""An essay's title (浅谈座谈会发言材料的写作, 试论…): it writes about meetings, it names none it was given at."""
OPENING_OCCASION_RE = re.compile(
    rf"(?:(?:召开|举办|举行)(?:的(?:这次|本次|这期|本期|此次|这个)|了?(?:这次|今天的|本次|这个|此次)?)|(?:今天|今日)(?:上午|下午)?(?:召开|举办|举行)的)((?:[^，。；、：]{{2,40}}?暨[^。；：]{{2,60}}?|[^，。；：]{{2,40}}?)(?:{MEETING_KIND})(?:会议|议)?)"
)
"""…召开全县组织工作会议 (工作会 and 议), …召开全县庆祝建党91周年暨优秀共产党员，优秀党务工作者表彰大会
(after 暨, a joint meeting's name may list the honoured with commas); 由县委党校举办的这期社区工作者培训班 (held by
someone, and pointed at as this one: 召开的 alone may be an earlier meeting's — but 今天召开的全县组织工作会 is today's)."""
_HELD = r"(?:经过[^，。；：]{0,8}?(?:准备|筹备)[，,])?(?:于[^，。；：]{1,16}?)?(?:(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上)?)?(?:以[^，。；：]{1,12}?形式)?(?:在[^，。；：]{1,12})?(?:今天|今日|昨天|今天上午|今天下午)?(?:胜利|隆重|正式|如期|顺利)?(?:召开|举行|举办|开幕|闭幕|开班|结业)了?"
"""…召开, and when, how and where first: 于12月12日至13日在北京举行, 11月19日在南昌召开, 以电视电话会议形式在京召开,
在县委礼堂召开; an opening address's 经过充分准备，今天胜利开幕了."""
_JOINED_EVENT = r"(?:暨[^，。；：]{2,30}?(?:活动|仪式|典礼))?"
"""A meeting joined to an event (…联席会议暨“某某”党建品牌发布活动): the event is part of its name."""
OCCASION_HELD_RE = re.compile(rf"^((?:[^，。；、：]{{2,46}}?)(?:{MEETING_KIND})(?:会议|议)?{_JOINED_EVENT}){_HELD}(?:$|[：:，,！!])")
"""A news headline: "全市组织部长会议召开", "全县基层党建工作推进会在某镇举行"."""
OPENING_HELD_RE = re.compile(rf"(?:^|[，。；：！])((?:[^，。；：]{{2,64}}?)(?:{MEETING_KIND})(?:会议|议)?{_JOINED_EVENT}){_HELD}[。，]")
"""A news report's first sentence ("2月28日下午，全市组织部长会议召开。", a name that lists its parts with 、:
"…第四十四期、四十五期党支部书记培训班如期举办。"), or an opening address's ("……代表大会今天胜利开幕了。")."""
OPENING_COURSE_RE = re.compile(r"(?:^|[，。；：！])([^，。；：]{4,64}?(?:第[一二三四五六七八九十百\d]{1,4}期|培训|轮训|研修|进修))(?:[在于][^，。；：]{1,12})?(?:正式|顺利|隆重)?(?:开班|开学|开讲|结业)[。，]")
"""A course named by its issue or by its kind alone, opened or closed (…“乡村振兴大学堂”第四期在某地开班。, …基层党支部书记培训
于某会议室正式开班。): the course is the meeting, whatever it calls itself (a 培训班 is found by OPENING_HELD_RE)."""
OPENING_AT_RE = re.compile(rf"^(?:[^，。；：,]{{0,16}}[，,])?([^，。；：,]{{2,40}}?(?:{MEETING_KIND}))上[，,][^。！？]{{0,80}}?(?:讲话|致辞|报告|动员)")
"""A report that opens at the event (开班仪式上，省局副局长某某作了动员讲话。): the event named before 上 is the occasion
when nothing names it otherwise — 在这次会议上 refers back, 会上 names nothing."""
_COURSE_HOLDER = re.compile(r"^[^，。；：]*(?:党校|学院|学校|大学|党委|党工委|组织部|委员会)(?:联合|共同)?(?:举办的?|主办的?)?(?=[^，。；：]{6})")
"""Who runs a course, before its name (某学院、某学院联合分党校|2022年秋季学期…培训): not the course's name."""
OPENING_BODY_MEETS_RE = re.compile(
    rf"(?:^|[，。；：！])((?:[^，。；、：]{{0,24}}?)(?:领导小组|工作组|专项组|委员会|常委会|党组|党委|党工委|工委))"
    rf"(?:在[^，。；：]{{1,12}})?(?:召开|举行)了?((?:第[一二三四五六七八九十]+次)?(?:全体|扩大)?会议)[。，]"
)
"""A body meeting as a whole, its meeting named by the body alone: 4月6日，市委党建工作领导小组召开会议，… → 市委党建工作
领导小组会议 (…召开第一次全体会议 → …第一次全体会议)."""
REFERS_BACK = re.compile(r"^(?:此次|这次|本次|这个|该|上述|今天的|今天|今年的|有关|相关|前期|各类|各种|一次|一个|本(?!学期|学年|年度|季度)|此|这)|一次重要|的一次|重要会议$|^(?:会议|大会|全会|会)$")
_MEETING_END = re.compile(rf"(?:{MEETING_KIND})|(?<=[{HAN}])[（(][{HAN}]{{2,4}}[）)]会")
"""…会议, and a meeting whose name carries its kind in brackets: 部务（扩大）会, 常委（扩大）会议."""
LEVEL_RE = re.compile(r"全(省|市|州|区|县|旗|乡|镇)")
LEVEL_SELF_RE = re.compile(r"[我本](省|市|州|区|县|旗|乡|镇|街道)")
"""我县, 本市: the place a text speaks from — its level, whoever came to it (市委组织部调研组来我县调研 → 县)."""
LEVEL_ORGAN_RE = re.compile(r"(省|市|州|县|区|旗|乡|镇|街道)(?:委|政府|人大|政协|纪委|党委|党工委|委员会|直机关|第[一二三四五六七八九十\d×XxＸ]+[次届])")
LEVEL_OF_ROLE_RE = re.compile(r"(?:^[该Xx×＊*某]{0,4}|、)(省|市|州|县|区|旗|乡|镇|街道)(?:委|长|政府|人大|政协|纪委|党委|党工委)")
"""县委副书记, XX县委书记, and a report's 该镇党委书记 (该X: the place the report is about)."""
_OPENS_A_COMMON_WORD = r"(?![场域民情城土贤风亲愁容值位块别间]|(?<=乡)村)"
"""A level's character that opens a common word, no unit: 县城, 县域, 市场, 市民, 乡村, 区域, 县情, 乡土, 市容, 区位 (镇村干部
are a town's and its villages' cadres: the town's)."""
LEVEL_LEADING_RE = re.compile(
    rf"^[Xx×＊*某]{{0,4}}(?:\d{{4}}年度?)?(省|市|州|县|区|旗|乡|镇|街道)(?![长委]){_OPENS_A_COMMON_WORD}(?![省市州县区旗乡镇])"
    r"(?!(?:(?![省市州县区旗乡镇街])[\u4e00-\u9fff]){1,3}(?:省|市|县|区|旗)(?![场域村镇民级属长内外里情]))"
)
"""A name that opens with its level, or whose place a template blanks out: 县直机关…, XX县2023年… (乡镇基层…, two levels
at once, is a kind of unit, no level); not a place whose
name only starts with a level's character (镇江市, 镇原县, 市中区): its level is the organ word at the END of the
name (LEVEL_PLACE_RE reads it)."""
_PLACE_STEP = (
    r"[\u4e00-\u9fff]{1,4}(?<!城|都|超|门|夜|股|上|社|园|景|街|小|校|片|辖|山|牧|库|矿|老|灾|湾|地|乡|村|集|重|古|名|下|家|故|返|回|异|他|红|国|党)"
    r"(省|市|县|区|旗|镇|乡|街道)(?![场域村镇民级属长内外里情]|城(?!关))"
)
LEVEL_PLACE_RE = re.compile(rf"^(?:中国共产党)?(?:{_PLACE_STEP.replace('(省', '(?:省')})*?{_PLACE_STEP}(?!{_PLACE_STEP.replace('(省', '(?:省')})")
"""A name that opens with a place and its level: 涪陵区组织工作会议, 南岭县2023年…; not a word that ends like
one (城市, 上市, 社区, 园区, 城镇, 下乡, 红旗) nor one the level starts (市场, 县域, 区域). 州 is left out:
郑州, 广州 name cities. A chain of places names the unit by its last (郑州市北林路街道…推进会 → 街道: the city only
says where the street's office is)."""
NOT_A_UNIT = re.compile(r"(?<=[城都超门夜股上])市|(?<=[城社园景街小校片辖山牧库矿老灾湾营厂院商战])区|(?<=[城集])镇|(?<=[城下家故返回异他老])乡")
"""A level's character that ends a common word, no unit of government: 校区, 社区, 园区, 城区, 超市, 城镇, 城乡, 下乡. Read
against the whole word (the longest match), 都江堰校区党委 is a campus's committee, never a district's."""


def without_non_units(text: str) -> str:
    """`text` with the level characters that end a common word (校区, 社区, 超市, 城乡) blanked out (·), so no level
    reader takes them for a unit of government.

    >>> without_non_units("都江堰校区党委书记主持，社区党委、城乡居民")
    '都江堰校·党委书记主持，社·党委、城·居民'
    """
    return NOT_A_UNIT.sub("·", text)
DATE_PLACEHOLDER_RE = re.compile(
    r"^[（(]?\s*(?:今|本|去|明)?(?:[\dXx×＊*〇○零一二三四五六七八九　 ]{0,4}|20[Xx×＊*]{2})\s*年\s*[\dXx×＊*一二三四五六七八九十　 ]{0,2}\s*月"
    r"\s*(?:[\dXx×＊*一二三四五六七八九十　 ]{0,3}\s*日|[Xx×＊*]{1,2})\s*[）)]?$"
)
"""A date a template leaves blank: （    年  月  日）, 20XX年4月XX (the day's 日 blanked too)."""
_BROKEN_DATE_LINE = re.compile(r"^[（(]?(?:19|20)\d{2}[\d年月]{1,5}日[）)]?$")
"""A date line a page garbled, its 年 and 月 lost (2019612日) for （2019年6月12日）): no day can be read from it,
and it is no word of the title above it."""
_LABEL_ALONE = re.compile(rf"^[{HAN}]{{1,6}}[:：]$")
"""A label with nothing after it (今天是：, 关键词：) beside another title line: the page's, not the title's (alone it
may be a note's heading, 本周任务：, the only title there is)."""
NUMERIC_DATE_PLACEHOLDER_RE = re.compile(r"^[（(]?(?=.*[Xx×＊*])(?:19|20)[\dXx×＊*]{2}[/.\-][\dXx×＊*]{1,2}[/.\-][\dXx×＊*]{1,2}[）)]?$")
_BRACKETED_DATE_AT_END = re.compile(r"[（(]([^（）()]{6,20})[）)]$")
_BRACKETED_YEAR_AT_END = re.compile(r"\s*[（(【\[]\s*((?:19|20)\d{2})\s*年?(?:度|版)?\s*[）)】\]]$")
_WEEKDAY = re.compile(r"(?:星期|礼拜|周)[一二三四五六日天]")
_LUNAR_DATE = re.compile(r"农历(?:[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年)?闰?[正一二三四五六七八九十冬腊]{1,2}月[初十廿卅一二三四五六七八九十]{1,3}")
"""A page's date bar gives the lunar date beside the day: 2024年5月7日 星期二 农历四月廿九."""
_DATE_LABEL = re.compile(rf"^[{HAN}]{{0,6}}(?:时间|日期)(?:[:：]|(?=(?:19|20)\d{{2}}))")
"""A date's label: 时间：, 会议时间：, a draft's 本稿完成日期： or 成稿日期：, and a form's 日期 set apart from its
value by spaces only (日期　　2017/12/27: the line is read without its white space)."""
_YEAR_MONTH_LINE = re.compile(
    r"^[（(]?(?:(?:会议|讲话)?(?:时间|日期)[:：])?((?:19|20)\d{2}|[〇○零Ｏ一二三四五六七八九]{4})年"
    r"([1-9]|1[0-2]|[一二三四五六七八九十]{1,2}|[Xx×＊*]{1,2})月份?(?:[Xx×＊*]{1,2}日)?[）)]?$"
)
"""A line that gives the year and month only, or blanks the rest: （2019年7月）, 二〇二一年×月."""
YEAR_AND_MONTH_RULE = "header year and month (no day)"


def month_number(text: str) -> int | None:
    """The month a year-and-month line gives, or None where it blanks it.

    >>> month_number("7"), month_number("十二"), month_number("×"), month_number("13")
    (7, 12, None, None)
    """
    number = int(text) if text.isdigit() else cn_to_int(text)
    return number if number and 1 <= number <= 12 else None


_LABELLED_DAY = re.compile(rf"^([{HAN}]{{1,6}})[:：](.+)$")
"""A short label of the page's own over a day and nothing else: "今天是：2024年5月7日 星期二", "更新于：2024-05-07".
The label is not a date's (时间, 日期 — those are date lines), so the day is the page's, not the meeting's: the line
is a note, never part of the title and never the date."""
_MEETING_DETAIL = re.compile(r"^(?:会议)?(?:地点|主持人?|参会人员|出席人员|出席领导|记录人?)[:：]")
"""A formal record's lines about the meeting, not the speech's title: "地点：市委党校"."""
_CRUMB_LEFT = re.compile(r"^[>›»][^>›»]{0,10}$")
"""The end of a page's breadcrumbs on a line of its own: "> 正文"."""
_WHOLLY_BRACKETED = re.compile(r"^[（(]([^（）()]{2,40})[）)]$")
_SPEAKER_LABEL = re.compile(r"^(?:讲话人|主讲人|报告人|发言人|致辞人|讲话领导)\s*[:：]\s*")
_NAME_THEN_ROLE = re.compile(rf"^([{HAN}]{{2,4}})(?:同志)?[（(]([^（）()]{{2,30}})[）)]$")
"""A byline that puts the role in brackets after the name: "张立新（市委常委、组织部部长）"."""
TITLE_MAX = 40
"""A title longer than this (or holding a sentence) is suspect: the header probably kept something else."""
_QUOTED_TITLE = re.compile(r"《([^《》]{6,60})》")
_ACTS_ON_A_NAMED = re.compile(rf"关于.{{0,20}}《[^《》]+》.{{0,12}}?{DOC_KINDS}")


def read_document_title(title: str) -> bool:
    """A 公文's title that acts on a document it names in 《》 (印发, 转发, 同意, 批复): the title is the whole line, the
    《》 only what it acts on.

    >>> read_document_title("某某县人民政府办公室关于印发《某某工作实施方案》的通知"), read_document_title("《在全县组织工作会议上的讲话》学习体会")
    (True, False)
    >>> read_document_title("关于转发《某某办法》的通知 各乡镇党委：")  # the 主送 run onto it: still the 公文's title
    True
    """
    return bool(_ACTS_ON_A_NAMED.search(re.sub(r"\s+", "", title)))


_SPEECH_KIND_END = re.compile(r"(?:讲话|报告|发言|致辞|讲稿|讲话稿|党课|主持词|讲话提纲)$")
"""A title ends like this when it names a speech."""


def parse_header(lines: list[Line], lead: str = "", elsewhere: set[str] = frozenset(), doubted: set[int] = frozenset(),
                 furniture: set[int] = frozenset(), page: tuple[str, ...] = ()) -> ParsedHeader:
    """Type every line above the salutation: title, subtitle, byline, date, or a repeat.

    `lead` is the text's first words and `elsewhere` the items of the page's other lines (the removed
    breadcrumbs): what tells a headline from a column's label beside it (ingest/headline.py); `doubted` the
    lines the cleaner kept on doubt and `furniture` the lines it removed — evidence in the choice of the title
    among stacked lines (`_choose_among_two_title_lines`); `page` the texts of the page's other lines (the removed
    ones), where a title wrapped in the header may be given whole (`wrapped_title_rest`).
    Each field records the rule that found it (`rules`), and doubtful results become `warnings`.
    """
    header: list[HeaderLine] = []
    date = year = speaker = role = None
    rules: dict[str, str] = {}
    warnings: list[ReviewItem] = []
    date_placeholder = False
    month_and_day: tuple[int, int] | None = None
    header_month: int | None = None
    seen_titles: dict[str, HeaderLine] = {}
    wrapped: set[str] = set()
    tails: dict[int, int] = {}  # the end of a wrapped title (its line) → the title line it ends
    for at, line in enumerate(lines):
        text = line.text
        compact = re.sub(r"\s+", "", text)
        if header and header[-1].role == "title" and wrapped_title_rest(
                header[-1].text, text, [other.text for other in lines if other.number not in (line.number, header[-1].line)] + list(page)):
            # 局面 under …开创党的组织建设新, the page giving …新局面 whole elsewhere: the title's end, wrapped — no byline
            wrapped.add(_letters(header[-1].text + text))
            tails[line.number] = header[-1].line
            header.append(HeaderLine(line.number, line.text, "title"))
            continue
        if _A_NUMBER_ALONE.fullmatch(compact):
            # 一 (篇一, （二）, 3) alone on its line over the salutation: a collection's number for its piece, or a page's
            # counter — never a word of the title it would be joined to
            header.append(HeaderLine(line.number, line.text, "note"))
            continue
        found = _date_line(compact)
        if found and _POSTING_STAMP.match(compact) and {line.number - 1, line.number + 1} & (furniture | doubted):
            # 2024-04-06 between a site's widgets (VIP专免, 18.44KB, 4 页 — lines the cleaner took off or doubted): the day the
            # page was posted or uploaded, no day of the text's (the pipeline reads it as the posting date)
            header.append(HeaderLine(line.number, line.text, "note"))
            continue
        if found:
            if date is None:
                date, year, rules["date"] = found[0], int(found[0][:4]), "header date line"
            header.append(HeaderLine(line.number, line.text, "date"))
            continue
        month_day = _MONTH_DAY_LINE.match(compact)
        if month_day:  # "（3月8日）": the year, if anywhere, is in the title
            month_and_day = month_and_day or (int(month_day.group(1)), int(month_day.group(2)))
            header.append(HeaderLine(line.number, line.text, "date"))
            continue
        month = _YEAR_MONTH_LINE.match(compact)
        if month and year_number(month.group(1)):
            if year is None:
                year, rules["date"] = year_number(month.group(1)), YEAR_AND_MONTH_RULE
                header_month = month_number(month.group(2))
            header.append(HeaderLine(line.number, line.text, "date"))
            continue
        labelled_day = _LABELLED_DAY.match(compact)
        if labelled_day and _date_line(labelled_day.group(2)):
            header.append(HeaderLine(line.number, line.text, "note"))
            continue
        if _MEETING_DETAIL.match(compact) or _CRUMB_LEFT.match(compact) or _BROKEN_DATE_LINE.match(compact):
            header.append(HeaderLine(line.number, line.text, "note"))
            continue
        bracketed = _WHOLLY_BRACKETED.match(compact)
        if bracketed and _SPEAKER_LABEL.match(bracketed.group(1)):  # "（讲话人：市委副书记 刘军）"
            text = compact = bracketed.group(1)
            bracketed = None
        if bracketed and _SPEECH_KIND_END.search(bracketed.group(1)) and any(h.role == "title" for h in header):
            # "（在2022年全区组织工作会议上的讲话提纲）" under the title says what the text is
            header.append(HeaderLine(line.number, line.text, "subtitle"))
            continue
        if bracketed and not read_byline(bracketed.group(1)) and not _SPEECH_KIND_END.search(bracketed.group(1)):
            # "（2023年2月10日，根据录音整理）", "（根据录音整理，未经本人审阅）": the editor's note on the text
            dated = find_date(bracketed.group(1))
            if dated and date is None:
                date, year, rules["date"] = dated[0], int(dated[0][:4]), "header date line"
            header.append(HeaderLine(line.number, line.text, "date" if dated else "note"))
            continue
        labelled = _SPEAKER_LABEL.match(text.strip())
        if labelled:  # "讲话人：市委副书记 周志强": the byline without its label
            text = text.strip()[labelled.end():]
            compact = re.sub(r"\s+", "", text)
        name_then_role = _NAME_THEN_ROLE.match(compact)
        if name_then_role and ROLE_ONLY_RE.match(name_then_role.group(2)) and not NOT_A_NAME.search(name_then_role.group(1)):
            speaker, rules["speaker"] = name_then_role.group(1), "byline name and role in brackets"
            role, rules["speaker_role"] = name_then_role.group(2), "byline name and role in brackets"
            header.append(HeaderLine(line.number, line.text, "speaker"))
            continue
        if (DATE_PLACEHOLDER_RE.match(compact) or NUMERIC_DATE_PLACEHOLDER_RE.match(compact)) and not found:
            date_placeholder = True
            header.append(HeaderLine(line.number, line.text, "date"))
            continue
        if _REPORTER_CREDIT.match(compact) and any(h.role == "title" for h in header):
            header.append(HeaderLine(line.number, line.text, "note"))  # 特约通讯员 某某: the report's writer, no title words
            continue
        below = re.sub(r"\s+", "", lines[at + 1].text) if at + 1 < len(lines) else ""
        if _DECK_ENDS_IN_A_DASH.search(compact) and any(h.role == "title" for h in header) and (_REPORTER_CREDIT.match(below) or read_byline(below)):
            header.append(HeaderLine(line.number, line.text, "subtitle"))  # …，公开晾晒“得失短丑”— : a deck over its byline
            continue
        sub = SUBTITLE_RE.match(text)
        dashed = read_byline(sub.group(1)) if sub else None
        if dashed and (dashed[0] or len(re.sub(r"\s+", "", sub.group(1))) <= 3):
            # "——县委书记 李强", "——李强": a byline set off by a dash ("——致敬英雄" stays a subtitle)
            text, compact, sub = sub.group(1), re.sub(r"\s+", "", sub.group(1)), None
        if sub or KICKER_RE.search(text) or (_NEWS_DECK.match(compact) and any(h.role == "title" for h in header)):
            header.append(HeaderLine(line.number, line.text, "subtitle"))
            continue
        dated = _BRACKETED_DATE_AT_END.search(compact)
        dated_on = find_date(dated.group(1)) if dated else None
        byline = read_byline(text)
        if byline is None and dated_on and dated.start():
            # The byline and the date on one line: "县委书记 张明（2023年2月1日）".
            byline = read_byline(compact[: dated.start()])
            if byline and date is None:
                date, year, rules["date"] = dated_on[0], int(dated_on[0][:4]), "header date line"
        if byline and not byline[0] and not any(h.role == "title" for h in header):
            # A bare two- or three-character word above the title is no byline (a name stands under the
            # title it signs): a page's 其他, 推荐, a column's name.
            header.append(HeaderLine(line.number, line.text, "note"))
            continue
        if byline:
            # The first byline with a name is the speaker's; a later bracketed word (（有删节）) or
            # an editor's credit does not replace it.
            line_role, name, blanked = byline
            if line_role and (speaker is None or role is None):
                role, rules["speaker_role"] = line_role, ("byline role" if name or blanked else "byline role without a name")
            if name and speaker is None:
                speaker, rules["speaker"] = name, ("byline role and name" if line_role else "byline name")
            elif blanked and line_role:
                rules["speaker"] = "placeholder name (unknown)"
            elif blanked:
                rules.setdefault("speaker", "placeholder name (unknown)")
            header.append(HeaderLine(line.number, line.text, "speaker"))
            continue
        # A title line may end with its date in brackets: …的讲话（2016年9月21日）. The date is the
        # speech's; _title_text leaves it out of the title.
        after_title = dated_on if dated and len(compact) - len(dated.group(0)) >= 4 else None
        if after_title and date is None:
            date, year, rules["date"] = after_title[0], int(after_title[0][:4]), "date after the title"
        month_after = _YEAR_AND_MONTH.fullmatch(dated.group(1)) if dated and not after_title and dated.start() >= 4 else None
        if month_after and year is None:  # …的讲话（2024年3月）: the year is the speech's, the day unknown
            year, rules["date"] = int(month_after.group()[:4]), "year after the title"
        # …and perhaps its byline with the date: …的讲话（县委书记 张明 2023年2月1日）
        bracket_byline = read_byline(dated.group(1).replace(after_title[1].group(0), "")) if after_title else None
        if bracket_byline and bracket_byline[0]:
            role, rules["speaker_role"] = bracket_byline[0], "byline in the title line"
            if bracket_byline[1]:
                speaker, rules["speaker"] = bracket_byline[1], "byline in the title line"
        if _FIELD_WITH_A_CODE.match(compact) or (any(h.role == "title" for h in header) and in_a_run_of_fields([l.text for l in lines], at)):
            header.append(HeaderLine(line.number, line.text, "note"))  # 课程代码：12656 under a title: a record's field, no title's words
            continue
        # A page gives the title again as the speech has it: …开幕式上讲话 above, …开幕式上的讲话 below.
        key = _title_key(text)
        seen = seen_titles.get(key)
        if seen:
            repeat = HeaderLine(line.number, line.text, "repeat")
            if len(_compact_title(text)) > len(_compact_title(seen.text)):
                seen.role, repeat.role = "repeat", "title"
                seen_titles[key] = repeat
            header.append(repeat)
            continue
        seen_titles[key] = HeaderLine(line.number, line.text, "title")
        header.append(seen_titles[key])

    # On a collection page the lines above the first piece's number name the collection, not the speech.
    piece = next((k for k, h in enumerate(header) if h.role in ("title", "repeat") and _numbers_a_piece(h.text)), None)
    if piece is not None and any(h.role == "title" for h in header[piece:]):
        for h in header[:piece]:
            if h.role == "title":
                h.role = "note"

    # A title line that ends with another title line is that title with something glued in front
    # (a byline, a site's label): the shorter one is the title.
    titles = [h for h in header if h.role == "title"]
    for longer in titles:
        text = _compact_title(longer.text)
        for shorter in titles:
            other = _compact_title(shorter.text)
            if shorter is not longer and shorter.role == "title" and len(other) >= 8 and text != other and text.endswith(other):
                longer.role = "repeat"
                prefix = text[: -len(other)]
                if role is None and ROLE_ONLY_RE.match(prefix):
                    role, rules["speaker_role"] = prefix, "byline role glued to the title"
                year_before = re.fullmatch(r"((?:19|20)\d{2})年度?", prefix)  # 2022年度专题党课：… over 专题党课：…
                if year is None and year_before:
                    year, rules["date"] = int(year_before.group(1)), "year in the title"
                break

    # Title, a bare machine date (2024-07-30), the title again: a site's page posting stamp, not the
    # speech's date (a speech dates itself 2021年6月18日). The title may come again as the subtitle
    # of the speech's own title ("专题党课", 2020-09-21, "增强组织意识 做好换届工作", "——专题党课"): the
    # first line is then the page's name for the speech, not a part of its title.
    for k, h in enumerate(header):
        if h.role != "date" or not _POSTING_STAMP.match(re.sub(r"\s+", "", h.text)) or not 0 < k < len(header) - 1 \
                or header[k - 1].role not in ("title", "repeat", "note"):
            continue
        again = header[k + 1].role in ("title", "repeat", "note") and _same_title(header[k - 1].text, header[k + 1].text)
        as_subtitle = k + 2 < len(header) and header[k + 1].role == "title" and header[k + 2].role == "subtitle" \
            and _same_title(header[k - 1].text, SUBTITLE_RE.sub(r"\1", header[k + 2].text.strip()))
        if as_subtitle:
            header[k - 1].role = "repeat"
        if again or as_subtitle:
            h.role = "note"
            if rules.get("date") == "header date line" and date == find_date(re.sub(r"\s+", "", h.text))[0]:
                date = year = None
                del rules["date"]
                for other in header:  # the speech's own date line, when it has one too
                    found = _date_line(other.text) if other.role == "date" else None
                    if found:
                        date, year, rules["date"] = found[0], int(found[0][:4]), "header date line"
                        break

    # Under a title that is whole (…的点评讲话), a line saying what state the text is in (素材稿) is a
    # label on the text, not a word of its title: the cleaner's evidence sends it to 待核对 as well.
    # Under a whole title, another whole title (全区组织部长座谈会讲话 / 在全区组织部长座谈会上的讲话, a page's
    # name for the text over the text's own) is the same title again: the one nearer the text stands.
    titled, titled_lines = "", []
    for h in header:
        if h.role != "title":
            continue
        if titled and _SPEECH_KIND_END.search(titled) and DRAFT_LABEL.fullmatch(re.sub(r"\s+", "", h.text)):
            h.role = "note"
            continue
        if titled and _SPEECH_KIND_END.search(titled) and len(h.text.strip()) >= 8 and _SPEECH_KIND_END.search(_title_text(h.text)):
            for earlier in titled_lines:
                earlier.role = "repeat"
            titled, titled_lines = "", []
        titled += h.text.strip()
        titled_lines.append(h)
    _drop_a_line_naming_the_title_in_brackets(header)
    _drop_site_lines_among_title_lines(header)
    _drop_the_sites_words_beside_the_headline(header, lead, elsewhere)
    _drop_a_title_given_again_with_additions(header)
    _drop_a_pages_name_over_a_titled_speech(header)
    _drop_the_collections_name(header)
    _end_the_title_at_a_line_that_introduces(header)
    _a_deck_under_a_headline_in_phrases(header)
    _a_column_label_over_the_title(header)
    # the end of a wrapped title is no line of its own to choose, nor a byline: it goes with the line it ends
    ends = [h for h in header if h.line in tails]
    for h in ends:
        h.role = "wrapped"
    warnings += _choose_among_two_title_lines(header, lead, doubted, furniture)
    if _OPENS_A_REPORT.match(lead):
        # a report's byline on top (某某日报记者 王某某, 某某新闻网 2025年03月25日): the newsroom's, no title
        for h in header:
            if h.role == "title" and a_reports_byline(h.text):
                h.role = "note"
    titles = [h for h in header if h.role == "title"]
    for h in titles:
        compact = re.sub(r"\s+", "", h.text)
        addressed = h is titles[-1] and _ADDRESSES_SOMEONE.search(compact) and len(compact) <= SALUTATION_MAX
        if len(titles) > 1 and (_LABEL_ALONE.match(compact) or addressed):
            # 今天是：, and right over the text 全体干部职工： — a label, an address: the other title line is the title
            # (a kicker over the title, 学校七一党课：, stays the title's)
            h.role = "note"
    kept = {h.line for h in header if h.role == "title"}
    for h in ends:
        h.role = "title" if tails[h.line] in kept else "note"
    title_lines = [_title_text(h.text) for h in header if h.role == "title"]
    # Lines that read as sentences (chrome, a lead-in) are not the title when a real one is there; without one, a
    # headline that only exclaims (某乡人代会胜利召开！, 奋进新征程！全县…召开) is no sentence (a catchy line over a
    # plain headline still gives way to it).
    plain = [t for t in title_lines if not re.search(r"[。！？!?]", t)] or [t for t in title_lines if an_exclaimed_headline(t)]
    # A long sentence is never a title (a site's lead-in, an editor's note): without a real title
    # line the title is derived from the content instead.
    if not plain and title_lines and all(len(t) > TITLE_MAX and re.search(r"[。！？!?]", t) for t in title_lines):
        for h in header:
            if h.role == "title":
                h.role = "note"
        title_lines = []
    elif plain and len(plain) < len(title_lines):
        for h in header:
            if h.role == "title" and re.search(r"[。！？!?]", _title_text(h.text)):
                h.role = "note"
        title_lines = plain
    slogan, inline_subtitle = _slogan_and_its_occasion(title_lines)
    title = _joined_title(slogan or title_lines, wrapped)
    if title:
        title = headline_of(title, lead, elsewhere)
        rules["title"] = "header lines" if len(title_lines) > 1 else "header line"
        dated_title = _DATE_BEFORE_TITLE.match(title)
        found_before = find_date(dated_title.group(1)) if dated_title else None
        if found_before:
            title = title[dated_title.end():]
            if date is None:
                date, year, rules["date"] = found_before[0], int(found_before[0][:4]), "date before the title"
        title, tag = without_a_year_range_tag(title)
        if tag:
            rules["title"] = f"header line without the site's year-range tag before it ({tag})"
        title, glued_year = without_glued_year(title)
        if glued_year and year is None:
            year, rules["date"] = glued_year, "year in the title"
        bracketed_year = _BRACKETED_YEAR_AT_END.search(title)
        if bracketed_year and len(title) > bracketed_year.end() - bracketed_year.start() + 5:
            title = title[: bracketed_year.start()].rstrip()  # "…的讲话（2023）": the year, not a title word
            if year is None:
                year, rules["date"] = int(bracketed_year.group(1)), "year in the title"
        listing = title_in_a_listing(title)
        if listing:
            # 领导讲话 在全县…上的讲话 上传者：某某 字数：3250: a listing's line — its column label before the title, the
            # uploader and word count after it — joined into one
            title = listing[0]
            rules["title"] = "header line without the listing's column label and fields"
        blank_year = _BLANK_YEAR_AT_END.search(title)
        if blank_year and len(title) > len(blank_year.group()) + 5:
            title = title[: blank_year.start()].rstrip()  # "…——凝心聚力 砥砺前行（____年）": a template's blank, no title word
            rules["title"] = "header line without a template's blank year"
        with_subtitle = _TITLE_DASH_SUBTITLE.match(title)
        if with_subtitle and _SPEECH_KIND_END.search(with_subtitle.group(2)):
            title, inline_subtitle = with_subtitle.group(1), with_subtitle.group(2)
        elif with_subtitle and _SPEECH_KIND_END.search(with_subtitle.group(1)) and _A_SLOGAN.fullmatch(with_subtitle.group(2)):
            # 在全县组织工作会议上的讲话——凝心聚力 砥砺前行: the talk, then its slogan — the slogan is the subtitle
            title, inline_subtitle = with_subtitle.group(1), with_subtitle.group(2)
        quoted = _QUOTED_TITLE.search(title) if not read_document_title(title) else None
        # 在纪念毛泽东同志《在延安文艺座谈会上的讲话》发表80周年座谈会上的讲话: the work in 《》 is what the meeting commemorates,
        # the words after it name a speech of their own — the title is the whole line
        if quoted and _SPEECH_KIND_END.search(title[quoted.end() :]) and not re.search(r"[，,。；！？\s]", title[quoted.end() :]):
            quoted = None
        if quoted and quoted.group(0) != title and (len(title) > TITLE_MAX or _SPEECH_KIND_END.search(quoted.group(1))):
            title, rules["title"] = undecorated_title(quoted.group(1)), "title in 《》"
        byline = _byline_in_title(title)
        if byline:
            title, rules["title"] = byline[2], "header line without its byline"
            if byline[0] and role is None:
                role, rules["speaker_role"] = byline[0], "byline in the title line"
            if byline[1] and speaker is None:
                speaker, rules["speaker"] = byline[1], "byline in the title line"
        title_role, title_speaker = speaker_in_title(title)
        if not (title_role or title_speaker) and inline_subtitle:  # 用心用爱… / 县委书记在…上的讲话
            title_role, title_speaker = speaker_in_title(inline_subtitle)
        if title_role and role is None:
            role, rules["speaker_role"] = title_role, "role in the title"
        if title_speaker and speaker is None:
            speaker, rules["speaker"] = title_speaker, "name in the title"
        if len(title) > TITLE_MAX or "。" in title:
            warnings.append(ReviewItem("suspicious-title", f"标题可疑（{len(title)} 字{'，含句号' if '。' in title else ''}）：请核对"))
    subtitles = [_WHOLLY_BRACKETED.sub(r"\1", SUBTITLE_RE.sub(r"\1", h.text).strip()) for h in header if h.role == "subtitle"] + ([inline_subtitle] if inline_subtitle else [])
    for text in subtitles:  # "——2023年3月8日在全县组织工作会议上的讲话"
        dated_subtitle = _DATE_BEFORE_TITLE.match(text)
        found_in_subtitle = find_date(dated_subtitle.group(1)) if dated_subtitle and date is None else None
        if found_in_subtitle:
            date, year, rules["date"] = found_in_subtitle[0], int(found_in_subtitle[0][:4]), "date before the subtitle"
    for text in (title, *subtitles):
        period = read_period(text or "") if date is None else None  # (a day the header gives dates the text)
        if period:
            # 某某（2017-10——2018-04）工作总结: the title names a stretch of time, not the day the text was
            # written. A summary looks back (written as the period ends); a plan looks ahead — only the
            # first is dated by the period, by its last year, and either way a person is asked.
            written, end, looks_back = period
            if year is None and looks_back:
                year, rules["date"] = end, "year at the end of the period in the title"
            warnings.append(ReviewItem("date-guessed", f"标题写的是一段时间（{written}），不是成文日期"
                                       + (f"；年份按这段时间结束的 {end} 年记" if year == end and looks_back else "") + "：请核对日期"))
            continue
        said = {int(y) for y in YEAR_RE.findall(text or "")}
        # 总结2024年工作、部署2025年任务: the title names two years, and which is the meeting's it does
        # not say (held as one ends or the next begins): left to the rest of the text, as in a lead.
        if year is None and len(said) == 1:
            year, rules["date"] = said.pop(), "year in the title"
    if year is None and title:
        # 2023年党课讲稿汇编4篇 over 第1篇：支部书记党课讲稿: the collection's name dates its pieces
        named = {int(y) for h in header if h.role == "note" and _COLLECTION.search(re.sub(r"\s+", "", h.text)) for y in YEAR_RE.findall(h.text)}
        if len(named) == 1:
            year, rules["date"] = named.pop(), "year in the collection's name"
    if date is None and year and month_and_day:
        try:
            date = dt.date(year, *month_and_day).isoformat()
            rules["date"] = "month and day in the header, year in the title"
        except ValueError:
            pass
    if role and not speaker and rules.get("speaker") != "placeholder name (unknown)":
        warnings.append(ReviewItem("no-speaker-name", f"署名只有职务（{role}），没有姓名"))
    if date_placeholder and date is None:
        rules["date"] = "blank date in the header (unknown)"
    return ParsedHeader(
        lines=header,
        title=title,
        subtitle="；".join(subtitles) or None,
        date=date,
        year=year,
        speaker=speaker,
        speaker_role=role,
        month=header_month if date is None and rules.get("date") == YEAR_AND_MONTH_RULE else None,
        rules=rules,
        warnings=warnings,
    )


_PERIOD = re.compile(
    r"(?<!\d)((?:19|20)\d{2})(?:\s*年)?(?:\s*[-./]?\s*\d{1,2}\s*月?(?:份)?)?\s*(?:——|—|--|－－|－|-|~|～|至|到)\s*"
    r"((?:19|20)\d{2})(?:\s*年)?(?:\s*[-./]?\s*\d{1,2}\s*月?(?:份)?)?(?!\d)")
"""A stretch of time: `2017-10——2018-04`, `2019年至2021年`, `2021—2025年`."""
_LOOKS_BACK = re.compile(r"总结|述职|回顾|小结|报告")
"""The kinds of text that look back over a period (a summary is written as it ends)."""


def read_period(text: str) -> tuple[str, int, bool] | None:
    """The period a title names (as written, its last year, whether the text looks back over it), or None.

    >>> read_period("某某（2017-10——2018-04）工作总结"), read_period("某某发展规划（2021—2025年）")
    (('2017-10——2018-04', 2018, True), ('2021—2025年', 2025, False))
    >>> read_period("在2023年全县组织工作会议上的讲话") is None
    True
    """
    m = _PERIOD.search(text)
    if not m or int(m.group(2)) < int(m.group(1)):
        return None
    return m.group(0), int(m.group(2)), bool(_LOOKS_BACK.search(text[m.end():]))


_MONTH_DAY_LINE = re.compile(r"^[（(]?(?:(?:会议|讲话)?(?:时间|日期)[:：])?(1[0-2]|[1-9])月(3[01]|[12]\d|[1-9])日(?:上午|下午|晚上)?[）)]?$")
_POSTING_STAMP = re.compile(r"^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}$")


_BRACKETED_PART = re.compile(r"[\[【]([^\[\]【】]{6,60})[\]】]")


def _drop_a_line_naming_the_title_in_brackets(header: list[HeaderLine]) -> None:
    """A site's line above the title that names it in brackets beside another speech (在某某会议上的讲话
    [在某某工作会议上的讲话（县委书记）]) is a note: the title given again under it, whole, is the text's.

    >>> lines = [HeaderLine(1, "在支部换届动员会议上的讲话 [在换届风气监督会议上的讲话（县委书记）]", "title"), HeaderLine(3, "在换届风气监督会议上的讲话", "title")]
    >>> _drop_a_line_naming_the_title_in_brackets(lines); [h.role for h in lines]
    ['note', 'title']
    """
    titles = [h for h in header if h.role == "title"]
    for k, h in enumerate(titles[:-1]):
        for m in _BRACKETED_PART.finditer(h.text):
            named = _title_key(re.sub(r"[（(][^（）()]{1,12}[）)]$", "", m.group(1).strip()))
            if named and any(_title_key(later.text) == named and _SPEECH_KIND_END.search(named) for later in titles[k + 1 :]):
                h.role = "note"


LABEL_MAX = 8
"""A column's label between a headline and its repeat is short: 组织工作, 要闻动态."""


_ASKS_TO_CLICK = re.compile(r"^[^\u4e00-\u9fff]{0,3}(?:点击|长按|轻触|扫码)[^，。；！？]{0,12}?(?:观看|收看|关注|阅读|收听|查看|播放)[^，。；！？]{0,6}$")
"""A line of a WeChat page asking its reader to act on the page (点击上方视频观看, ▲点击观看视频, 长按二维码关注): the page's."""


def _drop_site_lines_among_title_lines(header: list[HeaderLine]) -> None:
    """Title lines that are the site's, not the title's: one with a web address or a source label
    (某某网 www.gov.cn 2007年05月15日 来源：新华社), one asking the reader to click and watch (alone too), a name with a widget's words (王小明 分享), one of nothing but credits (a book series' 顾问：某某 主编：某某), and a short label between a headline and the same
    headline given again alone (全市组织工作会议召开 / 组织工作 / 全市组织工作会议召开): the repeat shows the
    headline was whole.

    >>> lines = [HeaderLine(3, "全市组织工作会议召开", "title"), HeaderLine(5, "组织工作", "title"), HeaderLine(7, "全市组织工作会议召开", "repeat")]
    >>> _drop_site_lines_among_title_lines(lines); [h.role for h in lines]
    ['title', 'note', 'repeat']
    """

    titles = [h for h in header if h.role == "title"]
    for h in titles:
        if _ASKS_TO_CLICK.match(h.text.strip()):
            h.role = "note"  # 点击上方视频观看: the page asking its reader to act, never a title, even the only line above the text
    titles = [h for h in header if h.role == "title"]
    for h in titles:
        if len(titles) > 1 and (_ADDRESS.search(h.text) or re.search(r"(?:来源|作者|发布时间)\s*[:：]", h.text) or interface_label(h.text.strip())
                                or a_credit_line(h.text) or a_name_with_widget_words(h.text)):
            h.role = "note"
    titles = [h for h in header if h.role == "title"]
    if len(titles) < 2:
        return
    first = titles[0]
    again = next((k for k, h in enumerate(header) if h.role == "repeat" and h.line > first.line and _same_title(h.text, first.text)), None)
    if again is None:
        return
    for h in header[:again]:
        if h.role == "title" and h is not first and len(_compact_title(h.text)) <= LABEL_MAX and not _SPEECH_KIND_END.search(h.text.strip()):
            h.role = "note"


def _drop_the_sites_words_beside_the_headline(header: list[HeaderLine], lead: str, elsewhere: set[str]) -> None:
    """A title line that is the site's words beside the headline on another title line: the site's name
    (某某文档网 - 专业…分享平台), or a column's label (人才工作) over a headline the lead says again or
    beside the same label in the breadcrumbs (ingest/headline.py).

    >>> lines = [HeaderLine(2, "人才工作", "title"), HeaderLine(4, "东城区召开人才座谈会", "title")]
    >>> _drop_the_sites_words_beside_the_headline(lines, "5月18日，东城区召开人才座谈会。", set()); [h.role for h in lines]
    ['note', 'title']
    """
    titles = [h for h in header if h.role == "title"]
    if len(titles) < 2:
        return
    texts = {id(h): _title_text(h.text) for h in titles}
    for h in titles:
        headline = next((texts[id(t)] for t in titles if t is not h and is_headline(texts[id(t)])), None)
        parts = [part for part in _SITE_SEPARATOR.split(h.text.strip()) if part]
        if headline and parts and all(is_the_sites(part, headline, lead, elsewhere) for part in parts):
            h.role = "note"
    # 新闻中心 over a report's headline the lead retells (…讲授“开学第一课”, no verb the dictionary knows): the column's
    titles = [h for h in header if h.role == "title"]
    if len(titles) == 2 and names_the_page_over_its_headline(texts[id(titles[0])], texts[id(titles[1])], lead):
        titles[0].role = "note"


SAME_TITLE_SHARE = 0.8
"""Two title lines sharing a run of this much of the shorter one give the same title."""


_BRACKETED_TAIL = re.compile(r"\s*[（(][^（）()]{1,8}[）)]$")


def _drop_a_pages_name_over_a_titled_speech(header: list[HeaderLine]) -> None:
    """A whole title (…在…全会上的讲话, perhaps with a site's tag in brackets) over title lines that do not end as a
    speech and a subtitle that does (——在…会议上的报告): the speech's own title with its subtitle stands under the
    page's name for it; the name above is a repeat, never glued in front of the slogan.

    >>> lines = [HeaderLine(1, "书记在党委全会上的讲话（学校）", "title"), HeaderLine(2, "提高政治站位强化责任担当", "title"),
    ...          HeaderLine(3, "奋力开创事业发展新局面", "title"), HeaderLine(4, "——在某某学院党委全体会议上的报告", "subtitle")]
    >>> _drop_a_pages_name_over_a_titled_speech(lines); [h.role for h in lines]
    ['repeat', 'title', 'title', 'subtitle']
    >>> lines = [HeaderLine(1, "在全县组织工作会议上的讲话", "title"), HeaderLine(2, "凝心聚力谱新篇", "title")]
    >>> _drop_a_pages_name_over_a_titled_speech(lines); [h.role for h in lines]
    ['title', 'title']
    """
    kinds = [h.role for h in header]
    if "title" not in kinds or "subtitle" not in kinds:
        return
    first = kinds.index("title")
    below = header[first + 1 :]
    slogan = [h for h in below if h.role == "title"]
    subtitle = next((h for h in below if h.role == "subtitle"), None)
    whole = _SPEECH_KIND_END.search(_BRACKETED_TAIL.sub("", _title_text(header[first].text)))
    if whole and slogan and subtitle and all(h.line < subtitle.line and not _SPEECH_KIND_END.search(_title_text(h.text)) for h in slogan) \
            and _SPEECH_KIND_END.search(SUBTITLE_RE.sub(r"\1", subtitle.text.strip())):
        header[first].role = "repeat"


def _drop_a_title_given_again_with_additions(header: list[HeaderLine]) -> None:
    """Two title lines that give one title, one of them with what a site adds (某, a date stamp
    20230904, a word left out): the line nearer the text stands, the other is a repeat — never both
    glued into one title.

    >>> lines = [HeaderLine(1, "关于某组工干部队伍建设情况调研报告 20230904", "title"), HeaderLine(4, "关于组工干部队伍建设情况调研报告", "title")]
    >>> _drop_a_title_given_again_with_additions(lines); [h.role for h in lines]
    ['repeat', 'title']
    """
    titles = [h for h in header if h.role == "title"]
    for earlier, later in zip(titles, titles[1:]):
        a, b = (re.sub(r"[\d\s_]+", "", _compact_title(h.text)) for h in (earlier, later))
        if min(len(a), len(b)) >= HEADLINE_MIN and _one_title_in_two_wordings(a, b):
            rest = _rest_of_a_wrapped_title(header, earlier, later)
            if rest is not None:  # the later one is the same title again, wrapped over two lines: both go
                later.role = rest.role = "repeat"
                continue
            if _TITLE_GOES_ON.search(b) and a.startswith(b) and len(a) > len(b):
                later.role = "repeat"  # …会议上的 cut off (its 讲话 lost) under the whole title: the whole one stands
                continue
            earlier.role = "repeat"


_SHAPE_NAMES = {"label": "栏目或分类的名称", "crumbs": "导航路径", "collection": "合集的名称", "listing": "合集里带编号的篇名",
                "dateline": "通讯社电头", "account": "公众号或栏目的名称", "site-name": "网站名称"}
"""A site's shapes (headline.site_shape) in the curator's words."""


def _choose_among_two_title_lines(header: list[HeaderLine], lead: str, doubted: set[int], furniture: set[int]) -> list[ReviewItem]:
    """Of two title lines, one may be the site's: a line over or under a whole title with evidence of its own
    that it is a site's line (headline.py, "Title choice"). The line with the most evidence leaves the title
    (a note) at SITE_LINE_AT; one short of it, it stays, and either way a person is asked (title-choice, with the
    other reading as the one-line fix) unless the line is on 待核对 already (the cleaner doubted it). Returns
    those questions.

    >>> lines = [HeaderLine(1, "七一表彰大会上区直机关工委讲话稿", "title"), HeaderLine(3, "七一建党节", "title")]
    >>> [item.code for item in _choose_among_two_title_lines(lines, "", set(), set())], [h.role for h in lines]
    (['title-choice'], ['title', 'note'])
    >>> lines = [HeaderLine(1, "87978797威尼斯", "title"), HeaderLine(3, "某校举办首届党建论坛", "title")]
    >>> _choose_among_two_title_lines(lines, "3月22日，某校举办首届党建论坛。", {1}, set()), [h.role for h in lines]
    ([], ['note', 'title'])
    >>> lines = [HeaderLine(1, "凝心聚力抓党建", "title"), HeaderLine(2, "奋发有为开新局", "title")]
    >>> _choose_among_two_title_lines(lines, "", set(), set()), [h.role for h in lines]
    ([], ['title', 'title'])
    """
    titles = [h for h in header if h.role == "title"]
    if len(titles) != 2 or any(re.search(r"[。！？!?]", _title_text(h.text)) for h in titles):
        return []  # a sentence among them is a note by the rule below, whatever the other line is
    subtitled = {h.line for k, h in enumerate(header) if h.role == "title" and k + 1 < len(header) and header[k + 1].role == "subtitle"}
    texts = {h.line: _title_text(h.text) for h in titles}

    def evidence(line: HeaderLine, other: HeaderLine) -> tuple[int, list[str]]:
        shape = site_shape(texts[line.line])
        low, high = sorted((line.line, other.line))
        own = [name for name, found in (
            (_SHAPE_NAMES.get(shape or ""), shape is not None),
            ("清洗时存疑", line.line in doubted and other.line not in doubted),  # doubt on both tells neither from the other
            ("汉字很少", few_han(line.text)),
            ("与标题之间隔着网页上删去的行", any(low < n < high for n in furniture)),
            ("夹在标题和再次出现的标题之间", any(h.role == "repeat" and h.line > line.line and _same_title(h.text, other.text) for h in header)),
            # the page's name for the text printed twice on top (its <title> and its h1) over the text's own title
            ("网页上写了两遍", any(h.role == "repeat" and _same_title(h.text, line.text) for h in header)
             and not any(h.role == "repeat" and _same_title(h.text, other.text) for h in header) and line.line < other.line),
        ) if found]
        whole = whole_title(texts[other.line], lead, other.line in subtitled)
        return (WHOLE_WEIGHT * whole + OWN_WEIGHT * len(own) if own else 0), own

    scored = [(*evidence(line, other), line, other) for line, other in ((titles[0], titles[1]), (titles[1], titles[0]))]
    score, own, line, other = max(scored, key=lambda s: s[0])
    if score < SITE_LINE_AT - 1 or score == scored[0][0] == scored[1][0]:
        return []
    why = "、".join(own)
    if score >= SITE_LINE_AT:
        line.role = "note"
    if line.line in doubted:  # on 待核对 already as a doubtful line: drop_lines / keep_lines settle it, whichever way it was read
        return []
    if score >= SITE_LINE_AT:
        return [ReviewItem("title-choice", f"标题有两种读法：现取第 {other.line} 行“{clipped(texts[other.line], 30)}”；第 {line.line} 行“{clipped(line.text.strip(), 20)}”"
                                           f"像网站自己的文字（{why}），没有连进标题：请核对", line=line.line)]
    if not reads_like_title(texts[other.line]):  # without this line no title is left to choose (two rows of a table)
        return []
    return [ReviewItem("title-choice", f"标题有两种读法：第 {line.line} 行“{clipped(line.text.strip(), 20)}”连进了标题，但它也像网站自己的文字（{why}）：请核对",
                       line=line.line)]


def _one_title_in_two_wordings(a: str, b: str) -> bool:
    """Do two title lines give one title — the same words with a site's additions (a run of 80 % of the
    shorter), or in two wordings (机关党支部组织生活不实的原因及对策 / 机关党支部组织生活难以落实的原因及对策:
    runs of two or more characters in order that make up 80 % of the shorter)?

    >>> _one_title_in_two_wordings("机关党支部组织生活不实的原因及对策", "机关党支部组织生活难以落实的原因及对策")
    True
    >>> _one_title_in_two_wordings("凝心聚力抓党建", "奋发有为开新局")
    False
    """
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, a, b, autojunk=False)
    shorter = min(len(a), len(b))
    run = matcher.find_longest_match(0, len(a), 0, len(b)).size
    shared = sum(block.size for block in matcher.get_matching_blocks() if block.size >= 2)
    return run >= SAME_TITLE_SHARE * shorter or shared >= SAME_TITLE_SHARE * shorter


_COLLECTION = re.compile(r"(?:(?<!第)[\d一二两三四五六七八九十]{1,3}\s*篇|汇编|合集|选编|大全)\s*(?:[（(【\[]\s*(?:共|精选)?\s*[\d一二两三四五六七八九十]{1,3}\s*篇\s*[）)】\]])?$")
"""A collection's name: 党建范文8篇, 组织工作讲话汇编（20篇）, …心得体会5篇 — never a piece's (第1篇)."""


SALUTATION_MAX = 16
_ADDRESSES_SOMEONE = re.compile(r"[：:]$")
"""A line that ends in a colon (全体干部职工：) addresses the audience or labels what follows: no title's end."""


def _end_the_title_at_a_line_that_introduces(header: list[HeaderLine]) -> None:
    """Under the title, a line that introduces what follows — a sentence ending in a colon (…丰富多样，以下是一些常见的活动：)
    or a numbered label (一 活动策划主题：) — has begun the text: it and the title lines under it are no title's (a
    kicker on top, 学校七一党课：, stays the title's).

    >>> lines = [HeaderLine(1, "主题党日活动有哪些", "title"), HeaderLine(2, "主题党日活动丰富多样，以下是一些常见的活动：", "title")]
    >>> _end_the_title_at_a_line_that_introduces(lines); [h.role for h in lines]
    ['title', 'note']
    >>> lines = [HeaderLine(1, "党团活动策划", "title"), HeaderLine(2, "一 活动主题：", "title"), HeaderLine(3, "我爱党 我光荣", "title")]
    >>> _end_the_title_at_a_line_that_introduces(lines); [h.role for h in lines]
    ['title', 'note', 'note']
    """
    titles = [h for h in header if h.role == "title"]
    opens = next((k for k, h in enumerate(titles) if k and _INTRODUCES.search(h.text.strip())), None)
    for h in titles[opens:] if opens else ():
        h.role = "note"


_INTRODUCES = re.compile(rf"^(?:[{CN_DIGITS}\d]{{1,2}}[\s、.．]|.*[，,]).*[：:]$")
"""A line that ends in a colon after a clause or a number of its own: what follows is what it introduces."""


DECK_MIN = 10
"""A deck under a headline is a clause of its own: ten characters or more."""


_CLOSED_BY_A_LABEL_MARK = re.compile(rf"^[{HAN}·]{{2,12}}\s*[｜|丨]$|^[【〖][{HAN}·]{{2,12}}[】〗]$")


def _a_column_label_over_the_title(header: list[HeaderLine]) -> None:
    """Two title lines, the first a column's label closed by a label's mark (专题党课｜, 理论学习 |, 【党课讲稿】): the column the
    piece runs in, a note — never the title's first words (a Word file, a text copied with its column's kicker).

    >>> lines = [HeaderLine(1, "专题党课｜", "title"), HeaderLine(2, "用好红色资源上好专题党课", "title")]
    >>> _a_column_label_over_the_title(lines); [h.role for h in lines]
    ['note', 'title']
    >>> lines = [HeaderLine(1, "在全县组织工作会议上的", "title"), HeaderLine(2, "讲话", "title")]
    >>> _a_column_label_over_the_title(lines); [h.role for h in lines]
    ['title', 'title']
    """
    titles = [h for h in header if h.role == "title"]
    if len(titles) >= 2 and _CLOSED_BY_A_LABEL_MARK.match(titles[0].text.strip()):
        titles[0].role = "note"


def _a_deck_under_a_headline_in_phrases(header: list[HeaderLine]) -> None:
    """Two title lines, the first a headline whole in three or more parallel phrases (踏上新征程 孕育新希望 练就新本领), the
    second one clause of another shape (努力让青春在新的领域新的岗位创造新的价值): the second is the headline's deck, its
    subtitle — never glued to the headline, never the title in its place.

    >>> lines = [HeaderLine(1, "踏上新征程 孕育新希望 练就新本领", "title"), HeaderLine(2, "努力让青春在新的领域新的岗位创造新的价值", "title")]
    >>> _a_deck_under_a_headline_in_phrases(lines); [h.role for h in lines]
    ['title', 'subtitle']
    >>> lines = [HeaderLine(1, "凝心聚力抓党建", "title"), HeaderLine(2, "奋发有为开新局", "title")]
    >>> _a_deck_under_a_headline_in_phrases(lines); [h.role for h in lines]
    ['title', 'title']
    """
    titles = [h for h in header if h.role == "title"]
    if len(titles) != 2:
        return
    headline, deck = titles
    phrases, under = headline.text.split(), _title_text(deck.text)
    if parallel_phrases(phrases) and len(under.split()) == 1 and len(under) >= DECK_MIN and not _SPEECH_KIND_END.search(under) \
            and not _STOP_INSIDE.search(under):
        deck.role = "subtitle"


def _drop_the_collections_name(header: list[HeaderLine]) -> None:
    """Stacked title lines of a collection page: the collection's name (…范文8篇, …讲话汇编（20篇）) gives way
    to a piece's own title; a piece's number and the name the collection lists it by (第1篇：党务知识培训) give way
    to the title line under it (基层党务工作实务培训材料), nearer the text. One is chosen, never the two joined.

    >>> lines = [HeaderLine(1, "党建范文8篇", "title"), HeaderLine(3, "推进机关党建的几点思考", "title")]
    >>> _drop_the_collections_name(lines); [h.role for h in lines]
    ['note', 'title']
    >>> lines = [HeaderLine(1, "第1篇：党务知识培训", "title"), HeaderLine(2, "基层党务工作实务培训材料", "title")]
    >>> _drop_the_collections_name(lines); [h.role for h in lines]
    ['repeat', 'title']
    """
    titles = [h for h in header if h.role == "title"]
    names = [h for h in titles if _COLLECTION.search(re.sub(r"\s+", "", h.text))]
    if names and len(names) < len(titles):
        for h in names:
            h.role = "note"
    titles = [h for h in header if h.role == "title"]
    for numbered, under in zip(titles, titles[1:]):
        text = _title_text(numbered.text)
        if _numbers_a_piece(numbered.text) and not _TITLE_GOES_ON.search(text) and not _TITLE_ENDING_ALONE.match(_title_text(under.text)) \
                and len(_compact_title(under.text)) >= 6 and not _ADDRESSES_SOMEONE.search(under.text.strip()):
            numbered.role = "repeat"


def _rest_of_a_wrapped_title(header: list[HeaderLine], whole: HeaderLine, start: HeaderLine) -> HeaderLine | None:
    """The header line right after `start` that, with it, spells `whole` (a page gives its title whole, then
    again wrapped: `…做对党忠诚为党尽责的合格党员` / `…做对党忠诚为党` + `尽责的合格党员`); None when there is none.

    >>> lines = [HeaderLine(1, "坚定理想信念做对党忠诚为党尽责的合格党员", "title"), HeaderLine(2, "坚定理想信念做对党忠诚为党", "title"), HeaderLine(3, "尽责的合格党员", "note")]
    >>> _rest_of_a_wrapped_title(lines, lines[0], lines[1]).text
    '尽责的合格党员'
    """
    at = header.index(start)
    if at + 1 >= len(header):
        return None
    rest = header[at + 1]
    return rest if _compact_title(start.text + rest.text) == _compact_title(whole.text) and len(_compact_title(rest.text)) >= 2 else None


_NAMES_THE_OCCASION = re.compile(r"^[^，。：:；]{0,30}?在.{2,50}?(?:上|中|时|期间)?的?(?:讲话|报告|工作报告|总结讲话|讲话提纲|讲话稿|发言|致辞|党课)$")


def _slogan_and_its_occasion(title_lines: list[str]) -> tuple[list[str], str | None]:
    """A title of two parts on lines of their own: the slogan (用心用爱用功答好“强县之问” / 以良好的精神
    状态…) and the line that names the occasion (在全县…研讨班结业仪式上的讲话), above or under it. The
    slogan is the title and the occasion line its subtitle (as …——在…上的讲话 on one line), never the
    two glued together. The slogan's lines must read as a headline, not a site's words.

    >>> _slogan_and_its_occasion(["在全县组织工作会议上的讲话", "凝心聚力抓党建", "奋发有为开新局"])
    (['凝心聚力抓党建', '奋发有为开新局'], '在全县组织工作会议上的讲话')
    >>> _slogan_and_its_occasion(["某某文库", "在全县组织工作会议上的讲话"])
    ([], None)
    """
    occasions = [t for t in title_lines if _NAMES_THE_OCCASION.match(re.sub(r"\s+", "", t))]
    rest = [t for t in title_lines if t not in occasions]
    if len(occasions) != 1 or not rest or any(_SPEECH_KIND_END.search(t) or is_label(t) or is_site_name(t) or len(t) < 6 for t in rest):
        return [], None
    return rest, occasions[0]


def _compact_title(text: str) -> str:
    return re.sub(r"\s+", "", _title_text(text))


def _title_key(text: str) -> str:
    """What two header lines that give one title share: decorations, white space and a left-out 的 aside."""
    return _UNSTATED_DE.sub("", _compact_title(text))


def _same_title(a: str, b: str) -> bool:
    return bool(_title_key(a)) and _title_key(a) == _title_key(b)


_UNSTATED_DE = re.compile(r"的(?=(?:讲话|发言|致辞|报告|讲话稿)$)")
_DATE_BEFORE_TITLE = re.compile(r"^((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?=在.{4,})")
"""A date run into the title: "2023年2月10日在全县组织工作会议上的讲话"."""
_BARE_YEAR_BEFORE_TITLE = re.compile(r"^((?:19|20)\d{2})(?![年\d])(?=[\u4e00-\u9fff].{5,})")


_A_NUMBER_ALONE = re.compile(rf"(?:篇|第)?[{CN_DIGITS}\d]{{1,3}}篇?|[（(【\[]\s*[{CN_DIGITS}\d]{{1,3}}\s*[）)】\]]")
"""A line that is a number and nothing else: 一, 篇二, 第3篇, （四）."""


def without_glued_year(title: str) -> tuple[str, int | None]:
    """A site's year tag glued before a title without 年 ("2024县委书记在…的讲话"): the title without
    it, and the year."""
    glued = _BARE_YEAR_BEFORE_TITLE.match(title)
    return (title[glued.end():], int(glued.group(1))) if glued else (title, None)


_YEAR_RANGE_BEFORE_TITLE = re.compile(r"^(?:19|20)\d{2}\s*(?:-|–|—|－|~|～)\s*(?:19|20)\d{2}(?![年\d])(?=[\u4e00-\u9fff])(?![学届级季度])(?=.{6,})")
"""Two years joined by a dash and glued, without 年, before a title's first character: a site's tag for the years it files
the piece under (a school year's 学年, a season, 年度 are the title's own words)."""


def without_a_year_range_tag(title: str) -> tuple[str, str | None]:
    """A site's year-range tag glued before a title that a page run onto one line gives (2024-2025在2024年全市…的讲话):
    the title without it, and the tag. The tag names no day of the text: the title's own year dates it (read_period
    would take the tag for the stretch of time the title names).

    >>> without_a_year_range_tag("2024-2025在2024年全市人才工作座谈会上的讲话")
    ('在2024年全市人才工作座谈会上的讲话', '2024-2025')
    >>> without_a_year_range_tag("2023-2024学年第一学期开学典礼上的讲话"), without_a_year_range_tag("2021—2025年发展规划")
    (('2023-2024学年第一学期开学典礼上的讲话', None), ('2021—2025年发展规划', None))
    """
    tagged = _YEAR_RANGE_BEFORE_TITLE.match(title)
    return (title[tagged.end():], tagged.group()) if tagged else (title, None)
_BLANK_YEAR_AT_END = re.compile(r"\s*[（(【\[]\s*(?:20|19)?[_＿×X\s]{2,}\s*年?(?:度)?\s*[）)】\]]$")
"""A template's blank for the year at a title's end: （____年）, (20__年), 【××××年】 — a date to fill in, no title word."""
_A_SLOGAN = re.compile(rf"[{HAN}“”]{{2,12}}(?:[\s，,、　][{HAN}“”]{{2,12}}){{0,3}}")
"""A slogan after a talk's title: short phrases of Han characters, spaced or with commas, no stop (凝心聚力 砥砺前行)."""
_TITLE_DASH_SUBTITLE = re.compile(r"^(.{4,}?)\s*(?:——|──|－－|--)\s*(.{6,})$")
"""A title and its subtitle on one line: "坚持党管人才原则 加快建设人才强市——在全市人才工作会议上的讲话"."""
_TITLE_GOES_ON = re.compile(r"[的上在和与暨及之]$")
_TITLE_ENDING_ALONE = re.compile(r"^(?:的?讲话|报告|工作报告|发言|致辞|讲话稿|讲话提纲)$")


def _letters(text: str) -> str:
    """A line's letters and digits only (NFKC): what two copies of one title share whatever their spaces and stops."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isalnum())


WRAPPED_REST_MAX = 12
"""The end of a wrapped title alone on the next line is short: a word or two (局面, 高质量发展)."""


def wrapped_title_rest(above: str, text: str, page: list[str]) -> bool:
    """Is `text`, on the line under the title line `above`, the end of that title wrapped onto a line of its own — the
    two together spelling a title the page gives whole on another line (a document library prints the title, then the
    text hard-wrapped at its width: `…开创党的组织建设新` / `局面`)? Then it is no byline's name.

    >>> wrapped_title_rest("聚力“四个突破”开创党的组织建设新", "局面", ["聚力“四个突破” 开创党的组织建设新局面", "VIP"])
    True
    >>> wrapped_title_rest("在全县组织工作会议上的讲话", "王建国", ["在全县组织工作会议上的讲话"])
    False
    """
    rest, whole = _letters(text), _letters(above + text)
    return 0 < len(rest) <= WRAPPED_REST_MAX and len(whole) > 2 * len(rest) and any(_letters(other) == whole for other in page)


def _joined_title(lines: list[str], wrapped: set[str] = frozenset()) -> str | None:
    """Title lines as one title: with a space between two lines that each stand alone (坚持… 推动…),
    without one where a line broke inside a phrase (…工作会议上的 / 讲话) or the page gives the two lines whole
    elsewhere (`wrapped`: the letters of such titles)."""
    if not lines:
        return None
    title = lines[0]
    for line in lines[1:]:
        glued = _TITLE_GOES_ON.search(title) or _TITLE_ENDING_ALONE.match(line) or _letters(title + line) in wrapped
        title += ("" if glued else " ") + line
    return title


COMMON_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范"
    "金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄"
    "聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈"
    "饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎"
    "甄丛仲虞敖巩佘池查麻苑迟邝"
)
"""The commonest Chinese surnames: a word before a title (国家主席, 组织部长) names a person only if it opens with one."""
NAME_THEN_TITLE = re.compile(rf"([{COMMON_SURNAMES}](?:(?![委省市县区镇乡部局厅校院组党协团社所站处科室办会])[{HAN}]){{1,2}})(书记|部长|主任|主席|县长|市长|区长|镇长|乡长|省长|局长|厅长|校长|院长|处长)")
"""A name and then the title a report calls him by: 李强书记, 张立新部长 — not 国家主席, 组织部长, 支部书记 (an organ's
word is no name's)."""
_SURNAME_AND_TITLE = re.compile(
    rf"^(?:[XxＸ×*＊某]{{1,3}}|[{HAN}](?<![省市县区镇乡村副总党委厅局处科部团校院组宣统政纪]))"
    r"((?:常务)?副?(?:书记|部长|主任|局长|主席|校长|院长|董事长|总经理|行长))$"
)
"""A surname or a blanked name before a title, as a speech is known by its speaker: 王书记, XXX书记."""


_LEADER_BLANKED = re.compile(rf"([{HAN}]{{1,6}}领导)\s*[Xx×＊*]{{1,3}}")
"""A leader of a place or body whose name a page blanked with stars (区领导  **, 单位领导 ×××): a byline. Without the
blank, 领导 ends a title (坚持和加强党的全面领导), not a role."""


def read_byline(text: str) -> tuple[str | None, str | None, bool] | None:
    """(role, name, blanked) of a byline: a role, a name or both as a header writes them
    ("县委常委、组织部部长 王某某", "组织部长李建华", "市委副书记", "罗 志 明", "何平同志", "◎王春明"); None for any
    other text (a meeting, a slogan, a title). A name blanked out (王某某, ×××) is no name: blanked is
    then True.

    >>> read_byline("区领导  **"), read_byline("坚持和加强党的全面领导")
    (('区领导', None, True), None)
    """
    spaced = " " in text.strip()  # "罗 志 明": spaced out, a name even if its characters spell a word
    who = re.sub(r"\s+", "", text).strip("（）()【】[]◎●○◆◇■□★☆•·")  # "◎王春明": a journal marks its author
    who = re.sub(r"^文[/／|｜]|[/／|｜]文$", "", who) or who  # "文/王春明", "（王春明/文）": an author's credit
    if PLACEHOLDER_NAME.match(who):
        return None, None, True
    if ISSUING_ACT.match(who):
        return None
    who = who.removesuffix("同志") or who
    addressed = _SURNAME_AND_TITLE.match(who)
    if addressed:  # "王书记", "XXX书记": the title by which he is addressed; his name is not given
        return addressed.group(1), None, True
    blanked_leader = _LEADER_BLANKED.fullmatch(text.strip())
    if blanked_leader:  # "区领导  **": a leader of the place, his name blanked
        return blanked_leader.group(1), None, True
    who = re.sub(rf"^(.{{2,30}}?)[:：](?=[{HAN}]{{2,4}}$)", r"\1", who)  # 县委书记：张明
    named_first = NAME_THEN_TITLE.fullmatch(who)
    if named_first and not NOT_A_NAME.search(named_first.group(1)):  # "李强书记": a name and the title he is called by
        blanked = bool(PLACEHOLDER_NAME.match(named_first.group(1)))
        return named_first.group(2), (None if blanked else named_first.group(1)), blanked
    if NAME_RE.match(who) and (spaced or not NOT_A_NAME.search(who)) and not ROLE_ONLY_RE.match(who):
        return None, who, False  # …but 区委书记 and 市长 are roles
    role_name = ROLE_NAME_RE.match(who)
    # 盛泽首开基层党组织书记|联席会: a meeting's kind where the name would be (two characters and 会) — a headline, no byline
    if role_name and not NOT_A_NAME.search(role_name.group(2)) and not _names_a_meeting(who) and _plausible_role(role_name.group(1)) and not re.fullmatch(rf"[{HAN}]{{2}}会", role_name.group(2)):
        blanked = bool(PLACEHOLDER_NAME.match(role_name.group(2)))
        return role_name.group(1), (None if blanked else role_name.group(2)), blanked
    if ROLE_ONLY_RE.match(who) and not _names_a_meeting(who):
        return who, None, False
    return None


def _date_line(text: str) -> tuple[str, re.Match] | None:
    """find_date of a line that is a date and little else (a label, brackets, the weekday, the time
    of day, a place of up to four characters: "（2024年1月12日 星期五 成都）", "时间：2021年5月20日");
    None for any other line. The match is in `text` without its white space."""
    compact = re.sub(r"\s+", "", text)
    found = find_date(compact)
    if not found:
        return None
    label = _DATE_LABEL.match(compact.lstrip("（([【"))
    before = re.sub(r"[（）()\[\]【】]", "", compact[: found[1].start()])
    if before and not (label and before == label.group(0)):
        return None  # "张明（2023年2月1日）": the date of a byline, not a date line
    rest = _LUNAR_DATE.sub("", _DATE_LABEL.sub("", compact.replace(found[1].group(0), "", 1)))  # a date bar's 农历四月廿九
    if len(_WEEKDAY.sub("", re.sub(r"[（）()\[\]【】]", "", rest))) <= 4:
        return found
    return None


_AUTHOR_NOTE = re.compile(r"^[（(]?作者(?:系|是|为|现任)([^（）()，。]{2,40}?)[。]?[）)]?$")


def _last_paragraphs(sections: list[Section], count: int = 3) -> list[Paragraph]:
    """The text's last `count` paragraphs, the last first: where a publication notes the author and
    a report is signed."""
    paragraphs = [p for top in sections for section in top.walk() for p in section.paragraphs]
    return paragraphs[::-1][:count]


def author_under_the_text(sections: list[Section]) -> str | None:
    """The speaker's role as a publication notes it under the text: "（作者系某某县委书记）"."""
    for paragraph in _last_paragraphs(sections):
        found = _AUTHOR_NOTE.match(re.sub(r"\s+", "", paragraph.text))
        if found and ROLE_ONLY_RE.match(found.group(1)):
            return found.group(1)
    return None


def signature_date(sections: list[Section]) -> str | None:
    """The date under the text, as a report or a printed speech signs it ("中共某某县委组织部" /
    "2022年12月28日"): a date line, or a signer's line with its date, among the last three paragraphs."""
    for paragraph in _last_paragraphs(sections):
        found = _date_line(paragraph.text) or read_sign_off(paragraph.text)
        if found:
            return found[0]
    return None


SIGN_OFF_MAX = 40
_SIGN_OFF_DASH = re.compile(r"^[—–\-－~]{1,2}\s*")
_WRITTEN_AT = re.compile(r"^(?:写|作|草|记|定稿|修改)?(?:于|在)[\u4e00-\u9fff]{1,10}$|^$")
"""What may follow a sign-off's date: where it was written (于中山, 写于北京), or nothing."""


def read_sign_off(text: str) -> tuple[str, re.Match] | None:
    """A writer's sign-off with its date on one line, under the text — a dash, the signer's name (a pen
    name in letters too, no sentence, no figures), the date in any usual form, where it was written:
    `——某某 2022/12/30于某地`, `张明　2023.6.15`, `——某某 二〇二三年六月十五日`. The date is read
    whole, never a version or a range's end (text.NUMERIC_DATE).

    >>> [read_sign_off(t)[0] for t in ("——某某 2022/12/30于某地", "张明　2023.6.15", "——李华 二〇二三年六月十五日写于北京")]
    ['2022-12-30', '2023-06-15', '2023-06-15']
    >>> [read_sign_off(t) for t in ("版本 v2023.6.15", "活动时间 2023.6.15-2023.7.1", "我们在2023年6月15日召开了会议", "截至目前 2023.6.15")]
    [None, None, None, None]
    """
    line = text.strip()
    found = find_date(line) if len(line) <= SIGN_OFF_MAX else None
    if not found:
        return None
    before = line[: found[1].start()]
    signer = _SIGN_OFF_DASH.sub("", before).strip()
    after = re.sub(r"\s+", "", line[found[1].end():])
    if not signer or len(signer) > SIGNER_MAX or re.search(r"[\d，。；：！？,.;:!?、]", signer) or not _WRITTEN_AT.match(after):
        return None
    if re.search(r"[\u4e00-\u9fff]", signer):
        # a Chinese signer is a name (a dash before it, or two to four characters from a common surname) or an organ's name
        named = re.fullmatch(r"[\u4e00-\u9fff·•]{2,20}", signer) and (signer != before.strip() or len(signer) <= 4 and signer[0] in COMMON_SURNAMES)
        if not (named or read_issuer_signature(signer)):
            return None
    return found


def signature_byline(sections: list[Section]) -> tuple[str | None, str | None]:
    """The role and name a printed speech signs with under its text, right above its date ("县委书记 李某平" /
    "2023年5月8日"); an organ's name there ("中共某某县委组织部") is no one's."""
    last = _last_paragraphs(sections)
    for k, paragraph in enumerate(last[:-1]):
        if _date_line(paragraph.text):
            byline = read_byline(last[k + 1].text) if len(last[k + 1].text) <= BYLINE_ROLE_MAX + 6 else None
            if byline and byline[0]:
                return byline[0], byline[1]
            return None, None
    return None, None


_LABELLED_SIGNER = re.compile(r"^(?:(?:申请|汇报|述职|承诺|报告|发言|检讨|保证|倡议)人|签名|署名)[：:]\s*([\u4e00-\u9fff·]{2,5})$")
"""A signer's line with its label: the one who does what the text is (申请人, 汇报人, 承诺人) or a signature (签名), then
the name. Not any 某某人: a notice's 联系人, 经办人 or 负责人 under its text is whom to ask, not who wrote it."""


def labelled_signer(sections: list[Section]) -> str | None:
    """The name a letter or an application signs with under its text, labelled (`申请人：某某`, `汇报人：某某`, `签名：某某`):
    the last paragraph, or the one right above the date that closes the text. The label says the name is the writer's.

    >>> from ..model import Paragraph, Section
    >>> def text(*lines): return [Section("s1", 1, "", 1, paragraphs=[Paragraph(f"p{k}", k, t, k) for k, t in enumerate(lines, 1)])]
    >>> labelled_signer(text("请党组织在实践中考验我！", "申请人：王某某", "2022年9月20日")), labelled_signer(text("恳请批准。", "汇报人：李某"))
    ('王某某', '李某')

    Near misses: a blank label, a line of the text that names someone, a label that is no person's:

    >>> [labelled_signer(text("此致", "敬礼！", t, "2022年9月20日")) for t in ("申请人：", "介绍人：我的老师王某某说过一句话", "地点：会议室")]
    [None, None, None]
    >>> [labelled_signer(text("请各单位认真落实。", t)) for t in ("联系人：张某", "经办人：李某某", "负责人：王某")]
    [None, None, None]
    """
    last = _last_paragraphs(sections)
    if not last:
        return None
    candidates = [last[0]] + ([last[1]] if len(last) > 1 and _date_line(last[0].text) else [])
    for paragraph in candidates:
        found = _LABELLED_SIGNER.match(paragraph.text.strip())
        if found:
            return found.group(1)
    return None


_BYLINE_COLON_TITLE = re.compile(r"^([^：:]{2,30})[：:]\s*(.{6,})$")
_TITLE_BRACKETED_BYLINE = re.compile(r"^(.{6,}?)\s*[（(]([^（）()]{2,30})[）)]$")
_TITLE_SPACE_BYLINE = re.compile(r"^(.{6,}?(?:讲话|报告|发言|致辞|讲稿|党课))\s+([^\s（）()].{1,30})$")
"""…and "在全县组织工作会议上的讲话 张建国": the speaker after the title, set off by a space."""


def _byline_in_title(title: str) -> tuple[str | None, str | None, str] | None:
    """(role, name, title) of a title line that carries its byline: "县委书记赵志强：在…上的讲话", as a
    news page writes it, "在…上的讲话（市委书记 黄建国）" or "在…上的讲话 张建国". None for any other title, such as
    "以高质量党建引领高质量发展：在…上的讲话". In brackets a byline needs its role: a bare two-character
    word there is a note on the text (（摘要）, （节选）) more often than a name."""
    for pattern, who, rest in ((_BYLINE_COLON_TITLE, 1, 2), (_TITLE_BRACKETED_BYLINE, 2, 1), (_TITLE_SPACE_BYLINE, 2, 1)):
        found = pattern.match(title)
        if found and _SPEECH_KIND_END.search(found.group(rest)):
            byline = read_byline(found.group(who))
            if byline and (byline[0] or pattern is not _TITLE_BRACKETED_BYLINE):
                return byline[0], byline[1], found.group(rest)
    # Any title, the speaker's role and name after a space ("细化措施 强化责任 中共某某县委常委、组织部长
    # 张伟强", as a one-line document page runs them): both are needed, a two-part slogan's second half
    # (砥砺前行) could read as a name.
    for space in re.finditer(r"\s+", title):
        rest, who = title[: space.start()], title[space.end():]
        # Spaces inside a byline part a blanked place from its role ("中共 XX 县委常委…"), never a phrase.
        byline = read_byline(who) if len(rest) >= 6 and (" " not in who or len(who.split()[0]) <= 4) else None
        if byline and byline[0] and byline[1]:
            return byline[0], byline[1], rest
    return None


BYLINE_ROLE_MAX = 24


def _plausible_role(role: str) -> bool:
    """A role runs to a dozen or two characters (中共某某县委常委、组织部部长, an acting post in brackets
    aside); a longer one, or one with 的, has a slogan or a title run into it."""
    return len(re.sub(r"[（(][^（）()]*[）)]", "", role)) <= BYLINE_ROLE_MAX and "的" not in role


_NOTE_NAMES_TITLE = re.compile(r"(?:整理|收集|分享|推荐|带来)(?:了)?的(.{6,60}?)(?:[，,。；;！!]|供|欢迎|希望|仅供|$)|^《(.{6,60}?)》由|^(?:收藏|打印|分享)《(.{6,60}?)》|(?:整理|收集|推荐)了?[^《》，。]{0,10}《(.{6,60}?)》")
"""小编为大家整理的…讲话，供大家参考 / 《…的讲话》由会员上传分享，免费在线阅读 / 收藏《…的讲话》, a
page's link to bookmark the text / 小编为你整理了多篇相关的《…的讲话》"""


def title_in_site_note(removed: list[str]) -> str | None:
    """A site's note often names the speech it introduces (小编为大家整理的…讲话，供大家参考): when the
    text itself has no title, that name is the best one there is."""
    for text in removed:
        m = _NOTE_NAMES_TITLE.search(text)
        if m:
            title = undecorated_title(next(group for group in m.groups() if group).strip("《》“”\"' "))
            if _SPEECH_KIND_END.search(title):
                return title
    return None


_LAST_CRUMB = re.compile(r"[>›»→]\s*([^>›»→]{6,60})$")


def title_in_breadcrumbs(removed: list[str]) -> str | None:
    """The page's breadcrumbs end with the name of the page ("当前位置：首页 > 讲话稿 > 在全县…的讲话"):
    when the text has no title of its own, that is it."""
    for text in removed:
        m = _LAST_CRUMB.search(text.strip())
        if m and _SPEECH_KIND_END.search(undecorated_title(m.group(1).strip())):
            return undecorated_title(m.group(1).strip())
    return None


REPEAT_RULES = ("outline-copy", "running-header")
"""The cleaner's rules for a line a page prints again and again (a running header, an outline's copy of the text)."""


def title_given_as_a_repeat(removed: list[RemovedLine], text_starts: int) -> str | None:
    """The title a page printed on top and again (above the text, under it): the cleaner took every copy off as a
    running header or an outline's copy, so the text has no title line — the first such line above the text that
    has a title's shape (six Han characters or more, no sentence, not over TITLE_MAX) names it.

    >>> removed = [RemovedLine(1, "过好政治生日主题党课讲稿", "outline-copy"), RemovedLine(2, "过好政治生日主题党课讲稿", "outline-copy"),
    ...            RemovedLine(9, "过好政治生日主题党课讲稿", "running-header")]
    >>> title_given_as_a_repeat(removed, 3)
    '过好政治生日主题党课讲稿'
    >>> title_given_as_a_repeat([RemovedLine(1, "第1页 共2页", "running-header")], 3) is None
    True
    """
    repeats = [r for r in removed if r.rule in REPEAT_RULES]
    for r in repeats:
        text = r.text.strip()
        if r.line < text_starts and len(HAN_CHAR.findall(text)) >= TITLE_MIN and len(text) <= TITLE_MAX \
                and not re.search(r"[。！？!?，,；;：:]", text) and sum(other.text.strip() == text for other in removed) >= 2:
            return undecorated_title(text)
    return None


_FILE_NAME = re.compile(r"^([^\\/：:。！？!?，,；;]{6,60}?)\s*\.(?:docx?|pdf|wps|txt)$", re.IGNORECASE)


def title_in_a_file_name(removed: list[RemovedLine], text_starts: int) -> str | None:
    """The title a document library prints on top as the file's name (某某讲话.docx): the cleaner took the line off
    as a file name, so the text has no title line — the name without its extension names it, when it has a
    title's shape (six Han characters or more, no sentence).

    >>> title_in_a_file_name([RemovedLine(1, "机关党组书记抓基层党建述职评议讲话.docx", "chrome-evidence")], 2)
    '机关党组书记抓基层党建述职评议讲话'
    >>> title_in_a_file_name([RemovedLine(1, "IMG_2031.jpg", "chrome-evidence")], 2) is None
    True
    """
    for r in removed:
        named = _FILE_NAME.match(r.text.strip()) if r.line < text_starts else None
        if named and len(HAN_CHAR.findall(named.group(1))) >= TITLE_MIN:
            return undecorated_title(named.group(1).strip())
    return None


HEADLINE_AND_STAMP = re.compile(
    rf"^\s*([^。！？；：:，,|｜]{{6,40}}?)\s+((?:19|20)\d{{2}})[年\-/.](\d{{1,2}})[月\-/.](\d{{1,2}})日?\s+\d{{1,2}}[:：]\d{{2}}(?:[:：]\d{{2}})?\s*$"
)
"""A news page's title bar, run onto one line with its stamp: the headline, then the day and the clock time it went up
(与时俱进 某某教授阐述党章的修改 2002年07月23日 14:21)."""


def title_in_a_posting_stamp(removed: list[RemovedLine], text_starts: int) -> str | None:
    """The headline a page ran into its posting stamp, the stamp taken off as the page's (a one-line page split at the
    stamp): above the text, a headline's shape (six Han characters or more, mostly Han, no sentence) before the day and
    the clock. The text has no title line; this is the page's own.

    >>> title_in_a_posting_stamp([RemovedLine(3, "与时俱进 某某教授阐述党章的修改与完善 2002年07月23日 14:21", "posting-info")], 4)
    '与时俱进 某某教授阐述党章的修改与完善'
    >>> title_in_a_posting_stamp([RemovedLine(3, "来源：某某网 2002年07月23日 14:21", "posting-info")], 4) is None
    True
    >>> title_in_a_posting_stamp([RemovedLine(9, "与时俱进 某某教授阐述党章的修改与完善 2002年07月23日 14:21", "posting-info")], 4) is None
    True
    """
    for r in removed:
        m = HEADLINE_AND_STAMP.match(r.text) if r.line <= text_starts else None  # (a one-line page: the stamp's piece of the text's line)
        if m and len(HAN_CHAR.findall(m.group(1))) >= max(TITLE_MIN, len(m.group(1).replace(" ", "")) * 3 // 4):
            return undecorated_title(m.group(1).strip())
    return None


HEADLINE_AND_STAMP_OPENING = re.compile(
    rf"^\s*([^。！？；：:，,|｜]{{6,40}}?)\s*((?:19|20)\d{{2}})[年\-/.](\d{{1,2}})[月\-/.](\d{{1,2}})日?\s*\d{{1,2}}[:：]\d{{2}}(?:[:：]\d{{2}})?(?=\S)"
)
"""The same title bar left at the head of the text's first paragraph (与时俱进某某教授阐述…2002年07月23日14:21怎样使…): a
one-line page the cleaner did not part at its stamp."""


def headline_opening_the_text(first_paragraph: str) -> tuple[str, str] | None:
    """(the headline, the posting day) a one-line page left at the head of its text, its stamp after it and the text
    going on; None otherwise.

    >>> headline_opening_the_text("与时俱进某某教授阐述党章的修改与完善2002年07月23日14:21怎样使党章成为增强团结的文件，党章…")
    ('与时俱进某某教授阐述党章的修改与完善', '2002-07-23')
    >>> headline_opening_the_text("2002年07月23日14:21，某某召开会议。") is None, headline_opening_the_text("会议要求，到2025年5月1日8:00前完成。") is None
    (True, True)
    """
    m = HEADLINE_AND_STAMP_OPENING.match(first_paragraph)
    if not m or len(HAN_CHAR.findall(m.group(1))) < max(TITLE_MIN, len(m.group(1).replace(" ", "")) * 3 // 4):
        return None
    return m.group(1).strip(), f"{int(m.group(2)):04d}-{int(m.group(3)):02d}-{int(m.group(4)):02d}"


def title_in_its_own_name(file_name: str) -> str | None:
    """The title of a text with no title line, as its writer named the file (`二十大报告.txt`): its name without the
    extension, a leading number (`03_`, `1-`) or a copy's mark (` (2)`, `- 副本`) has a title's shape — five Han
    characters or more (four name a document's kind: 工作总结, 请示模板), most of the name Han, no sentence, not a
    program's name for a file nobody named (新建文本文档, 未命名, 文档1). A name of codes and Latin letters
    (`county-2022.txt`, `000_0529276282a01e65.txt`) says nothing.

    >>> title_in_its_own_name("二十大报告.txt"), title_in_its_own_name("03_新时代中国特色社会主义 - 副本.txt")
    ('二十大报告', '新时代中国特色社会主义')
    >>> title_in_its_own_name("county-2022.txt"), title_in_its_own_name("新建文本文档 (2).txt"), title_in_its_own_name("请示模板.docx")
    (None, None, None)
    >>> title_in_its_own_name("我们要把学习贯彻落实好。.txt") is None
    True
    """
    name = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", file_name.replace("\\", "/").rsplit("/", 1)[-1]).strip()
    name = _COPY_MARK.sub("", _LEADING_NUMBER.sub("", name)).strip()
    han = len(HAN_CHAR.findall(name))
    if han < OWN_NAME_MIN or han < 0.6 * len(re.sub(r"\s", "", name)) or re.search(r"[。！？!?；;]", name):
        return None
    if _UNNAMED.match(name):
        return None
    return name


OWN_NAME_MIN = 5
"""Han characters a file's own name needs to stand for a title (二十大报告 has five; 请示模板 names a kind)."""
_LEADING_NUMBER = re.compile(r"^\d{1,3}[\s_.、．-]+")
_COPY_MARK = re.compile(r"(?:\s*[-－]\s*副本|\s*[（(]\d{1,3}[）)]|\s*副本)+$")
_UNNAMED = re.compile(r"^(?:新建|未命名|无标题|文档|复件|附件)")
"""The names a program gives a file nobody named (新建文本文档, 新建 Microsoft Word 文档, 未命名1, 文档1), and 附件N."""


_ORIGINAL_TITLE = re.compile(r"^原标题\s*[:：]\s*(.{6,60})$")


def original_title(removed: list[str], title: str | None) -> str | None:
    """The speech's own title that a news page keeps under its headline ("原标题：在…上的讲话"), when
    the text has no title or only a headline that names no speech."""
    if title and _SPEECH_KIND_END.search(title):
        return None
    for text in removed:
        m = _ORIGINAL_TITLE.match(text.strip())
        if m and _SPEECH_KIND_END.search(undecorated_title(m.group(1))):
            return undecorated_title(m.group(1))
    return None


def _title_text(text: str) -> str:
    """A title line as the title: no trailing bracketed date, no site decoration, not given twice."""
    text = text.strip()
    if _LETTER_SPACED.match(text):  # "在 全 县 组 织 工 作 会 议 上 的 讲 话", as a formal document sets it
        text = re.sub(r"\s+", "", text)
    text = _SPACED_DATE_PART.sub("", text)  # "2020 年在…", as a PDF sets a year
    text = _MARKS_BEFORE_TITLE.sub("", text) or text  # "■ 第12期 2024-05-06 全县…召开": a list's bullet, an issue, a day
    compact_end = _BRACKETED_DATE_AT_END.search(text)
    if compact_end and (find_date(re.sub(r"\s+", "", compact_end.group(1))) or _YEAR_AND_MONTH.fullmatch(re.sub(r"\s+", "", compact_end.group(1)))):
        text = text[: compact_end.start()].rstrip()  # …的讲话（2023年2月1日）, …的讲话（2024年3月）
    return undecorated_title(text)


_YEAR_AND_MONTH = re.compile(r"(?:19|20)\d{2}年(?:[1-9]|1[0-2])月份?")
_MARKS_BEFORE_TITLE = re.compile(
    r"^(?:[■□◆◇●○▶►▪▫•·★☆]\s*|第\s*\d{1,4}\s*期\s+|(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)(?:\s*\d{1,2}:\d{2})?\s+)+(?=\S{6})"
)
"""What a page sets before a headline: a list's bullet (■ ◆), an issue's number and a space (第12期 …), the day
it was posted and a space (2024-05-06 …). 第12期党支部书记培训班 names the class: no space, no cut."""
_SPACED_DATE_PART = re.compile(r"(?<=\d) +(?=[年月日])|(?<=[年月]) +(?=\d)")
_LETTER_SPACED = re.compile(rf"^[{HAN}](?:[ \u3000]+[{HAN}]){{3,}}$")
_NTH_PIECE = re.compile(r"^(?:第\s*[\d一二三四五六七八九十]{1,3}\s*篇|篇\s*[\d一二三四五六七八九十]{1,3})[：:、\s]*(?=.{6})")
"""A collection page numbers its pieces: 第1篇 党代表选举会议讲话稿, 篇一：在…上的讲话"""
_NTH_PIECE_AFTER = re.compile(r"\s*(?:[（(]?(?:篇\s*[\d一二三四五六七八九十]{1,3}|第\s*[\d一二三四五六七八九十]{1,3}\s*篇)[）)]?|[（(][一二三四五六七八九十]{1,3}[）)]\s*[:：]"
                             r"|(?<=范文)\s*[（(]\s*[\d一二三四五六七八九十]{1,3}\s*[）)])$")
"""…or numbers them after the collection's name: 组织工作会议讲话稿 篇1, 党代会领导讲话（三）：, 党建工作总结范文（一）"""
_CATEGORY_PREFIX = re.compile(r"^[\[【][^\[\]【】]{1,20}[\]】]\s*(?=.{6})")
"""A site's category in brackets before the title: [讲话稿]…, 【领导讲话】…"""
_CRUMBS_BEFORE = re.compile(r"^.*[>›»]\s*(?:正文|详情|内容|全文)?\s*(?=\S.{5})")
"""A page's breadcrumbs in front of the title: "首页 > 领导讲话 > 正文 在全县…的讲话"."""
_SITE_SEPARATOR = re.compile(r"\s*(?:[|｜丨]|(?<!_)_(?!_)|\s[-–—]\s)\s*")
"""What parts a site's words from a title: | 丨, one _ (…的讲话_某某文库; a run of them is a blank to fill in, 202____年), a spaced dash."""
_TAIL_AFTER_WHOLE_TITLE = re.compile(rf"(?<=讲话|报告|发言|致辞|讲稿|党课)[-–－]\s*[{HAN}A-Za-z0-9]{{2,12}}$")
_FRESH_BEFORE_TITLE = re.compile(r"^(?:最新|精选|优秀|热门|推荐)(?=在.{6})")
"""A site's word of praise before a title that starts with 在 (最新在全县…会议上的讲话): no part of it."""
_TITLE_DECORATION = re.compile(r"(?:\s*(?:参考稿|供参考|仅供参考)|[（(]\s*(?:共|全文)?\s*\d+\s*字\s*[）)]|\s*\d{2,6}\s*字|[（(](?:终稿|定稿|修改稿|讨论稿|征求意见稿|草稿|送审稿|初稿|发言稿|全文)[）)]|[（(][^（）()]{0,12}(?:根据录音整理|未经本人审阅|根据讲话录音整理)[^（）()]{0,12}[）)]|范文|范本|模板|模版|精选|大全|全文|原文|word版|WORD版|\.?(?:docx|doc|pdf|wps|txt|DOCX|DOC|PDF|WPS)|[（(【\[]\s*(?:共|精选|通用|经典|优秀|最新)?\s*[\d一二两三四五六七八九十]{1,3}\s*篇\s*[）)】\]]|[（(](?:精选文档|精选范文|最新范文|完整版|最新版|最新|可编辑|word可编辑|推荐|原创|范文|优选|热门|经典|通用版|通用)[）)]|[（(]\d{1,2}[）)]|[（(]\d{2}年\d{1,2}月[）)]|【[^【】]{1,12}】|[（(](?:全文|完整|最新|精选|通用|可编辑|原创|word|WORD|版|稿){2,4}[）)])+$")


DRAFT_LABEL = re.compile(rf"(?!(?:讲话|讲|发言|报告|致辞|演讲|党课|主持)稿$)[{HAN}]{{1,3}}稿")
"""A line that says what state the text is in (素材稿, 参考稿, 修改稿, 定稿) and not what it is (讲话稿)."""


def undecorated_title(text: str) -> str:
    """Take away what web pages add to a title: `…讲话|栏目`, `…讲话范文`, and a title given twice on one line."""
    text = _CATEGORY_PREFIX.sub("", text) or text
    text = _NTH_PIECE.sub("", text) or text
    text = _NTH_PIECE_AFTER.sub("", text) or text
    text = _CRUMBS_BEFORE.sub("", text) or text
    parts = _SITE_SEPARATOR.split(text)
    if len(parts) > 1:
        text = headline_part(parts) or text
    tail = _TAIL_AFTER_WHOLE_TITLE.search(text)
    if tail:  # …的讲话-某某文库: a whole title, then a site's name after a dash without spaces
        text = text[: tail.start()]
    text = _FRESH_BEFORE_TITLE.sub("", text) or text
    for k in range(len(text) // 2, 7, -1):
        if text[:k] == text[-k:]:
            text = text[:k]
            break
    stripped = _TITLE_DECORATION.sub("", text)
    return stripped if len(stripped) >= 6 else text


def _numbers_a_piece(text: str) -> bool:
    compact = re.sub(r"\s+", "", text)
    return bool(_NTH_PIECE.match(compact) or _NTH_PIECE_AFTER.search(compact))


def _names_a_meeting(text: str) -> bool:
    return bool(re.search(r"在.{2,}(?:上|中)的|讲话|报告|会议", text))


_TITLE_SPEAKER = re.compile(rf"^(.{{0,30}}?)在(?=.{{2,}}(?:(?:上|中|时)的?|会|班|式)(?:讲话|发言|致辞|报告|主持词|总结|动员|党课|强调|点评|讲评))")


_TITLE_SPEAKER_COMRADE = re.compile(r"^(.{2,30}?同志)" + _TITLE_SPEAKER.pattern.removeprefix(r"^(.{0,30}?)"))


_TITLE_ROLE_THEN_KIND = re.compile(r"^(.{2,30}?)(?:同志)?的?(?:专题)?(?:党课讲稿|党课|讲话稿|讲话|讲稿|发言|致辞)$")
"""A title that is the speaker and the kind of speech alone: 某县委常委、组织部长党课讲稿, 县委书记的讲话."""


def speaker_in_title(title: str) -> tuple[str | None, str | None]:
    """(role, name) stated before 在…上的讲话: 区委书记在… / 李建华同志在… / 市委书记李建华在…; or a title
    that is a role and the kind of speech (县委常委、组织部长党课讲稿)."""
    compact = re.sub(r"\s+", "", title)
    # 马在学同志在…上的讲话: a name may hold 在 itself; 同志 says where it ends
    m = _TITLE_SPEAKER_COMRADE.match(compact) or _TITLE_SPEAKER.match(compact)
    if not m or not m.group(1):
        alone = _TITLE_ROLE_THEN_KIND.match(compact)
        if alone and (alone.group(1).startswith("在") or re.search(rf"(?:{MEETING_KIND})(?:上|中|时)?$", alone.group(1))):
            return None, None  # 全区组织部长座谈会讲话: a meeting's name before the kind of speech, no one's
        # 区某某干部大会|区长讲话稿: a meeting's name, then the role — the role starts after the meeting's kind
        meeting = [m for m in re.finditer(MEETING_KIND, alone.group(1))] if alone else []
        byline = read_byline(alone.group(1)[meeting[-1].end() :] if meeting else alone.group(1)) if alone else None
        return (byline[0], byline[1]) if byline and byline[0] else (None, None)
    byline = read_byline(m.group(1))
    if byline is None or (byline[0] is None and not m.group(1).endswith("同志")):
        return None, None  # a bare word before 在 is seldom a name: 李建华同志在…, not 李建华在…
    return byline[0], byline[1]


_FORWARDED = re.compile(r"(?:现将|印发|转发)[《“]?([^《》“”，。]{4,80}?(?:讲话|报告|发言|致辞|党课))[》”]?")


_AUTHOR_LABEL = re.compile(r"^[（(]?(?:作者|讲话人|主讲人)\s*[:：]\s*(.{2,40}?)[）)]?$")


def speaker_in_author_line(removed: list[RemovedLine], document: bool = False) -> tuple[str | None, str | None]:
    """(role, name) of a page's "作者：县委书记 张华" when it is a byline (it has a role): the rules
    remove the line as posting information, since "作者：admin" is the uploader. In a Word or PDF file
    (`document`) no site uploads: "作者：王刚" right under the title (within AUTHOR_LINE_REACH lines of the top)
    names the author with his name alone.

    >>> line = [RemovedLine(line=3, text="作者：王刚", rule="posting-info")]
    >>> speaker_in_author_line(line), speaker_in_author_line(line, document=True)
    ((None, None), (None, '王刚'))
    >>> speaker_in_author_line([RemovedLine(line=40, text="作者：王刚", rule="posting-info")], document=True)
    (None, None)
    """
    for line in removed:
        m = _AUTHOR_LABEL.match(line.text.strip())
        byline = read_byline(m.group(1)) if m else None
        if byline and byline[0]:
            return byline[0], byline[1]
        if byline and document and byline[1] and not byline[2] and line.line <= AUTHOR_LINE_REACH:
            return None, byline[1]
    return None, None


AUTHOR_LINE_REACH = 6
"""A document's 作者： line stands under its title: within this many source lines of the top (blank lines between)."""


def speaker_in_cover_letter(removed: list[RemovedLine]) -> tuple[str | None, str | None]:
    """(role, name) as the covering notice names the speech it sends out: "现将县委书记张建国同志在
    全县组织工作会议上的讲话印发给你们", "关于印发《周明同志在…上的讲话》的通知"."""
    for line in removed:
        if line.rule != "cover-letter":
            continue
        for m in _FORWARDED.finditer(line.text):
            role, name = speaker_in_title(m.group(1))
            if role or name:
                return role, name
    return None, None


_PIECE_LABEL = re.compile(r"^(?:第\s*[\d一二三四五六七八九十]{1,3}\s*篇|篇\s*[\d一二三四五六七八九十]{1,3}|[【\[]\s*篇\s*[\d一二三四五六七八九十]{1,3}\s*[】\]])")


def another_piece_at(lines: list[Line], removed: set[int]) -> int | None:
    """The source line where a collection page's next piece begins, or None.

    A page that gathers several speeches (…汇编3篇, （共4篇）) is read as one: the second piece ends up
    in the first one's last section. It shows as a salutation on a line of its own after the first
    one, right under a piece label (第2篇：…, 篇二), a title, or a line the rules removed (a bare 二)."""
    content = [line for line in lines if line.text]
    salutations = [k for k, line in enumerate(content) if SALUTATION_RE.match(line.text)]
    for k in salutations[1:]:
        above, here = content[k - 1], content[k]
        if any(n in removed for n in range(above.number + 1, here.number)):
            return here.number
        if _PIECE_LABEL.match(above.text) or _SPEECH_KIND_END.search(above.text):
            return above.number
    return None


_PLACE_HOLDS = re.compile(rf"^([{HAN}]{{1,10}}?(?:省|市|州|县|区|旗|乡|镇|街道))(?:委|政府)?(?:召开|举行|举办)((?:(?:19|20)\d{{2}}年度?)?[^，。；、：]{{2,40}}?(?:{MEETING_KIND})(?:会议|议)?)$")
"""A news headline naming who holds the meeting: 某某区召开2022年组织工作部署会议 → 某某区2022年组织工作部署会议
(the place and the year are the meeting's name)."""


def find_occasion(title: str | None, subtitle: str | None, opening: str) -> tuple[str | None, str | None]:
    """The named meeting a speech was given at, and the rule that found it (refer-backs never count). A headline's or
    a 范文 page's short name (…会议召开, …会议讲话) gives way to the opening's fuller name of the same meeting
    (`names_it_more_fully`); a speech's own title (在…上的讲话) stands.

    >>> find_occasion("远程教育会议讲话", None, "同志们：今天，我们召开全区信息化建设暨农村党员干部现代远程教育工作会议，这是一次重要会议。")
    ('全区信息化建设暨农村党员干部现代远程教育工作会议', 'opening: 召开…会议（标题里的会议名较简略）')
    >>> find_occasion("在全县组织工作会议上的讲话", None, "同志们：今天召开全市组织工作会议。")
    ('全县组织工作会议', 'title: 在…上的讲话')
    >>> find_occasion(None, None, "同志们：这次全县组织工作会议的主要任务是，传达上级精神。")
    ('全县组织工作会议', 'opening: 这次…会议')
    >>> find_occasion(None, None, "同志们：本次2024年度全区人才工作推进会，是一次重要会议。")
    ('全区人才工作推进会', 'opening: 这次…会议')
    >>> find_occasion(None, None, "同志们：这次会议的主要任务是部署工作。这次党代表大会很重要。")
    (None, None)
    >>> find_occasion(None, None, "4月3日，某局召开「清廉机关建设推进会」。局长甲某某出席并讲话。")
    ('清廉机关建设推进会', 'opening: 召开…会议')
    """
    # 「」 and 『』 are the quotation marks of another typeface: the occasion readers read them as “” and ‘’
    title, subtitle, opening = (t.translate(_CORNER_QUOTES) if t else t for t in (title, subtitle, opening))
    occasion, rule = _find_occasion(title, subtitle, opening)
    # (a speech's own title, 在…上的讲话, names its meeting as the speaker was asked to: it stands)
    if occasion and rule.startswith(("title", "subtitle")) and not rule.endswith("在…上的讲话"):
        in_opening, opening_rule = _find_occasion(None, None, opening)
        if in_opening and names_it_more_fully(in_opening, occasion):
            return in_opening, f"{opening_rule}（标题里的会议名较简略）"
    return occasion, rule


_CORNER_QUOTES = str.maketrans("「」『』", "“”‘’")
_YEARS = re.compile(r"(?:19|20)\d{2}年度?")
SHORTENED_BY = 4
"""How many characters a headline may put in front of a meeting's name in place of the report's (德州|加强… for 全市|加强…)."""


def names_it_more_fully(fuller: str, short: str) -> bool:
    """Whether `fuller` names the meeting `short` names, with more words: the same kind of meeting at the end, the
    short name's characters in order within it (a place or up to SHORTENED_BY characters in front of it may differ), and
    no other level (全市… is not 全县…).

    >>> names_it_more_fully("奉贤区“某某”快递业党建工作推进会", "奉贤区快递业党建工作推进会")
    True
    >>> names_it_more_fully("全市加强物业建设工作推进会", "德州加强物业建设工作推进会"), names_it_more_fully("全市组织工作会议", "全县组织工作会议")
    (True, False)
    >>> names_it_more_fully("中国共产党某某镇第十五次代表大会", "党代会"), names_it_more_fully("中国共产党某某镇第十五次代表大会", "县党代会")
    (True, False)

    A headline's county for the report's 全县 (某某县|村级…推进会 for 全县|村级…推进会) is shorter or no longer than
    the name the report writes, and names it all the same: the place is the holder, 全县 the meeting's own word.

    >>> names_it_more_fully("全县村级后备力量培养工作推进会", "某某县村级后备力量培养工作推进会")
    True
    >>> names_it_more_fully("全市村级后备力量培养工作推进会", "某某县村级后备力量培养工作推进会")
    False
    """
    if _the_holders_place_for_its_whole(fuller, short):
        return True
    if _YEARS.sub("", fuller) in (_YEARS.sub("", short), short.lstrip("全")) or len(fuller) < len(short):
        return False  # 2023年全县组织工作会议 names no more than 全县组织工作会议: its year is the date's
    ours, theirs = find_level(short)[0], find_level(fuller)[0]
    if ours and theirs and ours != theirs:
        return False
    if fuller[-2:] != short[-2:]:
        return _abbreviates(short, fuller)
    # words the headline left out inside the name (奉贤区|“某某”|快递业…, 远程教育|工作|会议) …
    if any(re.search(re.escape(short[:cut]) + ".{1,16}?" + re.escape(short[cut:]), fuller) for cut in range(2, len(short) - 1)):
        return True
    # … or the place's name it put for the report's 全X (德州|加强… for 全市|加强…)
    return any(fuller == f"全{level}" + short[skip:] for skip in range(1, SHORTENED_BY + 1) for level in "省市县区镇乡") and not find_level(short[:SHORTENED_BY])[0]


def _the_holders_place_for_its_whole(fuller: str, short: str) -> bool:
    """Whether `short` puts a place of one level (某某县, 某某区) where `fuller` says 全 and that level (全县): the same
    meeting, by its holder's name and by its own."""
    for skip in range(2, SHORTENED_BY + 1):
        place, level = short[:skip], short[skip - 1 : skip]
        if level in "省市县区镇乡" and fuller == f"全{level}" + short[skip:] and find_level(place)[0] == level and not place.startswith("全"):
            return True
    return False


ABBREVIATION_MAX = 5
"""How long a meeting's short name may be (党代会, 镇党代会, 职代会): a few characters of the full name, in order."""


def _abbreviates(short: str, fuller: str) -> bool:
    """Whether a short name of a few characters (党代会, 人代会, 团代会) abbreviates `fuller`: its characters stand in
    `fuller` in order, the last ones in its last word (代|会 in 代表大会), both name a 会 — a 范文 page's title calls the
    meeting by the name people say, its opening by the name written.

    >>> _abbreviates("党代会", "中国共产党某某镇第十五次代表大会"), _abbreviates("人代会", "某某县第十八届人民代表大会第三次会议")
    (True, True)
    >>> _abbreviates("党代会", "全县党建工作推进会"), _abbreviates("座谈会", "全县组织工作会议")
    (False, False)
    """
    if len(short) > ABBREVIATION_MAX or not short.endswith("会") or not re.search("会(?:议)?$", fuller):
        return False
    at = 0
    for char in short[:-1]:
        at = fuller.find(char, at) + 1
        if not at:
            return False
    return "代" not in short or "代表大会" in fuller


_A_WORKS_NAME = re.compile(r"《[^《》]{1,60}》|“[^“”]{1,60}”")
_MASK = "〓"


def _works_masked(text: str | None) -> str | None:
    """`text` with the inside of a work's name put out of the occasion readers' sight (纪念毛泽东同志《在延安文艺座谈会上的讲话》
    发表80周年座谈会: 座谈会 and 讲话 inside 《》 are the commemorated work's, the meeting is the one after it) — a name in
    《》, or in quotation marks when it names a speech (“在…上的讲话”); the same length, so what is read maps back.

    >>> _works_masked("纪念《在延安文艺座谈会上的讲话》发表80周年座谈会")
    '纪念《〓〓〓〓〓〓〓〓〓〓〓〓》发表80周年座谈会'
    >>> _works_masked("开展“基层党建工作交流日”活动")
    '开展“基层党建工作交流日”活动'
    """
    if not text:
        return text
    return _A_WORKS_NAME.sub(lambda m: m.group()[0] + _MASK * (len(m.group()) - 2) + m.group()[-1] if _masked(m) else m.group(), text)


def _masked(m: re.Match) -> bool:
    """Whether a name in 《》 or “” is a work's `_works_masked` puts out of sight: every 《》, a quotation only when it names a speech."""
    return m.group().startswith("《") or _SPEECH_KIND_END.search(m.group()[1:-1]) is not None


def _find_occasion(title: str | None, subtitle: str | None, opening: str) -> tuple[str | None, str | None]:
    """`_read_occasion` over the texts with works' names masked (`_works_masked`), the occasion read back from them."""
    masked = [_works_masked(t) for t in (title, subtitle, opening)]
    occasion, rule = _read_occasion(*masked)
    if not occasion or _MASK not in occasion:
        return occasion, rule
    # each masked run is the name of a work as the texts write it, in their order (the mask keeps its length; a holder
    # the reader put before the name, 某某市|纪念…, stands apart from it in the text)
    works = [m.group()[1:-1] for text in (title, subtitle, opening) if text for m in _A_WORKS_NAME.finditer(re.sub(r"\s+", "", text)) if _masked(m)]
    def unmasked(run: re.Match) -> str:
        name = next((w for w in works if len(w) == len(run.group())), None)
        if name is None:
            return run.group()
        works.remove(name)
        return name
    occasion = re.sub(f"{_MASK}+", unmasked, occasion)
    return (None, None) if _MASK in occasion else (occasion, rule)


def _read_occasion(title: str | None, subtitle: str | None, opening: str) -> tuple[str | None, str | None]:
    for text, where in ((title, "title"), (subtitle, "subtitle")):
        if not text:
            continue
        compact = re.sub(r"\s+", "", text)
        source = _SOURCE_BEFORE_TITLE.match(compact)
        if source and not re.search(MEETING_KIND, source.group()):  # a source's name, not 全县…会议召开：
            compact = compact[source.end() :]
        if _ESSAY_TITLE.match(compact):
            return None, None  # an essay (浅谈…) was given at no meeting, whatever meeting its text recalls
        comrade = _TITLE_SPEAKER_COMRADE.match(compact)
        if comrade:  # 马在学同志在…上的讲话: the meeting is named after the speaker, whose name may hold 在
            compact = compact[len(comrade.group(1)) :]
        held = _PLACE_HOLDS.match(compact)
        if held and not REFERS_BACK.search(held.group(2)) and not REFERS_TO_ITSELF.match(held.group(1)):
            return held.group(1) + held.group(2), f"{where}: X召开…会议"
        # 扬帆启航新征程 奋斗镌刻新篇章——某乡人代会胜利召开！: the slogan before the dash names no meeting
        after_the_dash = compact.rsplit("——", 1)[-1].rstrip("！!") if "——" in compact else ""
        held_after = OCCASION_HELD_RE.search(after_the_dash) if len(after_the_dash) >= HEADLINE_MIN else None
        if held_after and (occasion := _meeting_name(held_after.group(1))):
            return occasion, f"{where}: …会议召开"
        for pattern, form in ((OCCASION_IN_RE, "在…上的讲话"), (OCCASION_IN_LONGEST_RE, "在…上的讲话"), (OCCASION_NAMED_RE, "…会议讲话"), (OCCASION_HELD_RE, "…会议召开")):
            m = pattern.search(compact)
            if m:
                occasion = _meeting_name(m.group(1))
                if occasion:
                    return occasion, f"{where}: {form}"
        m = _A_CLASS_IN_TITLE.search(compact)
        if m and not REFERS_BACK.search(m.group(1)):
            return m.group(1), f"{where}: 在…班上的讲话"
        m = _HOLDS_AT_THE_END.search(compact)
        occasion = _meeting_name(m.group(1)) if m else None
        if occasion:
            holder = re.sub(r"在[^，。；：]{1,12}$", "", compact[: m.start()])  # 某某中央在京 | 召开…
            holder = re.search(f"[{HAN}]*$", holder).group()  # …谱新篇——某某街道 | 召开…
            placed = LEVEL_PLACE_RE.fullmatch(holder) and not REFERS_TO_ITSELF.match(holder)
            owned = (_LEVEL_ORGAN_ALONE.fullmatch(holder) or placed) and not (occasion.startswith("全") or LEVEL_PLACE_RE.match(occasion))
            named_by_holder = _BARE_MEETING.match(occasion) and re.fullmatch(f"[{HAN}]{{2,16}}", holder) and not REFERS_TO_ITSELF.match(holder)
            return (holder + occasion if owned or named_by_holder else occasion), f"{where}: X召开…会议"
    for pattern, form in ((OPENING_OCCASION_RE, "opening: 召开…会议"), (OPENING_HELD_RE, "opening: …会议召开")):
        for m in pattern.finditer(opening[:400]):
            if _inside_a_quotation(opening, m.start(1)):
                continue  # “…召开专题党建会议2次…”: a quoted speaker's meeting, not the one the text was given at
            if opening.count("《", 0, m.start(1)) > opening.count("》", 0, m.start(1)):
                continue  # 宣读了《关于筹备召开某某县第十一次代表大会的通知》: a document's title, of a meeting still to come
            occasion = _meeting_name(m.group(1) + (_meeting_name_goes_on(opening, m.end(1)) if pattern is OPENING_OCCASION_RE else ""))
            if occasion and another_meeting(opening, m.start(1), occasion):
                continue
            if occasion and _only_a_kind(occasion) and _SPEAKERS_VOICE.search(opening[: m.start(1)]):
                continue  # 今天会议的主要任务是，…对我县召开党代会…做出安排: a kind of meeting talked of, none named
            if occasion:
                holder = _HOLDER.search(opening[: m.start()]) if pattern is OPENING_OCCASION_RE else None
                if holder and _WHERE_NOT_WHO.match(holder.group(1)):
                    holder = None  # 并在某村党员活动室|召开座谈会: where it was held, by the one the sentence named before
                place = holder and LEVEL_PLACE_RE.fullmatch(holder.group(1)) and not LEVEL_PLACE_RE.match(occasion) and not occasion.startswith("全")
                if holder and not REFERS_TO_ITSELF.match(holder.group(1)) and (place or _BARE_MEETING.match(occasion)):
                    # 2月20日，某某镇召开2021年度述职评议会议; 领导小组召开2025年第一次会议 (a name that is only its number)
                    return holder.group().lstrip("，。；： ") + occasion, "opening: X召开…会议"
                return occasion, form
    this = _THIS_NAMED_MEETING.search(opening[:300])
    named = _meeting_name(this.group(1)) if this and not _inside_a_quotation(opening, this.start(1)) else None
    if named and _says_which(named) and not REFERS_BACK.search(named) and not another_meeting(opening, this.start(1), named):
        return named, "opening: 这次…会议"
    meets = OPENING_BODY_MEETS_RE.search(opening[:400])
    if meets:
        return meets.group(1).lstrip("，。；：！") + meets.group(2), "opening: X召开会议"
    course = next((m for m in OPENING_COURSE_RE.finditer(opening[:400])
                   if not _inside_a_quotation(opening, m.start(1)) and m.group(1).count("“") == m.group(1).count("”")), None)
    at = OPENING_AT_RE.match(opening)
    occasion = _meeting_name(at.group(1)) if at else None
    if occasion:
        return occasion, "opening: …上，某某作…讲话"
    if course:
        name = re.sub(r"^(?:昨天|昨日|今天|今日|日前|近日|当天|\d{1,2}月\d{1,2}日(?:上午|下午|晚上)?)[，,]?", "", _DATELINE_FIRST.sub("", course.group(1)))
        name = _COURSE_HOLDER.sub("", name) if "、" in name or len(name) > 30 else name
        if len(name) >= 6 and not REFERS_BACK.search(name):
            return name, "opening: …第N期开班"
    return None, None


def _says_which(name: str) -> bool:
    """Whether a meeting's name says which meeting, not only its kind: a level or place (全县…, 某某县…), an ordinal or a
    year (第十五次…, 2023年度…). 党代表大会, 主任会议 alone are kinds.

    >>> _says_which("全县组织工作会议"), _says_which("中共某某县第十五次代表大会"), _says_which("党代表大会")
    (True, True, False)
    """
    return name.startswith("全") or find_level(name)[0] is not None or re.search(r"第[一二三四五六七八九十\d]{1,3}[次届期]|(?:19|20)\d{2}年", name) is not None


_THIS_NAMED_MEETING = re.compile(rf"(?:这次|本次|此次)([^，。；：、“”《》]{{2,30}}?(?:{MEETING_KIND}))(?=的(?!精神)|[，。；：]|是|上|中|议题|主要|安排|要求|期间)")
"""A meeting the opening names as this one, with its name (这次全县组织工作会议的主要任务是…): the demonstrative refers
back, the name after it says which meeting — when it does (`_says_which`: 这次会议, 这次党代表大会 name a kind)."""


EVENT_WORDS = "活动|研讨行|交流日|主题党日|沙龙|讲堂|竞赛|比赛|宣讲|第一课|思政课|理论学习|集中学习|集体学习|SESSION"
"""Events a report holds that are no 会 (…“基层党建工作交流日”活动, …创新研讨行, a school's 开学第一课, a term's
政治理论学习, a study group's 集体学习, a series' 第一讲 or 首场): what a lead's verb of holding names."""
EVENT_WORDS = EVENT_WORDS.replace("SESSION", r"第[一二三四五六七八九十\d]{1,3}[讲场期课]|首讲|首场")
_NAME_PART = r"(?:“[^“”]{1,30}”|[^，。；：“”])"
"""A character of an event's name, or a quoted name inside it whole, commas and all (“强国有我，青春建功”“我为群众讲政策”比赛)."""
_EVENT_NAME = rf"(?:{_NAME_PART}{{2,50}}?(?:{MEETING_KIND}|{EVENT_WORDS})(?:会议|议)?|{_NAME_PART}{{0,50}}?“[^“”]{{0,30}}?(?:{EVENT_WORDS})”)"
"""An event's name: ending in a kind of meeting or event, or in a quoted name that ends in one (…秋季学期“开学第一课”)."""
_LEAD_HOLDS = re.compile(rf"(?:开展|举办|举行|召开)了?({_EVENT_NAME})[。，；]")
_LEAD_HELD = re.compile(rf"(?:^|[，。；：])({_EVENT_NAME})(?:在[^，。；：]{{1,24}}?)?(?:隆重|顺利|正式)?(?:举办|举行|召开|开幕|启动|开讲|开课)[。，]")
_HELD_BY = re.compile(r"^[^，。；]{2,40}?(?:主办|承办|协办|合办|联办|举办|组织)的(?=[^，。；]{4})")
_COURSE = r"(?:第一课|思政课|第[一二三四五六七八九十\d]{1,3}[课讲])"
_COURSE_TAUGHT = re.compile(rf"(?:讲授|主讲|讲好|上好|上了|讲了)(?:一堂|一节)?((?:{_NAME_PART}){{0,30}}?(?:“[^“”]{{0,20}}?{_COURSE}”|{_COURSE}))(?=[。，；]|$)")
"""A course one gave (讲授2022年春季学期“开学第一课”, 为新生上好开学第一课, 讲了第一讲): the course is the event."""
_STUDY_GROUP = r"(?:理论学习)?中心组|党支部|党小组|党组|党委"
_STUDY_SESSION = re.compile(
    rf"(?:^|[，。；：])(?:\d{{1,2}}月\d{{1,2}}日(?:上午|下午|晚上)?)?([^，。；：“”]{{0,16}}?(?:{_STUDY_GROUP}))(?:全体成员|成员)?"
    rf"(?:在(?:(?!开展|进行|举行|组织)[^，。；：]){{1,24}}?(?=开展|进行|举行|组织|集体|集中|专题))?(?:开展|进行|举行|组织)?了?((?:(?:19|20)\d{{2}}年度?)?(?:第[一二三四五六七八九十\d]{{1,3}}次)?(?:集体|集中|专题)学习(?:会)?)"
)
"""A study group's session (某局党组理论学习中心组集体学习…, …中心组全体成员在某会议室开展了集中学习): the group and its
session are the event, with no verb of holding before them."""


def without_outer_quotes(name: str) -> str:
    """A name that is one quoted run and nothing else, without its marks (“安全知识竞赛” → 安全知识竞赛): a field
    is printed with no quotation marks round it (speeches.yaml refuses such a value).

    >>> without_outer_quotes("“安全知识竞赛”"), without_outer_quotes("“两学一做”学习教育")
    ('安全知识竞赛', '“两学一做”学习教育')
    """
    return name[1:-1] if re.fullmatch(r"“[^“”]*”", name) else name


_CHAIRED_MEETING = re.compile(rf"(?:^|[。；！？])\s*([^，。；：！？]{{0,30}}?(?:{MEETING_KIND}))[，,]?由[^，。；！？]{{2,40}}?主持")


def meeting_chaired(text: str) -> str | None:
    """The meeting a report names as the subject of its chairing (庆祝大会由总经理某某主持), bare kind and all, or None: a
    report may name its meeting only so. A word that refers back (会议由…主持, 此次座谈会由…) names none.

    >>> meeting_chaired("庆祝大会由总经理丁某某主持。大会在国歌声中拉开帷幕。"), meeting_chaired("表彰大会，由县委副书记乙某主持。")
    ('庆祝大会', '表彰大会')
    >>> meeting_chaired("会议由县委副书记王某主持。") is None, meeting_chaired("此次座谈会由院长主持。") is None
    (True, True)
    """
    m = _CHAIRED_MEETING.search(text)
    if not m or REFERS_BACK.search(m.group(1)) or len(m.group(1)) < 3:
        return None
    return m.group(1)


def course_taught(text: str) -> str | None:
    """The course a report says one taught (讲授…“开学第一课”), or None.

    >>> course_taught("学校党委书记某某以《把青春写在奋斗里》为题，为新生讲授2022年春季学期“开学第一课”。")
    '2022年春季学期“开学第一课”'
    >>> course_taught("院长某某为新生上好开学第一课，勉励同学们。")
    '开学第一课'
    >>> course_taught("某某在开学典礼上讲授了做人做事的道理。") is None
    True
    """
    m = _COURSE_TAUGHT.search(text)
    return without_outer_quotes(m.group(1)) if m else None


def study_session(text: str) -> str | None:
    """The study group and its session a report's lead names (…理论学习中心组集体学习), or None.

    >>> study_session("6月12日，某某局党组理论学习中心组集体学习新修订的党章。")
    '某某局党组理论学习中心组集体学习'
    >>> study_session("11月3日，学院党委理论学习中心组全体成员在某会议室开展了集中学习。")
    '学院党委理论学习中心组集中学习'
    >>> study_session("3月2日，县委理论学习中心组举行2023年第3次集体学习。")
    '县委理论学习中心组2023年第3次集体学习'
    >>> study_session("会议要求，各党支部要开展集中学习。") is None
    True
    >>> study_session("5月31日，学院党委中心组在会议室开展党章专题学习会。") is None  # a session named for its subject: the lead's object
    True
    """
    m = _STUDY_SESSION.search(text)
    if not m or REFERS_BACK.search(m.group(1)) or m.group(1).startswith("各"):
        return None
    return m.group(1) + m.group(2)


def event_in_lead(lead: str, text: str = "") -> str | None:
    """The event a report's lead says was held, when it is named by no phrasing of a meeting the occasion readers know:
    the object of the lead's verb of holding (公司开展…“交流日”活动, 在全局范围内开展…述职报告会) or its subject (…合办的
    “某某”新时代基层党建创新研讨行在某区举办), without those who organised it — unless the text (the lead and what
    follows it) shows it is another meeting than its own (`another_meeting`: …会议精神 carried out).

    >>> event_in_lead("11月12日，公司开展2025年第三期“基层党建工作交流日”活动。")
    '2025年第三期“基层党建工作交流日”活动'
    >>> event_in_lead("7月6日至7日，由某某网组织，中共某某区委合办的“某某”新时代基层党建创新研讨行在某省某区举办。")
    '“某某”新时代基层党建创新研讨行'
    >>> event_in_lead("3月2日，某局在全局范围内开展基层党组织书记述职报告会。")
    '基层党组织书记述职报告会'
    >>> event_in_lead("3月2日，县委书记某某到某镇调研。") is None
    True
    >>> event_in_lead("5月8日，学院举办“安全知识竞赛”。"), event_in_lead("10月9日，某县举办“强国有我，青春建功”“我为群众讲政策”比赛。")
    ('安全知识竞赛', '“强国有我，青春建功”“我为群众讲政策”比赛')
    >>> event_in_lead("3月10日是某某镇每月固定的党员活动日。"), event_in_lead("7月1日是党的生日。") is None
    ('某某镇每月固定的党员活动日', True)
    """
    session = study_session(lead)
    if session:
        return session
    for pattern in (_LEAD_HOLDS, _LEAD_HELD, _COURSE_TAUGHT, _THE_DAY_IS_AN_EVENTS):
        m = pattern.search(lead)
        if m:
            event = _HELD_BY.sub("", _DATELINE_FIRST.sub("", m.group(1)))
            text = text or lead
            if len(event) >= 4 and not REFERS_BACK.search(event) and event[0] not in "的了着并而" and not another_meeting(text, max(text.find(event), 0), event):
                return without_outer_quotes(event)
    return None


_THE_DAY_IS_AN_EVENTS = re.compile(r"^\s*(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日(?:上午|下午)?是([^，。；！？]{2,30}?(?:活动日|党日|开放日|服务日))")
"""A lead that says its day is a fixed day of activity (3月10日是某某镇每月固定的党员活动日。当天，…): that day's activity is the
occasion; a day that is a date to remember (7月1日是党的生日) names none."""


_RECALLED = re.compile(r"刚刚|前不久|前几天|前些天|此前|曾经|上月|上周")
"""Words that put a meeting an opening names in the past, before the one the text is given at (刚刚组织…参加市党代会，
又接着举办…洽谈会; 前几天…组织视察，并相继召开…座谈会) — unless the sentence then comes to the present (今天, 这次).
先后, 相继, 接着 say one thing after another, not when (先后到两村调研，并召开座谈会: the visit's own meeting); 曾 alone
is a surname too (县委书记曾某主持召开…); 去年 may date the very meeting a report is of."""
_THE_MEETING_SPEAKS = re.compile(r"会议(?:强调|指出|要求|认为|号召|部署|传达)")
"""A report's voice for the meeting it reports (会议强调): its …会议精神 is that meeting's own, to be carried out."""
_HERE_AND_NOW = re.compile(r"今天|今日|这次|本次|此次|现在")
_QUOTED_LEADER = re.compile(r"总书记")
"""The one whose meeting a clause names is the top leader (习近平总书记主持召开…会议时强调): a meeting a commentary or a
study quotes, never the local one the text is given at."""


def another_meeting(opening: str, start: int, name: str) -> bool:
    """Whether a meeting an opening names at `start` is another than the one the text is given at, by the words around
    it: recalled (刚刚, 接着, 前不久 before it in its sentence, 今天 not after them), the top leader's (总书记 in its clause), or one whose spirit the text
    then carries out (…会议在京召开。抓好…会议精神落实: the same name and 精神).

    >>> another_meeting("近日，全国组织部长会议在京召开。抓好全国组织部长会议精神落实，我们要实干。", 3, "全国组织部长会议")
    True
    >>> text = "近段时间喜事连连，刚刚参加市党代会，又接着举办第二届民歌艺术节暨经贸洽谈会。"
    >>> another_meeting(text, text.index("第二届"), "第二届民歌艺术节暨经贸洽谈会")
    True
    >>> another_meeting("近日，习近平总书记主持召开中央某某委员会第五次会议时强调，要重视人才。", 13, "中央某某委员会第五次会议")
    True
    >>> another_meeting("3月1日，某某县召开全县组织工作会议。会议要求，认真贯彻全县组织工作会议精神。", 10, "全县组织工作会议")
    False
    >>> another_meeting("3月1日，县委书记曾某主持召开全县组织工作会议。", 16, "全县组织工作会议")
    False
    >>> another_meeting("去年我们取得了成绩，今天召开全县组织工作会议。", 14, "全县组织工作会议")
    False
    >>> another_meeting("曲某先后到两个村实地调研，并在村党员活动室召开座谈会。", 24, "座谈会")
    False
    >>> another_meeting("10月16日，某某第二十次全国代表大会开幕，学院组织师生集中收看开幕会直播。", 7, "某某第二十次全国代表大会")
    True
    """
    clause = re.split(r"[，,。；！？：]", opening[:start])[-1]
    sentence = re.split(r"[。；！？]", opening[:start])[-1]
    recalled = [m.end() for m in _RECALLED.finditer(sentence)]
    if (recalled and not _HERE_AND_NOW.search(sentence, recalled[-1])) or _QUOTED_LEADER.search(clause):
        return True
    if _WATCHED.search(opening, start + len(name), start + len(name) + WATCHED_WITHIN):
        return True  # …代表大会开幕，学院组织师生集中收看开幕会直播: the report's people watched it
    if _named_short_and_studied(opening, start + len(name), name):
        return True  # …全国代表大会在北京召开。…喜迎党的二十大: the congress awaited, the text's subject
    relayed = re.search(re.escape(name) + r"的?(?:重要)?精神", opening[start + len(name) :])
    return relayed is not None and not _THE_MEETING_SPEAKS.search(opening)


_SPEAKERS_VOICE = re.compile(r"同志们|我们|刚才|大家|今天")
"""A speaker's words before a meeting word: what the speech talks of, where its own meeting is named in full or not at all."""


def _only_a_kind(name: str) -> bool:
    """Whether a meeting's name is its kind alone, three characters at most with nothing that names which one
    (党代会, 座谈会, 部务会): in a speech's words a kind of meeting talked of.

    >>> _only_a_kind("党代会"), _only_a_kind("座谈会"), _only_a_kind("表彰大会"), _only_a_kind("全县组织工作会议")
    (True, True, False, False)
    """
    return len(name) <= 3 and re.fullmatch(f"[{HAN}]+", name) is not None


_CONGRESS = re.compile(r"第([一二三四五六七八九十]{1,3})次全国代表大会|第([一二三四五六七八九十]{1,3})届中央委员会第([一二三四五六七八九十]{1,2})次全体会议")
_AWAITED_OR_STUDIED = r"(?:喜迎|迎接|献礼|学习|贯彻|宣传|宣讲|领会|落实)"


def _named_short_and_studied(opening: str, after: int, name: str) -> bool:
    """Whether a national congress or plenum named in full (中国共产党第二十次全国代表大会, 第十九届中央委员会第五次
    全体会议) is named again by its short name as what the text awaits or studies (喜迎党的二十大, 学习贯彻五中全会精神,
    二十大精神): the congress is its subject, not the meeting it was given at.

    >>> _named_short_and_studied("中国共产党第二十次全国代表大会10月16日在北京召开。组工干部要以满分状态喜迎党的二十大。", 0, "中国共产党第二十次全国代表大会")
    True
    >>> _named_short_and_studied("某某县第十五次代表大会今天开幕。", 0, "某某县第十五次代表大会")
    False
    """
    m = _CONGRESS.search(name)
    if m is None:
        return False
    short = f"{m.group(1)}大" if m.group(1) else f"{m.group(2)}届{m.group(3)}中全会"
    rest = opening[after:]
    return re.search(rf"{_AWAITED_OR_STUDIED}[^，。；]{{0,8}}?{short}|{short}(?:的)?(?:重要)?精神", rest) is not None


_WATCHED = re.compile(r"收看|观看|收听|直播")
WATCHED_WITHIN = 60
"""How near after a meeting's name the report says its people watched it (…大会在北京开幕。我校师生集中收看开幕会): a
meeting seen on a screen, not the one the text was given at."""


_REST_OF_THE_CLAUSE = re.compile(r"[^，。；：！？,;:!?]{0,24}")
_NAME_GOES_ON_WITH = ("n", "j", "b", "x")
"""Tags (first letter) of the word that may carry a meeting's name on past a meeting word: a noun, an abbreviation, a
distinguishing word, a bracket (部务会|理论学习中心组（扩大）学习会) — never a verb (召开部务会|研究部署…会议筹备)."""


_WIDENED = re.compile(r"[（(]扩大[）)]")
"""A meeting widened past its members, in brackets after its kind (党委会（扩大）, 常委会(扩大)): part of its name."""


def _meeting_name_goes_on(text: str, end: int) -> str:
    """The rest of a meeting's name past the first meeting word the lazy reading stopped at, up to the last one in its
    clause, when the words go on as a name and end with the clause: 召开部务会|理论学习中心组（扩大）学习会; "" otherwise.

    >>> _meeting_name_goes_on("县委组织部召开部务会理论学习中心组（扩大）学习会，传达会议精神。", 10)
    '理论学习中心组（扩大）学习会'
    >>> _meeting_name_goes_on("县委组织部召开部务会研究部署会议筹备工作。", 10)
    ''
    >>> _meeting_name_goes_on("某学院举行某县村党支部书记培训班开班仪式，某某出席。", 16)
    '开班仪式'
    >>> _meeting_name_goes_on("公司召开党委会（扩大），听取工作报告。", 7), _meeting_name_goes_on("县委召开常委会(扩大)会议，研究工作。", 7)
    ('（扩大）', '(扩大)会议')
    """
    rest = _REST_OF_THE_CLAUSE.match(text, end).group()
    widened = _WIDENED.match(rest)
    if widened and rest[widened.end() :] in ("", "议"):
        return widened.group()  # 召开党委会|（扩大）: the meeting widened to more than its members, still its name
    ends = [m.end() for m in re.finditer(MEETING_KIND, rest) if m.end() >= 2]
    if not ends or rest[ends[-1] :] not in ("", "议"):
        return ""  # a name runs to its clause's end: 部务会|研究部署会议筹备工作 is what the meeting did
    more = rest[: ends[-1]]
    if _A_COURSES_CEREMONY.fullmatch(more):
        return more  # 举行…培训班|开班仪式: the course's opening is the event held
    first = tagger().lcut(more)[0]
    return more if first.flag[:1] in _NAME_GOES_ON_WITH else ""


_A_CLASS_IN_TITLE = re.compile(rf"在([{HAN}“”]{{4,40}}?[{HAN}]{{2}}班)上的?(?:讲话|发言|致辞|动员讲话|讲稿|讲话稿|辅导报告|党课)")
"""A class the title says the speech was given at, of any kind the list of meetings does not know (在全镇新任村支部委员
能力提升班上的讲话): 班上的讲话 says it is one."""


_A_COURSES_CEREMONY = re.compile(r"(?:开班|开学|结业|毕业|开营|结营)(?:仪式|式|典礼)")
"""A course's opening or closing after its name (…培训班|开班仪式): the event held, though 开班 reads as a verb."""


def _inside_a_quotation(text: str, at: int) -> bool:
    """Whether `at` stands inside a quotation (more “ than ” before it): the quoted one's words.

    >>> _inside_a_quotation("“我们召开专题会议2次。”3月6日，某县召开述职评议会。", 5), _inside_a_quotation("“好。”某县召开会议。", 8)
    (True, False)
    """
    return text.count("“", 0, at) > text.count("”", 0, at)


_SOURCE_BEFORE_TITLE = re.compile(r"^[（(【\[][^（）()【】\[\]]{2,16}[）)】\]][:：]?(?=.{6})|^[^：:，。]{2,12}[:：](?=.{6})")
"""A source or column a site puts before a headline: （某某县委党校）:2015年…培训班开班, 某某网：…"""
_HOLDS_AT_THE_END = re.compile(OPENING_OCCASION_RE.pattern + "$")
"""A headline that says who holds the meeting: 某某中央在京召开全国组织处长工作会议."""
_BARE_MEETING = re.compile(rf"^(?:(?:19|20)\d{{2}}年度?)?(?:第[{CN_DIGITS}\d]{{1,3}}次)?(?:全体|扩大)?(?:{MEETING_WORDS})$")
"""A meeting named only by its year, number and kind (2025年第一次会议, 第三次全体会议): the body that holds it
is its name (县委人才工作领导小组2025年第一次会议)."""
_LEVEL_ORGAN_ALONE = re.compile(r"(?:[\u4e00-\u9fff]{1,8}?)?[省市州县区旗镇乡]委")
"""A level's committee holding its own body's meeting in a headline: 区委召开党建工作领导小组会议 → 区委党建工作领导小组会议."""
REFERS_TO_ITSELF = re.compile(r"[我该本全各]")
"""我镇, 该县, 本市: the place a text speaks from, no name of it."""
_WHERE_NOT_WHO = re.compile(r"(?:并|又|还|随后|同时|后)?(?:在|于|到)")
"""A place, not a holder, before 召开: 并在张某村党员活动室 | 召开座谈会 (the one who holds it is the sentence's subject)."""
_HOLDER = re.compile(rf"(?:^|[，。；：\s])([{HAN}]{{2,10}})(?:委|政府)?$")
"""Who holds the meeting, just before 召开: 2月20日，某某镇 | 召开…"""


def _meeting_name(candidate: str) -> str | None:
    """The meeting's name inside `candidate`, or None when it names no meeting or only refers back."""
    candidate = _DATELINE_FIRST.sub("", candidate)  # 新华社北京12月13日电 全国组织部长会议…
    # 在2020年全市组织工作会议上: the year before 全X is the date's; 2021年度述职评议会议 keeps it, it names which
    candidate = re.sub(r"^在?(?:19|20)\d{2}年(?:度)?(?=全)|^在", "", _without_outer_quotes(candidate))
    candidate = re.sub(r"^(?:参加|出席)(?:所在)?", "", candidate)  # 在参加所在党支部组织生活会时的讲话
    candidate = re.sub(r"^(?:昨天|昨日|今天|今日|前天|前日|当天|当日)的?", "", candidate)  # 昨天的全市…座谈会: when, not its name
    candidate = _DAY_BEFORE_A_NAME.sub("", candidate)  # 5月12日全县…会议召开: the headline's day, not the meeting's name
    candidate = re.sub(r"(?:结束|开幕|闭幕)$", "", candidate)
    candidate = _OUR_UNIT.sub("", candidate)  # 我校选派第一书记工作部署会: the unit's word for itself is no part of the name
    # 县委组织部、县委党校承办的|年轻干部培训班: who holds or runs it is no part of its name
    candidate = re.sub(r"^[^，。；]{2,30}?(?:主办|承办|协办|合办|举办|组织)的(?=[^，。；]{4})", "", candidate)
    ends = [m.end() for m in _MEETING_END.finditer(candidate)]
    if not ends:
        return None
    end = ends[-1] + (1 if candidate[ends[-1] : ends[-1] + 1] in ("议", "会") else 0)  # …会议, …集体学习会
    widened = _WIDENED.match(candidate, end)
    end = widened.end() if widened else end  # 党委会（扩大）
    name = candidate[:end]
    # What follows the last meeting word may still belong to it: …培训班开班式, …会议暨…推进会
    if len(name) < 3 or REFERS_BACK.search(name):
        return None
    # A name never opens with a grammar word: 的深入学习贯彻…大会 is the tail of a clause cut at the wrong place,
    # and no name is better than a wrong one (a speech without its occasion goes to 待核对).
    if name[0] in "的了着并而":
        return None
    return name


_DAY_BEFORE_A_NAME = re.compile(
    rf"^(?:(?:19|20)\d{{2}}年)?(?:\d{{1,2}}|[{CN_DIGITS}]{{1,3}})月(?:\d{{1,2}}|[{CN_DIGITS}]{{1,3}})[日号](?:上午|下午|晚上?|晚间)?[，, ]?(?=.{{4}})"
)
"""A month and day a headline or lead glues before the meeting's name (5月12日全县…推进会议召开, 十二月五日某某镇…): when it
was held, never part of its name (a year alone may be: 2025年第一次会议)."""


_OUR_UNIT = re.compile(r"^我(?:校|院|所|厂|局|集团|公司|单位)(?=.{4})")
"""A unit's word for itself before a meeting's name (我校, 我院): the report's voice, not the name (我县, 我市 say the level)."""


def _without_outer_quotes(text: str) -> str:
    """`text` without the quotation marks around it, keeping those of a name it opens with:
    "“全市人才日”活动开幕式" stays as it is."""
    stripped = text.strip("“”\"《》 ")
    for opening, closing in ("“”", "《》"):
        if stripped.count(opening) < stripped.count(closing) and text.lstrip().startswith(opening):
            stripped = opening + stripped
    return stripped


def find_level(*texts: str | None, role: str | None = None) -> tuple[str | None, str | None]:
    """Administrative level (省/市/县/区/乡/镇/街道) from 我X, from 全X, from an organ (县委…), or a leading 县….

    The texts are tried in order (occasion, title, subtitle): the meeting's own name wins; the
    speaker's role (县委副书记, 市长) comes last.

    >>> find_level("乡（镇、街道）党（工）委书记抓基层党建工作述职评议考核会议")
    (None, None)
    >>> find_level("全县乡（镇）党委书记抓基层党建工作述职评议会议")
    ('县', '全X')
    >>> find_level("市委组织部调研组来我县调研干部教育工作")
    ('县', '我X')
    >>> find_level("人才工作领导小组会议", role="市委常委、区委书记"), find_level("组织工作会议", role="市委常委、组织部部长")
    (('区', "the speaker's role"), ('市', "the speaker's role"))
    >>> find_level("郑州市北林路街道“红色物业”推进会"), find_level("某某大学都江堰校区党委中心组学习会")
    (('街道', 'a place and its level'), ('校', 'the holding body (中央 / 学校 / 企业)'))
    >>> find_level("2022年度县市区委、市管党（工）委书记抓基层党建工作述职评议会议")
    ('市', 'organ (X委/X政府)')
    >>> find_level("某某省人民医院党委召开理论学习中心组学习会"), find_level("某某县公立医院改革推进会")
    ((None, None), ('县', 'leading X'))
    >>> find_level("县城建设专题座谈会"), find_level("乡村振兴工作推进会"), find_level("某某县城关镇党委会议")
    ((None, None), (None, None), ('镇', 'organ (X委/X政府)'))
    """
    for pattern, rule in ((LEVEL_SELF_RE, "我X"), (LEVEL_RE, "全X"), (LEVEL_ORGAN_RE, "organ (X委/X政府)"), (LEVEL_LEADING_RE, "leading X"), (LEVEL_PLACE_RE, "a place and its level")):
        for text in texts:
            if text:
                plain = _TWO_LEVELS.sub(_the_convening_level, _UNITS_OF_A_KIND.sub("", without_non_units(re.sub(r"\s+", "", text))))
                m = pattern.search(plain)
                if m and not (pattern in (LEVEL_LEADING_RE, LEVEL_PLACE_RE) and _AN_INSTITUTION_NAMED.match(plain, m.end())):
                    return m.group(1), rule
    # No organ of government holds it: the central level's bodies (全国…会议, 中共中央, 民建中央召开…), then a school or
    # a company that holds it (某某大学党委…, 文学院党委, 黄石三中, 公司职代会…) — read at the name's head, never a subject
    # inside it (企业党建工作推进会, 高校党建座谈会 name what the meeting is about, no holder)
    for text in texts:
        level = holding_body_level(re.sub(r"\s+", "", text or ""))
        if level:
            return level, "the holding body (中央 / 学校 / 企业)"
    # 市委常委、区委书记: a chain names the concurrent higher post first and the one held last — the last organ's level
    m = ([None] + list(LEVEL_OF_ROLE_RE.finditer(without_non_units(role or ""))))[-1]
    if m:
        return m.group(1), "the speaker's role"
    return ("中央", "the speaker's role") if role and _CENTRAL_POST.search(role) else (None, None)


_CENTRAL_BODY = re.compile(
    r"全国(?![^，。；]{0,24}精神)(?=[\u4e00-\u9fff]{0,20}(?:会议|大会|会|班))"
    r"|(?:中共|党)中央(?:委员会|组织部|办公厅)?(?=召开|举行|举办|在)"
    r"|^(?:中共中央|中央委员会|中央组织部|中组部)"
    r"|(?:民革|民盟|民建|民进|农工党|致公党|九三学社|台盟|团)中央(?=召开|举行|举办|在|[\u4e00-\u9fff]{0,16}(?:会议|大会))"
)
"""The central level holding the meeting: a national meeting by its name (全国组织部长会议 — not one whose 精神 is relayed:
学习贯彻全国组织部长会议精神座谈会), the Party centre or a party's or league's central committee as the subject
(中共中央召开…, 民建中央在京召开…); 中央党校教授, 中央精神 name no holder."""
_CENTRAL_POST = re.compile(r"中共中央|中央(?:政治局|书记处|委员会)|(?<=[\u4e00-\u9fff])中央(?:主席|副主席|常委)|全国(?:人大常委会|政协)(?:副)?(?:委员长|主席)")
"""A post of the central level (中共中央政治局常委, 民盟中央主席, 全国人大常委会副委员长): the speaker's level, the last resort."""
_SCHOOL = r"(?:大学|学院|学校|中学(?!生)|小学(?!生)|(?<![届次])[一二三四五六七八九十]中(?!全会|央))"
_COMPANY = r"(?:公司|集团)"
_INSTITUTION_HOLDS = re.compile(
    rf"^(?:[我全](?:校|公司|集团)|校(?=党委|党总支|团委|领导)"
    rf"|(?:(?!召开|举行|举办|开展|在|的|和|与|及|关于|学习|全[省市县区镇乡])[\u4e00-\u9fff“”A-Za-z×＊*]){{0,14}}?({_SCHOOL}|{_COMPANY})"
    rf"(?=(?:分公司|子公司|[\u4e00-\u9fff]{{2,4}}校区)?(?:党委|党总支|党支部|党组|纪委|团委|工会|学生会|召开|举行|举办|开展|在|第|\d|[，。、：:]|$)))"
    rf"|^({_SCHOOL}|{_COMPANY})"
)
"""A school or a company at the head of a name, as the one who holds it: 某某大学党委…, X医学院党委人才工作会议, 文学院党委,
黄石三中, 某某集团2024年工作会议, 我校, 全校, 公司职代会预备会 (the unit's own word for itself opening the name). Not what
a meeting is about: 企业党建工作推进会, 高校党建座谈会, 中学生… (a kind of unit, or its pupils, is no holder)."""


def holding_body_level(text: str) -> str | None:
    """The level a name's holding body gives when it is no organ of government: 中央, 校 or 企业, else None.

    >>> holding_body_level("全国组织部长会议"), holding_body_level("民建中央在京召开全国组织处长工作会议")
    ('中央', '中央')
    >>> holding_body_level("X医学院党委人才工作会议"), holding_body_level("黄石三中"), holding_body_level("公司职代会预备会")
    ('校', '校', '企业')
    >>> holding_body_level("学习贯彻全国组织部长会议精神座谈会"), holding_body_level("中央党校教授阐述党章"), holding_body_level("企业党建工作推进会")
    (None, None, None)
    """
    text = re.sub(r"^在", "", text or "")  # 在某某大学…会议上的讲话
    if not text:
        return None
    if _CENTRAL_BODY.search(text):
        return "中央"
    m = _INSTITUTION_HOLDS.search(text)
    if not m:
        return None
    word = m.group(1) or m.group(2) or m.group()
    return "企业" if re.search(_COMPANY, word) else "校"


_AN_INSTITUTION_NAMED = re.compile(
    r"(?:(?!召开|举行|举办|开展|组织|部署|推进|在|的|和|与|、)[\u4e00-\u9fff]){0,8}?"
    r"(?:医院|卫生院|学校|中学|小学|大学|学院|幼儿园|公司|集团|银行|信用社|联合社|研究院|研究所)"
    r"(?=党|纪委|团委|工会|召开|举行|举办|开展|组织|在|第|\d|[，。、：:\s]|$)"
)
"""What follows a place and its level when they only open an institution's name, no organ of government: 某某省|人民医院党委,
某某市|第一中学召开…, 某某县|城投公司: the hospital, school or company holds the meeting, a unit of no level. The meeting's
subject is no such name (某某县|公立医院改革推进会: the county holds it)."""


_TWO_LEVELS = re.compile(r"(?<!全)(?:县市区|市县区|县区市|县乡|市县|县市|乡镇|镇乡|县区|区县)(?=两级|三级|人大|政府|党委|委|领导班子|换届|[\u4e00-\u9fff]{0,4}换届)")
"""Two or three levels named together (县乡人大换届, 乡镇党委换届, 县市区委书记述职): the higher one holds the meeting; 乡镇 alone
says nothing of who holds it (the county, or a town for itself), the body will; 县区 (区县) and 县市区 are a city's."""


_UNITS_OF_A_KIND = re.compile(r"(?<![全我该本])(?:省|市|县|区|乡|镇|街道)[（(](?:省|市|县|区|乡|镇|街道|[、，,])+[）)]")
"""A level with others in brackets (乡（镇、街道）党（工）委书记述职评议会, 县（市、区）委书记…): every unit of a kind,
the audience, not who holds the meeting (the level above does): it says no level; the body will."""


def _the_convening_level(m: re.Match) -> str:
    if m.group() in ("县区", "区县") or len(m.group()) == 3:
        return "市"  # a city's counties, county-level cities and districts together: the city holds the meeting
    return "" if m.group() in ("乡镇", "镇乡") else m.group()[0] if m.group()[0] in "市县" else m.group()[1]


YEAR_IN_HEADING_RE = re.compile(r"((?:19|20)\d{2})年.{0,16}(?:工作|任务|安排|思路|打算|要点)")
YEAR_IN_OPENING_RE = re.compile(r"(?:^|[。，])((?:19|20)\d{2})年是")
_CN_COUNT = r"\d{1,3}|[一二三四五六七八九十百]{1,4}"
ANNIVERSARIES = [
    (re.compile(rf"(?:新中国|中华人民共和国)成立({_CN_COUNT})周年"), 1949, "新中国成立N周年"),
    (re.compile(rf"(?:中国共产党|我们党|党)(?:成立|建党|诞生)?({_CN_COUNT})周年|建党({_CN_COUNT})周年"), 1921, "建党N周年"),
    (re.compile(rf"改革开放({_CN_COUNT})周年"), 1978, "改革开放N周年"),
    (re.compile(rf"五四运动({_CN_COUNT})周年"), 1919, "五四运动N周年"),
    (re.compile(rf"长征胜利({_CN_COUNT})周年"), 1936, "长征胜利N周年"),
    (re.compile(rf"抗日战争(?:暨世界反法西斯战争)?胜利({_CN_COUNT})周年"), 1945, "抗战胜利N周年"),
]
_THIS_YEAR = re.compile(r"(今年|明年)(?:是|恰逢|正值|适逢|将迎来|迎来|我们将迎来)?")
_ALSO_IS = re.compile(r"[，,]\s*(?:同时)?(?:也|又|还|更)(?:是|恰逢|正值|适逢)")
"""今年是A周年，也是B周年: a clause coordinated with the first, of the same year (又是, 还是, 同时也是)."""


_ON_THE_OCCASION = re.compile(r"(?:值此|在|正值|适逢|恰逢)([^。，；]{2,30}?周年)(?:华诞)?(?:即将)?(?:来临|到来|前夕)?之际")
_CELEBRATING = re.compile(r"(?<![迎接])(?:庆祝|纪念|欢庆|庆贺)([^。，；：“”《》]{2,24}?周年)(?!大会上|大会的|重要讲话|讲话)")
"""An event held for an anniversary (开展庆祝中国共产党成立99周年主题党日, 为庆祝改革开放40周年，…宣讲): the event is in
that year. Not one that recalls another meeting's speech (学习…在庆祝改革开放40周年大会上的重要讲话), nor one to come
(迎接建党100周年, 喜迎…)."""
_YEARS_COME = re.compile(rf"(中国共产党|我们党|我党|新中国|人民共和国|改革开放)[^。；！？]{{0,12}}?走过了?({_CN_COUNT})年")
"""How long the Party, the PRC or reform and opening has gone (中国共产党已经走过了99年, 我们党从建党至今，走过了91年的光辉
历程): the founding year and the count make the year the words are said in."""
_CELEBRATED_BEFORE = re.compile(r"去年|前年|上年|曾经?|当年|那年|(?:19|20)\d{2}年|过去(?:的)?[一二三四五几\d]*年|[一二三四五几\d]年来|回顾")
"""A celebration said of an earlier year (去年隆重庆祝建党100周年, 2019年庆祝…), or in a look-back over the years past
(过去一年，…在建党100周年之际…; 回顾…): not the text's."""
_YEARS_SINCE = re.compile(rf"(中国共产党|我们党|我党|党|新中国|中华人民共和国|人民共和国|改革开放)(?:成立|建党|诞生|实行)?(?:以来)?的?({_CN_COUNT})年来|建党({_CN_COUNT})年来")
"""N years since the Party, the PRC, reform and opening (中国共产党成立100年来, 改革开放40年来): the founding year and the count
make the year the words are said in — an exact count only (100多年来, 百年来 are said for years after)."""
_YEARS_COME_BASE = {"新中国": 1949, "人民共和国": 1949, "中华人民共和国": 1949, "改革开放": 1978}
_PARTY_BIRTHDAY = re.compile(rf"党的({_CN_COUNT})岁生日")


def anniversary_year(text: str) -> tuple[int, str] | None:
    """今年是新中国成立71周年 / 值此建党91周年之际 → (year, rule); only anniversaries said of now count."""
    found = anniversary_evidence(text)
    return found[:2] if found else None


def anniversary_evidence(text: str) -> tuple[int, str, str] | None:
    """(year, rule, the words that say it) for an anniversary said of now: 值此…周年之际, 今年是…周年, an event held to
    celebrate it, how many years the Party (the PRC, reform and opening) has gone, the Party's Nth birthday.

    >>> anniversary_evidence("7月17日，学校党支部开展庆祝中国共产党成立99周年主题党日活动。")
    (2020, 'anniversary: 建党N周年', '庆祝中国共产党成立99周年')
    >>> anniversary_evidence("为庆祝改革开放40周年，10月23日下午，宣讲活动举行。")[:2]
    (2018, 'anniversary: 改革开放N周年')
    >>> anniversary_evidence("学习贯彻总书记在庆祝改革开放40周年大会上的重要讲话精神座谈会") is None
    True
    >>> anniversary_evidence("以更加优异的成绩迎接建党100周年！") is None
    True
    >>> anniversary_evidence("中国共产党已经走过了99年的风风雨雨。")
    (2020, 'anniversary: 建党N年', '中国共产党已经走过了99年')
    >>> anniversary_evidence("我们党从建党至今，走过了91年的光辉历程。")[:2]
    (2012, 'anniversary: 建党N年')
    >>> anniversary_evidence("纪念中国共产党首部党章通过100周年学术研讨会") is None
    True
    >>> anniversary_evidence("去年，我们隆重庆祝建党100周年。"), anniversary_evidence("我入党已经走过了30年。")
    (None, None)
    >>> anniversary_evidence("我们党走过了百年光辉历程。") is None
    True
    >>> anniversary_evidence("中国共产党成立100年来，团结带领人民取得了伟大成就。"), anniversary_evidence("改革开放40年来，我县发生了巨变。")[:2]
    ((2021, 'anniversary: 建党N年', '中国共产党成立100年来'), (2018, 'anniversary: 改革开放N年'))
    >>> anniversary_evidence("党成立100多年来，历经沧桑。"), anniversary_evidence("我县撤县设区10年来，变化很大。")
    (None, None)
    >>> anniversary_evidence("过去一年，在建党100周年之际，我们开展了系列活动。"), anniversary_evidence("回顾一年来的工作，我们隆重庆祝了建党100周年。")
    (None, None)
    >>> anniversary_evidence("主席指出，今年是某某口号发布60周年，也是改革开放30周年，祖国发生了巨大变化。")[:2]
    (2008, 'anniversary: 改革开放N周年')
    >>> anniversary_evidence("今年是我县撤县设区10周年，我们要总结经验。") is None
    True
    """
    for occasion in _ON_THE_OCCASION.finditer(text):
        if _CELEBRATED_BEFORE.search(re.split(r"[。！？；]", text[: occasion.start()])[-1]):
            continue  # 过去一年，在建党100周年之际…: a look-back at an earlier year
        for pattern, base, rule in ANNIVERSARIES:
            m = pattern.search(occasion.group(1))
            if m:
                n = count_value(next(g for g in m.groups() if g))
                if n:
                    return base + n, f"anniversary: {rule}", occasion.group(0)
    for when in _THIS_YEAR.finditer(text):
        # 今年是…周年，也是改革开放30周年: the clauses coordinated with 也是 say the same year
        sentence = re.split(r"[。！？；]", text[when.end() :])[0]
        starts = [0] + [also.end() for also in _ALSO_IS.finditer(sentence)]
        for start in starts:
            window = sentence[start : start + 24]
            for pattern, base, rule in ANNIVERSARIES:
                m = pattern.match(window) or pattern.search(window[:16])
                if m:
                    n = count_value(next(g for g in m.groups() if g))
                    if n:
                        return base + n - (1 if when.group(1) == "明年" else 0), f"anniversary: {rule}", when.group(1) + sentence[: start + m.end()]
    for event in _CELEBRATING.finditer(text):
        if _CELEBRATED_BEFORE.search(re.split(r"[。！？；]", text[: event.start()])[-1]):
            continue  # 去年我们隆重庆祝了…: an earlier year's
        for pattern, base, rule in ANNIVERSARIES:
            m = pattern.fullmatch(event.group(1)) or pattern.match(event.group(1))
            if m and m.end() == len(event.group(1)):
                n = count_value(next(g for g in m.groups() if g))
                if n:
                    return base + n, f"anniversary: {rule}", event.group(0)
    m = _YEARS_COME.search(text)
    if m and m.group(2) != "百":  # 走过了百年光辉历程 is said for years after the hundredth
        n = count_value(m.group(2))
        base = _YEARS_COME_BASE.get(m.group(1), 1921)
        if n and n < 120:
            return base + n, "anniversary: " + {1921: "建党N年", 1949: "新中国成立N年", 1978: "改革开放N年"}[base], m.group(0)
    m = _YEARS_SINCE.search(text)
    if m and (m.group(2) or m.group(3)) != "百" and (n := count_value(m.group(2) or m.group(3))) and n < 120:
        base = _YEARS_COME_BASE.get(m.group(1) or "", 1921)
        return base + n, "anniversary: " + {1921: "建党N年", 1949: "新中国成立N年", 1978: "改革开放N年"}[base], m.group(0)
    m = _PARTY_BIRTHDAY.search(text)
    if m and (n := count_value(m.group(1))) and n < 120:
        return 1921 + n, "anniversary: 建党N周年", m.group(0)
    return None


def infer_year(sections: list[Section]) -> tuple[int | None, str | None]:
    """A year for a speech whose header has none: headings, `2020年是…` openings, stated anniversaries."""
    return infer_year_evidence(sections)[:2]


_LOOKS_BACK_ON_A_YEAR = re.compile(r"[^，。；]{0,4}?(?:回顾|回头看)")
"""A heading's year looked back on (2023年工作回顾, 2023年工作回头看): said in a later year — a speech reviews the year gone."""


def infer_year_evidence(sections: list[Section]) -> tuple[int | None, str | None, str | None]:
    """infer_year, with the words that say the year (for 待核对: 年份按“庆祝中国共产党成立99周年”推断). The latest year a
    top heading names; when every heading naming it looks back on it (一、2023年工作回顾) and none names a later year's work,
    the year after it."""
    years = [(int(m.group(1)), m.group(0), _LOOKS_BACK_ON_A_YEAR.match(s.heading, m.end()) is not None)
             for s in sections if s.level == 1 for m in YEAR_IN_HEADING_RE.finditer(s.heading)]
    if years:
        year, words, _ = max(years)
        if all(looks_back for y, _, looks_back in years if y == year):
            # 一、2023年工作回顾 (and no later year's work ahead): the speech looks back on that year from the next
            return year + 1, "headings", next(s.heading for s in sections if s.level == 1 and words in (s.heading or ""))
        return year, "headings", words
    for section in sections:
        if section.kind == "opening":
            for p in section.paragraphs:
                m = YEAR_IN_OPENING_RE.search(p.text)
                if m:
                    said = re.match(r"[^。！？]{0,24}", p.text[m.start(1) :]).group(0)
                    return int(m.group(1)), "opening", said
    for section in sections:
        for p in (p for s in section.walk() for p in s.paragraphs):
            found = anniversary_evidence(p.text)
            if found:
                return found
    return None, None, None


# --- body ----------------------------------------------------------------------------------------


_RECORD_FIELD = re.compile(r"^[\u4e00-\u9fff]{2,4}[:：]\s*[^:：。！？；]{1,30}$")
"""A record's labelled line: a word of two to four characters, a colon, a short value (`主题：招新宣传`, `主讲：王某某`)."""


def in_a_run_of_fields(texts: list[str], at: int) -> bool:
    """Is line `at` one of two or more labelled lines in a row (a record's fields under its title: `主题：…` / `主讲：…`)?
    Under a title they are the record's, not the title's wrap; one labelled line alone may be a title's (`专题党课：…`).

    >>> in_a_run_of_fields(["8.30会议记录", "主题：招新宣传", "主讲：王某某", "一、到场情况"], 1)
    True
    >>> in_a_run_of_fields(["专题党课：坚定理想信念", "在全县党员大会上的讲话"], 0)
    False
    """
    filled = [k for k, text in enumerate(texts) if text.strip()]
    if at not in filled or not _RECORD_FIELD.match(re.sub(r"\s+", "", texts[at])):
        return False
    place = filled.index(at)
    neighbours = [filled[j] for j in (place - 1, place + 1) if 0 <= j < len(filled)]
    return any(_RECORD_FIELD.match(re.sub(r"\s+", "", texts[k])) for k in neighbours)


_FIELD_WITH_A_CODE = re.compile(r"^[\u4e00-\u9fff]{2,8}[:：][A-Za-z0-9][A-Za-z0-9._/-]{0,30}$")
"""A field of a record, its label and a code or number (`课程代码：12656`, `编号：HR-2024-01`)."""


_OPENS_A_REPORT = re.compile(
    r"^[^，。；]{0,24}?(?:讯|电|消息)?\s*(?:[（(][^（）()]{0,24}[）)])?\s*(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}[日号]|^(?:近日|日前|昨天|昨日|今天|今日|当天)")
"""A text that opens as a report does: its day first (3月24日，…; 2024年2月24日上午，…), after a newsroom's dateline."""
BLURB_LINES_MAX = 2


def _past_a_collections_blurb(content: list[Line], cut: int) -> int:
    """Where the header ends on a collection page whose name (…党课讲稿汇编4篇) stands over the site's blurb — a
    sentence or two — and then the first piece's number and title (第1篇：…): at that line, not above the blurb;
    the blurb is the header's note (no text of the speech) and the collection's name gives way to the piece's title.

    >>> lines = [Line(1, "2023年支部书记党课讲稿汇编4篇"), Line(2, "党支部书记是党的最基层组织的领头人。"), Line(3, "第1篇：2023年支部书记党课讲稿"), Line(4, "总书记指出，……。")]
    >>> _past_a_collections_blurb(lines, 1)
    3
    >>> _past_a_collections_blurb([Line(1, "在全县组织工作会议上的讲话"), Line(2, "同志们好。"), Line(3, "第1篇：某某")], 1)
    1
    """
    if not cut or not _COLLECTION.search(re.sub(r"\s+", "", content[cut - 1].text)):
        return cut
    for k in range(cut, min(cut + BLURB_LINES_MAX + 1, len(content))):
        text = re.sub(r"\s+", "", content[k].text)
        if _numbers_a_piece(text):
            return k + 1
        if _PIECE_LABEL.fullmatch(text):  # 第1篇 alone, its title on the next line
            return k + 2 if k + 1 < len(content) and _looks_like_header(content[k + 1].text) else k + 1
        if not _OPENING_PARAGRAPH.match(content[k].text):
            return cut
    return cut


UNDER_A_GIVEN_TITLE_MIN = 2
"""Title lines under the document's marked title, before they are read as its text: a title wraps over one more line
(a thesis's `林火…形态及` / `辐射效应数值研究`), a list runs on."""


def _under_the_given_title(header: list[HeaderLine], given: str) -> int | None:
    """The first line of the text when the header reader took a list under the document's own title for more of the
    title: the title the document marks (PDF's largest type, Word's Title style: kb add's `title:`) is spelled by the
    header's first title lines exactly, and two or more lines read as title follow it — no title runs on so, a list of
    items under a minutes' or a plan's name does (`会议纪要` / `邀请朋友，获得体验包` / `积分抵运费` …).

    >>> lines = [HeaderLine(1, "会议纪要", "title"), HeaderLine(3, "邀请朋友，获得体验包", "title"), HeaderLine(5, "积分抵运费", "title"),
    ...          HeaderLine(7, "如何跟踪", "speaker")]
    >>> _under_the_given_title(lines, "会议纪要")
    3

    A title wrapped over two lines, the mark on its first (one line follows), a title given whole, or one a curator
    rewrote (its letters spell no lines on top), leave the header as it is:

    >>> _under_the_given_title([HeaderLine(1, "林火混合含烟颗粒形态及", "title"), HeaderLine(2, "辐射效应数值研究", "title")], "林火混合含烟颗粒形态及")
    >>> _under_the_given_title(lines, "会议纪要 邀请朋友，获得体验包 积分抵运费")
    >>> _under_the_given_title(lines, "产品会议纪要")
    """
    want, spelled = _letters(given), ""
    titles = [h for h in header if h.role == "title"]
    for k, line in enumerate(titles):
        if spelled == want:
            return line.line if len(titles) - k >= UNDER_A_GIVEN_TITLE_MIN else None
        spelled += _letters(line.text)
        if not want.startswith(spelled):
            return None
    return None


def _the_date_under_the_title(content: list[Line]) -> bool:
    """Where every line is short (a list of items: the header cannot be told by shape), is the second line a date alone
    and the only one — the day under the title (`会议纪要` / `2019.08.26` / items), not one entry of a dated log?

    >>> _the_date_under_the_title([Line(1, "会议纪要"), Line(2, "2019.08.26"), Line(3, "确定了人员分工"), Line(4, "版本控制工具")])
    True
    >>> _the_date_under_the_title([Line(1, "工作日志"), Line(2, "2019.08.26"), Line(3, "确定分工"), Line(4, "2019.08.27"), Line(5, "发布任务")])
    False
    """
    return len(content) > 2 and bool(_date_line(content[1].text)) and not any(_date_line(line.text) for line in content[2:])


def split_header_and_body(lines: list[Line]) -> tuple[list[Line], list[Block]]:
    """Header lines are those above the salutation (or, without one, the short lines on top)."""
    content = [line for line in lines if line.text]
    salutation = next((i for i, line in enumerate(content) if SALUTATION_RE.match(line.text)), None)
    if salutation is not None and salutation <= 12:
        head, body = content[:salutation], content[salutation:]
    else:
        cut = 0
        while cut < len(content) and cut < 8 and (_looks_like_header(content[cut].text) or _a_headline_over_a_headline(content, cut)
                                                   or (cut == 0 and len(content) > 1 and an_exclaimed_headline(content[cut].text)
                                                       and detect_numbered(content[cut].text) is None)) \
                and not (cut and _rows_of_a_form(content, cut)):
            cut += 1
        if cut == len(content):
            cut = min(1, len(content))
            if _the_date_under_the_title(content):
                cut = 2  # 会议纪要 / 2019.08.26 / short items: the day the minutes were taken, a header's line
        while cut and _labels_a_part_like_those_below(content[cut - 1].text, content[cut:]):
            cut -= 1
        cut = _past_a_collections_blurb(content, cut)
        head, body = content[:cut], content[cut:]
    return head, [Block(line.number, line.text) for line in body]


FORM_CELL_MAX = 8
"""A form's label cell (姓名, 导师职称, 所在地址及邮编) is a few characters: a row of them is no title's phrases."""


def _a_forms_row(text: str) -> bool:
    """A table row of a form as the converter gives it, its cells set apart by spaces: two or more short cells, none
    a sentence or a clause (`姓名 年级`, `导师姓名 导师职称`, `单位： 从业类别：`).

    >>> [_a_forms_row(t) for t in ("姓名 年级", "导师姓名 导师职称", "某某县委书记在全县组织工作会议上的讲话", "全面从严治党，永远在路上 持之以恒")]
    [True, True, False, False]

    A title of two short phrases has the shape of one row (`坚持党建引领 建强战斗堡垒`): only rows one under another
    tell a table (`_rows_of_a_form`).
    """
    cells = text.split()
    return len(cells) >= 2 and all(len(cell) <= FORM_CELL_MAX and not _STOP_INSIDE.search(cell.rstrip("：:")) for cell in cells)


def _rows_of_a_form(content: list[Line], at: int) -> bool:
    """Does a form's table begin at this line, under its title: this line and the next both rows of short label
    cells (`_a_forms_row`), neither a byline nor a date? The rows are the form's text, not the title's further lines
    (`某某论坛报名表` / `姓名 年级` / `所在学校 专业` …), nor a speaker's name.

    >>> lines = [Line(1, "某某学术论坛报名表"), Line(2, "姓名 年级"), Line(3, "所在学校 专业"), Line(4, "征文题目")]
    >>> _rows_of_a_form(lines, 1), _rows_of_a_form(lines, 2)
    (True, False)
    >>> _rows_of_a_form([Line(1, "凝心聚力 再创佳绩"), Line(2, "县委书记 张明"), Line(3, "2023年2月1日")], 1)
    False
    """
    pair = content[at : at + 2]
    return len(pair) == 2 and all(_a_forms_row(line.text) and not _a_byline_with_a_post(line.text) and not find_date(line.text) for line in pair)


def _a_byline_with_a_post(text: str) -> bool:
    """A byline that names a post (县委书记 张明): two short cells, but a speaker's line, not a form's row."""
    byline = read_byline(text)
    return bool(byline and byline[0])


_PART_IN_A_BOX = re.compile(r"^(?:\S{1,4}[、.．]\s*)?【[^【】]{2,20}】$")


def _labels_a_part_like_those_below(text: str, below: list[Line]) -> bool:
    """A label in a box on top (【自我介绍】), when the text's parts are labelled in boxes too (一、【工作回顾】,
    二、【工作体会】, twice or more): the first part's label, the text's own words, not a header's line."""
    return bool(_BOXED.fullmatch(text)) and sum(1 for line in below if _PART_IN_A_BOX.match(line.text)) >= 2


HEADLINE_PHRASE_MAX = 40
"""The longest phrase of a headline set out in phrases (主题 副题 消息题): each no longer than a title."""


def _headline_in_phrases(text: str) -> bool:
    """A headline set out in two to four phrases parted by spaces, none a sentence (slogan, slogan, then what happened:
    `深入实施某某行动 为谱写某某篇章提供坚强保证 某某区某某会议召开`): a header's line however long.

    >>> _headline_in_phrases("深入实施某某行动 为谱写某某篇章提供坚强保证 某某区专项推动组会议召开")
    True
    >>> _headline_in_phrases("会议指出，要抓好落实。 会议要求，要压实责任。")
    False
    """
    phrases = text.split()
    return 2 <= len(phrases) <= 4 and all(len(p) <= HEADLINE_PHRASE_MAX and not _STOP_INSIDE.search(p) for p in phrases)


_STOP_INSIDE = re.compile(r"[。！？!?，,；;：:]")


def _a_headline_over_a_headline(content: list[Line], at: int) -> bool:
    """The first line a short exclamation or question (这个会议聚焦基层党建，某某主持并讲话！) right over a line that looks
    like a header's (…述职评议会议召开): a news page's two headlines, the catchy one on top — not the text's first
    sentence."""
    text = content[at].text
    return (at == 0 and len(text) <= HEADLINE_PHRASE_MAX and text[-1:] in "！？!?" and len(_STOP_INSIDE.findall(text[:-1])) <= 1
            and len(content) > 1 and _looks_like_header(content[1].text) and len(content[1].text) >= TITLE_MIN)


def _looks_like_header(text: str) -> bool:
    if len(text) > 50 and _headline_in_phrases(text) and detect_numbered(text) is None:
        return True  # (a shorter one is read as any line is)
    if len(text) > 50 or _OPENING_SENTENCE.match(text) or _ANNOUNCING_SENTENCE.match(text):
        return False  # "按照县委统一安排，现将……报告如下，请予评议。", "…丰富多样，以下是一些常见的活动：": the text has begun
    if _AN_ITEM.search(text):  # "某某系统—报钟器接口；" under a title: the first item of a list, the text has begun
        return False
    if lost_its_end_stop(text):  # "为了规范…的处罚，特此制作了这个规范，请仔细阅读" under a title: the text's first words
        return False
    # A stop at the very end only (a headline may ask or exclaim: 这个会议为何在基层开？) leaves a header line.
    numbered = detect_numbered(text)
    if numbered is not None and numbered.style in FAMILY_STYLES and numbered.number > 1:
        numbered = None  # 5 大举措 may be a headline's words; a family's №1 (一 活动主题：) opens the body
    return not _LEAD_END.search(text[:-1] if text[-1:] in "。？?！!" else text) and numbered is None


_CLAUSE_OPENS_A_SENTENCE = re.compile(r"^(?:为了|如果|假如|若是|因为|由于|鉴于|根据|按照|依据|依照)")
"""A first clause of purpose, condition, cause or ground: a sentence's way in (为了…，…), never a title's phrase."""
_CLAUSE_ASKS_THE_READER = re.compile(r"^(?:请|欢迎|可以|可)[\u4e00-\u9fff]")
"""A last clause that asks the reader (…，请仔细阅读; …，可以联系管理员): a sentence said to someone, not a title."""


def lost_its_end_stop(text: str) -> bool:
    """A sentence whose full stop was lost (a Word paragraph typed without one, over the text): two clauses or more,
    the first opening as a sentence opens (为了…, 如果…, 根据…) or the last asking the reader (请…, 可以…). It is the
    text's first paragraph, not a title's second line.

    >>> lost_its_end_stop("为了规范管理员的处罚，也方便大家了解违反规定的后果，特此制作了这个规范，请仔细阅读")
    True
    >>> lost_its_end_stop("如果对此有所建议，可以联系管理员")
    True

    A title of two phrases parted by a comma, or one that asks (请党放心，强国有我), is no such sentence:

    >>> [lost_its_end_stop(t) for t in ("坚持党建引领，建强战斗堡垒", "请党放心，强国有我", "为人民服务")]
    [False, False, False]
    """
    clauses = [c for c in re.split(r"[，,；;]", text.strip()) if c]
    if len(clauses) < 2 or re.search(r"[。！？!?：:]$", text.strip()):
        return False
    return bool(_CLAUSE_OPENS_A_SENTENCE.match(clauses[0]) or _CLAUSE_ASKS_THE_READER.match(clauses[-1]))


_OPENING_SENTENCE = re.compile(r"^[^（(【\[].{6,}[，；].{4,}[。！？]$")
"""A sentence with a clause in it, not in brackets: the first words of a text that has no salutation."""
_ANNOUNCING_SENTENCE = re.compile(r"^[^（(【\[].{6,}[，；].{4,}[：:]$")
"""A sentence with a clause that ends in a colon announces what the text lists below it (…丰富多样，以下是一些常见的
活动：): the text's first words; a salutation (各位领导，同志们：) is read before this."""
_AN_ITEM = re.compile(r"[；;]$")
"""A line that ends as one item of a list ends (`修改某系统接口；`): no title, byline or date line ever does.
>>> bool(_AN_ITEM.search("水疗系统—报钟器接口；")), bool(_AN_ITEM.search("某某单位2018年工作总结"))
(True, False)"""


_BOXED = re.compile(r"【([^【】]{2,60})】")
"""A line wholly in 【】: a section head set off as a box (【第一部分：初赛环节】, 【一、总体要求】)."""


PART_IN_BRACKETS = re.compile(rf"【([{HAN}]{{2,10}}(?<![{CN_DIGITS}两几\d])篇)】")
"""A compilation's part named in words and set in brackets, on a line of its own: 【求真务实篇】 (not 【精选3篇】, a
count of pieces). It heads what follows as a numbered part does, above every numbering inside it."""


def detect_numbered(text: str) -> HeadingCandidate | None:
    if PART_IN_BRACKETS.fullmatch(text):
        return HeadingCandidate("bracketed-part", 0, None, "【", text, "")
    boxed = _BOXED.fullmatch(text)
    if boxed:
        inner = detect_numbered(boxed.group(1))
        if inner is None or inner.rest.strip():
            return None
        return HeadingCandidate(inner.style, inner.rank, inner.number, "【" + inner.label, text, "")
    for style, rank, pattern in HEADING_STYLES:
        m = pattern.match(text)
        if not m:
            continue
        number = _circled_number(m.group(2)) if style == "circled" else cn_to_int(m.group(2)) if not m.group(2).isdigit() else int(m.group(2))
        if not number and not (style in FAMILY_STYLES and m.group(2) == "0"):
            continue
        label = m.group(1)
        if style in FAMILY_STYLES:
            name, rest = _column_tail(text[len(label):])
            if not _family_label(name) or (style != ARTICLE_STYLE and counts_a_measure(name)):
                continue
            return HeadingCandidate(style, rank, number, label, label + name, rest)
        heading, rest = split_lead(text, len(m.group(0)))
        if heading is None:
            continue
        if style == "cn-runin" and not rest and not _LEAD_END.search(text) and text[-1] not in "，、；：,;:":
            # 一要统一思想，提高认识，增强学习的紧迫性 on a line of its own, no sentence: a heading, set out as
            # one, over the 一是…。 items run into the paragraphs under it.
            return HeadingCandidate(RUNIN_LINE_STYLE, RUNIN_LINE_RANK, number, label, heading, rest)
        return HeadingCandidate(style, rank, number, label, heading, rest)
    return None


def _column_tail(name: str) -> tuple[str, str]:
    """A two-column page read across its gutter puts the other column's words after a head, set apart by an
    ideographic space (2.2.1　计算基础性能得分　据的比重矩阵：): words with a clause's mark after such a space are the
    other column's, not the head's; a letter-spaced head (总　结) and two phrases (坚持党建引领　建强战斗堡垒) stay whole.

    >>> _column_tail("计算基础性能得分　据的比重矩阵："), _column_tail("总　结"), _column_tail("坚持党建引领　建强战斗堡垒")
    (('计算基础性能得分', '据的比重矩阵：'), ('总　结', ''), ('坚持党建引领　建强战斗堡垒', ''))
    """
    m = re.match(rf"([^\u3000]{{2,}}?)\u3000+(?=[^\u3000]*[，。：；、,:;])(.{{2,}})$", name)
    return (m.group(1), m.group(2)) if m else (name, "")


def _family_label(name: str) -> bool:
    """What follows a bare number of `FAMILY_STYLES`: a label on a line of its own — short, no stop inside it (a
    colon may end it: 活动背景：), no clause after a comma.

    >>> [_family_label(t) for t in ("党日活动策划主题:", "总　结", "相关工作")]
    [True, True, True]
    >>> [_family_label(t) for t in ("个方面的问题要解决。", "年来，我们坚持", "本文将CPU空闲率、GPU空闲率、吞吐率和硬件性能作为指标进行度量")]
    [False, False, False]
    """
    name = name.strip()
    return 2 <= len(name) <= FAMILY_HEAD_MAX and not re.search(r"[。；;！!，,？?]", name) and len(re.findall(rf"[{HAN}]", name)) * 2 > len(name)


RUNIN_LINE_STYLE, RUNIN_LINE_RANK = "cn-runin-line", 5.5
"""一是/一要 standing alone as a heading line: above the run-in 一是…。 items, below 第一，."""


def _circled_number(mark: str) -> int:
    """① → 1, ❿ → 10, ➊ → 1: the four runs of circled numbers in Unicode."""
    code = ord(mark)
    for first in (0x2460, 0x2776, 0x2780, 0x278A):
        if first <= code < first + (20 if first == 0x2460 else 10):
            return code - first + 1
    return 0


def split_lead(text: str, start: int) -> tuple[str | None, str]:
    """Split a paragraph into (heading, rest) at the end of its lead sentence."""
    m = _LEAD_END.search(text, start)
    if not m:
        return (text, "") if len(text) <= MAX_STANDALONE_HEADING else (None, text)
    end = m.end()
    while end < len(text) and text[end] in "”’）)":
        end += 1
    if end - 0 > MAX_LEAD:
        opener = _PARAGRAPH_OPENER.search(text, start + 4, MAX_LEAD + 4)
        soft = _LEAD_SOFT_END.search(text, start)
        if opener and opener.start() < m.start():  # "…的紧迫感今年以来，…": the line break a page lost
            end = opener.start()
        elif soft and soft.end() <= MAX_LEAD and soft.end() - start >= 4:
            end = soft.end()
    return text[:end], text[end:]


_PARAGRAPH_OPENER = re.compile(
    rf"(?<=[{HAN}])(?:(?:今年以来|去年以来|近年来|近几年来|多年来|[一二两三四五六七八九十]年来|长期以来|过去的?[一二两三四五]年|当前|目前|首先|今年|去年|(?:19|20)\d{{2}}年(?:以来)?)[，,]"
    rf"|习近平总书记(?:深刻)?(?:指出|强调)|党的二十大报告(?:指出|强调)|一是)"
)
"""Words that open a paragraph, with their comma where they have one (今年以来，, 首先，, 习近平总书记指出,
一是): a heading run into its paragraph ends before them. A heading may hold the words (充分肯定近年来取得
的成绩, 学习贯彻习近平总书记关于…的重要论述), not in that form."""


def series_candidate(text: str) -> HeadingCandidate | None:
    """A paragraph that opens with a short lead sentence, such as 要绝对忠诚。 or 强化政治引领提升凝聚力。,
    or with two short parallel phrases, a commentary's run-in head (坚持对党忠诚，恪守信念。 /
    突出政治引领，铸牢“思想根基”。: `_two_phrases`).

    >>> series_candidate("坚持对党忠诚，恪守信念。组工干部是管党员的党员。").heading
    '坚持对党忠诚，恪守信念。'
    >>> series_candidate("会议强调，要狠抓落实。") is None, series_candidate("我们认为，这很重要。") is None
    (True, True)

    A lead may quote (要在“攻”的方面下功夫。, “信仰如磐”。); a quotation's first sentence is no lead (its quote
    is still open: “这次培训很有收获。”学员说):

    >>> series_candidate("“信仰如磐”。组工干部的忠贞刻进骨髓。").heading, series_candidate("“这次培训很有收获。”学员说。")
    ('“信仰如磐”。', None)

    A sentence that goes on from the one before (a talk's 那…。, 所以…。) is no lead:

    >>> series_candidate("那关于优化接口的性能。其实归根结底，还是要具体分析。") is None
    True
    """
    m = _LEAD_END.search(text)
    if not m or m.group() != "。":
        return None
    lead = text[: m.end()]
    if not (5 <= len(lead) <= SERIES_MAX_LEAD) or not re.match(rf"[“‘]?[{HAN}]", lead) or _GOES_ON_FROM_BEFORE.match(lead):
        return None
    if re.search(r"[，,；;：:]", lead) and not _two_phrases(lead[:-1]):
        return None
    if lead.count("“") != lead.count("”") or lead.count("‘") != lead.count("’"):
        return None
    return HeadingCandidate(SERIES_STYLE, SERIES_RANK, None, "", lead, text[m.end():])


_GOES_ON_FROM_BEFORE = re.compile(r"^(?:那么?|然后|所以|因此|但是?|可是|不过|而且|其实|于是|因为|如果|虽然|就是|接着|嗯|呃|啊)(?![们些里样种个])")
"""A sentence that opens with a connective or a speaker's filler goes on from the one before it (那关于优化
的性能。, 所以我们要改。): a spoken sentence, never a head of its own — a head opens its part."""
_PHRASE = rf"[{HAN}“”‘’《》]{{3,16}}"
_TWO_PHRASES = re.compile(rf"({_PHRASE})，({_PHRASE})")
_VOICE_OR_REPORT = re.compile(r"我|你|大家|同志|(?:指出|强调|表示|认为|要求|提出|说|讲)$")


def _two_phrases(lead: str) -> bool:
    """Two short phrases of Han characters joined by one comma, the first neither a speaker's voice nor a
    report of what someone said (会议强调，… / 我们认为，…): the form of a head, not of a sentence's clause."""
    m = _TWO_PHRASES.fullmatch(lead)
    return bool(m) and not _VOICE_OR_REPORT.search(m.group(1)) and "我" not in m.group(2)


def bullet_candidate(text: str) -> HeadingCandidate | None:
    """A paragraph that opens with a symbol and a heading: "◆ 坚持抓基层打基础" (the symbol is the label)."""
    mark = _BULLET.match(text)
    if not mark:
        return None
    heading, rest = split_lead(text, mark.end())
    if heading is None or _news_lead(heading[mark.end():].strip()):
        return None
    return HeadingCandidate(BULLET_STYLE, BULLET_RANK, None, mark.group(1), heading[mark.end():].strip(), rest)


BULLET_HEADING_MAX = 40
_DATED = re.compile(r"^(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日")


def _news_lead(heading: str) -> bool:
    """A bulleted item of a paper's column of short reports opens with its day (●10月26日，…) and runs
    longer than a heading, or stops at a comma: a report's lead, not a heading.

    >>> _news_lead("10月23日上午，"), _news_lead("坚持把党的政治建设摆在首位")
    (True, False)
    """
    return bool(_DATED.match(heading)) or len(heading) > BULLET_HEADING_MAX or heading[-1:] in "，,"


def _mark_bullets(blocks: list[Block], candidates: list[HeadingCandidate | None]) -> None:
    """Paragraphs that open with the same symbol, twice or more, head sections; unless they are a
    list: items one after another, none with text of its own after its lead."""
    found = {i: bullet_candidate(b.text) for i, b in enumerate(blocks) if candidates[i] is None}
    by_symbol: dict[str, list[int]] = defaultdict(list)
    for i, cand in found.items():
        if cand is not None:
            by_symbol[cand.label].append(i)
    for places in by_symbol.values():
        heads = sum(1 for i in places if found[i].rest.strip() or (i + 1 < len(blocks) and i + 1 not in places))
        if len(places) >= 2 and heads * 2 >= len(places):
            for i in places:
                candidates[i] = found[i]


TOPIC_STYLE = "topic"
TOPIC_RANK_OVER, TOPIC_RANK_UNDER = 0.9, 1.5
"""A 关于 line heads the text's parts (over 一、 when it comes first) or a numbered part's topics (under 一、)."""
TOPIC_MAX = 20
_TOPIC_LINE = re.compile(rf"关于(?![这那此该上])[{HAN}“”‘’、和与及]{{2,{TOPIC_MAX - 2}}}")
_NAMES_A_DOCUMENT = re.compile(rf"{DOC_KINDS}$|的(?:情况|说明|汇报)$")


def topic_line(text: str) -> bool:
    """A line of nothing but 关于 and its topic — a preposition's phrase, which no sentence ends on: the name of the
    part that follows (关于理想信念, 关于基层组织建设). A document's title (关于…的通知, 关于…的情况报告) names a
    document, and 关于这个问题 points back into the speech: neither is a topic's name.

    >>> [topic_line(t) for t in ("关于学习", "关于干部工作", "关于“三会一课”制度")]
    [True, True, True]
    >>> [topic_line(t) for t in ("关于这个问题", "关于加强基层党建工作的意见", "关于学习，我讲三点。", "关于")]
    [False, False, False, False]
    """
    return bool(_TOPIC_LINE.fullmatch(text)) and not _NAMES_A_DOCUMENT.search(text)


def _mark_topic_lines(blocks: list[Block], candidates: list[HeadingCandidate | None]) -> None:
    """Lines of nothing but 关于+topic (`topic_line`), each alone between the end of a paragraph and a paragraph of
    text (20 characters or more), head parts: two or more of them, or one right under words that say points follow
    (下面，我讲两个问题。). They head the text's parts when they come before any top-level number, else the topics of the
    numbered part they stand in (二、突出重点抓好今年的任务 / 关于干部工作 / … / 关于人才工作). Asked about on 待核对
    (unnumbered-headings) as every heading read without a number is."""
    found = [
        i for i, block in enumerate(blocks[:-1])
        if candidates[i] is None and topic_line(block.text) and len(blocks[i + 1].text) >= 20 and candidates[i + 1] is None
        and (i == 0 or candidates[i - 1] is not None or _SENTENCE_ENDED.search(blocks[i - 1].text) or blocks[i - 1].text.endswith(("：", ":")))
    ]
    if not found or (len(found) == 1 and not (found[0] and _ANNOUNCES_POINTS.search(blocks[found[0] - 1].text))):
        return
    numbered_above = any(c is not None and c.rank <= 1 for c in candidates[: found[0]])
    rank = TOPIC_RANK_UNDER if numbered_above else TOPIC_RANK_OVER
    for i in found:
        candidates[i] = HeadingCandidate(TOPIC_STYLE, rank, None, "", blocks[i].text, "")


PLAIN_STYLE, PLAIN_RANK = "plain", 1
"""Top-level headings with no number at all, told by their layout (Word's automatic numbering lost
in a copy): only in a text that has no numbered heading."""
_PLAIN_HEADING_STOPS = re.compile(r"[。！？!?；;：:…]")
_SENTENCE_ENDED = re.compile(r"[。！？!?…”’」』）)]$")
_ANNOUNCED = re.compile(rf"(?:讲|谈|强调|提|说)(?:以下|这么)?([两{CN_DIGITS}])(?:点|个方面|个问题|方面|条)")


def _plain_heading(text: str) -> bool:
    """A short line that reads as a heading: no sentence inside it, not the salutation or closing, not
    a speaker's spoken line (`_SPOKEN`).

    >>> _plain_heading("坚持党建引领 建强战斗堡垒"), _plain_heading("关于这点 我也向同事了解了下 目前的业务场景")
    (True, False)
    >>> _plain_heading("原则强有担当，在无我忘我中铸成事之心")
    True
    """
    return (
        6 <= len(text) <= 40
        and not _PLAIN_HEADING_STOPS.search(text)
        and text[-1] not in "，、,"
        and not SALUTATION_RE.match(text)
        and not CLOSING_RE.match(text)
        and not _SPOKEN.search(text)
        and not _GOES_ON_FROM_BEFORE.match(text)
        and not is_table_row(text)
    )


_SPOKEN = re.compile(r"(?<![无忘自小大本])我(?!们|国|党|省|市|县|区|镇|乡|院|校|局|委|部|单位|公司)|[呢吧嘛呀啦]|了下|一下(?:吧|啊)?$")
"""A line in the speaker's own voice (我也向大家了解了下, 我们来看一下吧, …呢): a talk's spoken sentence, not a
heading (a heading speaks of 我们 and 我县, never of 我 alone, and takes no particles). 我 in a word (无我, 忘我, 自我,
小我, 大我) is no voice: 原则强有担当，在无我忘我中铸成事之心 is a head."""


def _same_shape(a: str, b: str) -> bool:
    """Two lines written to one pattern: the same length and their punctuation in the same places
    (共学共建，让基层组织“强”起来 / 共议共融，让基层思想“凝”起来) — parallel headings, as speeches write them.

    >>> _same_shape("共学共建，让基层组织“强”起来", "共议共融，让基层思想“凝”起来")
    True
    >>> _same_shape("加强党的建设", "会议结束后大家进行了讨论")
    False
    """
    shape = lambda text: re.sub(rf"[{HAN}]", "H", text)  # noqa: E731
    return len(a) >= 8 and shape(a) == shape(b) and any(not c.isalnum() for c in a)


def _mark_plain(blocks: list[Block], candidates: list[HeadingCandidate | None]) -> None:
    """In a text without any numbered heading: short unpunctuated lines that each open a run of
    prose are its top-level headings, when there are as many as the opening announces (下面，我讲三点
    意见), at least three of them, or two written to one pattern (`_same_shape`: a page cut off after
    its second part) — or any number when the first stands right under words that say points follow without
    counting them (与大家交流几点想法。 / 坚定理想信念，筑牢思想根基 / text: a page cut after it). A line the
    text gives twice or more is none of them: a printed page's running head (headings never repeat)."""
    if any(candidates):
        return
    _mark_members_of_a_named_family(blocks, candidates)
    if any(candidates):
        return
    again = {text for text, n in Counter(b.text for b in blocks).items() if n > 1}  # a running head: headings never repeat
    heads = [
        i for i, block in enumerate(blocks[:-1])
        if _plain_heading(block.text) and block.text not in again and len(blocks[i + 1].text) >= 30
        and (is_text_under_a_heading(blocks[i + 1].text) or i + 2 == len(blocks))
    ]  # the text's last paragraph may stop mid-sentence where the page was cut
    if not heads:
        return
    announced = None
    for block in blocks[: heads[0]]:
        m = _ANNOUNCED.search(block.text)
        if m:
            announced = 2 if m.group(1) == "两" else cn_to_int(m.group(1))
    parallel = len(heads) == 2 and _same_shape(blocks[heads[0]].text, blocks[heads[1]].text)
    # right under the words that say points follow (下面，我再强调几点意见。): a page cut after its first part or two
    introduced = announced is None and heads[0] > 0 and bool(_ANNOUNCES_POINTS.search(blocks[heads[0] - 1].text)) and len(heads) <= 12
    if len(heads) == announced or introduced or (announced is None and (3 <= len(heads) <= 12 or parallel)):
        for i in heads:
            candidates[i] = HeadingCandidate(PLAIN_STYLE, PLAIN_RANK, None, "", blocks[i].text, "")


_NAMED_FAMILY = re.compile(rf"[“\"‘「]([二两三四五六七八九十])([{HAN}])[”\"’」]")
"""A family the speech names by its count and the word its members share, in quotes: “五心”, “三实”, “四力”."""
MEMBER_MAX = 8


def _mark_members_of_a_named_family(blocks: list[Block], candidates: list[HeadingCandidate | None]) -> None:
    """In a text without numbered headings, whose opening names what it will speak of as a family — its count and the
    word its members share, in quotes (围绕“四心”谈体会。 / 我讲“三实”。) — a short line of its own, no mark, that
    ends with that word and stands over a paragraph (进取心 / 进取是一种精神状态…) is one member: a top-level heading,
    however few the page shows (a page cut after the first). More lines so ending than the count, or a line over no
    text, are none.

    >>> blocks = [Block(1, "下面，我围绕“四心”谈几点体会。"), Block(2, "进取心"), Block(3, "进取是一种精神状态，也是年轻干部成长进步的内在动力和重要支撑。" * 2)]
    >>> candidates = [None] * 3; _mark_members_of_a_named_family(blocks, candidates); candidates[1].heading
    '进取心'
    >>> blocks[0] = Block(1, "下面，我结合工作谈几点体会。"); candidates = [None] * 3; _mark_members_of_a_named_family(blocks, candidates); candidates[1]
    """
    short = [i for i, block in enumerate(blocks[:-1]) if 2 <= len(block.text) <= MEMBER_MAX and re.fullmatch(rf"[{HAN}]+", block.text)
             and len(blocks[i + 1].text) >= 30 and is_text_under_a_heading(blocks[i + 1].text)]
    if not short:
        return
    # the families named above the first short line (提出了“三个一”的要求…谈“四心”: each is tried)
    named = {(2 if m.group(1) == "两" else cn_to_int(m.group(1)), m.group(2))
             for block in blocks[: short[0]] if len(block.text) >= 10 for m in _NAMED_FAMILY.finditer(block.text)}
    for count, word in named:
        members = [i for i in short if blocks[i].text.endswith(word)]
        if members and len(members) <= count:
            for i in members:
                candidates[i] = HeadingCandidate(PLAIN_STYLE, PLAIN_RANK, None, "", blocks[i].text, "")
            return


PLAIN_LINE_STYLE, PLAIN_LINE_ASK_STYLE = "plain-line", "plain-line?"
PLAIN_LINE_STYLES = (PLAIN_LINE_STYLE, PLAIN_LINE_ASK_STYLE)
"""A short line on its own judged a heading by its shape, its siblings and its place (`ingest/plain_lines.py`):
clear, or a heading a person should check (sent to 待核对 with its fix)."""


def _a_mark_of_the_speech(text: str) -> bool:
    """The speech's own short lines that are no heading: a salutation or closing, a date line, a signature,
    a sentence run on from the one before (所以…)."""
    byline = read_byline(text)  # a name alone is two or three characters: 学习背景 opens with a surname, no name
    return bool(
        SALUTATION_RE.match(text) or CLOSING_RE.match(text) or _GOES_ON_FROM_BEFORE.match(text) or _date_line(text)
        or byline and (byline[0] or len(re.sub(r"\s+", "", text)) <= 3)
    )


def plain_line_verdicts(blocks: list[Block], known: set[int] = frozenset()) -> dict[int, str]:
    """Block index → verdict of `plain_lines.judge` (heading, heading?, paragraph?), in a text with no numbered
    heading, no series and no heading line of another kind (those readers decide there); `known`, lines that are
    headings already (a word's family under the plain lines)."""
    return {j.index: j.verdict for j in judge_plain_lines([b.text for b in blocks], _a_mark_of_the_speech, known)}


def _mark_plain_lines(blocks: list[Block], candidates: list[HeadingCandidate | None]) -> None:
    """In a text with no other heading: the short lines `plain_lines.judge` reads as headings, clear or to check. A
    word's family (案例一：… 案例二：…, `cn-word`) may stand under them: those lines are headings already, of a
    lower level (the plain lines over them are the outer level), and are weighed as such."""
    known = {i for i, c in enumerate(candidates) if c is not None}
    if any(candidates[i].style != "cn-word" for i in known):
        return
    for i, verdict in plain_line_verdicts(blocks, known).items():
        if verdict != "paragraph?" and i not in known:
            style = PLAIN_LINE_ASK_STYLE if verdict == "heading?" else PLAIN_LINE_STYLE
            rank = PLAIN_RANK + 1 if verdict == "sub-heading" else PLAIN_RANK
            candidates[i] = HeadingCandidate(style, rank, None, "", blocks[i].text, "")


BOLD_STYLE = "bold"
_BOLD_HEADING_STOPS = re.compile(r"[。！？!?；;…]")


def _mark_bold_lines(blocks: list[Block], candidates: list[HeadingCandidate | None], bold: set[int]) -> None:
    """In a text without any numbered heading: short lines a Markdown page set wholly in bold, no sentence
    in them (a colon may part a head from its theme: 政策东风：乡村人才振兴迎来关键窗口期), each standing over
    text that is not bold, two or more of them, are its top-level headings. The text's last line may be one
    with nothing under it (a page cut there). Bold lines one under another are points, not headings."""
    if any(candidates) or len(bold) < 2:
        return
    heads = [
        i for i, block in enumerate(blocks)
        if block.line in bold and 4 <= len(block.text) <= BULLET_HEADING_MAX and not _BOLD_HEADING_STOPS.search(block.text)
        and block.text[-1] not in "，、," and (i + 1 == len(blocks) or blocks[i + 1].line not in bold)
        and not SALUTATION_RE.match(block.text)
    ]
    if len(heads) >= 2:
        for i in heads:
            candidates[i] = HeadingCandidate(BOLD_STYLE, PLAIN_RANK, None, "", blocks[i].text, "")


DASH_STYLE = "dash"
_DASH_HEAD = re.compile(r"^(——|──|－－|--)\s*(?![摘选引节转]自|记|据)([^—─。！？!?；;《》]{8,40})$")
"""A line led by a dash, standing alone: ——回顾三年奋斗历程，最弥足珍贵的是…的生动局面. Not a quotation's source
(——摘自《…》, ——陆游: too short, or after a quotation)."""


_DASH_SERIES_HEAD = re.compile(r"^(——|──|－－|--|—|－|-)\s*(?![摘选引节转]自|记|据)([“‘《]?[\u4e00-\u9fff][^—─。！？!?；;]{3,38}[。！？!?]?)$")
"""A short line led by any dash, a phrase or one sentence ended by its stop (——第三，深入的讲为啥要学，讲透了。);
a heading only among siblings led by the same dash (`_mark_dash_heads`)."""


def _mark_dash_heads(blocks: list[Block], candidates: list[HeadingCandidate | None]) -> None:
    """In a text without any numbered heading: lines led by a dash (the page's own mark of a head, as a bullet
    is), each after a paragraph that does not end in a quotation and over a paragraph of text (the text's last
    may stop mid-sentence where the page was cut), are its top-level headings — one is enough when it is a long
    phrase led by a double dash (`_DASH_HEAD`): the dash marks it, not its siblings. Shorter lines, lines that end
    in a stop and lines led by a single dash (—X, -X: a list's mark as often as a head's) take two or more led by
    the same dash (`_DASH_SERIES_HEAD`: ——第一，开宗明义 / … / ——第二，为啥要学)."""
    if any(candidates):
        return
    over_text = [
        i for i in range(1, len(blocks) - 1)
        if not re.search(r"[”’」』]$", blocks[i - 1].text) and len(blocks[i + 1].text) >= 30
        and (_SENTENCE_ENDED.search(blocks[i + 1].text) or i + 2 == len(blocks))
    ]
    series: dict[str, list[int]] = defaultdict(list)
    for i in over_text:
        head = _DASH_HEAD.match(blocks[i].text)
        if head and not head.group(2).endswith(("，", "、")):
            candidates[i] = HeadingCandidate(DASH_STYLE, PLAIN_RANK, None, head.group(1), blocks[i].text, "")
        elif (short := _DASH_SERIES_HEAD.match(blocks[i].text)) and not short.group(2).endswith(("，", "、")) \
                and not blocks[i + 1].text.startswith(short.group(1)):  # over the next item of its list: an item, no head
            series[short.group(1)].append(i)
    led = Counter(c.label for c in candidates if c is not None)
    for dash, places in series.items():
        if len(places) + led[dash] >= 2:
            for i in places:
                candidates[i] = HeadingCandidate(DASH_STYLE, PLAIN_RANK, None, dash, blocks[i].text, "")


LONE_LEAD_STYLE = "lone-lead"
LONE_LEAD_MAX = 30
LONE_LEAD_TEXT_MIN = 40
_ANNOUNCES_POINTS = re.compile(
    rf"(?:讲|谈|强调|交流|提|说|分享|汇报)[^。！？；]{{0,12}}?(?:以下|这么)?[几两{CN_DIGITS}](?:点|个方面|方面|个问题|句话|条)"
    rf"[^。！？；]{{0,12}}[。：:！]$|(?:讲|谈|交流|分享|汇报)[^。！？；]{{0,12}}(?:想法|意见|体会|感受|认识|思考)[^。！？；]{{0,8}}[。：:！]$"
)
"""An opening's last sentence that says points follow: 下面，我再强调几点意见。 与大家交流几点想法。 我讲三句话："""
_SLOGAN_OPENING = re.compile(rf"^[{HAN}]{{4}}[、，][{HAN}]{{4}}[，、]")
"""A lead that opens with two four-character phrases, a slogan's shape: 培元固本、夯实根基，强化…"""
_NO_HEAD_VOICE = re.compile(r"[我你他她它咱]|大家|同志|是|了|吗|呢|吧|[\d０-９]")


def _lone_lead(text: str) -> HeadingCandidate | None:
    """A paragraph's first sentence that may head it alone: short, ended by 。, no clause but a slogan's parallel
    phrases (培元固本、夯实根基，强化坚定理想信念建设。), no voice, copula, aspect or number (我们…, X是Y。,
    …取得了…。, 2023年…: a sentence of the text, not a head), quotes closed, and text after it."""
    m = _LEAD_END.search(text)
    if not m or m.group() != "。" or m.end() > LONE_LEAD_MAX or len(text) - m.end() < LONE_LEAD_TEXT_MIN:
        return None
    lead = text[: m.end()]
    if len(lead) < 6 or not re.match(rf"[{HAN}]", lead) or _NO_HEAD_VOICE.search(lead) or re.search(r"[；;：:]", lead):
        return None
    if lead.count("“") != lead.count("”") or (re.search(r"[，,]", lead) and not _SLOGAN_OPENING.match(lead)):
        return None
    return HeadingCandidate(LONE_LEAD_STYLE, PLAIN_RANK, None, "", lead, text[m.end():])


def _mark_lone_lead(blocks: list[Block], candidates: list[HeadingCandidate | None]) -> None:
    """A text with no heading at all, where one paragraph alone opens with a head run into it: a page that shows
    only the first part of a speech. Its place and shape tell it, since no sibling can:
    - the paragraph before it ends by saying points follow (与大家交流几点想法。 / 下面，我再强调几点意见。), and its
      first sentence reads as a head (`_lone_lead`): 青年干部要始终把坚定理想信念作为安身立命之本。理想信念是…;
    - or, after the opening, its first sentence is a slogan of two four-character phrases and a third
      (培元固本、夯实根基，强化坚定理想信念建设。“思想是行动的先导”…).
    The first such paragraph only; it goes to 待核对 with the other unnumbered headings."""
    if any(candidates):
        return
    for i in range(1, len(blocks)):
        lead = _lone_lead(blocks[i].text)
        if lead is None:
            continue
        announced = _ANNOUNCES_POINTS.search(blocks[i - 1].text)
        if announced or (_SLOGAN_OPENING.match(lead.heading) and not SALUTATION_RE.match(blocks[i - 1].text)):
            candidates[i] = lead
            return


ALIKE_LEADS_STYLE = "alike-leads"
ALIKE_LEAD_MIN, ALIKE_LEAD_MAX = 6, 40
"""How long a run-in lead read by its siblings may be: a phrase or two (要政治过硬、恪守忠诚), not a paragraph's sentence."""
ALIKE_LEAD_SLACK = 6
"""How far two sibling leads' lengths may differ."""
ALIKE_OPENING_MIN = 2
"""How many characters sibling leads open with alike, at least (争做…, 做政治上的…)."""
ALIKE_OPENING_CLEAR = 4
"""An opening this long, shared by two leads and by no other sentence of the text, is clear evidence on its own."""
ALIKE_REST_MIN = 10
"""The text a lead heads: a sentence at least, except in the text's last paragraph (an excerpt cut short)."""
_ALIKE_LEAD_END = re.compile(r"[。！？!?：:]")
_CLAUSE_MARK = re.compile(r"[，,；;]")
_SENTENCE_START = re.compile(r"(?:^|(?<=[。！？!?；;]))[”’」』）)]?\s*")


def alike_lead(text: str) -> HeadingCandidate | None:
    """The sentence a paragraph opens with, when it may head a part run into it: 6–40 characters ended by 。！？ or ：,
    Han at its start, quotes closed, no digit or Latin letter (a date, a figure), no speaker's voice (我, 呢), no
    connective going on from the sentence before (所以…, 但是…), no report of who said it (会议强调，…), and text after it.
    Alone it proves nothing: `_mark_alike_leads` looks for its siblings.

    >>> alike_lead("争做“三牛”型干部，要政治过硬、恪守忠诚。我们党挑选干部，千条万条。").heading
    '争做“三牛”型干部，要政治过硬、恪守忠诚。'
    >>> [alike_lead(t) for t in ("会议强调，要狠抓落实。各级要…", "4月18日，全县召开会议。会议…", "所以我们要改。这是…")]
    [None, None, None]
    """
    m = _ALIKE_LEAD_END.search(text)
    if not m:
        return None
    end = m.end()
    while end < len(text) and text[end] in "”’」』":
        end += 1
    lead, rest = text[:end], text[end:]
    if not (ALIKE_LEAD_MIN <= len(lead) <= ALIKE_LEAD_MAX) or not rest.strip():
        return None
    if not re.match(rf"[“‘\"]?[{HAN}]", lead) or re.search(r"[0-9A-Za-z０-９]", lead) or _GOES_ON_FROM_BEFORE.match(lead) or _SPOKEN.search(lead):
        return None
    if lead.count("“") != lead.count("”") or lead.count("‘") != lead.count("’") or lead.count('"') % 2:
        return None
    if _VOICE_OR_REPORT.search(re.split(r"[，,：:。！？!?]", lead)[0]):
        return None
    return HeadingCandidate(ALIKE_LEADS_STYLE, PLAIN_RANK, None, "", lead, rest)


def _leads_alike(a: str, b: str) -> bool:
    """Two leads built alike: as many clauses, about as long, and opening with the same words (争做“三牛”型干部，要… /
    争做“三牛”型干部，要…) or written to one pattern (`_same_shape`, `_one_frame`).

    >>> _leads_alike("需作思想的先导，带头学习提高。", "需作行动的先导，带头真抓实干。"), _leads_alike("我们要把工作干在实处。", "我们要把思想政治建设为基石，思想高度重视，方法实际有效。")
    (True, False)
    """
    if len(_CLAUSE_MARK.findall(a)) != len(_CLAUSE_MARK.findall(b)) or abs(len(a) - len(b)) > ALIKE_LEAD_SLACK:
        return False
    return len(os.path.commonprefix([a, b])) >= ALIKE_OPENING_MIN or _same_shape(a, b) or _one_frame(a, b)


def _opens_another_sentence(blocks: list[Block], heads: list[str], members: set[int]) -> bool:
    """Does a sentence of the text other than the leads open as they do — with their long shared opening, or built
    like them (`_leads_alike`: 要坚持把…，…。 inside a paragraph as at the start of two)? Then the leads are the writer's
    habit, not a series of heads."""
    opening = os.path.commonprefix(heads)
    for i, block in enumerate(blocks):
        for m in _SENTENCE_START.finditer(block.text):
            if i in members and m.start() == 0 or m.end() >= len(block.text):
                continue
            stop = _ALIKE_LEAD_END.search(block.text, m.end())
            sentence = block.text[m.end(): stop.end() if stop else len(block.text)]
            if opening and sentence.startswith(opening) and (len(opening) >= ALIKE_OPENING_CLEAR or _leads_alike(heads[0], sentence)) \
                    or not opening and _same_shape(heads[0], sentence):
                return True
    return False


def alike_lead_runs(blocks: list[Block], candidates: list[HeadingCandidate | None]) -> tuple[dict[int, HeadingCandidate], list[int]]:
    """The paragraphs whose leads head the text's parts, told by their siblings alone (a text with no heading of any
    other kind): (block index → heading, clear) and the block indexes of a run too weak to publish (for 待核对).

    Leads (`alike_lead`) group with the first lead they are alike with (`_leads_alike`). A group is a series of heads
    when every lead but one in the text's last paragraph heads a sentence or more, the words its leads share open no
    other sentence of the text, and there are three leads or more — or two whose shared opening is long
    (`ALIKE_OPENING_CLEAR`: 做政治上的“明白人”，就必须… twice) or that are written to one pattern (`_same_shape`). Two leads
    alike in less (their first two or three characters) are a run to check. A news report (11月20日，…) runs the
    points it reports into its paragraphs: three leads there. Only the largest group counts; two groups as large are
    a doubt."""
    if any(candidates):
        return {}, []
    leads = {i: lead for i, b in enumerate(blocks) if (lead := alike_lead(b.text)) is not None}
    groups: list[list[int]] = []
    for i, lead in leads.items():
        group = next((g for g in groups if _leads_alike(leads[g[0]].heading, lead.heading)), None)
        if group is None:
            groups.append([i])
        else:
            group.append(i)
    report = bool(blocks) and bool(_REPORT_OPENING.match(blocks[0].text))
    clear: list[list[int]] = []
    doubtful: list[list[int]] = []
    for group in groups:
        if len(group) < 2 or len(group) > SERIES_MAX_ITEMS:
            continue
        heads = [leads[i].heading for i in group]
        if any(len(leads[i].rest.strip()) < ALIKE_REST_MIN and i != len(blocks) - 1 for i in group):
            continue
        opening = os.path.commonprefix(heads)
        if _opens_another_sentence(blocks, heads, set(group)) or _a_frame_of_couplets(blocks, heads, group):
            continue
        shaped = all(_same_shape(heads[0], h) and _CLAUSE_MARK.search(h) for h in heads[1:])
        if report and len(group) < SHAPE_SERIES_MIN:
            continue
        (clear if len(group) >= SHAPE_SERIES_MIN or len(opening) >= ALIKE_OPENING_CLEAR or shaped else doubtful).append(group)
    if not clear:
        return {}, [i for g in doubtful for i in g]
    best = max(len(g) for g in clear)
    chosen = [g for g in clear if len(g) == best]
    if len(chosen) > 1:
        return {}, [i for g in chosen for i in g]
    return {i: leads[i] for i in chosen[0]}, []


def leads_alike_with(texts: dict[int, str], line: int, lines: list[int]) -> list[int]:
    """Of `lines` (source line → paragraph text in `texts`), those whose paragraphs open with a lead alike with the lead of
    the paragraph at `line` (`_leads_alike`), that one included, in order; [] when it opens with no lead.

    >>> texts = {4: "需作思想的先导，带头学习提高。改革开放的实践证明。", 8: "需作行动的先导，带头真抓实干。先和优不是喊出来的。", 9: "好。"}
    >>> leads_alike_with(texts, 8, [4, 8, 9]), leads_alike_with(texts, 9, [4, 8, 9])
    ([4, 8], [])
    """
    own = alike_lead(texts.get(line, ""))
    if own is None:
        return []
    return [n for n in sorted(set(lines) | {line}) if (lead := alike_lead(texts.get(n, ""))) and (n == line or _leads_alike(own.heading, lead.heading))]


def _mark_alike_leads(blocks: list[Block], candidates: list[HeadingCandidate | None]) -> None:
    """A text with no heading of any kind whose parts open with run-in leads of one build (`alike_lead_runs`): the
    leads head its parts, listed on 待核对 with the other unnumbered headings."""
    for i, cand in alike_lead_runs(blocks, candidates)[0].items():
        candidates[i] = cand


HEAD_OVER_STYLE = "head-over-numbers"
HEAD_OVER_MAX = 20
_HEAD_OVER_STOPS = re.compile(r"[。！？!?；;：:，,…]")


def _mark_heads_over_restarts(blocks: list[Block], candidates: list[HeadingCandidate | None]) -> None:
    """Short unnumbered lines that each stand right above a numbering starting again at 1 are the level above
    it (党员大会 / 一、… 二、… / 支部委员会 / 一、… 二、…: a rule's parts over its numbered articles) — when two
    or more do so, in sequence with the items between them. One such line alone is no evidence: a caption or a
    label may stand above a list."""
    heads = [
        i for i in range(len(blocks) - 1)
        if candidates[i] is None and 2 <= len(blocks[i].text) <= HEAD_OVER_MAX and not _HEAD_OVER_STOPS.search(blocks[i].text)
        and not SALUTATION_RE.match(blocks[i].text) and (first := candidates[i + 1]) is not None and first.number == 1
    ]
    heads = [i for i in heads if candidates[i + 1].style == candidates[heads[0] + 1].style]
    if len(heads) < 2 or any(b - a < 3 for a, b in zip(heads, heads[1:])):
        return
    style = candidates[heads[0] + 1]
    for i in heads:
        candidates[i] = HeadingCandidate(HEAD_OVER_STYLE, style.rank - 0.5, None, "", blocks[i].text, "")


GIVEN_STYLE = "given"
"""A heading named in speeches.yaml (heading_lines): it outranks every numbering style at its level."""


def given_heading(text: str) -> tuple[str, str]:
    """A line named in heading_lines as (heading, text run in after it): a head run into its paragraph
    (争做“三牛”型干部，要政治过硬、恪守忠诚。我们党挑选干部，…) heads it with its first sentence, up to 。！？ or ：
    within `MAX_LEAD` characters and a sentence after it; a line standing alone is the heading whole.

    >>> given_heading("争做“三牛”型干部，要政治过硬、恪守忠诚。我们党挑选干部，千条万条。")
    ('争做“三牛”型干部，要政治过硬、恪守忠诚。', '我们党挑选干部，千条万条。')
    >>> given_heading("一、加强党的建设。"), given_heading("第一章 总则")
    (('一、加强党的建设。', ''), ('第一章 总则', ''))

    A colon inside a bracketed head (【第一部分：初赛环节——无声的“较量”】) ends no lead: the bracket is still open.

    >>> given_heading("【第一部分：初赛环节——无声的“较量”】")
    ('【第一部分：初赛环节——无声的“较量”】', '')
    """
    m = _ALIKE_LEAD_END.search(text)
    if not m or m.end() > MAX_LEAD or any(text[: m.end()].count(a) > text[: m.end()].count(b) for a, b in ("【】", "〖〗", "[]", "（）")):
        return text, ""
    end = m.end()
    while end < len(text) and text[end] in "”’」』":
        end += 1
    return (text[:end], text[end:]) if len(text[end:].strip()) >= ALIKE_REST_MIN else (text, "")


def find_headings(
    blocks: list[Block], heading_lines: dict[int, int] | None = None, parts: set[int] = frozenset(), bold: set[int] = frozenset(),
    preface: int | None = None, gaps: frozenset[int] = frozenset(), table: frozenset[int] = frozenset(),
) -> list[tuple[HeadingCandidate, int] | None]:
    """For each block: (heading, level) when it opens a section, else None; a block of `parts` opens a
    top-level part (an appended attachment); `bold` are the lines a Markdown page set wholly in bold; `preface`,
    the line of the first block, a label that may head the text's first part (`preface_line`); `gaps`, the lines
    where a paywall's notice said the page left text out (`_past_a_gap`); `table`, the lines of the document's own
    table (a row `1　第一党支部　12月11日` numbered by its serial column): cells, never heads unless heading_lines names them."""
    preface = 0 if preface is not None and blocks and blocks[0].line == preface else None
    candidates: list[HeadingCandidate | None] = [detect_numbered(b.text) for b in blocks]
    _mark_ordinal_words(blocks, candidates)
    _cut_at_parallel_shape(blocks, candidates)
    _mark_bullets(blocks, candidates)
    _mark_topic_lines(blocks, candidates)
    _mark_series(blocks, candidates)
    if not heading_lines:
        _mark_heads_over_restarts(blocks, candidates)
        _mark_bold_lines(blocks, candidates, bold)
        _mark_dash_heads(blocks, candidates)
        _mark_plain(blocks, candidates)
        _mark_plain_lines(blocks, candidates)
        _mark_alike_leads(blocks, candidates)
        _mark_lone_lead(blocks, candidates)
    _reported_points_stay_paragraphs(blocks, candidates)
    for i, block in enumerate(blocks):
        if block.line in table:
            candidates[i] = None
    for i, block in enumerate(blocks):
        level = (heading_lines or {}).get(block.line) or (1 if block.line in parts else None)
        if level:
            numbered = candidates[i]
            label = numbered.label if numbered else ""
            heading, rest = given_heading(block.text) if block.line in (heading_lines or {}) else (block.text, "")
            candidates[i] = HeadingCandidate(GIVEN_STYLE, level - 1 - MAX_LEVEL, None, label, heading, rest)

    result = _outline(blocks, candidates, gaps)
    # With heading_lines, at the levels it names: a curator's fix names every heading of those levels (a Word file's
    # styles name its chapters; the numbered points under them, at a level it does not name, stay its headings).
    _lists_are_no_headings(result, set(heading_lines.values()) if heading_lines else None)
    _a_list_under_its_lead_in(blocks, result)
    if not heading_lines:
        _families_stand_over_text(result)
    if preface is not None and not heading_lines and candidates[0] is None:
        tops = [found[0].rank for found in result if found is not None and found[1] == 1]
        if len(tops) >= PREFACE_SIBLINGS_MIN:
            # 引言 / its paragraph / 一、… 二、…: the line over the text's first words is the first of the outline's top level
            candidates[0] = HeadingCandidate(PREFACE_STYLE, min(tops), None, "", blocks[0].text, "")
            result = _outline(blocks, candidates, gaps)
            _lists_are_no_headings(result)
            _families_stand_over_text(result)
    return result


def _reported_points_stay_paragraphs(blocks: list[Block], candidates: list[HeadingCandidate | None]) -> None:
    """A news report tells in the third person what a speaker asked for: its text opens with the day or a dateline
    (3月17日上午，学校…召开…会议，某某主持会议并讲话。) and nothing above the points speaks to the hearers (我, 同志们).
    The numbered points it runs into their paragraphs (一要…。全校各级党组织要…… / 二要…。…) are the report's list of
    what was said, not parts of a speech: they stay paragraphs. A number standing alone on its line (a report that
    prints the speech's outline) is left to the other readers.

    >>> blocks = [Block(1, "3月17日上午，学校召开基层党建工作会议，某某主持会议并讲话。"), Block(2, "某某提出两点要求。"),
    ...           Block(3, "一要认真学习重要指示精神。全校各级党组织要加强学习。"), Block(4, "二要统一思想、提高认识。要落实好制度。")]
    >>> candidates = [detect_numbered(b.text) for b in blocks]
    >>> _reported_points_stay_paragraphs(blocks, candidates); candidates
    [None, None, None, None]
    >>> speech = [Block(1, "3月17日上午，我们召开这次会议。"), *blocks[1:]]
    >>> candidates = [detect_numbered(b.text) for b in speech]
    >>> _reported_points_stay_paragraphs(speech, candidates); [c.heading for c in candidates if c]
    ['一要认真学习重要指示精神。', '二要统一思想、提高认识。']
    """
    if not blocks or not reads_as_a_news_lead(blocks[0].text.strip()):
        return
    points = [i for i, cand in enumerate(candidates) if cand is not None and cand.rest.strip() and _numbered_point(blocks[i].text)]
    if not points or any(_THE_SPEAKERS_VOICE.search(b.text) for b in blocks[: points[0]]):
        return
    for i in points:
        candidates[i] = None


_DAY_THEN_A_MEETING = re.compile(r"^[^。！？!?]{0,60}?[，,]\s*(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚)?[，,]?[^。！？!?]{0,40}?(?:召开|举行|举办)")


def reads_as_a_news_lead(text: str) -> bool:
    """A text that opens as a news report does: with its day or a dateline (`_REPORT_OPENING`), or with the purpose
    before the day and the meeting held (为深入贯彻…精神，3月5日，某某县召开…): the third person telling of a meeting.
    A speech that names its day speaks in its own voice (3月5日，我们召开…), which `_THE_SPEAKERS_VOICE` tells.

    >>> reads_as_a_news_lead("为深入贯彻落实全省组织部长会议精神，3月5日，某某县召开2024年组织工作会议。")
    True
    >>> reads_as_a_news_lead("3月5日上午，某某县召开组织工作会议。"), reads_as_a_news_lead("为开好这次会议，县委作了认真准备。")
    (True, False)
    """
    return bool(_REPORT_OPENING.match(text) or _DAY_THEN_A_MEETING.match(text))


def _numbered_point(text: str) -> bool:
    """Does the paragraph open with a point's number (一要 一是 一、 （一） 1. 第一，), whatever reader took its lead?"""
    numbered = detect_numbered(text)
    return numbered is not None and numbered.number is not None


_THE_SPEAKERS_VOICE = re.compile(r"我|同志们|各位")
"""A speaker's own words above the points (我讲三点意见, 同志们): a speech printed after a report's lead, not reported."""


def _families_stand_over_text(result: list[tuple[HeadingCandidate, int] | None]) -> None:
    """A family of `FAMILY_STYLES` heads parts only when two of its members at least stand over text (a paragraph
    right under each): `1 张某某` / `2 李某某` / `3 王某某` / a paragraph is a numbered list of names over the text
    that follows it; the items become paragraphs again, nothing is lost.

    >>> found = [(detect_numbered(t), 1) for t in ("1 张某某", "2 李某某", "3 王某某")] + [None]
    >>> _families_stand_over_text(found); found
    [None, None, None, None]
    """
    families: dict[tuple[str, str, int], list[int]] = defaultdict(list)
    for i, found in enumerate(result):
        if found is not None and found[0].style in FAMILY_STYLES:
            families[(found[0].style, family_word(found[0]), found[1])].append(i)
    for members in families.values():
        if sum(1 for k in members if k + 1 < len(result) and result[k + 1] is None or result[k][0].rest.strip()) < 2:
            for k in members:
                result[k] = None


PREFACE_STYLE = "preface"
PREFACE_SIBLINGS_MIN = 2
PREFACE_MAX = 6
_PREFACE = re.compile(rf"[{HAN}]{{2,{PREFACE_MAX}}}")


def preface_line(head: list[Line], header: ParsedHeader, blocks: list[Block]) -> int | None:
    """A short label alone on top of a page that has no title (引言, 背景, 概述 — two to six characters, nothing else),
    read by the header as a note, over the text's first paragraph: the heading of the text's first part, when top-level
    headings follow (`find_headings` decides: two or more, and it takes their rank). None when the page has a title.

    >>> note = ParsedHeader([HeaderLine(1, "引言", "note")], None, None, None, None, None, None)
    >>> preface_line([Line(1, "引言")], note, [Block(2, "国庆节是重要节日。本文阐述活动安排。")])
    1
    >>> preface_line([Line(1, "引言")], note, [Block(2, "一、活动主题")]) is None
    True
    """
    if len(head) != 1 or header.title or not blocks or not _PREFACE.fullmatch(head[0].text):
        return None
    if len(head[0].text) <= 4 and head[0].text[0] in COMMON_SURNAMES:
        return None  # 张美兰 on top of a commentary: its author's name, no part's label
    if [h.role for h in header.lines] != ["note"] or not _SENTENCE_ENDED.search(blocks[0].text) or detect_numbered(blocks[0].text):
        return None
    return head[0].number


def _outline(blocks: list[Block], candidates: list[HeadingCandidate | None], gaps: frozenset[int] = frozenset()) -> list[tuple[HeadingCandidate, int] | None]:
    """Each candidate's level by its rank among the headings open above it, numbered series kept in order."""
    result: list[tuple[HeadingCandidate, int] | None] = [None] * len(blocks)
    stack: list[tuple[int, int]] = []  # (rank, block index) of the open headings
    last_number: dict[tuple[int, str], int] = {}
    last_line: dict[tuple[int, str], int] = {}  # where the series' last heading stands
    for i, cand in enumerate(candidates):
        if cand is None:
            continue
        depth = 0
        while depth < len(stack) and stack[depth][0] < cand.rank:
            depth += 1
        parent = stack[depth - 1][1] if depth else -1
        if depth + 1 > MAX_LEVEL:
            continue
        if cand.number is not None:
            scope = -2 if cand.style == ARTICLE_STYLE else parent  # articles are numbered on through the chapters
            previous = last_number.get((scope, cand.style, family_word(cand)))
            continues = previous is not None and cand.number == previous + 1
            starts = cand.number in ((0, 1) if cand.style in FAMILY_STYLES else (1,)) \
                and (not _needs_a_second(cand) or _series_goes_on(candidates, i) or _counted_above(blocks, i, cand)
                     or _announced_right_above(blocks, i, cand))
            if not (continues or starts) and previous is None and (
                _page_begins_past_its_first(blocks, candidates, i) or _series_runs_on_past_its_first(blocks, candidates, i)
                or _next_part_on_a_page_begun_inside_one(blocks, candidates, i)
            ):
                starts = True  # 第四，激励干部积极性。… on a page that begins after the third point; 2、…？ 3、…？
            if not (continues or starts) and previous is not None and _past_a_gap(cand, previous, last_line[(scope, cand.style, family_word(cand))], blocks[i].line, gaps):
                continues = True  # 一、… ……此处隐藏5422字…… 三、…: the page left the second part out, not the numbering
            if not (continues or starts):
                if previous is not None and _misnumbered_sibling(candidates, i, previous):
                    stack = stack[:depth] + [(cand.rank, i)]
                    result[i] = (cand, depth + 1)  # the series goes on from its last right number
                continue
            last_number[(scope, cand.style, family_word(cand))] = cand.number
            last_line[(scope, cand.style, family_word(cand))] = blocks[i].line
        stack = stack[:depth] + [(cand.rank, i)]
        result[i] = (cand, depth + 1)
    return result


def _past_a_gap(cand: HeadingCandidate, previous: int, previous_line: int, line: int, gaps: frozenset[int]) -> bool:
    """A heading whose number skips (一、… then 三、…) where a paywall's notice between the two said the page left text
    out (……此处隐藏5422字，下载后查看……): the missing sibling is in what was left out, and the series goes on. It stands
    clear on its line (a phrase or a question, no sentence run in) and comes later in its series; a skip with nothing
    left out between is still no heading (三、 may be any item of a list).

    >>> _past_a_gap(detect_numbered("三、怎样练好调研本领"), 1, 7, 21, frozenset({15})), _past_a_gap(detect_numbered("三、怎样练好调研本领"), 1, 7, 21, frozenset())
    (True, False)
    >>> _past_a_gap(detect_numbered("三、要练好调研本领。调查研究是谋事之基。"), 1, 7, 21, frozenset({15}))
    False
    """
    return cand.number is not None and cand.number > previous + 1 and _stands_clear(cand) \
        and any(previous_line < gap < line for gap in gaps)


PAST_FIRST_LEAD_MAX = 20
"""How long the lead of a point whose earlier siblings the page lost may be: a heading's phrase, not a sentence."""


def _page_begins_past_its_first(blocks: list[Block], candidates: list[HeadingCandidate | None], index: int) -> bool:
    """A 第N， (N ≥ 2) with none of its series before it — none at a paragraph's start, none named inside the text
    above (第一，… in a paragraph makes it a point of the text) — on a page that begins mid-speech (page 3 of a
    text: 陆游有一句诗… / 第四，激励干部积极性。全面从严治党的目的…): the page lost the earlier points, not the
    numbering. Only a short lead, one phrase ended by its stop or standing alone, is taken for the heading.

    >>> blocks = [Block(1, "现在，我们一些干部最缺的是实践经验，要在基层一线经受锻炼。"), Block(2, "第四，激励干部积极性。严管不是把干部管死。")]
    >>> _page_begins_past_its_first(blocks, [detect_numbered(b.text) for b in blocks], 1)
    True
    >>> blocks[0] = Block(1, "第一，要有实践经验。干部要在基层一线经受锻炼。")
    >>> _page_begins_past_its_first(blocks, [None, detect_numbered(blocks[1].text)], 1)
    False
    """
    cand = candidates[index]
    if cand.style != "cn-ordinal" or cand.number < 2 or index == 0 or _ordinal_word(cand):
        return False
    lead = cand.heading[len(cand.label):]
    if len(lead) > PAST_FIRST_LEAD_MAX or re.search(r"[，,；;：:]", lead) or (cand.rest.strip() and not lead.endswith("。")):
        return False
    if any(c is not None and c.style == cand.style for c in candidates[:index]):
        return False
    earlier = re.compile(rf"第[{CN_DIGITS}]{{1,3}}[，,、：:]")
    return not any(earlier.search(block.text) for block in blocks[:index])


PAST_FIRST_HEAD_MAX = 40
"""How long a heading standing clear on its line may be, when its series begins past №1."""
_PAST_FIRST_STYLES = ("cn-dun", "cn-paren", "arabic", "arabic-paren", "cn-ordinal")


def _series_runs_on_past_its_first(blocks: list[Block], candidates: list[HeadingCandidate | None], index: int) -> bool:
    """A series that begins past its №1 and runs on in order (2、如何做到感动呢？ … 3、如何做到触动呢？ on page 2 of a
    talk): the page lost the earlier items, not the numbering. Its first (N ≥ 2) has none of its kind before it,
    stands clear on its line (a phrase or a question, no sentence run in), and the next of its kind before a higher
    level closes is N+1, also standing clear — or, the page's first, it heads a numbering of a lower level that starts
    right under it (`_opens_a_numbered_run`). One such line alone is no series: 3、 may be any item of a list.

    >>> blocks = [Block(1, "2、如何做到感动呢？"), Block(2, "我的经验是，小故事，大道理。" * 3), Block(3, "3、如何做到触动呢？"), Block(4, "就是要精准设计课程。" * 3)]
    >>> cands = [detect_numbered(b.text) for b in blocks]
    >>> _series_runs_on_past_its_first(blocks, cands, 0), _series_runs_on_past_its_first(blocks[:2], cands[:2], 0)
    (True, False)
    """
    cand = candidates[index]
    if cand.style == "cn-runin":
        return _runin_begins_past_its_first(blocks, candidates, index)
    if cand.style not in _PAST_FIRST_STYLES or cand.number is None or cand.number < 2 or _ordinal_word(cand) or not _stands_clear(cand):
        return False
    if any(c is not None and c.style == cand.style for c in candidates[:index]):
        return False
    if index == 0 and _opens_a_numbered_run(candidates, index):
        return True
    for later in candidates[index + 1 :]:
        if later is None:
            continue
        if later.style == cand.style:
            return later.number == cand.number + 1 and _stands_clear(later)
        if later.rank < cand.rank:
            return False
    return False


def _next_part_on_a_page_begun_inside_one(blocks: list[Block], candidates: list[HeadingCandidate | None], index: int) -> bool:
    """A page that begins inside a part: its first paragraph is a point numbered past its first, of a numbering below
    this one (第三、…的需要。… / 第二，要准确把握…。…, page 2 of a speech); then 二、X standing clear on its line, with
    text or its own numbered points under it, is the next part's heading. The first number seen says where the page
    is: the points it begins with belong to a part whose heading an earlier page had, so the higher numbering the page
    reaches next is still the speech's top level — its points (1、 2、) below it. No line of its level stands above it.

    >>> blocks = [Block(1, "第三、加强机关党建是优化环境的需要。现在有的同志总认为抓党建是搞形式主义。"), Block(2, "二、进一步改进机关作风"), Block(3, "在座的都非常清楚，近几年我们的经济有所复苏。")]
    >>> cands = [detect_numbered(b.text) for b in blocks]
    >>> _next_part_on_a_page_begun_inside_one(blocks, cands, 1)
    True
    >>> blocks[0] = Block(1, "现在有的同志总认为抓党建是搞形式主义，这是错误的。")
    >>> _next_part_on_a_page_begun_inside_one(blocks, [None, *cands[1:]], 1)
    False
    """
    cand, first = candidates[index], candidates[0]
    if index == 0 or cand.style not in _PAST_FIRST_STYLES or cand.number is None or cand.number < 2 or _ordinal_word(cand):
        return False
    if cand.rest.strip() or not _stands_clear(cand) or index + 1 >= len(blocks):
        return False
    if first is None or first.number is None or first.number < 2 or first.rank <= cand.rank:
        return False  # the page begins at its first words, or with a point of this level: no evidence where it is
    if any(c is not None and c.rank <= cand.rank for c in candidates[1:index]):
        return False
    below = candidates[index + 1]
    return below is None or below.rank > cand.rank


def _runin_begins_past_its_first(blocks: list[Block], candidates: list[HeadingCandidate | None], index: int) -> bool:
    """A mid-text excerpt's first run-in lead (二是思想上为人民服务。… / 第三是精通业务。… / 第四是…): a 二是 (N ≥ 2) with
    none of its series before it — none at a paragraph's start, none run into the text above (…主要做法：一是…) — whose
    lead is one short phrase ended by its stop, and the next lead of its series is N+1: the page lost the earlier
    points, not the numbering.

    >>> blocks = [Block(1, "二是思想上为人民服务。乡镇工作条件艰苦。"), Block(2, "第三是精通业务。工作线程多，压力大。")]
    >>> _runin_begins_past_its_first(blocks, [detect_numbered(b.text) for b in blocks], 0)
    True
    >>> blocks = [Block(1, "主要做法：一是抓学习。我们坚持学习。"), *blocks]
    >>> _runin_begins_past_its_first(blocks, [detect_numbered(b.text) for b in blocks], 1)
    False
    """
    cand = candidates[index]
    lead = cand.heading[len(cand.label):]
    if cand.number is None or cand.number < 2 or len(lead) > PAST_FIRST_LEAD_MAX or not lead.endswith("。") or re.search(r"[，,；;：:]", lead):
        return False
    if any(c is not None and c.style == cand.style for c in candidates[:index]):
        return False
    if any(re.search(rf"(?:^|[^{HAN}]){_CN}(?:是|要)", block.text) for block in blocks[:index]):
        return False
    later = next((c for c in candidates[index + 1:] if c is not None and (c.style == cand.style or c.rank < cand.rank)), None)
    return later is not None and later.style == cand.style and later.number == cand.number + 1


def _opens_a_numbered_run(candidates: list[HeadingCandidate | None], index: int) -> bool:
    """Right under it, a numbering of a lower level starts at №1 and goes on to №2: the line heads those items
    （五）加强组织领导 / 1.完善… / 2.营造… on a page that begins with it (page 2 of a plan) — its children are its
    siblings' evidence."""
    below = candidates[index + 1] if index + 1 < len(candidates) else None
    return below is not None and below.number == 1 and below.rank > candidates[index].rank and _series_goes_on(candidates, index + 1)


QUESTION_HEAD_MAX = 25


def _stands_clear(cand: HeadingCandidate) -> bool:
    """A heading on a line of its own: no text run in after it, short, a phrase or a question (no sentence inside);
    or a short question its paragraph answers (2、如何做到感动呢？我的经验是…: the question is the heading's shape).

    >>> _stands_clear(detect_numbered("2、如何做到感动呢？我的经验是，小故事，大道理。")), _stands_clear(detect_numbered("2、要讲好故事。我的经验是…"))
    (True, False)
    """
    body = cand.heading[len(cand.label):].strip()
    if re.fullmatch(r"[^。；;！!？?]{2,%d}[？?]" % QUESTION_HEAD_MAX, body):
        return True
    return not cand.rest.strip() and 2 <= len(body) <= PAST_FIRST_HEAD_MAX and not re.search(r"[。；;！!]", body) \
        and not re.search(r"[？?](?=.)", body)


ORDINAL_RANK = 5
"""The rank of 第一， in HEADING_STYLES, which 首先， shares."""
ORDINAL_WORDS = {"首先": 1, "其次": 2, "再次": 3, "最后": None}
"""Words that count a speech's points as 第一， 第二， do: 首先， 其次， 再次， and 最后， (the one after the last);
and 其一， 其二， … by their number."""
_ORDINAL_WORD = re.compile(rf"^((首先|其次|再次|最后|其({_CN}))[，,：:]\s*)")
ORDINAL_LEAD_MAX = 20
"""How long the lead sentence after 首先， may be to head its paragraph (a phrase, not the paragraph's argument)."""
ORDINAL_LINE_MAX = 40
_NO_LEAD_VOICE = re.compile(r"大家|同志们|各位|希望|谢谢")


def _ordinal_word(cand: HeadingCandidate | None) -> bool:
    return cand is not None and bool(_ORDINAL_WORD.match(cand.label))


def ordinal_word_candidate(text: str, number: int) -> HeadingCandidate | None:
    """A paragraph opened by an ordinal word, as a point of the 第N， series: the line itself when it is short and
    has no sentence in it (首先，我们了解一下党员政治生日的概念), else its lead sentence when that is a short phrase
    (其次，要严格组织生活。…). Not 首先要说明的是… (no comma: a sentence's adverb) nor a lead in the speaker's voice
    to the audience (最后，希望大家…).

    >>> ordinal_word_candidate("首先，我们了解一下党员政治生日的概念", 1).heading
    '首先，我们了解一下党员政治生日的概念'
    >>> ordinal_word_candidate("其次，要严格组织生活。组织生活是党员教育的基本形式。", 2).heading
    '其次，要严格组织生活。'
    >>> ordinal_word_candidate("首先要说明的是，这项工作很重要。", 1), ordinal_word_candidate("最后，希望大家珍惜机会。", 3)
    (None, None)
    """
    m = _ORDINAL_WORD.match(text)
    if not m:
        return None
    label, body = m.group(1), text[m.end():]
    stop = _LEAD_END.search(body)
    if stop is None:
        heading, rest = (text, "") if len(text) <= ORDINAL_LINE_MAX else (None, "")
    elif stop.group() == "。" and stop.end() <= ORDINAL_LEAD_MAX and not re.search(r"[，,；;：:]", body[: stop.start()]):
        heading, rest = text[: m.end() + stop.end()], body[stop.end():]
    else:
        heading = None
    if heading is None or len(body) < 4 or _SPOKEN.search(heading) or _NO_LEAD_VOICE.search(heading) or heading[-1] in "，、,;；":
        return None
    return HeadingCandidate("cn-ordinal", ORDINAL_RANK, number, label, heading, rest)


def _mark_ordinal_words(blocks: list[Block], candidates: list[HeadingCandidate | None]) -> None:
    """Paragraphs opened by 首先， 其次， 再次， 最后， join the 第N， series (首先，… / 第二，…): 首先 is its №1, 其次 №2,
    再次 №3, 最后 the number after the series' last so far. Whether they head anything is the series' question, asked
    in `find_headings` as for 第N， — two or more at paragraphs' starts, in order (`_needs_a_second`); the words
    alone are no evidence. Only as the text's own parts: in a text with numbered headings of a higher level (一、,
    1.) 首先，… 其次，… are the steps of a part's argument, and stay its paragraphs."""
    if any(c is not None and c.rank < ORDINAL_RANK for c in candidates):
        return
    last = 0
    for i, block in enumerate(blocks):
        cand = candidates[i]
        if cand is not None:
            if cand.style == "cn-ordinal" and cand.number:
                last = cand.number
            continue
        m = _ORDINAL_WORD.match(block.text)
        if not m:
            continue
        number = cn_to_int(m.group(3)) if m.group(3) else ORDINAL_WORDS[m.group(2)] or (last + 1 if last else None)
        found = ordinal_word_candidate(block.text, number) if number else None
        if found is not None:
            candidates[i] = found
            last = number


_COUNT_ANNOUNCED = re.compile(r"(?:讲|谈|说|送|提|分享|交流|就是|即|归结为|概括为)[^。！？；]{0,6}?[两二三四五六七八九十](句话|句|点|个方面|方面|个问题)")
_UNIT = {"句话": "句", "句": "句", "点": "点", "个方面": "方面", "方面": "方面", "个问题": "问题"}


def _counted_above(blocks: list[Block], index: int, cand: HeadingCandidate) -> bool:
    """A 第一句，…。 run into its text is a heading when the opening counted what it numbers (和大家讲三句话，与大家共勉。):
    the count stands for the siblings a page cut after the first lost.

    >>> blocks = [Block(1, "借此机会，和大家讲三句话，与大家共勉。"), Block(2, "第一句，见常人之所共见。见识决定眼界，思维决定出路。")]
    >>> _counted_above(blocks, 1, detect_numbered(blocks[1].text)), _counted_above(blocks[:0] + blocks[1:], 0, detect_numbered(blocks[1].text))
    (True, False)
    """
    word = re.match(rf"第{_CN}个([{HAN}]{{1,4}})[：:]", cand.label)
    if cand.style == "cn-counted" and word:  # 第一个关键词：… under 我送大家三个关键词
        return any(re.search(rf"[两二三四五六七八九十]个{word.group(1)}", block.text) for block in blocks[:index])
    counted = re.match(rf"第{_CN}(句话|句|点|个方面|方面|个问题)", cand.label)
    if cand.style != "cn-counted" or counted is None:
        return False
    return any(_UNIT[m.group(1)] == _UNIT[counted.group(1)] for block in blocks[:index] for m in _COUNT_ANNOUNCED.finditer(block.text))


ANNOUNCED_LEAD_MAX = PAST_FIRST_LEAD_MAX
"""How long the lead of a first point that an announcement stands for its siblings may be: a heading's phrase."""
_MODAL_OPENING = re.compile(r"^(?:要|必须|应当|应该|务必|一定要)")
"""A lead that opens with a modal (要摆上重要位置。) is a sentence said to the listeners, not a heading's phrase."""


def _announced_right_above(blocks: list[Block], index: int, cand: HeadingCandidate) -> bool:
    """A 第一，X。 run into its text is a heading when the paragraph right above ends by saying points follow
    (下面，我强调几点。 / 我讲三点意见：): the announcement stands for the siblings a page cut after the first lost, as
    the count does for 第一句 (`_counted_above`). Only a short lead, one phrase ended by its stop and no sentence said
    to the listeners (第一，要摆上重要位置。 stays the paragraph's words: with no sibling, a modal sentence is no
    heading's phrase); 其一、首先 are headings only among their siblings (`_mark_ordinal_words`).

    >>> blocks = [Block(1, "每次开班式，我都来讲一讲。下面，我强调几点。"), Block(2, "第一，筑牢理想信念根基。理想信念是立党兴党之基。")]
    >>> _announced_right_above(blocks, 1, detect_numbered(blocks[1].text))
    True
    >>> blocks[0] = Block(1, "每次开班式，我都来讲一讲，大家很有收获。")
    >>> _announced_right_above(blocks, 1, detect_numbered(blocks[1].text))
    False
    """
    if cand.style != "cn-ordinal" or cand.number != 1 or _ordinal_word(cand) or index == 0 or not _ANNOUNCES_POINTS.search(blocks[index - 1].text):
        return False
    lead = cand.heading[len(cand.label):]
    return len(lead) <= ANNOUNCED_LEAD_MAX and lead.endswith("。") and not re.search(r"[，,；;：:]", lead) and not _MODAL_OPENING.match(lead)


def _needs_a_second(cand: HeadingCandidate) -> bool:
    """A №1 that is a heading only when a №2 of its kind follows: a run-in 一是/一要, a series lead, a
    第一， run into its sentence (第一，要摆上重要位置。人才是…: a point of the paragraph, unless 第二， follows), and
    首先， whatever follows it (an ordinal word is a heading only among its siblings)."""
    return cand.style in RUN_IN_STYLES or cand.style in FAMILY_STYLES or _ordinal_word(cand) or (cand.style in ("cn-ordinal", "cn-counted") and bool(cand.rest.strip()))


_LIST_ITEM_END = re.compile(r"[；;，,。！!？?]$")


def _lists_are_no_headings(result: list[tuple[HeadingCandidate, int] | None], levels: set[int] | None = None) -> None:
    """Numbered items one right after another with nothing under any of them are a list, not headings: a
    heading stands over something. Such a run (two or more of one numbering at one level, no text run in)
    is a list when what follows it is no part of it (a heading at its level or above: 一是…要点 / 二是…要点
    over 一、), or when every item ends as a clause of one sentence does
    (一要…； 二要…； 三要…。 / 1.…！ 2.…！): the paragraph after it is then the text's, not the last item's.
    A page that ends on its headings was cut there: they stay headings, unless the items read as a list
    cut off (`_a_list_cut_off`).
    The items become paragraphs; nothing is lost. A heading named in heading_lines is never such an item, and with
    heading_lines only runs at the `levels` it names are looked at."""
    i = 0
    while i < len(result):
        if result[i] is None:
            i += 1
            continue
        cand, level = result[i]
        if cand.style == GIVEN_STYLE or (levels is not None and level not in levels):  # named, or below what is named
            i += 1
            continue
        run = [i]
        while run[-1] + 1 < len(result) and (nxt := result[run[-1] + 1]) is not None and nxt[1] == level and nxt[0].style == cand.style:
            run.append(run[-1] + 1)
        after = run[-1] + 1
        closed = after < len(result) and result[after] is not None and result[after][1] <= level
        items = [result[k][0] for k in run]
        clauses = all(_LIST_ITEM_END.search(item.heading) for item in items) if after < len(result) else _a_list_cut_off(items)
        if len(run) >= 2 and not any(item.rest.strip() for item in items) and (closed or clauses):
            for k in run:
                result[k] = None
        i = after


_LEADS_IN = re.compile(r"[：:]\s*$")
LIST_ITEM_MAX = 30
"""A list's item under its lead-in is a phrase: longer lines are points of their own."""


def _a_list_under_its_lead_in(blocks: list[Block], result: list[tuple[HeadingCandidate, int] | None]) -> None:
    """Numbered items one right after another, nothing under any but the last, right under a paragraph that
    leads into them with a colon (主要做法包括以下几个方面： / 1. 加强理论学习 / 2. 健全组织体系 / 3. …): the sentence's
    list, not the text's parts — at any level, under headings a document's type named or not (a report's list
    items were its extra headings). A run with text under each item, or under a heading line, stays headings.

    >>> blocks = [Block(1, "主要做法包括以下几个方面："), Block(2, "1. 加强理论学习"), Block(3, "2. 健全组织体系"), Block(4, "正文。")]
    >>> result = [None, (HeadingCandidate("arabic", 3, 1, "1.", "加强理论学习", ""), 2), (HeadingCandidate("arabic", 3, 2, "2.", "健全组织体系", ""), 2), None]
    >>> _a_list_under_its_lead_in(blocks, result); result
    [None, None, None, None]
    >>> result = [None, (HeadingCandidate("arabic", 3, 1, "1.", "加强理论学习", ""), 2), None, (HeadingCandidate("arabic", 3, 2, "2.", "健全组织体系", ""), 2)]
    >>> _a_list_under_its_lead_in(blocks, result); [r is None for r in result]
    [True, False, True, False]
    """
    i = 1
    while i < len(result):
        found = result[i]
        if found is None or result[i - 1] is not None or not _LEADS_IN.search(blocks[i - 1].text) or found[0].style == GIVEN_STYLE \
                or SALUTATION_RE.match(blocks[i - 1].text):  # (同志们： addresses the audience: it leads into no list)
            i += 1
            continue
        cand, level = found
        run = [i]
        while run[-1] + 1 < len(result) and (nxt := result[run[-1] + 1]) is not None and nxt[1] == level and nxt[0].style == cand.style:
            run.append(run[-1] + 1)
        if len(run) >= 2 and not any(result[k][0].rest.strip() for k in run) and all(len(blocks[k].text) <= LIST_ITEM_MAX for k in run):
            for k in run:
                result[k] = None
        i = run[-1] + 1


def _a_list_cut_off(items: list[HeadingCandidate]) -> bool:
    """Items at the very end of a page: a list when every item but the last ends as a clause (1、…； 2、…；
    3、…。) or when they end as sentences and the last stops mid-word, cut off (（一）…。 （二）本单位职工的思想政).
    Items that end as headings do (（三）作风建设扎实推进) stay headings: the page was cut after them."""
    *before, last = [item.heading for item in items]
    if not all(_LIST_ITEM_END.search(text) for text in before):
        return False
    return bool(re.search(rf"[{HAN}]$", last)) or (all(re.search(r"[；;，,]$", text) for text in before) and bool(_LIST_ITEM_END.search(last)))


_ANNOUNCED_ITEMS = re.compile(rf"(?:即|：|:)“?((?:[{HAN}]{{4,10}}”?[，、；]“?){{2,}}[{HAN}]{{4,10}})”?[。；！]")
"""Headings announced in a sentence before them: 我再重点讲“四个强化”，即强化政治担当，强化目标引领，
强化重点突破，强化责任落实。 — three or more short items of Han characters in a row."""
_RUN_ON = re.compile(r"[，；：,;:]$")


def _cut_at_parallel_shape(blocks: list[Block], candidates: list[HeadingCandidate | None]) -> None:
    """A numbered heading run into its text ends where its siblings' shape says, not at the first comma.

    A one-line page gives `一、要强化政治担当作为县市区委书记，组织部长……`: the lead sentence is long, so
    `split_lead` cut at the first comma and the heading ran on into the text. Two kinds of evidence say
    where it ends, both about the shape of the other headings rather than about any wording:
    - the headings were announced in a list before them (即强化政治担当，强化目标引领，…): the heading is
      its item, with at most two words of its own before it (要, 是要);
    - its siblings of the same numbering that stand clear (a line of their own, or ended by 。) are all
      the same length and open with the same characters as it does: it is that long too.
    Nothing is removed: what follows the cut stays the heading's paragraph."""
    items = []
    for block in blocks:
        for m in _ANNOUNCED_ITEMS.finditer(block.text):
            items.extend(re.split(r"[”“，、；]+", m.group(1)))
    items = [item for item in items if len(item) >= 4]
    found = list(candidates)  # siblings as read, before any of them is cut
    listed = _listed_ends(blocks, found)
    for i, cand in enumerate(found):
        if cand is None or cand.style in FAMILY_STYLES:
            continue  # a family's label is its whole line: nothing ran into it
        text = blocks[i].text
        start = len(cand.label) if text.startswith(cand.label) else 0
        if i in listed:
            end = listed[i]
        elif _RUN_ON.search(cand.heading):
            end = _announced_end(text, start, items) or _sibling_end(text, start, cand, candidates) or _mirrored_end(blocks, i, start, cand, found)
        else:
            end = _mirrored_end(blocks, i, start, cand, found)
        if end and end < len(cand.heading):
            candidates[i] = HeadingCandidate(cand.style, cand.rank, cand.number, cand.label, text[:end], text[end:])


_LISTED = re.compile(rf"[{HAN}]{{2,30}}(?:、[{HAN}]{{2,30}})+")
"""Phrases listed with 、 in a sentence (通过加强党组织的领导力、完善党员队伍建设、推进…建设和加强…建设，可以…)."""
_LIST_JOINS = re.compile(r"以及|和|及|与")
LISTED_PREFIX_MAX = 4
"""How many words before a listed phrase may belong to the sentence that lists it (通过 | 加强党组织的领导力)."""


def _listed_ends(blocks: list[Block], candidates: list[HeadingCandidate | None]) -> dict[int, int]:
    """Where headings glued to their first sentence end (一、加强党组织的领导力乡镇党组织应…。, no mark between
    them: a run-together page), when the text lists them elsewhere — an opening that announces them or a
    summing-up that names them again, 通过加强党组织的领导力、完善党员队伍建设…和加强党风廉政建设，… Each heading is
    cut after the listed phrase it opens with; only when two or more siblings of one numbering are, and each ran
    on past it (a heading that is the phrase, or stops at its own mark, is left as it is).

    >>> blocks = [Block(1, "一、加强组织领导乡镇党组织应发挥核心作用。"), Block(2, "二、完善队伍建设党员是中坚力量。"),
    ...           Block(3, "通过加强组织领导、完善队伍建设，推动工作发展。")]
    >>> _listed_ends(blocks, [detect_numbered(b.text) for b in blocks])
    {0: 8, 1: 8}
    """
    items = set()
    for block in blocks:
        for m in _LISTED.finditer(block.text):
            for piece in m.group().split("、"):
                for item in _LIST_JOINS.split(piece):
                    items.update(item[k:] for k in range(min(LISTED_PREFIX_MAX, len(item) - 4) + 1) if len(item) >= 4)
    ends: dict[tuple[str, float, int], dict[int, int]] = defaultdict(dict)
    members: Counter[tuple[str, float, int]] = Counter()
    restarts: Counter[tuple[str, float]] = Counter()
    for i, cand in enumerate(candidates):
        if cand is None or not items:
            continue
        restarts[(cand.style, cand.rank)] += cand.number == 1  # one series of siblings: from its №1 to the next №1
        series = (cand.style, cand.rank, restarts[(cand.style, cand.rank)])
        members[series] += 1
        text = blocks[i].text
        start = len(cand.label) if text.startswith(cand.label) else 0
        matched = [len(item) for item in items if text.startswith(item, start)]
        if matched and start + max(matched) < len(cand.heading) and _a_sentence_after(text[start + max(matched):], cut=i + 1 == len(blocks)):
            ends[series][i] = start + max(matched)
    # Two or more of one series, and most of it: a list's item or two that open with a phrase listed elsewhere
    # (（3）市场经济作为资源配置的一种方式…) are items that begin so, not headings glued to their sentences.
    return {i: end for key, series in ends.items() if len(series) >= 2 and 2 * len(series) > members[key] for i, end in series.items()}


GLUED_SENTENCE_MIN = 6
"""The shortest sentence a heading may have been glued to (up to its first stop)."""


def _a_sentence_after(rest: str, cut: bool = False) -> bool:
    """Does a sentence of the text begin here, after a listed phrase a heading opens with? It opens with a Han
    character, not with a word that joins it to the phrase before (和能力现代化，… / 的特殊国情；) or says what the
    phrase is (党的领导 | 是…的根本保证: the phrase is its subject), runs to a stop of its own at least
    GLUED_SENTENCE_MIN characters on and ends as a sentence does (a list's item ends in ；): a heading line with no stop (推进国家安全体系和能力现代化，
    坚决维护…) or one that stops soon after (全面推进 | 乡村振兴。) is the heading as written, never cut.

    >>> _a_sentence_after("乡镇党组织应发挥核心作用。"), _a_sentence_after("乡村振兴。"), _a_sentence_after("和能力现代化，坚决维护安全")
    (True, False, False)

    The text's last block (`cut`) may stop mid-word where the page was cut (…需要广大党):

    >>> _a_sentence_after("党风廉政建设是重要内容。要加强廉洁意识的培养，需要广大党", cut=True)
    True
    """
    stop = re.search(r"[。！？；]", rest)
    return (bool(re.match(rf"[{HAN}]", rest)) and not re.match(r"[和与及的并而或、]|是|作为", rest) and stop is not None
            and stop.start() >= GLUED_SENTENCE_MIN
            and (rest.rstrip()[-1:] in "。！？!?" or (cut and bool(re.search(rf"[{HAN}]$", rest.rstrip())))))  # a list's item ends in ；


def _announced_end(text: str, start: int, items: list[str]) -> int | None:
    for item in sorted(items, key=len, reverse=True):
        at = text.find(item, start, start + 2 + len(item))
        if at >= 0 and re.fullmatch(rf"[{HAN}]{{0,2}}", text[start:at]):
            return at + len(item)
    return None


def _sibling_end(text: str, start: int, cand: HeadingCandidate, candidates: list[HeadingCandidate | None]) -> int | None:
    clear = [
        c.heading[len(c.label):] for c in candidates
        if c is not None and c is not cand and c.style == cand.style and c.rank == cand.rank
        and c.heading.startswith(c.label) and not _RUN_ON.search(c.heading)
    ]
    clear = [re.sub(r"[。！？!?”’）)]+$", "", body) for body in clear]
    if len(clear) < 2 or len({len(body) for body in clear}) != 1:
        return None
    length = len(clear[0])
    opening = os.path.commonprefix(clear + [text[start:]])
    run_on = len(cand.heading) - start  # 16 characters to the first comma against siblings of 7: it ran on
    if len(opening) < 2 or length < 4 or run_on < length + 4 or not re.fullmatch(rf"[{HAN}]+", text[start:start + length]):
        return None
    return start + length


MIRROR_MIN, MIRROR_MAX = 2, 8


def _mirrored_end(blocks: list[Block], i: int, start: int, cand: HeadingCandidate, candidates: list[HeadingCandidate | None]) -> int | None:
    """Where a run-on heading ends when none of its siblings stands clear but all of them, it too, are built
    round the same words at the same place (一、学深悟透的关键是入脑入心大会报告… / 二、服务大局的关键是同题同答组织系统…):
    the words are the hinge of a balanced head, as long after them as before them (学深悟透 | 的关键是 | 入脑入心).

    >>> blocks = [Block(1, "一、学深悟透的关键是入脑入心大会报告极富理论创见，闪耀真理光芒，根植深厚实践基础，具有鲜明时代特征，是行动纲领。"),
    ...           Block(2, "二、服务大局的关键是同题同答组织系统在学习中明确提出，“题”就是大局，“答”就是把组织工作融入发展全局之中去谋划推进。")]
    >>> cands = [detect_numbered(b.text) for b in blocks]
    >>> _mirrored_end(blocks, 0, 2, cands[0], cands)
    14
    """
    bodies = [
        blocks[k].text[len(c.label):] for k, c in enumerate(candidates)
        if c is not None and c.style == cand.style and c.rank == cand.rank and blocks[k].text.startswith(c.label)
    ]
    heads = [c.heading[len(c.label):] for c in candidates if c is not None and c.style == cand.style and c.rank == cand.rank]
    if len(bodies) < 2:
        return None
    for before in range(MIRROR_MIN, MIRROR_MAX + 1):
        hinge = bodies[0][before : before + MIRROR_MIN]
        if not re.fullmatch(rf"[{HAN}]{{{MIRROR_MIN}}}", hinge) or any(body[before : before + MIRROR_MIN] != hinge for body in bodies):
            continue
        if len({body[:before] for body in bodies}) < len(bodies):
            return None  # the same opening: the clear-sibling reader's case, not a hinge
        width = MIRROR_MIN
        while all(len(body) > before + width and body[before + width] == bodies[0][before + width] for body in bodies):
            width += 1
        length = 2 * before + width
        # every one ran on into a sentence well past it (none stands clear at that length: 选拔一批领军拔尖人才 on a
        # line of its own is whole) and is Han text up to it
        ran_on = all(len(h) >= length + 4 and re.search(r"[，；：,;:]", h[length:]) for h in heads)
        if not ran_on or not all(len(b) > length and re.fullmatch(rf"[{HAN}]+", b[:length]) for b in bodies):
            return None
        return start + length
    return None


MISNUMBERED_MAX = 20
"""A heading typed with a wrong number is a short line of its own (一、召开时间 … 四、会议主题 … 三、活动内容)."""


def _misnumbered_sibling(candidates: list[HeadingCandidate | None], index: int, previous: int) -> bool:
    """A heading of its series typed with a wrong number (一、 二、 四、 三、 四、: the first 四 is the
    third part): a short line of its own, no sentence, with the series' next right number (previous + 1)
    still to come in the same style before a higher level closes it — the series goes on past it."""
    cand = candidates[index]
    if cand.rest.strip() or len(cand.heading) > MISNUMBERED_MAX or re.search(r"[。；;，,！？!?：:]", cand.heading):
        return False
    for later in candidates[index + 1 :]:
        if later is None:
            continue
        if later.style == cand.style:
            return later.number == previous + 1
        if later.rank < cand.rank:
            return False
    return False


def family_word(cand: HeadingCandidate) -> str:
    """The word a `cn-word` family repeats before its count (案例 of 案例一：); nothing for other numberings.

    >>> family_word(detect_numbered("案例二：党风廉政建设")), family_word(detect_numbered("二、党风廉政建设"))
    ('案例', '')
    """
    return re.sub(rf"{_CN}[：:][ \u3000]*$", "", cand.label) if cand.style == "cn-word" else ""


def _series_goes_on(candidates: list[HeadingCandidate | None], start: int) -> bool:
    """Is there a №2 of the same style (and word) before the enclosing heading level closes?"""
    first = candidates[start]
    for cand in candidates[start + 1 :]:
        if cand is None:
            continue
        if cand.style == first.style and family_word(cand) == family_word(first):
            return cand.number == first.number + 1
        if cand.rank < first.rank:
            return False
    return False




def _mark_series(blocks: list[Block], candidates: list[HeadingCandidate | None]) -> None:
    """Turn runs of ≥2 consecutive unnumbered paragraphs with short, alike leads into headings. Leads of two
    phrases (坚持对党忠诚，恪守信念。) only in a text with no numbered heading: a commentary's parts."""
    run: list[int] = []

    def close_run():
        # A heading series opens paragraphs (要绝对忠诚。这是…); a run of bare short sentences is a list. One-phrase
        # leads that are alike only in shape (旗帜鲜明讲政治。 公道正派讲原则。) take three: two sentences of one
        # length may meet by chance.
        run_in = sum(1 for j in run if series[j].rest.strip())
        by_shape = len({series[j].heading[0] for j in run}) > 1 and "，" not in series[run[0]].heading
        pair = len(run) == 2 and run_in == 2 and _one_frame(series[run[0]].heading, series[run[1]].heading)
        # A report (11月20日，…召开…会议。 / 某某强调，要…。 / 要…。 / 要…。) runs the points it reports into its paragraphs:
        # two alike sentences there are the report's words, a third confirms a series (as for its two-phrase heads).
        fewest = SHAPE_SERIES_MIN if (by_shape and not pair) or report else 2
        if fewest <= len(run) <= SERIES_MAX_ITEMS and run_in * 2 >= len(run):
            for j in run:
                candidates[j] = series[j]
        run.clear()

    series = {}
    numbered = any(candidates)
    report = bool(blocks) and bool(_REPORT_OPENING.match(blocks[0].text))
    for i, block in enumerate(blocks):
        cand = None if candidates[i] is not None else series_candidate(block.text)
        if cand is not None and numbered and "，" in cand.heading:
            cand = None  # two phrases head a commentary's parts; under numbered headings they stay the paragraphs' words
        if cand is None:
            close_run()
            continue
        if run and not _alike(series[run[0]].heading, cand.heading, shape=not numbered):
            close_run()
        series[i] = cand
        run.append(i)
    close_run()
    if not numbered:
        _mark_spaced_two_phrase_heads(blocks, candidates, series)


SPACED_HEAD_GAP = 4
"""How many paragraphs of a part may stand between two of a commentary's run-in heads."""


def _mark_spaced_two_phrase_heads(blocks: list[Block], candidates: list[HeadingCandidate | None], series: dict[int, HeadingCandidate]) -> None:
    """A commentary's two-phrase heads spaced by the paragraphs of their parts (突出政治引领，铸牢“思想根基”。… / … /
    突出引才聚智，激活“人才春水”。…): siblings that open with the same two characters (or are written to one
    pattern) and each run into their paragraph, no more than a few paragraphs apart, two or more of them."""
    places = [i for i in sorted(series) if candidates[i] is None and "，" in series[i].heading and series[i].rest.strip()]
    group: list[int] = []

    def close_group():
        if 2 <= len(group) <= SERIES_MAX_ITEMS and not _a_frame_of_couplets(blocks, [series[j].heading for j in group], group):
            for j in group:
                candidates[j] = series[j]
        group.clear()

    for i in places:
        first = series[group[0]].heading if group else ""
        near = bool(group) and i - group[-1] <= SPACED_HEAD_GAP + 1
        if near and not (first[:2] == series[i].heading[:2] or _same_shape(first, series[i].heading)):
            continue  # a part's own sentence of two phrases (敢在白纸上画画，才能画出…。) between two heads: no sibling, no break
        if not near:
            close_group()
        group.append(i)
    close_group()
    _mark_three_two_phrase_heads(candidates, series, [i for i in places if candidates[i] is None])


_COUPLET = re.compile(r"[\u4e00-\u9fff]{4}，[\u4e00-\u9fff]{4}[。！]?")


def _a_frame_of_couplets(blocks: list[Block], heads: list[str], places: list[int]) -> bool:
    """Two four-character couplets, one opening the text's first paragraph and one its last (学堂门启，新程始开。…
    / … / 纳新启运，迎新致远。…): a story's opening and closing words echoing each other, not the heads of two parts —
    a part's head stands over more than the closing paragraph. Heads of other shapes (突出政治引领，铸牢“思想根基”。), a
    third one, or a couplet over a paragraph in the middle stay a commentary's heads.

    >>> story = [Block(1, "春华秋实，硕果满枝。本学期以来，学院党委扎实推进各项工作，取得了明显成效。"), Block(2, "学院先后举办了三期培训班。"),
    ...          Block(3, "凝心聚力，再启新程。全院师生将以更加饱满的热情投入新学期的学习和工作。")]
    >>> _a_frame_of_couplets(story, ["春华秋实，硕果满枝。", "凝心聚力，再启新程。"], [0, 2])
    True
    >>> _a_frame_of_couplets(story, ["突出政治引领，铸牢思想根基。", "强化担当作为，激发干事热情。"], [0, 2])
    False
    >>> _a_frame_of_couplets(story + [Block(4, "学院将继续加强党的建设，推动各项工作再上新台阶。")], ["春华秋实，硕果满枝。", "凝心聚力，再启新程。"], [0, 2])
    False
    """
    prose = [k for k, block in enumerate(blocks) if len(block.text) >= 20 and re.search(r"[。！？]", block.text)]
    return (len(heads) == 2 and bool(prose) and places[0] == prose[0] and places[1] == prose[-1]
            and all(_COUPLET.fullmatch(head.strip()) for head in heads))


TWO_PHRASE_KIN_MIN = 3
TWO_PHRASE_KIN_SLACK = 6


def _mark_three_two_phrase_heads(candidates: list[HeadingCandidate | None], series: dict[int, HeadingCandidate], places: list[int]) -> None:
    """A news report's run-in heads that open unlike (持续丰富载体形式，增强警示教育吸引力。… / 突出靶向思维，坚持分层分类
    “精准滴灌”。… / a photo's caption / 强大的震慑感召，引导干部迷途知返。…): three or more two-phrase leads no more than a few
    paragraphs apart, of like length, none a predicate sentence (X是Y: “案中人”是最好的“教科书”，…) — siblings by their form
    alone, where two would be chance."""
    places = [i for i in places if "是" not in series[i].heading]
    group: list[int] = []
    for i in [*places, None]:
        if i is not None and (not group or i - group[-1] <= SPACED_HEAD_GAP + 1):
            group.append(i)
            continue
        sizes = [len(series[j].heading) for j in group]
        if TWO_PHRASE_KIN_MIN <= len(group) <= SERIES_MAX_ITEMS and max(sizes) - min(sizes) <= TWO_PHRASE_KIN_SLACK:
            for j in group:
                candidates[j] = series[j]
        group = [i] if i is not None else []


SHAPE_SERIES_MIN = 3
FRAME_MIN = 2


def _one_frame(a: str, b: str) -> bool:
    """Two leads built in one frame: the same length and the same words at two or more of the same places past
    the first (涵养对党忠诚的政治品格。 / 锤炼担当作为的干事品质。: 的 and 品 stand alike) — more than one length shared
    by chance (旗帜鲜明讲政治。 / 公道正派讲原则。 share only 讲: a third lead must confirm those).

    >>> _one_frame("涵养对党忠诚的政治品格。", "锤炼担当作为的干事品质。"), _one_frame("旗帜鲜明讲政治。", "公道正派讲原则。")
    (True, False)
    """
    return len(a) == len(b) >= 8 and sum(1 for x, y in zip(a[1:], b[1:]) if x == y and re.match(rf"[{HAN}]", x)) >= FRAME_MIN


def _alike(first: str, lead: str, shape: bool = False) -> bool:
    """Two leads of one series: they open alike (要…。 要…。, 坚持…，…。 坚持…，…。) and have the same form, one
    phrase or two — or two phrases written to one pattern (`_same_shape`); with `shape` (a text with no numbered
    heading, a commentary) one phrase written to one pattern too (旗帜鲜明讲政治。 / 公道正派讲原则。).

    >>> _alike("旗帜鲜明讲政治。", "公道正派讲原则。"), _alike("旗帜鲜明讲政治。", "公道正派讲原则。", shape=True)
    (False, True)
    """
    same_form = ("，" in first) == ("，" in lead)
    return same_form and (first[0] == lead[0] or (("，" in lead or shape) and _same_shape(first, lead)))


def _cut_off_at_the_end(block: Block, cand: HeadingCandidate, heading_lines: dict[int, int]) -> bool:
    """The text's last block, an item whose sentence runs on past a comma and stops mid-word — or at the
    ellipsis an excerpt puts where it cut (…的领导核..., …的领导核……): the page was cut there; a heading has
    something under it.

    >>> item = Block(line=9, text="一是“主心骨”作用更加凸显，党在基层的领导核...")
    >>> _cut_off_at_the_end(item, detect_numbered(item.text), {}), _cut_off_at_the_end(Block(9, "一是加强学习，提高本领……"), detect_numbered("一是加强学习，提高本领……"), {})
    (True, True)
    >>> _cut_off_at_the_end(Block(9, "一、加强学习，提高本领"), detect_numbered("一、加强学习，提高本领"), {9: 1})
    False
    """
    text = block.text[len(cand.label):] if cand.label and block.text.startswith(cand.label) else block.text
    return block.line not in heading_lines and not cand.rest.strip() and "，" in text and bool(_CUT_MID_SENTENCE.search(text))


def _cut_unlike_its_siblings(headings: list[tuple[HeadingCandidate, int] | None]) -> bool:
    """The text's last block, a numbered item with nothing under it and no stop, whose siblings above (same numbering,
    same level) each run their text in after a lead ended by its stop (第一，开展专项斗争，是重大契机。当前，… /
    第二，开展扫黑除恶专): it is the start of one more such item, cut where the excerpt ends — a paragraph, not a
    heading standing alone.

    >>> found = [(detect_numbered(t), 2) for t in ("第一，开展专项斗争，是重大契机。当前，问题不少。", "第二，开展扫黑除恶专")]
    >>> _cut_unlike_its_siblings(found), _cut_unlike_its_siblings([found[0], (detect_numbered("第二，夯实基层基础"), 1)])
    (True, False)
    """
    last, level = headings[-1]
    siblings = [found[0] for found in headings[:-1] if found is not None and found[1] == level and found[0].style == last.style]
    return bool(siblings) and not last.rest.strip() and bool(re.search(rf"[{HAN}]$", last.heading)) \
        and all(c.rest.strip() and _LEAD_END.search(c.heading[-1]) for c in siblings)


def _a_lone_lead_cut_at_the_end(headings: list[tuple[HeadingCandidate, int] | None]) -> bool:
    """The text's last block, a run-in lead (一是, 一要) with nothing under it, no mark at all and no sibling of its
    numbering at its level above (四、存在的不足 / 一是个别村党组织对发展党员): the first words of the part's first point,
    cut where the page ends — a paragraph, not a heading over nothing. A lead with its siblings (一要… 二要…) is read as
    before (`_like_its_siblings`); so is a lead standing over text.

    >>> found = [(detect_numbered("四、存在的不足"), 1), (detect_numbered("一是个别村党组织对发展党员"), 2)]
    >>> _a_lone_lead_cut_at_the_end(found), _a_lone_lead_cut_at_the_end([found[0], (detect_numbered("一是个别村党组织对发展党员，重视不够。"), 2)])
    (True, False)
    >>> _a_lone_lead_cut_at_the_end([(detect_numbered("一要统一思想"), 2), (detect_numbered("二要压实责任"), 2)])
    False
    """
    last, level = headings[-1]
    if not last.style.startswith("cn-runin") or last.rest.strip() or not re.search(rf"[{HAN}]$", last.heading) \
            or re.search(r"[，,、；;：:。！？!?]", last.heading[len(last.label):]):
        return False
    return not any(found is not None and found[1] == level and found[0].style == last.style for found in headings[:-1])


_CUT_MID_SENTENCE = re.compile(rf"[{HAN}](?:…+|\.{{3,}}|。{{3,}})?$")
"""A sentence stopped on a character, bare or with the ellipsis an excerpt sets where it cut."""


_GREETING = re.compile(r"^(?:大家|各位(?:领导|来宾|嘉宾|同志|同事|同仁|朋友|老师|同学|代表|委员|专家)?们?|同志们|朋友们)?(?:早上|上午|中午|下午|晚上)?好[！!。]?$")
"""A greeting on its own line under the salutation: 大家好！ 上午好！ 大家早上好！ 各位领导好！ — or a second line of the
address itself (`同志们：` / `同志们，大家好！`, `同志们：` / `老师们、同学们：`): the salutation goes on. A sentence after
the greeting (大家好，今天我们…) is the text's first."""
SIBLING_LENGTH_SLACK = 6
"""How far a heading's length may stray from its siblings' and still be one of them."""


def _like_its_siblings(headings: list[tuple[HeadingCandidate, int] | None]) -> bool:
    """The text's last item is a heading like those before it: its siblings of the same numbering
    stand alone on their lines (nothing run in after them) and are about as long. A page cut after a
    heading ends with the heading, （三）聚力激活治理效能，提升基层治理水平, not a sentence."""
    last, level = headings[-1]
    siblings = [c for found in headings[:-1] if found for c, lv in [found] if c.style == last.style and lv == level]
    return bool(siblings) and all(not c.rest.strip() for c in siblings) \
        and abs(len(last.heading) - sum(len(c.heading) for c in siblings) / len(siblings)) <= SIBLING_LENGTH_SLACK


def build_sections(
    blocks: list[Block], heading_lines: dict[int, int] | None = None, points: bool = False, parts: set[int] = frozenset(),
    bold: set[int] = frozenset(), preface: int | None = None, gaps: frozenset[int] = frozenset(), table: frozenset[int] = frozenset(),
) -> tuple[list[Section], bool]:
    """Arrange body blocks into opening, numbered sections (≤ 3 levels) and closing remarks. With
    `points` (a 函's 說明: 一、…。 二、…。) numbered blocks are points of the text, not sections. The lines
    in `parts` (an appended attachment's label, 附件1) open a top-level part whatever the rules say."""
    headings = [None] * len(blocks) if points else find_headings(blocks, heading_lines or {}, parts, bold, preface, gaps, table)
    if headings and headings[-1] is not None and blocks[-1].line not in (heading_lines or {}) and (
        _cut_off_at_the_end(blocks[-1], headings[-1][0], heading_lines or {}) and not _like_its_siblings(headings)
        or _cut_unlike_its_siblings(headings) or _a_lone_lead_cut_at_the_end(headings)
    ):
        headings[-1] = None  # the page ended mid-sentence: 第三，抓好这次轮训工作，有利于全面提
    counter = iter(range(1, 10**9))
    opening = Section(id="opening", level=1, heading="", line=blocks[0].line if blocks else 0, kind="opening")
    top: list[Section] = []
    path: list[Section] = []
    current = opening

    def add_paragraph(section: Section, block: Block, text: str) -> None:
        n = next(counter)
        greeting = section.kind == "opening" and bool(section.paragraphs) and all(p.kind == "salutation" for p in section.paragraphs) \
            and (_GREETING.match(text) or SALUTATION_RE.match(text))  # 同志们： / 大家好！ — the greeting belongs to the address
        # the text's first words address the hearers, under its first heading too (一、党的一般情况 / 同志们！)
        first_words = n == 1 and bool(SALUTATION_RE.match(text))
        kind = "salutation" if section.kind == "opening" and (not section.paragraphs and SALUTATION_RE.match(text) or greeting) or first_words else "text"
        section.paragraphs.append(Paragraph(id=f"p{n}", number=n, text=text, line=block.line, kind=kind))

    for block, found in zip(blocks, headings):
        if found is None:
            add_paragraph(current, block, block.text)
            continue
        cand, level = found
        path = path[: level - 1]
        siblings = path[-1].children if path else top
        section_id = (path[-1].id + "-" if path else "s") + str(len(siblings) + 1)
        section = Section(
            id=section_id,
            level=level,
            heading=cand.heading,
            line=block.line,
            label=cand.label,
            style=cand.style,
        )
        siblings.append(section)
        path.append(section)
        current = section
        if cand.rest.strip():
            add_paragraph(section, block, cand.rest)

    structured = bool(top)
    closing = _split_closing(top, opening)
    sections = ([opening] if opening.paragraphs else []) + top + ([closing] if closing else [])
    if not structured and opening.paragraphs:
        # Without headings everything after the salutation is the body, not an opening.
        body_paragraphs = [p for p in opening.paragraphs if p.kind != "salutation"]
        opening.paragraphs = [p for p in opening.paragraphs if p.kind == "salutation"]
        body = Section(id="s1", level=1, heading="", line=body_paragraphs[0].line if body_paragraphs else 0, kind="body", paragraphs=body_paragraphs)
        sections = ([opening] if opening.paragraphs else []) + ([body] if body_paragraphs else []) + ([closing] if closing else [])
    return sections, structured


def _split_closing(top: list[Section], opening: Section) -> Section | None:
    """Move the final `同志们，…` paragraph, and the signature under the text (an organ's name and a
    date, as a report is signed), out of the last section into closing remarks: they are not part
    of what the last heading says."""
    last = top[-1] if top else opening
    while last.children:
        last = last.children[-1]
    if not last.paragraphs:
        return None
    end = len(last.paragraphs) - max(_signature_length(last.paragraphs), _letter_sign_off_length(last.paragraphs))
    while end > 0 and _THANKS.match(last.paragraphs[end - 1].text):  # 同志们，…！ / 谢谢大家！
        end -= 1
    words = end > 0 and CLOSING_RE.match(last.paragraphs[end - 1].text)
    if words and not (last is opening and sum(p.kind != "salutation" for p in opening.paragraphs[:end]) < 2):
        end -= 1
    if end == len(last.paragraphs):
        return None
    moved = last.paragraphs[end:]
    del last.paragraphs[end:]
    return Section(id="closing", level=1, heading="", line=moved[0].line, kind="closing", paragraphs=moved)


LETTER_SIGN_OFF_MAX = 6
"""A letter's sign-off: 此致, 敬礼, the signer's line or two and the date, at most this many paragraphs."""
_GREETING_TO_CLOSE = re.compile(r"^此致[\s　]*(?:敬礼[！!。]?)?$")
_SALUTE = re.compile(r"^敬礼[！!。]?$")


def _letter_sign_off_length(paragraphs: list[Paragraph]) -> int:
    """How many paragraphs at the end are a letter's sign-off: 此致 / 敬礼！ (or 此致敬礼！ on one line), then
    the signer (申请人：某某) and the date, filled in or blank (年 月 日) — the form that closes an application,
    a report to the party organisation, any letter; not the letter's words.

    >>> _letter_sign_off_length([Paragraph("p1", 1, t, k) for k, t in enumerate(["恳请领导批准。", "此致", "敬礼！", "申请人：", "年 月 日"])])
    4
    """
    for k in range(max(0, len(paragraphs) - LETTER_SIGN_OFF_MAX), len(paragraphs)):
        text = re.sub(r"\s+", "", paragraphs[k].text)
        if _GREETING_TO_CLOSE.match(text) and (text != "此致" or (k + 1 < len(paragraphs) and _SALUTE.match(re.sub(r"\s+", "", paragraphs[k + 1].text)))):
            return len(paragraphs) - k
    return 0


SIGNER_MAX = 25
_THANKS = re.compile(r"^(?:谢谢|感谢)(?:大家|各位|同志们)?[！!。]?$")


def _signature_length(paragraphs: list[Paragraph]) -> int:
    """How many paragraphs at the end sign the text: a date line, and the signer's line above it
    (short, without punctuation: 中共某某县委组织部)."""
    if paragraphs and read_sign_off(paragraphs[-1].text):
        return 1  # the signer and the date on one line
    if len(paragraphs) < 2 or not _date_line(paragraphs[-1].text):
        return 0
    signer = paragraphs[-2].text
    return 2 if len(signer) <= SIGNER_MAX and not re.search(r"[。！？!?，,；;：:]", signer) and not CLOSING_RE.match(signer) else 1


def parse(lines: list[Line], heading_lines: dict[int, int] | None = None, removed: list[RemovedLine] = (), bold: set[int] = frozenset(),
          doubted: set[int] = frozenset(), markdown: dict[int, int] | None = None, table: frozenset[int] = frozenset(),
          given_title: str | None = None) -> ParsedSpeech:
    """`heading_lines` (source line → level 1–3, from speeches.yaml) are headings whatever their form:
    Word's heading styles without numbering, or a heading the rules miss. `removed` are the lines the
    cleaner took off (they tell a 公文's 版头 and 版记); `bold` the lines a Markdown page set wholly in bold;
    `doubted` the lines it kept on doubt (evidence in the choice of the title); `markdown` the lines a Markdown
    page marked as headings → their number of # (given levels when speeches.yaml names none: `markdown_heading_levels`); `table` the lines of
    the document's own table (speeches.yaml's table_lines): no heads; `given_title` the title speeches.yaml gives (the
    one the document marks, as kb add wrote it): where its lines end on top, the lines under it are no title's (`_under_the_given_title`)."""
    # A 公文's 版头, 主送, 署名 and 版记 are metadata, not text; the chrome the cleaner removed is evidence.
    # A template's prompt ([此处输入主送机关]：) is nothing of the document's yet: kept as text, never its head.
    prompts = {line.number for line in lines if read_template_prompt(line.text)}
    # A crawler's capture header (set aside by the cleaner) is no 版头: the 公文 is read from the first line under it.
    evidence = [Line(r.line, r.text) for r in removed if r.rule != CAPTURE_RULE]
    gongwen = read_gongwen([line for line in lines if line.number not in prompts], evidence)
    text_lines = [line for line in lines if line.number not in gongwen.roles] if gongwen else lines
    head, blocks = split_header_and_body(text_lines)
    if any(line.number in prompts for line in head):
        blocks = [Block(line.number, line.text) for line in head if line.number in prompts] + blocks
        head = [line for line in head if line.number not in prompts]
    if gongwen and (gongwen.addressees or gongwen.head_end):
        # Under the 主送 (or a standard's cover) the text begins, whatever its first sentence looks like (…通知如下：).
        addressed = gongwen.head_end or max(number for number, role in gongwen.roles.items() if role == "addressees")
        below = [line for line in head if line.number > addressed]
        if below:
            head, blocks = [line for line in head if line.number <= addressed], [Block(line.number, line.text) for line in below] + blocks
    marked = next((k for k, line in enumerate(head) if line.number in (heading_lines or {})), None)
    if marked is not None:  # a line the document marks as a heading opens the body, even on top
        head, blocks = head[:marked], [Block(line.number, line.text) for line in head[marked:]] + blocks
    # Sentences right above the body are the text's opening, not header lines (the top line stays).
    start = len(head)
    while start > 1 and _OPENING_PARAGRAPH.match(head[start - 1].text) \
            and not exclaims_over_its_posting_line(head[start - 1], head[start].number if start < len(head) else blocks[0].line if blocks else 10**9, removed):
        start -= 1
    head, blocks = head[:start], [Block(line.number, line.text) for line in head[start:]] + blocks
    first_heading = _first_heading_above_the_body(head)
    if first_heading is None:
        first_heading = _end_of_a_title_given_twice(head)
    if first_heading is None:
        first_heading = first_of_an_ordinal_series(head, blocks)
    if first_heading is not None:
        head, blocks = head[:first_heading], [Block(line.number, line.text) for line in head[first_heading:]] + blocks
    if not heading_lines and _heading_line_above_the_body(head, blocks):
        head, blocks = head[:-1], [Block(head[-1].number, head[-1].text)] + blocks
    lead = " ".join(block.text for block in blocks[:3])[:300]
    furniture = {r.line for r in removed if r.rule != CAPTURE_RULE and r.text.strip()}
    header = parse_header(head, lead, page_items(r.text for r in removed), doubted, furniture,
                          tuple(r.text for r in removed if r.rule != CAPTURE_RULE))
    under = _under_the_given_title(header.lines, given_title) if given_title else None
    if under is not None:
        moved = [line for line in head if line.number >= under]
        log.info("第 %d–%d 行在文档标明的标题“%s”之下，是正文（%d 行），不接进标题", moved[0].number, moved[-1].number, given_title, len(moved))
        head = [line for line in head if line.number < under]
        blocks = [Block(line.number, line.text) for line in moved] + blocks
        lead = " ".join(block.text for block in blocks[:3])[:300]
        header = parse_header(head, lead, page_items(r.text for r in removed), doubted, furniture,
                              tuple(r.text for r in removed if r.rule != CAPTURE_RULE))
    if gongwen:
        into_header(header, gongwen, lines)
    captured_title = fallback_title([r.text for r in removed if r.rule == CAPTURE_RULE])
    if header.title is None and captured_title:
        header.title, header.rules["title"] = captured_title, "the capture header's title (a crawler's note)"
    if header.title is None and not heading_lines and _lone_chapter(blocks):
        # A book's chapter on its own (第六章、… on top, 一、二、 under it, no other chapter): its
        # heading names the text.
        header.title, header.rules["title"] = blocks[0].text, "the only chapter heading, on top"
        header.lines = [*header.lines, HeaderLine(blocks[0].line, blocks[0].text, "title")]
        blocks = blocks[1:]
    # Attachments appended after the 成文日期 are parts of their own, each under its label (附件1).
    parts = set(gongwen.appended) if gongwen else set()
    preface = None if heading_lines or gongwen else preface_line(head, header, blocks)
    if preface is not None:
        blocks = [Block(head[0].number, head[0].text), *blocks]
    # where a paywall's notice said the page left text out: a part's heading past it may skip a number
    gaps = frozenset(r.line for r in removed if r.rule == GAP_RULE)
    if not heading_lines:
        heading_lines = markdown_heading_levels(blocks, markdown or {}) or heading_lines
    sections, structured = build_sections(blocks, heading_lines or {}, points=bool(gongwen and gongwen.letter), parts=parts, bold=bold, preface=preface, gaps=gaps, table=table)
    if preface is not None and not any(s.style == PREFACE_STYLE for s in sections):
        blocks = blocks[1:]  # no top level to join: the line stays the header's note
        sections, structured = build_sections(blocks, heading_lines or {}, points=bool(gongwen and gongwen.letter), parts=parts, bold=bold, gaps=gaps, table=table)
    elif preface is not None:
        header.lines = [h for h in header.lines if h.line != preface]
    doubts = [] if heading_lines or any(s.style not in ("", *PLAIN_LINE_STYLES) for s in sections) else \
        [blocks[i].line for i, verdict in plain_line_verdicts(blocks).items() if verdict == "paragraph?"]
    leads = [] if heading_lines or structured else \
        [blocks[i].line for i in alike_lead_runs(blocks, [detect_numbered(b.text) for b in blocks])[1]]
    return ParsedSpeech(header=header, sections=sections, structured=structured, gongwen=gongwen, heading_doubts=doubts, lead_doubts=leads)


MARKDOWN_HEADINGS_MIN = 2


def markdown_heading_levels(blocks: list[Block], markdown: dict[int, int]) -> dict[int, int]:
    """The outline a Markdown page gave its text: the body's lines it marked as headings (`## …`, `### …`), two or
    more, each at the level its rank among the body's depths of # gives (the fewest # level 1, the next level 2,
    then 3) — the page's own markup, read as a Word file's heading styles are: the shape readers (bold lines, list
    items in bold, short lines) stand down, numbered headings under them take the levels below. The title's `#` is
    above the body and counts for nothing; a single marked line is no outline.

    >>> blocks = [Block(3, "同志们："), Block(5, "坚持把政治建设摆在首位"), Block(7, "健全干部考察机制"), Block(9, "持续加强基层党组织建设")]
    >>> markdown_heading_levels(blocks, {1: 1, 5: 2, 7: 3, 9: 2})
    {5: 1, 7: 2, 9: 1}
    >>> markdown_heading_levels(blocks, {1: 1, 5: 2})
    {}
    """
    marked = {block.line: markdown[block.line] for block in blocks if block.line in markdown}
    if len(marked) < MARKDOWN_HEADINGS_MIN:
        return {}
    rank = {depth: min(k, MAX_LEVEL) for k, depth in enumerate(sorted(set(marked.values())), 1)}
    return {line: rank[depth] for line, depth in marked.items()}


def glued_headings(sections: list[Section], lines: list[Line]) -> list[Section]:
    """The headings that were parted from the sentence they were glued to (一、加强党组织的领导力乡镇党组织应…):
    no mark of their own at the end, and on their source line their first paragraph follows them with nothing
    between — a split the page did not show, to be logged and counted like the cleaner's."""
    texts = [line.text for line in lines]
    found = []
    for section in (s for top in sections for s in top.walk() if s.kind == "body" and s.heading and s.paragraphs):
        first = section.paragraphs[0]
        if first.line == section.line and re.search(rf"[{HAN}”’]$", section.heading) \
                and any(section.heading + first.text[:8] in text for text in texts):
            found.append(section)
    return found


def _first_heading_above_the_body(head: list[Line]) -> int | None:
    """Where the body begins when its first heading stands above the salutation (一、党的一般情况 / 同志们！ — a
    report that opens on its first part): the last header line, under the title, that is a numbered heading
    №1 standing alone. A header's own lines never open with a heading's number.

    >>> _first_heading_above_the_body([Line(1, "在全国组织工作会议上的报告"), Line(3, "一、党的一般情况")])
    1
    >>> _first_heading_above_the_body([Line(1, "一、党的一般情况")]) is None
    True
    """
    if len(head) < 2:
        return None
    cand = detect_numbered(head[-1].text)
    if cand is None or cand.number != 1 or cand.rest.strip() or cand.style not in ("cn-dun", "part", "chapter"):
        return None
    return len(head) - 1


def _heading_line_above_the_body(head: list[Line], blocks: list[Block]) -> bool:
    """Is the header's last line the body's first heading without a number — one of a kind of short lines
    the body holds further down (有一种行动，叫“不忘初心” / 党课背景 / text… / 党课开讲 / text…)? A title line
    never swallows it: the short lines below speak for it as its siblings (`plain_lines.judge`), in a text
    with no numbered heading.

    >>> head = [Line(1, "有一种行动，叫“不忘初心”"), Line(3, "党课背景")]
    >>> body = [Block(5, "初心，" * 20 + "。"), Block(7, "党课开讲"), Block(9, "讲的话，" * 20 + "。")]
    >>> _heading_line_above_the_body(head, body), _heading_line_above_the_body(head[:1], body)
    (True, False)
    """
    if len(head) < 2 or any(line.text == head[-1].text for line in head[:-1]) or any(detect_numbered(b.text) for b in blocks):
        return False
    texts = [head[-1].text] + [b.text for b in blocks]
    return any(j.index == 0 and j.verdict == "heading" for j in judge_plain_lines(texts, _a_mark_of_the_speech))


_ORDINAL_FRAME = re.compile(r"第([一二三四五六七八九十]{1,3}|\d{1,2})([个项次周月年天季期部分阶段步点]{1,3})")
"""An ordinal and the word it counts (第一个月, 第2周, 第三阶段): a series' member names both."""


def first_of_an_ordinal_series(head: list[Line], blocks: list[Block]) -> int | None:
    """Where the body begins when the header's last line (under the title) is the first of a series the body goes on
    with: its ordinal and counted word (`在第一个月`) come back, counted on, in short lines of their own below
    (`第二个月：`, `第三个月：`) — siblings say it is a part's head, not the title's second line.

    >>> first_of_an_ordinal_series([Line(1, "工作计划（三个月之内）"), Line(3, "在第一个月")],
    ...                            [Block(4, "熟悉项目文档，完成每天分配的任务。"), Block(5, "第二个月："), Block(6, "独立修改模块中的问题。")])
    1
    >>> first_of_an_ordinal_series([Line(1, "第一季度工作总结")], [Block(2, "第二季度要继续努力。")]) is None
    True
    """
    if len(head) < 2:
        return None
    last = re.sub(r"\s+", "", head[-1].text)
    m = _ORDINAL_FRAME.search(last)
    first = m and (cn_to_int(m.group(1)) or (int(m.group(1)) if m.group(1).isdigit() else None))
    if not first or len(last) > 20 or re.search(r"[。！？；，]", last):
        return None
    for block in blocks:
        text = re.sub(r"\s+", "", block.text)
        later = _ORDINAL_FRAME.search(text)
        if later and later.group(2) == m.group(2) and len(text) <= 20 and not re.search(r"[。！？；，]", text):
            number = cn_to_int(later.group(1)) or (int(later.group(1)) if later.group(1).isdigit() else None)
            if number == first + 1:
                return len(head) - 1
    return None


def _end_of_a_title_given_twice(head: list[Line]) -> int | None:
    """Where the body begins under a title a page gives twice in a row (its name for the page, then the article's): the
    repetition says the title is whole, so a short last line over the text that is no date, byline or subtitle — a
    first heading with no number (党课背景), under HEADLINE_MIN characters, no collection's name or piece's number —
    is the text's, not a second line of the title.

    >>> _end_of_a_title_given_twice([Line(1, "有一种行动，叫不忘初心"), Line(2, "有一种行动，叫不忘初心"), Line(3, "党课背景")])
    2
    >>> _end_of_a_title_given_twice([Line(1, "有一种行动"), Line(2, "有一种行动"), Line(3, "县委书记 张明")]) is None
    True
    >>> _end_of_a_title_given_twice([Line(1, "凝心聚力抓党建"), Line(2, "奋发有为开新局")]) is None
    True
    """
    keys = [_title_key(line.text) for line in head]
    twice = next((k for k in range(len(head) - 1) if keys[k] and keys[k] == keys[k + 1]), None)
    if twice is None:
        return None
    rest = [k for k in range(twice + 2, len(head)) if not (keys[k] == keys[twice] or SUBTITLE_RE.match(head[k].text) or read_byline(head[k].text)
            or _date_line(re.sub(r"\s+", "", head[k].text)) or _MONTH_DAY_LINE.match(re.sub(r"\s+", "", head[k].text)))]
    if len(rest) != 1 or rest[0] != len(head) - 1:
        return None
    last = re.sub(r"\s+", "", head[-1].text)
    if len(HAN_CHAR.findall(last)) >= HEADLINE_MIN or _COLLECTION.search(last) or _numbers_a_piece(last) or _ADDRESSES_SOMEONE.search(last):
        return None
    return rest[0]


def _lone_chapter(blocks: list[Block]) -> bool:
    """Does the text open with a chapter heading (第六章、…) that no other chapter follows?"""
    first = detect_numbered(blocks[0].text) if blocks else None
    if first is None or first.style != "chapter" or first.rest.strip():
        return False
    return not any((cand := detect_numbered(b.text)) and cand.style == "chapter" for b in blocks[1:])


_OPENING_PARAGRAPH = re.compile(r"^[^（(【\[].{7,}[。！？!?][”’」』]?$")
"""A sentence of the text, not a header's line: a title, a byline or a date never ends with a full stop."""


POSTING_RULE = "posting-info"
EXCLAIMED_HEADLINE_MAX = 60


def an_exclaimed_headline(text: str) -> bool:
    """A headline that exclaims — at its end, or between its phrases — and has no sentence inside: 扬帆启航新征程
    奋斗镌刻新篇章——某乡人代会胜利召开！, 奋进新征程！全县组织工作会议召开, 这个会议为何在基层开？ Not a lead-in's
    sentence (会议强调，要抓好落实。) nor anything with a full stop: a headline's ！ parts no sentences.

    >>> an_exclaimed_headline("扬帆启航新征程 奋斗镌刻新篇章——某乡第十五届人民代表大会第三次会议胜利召开！")
    True
    >>> an_exclaimed_headline("奋进新征程！全县组织工作会议召开"), an_exclaimed_headline("重磅！2025年全县组织工作会议召开")
    (True, True)
    >>> an_exclaimed_headline("会议强调，要抓好落实，推动工作落地见效！"), an_exclaimed_headline("全市组织部长会议召开。")
    (False, False)
    >>> an_exclaimed_headline("好！我们开会。"), an_exclaimed_headline("全县组织工作会议召开")
    (False, False)
    """
    text = text.strip()
    if len(text) > EXCLAIMED_HEADLINE_MAX or len(re.findall(r"[，,]", text)) > 1 or re.search(r"[。；;]", text):
        return False
    if text[-1:] in "？?":
        return not re.search(r"[！!？?]", text[:-1])
    parts = re.split(r"[！!]", text.rstrip("！!"))
    return (text[-1:] in "！!" or len(parts) > 1) and len(parts) <= 3 and all(len(part.strip()) >= 2 for part in parts)


def exclaims_over_its_posting_line(line: Line, below: int, removed: list) -> bool:
    """A headline ending in ！ (an_exclaimed_headline) right over the page's posting line (来源： 发布时间：…, taken off
    as posting-info, before the line `below`): a page sets its headline over its posting line; a text's sentence
    never stands there. It stays in the header, however it ends.

    >>> from build_kb.model import RemovedLine
    >>> exclaims_over_its_posting_line(Line(2, "某乡人代会胜利召开！"), 5, [RemovedLine(3, "来源: 发布时间: 2024-07-24", "posting-info")])
    True
    >>> exclaims_over_its_posting_line(Line(2, "某乡人代会胜利召开！"), 5, [])
    False
    """
    return an_exclaimed_headline(line.text) and any(r.rule == POSTING_RULE and line.number < r.line < below for r in removed)


_INNER_QUOTES = str.maketrans("“”", "‘’")


_GLUED_SALUTATION = re.compile(r"^(?:[^，,。：:]{0,20}[，、,])?同志们[，,：:！!]\s*")


_REPORTS_DAY_FIRST = re.compile(
    r"^(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}[日号](?:[至到-]\d{1,2}[日号])?(?:上午|下午|晚上?|晚间|当天)?(?:[，,]\s*|是(?=.{4}))"
)
"""The day a report's first sentence opens with (5月12日上午，…; 3月10日是…): no word of a title made from the sentence."""


def derive_title(sections: list[Section], occasion: str | None) -> str:
    """A sensible title for a speech whose text has none — never the salutation; from a report's first sentence,
    never the day it opens with (讲话：某某镇组织全体机关干部…, not 讲话：5月12日上午，某某镇…)."""
    if occasion:
        return f"在{occasion}上的讲话"
    top = [s for s in sections if s.kind == "body" and s.heading and s.style != PREFACE_STYLE]  # 引言 names no part's subject
    # a part's box is no word of it; a heading that is its number alone (一、) names nothing: the next one names the subject
    named = [name for s in top if (name := re.sub(r"^【([^【】]+)】$", r"\1", s.title.rstrip("。；，：")).strip())]
    if named:
        first = named[0]
        first = first[:30] + ("…" if len(first) > 30 else "")
        first = first.translate(_INNER_QUOTES)  # quoted inside our “…”: 坚守信仰的‘恒心’
        count = "两" if len(top) == 2 else int_to_cn(len(top))  # 两个方面, never 二个
        return f"关于“{first}”等{count}个方面的讲话" if len(top) > 1 else f"关于“{first}”的讲话"
    for section in sections:
        for p in section.paragraphs:
            if p.kind != "salutation" and p.text and not read_template_prompt(p.text):  # never a template's prompt
                # A salutation run into the first sentence (同志们，为认真贯彻…) is no word of the title either.
                sentence = _GLUED_SALUTATION.sub("", re.split(r"[。！？]", p.text)[0]) or re.split(r"[。！？]", p.text)[0]
                # 5月12日上午，某某镇组织…: a report's day says when, the words after it what — a title names the what
                sentence = _REPORTS_DAY_FIRST.sub("", sentence) or sentence
                return f"讲话：{sentence[:24]}{'…' if len(sentence) > 24 else ''}"
    return "无标题讲话"
