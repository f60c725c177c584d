"""Chinese word segmentation: jieba with a user dictionary made from the taxonomy and glossary.

Domain terms such as 基层党组织, 年轻干部 or 组工干部 must come out as one token, or a classifier that
counts 干部 would credit 组工干部 to the cadres theme.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

log = logging.getLogger(__name__)

_HAN_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")
USER_WORD_FREQ = 50_000
"""High enough that a dictionary term wins over the split jieba would otherwise choose."""


class Segmenter:
    """A jieba tokenizer of its own (never jieba's global one), with the project's terms added."""

    def __init__(self, words: Iterable[str] = ()):
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self._tokenizer = jieba.Tokenizer()
        self.words = tuple(sorted({w for w in words if _HAN_ONLY.match(w) and len(w) >= 2}))
        for word in self.words:
            self._tokenizer.add_word(word, freq=USER_WORD_FREQ)
        self._cache: dict[str, tuple[str, ...]] = {}

    def tokens(self, text: str) -> tuple[str, ...]:
        """Words of `text` in order (punctuation and spaces dropped); cached per distinct text."""
        cached = self._cache.get(text)
        if cached is None:
            cached = tuple(t for t in self._tokenizer.cut(text, HMM=False) if t.strip() and not _is_punct(t))
            self._cache[text] = cached
        return cached


def _is_punct(token: str) -> bool:
    return all(not ch.isalnum() for ch in token)
