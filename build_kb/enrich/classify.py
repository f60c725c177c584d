"""Stage 4a — enrich with themes: explainable keyword classification of sections and paragraphs.

Evidence is counted on jieba tokens (so 组工干部 does not count as 干部). A heading decides when it has
evidence; otherwise the section's own paragraphs do, when theme words are dense enough in them for organisation
work to be what they are about (MIN_DENSITY: a national report's part on the economy that names 党中央 and
人才 once each is about neither, nor is a whole text that does so here and there) and spread over enough of its
sentences (SPOKEN_SHARE: a party report's part on 三农 that names 集体经济 in one sentence of five is about 三农); a body
that tallies a bit of every theme under a heading that names none gets none (SPREAD_SHARE, theme_source `mixed`), and
a text whose parts speak of other work (a party committee's report: economy, safety, ecology) lends its wordless
parts no subject (OTHER_WORK_PARTS); a section with neither takes the themes of its
children (a review section is as mixed as what it reviews) and, failing that, of its parent.
Evidence that is thin (ordinary words only, 思想; or a word or two in a long text) gives way to the
children's own themes, else to the speech's subject as its title names it (theme_source `context`) or, with no
title to go by, as its whole text names it when that is clearly one theme (theme_source `speech`); a
heading that names its theme outright keeps it over parts about two themes (and a heading that names
who did the work gives way to a body that never names its theme and speaks of another, BODY_OVER_HEADING), a heading
that names nothing keeps its own lines' theme beside the one its parts agree on, and in a text that barely speaks of
organisation work at all (`_quiet_text`) a heading's word decides nothing alone; parts about three or
more make an overview labelled with all of them; under that, the parts speak for the section only where
most of them agree (two parts on two themes: neither). Of two themes nearly as strong in a section without
parts, the one the speech is about (its title, or its whole text) decides.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ..config import NORMAL, OTHER, STRONG, Taxonomy, ThemeRule
from ..model import Problem, Section, Speech, Subtopic

HEADING_FACTOR = 4.0
"""A keyword in a heading counts this many times more than one in the body."""
MIN_BODY_SCORE = 3.0
"""Body evidence below this (after length normalisation) is too thin to label a section."""
MIN_PARAGRAPH_SCORE = 3.0
OVERVIEW_THEMES = 3
"""A section whose parts lead with this many different themes is an overview of them all."""
THIN_BELOW = 2 * MIN_BODY_SCORE
"""A section's own evidence under this (a word or two in a long text) is thin: its parts or the speech's
subject say more."""
KEEP_RATIO = 0.6
"""A second theme is kept when its score is at least this share of the best theme's."""
MAX_COUNT = 3
"""Repeating a word more than this many times in one text adds nothing."""
MIN_DENSITY = 15.0
"""Words of the themes per 1,000 characters (each occurrence, weighted: a strong word 3, another 1; generic words left
out) below which a long text is not about organisation work, however many theme words it names once here and
there: one strong word every 200 characters. Organisation work says its words every sentence or two — 28 and more
in the labelled sections over 300 characters whose text decides them (kb evaluate's and round 15's), 25–40 for a
speech's subject over its whole text; the parts of a national report, a government's policy paper or an economic
work meeting that name 党中央, 理论, 党史 or 人才 in passing, 0–12. Under about 250 characters MIN_BODY_SCORE asks more
than this, so it decides only over long texts."""
SPOKEN_SHARE = 0.4
"""A section's body speaks for a theme only when at least this share of its sentences name a word of some theme
(not a generic one): organisation work says its words in nearly every sentence (half and more in every labelled
section whose body decides it), while a part on rural revitalisation or safety in a party committee's report names
集体经济 or 第一书记 in one sentence of five — dense enough per 1,000 characters when the part is short, yet about
something else. Density counts the words, this counts the sentences they are spread over."""
SPREAD_SHARE = 0.5
"""A section without parts whose body names OVERVIEW_THEMES themes or more, none of them holding this share of the
evidence and no two of them together SPREAD_TWO_SHARE, tallies a bit of everything (一、2023年工作总体情况: so many
members recruited, cadres promoted, talents brought in): no one theme is its subject, and it gets none rather than the
one whose tally happened to be longest. The labelled sections whose body decides one theme hold 0.56 and more of it;
the tallies written for round 16's class, 0.28–0.39 (and their best two, 0.50–0.69)."""
SPREAD_TWO_SHARE = 0.75
"""A body whose best two themes hold this share of its evidence is about those two (干部 and 人才, with a word of 理论 in
passing), not a tally of everything."""
OTHER_NAME = "其他/综合"


# --- evidence ----------------------------------------------------------------------------------


