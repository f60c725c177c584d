"""Working with the texts in a real Chromium (issue #37): 复制引文, search scopes, the 材料篮.

Every expectation is computed here from kb.json (or the configuration), the way a reader would
check it by hand: the copied text is the paragraph plus the configured citation."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_kb.config import DEFAULT_CITATION
from build_kb.publish.reader_settings import format_citation
# The browser tests' marks (Chromium needed) and their page fixture.
from test_browser import page, pytestmark  # noqa: F401


def _speech(seed_json, date):
    return next(s for s in seed_json["speeches"] if s["date"] == date)


def _paragraphs(speech):
    def walk(sections):
        for section in sections:
            yield from ((p, section) for p in section["paragraphs"])
            yield from walk(section["sections"])
    yield from walk(speech["sections"])


def test_a_paragraph_is_copied_with_its_citation_by_button_and_by_keyboard(page, server, seed_site, seed_json):
    site, _ = seed_site
    speech = _speech(seed_json, "2018-02-27")
    paragraph = next(p for p, _ in _paragraphs(speech) if p["id"] == "p12")
    citation = format_citation(DEFAULT_CITATION, {"title": speech["title"], "date": "2018年2月27日", "speaker": speech["speaker"]})
    assert citation == "（摘自《在全区组织工作会议上的讲话》，2018年2月27日，喻显镔）"
    for base in (server, site.as_uri() + "/"):
        page.goto(base + f"speeches/{speech['id']}/" + ("" if base == server else "index.html"))
        page.locator("#p12").hover()
        page.locator("#p12 .kb-tools button[data-act=copy]").click()
        page.wait_for_function("document.documentElement.hasAttribute('data-kb-copied')")
        assert page.evaluate("document.documentElement.getAttribute('data-kb-copied')") == paragraph["text"] + citation
        if base == server:  # what the clipboard itself holds (a page may read it only when allowed)
            page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.split("/site/")[0])
            assert page.evaluate("navigator.clipboard.readText()") == paragraph["text"] + citation
        # Keyboard alone: Tab reaches the paragraph's number, C copies.
        page.evaluate("document.documentElement.removeAttribute('data-kb-copied')")
        page.locator('a.kb-pn[href="#p13"]').focus()
        page.keyboard.press("c")
        page.wait_for_function("document.documentElement.hasAttribute('data-kb-copied')")
        p13 = next(p for p, _ in _paragraphs(speech) if p["id"] == "p13")
        assert page.evaluate("document.documentElement.getAttribute('data-kb-copied')") == p13["text"] + citation


def test_scrolled_to_the_end_the_basket_badge_covers_nothing_on_a_phone(page, server, seed_site):
    """The badge stands fixed in the corner: at a page's end it covered the last line (a theme page's last
    citation, a speech's 下一篇) with nothing left to scroll. The page now ends above it."""
    _, kb = seed_site
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + kb.speeches[0].url)
    page.locator("#p2").hover()
    page.locator("#p2 .kb-tools button[data-act=basket]").click()
    page.wait_for_selector(".kb-basket-badge")  # the citation's settings come first: the item is kept after
    for path in (kb.speeches[0].url, "themes/grassroots/", "review/"):
        page.goto(server + path)
        page.wait_for_selector(".kb-basket-badge")
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        badge_top, content_bottom = page.evaluate("""() => [document.querySelector('.kb-basket-badge').getBoundingClientRect().top,
            Math.max(...[...document.querySelectorAll('.md-content__inner > *')].map(e => e.getBoundingClientRect().bottom))]""")
        assert content_bottom <= badge_top, (path, content_bottom, badge_top)


def _section_text(section):
    lines = [section["heading"]] + [p["text"] for p in section["paragraphs"]]
    for child in section["sections"]:
        lines += _section_text(child)
    return lines


