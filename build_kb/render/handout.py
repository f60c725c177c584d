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
from ..errors import KbError
from ..model import KnowledgeBase, Section, Speech, Theme
from ..text import chronological_key
from .common import date_cn, editors_notes, section_location

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
    byline: str = ""
    cover: bool = True
    cover_facts: list[tuple[str, str]] = field(default_factory=list)
    toc: bool = True
    toc_depth: int = 2
    blocks: list[dict] = field(default_factory=list)
    """The body: {"kind": h1|h2|h3|subhead|p|cite|note|source|break, "text": …, "n": paragraph number}."""

    def text(self) -> str:
        """Every character the PDF will print (for the font coverage check)."""
        facts = "".join(a + b for a, b in self.cover_facts)
        return self.title + self.subtitle + self.running + self.heading + self.byline + facts + "".join(b.get("text", "") + b.get("span", "") for b in self.blocks)


def theme_handout_path(theme: Theme) -> str:
    return f"{PDF_DIR}/themes/{theme.id}.pdf"


def speech_handout_path(speech: Speech) -> str:
    return f"{PDF_DIR}/speeches/{speech.id}.pdf"


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


def paragraph_span(section: Section) -> str:
    numbers = [p.number for s in section.walk() for p in s.paragraphs]
    if not numbers:
        return ""
    return f"第{numbers[0]}段" if len(numbers) == 1 else f"第{numbers[0]}—{numbers[-1]}段"


def full_citation(speech: Speech, section: Section) -> str:
    """——《title》（date，speaker）第二部分“heading”，第12—15段"""
    who = f"，{speech.speaker}" if speech.speaker else ""
    where = section_location(section)
    if section.title and section.kind == "body":
        where += f"“{_short(section.title, 24)}”"
    span = paragraph_span(section)
    return f"——《{speech.title}》（{date_cn(speech)}{who}）{where}" + (f"，{span}" if span else "")


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


def excerpt_blocks(speech: Speech, section: Section) -> list[dict]:
    heading = section.heading or f"{speech.title}·{section_location(section)}"
    blocks = [{"kind": "h2", "text": heading}]
    blocks.extend(b for b in section_blocks(section, "h2")[1 if section.heading else 0 :])
    citation = full_citation(speech, section)
    span = paragraph_span(section)
    if span and citation.endswith("，" + span):
        # The paragraph numbers are typeset unbroken (第19—23段 never splits across lines).
        blocks.append({"kind": "cite", "text": citation[: -len(span) - 1], "span": span})
    else:
        blocks.append({"kind": "cite", "text": citation})
    return blocks


def source_list(speeches: list[Speech], counts: dict[str, int]) -> list[dict]:
    blocks = [{"kind": "break"}, {"kind": "h1", "text": "附：来源讲话"}]
    for i, speech in enumerate(sorted(speeches, key=lambda s: chronological_key(s.date, s.year, s.title)), 1):
        parts = [f"{i}. 《{speech.title}》", date_cn(speech)]
        if speech.speaker or speech.speaker_role:
            parts.append(" ".join(x for x in (speech.speaker_role, speech.speaker) if x))
        if speech.occasion:
            parts.append(speech.occasion)
        parts.append(f"摘编 {counts[speech.id]} 处")
        blocks.append({"kind": "source", "text": "，".join(parts)})
    return blocks


def excerpts_handout(kb: KnowledgeBase, theme: Theme | None, excerpts: list[tuple[Speech, Section]], path: str, title: str, subtitle: str, publisher: str) -> Handout:
    """Excerpts grouped by the theme's sub-topics (or by theme, for a selection across themes), in date order."""
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
        toc_depth=2 if len(excerpts) <= 60 else 1,
    )
    for name, items in _groups(kb, theme, excerpts):
        handout.blocks.append({"kind": "h1", "text": name})
        for speech, section in sorted(items, key=lambda x: chronological_key(x[0].date, x[0].year, x[0].title, x[1].line)):
            handout.blocks.extend(excerpt_blocks(speech, section))
    handout.blocks.extend(source_list(list(speeches.values()), counts))
    return handout


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


def speech_handout(speech: Speech, publisher: str) -> Handout:
    """One speech as an official document: title, byline, headings by level, numbered paragraphs."""
    who = " ".join(x for x in (speech.speaker_role, speech.speaker) if x)
    byline = "　".join(x for x in (who, f"（{date_cn(speech)}）") if x)
    handout = Handout(
        path=speech_handout_path(speech), title=speech.title, subtitle=speech.subtitle or "", running=speech.title, heading=speech.title, byline=byline, cover=False, toc=False
    )
    if editors_notes(speech):
        handout.blocks.append({"kind": "note", "text": editors_notes(speech)})
    for section in speech.sections:
        handout.blocks.extend(_speech_section(section))
    handout.blocks.append({"kind": "note", "text": f"（据 {speech.source.rel_path} 整理；{publisher}编印，资料截至{date_cn(speech)}）"})
    return handout


