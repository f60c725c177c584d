"""The site in a real headless Chromium: offline, under a sub-path, searchable, printable."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (make test installs it)"),
]


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.requests_seen = []
    pg.on("request", lambda r: pg.requests_seen.append(r.url))
    yield pg
    context.close()


def test_pages_load_only_from_the_server(page, server, seed_site):
    _, kb = seed_site
    for path in ["", "speeches/", kb.speeches[0].url, "themes/", "themes/cadres/", "about/"]:
        response = page.goto(server + path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
    hosts = {urlparse(u).hostname for u in page.requests_seen if not u.startswith("data:")}
    assert hosts == {"127.0.0.1"}, sorted(u for u in page.requests_seen if "127.0.0.1" not in u)


def test_speech_page_outline_and_paragraph_links(page, server, seed_site):
    _, kb = seed_site
    speech = next(s for s in kb.speeches if s.date == "2018-02-27")
    page.goto(server + speech.url)
    assert page.locator("h1").first.inner_text().startswith("在全区组织工作会议上的讲话")
    toc = page.locator(".md-sidebar--secondary .md-nav__link")
    assert toc.count() >= 8
    page.locator('a.kb-pn[href="#p12"]').click()
    assert page.url.endswith("#p12")
    assert page.locator("#p12").evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"


def test_paragraph_numbers_and_term_links_get_their_tooltip_on_hover(page, server, seed_site):
    _, kb = seed_site
    speech = next(s for s in kb.speeches if s.date == "2018-02-27")
    page.goto(server + speech.url)
    number, term = page.locator('a.kb-pn[href="#p12"]'), page.locator(".kb-p > a[href*='terms/']:not([title])").first.element_handle()
    section = page.locator("h2 a.headerlink").first
    assert number.get_attribute("title") is None and section.get_attribute("title") is None
    number.hover()
    term.hover()
    section.hover()
    assert number.get_attribute("title") == "第12段（点击复制链接）"
    assert term.get_attribute("title") == "提法：" + term.inner_text()
    assert section.get_attribute("title") == "本节链接"


def test_every_page_has_the_search_box_in_its_header(page, server, seed_site):
    _, kb = seed_site
    for path in ["", kb.speeches[0].url, "themes/", "terms/", "timeline/"]:
        page.goto(server + path)
        assert page.locator(".md-header .kb-search input.kb-search__input").count() == 1


def test_printed_theme_page_is_study_material(page, server, tmp_path):
    if not shutil.which("pdftoppm") or not shutil.which("pdftotext"):
        pytest.skip("needs poppler-utils (make test installs it)")
    page.goto(server + "themes/cadres/")
    # The folded excerpts' text comes from the search's copy of each speech (kb.js), in the background.
    page.wait_for_selector("html[data-kb-folds=loaded]")
    page.emulate_media(media="print")
    pdf = tmp_path / "cadres.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # …under its own title (the basket's print rule hid every page's title once)
    assert text.lstrip().startswith("干部队伍") and "选拔任用与换届" in text
    assert "——《在全区组织工作会议上的讲话》" in text.replace(" ", "")
    # folded excerpts are unfolded on paper, the search box and tabs are not printed
    assert "展开全文" not in text
    assert "严格落实好干部标准" in text.replace(" ", "").replace("\n", "")
    assert "搜索" not in text
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True)
    png = next(tmp_path.glob("p*.png"))
    assert png.stat().st_size > 5000


def test_a_theme_pages_folded_excerpts_are_filled_from_the_search_texts(page, server, seed_site):
    """The folded text is not in the page (issue #13): it comes from search/t/<id>.js, the very
    paragraphs of the section and its subsections, in reading order, over http and from a folder."""
    site, kb = seed_site
    html = (site / "themes" / "cadres" / "index.html").read_text(encoding="utf-8")
    folded = html.count('<details class="kb-fold" data-speech=')
    assert folded >= 6 and html.count('<p class="kb-fold-wait"></p></details>') == folded
    for url in (server + "themes/cadres/", (site / "themes" / "cadres" / "index.html").as_uri()):
        page.goto(url)
        page.wait_for_selector("html[data-kb-folds=loaded]")
        folds = page.eval_on_selector_all(
            "details.kb-fold",
            "ds => ds.map(d => [d.dataset.speech, d.dataset.section, Array.from(d.querySelectorAll('p')).map(p => [p.className, p.textContent])])",
        )
        assert len(folds) == folded
        for speech_id, section_id, shown in folds:
            section = kb.section(speech_id, section_id)
            expected = [["kb-p", p.text] for p in section.paragraphs]
            for child in section.walk():
                if child is not section:
                    expected += [["kb-subhead", child.heading]] + [["kb-p", p.text] for p in child.paragraphs]
            assert shown == expected, (speech_id, section_id)
        page.locator("details.kb-fold > summary").first.click()
        assert "干部" in page.locator("details.kb-fold").first.inner_text()


def test_browser_print_fills_pages_and_numbers_them(page, server, tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("needs poppler-utils (make test installs it)")
    import re

    # The results page too: its hits are whole paragraphs, which left half pages empty when kept whole.
    for url in ("themes/cadres/", "speeches/000-0529276282a01e65/", "search/?q=干部"):
        page.goto(server + url)
        if url.startswith("themes/"):
            page.wait_for_selector("html[data-kb-folds=loaded]")
        if url.startswith("search/"):
            page.wait_for_function("() => document.getElementById('kb-results').hasAttribute('data-done')")
        pdf = tmp_path / "printed.pdf"
        page.pdf(path=str(pdf), format="A4", display_header_footer=False)
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        pages = text.split("\f")[:-1]
        assert len(pages) >= 5
        for number, body in enumerate(pages, 1):
            flat = re.sub(r"\s+", "", body)
            assert f"—{number}—" in flat, f"{url}: page {number} has no page number"
            if number < len(pages):
                # No page is left nearly empty by content that could not break.
                assert len(re.findall(r"[\u4e00-\u9fff]", body)) >= 400, f"{url}: page {number} is nearly empty"
        assert "下载" not in text and "打印" not in text


def test_a_speech_page_prints_itself_in_official_form(page, server, seed_site, tmp_path):
    """打印公文版式 (#35): the browser prints the speech page as the handouts set a speech: FangSong
    三号, lines of exactly 28 characters (448 pt) from 27 mm, the title in 二号 centred, the byline under
    it, none of the page's aids; the button opens the print dialog."""
    if not shutil.which("pdftotext"):
        pytest.skip("needs poppler-utils (make test installs it)")
    import re

    from build_kb.render.handout import speech_byline, unbroken_names
    from pdfcheck import read_pages, runt_lines, split_words, squeezed_marks

    _, kb = seed_site
    speech = max(kb.speeches, key=lambda s: sum(len(p.text) for sec in s.sections for part in sec.walk() for p in part.paragraphs))  # the longest
    page.goto(server + speech.url)
    page.evaluate("window.print = () => { window.kbPrinted = true; }")
    page.locator("button.kb-print-now").click()
    assert page.evaluate("window.kbPrinted") is True
    page.emulate_media(media="print")
    shown = page.evaluate("""() => Object.fromEntries(['.kb-p', 'h1', '.kb-byline', 'dl.kb-meta', '.kb-related', '.kb-badges'].map(s => {
        const e = document.querySelector('article ' + s), c = getComputedStyle(e);
        return [s, [c.display, c.fontSize, c.fontFamily.split(',')[0], c.textAlign]]; }))""")
    assert shown[".kb-p"] == ["block", "21.3333px", "仿宋_GB2312", "justify"]
    assert shown["h1"][1:] == ["29.3333px", "方正小标宋简体", "center"] and shown[".kb-byline"][0] == "block"
    assert [shown[s][0] for s in ("dl.kb-meta", ".kb-related", ".kb-badges")] == ["none"] * 3
    pdf = tmp_path / "speech.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    first = re.sub(r"\s+", "", text.split("\f")[0])
    heading = speech.title + (f"——{speech.subtitle}" if speech.subtitle else "") + speech_byline(speech)
    assert first.startswith(re.sub(r"\s+", "", heading)) and "相关论述" not in text and "与……对照" not in text
    boxes = subprocess.run(["pdftotext", "-f", "2", "-l", "2", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    spans = [(float(a), float(b)) for a, b in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', boxes)]
    full = [(a, b) for a, b in spans if b - a > 440]
    assert len(full) >= 10 and all(abs(a - 27 / 25.4 * 72) < 1.5 and abs(b - a - 448) < 1.5 for a, b in full), spans
    # Every mark a full cell, and no line holding a paragraph's last character alone (text-wrap: pretty).
    pages = read_pages(pdf)
    assert squeezed_marks(pages) == [] and runt_lines(pages) == []
    # …and no leader's name split across two lines (kb.js keeps it together when printing).
    names = unbroken_names(text)
    assert names == ["习近平"] and split_words(pages, names) == []


def test_the_readers_dark_scheme_is_kept_from_page_to_page(page, server):
    """The header's switch, as Material keeps it, applied by kb-palette.js before a page is drawn."""
    page.goto(server)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    page.locator("label[for=__palette_1]").click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.goto(server + "themes/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"


def test_a_phones_drawer_lists_the_sections_on_pages_that_hide_the_navigation(page, server, seed_site):
    _, kb = seed_site
    page.set_viewport_size({"width": 400, "height": 800})
    page.goto(server + kb.speeches[0].url)
    page.locator("label.md-header__button[for=__drawer]").click()
    drawer = page.locator(".md-sidebar--primary .md-nav__list > .md-nav__item > a")
    drawer.first.wait_for(state="visible")
    assert drawer.all_inner_texts() == ["首页", "讲话", "专题", "提法", "检索", "说明"]
    page.locator(".md-sidebar--primary a", has_text="讲话").click()
    assert page.url == server + "speeches/"



def test_the_homes_figures_fill_whole_rows_and_fit_their_cards(page, server):
    """Six cards: one row on a desk, three rows of two on a phone; the year span breaks after its dash, never inside a year."""
    rows_seen = {}
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(server)
        cards = page.evaluate(
            """() => [...document.querySelectorAll('.kb-stats > div')].map(d => ({
                top: Math.round(d.getBoundingClientRect().top), overflow: d.scrollWidth > d.clientWidth,
                lines: [...d.querySelectorAll('b span')].map(s => s.getClientRects().length)}))"""
        )
        assert not any(c["overflow"] for c in cards), width
        assert all(n == 1 for c in cards for n in c["lines"]), width
        tops = sorted({c["top"] for c in cards})
        rows_seen[width] = [sum(1 for c in cards if c["top"] == top) for top in tops]
    assert rows_seen == {1366: [6], 390: [2, 2, 2]}


def test_paragraph_numbers_stand_inside_the_window_on_a_phone_and_a_tablet(page, server, seed_site):
    """Below 1280 px the column's margin was narrower than a number: 22 showed as 2 (cut by the window's
    edge). Every number, the last made three digits, stands whole between the window's edge and its text."""
    _, kb = seed_site
    for width in (390, 1024, 1366):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(server + kb.speeches[0].url)
        left, right, text = page.evaluate("""() => {
            const numbers = [...document.querySelectorAll('.kb-p > .kb-pn')];
            numbers[numbers.length - 1].textContent = '188';
            const boxes = numbers.map(n => { const r = document.createRange(); r.selectNodeContents(n); return r.getBoundingClientRect(); });
            return [Math.min(...boxes.map(b => b.left)), Math.max(...boxes.map(b => b.right)), document.querySelector('.kb-p').getBoundingClientRect().left]; }""")
        assert 0 <= left and right < text, (width, left, right, text)


def test_a_theme_page_printed_before_its_folds_are_filled_prints_each_opening(page, server, seed_site, tmp_path):
    """Printed from the browser's menu before the folded texts have come (or when they never come),
    each folded excerpt still prints its opening, never a heading and a citation with no text."""
    if not shutil.which("pdftotext"):
        pytest.skip("needs poppler-utils (make test installs it)")
    import re

    site, _ = seed_site
    html = (site / "themes" / "cadres" / "index.html").read_text(encoding="utf-8")
    previews = [re.sub(r"<[^>]+>", "", p) for p in re.findall(r'<span class="kb-preview">(.*?)……</span>', html)]
    assert len(previews) >= 6
    page.route("**/search/t/*.js", lambda route: route.abort())
    page.goto(server + "themes/cadres/")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    pdf = tmp_path / "early.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    for preview in previews:
        assert re.sub(r"\s+", "", preview)[:30] in text
    assert "展开全文" not in text and "正在载入" not in text


def test_the_review_pages_places_stand_on_one_line_on_a_desk(browser, tmp_path):
    """On a desk the 位置 column holds its place on one line (全文，第 6 行 broke into four: 全 / 文， / 第 6 / 行)."""
    from conftest import ROOT, build_site, make_corpus

    corpus = make_corpus(tmp_path / "c", {"b.txt": "在全县组织工作会议上的讲话\n同志们：\n一、建设干部队伍。坚持好干部标准，选好用好年轻干部。\n"
                                                  "二、加强基层党组织建设。提升组织力，建强党支部。\n本报讯\n"})
    build_site(ROOT / "mkdocs.yml", tmp_path / "site", corpus_dir=corpus, cache_dir=tmp_path / "cache")
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto((tmp_path / "site" / "review" / "index.html").as_uri())
    places = page.evaluate(
        """() => [...document.querySelectorAll('table.kb-review td:first-child')].map(td => {
            const range = document.createRange(); range.selectNodeContents(td);
            return [td.innerText, new Set([...range.getClientRects()].map(r => Math.round(r.bottom))).size]; })"""
    )
    page.close()
    assert ["全文，第 5 行", 1] in places and all(lines == 1 for _, lines in places), places


def test_a_gongwen_prints_as_one_its_addressees_over_the_text_and_its_organ_and_date_under_it(browser, tmp_path):
    """打印公文版式 of a 公文: 主送 over the text, 附件说明, then the organ over the date four characters
    from the right (GB/T 9704); the printed title has its 发文字号 under it and no date in brackets."""
    if not shutil.which("pdftotext"):
        pytest.skip("needs poppler-utils (make test installs it)")
    import re

    from conftest import ROOT, build_site, make_corpus

    text = (
        "中共某某县委组织部文件\n某组发〔2023〕5号\n关于做好年度考核工作的通知\n各乡镇党委，县直各单位党组（党委）：\n"
        "现就有关事项通知如下。\n一、明确考核范围\n全体干部参加年度考核。\n二、把握时间节点\n12月底前完成考核。\n"
        "附件：1．年度考核登记表\n2．优秀等次人员推荐表\n中共某某县委组织部\n2023年11月30日\n附件1\n年度考核登记表\n姓名、单位、职务。\n"
    )
    corpus = make_corpus(tmp_path / "c", {"a.txt": text})
    kb = build_site(ROOT / "mkdocs.yml", tmp_path / "site", corpus_dir=corpus, cache_dir=tmp_path / "cache")
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto((tmp_path / "site" / kb.speeches[0].url / "index.html").as_uri())
    pdf = tmp_path / "gongwen.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.close()
    lines = [re.sub(r"\s+", "", line) for line in subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.splitlines()]
    lines = [line for line in lines if line]
    assert lines[:4] == ["关于做好年度考核工作的通知", "（某组发〔2023〕5号）", "各乡镇党委、县直各单位党组（党委）：", "1现就有关事项通知如下。"]
    assert lines[8:] == ["附件：1．年度考核登记表", "2．优秀等次人员推荐表", "中共某某县委组织部", "2023年11月30日", "附件1", "4年度考核登记表", "5姓名、单位、职务。", "—1—"]
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    organ = [float(x) for x in re.search(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>中共某某县委组织部<', boxes).groups()]
    date_left = float(re.search(r'xMin="([\d.]+)"[^>]*>2023年', boxes).group(1))
    # unsealed: the organ two 三号 characters (2 × 16 pt) from the type area's right edge (27 mm + 28
    # characters), the date two characters right of the organ's first
    assert abs(27 / 25.4 * 72 + 448 - 2 * 16 - organ[1]) < 2 and abs(organ[0] + 2 * 16 - date_left) < 2, (organ, date_left)


def test_on_a_phone_the_search_rules_fold_once_a_query_stands_and_the_first_hit_is_on_the_first_screen(page, server):
    """The rules of the words took eight lines of a phone's first screen above the hits: folded under
    their title there once a query is asked; open on a desk, and on a phone before anything is asked."""
    def shown(url):
        page.goto(server + url)
        page.wait_for_function("() => document.getElementById('kb-results').hasAttribute('data-done')")
        return page.evaluate("""() => { const h = document.querySelector('details.kb-results__help'), hit = document.querySelector('.kb-results__list > li');
            return [h.open, h.querySelector('summary').innerText, hit ? hit.getBoundingClientRect().top < innerHeight : null]; }""")

    page.set_viewport_size({"width": 390, "height": 844})
    assert shown("search/?q=基层党建") == [False, "检索词的写法和范围", True]
    assert shown("search/")[0] is True
    page.set_viewport_size({"width": 1280, "height": 900})
    assert shown("search/?q=基层党建")[0] is True


def test_the_term_index_tables_line_up_on_a_desk_and_a_phone(page, server):
    """提法索引: one table a theme, each as wide as the page, its columns at the same places (each fitted
    to its own 释义 they stood ragged); the 释义 keeps two fifths of the width, on a phone too."""
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(server + "terms/")
        tables = page.eval_on_selector_all(
            "table.kb-terms-table",
            "ts => ts.map(t => [Math.round(t.getBoundingClientRect().width), ...Array.from(t.querySelectorAll('th')).map(th => Math.round(th.getBoundingClientRect().left))])",
        )
        assert len(tables) >= 2 and all(t == tables[0] for t in tables), (width, tables)
        explained = tables[0][0] - (tables[0][4] - tables[0][1])
        assert explained > 0.4 * tables[0][0], (width, tables[0])


def test_a_printed_results_page_says_what_was_asked(page, server):
    """The form is not printed: the words and the scope asked stand over the count on paper, not on the screen."""
    page.goto(server + "search/?q=基层党建&scope=sentence")
    page.wait_for_selector(".kb-results__list > li")
    asked = page.locator(".kb-results__asked")
    assert not asked.is_visible()
    page.emulate_media(media="print")
    assert asked.is_visible() and asked.inner_text() == "检索词：基层党建　范围：同句（各词在同一句）"


def test_on_a_phone_the_header_searchs_selects_stay_inside_its_panel(page, server):
    """The four selects over the header box's hits ran past a phone's edge (同段：各词在同 cut off): they wrap."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + "speeches/")
    page.keyboard.press("/")
    page.locator("input.kb-search__input").fill("基层党建")
    page.wait_for_function("() => document.querySelector('.kb-search').getAttribute('data-done') === '基层党建'")
    edges = page.evaluate("""() => [Math.round(document.querySelector('.kb-search__panel').getBoundingClientRect().right),
        ...Array.from(document.querySelectorAll('.kb-search__filters select')).map(s => Math.round(s.getBoundingClientRect().right))]""")
    assert len(edges) == 5 and max(edges[1:]) <= edges[0], edges
