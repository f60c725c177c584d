"""Reports of study sessions, 党课 and training-class openings written here in the style of school, county and CPPCC
news, some with the marks a broken decoding leaves inside a word (build_kb/ingest/damage.py; the chain of posts and the
acts of clause.py; the occasion readers of parse.py)."""

from __future__ import annotations

import pytest

from conftest import one_speech

R = "\ufffd"


def test_a_post_whose_level_a_broken_decoding_ate_is_mended_from_the_pages_level_and_put_on_review(tmp_path):
    text = ("某某县2024年年轻干部培训班开班\n"
            "3月5日上午，某某县2024年年轻干部培训班在县委党校开班。\n"
            f"开班仪式上，县委党校常务副校长甲某就纪律作了要求。{R}{R}委常委、组织部部长乙某某作了重要讲话。\n"
            "乙某某在讲话中指出，要珍惜培训机会。\n")
    speech = one_speech(tmp_path, text)
    assert (speech.speaker, speech.speaker_role, speech.level) == ("乙某某", "县委常委、组织部部长", "县")
    assert [r.message for r in speech.review if r.code == "damaged-role"] == [
        "讲话人的职务原文有乱码（“□委常委、组织部部长”），按本篇的层级补上“县”：请核对原文"]


def test_an_occasion_read_through_a_mark_takes_the_character_the_page_writes_there_and_never_the_mark(tmp_path):
    text = (f"1月21日下午，{R}政协党组专题民主生活会会前集中学习会召开。{R}政协主席、党组书记甲某主持并作学习小结讲话。"
            "市政协副主席乙某，市政协副主席丙某、丁某，市政协秘书长戊某参加。\n"
            "会议传达学习了省政协全会精神。\n"
            "甲某强调，要深化学习领悟。\n")
    speech = one_speech(tmp_path, text)
    assert (speech.occasion, speech.level, speech.speaker, speech.speaker_role) == (
        "市政协党组专题民主生活会会前集中学习会", "市", "甲某", "市政协主席、党组书记")
    assert sorted(r.code for r in speech.review if r.code.startswith("damaged")) == ["damaged-occasion", "damaged-role"]


def test_a_damaged_post_nothing_on_the_page_restores_is_left_out_not_published_with_its_garbage(tmp_path):
    text = ("8月10日上午，我校召开党委中心组学习会。党委副书记乙某，副校长丙某参加会议。会议由?委书记甲某某主持。\n"
            "乙某领学了省委书记丁某的讲话精神。?委书记甲某某作总结发言，提出了明确要求。\n")
    speech = one_speech(tmp_path, text)
    assert (speech.speaker, speech.speaker_role, speech.level) == ("甲某某", None, "校")  # 我校召开…: a school holds it (levels 中央/校/企业, session 30)
    assert [r.message for r in speech.review if r.code == "damaged-role"] == [
        "讲话人的职务原文有乱码（“□委书记”），去掉有乱码的“□委书记”：请核对原文"]


@pytest.mark.parametrize("text, role, name", [
    pytest.param(  # came to the college to give the 党课: no 并 between
        "6月10日，院党委邀请校党委副书记、纪委书记甲某某莅临学院讲授题为“党的知识分子工作：回顾与思考”的专题党课。院党委书记乙某主持。\n"
        "甲某某从回顾、思考、启示三个方面展开讲授。\n",
        "校党委副书记、纪委书记", "甲某某", id="came-to-give-a-party-lesson"),
    pytest.param(  # 以《…，…》为题 with a comma inside the title, then 为全体党员进行…辅导
        "6月13日下午，机关党支部召开全体党员大会，校党委副书记甲某某参加支部组织生活，并以《学习讲话精神，做好教育工作》为题，"
        "为全体党员进行党课教育辅导。机关党支部书记乙某主持会议。\n甲某某介绍了会议精神。\n",
        "校党委副书记", "甲某某", id="lesson-given-under-a-title-with-a-comma"),
    pytest.param(  # 参事 (a post the dictionary reads as a verb) keeps the chain whole; 作《…》专题辅导报告
        "7月26日上午，区委理论学习中心组（扩大）学习会举行。省政府参事、原省委党史研究室主任甲某某应邀作《试谈党的全面领导》专题辅导报告。"
        "区委书记乙某主持学习活动。\n",
        "省政府参事、原省委党史研究室主任", "甲某某", id="adviser-gives-a-lecture"),
    pytest.param(  # 主委 ends a chain of posts
        "3月29日上午，某市委会召开理论学习中心组（扩大）学习会。某市人大常委会副主任、市委会主委甲某某主持会议并讲话。\n",
        "某市人大常委会副主任、市委会主委", "甲某某", id="chair-of-a-democratic-party"),
    pytest.param(  # a failed match took up the posts before 、: the chain goes on before it
        "11月26日上午，某学院举行某县村党支部书记培训班开班仪式，农村党支部书记学院副理事长、市委组织部副部长甲某某出席开班仪式并致辞。\n",
        "农村党支部书记学院副理事长、市委组织部副部长", "甲某某", id="chain-before-a-comma-of-posts"),
    pytest.param(  # 常务 is no name between the organ and 副书记; 李建发 is one name though the dictionary reads 发到, 发表
        "5月31日，学院党委中心组开展党章专题学习会。校党委常务副书记李建发到会指导。会议由学院党委书记乙某主持。\n"
        "李建发表示党章是党的历史的浓缩。李建发强调，要常学常新。\n",
        "校党委常务副书记", "李建发", id="executive-deputy-secretary-named-in-full"),
    pytest.param(  # a 党课 right after the name is his lesson, not a meeting the posts name
        "6月1日，某学院党委召开全体党员大会。校党委书记甲某上党课，学院党委书记乙某主持。\n甲某从三个方面展开讲授。\n",
        "校党委书记", "甲某", id="secretary-gives-the-lesson"),
    pytest.param(  # an attendance list after a colon, the one quoted later
        "3月1日，全县组织工作座谈会召开。出席：县委书记甲某某，县委副书记乙某。\n甲某某指出，要抓好落实。甲某某要求，要细化措施。\n",
        "县委书记", "甲某某", id="posts-only-in-the-attendance-list"),
    pytest.param(  # 和 joins two people: neither keeps it, the second keeps his first post
        "3月1日，全县组织工作会议召开。县委书记甲某某和县委副书记、县长乙某某出席会议并讲话。\n",
        "县委书记", "甲某某", id="two-people-joined-by-and"),
    pytest.param(  # 及 is no part of the first one's name
        "3月1日，全县组织工作会议召开。县长丙某及县委副书记乙某某出席会议。\n乙某某强调，要抓落实。乙某某要求，要细化措施。\n",
        "县委副书记", "乙某某", id="joined-by-ji"),
])
def test_the_one_who_spoke_is_read_with_his_whole_chain_of_posts(tmp_path, text, role, name):
    speech = one_speech(tmp_path, text)
    assert (speech.speaker_role, speech.speaker) == (role, name)


