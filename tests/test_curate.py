"""`kb add`: importing Word, PDF, web-page and text files into a corpus, as a curator does."""

from __future__ import annotations

import subprocess
import sys

from build_kb.config import load_overrides
from build_kb.curate import add_files, stored_name
from build_kb.pipeline import build_knowledge_base

from conftest import ROOT, make_corpus
from office_files import write_docx, write_pdf, write_saved_page

EXISTING = "在全区组织工作会议上的讲话\n同志们：\n一、加强党的政治建设。要把党的政治建设摆在首位，坚决做到“两个维护”。\n二、建设高素质干部队伍。坚持好干部标准，大力发现储备年轻干部。\n"


def kb_add(*args):
    return subprocess.run([sys.executable, "-m", "build_kb", "add", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_a_folder_of_office_files_is_imported_with_stubs(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", {"old.txt": EXISTING, "speeches.yaml": "# overrides\n{}\n"})
    inbox = tmp_path / "收件"
    inbox.mkdir()
    write_docx(inbox / "组织工作会议讲话.docx")
    write_pdf(inbox / "推进会讲话.pdf")
    write_saved_page(inbox / "县组织工作会议.htm")
    (inbox / "gb.txt").write_bytes("在全市人才工作会议上的讲话\n（2022年5月6日）\n同志们：\n一、聚焦人才引进。\n".encode("gb18030"))
    (inbox / "notes.xlsx").write_bytes(b"PK")  # not a speech format: not picked up from a folder

    run = kb_add(str(inbox), "--corpus", str(corpus))
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "gb.txt                 加入 → gb.txt　《在全市人才工作会议上的讲话》　2022-05-06（按国标（GBK/GB18030）编码读取）",
        "县组织工作会议.htm     加入 → 县组织工作会议.txt　《在全县组织工作会议上的讲话》　2023-03-02（取出网页正文，不要导航栏和侧栏；网页标题放在最前面）",
        "推进会讲话.pdf         加入 → 推进会讲话.txt　《在全市基层党建工作推进会上的讲话》（共 3 页；去掉页码 3 处；去掉页眉页脚 3 行；62 行接成 22 段）",
        "组织工作会议讲话.docx  加入 → 组织工作会议讲话.txt　《在全市组织工作会议上的讲话》　2023-03-08（写出自动编号 6 处；表格 2 行按行保留；1 条脚注放在文末；按 Word 标题样式或大纲级别认出小标题 5 个，写入 speeches.yaml 的 heading_lines）",
        "",
        "加入 4 个（共 4 个文件）",
        "",
        f"下一步：在 {corpus / 'speeches.yaml'} 里核对识别出的标题、日期、讲话人，然后运行 python -m build_kb check --corpus {corpus} {corpus / 'gb.txt'} {corpus / '县组织工作会议.txt'} {corpus / '推进会讲话.txt'}（另有 1 篇，不写文件名则核对全部讲话）",
    ]
    # the command it suggests runs as printed (it named no --corpus, and check refused files outside corpus/)
    suggested = run.stdout.splitlines()[-1].split("然后运行 python -m build_kb ")[1].split("（")[0].split(" ")
    assert subprocess.run([sys.executable, "-m", "build_kb", *suggested], cwd=ROOT, capture_output=True, text=True, timeout=300).returncode == 0
    assert sorted(p.name for p in corpus.glob("*.txt")) == ["gb.txt", "old.txt", "县组织工作会议.txt", "推进会讲话.txt", "组织工作会议讲话.txt"]
    assert (corpus / "组织工作会议讲话.txt").read_text(encoding="utf-8").startswith("在全市组织工作会议上的讲话\n\n市委常委、组织部部长　赵明远\n")
    yaml_text = (corpus / "speeches.yaml").read_text(encoding="utf-8")
    docx_sha = __import__("hashlib").sha256((inbox / "组织工作会议讲话.docx").read_bytes()).hexdigest()
    assert (
        "# kb add 加入：组织工作会议讲话.docx（Word 文档）→ 组织工作会议讲话.txt。请对照原件逐项核对、改正，然后删去这行说明。\n"
        '"组织工作会议讲话.txt":\n'
        '  original: "组织工作会议讲话.docx"\n'
        f"  original_sha256: {docx_sha}\n"
        "  heading_lines: {11: 1, 13: 2, 21: 1, 23: 2, 31: 1}   # 行号: 级别，取自原文件的标题样式、大纲级别或字号\n"
        "  table_lines: [25, 27]   # 原文件表格里的行：按正文读，不当作网页残留删去\n"
        '  title: "在全市组织工作会议上的讲话"   # 识别依据：文档标明的标题：Word 的“标题”样式\n'
        "  date: 2023-03-08   # 识别依据：标题区的日期行\n"
        '  speaker: "赵明远"   # 识别依据：署名里的职务和姓名\n'
        '  speaker_role: "市委常委、组织部部长"   # 识别依据：署名里的职务\n'
        '  occasion: "全市组织工作会议"   # 识别依据：标题：在…上的讲话\n'
    ) in yaml_text
    assert yaml_text.startswith("# overrides\n\n# kb add 加入：") and "{}" not in yaml_text
    assert '  # speaker: 姓名   # 原文中没有找到讲话人；知道的话写上，并去掉行首的 #\n' in yaml_text
    overrides = load_overrides(corpus)
    assert sorted(overrides) == ["gb.txt", "县组织工作会议.txt", "推进会讲话.txt", "组织工作会议讲话.txt"]

    kb = build_knowledge_base(corpus)
    speech = next(s for s in kb.speeches if s.source.rel_path == "组织工作会议讲话.txt")
    assert [s.heading for s in speech.all_sections() if s.kind == "body"] == [
        "一、坚持政治引领，筑牢对党忠诚的思想根基", "（一）强化理论武装", "1.落实第一议题制度", "2.开展党员干部集中轮训",
        "二、抓实基层党建，推动基层党组织全面过硬", "（一）建强村级党组织", "关于今年的几项重点工作",
    ]
    page = next(s for s in kb.speeches if s.source.rel_path == "县组织工作会议.txt")
    assert [r.text for r in page.clean.removed] == ["开通会员免费下载全站文档，限时特惠！", "发布时间：2023-03-02 来源：网友投稿 浏览：1024次"]

    again = kb_add(str(inbox / "组织工作会议讲话.docx"), "--corpus", str(corpus))
    assert again.returncode == 0
    assert again.stdout.splitlines() == [
        "组织工作会议讲话.docx  以前加过：已存为 组织工作会议讲话.txt",
        "",
        "以前加过 1 个（共 1 个文件）",
    ]


def test_duplicates_and_name_clashes(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", {"old.txt": EXISTING})
    inbox = tmp_path / "in"
    inbox.mkdir()
    # The same speech re-typed: one character changed, a site line added, another name.
    (inbox / "copy.txt").write_text("来源：某某网\n" + EXISTING.replace("摆在首位", "摆在首要位置"), encoding="utf-8")
    (inbox / "old.txt").write_text("在全市人才工作会议上的讲话\n同志们：\n一、聚焦人才引进，落实人才新政。\n", encoding="utf-8")
    results = add_files([inbox / "copy.txt", inbox / "old.txt"], corpus)
    assert [(r.status, r.message) for r in results] == [
        ("duplicate", "和语料中的 old.txt 是同一篇讲话，没有再加"),
        ("refused", "语料中已有同名的 old.txt，内容是另一篇讲话；请给这个文件（或语料中的那个）改名后再加"),
    ]
    assert sorted(p.name for p in corpus.glob("*.txt")) == ["old.txt"]
    run = kb_add(str(inbox / "old.txt"), "--corpus", str(corpus))
    assert run.returncode == 1


def test_a_doubtful_value_is_left_for_the_curator(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", {})
    source = tmp_path / "no-name.txt"
    source.write_text("在全县组织工作会议上的讲话\n县委副书记\n同志们：\n一、加强党的政治建设。\n", encoding="utf-8")
    (result,) = add_files([source], corpus)
    assert result.status == "imported"
    text = (corpus / "speeches.yaml").read_text(encoding="utf-8")
    assert '  # speaker: 姓名   # 原文中没有找到讲话人；知道的话写上，并去掉行首的 #\n' in text
    assert '  speaker_role: "县委副书记"   # 识别依据：署名只有职务\n' in text


def test_stored_names_are_safe():
    from pathlib import Path

    assert stored_name(Path("a/在全市会议上的讲话（定稿）.docx")) == "在全市会议上的讲话（定稿）.txt"
    assert stored_name(Path('x/ab:c*?"<>|.pdf')) == "ab_c.txt"
    assert stored_name(Path("x/...docx")) == "speech.txt"


def test_a_long_speech_is_recognised_when_retyped_or_cut(tmp_path):
    # Long enough (over 2,000 pieces) to be compared on a sample of its pieces.
    points = [f"第{n}项工作要抓好组织建设和干部培养，把第{n}个支部的党员教育管理落到实处。" for n in range(1, 121)]
    long_text = "在全市组织工作会议上的讲话\n同志们：\n" + "\n".join(points) + "\n"
    corpus = make_corpus(tmp_path / "corpus", {"long.txt": long_text})
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "retyped.txt").write_text(long_text.replace("第7项", "第七项").replace("第9个", "第九个"), encoding="utf-8")
    (inbox / "cut.txt").write_text("\n".join(points[:10]) + "\n", encoding="utf-8")
    (inbox / "other.txt").write_text(long_text.replace("组织建设和干部培养", "人才引进和平台建设").replace("党员教育管理", "科技成果转化"), encoding="utf-8")
    results = add_files([inbox / "retyped.txt", inbox / "cut.txt", inbox / "other.txt"], corpus)
    assert [(r.status, r.message) for r in results] == [
        ("duplicate", "和语料中的 long.txt 是同一篇讲话，没有再加"),
        ("duplicate", "和语料中的 long.txt 是同一篇讲话，没有再加"),
        ("imported", ""),
    ]


# A page saved from a site: the site's path and a 来自 line above the title (made up in the common shape).
BREADCRUMB_PAGE = (
    "首页 > 领导讲话 > 正文\n来自：县委组织部\n在全县组织工作会议上的讲话\n（2024年3月5日）\n同志们：\n"
    "今天召开全县组织工作会议，主要任务是总结去年工作。\n一、提高政治站位\n要坚持党的全面领导，加强党的政治建设。\n"
)


def test_a_new_corpus_folder_starts_from_the_standard_configuration(tmp_path):
    corpus = tmp_path / "新语料"
    corpus.mkdir()
    (tmp_path / "讲话.txt").write_text(BREADCRUMB_PAGE, encoding="utf-8")

    run = kb_add(str(tmp_path / "讲话.txt"), "--corpus", str(corpus))
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    # read with the standard rules: the 来自 line is no title
    assert lines[0] == "讲话.txt  加入 → 讲话.txt　《在全县组织工作会议上的讲话》　2024-03-05（按 UTF-8 编码读取）"
    assert "新的语料目录：写入了标准的 boilerplate.yaml、themes.yaml、glossary.yaml（网页残留清洗规则、专题、提法），导入已按它们读取；可按本单位需要修改" in lines
    for name in ("boilerplate.yaml", "themes.yaml", "glossary.yaml"):
        assert (corpus / name).read_bytes() == (ROOT / "corpus" / name).read_bytes()
    assert load_overrides(corpus)["讲话.txt"].values["title"] == "在全县组织工作会议上的讲话"
    kb = build_knowledge_base(corpus)
    (speech,) = kb.speeches
    assert [section.themes for section in speech.sections if section.heading] == [["political-building"]]


def test_a_corpus_folder_that_is_not_there_is_not_made(tmp_path):
    (tmp_path / "讲话.txt").write_text(BREADCRUMB_PAGE, encoding="utf-8")
    run = kb_add(str(tmp_path / "讲话.txt"), "--corpus", str(tmp_path / "新语料"))
    assert run.returncode == 1 and not (tmp_path / "新语料").exists()
    assert run.stderr.strip().splitlines()[-1] == f"错误：{tmp_path / '新语料'}：没有这个语料目录；用 --corpus 指明语料所在的文件夹，要另起一个知识库就先建好这个空文件夹再加入"


def test_a_corpus_the_curator_has_set_up_is_left_as_it_is(tmp_path):
    # a folder with its own rules (and no themes on purpose), and one with only speeches.yaml
    own_rules = make_corpus(tmp_path / "own", config=False)
    (own_rules / "boilerplate.yaml").write_text("rules: []\n", encoding="utf-8")
    has_entries = make_corpus(tmp_path / "entries", {"speeches.yaml": "{}\n"}, config=False)
    (tmp_path / "讲话.txt").write_text(BREADCRUMB_PAGE, encoding="utf-8")

    for corpus in (own_rules, has_entries):
        run = kb_add(str(tmp_path / "讲话.txt"), "--corpus", str(corpus))
        assert run.returncode == 0, run.stderr
        assert "新的语料目录" not in run.stdout
        assert not (corpus / "themes.yaml").exists() and not (corpus / "glossary.yaml").exists()
    assert (own_rules / "boilerplate.yaml").read_text(encoding="utf-8") == "rules: []\n"
    assert not (has_entries / "boilerplate.yaml").exists()


def test_the_standard_configuration_is_the_project_corpus_configuration():
    # one copy to keep up: the files kb add copies into a new corpus are the project's own corpus/ files
    from build_kb.config import CONFIG_FILES, STANDARD_CONFIG_DIR

    for name in CONFIG_FILES:
        assert (STANDARD_CONFIG_DIR / name).read_bytes() == (ROOT / "corpus" / name).read_bytes()
