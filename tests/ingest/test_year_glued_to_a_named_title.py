"""A year glued before a title without 年 is a site's tag (2024县委书记在…的讲话: taken off, the year kept as the date) —
unless the page's own note names the piece with that year in quotes (下面是小编整理的“2021团支部上半年工作总结”): then
the year is the title's own word (session 30; round 17's class in words). Hand-written pages."""

from __future__ import annotations

from conftest import one_speech

BODY = ("一、团支部换届\n三月份，团支部完成了换届工作，新一届委员正式上任。\n二、发展新团员\n四月份，我们进行了发展新团员的工作。\n")


def test_a_year_the_pages_note_quotes_with_the_title_stays_in_it(tmp_path):
    text = ("2021年的上半年过去了，团支部也对上半年的工作进行了总结。下面是由某某网小编为大家整理的“2021团支部上半年工作总结”，"
            "仅供参考，欢迎大家阅读。\n2021团支部上半年工作总结【一】\n" + BODY)
    speech = one_speech(tmp_path, text)
    assert (speech.title, speech.year) == ("2021团支部上半年工作总结", 2021)


def test_a_year_tag_no_note_names_stays_off(tmp_path):
    """Near miss: no line of the page names the title with its year: the glued year is the site's tag."""
    speech = one_speech(tmp_path, "2021团支部上半年工作总结\n" + BODY)
    assert (speech.title, speech.year) == ("团支部上半年工作总结", 2021)
