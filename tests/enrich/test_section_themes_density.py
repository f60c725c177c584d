"""Section themes of texts that are not about organisation work: a county's economic work meeting, a government
work report's culture and education, a news story on a flower festival. Their few theme words, spread over long
text (党中央 and 习近平总书记 once in a review of growth figures; 党史 and 红色基因 in one sentence of a tourism part), make
no theme: the theme words of organisation work come every sentence or two. Near-misses keep theirs: a dense part on
cadres, a heading that names its theme over a part whose text does not, a short news item on a party branch's day.
A county's policy paper on rural revitalisation is no organisation work either: 乡村振兴 and 脱贫攻坚 are the fields
that 基层党建 serves (抓党建促乡村振兴, 党建引领), generic words of the theme, not words that name it. All texts are
written for these tests."""

from build_kb.config import load_taxonomy
from build_kb.pipeline import build_knowledge_base

from conftest import CORPUS, make_corpus

ECONOMY = (
    "全县地区生产总值比上年增长百分之五点八，规模以上工业增加值增长百分之七，主要指标增速好于全市平均水平。"
    "固定资产投资保持较快增长，全年实施重点项目一百二十个，完成投资八十六亿元，一批打基础、管长远的项目落地见效。"
    "社会消费品零售总额稳步回升，城乡居民人均可支配收入分别增长百分之五和百分之七，收入差距继续缩小。"
    "新签约招商项目四十五个，其中超十亿元项目三个，园区道路、供水、污水管网等配套设施进一步完善，承载能力明显增强。"
    "粮食生产实现丰收，设施农业面积扩大到两万亩，特色种养业带动农户增收，农产品加工产值突破三十亿元。"
    "交通、水利、能源等基础设施短板加快补齐，县城到各乡镇的公路全部完成提档升级，新建改建农村公路一百八十公里。"
    "财政收入完成年度目标，民生支出占一般公共预算支出的比重保持在八成左右，教育、医疗、养老等短板加快补齐。"
    "对外开放迈出新步伐，进出口总额增长百分之十二，跨境电商从无到有，一批本地产品走出国门。"
)
TASKS = (
    "今年经济工作要坚持稳中求进，把扩大有效投资摆在突出位置，谋划储备一批重大项目，加快推进在建项目，力争早竣工、早投产。"
    "要做强工业主导产业，推动传统产业改造升级，培育新材料、新能源等新兴产业，支持企业加大研发投入，提高产品附加值。"
    "要扩大消费需求，改造提升县城商业街区，发展乡村旅游和农家乐，办好各类展会和促销活动，释放城乡居民消费潜力。"
    "要持续优化营商环境，企业开办时间压缩到一个工作日以内，惠企政策兑现更加及时，让企业安心经营、放心投资。"
    "要守住安全底线，抓好安全生产、防汛抗旱和森林防火，稳妥化解地方债务风险，确保经济社会大局稳定。"
    "要抓好重要民生商品保供稳价，加强市场监测，保持物价总体稳定，兜牢困难家庭基本生活底线。"
    "要深化重点领域改革，推进国有企业改革和投融资体制改革，盘活闲置资产，提高财政资金使用效益。"
)
ECOLOGY = (
    "要坚决打好蓝天、碧水、净土保卫战，严格控制扬尘和秸秆焚烧，县城空气优良天数比例保持在八成以上。"
    "要落实河湖长制，开展河道清淤和岸线整治，加快乡镇污水处理设施建设，确保出境断面水质稳定达标。"
    "要推进矿山生态修复和国土绿化，今年完成植树造林三万亩，建成一批森林乡村和绿色社区。"
    "要推动节能降碳，淘汰落后产能，发展光伏、风电等清洁能源，引导企业实施清洁生产改造。"
    "各乡镇、各部门要把生态环境保护摆上重要位置，压实工作责任，以实际行动守护好全县的青山绿水。"
    "要加强耕地保护，严守耕地红线，推进高标准农田建设，坚决遏制耕地非农化。"
    "要加强环境执法，严厉打击偷排偷放、非法采砂等违法行为，对群众反映强烈的突出问题限期整改。"
    "要完善生态补偿机制，探索生态产品价值实现路径，让保护生态的地方和农户得到实实在在的好处。"
)

