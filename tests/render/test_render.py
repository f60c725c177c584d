"""render/: the knowledge base as pages, without touching disk — pure formatting of the model."""

from __future__ import annotations

from build_kb.model import Paragraph, TermLink
from build_kb.render.common import Site, date_cn, paragraph_html, rel, section_location
from build_kb.render.pages import render_pages


def test_every_page_is_planned(seed_kb):
    pages = render_pages(seed_kb)
    expected = {"index.md", "speeches/index.md", "timeline.md", "speakers.md", "occasions.md", "themes/index.md", "terms/index.md", "review.md", "search.md", "basket.md", "compare.md"}
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
        f'<p class="kb-p" id="p1"><a class="kb-pn" href="#p1">1</a>坚决做到'
        f'<a href="../../terms/{term.id}/">{term.term}</a>。</p>'
    )


def test_a_term_link_names_its_term_only_when_its_text_is_another_form_of_it(seed_kb):
    site = Site(seed_kb)
    term = seed_kb.terms[0]
    p = Paragraph(id="p2", number=2, text="坚决做到XY。", line=1, term_links=[TermLink(4, 6, term.id)])
    html = paragraph_html(p, site.term_links(p), "speeches/x/")
    assert f'<a href="../../terms/{term.id}/" title="提法：{term.term}">XY</a>' in html


def test_relative_links_work_under_any_sub_path():
    assert rel("", "themes/cadres/") == "themes/cadres/"
    assert rel("speeches/x/", "themes/cadres/") == "../../themes/cadres/"
    assert rel("themes/cadres/2020/", "") == "../../../"
    assert rel("", "") == "./"


def test_dates_and_places_in_citations(seed_speech):
    speech = seed_speech("000")
    assert date_cn(speech) == "2018年2月27日"
    assert section_location(speech.all_sections()[2]) == "第一部分第一节"


def test_a_page_made_later_is_made_when_asked_for_and_again_after_release():
    from build_kb.render.common import HtmlPage

    made = []

    def fill(page):
        made.append(1)
        page.heading(2, "一、总体要求", "s1")
        page.add("<p>正文</p>")

    page = HtmlPage.later("标题", fill, hide=["navigation"])
    assert made == [] and page.made_later and page.stub() == HtmlPage("标题", hide=["navigation"]).stub()
    assert [t["id"] for t in page.toc] == ["s1"] and made == [1]
    html = page.html
    assert page.html == html and made == [1]  # made once, however often asked
    page.release()
    assert page.html == html and [t["id"] for t in page.toc] == ["s1"] and made == [1, 1]  # made again, the same
    eager = HtmlPage("标题")
    eager.add("<p>正文</p>")
    assert not eager.made_later and eager.html == "<p>正文</p>"
    eager.release()
    assert eager.html == ""


def test_generated_pages_are_made_later_and_equal_what_they_make(seed_kb):
    pages = render_pages(seed_kb)
    later = {path for path, page in pages.items() if page.made_later}
    assert {f"speeches/{s.id}.md" for s in seed_kb.speeches} <= later
    assert {f"terms/{t.id}.md" for t in seed_kb.terms} <= later
    for path in sorted(later)[:5]:
        first = pages[path].html
        pages[path].release()
        assert pages[path].html == first


def test_an_editors_note_under_the_title_is_shown_on_the_page_and_in_the_handout(tmp_path):
    from build_kb.pipeline import build_knowledge_base
    from build_kb.render.handout import speech_handout

    from conftest import make_corpus

    text = "在全县组织工作会议上的讲话\n（根据录音整理，未经本人审阅）\n县委书记 张华\n同志们：\n一、提高政治站位\n要把党的政治建设摆在首位。\n"
    kb = build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": text}))
    speech = kb.speeches[0]
    html = next(page.html for name, page in render_pages(kb).items() if name.startswith(speech.url.rstrip("/")))
    assert "<dt>题注</dt><dd>（根据录音整理，未经本人审阅）</dd>" in html
    assert speech_handout(speech, "组织部").blocks[0] == {"kind": "note", "text": "（根据录音整理，未经本人审阅）"}


