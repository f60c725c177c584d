"""Title and lead metadata read from evidence that carries over (issue #32, session 22): where a place's level is
said, a role without the place it is named with, a doubted line gives no metadata, … Hand-written fixtures."""

from __future__ import annotations

import pytest

from build_kb.pipeline import build_knowledge_base

from conftest import make_corpus


def _speech(tmp_path, text):
    (speech,) = build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": text})).speeches
    return speech


REPORT_WITH_PLACE = (
    "宁川召开人才工作领导小组会议\n"
    "3月19日，宁川市委书记王某平主持召开市委人才工作领导小组会议并讲话。会议审议了有关文件。\n"
    "王某平指出，要把人才工作摆在重要位置。\n"
)


def test_the_lead_gives_the_role_without_the_place_it_names_it_with(tmp_path):
    speech = _speech(tmp_path, REPORT_WITH_PLACE)
    assert (speech.speaker, speech.speaker_role) == ("王某平", "市委书记")


def test_a_later_organs_place_and_a_governments_name_stay_in_the_role(tmp_path):
    text = REPORT_WITH_PLACE.replace("宁川市委书记", "市委常委、东城区委书记")
    assert _speech(tmp_path / "a", text).speaker_role == "市委常委、东城区委书记"
    text = REPORT_WITH_PLACE.replace("宁川市委书记王某平主持召开", "宁川市人民政府副市长王某平出席").replace("会议并讲话", "会议并讲话")
    assert _speech(tmp_path / "b", text).speaker_role == "宁川市人民政府副市长"


SITE_LABEL_OVER_TEXT = (
    "在全市城市基层党建工作推进会上的讲话\n"
    "上传时间：2022-08-04 格式：DOC 页数：2 大小：15.70KB\n"
    "资源描述\n"
    "同志们：今天召开全市城市基层党建工作推进会，主要是交流经验、部署工作。下面，我讲三点意见。\n"
    "一、提高思想认识。城市基层党建是一项系统工程，各级党组织要高度重视。\n"
)


def test_a_doubted_sites_label_over_the_text_is_no_speaker(tmp_path):
    speech = _speech(tmp_path, SITE_LABEL_OVER_TEXT)
    assert 3 in {d.line for d in speech.clean.doubtful} or 3 in {r.line for r in speech.clean.removed}
    assert (speech.speaker, speech.speaker_role) == (None, None)


def test_a_byline_under_the_title_is_still_the_speaker(tmp_path):
    text = "在全市城市基层党建工作推进会上的讲话\n市委常委、组织部部长 张明\n同志们：今天召开全市城市基层党建工作推进会。下面，我讲三点意见。\n一、提高思想认识。各级党组织要高度重视。\n"
    speech = _speech(tmp_path, text)
    assert (speech.speaker, speech.speaker_role) == ("张明", "市委常委、组织部部长")


TODAY_OVER_HEADLINE = (
    "2025年12月03日 星期三\n"
    "某某县对新形势下的老干部工作进行再部署\n"
    "发布日期：2015-05-06\n"
    "5月5日，某某县在县委礼堂召开2015年全县老干部工作会议。县委常委、组织部部长刘某同志出席会议并作了重要讲话。\n"
    "会上宣读了表彰名单。刘某对做好老干部工作提出了三点要求。\n"
)


def test_a_doubted_date_over_the_headline_gives_no_date_the_lead_does(tmp_path):
    speech = _speech(tmp_path, TODAY_OVER_HEADLINE)
    assert 1 in {d.line for d in speech.clean.doubtful} | {r.line for r in speech.clean.removed}
    assert (speech.date, speech.date_source) == ("2015-05-05", "lead")


def test_a_speechs_own_date_line_under_its_title_still_dates_it(tmp_path):
    text = "在全县老干部工作会议上的讲话\n（2021年6月18日）\n同志们：今天召开全县老干部工作会议。下面，我讲两点意见。\n一、提高认识。老干部工作很重要。\n"
    assert _speech(tmp_path, text).date == "2021-06-18"


CHAIR_SUMS_UP = (
    "机关党委召开党支部书记例会，组织专题理论学习，并对近期工作进行布置。机关党委副书记王某、各支部书记参加会议。会议由机关党委书记柯某某主持。\n"
    "会议传达学习了有关文件。\n"
    "随后，王某对即将召开的党员大会相关工作进行了布置。\n"
    "柯某某结合理论学习内容进行了总结，他要求，各支部要认真学习领会文件精神。他强调，要把学习教育抓实抓细。\n"
)