OPEN = "同志们：\n今天召开全县经济工作会议，主要任务是总结去年经济工作，分析当前形势，部署今年经济工作。\n"

ECONOMIC_WORK_MEETING = (
    "在全县经济工作会议上的讲话\n" + OPEN
    + "一、去年经济运行总体平稳\n过去一年，我们认真学习贯彻习近平总书记重要讲话精神，坚决落实党中央决策部署。" + ECONOMY + "\n"
    + "二、今年经济工作的主要任务\n" + TASKS + "要加强人才引进，为发展提供支撑。\n"
    + "三、加强生态环境保护\n" + ECOLOGY + "要压实政治责任，加强理论学习，提高推动绿色发展的本领。\n"
)

CULTURE = (
    "过去一年，县图书馆、文化馆、博物馆全部免费开放，新建城市书房十二个，乡镇综合文化站实现全覆盖。"
    "全年开展送戏下乡演出三百二十场，举办广场舞大赛、农民丰收节等群众性文化活动一百余场，参与人数超过二十万人次。"
    "依托革命旧址开发红色旅游线路三条，讲好本地党史故事，传承红色基因，接待游客同比增长三成。"
    "古镇保护利用工程完成一期建设，修缮传统民居八十余栋，非物质文化遗产项目新增省级名录两项。"
    "文旅融合步伐加快，培育民宿集聚区两个，乡村旅游接待游客一百八十万人次，旅游综合收入增长百分之二十一。"
    "今年要继续推进公共文化服务体系建设，办好文化惠民工程，提升景区品质和服务水平，争创省级全域旅游示范区。"
    "要加强文物保护，完成古镇保护利用二期工程，推动非遗进校园、进景区，让传统文化活起来。"
    "要做强文旅品牌，策划推出四季旅游产品，加强与周边城市的线路合作，打造周末休闲目的地。"
    "要繁荣文艺创作，扶持本土作家和民间艺人，创作一批反映家乡变化的戏曲、歌曲和短视频作品。"
    "要推进全民阅读，延长城市书房开放时间，组织读书分享会和亲子阅读活动，建设书香县城。"
    "要发展体育事业，新建全民健身步道五十公里，办好县运动会和各类群众体育赛事，推动文体旅融合发展。"
)

EDUCATION = (
    "坚持教育优先发展，新建、改扩建中小学和幼儿园九所，新增学位四千二百个，城区大班额全部消除。"
    "义务教育优质均衡发展县创建通过省级评估，普通高中办学质量稳步提升，职业教育与本地产业对接更加紧密。"
    "招聘中小学教师一百六十名，实施乡村教师生活补助和周转房建设，乡村学校教师队伍更加稳定。"
    "落实学生资助政策，资助困难学生一万一千人次，营养改善计划惠及全部农村义务教育学校。"
    "今年要加快推进县城第二高级中学建设，扩大优质教育资源供给，深化集团化办学，促进城乡教育一体化发展。"
    "要加强校园安全管理，做好学生心理健康教育，减轻学生过重作业负担，促进学生全面发展。"
)
GOVERNMENT_WORK_REPORT = ("2024年县人民政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n"
    "一、推动文化事业和旅游产业融合发展\n" + CULTURE + "\n二、办好人民满意的教育\n" + EDUCATION + "\n")

FESTIVAL_NEWS = ("我县举办第五届油菜花旅游文化节\n"
    "3月18日，我县第五届油菜花旅游文化节在花海景区开幕，来自周边城市的游客和当地群众两万余人参加开幕式。"
    "本届文化节以赏花踏青、品味乡愁为主题，持续一个月，安排了花海摄影大赛、农民趣味运动会、地方戏曲展演、特色美食街等二十多项活动。"
    "开幕式上，县领导为十户美丽庭院示范户颁奖，文艺工作者表演了歌舞、快板等节目，现场气氛热烈。"
    "景区内，由机关党支部党员组成的志愿服务队为游客提供咨询引导、应急救护等服务，受到群众好评。"
    "据了解，近年来我县把花海观光与特色农业、民宿经营结合起来，带动周边三个村的群众在家门口就业，户均年增收一万余元。"
    "县文旅部门负责人介绍，文化节期间还将举办招商推介会，推介一批文旅项目，吸引社会资本参与景区建设。"
    "下一步，我县将继续完善景区道路、停车场、旅游厕所等配套设施，提升接待能力，让游客玩得开心、住得舒心。\n")

