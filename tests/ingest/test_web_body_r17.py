"""The body of web pages no one has seen (issue #32, round 17's body classes, given in words): a picture block's
captions stacked between a report's headline and its first paragraph; a credit whose roles are joined (文、摄/);
a one-line page whose salutation the page parted from its text by a space; a heading whose space stands before a
quoted name; a forum's filler glued to a heading's number. Every fixture is hand-written in several styles, with
near-misses that must stay as speech beside them."""

import pytest

from build_kb.ingest.clean import clean
from build_kb.ingest.layout import split_dumped_paragraphs
from build_kb.model import Line

from conftest import failed_examples
from build_kb.ingest import clean as clean_module, evidence, layout


def cleaned(text, rules):
    result = clean(text, rules)
    return [(r.line, r.text) for r in result.removed], [line.text for line in result.lines if line.text], result


@pytest.mark.parametrize("reader", [
    layout.stacked_phrases, layout.captions_stacked_under_a_headline, layout._salutation_break, layout._head_breaks,
    evidence.captions_under_the_headline, evidence.credit_label, clean_module.names_the_line_under,
])
def test_the_readers_show_what_they_read(reader):
    assert failed_examples(reader) == 0


LEAD = ("3月5日，全县基层党建工作会议在县委礼堂召开，会议总结了去年工作，部署了今年任务。"
        "县委书记王某某指出，要把基层党建工作摆在突出位置，抓紧抓实，推动各项任务落地见效。\n")


@pytest.mark.parametrize("stack", [
    # the deck said again as a caption, among captions that name a scene
    ["县委书记王某某出席会议并作重要讲话", "全县基层党建工作会议召开", "与会代表围绕基层党建工作进行交流讨论"],
    # the next site's: the repeated line last, a caption with a chain of posts (its 、 is no clause)
    ["县委副书记、组织部部长李某某主持会议并作工作部署", "各乡镇党委书记依次作抓基层党建述职", "全县基层党建工作会议召开"],
])
def test_captions_stacked_under_a_headline_go_and_leave_the_lead_its_own(rules, stack):
    text = "全面加强基层党组织建设\n——全县基层党建工作会议召开\n" + "\n".join(stack) + "\n" + LEAD
    gone, kept, _ = cleaned(text, rules)
    assert gone == [(3 + k, line) for k, line in enumerate(stack)]
    assert kept[0] == "全面加强基层党组织建设" and kept[2] == LEAD.strip()


def test_captions_that_repeat_nothing_stay_and_go_to_review(rules):
    stack = ["县委书记王某某出席会议并作重要讲话", "与会代表围绕基层党建工作进行交流讨论", "各乡镇党委书记依次作抓基层党建述职"]
    gone, kept, result = cleaned("全面加强基层党组织建设\n——全县基层党建工作会议召开\n" + "\n".join(stack) + "\n" + LEAD, rules)
    assert gone == [] and all(line in kept for line in stack)
    assert sorted(d.line for d in result.doubtful) == [3, 4, 5]


@pytest.mark.parametrize("header", [
    # a title in three lines over the byline: a title's second phrase is short, the speech's title ends 的讲话
    "坚定理想信念\n筑牢思想根基\n在全县组织工作会议上的讲话\n县委书记 张明\n",
    # a headline with its deck and the date line, no pictures
    "全面加强基层党组织建设\n——全县基层党建工作会议召开\n2024年3月5日\n",
])
def test_a_titles_lines_are_no_stack_of_captions(rules, header):
    gone, kept, result = cleaned(header + LEAD, rules)
    assert gone == [] and result.doubtful == []


def test_a_sentence_wrapped_by_a_browser_is_no_stack():
    lines = ["各级党组织要把政治建设摆在首位", "坚决贯彻落实上级决策部署推动各项", "工作落地见效确保取得实效。"]
    assert layout.stacked_phrases(lines) == set()  # widths alike: a wrap, not a stack


@pytest.mark.parametrize("credit", ["文、摄/某某某", "文字、图片：某某中心", "（图文&视频/某某）", "摄影、文字/某某 某某"])
def test_a_credit_whose_roles_are_joined_goes(rules, credit):
    gone, kept, _ = cleaned("某某学院召开支部书记述职评议会\n" + LEAD + credit + "\n", rules)
    assert gone == [(3, credit)]


@pytest.mark.parametrize("line", ["文化、图书/阅览室开放时间", "图、文并茂的宣传栏"])
def test_words_that_open_like_a_credit_stay(rules, line):
    assert evidence.credit_label(evidence.LineContext(line, True, True)) == 0.0


def test_a_one_line_pages_salutation_parted_by_a_space_is_its_own_paragraph():
    body = "今天我们召开全镇党建工作会议，主要任务是总结工作、部署任务。" + "要把党建工作摆在突出位置，切实抓紧抓好。" * 15
    text = "同志们： " + body + " 首先，我要对大家的工作表示肯定。大家做了大量工作。"
    lines, splits = split_dumped_paragraphs([Line(1, text)])
    assert [line.text for line in lines] == ["同志们：", body, "首先，我要对大家的工作表示肯定。大家做了大量工作。"]
    # the next site's: two addressees and an exclamation mark
    lines, _ = split_dumped_paragraphs([Line(1, "各位领导、同志们： " + body)])
    assert [line.text for line in lines] == ["各位领导、同志们：", body]


def test_a_salutation_run_into_its_sentence_stays():
    text = "同志们：今天我们召开全镇党建工作会议。" + "要把党建工作摆在突出位置，切实抓紧抓好。" * 15
    lines, _ = split_dumped_paragraphs([Line(1, text)])
    assert lines[0].text.startswith("同志们：今天")


