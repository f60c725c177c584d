"""公文 parts the curator's review found misread (#33): each with a made-up fixture in the form it was
seen in (plain text, hand-written HTML, python-docx)."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_kb.ingest.convert import convert
from build_kb.model import SourceFile
from build_kb.pipeline import make_speech


def speech_of(path: Path, rules):
    converted = convert(path)
    source = SourceFile(path=path, rel_path=path.stem + ".txt", encoding="utf-8", sha256="", raw=b"", text=converted.text)
    return make_speech(source, rules, None, [])


STANDARD_COVER = (
    "中华人民共和国国家标准\nGB/T 1234　1—2020\n某某材料牌号和化学成分\n2020-06-01发布　　2021-01-01实施\n"
    "国家市场监督管理总局\n发　布\n国家标准化管理委员会\n前　言\n本标准按照给出的规则起草，代替了旧版标准的全部内容。\n"
)


def test_a_standard_s_number_whose_dot_the_text_layer_lost_keeps_its_part_number(rules, tmp_path):
    path = tmp_path / "标准.txt"
    path.write_text(STANDARD_COVER, encoding="utf-8")
    assert speech_of(path, rules).doc_number == "GB/T1234.1—2020"


JOINT_FORM_PAGE = """<html><head><meta charset="utf-8"><title>关于做好人才项目申报工作的通知_某某市人民政府网</title></head><body>
<table class="xxgk">
<tr><td>索 引 号：</td><td>009876543/2024-00045</td><td>主题分类：</td><td>组织人事</td></tr>
<tr><td>发文机关：</td><td>中共某某市委组织部　　某某市人力资源和社会保障局</td><td>成文日期：</td><td>2024年03月12日</td></tr>
<tr><td>标　　题：</td><td colspan="3">关于做好人才项目申报工作的通知</td></tr>
<tr><td>发文字号：</td><td>某人社发〔2024〕3号</td><td>发布日期：</td><td>2024年03月15日</td></tr>
</table>
<div class="article"><h1>关于做好人才项目申报工作的通知</h1>
<p>各区县党委组织部、人力资源社会保障局：</p>
<p>为做好今年人才项目申报工作，现将有关事项通知如下。</p>
<p>一、申报范围</p><p>在本市工作满一年的各类专业技术人才均可申报，由所在单位统一推荐。</p>
<p>二、工作要求</p><p>各单位要严格审核申报材料，确保内容真实准确，按时报送。</p>
<p style="text-align:right">2024年3月12日</p></div></body></html>"""


def test_joint_issuers_in_a_site_s_form_are_two_and_its_title_row_shows_without_pipes(rules, tmp_path):
    from build_kb.check import report_text, speech_report

    path = tmp_path / "联合.html"
    path.write_text(JOINT_FORM_PAGE, encoding="utf-8")
    speech = speech_of(path, rules)
    assert speech.issuer == "中共某某市委组织部、某某市人力资源和社会保障局"
    # the second addressee has no 各区县 of its own: it shares the first's, and the line stays one
    assert speech.addressees == ["各区县党委组织部、人力资源社会保障局"]
    shown = report_text({"not_built": [], "speeches": [speech_report(speech, [])]})
    title_rows = [line for line in shown.splitlines() if "[登记项] 标 题" in line]
    assert len(title_rows) == 1 and title_rows[0].endswith("[登记项] 标 题：　关于做好人才项目申报工作的通知")


def write_template_docx(path: Path) -> Path:
    """A 请示 template in Word, its prompts still in: the title's 事由, the 主送, the 署名."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document()
    for text in ("关于【请输入事由】的请示", "[此处输入主送机关]：", "[此处输入正文]", "为进一步加强基层党组织建设，拟于下半年组织开展党务干部轮训，现将有关情况请示如下。",
                 "一、培训对象", "全县村（社区）党组织书记和机关党务干部，共计约三百人，分三期进行。", "二、经费预算",
                 "培训所需经费约十二万元，拟从党员教育经费中列支，请予审定。", "妥否，请批示。"):
        doc.add_paragraph(text)
    for text in ("[发文机关署名]", "2024年5月6日"):
        doc.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.save(path)
    return path


