"""`kb add`: bring the files curators receive into the corpus, as UTF-8 text plus a speeches.yaml stub.

For each file: convert it (ingest/convert.py), refuse to overwrite a different speech of the same
name, recognise a speech the corpus already holds (the same file again, the same text, or nearly the
same text under another name), store `<name>.txt`, and append to speeches.yaml what the reader
detected (title, date, speaker, occasion), each with the rule that found it, for the curator to confirm.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import re
import unicodedata
import zlib
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .config import CONFIG_FILES, EXAMPLE_VALUES, SPEECHES_FILE, STANDARD_CONFIG_DIR, STUB_NOTE, STUB_RULE, SpeechOverride, load_boilerplate, load_overrides
from .errors import KbError, reading_failure, safe_name
from .explain import rule as rule_in_chinese
from .ingest.clean import is_traditional, normalise_line, to_simplified
from .ingest.convert import CONVERTIBLE, UNREAD_DOCUMENTS, ConversionError
from .ingest.guard import check_file, guarded_convert
from .ingest.pdf import MARKED_TITLE_MAX
from .ingest.read import SPEECH_SUFFIXES, corpus_name, decode, decoded_name, discover
from .model import SourceFile
from .pipeline import POSTING_DATE_RULE, make_speech
from .store import held_lock, write_atomic
from .text import HAN_CHAR

log = logging.getLogger(__name__)

NEAR_DUPLICATE = 0.8
"""Share of a speech's 8-character pieces found in another for the two to count as the same speech."""
SHINGLE = 8
SAMPLE = 4
"""In long speeches only pieces whose hash is divisible by this are kept: a quarter of the memory."""
SAMPLE_FROM = 2000
"""Pieces below which every piece is kept: in a short text a quarter is too few to judge by."""


@dataclass
class Added:
    """What happened to one file."""

    source: str
    status: str
    """imported, already (the same file was imported before), duplicate, refused or failed."""
    stored_as: str = ""
    title: str = ""
    date: str = ""
    message: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass
class _Known:
    name: str
    han: str
    shingles: frozenset[int]
    sampled: bool


_WORD_DATE = "the Word document's own date (its page header, a date on a line of its own), the text gives none"
FILE_DATE_RULES = {
    "html": "the page's own date (article:published_time, <time>), the text gives none",
    "pdf": "the PDF's own date (its cover, the posting line under its title, a sign-off form's 日期 row), the text gives none",
    **dict.fromkeys(("docx", "dotx", "docm", "dotm", "doc", "wps", "dot", "wpt"), _WORD_DATE),
}
"""Where a file's own date (Converted.date, kind → rule) was found: a Word file's is no web page's."""


def files_to_add(paths: list[Path]) -> list[Path]:
    """The files named, and the importable files inside the folders named, in a stable order."""
    return [path for path, _folder in _files_and_folders(paths)]


def _files_and_folders(paths: list[Path]) -> list[tuple[Path, Path | None]]:
    """(file, the folder named that holds it, or None for a file named itself). Linked folders are
    not entered; links and other non-regular entries are listed, for `_add_one` to refuse."""
    found = []
    for path in paths:
        if path.is_dir():
            inside = []
            for folder, subfolders, names in os.walk(path):
                subfolders[:] = [d for d in subfolders if not d.startswith(".")]
                # Documents of a format not read here (.ofd) are listed too: each is refused with what to do instead.
                inside.extend(Path(folder) / name for name in names if Path(name).suffix.lower() in (*CONVERTIBLE, *UNREAD_DOCUMENTS) and not name.startswith((".", "~$")))
            found.extend((p, path) for p in sorted(inside))
        else:
            found.append((path, None))
    return found


