from pathlib import Path

import pytest

from build_kb.ingest.clean import clean
from build_kb.model import Line
from build_kb.ingest.parse import derive_title, parse, parse_header
from build_kb.text import cn_to_int, find_date, int_to_cn


def lines_of(text: str) -> list[Line]:
    return [Line(i, t.strip()) for i, t in enumerate(text.split("\n"), 1)]


def outline(parsed) -> list[tuple[str, int, str]]:
    return [(s.id, s.level, s.heading) for top in parsed.sections for s in top.walk() if s.kind == "body"]


# --- metadata of the real seeds ------------------------------------------------------------------


def test_seed_000_header(seed_speech):
    s = seed_speech("000")
    assert s.title == "在全区组织工作会议上的讲话"
    assert s.subtitle == "全区组织工作会议材料之一"
    assert (s.date, s.year, s.date_source) == ("2018-02-27", 2018, "header")
    assert s.speaker == "喻显镔"  # written 喻 显 镔
    assert (s.occasion, s.level) == ("全区组织工作会议", "区")


def test_seed_002_year_from_title_only(seed_speech):
    s = seed_speech("002")
    assert s.title == "在2020年全市组织工作会议上的讲话"
    assert (s.date, s.year, s.date_source) == (None, 2020, "title")
    assert (s.occasion, s.level) == ("全市组织工作会议", "市")
    assert s.speaker is None


def test_seed_003_without_title_gets_a_derived_one(seed_speech):
    s = seed_speech("003")
    assert s.title_derived
    assert s.title == "关于“精心组织市县乡党委换届工作”等五个方面的讲话"
    assert "同志们" not in s.title


def test_a_derived_title_counts_two_parts_as_liang(rules):
    from test_realworld import speech_of

    s = speech_of("同志们：\n今天的会议很重要。\n一、过去五年的工作回顾\n各项事业取得了新的成就。\n二、今后五年的目标任务\n要全面落实新时代党的建设总要求。\n", rules)
    assert s.title == "关于“过去五年的工作回顾”等两个方面的讲话"
    quoted = speech_of("同志们：\n今天的会议很重要。\n一、坚守信仰的“恒心”\n要坚定理想信念。\n二、践行宗旨\n要服务人民。\n", rules)
    assert quoted.title == "关于“坚守信仰的‘恒心’”等两个方面的讲话"


def test_the_first_sentence_of_a_report_without_a_salutation_is_its_opening(rules):
    from test_realworld import speech_of

    text = "2023年度抓基层党建工作述职报告\n某某镇党委书记 张立平\n按照县委统一安排，现将本人抓基层党建工作情况报告如下，请予评议。\n一、主要成效\n一年来，我认真履行第一责任人职责。\n"
    s = speech_of(text, rules)
    assert [h.role for h in s.header] == ["title", "speaker"]
    assert [(sec.kind, [p.text for p in sec.paragraphs]) for sec in s.sections][0] == (
        "opening", ["按照县委统一安排，现将本人抓基层党建工作情况报告如下，请予评议。"]
    )


@pytest.mark.parametrize("kind, reader", [("思想汇报", "敬爱的党组织:"), ("倡议书", "亲爱的同学们："), ("述职报告", "尊敬的各位评委：")])
def test_a_letter_s_kind_on_top_is_its_title_and_the_reader_it_addresses_its_salutation(rules, kind, reader):
    """A 思想汇报 or 倡议书 names its kind on the first line and then addresses its reader, whoever it
    is (敬爱的/尊敬的/亲爱的 …：): the reader is the salutation, the kind is the title and no one's name."""
    from test_realworld import speech_of

    s = speech_of(f"{kind}\n{reader}\n我自被党组织确定为预备党员以来，在思想上、行动上积极向党组织靠拢。\n请党组织考验我。\n", rules)
    assert (s.title, s.speaker) == (kind, None)
    assert [h.role for h in s.header] == ["title"]


def test_seed_004_multiline_title_and_year_from_headings(seed_speech):
    s = seed_speech("004")
    assert s.title == "全面落实新时代党的建设总要求 为决胜全面建成小康社会、决战脱贫攻坚 提供坚强组织保障"
    assert [h.role for h in s.header] == ["title", "title", "title"]
    assert (s.year, s.date_source) == (2020, "headings")


# --- structure of the real seeds -----------------------------------------------------------------


def test_seed_000_ordinal_headings_with_run_in_series(seed_speech):
    s = seed_speech("000")
    top = [x for x in s.sections if x.kind == "body"]
    assert [x.label for x in top] == [f"第{n}，" for n in "一二三四五六七八"]
    assert [c.heading for c in top[0].children] == ["要进一步严明政治纪律和政治规矩。", "要进一步严肃党内政治生活。", "要进一步净化党内政治生态。"]
    assert [c.heading for c in top[4].children][:2] == ["强化政治引领提升凝聚力。", "强化能力建设提升领导力。"]
    assert [c.heading for c in top[7].children] == ["要绝对忠诚。", "要公道正派。", "要求真务实。", "要专业敬业。", "要崇尚创新。", "要自重自律。"]
    assert s.sections[0].kind == "opening" and s.sections[0].paragraphs[0].kind == "salutation"
    assert s.sections[-1].kind == "closing" and s.sections[-1].paragraphs[0].text.startswith("同志们，2018年")


def test_seed_001_two_levels(seed_speech):
    s = seed_speech("001")
    top = [x for x in s.sections if x.kind == "body"]
    assert [x.label for x in top] == ["一、", "二、"]
    assert [c.label for c in top[0].children] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert top[0].children[0].heading == "（一）党的十九大精神落实落细。"
    assert top[0].children[0].paragraphs[0].text.startswith("坚持把学习贯彻")


def test_seed_002_arabic_numbered_subsections(seed_speech):
    s = seed_speech("002")
    top = [x for x in s.sections if x.kind == "body"]
    assert len(top) == 3 and all(len(x.children) == 3 for x in top)
    assert top[1].children[2].heading == "3.推动各方面人才为我所用。"
    assert top[1].children[2].id == "s2-3"


def test_seed_003_run_in_yi_yao_headings(seed_speech):
    s = seed_speech("003")
    top = [x for x in s.sections if x.kind == "body"]
    assert [x.label for x in top] == ["一要", "二要", "三要", "四要", "五要"]
    assert top[0].heading == "一要精心组织市县乡党委换届工作。"
    assert s.sections[0].paragraphs[0].text == "同志们："


def test_seed_004_three_levels_mixed_styles(seed_speech):
    s = seed_speech("004")
    top = [x for x in s.sections if x.kind == "body"]
    assert [x.heading for x in top] == ["一、2019年组织工作简要回顾", "二、2020年组织工作重点任务"]
    assert [c.label for c in top[0].children] == ["一是", "二是", "三是", "四是"]
    assert [c.label for c in top[1].children] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert s.sections[0].paragraphs[0].text == "各位领导，同志们："


def test_paragraph_ids_are_unique_and_sequential(seed_kb):
    for speech in seed_kb.speeches:
        numbers = [p.number for p in speech.all_paragraphs()]
        assert numbers == list(range(1, len(numbers) + 1))
        ids = [s.id for s in speech.all_sections()]
        assert len(ids) == len(set(ids))


# --- heading styles on unseen text ---------------------------------------------------------------

PARTS = """在全县组织工作会议上的讲话
同志们：
今天召开会议，部署今年工作。
第一部分 过去一年工作回顾
一、基层党建扎实推进
（一）党支部建设。全面推进支部标准化建设。
（二）党员队伍建设。严格发展党员程序。
二、干部工作成效明显
1．选拔任用。坚持好干部标准。
2、教育培训。开展专题培训。
（1）年轻干部。加强培养。
（2）老干部。做好服务。
第二部分 今年工作安排
一、抓好人才工作。今年要引进人才。
二、加强自身建设。做到打铁还需自身硬。
同志们，让我们共同努力！"""


