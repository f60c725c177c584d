"""A news report's lead and a speech's body (build_kb/ingest/lead.py), and what the build takes from them."""

from __future__ import annotations

import doctest

import pytest

from build_kb.ingest import lead
from build_kb.pipeline import build_knowledge_base

from conftest import make_corpus, one_speech as _one_speech

REPORT = (
    "当前页面：某某网 > 要闻\n全市组织部长会议召开\n发布时间：2024-06-13 09:12\n"
    "6月12日，全市组织部长会议召开。市委书记张某某作出批示，市委常委、组织部部长赵明远出席会议并讲话。\n"
    "张某某在批示中指出，要统筹抓好组织、干部、人才等各项工作。\n赵明远在讲话中强调，要着力抓好党的政治建设，建设过硬干部队伍。\n"
)
BODY_SAYS_CITY = (
    "关于加强基层党建工作的几点意见\n同志们：\n一、提高认识。我市基层党建工作取得了新成效，全市各级党组织认真落实市委要求。\n"
    "二、抓好落实。全市上下要行动起来，我市各级领导干部要带头。\n"
)


def test_the_readers_docstring_examples_hold():
    assert doctest.testmod(lead).failed == 0


def test_a_report_gives_the_one_who_spoke_and_the_meetings_day(tmp_path):
    (speech,) = build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": REPORT})).speeches
    assert (speech.speaker, speech.speaker_role, speech.date, speech.date_source) == ("赵明远", "市委常委、组织部部长", "2024-06-12", "lead")
    assert speech.detected_by["speaker"] == "the report's lead (…出席会议并讲话)"


def test_the_level_said_again_and_again_in_the_body(tmp_path):
    (speech,) = build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": BODY_SAYS_CITY})).speeches
    assert (speech.level, speech.detected_by["level"]) == ("市", "the body (我X, 全X, X委要求 … again and again)")


def test_two_levels_named_together_hold_the_higher_ones_meeting():
    from build_kb.ingest.parse import find_level

    assert find_level("县乡人大换届选举工作部署会")[0] == "县"
    assert find_level("乡镇党委换届工作动员会")[0] is None


def test_a_sites_word_under_the_title_is_never_the_speaker(tmp_path):
    text = "在全县组织工作会议上的讲话\n海报\n同志们：\n一、加强基层党组织建设。要提升组织力，建强党支部。\n"
    (speech,) = build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": text})).speeches
    assert speech.speaker is None


def test_a_doubtful_line_above_a_report_is_no_title(tmp_path):
    text = "单位代码:12616\n3月5日下午，全县组织工作会议召开。县委常委、组织部部长赵某出席会议并讲话。会议要求各级党组织抓好落实。\n"
    (speech,) = build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": text})).speeches
    assert [d.line for d in speech.clean.doubtful] == [1]
    assert (speech.title, speech.title_derived) == ("全县组织工作会议召开", True)  # a report: its lead's clause (session 30)


def test_a_speech_that_opens_by_recalling_a_meeting_is_not_said_by_the_one_it_quotes(tmp_path):
    text = (
        "同志们：\n3月5日，省委召开全省组织工作会议，省委书记王某某出席会议并作重要讲话。王某某强调，要抓好落实。\n"
        "今天我们召开全市组织工作会议，传达学习会议精神。\n一、提高认识\n要把思想统一到省委部署上来。\n"
    )
    (speech,) = build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": text})).speeches
    assert (speech.speaker, speech.speaker_role) == (None, None)


def test_a_year_worked_out_from_the_text_is_proposed_on_the_review_list(tmp_path):
    text = ("市委书记在全市人才工作会议上的讲话\n发布时间：2020-12-05 来源：某某网\n同志们：\n这次全市人才工作会议，是在“十三五”收官、“十四五”开局关键时期召开的一次重要会议。"
            "下面，我讲三点意见。\n一、人才是发展之本\n全市上下要重视人才。\n")
    speech = _one_speech(tmp_path, text)
    assert (speech.date, speech.year) == (None, 2020)
    assert [r.message for r in speech.review if r.code == "no-date"] == ["没有找到日期（年份 2020 按“十三五收官、十四五开局”推断）"]


def test_a_speaker_named_first_and_quoted_later_says_how_it_was_found(tmp_path):
    text = "昨日，某某市召开述职评议会议。市委常委、组织部长郑某某参加会议。\n郑某某充分肯定了述职工作，同时指出了不足。\n"
    (speech,) = build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": text})).speeches
    assert (speech.speaker, speech.speaker_role) == ("郑某某", "市委常委、组织部长")
    assert speech.detected_by["speaker"] == "the report: one it names, said later to 强调/指出/点评"


