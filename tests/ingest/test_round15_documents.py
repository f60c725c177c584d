"""Documents of round 15's classes (session 28, #33), each read by its evidence — a picture's place,
a block's alignment, repetition, a posting line's neighbour, a Word paragraph's alignment and type —
never by a file's wording. The pages and files are made here (hand-written HTML, python-docx) with text
written for the tests; each class has near misses that must stay as they are.
"""

from __future__ import annotations


import pytest

from build_kb.ingest import convert as convert_module
from build_kb.ingest import gongwen, lead, parse
from build_kb.ingest.convert import convert

from tests.ingest.test_round14_documents import outline, speech_of  # as kb add stores a file, and its outline

from conftest import failed_examples


READERS = [
    convert_module.retold, convert_module.headline_over_its_posting_line, convert_module.without_a_column_label,
    parse._a_frame_of_couplets, lead.cohort_year, lead.cohort_day, lead.speaker_further_on, gongwen.contact_line,
]


@pytest.mark.parametrize("reader", READERS)
def test_the_readers_examples_hold(reader):
    assert failed_examples(reader) == 0


def lines_of(converted) -> list[str]:
    return [line.strip() for line in converted.text.split("\n") if line.strip()]


# --- a saved news page: captions under pictures, its headline over the posting line ---------------------------

PICTURE = '<p style="text-align:center;"><img src="a{}.jpg" width="800" alt=""></p>'
BLANK = '<p style="text-align:center;"><br></p>'


def _centred(text: str) -> str:
    return f'<p style="text-align:center;"><span style="font-size:18px;">{text}</span></p>'


def _left(text: str) -> str:
    return f'<p style="text-align:left;"><span style="font-size:18px;">&nbsp;&nbsp;{text}</span></p>'


def _page(blocks: list[str], headline: str = "", posting: str = "发稿时间：2023/7/1", title: str = "") -> str:
    return ('<html><head><meta charset="utf-8"><title>' + title + '</title></head><body><div id="main">'
            '<div class="logo"><img src="logo.png"></div>'
            + (f'<div class="newst">{headline}</div>' if headline else "")
            + f'<div class="newsd"> {posting} <span>【 字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a> 】</span></div>'
            '<div class="newsc">' + "\n".join(blocks) + '</div>'
            '<div class="footer"><p>Copyright &copy; 某某公司 All Rights Reserved.</p></div></div></body></html>')


AWARDS = ("大会对先进集体和优秀个人进行了表彰，公司领导分别为第一车间党支部、物流中心党支部、机关第二党支部授予了“红旗党支部”牌匾，"
          "向王某某、李某某、赵某某、钱某某、孙某某等五名同志颁发了优秀共产党员荣誉证书。")
OPENING = "2023年6月28日上午，某某公司在总部会议中心召开庆祝建党102周年暨“七一”表彰大会，公司全体党员和入党积极分子共200余人参加会议。"
CLOSING = "公司党委书记、董事长某某某在讲话中指出，全体党员要以受表彰的先进为榜样，立足岗位、担当作为，为公司高质量发展贡献力量。"


def test_captions_under_pictures_blank_blocks_between_and_long_ones_that_retell_the_text_go(tmp_path):
    """A caption a blank block parts from its picture; a long centred caption naming the honoured
    branches the paragraph above names; a whole sentence under a row of two pictures listing the
    honoured members: each retells the text beside it and goes, logged as a caption."""
    blocks = [_left(OPENING), PICTURE.format(1), BLANK, _centred("红色教育基地合影"), _left(AWARDS),
              PICTURE.format(2), _centred("第一车间党支部、物流中心党支部、机关第二党支部荣获“红旗党支部”称号，受到公司党委表彰"),
              PICTURE.format(3), PICTURE.format(4), _left("王某某、李某某、赵某某、钱某某、孙某某等五名同志荣获优秀共产党员荣誉证书。"),
              _left(CLOSING)]
    path = tmp_path / "表彰大会.html"
    path.write_text(_page(blocks, headline="某某公司隆重召开庆祝建党102周年暨“七一”表彰大会！"), encoding="utf-8")
    converted, speech = speech_of(path)
    assert lines_of(converted) == ["某某公司隆重召开庆祝建党102周年暨“七一”表彰大会！", OPENING, AWARDS, CLOSING]
    assert "去掉图片说明 3 行" in converted.notes
    assert speech.title == "某某公司隆重召开庆祝建党102周年暨“七一”表彰大会！"
    assert [s.heading for s in speech.sections if s.heading] == []


