"""Speeches as curators collect them: web chrome, run-together and hard-wrapped layouts, typed headers.

Fixtures are written by the team in the styles of real 范文 and document sites (see
tests/eval/metadata.yaml for the labelled set).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from build_kb.ingest.clean import clean, strip_markup, unified_ideographs
from build_kb.evaluate import METADATA_FIELDS, evaluate_metadata
from build_kb.ingest.layout import join_hard_wraps, split_collapsed
from build_kb.model import Line, SourceFile
from build_kb.ingest.parse import anniversary_year, find_level, find_occasion, parse, parse_header, signature_date, undecorated_title
from build_kb.pipeline import make_speech

from conftest import CORPUS, ROOT

HAN = re.compile(r"[\u4e00-\u9fff]")
EVAL = ROOT / "tests" / "eval" / "metadata.yaml"


def lines_of(text: str) -> list[Line]:
    return [Line(i, t) for i, t in enumerate(text.split("\n"), 1)]


def speech_of(text: str, rules):
    source = SourceFile(path=Path("x.txt"), rel_path="x.txt", encoding="utf-8", sha256="", raw=text.encode(), text=text)
    return make_speech(source, rules, None, [])


# --- the labelled set -----------------------------------------------------------------------------


def test_metadata_and_chrome_meet_the_bars():
    scores = evaluate_metadata(EVAL)
    assert scores.cases >= 30
    assert {f: scores.accuracy(f) for f in METADATA_FIELDS if scores.accuracy(f) < 0.95} == {}, scores.mistakes
    assert scores.chrome_recall >= 0.95, scores.mistakes
    assert scores.body_removed == 0, scores.mistakes


def eval_cases():
    data = yaml.safe_load(EVAL.read_text(encoding="utf-8"))
    for case in data["cases"]:
        text = case["text"]
        for key, body in data["bodies"].items():
            text = text.replace("{" + key + "}", body.rstrip("\n"))
        yield case["name"], text


@pytest.mark.parametrize("name, text", list(eval_cases()))
def test_every_character_is_shown_or_logged(rules, name, text):
    """Text conservation: each Han character is in the header, a section, or a logged removal."""
    speech = speech_of(text, rules)
    shown = [h.text for h in speech.header]
    for section in speech.all_sections():
        shown.append(section.heading)
        shown.extend(p.text for p in section.paragraphs)
    shown.extend(r.text for r in speech.clean.removed)
    # A PDF's radicals (⼯) become the characters they stand for (工), counted in `normalised`.
    assert len(HAN.findall("".join(shown))) == len(HAN.findall(unified_ideographs(text)[0]))


# --- layout repair --------------------------------------------------------------------------------


def test_run_together_speech_is_split_at_salutation_date_and_headings():
    text = (
        "在全县组织工作会议上的讲话（2016年9月21日）同志们：今天召开全县组织工作会议。下面，我讲两点意见。"
        "一、认清形势。今年以来，全县各级党组织围绕中心、服务大局，基层基础不断夯实，干部队伍活力持续增强，为全县经济社会发展提供了坚强组织保证。"
        "二、突出重点。（一）加强干部队伍建设。坚持好干部标准，突出政治标准，大力选拔敢于负责、勇于担当、善于作为、实绩突出的干部，"
        "着力建设忠诚干净担当的高素质干部队伍。（二）提升组织力。推进党支部标准化规范化建设。同志们，希望大家真抓实干。"
    )
    lines, splits = split_collapsed([Line(1, text)])
    assert [line.text for line in lines] == [
        "在全县组织工作会议上的讲话",
        "（2016年9月21日）",
        "同志们：",
        "今天召开全县组织工作会议。下面，我讲两点意见。",
        "一、认清形势。今年以来，全县各级党组织围绕中心、服务大局，基层基础不断夯实，干部队伍活力持续增强，为全县经济社会发展提供了坚强组织保证。",
        "二、突出重点。",
        "（一）加强干部队伍建设。坚持好干部标准，突出政治标准，大力选拔敢于负责、勇于担当、善于作为、实绩突出的干部，着力建设忠诚干净担当的高素质干部队伍。",
        "（二）提升组织力。推进党支部标准化规范化建设。",
        "同志们，希望大家真抓实干。",
    ]
    assert {line.number for line in lines} == {1}
    assert [(s.line, s.pieces) for s in splits] == [(1, 9)]


def test_a_salutation_that_lost_its_colon_in_a_text_layer_is_split_off_the_title():
    text = "在全市人才工作座谈会上的讲话同志们借今天这个机会，我想和大家作三个方面的交流。下面，我讲三点意见。"
    lines, splits = split_collapsed([Line(1, text), Line(2, "一、要登高望远。")])
    assert [line.text for line in lines] == ["在全市人才工作座谈会上的讲话", "同志们", "借今天这个机会，我想和大家作三个方面的交流。下面，我讲三点意见。", "一、要登高望远。"]
    assert [(s.line, s.pieces) for s in splits] == [(1, 3)]
    # Only right after a title's last word: 同志们 inside a sentence stays where it is.
    kept = "今天，我们召开座谈会，同志们畅所欲言，讲得很好。"
    assert split_collapsed([Line(1, kept)])[0] == [Line(1, kept)]


def test_a_one_line_document_page_keeps_the_titles_note_and_sets_a_page_number_apart():
    text = (
        "在全县组织工作会议上的讲话(终稿) 县委书记 何建平 (2019年3月6日) 同志们: 今天召开全县组织工作会议，主要任务是总结去年工作。"
        "下面我讲两点意见: 2 一、充分肯定成绩 去年以来，全县组织系统围绕中心、服务大局，各项工作取得了新进展。"
        "基层党组织建设全面加强，干部队伍建设扎实推进，人才工作取得明显成效，组织部门自身建设不断加强，为全县高质量发展提供了坚强组织保证。这些成绩来之不易，值得充分肯定。"
    )
    lines, splits = split_collapsed([Line(1, text)])
    assert [line.text for line in lines] == [
        "在全县组织工作会议上的讲话(终稿)", "县委书记 何建平", "(2019年3月6日)", "同志们:", "今天召开全县组织工作会议，主要任务是总结去年工作。下面我讲两点意见:",
        "2", "一、充分肯定成绩",
        "去年以来，全县组织系统围绕中心、服务大局，各项工作取得了新进展。基层党组织建设全面加强，干部队伍建设扎实推进，人才工作取得明显成效，组织部门自身建设不断加强，为全县高质量发展提供了坚强组织保证。这些成绩来之不易，值得充分肯定。",
    ]
    assert [(s.line, s.pieces) for s in splits] == [(1, 8)]


@pytest.mark.parametrize(
    "text, heading",
    [
        ("一、肯定成绩，正视挑战，切实增强做好新时代人才工作的紧迫感今年以来，在区委的坚强领导下，全区上下认真贯彻落实上级决策部署。", "一、肯定成绩，正视挑战，切实增强做好新时代人才工作的紧迫感"),
        ("一、充分肯定近年来全县组织工作取得的成绩，进一步增强做好新时代组织工作的责任感和使命感，为全县高质量发展提供坚强组织保证。", "一、充分肯定近年来全县组织工作取得的成绩，"),
        ("二、坚持党管人才原则，加快建设新时代人才强县习近平总书记指出，人才是实现民族振兴、赢得国际竞争主动的战略资源，我们要深刻领会、认真落实。", "二、坚持党管人才原则，加快建设新时代人才强县"),
        ("三、突出重点，精准发力，全面提升组织工作质量一是要坚持好干部标准，大力发现培养选拔优秀年轻干部，着力建设忠诚干净担当的高素质干部队伍。", "三、突出重点，精准发力，全面提升组织工作质量"),
        ("一、深入学习贯彻习近平总书记关于党的建设的重要思想，切实增强做好组织工作的政治自觉和行动自觉，持续推动全县组织工作全面进步全面过硬。", "一、深入学习贯彻习近平总书记关于党的建设的重要思想，"),
    ],
)
def test_a_heading_run_into_its_paragraph_ends_before_a_paragraphs_opening_words(text, heading):
    from build_kb.ingest.parse import split_lead

    assert split_lead(text, 2) == (heading, text[len(heading):])


@pytest.mark.parametrize(
    "title, expected",
    [
        ("某县委常委、组织部长党课讲稿", ("某县委常委、组织部长", None)),
        ("市委书记李建华讲话", ("市委书记", "李建华")),
        ("全市组织工作会议讲话", (None, None)),
        ("学习贯彻党的二十大精神专题党课", (None, None)),
    ],
)
def test_a_title_that_is_a_role_and_the_kind_of_speech_names_the_role(title, expected):
    from build_kb.ingest.parse import speaker_in_title

    assert speaker_in_title(title) == expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("凝心聚力抓落实 担当作为开新局 中共某某县委常委、组织部部长何建平", ("凝心聚力抓落实 担当作为开新局", "何建平", "中共某某县委常委、组织部部长")),
        ("细化措施强化责任 开创党建工作新局面 中共 XX 县委常委、组织部长 张伟强", ("细化措施强化责任 开创党建工作新局面", "张伟强", "中共XX县委常委、组织部长")),
        ("不忘初心 砥砺前行", ("不忘初心 砥砺前行", None, None)),
        ("坚持党建引领 建强战斗堡垒", ("坚持党建引领 建强战斗堡垒", None, None)),
    ],
)
def test_a_byline_after_a_titles_last_phrase(line, expected):
    header = parse_header([Line(1, line)])
    assert (header.title, header.speaker, header.speaker_role) == expected


def test_long_paragraph_with_an_inline_enumeration_is_not_split():
    paragraph = "要抓好三件事。第一，统一思想。" + "各级党组织要提高认识，把这项工作摆上重要议程，" * 12 + "第二，压实责任。第三，强化督导。"
    other = "二、加强队伍建设。" + "要坚持好干部标准，" * 30 + "。"
    lines, splits = split_collapsed(lines_of(f"在全县组织工作会议上的讲话\n同志们：\n一、统一思想。\n{paragraph}\n{other}\n{other}\n{other}\n{other}\n{other}"))
    assert splits == []


def test_hard_wrapped_text_is_rejoined_and_page_counters_set_aside(rules):
    wrapped = (
        "同志们：\n"
        "这次会议的主要任务是，深入学习贯彻全国干\n"
        "部教育培训工作会议精神，总结近年来全市干部\n"
        "教育培训工作，部署当前和今后一个时期的任务\n"
        "1\n"
        "。下面，我讲两点意见。\n"
        "一、充分认识干部教育培训工作的重要意义\n"
        "干部教育培训是建设高素质干部队伍的先导性、\n"
        "基础性、战略性工程。各级党委要站在事业发展\n"
        "全局的高度，把干部教育培训摆在更加突出的位\n"
        "置，切实抓紧抓好。\n"
        "2\n"
    )
    cleaned = clean(wrapped, rules)
    assert [line.text for line in cleaned.lines] == [
        "同志们：",
        "这次会议的主要任务是，深入学习贯彻全国干部教育培训工作会议精神，总结近年来全市干部教育培训工作，部署当前和今后一个时期的任务。下面，我讲两点意见。",
        "一、充分认识干部教育培训工作的重要意义",
        "干部教育培训是建设高素质干部队伍的先导性、基础性、战略性工程。各级党委要站在事业发展全局的高度，把干部教育培训摆在更加突出的位置，切实抓紧抓好。",
    ]
    assert [(j.first, j.last) for j in cleaned.joins] == [(2, 6), (8, 11)]
    assert [(r.line, r.rule) for r in cleaned.removed] == [(5, "page-counter"), (12, "page-counter")]


def test_a_wrapped_part_narrower_than_the_rest_is_rejoined_too(rules):
    """A PDF's justified lines change width from part to part: lines of a narrower part that stop
    mid-sentence are joined as a browser's breaks are, and logged as one join with the part they make."""
    wide = "各级党组织要把抓基层打基础作为长远之计和固本之举，持续用力推动基层"
    wrapped = (
        f"同志们：\n{wide}\n党组织全面进步全面过硬，不断提升组织力，把党员群众紧紧团结在一\n起，凝心聚力推动高质量发展，奋力开创工作新局面。\n"
        "一、肯定成绩，坚定工作信心\n过去一年，全镇各级党组织和广大党员坚持以习近平新时代中\n国特色社会主义思想为指导，认真落实上级部署，扎实推进基层党组\n织建设，各项工作取得了新成效。\n"
        f"二、正视问题，明确努力方向\n{wide}\n党组织全面进步全面过硬，推动基层党建工作不断取得新的更大成效。\n"
    )
    cleaned = clean(wrapped, rules)
    assert [line.text for line in cleaned.lines][3] == "过去一年，全镇各级党组织和广大党员坚持以习近平新时代中国特色社会主义思想为指导，认真落实上级部署，扎实推进基层党组织建设，各项工作取得了新成效。"
    assert [(j.first, j.last) for j in cleaned.joins] == [(2, 4), (6, 8), (10, 11)]


