"""Study handouts (学习材料): what goes into each printable PDF, as plain data for handout.typ.

Pure functions from the knowledge base to `Handout`s: a theme's excerpts grouped by sub-topic with
full citations and a list of sources, one speech as an official document, or any selection (`kb
print`). Typesetting is the print stage's job (publish/pdf.py), which feeds this data to Typst.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..enrich.classify import OTHER
from ..config import no_such_theme, theme_named
from ..errors import KbError
from ..model import KnowledgeBase, Section, Speech, Theme
from ..text import UNDATED, chronological_key, int_to_cn
from .common import cited_date, date_cn, editors_notes, section_location

PDF_DIR = "pdf"


@dataclass
class Handout:
    path: str
    """Where the PDF goes in the site, e.g. `pdf/themes/cadres.pdf`."""
    title: str
    subtitle: str = ""
    running: str = ""
    """The running header of every page after the first."""
    heading: str = ""
    """The title over the body (speech handouts, which have no cover)."""
    heading_words: list[str] = field(default_factory=list)
    """…cut where its lines may break (title_words)."""
    byline: str = ""
    cover: bool = True
    cover_facts: list[tuple[str, str]] = field(default_factory=list)
    toc: bool = True
    toc_depth: int = 2
    blocks: list[dict] = field(default_factory=list)
    """The body: {"kind": h1|h2|h3|subhead|p|salutation|excerpt|title|note|source|imprint|break, …}
    (see handout.typ for what each kind holds)."""
    parts: list[str] = field(default_factory=list)
    """A volume's speeches (their ids), in the order of its "title" blocks: the print stage finds the
    pages each one takes, for the speech pages' links (`2018.pdf#page=37`)."""

    def text(self) -> str:
        """Every character the PDF will print (for the font coverage check)."""
        facts = "".join(a + b for a, b in self.cover_facts)
        printed = []
        for block in self.blocks:
            printed += [block.get(key, "") for key in ("text", "source", "subtitle", "byline", "left", "right")]
            printed += [item["text"] for item in block.get("paras", ())]
        return self.title + self.subtitle + self.running + self.heading + self.byline + facts + "".join(printed)


def theme_handout_path(theme: Theme) -> str:
    return f"{PDF_DIR}/themes/{theme.id}.pdf"


def speech_handout_path(speech: Speech) -> str:
    """The key a speech's printed pages are known by (the build prints them in a yearly volume)."""
    return f"{PDF_DIR}/speeches/{speech.id}.pdf"


def volume_key(speech: Speech) -> str:
    return str(speech.year) if speech.year else UNDATED


def volume_path(key: str) -> str:
    """A year's speeches in one PDF, e.g. `pdf/speeches/2018.pdf`: one set of embedded fonts for all."""
    return f"{PDF_DIR}/speeches/{key}.pdf"


def year_label(key: str) -> str:
    return f"{key}年" if key != UNDATED else "年份不详"


def newest_date(speeches) -> str:
    """The date a handout's cover gives as 资料截至: that of the newest speech it quotes.

    Not the build's time, so the same corpus gives the same file; and not the corpus's newest speech,
    which a curator's every new speech changes: every handout in the site would then be typeset again
    (at 1,000 speeches, half a minute of a rebuild that otherwise takes seconds)."""
    dated = [s for s in speeches if s.year]
    if not dated:
        return "日期不详"
    newest = max(dated, key=lambda s: (s.year, s.date or ""))
    return date_cn(newest)


def year_span(speeches) -> str:
    years = sorted({s.year for s in speeches if s.year})
    if not years:
        return "年份不详"
    return f"{years[0]}年" if years[0] == years[-1] else f"{years[0]}—{years[-1]}年"


ORDINAL = re.compile(r"^(?:[（(][一二三四五六七八九十百\d]+[）)]|[一二三四五六七八九十百]+、|第[一二三四五六七八九十百]+[，、]|\d+[.．、](?!\d)|[一二三四五六七八九十]+是|[一二三四五六七八九十]+(?=要))\s*")
"""The speech's own number in front of a heading (（三）, 三、, 第三，, 3．, and the counted 一是 / 四要 of
a list of tasks: 四要切实抓好… → 要切实抓好…): an excerpt is numbered anew in a 摘编."""


