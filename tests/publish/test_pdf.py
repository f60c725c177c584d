"""Study handouts: PDFs typeset by the print stage, read back with poppler (pdffonts, pdftotext, pdftoppm)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from build_kb.config import ConfigErrors, load_print_config
from build_kb.pipeline import build_knowledge_base
from build_kb.render.handout import plan_handouts, source_line

from conftest import ROOT, build_site, make_corpus

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (make test installs it)")

PLACEHOLDER_SPEECH = (
    "在全县组织工作会议上的讲话\n"
    "县委书记　王建国\n"
    "（2021年3月5日）\n"
    "同志们：\n"
    "一、加强党的政治建设\n"
    "要教育引导党员干部坚定拥护“两个确立”、坚决做到“两个维护”，××同志和*同志要带头落实第一议题制度，做到学思用贯通、知信行统一。\n"
    "二、建设高素质干部队伍\n"
    "坚持好干部标准，大力发现储备年轻干部，完善干部考核评价机制，让“有为者有位”成为鲜明导向。\n"
)


def pdf_pages(path) -> list[str]:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def line_starts(path) -> list[str]:
    """The first character of every printed line, from the words' positions (pdftotext -bbox)."""
    import html

    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    starts = []
    for page in boxes.split("<page ")[1:]:
        lines: dict[int, list] = {}
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>', page):
            middle = round((float(m.group(2)) + float(m.group(3))) / 8)  # same line: same middle within 4 pt
            lines.setdefault(middle, []).append((float(m.group(1)), html.unescape(m.group(4))))
        starts.extend(min(words)[1][0] for words in lines.values())
    return starts


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_theme_handout_has_cover_contents_excerpts_and_sources(seed_site):
    site, kb = seed_site
    theme = next(t for t in kb.themes if t.id == "cadres")
    pdf = site / "pdf/themes/cadres.pdf"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    embedded = {line.split()[0].split("+", 1)[1] for line in fonts if line.split()[-5:-3] == ["yes", "yes"]}
    assert {"FandolFang-Regular-Identity-H", "FandolHei-Regular-Identity-H"} <= embedded or any("NotoSerifCJK" in f for f in embedded)

    pages = pdf_pages(pdf)
    link = re.search(r'href="../../pdf/themes/cadres.pdf" download>下载专题学习材料 PDF（(\d+) 页）', (site / "themes/cadres/index.html").read_text(encoding="utf-8"))
    assert link and int(link.group(1)) == len(pages)
    cover = flat(pages[0])
    for fact in ("组织工作讲话知识库", "干部队伍", "专题学习材料", "资料范围", "2018—2020年", "5篇讲话", "12处论述", "资料截至", "编印"):
        assert fact in cover

    (handout,) = [h for h in plan_handouts(kb, "组织工作讲话知识库", speech_handouts=False) if h.path == "pdf/themes/cadres.pdf"]
    groups = [b["text"] for b in handout.blocks if b["kind"] == "h1"]
    assert groups[-1] == "附：来源讲话" and len(groups) >= 3
    contents = pages[1]
    assert flat(contents).startswith("干部队伍·专题学习材料目录")
    # The contents list the chapters only (一、… and the sources), not the excerpts.
    assert [line.split(" .")[0].strip() for line in contents.splitlines() if " ." in line] == groups
    for name in groups:
        entry = re.search(re.escape(name) + r"[\s.\u2060]*?(\d+)\s*$", contents, re.M)
        assert entry, f"{name} is not in the table of contents"
        assert name in flat(pages[int(entry.group(1)) - 1])

    # No heading is left alone at the foot of a page.
    headings = [flat(b["text"]) for b in handout.blocks if b["kind"] in ("h1", "h2", "subhead")]
    headings += [flat(f"{b['n']}．{b['paras'][0]['text']}") for b in handout.blocks if b["kind"] == "excerpt" and b["paras"][0]["kind"] == "head"]
    for number, page in enumerate(pages[:-1], 1):
        end = re.sub(r"—\d+—$", "", flat(page))
        assert not any(end.endswith(h) for h in headings), f"page {number} ends with a heading"

    body = flat("".join(pages))
    for speech, section in [(kb.speech(s), kb.section(s, x)) for s, x in kb.theme_excerpts["cadres"]]:
        assert flat(source_line(speech, with_speaker=True)) in body
    assert flat("（喻显镔2018年2月27日在全区组织工作会议上的讲话）") in body
    assert flat("1．《在全区组织工作会议上的讲话》，2018年2月27日，喻显镔") in body
    # the colophon's two ends on one line (编印 left, 资料截至 right): the text tool may read the page number between them
    assert flat("编印：组织工作讲话知识库") in flat(pages[-1]) and flat("资料截至2020年") in flat(pages[-1])
    assert ".txt" not in body

    assert [c for c in line_starts(pdf) if c in "，。、；：！？”’）》"] == [], "a printed line starts with closing punctuation"
    for number, page in enumerate(pages[2:-1], 3):
        assert len(re.findall(r"[\u4e00-\u9fff]", page)) >= 100, f"page {number} is nearly empty"
        assert f"—{number}—" in flat(page), f"page {number} has no page number"
    assert "—1—" not in flat(pages[0])