def _speech_section(section: Section) -> list[dict]:
    blocks = []
    if section.heading:
        blocks.append({"kind": f"h{min(section.level, 3)}", "text": section.heading})
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


def select(kb: KnowledgeBase, selection: Selection) -> list[tuple[Speech, Section]]:
    """The excerpts a selection asks for; KbError for an unknown id and for an empty result."""
    import difflib

    def unknown(kind: str, value: str, known) -> KbError:
        close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.4)
        hint = f"; did you mean {close[0]!r}?" if close else f"; known: {', '.join(sorted(known)[:12])}"
        return KbError(f"unknown {kind} {value!r}{hint}")

    theme_ids = {t.id for t in kb.themes}
    for theme in selection.themes:
        if theme not in theme_ids:
            raise unknown("theme", theme, theme_ids)
    speech_ids = {s.id for s in kb.speeches}
    for speech_id in selection.speeches:
        if speech_id not in speech_ids:
            raise unknown("speech id", speech_id, speech_ids)
    speakers = {s.speaker for s in kb.speeches if s.speaker}
    for speaker in selection.speakers:
        if speaker not in speakers:
            raise unknown("speaker", speaker, speakers)
    forms = {}
    for term in kb.terms:
        for form in (term.term, *term.aliases, term.id):
            forms[form] = term
    for term in selection.terms:
        if term not in forms:
            raise unknown("term", term, {t.term for t in kb.terms})

    if selection.themes:
        units = [unit for theme in kb.themes if theme.id in selection.themes for unit in theme_excerpts(kb, theme)]
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
        raise KbError("nothing matches this selection (" + (selection.describe() or "no filter") + "); widen it, or check the spelling with kb check")
    return keep


def selection_handout(kb: KnowledgeBase, selection: Selection, publisher: str, path: str = "selection.pdf") -> Handout:
    excerpts = select(kb, selection)
    themes = [t for t in kb.themes if t.id in selection.themes]
    theme = themes[0] if len(themes) == 1 else None
    title = "、".join(t.name for t in themes) if themes else "讲话摘编"
    if selection.speeches and not selection.themes and not selection.terms and len(selection.speeches) == 1:
        return speech_handout(excerpts[0][0], publisher)
    return excerpts_handout(kb, theme, excerpts, path, title, selection.describe() or "学习材料", publisher)


# --- what the build prints -------------------------------------------------------------------------

EXCERPTS_PER_HANDOUT = 120
"""A theme with more excerpts than this gets one handout per year (as its web page is split by year)."""


def theme_year_handout_path(theme: Theme, year_key: str) -> str:
    return f"{PDF_DIR}/themes/{theme.id}/{year_key}.pdf"


def plan_handouts(kb: KnowledgeBase, publisher: str, speech_handouts: bool = True):
    """Every handout the site offers, one at a time: per theme (per theme and year when large), then
    per speech. A generator, so that the print stage holds only a batch of them in memory."""
    from ..text import UNDATED

    for theme in kb.themes:
        excerpts = theme_excerpts(kb, theme)
        if not excerpts:
            continue
        if len(excerpts) <= EXCERPTS_PER_HANDOUT:
            yield excerpts_handout(kb, theme, excerpts, theme_handout_path(theme), theme.name, "专题学习材料", publisher)
            continue
        by_year: dict[str, list] = defaultdict(list)
        for speech, section in excerpts:
            by_year[str(speech.year) if speech.year else UNDATED].append((speech, section))
        for key in sorted(by_year):
            label = f"{key}年" if key != UNDATED else "年份不详"
            yield excerpts_handout(kb, theme, by_year[key], theme_year_handout_path(theme, key), theme.name, f"专题学习材料·{label}", publisher)
    if speech_handouts:
        for speech in kb.speeches:
            yield speech_handout(speech, publisher)


def count_handouts(kb: KnowledgeBase, speech_handouts: bool = True) -> int:
    """How many handouts plan_handouts yields (for progress), without making them."""
    count = len(kb.speeches) if speech_handouts else 0
    for theme in kb.themes:
        excerpts = kb.theme_excerpts.get(theme.id, [])
        if len(excerpts) > EXCERPTS_PER_HANDOUT:
            count += len({kb.speech(sid).year for sid, _ in excerpts})
        elif excerpts:
            count += 1
    return count
