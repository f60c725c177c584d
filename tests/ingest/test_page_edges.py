"""A web page's furniture at the edges of the text (issue #32, round 15's body classes, given in words only): the
links to the article before and after it, however long their headlines; a scene's caption with its name in quotes;
a lone button under the text; a credit the page store cut off after its opening bracket.
Every fixture is hand-written in several styles; near-misses that must not be taken stand beside them."""

import pytest

from build_kb.ingest.clean import clean

NEWS = (
    "某某学院召开党委理论学习中心组学习会\n"
    "3月12日，某某学院党委召开理论学习中心组学习会，党委书记某某主持会议并讲话，全体校领导参加学习。\n"
    "会议强调，要把学习成果转化为推动学校高质量发展的实际成效，切实加强基层党组织建设，抓好各项任务落实。\n"
)
SPEECH = (
    "在全县组织工作会议上的讲话\n同志们：\n"
    "今天召开全县组织工作会议，主要任务是总结去年的组织工作，部署今年的任务，我们要抓好落实。\n"
    "一、提高政治站位\n"
    "各级党组织要把政治建设摆在首位，坚决贯彻落实上级决策部署，推动各项工作落地见效，确保取得实效。\n"
)


def removed(text, rules):
    cleaned = clean(text, rules)
    return [(r.line, r.text) for r in cleaned.removed], [line.text for line in cleaned.lines if line.text]


@pytest.mark.parametrize("links", [
    # a long headline after the label: the interface word alone weighed too little on a line over 40 characters
    ["上一条：某某系召开2023年秋季学期开学第一课", "下一条：“喜迎党的二十大，奋进新征程”——某某系组织开展秋季主题教育实践活动暨表彰大会"],
    ["【上一篇】某某街道召开党建工作推进会", "【下一篇】关于印发《某某县基层党组织标准化规范化建设实施方案》的通知全文及解读材料汇编"],
    ["前一篇 某某镇举办2024年度村（社区）党组织书记专题培训班暨乡村振兴工作推进会议", "后一篇 某某县委组织部召开部务会"],
])
def test_the_links_to_the_articles_before_and_after_go_however_long(rules, links):
    gone, kept = removed(NEWS + "\n".join(links) + "\n", rules)
    assert gone == [(4, links[0]), (5, links[1])]
    assert kept[-1].startswith("会议强调")


def test_a_speechs_next_step_and_last_years_figures_under_the_text_stay(rules):
    for last in ("下一步：我们要坚持问题导向，抓好整改落实，推动基层党建工作再上新台阶。", "上一年度：全县共发展党员320名，其中35岁以下的占62%，大专以上学历的占58%。"):
        gone, kept = removed(SPEECH + last + "\n", rules)
        assert gone == [] and kept[-1] == last


@pytest.mark.parametrize("caption", ["“开学第一课“现场", "《党课开讲啦》录制现场", "“七一”表彰大会现场"])
def test_a_scenes_caption_with_its_name_in_quotes_goes(rules, caption):
    gone, kept = removed(NEWS + caption + "\n", rules)
    assert gone == [(4, caption)]


def test_a_quoted_name_without_the_scenes_word_stays(rules):
    for line in ("“三会一课”制度", "“七一”前夕深入一线现场办公"):
        gone, kept = removed(NEWS + line + "\n", rules)
        assert gone == [] and kept[-1] == line


@pytest.mark.parametrize("button", ["推荐", "收藏", "分享 打印", "【点赞】"])
def test_a_lone_button_under_the_text_goes(rules, button):
    gone, kept = removed(NEWS + "\n" + button + "\n", rules)
    assert gone == [(5, button)]


def test_a_speechs_last_words_and_a_heading_in_the_body_stay(rules):
    for last in ("谢谢大家！", "推荐优秀人才"):
        gone, kept = removed(SPEECH + last + "\n", rules)
        assert gone == [] and kept[-1] == last
    # the same word between paragraphs of the speech is the speech's, weighed as before
    gone, kept = removed(SPEECH.replace("一、提高政治站位", "推荐"), rules)
    assert "推荐" in kept


@pytest.mark.parametrize("cut", ["(通", "（记者", "【责任"])
def test_a_credit_cut_off_after_its_opening_bracket_goes(rules, cut):
    gone, kept = removed(NEWS + "\n\n" + cut + "\n", rules)
    assert gone == [(6, cut)]


def test_a_bracket_that_begins_no_credit_or_closes_stays(rules):
    for last in ("（一", "（掌声）"):
        gone, kept = removed(SPEECH + last + "\n", rules)
        assert gone == [] and kept[-1] == last
