"""Stage 2 (clean), layout repair: undo what copying from web pages and PDFs did to a speech's lines.

Three faults are common. A page copied as plain text can arrive as one or a few very long lines
(title, date, salutation and every heading run together): such a line is split where a new
paragraph must begin. Text extracted from a PDF arrives hard-wrapped (every line cut at the same
width, mid-sentence), and text copied from a browser keeps the browser's line breaks at irregular
places: such lines are joined back into paragraphs. Nothing is ever dropped here; every split and
join is returned so the build can log and count it, and every piece keeps the number of the source
line it came from.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from ..model import Join, Line, Split
from ..text import HAN, cn_to_int, int_to_cn
from .words import tagger, tokenizer

_CN_NUM = "[一二三四五六七八九十]{1,3}"

COLLAPSED_MIN_LENGTH = 200
"""A line shorter than this is a paragraph, whatever it holds."""

# Where a new paragraph must start inside a run-together line. Each break is *before* the match,
# except after a salutation and after a bracketed date, where it is after.
_BREAK_BEFORE = re.compile(
    rf"(?<=[。！？；：:!?;”])\s*(?:(?P<page>\d{{1,3}})\s+(?={_CN_NUM}、))?(?="
    rf"{_CN_NUM}、"  # 一、
    rf"|[（(]{_CN_NUM}[）)]"  # （一）
    rf"|\d{{1,2}}[.．、](?!\d)"  # 1. 1、
    rf"|第{_CN_NUM}[，,、]"  # 第一，
    rf"|第{_CN_NUM}部分"
    rf"|同志们[，,！!]"  # the closing words
    rf"|(?:上一篇|下一篇|上一页|下一页|相关阅读|推荐阅读|相关文章|猜你喜欢)"  # a page's links under the text
    rf"|[（(【\[]?(?:责任编辑|编辑|来源|作者|标签|关键词)[:：]"
    rf")"
)
_ADDRESSEES = "同志们|同事们|同事|领导|代表|委员|来宾|嘉宾|朋友们|老师们|同学们|同仁们|同仁"
_SALUTATION = re.compile(
    rf"(?:尊敬的[{HAN}Xx×＊*、，]{{0,20}}|各位[{HAN}、，]{{0,16}})?(?:(?:{_ADDRESSEES})[、，,])*(?:{_ADDRESSEES})[！!]?[：:]"
)
"""…and one whose name a template blanks out: 尊敬的XX部长，各位领导，同志们："""
_GREETING = r"[，,！!]\s*(?:大家|各位)?(?:早上|上午|中午|下午|晚上)?好[！!。]?"
"""A greeting after the address, on the same line: ，大家好！ / ，大家上午好！ / ！各位好！"""
SALUTATION_RE = re.compile(
    rf"^(?:尊敬的)?[{HAN}Xx×＊*、，, ]{{0,24}}(?:{_ADDRESSEES}|同志|朋友)(?:[！!]?[：:]|{_GREETING})$"
    rf"|^(?:各位[{HAN}]{{0,6}}[、，,])?(?:(?:{_ADDRESSEES})[、，,])*(?:{_ADDRESSEES})(?:[！!]?|{_GREETING})$"
    rf"|^(?:尊敬|敬爱|亲爱)的[^\s，,。；;：:！!？?]{{1,20}}(?:[！!]?[：:]|{_GREETING})$"
)
"""A line that only addresses the audience: 同志们： / 各位领导，同志们： / 同志们、朋友们：, or a letter's
reader whoever it is (敬爱的党组织：, 尊敬的评审专家：, 亲爱的同学们：): the kind of text (思想汇报, 倡议书) stands above it.
The address may end in a greeting instead of a colon (亲爱的同学们，大家好！ / 老师们、同学们，大家上午好！): still the
salutation, never a title (session 27: a title-less text's first line; tests/ingest/test_round14_documents.py)."""
_DATE_IN_BRACKETS = re.compile(r"[（(]\s*(?:\d{4}|[〇○零一二三四五六七八九]{4}|20[Xx×]{2})\s*年[^（）()]{0,12}?日\s*[）)]")


COLLAPSED_SHARE = 0.7
COLLAPSED_MAX_LINES = 5


DATELINE_FIRST = re.compile(r"^[^，。；]{0,16}?\d{1,2}月\d{1,2}日[电讯]\s*(?:[（(][^（）()]{0,16}[）)])?\s*|^[^，。；]{0,12}讯\s*(?:[（(][^（）()]{0,16}[）)])?\s*")
"""A report's dateline in front of the meeting it names: 新华社北京12月13日电, 本报讯（记者 某某）."""
REPORT_OPENING = re.compile(
    rf"{DATELINE_FIRST.pattern}|^(?:(?:19|20)\d{{2}}年)?\d{{1,2}}月\d{{1,2}}日(?:上午|下午|晚上)?[，,]|^(?:近日|日前|昨天|昨日|当天)[，,]"
)
"""A text that opens as a news report does, with its day or a dateline (11月20日，某某组织召开…; 本报讯 …)."""


def is_collapsed(lines: list[Line]) -> bool:
    """Is (almost) the whole text in one or a few very long lines?

    Long paragraphs are normal in speeches, and one may even hold an inline 第一，…第二，…; what is
    not normal is that a handful of lines carry nearly all of the text.
    """
    if not a_handful_of_long_lines(lines):
        return False
    long_lines = [line.text for line in lines if len(line.text) >= COLLAPSED_MIN_LENGTH]
    # …and inside those lines there is a salutation after other text, or a numbered heading series.
    if any(_salutation_points(text) for text in long_lines):
        return True
    if any(len(text) >= ONE_LINE_PAGE_MIN and _COUNTED_THEN_FIRST.search(text) for text in long_lines):
        return True
    return sum(len(_HEADING_BREAK.findall(text)) + len(marked_head_points(text)) for text in long_lines) >= 2


ONE_LINE_PAGE_MIN = 500
"""A line this long is no paragraph with a list in it (我讲两点：第一，…；第二，…。): a page run into one line."""
_COUNTED_THEN_FIRST = re.compile(
    rf"我[^。！？!?]{{0,24}}?(?:[两二三四五六七八九十]|\d{{1,2}})(?:点|个方面|个问题|条)[{HAN}]{{0,6}}[：:。]\s*(?={_CN_NUM}、|第一[，,、]|[（(]一[）)])"
)
"""The speaker counting the points, then the first (…我强调三点意见：一、…): the line runs the speech's parts together,
whether or not a second point is left on the page."""


def a_handful_of_long_lines(lines: list[Line]) -> bool:
    """Do a few very long lines (at most `COLLAPSED_MAX_LINES`) carry nearly all of the text?"""
    long_lines = [line.text for line in lines if len(line.text) >= COLLAPSED_MIN_LENGTH]
    total = sum(len(line.text) for line in lines)
    return 0 < len(long_lines) <= COLLAPSED_MAX_LINES and sum(map(len, long_lines)) >= COLLAPSED_SHARE * total


_HEADING_BREAK = re.compile(rf"(?<=[。！？；：:!?;”])\s*(?:{_CN_NUM}、|[（(]{_CN_NUM}[）)]|第{_CN_NUM}部分)")


def opens_a_short_dump(text: str) -> bool:
    """A line at the top that opens with the salutation and runs two or more of the speech's headings in after a full
    stop (`同志们：今天……。一、充分肯定成绩 过去一年……。二、突出重点 ……`): the page ran the whole text into one line,
    however short the text is — the salutation and the headings start paragraphs, as under a title run into its
    salutation. A paragraph that counts its points as it goes (同志们：…第一，…第二，…) is no dump: those are no headings.

    >>> opens_a_short_dump("同志们：今天召开会议。一、充分肯定成绩 过去一年成效明显。二、突出重点任务 今年要抓好落实。")
    True
    >>> opens_a_short_dump("同志们：今天召开会议。第一，要提高站位。第二，要压实责任。"), opens_a_short_dump("过去一年成效明显。一、…。二、…")
    (False, False)
    """
    return bool(_SALUTATION.match(text)) and len(_HEADING_BREAK.findall(text)) >= 2


def split_collapsed(lines: list[Line], is_chrome=lambda text: False) -> tuple[list[Line], list[Split]]:
    """Split lines that hold a whole speech (or several paragraphs) run together.

    In a collapsed text every long line is split at its salutation, before every heading number that
    follows the end of a sentence, and around a bracketed date before the salutation. In any text, a
    line near the top that runs a title into its salutation (…的讲话同志们：…) is split there.
    """
    collapsed = is_collapsed(lines)
    # The first lines of the text itself: a site's name or a posting line above it does not count.
    first_lines = {line.number for line in [x for x in lines if x.text and not is_chrome(x.text)][:3]}
    # Further down the header (a page gives its title three times, an advert between them), a line that
    # runs a whole title into the salutation (…的讲话  同志们：) is split there too.
    header_lines = {line.number for line in [x for x in lines if x.text and not is_chrome(x.text)][:HEADER_LINES]}
    out: list[Line] = []
    splits: list[Split] = []
    # A news report (its text opens 1月14日下午，学校…召开…会议。) tells what was said: the points it runs into a paragraph
    # (…从五个方面回顾了…。一、…。二、…) are the report's list, not the parts of a speech run together.
    report = bool(first_lines) and bool(REPORT_OPENING.match(next(x.text for x in lines if x.number in first_lines).strip()))
    for line in lines:
        points = []
        if collapsed and len(line.text) >= COLLAPSED_MIN_LENGTH:
            points = _split_points(line.text)
            if report:
                points = reported_points_kept_whole(line.text, points)
            if line.number in first_lines and not _salutation_points(line.text):
                points = sorted(set(points) | set(header_points_before_the_text(line.text)))
        elif line.number in first_lines or (line.number in header_lines and _TITLE_THEN_SALUTATION.match(line.text)):
            points = _salutation_points(line.text)
            if points and len(_HEADING_BREAK.findall(line.text)) >= 2:
                # A title run into its salutation shows the page ran its lines together: its
                # headings after a full stop (。一、… 。二、…) start paragraphs too, however short it is.
                points = sorted(set(points) | set(_split_points(line.text)))
            elif not points and opens_a_short_dump(line.text):
                points = _split_points(line.text)
        if line.number in first_lines and not points:
            title = _TITLE_THEN_TEXT.match(line.text)
            points = [title.end()] if title else []
        glued_title = _OCCASION_TITLE_THEN_SENTENCE.match(line.text) if line.number in first_lines else None
        if glued_title and not any(point <= glued_title.end() for point in points):
            points = [glued_title.end(), *points]
        if not points:
            out.append(line)
            continue
        cuts = [0, *points, len(line.text)]
        parts = [p for p in (line.text[a:b].strip() for a, b in zip(cuts, cuts[1:])) if p]
        out.extend(Line(number=line.number, text=p) for p in parts)
        splits.append(Split(line=line.number, pieces=len(parts)))
    return out, splits


def reported_points_kept_whole(text: str, points: list[int]) -> list[int]:
    """`points` of a news report's line but those before a numbered point (一、 （一） 1. 第一，) and those closing
    such a point's heading: the report runs what a speaker said into its paragraph as a list.

    >>> text = "会上，章清作重要讲话，并从三个方面回顾了工作。一、以专题教育为抓手，推进思想建设。各学院开展了大量工作。二、以制度为引领，推进制度建设。同志们，"
    >>> points = _split_points(text)
    >>> [text[p:p + 2] for p in points], [text[p:p + 2] for p in reported_points_kept_whole(text, points)]
    (['一、', '二、', '同志'], ['同志'])
    """
    kept = []
    numbered = [p for p in points if _REPORTED_POINT.match(text, p)]
    for p in points:
        if p in numbered or any(q < p and _HEADING_BEFORE_SPACE.match(text, q) and _HEADING_BEFORE_SPACE.match(text, q).end() == p for q in numbered):
            continue
        kept.append(p)
    return kept


_REPORTED_POINT = re.compile(rf"(?:{_CN_NUM}、|[（(]{_CN_NUM}[）)]|\d{{1,2}}[.．、](?!\d)|第{_CN_NUM}[，,、]|第{_CN_NUM}部分)")


HEADER_LINES = 8
"""How many lines from the top may still hold the title run into the salutation."""
_TITLE_THEN_SALUTATION = re.compile(r"^[^，。；：！？]{4,50}?(?:讲话|报告|发言|致辞|讲稿|党课)\s*(?:同志们|各位)")
"""A whole title, then the salutation: 在乡镇换届工作动员部署会上的讲话  同志们："""
_TITLE_THEN_TEXT = re.compile(r"^[^，。；：！？\s]{4,50}?(?:讲话|报告|发言|致辞|讲稿|党课)(?=\s+\S[^\n]{40})")
"""A title run into the text that follows it with only a space between, as a document site's text
layer gives it: "在第三批拔尖人才表彰会议上的讲话 今天，我们在这里隆重召开……"."""
_OCCASION_TITLE_PATTERN = r"^[^，。；：！？\s]{0,30}?在[^，。；：！？\s]{2,40}?(?:会|班|式)上的(?:讲话|发言|致辞|报告)"
_OCCASION_TITLE = re.compile(_OCCASION_TITLE_PATTERN + "$")
"""A whole title naming its occasion (市委常委、组织部部长在…学习会上的发言): it ends there, whatever 、 it holds."""
_OCCASION_TITLE_THEN_SENTENCE = re.compile(
    _OCCASION_TITLE_PATTERN + rf"(?![^。！？]{{0,12}}同志们)(?=(?!精神|要求|部署|中|时|和|与|及|稿|文稿|全文|原文|摘要|提纲|材料)[{HAN}][^。！？]{{4,}}[。！？])"
)
"""A whole title naming its occasion run into the text's first sentence with nothing between, as a
document site's one-line text gives it: "市委常委、组织部部长在市委理论学习中心组集体学习会上的发言党的二十大
精神博大精深。…" (…的讲话精神, …的讲话要求 go on with the sentence: no title; …的讲话文稿同志们： is
parted at its salutation)."""
_BARE_SALUTATION = re.compile(rf"(?<=讲话|致辞|发言|报告)同志们[，,]?(?=[{HAN}])")
"""同志们 run into the title with its colon lost, as a document site's text layer gives it:
"…座谈会上的讲话同志们借今天这个机会…"."""


def _salutation_points(text: str) -> list[int]:
    """Around a salutation glued to the text before it (a title) — and after a date in brackets."""
    salutation = _SALUTATION.search(text, 0, 400) or _BARE_SALUTATION.search(text, 0, 200)
    if salutation is None or salutation.start() == 0 or (SALUTATION_RE.match(text) and not _TITLE_THEN_SALUTATION.match(text)):
        return []
    points = {salutation.start(), salutation.end()}
    date = _DATE_IN_BRACKETS.search(text, 0, salutation.start() + 1)
    if date is not None:
        points.update((date.start(), date.end()))
    # The header run together before the salutation: title, byline and date as one string.
    for m in _HEADER_BREAK.finditer(text, 0, salutation.start()):
        if date is not None and date.start() <= m.start() < date.end():
            continue
        if m.group("label"):
            points.add(m.start())
        elif m.group("date"):
            labelled = _ENDS_WITH_LABEL.search(text, 0, m.start())  # 发布时间：2023-01-05 stays one line
            points.update((m.end(),) if labelled else (m.start(), m.end()))
        else:
            note = _TITLE_NOTE.match(text, m.end())  # "…的讲话(终稿)": the note goes with its title
            points.add(note.end() if note else m.end())
    # A page's breadcrumbs before its title: "当前位置：首页 > 工作动态 > 正文 在全县…的讲话".
    crumbs = list(_CRUMB.finditer(text, 0, salutation.start()))
    if crumbs:
        points.add(crumbs[-1].end())
    return sorted(p for p in points if 0 < p < len(text))


_HEADER_BREAK = re.compile(
    r"(?:讲话|主持词|致辞|发言|工作报告)(?![稿提精要材的和与中时上文全原范]|\s*[>›»])|材料之[一二三四五六七八九十]+"
    r"|(?P<date>(?:19|20)[\dXx×]{2}\s*[/.\-年]\s*[\dXx×]{1,2}\s*[/.\-月]\s*[\dXx×]{1,2}日?)"
    r"|(?P<label>(?<=\s)(?:(?:发布|更新|录入|上传)?(?:时间|日期)|来源|出处|作者|编辑|(?:阅读|浏览|点击)(?:次数|量)?)[:：])"
)
"""Where a header run together on one line breaks: after the title's last word, around its date,
and before a page's posting labels (发布时间：, 来源：, 阅读：)."""
_ENDS_WITH_LABEL = re.compile(r"[:：]\s*$")
_TITLE_NOTE = re.compile(r"\s*[（(][^（）()\d\s]{1,8}[）)]")
_CRUMB = re.compile(r"[>›»]\s*[^\s>›»]{1,10}(?=\s)")


def header_points_before_the_text(text: str) -> list[int]:
    """Where the header of a one-line page with no salutation breaks, before its first clause: after the title's
    last word (…的讲话), around a date (a template's 201X/X/XX too), after a site's number label (编号:541193579)
    — the same places as before a salutation (`_salutation_points`), up to the text's first clause mark.

    >>> text = "编号:541193579县委书记在全县工作会议上的讲话201X/X/XX在全县工作会议上的讲话xxx同志讲话今天这次会议，很重要。"
    >>> [text[a:b] for a, b in zip([0, *header_points_before_the_text(text)], [*header_points_before_the_text(text), len(text)])]
    ['编号:541193579', '县委书记在全县工作会议上的讲话', '201X/X/XX', '在全县工作会议上的讲话', 'xxx同志讲话', '今天这次会议，很重要。']
    """
    first_clause = _CLAUSE_MARK.search(text)
    head = text[: first_clause.start()] if first_clause else ""
    points: set[int] = set()
    for m in _HEADER_BREAK.finditer(head):
        if m.group("label"):
            points.add(m.start())
        elif m.group("date"):
            points.update((m.start(), m.end()))
        else:
            note = _TITLE_NOTE.match(text, m.end())
            points.add(note.end() if note else m.end())
    number = _SITE_NUMBER.match(head)
    if number:
        points.add(number.end())
    return sorted(p for p in points if 0 < p < len(head))


_CLAUSE_MARK = re.compile(r"[，。；！？,;!?]")
_SITE_NUMBER = re.compile(rf"^[{HAN}]{{2,4}}[:：]\s*\d{{5,}}(?=[{HAN}])")
"""A site's number for the page in front of its title (编号:541193579县委书记在…)."""


def _split_points(text: str) -> list[int]:
    """Offsets where paragraphs start inside a run-together line."""
    points = set(_salutation_points(text))
    salutation = _SALUTATION.search(text, 0, 400)
    if salutation is not None and salutation.start() == 0:
        points.add(salutation.end())
    points.update(marked_head_points(text))
    for m in _BREAK_BEFORE.finditer(text):
        points.add(m.end())
        if m.group("page"):  # "…几点意见： 1 一、…": a page number between is a line of its own
            points.add(m.start("page"))
        heading = _HEADING_BEFORE_SPACE.match(text, m.end())
        if heading:
            points.add(heading.end())
    return sorted(p for p in points if 0 < p < len(text))


HEAD_MARKS = "▲△◆◇■□●○★☆▶►◎❖"
"""Symbols a page sets before its headings in place of numbers (▲坚持政治引领 / ◆ 坚持固本强基)."""
_MARK_AFTER_A_STOP = re.compile(rf"(?:(?<=[。！？；!?;”’])|^)[ \u3000]*(?P<mark>[{HEAD_MARKS}])")
_MARKED_HEAD_THEN_SPACE = re.compile(rf"[{HEAD_MARKS}][ \u3000]*[^\s。！？；!?;{HEAD_MARKS}]{{2,40}}?(?<=[{HAN}”’）)])[ \u3000]+(?=[{HAN}“])")


def marked_head_points(text: str) -> list[int]:
    """Where a run-together line's headings marked by a symbol begin, and where each such heading ends: the same
    symbol (▲ ◆ ■ …) after a sentence's end two times or more is the page's mark for its headings (a one-line page's
    ▲坚持政治引领，筑牢思想根基 一年来，…), and a space after the marked phrase, before Han text, is the line break
    the page lost between a heading and its paragraph. A symbol once, or inside a sentence, parts nothing.

    >>> text = "部署今年任务。▲坚持政治引领，筑牢思想根基 一年来，全县上下奋发有为。▲坚持固本强基 我们持续整顿软弱涣散党组织。"
    >>> [text[p:p + 4] for p in marked_head_points(text)]
    ['▲坚持政', '一年来，', '▲坚持固', '我们持续']
    >>> marked_head_points("部署今年任务。▲坚持政治引领 一年来，全县上下奋发有为，取得了▲号成绩。")
    []
    """
    found: dict[str, list[int]] = {}
    for m in _MARK_AFTER_A_STOP.finditer(text):
        found.setdefault(m.group("mark"), []).append(m.start("mark"))
    points = []
    for starts in found.values():
        if len(starts) < 2:
            continue
        for start in starts:
            points.append(start)
            head = _MARKED_HEAD_THEN_SPACE.match(text, start)
            if head:
                points.append(head.end())
    return sorted(p for p in points if 0 < p < len(text))


_HEADING_BEFORE_SPACE = re.compile(
    rf"(?:{_CN_NUM}、|[（(]{_CN_NUM}[）)]|第{_CN_NUM}部分)[^\s。！？；!?;]{{2,40}}?(?=\s+[{HAN}\d]|(?:1[.．、]|[（(][1一][）)])[{HAN}])"
)
"""A heading with no stop, then a space and its paragraph ("一、充分肯定取得的成绩 近年来，…": a
document site's text keeps only a space where the line break was), or then its first sub-heading
with nothing between ("一、当前存在的问题1.政治素质修养不够。")."""


# --- paragraphs parted only by a space (a page dump) --------------------------------------------

DUMP_MIN_LENGTH = 300
"""A line at least this long that parts sentences with spaces holds several paragraphs: a speech's paragraph
is rarely longer, and a page copied as one line (a 范文 site's text, a mirror) keeps only a space where each
paragraph ended."""
_STOP_THEN_SPACE = re.compile(
    rf"(?<=[{HAN}”’」』）)])[。！？!?][”’」』]?(?:[（(][^（）()\s]{{1,16}}[）)])?(?P<space>[ \u3000\t]+)(?=[“‘《（(]?[{HAN}]|\d{{1,2}}[.．、][{HAN}])"
)
"""A sentence's end (with its closing quote, and a writer's credit in brackets: 。（某某）), a space, then Han text or a
numbered item (。 2.营造人才发展的氛围。)."""
_SPACE_INSIDE_SENTENCE = re.compile(rf"(?<=[{HAN}，、,])[ \u3000]+(?=[{HAN}])")
_POINT_ONE = rf"(?:第一[，,、]|一[是要][{HAN}]|一、|[（(]一[）)])"
_INTRO_THEN_POINT = re.compile(rf"(?<=[。！？!?：:；;])(?P<space>[ \u3000\t]+)(?={_POINT_ONE})")
"""The end of an opening (…讲三点意见： / …的特点。), a space, then the first point (第一， 一是 一、 （一）)."""
HEAD_BEFORE_A_SPACE_MAX = 48
"""How long a numbered heading run into its paragraph with a space between may be, past its number's first two
characters: two phrases of a report's top level run to 49 characters (…提出的新要求，进一步增强…的责任感和紧迫感)."""
_NUMBERED_HEAD_THEN_SPACE = re.compile(
    rf"^(?:{_CN_NUM}、|[（(]{_CN_NUM}[）)]|第{_CN_NUM}部分|第{_CN_NUM}[，,]|(?:首先|其次|再次|最后|其{_CN_NUM})[，,](?![^\s]*?(?:我|大家|同志|各位|希望|谢谢)))[{HAN}“”‘’《》]{{2}}[{HAN}“”‘’《》，、,（）()·\d \u3000]{{0,{HEAD_BEFORE_A_SPACE_MAX}}}?(?<=\S)(?P<space>[ \u3000\t]+)"
    rf"(?=[{HAN}“《][^\s]{{0,120}}?[，,。！？；]|(?:[（(](?:一|1)[）)]|1[.．、])[{HAN}])"
)
"""A numbered heading with no stop (Han words, quotes, commas: no markup's marks), a space, then its paragraph — a
heading numbered by an ordinal word too (首先，提高政治站位 各级…), not one that speaks to the hearers (最后，希望大家 …) — a
clause with no space in it up to its comma or stop (of two spaces, the one nearer the clause: 一、坚持党建引领 推动高质量发展 全市…) — or its first sub-heading
(二、主要工作 （一）加强…, （五）加强组织领导 1.完善…)."""


def split_dumped_paragraphs(lines: list[Line]) -> tuple[list[Line], list[Split]]:
    """Part the paragraphs of a page that came as one long line (or a few), where only a space is left of
    each paragraph break. The evidence is the shape of the place, never its words:

    - `_paragraph_breaks`: in a line far longer than a paragraph (`DUMP_MIN_LENGTH`), a space after a
      sentence's end and before Han text: "…建好“护林队”。 以上这段文字…";
    - `_first_point_breaks`: in any line, a space after an opening's last sentence or its colon and before
      the first point: "…主要讲三个方面的问题： 第一，…";
    - `_head_breaks`: a numbered heading with no stop, a space, then a sentence:
      "一、提高认识，增强责任感 基层党组织是…。" → the heading and its paragraph.

    A line whose spaces mostly fall inside sentences is a text layer wrapped at a width (every line break
    became a space, "…发展奠 定坚实基础。 下面，…"): a space after a stop there may be a wrap like the others,
    so such a line is left whole. Every part keeps its source line's number; each parted line is returned as
    a Split to be logged and counted.
    """
    source = _source_lengths(lines)
    dump = a_handful_of_long_lines([Line(number, "一" * length) for number, length in source.items()])

    def pieces_of(line: Line) -> list[str]:
        text = line.text
        points = set() if _wrapped_at_a_width(text) else {
            *_paragraph_breaks(text, dump, source[line.number]), *_first_point_breaks(text), *_salutation_break(text, source[line.number]),
        }
        return [part for piece in _cut(text, sorted(points)) for part in _cut(piece, _head_breaks(piece) or run_on_head_breaks(piece))]

    return _parted(lines, pieces_of)


def _source_lengths(lines: list[Line]) -> dict[int, int]:
    """How long each source line was before an earlier step parted it: a piece of a one-line page is judged as the
    page's line it came from, not as the short paragraph it already is.

    >>> _source_lengths([Line(1, "标题"), Line(2, "同志们："), Line(2, "今天开会。"), Line(3, "")])
    {1: 2, 2: 9, 3: 0}
    """
    lengths: Counter[int] = Counter()
    for line in lines:
        lengths[line.number] += len(line.text)
    return dict(lengths)


def _parted(lines: list[Line], pieces_of: Callable[[Line], list[str]]) -> tuple[list[Line], list[Split]]:
    """Each line replaced by the pieces `pieces_of` cuts its text into (keeping its source line's number); every
    line cut is returned as a Split, to be logged and counted."""
    out: list[Line] = []
    splits: list[Split] = []
    for line in lines:
        pieces = pieces_of(line)
        if len(pieces) < 2:
            out.append(line)
            continue
        out.extend(Line(number=line.number, text=piece) for piece in pieces)
        splits.append(Split(line=line.number, pieces=len(pieces)))
    return out, splits


def _cut(text: str, points: list[int]) -> list[str]:
    cuts = [0, *points, len(text)]
    return [piece for piece in (text[a:b].strip() for a, b in zip(cuts, cuts[1:])) if piece]


def _wrapped_at_a_width(text: str) -> bool:
    """Do more of the line's spaces stand inside sentences (between Han characters, after a comma) than after a
    stop? Then its spaces are a text layer's line breaks, not paragraph breaks.

    >>> _wrapped_at_a_width("全县乡镇 党委将集中进行换届，这次 换届后的乡镇党委。 下面，我讲三点")
    True
    >>> _wrapped_at_a_width("会议由某某主持。 会上，大家发言。 会议要求，抓好落实。")
    False

    A text layer breaks its lines at one width, so its spaces stand about as far apart each time; a page dumped into one
    line with its headline, deck and sub-heads parted by spaces (`与时俱进 某某教授阐述… 党章的修改与完善 在1922年…`)
    has them as far apart as those lines were long. Spaces that stand at no common distance (the distances within
    `WRAP_GAP_SLACK` of the commonest span less than half of the stretch between the first space and the last) are no
    wrap, however many fall between Han words.

    >>> head = "与时俱进 某某教授阐述党章的修改与完善 怎样使党章成为增强团结的文件 党章的修改与完善 "
    >>> _wrapped_at_a_width(head + "在1922年7月，党的二大通过了决议案，" * 5 + "形成了比较完善的党章！ 它是团结和统一的基础。 随着形势变化，党章也要相应修改。")
    False
    """
    inside = len(_SPACE_INSIDE_SENTENCE.findall(text))
    if not (inside >= 2 and inside >= len(_STOP_THEN_SPACE.findall(text))):
        return False
    spaces = [m.start() for m in re.finditer(r"[ \u3000]+", text)]
    gaps = [b - a for a, b in zip(spaces, spaces[1:])]
    if len(gaps) < WRAP_GAPS_MIN:
        return True
    common = Counter(gaps).most_common(1)[0][0]
    covered = max(sum(gap for gap in gaps if abs(gap - centre) <= WRAP_GAP_SLACK) for centre in range(common - WRAP_GAP_SLACK, common + WRAP_GAP_SLACK + 1))
    return 2 * covered >= sum(gaps)


WRAP_GAPS_MIN = 4
"""How many distances between a line's spaces tell whether they fall at one width; with fewer, the count alone decides."""
WRAP_GAP_SLACK = 3
"""How far (in characters) a wrapped line's length may stray from the width: punctuation kept off a line's start, Latin
and digits narrower than Han."""


def _paragraph_breaks(text: str, dump: bool, source_length: int = 0) -> list[int]:
    """Spaces after a sentence's end in a line far longer than a paragraph, when the line parts two or more
    sentences so or the page is a `dump` (a few long lines carry nearly all of its text: `a_handful_of_long_lines`).
    One such space in one long paragraph among many is a slip of the typist (…增长才干。 三是…), not a lost break.
    A piece an earlier step cut from such a line (at its salutation or a heading) is measured as the line it came
    from (`source_length`): the page's line was far longer than a paragraph, whatever is left of it.

    >>> text = "要专心引才，心态要开放。" * 10 + " 以上这段文字，是会议的部分内容。（某某） " + "人才工作是系统工程。" * 20
    >>> [text[p:p + 4] for p in _paragraph_breaks(text, False)]
    ['以上这段', '人才工作']
    >>> text = "要专心引才，心态要开放。" * 25 + " " + "人才工作是系统工程。" * 3
    >>> len(_paragraph_breaks(text, True)), len(_paragraph_breaks(text, False))
    (1, 0)
    """
    if max(len(text), source_length) < DUMP_MIN_LENGTH:
        return []
    breaks = [m.end("space") for m in _STOP_THEN_SPACE.finditer(text)]
    return breaks if len(breaks) >= 2 or dump else []


def _salutation_break(text: str, source_length: int = 0) -> list[int]:
    """The space after a salutation that opens a line far longer than a paragraph (`DUMP_MIN_LENGTH`, measured as
    its source line): the page kept only a space where the salutation's line ended, as it did between its paragraphs.
    A salutation run into its first sentence with no space (同志们：今天…) is how a speech is often written, and stays.

    >>> text = "同志们： 今天我们召开会议。" + "要抓好落实，确保实效。" * 30
    >>> [text[p:p + 2] for p in _salutation_break(text)], _salutation_break("同志们：今天我们召开会议。" + "要抓好落实。" * 60)
    (['今天'], [])
    >>> _salutation_break("同志们： 今天我们召开会议，研究部署工作。")
    []
    """
    if max(len(text), source_length) < DUMP_MIN_LENGTH:
        return []
    m = _SALUTATION_THEN_SPACE.match(text)
    return [m.end()] if m else []


_SALUTATION_THEN_SPACE = re.compile(rf"^(?:{_SALUTATION.pattern})[ \u3000\t]+(?=[“‘《（(]?[{HAN}])")


def _first_point_breaks(text: str) -> list[int]:
    """A space between an opening and its first point, in a line of any length.

    >>> text = "今天的交流，主要讲三个方面的问题： 第一，深刻理解理想信念的重要意义。"
    >>> [text[p:p + 3] for p in _first_point_breaks(text)]
    ['第一，']
    """
    return [m.end("space") for m in _INTRO_THEN_POINT.finditer(text)]


def _head_breaks(text: str) -> list[int]:
    """A numbered heading with no stop run into its paragraph with only a space between.

    >>> text = "一、提高认识，增强抓好基层组织建设工作的责任感 基层党组织是党的战斗堡垒。"
    >>> [text[: p].strip() for p in _head_breaks(text)]
    ['一、提高认识，增强抓好基层组织建设工作的责任感']
    >>> text = "第一，什么是绝对忠诚 “天下至德，莫大于忠”。忠诚是一种品质。"
    >>> [text[: p].strip() for p in _head_breaks(text)]
    ['第一，什么是绝对忠诚']
    >>> text = "首先，提高政治站位 各级党组织要把政治建设摆在首位。"
    >>> [text[: p].strip() for p in _head_breaks(text)], _head_breaks("最后，希望大家 珍惜这次学习机会。")
    (['首先，提高政治站位'], [])
    >>> _head_breaks("一、坚持党建引领 推动高质量发展"), _head_breaks("一、 加强政治建设。全市…"), _head_breaks("二、[链接] 与 # 井号 也照登。")
    ([], [], [])

    What follows the space must be a paragraph: a sentence that ends (or runs on past `HEAD_REST_MIN` characters, a
    page cut in it). A space before a quoted name in a heading (`第一，深入贯彻州委 “6+1”文件精神，全县干部工作实现新突破`)
    leaves a heading's second phrase, no sentence, after it: the line stays whole.

    >>> _head_breaks("第一，深入贯彻州委 “6+1”文件精神，全县干部工作实现新突破"), _head_breaks("（二）落实市委 “三项机制”，推动工作")
    ([], [])
    """
    m = _NUMBERED_HEAD_THEN_SPACE.match(text)
    if not m:
        return []
    rest = text[m.end("space"):]
    if not _SENTENCE_END_IN.search(rest) and len(rest) < HEAD_REST_MIN and not _SUB_HEADING_FIRST.match(rest):
        return []
    return [m.end("space")]


HEAD_REST_MIN = 60
"""How long the words after a heading's space run, with no sentence's end in them, before they are read as its
paragraph cut off by the page rather than the heading's own second phrase."""
_SENTENCE_END_IN = re.compile(r"[。！？!?；;]")
_SUB_HEADING_FIRST = re.compile(rf"(?:[（(](?:一|1)[）)]|1[.．、])[{HAN}]")


RUN_ON_SENTENCE_MIN = 48
"""How long a numbered line's first sentence is, past its number, before its heading may be run into it: a heading
with its own stop (一、加强组织领导，确保工作落实。) ends sooner."""
_TOP_NUMBER = re.compile(rf"^(?:{_CN_NUM}、|[（(]{_CN_NUM}[）)])")
_NOUNS = ("n", "vn", "ns", "nt", "nz", "ng")
_OPENS_A_SENTENCE = ("n", "ns", "nt", "nz", "r", "t")


def run_on_head_breaks(text: str) -> list[int]:
    """A numbered heading run straight into its paragraph with no stop and no space (a page that lost its line
    breaks: 一、要充分认识全面推进县城建设的重大意义城市是现代文明的重要标志，…). Read by the words' kinds (jieba's tags),
    in the first clause past the number of a sentence far longer than a heading: the heading is a verb's phrase
    (要|充分认识…, 加强…) ending on a noun (…的重大意义, …建设); the paragraph opens a sentence of its own — a subject
    (a noun, a pronoun, a time: 城市, 各级党组织) with its verb within three words (是, 要). The first such place.

    >>> text = "一、要充分认识全面推进县城建设的重大意义城市是现代文明的重要标志，是承载资源要素的重要平台，县城建设水平的高低，直接影响县域经济的水平和质量。"
    >>> [text[: p] for p in run_on_head_breaks(text)]
    ['一、要充分认识全面推进县城建设的重大意义']
    >>> text = "（二）加强基层组织建设各级党组织要切实担负起管党治党的政治责任，把基层党组织建设成为坚强战斗堡垒，推动各项工作落到实处。"
    >>> [text[: p] for p in run_on_head_breaks(text)]
    ['（二）加强基层组织建设']
    >>> run_on_head_breaks("（一）党员队伍结构不断优化，35岁以下党员占比提高到百分之二十八，大专以上学历党员占比提高到百分之四十五，结构更加合理。")
    []
    >>> run_on_head_breaks("一、加强组织领导，确保工作落实。各级党组织要把这项工作摆上重要议事日程，主要负责同志亲自抓，分管负责同志具体抓。")
    []
    """
    number = _TOP_NUMBER.match(text)
    if number is None:
        return []
    stop = re.search(r"[。！？!?；;]", text)
    if (stop.start() if stop else len(text)) - number.end() < RUN_ON_SENTENCE_MIN:
        return []
    clause_end = _CLAUSE_MARK.search(text, number.end())
    clause = text[number.end() : clause_end.start() if clause_end else len(text)]
    if len(clause) < 12 or not re.fullmatch(rf"[{HAN}]+", clause):
        return []
    words = [(w.word, w.flag) for w in tagger().cut(clause)]
    if not words or words[0][1][:1] not in ("v", "l", "i") and not (words[0][1] == "d" and len(words) > 1 and words[1][1][:1] in ("v", "l")):
        return []
    at = 0
    for k, (word, flag) in enumerate(words[:-1]):
        at += len(word)
        rest = words[k + 1 :]
        if at >= HEAD_MIN and flag in _NOUNS and rest[0][1] in _OPENS_A_SENTENCE and any(f == "v" for _, f in rest[1:4]):
            return [number.end() + at]
    return []


HEAD_MIN = 6
"""The shortest heading's phrase a run-on line is read for."""


# --- headings a one-line page runs into their text, named by the opening ----------------------------

_ANNOUNCED_QUOTED = re.compile(r"“([^“”]{6,120})”\s*(?:这|等)?(?P<count>[两二三四五六七八九十]|\d{1,2})个?(?:方面|点|句话|个问题|问题|部分)")
"""Parts an opening names in quotes and counts: 从“回顾初心，不忘根本；牢记初心，行稳致远；践行初心，履职尽责”三个方面."""
_ANNOUNCED_BARE = re.compile(rf"(?:从|就|围绕|讲|谈)((?:[{HAN}]{{2,12}}、)+[{HAN}]{{2,12}})(?:这|等)?(?P<count>[两二三四五六七八九十]|\d{{1,2}})个?(?:方面|点|句话|个问题|问题|部分)")
"""…or lists them bare: 就抓学习、抓班子、抓队伍三个方面."""
_BEFORE_A_HEAD = re.compile(r"[。！？!?；;：:”’」』）)\s]$")
ANNOUNCED_LINE_MIN = 200


def announced_parts(text: str) -> list[str]:
    """The parts an opening names and counts, in order, when it names as many as it counts.

    >>> announced_parts("我从“回顾初心，不忘根本；牢记初心，行稳致远；践行初心，履职尽责”三个方面和大家交流。")
    ['回顾初心，不忘根本', '牢记初心，行稳致远', '践行初心，履职尽责']
    >>> announced_parts("下面就抓学习、抓班子、抓队伍三个方面讲点意见。"), announced_parts("主要有“学习”两个字。")
    (['抓学习', '抓班子', '抓队伍'], [])
    """
    for pattern, separators in ((_ANNOUNCED_QUOTED, r"[；;]|(?<![，,])、"), (_ANNOUNCED_BARE, "、")):
        for m in pattern.finditer(text):
            items = [item.strip() for item in re.split(separators, m.group(1)) if item.strip()]
            count = 2 if m.group("count") == "两" else cn_to_int(m.group("count")) if not m.group("count").isdigit() else int(m.group("count"))
            if len(items) == count >= 2:
                return items
    return []


def split_at_announced_heads(lines: list[Line]) -> tuple[list[Line], list[Split]]:
    """Part a long line (a page that runs the whole speech into one line) before and after each numbered heading
    its opening named: 我从“回顾初心，不忘根本；牢记初心，行稳致远；…”三个方面…作个交流。一、回顾初心，不忘根本“不忘初心”这个词…
    → the opening, 一、回顾初心，不忘根本, and its text. The count and the names the opening gives are the heading's
    siblings when the page was cut before the second (一、 once in the line is no evidence by itself): the heading is
    the part's number (一、 （一） 第一， 1.) followed by its name as announced, after a sentence's end. Each parted
    line is returned as a Split (logged, counted, and listed for a person to check).

    >>> line = Line(1, "今天我从“回顾初心，不忘根本；牢记初心，行稳致远”两个方面和大家交流。" * 6 + "一、回顾初心，不忘根本“不忘初心”这个词最早出自佛经，大意是坚守本心。")
    >>> [x.text[:12] for x in split_at_announced_heads([line])[0]]
    ['今天我从“回顾初心，不忘', '一、回顾初心，不忘根本', '“不忘初心”这个词最早出']
    >>> split_at_announced_heads([Line(1, line.text.replace("一、回顾", "回顾"))])[1]
    []
    """
    return _parted(lines, lambda line: _cut_at_announced_heads(line.text))


def _cut_at_announced_heads(text: str) -> list[str]:
    """`split_at_announced_heads` for one line."""
    parts = announced_parts(text) if len(text) >= ANNOUNCED_LINE_MIN else []
    points: set[int] = set()
    for number, part in enumerate(parts, 1):
        cn = int_to_cn(number)
        for mark in (f"{cn}、", f"（{cn}）", f"({cn})", f"第{cn}，", f"第{cn},", f"{number}.", f"{number}、"):
            at = text.find(mark + part)
            while at > 0 and not _BEFORE_A_HEAD.search(text[:at]):
                at = text.find(mark + part, at + 1)
            if at > 0:
                end = at + len(mark + part)
                end += text[end : end + 1] in ("。", "！")  # the heading's own stop goes with it
                # run into its sentence (第一，提高认识，这是…): the point starts a paragraph, its heading is parse's question
                points.update((at,) if text[end : end + 1] in "，、,；;：:" else (at, end))
                break
    return _cut(text, sorted(p for p in points if 0 < p < len(text)))


_POINT = re.compile(rf"第(?P<ordinal>{_CN_NUM})[，,、]|(?P<runin>{_CN_NUM})[是要](?=[{HAN}])|(?P<dun>{_CN_NUM})、|[（(](?P<paren>{_CN_NUM})[）)]")
"""A point's number by its kind: 第一， / 一是 一要 / 一、 / （一）."""
_AFTER_AN_OPENING = re.compile(r"[。！？!?：:]")
POINT_LOOKAHEAD = 8
"""How many lines below an opening its second point may stand."""


def split_first_point_off_its_opening(lines: list[Line]) -> tuple[list[Line], list[Split]]:
    """Part the first point from the opening it was run into, when the second point starts a line of its own.

    "今天我讲三点意见。第一，提高政治站位。全市各级…" over a line "第二，…": the page lost the break before 第一，
    (the opening's last sentence and the first point in one paragraph). The evidence is the siblinghood: the №1
    follows a sentence's end or a colon, the next line that opens with a point of its kind opens with №2, and no
    №2 of its kind follows in its own line (then the points are one paragraph's: 一是…；二是…。).

    >>> lines = [Line(1, "今天我讲两点意见。第一，提高政治站位。全市各级党组织要带头。"), Line(2, "第二，夯实基层基础。要抓好整顿。")]
    >>> [x.text for x in split_first_point_off_its_opening(lines)[0]]
    ['今天我讲两点意见。', '第一，提高政治站位。全市各级党组织要带头。', '第二，夯实基层基础。要抓好整顿。']
    >>> inline = [Line(1, "主要做了两件事：一是抓学习；二是抓落实。"), Line(2, "二是要抓好队伍。")]
    >>> split_first_point_off_its_opening(inline)[1]
    []
    """
    out: list[Line] = []
    splits: list[Split] = []
    for index, line in enumerate(lines):
        at = _first_point_in(line.text, lines[index + 1 : index + 1 + POINT_LOOKAHEAD])
        if at is None:
            out.append(line)
            continue
        out.extend([Line(number=line.number, text=line.text[:at].rstrip()), Line(number=line.number, text=line.text[at:])])
        splits.append(Split(line=line.number, pieces=2))
    return out, splits


def _first_point_in(text: str, below: list[Line]) -> int | None:
    """Where a №1 run into the end of an opening starts, when the lines below go on with its №2."""
    for m in _POINT.finditer(text, 1):
        kind = m.lastgroup
        if _number(m) != 1 or not _AFTER_AN_OPENING.match(text, m.start() - 1) or not re.search(rf"[{HAN}]", text[: m.start()]):
            continue
        if any(n.lastgroup == kind and _number(n) == 2 for n in _POINT.finditer(text, m.end())):
            return None  # 一是…；二是…。 in one paragraph
        for line in below:
            opens = _POINT.match(line.text)
            if opens is not None and opens.lastgroup == kind:
                return m.start() if _number(opens) == 2 else None
        return None
    return None


def _number(m: re.Match) -> int:
    return cn_to_int(m.group(m.lastgroup))


# --- a document site's numbered chunks ---------------------------------------------------------

_CHUNK_NUMBER = re.compile(r"^(\d{1,3})[、.．]\s*(?=\S)")
CHUNK_MIN_LENGTH = 90
"""A chunk is a run of text cut at a fixed length (a few hundred characters); a numbered line shorter
than this is a heading or a list item, even when it has no full stop."""


def join_page_chunks(lines: list[Line]) -> tuple[list[Line], list[Join]]:
    """Join the numbered chunks a document site shows a text in ("1、…这在我" "2、县进入新世纪…").

    The site cuts the text every few hundred characters, mid-sentence, and numbers the pieces 1、 2、
    3、: they are one text, not a numbered list. A run is taken as chunks only when it is numbered
    from 1 without a gap, every piece is long, and most pieces (all but the last) end mid-sentence;
    a speech's own numbered paragraphs end with a full stop.
    """
    out: list[Line] = []
    joins: list[Join] = []
    index = 0
    while index < len(lines):
        run = _chunk_run(lines, index)
        if not run:
            out.append(lines[index])
            index += 1
            continue
        chunks = [lines[k] for k in run]
        text = "".join(_CHUNK_NUMBER.sub("", chunk.text, count=1) for chunk in chunks)
        out.append(Line(number=chunks[0].number, text=text))
        joins.append(Join(first=chunks[0].number, last=chunks[-1].number))
        index = run[-1] + 1
    return out, joins


def _chunk_run(lines: list[Line], start: int) -> list[int]:
    """Indexes of the chunks 1、 2、 … starting at `start` (blank lines between them skipped), or []."""
    run: list[int] = []
    index = start
    while index < len(lines):
        text = lines[index].text
        if not text and run:
            index += 1
            continue
        number = _CHUNK_NUMBER.match(text)
        if number is None or int(number.group(1)) != len(run) + 1:
            break
        if len(text) < CHUNK_MIN_LENGTH:
            # The last chunk holds what is left of the text, however little, after a cut one.
            if run and not _ENDS_SENTENCE.search(lines[run[-1]].text):
                run.append(index)
            break
        run.append(index)
        index += 1
    if len(run) < 2:
        return []
    cut = sum(1 for k in run[:-1] if not _ENDS_SENTENCE.search(lines[k].text))
    return run if cut * 2 > len(run) - 1 else []


# --- hard-wrapped text -------------------------------------------------------------------------

WRAP_MIN_LINES = 6
"""Fewer lines than this cannot show a wrapping width."""
WRAP_MIN_WIDTH, WRAP_MAX_WIDTH = 12, 90
WRAP_SHARE = 0.4
"""At least this share of the lines must be (nearly) the wrapping width and end mid-sentence."""
_ENDS_SENTENCE = re.compile(r"[。！？!?；;：:…”’）)】」』]$")
_STARTS_NEW = re.compile(
    rf"^(?:{_CN_NUM}(?:[、．]|\.(?!\d))|[（(]{_CN_NUM}[）)]|[（(]\d{{1,2}}[）)]|\d{{1,2}}[.．、](?!\d)|第{_CN_NUM}[，,、部]|{_CN_NUM}[是要]|同志们)"
)


def wrap_width(lines: list[Line]) -> int | None:
    """The display width a hard-wrapped text was cut at, or None when its lines are paragraphs.

    In a wrapped text most lines have the same width (±1, where punctuation may not start a line)
    and end mid-sentence; in real paragraphs lengths vary widely and lines end with a full stop.
    """
    texts = [line.text for line in lines if len(line.text) > 3]  # not page numbers
    if len(texts) < WRAP_MIN_LINES:
        return None
    widths = Counter(_width(t) for t in texts)
    width = max(widths, key=lambda w: (widths[w] + widths.get(w - 1, 0), w))
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return None
    full = [t for t in texts if _is_full(t, width)]
    mid_sentence = sum(1 for t in full if not _ENDS_SENTENCE.search(t))
    longer = sum(1 for t in texts if _width(t) > width + 1)
    if len(full) < max(WRAP_MIN_LINES - 1, WRAP_SHARE * len(texts)) or mid_sentence < 0.6 * len(full) or longer > 0.1 * len(texts):
        return None
    return width


def _is_full(text: str, width: int) -> bool:
    """Was this line cut at the wrapping width (so its paragraph goes on)?

    Narrow digits and letters make a full line hold more characters than the width: either measure
    reaching the width counts.
    """
    return max(len(text), _width(text)) >= width - 1


INDENT = 2
"""A paragraph's first line is indented by two characters: a text layer that lost the indent leaves it that much short."""


def _indented_first_line(text: str, width: int) -> bool:
    """A paragraph's first line cut at the wrapping width less its lost indent (今天的全市…，对于进一步明晰全市政 /
    协和各区县…, two characters short of the lines under it): it goes on, as a full line does. It holds a clause
    and stops mid-sentence — join_hard_wraps asks too that a dictionary word run across the break (政|协); a
    numbered heading or a salutation never goes on so; a numbered item whose lead ended with its stop and whose text
    runs on after it does (第一，村党支部书记是委员会的“班长”。村支 / 书既是…).

    >>> _indented_first_line("今天的全市工作交流会，对于进一步明晰全市政", 23), _indented_first_line("二、坚持以人民为中心，推动高质量发展大局", 23)
    (True, False)
    >>> _indented_first_line("第一，村党支部书记是支部委员会的“班长”。村支", 25)
    True
    """
    return width - 1 - INDENT <= _width(text) < width - 1 and bool(_ENDS_MID_SENTENCE.search(text)) and bool(_HAS_CLAUSE.search(text)) \
        and (not _STARTS_NEW.match(text) or bool(_LEAD_THEN_TEXT.search(text))) and not SALUTATION_RE.match(text)


def _width(text: str) -> int:
    """Display width in Chinese characters: two ASCII letters or digits take the room of one."""
    narrow = sum(1 for c in text if ord(c) < 0x2E80)
    return len(text) - narrow + (narrow + 1) // 2


def join_hard_wraps(
    lines: list[Line], is_chrome=lambda text: False, is_gap=lambda text: False, starts: frozenset[int] = frozenset(),
) -> tuple[list[Line], list[Join]]:
    """Join the lines of a hard-wrapped text back into paragraphs.

    A line continues the paragraph above when the line before it was cut at the wrapping width and
    it does not itself open a heading or the closing words. Lines that are page chrome on their own
    (`is_chrome`: a page number, a running footer) do not interrupt a paragraph; they are kept as
    lines of their own after it, for the boilerplate rules to remove. A paywall's notice (`is_gap`:
    剩余3页未读，继续阅读, ……此处隐藏1200字……) does: the text under it is not the words above it continued,
    the page left text out between them. Blank lines are dropped in
    such a text (extractors put them between wrapped lines as often as between paragraphs).

    >>> wrapped = [Line(n, "各级党组织要切实把思想和行动统一到中央和省委的决策") for n in range(1, 7)]
    >>> [j.last for j in join_hard_wraps(wrapped[:3] + [Line(4, "剩余3页未读")] + wrapped[4:], lambda t: "未读" in t)[1]]
    [6]
    >>> [j.last for j in join_hard_wraps(wrapped[:3] + [Line(4, "剩余3页未读")] + wrapped[4:], lambda t: "未读" in t, lambda t: "未读" in t)[1]]
    [3, 6]
    """
    width = wrap_width(lines)
    if width is None:
        return lines, []
    paragraphs: list[list[Line]] = []
    aside: list[Line] = []
    previous = ""
    gap_above = False
    out: list[Line] = []
    joins: list[Join] = []

    def flush(parts: list[Line]) -> None:
        text = parts[0].text
        for part in parts[1:]:
            text += _glue(text, part.text) + part.text
        out.append(Line(number=parts[0].number, text=text))
        if len(parts) > 1:
            joins.append(Join(first=parts[0].number, last=parts[-1].number))

    for line in lines:
        if not line.text:
            continue
        if not _is_full(line.text, width) and is_chrome(line.text) and not is_gap(line.text):
            aside.append(line)
            continue
        gap = gap_above or is_gap(line.text) or line.number in starts  # a paywall's notice stands alone, and nothing under it goes on
        cut = not gap and (_is_full(previous, width) or (paragraphs and len(paragraphs[-1]) == 1 and _indented_first_line(previous, width)
                                                          and _word_across(previous[-_WORD_SIDE:], line.text[:_WORD_SIDE])))
        if paragraphs and cut and not _STARTS_NEW.match(line.text) and not _TABLE_ROW.match(previous) and not _TABLE_ROW.match(line.text):
            paragraphs[-1].append(line)
        else:
            if paragraphs:
                flush(paragraphs.pop())
            out.extend(aside)
            aside = []
            paragraphs.append([line])
        previous = line.text
        gap_above = is_gap(line.text)
    if paragraphs:
        flush(paragraphs.pop())
    out.extend(aside)
    return out, joins


_TABLE_ROW = re.compile(r"^\|.*\|$")
"""A table's row as a web page's extractor writes it (`| 发文字号： | 某组发〔2023〕5号 |`): whole, never a wrapped line."""


def _first_sentence(text: str) -> str:
    """The line up to its first full stop: 发展！ of 发展！网友评论 浏览次数：1024, the words that finish the
    sentence above (a footer after them is parted later, split_chrome_tails); the whole line without one."""
    m = re.search(r"[。！？!?][”’」』）)]?", text)
    return text[: m.end()] if m else text


BROKEN_MIN_LENGTH = 25
_ENDS_MID_SENTENCE = re.compile(rf"[{HAN}A-Za-z0-9“‘（(《]$")
_HAS_CLAUSE = re.compile(r"[，、；,;]")
_CONTINUES = re.compile(rf"^(?:[{HAN}，。、；：！？,.;:!?”’）)》“‘《]|[（(][A-Za-z]|\d+(?:[.．]\d+)?\s*(?:[%％‰]|[个名人万亿元次项家户倍岁](?![、．.])))")
"""What goes on with the sentence above: a character, a mark that ends a clause, a quotation or a title
opened in it (…做好 / “理顺”干部人才的管理机制…), a bracket glossing the word before it in a Latin script
(…需要经过抽取 / (Extraction)、转换(Transform)…), or a figure with its unit or per cent (…占总量的 / 2.26%。…,
…共有 / 138人): a sentence wrapped before its number — never a list's 2. or 2、, nor a year that may open a paragraph."""


def join_broken_lines(lines: list[Line], is_chrome=lambda text: False, starts: frozenset[int] = frozenset()) -> tuple[list[Line], list[Join]]:
    """Join a line that stops mid-sentence to the line after it (text copied from a web page, where
    the browser's wrapping became line breaks at irregular places, or a page whose <br> fell inside a sentence).

    A line goes on below when one of the readers of `goes_on_below` says so; the line below must go on with a
    character or punctuation mark — never a heading, a salutation, a chrome line or a few characters with no
    stop (a name under a title). Short unpunctuated lines are titles and headings: kept.
    A chrome line is never continued either: a page's notice without a full stop ("版权说明：本文档由
    用户提供并上传，…请进行举报或认领") would take the title and byline under it when it is removed.
    """
    widths = wrap_widths([line.text for line in lines])
    stacked = captions_stacked_under_a_headline([line.text for line in lines])
    out: list[Line] = []
    last_number: dict[int, int] = {}
    piece = ""  # the last source line taken into out[-1]: a joined paragraph is measured by its last line
    aside: list[Line] = []  # a page number between two halves of a sentence, with the blank lines around it
    for index, line in enumerate(lines):
        if aside and not line.text:
            aside.append(line)
            continue
        if page_number_inside_a_sentence(lines, index, out):
            while out and not out[-1].text:  # the blank line above it is the page break's, not a paragraph's end
                aside.insert(0, out.pop())
            aside.append(line)
            continue
        headline = out and not any(o.text for o in out[:-1]) and (_HEADLINE.match(out[-1].text) or _OCCASION_TITLE.match(out[-1].text))
        hangs = ends_on_a_word_that_goes_on(piece)
        if out and line.text and line.number not in starts and index - 1 not in stacked \
                and (goes_on_below(out[-1].text, piece, line.text, widths, line.number == out[-1].number) or hangs or clause_of_a_sentence_goes_on(piece, line.text)) \
                and _CONTINUES.match(line.text) \
                and not _STARTS_NEW.match(line.text) and (hangs or not _short_and_open(line.text)) \
                and not SALUTATION_RE.match(line.text) and not phrases_apart(line.text) \
                and not is_chrome(_first_sentence(line.text)) and not is_chrome(out[-1].text) and not headline:
            first = out[-1].number
            out[-1] = Line(number=first, text=out[-1].text + _glue(out[-1].text, line.text) + line.text)
            last_number[first] = line.number
            piece = line.text
            continue
        out.extend(aside)  # set aside only while the sentence goes on: the page number stays where it stood
        aside = []
        out.append(line)
        piece = line.text
    out.extend(aside)
    joins = [Join(first=first, last=last) for first, last in sorted(last_number.items())]
    return out, joins


_PAGE_NUMBER_LINE = re.compile(
    r"^(?:[-—–－─·•\s]*\d{1,4}[-—–－─·•\s]*|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$"
)
"""A page's number on a line of its own: 3, - 3 -, — 3 —, ·3·, 第3页, 第3页共12页, 3/12, Page 3."""
_A_UNIT_AFTER_A_NUMBER = re.compile(r"^[年月日号时点分秒个名人万亿元次项家户倍岁%％]")


def page_number_inside_a_sentence(lines: list[Line], index: int, out: list[Line]) -> bool:
    """A page number on a line of its own (blank lines around it aside) between a line that stops mid-sentence and a
    line that goes on with the sentence: where a document's page ended, not where its paragraph did. The number is set
    aside (kept after the joined paragraph, for the page-number rules to remove and log) and the two halves meet again.
    A number whose unit opens the next line (`3` / `月15日下午，…`) is the sentence's own (`join_numbers_cut_from_their_unit`);
    a line above that ends its sentence (…高度一致。 / 3 / 要健全…) is no half.

    >>> halves = [Line(1, "要坚持把政治标准放在首位，坚决把好政治关，确保各级领导班子始终"), Line(2, "- 3 -"), Line(3, "同党中央保持高度一致。")]
    >>> page_number_inside_a_sentence(halves, 1, halves[:1])
    True
    >>> ended = [Line(1, "确保各级领导班子始终同党中央保持高度一致。"), Line(2, "3"), Line(3, "要健全干部考察机制。")]
    >>> page_number_inside_a_sentence(ended, 1, ended[:1])
    False
    >>> dated = [Line(1, "会议于2024年"), Line(2, "3"), Line(3, "月15日下午召开。")]
    >>> page_number_inside_a_sentence(dated, 1, dated[:1])
    False
    """
    text = lines[index].text.strip()
    if not text or not _PAGE_NUMBER_LINE.match(text):
        return False
    above = next((line.text for line in reversed(out) if line.text), "")
    below = next((line.text for line in lines[index + 1 :] if line.text), "")
    return bool(above and below) and (_broken(above) or ends_on_a_clause_mark(above)) \
        and _CONTINUES.match(below) is not None and not _STARTS_NEW.match(below) and not _A_UNIT_AFTER_A_NUMBER.match(below)


def goes_on_below(text: str, piece: str, below: str, widths: set[int], one_source_line: bool = False) -> bool:
    """Does the paragraph `text` (its last source line `piece`) go on in the line `below`? `one_source_line`: both
    are pieces of one line of the file, parted at a tag (<br>, </p><p>). Each reader is one kind of evidence:

    | reader | looks at | example |
    |---|---|---|
    | `_broken` | a line of some length that holds a clause and stops on a character | `…全县各级党组织认真贯彻落实新时代党的` |
    | `ends_on_a_clause_mark` | a line that stops on a comma or 、: no paragraph ends there | `…推动基层党组织全面进步，` |
    | `at_the_page_width` | a line as wide as the page's other lines cut mid-sentence (`wrap_widths`), over a line no wider | `会议要求各级党组织书记切实扛起第一责任人职责认真履行` |
    | `cut_inside_a_word` | a line that holds a clause (or a piece a tag cut from its line) and stops inside a dictionary word that the line below finishes | `…各级党组织认真贯彻` / `落实新时代…` |

    >>> goes_on_below("王某某指出，要全面加强基层党组织建设，", "王某某指出，要全面加强基层党组织建设，", "推动基层党组织全面进步。", set())
    True
    >>> goes_on_below("一、加强政治建设", "一、加强政治建设", "全县各级党组织要…。", {8})
    False
    """
    return (_broken(text) and not lost_its_stop(piece, below)) or ends_on_a_clause_mark(piece) or at_the_page_width(piece, below, widths) \
        or cut_inside_a_word(piece, below, one_source_line)


def lost_its_stop(text: str, below: str) -> bool:
    """A sentence's line — a comma in it — that stops on a character over a line opening with a person's posts and
    name: the line below starts the report's next sentence, so the line lost its stop; it was not cut (a page that
    breaks its paragraphs by line, one of them without its 。). A line whose only marks are the 、 of a chain of posts
    (a picture's caption, …组织部部长张某某在座谈会上讲话) has no stop to lose: `_broken` reads it as before.

    >>> lost_its_stop("会上，各村党组织书记围绕上半年重点任务推进情况逐一作了述职汇报", "镇党委副书记、镇长王某某通报了上半年党建考核情况。")
    True
    >>> lost_its_stop("县委常委、组织部部长张某某在座谈会上讲话", "镇党委书记李某某，镇党委副书记、镇长王某某参加座谈。")
    False
    """
    return bool(_A_COMMA.search(text)) and opens_with_a_named_person(below)


_A_COMMA = re.compile(r"[，,]")


def opens_with_a_named_person(text: str) -> bool:
    """A line that opens with a person's posts and name (镇党委副书记、镇长某某某通报了…): a sentence's subject, the
    start of a report's next paragraph — a line over it that stops on a character lost its stop, it was not cut.

    >>> opens_with_a_named_person("镇党委副书记、镇长王某某通报了上半年党建考核情况。"), opens_with_a_named_person("落实新时代党的建设总要求。")
    (True, False)
    """
    from .clause import read_actors

    actors = read_actors(text[:NAMED_PERSON_SPAN])
    return bool(actors) and not actors[0].title_after and text.startswith(actors[0].role)


NAMED_PERSON_SPAN = 60
"""How much of a line is read for the person it opens with: posts and a name, with room for a long chain of posts."""


WORD_CUT_MIN = 10
"""A shorter line is a title, a name or a heading, whatever word its end makes with the line below."""


def cut_inside_a_word(text: str, below: str, one_source_line: bool = False) -> bool:
    """A line that stops inside a dictionary word (jieba's, no guessing) that the line below finishes: 贯彻|落实,
    迫不|及待. The line must be a sentence's piece — it holds a clause, or it is a piece a tag (<br>) cut from its
    line — and open nothing (a numbered heading ends where it ends).

    >>> cut_inside_a_word("王某某指出过去一年全县各级党组织认真贯彻", "落实新时代党的建设总要求。", one_source_line=True)
    True
    >>> cut_inside_a_word("王某某指出过去一年全县各级党组织认真贯彻", "落实新时代党的建设总要求。"), cut_inside_a_word("一、加强队伍建设", "设立专项基金。", True)
    (False, False)
    """
    return len(text) >= WORD_CUT_MIN and bool(re.search(rf"[{HAN}]$", text)) and bool(re.match(rf"[{HAN}]", below)) \
        and (one_source_line or bool(_HAS_CLAUSE.search(text)) or _a_sentences_piece_without_a_clause(text, below)) \
        and not _STARTS_NEW.match(text) and _word_across(text[-_WORD_SIDE:], below[:_WORD_SIDE])


NO_CLAUSE_PIECE_MIN = 16
"""A line with no mark in it that a word runs out of must be this long: a heading or a name is shorter, or is one."""


def _a_sentences_piece_without_a_clause(text: str, below: str) -> bool:
    """A long line with no mark in it (全县各级党组织要切实担负起管党治党政治责) over a line that ends the sentence it
    began — a clause mark before the line below's first stop (任，把基层党建各项任务落到实处。): a sentence cut where
    the page broke it, not a heading over its paragraph (a heading's paragraph opens a sentence of its own).

    >>> _a_sentences_piece_without_a_clause("全县各级党组织要切实担负起管党治党政治责", "任，把基层党建各项任务落到实处。")
    True
    >>> _a_sentences_piece_without_a_clause("以高质量党建引领基层治理", "现代化，全面提升。"), _a_sentences_piece_without_a_clause("全县各级党组织要切实担负起管党治党政治责", "任重道远。")
    (False, False)
    """
    first = re.split(r"[。！？!?]", below, maxsplit=1)[0]
    return len(text) >= NO_CLAUSE_PIECE_MIN and not _PROSE_MARK.search(text) and bool(re.search(r"[，、；,;]", first))


_CLAUSE_MARK_END = re.compile(r"[，、,]$")
CLAUSE_LINE_MIN = 6
"""A line ending on a comma with fewer characters (首先， 同志们，) stands alone by design."""


def ends_on_a_clause_mark(text: str) -> bool:
    """A line that stops on a comma or an enumeration comma: the sentence goes on in the next line (a browser or a
    <br> broke it after the mark). A salutation (各位领导，) and a lone opener (首先，) end so by design.

    >>> ends_on_a_clause_mark("要坚持把政治建设摆在首位，持续深化党建引领基层治理，"), ends_on_a_clause_mark("增强“四个意识”、坚定“四个自信”、")
    (True, True)
    >>> ends_on_a_clause_mark("首先，"), ends_on_a_clause_mark("各位领导，"), ends_on_a_clause_mark("会议指出。")
    (False, False, False)
    """
    return len(text) >= CLAUSE_LINE_MIN and bool(_CLAUSE_MARK_END.search(text)) and not SALUTATION_RE.match(text[:-1])


_GOES_ON_WORDS = {"uj": "的", "c": "和与及或并而且", "p": "与把被将对向从在为以跟同", "ul": "了"}
"""Words a phrase cannot end on — 的 of a noun's attribute, a conjunction, a preposition — and 了 inside a sentence."""


def ends_on_a_word_that_goes_on(text: str) -> bool:
    """A line that stops on a word no sentence, heading or title ends on (jieba's tag of its last word, one
    character): the structural 的 (…提升党员队伍的), a conjunction (整体素质和), a preposition (…党的领导与); 了 only in
    a line that holds a clause (…会议学习了: a sentence's piece; 春天来了 may be a headline). Its sentence goes on below
    however short either line is (`join_broken_lines`). A word that ends so (目的, 存在, 对于 as a whole word: a
    line of one) does not count: only the one-character word is read.

    >>> [ends_on_a_word_that_goes_on(t) for t in ("不断提升党员队伍的", "整体素质和", "加强党的领导与", "近日，县委理论中心组集中学习了")]
    [True, True, True, True]
    >>> [ends_on_a_word_that_goes_on(t) for t in ("实现这个目的", "问题依然存在", "春天来了", "把", "全面加强党的建设。")]
    [False, False, False, False, False]
    """
    if len(text) < 2 or not re.search(rf"[{HAN}]{{2}}$", text) or not any(text[-1] in words for words in _GOES_ON_WORDS.values()):
        return False  # the dictionary is asked only about a line that ends on one of these characters
    last = list(tagger().cut(text[-8:]))[-1]
    if len(last.word) != 1 or last.word not in _GOES_ON_WORDS.get(last.flag[:2], ""):
        return False
    return last.flag != "ul" or bool(_HAS_CLAUSE.search(text))


SEMICOLON_CLAUSE_MIN = 15
"""A line ending on ； this long is a clause of a sentence; a shorter one (坚持政治引领；) may be a list's item."""
_SEMICOLON_END = re.compile(r"[；;]$")
_ITEM_MARK = re.compile(r"^[-－—•·●○■□◆◇▲△★☆>»*]")


def clause_of_a_sentence_goes_on(text: str, below: str) -> bool:
    """A line that ends a clause with ； (要持续整顿软弱涣散基层党组织，选优配强村党组织书记；) over another clause of the
    same sentence (要严格落实“三会一课”制度，提高组织生活质量；… ending in 。): a semicolon parts the clauses of one
    sentence, and the page broke the line there. A list's items keep their lines: a line or the one below with an
    item's mark or number (- 党支部书记致辞；, 1. …；), and a terse item shorter than SEMICOLON_CLAUSE_MIN
    (坚持政治引领；) — the line below must itself be a clause (a comma or the sentence's end in it, as long).

    >>> clause_of_a_sentence_goes_on("要持续整顿软弱涣散基层党组织，选优配强村党组织书记；", "要严格落实“三会一课”制度，提高组织生活质量；")
    True
    >>> clause_of_a_sentence_goes_on("- 邀请退休老党员讲述革命故事；", "- 全体党员重温入党誓词。"), clause_of_a_sentence_goes_on("坚持政治引领；", "坚持问题导向；")
    (False, False)
    >>> clause_of_a_sentence_goes_on("要持续整顿软弱涣散基层党组织，选优配强村党组织书记；", "2. 严格落实“三会一课”制度。")
    False
    """
    return len(text) >= SEMICOLON_CLAUSE_MIN and bool(_SEMICOLON_END.search(text)) and len(below) >= SEMICOLON_CLAUSE_MIN \
        and not _ITEM_MARK.match(text) and not _ITEM_MARK.match(below) and not _STARTS_NEW.match(text) and not _STARTS_NEW.match(below) \
        and not re.match(r"^[（(]?[\dA-Za-z]", below) and bool(re.search(r"[，,；;。！？!?]", below))


WIDTH_LINE_MIN = 16
"""A line shorter than this is no evidence of a page's width: headings, names and verse are that short."""
WIDTH_SIBLINGS = 3
"""How many lines of the page must stop mid-sentence at one width (±1) to show the width it was cut at."""


def wrap_widths(texts: list[str]) -> set[int]:
    """The widths at which a page's lines were cut mid-sentence: three or more lines of one width (±1, where a mark
    may not start a line) that stop on a character or a clause mark. A page wrapped only in places (one long
    paragraph among single-line ones, a part of a PDF) shows its width this way when `wrap_width` does not.

    >>> wrap_widths(["会议要求各级党组织书记切实扛起第一责任人职", "责认真履行主体责任，亲自谋划亲自部署亲自推", "动确保各项任务落地见效。", "全县上下要凝心聚力，推动党建工作高质量发展，实现新突破。", "王某某强调要坚持把政治建设摆在首位持续深化党", "建引领基层治理。"])
    {21, 22}
    >>> wrap_widths(["坚持党建引领推动高质量发展", "聚焦主责主业强化政治功能", "强化组织建设夯实基层基础"])
    set()
    """
    counts = Counter(_width(t) for t in texts if len(t) >= WIDTH_LINE_MIN and (_ENDS_MID_SENTENCE.search(t) or _CLAUSE_MARK_END.search(t)))
    return {w for w in counts if counts[w - 1] + counts[w] + counts[w + 1] >= WIDTH_SIBLINGS}


def at_the_page_width(text: str, below: str, widths: set[int]) -> bool:
    """A line cut at one of the page's wrap widths (`wrap_widths`) and stopping mid-sentence, over a line no
    wider than it (the next line of the same paragraph; a heading stands over a paragraph that runs on, and a
    numbered line or a salutation opens something new). Prose has its marks: two lines with not one between
    them are a headline's lines or a title given twice, whatever their width.

    >>> at_the_page_width("会议要求各级党组织书记切实扛起第一责任人职", "责认真履行主体责任。", {21, 22})
    True
    >>> at_the_page_width("会议要求各级党组织书记切实扛起第一责任人职", "责认真履行主体责任，亲自谋划亲自部署亲自推动确保各项任务落地见效。", {21, 22})
    False
    >>> at_the_page_width("坚持实事求是与时俱进艰苦奋斗执政为民", "把干部教育培训工作提高到一个新水平", {17, 18})
    False
    >>> at_the_page_width("一是要提高政治站位。各级党组织要切实把思想", "和行动统一起来。", {21}), at_the_page_width("一、坚持党建引领推动基层治理能力全面提升", "各级党组织要切实把思想和行动统一起来。", {21})
    (True, False)
    """
    width = _width(text)
    return width in widths and _width(below) <= width + 1 and len(text) >= WIDTH_LINE_MIN and bool(_ENDS_MID_SENTENCE.search(text)) \
        and (not _STARTS_NEW.match(text) or bool(_LEAD_THEN_TEXT.search(text))) and bool(_PROSE_MARK.search(text + below))


_PROSE_MARK = re.compile(r"[，。、；：！？,;:!?]")
_LEAD_THEN_TEXT = re.compile(r"^[^。！？!?]{2,40}[。！？!?][^。！？!?]{2,}$")
"""A numbered item's lead ended by its stop, then the item's text (一是要提高政治站位。各级党组织要切实把…, or only its
first word's half: …的“班长”。村支): a paragraph, which a wrap may cut like any other; a numbered heading has no text
after a stop."""


_HEADLINE = re.compile(rf"^[^。！？；]{{2,30}}——[^。！？；，]{{4,50}}$")
"""The text's first line set out as a headline, a phrase, a dash and its subject (力量，在党旗下凝聚——某市2024年
基层党建工作综述): the title, however long its first phrase, not a paragraph's first line."""


SHORT_LINE_MAX = 8
_PHRASES_APART = re.compile(rf"[{HAN}“”‘’]{{3,10}}(?:[ \u3000]+[{HAN}“”‘’]{{3,10}})+")
PHRASES_APART_MAX = 30


def phrases_apart(text: str) -> bool:
    """A line of short phrases set apart by spaces and nothing else, not a mark between them: a slogan (不忘初心 牢记使命,
    凝心聚力 建功新时代), a heading of two phrases, a row of a site's links — set out as a line of its own, never the
    rest of a sentence broken above it (prose parts its clauses with commas, not spaces).

    >>> phrases_apart("不忘初心 牢记使命"), phrases_apart("凝心聚力　建功新时代"), phrases_apart("坚持党建引领 建强战斗堡垒")
    (True, True, True)
    >>> phrases_apart("落实新时代党的建设总要求。"), phrases_apart("中国共 产党"), phrases_apart("基层党组织全面进步")
    (False, False, False)
    """
    return len(text) <= PHRASES_APART_MAX and bool(_PHRASES_APART.fullmatch(text.strip()))




STACK_MIN = 3
"""How many bare phrases in a row make a stack (captions, headlines) rather than one sentence's wrapped lines."""
STACK_LINE_MAX = 40
STACK_SPREAD_MIN = 4
_A_PHRASES_MARK = re.compile(r"[，,。．；;：:！!？?（）()《》“”|｜]")


def stacked_phrases(texts: list[str]) -> set[int]:
    """The indexes of lines in a stack of bare phrases: `STACK_MIN` or more lines in a row, each at most
    `STACK_LINE_MAX` characters with no mark but 、 (no comma, stop, colon, bracket, quote or bar), no heading number, of
    unlike widths (the longest `STACK_SPREAD_MIN` or more past the shortest). A picture block's captions stacked under a
    headline (…主席某某作重要讲话 / …会议在某地召开 / 与会代表…进行讨论交流) are such a stack: each line is whole, and
    none goes on in the line under it, the report's first paragraph included. A sentence wrapped by a browser has a
    comma within three lines; lines wrapped at one width are `at_the_page_width`'s (their widths alike).

    >>> stacked_phrases(["县委书记某某作重要讲话", "全县人才工作会议在某某召开", "与会人员围绕人才引进进行讨论交流", "会议指出，要抓好落实。"])
    {0, 1, 2}
    >>> stacked_phrases(["会议要求各级党组织书记切实扛起第一责任", "人职责认真履行主体责任亲自谋划亲自部署", "亲自推动确保各项任务落地见效取得实效成", "效明显。"])
    set()
    >>> stacked_phrases(["县委书记某某作重要讲话", "会议强调，要抓好落实。", "与会人员进行讨论交流"])
    set()
    """
    bare = [bool(t.strip()) and len(t.strip()) <= STACK_LINE_MAX and not _A_PHRASES_MARK.search(t) and not _STARTS_NEW.match(t.strip())
            for t in texts]
    found: set[int] = set()
    start = 0
    while start < len(texts):
        end = start
        while end < len(texts) and bare[end]:
            end += 1
        widths = [_width(texts[i].strip()) for i in range(start, end)]
        if end - start >= STACK_MIN and max(widths) - min(widths) >= STACK_SPREAD_MIN:
            found.update(range(start, end))
        start = end + 1
    return found


def captions_stacked_under_a_headline(texts: list[str]) -> set[int]:
    """The lines of a stack of bare phrases (`stacked_phrases`) one of which is a line above it again, word for word
    but a deck's dash (the headline's deck `——某某会议在某地召开` over a picture captioned `某某会议在某地召开`): a
    picture block's captions under the headline. None of them goes on in the line under it (`join_broken_lines`), so
    the evidence judges each (`evidence.captions_under_the_headline`) and the report's first paragraph stays its own.
    A stack that repeats nothing is joined as before: a title's lines, or captions a person sees on 待核对 as a join.

    >>> captions_stacked_under_a_headline(["全面加强基层党组织建设", "——全县基层党建工作会议召开", "县委书记某某出席会议并作重要讲话",
    ...     "全县基层党建工作会议召开", "与会代表围绕基层党建工作进行交流讨论", "3月5日，会议召开。"])
    {0, 1, 2, 3, 4}
    >>> captions_stacked_under_a_headline(["全面加强基层党组织建设", "县委书记某某出席会议并作重要讲话", "与会代表围绕基层党建工作进行交流讨论", "3月5日，会议召开。"])
    set()
    """
    stack = stacked_phrases(texts)
    bare = lambda text: re.sub(r"^[\s—\-－─]+", "", text).strip()  # noqa: E731
    found: set[int] = set()
    for i in sorted(stack):
        if i - 1 in stack:
            continue  # not the first line of its run
        run = [i]
        while run[-1] + 1 in stack:
            run.append(run[-1] + 1)
        said = [bare(texts[j]) for j in range(run[-1] + 1)]
        if any(said[j] and said[j] in said[:j] for j in run):
            found.update(run)
    return found


def _short_and_open(text: str) -> bool:
    """A few characters with no stop (习近平 under a title, 组织部 under a line): no piece of a wrapped paragraph,
    whose middle lines are long and whose last piece ends the sentence."""
    return len(text) <= SHORT_LINE_MAX and not _ENDS_SENTENCE.search(text)


def _broken(text: str) -> bool:
    """A line cut mid-sentence, its sentence to go on below. A heading is never continued, but an item whose head
    ended with a stop and whose paragraph runs on after it is text like any other (2、强化理论学习。深入学习…，制 /
    定《学习计划》…).

    >>> _broken("2、强化政治理论学习。深入学习贯彻党的创新理论，跟进学习重要讲话精神，制"), _broken("二、坚持党建引领，推动基层治理能力全面提升")
    (True, False)

    A caption's line ends with its credit, not mid-sentence:

    >>> _broken("某县组织青年党员干部参观县纪法教育基地，督促干部自觉筑牢思想防线。张某某/摄")
    False
    """
    return len(text) >= BROKEN_MIN_LENGTH and bool(_ENDS_MID_SENTENCE.search(text)) and bool(_HAS_CLAUSE.search(text)) \
        and (not _STARTS_NEW.match(text) or bool(_HEAD_THEN_TEXT.search(text))) and not _CREDIT_AFTER_THE_STOP.search(text)


_CREDIT_AFTER_THE_STOP = re.compile(rf"[。！？!?][^。！？!?，,；;]{{1,12}}[/／][{HAN}]{{1,2}}$")
"""A caption's credit after its sentence (…筑牢思想防线。张某某/摄): the line is whole; what follows is not its sentence
(a run-in head under a photo: 强大的震慑感召，引导…。)."""


_HEAD_THEN_TEXT = re.compile(rf"^[^。！？!?]{{2,40}}[。！？!?][^。！？!?]*[，、；,;][^。！？!?]*$")
"""An item's head ended by its stop, then one sentence of its paragraph with a clause in it, still open."""


def _glue(left: str, right: str) -> str:
    """Latin words cut by the wrap need their space back; Chinese never had one."""
    return " " if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum() else ""


# --- a heading broken by a hard wrap -----------------------------------------------------------

_HEADING_NUMBER = re.compile(rf"^(?:{_CN_NUM}、|[（(]{_CN_NUM}[）)]|第{_CN_NUM}[，,、])")
BROKEN_HEADING_MIN = 8
_CARRIED = re.compile(rf"^[{HAN}]{{1,8}}[”’）)]?$")
"""What a wrap carries to the next line: a few characters, nothing else."""


def join_broken_headings(lines: list[Line], is_chrome=lambda text: False, starts: frozenset[int] = frozenset()) -> tuple[list[Line], list[Join]]:
    """Join a numbered heading cut by a hard wrap to the few characters carried to the next line
    ("二、切实增强做好新时代人才工作的责任感和紧" / "迫感"), before headings are looked for: the
    carried part is no paragraph, and the heading is only whole with it.

    The first line opens with a heading number and has no stop; the second is a few characters and
    nothing else (no number, no stop, no salutation, nothing a rule takes: 某某范文网).
    """
    out: list[Line] = []
    joins: list[Join] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        rest = lines[index + 1] if index + 1 < len(lines) else None
        if (
            rest is not None and rest.text and rest.number not in starts
            and _HEADING_NUMBER.match(line.text) and len(line.text) >= BROKEN_HEADING_MIN
            and not re.search(r"[。！？；;：:!?]", line.text)
            and _CARRIED.match(rest.text) and not _STARTS_NEW.match(rest.text) and not SALUTATION_RE.match(rest.text)
            and not is_chrome(rest.text)
        ):
            out.append(Line(number=line.number, text=line.text + rest.text))
            joins.append(Join(first=line.number, last=rest.number))
            index += 2
            continue
        out.append(line)
        index += 1
    return out, joins


_A_PARTS_NUMBER = re.compile(r"^(?:第\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*(?:部分|章|篇|编)|(?:Part|PART|Chapter|CHAPTER)\s*(?:\d{1,2}|[IVX]{1,5}))$")
PARTS_NAME_MAX = 30


def join_a_parts_number_to_its_name(lines: list[Line], is_chrome=lambda text: False) -> tuple[list[Line], list[Join]]:
    """A part's number alone on its line (`第一部分`, `第3章`, `Part 2`), its name on the next (a report sets
    them on two centred lines, a blank one between at most): one heading, joined with a wide space
    (`第一部分　总体情况`) so the outline shows the part by its name. The name is short, has no stop, opens
    with no number of its own and is nothing a rule takes; a paragraph under a bare number is left alone.

    >>> join_a_parts_number_to_its_name([Line(1, "第一部分"), Line(2, ""), Line(3, "总体情况"), Line(4, "全市…。")])[0][0].text
    '第一部分　总体情况'
    >>> [l.text for l in join_a_parts_number_to_its_name([Line(1, "第二章"), Line(2, "过去一年，全县各级党组织扎实推进各项工作。")])[0]]
    ['第二章', '过去一年，全县各级党组织扎实推进各项工作。']
    >>> [l.text for l in join_a_parts_number_to_its_name([Line(1, "第一部分"), Line(2, "一、总体要求")])[0]]
    ['第一部分', '一、总体要求']
    """
    out: list[Line] = []
    joins: list[Join] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        after = index + 1
        if after < len(lines) and not lines[after].text.strip():
            after += 1
        name = lines[after] if after < len(lines) and _A_PARTS_NUMBER.match(line.text.strip()) else None
        text = name.text.strip() if name else ""
        if (name is not None and text and len(text) <= PARTS_NAME_MAX and re.search(f"[{HAN}]", text)
                and not re.search(r"[。！？；;，,：:!?]", text) and not _STARTS_NEW.match(text) and not _A_PARTS_NUMBER.match(text)
                and not SALUTATION_RE.match(text) and not is_chrome(text)):
            out.append(Line(number=line.number, text=line.text.strip() + "\u3000" + text))
            joins.append(Join(first=line.number, last=name.number))
            index = after + 1
            continue
        out.append(line)
        index += 1
    return out, joins


# --- a word cut by a paragraph break -----------------------------------------------------------

_WORD_SIDE = 4
"""Characters looked at on each side of the break."""


def join_split_words(lines: list[Line], is_chrome=lambda text: False, starts: frozenset[int] = frozenset()) -> tuple[list[Line], list[Join]]:
    """Join a paragraph that stops in the middle of a word — or on a comma — to the paragraph after it (a Word file
    where Enter was pressed inside a sentence: "…没等倒计时结束就迫不" / "及待地按下了抢答器。", "…全面从严治党，" /
    "推动基层党组织全面进步。").

    Only a paragraph of some length that holds a clause and ends on a Chinese character is continued,
    only by the next paragraph (one blank line between) that goes on with a Chinese character and
    opens nothing new (no number, no salutation, no chrome), and only when a dictionary word runs
    across the break (迫不|及待) or its last word is one of grammar that needs more (…工作的 / 责任感…:
    `ends_on_a_word_that_takes_more`): a paragraph that merely lacks its full stop keeps its break. A paragraph
    ending on a comma or 、 (`ends_on_a_clause_mark`) ends no sentence: it goes on below too.
    """
    lines = list(lines)
    out: list[Line] = []
    last_number: dict[int, int] = {}
    index = 0
    while index < len(lines):
        line = lines[index]
        blank = lines[index + 1] if index + 1 < len(lines) else None
        rest = lines[index + 2] if index + 2 < len(lines) else None
        if (
            rest is not None and not blank.text and rest.text and rest.number not in starts
            and re.match(rf"[{HAN}]", rest.text) and not _STARTS_NEW.match(rest.text) and not SALUTATION_RE.match(rest.text)
            and not is_chrome(rest.text) and not is_chrome(line.text)
            and (ends_on_a_clause_mark(line.text) or _broken(line.text) and re.search(rf"[{HAN}]$", line.text)
                 and _word_across(line.text[-_WORD_SIDE:], rest.text[:_WORD_SIDE])
                 or len(line.text) >= WORD_CUT_MIN and not _STARTS_NEW.match(line.text) and ends_on_a_word_that_takes_more(line.text))
        ):
            # the joined paragraph may stop inside a word again: it is looked at once more
            lines[index : index + 3] = [Line(number=line.number, text=line.text + rest.text)]
            last_number[line.number] = rest.number
            continue
        out.append(line)
        index += 1
    return out, [Join(first=first, last=last) for first, last in sorted(last_number.items())]


TAKES_MORE = frozenset("以及 并且 而且 或者 关于 对于 通过 按照 围绕 根据 为了 随着".split())
"""Words of two characters no sentence ends on, a conjunction or a preposition: what they join or govern comes after
them (the one-character ones — 的, 和, 与, 把 … — are `ends_on_a_word_that_goes_on`'s)."""


def ends_on_a_word_that_takes_more(text: str) -> bool:
    """A paragraph whose last word is one of grammar that needs what follows (…增强做好组织工作的 / …与, …通过): its
    sentence goes on in the next paragraph, Enter was pressed inside it — sure, where a paragraph that stops on a noun
    or a verb (…取得了明显成效, …持续推动) may only have lost its stop and keeps its break. The one-character words are
    read as `ends_on_a_word_that_goes_on` reads a line, but 了 (a paragraph may end its sentence on it, its stop lost);
    the dictionary is asked only when the paragraph ends on one of these words' last characters.

    >>> [ends_on_a_word_that_takes_more(t) for t in ("要进一步增强做好新形势下组织工作的", "坚持把党的政治建设与", "切实履行管党治党责任，通过",
    ...                                                "取得了明显成效", "持续推动", "这是我们的目的", "各项任务都已经完成了")]
    [True, True, True, False, False, False, False]
    """
    if text.endswith("了"):
        return False
    if ends_on_a_word_that_goes_on(text):
        return True
    if not any(text.endswith(word) for word in TAKES_MORE):
        return False
    words = list(tokenizer().cut(text[-12:], HMM=False))
    return bool(words) and words[-1] in TAKES_MORE


def _word_across(left: str, right: str) -> bool:
    """Does a dictionary word (jieba's, no guessing) run across the place where `left` meets `right`?"""
    at, start = len(left), 0
    for word in tokenizer().cut(left + right, HMM=False):
        if start < at < start + len(word):
            return True
        start += len(word)
    return False


# --- a number a wrap left alone, its unit on the next line ---------------------------------------

_LONE_NUMBER = re.compile(r"^\d{1,4}$")
_UNIT_OPENS = re.compile(r"^(年|月|日|号)(?!\d)|^(月)(?=\d)")


def join_numbers_cut_from_their_unit(lines: list[Line]) -> tuple[list[Line], list[Join]]:
    """Join a number standing alone on its line to the date unit that opens the next (`3` / `月15日下午，机关党委召开…`,
    `2024` / `年，我们…`): a wrap cut the date there, and the lone digit would go as a page number, the lead's
    month with it. The number must fit its unit (a year of four digits, a month up to 12, a day up to 31); a lone
    number over anything else (`3` / `一、加强学习`) stays a page number for the rules.

    >>> [line.text for line in join_numbers_cut_from_their_unit([Line(1, "3"), Line(2, "月15日下午，召开例会。")])[0]]
    ['3月15日下午，召开例会。']
    >>> [line.text for line in join_numbers_cut_from_their_unit([Line(1, "3"), Line(2, "一、加强学习")])[0]]
    ['3', '一、加强学习']
    >>> [line.text for line in join_numbers_cut_from_their_unit([Line(1, "15"), Line(2, "月，我们召开会议。")])[0]]
    ['15', '月，我们召开会议。']
    """
    out: list[Line] = []
    joins: list[Join] = []
    for line in lines:
        previous = next((o for o in reversed(out) if o.text), None)
        unit = _UNIT_OPENS.match(line.text)
        if previous is not None and unit and _LONE_NUMBER.match(previous.text.strip()) and _fits(int(previous.text), unit.group(1) or unit.group(2)):
            while out[-1] is not previous:
                out.pop()  # blank lines between the two halves
            out[-1] = Line(number=previous.number, text=previous.text.strip() + line.text)
            joins.append(Join(first=previous.number, last=line.number))
            continue
        out.append(line)
    return out, joins


def _fits(number: int, unit: str) -> bool:
    """Can `number` be a date's `unit`: a year 1900–2099, a month 1–12, a day 1–31."""
    return 1900 <= number <= 2099 if unit == "年" else 1 <= number <= 12 if unit == "月" else 1 <= number <= 31
