"""Stage 4b — enrich with 提法: recurring formulations, their occurrences, and links to them.

A formulation is found automatically when it is quoted (“两个维护”) or numbered (四个意识, 三项机制)
and occurs in at least two speeches; curated entries from corpus/glossary.yaml are always kept.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import re
import zlib
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from ..config import GlossaryEntry
from ..model import Occurrence, Speech, Term, TermLink
from ..store import read_sealed, write_atomic, write_sealed
from ..text import HAN, HAN_CHAR

log = logging.getLogger(__name__)

MIN_SPEECHES = 2
QUOTED = re.compile(r"[“「\"]([^”」\"“「]{2,16})[”」\"]")
NUMBERED = re.compile(r"(?:[一二两三四五六七八九十]{1,2}|\d{1,2})(?:个|项|大|种|条)")
PLACEHOLDER = re.compile(r"[Xx×＊*某]|^\W+$|^\d+$")
SPAN_STORE_FORMAT = 4
GENERIC_FOLLOWERS = frozenset("方面 地方 问题 时期 阶段 环节 部分 同志 单位 层次 月份 年度 小时 步骤 重点 任务 要求 意见 领域 方向 目标 关键 措施 项目 环境 作用".split())
"""三个方面, 两个地方 … are counted things, not formulations."""


@functools.lru_cache(maxsize=65536)
def normalise_term(text: str) -> str:
    """两个"维护" / 两个“维护” / 两 个 维护 → 两个维护."""
    return re.sub(r"[\s“”‘’\"'「」『』]", "", text)


def term_id(term: str) -> str:
    from pypinyin import lazy_pinyin

    parts = []
    for piece in lazy_pinyin(term):
        piece = re.sub(r"[^a-z0-9]+", "", piece.lower())
        if piece:
            parts.append(piece)
    slug = "-".join(parts)[:60].strip("-")
    return slug or "t-" + hashlib.sha1(term.encode("utf-8")).hexdigest()[:8]


def speech_candidates(speech: Speech, segment) -> dict[str, str]:
    """The formulations one speech uses: normalised form → how it was found (quoted / numbered).

    Depends on this speech only, so it is computed with the speech and kept in its cache entry.
    """
    how: dict[str, str] = {}
    for section in speech.all_sections():
        for text in [section.heading] + [p.text for p in section.paragraphs]:
            for m in QUOTED.finditer(text):
                term = normalise_term(m.group(1))
                if _acceptable(term):
                    how.setdefault(term, "quoted")
            for term in _numbered(text, segment):
                how.setdefault(term, "numbered")
    return how


def candidate_terms(speeches: list[Speech], segment) -> dict[str, str]:
    """Formulations worth indexing (used in ≥ MIN_SPEECHES speeches): form → how it was found."""
    found_in: dict[str, int] = defaultdict(int)
    how: dict[str, str] = {}
    for speech in speeches:
        if speech.term_candidates is None:
            speech.term_candidates = speech_candidates(speech, segment)
        for term, found in speech.term_candidates.items():
            found_in[term] += 1
            how.setdefault(term, found)
    return {t: how[t] for t, n in found_in.items() if n >= MIN_SPEECHES}


def _acceptable(term: str) -> bool:
    return 2 <= len(term) <= 16 and not PLACEHOLDER.search(term) and bool(HAN_CHAR.search(term))


_COUNT_WORD = re.compile(r"(?:[二两三四五六七八九十]{1,2}|\d{1,2})(?:个|项|大|种|条)")
_FOLLOWER = re.compile(f"[{HAN}]{{2,4}}")
_COUNTED_WORD = re.compile(f"[二两三四五六七八九十](?:个|项|大)[{HAN}]{{2,4}}")


def _numbered(text: str, segment) -> list[str]:
    """四个意识, 三项机制, 三大攻坚战: a count word followed by one word (as the segmenter cuts it)."""
    if not NUMBERED.search(text):
        return []
    tokens = segment(text)
    out = []
    for i, token in enumerate(tokens[:-1]):
        if _COUNT_WORD.fullmatch(token):
            follower = tokens[i + 1]
            if _FOLLOWER.fullmatch(follower) and follower not in GENERIC_FOLLOWERS:
                out.append(token + follower)
        elif _COUNTED_WORD.fullmatch(token):
            out.append(token)
    return [t for t in out if _acceptable(t)]


def find_terms(speeches: list[Speech], glossary: list[GlossaryEntry], segment, theme_ids: set[str], cache_dir: Path | None = None) -> list[Term]:
    """All indexed terms with every occurrence, most widespread first (matches kept in `cache_dir`)."""
    terms: dict[str, Term] = {}
    ids = _KnownIds(cache_dir / "ids.json" if cache_dir else None)
    for entry in glossary:
        key = normalise_term(entry.term)
        terms[key] = Term(id=entry.id or ids.of(entry.term), term=entry.term, aliases=entry.aliases, explanation=entry.explanation,
                          theme=entry.theme if entry.theme in theme_ids else None, curated=True, source="glossary")
    alias_keys = {normalise_term(a) for t in terms.values() for a in t.aliases}
    curated = list(terms)  # only glossary entries so far
    for key, how in sorted(candidate_terms(speeches, segment).items()):
        if key in terms or key in alias_keys:
            continue
        if any(key != other and key in other for other in curated):
            continue
        terms[key] = Term(id=ids.of(key), term=key, source=how)
    ids.save()
    _make_ids_unique(list(terms.values()))
    _occurrences(list(terms.values()), speeches, cache_dir)
    kept = [t for t in terms.values() if t.occurrences and (t.curated or len(t.speech_ids()) >= MIN_SPEECHES)]
    _infer_themes(kept, speeches)
    kept.sort(key=lambda t: (-len(t.speech_ids()), -len(t.occurrences), t.term))
    return kept


class _KnownIds:
    """term_id of each term, kept between builds: pypinyin takes half a second to load its
    dictionaries, which a rebuild whose terms all have ids already need not pay."""

    def __init__(self, path: Path | None):
        self.path = path
        self.known: dict[str, str] = {}
        self.used: dict[str, str] = {}
        if path is not None:
            try:
                known = json.loads(path.read_text(encoding="utf-8"))
                if isinstance(known, dict) and known.get("code") == _id_rules():
                    self.known = {k: v for k, v in known.get("ids", {}).items() if isinstance(v, str)}
            except (OSError, ValueError, AttributeError):
                pass

    def of(self, term: str) -> str:
        found = self.used[term] = self.known.get(term) or term_id(term)
        return found

    def save(self) -> None:
        if self.path is not None and self.used != self.known:
            write_atomic(self.path, json.dumps({"code": _id_rules(), "ids": self.used}, ensure_ascii=False, sort_keys=True).encode("utf-8"))


def _id_rules() -> str:
    """What the ids depend on besides the term: this code and pypinyin."""
    from importlib.metadata import version

    from ..cache import code_version

    return f"{code_version()}/pypinyin {version('pypinyin')}"


def _make_ids_unique(terms: list[Term]) -> None:
    seen: dict[str, str] = {}
    for term in sorted(terms, key=lambda t: (not t.curated, t.term)):
        if term.id in seen:
            term.id = f"{term.id}-{hashlib.sha1(term.term.encode('utf-8')).hexdigest()[:6]}"
        seen[term.id] = term.term


class TermMatcher:
    """Finds every term form in a text in one regex pass, longest form first, spans never overlap."""

    def __init__(self, terms: list[Term]):
        self.by_form: dict[str, Term] = {}
        for term in sorted(terms, key=lambda t: (-len(t.term), t.term)):
            for form in term.forms:
                self.by_form.setdefault(normalise_term(form), term)
        self.pattern = re.compile(_trie_pattern(self.by_form)) if self.by_form else None
        self.forms = sorted(self.by_form)
        self._form_index = {form: i for i, form in enumerate(self.forms)}

    def finditer(self, text: str):
        """(start, end, term) for each match in `text`."""
        if self.pattern is None:
            return
        for m in self.pattern.finditer(text):
            yield *_with_its_quotes(text, m.start(), m.end()), self.by_form[normalise_term(m.group())]

    def speech_spans(self, speech: Speech, store: "SpanStore | None" = None) -> list[list[tuple[int, int, Term]]]:
        """The spans of each paragraph of `speech` (in `all_paragraphs` order), from `store` when it
        has them for this speech's text."""
        paragraphs = speech.all_paragraphs()
        key = _text_digest(paragraphs) if store is not None else None
        flat = store.get(key, paragraphs) if store is not None else None
        if flat is None:
            flat = []
            if self.pattern is not None:
                for index, p in enumerate(paragraphs):
                    for m in self.pattern.finditer(p.text):
                        flat += (index, *_with_its_quotes(p.text, m.start(), m.end()), self._form_index[normalise_term(m.group())])
            if store is not None:
                store.put(key, flat)
        spans: list[list[tuple[int, int, Term]]] = [[] for _ in paragraphs]
        forms, by_form = self.forms, self.by_form
        for at in range(0, len(flat), 4):
            spans[flat[at]].append((flat[at + 1], flat[at + 2], by_form[forms[flat[at + 3]]]))
        return spans