READS = [
    pytest.param(
        "发布时间：2023-02-06 10:12\n"
        "为进一步压实基层党建责任，提升组织力。2月5日下午，某某镇召开党组织书记述职评议会。会议由镇党委书记周某平主持，班子成员参加会议。\n"
        "各村书记逐一述职。随后，周某平同志对述职情况进行点评，并提出三点要求。\n",
        {"date": "2023-02-05", "speaker": "周某平", "speaker_role": "镇党委书记"},
        id="the-lead-is-the-sentence-after-one-that-sets-the-scene",
    ),
    pytest.param(
        "11月3日，市委常委、组织部部长赵某明主持召开全市人才工作推进会。会议听取了各地汇报。\n"
        "会议强调，要深化人才发展体制机制改革，切实增强抓好人才工作的责任感。\n",
        {"speaker": "赵某明", "speaker_role": "市委常委、组织部部长", "occasion": "全市人才工作推进会"},
        id="the-one-who-convenes-a-meeting-that-speaks-as-a-whole",
    ),
    pytest.param(
        "5月6日至7日，省委常委、省委组织部部长钱某峰到某某市调研换届工作。\n"
        "调研中，钱某峰先后来到两个乡镇，听取意见建议。\n钱某峰强调，换届风气直接关系换届成败，要压紧压实责任。\n",
        {"speaker": "钱某峰", "speaker_role": "省委常委、省委组织部部长", "level": "省"},
        id="three-characters-that-recur-whole-are-the-name-whatever-verb-follows",
    ),
    pytest.param(
        "4月3日下午，县委组织部召开组工干部集中学习会，县委常委、组织部部长陆某领学并作交流发言。\n陆某要求，全体组工干部要带头加强学习。\n",
        {"speaker": "陆某", "speaker_role": "县委常委、组织部部长"},
        id="two-characters-are-the-name-when-they-recur-right-before-what-was-said",
    ),
    pytest.param(
        "1月4日上午，某某学院党委召开述职评议会。会上，李书记首先传达了上级关于述职评议的要求。\n"
        "各支部书记逐一述职，大家认真学习习近平总书记的重要讲话精神。\n",
        {"speaker": None, "speaker_role": None},
        id="words-of-grammar-and-a-surname-with-a-title-are-no-speaker",
    ),
    pytest.param(
        "1月9日上午，我镇召开村党组织书记述评大会，本次大会由镇党委书记吴某宽主持。\n首先，各村支书逐一述职。其次，由镇党委书记吴某宽同志进行点评。\n",
        {"speaker": "吴某宽", "speaker_role": "镇党委书记"},
        id="a-role-without-the-words-that-lead-to-it",
    ),
    pytest.param(
        "2月15日，县委人才工作会议在县委党校召开。郑某文、王某霞、张某梅参加会议。\n"
        "县委书记郑某文指出，要强化人才是第一资源意识。\n县长王某霞主持会议并讲话，要求各部门扛起责任。\n",
        {"speaker": "郑某文", "speaker_role": "县委书记"},
        id="the-chair-who-also-spoke-gives-way-to-the-one-quoted-first",
    ),
    pytest.param(
        "王某平书记在全区干部大会上强调 坚定信心 真抓实干\n发布时间：2022-07-15\n7月14日，全区干部大会召开。区委书记王某平出席会议并讲话。\n王某平强调，要坚定信心。\n",
        {"speaker": "王某平", "speaker_role": "区委书记", "date": "2022-07-14"},
        id="a-headline-naming-him-by-his-title-takes-the-reports-whole-role",
    ),
    pytest.param(
        "全市组织工作会议召开\n\n组织工作\n\n全市组织工作会议召开\n"
        "【全市组织工作会议召开】2月20日至21日，全市组织工作会议召开，总结2003年工作，部署2004年任务。\n"
        "市委常委、组织部长钱某某做工作报告。他指出，要抓好领导班子建设。\n",
        {"title": "全市组织工作会议召开", "date": "2004-02-20", "speaker": "钱某某", "speaker_role": "市委常委、组织部长"},
        id="a-column-between-a-headline-and-its-repeat-and-a-lead-reviewing-one-year-planning-the-next",
    ),
    pytest.param(
        "王某某强调把干部培训工作提高到新水平\n某某网 www.example.cn 2008年06月11日 来源：某某社\n\n"
        "某某社北京6月11日电 中共某某委员会常委、国家某某主席王某某在10日召开的干部学院教学工作会议上指出，要把干部培训工作提高到新水平。\n"
        "王某某强调，要坚持理论联系实际。\n",
        {"title": "王某某强调把干部培训工作提高到新水平", "date": "2008-06-10", "speaker": "王某某", "speaker_role": "中共某某委员会常委、国家某某主席"},
        id="a-wire-story-the-day-after-its-dateline-and-the-whole-role",
    ),
    pytest.param(
        "某某区召开2023年度基层党组织书记抓党建述职评议会\n发布时间：2024-01-19 09:00\n"
        "为深入学习贯彻党的二十大精神和党的建设的重要思想，进一步压实各级党组织书记抓基层党建工作责任，推动基层党建工作提质增效，"
        "1月18日上午，某某区召开2023年度基层党组织书记抓党建述职评议会。区委书记钱某某出席会议并讲话。\n钱某某强调，要压实责任。\n",
        {"date": "2024-01-18", "speaker": "钱某某", "occasion": "某某区2023年度基层党组织书记抓党建述职评议会"},
        id="a-lead-stating-its-purpose-at-length",
    ),
    pytest.param(
        "全县组织工作会议召开\n发布时间：2023-03-06 09:30\n3月5日，全县组织工作会议召开。县委书记孙某某出席会议并讲话。以下为讲话全文。\n"
        "同志们：\n今天召开全县组织工作会议，我讲两点意见。\n一、提高认识\n要抓好落实。\n",
        {"date": "2023-03-05"},
        id="a-report-above-the-speech-it-gives-in-full-dates-it",
    ),
    pytest.param(
        "在全乡换届工作动员会上的讲话\n同志们：\n2022年3月17日，市委召开了换届纪律专题会议，提出了四点要求。今天召开全乡换届工作动员会，我讲两点意见。\n"
        "一、传达上级会议精神\n会议提出了四点要求。\n二、抓好我乡换届工作\n要严肃换届纪律。\n",
        {"date": None, "occasion": "全乡换届工作动员会"},
        id="a-speech-recalling-an-earlier-meeting-does-not-take-its-day",
    ),
    pytest.param(
        "在全县组织工作会议上的讲话\n今天，我们召开全县组织工作会议。2023年3月5日，市委召开了全市组织工作会议，市委书记王某强调，要抓好落实。\n"
        "一、提高认识\n要抓好落实。\n",
        {"speaker": None, "speaker_role": None, "date": None},
        id="a-speech-without-its-salutation-recalling-a-meeting-is-no-report",
    ),
    pytest.param(
        "在支部换届动员会议上的讲话 [在换届风气监督工作会议上的讲话（县委书记）]\n\n"
        "在换届风气监督工作会议上的讲话\n同志们：\n今年是换届之年，我县要做好换届风气监督工作。下面，我讲三点意见。\n一、统一思想\n要提高认识。\n",
        {"title": "在换届风气监督工作会议上的讲话", "occasion": "换届风气监督工作会议"},
        id="a-line-naming-the-title-in-brackets-beside-another-speech-is-no-title",
    ),
    pytest.param(
        "在全镇干部作风建设大会上的讲话（2024年3月）\n同志们：\n今天召开这次会议。\n一、提高认识\n要抓好落实。\n",
        {"title": "在全镇干部作风建设大会上的讲话", "date": None, "year": 2024},
        id="a-year-and-month-after-the-title-is-its-year",
    ),
    pytest.param(
        "同志们：\n今天，区委在这里召开会议。过去一年，我区考核位于全市前列，被评为全市先进区、全市信访工作先进区。全区上下要再接再厉。\n",
        {"level": "区"},
        id="a-body-that-calls-itself-by-its-level-outweighs-the-level-above-it",
    ),
    pytest.param(
        "某某镇召开村党组织书记述职评议会\n3月8日上午，某某镇召开村党组织书记述职评议会，会议由镇党委副书记赵某主持。\n"
        "会上，各村党组织书记逐一述职。镇党委书记韩立针对每位书记的述职进行了点评。\n",
        {"speaker": "韩立", "speaker_role": "镇党委书记"},
        id="a-name-ends-where-the-dictionarys-next-word-begins",
    ),
    pytest.param(
        "某某镇召开党建述职评议会\n为压实责任。某某镇于1月9日召开党建述职评议会，镇班子成员参加会议。\n"
        "会上，各支部书记作了述职。\n述职完毕后，镇党委书记蒲卫占进行了点评及总结讲话，对今后工作提出了意见。\n",
        {"speaker": "蒲卫占", "speaker_role": "镇党委书记", "level": "镇"},
        id="a-name-the-dictionary-does-not-know-ends-where-a-word-of-action-begins",
    ),
    pytest.param(
        "某某区召开人才工作领导小组会议\n6月2日，市政协副主席、区委书记、区委人才工作领导小组组长钱志远主持召开人才工作领导小组会议。\n"
        "钱志远强调，区委人才工作领导小组要认真学习贯彻习近平总书记重要讲话精神，全区各级要抓好落实。\n"
        "钱志远要求，我区要健全人才政策，区委要求各部门密切配合。\n",
        {"speaker": "钱志远", "speaker_role": "市政协副主席、区委书记、区委人才工作领导小组组长", "level": "区"},
        id="an-adjective-after-a-role-is-no-name-and-the-body-says-the-level-before-a-role-does",
    ),
    pytest.param(
        "某某区召开党建工作领导小组会议\n\n刘晓芸\n\n本网讯（通讯员 郑某）3月6日，某某区召开党建工作领导小组会议。"
        "区委书记孔令军主持会议并讲话，区委副书记、区长范某出席会议。\n孔令军强调，要压实党建责任。\n",
        {"speaker": "孔令军", "speaker_role": "区委书记"},
        id="a-bare-name-under-a-reports-headline-is-its-editors-not-the-speakers",
    ),
    pytest.param(
        "某某县召开人才工作会议\n6月3日，某某县召开人才工作会议。为全面贯彻落实习近平总书记系列讲话精神，会议研究了人才政策。\n"
        "会议要求，各部门要密切配合。\n",
        {"speaker": None, "speaker_role": None},
        id="a-sentence-that-ends-in-a-post-is-no-role-before-a-name",
    ),
    pytest.param(
        "某某街道召开述职评议会\n1月12日，某某街道召开党组织书记述职评议会。\n各社区书记逐一述职后，街道党工委书记邵文彬作总结，对下步工作提出意见。\n",
        {"speaker": "邵文彬", "speaker_role": "街道党工委书记"},
        id="one-who-sums-up-spoke",
    ),
    pytest.param(
        "全市组织部长会议召开\n6月12日，全市组织部长会议召开。市委书记林某某作出批示强调，要统筹抓好各项工作。\n"
        "市委常委、组织部部长姚某出席会议并讲话。\n",
        {"speaker": "姚某", "speaker_role": "市委常委、组织部部长"},
        id="one-who-wrote-an-instruction-is-not-the-speaker-though-his-letter-stresses",
    ),
    pytest.param(
        "区委组织部召开学习会\n3月2日，某某区委组织部召开学习会，传达学习了省委常委、组织部部长章某某在全省组织部长会议上的讲话精神。"
        "区委常委、组织部部长葛某主持会议并讲话。\n",
        {"speaker": "葛某", "speaker_role": "区委常委、组织部部长"},
        id="one-whose-speech-the-meeting-studied-is-not-its-speaker",
    ),
    pytest.param(
        "某某县召开干部监督工作会议\n12月11日，某某县召开干部监督工作会议，会议由县委副书记严某主持。"
        "县委常委、组织部部长华某某表示，要提高政治站位，强化干部监督。\n",
        {"speaker": "华某某", "speaker_role": "县委常委、组织部部长"},
        id="one-who-says-after-the-chairs-clause-is-the-speaker",
    ),
    pytest.param(
        "某某部召开党员大会\n9月24日，区委某某部召开党员大会。区委某某部部长、“两新”工委书记柏某某主持会议。\n"
        "会议听取了筹备工作情况报告。\n柏某某强调，要提高政治站位。\n",
        {"speaker": "柏某某", "speaker_role": "区委某某部部长、“两新”工委书记"},
        id="the-chair-named-with-quotes-in-his-posts-who-stresses-later",
    ),
    pytest.param(
        "全市组织工作推进会召开\n7月28日，全市组织工作推进会召开，总结上半年工作。市委常委、组织部部长、统战部部长，市总工会主席俞某出席会议并讲话。\n",
        {"speaker": "俞某", "speaker_role": "市委常委、组织部部长、统战部部长，市总工会主席"},
        id="a-chain-of-posts-across-a-comma-is-one-persons",
    ),
    pytest.param(
        "培训班开班\n2023年11月19日，某某培训班如期举办。\n开学典礼由教育长伏某主持，邬某副校长作动员讲话。\n",
        {"speaker": "邬某", "speaker_role": "副校长"},
        id="a-name-before-his-title-who-spoke",
    ),
    pytest.param(
        "县委书记到某镇调研基层党建\n近日，县委书记常某某到某镇调研基层党建工作，实地察看了村级阵地。\n他强调，要抓好基层组织建设。\n",
        {"speaker": "常某某", "speaker_role": "县委书记"},
        id="one-who-visited-and-is-said-later-as-he-to-stress",
    ),
    pytest.param(
        "某镇召开党建工作会议\n6月5日，某镇召开党建工作会议，传达学习了全县组织工作会议精神。\n各村党支部书记纷纷表示，要压实责任。相关负责人表示，将加强督导。\n",
        {"speaker": None, "speaker_role": None},
        id="those-who-all-say-something-are-no-one",
    ),
    pytest.param(
        "某某首开党组织书记联席会\n7月1日，某某镇召开党组织书记联席会议，18家成员单位参加会议。\n该镇相关负责领导表示，要建好联席会议制度。\n",
        {"speaker": None, "speaker_role": None, "title": "某某首开党组织书记联席会"},
        id="a-headline-ending-in-a-meetings-kind-is-no-byline",
    ),
    pytest.param(
        "某某领导小组召开会议\n4月6日，市委党建工作领导小组召开会议，传达学习省委有关批示，研究有关文件。市委书记岑某主持并讲话。\n",
        {"speaker": "岑某", "occasion": "市委党建工作领导小组会议"},
        id="a-body-that-meets-as-a-whole-names-its-meeting",
    ),
    pytest.param(
        "培训班举办\n2012年11月19日——24日，省直机关第四十四期、四十五期党支部书记培训班如期举办。来自省直机关的132名党支部书记参加培训。\n",
        {"occasion": "省直机关第四十四期、四十五期党支部书记培训班", "date": "2012-11-19"},
        id="a-meeting-whose-name-lists-its-parts-held-as-planned",
    ),
    pytest.param(
        "学院召开述职评议大会\n发布时间：2021-03-12\n3月12日，学院党委召开党支部书记述职评议大会。各支部书记逐一述职，党委委员分别作了点评。\n"
        "党委书记钟某某对各支部的述职作了评价并作出了重要指示。在肯定成绩的同时，他要求各支部列出问题清单。\n",
        {"speaker": "钟某某", "speaker_role": "党委书记"},
        id="an-instruction-joined-to-what-he-did-at-the-meeting-was-said-there",
    ),
    pytest.param(
        "全市农村党支部书记培训班开班\n11月16日，全市农村党支部书记培训班开班。\n"
        "受市委常委、组织部部长邝某某委托，市委组织部副部长隋某某向首批学员传达了市委的期望。\n动员会强调，要学以致用。\n",
        {"speaker": "隋某某", "speaker_role": "市委组织部副部长"},
        id="a-deputy-who-relays-on-the-heads-behalf-is-the-speaker",
    ),
    pytest.param(
        "培训班结业\n11月17日上午，全区村党组织书记培训班结业典礼在区委党校举行，区委党校副校长甘某某主持。\n"
        "这期培训安排紧凑。郗某骏在肯定学员表现的同时，对结业学员提出两点要求：一是学用结合。\n",
        {"speaker": "郗某骏", "speaker_role": None},
        id="a-bare-name-who-asks-after-the-chair-is-the-speaker-with-no-role",
    ),
    pytest.param(
        "述职评议会召开\n3月1日，某学院召开述职评议会，会议由党委副书记甄某主持。\n各支部书记述职后，黄秋初强调，要压实责任。黄秋初要求，各支部要抓好整改。\n",
        {"speaker": "黄秋初", "speaker_role": None},
        id="a-name-the-dictionary-does-not-know-that-opens-what-was-said-twice",
    ),
    pytest.param(
        "“用人得当，事业兴旺。”这是一句老话。\n7月3日，全国某某工作会议在北京召开。中央某某委员会主席金某某出席会议并发表重要讲话。\n"
        "一、培养\n怎样培养人？金某某曾说：“要在实践中摔打。”他在2013年某某会议上指出：“年轻人要多压担子。”\n"
        "二、选拔\n金某某多次强调“实绩导向”。\n",
        {"speaker": None, "speaker_role": None, "date": None},
        id="a-study-quoting-the-one-who-spoke-from-other-times-is-no-report-of-the-meeting",
    ),
    pytest.param(
        "用人之道\n选人用人是一件大事，历来受到高度重视，关系事业兴衰成败，也关系长远发展。7月4日，金某某在全国某某工作会议上指出：“用人要看实绩。”请随小编一起学习。\n"
        "中央某某委员会主席金某某出席全国某某工作会议并发表重要讲话。\n金某某曾说：“要在实践中摔打。”他在2013年某某会议上指出：“年轻人要多压担子。”\n",
        {"speaker": None, "speaker_role": None},
        id="a-study-whose-lead-names-no-day-of-its-own-is-no-report-either",
    ),
    pytest.param(
        "县委书记到乡镇调研\n6月30日，县委书记崔某到乡镇调研基层党建工作。\n崔某先后到两个村实地调研，并在某某村党员活动室召开座谈会，与村党支部书记交流座谈。\n"
        "崔某指出，要夯实执政基础。\n",
        {"speaker": "崔某", "occasion": "座谈会"},
        id="where-a-visit-held-its-forum-is-no-part-of-the-forums-name",
    ),
    pytest.param(
        "在×××村党组织书记培训班开班仪式上的讲话\n同志们：\n县委在这里专门举办培训班，目的是帮助大家提高素质。我代表县委向大家表示慰问。\n"
        "一、认识培训的意义\n县委一贯重视农村干部培训。这体现了上级党委和县委的关心。\n",
        {"level": "县"},
        id="a-masked-place-and-the-committee-the-speech-speaks-for-give-the-level",
    ),
    pytest.param(
        "人才工作领导小组会议召开\n5月6日，人才工作领导小组会议召开。市委常委、区委书记秦立波主持会议并讲话。\n秦立波强调，要抓好人才引育。\n",
        {"speaker": "秦立波", "level": "区"},
        id="a-role-chain-gives-the-level-of-the-post-held-last-not-the-concurrent-higher-one",
    ),
    # session 26 (meta): a name that opens with a word of grammar, occasions named or not, level and year from the body
    pytest.param(
        "7月1日，某某集团召开庆祝建党大会。集团党委书记、董事长都某洲出席会议并作了题为《坚持党的领导 为实现“双百亿”目标提供保证》的专题党课。"
        "集团总经理、党委副书记付某主持会议并作总结讲话。\n都某洲指出，国有企业要把党的建设摆在突出位置。\n都某洲强调，要学好用好条例。\n付某要求，各级党组织抓好落实。\n",
        {"speaker": "都某洲", "speaker_role": "集团党委书记、董事长"},
        id="a-name-opening-with-a-word-of-grammar-is-a-name-when-the-report-quotes-it-again-and-again",
    ),
    pytest.param(
        "县乡换届工作讲话\n同志们：\n今天会议的主要任务是，对我县县、乡党委召开党代会，进行换届选举工作做出安排。刚才，李某部长宣读了《关于筹备召开中共某某县第九次代表大会的通知》。"
        "下面，我讲三点意见。\n一、提高认识\n县委要求全县上下高度重视换届工作。\n",
        {"occasion": None},
        id="a-kind-of-meeting-a-speech-arranges-and-a-document-naming-one-to-come-are-no-occasion",
    ),
    pytest.param(
        "1月10日下午，学院在办公楼305会议室召开本学期党建工作总结会议。学院党委书记王某某出席会议并讲话。\n王某某强调，要抓好落实。\n",
        {"occasion": "本学期党建工作总结会议"},
        id="a-meeting-named-for-this-term-after-the-room-it-was-held-in",
    ),
    pytest.param(
        "学校要闻\n3月6日，我校2024年基层党建工作推进会在图书馆报告厅召开。党委书记周某某出席会议并讲话。\n周某某强调，要压实责任。\n",
        {"occasion": "2024年基层党建工作推进会"},
        id="a-units-word-for-itself-is-no-part-of-the-meetings-name",
    ),
    pytest.param(
        "镇党委书记在全镇村级后备干部素质提升班上的讲话\n同志们：\n今天把大家召集起来，目的是提高大家的本领。\n一、要讲政治\n我镇各村要抓好学习。\n",
        {"occasion": "全镇村级后备干部素质提升班"},
        id="a-class-of-a-kind-the-list-does-not-know-named-in-the-title",
    ),
    pytest.param(
        "金秋十月，中国共产党第二十次全国代表大会10月16日在北京召开，这是全党的一件大事。组织部门要以优异成绩喜迎党的二十大。\n"
        "组工干部要对党忠诚，答好政治卷。\n组工干部要勤学苦练，答好能力卷。\n",
        {"occasion": None},
        id="a-national-congress-a-commentary-awaits-by-its-short-name-is-no-occasion",
    ),
    pytest.param(
        "党课：锻造组工铁军\n同志们：\n我们组织部门是区委管党治党的重要职能部门。我们的一言一行，代表着组织的形象、区委的形象。\n因此，必须把作风建设抓在手上。\n",
        {"level": "区"},
        id="the-committee-a-speech-names-as-its-own-body-twice-gives-the-level",
    ),
    pytest.param(
        "本报讯（记者 某某）昨日上午，全市组织工作会议在市会议中心举行。市委常委、组织部长张某某出席会议。\n会议全面总结了2015年的组织工作，对今年的工作进行了部署。\n"
        "张某某要求，全市组织系统要深化改革。\n",
        {"year": 2016, "date": None},
        id="a-yesterday-lead-and-a-year-reviewed-with-this-years-work-set-give-the-year-after",
    ),
]
"""Made-up pages in the shapes met on real ones, and what the reader must take from each."""


