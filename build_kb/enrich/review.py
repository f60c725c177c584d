"""What a person should look at in each speech, and which of it speeches.yaml has already settled.

The reader flags doubtful metadata and re-flowed text while it parses; once sections have themes this
stage adds the section-level doubts (a theme with little evidence, a very long section that probably
swallowed headings, a paragraph that looks like a heading) and drops every item the curator has
settled: a field set in speeches.yaml, a section's themes fixed by hand, or `reviewed:` naming the item.
"""

from __future__ import annotations

from ..ingest.parse import detect_numbered
from ..model import ReviewItem, Section, Speech, reviewed_mark
from ..text import clipped

LONG_SECTION = 6000
"""A section with more characters than this (its own paragraphs) probably swallowed missed headings."""
LOW_THEME_SCORE = 4.0
"""A body section labelled with less evidence than this is a low-confidence theme."""
HEADING_LIKE_STYLES = ("cn-dun", "cn-paren", "part")
"""Numbering styles that, on a short paragraph, almost always mean a heading."""


def section_review(section: Section, theme_names: dict[str, str] | None = None) -> list[ReviewItem]:
    """The section's doubts; themes are named as the curator knows them (干部队伍, not cadres: the
    settling line on 待核对 gives the id to write)."""
    found = []
    themes = "、".join((theme_names or {}).get(t, t) for t in section.themes) or "无"
    top_score = max(section.theme_scores.values(), default=0.0)
    if section.kind == "body" and section.theme_source in ("heading", "body") and top_score < LOW_THEME_SCORE:
        found.append(ReviewItem("low-theme", f"主题把握不大：{themes}（得分 {top_score:g}）", section=section.id, line=section.line))
    if section.kind == "body" and section.theme_source == "context":
        # Its own words barely speak; the theme is the speech's subject as its title names it — a guess.
        found.append(ReviewItem("low-theme", f"这一部分自己的专题词很少，专题按讲话标题定为：{themes}（未收入专题页）", section=section.id, line=section.line))
    if section.kind == "body" and section.theme_source == "speech":
        # Its own words name no theme, or too thinly, and no title names the subject: the whole text's theme — a guess.
        found.append(ReviewItem("low-theme", f"这一部分自己的专题词定不了专题，专题按全文定为：{themes}（未收入专题页）", section=section.id, line=section.line))
    size = sum(len(p.text) for p in section.paragraphs)
    if size > LONG_SECTION:
        found.append(ReviewItem("long-section", f"这一节很长（{size} 字），可能漏认了小标题", section=section.id, line=section.line))
    for p in section.paragraphs:
        candidate = detect_numbered(p.text)
        if candidate is not None and len(p.text) <= 80 and candidate.style in HEADING_LIKE_STYLES:
            found.append(ReviewItem("heading-like", f"第 {p.number} 段像小标题，但没有当作小标题：{clipped(p.text, 30)}", section=section.id, line=p.line))
    return found


def misnumbered_headings(siblings: list[Section], counted_through: frozenset[str] = frozenset()) -> list[ReviewItem]:
    """Headings among their siblings whose number does not follow the one before (一、 二、 四、 三、: the
    parser keeps a part typed with a wrong number as a part when the series goes on past it): for a
    person to check the original's numbering. A style in `counted_through` is numbered by one counter
    over the whole text (running_counters): reported once for the text, not here."""
    found, previous = [], {}
    for section in siblings:
        numbered = detect_numbered(section.heading) if section.heading else None
        if numbered is None or numbered.number is None or numbered.style in counted_through:
            continue
        before = previous.get(numbered.style)
        if before is not None and numbered.number not in (1, before[0] + 1):  # 1 begins a series again
            found.append(ReviewItem(
                "misnumbered-heading", f"小标题“{clipped(section.heading, 30)}”的编号接不上前面的“{clipped(before[1], 30)}”：仍作小标题，请核对原文的编号",
                section=section.id, line=section.line,
            ))
        if before is None or numbered.number == before[0] + 1:
            previous[numbered.style] = (numbered.number, section.heading)
    return found


def running_counters(speech: Speech) -> dict[str, list[Section]]:
    """Numbering styles whose heads, read in the text's order whatever their level, count 1, 2, 3 … without
    a gap or a restart, while among siblings the count jumps: a Word list whose counter runs through the
    whole document (its parts 一、 四、 七、, their sub-parts 二、 三、 五、 六、 from the same list). One
    cause, one item: style → its heads in order.

    Near miss: a series of parts that skips a number (一、 二、 四、) counts with a gap over the text too;
    each such head stays an item of its own."""
    heads: dict[str, list[tuple[int, Section]]] = {}
    for section in speech.all_sections():
        numbered = detect_numbered(section.heading) if section.heading else None
        if numbered is not None and numbered.number is not None:
            heads.setdefault(numbered.style, []).append((numbered.number, section))
    found = {}
    for style, run in heads.items():
        numbers = [number for number, _ in run]
        if len(numbers) >= RUNNING_COUNTER_MIN and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            found[style] = [section for _, section in run]
    return found


RUNNING_COUNTER_MIN = 4
"""So many heads of one style at least, counted through, before the count is read as one counter's."""


def settled(item: ReviewItem, speech: Speech, reviewed: list[str] | bool) -> bool:
    if reviewed is True or (reviewed and (item.code in reviewed or reviewed_mark(item.code, item.line) in reviewed)):
        return True
    if item.settled_by == "section_themes":
        return item.section in speech.manual_themes
    if item.code == "date-guessed" and "year" in speech.overridden:
        return True  # the year alone: the counted day is dropped (apply_override)
    return item.settled_by in speech.overridden


def review_speech(speech: Speech, reviewed: list[str] | bool = False, theme_names: dict[str, str] | None = None) -> None:
    """Add the section-level items to `speech.review` and keep only what is still open."""
    items = list(speech.review)
    running = running_counters(speech)
    misnumbered = [item for siblings in [speech.sections, *(s.children for s in speech.all_sections())] for item in misnumbered_headings(siblings)]
    through = frozenset(style for style, heads in running.items() if {item.section for item in misnumbered} & {s.id for s in heads})
    items.extend(misnumbered_headings(speech.sections, through))
    for section in speech.all_sections():
        items.extend(section_review(section, theme_names))
        items.extend(misnumbered_headings(section.children, through))
    for style in sorted(through):
        first = running[style][0]
        items.append(ReviewItem(
            "misnumbered-heading",
            f"小标题的编号全文连续计数（从“{clipped(first.heading, 20)}”起共 {len(running[style])} 个，下一级没有按上一级重新编号）："
            "仍按层级作小标题，请核对原文的编号",
            section=first.id, line=first.line,
        ))
    speech.review = [item for item in items if not settled(item, speech, reviewed)]