def _text_digest(paragraphs) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for p in paragraphs:
        digest.update(p.text.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


class SpanStore:
    """What one TermMatcher found in each speech, kept between builds (a file per use of the matcher).

    Matching every paragraph against every form is most of the 提法 stage, and after a one-speech
    edit the forms are nearly always the same: only the changed text is matched again. The file
    holds the matcher's forms and, per speech text, its spans as flat (paragraph, start, end, form
    index) numbers, stored as one array of 32-bit integers.

    Adding or deleting a speech may add or drop a form or two. A speech in which none of those
    forms can match anywhere has the same spans as before (the others match exactly as they did), so
    only the speeches that hold one are matched again.
    """

    def __init__(self, path: Path, matcher: TermMatcher):
        self.path, self.forms = Path(path), matcher.forms
        self.known: dict[str, np.ndarray] = {}
        self.used: dict[str, np.ndarray] = {}
        self.missed = 0
        self._renumber: np.ndarray | None = None
        """Old form index → new one, when the stored spans came from other forms."""
        self._changed: re.Pattern | None = None
        """Matches any form that is in only one of the two matchers."""
        payload = read_sealed(self.path, SPAN_STORE_FORMAT)
        if payload is None:
            return
        try:
            header, _, numbers = zlib.decompress(payload).partition(b"\n")
            stored = json.loads(header)
            flat = np.frombuffer(numbers, dtype="<i4")
            ends = np.cumsum([count for _, count in stored["speeches"]])
            if len(ends) and ends[-1] != len(flat):
                raise ValueError("the numbers do not add up")
            known = {key: part for (key, _), part in zip(stored["speeches"], np.split(flat, ends[:-1]))}
            if stored["forms"] != self.forms:
                changed = set(stored["forms"]) ^ set(self.forms)
                self._changed = re.compile(_trie_pattern(changed)) if changed else None
                index = {form: i for i, form in enumerate(self.forms)}
                self._renumber = np.array([index.get(form, -1) for form in stored["forms"]] or [-1], dtype="<i4")
            self.known = known
        except (ValueError, zlib.error, TypeError, KeyError):
            log.warning("缓存文件 %s 读不出，不用它（会重新生成）", self.path)

    def get(self, key: str, paragraphs) -> list[int] | None:
        flat = self.known.get(key)
        if flat is None:
            return None
        if self._renumber is not None:
            if self._changed is not None and any(self._changed.search(p.text) for p in paragraphs):
                return None
            spans = flat.reshape(-1, 4).copy()
            spans[:, 3] = self._renumber[spans[:, 3]]
            flat = spans.ravel()
        self.used[key] = flat
        return flat.tolist()

    def put(self, key: str, flat: list[int]) -> None:
        self.missed += 1
        self.used[key] = np.asarray(flat, dtype="<i4")  # as a list, 36 bytes a number until saved; 4 this way

    def save(self) -> None:
        """Written when anything was matched anew, renumbered or left; keeps only this build's texts."""
        if not self.missed and self._renumber is None and len(self.used) == len(self.known):
            return
        keys = sorted(self.used)
        header = json.dumps({"forms": self.forms, "speeches": [[key, len(self.used[key])] for key in keys]}, ensure_ascii=False, separators=(",", ":"))
        numbers = np.concatenate([np.asarray(self.used[key], dtype="<i4") for key in keys]) if keys else np.zeros(0, "<i4")
        write_sealed(self.path, zlib.compress(header.encode("utf-8") + b"\n" + numbers.tobytes(), 1), SPAN_STORE_FORMAT)


_QUOTE_BETWEEN = "[“”\"]?"
"""A form still matches with quotation marks between its characters (“两个维护”, 两个“维护”)."""


def _with_its_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """A match that holds one mark of a pair of quotation marks takes in the other, just outside it,
    so that a link never covers half a quotation: “二十字”好干部标准, not “<a>二十字”好干部标准</a>."""
    inner = text[start:end]
    if inner.count("”") > inner.count("“") and start > 0 and text[start - 1] == "“":
        start -= 1
    if inner.count("“") > inner.count("”") and end < len(text) and text[end] == "”":
        end += 1
    return start, end


def _trie_pattern(forms) -> str:
    """One regex for all forms, factored by common prefix: at any place the longest form wins (an
    optional longer continuation is tried first), as in a longest-first alternation, at half the cost."""
    root: dict = {}
    for form in forms:
        node = root
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branches(node: dict, first: bool) -> str:
        options = [("" if first else _QUOTE_BETWEEN) + re.escape(ch) + branches(child, False) for ch, child in sorted(node.items()) if ch]
        if not options:
            return ""
        body = "|".join(options)
        if "" in node:
            return f"(?:{body})?"
        return body if len(options) == 1 else f"(?:{body})"

    return branches(root, True)


def _spans_of_each_speech(terms: list[Term], speeches: list[Speech], store_file: Path | None):
    """(speech, an iterator over its paragraphs' spans in all_sections order) for each speech, the
    spans kept in `store_file` for the next build once all are done."""
    matcher = TermMatcher(terms)
    store = SpanStore(store_file, matcher) if store_file else None
    for speech in speeches:
        yield speech, iter(matcher.speech_spans(speech, store))
    if store is not None:
        store.save()


def _occurrences(terms: list[Term], speeches: list[Speech], cache_dir: Path | None = None) -> None:
    for term in terms:
        term.occurrences = []
    forms: dict[str, str] = {}  # one string for each form matched, shared by its occurrences
    for speech, spans in _spans_of_each_speech(terms, speeches, cache_dir / "occurrences.z" if cache_dir else None):
        for section in speech.all_sections():
            for p in section.paragraphs:
                text = p.text
                for start, end, term in next(spans):
                    match = text[start:end]
                    term.occurrences.append(Occurrence(speech.id, section.id, p.id, forms.setdefault(match, match), start))


def _infer_themes(terms: list[Term], speeches: list[Speech]) -> None:
    """A term without a curated theme belongs to the theme most of its paragraphs are about."""
    paragraph_themes = {(s.id, p.id): p.themes for s in speeches for p in s.all_paragraphs()}
    for term in terms:
        if term.theme:
            continue
        votes = Counter(t for o in term.occurrences for t in paragraph_themes.get((o.speech_id, o.paragraph_id), [])[:1])
        if votes:
            best, n = votes.most_common(1)[0]
            if n * 2 >= len(term.occurrences):
                term.theme = best


def find_heading_uses(speeches: list[Speech], terms: list[Term]) -> None:
    """Each term's titles and headings: every one that holds one of its forms, as the search finds
    them (a heading is a passage too). Looked up by each form's first two characters: headings are
    a few hundredths of the text, so this costs little beside the paragraphs' matching.

    第五，以提升组织力为重点 → a use of 组织力 (in section s5)."""
    by_start: dict[str, list[tuple[str, Term]]] = defaultdict(list)
    for term in terms:
        term.heading_uses = []
        for form in dict.fromkeys(term.forms):
            if len(form) >= 2:
                by_start[form[:2]].append((form, term))
    for speech in speeches:
        headings = [("", speech.title)] + [(s.id, s.heading) for s in speech.all_sections() if s.heading]
        for section_id, heading in headings:
            found: set[str] = set()
            for i in range(len(heading) - 1):
                for form, term in by_start.get(heading[i : i + 2], ()):
                    if term.id not in found and heading.startswith(form, i):
                        found.add(term.id)
                        term.heading_uses.append((speech.id, section_id))


def link_terms(speeches: list[Speech], terms: list[Term], cache_dir: Path | None = None) -> None:
    """Set each paragraph's term links: the first occurrence of each term in each section.

    Every occurrence of a longer term covers its text first (linked or not), so 意识 is never linked
    inside 四个意识; spans never overlap; headings are never linked.
    """
    for speech, spans in _spans_of_each_speech(terms, speeches, cache_dir / "links.z" if cache_dir else None):
        for section in speech.all_sections():
            linked: set[str] = set()
            for p in section.paragraphs:
                p.term_links = []
                for start, end, term in next(spans):
                    if term.id not in linked:
                        linked.add(term.id)
                        p.term_links.append(TermLink(start, end, term.id))
