"""Stage 3 (parse), a report's sentence read as a parse: when, who, what they did.

    6月12日，全市组织工作会议召开。市委常委、组织部部长张某出席会议并讲话。
      time 6月12日 · actor 市委常委、组织部部长 + 张某 · act spoke (出席会议并讲话)

The lead reader (`lead.py`) asks these readers who of the people a report names spoke at its meeting. Its
older patterns propose people too; what each one did is read here, from the words right after the name,
so a leader who wrote (作出批示, 致信) or whose speech the meeting studied (传达学习…讲话精神) is never the
meeting's speaker, whoever proposed him.

    reader          part                            reads                                                gives
    read_time       when                            6月12日下午 · 2012年11月19日—24日 · 昨日 · 近日            Time
    read_actors     who: a chain of posts + a name  市委常委，组织部部长张某 · “两新”工委书记闵某 · 田某副校长     Actor
    act_of          what the named one did (ACTS)   讲话 作报告 · 强调 指出 表示 · 主持 · 出席 · 批示 致信 · 传达    the kind
    whole_chain     the posts before a comma        市委常委、组织部部长，市总工会主席 (one person's posts)        the chain
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import HAN
from .names import NOT_IN_A_ROLE_TAGS, _words, a_post_word, inside_a_units_name, name_at, organs_and_posts
from .words import tagger
from .damage import DAMAGE_IN_A_WORD
from .parse import COMMON_SURNAMES, MEETING_KIND, MEETING_WORDS, NOT_A_NAME

POST = (
    r"(?:副?书记|副?部长|部长|主任|副?县长|副?市长|副?区长|副?镇长|副?乡长|副?省长|局长|主席|厅长|校长|院长|组长|常委|秘书长|负责人"
    r"|社长|董事长|总经理|理事长|行长|教育长|委员|召集人|[司处科所署馆队站会州旗]长|副?主委|参事|LECTURER_TITLES"
    r"|(?:执行)?董事|总裁|总(?:工程|会计|经济)师|监事)"
).replace("LECTURER_TITLES", r"(?:副)?教授|(?:副|特约|特聘)?研究员|讲师")
"""The last word of a chain of posts, where the person's name follows: 组织部部长, 人事劳动司司长, 董事长, a company's
执行董事, 总裁, 总会计师 (公司党委书记、执行董事某某) — and the title a visiting lecturer is named with (省委党校教授某某,
马克思主义学院副教授某某 作专题辅导)."""


# ---- when ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Time:
    """When a lead says its meeting was: a day (year, month, day; the year may be unsaid), or a day said only
    relative to the page's (`relative`: days before the posting date, None when it is not said how many)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    relative: str | None = None
    """The word as the lead writes it (昨日, 近日), when it names no day."""

    @property
    def days_before_posting(self) -> int | None:
        """昨日 is the day before the paper's, 今日 the paper's own; 近日, 日前 say no day."""
        return RELATIVE_DAYS.get(self.relative or "")


DAY = re.compile(r"(?:((?:19|20)\d{2})年)?(\d{1,2})月(\d{1,2})(?:\s*[-－—–~～、至到]\s*\d{1,2})?日")
"""A day as a lead writes it, its year perhaps unsaid: 6月12日, 2023年2月27日; of a meeting held over two days
(4月23-24日, 4月23至24日) the first."""
_DAY_ALONE = re.compile(r"(?<![\d月])(\d{1,2})日(?:上午|下午|晚上)?(?:在|召开|举行|开幕|，)")
"""A day without its month, said of a meeting (14日召开的…, 12日在…举行)."""
_RELATIVE = re.compile(r"昨日|昨天|(?:今日|今天)(?!的)|前日|近日|日前|近期|节前|节后")
"""A day named relative to the paper's — but 今天的会议 is a speaker's own day, not a paper's."""
RELATIVE_DAYS = {"今日": 0, "今天": 0, "昨日": 1, "昨天": 1, "前日": 2}


_FILED = ("电", "讯")
"""A wire's or a newsroom's dateline: 北京5月15日电, 某某客户端12月23日讯 — the day the report was filed."""


def read_time(sentence: str) -> Time | None:
    """When a lead sentence says it happened: its first day (not a wire's dateline, 北京5月15日电), else a word
    naming a day relative to the paper's.

    >>> read_time("6月12日下午，全市组织工作会议召开。")
    Time(year=None, month=6, day=12, relative=None)
    >>> read_time("2012年11月19日——24日，培训班如期举办。")
    Time(year=2012, month=11, day=19, relative=None)
    >>> read_time("本报讯（记者 某某）昨日，某市举办人才座谈会。").days_before_posting
    1
    >>> read_time("近日，某某镇召开党建工作会议。")
    Time(year=None, month=None, day=None, relative='近日')
    >>> read_time("会议强调，要抓好落实。") is None
    True
    >>> read_time("今天的会议是以“三会合一”的形式召开的。") is None
    True
    >>> read_time("新华社北京5月15日电 某某在14日召开的干部学院教学工作会议上指出，")
    Time(year=None, month=5, day=14, relative=None)
    >>> read_time("某某日报客户端12月23日讯（通讯员 某某）12月21日，县委书记某某主持召开现场观摩会。")
    Time(year=None, month=12, day=21, relative=None)
    >>> read_time("4月23-24日，我院分别在两个校区举行了2015年春季党校开学典礼。")
    Time(year=None, month=4, day=23, relative=None)
    """
    day = next((m for m in days_said(sentence) if not sentence.startswith(_FILED, m.end())), None)
    if day:
        return Time(int(day.group(1)) if day.group(1) else None, int(day.group(2)), int(day.group(3)))
    # A wire's dateline gives the day it filed (…5月15日电), not the meeting's; the meeting's day may follow it
    # without its month (…电 某某在14日召开的…会议上): the dateline's month, a day not after it.
    filed = next((m for m in days_said(sentence) if sentence.startswith(_FILED, m.end())), None)
    same_month = filed and _DAY_ALONE.search(sentence, filed.end())
    if same_month and 1 <= int(same_month.group(1)) <= int(filed.group(3)):
        return Time(int(filed.group(1)) if filed.group(1) else None, int(filed.group(2)), int(same_month.group(1)))
    relative = _RELATIVE.search(sentence[:RELATIVE_WITHIN])
    return Time(relative=relative.group()) if relative else None