def test_all_numbered_styles_nest_up_to_three_levels():
    parsed = parse(lines_of(PARTS))
    got = outline(parsed)
    assert ("s1", 1, "第一部分 过去一年工作回顾") in got
    assert ("s1-1", 2, "一、基层党建扎实推进") in got
    assert ("s1-1-1", 3, "（一）党支部建设。") in got
    assert ("s1-2-1", 3, "1．选拔任用。") in got
    assert ("s1-2-2", 3, "2、教育培训。") in got
    assert ("s2-1", 2, "一、抓好人才工作。") in got
    # a fourth level does not exist: （1） stays a paragraph of 2、
    assert all(level <= 3 for _, level, _ in got)
    two = next(s for top in parsed.sections for s in top.walk() if s.id == "s1-2-2")
    assert [p.text for p in two.paragraphs] == ["开展专题培训。", "（1）年轻干部。加强培养。", "（2）老干部。做好服务。"]
    assert parsed.sections[-1].kind == "closing"


def test_lone_run_in_number_is_not_a_heading():
    text = "同志们：\n一、加强班子建设\n二是要坚持民主集中制。这是一段普通的话。\n二、抓好队伍建设\n三、强化作风建设"
    got = outline(parse(lines_of(text)))
    assert [h for _, _, h in got] == ["一、加强班子建设", "二、抓好队伍建设", "三、强化作风建设"]


def test_items_with_nothing_under_them_are_a_list_not_headings():
    # An overview of the points standing right above the first heading: none has anything under it.
    text = (
        "同志们：\n今天我讲两个方面：\n一是通报上级有关会议的主要精神\n二是就做好全镇换届工作提几点要求\n一、上级会议的主要精神\n"
        "上级提出了三点要求：\n一要提高政治站位，把握换届要求；\n二要严明换届纪律，确保风清气正；\n三要服从组织安排，正确对待进退。\n"
        "会议还就纪律提出：\n1.把规矩讲在前面！\n2.把监督做在前面！\n大家要认真领会。\n二、我镇的工作要求\n要压实责任。"
    )
    parsed = parse(lines_of(text))
    assert [h for _, _, h in outline(parsed)] == ["一、上级会议的主要精神", "二、我镇的工作要求"]
    assert [p.text for p in parsed.sections[1].paragraphs] == [
        "上级提出了三点要求：", "一要提高政治站位，把握换届要求；", "二要严明换届纪律，确保风清气正；", "三要服从组织安排，正确对待进退。",
        "会议还就纪律提出：", "1.把规矩讲在前面！", "2.把监督做在前面！", "大家要认真领会。",
    ]
    # Headings that do stand over something stay headings, however short their sections.
    text = "同志们：\n一、总体要求\n（一）指导思想\n坚持党的领导。\n（二）工作目标\n建强班子。\n二、主要任务\n抓好落实。"
    assert [h for _, _, h in outline(parse(lines_of(text)))] == ["一、总体要求", "（一）指导思想", "（二）工作目标", "二、主要任务"]


def test_a_first_point_run_into_its_sentence_is_a_heading_only_when_a_second_follows():
    opening = "同志们：\n对今后的工作，我强调以下几点：\n"
    alone = opening + "第一，要放在重要位置。人才是第一资源，各级党委要高度重视"
    assert outline(parse(lines_of(alone))) == [("s1", 1, "")]  # the whole text, no heading
    both = opening + "第一，要放在重要位置。人才是第一资源。\n第二，要完善政策体系。要用好人才政策。"
    assert [h for _, _, h in outline(parse(lines_of(both)))] == ["第一，要放在重要位置。", "第二，要完善政策体系。"]


def test_a_papers_column_of_short_reports_after_bullets_has_no_headings():
    text = (
        "●5月8日，市委常委、组织部部长某某到某某县调研基层党建工作，并与村党组织书记座谈交流。\n要抓好村级组织建设。\n"
        "●5月9日上午，\n市委组织部召开全市组工干部大会。\n"
    )
    parsed = parse(lines_of(text))
    assert outline(parsed) == [("s1", 1, "")]
    assert [p.text for s in parsed.sections for p in s.paragraphs][0].startswith("●5月8日")


def test_numbering_must_continue_to_count_as_headings():
    text = "同志们：\n一、加强班子建设\n1.坚持标准。\n5.这只是一个数字开头的段落，不是标题。\n2.严格程序。"
    got = outline(parse(lines_of(text)))
    assert [h for _, _, h in got] == ["一、加强班子建设", "1.坚持标准。", "2.严格程序。"]


def test_a_chinese_number_with_a_full_stop_copied_from_the_web_is_a_heading():
    text = "同志们：\n一.加强班子建设\n要坚持民主集中制。\n二．抓好队伍建设\n要坚持好干部标准。\n三.5倍于去年的投入已经到位。"
    assert [h for _, _, h in outline(parse(lines_of(text)))] == ["一.加强班子建设", "二．抓好队伍建设"]


def test_a_numbered_part_set_in_a_box_is_a_top_level_heading_and_its_tagline_is_not():
    # A 主持词/通讯 that sets its parts off as 【第一部分：…】 with a short tagline under each.
    text = (
        "春季运动会圆满落幕\n本次运动会共有十个班级参加，比赛历时两天，气氛热烈。\n"
        "【第一部分：开幕式——整齐的方阵】\n步伐整齐，口号响亮\n各班方阵依次入场，接受检阅。\n"
        "【第二部分：比赛——赛场上的拼搏】\n你追我赶，勇争第一\n运动员们奋力拼搏，刷新了两项纪录。\n"
        "【第三部分：结语】\n让我们在下一届运动会再见。\n【注意】这里只是一个提示。"
    )
    got = outline(parse(lines_of(text)))
    assert [(level, h) for _, level, h in got] == [
        (1, "【第一部分：开幕式——整齐的方阵】"), (1, "【第二部分：比赛——赛场上的拼搏】"), (1, "【第三部分：结语】"),
    ]


def test_a_box_around_a_numbered_sentence_is_no_heading():
    text = "同志们：\n【一、这是一句话。后面还有正文】\n要坚持民主集中制。\n【第一部分】\n这是正文。"
    assert [h for _, _, h in outline(parse(lines_of(text)))] == ["【第一部分】"]


def test_a_lone_chapter_on_top_names_the_text_and_two_chapters_are_headings():
    excerpt = (
        "第六章、画面的基本原理\n按照通常的理解，画面是有条理、成系统的完整体系，这一章阐述其中的问题。\n"
        "一、关系线与运动线\n场景中，两个演员的关系线是以视线为基础的。\n二、三角形机位\n三个机位构成一个三角形。"
    )
    parsed = parse(lines_of(excerpt))
    assert (parsed.header.title, parsed.header.rules["title"]) == ("第六章、画面的基本原理", "the only chapter heading, on top")
    assert [(level, h) for _, level, h in outline(parsed)] == [(1, "一、关系线与运动线"), (1, "二、三角形机位")]
    rules = "第一章　总则\n第一条　为了规范管理，制定本办法。\n第二章　附则\n第二条　本办法自发布之日起施行。"
    parsed = parse(lines_of(rules))
    assert parsed.header.title is None
    assert [h for _, _, h in outline(parsed)] == ["第一章\u3000总则", "第二章\u3000附则"]


def test_sentences_right_above_the_body_open_the_text_and_are_no_header_notes():
    text = "排版样例\n张三、李四\n这是一段开头的说明文字。\n这也是一段开头的说明文字。\n一、第一部分\n这是正文的一段话。\n二、第二部分\n这是正文的另一段话。"
    parsed = parse(lines_of(text))
    assert [h.text for h in parsed.header.lines if h.role == "note" and h.text.endswith("。")] == []  # (排版样例 above the title is a note)
    assert [p.text for p in parsed.sections[0].paragraphs] == ["这是一段开头的说明文字。", "这也是一段开头的说明文字。"]
    assert [h for _, _, h in outline(parsed)] == ["一、第一部分", "二、第二部分"]


@pytest.mark.parametrize("mark", ["★", "☆", "✦", "➢", "➤"])
def test_headings_marked_by_stars_and_arrows_are_headings_not_emoji(rules, mark):
    text = f"在全县组织工作会议上的讲话\n同志们：\n开场。\n{mark}提高政治站位\n要坚持以党的政治建设为统领。\n{mark}突出工作重点\n要坚持好干部标准。"
    cleaned = clean(text, rules)
    assert cleaned.removed == []
    assert [h for _, _, h in outline(parse(cleaned.lines))] == ["提高政治站位", "突出工作重点"]


