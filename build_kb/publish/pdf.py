"""The print stage: typeset study handouts (render/handout.py) into PDFs with Typst.

Typst (PyPI `typst`) runs offline in-process, justifies Chinese with punctuation compression and
line-breaking rules, embeds subset fonts and writes the same bytes for the same input; see
bench/RESULTS.md (“为什么用 Typst”) for the measurements behind the choice. The layout is build_kb/render/handout.typ; the
content reaches it as JSON, so no speech text is ever read as Typst markup.

Fonts are looked up by family in the preference lists of corpus/print.yaml; every character a
handout prints is checked against the chosen body face, and what it lacks is reported by name.
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import re
import shutil
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path

import numpy as np

from ..config import FONT_ROLE_NAMES, FONT_ROLES, PrintConfig
from ..errors import KbError
from ..render.handout import Handout, unbroken_names
from ..store import write_atomic

log = logging.getLogger(__name__)

TEMPLATE = Path(__file__).resolve().parent.parent / "render" / "handout.typ"
PARALLEL_FROM = 12
"""Below this many handouts to typeset, worker processes cost more than they save."""
BATCH = 48
"""Handouts made and typeset at a time."""


@dataclass(frozen=True)
class ChosenFonts:
    families: dict[str, tuple[str, ...]]
    """Role → the installed families of its preference list, best first (Typst falls back along it)."""
    body_file: tuple[str, int]
    """(path, index in a collection) of the body face, for the coverage check."""
    fallback_files: tuple[tuple[str, int], ...]

    def fingerprint(self) -> str:
        return json.dumps([self.families, self.body_file, self.fallback_files], ensure_ascii=False, sort_keys=True)


def choose_fonts(config: PrintConfig, corpus_dir: Path) -> ChosenFonts:
    """The installed families for every role; KbError naming the role when none of its faces is installed."""
    typst = _load_typst()
    paths = [str((corpus_dir / p).resolve()) for p in config.font_paths]
    installed: dict[str, list] = {}
    for font in typst.Fonts(font_paths=paths).fonts():
        installed.setdefault(font.family, []).append(font)
    families = {}
    for role in FONT_ROLES:
        found = tuple(f for f in config.fonts[role] if f in installed)
        if not found:
            raise KbError(
                f"print.yaml：{FONT_ROLE_NAMES.get(role, role)}用的字体（{'、'.join(config.fonts[role])}）一个也没有安装；"
                "请运行 sudo make fonts 安装免费字体，或在 corpus/print.yaml 的 font_paths 里写上自有字体所在的文件夹"
            )
        families[role] = found

    def regular(family: str) -> tuple[str, int]:
        faces = sorted(installed[family], key=lambda f: (f.style != "normal", abs(f.weight - 400)))
        return faces[0].path, faces[0].index

    body = families["body"]
    return ChosenFonts(families=families, body_file=regular(body[0]), fallback_files=tuple(regular(f) for f in body[1:]))


def missing_characters(text: str, fonts: ChosenFonts) -> tuple[str, str]:
    """(characters the body face lacks but a fallback has, characters no chosen face has)."""
    wanted = {c for c in text if not c.isspace() and c.isprintable()}
    covered = _cmap(*fonts.body_file)
    lacking = {c for c in wanted if ord(c) not in covered}
    if not lacking:
        return "", ""
    fallback = set()
    for file in fonts.fallback_files:
        fallback |= _cmap(*file)
    return "".join(sorted(c for c in lacking if ord(c) in fallback)), "".join(sorted(c for c in lacking if ord(c) not in fallback))


_CMAPS: dict[tuple[str, int], set[int]] = {}


def _cmap(path: str, index: int) -> set[int]:
    if (path, index) not in _CMAPS:
        from fontTools.ttLib import TTFont

        font = TTFont(path, fontNumber=index, lazy=True)
        _CMAPS[(path, index)] = set(font.getBestCmap())
        font.close()
    return _CMAPS[(path, index)]


@dataclass(frozen=True)
class PrintedPdf:
    path: str
    """Where it goes in the site (pdf/…)."""
    file: Path
    """The typeset PDF in the store."""
    pages: int
    parts: dict[str, tuple[int, int]] = field(default_factory=dict)
    """A volume's speeches → (first page, last page), from the PDF's outline."""


class CharacterSet:
    """The distinct characters of many texts, as one flag per code point: the handouts of a large
    corpus print tens of millions of characters, which a set of str takes a second to gather."""

    def __init__(self):
        self.seen = np.zeros(0x110000, dtype=bool)

    def add(self, text: str) -> None:
        self.seen[np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)] = True

    def text(self) -> str:
        """Each character once, in code point order."""
        return "".join(map(chr, np.flatnonzero(self.seen).tolist()))


class Printer:
    """Typesets handouts into a store folder (kept between builds: a handout whose content, layout and
    fonts are unchanged is not typeset again)."""

    def __init__(self, config: PrintConfig, corpus_dir: Path, store_dir: Path, publisher: str):
        self.fonts = choose_fonts(config, corpus_dir)
        self.font_paths = [str((corpus_dir / p).resolve()) for p in config.font_paths]
        self.publisher = config.publisher or publisher
        self.store_dir = Path(store_dir)
        self.store_dir.mkdir(parents=True, exist_ok=True)
        self.context = hashlib.sha256(TEMPLATE.read_bytes() + self.fonts.fingerprint().encode() + _typst_version().encode()).hexdigest()
        self._compiler = None

    def data(self, handout: Handout) -> str:
        # The fields as they are: blocks are already plain dicts, and JSON writes tuples as lists
        # (walking every block into plain values cost a second per build for nothing).
        data = {f.name: getattr(handout, f.name) for f in fields(handout) if f.name != "path"}
        data["parts"] = list(handout.parts)
        data["fonts"] = {role: list(families) for role, families in self.fonts.families.items()}
        data["publisher"] = self.publisher
        data["cover_facts"] = [[label, value or self.publisher] for label, value in handout.cover_facts]
        data["unbroken"] = unbroken_names(handout.text())
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    def print_all(self, handouts, progress=None, total: int | None = None) -> tuple[dict[str, PrintedPdf], list[str]]:
        """Typeset every handout (from the store when unchanged); also the font warnings.

        `handouts` may be a generator: they are made, typeset and let go a batch at a time, so memory
        does not grow with the number of handouts.
        """
        printed: dict[str, PrintedPdf] = {}
        characters = CharacterSet()
        batch: list[tuple[str, str, str, tuple[str, ...]]] = []
        seen = 0

        def flush() -> None:
            nonlocal seen
            for path, file, pages, parts in self._typeset(batch, parallel=(total or 0) >= PARALLEL_FROM or len(batch) >= PARALLEL_FROM):
                printed[path] = PrintedPdf(path, Path(file), pages, parts)
                seen += 1
                if progress:
                    progress(seen, max(total or 0, seen + 1), path)
            batch.clear()

        for handout in handouts:
            data = self.data(handout)
            characters.add(handout.text())
            key = hashlib.sha256((self.context + data).encode("utf-8")).hexdigest()
            stored = self.store_dir / key[:2] / f"{key}.pdf"
            pages = _stored_pages(stored)
            if pages:
                printed[handout.path] = PrintedPdf(handout.path, stored, pages, _stored_parts(stored))
                seen += 1
            else:
                batch.append((handout.path, data, str(stored), tuple(handout.parts)))
                if len(batch) >= BATCH:
                    flush()
        flush()
        if progress:
            progress(seen, seen, "")
        return printed, self.font_warnings(characters.text())

    def font_warnings(self, text: str) -> list[str]:
        in_fallback, nowhere = missing_characters(text, self.fonts)
        body = self.fonts.families["body"][0]
        warnings = []
        if in_fallback:
            warnings.append(f"学习材料：{len(in_fallback)} 个字正文字体 {body} 里没有，改用备用字体印：{in_fallback[:60]}")
        if nowhere:
            warnings.append(
                f"学习材料：{len(nowhere)} 个字所有正文字体（{'、'.join(self.fonts.families['body'])}）里都没有，会印成空框：{nowhere[:60]}；"
                "请在 corpus/print.yaml 里加一个有这些字的字体"
            )
        return warnings

    def _typeset(self, jobs: list[tuple[str, str, str, tuple[str, ...]]], parallel: bool = True):
        cpus = os.cpu_count() or 1
        workers = min(cpus, 4) if parallel and len(jobs) >= 2 and cpus >= 2 else 1
        jobs = _longest_first(jobs)
        if _TYPST_COMPILED_IN is not None and _TYPST_COMPILED_IN != os.getpid():
            # Forked from a process that ran Typst (or may have): its runtime's threads did not come
            # along but their locks did, held; Typst would wait on them for ever here. Fresh processes only.
            yield from _spawned(self.font_paths, jobs, workers)
            return
        if workers == 1 or "fork" not in multiprocessing.get_all_start_methods():
            yield from map(self.typeset, jobs)
            return
        if _TYPST_COMPILED_IN == os.getpid():  # forked workers would inherit this process's Typst
            yield from _spawned(self.font_paths, jobs, workers)
            return
        global _printer
        _printer = self  # inherited by the forked children
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_typeset_in_child, jobs, chunksize=_chunk(jobs, workers))

    def typeset(self, job: tuple) -> tuple[str, str, int, dict[str, tuple[int, int]]]:
        if self._compiler is None:
            self._compiler = _new_compiler(self.font_paths)
        return _typeset_with(self._compiler, job)


_printer: Printer | None = None
_TYPST_COMPILED_IN: int | None = None
"""The process that compiled with Typst, or FOREIGN when other code loaded Typst before us (it may
have). A forked child inherits this value but not Typst's runtime, whose locks come along held."""
FOREIGN = -1
_typst_loaded_by_us = False


