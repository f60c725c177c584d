"""Stage 2 — clean: drop boilerplate lines and normalise what is safe to normalise.

Nothing is dropped silently: every removed line is returned with its line number and the rule that
matched, and every normalisation is counted. Characters that survive are never reordered.
"""

from __future__ import annotations

import functools
import html
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from ..config import BoilerplateConfig, BoilerplateRule
from .layout import (
    _STARTS_NEW, REPORT_OPENING, SALUTATION_RE, _broken, join_a_parts_number_to_its_name, join_broken_headings, join_broken_lines, join_hard_wraps, join_numbers_cut_from_their_unit, join_page_chunks, join_split_words,
    split_at_announced_heads, split_collapsed, split_dumped_paragraphs, split_first_point_off_its_opening,
)
from ..model import CleanText, DoubtfulLine, Join, Line, RemovedLine, Split
from . import gongwen
from .capture import CAPTURE_RULE, read_capture_header
from .contents import entry_of
from .marks import spelled_out_marks, toneless_pinyin, words_cut_by_spaces
from .evidence import CHROME_AT, DOUBT_AT, LABEL_MAX, LIST_LINE_MAX, LineContext, as_read_in_a_document, garbled, has_interface_words, judge, judge_lines, reads_like_title, title_in_a_listing, verdict_by_origin
from ..text import CJK_PUNCT, COMPATIBILITY_FORMS, FORMAT_CHARACTERS, HAN, HAN_CHAR, cn_to_int, unified_ideograph

log = logging.getLogger(__name__)

VERDICT_WORDS = {"chrome": "删除", "doubtful": "待核对", "speech": "正文"}
"""A line's verdict as the build's log names it."""

_CJK = f"[{HAN}{CJK_PUNCT}]"

PROSE_MIN_LENGTH = 40
_SENTENCE_END = re.compile(r"[。！？；]")

_LINE_BREAK = LINE_BREAK = re.compile(r"\r\n|\r|\n")
"""How a text parts into the numbered lines every line number names (LINE_BREAK: for counting them elsewhere)."""
_CONTROL = re.compile(f"[{FORMAT_CHARACTERS}]")
_FULLWIDTH_ALNUM = re.compile("[０-９Ａ-Ｚａ-ｚ]")
_WHITESPACE = re.compile(r"[ \t\u00a0\u3000]+")
_SPACE_NEAR_PUNCT = re.compile(rf"[ ]+(?=[{CJK_PUNCT}])|(?<=[{CJK_PUNCT}])[ ]+")
_HALFWIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_HALFWIDTH_PUNCT = re.compile(
    rf"(?<=[{HAN}{CJK_PUNCT}])[,;:?!]|[,;:?!](?=[{HAN}])"
)
_LOST_INDENT_AT_START = re.compile(r"^\?{2,}\s*|^[?？](?=[\u4e00-\u9fff])")
"""…and one question mark right before the first character of a line: no sentence opens with one."""
_BROKEN_NUMBER_MARK = re.compile(r"^([一二三四五六七八九十]{1,3}|\d{1,2})(?:[，,.．、]\s*、|、\s*[，,.．])(?=\s*[\u4e00-\u9fff“])")
"""一，、 一、、 一.、 1.、 一、， at a line's start: a heading number's 、 with a stray mark beside it."""
_LOST_INDENT_INSIDE = re.compile(r"\s+\?{3,}\s+")
_PAREN = re.compile(rf"\(([^()]*[{HAN}][^()]*)\)")
_ASCII_QUOTES = re.compile(rf'"([^"]*[{HAN}][^"]*)"')


def clean(
    text: str, rules: BoilerplateConfig, keep_lines: set[int] = frozenset(), drop_lines: set[int] = frozenset(),
    elsewhere: Callable[[str], int] = lambda line: 0, heading_lines: set[int] = frozenset(), from_document: bool = False,
    paragraph_lines: frozenset[int] = frozenset(), table_lines: frozenset[int] = frozenset(),
) -> CleanText:
    """Split `text` into numbered lines, repair the layout, remove boilerplate and normalise the rest.

    `keep_lines` and `drop_lines` (source line numbers, from speeches.yaml) overrule the rules;
    `elsewhere(line)` says how many other files of the corpus have the line at their edges.
    `heading_lines` (speeches.yaml's, often written by kb add from a document's styles or type) are
    the text's own heads: never doubtful, though a run of short heads looks like captions under pictures.
    The rules may still remove such a line (kb add marks an in-page 目录's lines too, which go).
    `paragraph_lines` (speeches.yaml's) start a paragraph: no join takes such a line into the one above it (the
    curator's way out of a wrong join).
    `from_document`: the text was converted from a Word or PDF document, where evidence only a web page
    gives sends a line to 待核对 instead of removing it (evidence.verdict_by_origin).
    `table_lines` (speeches.yaml's, written by kb add from a Word file's tables) are the document's own table:
    body unless clearly otherwise (read_in_a_table) — a field label repeated down a form is no running head, a
    column's serial numbers no page counter, a cell's web address no watermark.
    """
    counts: Counter[str] = Counter()
    protected = frozenset(keep_lines) | frozenset(table_lines)
    """Lines no structural step takes anything off: the curator's keep_lines and the document's table."""
    lines = []
    indent_splits: list[Split] = []
    bold_lines: list[int] = []
    markdown_headings: dict[int, int] = {}
    forum_post = is_a_forum_post(text)
    for number, raw in enumerate(_LINE_BREAK.split(text), 1):
        raw, n = _CONTROL.subn("", raw)
        counts["control-characters"] += n
        # A block's tag inside a line (…。</p><p>二、…, …<br/>…) is where the page parted its paragraphs: the line
        # is parted there as a line break would part it (logged as a split); what runs on mid-sentence is joined
        # again below like any broken line.
        if forum_post:
            raw, n = forum_markup_inline(raw)
            counts["forum-markup"] += n
        parts = [part for part in _BLOCK_TAG.split(raw) if part.strip()]
        counts["html-markup"] += len(_BLOCK_TAG.findall(raw))
        if forum_post:
            # A forum's block tags ([align=left] … [/align], [p=…]) part the post's paragraphs as </p><p> does.
            parts = [piece for part in parts for piece in _BBCODE_BLOCK.split(part) if piece.strip()]
            counts["forum-markup"] += len(_BBCODE_BLOCK.findall(raw))
        counts["markup-breaks"] += max(0, len(parts) - 1)
        pieces = []
        if len(parts) == 1 and wholly_bold(parts[0]):
            bold_lines.append(number)
        if len(parts) == 1 and (hashes := _MARKDOWN_HEADING.match(parts[0])):
            markdown_headings[number] = hashes.group().count("#")
        for part in parts or [""]:
            pieces.extend(_read_piece(part, counts))
        if len(pieces) > 1:
            indent_splits.append(Split(line=number, pieces=len(pieces)))
        lines.extend(Line(number=number, text=piece) for piece in pieces)
    lines = without_cut_off_bold(lines, bold_lines, counts)
    lines = without_the_filler_left_alone(lines, counts)
    # Traditional script is converted first, so that every rule and mechanism below (salutations,
    # chrome such as 時間：/導語：/目錄, headings) sees the one script it is written for.
    if is_traditional("".join(line.text for line in lines)):
        converted_lines = []
        for line in lines:
            converted = to_simplified(line.text)
            counts["traditional-to-simplified"] += sum(a != b for a, b in zip(line.text, converted))
            converted_lines.append(Line(number=line.number, text=converted))
        lines = converted_lines
    # Some sites scatter pictographs through the text to spoil copying ("南🐤岭县", "大家⛦🜧都有"):
    # between two Chinese characters they are never the speech's, and left in they would make a
    # heading look like a contact line (👈) to the rules.
    lines = [Line(number=line.number, text=_without_injected_symbols(line.text, counts)) for line in lines]
    # A site's name spelled out between the words (“优.习.网”), printed again and again, and words cut by a space at
    # the same place in sentence after sentence (政 治) are read on the whole page before anything reads its layout:
    # a cut heading would be parted at its space (ingest/marks.py).
    stripped, spelled, once = spelled_out_marks(lines)
    lines, spelled = kept_as_they_were(lines, stripped, spelled, protected)
    unsure_marks = [(number, run) for number, run in once if number not in keep_lines]
    lines, n = words_cut_by_spaces(lines)
    counts["spaces-in-words"] += n
    lines, n = toneless_pinyin(lines)
    counts["pinyin-annotations"] += n

    # A crawler's note on the capture over the text (标题：/来源：/URL：/抓取时间：) is set aside before anything reads the
    # top, its labels too: the 公文 under it is read as if it began the file (ingest/capture.py).
    lines, captured = kept_as_they_were(lines, *set_aside_capture_header(lines, _LINE_BREAK.split(text)), protected)
    chrome = lambda text: matches_a_rule(text, rules)  # noqa: E731
    lines, chunk_joins = join_page_chunks(lines)
    # A numbered line over a comma that is no chunk of a run is a heading's doubled mark after all.
    for k, line in enumerate(lines):
        if chunk_over_its_comma(line.text):
            text, n = _BROKEN_NUMBER_MARK.subn(r"\1、", line.text)
            lines[k], counts["broken-number-marks"] = Line(number=line.number, text=text), counts["broken-number-marks"] + n
    # What these steps take off a line the curator keeps (keep_lines) comes back, as a rule's catch does below.
    lines, previews = kept_as_they_were(lines, *drop_repeated_preview(lines), protected)
    lines, earlier = kept_as_they_were(lines, *drop_previews_of_later_lines(lines), protected)
    previews += earlier
    lines, announced = split_at_announced_heads(lines)
    lines, splits = split_collapsed(lines, chrome)
    splits += announced
    lines, spliced = kept_as_they_were(lines, *cut_spliced_marks(lines), protected)
    previews += spliced
    lines, continuation = kept_as_they_were(lines, *cut_continuation_marks(lines), protected)
    previews += continuation
    lines, abstracts = split_off_an_abstracts_label(lines, chrome)
    splits += abstracts
    lines, removed = kept_as_they_were(lines, *strip_labels(lines), protected)
    lines, labels = kept_as_they_were(lines, *strip_a_rules_label_off_a_title(lines, rules), protected)
    removed += labels
    removed += previews
    removed += captured
    removed += spelled
    # Re-join hard-wrapped lines before the rules run: rules judge whole paragraphs (max_length
    # protects long ones), and a page number between two halves of a paragraph must not cut it.
    # A line whose own evidence is clear chrome (a picture's caption ending in 记者 某某 摄) is never
    # continued by the lines under it, as a rule's catch is not: a headline would vanish into it.
    # A short line the page prints twice or more (a running footer: 公众号 / slogan / web address, between the
    # halves of a wrapped paragraph) is never a piece of a paragraph: not joined, so the rules judge it alone.
    # A running head left inside a sentence (a book converted to Word) goes before the joins, so the halves meet again.
    lines, heads = kept_as_they_were(lines, *drop_running_heads_inside_sentences(lines), protected)
    removed += heads
    printed_again = repeated_lines([line.text for line in lines], chrome)
    chrome = lambda text: matches_a_rule(text, rules) or text.strip() in printed_again  # noqa: E731
    own_chrome = lambda text: chrome(text) or judge(LineContext(text, True)).score >= CHROME_AT  # noqa: E731
    unjoined = lines
    # A heading the document's own type or style named (heading_lines, kb add's) starts a paragraph as a
    # curator's paragraph_lines does: a slide's title under the last bullet of the slide before (…等操作 /
    # 系统登录) is not joined into it, though a dictionary word (操作系统) runs across the break.
    # So does a heading a Markdown page marked with its #.
    starts = frozenset(paragraph_lines) | frozenset(heading_lines) | frozenset(markdown_headings)
    lines, joins = join_hard_wraps(lines, chrome, lambda text: any_rule(text, rules) == GAP_RULE or bool(_GAP.fullmatch(text.strip())), starts)
    # A wrapped text whose width changes from block to block (a PDF's justified lines, an indented part)
    # leaves lines cut mid-sentence that the width did not tell: they are joined as a browser's breaks are.
    lines, broken_joins = join_broken_lines(lines, own_chrome, starts)
    joins = _merged_joins(joins, broken_joins)
    # (a heading's few characters carried to the next line may be named a heading line too: they still go back)
    lines, heading_joins = join_broken_headings(lines, chrome, frozenset(paragraph_lines))
    joins += heading_joins
    lines, part_joins = join_a_parts_number_to_its_name(lines, chrome)
    joins += part_joins
    lines, word_joins = join_split_words(lines, chrome, starts)
    joins += word_joins
    lines, number_joins = join_numbers_cut_from_their_unit(lines)
    joins = _merged_joins(joins, number_joins)
    lines = gaps_set_apart(lines, removed)
    # Paragraphs a page dump parted with nothing but a space are parted after the joins, which would
    # otherwise take a heading's line back into the paragraph under it.
    lines, dumped = split_dumped_paragraphs(lines)
    lines, first_points = split_first_point_off_its_opening(lines)
    dumped += first_points
    lines, tails = split_chrome_tails(lines, chrome, _line_of_tail(unjoined, joins))
    lines, clauses = split_off_the_rules_sentences(lines, chrome)
    tails += clauses
    lines, credits = split_off_a_leading_credit(lines, chrome)
    tails += credits
    splits = sorted(indent_splits + splits + dumped + tails, key=lambda split: split.line)
    joins = sorted(chunk_joins + joins, key=lambda join: join.first)
    texts = [line.text for line in lines]
    removed_at = find_boilerplate(texts, rules)
    # What the rules leave is weighed line by line (ingest/evidence.py): clear chrome goes like a
    # rule's catch, a doubtful line stays and is listed for a person.
    # A 公文's text is what stands between its 主送 and its 成文日期, prose or not, and its attachments appended under
    # the date (附件1 / its title / its text) are the document's too: not chrome above or below the text.
    body = gongwen.text_span(texts, _edges(texts, chrome))
    body = (body[0], gongwen.appended_end(texts, body[1]))
    judged = judge_lines(texts, set(removed_at), body, lambda text: any_rule(text, rules), lambda text: elsewhere(re.sub(r"\s+", " ", text)))
    # A report's own note under its title naming whom to ask (（联系人：…，联系电话：0551-…）) is no site's header or footer,
    # whatever its number and label make of it: kept, on 待核对 with drop_lines (report_contact_note).
    notes = {index for index in range(len(texts)) if report_contact_note(texts, index)}
    for index in notes:
        if index in removed_at or (index in judged and judged[index].score >= DOUBT_AT):
            log.info("第 %d 行：标题下括注的联系人、电话，是报告自己的说明，保留待核对：%s", lines[index].number, lines[index].text[:40])
        removed_at.pop(index, None)
        judged.pop(index, None)
    if from_document:
        # A document has no web page's layout: what that evidence alone doubted or removed stays as speech, counted
        # and logged (evidence.as_read_in_a_document).
        for index, judgement in list(judged.items()):
            judged[index] = as_read_in_a_document(judgement, texts[index])
            was, now = verdict_by_origin(judgement, True), verdict_by_origin(judged[index], True)
            if was != now:
                counts[f"web-layout-evidence-{was}"] += 1
                log.info("第 %d 行：网页版面的证据（%s）在 Word、PDF 文件里不算数，由“%s”改为“%s”：%s", lines[index].number,
                         judgement.reasons(), VERDICT_WORDS[was], VERDICT_WORDS[now], lines[index].text[:40])
    # A 公文's contact line in its text (联系人：…, 联系电话：0551-…: between its 主送 and its 成文日期) is the document's,
    # whatever a site's footer would make of its number and label.
    span = gongwen.text_span(texts, (len(texts), len(texts)))
    for index in [i for i in judged if span[0] <= i < span[1] and gongwen.contact_line(texts[i])]:
        log.info("第 %d 行：公文正文里的联系人、联系电话，是公文自己的，不作网页残留：%s", lines[index].number, lines[index].text[:40])
        del judged[index]
    doubtful, kept_doubtful = [], []
    kept = []
    for index, line in enumerate(lines):
        verdict = verdict_by_origin(judged[index], from_document) if index in judged else None
        in_table = line.number in table_lines and line.number not in keep_lines
        if line.number in drop_lines and line.text:
            removed.append(RemovedLine(line=line.number, text=line.text, rule=DROPPED_BY_CURATOR))
        elif in_table and (index in removed_at or verdict in ("chrome", "doubtful")):
            doubt = read_in_a_table(removed_at.get(index), judged[index].reasons() if index in judged else "", verdict)
            if doubt:
                doubtful.append(DoubtfulLine(line=line.number, text=line.text, reasons=doubt))
            counts["table-lines-kept"] += 1
            kept.append(line)
        elif index in removed_at and line.number not in keep_lines:
            removed.append(RemovedLine(line=line.number, text=line.text, rule=removed_at[index]))
        elif verdict == "chrome" and line.number not in keep_lines:
            removed.append(RemovedLine(line=line.number, text=line.text, rule=CHROME_EVIDENCE))
        else:
            if index in notes and line.number not in keep_lines:
                doubtful.append(DoubtfulLine(line=line.number, text=line.text, reasons=CONTACT_NOTE))
            elif verdict == "doubtful" and line.number not in keep_lines | heading_lines:
                doubtful.append(DoubtfulLine(line=line.number, text=line.text, reasons=judged[index].reasons()))
            elif verdict == "doubtful" and line.number in keep_lines:
                kept_doubtful.append(line.number)
            kept.append(line)
    removed.sort(key=lambda r: r.line)

    normalised = [Line(number=line.number, text=normalise_line(line.text, counts)) for line in kept]
    return CleanText(
        lines=normalised, removed=removed, normalised={k: v for k, v in sorted(counts.items()) if v}, splits=splits, joins=joins,
        doubtful=doubtful, bold_lines=bold_lines, markdown_headings=markdown_headings, kept_doubtful=kept_doubtful, unsure_marks=unsure_marks,
    )


