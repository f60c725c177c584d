"""The data model of the knowledge base: what each pipeline stage hands to the next.

Stages only add to these objects in one direction: read → clean → parse → enrich → render → publish.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields
from pathlib import Path

from .errors import safe_name

KWIC_CONTEXT = 24
"""Characters of a paragraph shown on each side of a 提法 where its uses are listed."""


LEVEL_NAMES = {"中央": "中央", "省": "省级", "市": "市级", "州": "州级", "区": "区级", "县": "县级", "旗": "旗级", "乡": "乡级",
               "镇": "镇级", "街道": "街道", "校": "学校", "企业": "企业"}
"""Every value `level` takes, and how the site says it (facets, the 按会议 page): the government's levels, the central
level (中央), and the two kinds of unit that hold meetings of their own outside it — a school (校) and a company (企业)."""


@dataclass(frozen=True)
class Problem:
    """A warning or error about one input, precise enough for the user to fix it."""

    file: str
    """Path of the offending file, relative to the corpus (or the config file)."""
    message: str
    """What is wrong and what to do about it, in one sentence."""
    line: int | None = None
    """1-based line in `file`, when the problem has one."""
    severity: str = "warning"
    """`warning` (build goes on) or `error` (the file is skipped)."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return safe_name(f"{where}：{self.message}")


def _only(kind, value):
    """A `kind` made of the fields `value` has as one (a subclass of `kind` with more fields)."""
    return kind(**{f.name: getattr(value, f.name) for f in fields(kind)})


@dataclass(frozen=True)
class Source:
    """Where a speech came from. Its bytes and text stay with the reading stage (SourceFile): a speech
    holds its paragraphs, and the corpus need not be held three more times (a sixth of the memory)."""

    path: Path
    rel_path: str
    """Path relative to the corpus directory, with forward slashes: the key used in overrides."""
    encoding: str
    sha256: str

    @classmethod
    def of(cls, source: Source) -> Source:
        """Just the Source of a SourceFile, without its bytes and text."""
        return _only(cls, source)


@dataclass(frozen=True)
class SourceFile(Source):
    """One speech file as read from disk, decoded."""

    raw: bytes
    text: str


@dataclass(frozen=True)
class Line:
    """One line of a speech after cleaning, with its number in the source file."""

    number: int
    text: str


@dataclass(frozen=True)
class RemovedLine:
    """A source line the cleaner dropped, and the boilerplate rule that dropped it."""

    line: int
    text: str
    rule: str


@dataclass(frozen=True)
class DoubtfulLine:
    """A source line the cleaner could not call chrome or speech (its evidence score lies between the two):
    kept, and sent to a person with the one-line fix (drop_lines / keep_lines)."""

    line: int
    text: str
    reasons: str
    """The chrome evidence found, strongest first: "interface-words, field-label"."""


@dataclass(frozen=True)
class Split:
    """A source line that held several paragraphs run together (a page copied as one line)."""

    line: int
    pieces: int


@dataclass(frozen=True)
class Join:
    """Source lines `first`..`last` were one hard-wrapped paragraph (text extracted from a PDF)."""

    first: int
    last: int


@dataclass
class CleanReport:
    """What cleaning did to a speech (removed, normalised, split, joined), kept with it; its lines
    were parsed into sections and are not kept."""

    removed: list[RemovedLine]
    normalised: dict[str, int] = field(default_factory=dict)
    """How many characters each normalisation changed, e.g. {"halfwidth-punctuation": 3}."""
    splits: list[Split] = field(default_factory=list)
    joins: list[Join] = field(default_factory=list)
    doubtful: list[DoubtfulLine] = field(default_factory=list)
    """Lines kept though some evidence says chrome (see ingest/evidence.py)."""


@dataclass
class CleanText(CleanReport):
    """A speech's lines after boilerplate removal, layout repair and safe normalisation, and what
    cleaning did to them."""

    lines: list[Line] = field(default_factory=list, kw_only=True)
    """Kept lines, blank lines included (they separate paragraphs). A line split into pieces keeps
    its number on every piece; re-joined lines carry the number of their first line."""

    bold_lines: list[int] = field(default_factory=list, kw_only=True)
    """Source lines a page written in Markdown set wholly in bold (`**政策东风：…**`), their stars taken off:
    the parser's evidence for a heading line (ingest/parse.py `_mark_bold_lines`)."""

    markdown_headings: dict[int, int] = field(default_factory=dict, kw_only=True)
    """Source lines a Markdown page marked as headings → the number of their `#` (`## 一、…` → 2): the page's own
    outline, read by the parser as given heading levels (ingest/parse.py `markdown_heading_levels`)."""
    kept_doubtful: list[int] = field(default_factory=list, kw_only=True)
    """Lines the evidence doubts that the curator keeps (keep_lines): off 待核对, and read as they were while
    doubted — no speaker or date from them, no title unless it reads like one — since the fix promised to keep
    the reading 待核对 named (照现在的读法保留)."""

    unsure_marks: list[tuple[int, str]] = field(default_factory=list, kw_only=True)
    """Spelled-out runs printed only once (source line, run: `政.治.关`), kept as text: a site's mark or the speech's
    own, a person says (待核对 `inline-mark`; ingest/marks.py)."""

    def report(self) -> CleanReport:
        return _only(CleanReport, self)


