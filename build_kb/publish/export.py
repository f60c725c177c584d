"""The machine-readable export: `site/kb.json` and the files it names under `site/kb/` (schema
documented in build_kb/publish/KB_JSON_FORMAT.md, version 5).

Only add keys; never rename or remove one without raising SCHEMA_VERSION.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from .. import __version__
from ..model import KnowledgeBase, Link, Paragraph, ReviewItem, Section, Speech, Term
from .files import LiveFiles, write_or_link

SCHEMA_VERSION = 5
"""2: `review` items are objects (code, message, section, line) instead of English strings.
3: a term occurrence names its paragraph and the offset `at` of the match in the paragraph's text,
instead of repeating the text around it (`left`, `right`, `url`): a third of the file at 1,000 speeches.
4: kb.json is the index; each speech's sections and each term's occurrences are a file of their own
(`kb/speeches/<id>.json`, `kb/terms/<id>.json`, named by the entry's `file`): a one-speech rebuild
rewrites only the files it changed, and nobody has to read 450 MB at once (10,000 speeches).
5: those files are gzip'd (`.json.gz`, same JSON inside): the export was a quarter of the site at
1,000 speeches, 45 MB, and is 14 MB now."""
log = logging.getLogger(__name__)
EXPORT_DIR = "kb"
LIVE_RECORD = "export-files.json"
"""In the build cache: which key each live export file was written from (LiveFiles)."""
GZIP_LEVEL = 6
"""Level 6 makes files 7 % smaller than level 3 (a megabyte at 1,000 speeches, for the site to stay
within 4x its text) in twice the time: 7 s more in a 10,000-speech build, which stays linear in N.
A rebuild compresses only the files that changed (about 240 of 1,001 speech files for one speech
added to 1,000)."""


def speech_file(speech_id: str) -> str:
    return f"{EXPORT_DIR}/speeches/{speech_id}.json.gz"


def term_file(term_id: str) -> str:
    return f"{EXPORT_DIR}/terms/{term_id}.json.gz"


def kb_to_dict(kb: KnowledgeBase, with_entries: bool = True) -> dict:
    """kb.json: everything but the speeches' sections and the terms' occurrences, which are in the
    files each entry names. `with_entries=False` leaves the speeches and terms out (None)."""
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
        **{key: list(items) if with_entries else None for key, items in _entries(kb).items()},
        "problems": [
            {"file": p.file, "line": p.line, "severity": p.severity, "message": p.message} for p in kb.problems
        ],
    }


def _entries(kb: KnowledgeBase) -> dict:
    """The index's two long lists, one entry at a time."""
    return {"speeches": (speech_to_dict(s, kb) for s in kb.speeches), "terms": (term_to_dict(t) for t in kb.terms)}


def _index_json(kb: KnowledgeBase) -> str:
    """The JSON of kb_to_dict(kb), made an entry at a time (10,000 speeches' entries as Python
    values would be ten times their text)."""
    entries = _entries(kb)
    parts = []
    for key, value in kb_to_dict(kb, with_entries=False).items():
        if key in entries:
            parts.append(_json(key) + ":[" + ",".join(_json(entry) for entry in entries[key]) + "]")
        else:
            parts.append(_json(key) + ":" + _json(value))
    return "{" + ",".join(parts) + "}"


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
        "speech_count": len(term.speech_ids()),
        "occurrence_count": len(term.occurrences),
        "file": term_file(term.id),
    }


def term_occurrences(term: Term) -> dict:
    """kb/terms/<id>.json.gz."""
    return {
        "version": SCHEMA_VERSION,
        "id": term.id,
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
        "month": speech.month,
        "date_source": speech.date_source,
        "speaker": speech.speaker,
        "speaker_role": speech.speaker_role,
        "occasion": speech.occasion,
        "level": speech.level,
        "issuer": speech.issuer,
        "doc_number": speech.doc_number,
        "addressees": list(speech.addressees),
        "attachments": list(speech.attachments),
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
        "file": speech_file(speech.id),
    }


def speech_sections(speech: Speech, kb: KnowledgeBase) -> dict:
    """kb/speeches/<id>.json.gz."""
    return {"version": SCHEMA_VERSION, "id": speech.id, "sections": [section_to_dict(speech, s, kb) for s in speech.sections]}


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


def live_files(cache_dir: Path, live_site: Path) -> LiveFiles:
    """The record of which speech key each of the live site's speech files was written from."""
    return LiveFiles(Path(cache_dir) / LIVE_RECORD, live_site, SCHEMA_VERSION)