@pytest.mark.parametrize("seed", ["001", "002", "003"])
def test_seed_rewrapped_like_a_pdf_extract_reads_as_the_original(rules, seed):
    """Cut every body line of a real speech at 28 characters: the re-joined text has the same paragraphs."""
    text = next(CORPUS.glob(f"{seed}_*.txt")).read_text(encoding="utf-8")

    def paragraphs(cleaned):
        parsed = parse(cleaned.lines)
        out = [h.text for h in parsed.header.lines]
        for top in parsed.sections:
            for section in top.walk():
                out.extend([section.heading] if section.heading else [])
                out.extend(p.text for p in section.paragraphs)
        return out, len(parsed.header.lines)

    original, header_lines = paragraphs(clean(text, rules))
    body = [line.text for line in clean(text, rules).lines if line.text][header_lines:]
    wrapped = "\n".join(original[:header_lines] + [line[i : i + 28] for line in body for i in range(0, len(line), 28)])
    assert paragraphs(clean(wrapped, rules))[0] == original


def test_seeds_are_neither_split_nor_joined(seed_kb):
    assert [(s.source.rel_path, s.clean.splits, s.clean.joins) for s in seed_kb.speeches if s.clean.splits or s.clean.joins] == []


def test_joins_never_cross_a_heading():
    lines = lines_of("\n".join(["这一行正好是二十个汉字的宽度用来测试折行吗好"] * 6 + ["（一）新的小标题"] + ["这一行正好是二十个汉字的宽度用来测试折行吗好"] * 3))
    joined, joins = join_hard_wraps(lines)
    assert [line.text[:8] for line in joined] == ["这一行正好是二十", "（一）新的小标题", "这一行正好是二十"]
    assert [(j.first, j.last) for j in joins] == [(1, 6), (8, 10)]


# --- site chrome ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, rule",
    [
        ("发布时间：2021-11-02 浏览次数：356", "posting-info"),
        ("时间：2023-05-08 09:41:17", "posting-info"),
        ("导语：本文来源于网友投稿，不代表本站立场，仅供学习参考。", "copyright-notice"),
        ("下面是小编为大家整理的在全县组织工作会议上的讲话，欢迎阅读参考。", "editor-note"),
        ("摘要：会议部署了今年的重点工作。", "page-summary"),
        ("标签：组织工作 讲话", "page-summary"),
        ("……此处隐藏5210字，下载全文请点击……", "download-prompt"),
        ("预览已结束，完整内容请下载", "download-prompt"),
        ("添加微信 abc123 获取全文👈", "download-prompt"),
        ("欢迎添加微信 kb_2023 交流", "contact-handle"),
        ("扫码关注", "advertising-block"),
        ("长按识别二维码关注我们", "contact-handle"),
        ("某某范文网", "site-name"),
        ("某某文库", "site-name"),
        ("当前位置：首页 > 讲话稿 > 组织工作", "related-links"),
        ("第(2/3)页", "page-counter"),
        ("p.MsoNormal { font-family: 宋体; }", "css-or-markup"),
        ("ml>", "css-or-markup"),
        ("网友评论", "comments"),
        ("评论（0）", "comments"),
        ("请文明上网，理性发言", "comments"),
        ("收录于合集 #组织工作 36个", "social-post"),
        ("（请认真阅读下面的提示信息）", "download-prompt"),
        ("APP下载", "download-prompt"),
        ("阅读设置", "article-tools"),
        ("中共某某市委宣传部主办 某某日报社承办", "site-footer"),
        ("热线电话：0551-1234567", "site-footer"),
        ("文秘之家|原创|范文|素材|写作|PPT|", "site-menu"),
        ("免费视频_高清专区_影视大全_午夜剧场_热门排行", "site-menu"),
        ("?", "stray-symbols"),
        ("]", "stray-symbols"),
        ("|", "stray-symbols"),
        ("欢迎来到某某范文网！", "site-name"),
        ("听新闻", "article-tools"),
        ("2024-08-19 版权声明 我要投稿", "article-tools"),
        ("文本内容：", "page-summary"),
        ("• 发布日期：2013-07-04", "posting-info"),
        ("• 本条信息已被查看了155", "posting-info"),
        ("06.09.2021 08:43", "posting-info"),
        ("发布于 2023-06-12", "posting-info"),
        ("阅读 1.2万", "posting-info"),
        ("（撰稿：仇某 摄影：沈某）", "posting-info"),
        ("△9月1日，市委书记在开班式上发表重要讲话。", "photo-caption"),
        ("【打印】 【关闭】", "article-tools"),
        ("张某 2023-05-08 发布于山东", "posting-info"),
        ("发布于 2023-07-01 12:00・IP 属地江苏", "posting-info"),
        ("| 1234 阅读 | 12 转藏", "engagement-counters"),
        ("阅读(123) 评论(0) 收藏(0) 转载(0)", "engagement-counters"),
        ("赞同 12", "engagement-counters"),
        ("请遵守用户 评论公约", "comments"),
        ("以下文章来源于某某组工，作者某某", "copyright-notice"),
        ("预览时标签不可点", "social-post"),
        ("特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。", "platform-disclaimer"),
        ("（完）", "end-marker"),
        ("原标题：在全区组织工作会议上的讲话", "page-summary"),
        ("手机版", "site-footer"),
        ("登录 | 注册", "article-tools"),
        ("设为首页 加入收藏", "article-tools"),
        ("字体：【大】【中】【小】", "article-tools"),
        ("分享到微信朋友圈", "article-tools"),
        ("您好，欢迎来到某某文库！", "site-name"),
        ("导航：首页 → 讲话稿", "related-links"),
        ("Tags：组织工作", "page-summary"),
        ("2023-05-08 组工范文", "posting-info"),
        ("本文关键词：组织工作，讲话", "page-summary"),
        ("文档为doc格式", "download-prompt"),
        ("【推荐阅读】2023年党建工作总结范文", "related-links"),
        ("本文已被收录至《组工资料汇编》", "copyright-notice"),
        ("↓↓↓", "stray-symbols"),
        ("—— 广告 ——", "advert-marker"),
        ("Advertisement", "advert-marker"),
        ("转载请保留出处", "copyright-notice"),
        ("您现在的位置：首页 > 领导讲话", "related-links"),
        ("当前页面: 某某先锋网 > 先锋头条", "related-links"),
        ("稿源：市传媒中心", "posting-info"),
        ("组工通讯 2023年2期", "journal-record"),
        ("中图分类号：D26 文献标识码：A 文章编号：1671-6183(2019)11-0009-04", "journal-record"),
        ("某某之家 首页", "site-name"),
        ("文档简介", "page-summary"),
        ("在全区组织工作会议上的讲话_第2页", "photo-caption"),
        ("浏览记录", "article-tools"),
        ("ID:5301922", "posting-info"),
        ("2021年 3月 12日 10:40:17 来源: 某某区委组织部 编辑: lc", "posting-info"),
        ("[摘 要]会议总结了全区组织工作，部署了今年的重点任务。", "page-summary"),
        ("[关键词]组织工作；党建", "page-summary"),
        ("论文部分内容阅读", "download-prompt"),
        ("分享 收藏 点赞 在看", "article-tools"),
        ("往期推荐", "related-links"),
        ("返回", "article-tools"),
        (">", "stray-symbols"),
        ("来源县委在全县党建工作推进会上讲话", "posting-info"),
        ("合集下载", "download-prompt"),
        ("某某要闻", "site-menu"),
        ("#组织工作 12个", "social-post"),
        ("#党建 #组织工作", "social-post"),
        ("打开APP", "download-prompt"),
        ("- 文档页数:3", "posting-info"),
        ("关注", "article-tools"),
        ("声明：该文观点仅代表作者本人，某某号系信息发布平台，某某仅提供信息存储空间服务。", "platform-disclaimer"),
        ("工作动态", "site-menu"),
        ("温馨提示：本文档可在线编辑，下载后可直接使用。", "download-prompt"),
        ("【导读】", "page-summary"),
        ("3、如文档侵犯您的权益，请联系客服反馈，我们会尽快为您处理。", "download-prompt"),
        ("【期刊名称】《组工通讯》", "page-summary"),
        ("【年(卷),期】2021(000)003", "page-summary"),
        ("《在全市组织工作会议上的讲话》由会员上传分享，免费在线阅读，更多相关内容在行业资料-某某文库。", "download-prompt"),
    ],
)
def test_chrome_line_is_removed_by_its_rule(rules, line, rule):
    cleaned = clean(f"在全县组织工作会议上的讲话\n同志们：\n{line}\n一、加强党的建设。要抓好落实。", rules)
    assert [(r.text, r.rule) for r in cleaned.removed] == [(line, rule)]


