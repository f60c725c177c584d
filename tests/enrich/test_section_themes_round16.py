"""Section themes of round 16's failure classes (told in words; every text here is written for these tests): a
party committee's report on all the work of a place, whose parts on the economy, 三农, safety and ecology name a
word of 基层党建 in passing; a year's tally of every category; a part on 正风肃纪 of cadres; a part on 意识形态 and
理论武装. Near-misses keep their themes: a short part on party branches that names them in every sentence, a tally
under a heading that names its theme, a body about one theme with a line on another."""

from pathlib import Path

from build_kb.config import load_taxonomy
from build_kb.enrich.classify import sentences, spoken_share
from build_kb.enrich.segment import Segmenter
from build_kb.evaluate import evaluate
from build_kb.pipeline import build_knowledge_base

from conftest import CORPUS, make_corpus

RURAL = (
    "要稳定粮食生产，落实耕地保护责任，新建高标准农田一万亩。要发展茶叶、中药材等特色产业，培育家庭农场和农民合作社。"
    "要壮大村级集体经济，探索物业出租、入股分红等路径。要改善农村人居环境，推进厕所革命和生活污水治理。"
    "要健全防止返贫动态监测和帮扶机制，守住不发生规模性返贫的底线。"
)
SAFETY = (
    "要压实安全生产责任，深入开展道路交通、危险化学品、建筑施工等重点领域专项整治。要完善防汛抗旱应急预案，加强应急物资储备。"
    "要推进矛盾纠纷多元化解，做到小事不出村、大事不出镇。要深化网格化管理，及时发现和处置各类风险隐患。"
)
ECONOMY = (
    "要坚持工业强镇，围绕新材料、食品加工两大产业延链补链，力争规上工业企业达到六十家。要抓好项目建设，每季度开展一次集中开工活动。"
    "要优化营商环境，推行企业开办一日办结。全镇干部要主动上门服务企业，帮助解决用地、用工、融资等困难。"
)
BRANCHES = "要推进党支部标准化建设。严格落实“三会一课”制度。加强党员教育管理。发挥党支部战斗堡垒作用。"
CLEAN = (
    "要压紧压实党风廉政建设主体责任，班子成员落实“一岗双责”。要锲而不舍落实中央八项规定精神，持之以恒纠治“四风”。"
    "要加强对党员干部特别是村干部的日常监督，严肃查处群众身边的不正之风和腐败问题。要深化警示教育，以案促改、以案促治。"
)
TALLY = (
    "全年组织理论学习中心组集体学习十二次；新发展党员二百八十六名，整顿软弱涣散基层党组织九个；"
    "提拔年轻干部二十三名；新引进高层次人才三十一名，新建人才驿站两个。全县组织工作考核在全市排名第三。"
)


def build(tmp_path, text):
    return build_knowledge_base(make_corpus(tmp_path / "c", {"x.txt": text}))


def sections_of(kb):
    return {s.id: s for s in kb.speeches[0].all_sections()}


def party_report(*parts):
    """A town party congress's report (its title names no theme) with the given (heading, body) parts."""
    text = "凝心聚力 实干争先\n——在中共某镇第十六次代表大会上的报告\n同志们：\n现在，我代表镇委员会向大会作报告。\n"
    return text + "".join(f"{heading}\n{body}\n" for heading, body in parts)


def test_sentences_end_at_full_stops_and_lines_not_at_commas():
    assert sentences("要推进党支部建设，加强党员管理；发挥作用。要压实责任！\n第二行") == [
        "要推进党支部建设，加强党员管理；发挥作用。", "要压实责任！", "第二行"]


def test_the_share_of_sentences_that_speak_of_organisation_work():
    taxonomy = load_taxonomy(CORPUS)
    segment = Segmenter(taxonomy.dictionary_words()).tokens
    assert spoken_share([BRANCHES], taxonomy, segment) == 1.0
    assert spoken_share([RURAL], taxonomy, segment) == 0.2  # 集体经济 in one sentence of five
    assert spoken_share(["要帮助困难群众解决实际问题。基层要做好服务。"], taxonomy, segment) == 0.0  # generic words only
    assert spoken_share([""], taxonomy, segment) == 0.0


def test_a_party_reports_parts_on_other_work_get_no_theme(tmp_path):
    """集体经济 in one sentence of five, 网格 and 村 in a part on safety, 干部 serving firms: none of them is about
    organisation work, and the whole text (a report on all the work of a town) lends them nothing."""
    text = party_report(("一、聚焦产业发展，推动经济提质增效", ECONOMY), ("二、全面推进乡村振兴，建设和美乡村", RURAL),
                        ("三、统筹发展和安全，守牢安全底线", SAFETY), ("四、建强基层战斗堡垒", BRANCHES))
    secs = sections_of(build(tmp_path, text))
    assert [(secs[i].themes, secs[i].theme_source) for i in ("s1", "s2", "s3")] == [([], "none")] * 3
    assert (secs["s4"].themes, secs["s4"].theme_source) == (["grassroots"], "body")


def test_a_short_part_that_names_party_branches_in_every_sentence_keeps_its_theme(tmp_path):
    """Near-miss: no heading word, but every sentence speaks of branches and members."""
    text = party_report(("一、聚焦产业发展，推动经济提质增效", ECONOMY), ("二、夯实根基", BRANCHES))
    assert sections_of(build(tmp_path, text))["s2"].themes == ["grassroots"]


