"""Stage 3 (parse), where a person's name ends: jieba's dictionary and part-of-speech tags as evidence.

A report writes a role, a name and what the person did with no space between them
(镇党委书记易超针对各个支部书记的述职进行了逐一点评, 区委人才工作领导小组要认真学习贯彻习近平总书记重要讲话精神).
A pattern proposes two or three characters after the role; the dictionary says whether they can be a name
and where it ends. The evidence only ever speaks AGAINST a proposed span, so names the dictionary does not
know (冯我占, made-up 王某平) stay what the pattern proposed:

    reader          evidence                                                     gives
    name_at         a dictionary word crosses the span's end (易超针|对 → 针对)   the span cut before that word
                    the span opens with a verb, adjective, adverb, idiom…        None (重要讲话, 指出, 首先, 述职)
                    (a word of two or more characters, tagged v a d p c u r l i,
                    unless a common surname opens a longer span: 陈计|中)

    organs_and_posts  the words before a role's last word                          whether they are organs and posts
                    (no name, verb, preposition, adverb, particle, set phrase)   (为全面贯彻落实习近平总书记: no role)

The tags are jieba.posseg's over jieba's own dictionary (`ingest/words.py`, loaded once and shared with the
headline and layout readers, on the first text that asks).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .parse import COMMON_SURNAMES
from .words import tagger

NAME_WINDOW = 8
"""How much text after a proposed name's start the dictionary reads: the name and the next word or two."""
NOT_A_NAME_TAGS = ("v", "a", "d", "p", "c", "u", "r", "l", "i")
"""Tags (by their first letter) of words that never open a name: verbs (指出, 述职), adjectives (重要), adverbs
(首先, 逐一), prepositions, conjunctions, particles, pronouns, set phrases (重要讲话). Nouns stay possible: 高峰,
文明 and 万里 (tagged m) are names too."""


@lru_cache(maxsize=4096)
def _words(window: str) -> tuple[tuple[str, str], ...]:
    return tuple((w.word, w.flag) for w in tagger().cut(window))


def name_at(text: str, start: int, proposed: str) -> str | None:
    """The name that starts at `start` in `text`, given the span a pattern `proposed` there: the span, cut
    where a dictionary word runs across its end, or None when it opens with a word that is no name.

    >>> name_at("镇党委书记易超针对各个支部书记的述职进行了逐一点评", 5, "易超针")
    '易超'
    >>> name_at("区委书记重要讲话精神", 4, "重要") is None
    True
    >>> name_at("习近平总书记指出：", 6, "指出") is None
    True
    >>> [name_at(t, 0, p) for t, p in (("冯我占进行了点评", "冯我占"), ("褚某刚作了重要讲话", "褚某刚"), ("陈计中主持", "陈计中"))]
    ['冯我占', '褚某刚', '陈计中']
    """
    window = text[start : start + max(NAME_WINDOW, len(proposed) + 4)]
    at, cut = 0, len(proposed)
    for n, (word, flag) in enumerate(_words(window)):
        if n == 0 and len(word) >= 2 and flag[:1] in NOT_A_NAME_TAGS and not (proposed[0] in COMMON_SURNAMES and len(word) < len(proposed)):
            return None  # 重要讲话, 指出, 首先: a word, not a name (陈计|中 is a surname and a name the dictionary splits)
        if at < cut < at + len(word) and len(word) >= 2:
            cut = at  # 易超|针对: the name ends where the word begins
            break
        at += len(word)
        if at >= cut:
            break
    return proposed[:cut] if cut >= 2 else None


ACT_TAGS = ("v", "p", "d")
"""What follows a name in a report: what the person did (进行, 出席), to whom (对, 针对, 在), how (首先, 亲自)."""


def names_an_act(text: str, end: int) -> bool:
    """Whether the words after a name at `end` say what the person did: a verb, a preposition or an adverb
    first (冯我占|进行了点评, 张广智|到安康市调研), or 同志.

    >>> names_an_act("冯我占进行了点评", 3), names_an_act("张广智到安康市调研", 3), names_an_act("王某同志", 2)
    (True, True, True)
    >>> names_an_act("镇党委书记会议室", 5)
    False
    """
    words = _words(text[end : end + NAME_WINDOW])
    return bool(words) and (words[0][1][:1] in ACT_TAGS or words[0][0] == "同志")


NOT_IN_A_ROLE_TAGS = ("p", "c", "u", "d", "i", "l")


