"""Stage 3 (parse), what a news report's lead and a speech's body say when its header does not.

A page that reports a meeting (全市组织部长会议召开) has no byline and no date line of the speech: its
lead names the day (6月12日，…会议召开), and the one who spoke is the one who 出席会议并讲话 or
作工作报告 — not a leader who 作出批示 by letter. The posting date above it is the page's; it only
lends its year to the day the lead names. And a speech whose title names no level says it in its
body, again and again: 我市, 市委要求, 全市各级党组织 → 市.

Who did what is read by the parse of `clause.py` (a chain of posts and a name, then what the words after the
name say he did: spoke, said, chaired, wrote, relayed …); the patterns here propose people too, and the parse
rules out one who only wrote (作出批示) or whose speech the meeting studied (传达学习…讲话精神).

    reader              reads                                               gives
    news_lead           the first sentence of the text: a day, then 召开   the lead, or None
    speaker_in_lead     …部长金更华出席会议并讲话 / 作工作报告 / 主持会议并讲话  role, name
    speaker_of_undated_report  …董事长冯某同志首先作了重要讲话 (no day; third person)  role, name
    post_that_spoke     镇党委书记逐一点评 / 最后，县委书记作总结讲话 (a post, no name)  the role
    post_said_of_oneself 我作为县委组织部副部长，分管… (a summary in the first person)  the role
    date_in_lead        6月12日 + a year (in the lead, posted, or inferred)  YYYY-MM-DD
    year_said           2022年是… (from November, with tasks set: the coming year)  a year
    work_year           the one year whose work the body sets (2021年组织工作)  a year
    year_from_context   总结了2011年…对今年的工作进行了部署; “十四五”开局之年      a year, the words
    party_birthday_today 今天是党的生日                                     the words
    posting_date        发布时间：2023-03-01 (never a 今天是… bar)           YYYY-MM-DD
    day_before_posting  昨日 / 近日 with the posting date                   the day or only the year
    level_in_body       我市 全市 市委… counted against 我县 全县 县委…       the level
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date as calendar_day, timedelta

from ..text import HAN, clipped, cn_to_int
from .parse import HEADLINE_AND_STAMP, MEETING_KIND, find_level, study_session, without_non_units
from .clause import BARE_NAME_SAID, POST, SPOKE, WHERE_SAID, Actor, Deed, days_said, read_deeds, read_time

_LEAD_END = re.compile(r"[。！？]")
LEAD_DAY_WITHIN = 60
"""A lead names its day near its start (…讯（记者…）3月1日，…召开)."""
LEAD_DAY_OPENS = 12
"""…or opens with it (3月9日下午，区委书记李某到…), whatever it reports."""


_RECENT_DAY = re.compile(r"^(?:[^，。]{0,16}讯\s*(?:[（(][^（）()]{0,20}[）)])?\s*)?(?:昨日|昨天|今日|今天|日前|近日|前日|节前|节后)")
"""A lead that names its day relative to the paper's (昨日，南安召开…): a report still, of a day unknown."""


def news_lead(paragraphs: list[str]) -> str | None:
    """The sentence of a report that says when its meeting was held: a day near its start, a meeting held
    in it. It is the first sentence of one of the first two paragraphs, or — when that one only sets the
    scene (为切实了解…。 人才是第一资源。) — the next one that names a day and a meeting held (召开, 举行).
    A fragment with hardly any Han characters (a garbled dateline's ?？) is no sentence.

    >>> news_lead(["2月28日下午，全市组织部长会议召开。会议以…为指导。"])
    '2月28日下午，全市组织部长会议召开。'
    >>> news_lead(["这次全市组织工作会议，是一次重要的会议。"]) is None
    True
    >>> news_lead(["昨日，某某市召开述职评议会议。市委常委王某参加会议。"])
    '昨日，某某市召开述职评议会议。'
    >>> date_in_lead("昨日，某某市召开述职评议会议。", "2024-01-15", None) is None
    True
    >>> news_lead(["本报讯（记者 钟某）昨日，全市组织部长会议召开。部长邹某出席会议并讲话。"])
    '本报讯（记者 钟某）昨日，全市组织部长会议召开。'
    >>> news_lead(["为进一步压实责任，提升质效。3月2日上午，某某镇召开述职评议会。镇党委书记周某主持。"])
    '3月2日上午，某某镇召开述职评议会。'
    >>> news_lead(["?？某网1月8日消息？？某某委7日召开换届工作视频会。"])
    '某网1月8日消息？'
    >>> news_lead(["为推进学习教育，学院将学习党章作为重点。5月31日，学院党委中心组开展党章专题学习会。"])
    '5月31日，学院党委中心组开展党章专题学习会。'
    >>> news_lead(["我局党组一贯重视理论武装。6月12日，市水利局党组理论学习中心组集体学习新修订的党章，交流了体会。"])
    '6月12日，市水利局党组理论学习中心组集体学习新修订的党章，交流了体会。'
    >>> news_lead(["人才是第一资源。我们要重视人才。3月9日，会议讨论了三件事。"]) is None
    True
    >>> news_lead(["今天，我们召开全县组织工作会议。3月5日，市委召开了全市组织工作会议。"]) is None
    True
    >>> news_lead(["为深入学习贯彻党的二十大精神和党的建设的重要思想，进一步压实各级党组织书记抓基层党建工作责任，推动基层党建提质增效，1月18日上午，某某区召开述职评议会。"])[-19:]
    '1月18日上午，某某区召开述职评议会。'

    """
    for n, text in enumerate(paragraphs[:2]):
        if n == 1 and len(paragraphs[0]) > LEAD_AFTER_SHORT:
            break  # a long paragraph of the speech's own words first: no report's lead follows it
        sentences = [s for s in _SENTENCE.findall(text) if len(HAN_CHAR.findall(s)) >= SENTENCE_MIN_HAN][: LEAD_SENTENCES if n == 0 else 1]
        for i, sentence in enumerate(sentences):
            day = next(iter(days_said(sentence)), None) or _RECENT_DAY.match(sentence)
            if _SPEECH_VOICE.search(sentence[: day.end() + VOICE_AFTER_DAY if day else None]):
                break  # 今天，我们召开…: a speech's words (a report quotes them only later), and what follows recalls other meetings
            if day is None:
                continue
            held = re.search(r"召开|举行|开幕|会议|述职|座谈|学习会", sentence)
            # 为深入学习贯彻…，进一步…，推动…，1月18日上午，某某区召开…: a purpose however long, then the day
            purpose = _PURPOSE_FIRST.match(sentence[: day.start()]) and re.search(r"召开|举行|举办", sentence[day.start() :])
            if i == 0 and (day.start() <= LEAD_DAY_OPENS or (day.start() <= LEAD_DAY_WITHIN and held) or purpose):
                return sentence
            # (a study group's session is held too: 6月12日，市水利局党组理论学习中心组集体学习…)
            if i > 0 and day.start() <= LEAD_DAY_WITHIN and (re.search(rf"召开|举行|举办|开展[^，。；]{{0,40}}?(?:{MEETING_KIND})", sentence) or study_session(sentence)):
                return sentence
    return None


_SPEECH_VOICE = re.compile(r"我们|刚才|大家|同志们")
"""A speaker's words (今天，我们召开…), never a report's: what follows them recalls other meetings."""
VOICE_AFTER_DAY = 6
_PURPOSE_FIRST = re.compile(r"^(?:为了?|按照|根据|围绕|结合)[^。！？；]{4,}[，,]\s*$")
_SENTENCE = re.compile(r"[^。！？]*[。！？]|[^。！？]+$")
HAN_CHAR = re.compile(f"[{HAN}]")
SENTENCE_MIN_HAN = 4
LEAD_SENTENCES = 3
"""A report says when its meeting was held within its first sentences (one or two of them may set the scene)."""
LEAD_AFTER_SHORT = 80
"""The second paragraph may open with the lead when the first is short: a deck, a dateline, a credit."""


def speaker_of_report(paragraphs: list[str]) -> tuple[str | None, str | None, bool]:
    """The one who spoke at the meeting a report describes, from its first paragraphs: role, name, and whether
    the report named him first and gave his words later (王某参加会议。…王某指出…) rather than in one phrase
    (…部长王某出席会议并讲话). Who did what is the parse's (`clause.read_deeds`); the one whose act ranks first
    (ACT_RANK) spoke, the first named of equals.

    >>> speaker_of_report(["2月28日下午，全市组织部长会议召开。市委书记覃卫国作出批示，市委常委、组织部部长金更华出席会议并讲话。"])
    ('市委常委、组织部部长', '金更华', False)
    >>> speaker_of_report(["最后，党组书记卢晓东同志对各支部书记提出要求。"])[:2]
    ('党组书记', '卢晓东')
    >>> speaker_of_report(["【同期声】区委书记 李某：我们要把责任扛在肩上。"])[:2]
    ('区委书记', '李某')
    >>> speaker_of_report(["1月5日，某某镇召开述职评议会议。", "最后，镇党委书记王某平作总结讲话。"])[:2]
    ('镇党委书记', '王某平')
    >>> speaker_of_report(["3月2日，全县会议召开。县委书记吴某在批示中指出，成绩显著。"])
    (None, None, False)
    >>> speaker_of_report(["节前，某某街道召开述职评议会。街道党工委书记逐一点评，并提出四点意见。"])  # a post alone: post_that_spoke
    (None, None, False)
    >>> speaker_of_report(["7月14日，全区干部大会召开。李建华书记在会上强调，要真抓实干。"])[:2]
    ('书记', '李建华')
    >>> speaker_of_report(["昨日，某市召开述职评议会议。市委常委、组织部长王某某参加会议。", "王某某充分肯定了述职工作，同时指出了不足。"])
    ('市委常委、组织部长', '王某某', True)
    >>> speaker_of_report(["6月1日，某镇召开表彰大会。", "奏唱国歌", "会议由镇长孙某主持。", "会上，宣读了表彰决定。", "先进集体代表领奖",
    ...     "优秀党员代表领奖", "优秀党务工作者代表领奖", "会上，镇党委书记褚某刚作了重要讲话。"])[:2]  # captions do not use up the reach
    ('镇党委书记', '褚某刚')
    """
    found, _ = _who_spoke(paragraphs)
    if not found:
        return None, None, False
    best = min(found, key=lambda d: (ACT_RANK[d.act], d.actor.start, d.later))
    return best.actor.post or None, best.actor.name, best.later