def test_theme_excerpts_term_uses_and_search_hits_are_copied_with_their_citation(page, server, seed_json):
    speech = _speech(seed_json, "2018-02-27")
    citation = "（摘自《在全区组织工作会议上的讲话》，2018年2月27日，喻显镔）"
    copied = "document.documentElement.getAttribute('data-kb-copied')"
    # A theme page's excerpt is a whole section: its heading, paragraphs and subsections.
    page.goto(server + "themes/cadres/")
    excerpt = page.locator(".kb-excerpt", has=page.locator(f"a[href$='{speech['id']}/#s3'], a[href$='{speech['id']}/index.html#s3']"))
    excerpt.hover()
    excerpt.locator(".kb-tools button[data-act=copy]").click()
    page.wait_for_function(f"{copied} !== null")
    s3 = next(s for s in speech["sections"] if s["id"] == "s3")
    assert page.evaluate(copied) == "\n".join(_section_text(s3)) + citation
    # A 提法 page's use is its paragraph.
    term = next(t for t in seed_json["terms"] if t["id"] == "di-yi-shu-ji")
    page.goto(server + f"terms/{term['id']}/")
    use = page.locator("ul.kb-kwic > li").first
    href = use.locator("a").first.get_attribute("href")
    target = next(s for s in seed_json["speeches"] if s["id"] in href)
    paragraph = next(p for p, _ in _paragraphs(target) if href.endswith("#" + p["id"]))
    use.locator("a").first.focus()
    page.keyboard.press("c")
    page.wait_for_function(f"{copied} !== null")
    date = f"{target['year']}年" if target["date"] is None or len(target["date"]) == 4 else None
    expected = paragraph["text"] + format_citation(DEFAULT_CITATION, {"title": target["title"], "date": page.evaluate(
        "id => KBSearch.meta().then(m => m.speeches.find(r => r[6] === id)[1])", target["id"]) if target["year"] else "", "speaker": target["speaker"] or ""})
    assert date is None or date in expected
    assert page.evaluate(copied) == expected
    # A search result.
    page.goto(server + "search/?q=" + "好干部标准")
    page.wait_for_selector("#kb-results[data-done]")
    hit = page.locator("li.kb-results__hit").first
    href = hit.locator(".kb-results__cite a").get_attribute("href")
    hit.hover()
    hit.locator(".kb-tools button[data-act=copy]").click()
    page.wait_for_function(f"{copied} !== null")
    target = next(s for s in seed_json["speeches"] if s["id"] in href)
    paragraph = next(p for p, _ in _paragraphs(target) if href.endswith("#" + p["id"]))
    assert page.evaluate(copied).startswith(paragraph["text"] + "（摘自《" + target["title"] + "》")
    # A hit in the header box's list: to the basket by keyboard.
    page.locator(".md-header input.kb-search__input").fill("好干部标准")
    page.wait_for_selector(".kb-search[data-done]")
    page.locator("ul.kb-search__hits > li a.kb-search__hit").first.focus()
    page.keyboard.press("b")
    page.wait_for_selector(".kb-basket-badge")
    basket = page.evaluate("KBWork.basketRead().items")
    href = page.locator("ul.kb-search__hits > li a.kb-search__hit").first.get_attribute("href")
    assert [(i["speech"], i["anchor"]) for i in basket] == [(target["id"], href.rsplit("#", 1)[1])] and target["id"] in href


def _scan(kb, include, exclude, scope):
    """(hits, speeches, hits by year) of a query in a scope, by reading every record's text."""
    import re

    from build_kb.publish.search_index import normalise_for_search, speech_records

    hits, speeches, years = 0, 0, {}
    for speech in kb.speeches:
        texts = [normalise_for_search(r[1]) for r in speech_records(speech, {})]
        if scope == "speech":
            whole = "\n".join(texts)
            if not all(w in whole for w in include) or any(w in whole for w in exclude):
                continue
            found = [t for t in texts if any(w in t for w in include)]
        elif scope == "sentence":
            found = [t for t in texts if not any(w in t for w in exclude)
                     and any(all(w in s for w in include) for s in re.split("(?<=[。！？；])", t))]
        else:
            found = [t for t in texts if all(w in t for w in include) and not any(w in t for w in exclude)]
        if found:
            hits += len(found)
            speeches += 1
            year = str(speech.year) if speech.year else "?"  # the results page's 年份不详
            years[year] = years.get(year, 0) + len(found)
    return hits, speeches, years