@pytest.mark.parametrize("heading", [
    "第一，深入贯彻州委 “6+1”文件精神，全县干部工作实现新突破",
    "（二）落实市委 “三项机制”，推动工作提质增效",
    "三、用好 “三会一课”，严格党内组织生活",
])
def test_a_space_before_a_quoted_name_in_a_heading_parts_nothing(heading):
    lines, splits = split_dumped_paragraphs([Line(1, heading)])
    assert [line.text for line in lines] == [heading] and splits == []


def test_a_heading_run_into_its_paragraph_by_a_space_is_still_parted():
    text = "第一，什么是绝对忠诚 “天下至德，莫大于忠”。忠诚是一种品质。"
    lines, _ = split_dumped_paragraphs([Line(1, text)])
    assert [line.text for line in lines] == ["第一，什么是绝对忠诚", "“天下至德，莫大于忠”。忠诚是一种品质。"]


@pytest.mark.parametrize("note, title", [
    ("上半年过去了，组织部也对工作进行了一个总结。那么总结要怎么写呢？下面是由某某网小编为大家整理的“2021年组织部上半年工作总结”，仅供参考。",
     "2021年组织部上半年工作总结【一】"),
    # the next site's: a book title's marks, a 范文 number hung on the piece
    ("党课讲稿怎么写才能打动人？大家可以参考一下。以下是某某范文网为您整理的《支部书记专题党课讲稿》，欢迎阅读。", "支部书记专题党课讲稿范文1"),
])
def test_an_editors_note_naming_the_piece_under_it_goes_whole(rules, note, title):
    text = note + "\n" + title + "\n" + "本学期组织部切实以各项活动为工作核心，合理分配工作，做到工作模块责任制，保证了每项工作的顺利开展。\n"
    gone, kept, _ = cleaned(text, rules)
    assert [line for _, line in gone] == [note] and kept[0] == title


def test_a_speech_quoting_a_name_keeps_its_sentence(rules):
    text = ("在全县组织工作会议上的讲话\n同志们：\n我们要认真学习《关于加强基层党组织建设的意见》，切实把各项要求落到实处。请大家阅读参考。\n"
            "关于加强基层党组织建设的意见要求各级党组织抓好落实。\n")
    gone, kept, _ = cleaned(text, rules)
    assert any(line.startswith("我们要认真学习") for line in kept)


def test_a_forums_short_filler_alone_on_its_line_goes_with_the_rest(rules):
    text = (
        "述职报告的写法\n"
        "述职报告一般由首部、正文和落款三个部分组成，各部分要写得简明扼要，层次清楚。\n"
        "4 U+ Z. t1 D& z3 n i% D2\n"
        "1.首部。主要包括标题等内容。 b% K2 q' x9 E) r3\n"
        "7 `' K# ^; ~1 d\n"
        "2.正文。由导言、主体和结尾三个部分组成。\n"
    )
    result = clean(text, rules)
    kept = [line.text for line in result.lines if line.text]
    assert kept == ["述职报告的写法", "述职报告一般由首部、正文和落款三个部分组成，各部分要写得简明扼要，层次清楚。",
                    "1.首部。主要包括标题等内容。", "2.正文。由导言、主体和结尾三个部分组成。"]
    assert result.normalised["jammer-codes"] == 3


def test_initials_and_page_numbers_on_a_forum_page_stay(rules):
    text = "某某制度汇编\n条文如下，请认真学习，抓好落实，确保各项制度执行到位。 b% K2 q' x9 E) r3\n4 U+ Z. t1 D& z3 n i% D2\nA B C D E\n"
    kept = [line.text for line in clean(text, rules).lines if line.text]
    assert "A B C D E" in kept


def test_a_stack_of_captions_is_a_web_pages_layout_not_a_documents():
    judged = evidence.Judgement(3.5, (evidence.Evidence("outside-the-body", 0.5), evidence.Evidence("caption-stack", 4.0),
                                      evidence.Evidence("names-a-speech", -1.0)))
    assert evidence.as_read_in_a_document(judged).score < evidence.DOUBT_AT


SUBHEAD_DUMP = (
    "与时俱进 某某教授阐述党章的修改与完善 怎样使党章成为增强团结的文件 党章的修改与完善 "
    + "在1922年7月，党的二大通过了关于组织章程的决议案，宣告第一部党章正式诞生，" * 4 + "形成了比较完善的党章！ "
    + "党章是全党确认的基本文献，对内是团结和统一的基础，对外是判断党的活动的主要根据，自然受到特别关注。" * 2
    + " 党章的周期性修改是客观规律 随着党所处的环境和任务的变化，党章也要相应地有所变动。 某某"
)


def test_a_one_line_page_with_its_sub_heads_parted_by_spaces_is_parted_at_its_sentences():
    lines, splits = split_dumped_paragraphs([Line(1, SUBHEAD_DUMP)])
    assert len(lines) == 4 and lines[0].text.endswith("形成了比较完善的党章！") and lines[-1].text == "某某"


def test_a_text_layer_wrapped_at_one_width_stays_whole():
    sentence = "全县各级党组织要深入学习贯彻党的二十大精神，切实把思想和行动统一到中央决策部署上来，推动基层党建工作高质量发展。"
    text = sentence * 8
    wrapped = " ".join(text[k:k + 26] for k in range(0, len(text), 26))  # a space where each line of the layer ended
    lines, splits = split_dumped_paragraphs([Line(1, wrapped)])
    assert [line.text for line in lines] == [wrapped] and splits == []
