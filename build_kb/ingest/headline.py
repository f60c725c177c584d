"""Stage 3 (parse), the title's parts: which part of a title line is the headline, and which is the site's.

A page sets its own words beside a headline: the column it stands in (`人才工作` on the line above,
`新区要闻 | …` on the same line), the site's name and slogan (`某某网 - 专业…分享平台`), a category after
the title (`…_讲话稿`). No list of such words can be complete; they differ from a headline in *shape*,
and a report's lead repeats its headline while it never repeats the column's name:

    reader          what it looks at                                           e.g.
    site-name       ends as a site names itself (网, 文库, 在线, 平台 …)          某某网  某某文档网  …资料分享平台
    column-label    2–8 Han characters, no verb (jieba), no meeting or           人才工作  新区要闻  工作动态
                    speech word, no sentence, no organ's name
    headline        8 or more Han characters with a verb, a meeting              东城区召开…座谈会  在…上的讲话
                    or the kind of speech
    echo            share of its character pairs that the text's first          the lead: 5月18日，东城区召开…座谈会。
                    sentences say again

A part is the site's when it has the site-name shape, or the label shape while the headline beside it
has the headline shape and is echoed by the lead (or the label stands elsewhere on the page too: the
breadcrumbs `首页 > 组工动态 > 人才工作`). An organ's name (中共某某省委 …关于…的意见) issues a document: it
is never a label.
"""

from __future__ import annotations

import re

from ..text import HAN, HAN_CHAR
from .words import tagger

SITE_NAME_END = re.compile(r"(?:网|网站|在线|文库|平台|之家|频道|门户|资源库|素材库|客户端|公众号|日报|晚报|早报|时报|周报)$")
"""How a site or a paper names itself (某某网, 某某文库, 某某在线, 专业…分享平台, 某某日报): a name, never a
headline's end."""
LABEL_MIN, LABEL_MAX = 2, 8
HEADLINE_MIN = 8
TITLE_MIN = 6
"""A title may be shorter than a headline's shape asks (村里的事谁来管？): beside a label or a site's name it is still the title."""
ECHOED_AT = 0.5
"""At least this share of a headline's character pairs come back in the lead of a report."""
_HEADLINE_WORDS = re.compile(r"会议|大会|会$|座谈|讲话|报告|发言|致辞|党课|召开|举行|举办|强调|指出|部署|推进|学习|调研")
"""A meeting, the kind of speech, or what a report says was done: a headline's, never a column's."""
_ORGAN_END = re.compile(r"(?:委|政府|党委|党组|人大|政协|委员会|部|局|厅|院|办公室|中心|支部|中央)$|^(?:中共|中国共产党)")
"""An organ's name issues a document (中共某某省委 某某省人民政府关于…): part of its title, no label."""
_STOP = re.compile(r"[。！？!?，,；;：:]")

def _tags(text: str) -> list[tuple[str, str]]:
    """jieba's words and part-of-speech tags (dictionary only, no guessing: stable)."""
    return [(pair.word, pair.flag) for pair in tagger().cut(text, HMM=False)]


def _han(text: str) -> str:
    return "".join(HAN_CHAR.findall(text))


_VERB = ("v", "vd", "vi", "vq")


def has_verb(text: str) -> bool:
    """Does jieba tag a word of `text` as a verb (a verbal noun such as 工作, 建设 is no verb here)?

    >>> has_verb("东城区召开座谈会"), has_verb("新区要闻"), has_verb("人才工作")
    (True, False, False)
    """
    return any(flag in _VERB for _, flag in _tags(_han(text)))


def names_a_thing(text: str) -> bool:
    """Does `text` read as a name (a noun phrase): no verb after its first word, and not ending in one?
    The first word of a short name is often tagged a verb (组织工作, 组工动态): a column's name still.

    >>> names_a_thing("组工动态"), names_a_thing("组织工作"), names_a_thing("某区召开座谈会")
    (True, True, False)
    """
    tags = _tags(_han(text))
    return bool(tags) and not any(flag in _VERB for _, flag in tags[1:])


def is_site_name(text: str) -> bool:
    """A site's name or slogan: ends as sites name themselves, short, no sentence.

    >>> is_site_name("某某文档网"), is_site_name("专业文章范例文档资料分享平台"), is_site_name("在全县组织工作会议上的讲话")
    (True, True, False)
    """
    han = _han(text)
    return 2 <= len(han) <= 16 and not _STOP.search(text) and bool(SITE_NAME_END.search(han)) and not _HEADLINE_WORDS.search(han)


