"""The handouts' typography, read from where the PDFs put every glyph (pdfminer.six, tests/pdfcheck.py):
full-width punctuation, page breaks, balanced titles; on the seed site and on a generated theme
volume of 100 speeches."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from build_kb.config import load_print_config
from build_kb.pipeline import build_knowledge_base
from build_kb.publish.pdf import Printer
from build_kb.render.handout import plan_handouts, speech_handout, title_words, unbroken_names

from conftest import ROOT
from pdfcheck import crowded_excerpts, page_break_problems, read_pages, runt_lines, split_words, squeezed_marks, title_lines

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (make test installs it)")

PUBLISHER = "组织工作讲话知识库"


def headings_of(handout) -> list[str]:
    """What a page must not end with: chapter and section headings, and an excerpt's heading with its number."""
    texts = [b["text"] for b in handout.blocks if b["kind"] in ("h1", "h2", "h3", "subhead")]
    texts += [f"{b['n']}．{b['paras'][0]['text']}" for b in handout.blocks if b["kind"] == "excerpt" and b["paras"][0]["kind"] == "head"]
    return texts


def part_ends(pages) -> set[int]:
    """The pages a part of a volume ends on (a speech, with its 版记; a theme's year, before the next
    year's title): they may be short, as the last page of a handout may."""
    ends = {n for n, lines in enumerate(pages, 1) if any(line.text.startswith("编印：") for line in lines)}
    return ends | {n - 1 for n, lines in enumerate(pages, 1) if lines and abs(lines[0].size - 22) < 0.5}


def assert_titles_balanced(pages) -> None:
    for lines in title_lines(pages, 22):
        if len(lines) > 1:
            assert len(lines[-1]) >= 0.4 * max(len(line) for line in lines), f"a title's last line is short: {lines}"


def test_seed_theme_handouts_keep_punctuation_full_width_and_break_pages_well(seed_site):
    site, kb = seed_site
    handouts = list(plan_handouts(kb, PUBLISHER, speech_handouts=False))
    assert len(handouts) == 5
    for handout in handouts:
        pages = read_pages(site / handout.path)
        assert squeezed_marks(pages) == [], handout.path
        assert runt_lines(pages) == [], handout.path
        # Cover and contents first; the last page may be short, holding the end of the source list,
        # but never just the 版记 and a line or two.
        assert page_break_problems(pages, headings_of(handout), first_body_page=3) == [], handout.path
        assert crowded_excerpts(pages) == [] and len(pages[-1]) >= 5, handout.path
        assert "习近平" in unbroken_names(handout.text()) and split_words(pages, unbroken_names(handout.text())) == [], handout.path
        # A short source list is never split: it stands whole on the last page, with the 版记.
        assert [n for n, lines in enumerate(pages, 1) if n > 2 and any(line.text.startswith("附：来源讲话") for line in lines)] == [len(pages)], handout.path


def assert_headings_break_between_words(pages, handout) -> int:
    """A 黑体 heading set on two lines or more breaks between its words (title_words) and in balanced
    lines; returns how many such headings there are."""
    words = {"".join(b["words"]).replace(" ", ""): b["words"] for b in handout.blocks if b["kind"] == "h1" and b.get("words")}
    found = 0
    for lines in pages:
        runs, run = [], []
        for line in lines + [None]:
            if line is not None and "Hei" in line.font_of_first() and abs(line.size - 16) < 0.5:
                run.append(line.text.replace(" ", ""))
            elif run:
                runs.append(run)
                run = []
        for run in runs:
            if len(run) > 1 and "".join(run) in words:
                found += 1
                ends, end = set(), 0
                for word in words["".join(run)]:
                    end += len(word.replace(" ", ""))
                    ends.add(end)
                cuts = [sum(len(x) for x in run[: i + 1]) for i in range(len(run) - 1)]
                assert all(c in ends for c in cuts), f"a heading breaks inside a word: {run}"
                assert len(run[-1]) >= 0.4 * max(len(x) for x in run), f"a heading's last line is short: {run}"
    return found


def test_seed_volumes_keep_punctuation_full_width_and_balance_titles(seed_site, tmp_path):
    """The yearly volumes print.yaml's speech_handouts: true asks for (and `kb print --speech`'s form)."""
    _, kb = seed_site
    volumes = [h for h in plan_handouts(kb, PUBLISHER, speech_handouts=True) if h.path.startswith("pdf/speeches/")]
    assert [v.path for v in volumes] == ["pdf/speeches/2018.pdf", "pdf/speeches/2020.pdf", "pdf/speeches/undated.pdf"]
    printer = Printer(load_print_config(ROOT / "corpus"), ROOT / "corpus", tmp_path, publisher=PUBLISHER)
    long_titles = long_headings = 0
    for volume in volumes:
        _, stored, _, _ = printer.typeset((volume.path, printer.data(volume), str(tmp_path / "volume.pdf"), tuple(volume.parts)))
        pages = read_pages(stored)
        assert squeezed_marks(pages) == [], volume.path
        assert runt_lines(pages) == [] and split_words(pages, unbroken_names(volume.text())) == [], volume.path
        assert page_break_problems(pages, headings_of(volume), first_body_page=3, short_allowed=part_ends(pages), sources=False) == [], volume.path
        assert_titles_balanced(pages)
        long_titles += sum(1 for lines in title_lines(pages, 22) if len(lines) > 1)
        long_headings += assert_headings_break_between_words(pages, volume)
    assert long_titles >= 1  # 全面落实新时代党的建设总要求 为决胜… takes two lines
    assert long_headings >= 5  # 第五，以提升组织力为重点，着力 / 推动基层党组织全面进步、全面过硬