def days_said(sentence: str) -> list[re.Match]:
    """The days a sentence names in its own words: a day inside a quotation (“…7月1日…”) is the quoted one's.

    >>> [m.group() for m in days_said("会议强调：“7月1日是党的生日。”8月2日，会议闭幕。")]
    ['8月2日']
    """
    return [m for m in DAY.finditer(sentence) if sentence.count("“", 0, m.start()) <= sentence.count("”", 0, m.start())]


RELATIVE_WITHIN = 30
"""A relative day stands at the lead's start, after a paper's 本报讯（记者…） at most."""


# ---- who -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Actor:
    """One the sentence names: the posts as written before the name (or the title after it), and the name."""

    role: str
    name: str
    start: int
    """Where the name starts in the text read."""
    title_after: bool = False
    """The title follows the name (田某副校长作动员讲话): what he did is read after it."""
    organ_before: str = ""
    """The organ named before the name when the title follows it (校党委|陈某|副书记): the role is organ and title."""

    @property
    def end(self) -> int:
        """Where the words of what he did start: after the name, or after the title that follows it."""
        return self.start + len(self.name) + (len(self.role) - len(self.organ_before) if self.title_after else 0)

    @property
    def post(self) -> str:
        """The role as a post, without the place the report names it with (宜城市委书记 → 市委书记): `without_place`."""
        return without_place(self.role)


_PLACE_BEFORE_ORGAN = re.compile(rf"^(?:中共)?(?P<place>[{HAN}]{{2,6}}?|[Xx×＊*某]{{1,4}})(?=(?:省|市|州|县|区|旗|盟)委|(?:镇|乡|街道)党(?:工)?委)")
"""A place's name before its level and committee at the start of a chain of posts: 宜城|市委书记, 浚县|县委常委,
西河|镇党委书记, XX|县委书记."""
_PLACE_TAGS = ("n", "s", "j")
"""Tags (first letter) of the words of a place's name: nouns and names (宜城 ns, 凯里 nrt, 麻章 nr), a place word, an
abbreviation — never a verb, adjective, distinguishing word or numeral (上级|市委书记 is no place)."""


def without_place(role: str) -> str:
    """A chain of posts without the place its first organ is named with: the level and its committee say the post
    (宜城市委书记 → 市委书记, 镇江市委常委、组织部部长 → 市委常委、组织部部长). Only the first organ's: a later one
    (市委常委、东城区委书记) names which district the second post is in; a government's name (某某市人民政府副市长)
    is no committee and stays whole.

    >>> [without_place(r) for r in ("宜城市委书记", "浚县县委常委、组织部部长", "西河镇党委书记", "中共XX县委书记")]
    ['市委书记', '县委常委、组织部部长', '镇党委书记', '县委书记']
    >>> [without_place(r) for r in ("市委常委、东城区委书记", "咸阳市人民政府副市长", "县委书记", "上级市委书记")]
    ['市委常委、东城区委书记', '咸阳市人民政府副市长', '县委书记', '上级市委书记']
    """
    m = _PLACE_BEFORE_ORGAN.match(role)
    if not m:
        return role
    place = m.group("place")
    if not re.fullmatch("[Xx×＊*某]+", place) and not all(flag[:1] in _PLACE_TAGS or word == "某某" for word, flag in _words(place)):
        return role
    return role[m.end() :]


ORGAN_GOES_ON = "委部局厅院所处科室办组会兼"
"""What never opens a name after a post: its organ and a further post go on (县人大常委|会主任郑某, 中央书记|处书记,
副书记|兼纪委书记)."""
INVITING = "邀请|特邀|聘请|特请"
INVITED = "|".join(f"(?<={word})" for word in INVITING.split("|"))
"""Where the one a meeting invited is named, right after the word of inviting (特邀省委党校教授某某…, 邀请某某教授…): the
dictionary reads 特邀 as a name, so it is never part of his posts."""
_ROLE_THEN_NAME = re.compile(rf"(?:^|(?<=[，,。；、\s】）)”：:])|(?<=日电)|(?<=[{HAN}][和及与并])|{INVITED})(?P<role>(?:[{HAN}、（）()“”]|{DAMAGE_IN_A_WORD}){{0,30}}?{POST})\s?(?P<name>(?![{ORGAN_GOES_ON}])[{HAN}]{{2,3}})")
"""A chain of posts and the name after it, after a clause's start, an attendance list's colon (出席：县委书记某某) or the
和/及/与/并 that joins it to the person before (县委书记甲某和县委副书记、县长乙某); a character a broken decoding ate
(\ufffd委常委, ?委书记) is read through and the role mended before it is published (`damage.mend`)."""
_NAME_THEN_TITLE = re.compile(
    rf"(?:^|(?<=[，,。；、\s】）)”])|{INVITED})(?P<name>[{COMMON_SURNAMES}](?:(?![委省市县区镇乡部局厅校院组党协团社所站处科室办会副])[{HAN}]){{1,2}}?)"
    rf"(?P<role>(?:常务)?副?(?:书记|部长|主任|主席|县长|市长|区长|镇长|乡长|省长|局长|厅长|校长|院长|处长|教授|研究员))"
)
_ORGAN_NAME_TITLE = re.compile(
    rf"(?:^|(?<=[，,。；\s】）)”]))(?P<organ>[{HAN}“”]{{0,10}}?(?:党委|党工委|党组|党总支|纪委|委员会|政府|人大常委会|[省市县区镇乡]委))"
    rf"(?P<name>(?!常务)[{COMMON_SURNAMES}][{HAN}]{{1,2}}?)"
    rf"(?P<title>(?:常务)?副?(?:书记|部长|主任|主席|县长|市长|区长|镇长|乡长|省长|局长|厅长|校长|院长|秘书长))"
)
"""A name between the organ and the post (校党委|陈某|副书记到会并讲话, 县委|王某|书记强调): the role is the organ and the post."""
_NOT_A_NAME_START = "的了在对和与及是把被将也都还又就并而且从以为其各"
"""Words of grammar that never open a Chinese name (习近平总书记的重要讲话: 的重要 is no name)."""
_HOW = re.compile(r"应邀|逐一|分别|一一|现场|随后|亲自|专门|认真|充分|重点|进一步|对此|先后|共同|一同|首先|接着|然后|最后|同时|纷纷|一致|普遍|依次|轮流|相继|陆续|也|都|还|又|再|就")
"""Words of how a thing was done that stand where a name would (书记逐一点评, 书记亲自部署, 各村党支部书记纷纷表示): a role
without a name."""