_POST_THAT_SPOKE = re.compile(
    rf"(?:^|[，,。；！？\n]|会上|最后|随后|会议最后)\s*(?:某{{1,3}}|[Xx×]{{1,3}})?(?P<post>(?![各全与参某])[{HAN}“”]{{0,14}}?{POST})"
    rf"(?:某{{2,3}}|[Xx×]{{2,3}})?(?:同志)?{WHERE_SAID}(?:逐一|分别|一一|[对就][^，。；]{{1,20}}?)?(?P<act>{SPOKE}|强调|指出|提出[^，。；]{{0,4}}?要求|[作做进行]*了?[{HAN}]{{0,2}}(?:点评|讲评|总结))"
)
"""A post that opens its clause, no name after it, and what it said: 镇党委书记逐一点评, 最后，县委书记作总结讲话, 会上，街道党工委
书记对各社区工作进行了点评. Never a post of many (各村党组织书记逐一述职, 与会党员, 全体支部书记), nor one a name follows (the parse
reads him: `speaker_of_report`); a placeholder standing for the name (某书记主持会议并讲话) is no part of the post."""


def post_that_spoke(paragraphs: list[str]) -> str | None:
    """The post of the one a report says spoke when it never names him (镇党委书记逐一点评，并提出要求): the role is known, the
    speaker not — the build fills the role, leaves the name empty and says so on 待核对. The first such post in the
    report's first paragraphs; None when a name follows it (that one is `speaker_of_report`'s).

    >>> post_that_spoke(["6月3日，某某镇召开述职评议会。会上，各村党组织书记逐一述职，镇党委书记逐一点评。"])
    '镇党委书记'
    >>> post_that_spoke(["节前，某某街道召开述职评议会。街道党工委书记逐一点评，并提出四点意见。"])
    '街道党工委书记'
    >>> post_that_spoke(["1月5日，某某镇召开述职评议会议。", "最后，县委组织部副部长作总结讲话。"])
    '县委组织部副部长'
    >>> post_that_spoke(["3月8日，某某镇召开党建工作推进会。某书记主持会议并讲话。"])  # a placeholder for the name: no part of the post
    '书记'
    >>> post_that_spoke(["3月8日，某某镇召开党建工作推进会。会上，镇党委书记某某某作了讲话。"])  # a name blanked out
    '镇党委书记'
    >>> post_that_spoke(["1月5日，某某县述职评议会议召开。会上，该县负责人逐一进行了点评。"]) is None
    True
    >>> post_that_spoke(["6月3日，某某镇召开述职评议会。会上，各村党组织书记逐一述职。"]) is None
    True
    >>> post_that_spoke(["6月3日，某某镇召开述职评议会。镇党委书记甲某某出席并讲话。"]) is None
    True
    """
    text = "\n".join(report_paragraphs(paragraphs))
    m = _POST_THAT_SPOKE.search(text)
    # 该县负责人逐一进行了点评: whoever was in charge, described — no post a reader could write down
    return m.group("post") if m and not m.group("post").endswith("负责人") else None


_POST_OF_ONESELF = re.compile(rf"(?:^|[，,。；！？\n])\s*(?:本人|我)(?:作为|身为|担任)(?:一名)?(?P<post>(?![一这那])[{HAN}、“”（）()]{{2,24}}?{POST})(?=[，,。；、])")
"""The writer's own post, said at a clause's start: 我作为县委组织部副部长，…; 本人担任某某镇党委书记，…"""


def post_said_of_oneself(paragraphs: list[str]) -> str | None:
    """The post a text in the first person gives its writer (a work summary, a duty report: 我作为县委组织部副部长，分管…),
    in its first paragraphs; never a role one only shares (我作为一名党员: no post), nor one that describes a duty
    (第一责任人, 负责人).

    >>> post_said_of_oneself(["我作为县委组织部副部长，分管干部监督工作。一年来，我认真履职尽责。"])
    '县委组织部副部长'
    >>> post_said_of_oneself(["本人担任某某镇党委书记，主持全面工作。"])
    '某某镇党委书记'
    >>> post_said_of_oneself(["我作为一名普通党员，要带头学习。"]) is None, post_said_of_oneself(["我作为抓党建第一责任人，始终…"]) is None
    (True, True)
    """
    m = _POST_OF_ONESELF.search("\n".join(paragraphs[:3]))
    return m.group("post") if m and not m.group("post").endswith(("负责人", "责任人")) else None


def bare_name_that_spoke(paragraphs: list[str]) -> str | None:
    """The one a report quotes again and again by name alone, never giving his posts (郗某某指出，… 郗某某要求，…):
    in the parse, a name alone said to speak at least twice, the only such name, and never named with a title
    (习近平总书记, 某某同志 elsewhere say whose words are quoted). A guess, for a person to check.

    >>> bare_name_that_spoke(["会议首先组织观摩。", "在随后召开的座谈会上，郗某骏指出，各乡镇都比较重视。", "就如何开展好这项工作，郗某骏要求，要提高认识。"])
    '郗某骏'
    >>> bare_name_that_spoke(["会议指出，成绩显著。会议要求，抓好落实。"]) is None
    True
    >>> bare_name_that_spoke(["王某平指出，要抓落实。"]) is None
    True
    """
    found, text = _who_spoke(paragraphs)
    said = Counter(d.actor.name for d in found if not d.actor.role and d.act in ("said", "spoke"))
    names = [name for name, n in said.items() if n >= BARE_NAME_SAID]
    if len(names) != 1 or re.search(re.escape(names[0]) + rf"(?:{POST}|总书记|同志)", text):
        return None
    if _SPEECH_VOICE_ANYWHERE.search(text[: text.find(names[0])]):
        return None  # 我们要…。某某指出: a speech quoting someone, not a report of him speaking
    return names[0]


def speaker_of_undated_report(paragraphs: list[str]) -> tuple[str | None, str | None]:
    """Role and name of the one who spoke, from a report that names no day (大会由总经理某某主持。…): only one
    said to speak in a phrase of speaking (作了重要讲话, 出席并作报告, 作总结讲话), and only while the text reads in
    the third person up to there — a speech's 刚才, 同志们, 我 (我完全同意) say that someone else spoke before
    the one whose words these are.

    >>> speaker_of_undated_report(["庆祝大会由总经理丁某主持。", "集团公司党委书记、董事长冯某同志首先作了重要讲话。他在讲话中回顾了我们党的历程。"])
    ('集团公司党委书记、董事长', '冯某')
    >>> speaker_of_undated_report(["中共中央政治局委员、中组部部长孟宪和出席并作报告。他指出，要学习全会精神。"])
    ('中共中央政治局委员、中组部部长', '孟宪和')
    >>> speaker_of_undated_report(["刚才，县委常委、组织部部长李某同志作了工作报告，我完全同意。"])
    (None, None)
    >>> speaker_of_undated_report(["县委常委、组织部部长李某同志作了很好的报告，我都同意。"])
    (None, None)
    >>> speaker_of_undated_report(["会议由县委常委、组织部部长李某主持。李某强调，要抓好落实。"])
    (None, None)
    """
    found, text = _who_spoke(paragraphs)
    spoke = [d for d in found if d.act == "spoke" and d.actor.role]
    if not spoke and not _SPEAKING.search(text):  # no one said to speak, in words the parse read or not (…组织员某某出席会议并讲话)
        spoke = _the_one_quoted_again_and_again(found)
    if not spoke:
        return None, None
    first = min(spoke, key=lambda d: (d.actor.start, d.later))
    said = text.find(first.actor.name, first.actor.start)
    sentence_end = _LEAD_END.search(text, said)
    if _SPEECH_VOICE_ANYWHERE.search(text[: sentence_end.end() if sentence_end else None]):
        return None, None
    return first.actor.post, first.actor.name


_SPEAKING = re.compile(rf"(?:{SPOKE})(?!精神)")
"""A phrase of speaking anywhere in a report (出席会议并讲话, 作报告), not the spirit of a speech it studied (讲话精神)."""


def _the_one_quoted_again_and_again(found: list[Deed]) -> list[Deed]:
    """When no one is said to speak (讲话, 作报告), the one with posts whose words the report gives again and again —
    the chair who sums up: 会议由机关党委书记某某主持。…某某结合…进行了总结，…他要求，…他强调，… — his mentions that say
    so; none when two people are so quoted, or no one at least BARE_NAME_SAID times.

    >>> text = ["会议由机关党委书记柯某主持。", "随后，副书记王某对工作进行了布置。", "柯某结合工作进行了总结。他要求，要认真学习。他强调，要抓落实。"]
    >>> [(d.actor.post, d.actor.name) for d in _the_one_quoted_again_and_again(_who_spoke(text)[0])][:1]
    [('机关党委书记', '柯某')]
    >>> _the_one_quoted_again_and_again(_who_spoke(["会议由书记柯某主持。柯某强调，要学习。"])[0])
    []
    """
    said = [d for d in found if d.act == "said" and d.actor.role]
    counts = Counter(d.actor.name for d in said)
    names = [name for name, n in counts.items() if n >= BARE_NAME_SAID]
    return [d for d in said if d.actor.name == names[0]] if len(names) == 1 else []


# ---- the speaker as a choice among everyone the report names ------------------------------------------------

ACT_WEIGHT = {"spoke": 3, "chaired and spoke": 3, "said": 2, "welcomed": 1, "convened": 1, "chaired": 1, "conveyed": 1}
"""What each mention's act (`clause.ACTS`) says for the one named being the speaker, summed over the mentions: a
speech given (讲话, 作报告) most, his words given (强调, 指出, 要求) next — every time the report gives them again —
then convening, chairing or conveying something to the meeting. Writing (批示) and being relayed never count."""
AT_THE_MEETING = ("spoke", "chaired and spoke", "welcomed", "convened", "chaired", "conveyed")
"""Acts that put the one named at the meeting reported: the best candidate must have one, or the headline must say he
spoke (`headline_says_he_spoke`) — words given again and again (强调, 指出) with neither are a study's or a commentary's
quotation."""
POST_WEIGHT = 1
"""Named with his posts (县委书记某某): one the report presents as a leader at the meeting, not a name in a list."""
HEADLINE_WEIGHT = 2
"""Named in the headline (某某在…会上强调): the one the page is about."""
SPEAKER_MIN_SCORE = 3
"""Less than this (one mention of chairing with posts, one 指出 of a name alone) says nobody spoke whose words these are."""
SPEAKER_MARGIN = 2
"""A runner-up within this of the best is named on 待核对 beside the reading kept."""


