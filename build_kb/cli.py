"""The `kb` command (also `./kb`, `python -m build_kb`): a thin edge over the library.

Everything it prints is Chinese, for the office staff who curate the corpus: library exceptions
become one line `错误：…` and exit code 1, argparse's own messages are translated, third-party
warnings (pypdf, MkDocs, Material, Python's warnings) are kept for `-v`. It shows progress on a
terminal and ends with a one-line summary.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import time
import warnings
from pathlib import Path

from . import __version__
from .errors import KbError, describe_os_error, safe_name


class Progress:
    """`[3/120] 002_讲话.txt` on one terminal line; silent when stderr is not a terminal."""

    def __init__(self, stream=sys.stderr):
        self.stream = stream
        self.enabled = stream.isatty()

    def __call__(self, done: int, total: int, what: str) -> None:
        if not self.enabled:
            return
        if done >= total:
            self.stream.write("\r\033[K")
        else:
            self.stream.write(f"\r\033[K[{done + 1}/{total}] {what[:70]}")
        self.stream.flush()


def command_name() -> str:
    """How the user runs `kb`, for hints that name what works: `./kb`, `kb` (on PATH) or the path typed."""
    if os.environ.get("KB_PROG"):
        return os.environ["KB_PROG"]
    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else Path("kb")
    if argv0.name == "__main__.py":
        return "python -m build_kb"
    on_path = shutil.which(argv0.name)
    if on_path and Path(on_path).resolve() == argv0.resolve():
        return argv0.name
    return str(argv0) if argv0.name == "kb" else "kb"


def summary(kb, site_dir: Path, seconds: float) -> str:
    sections = sum(len(s.all_sections()) for s in kb.speeches)
    paragraphs = sum(len(s.all_paragraphs()) for s in kb.speeches)
    lines, pieces = (sum(n) for n in zip((0, 0), *(s.removal_counts() for s in kb.speeches)))  # whole lines, pieces of kept ones
    return (
        f"已生成 {len(kb.speeches)} 篇讲话：{sections} 个部分、{paragraphs} 个段落；删除非正文 {lines} 行" + (f"、行内文字 {pieces} 处" if pieces else "") + "；"
        f"警告 {len(kb.warnings)} 条，跳过 {len(kb.errors)} 个文件 → {site_dir}（{seconds:.1f} 秒）"
    )


def options_from(args, site_dir: Path, allow_shrink: bool) -> "BuildOptions":
    from .build import BuildOptions

    return BuildOptions(
        config_file=Path(args.config),
        site_dir=site_dir,
        corpus_dir=Path(args.corpus) if args.corpus else None,
        cache_dir=None if getattr(args, "no_cache", False) else Path(args.cache_dir),
        strict=getattr(args, "strict", False),
        allow_shrink=allow_shrink,
        follow_links=args.follow_links,
        pdf=getattr(args, "pdf", None),
        progress=Progress(),
    )


def cmd_build(args) -> int:
    from .build import build

    start = time.perf_counter()
    report = build(options_from(args, Path(args.site_dir), args.allow_shrink))
    if report.skipped:
        print(f"{args.site_dir} 已是最新：上次生成以来没有任何改动（{time.perf_counter() - start:.1f} 秒）")
    else:
        print(summary(report.kb, Path(args.site_dir), time.perf_counter() - start))
    return 0


def watched_paths(project) -> list[Path]:
    """What `kb serve` watches: a change to any of these rebuilds the site."""
    return [project.corpus_dir, project.docs_dir, project.config_file.absolute()]


def cmd_serve(args) -> int:
    import tempfile

    from .build import build
    from .edges import parse_dev_addr
    from .publish.site import open_project

    from mkdocs.livereload import LiveReloadServer  # after .publish: ProperDocs may stand in for MkDocs

    host, port, warning = parse_dev_addr(args.dev_addr, args.allow_network)  # before any build: a bad address costs nothing
    site = Path(tempfile.mkdtemp(prefix="kb-serve-"))
    # A preview: a corpus emptied while editing is shown as it is.
    options = options_from(args, site, allow_shrink=True)

    def rebuild() -> None:
        start = time.perf_counter()
        try:
            report = build(options)
        except KbError as exc:
            print(error_text(exc), file=sys.stderr)
            return
        if not report.skipped:
            print(summary(report.kb, Path("预览"), time.perf_counter() - start))

    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(site))
    if warning:
        print(warning, file=sys.stderr)
    for path in watched_paths(open_project(options.config_file, options.corpus_dir)):
        server.watch(str(path))
    try:  # the first build too: Ctrl+C or SIGTERM during it still removes the preview folder
        rebuild()
        print(f"知识库网站已在 http://{host}:{port}/ 提供浏览（按 Ctrl+C 停止）", flush=True)
        server.serve()
    except KeyboardInterrupt:  # Ctrl+C, or SIGTERM/SIGHUP (edges.terminate_cleanly)
        print("已停止。")
    finally:
        server.shutdown()
        shutil.rmtree(site, ignore_errors=True)
        (site.parent / f".{site.name}.lock").unlink(missing_ok=True)
    return 0


def cmd_check(args) -> int:
    """What the build understood of each speech: fields and their rules, outline, removals, what to check."""
    import json

    from .check import check_report, needs_a_human, report_text
    from .ingest.read import SPEECH_SUFFIXES, decoded_name
    from .pipeline import build_knowledge_base

    corpus = Path(args.corpus).resolve()
    files = []
    for name in args.files:
        path = Path(name).resolve()
        if not path.exists() and (corpus / name).is_file():  # a speech named as kb check lists it (a.txt)
            path = (corpus / name).resolve()
        if path.suffix.lower() not in SPEECH_SUFFIXES and path.suffix:
            # the Word or PDF file itself, before or after `kb add`: it answered 不是语料目录里的讲话文件,
            # or sent the curator to --corpus, when what reads it is kb add
            raise KbError(f"{name}：{command_name()} {args.command} 只看语料里的讲话文件（.txt）；Word、PDF、网页请先用 {command_name()} add 加入语料，再看加入后的 .txt")
        try:
            files.append(decoded_name(path.relative_to(corpus).as_posix()))
        except ValueError:
            raise KbError(f"{name}：不在语料目录 {corpus} 里；新文件请先用 {command_name()} add 加入语料，语料在别处的用 --corpus 指明语料文件夹") from None
    rules = Path(args.rules) if getattr(args, "rules", None) and Path(args.rules).is_dir() else None
    report = check_report(build_knowledge_base(corpus, rules_dir=rules), files or None)
    for name in files:
        if not any(s["file"] == name for s in report["speeches"]) and not any(line.startswith(name) for line in report["not_built"]):
            raise KbError(f"{name}：不是语料目录 {corpus} 里的讲话文件（.txt）")
    if args.format == "json":
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(report_text(report))
    return 1 if args.strict and needs_a_human(report) else 0


def cmd_add(args) -> int:
    """Import Word, PDF, web-page and text files into the corpus, with a speeches.yaml stub for each."""
    from .config import CONFIG_FILES
    from .curate import add_files, summary_table

    corpus = Path(args.corpus)
    missing = [name for name in CONFIG_FILES if not (corpus / name).exists()]
    results = add_files([Path(p) for p in args.files], corpus, progress=Progress())
    print(summary_table(results))
    started = [name for name in missing if (corpus / name).exists()]
    if started:
        print(f"\n新的语料目录：写入了标准的 {'、'.join(started)}（网页残留清洗规则、专题、提法），导入已按它们读取；可按本单位需要修改")
    imported = [r for r in results if r.status == "imported"]
    if imported:
        # a command the curator can copy as it is: another corpus than the default is named (check looks
        # in corpus/ otherwise and refuses the files), and files left off the line are counted
        where = f"--corpus {corpus} " if corpus != Path("corpus") else ""
        more = f"（另有 {len(imported) - 3} 篇，不写文件名则核对全部讲话）" if len(imported) > 3 else ""
        print(
            f"\n下一步：在 {corpus / 'speeches.yaml'} 里核对识别出的标题、日期、讲话人，然后运行 {command_name()} check {where}"
            + " ".join(str(corpus / r.stored_as) for r in imported[:3]) + more
        )
    return 1 if any(r.status in ("failed", "refused") for r in results) else 0


def cmd_outline(args) -> int:
    """`kb check` for one file, in the folder it is in (for speeches.yaml: section ids and rules)."""
    path = Path(args.file).resolve()
    args.corpus = args.corpus or str(path.parent)
    args.files, args.format, args.strict = [str(path)], "text", False
    return cmd_check(args)


def cmd_print(args) -> int:
    """A study handout for any selection of the corpus, as one PDF."""
    from .config import load_print_config
    from .edges import check_print_output
    from .store import write_atomic
    from .pipeline import build_knowledge_base
    from .publish.pdf import Printer
    from .publish.site import check_cache_dir, open_project
    from .render.handout import Selection, selection_handout

    project = open_project(Path(args.config), Path(args.corpus) if args.corpus else None)
    if args.basket:
        return print_basket(args, project)
    selection = Selection(
        themes=args.theme or [], years=parse_years(args.year) if args.year else None, speakers=args.speaker or [], terms=args.term or [], speeches=args.speech or []
    )
    if not any((selection.themes, selection.years, selection.speakers, selection.terms, selection.speeches)):
        raise KbError("请说明要印哪些内容：--theme 专题、--year 年份、--speaker 讲话人、--term 提法、--speech 讲话（可以组合）")
    output = Path(args.output)
    check_print_output(output, {"语料文件夹": project.corpus_dir, "docs 文件夹": project.docs_dir, "构建缓存": Path(args.cache_dir), "网站输出文件夹": Path(project.config["site_dir"])}, args.force)
    check_cache_dir(Path(args.cache_dir), {"语料文件夹": project.corpus_dir, "docs 文件夹": project.docs_dir})
    kb = build_knowledge_base(project.corpus_dir, progress=Progress(), cache_dir=Path(args.cache_dir) if args.cache_dir else None)
    printer = Printer(load_print_config(project.corpus_dir), project.corpus_dir, Path(args.cache_dir) / "pdf", publisher=project.config["site_name"])
    handout = selection_handout(kb, selection, printer.publisher, path=output.name)
    printed, warnings = printer.print_all([handout])
    for warning in warnings:
        print(f"警告：{warning}", file=sys.stderr)
    pdf = next(iter(printed.values()))
    output.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(output, pdf.file.read_bytes())
    excerpts = sum(1 for b in handout.blocks if b["kind"] == "excerpt")
    what = f"{excerpts} 处摘编" if excerpts else f"{sum(1 for b in handout.blocks if b['kind'] in ('p', 'salutation'))} 个段落"
    print(f"{output}：{pdf.pages} 页，{what}（{'·'.join(x for x in (handout.title, handout.subtitle) if x)}）")
    return 0


def print_basket(args, project) -> int:
    """`kb print --basket 材料.md`: the basket page's download typeset as a handout (no corpus needed)."""
    from .config import load_print_config
    from .publish.pdf import Printer
    from .render.basket import basket_handout

    source = Path(args.basket)
    try:
        text = source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        raise KbError(f"{source}：读不出这个文件；请用网站材料篮页面“下载 .md”得到的文件") from None
    output = Path(args.output)
    printer = Printer(load_print_config(project.corpus_dir), project.corpus_dir, Path(args.cache_dir) / "pdf", publisher=project.config["site_name"])
    handout = basket_handout(text, str(source), printer.publisher, output.name)
    printed, warnings = printer.print_all([handout])
    for warning in warnings:
        print(f"警告：{warning}", file=sys.stderr)
    pdf = next(iter(printed.values()))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(pdf.file.read_bytes())
    excerpts = sum(1 for b in handout.blocks if b["kind"] == "excerpt")
    print(f"{output}：{pdf.pages} 页，{excerpts} 处摘录（{handout.title}）")
    return 0