def could_be_a_name(text: str) -> bool:
    """Whether two or three characters could be a person's name, by their shape: no word of grammar at
    the start, no 的 inside, no meeting (全区组织部长座谈会), no word of how a thing was done (逐一, 首先).

    >>> [could_be_a_name(t) for t in ("王某平", "的重要", "座谈会", "首先", "于洪", "进行了", "纷纷")]
    [True, False, False, False, True, False, False]
    >>> [could_be_a_name(t) for t in ("抓基层", "候选人", "关于", "要以", "方军", "季星", "强薇")]
    [False, False, False, False, True, True, True]
    """
    return not (text[0] in _NOT_A_NAME_START or re.search("[的了着]", text) or _HOW.match(text) or NOT_A_NAME.search(text) or re.search(MEETING_KIND, text) or text.endswith("会") or _a_word_not_a_name(text))


_OPENS_NO_NAME = "vpfmudkc"
"""jieba's tags of a word no name opens with — a verb, preposition, place word, numeral, particle, adverb or
conjunction (抓|基层, 要|以, 一年来, 之间) — unless a surname stands there."""


def _a_word_not_a_name(text: str) -> bool:
    """Whether the dictionary reads a span as words, not a name: one word it knows that is no name and opens with
    no surname (候选人, 队伍, 培训) or is a word of grammar (关于); or words whose first is a verb, preposition, numeral …
    where no surname stands (抓基层, 要以). A name it does not know (方军, 季星: a surname and one word) stays."""
    words = tagger().lcut(text)
    first = words[0].flag
    if first.startswith("nr") or re.search("[某甲乙丙丁×Xx]", text):  # 王某, 甲某: a name masked or made up
        return False
    if len(words) == 1:
        return text[0] not in COMMON_SURNAMES or first[:1] in _OPENS_NO_NAME
    return text[0] not in COMMON_SURNAMES and first[:1] in _OPENS_NO_NAME


def read_actors(text: str) -> list[Actor]:
    """Everyone a text names with posts before the name (the whole chain, across a comma between posts) or
    with the title he is called by after it, in the order named.

    >>> [(a.role, a.name) for a in read_actors("市委常委、组织部部长、统战部部长，市总工会主席赵某出席会议并讲话。")]
    [('市委常委、组织部部长、统战部部长，市总工会主席', '赵某')]
    >>> [(a.role, a.name) for a in read_actors("区委社会工作部部长、“两新”工委书记闵某某主持会议。")]
    [('区委社会工作部部长、“两新”工委书记', '闵某某')]
    >>> [(a.role, a.name) for a in read_actors("培训班开学典礼由教育长陈某主持，田某副校长作动员讲话。")]
    [('教育长', '陈某'), ('副校长', '田某')]
    >>> [(a.role, a.name) for a in read_actors("农业部党组成员、人事劳动司司长毕某某出席会议并讲话。")]
    [('农业部党组成员、人事劳动司司长', '毕某某')]
    >>> read_actors("为全面贯彻落实习近平总书记重要讲话精神，街道党工委书记逐一点评。")
    []
    >>> [(a.role, a.name, a.end) for a in read_actors("开学典礼隆重举行，校党委陈某副书记到会并作重要讲话。")]
    [('校党委副书记', '陈某', 17)]
    """
    actors = []
    for m in _ROLE_THEN_NAME.finditer(text):
        name = name_at(text, m.start("name"), m.group("name"))
        # 李某在会上强调, 韩某的讲话: the dictionary leaves 李某在, 韩某的 whole; the name is the span after which an
        # act is read, else the one that has a name's shape
        spans = [n for n in dict.fromkeys((name, name and name[:2], _whole_name_the_dictionary_cut(text, name, m.group("name"))))
                 if n and could_be_a_name(n) and not _joins_the_next(text, m.start("name"), n)]
        if not spans and name and _quoted_by_name_again(text, name):
            spans = [name]  # 董事长都某洲出席…。都某洲指出，…都某洲强调: a surname that is also a word of grammar
        if _names_a_meeting(text, m.start("name"), spans):
            continue  # 全县村党组织书记|项目推进会: the posts name the meeting's kind, no one is named
        name = next((n for n in spans if _ACT.match(text, m.start("name") + len(n))), None) or recurring_name(text, spans)
        invited = re.match(rf".*(?:{INVITING})", m.group("role"))  # 特邀|省委党校教授: 特邀 is no name before his posts
        posts = m.group("role")[invited.end() :] if invited else m.group("role")
        role = whole_chain(text, m.end("role") - len(posts), trim_to_posts(posts))
        if name and role and not _ACT.match(text, m.start("name")) and not ADDRESSED_BY_SURNAME.fullmatch(role) and organs_and_posts(role.replace("，", "、")):
            # (田某副校长作动员讲话: what follows a post may be the act itself, 作动员 is no name)
            actors.append(Actor(role, name, m.start("name")))
    named = {a.start for a in actors}
    for m in _NAME_THEN_TITLE.finditer(text):
        name = m.group("name")
        if m.start() not in named and could_be_a_name(name) and name_at(text, m.start("name"), name) == name:
            actors.append(Actor(m.group("role"), name, m.start("name"), title_after=True))
            named.add(m.start("name"))
    for m in _ORGAN_NAME_TITLE.finditer(text):
        organ, name = trim_to_posts(m.group("organ")), m.group("name")
        if m.start("name") not in named and organ and could_be_a_name(name) and organs_and_posts(organ + m.group("title")):
            actors.append(Actor(organ + m.group("title"), name, m.start("name"), title_after=True, organ_before=organ))
    return sorted(actors, key=lambda a: a.start)


QUOTED_AGAIN = 2
"""How often a report must open a clause with the same name and what he said to show it is a name."""


def _quoted_by_name_again(text: str, name: str) -> bool:
    """Whether a span after posts that opens with a word of grammar (都, 也, 和 are surnames too) is a name all the same,
    by repetition: the report opens a clause with it and what he said at least QUOTED_AGAIN times (都某洲指出，…
    都某洲强调，…).

    >>> _quoted_by_name_again("董事长都某洲出席。都某洲指出，要学习。都某洲强调，要落实。", "都某洲")
    True
    >>> _quoted_by_name_again("书记都要抓落实。都要指出问题。", "都要")
    False
    """
    if not (2 <= len(name) <= 3) or not re.fullmatch(f"[{HAN}]+", name) or re.search("[的了着]", name):
        return False
    again = re.findall(_CLAUSE_START + re.escape(name) + rf"(?:同志)?(?:{ASKED}|{SPOKE})", text)
    return len(again) >= QUOTED_AGAIN


