"""jieba's plain dictionary, loaded once for the readers of stage 2–3 that ask it about words.

Three readers ask: where a person's name ends (`names.py`, with part-of-speech tags), whether a title's
part is a column label or a headline (`headline.py`, tags), and whether a word runs across a line break
(`layout.py`, words only). Loading the dictionary costs about a second and tens of MB, so they share one
jieba Tokenizer, the tagger built on it. It is jieba's own dictionary without the project's terms
(`enrich/segment.py` adds those for the themes and the search): these readers want the language's
words, not the taxonomy's.
"""

from __future__ import annotations

import logging
from functools import lru_cache


@lru_cache(maxsize=1)
def tagger():
    """jieba.posseg's tagger over the shared Tokenizer (its `.tokenizer`)."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg.POSTokenizer(jieba.Tokenizer())


def tokenizer():
    """The shared jieba Tokenizer: words without tags."""
    return tagger().tokenizer
