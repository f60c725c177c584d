"""The whole knowledge-base build, top to bottom: read → clean → parse → enrich.

Rendering and publishing (render.py, publish.py) take the KnowledgeBase this module returns.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import multiprocessing
import os
import re
import resource
import sys
import time
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from collections.abc import Callable
from pathlib import Path

from . import explain
from .enrich import classify
from .ingest.capture import CAPTURE_RULE, posting_line
from .ingest.clean import CHROME_EVIDENCE, LINE_BREAK, STRUCTURAL_REMOVALS, clean, normalise_line, unified_ideographs
from .cache import SpeechCache, code_version, files_fingerprint
from .config import CONFIG_FILES, RESERVED_IDS, SPEECHES_FILE, BoilerplateConfig, Report, RuleTooSlow, SpeechOverride, load_boilerplate, load_glossary, load_overrides, load_taxonomy
from .errors import CorpusNotFound, UnreadableSpeech, reading_failure
from .model import DOCUMENT_ROLES, HEADER_ROLES, KnowledgeBase, Problem, ReviewItem, Source, SourceFile, Speech, YamlEntry, kept_texts, split_cuts
from .ingest.parse import ALIKE_LEADS_STYLE, LONE_LEAD_STYLE, alike_lead, PLAIN_LINE_ASK_STYLE, PLAIN_STYLE, PREFACE_STYLE, TOPIC_STYLE, another_piece_at, course_taught, glued_headings, meeting_chaired, author_under_the_text, derive_title, event_in_lead, find_level, find_occasion, infer_year_evidence, original_title, parse, labelled_signer, signature_byline, signature_date, speaker_in_author_line, speaker_in_cover_letter, speaker_in_title, title_given_as_a_repeat, title_in_a_file_name, title_in_a_posting_stamp, headline_opening_the_text, title_in_breadcrumbs, title_in_its_own_name, title_in_site_note, without_glued_year
from .ingest.convert import DOCUMENT_SUFFIXES
from .ingest.gongwen import read_template_prompt
from .ingest.evidence import edge_lines, has_interface_words, reads_like_title, reasons_in_chinese, removed_for_its_place, removed_like_speech
from .ingest.names import a_common_word
from .ingest.clause import read_time
from .ingest.damage import DAMAGE, damage_in, mend
from .ingest.lead import REVIEW_REACH, bare_name_that_spoke, headline_in_lead, caption_day, cohort_day, cohort_year, congress_year, date_in_lead, date_line_is_posting, day_before_posting, holder_level, labelled_posting_date, lead_day, level_in_body, meeting_holder, news_lead, own_unit_level, only_chaired, party_birthday_today, post_said_of_oneself, post_that_spoke, posting_date, quoted_from_other_times, report_paragraphs, speaker_by_evidence, speaker_further_on, speaker_is_a_guess, speaker_of_report, speaker_of_undated_report, work_year, year_after_the_one_reviewed, year_from_context, year_said_evidence
from .ingest.read import corpus_name, decode, discover, outside_corpus, read_source
from .enrich.related import let_words_go, link_related, subtree_words
from .enrich.review import review_speech
from .enrich.terms import find_heading_uses, find_terms, link_terms, speech_candidates
from .text import YEAR_RE, chronological_key, clipped, days_in_figures
from .enrich.segment import Segmenter

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
"""progress(done, total, what): called as each speech is processed."""


@dataclass
class BuildStats:
    """What building the knowledge base cost: seconds per stage and cache use (never part of the model)."""

    seconds: dict[str, float] = field(default_factory=dict)
    """read/clean/parse/classify/words/candidates are CPU seconds summed over workers; "per-speech (wall)"
    is the elapsed time of that parallel part; the rest are elapsed seconds."""
    cache_hits: int = 0
    cache_misses: int = 0
    peak_mb: dict[str, float] = field(default_factory=dict)
    """The process's peak memory so far at the end of each stage (where it jumps is what costs)."""


class StageTimer:
    """Accumulates wall-clock seconds per stage name, `with timer("parse"): …`, and notes the
    process's peak memory so far at the end of each."""

    def __init__(self):
        self.seconds: dict[str, float] = defaultdict(float)
        self.peak_mb: dict[str, float] = {}

    @contextmanager
    def __call__(self, stage: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] += time.perf_counter() - start
            self.peak_mb[stage] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reported_speaker_rule(later: bool) -> str:
    """How a report gave its speaker (detected_by): named and quoted later (speaker_of_report's `later`), or in its lead."""
    return "the report: one it names, said later to 强调/指出/点评" if later else "the report's lead (…出席会议并讲话)"


def _a_study_of_his_words(rel: str, paragraphs: list[str], name: str) -> bool:
    """Whether a page that reports `name` speaking quotes him from other times too (习近平曾说：“…” 他在2013年…上指出：“…”):
    a study of his words with the meeting as background, no report of it — logged, since the speaker is left unset."""
    if not quoted_from_other_times(paragraphs, name):
        return False
    log.info("%s：正文多处引用%s在其他时间的讲话，是学习解读文章，不是会议报道：不取讲话人和导语日期", rel, name)
    return True


DATE_LINE_RULES = ("header date line", "date after the title", "date before the title")
"""The header's dates that a report's lead overrides when it names an earlier day: a date line near the headline."""
OUTLINE_EXPECTED_FROM = 2500
"""Characters of text from which a reader expects headings: a four-paragraph 批复 or a short news report reads
well as one part, and a warning on each of them would bury the ones that matter (a long speech read flat)."""


def build_knowledge_base(corpus_dir: Path, **options) -> KnowledgeBase:
    """Read, clean, parse and enrich every speech in `corpus_dir` (`options` are parse_corpus's).

    Boilerplate rules and the theme taxonomy come from `rules_dir` (default: the corpus itself);
    per-speech overrides always from the corpus. Configuration errors raise ConfigError; a bad speech
    file never stops the build: it is recorded as a Problem (with file and line) and skipped.
    """
    return enrich_corpus(parse_corpus(corpus_dir, **options), options.get("stats"))


@dataclass
class ParsedCorpus:
    """The speeches read, parsed and classified one by one; the corpus-wide enrichment is still to come."""

    kb: KnowledgeBase
    """Speeches (in order), themes, each theme's sections, problems; no terms or related passages yet."""
    glossary: list
    segment: Callable[[str], list[str]]
    cache_keys: dict[str, str] = field(default_factory=dict)
    """Speech id → the key of its entry in the speech cache (empty without a cache)."""
    speech_cache: Path | None = None
    """The folder of the speech cache's entries."""
    cache_entries: frozenset[str] = frozenset()
    """The keys of every file's entry this parse used (speeches, duplicates and failures alike)."""

    def stored_words(self) -> Callable[[Speech], list | None] | None:
        """A speech's sections' word counts, read from its cache entry (parsing left them there)."""
        if self.speech_cache is None:
            return None
        cache = SpeechCache(self.speech_cache, context="")
        return lambda speech: cache.words(self.cache_keys[speech.id]) if speech.id in self.cache_keys else None