def parse_years(text: str) -> tuple[int, int]:
    """`2020` or `2020-2022` → (first, last)."""
    import re

    match = re.fullmatch(r"\s*(\d{4})\s*(?:[-–—~至到]\s*(\d{4}))?\s*", text)
    if not match:
        raise KbError(f"--year {text}：要写一个年份（2020）或一段年份（2020-2022）")
    first, last = int(match.group(1)), int(match.group(2) or match.group(1))
    if last < first:
        raise KbError(f"--year {text}：结束的年份早于开始的年份")
    return first, last


def cmd_evaluate(args) -> int:
    from .evaluate import evaluate_file, evaluate_metadata, has_held_out, metadata_report

    # The rules the build uses: the corpus folder of the project it is run from, whatever folder
    # the cases are in (a set kept elsewhere was once scored against no rules at all).
    rules = Path(args.rules or "corpus")
    if not (rules / "boilerplate.yaml").is_file():
        raise KbError(f"--rules {rules}：那里没有 boilerplate.yaml；请在项目目录里运行，或用 --rules 指明规则所在的文件夹")
    print(evaluate_file(Path(args.labels), rules))
    if has_held_out(Path(args.labels)):
        # Like the metadata's held-out cases: sections labelled with the others and never tuned on, reported apart.
        print()
        print("专题（留作检验的样例）")
        print(evaluate_file(Path(args.labels), rules, held_out=True))
    metadata = Path(args.metadata)
    if metadata.is_file():
        print()
        # The held-out cases are reported apart: nobody tunes the reader on them.
        print(metadata_report(evaluate_metadata(metadata, rules, held_out=False), "调校用的样例"))
        print()
        print(metadata_report(evaluate_metadata(metadata, rules, held_out=True), "留作检验的样例"))
    return 0