def _load_typst():
    global _typst_loaded_by_us, _TYPST_COMPILED_IN
    if not _typst_loaded_by_us:
        if "typst" in sys.modules and _TYPST_COMPILED_IN is None:
            _TYPST_COMPILED_IN = FOREIGN
        _typst_loaded_by_us = True
    import typst

    return typst


def _new_compiler(font_paths: list[str]):
    global _TYPST_COMPILED_IN
    typst = _load_typst()
    _TYPST_COMPILED_IN = os.getpid()
    return typst.Compiler(str(TEMPLATE), root=str(TEMPLATE.parent), font_paths=font_paths)


def _typeset_with(compiler, job: tuple) -> tuple[str, str, int, dict[str, tuple[int, int]]]:
    """Typeset one handout (path, JSON data, store file[, the ids of a volume's parts]): the PDF,
    its page count and the pages of its parts go to the store."""
    import typst

    path, data, stored, *rest = job
    part_ids = rest[0] if rest else ()
    try:
        # Untagged: poppler (Evince, the viewers of 麒麟/UOS desktops) misreads the tag tree Typst writes.
        pdf = compiler.compile(sys_inputs={"data": data}, pdf_tags=False)
    except typst.TypstError as exc:
        raise KbError(f"{path}：Typst 排不出这份学习材料（{exc}）；请把这行报告给维护人员") from exc
    pages = _count_pages(pdf)
    parts = _part_pages(pdf, part_ids, pages) if part_ids else {}
    target = Path(stored)
    # The page count first: a stored PDF (written last, atomically) always has its count beside it.
    write_atomic(target.with_suffix(".parts"), json.dumps(parts, sort_keys=True).encode("ascii"))
    write_atomic(target.with_suffix(".pages"), str(pages).encode("ascii"))
    write_atomic(target, pdf)
    log.info("%s：%d 页", path, pages)
    return path, stored, pages, parts


