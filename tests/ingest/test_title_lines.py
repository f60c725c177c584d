"""Lines a site sets round a speech's title (issue #32, session 26): a year-range tag glued to a title, a piece's number
alone over the salutation, the end of a wrapped title alone on its line, an upload date among a library's widgets, a
headline in phrases over its deck, the site's name after the headline in a saved page's <title>, and a notice where the
text breaks off. Hand-written fixtures in the style of such pages; names and places are made up."""

from __future__ import annotations

from build_kb.curate import add_files

from conftest import make_corpus, one_speech as _speech

SPEECH = (
    "同志们：\n今天，我们召开全县人才工作会议，主要任务是总结去年工作、部署今年任务，动员全县上下进一步做好人才工作。\n"
    "一、提高认识，增强做好人才工作的责任感\n人才是第一资源，各级各部门要高度重视，把人才工作摆在突出位置，切实抓紧抓好。\n"
    "二、突出重点，推动人才工作上台阶\n要围绕产业发展引才聚才，完善人才服务保障体系，营造良好环境。\n"
)


def _added(tmp_path, name: str, text: str | bytes):
    """kb add into a fresh corpus (no rules of its own, as a curator's first import): the result and the speech built."""
    inbox = tmp_path / "inbox"
    inbox.mkdir(exist_ok=True)
    source = inbox / name
    source.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    corpus = make_corpus(tmp_path / "c")
    (result,) = add_files([source], corpus)
    return result


def test_a_year_range_tag_glued_before_a_title_is_no_part_of_it(tmp_path):
    speech = _speech(tmp_path, "2022-2023在2022年全县人才工作会议上的讲话\n" + SPEECH)
    assert (speech.title, speech.year) == ("在2022年全县人才工作会议上的讲话", 2022)


def test_a_school_years_range_is_the_titles_own(tmp_path):
    speech = _speech(tmp_path, "2022-2023学年第一学期开学典礼上的讲话\n" + SPEECH)
    assert speech.title == "2022-2023学年第一学期开学典礼上的讲话"


def test_a_number_alone_over_the_salutation_is_no_word_of_the_title(tmp_path):
    result = _added(tmp_path, "a.txt", "全县人才工作会议讲话\n下面是为大家整理的讲话，仅供参考。\n二\n" + SPEECH)
    assert result.title == "全县人才工作会议讲话"


LIBRARY_PAGE = (
    "凝心聚力抓党建 奋发有为开新局面\nVIP专享\n2024-04-06\n999+\n18.44KB\n4 页\n"
    "凝心聚力抓党建 奋发有为开新\n局面\n" + SPEECH
)


def test_the_end_of_a_wrapped_title_alone_on_its_line_is_no_byline(tmp_path):
    speech = _speech(tmp_path, LIBRARY_PAGE)
    assert (speech.title, speech.speaker) == ("凝心聚力抓党建 奋发有为开新局面", None)


def test_an_upload_date_among_a_librarys_widgets_is_no_date_of_the_text(tmp_path):
    result = _added(tmp_path, "a.txt", LIBRARY_PAGE)
    assert result.date != "2024-04-06"


def test_a_headline_in_phrases_keeps_its_deck_as_the_subtitle(tmp_path):
    speech = _speech(tmp_path, "踏上新征程 孕育新希望 练就新本领\n努力在新的岗位上创造新的价值\n" + SPEECH)
    assert (speech.title, speech.subtitle) == ("踏上新征程 孕育新希望 练就新本领", "努力在新的岗位上创造新的价值")


def test_two_slogans_on_lines_of_their_own_are_still_one_title(tmp_path):
    assert _speech(tmp_path, "凝心聚力抓党建\n奋发有为开新局\n" + SPEECH).title == "凝心聚力抓党建 奋发有为开新局"


SAVED_PAGE = """<html><head><meta charset="utf-8"><title>我院党支部举办2023年人才工作座谈会 某某市第一人民医院</title></head>
<body><div class="nav">首页 新闻动态 党建工作</div>
<div class="article"><h2>【党建引领】我院党支部举办2023年人才工作座谈会</h2>
<p>本站讯 3月8日，我院党支部举办2023年人才工作座谈会，院党委书记张某某出席会议并讲话。张某某强调，要坚持人才强院战略，完善人才培养、引进、使用机制，为医院高质量发展提供人才支撑。</p>
<p>会上，各科室负责人结合工作实际作了交流发言，大家表示将以此次座谈会为契机，进一步做好人才工作。</p></div>
<div class="footer">版权所有 某某市第一人民医院 地址：某某市某某路1号</div></body></html>"""


def test_the_sites_name_after_a_saved_pages_headline_is_no_part_of_the_title(tmp_path):
    assert _added(tmp_path, "page.html", SAVED_PAGE).title == "我院党支部举办2023年人才工作座谈会"


def test_a_notice_where_the_text_breaks_off_goes(tmp_path):
    speech = _speech(tmp_path, "在全县人才工作会议上的讲话\n" + SPEECH + "三、强化保障\n要\n预览阅读已结束，若您需要全文请联系我们。\n请点击👉 abc123 👈联系老师\n")
    assert not any("预览" in p.text for p in speech.all_paragraphs())
    assert speech.all_paragraphs()[-1].text == "要"