Segment = Callable[[str], tuple[str, ...]]
"""Cuts a text into words (enrich/segment.py); one segmenter serves the whole build (see pipeline)."""


def keyword_counts(text: str, taxonomy: Taxonomy, segment: Segment) -> Counter:
    """How often each taxonomy keyword occurs in `text`, as a token (or as text, for phrases); a word that only
    modifies the next one (`is_modifier`) is not counted."""
    counts: Counter = Counter()
    if not text:
        return counts
    tokens = segment(text)
    for token, following in zip(tokens, _followers(text, tokens)):
        if token in taxonomy.keywords and not is_modifier(token, following, taxonomy):
            counts[token] += 1
    for phrase in taxonomy.phrases:
        n = text.count(phrase)
        if n:
            counts[phrase] = n
            for word in [w for w in counts if w != phrase and w in phrase]:
                # a word inside a phrase is the phrase's (村“两委”换届 is no 换届 of cadres), as 组工干部 is no 干部
                counts[word] -= min(n, counts[word])
                if not counts[word]:
                    del counts[word]
    return counts


def _followers(text: str, tokens: tuple[str, ...]) -> list[str]:
    """For each token, the token written right after it in `text`; "" when something the segmenter drops (、 or a
    space: 党员、干部 is a list) or nothing comes next."""
    spans, cursor = [], 0
    for token in tokens:  # the tokens are pieces of `text`, in order
        start = text.find(token, cursor)
        cursor = start + len(token)
        spans.append((start, cursor))
    followers = [following if spans[i + 1][0] == spans[i][1] else "" for i, following in enumerate(tokens[1:])]
    return followers + [""] if tokens else []


def is_modifier(word: str, following: str, taxonomy: Taxonomy) -> bool:
    """Two ordinary words of two themes side by side make one compound, named by the second (its head): the first
    only modifies it and names no theme (党员干部 and 基层干部 are cadres, 干部群众 is people at large, 政治担当 is
    担当). A strong word on either side is a term of its own and both keep counting (换届纪律, 基层党组织政治功能,
    干部理论武装), and so do two words of one theme (基层党员)."""
    first, second = taxonomy.themes_of.get(word), taxonomy.themes_of.get(following)
    if not first or not second or first & second:
        return False
    return all(rule.weights.get(w, 0) < STRONG for rule in taxonomy.rules for w in (word, following))


def texts_keyword_counts(texts: list[str], taxonomy: Taxonomy, segment: Segment) -> Counter:
    """keyword_counts of several texts added up."""
    total: Counter = Counter()
    for text in texts:
        total.update(keyword_counts(text, taxonomy, segment))
    return total


def theme_scores(counts: Counter, taxonomy: Taxonomy) -> dict[str, tuple[float, list[str]]]:
    """theme id → (score, the words that fired), for themes with any evidence."""
    scores = {}
    for rule in taxonomy.rules:
        fired = [(w, n) for w, n in sorted(counts.items()) if w in rule.weights]
        if fired:
            score = sum(rule.weights[w] * min(n, MAX_COUNT) for w, n in fired)
            scores[rule.theme.id] = (score, [f"{w}×{n}" if n > 1 else w for w, n in fired])
    return scores


_SENTENCE_END = re.compile(r"(?<=[。！？!?])|\n")


def sentences(text: str) -> list[str]:
    """A text cut after each 。！？ (and at line ends), blanks left out; 、 ， ； go on within the sentence."""
    return [piece for piece in (part.strip() for part in _SENTENCE_END.split(text)) if piece]


def spoken_share(texts: list[str], taxonomy: Taxonomy, segment: Segment) -> float:
    """The share of the sentences of `texts` that name a word of some theme other than a generic one (思想, 群众,
    基层 are said in every kind of text): how much of a section speaks of organisation work at all."""
    said = [sentence for text in texts for sentence in sentences(text)]
    if not said:
        return 0.0
    speaking = 0
    for sentence in said:
        counts = keyword_counts(sentence, taxonomy, segment)
        themes = {theme for word in counts for theme in taxonomy.themes_of.get(word, ())}
        speaking += bool(_specific(sorted(themes), counts, taxonomy))
    return speaking / len(said)


def density(counts: Counter, rule: ThemeRule, length: int) -> float:
    """How often `rule`'s own words occur in a text of `length` characters: weighted occurrences per 1,000 characters
    (a repeated word counts every time: what is measured is how much of the text speaks of the theme). Generic words
    (群众, 基层, 思想) are left out: every kind of text says them."""
    return 1000 * sum(rule.weights[w] * n for w, n in counts.items() if w in rule.weights and w not in rule.generic) / max(length, 1)