def _joins_the_next(text: str, start: int, span: str) -> bool:
    """Whether a span taken for a name ends in the 和/及/与/并 that joins the next person's posts (县长丙某|及|县委副书记…).

    >>> _joins_the_next("县长丙某及县委副书记乙某出席。", 2, "丙某及"), _joins_the_next("县长丙某及县委副书记乙某出席。", 2, "丙某")
    (True, False)
    """
    return span[-1] in "和及与并" and _ROLE_THEN_NAME.match(text, start + len(span)) is not None


def _names_a_meeting(text: str, start: int, spans: list[str]) -> bool:
    """Whether every span taken for a name runs into a meeting's kind, inside it or right after it (全县村党组织书记|项目|
    推进会召开, 组织部长|读书班): the chain of posts is part of the meeting's name, no one is named. A 党课 after a name is
    his lesson, a meeting followed by 上 (王某座谈会上指出) is where he spoke.

    >>> _names_a_meeting("全县村党组织书记项目推进会召开。", 8, ["项目", "项目推"]), _names_a_meeting("县委书记王某出席。", 4, ["王某"])
    (True, False)
    >>> _names_a_meeting("校党委书记张某上党课。", 5, ["张某上", "张某"]), _names_a_meeting("书记王某座谈会上指出。", 2, ["王某"])
    (False, False)
    """
    def runs_into_a_meeting(span: str) -> bool:
        for at in range(start + 1, start + len(span) + 1):
            meeting = _A_MEETING_NAMED.match(text, at)
            if meeting and not text.startswith(("上", "中", "时"), meeting.end()):
                return True
        return False

    return bool(spans) and all(runs_into_a_meeting(span) for span in spans)


_A_MEETING_NAMED = re.compile(f"(?!党课)(?:{MEETING_WORDS})")


def _whole_name_the_dictionary_cut(text: str, cut: str | None, proposed: str) -> str | None:
    """Three characters the dictionary cut to two (李建|发到会, 李建|发表示: the third runs into a word after it), proposed
    again when they recur as often as their two and the third is no word of grammar: the name, whatever follows it.

    >>> _whole_name_the_dictionary_cut("副书记李建发到会指导。李建发表示，要学习。", "李建", "李建发")
    '李建发'
    >>> _whole_name_the_dictionary_cut("书记王某在会上指出。王某在讲话中强调。", "王某", "王某在") is None
    True
    """
    if not cut or cut == proposed or len(proposed) != 3 or proposed[2] in _NOT_A_NAME_START:
        return None
    return proposed if text.count(proposed) >= 2 and text.count(proposed) == text.count(proposed[:2]) else None


def recurring_name(text: str, spans: list[str]) -> str | None:
    """Where a name no act follows ends, by how the report repeats it (部长张某智到某市调研…张某智指出, 部长陆某领学…
    陆某要求): three characters that recur as often as their first two are the name, else two that recur right
    before what was said; else the longest span that has a name's shape.

    >>> recurring_name("部长陆某领学并发言。陆某要求，带头学习。", ["陆某领", "陆某"])
    '陆某'
    >>> recurring_name("部长张某智调研。张某智指出，要抓好。", ["张某智", "张某"])
    '张某智'
    """
    if not spans:
        return None
    three, two = spans[0], spans[-1]
    if len(three) == 3 and text.count(three) >= 2 and text.count(three) == text.count(two):
        return three
    if len(three) == 3 and text.count(three) == 1 and re.search(re.escape(two) + rf"(?:同志)?{WHERE_SAID}(?:{ASKED}|{SPOKE})", text):
        return two
    return three


ADDRESSED_BY_SURNAME = re.compile(rf"(?![副正总])[{HAN}](?:书记|部长|主任|县长|市长|区长|镇长|乡长|局长|主席|校长)")
"""沈书记, 张部长: a surname and a title, the way a report names one it named in full before — what follows is
no name (张书记首先传达了…)."""


_LEADS_TO_A_ROLE = ("p", "u", "c")


def trim_to_posts(role: str) -> str:
    """The chain of posts at the end of what a pattern took for a role, without the words that lead to it
    (会议传达学习了|省委常委、组织部部长, 会议由|县委副书记): the words after the last verb, preposition, particle,
    conjunction, adverb or name (jieba's tags); "" when a person's name stands right before the post (习近平总书记:
    the post is his, and what follows it is no one's name).

    >>> trim_to_posts("会议传达学习了省委常委、组织部部长"), trim_to_posts("会议由县委副书记"), trim_to_posts("市委常委、组织部部长")
    ('省委常委、组织部部长', '县委副书记', '市委常委、组织部部长')
    >>> trim_to_posts("为全面贯彻落实习近平总书记")
    ''
    >>> trim_to_posts("材料科学与工程学院党委书记"), trim_to_posts("省快递行业党委书记"), trim_to_posts("县委书记和县委副书记")
    ('材料科学与工程学院党委书记', '省快递行业党委书记', '县委副书记')
    """
    words = _words(role)
    cut, at, named = 0, 0, False
    for n, (word, flag) in enumerate(words[:-1]):
        at += len(word)
        if inside_a_units_name(words, n, role[cut : at - len(word)]):
            continue
        if a_post_word(word, words, n):
            continue
        if (len(word) >= 2 and (flag[:1] in NOT_IN_A_ROLE_TAGS or flag.startswith("nr") or flag == "v")) or flag[:1] in _LEADS_TO_A_ROLE or word in ("是", "受"):
            cut, named = at, flag.startswith("nr")
    # 习近平总书记|系列讲话: a name right before the post is whose post it is; what follows is no one's name
    return "" if named else role[cut:].lstrip("、，, ")