def test_clean_government_in_a_report_that_names_no_organisation_department_is_cadres(tmp_path):
    """党风廉政建设, 八项规定, 四风: the supervision of cadres (干部队伍's 监督管理), not 基层党建 for 村干部 and 群众."""
    text = party_report(("一、聚焦产业发展，推动经济提质增效", ECONOMY), ("二、驰而不息正风肃纪，营造良好环境", CLEAN))
    s2 = sections_of(build(tmp_path, text))["s2"]
    assert (s2.themes, s2.subtopics) == (["cadres"], {"cadres": "supervision"})


def test_clean_government_of_the_department_itself_is_self_building(tmp_path):
    """The same words about an organisation department's own staff: its heading names its 作风建设 (自身建设)."""
    text = ("同志们：\n一、从严从实加强部机关作风建设\n坚持从严治部，深入开展部机关党风廉政建设，严格执行中央八项规定精神。"
            "组织组工干部到廉政教育基地参观学习，签订廉洁承诺书。\n")
    assert sections_of(build(tmp_path, text))["s1"].themes == ["self-building"]


def test_ideology_and_theory_are_political_building(tmp_path):
    text = ("同志们：\n一、牢牢掌握意识形态工作领导权\n各级党委要落实意识形态工作责任制，定期分析研判意识形态领域形势。"
            "要创新理论宣讲形式，推动党的创新理论深入人心。\n")
    s1 = sections_of(build(tmp_path, text))["s1"]
    assert (s1.themes, s1.subtopics) == (["political-building"], {"political-building": "theory"})


def test_a_tally_of_every_category_gets_no_theme(tmp_path):
    """一、2023年工作总体情况: so many sessions of study, members recruited, cadres promoted, talents brought in —
    a bit of everything, no one theme (source mixed, and no title or whole text lends it one)."""
    text = "在全县组织工作会议上的讲话\n同志们：\n一、2023年工作总体情况\n" + TALLY + "\n二、建强基层战斗堡垒\n" + BRANCHES + "\n"
    secs = sections_of(build(tmp_path, text))
    assert (secs["s1"].themes, secs["s1"].theme_source) == ([], "mixed")
    assert secs["s2"].themes == ["grassroots"]


def test_a_tally_under_a_heading_that_names_its_theme_keeps_it(tmp_path):
    """Near-miss: the heading says what the figures are for."""
    text = "同志们：\n一、干部队伍建设成效明显\n" + TALLY + "\n"
    assert sections_of(build(tmp_path, text))["s1"].themes == ["cadres"]


def test_a_body_about_one_theme_with_a_line_on_others_is_no_tally(tmp_path):
    """Near-miss: cadres in every sentence and a word each of two other themes leave cadres well over half."""
    body = ("要坚持好干部标准，树立正确选人用人导向。要加强年轻干部培养选拔，完善干部考核评价机制。"
            "要落实容错纠错机制，激励干部担当作为。要引导干部加强理论学习，在联系服务党员群众中锤炼作风。")
    text = "同志们：\n一、聚焦中心任务\n" + body + "\n"
    assert sections_of(build(tmp_path, text))["s1"].themes == ["cadres"]


def test_a_body_about_two_themes_with_a_word_of_a_third_is_about_both(tmp_path):
    """Near-miss of a tally: 干部 and 人才 in every sentence, 理论 once — the best two hold most of the evidence."""
    body = ("要坚持好干部标准，大力选拔敢于担当的干部，加强年轻干部培养，完善干部考核评价机制，引导干部加强理论学习。"
            "要完善人才引进政策，建设人才公寓，做好人才服务，为各类人才创新创业提供良好环境。")
    text = "同志们：\n一、聚焦中心任务，建强两支队伍\n" + body + "\n"
    assert sections_of(build(tmp_path, text))["s1"].themes == ["cadres", "talent"]


def test_evaluate_scores_no_theme_labels_and_reports_held_out_corpora_apart(tmp_path):
    """`[none]`: every theme given is one too many, none given is right; a `held_out: true` corpus is scored apart."""
    text = party_report(("一、聚焦产业发展，推动经济提质增效", ECONOMY), ("二、建强基层战斗堡垒", BRANCHES), ("三、统筹发展和安全", SAFETY))
    corpus = make_corpus(tmp_path / "c", {"x.txt": text})
    labels = tmp_path / "labels.yaml"
    labels.write_text(f"corpora:\n  - dir: {corpus}\n    speeches:\n      x.txt:\n        s1: [none]\n        s2: [cadres]\n"
                      f"  - dir: {corpus}\n    held_out: true\n    speeches:\n      x.txt:\n        s2: [grassroots]\n", encoding="utf-8")
    tuned, _ = evaluate(labels, Path(CORPUS))
    assert (tuned.sections, dict(tuned.tp), dict(tuned.fp), dict(tuned.fn)) == (2, {}, {"grassroots": 1}, {"cadres": 1})
    held, _ = evaluate(labels, Path(CORPUS), held_out=True)
    assert (held.sections, dict(held.tp), dict(held.fp)) == (1, {"grassroots": 1}, {})