def parse_corpus(
    corpus_dir: Path,
    progress: Progress | None = None,
    rules_dir: Path | None = None,
    cache_dir: Path | None = None,
    follow_links: bool = False,
    stats: BuildStats | None = None,
) -> ParsedCorpus:
    """read → clean → parse → classify, speech by speech (cached under `cache_dir`/speeches, in
    worker processes)."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise CorpusNotFound(f"{corpus_dir}：没有这个语料目录；请建好它并放入讲话文件，或用 --corpus 指明语料所在的文件夹")
    rules_dir = Path(rules_dir) if rules_dir else corpus_dir
    report = Report()
    rules = load_boilerplate(rules_dir, report)
    taxonomy = load_taxonomy(rules_dir, report)
    theme_names = {t.id: t.name for t in taxonomy.themes}  # a theme may be written by its id or its name
    overrides = load_overrides(corpus_dir, report, theme_names)
    glossary = load_glossary(rules_dir, report, theme_names)
    report.raise_if_any()
    # One segmenter for the whole build: taxonomy keywords and glossary terms stay single tokens.
    segmenter = Segmenter([*taxonomy.dictionary_words(), *(form for entry in glossary for form in (entry.term, *entry.aliases))])
    problems: list[Problem] = []
    timer = StageTimer()
    cache = None
    if cache_dir:
        config_files = [rules_dir / name for name in CONFIG_FILES]
        cache = SpeechCache(Path(cache_dir) / "speeches", code_version() + files_fingerprint(config_files))

    corpus_lines: Counter[bytes] = Counter()
    jobs = _read_corpus(corpus_dir, overrides, cache, problems, timer, follow_links, corpus_lines)
    shared = {digest: files for digest, files in corpus_lines.items() if files >= 2}
    jobs = [(rel, path, override, _with_shared_lines(key, sorted(shared_lines(edges, shared).values()))) for rel, path, override, key, edges in jobs]
    worker = _FileWorker(corpus_dir, rules, taxonomy, segmenter.tokens, cache.key if cache else None, shared)
    results, stored_under = _process(jobs, worker, cache, progress, timer)
    speeches = _collect(jobs, results, problems)

    for key, override in sorted(overrides.items()):
        if not (corpus_dir / key).is_file():
            problems.append(Problem(f"{corpus_dir.name}/speeches.yaml", f"条目 {key} 在语料目录里没有对应的讲话文件；请核对文件名，或删去这一条", line=override.line))
    _make_ids_unique(speeches, problems)
    speeches.sort(key=sort_key)
    if stats is not None:
        stats.seconds.update(timer.seconds)
        stats.peak_mb.update(timer.peak_mb)
        if cache:
            stats.cache_hits, stats.cache_misses = cache.hits, cache.misses
    kb = KnowledgeBase(speeches=speeches, themes=list(taxonomy.themes), problems=problems)
    # Where each entry of speeches.yaml stands: the fixes on 待核对 and in kb check say where to write.
    kb.entries = {key: YamlEntry(o.line, dict(o.key_lines), dict(o.values)) for key, o in overrides.items()}
    kb.entries_file = f"{corpus_dir.name}/{SPEECHES_FILE}"
    # What the classification of each speech adds up to: the sections of each theme, and each year's mix.
    kb.theme_excerpts = classify.theme_excerpts(speeches, [t.id for t in kb.themes])
    kb.theme_shares_by_year = classify.theme_shares_by_year(speeches)
    cache_keys = {s.id: stored_under[s.source.rel_path] for s in speeches if s.source.rel_path in stored_under}
    return ParsedCorpus(kb, glossary, segmenter.tokens, cache_keys, cache.directory if cache else None, frozenset(stored_under.values()))


def enrich_corpus(parsed: ParsedCorpus, stats: BuildStats | None = None, cache_dir: Path | None = None) -> KnowledgeBase:
    """The corpus-wide enrichment: 提法 (terms) and their uses, related passages. `cache_dir` keeps what the 提法 forms matched in each speech for the next build."""
    kb, speeches, segment = parsed.kb, parsed.kb.speeches, parsed.segment
    timer = StageTimer()
    with timer("terms"):
        kb.terms = find_terms(speeches, parsed.glossary, segment, {t.id for t in kb.themes}, cache_dir)
        link_terms(speeches, kb.terms, cache_dir)
        find_heading_uses(speeches, kb.terms)
    for speech in speeches:  # 提法 candidates served the terms; the cache keeps them
        speech.term_candidates = None
    year_of = {s.id: s.year for s in speeches}
    for term in kb.terms:
        term.uses_by_year = dict(sorted(Counter(year_of[o.speech_id] for o in term.occurrences if year_of[o.speech_id]).items()))
    with timer("related"):  # which lets the sections' word counts go once it has used them
        kb.related_sections, kb.related_speeches = link_related(speeches, segment, parsed.stored_words())
    if stats is not None:
        stats.seconds.update(timer.seconds)
        stats.peak_mb.update(timer.peak_mb)
    return kb


Job = tuple[str, Path, SpeechOverride | None, str | None]
"""(relative path, path, override, cache key) of one speech file. Its bytes are not held: at
10,000 speeches they were a quarter of a gigabyte, and once freed they left the heap too broken up
to give the memory back while the corpus was being decoded into it."""


def line_digest(line: str) -> bytes:
    return hashlib.blake2b(line.encode("utf-8"), digest_size=8).digest()


def shared_lines(edges, shared: dict[bytes, int]) -> dict[str, int]:
    """A file's edge lines that other files have too → how many other files."""
    return {line: shared[digest] - 1 for line in edges if (digest := line_digest(line)) in shared}


def _with_shared_lines(key: str | None, others: list[int]) -> str | None:
    """A file's cache key, with what the rest of the corpus says of its lines (a result read with
    that evidence is not the result read without it)."""
    if key is None or not others:
        return key
    return hashlib.sha256(f"{key}:{others}".encode()).hexdigest()


def _read_corpus(
    corpus_dir: Path, overrides, cache: SpeechCache | None, problems: list[Problem], timer: StageTimer, follow_links: bool = False,
    corpus_lines: Counter | None = None,
) -> list[tuple]:
    """Every speech file to build, with the cache key of its bytes (skipped, unreadable and
    linked-out ones are reported) and its edge lines (`evidence.edge_lines`, counted per file into
    `corpus_lines` by digest: what a site repeats on its pages is evidence of its furniture)."""
    jobs: list[tuple] = []
    for path in discover(corpus_dir):
        rel = corpus_name(path, corpus_dir)
        if rel != path.relative_to(corpus_dir).as_posix():
            problems.append(Problem(rel, "文件名不是 UTF-8 编码（常见于中文 Windows 打包的 zip），已按 GB18030 读作这个名字；请把文件改成这个名字，免得别的程序读错"))
        target = outside_corpus(path, corpus_dir)
        if target is not None and not follow_links:
            problems.append(
                Problem(rel, f"是指向语料目录之外（{target}）的链接，没有读取；请把文件复制到语料目录里（或生成时加 --follow-links）", severity="error")
            )
            continue
        override = overrides.get(rel)
        if override and override.values.get("skip"):
            log.info("%s：跳过（speeches.yaml 写了 skip: true）", rel)
            continue
        try:
            size = path.stat().st_size
            if size > MAX_SPEECH_BYTES:
                # A speech is tens of KB; reading gigabytes (a disk image renamed .txt) would exhaust memory.
                problems.append(Problem(rel, f"有 {size / 2**20:.0f} MB，不像一篇讲话（上限 {MAX_SPEECH_BYTES / 2**20:.0f} MB），未读取；请拆分它，或把它移出语料文件夹", severity="error"))
                continue
            with timer("read"):
                raw = path.read_bytes()
        except OSError as exc:
            problems.append(_cannot_be_read(rel, exc))
            continue
        try:
            edges = edge_lines(decode(raw, rel)[0])
        except UnreadableSpeech:
            edges = set()
        if corpus_lines is not None:
            corpus_lines.update({line_digest(line) for line in edges})
        jobs.append((rel, path, override, cache.key(rel, raw, override.fingerprint if override else None) if cache else None, frozenset(edges)))
        del raw
    return jobs


MAX_SPEECH_BYTES = 64 * 1024 * 1024
"""A corpus file larger than this is not read (the longest real speeches are under 1 MB)."""


def _cannot_be_read(rel: str, exc: OSError) -> Problem:
    return Problem(rel, f"读不出来（{reading_failure(exc)}）；请检查文件的读取权限", severity="error")


def _process(
    jobs: list[Job], worker: "_FileWorker", cache: SpeechCache | None, progress: Progress | None, timer: StageTimer
) -> tuple[dict[str, tuple], dict[str, str]]:
    """(relative path → (speech or None, problems), relative path → the key its result is cached
    under): from the cache, else computed and cached."""
    results: dict[str, tuple] = {}
    stored_under: dict[str, str] = {}
    misses = []
    for job in jobs:
        # The word counts stay in the cache until the related stage reads them (stored_words): at
        # 10,000 speeches they were a quarter of a gigabyte, held through parsing and the 提法.
        cached = cache.get(job[3], with_words=False) if cache else None
        if cached is not None:
            results[job[0]] = cached
            stored_under[job[0]] = job[3]
        else:
            misses.append(job)
    started = time.perf_counter()
    for done, (job, (result, seconds, key)) in enumerate(zip(misses, _map(worker, misses)), len(results)):
        if progress:
            progress(done, len(jobs), job[0])
        for stage, spent in seconds.items():
            timer.seconds[stage] += spent
        results[job[0]] = result
        if cache and key:  # the key of the bytes the worker read (the file may have been saved since it was hashed)
            cache.put(key, result)
            stored_under[job[0]] = key
            let_words_go(result[0])
    if progress:
        progress(len(jobs), len(jobs), "")
    timer.seconds["per-speech (wall)"] = time.perf_counter() - started
    return results, stored_under


def _collect(jobs: list[Job], results: dict[str, tuple], problems: list[Problem]) -> list[Speech]:
    """The speeches in corpus order, each text once: a duplicate is reported and left out."""
    speeches: list[Speech] = []
    seen_text: dict[str, str] = {}
    for rel, *_ in jobs:
        speech, file_problems = results[rel]
        problems.extend(file_problems)
        if speech is None:
            continue
        fingerprint = _text_fingerprint(speech)
        if fingerprint in seen_text:
            problems.append(Problem(rel, f"和 {seen_text[fingerprint]} 文字相同，只用 {seen_text[fingerprint]} 生成一次；不需要的话删去其中一个"))
            continue
        seen_text[fingerprint] = rel
        _share_repeated_strings(speech)
        speeches.append(speech)
    return speeches


