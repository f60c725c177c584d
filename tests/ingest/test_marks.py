"""Anti-copy marks inside words and sentences (#32, ingest/marks.py): a site's name spelled out with a filler between
its characters and put into the sentences again and again, and words cut by a space in sentence after sentence.
Fixtures are written here in the style of such pages (a Traditional mirror, a 文秘 site)."""

from __future__ import annotations

import doctest

from conftest import make_corpus, one_speech
from test_fixes import item_of

from build_kb.ingest import marks
from build_kb.ingest.clean import clean

SPELLED_TWICE = (
    "在全镇干部大会上的主持词\n\n同志们：\n"
    "参加今天会议的有镇领导班子成员、各站所负责人，“某.某.网”各村党组织书记和村委会主任。\n"
    "刚才，书记深刻阐述了“某.某.网”做好换届工作的重大意义，强调了各项纪律。下面，我再强调几点：\n"
    "一要及时传达，认真贯彻。各村各站所要迅速把会议精神传达到每一名干部。\n"
)
SPELLED_ONCE = (
    "在全镇干部大会上的讲话\n\n同志们：\n"
    "今天召开这次会议，主要任务是部署换届工作，要把好政.治.关，选好配强班子。\n"
    "一、提高认识\n各村要把换届工作摆上重要位置，书记要亲自抓。\n"
)
CUT_WORDS = (
    "在全县村（社区）“两委”换届工作推进会上的讲话\n同志们：\n"
    "今天，我们召开推进会，主要目的是贯彻落实中 央和省、市关于换届工作的部署要求。下面，我讲两点意见。\n"
    "一、提高政 治站位，充分认识换届工作的重要性。\n"
    "换届是基层政 治生活中的一件大事，关乎党在基层的执政根基。\n"
    "通过换届，把政 治素质高、群众基础好的优秀人才选拔到班子中来。\n"
    "二、严明换届纪律，确保风清气正。\n"
    "要严格执行换届纪律，对拉票贿选等行为露头就打。\n"
)


def test_marks_doctests_run():
    assert doctest.testmod(marks).failed == 0


def test_a_site_name_spelled_with_dots_twice_in_the_sentences_is_taken_out_and_logged(tmp_path, rules):
    cleaned = clean(SPELLED_TWICE, rules)
    assert [(r.line, r.text, r.rule) for r in cleaned.removed if r.rule == "spelled-out-mark"] == [
        (4, "“某.某.网”", "spelled-out-mark"), (5, "“某.某.网”", "spelled-out-mark")]
    assert "各站所负责人，各村党组织书记和村委会主任。" in cleaned.lines[3].text
    assert "刚才，书记深刻阐述了做好换届工作的重大意义" in cleaned.lines[4].text
    speech = one_speech(tmp_path, SPELLED_TWICE)
    assert not any("某.某.网" in p.text for p in speech.all_paragraphs())
    assert len(speech.all_paragraphs()) == 4
    assert [r.code for r in speech.review if r.code == "inline-mark"] == []


def test_the_curator_keeps_a_spelled_out_run_with_keep_lines(rules):
    cleaned = clean(SPELLED_TWICE, rules, keep_lines={5})
    assert [r.line for r in cleaned.removed if r.rule == "spelled-out-mark"] == [4]
    assert "阐述了“某.某.网”做好换届工作" in next(line.text for line in cleaned.lines if line.number == 5)


def test_a_run_printed_once_stays_and_is_listed_for_a_person(tmp_path):
    speech = one_speech(tmp_path, SPELLED_ONCE)
    assert any("要把好政.治.关，选好配强班子" in p.text for p in speech.all_paragraphs())
    assert [(r.code, r.line) for r in speech.review if r.code == "inline-mark"] == [("inline-mark", 4)]
    corpus = make_corpus(tmp_path / "fix", {"a.txt": SPELLED_ONCE})
    item = item_of(corpus, "a.txt", "inline-mark")
    assert "“政.治.关”" in item["message"] and "第 4 行" in item["message"]
    assert [w["yaml"] for w in item["fixes"]] == ["reviewed: [inline-mark@4]"]