@pytest.mark.parametrize(
    "line",
    [
        "（三）用好微信公众号等新媒体平台，加强党员教育管理。",
        "严格审核推荐考察材料，防止带病提拔。",
        "希望大家认真学习，抓好贯彻落实。",
        "今年是中国共产党成立100周年。",
        "一、提高政治站位",
        "刚才，××同志通报了有关情况，我完全同意。",
        "全年推送学习文章320篇，累计阅读量12万",
        "（三）推行“扫码评议”，让群众监督干部作风。",
        "★提高政治站位",
        "要在分享交流中点赞鼓励先进。",
        "来源于基层的经验最管用。",
        "要关注年轻干部成长",
    ],
)
def test_body_lines_are_kept(rules, line):
    prose = "要坚持以习近平新时代中国特色社会主义思想为指导，全面落实新时代党的建设总要求，推动组织工作高质量发展。"
    cleaned = clean(f"在全县组织工作会议上的讲话\n同志们：\n{prose}\n{line}\n{prose}\n{line}", rules)
    assert cleaned.removed == []


def test_a_heading_that_ends_like_a_news_column_is_kept_inside_the_text(rules):
    prose = "要坚持以习近平新时代中国特色社会主义思想为指导，全面落实新时代党的建设总要求，推动组织工作高质量发展。"
    text = f"某某要闻\n在全县组织工作会议上的讲话\n同志们：\n{prose}\n掌握干部思想动态\n{prose}\n工作动态\n"
    assert [(r.text, r.rule) for r in clean(text, rules).removed] == [("某某要闻", "site-menu"), ("工作动态", "site-menu")]


def test_a_title_with_its_sites_labels_is_kept_for_the_title(rules):
    for title in ("在全县组织工作会议上的讲话", "坚持新时代党的组织路线"):
        cleaned = clean(f"{title}_讲话材料_范文大全_某某网_首页\n同志们：\n一、加强党的建设。要抓好落实。", rules)
        assert cleaned.removed == []
        assert parse(cleaned.lines).header.title == title


def test_the_speechs_own_title_under_a_portals_headline_is_the_title(rules):
    text = "凝心聚力开新局\n原标题：在全区组织工作会议上的讲话\n同志们：\n一、加强党的建设\n要抓好落实。"
    speech = speech_of(text, rules)
    assert (speech.title, speech.detected_by["title"]) == ("在全区组织工作会议上的讲话", "the page's 原标题 (the speech's own title)")
    assert speech.occasion == "全区组织工作会议"
    # A title line that names the speech stays the title.
    assert speech_of("在全区党建工作会议上的讲话\n原标题：在全区组织工作会议上的讲话\n同志们：\n要抓好落实。", rules).title == "在全区党建工作会议上的讲话"


def test_a_credit_glued_to_the_end_of_a_line_is_taken_off_and_logged(rules):
    text = "在全区组织工作会议上的讲话\n同志们：\n一、加强党的建设\n要以高质量组织工作服务高质量发展。（撰稿：田某）"
    cleaned = clean(text, rules)
    assert [(r.line, r.text, r.rule) for r in cleaned.removed] == [(4, "（撰稿：田某）", "inline-credit")]
    assert cleaned.lines[-1].text == "要以高质量组织工作服务高质量发展。"


def test_a_speech_that_speaks_of_social_media_keeps_those_lines(rules):
    """Inside the text; at its very edges the advertising-block rule is stricter, as it should be."""
    prose = "要坚持以习近平新时代中国特色社会主义思想为指导，全面落实新时代党的建设总要求，推动组织工作高质量发展。"
    lines = ["要关注QQ群、微信群等网络社群中的舆情。", "要关注微信公众号等新媒体平台的舆情。", "群众扫描二维码即可评价"]
    cleaned = clean("在全县组织工作会议上的讲话\n同志们：\n" + "\n".join(f"{prose}\n{line}" for line in lines) + f"\n{prose}", rules)
    assert cleaned.removed == []


def test_an_outline_under_its_label_is_removed_even_where_the_page_hides_the_rest(rules):
    text = (
        "目录/提纲：……\n一、明确使命，找准位置\n一是领导的重视程度前所未有\n二、珍惜机遇，自强不息\n三、弘扬正气，严明纪律\n……\n"
        "今天，中青年干部培训班开学了。下面，我讲三个问题。\n一、明确使命，找准位置\n这个问题主要想谈谈对这个班的认识。"
    )
    assert [(r.line, r.rule) for r in clean(text, rules).removed] == [(n, "outline-copy") for n in range(1, 7)]


def test_the_links_a_removed_label_introduces_under_the_text_go_with_it(rules):
    text = (
        "在全县组织工作会议上的讲话\n同志们：\n一、提高站位\n要讲政治，讲大局，守规矩。\n同志们，让我们奋力开创新局面！\n"
        "相关文章：\n1. 在全县党建工作会议上的讲话\n2. 在全县人才工作会议上的讲话\n\n中共某某县委组织部"
    )
    removed = [(r.line, r.rule) for r in clean(text, rules).removed]
    assert removed == [(6, "related-links"), (7, "related-links"), (8, "related-links")]


def test_copied_outline_above_the_speech_is_removed(rules):
    text = "在全县组织工作会议上的讲话\n提纲：\n一、提高站位\n二、突出重点\n同志们：\n一、提高站位\n要讲政治。\n二、突出重点\n要抓落实。"
    assert [(r.line, r.rule) for r in clean(text, rules).removed] == [(2, "outline-copy"), (3, "outline-copy"), (4, "outline-copy")]


def test_a_collections_contents_with_page_numbers_is_removed(rules):
    text = (
        "目录\n做新时代牢记使命的“拓荒牛” 27\n“不忘初心、牢记使命”专题党课讲稿 1\n"
        "按照领导干部带头讲党课的要求，今天，我和大家交流学习体会。\n一、高擎旗帜\n理想信念是共产党人的精神支柱。\n"
    )
    assert [(r.line, r.rule) for r in clean(text, rules).removed] == [(1, "outline-copy"), (2, "outline-copy"), (3, "outline-copy")]


def test_a_heading_run_into_its_first_sub_heading_is_split_there(rules):
    text = (
        "同志们：支部书记是党支部的带头人，其作用发挥得好不好，直接关系到基层党组织建设的质量。"
        "一、当前存在的问题1.政治素质修养不够。一些支部书记对党的理论学得不深，解决实际问题的能力不强，群众反映比较多。"
        "2.工作方法比较简单。有的习惯于开会传达、照本宣科，工作缺乏针对性和实效性。"
        "二、几点思考1.要当好学习的带头人。支部书记要带头学理论、学业务，不断提高自身素质和履职能力。"
        "2.要当好团结的带头人。支部书记要善于团结班子成员，调动大家的积极性，形成推动工作的合力。"
    )
    lines = [line.text for line in clean(text, rules).lines if line.text]
    assert lines[2:4] == ["一、当前存在的问题", "1.政治素质修养不够。一些支部书记对党的理论学得不深，解决实际问题的能力不强，群众反映比较多。"]
    assert lines[5:7] == ["二、几点思考", "1.要当好学习的带头人。支部书记要带头学理论、学业务，不断提高自身素质和履职能力。"]


COVER = (
    "中共某某县委组织部文件\n某组发〔2023〕12号\n关于印发《周明同志在全县组织工作会议上的讲话》的通知\n"
    "各乡镇党委，县直各部门党组（党委）：\n现将《周明同志在全县组织工作会议上的讲话》印发给你们，请结合实际认真学习贯彻。\n"
    "中共某某县委组织部\n2023年3月10日\n"
)
SPEECH_UNDER_COVER = "同志们：\n一、提高政治站位\n要把党的政治建设摆在首位。\n同志们，让我们真抓实干！\n"


def test_an_offices_covering_notice_is_removed_up_to_the_speechs_title(rules):
    text = COVER + "在全县组织工作会议上的讲话\n周明\n（2023年3月2日）\n" + SPEECH_UNDER_COVER + "抄送：县委办公室。\n中共某某县委组织部办公室　2023年3月10日印发\n"
    cleaned = clean(text, rules)
    assert [(r.line, r.rule) for r in cleaned.removed] == [
        (1, "document-header"), (2, "document-header"), *[(n, "cover-letter") for n in range(3, 8)], (15, "document-footer"), (16, "document-footer")
    ]
    speech = speech_of(text, rules)
    assert (speech.title, speech.speaker, speech.date) == ("在全县组织工作会议上的讲话", "周明", "2023-03-02")


def test_a_covering_notice_typed_without_book_title_marks_is_removed_up_to_the_speechs_title(rules):
    """关于印发县委书记在全县组织工作会议上讲话的通知: the speech's name bare, without 的; the speech keeps its own date."""
    cover = COVER.replace("关于印发《周明同志在全县组织工作会议上的讲话》的通知", "关于印发县委书记在全县组织工作会议上讲话的通知")
    text = cover + "在全县组织工作会议上的讲话\n周明\n（2023年3月2日）\n" + SPEECH_UNDER_COVER
    assert [r.line for r in clean(text, rules).removed if r.rule == "cover-letter"] == [3, 4, 5, 6, 7]
    speech = speech_of(text, rules)
    assert (speech.title, speech.speaker, speech.date) == ("在全县组织工作会议上的讲话", "周明", "2023-03-02")


def test_a_bare_notice_of_a_work_plan_is_the_document_itself(rules):
    """Only a speech's name is read bare: 关于印发2024年党建工作要点的通知 with its 要点 below is no covering notice."""
    text = "关于印发2024年党建工作要点的通知\n各党支部：\n现将2024年党建工作要点印发给你们，请认真贯彻落实。\n某某党委\n2024年2月1日\n2024年党建工作要点\n一、加强政治建设\n要讲政治。\n"
    assert [r.line for r in clean(text, rules).removed if r.rule == "cover-letter"] == []


def test_a_covering_notice_ends_at_its_date_when_the_speech_has_another_title(rules):
    text = COVER + "坚持新时代党的组织路线\n——在全县组织工作会议上的讲话\n" + SPEECH_UNDER_COVER
    assert [r.line for r in clean(text, rules).removed if r.rule == "cover-letter"] == [3, 4, 5, 6, 7]
    assert speech_of(text, rules).title == "坚持新时代党的组织路线"