@pytest.mark.parametrize("query", ["干部 监督", "基层 党组织 书记", "人才 -干部", "组织 工作"])
def test_search_scopes_give_the_totals_and_facets_of_a_scan(page, server, seed_site, query):
    site, kb = seed_site
    include = [w for w in query.split() if not w.startswith("-")]
    exclude = [w[1:] for w in query.split() if w.startswith("-")]
    counts = {}
    for scope in ("para", "sentence", "speech"):
        hits, speeches, years = _scan(kb, include, exclude, scope)
        counts[scope] = hits
        base = server if scope != "sentence" else site.as_uri() + "/"
        page.goto(base + "search/" + ("" if base == server else "index.html") + f"?q={query}&scope={scope}")
        page.wait_for_function("() => document.getElementById('kb-results').hasAttribute('data-done')", timeout=15000)
        results = page.locator("#kb-results")
        assert results.get_attribute("data-scope") == scope
        assert (int(results.get_attribute("data-hits") or 0), int(results.get_attribute("data-speeches") or 0)) == (hits, speeches), scope
        shown = page.eval_on_selector_all("button[data-facet=year]", "bs => bs.map(b => [b.dataset.value, +b.querySelector('.kb-facet__count').textContent])")
        assert dict(shown) == years, scope
        if scope != "para":
            assert page.locator(".kb-results__scope").input_value() == scope
    # The scopes nest: a sentence is in a passage, a passage in a speech (an excluded word takes a
    # passage away in 同段 and 同句, a whole speech in 同篇).
    assert counts["sentence"] <= counts["para"] and (exclude or counts["para"] <= counts["speech"])


def test_the_scope_is_in_the_address_and_the_csv_follows_it(page, server, seed_site):
    site, kb = seed_site
    page.goto(server + "search/?q=干部 监督")
    page.wait_for_function("() => document.getElementById('kb-results').hasAttribute('data-done')")
    page.locator(".kb-results__scope").select_option("sentence")
    page.wait_for_function("() => document.getElementById('kb-results').getAttribute('data-scope') === 'sentence' && document.getElementById('kb-results').hasAttribute('data-done')")
    assert "scope=sentence" in page.url
    page.locator(".kb-results__csv").click()
    page.wait_for_function("() => document.getElementById('kb-results').hasAttribute('data-csv')")
    rows = page.locator("#kb-results").get_attribute("data-csv").strip("\ufeff").strip("\r\n").split("\r\n")
    assert len(rows) - 1 == _scan(kb, ["干部", "监督"], [], "sentence")[0]