def pick(scores: dict[str, float]) -> list[str]:
    """The best theme and any theme nearly as strong, best first (ties by id, for stable output)."""
    if not scores:
        return []
    best = max(scores.values())
    return [t for t, s in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])) if s >= KEEP_RATIO * best]


# --- classification ------------------------------------------------------------------------------


@dataclass
class _Own:
    """A section's evidence of its own: heading and its own paragraphs (not its children)."""

    themes: list[str]
    source: str
    scores: dict[str, float]
    evidence: dict[str, list[str]]
    thin: bool = False
    """Its themes rest on ordinary words alone (思想, 干部), no word that names a theme by itself, or on a
    word or two in a long text."""
    headed: frozenset[str] = frozenset()
    """The themes its heading names with a word of their own (not a generic one: 统一思想 names none)."""
    joined: tuple[str, ...] = ()
    """The themes the halves of a heading joined by 和/与/及/、 name one each (`themes_of_joined_halves`)."""
    spread: bool = False
    """Its body tallies a bit of every theme and its heading names none (SPREAD_SHARE): no theme, on purpose."""
    strong: frozenset[str] = frozenset()
    """The themes its heading or own paragraphs name by a strong word (a term of the theme's own: 干部队伍, 党支部)."""


_JOINING = re.compile(r"[、]|(?:以及|和|与|及|暨)")
_JOINING_WORDS = {"和", "与", "及", "以及", "暨"}


def themes_of_joined_halves(heading: str, taxonomy: Taxonomy, segment: Segment) -> tuple[str, ...]:
    """A heading that joins two things with 和, 与, 及 or 、 (抓好基层党建和乡村人才振兴, 坚持党管干部和党管人才): when its
    halves each name a different theme by a word of its own (no generic word: 干部和群众 names one), the section is
    about both, however many more words one of them has in the text. Only a whole word joins (和谐, 及时 do not:
    the segmenter's tokens are read), and each half's best theme counts, alone at the top of its half."""
    halves, current = [], ""
    for token in segment(heading):
        if token in _JOINING_WORDS or token == "、":
            halves.append(current)
            current = ""
        else:
            current += token
    halves.append(current)
    if len(halves) < 2:
        halves = [part for part in heading.split("、")]
    found: list[str] = []
    for half in halves:
        counts = keyword_counts(half, taxonomy, segment)
        scores = {t: s for t, (s, _) in theme_scores(counts, taxonomy).items()}
        best = [t for t in _specific(list(scores), counts, taxonomy) if scores[t] == max(scores.values())]
        if len(best) == 1 and best[0] not in found:
            found.append(best[0])
    return tuple(found) if len(found) >= 2 else ()


def _specific(themes: list[str], counts: Counter, taxonomy: Taxonomy) -> list[str]:
    """The themes some word of `counts` speaks for by more than ordinary vocabulary: a keyword of the theme that
    is not one of its `generic` words. 思想 alone (提高思想认识, in a text about a 政协's work) or 群众 and 社区 alone
    (帮助困难群众…, a holiday visit) give no theme — no theme is better than a generic one."""
    rules = {rule.theme.id: rule for rule in taxonomy.rules}
    return [t for t in themes if any(word in rules[t].weights and word not in rules[t].generic for word in counts)]


def _strong_words(counts: Counter, taxonomy: Taxonomy, theme_ids: list[str]) -> bool:
    """Does any word that names one of the themes by itself (a strong keyword) occur?"""
    return any(rule.weights.get(word, 0) >= STRONG for rule in taxonomy.rules if rule.theme.id in theme_ids for word in counts)