def whole_chain(text: str, start: int, role: str) -> str:
    """The posts of one person as the text lists them before the name, when a comma parts them
    (市委常委、组织部部长、统战部部长，市总工会主席赵某): the posts before the comma belong to the same person when
    they are nothing but posts, from the start of the sentence or clause.

    >>> text = "7月28日，推进会召开。市委常委、组织部部长，市总工会主席赵某出席会议。"
    >>> whole_chain(text, text.index("市总"), "市总工会主席")
    '市委常委、组织部部长，市总工会主席'
    >>> text = "县委书记王某，县委副书记、县长李某出席会议。"
    >>> whole_chain(text, text.index("县委副"), "县委副书记、县长")
    '县委副书记、县长'
    >>> text = "，某某学院副理事长、市委组织部副部长高某出席。"
    >>> whole_chain(text, text.index("市委"), "市委组织部副部长")
    '某某学院副理事长、市委组织部副部长'
    """
    role = role.lstrip("，,。；、 ")
    # 农村党支部书记学院副理事长、市委组织部副部长高某: a chain the finder entered after its 、 (a match that failed on the
    # posts before it took them up) goes on before it when that is nothing but posts from the clause's start
    while start and text[start - 1] == "、" and text.startswith(role, start):
        before = re.split(r"[，,。；：\s】）)]|\d{1,2}日", text[: start - 1])[-1]
        if not (re.fullmatch(rf"[{HAN}“”]{{2,30}}?{POST}", before) and organs_and_posts(before)):
            break
        role, start = before + "、" + role, start - 1 - len(before)
    while start and text[start - 1] in "，,":
        before = re.split(r"[，,。；：\s】）)]|\d{1,2}日", text[: start - 1])[-1]
        if not (re.fullmatch(rf"[{HAN}、“”]{{2,30}}?{POST}", before) and organs_and_posts(before)):
            break
        role, start = before + "，" + role, start - 1 - len(before)
    return role


# ---- what they did ---------------------------------------------------------------------------------------

SPOKE = (
    rf"(?:(?:出席|参加|到会|莅临)[^，。；]{{0,30}}?并(?:[作做]|发表)?(?:了)?(?:重要)?(?:讲话|致辞)|主持[{HAN}]{{0,8}}?并(?:[作做])?讲话"
    rf"|(?:领学|带学|导学|领读|带队|授旗|揭牌|点评|总结)并(?:[作做]|发表)?(?:了)?(?:重要)?讲话"
    rf"|[作做](?:了)?(?:工作)?报告|(?:[作做]|进行)(?:了)?[{HAN}]{{0,4}}?讲话|发表(?:了)?(?:重要)?讲话|(?:讲授|讲|上|作)(?:了)?[{HAN}]{{0,4}}?党课"
    rf"|(?:[作做]|讲授)(?:了)?题为(?:[“《][^”》]{{1,60}}[”》]|[^，。；]{{1,40}}?)的[{HAN}]{{0,4}}?(?:报告|讲话|党课|辅导)"
    rf"|[作做](?:了)?《[^《》]{{1,60}}》的?[{HAN}]{{0,6}}?(?:报告|讲话|党课|辅导)|进行(?:了)?[{HAN}]{{0,4}}?(?:党课|辅导)"
    rf"|[作做](?:了)?[{HAN}]{{0,4}}?辅导(?:报告)?|[作做](?:了)?(?:一场)?(?:专题|首场|主旨|主题|学术|形势)报告|授课|宣讲|到会并讲话|出席并致辞|讲话|致辞"
    rf"|[作做](?:了)?[{HAN}]{{1,4}}?动员(?!部署)|讲授(?:了)?[^，。；：]{{0,30}}?(?:课|讲座)(?![程件时])|上好[^，。；：]{{0,20}}?(?:第一课|思政课))"
)
"""…作讲话 with what kind of speech it was: 作重要讲话, 作总结讲话, 作动员讲话, 作开班动员 (a mobilisation given is a
speech; 作动员 alone, or 作…动员部署, is what one said); 出席…会议并发表讲话, 参加会议并讲话,
到会指导并讲话, 出席开幕式并致辞, 领学并讲话, 带队并讲话 (what he did first, then spoke); 讲专题党课, 作了题为《…》的报告, 讲授题为“…”的专题党课, 作《…》专题辅导报告, 进行党课教育辅导, 作专题辅导, 为学员授课,
讲授2022年春季学期“开学第一课”, 为新生上好开学第一课 (a course taught is a speech given; 讲授…课程, 讲授…知识 are not)
(做 for 作 as pages often write it: 做工作报告)."""
ASKED = (
    rf"(?:对[^。]{{0,40}}?)?(?:提出(?:了)?[^，。；]{{0,4}}?要求|作(?:出|了)?(?:具体)?部署|(?:进行|作)(?:了)?[{HAN}]{{0,4}}?(?:点评|讲评|总结)(?!讲话))"
    r"|强调|指出|要求|表示|点评|讲评|(?:充分)?肯定|[作做](?:了)?动员|[:：]"
)
"""What one says, as a report gives it: 强调, 指出, 表示 (浚县县委常委、组织部部长某某表示，要…), 提出要求, 作点评,
对…进行了逐一点评."""
CONVENED = "(?:主持|组织)召开"
"""The one who convened (and chaired) a meeting whose words the report gives as the meeting's (会议指出, 会议强调):
the speaker when nobody else is said to speak."""
WHERE_SAID = r"(?:在(?!批示|信|贺信|书面)(?:[^，。；：]{1,40}?[上中时][，,]?|[^，。；：]{1,10}?(?=出席|参加|主持|召开)))?"
"""Where the words were said, between the name and the verb: 在会上指出, 在讲话中强调, 在总结时要求 (never
在批示中: a letter is not a speech)."""

WELCOMED = r"(?:[作做]|发表)?(?:了)?致?(?:热情洋溢的)?欢迎(?:辞|词|致辞|讲话)|致辞[^。；！]{0,4}?[，,][^。；！]{0,30}?(?:表示|致以)[^。；！]{0,8}?欢迎"
"""The host's words to guests (致欢迎辞; 致辞，对…的到来表示热烈欢迎): a speech, but the guest who 出席并讲话 is the
meeting's speaker, not the one who welcomed him."""