def test_a_paragraph_under_pictures_that_says_something_new_stays(tmp_path):
    """Near misses: a long centred block under a picture and a sentence under a row of pictures that
    say what the text does not (the visit after the meeting), and a left-aligned paragraph after a blank
    block under a picture, are the text's paragraphs."""
    visit = "会后，与会同志前往某某革命纪念馆参观学习，在鲜红的党旗下重温入党誓词，接受了一次深刻的党性教育和革命传统教育。"
    after_row = "这次活动进一步坚定了广大党员的理想信念，大家纷纷表示要把学习成果转化为推动工作的实际行动。"
    after_blank = "参观结束后，大家围绕如何传承红色基因、担当时代使命开展了交流研讨，气氛热烈。"
    blocks = [_left(OPENING), PICTURE.format(1), _centred(visit), _left(AWARDS), PICTURE.format(2), PICTURE.format(3),
              _left(after_row), PICTURE.format(4), BLANK, _left(after_blank), _left(CLOSING)]
    path = tmp_path / "参观学习.html"
    path.write_text(_page(blocks, headline="某某公司党委开展主题党日活动"), encoding="utf-8")
    converted, _ = speech_of(path)
    assert lines_of(converted) == ["某某公司党委开展主题党日活动", OPENING, visit, AWARDS, after_row, after_blank, CLOSING]
    assert not any("图片说明" in note for note in converted.notes)


@pytest.mark.parametrize("headline, posting", [
    ("某某县召开2024年度组织工作会议", "发布时间：2024-01-16 09:30"),
    ("学思践悟强党性 凝心聚力促发展——某某局开展主题党日活动", "发布日期：2023年11月02日"),
    ("某某学院举办入党积极分子培训班开班仪式！", "发稿时间：2022/4/8"),
])
def test_a_headline_set_in_a_styled_block_over_the_posting_line_is_the_title(tmp_path, headline, posting):
    """The page's <title> is empty and it has no <h1>: the block right above its posting line is the
    headline, whatever it says."""
    path = tmp_path / "新闻.html"
    path.write_text(_page([_left(OPENING), _left(CLOSING)], headline=headline, posting=posting), encoding="utf-8")
    converted, speech = speech_of(path)
    assert converted.title == headline
    assert speech.title == headline


def test_crumbs_or_a_logo_over_the_posting_line_are_no_headline(tmp_path):
    """Near misses: the column's crumbs (links) or nothing but the logo above the posting line give
    no headline; a page's own <title> still comes first."""
    crumbs = '<a href="/">首页</a> &gt; <a href="/news">公司新闻</a> &gt; 正文'
    path = tmp_path / "新闻.html"
    path.write_text(_page([_left(OPENING), _left(CLOSING)], headline=crumbs), encoding="utf-8")
    assert convert(path).title is None
    path.write_text(_page([_left(OPENING), _left(CLOSING)]), encoding="utf-8")
    assert convert(path).title is None
    path.write_text(_page([_left(OPENING), _left(CLOSING)], headline="某某公司召开表彰大会", title="某某公司表彰大会隆重召开"), encoding="utf-8")
    assert convert(path).title == "某某公司表彰大会隆重召开"


# --- a Word news story: a column's label in the title's line, its credits, a frame of couplets, a cohort's day ----

STORY = [
    "春华秋实，硕果盈枝。为做好2024级新生入学服务，9月6日至7日，某某学院党委组织党员志愿服务队，统筹开展迎新接待、政策宣讲和行李搬运等工作。",
    "9月6日一早，志愿者们在报到现场集结完毕，按照分工在各个服务点位有序上岗，耐心为新生和家长答疑解惑，提供热情周到的服务。",
    "志愿者们纷纷表示，能够在迎新一线发挥党员先锋模范作用，为新同学开启大学生活贡献一份力量，感到十分光荣、非常有意义。",
    "同心筑梦，携手前行。学院党委将继续以学生为中心，持续做好新生的思想引领和成长服务，帮助新同学尽快适应大学学习生活。",
]


