"""Section themes of round 14's classes (given in words only): loyalty taught through the Party's history, young
cadres' ideals, a village committee's re-election, a section about two themes. Hand-written sections in several
styles, with near-misses that keep their one theme."""

import pytest

from build_kb.config import load_taxonomy
from build_kb.enrich.classify import keyword_counts, themes_of_joined_halves
from build_kb.enrich.segment import Segmenter
from build_kb.pipeline import build_knowledge_base

from conftest import CORPUS, make_corpus

OPENING = "在全县组织工作会议上的讲话\n同志们：\n今天召开全县组织工作会议，主要任务是部署今年的组织工作。\n"


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy(CORPUS)


@pytest.fixture(scope="module")
def segmenter(taxonomy):
    return Segmenter(taxonomy.dictionary_words())


def top_themes(tmp_path, body):
    (speech,) = build_knowledge_base(make_corpus(tmp_path / "c", {"x.txt": OPENING + body})).speeches
    return [(s.heading, s.themes) for s in speech.sections if s.kind == "body"]


@pytest.mark.parametrize("section", [
    "一、从党史中汲取奋进力量\n回望党的百年奋斗历程，一代代共产党人前赴后继、英勇奋斗。全县广大党员干部要从党的历史中汲取营养，传承红色基因，赓续革命血脉。\n",
    "一、学党史、铸忠诚\n革命先烈用生命诠释了对党的绝对忠诚。我们要用好本地红色资源，组织党员到革命旧址接受教育，让伟大建党精神代代相传。\n",
    "一、传承红色基因，做忠诚干净担当的好党员\n方志敏在狱中写下《可爱的中国》，这份忠诚穿越时空。广大党员要以革命先烈为镜，学习革命传统，始终听党话、跟党走。\n",
], ids=["党史", "建党精神", "红色基因"])
def test_loyalty_taught_through_the_partys_history_is_political_building(tmp_path, section):
    assert top_themes(tmp_path, section)[0][1][0] == "political-building"


@pytest.mark.parametrize("section", [
    "一、青年干部要坚定理想信念\n青年干部是党和国家事业的接班人，要把理想信念作为安身立命之本，在艰苦环境中磨砺意志、增长才干。\n",
    "一、加强年轻干部理想信念教育\n年轻干部要筑牢理想信念根基，在学思践悟中坚定信仰，在基层一线和吃劲岗位上锤炼党性。\n",
], ids=["青年干部", "年轻干部"])
def test_young_cadres_ideals_are_cadres(tmp_path, section):
    assert top_themes(tmp_path, section)[0][1] == ["cadres"]


@pytest.mark.parametrize("section", [
    "一、村委会换届选举\n要依法依规做好村民委员会换届选举工作，保障村民的选举权和被选举权，确保换届选举平稳有序。\n",
    "一、做好村“两委”换届工作\n各乡镇党委要认真研判村情，选优配强村党组织书记，严把人选资格条件，严肃换届纪律，确保换届风清气正。\n",
    "一、扎实做好村委会换届选举工作\n各乡镇要严格依法依规组织选举，把好候选人资格审查关，坚决防止拉票贿选，确保选出群众公认的村委会班子。\n",
], ids=["村委会", "村两委", "村委会班子"])
def test_a_village_committees_re_election_is_grassroots(tmp_path, section):
    assert top_themes(tmp_path, section)[0][1] == ["grassroots"]


def test_a_leadership_teams_re_election_stays_cadres(tmp_path):
    section = "一、做好县乡领导班子换届工作\n要坚持好干部标准，严格换届纪律，选优配强领导班子，确保换届风清气正。\n"
    assert top_themes(tmp_path, section)[0][1] == ["cadres"]


@pytest.mark.parametrize(("section", "themes"), [
    ("一、抓好基层党建和乡村人才振兴\n要持续整顿软弱涣散村党组织，推进党支部标准化规范化建设。同时要大力培育乡土人才，为乡村振兴提供支撑。\n", {"grassroots", "talent"}),
    ("一、坚持党管干部和党管人才\n要坚持党管干部原则，大力选拔政治过硬的干部。坚持党管人才，深入实施人才强县战略，优化人才发展环境。\n", {"cadres", "talent"}),
    ("一、加强党支部建设、年轻干部培养\n要推进党支部标准化规范化建设，提升组织力；要大力发现培养选拔优秀年轻干部。\n", {"grassroots", "cadres"}),
], ids=["和", "党管", "、"])
def test_a_heading_that_joins_two_themes_gives_its_section_both(tmp_path, section, themes):
    assert set(top_themes(tmp_path, section)[0][1]) == themes


@pytest.mark.parametrize("heading", ["加强理论学习和党性锻炼", "密切干部和群众的血肉联系", "构建和谐的党群关系", "及时发现和培养年轻干部"])
def test_a_heading_whose_halves_name_one_theme_or_none_joins_nothing(taxonomy, segmenter, heading):
    assert themes_of_joined_halves(heading, taxonomy, segmenter.tokens) == ()


def test_a_word_inside_a_phrase_of_another_theme_counts_for_the_phrase_only(taxonomy, segmenter):
    counts = keyword_counts("做好村“两委”换届工作", taxonomy, segmenter.tokens)
    assert counts["村“两委”换届"] == 1 and "换届" not in counts and "两委" not in counts
