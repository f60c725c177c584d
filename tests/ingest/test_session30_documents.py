"""Session 30, documents: real documents' shapes as made-up files (typst PDFs, python-docx), each with its near miss."""
from __future__ import annotations

import pytest

from tests.ingest.test_round14_documents import outline, speech_of  # as kb add stores a file, and its outline

PAGE = '#set page(paper: "a5")\n#set text(font: "Noto Serif CJK SC", size: 11pt, lang: "zh")\n'


def _typst_pdf(path, body: str):
    import typst

    path.write_bytes(typst.compile((PAGE + body).encode("utf-8")))
    return path


def _kept(speech) -> list[str]:
    return [paragraph.text for paragraph in speech.all_paragraphs()]


# --- a list under a minutes' title set large: the items are its text, never more of the title -------------------------

MINUTES_ITEMS = ["新用户注册送十元优惠券，老用户推荐朋友得积分", "到店自提点设在社区服务站（按地图选择）", "周卡、月卡、储值", "积分抵扣运费", "如何核对"]


def test_short_items_under_a_minutes_title_set_large_are_its_text_and_none_is_lost(tmp_path):
    body = "#align(center, text(size: 18pt)[周例会纪要])\n\n" + "\n\n".join(MINUTES_ITEMS) + \
        "\n\n门店作为前置仓，第三方作为合作伙伴，统一调度。如果附近门店缺货，就从中心仓发货。\n"
    converted, speech = speech_of(_typst_pdf(tmp_path / "纪要.pdf", body))
    assert converted.title == "周例会纪要"
    assert speech.title == "周例会纪要" and speech.speaker is None  # 如何核对 was read as a byline's name
    assert _kept(speech)[:5] == MINUTES_ITEMS


def test_a_title_wrapped_over_two_lines_under_its_mark_stays_one_title():
    from build_kb.ingest.parse import parse
    from build_kb.model import Line

    text = ["某某材料表面形态及", "辐射效应数值研究", "", "本文研究某某材料在高温下的形态变化，并给出数值结果。"]
    parsed = parse([Line(k + 1, t) for k, t in enumerate(text)], given_title="某某材料表面形态及")
    assert parsed.header.title == "某某材料表面形态及辐射效应数值研究"
