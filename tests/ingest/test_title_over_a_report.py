"""A bare name over a report's headline — the site's column or masthead (新闻中心, 组织部) — is no part of the title
(issue #32, session 28; round 15's title class in words): a noun of at most four Han characters on its own line right
over a headline the lead retells, never saying the name itself (headline.names_the_page_over_its_headline). A
kicker the lead says again, an issuer over a document's title and a speech's wrapped title keep their lines.
Hand-written pages in several styles."""

from __future__ import annotations

import pytest

from conftest import one_speech


@pytest.mark.parametrize("text, title", [
    pytest.param("新闻中心\n\n某某学院党委书记甲某某讲授“开学第一课”\n\n时间：2024-03-01 浏览：120\n\n"
                 "为落实立德树人根本任务，某某学院党委书记甲某某以“奋斗正当时”为题，讲授春季学期“开学第一课”。\n甲某某勉励同学们坚定理想信念。\n",
                 "某某学院党委书记甲某某讲授“开学第一课”", id="a-colleges-news-centre"),
    pytest.param("组织部\n某某社区党支部开展主题党日活动\n6月28日，某某社区党支部开展“重温入党誓词”主题党日活动，社区党支部书记乙某某出席并讲话。\n",
                 "某某社区党支部开展主题党日活动", id="an-offices-masthead"),
    pytest.param("要闻动态\n全市人才工作座谈会召开\n5月8日，全市人才工作座谈会召开。市委书记丁某某出席会议并讲话。\n",
                 "全市人才工作座谈会召开", id="a-column-of-news"),
])
def test_a_bare_name_over_a_reports_headline_is_the_sites(tmp_path, text, title):
    assert one_speech(tmp_path, text).title == title


@pytest.mark.parametrize("text, title", [
    # the lead says the kicker's words: they are the report's
    pytest.param("乡村振兴\n某县召开乡村振兴推进会\n3月2日，某县召开乡村振兴推进会，县委书记丙某某出席会议并讲话。\n", "某县召开乡村振兴推进会", id="kicker-said-again"),
    # an issuer over its document's title
    pytest.param("中共某某县委\n关于做好换届工作的通知\n各乡镇党委：\n为做好换届工作，现将有关事项通知如下。\n", "关于做好换届工作的通知", id="issuer-over-a-notice"),
    # a speech's title in two lines: no lead retells it
    pytest.param("党建引领\n凝聚基层治理合力\n同志们：\n今天我们召开全区基层治理工作会议，研究部署下一阶段工作。\n", "党建引领 凝聚基层治理合力", id="a-speechs-two-lines"),
])
def test_a_kicker_an_issuer_or_a_wrapped_title_stays(tmp_path, text, title):
    assert one_speech(tmp_path, text).title == title