def test_a_notice_that_names_no_end_is_kept(rules):
    text = "关于印发《在全县组织工作会议上的讲话》的通知\n各乡镇党委：\n现将讲话印发给你们，请认真学习贯彻。\n一、提高政治站位\n要讲政治。\n"
    assert clean(text, rules).removed == []


PIECE = "同志们：\n今天，我和大家一起学习党章。\n一、认识学习党章的重要意义\n党章是全党必须共同遵守的根本行为规范。\n"


@pytest.mark.parametrize(
    "page, line",
    [
        ("2023年支部书记党课讲稿汇编2篇\n第1篇：2023年支部书记党课讲稿\n" + PIECE + "第2篇：2023年支部书记党课讲稿\n" + PIECE, 7),
        ("全市组织工作会议讲话\n一\n" + PIECE + "二\n" + PIECE, 8),
    ],
)
def test_a_collection_pages_second_piece_is_flagged_for_the_curator(rules, page, line):
    review = [(r.code, r.line) for r in speech_of(page, rules).review if r.code == "collection"]
    assert review == [("collection", line)]


def test_an_exclamation_to_the_audience_inside_a_speech_is_not_another_piece(rules):
    text = "在全县组织工作会议上的讲话\n" + PIECE + "这项工作任务很重。\n同志们！\n我们一定要把这项工作抓紧抓实。\n"
    assert [r for r in speech_of(text, rules).review if r.code == "collection"] == []


def test_the_breadcrumbs_name_the_speech_when_the_text_has_no_title(rules):
    text = "当前位置：首页 > 讲话稿 > 在全县人才工作会议上的讲话\n同志们：\n一、提高站位\n人才是第一资源。\n"
    speech = speech_of(text, rules)
    assert (speech.title, speech.detected_by["title"]) == ("在全县人才工作会议上的讲话", "the page's breadcrumbs (the text has no title line)")
    assert [r.code for r in speech.review if r.code.startswith("title")] == ["title-from-note"]
    titled = speech_of("当前位置：首页 > 讲话稿 > 在全县人才工作会议上的讲话\n在全县人才工作会议上的讲话（摘要）\n同志们：\n一、提高站位\n人才是第一资源。\n", rules)
    assert titled.detected_by["title"] == "header line"


def test_a_pages_author_line_that_is_a_byline_names_the_speaker(rules):
    body = "同志们：\n一、提高政治站位\n要把党的政治建设摆在首位。\n"
    speech = speech_of("在全县组织工作会议上的讲话\n作者：县委书记 张华\n" + body, rules)
    assert (speech.speaker, speech.speaker_role, speech.detected_by["speaker"]) == ("张华", "县委书记", "the page's 作者： line")
    uploader = speech_of("在全县组织工作会议上的讲话\n作者：admin 时间：2020-06-01\n" + body, rules)
    assert (uploader.speaker, uploader.speaker_role) == (None, None)


def test_bare_date_beside_the_site_name_is_the_page_date(rules):
    text = "某某范文网\n2023-05-08\n在全区组织工作会议上的讲话\n2023-04-28\n同志们：\n一、加强党的建设。要抓好落实。"
    cleaned = clean(text, rules)
    assert [(r.text, r.rule) for r in cleaned.removed] == [("某某范文网", "site-name"), ("2023-05-08", "chrome-date")]
    assert parse(cleaned.lines).header.date == "2023-04-28"


def test_markup_residue_is_stripped_and_counted():
    assert strip_markup("同志们：<br/>今天&nbsp;开会&amp;学习<script>x</script>") == ("同志们：今天\xa0开会&学习<script>x</script>", 3)


# --- the header -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header, expected",
    [
        (["在全县组织工作会议上的讲话", "在全县组织工作会议上的讲话"], {"title": "在全县组织工作会议上的讲话", "roles": ["title", "repeat"]}),
        (["市委副书记"], {"title": None, "speaker_role": "市委副书记", "speaker": None}),
        (["在全市组织工作会议上的讲话", "组织部长李建华"], {"speaker": "李建华", "speaker_role": "组织部长"}),
        (["在全市组织工作会议上的讲话", "县委常委、组织部部长 王某某"], {"speaker": None, "speaker_role": "县委常委、组织部部长"}),
        (["在全市组织工作会议上的讲话", "（2019 年 4 月 2 日）"], {"date": "2019-04-02"}),
        (["在全市组织工作会议上的讲话（2016年9月21日）"], {"date": "2016-09-21", "title": "在全市组织工作会议上的讲话"}),
        (["在全市组织工作会议上的讲话", "（　　年　月　日）"], {"date": None, "speaker": None, "roles": ["title", "date"]}),
        (["在全市组织工作会议上的讲话", "20XX年X月X日"], {"date": None, "roles": ["title", "date"]}),
        (["在全市组织工作会议上的讲话", "201X/X/XX"], {"date": None, "roles": ["title", "date"]}),
        (["在全市组织工作会议上的讲话", "今年月日"], {"date": None, "roles": ["title", "date"]}),
        (["在全市组织工作会议上的讲话（终稿）"], {"title": "在全市组织工作会议上的讲话"}),
        (["七月一日是党的生日，每年这个时候各地都会召开庆祝大会，表彰先进基层党组织和优秀共产党员。"], {"title": None, "roles": ["note"]}),
        (["区委书记在全区基层党建工作推进会上的讲话"], {"speaker_role": "区委书记", "speaker": None}),
        (["李建华同志在全市人才工作会议上的讲话"], {"speaker": "李建华", "speaker_role": None}),
        (["讲话稿分享：《在全市组织部门干部大会上的讲话》全文如下"], {"title": "在全市组织部门干部大会上的讲话"}),
        (["在全县组织工作会议上的讲话范文在全县组织工作会议上的讲话"], {"title": "在全县组织工作会议上的讲话"}),
        (["在全县组织工作会议上的讲话|动员部署会议"], {"title": "在全县组织工作会议上的讲话"}),
        (["[讲话稿]在全县组织工作会议上的讲话(5321字)"], {"title": "在全县组织工作会议上的讲话"}),
        (["下面是一段导读。", "在全县组织工作会议上的讲话"], {"title": "在全县组织工作会议上的讲话", "roles": ["note", "title"]}),
        (["市长在人才日开幕式上讲话【完整版】", "市长在人才日开幕式上的讲话"], {"title": "市长在人才日开幕式上的讲话", "roles": ["repeat", "title"]}),
        (["在全市组织工作会议上的讲话", "在全市组织工作会议上讲话"], {"title": "在全市组织工作会议上的讲话", "roles": ["title", "repeat"]}),
        (["组织工作会议讲话稿", "组织工作会议讲话稿 篇1", "在全镇组织工作会议上的讲话"], {"title": "在全镇组织工作会议上的讲话", "roles": ["note", "repeat", "title"]}),
        (["讲话稿精选", "篇一：在全市组织工作会议上的讲话"], {"title": "在全市组织工作会议上的讲话", "roles": ["note", "title"]}),
        (["市委书记李建华在全省组织部长会议上强调", "进一步开创组织工作新局面"], {"speaker": "李建华", "speaker_role": "市委书记"}),
        (["在全区组织工作会议上的讲话", "区委书记"], {"speaker": None, "speaker_role": "区委书记"}),
        (["在全市组织工作会议上的讲话", "市长"], {"speaker": None, "speaker_role": "市长"}),
        (["县委书记×××：在全县组织工作会议上的讲话"], {"title": "在全县组织工作会议上的讲话", "speaker": None, "speaker_role": "县委书记"}),
        (["市委书记李建华同志在全市组织工作会议上的讲话"], {"speaker": "李建华", "speaker_role": "市委书记"}),
        (["在××镇党委换届工作动员会上的讲话", "二〇二一年×月"], {"title": "在××镇党委换届工作动员会上的讲话", "year": 2021, "date": None, "roles": ["title", "date"]}),
        (["在**市基层党建工作推进会上的讲话", "**市委常委、组织部部长 **"], {"speaker": None, "speaker_role": "**市委常委、组织部部长"}),
        (["在全县组织工作会议上的讲话", "2024-07-30", "在全县组织工作会议上的讲话（共4篇）", "（2021年3月2日）"], {"title": "在全县组织工作会议上的讲话", "date": "2021-03-02", "roles": ["title", "note", "repeat", "date"]}),
        (["在全县组织工作会议上的讲话", "2021-06-18"], {"date": "2021-06-18", "roles": ["title", "date"]}),
        (["2022年度专题党课：从党史中汲取奋进力量（精选文档）", "专题党课：从党史中汲取奋进力量"], {"title": "专题党课：从党史中汲取奋进力量", "year": 2022}),
        (["在全县组织工作会议上的讲话（县委书记 张明 2023年2月1日）"], {"title": "在全县组织工作会议上的讲话", "date": "2023-02-01", "speaker": "张明", "speaker_role": "县委书记"}),
        (["在全县组织工作会议上的讲话", "县委书记 张明（2023年2月1日）"], {"date": "2023-02-01", "speaker": "张明", "speaker_role": "县委书记", "roles": ["title", "speaker"]}),
        (["在全县组织工作会议上的讲话", "张明（2023年2月1日）"], {"date": "2023-02-01", "speaker": "张明", "roles": ["title", "speaker"]}),
        (["在全县组织工作会议上的讲话", "县委书记：张明"], {"speaker": "张明", "speaker_role": "县委书记", "roles": ["title", "speaker"]}),
        (["在全县组织工作会议上的讲话", "——县委书记 李强"], {"subtitle": None, "speaker": "李强", "speaker_role": "县委书记", "roles": ["title", "speaker"]}),
        (["在全县组织工作会议上的讲话", "——致敬英雄"], {"subtitle": "致敬英雄", "speaker": None, "roles": ["title", "subtitle"]}),
        (["在2023年全县组织工作会议上的讲话", "3月8日上午"], {"title": "在2023年全县组织工作会议上的讲话", "date": "2023-03-08", "roles": ["title", "date"]}),
        (["在全县组织工作会议上的讲话", "（3月8日）"], {"date": None, "year": None, "roles": ["title", "date"]}),
        (["在全市组织工作会议上的讲话", "（讲话人：市委副书记 刘军）"], {"speaker": "刘军", "speaker_role": "市委副书记", "roles": ["title", "speaker"]}),
        (["在全市组织工作会议上的讲话（根据录音整理，未经本人审阅）"], {"title": "在全市组织工作会议上的讲话"}),
        (["在全省组织部长会议上的讲话", "◎王春明"], {"speaker": "王春明", "roles": ["title", "speaker"]}),
        (["在全市组织工作会议上的讲话（市委书记 黄建国）"], {"title": "在全市组织工作会议上的讲话", "speaker": "黄建国", "speaker_role": "市委书记"}),
        (["在全市组织工作会议上的讲话（县委副书记）"], {"title": "在全市组织工作会议上的讲话", "speaker": None, "speaker_role": "县委副书记"}),
        (["在全省组织工作会议上的讲话（摘要）"], {"title": "在全省组织工作会议上的讲话（摘要）", "speaker": None, "speaker_role": None}),
        (["在全县组织工作会议上的讲话", "县委常委、组织部长 何平同志"], {"speaker": "何平", "speaker_role": "县委常委、组织部长"}),
        (["在集团公司党建工作会议上的讲话", "党委书记、董事长 陈立"], {"speaker": "陈立", "speaker_role": "党委书记、董事长"}),
        (["X县委书记在县委办党支部党小组学习会上的讲话"], {"speaker": None, "speaker_role": "X县委书记"}),
        (
            ["在全镇组织工作会议上的讲话", "镇党委书记 陈光明", "（周明 整理）"],
            {"speaker": "陈光明", "speaker_role": "镇党委书记"},
        ),
        (
            ["在全镇组织工作会议上的讲话", "镇党委书记  陈光明", "（有删节）"],
            {"speaker": "陈光明", "speaker_role": "镇党委书记", "roles": ["title", "speaker", "note"]},
        ),
        (["全市组织部长会议召开", "王建国作出批示"], {"title": "全市组织部长会议召开", "roles": ["title", "subtitle"]}),
        (["王建国作出批示", "全市组织部长会议召开"], {"roles": ["title", "title"]}),
        (
            ["坚定不移沿着新时代党的组织路线奋勇前进", "——2023年3月8日在全县组织工作会议上的讲话"],
            {"date": "2023-03-08", "subtitle": "2023年3月8日在全县组织工作会议上的讲话", "roles": ["title", "subtitle"]},
        ),
        (
            ["在全区组织工作会议上的讲话", "（在2022年全区组织工作会议上的讲话提纲）"],
            {"title": "在全区组织工作会议上的讲话", "subtitle": "在2022年全区组织工作会议上的讲话提纲", "roles": ["title", "subtitle"]},
        ),
        (["在全县组织工作会议上的讲话 张建国"], {"title": "在全县组织工作会议上的讲话", "speaker": "张建国"}),
        (["在全县组织工作会议上的讲话 县委书记 张建国"], {"title": "在全县组织工作会议上的讲话", "speaker": "张建国", "speaker_role": "县委书记"}),
        (["在全县组织工作会议上的讲话 摘要"], {"speaker": None}),
        (["在全县组织工作会议上的讲话（2023）"], {"title": "在全县组织工作会议上的讲话", "year": 2023, "date": None}),
        (["在全县组织工作会议上的讲话（2022年度）"], {"title": "在全县组织工作会议上的讲话", "year": 2022}),
        (["王书记在全县组织工作会议上的讲话"], {"speaker": None, "speaker_role": "书记"}),
        (["XXX书记在全县组织工作会议上的讲话"], {"speaker": None, "speaker_role": "书记"}),
        (["县委书记在全县组织工作会议上的讲话"], {"speaker": None, "speaker_role": "县委书记"}),
        (["在全县组织工作会议上的讲话", "李部长"], {"speaker": None, "speaker_role": "部长"}),
        (["在全县组织工作会议上的讲话", "县委副书记（代县长） 张华"], {"speaker": "张华", "speaker_role": "县委副书记（代县长）"}),
    ],
)
def test_header_lines_are_typed(header, expected):
    parsed = parse_header(lines_of("\n".join(header)))
    for field, value in expected.items():
        got = [h.role for h in parsed.lines] if field == "roles" else getattr(parsed, field)
        assert got == value, field


