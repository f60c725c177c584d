"""Parts of news reports and of pages that lost their line breaks (issue #32, session 26): a report tells in the third
person what a speaker asked for, and the points it lists (一要…。 / 一、…。 run into one paragraph) are its paragraphs,
not a speech's parts; a page run into one line with no salutation is taken apart at its header and at the first point
its speaker counted; a numbered heading run into its paragraph with no stop is parted where the paragraph's own
sentence begins. Hand-written fixtures in the style of such pages."""

from __future__ import annotations

from conftest import one_speech


def _tops(speech):
    return [s.heading for s in speech.sections if s.kind == "body" and s.heading]


def _paragraphs(speech):
    return [p.text for s in speech.all_sections() for p in s.paragraphs]


REPORTED_POINTS = (
    "4月9日上午，区委组织部召开全区基层党建工作推进会，区委常委、组织部部长周某某出席会议并讲话。\n"
    "就做好下一阶段基层党建工作，周某某提出三点要求。\n"
    "一要提高政治站位，扛牢抓党建主责。各级党组织书记要切实履行第一责任人职责，把党建工作与中心工作同谋划同推进。\n"
    "二要聚焦重点任务，补齐基层短板。要扎实开展软弱涣散党组织整顿，持续推进党支部标准化规范化建设。\n"
    "三要强化督查考核，压实工作责任。要把党建工作成效纳入年度考核，对落实不力的严肃问责。\n"
)


def test_a_reports_points_each_opening_a_paragraph_stay_its_paragraphs(tmp_path):
    speech = one_speech(tmp_path, REPORTED_POINTS)
    assert _tops(speech) == []
    paragraphs = _paragraphs(speech)
    assert len(paragraphs) == 5
    assert paragraphs[2].startswith("一要提高政治站位，扛牢抓党建主责。各级党组织书记")


def test_a_speech_printed_under_a_reports_lead_keeps_its_parts(tmp_path):
    # The speaker's own words above the points (同志们, 我讲三点): the speech itself, not a report of it.
    text = REPORTED_POINTS.replace("就做好下一阶段基层党建工作，周某某提出三点要求。", "同志们：\n下面，我就做好下一阶段基层党建工作讲三点意见。")
    assert _tops(one_speech(tmp_path, text)) == [
        "一要提高政治站位，扛牢抓党建主责。", "二要聚焦重点任务，补齐基层短板。", "三要强化督查考核，压实工作责任。"]


REPORTED_LIST = (
    "1月10日下午，学院在行政楼会议室召开本学期党建工作总结会议。学院党委书记何某某、党委副书记孙某某出席会议，"
    "各党支部书记参加会议。会议由孙某某主持。\n"
    "会上，何某某作讲话，他认为本学期党建工作成效明显，并从四个方面回顾了本学期的工作。一、以主题教育为抓手，着力加强思想建设。"
    "各支部开展了形式多样的学习活动，一是集中学习得到深化；二是谈心谈话实现常态化；三是宣传阵地得到加强。"
    "二、以发展党员为重点，着力加强组织建设。学生党员发展工作规范有序，党员先锋模范作用得到发挥。"
    "三、以后备干部培养为契机，着力加强队伍建设。四、以制度建设为引领，着力加强作风建设。对推动各项工作规范运行起到了很好的作用。"
    "接着，何某某分析了存在的不足。一是理论学习还不够深入。二是支部之间发展还不平衡。\n"
)


def test_a_list_a_report_runs_into_one_paragraph_is_not_cut_into_parts(tmp_path):
    speech = one_speech(tmp_path, REPORTED_LIST)
    assert _tops(speech) == []
    assert _paragraphs(speech) == [line for line in REPORTED_LIST.splitlines()]