@pytest.mark.parametrize("text, expected", READS)
def test_what_the_reader_takes_from_a_page(tmp_path, text, expected):
    speech = _one_speech(tmp_path, text)
    assert {field: getattr(speech, field) for field in expected} == expected


@pytest.mark.parametrize(
    "title, role",
    [
        ("全区组织部长座谈会讲话", None),  # a meeting before the kind of speech: no one's role
        ("区组团干部大会区长讲话稿", "区长"),  # a meeting, then the role: the role starts after the meeting's kind
        ("在全区组织部长座谈会上的讲话", None),
        ("区委书记在全区基层党建工作述职评议会上的点评", "区委书记"),
    ],
)
def test_the_role_a_title_gives(tmp_path, title, role):
    speech = _one_speech(tmp_path, f"{title}\n同志们：\n今天我们召开这次会议。全区各级党组织要抓好落实。\n")
    assert (speech.speaker, speech.speaker_role) == (None, role)


def test_a_citys_counties_and_districts_together_are_the_citys_meeting():
    from build_kb.ingest.parse import find_level

    assert find_level("县区党委换届期间县（区）委书记、县（区）长集体谈心谈话会")[0] == "市"


def test_a_salutation_whose_name_a_template_blanks_out_is_no_part_of_the_title(tmp_path):
    text = "在全市人才工作推进会议上的发言\n尊敬的XX部长，各位领导，同志们：\n我县是典型的山区县。下面我汇报三点。\n一、深入研判找症结\n要抓好落实。\n"
    speech = _one_speech(tmp_path, text)
    assert speech.title == "在全市人才工作推进会议上的发言"
    assert speech.sections[0].paragraphs[0].text == "尊敬的XX部长，各位领导，同志们："


