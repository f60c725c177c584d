"""A news report's lead read as its parts (issue #32, session 23): when (a dateline is no meeting day, a meeting of
two days), who spoke (a name between the organ and the post, named again by surname and post, two who spoke), the
unit's whole name (校区, 街道 inside a city, 材料科学与工程学院), the course or meeting the opening names more fully,
and the headline set out in phrases or under a catchy one. Hand-written fixtures."""

from __future__ import annotations


from conftest import one_speech as _speech


def _fields(speech):
    return (speech.title, speech.date, speech.speaker, speech.speaker_role, speech.occasion, speech.level)


TWO_DAYS_ON_TWO_CAMPUSES = (
    "4月23-24日，我院分别在南北校区举行了2015年春季党校开学典礼。学院党委书记林振华在开学典礼上作了动员讲话，"
    "要求入党积极分子以实际行动向党组织靠拢。\n"
    "林振华书记向学员讲授了党的历史。校区党委副书记主持开学典礼。\n"
    "本期党校共有七百余名入党积极分子参加培训。\n"
)


def test_a_meeting_of_two_days_gives_its_first_and_a_campus_is_no_district(tmp_path):
    speech = _speech(tmp_path, TWO_DAYS_ON_TWO_CAMPUSES)
    assert (speech.date, speech.speaker, speech.speaker_role, speech.occasion, speech.level) == (
        "2015-04-23", "林振华", "学院党委书记", "2015年春季党校开学典礼", None)


def test_a_papers_dateline_is_not_the_meeting_day(tmp_path):
    text = (
        "2021-12-23 15:22:20\n"
        "某某日报客户端12月23日讯（通讯员 方明）12月21日，某县县委书记邓立群主持召开抓党建促乡村振兴观摩会，县领导出席。\n"
        "邓立群一行先后前往五个村实地观摩。\n"
    )
    assert _speech(tmp_path, text).date == "2021-12-21"


YEARS_TRAINING = (
    "为提升社区队伍整体素质，2月28日下午我区举办了2009年度社区专职工作者培训班，全区近300名社区专职工作者参加了培训。\n"
    "区委常委、组织部部长蔡立新、区政府副区长陆海东出席开班仪式。蔡部长作开班动员讲话，他在讲话中提出三点意见。\n"
    "这次系统培训贯穿全年，学员们将集中学习16门课程。\n"
)


def test_a_years_training_is_held_in_that_year_and_its_speaker_is_named_again_by_surname_and_post(tmp_path):
    speech = _speech(tmp_path, YEARS_TRAINING)
    assert (speech.date, speech.speaker, speech.speaker_role, speech.occasion, speech.level) == (
        "2009-02-28", "蔡立新", "区委常委、组织部部长", "2009年度社区专职工作者培训班", "区")


def test_a_name_between_the_organ_and_the_post(tmp_path):
    text = (
        "4月14日下午，我校在多功能厅隆重举行第十六期业余党校开学典礼，校党委陈立雄副书记到会并作重要讲话，"
        "他代表校党委对业余党校的开学表示祝贺。\n"
        "学员代表在会上发言，一百位学员参加了开学典礼。\n"
    )
    speech = _speech(tmp_path, text)
    assert (speech.speaker, speech.speaker_role, speech.occasion) == ("陈立雄", "校党委副书记", "第十六期业余党校开学典礼")


COURSE_OF_TWO_SCHOOLS = (
    "11月9日晚，商学院、材料科学与工程学院联合分党校2022年秋季学期基层党支部书记培训于某会议室正式开班。"
    "商学院党委书记白永年、材料科学与工程学院党委书记梁振军出席开班仪式。\n"
    "白永年宣读培训方案。\n"
    "梁振军在开班仪式上作动员讲话。他指出，本次培训班是提高支部书记素质的重要举措。\n"
)


def test_a_units_name_with_and_stays_whole_and_a_course_opened_is_the_occasion(tmp_path):
    speech = _speech(tmp_path, COURSE_OF_TWO_SCHOOLS)
    assert (speech.date, speech.speaker, speech.speaker_role, speech.occasion) == (
        "2022-11-09", "梁振军", "材料科学与工程学院党委书记", "2022年秋季学期基层党支部书记培训")