def _share_repeated_strings(speech: Speech) -> None:
    """Theme ids and evidence (正文：党建×6) recur in every section; one object each instead of a copy
    per section saves a fifth of the parsed corpus's memory (speeches come from the cache or from
    worker processes, and neither shares strings between speeches)."""
    intern = sys.intern
    for section in speech.all_sections():
        section.themes = [intern(t) for t in section.themes]
        section.theme_evidence = {intern(theme): [intern(e) for e in evidence] for theme, evidence in section.theme_evidence.items()}
        for paragraph in section.paragraphs:
            paragraph.themes = [intern(t) for t in paragraph.themes]


class _FileWorker:
    """Turns one speech file into ((speech or None, its problems), seconds by stage, cache key of
    the bytes it read)."""

    def __init__(self, corpus_dir: Path, rules: BoilerplateConfig, taxonomy, segment, cache_key=None, shared: dict[bytes, int] | None = None):
        self.corpus_dir, self.rules, self.taxonomy, self.segment = corpus_dir, rules, taxonomy, segment
        self.theme_names = {theme.id: theme.name for theme in taxonomy.themes}
        """Theme id → its name, for the curator's 待核对 items."""
        self.cache_key = cache_key
        """SpeechCache.key, when results are cached."""
        self.shared = shared or {}
        """Digest of an edge line → how many files of the corpus have it (two or more)."""

    def __call__(self, job) -> tuple[tuple, dict[str, float], str | None]:
        rel, path, override, _key = job
        timer = StageTimer()
        file_problems: list[Problem] = []
        try:
            with timer("read"):
                raw = path.read_bytes()
        except OSError as exc:  # removed or locked since the corpus was listed
            return (None, [_cannot_be_read(rel, exc)]), dict(timer.seconds), None
        key = self.cache_key(rel, raw, override.fingerprint if override else None) if self.cache_key else None
        try:
            with timer("read"):
                source = read_source(path, self.corpus_dir, raw)
        except UnreadableSpeech as exc:
            return (None, [Problem(rel, exc.message, severity="error")]), dict(timer.seconds), key
        del raw
        elsewhere = shared_lines(edge_lines(source.text), self.shared)
        key = _with_shared_lines(key, sorted(elsewhere.values()))
        speech = make_speech(source, self.rules, override, file_problems, timer, elsewhere)
        if speech is not None:
            with timer("classify"):
                classify.classify_speech(speech, self.taxonomy, self.segment, file_problems)
                speech.theme_shares = classify.theme_shares(speech)
                review_speech(speech, override.values.get("reviewed", False) if override else False, self.theme_names)
            with timer("words"):
                for section in speech.sections:
                    subtree_words(section, self.segment)
            with timer("candidates"):
                speech.term_candidates = speech_candidates(speech, self.segment)
        return (speech, file_problems), dict(timer.seconds), key


PARALLEL_FROM = 40
"""Below this many uncached files, starting worker processes costs more than it saves."""
_worker: _FileWorker | None = None


def _run_in_child(job):
    return _worker(job)


def _map(worker: _FileWorker, jobs: list):
    """worker(job) for every job, in order; in forked worker processes when that pays off."""
    cpus = os.cpu_count() or 1
    if len(jobs) < PARALLEL_FROM or cpus < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(worker, jobs)
        return
    global _worker
    _worker = worker  # inherited by the forked children, never pickled
    context = multiprocessing.get_context("fork")
    with context.Pool(min(cpus, 4)) as pool:
        yield from pool.imap(_run_in_child, jobs, chunksize=8)


def sort_key(speech: Speech):
    """Chronological; undated speeches last; ties broken by title and id so order is stable."""
    return chronological_key(speech.sort_date, speech.year, speech.title, speech.id)


NONE_NAMED = {0: 1}
"""heading_lines as parse() reads `heading_lines: {}`: a mapping that names no line (lines count from 1) but is one."""


def given_headings(override: SpeechOverride | None) -> dict[int, int] | None:
    """The headings speeches.yaml names. Written empty (`heading_lines: {}`: the curator deleted the only number from the
    unnumbered-headings fix), it names none: the readers that go by shape stand down as under any heading_lines, and
    the lone heading they found is a paragraph again — read as no heading_lines at all, the fix did nothing."""
    given = override.values.get("heading_lines") if override else None
    return NONE_NAMED if given == {} else given


def converted_from_document(override: SpeechOverride | None) -> bool:
    """Whether the text came from a Word or PDF document: speeches.yaml's `original` (written by kb add) ends in
    one of DOCUMENT_SUFFIXES. A text with no original, or saved from the web (.html, .txt), is not."""
    original = str(override.values.get("original") or "") if override else ""
    return original.lower().endswith(DOCUMENT_SUFFIXES)


def _year_of_a_plan_or_review(paragraphs: list[str], _lead_month: int) -> tuple[int, str] | None:
    return year_from_context(paragraphs)


YEARS_A_REPORT_IMPLIES = (
    # 2月9日，…学习会召开 … 围绕会议提出的2021年组织工作总的要求: the one year the report's body sets work for
    (work_year, "work year in the body"),
    # 6月20日，…召开… 要以优异成绩迎接党的二十大胜利召开: the year of the congress the report awaits
    (congress_year, "the coming national congress"),
    # 为服务好2025级新生，8月29日至30日，…: freshmen come in the autumn of their cohort's year
    (cohort_year, "the freshmen's cohort"),
    # 2月20日，…会议召开，对今年工作作出部署。会议回顾，2023年，全县组织系统…取得明显成效: the year after the one reviewed
    (year_after_the_one_reviewed, "the year after the one the report reviews"),
    # 3月8日，… 今年是“十四五”规划实施的最后一年; 12月20日，… 明年是“十五五”开局之年: a five-year plan's year
    (_year_of_a_plan_or_review, "a year worked out from the text"),
)
"""Where a report whose lead gives a month and day and whose text says no year finds one, in this order: a reader
of its first paragraphs and the lead's month, and the rule it is reported as (detected_by). Each is a person's to
check (date-guessed)."""