def test_a_chair_who_sums_up_a_report_without_a_day_is_its_speaker(tmp_path):
    speech = _speech(tmp_path, CHAIR_SUMS_UP)
    assert (speech.speaker, speech.speaker_role) == ("柯某某", "机关党委书记")
    assert [r.code for r in speech.review if r.code == "speaker-guessed"] == ["speaker-guessed"]


def test_one_who_speaks_after_the_chair_is_the_speaker(tmp_path):
    text = CHAIR_SUMS_UP.replace("随后，王某对即将召开的党员大会相关工作进行了布置。", "随后，机关党委副书记王某作了重要讲话。")
    assert _speech(tmp_path, text).speaker == "王某"


def test_a_chair_quoted_again_and_again_is_not_the_speaker_when_the_report_says_another_spoke(tmp_path):
    text = CHAIR_SUMS_UP.replace("随后，王某对即将召开的党员大会相关工作进行了布置。", "市委组织部组织员王某出席会议并讲话。")
    assert _speech(tmp_path, text).speaker != "柯某某"


@pytest.mark.parametrize(
    "title, opening, occasion",
    [
        ("浅谈座谈会发言材料的写作", "", None),  # an essay about meetings names none it was given at
        ("全县组织工作会议发言材料", "", "全县组织工作会议"),
        ("述职要见实效", "“我带头联系最远的村，召开专题党建会议2次。”3月6日，某某镇党委书记公开述职。", None),  # quoted
        ("述职要见实效", "3月6日，某某县召开党建工作述职评议会。“我召开专题党建会议2次。”", "某某县党建工作述职评议会"),
        (None, "昨日，全市村干部“振兴课堂”第二期在某某镇开班，进一步提升能力。", "全市村干部“振兴课堂”第二期"),  # a course by its issue
        (None, "“青年干部读书会第二期开班。”他说，收获很大。", None),  # …quoted
        (None, "我县已连续举办五期，取得良好效果。", None),
    ],
)
def test_a_meeting_named_in_an_essays_title_or_inside_a_quotation_is_no_occasion(title, opening, occasion):
    from build_kb.ingest.parse import find_occasion

    assert find_occasion(title, None, opening)[0] == occasion


REPORT = "11月11日，某某县人才工作调度会在县委组织部会议室召开。县委组织部副部长李某某出席会议并讲话。\n会议要求，各乡镇要集中力量抓好落实。\n"


def test_a_photo_caption_on_top_is_no_title(tmp_path):
    speech = _speech(tmp_path, "会议现场。\n" + REPORT)
    assert 1 in {r.line for r in speech.clean.removed}
    assert speech.title_derived and speech.title == "某某县人才工作调度会召开"  # a report: its lead's clause (session 30)


def test_under_a_title_given_twice_a_short_first_heading_opens_the_text(tmp_path):
    text = (
        "【党课讲稿】有一种行动，叫“不忘初心”\n【党课讲稿】有一种行动，叫“不忘初心”\n党课背景\n"
        "初心，简而言之就是最初的心愿。不忘初心，方得始终。\n主题教育在全党自上而下全面展开，这是一次跨越百年的历史回望。\n"
    )
    speech = _speech(tmp_path, text)
    assert speech.title == "有一种行动，叫“不忘初心”"
    body = [t for s in speech.sections for x in s.walk() for t in (x.heading or "", *(p.text for p in x.paragraphs)) if t]
    assert body[0] == "党课背景"


def test_under_a_title_given_twice_a_byline_is_still_read(tmp_path):
    text = "凝心聚力谱写组织工作新篇章\n凝心聚力谱写组织工作新篇章\n县委书记 张明\n同志们：今天召开全县组织工作会议。\n一、提高认识。组织工作很重要。\n"
    speech = _speech(tmp_path, text)
    assert (speech.title, speech.speaker, speech.speaker_role) == ("凝心聚力谱写组织工作新篇章", "张明", "县委书记")


def test_a_title_printed_on_top_and_again_is_the_title_though_taken_off_as_a_repeat(tmp_path):
    title = "过好政治生日主题党课讲稿"
    body = "近日，中央印发了意见，要求完善党员过政治生日等政治仪式。今天我以此为题同大家一起学习。\n首先，我们了解一下政治生日的概念。我们说，入党的日子就是政治生日。\n"
    speech = _speech(tmp_path, f"{title}\n{title}\n{body}{title}\n点击下载\n")
    assert (speech.title, speech.title_derived) == (title, False)
    assert "title-from-note" in {r.code for r in speech.review}