def test_a_word_cut_by_a_space_in_sentence_after_sentence_is_closed_up_and_its_heading_stays_whole(tmp_path, rules):
    cleaned = clean(CUT_WORDS, rules)
    assert "一、提高政治站位，充分认识换届工作的重要性。" in [line.text for line in cleaned.lines]
    assert cleaned.normalised["spaces-in-words"] == 3
    speech = one_speech(tmp_path, CUT_WORDS)
    assert [s.heading for s in speech.sections if s.heading] == ["一、提高政治站位，充分认识换届工作的重要性。", "二、严明换届纪律，确保风清气正。"]
    assert [p.text for p in speech.sections[1].paragraphs] == ["换届是基层政治生活中的一件大事，关乎党在基层的执政根基。", "通过换届，把政治素质高、群众基础好的优秀人才选拔到班子中来。"]


def test_an_ideographic_space_cuts_a_word_the_same_way(rules):
    cleaned = clean(CUT_WORDS.replace("政 治", "政\u3000治"), rules)
    assert "一、提高政治站位，充分认识换届工作的重要性。" in [line.text for line in cleaned.lines]


def test_a_heading_space_the_page_writes_whole_elsewhere_is_a_cut_word(rules):
    page = CUT_WORDS.replace("换届是基层政 治生活", "换届是基层政治生活").replace("把政 治素质", "要提高政治站位，把政治素质")
    assert "一、提高政治站位，充分认识换届工作的重要性。" in [line.text for line in clean(page, rules).lines]


def test_what_is_not_a_mark_stays_as_it_is(tmp_path, rules):
    page = (
        "坚持党建引领 建强战斗堡垒\n\n坚持党建引领 建强战斗堡垒\n同志们：\n"
        "1936年6月，作家埃德加.斯诺进入边区，后来埃德加.斯诺写了书。按第 1.2.3 条办理，A B C D E 五个等次。\n"
        "一、坚持党建引领 推动高质量发展\n全县各级党组织认真贯彻上级部署，组织工作取得明显成效。\n"
        "第一条 本会的名称是某某协会。\n第二条 本会的宗旨是服务会员，促进交流。\n处理办法：是原文；或 是网站的文字，照写；或 是别的，改正。\n"
    )
    cleaned = clean(page, rules)
    texts = [line.text for line in cleaned.lines]
    assert texts[:3] == ["坚持党建引领 建强战斗堡垒", "", "坚持党建引领 建强战斗堡垒"]
    assert "埃德加.斯诺" in texts[4] and "1.2.3" in texts[4] and "A B C D E" in texts[4]
    assert "第一条 本会的名称是某某协会。" in texts and "第二条 本会的宗旨是服务会员，促进交流。" in texts
    assert "处理办法：是原文；或 是网站的文字，照写；或 是别的，改正。" in texts
    assert not [r for r in cleaned.removed if r.rule == "spelled-out-mark"] and "spaces-in-words" not in cleaned.normalised
    speech = one_speech(tmp_path, page)
    assert [r.code for r in speech.review if r.code == "inline-mark"] == []


def test_a_web_address_spelled_with_spaces_twice_is_taken_out(rules):
    page = (
        "在全县组织工作会议上的讲话\n同志们：\n"
        "今年以来，全县组织工作 w w w . x x . c o m 取得明显成效，基层党组织建设不断加强。\n"
        "下面，我讲三点意见 w w w . x x . c o m 请大家抓好落实。\n"
    )
    cleaned = clean(page, rules)
    assert [r.text for r in cleaned.removed if r.rule == "spelled-out-mark"] == ["w w w . x x . c o m"] * 2
    assert "全县组织工作取得明显成效" in cleaned.lines[2].text


def test_toneless_pinyin_a_mirror_writes_after_its_characters_is_taken_out_and_counted(tmp_path, rules):
    page = (
        "在全鎮黨建工作會議上的講話\n同志們：\n"
        "今(jin)天召開(kai)全鎮黨(dang)建工作會議，主要任(ren)務是總結(jie)去年工作。\n"
        "要推(tui)動學(xue)(xue)習貫(guan)徹走深走實，發展人工智能(AI)產業。\n"
    )
    cleaned = clean(page, rules)
    assert [line.text for line in cleaned.lines if line.text][2:] == [
        "今天召开全镇党建工作会议，主要任务是总结去年工作。", "要推动学习贯彻走深走实，发展人工智能(AI)产业。"]
    assert cleaned.normalised["pinyin-annotations"] == 9