ARGPARSE_CHINESE = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示这份说明",
    "show program's version number and exit": "显示版本号",
    "%(prog)s: error: %(message)s\n": "%(prog)s：%(message)s\n",
    "unrecognized arguments: %s": "不认识的参数：%s",
    "the following arguments are required: %s": "缺少参数：%s",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "没有 %(value)r 这一项，可选的有：%(choices)s",
    "expected one argument": "后面要写一个值",
    "expected at least one argument": "后面至少要写一个值",
    "expected at most one argument": "后面最多写一个值",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的值",
    "ambiguous option: %(option)s could match %(matches)s": "%(option)s 不明确，可能是 %(matches)s",
    "ignored explicit argument %r": "这个选项不带值：%r",
    "not allowed with argument %s": "不能和 %s 一起用",
    "one of the arguments %s is required": "需要 %s 中的一个",
}
"""argparse's own words, which it looks up through gettext: the curator sees them in Chinese."""


def _chinese(text: str) -> str:
    return ARGPARSE_CHINESE.get(text, text)


def _chinese_plural(singular: str, plural: str, n: int) -> str:
    return _chinese(singular if n == 1 else plural)


argparse._ = _chinese
argparse.ngettext = _chinese_plural


class Parser(argparse.ArgumentParser):
    """argparse with one Chinese line per mistake (and what to run for help) instead of usage + error."""

    def error(self, message):
        self.exit(2, f"{self.prog}：{message}（{command_name()} {' '.join(self.prog.split()[1:] + ['-h'])} 查看用法）\n")