def speaker_by_evidence(paragraphs: list[str], headline: str | None = None) -> tuple[str | None, str | None, str | None]:
    """The speaker as a choice among everyone a report's first paragraphs name who did something that may make him
    the speaker: each scored on the evidence (the acts of his mentions, ACT_WEIGHT; named with posts, POST_WEIGHT; named
    in the headline, HEADLINE_WEIGHT), the best kept when it reaches SPEAKER_MIN_SCORE — role, name, and the runner-up's
    name when it is within SPEAKER_MARGIN. Asked where no reader of a single phrasing found him (a report whose speaker
    only conveyed something and was quoted once): the build proposes him on 待核对, a person decides.

    >>> speaker_by_evidence(["会上，县委书记胡某传达学习了全会精神。", "胡某向老干部表示感谢。他强调，要发挥余热。"])
    ('县委书记', '胡某', None)
    >>> speaker_by_evidence(["会议由县委副书记王某主持。"])
    (None, None, None)
    >>> speaker_by_evidence(["会议由区委书记甲某某主持。区委副书记乙某某传达了会议精神。"])
    (None, None, None)
    >>> speaker_by_evidence(["区委书记甲某某主持会议并讲话。区长乙某某强调，要抓落实。"])
    ('区委书记', '甲某某', '乙某某')
    >>> speaker_by_evidence(["刚才，县委书记李某作了报告，我完全同意。"])
    (None, None, None)
    >>> speaker_by_evidence(["中共中央总书记习某某强调，要抓好人才工作。习某某指出，要重视青年。"])
    (None, None, None)
    >>> speaker_by_evidence(["会上，各支部委员逐一检视剖析。", "郗某骏指出，法院是政治机关。"], "郗某骏参加支部组织生活会时强调")
    (None, '郗某骏', None)
    """
    found, text = _who_spoke(paragraphs)
    ranked = speaker_candidates(found, headline)
    if not ranked or ranked[0][1] < SPEAKER_MIN_SCORE:
        return None, None, None
    best = ranked[0][0]
    there = any(d.actor.name == best.name and d.act in AT_THE_MEETING for d in found)
    if not (there or headline_says_he_spoke(headline, best.name)):
        return None, None, None  # 习近平强调… again and again, never said to be there: a study quoting him, no report
    if _SPEECH_VOICE_ANYWHERE.search(text[: text.find(best.name)]):
        return None, None, None  # 刚才，…作了报告，我完全同意: a speech that names the one before
    close = next((actor.name for actor, n in ranked[1:] if ranked[0][1] - n < SPEAKER_MARGIN), None)
    return best.post or None, best.name, close


_HEADLINE_SPEECH = re.compile(rf"(?:{SPOKE})|强调|指出|要求")


def headline_says_he_spoke(headline: str | None, name: str) -> bool:
    """Whether a headline says the one named spoke (某某在…会上强调, 某某出席…会议并讲话): its own act at the meeting.

    >>> headline_says_he_spoke("某某以普通党员身份参加支部组织生活会时强调", "某某"), headline_says_he_spoke("某某同志先进事迹", "某某")
    (True, False)
    """
    at = headline.find(name) if headline else -1
    return at >= 0 and _HEADLINE_SPEECH.search(headline, at + len(name)) is not None


def speaker_candidates(found: list[Deed], headline: str | None = None) -> list[tuple[Actor, int]]:
    """Everyone who did something that may make him the speaker (`found`, the deeds `_who_spoke` read), as first named,
    with his score (`speaker_by_evidence`), best first (the first named of equals)."""
    score: Counter[str] = Counter()
    first: dict[str, Actor] = {}
    for deed in found:
        first.setdefault(deed.actor.name, deed.actor)
        score[deed.actor.name] += ACT_WEIGHT[deed.act]
    for name, actor in first.items():
        score[name] += POST_WEIGHT * bool(actor.role) + HEADLINE_WEIGHT * bool(headline and name in headline)
    return [(first[name], n) for name, n in score.most_common()]


_SPEECH_VOICE_ANYWHERE = re.compile(r"刚才|同志们|大家|(?<!自)我(?![们国市县区镇乡省党校院局所司厅委部办行站队])|我们(?!党)")
"""A speaker's own words anywhere before the one said to speak (刚才，…作了工作报告，我完全同意): a speech, not a report.
A unit's word for itself (我校, 我院, 我局: a school's or a court's own news) and 自我 (批评和自我批评) are no one's voice."""


def _who_spoke(paragraphs: list[str]) -> tuple[list[Deed], str]:
    """What the parse says everyone a report's first paragraphs name did that may make him the speaker (an act
    of ACT_RANK), with the text read."""
    text = "\n".join(report_paragraphs(paragraphs))
    return [d for d in read_deeds(text) if d.act in ACT_RANK], text


def only_chaired(paragraphs: list[str], name: str) -> bool:
    """Whether all a report says the one `speaker_of_report` gives did at the meeting is chair it (会议由社区党委书记某某主持。
    会议传达学习了…): no one is said to speak, and the chair is no speaker the page names — he is proposed on 待核对,
    never filled in. One who chaired and spoke (主持会议并讲话), said something (某某强调), or convened a meeting that
    speaks as a whole (主持召开…。会议强调) is read as before.

    >>> only_chaired(["9月1日，某社区党委召开党员大会。会议由社区党委书记甲某主持。会议传达学习了文件精神。"], "甲某")
    True
    >>> only_chaired(["9月1日，某社区党委召开党员大会。会议由社区党委书记甲某主持。甲某强调，要抓落实。"], "甲某")
    False
    >>> only_chaired(["9月1日，某社区召开党员大会。社区党委书记甲某主持会议并讲话。"], "甲某")
    False
    >>> only_chaired(["1月5日，某学院召开党委常委会议。学院党委书记苗某某主持会议，并传达了会议精神。"], "苗某某")
    False
    """
    found, text = _who_spoke(paragraphs)
    chaired = [d for d in found if d.actor.name == name]
    if {d.act for d in chaired} != {"chaired"}:
        return False
    # 主持会议，并传达了会议精神: he addressed the meeting too — the guess is filled in, as before (a person checks)
    return not any(_ADDRESSED_TOO.match(text, d.actor.end) for d in chaired)


_ADDRESSED_TOO = re.compile(r"[^。；！？\n]{0,20}?并[^。；！？\n]{0,4}?(?:传达|宣读|通报|领学|解读|总结|部署)")
"""What a chair did besides, in the same sentence (主持会议，并传达了会议精神): words he said to the meeting."""


def speaker_further_on(paragraphs: list[str], guessed: str) -> tuple[str, str] | None:
    """Role and name of the one a report gives the meeting's remarks to further on, when its first paragraphs only say
    who read out or conveyed a document, or chaired (…副书记甲某宣读了《关于…的决定》): the one named with his posts who
    spoke or said something (…董事长乙某强调，…一是…二是…) in any paragraph of the report, the only such one. The
    reader of a document is a guess; one who speaks to the meeting outranks him wherever the report gives his words.

    >>> speaker_further_on(["6月24日，某公司召开表彰大会。", "副书记甲某宣读了表彰决定。", "表彰现场", "随后进行了颁奖。",
    ...     "入党宣誓", "新党员进行宣誓。", "新党员代表发言。", "党委书记、董事长乙某强调，要学好党史。一是要牢记使命。"], "甲某")
    ('党委书记、董事长', '乙某')
    >>> speaker_further_on(["6月24日，某公司召开表彰大会。", "副书记甲某宣读了表彰决定。", "丙某指出，成绩显著。"], "甲某") is None
    True
    >>> speaker_further_on(["集团董事长李某某强调，要抓安全。", "集团总经理王某某指出，要抓质量。"], "甲某") is None
    True
    """
    text = "\n".join(text for text in paragraphs if re.search(r"[，,。；！？]", text))
    found = [d for d in read_deeds(text) if d.act in ("spoke", "said", "chaired and spoke") and d.actor.post and d.actor.name != guessed]
    names = list(dict.fromkeys(d.actor.name for d in found))
    if len(names) != 1:
        return None
    return found[0].actor.post, found[0].actor.name


def speaker_is_a_guess(paragraphs: list[str], role: str | None, name: str) -> str | None:
    """Why the speaker a report gave is only a guess, in the curator's words, or None when the report said it:
    one who only convened a meeting that speaks as a whole (…主持召开…。会议强调), one who only chaired it, or one
    named only by the title he is called by (李某书记在会上强调: 书记 of what, the report does not say).

    >>> speaker_is_a_guess(["11月3日，市委常委、组织部部长赵某明主持召开推进会。会议强调，要抓好落实。"], "市委常委、组织部部长", "赵某明")
    '主持召开会议，讲话内容以“会议强调”转述'
    >>> speaker_is_a_guess(["7月14日，全区干部大会召开。李建华书记在会上强调，要真抓实干。"], "书记", "李建华")
    '报道只称其“书记”，没有写全职务'
    >>> speaker_is_a_guess(["3月1日，会议召开。市委常委、组织部部长季某出席会议并讲话。"], "市委常委、组织部部长", "季某") is None
    True
    >>> speaker_is_a_guess(["1月5日，某校召开常委会议。校党委书记姜某主持会议，并传达了全国会议精神。"], "校党委书记", "姜某")
    '报道只写了他主持会议，没有写谁讲话'
    >>> speaker_is_a_guess(["6月24日，某某座谈会召开。市委组织部副部长甲某，区委书记、联席会议召集人乙某出席会议并讲话。丙某主持会议。"], "市委组织部副部长", "甲某")
    '报道写了不止一位领导讲话（还有乙某），现取先写的一位'
    """
    found, _ = _who_spoke(paragraphs)
    best = min((d for d in found if d.actor.name == name), key=lambda d: ACT_RANK[d.act], default=None)
    if best and best.act == "chaired":
        return "报道只写了他主持会议，没有写谁讲话"
    if best and best.act == "conveyed":
        return "报道只写了他传达了会议精神或文件，没有写谁讲话"
    if best and best.act == "convened":
        return "主持召开会议，讲话内容以“会议强调”转述"
    if role and re.fullmatch(POST, role):
        return f"报道只称其“{role}”，没有写全职务"
    also = list(dict.fromkeys(d.actor.name for d in found if d.act == "spoke" and d.actor.role and d.actor.name != name))
    if best and best.act == "spoke" and also:
        return f"报道写了不止一位领导讲话（还有{'、'.join(also)}），现取先写的一位"
    return None


_ELSEWHERE = r"(?:曾经?|多次|一再|反复|屡次|早在|也曾|还曾|此前)|在(?:19|20)\d{2}年(?!度)"
"""Words that place what one said at other times than the meeting reported: 曾说, 多次强调, 在2013年…上指出."""
QUOTED_ELSEWHERE = 2
"""How often the one a lead names must be quoted from other times for the page to be a study of his words."""