CONTACT_NOTE = "contact-note"
NOTE_UNDER_THE_TITLE_MAX = 3
"""How far under the first line (the title) a report's note stands: the second or third line with words."""
_IN_BRACKETS = re.compile(r"^[（(【\[](.+)[）)】\]]$")


def report_contact_note(texts: list[str], index: int) -> bool:
    """A report's own note right under its title, wholly in brackets, naming whom to ask about it (`（联系人：县委组织部
    干部科 王某某，联系电话：0551-12345678）`): the document's, not a site's header or footer, though a footer's rule
    takes a telephone with its label at the page's edge. A site's contact line stands unbracketed above the title
    (`服务热线：400-…`) or in its footer, far from the title.

    >>> texts = ["关于2023年干部教育培训工作情况的报告", "（联系人：干部教育科 王某某，联系电话：0551-12345678）", "县委："]
    >>> report_contact_note(texts, 1), report_contact_note(["某某县委组织部", "咨询电话：0551-12345678", "关于…的报告"], 1)
    (True, False)
    """
    inside = _IN_BRACKETS.match(texts[index].strip())
    filled = [i for i, text in enumerate(texts) if text.strip()]
    return bool(inside) and gongwen.contact_line(inside.group(1)) and index in filled[1:NOTE_UNDER_THE_TITLE_MAX]


TABLE_CELL = "table-cell"
"""The reason a table's line stands on 待核对: the document's own table, kept, and what made it look like chrome."""


def read_in_a_table(rule: str | None, reasons: str, verdict: str | None) -> str:
    """A line of the document's own table that a rule or the evidence took for chrome: kept, and the reason it
    goes to 待核对 — or "" when it is plain body. What a table's shape alone looks like (a label repeated down a
    form, short cells, a column of numbers, a row of items, a run of short lines) is doubt, not chrome: its cells
    are body. A rule's catch or evidence strong enough to remove it is kept and named for a person to check.

    >>> read_in_a_table("running-header", "", None)
    'table-cell, running-header'
    >>> read_in_a_table(None, "short-items, caption-run", "doubtful")
    ''
    >>> read_in_a_table(None, "address", "chrome")
    'table-cell, address'
    """
    if rule:
        return f"{TABLE_CELL}, {rule}"
    return f"{TABLE_CELL}, {reasons}" if verdict == "chrome" else ""


def set_aside_capture_header(lines: list[Line], raw: list[str]) -> tuple[list[Line], list[RemovedLine]]:
    """The capture header a crawler put over the text (ingest/capture.py), read on the file's `raw` lines (a Markdown
    heading's `#` still on), taken off whole and logged line by line.

    >>> raw = ["标题：关于做好换届工作的通知", "来源：某某网", "URL：https://www.example.gov.cn/1.htm", "", "关于做好换届工作的通知"]
    >>> lines, captured = set_aside_capture_header([Line(k, text) for k, text in enumerate(raw, 1)], raw)
    >>> [line.text for line in lines], [r.line for r in captured], captured[0].rule
    (['', '关于做好换届工作的通知'], [1, 2, 3], 'capture-header')
    """
    found = read_capture_header(raw)
    if not found:
        return lines, []
    taken = {k + 1 for k in found.lines}
    return ([line for line in lines if line.number not in taken],
            [RemovedLine(line=number, text=raw[number - 1].strip(), rule=CAPTURE_RULE) for number in sorted(taken)])


def kept_as_they_were(before: list[Line], after: list[Line], removed: list[RemovedLine], keep_lines: set[int]) -> tuple[list[Line], list[RemovedLine]]:
    """A step's lines and removals, with every line the curator keeps (keep_lines) as it was before the step: a
    label, credit or preview the step took off such a line is not removed. kb check offers keep_lines for any
    wrong removal, a piece of a line too, and the fix must work.

    >>> before = [Line(1, "标题：在全县组织工作会议上的讲话"), Line(2, "同志们：")]
    >>> kept_as_they_were(before, [Line(1, "在全县组织工作会议上的讲话"), Line(2, "同志们：")], [RemovedLine(1, "标题：", "page-label")], {1})
    ([Line(number=1, text='标题：在全县组织工作会议上的讲话'), Line(number=2, text='同志们：')], [])
    """
    undone = {r.line for r in removed if r.line in keep_lines}
    if not undone:
        return after, removed
    lines = [line for line in after if line.number not in undone] + [line for line in before if line.number in undone]
    order = {id(line): index for index, line in enumerate(after)}  # stable: a kept line's pieces stay in their order
    lines.sort(key=lambda line: (line.number, order.get(id(line), -1)))
    return lines, [r for r in removed if r.line not in undone]


def _read_piece(raw: str, counts: Counter) -> list[str]:
    """One piece of a source line, its markup and the marks of its copying taken out; a lost indent inside
    it parts it further."""
    raw, n = strip_markup(raw)
    counts["html-markup"] += n
    raw, n = strip_markdown(raw)
    counts["markdown-markup"] += n
    # A PDF's text layer often gives radicals and compatibility forms (⼀ ⼯ ⽂ for 一 工 文): they
    # look the same, but no heading number, rule or search matches them.
    raw, n = unified_ideographs(raw)
    counts["compatibility-ideographs"] += n
    # Some mirrors of Traditional pages annotate characters with their pinyin: 會(huì)議.
    raw, n = _PINYIN_ANNOTATION.subn("", raw)
    counts["pinyin-annotations"] += n
    # A forum's anti-copying filler between the words ("同志们: $ |2 R9 ~* D' K8 非常高兴…").
    raw, n = strip_jammer_codes(_WHITESPACE.sub(" ", raw))
    counts["jammer-codes"] += n
    # A heading number whose mark a mirror doubled or garbled (一，、建设… / 二、、 / 3.、) reads as 一、 to every
    # reader below; the stray mark is counted, nothing else changes.
    # A document site's chunk number over the comma its cut fell before (2、，坚决把好政治关…) is no garbled mark:
    # the comma is the sentence's, and the chunk reader (layout.join_page_chunks) takes the number alone; mended below.
    if not chunk_over_its_comma(raw.strip()):
        raw, n = _BROKEN_NUMBER_MARK.subn(r"\1、", raw.strip())
        counts["broken-number-marks"] += n
    # A page saved through an encoding that lacks the ideographic space shows its paragraph indents as
    # runs of question marks (??? 一、统一思想 ??? 中央…): at a line's start they are the indent, inside
    # a line the start of a paragraph the line ran into.
    raw, n = _LOST_INDENT_AT_START.subn("", raw.strip())
    pieces = [piece.strip() for piece in _LOST_INDENT_INSIDE.split(raw)]
    counts["lost-indents"] += n + len(pieces) - 1
    return pieces


_CHUNK_OVER_A_COMMA = re.compile(r"^\d{1,3}、\s*[，,]")


def chunk_over_its_comma(text: str) -> bool:
    """A number and 、 over a comma (`2、，坚决把好政治关，…`): a document site's numbered chunk whose cut fell right
    before a comma — the comma is the sentence's, the chunk reader (`layout.join_page_chunks`) takes the number
    alone — or a heading whose mark a mirror doubled (`2、，加强政治建设`). Which one the run of chunks around it
    tells, so such a line is mended only after the chunks are joined.

    >>> chunk_over_its_comma("2、，坚决把好政治关，确保各级领导班子始终同党中央保持高度一致。"), chunk_over_its_comma("二、，加强政治建设")
    (True, False)
    """
    return bool(_CHUNK_OVER_A_COMMA.match(text))


def _merged_joins(first: list[Join], second: list[Join]) -> list[Join]:
    """Joins of two passes as one list: a second join that takes in paragraphs the first pass made
    spans all their source lines."""
    spans = sorted((j.first, j.last) for j in first + second)
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [Join(first=a, last=b) for a, b in merged]


CHROME_EVIDENCE = "chrome-evidence"
DROPPED_BY_CURATOR = "drop_lines (speeches.yaml)"
STRUCTURAL_REMOVALS = frozenset({CHROME_EVIDENCE, DROPPED_BY_CURATOR, "cover-letter", "outline-copy", "running-header", "repeated-preview"})
"""Removals no boilerplate rule made: a person's drop_lines, the evidence's own verdict (judged in its place), and the
text's structure (a 公文's cover letter, an outline's copy, a running head, a preview): never named as speech removed."""
"""The rule name of a line removed by its evidence score rather than by one rule."""


def any_rule(line: str, config: BoilerplateConfig) -> str | None:
    """The first rule whose pattern finds `line`, its place and length limit set aside (evidence, not a verdict)."""
    return next((rule.name for rule in config.rules if rule.pattern.search(line)), None)


_BLOCK_TAG = re.compile(r"</?(?:br|p|div|h[1-6]|li|tr|table|section|article|blockquote)\b[^<>]{0,200}?/?>", re.IGNORECASE)
"""A tag that ends or opens a block of a page: where it stands inside a line, the page parted its text."""
_BBCODE_BLOCK = re.compile(r"\[/?(?:align|p|quote|list|indent|center|left|right|hr|table|tr|td|\*)(?:=[^\[\]\n]{0,40})?\]", re.IGNORECASE)
"""A forum's tag (BBCode) that opens or closes a block of the post: where the post parted its paragraphs."""
_BBCODE_INLINE = re.compile(
    r"\[/?(?:size|font|color|backcolor|b|i|u|s|strike|sup|sub|url|email|img|media|float|hide|attach|free|sound|fly|glow|shadow)(?:=[^\[\]\n]{0,80})?\]",
    re.IGNORECASE,
)
"""A forum's tag that formats words inside a paragraph ([size=4], [font=宋体], [/color]): taken out, nothing put in
its place — `去年[/size][font=Times New Roman]12[/font]月` is 去年12月."""
_BBCODE_CLOSING = re.compile(r"\[/(?:size|font|color|align|b|i|u|p|url|quote|backcolor)\]", re.IGNORECASE)
_BBCODE_CUT_AT_END = re.compile(r"\[/?[A-Za-z]{0,10}(?:=[^\[\]\n]{0,40})?$")
FORUM_TAGS_MIN = 2


def is_a_forum_post(text: str) -> bool:
    """A page is a forum post in its markup (BBCode) when two or more of its closing tags stand in it ([/size],
    [/font], [/align] …): only then are the bracketed words read as tags. A speech's [1] or [注] is none, and one
    [b] alone is no markup to read.

    >>> is_a_forum_post("[size=4]会议强调，要抓好落实。[/size][align=left]据了解，…[/align]"), is_a_forum_post("参见文献[1]，第[2]条。")
    (True, False)
    """
    return len(_BBCODE_CLOSING.findall(text)) >= FORUM_TAGS_MIN


def forum_markup_inline(line: str) -> tuple[str, int]:
    """A forum post's tags that format words taken out of a line, and a tag the page store cut off at the line's end
    (`…[/size][f`); the block tags are left where they are, to part the line. Returns the line and how many went.

    >>> forum_markup_inline("于去年[/size][/font][font=Times New Roman]12[/font][/size][font=宋体]月启动[/font][f")
    ('于去年12月启动', 8)
    >>> forum_markup_inline("[size=5] [/size][align=left][size=4]会议指出，…")
    (' [align=left]会议指出，…', 3)
    """
    line, n = _BBCODE_INLINE.subn("", line)
    cut = _BBCODE_CUT_AT_END.search(line)
    if cut and cut.group().startswith("[") and not _BBCODE_BLOCK.fullmatch(cut.group()):
        line, n = line[: cut.start()], n + 1
    return line, n


_MARKUP_TAG = re.compile(
    r"</?(?:br|p|div|span|font|strong|b|em|i|u|a|img|table|tbody|thead|tr|td|th|ul|ol|li|h[1-6]|section|article|center|o:p)\b[^<>]{0,200}?/?>",
    re.IGNORECASE,
)
_ENTITY = re.compile(r"&(?:nbsp|ensp|emsp|amp|lt|gt|quot|apos|ldquo|rdquo|lsquo|rsquo|mdash|hellip|middot|#\d{2,6}|#x[0-9a-fA-F]{2,5});?")