CADRE_WORK_MEETING = ("在全县干部工作会议上的讲话\n同志们：\n今天开会，部署今年干部工作。\n"
    "一、关于今年的几项重点\n"
    "今年要坚持好干部标准，树立正确选人用人导向，把政治过硬、敢于担当、实绩突出的干部选出来、用起来。"
    "要抓好领导班子运行情况分析研判，对班子结构不优、运行不畅的及时调整，提高班子整体功能。"
    "要大力发现培养选拔优秀年轻干部，建立源头培养、跟踪培养、全程培养的机制，注重在基层一线和急难险重任务中考察识别干部。"
    "要加强干部教育培训，围绕推动高质量发展开展专题培训，提高干部专业化能力。"
    "要从严管理监督干部，抓好个人有关事项报告抽查核实，对苗头性、倾向性问题早提醒、早纠正。"
    "要落实激励关爱措施，完善考核评价办法，让想干事、能干事、干成事的干部有舞台、有奔头。"
    "同时，干部工作也要讲究方法，多到基层听取意见，把日常了解和集中考察结合起来，全面历史辩证地看待干部。\n"
    "二、加强年轻干部培养\n" + ECONOMY + "\n")

PARTY_BRANCH_NEWS = ("社区党支部开展“党员进楼栋”主题党日活动\n"
    "5月8日，某某社区党支部组织全体党员开展“党员进楼栋”主题党日活动。活动中，党支部书记带领党员重温入党誓词，"
    "学习党章有关内容，随后按照楼栋分组入户走访。在职党员和流动党员分别认领服务岗位，帮助居民解决楼道照明、"
    "垃圾清运等问题二十余件。党支部还对发展党员工作和入党积极分子培养情况进行了通报，要求每名党员联系一个楼栋、"
    "服务十户居民，切实发挥先锋模范作用。社区党支部表示，将把主题党日与党员教育管理结合起来，推动支部建设提质增效。\n")


def body_sections(tmp_path, text):
    (speech,) = build_knowledge_base(make_corpus(tmp_path / "c", {"x.txt": text})).speeches
    return [(s.heading, s.themes, s.theme_source) for s in speech.all_sections() if s.kind == "body"]


def test_a_meeting_on_the_economy_lends_its_parts_no_theme_from_a_few_words_of_the_party_in_passing(tmp_path):
    """习近平总书记, 重要讲话, 党中央, 政治, 理论学习 and 人才 over 1,200 characters of growth figures, tasks and ecology:
    words enough for a subject of the whole text before (every part was 政治建设), too sparse to make one."""
    assert body_sections(tmp_path, ECONOMIC_WORK_MEETING) == [
        ("一、去年经济运行总体平稳", [], "none"),
        ("二、今年经济工作的主要任务", [], "none"),
        ("三、加强生态环境保护", [], "none"),
    ]


def test_a_government_reports_culture_part_is_no_political_building_for_one_sentence_on_red_tourism(tmp_path):
    """党史 and 红色基因, two strong words, in one sentence of a 500-character part on libraries, opera and tourism: the
    part's score passes MIN_BODY_SCORE, its density does not."""
    assert body_sections(tmp_path, GOVERNMENT_WORK_REPORT) == [
        ("一、推动文化事业和旅游产业融合发展", [], "none"),
        ("二、办好人民满意的教育", [], "none"),
    ]


def test_a_news_story_on_a_festival_is_no_party_building_for_its_volunteers(tmp_path):
    assert body_sections(tmp_path, FESTIVAL_NEWS) == [("", [], "none")]