ACTS = (
    ("wrote", r"(?:专门|亲自)?(?:作出|做出|作了|作)?了?(?:重要)?批示|在批示中|致信|发来贺信|致贺信|寄语|题词|[作做]书面"),
    ("instructed", r"(?:专门|亲自)?(?:作出|做出|作了|作)?了?(?:重要)?指示"),
    ("entrusted", r"委托"),
    ("relayed", r"在[^，。；]{1,30}?[上中时]的(?:重要)?(?:讲话|报告|批示|指示)(?!中)|的?(?:重要)?(?:讲话|指示)精神"),
    ("convened", CONVENED),
    ("chaired and spoke", rf"主持[{HAN}]{{0,8}}?并(?:[作做])?讲话"),
    ("welcomed", WELCOMED),
    ("spoke", SPOKE),
    ("chaired", r"主持"),
    ("said", ASKED),
    ("conveyed", r"传达|宣读"),
    ("attended", r"出席|参加|列席|陪同"),
    ("visited", r"(?:先后)?(?:到|赴|来到|前往|莅临|深入|走访|看望|慰问|调研|走进|走上)"),
)
"""What the one named did, read right after the name (and 同志, and where it was said): the first kind in
this order that the words fit. wrote (作出批示, 致信) and relayed (…在全省会议上的讲话精神: his speech is what
the meeting studied) never make the meeting's speaker; attended or visited (到某镇调研) alone does not either, but
names the one a later 他强调 speaks of."""
ABOUT_WHAT = (r"(?:(?:(?:就|对|为|向|结合|围绕|针对|代表)[^，。；：]{1,30}?|受[^，。；：]{1,20}?委托|以[^，。；：]{1,12}?(?:方式|形式)"
              r"|以(?:《[^《》]{1,60}》|“[^“”]{1,60}”|[^，。；：]{1,40}?)为题[，,]?)){0,2}")
"""What or whom the act was about, on whose behalf or how, between the name and the act: 就下步工作进行总结讲话,
为全区党员干部讲党课, 结合述职情况进行点评, 代表县委常委会作工作报告, 受县委书记某某委托讲话, 以视频方式出席并讲话, 以《…，…》为题，为全体党员进行党课教育辅导."""
_KINDS = "(?:" + "|".join(f"(?P<{kind.replace(' ', '_')}>{words})" for kind, words in ACTS) + ")"
_ACT = re.compile(rf"[ \u3000]?(?:同志)?(?:{_HOW.pattern})?{WHERE_SAID}{ABOUT_WHAT}{_KINDS}")
"""What one did, right after his name — a space may stand between (教授 某某 作专题辅导: a name set apart)."""
_AND_THEN = re.compile(rf"[^，。；：]{{0,30}}?[，,]?并(?:{_HOW.pattern})?{ABOUT_WHAT}{_KINDS}")
"""A second act joined by 并 to the first (出席并作报告, 到某镇调研并讲话): what the one named did at the meeting."""
_THERE_TO = re.compile(rf"[^，。；：]{{0,30}}?(?:[，,](?=以|为|向|围绕|结合))?(?:{_HOW.pattern})?{ABOUT_WHAT}(?P<spoke>{SPOKE})")
"""Where one came to, then the speech he gave there (莅临某学院讲授…专题党课, 来到某村为党员上党课): no 并 between; a comma
only before what the speech was about or to whom (走进教室，以《…》为题，为新生讲授…课)."""
_RELAYING = re.compile(r"传达|学习|领学|宣读|观看|收看|重温|贯彻|落实")
"""Words of a meeting studying what someone else said: an actor named after them in the same clause is the
one whose words were studied (会议传达了书记张某的讲话)."""


def acts_of(text: str, actors: list[Actor]) -> list[str | None]:
    """What each of `actors` did (`act_of`), where a list of people shares the act said after its last one:
    市委书记甲，市委副书记、市长乙出席会议并讲话 — both spoke (the one named first is the first to speak).

    >>> text = "市委书记甲某，市委副书记、市长乙某出席会议并讲话。"
    >>> acts_of(text, read_actors(text))
    ['spoke', 'spoke']
    >>> text = "会议由县委副书记丙某主持，县委书记丁某出席会议并讲话。"
    >>> acts_of(text, read_actors(text))
    ['chaired', 'spoke']
    """
    acts = [act_of(text, actor) for actor in actors]
    for n in range(len(actors) - 2, -1, -1):
        between = text[actors[n].end : actors[n + 1].start - len(actors[n + 1].role)]
        if acts[n] is None and between in LIST_MARKS and acts[n + 1] in ("spoke", "attended"):
            acts[n] = acts[n + 1]
    return acts


LIST_MARKS = ("，", "、", ",", "和", "及", "与", "并")
"""What parts the people of one list (甲某，乙某出席…; 县委书记甲某和县委副书记乙某出席…): nothing but a comma or 和."""


def act_of(text: str, actor: Actor) -> str | None:
    """What the one named at `actor` did, as the words right after the name say (a kind of ACTS), or None.

    >>> text = "会议传达学习了省委常委、组织部部长王某在全省会议上的讲话精神。"
    >>> act_of(text, read_actors(text)[0])
    'relayed'
    >>> text = "市委书记张某作出批示，市委常委、组织部部长赵某出席会议并讲话。"
    >>> [act_of(text, a) for a in read_actors(text)]
    ['wrote', 'spoke']
    >>> text = "会议由区委副书记李某主持。区委书记王某强调，要压实责任。"
    >>> [act_of(text, a) for a in read_actors(text)]
    ['chaired', 'said']
    >>> text = "开学典礼由教育长陈某主持，田某副校长作动员讲话。"
    >>> [act_of(text, a) for a in read_actors(text)]
    ['chaired', 'spoke']
    >>> text = "12月11日，某县召开会议。县委常委、组织部部长张某表示，要提高站位。"
    >>> act_of(text, read_actors(text)[0])
    'said'
    >>> text = "会议由党委副书记甲某主持。党委书记乙某同志就我院党委从2010年至2012年，围绕中心工作，在党员中开展活动的情况做了一次深入全面的报告。"
    >>> [act_of(text, a) for a in read_actors(text)]
    ['chaired', 'spoke']
    """
    clause_start = max(text.rfind(mark, 0, actor.start) for mark in "，,。；\n") + 1
    m = _ACT.match(text, actor.end)
    kind = m.lastgroup.replace("_", " ") if m else None
    then = _AND_THEN.match(text, m.end()) if kind in ("attended", "visited", "chaired") else None
    if then is None and kind == "visited" and _THERE_TO.match(text, m.end()):
        kind = "spoke"  # 莅临某学院讲授题为“…”的专题党课: he came to give it
    if then and then.lastgroup in ("spoke", "said", "instructed"):
        # 出席会议并讲话, 到会并作出重要指示: what he did there; an instruction given there was said
        kind = "chaired and spoke" if kind == "chaired" else "said" if then.lastgroup == "instructed" else then.lastgroup
    if kind not in ("wrote", "relayed") and _RELAYING.search(text, clause_start, actor.start):
        return "relayed"  # 传达学习了书记张某…: whatever follows, it is his words the meeting studied
    before_act = m.group()[: m.start(m.lastgroup) - m.start()] if m else ""
    if kind == "instructed":
        # 作出重要指示 alone is sent from afar, like a 批示; joined by 并 to what he did there (给予了评价并做出了重要指示)
        # or said where (在会上作出指示), it was said at the meeting
        return "said" if re.search(r"并|^(?:同志)?在", before_act) else "wrote"
    named_at = actor.start - (0 if actor.title_after else len(actor.role))
    on_behalf = "委托" in before_act or re.search(r"受[^。；]{1,30}?委托[，,]?$", text[:named_at])
    if on_behalf and kind in ("conveyed", "said", "chaired and spoke"):
        return "spoke"  # 受县委书记委托，县委副书记某某传达了…: the deputy gives the head's speech
    sentence_start = max(text.rfind(mark, 0, actor.start) for mark in "。！？\n") + 1
    opens_it = clause_start == sentence_start or clause_start - sentence_start <= 5  # 会上，|最后，| he opens it
    if kind is None and opens_it and _SUBJECT_OF_A_SPEECH.match(text, actor.end):
        return "spoke"  # 党委书记某某同志就…，…情况做了一次深入全面的报告。: the sentence he opens ends in his speech
    return kind


