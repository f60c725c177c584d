"""A report that speaks for its own unit — a work summary, an exchange of experience — names the unit as the subject of
a sentence of its opening (近年来，市委组织部党总支紧扣…): the level is that unit's, when nothing else says one (session 30;
round 17's class in words). Hand-written pages."""

from __future__ import annotations

import pytest

from conftest import one_speech


@pytest.mark.parametrize("text, level", [
    pytest.param("各位领导、同志们：\n近年来，市委组织部党总支紧扣职责定位，推动机关党建工作走在前列。\n一、坚持高点定位，责任有效压实。"
                 "始终把抓党建作为首要政治任务。\n", "市", id="an-exchange-of-experience"),
    # the next site's: a general sentence first, a year and 以来 before the unit
    pytest.param("组织部门是党委的重要职能部门。2010年以来，县委组织部紧紧围绕中心工作，深入开展创先争优活动。\n一、主要做法\n"
                 "扎实开展主题活动，干部素质进一步提高。\n", "县", id="a-work-summary"),
    # near miss: the unit above is named only as who leads, the writer says 我们
    pytest.param("今年以来，在县委的坚强领导下，我们扎实开展各项工作。\n一、主要做法\n扎实开展主题活动，干部素质进一步提高。\n", None,
                 id="led-by-the-level-above"),
])
def test_the_unit_a_report_speaks_for(tmp_path, text, level):
    assert one_speech(tmp_path, text).level == level