PREVIEW_MIN_LENGTH = 30
PREVIEW_HEAD_LINES = 10


def drop_repeated_preview(lines: list[Line]) -> tuple[list[Line], list[RemovedLine]]:
    """Drop a page's preview of the text that is followed, on the same line, by the text itself.

    Document sites put the first few hundred characters of a text in front of it as a description
    ("在…的讲话 同志们：今天，……下面，我讲三点意见。 在…的讲话 同志们：今天，……"), and copied as
    one line the two run together. The line is taken to start with a preview when its opening
    recurs further on and the part before that point is, nearly all of it, the opening of what
    follows (a preview may be cut short or end with …). A speech never repeats its opening that way.
    """
    out: list[Line] = []
    removed: list[RemovedLine] = []
    seen = 0
    for line in lines:
        seen += bool(line.text)
        preview_end = _preview_end(line.text) if seen <= PREVIEW_HEAD_LINES else None
        if preview_end is None:
            out.append(line)
            continue
        removed.append(RemovedLine(line=line.number, text=line.text[:preview_end].strip(), rule="repeated-preview"))
        out.append(Line(number=line.number, text=line.text[preview_end:].strip()))
    return out, removed


def _preview_end(text: str) -> int | None:
    """Where the text proper starts again after a preview of it, or None."""
    opening = text[:PREVIEW_MIN_LENGTH]
    if len(opening) < PREVIEW_MIN_LENGTH or len(HAN_CHAR.findall(opening)) < PREVIEW_MIN_LENGTH // 2:
        return None  # a preview is prose
    # Only the first recurrence: text that repeats itself over and over is not a preview.
    start = text.find(opening, 1)
    if start < PREVIEW_MIN_LENGTH:
        return None
    preview, rest = text[:start].rstrip(" …."), text[start:]
    same = next((k for k, (a, b) in enumerate(zip(preview, rest)) if a != b), min(len(preview), len(rest)))
    return start if same >= 0.8 * len(preview) else None


TAIL_MAX = 200
TAIL_LINES = 2
TAIL_WORDS_MIN = 4
"""A footer glued on says something (网友评论, 上一篇：…); a lone page number is left to the rules."""
"""A footer is glued to one of the text's last lines."""
TAIL_HEAD_MIN = 12
"""Han characters at least in what a footer is parted from: the text's last paragraph, not chrome itself."""


def _line_of_tail(unjoined: list[Line], joins: list[Join]) -> Callable[[Line, str], int]:
    """Which source line a tail of a (possibly joined) line starts on: a footer parted from a paragraph
    re-joined from several lines is logged under the line it stood on, not the paragraph's first."""
    texts: dict[int, str] = {}
    for line in unjoined:
        texts[line.number] = texts.get(line.number, "") + line.text
    spans = {j.first: j.last for j in joins}
    compact = lambda text: re.sub(r"\s+", "", text)  # noqa: E731

    def number(line: Line, tail: str) -> int:
        wanted = compact(tail)
        last = spans.get(line.number, line.number)
        for k in range(last, line.number, -1):  # the shortest run of last lines that holds the tail
            block = compact("".join(texts.get(n, "") for n in range(k, last + 1)))
            if len(block) >= len(wanted):
                return k if block.endswith(wanted) else line.number
        return line.number

    return number


def split_chrome_tails(lines: list[Line], is_chrome=lambda text: False, line_of_tail=lambda line, tail: line.number) -> tuple[list[Line], list[Split]]:
    """Part a page's footer from the sentence it is glued to (…奋发有为！网友评论 浏览次数：1024 上一篇：…):
    in the last lines of the text, what follows a line's last sentence end, when it is no sentence and
    has the evidence of chrome, becomes a line of its own, for the rules and the evidence to judge (under
    the source line it stood on, `line_of_tail`, when the line was re-joined from several)."""
    out, splits = [], []
    # The text's last lines are its last lines with words: a row of table pipes or slashes under it (| / |) is none.
    filled = [i for i, line in enumerate(lines) if HAN_CHAR.search(line.text)]
    last = set(filled[-TAIL_LINES:])
    below = {i: lines[j].text.strip() for i, j in zip(filled, filled[1:])}
    for index, line in enumerate(lines):
        if index not in last:
            out.append(line)
            continue
        ends = list(_LAST_SENTENCE_END.finditer(line.text))
        cut = ends[-1].end() if ends else 0
        # The text cut off by the page before the footer (…基础。要以…为重点，持续 责任编辑：王某) is the text's: the
        # footer is parted at the space before it, not at the last sentence end.
        cut += _cut_text_before_a_footer(line.text[cut:]) if ends else 0
        tail = line.text[cut:].strip() if ends else ""
        head = line.text[:cut] if ends else ""
        if (
            tail and len(tail) <= TAIL_MAX and len(HAN_CHAR.findall(head)) >= TAIL_HEAD_MIN
            # a rule or the evidence that takes the whole line for its footer (…的基础。网友评论 浏览次数：1024) does not take
            # the sentence with it — unless the sentence is the site's too (…需要完整文档请下载word后使用。下载有问题请添加微信…)
            and (not (is_chrome(line.text) or judge(LineContext(line.text, True, True)).score >= CHROME_AT)
                 or not (is_chrome(head.strip()) or has_interface_words(head)))
            and not _a_caption(line.text)  # a caption ending in its credit goes whole
            and (len(HAN_CHAR.findall(tail)) >= TAIL_WORDS_MIN or (index == filled[-1] and _BRACKETED_WORD.fullmatch(tail)))
            and judge(LineContext(tail, True, True)).score >= DOUBT_AT and judge(LineContext(head, False)).score < DOUBT_AT
            and not _the_text_cut_off(tail) and not _introduces_the_line_below(tail, below.get(index, ""))
        ):
            at = line_of_tail(line, tail)
            out.extend([Line(number=line.number, text=head.rstrip()), Line(number=at, text=tail)])
            splits.append(Split(line=at, pieces=2))
        else:
            out.append(line)
    return out, splits


CAPTION_READERS = frozenset({"photo-credit", "picture-words"})


def _a_caption(text: str) -> bool:
    """A picture's caption, its credit at the end (…召开。新华社记者 某某摄): it retells the report and goes whole — a
    footer glued to the text's last sentence (…的基础。网友评论 浏览次数：1024) is parted, however strong its evidence.

    >>> _a_caption("3月5日，某某县召开组织工作会议。本报记者 某某 摄"), _a_caption("要抓好落实。网友评论 浏览次数：1024")
    (True, False)
    """
    verdict = judge(LineContext(text, True, True))
    return verdict.score >= CHROME_AT and any(e.reader in CAPTION_READERS and e.weight > 0 for e in verdict.evidence)


CUT_TEXT_MIN = 8
"""Han characters of the text the page cut off before its footer: a clause, not a label."""


def _cut_text_before_a_footer(rest: str) -> int:
    """Where, in what follows a line's last sentence end, a footer starts after the text the page cut off: the first
    space with a clause of speech before it (a comma in it, no chrome evidence) and chrome after it — `要以提升组织力为
    重点，突出政治功能，持续 责任编辑：王某`; 0 when no such space (the whole of `rest` is the footer, or the text).

    >>> rest = "要以提升组织力为重点，突出政治功能，持续 责任编辑：王某"
    >>> rest[_cut_text_before_a_footer(rest):].strip()
    '责任编辑：王某'
    >>> _cut_text_before_a_footer("网友评论 浏览次数：1024"), _cut_text_before_a_footer("祝大家新年愉快，身体健康，万事...")
    (0, 0)
    """
    for space in re.finditer(r"\s+", rest):
        before, after = rest[: space.start()], rest[space.end() :]
        if len(HAN_CHAR.findall(before)) >= CUT_TEXT_MIN and re.search(r"[，,、；;]", before) and after \
                and judge(LineContext(before, False)).score < DOUBT_AT and judge(LineContext(after, True, True)).score >= CHROME_AT:
            return space.start()
    return 0


_INTRODUCING_MARK = re.compile(r"[：:]$")


def _introduces_the_line_below(tail: str, below: str) -> bool:
    """What follows the last sentence ends on a colon and the line under it is a speech's paragraph: the sentence
    that introduces it (…摆在突出位置？主要有以下考虑： / 一是基层组织是党执政的根基。…), not a footer's label waiting for its
    value (责任编辑： under a paragraph's end, 相关阅读： over a list of links).

    >>> _introduces_the_line_below("主要有以下考虑：", "一是基层组织是党执政的根基。村级组织强不强，直接关系群众对党的信任。")
    True
    >>> _introduces_the_line_below("相关阅读：", "2023年组织工作要点"), _introduces_the_line_below("责任编辑：", "")
    (False, False)
    """
    return bool(_INTRODUCING_MARK.search(tail)) and len(HAN_CHAR.findall(below)) >= TAIL_HEAD_MIN \
        and judge(LineContext(below, False)).score < DOUBT_AT


def _the_text_cut_off(tail: str) -> bool:
    """What follows the last sentence is the text itself cut short by the page (…！祝大家新年愉快，身体健康，万事...):
    its only evidence is the cut (cut-teaser) — no footer's words — so it stays with the sentence it goes on from.

    >>> _the_text_cut_off("祝大家新年愉快，身体健康，合家欢乐，万事..."), _the_text_cut_off("网友评论 浏览次数：1024")
    (True, False)
    """
    return {e.reader for e in judge(LineContext(tail, True, True)).evidence if e.weight > 0} <= {"cut-teaser", "outside-the-body"}


def names_the_line_under(text: str, under: str) -> bool:
    """Does the note `text` name, in quotes or a book title's marks, the very line printed under it (`…下面是由某某网小编
    为大家整理的“2021年上半年工作总结”，仅供参考。` over `2021年上半年工作总结【一】`)? Then that line is the piece's
    title, whatever the collection hangs on it, and the note over it is the page's preamble. A speech quotes names too,
    but never the line right under its own sentence as a whole.

    >>> names_the_line_under("工作过去了，进行了总结。下面是小编整理的“2021年上半年工作总结”，仅供参考。", "2021年上半年工作总结【一】")
    True
    >>> names_the_line_under("要学习《关于加强基层党建工作的意见》。", "各级党组织要认真贯彻落实。")
    False
    >>> names_the_line_under("我们要发扬“三牛”精神。", "“三牛”精神是干事创业的精神。")
    False
    """
    under = under.strip()
    return any(len(name) >= NAMED_TITLE_MIN and under.startswith(name) and len(under) <= len(name) + NAMED_TITLE_TAIL_MAX
               for name in _QUOTED_NAME.findall(text))


_QUOTED_NAME = re.compile(r"[“《「]([^“”《》「」]{2,40})[”》」]")
NAMED_TITLE_MIN = 6
NAMED_TITLE_TAIL_MAX = 8
"""What a collection may hang on a piece's title after the name the note gives (【一】, （精选）, 范文1)."""


_TITLE_LINE = re.compile(rf"[{HAN}\w“”《》·\s—-]{{6,40}}")
"""A line that reads as a title: six to forty characters, no stop, no comma."""
RULES_REST_MIN = 20
"""The sentences left beside a rule's sentence are kept apart only when they are a speech's: this many Han characters."""
_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?][”’」』）)]*|[^。！？!?]+$")


_A_PIECES_NUMBER = re.compile(r"^(?:[（(【\[]?\s*[一二三四五六七八九十\d]{1,3}\s*[）)】\]]?|第?\s*[一二三四五六七八九十\d]{1,3}\s*篇|篇\s*[一二三四五六七八九十\d]{1,3})$")


def _over_the_salutation(lines: list[Line], filled: list[int], index: int, is_chrome) -> bool:
    """Does the line stand right over the speech's salutation — nothing between but lines a rule takes and a piece's
    bare number (一, 篇二, （三））? A speech begins with its salutation: what the page says above it in a line that
    holds the site's words (…人才问题是关系事业发展的关键问题。下面是小编给大家整理的，仅供参考。) is the site's blurb,
    its topic sentence too, not the speech's opening.

    >>> lines = [Line(1, "某某讲话"), Line(2, "人才是第一资源。下面是小编整理的，仅供参考。"), Line(3, "一"), Line(4, "同志们：")]
    >>> _over_the_salutation(lines, [0, 1, 2, 3], 1, lambda t: "小编" in t), _over_the_salutation(lines[:2] + [Line(3, "今天召开会议。")], [0, 1, 2], 1, lambda t: False)
    (True, False)
    """
    after = [k for k in filled if k > index]
    for k in after[:3]:
        text = lines[k].text.strip()
        if SALUTATION_RE.match(text):
            return True
        if not (is_chrome(text) or _A_PIECES_NUMBER.match(text)):
            return False
    return False


def split_off_the_rules_sentences(lines: list[Line], is_chrome=lambda text: False) -> tuple[list[Line], list[Split]]:
    """A line a rule would take whole, whose rule's words stand only in its first or last sentences
    (an editor's call to read on after the speech's own words: `…关键在人。7月4日，某某在会上指出：“…。”请随小编一起
    学习。`): those sentences are parted off for the rule to take, and the speech's sentences stay — when the line is
    not over a title line nor right over the salutation (there it is a collection's or a page's preamble:
    `_over_the_salutation`), no bracket spans the parting, and they are a
    speech's (RULES_REST_MIN Han characters, no rule's words, no word of a site's interface, no chrome evidence of their own). A line whose every
    sentence has the rule's words (下面是小编整理的…。欢迎阅读参考。) goes whole, as before. Each parting is a Split.

    >>> lines, splits = split_off_the_rules_sentences([Line(1, "干部就是决定因素，关键在培养高素质干部队伍，要抓好培育选拔管理使用。请随小编一起学习。")],
    ...                                              lambda text: "小编" in text)
    >>> [line.text for line in lines], splits
    (['干部就是决定因素，关键在培养高素质干部队伍，要抓好培育选拔管理使用。', '请随小编一起学习。'], [Split(line=1, pieces=2)])
    >>> split_off_the_rules_sentences([Line(1, "下面是小编整理的讲话稿。欢迎阅读小编的推荐。")], lambda text: "小编" in text)[1]
    []
    >>> split_off_the_rules_sentences([Line(1, "【本文的中文相关权益归某某公司所有，其他单位和个人一概不享有。未经授权，不得转载。】")], lambda text: "转载" in text)[1]
    []
    """
    out, splits = [], []
    filled = [i for i, line in enumerate(lines) if line.text.strip()]
    under = {i: lines[j].text.strip() for i, j in zip(filled, filled[1:])}
    for index, line in enumerate(lines):
        sentences = [m.group(0) for m in _SENTENCE.finditer(line.text) if m.group(0).strip()]
        caught = [bool(is_chrome(sentence)) for sentence in sentences]
        parted = None
        # Over a title line (a collection's 下面是小编整理的… above its first piece's name) the note and the summary it
        # closes are the page's preamble, not a speech's opening: the line goes whole.
        over_a_title = _TITLE_LINE.fullmatch(under.get(index, "")) or names_the_line_under(line.text, under.get(index, ""))
        if len(sentences) >= 2 and any(caught) and not all(caught) and is_chrome(line.text) and not over_a_title \
                and not _over_the_salutation(lines, filled, index, is_chrome):
            first_kept = caught.index(False)
            last_kept = len(caught) - 1 - caught[::-1].index(False)
            if not any(caught[first_kept : last_kept + 1]):
                head, rest, tail = ("".join(sentences[a:b]) for a, b in ((0, first_kept), (first_kept, last_kept + 1), (last_kept + 1, len(sentences))))
                if len(HAN_CHAR.findall(rest)) >= RULES_REST_MIN and not has_interface_words(rest) and _balanced(rest) \
                        and judge(LineContext(rest, False)).score < DOUBT_AT:
                    parted = [part for part in (head, rest, tail) if part.strip()]
        if parted:
            out.extend(Line(number=line.number, text=part.strip()) for part in parted)
            splits.append(Split(line=line.number, pieces=len(parted)))
        else:
            out.append(line)
    return out, splits