def make_parser() -> argparse.ArgumentParser:
    prog = command_name()
    parser = Parser(prog=prog, description="把组织工作讲话整理成可浏览、可检索、可打印的知识库网站。")
    parser.add_argument("--version", action="version", version=f"zuzhi-kb {__version__}", help="显示版本号")
    parser.add_argument("-v", "--verbose", action="store_true", help="同时显示每一行删除的内容、MkDocs 和其他组件的消息")
    # -v also after the subcommand (`kb build -v`): SUPPRESS keeps a -v given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="同时显示每一行删除的内容、MkDocs 和其他组件的消息")
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令", parser_class=Parser)

    def command(name, help):
        return sub.add_parser(name, help=help, description=help, parents=[common])

    def site_options(parser):
        """What building a site reads: the same four options for build and serve."""
        parser.add_argument("--config", metavar="文件", default="mkdocs.yml", help="MkDocs 配置文件（默认 mkdocs.yml）")
        parser.add_argument("--corpus", metavar="目录", help="语料目录（默认取 mkdocs.yml 里插件的 corpus 设置，即 corpus/）")
        parser.add_argument("--cache-dir", metavar="目录", default=".kb-cache", help="逐篇结果的缓存目录（默认 .kb-cache）")
        parser.add_argument("--follow-links", action="store_true", help="也读取指向语料目录之外的链接文件")

    build = command("build", "生成网站到 site/（一次性替换）并写出 site/kb.json")
    site_options(build)
    build.add_argument("--site-dir", metavar="目录", default="site", help="网站生成到哪里（默认 site）")
    build.add_argument("--strict", action="store_true", help="有任何警告就算失败：退出码 1，保留原来的网站")
    build.add_argument("--no-cache", action="store_true", help="不用缓存，全部重新生成")
    build.add_argument("--allow-shrink", action="store_true", help="新网站一篇讲话都没有、或不到原来一半时也照样发布")
    build.add_argument("--pdf", dest="pdf", action="store_true", default=None, help="排学习材料 PDF（默认就排，除非 print.yaml 写了 pdf: false）")
    build.add_argument("--no-pdf", dest="pdf", action="store_false", help="不排学习材料（更快；页面上没有 PDF 链接）")
    build.set_defaults(func=cmd_build)

    serve = command("serve", "生成网站并在本机提供浏览，corpus/、docs/、mkdocs.yml 有改动时自动重新生成")
    site_options(serve)
    serve.add_argument("--dev-addr", metavar="地址", default="127.0.0.1:8000", help="浏览地址（默认 127.0.0.1:8000；只写端口即 127.0.0.1）")
    serve.add_argument("--allow-network", action="store_true", help="允许 --dev-addr 使用本机以外可访问的地址（局域网中的其他电脑能看到预览）")
    serve.set_defaults(func=cmd_serve)

    check = command("check", "显示程序对每篇讲话的理解，以及需要人工核对的地方")
    check.add_argument("files", nargs="*", metavar="文件", help="要看的讲话文件（默认全部）")
    check.add_argument("--corpus", metavar="目录", default="corpus", help="语料目录（默认 corpus）")
    check.add_argument("--rules", metavar="目录", help="boilerplate.yaml 和 themes.yaml 所在的目录（默认语料目录）")
    check.add_argument("--format", choices=("text", "json"), default="text", help="text 给人看，json 给其他程序读")
    check.add_argument("--strict", action="store_true", help="有任何需要核对的地方时退出码为 1")
    check.set_defaults(func=cmd_check)

    add = command("add", "把 Word、PDF、网页、文本文件（或整个文件夹）加入语料")
    add.add_argument("files", nargs="+", metavar="文件", help="要加入的文件或文件夹")
    add.add_argument("--corpus", metavar="目录", default="corpus", help="语料目录（默认 corpus）")
    add.set_defaults(func=cmd_add)

    outline = command("outline", "显示一个讲话文件是怎样被读懂的（只看一个文件的 check）")
    outline.add_argument("file", metavar="文件")
    outline.add_argument("--corpus", metavar="目录", help="文件所属的语料目录（默认它所在的文件夹）")
    outline.add_argument("--rules", metavar="目录", default="corpus", help="boilerplate.yaml 和 themes.yaml 所在的目录（默认 corpus）")
    outline.set_defaults(func=cmd_outline)

    printing = command("print", "为任意选择（专题、年份、讲话人、提法、讲话）排一份学习材料 PDF")
    printing.add_argument("--theme", metavar="专题", action="append", help="专题 id 或名称（可重复），例如 cadres 或 干部队伍")
    printing.add_argument("--year", metavar="年份", help="年份或一段年份：2020、2020-2022")
    printing.add_argument("--speaker", metavar="姓名", action="append", help="讲话人姓名，与讲话页上的写法一致（可重复）")
    printing.add_argument("--term", metavar="提法", action="append", help="摘编必须用到的提法，例如 两个维护（可重复：全部都要用到）")
    printing.add_argument("--speech", metavar="讲话", action="append", help="讲话 id，即讲话页地址里的那一段（可重复）")
    printing.add_argument("--basket", metavar="文件", help="从网站“材料篮”页下载的 .md 文件：照它排成学习材料")
    printing.add_argument("-o", "--output", metavar="文件", default="学习材料.pdf", help="写到哪个 PDF 文件（默认 学习材料.pdf）")
    printing.add_argument("--force", action="store_true", help="覆盖 -o 指定的已有文件，即使它不是 kb print 生成的 PDF")
    printing.add_argument("--config", metavar="文件", default="mkdocs.yml", help="MkDocs 配置文件（默认 mkdocs.yml）")
    printing.add_argument("--corpus", metavar="目录", help="语料目录（默认 corpus/）")
    printing.add_argument("--cache-dir", metavar="目录", default=".kb-cache", help="逐篇结果和已排好的 PDF 的缓存目录（默认 .kb-cache）")
    printing.set_defaults(func=cmd_print)

    evaluate = command("evaluate", "用标注样例衡量专题分类、元数据识别和网页残留删除")
    evaluate.add_argument("labels", nargs="?", default="tests/eval/labels.yaml", metavar="专题标注", help="专题标注文件（默认 tests/eval/labels.yaml）")
    evaluate.add_argument("--rules", metavar="目录", help="themes.yaml 和 boilerplate.yaml 所在的目录（默认项目的 corpus/）")
    evaluate.add_argument("--metadata", metavar="文件", default="tests/eval/metadata.yaml", help="元数据和网页残留样例（默认 tests/eval/metadata.yaml）")
    evaluate.set_defaults(func=cmd_evaluate)
    return parser