def add_files(paths: list[Path], corpus_dir: Path, progress=None) -> list[Added]:
    """Import `paths` into `corpus_dir`; one result per file, in order. Nothing already there is changed."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        # not made here: a mistyped --corpus would quietly start a second knowledge base
        raise KbError(f"{corpus_dir}：没有这个语料目录；用 --corpus 指明语料所在的文件夹，要另起一个知识库就先建好这个空文件夹再加入")
    listed = _files_and_folders(paths)
    files = [path for path, _folder in listed]
    if not files:
        raise KbError("没有可加入的文件：" + "、".join(str(p) for p in paths) + " 里没有 .docx、.doc、.wps、.pdf、.html、.txt 或 .md 文件")
    with _corpus_lock(corpus_dir):
        start_new_corpus(corpus_dir)
        rules = load_boilerplate(corpus_dir)
        overrides = load_overrides(corpus_dir)
        originals = {o.values["original_sha256"]: key for key, o in overrides.items() if "original_sha256" in o.values}
        known = _corpus_texts(corpus_dir)
        results = []
        stubs = []
        written: list[Path] = []
        try:
            for done, (path, folder) in enumerate(listed):
                if progress:
                    progress(done, len(files), safe_name(path.name))
                result, stub = _add_one(path, corpus_dir, rules, originals, known, folder, set(overrides))
                results.append(result)
                if stub:
                    stubs.append(stub)
                    written.append(corpus_dir / result.stored_as)
                log.info("%s：%s %s", safe_name(path), STATUS[result.status], result.stored_as or result.message)
            if progress:
                progress(len(files), len(files), "")
            if stubs:
                _append_stubs(corpus_dir, stubs)
        except BaseException:
            # All or nothing: an interrupted batch (Ctrl+C, a full disk) takes back the speeches it
            # stored, so none is left without its stub (a re-run would also finish such stubs).
            for target in written:
                target.unlink(missing_ok=True)
            raise
    return results


def start_new_corpus(corpus_dir: Path) -> list[str]:
    """Give a new corpus folder the standard configuration; the names of the files written.

    A folder is new when it holds no speeches.yaml and none of CONFIG_FILES. Without them `kb add`
    would read with no cleaning rules, and the title, date and speaker it writes into speeches.yaml as
    found would keep a site's breadcrumbs or a copyright line; the site would have no themes and no
    glossary either. A folder that holds any of them is the curator's own setting and is left as it is
    (a file deleted on purpose is not brought back).
    """
    if any((corpus_dir / name).exists() for name in (SPEECHES_FILE, *CONFIG_FILES)):
        return []
    written = []
    for name in CONFIG_FILES:
        standard = STANDARD_CONFIG_DIR / name
        if standard.is_file():
            write_atomic(corpus_dir / name, standard.read_bytes())
            written.append(name)
    if written:
        log.info("%s：新的语料目录，写入了标准配置 %s", corpus_dir, "、".join(written))
    return written


@contextmanager
def _corpus_lock(corpus_dir: Path):
    """One `kb add` at a time per corpus: two at once would each append to speeches.yaml from the
    version it read, and the later would lose the earlier's entries."""
    with ExitStack() as stack:
        try:
            stack.enter_context(
                held_lock(
                    corpus_dir / ".kb-add.lock",
                    on_no_locks=lambda: log.warning("%s：这个文件系统不支持文件锁（网络盘？），请勿同时运行两个 kb add", corpus_dir),
                )
            )
        except OSError as exc:
            if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                raise KbError(f"{corpus_dir}：语料文件夹不可写（只读的盘或没有权限），无法导入；请把语料复制到可写的位置，或请管理员开放写权限") from None
            raise
        yield