def make_speech(
    source: SourceFile, rules: BoilerplateConfig, override: SpeechOverride | None, problems: list[Problem], timer: StageTimer | None = None,
    elsewhere: dict[str, int] | None = None,
) -> Speech | None:
    """One speech from one file; `elsewhere` (edge line → how many other files of the corpus have it)
    is evidence the cleaner weighs."""
    timer = timer or StageTimer()
    rel = source.rel_path
    if not source.text.strip():
        problems.append(Problem(rel, "文件是空的，没有可生成的内容；请放入讲话文本，或删去这个文件", severity="error"))
        return None
    keep = set(override.values.get("keep_lines", ())) if override else set()
    drop = set(override.values.get("drop_lines", ())) if override else set()
    headings = set(override.values.get("heading_lines", {})) if override else set()
    starts = frozenset(override.values.get("paragraph_lines", ())) if override else frozenset()
    table = frozenset(override.values.get("table_lines", ())) if override else frozenset()
    with timer("clean"):
        rules.reset_budgets(len(source.text))
        try:
            cleaned = clean(
                source.text, rules, keep_lines=keep, drop_lines=drop, elsewhere=lambda line: (elsewhere or {}).get(line, 0),
                heading_lines=headings, from_document=converted_from_document(override), paragraph_lines=starts, table_lines=table,
            )
        except RuleTooSlow as exc:
            problems.append(Problem(exc.file, f"{exc.message}（在 {rel} 上；这篇讲话未能构建）", line=exc.line, severity="error"))
            return None
    line_count = len(LINE_BREAK.split(source.text.rstrip("\r\n")))  # the lines an editor shows (no empty one after the last break)
    for key, numbers in (("keep_lines", keep), ("drop_lines", drop), ("heading_lines", headings), ("paragraph_lines", starts), ("table_lines", table)):
        beyond = sorted(n for n in numbers if n > line_count)
        if beyond:
            # said of the speech, so kb check lists it under the speech (it was 没有生成：speeches.yaml… of a speech built)
            where = override.key_lines.get(key, override.line)
            problems.append(Problem(rel, f"speeches.yaml 第 {where} 行的 {key} 写了第 {beyond[0]} 行，但 {rel} 只有 {line_count} 行；请改正行号"))
    for removed in cleaned.removed:
        log.info("%s:%d：删除（%s）：%s", rel, removed.line, explain.removal(removed.rule), removed.text)
    if cleaned.normalised.get("control-characters"):
        problems.append(Problem(rel, f"含有 {cleaned.normalised['control-characters']} 个控制字符或零宽字符（已去掉）"))
    if not any(line.text for line in cleaned.lines):
        problems.append(Problem(rel, "去掉非正文之后什么也没剩下；请用 kb check 看删了哪些行，需要保留的行写进 speeches.yaml 的 keep_lines", severity="error"))
        return None

    with timer("parse"):
        parsed = parse(cleaned.lines, given_headings(override), cleaned.removed, bold=set(cleaned.bold_lines), markdown=cleaned.markdown_headings,
                       doubted={d.line for d in cleaned.doubtful} | set(cleaned.kept_doubtful), table=table,
                       # a Word or PDF document's marked title only: under a web page's headline, short lines the
                       # header took are the page's (related links, captions), not a minutes' items
                       given_title=override.values.get("title") if converted_from_document(override) else None)
    body_chars = sum(len(line.text) for line in cleaned.lines)
    if not parsed.structured and not (parsed.gongwen and parsed.gongwen.letter) and body_chars >= OUTLINE_EXPECTED_FROM:
        problems.append(Problem(rel, "没有认出小标题（一、（一）1. 第一，一是……），全文作为一个部分；小标题可以写进 speeches.yaml 的 heading_lines"))
    header = parsed.header
    # A crawler's capture header (ingest/capture.py) is no page's chrome to read a title or a posting from: its 抓取时间 is
    # the capture's; only its own publish date stands for the page's posting.
    captured = [r.text for r in cleaned.removed if r.rule == CAPTURE_RULE]
    removed_text = [r.text for r in cleaned.removed if r.rule != CAPTURE_RULE] + [line for line in [posting_line(captured)] if line]
    as_parsed = header.title  # a doubt about it (suspicious-title) is no doubt about a title that replaces it
    # A line the cleaner doubts (kept, sent to 待核对) is no title unless it reads like one: 教育部代码：12616.
    doubted = {d.line for d in cleaned.doubtful} | set(cleaned.kept_doubtful)  # keep_lines keeps the reading 待核对 named
    title_lines = [h.line for h in header.lines if h.role == "title"]
    if header.title and title_lines and set(title_lines) <= doubted and not reads_like_title(header.title):
        header.title = None
        header.rules.pop("title", None)
        for h in header.lines:
            h.role = "note" if h.role == "title" else h.role  # no title any more: 待核对 must not say it reads as one
    _no_metadata_from_doubted_lines(rel, header, doubted)
    # 2021学生会组织部上半年工作总结 under a note that quotes “2021学生会组织部上半年工作总结”: the year glued on is the
    # title's own word (the page names it so), no site's tag before it
    if header.title and header.year and header.rules.get("date") == "year in the title" and _named_with_its_year(header.title, header.year, removed_text):
        header.title = f"{header.year}{header.title}"
    original = original_title(removed_text, header.title)
    if original:
        header.title, header.rules["title"] = original, "the page's 原标题 (the speech's own title)"
    stamp_day = None  # the day of a title bar left at the head of the text (a one-line page): its posting
    if header.title is None:
        noted, found_by = title_in_site_note(removed_text), "named in the site's note (the text has no title line)"
        if noted is None:
            noted, found_by = title_in_breadcrumbs(removed_text), "the page's breadcrumbs (the text has no title line)"
        if noted is None:
            first_kept = min((line.number for line in cleaned.lines if line.text), default=0)
            noted, found_by = title_given_as_a_repeat(cleaned.removed, first_kept), "the page's title printed on top and again (taken off as a repeat)"
        if noted is None:
            noted, found_by = title_in_a_file_name(cleaned.removed, first_kept), "the file's name printed on top (taken off as a file name)"
        if noted is None:
            noted, found_by = title_in_a_posting_stamp(cleaned.removed, first_kept), "the page's headline run into its posting stamp (taken off with it)"
        if noted is None:
            first_text = next((p.text for s in parsed.sections for x in s.walk() for p in x.paragraphs if p.kind == "text"), "")
            opening_bar = headline_opening_the_text(first_text)
            if opening_bar:
                (noted, stamp_day), found_by = opening_bar, "the page's headline run into its posting stamp (at the text's head)"
        if noted is None:
            noted, found_by = title_in_its_own_name(rel), "the file's own name (the text has no title line)"
        if noted:
            # The note's own punctuation, as the text's is normalised ((社区) → （社区）).
            noted, glued_year = without_glued_year(normalise_line(noted))
            header.title, header.rules["title"] = noted, found_by
            found_year = YEAR_RE.search(noted)
            if header.year is None and (found_year or glued_year):
                header.year, header.rules["date"] = glued_year or int(found_year.group(1)), "year in the title"
            title_role, title_speaker = speaker_in_title(noted)
            if title_role and header.speaker_role is None:
                header.speaker_role, header.rules["speaker_role"] = title_role, "role in the title"
            if title_speaker and header.speaker is None:
                header.speaker, header.rules["speaker"] = title_speaker, "name in the title"
    document = converted_from_document(override)
    by_author_line = functools.partial(speaker_in_author_line, document=document)
    author_line = "the document's 作者： line under its title" if document else "the page's 作者： line"
    for find_speaker, found_by in ((speaker_in_cover_letter, "the covering notice (现将…印发)"), (by_author_line, author_line)):
        if header.speaker is None and header.speaker_role is None:
            role, name = find_speaker(cleaned.removed)
            if role:
                header.speaker_role, header.rules["speaker_role"] = role, found_by
            if name:
                header.speaker, header.rules["speaker"] = name, found_by
    # 海报, 下载, 标题导航: a site's word, no name; 项目编号 over 点击查看: a listing's field label, one word the dictionary knows
    if header.speaker and (has_interface_words(header.speaker) or (header.rules.get("speaker") == "byline name" and a_common_word(header.speaker))):
        log.info("%s：“%s”是网站上的用语，不当作讲话人", rel, header.speaker)
        header.speaker = None
        header.rules.pop("speaker", None)
    # A report of a meeting: the one who 出席会议并讲话 in its lead (never one who 作出批示).
    # (its first paragraphs of prose: a picture's caption between them does not use up the reach)
    all_paragraphs = [p.text for s in parsed.sections for x in s.walk() for p in x.paragraphs]
    # (a lead's day written in words, 十二月五日, is read as the figures most leads write: 12月5日)
    first_paragraphs = [days_in_figures(p) for p in report_paragraphs(all_paragraphs)]
    lead = news_lead(first_paragraphs)
    # A speech addresses its audience (同志们：); a report of it does not, and a speech that opens by
    # recalling a meeting (日前，省委召开…，省委书记某某强调) is not said by the one it quotes.
    addressed = any(p.kind == "salutation" for s in parsed.sections for x in s.walk() for p in x.paragraphs)
    post_alone = None
    if lead and not addressed and header.speaker is None and header.speaker_role is None:
        role, name, later = speaker_of_report(first_paragraphs)
        post_alone = post_that_spoke(first_paragraphs) if not name and not role else None
        if name and _a_study_of_his_words(rel, all_paragraphs, name):
            lead, name = None, None  # nor the lead's day
        if name and only_chaired(first_paragraphs, name):
            # 会议由社区党委书记某某主持 and no one said to speak: the chair is proposed, never filled in as the speaker
            log.info("%s：报道只写了%s%s主持会议，没有写谁讲话：讲话人空着，写进待核对", rel, role or "", name)
            header.warnings.append(ReviewItem("no-speaker-name", f"没有读出讲话人；报道只写了{role or ''}“{name}”主持会议，没有写谁讲话：是他讲的就写上他的姓名"))
            name = None
        if name:
            header.speaker_role, header.speaker = role or None, name
            header.rules["speaker"] = header.rules["speaker_role"] = (
                reported_speaker_rule(later))
            guess = speaker_is_a_guess(first_paragraphs, role, name)
            further = speaker_further_on(all_paragraphs, name) if guess and guess.startswith("报道只写了他") else None
            if further:
                # 副书记甲某宣读了《…》 in the lead, 董事长乙某强调，…一是…二是… further on: the one who spoke to the meeting
                log.info("%s：报道前几段只写了%s宣读、传达或主持；讲话人取自后文：%s%s", rel, name, *further)
                header.speaker_role, header.speaker = further
                header.rules["speaker"] = header.rules["speaker_role"] = "the report: one with posts said to speak further on (the lead only names a reader or a chair)"
                header.warnings.append(ReviewItem("speaker-guessed", f"讲话人“{further[1]}”取自报道后文（前几段只写了“{name}”宣读、传达或主持）：请核对"))
            elif guess:  # kept, and sent to a person with the one-line fix
                header.warnings.append(ReviewItem("speaker-guessed", f"讲话人“{name}”是从报道推断的（{guess}）：请核对"))
    elif lead and not addressed and header.speaker and header.speaker_role is None and header.rules.get("speaker") == "byline name":
        # A bare name under a report's headline is its writer's or editor's: the one the report says spoke is the speaker.
        role, name, later = speaker_of_report(first_paragraphs)
        if name and role and name != header.speaker:
            log.info("%s：标题下的“%s”没有职务，是报道的作者或编辑；讲话人取自报道：%s%s", rel, header.speaker, role, name)
            header.speaker_role, header.speaker = role, name
            header.rules["speaker"] = header.rules["speaker_role"] = (
                reported_speaker_rule(later))
        elif name != header.speaker:  # the report names no one who spoke: the name stays, a person decides
            header.warnings.append(ReviewItem("speaker-guessed", f"讲话人“{header.speaker}”是报道标题下单独的一个名字，没有职务，可能是作者或编辑：请核对"))
    elif lead is None and not addressed and header.speaker is None and header.speaker_role is None:
        # A report that names no day (大会由总经理某某主持。…董事长某某作了重要讲话): kept as a guess, checked by a person.
        role, name = speaker_of_undated_report(first_paragraphs)
        if name and _a_study_of_his_words(rel, all_paragraphs, name):
            name = None
        if name:
            header.speaker_role, header.speaker = role, name
            header.rules["speaker"] = header.rules["speaker_role"] = "a report without a day (…作了重要讲话, or his words given again and again)"
            header.warnings.append(ReviewItem("speaker-guessed", f"讲话人“{name}”是从没有写明日期的报道推断的（…作了讲话，或一再转述他的话）：请核对"))
    elif lead and not addressed and header.speaker and header.speaker_role and len(header.speaker_role) <= 3:
        # 李某书记在…上强调 over a report that names him 区委书记李某: the report's role is the whole one
        role, name, _ = speaker_of_report(first_paragraphs)
        if name == header.speaker and role and role.endswith(header.speaker_role) and len(role) > len(header.speaker_role):
            header.speaker_role, header.rules["speaker_role"] = role, "the report's lead (the title named him by his title)"
    if not addressed and header.speaker is None and header.speaker_role is None:
        # 郗某某指出，… 郗某某要求，…: a report that quotes one by name alone, again and again, and never gives his posts
        name = bare_name_that_spoke(first_paragraphs)
        if name:
            header.speaker, header.rules["speaker"] = name, "the report: a name alone, said again and again to 指出/要求"
            header.warnings.append(ReviewItem("speaker-guessed", f"讲话人“{name}”是从报道推断的（报道几次写“{name}指出/要求”，没有写职务）：请核对"))
    if post_alone and header.speaker is None and header.speaker_role is None:
        # 镇党委书记逐一点评: the report gives the post of the one who spoke, never his name — the role is filled, the
        # speaker left empty, and a person is told to write the name in
        log.info("%s：报道只写了讲话人的职务“%s”，没有写姓名", rel, post_alone)
        header.speaker_role, header.rules["speaker_role"] = post_alone, "the report: a post said to speak, no name (…书记逐一点评)"
        header.warnings.append(ReviewItem("no-speaker-name", f"报道只写了讲话人的职务“{post_alone}”，没有写姓名：知道是谁就写上他的姓名"))
    if not addressed and header.speaker is None and header.speaker_role is None:
        # No phrasing named him: everyone the report names, scored on what it says they did, where, and with what posts.
        # The best is only proposed (a person writes speaker:) — on the pooled dev rounds, setting it gained one page and
        # lost one.
        role, name, close = speaker_by_evidence(first_paragraphs, header.title)
        if name and not _a_study_of_his_words(rel, all_paragraphs, name):
            also = f"；还有“{close}”，依据相近" if close else ""
            log.info("%s：没有读出讲话人；报道里讲话、强调、主持等说到最多的是%s%s", rel, role or "", name)
            header.warnings.append(ReviewItem("no-speaker-name", f"没有读出讲话人；报道里讲话、强调、主持等说到最多的是{role or ''}“{name}”{also}：是他讲的就写上他的姓名"))
    if header.speaker is None and header.speaker_role is None:
        role, name = signature_byline(parsed.sections)
        if role:
            header.speaker_role, header.speaker = role, name
            header.rules["speaker_role"] = "signed under the text, above its date"
            if name:
                header.rules["speaker"] = "signed under the text, above its date"
    if header.speaker is None:
        name = labelled_signer(parsed.sections)
        if name:
            header.speaker, header.rules["speaker"] = name, "the name signed under the text with its label (申请人：…)"
    if header.speaker_role is None:
        role = author_under_the_text(parsed.sections)
        if role:
            header.speaker_role, header.rules["speaker_role"] = role, "author's note under the text (作者系…)"
    if header.speaker_role is None and not lead:
        # 我作为县委组织部副部长，分管…: a work summary gives its writer's post in the first person
        role = post_said_of_oneself(all_paragraphs)
        if role:
            header.speaker_role, header.rules["speaker_role"] = role, "the writer's own post (我作为…)"
    # Without headings the opening words are the start of the one body section.
    opening_kinds = ("opening",) if parsed.structured else ("opening", "body")
    opening_text = " ".join(p.text for s in parsed.sections if s.kind in opening_kinds for p in s.paragraphs)
    occasion, occasion_rule = find_occasion(header.title, header.subtitle, opening_text)
    if occasion is None and lead and not addressed:
        occasion = event_in_lead(lead, opening_text)
        occasion_rule = "the report's lead: the event it says was held (开展/举办…活动)" if occasion else None
    if occasion is None and not addressed and (lead or header.rules.get("speaker", "").startswith("a report without a day")):
        # 庆祝大会由总经理某某主持: a report that names its meeting only as what was chaired
        occasion = meeting_chaired(" ".join(first_paragraphs[:4]))
        occasion_rule = "the report: the meeting it says someone chaired (…大会由某某主持)" if occasion else None
    if occasion is None and lead is None and not addressed and header.rules.get("speaker", "").startswith("a report without a day"):
        # …党委书记某某以“…”为题，讲授新学期“开学第一课”: the course the one a report without a day names taught
        occasion = course_taught(first_paragraphs[0]) if first_paragraphs else None
        occasion_rule = "the report: the course its speaker taught (讲授…第一课)" if occasion else None
    # A character a broken decoding ate (\ufffd政协…, ?委书记): the field is mended from the page, never published with
    # the garbage, and put on 待核对 (`damage.mend`).
    page = "\n".join([h.text for h in header.lines] + [t for s in parsed.sections for x in s.walk() for t in (x.heading or "", *(p.text for p in x.paragraphs))])
    damaged = []
    if damage_in(occasion):
        raw = occasion
        occasion, how = mend(raw, page)
        damaged.append(("damaged-occasion", "会议名称", raw, how))
    for attr, name in (("title", "标题"), ("subtitle", "副标题")):
        if damage_in(getattr(header, attr)):
            raw = getattr(header, attr)
            value, how = mend(raw, page)
            setattr(header, attr, value)
            damaged.append((f"damaged-{attr}", name, raw, how))
    level, level_rule = find_level(occasion, header.title, header.subtitle)
    holder = meeting_holder(lead) if level is None and lead and not addressed else None
    if holder:
        # A report's lead says who holds the meeting (某某乡党委召开…): its level, not the province whose meeting it relays
        level = holder_level(holder)
        level_rule = "the report's lead: who holds the meeting (X召开…)" if level else None
    if level is None:
        # The headings are the speech's words too (二、全县组织工作的主要任务). The body says whose meeting it
        # was before the speaker's role does: a 市委常委 may chair a district's meeting, a 区委书记 hold a
        # city's honorary post (市政协副主席、区委书记) — the role is the last resort.
        level = level_in_body(" ".join(t for s in parsed.sections for x in s.walk() for t in (x.heading or "", *(p.text for p in x.paragraphs))),
                              said_of_itself=bool(holder))
        level_rule = "the body (我X, 全X, X委要求 … again and again)" if level else None
    if damage_in(header.speaker_role):
        raw = header.speaker_role
        header.speaker_role, how = mend(raw, page, level, posts=True)
        damaged.append(("damaged-role", "讲话人的职务", raw, how))
    if damage_in(header.speaker):
        damaged.append(("damaged-speaker", "讲话人", header.speaker, "没有填"))
        header.speaker = None
    for code, name, raw, how in damaged:
        log.info("%s：%s“%s”里有乱码，%s", rel, name, raw, how)
        header.warnings.append(ReviewItem(code, f"{name}原文有乱码（“{DAMAGE.sub('□', raw)}”），{how}：请核对原文"))
    if level is None and not lead and all_paragraphs:
        # 近年来，市委组织部党总支紧扣…: a report that speaks for its unit names it as its first sentences' subject
        level = own_unit_level("。".join(all_paragraphs[:2]))  # past a salutation (各位领导、同志们：)
        level_rule = "the report's own unit, the subject of its opening (近年来，县委组织部…)" if level else None
    if level is None:
        level, level_rule = find_level(role=header.speaker_role)
    date, year = header.date, header.year
    # （2023年2月） under the title is the header's own date, as far as it goes: no year borrowed from the title
    date_source = "header" if date or header.month else ("title" if year else None)
    detected_by = dict(header.rules)
    signed = None if date else signature_date(parsed.sections)
    if signed:
        date, year, date_source = signed, int(signed[:4]), "signature"
        detected_by["date"] = "date line under the text"
    evidence = None  # the words an inferred year is read from (年份按“…”推断), for 待核对
    if year is None:
        year, date_source, evidence = infer_year_evidence(parsed.sections)
    # A report names the meeting's day in its lead; the page's posting date only lends its year.
    lead_time = read_time(lead) if lead else None
    lead_month = lead_time.month if lead_time and not lead_time.year else None
    said, said_by = year, date_source
    if said is None:
        found_said = year_said_evidence(all_paragraphs[:6], lead_month)
        if found_said:
            said, said_by, evidence = found_said
    if said is None and lead_month and lead and not addressed:
        for reader, rule in YEARS_A_REPORT_IMPLIES:
            found_implied = reader(first_paragraphs[:6], lead_month)
            if found_implied:
                (said, evidence), said_by = found_implied, rule
                break
    # The posting date is on a line the cleaner took off, or one the header set aside as the site's.
    posted = posting_date(removed_text + [h.text for h in header.lines if h.role == "note"])
    # A speech that opens by addressing its audience (同志们：) recalls earlier meetings by their days
    # (3月17日，市委召开了…); a report above the speech it gives in full still dates it.
    reported = lead and not addressed
    # …and what the report says round its lead: the headline, the next paragraphs (a year reviewed there is no meeting's)
    around = " ".join([header.title or "", *first_paragraphs[:REVIEW_REACH]])
    if reported and date and detected_by.get("date") in DATE_LINE_RULES:
        # A report's date line under its headline is the page's posting: the lead names the meeting's earlier day
        # (2020-08-27 over 8月25日，省委组织部召开…).
        meeting_day = date_in_lead(lead, date, said, around)
        if meeting_day and date_line_is_posting(meeting_day, date):
            log.info("%s：标题下的日期 %s 是发布日期，会议日期取自报道导语：%s", rel, date, meeting_day)
            posted, date = date, None
    found_day = lead_day(lead, posted, said, around) if reported and date is None else None
    if found_day:
        lead_date, how = found_day
        date, year, date_source = lead_date, int(lead_date[:4]), "lead"
        detected_by["date"] = "the report's lead (N月N日，…召开)"
        if how == "said" and said_by not in (None, "title", "header") and evidence:
            # the lead names the month and day; the year is read from elsewhere in the text: a person checks it
            detected_by["date"] = f"the report's lead (N月N日), year from {said_by}"
            header.warnings.append(ReviewItem("date-guessed", f"会议日期 {lead_date}：月、日取自报道导语，年份按“{evidence}”推断：请核对"))
    if date is None and year and evidence:
        birthday = party_birthday_today(all_paragraphs[:6])
        if birthday:
            # 同志们：今天是党的生日，…走过了91年: the day is 七一 of the year the count gives
            date, date_source = f"{year:04d}-07-01", date_source
            detected_by["date"] = f"{birthday}, year from {date_source}"
            header.warnings.append(ReviewItem("date-guessed", f"日期 {date}：按“{birthday}”取七月一日，年份按“{evidence}”推断：请核对"))
    if date is None:
        # 图为2023年3月15日全县组织工作会议现场: the day of the event a picture's caption shows (taken off as a caption)
        shown = caption_day([r.text for r in cleaned.removed if r.rule == "photo-caption"], year if year is not None else said)
        if shown:
            date, date_source = shown[0], "caption"
            year = int(date[:4])
            detected_by["date"] = "a picture's caption (图为…N月N日…会议现场)"
            header.warnings.append(ReviewItem("date-guessed", f"日期 {date} 取自图片说明“{clipped(shown[1], 40)}”：请核对"))
    if date is None and year is None and not addressed:
        # 为确保…服务于2025级新生，8月29日至30日，…组建…: no lead, but the day and the freshmen's cohort say the year
        cohort = cohort_day(first_paragraphs[:6])
        if cohort:
            date, date_source = cohort[0], "cohort"
            year = int(date[:4])
            detected_by["date"] = "the text's first day, year from the freshmen's cohort (N级新生)"
            header.warnings.append(ReviewItem("date-guessed", f"日期 {date}：月、日取自正文开头，年份按“{cohort[1]}”推断：请核对"))
    relative_word = None
    if reported and date is None:
        # 昨日，…召开: a day counted back from the posting date; 近日, 日前: only its year. Either is a person's to check.
        counted, posted_year, relative_word = day_before_posting(lead, posted)
        if counted:
            date, year, date_source = counted, posted_year, "posting"
            detected_by["date"] = f"the lead's {relative_word}, counted from the posting date"
            header.warnings.append(ReviewItem("date-guessed", f"报道只写“{relative_word}”，会议日期 {counted} 是按发布日期 {posted} 推算的：请核对"))
        elif posted_year and year is None:
            year, date_source = posted_year, "posting"
            detected_by["date"] = f"year of the posting date (the lead says {relative_word})"
    if date is None and year is None:
        # 会议全面总结了2011年的组织工作，对今年的工作进行了部署; “十四五”开局之年: a year worked out, for a person to check
        found_context = year_from_context(all_paragraphs[:6], posted)
        if found_context:
            year, evidence = found_context
            date_source = "context"
            detected_by["date"] = "year worked out from the text (a year reviewed, a five-year plan's close or opening, the coming congress)"
    labelled = (labelled_posting_date(removed_text + [h.text for h in header.lines if h.role == "note"]) or stamp_day) if date is None and year is None else None
    if labelled:
        # 更新时间：2018-08-24 17:40 over a speech that dates itself nowhere, nor does the report's lead: the page's own
        # day is the only one there is — kept, and named as the posting's for a person (date: or year: settles it)
        posted = labelled
        date, year, date_source = posted, int(posted[:4]), "posting"
        detected_by["date"] = POSTING_DATE_RULE
        header.warnings.append(ReviewItem("date-guessed", f"日期 {posted} 是网页的发布日期，原文没有写日期：讲话或会议的日期不同就改正，只知道年份就写年份"))
    if year is not None and "date" not in detected_by:
        detected_by["date"] = f"year from the {date_source}" if date_source in ("headings", "opening") else date_source
    if occasion_rule:
        detected_by["occasion"] = occasion_rule
    if level_rule:
        detected_by["level"] = level_rule
    # A report with no headline on its page: the clause of its lead that says who held what is the headline a newsroom
    # would give it (某某学院党委召开…大会) — the page is a report of the meeting, no speech 在…上的讲话; still made up
    headline = headline_in_lead(lead) if header.title is None and lead and not addressed else None
    title = header.title or headline or derive_title(parsed.sections, occasion)
    if header.title is None:
        detected_by["title"] = ("the report's lead: who held what (no headline on the page)" if headline
                                else "derived from the content (no title in the text)")
    review = [item for item in header.warnings if item.code != "suspicious-title" or header.title == as_parsed]
    if detected_by.get("title", "").startswith("named in the site's note"):
        review.append(ReviewItem("title-from-note", "标题取自网页上方的说明文字，正文没有标题行：请核对"))
    elif detected_by.get("title", "").startswith("the page's title printed on top"):
        review.append(ReviewItem("title-from-note", "标题取自网页上方重复出现的一行（已作为重复的页眉删去），正文没有标题行：请核对"))
    elif detected_by.get("title", "").startswith("the file's name"):
        review.append(ReviewItem("title-from-note", "标题取自网页上方的文件名（已作为网页文字删去），正文没有标题行：请核对"))
    elif detected_by.get("title", "").startswith("the page's headline run into its posting stamp (at the text's head)"):
        review.append(ReviewItem("title-from-note", "标题取自正文第一段开头与发布时间连在一起的网页标题（这几个字仍留在第一段开头）：请核对"))
    elif detected_by.get("title", "").startswith("the page's headline run into its posting stamp"):
        review.append(ReviewItem("title-from-note", "标题取自和发布时间连在一行的网页标题（已随发布时间删去），正文没有标题行：请核对"))
    elif detected_by.get("title", "").startswith("the file's own name"):
        review.append(ReviewItem("title-from-note", "正文没有标题行，标题取自文件名：请核对"))
    elif detected_by.get("title", "").startswith("the page's breadcrumbs"):
        review.append(ReviewItem("title-from-note", "标题取自网页的导航路径（当前位置：首页 > …），正文没有标题行：请核对"))
    if header.title is None:
        review.append(ReviewItem("title-derived", "网页上没有标题，现用标题按报道导语拟出（某某召开……）：请写明标题" if headline
                                 else "正文没有标题，现用标题由内容生成：请写明标题"))
    # （2023年2月）: the text dates itself to the month, no further — while no reader found the day and the year is the header's
    month = header.month if date is None and year == header.year else None
    if date is None:
        found = {"title": "标题", "headings": "小标题", "opening": "开场白", "posting": f"发布日期 {posted}，报道只写“{relative_word}”"}.get(date_source or "", "")
        if month:
            review.append(ReviewItem("no-date", f"原文日期只写到月份（{year}年{month}月）：知道是哪一天就写上，否则确认即可"))
        elif year and not found and evidence:  # 年份按“庆祝中国共产党成立99周年”推断: the words it is worked out from
            review.append(ReviewItem("no-date", f"没有找到日期（年份 {year} 按“{evidence}”推断）"))
        else:
            review.append(ReviewItem("no-date", "没有找到日期" + (f"（年份 {year} 取自{found}）" if year and found else (f"（年份 {year}）" if year else ""))))
    if occasion is None and not (parsed.gongwen and (parsed.gongwen.title or parsed.gongwen.doc_number)):  # a 通知 or 请示 is no meeting's
        review.append(ReviewItem("no-occasion", "没有找到会议名称（在……会议上的讲话、召开……会议）"))
    # What the items say a line became is said of what the speech kept: a piece or a joined paragraph the rules
    # then removed is on the removed list, not in paragraphs a person could look at.
    kept = kept_texts(parsed.sections, header.lines, cleaned.joins, cleaned.removed)
    cuts = split_cuts(cleaned.splits, kept)
    if cuts:
        places = "、".join(str(n) for n in sorted(cuts)[:5])
        review.append(ReviewItem("split", f"粘连成一行的文字被拆成段落，共拆 {sum(cuts.values())} 处（第 {places} 行）：请看分段是否正确", line=min(cuts)))
    joins = [j for j in cleaned.joins if kept[j.first]]
    source_lines = LINE_BREAK.split(source.text)
    if joins:
        # the lines joined: not the blank ones between them, nor a removed advert the join reached over
        lines = sum(1 + sum(1 for n in range(j.first + 1, j.last + 1) if kept[n] and source_lines[n - 1].strip()) for j in joins)
        review.append(ReviewItem("joined", f"断开的 {lines} 行被接成 {len(joins)} 段（硬换行、网页断行或文库分块）：请看接得是否正确", line=joins[0].first))
    # A spelled-out run printed once (政.治.关) stays as text: a site's mark or the speech's own, a person says.
    kept_lines = {line.number: line.text for line in cleaned.lines}
    for number, run in cleaned.unsure_marks:
        if run in kept_lines.get(number, ""):
            review.append(ReviewItem("inline-mark", f"句中的“{run}”字与字之间夹着符号，像网站夹进正文的水印，全文只出现一次，现保留为正文：是水印就在原文里删去它（第 {number} 行）", line=number))
            log.info("%s:%d：字间夹着符号，只出现一次，保留：%s", rel, number, run)
    piece = another_piece_at(cleaned.lines, {r.line for r in cleaned.removed})
    if piece is not None:
        review.append(ReviewItem("collection", f"第 {piece} 行起像是合集里的另一篇讲话，现在接在前一篇的最后一部分里：请把各篇拆成单独的文件", line=piece))
    # A template's prompt left in the text ([此处输入主送机关]：) is kept as text and named as what it is.
    prompted = {line.number: prompt for line in cleaned.lines if line.number not in keep and (prompt := read_template_prompt(line.text))}
    for line in cleaned.lines:
        if line.number in prompted:
            review.append(ReviewItem("doubtful-line", f"模板里的提示文字{prompted[line.number]}，现保留为正文：请填上实际内容或删去这一行：{clipped(line.text, 40)}", line=line.number))
            log.info("%s:%d：模板提示文字，保留：%s", rel, line.number, line.text)
    if parsed.gongwen and parsed.gongwen.unread_issuer and not parsed.gongwen.issuer:
        mark = min((number for number, role in parsed.gongwen.roles.items() if role == "issuer"), default=None)
        review.append(ReviewItem("no-issuer", f"版头“{parsed.gongwen.unread_issuer[0]}文件”不像机关的名称，没有当作发文机关：请写明发文机关", line=mark))
    # A doubtful line the header reader then took (a note above the title, a date line) is not in the body:
    # the item says what it was read as, so 待核对 never claims a line is in the text the page does not show.
    read_as = {h.line: where_header_line_went(h.role, bool(parsed.gongwen)) for h in header.lines}
    for doubt in (d for d in cleaned.doubtful if d.line not in prompted):
        went = read_as.get(doubt.line, "保留为正文")
        review.append(ReviewItem("doubtful-line", f"可能是网页上的文字（{reasons_in_chinese(doubt.reasons)}），现{went}：{clipped(doubt.text, 40)}", line=doubt.line))
        log.info("%s:%d：存疑，%s（%s）：%s", rel, doubt.line, went, reasons_in_chinese(doubt.reasons), doubt.text)
    # A rule's removal that reads as speech (a long sentence, speech evidence outweighing the rule's) is named for a
    # person with its fix, never silently gone.
    for gone in cleaned.removed:
        if gone.rule not in STRUCTURAL_REMOVALS and removed_like_speech(gone.text, gone.rule):
            review.append(ReviewItem("doubtful-line", f"删去的这一行像讲话正文（按规则 {explain.removal(gone.rule)} 删去），现已删去：{clipped(gone.text, 40)}", line=gone.line))
        elif gone.rule == CHROME_EVIDENCE and removed_for_its_place(gone.text):
            review.append(ReviewItem("doubtful-line", f"删去的这一行像讲话正文（按它在网页上的位置删去），现已删去：{clipped(gone.text, 40)}", line=gone.line))
    plain = [s for s in parsed.sections if s.style in (PLAIN_STYLE, LONE_LEAD_STYLE, PLAIN_LINE_ASK_STYLE, PREFACE_STYLE, ALIKE_LEADS_STYLE, TOPIC_STYLE)]
    # 关于… topic lines inside a numbered part are its sub-headings, read without a number all the same
    plain += [s for top in parsed.sections for s in top.walk() if s.style == TOPIC_STYLE and s.level > 1]
    if plain:
        review.append(ReviewItem("unnumbered-headings", f"小标题没有编号，按版式认出 {len(plain)} 个（第 {', '.join(str(s.line) for s in plain[:5])} 行）：请看是否正确", line=plain[0].line))
    texts = {line.number: line.text for line in cleaned.lines}
    for number in parsed.heading_doubts:  # a short line that may head what follows: kept as text, for a person
        review.append(ReviewItem("heading-like", f"第 {number} 行单独成行、比前后的段落短得多，像没有编号的小标题，现作为正文：{clipped(texts.get(number, ''), 30)}", line=number))
    for number in parsed.lead_doubts:  # a paragraph's first sentence like another's: maybe a head run into it, kept as text
        others = "、".join(str(n) for n in parsed.lead_doubts if n != number)
        lead = alike_lead(texts.get(number, ""))
        review.append(ReviewItem("heading-like", f"第 {number} 行开头的一句和第 {others} 行开头的一句写法相近，像接在段首、没有编号的小标题，现作为正文：{(lead.heading if lead else texts.get(number, ''))[:30]}", line=number))
    glued = glued_headings(parsed.sections, cleaned.lines)
    for section in glued:
        log.info("%s:%d：小标题与正文粘连，在小标题末尾拆开：%s", rel, section.line, section.heading)
    if glued:
        review.append(ReviewItem("glued-headings", f"小标题和正文之间没有标点或换行，按同级小标题在小标题末尾拆开 {len(glued)} 处（第 {', '.join(str(n) for n in sorted({s.line for s in glued})[:5])} 行）：请看拆得是否正确", line=glued[0].line))
    for split in cleaned.splits:
        log.info("%s:%d：拆成 %d 段", rel, split.line, split.pieces)
    for join in cleaned.joins:
        log.info("%s:%d-%d：接成一段（硬折行）", rel, join.first, join.last)

    speech = Speech(
        id=speech_id(rel),
        source=Source.of(source),
        clean=cleaned.report(),
        header=header.lines,
        title=title,
        title_derived=header.title is None,
        subtitle=header.subtitle,
        date=date,
        year=year,
        month=month,
        date_source=date_source,
        speaker=header.speaker,
        speaker_role=header.speaker_role,
        occasion=occasion,
        level=level,
        sections=parsed.sections,
        detected_by=detected_by,
        review=review,
    )
    if parsed.gongwen:
        gongwen = parsed.gongwen
        speech.issuer, speech.doc_number = gongwen.issuer, gongwen.doc_number
        speech.addressees, speech.attachments = list(gongwen.addressees), list(gongwen.attachments)
    if override:
        apply_override(speech, override)
    return speech