def quoted_from_other_times(paragraphs: list[str], name: str) -> bool:
    """Whether a page quotes the one its lead says spoke from other times as well, in his own words between quotation
    marks (习近平曾说：“…” 他在2013年…上指出：“…” 习近平多次强调“…”): a study or explainer of his words, with the meeting as background — no report of it, so neither
    his nor the lead's day is the page's.

    >>> quoted_from_other_times(["7月3日，会议召开。某某出席会议并讲话。", "某某曾说：“要培养干部。”他在2013年会议上指出：“要锻炼。”"], "某某")
    True
    >>> quoted_from_other_times(["7月3日，会议召开。某某出席会议并讲话。", "某某强调，要培养干部。他指出，要锻炼。"], "某某")
    False
    >>> quoted_from_other_times(["某某在2024年全县组织工作会议上强调，要压实责任。", "某某在2024年全县组织工作会议上还指出，要抓落实。"], "某某")
    False
    """
    text = "\n".join(paragraphs)
    said_by = rf"(?:{re.escape(name)}|(?<=[，。；！？”\n])[他她])(?:同志)?"
    # his words themselves, in quotation marks (指出：“…”, 强调“基层经历”): a report of the meeting gives them in its own words
    quoted = rf"[^。；！？“\n]{{0,40}}?[：:]?“"
    return len(re.findall(said_by + rf"(?:还|也)?(?:{_ELSEWHERE}){quoted}", text)) >= QUOTED_ELSEWHERE


ACT_RANK = {"spoke": 0, "chaired and spoke": 1, "said": 1, "welcomed": 2, "convened": 2, "chaired": 3, "conveyed": 3}
"""How surely each act (`clause.ACTS`) makes the one named the meeting's speaker: spoke (出席会议并讲话) before said
(强调, 表示) or chaired and spoke (the chair's closing words), then one who convened a meeting that speaks as a whole,
then — a guess, sent to 待核对 — one who only chaired it or conveyed something to it (传达…精神) when the report says no
one else spoke."""
REPORT_PARAGRAPHS = 6
"""How far into a report its speaker is looked for: 最后，镇党委书记某某作总结讲话 closes the report."""


def report_paragraphs(paragraphs: list[str]) -> list[str]:
    """A report's first REPORT_PARAGRAPHS paragraphs of prose: a line with no comma or stop in it is a picture's
    caption (先进基层党组织代表领奖) or a sub-head between them, and does not use up the reach.

    >>> report_paragraphs(["6月1日，某镇召开大会。", "奏唱国歌", "先进个人代表领奖", "会上，镇党委书记某某作了讲话。"])
    ['6月1日，某镇召开大会。', '会上，镇党委书记某某作了讲话。']
    """
    return [text for text in paragraphs if re.search(r"[，,。；！？]", text)][:REPORT_PARAGRAPHS]


REVIEW_HELD_BY = 6
"""A 年度 review (2018年度…述职评议会) whose day falls in this month or earlier is held in the year after."""


def date_in_lead(lead: str, posted: str | None, year: int | None, around: str = "") -> str | None:
    """The meeting's day from the lead (lead_day, without where its year came from).

    >>> date_in_lead("7月1日作为党的诞辰纪念日，是毛泽东同志于1938年5月提出来的。", None, 2020)
    '2020-07-01'
    >>> date_in_lead("2月7日下午，某局召开了2022年工作总结暨2023年工作部署会。", None, None)
    '2023-02-07'
    """
    found = lead_day(lead, posted, year, around)
    return found[0] if found else None


def lead_day(lead: str, posted: str | None, year: int | None, around: str = "") -> tuple[str, str] | None:
    """The meeting's day from the lead, with the year the lead gives, else the posting date's (the
    year before when the day falls after it), else a year the text gives (2022年是…). `around` is the rest of
    what the report says near its lead (its headline, its next paragraphs): a year it reviews there is no
    meeting's year either (`years_reviewed`, `year_planned`).

    >>> date_in_lead("2月28日下午，全市组织部长会议召开。", "2023-03-01", None)
    '2023-02-28'
    >>> date_in_lead("12月30日，全市组织部长会议召开。", "2024-01-02", None)
    '2023-12-30'
    >>> date_in_lead("12月25日下午，学校机关党总支2017年度党支部书记述职评议会召开。", None, None)
    '2017-12-25'
    >>> date_in_lead("3月7日，会议召开，总结2024年工作，安排2025年任务。", None, None)
    '2025-03-07'
    >>> date_in_lead("9月7日，会议召开，总结2024年工作，安排2025年任务。", None, None) is None
    True
    >>> date_in_lead("2月22日，某区召开全区党建工作会议，全面总结2021年全区组织工作。", "2022-02-23", None)
    '2022-02-22'
    >>> date_in_lead("1月3日，某县2018年度党委书记抓基层党建述职评议会议召开。", None, None)
    '2019-01-03'
    >>> date_in_lead("3月9日，全县人才工作领导小组会议召开，通报了2012年人才工作。", None, None)
    '2013-03-09'
    >>> date_in_lead("1月14日上午，大队党委召开2021年度述职评议会。", None, 2021)
    '2022-01-14'
    >>> date_in_lead("2月17日，某县委组织部开展2025年度第二次夜学。", None, None)
    '2025-02-17'
    >>> date_in_lead("2月28日下午，某区举办了2009年度社区专职工作者培训班。", None, None)
    '2009-02-28'
    >>> date_in_lead("新华社北京12月13日电 全国组织部长会议于12月12日至13日在北京举行。", "2006-12-14", None)
    '2006-12-12'
    >>> date_in_lead("新华社北京5月15日电 某某在14日召开的干部学院教学工作会议上指出，", "2007-05-15", None)
    '2007-05-14'

    A headline's year reviewed (某镇召开2022年工作总结表彰会 over 1月16日，某镇召开工作总结表彰会。) is no more the
    meeting's than the lead's own; nor is a year the report reviews a sentence later, when it plans the next
    (会上，…总结回顾了2022年工作，对2023年各项工作进行了安排部署): early in a year, the planned one is the meeting's.

    >>> date_in_lead("1月16日，某镇召开工作总结表彰会。", None, 2022, "某镇召开2022年工作总结表彰会")
    '2023-01-16'
    >>> date_in_lead("1月20日，某镇召开机关干部总结大会。", None, None, "会上，镇党委书记某某总结回顾了2022年工作成果，对2023年各项工作进行了安排部署。")
    '2023-01-20'
    >>> date_in_lead("12月28日，某镇召开机关干部总结大会。", None, None, "会议总结了2022年工作，安排部署2023年工作。")
    '2022-12-28'
    >>> date_in_lead("8月28日，某镇召开机关干部大会。", None, None, "会议总结了2022年工作，安排部署2023年工作。") is None
    True
    >>> date_in_lead("3月9日，全县组织工作会议召开。", None, 2023, "2023年全县组织工作会议召开")
    '2023-03-09'
    """
    time = read_time(lead)  # the parse's day: the lead's first, never a wire's dateline
    if time is None or time.month is None:
        return None
    month, date = time.month, time.day
    if not (1 <= month <= 12 and 1 <= date <= 31):
        return None
    # 于1938年5月提出, 1922年7月16日—7月23日: a year with a month of its own dates that other day, not the lead's
    stated = {int(y) for y, m in re.findall(r"((?:19|20)\d{2})年(?:(\d{1,2})月)?", lead) if not m or int(m) == month}
    # 2018年度…述职评议, 总结2024年工作, 通报了2012年人才工作: a year reviewed, not the meeting's
    # — but 2025年度第二次夜学 counts the meetings of that year: an ordinal after 年度 names the year it is held in
    # — and a year's plan (2009年度社区工作者培训班, held in its February) is no review: 年度 says a year reviewed only
    # where the lead names a review (述职, 评议, 考核, 表彰, 生活会 …)
    # (2022年工作总结暨2023年工作部署会: the year before 工作总结 is reviewed as well)
    reviewed = {int(a or b or c) for a, b, c in re.findall(
        r"((?:19|20)\d{2})年度(?![第首])|(?:总结|通报|回顾)了?((?:19|20)\d{2})年|((?:19|20)\d{2})年(?:度)?(?:[\u4e00-\u9fff]{0,4}工作)?总结", lead)
                if b or c or _A_REVIEW.search(lead)} | years_reviewed(lead) | years_reviewed(around)
    source = "lead"
    if time.year:
        found = time.year
    elif posted:
        posted_year, posted_month, posted_day = (int(x) for x in posted.split("-"))
        found = posted_year - 1 if (month, date) > (posted_month, posted_day) else posted_year
        source = "posting"
    elif len(stated) == 1:
        found = stated.pop()
    elif len(stated) == 2 and max(stated) - 1 in reviewed and month <= REVIEW_HELD_BY:
        found = max(stated)  # 2月20日，…会议召开，总结1994年工作，部署1995年任务: early in the year planned
    elif stated and year in stated:
        found = year  # 2024年…2025年 in the lead, and the title (or the text) names one of them
    elif stated:
        return None  # 2024年…2025年 otherwise: which year is the meeting's is not said
    elif year:
        found, source = year, "said"
    elif (planned := year_planned(around)) and (month <= REVIEW_HELD_BY or month >= PLANNED_LATE_FROM):
        found = planned if month <= REVIEW_HELD_BY else planned - 1
        reviewed = set()  # the planned year is the meeting's already: nothing to add
    else:
        return None
    if not time.year and not posted and found in reviewed and month <= REVIEW_HELD_BY:
        found += 1  # 1月3日，某县2018年度…述职评议会议召开: a year's review is held early the next year
    return f"{found:04d}-{month:02d}-{date:02d}", source


_A_REVIEW = re.compile(r"述职|评议|考核|考评|测评|表彰|总结|生活会|述责|述廉")
"""A meeting that looks back on a year (述职评议, 考核, 表彰, 民主生活会): its 2018年度 is the year reviewed."""
_NAMED_FOR_ITS_REVIEW = re.compile(r"((?:19|20)\d{2})年度?(?![第首])[^，。；、：\d]{0,8}?(?:工作)?(?:总结|述职|考核|考评|测评|表彰|评议)")
"""A meeting named for the year it looks back on: 2022年工作总结表彰会, 2023年度村级综合考评表彰大会."""
PLANNED_LATE_FROM = 11
"""A meeting that reviews one year and plans the next, held in November or later, is in the year it reviews."""
REVIEW_REACH = 3
"""How many of a report's first paragraphs are read for the years its meeting reviews and plans."""


def years_reviewed(text: str) -> set[int]:
    """The years `text` says a meeting looks back on: 2018年度 beside a review's word (述职评议, 表彰 …), a year
    the meeting is named for reviewing (2022年工作总结表彰会), or one it sums up (总结2024年工作, 回顾了2022年).
    A year of a plan (2025年全县组织工作会议, 2025年度第二次夜学) is none.

    >>> sorted(years_reviewed("某镇召开2022年工作总结表彰会")), sorted(years_reviewed("会上回顾了2021年工作，部署2022年任务"))
    ([2022], [2021])
    >>> years_reviewed("2025年全县组织工作会议召开"), years_reviewed("某县委组织部开展2025年度第二次夜学")
    (set(), set())
    """
    found = {int(m.group(1)) for m in _NAMED_FOR_ITS_REVIEW.finditer(text)}
    found |= {int(a or b) for a, b in re.findall(r"((?:19|20)\d{2})年度(?![第首])|(?:总结|通报|回顾)了?((?:19|20)\d{2})年", text)
              if b or _A_REVIEW.search(text)}
    return found