_LATIN_LETTER = re.compile(r"[A-Za-z]")
CREDIT_HEAD_MAX = 40
"""How far into a line a site's credit before the lead may reach (本网5月21日综合讯, 记者 某某 通讯员 某某)."""
_CLAUSE_MARK = re.compile(r"[，,。！？!?；;]")
"""Where a credit can no longer reach: a clause or a sentence has begun (a label's colon, 稿件来源：, is the credit's)."""


def split_off_a_leading_credit(lines: list[Line], is_chrome=lambda text: False) -> tuple[list[Line], list[Split]]:
    """A report's lead that opens with the site's credit and a space (`本网5月21日综合讯 昨日，全市…开班。副市长某某作开班
    动员。`, `记者 某某 通讯员 某某 3月5日，…`): the credit is parted from the lead, for the rules and the evidence to
    judge alone, and the lead — its day, meeting and speaker — stays. Only when what stands before the space holds no
    clause, no open bracket, and is the page's (a rule takes it, or it is chrome on its own evidence with words of a site's
    interface), and
    what follows is a speech's sentence (RULES_REST_MIN Han characters or more, a sentence end, no rule, no chrome
    evidence). A speech's line that names 来源 or 记者 (`人才来源 要拓宽…`) has no credit's evidence and stays whole.

    >>> lines, splits = split_off_a_leading_credit([Line(1, "记者 某某 通讯员 某某某 3月5日，全县组织工作会议召开，县委书记某某出席会议并讲话。")])
    >>> [line.text for line in lines], splits
    (['记者 某某 通讯员 某某某', '3月5日，全县组织工作会议召开，县委书记某某出席会议并讲话。'], [Split(line=1, pieces=2)])
    >>> [line.text for line in split_off_a_leading_credit([Line(1, "本报讯（记者 某某 通讯员 某某某）3月5日，全县组织工作会议召开，县委书记某某出席会议并讲话。")])[0]]
    ['本报讯（记者 某某 通讯员 某某某）', '3月5日，全县组织工作会议召开，县委书记某某出席会议并讲话。']
    >>> split_off_a_leading_credit([Line(1, "人才来源 要拓宽渠道，把各方面优秀人才集聚到党和人民的事业中来。")])[1]
    []
    >>> split_off_a_leading_credit([Line(1, "为验证系统在字体替换、浏览器预览、Word 导出和附件处理等场景下的稳定性，现组织开展测试。")], lambda t: "预览" in t)[1]
    []
    """
    out, splits = [], []
    for line in lines:
        text = line.text
        clause = _CLAUSE_MARK.search(text)
        reach = min(CREDIT_HEAD_MAX, clause.start() if clause else len(text))
        # a space, or the close of a credit's bracket (本报讯（记者 某某）3月5日，…)
        # …never the space a Latin word keeps from the Han after it (`浏览器预览、Word 导出和…`): typography, no break
        spaces = [i for i, ch in enumerate(text[:reach]) if (ch == " " and not (i and _LATIN_LETTER.match(text[i - 1])))
                  or (ch in "）)" and i + 1 < len(text) and text[i + 1] != " ")]
        spaces = [i + 1 if text[i] in "）)" else i for i in spaces]
        parted = None
        for at in reversed(spaces):
            head, rest = text[:at].strip(), text[at:].strip()
            if not head or not _balanced(head) or a_number_and_its_unit(head, rest) or not _credit(head, is_chrome):
                continue
            if len(HAN_CHAR.findall(rest)) >= RULES_REST_MIN and _LAST_SENTENCE_END.search(rest) and not is_chrome(rest) \
                    and not has_interface_words(rest[:CREDIT_HEAD_MAX]) and judge(LineContext(rest, False)).score < DOUBT_AT:
                parted = [head, rest]
            break
        if parted:
            out.extend(Line(number=line.number, text=part) for part in parted)
            splits.append(Split(line=line.number, pieces=2))
        else:
            out.append(line)
    return out, splits


_NUMBER_AT_THE_END = re.compile(r"[0-9０-９]$")
_UNIT_AT_THE_START = re.compile(r"^[年月日号時时点點分秒个個名位人户戶项項条條次届屆岁歲余餘多万萬亿億千百元%％]")


def a_number_and_its_unit(head: str, rest: str) -> bool:
    """The space between a number and the unit it counts (`15 日上午，…`, `3 月以来`, `120 余名党员`): Word and PDF
    files set one there, and a number alone before it looks like a page number, but the two are one quantity and a
    line is never parted between them (parted, the rules would take the number as a page counter: the day is lost).
    Not `parse.counts_a_measure`, which asks whether a number heads a part or counts: it asks the dictionary and says
    no to 余名, 多人; here any counting word keeps the number, since a wrong split loses text and a wrong keep loses none.

    >>> a_number_and_its_unit("15", "日上午，全市组织工作会议召开。"), a_number_and_its_unit("本报讯 2", "名干部受到表彰。")
    (True, True)
    >>> a_number_and_its_unit("记者 某某", "3月5日，全县组织工作会议召开。"), a_number_and_its_unit("15", "全市组织工作会议召开。")
    (False, False)
    """
    return bool(_NUMBER_AT_THE_END.search(head) and _UNIT_AT_THE_START.match(rest))


def _credit(head: str, is_chrome: Callable[[str], bool]) -> bool:
    """A site's credit before a lead, which goes once parted: a rule's catch, or chrome on its own evidence with a word
    of a site's interface (a doubtful head would stay above the lead and stand for its title)."""
    if is_chrome(head):
        return True
    verdict = judge(LineContext(head, True))
    return verdict.score >= CHROME_AT and "interface-words" in verdict.reasons()


_ABSTRACT_LABEL = re.compile(r"^\s*(?:[\[【［]\s*(?:内\s*容\s*)?(?:摘\s*要|提\s*要)\s*[\]】］]\s*[:：]?|(?:内容)?(?:摘\s*要|提\s*要)\s*[:：])\s*")
ABSTRACT_MIN = 40
"""An abstract is a paragraph: this many characters or more after its label, ending a sentence."""


_LIST_ITEM = re.compile(r"^\s*(?:(\d{1,2})\s*[.．、)）]|[（(]\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]|([一二三四五六七八九十]{1,3})\s*、)")


def list_item_number(text: str) -> tuple[int, int] | None:
    """A list item's marker as (family, number): 1. 1、 1） → (0, 1); （一） (1) → (1, n); 一、 → (2, 1); else None.

    >>> list_item_number("1.舍长到场，清点人数。"), list_item_number("（二）检查门窗"), list_item_number("三、签字"), list_item_number("2024年")
    ((0, 1), (1, 2), (2, 3), None)
    """
    m = _LIST_ITEM.match(text)
    if not m:
        return None
    for family, group in enumerate(m.groups()):
        if group:
            return family, int(group) if group.isdigit() else cn_to_int(group)
    return None


def opens_a_list(text: str, following: str) -> bool:
    """Text that is the first item of a list the next line goes on with (1.… then 2.…, （一）… then （二）…): the
    list's own words, whatever label stands before them.

    >>> opens_a_list("1.舍长到场，清点人数。", "2.讲解用电安全。"), opens_a_list("1.舍长到场。", "3.检查门窗。")
    (True, False)
    """
    first, second = list_item_number(text), list_item_number(following)
    return first is not None and first[1] == 1 and second == (first[0], 2)


def split_off_an_abstracts_label(lines: list[Line], is_chrome=lambda text: False) -> tuple[list[Line], list[Split]]:
    """A journal article's abstract (`[摘 要]人才工作领导机构承担着…重要责任，是…的组织保证。`) is the writer's own
    paragraph under a label: the label is parted off for the rules to take (page-summary) and the text stays — a
    Split, on 待核对. So is the first item of a list under the label (`摘要：1.舍长到场，清点人数。`, the next line going
    on with `2.…`): a record's agenda, never a site's summary. A short summary (`摘要：会议部署了今年的重点工作。`), one
    cut short (…), or one that only previews the text below (its first twenty characters said again later) or that a
    rule takes on its own (an editor's 小编为你整理了…) goes whole with its label, as before.

    >>> lines, splits = split_off_an_abstracts_label([Line(1, "[摘 要]人才工作领导机构承担着落实党管人才原则的重要责任，是整合人才开发资源的组织保证，是人才治理体系的有机组成部分。")])
    >>> [line.text for line in lines], splits
    (['[摘 要]', '人才工作领导机构承担着落实党管人才原则的重要责任，是整合人才开发资源的组织保证，是人才治理体系的有机组成部分。'], [Split(line=1, pieces=2)])
    >>> split_off_an_abstracts_label([Line(1, "摘要：会议部署了今年的重点工作。")])[1]
    []
    >>> lines, splits = split_off_an_abstracts_label([Line(3, "摘要:1.舍长到场，清点人数。"), Line(4, "2.讲解用电安全。")])
    >>> [line.text for line in lines], splits
    (['摘要:', '1.舍长到场，清点人数。', '2.讲解用电安全。'], [Split(line=3, pieces=2)])
    """
    whole = _letters("".join(line.text for line in lines))
    out, splits = [], []
    for at, line in enumerate(lines):
        label = _ABSTRACT_LABEL.match(line.text)
        rest = line.text[label.end():].strip() if label else ""
        following = lines[at + 1].text if at + 1 < len(lines) else ""
        if label and rest and opens_a_list(rest, following) and not is_chrome(rest):
            out.extend([Line(number=line.number, text=line.text[: label.end()].strip()), Line(number=line.number, text=rest)])
            splits.append(Split(line=line.number, pieces=2))
        elif label and len(rest) >= ABSTRACT_MIN and re.search(r"[。！？!?][”’」』）)]?$", rest) \
                and len(HAN_CHAR.findall(rest)) >= 0.6 * len(rest) and whole.count(_letters(rest)[:PREVIEW_TITLE_MIN * 3]) < 2 \
                and not is_chrome(rest) and not has_interface_words(rest):
            out.extend([Line(number=line.number, text=line.text[: label.end()].strip()), Line(number=line.number, text=rest)])
            splits.append(Split(line=line.number, pieces=2))
        else:
            out.append(line)
    return out, splits


_CONTINUED = r"(?:上接|下接|接上|接下|接前|续上|续前|承上|承前|接第|下转|转下|转至|转第|续下|未完[，,、]?\s*待续|未完|待续)[^\[\]【】（）()〔〕。，]{0,8}"
_CONTINUATION_MARK = re.compile(
    rf"^\s*[\[【（(〔]\s*{_CONTINUED}[\]】）)〕]\s*|\s*[\[【（(〔]\s*{_CONTINUED}[\]】）)〕]\s*$|(?<=[。！？”」])\s*未完[，,]?待续[。.…]*\s*$|^(?:接|续|承)(?:上|前)页\s*"
)
"""A note that the text runs on from or onto another page or issue, at a line's start or end: [接上页] （上接第1版）
（下转第2版） （未完待续） …。未完待续 — the site's, while the line's words are the text's."""


def cut_continuation_marks(lines: list[Line]) -> tuple[list[Line], list[RemovedLine]]:
    """Cut a continuation note (_CONTINUATION_MARK) off the line it stands on, logged as `continuation-mark`: the
    line's own words stay; a line of nothing but the note goes.

    >>> lines, removed = cut_continuation_marks([Line(1, "[接上页]（五）加强对人才工作的组织领导"), Line(2, "我们要转作风。"), Line(3, "（下转第2版）")])
    >>> [line.text for line in lines], [(r.line, r.text) for r in removed]
    (['（五）加强对人才工作的组织领导', '我们要转作风。'], [(1, '[接上页]'), (3, '（下转第2版）')])
    """
    out, removed = [], []
    for line in lines:
        marks = list(_CONTINUATION_MARK.finditer(line.text))
        if not marks:
            out.append(line)
            continue
        removed.extend(RemovedLine(line=line.number, text=m.group().strip(), rule="continuation-mark") for m in marks)
        rest = _CONTINUATION_MARK.sub("", line.text).strip()
        if rest:
            out.append(Line(number=line.number, text=rest))
    return out, removed


def _balanced(text: str) -> bool:
    """Does every bracket opened in `text` close in it? A note in brackets (【…归某某所有。未经授权，不得转载。】) is one note."""
    return all(text.count(opening) == text.count(closing) for opening, closing in ("【】", "[]", "（）", "()", "《》"))


_BRACKETED_WORD = re.compile(rf"[（(][{HAN}]{{2,4}}[）)]")
"""A tail of a word or a name in brackets after the page's last sentence (…述职进行了逐一点评。(方诗伦)): short,
but judged like any tail — the writer's name goes, （掌声） stays. After an earlier paragraph it stays with it."""
_LAST_SENTENCE_END = re.compile(r"[。！？!?][”’」』）)]?")
PREVIEW_LINE_MIN = 30