POSTING_DATE_RULE = "the page's posting date (the text gives no date of its own)"
"""How a date read off the page's posting line is detected: kb add lets the file's own date (a PDF's cover, a page's
<time>) take its place."""


def _named_with_its_year(title: str, year: int, removed: list[str]) -> bool:
    """Whether a line the cleaner took off names the title with its year glued on, in quotes or 《》 (下面是…整理的
    “2021学生会组织部上半年工作总结”): the page's own name for the piece holds the year, so it is the title's.

    >>> _named_with_its_year("学生会组织部上半年工作总结", 2021, ["下面是小编整理的“2021学生会组织部上半年工作总结”，仅供参考。"])
    True
    >>> _named_with_its_year("县委书记在全县大会上的讲话", 2024, ["2024县委书记在全县大会上的讲话"])
    False
    """
    quoted = re.compile(rf"[“《\"]{year}\s*{re.escape(title)}[”》\"]")
    return any(quoted.search(text) for text in removed)


def _no_metadata_from_doubted_lines(rel: str, header, doubted: set[int]) -> None:
    """A line the cleaner doubts (kept, on 待核对 with its one-line fix) gives no speaker, nor a date above the title: a
    site's label over the text (资源描述) is no one's name, a date with its weekday over the headline (今天是… 星期三) the
    day the page was saved — a speech dates itself under its title (a letter's doubted date line there still counts).
    The line is read as a note over the text, still on 待核对; the lead, the posting date or the body say what it would
    have."""
    title_at = min((h.line for h in header.lines if h.role == "title"), default=0)
    for field, role, fields in (("speaker", "speaker", ("speaker", "speaker_role")), ("date", "date", ("date",))):
        lines = [h for h in header.lines if h.role == role and (field == "speaker" or h.line < title_at)]
        if not (lines and getattr(header, field) and {h.line for h in lines} <= doubted and len(lines) == sum(h.role == role for h in header.lines)):
            continue
        if field == "speaker" and header.rules.get("speaker_role") != header.rules.get("speaker"):
            fields = ("speaker",)  # the role came from elsewhere (the title): only the doubted line's name goes
        log.info("%s:%d：存疑的一行不作%s：%s", rel, lines[0].line, "讲话人" if field == "speaker" else "日期", lines[0].text)
        for name in fields:
            setattr(header, name, None)
            header.rules.pop(name, None)
        for h in lines:
            h.role = "note"  # read as nothing of the speech's: 待核对 names it so
        if field == "date" and header.rules.get("date") is None:
            header.year = None