def test_speech_pages_print_themselves_and_only_theme_handouts_are_built(seed_site):
    """By default the build prints the theme handouts only (#35: PDFs ≤ 2 × the text); a speech page
    prints itself in official form (kb.css, tests/test_browser.py) from its 打印公文版式 button."""
    site, kb = seed_site
    assert not (site / "pdf/speeches").exists()
    for speech in kb.speeches:
        html = (site / f"speeches/{speech.id}/index.html").read_text(encoding="utf-8")
        assert '<dt class="kb-print">打印</dt><dd class="kb-print"><button type="button" class="kb-print-now">打印公文版式</button>（A4，仿宋三号，每页 22 行、每行 28 字）</dd>' in html
        assert "kb-pdf" not in html
    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.count('class="kb-pdf"') == len([t for t in kb.themes if kb.theme_excerpts.get(t.id)])
    assert "；单篇讲话在它的页面上点“打印公文版式”即可按公文版式打印。</p>" in home


def test_placeholders_and_quotes_print_exactly_and_a_speech_links_to_its_volume(tmp_path):
    undated = "在全县人才工作会议上的讲话\n同志们：\n一、引育人才\n要完善人才引进政策，为青年人才提供住房、子女入学等保障，让人才留得住、干得好。\n"
    corpus = make_corpus(tmp_path / "c", {"a.txt": PLACEHOLDER_SPEECH, "b.txt": undated, "print.yaml": "speech_handouts: true\n"})
    kb = build_site(ROOT / "mkdocs.yml", tmp_path / "site", corpus_dir=corpus, pdf=True)
    site = tmp_path / "site"
    assert sorted(p.name for p in (site / "pdf/speeches").iterdir()) == ["2021.pdf", "undated.pdf"]
    for speech in kb.speeches:
        # The speech page opens its year's volume at its first page, numbered as the print dialog counts.
        html = (site / f"speeches/{speech.id}/index.html").read_text(encoding="utf-8")
        link = re.search(r'<dd class="kb-print"><a class="kb-pdf" href="../../pdf/speeches/(\w+).pdf#page=(\d+)" target="_blank">打印公文版式 PDF</a>（(\d{4}年讲话汇编|讲话汇编（年份不详）)第(\d+)(?:—(\d+))?页）</dd>', html)
        assert link, speech.id
        year, first, last = link.group(1), int(link.group(2)), int(link.group(5) or link.group(4))
        assert year == (str(speech.year) if speech.year else "undated") and int(link.group(4)) == first <= last
        pages = pdf_pages(site / f"pdf/speeches/{year}.pdf")
        running = f"{year}年讲话汇编" if year != "undated" else "年份不详讲话汇编"
        assert flat(pages[first - 1]).removeprefix(running).startswith(flat(speech.title)[:10])
        assert f"—{first}—" in flat(pages[first - 1]) and "编印：组织工作讲话知识库" in flat(pages[last - 1])
        assert ".txt" not in flat("".join(pages)) and "kb-print-now" not in html
    assert "；每篇讲话页面链接到它在本年讲话合订本（PDF）里的页码。</p>" in (site / "index.html").read_text(encoding="utf-8")
    speech = next(s for s in kb.speeches if s.year)
    paragraph = "要教育引导党员干部坚定拥护“两个确立”、坚决做到“两个维护”，××同志和*同志要带头落实第一议题制度，做到学思用贯通、知信行统一。"
    for pdf in (tmp_path / "site/pdf/speeches/2021.pdf", tmp_path / "site/pdf/themes/political-building.pdf"):
        assert paragraph in flat("".join(pdf_pages(pdf)))
    layout = subprocess.run(["pdftotext", "-layout", str(tmp_path / "site/pdf/speeches/2021.pdf"), "-"], capture_output=True, text=True).stdout
    # Paragraph numbers stand in the margin, before the first line of their paragraph.
    assert re.search(r"^\s*1\s+同志们：", layout, re.M) and re.search(r"^\s*2\s+要教育引导党员干部", layout, re.M)
    for page in (1,):
        png = subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", str(page), "-l", str(page), str(tmp_path / "site/pdf/speeches/2021.pdf")], capture_output=True)
        assert png.returncode == 0 and png.stdout.startswith(b"\x89PNG")