def drop_previews_of_later_lines(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Drop a line that a later line repeats and goes on from: a document site's preview of the text,
    cut short, on a line of its own above the text itself. Nothing is lost: every character of it
    stands in the later line (spaces aside; a PDF's text layer puts some where its lines broke).
    """
    compact = [re.sub(r"\s+", "", line.text).rstrip("….。") for line in lines]
    out, removed = [], []
    seen = 0
    for index, line in enumerate(lines):
        text = compact[index]
        seen += bool(text)
        later = len(text) >= PREVIEW_LINE_MIN and any(len(other) > len(text) and other.startswith(text) for other in compact[index + 1 : index + 12])
        head = _head_before_preview(text, "".join(compact[index + 1 : index + 12])) if not later and seen <= PREVIEW_HEAD_LINES else None
        if head is None and not later and seen <= PREVIEW_HEAD_LINES:
            later = _cut_preview_of(line.text.strip(), "".join(compact[index + 1 : index + 12]))
        if later or head == 0:
            removed.append(RemovedLine(line=line.number, text=line.text, rule="repeated-preview"))
            out.append(Line(number=line.number, text=""))
        elif head:
            # The page's summary line: the title, then the text's opening the lines below give again.
            cut = _original_index(line.text, head)
            removed.append(RemovedLine(line=line.number, text=line.text[cut:].strip(), rule="repeated-preview"))
            out.append(Line(number=line.number, text=line.text[:cut].rstrip()))
        else:
            out.append(line)
    return out, removed


PREVIEW_CUT_END = 3
"""A preview cut mid-word may end on characters the text has otherwise (贯彻习 over 贯彻XXX)."""


def _cut_preview_of(text: str, following: str) -> bool:
    """Is the line near the top a page's preview of the lines below, run together and cut short,
    once quotes and punctuation are set aside (a site's "…" over the text's “…”) and its last few
    characters, where the cut fell, are not looked at? A preview that ends a sentence is no cut one.

    >>> _cut_preview_of('在某某会上的讲话"强县之问"(2019年3月31日)同志们:县不图强,必有远忧。当前,全国各地都在深入学习贯彻习',
    ...                 "在某某会上的讲话“强县之问”（2019年3月31日）同志们：县不图强，必有远忧。当前，全国各地都在深入学习贯彻XXX，高质量发展")
    True
    """
    words, said = _letters(text), _letters(following)
    if len(words) < PREVIEW_LINE_MIN or re.search(r"[。！？!?][”’」』]?$", text):
        return False
    return len(said) > len(words) and said.startswith(words[:-PREVIEW_CUT_END])


def _letters(text: str) -> str:
    """Han characters, letters and digits: what a preview and its text share whatever their punctuation."""
    return re.sub(rf"[^{HAN}A-Za-z0-9]", "", text)


PREVIEW_TITLE_MAX = 60
"""How long a title may stand in front of a page's summary of the text."""


def _head_before_preview(text: str, following: str) -> int | None:
    """Where, in a line near the top, a preview of the text starts that the lines below give again,
    run together (in …的讲话 同志们：根据…今天开班了。在此，我…表示热烈的欢迎！。 — the salutation and the
    opening sentences stand on the lines below): 0 when the whole line is the preview, the title's
    length when a title stands in front of it, None when the line is no preview."""
    if len(text) < PREVIEW_LINE_MIN:
        return None
    for start in range(0, min(PREVIEW_TITLE_MAX, len(text) - PREVIEW_LINE_MIN) + 1):
        if following.startswith(text[start:]):
            # What stands in front is a title (一、 in front of a paragraph said twice is not).
            title_like = start == 0 or (start >= PREVIEW_TITLE_MIN and not re.search(r"[。！？，；!?,;]", text[:start]))
            return start if title_like else None
    return None


PREVIEW_TITLE_MIN = 6


def _original_index(text: str, compact_index: int) -> int:
    """The index in `text` of the character at `compact_index` once whitespace is taken out."""
    seen = 0
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        if seen == compact_index:
            return i
        seen += 1
    return len(text)


_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~:/?#@!$&'*+,;=%-]*)?")
SPLICED_CONTEXT_MIN = 2
SPLICED_SIDE_MAX = 24
GAP_RULE = "download-prompt"
"""The rule (corpus/boilerplate.yaml) whose lines say the page left text out (剩余3页未读, ……此处隐藏4200字……)."""
_GAP = re.compile(
    r"(?:[…．.·\-—－~～=*]{2,}\s*)?(?:[（(【\[][^（）()【】\[\]]{0,40}?(?:隐藏|省略)了?\s*\d+\s*个?字[^（）()【】\[\]]{0,30}[）)】\]]"
    r"|(?:此处|以下)?(?:隐藏|省略)了?\s*\d+\s*个?字(?:[，,]\s*[^，,。；！？!?（）()\s]{0,12}?(?:下载|查看|阅读|登录|会员|全文)[^，,。；！？!?（）()\s]{0,8})?)"
    r"[…．.·\-—－~～=*]*"
)
"""The gap with the notice's own words and its rule round it: ---此处隐藏5422字，下载后查看---, ……此处隐藏1200字……."""
_HEADING_START = re.compile(r"(?:^|(?<=[。！？；]))\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[，、])[^。！？；]{2,40}$")


def cut_spliced_marks(lines: list[Line]) -> tuple[list[Line], list[RemovedLine]]:
    """Take out what a site splices into the text itself, and part the text where it was.

    - A watermark around a web address, put into the text again and again (拉开心]语[文创&素材库：https://…
      。公众号：笔杆子星域。整理汇总。序幕): what stands round the address in every copy (the same Han
      characters, whatever signs are strewn among them) is the mark, and goes.
    - A paywall's gap (……此处隐藏4200字……): the text after it is not the words before it continued.
    Where a mark or gap follows a heading (一、站位要高[mark]换届风气的好坏…), the text is parted there.
    """
    whole = "\n".join(line.text for line in lines)
    hosts = Counter(m.group().split("//")[-1].split("/")[0] for m in _URL.finditer(whole))
    out, removed = [], []
    for line in lines:
        # glued after the text's last words too (…使命感。---此处隐藏5422字，下载后查看---): the words before it stay
        spans = [(m.start(), m.end(), GAP_RULE) for m in _GAP.finditer(line.text) if 0 < m.start() and HAN_CHAR.search(line.text[: m.start()])]
        for m in _URL.finditer(line.text):
            host = m.group().split("//")[-1].split("/")[0]
            if hosts[host] >= 2:
                span = _mark_around(line.text, m, [x for x in _URL.finditer(whole) if host in x.group()], whole)
                if span:
                    spans.append((*span, "inline-watermark"))
        if not spans:
            out.append(line)
            continue
        parts, current, start = [], "", 0
        for a, b, rule in sorted(spans):
            if a < start:
                continue
            removed.append(RemovedLine(line=line.number, text=line.text[a:b].strip(), rule=rule))
            current += line.text[start:a]
            heading = _HEADING_START.search(current)
            if heading:  # the heading before the mark is a line of its own
                parts.extend([current[: heading.start()], current[heading.start():]])
                current = ""
            elif rule == GAP_RULE:
                # the notice stays a line of its own until the joins are done, so that no join takes the words after
                # it for the words before it continued (gaps_set_apart takes it out again; its removal is logged here)
                parts.extend([current, line.text[a:b].strip()])
                current = ""
            start = b
        parts.append(current + line.text[start:])
        out.extend(Line(number=line.number, text=p.strip()) for p in parts if p.strip())
    return out, removed


def gaps_set_apart(lines: list[Line], removed: list[RemovedLine]) -> list[Line]:
    """The paywall notices `cut_spliced_marks` parted from inside a line and left as lines of their own while the
    joins ran (…开展季度党建考评时 / ……此处隐藏3120个字…… / 镇上准备在…: the page left thousands of characters out, and the
    two sides are two paragraphs), taken out now; their removal was logged when they were parted."""
    parted = {(r.line, r.text) for r in removed if r.rule == GAP_RULE}
    return [line for line in lines if (line.number, line.text.strip()) not in parted or not _GAP.fullmatch(line.text.strip())]


def _mark_around(text: str, url: re.Match, copies: list[re.Match], whole: str) -> tuple[int, int] | None:
    """The span of a watermark around `url` in `text`: the Han characters that stand on each side of
    every copy of the address, with whatever signs lie among them."""
    lefts = ["".join(HAN_CHAR.findall(whole[max(0, c.start() - SPLICED_SIDE_MAX) : c.start()]))[::-1] for c in copies]
    rights = ["".join(HAN_CHAR.findall(whole[c.end() : c.end() + SPLICED_SIDE_MAX])) for c in copies]
    left_n, right_n = _common_prefix(lefts), _common_prefix(rights)
    if left_n + right_n < SPLICED_CONTEXT_MIN:
        return None
    start = url.start()
    seen = 0
    while seen < left_n and start > 0:
        start -= 1
        seen += bool(HAN_CHAR.match(text[start]))
    while start > 0 and text[start - 1] in "[【（(<「『":
        start -= 1  # the bracket it opens with goes with it
    end = url.end()
    seen = 0
    while seen < right_n and end < len(text):
        seen += bool(HAN_CHAR.match(text[end]))
        end += 1
    while end < len(text) and not HAN_CHAR.match(text[end]) and text[end] not in "“（《":
        end += 1  # the signs after it (。 !。) go with it
    return start, end


def _common_prefix(texts: list[str]) -> int:
    n = 0
    while all(len(t) > n for t in texts) and len({t[n] for t in texts}) == 1:
        n += 1
    return n


_COMPATIBILITY_IDEOGRAPH = re.compile(f"[{COMPATIBILITY_FORMS}]")


def unified_ideographs(text: str) -> tuple[str, int]:
    """`text` with Kangxi radicals, radical supplement forms and compatibility ideographs as the ordinary
    characters they stand for (NFKC, text.RADICAL_FORMS), and how many were changed (a few have no other form and stay)."""
    changed = 0

    def unified(m: re.Match) -> str:
        nonlocal changed
        form = unified_ideograph(m.group())
        changed += form != m.group()
        return form

    return _COMPATIBILITY_IDEOGRAPH.sub(unified, text), changed
_PINYIN_ANNOTATION = re.compile(rf"(?<={HAN_CHAR.pattern})\(\s?[a-zü]{{0,5}}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{{0,5}}\s?\)")
"""A syllable with its tone mark in brackets right after a character: 會(huì), 說(shuō), 创(chuàng )."""
_INJECTED_SYMBOL = re.compile(rf"(?<={_CJK})[\u2600-\u27BF\U0001F000-\U0001FAFF\uFE0F]+(?={_CJK})")


def _without_injected_symbols(text: str, counts: Counter) -> str:
    text, n = _INJECTED_SYMBOL.subn("", text)
    counts["injected-symbols"] += n
    return text


_JAMMER_RUN = re.compile(
    r"(?:^|(?<=[\s。，！？；：、”’）」』】]))(?:[!-~]{1,2} ){4,}"
    r"(?:[!-~]{1,2}(?=\s|$)|(?![0-9][0-9.]?[\u4e00-\u9fff—“‘（《【])[!-~]{1,2}(?=[\u4e00-\u9fff—“‘（《【]))"
)
"""Five or more tokens of one or two ASCII characters, parted by single spaces: the random filler a forum
hides between the words of a post to spoil copying (o0 x- I- f* p0 b0 \\1 T5). The last token may touch the words
after it, unless it is a number of theirs: a heading's `1.` (`…R' K 1.首部。…`) or a figure before its unit (`12月`)
opens the text and is no filler."""
_JAMMER_MIXED = re.compile(r"^(?:[A-Za-z0-9][!-/:-@\[-`{-~]|[!-/:-@\[-`{-~][A-Za-z0-9]|[A-Za-z][0-9]|[0-9][A-Za-z])$")
"""A token of a letter or digit and a mark (x-, \\1, R#), or of a letter and a digit (k1, b8): filler is full of
them; page numbers (1 2 3 4 5), initials (A B C D E) and bracketed numbers ( ( 1 ) ) have none."""
JAMMER_MIN_MIXED = 3


def strip_jammer_codes(line: str) -> tuple[str, int]:
    """`line` without a forum's anti-copying filler (see _JAMMER_RUN), and the number of runs taken out."""
    if " " not in line:
        return line, 0
    found = 0

    def drop(m: re.Match) -> str:
        nonlocal found
        if sum(bool(_JAMMER_MIXED.match(token)) for token in m.group().split(" ")) < JAMMER_MIN_MIXED:
            return m.group()
        found += 1
        return ""

    stripped = _JAMMER_RUN.sub(drop, line)
    return (re.sub(r" {2,}", " ", stripped).strip() if found else line), found


FILLER_ALONE_MIN_TOKENS = 4


def without_the_filler_left_alone(lines: list[Line], counts: Counter) -> list[Line]:
    """On a page whose forum filler was taken out twice or more (`strip_jammer_codes`), a line of nothing but such
    tokens too short or too plain for the filler's own test (`8 `' K# ^; ~1 d`: four or more tokens of one or two ASCII
    characters, one of them a letter or digit with a mark) is more of it: emptied, and counted with it. Initials and
    page numbers (`A B C D E`, `1 2 3 4 5`) have no such token; a page with no filler keeps every line.

    >>> counts = Counter({"jammer-codes": 2})
    >>> [line.text for line in without_the_filler_left_alone([Line(1, "8 `' K# ^; ~1 d"), Line(2, "A B C D E"), Line(3, "一、总则")], counts)]
    ['', 'A B C D E', '一、总则']
    >>> counts["jammer-codes"], [line.text for line in without_the_filler_left_alone([Line(1, "8 `' K# ^; ~1 d")], Counter())]
    (3, ["8 `' K# ^; ~1 d"])
    """
    if counts["jammer-codes"] < 2:
        return lines
    out = []
    for line in lines:
        tokens = line.text.split()
        if len(tokens) >= FILLER_ALONE_MIN_TOKENS and all(re.fullmatch(r"[!-~]{1,2}", token) for token in tokens) \
                and any(_JAMMER_MIXED.match(token) for token in tokens):
            counts["jammer-codes"] += 1
            line = Line(number=line.number, text="")
        out.append(line)
    return out


def strip_markup(line: str) -> tuple[str, int]:
    """Formatting tags and character entities left by a copied web page (`<br/>`, `&nbsp;`).

    Only the tags that format text are taken out; anything else that looks like markup (`<script>`)
    stays as text, shown literally.
    """
    line, tags = _MARKUP_TAG.subn("", line)
    entities = 0
    if "&" in line:
        def entity(match: re.Match) -> str:
            nonlocal entities
            entities += 1
            return html.unescape(match.group() if match.group().endswith(";") else match.group() + ";")

        line = _ENTITY.sub(entity, line)
    return line, tags + entities


_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+(?=\S)")
_MARKDOWN_BOLD = re.compile(r"^(\s*)\*\*([^*\s][^*]*?)(?<!\s)\*\*")
"""Bold at the start of a line: a heading copied from a page written in Markdown. Markdown puts no
space inside the stars: "**市委常委、组织部部长 **" holds a blanked place and name."""
_NUMBERED = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、．.]|第[一二三四五六七八九十]{1,3})")


_BOLD_CUT_OFF = re.compile(r"^(\s*)\*\*(?=[^*\s])([^*。！？；;!?]{4,40})$")
"""A bold line a page was cut inside, before its closing stars: `**“用”的突破：激发人才效能的`."""