def test_suspicious_title_and_role_without_name_are_flagged():
    parsed = parse_header(lines_of("本文是关于加强新时代党的建设工作的一篇重要讲话稿件全文内容整理。\n市委副书记"))
    assert [(w.code, w.message) for w in parsed.warnings] == [
        ("suspicious-title", "标题可疑（32 字，含句号）：请核对"),
        ("no-speaker-name", "署名只有职务（市委副书记），没有姓名"),
    ]


@pytest.mark.parametrize(
    "title, opening, expected",
    [
        ("在全县组织工作会议上的讲话", "", ("全县组织工作会议", "title: 在…上的讲话")),
        ("全县组织工作会议讲话", "", ("全县组织工作会议", "title: …会议讲话")),
        ("在全镇党建工作务虚会上的讲话", "", ("全镇党建工作务虚会", "title: 在…上的讲话")),
        ("在全县公路建设动员会议结束时的讲话", "", ("全县公路建设动员会议", "title: 在…上的讲话")),
        ("在2020年全市组织工作会议上的讲话", "", ("全市组织工作会议", "title: 在…上的讲话")),
        ("关于干部工作的几点意见", "这次全会是一次重要会议。", (None, None)),
        ("关于干部工作的几点意见", "召开此次会议，很有必要。", (None, None)),
        ("关于干部工作的几点意见", "今天，我们召开全市组织部长会议，主要任务是", ("全市组织部长会议", "opening: 召开…会议")),
        ("在“全市人才日”活动开幕式上的讲话", "", ("“全市人才日”活动开幕式", "title: 在…上的讲话")),
        ("在“全县组织工作会议”上的讲话", "", ("全县组织工作会议", "title: 在…上的讲话")),
        ("李建华在全省组织部长会议上强调", "", ("全省组织部长会议", "title: 在…上的讲话")),
        ("在县委组织部2022年度民主生活会上的点评讲话", "", ("县委组织部2022年度民主生活会", "title: 在…上的讲话")),
        ("在参加所在党支部组织生活会时的讲话", "", ("党支部组织生活会", "title: 在…上的讲话")),
        ("在县委全委会上的讲话", "", ("县委全委会", "title: 在…上的讲话")),
        ("关于干部工作的几点意见", "今天我们召开全县组织工作会议，主要任务是", ("全县组织工作会议", "opening: 召开…会议")),
        ("关于干部工作的几点意见", "召开全县组织工作会议暨人才工作会议，", ("全县组织工作会议暨人才工作会议", "opening: 召开…会议")),
        ("关于干部工作的几点意见", "隆重召开全县庆祝建党百年暨优秀共产党员，优秀党务工作者表彰大会。", ("全县庆祝建党百年暨优秀共产党员，优秀党务工作者表彰大会", "opening: 召开…会议")),
        ("关于干部工作的几点意见", "仪式在这里隆重举行，各级领导出席了今天的培训班。", (None, None)),
        ("全市组织部长会议召开", "", ("全市组织部长会议", "title: …会议召开")),
        ("全县基层党建工作推进会在某镇举行", "", ("全县基层党建工作推进会", "title: …会议召开")),
        ("坚持党建引领", "2月28日下午，全市组织部长会议召开。会议总结回顾去年工作。", ("全市组织部长会议", "opening: …会议召开")),
        ("坚持党建引领", "这次会议召开以来，各地认真落实。", (None, None)),
        ("党代会领导讲话", "各位代表、同志们：中国共产党某某镇第五次代表大会今天胜利开幕了。", ("中国共产党某某镇第五次代表大会", "opening: …会议召开")),
        ("全市人才工作会议隆重召开", "", ("全市人才工作会议", "title: …会议召开")),
        # the place that holds it and the year it names are the meeting's name; the text's own place (我镇) is not
        ("坚持党建引领", "2月20日，某某镇召开2021年度抓基层党建工作述职评议会议。", ("某某镇2021年度抓基层党建工作述职评议会议", "opening: X召开…会议")),
        ("坚持党建引领", "1月19日上午，我镇召开村党组织书记述评大会，", ("村党组织书记述评大会", "opening: 召开…会议")),
        ("坚持党建引领", "9月1日，区委党校举行2019年秋季开学典礼。", ("2019年秋季开学典礼", "opening: 召开…会议")),
        ("我县召开2024年度村党组织书记述职评议会", "", ("2024年度村党组织书记述职评议会", "title: X召开…会议")),
        ("坚持党建引领", "3月11日下午，县委书记孙某主持召开县委常委会会议，专题研究干部工作。", ("县委常委会会议", "opening: 召开…会议")),
        ("党建引领促发展——某某街道召开2023年度基层党建述职评议会", "", ("某某街道2023年度基层党建述职评议会", "title: X召开…会议")),
        # a meeting named only by its year, number and kind is named by the body holding it
        ("县委人才工作领导小组召开2025年第一次会议", "", ("县委人才工作领导小组2025年第一次会议", "title: X召开…会议")),
        ("坚持党建引领", "3月11日下午，县委人才工作领导小组召开第一次全体会议，", ("县委人才工作领导小组第一次全体会议", "opening: X召开…会议")),
        # any kind of 会 where a meeting is named, and a name with 、 inside
        ("坚持党建引领", "某某网1月8日消息 某某委7日召开严肃换届纪律、保证风清气正视频会。", ("严肃换届纪律、保证风清气正视频会", "opening: 召开…会议")),
        ("2023年乡村换届动员暨集体谈心会讲话稿", "", ("2023年乡村换届动员暨集体谈心会", "title: …会议讲话")),
        ("关于干部工作的几点意见", "召开这次会，大家要深刻体会，把握机会。", (None, None)),
        # a source before the headline; who holds it, and when and how, between the name and 召开
        ("（某某县委党校）:2015年领导干部专题培训班开班", "", ("2015年领导干部专题培训班", "title: …会议召开")),
        ("全县组织工作会议召开：聚焦主责主业 建强组织体系", "", ("全县组织工作会议", "title: …会议召开")),
        ("某某中央在京召开全国组织处长工作会议", "", ("全国组织处长工作会议", "title: X召开…会议")),
        ("区委召开党建工作领导小组会议", "", ("区委党建工作领导小组会议", "title: X召开…会议")),
        ("坚持党建引领", "近日，全国组织部长会议以电视电话会议形式在京召开。", ("全国组织部长会议", "opening: …会议召开")),
        ("坚持党建引领", "本报讯 华东地区党校校长座谈会11月19日在某市召开。", ("华东地区党校校长座谈会", "opening: …会议召开")),
        # a clause cut before its 的 names no meeting: none rather than 的深入学习贯彻…大会
        ("学校党委召开的深入学习贯彻全国教育大会", "", (None, None)),
        (None, "今天我们召开的深入学习贯彻全国教育大会精神推进会，主要任务是", (None, None)),
    ],
)
def test_occasion_is_a_named_meeting(title, opening, expected):
    assert find_occasion(title, None, opening) == expected