def test_circled_numbers_number_headings():
    text = "同志们：\n一、加强班子建设\n① 坚持民主集中制\n要落实议事规则。\n② 严肃党内政治生活\n要开好民主生活会。\n二、抓好队伍建设\n❶强化培训\n要分级分类培训。\n❷严格管理\n要从严管理监督。"
    got = outline(parse(lines_of(text)))
    assert [(level, h) for _, level, h in got] == [
        (1, "一、加强班子建设"), (2, "① 坚持民主集中制"), (2, "② 严肃党内政治生活"), (1, "二、抓好队伍建设"), (2, "❶强化培训"), (2, "❷严格管理"),
    ]


def test_amounts_and_dates_at_line_start_are_not_headings():
    text = "同志们：\n2020年是决胜之年。\n1.5亿元资金已经到位，用于基层阵地建设。\n3.2万名党员参加培训。"
    parsed = parse(lines_of(text))
    assert not parsed.structured


def test_text_without_structure_is_one_body_section():
    parsed = parse(lines_of("同志们：\n今天讲三点意见。\n第一点很重要。\n同志们，谢谢大家！"))
    kinds = [s.kind for s in parsed.sections]
    assert kinds == ["opening", "body", "closing"]
    assert parsed.sections[1].paragraphs[0].text == "今天讲三点意见。"
    assert not parsed.structured


def test_unnumbered_series_needs_two_alike_leads():
    text = "同志们：\n一、加强自身建设\n打铁还需自身硬。组织部门要带头。\n要绝对忠诚。这是生命线。\n要公道正派。这是鲜明特质。\n同时，还要注意方法，这里不再展开。"
    got = outline(parse(lines_of(text)))
    assert [h for _, _, h in got] == ["一、加强自身建设", "要绝对忠诚。", "要公道正派。"]


def test_parse_docstring_examples_hold():
    import doctest

    from build_kb.ingest import parse as parse_module

    assert doctest.testmod(parse_module).failed == 0


def test_parallel_two_phrase_run_in_heads_of_a_commentary_are_its_sections():
    # A commentary's paragraphs each open with a short head of two phrases, same shape, no number.
    text = (
        "近来，各地认真学习会议精神。抓好落实，关键在于实干。\n"
        "突出理论武装，筑牢“信仰之基”。坚持读原著学原文，组织专题学习十二次，党员干部理论素养明显提升。\n"
        "突出人才引育，激活“一池春水”。完善引才政策，新引进各类人才三百余人，人才活力持续迸发。\n"
        "突出固本强基，夯实“战斗堡垒”。整顿软弱涣散党组织八个，基层组织力不断增强。\n"
        "下一步，我们将持续用力，久久为功。"
    )
    parsed = parse(lines_of(text))
    assert [h for _, _, h in outline(parsed)] == ["突出理论武装，筑牢“信仰之基”。", "突出人才引育，激活“一池春水”。", "突出固本强基，夯实“战斗堡垒”。"]
    assert [len(s.paragraphs) for s in parsed.sections] == [1, 1, 1, 2]


def test_two_phrase_heads_spaced_by_the_paragraphs_of_their_parts_are_sections_too():
    text = (
        "近来，各地认真学习会议精神。抓好落实，关键在于实干。\n"
        "突出理论武装，筑牢“信仰之基”。坚持读原著学原文，组织专题学习十二次。\n"
        "同时，各级党组织还开展了专题研讨，党员干部理论素养明显提升。\n"
        "突出人才引育，激活“一池春水”。完善引才政策，新引进各类人才三百余人。\n"
        "人才活力持续迸发，各类人才在一线建功立业。\n此外，人才服务不断优化。\n"
        "突出固本强基，夯实“战斗堡垒”。整顿软弱涣散党组织八个。\n下一步，我们将持续用力，久久为功。"
    )
    parsed = parse(lines_of(text))
    assert [(s.heading, len(s.paragraphs)) for s in parsed.sections] == [
        ("", 1), ("突出理论武装，筑牢“信仰之基”。", 2), ("突出人才引育，激活“一池春水”。", 3), ("突出固本强基，夯实“战斗堡垒”。", 2)]
    # far apart, or opening unlike, they are sentences of the text
    apart = text.replace("此外，人才服务不断优化。", "此外，人才服务不断优化。\n人才政策持续完善。\n人才环境不断改善。\n人才队伍不断壮大。")
    assert [s.heading for s in parse(lines_of(apart)).sections if s.heading] == ["突出理论武装，筑牢“信仰之基”。", "突出人才引育，激活“一池春水”。"]


def test_a_commentarys_quoted_and_one_pattern_leads_head_its_parts():
    # quoted leads that open alike (“…”。) and leads quoting a word (要在“攻”的方面…。)
    quoted = (
        "新时代的组工干部当奋发有为，在新的舞台上担当作为。\n"
        "“信念如山”。组工干部的忠诚从此刻进骨髓，一代又一代接续传承。\n"
        "“初心如灯”。组工干部的情怀照亮为民服务的宗旨，始终不变。\n"
        "“清白如水”。组工干部的坚守是立身之本、处事之基。"
    )
    assert [h for _, _, h in outline(parse(lines_of(quoted)))] == ["“信念如山”。", "“初心如灯”。", "“清白如水”。"]
    word = quoted.replace("“信念如山”。", "要在“学”的方面下功夫。").replace("“初心如灯”。", "要在“干”的方面下功夫。").replace("“清白如水”。", "")
    assert [h for _, _, h in outline(parse(lines_of(word)))] == ["要在“学”的方面下功夫。", "要在“干”的方面下功夫。"]
    # one phrase each, written to one pattern though opening unlike: three of them head parts, two may be chance
    shaped = (
        "组织部门要努力建设模范部门，不断提高组织工作质量。\n"
        "旗帜鲜明讲政治。讲政治是组工干部的鲜明特质，要时刻绷紧这根弦。\n"
        "公道正派讲原则。公正是组工干部的名片，要敢于坚持原则。\n"
        "勤学苦练精业务。业务精才能适应岗位需要，要树立终身学习理念。"
    )
    assert [h for _, _, h in outline(parse(lines_of(shaped)))] == ["旗帜鲜明讲政治。", "公道正派讲原则。", "勤学苦练精业务。"]
    two = shaped.rsplit("\n", 1)[0]
    assert [h for _, _, h in outline(parse(lines_of(two))) if h] == []
    # a quotation's first sentence is no lead
    said = "会议结束后，大家纷纷表示收获很大。\n“这次培训很有收获。”学员张某说。\n“这次培训很有意义。”学员李某说。"
    assert [h for _, _, h in outline(parse(lines_of(said))) if h] == []


def test_two_phrase_leads_under_numbered_headings_stay_paragraphs():
    text = (
        "同志们：\n一、强化政治引领\n"
        "坚持对党忠诚，恪守信念。党员干部要坚定理想信念。\n"
        "坚持严于律己，清正廉洁。党员干部要守住底线。\n"
        "二、强化能力建设\n全年举办培训班十期，培训干部一千人次。"
    )
    assert [h for _, _, h in outline(parse(lines_of(text)))] == ["一、强化政治引领", "二、强化能力建设"]


def test_a_list_cut_off_at_the_end_of_a_page_is_paragraphs_and_headings_cut_off_stay_headings():
    head = "某某小学中层干部选拔办法\n为选好干部，制定本办法。\n一、指导思想\n坚持德才兼备。\n二、任职条件\n"
    listed = parse(lines_of(head + "1、热爱教育事业；\n2、作风正派，团结同事；\n3、身"))
    assert [h for _, _, h in outline(listed)] == ["一、指导思想", "二、任职条件"]
    assert [p.text for p in listed.sections[-1].paragraphs] == ["1、热爱教育事业；", "2、作风正派，团结同事；", "3、身"]
    cut = parse(lines_of(head + "（一）理论武装持续深化\n（二）作风建设扎实推进"))
    assert [h for _, _, h in outline(cut)] == ["一、指导思想", "二、任职条件", "（一）理论武装持续深化", "（二）作风建设扎实推进"]