def wholly_bold(line: str) -> bool:
    """A line set wholly in Markdown bold (`**政策东风：乡村人才振兴迎来关键窗口期**`): a heading's evidence
    when lines like it each stand over text. Not the stars of a blanked name (`**市委常委、组织部部长 **`)."""
    bold = _MARKDOWN_BOLD.match(line)
    return bool(bold) and bold.end() == len(line.rstrip())


def without_cut_off_bold(lines: list[Line], bold_lines: list[int], counts: Counter) -> list[Line]:
    """The text's last line opening a bold it never closes, short and no sentence, where other lines of the
    text are wholly bold: the page was cut inside its last bold heading. Its stars go (counted with the
    Markdown markup) and it counts as bold; anywhere else `**` opening a line is a blanked place
    (`**是大县，…。`) and stays."""
    last = max((k for k, line in enumerate(lines) if line.text.strip()), default=None)
    if last is None or not bold_lines or lines[last].number in bold_lines:
        return lines
    cut = _BOLD_CUT_OFF.match(lines[last].text)
    if not cut:
        return lines
    counts["markdown-markup"] += 1
    bold_lines.append(lines[last].number)
    return lines[:last] + [Line(number=lines[last].number, text=cut.group(1) + cut.group(2))] + lines[last + 1 :]


def strip_markdown(line: str) -> tuple[str, int]:
    """Markdown left by a copied page: `## 一、…`, and bold over a whole line or around a numbered
    heading (`**一、…**`). Other stars stay: `**同志和**同志` holds placeholders for names."""
    line, hashes = _MARKDOWN_HEADING.subn("", line)
    bold = _MARKDOWN_BOLD.match(line)
    if bold and (bold.end() == len(line.rstrip()) or _NUMBERED.match(bold.group(2))):
        line = bold.group(1) + bold.group(2) + line[bold.end():]
        return line, hashes + 1
    return line, hashes


LABEL_PREFIX = re.compile(r"^(?:(?:内容预览|文档预览|预览|正文|全文|文章正文|文本内容|文档内容|标题|文章标题)\s*[:：]|(?:文档)?编号\s*[:：]\s*[\dA-Za-z]{4,}\s*)\s*(?=\S)")
"""A page's label in front of the speech itself: the label goes, the text after it stays."""


INLINE_WATERMARK = re.compile(r"[（(【\[][^（）()【】\[\]]{0,20}?(?:https?://|www\.)[^（）()【】\[\]\s]{3,80}\s*[）)】\]]")
"""A site's mark put inside the text, a web address in brackets: "（来源：某某范文网 www.example.com）"."""
TRAILING_TAGS = re.compile(r"(?:&[a-z]{0,6})?[\[【](?:标签|关键词|关键字|分类|tags?)\s*[:：][^\[\]【】]{0,40}[\]】]\s*$|(?<=[^\]】\s])\s*[\[【](?:打印本页|打印|关闭窗口|收藏本页)[\]】]\s*$", re.IGNORECASE)
"""A page's tag list glued to the end of the last line (…抓好贯彻落实。[标签：讲话]), or a forum's
print link after a title (…只把春来报 [打印本页]; a row of such links is article-tools, a rule's)"""
TRAILING_CREDIT = re.compile(
    r"[（(](?:撰稿|供稿|编辑|责任编辑|责编|审核|校对|记者|通讯员|稿件来源|来源|作者)\s*[:：]\s*[^（）()]{1,30}[）)]\s*$"
    r"|(?<=[。！？”])\s*[（(][^（）()。，]{0,16}[/／]\s*(?:文|图|摄|供图|编辑)(?:\s+[^（）()。，]{1,8}[/／]\s*(?:文|图|摄|供图))?\s*[）)]\s*$"
)
"""A page's credit glued to the end of a line: …服务高质量发展。（撰稿：某某）, …战斗力。（宣传处 某某/文 某某/图）"""
TRAILING_DOWNLOAD = re.compile(r"(?<=\S)\s*[（(【\[]?(?:下载本文|免费下载|下载全文|点击下载|文档下载|下载)[）)】\]]?\s*$")
"""A download link after a title: 【精品】在全县…的讲话（最新）下载本文 (the title stays, its decoration is the parser's)."""
TITLE_WORDS = re.compile(r"讲话|报告|发言|致辞|党课|讲稿|主持词")
TRAILING_PAGE = re.compile(r"(?<=[。！？”])\s*第\s*\d{1,4}\s*页\s*[/，,]?\s*共\s*\d{1,4}\s*页\s*$")
"""A document's page footer glued to the sentence before it: …强调三个问题。 第1页共 17 页"""


_GARBLED_END = re.compile(r"(?:\ufffd|锟斤拷|烫烫|屯屯)[\ufffd锟斤拷烫屯?？\s]*$")


def garbled_tail(text: str) -> int | None:
    """Where a run a wrong decoding left, glued to the end of a line, starts: after the last sentence end, a
    tail that is half or more replacement characters (…抓好落实。��ӭ���ʹ��), or a bare run of them at the end
    (…抓好落实锟斤拷锟斤拷). None when there is none, or when too little text would stay before it.

    >>> t = "要加强基层党组织建设，把党员组织起来。\ufffd\ufffd\u04ed\ufffd\ufffd"
    >>> t[garbled_tail(t):] == "\ufffd\ufffd\u04ed\ufffd\ufffd"
    True
    >>> garbled_tail("要加强基层党组织建设锟斤拷锟斤拷"), garbled_tail("要加强基层党组织建设，把党员组织起来。")
    (10, None)
    """
    ends = list(_LAST_SENTENCE_END.finditer(text))
    start = ends[-1].end() if ends else None
    if start is None or not text[start:].strip() or garbled(LineContext(text[start:], True, True)) < CHROME_AT:
        bare = _GARBLED_END.search(text)
        start = bare.start() if bare else None
    return start if start is not None and len(HAN_CHAR.findall(text[:start])) >= TAIL_HEAD_MIN - 2 else None


LEADING_STYLES = re.compile(
    r"^(?:\s*(?:[a-z]{1,8}>|\[标签[:：][^\[\]]{0,20}\]|(?:@[a-z-]+|[A-Za-z][A-Za-z0-9_.#:-]*)(?:\s*,\s*[A-Za-z][A-Za-z0-9_.#:-]*)*\s*\{[^{}]{0,400}\}))+\s*"
)
"""A saved page's style sheet run into the text in front of it (`l> @page { size: … } p.cjk { font-family:
"宋体" } 市长在…的讲话`), with the tail of a tag and a template's [标签:标题] among it."""


def strip_labels(lines: list[Line]) -> tuple[list[Line], list[RemovedLine]]:
    """Take a page's labels off the text they are glued to (each logged as a removal of its own)."""
    out, removed = [], []
    for line in lines:
        styles = LEADING_STYLES.match(line.text) if "{" in line.text else None
        if styles and "}" in styles.group() and (styles.end() == len(line.text) or len(line.text) - styles.end() >= 8):
            removed.append(RemovedLine(line=line.number, text=styles.group().strip(), rule="css-or-markup"))
            line = Line(number=line.number, text=line.text[styles.end():])
        m = LABEL_PREFIX.match(line.text)
        if m and len(line.text) - m.end() >= 8:
            removed.append(RemovedLine(line=line.number, text=m.group().strip(), rule="page-label"))
            line = Line(number=line.number, text=line.text[m.end():])
        download = TRAILING_DOWNLOAD.search(line.text) if len(line.text) <= 80 else None
        if download and TITLE_WORDS.search(line.text[: download.start()]):
            removed.append(RemovedLine(line=line.number, text=download.group().strip(), rule="page-label"))
            line = Line(number=line.number, text=line.text[: download.start()].rstrip())
        garble = garbled_tail(line.text)
        if garble is not None:
            removed.append(RemovedLine(line=line.number, text=line.text[garble:].strip(), rule="garbled-characters"))
            line = Line(number=line.number, text=line.text[:garble].rstrip())
        for pattern, rule in ((TRAILING_TAGS, "page-label"), (TRAILING_CREDIT, "inline-credit"), (TRAILING_PAGE, "page-number")):
            tail = pattern.search(line.text)
            if tail and tail.start() >= 8:
                removed.append(RemovedLine(line=line.number, text=tail.group().strip(), rule=rule))
                line = Line(number=line.number, text=line.text[: tail.start()].rstrip())
        marks = list(INLINE_WATERMARK.finditer(line.text))
        bare = INLINE_WATERMARK.sub("", line.text) if marks else line.text
        if marks and len(bare.strip()) >= 8:
            removed.extend(RemovedLine(line=line.number, text=m.group(), rule="inline-watermark") for m in marks)
            line = Line(number=line.number, text=bare)
        out.append(line)
    return out, removed


_LABELLED_TITLE = re.compile(r"^\s*([【\[［]?[\u4e00-\u9fff]{2,8}[】\]］]?)\s*[:：]\s*([^|｜丨]{8,})$")
"""A label, a colon, a title (a bar parts a menu's items or a column from its headline: other readers' business)."""
LISTING_FIELDS = "listing-fields"
"""The rule a listing's column label and fields round a title are removed under when no boilerplate rule catches them."""
TITLE_LABEL_REACH = 3
"""How many lines on top may be a title with a site's label glued to it."""


def strip_a_rules_label_off_a_title(lines: list[Line], config: BoilerplateConfig) -> tuple[list[Line], list[RemovedLine]]:
    """A site's label glued to the title on top (精选范文：县委书记在全县…上的讲话): when a boilerplate rule catches the
    label alone and not the title after it, only the label goes (logged under that rule); the title stays for the
    reader, where before the whole line went and a title was made from the body. So too a listing's line (讲话稿 在…上的
    讲话 贡献者：… 浏览：128, `evidence.title_in_a_listing`) a rule catches for its fields: the fields and the column go.
    """
    out, removed, seen = [], [], 0
    for line in lines:
        if line.text.strip() and seen < TITLE_LABEL_REACH:
            seen += 1
            listing = title_in_a_listing(line.text)
            if listing and not re.search(r"[。；;！？!?]", listing[0]) and reads_like_title(listing[0]) and not matches_a_rule(listing[0], config):
                # 讲话稿 在全县…上的讲话 贡献者：… 浏览：128: the listing's words go (under the rule that catches the line, if
                # one does), the title between them stays — not the whole line, with a title made from the body
                rule = next((r.name for r in config.rules if rule_matches(r, line.text)), LISTING_FIELDS)
                removed += [RemovedLine(line=line.number, text=piece, rule=rule) for piece in listing[1]]
                out.append(Line(number=line.number, text=listing[0]))
                continue
            m = _LABELLED_TITLE.match(line.text)
            if m and not re.search(r"[。；;！？!?]", m.group(2)) and reads_like_title(m.group(2)) and not matches_a_rule(m.group(2), config):
                rule = next((r for r in config.rules if rule_matches(r, m.group(1))), None)
                if rule is not None:
                    removed.append(RemovedLine(line=line.number, text=line.text[: m.start(2)].strip(), rule=rule.name))
                    line = Line(number=line.number, text=m.group(2))
        out.append(line)
    return out, removed


def rule_matches(rule: BoilerplateRule, line: str) -> bool:
    """Does `rule`'s pattern find `line`, which is short enough for it (long lines are content)?"""
    return (not rule.max_length or len(line) <= rule.max_length) and bool(rule.pattern.search(line))


def matches_a_rule(line: str, config: BoilerplateConfig) -> bool:
    """Would a line-level rule remove this line on its own (blocks and edges aside)?"""
    return any(rule.where == "anywhere" and rule_matches(rule, line) for rule in config.rules)


def find_boilerplate(lines: list[str], config: BoilerplateConfig) -> dict[int, str]:
    """Map line index → rule name for every line a boilerplate rule or a chrome mechanism removes."""
    head_end, tail_start = _edges(lines, lambda line: any(rule_matches(rule, line) for rule in config.rules))
    # A 公文's text runs from its 主送 to its 成文日期: its last part's contact line (联系电话：…) is the document's, not
    # a site's footer at the page's edge (gongwen.text_span only widens the text).
    head_end, tail_start = gongwen.text_span(lines, (head_end, tail_start))
    removed: dict[int, str] = {}
    for index, line in enumerate(lines):
        if not line or index in removed:
            continue
        at_edge = index < head_end or index >= tail_start
        for rule in config.rules:
            if (rule.where == "edges" and not at_edge) or not rule_matches(rule, line):
                continue
            if rule.block and ((config.keep and config.keep.search(line)) or _is_clause_sentence(line)
                               or _one_of_its_numbered_siblings(lines, index, lambda other: rule_matches(rule, other))):
                continue
            targets = _block_around(lines, index, rule, config, head_end, tail_start) if rule.block else [index]
            for target in targets:
                removed.setdefault(target, rule.name)
            break
    for index, rule_name in copies_of_caught_lines(lines, removed).items():
        removed.setdefault(index, rule_name)
    for index in find_outline_copy(lines, head_end):
        removed.setdefault(index, "outline-copy")
    for index, rule in find_link_lists(lines, removed, tail_start).items():
        removed.setdefault(index, rule)
    for index in find_cover_letter(lines):
        removed.setdefault(index, "cover-letter")
    for index in find_chrome_dates(lines, removed):
        removed.setdefault(index, "chrome-date")
    for index in find_running_headers(lines, config):
        removed.setdefault(index, RUNNING_HEADER)
    return removed


REPEATED_LINE_MAX = 40
"""A line printed again by the page is furniture only when short: a speech says a sentence twice, not a footer."""


def repeated_lines(texts: list[str], is_chrome=lambda text: False) -> set[str]:
    """Short lines with no sentence end the page gives twice or more, word for word, one copy right beside a line
    a rule takes (a site's footer `公文阁 公文写作之家，体制人加油站` between `关注微信公众号` and its web address, under
    each page of a document). A report's repeated sub-heads (主要做法, 存在问题) stand beside its own text, and a
    salutation or a numbered heading is the speech's, however often it stands.

    >>> texts = ["关注公众号", "某某网 写作之家", "正文，未完", "关注公众号", "某某网 写作之家", "主要做法", "正文。", "主要做法"]
    >>> sorted(repeated_lines(texts, lambda text: "公众号" in text))
    ['某某网 写作之家']
    """
    filled = [i for i, text in enumerate(texts) if text.strip()]
    places: dict[str, list[int]] = {}
    for position, index in enumerate(filled):
        text = texts[index].strip()
        if 2 <= len(text) <= REPEATED_LINE_MAX:
            places.setdefault(text, []).append(position)

    def beside_chrome(position: int) -> bool:
        return any(0 <= p < len(filled) and is_chrome(texts[filled[p]]) for p in (position - 1, position + 1))

    return {text for text, found in places.items() if len(found) >= 2 and not _SENTENCE_END.search(text)
            and not SALUTATION_RE.match(text) and not _NUMBERED.match(text) and any(beside_chrome(p) for p in found)}