def test_near_misses_a_dense_part_a_heading_that_names_its_theme_and_a_party_branchs_news_keep_theirs(tmp_path):
    assert body_sections(tmp_path / "a", CADRE_WORK_MEETING) == [
        ("一、关于今年的几项重点", ["cadres"], "body"),
        ("二、加强年轻干部培养", ["cadres"], "heading"),  # the heading's own words, whatever the part says below it
    ]
    assert body_sections(tmp_path / "b", PARTY_BRANCH_NEWS) == [("", ["grassroots"], "body")]


RURAL_POLICY_PAPER = ("关于加快推进乡村振兴的实施意见\n"
    "为深入实施乡村振兴战略，加快农业农村现代化，结合本县实际，提出如下意见。\n"
    "一、发展特色产业，夯实乡村振兴基础\n"
    "要立足资源禀赋发展茶叶、中药材、生态养殖等特色产业，每个乡镇培育一至两个主导产业，建设一批标准化种养基地。"
    "支持龙头企业与农户建立订单收购、保底分红等利益联结机制，让农民更多分享产业增值收益。"
    "加快发展农产品加工和冷链物流，推动农村电商进村入户，拓宽农产品销售渠道。\n"
    "二、巩固拓展脱贫攻坚成果\n"
    "要落实过渡期内主要帮扶政策总体稳定的要求，健全防止返贫动态监测和帮扶机制，对监测对象早发现、早干预、早帮扶。"
    "加大产业帮扶和就业帮扶力度，开发公益性岗位，确保脱贫人口收入持续增长。"
    "持续改善农村人居环境，推进厕所革命和生活垃圾分类处理，建设宜居宜业和美乡村。\n")

PARTY_BUILDING_FOR_THE_COUNTRYSIDE = ("在全县抓党建促乡村振兴工作推进会上的讲话\n同志们：\n今天召开推进会，部署今年的工作。\n"
    "一、以党建引领乡村振兴\n"
    "要选优配强村党组织书记，每个村都要有一名懂农业、爱农村的带头人，持续整顿软弱涣散村党组织，发挥党组织在乡村振兴中的领导作用。\n"
    "二、抓党建促脱贫攻坚成果巩固\n"
    "驻村第一书记和工作队要守好防止返贫底线，把党员中的致富能手培养成村干部，让集体经济收入逐年增长。\n"
    "三、夯实乡村振兴的组织基础\n"
    "要把村党组织建成坚强战斗堡垒，落实“三会一课”制度，每季度开展一次主题党日，引导农村党员在产业发展中带头示范。\n")


def test_rural_revitalisation_and_poverty_relief_are_fields_party_building_serves_not_its_own_words():
    grassroots = load_taxonomy(CORPUS).rule("grassroots")
    assert {"乡村振兴", "脱贫攻坚"} <= grassroots.generic
    assert grassroots.weights["抓党建促乡村振兴"] == grassroots.weights["抓党建促脱贫"] == grassroots.weights["党建引领"] == 3.0


def test_a_policy_papers_parts_on_rural_industry_and_poverty_relief_are_no_party_building(tmp_path):
    """Their headings name 乡村振兴 and 脱贫攻坚 (strong words of 基层党建 before), their text 农村 and 乡村: no word of
    organisation work."""
    assert body_sections(tmp_path, RURAL_POLICY_PAPER) == [
        ("一、发展特色产业，夯实乡村振兴基础", [], "none"),
        ("二、巩固拓展脱贫攻坚成果", [], "none"),
    ]


def test_near_misses_party_building_for_the_countryside_stays_grassroots(tmp_path):
    """党建引领 and 抓党建促脱贫 name the theme in the heading; a heading on 乡村振兴 over a text on village Party
    organisations is decided by its text."""
    assert body_sections(tmp_path, PARTY_BUILDING_FOR_THE_COUNTRYSIDE) == [
        ("一、以党建引领乡村振兴", ["grassroots"], "heading"),
        ("二、抓党建促脱贫攻坚成果巩固", ["grassroots"], "heading"),
        ("三、夯实乡村振兴的组织基础", ["grassroots"], "body"),
    ]

