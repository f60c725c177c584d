"""Chrome joined to speech, and speech lost beside chrome (issue 32, round 9's classes): each class on a
hand-written page, a positive and a negative. The chrome is cut off or removed and logged; the speech stays."""
import re

from build_kb.ingest.clean import clean
from build_kb.pipeline import build_knowledge_base

from conftest import make_corpus

HAN = re.compile(r"[\u4e00-\u9fff]")


def kept(cleaned) -> list[str]:
    return [line.text for line in cleaned.lines if line.text]


def removed(cleaned) -> list[tuple[str, str]]:
    return [(r.text, r.rule) for r in cleaned.removed]


def wrapped(text: str, width: int) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


PARAGRAPH = (
    "今天召开全县组织工作会议，主要任务是总结去年全县组织工作，分析当前面临的形势和任务，安排部署今年的重点工作。"
    "过去一年，全县各级组织部门围绕中心、服务大局，在加强领导班子建设、干部队伍建设、基层组织建设和人才队伍建设等方面"
    "做了大量卓有成效的工作，为全县经济社会发展提供了坚强的组织保证，成绩来之不易，经验值得总结。"
)
FOOTER = ["更多资料关注微信公众号：某某笔记", "某某阁 公文写作之家，笔杆子加油站", "www.mouwang.cn"]


def test_a_footer_printed_again_inside_a_wrapped_paragraph_goes_and_the_line_under_it_stays(rules):
    lines = wrapped(PARAGRAPH, 20)
    page = ["在全县组织工作会议上的讲话", "VIP专享", *FOOTER[1:], "同志们：", *lines[:3], *FOOTER, *lines[3:6], *FOOTER, *lines[6:]]
    cleaned = clean("\n".join(page), rules)
    assert [text for text, rule in removed(cleaned)] == ["VIP专享", *FOOTER[1:], *FOOTER, *FOOTER]
    assert "".join(HAN.findall("".join(kept(cleaned)))) == "".join(HAN.findall("在全县组织工作会议上的讲话同志们" + PARAGRAPH))
    assert not any("加油站" in text for text in kept(cleaned))


def test_a_reports_repeated_subhead_beside_its_own_text_is_no_footer(rules):
    page = "某某县委组织部工作总结\n主要做法\n全年围绕基层党建抓落实，各项任务按计划推进，取得了阶段性成效。\n主要做法\n干部队伍建设稳步推进，一些措施落得更细更实，群众满意度明显提高。"
    cleaned = clean(page, rules)
    assert removed(cleaned) == [] and kept(cleaned).count("主要做法") == 2


def test_the_title_line_printed_again_under_a_paragraph_is_chrome_but_a_sentence_with_its_words_is_speech(rules):
    opening = "回顾党的历史，我们看到一代又一代共产党人始终坚守初心，担当使命，在各自岗位上作出了无愧于时代的贡献。"
    page = f"【党课讲稿】守初心 担使命\n来源：某某范文网\n{opening}\n【党课讲稿】守初心 担使命\n守初心，就要牢记入党誓词\n我们要守初心、担使命，把入党誓词落实到每一项具体工作中去，做到知行合一。"
    cleaned = clean(page, rules)
    assert removed(cleaned) == [("来源：某某范文网", "posting-info"), ("【党课讲稿】守初心 担使命", "chrome-evidence")]
    assert kept(cleaned)[-1] == "我们要守初心、担使命，把入党誓词落实到每一项具体工作中去，做到知行合一。"
    unlabelled = clean(page.replace("\n【党课讲稿】守初心 担使命\n", "\n守初心 担使命\n"), rules)
    assert ("守初心 担使命", "chrome-evidence") in removed(unlabelled)


def test_a_junk_string_glued_before_a_line_is_cut_off(rules):
    cleaned = clean("在全县党建工作会议上的讲话\n# Q( m2 | T* [* `今年3月以来，我们在全县开展了党建工作大调研。\n5 p. _- c6 g\" q# ]- u——第二，为什么要学", rules)
    assert kept(cleaned) == ["在全县党建工作会议上的讲话", "今年3月以来，我们在全县开展了党建工作大调研。", "——第二，为什么要学"]
    assert cleaned.normalised["jammer-codes"] == 2