_SUMMED_UP = re.compile(r"(?:总结|回顾|通报)[^，。；]{0,6}?((?:19|20)\d{2})年|对((?:19|20)\d{2})年[^，。；]{0,16}?(?:回顾|总结)")
_PLANNED = re.compile(r"(?:部署|安排|谋划|研究)[^，。；]{0,8}?((?:19|20)\d{2})年|对((?:19|20)\d{2})年[^，。；]{0,16}?(?:部署|安排)")


def year_planned(text: str) -> int | None:
    """The year a report's meeting plans when the same words say it sums up the year before (回顾了2022年…，
    对2023年…作出部署): a meeting at the turn of the two years; which of them it was held in, its month says.

    >>> year_planned("报告对2022年乡政府工作作了回顾，并对2023年工作作出具体部署和安排。")
    2023
    >>> year_planned("会议部署了2023年工作。") is None
    True
    """
    summed = {int(a or b) for a, b in _SUMMED_UP.findall(text)}
    planned = {int(a or b) for a, b in _PLANNED.findall(text)}
    both = sorted(y for y in planned if y - 1 in summed)
    return both[0] if len(both) == 1 else None


_THIS_YEAR_IS = re.compile(r"(?:^|[。，,])((?:19|20)\d{2})年是([^。！？]*)")
YEAR_ENDS = 11
"""From November a report's `2007年是…` is most often said of the coming year (a December meeting plans the next)."""
SAID_WORDS = 24
"""How much of the sentence 待核对 quotes after `2007年是`."""
_TASKS_AHEAD = re.compile(r"要|将|必须|务必|奋力|确保")
"""Words that set tasks: a year said with them is one still to be worked."""


def year_said(paragraphs: list[str], month: int | None = None) -> int | None:
    """The year a report says it is in (会议强调，2022年是党的二十大召开之年). A meeting in November or December that
    says `2007年是…的重要一年` and sets its tasks (同志们要…) speaks of the coming year: its own is the one before.

    >>> year_said(["会议指出，成绩显著。", "会议强调，2022年是党的二十大召开之年。"])
    2022
    >>> year_said(["会议于12月12日举行。某某强调，2007年是深入贯彻的重要一年。全国组织战线的同志要围绕中心。"], 12)
    2006
    >>> year_said(["某某指出，2020年是极不平凡的一年。一年来成绩显著。"], 12)
    2020
    """
    return (year_said_evidence(paragraphs, month) or (None,))[0]


def year_said_evidence(paragraphs: list[str], month: int | None = None) -> tuple[int, str, str] | None:
    """year_said with how (`year said` or `coming year said`) and the words."""
    for text in paragraphs:
        m = _THIS_YEAR_IS.search(text)
        if m:
            said = int(m.group(1))
            words = f"{said}年是" + (m.group(2) if len(m.group(2)) <= SAID_WORDS else m.group(2)[:SAID_WORDS] + "…")
            ahead = text[m.end() : m.end() + 30]
            if month and month >= YEAR_ENDS and (_TASKS_AHEAD.search(m.group(2)) or _TASKS_AHEAD.search(ahead[:ahead.find("。") + 1 or None])):
                return said - 1, "coming year said", words
            return said, "year said", words
    return None


_PARTY_BIRTHDAY_TODAY = re.compile(r"今天是(?:我们)?(?:伟大的)?(?:中国共产党|党)(?:的)?(?:\d{1,3}岁)?(?:生日|诞辰)|今天是“?七一”?(?![\d日])")


def party_birthday_today(paragraphs: list[str]) -> str | None:
    """The words by which a speech says it is given on 七一 (今天是党的生日, 今天是“七一”), or None.

    >>> party_birthday_today(["同志们：", "今天是党的生日，我们党从建党至今，走过了91年的光辉历程。"])
    '今天是党的生日'
    >>> party_birthday_today(["明天就是党的生日。"]) is None
    True
    """
    for text in paragraphs:
        m = _PARTY_BIRTHDAY_TODAY.search(text)
        if m:
            return m.group(0)
    return None


_WORK_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年度?(?![\d月])([\u4e00-\u9fff]{0,8}?)(工作|任务|要求|目标|计划|要点|思路|重点)")
_DATED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(?!度)\s*\d{1,2}\s*月")
_ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_LOOKED_BACK = re.compile(r"(?:总结|回顾|通报|盘点)[了]?\s*(?:19|20)\d{2}\s*年|(?:19|20)\d{2}\s*年度?[\u4e00-\u9fff]{0,8}?(?:总结|成绩|成效|成果|回顾)")
WORK_YEAR_PLANNED_BY = 9
"""A year's work set in the body of a report held by September is that year's; later it may be the next year's."""
_PLANS = re.compile(r"安排|部署|计划|谋划|打算|思路|目标|任务")


def work_year(paragraphs: list[str], month: int) -> tuple[int, str] | None:
    """The year of the work a report's body sets (围绕会议提出的2021年组织工作总的要求), when the lead names only a
    month and day: the body names one year only (a dated day, 1938年5月, is another day's), and never as the year looked
    back on (总结2022年工作, 2022年取得的成绩: a January review is the year after, left to the rest of the text). Held by
    September it is the meeting's own year; from November a year's plan (部署2024年任务) is the next one's.

    >>> work_year(["2月9日，学习会召开。", "要围绕会议提出的2021年组织工作总的要求，制定2021年度任务清单。"], 2)
    (2021, '2021年组织工作')
    >>> work_year(["12月20日，会议召开。", "会议部署了2024年工作任务。"], 12)
    (2023, '2024年工作')
    >>> work_year(["1月20日，会议召开。", "会议总结回顾了2022年工作，部署了2023年工作。"], 1) is None
    True
    >>> work_year(["2月9日，会议召开。", "要抓好2021年工作。2019年以来成效明显。"], 2) is None
    True
    """
    text = "".join(paragraphs)
    dated = {m.start(1) for m in _DATED_YEAR.finditer(text)}
    years = {int(m.group(1)) for m in _ANY_YEAR.finditer(text) if m.start(1) not in dated}
    if len(years) != 1 or _LOOKED_BACK.search(text):
        return None
    m = next((m for m in _WORK_YEAR.finditer(text) if m.start(1) not in dated), None)
    if m is None:
        return None
    year, words = int(m.group(1)), m.group(1) + "年" + (m.group(0)[len(m.group(1)) + 1 :])
    if month <= WORK_YEAR_PLANNED_BY:
        return year, words
    if month >= YEAR_ENDS and _PLANS.search(text):
        return year - 1, words
    return None


_REVIEWED_THEN_THIS_YEAR = re.compile(
    r"(?:总结|回顾)了?((?:19|20)\d{2})\s*年度?的?[\u4e00-\u9fff]{0,8}?工作[^。！？]{0,30}?(?:今年|本年度)的?[\u4e00-\u9fff]{0,8}?工作[^。！？]{0,8}?(?:部署|安排)"
)
_FIVE_YEAR_PLAN = re.compile(
    r"“?十([一二三四五])五”?(?:规划)?(?:实施)?(?:的|之|时期)?(?:将|即将|要)?(?:圆满|胜利|顺利|全面)?(收官|开局|最后一年|收尾|第一年|起步)")
_CLOSES = ("收官", "最后一年", "收尾")
"""The words of a five-year plan's closing year (收官之年, 实施的最后一年); the others are of its opening (开局, 第一年, 起步)."""
_CN_UNITS = "一二三四五"
_NEXT_OR_LAST_YEAR = re.compile(r"(明年|去年)[^。！？；，,]{0,6}$")
"""明年是“十五五”开局之年 said in December: the plan's year is the next one, the speech's the one before (去年: after)."""


def year_from_context(paragraphs: list[str], posted: str | None = None) -> tuple[int, str] | None:
    """A year a person works out from what the text says of the time, when it names none of its own, and the words:
    a meeting that reviewed one year's work and set this year's (会议全面总结了2011年的组织工作，对今年的工作进行了部署:
    the year after), or one held as one five-year plan closes or the next opens (“十三五”收官之年 → 2020, “十四五”开局之年 → 2021;
    both said, 在“十三五”收官、“十四五”开局关键时期, only with a posting date in one of the two years). Each is only a
    proposal, for 待核对.

    >>> year_from_context(["昨日上午，全市组织工作会议举行。", "会议全面总结了2011年的组织工作，对今年的工作进行了部署。"])
    (2012, '总结了2011年的组织工作，对今年的工作进行了部署')
    >>> year_from_context(["今年是“十四五”开局之年，做好工作意义重大。"]), year_from_context(["今年“十二五”规划将圆满收官。"])
    ((2021, '十四五开局'), (2015, '十二五收官'))
    >>> year_from_context(["这次会议是在“十三五”收官、“十四五”开局关键时期召开的一次重要会议。"], "2020-12-03")
    (2020, '十三五收官、十四五开局')
    >>> year_from_context(["这次会议是在“十三五”收官、“十四五”开局关键时期召开的一次重要会议。"]) is None
    True
    >>> year_from_context(["“十三五”时期，我们取得了显著成绩。"]) is None
    True
    """
    text = "".join(paragraphs)
    m = _REVIEWED_THEN_THIS_YEAR.search(text)
    if m and len({y for y in re.findall(r"(?<!\d)((?:19|20)\d{2})\s*年", text)}) == 1:
        return int(m.group(1)) + 1, m.group(0).removeprefix("会议")
    said = {}
    for m in _FIVE_YEAR_PLAN.finditer(text):
        plan = 10 + _CN_UNITS.index(m.group(1)) + 1  # 十三五: the 13th, 2016–2020
        year = 1955 + 5 * plan if m.group(2) in _CLOSES else 1951 + 5 * plan
        when = _NEXT_OR_LAST_YEAR.search(text[max(0, m.start() - 12) : m.start()])
        year += {"明年": -1, "去年": 1}[when.group(1)] if when else 0
        said.setdefault(year, (m, when.group(1) if when else ""))
    if len(said) == 1:
        (year, (m, when)), = said.items()
        return year, f"{when}十{m.group(1)}五{_PLAN_WORD[m.group(2)]}"
    if len(said) == 2 and posted and int(posted[:4]) in said and max(said) - min(said) == 1:
        (first, _), (last, _) = said[min(said)], said[max(said)]
        return int(posted[:4]), f"十{first.group(1)}五{_PLAN_WORD[first.group(2)]}、十{last.group(1)}五{_PLAN_WORD[last.group(2)]}"
    return congress_year(paragraphs, None)


