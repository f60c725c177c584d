"""A one-line page whose headline runs into its posting stamp (与时俱进 某某教授阐述… 2002年07月23日 14:21 正文…): the
stamp is taken off as the page's, the headline with it — the title is that headline (title-from-note) and the stamp's day
the posting date, never a title made from the text's first sentence with 讲话： before it (session 30; round 17's class
in words). Hand-written pages."""

from __future__ import annotations

import pytest

from conftest import one_speech

BODY = ("怎样使党章成为增强团结的文件 党章的修改与完善 在1922年7月党的二大通过决议案，宣告第一部党章的正式诞生。"
        "到党的十五大止，党章修改、完善已有13次之多。党章是以全党名义所确认的基本文献，自然受到党内外的特别关注。")


@pytest.mark.parametrize("menu, stamp, title, date", [
    pytest.param("首页 | 新闻大观 | 财经 | 体育 | 图片 | 华人世界 |\n|\n", "与时俱进 某某党校教授阐述党章的修改与完善 2002年07月23日 14:21",
                 "与时俱进 某某党校教授阐述党章的修改与完善", "2002-07-23", id="a-portals-one-line-page"),
    # the next site's: ISO day and seconds, no menu above
    pytest.param("", "某某学者谈党内法规体系建设 2015-03-02 09:15:30", "某某学者谈党内法规体系建设", "2015-03-02", id="iso-day-and-seconds"),
])
def test_the_headline_run_into_its_stamp_is_the_title(tmp_path, menu, stamp, title, date):
    speech = one_speech(tmp_path, f"{menu}{stamp} {BODY}\n")
    assert (speech.title, speech.date) == (title, date)
    assert not speech.title_derived
    assert {"title-from-note", "date-guessed"} <= {item.code for item in speech.review}


def test_a_sources_stamp_names_no_title(tmp_path):
    """Near miss: a source and its stamp (来源：某某网 …) are the page's, no headline."""
    speech = one_speech(tmp_path, f"来源：某某网 2002年07月23日 14:21 {BODY}\n")
    assert "某某网" not in speech.title


def test_a_traditional_one_line_page(tmp_path):
    """The next site's: a traditional-character page, its headline, stamp and deck run together; whether the stamp is
    parted off (title_in_a_posting_stamp) or left at the head of the text (headline_opening_the_text, its doctests),
    the headline is the title and the day the posting date."""
    text = ("首頁 | 新聞 | 財經 | 體育 | 圖片 | 臺灣頻道 | 華人世界 |\n|\n"
            "與時俱進 某某學者談黨內法規體系建設 2015年03月02日 09:15 怎樣使黨內法規成為管黨治黨的重要依據 黨內法規的完善 "
            "黨內法規是管黨治黨的重要依據，要不斷完善黨內法規體系。到目前為止，黨內法規已有多次修訂完善！黨內法規體系是以黨章為根本的制度體系，"
            "自然受到黨內外的特別關注。今年是第一部黨章誕生80周年。\n")
    speech = one_speech(tmp_path, text)
    assert (speech.title.replace(" ", ""), speech.date) == ("与时俱进某某学者谈党内法规体系建设", "2015-03-02")
    assert "title-from-note" in {item.code for item in speech.review}