def test_a_template_s_prompts_are_no_title_or_addressee_but_kept_for_a_person(rules, tmp_path):
    speech = speech_of(write_template_docx(tmp_path / "请示模板.docx"), rules)
    # no title of its own (the prompt is none): one made from the text, never from a prompt
    assert (speech.title, speech.addressees, speech.issuer) == ("关于“培训对象”等两个方面的讲话", [], None)
    assert [s.heading for s in speech.all_sections() if s.heading] == ["一、培训对象", "二、经费预算"]
    assert [p.text for p in speech.all_paragraphs()][:3] == ["关于【请输入事由】的请示", "[此处输入主送机关]：", "[此处输入正文]"]
    prompts = [(r.code, r.line, r.settled_by) for r in speech.review if r.message.startswith("模板里的提示文字")]
    assert prompts == [("doubtful-line", 1, "drop_lines"), ("doubtful-line", 3, "drop_lines"), ("doubtful-line", 5, "drop_lines")]
    # the date alone under the text's last sentence is its 成文日期, not a web page's date
    assert speech.date == "2024-05-06"
    assert [r.text for r in speech.clean.removed] == ["[发文机关署名]"]


NON_ORGAN_MASTHEAD = (
    "一份公文文件\n某办发〔2024〕8号\n关于开展档案整理工作的通知\n各科室：\n为规范档案管理，现就开展档案整理工作通知如下。\n"
    "一、整理范围\n近三年形成的文书档案，按年度分类整理，逐件编号。\n二、时间安排\n请于六月底前完成整理，并报送目录。\n2024年5月6日\n"
)


def test_a_masthead_that_names_no_organ_gives_no_issuer_but_a_question(rules, tmp_path):
    path = tmp_path / "公文.txt"
    path.write_text(NON_ORGAN_MASTHEAD, encoding="utf-8")
    speech = speech_of(path, rules)
    assert (speech.title, speech.issuer, speech.doc_number, speech.addressees, speech.date) == (
        "关于开展档案整理工作的通知", None, "某办发〔2024〕8号", ["各科室"], "2024-05-06")
    assert [(r.code, r.line, r.settled_by, r.message) for r in speech.review if r.code == "no-issuer"] == [
        ("no-issuer", 1, "issuer", "版头“一份公文文件”不像机关的名称，没有当作发文机关：请写明发文机关")]
    # an organ's name over 文件 is its issuer
    path.write_text(NON_ORGAN_MASTHEAD.replace("一份公文文件", "某某县档案局文件"), encoding="utf-8")
    speech = speech_of(path, rules)
    assert speech.issuer == "某某县档案局" and not [r for r in speech.review if r.code == "no-issuer"]


@pytest.mark.parametrize("line, names", [
    ("各区县党委组织部、人力资源社会保障局：", ["各区县党委组织部、人力资源社会保障局"]),
    ("各乡镇党委，县直各单位党组（党委）：", ["各乡镇党委", "县直各单位党组（党委）"]),
    ("市委组织部、市人社局：", ["市委组织部", "市人社局"]),
    ("主送机关：各部门、各单位", ["各部门", "各单位"]),
    ("各省、自治区、直辖市党委组织部，中央和国家机关各部委：", ["各省、自治区、直辖市党委组织部", "中央和国家机关各部委"]),
    ("各部门，、，各单位：", ["各部门", "各单位"]),  # a group of nothing but 、 names no one (hypothesis found it crash)
])
def test_addressees_split_only_where_each_names_its_own_place(line, names):
    from build_kb.ingest.gongwen import read_addressees

    assert read_addressees(line) == names


def test_a_gongwen_s_date_alone_under_a_text_without_sentences_is_its_signing_date(rules, tmp_path):
    """A template's 公文 (正文 still a placeholder, no 署名): the date alone above the 版记 is its 成文日期."""
    path = tmp_path / "公文模板.txt"
    path.write_text("某某县教育局文件\n某教发〔2024〕3号\n某某县教育局关于假期安排的通知\n各学校：\n正文部分\n联系人：王某\n"
                    "2024年1月20日\n抄送：县政府办公室。\n某某县教育局　　2024年1月20日印发\n", encoding="utf-8")
    speech = speech_of(path, rules)
    assert (speech.title, speech.date, speech.issuer, speech.addressees) == ("某某县教育局关于假期安排的通知", "2024-01-20", "某某县教育局", ["各学校"])
