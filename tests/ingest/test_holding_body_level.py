"""Levels outside the government's: the central level (中央), a school (校) and a company (企业), read from the body that
holds the meeting — never from a place word in the text that is not its holder (session 30; round 17's level class in
words: 16 of 23 level misses were such meetings). Hand-written names and pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_kb.ingest.lead import holder_level, meeting_holder
from build_kb.ingest.parse import find_level, holding_body_level
from build_kb.model import LEVEL_NAMES
from conftest import one_speech


@pytest.mark.parametrize("name, level", [
    # the central level: a national meeting by its name, the Party centre or a party's central committee holding it
    ("全国组织部长会议", "中央"),
    ("在全国机关党建工作会议上的讲话", "中央"),
    ("某某党中央在京召开全国宣传干部培训班", "中央"),
    ("农工党中央在京召开组织工作座谈会", "中央"),
    ("中共中央召开党外人士座谈会", "中央"),
    # a school: a university, a college, a school named by its number, the unit's word for itself
    ("某某理工大学党委理论学习中心组学习会", "校"),
    ("在某某师范学院2024年党建工作会议上的讲话", "校"),
    ("外国语学院党委召开支部书记述职评议会", "校"),
    ("某某县第二中学召开家长委员会会议", "校"),
    ("某某七中", "校"),
    ("全校教职工大会", "校"),
    ("我校召开干部大会", "校"),
    ("校党委中心组扩大学习会", "校"),
    ("某某大学南湖校区党委全体会议", "校"),
    # a company
    ("某某能源集团2024年工作会议", "企业"),
    ("在某某建设公司党委会上的讲话", "企业"),
    ("公司职代会预备会", "企业"),
    ("某某县城投公司党支部召开组织生活会", "企业"),
])
def test_the_holding_body_gives_the_level(name, level):
    assert find_level(name)[0] == level


@pytest.mark.parametrize("name, level", [
    # a city's meeting about schools or companies is the city's
    ("全市高校党建工作会议", "市"),
    ("某某市国资委召开全市国有企业党建工作推进会", "市"),
    ("市委组织部在某某大学召开人才工作座谈会", "市"),
    ("某某县中学校长座谈会", "县"),
    ("全县非公企业党建工作现场会", "县"),
    # what the meeting is about, no holder
    ("企业党建工作推进会", None),
    ("高校党建工作座谈会", None),
    ("中学生思想政治教育研讨会", None),
    # a national meeting relayed, studied: the one who relays it is no central body
    ("学习贯彻全国组织部长会议精神座谈会", None),
    ("传达学习党的二十届三中全会精神会议", None),
    ("十九届六中全会精神宣讲会", None),
    # a central school's professor, the centre's spirit: no holder
    ("中央党校教授解读党章", None),
    # a 院 alone may be a college or a hospital: no level
    ("我院党委召开创先争优总结会", None),
    ("某某省人民医院党委召开理论学习中心组学习会", None),
])
def test_a_place_or_subject_that_is_no_holder_gives_no_such_level(name, level):
    assert find_level(name)[0] == level


def test_the_holding_body_reader_alone():
    assert holding_body_level("全国组织部长会议") == "中央"
    assert holding_body_level("X医学院党委人才工作会议") == "校"
    assert holding_body_level("某某集团") == "企业"
    assert holding_body_level("企业党建工作推进会") is None
    assert holding_body_level("") is None


@pytest.mark.parametrize("role, level", [
    ("全国人大常委会副委员长、某某党中央主席", "中央"),
    ("中共中央政治局委员、中央组织部部长", "中央"),
    ("市委常委、组织部部长", "市"),  # a government's post stays its level
    ("全国人大代表、某某村党支部书记", None),  # a deputy is no central post
])
def test_a_central_post_is_the_last_resort(role, level):
    assert find_level(None, role=role)[0] == level


@pytest.mark.parametrize("lead, holder, level", [
    ("12月6日下午，市财政局机关党委在全局范围内开展党支部书记抓党建述职评议会。", "市财政局机关党委", "市"),
    ("3月8日上午，外国语学院党委在学院报告厅召开2024年度支部书记述职评议会。", "外国语学院党委", "校"),
    ("5月20日下午，某某五中在学校报告厅隆重举行党建工作推进会。", "某某五中", "校"),
    ("2月3日上午，公司召开党委会（扩大），听取工作报告。", "公司", "企业"),
    ("8月28日下午，我院党委在报告厅召开创先争优总结报告会。", "我院党委", None),
])
def test_who_holds_a_reported_meeting(lead, holder, level):
    assert meeting_holder(lead) == holder
    assert holder_level(holder) == level


def test_a_reports_school_holder_outweighs_the_province_its_body_names(tmp_path):
    text = ("凝心聚力 推动人才工作高质量发展\n3月8日上午，某某学院党委在学院报告厅召开2024年度人才工作会议。\n"
            "会议传达学习了中央、省委人才工作会议精神。学院党委书记甲某某出席会议并讲话。\n"
            "甲某某强调，要深入学习贯彻全省人才工作会议精神，对标省委要求，落实全省部署。\n")
    speech = one_speech(tmp_path, text)
    assert speech.level == "校"


def test_a_speech_at_a_colleges_meeting_is_the_colleges(tmp_path):
    text = ("在某某医学院党委人才工作会议上的讲话\n同志们：\n今天我们召开学校党委人才工作会议，学习贯彻中央、省委人才工作会议精神。\n"
            "一、深入学习领会省委人才工作会议精神\n要对标省委要求，落实全省部署，全省上下一盘棋。\n")
    assert one_speech(tmp_path, text).level == "校"


def test_a_city_meeting_that_names_colleges_stays_the_citys(tmp_path):
    text = ("在全市高校和国有企业党建工作会议上的讲话\n同志们：\n今天召开会议，某某大学、某某集团作了交流发言。\n"
            "一、提高站位\n各高校、各企业党委要落实市委要求。\n")
    assert one_speech(tmp_path, text).level == "市"


def test_every_level_has_its_name_on_the_site():
    """The 按会议 page and the search facets say each level in Chinese: the Python table and the search page's agree."""
    js = (Path(__file__).resolve().parents[2] / "docs" / "assets" / "kb-search.js").read_text(encoding="utf-8")
    table = dict(re.findall(r'"([^"]+)":\s*"([^"]+)"', re.search(r"var LEVEL_NAMES = \{([^}]*)\}", js).group(1)))
    for value, name in LEVEL_NAMES.items():
        assert table.get(value, value + "级") == name, value
