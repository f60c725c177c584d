"""The `kb` command as a user runs it: exit codes, messages and the summary line."""

import subprocess
import sys

from conftest import ROOT, make_corpus

GOOD = "在全县组织工作会议上的讲话\n同志们：\n一、加强基层党组织建设。提升组织力。\n二、建设高素质干部队伍。坚持好干部标准。\n"


def kb(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "build_kb", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_help_lists_commands():
    result = kb("--help")
    assert result.returncode == 0
    for command in ("build", "serve", "outline", "evaluate"):
        assert command in result.stdout


def test_build_prints_one_line_summary(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"a.txt": GOOD, "b.txt": "仅供学习 禁止外传\n" + GOOD.replace("全县", "全市").replace("提升", "全面提升")})
    result = kb("build", "--corpus", str(corpus), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip().splitlines()[-1]
    assert line.startswith("已生成 2 篇讲话：6 个部分、6 个段落；删除非正文 1 行；警告 0 条，跳过 0 个文件 → ")
    assert (tmp_path / "site" / "kb.json").exists()


def test_strict_turns_warnings_into_exit_1(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"a.txt": GOOD, "empty.txt": ""})
    loose = kb("build", "--corpus", str(corpus), "--site-dir", str(tmp_path / "site"))
    assert loose.returncode == 0
    assert "警告：empty.txt：文件是空的，没有可生成的内容；请放入讲话文本，或删去这个文件\n" in loose.stderr
    strict = kb("build", "--strict", "--corpus", str(corpus), "--site-dir", str(tmp_path / "site2"))
    assert strict.returncode == 1
    assert strict.stderr.strip().splitlines()[-1] == "错误：有 1 条警告或错误（见上面），--strict 下停止生成；原来的网站保留不动"
    assert "Traceback" not in strict.stderr
    assert not (tmp_path / "site2").exists()


def test_config_errors_are_reported_once_each_with_file_and_line(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"a.txt": GOOD})
    (corpus / "themes.yaml").write_text("themes:\n  - id: Bad Id\n    name: x\n", encoding="utf-8")
    result = kb("build", "--corpus", str(corpus), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == (
        "错误：配置文件有 2 处错误：\n"
        "  c/themes.yaml:2：专题 id 只能用小写英文字母和数字，中间用单个连字符连接（最多 64 个字符），例如 bad-id；现在写的是 'Bad Id'\n"
        "  c/themes.yaml:2：专题 Bad Id 没有关键词；请在 keywords.strong 下面加几个\n"
    )


def test_missing_corpus(tmp_path):
    result = kb("build", "--corpus", str(tmp_path / "nowhere"), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1
    assert result.stderr == f"错误：{tmp_path / 'nowhere'}：没有这个语料目录；请建好它并放入讲话文件，或用 --corpus 指明语料所在的文件夹\n"


def test_outline_shows_ids_for_overrides():
    result = kb("outline", "corpus/001_109e6641f84a65ed.txt")
    assert result.returncode == 0, result.stderr
    assert "标题：  在党建工作会议上的讲话   ← 标题区的标题行\n" in result.stdout
    assert "  第 1 行 [广告（advertising-block）] 仅供学习 禁止外传\n" in result.stdout
    assert "s1-3" in result.stdout and "（三）干部队伍建设持续加强。" in result.stdout


def test_build_with_the_default_corpus_of_a_project(tmp_path):
    """What `make site` runs: `kb build` in a project folder, corpus/ found next to mkdocs.yml."""
    import shutil

    project = tmp_path / "project"
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    make_corpus(project / "corpus", {"a.txt": GOOD})
    first = kb("build", cwd=project)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("已生成 1 篇讲话")
    assert (project / "site" / "kb.json").exists() and (project / ".kb-cache").is_dir()
    again = kb("build", cwd=project)
    assert again.stdout.startswith("site 已是最新：上次生成以来没有任何改动（")


def test_evaluate_scores_a_case_set_kept_anywhere_against_the_projects_rules(tmp_path):
    cases = tmp_path / "cases.yaml"
    cases.write_text(
        "cases:\n"
        "  - name: footer\n"
        "    text: |\n"
        "      在全县组织工作会议上的讲话\n"
        "      同志们：\n"
        "      {body}\n"
        "      【打印本页】【关闭窗口】\n"
        "    expect: {title: 在全县组织工作会议上的讲话, date: null, speaker: null, speaker_role: null, occasion: 全县组织工作会议, level: 县}\n"
        "    chrome: [\"【打印本页】【关闭窗口】\"]\n"
        "bodies:\n"
        "  body: |\n"
        "    一、加强基层党组织建设。要提升组织力，突出政治功能。\n"
        "    二、建设高素质干部队伍。要坚持好干部标准。\n",
        encoding="utf-8",
    )
    result = kb("evaluate", "--metadata", str(cases))
    assert result.returncode == 0, result.stderr
    assert "网页残留：删除 1/1 行（召回率 100.0%），精确率 100.0%；误删正文 0 行" in result.stdout
    missing = kb("evaluate", "--metadata", str(cases), cwd=tmp_path)
    assert missing.returncode != 0 and missing.stderr.startswith("错误：--rules corpus：那里没有 boilerplate.yaml；")


BASKET = (
    "# 学习材料（测试）\n\n## 坚持党管干部\n\n党有核心，才能万众一心。\n\n第二段文字。\n\n"
    "——（摘自《在全区组织工作会议上的讲话》，2018年2月27日，喻显镔）\n<!-- kb: 000-0529276282a01e65#p7 -->\n\n"
    "## 基层\n\n要抓好基层。\n\n——（摘自《在党建工作会议上的讲话》，2020年）\n"
)


def test_print_basket_typesets_the_basket_pages_download(tmp_path):
    import shutil

    from build_kb.errors import KbError
    from build_kb.render.basket import basket_handout

    handout = basket_handout(BASKET, "b.md", "某县委组织部", "b.pdf")
    assert handout.title == "学习材料（测试）" and handout.toc
    assert [(b["kind"], b.get("text") or b["source"]) for b in handout.blocks] == [
        ("h1", "一、坚持党管干部"), ("excerpt", "（摘自《在全区组织工作会议上的讲话》，2018年2月27日，喻显镔）"),
        ("h1", "二、基层"), ("excerpt", "（摘自《在党建工作会议上的讲话》，2020年）"),
    ]
    assert handout.blocks[1]["paras"] == [{"kind": "p", "text": "党有核心，才能万众一心。"}, {"kind": "p", "text": "第二段文字。"}]
    try:
        basket_handout(BASKET.replace("——（摘自《在党建", "（摘自《在党建"), "b.md", "", "b.pdf")
    except KbError as exc:
        assert str(exc) == "b.md:14：这段摘录后面缺少“——”开头的出处行（每段摘录以出处结束）"
    else:
        raise AssertionError("a basket without a source line was accepted")
    if not shutil.which("pdftotext"):
        return
    (tmp_path / "b.md").write_text(BASKET, encoding="utf-8")
    result = kb("print", "--basket", str(tmp_path / "b.md"), "-o", str(tmp_path / "b.pdf"), "--cache-dir", str(tmp_path / "cache"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("页，2 处摘录（学习材料（测试））")
    text = subprocess.run(["pdftotext", str(tmp_path / "b.pdf"), "-"], capture_output=True, text=True, check=True).stdout.replace("\n", "")
    assert "一、坚持党管干部" in text and "党有核心，才能万众一心。" in text and "kb:" not in text