def test_short_lines_above_numberings_that_start_again_head_the_parts_they_stand_over():
    text = (
        "为规范组织生活，特制定本制度。\n"
        "支部大会\n一、支部大会每季度召开一次。\n二、支部大会的主要内容：\n（一）传达学习上级精神；\n（二）讨论发展党员。\n"
        "支部委员会\n一、支委会每月召开一次。\n二、支委会由书记召集和主持。\n"
        "党课\n一、党课每季度至少一次。\n二、书记每年至少讲一次党课。"
    )
    got = [(level, h) for _, level, h in outline(parse(lines_of(text)))]
    assert [h for level, h in got if level == 1] == ["支部大会", "支部委员会", "党课"]
    # under each, its items: a run with nothing under any of them is a list (paragraphs), as anywhere
    assert got == [(1, "支部大会"), (2, "一、支部大会每季度召开一次。"), (2, "二、支部大会的主要内容："), (1, "支部委员会"), (1, "党课"), (2, "一、党课每季度至少一次。"), (2, "二、书记每年至少讲一次党课。")]
    # one short line above a list is a label, not a part of the text
    lone = parse(lines_of("为规范组织生活，特制定本制度。\n主要内容\n一、支部大会每季度召开一次。\n二、支委会每月召开一次。\n三、党课每季度至少一次。"))
    assert "主要内容" not in [h for _, _, h in outline(lone)]


def test_run_on_numbered_heads_built_round_the_same_words_end_as_long_after_them_as_before():
    body = (
        "一、抓好学习的关键是学深悟透全会报告内涵丰富，思想深刻，是指导我们工作的纲领性文件，必须原原本本学习。\n"
        "二、抓好落实的关键是真抓实干各级党组织要把全会部署转化为具体行动，确保各项任务落地见效，取得实效。\n"
    )
    got = [h for _, _, h in outline(parse(lines_of("同志们：\n" + body)))]
    assert got == ["一、抓好学习的关键是学深悟透", "二、抓好落实的关键是真抓实干"]
    # no words shared at the same place: the heads are left as the lead sentence reads them
    same = body.replace("抓好落实的关键是", "抓好学习的根本是")
    assert [h for _, _, h in outline(parse(lines_of("同志们：\n" + same)))][1].startswith("二、抓好学习的根本是真抓实干各级")
    # heads on lines of their own are whole, however alike (选拔一批… / 引进一批…)
    whole = "同志们：\n（一）选拔一批领军拔尖人才\n要加大选拔力度。\n（二）引进一批急需紧缺人才\n要完善引才政策。\n"
    assert [h for _, _, h in outline(parse(lines_of(whole)))] == ["（一）选拔一批领军拔尖人才", "（二）引进一批急需紧缺人才"]


def test_a_reports_clauses_and_a_speakers_voice_are_no_two_phrase_heads():
    text = (
        "3月5日，某某县召开组织工作会议。\n"
        "会议强调，要狠抓落实。各级党组织要把各项任务落到实处，确保取得实效。\n"
        "会议要求，要从严管理。各级领导干部要带头遵规守纪，树立良好形象。\n"
        "我们认为，这很重要。组织工作必须围绕中心、服务大局。\n"
        "我们相信，前景光明。只要真抓实干，就一定能够完成任务。"
    )
    assert [h for _, _, h in outline(parse(lines_of(text))) if h] == []


# --- header metadata on unseen text --------------------------------------------------------------


@pytest.mark.parametrize(
    "header, field, value",
    [
        (["在全市组织工作会议上的讲话", "（2021年3月12日）", "张 三"], "speaker", "张三"),
        (["在全市组织工作会议上的讲话", "2021年3月12日"], "date", "2021-03-12"),
        (["在全市组织工作会议上的讲话", "2018.2.27"], "date", "2018-02-27"),
        (["在全市组织工作会议上的讲话", "二〇一九年一月十八日"], "date", "2019-01-18"),
        (["在全市组织工作会议上的讲话", "XX"], "speaker", None),
        (["在全市组织工作会议上的讲话", "张××"], "speaker", None),
        (["在全市组织工作会议上的讲话", "市委常委、组织部部长 李四"], "speaker", "李四"),
        (["在全市组织工作会议上的讲话", "市委常委、组织部部长 李四"], "speaker_role", "市委常委、组织部部长"),
        (["凝心聚力 担当作为", "——在全市组织工作会议上的讲话"], "subtitle", "在全市组织工作会议上的讲话"),
        (["凝心聚力 担当作为", "——在全市组织工作会议上的讲话"], "title", "凝心聚力 担当作为"),
        (["在2019年全县组织工作会议上的讲话"], "year", 2019),
        (["某某工作规范（征求意见稿）", "本稿完成日期：2023年3月9日"], "date", "2023-03-09"),
        (["某某工作规范（征求意见稿）", "本稿完成日期：2023年3月9日"], "title", "某某工作规范"),
    ],
)
def test_header_fields(header, field, value):
    parsed = parse_header(lines_of("\n".join(header)))
    assert getattr(parsed, field) == value


def test_placeholder_speaker_is_recognised_but_unknown():
    parsed = parse_header(lines_of("在全市组织工作会议上的讲话\n×××"))
    assert parsed.speaker is None
    assert [h.role for h in parsed.lines] == ["title", "speaker"]


@pytest.mark.parametrize("text, expected", [("2018年2月30日", None), ("2018年2月27日", "2018-02-27"), ("20180227", None)])
def test_invalid_dates_are_ignored(text, expected):
    found = find_date(text)
    assert (found[0] if found else None) == expected


def test_subtitle_gives_the_occasion(rules):
    from build_kb.pipeline import make_speech
    from build_kb.model import SourceFile
    from pathlib import Path

    text = "凝心聚力 担当作为\n——在全省组织部长会议上的讲话\n同志们：\n一、提高政治站位。要讲政治。\n二、加强干部队伍建设。要选好人。"
    source = SourceFile(path=Path("x.txt"), rel_path="x.txt", encoding="utf-8", sha256="0", raw=text.encode(), text=text)
    speech = make_speech(source, rules, None, [])
    assert (speech.occasion, speech.level) == ("全省组织部长会议", "省")


def test_derived_title_never_uses_salutation():
    parsed = parse(lines_of("同志们：\n今天我们在这里开会，主要是研究部署基层党建工作。"))
    title = derive_title(parsed.sections, None)
    assert "同志们" not in title
    assert title.startswith("讲话：今天我们在这里开会")
    parsed = parse(lines_of("同志们，为认真贯彻落实上级部署，今天召开这次会议。\n一是要提高认识。"))
    assert derive_title(parsed.sections, None) == "讲话：为认真贯彻落实上级部署，今天召开这次会议"


def test_a_derived_title_is_named_by_the_first_heading_that_names_something():
    # a heading that is its number alone (第一部分, 一、) gives no “” to the title; the parts are still counted
    parsed = parse(lines_of("同志们：\n第一部分\n要加强学习，提高本领。\n第二部分 从严管理干部\n要严格监督。\n"))
    assert derive_title(parsed.sections, None) == "关于“从严管理干部”等两个方面的讲话"
    parsed = parse(lines_of("同志们：\n第一部分\n要加强学习，提高本领。\n"))
    assert derive_title(parsed.sections, None) == "讲话：要加强学习，提高本领"


def test_chinese_numerals():
    assert [cn_to_int(x) for x in ["一", "十", "十二", "二十", "九十九", "十十", "百"]] == [1, 10, 12, 20, 99, None, None]
    assert [int_to_cn(n) for n in [1, 10, 12, 20, 99]] == ["一", "十", "十二", "二十", "九十九"]


def test_markup_in_text_is_kept_as_text(rules):
    cleaned = clean("同志们：\n一、*同志讲了<script>alert(1)</script>和{{ config }}。后文。", rules)
    parsed = parse(cleaned.lines)
    section = parsed.sections[1]
    assert section.heading == "一、*同志讲了<script>alert(1)</script>和{{ config }}。"


def test_paragraphs_opening_with_the_same_symbol_head_sections_under_the_numbered_ones():
    text = (
        "同志们：\n一、提高政治站位\n◆ 坚持把党的政治建设摆在首位\n深入学习贯彻党的创新理论，做到“两个维护”。\n"
        "◆ 坚持抓基层打基础。持续整顿软弱涣散村党组织，推动基层党组织全面进步全面过硬。\n二、加强干部队伍建设\n要坚持好干部标准。"
    )
    got = outline(parse(lines_of(text)))
    assert got == [("s1", 1, "一、提高政治站位"), ("s1-1", 2, "坚持把党的政治建设摆在首位"), ("s1-2", 2, "坚持抓基层打基础。"), ("s2", 1, "二、加强干部队伍建设")]
    parsed = parse(lines_of(text))
    assert [p.text for p in parsed.sections[1].children[1].paragraphs] == ["持续整顿软弱涣散村党组织，推动基层党组织全面进步全面过硬。"]