@pytest.mark.parametrize(
    "byline, expected",
    [
        ("李某强书记", ("书记", "李某强", False)),  # a name, then the title he is called by
        ("张立新部长", ("部长", "张立新", False)),
        ("国家主席", ("国家主席", None, False)),  # an organ's word is no name
        ("组织部长", ("组织部长", None, False)),
        ("支部书记", ("支部书记", None, False)),
    ],
)
def test_a_name_before_the_title_he_is_called_by(byline, expected):
    from build_kb.ingest.parse import read_byline

    assert read_byline(byline) == expected


@pytest.mark.parametrize(
    "signature, speaker",
    [
        ("县委书记 李某平", ("李某平", "县委书记")),  # a printed speech signs with the speaker's role and name
        ("中共某某县委组织部", (None, None)),  # an organ signs a report: no one's name
    ],
)
def test_the_signature_above_the_date_under_the_text(tmp_path, signature, speaker):
    text = f"在全县组织工作会议上的讲话\n同志们：\n今天召开会议。\n一、提高认识\n要抓好落实。\n{signature}\n2023年5月8日\n"
    speech = _one_speech(tmp_path, text)
    assert ((speech.speaker, speech.speaker_role), speech.date) == (speaker, "2023-05-08")


def test_a_bare_name_under_a_reports_headline_with_no_one_said_to_speak_is_kept_and_checked(tmp_path):
    text = "某某街道召开述职评议会\n\n刘晓芸\n\n3月6日，某某街道召开社区党组织书记述职评议会。街道党工委书记逐一点评。\n"
    speech = _one_speech(tmp_path, text)
    assert speech.speaker == "刘晓芸"
    assert [r.message for r in speech.review if r.code == "speaker-guessed"] == [
        "讲话人“刘晓芸”是报道标题下单独的一个名字，没有职务，可能是作者或编辑：请核对"]