@dataclass
class HeaderLine:
    """A line above the speech body that was read as metadata (title, date, speaker …)."""

    line: int
    text: str
    role: str
    """One of: title, subtitle, date, speaker, note (a sentence above the title), repeat (a title line given twice);
    in an official document also its parts (ingest/gongwen.py READERS): copy-number, secrecy, urgency,
    issuer, doc-number, signer, addressees, attachments, signature, record (版记; a Taiwanese 函's 正本/副本),
    filing (a Taiwanese 函's letterhead fields: 檔號, 保存年限, 承辦人, 電話 …), attachment-mark (`附件1` on top of
    an attachment that comes as a file of its own)."""


DOCUMENT_ROLES = {
    "copy-number": "份号", "secrecy": "密级", "urgency": "紧急程度", "issuer": "发文机关标志", "masthead": "标准名称标志",
    "doc-number": "发文字号", "signer": "签发人", "title": "标题", "addressees": "主送机关", "attachments": "附件说明",
    "signature": "发文机关署名", "date": "成文日期", "note": "附注", "record": "版记", "filing": "登记项",
    "attachment-mark": "附件标识",
}
"""The roles of an official document's lines (ingest/gongwen.py), in the curator's words."""

HEADER_ROLES = {
    "title": "标题", "subtitle": "副标题", "date": "日期", "speaker": "讲话人",
    "note": "标题上方的说明（页面上不显示）", "repeat": "重复的标题（页面上不显示）",
}
"""The roles of a speech's header lines (HeaderLine.role) in the curator's words; an official document's
parts are named as DOCUMENT_ROLES names them."""


REVIEW_CODES = {
    "suspicious-title": "title",
    "title-from-note": "title",
    "title-derived": "title",
    "title-choice": "title",
    "no-speaker-name": "speaker",
    "speaker-guessed": "speaker",
    "no-date": "date",
    "date-guessed": "date",
    "no-occasion": "occasion",
    "damaged-title": "title",
    "damaged-subtitle": "subtitle",
    "damaged-speaker": "speaker",
    "damaged-role": "speaker_role",
    "damaged-occasion": "occasion",
    "split": "reviewed",
    "joined": "reviewed",
    "low-theme": "section_themes",
    "long-section": "reviewed",
    "heading-like": "reviewed",
    "misnumbered-heading": "reviewed",
    "unnumbered-headings": "reviewed",
    "glued-headings": "reviewed",
    "inline-mark": "reviewed",
    "collection": "reviewed",
    "doubtful-line": "drop_lines",
    "no-issuer": "issuer",
    "reading-changed": "reviewed",
}
"""Every kind of review item → the key of speeches.yaml that settles it (`reviewed` when only a
person's look can: the text was re-flowed, a section is long)."""

REVIEWED_ONE_BY_ONE = frozenset({"heading-like", "split", "inline-mark", "misnumbered-heading", "glued-headings", "long-section"})
"""Codes whose items each stand at a line of their own, several to a speech: 看过 settles the one looked at
(`reviewed: [heading-like@12]`), not the ones below it nobody has seen; `reviewed: [heading-like]` settles them all."""


def reviewed_mark(code: str, line: int | None) -> str:
    """What `reviewed:` lists for an item looked at: `heading-like@12`, or the code alone (`no-date`).

    >>> reviewed_mark("heading-like", 12), reviewed_mark("heading-like", None), reviewed_mark("no-date", 3)
    ('heading-like@12', 'heading-like', 'no-date')
    """
    return f"{code}@{line}" if code in REVIEWED_ONE_BY_ONE and line else code