_SUBJECT_OF_A_SPEECH = re.compile(
    rf"(?:同志)?(?:就|对|围绕|结合)[^。！？；]{{8,200}}?(?:[作做](?:了)?(?:一[次场个])?[{HAN}]{{0,8}}?的?(?:工作|总结|专题)?(?:报告|讲话))[。！？]"
)
"""A sentence whose subject, named at its start, gives a speech at its end, what it was about running between however long
(某某同志就我院党委从2010年至2012年，围绕…，在党员中开展…活动情况做了一次深入全面的报告。): the one named spoke. Only a
sentence he opens, and only a 就/对/围绕/结合 phrase between (a subject doing other things first is weighed by ACTS)."""


# ---- who did what, through a report ------------------------------------------------------------------------

@dataclass(frozen=True)
class Deed:
    """What one mention of a person in a report says he did: the person as the report first names him (his posts
    then), the act (a kind of ACTS, or None), where the mention is, and whether it is a later one — by his name
    alone (王某指出) or as 他/她 — rather than the naming itself."""

    actor: Actor
    act: str | None
    at: int
    later: bool = False


_CLAUSE_START = r"(?:^|(?<=[，,。；！？\n]))\s*"
_BARE_NAME = re.compile(_CLAUSE_START + rf"(?P<name>[{HAN}]{{2,3}})")
_PRONOUN = re.compile(_CLAUSE_START + r"(?P<name>[他她])(?!们)")
NEVER_SPOKE = ("wrote", "relayed", "entrusted")
"""Acts that say the one named was not the meeting's speaker, whatever his words are said to say later: a letter
(作出批示), or the words the meeting studied (传达…王某在…上的讲话精神)."""


def read_deeds(text: str) -> list[Deed]:
    r"""Everyone a report names and what each mention of them says they did, in the order of the text: the
    naming with posts (`read_actors`, `acts_of`), the name said again alone (王某某充分肯定了…), 他/她 for the
    last one named (他强调), and a name alone never given posts, at a clause's start, with an act after it
    (郗某骏指出) — a person's name by the dictionary's tag, and not one the text calls 总书记 (a leader quoted).

    >>> text = "昨日，某市召开述职评议会议。市委常委、组织部长王某某参加会议。\n王某某充分肯定了述职工作。他强调，要抓落实。"
    >>> [(d.actor.name, d.act, d.later) for d in read_deeds(text)]
    [('王某某', 'attended', False), ('王某某', 'said', True), ('王某某', 'said', True)]
    >>> [(d.actor.role, d.actor.name, d.act) for d in read_deeds("会议由县委副书记王某主持。在随后的座谈会上，郗某骏指出，要重视。")]
    [('县委副书记', '王某', 'chaired'), ('', '郗某骏', 'said')]
    >>> [(d.actor.name, d.act) for d in read_deeds("县委书记吴某作出批示。吴某在批示中指出，成绩显著。")]
    [('吴某', 'wrote')]
    >>> [(d.actor.name, d.act) for d in read_deeds("县委书记张某主持会议。会议学习了习近平总书记的讲话。习近平强调，要抓落实。")]
    [('张某', 'chaired')]
    """
    actors = read_actors(text)
    first: dict[str, Actor] = {}
    for actor in actors:
        first.setdefault(actor.name, actor)
    # one named again with posts or his title (文某主持…。文某书记强调) is the one first named: his posts are the first naming's
    deeds = [Deed(first[actor.name], act, actor.start, later=first[actor.name] is not actor) for actor, act in zip(actors, acts_of(text, actors))]
    deeds += _bare_names(text, first, {actor.start for actor in actors})
    deeds += _named_again(text, first, {d.at for d in deeds})
    deeds += _called_by_surname(text, first, {d.at for d in deeds})
    deeds += _pronouns(text, deeds)
    absent = {d.actor.name for d in deeds if not d.later and d.act in NEVER_SPOKE}
    return sorted((d for d in deeds if not (d.later and d.actor.name in absent)), key=lambda d: d.at)


def _bare_names(text: str, first: dict[str, Actor], named: set[int]) -> list[Deed]:
    """A name alone at a clause's start with an act after it: a later mention of one named with posts (its
    two characters may be all of it: 陆某领学… 陆某要求), or one never given posts (`_a_bare_name`); `first` learns
    the new ones."""
    deeds = []
    for m in _BARE_NAME.finditer(text):
        at = m.start("name")
        spans = dict.fromkeys((name_at(text, at, m.group("name")), m.group("name")[:2]))
        for name in (n for n in spans if n and could_be_a_name(n) and at not in named and not _called_by_honorific(n)):
            known = first.get(name)
            act = act_of(text, Actor(known.role if known else "", name, at))
            if act and (known or (_a_bare_name(text, name) and not re.search(re.escape(name) + "总书记", text) and not _described(text, name))):
                actor = known or Actor("", name, at)
                deeds.append(Deed(actor, act, at, later=known is not None))
                first.setdefault(name, actor)
                break
    return deeds


