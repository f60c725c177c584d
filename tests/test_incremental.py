"""A rebuild that reuses the cache publishes exactly what a cold build of the same corpus publishes."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from build_kb.build import BuildOptions, build
from conftest import ROOT, build_site, make_corpus

MKDOCS_YML = ROOT / "mkdocs.yml"

NEW_SPEECH = """在全市人才工作推进会上的讲话
（2022年6月8日）
同志们：
一、深刻认识人才工作的重要意义。人才是第一资源，要坚持党管人才原则，把各方面优秀人才集聚到党和人民的事业中来。
二、抓好基层党组织建设。要以提升组织力为重点，把基层党组织建设成为坚强战斗堡垒。
三、建设高素质干部队伍。坚持好干部标准，大力发现培养选拔优秀年轻干部。
"""


def add(corpus: Path) -> None:
    # A speech of its own: the fixture's extra speech has the same body, and a copy would be built once.
    text = NEW_SPEECH + "四、深化人才发展体制机制改革。要向用人主体授权，为人才松绑，让各类人才的创造活力竞相迸发。\n"
    (corpus / "100_new.txt").write_text(text, encoding="utf-8")


def edit(corpus: Path) -> None:
    target = sorted(corpus.glob("0*.txt"))[1]
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("干部", "领导干部", 3) + "\n同志们，要把会议精神落到实处。\n", encoding="utf-8")


def delete(corpus: Path) -> None:
    sorted(corpus.glob("0*.txt"))[2].unlink()


def rename(corpus: Path) -> None:
    source = sorted(corpus.glob("0*.txt"))[3]
    source.rename(corpus / ("zz_" + source.name))


def retheme(corpus: Path) -> None:
    themes = corpus / "themes.yaml"
    themes.write_text(themes.read_text(encoding="utf-8").replace("高素质", "高素质专业化", 1), encoding="utf-8")


def override(corpus: Path) -> None:
    name = sorted(corpus.glob("0*.txt"))[0].name
    overrides = corpus / "speeches.yaml"
    text = overrides.read_text(encoding="utf-8").replace("\n{}\n", "\n")
    overrides.write_text(text + f"{name}:\n  speaker: 张某某\n  speaker_role: 市委常委、组织部部长\n", encoding="utf-8")


def files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def first_build(tmp_path_factory):
    """The seeds and one more speech, built once with a cache: (corpus, site, cache)."""
    root = tmp_path_factory.mktemp("incremental")
    corpus = make_corpus(root / "corpus", {"050_extra.txt": NEW_SPEECH.replace("人才工作推进会", "组织工作会议").replace("2022年6月8日", "2021年3月2日")}, with_seeds=True)
    build_site(MKDOCS_YML, root / "site", corpus_dir=corpus, cache_dir=root / "cache")
    return corpus, root / "site", root / "cache"


def copy_of(first_build, tmp_path: Path) -> tuple[Path, Path, Path]:
    """A copy of the first build's corpus, site and cache, to change and rebuild."""
    copies = tuple(tmp_path / name for name in ("corpus", "site", "cache"))
    for original, copy in zip(first_build, copies):
        shutil.copytree(original, copy)
    return copies


@pytest.mark.parametrize("change", [add, edit, delete, rename, retheme, override], ids=lambda f: f.__name__)
def test_rebuild_after_a_change_equals_a_cold_build(first_build, tmp_path, change):
    corpus, site, cache = copy_of(first_build, tmp_path)
    change(corpus)
    incremental = build_site(MKDOCS_YML, site, corpus_dir=corpus, cache_dir=cache, allow_shrink=True)
    assert incremental is not None, "the change was not noticed"
    cold = tmp_path / "cold"
    build_site(MKDOCS_YML, cold, corpus_dir=corpus, allow_shrink=True)
    warm_files, cold_files = files(site), files(cold)
    assert sorted(warm_files) == sorted(cold_files)
    assert [name for name in cold_files if warm_files[name] != cold_files[name]] == []
    assert warm_files != files(first_build[1])