@pytest.mark.parametrize("over", ["http", "file"])
def test_a_basket_of_five_survives_navigation_is_reordered_and_prints(page, server, seed_site, seed_json, over, tmp_path):
    import shutil
    import subprocess

    site, _ = seed_site
    base = server if over == "http" else site.as_uri() + "/"
    index = "" if over == "http" else "index.html"
    speech = _speech(seed_json, "2018-02-27")
    by_id = {p["id"]: p["text"] for p, _ in _paragraphs(speech)}
    items = "() => +(document.querySelector('.kb-basket-badge') || {textContent: '0'}).textContent.replace(/\\D/g, '')"

    page.goto(base + f"speeches/{speech['id']}/{index}")
    for anchor in ("p3", "p4"):
        page.locator(f"#{anchor}").hover()
        page.locator(f"#{anchor} .kb-tools button[data-act=basket]").click()
    page.locator('a.kb-pn[href="#p5"]').focus()
    page.keyboard.press("b")
    page.wait_for_function(f"({items})() === 3")
    page.goto(base + f"themes/cadres/{index}")
    excerpt = page.locator(".kb-excerpt", has=page.locator(f"a[href$='{speech['id']}/#s3'], a[href$='{speech['id']}/index.html#s3']"))
    excerpt.hover()
    excerpt.locator(".kb-tools button[data-act=basket]").click()
    page.wait_for_function(f"({items})() === 4")
    page.goto(base + f"speeches/{speech['id']}/{index}")
    page.locator("#p3").hover()
    page.locator("#p3 .kb-tools button[data-act=basket]").click()  # once only
    page.locator("#p12").hover()
    page.locator("#p12 .kb-tools button[data-act=basket]").click()
    page.wait_for_function(f"({items})() === 5")

    page.locator(".kb-basket-badge").click()
    page.wait_for_selector("#kb-basket[data-items='5']")
    s3 = next(s for s in speech["sections"] if s["id"] == "s3")
    texts = page.eval_on_selector_all(".kb-basket__item--passage", "lis => lis.map(li => Array.from(li.querySelectorAll('.kb-basket__text')).map(p => p.textContent).join('\\n'))")
    assert texts == [by_id["p3"], by_id["p4"], by_id["p5"], "\n".join(_section_text(s3)), by_id["p12"]]
    # A title, a heading moved to the top, one item removed: kept over a reload.
    page.fill("#kb-basket-title", "学习材料（测试）")
    page.locator("#kb-basket-title").press("Tab")
    page.locator("button", has_text="添加小标题").click()
    page.locator(".kb-basket__heading").fill("坚持党管干部")
    page.locator(".kb-basket__heading").press("Tab")
    for _ in range(5):
        page.locator(".kb-basket__item--heading button[data-move='-1']").click()
    page.locator(".kb-basket__item--passage").nth(1).locator("button", has_text="删除").click()
    page.reload()
    page.wait_for_selector("#kb-basket[data-items='4']")
    assert page.locator(".kb-basket__title").input_value() == "学习材料（测试）"
    assert page.locator(".kb-basket__items > li").first.locator("input").input_value() == "坚持党管干部"
    markdown = page.evaluate("KBWork.basketMarkdown(KBWork.basketRead())")
    citation = "（摘自《在全区组织工作会议上的讲话》，2018年2月27日，喻显镔）"
    assert markdown.startswith("# 学习材料（测试）\n\n## 坚持党管干部\n\n" + by_id["p3"] + "\n\n——" + citation + f"\n<!-- kb: {speech['id']}#p3 -->\n")
    assert by_id["p4"] not in markdown
    # The reader downloads that file for whoever typesets it; the button's title names the command.
    download_button = page.locator("button", has_text="下载 .md（交管理员排成 PDF）")
    assert download_button.get_attribute("title") == "管理员用 ./kb print --basket 文件名.md 把它排成公文版式的学习材料 PDF"
    with page.expect_download() as got:
        download_button.click()
    assert got.value.suggested_filename == "学习材料（测试）.md"
    # With a byte-order mark, so that Notepad on Windows opens it as UTF-8.
    assert Path(got.value.path()).read_text(encoding="utf-8") == "\ufeff" + markdown
    if not shutil.which("pdftotext"):
        return
    page.wait_for_selector("#kb-basket[data-drawn]")
    pdf = tmp_path / "basket.pdf"
    page.pdf(path=str(pdf), format="A4")
    printed = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [p.replace("\n", "").replace(" ", "") for p in printed.split("\f")]
    assert "学习材料（测试）" in pages[0] and "4处摘录" in pages[0] and "材料篮" not in pages[0]
    assert "目录" in pages[1] and "一、坚持党管干部" in pages[1]
    body = "".join(pages[2:])
    assert body.count(citation) == 4 and by_id["p12"][:40] in body and "上移" not in body