def _story(path, title: str, credits: list[str], align_credits=True, story=STORY):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = Document()
    head = document.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.add_run(title).font.size = Pt(18)
    for text in story:
        document.add_paragraph().add_run(text).font.size = Pt(14)
    for text in credits:
        line = document.add_paragraph()
        if align_credits:
            line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        line.add_run(text).font.size = Pt(14)
    document.save(path)
    return speech_of(path)


@pytest.mark.parametrize("title, expected", [
    ("党建专栏｜金秋开学季，党员当先锋", "金秋开学季，党员当先锋"),
    ("青春党建 | 志愿服务暖新生", "志愿服务暖新生"),
    ("【支部风采】学院党委开展迎新志愿服务", "学院党委开展迎新志愿服务"),
    ("以赛促学，以学促行 | 某某学院党史知识竞赛圆满落幕", "以赛促学，以学促行 | 某某学院党史知识竞赛圆满落幕"),
    ("聚焦｜迎新", "聚焦｜迎新"),
])
def test_a_column_label_before_a_bar_in_a_word_title_is_not_the_title_s(tmp_path, title, expected):
    """A centred title's line that opens with its column's label before a bar (or in brackets) gives the title after
    it; a slogan with a comma before the bar, or a rest too short to be a title, keeps the line whole."""
    converted, speech = _story(tmp_path / "迎新.docx", title, [])
    assert converted.title == speech.title == expected


@pytest.mark.parametrize("credits", [
    ["来源：某某学院党委", "图片：某某学院志愿服务队", "文字：王某某", "审核：XXX"],
    ["文/李某", "图/赵某某", "编辑：钱某"],
    ["撰稿：某某", "责任编辑：某某某"],
])
def test_a_word_story_s_credits_set_apart_at_its_end_go(tmp_path, credits):
    """Two or more centred lines at the end, each a short label and who (a bare name too): the story's credits,
    removed, logged and counted; the story's paragraphs stay."""
    converted, speech = _story(tmp_path / "迎新.docx", "学院党委开展迎新志愿服务", credits)
    assert lines_of(converted) == ["学院党委开展迎新志愿服务", *STORY]
    assert f"去掉文末居中或靠右的署名栏 {len(credits)} 行（来源、文字、审核之类）" in converted.notes
    assert sum(len(s.paragraphs) for s in speech.sections) == len(STORY)


@pytest.mark.parametrize("credits, aligned", [
    (["文字：王某某"], True),  # one line alone
    (["联系人：王某某", "联系电话：0551-12345678"], True),  # a contact's number
    (["来源：某某学院党委", "文字：王某某"], False),  # in the text's alignment
    (["抄送：县委办公室", "附件：某某登记表"], True),  # a 公文's 版记 and 附件说明
    (["联系人：王某某", "传真：某某"], True),  # a 公文's contact
])
def test_a_single_or_a_contact_or_an_unaligned_closing_line_stays(tmp_path, credits, aligned):
    converted, _ = _story(tmp_path / "迎新.docx", "学院党委开展迎新志愿服务", credits, align_credits=aligned)
    assert lines_of(converted)[-len(credits):] == credits
    assert not any("署名栏" in note for note in converted.notes)


def test_couplets_opening_the_first_and_the_last_paragraph_are_a_frame_not_headings(tmp_path):
    """Two four-character couplets that open the story's first and last paragraphs echo each other; they head no
    parts. The freshmen's cohort gives the year of the day the story opens with (on 待核对)."""
    _, speech = _story(tmp_path / "迎新.docx", "学院党委开展迎新志愿服务", [])
    assert [s.heading for s in speech.sections if s.heading] == []
    assert sum(len(s.paragraphs) for s in speech.sections) == len(STORY)
    assert speech.date == "2024-09-06"
    assert any(item.code == "date-guessed" and "2024级新生" in item.message for item in speech.review)