def test_a_report_that_names_no_day_gives_its_speaker_as_a_guess(tmp_path):
    text = ("公司召开庆祝建党大会\n公司领导班子成员和各部门负责人等80余人参加了会议。\n大会由总经理丁某主持。\n"
            "公司党委书记、董事长韦建平同志首先作了重要讲话。他回顾了我们党的光辉历程，对今后的工作作了安排。\n")
    speech = _one_speech(tmp_path, text)
    assert (speech.speaker, speech.speaker_role) == ("韦建平", "公司党委书记、董事长")
    assert [r.code for r in speech.review if r.code == "speaker-guessed"] == ["speaker-guessed"]


def test_a_speech_naming_who_reported_before_it_is_no_undated_report(tmp_path):
    text = "在全县组织工作会议上的讲话\n刚才，县委常委、组织部部长李某同志作了工作报告，我完全同意。\n下面，我再讲几点意见。\n"
    speech = _one_speech(tmp_path, text)
    assert (speech.speaker, speech.speaker_role) == (None, None)


def test_a_speaker_the_report_only_lets_one_guess_is_kept_and_sent_to_be_checked(tmp_path):
    text = "11月3日，市委常委、组织部部长赵某明主持召开全市人才工作推进会。会议听取了各地汇报。\n会议强调，要深化人才发展体制机制改革。\n"
    speech = _one_speech(tmp_path, text)
    assert speech.speaker == "赵某明"
    assert [(r.code, r.message, r.settled_by) for r in speech.review if r.code == "speaker-guessed"] == [
        ("speaker-guessed", "讲话人“赵某明”是从报道推断的（主持召开会议，讲话内容以“会议强调”转述）：请核对", "speaker")
    ]