LEVEL_NAMES = {"WARNING": "警告", "ERROR": "错误", "CRITICAL": "错误", "INFO": "", "DEBUG": ""}


class ChineseLevels(logging.Formatter):
    """`警告：…` / `错误：…`; information lines (with -v) bare."""

    def format(self, record):
        level = LEVEL_NAMES.get(record.levelname, record.levelname)
        message = safe_name(record.getMessage()) if record.name.startswith("build_kb") else record.getMessage()
        return f"{level}：{message}" if level else message


def only_ours(record: logging.LogRecord) -> bool:
    """Without -v, curators see this tool's messages only: pypdf's `invalid pdf header`, MkDocs'
    notes about docs/ and other libraries' remarks are English and not theirs to act on."""
    return record.name.startswith("build_kb")


def quiet_third_parties(verbose: bool) -> None:
    """Logging as basicConfig sets it up (nothing changes where a host, e.g. pytest, already has
    handlers), with Chinese level names and, without -v, this tool's messages only."""
    if not verbose:
        warnings.simplefilter("ignore")  # DeprecationWarnings and the like are for engineers (-v)
        logging.getLogger("mkdocs").setLevel(logging.WARNING)
    root = logging.getLogger()
    if root.handlers:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(ChineseLevels())
    if not verbose:
        handler.addFilter(only_ours)
    root.addHandler(handler)
    root.setLevel(logging.INFO if verbose else logging.WARNING)


def error_text(exc: Exception) -> str:
    """A library exception as the curator reads it: `错误：` and one line per problem."""
    return "错误：" + "\n".join(safe_name(line) for line in str(exc).splitlines())


def main(argv: list[str] | None = None) -> int:
    # Material prints its end-of-life notice when run as `mkdocs`; curators never see it.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "true")
    args = make_parser().parse_args(argv)
    quiet_third_parties(args.verbose)
    from .edges import terminate_cleanly

    terminate_cleanly()
    try:
        return args.func(args)
    except KbError as exc:
        print(error_text(exc), file=sys.stderr)
        return 1
    except BrokenPipeError:  # `kb check | head`: the reader has what it wanted (before OSError, its base class)
        # Python would flush the closed pipe again at exit and complain; point stdout at nothing instead.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        print(f"错误：{describe_os_error(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已中断；原来的网站没有改动。", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