def test_a_date_the_text_does_not_state_says_what_it_rests_on_and_the_texts_own_says_nothing(tmp_path):
    from build_kb.pipeline import build_knowledge_base

    from conftest import make_corpus

    body = "同志们：\n今天召开全县组织工作会议。{said}\n一、加强党的政治建设\n要把党的政治建设摆在首位，坚决做到“两个维护”。\n"
    texts = {
        "worked-out.txt": "在全县组织工作会议上的讲话\n" + body.format(said="今年是“十四五”开局之年，做好工作意义重大。"),
        "dated.txt": "在全县人才工作会议上的讲话\n（2021年3月2日）\n同志们：\n今年是“十四五”开局之年。\n一、聚焦高层次人才\n要完善人才引进政策，让各类人才安心干事创业。\n",
    }
    kb = build_knowledge_base(make_corpus(tmp_path / "c", texts))
    pages = render_pages(kb)
    shown = {}
    for speech in kb.speeches:
        html = next(page.html for name, page in pages.items() if name.startswith(speech.url.rstrip("/")))
        shown[speech.source.rel_path] = (speech.date_source, html[html.index("<dt>日期</dt>") : html.index("</dd>", html.index("<dt>日期</dt>")) + 5])
    assert shown == {
        "worked-out.txt": ("context", '<dt>日期</dt><dd>2021年<span class="kb-date-basis">（年份由正文内容推断，原文没有写明）</span></dd>'),
        "dated.txt": ("header", "<dt>日期</dt><dd>2021年3月2日</dd>"),
    }


def test_a_date_the_text_does_not_state_is_cited_in_square_brackets(tmp_path):
    # GB/T 7714's estimated year, [2021年]: wherever a date leaves its speech's page (a citation, a handout's
    # source line, the speech lists, the search index a copied citation is made from), its doubt goes with it
    from build_kb.pipeline import build_knowledge_base
    from build_kb.publish.search_index import _entry_of
    from build_kb.render.common import citation, cited_date
    from build_kb.render.handout import full_citation, source_line

    from conftest import make_corpus

    texts = {
        "worked-out.txt": "在全县组织工作会议上的讲话\n同志们：\n今年是“十四五”开局之年，做好工作意义重大。\n一、加强党的政治建设\n要把党的政治建设摆在首位。\n",
        "dated.txt": "在全县人才工作会议上的讲话\n（2021年3月2日）\n同志们：\n一、聚焦高层次人才\n要完善人才引进政策。\n",
    }
    kb = build_knowledge_base(make_corpus(tmp_path / "c", texts))
    by_file = {speech.source.rel_path: speech for speech in kb.speeches}
    inferred, stated = by_file["worked-out.txt"], by_file["dated.txt"]
    assert (cited_date(inferred), cited_date(stated)) == ("[2021年]", "2021年3月2日")
    section = inferred.sections[-1]
    assert f'（<span class="kb-nowrap">[2021年]</span>）第一部分</a></p>' in citation(inferred, section, "themes/x/")
    assert full_citation(inferred, section) == "——《在全县组织工作会议上的讲话》（[2021年]）第一部分“加强党的政治建设”"
    assert source_line(inferred, with_speaker=False) == "（[2021年]在全县组织工作会议上的讲话）"
    assert source_line(stated, with_speaker=False) == "（2021年3月2日在全县人才工作会议上的讲话）"
    assert _entry_of(inferred, {}, None).row[:2] == ["在全县组织工作会议上的讲话", "[2021年]"]  # meta.js: results and copied citations
    lists = [page.html for name, page in render_pages(kb).items() if not name.startswith("speeches/")]
    assert any('<span class="kb-date">[2021年]</span>' in html for html in lists)