_PLAN_WORD = {"收官": "收官", "最后一年": "收官", "收尾": "收官", "开局": "开局", "第一年": "开局", "起步": "开局"}

_CONGRESS = re.compile(
    r"(?:(迎接|喜迎|迎|筹备|即将召开的?|将要召开的?|就要召开的?|将召开)[^。；！？]{0,8}?党的(十[八九]|二十[一二三]?)大"
    r"|党的(十[八九]|二十[一二三]?)大(?:(?:即将|将要|就要|将于[^。；！？]{0,8}?)召开|召开之年))"
)
"""The national congress a text awaits (以优异成绩迎接党的二十大胜利召开, 党的二十大即将召开): it is held in the year its
number says (十八大 2012, every five years), so the words are said that year — or the year before, late in it (a
congress meets in October or November). Not one held (学习贯彻党的二十大精神, 党的二十大胜利召开)."""
CONGRESS_MONTH = {18: 11}
"""The month a congress opened when it was not October: a text from a later month awaits the next year's."""


def congress_year(paragraphs: list[str], month: int | None) -> tuple[int, str] | None:
    """The year a text that awaits the coming national congress is said in, and the words: the congress's year, or the
    year before when the text's month (a report's lead) is after the month congresses open; 明年…党的二十大 the year
    before. None when it names two congresses or none. Only a proposal, for 待核对.

    >>> congress_year(["甲某某强调，要以优异成绩迎接党的二十大胜利召开。"], 6)
    (2022, '迎接党的二十大')
    >>> congress_year(["党的二十大即将召开，我们要做好各项准备。"], 12), congress_year(["明年将召开党的二十一大。"], None)
    ((2021, '党的二十大即将召开'), (2026, '明年将召开党的二十一大'))
    >>> congress_year(["明年是党的二十大召开之年，我们要做好各项工作。"], None)
    (2021, '明年党的二十大召开之年')
    >>> congress_year(["要深入学习贯彻党的二十大精神。"], 3), congress_year(["党的二十大胜利召开。"], 11)
    (None, None)
    """
    text = "".join(paragraphs)
    found = {}
    for m in _CONGRESS.finditer(text):
        number = m.group(2) or m.group(3)
        n = cn_to_int(number) if number else None
        if not n:
            continue
        year = 2012 + 5 * (n - 18)
        when = _NEXT_OR_LAST_YEAR.search(text[max(0, m.start() - 12) : m.start()])
        next_year = when is not None and when.group(1) == "明年"
        if next_year or (month and month > CONGRESS_MONTH.get(n, 10)):
            year -= 1
        found.setdefault(n, (year, ("明年" if next_year else "") + m.group(0)))
    if len(found) != 1:
        return None
    (found_year, words), = found.values()
    return found_year, words


_COHORT = re.compile(r"((?:19|20)\d{2})\s*级\s*(?:本科|硕士|博士|研究生)?\s*(?:新生|新同学)")
"""Freshmen named by their cohort (2025级新生, 2024 级本科新生): the year they came in, in its autumn."""
COHORT_AUTUMN_FROM, COHORT_SPRING_TO = 8, 5
"""A cohort's freshmen arrive from August: from then to December it is the cohort's year, to May the next one;
June and July (admissions for the coming cohort, the last weeks of the old one's first year) say neither."""


def cohort_year(paragraphs: list[str], month: int | None) -> tuple[int, str] | None:
    """The year a report about freshmen named by their cohort is in, and the words: the cohort's year from August to
    December (迎新, 军训, 开学典礼), the next year to May. None when the text names two cohorts' freshmen, the month is
    June or July, or there is no month. Only a proposal, for 待核对.

    >>> cohort_year(["为服务好2025级新生，8月29日，学院组建志愿服务队。"], 8)
    (2025, '2025级新生')
    >>> cohort_year(["3月12日，学院为2023 级本科新生开展入党启蒙教育。"], 3)
    (2024, '2023级本科新生')
    >>> cohort_year(["7月2日，学院召开2026级新生录取工作会。"], 7), cohort_year(["2022级毕业生座谈会在9月5日召开。"], 9)
    (None, None)
    >>> cohort_year(["2024级新生与2025级新生结对，9月1日开展活动。"], 9) is None
    True
    """
    if not month:
        return None
    found = {m.group(1): re.sub(r"\s+", "", m.group(0)) for text in paragraphs for m in _COHORT.finditer(text)}
    if len(found) != 1:
        return None
    (year, words), = found.items()
    if month >= COHORT_AUTUMN_FROM:
        return int(year), words
    if month <= COHORT_SPRING_TO:
        return int(year) + 1, words
    return None


def cohort_day(paragraphs: list[str]) -> tuple[str, str] | None:
    """A text with no lead and no year that tells of freshmen by their cohort (为服务好2025级新生，8月29日至30日，…组建…):
    the first day its first two paragraphs name (month and day, no year of its own) in the cohort's year
    (`cohort_year`), and the words. Only a proposal, for 待核对.

    >>> cohort_day(["迎新启航。为服务好2025级新生，8月29日至30日，学院组建党员先锋队。", "8月29日上午，志愿者集结。"])
    ('2025-08-29', '2025级新生')
    >>> cohort_day(["学院为新生开展入学教育，9月3日举行开学典礼。"]) is None
    True
    """
    for text in paragraphs[:2]:
        for sentence in _SENTENCE.findall(text):
            time = read_time(sentence)
            if time is None or time.month is None or time.day is None:
                continue
            if time.year:
                return None
            found = cohort_year(paragraphs[:6], time.month)
            return (f"{found[0]:04d}-{time.month:02d}-{time.day:02d}", found[1]) if found else None
    return None


_THIS_YEARS_WORK_SET = re.compile(r"(?:部署|安排|谋划)[^，。；]{0,6}?今年|今年[^，。；]{0,8}?(?:工作|任务)[^，。；]{0,6}?(?:部署|安排)")
"""The report's meeting sets this year's work (对今年工作作出部署, 谋划今年的重点任务)."""
_A_YEAR_OPENS = re.compile(r"(?:^|[，。；：])((?:19|20)\d{2})年(?:以来|来)?[，,]([^。；！？]*)")
_DONE = re.compile(r"完成|取得|实现|展现|彰显|成效|进展|成绩|提升了|增强了")
_AHEAD = re.compile(r"要|将|必须|务必|确保|力争|继续|努力")


def year_after_the_one_reviewed(paragraphs: list[str], month: int | None) -> tuple[int, str] | None:
    """The year of a report held early in the year (its lead's month by REVIEW_HELD_BY) that sets this year's work
    (对今年工作作出部署) and reviews one year, the only one it names, as done (会议回顾，2023年，全县组织系统…取得明显成效): the
    year after it; and the words. A year of work still ahead (2024年，全县组织系统要…) is this year's own, no review;
    two years named say nothing. Only a proposal, for 待核对.

    >>> year_after_the_one_reviewed(["2月20日，全县组织工作会议召开，对今年工作作出部署。", "会议回顾，2023年，全县组织系统扎实工作，取得明显成效。"], 2)
    (2024, '2023年，全县组织系统扎实工作，取得明显成效')
    >>> year_after_the_one_reviewed(["2月20日，全县组织工作会议召开，对今年工作作出部署。", "会议强调，2024年，全县组织系统要抓好干部培训。"], 2) is None
    True
    >>> year_after_the_one_reviewed(["9月2日，全县组织工作会议召开，对今年工作作出部署。", "会议回顾，2023年，全县组织系统扎实工作，取得明显成效。"], 9) is None
    True
    """
    if not month or month > REVIEW_HELD_BY:
        return None
    text = "".join(paragraphs[:3])
    plan = _THIS_YEARS_WORK_SET.search(text)
    years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})\s*年", text)}
    if not plan or len(years) != 1:
        return None
    m = _A_YEAR_OPENS.search(text)
    if not m or not _DONE.search(m.group(2)) or _AHEAD.search(m.group(2)):
        return None
    return int(m.group(1)) + 1, f"{m.group(1)}年，{clipped(m.group(2), 24)}"


_POSTED = re.compile(r"((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_POSTING_LABEL = re.compile(r"(?:发布|发表|更新|上传|录入|编辑|刊发|出版)(?:时间|日期)|(?<![今当])(?:时间|日期)\s*[:：]|来源")
"""A line that says it gives the page's posting (发布时间：, 更新时间：, 日期：, a source line with its date)."""
_TODAY_BAR = re.compile(r"今天是|今日是|当前日期|当前时间|现在是|现在时间|欢迎您|打印(?:时间|日期)")
"""A site's bar with the reader's own day (今天是2025年12月03日 星期三), or the time the reader printed the page
(打印时间：2023-06-01 14:22): the day the page was saved or printed, no posting."""


_POSTED_DAY_FIRST = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?![\d.])")
"""A stamp written day first (11.03.2016  15:06): a site that puts the year last puts the day before the month."""


_POSTED_AS = re.compile(r"(?:发布|发表)于")
"""A post's own words for when it went up (2023-05-08 发布于山东, 发表于四川)."""


def labelled_posting_date(removed: list[str]) -> str | None:
    """The posting date of a line that says it is one (发布时间：…, 更新时间：…, 时间：… 浏览：…, 来源：… with its date,
    …发布于…), else None: a bare date among a library's widgets (2024-04-06 between VIP专享 and 18.44KB) may be when
    anything happened — only a labelled posting stands in for a text that dates itself nowhere.

    >>> labelled_posting_date(["VIP专享", "2024-04-06", "18.44KB"]) is None
    True
    >>> labelled_posting_date(["时间:2023-03-21浏览:285"]), labelled_posting_date(["某某组工 2023-03-08 18:30 发表于某某"])
    ('2023-03-21', '2023-03-08')
    """
    return posting_date([text for text in removed if _POSTING_LABEL.search(text) or _POSTED_AS.search(text) or a_dated_bar(text)])


_POSTED_WORD_AFTER = re.compile(r"^[-·•*\s]*(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*(?:发布|发表|上传)$")
"""A document library's fact line, the day and the word for posting after it and nothing else (- 2021-05-07 发布): a labelled
posting. A stamp beside a site's name or links (2024-09-12 10:21:05 素材之家, 2024-08-19 版权声明 我要投稿) is none: on a
collection's page it dates the page, not the piece (tests/eval: collection-piece-number-after-the-title)."""