def _add_one(
    path: Path, corpus_dir: Path, rules, originals: dict[str, str], known: list[_Known], folder: Path | None = None, stubbed: set[str] = frozenset()
) -> tuple[Added, str | None]:
    source = str(path)
    if folder is not None and os.path.islink(path):
        target = path.resolve()
        if folder.resolve() not in target.parents:
            return Added(source, "refused", message=f"是指向文件夹外的链接（→ {safe_name(target)}），未导入；如确需导入，请直接写出该文件的路径"), None
    if not os.path.lexists(path):  # a name mistyped: said here, before the reader's checks
        return Added(source, "failed", message="找不到这个文件；请核对路径和文件名"), None
    try:
        check_file(path)
        data = path.read_bytes()
    except ConversionError as exc:
        return Added(source, "failed", message=exc.reason), None  # the summary names the file
    except OSError as exc:
        return Added(source, "failed", message=f"读不出来（{reading_failure(exc)}）；请检查文件是否存在、有没有读取权限"), None
    digest = hashlib.sha256(data).hexdigest()
    if digest in originals:
        return Added(source, "already", stored_as=originals[digest], message=f"已存为 {originals[digest]}"), None
    try:
        if path.resolve().parent == corpus_dir.resolve() and path.suffix.lower() in SPEECH_SUFFIXES:
            raise ConversionError(path.name, "已经在语料目录里了，不用再加")
        converted = guarded_convert(path)
    except ConversionError as exc:
        return Added(source, "failed", message=exc.reason), None  # the summary names the file
    name = stored_name(path)
    target = corpus_dir / name
    han = "".join(HAN_CHAR.findall(converted.text))
    text = _known(name, han)
    same = _same_speech(text, known)
    target_held_it = False
    if target.exists():
        existing = "".join(HAN_CHAR.findall(decode(target.read_bytes(), name)[0]))
        if existing == han and name in stubbed:
            return Added(source, "already", stored_as=name, message=f"{name} 里已经是这篇讲话"), None
        if existing == han:
            same, target_held_it = None, True  # stored by an import that was cut short before its stub: finished now
        elif same is None:
            return Added(
                source, "refused", message=f"语料中已有同名的 {name}，内容是另一篇讲话；请给这个文件（或语料中的那个）改名后再加"
            ), None
    if same and same != name:
        return Added(source, "duplicate", message=f"和语料中的 {same} 是同一篇讲话，没有再加"), None
    write_atomic(target, converted.text.encode("utf-8"))
    known.append(text)
    title = normalise_line(converted.title) if converted.title else None  # as the text's own lines are
    if title and is_traditional(converted.text):
        title = to_simplified(title)  # …and in the one script the text is read in (a Traditional 公文's title, like its body)
    # (and the original's name, as the stub records it: the build reads a Word or PDF file's text as one, and so does kb add)
    marked = {key: value for key, value in (("heading_lines", converted.heading_lines), ("title", title), ("table_lines", converted.table_lines),
                                            ("original", path.name)) if value}
    hint = SpeechOverride(file=name, line=0, values=marked) if marked else None
    speech = make_speech(SourceFile(path=target, rel_path=name, encoding="utf-8", sha256=digest, raw=b"", text=converted.text), rules, hint, [])
    if speech is not None and converted.title:
        speech.detected_by["title"] = converted.title_by or "title marked by the document (Word Title style, a first line centred in large type, a PDF title)"
        if len(speech.title or "") <= MARKED_TITLE_MAX and "。" not in (speech.title or ""):
            # The doubt was about the lines the text reader took for a title (a cover's block): the
            # document's own title replaces them, so the stub confirms it instead of commenting it out
            # (a title set in the largest type may wrap over three lines, hence more than TITLE_MAX).
            speech.review = [item for item in speech.review if item.code != "suspicious-title"]
        if speech.title == title:
            # The text reader's choice between two readings of the title block (a thesis cover's degree line
            # `硕士学位论文` over the title: joined or not) is settled by the document's own mark of its title.
            speech.review = [item for item in speech.review if item.code != "title-choice"]
        # A title the document marks is no title made up from the content (the text reader, without
        # it, would have made one: a notice's only line in 标题 1 read as a heading).
        speech.review = [item for item in speech.review if item.code != "title-derived"]
        speech.title_derived = False
    # the file's own date (a PDF's cover or posting line, a page's <time>) also stands for a text's posting line read as
    # its date (POSTING_DATE_RULE): the file says where its date is
    posting_only = speech is not None and speech.detected_by.get("date") == POSTING_DATE_RULE
    if speech is not None and converted.date and (speech.date is None or posting_only):
        speech.date, speech.year, speech.date_source = converted.date, int(converted.date[:4]), "page"
        speech.detected_by["date"] = FILE_DATE_RULES.get(converted.kind.split()[0], FILE_DATE_RULES["html"])  # "doc (via LibreOffice)"
        speech.review = [item for item in speech.review if item.code != "no-date" and not (posting_only and item.code == "date-guessed")]
    elif speech is not None and converted.year and speech.date is None and speech.year is None:
        speech.year, speech.date_source = converted.year, "page"  # a cover's 二〇二六年五月: its year…
        speech.month = converted.month  # …and its month
    result = Added(source, "imported", stored_as=name, notes=converted.notes)
    if speech is not None:
        result.title, result.date = speech.title, speech.date or (str(speech.year) if speech.year else "")
    if target_held_it:
        result.notes.append("上次导入在写入 speeches.yaml 之前中断，这次补写了它的条目")
    return result, speech_stub(name, decoded_name(path.name), digest, speech, converted.kind, converted.heading_lines, converted.table_lines)


def stored_name(path: Path) -> str:
    """The corpus file name for an imported file: its own name, made safe, with .txt.

    A name that is not UTF-8 (GBK bytes from a zip made on Chinese Windows) is read as GB18030;
    control, format (zero-width, bidi) and line-separator characters and the characters Windows
    forbids become _; a name Windows reserves (CON, NUL, COM1 …) gets a _; the name is kept under
    200 bytes of UTF-8 (file systems allow 255)."""
    stem = _printable(decoded_name(path.stem))
    stem = re.sub(r"[/\\:*?\"<>|]+", "_", stem).strip(" ._") or "speech"
    if stem.split(".")[0].upper() in _WINDOWS_RESERVED:
        stem += "_"
    while len(stem.encode("utf-8")) > 200:
        stem = stem[:-1]
    return stem + ".txt"