def write(kb: KnowledgeBase, site: Path, live_site: Path | None = None, speech_keys: dict[str, str] | None = None, live: LiveFiles | None = None) -> int:
    """kb.json and the files it names, into the site folder `site`; return how many files. Same
    knowledge base, same bytes. Written a speech and a term at a time: the whole export as one
    value would hold the corpus twice more. A file the `live_site` holds byte for byte is linked
    from there.

    With `live` (live_files), a file the live site holds from the same key is linked and not
    compressed again; a speech file (with `speech_keys`, speech id → the key of its speech cache
    entry) is not even made again when its speech and related passages are unchanged (adding one
    speech to 1,000 changes about 240 files, and only those are made). The key of any other file
    is its JSON. `live` is told each file's key; save it once the new site is final."""
    site = Path(site)
    folders = set()
    count = 0
    with _WriterThread() as writer:

        def place(name: str, make, key: str | None = None) -> None:
            nonlocal count
            count += 1
            path = site / name
            if key is not None and live.link(key, name, path):
                return
            text = make() + "\n"
            if live is not None and key is None:
                key = hashlib.sha256(text.encode("utf-8")).hexdigest()
                if live.link(key, name, path):
                    return
            if path.parent not in folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                folders.add(path.parent)
            writer.write(path, name, text, Path(live_site) / name if live_site else None)
            if key is not None:
                live.note(name, key)

        place("kb.json", lambda: _index_json(kb))
        for speech in kb.speeches:  # one at a time: made as they are written
            key = _speech_file_key(speech, kb, speech_keys) if live is not None and speech_keys is not None else None
            place(speech_file(speech.id), lambda: _json(speech_sections(speech, kb)), key)
        for term in kb.terms:
            place(term_file(term.id), lambda: _json(term_occurrences(term)))
    if live is not None:
        log.info("导出：%d 个文件（%d 个没变，直接用现有网站里的）", count, live.linked)
    return count


class _WriterThread:
    """Compresses and writes the files on a second thread while this one makes the next file's
    JSON: zlib lets go of the interpreter while it works, and by the export the other core is
    mostly idle (at 10,000 speeches compression is 6 s). At most IN_FLIGHT files wait, so the
    export is never held in memory; the first error is raised when the last file is written."""

    IN_FLIGHT = 8

    def __enter__(self) -> _WriterThread:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="export")
        self._slots = threading.BoundedSemaphore(self.IN_FLIGHT)
        self._failed: list[BaseException] = []
        return self

    def write(self, path: Path, name: str, text: str, live: Path | None) -> None:
        if self._failed:
            raise self._failed[0]
        self._slots.acquire()
        self._pool.submit(_write, path, name, text, live).add_done_callback(self._done)

    def _done(self, future: Future) -> None:
        if future.exception() is not None:
            self._failed.append(future.exception())
        self._slots.release()

    def __exit__(self, *exc) -> None:
        self._pool.shutdown(wait=True)
        if self._failed and exc[0] is None:
            raise self._failed[0]


def _write(path: Path, name: str, text: str, live: Path | None) -> None:
    write_or_link(path, _encoded(name, text), live)


def _encoded(name: str, text: str) -> bytes:
    data = text.encode("utf-8")
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0) if name.endswith(".gz") else data


def _speech_file_key(speech: Speech, kb: KnowledgeBase, speech_keys: dict[str, str]) -> str | None:
    """What a speech's file is made of: the speech (its cache key stands for its file, its
    override, the rules and the code), its final id, and its sections' related passages. None
    for a speech without a cache entry."""
    cached = speech_keys.get(speech.id)
    if cached is None:
        return None
    related = [
        [section.id, [[link.speech_id, link.section_id, link.score] for link in kb.related_sections.get((speech.id, section.id), [])]]
        for section in speech.all_sections()
    ]
    return hashlib.sha256(json.dumps([SCHEMA_VERSION, cached, speech.id, related], ensure_ascii=False).encode("utf-8")).hexdigest()


def load(site: Path) -> dict:
    """The whole export as one value, as version 3 gave it in kb.json alone: each speech entry with
    its `sections` and each term entry with its `occurrences` (for tools and tests; at 10,000
    speeches this is gigabytes of Python objects: read the files one at a time instead)."""
    site = Path(site)
    index = _read(site / "kb.json")
    for speech in index["speeches"]:
        speech["sections"] = _read(site / speech["file"])["sections"]
    for term in index["terms"]:
        term["occurrences"] = _read(site / term["file"])["occurrences"]
    return index


def _read(path: Path):
    data = Path(path).read_bytes()
    return json.loads(gzip.decompress(data) if path.name.endswith(".gz") else data)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