def copies_of_caught_lines(lines: list[str], removed: dict[int, str]) -> dict[int, str]:
    """A line a rule took where the rule looks (at the edges, in an advertising block) is the page's
    wherever else it stands word for word: the same footer inside the text, between two halves of a
    paragraph. Only short lines with no sentence end and no evidence of speech (a title said again under the
    page's notices names a speech: 在…上的讲话) go so; each under the rule that took its copy.

    >>> copies_of_caught_lines(["某某网 写作之家", "今天我们开会，研究工作。", "某某网 写作之家", "在全市会议上的讲话", "在全市会议上的讲话"], {0: "advertising-block", 3: "advertising-block"})
    {2: 'advertising-block'}
    """
    caught = {lines[i].strip(): rule for i, rule in sorted(removed.items()) if lines[i].strip()}
    found = {}
    for index, line in enumerate(lines):
        text = line.strip()
        if index in removed or text not in caught or len(text) > REPEATED_LINE_MAX or _SENTENCE_END.search(text):
            continue
        if judge(LineContext(text, True)).score > 0:
            found[index] = caught[text]
    return found


LINK_LIST_MAX = 40
BARE_LABEL_MAX = 8
_LABEL_END = re.compile(r"[:：]\s*$")


def find_link_lists(lines: list[str], removed: dict[int, str], tail_start: int) -> dict[int, str]:
    """Under the text, the links a removed label introduces ("相关文章：" then "1. 在全县党建工作会议上的
    讲话", "2. …"): the short lines without a sentence that follow it, up to a blank line, go with it
    under its rule. Such titles end like a speech's title, which `keep` protects from a block."""
    found: dict[int, str] = {}
    for index in sorted(removed):
        bare_label = removed[index] == "related-links" and len(lines[index]) <= BARE_LABEL_MAX  # 往期推荐
        if index < tail_start or not (_LABEL_END.search(lines[index]) or bare_label):
            continue
        j = index + 1
        while j < len(lines) and lines[j] and len(lines[j]) <= LINK_LIST_MAX and not _SENTENCE_END.search(lines[j]):
            found.setdefault(j, removed[index])
            j += 1
    return found


_COVER_NOTICE = re.compile(r"^关于(?:印发|转发|下发|刊发|编发)[^《》]{0,20}《(.{4,80}?)》[^《》]{0,12}的通知$")
_COVER_NOTICE_BARE = re.compile(r"^关于(?:印发|转发|下发|刊发|编发)([^《》，。]{4,80}?(?:讲话|发言|致辞|党课|讲稿))(?:稿|材料)?的通知$")
"""The same notice typed without 《》: 关于印发县委书记在全县组织工作会议上讲话的通知. Only a speech's name is read bare —
a bare 关于印发2024年工作要点的通知 may well be the document itself."""
_SIGNATURE_DATE = re.compile(r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年[^，。]{1,8}日$")
COVER_SCAN_LINES, COVER_MAX_LINES, COVER_HEAD_MAX = 15, 25, 40


def find_cover_letter(lines: list[str]) -> list[int]:
    """An office's covering notice in front of the speech it sends out, as a Word file from the office
    system has it: "关于印发《周明同志在全县组织工作会议上的讲话》的通知", the addressees, "现将…印发
    给你们", the office's name and the notice's date. It ends where the speech's own title begins (the
    title the notice names, or its end: "在全县组织工作会议上的讲话"), or else at the notice's date.
    Its date is the notice's, never the speech's. What stands above the notice is the document's
    head (the office's name, the document number) and goes with it."""
    for index, line in enumerate(lines[:COVER_SCAN_LINES]):
        notice = _COVER_NOTICE.match(line) or _COVER_NOTICE_BARE.match(line)
        if notice is None:
            continue
        named = _same_name(notice.group(1))
        end = None
        at_title = False
        for j in range(index + 1, min(len(lines), index + COVER_MAX_LINES)):
            text = _same_name(lines[j])
            if len(text) >= 6 and (named == text or named.endswith(text) or text.endswith(named)):
                end, at_title = j, True
                break
            if end is None and _SIGNATURE_DATE.match(text):
                end = j + 1  # …unless the speech's title comes later
        if end is None or not (at_title or _encloses_a_text(lines[index + 1 : end], lines[end:])):
            return []
        head = [k for k in range(index) if lines[k] and len(lines[k]) <= COVER_HEAD_MAX and not _SENTENCE_END.search(lines[k])]
        return head + [k for k in range(index, end) if lines[k]]
    return []


COVER_LETTER_SENTENCES = 4
"""A covering notice says 现将…印发给你们 and what to do with it in a few sentences."""
_NUMBERED_HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[章条])")


def _encloses_a_text(notice: list[str], after: list[str]) -> bool:
    """Does a notice that ends at its date send out a text that follows it? Not when the notice holds
    the text itself (numbered headings, more than a few sentences: 关于印发…要点的通知 with the 要点 in
    its body) or when nothing but the 版记 follows its date: then the notice is the document, and the
    公文 reader gives it its parts.

    >>> _encloses_a_text(["各乡镇党委：", "现将讲话印发给你们，请认真学习贯彻。"], ["同志们：", "今天召开会议。"])
    True
    >>> _encloses_a_text(["各乡镇党委：", "现将要点印发给你们。", "一、加强政治建设", "要讲政治。"], ["同志们：", "今天召开会议。"])
    False
    >>> _encloses_a_text(["各乡镇党委：", "现将要点印发给你们。"], ["抄送：市委组织部。", "某某办公室　2024年3月8日印发"])
    False
    """
    sentences = sum(1 for line in notice if _SENTENCE_END.search(line))
    if sentences > COVER_LETTER_SENTENCES or any(_NUMBERED_HEADING.match(line.strip()) for line in notice):
        return False
    return any(_SENTENCE_END.search(line) and not gongwen.read_record(_compact(line)) for line in after)


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text).strip("《》")


def _same_name(text: str) -> str:
    """A speech's name as a notice and a title line both write it, 的 left out: a notice typed without 《》 says
    在全县组织工作会议上讲话 where the title reads 在全县组织工作会议上的讲话.

    >>> _same_name("县委书记在全县组织工作会议上讲话").endswith(_same_name("在全县组织工作会议上的讲话"))
    True
    """
    return _compact(text).replace("的", "")


RUNNING_HEADER_MIN, RUNNING_HEADER_MAX = 4, 30
RUNNING_HEADER_TIMES = 3


def find_running_headers(lines: list[str], config: BoilerplateConfig) -> list[int]:
    """A short line printed on every page of a PDF or a periodical ("组工通讯　2022年第3期"): the same
    line three times or more, once as the first or the last line of the text (the first page's head,
    the last page's foot), and neither prose, a heading nor a salutation. A line written twice is
    often a title and its repeat, or an outline and its headings; and a report may head each part
    with the same 主要做法 / 存在问题, never on its first or last line."""
    seen: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        text = line.strip()
        if RUNNING_HEADER_MIN <= len(text) <= RUNNING_HEADER_MAX:
            seen.setdefault(text, []).append(index)
    filled = [i for i, line in enumerate(lines) if line.strip()]
    ends = {filled[0], filled[-1]} if filled else set()
    found = []
    for text, places in seen.items():
        if len(places) < RUNNING_HEADER_TIMES or not ends.intersection(places) or _SENTENCE_END.search(text) or SALUTATION_RE.match(text):
            continue
        if config.keep and config.keep.search(text):
            continue
        found.extend(places)
    return sorted(found)


_PAGE_NUMBER_ALONE = re.compile(r"^[-—–\s]*\d{1,4}[-—–\s]*$")
_LIST_MARK = re.compile(r"^[·•▪◦●○■□◆◇\-–—*]")


def drop_running_heads_inside_sentences(lines: list[Line]) -> tuple[list[Line], list[RemovedLine]]:
    """Every copy of a running head left inside a sentence (`running_heads_inside_sentences`) goes, logged, and the blank
    lines round it with it: the paragraph break the page put there is no break of the text's."""
    cut = set(running_heads_inside_sentences([line.text for line in lines]))
    blank = {j for i in cut for step in (-1, 1) for j in _blanks_beside(lines, i, step)}
    kept = [line for i, line in enumerate(lines) if i not in cut | blank]
    return kept, [RemovedLine(line=lines[i].number, text=lines[i].text, rule=RUNNING_HEADER) for i in sorted(cut)]


def _blanks_beside(lines: list[Line], index: int, step: int) -> list[int]:
    found, at = [], index + step
    while 0 <= at < len(lines) and not lines[at].text.strip():
        found.append(at)
        at += step
    return found


RUNNING_HEADER = "running-header"


def running_heads_inside_sentences(lines: list[str]) -> list[int]:
    """A book's or a journal's running head — its title, its chapter — that a conversion left in the text: a short line
    with no sentence end (letter-spaced or not: 商 业 智 能 …), printed twice or more word for word, one copy of which
    stands inside a sentence: the line above stops mid-sentence (a clause begun, no stop: `layout._broken`) and the line
    under it — a page number between aside — opens no new item. A text says a sub-head twice (主要做法, 存在问题), but
    never inside one of its sentences; a numbered heading or a salutation is the text's however often it stands, and the
    text's first line is its title's place. Every other copy is the page's furniture (`running-header`), and the halves of the sentence meet again for the joins.

    >>> lines = ["某某实践与应用", "数据由各个系统的数据库、文件和网页进入数据仓库，需要经过抽取、转换和装载这样一个", "某 某 实 践 与 应 用",
    ...          "过程，简称ETL。", "某某实践与应用", "24", "一、总体要求"]
    >>> running_heads_inside_sentences(lines)  # the first line stays: the title's place
    [2, 4]
    >>> running_heads_inside_sentences(["主要做法", "要抓好数据采集、清洗和装载。", "主要做法", "要抓好落实。"])
    []
    """
    filled = [i for i, line in enumerate(lines) if line.strip() and not _PAGE_NUMBER_ALONE.match(line)]
    places: dict[str, list[int]] = {}
    for position, index in enumerate(filled):
        if not position:
            continue  # the title's place: a chapter's own title, however its running head repeats it
        key = re.sub(r"\s+", "", lines[index])
        if RUNNING_HEADER_MIN <= len(key) <= RUNNING_HEADER_MAX and len(HAN_CHAR.findall(key)) >= RUNNING_HEADER_MIN \
                and not _SENTENCE_END.search(key) and not SALUTATION_RE.match(key) and not _STARTS_NEW.match(key):
            places.setdefault(key, []).append(position)

    def inside_a_sentence(position: int) -> bool:
        if not 0 < position < len(filled) - 1:
            return False
        above, under = lines[filled[position - 1]].strip(), lines[filled[position + 1]].strip()
        return _broken(above) and not _STARTS_NEW.match(under) and not _LIST_MARK.match(under) and not SALUTATION_RE.match(under)

    return sorted(filled[p] for found in places.values() if len(found) >= 2 and any(map(inside_a_sentence, found)) for p in found)


OUTLINE_LABEL = re.compile(r"^(?:[-–—·•*]\s*)?(?:目\s*录|提\s*纲|大纲|文章目录|内容提纲|目录提纲|文章提纲)\s*(?:[/、／]\s*(?:提纲|目录))?\s*[:：]?")
OUTLINE_MAX_LINE = 80
_ELLIPSIS = re.compile(r"^[…．.。·\s]+$")
OUTLINE_SCAN_LINES = 80
"""A copied table of contents stands above the speech, within its first lines."""


_OUTLINE_ITEM = re.compile(r"^(?:[一二三四五六七八九十]{1,3}(?:[、．是要]|\.(?!\d))|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d)|第[一二三四五六七八九十]{1,3}[，、部])")


_CONTENTS_ENTRY = re.compile(r"^[^。！？!?]{2,60}?\s+\d{1,4}$")
"""A collection's contents entry with its page number: "“不忘初心、牢记使命”专题党课讲稿 1"."""


def _outline_item(line: str) -> bool:
    """A numbered heading as an outline lists it, with no sentence, or an entry with its page number:
    under a 目录/提纲 label it is part of the copy even where the text below never repeats it (a page
    that hides the rest of the speech, a collection whose other pieces are not there)."""
    if _CONTENTS_ENTRY.match(line):
        return True
    return len(line) <= OUTLINE_MAX_LINE and bool(_OUTLINE_ITEM.match(line)) and not re.search(r"[。！？!?]", line)


def find_outline_copy(lines: list[str], head_end: int) -> list[int]:
    """A table of contents copied above the speech: lines that repeat the speech's own later lines.

    Either a labelled block (目录： / 提纲： then the headings), or, above the body, a run of two or
    more short lines each of which starts a later line of the text.
    """
    whole = "\n" + "\n".join(lines)
    starts = []  # offset in `whole` of the newline before each line
    offset = 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1

    def repeated_later(index: int) -> bool:
        text = lines[index].strip()
        if not text or len(text) > OUTLINE_MAX_LINE or index + 1 >= len(lines):
            return False
        return whole.find("\n" + text, starts[index + 1]) >= 0

    found: list[int] = []
    scan = min(len(lines), head_end + 1, OUTLINE_SCAN_LINES)
    for index, line in enumerate(lines[:scan]):
        label = OUTLINE_LABEL.match(line)
        if label and len(line) <= 200:
            found.append(index)
            j, entries = index + 1, set()
            while j < len(lines) and (not lines[j] or repeated_later(j) or _ELLIPSIS.match(lines[j]) or _outline_item(lines[j])):
                if lines[j] and _entry_key(lines[j]) in entries:
                    break  # an entry given again (一、总体要求……3 … / 一、总体要求): the contents ended, the text's first heading begins
                if lines[j]:
                    found.append(j)
                    entries.add(_entry_key(lines[j]))
                j += 1
    # A run of numbered items with no sentence is the outline too when one of them comes again below
    # (a page that shows only the first part of the text: 一、 stands again, 二、 三、 are hidden).
    run: list[int] = []
    for index in range(min(head_end, scan)):
        if run and lines[index].strip() in {lines[k].strip() for k in run}:
            # the list's first item again (1、X … 5、Y / 1、X / text…): the contents ended, the text's first heading begins
            if _is_outline_run(run, repeated_later):
                found.extend(run)
            run = []
            break
        if (repeated_later(index) or _outline_item(lines[index].strip())) and not SALUTATION_RE.match(lines[index]):
            run.append(index)
        elif lines[index]:
            if _is_outline_run(run, repeated_later):
                found.extend(run)
            run = []
    if _is_outline_run(run, repeated_later):
        found.extend(run)
    return sorted(set(found))


def _entry_key(line: str) -> str:
    """A contents line as the heading it lists: without its leader and page number, spaces or width
    (`一、总体要求……3` and `一、总体要求` are one).

    >>> _entry_key("一、坚持政治引领……………1") == _entry_key("一、坚持 政治引领")
    True
    """
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", entry_of(line)))


def _is_outline_run(run: list[int], repeated_later: Callable[[int], bool]) -> bool:
    """Two or more lines that start later lines, or numbered items of which one does."""
    return len(run) >= 2 and any(repeated_later(i) for i in run)