def test_a_provinces_trade_committee_keeps_its_whole_name(tmp_path):
    text = (
        "近日，某省快递行业党委召开全省快递行业党建工作现场推进会。某省快递行业党委书记王德明出席并讲话，"
        "省局党建领导小组副组长吴晓航主持会议。\n"
        "会议强调，要加快推进快递行业党建工作。\n"
    )
    speech = _speech(tmp_path, text)
    assert (speech.speaker, speech.speaker_role, speech.level) == ("王德明", "某省快递行业党委书记", "省")


def test_a_street_in_a_city_holds_its_own_meeting(tmp_path):
    text = (
        "江川市北林路街道召开“红色物业”推进会\n"
        "5月31日，江川市北林路街道召开“红色物业”推进会，会议由街道党工委副书记王建锋主持。\n"
        "会议强调，推进“红色物业”，各级党组织要压紧压实责任。\n"
    )
    assert _speech(tmp_path, text).level == "街道"


def test_a_citys_review_of_its_counties_and_districts_is_the_citys(tmp_path):
    text = (
        "3月17日，市委召开2022年度县市区委书记抓基层党建工作述职评议会议。市委书记单立前主持会议并讲话。\n"
        "会上，各县市区委书记就抓基层党建工作进行述职。\n"
    )
    speech = _speech(tmp_path, text)
    assert (speech.occasion, speech.level) == ("2022年度县市区委书记抓基层党建工作述职评议会议", "市")


def test_two_leaders_who_spoke_the_first_named_and_a_person_told(tmp_path):
    text = (
        "某某网6月24日电（郑某）某区庆祝建党103周年座谈会暨区域化党建联席会议第十次全体会议24日召开，回顾总结重点工作。\n"
        "市委组织部副部长周立军，区委书记、区区域化党建联席会议召集人高云峰出席会议并讲话。联席会议轮值召集人韩志远主持会议。\n"
    )
    speech = _speech(tmp_path, text)
    assert (speech.speaker, speech.speaker_role, speech.occasion) == (
        "周立军", "市委组织部副部长", "某区庆祝建党103周年座谈会暨区域化党建联席会议第十次全体会议")
    assert [r.message for r in speech.review if r.code == "speaker-guessed"] == [
        "讲话人“周立军”是从报道推断的（报道写了不止一位领导讲话（还有高云峰），现取先写的一位）：请核对"]


def test_a_listings_field_label_is_no_speaker(tmp_path):
    text = (
        "某某街道区域化党建联席会议举行\n"
        "项目编号\n点击查看\n预算金额\n点击查看\n招标单位\n点击查看\n"
        "为更好地发挥基层党组织的功能，*月**日下午，某某街道区域化党建联席会议在某会议厅举行。区委常委、组织部部长蒋立辉出席会议并讲话。\n"
        "会上，街道党工委书记介绍了有关情况。\n"
    )
    speech = _speech(tmp_path, text)
    assert (speech.speaker, speech.speaker_role) == ("蒋立辉", "区委常委、组织部部长")


def test_a_class_a_speech_was_given_at(tmp_path):
    text = (
        "在2024年全省新就业群体党务工作者培训示范班上的辅导报告\n"
        "同志们：\n很荣幸受邀为大家作一堂辅导报告，与同志们共同探讨新就业群体党建这个重要课题。\n"
        "一、充分认识加强新就业群体党的建设的重要意义\n做好新就业群体党建工作至关重要。\n"
    )
    assert _speech(tmp_path, text).occasion == "全省新就业群体党务工作者培训示范班"


def test_this_class_held_by_others(tmp_path):
    text = (
        "同志们：\n由县委党校、县民政局共同举办的这期社区工作者培训班，经过两天的紧张安排，已经完成了学习任务。\n"
        "一、领导重视，组织得力。这期培训班是全县干部教育培训计划确定的主体班次之一。\n"
    )
    assert _speech(tmp_path, text).occasion == "社区工作者培训班"