def _own_evidence(section: Section, taxonomy: Taxonomy, segment: Segment, quiet: bool = False) -> _Own:
    """`quiet`: the speech as a whole barely speaks of organisation work (`_quiet_text`); its headings' words then
    decide nothing alone, only a body that speaks of the theme densely on its own does."""
    head_counts = keyword_counts(section.heading, taxonomy, segment)
    body_counts = texts_keyword_counts([p.text for p in section.paragraphs], taxonomy, segment)
    head = theme_scores(head_counts, taxonomy)
    body_raw = theme_scores(body_counts, taxonomy)
    length_factor = 1 + sum(len(p.text) for p in section.paragraphs) / 1000
    body = {t: (s / length_factor, words) for t, (s, words) in body_raw.items()}
    total = {t: HEADING_FACTOR * head.get(t, (0, []))[0] + body.get(t, (0, []))[0] for t in set(head) | set(body)}
    evidence = {}
    for t in sorted(total):
        evidence[t] = [f"标题：{w}" for w in head.get(t, (0, []))[1]] + [f"正文：{w}" for w in body.get(t, (0, []))[1]]
    scores = {t: round(s, 2) for t, s in sorted(total.items())}
    specific = set(_specific(list(total), head_counts + body_counts, taxonomy))
    headed = frozenset(_specific(list(head), head_counts, taxonomy))
    named = {t: s for t, (s, _) in head.items() if t in specific}
    joined = themes_of_joined_halves(section.heading, taxonomy, segment) if len(named) >= 2 else ()
    length = sum(len(p.text) for p in section.paragraphs)
    # words of the heading speak for the section whatever its length; the body's only where, all themes together,
    # they are dense enough for organisation work to be what it is about
    def body_is_dense() -> bool:
        return sum(density(body_counts, rule, length) for rule in taxonomy.rules) >= MIN_DENSITY \
            and spoken_share([p.text for p in section.paragraphs], taxonomy, segment) >= SPOKEN_SHARE
    if quiet and not body_is_dense():
        # 一、团委学生会换届 in a student union's term report: the heading's 换届 is no cadre work when neither its
        # own text nor the text around it speaks of organisation work
        return _Own([], "none", scores, evidence)
    if named and max(named.values()) >= STRONG:
        eligible = {t: total[t] for t in named}
        themes = pick(eligible)
        themes += [t for t in sorted(joined, key=lambda t: -eligible[t]) if t not in themes]  # 基层党建和乡村人才振兴: both
        over = _body_over_heading(themes, body, body_counts, specific, taxonomy, body_is_dense)
        source = "heading"
        if over and not any(t in body for t in themes):
            themes, source = [], "body"  # the body never names the heading's theme: the heading says who did the work, the body what
        themes += over
        return _Own(themes, source, scores, evidence, headed=headed, joined=joined)
    dense = body_is_dense()
    decisive = {t: s for t, s in total.items() if s >= MIN_BODY_SCORE and t in specific and (t in headed or dense)}
    if decisive and not head and not section.children and _tallies_everything(total, specific):
        return _Own([], "mixed", scores, evidence, spread=True)
    if decisive:
        themes = pick(decisive)
        weighed = pick({t: w for t, w in _weighed_without_generic(head_counts, body_counts, length_factor, taxonomy).items() if t in decisive})
        themes += [t for t in weighed if t not in themes]  # generic words may not push a theme out
        source = "heading" if all(HEADING_FACTOR * head.get(t, (0, []))[0] >= body.get(t, (0, []))[0] for t in themes) else "body"
        thin = not _strong_words(head_counts + body_counts, taxonomy, themes) or max(decisive.values()) < THIN_BELOW
        strong = frozenset(t for t in themes if _strong_words(head_counts + body_counts, taxonomy, [t]))
        return _Own(themes, source, scores, evidence, thin, headed, strong=strong)
    return _Own([], "none", scores, evidence)


BODY_OVER_HEADING = 2.0
"""A body that speaks of another theme than its heading's at least this many times as much as of the heading's
(and densely, by words of its own) is about that theme too."""


def _body_over_heading(themes: list[str], body: dict[str, tuple[float, list[str]]], body_counts: Counter, specific: set[str],
                       taxonomy: Taxonomy, body_is_dense: Callable[[], bool]) -> list[str]:
    """The themes a body speaks of far more than of its heading's (BODY_OVER_HEADING), each with evidence that is not
    thin (THIN_BELOW, a strong word among it), in a body dense enough to be about organisation work. A heading that
    names who did the work (一、全市各级组织部门和广大组工干部…作出了贡献) over a body on 好干部, 用人, 领导班子 is about
    the cadres its body speaks of as well; the heading's theme stays where the body names it too (it is the author's
    word), and goes where the body never does."""
    heading_body = max((body.get(t, (0.0, []))[0] for t in themes), default=0.0)
    found = [t for t, (score, _) in sorted(body.items(), key=lambda kv: -kv[1][0])
             if t not in themes and t in specific and score >= THIN_BELOW and score >= BODY_OVER_HEADING * heading_body
             and _strong_words(body_counts, taxonomy, [t])]
    return found if found and body_is_dense() else []


def _weighed_without_generic(head_counts: Counter, body_counts: Counter, length_factor: float, taxonomy: Taxonomy) -> dict[str, float]:
    """Each theme's evidence as `_own_evidence` weighs it, its generic words left out. A theme nearly as strong as the
    best by these words is kept even when the generic words of another push it under KEEP_RATIO: 农村 and 村 five
    times each (a part on 村干部队伍 says where it works) weigh for 基层党建 as much as 干部队伍 twice for 干部队伍,
    yet only say where the work is done; said in every kind of text, they show that a theme has evidence, not
    that it outweighs another."""
    def without_generic(counts: Counter) -> Counter:
        return Counter({w: n for w, n in counts.items() if not any(w in rule.generic for rule in taxonomy.rules)})
    head = theme_scores(without_generic(head_counts), taxonomy)
    body = theme_scores(without_generic(body_counts), taxonomy)
    return {t: HEADING_FACTOR * head.get(t, (0, []))[0] + body.get(t, (0, []))[0] / length_factor for t in set(head) | set(body)}


