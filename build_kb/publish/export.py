"""The machine-readable export `site/kb.json` (schema documented in README.md, version 3).

Only add keys; never rename or remove one without raising SCHEMA_VERSION.
"""

from __future__ import annotations

import io
import json
from typing import TextIO

from .. import __version__
from ..model import KnowledgeBase, Link, Paragraph, ReviewItem, Section, Speech, Term

SCHEMA_VERSION = 3
"""2: `review` items are objects (code, message, section, line) instead of English strings.
3: a term occurrence names its paragraph and the offset `at` of the match in the paragraph's text,
instead of repeating the text around it (`left`, `right`, `url`): a third of the file at 1,000 speeches."""


def kb_to_dict(kb: KnowledgeBase, with_bulk: bool = True) -> dict:
    """The whole export as one value; `with_bulk=False` leaves the speeches and the terms (the
    bulk: at 10,000 speeches 700,000 uses of 提法) as None."""
    return {
        "version": SCHEMA_VERSION,
        "generator": f"zuzhi-kb {__version__}",
        "themes": [
            {
                "id": t.id,
                "name": t.name,
                "url": t.url,
                "description": t.description,
                "subtopics": [{"id": s.id, "name": s.name} for s in t.subtopics],
            }
            for t in kb.themes
        ],
        **{key: list(items) if with_bulk else None for key, items in _bulk(kb).items()},
        "problems": [
            {"file": p.file, "line": p.line, "severity": p.severity, "message": p.message} for p in kb.problems
        ],
    }


def _bulk(kb: KnowledgeBase) -> dict:
    """The two long lists of the export, one item at a time, in the order the export gives them."""
    return {"speeches": (speech_to_dict(s, kb) for s in kb.speeches), "terms": (term_to_dict(t) for t in kb.terms)}


def term_to_dict(term: Term) -> dict:
    return {
        "id": term.id,
        "term": term.term,
        "url": term.url,
        "aliases": list(term.aliases),
        "explanation": term.explanation,
        "theme": term.theme,
        "curated": term.curated,
        "source": term.source,
        "occurrences": [
            {"speech_id": o.speech_id, "section_id": o.section_id, "paragraph_id": o.paragraph_id, "at": o.at, "match": o.match}
            for o in term.occurrences
        ],
    }


def _links(links: list[Link], kb: KnowledgeBase) -> list[dict]:
    out = []
    for link in links:
        item = {"speech_id": link.speech_id}
        if link.section_id:
            item["section_id"] = link.section_id
            item["url"] = f"{kb.speech(link.speech_id).url}#{link.section_id}"
        else:
            item["url"] = kb.speech(link.speech_id).url
        item["score"] = link.score
        out.append(item)
    return out


def speech_to_dict(speech: Speech, kb: KnowledgeBase) -> dict:
    return {
        "id": speech.id,
        "url": speech.url,
        "title": speech.title,
        "title_derived": speech.title_derived,
        "subtitle": speech.subtitle,
        "date": speech.date,
        "year": speech.year,
        "date_source": speech.date_source,
        "speaker": speech.speaker,
        "speaker_role": speech.speaker_role,
        "occasion": speech.occasion,
        "level": speech.level,
        "overridden": sorted(speech.overridden),
        "source_file": speech.source.rel_path,
        "source_encoding": speech.source.encoding,
        "source_sha256": speech.source.sha256,
        "header": [{"line": h.line, "text": h.text, "role": h.role} for h in speech.header],
        "removed": [{"line": r.line, "text": r.text, "rule": r.rule} for r in speech.clean.removed],
        "normalised": dict(speech.clean.normalised),
        "splits": [{"line": x.line, "pieces": x.pieces} for x in speech.clean.splits],
        "joins": [{"first": j.first, "last": j.last} for j in speech.clean.joins],
        "detected_by": dict(sorted(speech.detected_by.items())),
        "review": [review_to_dict(r) for r in speech.review],
        "related_speeches": _links(kb.related_speeches.get(speech.id, []), kb),
        "sections": [section_to_dict(speech, s, kb) for s in speech.sections],
    }


def review_to_dict(item: ReviewItem) -> dict:
    return {"code": item.code, "message": item.message, "section": item.section or None, "line": item.line}


def section_to_dict(speech: Speech, section: Section, kb: KnowledgeBase) -> dict:
    return {
        "id": section.id,
        "kind": section.kind,
        "level": section.level,
        "heading": section.heading,
        "label": section.label,
        "style": section.style,
        "line": section.line,
        "url": f"{speech.url}#{section.id}",
        "themes": list(section.themes),
        "theme_source": section.theme_source,
        "theme_scores": dict(section.theme_scores),
        "theme_evidence": {k: list(v) for k, v in section.theme_evidence.items()},
        "subtopics": dict(section.subtopics),
        "related": _links(kb.related_sections.get((speech.id, section.id), []), kb),
        "paragraphs": [paragraph_to_dict(speech, p) for p in section.paragraphs],
        "sections": [section_to_dict(speech, c, kb) for c in section.children],
    }


def paragraph_to_dict(speech: Speech, p: Paragraph) -> dict:
    return {
        "id": p.id,
        "number": p.number,
        "line": p.line,
        "kind": p.kind,
        "text": p.text,
        "url": f"{speech.url}#{p.id}",
        "themes": list(p.themes),
    }


def dump(kb: KnowledgeBase, out: TextIO) -> None:
    """Deterministic JSON text: same knowledge base, same bytes. Written a speech and a term at a
    time: the whole export as one value, and then as one string, would hold the corpus twice more."""
    bulk = _bulk(kb)
    out.write("{")
    for i, (key, value) in enumerate(kb_to_dict(kb, with_bulk=False).items()):
        out.write(("," if i else "") + _json(key) + ":")
        if key not in bulk:
            out.write(_json(value))
            continue
        out.write("[")
        for n, item in enumerate(bulk[key]):
            out.write(("," if n else "") + _json(item))
        out.write("]")
    out.write("}\n")


def dumps(kb: KnowledgeBase) -> str:
    text = io.StringIO()
    dump(kb, text)
    return text.getvalue()


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