CLEARABLE_FIELDS = ("speaker", "speaker_role", "occasion", "subtitle")
"""Fields an empty text in speeches.yaml clears (the original has none); a title cannot be empty."""


def where_header_line_went(role: str, official: bool) -> str:
    """What became of a line the header reader took, in the curator's words.

    >>> where_header_line_went("note", False)
    '读作标题上方的说明（页面上不显示），不在正文里'
    >>> where_header_line_went("record", True)
    '读作版记，不在正文里'
    """
    name = (DOCUMENT_ROLES if official else HEADER_ROLES).get(role) or HEADER_ROLES.get(role) or DOCUMENT_ROLES.get(role, role)
    return f"读作{name}，不在正文里"


NOT_SPEECH_FIELDS = {"skip", "keep_lines", "drop_lines", "reviewed", "original", "original_sha256", "heading_lines", "paragraph_lines", "table_lines"}
"""Override keys that steer the build or record provenance, not fields of the speech."""


def apply_override(speech: Speech, override: SpeechOverride) -> None:
    """The curator's values over the detected ones. An empty text (`speaker: ""`) says the original has
    none: a speaker the build guessed is no one's, and the role the same guess gave goes with it."""
    read_year = speech.year
    speech.review.extend(readings_changed(speech, override))
    for key, value in override.values.items():
        if key in NOT_SPEECH_FIELDS:
            continue
        if key == "section_themes":
            speech.manual_themes = dict(value)
            continue
        if isinstance(value, str) and not value.strip() and key in CLEARABLE_FIELDS:
            if key == "speaker" and "speaker_role" not in override.values and speech.detected_by.get("speaker_role") == speech.detected_by.get("speaker"):
                speech.speaker_role = None
                speech.detected_by.pop("speaker_role", None)
            value = None
        if isinstance(value, str):  # a title a PDF marks may carry its text layer's radical forms (常⻅): fold them as the text's
            value = unified_ideographs(value)[0]
        setattr(speech, key, value)
        speech.overridden.append(key)
        speech.detected_by[key] = "speeches.yaml"
        if key == "title":
            speech.title_derived = False
            if speech.speaker and "speaker" not in override.values and re.sub(r"\s+", "", speech.speaker) == re.sub(r"\s+", "", value):
                speech.speaker = None  # the title line, read as a byline before the title was known
                speech.detected_by.pop("speaker", None)
    if "date" in override.values:
        speech.year = int(speech.date[:4])
        speech.month = None
        speech.date_source = "override"
    elif "year" in override.values:
        if speech.year != read_year and "month" not in override.values:
            speech.month = None  # the month went with the year the curator corrected
        # the year alone: a day the build counted from the posting date (date-guessed) is not kept
        if speech.date and (int(speech.date[:4]) != speech.year or speech.date_source == "posting"):
            speech.date = None
        speech.date_source = "override"