def test_couplets_over_parts_in_the_middle_or_longer_heads_stay_headings(rules=None):
    """Near misses: a couplet heading a part in the middle of the text (three couplets), and heads of two longer
    phrases spaced apart, are a commentary's heads as before."""
    from build_kb.ingest.parse import Block, _a_frame_of_couplets

    blocks = [Block(k, text) for k, text in enumerate(STORY)]
    assert _a_frame_of_couplets(blocks, ["春华秋实，硕果盈枝。", "同心筑梦，携手前行。"], [0, 3])
    assert not _a_frame_of_couplets(blocks, ["春华秋实，硕果盈枝。", "同心筑梦，携手前行。"], [0, 2])
    assert not _a_frame_of_couplets(blocks, ["突出政治引领，铸牢思想根基。", "强化担当作为，激发干事热情。"], [0, 3])
    assert not _a_frame_of_couplets(blocks, ["春华秋实，硕果盈枝。", "同心筑梦，携手前行。", "凝心聚力，再启新程。"], [0, 2, 3])


@pytest.mark.parametrize("opening, date", [
    ("学院为2023级本科新生开展入党启蒙教育，3月12日举行第一讲。", "2024-03-12"),
    ("学院召开2026级新生招生录取工作会，7月2日部署各项准备。", None),
    ("学院为新生开展入学教育，9月3日举行开学典礼。", None),
])
def test_a_cohort_gives_the_year_only_when_the_month_says_which(tmp_path, opening, date):
    story = [opening, *STORY[1:3]]
    _, speech = _story(tmp_path / "新生.docx", "学院开展新生教育", [], story=story)
    assert speech.date == date


# --- a Word draft: numbered part heads (one set right) over a bold slogan each ----------------------------------

PART_TEXT = "本环节共有六支代表队参加，各队选手沉着应战、配合默契，现场气氛热烈，赢得了观众的阵阵掌声。"


def _parts_draft(path, parts: list[tuple[str, str | None, bool]]):
    """parts: (numbered head, bold slogan under it or None, head set right)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = Document()
    head = document.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.add_run("某某学院党史知识竞赛圆满落幕").font.size = Pt(16)
    document.add_paragraph("为深入开展党史学习教育，5月20日下午，某某学院举办党史知识竞赛，全院各党支部选派代表队参赛。")
    for number, slogan, right in parts:
        line = document.add_paragraph(number)
        if right:
            line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if slogan:
            document.add_paragraph().add_run(slogan).bold = True
        document.add_paragraph(PART_TEXT)
    document.save(path)
    return speech_of(path)


@pytest.mark.parametrize("parts", [
    [("【第一部分：初赛环节】", "以学促知，以赛促学", False), ("【第二部分：抢答环节】", "你追我赶，争分夺秒", False),
     ("【第三部分：颁奖环节】", "荣耀时刻，共同见证", True), ("【第四部分：结语】", None, True)],
    [("一、必答题环节", "沉着应战，稳扎稳打", False), ("二、抢答题环节", "你追我赶，互不相让", False), ("三、风险题环节", None, False)],
])
def test_numbered_part_heads_over_a_bold_slogan_each_are_the_parts_and_the_slogans_under_them(tmp_path, parts):
    """The bold lines a writer set stand each right under a numbered head (【第二部分：…】, 二、…): the numbered lines —
    all of them, set right or over no bold line too — are the top-level parts, the bold lines their second titles,
    never parts of their own; a colon inside a bracketed head does not cut it."""
    converted, speech = _parts_draft(tmp_path / "竞赛.docx", parts)
    expected = []
    for number, slogan, _ in parts:
        expected.append((1, number))
        if slogan:
            expected.append((2, slogan))
    assert outline(speech) == expected


def test_bold_slogans_under_no_numbered_head_stay_the_parts(tmp_path):
    """Near miss: the same bold lines under plain paragraphs (no numbered head right above) are the parts, as before."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = Document()
    head = document.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.add_run("某某学院党史知识竞赛圆满落幕").font.size = Pt(16)
    document.add_paragraph("为深入开展党史学习教育，5月20日下午，某某学院举办党史知识竞赛，全院各党支部选派代表队参赛。")
    for slogan in ("以学促知，以赛促学", "你追我赶，争分夺秒", "荣耀时刻，共同见证"):
        document.add_paragraph().add_run(slogan).bold = True
        document.add_paragraph(PART_TEXT)
    document.save(tmp_path / "竞赛.docx")
    _, speech = speech_of(tmp_path / "竞赛.docx")
    assert outline(speech) == [(1, "以学促知，以赛促学"), (1, "你追我赶，争分夺秒"), (1, "荣耀时刻，共同见证")]


