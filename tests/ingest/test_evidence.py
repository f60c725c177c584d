"""Per-line evidence for chrome vs speech (build_kb/ingest/evidence.py) and its three outcomes in clean()."""

from __future__ import annotations

import doctest
import re

import pytest

from build_kb.check import check_report, report_text
from build_kb.ingest import evidence
from build_kb.ingest.clean import clean
from build_kb.ingest.evidence import LineContext, judge, judge_lines
from build_kb.pipeline import build_knowledge_base

from conftest import make_corpus


def test_the_readers_docstring_examples_hold():
    assert doctest.testmod(evidence).failed == 0


@pytest.mark.parametrize(
    ("text", "outside", "verdict"),
    [
        # chrome nobody wrote a rule for, caught by its shape and its words
        ("文档格式：docx 大小：68.5KB 页数：19 页", True, "chrome"),
        ("第A03版：要闻", True, "chrome"),
        ("content_12345.html", True, "chrome"),
        ("The general office of the provincial government held this meeting today to review the work.", True, "chrome"),
        ("本报讯（记者 何某某）", True, "chrome"),  # the paper's credit before a lead (reporter-credit)
        # the speech's own lines, wherever they stand
        ("（2021年6月18日）", True, "speech"),
        ("2024年1月12日 星期五 成都", True, "speech"),
        ("县委常委、组织部部长 陈立新", True, "speech"),
        ("同志们：", True, "speech"),
        ("二、切实增强做好新时代人才工作的责任感和紧迫感", False, "speech"),
        ("要把下载安装学习强国作为党员学习的重要途径，我们要抓好落实。", False, "speech"),
        # neither: kept, and sent to a person
        ("记者 张明", True, "doubtful"),
    ],
)
def test_one_line_on_its_own(text, outside, verdict):
    assert judge(LineContext(text, outside)).verdict == verdict


def test_place_adds_to_a_lines_own_evidence_only():
    lines = ["第A03版：要闻", "2024年6月14日 星期五", "全市组织部长会议召开", "6月12日，全市组织部长会议召开。会议要求各级党组织抓好落实，推动组织工作高质量发展。"]
    judged = judge_lines(lines, set(), (3, 4))
    assert {i: j.verdict for i, j in judged.items()} == {0: "chrome", 1: "chrome", 2: "speech", 3: "speech"}
    # The issue date above the headline is the paper's: above the title and next to its page label.
    assert [e.reader for e in judged[1].evidence][-2:] == ["above-the-title", "next-to-chrome"]


def test_an_issue_date_on_the_very_first_line_above_the_page_label_is_the_papers():
    lines = ["2022年11月3日 星期四", "第A05版：综合", "全区组织工作推进会召开", "11月2日，全区组织工作推进会召开。会议要求各级党组织抓好落实，推动组织工作高质量发展。"]
    judged = judge_lines(lines, set(), (3, 4))
    assert {i: j.verdict for i, j in judged.items()} == {0: "chrome", 1: "chrome", 2: "speech", 3: "speech"}
    assert [e.reader for e in judged[0].evidence][-3:] == ["issue-date", "above-the-title", "next-to-chrome"]


def test_a_line_under_the_text_counts_as_repeated_only_when_it_stood_above_the_text():
    deck = "市委书记某某出席会议并讲话"
    prose = "会议要求各级党组织抓好落实，推动组织工作高质量发展。"
    # The deck above the headline's report, given again under it: the page's.
    judged = judge_lines(["全市组织部长会议召开", deck, prose, prose, deck], set(), (2, 4))
    assert "repeats-a-line" in [e.reader for e in judged[4].evidence]
    # The same line inside the text and again under it: no evidence, so editing the one never moves the other.
    judged = judge_lines(["全市组织部长会议召开", prose, deck, prose, deck], set(), (1, 4))
    assert "repeats-a-line" not in [e.reader for e in judged[4].evidence]


def test_a_speechs_own_date_with_its_weekday_under_its_title_stays():
    lines = ["第A05版：综合", "在全区组织工作推进会上的讲话", "2022年11月2日 星期三", "同志们：", "今天召开全区组织工作推进会，主要任务是总结工作、部署任务，我们要抓好落实。"]
    judged = judge_lines(lines, set(), (3, 5))
    assert judged[2].verdict == "speech"
    assert "issue-date" not in [e.reader for e in judged[2].evidence]


def test_clear_chrome_is_removed_and_logged_doubt_is_kept_and_listed(rules):
    text = (
        "资源描述：党课课件 68.5KB 19 页\n在全县组织工作会议上的讲话\n同志们：\n一、加强基层党组织建设。要提升组织力，建强党支部，我们要抓好落实。\n"
        "二、建设干部队伍。坚持好干部标准，把干部选好用好。\n本报讯\n"
    )
    cleaned = clean(text, rules)
    assert [(r.line, r.rule) for r in cleaned.removed] == [(1, "chrome-evidence")]
    assert [(d.line, d.text, d.reasons) for d in cleaned.doubtful] == [(6, "本报讯", "interface-words, at-the-page-end, outside-the-body")]
    assert "本报讯" in [line.text for line in cleaned.lines]
    # The curator's word settles it either way, and then nothing is doubtful.
    assert clean(text, rules, keep_lines={6}).doubtful == []
    assert [(r.line, r.rule) for r in clean(text, rules, drop_lines={6}).removed] == [(1, "chrome-evidence"), (6, "drop_lines (speeches.yaml)")]