def is_label(text: str) -> bool:
    """A column's label: short, no verb, no meeting or speech word, no sentence, no organ's name.

    >>> is_label("人才工作"), is_label("新区要闻"), is_label("中共某某省委"), is_label("全县组织工作会议")
    (True, True, False, False)
    """
    han = _han(text)
    if not LABEL_MIN <= len(han) <= LABEL_MAX or len(han) < len(re.sub(r"\s+", "", text)) - 1:
        return False
    return not (_STOP.search(text) or _HEADLINE_WORDS.search(han) or _ORGAN_END.search(han)) and names_a_thing(han)


def is_headline(text: str) -> bool:
    """A headline's shape: 8 or more Han characters with a verb, a meeting or the kind of speech, and
    no site's name.

    >>> is_headline("东城区召开人才工作座谈会"), is_headline("人才工作"), is_headline("专业文章范例文档资料分享平台")
    (True, False, False)
    """
    han = _han(text)
    return len(han) >= HEADLINE_MIN and not is_site_name(text) and bool(_HEADLINE_WORDS.search(han) or has_verb(han))


def headline_part(parts: list[str]) -> str | None:
    """Of a title line cut at a site's separator (| _ 丨 or a spaced dash), the headline's part: the first
    when it has a headline's shape (the site's words come after it), else a later one that has it, after
    a column's label, the site's or an organ's name (新区要闻 | 工委人才工作领导小组会议召开); else the first
    when it may be a title at all (6 characters, no site's name); None when no part is.

    >>> headline_part(["在全县组织工作会议上的讲话", "某某文库"])
    '在全县组织工作会议上的讲话'
    >>> headline_part(["新区要闻", "工委人才工作领导小组会议召开"])
    '工委人才工作领导小组会议召开'
    >>> headline_part(["中共某某市委组织部", "全市组织部长会议召开"])
    '全市组织部长会议召开'
    >>> headline_part(["某某文档网", "专业文章范例文档资料分享平台"]) is None
    True
    """
    first = parts[0]
    if is_headline(first):
        return first
    later = next((part for part in parts[1:] if is_headline(part)), None)
    if later:  # the first part has no headline's shape: a label, a site's or an organ's name
        return later
    if len(_han(first)) < TITLE_MIN or is_label(first) or is_site_name(first):  # 基层观察 | 村里的事谁来管？
        later = next((part for part in parts[1:] if len(_han(part)) >= TITLE_MIN and not (is_label(part) or is_site_name(part))), None)
        if later:
            return later
    return first if len(first) >= 6 and not is_site_name(first) else None


def echo(text: str, lead: str) -> float:
    """The share of `text`'s pairs of Han characters that `lead` says too.

    >>> echo("东城区召开人才座谈会", "5月18日，东城区召开人才座谈会。")
    1.0
    """
    han = _han(text)
    pairs = {han[k : k + 2] for k in range(len(han) - 1)}
    if not pairs:
        return 0.0
    said = _han(lead)
    return round(sum(pair in said for pair in pairs) / len(pairs), 2)


def page_items(texts) -> set[str]:
    """The items of the page's other lines: the runs of Han characters between its separators
    (当前位置：> 组工动态 > 人才工作 > 正文 → 当前位置, 组工动态, 人才工作, 正文)."""
    return {item for text in texts for item in re.findall(rf"[{HAN}]{{{LABEL_MIN},{LABEL_MAX}}}", text)}


def is_the_sites(part: str, headline: str, lead: str, elsewhere: set[str] = frozenset()) -> bool:
    """Is `part`, set beside `headline` on the title line(s), the site's words and not the title's?

    >>> is_the_sites("人才工作", "东城区召开人才座谈会", "5月18日，东城区召开人才座谈会。")
    True
    >>> is_the_sites("人才工作", "东城区召开人才座谈会", "")  # no lead to echo it, nothing else on the page
    False
    >>> is_the_sites("某某文档网", "干部队伍建设须臾不可放松", "")
    True
    """
    if is_site_name(part) and (is_headline(headline) or len(_han(headline)) >= TITLE_MIN):
        return True
    if not (is_label(part) and is_headline(headline)):
        return False
    label = _han(part)
    return (echo(headline, lead) >= ECHOED_AT and label not in _han(lead[: len(headline) + 20])) or label in elsewhere


NAME_OVER_A_REPORT_MAX = 4
"""How long a bare name over a report's headline may be (新闻中心, 组工要闻, 组织部): a column's or a masthead's word."""


