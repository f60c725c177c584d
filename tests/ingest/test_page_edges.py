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
    ["上一条：某某系举办2022年新生入学教育报告会", "下一条：“青春心向党，建功新时代”——某某系组织开展主题团日活动暨评优表彰会"],
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


# --- a forum post's markup (BBCode) ------------------------------------------------------------------------------

from build_kb.ingest.clean import forum_markup_inline, is_a_forum_post  # noqa: E402

POST_A = (
    "某某县召开村级组织换届工作推进会\n"
    "[size=4][font=宋体]5月6日，某某县召开村级组织换届工作推进会，县委常委、组织部部长某某出席会议并讲话。[/font][/size]"
    "[align=left][size=4][font=宋体]会议指出，全县[/font][font=Times New Roman]126[/font][font=宋体]个村的换届工作已于去年[/font]"
    "[font=Times New Roman]11[/font][font=宋体]月全部完成，班子结构明显优化。[/font][/size][/align]"
    "[align=left][size=4]会议要求，各乡镇要压紧压实责任，确保换届风清气正。[/size][/align][f\n"
)
POST_B = (
    "[p=30, 2, left][color=#333333][b]某某街道党工委召开党建工作例会[/b][/color][/p]"
    "[p=30, 2, left][color=#333333]近日，某某街道党工委召开党建工作例会，听取各社区党组织书记工作汇报。[/color][/p]"
    "[p=30, 2, left][color=#333333]会议强调，要把抓基层打基础作为长远之计，推动社区党建提质增效。[/color][/p]\n"
)


def test_a_forum_posts_block_tags_part_its_paragraphs_and_its_word_tags_go(rules):
    cleaned = clean(POST_A, rules)
    assert [line.text for line in cleaned.lines if line.text] == [
        "某某县召开村级组织换届工作推进会",
        "5月6日，某某县召开村级组织换届工作推进会，县委常委、组织部部长某某出席会议并讲话。",
        "会议指出，全县126个村的换届工作已于去年11月全部完成，班子结构明显优化。",
        "会议要求，各乡镇要压紧压实责任，确保换届风清气正。",
    ]
    assert cleaned.normalised["forum-markup"] == 23
    assert [(s.line, s.pieces) for s in cleaned.splits] == [(2, 3)]
    cleaned = clean(POST_B, rules)
    assert [line.text for line in cleaned.lines if line.text] == [
        "某某街道党工委召开党建工作例会",
        "近日，某某街道党工委召开党建工作例会，听取各社区党组织书记工作汇报。",
        "会议强调，要把抓基层打基础作为长远之计，推动社区党建提质增效。",
    ]


def test_brackets_in_a_speech_are_no_forum_markup(rules):
    text = SPEECH.replace("确保取得实效。", "确保取得实效[1]。[注]数据截至[b]年底。")
    assert not is_a_forum_post(text)
    assert [line.text for line in clean(text, rules).lines if line.text][-1].endswith("确保取得实效[1]。[注]数据截至[b]年底。")
    # one closing tag alone is no post's markup either
    assert not is_a_forum_post("要抓好落实[/b]。")
    assert forum_markup_inline("[size=4]要抓好落实。[/size][fo") == ("要抓好落实。", 3)


# --- a paywall's notice inside a line; a figure wrapped before its number -----------------------------------------

@pytest.mark.parametrize("notice", ["……此处隐藏3120个字……", "(......此处隐藏了986字,下载全文后查看......)", "---此处隐藏3000字，下载后查看---"])
def test_the_two_sides_of_a_paywall_notice_inside_a_line_stay_two_paragraphs(rules, notice):
    line = f"一是建立联席会议制度，定期研究解决社区党建中的重点难点问题，年终考核党建工作时 {notice} 县上计划于明年在文化广场修建活动中心时，一并解决社区办公场所问题。"
    cleaned = clean(SPEECH + line + "\n三、强化保障措施\n", rules)
    kept = [line.text for line in cleaned.lines if line.text]
    assert kept[-3:] == [
        "一是建立联席会议制度，定期研究解决社区党建中的重点难点问题，年终考核党建工作时",
        "县上计划于明年在文化广场修建活动中心时，一并解决社区办公场所问题。",
        "三、强化保障措施",
    ]
    assert [(r.line, r.rule) for r in cleaned.removed] == [(6, "download-prompt")]
    assert cleaned.joins == []


def test_a_sentence_without_a_notice_in_it_is_joined_across_its_break_as_before(rules):
    text = SPEECH + "一是建立联席会议制度，定期研究解决社区党建中的重点难点问题，把社区党建工作的\n成效作为年终考核的重要内容。\n"
    assert [line.text for line in clean(text, rules).lines if line.text][-1].endswith("把社区党建工作的成效作为年终考核的重要内容。")