def a_dated_bar(text: str) -> bool:
    """Is `text` a library's fact line that says when the file was posted (- 2021-05-07 发布, 2021年5月7日 上传)?

    >>> a_dated_bar("- 2021-05-07 发布"), a_dated_bar("2021年5月7日 14:20 上传")
    (True, True)
    >>> a_dated_bar("与时俱进 某某教授阐述党章的修改与完善 2002年07月23日 14:21")  # a news page's title bar and its stamp
    True
    >>> a_dated_bar("2024-08-19 版权声明 我要投稿"), a_dated_bar("2024-04-06"), a_dated_bar("2023年5月8日，县委召开会议并发布通知发布")
    (False, False, False)
    """
    return bool(_POSTED_WORD_AFTER.match(text.strip()) or HEADLINE_AND_STAMP.match(text))


def posting_date(removed: list[str]) -> str | None:
    """The page's posting date among the lines taken off as the page's: the first on a line that labels it
    (发布时间：2023-03-01 08:29:37), else the first full date on any line but a "today is" bar.

    >>> posting_date(["今天是2025年12月03日 星期三", "首页 > 基层情况", "来源：某某日报 发布时间：2013-07-05 11:38"])
    '2013-07-05'
    >>> posting_date(["今天是2025年12月03日 星期三", "某某日报 2020-01-17 08:07"])
    '2020-01-17'
    >>> posting_date(["今天是2025年12月03日 星期三"]) is None
    True
    >>> posting_date(["打印时间：2023-06-01 14:22"]) is None
    True
    >>> posting_date(["11.03.2016  15:06"]), posting_date(["2021/6/30星期三"])
    ('2016-03-11', '2021-06-30')
    """
    lines = [text for text in removed if not _TODAY_BAR.search(text)]
    for text in sorted(lines, key=lambda t: not _POSTING_LABEL.search(t)):
        m = _POSTED.search(text)
        if m:
            return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
        m = _POSTED_DAY_FIRST.search(text)
        if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(1)) <= 31:
            return f"{int(m.group(3)):04d}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    return None


