"""A meeting a headline names by its holder's place while the report names it by 全X (issue #32, session 28; round 15's
class in words: parse.names_it_more_fully). Hand-written pages."""

from __future__ import annotations

import pytest

from conftest import one_speech


@pytest.mark.parametrize("text, occasion", [
    pytest.param("某某县召开乡镇领导班子换届工作动员大会\n4月28日，县委召开全县乡镇领导班子换届工作动员大会，县委书记甲某某出席会议并讲话。\n",
                 "全县乡镇领导班子换届工作动员大会", id="county-for-whole-county"),
    pytest.param("某某区召开基层党建工作推进会\n3月6日，区委召开全区基层党建工作推进会。区委书记乙某某出席会议并讲话。\n",
                 "全区基层党建工作推进会", id="district-for-whole-district"),
    # the report's 全市 is another level than the headline's county: the headline's name stays
    pytest.param("某某县召开人才工作推进会\n5月6日，某某县召开全市人才工作推进会分会场会议。县委书记丙某某出席会议并讲话。\n",
                 "某某县人才工作推进会", id="another-level-stays"),
])
def test_the_reports_whole_name_wins_over_the_holders_place(tmp_path, text, occasion):
    assert one_speech(tmp_path, text).occasion == occasion