def test_a_speakers_sentence_about_a_scene_stays(tmp_path):
    text = "在全县现场观摩会上的讲话\n同志们：\n我们今天来到了工作现场。\n一、学习经验。各地要互相学习。\n"
    speech = _speech(tmp_path, text)
    assert "我们今天来到了工作现场。" in [p.text for s in speech.sections for x in s.walk() for p in x.paragraphs]


SPEECH = "同志们：今天召开全县组织工作会议。下面，我讲两点意见。\n一、提高认识。组织工作很重要。\n"


@pytest.mark.parametrize(
    "text, title",
    [
        # a title that speaks of pictures points at none
        ("用图片记录党建历程\n" + SPEECH, "用图片记录党建历程"),
        # the page's whole title over a slogan with its own ——subtitle: the slogan stands
        ("书记在学院党委全会上的讲话（学校）\n提高政治站位强化责任担当\n奋力开创事业发展新局面\n——在中共某某学院第一届委员会第四次全体会议上的报告\n"
         "各位委员：\n这次全会的主要任务是回顾总结工作，研究部署任务。\n一、工作回顾。这一年，我们认真学习。\n", "提高政治站位强化责任担当 奋力开创事业发展新局面"),
        # a deck ending in a dash over the writer's credit ends the headline
        ("述职要见实效 点评直指要害\n发布时间：2024-12-17 20:27\n某某县召开党建工作述职评议会，公开晾晒“得失短丑”—\n特约通讯员 王某某\n"
         "“作为镇党委书记，我还没有牢固树立抓党建的理念。”3月6日，某某镇党委书记面对党员干部公开述职。\n当天，全县各镇党委书记面对代表公开述职。\n",
         "述职要见实效 点评直指要害"),
        # …but a two-line headline stays one title
        ("凝心聚力抓党建\n奋发有为开新局\n" + SPEECH, "凝心聚力抓党建 奋发有为开新局"),
        # an address right over the text is no title line; a kicker over the title is the title's
        ("中秋慰问演出讲话稿（汇总3篇）\n中秋慰问演出讲话稿篇一\n全体干部职工：\n中秋、国庆双节即将到来，根据区里关于开展走访慰问活动的通知要求，"
         "我局全体干部职工要高度重视，深入联系社区，现将活动安排如下：\n一、开展送温暖活动。帮扶工作要满怀真情。\n", "中秋慰问演出讲话稿"),
        ("全县组织系统七一专题党课：\n初心易得 始终难守\n" + SPEECH, "全县组织系统七一专题党课： 初心易得 始终难守"),
    ],
)
def test_the_title_by_the_shape_and_place_of_its_lines(tmp_path, text, title):
    assert _speech(tmp_path, text).title == title


def test_a_titles_second_line_ending_in_a_dash_over_its_subtitle_stays_the_titles(tmp_path):
    text = "凝心聚力抓党建\n奋发有为开新局——\n在全县组织工作会议上的讲话\n" + SPEECH
    assert _speech(tmp_path, text).title.startswith("凝心聚力抓党建 奋发有为开新局")


@pytest.mark.parametrize(
    "text, act",
    [
        ("副市长王某作开班动员。", "spoke"),  # a mobilisation given is a speech
        ("县委副书记李某作了战前动员。", "spoke"),
        ("县委书记王某作动员部署。", "said"),  # …but a mobilisation's arrangements, or 作动员 alone, are what he said
        ("县委书记王某作动员。", "said"),
    ],
)
def test_what_one_did_when_he_gave_a_mobilisation(text, act):
    from build_kb.ingest.clause import read_deeds

    assert [d.act for d in read_deeds(text)] == [act]


def test_a_course_opened_by_its_issue_gives_the_speaker_who_mobilised_it(tmp_path):
    text = "昨日，全市村干部“振兴课堂”第二期在某某镇开班，进一步提升能力。副市长王某平作开班动员。\n会议指出，要当好表率。\n"
    speech = _speech(tmp_path, text)
    assert (speech.speaker, speech.speaker_role, speech.occasion) == ("王某平", "副市长", "全市村干部“振兴课堂”第二期")