LEADER_NAME = re.compile(r"([\u4e00-\u9fff]{3})(?=总书记|同志为核心)")
"""A name the text itself marks as a leader's: the three characters before 总书记 (习近平总书记) or
同志为核心 (以习近平同志为核心的党中央)."""


def unbroken_names(text: str) -> list[str]:
    """The leaders' names a handout must never split across two lines (习|近平 is a typesetting error
    in official print): those the text names before 总书记 or 同志为核心, kept wherever they occur.
    A false catch (特别是 in 特别是总书记…) only keeps three characters on one line."""
    return sorted({m.group(1) for m in LEADER_NAME.finditer(text)})


def source_line(speech: Speech, with_speaker: bool) -> str:
    """The source under an excerpt, as a 论述摘编 gives it: （喻显镔2018年2月27日在全区组织工作会议上的讲话）.

    The speaker's name only when the handout quotes more than one; the date when known; then the
    occasion as the speech's title or subtitle words it (在…上的讲话), else 在<meeting>上的讲话, else
    the title in 《》. Never a file name."""
    who = (speech.speaker or speech.speaker_role or "") if with_speaker else ""
    when = cited_date(speech) if (speech.date or speech.year) else ""
    what = next((t for t in (speech.title, speech.subtitle or "") if t.startswith("在") and "上的" in t), "")
    if not what:
        what = f"在{speech.occasion}上的讲话" if speech.occasion else f"《{speech.title}》"
    if not speech.date and when and when in what:
        when = ""  # 在2020年全市组织工作会议上的讲话 dates itself
    return f"（{who}{when}{what}）"


def full_citation(speech: Speech, section: Section) -> str:
    """——《title》（date，speaker）第二部分“heading”: where the web pages cite an excerpt."""
    who = f"，{speech.speaker}" if speech.speaker else ""
    where = section_location(section)
    if section.title and section.kind == "body":
        where += f"“{_short(section.title, 24)}”"
    return f"——《{speech.title}》（{cited_date(speech)}{who}）{where}"