# --- a 公文's contact line in its last part; a report's reader of documents and the one who spoke ------------------


def _speech_of_text(text: str):
    from pathlib import Path

    from build_kb.config import load_boilerplate
    from build_kb.model import SourceFile
    from build_kb.pipeline import make_speech
    from conftest import CORPUS

    source = SourceFile(path=Path("x.txt"), rel_path="x.txt", encoding="utf-8", sha256="", raw=text.encode(), text=text)
    return make_speech(source, load_boilerplate(CORPUS), None, [])


@pytest.mark.parametrize("contact", [
    ["联系人：王某某", "联系电话：0551-12345678"],
    ["联系人及电话：李某，13800001111"],
    ["咨询电话：010-88886666"],
])
def test_a_gongwen_s_contact_line_above_its_signature_is_the_document_s(contact):
    """Between the 主送 and the 成文日期 is the 公文's text: its last part's contact line is kept (a site's footer
    rule looks at the page's edges, and this is no edge); the same line under the 成文日期 is still a footer."""
    text = "\n".join(["关于报送上半年工作台账的通知", "", "各党支部、各处室：", "", "一、报送内容",
                      "各单位要认真梳理，确保台账真实完整，按时报送。", "二、联系方式", *contact, "", "某某县委办公室", "2024年12月1日"])
    speech = _speech_of_text(text)
    kept = [p.text for s in speech.sections for x in s.walk() for p in x.paragraphs]
    assert all(line in kept for line in contact)
    assert not any(r.text in contact for r in speech.clean.removed)
    footer = _speech_of_text(text + "\n\n热线电话：0551-12345678")
    assert [r.text for r in footer.clean.removed if r.rule == "site-footer"] == ["热线电话：0551-12345678"]


REPORT = ["6月24日下午，某某集团召开庆祝建党102周年暨表彰大会，集团全体中层以上管理人员参加会议。",
          "大会首先由集团党委副书记张某某宣读了《关于命名“红旗党支部”和“党员先锋岗”的通报》。",
          "表彰现场",
          "集团党委委员分别为受表彰的先进集体和个人颁奖。",
          "入党宣誓",
          "新党员面向党旗举起右拳庄严宣誓，老党员一同重温入党誓词。",
          "优秀共产党员代表作了交流发言，分享了立足岗位、争创一流的经验。",
          "与会人员还集体观看了党史专题片，大家深受教育和鼓舞。"]


def test_the_one_who_speaks_to_the_meeting_further_on_outranks_the_reader_of_a_document():
    """A report whose first paragraphs only say who read out a document gives its speaker further on: the one
    named with his posts who stresses his points (…董事长李某某强调，…一是…二是…), proposed on 待核对."""
    text = "\n".join(["某某集团隆重召开庆祝建党102周年暨表彰大会", *REPORT,
                      "集团党委书记、董事长李某某强调，学习党史有着深刻的现实意义。一是要牢记使命、忠诚担当。二是要吃苦耐劳、清正廉明。"])
    speech = _speech_of_text(text)
    assert (speech.speaker, speech.speaker_role) == ("李某某", "集团党委书记、董事长")
    assert any(item.code == "speaker-guessed" and "张某某" in item.message for item in speech.review)


def test_the_reader_stays_a_guess_when_no_one_with_posts_speaks_further_on():
    """Near misses: no one speaks further on, or two with posts do: the reader stays the guess, as before."""
    speech = _speech_of_text("\n".join(["某某集团隆重召开表彰大会", *REPORT]))
    assert speech.speaker == "张某某"
    two = "\n".join(["某某集团隆重召开表彰大会", *REPORT, "集团董事长李某某强调，要学好党史。", "集团总经理王某某指出，要抓好生产经营。"])
    assert _speech_of_text(two).speaker == "张某某"