def test_a_continuation_note_is_cut_off_the_line_it_stands_on_and_logged(rules):
    page = "[接上页]（五）加强对人才工作的组织领导\n完善党委联系专家制度，形成全社会关心人才发展的良好氛围。（下转第2版）\n我们要转作风、接地气，（续）不是口号。\n续前页 各级党组织要把人才工作摆上重要位置。（转下页）"
    cleaned = clean(page, rules)
    assert kept(cleaned) == ["（五）加强对人才工作的组织领导", "完善党委联系专家制度，形成全社会关心人才发展的良好氛围。", "我们要转作风、接地气，（续）不是口号。", "各级党组织要把人才工作摆上重要位置。"]
    assert removed(cleaned) == [("[接上页]", "continuation-mark"), ("（下转第2版）", "continuation-mark"), ("续前页", "continuation-mark"), ("（转下页）", "continuation-mark")]


ABSTRACT = "人才工作领导机构承担着落实党管人才原则的重要责任，是整合人才开发资源的组织保证，是人才治理体系的有机组成部分。"


def test_a_journal_abstract_keeps_its_text_and_the_classification_line_goes(rules):
    page = f"[摘 要]{ABSTRACT}\n[关键词]人才工作 机构改革\n【中图分类号】D26 【文献标识码】A\n一、人才工作领导机构重任在肩\n为有效调动各方力量，中央组织成立了人才工作协调小组。"
    cleaned = clean(page, rules)
    assert kept(cleaned)[0] == ABSTRACT
    assert removed(cleaned) == [("[摘 要]", "page-summary"), ("[关键词]人才工作 机构改革", "page-summary"), ("【中图分类号】D26 【文献标识码】A", "page-summary")]
    assert [(s.line, s.pieces) for s in cleaned.splits] == [(1, 2)]


def test_a_short_summary_or_an_editors_blurb_goes_whole_with_its_label(rules):
    page = "摘要：会议部署了今年的重点工作。\n摘要：某某网小编为你整理了多篇相关的讲话稿，但愿对你工作学习有帮助，欢迎阅读参考。\n同志们：\n今天召开全县组织工作会议。"
    cleaned = clean(page, rules)
    assert [text for text, rule in removed(cleaned)] == page.split("\n")[:2] and cleaned.splits == []


LEAD = "昨日，全市村党组织书记示范培训班第四期在某某开班，进一步打造过硬的村书记队伍。副市长某某作开班动员。"


def test_a_sites_credit_is_parted_from_the_lead_it_opens_and_the_lead_stays(rules):
    cleaned = clean(f"本网5月21日综合讯 {LEAD}\n会议指出，乡村振兴战略是新时代“三农”工作的总抓手，村书记要当好表率。", rules)
    assert removed(cleaned) == [("本网5月21日综合讯", "editor-note")]
    assert kept(cleaned)[0] == LEAD and [(s.line, s.pieces) for s in cleaned.splits] == [(1, 2)]
    credited = clean(f"记者 某某 通讯员 某某某 {LEAD}", rules)
    assert removed(credited) == [("记者 某某 通讯员 某某某", "chrome-evidence")] and kept(credited) == [LEAD]
    labelled = clean(f"稿件来源：某某县委组织部 {LEAD}", rules)
    assert removed(labelled) == [("稿件来源：某某县委组织部", "posting-info")] and kept(labelled) == [LEAD]
    bracketed = clean(f"本报讯（记者 某某 通讯员 某某某）{LEAD}", rules)
    assert removed(bracketed) == [("本报讯（记者 某某 通讯员 某某某）", "chrome-evidence")] and kept(bracketed) == [LEAD]
    # A wire's dateline dates the report: it stays with the lead.
    wired = clean(f"新华社北京5月3日电（记者 某某）{LEAD}", rules)
    assert removed(wired) == [] and kept(wired) == [f"新华社北京5月3日电（记者某某）{LEAD}"]  # spaces in prose go


def test_a_sentence_that_names_a_source_or_a_reporter_is_not_parted(rules):
    page = "人才来源 要拓宽渠道，把各方面优秀人才集聚到党和人民的事业中来。\n各位记者 朋友们，感谢大家一年来对全县组织工作的关注和支持。"
    cleaned = clean(page, rules)
    assert kept(cleaned) == page.split("\n") and removed(cleaned) == [] and cleaned.splits == []


def test_a_month_digit_wrapped_onto_its_own_line_is_joined_to_its_date(rules):
    cleaned = clean("3\n月15日下午，机关党委召开党支部书记例会，机关党委书记某某某主持会议并讲话。\n2024\n年，我们要在全面从严治党上下更大功夫。", rules)
    assert kept(cleaned) == ["3月15日下午，机关党委召开党支部书记例会，机关党委书记某某某主持会议并讲话。", "2024年，我们要在全面从严治党上下更大功夫。"]
    assert removed(cleaned) == [] and [(j.first, j.last) for j in cleaned.joins] == [(1, 2), (3, 4)]