def _short(text: str, limit: int) -> str:
    text = re.sub(r"[。；;]$", "", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def section_blocks(section: Section, top_kind: str, depth: int = 0) -> list[dict]:
    """A section as handout blocks: its heading, numbered paragraphs, and its subsections."""
    blocks = []
    if section.heading:
        kind = top_kind if depth == 0 else "subhead"
        blocks.append({"kind": kind, "text": section.heading})
    blocks.extend({"kind": "p", "n": p.number, "text": p.text} for p in section.paragraphs)
    for child in section.children:
        blocks.extend(section_blocks(child, top_kind, depth + 1))
    return blocks


def excerpt_block(number: int, speech: Speech, section: Section, with_speaker: bool) -> dict:
    """One excerpt of a 摘编: its number, its headings (without the speech's own numbers) and paragraphs, its source."""
    paras = []
    for part in section.walk():
        if part.heading:
            paras.append({"kind": "head", "text": ORDINAL.sub("", part.heading) or part.heading})
        paras.extend({"kind": "p", "text": p.text} for p in part.paragraphs)
    if not paras:
        paras.append({"kind": "p", "text": section.title or section_location(section)})
    return {"kind": "excerpt", "n": number, "paras": paras, "source": source_line(speech, with_speaker)}


def imprint_block(publisher: str, date: str) -> dict:
    """The 版记 closing a handout: who printed it and how recent its material is."""
    return {"kind": "imprint", "left": f"编印：{publisher}", "right": f"资料截至{date}"}


SHORT_SOURCE_LIST = 8
"""A source list of up to this many entries is kept on one page with the 版记."""
KEPT_SOURCES = 4
"""…of a longer one, the last entries that go with it."""


def source_list(speeches: list[Speech], counts: dict[str, int]) -> list[dict]:
    blocks = [{"kind": "h1", "text": "附：来源讲话"}]
    for i, speech in enumerate(sorted(speeches, key=lambda s: chronological_key(s.sort_date, s.year, s.title)), 1):
        parts = [f"{i}．《{speech.title}》", cited_date(speech)]  # numbered as the excerpts are (1．)
        if speech.speaker or speech.speaker_role:
            parts.append(" ".join(x for x in (speech.speaker_role, speech.speaker) if x))
        if speech.occasion:
            parts.append(speech.occasion)
        parts.append(f"摘编 {counts[speech.id]} 处")
        blocks.append({"kind": "source", "text": "，".join(parts)})
    # The last entries go with the 版记 under them, so that the last page is never a 版记 and a line or
    # two; a short list goes whole (split 1 | 4 it read as two lists).
    for block in blocks[-KEPT_SOURCES:] if len(blocks) > SHORT_SOURCE_LIST else blocks:
        block["keep"] = True
    return blocks


def excerpts_handout(kb: KnowledgeBase, theme: Theme | None, excerpts: list[tuple[Speech, Section]], path: str, title: str, subtitle: str, publisher: str,
                     parts: list[tuple[str, str, list]] | None = None) -> Handout:
    """Excerpts grouped by the theme's sub-topics (or by theme, for a selection across themes), in
    date order; with `parts` ((key, label, excerpts) a year), each year from a new page, its own
    chapters under its label."""
    speeches = {s.id: s for s, _ in excerpts}
    counts: dict[str, int] = defaultdict(int)
    for speech, _ in excerpts:
        counts[speech.id] += 1
    handout = Handout(
        path=path,
        title=title,
        subtitle=subtitle,
        running=f"{title}·{subtitle}" if subtitle else title,
        cover_facts=[("资料范围", f"{year_span(speeches.values())}　{len(speeches)} 篇讲话　{len(excerpts)} 处论述"), ("资料截至", newest_date(speeches.values())), ("编印", publisher)],
        toc_depth=1,
    )
    # The 论述摘编 form: chapters by sub-topic (一、…), the excerpts of each numbered in time order,
    # each followed by its source; the speaker named in the source when the handout quotes several.
    with_speaker = len({s.speaker or s.speaker_role or "" for s in speeches.values()}) > 1
    for key, label, items in parts or [("", "", excerpts)]:
        if key:
            handout.blocks.append({"kind": "title", "text": label, "words": [label], "subtitle": "", "byline": ""})
            handout.parts.append(key)
        handout.blocks.extend(_chapters(kb, theme, items, with_speaker))
    handout.blocks.extend(source_list(list(speeches.values()), counts))
    handout.blocks.append(imprint_block(publisher, newest_date(speeches.values())))
    return handout


def _chapters(kb: KnowledgeBase, theme: Theme | None, excerpts, with_speaker: bool) -> list[dict]:
    blocks = []
    for number, (name, items) in enumerate(_groups(kb, theme, excerpts), 1):
        blocks.append({"kind": "h1", "text": f"{int_to_cn(number)}、{name}"})
        ordered = sorted(items, key=lambda x: chronological_key(x[0].sort_date, x[0].year, x[0].title, x[1].line))
        blocks.extend(excerpt_block(n, speech, section, with_speaker) for n, (speech, section) in enumerate(ordered, 1))
    return blocks


def _groups(kb: KnowledgeBase, theme: Theme | None, excerpts):
    if theme is None:
        by_theme: dict[str, list] = defaultdict(list)
        for speech, section in excerpts:
            by_theme[section.themes[0] if section.themes else OTHER].append((speech, section))
        names = {t.id: t.name for t in kb.themes} | {OTHER: "其他/综合"}
        return [(names[k], by_theme[k]) for k in [*(t.id for t in kb.themes), OTHER] if k in by_theme]
    groups: dict[str, list] = defaultdict(list)
    for speech, section in excerpts:
        groups[section.subtopics.get(theme.id, OTHER)].append((speech, section))
    names = {sub.id: sub.name for sub in theme.subtopics} | {OTHER: "综合"}
    return [(names[k], groups[k]) for k in [*(sub.id for sub in theme.subtopics), OTHER] if k in groups]


def theme_excerpts(kb: KnowledgeBase, theme: Theme) -> list[tuple[Speech, Section]]:
    return [(kb.speech(sid), kb.section(sid, xid)) for sid, xid in kb.theme_excerpts.get(theme.id, [])]


def theme_handout(kb: KnowledgeBase, theme: Theme, publisher: str) -> Handout | None:
    excerpts = theme_excerpts(kb, theme)
    if not excerpts:
        return None
    return excerpts_handout(kb, theme, excerpts, theme_handout_path(theme), theme.name, "专题学习材料", publisher)


def speech_byline(speech: Speech) -> str:
    who = " ".join(x for x in (speech.speaker_role, speech.speaker) if x)
    return "　".join(x for x in (who, f"（{cited_date(speech)}）") if x)


def speech_blocks(speech: Speech, publisher: str) -> list[dict]:
    """A speech as an official document's body, closed by its 版记 (no file name: the source is the
    title, date, speaker and meeting above it)."""
    blocks = []
    if editors_notes(speech):
        blocks.append({"kind": "note", "text": editors_notes(speech)})
    for section in speech.sections:
        blocks.extend(_speech_section(section))
    blocks.append(imprint_block(publisher, date_cn(speech)))
    return blocks


def speech_handout(speech: Speech, publisher: str) -> Handout:
    """One speech as an official document: title, byline, headings by level, numbered paragraphs (`kb print --speech`)."""
    return Handout(
        path=speech_handout_path(speech), title=speech.title, subtitle=speech.subtitle or "", running=speech.title,
        heading=speech.title, heading_words=title_words(speech.title), byline=speech_byline(speech), cover=False, toc=False,
        blocks=speech_blocks(speech, publisher),
    )


def speech_volume(key: str, speeches: list[Speech], publisher: str) -> Handout:
    """A year's speeches, each from a new page in official form: one PDF (one set of fonts) whose
    pages each speech page links to."""
    label = year_label(key)
    volume = Handout(
        path=volume_path(key), title=f"{label}讲话汇编", subtitle="公文版式", running=f"{label}讲话汇编",
        cover_facts=[("收录", f"{len(speeches)} 篇讲话"), ("编印", publisher)],
    )
    for speech in sorted(speeches, key=lambda s: chronological_key(s.sort_date, s.year, s.title)):
        volume.blocks.append({"kind": "title", "text": speech.title, "words": title_words(speech.title), "subtitle": speech.subtitle or "", "byline": speech_byline(speech)})
        volume.blocks.extend(speech_blocks(speech, publisher))
        volume.parts.append(speech.id)
    return volume


_SEGMENTER = None


def title_words(title: str) -> list[str]:
    """The title cut into its words and marks: handout.typ sets each word unbreakable and balances the
    lines (see `balanced`), so 保障 never splits, nor ends up alone on a line. Marks stay plain text:
    the line breaking rules keep a closing mark off a line's start, and a mark inside a word's box
    would be squeezed as if it ended a line."""
    global _SEGMENTER
    if _SEGMENTER is None:
        from ..enrich.segment import Segmenter

        _SEGMENTER = Segmenter()
    return [" " if not word.strip() else word for word in _SEGMENTER.cut(title)]


def _speech_section(section: Section) -> list[dict]:
    blocks = []
    if section.heading:
        # A heading breaks between words (…全面进步、全面过硬 never as …全面进 / 步、…), as a title does.
        blocks.append({"kind": f"h{min(section.level, 3)}", "text": section.heading, "words": title_words(section.heading)})
    blocks.extend({"kind": "salutation" if p.kind == "salutation" else "p", "n": p.number, "text": p.text} for p in section.paragraphs)
    for child in section.children:
        blocks.extend(_speech_section(child))
    return blocks


# --- selections (kb print) ---------------------------------------------------------------------------


@dataclass
class Selection:
    themes: list[str] = field(default_factory=list)
    years: tuple[int, int] | None = None
    speakers: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    speeches: list[str] = field(default_factory=list)

    def describe(self) -> str:
        parts = []
        if self.years:
            parts.append(f"{self.years[0]}年" if self.years[0] == self.years[1] else f"{self.years[0]}—{self.years[1]}年")
        parts += self.speakers
        parts += [f"“{t}”" for t in self.terms]
        return "　".join(parts)


def themes_asked(kb: KnowledgeBase, selection: Selection) -> set[str]:
    """The ids of the themes a selection names by id or by name (--theme cadres, --theme 干部队伍)."""
    theme_names = {t.id: t.name for t in kb.themes}
    for theme in selection.themes:
        if theme_named(theme, theme_names) is None:
            raise KbError(no_such_theme(theme, theme_names))
    return {theme_named(theme, theme_names) for theme in selection.themes}


def select(kb: KnowledgeBase, selection: Selection) -> list[tuple[Speech, Section]]:
    """The excerpts a selection asks for; KbError for an unknown id and for an empty result."""
    import difflib

    def unknown(kind: str, value: str, known) -> KbError:
        close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.4)
        hint = f"；是不是 {close[0]}？" if close else f"；已有的是：{'、'.join(sorted(known)[:12])}"
        return KbError(f"没有{kind} {value}{hint}")

    wanted_themes = themes_asked(kb, selection)
    speech_ids = {s.id for s in kb.speeches}
    for speech_id in selection.speeches:
        if speech_id not in speech_ids:
            raise unknown("讲话 id", speech_id, speech_ids)
    speakers = {s.speaker for s in kb.speeches if s.speaker}
    for speaker in selection.speakers:
        if speaker not in speakers:
            raise unknown("讲话人", speaker, speakers)
    forms = {}
    for term in kb.terms:
        for form in (term.term, *term.aliases, term.id):
            forms[form] = term
    for term in selection.terms:
        if term not in forms:
            raise unknown("提法", term, {t.term for t in kb.terms})

    if selection.themes:
        units = [unit for theme in kb.themes if theme.id in wanted_themes for unit in theme_excerpts(kb, theme)]
    else:
        units = [(speech, section) for speech in kb.speeches for section in speech.sections]
    keep = []
    seen = set()
    for speech, section in units:
        if (speech.id, section.id) in seen:
            continue
        if selection.years and not (speech.year and selection.years[0] <= speech.year <= selection.years[1]):
            continue
        if selection.speakers and speech.speaker not in selection.speakers:
            continue
        if selection.speeches and speech.id not in selection.speeches:
            continue
        if selection.terms:
            text = "".join(p.text for s in section.walk() for p in s.paragraphs) + section.heading
            if not all(any(form in text for form in forms[t].forms) for t in selection.terms):
                continue
        seen.add((speech.id, section.id))
        keep.append((speech, section))
    if not keep:
        raise KbError("没有符合这些条件的内容（" + (selection.describe() or "没有条件") + "）；请放宽条件，或用 kb check 核对写法")
    return keep