def _called_by_honorific(span: str) -> bool:
    """汪总: a surname and HONORIFIC, the way staff call their 总经理 — a title, never a name on its own."""
    return len(span) == 2 and span[0] in COMMON_SURNAMES and span[1] == HONORIFIC


def _described(text: str, name: str) -> bool:
    """Whether a report introduces one it names alone as the subject of a story (赵某刚是某村党总支书记。…): an honoree
    or one interviewed, whose words it quotes — no one reported speaking at the meeting.

    >>> _described("赵某刚是某村党总支书记。他回乡创业。赵某刚表示：“我将继续努力。”", "赵某刚"), _described("郗某骏指出，要重视。", "郗某骏")
    (True, False)
    """
    return re.search(_CLAUSE_START + re.escape(name) + r"(?:同志)?(?:是|现任|曾任|担任)", text) is not None


def _named_again(text: str, first: dict[str, Actor], read: set[int]) -> list[Deed]:
    r"""Every other mention of a name already read where an act follows (王某某充分肯定了…, …，王某强调), the title he is
    called by perhaps between (门某某院长强调, of one first named 某区法院党组书记、院长门某某): what he did later. Attending
    or visiting again says nothing new.

    >>> text = "11月20日，某区法院党组书记、院长门某某组织召开党组扩大会议。\n门某某院长强调，要抓好学习。"
    >>> [(d.actor.role, d.actor.name, d.act, d.later) for d in read_deeds(text)]
    [('某区法院党组书记、院长', '门某某', 'convened', False), ('某区法院党组书记、院长', '门某某', 'said', True)]
    """
    deeds = []
    for name, actor in first.items():
        for m in re.finditer(re.escape(name), text):
            title = _TITLE_AFTER.match(text, m.end())
            called = Actor(title.group(), name, m.start(), title_after=True) if title and actor.role.endswith(title.group()) else Actor(actor.role, name, m.start())
            act = act_of(text, called) if m.start() not in read else None
            if act and act not in ("attended", "visited"):
                deeds.append(Deed(actor, act, m.start(), later=True))
                read.add(m.start())  # 王某某强调 is no mention of 王某 as well
    return deeds


TITLE_CALLED_BY = r"(?:常务)?副?(?:书记|部长|主任|主席|县长|市长|区长|镇长|乡长|省长|局长|厅长|校长|院长)"
"""The title a report calls one by after his name or surname (王某书记, 王书记), the last word of his posts."""
_TITLE_AFTER = re.compile(TITLE_CALLED_BY)
HONORIFIC = "总"
"""A surname and 总 (汪总在讲话中指出): a company's way to call its 总经理, 总裁 or 总工程师 — a title, no name."""
_HONORIFIC_POSTS = re.compile(r"总经理|总裁|总工程师|总会计师|总编辑|总监|总指挥")
_SURNAME_AND_TITLE = re.compile(_CLAUSE_START + rf"(?P<surname>[{COMMON_SURNAMES}])(?P<title>{TITLE_CALLED_BY}|{HONORIFIC}(?![书理裁部结体]))")


def _called_by_surname(text: str, first: dict[str, Actor], read: set[int]) -> list[Deed]:
    r"""A clause opening with a surname and a title (蔡部长作开班动员讲话, 王书记强调): the one named before with that
    surname whose posts end in that title — only when exactly one was; what he did then.

    >>> text = "区委常委、组织部部长蔡某、副区长陆某出席开班仪式。蔡部长作开班动员讲话。"
    >>> [(d.actor.name, d.act, d.later) for d in read_deeds(text)]
    [('蔡某', 'attended', False), ('陆某', 'attended', False), ('蔡某', 'spoke', True)]
    >>> text = "会议由集团党委书记、总经理汪某某主持。\n汪总在讲话中指出，要提高认识。"
    >>> [(d.actor.name, d.act, d.later) for d in read_deeds(text)]
    [('汪某某', 'chaired', False), ('汪某某', 'said', True)]
    """
    deeds = []
    for m in _SURNAME_AND_TITLE.finditer(text):
        title = m.group("title").removeprefix("常务")
        holds = (lambda role: _HONORIFIC_POSTS.search(role) is not None) if title == HONORIFIC else (lambda role: role.endswith(title))
        known = [a for a in first.values() if a.name.startswith(m.group("surname")) and holds(a.role)]
        if len(known) != 1 or m.start("surname") in read:
            continue
        act = act_of(text, Actor(m.group("title"), m.group("surname"), m.start("surname"), title_after=True))
        if act and act not in ("attended", "visited"):
            deeds.append(Deed(known[0], act, m.start("surname"), later=True))
    return deeds


def _pronouns(text: str, deeds: list[Deed]) -> list[Deed]:
    """他/她 at a clause's start with an act after it: the last one named before it (…到某镇调研。他强调，…)."""
    said = []
    for m in _PRONOUN.finditer(text):
        before = [d for d in deeds if d.at < m.start()]
        act = act_of(text, Actor("", m.group("name"), m.start("name"))) if before else None
        if act:
            said.append(Deed(max(before, key=lambda d: d.at).actor, act, m.start("name"), later=True))
    return said


def _a_bare_name(text: str, span: str) -> bool:
    """Whether a span that opens a clause with an act after it, never given posts, is a person's name: the
    dictionary reads it as one (nr), or — a name it does not know (黄某初: 黄|月初) — a surname opens it and it
    opens what was said twice or more (黄某初强调，… 黄某初要求，…): repetition says it is the one speaking.

    >>> _a_bare_name("郗某骏指出，要重视。", "郗某骏"), _a_bare_name("高度重视。高度重视。", "高度")
    (True, False)
    """
    words = tagger().lcut(span)
    if len(words) == 1 and words[0].flag.startswith("nr"):
        return True
    if span[0] not in COMMON_SURNAMES or any(w.flag[:1] in "dmvp" for w in words[1:]):
        return False
    opened = [m for m in re.finditer(_CLAUSE_START + re.escape(span), text) if act_of(text, Actor("", span, m.end() - len(span))) in ("said", "spoke")]
    return len(opened) >= BARE_NAME_SAID


BARE_NAME_SAID = 2
"""How often a name with no post must open what was said (某某指出，… 某某要求，…) to be read as a name the dictionary does
not know, and — for a report with no day — to be the one who spoke (`lead.bare_name_that_spoke`)."""