def test_a_list_of_short_items_after_symbols_is_not_a_row_of_headings():
    text = "同志们：\n一、明确工作任务\n今年要抓好以下几项工作：\n● 村党组织书记培训\n● 软弱涣散党组织整顿\n● 党员教育管理\n二、加强组织领导\n要压实责任。"
    got = outline(parse(lines_of(text)))
    assert [h for _, _, h in got] == ["一、明确工作任务", "二、加强组织领导"]
    assert not [h for _, _, h in outline(parse(lines_of("同志们：\n一、加强学习\n◆ 只有一个符号开头的段落不成标题\n正文。")))][1:]


def test_markdown_headings_and_bold_from_a_copied_page_are_plain_headings(rules):
    text = (
        "在全县组织工作会议上的讲话\n同志们：\n## 一、提高政治站位\n要增强“四个意识”。\n**二、加强干部队伍建设**\n"
        "要坚持好干部标准，从**情况来看任务艰巨。\n**三、加强人才工作。**要完善引才育才政策。\n**同志和**同志要带头落实。\n"
        "**市委常委、组织部部长 **"
    )
    cleaned = clean(text, rules)
    assert [line.text for line in cleaned.lines][2:] == [
        "一、提高政治站位", "要增强“四个意识”。", "二、加强干部队伍建设", "要坚持好干部标准，从**情况来看任务艰巨。",
        "三、加强人才工作。要完善引才育才政策。", "**同志和**同志要带头落实。",
        "**市委常委、组织部部长 **",  # a space inside the stars: a blanked place and name, not bold
    ]
    assert cleaned.normalised["markdown-markup"] == 3


def test_thanks_after_the_closing_words_go_with_them_to_the_closing():
    text = "同志们：\n开场白。\n一、提高站位\n要讲政治。\n二、狠抓落实\n要抓落实。\n同志们，任务艰巨。让我们奋力开创新局面！\n谢谢大家！"
    sections = parse(lines_of(text)).sections
    assert [(s.kind, [p.text for p in s.paragraphs]) for s in sections[-2:]] == [
        ("body", ["要抓落实。"]), ("closing", ["同志们，任务艰巨。让我们奋力开创新局面！", "谢谢大家！"]),
    ]
    alone = parse(lines_of("同志们：\n开场白。\n一、提高站位\n要讲政治。\n二、狠抓落实\n要抓落实。\n谢谢！")).sections
    assert [(s.kind, [p.text for p in s.paragraphs]) for s in alone[-2:]] == [("body", ["要抓落实。"]), ("closing", ["谢谢！"])]


def test_the_signature_under_the_text_goes_to_the_closing_with_the_closing_words():
    text = (
        "在全县组织工作会议上的讲话\n同志们：\n一、基层党建\n全年围绕基层党建抓落实，各项任务按计划推进。\n二、干部工作\n"
        "坚持好干部标准，大力发现培养选拔优秀年轻干部。\n同志们，让我们奋发有为！\n中共某某县委\n2022年12月28日"
    )
    parsed = parse(lines_of(text))
    assert [p.text for p in parsed.sections[2].paragraphs] == ["坚持好干部标准，大力发现培养选拔优秀年轻干部。"]
    closing = parsed.sections[-1]
    assert closing.kind == "closing" and [p.text for p in closing.paragraphs] == ["同志们，让我们奋发有为！", "中共某某县委", "2022年12月28日"]
    report = parse(lines_of("某某县委组织部2022年工作总结\n一、基层党建\n全年围绕基层党建抓落实。\n二、干部工作\n坚持好干部标准。\n2022年12月28日"))
    assert [p.text for p in report.sections[-1].paragraphs] == ["2022年12月28日"] and report.sections[-1].kind == "closing"
    unsigned = parse(lines_of("某某县委组织部2022年工作总结\n一、基层党建\n全年围绕基层党建抓落实。\n二、干部工作\n坚持好干部标准。"))
    assert [s.kind for s in unsigned.sections] == ["body", "body"]


PLAIN = (
    "在全县组织工作会议上的讲话\n同志们：\n今天召开全县组织工作会议，主要任务是总结去年工作。下面，我讲{n}点意见。\n"
    "提高政治站位，切实增强做好组织工作的责任感\n今年以来，各级党组织坚持以党的政治建设为统领，组织工作取得了新的成效。\n"
    "突出工作重点，全面提升组织工作质量\n要坚持好干部标准，大力发现培养选拔优秀年轻干部，以高质量组织工作服务高质量发展。\n"
    "{third}"
    "同志们，让我们真抓实干，奋力开创组织工作新局面！"
)
THIRD = "加强自身建设，努力打造模范部门\n组织部门要带头讲政治、重公道、业务精、作风好，以过硬作风推动工作落实。\n"


def test_short_unpunctuated_lines_between_paragraphs_head_a_text_that_numbers_none(rules):
    """Word's automatic numbering lost in a copy: the headings are known by their layout."""
    parsed = parse(clean(PLAIN.format(n="三", third=THIRD), rules).lines)
    assert [(s.heading, s.style, s.level) for s in parsed.sections if s.kind == "body"] == [
        ("提高政治站位，切实增强做好组织工作的责任感", "plain", 1),
        ("突出工作重点，全面提升组织工作质量", "plain", 1),
        ("加强自身建设，努力打造模范部门", "plain", 1),
    ]
    # As many as the opening announces: two announced, two found.
    assert len([s for s in parse(clean(PLAIN.format(n="两", third=""), rules).lines).sections if s.style == "plain"]) == 2
    # Three announced, two found; or two found and none announced: no headings (short lines are not enough).
    assert not parse(clean(PLAIN.format(n="三", third=""), rules).lines).structured
    assert not parse(clean(PLAIN.format(n="三", third="").replace("下面，我讲三点意见。", ""), rules).lines).structured
    # A text with numbered headings keeps them and nothing else.
    numbered = PLAIN.format(n="三", third=THIRD).replace("提高政治站位，", "一、提高政治站位，")
    assert [s.style for s in parse(clean(numbered, rules).lines).sections if s.kind == "body"] == ["cn-dun"]


def test_headings_known_by_their_layout_are_a_review_item(rules):
    from build_kb.model import SourceFile
    from build_kb.pipeline import make_speech

    text = PLAIN.format(n="三", third=THIRD)
    source = SourceFile(path=Path("x.txt"), rel_path="x.txt", encoding="utf-8", sha256="", raw=text.encode(), text=text)
    speech = make_speech(source, rules, None, [])
    assert [(r.code, r.message, r.line) for r in speech.review if r.code == "unnumbered-headings"] == [
        ("unnumbered-headings", "小标题没有编号，按版式认出 3 个（第 4, 6, 8 行）：请看是否正确", 4)
    ]


def test_a_run_in_heading_ends_with_the_item_the_opening_announced():
    text = ("同志们：\n今天我重点讲“三个抓好”，即抓好班子建设，抓好队伍管理，抓好阵地保障。\n"
            "一、要抓好班子建设作为乡镇党委书记，要把班子带好，把方向把准，把大事管住，这是第一位的责任，也是检验各项工作成效的重要标准和主要依据。\n"
            "二、要抓好队伍管理作为组织委员，要把党员管好，做到底数清、情况明、管理实，把每一名党员都纳入组织的有效管理之中，一个也不能少。\n")
    parsed = parse(lines_of(text))
    assert [h for _, _, h in outline(parsed)] == ["一、要抓好班子建设", "二、要抓好队伍管理"]
    first = parsed.sections[1]
    assert first.paragraphs[0].text.startswith("作为乡镇党委书记，要把班子带好")