@dataclass(frozen=True)
class ReviewItem:
    """One thing in a speech the build is unsure of, for a person to look at and settle."""

    code: str
    """One of REVIEW_CODES."""
    message: str
    """What to check, in Chinese, for the curator."""
    section: str = ""
    """The section it concerns (its id), when it concerns one."""
    line: int | None = None
    """The source line it concerns, when one."""
    proposed: tuple[str, str] | None = None
    """(speeches.yaml key, value) a way out of it writes, when the build has one to offer: the reading a newer reader
    gives (reading-changed). Not in kb.json: the fixes say it."""

    @property
    def settled_by(self) -> str:
        return REVIEW_CODES[self.code]


@dataclass(frozen=True, slots=True)
class TermLink:
    """A span of a paragraph that links to a term's page (the term's first use in its section)."""

    start: int
    end: int
    term_id: str


@dataclass(slots=True)
class Paragraph:
    id: str
    """Anchor on the speech page, e.g. `p12`: the 12th paragraph of the speech."""
    number: int
    text: str
    line: int
    """Line in the source file."""
    kind: str = "text"
    """`text`, or `salutation` for 同志们：."""
    themes: list[str] = field(default_factory=list)
    term_links: list[TermLink] = field(default_factory=list)
    """Set by enrichment once the corpus' terms are known (never cached: they depend on every speech)."""


@dataclass(slots=True)
class Section:
    id: str
    """Anchor on the speech page: `s2-1` is the first subsection of the second section."""
    level: int
    """1 to 3; opening and closing remarks are level 1."""
    heading: str
    """The heading exactly as in the source, numbering included (empty for the opening)."""
    line: int
    kind: str = "body"
    """`opening`, `body` or `closing`."""
    label: str = ""
    """The numbering of the heading (`一、`, `（二）`, `1.`, `一是`), empty when unnumbered."""
    style: str = ""
    """Which heading style was recognised, e.g. `cn-dun`, `cn-paren`, `arabic`, `run-in`."""
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    theme_scores: dict[str, float] = field(default_factory=dict)
    theme_evidence: dict[str, list[str]] = field(default_factory=dict)
    theme_source: str = ""
    """What decided `themes`: heading, body, children, parent, context (the speech's title, over a section
    whose own words barely speak), speech (the whole text, over a top-level part whose words name no theme and
    no title to go by), manual, or none."""
    subtopics: dict[str, str] = field(default_factory=dict)
    """Theme id → sub-topic id, for the themes this section speaks about by its own evidence."""
    words: bytes | None = field(default=None, repr=False)
    """Word counts of this section and its subsections (for relatedness), packed by
    enrich.related.pack_words; kept with cached speeches."""

    @property
    def title(self) -> str:
        """The heading without its numbering, for citations and tables of contents."""
        return self.heading[len(self.label):].strip() if self.label else self.heading

    def walk(self):
        """This section and all its descendants, in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()


def kept_texts(sections: list[Section], header: list[HeaderLine], joins: list[Join] = (), removed: list[RemovedLine] = ()) -> Counter[int]:
    """Source line → how many texts the speech keeps from it: paragraphs, headings and header lines begin on their
    line, and a kept paragraph joined from several lines keeps each of them but the removed ones a join reached over
    (a site's advert between two halves of a sentence). What 待核对 and kb check say a line became (split into
    paragraphs, joined, removed whole) is said of this, never of a step a later one undid.

    >>> kept = kept_texts([Section("s1", 1, "一、总体要求", 3, paragraphs=[Paragraph("p1", 1, "甲乙", 4)])], [], [Join(4, 5), Join(8, 9)])
    >>> sorted(kept.items())
    [(3, 1), (4, 1), (5, 1)]
    """
    kept: Counter[int] = Counter()
    for top in sections:
        for section in top.walk():
            if section.heading:
                kept[section.line] += 1
            kept.update(p.line for p in section.paragraphs)
    kept.update(h.line for h in header)
    gone = {r.line for r in removed}
    for join in joins:
        if kept[join.first]:
            kept.update(n for n in range(join.first + 1, join.last + 1) if n not in gone)
    return kept


def split_cuts(splits: list[Split], kept: Counter[int]) -> dict[int, int]:
    """Source line → the cuts between its pieces that the speech keeps as texts of their own (a line split in three
    whose middle piece was removed shows one cut); lines with none are left out. A line split by two passes is one
    line: the second pass parted one of the first one's pieces further.

    >>> split_cuts([Split(3, 2), Split(7, 3), Split(9, 2)], Counter({3: 2, 7: 2, 9: 1}))
    {3: 1, 7: 1}
    """
    pieces: Counter[int] = Counter()
    for split in splits:
        pieces[split.line] += split.pieces - 1 + (split.line not in pieces)
    return {line: min(n, kept[line]) - 1 for line, n in sorted(pieces.items()) if min(n, kept[line]) >= 2}


def removal_counts(removed: list[RemovedLine], joins: list[Join], kept: Counter[int]) -> tuple[int, int]:
    """(source lines removed whole, pieces taken out of lines that are kept): what `删除 N 行` may count.
    A line whose every text went is one line however many entries name it; a joined paragraph removed whole
    is each of its lines.

    >>> removal_counts([RemovedLine(2, "责任编辑：某某", "editor"), RemovedLine(5, "（记者 某某）", "byline")], [], Counter({5: 1}))
    (1, 1)
    """
    spans = {join.first: join.last for join in joins}
    whole = {n for r in removed if not kept[r.line] for n in range(r.line, spans.get(r.line, r.line) + 1) if not kept[n]}
    return len(whole), sum(1 for r in removed if kept[r.line])


def speech_url(speech_id: str) -> str:
    """A speech's page, relative to the site root."""
    return f"speeches/{speech_id}/"