def organs_and_posts(role: str) -> bool:
    """Whether the words before a role's last post (the last word, as the dictionary reads it: 组织部长, 组长) read
    as a chain of organs and posts (县委常委、组织, 集团公司党委书记、, 中共中央政治局委员、中央书记处书记、中组部):
    no person's name (习近平总书记 is his title, not a role before another name), no verb, preposition, adverb,
    particle or set phrase (为全面贯彻落实…, …领导小组要认真学习贯彻…: a sentence that happens to end in 书记) of two
    characters or more — one character is an organ's abbreviation (市委人才办, 市委教工委).

    >>> [organs_and_posts(r) for r in ("市政协副主席、区委书记、区委人才工作领导小组组长", "市委常委、组织部部长、市委人才办主任", "市委常委、组织部长")]
    [True, True, True]
    >>> [organs_and_posts(r) for r in ("为全面贯彻落实习近平总书记", "区委人才工作领导小组要认真学习贯彻习近平总书记")]
    [False, False]
    """
    words = _words(role)
    before = ""
    for n, (word, flag) in enumerate(words[:-1]):
        if len(word) >= 2 and (flag[:1] in NOT_IN_A_ROLE_TAGS or flag.startswith("nr") or flag == "v") and not inside_a_units_name(words, n, before) and not a_post_word(word, words, n):
            return False
        before = "" if word in "、，," else before + word
    return True


POST_WORDS_TAGGED_AS_VERBS = re.compile(r"(?:副|原)?(?:参事|主委|理事|监事|督学|干事)")
"""Posts the dictionary reads as verbs (参事 v): in a chain, before 、 or a further post, a post like 主任."""


def a_post_word(word: str, words, n: int) -> bool:
    """Whether a word the dictionary tags as a verb is a post in a chain of posts: one of POST_WORDS_TAGGED_AS_VERBS, with 、
    or the end of the chain after it (省政府参事、原省委…主任; 市委会主委).

    >>> a_post_word("参事", _words("省政府参事、原省委党史研究室主任"), 1), a_post_word("参事", _words("参事会议"), 0)
    (True, False)
    >>> a_post_word("执行", _words("公司党委书记、执行董事"), 3), a_post_word("执行", _words("执行决定"), 0)
    (True, False)
    """
    if word in _A_POSTS_QUALIFIER and n + 1 < len(words) and re.fullmatch(r"董事|监事|总裁|总经理|主任|委员", words[n + 1][0]):
        return True  # 执行|董事, 常务|委员: the dictionary's verb opens the post
    return POST_WORDS_TAGGED_AS_VERBS.fullmatch(word) is not None and (n + 1 == len(words) or words[n + 1][0] in "、，,")


_A_POSTS_QUALIFIER = ("执行", "常务")
"""Words the dictionary reads as verbs that open a post (执行董事, 执行总裁, 常务委员): in a chain, part of the post."""


_JOINS_A_NAME = ("与", "和", "及")
_ENDS_IN_A_POST = re.compile(r"(?:书记|长|主任|委员|常委|主席|负责人|召集人)$")
_LEVEL_ALONE = re.compile(r"(?:中共)?(?:[\u4e00-\u9fff]{1,4}?|某+)?[省市县区镇乡]")
"""A level, perhaps with its place's name (省, 山东省, 某县): what a unit's name may open with."""
_AN_ORGAN = re.compile(r"(?:会议|小组|委员会|办公室)$")


def inside_a_units_name(words: tuple[tuple[str, str], ...], n: int, before: str) -> bool:
    """Whether the n-th of a role's words, which would part what leads to a chain of posts from the chain, stands inside
    the name of a unit instead (`before`: the role's words before it, since the last cut): 与, 和 joining two nouns of a
    name (材料科学|与|工程学院 — after a post, 县委书记|和|…, it parts two people), a verb right after nothing but a level
    (省|快递|行业党委: the province's express-delivery trade), or a body's name the dictionary keeps as a set phrase
    (区域化党建|联席会议|召集人).

    >>> role = "材料科学与工程学院党委书记"
    >>> inside_a_units_name(_words(role), 1, "材料科学"), inside_a_units_name(_words("县委书记和县委副书记"), 1, "县委书记")
    (True, False)
    >>> inside_a_units_name(_words("省快递行业党委书记"), 1, "省"), inside_a_units_name(_words("会议传达学习了省委常委"), 1, "会议")
    (True, False)
    """
    word, flag = words[n]
    following = words[n + 1] if n + 1 < len(words) else ("", "")
    if word in _JOINS_A_NAME:
        previous = words[n - 1] if n else ("", "")
        return previous[1][:1] == "n" and not previous[1].startswith("nr") and not _ENDS_IN_A_POST.search(previous[0]) and following[1][:1] == "n"
    if flag == "l" and _AN_ORGAN.search(word):
        return True
    return len(word) >= 2 and _LEVEL_ALONE.fullmatch(before) is not None and following[1][:1] == "n"


def a_common_word(text: str) -> bool:
    """Whether a "name" of three or four characters is one word the dictionary knows and does not know as a person's
    (项目编号, 招标单位 is two): a listing's or a form's field label, no byline (王志强, 欧阳志远, 张某某 stay).

    >>> [a_common_word(t) for t in ("项目编号", "王志强", "欧阳志远", "张某某", "李明")]
    [True, False, False, False, False]
    """
    if len(text) < 3 or re.search("[某×XxＸ＊*]", text):
        return False
    words = tagger().lcut(text)
    return len(words) == 1 and not words[0].flag.startswith("nr")
