"""A number and the unit it counts, set apart by a space as Word and PDF files set them (`15 日上午，…`, `3 月以来`,
`120 余名党员`): never parted, so the number is never taken for a page counter and lost (#33, round 14's data loss: a
news article in Word whose lead opens with its day lost the day). A site's credit before a lead is still parted off.
Every text here is made up in the style of such files."""

from __future__ import annotations


from build_kb.ingest import clean as clean_module
from build_kb.ingest.clean import a_number_and_its_unit, split_off_a_leading_credit
from build_kb.model import Line
from tests.ingest.test_documents import rules, speech_of  # noqa: F401 (rules: the corpus's boilerplate, a fixture)

from conftest import failed_examples


def test_the_reader_s_examples():
    assert failed_examples(a_number_and_its_unit) == 0


def test_a_lead_opening_with_its_day_is_not_parted_as_a_credit_and_its_lead():
    lines = [Line(1, "15 日上午，全市组织工作会议召开，市委常委、组织部部长出席会议并讲话。"),
             Line(2, "8 月以来，全县各级党组织认真开展主题教育，党员干部受到深刻教育。"),
             Line(3, "本报讯 2 名干部受到表彰，全县干部队伍建设取得新的进展，受到群众好评。")]
    out, splits = split_off_a_leading_credit(lines, lambda text: text.strip().isdigit() or text.startswith("本报讯"))
    # the credit's own space is still where the line parts: the count stays with its unit
    assert [line.text for line in out] == [lines[0].text, lines[1].text, "本报讯", "2 名干部受到表彰，全县干部队伍建设取得新的进展，受到群众好评。"]
    assert [(split.line, split.pieces) for split in splits] == [(3, 2)]


def test_a_credit_before_a_lead_that_opens_with_its_day_is_still_parted_off():
    out, splits = split_off_a_leading_credit([Line(1, "记者 某某 通讯员 某某某 15 日上午，全县组织工作会议召开，县委书记某某出席会议并讲话。")])
    assert [line.text for line in out] == ["记者 某某 通讯员 某某某", "15 日上午，全县组织工作会议召开，县委书记某某出席会议并讲话。"]
    assert len(splits) == 1


def test_a_word_news_article_keeps_every_day_and_count_that_opens_a_paragraph(rules, tmp_path):
    import docx

    document = docx.Document()
    paragraphs = ("某某区召开基层党建工作推进会", "15 日上午，全区基层党建工作推进会召开。区委常委、组织部部长王某某出席会议并讲话。",
                  "会议指出，要坚持大抓基层的鲜明导向，持续推动基层党组织全面进步全面过硬。",
                  "3 月以来，全区各级党组织对照清单逐项整改，补齐短板弱项。",
                  "120 余名党员代表参加会议。")
    for text in paragraphs:
        document.add_paragraph(text)
    path = tmp_path / "report.docx"
    document.save(path)
    _, speech = speech_of(path, rules)
    # every number stays (the space Word kept before the lead's day goes with the date's normalisation)
    assert [p.text for p in speech.all_paragraphs()] == [paragraphs[1].replace("15 日", "15日"), *paragraphs[2:]]
    assert [removed.text for removed in speech.clean.removed] == []