@pytest.mark.parametrize("change", [edit, add], ids=lambda f: f.__name__)
def test_after_a_change_the_theme_lays_out_only_the_pages_that_changed(first_build, tmp_path, change):
    """`add` adds the newest speech, which moves the build date (site.corpus_epoch): no page shows
    it, so it must not lay out every page again."""
    corpus, site, cache = copy_of(first_build, tmp_path)
    before = files(site)
    change(corpus)
    report = build(BuildOptions(config_file=MKDOCS_YML, site_dir=site, corpus_dir=corpus, cache_dir=cache, pdf=False))
    after = files(site)
    changed_pages = sorted(name for name in after if name.endswith(".html") and before.get(name) != after[name])
    # Every page whose bytes changed was laid out again, and no other generated page was.
    assert changed_pages == report.laid_out
    assert 0 < len(report.laid_out) < len([n for n in after if n.endswith(".html")]) // 2


@pytest.mark.parametrize("change", [edit, add], ids=lambda f: f.__name__)
def test_a_page_whose_body_alone_changed_is_put_into_its_earlier_frame(first_build, tmp_path, change):
    """Theme pages quoting the edited speech, and a speech that now cites the new one, keep their
    outline and place: the theme need not lay them out again. The site is still a cold build's."""
    corpus, site, cache = copy_of(first_build, tmp_path)
    edited = "speeches/" + sorted(corpus.glob("0*.txt"))[1].stem.replace("_", "-") + "/index.html"
    change(corpus)
    report = build(BuildOptions(config_file=MKDOCS_YML, site_dir=site, corpus_dir=corpus, cache_dir=cache, pdf=False))
    assert set(report.framed) < set(report.laid_out)
    if change is edit:  # its headings changed too ("干部" → "领导干部"): a new outline, a new frame
        assert sorted(set(report.laid_out) - set(report.framed)) == [edited]
    else:
        assert "speeches/100-new/index.html" not in report.framed
        assert [p for p in report.framed if p.startswith("speeches/") and p != "speeches/index.html"]
    assert "themes/cadres/index.html" in report.framed
    cold = tmp_path / "cold"
    build_site(MKDOCS_YML, cold, corpus_dir=corpus)
    assert files(site) == files(cold)


def test_a_frame_is_kept_through_builds_that_do_not_lay_its_page_out(first_build, tmp_path):
    corpus, site, cache = copy_of(first_build, tmp_path)
    options = BuildOptions(config_file=MKDOCS_YML, site_dir=site, corpus_dir=corpus, cache_dir=cache, pdf=False)
    edit(corpus)
    build(options)
    override(corpus)  # another speech: its page was not laid out by the two builds before
    overridden = "speeches/" + sorted(corpus.glob("0*.txt"))[0].stem.replace("_", "-") + "/index.html"
    assert overridden in build(options).framed


