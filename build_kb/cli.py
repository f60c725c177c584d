"""The `kb` command (also `python -m build_kb`): a thin edge over the library.

It turns library exceptions into `Error: …` and exit code 1, shows progress on a terminal and ends
with a one-line summary.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
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


def summary(kb, site_dir: Path, seconds: float) -> str:
    sections = sum(len(s.all_sections()) for s in kb.speeches)
    paragraphs = sum(len(s.all_paragraphs()) for s in kb.speeches)
    removed = sum(len(s.clean.removed) for s in kb.speeches)
    return (
        f"Built {len(kb.speeches)} speeches: {sections} sections, {paragraphs} paragraphs; "
        f"{removed} boilerplate lines removed; {len(kb.warnings)} warnings, {len(kb.errors)} files skipped "
        f"→ {site_dir} ({seconds:.1f} s)"
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
        print(f"{args.site_dir} is up to date: nothing changed since the last build ({time.perf_counter() - start:.1f} s)")
    else:
        print(summary(report.kb, Path(args.site_dir), time.perf_counter() - start))
    return 0


def watched_paths(project) -> list[Path]:
    """What `kb serve` watches: a change to any of these rebuilds the site."""
    return [project.corpus_dir, project.docs_dir, project.config_file.absolute()]


def cmd_serve(args) -> int:
    import shutil
    import tempfile

    from mkdocs.livereload import LiveReloadServer

    from .build import build
    from .publish.site import open_project

    from .edges import parse_dev_addr

    host, port, warning = parse_dev_addr(args.dev_addr, args.allow_network)  # before any build: a bad address costs nothing
    site = Path(tempfile.mkdtemp(prefix="kb-serve-"))
    # A preview: a corpus emptied while editing is shown as it is.
    options = options_from(args, site, allow_shrink=True)

    def rebuild() -> None:
        start = time.perf_counter()
        try:
            report = build(options)
        except KbError as exc:
            print("Error: " + "\n".join(safe_name(line) for line in str(exc).splitlines()), file=sys.stderr)
            return
        if not report.skipped:
            print(summary(report.kb, Path("site (preview)"), time.perf_counter() - start))

    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(site))
    if warning:
        print(warning, file=sys.stderr)
    for path in watched_paths(open_project(options.config_file, options.corpus_dir)):
        server.watch(str(path))
    try:  # the first build too: Ctrl+C or SIGTERM during it still removes the preview folder
        rebuild()
        print(f"Serving the knowledge base at http://{host}:{port}/ (Ctrl+C to stop)")
        server.serve()
    except KeyboardInterrupt:
        print("Stopped.")
    finally:
        server.shutdown()
        shutil.rmtree(site, ignore_errors=True)
        (site.parent / f".{site.name}.lock").unlink(missing_ok=True)
    return 0


def cmd_check(args) -> int:
    """What the build understood of each speech: fields and their rules, outline, removals, what to check."""
    import json

    from .check import check_report, needs_a_human, report_text
    from .ingest.read import decoded_name
    from .pipeline import build_knowledge_base

    corpus = Path(args.corpus).resolve()
    files = []
    for name in args.files:
        path = Path(name).resolve()
        try:
            files.append(decoded_name(path.relative_to(corpus).as_posix()))
        except ValueError:
            raise KbError(f"{name}: not in the corpus {corpus}; give --corpus the folder it is in") from None
    rules = Path(args.rules) if getattr(args, "rules", None) and Path(args.rules).is_dir() else None
    report = check_report(build_knowledge_base(corpus, rules_dir=rules), files or None)
    for name in files:
        if not any(s["file"] == name for s in report["speeches"]) and not any(line.startswith(name) for line in report["not_built"]):
            raise KbError(f"{name}: not a speech file of {corpus} (.txt)")
    if args.format == "json":
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(report_text(report))
    return 1 if args.strict and needs_a_human(report) else 0


def cmd_add(args) -> int:
    """Import Word, PDF, web-page and text files into the corpus, with a speeches.yaml stub for each."""
    from .curate import add_files, summary_table
    from .ingest.read import decoded_name

    corpus = Path(args.corpus)
    results = add_files([Path(p) for p in args.files], corpus, progress=Progress())
    print(summary_table(results))
    for r in results:
        for note in r.notes:
            print(f"  {safe_name(decoded_name(Path(r.source).name))}: {note}")
    imported = [r for r in results if r.status == "imported"]
    if imported:
        print(f"\nNext: confirm the detected values in {corpus / 'speeches.yaml'}, then run: kb check " + " ".join(str(corpus / r.stored_as) for r in imported[:3]))
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
        raise KbError("say what to print: --theme, --year, --speaker, --term or --speech (any combination)")
    output = Path(args.output)
    check_print_output(output, {"语料文件夹": project.corpus_dir, "docs 文件夹": project.docs_dir, "构建缓存": Path(args.cache_dir), "网站输出文件夹": Path(project.config["site_dir"])}, args.force)
    check_cache_dir(Path(args.cache_dir), {"语料文件夹": project.corpus_dir, "docs 文件夹": project.docs_dir})
    kb = build_knowledge_base(project.corpus_dir, progress=Progress(), cache_dir=Path(args.cache_dir) if args.cache_dir else None)
    printer = Printer(load_print_config(project.corpus_dir), project.corpus_dir, Path(args.cache_dir) / "pdf", publisher=project.config["site_name"])
    handout = selection_handout(kb, selection, printer.publisher, path=output.name)
    printed, warnings = printer.print_all([handout])
    for warning in warnings:
        print(f"Warning: {warning}", file=sys.stderr)
    pdf = next(iter(printed.values()))
    output.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(output, pdf.file.read_bytes())
    excerpts = sum(1 for b in handout.blocks if b["kind"] == "excerpt")
    what = f"{excerpts} excerpts" if excerpts else f"{sum(1 for b in handout.blocks if b['kind'] in ('p', 'salutation'))} paragraphs"
    print(f"{output}: {pdf.pages} pages, {what} ({'·'.join(x for x in (handout.title, handout.subtitle) if x)})")
    return 0


def print_basket(args, project) -> int:
    """`kb print --basket 材料.md`: the basket page's download typeset as a handout (no corpus needed)."""
    from .config import load_print_config
    from .publish.pdf import Printer
    from .render.basket import basket_handout

    source = Path(args.basket)
    try:
        text = source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise KbError(f"{source}: 读不出这个文件（{exc}）：请用网站材料篮页面“下载 .md”得到的文件") from exc
    output = Path(args.output)
    printer = Printer(load_print_config(project.corpus_dir), project.corpus_dir, Path(args.cache_dir) / "pdf", publisher=project.config["site_name"])
    handout = basket_handout(text, str(source), printer.publisher, output.name)
    printed, warnings = printer.print_all([handout])
    for warning in warnings:
        print(f"Warning: {warning}", file=sys.stderr)
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
        raise KbError(f"--year {text!r}: write a year (2020) or a range (2020-2022)")
    first, last = int(match.group(1)), int(match.group(2) or match.group(1))
    if last < first:
        raise KbError(f"--year {text!r}: the range ends before it starts")
    return first, last