def names_the_page_over_its_headline(label: str, headline: str, lead: str) -> bool:
    """Is `label`, a line of its own right over `headline`, the page's name for where the report stands — a noun of at
    most four Han characters (a centre or an office too: 新闻中心, 组织部), with no meeting or speech word — over a
    headline the lead tells again (ECHOED_AT) while never saying the label? The lead retells a report's headline, never
    its site's column. A document's title (…的通知, 关于…, …的讲话) is left to the readers of its issuer and its title.

    >>> names_the_page_over_its_headline("新闻中心", "某某学院党委书记甲某讲授“开学第一课”", "为落实部署，某某学院党委书记甲某以“奋斗”为题，讲授“开学第一课”。")
    True
    >>> names_the_page_over_its_headline("乡村振兴", "某县召开乡村振兴推进会", "3月2日，某县召开乡村振兴推进会。")  # the lead says it: a kicker
    False
    >>> names_the_page_over_its_headline("某某县委", "关于做好换届工作的通知", "为做好换届工作，现通知如下。")
    False
    """
    han, compact = _han(label), re.sub(r"\s+", "", label)
    if not (LABEL_MIN <= len(han) <= NAME_OVER_A_REPORT_MAX and han == compact) or _HEADLINE_WORDS.search(han) or not names_a_thing(han):
        return False
    title = re.sub(r"\s+", "", headline)
    if len(_han(title)) < HEADLINE_MIN or title.startswith("关于") or _WHOLE_END.search(_NOTE_MARK_AT_END.sub("", title)):
        return False
    return echo(title, lead) >= ECHOED_AT and han not in _han(lead)


_LABEL_THEN_SPACE = re.compile(rf"^([{HAN}]{{{LABEL_MIN},6}})[ \u3000]+(?=\S)")


def headline_of(title: str, lead: str, elsewhere: set[str] = frozenset()) -> str:
    """The title without a column's label glued before it by a space (人才工作 东城区召开…座谈会).

    >>> headline_of("人才工作 东城区召开人才座谈会", "5月18日，东城区召开人才座谈会。")
    '东城区召开人才座谈会'
    >>> headline_of("初心如磐 使命在肩", "同志们：今天我们召开会议。")
    '初心如磐 使命在肩'
    """
    glued = _LABEL_THEN_SPACE.match(title)
    if glued and column_label(glued.group(1)) and is_the_sites(glued.group(1), title[glued.end() :], lead, elsewhere):
        return title[glued.end() :]
    return title


# ── Title choice: which of the lines stacked over the text are the title's ─────────────────────────────────
# A page may set over its headline a line of its own (the site's name, a column, the path to the page, a
# collection's name) or under it (the category a 范文 site files it in, an account's column). The title is a
# choice among the stacked lines, made on evidence that carries over: one line reads as a whole title, and the
# other has evidence of its own that it is the site's. Each kind of evidence counts once (its weight below);
# a line leaves the title at SITE_LINE_AT, and a person is asked (title-choice on 待核对) where the evidence
# falls one short of it or just reaches it. The weights and the threshold were chosen leave-one-round-out on
# the dev rounds (docs/dev/READING.md, "Title choice").
WHOLE_WEIGHT = 1
"""The other line is a whole title: it ends as a speech or a document names itself (…的讲话, …讲稿, …的通知),
the lead says it again (a report's headline), or a subtitle (——在…上的讲话) stands right under it."""
OWN_WEIGHT = 1
"""Each kind of evidence the line has of its own: the cleaner's chrome evidence on it (kept, on 待核对); the shape
of a site's line (SITE_SHAPES); under half its characters Han (87978797威尼斯); removed page furniture between
it and the whole title (a posting stamp, a counter); standing between the whole title and that title again."""
SITE_LINE_AT = 2
"""A stacked line with this much evidence is the site's, not the title's."""

_NOTE_MARK_AT_END = re.compile(r"\s*(?:[〔\[［【(（]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[〕\]］】)）]|\d{1,2})$")
"""A note's or a piece's number after a title: …的报告〔1〕, …讲稿（一）, …讲话稿范文(2)."""
_WHOLE_END = re.compile(r"(?:讲话|报告|发言|致辞|讲稿|讲话稿|党课|主持词|讲话提纲|党课讲稿|总结|体会|心得|通知|通报|请示|意见|决定|决议|批复|纪要|方案|规划|要点|计划|办法|规定)$")
"""How a whole title ends: the kind of text it names."""


def whole_title(text: str, lead: str = "", subtitled: bool = False) -> bool:
    """Does a title line read as a whole title on its own?

    >>> whole_title("七一表彰大会上区直机关工委讲话稿(2)"), whole_title("在全国组织工作会议上的报告〔1〕")
    (True, True)
    >>> whole_title("某校举办首届党建论坛", "3月22日，某校举办首届党建论坛。"), whole_title("某校举办首届党建论坛")
    (True, False)
    >>> whole_title("人才工作"), whole_title("学习某地经验加速发展", subtitled=True)
    (False, True)
    """
    compact = re.sub(r"\s+", "", text)
    han = _han(compact)
    if len(han) < TITLE_MIN or _STOP.search(compact[:-1]):
        return False
    if _WHOLE_END.search(_NOTE_MARK_AT_END.sub("", compact)):
        return True
    return subtitled or (is_headline(compact) and echo(compact, lead) >= ECHOED_AT)


