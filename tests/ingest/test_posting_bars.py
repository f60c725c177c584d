"""A document library's fact line of the day it was posted (- 2021-05-07 发布) is a labelled posting; a stamp beside a
site's links is not, nor does a posting day replace a title's own year; an anniversary said in a clause coordinated with
今年是 gives the year (session 30; round 17's date classes in words). Hand-written pages."""

from __future__ import annotations

import pytest

from conftest import one_speech

BODY = "同志们：\n今天召开这次会议，主要任务是总结工作、部署任务。\n一、提高认识\n要把思想统一到上级的部署上来，切实增强责任感。\n"


@pytest.mark.parametrize("bar", [
    pytest.param("- 2021-05-07 发布", id="library-fact-posted"),
    # the next site's: the day in words, a clock, another word for posting
    pytest.param("2021年5月7日 14:20 上传", id="uploaded-with-a-clock"),
])
def test_a_librarys_fact_line_of_the_day_it_was_posted_is_the_posting(tmp_path, bar):
    text = f"关于加强组织委员队伍建设的几点思考\n{bar}\n{BODY}"
    speech = one_speech(tmp_path, text)
    assert speech.date == "2021-05-07"
    assert speech.date_source == "posting"
    assert any(item.code == "date-guessed" for item in speech.review)


@pytest.mark.parametrize("bar", [
    pytest.param("2024-04-06", id="a-date-alone"),
    # a stamp beside the site's links dates a collection's page, not its piece (decided before: tests/eval)
    pytest.param("2024-08-19 版权声明 我要投稿", id="a-stamp-beside-links"),
])
def test_a_stamp_that_says_no_posting_dates_nothing(tmp_path, bar):
    text = f"关于加强组织委员队伍建设的几点思考\nVIP专享\n{bar}\n18.44KB\n{BODY}"
    assert one_speech(tmp_path, text).date is None


def test_a_titles_year_alone_stands_over_the_posting_day(tmp_path):
    """The posting day of a site of model texts is when someone uploaded it: the title's year stands, no day."""
    text = f"当前位置：首页 > 讲话稿 > 2023年在全县人才工作座谈会上讲话\n2023年在全县人才工作座谈会上讲话\n发布时间: 2023-06-12 09:10:11 来源:网友投稿\n{BODY}"
    speech = one_speech(tmp_path, text)
    assert (speech.date, speech.year) == (None, 2023)


def test_an_anniversary_in_a_clause_coordinated_with_this_year(tmp_path):
    text = ("切实做好后备干部队伍建设工作\n——某某党组织工作会议在某地召开\n"
            "某某党中央主席甲某某在开幕式上作了讲话。甲主席指出，今年是某某口号发布60周年，也是改革开放30周年，"
            "我们伟大的祖国发生了巨大的变化。\n甲主席强调，要切实加强后备干部队伍建设。\n")
    speech = one_speech(tmp_path, text)
    assert speech.year == 2008