def cmd_evaluate(args) -> int:
    from .evaluate import evaluate_file, evaluate_metadata, metadata_report

    # The rules the build uses: the corpus folder of the project it is run from, whatever folder
    # the cases are in (a set kept elsewhere was once scored against no rules at all).
    rules = Path(args.rules or "corpus")
    if not (rules / "boilerplate.yaml").is_file():
        raise KbError(f"--rules {rules}: no boilerplate.yaml there; run kb evaluate in the project folder or name the folder of the rules")
    print(evaluate_file(Path(args.labels), rules))
    metadata = Path(args.metadata)
    if metadata.is_file():
        print()
        # The held-out cases are reported apart: nobody tunes the reader on them.
        print(metadata_report(evaluate_metadata(metadata, rules, held_out=False), "tuned"))
        print()
        print(metadata_report(evaluate_metadata(metadata, rules, held_out=True), "held-out"))
    return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kb", description="Build the zuzhi-kb knowledge-base site from a corpus of speeches.")
    parser.add_argument("--version", action="version", version=f"zuzhi-kb {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="also log every removed line and MkDocs' progress")
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="build the site into site/ (atomically) and write site/kb.json")
    build.add_argument("--config", default="mkdocs.yml", help="MkDocs configuration (default: mkdocs.yml)")
    build.add_argument("--corpus", help="corpus directory (default: the plugin's 'corpus' option, i.e. corpus/)")
    build.add_argument("--site-dir", default="site", help="output directory (default: site)")
    build.add_argument("--strict", action="store_true", help="treat warnings as errors: exit 1 and keep the previous site")
    build.add_argument("--cache-dir", default=".kb-cache", help="where per-speech results are kept between builds (default: .kb-cache)")
    build.add_argument("--no-cache", action="store_true", help="rebuild everything from scratch")
    build.add_argument(
        "--allow-shrink", action="store_true", help="publish even when the new site has no speeches or under half of the previous site's"
    )
    build.add_argument("--follow-links", action="store_true", help="also read speech files that are links to files outside the corpus")
    build.add_argument("--pdf", dest="pdf", action="store_true", default=None, help="typeset the study handouts (the default unless print.yaml says pdf: false)")
    build.add_argument("--no-pdf", dest="pdf", action="store_false", help="leave the study handouts out (faster; no PDF links on the pages)")
    build.set_defaults(func=cmd_build)

    serve = sub.add_parser("serve", help="build and serve the site with live reload (rebuilds when corpus/, docs/ or mkdocs.yml change)")
    serve.add_argument("--config", default="mkdocs.yml")
    serve.add_argument("--corpus")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000; a port alone means 127.0.0.1)")
    serve.add_argument("--allow-network", action="store_true", help="允许 --dev-addr 使用本机以外可访问的地址（局域网中的其他电脑能看到预览）")
    serve.add_argument("--cache-dir", default=".kb-cache", help="where per-speech results are kept between builds (default: .kb-cache)")
    serve.add_argument("--follow-links", action="store_true", help="also read speech files that are links to files outside the corpus")
    serve.set_defaults(func=cmd_serve)

    check = sub.add_parser("check", help="show what the build understood of each speech and what needs a human decision")
    check.add_argument("files", nargs="*", help="speech files to show (default: every speech in the corpus)")
    check.add_argument("--corpus", default="corpus", help="corpus directory (default: corpus)")
    check.add_argument("--rules", help="where boilerplate.yaml and themes.yaml are (default: the corpus)")
    check.add_argument("--format", choices=("text", "json"), default="text", help="text for people, json for tools")
    check.add_argument("--strict", action="store_true", help="exit 1 when anything needs a human (problems or items to check)")
    check.set_defaults(func=cmd_check)

    add = sub.add_parser("add", help="import .docx/.doc/.wps/.pdf/.html/.txt/.md files (or folders of them) into the corpus")
    add.add_argument("files", nargs="+", help="files or folders to import")
    add.add_argument("--corpus", default="corpus", help="corpus directory (default: corpus)")
    add.set_defaults(func=cmd_add)

    outline = sub.add_parser("outline", help="show how one speech file is read (kb check for one file, in its own folder)")
    outline.add_argument("file")
    outline.add_argument("--corpus", help="corpus directory the file belongs to (default: its folder)")
    outline.add_argument("--rules", default="corpus", help="where boilerplate.yaml and themes.yaml are (default: corpus)")
    outline.set_defaults(func=cmd_outline)

    printing = sub.add_parser("print", help="typeset a study handout (PDF) for any selection: theme, years, speaker, term, speeches")
    printing.add_argument("--theme", action="append", help="theme id (repeat for several), e.g. cadres")
    printing.add_argument("--year", help="a year or a range: 2020, 2020-2022")
    printing.add_argument("--speaker", action="append", help="speaker's name as on the speech pages (repeatable)")
    printing.add_argument("--term", action="append", help="a formulation (提法) the excerpts must use, e.g. 两个维护 (repeatable: all of them)")
    printing.add_argument("--speech", action="append", help="speech id, as in its URL (repeatable)")
    printing.add_argument("--basket", help="a 材料篮 downloaded from the site's basket page (.md): print it as it stands")
    printing.add_argument("-o", "--output", default="学习材料.pdf", help="the PDF to write (default: 学习材料.pdf)")
    printing.add_argument("--force", action="store_true", help="覆盖 -o 指定的已有文件，即使它不是 kb print 生成的 PDF")
    printing.add_argument("--config", default="mkdocs.yml")
    printing.add_argument("--corpus", help="corpus directory (default: the plugin's 'corpus' option, i.e. corpus/)")
    printing.add_argument("--cache-dir", default=".kb-cache", help="where per-speech results and typeset PDFs are kept (default: .kb-cache)")
    printing.set_defaults(func=cmd_print)

    evaluate = sub.add_parser("evaluate", help="theme F1, metadata accuracy and site-chrome precision/recall against labelled sets")
    evaluate.add_argument("labels", nargs="?", default="tests/eval/labels.yaml")
    evaluate.add_argument("--rules", help="where themes.yaml and boilerplate.yaml are (default: corpus/ of the project)")
    evaluate.add_argument("--metadata", default="tests/eval/metadata.yaml", help="metadata and site-chrome cases (default: tests/eval/metadata.yaml)")
    evaluate.set_defaults(func=cmd_evaluate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s: %(message)s",
    )
    if not args.verbose:
        logging.getLogger("mkdocs").setLevel(logging.WARNING)
    from .edges import terminate_cleanly

    terminate_cleanly()
    try:
        return args.func(args)
    except KbError as exc:
        print("Error: " + "\n".join(safe_name(line) for line in str(exc).splitlines()), file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"Error: {describe_os_error(exc)}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `kb outline … | head`
        return 0
    except KeyboardInterrupt:
        print("Interrupted; the previous site/ is unchanged.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