def test_no_cache_no_page_layouts_kept(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", {"a.txt": NEW_SPEECH})
    report = build(BuildOptions(config_file=MKDOCS_YML, site_dir=tmp_path / "site", corpus_dir=corpus, pdf=False))
    assert report.laid_out is None


def test_a_damaged_page_layout_is_laid_out_again(first_build, tmp_path):
    corpus, site, cache = copy_of(first_build, tmp_path)
    stored = sorted((cache / "pages").glob("*/*.html.z"))
    assert stored
    for path in stored[::2]:
        path.write_bytes(path.read_bytes()[:40])
    edit(corpus)
    report = build(BuildOptions(config_file=MKDOCS_YML, site_dir=site, corpus_dir=corpus, cache_dir=cache, pdf=False))
    cold = tmp_path / "cold"
    build_site(MKDOCS_YML, cold, corpus_dir=corpus)
    assert files(site) == files(cold)
    assert len(report.laid_out) > len(stored) // 2


def test_pages_left_unchanged_are_the_live_files_themselves(first_build, tmp_path):
    corpus, site, cache = copy_of(first_build, tmp_path)
    build(BuildOptions(config_file=MKDOCS_YML, site_dir=site, corpus_dir=corpus, cache_dir=cache, pdf=False))  # the live site is now this build's
    inodes = {p: p.stat().st_ino for p in site.rglob("*.html")}
    texts = {p: p.stat().st_ino for p in (site / "search" / "t").glob("*.js")}
    edit(corpus)
    report = build(BuildOptions(config_file=MKDOCS_YML, site_dir=site, corpus_dir=corpus, cache_dir=cache, pdf=False))
    generated = {p for p in inodes if p.relative_to(site).parts[0] in ("speeches", "themes", "terms", "timeline", "speakers", "occasions")}
    kept = sorted(str(p.relative_to(site)) for p in generated if p.stat().st_ino == inodes[p])
    assert kept == sorted(str(p.relative_to(site)) for p in generated if str(p.relative_to(site)) not in report.laid_out)
    assert len(kept) > len(generated) // 2
    # The search index's text of every speech but the edited one is the live file, linked.
    assert len([p for p in texts if p.stat().st_ino == texts[p]]) == len(texts) - 1
    cold = tmp_path / "cold"
    build_site(MKDOCS_YML, cold, corpus_dir=corpus)
    assert files(site) == files(cold)


@pytest.mark.parametrize("change", [add, delete], ids=lambda f: f.__name__)
def test_adding_or_deleting_a_speech_keeps_every_other_speech_text_of_the_search_index(first_build, tmp_path, change):
    corpus, site, cache = copy_of(first_build, tmp_path)
    build(BuildOptions(config_file=MKDOCS_YML, site_dir=site, corpus_dir=corpus, cache_dir=cache, pdf=False))
    before = {p.name: p.stat().st_ino for p in (site / "search" / "t").glob("*.js")}
    change(corpus)
    build(BuildOptions(config_file=MKDOCS_YML, site_dir=site, corpus_dir=corpus, cache_dir=cache, pdf=False))
    after = {p.name: p.stat().st_ino for p in (site / "search" / "t").glob("*.js")}
    kept = before.keys() & after.keys()
    assert len(after) - len(before) == (1 if change is add else -1) and len(kept) == min(len(before), len(after))
    assert [name for name in sorted(kept) if after[name] != before[name]] == []


def test_a_live_page_changed_by_hand_is_made_again(first_build, tmp_path):
    corpus, site, cache = copy_of(first_build, tmp_path)
    options = BuildOptions(config_file=MKDOCS_YML, site_dir=site, corpus_dir=corpus, cache_dir=cache, pdf=False)
    build(options)
    touched = sorted((site / "terms").rglob("index.html"))[1]
    touched.write_text(touched.read_text(encoding="utf-8").replace("</h1>", "（本地改动）</h1>", 1), encoding="utf-8")
    exported = sorted((site / "kb" / "speeches").glob("*.json.gz"))[-1]  # not the edited speech's
    exported.write_bytes(gzip.compress(gzip.decompress(exported.read_bytes()).replace('"text":"'.encode(), '"text":"（本地改动）'.encode(), 1)))
    edit(corpus)
    report = build(options)
    assert str(touched.relative_to(site)) not in report.laid_out  # its layout came from the cache …
    cold = tmp_path / "cold"
    build_site(MKDOCS_YML, cold, corpus_dir=corpus)
    assert files(site) == files(cold)  # … not from the changed file


def test_an_export_file_is_made_again_only_when_what_it_is_made_from_changed(first_build, tmp_path, monkeypatch):
    from build_kb.publish import export

    corpus, site, cache = copy_of(first_build, tmp_path)
    options = BuildOptions(config_file=MKDOCS_YML, site_dir=site, corpus_dir=corpus, cache_dir=cache, pdf=False)
    build(options)  # the live site is now this build's
    before = {p.name: (p.stat().st_ino, p.read_bytes()) for p in (site / "kb" / "speeches").glob("*.json.gz")}
    terms_before = {p.name: (p.stat().st_ino, p.read_bytes()) for p in (site / "kb" / "terms").glob("*.json.gz")}
    made = []
    make = export.speech_sections
    monkeypatch.setattr(export, "speech_sections", lambda speech, kb: made.append(f"{speech.id}.json.gz") or make(speech, kb))
    compressed = []
    encode = export._encoded
    monkeypatch.setattr(export, "_encoded", lambda name, text: compressed.append(name) or encode(name, text))
    edit(corpus)
    report = build(options)
    after = {p.name: (p.stat().st_ino, p.read_bytes()) for p in (site / "kb" / "speeches").glob("*.json.gz")}
    changed = sorted(name for name in after if after[name][1] != before[name][1])
    edited = next(s for s in report.kb.speeches if s.source.rel_path == sorted(corpus.glob("0*.txt"))[1].name)
    assert f"{edited.id}.json.gz" in changed and len(changed) < len(after)
    assert sorted(made) == changed
    assert [name for name in after if name not in changed and after[name][0] != before[name][0]] == []  # the live files, linked
    terms_after = {p.name: (p.stat().st_ino, p.read_bytes()) for p in (site / "kb" / "terms").glob("*.json.gz")}
    same_terms = [name for name in terms_after if terms_before.get(name, (0, b""))[1] == terms_after[name][1]]
    assert len(same_terms) > len(terms_after) // 2 and all(terms_after[name][0] == terms_before[name][0] for name in same_terms)
    assert sorted(name.rsplit("/", 1)[1] for name in compressed if name.startswith("kb/terms/")) == sorted(set(terms_after) - set(same_terms))
    cold = tmp_path / "cold"
    build_site(MKDOCS_YML, cold, corpus_dir=corpus)
    assert files(site) == files(cold)


OTHER_SPEECH = """在全县基层党建工作推进会上的讲话
（2020年9月15日）
同志们：
一、推动基层党组织全面进步全面过硬。要持续整顿软弱涣散村党组织，选优配强村党组织书记。
二、加强党员教育管理。要严格落实“三会一课”制度，引导党员在乡村振兴中当先锋作表率。
"""


def test_the_search_index_read_from_the_cache_is_the_one_a_cold_build_writes(tmp_path, monkeypatch):
    """With a cache the search child reads each speech from it, under the id the build gave it (two
    files named alike: one is renamed)."""
    from build_kb import build as build_module

    corpus = make_corpus(tmp_path / "corpus", {"a/report.txt": NEW_SPEECH, "b/report.txt": OTHER_SPEECH})
    cold = tmp_path / "cold"
    build_site(MKDOCS_YML, cold, corpus_dir=corpus)

    def not_from_the_knowledge_base(*args):
        raise AssertionError("the search index was written from the knowledge base")

    monkeypatch.setattr(build_module, "write_search_index", not_from_the_knowledge_base)
    kb = build_site(MKDOCS_YML, tmp_path / "site", corpus_dir=corpus, cache_dir=tmp_path / "cache")
    assert sorted(s.id for s in kb.speeches)[0] == "report" and sorted(s.id for s in kb.speeches)[1].startswith("report-")
    assert files(tmp_path / "site") == files(cold)


def test_a_cache_emptied_during_the_build_still_gives_the_whole_search_index(tmp_path, monkeypatch, caplog):
    from build_kb import build as build_module

    corpus = make_corpus(tmp_path / "corpus", {"a.txt": NEW_SPEECH, "b.txt": OTHER_SPEECH})
    cache = tmp_path / "cache"
    parse = build_module.parse_corpus

    def parse_then_empty_the_cache(*args, **kwargs):
        parsed = parse(*args, **kwargs)
        shutil.rmtree(cache / "speeches")
        return parsed

    monkeypatch.setattr(build_module, "parse_corpus", parse_then_empty_the_cache)
    build_site(MKDOCS_YML, tmp_path / "site", corpus_dir=corpus, cache_dir=cache)
    monkeypatch.undo()
    cold = tmp_path / "cold"
    build_site(MKDOCS_YML, cold, corpus_dir=corpus)
    assert files(tmp_path / "site") == files(cold)
    assert "不见了或已损坏；改为直接从知识库写检索索引" in caplog.text


def test_a_rebuild_takes_the_search_entries_of_unchanged_speeches_from_the_cache(first_build, tmp_path, monkeypatch):
    """Only the edited speech is read again for the search index: the others' entries are kept under
    their speech cache keys (the search child forks from this process, so it sees the patch)."""
    from build_kb.publish import search_index

    corpus, site, cache = copy_of(first_build, tmp_path)
    edit(corpus)
    made = tmp_path / "made.txt"
    entry_of = search_index._entry_of

    def noted(speech, *args):
        with open(made, "a", encoding="utf-8") as f:
            f.write(speech.source.rel_path + "\n")
        return entry_of(speech, *args)

    monkeypatch.setattr(search_index, "_entry_of", noted)
    build_site(MKDOCS_YML, site, corpus_dir=corpus, cache_dir=cache, allow_shrink=True)
    assert made.read_text(encoding="utf-8").split() == [sorted(corpus.glob("0*.txt"))[1].name]


def test_damaged_search_entries_are_made_again(first_build, tmp_path):
    corpus, site, cache = copy_of(first_build, tmp_path)
    kept = sorted((cache / "search" / "speeches").rglob("*.bin"))
    assert len(kept) == len(list(corpus.glob("*.txt")))
    for path in kept:
        path.write_bytes(path.read_bytes()[:-7])
    edit(corpus)
    build_site(MKDOCS_YML, site, corpus_dir=corpus, cache_dir=cache, allow_shrink=True)
    cold = tmp_path / "cold"
    build_site(MKDOCS_YML, cold, corpus_dir=corpus, allow_shrink=True)
    assert files(site / "search") == files(cold / "search")


def test_after_an_edit_only_the_pages_whose_inputs_changed_are_made_again(first_build, tmp_path, monkeypatch):
    """A page made on demand is known by its inputs (HtmlPage.later): the rebuild makes again the
    edited speech's page, the pages it changed, and the 提法 pages that cite it (their inputs name
    the speeches they quote by cache key), and no other."""
    from build_kb.render import common

    corpus, site, cache = copy_of(first_build, tmp_path)
    edit(corpus)
    made: list[str] = []
    later = common.HtmlPage.later.__func__

    def counted(cls, title, fill, inputs=None, **meta):
        def fill_and_note(page):
            made.append(title)
            fill(page)

        return later(cls, title, fill_and_note, inputs, **meta)

    monkeypatch.setattr(common.HtmlPage, "later", classmethod(counted))
    report = build(BuildOptions(config_file=MKDOCS_YML, site_dir=site, corpus_dir=corpus, cache_dir=cache, pdf=False))
    kb = report.kb
    edited = kb.speeches[[s.source.rel_path for s in kb.speeches].index(sorted(corpus.glob("0*.txt"))[1].name)]
    laid_out = {kb.speech(p.split("/")[1]).title for p in report.laid_out if p.startswith("speeches/") and p != "speeches/index.html"}
    citing = {t.term for t in kb.terms if any(o.speech_id == edited.id for o in t.occurrences)}
    assert edited.title in laid_out and citing
    assert sorted(made) == sorted(laid_out | citing)


def test_a_page_whose_inputs_miss_a_change_is_made_right_and_said(first_build, tmp_path, monkeypatch, caplog):
    """Inputs that leave out something the page shows are a bug: when the page has to be made all
    the same (here its stored layout is gone), the difference is logged and the new page published."""
    from build_kb.render import pages

    corpus, site, cache = copy_of(first_build, tmp_path)
    monkeypatch.setattr(pages, "_speech_inputs", lambda site, speech, *neighbours: speech.id)
    build_site(MKDOCS_YML, site, corpus_dir=corpus, cache_dir=cache, allow_shrink=True)  # made records from these inputs
    for layout in (cache / "pages").glob("*/*.html.z"):
        layout.unlink()
    edit(corpus)
    build_site(MKDOCS_YML, site, corpus_dir=corpus, cache_dir=cache, allow_shrink=True)
    cold = tmp_path / "cold"
    build_site(MKDOCS_YML, cold, corpus_dir=corpus, allow_shrink=True)
    assert files(site) == files(cold)
    assert "输入没变，页面却和上次不同；页面缓存的输入漏掉了什么" in caplog.text


def test_a_rebuild_compiles_no_template_of_the_theme(first_build, tmp_path, monkeypatch):
    import jinja2

    corpus, site, cache = copy_of(first_build, tmp_path)
    build(BuildOptions(config_file=MKDOCS_YML, site_dir=site, corpus_dir=corpus, cache_dir=cache, pdf=False))  # lays out a page from the cache: kb-verbatim.html too
    compiled = []
    compile_template = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile", lambda self, source, name=None, *args, **kwargs: compiled.append(name) or compile_template(self, source, name, *args, **kwargs))
    edit(corpus)
    build(BuildOptions(config_file=MKDOCS_YML, site_dir=site, corpus_dir=corpus, cache_dir=cache, pdf=False))
    assert compiled == []
    shutil.rmtree(cache / "pages" / "templates")  # a cache without them: compiled, and kept again
    edit(corpus)
    build(BuildOptions(config_file=MKDOCS_YML, site_dir=site, corpus_dir=corpus, cache_dir=cache, pdf=False))
    assert "main.html" in compiled and len(list((cache / "pages" / "templates").iterdir())) == len(set(compiled))
