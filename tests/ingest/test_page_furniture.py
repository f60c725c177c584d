"""A page's furniture read by shape, place and repetition (issue 32, round 10's classes in general terms): a site's
contact header, menus and a poll above the title, a form's labels, numbered captions, a producer's credit, a title
a 范文 site prints twice (a newsroom's dateline: test_news_lead_parts.py). Fixtures are hand-written in the style of such pages."""

from __future__ import annotations

from build_kb.ingest.clean import clean

from conftest import one_speech as _one

BODY = (
    "近年来，某某市持续加强和改进城市基层党建工作，系统谋划、整体推进，推动党建引领基层治理取得明显成效。\n"
    "一是推动街道赋权扩能。按照重心下移、权责一致原则，指导各街道理顺职责，建立权责清单，切实减轻基层负担。\n"
    "二是充实街道人员力量。坚持服务基层、服务群众的鲜明导向，推动人员编制向街道倾斜，配强街道干部队伍。\n"
)


def test_a_sites_contact_header_is_no_part_of_the_title(tmp_path):
    text = "请点击此处给我们留言\n\n某某市 某某镇某某工业区某某路18号某某大厦B座\n\n13912345678(tel)\n\n13912345678(fax)\n\n筑牢基层基础 做实精细服务\n\n" + BODY
    speech = _one(tmp_path, text)
    assert speech.title == "筑牢基层基础 做实精细服务"
    assert [(r.line, r.rule) for r in speech.clean.removed] == [(1, "chrome-evidence"), (3, "chrome-evidence"), (5, "chrome-evidence"), (7, "chrome-evidence")]


def test_a_menu_and_a_polls_choices_above_the_title_are_the_pages(tmp_path):
    text = (
        "欢迎访问某某局网站！\n机构概况\n政务公开\n党群工作\n政策法规\n在线调查\n• 您最关心的服务事项是哪个?\n"
        "社保服务中心\n公积金管理中心\n户籍服务大厅\n市民服务中心\n党群工作\n当前位置:首页 > 政务公开 > 党群工作\n如何开好专题组织生活会\n" + BODY
    )
    speech = _one(tmp_path, text)
    assert speech.title == "如何开好专题组织生活会" and speech.speaker is None
    removed = [r.text for r in speech.clean.removed if r.rule == "chrome-evidence"]
    assert removed == ["机构概况", "政务公开", "党群工作", "政策法规", "在线调查", "社保服务中心", "公积金管理中心", "户籍服务大厅", "市民服务中心", "党群工作"]
    # The poll's question, a sentence, is doubt: kept and sent to a person.
    assert [d.text for d in speech.clean.doubtful] == ["• 您最关心的服务事项是哪个?"]


def test_a_forms_labels_between_its_buttons_give_no_speaker(tmp_path):
    text = (
        "某某街道区域化党建联席会议召开\n\n项目编号\n点击查看\n预算金额\n点击查看\n招标单位\n点击查看\n代理机构\n点击查看\n\n查看隐藏内容(*)需先登录\n\n"
        "6月12日，某某街道区域化党建联席会议召开。区委常委、组织部部长赵明远出席会议并讲话。\n赵明远强调，要抓好党建引领基层治理，推动各项工作落实。\n"
    )
    speech = _one(tmp_path, text)
    assert (speech.speaker, speech.speaker_role) == ("赵明远", "区委常委、组织部部长")
    assert [r.text for r in speech.clean.removed if r.rule == "chrome-evidence"] == ["项目编号", "预算金额", "招标单位", "代理机构", "查看隐藏内容(*)需先登录"]


def test_numbered_captions_and_a_producers_credit_go(rules):
    text = BODY + "某某作会议主持(图一)\n开班仪式现场（图二）\n三是完善配套机制。建立街道管理体制改革配套机制，规范街道党工委设置，确保改革落地见效。\n某某日报新媒体出品\n"
    cleaned = clean(text, rules)
    assert [(r.line, r.text) for r in cleaned.removed] == [(4, "某某作会议主持(图一)"), (5, "开班仪式现场（图二）"), (7, "某某日报新媒体出品")]


def test_a_title_a_model_text_site_prints_twice_is_no_sites_name(rules):
    text = "农村基层党建工作调研报告范文\n农村基层党建工作调研报告范文\n" + BODY
    assert clean(text, rules).removed == []
    assert [r.text for r in clean("某某范文网\n" + BODY, rules).removed] == ["某某范文网"]