def test_characters_missing_from_the_fonts_are_named(tmp_path):
    text = PLACEHOLDER_SPEECH.replace("年轻干部", "年轻干部龘𠀀")
    corpus = make_corpus(tmp_path / "c", {"a.txt": text})
    kb = build_site(ROOT / "mkdocs.yml", tmp_path / "site", corpus_dir=corpus, pdf=True)
    warnings = [p.message for p in kb.problems if p.file == "c/print.yaml"]
    body = [w for w in warnings if "备用字体" in w]
    assert body == ["学习材料：1 个字正文字体 FandolFang R 里没有，改用备用字体印：龘"] or not shutil.which("fc-list")
    assert any(w.startswith("学习材料：1 个字所有正文字体（") and w.endswith("会印成空框：𠀀；请在 corpus/print.yaml 里加一个有这些字的字体") for w in warnings)


def test_without_fonts_the_site_is_built_without_handouts(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"a.txt": PLACEHOLDER_SPEECH, "print.yaml": "fonts:\n  body: [不存在的仿宋]\n"})
    kb = build_site(ROOT / "mkdocs.yml", tmp_path / "site", corpus_dir=corpus, pdf=True)
    assert not (tmp_path / "site/pdf").exists()
    assert [p.message for p in kb.problems] == [
        "print.yaml：正文（仿宋）用的字体（不存在的仿宋）一个也没有安装；请运行 sudo make fonts 安装免费字体，"
        "或在 corpus/print.yaml 的 font_paths 里写上自有字体所在的文件夹；这次生成的网站不带学习材料 PDF"
    ]
    assert "kb-pdf" not in (tmp_path / "site/index.html").read_text(encoding="utf-8")


def test_print_yaml_is_validated(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"print.yaml": "fonts:\n  boby: [仿宋]\n  title: 3\npdf: yes please\npublisher: 某市委组织部\n"})
    with pytest.raises(ConfigErrors) as error:
        load_print_config(corpus)
    assert str(error.value).splitlines() == [
        "配置文件有 3 处错误：",
        "  c/print.yaml:2：fonts 里没有 boby 这一项；是不是 body？可以写的有：body heading kai title",
        "  c/print.yaml:3：fonts 的 title 要写成列表（每行以“- ”开头），不能是数字",
        "  c/print.yaml:4：pdf 只能是 true 或 false；现在是文字 'yes please'",
    ]
    (corpus / "print.yaml").write_text("fonts:\n  body: [仿宋_GB2312, FandolFang R]\npublisher: 某市委组织部\nspeech_handouts: false\n", encoding="utf-8")
    config = load_print_config(corpus)
    assert config.fonts["body"] == ("仿宋_GB2312", "FandolFang R") and config.publisher == "某市委组织部" and config.speech_handouts is False