@dataclass
class Speech:
    id: str
    source: Source
    clean: CleanReport
    header: list[HeaderLine]
    title: str
    title_derived: bool
    """True when the text had no title and one was made from its content."""
    subtitle: str | None
    date: str | None
    """ISO date YYYY-MM-DD, or None when the text gives no full date."""
    year: int | None
    date_source: str | None
    """Where the date or year came from: header, title, headings, override."""
    speaker: str | None
    speaker_role: str | None
    occasion: str | None
    level: str | None
    """Administrative level of the occasion when stated: 省, 市, 县, 区, 乡, 镇."""
    sections: list[Section]
    overridden: list[str] = field(default_factory=list)
    """Names of the fields set by corpus/speeches.yaml."""
    manual_themes: dict[str, list[str]] = field(default_factory=dict)
    """Section id → theme ids fixed by hand in corpus/speeches.yaml."""
    detected_by: dict[str, str] = field(default_factory=dict)
    """Field (title, date, speaker, speaker_role, occasion, level) → the rule that found it."""
    review: list[ReviewItem] = field(default_factory=list)
    """What a person should check and settle in speeches.yaml (shown by `kb check` and on 待核对)."""
    theme_shares: dict[str, int] = field(default_factory=dict)
    """Characters of the speech's text per theme id (other: 其他/综合), set by classification."""
    month: int | None = None
    """The month when the text dates itself to a year and month only (（2023年2月） under the title); None when
    `date` is known or no month is given."""
    issuer: str | None = None
    """An official document's (公文) issuing organ(s), from its 版头 or its 发文机关署名; joint ones joined by 、."""
    doc_number: str | None = None
    """An official document's 发文字号, e.g. 某组发〔2023〕5号."""
    addressees: list[str] = field(default_factory=list)
    """An official document's 主送机关, each one (各市县（区）委组织部)."""
    attachments: list[str] = field(default_factory=list)
    """The names in an official document's 附件说明."""
    term_candidates: dict[str, str] | None = field(default=None, repr=False)
    """Formulations this speech uses (form → quoted/numbered), kept with cached speeches."""

    @property
    def url(self) -> str:
        return speech_url(self.id)

    @property
    def sort_date(self) -> str | None:
        """The date to sort by: the ISO date, or YYYY-MM when the text dates itself to the month only."""
        return self.date or (f"{self.year:04d}-{self.month:02d}" if self.year and self.month else None)

    def all_sections(self) -> list[Section]:
        return [s for top in self.sections for s in top.walk()]

    def all_paragraphs(self) -> list[Paragraph]:
        return [p for s in self.all_sections() for p in s.paragraphs]

    def kept_texts(self) -> Counter[int]:
        return kept_texts(self.sections, self.header, self.clean.joins, self.clean.removed)

    def removal_counts(self) -> tuple[int, int]:
        """(lines removed whole, pieces taken out of kept lines): see removal_counts."""
        return removal_counts(self.clean.removed, self.clean.joins, self.kept_texts())


@dataclass(frozen=True)
class Subtopic:
    id: str
    name: str
    keywords: tuple[str, ...] = ()


@dataclass
class Theme:
    id: str
    name: str
    description: str = ""
    subtopics: tuple[Subtopic, ...] = ()

    @property
    def url(self) -> str:
        return f"themes/{self.id}/"