def readings_changed(speech: Speech, override: SpeechOverride) -> list[ReviewItem]:
    """What this build reads otherwise than kb add did, of the values that still stand as kb add wrote them
    (override.as_imported: nobody has checked the entry): the reader has improved since, and the curator chooses.

    A title the build makes up is no reading, and a date it does not give in full says nothing of the day written;
    a speaker, role or occasion it no longer finds may have been a site's word read as one (海报, 下载).
    """
    items = []
    for key in sorted(override.as_imported):
        written, now = str(override.values[key]), getattr(speech, key)
        if key == "title" and speech.title_derived or not now and key not in CLEARABLE_FIELDS:  # only a speaker, role or occasion may be read as none
            continue
        if re.sub(r"\s+", "", str(now or "")) == re.sub(r"\s+", "", written):
            continue
        said = f"现在的程序读出“{clipped(str(now), 40)}”（{explain.rule(speech.detected_by.get(key))}）" if now else "现在的程序读不出（导入时读到的可能是网页上的字）"
        items.append(ReviewItem(
            "reading-changed", f"kb add 导入时读出的{explain.FIELDS[key]}是“{clipped(written, 40)}”，{said}：对照原件，选一个",
            proposed=(key, str(now or "")),
        ))
    return items


def speech_id(rel_path: str) -> str:
    """A stable ASCII id from the file name: its slug when the name is ASCII, else a short hash."""
    stem = rel_path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    if stem.isascii() and len(re.sub(r"[^a-z0-9]", "", slug)) >= 3:
        slug = slug[:64].strip("-")
        return f"{slug}-speech" if slug in RESERVED_IDS else slug
    return "speech-" + hashlib.sha1(rel_path.encode("utf-8")).hexdigest()[:10]


def _make_ids_unique(speeches: list[Speech], problems: list[Problem]) -> None:
    taken: dict[str, str] = {}
    for speech in sorted(speeches, key=lambda s: s.source.rel_path):
        if speech.id in taken:
            new_id = f"{speech.id}-{hashlib.sha1(speech.source.rel_path.encode()).hexdigest()[:6]}"
            problems.append(Problem(speech.source.rel_path, f"id {speech.id} 已被 {taken[speech.id]} 使用，这篇改用 {new_id}（可在 speeches.yaml 里用 id 指定）"))
            speech.id = new_id
        taken[speech.id] = speech.source.rel_path


def _text_fingerprint(speech: Speech) -> str:
    body = "".join(s.heading + "".join(p.text for p in s.paragraphs) for s in speech.all_sections())
    # Without white space (split() drops what \s matches, four times faster than re.sub).
    return hashlib.sha256("".join(body.split()).encode("utf-8")).hexdigest()
