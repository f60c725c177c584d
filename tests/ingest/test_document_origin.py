"""Evidence only a web page gives never removes a line of a Word or PDF document (evidence.verdict_by_origin)."""

from __future__ import annotations

import docx

from build_kb.check import check_report
from build_kb.curate import add_files
from build_kb.pipeline import build_knowledge_base

from conftest import make_corpus

REPORT = [
    "2024年度宣传思想工作总结",
    "一、基本情况",
    "今年以来，我们坚持以习近平新时代中国特色社会主义思想为指导，扎实推进宣传思想工作，取得了明显成效。",
    "二、主要做法",
    "（一）拓展网络宣传阵地。",
    "微信公众号阅读量、转发量均突破10万",
    "（二）畅通群众反映渠道。设立宣传工作热线，方便群众反映问题和提出建议。",
    "联系电话：0000-1234567",
    "（三）加强队伍建设。全年举办培训班三期，培训宣传骨干150人次，队伍素质明显提升。",
    "三、下一步打算",
    "我们将继续加强阵地建设，推动宣传思想工作再上新台阶。",
]
WEB_ONLY_LINES = ["微信公众号阅读量、转发量均突破10万", "联系电话：0000-1234567"]


def _imported(tmp_path, name: str):
    corpus = make_corpus(tmp_path / "corpus", {})
    (result,) = add_files([tmp_path / name], corpus)
    assert result.status == "imported"
    (speech,) = check_report(build_knowledge_base(corpus))["speeches"]
    return speech


def test_a_word_reports_contact_and_wechat_lines_stay_and_are_sent_to_a_person(tmp_path):
    document = docx.Document()
    for line in REPORT:
        document.add_paragraph(line)
    document.save(tmp_path / "宣传工作总结.docx")
    speech = _imported(tmp_path, "宣传工作总结.docx")
    assert [d["text"] for d in speech["doubtful"]] == WEB_ONLY_LINES
    assert [x["settled_by"] for x in speech["to_check"] if x["code"] == "doubtful-line"] == ["drop_lines", "drop_lines"]
    assert [(r["line"], r["rule"], r["text"]) for r in speech["removed"]] == []


def test_the_same_lines_in_a_saved_web_page_still_go(tmp_path):
    page = "<html><head><meta charset='utf-8'><title>宣传工作总结</title></head><body>" + "".join(f"<p>{line}</p>" for line in REPORT) + "</body></html>"
    (tmp_path / "宣传工作总结.html").write_text(page, encoding="utf-8")
    speech = _imported(tmp_path, "宣传工作总结.html")
    assert [d["text"] for d in speech["doubtful"]] == []
    assert [(r["rule"], r["text"]) for r in speech["removed"]] == [("chrome-evidence", line) for line in WEB_ONLY_LINES]


SLIDES = [
    "党建系统使用说明",
    "一、系统登录",
    "各级党组织管理员使用统一身份认证账号登录本系统，按照各自权限开展党员信息管理、入党申请审批等工作。",
    "注意事项",
    "每个身份证只能注册一个账号",
    "密码由6-16位的字母、下划线和数字组成",
    "二、审批流程",
    "党支部完成审核前，党支部管理员可以打回申请",
    "序号 项目名称 数值 备注",
    "1 测试项目A 100 正常",
    "2 测试项目B 200 正常",
    "三、工作要求",
    "各级党组织要高度重视系统使用工作，确保党员信息准确完整，按时完成各项审批。",
]


def test_a_documents_bullets_and_table_rows_are_no_web_pages_layout(tmp_path):
    """Short lines of a Word or PDF document — a slide's bullets, a table's rows — look like a web page's menu,
    captions and footer only by their place and shape (evidence.WEB_PAGE_LAYOUT): in a document that evidence
    counts for nothing, so none of them is removed or sent to a person; the lines whose verdict it changed are counted."""
    document = docx.Document()
    for line in SLIDES:
        document.add_paragraph(line)
    document.save(tmp_path / "使用说明.docx")
    speech = _imported(tmp_path, "使用说明.docx")
    assert [d["text"] for d in speech["doubtful"]] == []
    assert [r["text"] for r in speech["removed"]] == []
    assert [x["code"] for x in speech["to_check"] if x["code"] == "doubtful-line"] == []


ABSTRACT = ("This paper studies how grassroots Party organisations in rural counties train their members, "
            "drawing on interviews and records from several townships over three years.")


def test_a_documents_paragraph_in_english_is_kept_and_sent_to_a_person_a_pages_goes(tmp_path):
    """A thesis's English abstract is the writer's own text: in a Word file it stays (待核对, drop_lines), never removed
    silently as a site's machine translation under its text is."""
    lines = [REPORT[0], "摘要：本文研究农村基层党组织怎样培训党员，依据几个乡镇三年来的访谈和记录，提出改进建议。", "Abstract", ABSTRACT, *REPORT[1:3]]
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(tmp_path / "论文.docx")
    speech = _imported(tmp_path, "论文.docx")
    assert [d["text"] for d in speech["doubtful"]] == [ABSTRACT]
    assert [r["text"] for r in speech["removed"]] == ["摘要："]  # the abstract's label, parted off its paragraph
    page = "<html><head><meta charset='utf-8'><title>论文</title></head><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>"
    (tmp_path / "论文.html").write_text(page, encoding="utf-8")
    speech = _imported(tmp_path, "论文.html")
    assert ABSTRACT in [r["text"] for r in speech["removed"]]