@pytest.mark.parametrize(
    "texts, role, expected",
    [
        (("全县组织工作会议",), None, ("县", "全X")),
        (("组织工作会议", "县委副书记"), None, ("县", "organ (X委/X政府)")),
        (("县委十四届五次全会",), None, ("县", "organ (X委/X政府)")),
        (("中国共产党某某区第五次代表大会",), None, ("区", "organ (X委/X政府)")),
        (("县宣传思想工作会议",), None, ("县", "leading X")),
        (("党建职责述职工作会",), "市长", ("市", "the speaker's role")),
        (("XX县2023年组织工作会议",), None, ("县", "leading X")),
        (("组织工作会议",), "XX县委书记", ("县", "the speaker's role")),
        (("城市长效管理工作会议",), None, (None, None)),
        (("涪陵区组织工作会议",), None, ("区", "a place and its level")),
        (("南岭县2023年组织工作会议",), None, ("县", "a place and its level")),
        (("乌鲁木齐市人才工作会议",), None, ("市", "a place and its level")),
        (("镇江市组织工作会议",), None, ("市", "a place and its level")),
        (("镇原县人才工作会议",), None, ("县", "a place and its level")),
        (("镇党委理论学习中心组学习会",), None, ("镇", "organ (X委/X政府)")),
        (("镇村干部培训班",), None, ("镇", "leading X")),
        (("某某镇党建工作推进会",), None, ("镇", "leading X")),
        (("西河镇党建工作推进会",), None, ("镇", "a place and its level")),
        (("中国共产党××镇第×次代表大会",), None, ("镇", "organ (X委/X政府)")),
        (("农村社区党组织书记培训班",), None, (None, None)),
        (("上市公司党建工作座谈会",), None, (None, None)),
        (("返乡创业人才座谈会",), None, (None, None)),
        (("各地区组织部长座谈会",), None, (None, None)),
        (("组织工作会议",), None, (None, None)),
    ],
)
def test_level(texts, role, expected):
    assert find_level(*texts, role=role) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("今年是新中国成立71周年，也是脱贫攻坚收官之年。", (2020, "anniversary: 新中国成立N周年")),
        ("今年是中国共产党成立100周年。", (2021, "anniversary: 建党N周年")),
        ("今年恰逢建党一百周年。", (2021, "anniversary: 建党N周年")),
        ("明年是改革开放40周年。", (2017, "anniversary: 改革开放N周年")),
        ("在庆祝建党95周年大会上，总书记强调……", None),
        ("值此中国共产党成立98周年之际，我们召开大会。", (2019, "anniversary: 建党N周年")),
        ("在新中国成立七十周年即将到来之际，", (2019, "anniversary: 新中国成立N周年")),
    ],
)
def test_year_from_a_stated_anniversary(text, expected):
    assert anniversary_year(text) == expected


@pytest.mark.parametrize(
    "raw, title",
    [
        ("在全县组织工作会议上的讲话范文", "在全县组织工作会议上的讲话"),
        ("在全县组织工作会议上的讲话_某某文库", "在全县组织工作会议上的讲话"),
        ("在全县组织工作会议上的讲话【精选】", "在全县组织工作会议上的讲话"),
        ("学习《习近平谈治国理政》的体会", "学习《习近平谈治国理政》的体会"),
        ("在全镇党建工作会议上的讲话(经典一篇)", "在全镇党建工作会议上的讲话"),
        ("在全镇党建工作会议上的讲话（优秀3篇）", "在全镇党建工作会议上的讲话"),
        ("党代会领导讲话(2)", "党代会领导讲话"),
        ("党代会领导讲话（二）", "党代会领导讲话（二）"),
        ("在全县组织工作会议上的讲话-某某文库", "在全县组织工作会议上的讲话"),  # a site after a whole title
        ("加强党的建设-推动高质量发展", "加强党的建设-推动高质量发展"),  # no whole title before the dash
        ("在全县组织工作会议上的讲话.docx", "在全县组织工作会议上的讲话"),
        ("最新在全县组织工作会议上的讲话范文", "在全县组织工作会议上的讲话"),
        ("优秀共产党员在七一表彰会上的发言", "优秀共产党员在七一表彰会上的发言"),
        ("在全县组织工作会议上的讲话3200字（全文3268字）", "在全县组织工作会议上的讲话"),  # a library's word count
        ("在全县组织工作会议上的讲话（全文3268字）", "在全县组织工作会议上的讲话"),
    ],
)
def test_site_decoration_is_taken_off_titles(raw, title):
    assert undecorated_title(raw) == title


def test_review_notes_and_rules_reach_the_speech(rules):
    speech = speech_of("在全县组织工作会议上的讲话\n市委副书记\n同志们：\n一、加强党的建设。要抓好落实。\n二、建强干部队伍。要选好干部。", rules)
    assert speech.detected_by == {
        "title": "header line",
        "speaker_role": "byline role without a name",
        "occasion": "title: 在…上的讲话",
        "level": "全X",
    }
    assert [(r.code, r.message) for r in speech.review] == [("no-speaker-name", "署名只有职务（市委副书记），没有姓名"), ("no-date", "没有找到日期")]


def test_traditional_page_with_chrome(rules):
    text = "時間：2022-05-14 09:10:00\n在全市黨建工作會議上的講話\n同志們：\n一、紮實推進基層黨組織建設。要抓好落實。"
    speech = speech_of(text, rules)
    assert (speech.title, speech.occasion, speech.level) == ("在全市党建工作会议上的讲话", "全市党建工作会议", "市")
    assert Counter(r.rule for r in speech.clean.removed) == Counter({"posting-info": 1})


# --- property: chrome around a real speech goes, the speech stays ---------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

CHROME_POOL = [
    "发布时间：2021-11-02 浏览次数：356",
    "导语：本文来源于网友投稿，不代表本站立场。",
    "下面是小编为大家整理的讲话稿，欢迎阅读参考。",
    "标签：组织工作 讲话",
    "……此处隐藏5210字，下载全文请点击……",
    "预览已结束，完整内容请下载",
    "某某范文网",
    "当前位置：首页 > 讲话稿 > 组织工作",
    "相关阅读",
    "p.MsoNormal { font-family: 宋体; }",
]


@settings(max_examples=40, deadline=None)
@given(seed=st.sampled_from(["000", "002", "003", "004"]), inserts=st.lists(st.tuples(st.integers(0, 400), st.sampled_from(CHROME_POOL)), max_size=6))
def test_chrome_inserted_anywhere_is_removed_and_nothing_else(rules, seed, inserts):
    text = next(CORPUS.glob(f"{seed}_*.txt")).read_text(encoding="utf-8")
    original = clean(text, rules)
    lines = text.split("\n")
    for position, chrome in sorted(inserts, reverse=True):
        lines.insert(min(position, len(lines)), chrome)
    cleaned = clean("\n".join(lines), rules)
    assert [line.text for line in cleaned.lines if line.text] == [line.text for line in original.lines if line.text]
    assert sorted(r.text for r in cleaned.removed) == sorted([r.text for r in original.removed] + [c for _, c in inserts])


def test_lines_broken_mid_sentence_by_a_browser_are_joined(rules):
    text = (
        "在全市领导干部会议上的讲话\n同志们：\n"
        "刚才，省委领导同志宣布了省委的决定，并发表了非常重要的\n讲话，新任同志分别作了很好的表态\n发言。我完全赞同。\n"
        "一、坚决拥护省委的决定\n这次组织上调整我的工作，我坚决拥护。\n"
    )
    cleaned = clean(text, rules)
    assert [line.text for line in cleaned.lines if line.text] == [
        "在全市领导干部会议上的讲话",
        "同志们：",
        "刚才，省委领导同志宣布了省委的决定，并发表了非常重要的讲话，新任同志分别作了很好的表态发言。我完全赞同。",
        "一、坚决拥护省委的决定",
        "这次组织上调整我的工作，我坚决拥护。",
    ]
    assert [(j.first, j.last) for j in cleaned.joins] == [(3, 5)]


def test_a_line_broken_before_a_quotation_is_continued_by_it(rules):
    text = (
        "在全县组织工作务虚会上的讲话\n同志们：\n"
        "今年的组织工作要切实提高政治站位，进一步强基础、补短板，干部人才工作要以事业为上，做好\n"
        "“理顺”干部人才管理机制、“优化”干部人才结构两篇文章；自身建设要精心提炼组工精神。\n"
    )
    cleaned = clean(text, rules)
    assert [line.text for line in cleaned.lines if line.text][2:] == [
        "今年的组织工作要切实提高政治站位，进一步强基础、补短板，干部人才工作要以事业为上，做好“理顺”干部人才管理机制、“优化”干部人才结构两篇文章；自身建设要精心提炼组工精神。"
    ]


def test_a_title_with_a_clause_is_not_continued_by_the_name_under_it(rules):
    """A few characters with no stop (a name under a title) are no piece of a wrapped paragraph."""
    text = (
        "努力成为对党忠诚、敢于担当的优秀年轻干部\n李某明\n"
        "今年以来，我们举办了三期培训班，每次开班我都来讲一讲。下面，我谈几点体会。\n"
    )
    cleaned = clean(text, rules)
    assert [line.text for line in cleaned.lines if line.text][:2] == ["努力成为对党忠诚、敢于担当的优秀年轻干部", "李某明"]
    assert cleaned.joins == []


def test_a_notice_without_a_full_stop_is_not_continued_by_the_title_under_it(rules):
    """A chrome line that ends mid-sentence must not take the header under it when it is removed."""
    text = (
        "版权说明：本文档由用户提供并上传，收益归属内容提供方，若内容存在侵权，请进行举报或认领\n"
        "在全区组织工作会议上的讲话\n区委书记 周建华\n同志们：\n一、坚持政治引领\n要把党的政治建设摆在首位。\n"
    )
    cleaned = clean(text, rules)
    assert [(r.line, r.rule) for r in cleaned.removed] == [(1, "copyright-notice")]
    assert [line.text for line in cleaned.lines if line.text][:2] == ["在全区组织工作会议上的讲话", "区委书记 周建华"]
    assert cleaned.joins == []


CHUNKED = (
    "1、在全市基层党建工作现场会上的讲话 同志们：今天召开全市基层党建工作现场会，主要任务是总结交流经验做法，安排部署下一阶段工作。下面，我讲两点意见。"
    " 在全市基层党建工作现场会上的讲话 同志们：今天召开全市基层党建工作现场会，主要任务是总结交流经\n"
    "2、验做法，安排部署下一阶段工作。下面，我讲两点意见。 一、充分肯定取得的成绩 近年来，全市各级党组织坚持抓基层、打基础，"
    "推动基层党建工作取得了明显成效，基层党组织的组织力和凝聚力不断\n"
    "3、提升，党员队伍建设持续加强，村级集体经济不断壮大，群众满意度逐年提高。 二、突出重点推动全面进步 要持续整顿软弱涣散基层党组织，"
    "选优配强村党组织书记，健全村级组织运转经费保障机制，推动基层党组织全面进步全面过硬。 同志们，大家要以更加饱满的热情抓好落实。\n"
)