@pytest.mark.parametrize(("cut", "expected"), [
    ("乡土人才38人，占全镇人才总量的\n4.75%。其中，高中以上学历的29人。", "乡土人才38人，占全镇人才总量的4.75%。其中，高中以上学历的29人。"),
    ("今年以来，按照“一村一名大学生”的要求，全县新选拔培养的村级后备干部\n512名，其中35岁以下的占六成以上。", "今年以来，按照“一村一名大学生”的要求，全县新选拔培养的村级后备干部512名，其中35岁以下的占六成以上。"),
    ("经过为期半年的集中排查整顿，全县规模以上非公企业党组织覆盖率达到\n98.5％，比去年提高了3个百分点。", "经过为期半年的集中排查整顿，全县规模以上非公企业党组织覆盖率达到98.5％，比去年提高了3个百分点。"),
])
def test_a_sentence_wrapped_before_its_figure_is_one_paragraph(rules, cut, expected):
    cleaned = clean(SPEECH + cut + "\n", rules)
    assert [line.text for line in cleaned.lines if line.text][-1] == expected
    assert [(j.first, j.last) for j in cleaned.joins] == [(6, 7)]


def test_a_list_number_or_a_year_under_a_broken_line_is_not_taken_for_its_figure(rules):
    for below in ("2.加强队伍建设，提高人才素质。", "2、加强队伍建设，提高人才素质。", "2019年，全县人才队伍不断壮大。"):
        cleaned = clean(SPEECH + "各级党组织要把人才工作摆上重要位置，持续推动\n" + below + "\n", rules)
        assert [line.text for line in cleaned.lines if line.text][-1] == below


# --- a heading whose number skips where the page left text out ------------------------------------------------------

from build_kb.ingest.parse import parse  # noqa: E402

PARA = "各级党组织要把这项工作摆上重要议事日程，主要负责同志要亲自抓、负总责，确保各项任务落到实处、见到实效。"


def top_headings(text, rules):
    cleaned = clean(text, rules)
    speech = parse(cleaned.lines, removed=cleaned.removed)
    return [s.heading for s in speech.sections if s.kind == "body" and s.heading]


@pytest.mark.parametrize(("first", "notice", "third"), [
    ("一、树立大局意识", "---此处隐藏5422字，下载后查看---", "三、怎样练好调研本领"),
    ("（一）强化政治引领", "……此处隐藏3180个字……", "（三）压实工作责任"),
    ("1.加强组织领导", "(......此处省略2000字，下载文档可见全文......)", "3.严格督查考核"),
])
def test_a_heading_past_a_paywall_notice_may_skip_a_number(rules, first, notice, third):
    text = f"在全县组织工作会议上的讲话\n同志们：\n{PARA}\n{first}\n{PARA}\n{notice}\n{PARA}\n{third}\n{PARA}\n"
    assert top_headings(text, rules) == [first, third]


def test_a_skipped_number_with_nothing_left_out_or_run_into_its_sentence_is_no_heading(rules):
    text = f"在全县组织工作会议上的讲话\n同志们：\n{PARA}\n一、树立大局意识\n{PARA}\n{PARA}\n三、怎样练好调研本领\n{PARA}\n"
    assert top_headings(text, rules) == ["一、树立大局意识"]
    text = f"在全县组织工作会议上的讲话\n同志们：\n{PARA}\n一、树立大局意识\n{PARA}\n……此处隐藏3180个字……\n三、要练好调研本领。调查研究是谋事之基，也是成事之道。\n{PARA}\n"
    assert top_headings(text, rules) == ["一、树立大局意识"]


# --- a 范文 page's blurb over its first piece, numbered 范文（一） -----------------------------------------------------

@pytest.mark.parametrize(("name", "blurb", "piece", "title"), [
    ("2021年社区党建工作总结范文大全5篇", "社区党建怎样抓出实效？关键是把党员组织起来。以下是本站为大家整理的社区党建工作总结范文，仅供参考！",
     "社区党建工作总结范文（一）", "社区党建工作总结"),
    ("学校党支部工作总结_党支部工作总结范文精选3篇", "如何写好一篇党支部工作总结？下面是小编收集整理的党支部工作总结范文，希望对大家有所帮助。",
     "学校党支部工作总结范文(二)", "学校党支部工作总结"),
])
def test_a_pieces_number_after_its_name_on_a_model_text_page_ends_the_sites_blurb(rules, name, blurb, piece, title):
    text = f"{name}\n{blurb}\n{piece}\n{PARA}\n一、基本情况\n{PARA}\n二、主要做法\n{PARA}\n"
    cleaned = clean(text, rules)
    speech = parse(cleaned.lines, removed=cleaned.removed)
    assert speech.header.title == title
    assert [p.text for s in speech.sections for p in s.paragraphs] == [PARA, PARA, PARA]