def test_a_gongwen_s_issuer_number_addressees_and_attachments_are_in_the_page_header(tmp_path):
    from build_kb.pipeline import build_knowledge_base

    from conftest import make_corpus

    text = (
        "中共某某县委组织部文件\n某组发〔2023〕5号\n关于进一步加强村级后备干部队伍建设的通知\n各乡镇党委，县直各单位党组（党委）：\n"
        "现就有关事项通知如下。\n一、明确目标任务\n各乡镇要建立村级后备干部人才库。\n附件：村级后备干部推荐表\n中共某某县委组织部\n2023年5月30日\n"
    )
    kb = build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": text}))
    speech = kb.speeches[0]
    html = next(page.html for name, page in render_pages(kb).items() if name.startswith(speech.url.rstrip("/")))
    assert (
        "<dt>发文机关</dt><dd>中共某某县委组织部</dd><dt>发文字号</dt><dd>某组发〔2023〕5号</dd>"
        "<dt>主送</dt><dd>各乡镇党委、县直各单位党组（党委）</dd><dt>附件</dt><dd>村级后备干部推荐表</dd>"
    ) in html
    assert speech.title == "关于进一步加强村级后备干部队伍建设的通知" and speech.date == "2023-05-30"
    assert "各乡镇党委" not in "".join(p.text for p in speech.all_paragraphs())


def test_a_gongwen_prints_its_addressees_over_the_text_and_its_attachments_organ_and_date_under_it(tmp_path):
    """A printed 公文 reads as one (GB/T 9704): 发文字号 under the title, 主送 over the text, then
    附件说明, 署名 and 成文日期 after the text and before the attachments' own texts. Hidden on the
    screen (the facts list shows them), printed by kb.css; the facts list says 成文日期 and gives
    each attachment a line."""
    from build_kb.pipeline import build_knowledge_base

    from conftest import make_corpus

    text = (
        "中共某某县委组织部文件\n某组发〔2023〕5号\n关于做好年度考核工作的通知\n各乡镇党委，县直各单位党组（党委）：\n"
        "现就有关事项通知如下。\n一、明确考核范围\n全体干部参加年度考核。\n二、把握时间节点\n12月底前完成考核。\n"
        "附件：1．年度考核登记表\n2．优秀等次人员推荐表\n中共某某县委组织部\n2023年11月30日\n附件1\n年度考核登记表\n姓名、单位、职务。\n"
    )
    kb = build_knowledge_base(make_corpus(tmp_path / "c", {"a.txt": text}))
    speech = kb.speeches[0]
    html = next(page.html for name, page in render_pages(kb).items() if name.startswith(speech.url.rstrip("/")))
    byline, addressees = '<p class="kb-byline" hidden>（某组发〔2023〕5号）</p>', '<p class="kb-addressees" hidden>各乡镇党委、县直各单位党组（党委）：</p>'
    assert html.index("</h1>") < html.index(byline) < html.index(addressees) < html.index('<dl class="kb-meta">')
    assert "<dt>成文日期</dt><dd>2023年11月30日</dd>" in html and "<dt>附件</dt><dd>1．年度考核登记表<br>2．优秀等次人员推荐表</dd>" in html
    end = (
        '<div class="kb-document-end" hidden><p class="kb-attachment"><span class="kb-attachment__label">附件：</span>1．年度考核登记表</p>'
        '<p class="kb-attachment"><span class="kb-attachment__label"></span>2．优秀等次人员推荐表</p>'
        '<p class="kb-signed"><span>中共某某县委组织部</span><span>2023年11月30日</span></p></div>'
    )
    assert html.index("12月底前完成考核。") < html.index(end) < html.index(">附件1<")


def test_what_a_gongwen_and_its_attachments_are_told_by():
    from types import SimpleNamespace

    from build_kb.model import Section
    from build_kb.render.pages import is_attachment, is_document

    headings = ("附件", "附件1", "附件二：推荐表", "附 件 3 登记表", "附件说明", "附件材料要齐全", "")
    assert [is_attachment(Section(id="s1", level=1, heading=h, line=1)) for h in headings] == [True, True, True, True, False, False, False]

    def speech(issuer=None, addressees=(), speaker=None):
        return SimpleNamespace(issuer=issuer, addressees=list(addressees), speaker=speaker)

    assert is_document(speech(issuer="某县委组织部")) and is_document(speech(addressees=["各乡镇党委"]))
    assert not is_document(speech(issuer="某县委组织部", speaker="张华")) and not is_document(speech())


def test_term_snippets_are_cut_at_clause_boundaries():
    """clause_cut's examples (its docstring): …… where words were left out, none before a new
    sentence or after a finished one, nothing cut from a side that reaches the paragraph's edge."""
    import doctest

    from build_kb.render import browse

    result = doctest.testmod(browse)
    assert result.attempted >= 4 and result.failed == 0