def _tallies_everything(total: dict[str, float], specific: set[str]) -> bool:
    """Does a body name OVERVIEW_THEMES themes or more by words of their own, none with SPREAD_SHARE of the evidence and
    no two with SPREAD_TWO_SHARE?"""
    named = sorted((s for t, s in total.items() if t in specific), reverse=True)
    return len(named) >= OVERVIEW_THEMES and named[0] < SPREAD_SHARE * sum(named) and sum(named[:2]) < SPREAD_TWO_SHARE * sum(named)


@dataclass(frozen=True)
class Subject:
    """What the whole speech is about, and how that is known: `context` (its title names it) or `speech` (no
    title does, and its whole text speaks for one theme clearly)."""

    themes: tuple[str, ...] = ()
    source: str = "context"
    quiet: bool = False
    """The whole text barely speaks of organisation work (`_quiet_text`)."""


def classify_section(
    section: Section, taxonomy: Taxonomy, segment: Segment, parent_themes: list[str], manual: dict[str, list[str]], context: Subject = Subject(),
) -> None:
    """Label `section` and its descendants in place (themes, scores, evidence, and their source).

    `context` is what the whole speech is about (its title's themes): a section whose own words barely
    speak (one ordinary word, 从思想上解决为什么学的问题 in a speech to a cadre training class) is read in
    its light; its children, when they have words of their own, speak for it first."""
    own = _own_evidence(section, taxonomy, segment, context.quiet)
    section.theme_scores = own.scores
    section.theme_evidence = own.evidence
    section.themes, section.theme_source = own.themes, own.source
    if section.kind != "body":
        # Openings and closings speak about everything at once: they belong to no single theme.
        section.themes, section.theme_source, own.thin = [], "none", False
    if section.id in manual:
        section.themes, section.theme_source, own.thin = list(manual[section.id]), "manual", False
    for child in section.children:
        classify_section(child, taxonomy, segment, section.themes or parent_themes, manual, context)
    from_children = _children_themes(section)
    leading = {child.themes[0] for child in section.children if child.themes and child.theme_source != "parent"}
    # Parts about most themes make an overview (a year's work reviewed), labelled with all of them; over
    # parts about two themes, a heading or text that names its own theme outright keeps it.
    mixed = len(leading) >= OVERVIEW_THEMES or (len(leading) >= 2 and (own.thin or section.theme_source == "none"))
    # Under an overview's number of themes, the parts speak for the section only where most of them agree:
    # a review of two parts about two themes (2021年工作回顾: 政治建设, 干部队伍) is about neither alone.
    agreed = from_children if len(leading) >= OVERVIEW_THEMES else _held_by_most(section)
    if agreed and section.theme_source != "manual" and (mixed or section.theme_source == "none" or own.thin):
        section.themes, section.theme_source = agreed, "children"
    elif agreed and section.theme_source == "body" and not own.headed and not mixed and not set(agreed) <= set(section.themes):
        # A heading that names no theme, its own lines on one theme, the parts that speak agree on another: the section
        # holds both (一、工作开展情况, a line on 党支部 and 党员 over （一）党对医院工作的全面领导). A heading that names its
        # theme keeps it alone: its parts are pieces of it (一、…农村基层党组织建设… over （一）…乡镇党委换届…).
        section.themes = section.themes + [t for t in agreed if t not in section.themes]
    elif own.thin and context.themes and not set(section.themes) & set(context.themes) \
            and (context.source == "context" or not own.headed & set(section.themes)):
        # A title outweighs a thin heading; the whole text outweighs thin body words only, never the author's
        # own heading (三、县委组织部如何开展理论中心工作 in a text mostly on cadres stays 政治建设).
        section.themes, section.theme_source = list(context.themes), context.source
    elif len(section.themes) >= 2 and section.theme_source in ("heading", "body") and not section.children and not own.joined \
            and 0 < len(set(section.themes) & set(context.themes)) < len(section.themes):
        # Two themes nearly as strong: the one the speech is about decides (党建引领乡村振兴 over 思想), over a theme
        # named by ordinary words only; a theme the section names by a term of its own (干部队伍 three times in a part
        # on 村干部 under a title on 党组织书记) stays beside it.
        section.themes = [t for t in section.themes if t in context.themes or t in own.strong]
    if section.theme_source == "none" and parent_themes:
        section.themes, section.theme_source = list(parent_themes), "parent"
    elif section.theme_source == "none" and section.kind == "body" and context.themes and own.scores:
        # A top-level part whose words are too few to name a theme (五、任职资格条件 over its list of conditions,
        # 考核 once; a news page's one unheaded text, 广大干部群众 once under a title on 规范用人) is read in the light
        # of what the whole speech is about, as a thin one is. A part with no
        # word of any theme at all is about something else even under a title that names one (a county's
        # economic figures in a speech to a 老干部座谈会): it is left to _unthemed_parts_read_by_the_whole, which
        # asks the whole text and the part's siblings.
        section.themes, section.theme_source = list(context.themes), context.source
    for paragraph in section.paragraphs:
        paragraph.themes = _paragraph_themes(paragraph.text, taxonomy, segment) or list(section.themes)


