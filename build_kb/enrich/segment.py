"""Chinese word segmentation: jieba's dictionary and algorithm, with the project's terms added.

Domain terms such as 基层党组织, 年轻干部 or 组工干部 must come out as one token, or a classifier that
counts 干部 would credit 组工干部 to the cadres theme. The engine is rjieba (jieba-rs, the Rust port
of jieba with the same dictionary: ~15× faster, same tokens — tests/enrich/test_segment.py checks that)
when it is installed, else jieba itself.

jieba scores a split of a run of characters by Σ log(freq(word) / total), total being the sum of every
dictionary frequency. Adding a user word the plain way raises that total, and a larger total makes every
extra token dearer, so longer words win ELSEWHERE: adding 入党积极分子 once turned 理想信念 and 增强党性
into single tokens in texts that do not contain it. So the total is held at a fixed number
(dictionary_total()) whatever the user words are: a text's tokens then depend only on the words that occur
in it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from ..text import HAN

log = logging.getLogger(__name__)

_HAN_ONLY = re.compile(f"^[{HAN}]+$")
USER_WORD_FREQ = 50_000
"""High enough that a dictionary term wins over the split jieba would otherwise choose."""
USER_WORDS_ROOM = 16_000_000
"""What the user words may add to jieba's own total: themes.yaml and glossary.yaml use 11.6 million of it
(2026-12), so some 90 more new words fit before the slower jieba engine takes over."""
BALANCE_WORD = "\ue000\ue001"
"""rjieba's total can only be set by adding words: this one takes up the room the user words leave. It is
made of private-use characters, which jieba never puts in a run it segments, so it can never be a token."""


@lru_cache(maxsize=1)
def _jieba_dictionary() -> tuple[dict[str, str], int]:
    """jieba's own dictionary (word → frequency, as text) and its total, as both engines load it."""
    text = resources.files("jieba").joinpath("dict.txt").read_text(encoding="utf-8")
    entries = re.findall(r"^(\S+) (\d+)", text, re.MULTILINE)  # "word freq [tag]"
    return dict(entries), sum(int(freq) for _, freq in entries)  # a word listed twice counts twice in the total


def dictionary_total() -> int:
    """The fixed total both engines score with: jieba's own plus the room for user words."""
    return _jieba_dictionary()[1] + USER_WORDS_ROOM


class NoRoom(ValueError):
    """The user words add more than USER_WORDS_ROOM to rjieba's total (the jieba engine is used then)."""


def _rjieba_engine(words):
    import rjieba

    engine = rjieba.Jieba()
    freqs, total = _jieba_dictionary()
    for word in words:
        engine.add_word(word, USER_WORD_FREQ, None)
        total += USER_WORD_FREQ - int(freqs.get(word, 0))  # rjieba replaces a known word's frequency in its total
    balance = dictionary_total() - total
    if balance < 0:
        raise NoRoom(f"{len(words)} 个用户词比 USER_WORDS_ROOM 多用了 {-balance} 的词频")
    if balance:
        engine.add_word(BALANCE_WORD, balance, None)
    return lambda text: engine.cut(text, False)


def _jieba_engine(words):
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()  # it would load its dictionary (and total) lazily, over the total set below
    for word in words:
        tokenizer.add_word(word, freq=USER_WORD_FREQ)
    tokenizer.total = dictionary_total()  # jieba adds every new frequency to it; hold it fixed (see above)
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
            except NoRoom as reason:
                log.info("分词改用 jieba：%s", reason)
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
