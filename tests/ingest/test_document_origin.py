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