def _held_by_most(section: Section) -> list[str]:
    """The themes more than half of the parts with any words of a theme speak about: a part whose words were too
    few to decide (it took its parent's themes) still has a voice that did not agree — one part of three on
    凝聚力 beside two with a word of 干部 each is no majority — while a part with no such word at all is silent."""
    parts = [child for child in section.children if child.themes and child.theme_source != "parent"]
    voices = sum(1 for child in section.children if child in parts or child.theme_scores)
    return [t for t in _children_themes(section) if 2 * sum(t in child.themes for child in parts) > voices]


def _children_themes(section: Section) -> list[str]:
    """Themes of the children, most frequent first (ties in taxonomy order of first appearance)."""
    counts: Counter = Counter()
    order: dict[str, int] = {}
    for child in section.children:
        if child.theme_source == "parent":
            continue  # the parent's own themes handed down, no evidence of the child's
        for theme in child.themes:
            counts[theme] += 1
            order.setdefault(theme, len(order))
    return sorted(counts, key=lambda t: (-counts[t], order[t]))


def _paragraph_themes(text: str, taxonomy: Taxonomy, segment: Segment, minimum: float = MIN_PARAGRAPH_SCORE) -> list[str]:
    counts = keyword_counts(text, taxonomy, segment)
    scores = {t: s for t, (s, _) in theme_scores(counts, taxonomy).items()}
    if not scores or max(scores.values()) < minimum:
        return []
    return _specific(pick(scores), counts, taxonomy)


def classify_speech(speech: Speech, taxonomy: Taxonomy, segment: Segment, problems: list[Problem]) -> None:
    """Label every section and paragraph of one speech (it depends on no other speech)."""
    known = {t.id for t in taxonomy.themes}
    manual = speech.manual_themes
    section_ids = {s.id for s in speech.all_sections()}
    for section_id, themes in manual.items():
        if section_id not in section_ids:
            problems.append(Problem(speech.source.rel_path, f"speeches.yaml 写的部分 {section_id} 这篇讲话没有（它的部分是 {' '.join(sorted(section_ids))}）；请用 kb check 看部分的 id"))
        for theme in themes:
            if theme not in known:
                problems.append(Problem(speech.source.rel_path, f"speeches.yaml 给部分 {section_id} 的专题 {theme} 不存在；专题有 {' '.join(sorted(known))}"))
    scoped = themes_in_scope(speech, taxonomy)
    title = " ".join(t for t in (speech.title, speech.occasion) if t and not speech.title_derived)
    named = _paragraph_themes(title, scoped, segment, minimum=NORMAL * 2) if title else []
    quiet = _quiet_text(speech, scoped, segment)
    context = Subject(tuple(named), "context", quiet) if named else Subject(tuple(_whole_text_subject(speech, scoped, segment)), "speech", quiet)
    for section in speech.sections:
        classify_section(section, scoped, segment, [], manual, context)
    _unthemed_parts_read_by_the_whole(speech, scoped, segment)
    for section in speech.all_sections():
        if section.theme_source in ("heading", "body", "manual"):
            for theme_id in section.themes:
                rule = taxonomy.rule(theme_id)
                sub = subtopic_of(section, rule, taxonomy, segment) if rule else None
                if sub:
                    section.subtopics[theme_id] = sub.id


def _speech_texts(speech: Speech) -> list[str]:
    """Every heading and paragraph of the speech, in order."""
    return [text for section in speech.all_sections() for text in (section.heading, *(p.text for p in section.paragraphs))]


def themes_in_scope(speech: Speech, taxonomy: Taxonomy) -> Taxonomy:
    """The taxonomy as it applies to one speech: a theme that `requires` a body to be named (自身建设: 组织部,
    组工, 模范部门) is left out of a speech that names none of them anywhere (title, headings, text), so 廉洁自律
    in a cadre's report on his own duties, or 绝对忠诚 in a talk on loyalty to the Party, is no 自身建设."""
    conditional = [rule for rule in taxonomy.rules if rule.requires]
    if not conditional:
        return taxonomy
    text = "".join([speech.title or "", *_speech_texts(speech)])
    absent = {rule.theme.id for rule in conditional if not any(word in text for word in rule.requires)}
    return Taxonomy(rules=tuple(rule for rule in taxonomy.rules if rule.theme.id not in absent)) if absent else taxonomy


