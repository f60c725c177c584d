"""Section themes of round 17's failure classes (told in words; every text here is written for these tests): a
student union's term report whose heading says 换届; a part on a village's reserve of 村干部 that says 村 and 农村 at
every turn; a heading that names the organisation department over a body on cadres; a hospital's party-building
report whose first part has a line on 党支部 and a sub-part on 党的全面领导. Near-misses keep what they had: the same
换届 heading in an organisation-work speech, a second theme the title's subject outweighs when only ordinary words
name it, a body with a line on another theme, a heading that names its theme over a part on another."""

from pathlib import Path

from build_kb.config import load_taxonomy
from build_kb.enrich.classify import _quiet_text
from build_kb.enrich.segment import Segmenter
from build_kb.pipeline import build_knowledge_base

from conftest import CORPUS, make_corpus


def build(tmp_path, text):
    return build_knowledge_base(make_corpus(tmp_path / "c", {"x.txt": text}))


def sections_of(kb):
    return {s.id: s for s in kb.speeches[0].all_sections()}


STUDENT_UNION = (Path(__file__).parents[1] / "eval" / "corpus-classes" / "student-union-summary.txt").read_text(encoding="utf-8")


def test_a_heading_word_in_a_text_that_speaks_of_no_organisation_work_names_no_theme(tmp_path):
    """换届 in the heading of a student union's report on interviews for new members: neither the part nor the text
    around it says a word of organisation work, so the heading's one word names nothing (the made-up page of
    tests/eval/corpus-classes)."""
    secs = sections_of(build(tmp_path, STUDENT_UNION))
    assert (secs["s1"].themes, secs["s1"].theme_source) == ([], "none")
    assert [secs[i].themes for i in ("s2", "s3", "s4")] == [[], [], []]


def test_the_quiet_text_test_reads_the_whole_text():
    taxonomy = load_taxonomy(CORPUS)
    segment = Segmenter(taxonomy.dictionary_words()).tokens

    class Speech:  # the two things _quiet_text reads
        def __init__(self, title, parts):
            self.title, self._parts = title, parts

        def all_sections(self):
            return [type("S", (), {"heading": h, "paragraphs": [type("P", (), {"text": b})()]})() for h, b in self._parts]

    quiet = Speech("", [("一、学生会换届", "九月份，部门组织了两轮面试，从报名的三十余名同学中确定了八名新成员。" * 3),
                        ("二、迎新晚会", "十月份，部门承担了迎新晚会的海报设计、节目单印制和现场布置，到场同学近六百人。" * 3),
                        ("三、校运会宣传", "十一月份，部门为校运会制作宣传展板十块，收到通讯稿一百二十余篇。" * 3)])
    spoken = Speech("", [("一、换届", "要严格把关，选好配强领导班子，把好干部选出来。" * 3),
                         ("二、党支部建设", "要推进党支部标准化建设，加强党员教育管理。" * 3),
                         ("三、校运会宣传", "十一月份，部门为校运会制作宣传展板十块，收到通讯稿一百二十余篇。" * 2)])
    short = Speech("", [("一、统筹抓好基层党组织建设和年轻干部培养", "两方面都重要。"), ("二、其他工作", "略。")])
    assert _quiet_text(quiet, taxonomy, segment) is True
    assert _quiet_text(spoken, taxonomy, segment) is False
    assert _quiet_text(short, taxonomy, segment) is False  # too short to tell


def test_near_miss_the_same_heading_in_an_organisation_work_speech_keeps_its_theme(tmp_path):
    """换届 over a plain line about timing, in a speech that speaks of 党支部, 干部 and 人才 throughout."""
    text = ("在全县组织工作会议上的讲话\n同志们：\n一、换届\n"
            "今年下半年要按时间节点推进，确保平稳有序。\n"
            "二、建强基层党组织\n要推进党支部标准化建设，严格落实“三会一课”制度，加强党员教育管理，发挥党支部战斗堡垒作用。\n"
            "三、加强干部队伍建设\n要坚持好干部标准，加强年轻干部培养选拔，完善干部考核评价机制。\n")
    assert sections_of(build(tmp_path, text))["s1"].themes == ["cadres"]


VILLAGE_RESERVE = (
    "一、建立后备队伍，实现梯次培养\n"
    "农村发展要靠一支好的村干部队伍。我们在每个村建立后备队伍，把农村青年中的致富能手纳入村级后备库。"
    "围绕把优秀青年培养成党员，每年在农村发展党员时优先考虑后备对象，村里定期推荐入党积极分子。"
    "围绕把优秀党员培养成村干部，组织农村后备对象到党校培训，加强村干部队伍建设，村村都有两名以上后备，形成梯次合理的干部队伍。\n"
)