ONE_LINE_PAGE = (
    "编号:87654321县委书记在全县乡村振兴工作会议上的讲话201X/X/XX在全县乡村振兴工作会议上的讲话xxx同志讲话"
    "今天这次会议，是县委决定召开的一次重要会议，主要任务是深入贯彻落实省委、市委农村工作会议精神，安排部署今年全县乡村振兴工作。"
    "刚才，农业农村局、财政局和两个乡镇作了表态发言，xx县长对重点工作作了具体安排，我完全赞同，大家要认真抓好贯彻落实。"
    "过去一年，全县上下齐心协力，乡村振兴各项工作取得了新的进展，农村面貌发生了可喜变化，农民收入持续较快增长。"
    "下面，就做好今年的乡村振兴工作，我强调三点意见：一、要充分认识做好乡村振兴工作的重大意义"
    "乡村振兴是新时代做好三农工作的总抓手，是实现共同富裕的必然要求。从省、市要求来看，乡村振兴已经摆上更加突出的位置。"
    "省委提出要打好乡村振兴攻坚战，市委也作出了专门部署，向全市发出了加快推进乡村振兴的动员令。我县作为农业大县，"
    "必须带头落实省市要求，把乡村振兴作为重中之重来抓，以更大的决心和力度，推动乡村振兴不断上水平、上台阶。"
    "从我县情况来看，乡村振兴是加快发展的必然选择。农村是全县发展的短板，也是潜力所在。一个发展滞后的农村，留不住人才，"
    "也聚不起产业，我们必须下决心补齐这块短板。\n"
)


def test_a_page_run_into_one_line_is_taken_apart_at_its_header_and_its_first_counted_point(tmp_path):
    speech = one_speech(tmp_path, ONE_LINE_PAGE)
    assert (speech.speaker_role, speech.occasion) == ("县委书记", "全县乡村振兴工作会议")
    assert _tops(speech) == ["一、要充分认识做好乡村振兴工作的重大意义"]
    paragraphs = _paragraphs(speech)
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("今天这次会议，") and paragraphs[0].endswith("我强调三点意见：")
    assert paragraphs[1].startswith("乡村振兴是新时代做好三农工作的总抓手，")


def test_a_long_paragraph_with_a_counted_list_in_it_is_no_one_line_page(tmp_path):
    text = (
        "在全县组织工作会议上的讲话\n同志们：\n"
        "今天我们召开全县组织工作会议，主要任务是总结去年工作，安排今年任务。下面，我讲两点：第一，提高站位；第二，抓好落实。\n"
        "一、提高政治站位\n各级党组织要把政治建设摆在首位，始终在思想上政治上行动上同党中央保持高度一致。\n"
        "二、抓好工作落实\n各级党组织要层层压实责任，确保各项任务落到实处。\n"
    )
    speech = one_speech(tmp_path, text)
    assert _tops(speech) == ["一、提高政治站位", "二、抓好工作落实"]
    assert _paragraphs(speech)[1].endswith("第一，提高站位；第二，抓好落实。")


RUN_ON = (
    "在全县基层党建工作会议上的讲话\n同志们：\n"
    "今天召开全县基层党建工作会议，主要任务是总结去年工作，部署今年任务。下面，我讲两点意见。\n"
    "一、加强基层组织建设各级党组织要切实担负起管党治党的政治责任，把基层党组织建设成为坚强战斗堡垒，推动各项工作落到实处。\n"
    "二、加强党员队伍建设。要严格党员教育管理，充分发挥党员先锋模范作用。\n"
)


def test_a_heading_run_into_its_paragraph_with_no_stop_is_parted_where_the_paragraphs_sentence_begins(tmp_path):
    speech = one_speech(tmp_path, RUN_ON)
    assert _tops(speech) == ["一、加强基层组织建设", "二、加强党员队伍建设。"]
    assert _paragraphs(speech)[1:3] == ["今天召开全县基层党建工作会议，主要任务是总结去年工作，部署今年任务。下面，我讲两点意见。",
                                        "各级党组织要切实担负起管党治党的政治责任，把基层党组织建设成为坚强战斗堡垒，推动各项工作落到实处。"]


def test_a_numbered_paragraph_whose_subject_opens_it_is_not_parted(tmp_path):
    text = RUN_ON.replace("一、加强基层组织建设各级党组织要", "一、党员队伍结构不断优化各级党组织要")
    speech = one_speech(tmp_path, text)
    assert not any(p.startswith("各级党组织要切实") for p in _paragraphs(speech))