def test_captions_between_a_reports_paragraphs_do_not_hide_its_speaker(tmp_path):
    # Picture captions (no comma, no stop) stand between the paragraphs; the speaker comes in the sixth line.
    text = (
        "6月28日，某某镇召开“两优一先”表彰大会，全镇党员干部参加会议。\n奏唱国歌\n会议由镇长孙某主持。\n"
        "会上，宣读了表彰决定。\n先进集体代表领奖\n优秀党员代表领奖\n优秀党务工作者代表领奖\n"
        "会上，镇党委书记褚某刚作了重要讲话，对全镇党员干部提出三点要求。\n"
    )
    speech = _one_speech(tmp_path, text)
    assert (speech.speaker, speech.speaker_role) == ("褚某刚", "镇党委书记")


def test_a_years_numbered_meeting_is_held_in_that_year(tmp_path):
    # 2025年度第二次: the second of that year's meetings, not a review of 2025 held early in 2026.
    text = "2月17日，某县委组织部开展2025年度第二次集中学习。县委常委、组织部部长方某出席并讲话。\n会议强调，要加强学习。\n"
    speech = _one_speech(tmp_path, text)
    assert speech.date == "2025-02-17"


@pytest.mark.parametrize(
    "text, level",
    [
        # every 乡（镇、街道） is the audience; the district that holds the meeting says 我区
        ("12月11日，我区召开乡（镇、街道）党（工）委书记抓基层党建工作述职评议考核会议，集中听取各党（工）委书记的述职报告。\n"
         "市委组织部组织员李某出席会议并讲话。\n会上，区委书记张某对述职情况进行了点评，要求各级党组织压实责任。\n", "区"),
        # the district's department holds it; the city's meetings are only relayed (全市…会议精神)
        ("1月19日，某某区委组织部召开全体干部会议，传达学习全国、全省、全市组织部长会议和全市党建工作会议精神。\n"
         "会议要求，全体组工干部要深刻领会全市党建工作会议精神。\n", "区"),
    ],
)
def test_the_level_is_the_convenors_not_the_audiences_nor_a_relayed_meetings(tmp_path, text, level):
    assert _one_speech(tmp_path, text).level == level


