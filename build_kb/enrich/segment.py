"""Chinese word segmentation: jieba's dictionary and algorithm, with the project's terms added.

Domain terms such as 基层党组织, 年轻干部 or 组工干部 must come out as one token, or a classifier that
counts 干部 would credit 组工干部 to the cadres theme. The engine is rjieba (jieba-rs, the Rust port
of jieba with the same dictionary: ~15× faster, same tokens — tests/test_segment.py checks that) when
it is installed, else jieba itself.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from ..text import HAN

log = logging.getLogger(__name__)

_HAN_ONLY = re.compile(f"^[{HAN}]+$")
USER_WORD_FREQ = 50_000
"""High enough that a dictionary term wins over the split jieba would otherwise choose."""


def _rjieba_engine(words):
    import rjieba

    engine = rjieba.Jieba()
    for word in words:
        engine.add_word(word, USER_WORD_FREQ, None)
    return lambda text: engine.cut(text, False)


def _jieba_engine(words):
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    for word in words:
        tokenizer.add_word(word, freq=USER_WORD_FREQ)
    return lambda text: list(tokenizer.cut(text, HMM=False))


class Segmenter:
    """Dictionary-only segmentation (no HMM guessing, so results are stable), cached per text."""

    def __init__(self, words: Iterable[str] = (), engine: str = "auto"):
        self.words = tuple(sorted({w for w in words if _HAN_ONLY.match(w) and len(w) >= 2}))
        if engine == "auto":
            try:
                self._cut, self.engine = _rjieba_engine(self.words), "rjieba"
            except ImportError:
                self._cut, self.engine = _jieba_engine(self.words), "jieba"
        else:
            self._cut, self.engine = {"rjieba": _rjieba_engine, "jieba": _jieba_engine}[engine](self.words), engine
        self._cache: dict[str, tuple[str, ...]] = {}

    def cut(self, text: str) -> list[str]:
        """Every token of `text` in order, punctuation and spaces included (they join back into `text`)."""
        return list(self._cut(text))

    def tokens(self, text: str) -> tuple[str, ...]:
        """Words of `text` in order (punctuation and spaces dropped); cached per distinct text."""
        cached = self._cache.get(text)
        if cached is None:
            cached = tuple(t for t in self._cut(text) if t.strip() and not _is_punct(t))
            self._cache[text] = cached
        return cached


def _is_punct(token: str) -> bool:
    return all(not ch.isalnum() for ch in token)