def test_a_document_sites_numbered_chunks_are_one_text_and_its_preview_is_dropped(rules):
    cleaned = clean(CHUNKED, rules)
    assert [line.text for line in cleaned.lines if line.text] == [
        "在全市基层党建工作现场会上的讲话",
        "同志们：",
        "今天召开全市基层党建工作现场会，主要任务是总结交流经验做法，安排部署下一阶段工作。下面，我讲两点意见。",
        "一、充分肯定取得的成绩",
        "近年来，全市各级党组织坚持抓基层、打基础，推动基层党建工作取得了明显成效，基层党组织的组织力和凝聚力不断提升，党员队伍建设持续加强，村级集体经济不断壮大，群众满意度逐年提高。",
        "二、突出重点推动全面进步",
        "要持续整顿软弱涣散基层党组织，选优配强村党组织书记，健全村级组织运转经费保障机制，推动基层党组织全面进步全面过硬。",
        "同志们，大家要以更加饱满的热情抓好落实。",
    ]
    assert [(j.first, j.last) for j in cleaned.joins] == [(1, 3)]
    assert [(r.line, r.rule, r.text) for r in cleaned.removed] == [
        (1, "repeated-preview", "在全市基层党建工作现场会上的讲话 同志们：今天召开全市基层党建工作现场会，主要任务是总结交流经验做法，安排部署下一阶段工作。下面，我讲两点意见。")
    ]


def test_a_short_last_chunk_and_a_title_run_into_the_text_under_a_sites_lines(rules):
    text = (
        "欢迎来到某某文库\nID:7200858\n"
        "1、在全县拔尖人才表彰会议上的讲话 今天，我们在这里隆重召开全县拔尖人才表彰会议，这在我县还是第一次，也是我县人才工作中的一件大事。"
        "会议的主要任务是表彰先进、树立导向，进一步营造尊重知识、尊重人才的良好氛围。借此机会，我代表县委、县\n"
        "2、政府向受到表彰的同志表示热烈的祝贺！近年来，我县确立和实施了工业立县战略，经济社会取得了长足发展，"
        "各类人才引进培养的力度不断加大，人才发展的环境持续优化，我县专业人才队伍不断壮大，在\n"
        "3、促进经济社会发展中发挥了积极的作用。\n"
    )
    cleaned = clean(text, rules)
    assert [(j.first, j.last) for j in cleaned.joins] == [(3, 5)]
    assert [line.text for line in cleaned.lines if line.text] == [
        "在全县拔尖人才表彰会议上的讲话",
        "今天，我们在这里隆重召开全县拔尖人才表彰会议，这在我县还是第一次，也是我县人才工作中的一件大事。"
        "会议的主要任务是表彰先进、树立导向，进一步营造尊重知识、尊重人才的良好氛围。借此机会，我代表县委、县政府向受到表彰的同志表示热烈的祝贺！"
        "近年来，我县确立和实施了工业立县战略，经济社会取得了长足发展，各类人才引进培养的力度不断加大，人才发展的环境持续优化，"
        "我县专业人才队伍不断壮大，在促进经济社会发展中发挥了积极的作用。",
    ]


def test_a_short_page_whose_title_runs_into_its_salutation_parts_its_headings_too(rules):
    text = "在全村党员大会上的讲话同志们：今天召开全村党员大会，研究部署今年工作。一、抓好学习。要按时参加组织生活。二、做好表率。要带头遵守村规民约。\n"
    cleaned = clean(text, rules)
    assert [line.text for line in cleaned.lines if line.text] == [
        "在全村党员大会上的讲话", "同志们：", "今天召开全村党员大会，研究部署今年工作。", "一、抓好学习。要按时参加组织生活。", "二、做好表率。要带头遵守村规民约。",
    ]
    # one heading number after a full stop is a paragraph's inline item, not a page run together
    one = "在全村党员大会上的讲话同志们：今天召开全村党员大会。一是抓好学习，要按时参加组织生活。\n"
    assert [line.text for line in clean(one, rules).lines if line.text][2:] == ["今天召开全村党员大会。一是抓好学习，要按时参加组织生活。"]


def test_a_title_run_into_its_salutation_further_down_the_header_is_parted_and_stands_as_the_title(rules):
    """A page gives its name for the text, an advert, then the text's own title run into 同志们：."""
    text = (
        "全镇换届工作会议讲话\n某某范文网，海量材料，网址：www.fanwen.example.com，欢迎参考。\n全镇换届工作会议讲话\n"
        "在全镇换届工作动员部署会上的讲话  同志们:\n今天我们召开全镇换届工作动员部署会，对换届工作进行部署，我们要抓好落实。\n"
    )
    cleaned = clean(text, rules)
    assert [(s.line, s.pieces) for s in cleaned.splits] == [(4, 2)]
    parsed = parse(cleaned.lines)
    assert parsed.header.title == "在全镇换届工作动员部署会上的讲话"
    assert [p.text for s in parsed.sections for p in s.paragraphs][0] == "同志们："


def test_paragraph_indents_lost_to_question_marks_start_paragraphs(rules):
    """A page saved through an encoding without the ideographic space: ??? where a paragraph was indented."""
    text = (
        "在全镇换届工作会议上的讲话\n同志们：\n??? 今天召开全镇换届工作会议，下面，我讲两点意见。\n"
        "??? 一、统一思想 ??? 换届工作是全镇政治生活中的一件大事，我们要高度重视。\n二、严明纪律\n要严守换届纪律。\n"
    )
    cleaned = clean(text, rules)
    assert [line.text for line in cleaned.lines if line.text][2:5] == [
        "今天召开全镇换届工作会议，下面，我讲两点意见。", "一、统一思想", "换届工作是全镇政治生活中的一件大事，我们要高度重视。",
    ]
    assert [(s.line, s.pieces) for s in cleaned.splits] == [(4, 2)] and cleaned.normalised["lost-indents"] == 3
    # A single ? is a character the encoding lost inside a word: it stays.
    assert [line.text for line in clean("同志们：\n要推动经济?会发展。\n", rules).lines][1] == "要推动经济？会发展。"


def test_numbered_paragraphs_of_a_speech_are_not_taken_for_chunks(rules):
    item = "要坚持以习近平新时代中国特色社会主义思想为指导，全面落实新时代党的建设总要求，推动组织工作高质量发展，为全县经济社会发展提供坚强组织保证。"
    text = f"在全县组织工作会议上的讲话\n同志们：\n1、{item}\n2、{item}\n3、{item}\n"
    cleaned = clean(text, rules)
    assert cleaned.joins == [] and cleaned.removed == []
    assert [line.text for line in cleaned.lines if line.text][2:] == [f"1、{item}", f"2、{item}", f"3、{item}"]


def test_a_list_whose_items_lack_a_full_stop_is_not_taken_for_chunks(rules):
    items = [
        "1、严格落实“三会一课”制度，规范开展主题党日活动，推动党员教育管理常态化长效化，切实提高组织生活质量，增强党员的党性观念和宗旨意识",
        "2、持续整顿软弱涣散基层党组织，选优配强村党组织书记，健全村级组织运转经费保障机制和激励机制，推动基层党组织全面进步全面过硬",
    ]
    cleaned = clean("在全县组织工作会议上的讲话\n同志们：\n" + "\n".join(items) + "\n", rules)
    assert cleaned.joins == [] and [line.text for line in cleaned.lines if line.text][2:] == items


def test_an_opening_said_twice_on_purpose_is_not_a_preview(rules):
    sentence = "同志们：今天召开全县组织工作会议，主要任务是总结去年工作，部署今年任务。"
    text = f"在全县组织工作会议上的讲话\n{sentence}刚才，几位同志作了发言。{sentence[4:]}\n"
    assert clean(text, rules).removed == []


def test_a_speech_of_short_paragraphs_keeps_its_sentences_about_new_media(rules):
    """With no paragraph of 40 characters, the whole body counts as the page's edge: the edge-only
    rules must still tell the speech's sentences from a page's buttons and advertisements."""
    text = (
        "在全县宣传思想工作会议上的讲话\n同志们：\n今天召开全县宣传思想工作会议。\n一、用好新媒体平台\n"
        "要用好“学习强国”APP等平台，推动党员学习常态化。\n点赞、转发、评论等数据不能作为评价工作的唯一标准。\n"
        "二、加强阵地管理\n要落实意识形态工作责任制，守好网站、微信公众号等阵地。\n要关注网民评论，及时回应社会关切。\n"
        "谢谢大家！\n点赞 分享 在看\n"
    )
    assert [(r.text, r.rule) for r in clean(text, rules).removed] == [("点赞 分享 在看", "article-tools")]


def test_an_advertising_block_stops_at_a_sentence_of_the_speech(rules):
    text = "在全县组织工作会议上的讲话\n同志们：\n一、加强党的建设。要抓好落实。\n希望各级党组织认真落实会议部署。\n开通会员\n免费领取全部范文\n"
    assert [r.text for r in clean(text, rules).removed] == ["开通会员", "免费领取全部范文"]
    # …a short one too (人才是第一资源。), and the closing thanks
    text = "在全区人才工作会议上的讲话\n同志们：\n一、深刻认识人才工作的重要意义\n人才是第一资源。\n谢谢大家！\n微信扫一扫\n关注该公众号\n"
    assert [r.text for r in clean(text, rules).removed] == ["微信扫一扫", "关注该公众号"]


def test_page_labels_glued_to_the_text_are_taken_off(rules):
    text = "内容预览：在全县组织工作会议上的讲话\n同志们：\n一、加强党的建设。要抓好贯彻落实。&n[标签：讲话]\n"
    cleaned = clean(text, rules)
    assert [line.text for line in cleaned.lines if line.text] == ["在全县组织工作会议上的讲话", "同志们：", "一、加强党的建设。要抓好贯彻落实。"]
    assert [(r.line, r.text, r.rule) for r in cleaned.removed] == [(1, "内容预览：", "page-label"), (3, "&n[标签：讲话]", "page-label")]


def test_a_short_text_of_short_lines_is_not_taken_for_a_wrapped_one(rules):
    """Found by the anchor-stability property: a few short lines must never look hard-wrapped."""
    for middle in ("人人人人", "人人人人基层"):
        text = "在全县组织工作会议上的讲话\n同志们：\n一、加强党建\n一、加强党建\n" + middle + "\n<<<<<<<、、、、、、、、"
        assert clean(text, rules).joins == []


