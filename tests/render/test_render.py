"""render/: the knowledge base as pages, without touching disk — pure formatting of the model."""

from __future__ import annotations

from build_kb.model import Paragraph, TermLink
from build_kb.render.common import Site, date_cn, paragraph_html, rel, section_location
from build_kb.render.pages import render_pages


def test_every_page_is_planned(seed_kb):
    pages = render_pages(seed_kb)
    expected = {"index.md", "speeches/index.md", "timeline.md", "speakers.md", "occasions.md", "themes/index.md", "terms/index.md", "review.md", "search.md"}
    expected |= {f"speeches/{s.id}.md" for s in seed_kb.speeches} | {f"themes/{t.id}.md" for t in seed_kb.themes}
    expected |= {f"terms/{t.id}.md" for t in seed_kb.terms}
    assert set(pages) == expected


def test_rendering_twice_gives_the_same_html(seed_kb):
    first, second = render_pages(seed_kb), render_pages(seed_kb)
    assert {k: v.html for k, v in first.items()} == {k: v.html for k, v in second.items()}


def test_render_reads_term_links_from_the_model(seed_kb):
    site = Site(seed_kb)
    term = seed_kb.terms[0]
    p = Paragraph(id="p1", number=1, text="坚决做到" + term.term + "。", line=1, term_links=[TermLink(4, 4 + len(term.term), term.id)])
    html = paragraph_html(p, site.term_links(p), "speeches/x/")
    assert html == (
        f'<p class="kb-p" id="p1"><a class="kb-pn" href="#p1" title="第1段（点击复制链接）">1</a>坚决做到'
        f'<a class="kb-term" href="../../terms/{term.id}/" title="提法：{term.term}">{term.term}</a>。</p>'
    )


def test_relative_links_work_under_any_sub_path():
    assert rel("", "themes/cadres/") == "themes/cadres/"
    assert rel("speeches/x/", "themes/cadres/") == "../../themes/cadres/"
    assert rel("themes/cadres/2020/", "") == "../../../"
    assert rel("", "") == "./"


def test_dates_and_places_in_citations(seed_speech):
    speech = seed_speech("000")
    assert date_cn(speech) == "2018年2月27日"
    assert section_location(speech.all_sections()[2]) == "第一部分第一节"
