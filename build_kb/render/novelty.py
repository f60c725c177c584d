"""新提法: when each 提法 was first used, what each year brought that was new, and the wordings a
提法 took over the years. Read from the terms' occurrences; undated speeches have no year and
count for none of it.

A year's new 提法 are those whose first use (the oldest dated speech using it, then its first
paragraph there) falls in that year. In the oldest year of the archive every 提法 is new by
construction: the pages say so rather than present it as news.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..model import KnowledgeBase, Speech, Term
from ..text import chronological_key
from .common import Site, cited_date, esc, rel

NEW_ON_HOME = 20
"""New 提法 named on the home page before "等 N 个"."""


@dataclass(frozen=True)
class FirstUse:
    term: Term
    year: int
    speech: Speech
    paragraph_id: str


def _paragraph_number(paragraph_id: str) -> int:
    return int(paragraph_id[1:]) if paragraph_id[1:].isdigit() else 0


def first_use(term: Term, speeches: dict[str, Speech]) -> FirstUse | None:
    """The term's oldest use in a dated speech; None when only undated speeches use it."""
    best = None
    for o in term.occurrences:
        speech = speeches.get(o.speech_id)
        if speech is None or not speech.year:
            continue
        key = (chronological_key(speech.sort_date, speech.year, speech.title, speech.id), _paragraph_number(o.paragraph_id), o.at)
        if best is None or key < best[0]:
            best = (key, speech, o.paragraph_id)
    return FirstUse(term, best[1].year, best[1], best[2]) if best else None


def new_terms_by_year(kb: KnowledgeBase) -> dict[int, list[FirstUse]]:
    """Year → the 提法 first used that year, in the order they were first used."""
    speeches = {s.id: s for s in kb.speeches}
    by_year: dict[int, list[FirstUse]] = defaultdict(list)
    for term in kb.terms:
        first = first_use(term, speeches)
        if first:
            by_year[first.year].append(first)
    for firsts in by_year.values():
        firsts.sort(key=lambda f: (chronological_key(f.speech.sort_date, f.speech.year, f.speech.title, f.speech.id), _paragraph_number(f.paragraph_id), f.term.term))
    return dict(by_year)


def wordings(term: Term, speeches: dict[str, Speech]) -> list[tuple[str, int | None, int | None, int]]:
    """(wording, first year, last year, uses) of each form the term was used in, oldest first."""
    seen: dict[str, list] = {}
    for o in term.occurrences:
        year = speeches[o.speech_id].year if o.speech_id in speeches else None
        entry = seen.setdefault(o.match, [None, None, 0])
        if year:
            entry[0] = year if entry[0] is None else min(entry[0], year)
            entry[1] = year if entry[1] is None else max(entry[1], year)
        entry[2] += 1
    return sorted(((w, a, b, n) for w, (a, b, n) in seen.items()), key=lambda x: (x[1] or 9999, -x[3], x[0]))


def _span(first: int | None, last: int | None) -> str:
    if not first:
        return "年份不详"
    return f"{first}年" if first == last else f"{first}—{last}年"


def _term_link(site: Site, page: str, first: FirstUse) -> str:
    return f'<a href="{rel(page, first.term.url)}">{esc(first.term.term)}</a>'


def _first_use_link(site: Site, page: str, first: FirstUse) -> str:
    number = first.paragraph_id[1:]
    return (f'<a href="{rel(page, first.speech.url)}#{esc(first.paragraph_id)}">《{esc(first.speech.title)}》</a>'
            f'（{esc(cited_date(first.speech))}）第{esc(number)}段')


def term_history(site: Site, term: Term, page: str) -> str:
    """A 提法 page's line: its first use, the years it was used, its wordings over time."""
    speeches = {o.speech_id: site.kb.speech(o.speech_id) for o in term.occurrences}
    first = first_use(term, speeches)
    facts = []
    if first:
        facts.append(f'首次使用：<span class="kb-first-use" data-year="{first.year}">{_first_use_link(site, page, first)}</span>')
    if term.uses_by_year:
        facts.append("使用年份：" + "、".join(str(y) for y in sorted(term.uses_by_year)))
    forms = wordings(term, speeches)
    if len(forms) > 1:
        facts.append("不同说法：" + "、".join(f"“{esc(w)}”（{_span(a, b)}，{n} 处）" for w, a, b, n in forms))
    return f'<p class="kb-term-history">{" · ".join(facts)}</p>' if facts else ""


def year_new_terms(site: Site, year: int, firsts: list[FirstUse], oldest: bool, page: str) -> str:
    """The timeline's line under a year: the 提法 first used that year."""
    if not firsts:
        return ""
    label = "本年起出现的提法（收录的最早一年）" if oldest else f"本年新提法（{len(firsts)} 个）"
    links = "、".join(_term_link(site, page, f) for f in firsts)
    return f'<p class="kb-new-terms" data-year="{year}"><b>{label}</b>：{links}</p>'


def home_new_terms(site: Site, by_year: dict[int, list[FirstUse]], page: str = "") -> str:
    """The home page's 最近一年的新提法: the newest year's new 提法, each with its first use."""
    if len(by_year) < 2:
        return ""  # one year of material: everything is "new", which says nothing
    year = max(by_year)
    firsts = by_year[year]
    items = "".join(f"<li>{_term_link(site, page, f)}：首见于{_first_use_link(site, page, f)}</li>" for f in firsts[:NEW_ON_HOME])
    more = f'<p>等 {len(firsts)} 个，见<a href="{rel(page, "timeline/")}#y{year}">时间线</a>。</p>' if len(firsts) > NEW_ON_HOME else ""
    return f'<ul class="kb-new-terms" data-year="{year}">{items}</ul>{more}'