@pytest.mark.parametrize(
    "removed, title",
    [
        (["下面是小编为大家整理的2023年在全市人才工作会议上讲话【完整版】，供大家参考。"], "2023年在全市人才工作会议上讲话"),
        (["本文是小编整理的《在全县组织工作会议上的讲话》，欢迎阅读。"], "在全县组织工作会议上的讲话"),
        (["下面是小编为大家整理的工作总结，供大家参考。"], None),
        (["发布时间：2023-05-08"], None),
    ],
)
def test_a_title_named_in_the_sites_note(removed, title):
    from build_kb.ingest.parse import title_in_site_note

    assert title_in_site_note(removed) == title


def test_a_date_is_taken_from_under_the_text_only_from_a_line_of_its_own():
    body = "一、加强基层党组织建设。要提升组织力。\n二、建设高素质干部队伍。要坚持好干部标准。\n"
    signed = parse(lines_of("某某县委组织部2022年工作总结\n" + body + "中共某某县委组织部\n（2022年12月28日）"))
    assert signature_date(signed.sections) == "2022-12-28"
    told = parse(lines_of("某某县委组织部2022年工作总结\n" + body + "三、抓好落实。2022年12月28日召开的常委会议对明年工作作了部署。"))
    assert signature_date(told.sections) is None


def test_a_level_the_body_says_in_a_heading_counts_like_one_said_in_a_paragraph(rules):
    text = (
        "党建工作推进会讲话提纲\n同志们：\n今天召开这次会议，主要是安排下一阶段工作。\n"
        "一、全县基层党建的主要任务\n要抓好党支部标准化建设，全县各级党组织要认真落实。\n二、工作要求\n要压实责任，抓好落实。\n"
    )
    speech = speech_of(text, rules)
    assert (speech.level, speech.detected_by.get("level")) == ("县", "the body (我X, 全X, X委要求 … again and again)")
    # said once, in a paragraph alone, it is not enough
    assert speech_of(text.replace("一、全县基层党建的主要任务", "一、基层党建的主要任务"), rules).level is None


# --- issue 32, round 3: classes met on fresh pages of unseen sites (cases in tests/eval/metadata.yaml) ---


def exactly(tmp_path, *names: str) -> list[str]:
    """The mistakes `kb evaluate` finds on the named labelled cases alone (every field, line and heading)."""
    data = yaml.safe_load(EVAL.read_text(encoding="utf-8"))
    picked = [case for case in data["cases"] if case["name"] in names]
    assert sorted(case["name"] for case in picked) == sorted(names)
    subset = tmp_path / "tests" / "eval" / "metadata.yaml"
    subset.parent.mkdir(parents=True)
    subset.write_text(yaml.safe_dump({"cases": picked, "bodies": data["bodies"]}, allow_unicode=True), encoding="utf-8")
    return evaluate_metadata(subset, ROOT / "corpus").mistakes


def test_a_reports_credits_and_list_under_it_go_and_an_overview_of_points_is_no_heading(tmp_path):
    assert exactly(tmp_path, "report-with-its-credits-and-a-list-of-other-reports-under-it", "overview-of-points-above-the-headings-and-a-title-glued-further-down") == []


def test_a_picture_caption_ending_in_its_credit_goes_and_leaves_the_headline(tmp_path):
    assert exactly(tmp_path, "news-photo-caption-with-its-credit-above-the-headline") == []


def test_the_speaker_of_a_report_who_gave_the_closing_speech_or_spoke_at_the_meeting(tmp_path):
    assert exactly(tmp_path, "town-report-the-secretary-who-gave-the-closing-speech", "report-where-the-secretary-spoke-between-name-and-verb") == []


def test_a_headline_at_a_meeting_whose_kind_is_bracketed_names_the_meeting(tmp_path):
    assert exactly(tmp_path, "paper-headline-at-a-meeting-with-a-bracketed-kind") == []


def test_two_parallel_unnumbered_headings_of_a_cut_page_are_headings(tmp_path):
    assert exactly(tmp_path, "duty-report-cut-after-its-second-parallel-heading") == []


def test_a_page_cut_after_a_heading_like_its_siblings_ends_with_that_heading(tmp_path, rules):
    assert exactly(tmp_path, "page-cut-after-a-heading-like-its-siblings-with-a-greeting") == []
    text = "同志们：\n大家好！\n今天召开会议，主要任务是部署工作。\n一、成效明显\n（一）理论武装持续深化，政治能力不断提升\n党员干部政治能力不断提升。\n（二）作风建设扎实推进，服务效能稳步提高\n"
    speech = speech_of(text, rules)
    assert [p.kind for p in speech.sections[0].paragraphs] == ["salutation", "salutation", "text"]
    assert [(s.heading, len(s.paragraphs)) for s in speech.sections[1].children] == [
        ("（一）理论武装持续深化，政治能力不断提升", 1), ("（二）作风建设扎实推进，服务效能稳步提高", 0)]


def test_a_run_in_item_cut_mid_sentence_at_the_end_is_still_a_paragraph(rules):
    text = "同志们：\n今天召开会议。\n第一，要提高认识。各级党组织要把这项工作摆上位置。\n第二，要抓好落实。要细化措施，压实责任。\n第三，抓好这次轮训工作，有利于全面提"
    speech = speech_of(text, rules)
    assert [s.heading for s in speech.sections if s.kind == "body"][-1].startswith("第二")


def test_a_reports_speaker_is_the_named_one_who_spoke_later_by_name_or_as_he(tmp_path):
    assert exactly(
        tmp_path, "report-the-one-who-attended-and-later-pointed-out", "report-he-stressed-after-the-one-who-chaired",
        "report-a-list-of-those-present-then-the-one-who-spoke", "report-the-chair-who-summed-up-the-duty-reports",
        "town-report-naming-its-place-as-the-town-and-its-secretary",
    ) == []


def test_a_role_without_a_name_is_no_speaker_and_the_street_is_the_level(tmp_path):
    assert exactly(tmp_path, "street-report-with-an-unnamed-secretary") == []


def test_a_years_review_in_january_is_dated_the_year_after(tmp_path):
    assert exactly(tmp_path, "report-of-a-years-review-held-in-the-january-after") == []


def test_a_mirrors_word_above_the_headline_is_no_speaker_and_its_reader_furniture_goes(tmp_path):
    assert exactly(tmp_path, "wechat-mirror-with-a-word-above-the-headline-and-a-recommendation-tail") == []


def test_a_picture_line_and_its_caption_credited_to_a_media_centre_go(tmp_path):
    assert exactly(tmp_path, "news-picture-line-and-its-caption-by-the-media-centre") == []


def test_a_pages_summary_line_goes_and_leaves_the_title_in_front_of_it(tmp_path, rules):
    assert exactly(tmp_path, "summary-line-title-run-into-the-texts-opening-above-the-text", "summary-line-above-the-title-it-repeats-with-the-opening") == []
    para = "坚持党管干部原则，建设高素质专业化干部队伍，这是我们的一贯要求和根本原则，必须长期坚持。"
    text = f"同志们：\n一、{para}\n{para}\n二、{para}"  # a paragraph said twice under 一、 is no summary line
    assert clean(text, rules).removed == []


def test_a_yi_yao_line_standing_alone_heads_the_yi_shi_items_under_it(tmp_path):
    assert exactly(tmp_path, "a-yi-yao-heading-line-over-yi-shi-items-on-a-cut-page") == []


def test_a_meeting_named_after_a_role_is_no_person_of_the_report(tmp_path):
    assert exactly(tmp_path, "report-a-meeting-named-after-a-role-held-somewhere") == []


def test_a_wire_reports_dateline_is_no_part_of_the_meeting_it_names(tmp_path):
    assert exactly(tmp_path, "wire-report-without-a-headline-its-meeting-held-on-days-somewhere") == []
    assert find_occasion(None, None, "本报讯（记者 李某）全县组织工作会议在县委礼堂召开。")[0] == "全县组织工作会议"


def test_a_feature_headline_with_a_comma_and_a_dash_is_no_first_line_of_a_paragraph(tmp_path):
    assert exactly(tmp_path, "feature-headline-with-a-comma-and-a-dash-above-its-first-paragraph") == []


def test_the_sites_words_beside_a_headline_are_no_part_of_the_title(tmp_path):
    assert exactly(
        tmp_path, "column-label-line-over-a-report-headline-and-in-the-breadcrumbs", "column-label-before-the-headline-on-its-line-after-a-bar",
        "site-name-line-over-a-title-with-its-category-after-an-underscore", "library-file-name-as-the-title-and-the-title-again-with-a-date-stamp",
    ) == []


def test_a_slogan_title_its_occasion_line_and_the_page_copies_around_them(tmp_path):
    assert exactly(
        tmp_path, "outline-of-a-cut-page-above-the-title-only-its-first-item-again-below",
        "cut-preview-with-other-quotes-above-a-slogan-title-and-its-occasion-line",
        "one-line-library-page-the-title-run-into-the-first-sentence", "site-note-names-the-title-with-a-bracketed-word-of-praise-no-title-line",
        "title-with-wengao-run-into-the-salutation",  # …的讲话文稿同志们： parts at the salutation, not after 讲话
    ) == []


def test_what_only_looks_like_a_title_or_a_copy_stays_text(rules):
    # a sentence that goes on after …上的讲话 (精神, 要求) is no title run into the text
    text = "在全市组织工作会议上的讲话精神，为做好今年工作指明了方向。各级党组织要认真学习，抓好落实。\n"
    assert [line.text for line in clean(text, rules).lines if line.text] == [text.strip()]
    # numbered items on top that nothing below gives again are the text's, not an outline's copy
    text = "一、统一思想\n二、明确任务\n同志们，今天召开会议，主要任务是部署工作。\n要抓好落实，确保各项任务完成。\n"
    assert clean(text, rules).removed == []
    # a line near the top that ends a sentence is no cut preview of the lines below
    first = "春回大地，万物萌新。今天，全县年轻干部培训班正式开班了，这是县委的决定。"
    assert clean(f"{first}\n{first[:-3]}安排，希望大家珍惜机会。\n", rules).removed == []
    # a mirror's pinyin gloss, a space before its bracket closes
    assert clean("人才工作创(chuàng )新发展\n", rules).lines[0].text == "人才工作创新发展"


def test_a_headline_signed_by_a_lone_name_is_no_broken_line(tmp_path):
    assert exactly(tmp_path, "a-lone-name-under-a-long-headline-above-the-text-without-salutation") == []