def _python_diff(a, b, terms):
    """The comparison kb-compare.js makes, written out again: paragraphs with no counterpart of
    Dice ≥ 0.5 (bigram sets), shared ones with other wording, 提法 one speech uses and the other not."""
    import re

    from build_kb.publish.search_index import normalise_for_search, speech_records

    def paragraphs(speech):
        return [(r[0], r[1]) for r in speech_records(speech, {}) if r[3] == 0 and re.fullmatch(r"p\d+", r[0])]

    def grams(text):
        t = normalise_for_search(text)
        return {t[i : i + 2] for i in range(len(t) - 1)}

    def counterparts(xs, ys):
        out = []
        for _, x in xs:
            gx, best, score = grams(x), -1, -1.0
            for k, (_, y) in enumerate(ys):
                gy = grams(y)
                if len(gx) + len(gy) and len(gx & gy) / (len(gx) + len(gy)) > score:
                    best, score = k, len(gx & gy) / (len(gx) + len(gy))
            n = len(gx & grams(ys[best][1])) if best >= 0 else 0
            out.append(best if best >= 0 and n and 4 * n >= len(gx) + len(grams(ys[best][1])) else -1)
        return out

    pa, pb = paragraphs(a), paragraphs(b)
    to_b, to_a = counterparts(pa, pb), counterparts(pb, pa)

    def used(speech):
        text = normalise_for_search("\n".join(r[1] for r in speech_records(speech, {})))
        return {t.id for t in terms if any(normalise_for_search(f) in text for f in t.forms)}

    ua, ub = used(a), used(b)
    return {
        "onlyA": [pa[i][0] for i, k in enumerate(to_b) if k < 0],
        "onlyB": [pb[i][0] for i, k in enumerate(to_a) if k < 0],
        "changed": [[pa[i][0], pb[k][0]] for i, k in enumerate(to_b) if k >= 0 and pa[i][1] != pb[k][1]],
        "termsA": sorted(ua - ub),
        "termsB": sorted(ub - ua),
    }


def test_a_comparison_link_naming_a_missing_or_repeated_speech_says_what_it_shows_instead(page, server, seed_site):
    """A link kept from an older site names a speech since removed (or the same one twice): the page says
    so above the pickers, in Chinese, and compares what the pickers show."""
    _, kb = seed_site
    a = next(s for s in kb.speeches if s.date == "2018-02-27")
    page.goto(server + f"compare/?a={a.id}&b=no-such-speech")
    page.wait_for_selector("#kb-compare[data-result]")
    assert page.locator(".kb-compare__notice").inner_text() == "地址里的乙（no-such-speech）在知识库里找不到，可能已删除或重新编号，乙已换成推荐的一篇。"
    shown_b = page.locator(".kb-compare__select").nth(1).input_value()
    assert shown_b != a.id and f"b={shown_b}" in page.url
    page.goto(server + f"compare/?a={a.id}&b={a.id}")
    page.wait_for_selector("#kb-compare[data-result]")
    assert page.locator(".kb-compare__notice").inner_text() == "地址里的甲和乙是同一篇讲话，乙已换成推荐的一篇。"
    page.goto(server + "compare/?a=gone&b=" + a.id)
    page.wait_for_selector("#kb-compare[data-result]")
    assert page.locator(".kb-compare__notice").inner_text() == "地址里的甲（gone）在知识库里找不到，可能已删除或重新编号，现在显示的是另一篇。"
    # 乙 stays the speech the link named; 甲 is another one.
    shown_a = page.locator(".kb-compare__select").nth(0).input_value()
    assert shown_a in {s.id for s in kb.speeches} - {a.id}
    assert page.locator(".kb-compare__select").nth(1).input_value() == a.id
    # A good link shows no notice.
    page.goto(server + f"compare/?a={a.id}")
    page.wait_for_selector("#kb-compare[data-result]")
    assert page.locator(".kb-compare__notice").count() == 0