def test_a_headline_that_asks_is_the_title_and_yesterday_is_no_part_of_the_meetings_name(tmp_path):
    text = (
        "这个全县会议为何开在村里？\n"
        "昨天的全县基层党建工作座谈会在某某村召开，这个村依靠党组织的战斗力，把曾经的荒坡变成了果园。县委书记王某出席会议并讲话。\n"
        "王某强调，要把基层党组织建设成坚强战斗堡垒。\n"
    )
    speech = _one_speech(tmp_path, text)
    assert (speech.title, speech.occasion, speech.level) == ("这个全县会议为何开在村里？", "全县基层党建工作座谈会", "县")


def test_one_who_only_chaired_is_the_speaker_when_no_one_else_spoke_and_a_person_checks(tmp_path):
    text = "某某学院召开常委会\n1月5日，某某学院召开党委常委会议，学习传达全国高校党建工作会议精神。学院党委书记苗某某主持会议，并传达了会议精神。\n"
    speech = _one_speech(tmp_path, text)
    assert (speech.speaker, speech.speaker_role) == ("苗某某", "学院党委书记")
    assert [r.message for r in speech.review if r.code == "speaker-guessed"] == ["讲话人“苗某某”是从报道推断的（报道只写了他主持会议，没有写谁讲话）：请核对"]


@pytest.mark.parametrize(
    "page, date, year, source, review",
    [
        # a "today is" bar above the breadcrumbs is no posting date: the lead's day takes the posting line's year
        ("今天是2025年12月03日 星期三\n首页 > 基层情况 > 正文\n某某镇首开党组织书记联席会\n来源：某某日报 发布时间：2013-07-05 11:38\n"
         "7月1日，某某镇召开基层党组织书记联席会议，18家成员单位参加会议。\n",
         "2013-07-01", 2013, "lead", {}),
        # a date line under the headline is the posting: the lead names the meeting's earlier day
        ("某某：以调查研究推动组织工作\n2020-08-27\n8月25日，省委组织部召开研究室主任会议。省委常委、组织部部长樊某出席会议并讲话。\n",
         "2020-08-25", 2020, "lead", {}),
        # 昨日 counted back from the paper's posting line, and checked by a person
        ("某某市举办人才迎春座谈会\n某某日报 2020-01-17 08:07\n本报讯（记者 某某）昨日，某某市举办人才迎春座谈会，市委常委、组织部部长车某出席会议并讲话。\n",
         "2020-01-16", 2020, "posting", {"date-guessed": "报道只写“昨日”，会议日期 2020-01-16 是按发布日期 2020-01-17 推算的：请核对"}),
        # 近日: no day at all, only the posting date's year, and the note says so
        ("某某镇召开党建工作会议\n发布时间：2023-03-08 10:00\n近日，某某镇召开党建工作会议，镇党委书记甄某出席会议并讲话。\n",
         None, 2023, "posting", {"no-date": "没有找到日期（年份 2023 取自发布日期 2023-03-08，报道只写“近日”）"}),
    ],
)
def test_a_reports_day_is_the_leads_and_the_posting_date_only_stands_in_with_a_note(tmp_path, page, date, year, source, review):
    speech = _one_speech(tmp_path, page)
    assert (speech.date, speech.year, speech.date_source) == (date, year, source)
    assert {r.code: r.message for r in speech.review if r.code in ("no-date", "date-guessed")} == review


def test_a_name_may_hold_the_character_before_the_meeting():
    from build_kb.ingest.parse import find_occasion, speaker_in_title

    title = "马在某同志在全省老干部工作推进会上的讲话"
    assert speaker_in_title(title) == (None, "马在某")
    assert find_occasion(title, None, "") == ("全省老干部工作推进会", "title: 在…上的讲话")


def test_one_a_report_quotes_by_name_alone_again_and_again_is_a_guess(tmp_path):
    text = (
        "会议首先组织与会人员到五个村进行了实地观摩。\n在随后召开的座谈会上，听取各乡镇的汇报后，阚某骏指出，各乡镇都比较重视示范点建设。\n"
        "就如何进一步开展好这项工作，阚某骏要求，要切实提高思想认识。\n"
    )
    speech = _one_speech(tmp_path, text)
    assert (speech.speaker, speech.speaker_role) == ("阚某骏", None)
    assert [r.message for r in speech.review if r.code == "speaker-guessed"] == ["讲话人“阚某骏”是从报道推断的（报道几次写“阚某骏指出/要求”，没有写职务）：请核对"]