def test_a_run_in_heading_is_as_long_as_its_clear_siblings():
    text = ("同志们：\n开场白讲几句。\n"
            "一、要守牢阵地底线作为村党组织书记，要管好自己的一班人，把村里的事情办明白，把群众的账算清楚，把集体的家底守住，不能让群众有一点意见。\n"
            "二、要守牢纪律红线\n要严格执行各项规定。\n三、要守牢作风防线\n要改进工作作风。\n")
    assert [h for _, _, h in outline(parse(lines_of(text)))] == ["一、要守牢阵地底线", "二、要守牢纪律红线", "三、要守牢作风防线"]


def test_a_heading_that_ends_at_its_comma_is_not_cut_shorter_by_its_siblings():
    text = ("同志们：\n开场白讲几句。\n"
            "一、加强基层组织建设，不断提升基层党组织的组织力和政治功能，使每个支部都成为坚强战斗堡垒，让每名党员都成为群众身边看得见、信得过的一面鲜红旗帜。\n"
            "二、加强队伍建设\n要严格管理。\n三、加强作风建设\n要改进作风。\n")
    assert [h for _, _, h in outline(parse(lines_of(text)))][0] == "一、加强基层组织建设，"


def test_a_line_saying_what_state_the_text_is_in_is_no_word_of_a_whole_title(rules):
    text = "在全镇党建工作述职评议会上的点评讲话\n修改稿\n同志们：\n今天的述职评议会开得很好，我们要抓好落实。\n"
    cleaned = clean(text, rules)
    assert parse_header(cleaned.lines[:2]).title == "在全镇党建工作述职评议会上的点评讲话"
    assert [(d.line, d.text) for d in cleaned.doubtful] == [(2, "修改稿")]  # kept, and sent to 待核对
    # a title broken before its last word is still one title
    assert parse_header([Line(1, "在全镇党建工作述职评议会上的"), Line(2, "讲话稿")]).title == "在全镇党建工作述职评议会上的讲话稿"


def test_a_title_naming_two_years_does_not_say_the_meetings_year():
    two = parse_header([Line(1, "在总结2024年工作部署2025年任务会议上的讲话")])
    assert (two.year, two.rules.get("date")) == (None, None)
    one = parse_header([Line(1, "在2024年全镇组织工作会议上的讲话")])
    assert (one.year, one.rules.get("date")) == (2024, "year in the title")


# --- the title's parts: the headline and the site's words beside it (ingest/headline.py) ----------


def test_the_headline_readers_examples_hold():
    import doctest

    from build_kb.ingest import headline

    assert doctest.testmod(headline).failed == 0


@pytest.mark.parametrize("lines, lead, title", [
    # a column's label over a headline the lead says again
    (["人才工作", "某区召开青年人才座谈会"], "5月8日，某区召开青年人才座谈会。", "某区召开青年人才座谈会"),
    # …glued before it by a space, or after a bar
    (["组工动态 某区召开青年人才座谈会"], "5月8日，某区召开青年人才座谈会。", "某区召开青年人才座谈会"),
    (["要闻 | 某区召开青年人才座谈会"], "", "某区召开青年人才座谈会"),
    # a paper's name before the headline; a library's file name
    (["某某日报 - 全市组织部长会议召开"], "", "全市组织部长会议召开"),
    (["中共某某市委组织部 - 全市组织部长会议召开"], "", "全市组织部长会议召开"),  # an organ's name, no headline's shape
    (["基层观察 | 村里的事谁来管？"], "", "村里的事谁来管？"),  # a short headline that asks, after a label
    (["某某党建网", "凝心聚力谱新篇"], "", "凝心聚力谱新篇"),
    (["在全区组织工作会议上的讲话.wps"], "", "在全区组织工作会议上的讲话"),
    # the site's name and slogan over the title
    (["某某文档网 - 专业范文资料分享平台", "在全区组织工作会议上的讲话"], "", "在全区组织工作会议上的讲话"),
    # two halves of a slogan, and a joint issuer's document, stay whole
    (["初心如磐 使命在肩"], "同志们：今天我们召开全区组织工作会议。", "初心如磐 使命在肩"),
    (["中共某某省委 某某省人民政府关于加快人才发展的意见"], "为加快人才发展，现提出如下意见。", "中共某某省委 某某省人民政府关于加快人才发展的意见"),
    # without the lead's echo or the breadcrumbs, a short line over a title is left as it was
    (["人才工作", "某区召开青年人才座谈会"], "", "人才工作 某区召开青年人才座谈会"),
])
def test_the_sites_words_beside_a_headline_leave_the_title(lines, lead, title):
    assert parse_header(lines_of("\n".join(lines)), lead).title == title


def test_a_column_label_that_the_breadcrumbs_name_leaves_the_title_without_a_lead():
    assert parse_header(lines_of("人才工作\n某区召开青年人才座谈会"), "", {"首页", "人才工作"}).title == "某区召开青年人才座谈会"


NEWS_LEAD = (
    "5月6日，全县组织工作会议召开，县委书记张某明出席会议并讲话，要求各级党组织抓好落实。\n"
    "会议强调，要坚持好干部标准，建设高素质干部队伍，推动组织工作高质量发展，为全县发展提供坚强组织保证。\n"
)


@pytest.mark.parametrize(
    ("above", "subtitle"),
    [
        ("第 8 期\n■ 全县组织工作会议召开", None),  # an issue's number on its own line, a list's bullet on the headline
        ("第8期（总第102期）\n全县组织工作会议召开", None),
        ("◆ 2024-05-06 全县组织工作会议召开", None),  # the day it was posted before the headline
        ("第8期 全县组织工作会议召开", None),
        ("2024年5月7日 星期二 农历四月廿九\n全县组织工作会议召开", None),  # a date bar with the lunar day
        ("点击图片查看大图\n全县组织工作会议召开", None),  # a picture's help line
        ("今天是：2024年5月7日 星期二\n全县组织工作会议召开", None),  # the page's own day under a label of its own
        ("全县组织工作会议召开\n今天是：2024年5月7日 星期二", None),
        ("全县组织工作会议召开\n张某明主持并讲话李某王某某出席", "张某明主持并讲话李某王某某出席"),  # the deck: who did what
    ],
)
def test_what_a_page_sets_around_a_headline_is_no_part_of_the_title(rules, above, subtitle):
    cleaned = clean(above + "\n" + NEWS_LEAD, rules)
    header = parse(cleaned.lines, removed=cleaned.removed).header
    assert (header.title, header.subtitle) == ("全县组织工作会议召开", subtitle)


def test_a_class_named_by_its_issue_keeps_its_number_in_the_title(rules):
    cleaned = clean("第8期党支部书记培训班开班\n" + NEWS_LEAD, rules)
    assert parse(cleaned.lines, removed=cleaned.removed).header.title == "第8期党支部书记培训班开班"


def test_a_title_given_whole_and_again_wrapped_over_two_lines_is_the_whole_one(rules):
    text = (
        "党课讲稿——做对党忠诚为党尽责的合格党员\n2020-06-05 13:45\n党课讲稿——做对党忠诚为党\n尽责的合格党员\n同志们：\n"
        "今天由我围绕这个主题同全体党员作个交流，我觉得是非常有意义的，我们要抓好落实。\n"
    )
    cleaned = clean(text, rules)
    assert parse(cleaned.lines, removed=cleaned.removed).header.title == "党课讲稿——做对党忠诚为党尽责的合格党员"


def test_a_question_mark_a_mirror_left_before_the_headline_is_no_part_of_it(rules):
    cleaned = clean("?全县组织工作会议召开\n" + NEWS_LEAD, rules)
    assert cleaned.lines[0].text == "全县组织工作会议召开" and cleaned.normalised.get("lost-indents") == 1
    assert parse(cleaned.lines, removed=cleaned.removed).header.title == "全县组织工作会议召开"


BOLD_PAGE = (
    "今天，我们来谈谈乡村人才振兴。各地围绕引才、育才、用才出台了不少新举措，值得认真总结。\n"
    "**机遇：乡村人才振兴正当其时**\n各地出台政策，鼓励人才返乡创业，为乡村发展注入了新的活力。\n"
    "**“引”的办法：畅通人才回流渠道**\n多地设立返乡创业服务站，帮助人才解决住房、子女入学等实际困难。\n"
    "**“育”的路径：构建多层次培养"
)