def test_a_lone_page_number_over_a_heading_is_no_date(rules):
    cleaned = clean("同志们：\n今天召开全县组织工作会议，主要任务是总结去年工作，部署今年任务。\n3\n一、加强学习", rules)
    assert removed(cleaned) == [("3", "page-counter")] and kept(cleaned)[-1] == "一、加强学习"


def test_a_caption_of_the_scene_with_a_stop_is_chrome(rules):
    cleaned = clean("会议现场。\n11月11日，全县人才工作调度会在县委组织部召开，全县17个乡镇参加会议。", rules)
    assert removed(cleaned) == [("会议现场。", "chrome-evidence")]


def test_the_text_cut_off_by_the_page_stays_with_its_sentence(rules):
    line = "借此机会，我谨代表区四家班子向各位老领导致以节日的问候和衷心的祝愿！祝大家新年愉快，身体健康，合家欢乐，万事..."
    cleaned = clean(f"在全区离退休老干部座谈会上的讲话\n{line}", rules)
    assert kept(cleaned)[-1] == line and cleaned.splits == []


def test_a_wrapped_paragraphs_first_line_short_by_its_lost_indent_goes_on(rules):
    body = wrapped(PARAGRAPH, 22)
    first = "今天召开全县组织工作会议，对于进一步明确全县组"  # 22 − 2: the indent lost
    rest = wrapped("织工作的目标任务" + PARAGRAPH[26:], 22)
    cleaned = clean("\n".join(["在全县组织工作会议上的讲话", "同志们：", first, *rest, "二、坚持党建引领，推动全县高质量发展", *body]), rules)
    assert kept(cleaned)[2] == first + "".join(rest)
    # A numbered heading of that width with a clause is no paragraph's first line.
    assert kept(cleaned)[3] == "二、坚持党建引领，推动全县高质量发展"


def test_a_rules_removal_that_reads_as_speech_goes_to_the_review_with_its_fix(tmp_path):
    mixed = "我们要坚持党管人才原则，完善党委统一领导的工作格局。以下是小编为大家整理的资料。我们要抓好人才工作的各项任务落实。"
    page = f"在全县人才工作会议上的讲话\n同志们：\n{mixed}\n一、加强基层党组织建设。要提升组织力，建强党支部，我们要抓好落实。\n本文系作者原创投稿，仅供学习参考，请勿照搬照抄！更多资料请关注微信公众号。"
    (speech,) = build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": page})).speeches
    assert [(r.line, r.rule) for r in speech.clean.removed] == [(3, "editor-note"), (5, "copyright-notice")]
    assert [(r.code, r.line) for r in speech.review if r.message.startswith("删去的这一行像讲话正文")] == [("doubtful-line", 3)]


def test_a_journals_classification_line_under_an_abstract_goes_and_a_sentence_naming_it_stays(rules):
    page = f"摘要：{ABSTRACT}\n中图分类号：D26 文献标识码：A 文章编号：1000-0000(2021)03-0012-05\n一、人才工作领导机构重任在肩\n文章编号是期刊管理的一项基础工作，我们要按照有关规定规范做好编号、登记和归档等各个环节的工作。"
    cleaned = clean(page, rules)
    assert removed(cleaned) == [("摘要：", "page-summary"), ("中图分类号：D26 文献标识码：A 文章编号：1000-0000(2021)03-0012-05", "journal-classification")]
    assert kept(cleaned) == [ABSTRACT, "一、人才工作领导机构重任在肩", "文章编号是期刊管理的一项基础工作，我们要按照有关规定规范做好编号、登记和归档等各个环节的工作。"]


def test_a_label_over_the_first_item_of_a_list_goes_and_the_item_stays(rules):
    # a record's agenda under 摘要: the label is a page-summary's word, the items are the record's own
    page = "宿舍安全会议记录\n摘要:1.舍长到场，清点人数。\n2.讲解用电安全，不得使用违规电器。\n3.检查门窗和消防通道，保持畅通。"
    cleaned = clean(page, rules)
    assert kept(cleaned) == ["宿舍安全会议记录", "1.舍长到场，清点人数。", "2.讲解用电安全，不得使用违规电器。", "3.检查门窗和消防通道，保持畅通。"]
    assert removed(cleaned) == [("摘要:", "page-summary")] and [(s.line, s.pieces) for s in cleaned.splits] == [(2, 2)]
    # a summary whose next line is no second item goes whole, as before
    page = "摘要:1.会议部署了今年的重点工作。\n同志们：\n今天召开全县组织工作会议。"
    assert removed(clean(page, rules)) == [("摘要:1.会议部署了今年的重点工作。", "page-summary")]