WHOLE_TEXT_SCORE = 2 * MIN_BODY_SCORE
"""How much evidence the whole text must give before it speaks for a part that names no theme of its own."""
SUBJECT_MARGIN = 0.6
"""The whole text is about one theme when the next theme scores at most this share of it (chosen round by round
on the other rounds: bench/theme_folds.py --sweep SUBJECT_MARGIN=0.4,0.5,0.6,0.7 picks 0.6 for every round)."""


SUBJECT_WORDS = 2
"""The whole text is about a theme only when it uses this many different words of it: one word repeated (老干部, the
name of the 老干部座谈会 said four times; 激励 in 激励团员) is how the meeting is called or a verb in passing."""


def _whole_text_subject(speech: Speech, taxonomy: Taxonomy, segment: Segment) -> list[str]:
    """The one theme the whole text is clearly about (a page on 党支部标准化: 党员, 党支部 in every part), for a
    speech with no title that names its subject: its evidence is strong enough and no other theme comes near
    (the next scores at most SUBJECT_MARGIN of it). A text about two themes has no such subject."""
    texts = _speech_texts(speech)
    counts = keyword_counts(" ".join(texts), taxonomy, segment)
    scores = {t: s for t, (s, _) in theme_scores(counts, taxonomy).items()}
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] < WHOLE_TEXT_SCORE or not _specific([ranked[0][0]], counts, taxonomy):
        return []
    if density(counts, taxonomy.rule(ranked[0][0]), sum(len(t) for t in texts)) < MIN_DENSITY:
        return []  # a national report's 党中央 and 理论 here and there: many words, but a long text about other things
    if sum(1 for word in counts if word in taxonomy.rule(ranked[0][0]).weights) < SUBJECT_WORDS:
        return []
    if len(ranked) > 1 and ranked[1][1] > SUBJECT_MARGIN * ranked[0][1]:
        return []
    if _covers_other_work(speech, taxonomy, segment):
        return []
    return [ranked[0][0]]


def _quiet_text(speech: Speech, taxonomy: Taxonomy, segment: Segment) -> bool:
    """Does the whole text barely speak of organisation work — its theme words, all themes together, under
    MIN_DENSITY and in under SPOKEN_SHARE of its sentences? A student union's term report (团委学生会换届, 发展新团员,
    评优) names a word of a theme in a heading or two and nothing else; organisation work says its words in every
    sentence or two (a text on 党建 or 人才, even a party committee's report on all the work of a place, is above
    both lines). In such a text a heading's one word is how an unrelated body names its own business."""
    texts = _speech_texts(speech)
    length = sum(map(len, texts))
    if length < QUIET_MIN_LENGTH:
        return False
    counts = keyword_counts(" ".join(texts), taxonomy, segment)
    return sum(density(counts, rule, length) for rule in taxonomy.rules) < MIN_DENSITY and spoken_share(texts, taxonomy, segment) < SPOKEN_SHARE


QUIET_MIN_LENGTH = 300
"""A text shorter than this many characters is never quiet (`_quiet_text`): a note of a few lines (a heading on two
themes over 两方面都重要) is too short to tell what else it speaks of, and one word in it makes any density."""


OTHER_WORK_PARTS = 2
"""Parts of a text that barely speak of organisation work (SPOKEN_SHARE) over OTHER_WORK_LENGTH characters or more, at
least this many and a third of its parts, make it a text about all the work of a place (a party congress's or
committee's report: the economy, 三农, safety, ecology, then 党的建设): its theme words, however many, are those of its
party-building parts, no subject of the rest."""
OTHER_WORK_LENGTH = 100
"""A part shorter than this (a line or two of figures to an audience of retired cadres) is too short to say that the
text is about other work: it may be a word in passing."""


def _covers_other_work(speech: Speech, taxonomy: Taxonomy, segment: Segment) -> bool:
    """Is the text about more than organisation work — enough of its top-level parts barely speak of it?"""
    parts = [s for s in speech.sections if s.kind == "body" and (s.paragraphs or s.children)]
    other = 0
    for part in parts:
        texts = [text for x in part.walk() for text in (x.heading, *(p.text for p in x.paragraphs))]
        other += sum(map(len, texts)) >= OTHER_WORK_LENGTH and spoken_share(texts, taxonomy, segment) < SPOKEN_SHARE
    return other >= OTHER_WORK_PARTS and 3 * other >= len(parts)