def test_a_heading_numbered_in_brackets_is_no_pieces_number(rules):
    text = f"社区党建工作总结\n{PARA}\n（一）强化政治引领\n{PARA}\n（二）压实工作责任\n{PARA}\n"
    cleaned = clean(text, rules)
    speech = parse(cleaned.lines, removed=cleaned.removed)
    assert speech.header.title == "社区党建工作总结"
    assert [s.heading for s in speech.sections if s.heading] == ["（一）强化政治引领", "（二）压实工作责任"]


# --- a part's first run-in lead cut where the page ends ------------------------------------------------------------

@pytest.mark.parametrize("cut", ["一是个别村党组织对发展党员", "一要进一步压实基层党组织书记"])
def test_a_lone_lead_cut_at_the_pages_end_is_a_paragraph_not_a_heading(rules, cut):
    text = f"社区党建工作情况汇报\n{PARA}\n一、基本情况\n{PARA}\n二、存在问题\n{cut}\n"
    cleaned = clean(text, rules)
    speech = parse(cleaned.lines, removed=cleaned.removed)
    last = speech.sections[-1]
    assert last.heading == "二、存在问题" and [p.text for p in last.paragraphs] == [cut] and last.children == []


def test_a_lead_over_its_text_or_beside_its_sibling_stays_a_heading(rules):
    text = f"在全县组织工作会议上的讲话\n同志们：\n{PARA}\n一、统一思想\n一要提高政治站位\n{PARA}\n"
    cleaned = clean(text, rules)
    speech = parse(cleaned.lines, removed=cleaned.removed)
    assert [c.heading for c in speech.sections[-1].children] == ["一要提高政治站位"]
    text = f"在全县组织工作会议上的讲话\n同志们：\n{PARA}\n一、统一思想\n一要提高政治站位\n{PARA}\n二要压实工作责任\n"
    cleaned = clean(text, rules)
    speech = parse(cleaned.lines, removed=cleaned.removed)
    assert [c.heading for c in speech.sections[-1].children] == ["一要提高政治站位", "二要压实工作责任"]


# --- a site's blurb right over the salutation --------------------------------------------------------------------

@pytest.mark.parametrize(("blurb", "between"), [
    ("当今时代，人才资源已经成为竞争的最重要的战略资源，人才问题是关系事业发展的关键问题。下面是小编给大家整理的，仅供参考。", "一"),
    ("换届工作事关全局，必须精心组织、周密部署、确保成功。以下是本站为您精选的换届工作会议讲话稿，欢迎阅读参考！", "篇二"),
    ("组织工作是党的建设的重要组成部分，关系到党的事业兴衰成败。本文由网友上传分享，仅供参考学习。", ""),
])
def test_a_sites_blurb_over_the_salutation_goes_whole_topic_sentence_and_all(rules, blurb, between):
    text = f"在全市人才工作会议上的讲话\n{blurb}\n{between}\n同志们：\n{PARA}\n"
    cleaned = clean(text, rules)
    assert (2, blurb) in [(r.line, r.text) for r in cleaned.removed]
    kept = [line.text for line in cleaned.lines if line.text]
    assert kept[0] == "在全市人才工作会议上的讲话" and "同志们：" in kept[1:3] and not any(blurb[:10] in text for text in kept)


def test_the_speechs_own_sentences_beside_an_editors_call_below_the_salutation_stay(rules):
    line = "干部就是决定因素，关键在培养高素质干部队伍，要抓好培育选拔管理使用。请随小编一起学习。"
    cleaned = clean(f"在全市人才工作会议上的讲话\n同志们：\n{line}\n{PARA}\n", rules)
    assert "干部就是决定因素，关键在培养高素质干部队伍，要抓好培育选拔管理使用。" in [line.text for line in cleaned.lines]


# --- a member of a family the opening names (谈“四心”) -------------------------------------------------------------

OPENING = "感谢组织给我这次交流的机会。局党组对青年干部提出了“三个一”的要求，下面，我围绕“{}”谈几点体会。"


@pytest.mark.parametrize(("family", "member"), [("四心", "进取心"), ("三实", "干事实"), ("四力", "脚力")])
def test_a_short_line_ending_in_the_word_of_a_family_the_opening_names_heads_its_part(rules, family, member):
    text = f"{OPENING.format(family)}\n{member}\n{PARA}\n{PARA}\n"
    cleaned = clean(text, rules)
    speech = parse(cleaned.lines, removed=cleaned.removed)
    assert [(s.kind, s.heading) for s in speech.sections] == [("opening", ""), ("body", member)]


def test_a_short_line_of_another_word_or_more_members_than_the_count_are_no_headings(rules):
    for family, lines in (("四心", ["强本领"]), ("两心", ["初心", "恒心", "决心"])):
        body = "".join(f"{line}\n{PARA}\n" for line in lines)
        cleaned = clean(f"{OPENING.format(family)}\n{body}", rules)
        speech = parse(cleaned.lines, removed=cleaned.removed)
        assert [s.heading for s in speech.sections if s.heading] == []