def test_comparing_two_speeches_lists_what_a_python_diff_finds(page, server, seed_site):
    import json

    site, kb = seed_site
    a = next(s for s in kb.speeches if s.date == "2018-02-27")
    b = next(s for s in kb.speeches if "2020年全市组织工作会议" in s.title)
    expected = _python_diff(a, b, kb.terms)
    assert expected["onlyA"] and expected["termsA"] and expected["termsB"]
    # From the speech page's link, over http; then from a folder.
    page.goto(server + a.url)
    page.locator("a", has_text="与……对照").click()
    page.wait_for_selector("#kb-compare select")
    suggested = page.eval_on_selector_all(".kb-compare__select >> nth=1 >> optgroup", "gs => gs.map(g => [g.label, Array.from(g.querySelectorAll('option')).map(o => o.value)])")
    assert suggested[0] == ["同一会议的其他年份", [b.id]]
    assert suggested[1][0] == "最相关的讲话" and set(suggested[1][1]) == {link.speech_id for link in kb.related_speeches[a.id]}
    # The link names 甲 only: 乙 is the first suggestion, compared at once (it read 讲话原文没有载入).
    page.wait_for_selector("#kb-compare[data-result]")
    assert page.locator(".kb-compare__select").nth(1).input_value() == b.id and f"b={b.id}" in page.url
    page.locator(".kb-compare__select").nth(1).select_option(b.id)
    page.wait_for_function(f"() => (document.getElementById('kb-compare').getAttribute('data-result') || '') && location.search.includes('b={b.id}')")
    assert json.loads(page.locator("#kb-compare").get_attribute("data-result")) == expected
    page.goto(site.as_uri() + f"/compare/index.html?a={b.id}&b={a.id}")
    page.wait_for_selector("#kb-compare[data-result]")
    swapped = json.loads(page.locator("#kb-compare").get_attribute("data-result"))
    assert (swapped["onlyA"], swapped["onlyB"], swapped["termsA"], swapped["termsB"]) == (expected["onlyB"], expected["onlyA"], expected["termsB"], expected["termsA"])
    assert page.locator(".kb-compare__p--only").count() == len(expected["onlyA"]) + len(expected["onlyB"])
    # A passage reworded from one year to the next: shared, its changed characters marked.
    result = page.evaluate("""() => {
        const a = [["", "甲", 0, 1, ""], ["p1", "要坚持党管干部原则，全面准确贯彻好干部标准，扎实做好干部选拔任用工作。", 0, 0, "s1"], ["p2", "完全不同的一段话在这里。", 0, 0, "s1"]];
        const b = [["", "乙", 0, 1, ""], ["p1", "要坚持党管干部原则，全面贯彻新时代好干部标准，扎实做好干部选拔任用工作。", 0, 0, "s1"]];
        const r = KBCompare.compare(a, b, []);
        return [r.onlyA, r.onlyB, r.changed, KBCompare.diff(a[1][1], b[1][1])];
    }""")
    only_a, only_b, changed, (left, right) = result
    assert (only_a, only_b, changed) == (["p2"], [], [["p1", "p1"]])
    assert [t for t, c in left if c] == ["准确"] and [t for t, c in right if c] == ["新时代"]
    assert "".join(t for t, _ in left) == "要坚持党管干部原则，全面准确贯彻好干部标准，扎实做好干部选拔任用工作。"