def test_generic_words_do_not_push_out_a_theme_named_by_its_own_terms(tmp_path):
    """村 and 农村 at every turn weigh for 基层党建; 干部队伍 three times still makes the part about cadres as well — the
    title's subject (农村党组织) does not take it away, for the part names it by a term of its own."""
    text = "加强农村党组织书记队伍建设的做法\n" + VILLAGE_RESERVE
    assert sections_of(build(tmp_path, text))["s1"].themes == ["grassroots", "cadres"]


def test_near_miss_a_second_theme_named_by_ordinary_words_yields_to_the_title(tmp_path):
    """干部 and 班子, ordinary words, beside 党员 and 党支部 in a speech titled on 党支部: the title decides."""
    text = ("在党支部建设推进会上的讲话\n同志们：\n一、抓好班子\n"
            "党支部要配齐班子，加强党员教育管理，严格党员发展程序。支部干部要带头过好组织生活，带头联系党员。\n")
    assert sections_of(build(tmp_path, text))["s1"].themes == ["grassroots"]


CADRES_BODY = (
    "古人说，为政之道，在于用人。用好一个干部，就是树起一面旗帜。要坚持好干部标准，把想干事、能干事、干成事的干部"
    "选拔到领导班子中来。要完善干部考核评价办法，让担当作为的干部得到激励。要加强年轻干部培养，让优秀年轻干部在基层一线"
    "经受锻炼。\n"
)


def test_a_body_on_cadres_under_a_heading_that_names_the_department_is_about_cadres(tmp_path):
    """The heading praises 组织部门 and 组工干部 (自身建设's words); the body speaks of 好干部, 用人 and 领导班子 in every
    sentence and never names the department again: the heading says who did the work, the body what it was."""
    text = ("在全市组织工作会议上的讲话\n同志们：\n一、全市各级组织部门和广大组工干部为全市发展作出了重要贡献\n" + CADRES_BODY)
    s1 = sections_of(build(tmp_path, text))["s1"]
    assert (s1.themes, s1.theme_source) == (["cadres"], "body")


def test_near_miss_a_body_on_cadres_that_names_the_department_too_keeps_both(tmp_path):
    """The body speaks of cadres far more, but names 组工干部 itself as well: the heading's theme stays beside cadres."""
    body = CADRES_BODY.replace("经受锻炼。", "经受锻炼。这些年，组工干部在选人用人上下了很大功夫。")
    text = ("同志们：\n一、全市各级组织部门和广大组工干部为全市发展作出了重要贡献\n" + body
            + "二、建强基层战斗堡垒\n要推进党支部标准化建设，严格落实“三会一课”制度，加强党员教育管理，发挥党支部战斗堡垒作用。\n")
    assert sections_of(build(tmp_path, text))["s1"].themes == ["self-building", "cadres"]


def test_near_miss_a_body_with_a_line_on_cadres_keeps_its_headings_theme(tmp_path):
    """The department's own building in the heading and in most of the body; one sentence on 干部 is no second theme."""
    text = ("在全市组织工作会议上的讲话\n同志们：\n一、加强组织部门自身建设\n"
            "组织部门要坚持从严治部，组工干部要做到公道正派、廉洁自律，以过硬作风建设模范部门。"
            "组工干部要在选拔干部时坚持原则。\n")
    assert sections_of(build(tmp_path, text))["s1"].themes == ["self-building"]


HOSPITAL = (
    "某某医院2024年党建工作情况总结\n"
    "一年来，院党委坚持以党建引领医院发展，各项工作扎实推进。现将有关情况报告如下。\n"
    "一、工作开展情况\n"
    "院党委坚持围绕中心抓党建，发挥党支部战斗堡垒作用和党员先锋模范作用，落实党建工作责任制。\n"
    "（一）坚持党的全面领导\n"
    "院党委把方向、管大局、作决策，重大事项由党委会集体研究，确保党的领导贯穿医院工作全过程。\n"
)


def test_a_part_whose_heading_names_nothing_holds_its_own_theme_and_its_sub_parts(tmp_path):
    """一、工作开展情况: its own line names 党支部 and 党员 (基层党建), its one sub-part 党的全面领导 (政治建设): both."""
    secs = sections_of(build(tmp_path, HOSPITAL))
    assert secs["s1-1"].themes == ["political-building"]
    assert secs["s1"].themes == ["grassroots", "political-building"]


def test_near_miss_a_heading_that_names_its_theme_keeps_it_over_a_part_on_another(tmp_path):
    """一、…农村基层党组织建设…: the heading names its theme; its part on 乡镇党委换届 is a piece of it."""
    text = ("在全县农村工作会议上的讲话\n同志们：\n一、全县农村基层党组织建设取得新成效\n"
            "一年来，全县各级党组织坚持抓基层、打基础，基层党组织的组织力明显增强。\n"
            "（一）乡镇党委换届顺利完成\n各乡镇严格按程序完成换届，选优配强了领导班子。\n")
    assert sections_of(build(tmp_path, text))["s1"].themes == ["grassroots"]