_PIECES_COUNTED = re.compile(r"^[（(【\[]\s*(?:共)?\s*[\d一二两三四五六七八九十]{1,3}\s*篇\s*[）)】\]]|(?:(?<!第)[\d一二两三四五六七八九十]{1,3}\s*篇|汇编|合集|选编|大全)$")
"""A collection's name counts its pieces or says it gathers them: （3篇）关于…讲稿, …心得体会5篇, …讲话汇编."""
_INDEX_AT_END = re.compile(r"\s*[（(]?\d{1,2}[）)]?$")
"""A piece's index after the name a collection lists it by: 挂职街道总结范文1."""
_CRUMB_SEPARATOR = re.compile(r"\s*(?:-{2,}|[>›»|｜丨/]|\s[-–—]\s)\s*")
_WIRE_DATELINE = re.compile(rf"^[{HAN}]{{2,12}}?(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})月(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})日(?:电|讯)$")
"""A wire's dateline on a line of its own: the agency, the place, the day, 电 (新华社北京2月4日电)."""
_ACCOUNT_COLUMN = re.compile(rf"^[{HAN}]{{2,20}}[「【\[]([{HAN}]{{2,8}})[」】\]]$")
"""An account's name with its column in brackets (某某市委党校「干训教育」): where the text was posted, not its title."""


def site_shape(text: str) -> str | None:
    """The shape of a site's line that `text` has, by name, else None: a column's label, a site's name, the path
    to the page, a collection's name, a piece's listing name with its index, a wire's dateline, an account's column.

    >>> [site_shape(t) for t in ("七一建党节", "首页---机关动态", "（3篇）关于社区书记讲党课讲稿", "挂职街道总结范文1")]
    ['label', 'crumbs', 'collection', 'listing']
    >>> [site_shape(t) for t in ("新华社北京2月4日电", "某某市委党校「干训教育」", "在全县组织工作会议上的讲话")]
    ['dateline', 'account', None]
    """
    compact = re.sub(r"\s+", "", text)
    if not compact or _STOP.search(compact):
        return None
    if _WIRE_DATELINE.match(compact):
        return "dateline"
    if _PIECES_COUNTED.search(compact):
        return "collection"
    if is_site_name(compact):
        return "site-name"
    indexed = _INDEX_AT_END.search(compact)
    if indexed and len(_han(compact[: indexed.start()])) >= 4 and not re.search(r"[\d年月日期届号第]$", compact[: indexed.start()]):
        return "listing"
    if column_label(compact):
        return "label"
    parts = [part for part in _CRUMB_SEPARATOR.split(text.strip()) if part]
    if len(parts) > 1 and all(column_label(part) or is_site_name(part) for part in parts):
        return "crumbs"
    if _ACCOUNT_COLUMN.match(compact):
        return "account"
    return None


COLUMN_VERB_MAX = 4
"""A column's name may open with a word jieba calls a verb when it is short (组织工作, 组工动态) or names a kind of
work (组织工作动态: the verb, then a verbal noun); a longer line that opens with a verb acting on a thing is a phrase
that acts (增强凝聚力, 加强社区党的建设): a slogan's half, no column."""


def column_label(text: str) -> bool:
    """A column's or a category's label: a label (is_label) that holds no preposition and, longer than
    COLUMN_VERB_MAX, does not open with a verb acting on a thing.

    >>> column_label("七一建党节"), column_label("组工动态"), column_label("组织工作动态"), column_label("增强凝聚力"), column_label("使命在肩")
    (True, True, True, False, False)
    """
    if not is_label(text):
        return False
    tags = _tags(_han(text))
    if any(flag == "p" for _, flag in tags):
        return False
    acts = tags[0][1] in _VERB and not (len(tags) > 1 and tags[1][1] == "vn")
    return len(_han(text)) <= COLUMN_VERB_MAX or not acts


def few_han(text: str) -> bool:
    """Under half of the line's characters are Han (87978797威尼斯, www.某某.com): no title's words.

    >>> few_han("87978797威尼斯"), few_han("2023年全县组织工作会议")
    (True, False)
    """
    compact = re.sub(r"\s+", "", text)
    return bool(compact) and len(_han(compact)) < 0.5 * len(compact)