def test_a_pages_short_name_gives_way_to_the_speechs_fuller_one(tmp_path):
    text = (
        "远程教育会议讲话\n"
        "同志们：\n今天，我们召开全区信息化建设暨农村党员干部现代远程教育工作会议，这是一次重要的工作部署。\n"
        "一、认清形势，提高认识\n当前，信息技术向现实生产力的转化越来越快。\n"
    )
    assert _speech(tmp_path, text).occasion == "全区信息化建设暨农村党员干部现代远程教育工作会议"


def test_a_speechs_own_title_names_its_meeting_whatever_the_opening_recalls(tmp_path):
    text = (
        "在全县组织工作会议上的讲话\n"
        "同志们：\n今天，我们召开全县组织工作会议暨人才工作会议，主要任务是部署工作。\n"
        "一、认清形势\n当前，组织工作任务繁重。\n"
    )
    assert _speech(tmp_path, text).occasion == "全县组织工作会议"


def test_a_headline_set_out_in_phrases_is_the_title(tmp_path):
    text = (
        "深入实施党建引领基层治理行动 为谱写某某篇章提供坚强保证 某某区党建引领基层治理专项推动组会议召开\n"
        "6月21日上午，区党建引领基层治理专项推动组会议召开。区委书记毛立松出席并讲话。\n"
        "毛立松在讲话中指出，深化党建引领基层治理是务实举措。\n"
    )
    speech = _speech(tmp_path, text)
    assert (speech.title, speech.speaker) == (
        "深入实施党建引领基层治理行动 为谱写某某篇章提供坚强保证 某某区党建引领基层治理专项推动组会议召开", "毛立松")


def test_a_catchy_headline_over_the_plain_one(tmp_path):
    text = (
        "这个会议聚焦基层党建工作，单立前主持并讲话！\n"
        "2022年度县市区委书记抓基层党建工作述职评议会议召开\n"
        "3月17日，市委召开2022年度县市区委书记抓基层党建工作述职评议会议。市委书记单立前主持会议并讲话。\n"
        "会上，各县市区委书记就抓基层党建工作进行述职。\n"
    )
    speech = _speech(tmp_path, text)
    assert (speech.title, speech.speaker, speech.level) == ("2022年度县市区委书记抓基层党建工作述职评议会议召开", "单立前", "市")


def test_a_line_that_introduces_a_list_under_the_title_has_begun_the_text(tmp_path):
    text = (
        "组织生活会可以怎样开\n"
        "组织生活会形式多样，下面列出几种常见的做法：\n"
        "1、集中学习研讨\n2、开展批评与自我批评\n3、重温入党誓词\n"
        "每一种做法都要结合支部实际，防止形式主义。\n"
    )
    assert _speech(tmp_path, text).title == "组织生活会可以怎样开"


def test_a_kind_of_unit_on_top_says_no_level(tmp_path):
    text = "乡镇基层发展现状调研报告\n为了解基层实际情况，调研组深入边远山村走访，听取群众意见。\n一、基本情况\n山村道路不便，群众出行困难。\n"
    assert _speech(tmp_path, text).level is None


def test_an_honoree_quoted_in_a_report_is_no_speaker(tmp_path):
    text = (
        "昨日上午，我市举行庆祝建党100周年座谈会暨市“两优一先”表彰会。会上宣读了表彰决定。\n"
        "优秀党员做好新时代“领头雁”\n"
        "赵中岗是某乡某村党总支书记，大学毕业后回乡当起了村干部，带领村民发展产业。\n"
        "赵中岗表示：“没有党的引领，就没有我们的今天。我将继续努力。”\n"
    )
    assert _speech(tmp_path, text).speaker is None


def test_a_meetings_name_runs_to_its_clauses_end_and_who_runs_it_is_no_part_of_it(tmp_path):
    text = (
        "2月9日下午，县委组织部召开部务会理论学习中心组（扩大）学习会，第一时间传达学习全市组织部长会议精神。\n"
        "县委常委、组织部部长彭立锋指出，组织工作是政治工作。\n"
    )
    assert _speech(tmp_path / "a", text).occasion == "部务会理论学习中心组（扩大）学习会"
    text = (
        "同志们：\n今天，由县委组织部、县委党校承办的年轻干部培训班正式开班了。\n"
        "一、提高认识\n年轻干部是党的事业的希望。\n"
    )
    assert _speech(tmp_path / "b", text).occasion == "年轻干部培训班"
