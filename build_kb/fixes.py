"""The one-line fix of every 待核对 item: what to write in speeches.yaml, and where, in the curator's words.

kb check and the 待核对 page print the same fixes (this module), so what the terminal promises the page
promises. Each item has one or two ways out, each a single YAML line:

    speaker-guessed  是他讲的：speaker: "王某"             不是讲话人：speaker: ""
    doubtful-line    不是讲话正文：drop_lines: [12]          是讲话正文：keep_lines: [12]
    title-choice     现在的标题对：reviewed: [title-choice]   另一种读法对：title: "…"
    unnumbered-headings  看过，没有问题：reviewed: [unnumbered-headings]   有的不是：heading_lines: {4: 1, 8: 1}
    no-date          写上原文的日期：date: 2021-MM-DD       原文确实没有日期：reviewed: [no-date]
    reading-changed  新的读法对：speaker: "王某"            原来的读法对，照写：speaker: "李某"

and where to write it: a new line under the speech's entry (its line in speeches.yaml), or in a new entry at
the end of the file when the speech has none. A list key (drop_lines, reviewed, section_themes) is written
as a line of its own even when the entry has the key: lines written again add up (config._written_again),
so every item's line holds however many a curator pastes before the next build — a line "with the new number
added" to replace the old one lost the other items' numbers when two were pasted. heading_lines, whose fixes
list every heading, is the one key written in place of the line the entry has. Pure functions; nothing here
reads files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .config import EXAMPLE_VALUES
from .ingest.parse import leads_alike_with
from .model import ReviewItem, Speech, YamlEntry, reviewed_mark

LIST_KEYS = ("drop_lines", "keep_lines", "reviewed", "paragraph_lines")
MAPPING_KEYS = ("section_themes", "heading_lines")
ADDED_UP = LIST_KEYS + ("section_themes",)
"""Keys whose lines add up when written again in one entry: each fix is a line of its own."""


@dataclass(frozen=True)
class Choice:
    """One way to settle an item: `label` (when to take it), the YAML line, and where it goes."""

    label: str
    key: str
    yaml: str
    """The line as it is written, without its indent: `drop_lines: [3, 12]`."""
    where: str
    """`在 corpus/speeches.yaml 的 "a.txt": 之下（第 4 行）加一行（行首空两格）`, or
    `把 corpus/speeches.yaml 里 "a.txt": 之下的 reviewed 那一行（第 9 行）改成`."""
    replaces: int | None = None
    """The line of speeches.yaml the YAML line replaces (the key is there already), else None: a new line."""


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _ways(item: ReviewItem, speech: Speech, theme_names: dict[str, str] | None = None) -> list[tuple[str, str, object]]:
    """(label, key, value to write or to add to the key's list or mapping) for each way out of `item`:
    by the key that settles it (REVIEW_CODES), a guess with its own "this is not it" first."""
    code, key, reviewed = item.code, item.settled_by, ("reviewed", [reviewed_mark(item.code, item.line)])
    if code == "speaker-guessed":
        return [(f"是{speech.speaker}讲的，姓名不对就改正", "speaker", _quoted(speech.speaker or "")),
                ("原文没写谁讲话，这不是讲话人", "speaker", '""')]
    if code == "date-guessed" and speech.date:  # a day counted from the posting date
        return [("日期对就照写，不对就改正", "date", speech.date), ("只知道年份，不要推算的日期", "year", str(speech.year))]
    if code == "date-guessed":  # a year taken from a period the title names (2017-10——2018-04)
        return [("写上原文的日期", "date", f"{speech.year or 'YYYY'}-MM-DD"), ("只知道年份：年份对就照写，不对就改正", "year", str(speech.year or "YYYY"))]
    if code == "reading-changed" and item.proposed:
        # A newer reader's value (or none) against the one kb add wrote: either way the line is written again without
        # kb add's 识别依据 comment, which marks the value as checked (config.keys_as_imported), so the item goes.
        key, value = item.proposed
        written = getattr(speech, key) or ""
        return [("新的读法对" if value else "原来读到的不是，去掉它", key, value if key == "date" else _quoted(value)),
                ("原来的读法对，照写", key, written if key == "date" else _quoted(written))]
    if code == "heading-like":
        # A line named in heading_lines outranks every numbered heading not named (ingest/parse.py GIVEN_STYLE):
        # named alone, a sub-heading would close the part it is in and swallow the next part's heading.
        # So the line names the speech's headings as they are, with this one under its part.
        level = min(3, 1 + next((s.level for s in speech.all_sections() if s.id == item.section), 0))
        headings = {s.line: s.level for s in speech.all_sections() if s.heading and s.line}
        # A lead run into its paragraph like the leads of other doubted lines (ingest/parse.py alike_lead_runs) heads
        # its part with them: the one line names the whole run, as a curator would settle it.
        texts = {p.line: p.text for p in speech.all_paragraphs()}
        doubted = [x.line for x in speech.review if x.code == "heading-like" and x.line is not None]
        run = dict.fromkeys(leads_alike_with(texts, item.line, doubted) or [item.line], level)
        return [("不是小标题", *reviewed), ("是小标题，连同现有的各级小标题一起写明", "heading_lines", {**headings, **run})]
    if code == "unnumbered-headings":
        # The curator who finds a line wrongly made a heading writes the headings as they should be: this line
        # names them all as read, and a number deleted from it makes that line a paragraph again.
        headings = {s.line: s.level for s in speech.all_sections() if s.heading and s.line}
        return [("看过，没有问题", *reviewed), ("有的不是小标题：照抄这一行，删去不是小标题的行号", "heading_lines", headings)]
    if code == "joined":
        # A wrong join is undone by the line that should start its own paragraph (paragraph_lines): the example is
        # the last line of the first join; the curator writes whichever line it is.
        last = next((j.last for j in speech.clean.joins if j.first == item.line), item.line)
        return [("看过，没有问题", *reviewed), ("有一处不该接：写上该另起一段的那一行的行号", "paragraph_lines", [last])]
    if code == "title-choice":  # two stacked lines, one perhaps the site's: the reading taken, or the other
        return [("现在的标题对", *reviewed), ("另一种读法对，照写（不对就改成原文的标题）", "title", _quoted(other_reading(speech, item.line)))]
    if code.startswith("damaged-"):  # a field read through a broken encoding's marks, mended from the page
        value = getattr(speech, key, None)
        return [("核对原文，照写（不对就改正）", key, _quoted(value or "")), ("看过，没有问题", *reviewed)]
    if key == "title":
        return [("核对原文的标题，不对就改正", "title", _quoted(speech.title))]
    if key in MISSING:
        write, example, absent = MISSING[key]
        if key == "date":
            example = f"{speech.year or 'YYYY'}-MM-DD"
        return [(write, key, example), (absent, *reviewed)]
    if key == "section_themes":
        # by the name the item says (干部队伍), which speeches.yaml takes as well as the id (config.theme_named)
        themes = [(theme_names or {}).get(t, t) for t in next((s.themes for s in speech.all_sections() if s.id == item.section), [])]
        return [("专题对就照写，不对就改成正确的专题（专题页上的名称）", "section_themes", {item.section: f"[{', '.join(themes) or '专题名称'}]"})]
    if key == "drop_lines" and item.line:
        # drop_lines takes the whole source line: what else the speech keeps from it goes too, and the fix says so.
        also = _also_on_the_line(speech, item.line)
        whole = f"；整行删去，同一行的“{also[:20]}”也删去" if also else ""
        if any(h.line == item.line for h in speech.header):
            # The line was read into the header (a note above the title, a date line): keep_lines keeps that reading.
            return [("不是原文的内容，删去" + whole, "drop_lines", [item.line]), ("是原文的内容，照现在的读法保留", "keep_lines", [item.line])]
        return [("不是讲话正文" + whole, "drop_lines", [item.line]), ("是讲话正文", "keep_lines", [item.line])]
    return [("看过，没有问题", *reviewed)]


def other_reading(speech: Speech, line: int | None) -> str:
    """The title the other way of reading the header gives: without source `line` when the title took it in,
    with it (in the order of the lines) when the title left it out."""
    from .ingest.parse import undecorated_title

    titles = [h for h in speech.header if h.role == "title"]
    if any(h.line == line for h in titles):
        lines = [h for h in titles if h.line != line]
    else:
        lines = sorted(titles + [h for h in speech.header if h.line == line], key=lambda h: h.line)
    return " ".join(undecorated_title(h.text.strip()) for h in lines) or (speech.title or "")


def _also_on_the_line(speech: Speech, line: int) -> str:
    """A text the speech keeps from source `line` other than its doubtful piece, else "": a line split in two
    (a title given again, then 同志们：) keeps the salutation as the text's, and drop_lines would take it too."""
    doubted = [_letters(d.text) for d in speech.clean.doubtful if d.line == line]
    kept = [h.text for h in speech.header if h.line == line] + [s.heading for s in speech.all_sections() if s.heading and s.line == line]
    kept += [p.text for p in speech.all_paragraphs() if p.line == line]
    return next((text for text in kept if _letters(text) and not any(d and d in _letters(text) for d in doubted)), "")


def _letters(text: str) -> str:
    """A text without its punctuation and spaces (the cleaner writes a doubtful line's commas full-width later)."""
    return "".join(c for c in text if c.isalnum())


MISSING = {
    "date": ("写上原文的日期", EXAMPLE_VALUES["date"], "原文确实没有日期"),
    "speaker": ("写上讲话人的姓名", EXAMPLE_VALUES["speaker"], "原文确实没有姓名"),
    "occasion": ("写上会议名称", EXAMPLE_VALUES["occasion"], "不是会议上的讲话，或原文没写"),
    "issuer": ("写上发文机关", EXAMPLE_VALUES["issuer"], "原文确实没有发文机关"),
}
"""A field the build did not find: what to write (an example in its place), or that the original has none."""


def _value(key: str, value, entry: YamlEntry | None) -> str:
    """The value as written, with what the entry has under the key already (a list or mapping key)."""
    if key in LIST_KEYS:
        had = entry.values.get(key, []) if entry else []
        had = [] if had is True else list(had)
        items = sorted(set(had) | set(value), key=lambda x: (str(type(x)), x))
        return f"[{', '.join(str(x) for x in items)}]"
    if key in MAPPING_KEYS:
        had = dict(entry.values.get(key, {})) if entry else {}
        if key == "section_themes":
            had = {k: f"[{', '.join(v)}]" for k, v in had.items()}
        merged = {**had, **value}
        return "{" + ", ".join(f"{k}: {merged[k]}" for k in sorted(merged, key=lambda k: (str(type(k)), k))) + "}"
    return str(value)


def choices(item: ReviewItem, speech: Speech, entry: YamlEntry | None, file: str = "corpus/speeches.yaml", theme_names: dict[str, str] | None = None) -> list[Choice]:
    """Every way out of `item`, each as the line to write in `file` and where (a theme by its name in `theme_names`)."""
    return [choice(label, key, value, speech.source.rel_path, entry, file) for label, key, value in _ways(item, speech, theme_names)]


def choice(label: str, key: str, value, rel: str, entry: YamlEntry | None, file: str) -> Choice:
    """`key: value` for the speech `rel` as a line of `file`, and where it goes (a list or mapping key
    already in the entry is shown whole, with `value` added)."""
    line = f"{key}: {_value(key, value, None if key in ADDED_UP else entry)}"
    if entry is None:
        return Choice(label, key, line, f"在 {file} 末尾另起一行写 {_quoted(rel)}:，再在其下加一行（行首空两格）")
    # The entry is named by its file as well as its line: a curator who writes several fixes before the next
    # build finds it by name (the lines below a line written in move down one).
    if key in entry.key_lines and key not in ADDED_UP:
        return Choice(label, key, line, f"把 {file} 里 {_quoted(rel)}: 之下的 {key} 那一行（第 {entry.key_lines[key]} 行）改成", entry.key_lines[key])
    return Choice(label, key, line, f"在 {file} 的 {_quoted(rel)}: 之下（第 {entry.line} 行）加一行（行首空两格）")


def fix_text(options: list[Choice]) -> str:
    """The fixes as one line of a terminal, the place said once when every way goes to the same place:
    `在 … 之下加一行（行首空两格）：drop_lines: [3]（不是讲话正文）；或 keep_lines: [3]（是讲话正文）`."""
    if len({c.where for c in options}) == 1:
        return f"{options[0].where}：" + "；或 ".join(f"{c.yaml}（{c.label}）" for c in options)
    return "；或 ".join(f"{c.label}：{c.where} {c.yaml}" for c in options)