@pytest.mark.parametrize(
    "page, date, year, review",
    [
        # 建党N周年 celebrated by the event the lead reports: the month and day are the lead's, the year the count's
        ("某某学院开展主题党日活动\n7月16日，某某学院机关党支部开展庆祝中国共产党成立99周年主题党日活动，学院党委书记钱某出席并讲话。\n"
         "钱某强调，要坚定理想信念，发挥党员先锋模范作用。\n",
         "2020-07-16", 2020, {"date-guessed": "会议日期 2020-07-16：月、日取自报道导语，年份按“庆祝中国共产党成立99周年”推断：请核对"}),
        # 为庆祝改革开放N周年: the purpose before the day
        ("某区举行老干部宣讲会\n为庆祝改革开放40周年，11月2日下午，某区委老干部局举办宣讲会。区委常委、组织部部长孙某出席会议并讲话。\n",
         "2018-11-02", 2018, {"date-guessed": "会议日期 2018-11-02：月、日取自报道导语，年份按“庆祝改革开放40周年”推断：请核对"}),
        # a speech recalled (在庆祝…大会上的重要讲话) is another meeting's: no year
        ("某省召开学习座谈会\n12月20日，某省学习贯彻总书记在庆祝改革开放40周年大会上的重要讲话精神座谈会召开。省委书记李某出席会议并讲话。\n",
         None, None, {"no-date": "没有找到日期"}),
        # 迎接建党100周年 is still to come; the lead's first sentence dates another day (于1938年5月): no year from either
        ("某某支部开展主题党日\n7月1日作为党的诞辰纪念日，是于1938年5月提出来的。某某支部于7月1日开展主题党日活动，以优异成绩迎接建党100周年。\n",
         None, None, {"no-date": "没有找到日期"}),
        # the Party has gone N years: only the year, proposed with its words
        ("某某党支部书记讲微党课\n日前，某某党支部书记周某通过视频会议讲微党课。\n最后，周某指出，中国共产党已经走过了99年的风风雨雨。\n",
         None, 2020, {"no-date": "没有找到日期（年份 2020 按“中国共产党已经走过了99年”推断）"}),
        # the year of the work the body sets, early in that year
        ("某县委组织部召开学习会\n2月8日下午，某县委组织部召开部务会学习会，传达全市组织部长会议精神。\n"
         "县委常委、组织部部长吴某要求，要围绕会议提出的2021年组织工作总的要求，制定2021年度全县组织工作任务清单。\n",
         "2021-02-08", 2021, {"date-guessed": "会议日期 2021-02-08：月、日取自报道导语，年份按“2021年组织工作”推断：请核对"}),
        # a December meeting that says 2007年是… and sets tasks speaks of the coming year
        ("某某会议在京举行\n全国某某会议于12月11日在北京举行。某某在讲话中强调，2007年是深入贯彻落实科学发展观的重要一年。全国组织战线的同志要围绕中心、服务大局。\n",
         "2006-12-11", 2006, {"date-guessed": "会议日期 2006-12-11：月、日取自报道导语，年份按“2007年是深入贯彻落实科学发展观的重要一年”推断：请核对"}),
        # two years in the lead, one of them the review's (2022年工作总结暨2023年工作部署会)
        ("某局召开工作会\n2月6日下午，某局召开2022年工作总结暨2023年工作部署会，局党总支书记、局长郑某作主题发言。\n",
         "2023-02-06", 2023, {}),
        # a posting stamp written day first lends its year
        ("某某：组织工作要突出严字\n11.03.2016  15:06\n3月9日下午，校党委书记王某调研组织工作。\n王某指出，要坚持从严治党。\n",
         "2016-03-09", 2016, {}),
    ],
)
def test_a_reports_year_worked_out_from_the_text_is_proposed_with_its_words(tmp_path, page, date, year, review):
    speech = _one_speech(tmp_path, page)
    assert (speech.date, speech.year) == (date, year)
    assert {r.code: r.message for r in speech.review if r.code in ("no-date", "date-guessed")} == review


def test_a_speech_on_the_partys_birthday_is_dated_its_day_of_the_year_its_count_gives(tmp_path):
    page = ("在全市基层党建述职会议上的讲话\n同志们：\n今天是党的生日，我们党从建党至今，走过了91年的光辉历程。今天我们召开述职会议。\n"
            "一、基层党建取得成效\n全市各级党组织扎实抓好基层党建工作。\n")
    speech = _one_speech(tmp_path, page)
    assert (speech.date, speech.year) == ("2012-07-01", 2012)
    assert [r.message for r in speech.review if r.code == "date-guessed"] == [
        "日期 2012-07-01：按“今天是党的生日”取七月一日，年份按“我们党从建党至今，走过了91年”推断：请核对"]


@pytest.mark.parametrize("text, date", [
    pytest.param("某某县召开组织工作会议\n2024年十二月五日，某某县召开全县组织工作会议。县委书记甲某某出席并讲话。\n", "2024-12-05", id="month-and-day-in-words"),
    pytest.param("某某县召开组织工作会议\n发布时间：2024-12-08\n十二月五日，某某县召开全县组织工作会议。县委书记甲某某出席并讲话。\n", "2024-12-05",
                 id="day-in-words-year-from-the-posting"),
])
def test_a_leads_day_written_in_words_is_read(tmp_path, text, date):
    speech = _one_speech(tmp_path, text)
    assert (speech.date, speech.speaker) == (date, "甲某某")
