"""Stage 4c — enrich with links between speeches: related passages and related speeches.

TF-IDF over segmented words, cosine similarity, computed as sparse matrix products in row chunks so
that 50,000 sections never need an all-pairs Python loop nor a 50,000² dense matrix.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np
from scipy import sparse

from .model import Link, Section, Speech

SECTION_THRESHOLD = 0.30
"""Below this cosine a passage is not shown as related: a shared phrase or two is not kinship."""
SPEECH_THRESHOLD = 0.30
TOP_K = 3
MIN_SECTION_CHARS = 60
CHUNK = 512
_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")
STOPWORDS = frozenset(
    "我们 你们 他们 同志 同志们 进一步 一定 工作 方面 问题 要求 坚持 加强 推进 推动 全面 深入 不断 切实 各级 今年 目前 当前 "
    "以及 通过 进行 实现 没有 这个 这些 一些 重要 有效 积极 充分 认真 做好 抓好 提高 提升 强化 落实 开展 建设 发展 工作者".split()
)


def _words(text: str, segment) -> Counter:
    return Counter(w for w in segment(text) if _WORD.match(w) and w not in STOPWORDS)


def tfidf(docs: list[Counter]) -> sparse.csr_matrix:
    """Rows: documents, L2-normalised sublinear TF-IDF (float32).

    Words found in one document only are counted in each row's norm but left out of the matrix: they
    cannot make two documents alike, and leaving them out makes the products much cheaper.
    """
    vocab: dict[str, int] = {}
    df: Counter = Counter()
    for doc in docs:
        df.update(doc.keys())
    for word in sorted(df):
        vocab[word] = len(vocab)
    n = len(docs)
    idf = {w: math.log((1 + n) / (1 + df[w])) + 1 for w in vocab}
    rows, cols, vals = [], [], []
    norms = np.ones(n, dtype=np.float64)
    for i, doc in enumerate(docs):
        squares = 0.0
        for word, count in doc.items():
            weight = (1 + math.log(count)) * idf[word]
            squares += weight * weight
            if df[word] > 1:
                rows.append(i)
                cols.append(vocab[word])
                vals.append(weight)
        norms[i] = math.sqrt(squares) or 1.0
    matrix = sparse.csr_matrix((np.array(vals, dtype=np.float32), (rows, cols)), shape=(n, len(vocab)))
    return sparse.diags((1 / norms).astype(np.float32)) @ matrix


def top_similar(matrix: sparse.csr_matrix, groups: np.ndarray, k: int, threshold: float) -> list[list[tuple[int, float]]]:
    """For each row, the k most similar rows of *other* groups with cosine ≥ threshold."""
    n = matrix.shape[0]
    result: list[list[tuple[int, float]]] = []
    transposed = matrix.T.tocsc()
    for start in range(0, n, CHUNK):
        block = (matrix[start:start + CHUNK] @ transposed).toarray()
        rows = np.arange(start, min(n, start + CHUNK))
        block[groups[rows][:, None] == groups[None, :]] = 0
        for offset in range(block.shape[0]):
            scores = block[offset]
            if k < n:
                candidates = np.argpartition(-scores, min(k, n - 1))[:k]
            else:
                candidates = np.arange(n)
            ranked = sorted(((int(j), float(scores[j])) for j in candidates if scores[j] >= threshold), key=lambda x: (-x[1], x[0]))
            result.append(ranked[:k])
    return result


def subtree_words(section: Section, segment, memo: dict[int, Counter]) -> Counter:
    """Words of a section and all its subsections (each text segmented once, then added up)."""
    key = id(section)
    if key not in memo:
        words = _words(section.heading, segment)
        for p in section.paragraphs:
            words.update(_words(p.text, segment))
        for child in section.children:
            words.update(subtree_words(child, segment, memo))
        memo[key] = words
    return memo[key]


def subtree_size(section: Section) -> int:
    return sum(len(s.heading) + sum(len(p.text) for p in s.paragraphs) for s in section.walk())


def link_related(speeches: list[Speech], segment) -> tuple[dict[tuple[str, str], list[Link]], dict[str, list[Link]]]:
    """(speech id, section id) → related passages elsewhere; speech id → related speeches."""
    memo: dict[int, Counter] = {}
    units: list[tuple[int, Section]] = []
    for index, speech in enumerate(speeches):
        for section in speech.all_sections():
            if section.kind == "body" and subtree_size(section) >= MIN_SECTION_CHARS:
                units.append((index, section))
    section_links: dict[tuple[str, str], list[Link]] = {}
    if len(units) > 1:
        matrix = tfidf([subtree_words(s, segment, memo) for _, s in units])
        groups = np.array([i for i, _ in units])
        for (i, section), similar in zip(units, top_similar(matrix, groups, TOP_K, SECTION_THRESHOLD)):
            if similar:
                section_links[(speeches[i].id, section.id)] = [
                    Link(speeches[units[j][0]].id, units[j][1].id, round(score, 3)) for j, score in similar
                ]
    speech_links: dict[str, list[Link]] = {}
    if len(speeches) > 1:
        matrix = tfidf([sum((subtree_words(s, segment, memo) for s in sp.sections), Counter()) for sp in speeches])
        groups = np.arange(len(speeches))
        for i, similar in enumerate(top_similar(matrix, groups, TOP_K, SPEECH_THRESHOLD)):
            if similar:
                speech_links[speeches[i].id] = [Link(speeches[j].id, None, round(score, 3)) for j, score in similar]
    return section_links, speech_links