def test_lines_a_markdown_page_set_wholly_in_bold_head_its_parts_and_the_last_one_cut_inside_its_bold_too(rules):
    """Bold is the page's own mark of a heading: a colon may part its head from its theme (a plain line with a
    colon is no heading). The page was cut inside the last bold line, before its closing stars."""
    cleaned = clean(BOLD_PAGE, rules)
    assert cleaned.bold_lines == [2, 4, 6] and cleaned.lines[-1].text == "“育”的路径：构建多层次培养"
    assert cleaned.normalised["markdown-markup"] == 3
    parsed = parse(cleaned.lines, bold=set(cleaned.bold_lines))
    assert [(s.heading, s.style, s.level) for s in parsed.sections if s.kind == "body"] == [
        ("机遇：乡村人才振兴正当其时", "bold", 1), ("“引”的办法：畅通人才回流渠道", "bold", 1), ("“育”的路径：构建多层次培养", "bold", 1),
    ]
    # One bold line is emphasis, bold lines one under another are points; `**` opening a sentence is a blanked name.
    one = clean("开场白，说明来意。\n**机遇：乡村人才振兴正当其时**\n各地出台政策，鼓励人才返乡创业。", rules)
    assert [s.heading for s in parse(one.lines, bold=set(one.bold_lines)).sections if s.heading] == []
    points = clean("开场白，说明来意。\n**政策要落地**\n**服务要跟上**\n各地出台政策，鼓励人才返乡创业。", rules)
    assert [s.heading for s in parse(points.lines, bold=set(points.bold_lines)).sections if s.heading] == []
    blanked = clean("开场白，说明来意。\n**是人口大县，全县有两百万人\n", rules)
    assert blanked.bold_lines == [] and blanked.lines[1].text == "**是人口大县，全县有两百万人"


def test_an_ordinal_that_counts_what_the_opening_announced_is_a_heading_on_its_own():
    """下面，我讲三句话 … 第一句话：X on a line of its own: a heading though the page stops before the second."""
    text = "同志们：\n这次培训班今天开班了。下面，我讲三句话，与大家共勉。\n第一句话：把学习作为第一追求\n选择了学习就选择了进步，学习是干部成长的阶梯。"
    assert [(h, lv) for _, lv, h in outline(parse(lines_of(text)))] == [("第一句话：把学习作为第一追求", 1)]


LONE = (
    "同志们：\n今天召开全区青年干部座谈会，与大家面对面交流。借此机会，我结合自己的经历，与大家交流几点想法。\n"
    "{lead}理想信念是共产党人的精神支柱和政治灵魂，青年干部必须筑牢理想信念根基，在真学真懂真信上下功夫。"
)


def test_a_page_showing_only_its_first_part_has_its_run_in_head_known_by_place_and_shape(rules):
    """One run-in head, no sibling to compare with: the opening says points follow and the paragraph's first
    sentence reads as a head. A sentence of the text (a copula, a voice, an aspect) is none."""
    parsed = parse(clean(LONE.format(lead="青年干部要始终把坚定理想信念作为安身立命之本。"), rules).lines)
    assert [(s.heading, s.style, s.level) for s in parsed.sections if s.kind == "body"] == [
        ("青年干部要始终把坚定理想信念作为安身立命之本。", "lone-lead", 1)]
    for sentence in ("理想信念是安身立命之本。", "我们要把理想信念作为根本。", "青年干部成长取得了长足进步。"):
        assert [s.heading for s in parse(clean(LONE.format(lead=sentence), rules).lines).sections if s.heading] == []
    # Without the announcement, only a slogan's shape (two four-character phrases, then a third) tells it.
    quiet = LONE.replace("我结合自己的经历，与大家交流几点想法。", "我很高兴来到这里。")
    assert [s.heading for s in parse(clean(quiet.format(lead="青年干部要始终把坚定理想信念作为安身立命之本。"), rules).lines).sections if s.heading] == []
    slogan = parse(clean(quiet.format(lead="培元固本、夯实根基，强化理想信念建设。"), rules).lines)
    assert [s.heading for s in slogan.sections if s.heading] == ["培元固本、夯实根基，强化理想信念建设。"]


def test_a_point_whose_earlier_siblings_the_page_lost_is_a_heading_and_a_space_ends_a_first_point(rules):
    """Page 3 of a speech opens mid-text and reaches 第四，: the earlier points are on the pages before. A
    第一， whose text follows after a space (its line break, lost) stands alone like a heading line."""
    page3 = "现在，我们一些干部最缺的是实践经验，要在基层一线经受锻炼。\n第四，激励干部积极性。严管不是把干部管死，而是要激励干部担当作为。"
    assert [(h, lv) for _, lv, h in outline(parse(clean(page3, rules).lines))] == [("第四，激励干部积极性。", 1)]
    inside = "干部成长有规律。第一，要有实践经验，干部要在一线锻炼。\n" + page3  # the series is the text's own
    assert [h for _, _, h in outline(parse(clean(inside, rules).lines)) if h] == []
    spaced = "同志们：\n今天和大家一起学习交流。\n第一，什么是绝对忠诚 “天下至德，莫大于忠”。忠诚是一种优秀品质，对组织要做到忠诚老实。"
    assert [h for _, _, h in outline(parse(clean(spaced, rules).lines))] == ["第一，什么是绝对忠诚"]


SPEECH_BODY = "同志们：\n今天我们召开这次会议，主要是总结工作，部署任务，我们要抓好落实。\n"


@pytest.mark.parametrize(
    "above, title",
    [
        # the same title twice in two wordings, the first numbered as a collection's piece: the one nearer the text
        ("第一篇：机关党支部组织生活不实的原因及对策\n机关党支部组织生活难以落实的原因及对策", "机关党支部组织生活难以落实的原因及对策"),
        # a collection's name over a piece's own title
        ("党建范文8篇\n时间：2024-03-01 10:00:00\n推进机关党建的几点思考", "推进机关党建的几点思考"),
        ("组织工作讲话汇编（20篇）\n在全县组织工作会议上的讲话\n20XX年5月XX", "在全县组织工作会议上的讲话"),
        # a piece's number and the name the collection lists it by, over the piece's own title
        ("党务培训5篇\n第1篇：党务知识培训\n基层党务工作实务培训材料", "基层党务工作实务培训材料"),
        # a title broken over two lines, then a date line whose 年 and 月 were lost
        ("在全县基层党建工作会议上的\n讲话\n2019612日)", "在全县基层党建工作会议上的讲话"),
        # the whole title above, cut under it (its 讲话 lost) before such a date line
        ("在全县基层党建工作会议上的讲话\n在全县基层党建工作会议上的\n2019612日)", "在全县基层党建工作会议上的讲话"),
        # a label with nothing after it over the title
        ("今天是：\n在全县基层党建工作会议上的讲话", "在全县基层党建工作会议上的讲话"),
        # a run of underscores is a blank to fill in, not a site's separator
        ("202____年第一党支部主题党日上的讲话", "202____年第一党支部主题党日上的讲话"),
        # two halves of a slogan stay one title
        ("凝心聚力抓党建\n奋发有为开新局", "凝心聚力抓党建 奋发有为开新局"),
    ],
)
def test_stacked_title_lines_give_one_title_never_two_joined(rules, above, title):
    cleaned = clean(above + "\n" + SPEECH_BODY, rules)
    assert parse(cleaned.lines, removed=cleaned.removed).header.title == title


def test_a_label_alone_is_the_title_only_when_no_other_title_line_stands_beside_it(rules):
    cleaned = clean("本周任务：\n全体：整理本月的会议记录，按时报送。\n", rules)
    assert parse(cleaned.lines, removed=cleaned.removed).header.title == "本周任务："


def test_a_dash_led_line_standing_alone_heads_a_part_and_a_quotations_source_does_not():
    text = (
        "同志们：\n这段时间，总有些场景浮现眼前，让人感触、令人难忘。\n——回顾三年奋斗历程，最难忘的是全区上下的拼搏奋斗\n"
        "三年多的时间弹指一挥间，在历史长河中只是沧海一粟，却是我职业生涯里难得的财富。"
    )
    assert [(h, lv) for _, lv, h in outline(parse(lines_of(text)))] == [("——回顾三年奋斗历程，最难忘的是全区上下的拼搏奋斗", 1)]
    quoted = text.replace("令人难忘。", "“为官一任，造福一方。”").replace("——回顾三年奋斗历程，最难忘的是全区上下的拼搏奋斗", "——引自一位老同志的赠言与嘱托")
    assert [h for _, _, h in outline(parse(lines_of(quoted))) if h] == []