_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def _printable(text: str) -> str:
    return "".join("_" if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn") else c for c in text)




def _corpus_texts(corpus_dir: Path) -> list[_Known]:
    known = []
    for path in discover(corpus_dir):
        try:
            text, _ = decode(path.read_bytes(), path.name)
        except (OSError, KbError):
            continue
        han = "".join(HAN_CHAR.findall(text))
        known.append(_known(corpus_name(path, corpus_dir), han))
    return known


def _known(name: str, han: str) -> _Known:
    # crc32, not hash(): str hashes change from one run to the next, and so would the verdicts.
    pieces = {zlib.crc32(han[i : i + SHINGLE].encode("utf-8")) for i in range(max(0, len(han) - SHINGLE + 1))}
    sampled = len(pieces) >= SAMPLE_FROM
    return _Known(name, han, frozenset(_sample(pieces) if sampled else pieces), sampled)


def _sample(pieces) -> frozenset[int]:
    return frozenset(h for h in pieces if h % SAMPLE == 0)


def _same_speech(text: _Known, known: list[_Known]) -> str | None:
    """The corpus file holding the same speech (identical or nearly: re-typed, re-formatted, trimmed)."""
    for other in known:
        if other.han == text.han:
            return other.name
        ours, theirs = text.shingles, other.shingles
        if text.sampled != other.sampled:
            # Compare at the same sampling, or a short text and a long one could never match.
            ours, theirs = (ours, _sample(theirs)) if text.sampled else (_sample(ours), theirs)
        if not ours or not theirs:
            continue
        if len(ours & theirs) / min(len(ours), len(theirs)) >= NEAR_DUPLICATE:
            return other.name
    return None


FIELDS = {"title": "标题", "date": "日期", "speaker": "讲话人", "speaker_role": "职务", "occasion": "会议名称"}

DOCUMENT_STUB_FIELDS = (
    ("issuer", "公文的发文机关（版头、落款或网站上的信息表）"), ("doc_number", "公文的发文字号"),
    ("addressees", "公文的主送机关"), ("attachments", "公文的附件说明（没有附件说明时，成文日期后所附附件的标题）"),
)
"""An official document's parts kb add writes into its entry, each with where it was read (Chinese)."""

STUB_FIELDS = (("title", "title"), ("date", "date"), ("speaker", "speaker"), ("speaker_role", "speaker_role"), ("occasion", "occasion"))


def speech_stub(
    name: str, original: str, digest: str, speech, kind: str, heading_lines: dict[int, int] | None = None, table_lines: list[int] | None = None,
) -> str:
    """The speeches.yaml entry for an imported speech: what was detected, each value with its rule.

    Detected values are written as keys (confirm or correct them); what was not found is a comment
    showing the key to write.
    """
    lines = [f"{STUB_NOTE}{safe_name(original)}（{KINDS.get(kind, kind)}）→ {safe_name(name)}。请对照原件逐项核对、改正，然后删去这行说明。", f"{_quote(name)}:"]
    lines.append(f"  original: {_quote(original)}")
    lines.append(f"  original_sha256: {digest}")
    if heading_lines:
        pairs = ", ".join(f"{line}: {level}" for line, level in sorted(heading_lines.items()))
        lines.append(f"  heading_lines: {{{pairs}}}   # 行号: 级别，取自原文件的标题样式、大纲级别或字号")
    if table_lines:
        lines.append(f"  table_lines: [{', '.join(map(str, table_lines))}]   # 原文件表格里的行：按正文读，不当作网页残留删去")
    doubts = {item.settled_by: item.message for item in speech.review} if speech else {}
    for attribute, key in STUB_FIELDS:
        value = getattr(speech, attribute, None) if speech else None
        rule = speech.detected_by.get(attribute, "") if speech else ""
        if value and key in doubts:
            # A doubtful value is not confirmed by default: the curator writes it, settling the doubt.
            lines.append(f"  # {key}: {_quote(value)}   # {doubts[key]}")
            continue
        if value and key == "speaker_role" and "speaker" in doubts and rule == speech.detected_by.get("speaker"):
            # the role the same guess gave is as doubtful as the name (speaker: "" takes both away)
            lines.append(f"  # {key}: {_quote(value)}   # 和讲话人一起推断的职务：讲话人核对无误，再写上它")
            continue
        if attribute == "date" and speech and value is None and speech.year:
            if speech.date_source == "page":  # the file's own year (a cover's 二〇二六年五月): the text will not give it again
                lines.append(f"  year: {speech.year}   # 识别依据：文件首页单独一行的年月或页眉页脚里的刊期（没有具体日期）")
                if getattr(speech, "month", None):
                    lines.append(f"  month: {speech.month}   # 识别依据：同一行写到月份")
            month = f"{speech.month:02d}" if getattr(speech, "month", None) else "MM"
            lines.append(f"  # date: {speech.year}-{month}-DD   # 只找到年份{'和月份' if month != 'MM' else ''}（{rule_in_chinese(rule)}）；知道完整日期就写上，并去掉行首的 #")
            continue
        if attribute == "title" and speech and speech.title_derived:
            lines.append(f"  # title: {_quote(value)}   # 原文没有标题，这是按内容生成的：请写上真正的标题，并去掉行首的 #")
            continue
        if value:
            lines.append(f"  {key}: {_quote(value) if key != 'date' else value}   {STUB_RULE}{rule_in_chinese(rule) or '程序识别'}")
        else:
            example = EXAMPLE_VALUES[key]
            lines.append(f"  # {key}: {example}   # 原文中没有找到{FIELDS[key]}；知道的话写上，并去掉行首的 #")
    # An official document's parts are shown on its page too: the curator checks them here like the rest.
    for key, rule in DOCUMENT_STUB_FIELDS if speech and (speech.issuer or speech.doc_number) else ():
        value = getattr(speech, key)
        if value:
            shown = _quote(value) if isinstance(value, str) else "[" + ", ".join(_quote(v) for v in value) + "]"
            lines.append(f"  {key}: {shown}   # 识别依据：{rule}")
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: safe for any characters, colons included.
    # YAML also breaks lines at U+0085, U+2028 and U+2029 and refuses other non-printable characters:
    # those are escaped as \uXXXX too, and so are the invisible ones (bidi controls, zero-width).
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


_YAML_UNSAFE = re.compile("[\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ud800-\udfff\ufeff\ufffe\uffff]")


def _append_stubs(corpus_dir: Path, stubs: list[str]) -> None:
    """Append the stubs to speeches.yaml and check the result; on any error the file is left as it was."""
    path = corpus_dir / SPEECHES_FILE
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    # An empty file is often written `{}`; entries cannot follow a flow mapping, so it goes.
    kept = [line for line in existing.splitlines() if line.strip() != "{}"]
    body = "\n".join(kept).rstrip("\n")
    text = (body + "\n\n" if body else "") + "\n".join(stubs)
    write_atomic(path, text.encode("utf-8"))
    try:
        load_overrides(corpus_dir)
    except BaseException:
        # Any error, not only a KbError: a speeches.yaml nobody can read would stop every later build.
        write_atomic(path, existing.encode("utf-8"))
        raise


KINDS = {"docx": "Word 文档", "pdf": "PDF", "html": "网页", "text": "文本", "markdown": "Markdown 文本"}
"""What a file was read as, in the words of the comment `kb add` writes."""

STATUS = {"imported": "加入", "already": "以前加过", "duplicate": "重复", "refused": "拒绝", "failed": "失败"}
"""Each result as the curator reads it, in the order the counts are given."""


def summary_table(results: list[Added]) -> str:
    """One line per file (its name once, the result, and the title and date or what to do next),
    then the counts: `加入 2 个，失败 1 个（共 3 个文件）`."""
    names = [safe_name(decoded_name(Path(r.source).name)) for r in results]
    width = min(40, max((_width(name) for name in names), default=0))
    out = []
    for r, shown in zip(results, names):
        name = _fit(shown, width)
        if r.status == "imported":
            found = "　".join(x for x in (f"《{r.title}》" if r.title else "", r.date) if x)
            notes = f"（{'；'.join(r.notes)}）" if r.notes else ""
            out.append(f"{name}  {STATUS[r.status]} → {r.stored_as}　{found}{notes}".rstrip())
        else:
            out.append(f"{name}  {STATUS[r.status]}：{safe_name(r.message)}")
    counts = {status: sum(1 for r in results if r.status == status) for status in STATUS}
    out.append("")
    out.append("，".join(f"{label} {counts[status]} 个" for status, label in STATUS.items() if counts[status]) + f"（共 {len(results)} 个文件）")
    return "\n".join(out)


def _width(text: str) -> int:
    # East Asian characters take two columns in a terminal.
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)


def _fit(text: str, width: int) -> str:
    out, used = "", 0
    for c in text:
        w = 2 if ord(c) > 0x2E80 else 1
        if used + w > width:
            out = out[:-1] + "…"
            used = width
            break
        out += c
        used += w
    return out + " " * (width - used)