def _unthemed_parts_read_by_the_whole(speech: Speech, taxonomy: Taxonomy, segment: Segment) -> None:
    """A top-level part left with no theme — its words name none, or too few (第一句话：把学习作为第一追求 over
    a page about learning; 二、明确“两个覆盖”集中攻坚行动的目标任务 with one or two 党建 words), and no title
    that names the speech's subject (a page's title is often missing or made up from the headings) — is read
    in the light of the whole text, when the whole text says clearly what one theme it is about (`theme_source:
    speech`; sent to 待核对 with the other guesses). The speech's words outweigh nothing of the part's own:
    only a part with no theme at all takes them, only when its themed siblings agree (`_siblings_agree`), and
    no part over parts (a review of two parts on two themes is about neither, on purpose)."""
    # (a heading over no words of its own — a plan's 四 活动时间： left blank — is a label to fill in: no subject to guess)
    parts = [s for s in speech.sections if s.kind == "body" and s.heading and s.paragraphs and not s.children and not s.themes and s.theme_source == "none"]
    if not parts:
        return
    whole = _whole_text_subject(speech, taxonomy, segment)
    if not whole or not _siblings_agree(speech, whole):
        return
    for section in parts:
        section.themes, section.theme_source = list(whole), "speech"
        for paragraph in section.paragraphs:
            paragraph.themes = paragraph.themes or list(whole)


def _siblings_agree(speech: Speech, whole: list[str]) -> bool:
    """Whether the parts that name their own themes leave room for the whole text's: none of them does (the
    text's subject is nowhere named by a part), or two or more of them share it (坚守底线讲规矩 after parts on
    政治建设, 自身建设, 自身建设). One themed sibling is no such evidence — the whole text's theme is then only that
    sibling's, and the part beside it may well be off it (一、关于天气 beside 二、加强人才工作)."""
    own = [s for s in speech.sections if s.kind == "body" and s.theme_source in ("heading", "body", "manual")]
    return not own or sum(1 for s in own if set(s.themes) & set(whole)) >= 2


def subtopic_of(section: Section, rule: ThemeRule, taxonomy: Taxonomy, segment: Segment) -> Subtopic | None:
    """The sub-topic of `rule`'s theme that `section` speaks about most (heading counts double)."""
    if not rule.subtopics:
        return None
    head = keyword_counts(section.heading, taxonomy, segment)
    body = texts_keyword_counts([p.text for p in section.paragraphs], taxonomy, segment)
    best, best_score = None, 0.0
    for sub in rule.subtopics:
        score = sum(2 * head.get(w, 0) + min(body.get(w, 0), MAX_COUNT) for w in sub.keywords)
        if score > best_score:
            best, best_score = sub, score
    return best


# --- what the labels add up to (used by pages and handouts) --------------------------------------


def theme_shares(speech: Speech) -> dict[str, int]:
    """Characters of the speech's text per theme (a section's text counts once, for its own themes)."""
    shares: Counter = Counter()
    for section in speech.all_sections():
        size = len(section.heading) + sum(len(p.text) for p in section.paragraphs)
        if not size:
            continue
        if section.themes and section.theme_source != "children":
            for tid in section.themes:
                shares[tid] += size / len(section.themes)
        elif section.theme_source == "children" and not section.paragraphs:
            continue
        else:
            shares[OTHER] += size
    return {t: round(v) for t, v in shares.items()}


def own_theme_sections(speech: Speech, theme_id: str) -> list[Section]:
    """The sections of `speech` that speak about the theme, largest first-level unit that does.

    A section labelled by its own evidence is taken whole (with its subsections); a section labelled
    only through its children is looked into, so the excerpt is no larger than what is on-topic.
    """
    found: list[Section] = []

    def visit(section: Section) -> None:
        if theme_id in section.themes and section.theme_source in ("heading", "body", "manual"):
            found.append(section)
            return
        for child in section.children:
            visit(child)

    for section in speech.sections:
        if section.kind == "body":
            visit(section)
    return found


def theme_excerpts(speeches: list[Speech], theme_ids: list[str]) -> dict[str, list[tuple[str, str]]]:
    return {tid: [(s.id, x.id) for s in speeches for x in own_theme_sections(s, tid)] for tid in theme_ids}


def theme_shares_by_year(speeches: list[Speech]) -> dict[int, dict[str, int]]:
    """Year → theme id → characters said about it in that year's speeches (undated ones left out)."""
    per_year: dict[int, Counter] = {}
    for speech in speeches:
        if speech.year:
            per_year.setdefault(speech.year, Counter()).update(speech.theme_shares)
    return {year: dict(sorted(per_year[year].items())) for year in sorted(per_year)}