def test_headings_glued_to_their_first_sentence_end_where_the_text_lists_them_again():
    """A run-together page: 一、<heading><first sentence>。 with nothing between; the summing-up names the
    headings in a list, so each ends after its listed phrase. Two leads built in one frame are a series too."""
    text = (  # as the run-together page is parted at its numbers
        "乡镇党建工作总结。主体：\n一、加强组织领导乡镇党组织应树立正确的领导观念，发挥核心作用。要强化组织建设。\n"
        "二、完善队伍建设党员是乡镇党建工作的中坚力量。要加强党员培训。\n结语：通过加强组织领导、完善队伍建设，可以推动工作发展。"
    )
    parsed = parse(lines_of(text))
    assert [(s.heading, [p.text for p in s.paragraphs][:1]) for s in parsed.sections if s.kind == "body"] == [
        ("一、加强组织领导", ["乡镇党组织应树立正确的领导观念，发挥核心作用。要强化组织建设。"]),
        ("二、完善队伍建设", ["党员是乡镇党建工作的中坚力量。要加强党员培训。"]),
    ]
    framed = "支部书记贵在品格。\n涵养对党忠诚的政治品格。对党忠诚，是党员干部的首要政治品格。\n锤炼担当作为的干事品质。支部书记要敢于担当，把每件事做实。"
    assert [h for _, _, h in outline(parse(lines_of(framed)))] == ["涵养对党忠诚的政治品格。", "锤炼担当作为的干事品质。"]


def test_a_compilations_part_named_in_brackets_stays_and_heads_the_points_inside_it(rules):
    """【求真务实篇】 names a part of a compilation: not a title's decoration (【精选3篇】 is), and above 一是/二是."""
    text = (
        "县委书记交流发言汇编\n【求真务实篇】\n对新一届县委来讲，发展是第一要务，富民是最大根本。\n"
        "一是从实处找问题。我们出台了村居干部行为规范手册，推行党群议事会制度。\n二是从实处抓落实。坚持传统产业转型升级和新兴产业培育两手抓。"
    )
    parsed = parse(clean(text, rules).lines)
    assert [(h, lv) for _, lv, h in outline(parsed)] == [("【求真务实篇】", 1), ("一是从实处找问题。", 2), ("二是从实处抓落实。", 2)]
    assert "【精选3篇】" not in [line.text for line in clean("【精选3篇】\n" + text, rules).lines]


def test_headings_parted_from_the_sentence_they_were_glued_to_are_counted_for_the_curator(tmp_path):
    from conftest import make_corpus
    from build_kb.pipeline import build_knowledge_base

    text = (
        "乡镇党建工作总结\n主体：\n一、加强组织领导乡镇党组织应树立正确的领导观念，发挥核心作用。要强化组织建设。\n"
        "二、完善队伍建设党员是乡镇党建工作的中坚力量。要加强党员培训。\n三是从实处抓落实。要把工作做实。\n"
        "结语：通过加强组织领导、完善队伍建设，可以推动工作发展。"
    )
    (speech,) = build_knowledge_base(make_corpus(tmp_path / "c", {"x.txt": text})).speeches
    assert [(r.code, r.message, r.line) for r in speech.review if r.code == "glued-headings"] == [
        ("glued-headings", "小标题和正文之间没有标点或换行，按同级小标题在小标题末尾拆开 2 处（第 3, 4 行）：请看拆得是否正确", 3)]


def test_a_report_that_opens_on_its_first_part_above_the_salutation_keeps_it_as_a_heading():
    text = "在全国组织工作会议上的报告\n一、党的一般情况\n同志们！\n我们这次会议要讨论党的组织上的若干问题。\n二、党员的教育\n要加强党员教育。"
    parsed = parse(lines_of(text))
    assert parsed.header.title == "在全国组织工作会议上的报告"
    assert [(h, lv) for _, lv, h in outline(parsed)] == [("一、党的一般情况", 1), ("二、党员的教育", 1)]
    assert [(p.text, p.kind) for p in parsed.sections[0].paragraphs] == [("同志们！", "salutation"), ("我们这次会议要讨论党的组织上的若干问题。", "text")]


def test_items_that_open_with_a_listed_phrase_are_not_headings_glued_to_their_sentences():
    """A textbook's items open with phrases its text lists elsewhere (…、市场经济、党的领导…): an item whose phrase is
    its sentence's subject (（2）党的领导是…；) or a standing heading (十一、推进某某体系和能力现代化，坚决维护…) is
    never cut after the phrase; only most of one series, each glued to a sentence of its own, is."""
    from build_kb.ingest.parse import Block, _listed_ends, detect_numbered

    blocks = [Block(1, "本章讲计划经济、市场经济、党的领导、推进某某体系的关系。"),
              Block(2, "（1）计划经济和市场经济不是划分社会制度的标志；"), Block(3, "（2）党的领导是充分发挥制度优势的根本保障；"),
              Block(4, "（3）市场经济作为资源配置的一种方式，本身不具有制度属性。"), Block(5, "十一、推进某某体系和能力现代化，坚决维护国家安全")]
    assert _listed_ends(blocks, [detect_numbered(b.text) for b in blocks]) == {}


def test_one_short_line_right_under_the_words_that_say_points_follow_is_a_heading(rules):
    """A page cut after its first part: one unpunctuated line, right under 与大家交流几点想法。, over its text."""
    text = (
        "同志们：\n今天召开青年干部座谈会，借此机会，我结合自己的经历，与大家交流几点想法。\n坚定理想信念，筑牢思想根基\n"
        "理想信念是共产党人的精神支柱和政治灵魂，青年干部必须筑牢理想信念根基，在真学真懂真信上下功夫。"
    )
    assert [(h, lv) for _, lv, h in outline(parse(clean(text, rules).lines))] == [("坚定理想信念，筑牢思想根基", 1)]
    elsewhere = text.replace("与大家交流几点想法。", "心里很高兴。")
    assert [h for _, _, h in outline(parse(clean(elsewhere, rules).lines)) if h] == []


SIGN_OFF_FORMS = ["2023年6月15日", "二〇二三年六月十五日", "2023/6/15", "2023.6.15", "2023-06-15"]


@pytest.mark.parametrize("form", SIGN_OFF_FORMS)
def test_every_usual_date_form_is_read_whole_as_the_sign_off_under_the_lead_and_in_a_signer_s_line(form):
    """A date in any usual form is the whole date (never its year only) wherever a document dates
    itself: a 成文日期 line under the text, a writer's sign-off with the date on one line, the date line
    under the title."""
    from build_kb.ingest.gongwen import read_signing_date
    from build_kb.ingest.parse import read_sign_off, signature_date

    body = "一、基层党建\n全年围绕基层党建抓落实，各项任务按计划推进。\n二、干部工作\n坚持好干部标准，大力发现培养选拔优秀年轻干部。\n"
    assert read_signing_date(form) == "2023-06-15"
    assert signature_date(parse(lines_of(f"某某县委组织部2023年上半年工作小结\n{body}中共某某县委组织部\n{form}")).sections) == "2023-06-15"
    signed = parse(lines_of(f"2023年上半年工作小结\n{body}——某某 {form}于某地"))
    assert signature_date(signed.sections) == "2023-06-15"
    assert [p.text for p in signed.sections[-1].paragraphs] == [f"——某某 {form}于某地"] and signed.sections[-1].kind == "closing"
    assert read_sign_off(f"张明　{form}")[0] == "2023-06-15"
    header = parse_header(lines_of(f"在全县组织工作会议上的讲话\n（{form}）"), "")
    assert (header.date, header.year) == ("2023-06-15", 2023)


@pytest.mark.parametrize("text", ["版本 v2023.6.15", "V1.2023.6.15", "2023.6.15.2", "活动时间 2023.6.15-2023.7.1", "2023/6/15至2023/6/20",
                                  "2023.6.15—2023.7.1", "2023/06-15"])
def test_a_version_number_or_a_range_is_no_date(text):
    from build_kb.ingest.parse import read_sign_off

    assert find_date(text) is None
    assert read_sign_off(f"——某某 {text}") is None
