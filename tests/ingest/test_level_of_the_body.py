"""The level is the level of the body that holds the meeting or issues the text, never of a place word inside a unit's
name or of a common word a level's character opens (round 16's level class, described in words; parse.find_level,
_AN_INSTITUTION_NAMED, _OPENS_A_COMMON_WORD). Made-up pages in the style of hospital, county and district reports."""

from __future__ import annotations

import pytest

from conftest import one_speech


@pytest.mark.parametrize("text, level", [
    pytest.param("某某省人民医院党委召开理论学习中心组学习会\n3月5日，某某省人民医院党委召开理论学习中心组学习会。院党委书记甲某某主持并讲话。\n"
                 "会议强调，要深入学习贯彻党的二十大精神，推动医院高质量发展。\n", None, id="a-provincial-hospitals-committee"),
    pytest.param("某某市第一中学召开党建工作会议\n4月1日，某某市第一中学召开党建工作会议。校党委书记甲某某出席并讲话。\n", "校", id="a-city-school"),  # no city's: the school's own (session 30: 校)
    pytest.param("以县城为载体推进新型城镇化\n4月2日，某某市委组织部召开县城建设专题座谈会。部长甲某某出席并讲话。\n"
                 "会议指出，县城是城乡融合发展的关键支撑，要把县城建设好。\n", "市", id="county-towns-talked-of-by-a-city"),
])
def test_a_place_word_inside_a_units_name_or_a_common_word_is_no_level(tmp_path, text, level):
    assert one_speech(tmp_path, text).level == level


@pytest.mark.parametrize("text, level", [
    pytest.param("某某县委组织部2023年工作总结\n2023年，县委组织部在县委的坚强领导下，扎实做好各项工作。\n一、工作开展情况\n（一）强化政治引领。\n",
                 "县", id="a-county-departments-own-report"),
    pytest.param("某某县多措并举激发基层党组织活力\n今年以来，某某县坚持把抓基层打基础作为长远之计，推动基层党组织全面进步。\n", "县", id="a-county-as-the-agent"),
    pytest.param("区直机关工委召开2024年度党建工作会议\n2月20日，区直机关工委召开2024年度党建工作会议。区委常委甲某某出席并讲话。\n", "区",
                 id="joint-district-organs"),
    pytest.param("某某县公立医院改革推进会召开\n5月6日，某某县召开公立医院改革推进会。县长甲某某出席并讲话。\n", "县", id="a-county-meeting-about-hospitals"),
    pytest.param("某某县公安局党委召开理论学习中心组学习会\n5月6日，某某县公安局党委召开理论学习中心组学习会。局党委书记甲某某主持。\n", "县",
                 id="a-county-bureau-is-an-organ"),
])
def test_near_misses_keep_their_level(tmp_path, text, level):
    assert one_speech(tmp_path, text).level == level