def selection_handout(kb: KnowledgeBase, selection: Selection, publisher: str, path: str = "selection.pdf") -> Handout:
    excerpts = select(kb, selection)
    themes = [t for t in kb.themes if t.id in themes_asked(kb, selection)]
    theme = themes[0] if len(themes) == 1 else None
    title = "、".join(t.name for t in themes) if themes else "讲话摘编"
    if selection.speeches and not selection.themes and not selection.terms and len(selection.speeches) == 1:
        return speech_handout(excerpts[0][0], publisher)
    return excerpts_handout(kb, theme, excerpts, path, title, selection.describe() or ("专题学习材料" if themes else "学习材料"), publisher)


# --- what the build prints -------------------------------------------------------------------------

EXCERPTS_PER_HANDOUT = 120
"""A theme with more excerpts than this is printed in parts by year (as its web page is split by
year): one volume, so one set of embedded fonts, whose year pages link to their part."""


def theme_part_key(theme: Theme, year_key: str) -> str:
    """The key a year's part of a theme volume is known by (beside speech ids, in printed parts)."""
    return f"theme:{theme.id}/{year_key}"


def plan_handouts(kb: KnowledgeBase, publisher: str, speech_handouts: bool = True):
    """Every handout the site offers, one at a time: per theme (in parts by year when large), then
    the speeches in a volume per year. A generator, so that the print stage holds only a batch of
    them in memory."""
    for theme in kb.themes:
        excerpts = theme_excerpts(kb, theme)
        if not excerpts:
            continue
        if len(excerpts) <= EXCERPTS_PER_HANDOUT:
            yield excerpts_handout(kb, theme, excerpts, theme_handout_path(theme), theme.name, "专题学习材料", publisher)
            continue
        by_year: dict[str, list] = defaultdict(list)
        for speech, section in excerpts:
            by_year[volume_key(speech)].append((speech, section))
        parts = [(theme_part_key(theme, key), year_label(key), by_year[key]) for key in sorted(by_year)]
        yield excerpts_handout(kb, theme, excerpts, theme_handout_path(theme), theme.name, "专题学习材料", publisher, parts=parts)
    if speech_handouts:
        by_year: dict[str, list] = defaultdict(list)
        for speech in kb.speeches:
            by_year[volume_key(speech)].append(speech)
        for key in sorted(by_year):
            yield speech_volume(key, by_year[key], publisher)


def count_handouts(kb: KnowledgeBase, speech_handouts: bool = True) -> int:
    """How many handouts plan_handouts yields (for progress), without making them."""
    count = len({volume_key(s) for s in kb.speeches}) if speech_handouts else 0
    return count + sum(1 for theme in kb.themes if kb.theme_excerpts.get(theme.id))