AXE = Path(__file__).resolve().parent.parent / ".tools" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.skipif(not AXE.exists(), reason="needs axe-core (make test installs it)")
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_reader_tools_pass_axe(browser, server, seed_site, scheme):
    from test_a11y import axe_violations

    _, kb = seed_site
    a = next(s for s in kb.speeches if s.date == "2018-02-27")
    b = next(s for s in kb.speeches if "2020年全市组织工作会议" in s.title)
    context = browser.new_context(viewport={"width": 1366, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    found = []
    page.goto(server + a.url)
    for anchor in ("p3", "s1"):
        page.locator(f"#{anchor}").hover()
        page.locator(f"#{anchor} .kb-tools button[data-act=basket]").click()
    page.locator("#p4").hover()
    page.wait_for_selector(".kb-basket-badge")
    found += [f"speech {v['id']}: {v['nodes'][:2]}" for v in axe_violations(page)]
    page.goto(server + "basket/")
    page.locator("button", has_text="添加小标题").click()
    found += [f"basket {v['id']}: {v['nodes'][:2]}" for v in axe_violations(page)]
    page.goto(server + f"compare/?a={a.id}&b={b.id}")
    page.wait_for_selector("#kb-compare[data-result]")
    found += [f"compare {v['id']}: {v['nodes'][:2]}" for v in axe_violations(page)]
    page.goto(server + "search/?q=干部 监督&scope=sentence")
    page.wait_for_function("() => document.getElementById('kb-results').hasAttribute('data-done')")
    page.locator("li.kb-results__hit").first.hover()
    found += [f"search {v['id']}: {v['nodes'][:2]}" for v in axe_violations(page)]
    context.close()
    assert found == []


def test_first_uses_and_new_terms_equal_a_scan_of_kb_json(page, server, seed_site, seed_json):
    import re

    site, _ = seed_site
    year_of = {s["id"]: s["year"] for s in seed_json["speeches"]}
    first_year = {}
    for term in seed_json["terms"]:
        years = [year_of[o["speech_id"]] for o in term["occurrences"] if year_of.get(o["speech_id"])]
        if years:
            first_year[term["id"]] = min(years)
    assert len(set(first_year.values())) >= 2
    for term_id, year in first_year.items():
        html = (site / "terms" / term_id / "index.html").read_text(encoding="utf-8")
        assert f'<span class="kb-first-use" data-year="{year}">' in html, term_id
    page.goto(server + "timeline/")
    shown = page.eval_on_selector_all("p.kb-new-terms", "ps => ps.map(p => [+p.dataset.year, Array.from(p.querySelectorAll('a')).map(a => a.getAttribute('href'))])")
    expected = {}
    for term_id, year in first_year.items():
        expected.setdefault(year, set()).add(f"../terms/{term_id}/")
    assert {year: set(links) for year, links in shown} == expected
    newest = max(expected)
    page.goto(server)
    assert page.locator("h2#new-terms").inner_text().startswith(f"最近一年的新提法（{newest}年）")
    home = page.eval_on_selector_all("ul.kb-new-terms > li > a:first-child", "as => as.map(a => a.getAttribute('href'))")
    assert {f"../{h}" for h in home} == expected[newest]
    # The first use is linked to its paragraph: the oldest dated speech, its first paragraph using the term.
    first = page.locator("ul.kb-new-terms > li").first.locator("a").nth(1).get_attribute("href")
    speech_id, paragraph = re.fullmatch(r"speeches/([^/]+)/#(p\d+)", first).groups()
    term_id = home[0].split("/")[1]
    term = next(t for t in seed_json["terms"] if t["id"] == term_id)
    uses = sorted((int(o["paragraph_id"][1:]) for o in term["occurrences"] if o["speech_id"] == speech_id))
    assert paragraph == f"p{uses[0]}"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """20 speeches of bench/generate.py (paragraphs recombined from the seeds, so speeches share
    passages), built and served: (base address, kb)."""
    from conftest import serve_generated_site

    yield from serve_generated_site(tmp_path_factory.mktemp("generated20"), 20)


def test_scopes_and_comparison_on_a_generated_corpus(page, generated):
    import json

    base, kb = generated
    for scope in ("para", "sentence", "speech"):
        hits, speeches, _ = _scan(kb, ["干部", "党组织"], [], scope)
        page.goto(base + f"search/?q=干部 党组织&scope={scope}")
        page.wait_for_function("() => document.getElementById('kb-results').hasAttribute('data-done')", timeout=15000)
        results = page.locator("#kb-results")
        assert (int(results.get_attribute("data-hits")), int(results.get_attribute("data-speeches"))) == (hits, speeches), scope
    # The two speeches sharing the most passages: shared ones are found, the rest marked, as a Python diff says.
    pairs = [(a, b) for i, a in enumerate(kb.speeches) for b in kb.speeches[i + 1:]]
    texts = {s.id: {p.text for p in s.all_paragraphs()} for s in kb.speeches}
    a, b = max(pairs, key=lambda ab: (len(texts[ab[0].id] & texts[ab[1].id]), ab[0].id, ab[1].id))
    expected = _python_diff(a, b, kb.terms)
    assert len(expected["onlyA"]) < len(a.all_paragraphs())  # some passages are shared
    page.goto(base + f"compare/?a={a.id}&b={b.id}")
    page.wait_for_selector("#kb-compare[data-result]")
    assert json.loads(page.locator("#kb-compare").get_attribute("data-result")) == expected
    shared = len(a.all_paragraphs()) - len(expected["onlyA"])
    assert page.locator(".kb-compare__cell:first-child .kb-compare__p--same, .kb-compare__cell:first-child .kb-compare__p--changed").count() == shared
