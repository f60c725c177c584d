"""A report's sentence read as a parse (build_kb/ingest/clause.py): who is named, with what posts, and what each did."""

from __future__ import annotations

import doctest

import pytest

from build_kb.ingest import clause
from build_kb.ingest.clause import act_of, read_actors, read_time


def test_the_readers_docstring_examples_hold():
    assert doctest.testmod(clause).failed == 0


@pytest.mark.parametrize(
    "sentence, parse",
    [
        # spoke, said, chaired, attended: the words right after the name
        ("6月12日，全市组织部长会议召开。市委常委、组织部部长赵某明出席会议并讲话。", [("市委常委、组织部部长", "赵某明", "spoke")]),
        ("会议由县委副书记王某主持。县委常委、组织部部长李某某表示，要抓好落实。", [("县委副书记", "王某", "chaired"), ("县委常委、组织部部长", "李某某", "said")]),
        ("区委书记周某主持会议并讲话，区委副书记、区长钱某出席会议。", [("区委书记", "周某", "chaired and spoke"), ("区委副书记、区长", "钱某", "attended")]),
        ("镇党委书记吴某在会上强调，要压实责任。", [("镇党委书记", "吴某", "said")]),
        ("县委常委、组织部部长邱某参加会议并讲话。", [("县委常委、组织部部长", "邱某", "spoke")]),
        ("镇党委书记邓某某对各支部书记的述职逐一进行点评。", [("镇党委书记", "邓某某", "said")]),
        ("镇党委书记柳某就下步工作进行总结讲话。", [("镇党委书记", "柳某", "spoke")]),
        ("区委书记雷某为全区党员干部讲专题党课。", [("区委书记", "雷某", "spoke")]),
        ("镇党委书记尤某结合各支部述职情况进行点评。", [("镇党委书记", "尤某", "said")]),
        ("县委书记汤某代表县委常委会作工作报告。", [("县委书记", "汤某", "spoke")]),
        ("县委常委、组织部部长，县委党校校长尹某为学员授课。", [("县委常委、组织部部长，县委党校校长", "尹某", "spoke")]),
        ("会上，县委书记任某作了题为《坚定信念》的专题党课。", [("县委书记", "任某", "spoke")]),
        ("县委书记黎某以《坚定理想信念》为题讲授专题党课。", [("县委书记", "黎某", "spoke")]),
        ("镇党委书记卫某对全年工作作了部署。", [("镇党委书记", "卫某", "said")]),
        ("近日，县委书记易某到某镇调研基层党建工作。", [("县委书记", "易某", "visited")]),
        ("县委副书记殷某受县委书记委托讲话。", [("县委副书记", "殷某", "spoke")]),
        ("省委常委、组织部部长房某以视频方式出席会议并讲话。", [("省委常委、组织部部长", "房某", "spoke")]),
        # wrote, or the one whose words the meeting studied: never the meeting's speaker
        ("市委书记孙某某作出批示，市委常委、组织部部长郑某出席会议并讲话。", [("市委书记", "孙某某", "wrote"), ("市委常委、组织部部长", "郑某", "spoke")]),
        ("会议传达学习了省委常委、组织部部长冯某在全省组织部长会议上的讲话精神。", [("省委常委、组织部部长", "冯某", "relayed")]),
        ("省委书记管某某作出重要指示，省委常委、组织部部长祁某出席会议并讲话。", [("省委书记", "管某某", "wrote"), ("省委常委、组织部部长", "祁某", "spoke")]),
        # an instruction joined by 并 to what he did at the meeting was said there; a deputy relays on the head's behalf
        ("党委书记甘某对述职的效果给予了评价并做出了重要指示。", [("党委书记", "甘某", "said")]),
        ("校党委书记蔺某出席会议并对下一步工作作出指示。", [("校党委书记", "蔺某", "said")]),
        ("受县委书记钮某委托，县委副书记邝某向与会人员传达了县委的要求。", [("县委书记", "钮某", "entrusted"), ("县委副书记", "邝某", "spoke")]),
        ("县委副书记邝某传达了全省会议精神。", [("县委副书记", "邝某", "conveyed")]),
        ("会议传达了市委书记韩某的重要讲话精神，县委书记蒋某主持会议。", [("市委书记", "韩某", "relayed"), ("县委书记", "蒋某", "chaired")]),
        ("县委书记沈某某在全县大会上的讲话中指出，要真抓实干。", [("县委书记", "沈某某", "said")]),
        # the whole chain of posts: across a comma, with quotes, four posts, a post in 司/处
        ("市委常委、组织部部长、统战部部长，市总工会主席杨某出席会议并讲话。", [("市委常委、组织部部长、统战部部长，市总工会主席", "杨某", "spoke")]),
        ("区委社会工作部部长、“两新”工委书记邹某某主持会议。", [("区委社会工作部部长、“两新”工委书记", "邹某某", "chaired")]),
        ("县委常委、组织部部长、统战部部长、县委党校校长陶某作报告。", [("县委常委、组织部部长、统战部部长、县委党校校长", "陶某", "spoke")]),
        ("农业部党组成员、人事劳动司司长魏某某出席会议并讲话。", [("农业部党组成员、人事劳动司司长", "魏某某", "spoke")]),
        # two people, each with his own posts: the comma after a name parts them
        ("县委书记何某，县委副书记、县长许某出席会议。", [("县委书记", "何某", None), ("县委副书记、县长", "许某", "attended")]),
        # a name before the title he is called by
        ("开学典礼由教育长吕某主持，施某副校长作动员讲话。", [("教育长", "吕某", "chaired"), ("副校长", "施某", "spoke")]),
        # a post that is someone's title, and no name after it
        ("为全面贯彻落实习近平总书记系列讲话精神，街道党工委书记逐一点评。", []),
    ],
)
def test_a_sentence_read_as_who_did_what(sentence, parse):
    assert [(a.role, a.name, act_of(sentence, a)) for a in read_actors(sentence)] == parse


@pytest.mark.parametrize(
    "lead, time",
    [
        ("6月12日下午，全市组织部长会议召开。", (None, 6, 12, None)),
        ("2023年2月27日，全县组织工作会议召开。", (2023, 2, 27, None)),
        ("新华社北京12月13日电 全国组织部长会议于12月12日至13日在北京举行。", (None, 12, 12, None)),
        ("本报讯（记者 某某）昨日，全市人才工作座谈会召开。", (None, None, None, "昨日")),
        ("日前，某某镇召开党建工作会议。", (None, None, None, "日前")),
    ],
)
def test_when_a_lead_says_it_happened(lead, time):
    found = read_time(lead)
    assert (found.year, found.month, found.day, found.relative) == time


def test_a_list_of_people_shares_the_act_said_after_its_last_one():
    from build_kb.ingest.clause import acts_of

    text = "省委副书记宁某，省委常委、组织部部长邵某讲话，副省长袁某主持会议。"
    actors = read_actors(text)
    assert [(a.name, act) for a, act in zip(actors, acts_of(text, actors))] == [("宁某", "spoke"), ("邵某", "spoke"), ("袁某", "chaired")]
