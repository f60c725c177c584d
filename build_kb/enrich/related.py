"""Stage 4c — enrich with links between speeches: related passages and related speeches.

TF-IDF over segmented words, cosine similarity, computed as sparse matrix products in row chunks so
that 50,000 sections never need an all-pairs Python loop nor a 50,000² dense matrix.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Callable

import numpy as np
from scipy import sparse

from ..memory import give_back_freed_memory
from ..model import Link, Section, Speech
from ..text import HAN

SECTION_THRESHOLD = 0.30
"""Below this cosine a passage is not shown as related: a shared phrase or two is not kinship."""
SPEECH_THRESHOLD = 0.30
TOP_K = 3
SCORE_DIGITS = 2
"""A link's score (kb.json) is the cosine to this many decimals. Adding or deleting one speech moves
every cosine by a few thousandths (each word's weight depends on how many sections use it): with
three decimals, 555 of 1,000 speeches' export files changed for one speech deleted elsewhere; with
two, 140 (76 of them because their related passages changed)."""
MIN_SECTION_CHARS = 60
CHUNK = 1024
EXACT_UP_TO = 3000
ROW_TERMS = 16
POSTINGS = 80
CANDIDATES = 12
WORDS_AT_ONCE = 1_000_000
_SLICE = 2_000_000
"""Word entries handled at a time by tfidf's temporary arrays."""
_DOCS_AT_ONCE = 1024
"""Documents tfidf_read asks for at a time while it learns their lengths."""
DENSE_COLUMNS = 2048
"""Columns multiplied densely at a time by _top_exact: 3,000 rows × 2,048 columns is 24 MB."""
_WORD = re.compile(f"^[{HAN}]{{2,}}$")
STOPWORDS = frozenset(
    "我们 你们 他们 同志 同志们 进一步 一定 工作 方面 问题 要求 坚持 加强 推进 推动 全面 深入 不断 切实 各级 今年 目前 当前 "
    "以及 通过 进行 实现 没有 这个 这些 一些 重要 有效 积极 充分 认真 做好 抓好 提高 提升 强化 落实 开展 建设 发展 工作者".split()
)


def _words(text: str, segment) -> Counter:
    return Counter(w for w in segment(text) if _WORD.match(w) and w not in STOPWORDS)


WORD_COUNTS = np.dtype([("word", "<u8"), ("count", "<u4")])
"""A section's words as packed (64-bit hash of the word, count) pairs sorted by hash: a tenth of the
memory of a dict of strings, and turned into a matrix by numpy alone (no loop over words)."""


def word_hash(word: str) -> int:
    """A stable 64-bit hash (Python's own changes between runs); collisions are about 1 in 10¹⁰ here."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def pack_words(counts: Counter) -> bytes:
    packed = np.array([(word_hash(w), c) for w, c in counts.items()], dtype=WORD_COUNTS)
    return np.sort(packed, order="word").tobytes()


def merge_words(parts: list[bytes]) -> bytes:
    """Packed word counts added up."""
    merged = np.concatenate([np.frombuffer(p, dtype=WORD_COUNTS) for p in parts]) if parts else np.zeros(0, WORD_COUNTS)
    words, inverse = np.unique(merged["word"], return_inverse=True)
    out = np.zeros(len(words), dtype=WORD_COUNTS)
    out["word"] = words
    out["count"] = np.bincount(inverse.ravel(), weights=merged["count"], minlength=len(words)).astype(np.uint32)
    return out.tobytes()


def tfidf(docs: list[bytes]) -> sparse.csr_matrix:
    """Rows: documents (packed word counts), L2-normalised sublinear TF-IDF (float32); see tfidf_read."""
    return tfidf_read(len(docs), lambda first, last: docs[first:last])


def tfidf_read(n: int, read: Callable[[int, int], list[bytes]]) -> sparse.csr_matrix:
    """tfidf of n documents, read a range at a time (`read(first, last)`, twice over, in order):
    the documents need not all be held at once.

    Words found in one document only are counted in each row's norm but left out of the matrix: they
    cannot make two documents alike, and leaving them out makes the products much cheaper.

    At 10,000 speeches the sections hold 18 million word entries, so this works column by column,
    in place, and a slice at a time, holding about 20 bytes an entry (numpy's one-call forms held
    50: 0.9 GB). Each document's words are sorted by hash, and so are the vocabulary's columns,
    which makes the entries a CSR matrix as they are.
    """
    # First reading: each document's length, and the vocabulary, merged in a batch at a time (all
    # the corpus's word hashes at once, and numpy's sorted copy of them, were the peak of the whole
    # build at 10,000 speeches).
    lengths = np.zeros(n, dtype=np.int64)
    vocabulary = np.zeros(0, np.uint64)
    batch: list[np.ndarray] = []
    in_batch = 0
    for first in range(0, n, _DOCS_AT_ONCE):
        for offset, doc in enumerate(read(first, min(n, first + _DOCS_AT_ONCE))):
            words = np.frombuffer(doc, dtype=WORD_COUNTS)["word"]
            lengths[first + offset] = len(words)
            batch.append(words)
            in_batch += len(words)
            if in_batch >= _SLICE:
                vocabulary, batch, in_batch = np.union1d(vocabulary, np.concatenate(batch)), [], 0
    if batch:
        vocabulary = np.union1d(vocabulary, np.concatenate(batch))
    del batch
    starts = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    slices = list(_row_slices(starts))
    # Second reading: each entry's column and count, a slice at a time.
    cols = np.empty(int(starts[-1]), dtype=np.int32)
    weights = np.empty(int(starts[-1]), dtype=np.float32)
    for first, last in slices:
        if last > first:
            entries = np.concatenate([np.frombuffer(doc, dtype=WORD_COUNTS) for doc in read(first, last)])
            cols[starts[first] : starts[last]] = np.searchsorted(vocabulary, entries["word"])
            weights[starts[first] : starts[last]] = entries["count"]
            del entries
    df = np.bincount(cols, minlength=len(vocabulary))
    idf = (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)
    np.log(weights, out=weights)
    weights += 1
    shared = np.empty(len(cols), dtype=bool)
    per_row = np.zeros(n, dtype=np.int64)
    for first, last in slices:  # whole rows at a time, so each row's norm is summed as one
        lo, hi = starts[first], starts[last]
        row_of = np.repeat(np.arange(last - first, dtype=np.int32), lengths[first:last])
        part = weights[lo:hi]
        part *= idf[cols[lo:hi]]
        norms = np.sqrt(np.bincount(row_of, weights=np.square(part), minlength=last - first))
        norms[norms == 0] = 1
        part /= np.repeat(norms.astype(np.float32), lengths[first:last])
        shared[lo:hi] = df[cols[lo:hi]] > 1
        per_row[first:last] = np.bincount(row_of[shared[lo:hi]], minlength=last - first)
    part = None  # a view of weights, which is resized below
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(per_row, out=indptr[1:])
    # The shared entries moved to the front in place, a slice at a time, and the arrays cut to them:
    # selecting them into new arrays held both copies at once.
    kept = 0
    for first, last in slices:
        lo, hi = starts[first], starts[last]
        keep = shared[lo:hi]
        count = int(indptr[last] - indptr[first])
        weights[kept : kept + count] = weights[lo:hi][keep]
        cols[kept : kept + count] = cols[lo:hi][keep]
        kept += count
    del shared
    weights.resize(kept, refcheck=False)
    cols.resize(kept, refcheck=False)
    return sparse.csr_matrix((weights, cols, indptr), shape=(n, len(df)))


def _row_slices(starts: np.ndarray):
    """(first, last) row ranges covering all rows, each holding about _SLICE entries (a longer row
    alone); `starts` are the rows' first entries, with the total at the end."""
    n = len(starts) - 1
    first = 0
    while first < n:
        last = min(n, max(first + 1, int(np.searchsorted(starts, starts[first] + _SLICE, side="right")) - 1))
        yield first, last
        first = last


def top_similar(matrix: sparse.csr_matrix, groups: np.ndarray, k: int, threshold: float) -> list[list[tuple[int, float]]]:
    """For each row, the k most similar rows of *other* groups with cosine ≥ threshold.

    Candidates come from a pruned product: each row's ROW_TERMS heaviest words against, for each
    word, the POSTINGS documents where it weighs most. That costs at most N × ROW_TERMS × POSTINGS,
    linear in the corpus. The best CANDIDATES of each row are then scored exactly, with every word.
    """
    n = matrix.shape[0]
    if n <= EXACT_UP_TO:  # small enough to compare everything with everything
        return _top_exact(matrix, groups, k, threshold)
    distinctive = _top_per_row(matrix, ROW_TERMS)
    transposed = _top_per_column(matrix, POSTINGS)
    pair_i: list[np.ndarray] = []
    pair_j: list[np.ndarray] = []
    for start in range(0, n, CHUNK):
        block = (distinctive[start:start + CHUNK] @ transposed).tocsr()
        chunk_i: list[np.ndarray] = []
        chunk_j: list[np.ndarray] = []
        for row in range(block.shape[0]):
            i = start + row
            lo, hi = block.indptr[row], block.indptr[row + 1]
            cols, vals = block.indices[lo:hi], block.data[lo:hi]
            keep = groups[cols] != groups[i]
            cols, vals = cols[keep], vals[keep]
            if len(cols) > CANDIDATES:
                cols = cols[_largest(cols, vals, CANDIDATES)]
            chunk_i.append(np.full(len(cols), i))
            chunk_j.append(cols)
        if chunk_i:  # one array per chunk: one per row were 400,000 arrays at 10,000 speeches
            pair_i.append(np.concatenate(chunk_i))
            pair_j.append(np.concatenate(chunk_j))
    result: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    if not pair_i:
        return result
    rows_i, rows_j = np.concatenate(pair_i), np.concatenate(pair_j)
    if not len(rows_i):
        return result
    # Scored a slice of pairs at a time: the two row selections hold the pairs times the words per
    # row (4 GB at 10,000 speeches when done at once), so a slice holds about WORDS_AT_ONCE words.
    step = max(1, WORDS_AT_ONCE // max(1, matrix.nnz // max(1, n)))
    exact = np.concatenate([
        np.asarray(matrix[rows_i[at:at + step]].multiply(matrix[rows_j[at:at + step]]).sum(axis=1)).ravel()
        for at in range(0, len(rows_i), step)
    ]).astype(np.float64)
    # The k best of each row (closest first, then the lower row number), chosen in numpy: as Python
    # lists the 2.4 million scored pairs of 10,000 speeches took 0.3 GB.
    above = exact >= threshold
    rows_i, rows_j, exact = rows_i[above], rows_j[above], exact[above]
    order = np.lexsort((rows_j, -exact, rows_i))
    rows_i, rows_j, exact = rows_i[order], rows_j[order], exact[order]
    first_of_row = np.maximum.accumulate(np.where(np.r_[True, rows_i[1:] != rows_i[:-1]], np.arange(len(rows_i)), 0))
    best = np.arange(len(rows_i)) - first_of_row < k
    for i, j, score in zip(rows_i[best].tolist(), rows_j[best].tolist(), exact[best].tolist()):
        result[i].append((j, score))
    return result


def _top_exact(matrix: sparse.csr_matrix, groups: np.ndarray, k: int, threshold: float) -> list[list[tuple[int, float]]]:
    """top_similar by the full all-pairs product, for n ≤ EXACT_UP_TO rows.

    A sparse product spends its time on the words most documents share (each adds df² pairs), so
    those columns are multiplied as dense blocks (BLAS) and only the rarer ones as sparse: the same
    sums, eight times faster at 1,000 speeches.
    """
    n = matrix.shape[0]
    columns = matrix.tocsc()
    df = np.diff(columns.indptr)
    common = np.flatnonzero(df > max(2, n // 50))
    rare = columns[:, np.flatnonzero(df <= max(2, n // 50))].tocsr()
    scores = (rare @ rare.T).toarray().astype(np.float32)
    for at in range(0, len(common), DENSE_COLUMNS):
        block = columns[:, common[at:at + DENSE_COLUMNS]].toarray()
        scores += block @ block.T
    result: list[list[tuple[int, float]]] = []
    for i in range(n):
        row = scores[i]
        candidates = np.flatnonzero((row >= threshold) & (groups != groups[i]))
        best = candidates[np.lexsort((candidates, -row[candidates]))][:k]
        result.append([(int(j), float(row[j])) for j in best])
    return result


def _largest(cols: np.ndarray, vals: np.ndarray, keep: int) -> np.ndarray:
    """Where the `keep` largest of `vals` are (len(vals) > keep), equal values taken by the lower
    column. Near-copies of one passage weigh the same: argpartition took some of them by where
    they happened to lie, so that one speech added or deleted anywhere moved the rows and changed
    the related passages of 300 pages in 1,000 speeches (76 with this rule)."""
    kth = np.partition(vals, len(vals) - keep)[len(vals) - keep]
    above = np.flatnonzero(vals > kth)
    tied = np.flatnonzero(vals == kth)
    return np.concatenate([above, tied[np.argsort(cols[tied], kind="stable")][: keep - len(above)]])


def _top_per_column(matrix: sparse.csr_matrix, keep: int) -> sparse.csr_matrix:
    """The transposed matrix with only the `keep` largest values of each row (the original's
    columns), made a block of columns at a time: the whole transposed copy was the related
    stage's peak at 10,000 speeches."""
    blocks = max(1, math.ceil(matrix.nnz / _SLICE))
    bounds = np.linspace(0, matrix.shape[1], blocks + 1).astype(np.int64)
    return sparse.vstack(
        [_top_per_row(matrix[:, lo:hi].T.tocsr(), keep) for lo, hi in zip(bounds[:-1], bounds[1:])], format="csr"
    )


def _top_per_row(matrix: sparse.csr_matrix, keep: int) -> sparse.csr_matrix:
    """The same matrix with only the `keep` largest values of each row."""
    matrix = matrix.tocsr()
    indptr, indices, data = [0], [], []
    for row in range(matrix.shape[0]):
        lo, hi = matrix.indptr[row], matrix.indptr[row + 1]
        cols, vals = matrix.indices[lo:hi], matrix.data[lo:hi]
        if len(vals) > keep:
            top = _largest(cols, vals, keep)
            cols, vals = cols[top], vals[top]
        indices.append(cols)
        data.append(vals)
        indptr.append(indptr[-1] + len(cols))
    return sparse.csr_matrix(
        (np.concatenate(data) if data else np.zeros(0, np.float32), np.concatenate(indices) if indices else np.zeros(0, np.int32), indptr),
        shape=matrix.shape,
    )


def subtree_words(section: Section, segment) -> bytes:
    """Packed word counts of a section and all its subsections (each text segmented once).

    The result is kept on the section (`section.words`), so cached speeches bring it along.
    """
    if section.words is None:
        own = _words(section.heading, segment)
        for p in section.paragraphs:
            own.update(_words(p.text, segment))
        section.words = merge_words([pack_words(own), *(subtree_words(child, segment) for child in section.children)])
    return section.words


def let_words_go(speech: Speech | None) -> None:
    """The sections' word counts, dropped from the speech (the speech cache keeps them)."""
    for section in speech.all_sections() if speech is not None else []:
        section.words = None


def subtree_size(section: Section) -> int:
    return sum(len(s.heading) + sum(len(p.text) for p in s.paragraphs) for s in section.walk())


StoredWords = Callable[[Speech], "list[bytes | None] | None"]
"""A speech's sections' word counts (in all_sections order) kept outside the knowledge base (the
build's speech cache), or None when they cannot be had."""


def link_related(
    speeches: list[Speech], segment, stored_words: StoredWords | None = None
) -> tuple[dict[tuple[str, str], list[Link]], dict[str, list[Link]]]:
    """(speech id, section id) → related passages elsewhere; speech id → related speeches.

    The sections' word counts are the sections' own (`section.words`), or read with `stored_words`
    a speech at a time when the build keeps them on disk; missing ones are counted again."""
    units: list[tuple[int, Section, int]] = []
    """(speech index, section, its place in the speech's all_sections)"""
    for index, speech in enumerate(speeches):
        for place, section in enumerate(speech.all_sections()):
            if section.kind == "body" and subtree_size(section) >= MIN_SECTION_CHARS:
                units.append((index, section, place))
    words = _SpeechWords(speeches, segment, stored_words)
    section_links: dict[tuple[str, str], list[Link]] = {}
    if len(units) > 1:
        matrix = tfidf_read(len(units), lambda first, last: [words.of_section(i, section, place) for i, section, place in units[first:last]])
        groups = np.array([i for i, _, _ in units])
        for (i, section, _), similar in zip(units, top_similar(matrix, groups, TOP_K, SECTION_THRESHOLD)):
            if similar:
                section_links[(speeches[i].id, section.id)] = [
                    Link(speeches[units[j][0]].id, units[j][1].id, round(score, SCORE_DIGITS)) for j, score in similar
                ]
        del matrix  # before the speeches' matrix is made: the two were the related stage's peak
    docs = [words.of_speech(i) for i in range(len(speeches))] if len(speeches) > 1 else []
    # The sections' word counts have served (the cache keeps them): let go before the speeches'
    # matrix, the stage's peak, and for the stages that follow (a third of the corpus's memory).
    words.forget()
    for speech in speeches:
        let_words_go(speech)
    give_back_freed_memory()
    speech_links: dict[str, list[Link]] = {}
    if docs:
        matrix = tfidf(docs)
        del docs
        groups = np.arange(len(speeches))
        for i, similar in enumerate(top_similar(matrix, groups, TOP_K, SPEECH_THRESHOLD)):
            if similar:
                speech_links[speeches[i].id] = [Link(speeches[j].id, None, round(score, SCORE_DIGITS)) for j, score in similar]
    return section_links, speech_links


HELD_WORDS_BYTES = 32_000_000
"""Stored word counts kept in memory once read, up to this many bytes (the 1,000-speech bench corpus
has 23.5 MB): each speech's are asked for three times (the two readings of the sections, then the
speech), and reading them again from the cache was a sixth of the stage in a rebuild. Beyond that
(10,000 speeches: a quarter of a gigabyte) they are read again each time: a larger allowance would
be held through the section matrix, close to the build's peak, where 10,000 speeches have little
memory to spare."""


class _SpeechWords:
    """Word counts of sections and speeches, from the sections themselves or, when they are kept
    on disk, read one speech at a time (the speech last read is held: units come in speech order;
    and all of them while they fit in HELD_WORDS_BYTES)."""

    def __init__(self, speeches: list[Speech], segment, stored_words: StoredWords | None):
        self.speeches, self.segment, self.stored_words = speeches, segment, stored_words
        self._index, self._stored = -1, None
        self._held: dict[int, list | None] = {}
        self._held_bytes = 0

    def _stored_of(self, index: int) -> list | None:
        if self.stored_words is None:
            return None
        if index != self._index:
            if index in self._held:
                stored = self._held[index]
            else:
                stored = self.stored_words(self.speeches[index])
                size = sum(len(words) for words in stored or () if words is not None)
                if self._held_bytes + size <= HELD_WORDS_BYTES:
                    self._held[index] = stored
                    self._held_bytes += size
            self._index, self._stored = index, stored
        return self._stored

    def of_section(self, index: int, section: Section, place: int) -> bytes:
        stored = self._stored_of(index)
        if section.words is None and stored is not None and stored[place] is not None:
            return stored[place]
        return subtree_words(section, self.segment)

    def of_speech(self, index: int) -> bytes:
        speech = self.speeches[index]
        parts, place = [], 0
        for top in speech.sections:
            parts.append(self.of_section(index, top, place))
            place += sum(1 for _ in top.walk())
        return merge_words(parts)

    def forget(self) -> None:
        self._index, self._stored, self._held, self._held_bytes = -1, None, {}, 0
