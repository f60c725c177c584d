"""Stage 3 — parse: split a cleaned speech into header metadata and a tree of sections.

Heading styles are recognised by their numbering (一、 （一） 1. （1） 第一， 一是/一要) and by run-in series
(consecutive paragraphs that open with a short lead sentence starting alike: 要…。 强化…。). Levels come
from nesting, not from a fixed table: a style is a child of whichever higher-ranked style is open, so
a speech that starts with 第一， gets it at level 1 and one that nests （一） under 一、 gets level 2.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .clean import HAN, SALUTATION_RE
from .model import HeaderLine, Line, Paragraph, Section

MAX_LEVEL = 3
CN_DIGITS = "一二三四五六七八九十"
_CN = f"[{CN_DIGITS}]{{1,3}}"

HEADING_STYLES: list[tuple[str, int, re.Pattern]] = [
    ("part", 0, re.compile(rf"^(第({_CN})部分)[，,、：:]?")),
    ("cn-dun", 1, re.compile(rf"^(({_CN})[、．])")),
    ("cn-paren", 2, re.compile(rf"^([（(]({_CN})[）)])[、，]?")),
    ("arabic", 3, re.compile(r"^((\d{1,2})(?:[、．]|\.(?!\d)))")),
    ("arabic-paren", 4, re.compile(r"^([（(](\d{1,2})[）)])")),
    ("cn-ordinal", 5, re.compile(rf"^(第({_CN})[，,、：:])")),
    ("cn-runin", 6, re.compile(rf"^(({_CN})(?:是|要))")),
]
SERIES_STYLE, SERIES_RANK = "series", 7
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


@dataclass
class ParsedSpeech:
    header: ParsedHeader
    sections: list[Section]
    structured: bool
    """False when no heading was found (the body is one section)."""


# --- numbers and dates -------------------------------------------------------------------------


def cn_to_int(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 九十九 → 99; None for anything else."""
    values = {c: i for i, c in enumerate(CN_DIGITS[:9], 1)}
    if not text or any(c not in CN_DIGITS for c in text):
        return None
    if "十" not in text:
        return values[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    return (values[tens] if tens else 1) * 10 + (values[ones] if ones else 0)


def int_to_cn(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (for 1–99; larger numbers stay in Arabic digits)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    digits = " 一二三四五六七八九"
    return ((digits[tens] if tens > 1 else "") + "十" if tens else "") + (digits[ones] if ones else "")


_CN_YEAR_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0", "O": "0"}
DATE_PATTERNS = [
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
    re.compile(r"(?<!\d)(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})(?!\d)"),
    re.compile(r"([〇○零Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日"),
]
YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


def find_date(text: str) -> tuple[str, re.Match] | None:
    """The first valid calendar date written in `text`, as ISO text, with its match."""
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            y, m, d = match.groups()
            if not y.isdigit():
                y = "".join(_CN_YEAR_DIGITS.get(c, "?") for c in y)
                m, d = str(cn_to_int(m) or 0), str(cn_to_int(d) or 0)
            try:
                return dt.date(int(y), int(m), int(d)).isoformat(), match
            except ValueError:
                continue
    return None


# --- header ------------------------------------------------------------------------------------

PLACEHOLDER_NAME = re.compile(rf"^[{HAN}]?[Xx×＊*某]{{1,4}}$|^[{HAN}]?[Xx×＊*]{{1,3}}[{HAN}]?$")
NAME_RE = re.compile(rf"^[{HAN}]{{2,4}}$")
ROLE_WORDS = "书记|副书记|部长|副部长|主任|市长|区长|县长|州长|省长|主席|常委|委员|局长|秘书长|组长|乡长|镇长"
ROLE_NAME_RE = re.compile(rf"^(.{{1,24}}?(?:{ROLE_WORDS}))[ 　]*([{HAN}]{{2,4}}|[Xx×＊*某]{{1,3}}|[{HAN}][Xx×＊*]{{1,3}})$")
NOT_A_NAME = re.compile("讲话|会议|工作|建设|报告|发言|材料|同志|领导|组织|党|之一|提供|保障|要求")
SUBTITLE_RE = re.compile(r"^(?:——|──|--|－－|—)\s*(.+)$")
KICKER_RE = re.compile(rf"材料之[{CN_DIGITS}]+|^附件\s*\d*$|^(学习|会议)材料|(讲话|会议|学习|交流|发言)材料$")
OCCASION_RE = re.compile(r"在(.{2,40}?)(?:上|中)的(?:讲话|报告|工作报告|总结讲话|讲话提纲|发言|致辞|主持词|动员讲话|党课)")
OPENING_OCCASION_RE = re.compile(r"召开(?:了)?(?:这次|今天的|本次|这个)?([^，。；、“”]{2,24}?(?:会议|大会|座谈会|推进会|培训班))")
LEVEL_RE = re.compile(r"全(省|市|州|区|县|旗|乡|镇)")


def parse_header(lines: list[Line]) -> ParsedHeader:
    """Read title, subtitle, date and speaker from the lines above the salutation."""
    header: list[HeaderLine] = []
    date = year = speaker = role = None
    for line in lines:
        text = line.text
        compact = re.sub(r"\s+", "", text)
        found = find_date(compact)
        if found and len(re.sub(r"[（）()\[\]【】\s]", "", compact.replace(found[1].group(0), ""))) <= 4:
            date, year = found[0], int(found[0][:4])
            header.append(HeaderLine(line.number, text, "date"))
            continue
        sub = SUBTITLE_RE.match(text)
        if sub or KICKER_RE.search(text):
            header.append(HeaderLine(line.number, text, "subtitle"))
            continue
        stripped = compact.strip("（）()【】[]")
        role_name = ROLE_NAME_RE.match(stripped)
        spaced_name = " " in text.strip() and NAME_RE.match(stripped)
        if PLACEHOLDER_NAME.match(stripped):
            header.append(HeaderLine(line.number, text, "speaker"))
            continue
        if spaced_name or (NAME_RE.match(stripped) and not NOT_A_NAME.search(stripped)):
            speaker = stripped
            header.append(HeaderLine(line.number, text, "speaker"))
            continue
        if role_name and not NOT_A_NAME.search(role_name.group(2)):
            role = role_name.group(1)
            name = role_name.group(2)
            speaker = None if PLACEHOLDER_NAME.match(name) else name
            header.append(HeaderLine(line.number, text, "speaker"))
            continue
        header.append(HeaderLine(line.number, text, "title"))

    title_lines = [h.text for h in header if h.role == "title"]
    subtitles = [SUBTITLE_RE.sub(r"\1", h.text).strip() for h in header if h.role == "subtitle"]
    title = " ".join(title_lines) or None
    for text in (title, *subtitles):
        m = YEAR_RE.search(text or "")
        if year is None and m:
            year = int(m.group(1))
    return ParsedHeader(
        lines=header,
        title=title,
        subtitle="；".join(subtitles) or None,
        date=date,
        year=year,
        speaker=speaker,
        speaker_role=role,
    )


def find_occasion(title: str | None, subtitle: str | None, opening: str) -> str | None:
    for text in (title, subtitle):
        if text:
            m = OCCASION_RE.search(text)
            if m:
                return re.sub(r"^(?:19|20)\d{2}年(?:度)?", "", m.group(1)) or None
    m = OPENING_OCCASION_RE.search(opening[:300])
    return m.group(1) if m else None


def find_level(*texts: str | None) -> str | None:
    for text in texts:
        if text:
            m = LEVEL_RE.search(text)
            if m:
                return m.group(1)
    return None


YEAR_IN_HEADING_RE = re.compile(r"((?:19|20)\d{2})年.{0,16}(?:工作|任务|安排|思路|打算|要点)")
YEAR_IN_OPENING_RE = re.compile(r"(?:^|[。，])((?:19|20)\d{2})年是")


def infer_year(sections: list[Section]) -> tuple[int | None, str | None]:
    """A year for a speech whose header has none: `2020年组织工作重点任务` headings, `2020年是…` openings."""
    years = [int(m.group(1)) for s in sections if s.level == 1 for m in YEAR_IN_HEADING_RE.finditer(s.heading)]
    if years:
        return max(years), "headings"
    for section in sections:
        if section.kind == "opening":
            for p in section.paragraphs:
                m = YEAR_IN_OPENING_RE.search(p.text)
                if m:
                    return int(m.group(1)), "opening"
    return None, None


# --- body ----------------------------------------------------------------------------------------


def split_header_and_body(lines: list[Line]) -> tuple[list[Line], list[Block]]:
    """Header lines are those above the salutation (or, without one, the short lines on top)."""
    content = [line for line in lines if line.text]
    salutation = next((i for i, line in enumerate(content) if SALUTATION_RE.match(line.text)), None)
    if salutation is not None and salutation <= 12:
        head, body = content[:salutation], content[salutation:]
    else:
        cut = 0
        while cut < len(content) and cut < 8 and _looks_like_header(content[cut].text):
            cut += 1
        if cut == len(content):
            cut = min(1, len(content))
        head, body = content[:cut], content[cut:]
    return head, [Block(line.number, line.text) for line in body]


def _looks_like_header(text: str) -> bool:
    return len(text) <= 50 and not _LEAD_END.search(text[:-1] if text.endswith("。") else text) and detect_numbered(text) is None


def detect_numbered(text: str) -> HeadingCandidate | None:
    for style, rank, pattern in HEADING_STYLES:
        m = pattern.match(text)
        if not m:
            continue
        number = cn_to_int(m.group(2)) if not m.group(2).isdigit() else int(m.group(2))
        if not number:
            continue
        label = m.group(1)
        heading, rest = split_lead(text, len(m.group(0)))
        if heading is None:
            continue
        return HeadingCandidate(style, rank, number, label, heading, rest)
    return None


def split_lead(text: str, start: int) -> tuple[str | None, str]:
    """Split a paragraph into (heading, rest) at the end of its lead sentence."""
    m = _LEAD_END.search(text, start)
    if not m:
        return (text, "") if len(text) <= MAX_STANDALONE_HEADING else (None, text)
    end = m.end()
    while end < len(text) and text[end] in "”’）)":
        end += 1
    if end - 0 > MAX_LEAD:
        soft = _LEAD_SOFT_END.search(text, start)
        if soft and soft.end() <= MAX_LEAD and soft.end() - start >= 4:
            end = soft.end()
    return text[:end], text[end:]


def series_candidate(text: str) -> HeadingCandidate | None:
    """A paragraph that opens with a short lead sentence, such as 要绝对忠诚。 or 强化政治引领提升凝聚力。"""
    m = _LEAD_END.search(text)
    if not m or m.group() != "。":
        return None
    lead = text[: m.end()]
    if not (5 <= len(lead) <= SERIES_MAX_LEAD) or re.search(r"[，,；;：:“”]", lead):
        return None
    if not re.match(rf"[{HAN}]", lead):
        return None
    return HeadingCandidate(SERIES_STYLE, SERIES_RANK, None, "", lead, text[m.end():])


def find_headings(blocks: list[Block]) -> list[tuple[HeadingCandidate, int] | None]:
    """For each block: (heading, level) when it opens a section, else None."""
    candidates: list[HeadingCandidate | None] = [detect_numbered(b.text) for b in blocks]
    _mark_series(blocks, candidates)

    result: list[tuple[HeadingCandidate, int] | None] = [None] * len(blocks)
    stack: list[tuple[int, int]] = []  # (rank, block index) of the open headings
    last_number: dict[tuple[int, str], int] = {}
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
            previous = last_number.get((parent, cand.style))
            continues = previous is not None and cand.number == previous + 1
            starts = cand.number == 1 and (cand.style not in RUN_IN_STYLES or _series_goes_on(candidates, i))
            if not (continues or starts):
                continue
            last_number[(parent, cand.style)] = cand.number
        stack = stack[:depth] + [(cand.rank, i)]
        result[i] = (cand, depth + 1)
    return result


def _series_goes_on(candidates: list[HeadingCandidate | None], start: int) -> bool:
    """Is there a №2 of the same style before the enclosing heading level closes?"""
    first = candidates[start]
    for cand in candidates[start + 1 :]:
        if cand is None:
            continue
        if cand.style == first.style:
            return cand.number == 2
        if cand.rank < first.rank:
            return False
    return False


def _mark_series(blocks: list[Block], candidates: list[HeadingCandidate | None]) -> None:
    """Turn runs of ≥2 consecutive unnumbered paragraphs with short, alike leads into headings."""
    run: list[int] = []

    def close_run():
        # A heading series opens paragraphs (要绝对忠诚。这是…); a run of bare short sentences is a list.
        run_in = sum(1 for j in run if series[j].rest.strip())
        if 2 <= len(run) <= SERIES_MAX_ITEMS and run_in * 2 >= len(run):
            for j in run:
                candidates[j] = series[j]
        run.clear()

    series = {}
    for i, block in enumerate(blocks):
        cand = None if candidates[i] is not None else series_candidate(block.text)
        if cand is None:
            close_run()
            continue
        if run and blocks[run[0]].text[0] != block.text[0]:
            close_run()
        series[i] = cand
        run.append(i)
    close_run()


def build_sections(blocks: list[Block]) -> tuple[list[Section], bool]:
    """Arrange body blocks into opening, numbered sections (≤ 3 levels) and closing remarks."""
    headings = find_headings(blocks)
    counter = iter(range(1, 10**9))
    opening = Section(id="opening", level=1, heading="", line=blocks[0].line if blocks else 0, kind="opening")
    top: list[Section] = []
    path: list[Section] = []
    current = opening

    def add_paragraph(section: Section, block: Block, text: str) -> None:
        n = next(counter)
        kind = "salutation" if section.kind == "opening" and not section.paragraphs and SALUTATION_RE.match(text) else "text"
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
    """Move the final `同志们，…` paragraph out of the last section into closing remarks."""
    last = top[-1] if top else opening
    while last.children:
        last = last.children[-1]
    if not last.paragraphs:
        return None
    final = last.paragraphs[-1]
    if not CLOSING_RE.match(final.text):
        return None
    if last is opening and sum(p.kind != "salutation" for p in opening.paragraphs) < 2:
        return None
    last.paragraphs.pop()
    return Section(id="closing", level=1, heading="", line=final.line, kind="closing", paragraphs=[final])


def parse(lines: list[Line]) -> ParsedSpeech:
    head, blocks = split_header_and_body(lines)
    header = parse_header(head)
    sections, structured = build_sections(blocks)
    return ParsedSpeech(header=header, sections=sections, structured=structured)


def derive_title(sections: list[Section], occasion: str | None) -> str:
    """A sensible title for a speech whose text has none — never the salutation."""
    if occasion:
        return f"在{occasion}上的讲话"
    top = [s for s in sections if s.kind == "body" and s.heading]
    if top:
        first = top[0].title.rstrip("。；，：")
        first = first[:30] + ("…" if len(first) > 30 else "")
        return f"关于“{first}”等{int_to_cn(len(top))}个方面的讲话" if len(top) > 1 else f"关于“{first}”的讲话"
    for section in sections:
        for p in section.paragraphs:
            if p.kind != "salutation" and p.text:
                sentence = re.split(r"[。！？]", p.text)[0]
                return f"讲话：{sentence[:24]}{'…' if len(sentence) > 24 else ''}"
    return "无标题讲话"