def test_a_title_breaks_between_words_and_keeps_its_marks():
    assert title_words("全面落实新时代党的建设总要求 为决胜全面建成小康社会、决战脱贫攻坚 提供坚强组织保障")[-4:] == ["提供", "坚强", "组织", "保障"]
    words = title_words("关于“精心组织市县乡党委换届工作”等五个方面的讲话")
    assert "".join(words) == "关于“精心组织市县乡党委换届工作”等五个方面的讲话"
    assert "“" in words and "”" in words  # marks stand apart from the words (boxed words would squeeze them)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """100 speeches from bench/generate.py, their knowledge base and a printer."""
    out = tmp_path_factory.mktemp("generated")
    subprocess.run([sys.executable, str(ROOT / "bench/generate.py"), "100", str(out / "corpus")], check=True, capture_output=True, timeout=600)
    kb = build_knowledge_base(out / "corpus")
    printer = Printer(load_print_config(out / "corpus"), out / "corpus", out / "store", publisher=PUBLISHER)
    return out, kb, printer


def test_a_generated_100_speech_theme_volume_reads_like_a_digest(generated):
    """A theme of more than 120 excerpts: one volume, a part a year (its year page links the part)."""
    out, kb, printer = generated
    themes = [h for h in plan_handouts(kb, PUBLISHER, speech_handouts=False)]
    largest = max(themes, key=lambda h: sum(1 for b in h.blocks if b["kind"] == "excerpt"))
    assert largest.path.count("/") == 2 and len(largest.parts) >= 5
    _, stored, count, parts = printer.typeset((largest.path, printer.data(largest), str(out / "theme.pdf"), tuple(largest.parts)))
    pages = read_pages(stored)
    assert len(pages) == count >= 100
    assert squeezed_marks(pages) == [] and runt_lines(pages) == []
    assert page_break_problems(pages, headings_of(largest), first_body_page=3, short_allowed=part_ends(pages)) == []
    assert crowded_excerpts(pages) == [] and len(pages[-1]) >= 5 and split_words(pages, unbroken_names(largest.text())) == []
    # Each year's part opens with its year as a title and runs to the page before the next one's.
    spans = [parts[key] for key in largest.parts]
    assert spans[0][0] == 3 and spans[-1][1] == count and all(a[1] + 1 == b[0] for a, b in zip(spans, spans[1:]))
    for key, (first, _) in parts.items():
        assert pages[first - 1][0].text == key.rsplit("/", 1)[1] + "年"

    from build_kb.render.pages import render_pages

    theme_id = largest.path.rsplit("/", 1)[1].removesuffix(".pdf")
    printed = {key: (largest.path, *span) for key, span in parts.items()}
    year = largest.parts[1].rsplit("/", 1)[1]
    page = render_pages(kb, {largest.path: count}, printed_parts=printed)[f"themes/{theme_id}/{year}.md"]
    first, last = parts[largest.parts[1]]
    assert f'href="../../../pdf/themes/{theme_id}.pdf#page={first}" target="_blank">打印{year}年学习材料 PDF</a>（' in page.html
    assert f"专题学习材料第{first}—{last}页）" in page.html


def test_generated_speeches_keep_punctuation_full_width_and_balance_titles(generated):
    out, kb, printer = generated
    for speech in kb.speeches[:12]:
        handout = speech_handout(speech, PUBLISHER)
        _, stored, count, _ = printer.typeset((handout.path, printer.data(handout), str(out / f"{speech.id}.pdf")))
        pages = read_pages(stored)
        assert squeezed_marks(pages) == [], speech.id
        assert page_break_problems(pages, headings_of(handout), first_body_page=1, sources=False) == [], speech.id
        assert_titles_balanced(pages)


def test_an_excerpts_source_gives_date_and_meeting_and_never_a_file():
    from build_kb.pipeline import build_knowledge_base as build
    from build_kb.render.handout import source_line

    kb = build(ROOT / "corpus")
    sources = {s.title: source_line(s, with_speaker=True) for s in kb.speeches}
    assert sources["在全区组织工作会议上的讲话"] == "（喻显镔2018年2月27日在全区组织工作会议上的讲话）"
    assert sources["在2020年全市组织工作会议上的讲话"] == "（在2020年全市组织工作会议上的讲话）"  # its year is in its title
    assert sources["在党建工作会议上的讲话"] == "（[2020年]在党建工作会议上的讲话）"  # a year the text does not state: bracketed
    assert sources["关于“精心组织市县乡党委换届工作”等五个方面的讲话"] == "（《关于“精心组织市县乡党委换届工作”等五个方面的讲话》）"
    assert source_line(kb.speeches[0], with_speaker=False) == "（2018年2月27日在全区组织工作会议上的讲话）"


def test_an_excerpts_heading_drops_the_speechs_own_number():
    from build_kb.render.handout import ORDINAL

    headings = ["（三）加强干部监督", "三、加强干部监督", "第三，加强干部监督", "3．加强干部监督", "二是基层基础持续巩固提升。", "四要切实抓好干部教育培训。", "一方面，强化精准培训", "2018年工作回顾"]
    assert [ORDINAL.sub("", h) for h in headings] == [
        "加强干部监督", "加强干部监督", "加强干部监督", "加强干部监督", "基层基础持续巩固提升。", "要切实抓好干部教育培训。", "一方面，强化精准培训", "2018年工作回顾"]


def test_a_leaders_name_is_found_where_the_text_names_a_leader():
    assert unbroken_names("以习近平同志为核心的党中央。习近平总书记强调，全体同志要学习贯彻习近平新时代中国特色社会主义思想。") == ["习近平"]
    assert unbroken_names("区委书记强调，全体同志要认真落实。") == []