@dataclass(slots=True)
class Occurrence:
    """One place a term is used: the paragraph, and where in its text the match starts.

    The words around it are cut from the paragraph where a page shows them (KnowledgeBase.context):
    at 10,000 speeches, keeping them for every use would hold about 150 MB that pages mostly skip."""

    speech_id: str
    section_id: str
    paragraph_id: str
    match: str
    at: int = 0
    """Where the match starts in the paragraph's text (characters)."""


@dataclass
class Term:
    """A recurring formulation (提法) such as 两个维护, with every place it occurs."""

    id: str
    term: str
    aliases: tuple[str, ...] = ()
    explanation: str = ""
    theme: str | None = None
    curated: bool = False
    """True when it comes from corpus/glossary.yaml."""
    source: str = ""
    """glossary, quoted or numbered: how the term was found."""
    occurrences: list[Occurrence] = field(default_factory=list)
    uses_by_year: dict[int, int] = field(default_factory=dict)
    """Year → number of uses in speeches of that year (undated speeches left out), set by enrichment."""
    heading_uses: list[tuple[str, str]] = field(default_factory=list)
    """(speech id, section id; "" for the title) of every title and heading holding one of its forms:
    passages the search counts too, though no paragraph links them (enrich.terms.find_heading_uses)."""

    @property
    def url(self) -> str:
        return f"terms/{self.id}/"

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)

    def speech_ids(self) -> set[str]:
        return {o.speech_id for o in self.occurrences}

    def passages(self) -> set[tuple[str, str]]:
        """The paragraphs, headings and titles that use the term, (speech id, paragraph or section
        id): what every page counts as its 处, as the search counts a passage once however often
        it holds the words."""
        return {(o.speech_id, o.paragraph_id) for o in self.occurrences} | {(sid, "#" + section) for sid, section in self.heading_uses}


@dataclass(frozen=True, slots=True)
class Link:
    """A pointer to a related speech (section_id None) or passage, with its cosine similarity."""

    speech_id: str
    section_id: str | None
    score: float


@dataclass(frozen=True)
class YamlEntry:
    """A speech's entry in speeches.yaml as written: where it stands, so that a 待核对 item's one-line fix
    can say where to write it (under the entry, or in place of a key already there)."""

    line: int
    """The line of the entry's `"file.txt":`."""
    key_lines: dict[str, int] = field(default_factory=dict)
    """Each key written under it → its line."""
    values: dict = field(default_factory=dict)
    """The checked values (a list key's fix is the list with the new number or code added)."""


@dataclass
class KnowledgeBase:
    speeches: list[Speech]
    """Sorted by date (undated last), then title."""
    themes: list[Theme]
    problems: list[Problem] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    related_sections: dict[tuple[str, str], list[Link]] = field(default_factory=dict)
    """(speech id, section id) → the most similar passages in other speeches."""
    related_speeches: dict[str, list[Link]] = field(default_factory=dict)
    theme_shares_by_year: dict[int, dict[str, int]] = field(default_factory=dict)
    """Year → theme id → characters said about it that year (the home page's chart)."""
    theme_excerpts: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Theme id → (speech id, section id) of every section that speaks about it by its own evidence,
    in speech order: what a theme page (and a theme handout) quotes."""
    entries: dict[str, YamlEntry] = field(default_factory=dict)
    """Speech file (relative to the corpus) → its entry in speeches.yaml, for the fixes 待核对 and kb check print."""
    entries_file: str = "corpus/speeches.yaml"
    """speeches.yaml as the curator names it (the corpus folder's name and the file)."""

    def speech(self, speech_id: str) -> Speech:
        return self._by_id()[speech_id]

    def section(self, speech_id: str, section_id: str) -> Section:
        return self._sections()[(speech_id, section_id)]

    def context(self, occurrence: Occurrence, width: int = KWIC_CONTEXT) -> tuple[str, str]:
        """Up to `width` characters of the paragraph before and after the occurrence's match."""
        section = self.section(occurrence.speech_id, occurrence.section_id)
        text = next(p.text for p in section.paragraphs if p.id == occurrence.paragraph_id)
        start, end = occurrence.at, occurrence.at + len(occurrence.match)
        return text[max(0, start - width) : start], text[end : end + width]

    def _by_id(self) -> dict[str, Speech]:
        cache = self.__dict__.get("_speech_index")
        if cache is None or len(cache) != len(self.speeches):
            cache = self.__dict__["_speech_index"] = {s.id: s for s in self.speeches}
        return cache

    def _sections(self) -> dict[tuple[str, str], Section]:
        cache = self.__dict__.get("_section_index")
        if cache is None:
            cache = self.__dict__["_section_index"] = {(s.id, x.id): x for s in self.speeches for x in s.all_sections()}
        return cache

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]