def kb(*args):
    return subprocess.run([sys.executable, "-m", "build_kb", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_kb_print_selections(tmp_path):
    cache = str(tmp_path / "cache")
    run = kb("print", "--theme", "cadres", "--year", "2020", "-o", str(tmp_path / "cadres-2020.pdf"), "--cache-dir", cache)
    assert run.returncode == 0, run.stderr
    pages = pdf_pages(tmp_path / "cadres-2020.pdf")
    assert re.fullmatch(rf"{re.escape(str(tmp_path / 'cadres-2020.pdf'))}：{len(pages)} 页，\d+ 处摘编（干部队伍·2020年）\n", run.stdout)
    assert "干部队伍" in flat(pages[0]) and "2020年" in flat(pages[0])
    assert "2018年2月27日" not in flat("".join(pages))

    by_name = kb("print", "--theme", "干部队伍", "--year", "2020", "-o", str(tmp_path / "by-name.pdf"), "--cache-dir", cache)
    assert by_name.returncode == 0, by_name.stderr
    assert pdf_pages(tmp_path / "by-name.pdf") == pages
    unknown = kb("print", "--theme", "cadre", "-o", str(tmp_path / "x.pdf"), "--cache-dir", cache)
    assert (unknown.returncode, unknown.stderr) == (1, "错误：没有专题 cadre；是不是 cadres？\n")
    empty = kb("print", "--theme", "talent", "--year", "2030", "-o", str(tmp_path / "x.pdf"), "--cache-dir", cache)
    assert (empty.returncode, empty.stderr) == (1, "错误：没有符合这些条件的内容（2030年）；请放宽条件，或用 kb check 核对写法\n")
    bad_year = kb("print", "--year", "20-21", "-o", str(tmp_path / "x.pdf"), "--cache-dir", cache)
    assert (bad_year.returncode, bad_year.stderr) == (1, "错误：--year 20-21：要写一个年份（2020）或一段年份（2020-2022）\n")
    nothing = kb("print", "-o", str(tmp_path / "x.pdf"))
    assert (nothing.returncode, nothing.stderr) == (1, "错误：请说明要印哪些内容：--theme 专题、--year 年份、--speaker 讲话人、--term 提法、--speech 讲话（可以组合）\n")
    assert not (tmp_path / "x.pdf").exists()


def test_handouts_are_reproducible(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"a.txt": PLACEHOLDER_SPEECH})
    build_site(ROOT / "mkdocs.yml", tmp_path / "one", corpus_dir=corpus, pdf=True)
    build_site(ROOT / "mkdocs.yml", tmp_path / "two", corpus_dir=corpus, pdf=True, cache_dir=tmp_path / "cache")
    one = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one/pdf").rglob("*.pdf"))
    assert one and one == sorted(p.relative_to(tmp_path / "two") for p in (tmp_path / "two/pdf").rglob("*.pdf"))
    for path in one:
        assert (tmp_path / "one" / path).read_bytes() == (tmp_path / "two" / path).read_bytes()


NEWEST_TALENT_SPEECH = (
    "在全市人才工作会议上的讲话\n"
    "（2026年3月9日）\n"
    "同志们：\n"
    "一、优化人才发展环境\n"
    "要落实人才引进政策，建设人才服务平台，为各类人才创新创业提供保障，让人才引得进、留得住、用得好。\n"
)


def test_a_newer_speech_leaves_the_handouts_that_do_not_quote_it_as_they_were(tmp_path):
    """A cover dates its material (资料截至) by the newest speech it quotes: a curator who adds this
    year's speech has only the handouts that quote it typeset again, not every handout of the site."""
    before = build_knowledge_base(make_corpus(tmp_path / "before", {"a.txt": PLACEHOLDER_SPEECH}))
    after = build_knowledge_base(make_corpus(tmp_path / "after", {"a.txt": PLACEHOLDER_SPEECH, "b.txt": NEWEST_TALENT_SPEECH}))
    old = {h.path: h for h in plan_handouts(before, "组织部", speech_handouts=False)}
    new = {h.path: h for h in plan_handouts(after, "组织部", speech_handouts=False)}
    assert sorted(old) == ["pdf/themes/cadres.pdf", "pdf/themes/political-building.pdf"]
    assert sorted(new) == ["pdf/themes/cadres.pdf", "pdf/themes/political-building.pdf", "pdf/themes/talent.pdf"]
    assert new["pdf/themes/cadres.pdf"] == old["pdf/themes/cadres.pdf"]
    assert new["pdf/themes/political-building.pdf"] == old["pdf/themes/political-building.pdf"]
    assert dict(old["pdf/themes/cadres.pdf"].cover_facts)["资料截至"] == "2021年3月5日"
    assert dict(new["pdf/themes/talent.pdf"].cover_facts)["资料截至"] == "2026年3月9日"


def _typeset_two_in_a_forked_child(printer, handouts, results):
    printed, _ = printer.print_all(handouts)
    results.put(sorted((path, pdf.pages) for path, pdf in printed.items()))


def test_a_process_forked_after_typst_ran_still_typesets(tmp_path):
    """Typst's runtime does not survive a fork (its locks come along, held): a build's handout child
    forked from a process that already typeset (kb serve, the tests) must use fresh processes."""
    import multiprocessing

    from build_kb.publish.pdf import Printer
    from build_kb.render.handout import Handout

    corpus = make_corpus(tmp_path / "c", {"a.txt": PLACEHOLDER_SPEECH})
    printer = Printer(load_print_config(corpus), corpus, tmp_path / "store", publisher="某某组织部")
    handouts = [Handout(path=f"pdf/{n}.pdf", title=f"材料{n}", blocks=[{"kind": "p", "text": "同志们：", "n": 1}]) for n in range(3)]
    printed, _ = printer.print_all(handouts[:1])  # Typst now runs in this process
    assert printed["pdf/0.pdf"].pages >= 1
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    child = context.Process(target=_typeset_two_in_a_forked_child, args=(printer, handouts[1:], results))
    child.start()
    child.join(120)
    if child.is_alive():
        child.kill()
        pytest.fail("the forked child hung in Typst")
    assert [path for path, pages in results.get(timeout=5) if pages >= 1] == ["pdf/1.pdf", "pdf/2.pdf"]


def test_page_counts_are_read_from_the_page_tree_without_pypdf(seed_site, monkeypatch):
    from build_kb.publish.pdf import _count_pages

    site, _ = seed_site
    handouts = sorted((site / "pdf" / "themes").glob("*.pdf"))[:2] + sorted((site / "pdf" / "speeches").glob("*.pdf"))[:2]
    monkeypatch.setitem(sys.modules, "pypdf", None)  # importing it now fails: the page tree is enough
    for handout in handouts:
        assert _count_pages(handout.read_bytes()) == len(pdf_pages(handout)), handout.name


def test_a_page_tree_it_cannot_read_is_left_to_pypdf():
    from build_kb.publish.pdf import _count_pages

    # A root /Pages dictionary without /Type (which readers accept): not Typst's way, so pypdf counts.
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Kids [3 0 R 4 0 R] /Count 2 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>", b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
    pdf, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    assert _count_pages(bytes(pdf)) == 2


def test_handouts_go_to_the_workers_longest_first_and_one_at_a_time_when_few():
    from build_kb.publish.pdf import _chunk, _longest_first

    jobs = [("pdf/a.pdf", "字" * 10, "a"), ("pdf/themes/b.pdf", "字" * 300, "b"), ("pdf/c.pdf", "字" * 50, "c"), ("pdf/d.pdf", "字" * 50, "d")]
    assert [path for path, _, _ in _longest_first(jobs)] == ["pdf/themes/b.pdf", "pdf/c.pdf", "pdf/d.pdf", "pdf/a.pdf"]
    assert _chunk(jobs, 2) == 1  # a rebuild's few: four to one worker would leave the other idle
    assert _chunk(jobs * 8, 2) == 4  # a cold build's many: fewer messages