def test_kb_check_lists_a_doubtful_line_with_its_one_line_fix(tmp_path):
    text = "在全县组织工作会议上的讲话\n同志们：\n一、加强基层党组织建设。要提升组织力，建强党支部，我们要抓好落实。\n二、建设干部队伍。坚持好干部标准。\n本报讯\n"
    report = check_report(build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": text})))
    (speech,) = report["speeches"]
    assert speech["doubtful"] == [{"line": 5, "reasons": "interface-words, at-the-page-end, outside-the-body", "text": "本报讯"}]
    assert [(x["code"], x["line"], x["settled_by"]) for x in speech["to_check"] if x["code"] == "doubtful-line"] == [("doubtful-line", 5, "drop_lines")]
    shown = report_text(report)
    assert "存疑：1 行保留着（见待核对）" in shown
    assert "  ！第 5 行：可能是网页上的文字（网站界面用语、网页最后一行、在正文之外），现保留为正文：本报讯" in shown
    assert '→ 在 c/speeches.yaml 末尾另起一行写 "a.txt":，再在其下加一行（行首空两格）：drop_lines: [5]（不是讲话正文）；或 keep_lines: [5]（是讲话正文）' in shown


def test_a_reports_credits_under_it_go_and_a_speechs_signature_stays(rules):
    """Names with at most a label under a report are its credits, whatever the label says: a reporter on
    a line of their own, a signer in brackets, a writer's name alone in brackets."""
    report = (
        "全县组织工作会议召开\n5月6日，全县组织工作会议召开，县委书记某某出席会议并讲话，要求各级党组织抓好落实。\n"
        "会议强调，要坚持好干部标准，建设高素质干部队伍，推动组织工作高质量发展。\n{0}\n"
    )
    for credit in ("记者 刘某某", "（签发：周某某）", "（韩某月）", "执笔 孙某 黄某某", "文/刘某 图/孙某", "执笔：周某 统稿：吴某某"):
        cleaned = clean(report.format(credit), rules)
        assert [(r.line, r.text, r.rule) for r in cleaned.removed] == [(4, credit, "chrome-evidence")], credit
    # A speech signs with its speaker's role, or the speaker's name alone: a byline the parser reads.
    for signature in ("县委书记 张某某", "张某某", "讲话人：张某某"):
        assert clean(report.format(signature), rules).removed == [], signature


def test_a_caption_credited_to_a_sites_photographer_goes_whole_and_is_never_continued(rules):
    text = (
        "全市人才工作座谈会召开\n5月6日，全市人才工作座谈会召开，市委书记某某出席会议并讲话，要求各级党组织抓好落实。\n"
        "座谈会现场。某某网 刘某某摄\n会议强调，要坚持党管人才，建设高素质人才队伍，推动人才工作高质量发展。\n"
        "5月6日，某某在座谈会上讲话。某某网 刘某某摄\n"
    )
    cleaned = clean(text, rules)
    assert [(r.line, r.rule) for r in cleaned.removed] == [(3, "chrome-evidence"), (5, "chrome-evidence")]
    assert cleaned.joins == [] and cleaned.splits == []


def test_under_the_text_a_line_between_two_lines_of_chrome_is_an_item_of_the_pages_list():
    prose = "会议要求各级党组织抓好落实，推动组织工作高质量发展，为全省发展提供坚强组织保证。"
    lines = [prose, "为您推荐", "来源：某某日报 编辑丨某某某", "稳住基本盘、守住底线！", "您可能也对以下文章感兴趣", "文章有问题？点此查看"]
    judged = judge_lines(lines, {2}, (0, 1))
    assert judged[3].verdict == "chrome" and "between-chrome" in judged[3].reasons()
    # The text's own last words, with chrome only under them, stay.
    lines = [prose, "同志们，让我们团结一心、奋发有为！", "您可能也对以下文章感兴趣", "文章有问题？点此查看"]
    assert judge_lines(lines, set(), (0, 2))[1].verdict == "speech"


def test_under_the_text_a_fragment_after_a_list_mark_is_a_link_of_the_page(rules):
    text = (
        "全省干部教育工作座谈会召开\n本报讯 3月2日，全省干部教育工作座谈会召开，会议总结交流经验，研究部署下一步工作，要求各级党组织抓好落实。\n"
        "会议强调，要建设高素质干部队伍，推动干部教育培训工作高质量发展。\n某某问答(ask.example.com)\n·《学\n"
    )
    assert [(r.line, r.text) for r in clean(text, rules).removed][-1] == (5, "·《学")


def test_a_sentence_leading_into_the_next_line_is_not_parted_as_a_footer(rules):
    text = (
        "在全市人才工作会议上的讲话\n同志们：\n人才工作是一项基础工作，我们要抓好落实。\n"
        "希望大家认真抓好贯彻落实，把人才工作做得更好。借此机会，我讲两点：\n第一，要摆上位置。人才是第一资源\n"
    )
    cleaned = clean(text, rules)
    assert cleaned.splits == [] and cleaned.doubtful == []


def test_a_news_sites_own_dateline_is_the_report_not_an_editors_note(rules):
    text = "全区组织工作会议召开\n本站讯：3月2日，全区组织工作会议召开。区委书记某某出席并讲话，要求各级党组织抓好落实。\n会议强调，要建设高素质干部队伍。\n"
    assert clean(text, rules).removed == []


# --- layout repairs the evidence relies on -----------------------------------------------------


def test_a_watermark_spliced_again_and_again_is_cut_by_what_its_copies_share(rules):
    mark1, mark2 = "心]语[文创&素材库:https://sucai.example.cn/。公众号:,笔杆子*。整理汇总。", "心语文创(素材?库:https://sucai.example.cn/=。公众号:笔>杆子。整理汇总!。"
    text = (
        "在全县换届工作会议上的讲话\n同志们：\n换届选举即将拉开" + mark1 + "序幕。下面，我讲两点要求。一、站位要高" + mark2
        + "换届风气的好坏，是反映一个地方政治生态的晴雨表。\n"
    )
    cleaned = clean(text, rules)
    assert [(r.rule, r.text) for r in cleaned.removed] == [("inline-watermark", mark1), ("inline-watermark", mark2)]
    assert [line.text for line in cleaned.lines if line.text][2:] == [
        "换届选举即将拉开序幕。下面，我讲两点要求。", "一、站位要高", "换届风气的好坏，是反映一个地方政治生态的晴雨表。"
    ]


def test_a_paywall_gap_parts_the_text_and_a_heading_after_it_stays_one(rules):
    text = "在全县组织工作会议上的讲话\n同志们：\n一、提高站位。今年以来，各级党组织认真落实要求，……此处隐藏4200字……二、突出重点\n要坚持好干部标准。\n"
    cleaned = clean(text, rules)
    assert [(r.line, r.rule, r.text) for r in cleaned.removed] == [(3, "download-prompt", "……此处隐藏4200字……")]
    assert [line.text for line in cleaned.lines if line.text][2:4] == ["一、提高站位。今年以来，各级党组织认真落实要求，", "二、突出重点"]


def test_a_footer_glued_to_the_last_sentence_is_parted_and_judged(rules):
    text = "在全市组织部长会议上的讲话\n同志们：\n一、提高站位。要坚持以党的政治建设为统领。\n同志们，让我们奋发有为，推动组织工作高质量发展！网友评论 浏览次数：1024 上一篇：在全市人才工作会议上的讲话\n"
    cleaned = clean(text, rules)
    assert [(r.line, r.rule, r.text) for r in cleaned.removed] == [(4, "chrome-evidence", "网友评论 浏览次数：1024 上一篇：在全市人才工作会议上的讲话")]
    assert cleaned.lines[-2].text == "同志们，让我们奋发有为，推动组织工作高质量发展！"


def test_a_footer_parted_from_a_rejoined_paragraph_is_logged_under_the_line_it_stood_on(rules):
    text = (
        "在全市组织部长会议上的讲话\n同志们：\n一、提高站位。要坚持以党的政治建设为统领。\n"
        "我们要奋发有为，锐意进取，扎实工作，推动全市组织工作高质量\n发展！网友评论 浏览次数：1024 上一篇：在全市人才工作会议上的讲话\n"
    )
    cleaned = clean(text, rules)
    assert [(j.first, j.last) for j in cleaned.joins] == [(4, 5)]
    assert [(r.line, r.text) for r in cleaned.removed] == [(5, "网友评论 浏览次数：1024 上一篇：在全市人才工作会议上的讲话")]


def test_a_heading_broken_by_a_hard_wrap_is_joined_and_logged(rules):
    text = "在全市人才工作会议上的讲话\n同志们：\n一、切实增强做好新时代人才工作的责任感和紧\n迫感\n人才是第一资源。\n"
    cleaned = clean(text, rules)
    assert "一、切实增强做好新时代人才工作的责任感和紧迫感" in [line.text for line in cleaned.lines]
    assert [(j.first, j.last) for j in cleaned.joins] == [(3, 4)]


def test_a_preview_on_its_own_line_and_a_page_footer_in_the_text_go(rules):
    text = (
        "在全县换届工作动员会上的讲话\n在全县换届工作动员会上的讲话 同志们: 根据中央和省、市委的工作部署，今年第三季度，全县乡\n"
        "在全县换届工作动员会上的讲话 同志们: 根据中央和省、市委的工作部署，今年第三季度，全县乡镇 党委将集中进行换届。 第1页共 17 页\n"
    )
    cleaned = clean(text, rules)
    assert [(r.line, r.rule) for r in cleaned.removed] == [(2, "repeated-preview"), (3, "page-number")]


# --- what the rest of the corpus says ------------------------------------------------------------

_SITE_PAGE = "组织工作专栏\n在全县{0}会议上的讲话\n同志们：\n一、抓好{0}。要提升组织力，建强党支部，我们要抓好落实。\n二、建设{0}队伍。坚持好干部标准。\n"


def test_a_line_other_files_of_the_corpus_have_at_their_edges_is_a_sites(tmp_path):
    """组织工作专栏 has no word of an interface and no shape of one: alone it is kept as speech; on three
    pages of the corpus it is the site's column label above the title, removed and logged."""
    alone = build_knowledge_base(make_corpus(tmp_path / "one", {"a.txt": _SITE_PAGE.format("组织工作")}))
    assert alone.speeches[0].clean.removed == []
    pages = {f"{name}.txt": _SITE_PAGE.format(meeting) for name, meeting in (("a", "组织工作"), ("b", "人才工作"), ("c", "党建工作"))}
    kb = build_knowledge_base(make_corpus(tmp_path / "three", pages))
    assert sorted((s.title, [(r.line, r.text, r.rule) for r in s.clean.removed]) for s in kb.speeches) == sorted(
        (f"在全县{meeting}会议上的讲话", [(1, "组织工作专栏", "chrome-evidence")]) for meeting in ("党建工作", "人才工作", "组织工作")
    )


def test_a_line_one_other_file_has_is_doubted_and_the_cache_knows_the_difference(tmp_path):
    """Two files may be two copies of one speech: a line they share is only doubted (kept, listed);
    a file's cached result is not reused once another file shares its lines."""
    from build_kb.check import check_report

    corpus = make_corpus(tmp_path / "c", {"a.txt": _SITE_PAGE.format("组织工作")})
    cache = tmp_path / "cache"
    assert build_knowledge_base(corpus, cache_dir=cache).speeches[0].clean.removed == []
    (corpus / "b.txt").write_text(_SITE_PAGE.format("人才工作"), encoding="utf-8")
    report = check_report(build_knowledge_base(corpus, cache_dir=cache))
    assert [(s["doubtful"]) for s in report["speeches"]] == [
        [{"line": 1, "reasons": "repeats-across-corpus, above-the-title, outside-the-body", "text": "组织工作专栏"}]
    ] * 2


SPEECH_SIDE = {"sentence", "list-clause", "long-han-text", "heading-number", "salutation", "dateline-or-byline", "speech-voice", "names-a-speech", "a-document-part"}
"""Readers that only ever weigh for speech: they never stand among a line's chrome reasons."""


def test_every_reader_that_weighs_for_chrome_is_named_in_chinese():
    """待核对 and kb check show a kept line's reasons in the curator's words: a reader added to READERS, or
    placed by judge_lines (between-chrome, link-item …), without a name in READER_NAMES would show its
    English name (夹在网页文字之间, not between-chrome)."""
    import inspect

    placed = set(re.findall(r'Evidence\("([a-z-]+)"', inspect.getsource(evidence)))
    chrome_side = ({name for name, _ in evidence.READERS} - SPEECH_SIDE) | placed
    assert placed >= {"between-chrome", "next-to-chrome"} and "link-item" in chrome_side
    assert sorted(chrome_side - set(evidence.READER_NAMES)) == []
    assert not [name for name in chrome_side if not re.search(r"[\u4e00-\u9fff]", evidence.READER_NAMES[name])]
    assert evidence.reasons_in_chinese("between-chrome, link-item, names-only") == "夹在网页文字之间、链接列表的一项、只有人名（署名）"


def test_a_pages_breadcrumb_and_a_reprints_original_title_are_chrome(tmp_path):
    text = (
        "主页 >>\n某县召开组织工作会议\n原标题：某县召开组织工作会议\n"
        "3月2日，某县召开组织工作会议。县委书记王某出席会议并讲话。\n王某强调，要抓好落实。\n"
    )
    (speech,) = build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": text})).speeches
    assert [r.text for r in speech.clean.removed] == ["主页 >>", "原标题：某县召开组织工作会议"]
    assert speech.clean.removed[0].rule == "chrome-evidence"
    assert speech.title == "某县召开组织工作会议"


def test_inside_the_body_a_picture_pointer_is_chrome_and_a_run_of_caption_lines_is_doubt():
    prose = "会上，镇党委书记某某作了重要讲话，对全镇党员干部提出三点要求。"
    lines = [prose, "会场前（左图） 会场后（右图）", prose, "先进集体代表领奖", "优秀党员代表领奖", prose, "一、提高认识", prose, "会议强调", prose]
    judged = judge_lines(lines, set(), (0, len(lines)))
    assert [judged[i].verdict for i in range(len(lines))] == [
        "speech", "chrome", "speech", "doubtful", "doubtful", "speech", "speech", "speech", "speech", "speech"
    ]
    assert judged[3].reasons() == "caption-run"  # a heading, numbered or single, raises no doubt


REPORT = (
    "全县人才工作座谈会召开\n5月6日，全县人才工作座谈会召开，县委常委、组织部部长某某出席会议并讲话，要求各级党组织抓好落实。\n"
    "会议强调，要坚持党管人才，建设高素质人才队伍，推动人才工作高质量发展，为全县发展提供人才支撑。\n"
)


def test_the_pages_footer_runs_to_its_end_under_its_first_clear_line(rules):
    """Under a line of clear chrome below the text, short lines with no sentence are the page's footer
    (a comment label, a loading label); a speech's own marks (a signature, a date line) stay wherever they are."""
    cleaned = clean(REPORT + "（本条新闻版权归某某广播电视台所有，转载请注明出处）\n我来说几句\n正在载入\n", rules)
    assert [(r.line, r.text) for r in cleaned.removed][-2:] == [(5, "我来说几句"), (6, "正在载入")]
    assert {r.rule for r in cleaned.removed if r.line >= 5} == {"chrome-evidence"}
    speech = (
        "在全县人才工作座谈会上的讲话\n同志们：\n今天我们召开全县人才工作座谈会，主要任务是总结工作、部署任务，我们要抓好落实。\n"
        "希望大家把人才工作做得更好，为全县发展提供人才支撑。\n（本条新闻版权归某某广播电视台所有，转载请注明出处）\n县委书记 张某某\n2023年5月8日\n"
    )
    assert [r.line for r in clean(speech, rules).removed] == [5]
    # Three characters under the comment box are its loading label, not a name: no common surname opens them.
    cleaned = clean(REPORT + "网友评论\n加载中\n", rules)
    assert [(r.line, r.text) for r in cleaned.removed] == [(4, "网友评论"), (5, "加载中")]
    # The same short line with no chrome above it is the text's last words: no footer has begun.
    assert "under-the-footer" not in judge_lines(["会议要求各级党组织抓好落实，推动组织工作高质量发展。", "我来说几句"], set(), (0, 1))[1].reasons()


def test_a_footers_licence_number_and_a_credit_naming_an_office_are_the_pages(rules):
    cleaned = clean(REPORT + "网络视听许可证0912345678\n京ICP备12345678号\n", rules)
    assert [(r.line, r.text) for r in cleaned.removed][0] == (4, "网络视听许可证0912345678")
    cleaned = clean(REPORT + "文/图 县委组织部办公室\n", rules)
    assert [(r.line, r.text, r.rule) for r in cleaned.removed] == [(4, "文/图 县委组织部办公室", "chrome-evidence")]


def test_a_label_over_headlines_and_a_teaser_down_to_clear_chrome_is_a_recommended_block(rules):
    text = REPORT + (
        "热点推荐\n某某小学开展 红色研学活动 让党史走进课堂\n研学活动中，老师带着学生参观革命旧址。\n"
        "某某日报讯(通讯员/某某)为进一步推动党史学习教育走深走实...\n相关阅读\n"
    )
    cleaned = clean(text, rules)
    assert [r.line for r in cleaned.removed] == [4, 5, 6, 7, 8]
    assert "between-chrome" in judge_lines(text.splitlines(), {7}, (1, 3))[5].reasons()  # a caption among the list
    # A speech's last words under its text, with chrome only after them, are no label over a list.
    text = REPORT + "谢谢大家\n相关阅读\n"
    assert [r.line for r in clean(text, rules).removed] == [5]


def test_a_run_of_links_with_one_mark_above_the_title_is_a_list_of_the_pages(rules):
    links = "".join(f"· {item}\n" for item in ("某某中学举行春季运动会开", "我县各中小学校开展安全教", "某某村：产业强村，让群众", "全县秋粮开镰收割"))
    cleaned = clean("今天是：\n" + links + REPORT, rules)
    assert [(r.line, r.rule) for r in cleaned.removed] == [(n, "chrome-evidence") for n in (1, 2, 3, 4, 5)]
    assert [line.text for line in cleaned.lines][0] == "全县人才工作座谈会召开"
    # Two such lines are not yet a list.
    assert clean("".join(links.splitlines(True)[:2]) + REPORT, rules).removed == []


def test_the_numbered_items_under_a_sites_note_are_its_list_not_headings(rules):
    text = (
        "如果您下载遇到问题，请阅读说明：\n1、部分文档下载需要积分，请确保账户积分足够\n2、已购买的文档再次下载不重复扣费\n"
        "3、压缩包请先解压，再用相应软件打开\n在全县人才工作座谈会上的讲话\n同志们：\n今天我们召开全县人才工作座谈会，主要任务是总结工作、部署任务。\n"
        "一、提高认识\n人才是第一资源，我们要抓好落实。\n二、抓好落实\n要建设高素质人才队伍。\n"
    )
    cleaned = clean(text, rules)
    assert [r.line for r in cleaned.removed] == [1, 2, 3, 4]
    assert [line.text for line in cleaned.lines][:2] == ["在全县人才工作座谈会上的讲话", "同志们："]
    # A speech's own lead-in above its points has no word of a site's interface: its points stay.
    text = "主要有以下几点：\n1、提高认识\n2、压实责任\n3、抓好落实\n" + REPORT
    assert clean(text, rules).removed == []


@pytest.mark.parametrize(
    ("tail", "rule"),
    [
        ("锟斤拷锟斤拷烫烫烫", "garbled-characters"),
        ("\ufffd\ufffd\u04ed\ufffd\ufffd\u02b9\ufffd\ufffd", "garbled-characters"),
        ("（某某融媒体中心记者/ 王某 章某某 编辑:乔某）", "chrome-evidence"),
        ("（通讯员 李某某 记者 王某）", "chrome-evidence"),
        ("（宣传部 供稿/文:张某某/图:李某/一审:王某、二审:赵某某、三审:钱某/一校:孙", "chrome-evidence"),  # a review chain, cut
    ],
)
def test_a_credit_or_a_garbled_run_glued_to_the_last_paragraph_is_cut_there_and_logged(rules, tail, rule):
    last = "会议强调，要坚持党管人才，建设高素质人才队伍，推动人才工作高质量发展。"
    cleaned = clean(REPORT + last + tail + "\n", rules)
    assert [line.text for line in cleaned.lines if line.text][-1] == last
    assert [(r.line, r.text) for r in cleaned.removed] == [(4, tail.strip())]
    assert cleaned.removed[0].rule == rule


def test_a_few_garbled_characters_inside_a_sentence_are_kept(rules):
    line = "会议强调，要坚持党管人才，建设高素质人\ufffd\ufffd才队伍，推动人才工作高质量发展。"
    cleaned = clean(REPORT + line + "\n", rules)
    assert cleaned.removed == [] and line in [l.text for l in cleaned.lines]


def test_headlines_with_their_days_under_the_text_are_a_list_of_other_news_and_so_is_their_label(rules):
    text = REPORT + "热点推荐\n某某市召开全市组织部长会议 2024-05-06\n[05-02] 某某县举行人才工作座谈会\n"
    cleaned = clean(text, rules)
    assert [(r.line, r.rule) for r in cleaned.removed] == [(4, "chrome-evidence"), (5, "chrome-evidence"), (6, "chrome-evidence")]
    # One such line alone, or a speech's date line under a headline-like line, is not yet a list.
    assert clean(REPORT + "某某市召开全市组织部长会议 2024-05-06\n", rules).removed == []


def test_a_pages_previous_and_next_links_and_its_last_button_are_chrome(rules):
    cleaned = clean(REPORT + "上一条：某某县召开党建工作会议\n下一条：某某区举行组织工作推进会\n", rules)
    assert [r.line for r in cleaned.removed] == [4, 5]
    cleaned = clean(REPORT + "扫描二维码分享到微信\n", rules)
    assert [(r.line, r.rule) for r in cleaned.removed] == [(4, "chrome-evidence")]
    assert "at-the-page-end" in judge_lines((REPORT + "扫描二维码分享到微信").splitlines(), set(), (1, 3))[3].reasons()
    # A speech's last words, with no evidence of chrome, stay whatever their place.
    assert clean(REPORT + "谢谢大家\n", rules).removed == []


def test_a_writers_name_in_brackets_glued_to_the_last_sentence_is_parted_and_goes(rules):
    last = "会议强调，要坚持党管人才，建设高素质人才队伍，推动人才工作高质量发展。"
    cleaned = clean(REPORT + last + "（方某伦）\n", rules)
    assert [line.text for line in cleaned.lines if line.text][-1] == last
    assert [(r.line, r.text, r.rule) for r in cleaned.removed] == [(4, "（方某伦）", "chrome-evidence")]
    # Under a row of a forum's table pipes too: they are no lines of the text.
    cleaned = clean(REPORT + last + "（方某伦）\n|\n|\n", rules)
    assert [line.text for line in cleaned.lines if line.text][-1] == last and "（方某伦）" in [r.text for r in cleaned.removed]
    # The audience's applause in brackets is the speech's record, parted or not it stays.
    assert clean(REPORT + last + "（掌声）\n", rules).removed == []


def test_a_sites_contact_and_its_recommended_tags_are_chrome_wherever_they_stand(rules):
    note = "说明：文章内容仅供预览，需要完整文档请下载word后使用。下载有问题请添加微信号：abc-com或QQ：12345678"
    cleaned = clean("在全县人才工作会议上的讲话\n推荐访问：人才 全县 讲话\n同志们：\n" + note + "\n今天我们召开全县人才工作会议，主要任务是总结工作、部署任务，我们要抓好落实。\n", rules)
    assert [r.text for r in cleaned.removed] == ["推荐访问：人才 全县 讲话", note]


def test_headlines_each_with_its_teaser_under_the_text_are_a_block_of_other_news_and_so_is_their_label(rules):
    block = "附件下载\n某某区召开组织工作会议\n近日，某某区召开组织工作会议，部署 要闻\n某某镇举办党员培训班\n培训为期三天，学员六十人 要闻\n"
    cleaned = clean(REPORT + block, rules)
    assert [(r.line, r.rule) for r in cleaned.removed] == [(n, "chrome-evidence") for n in range(4, 9)]
    # A speech's last paragraph, its signature and its date under the text are no such pairs.
    assert clean(REPORT + "县委书记 张某某\n2024年5月8日\n", rules).removed == []


def test_an_offices_credit_a_scene_caption_and_a_pictures_button_are_chrome(rules):
    cleaned = clean("全县人才工作座谈会召开\n5月6日，全县人才工作座谈会召开，县委常委、组织部部长某某出席会议并讲话。\n座谈会现场\n"
                    "会议强调，要坚持党管人才，建设高素质人才队伍，推动人才工作高质量发展，为全县发展提供人才支撑。\n"
                    "（某某公司党委办供稿）\n返回原图\n/\n", rules)
    assert [(r.line, r.text) for r in cleaned.removed] == [(3, "座谈会现场"), (5, "（某某公司党委办供稿）"), (6, "返回原图"), (7, "/")]


def test_an_editors_call_to_read_on_goes_and_the_speech_before_it_in_the_same_line_stays(rules):
    speech = "“为政之要，莫先于用人。”干部就是决定因素，关键在于培养和造就高素质的干部队伍。"
    lead = REPORT.split("\n", 1)[1]  # the report without its headline
    cleaned = clean(speech + "请随小编一起学习。\n" + lead, rules)
    assert [line.text for line in cleaned.lines if line.text][0] == speech
    assert [(r.line, r.text, r.rule) for r in cleaned.removed] == [(1, "请随小编一起学习。", "editor-note")]
    assert [(split.line, split.pieces) for split in cleaned.splits] == [(1, 2)]
    # An editor's note of nothing but the editor's words goes whole; so does a note over a title line, with the
    # summary it closes (a collection's preamble above its first piece's name).
    note = "下面是小编为大家整理的讲话稿。欢迎阅读参考。"
    assert [r.text for r in clean(note + "\n" + lead, rules).removed] == [note]
    assert [r.text for r in clean(speech + "请随小编一起学习。\n" + REPORT, rules).removed] == [speech + "请随小编一起学习。"]


PLAN = (
    "为庆祝建党节，进一步增强党员的光荣感和使命感，激发干事创业热情，支部决定开展主题党日活动，具体安排如下。\n"
    "一、活动安排\n"
    "1. 重温誓词\n"
    "时间:上午8:30-9:00\n"
    "内容:\n"
    "- 支部书记带领全体党员重温入党誓词;\n"
    "- 新党员代表发言;\n"
    "- 全体党员合唱国际歌。\n"
    "2. 专题党课\n"
    "时间:上午9:00-10:30\n"
    "内容:\n"
    "- 支部书记讲授专题党课;\n"
    "- 党员交流学习体会;\n"
    "- 观看警示教育片。\n"
    "二、有关要求\n"
    "- 各党员要按时参加,不得无故缺席;\n"
    "- 遵守会场纪律,关闭手机铃声;\n"
    "- 活动结束后提交心得体会\n"
)


def test_a_text_written_as_a_dash_list_keeps_every_item_and_doubts_its_clock_lines(rules):
    """A plan or a speech's points written as a list have one prose line: the body runs on under it to the
    list's last line of speech (the_text_runs_on), and no line of the list goes on the sum of its shape."""
    cleaned = clean(PLAN, rules)
    assert cleaned.removed == []
    assert [(d.line, d.text) for d in cleaned.doubtful] == [(4, "时间:上午8:30-9:00"), (10, "时间:上午9:00-10:30")]
    assert "- 活动结束后提交心得体会" in [line.text for line in cleaned.lines]
    # Each is settled by the curator's one-line fix.
    assert clean(PLAN, rules, keep_lines={4, 10}).doubtful == []
    # A recommended block's caption sentence under a report is outnumbered by the block: no body runs on there.
    lines = ["会议要求各级党组织抓好落实，推动组织工作高质量发展，为全县发展提供坚强保证。", "热点推荐", "某某小学开展红色研学活动",
             "研学活动中，老师带着学生参观革命旧址。", "某某日报讯(通讯员/某某)为进一步推动党史学习教育走深走实..."]
    assert evidence.the_text_runs_on(list(range(5)), {i: judge(LineContext(t, True, True)) for i, t in enumerate(lines) if i}, set(), 1) == 1


def test_a_run_of_removals_inside_the_body_is_doubt_unless_one_reader_says_chrome():
    """Three or more lines in a row inside the body, speech above and under them, that only the sum of weak
    evidence makes chrome (a programme's times) are kept and sent to a person; a picture's credited caption
    among them still goes."""
    prose = "会上，镇党委书记某某作了重要讲话，对全镇党员干部提出三点要求，要求抓好落实。"
    times = ["时间：09:00-09:30 地点：201室", "时间：09:30-10:30 地点：202室", "时间：10:30-11:00 地点：203室"]
    lines = [prose, *times, prose]
    judged = judge_lines(lines, set(), (0, len(lines)))
    assert [judged[i].verdict for i in range(5)] == ["speech", "doubtful", "doubtful", "doubtful", "speech"]
    assert judged[1].score == 2.5 and "run-inside-the-body" in [e.reader for e in judged[1].evidence]
    # The same times as a table's rows (cells cut by |) are the text's table (table-rows): kept, doubt at most.
    rows = ["09:00-09:30 | 签到 | 201室", "09:30-10:30 | 党课 | 201室", "10:30-11:00 | 讨论 | 201室"]
    assert [judge_lines([prose, *rows, prose], set(), (0, 5))[i].verdict for i in (1, 2, 3)] == ["doubtful", "speech", "doubtful"]
    lines = [prose, times[0], "镇党委书记某某讲话。记者 某某 摄", times[2], prose]
    judged = judge_lines(lines, set(), (0, len(lines)))
    assert [judged[i].verdict for i in range(5)] == ["speech", "doubtful", "chrome", "doubtful", "speech"]
    # Two in a row are not a run: each is weighed on its own.
    judged = judge_lines([prose, times[0], times[1], prose], set(), (0, 4))
    assert [judged[i].verdict for i in range(4)] == ["speech", "chrome", "chrome", "speech"]


def test_a_table_inside_the_body_keeps_its_header_and_rule_rows(rules):
    prose = "业务履职能力是述职报告的核心内容，优秀的述职报告普遍用数据说话，把做法和成效讲清楚。\n"
    table = "维度 | 典型做法 | 成效提升 |\n---|---|---|\n改革创新 | 设立项目化责任清单 | 执行效率提高40% |\n民生服务 | 构建双网模式 | 群众诉求响应提速65% |\n"
    cleaned = clean(prose + table + prose, rules)
    assert cleaned.removed == [] and cleaned.doubtful == []
    # One such row alone inside the text is weighed on its own: a row of buttons.
    assert [r.text for r in clean(prose + "首页 | 版面导航 | 标题导航\n" + prose, rules).removed] == ["首页 | 版面导航 | 标题导航"]


def test_a_sentence_removed_for_its_place_alone_goes_to_a_person(tmp_path):
    """The evidence may remove a line for where it stands (between two lines of the page's list); when the line on
    its own reads as speech, it is named on 待核对 with keep_lines, never silently gone."""
    text = REPORT + "相关阅读\n家长带着孩子在分享会上认真观看影片。\n责任编辑：某某\n"
    (speech,) = build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": text})).speeches
    assert [(r.line, r.rule) for r in speech.clean.removed] == [(4, "related-links"), (5, "chrome-evidence"), (6, "posting-info")]
    assert [(r.code, r.line, r.message) for r in speech.review if r.message.startswith("删去的这一行")] == [
        ("doubtful-line", 5, "删去的这一行像讲话正文（按它在网页上的位置删去），现已删去：家长带着孩子在分享会上认真观看影片。")]


def test_a_sites_request_to_its_reader_goes_and_a_speakers_request_stays(rules):
    """The page asking its reader to act on it (请在评论区…, 请在某某文库网上搜索) is the site's notice however it is
    written; a speaker asks someone by name (请大家…), and that sentence is the speech's."""
    page = (
        "在全县选调生到村任职动员会上的讲话\n同志们：\n今天我们召开选调生到村任职动员会，为选调生到村任职锻炼开局饯行。\n"
        "希望你们扎根基层，增长才干，让青春无悔。\n{0}\n评论0\n"
    )
    notice = "部分文章缺省word文档下载，如果需要下载word文档，请在评论区发评论，我们安排修复"
    cleaned = clean(page.format(notice), rules)
    assert [(r.line, r.text, r.rule) for r in cleaned.removed] == [(5, notice, "chrome-evidence"), (6, "评论0", "comments")]
    request = "请大家关注单位公众号，及时下载学习资料，把学习抓在日常、抓在经常。"
    assert [r.line for r in clean(page.format(request), rules).removed] == [6]


def test_a_units_name_in_brackets_under_a_report_is_its_credit(rules):
    """Under a report, a unit alone in brackets sent it in (as （…供稿） says outright); glued to the last sentence it
    is parted there first. A closing bar of a mirror's table does not hide a credit glued on (审核：某某 |)."""
    report = (
        "集团召开党建工作会议\n7月29日上午，集团召开党建工作会议，集团党委书记某某出席会议并讲话。\n"
        "会议强调，要坚持以党建引领发展，推动全面从严治党向纵深发展，为高质量发展提供坚强保障。{0}\n"
    )
    cleaned = clean(report.format("\n（集团宣传办公室）"), rules)
    assert [(r.line, r.text, r.rule) for r in cleaned.removed] == [(4, "（集团宣传办公室）", "chrome-evidence")]
    glued = clean(report.format("（集团宣传办公室）"), rules)
    assert [(r.line, r.text) for r in glued.removed] == [(3, "（集团宣传办公室）")]
    assert [line.text for line in glued.lines if line.text][-1].endswith("坚强保障。")
    barred = clean(report.format(" 审核：肖某某 |"), rules)
    assert [(r.line, r.text) for r in barred.removed] == [(3, "审核：肖某某 |")]
    # A speech's applause stays with it.
    assert clean(report.format("\n（掌声）"), rules).removed == []