CHROME_DATE = re.compile(r"^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$")


def find_chrome_dates(lines: list[str], removed: dict[int, str]) -> list[int]:
    """A bare date next to removed site chrome (the site's name, a posting line) is the page's date.

    A `2024年5月6日` right under the text's last sentence (妥否，请批示。), under a template's blank
    ([发文机关署名]) or under an organ's name that signs (中共某某县委组织部) closes the document as its
    成文日期, whatever chrome (a 版记) follows it: it stays, for the 公文 reader to read as the date."""
    found = []
    for index, line in enumerate(lines):
        if index in removed or not CHROME_DATE.match(line):
            continue
        above = _neighbour(lines, index, -1)
        if "年" in line and above is not None and _closes_the_document(lines[above], removed.get(above)):
            continue
        neighbours = [j for j in (above, _neighbour(lines, index, 1)) if j is not None]
        if any(j in removed for j in neighbours):
            found.append(index)
    return found


def _closes_the_document(above: str, removed_as: str | None) -> bool:
    """Does a date under this line close the document as its 成文日期? Under a template's blank (removed as
    template-field), under the text's last sentence, or under an organ's name that signs; under any other removed line, no."""
    if removed_as is not None:
        return removed_as == "template-field"
    return bool(_LAST_SENTENCE_END.search(above[-2:]) or gongwen.read_issuer_signature(above.strip()))


def _neighbour(lines: list[str], index: int, step: int) -> int | None:
    j = index + step
    while 0 <= j < len(lines) and not lines[j]:
        j += step
    return j if 0 <= j < len(lines) else None


def _edges(lines: list[str], is_chrome=lambda line: False) -> tuple[int, int]:
    """Index where the body starts (salutation or first prose line) and where its tail begins.

    A sentence some rule takes for chrome ("声明：该文观点仅代表作者本人，…") is not the body: the
    rules that only look at the edges must still reach it and what stands beside it."""
    prose = [i for i, line in enumerate(lines) if SALUTATION_RE.match(line) or (_is_prose(line) and not is_chrome(line))]
    if not prose:
        return len(lines), len(lines)
    return prose[0], _before_a_labelled_list(lines, prose, is_chrome)


RETOLD_MIN = 4


def _retells_as_a_report(headline: str, line: str) -> bool:
    """A line that opens as a news report does (its day, a dateline, 近日…) and says again at least RETOLD_MIN
    characters of the headline above it, in a row: another article's lead under its headline.

    >>> _retells_as_a_report("市委组织部召开年轻干部座谈会", "5月4日，市委组织部召开年轻干部座谈会，听取意见建议。")
    True
    >>> _retells_as_a_report("加强组织领导", "各级党组织要加强组织领导，主要负责同志亲自抓。")
    False
    """
    line = line.strip()
    return bool(REPORT_OPENING.match(line)) and any(headline[k : k + RETOLD_MIN] in line for k in range(len(headline) - RETOLD_MIN + 1))


LISTED_PROSE_MAX = 2
"""How many lines shaped like prose a page's list of other articles under its label may hold (teasers)."""
_LABEL_SHAPE = re.compile(rf"[{HAN}]{{2,{LABEL_MAX}}}")
_TO_THE_HEARERS = re.compile(r"^(?:同志们|各位|谢谢)|大家[！!。]?$")


def _before_a_labelled_list(lines: list[str], prose: list[int], is_chrome) -> int:
    """Where the body ends: after its last prose line — unless that line stands in a page's list of other articles
    under the text: below a label a rule takes (推荐新闻, 相关推荐: a short name alone, no punctuation) over a headline
    (a short line, no sentence: a heading a rule took out of place stands over its paragraph), at most
    LISTED_PROSE_MAX prose-shaped lines (a headline's teaser, each within a list line's length, none speaking to the
    hearers: 谢谢大家), and then a footer a rule takes. The teaser is no speech: the body ends before the label, so the
    readers of what stands below the text weigh the block.

    >>> page = ["同志们：", "这次会议的主要任务是总结去年工作，部署今年任务，请大家认真抓好落实。", "推荐新闻",
    ...         "全县召开基层党建工作推进会", "5月10日，全县召开基层党建工作推进会，总结去年工作，部署今年重点任务。", "版权所有"]
    >>> chrome = lambda line: line in ("推荐新闻", "版权所有")
    >>> _before_a_labelled_list(page, [0, 1, 4], chrome)
    2
    >>> _before_a_labelled_list(page[:5] + ["同志们，让我们团结一心，真抓实干，奋力开创全县组织工作新局面。谢谢大家！", "版权所有"], [0, 1, 4, 5], chrome)
    6
    >>> _before_a_labelled_list(page[:3] + page[4:], [0, 1, 3], chrome)
    4

    A label the rules do not know (往期精选, 党建视点) ends the body as well over another report: its prose line opens as
    a report does (its day, 近日…) and retells the headline under the label. A speech's last part under a short heading
    (工作要求 / 加强组织领导 / 各级党组织要…) opens no report.

    >>> unknown = lambda line: line == "版权所有"
    >>> _before_a_labelled_list(["同志们："] + page[1:2] + ["党建视点"] + page[3:], [0, 1, 4], unknown)
    2
    >>> _before_a_labelled_list(["同志们："] + page[1:2] + ["工作要求", "加强组织领导", "各级党组织要加强组织领导，主要负责同志亲自抓，分管负责同志具体抓。", "版权所有"], [0, 1, 4], unknown)
    5
    """
    end = prose[-1] + 1
    for label in range(prose[0] + 1, prose[-1]):
        if not (_LABEL_SHAPE.fullmatch(lines[label].strip()) and not _TO_THE_HEARERS.search(lines[label])):
            continue
        listed = [i for i in prose if i > label]
        footer = any(is_chrome(line.strip()) for line in lines[prose[-1] + 1:] if line.strip())
        headline = next((line.strip() for line in lines[label + 1:] if line.strip()), "")
        if _is_prose(headline) or _SENTENCE_END.search(headline):
            continue  # a heading caught out of place stands over its paragraph; a list's label over a headline
        if not is_chrome(lines[label].strip()) and not all(_retells_as_a_report(headline, lines[i]) for i in listed):
            continue  # a label the rules do not know: only over another report's lead (5月4日，…) that retells its headline
        if len(listed) <= LISTED_PROSE_MAX and footer and not any(len(lines[i]) > LIST_LINE_MAX or _TO_THE_HEARERS.search(lines[i]) for i in listed):
            return max((i for i in prose if i < label), default=prose[0]) + 1
    return end


def _is_clause_sentence(line: str) -> bool:
    """A statement of clauses ending in a full stop (要落实意识形态工作责任制，守好网站、微信公众号等阵地。): the
    speech's own, never the line an advertising block is found by, whatever word in it a block's pattern
    names. An advertisement exclaims (…举报成功免费赠送一年会员材料！)."""
    return len(line) >= 12 and line.endswith("。") and ("，" in line or "," in line)


_ITEM_NUMBER = re.compile(r"^(\d{1,2})\s*([.、．：:])")


def _one_of_its_numbered_siblings(lines: list[str], index: int, caught: Callable[[str], bool]) -> bool:
    """An item numbered in sequence with the line above or below it (1：做好工作，…购买咨询服务… over 2：复盘总结，…),
    the sibling not caught by the same rule: one point of the text's list, whatever word in it an advertising
    block's pattern names. An advertisement's own numbered lines (1. 关注公众号 / 2. 扫码领取) are caught alike.

    >>> _one_of_its_numbered_siblings(["1：做好工作，购买服务", "2：复盘总结，提高自己"], 0, lambda t: "购买" in t)
    True
    >>> _one_of_its_numbered_siblings(["1. 关注公众号", "2. 扫码领取资料"], 0, lambda t: "公众号" in t or "扫码" in t)
    False
    """
    own = _ITEM_NUMBER.match(lines[index])
    if not own:
        return False
    number, mark = int(own.group(1)), own.group(2)
    for step in (-1, 1):
        j = index + step
        while 0 <= j < len(lines) and not lines[j].strip():
            j += step
        other = _ITEM_NUMBER.match(lines[j]) if 0 <= j < len(lines) else None
        if other and other.group(2) == mark and int(other.group(1)) == number + step and not caught(lines[j]):
            return True
    return False


def _is_prose(line: str) -> bool:
    return len(line) >= PROSE_MIN_LENGTH and bool(_SENTENCE_END.search(line))


BLOCK_SENTENCE_MIN = 6
"""The shortest line that, ending with a full stop, is a sentence an advertising block never takes."""


def _block_around(lines, index, rule: BoilerplateRule, config: BoilerplateConfig, head_end, tail_start) -> list[int]:
    """The run of non-blank short lines around `index`, staying in the same edge region."""
    low, high = (0, head_end) if index < head_end else (tail_start, len(lines))
    limit = rule.max_length or 80

    def removable(i: int) -> bool:
        line = lines[i]
        if not line or len(line) > limit:
            return False  # asked first: no pattern need scan a long line (a 5 MB one took seconds)
        # A full sentence (人才是第一资源。) is the speech's, not an advertisement's: the block stops there,
        # unless the sentence names what the block is about (举报倒卖会员资料的人，…赠送一年会员材料！).
        sentence = line[-1:] in ("。", "！", "？") and len(line) >= BLOCK_SENTENCE_MIN and not matches_a_rule(line, config) \
            and not rule.pattern.search(line)
        return not sentence and not _clauses_of_speech(line, rule, config) and not (config.keep and config.keep.search(line))

    start = index
    while start - 1 >= low and removable(start - 1):
        start -= 1
    end = index
    while end + 1 < high and removable(end + 1):
        end += 1
    return list(range(start, end + 1))


CLAUSES_HAN_MIN = 20


def _clauses_of_speech(line: str, rule: BoilerplateRule, config: BoilerplateConfig) -> bool:
    """A piece of a wrapped paragraph (认真总结经验，才能不断深化对…的认识，才能准确把握…，不断开创工作): clauses
    of twenty Han characters or more that name nothing a rule or the block's pattern names, and no word of a
    site's interface. An advertising block stops there as at a sentence: the line under a repeated footer is the
    speech going on.

    >>> from build_kb.config import BoilerplateRule
    >>> block = BoilerplateRule(name="ad", pattern=re.compile("公众号"), max_length=60, where="edges", block=True)
    >>> _clauses_of_speech("认真总结经验，才能不断深化对工作特性的认识，才能准确把握工作的规律，不断开创工作", block, BoilerplateConfig(rules=()))
    True
    >>> _clauses_of_speech("扫码关注公众号，回复关键词即可免费领取全套资料模板", block, BoilerplateConfig(rules=()))
    False
    """
    return len(HAN_CHAR.findall(line)) >= CLAUSES_HAN_MIN and bool(re.search(r"[，,]", line)) and not rule.pattern.search(line) \
        and not matches_a_rule(line, config) and not has_interface_words(line)


def normalise_line(line: str, counts: Counter | None = None) -> str:
    """Safe, meaning-preserving normalisation of one line (full-/half-width forms, stray spaces)."""
    counts = counts if counts is not None else Counter()
    line, n = _FULLWIDTH_ALNUM.subn(lambda m: chr(ord(m.group()) - 0xFEE0), line)
    counts["fullwidth-alphanumerics"] += n
    line, n = _SPACE_NEAR_PUNCT.subn("", line)
    counts["spaces-near-punctuation"] += n
    line, n = _HALFWIDTH_PUNCT.subn(lambda m: _HALFWIDTH[m.group()], line)
    counts["halfwidth-punctuation"] += n
    line, n = _PAREN.subn(r"（\1）", line)
    counts["halfwidth-punctuation"] += 2 * n
    line, n = paired_quotes(line)
    counts["quote-pairs"] += n
    line, n = _ASCII_QUOTES.subn(r"“\1”", line)
    counts["halfwidth-punctuation"] += 2 * n
    line, n = _SPACE_NEAR_PUNCT.subn("", line)
    counts["spaces-near-punctuation"] += n
    if len(line) >= PROSE_SPACES_MIN and _SENTENCE_END.search(line):
        line, n = _SPACE_IN_PROSE.subn("", line)
        counts["spaces-in-prose"] += n
    return line


def paired_quotes(line: str) -> tuple[str, int]:
    """A line's double quotes set open, close, open, close in their order, when a conversion curled them
    the wrong way or left some straight among the curled ones (Word's smart quotes after a Chinese
    character, a PDF's or a page's mixed marks): Chinese nests no double quotes in double quotes, so an
    even count of marks in a line of Han is pairs, in order. Returns the line and how many marks changed.
    An odd count is left as it is (a quotation running over paragraphs opens each and closes only the
    last), and so is a line of straight quotes only (the next step pairs those around Han), or one
    without Han.

    >>> paired_quotes("要树牢“四个意识“，做到”两个维护”。")
    ('要树牢“四个意识”，做到“两个维护”。', 2)
    >>> paired_quotes('坚持“两个确立"，落实"三会一课”制度')
    ('坚持“两个确立”，落实“三会一课”制度', 2)
    >>> paired_quotes("“同志们，今天我们在这里开会。")  # a quotation that goes on in the next paragraph
    ('“同志们，今天我们在这里开会。', 0)
    >>> paired_quotes("树牢“四个意识”，坚定“四个自信”")
    ('树牢“四个意识”，坚定“四个自信”', 0)
    """
    marks = [k for k, ch in enumerate(line) if ch in '"“”']
    curled = [line[k] for k in marks if line[k] != '"']
    if not curled or len(marks) % 2 or not HAN_CHAR.search(line):
        return line, 0
    chars, changed = list(line), 0
    for n, k in enumerate(marks):
        wanted = "“" if n % 2 == 0 else "”"
        if chars[k] != wanted:
            chars[k], changed = wanted, changed + 1
    return "".join(chars), changed


PROSE_SPACES_MIN = 40
_SPACE_IN_PROSE = re.compile(r"(?<=[\u4e00-\u9fff\d]) +(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]) +(?=\d)")
"""A space inside a sentence between two characters (自 己, 中国共 产党, 1921 年 6 月), as a PDF's
justified lines or a joined line leave it: Chinese prose has none, and it would split a word for the
search. Only in lines of prose: a title or a heading may part its two phrases with a space."""




def is_traditional(text: str) -> bool:
    """True when at least 2 % of the Han characters (of the first 5,000) only exist in Traditional script."""
    sample = text[:5000]
    sample_han = len(HAN_CHAR.findall(sample))
    if sample_han < 10:
        return False
    changed = sum(a != b for a, b in zip(sample, to_simplified(sample)))
    return changed / sample_han >= 0.02


@functools.lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional characters → Simplified (OpenCC t2s), character for character."""
    converted = _converter().convert(text)
    # OpenCC maps character by character for t2s; keep alignment if a phrase mapping changed length.
    return converted if len(converted) == len(text) else text