_CAPTION_OPENS = re.compile(r"^[（(]?\s*(?:[△▲]|[上下左右]?图\s*(?:为|片|\d|[：:])|组图)")
_CAPTION_DAY = re.compile(r"(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_AN_EVENT = re.compile(r"会|现场|讲话|党课|召开|举行|举办|活动|发言|致辞|报告|授课|宣讲")


def caption_day(captions: list[str], year: int | None) -> tuple[str, str] | None:
    """(the date, the caption) a picture's caption gives the event it shows, when the text has no date of its own:
    a caption (图为…, △…, 上图：…) naming a day and an event (会议现场, 讲话, 党课), the year its own or the one the
    text gives. Two captions naming different days give none; a day without any year gives none.

    >>> caption_day(["图为2023年3月15日全县组织工作会议现场"], None)
    ('2023-03-15', '图为2023年3月15日全县组织工作会议现场')
    >>> caption_day(["△ 6月28日，党委书记在七一专题党课上授课。"], 2022)[0]
    '2022-06-28'
    >>> caption_day(["图为3月15日会议现场"], None) is None, caption_day(["图为5月3日会场", "图为5月4日分组讨论会"], 2021) is None
    (True, True)
    >>> caption_day(["图为新建成的党群服务中心，2023年3月15日摄"], None) is None  # no event: a place's picture
    True
    """
    found: dict[str, str] = {}
    for text in captions:
        text = text.strip()
        if not _CAPTION_OPENS.match(text) or not _AN_EVENT.search(text):
            continue
        m = _CAPTION_DAY.search(text)
        said = int(m.group(1)) if m and m.group(1) else year
        if not m or said is None:
            continue
        try:
            day = calendar_day(said, int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        found.setdefault(day.isoformat(), text)
    return next(iter(found.items())) if len(found) == 1 else None


POSTED_WITHIN_DAYS = 31
"""A report is posted within a month of its meeting; a date line further from the lead's day is no posting of it."""


def date_line_is_posting(meeting_day: str, date_line: str) -> bool:
    """Whether a report's date line is its posting date: the lead's day comes before it, by a month at most.

    >>> date_line_is_posting("2020-08-25", "2020-08-27"), date_line_is_posting("2019-08-28", "2020-08-27")
    (True, False)
    """
    days = (calendar_day.fromisoformat(date_line) - calendar_day.fromisoformat(meeting_day)).days
    return 0 < days <= POSTED_WITHIN_DAYS


def day_before_posting(lead: str, posted: str | None) -> tuple[str | None, int | None, str | None]:
    """What a lead that names its day only relative to the paper's (昨日，…召开) says with the posting date:
    the day (昨日 the day before it, 今日 its own), or for 近日, 日前 only the year; and the word it used.

    >>> day_before_posting("本报讯（记者 某某）昨日，某市举办人才座谈会。", "2020-01-17")
    ('2020-01-16', 2020, '昨日')
    >>> day_before_posting("近日，某某镇召开党建工作会议。", "2023-03-08")
    (None, 2023, '近日')
    >>> day_before_posting("近日，某某镇召开党建工作会议。", None)
    (None, None, '近日')
    """
    time = read_time(lead)
    if time is None or time.relative is None or posted is None:
        return None, None, time.relative if time else None
    day = calendar_day.fromisoformat(posted)
    if time.days_before_posting is None:
        return None, day.year, time.relative
    day -= timedelta(days=time.days_before_posting)
    return day.isoformat(), day.year, time.relative


_LEVEL_SAYS = {
    level: (
        re.compile(
            rf"[我该]{level}|代表{level}(?:委|政府)|(?<![\u4e00-\u9fff]{{2}}){level}(?:委|政府)[^，。；]{{0,8}}?(?:召开|举行|举办)"
            rf"|(?<=[\u4e00-\u9fff×XxＸ＊*]{{2}})(?<![全我该本]){level}(?:在[^，。；]{{0,16}}?)?(?:召开|举行|举办)"
            rf"|(?<=[\u4e00-\u9fff×XxＸ＊*]{{2}})(?<![全我该本各]){level}委(?:组织部|宣传部|办公室)(?:在[^，。；]{{0,16}}?)?(?:召开|举行|举办)"
        ),
        re.compile(rf"全{level}(?!委)|{level}委(?:要求|决定|提出|强调|部署|研究|常委会|书记)|(?:^|(?<=[，。；：\s和])){level}委(?![会员组宣统政教办纪党])|{level}委、{level}政府|{level}(?:党委|党工委)(?:副?书记|委员)"),
    )
    for level in ("省", "市", "县", "区", "镇", "乡", "街道")
}
"""我X, 该X (a report's word for the place it is about), 代表X委 (the speaker speaks for it) and the place or organ that holds the meeting
(某某区委组织部召开…, 省政府办公厅今天召开这次会议, 文楼镇在该镇政府会议室召开…, 湖滨街道召开…) count twice; 全X, X委要求, X委常委会,
X委书记, X党委书记, X党工委书记, X委 itself (not one of its departments: 市委组织部) opening a clause (县委一贯重视…, 上级党委和县委) … once."""
_RELAYED = re.compile(r"全(?=(?:省|市|县|区|镇|乡)[^，。；：]{0,24}?会议?精神)")
"""全市组织部长会议精神, 全省…会精神: a meeting whose spirit is passed on is the level above's, not the one speaking."""
_STUDIED_SPEECH = re.compile(rf"(?:省|市|县|区|镇|乡)委书记[{HAN}]{{2,3}}?(?:同志)?(?:在[^，。；]{{1,30}}?[上中])?的?(?:重要)?讲话")
"""省委书记某某的讲话精神, 省委书记某某在全会上讲话的要义: the speech of the level above that the meeting studies, not its own."""
_VENUE = re.compile(rf"在[{HAN}]{{0,12}}?(?:省|市|县|区|镇|乡|街道)(?=召开|举行|举办)")
LEVEL_IN_BODY_MIN = 2
"""How much the body must say its level to be believed: twice any other level's count, or as much as the
other when only it calls itself 我X or holds the meeting (a district's speech ranks itself 全市第一)."""


_HOLDS = re.compile(rf"(?:召开|举行|举办|开展(?=[^，。；]{{2,40}}?(?:{MEETING_KIND})[，。；]))")
"""召开, 举行, 举办 a meeting; 开展 only when what it holds is a meeting (…开展基层党组织书记述职报告会。), not an activity."""
_DAY_FIRST = re.compile(r"^(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?\d{1,2}[日号](?:[至到—-]\d{1,2}[日号]?)?(?:上午|下午|晚上|晚|早上|中午)?|^(?:近日|日前|昨天|昨日|今天|今日|当天|当日)")
_DATELINE_BEFORE = re.compile(r"^.{0,20}?讯\s*(?:[（(][^（）()]{0,20}[）)])?\s*|^.{0,20}?\d{1,2}日电\s*")
_A_CHAIN_TO_A_TOWN = re.compile(rf"(?:中共)?(?:[{HAN}]{{1,6}}?(?:省|自治区|市|州|盟|县|区|旗))+[{HAN}]{{1,5}}?(镇|乡|街道)(?:党委|党工委|人民政府|政府|人大)?")
"""A place named down to its town (菏泽市某某区大黄集镇, 兴文县周家镇): the town holds it, whatever the town's name ends in
(大黄集镇 is a town: the county or district before it says so, though 集镇 alone is a market town, no unit)."""


def meeting_holder(lead: str) -> str | None:
    """Who holds the meeting a report's lead tells of: the subject of its 召开/举行/举办, after the day and a
    newsroom's dateline, without the venue (在某某会议室) — None when the meeting itself is the subject
    (全市组织部长会议召开, …在滁召开) or no one is named.

    >>> meeting_holder("2024年2月24日上午，菏泽市某某区大黄集镇召开2023年度总结表彰暨2024年工作动员大会。")
    '菏泽市某某区大黄集镇'
    >>> meeting_holder("9月14日上午，组织部党支部召开会议，传达学习全省组织工作会议精神。")
    '组织部党支部'
    >>> meeting_holder("3月1日，全市组织部长会议在滁召开。") is None, meeting_holder("2月28日下午，全市组织部长会议召开。") is None
    (True, True)
    >>> meeting_holder("本报讯（记者 某某）3月5日，城关乡党委在乡政府会议室召开党委扩大会议。")
    '城关乡党委'
    >>> meeting_holder("12月6日下午，市财政局机关党委在全局范围内开展党支部书记抓党建述职评议会。")
    '市财政局机关党委'
    >>> meeting_holder("5月4日，某某街道开展“清洁家园”志愿服务活动。") is None
    True
    """
    m = _HOLDS.search(lead)
    if not m:
        return None
    clause = re.split(r"[，,。；;：:！？!?]", lead[: m.start()])[-1].strip()
    clause = _DATELINE_BEFORE.sub("", clause)
    clause = re.split(r"\s+", clause)[-1] if clause else clause
    clause = _DAY_FIRST.sub("", clause)
    clause = re.sub(r"(?:在|于)[^在于]{1,20}$", "", clause)  # 在乡政府会议室 | 召开: where, not who
    clause = re.sub(r"(?:主持|组织|联合|共同|隆重|正式|顺利|再次|又)+$", "", clause)
    if len(clause) < 2 or not re.fullmatch(rf"[{HAN}“”（）()、·]+", clause) or re.search(rf"(?:{MEETING_KIND})(?:会议|议)?$", clause):
        return None
    return clause


HEADLINE_MAX = 40
"""The longest headline a lead's clause is made into (a newsroom's headline is rarely longer)."""


def headline_in_lead(lead: str) -> str | None:
    """A report's headline when its page printed none: the clause of its lead that says who held what, as a newsroom
    heads such a report (某某学院党委召开…述职评议大会), without the day, the dateline, the venue (在学院会议室) and the
    words round it (隆重); None when the lead tells of no meeting held or the clause is too long for a headline.

    >>> headline_in_lead("12月27日下午，外国语学院党委在学院会议室召开2024年度支部书记述职评议大会。")
    '外国语学院党委召开2024年度支部书记述职评议大会'
    >>> headline_in_lead("为进一步压实责任，5月20日下午，某某五中在学校报告厅隆重举行党建工作述职大会，校党委书记甲某某出席。")
    '某某五中举行党建工作述职大会'
    >>> headline_in_lead("本报讯（记者 某某）3月1日，全市组织部长会议在某地召开。")
    '全市组织部长会议召开'
    >>> headline_in_lead("2月3日上午，公司召开党委会（扩大），专题听取工作报告。")
    '公司召开党委会（扩大）'
    >>> headline_in_lead("近日，某某高新区召开党建工作推进会，宣讲全会精神。")
    '某某高新区召开党建工作推进会'
    >>> headline_in_lead("1月9日，某某镇召开村党支部书记述职评议会议，镇领导班子参会。")
    '某某镇召开村党支部书记述职评议会议'
    >>> headline_in_lead("3月5日，某某镇开展“清洁家园”志愿服务活动。") is None
    True
    """
    m = _HOLDS.search(lead)
    if not m:
        return None
    holder = meeting_holder(lead)
    before = re.split(r"[，,。；;：:！？!?]", lead[: m.start()])[-1].strip()
    if holder is None:  # the meeting is the subject: 全市组织部长会议在某地召开 → 全市组织部长会议召开
        subject = _DAY_FIRST.sub("", re.split(r"\s+", _DATELINE_BEFORE.sub("", before))[-1])
        subject = re.sub(r"(?:在|于)[^在于]{1,20}$", "", subject)
        if not re.search(rf"(?:{MEETING_KIND})(?:会议|议)?$", subject):
            return None
        return subject + m.group() if len(subject) + 2 <= HEADLINE_MAX else None
    held = re.split(r"[，,。；;！？!?]", lead[m.end() :])[0].strip()
    ends = [k.end() for k in re.finditer(rf"(?:{MEETING_KIND})议?(?:[（(][{HAN}]{{2,4}}[）)])?", held)]
    if not ends:
        return None
    headline = holder + m.group() + held[: ends[-1]]
    return headline if len(headline) <= HEADLINE_MAX else None


def holder_level(holder: str) -> str | None:
    """The level of who holds a meeting (meeting_holder): its organ (城关乡党委 → 乡, 市委组织部 → 市), its place, the
    last of a chain of places (兴文县周家镇 → 镇), a school or a company (某某学院党委 → 校, 某某集团 → 企业); None for a
    body of no level (组织部党支部, 我院党委: a 院 may be a college or a hospital).

    >>> holder_level("城关乡党委"), holder_level("兴文县周家镇"), holder_level("菏泽市某某区大黄集镇"), holder_level("组织部党支部")
    ('乡', '镇', '镇', None)
    >>> holder_level("外国语学院党委"), holder_level("某某二中"), holder_level("公司"), holder_level("我院党委")
    ('校', '校', '企业', None)
    """
    town = _A_CHAIN_TO_A_TOWN.fullmatch(holder)
    return town.group(1) if town else find_level(holder)[0]


_UNIT_OPENS_A_SENTENCE = re.compile(
    rf"(?:^|[。！？])(?:[^，。！？；]{{0,12}}?(?:以来|来|年|月)[，,])?((?:中共)?(?:[{HAN}]{{1,4}}?)?(?:省|市|县|区|镇|乡|街道)(?:委|政府|人大|政协|纪委|党委|党工委)"
    rf"[{HAN}]{{0,8}}?)(?=紧|坚持|围绕|始终|认真|深入|切实|扎实|全面|积极|聚焦|立足|按照|结合|以|把|在|将|对|不断|着力|持续|牢牢|主动)"
)
"""A report that speaks for its own unit names it as the subject of a sentence of its opening, after at most a time
(近年来，市委组织部党总支紧扣…; 2010年以来，县委组织部紧紧围绕…): a unit of that level writes it."""


def own_unit_level(opening: str) -> str | None:
    """The level of the unit a report (a work summary, an exchange of experience) speaks for, from a sentence of its
    opening paragraph that opens with the unit as its subject; None when none does.

    >>> own_unit_level("近年来，市委组织部党总支紧扣职责定位，推动机关党建走在前列。")
    '市'
    >>> own_unit_level("组织部门是党委的重要部门。2010年以来，县委组织部紧紧围绕中心工作，深入开展活动。")
    '县'
    >>> own_unit_level("今年以来，在县委的坚强领导下，我们扎实开展工作。") is None
    True
    >>> own_unit_level("近年来，我们认真贯彻市委部署，取得明显成效。") is None
    True
    """
    m = _UNIT_OPENS_A_SENTENCE.search(opening)
    return find_level(m.group(1))[0] if m else None


def level_in_body(text: str, said_of_itself: bool = False) -> str | None:
    """The level a body keeps saying it speaks for, when it says one clearly more often than any other.

    >>> level_in_body("我市要抓好落实。市委要求，全市各级党组织要行动起来。全市上下……")
    '市'
    >>> level_in_body("今年的县乡领导班子换届，是全县的大事。我县要做好。县委要求严肃纪律。")
    '县'
    >>> level_in_body("全市全县") is None
    True
    >>> level_in_body("我镇今年的村级换届工作……")
    '镇'
    >>> level_in_body("全县乡镇党委将集中换届，县委要求……")
    '县'
    >>> level_in_body("省政府办公厅今天召开这次会议，主要是回顾总结政报工作。")
    '省'
    >>> level_in_body("节前，某某街道召开社区党组织书记述职评议会。会上，街道党工委书记逐一点评。")
    '街道'
    >>> level_in_body("11月1日，某某镇在该镇政府会议室召开党建工作会议。")
    '镇'
    >>> level_in_body("××县委组织部召开全体干部会议。会议要求，全县组工干部要带头。")
    '县'
    >>> level_in_body("由某某网主办的研讨活动在某某省某某市某某区举办。") is None
    True
    >>> level_in_body("4月2日，某校都江堰校区培训班开学。校区党委书记刘某、校区党委副书记陈某出席。社区党委书记代表发言。") is None
    True
    >>> level_in_body("今天，区委在这里召开会议。我区考核位于全市前列，全市先进区，全市第一。全区上下…")
    '区'
    >>> level_in_body("我校召开党委中心组学习会。副书记首先领学了省委书记王某的讲话精神。书记从省委书记王某在全会上讲话的要义谈了体会。对标省委要求。") is None
    True
    >>> level_in_body("1月19日，某某区委组织部召开全体干部会议，传达学习全国、全省、全市组织部长会议和全市党建工作会议精神，"
    ...               "领会全市党建工作会议精神。")
    '区'

    """
    text = re.sub(r"(?<![全我])(?:县市区|县乡|乡镇|市县|县市)", "", without_non_units(text))  # two levels at once say neither (全县乡镇… is 全县)
    # (and 校区, 社区 are no districts: 校区党委书记 says no 区)
    text = _VENUE.sub("", text)  # 在某某市某某区举办: where it was held, not who held it
    text = _RELAYED.sub("", text)  # 传达学习全市…会议精神: the level above's meeting, relayed
    text = _STUDIED_SPEECH.sub("", text)  # 领学了省委书记某某的讲话精神: the level above's leader, studied
    own_words = {level: len(own.findall(text)) for level, (own, _) in _LEVEL_SAYS.items()}
    counts = Counter({level: 2 * own_words[level] + len(said.findall(text)) for level, (_, said) in _LEVEL_SAYS.items()})
    # On a tie the level that calls itself 我X outweighs the 全X of the one above it.
    first, runner_up = sorted(counts, key=lambda level: (-counts[level], -own_words[level]))[:2]
    n, second = counts[first], counts[runner_up]
    speaks_for_itself = own_words[first] and not own_words[runner_up]
    if said_of_itself and not own_words[first]:
        return None  # who holds the meeting has no level of its own: 全省 said again and again is the meeting it relays
    if n >= LEVEL_IN_BODY_MIN and (n >= 2 * second or (speaks_for_itself and n >= second)):
        return first
    return _own_committee(text) if n < LEVEL_IN_BODY_MIN else None


_COMMITTEE = {
    level: re.compile(rf"(?<![省市县区镇乡全各])(?:{level}(?:委|党委|党工委)(?![会员组宣统政教办纪党常书副])|全{level}(?!委))")
    for level in ("省", "市", "县", "区", "镇", "乡", "街道")
}
"""The committee a speech keeps naming as a body (区委管党治党, 区委的形象, 镇党委的要求), not one of its departments
(区委组织部) nor a post in it (区委书记, counted above), and 全X."""


def _own_committee(text: str) -> str | None:
    """The level of the committee a speech names as its own body again and again, when it says no level in the words
    level_in_body counts (我X, X委要求, 全X …, fewer than twice): at least twice, and twice as often as any other level
    (按照县委的统一要求和镇党委的具体安排…镇党委的要求…全镇: the 县委 above is named once).

    >>> _own_committee("我们组织部门是区委管党治党的重要部门，代表着组织的形象、区委的形象。")
    '区'
    >>> _own_committee("按照县委的统一要求和镇党委的具体安排，推动全镇工作。大家能按照镇党委的要求抓党建。")
    '镇'
    >>> _own_committee("按照市委的要求，县委的部署。") is None
    True
    >>> _own_committee("区委组织部的同志，区委书记。") is None
    True
    """
    counts = Counter({level: len(named.findall(text)) for level, named in _COMMITTEE.items()})
    (first, n), *rest = counts.most_common(2)
    second = rest[0][1] if rest else 0
    return first if n >= LEVEL_IN_BODY_MIN and n >= 2 * second else None

