"""A meeting a headline names by its holder's place while the report names it by 全X (issue #32, session 28; round 15's
class in words: parse.names_it_more_fully). Hand-written pages."""

from __future__ import annotations

import pytest

from conftest import one_speech


@pytest.mark.parametrize("text, occasion", [
    pytest.param("某某县召开村级后备力量培养工作推进会\n9月6日，县委召开全县村级后备力量培养工作推进会，县委书记甲某某出席会议并讲话。\n",
                 "全县村级后备力量培养工作推进会", id="county-for-whole-county"),
    pytest.param("某某区召开基层党建工作推进会\n3月6日，区委召开全区基层党建工作推进会。区委书记乙某某出席会议并讲话。\n",
                 "全区基层党建工作推进会", id="district-for-whole-district"),
    # the report's 全市 is another level than the headline's county: the headline's name stays
    pytest.param("某某县召开人才工作推进会\n5月6日，某某县召开全市人才工作推进会分会场会议。县委书记丙某某出席会议并讲话。\n",
                 "某某县人才工作推进会", id="another-level-stays"),
])
def test_the_reports_whole_name_wins_over_the_holders_place(tmp_path, text, occasion):
    assert one_speech(tmp_path, text).occasion == occasion


@pytest.mark.parametrize("text, occasion", [
    # an enterprise's report without a day names its meeting only as what was chaired, a bare kind
    pytest.param("公司领导班子成员和获奖代表九十多人出席。\n表彰大会由副总经理乙某某主持。\n公司党委书记、董事长甲某某同志在会上讲话。\n",
                 "表彰大会", id="undated-enterprise-celebration"),
    # a dated lead that names no meeting, then the meeting chaired
    pytest.param("7月1日上午，某某公司隆重纪念建党102周年。纪念大会由党委副书记乙某某主持，党委书记甲某某作了讲话。\n", "纪念大会", id="dated-lead-then-chaired"),
])
def test_a_meeting_named_only_as_what_was_chaired_is_the_occasion(tmp_path, text, occasion):
    assert one_speech(tmp_path, text).occasion == occasion


def test_a_meeting_that_refers_back_names_none(tmp_path):
    text = "7月1日上午，某某公司隆重纪念建党102周年。会议由党委副书记乙某某主持，党委书记甲某某作了讲话。\n"
    assert one_speech(tmp_path, text).occasion is None


@pytest.mark.parametrize("text, occasion", [
    pytest.param("同志们：\n这次全县组织工作会议的主要任务是，传达学习上级会议精神，部署今年的组织工作。\n一、提高站位\n要把思想统一到县委部署上来。\n",
                 "全县组织工作会议", id="this-whole-county-meeting"),
    pytest.param("各位代表：\n本次中共某某镇第十五次代表大会，是在全镇上下奋力推进乡村振兴的关键时期召开的。\n一、过去五年的工作\n五年来，全镇各项事业取得新成就。\n",
                 "中共某某镇第十五次代表大会", id="this-numbered-congress"),
    # the demonstrative with a kind alone names none
    pytest.param("同志们：\n这次会议的主要任务是部署工作。这次党代表大会很重要。\n一、提高认识\n要把思想统一到部署上来。\n", None, id="a-kind-alone"),
    # the meeting whose spirit is relayed is another
    pytest.param("同志们：\n认真传达学习这次全国组织部长会议精神，是当前的重要任务。\n一、提高认识\n要把思想统一到部署上来。\n", None, id="a-meetings-spirit-relayed"),
])
def test_a_meeting_the_opening_names_as_this_one(tmp_path, text, occasion):
    assert one_speech(tmp_path, text).occasion == occasion