@pytest.mark.parametrize("text, occasion", [
    pytest.param("开班仪式上，省局党组成员、副局长甲某某作了动员讲话。他强调，要认真听讲。\n本次培训安排了专家报告。\n",
                 "开班仪式", id="the-only-event-is-the-opening"),
    pytest.param("11月26日上午，某学院举行某县村党支部书记培训班开班仪式，市委组织部副部长甲某某出席开班仪式并致辞。\n",
                 "某县村党支部书记培训班开班仪式", id="the-course-and-its-opening"),
    pytest.param("为推进学习教育，学院将学习党章作为重点内容。5月31日，学院党委中心组在会议室开展党章专题学习会。校党委副书记甲某某到会指导。\n"
                 "甲某某强调，要常学常新。\n",
                 "党章专题学习会", id="a-session-held-in-the-second-sentence"),
])
def test_a_reports_event_is_its_occasion(tmp_path, text, occasion):
    assert one_speech(tmp_path, text).occasion == occasion


def test_the_posts_that_name_a_meetings_kind_name_no_one_and_a_congress_watched_is_no_occasion(tmp_path):
    named = "3月1日，全县村党组织书记项目推进会召开。县委书记甲某某出席会议并讲话。\n"
    speech = one_speech(tmp_path / "named", named)
    assert (speech.speaker, speech.speaker_role, speech.occasion) == ("甲某某", "县委书记", "全县村党组织书记项目推进会")
    watched = ("10月16日，某某第二十次全国代表大会开幕，学院组织师生集中收看开幕会直播。院党委书记甲某某强调，要认真学习。"
               "甲某某要求，要把学习成果转化为工作成效。\n")
    assert one_speech(tmp_path / "watched", watched).occasion != "某某第二十次全国代表大会"


def test_the_damage_readers_examples():
    import doctest

    from build_kb.ingest import damage
    assert doctest.testmod(damage).failed == 0


@pytest.mark.parametrize("text, fields", [
    pytest.param(  # a template's title and signature: the town left blank
        "在××镇党委换届工作动员会上的讲话\n镇党委书记　×××\n二〇二一年×月\n同志们：\n今天我们召开会议，部署换届工作。\n",
        ("在××镇党委换届工作动员会上的讲话", "××镇党委换届工作动员会", "镇", "镇党委书记"), id="a-towns-blank-in-the-title"),
    pytest.param(  # an opening speech naming the congress with its blanks: the level is the town's, not the 县委 that greets it
        "党代会领导讲话\n各位代表、同志们：\n中国共产党××镇第×次代表大会今天胜利开幕了。在此，我代表县委向大会表示热烈的祝贺！\n"
        "过去五年，××镇党委团结带领全镇党员干部群众，攻坚克难。\n",
        ("党代会领导讲话", "中国共产党××镇第×次代表大会", "镇", None), id="a-congress-numbered-with-a-blank"),
    pytest.param(  # a city's template: blanks in the place, the year and the name
        "在××市20××年组织工作会议上的讲话\n××市委常委、组织部部长　×××\n（20××年×月×日）\n同志们：\n今天召开全市组织工作会议。\n",
        ("在××市20××年组织工作会议上的讲话", "××市20××年组织工作会议", "市", "××市委常委、组织部部长"), id="a-citys-blanks-everywhere"),
])
def test_a_templates_blanks_are_text_the_curator_fills_in_never_damage_taken_out(tmp_path, text, fields):
    speech = one_speech(tmp_path, text)
    assert (speech.title, speech.occasion, speech.level, speech.speaker_role) == fields
    assert not [r for r in speech.review if r.code.startswith("damaged")]


@pytest.mark.parametrize("text, marks", [
    pytest.param("艾尔肯·吐尼亚孜同志出席", [], id="a-dot-between-a-names-parts"),
    pytest.param("第×次代表大会", [], id="a-blank-number"),
    pytest.param("请×¢意安全", ["×¢"], id="gbk-read-as-latin-1-with-a-times-sign-in-it"),
    pytest.param("ÏØ委书记", ["ÏØ"], id="gbk-read-as-latin-1"),
])
def test_only_a_run_with_other_signs_than_the_writers_is_damage(text, marks):
    from build_kb.ingest.damage import damage_in
    assert [m.group() for m in damage_in(text)] == marks