def _part_pages(pdf: bytes, part_ids, pages: int) -> dict[str, tuple[int, int]]:
    """Each part of a volume → (first page, last page): its title is the volume's n-th top entry of
    the PDF's outline (handout.typ bookmarks a volume's titles only)."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    starts = [reader.get_destination_page_number(item) + 1 for item in reader.outline if not isinstance(item, list)]
    if len(starts) != len(part_ids):
        raise KbError(f"the volume has {len(starts)} titles in its outline for {len(part_ids)} speeches")
    ends = [start - 1 for start in starts[1:]] + [pages]
    return {part: (start, end) for part, start, end in zip(part_ids, starts, ends)}


def _typeset_in_child(job):
    return _printer.typeset(job)


def _spawned(font_paths: list[str], jobs: list, workers: int):
    """(path, store file, pages) of each job, typeset by `workers` freshly started processes."""
    with multiprocessing.get_context("spawn").Pool(workers, initializer=_start_spawned, initargs=(font_paths,)) as pool:
        yield from pool.imap(_typeset_spawned, jobs, chunksize=_chunk(jobs, workers))


def _longest_first(jobs: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The handouts with the most text first (typesetting time goes with it): the workers then end
    together instead of one of them finishing a 400-page theme handout alone."""
    return sorted(jobs, key=lambda job: (-len(job[1]), job[0]))


def _chunk(jobs: list, workers: int) -> int:
    """Handouts sent to a worker at a time: four in a long run (fewer messages), one when there are
    few (a rebuild's five or six: four to one worker would leave the other idle)."""
    return 4 if len(jobs) >= 16 * workers else 1


_spawned_compiler = None


def _start_spawned(font_paths: list[str]) -> None:
    global _spawned_compiler
    _spawned_compiler = _new_compiler(font_paths)


def _typeset_spawned(job):
    return _typeset_with(_spawned_compiler, job)


def _typst_version() -> str:
    from importlib.metadata import version

    return version("typst")


_PAGES_NODE = re.compile(rb"/Type\s*/Pages\b")
_COUNT = re.compile(rb"/Count\s+(\d+)")


def _count_pages(pdf: bytes) -> int:
    """The PDF's number of pages: the /Count of its page tree's root, the one /Pages node without a
    /Parent, as Typst writes it (plain objects, no object streams). Anything else is left to pypdf,
    whose import alone cost each typesetting worker a third of a second per build."""
    nodes = [pdf[pdf.rfind(b"<<", 0, m.start()) : pdf.find(b">>", m.end())] for m in _PAGES_NODE.finditer(pdf)]
    roots = [_COUNT.findall(node) for node in nodes if b"/Parent" not in node]
    if len(roots) == 1 and len(roots[0]) == 1:
        return int(roots[0][0])
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def _stored_pages(stored: Path) -> int | None:
    try:
        if stored.is_file():
            return int(stored.with_suffix(".pages").read_text(encoding="ascii"))
    except (OSError, ValueError):
        pass
    return None


def _stored_parts(stored: Path) -> dict[str, tuple[int, int]]:
    try:
        return {part: tuple(span) for part, span in json.loads(stored.with_suffix(".parts").read_text(encoding="ascii")).items()}
    except (OSError, ValueError):
        return {}


def install_pdfs(printed: dict[str, PrintedPdf], site_dir: Path) -> None:
    """Put the PDFs into the site (hard links when the store is on the same disk)."""
    for item in sorted(printed.values(), key=lambda p: p.path):
        target = site_dir / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(item.file, target)
        except OSError:
            shutil.copyfile(item.file, target)
