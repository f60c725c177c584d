"""What the build understood of each speech, for a curator to check (`kb check`, `kb outline`).

Pure functions from the knowledge base to plain data (for `--format json`) and to text; nothing here
reads files or prints.
"""

from __future__ import annotations

import re

from . import explain
from .errors import safe_name
from .fixes import choice, choices, fix_text
from .model import DOCUMENT_ROLES, KnowledgeBase, Problem, Speech, YamlEntry, removal_counts
from .publish.export import review_to_dict
from .text import clipped

CHECK_FORMAT = 8
"""Version of the JSON `kb check --format json` prints; raised when its shape changes (2: to_check items are
objects; 3: each speech's `doubtful` lines, kept though some evidence says chrome; 4: each speech's
`encoding` and, for an official document, its `document` parts; 5: the document's `lines`, each part's
line with its role; 6: each to_check item's `fix` — the one-line fixes as kb check prints them — and
`fixes`, each way out with its `yaml` line and `line` of speeches.yaml it replaces; `keep_fix` for the
removed lines; the report's `open_items`, as many as the 待核对 page counts, and `entries_file`, the
speeches.yaml the fixes name; 7: each removed entry's `in_line` — a piece taken out of a line that is kept — and
`last`, the last source line of a joined paragraph removed whole; each split's and join's `kept`, the pieces of it
the speech kept; each speech's `removed_lines`, the source lines removed whole; 8: the report's `theme_names`, each theme
id's Chinese name, so a reader of the ids sections carry need not look them up)."""
PLACEHOLDER = re.compile(r"[×Ｘ]{2,}|(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|[*＊]同志|某某|[Xx×][年月日]")
FIELDS = [("title", "title"), ("date", "date"), ("speaker", "speaker"), ("speaker_role", "role"), ("occasion", "occasion"), ("level", "level")]


def speech_report(speech: Speech, problems: list[Problem], entry: YamlEntry | None = None, file: str = "corpus/speeches.yaml", theme_names: dict[str, str] | None = None) -> dict:
    """Everything a curator needs to judge one speech, as plain data; `entry` (its speeches.yaml entry,
    written in `file`) says where each fix goes."""
    fields = {}
    for name, _ in FIELDS:
        value = (speech.date or speech.year) if name == "date" else getattr(speech, name)
        fields[name] = {"value": value, "rule": speech.detected_by.get(name)}
    sections = []
    for section in speech.all_sections():
        sections.append(
            {
                "id": section.id,
                "level": section.level,
                "kind": section.kind,
                "heading": section.heading,
                "line": section.line,
                "paragraphs": len(section.paragraphs),
                "themes": list(section.themes),
                "theme_source": section.theme_source,
                "theme_scores": dict(section.theme_scores),
            }
        )
    kept = speech.kept_texts()  # what the lines became, as the speech kept them (model.kept_texts)
    joined = {j.first: j.last for j in speech.clean.joins}
    text = "\n".join(p.text for p in speech.all_paragraphs())
    placeholders = sorted(set(PLACEHOLDER.findall(text)))
    document = {"issuer": speech.issuer, "doc_number": speech.doc_number, "addressees": list(speech.addressees), "attachments": list(speech.attachments)}
    # where each part stands: the lines kept out of the title, the headings and the text
    document["lines"] = [{"line": h.line, "role": h.role, "text": h.text} for h in speech.header if h.role in DOCUMENT_ROLES]
    return {
        "file": speech.source.rel_path,
        "id": speech.id,
        "encoding": speech.source.encoding,
        "fields": fields,
        "document": document if any(document[key] for key in ("issuer", "doc_number", "addressees", "attachments")) else None,
        "sections": sections,
        "removed": [{"line": r.line, "rule": r.rule, "text": r.text, "in_line": bool(kept[r.line]), "last": joined.get(r.line) if not kept[r.line] else None}
                    for r in speech.clean.removed],
        "removed_lines": removal_counts(speech.clean.removed, speech.clean.joins, kept)[0],
        "doubtful": [{"line": d.line, "reasons": d.reasons, "text": d.text} for d in speech.clean.doubtful],
        "splits": [{"line": x.line, "pieces": x.pieces, "kept": min(x.pieces, kept[x.line])} for x in speech.clean.splits],
        "joins": [{"first": j.first, "last": j.last, "kept": bool(kept[j.first])} for j in speech.clean.joins],
        "placeholders": placeholders,
        "problems": [str(p) for p in problems],
        "to_check": [_item(item, speech, entry, file, theme_names) for item in speech.review],
        "keep_fix": _keep_fix(speech, entry, file) if speech.clean.removed else None,
    }


def _item(item, speech: Speech, entry: YamlEntry | None, file: str, theme_names: dict[str, str] | None = None) -> dict:
    ways = choices(item, speech, entry, file, theme_names)
    return {
        **review_to_dict(item), "settled_by": item.settled_by, "fix": fix_text(ways),
        "fixes": [{"label": c.label, "yaml": c.yaml, "where": c.where, "replaces": c.replaces} for c in ways],
    }


def _keep_fix(speech: Speech, entry: YamlEntry | None, file: str) -> str:
    """A removed line that was the speech's own comes back with keep_lines: the fix for the first, as the others."""
    first = speech.clean.removed[0].line
    way = choice("删错了正文的", "keep_lines", [first], speech.source.rel_path, entry, file)
    return f"{way.label}：{way.where} {way.yaml}（{first} 换成删错那一行的行号）"


def _removed_where(removed: dict) -> str:
    """Where a removed text stood: a line, the lines of a paragraph joined before it went, or a piece of a kept line."""
    if removed["in_line"]:
        return f"第 {removed['line']} 行里的"
    if removed["last"]:
        return f"第 {removed['line']}–{removed['last']} 行"
    return f"第 {removed['line']} 行"


def _pieces_removed(split: dict) -> str:
    """What became of a split line's pieces when not all of them were kept (the removed ones are listed above)."""
    if split["kept"] >= split["pieces"]:
        return ""
    return f"，其中 {split['pieces'] - split['kept']} 段删去了（见上）" if split["kept"] else "，都删去了（见上）"


def _cells(text: str) -> str:
    """A line as the curator reads it: a table row the extractor wrote (`| 标　　题： | 关于…的通知 |`)
    shown as its cells (`标　　题：　关于…的通知`), not with the pipes."""
    text = text.strip()
    if text.startswith("|") and text.endswith("|"):
        return "　".join(cell.strip() for cell in text.strip("|").split("|") if cell.strip())
    return text


def check_report(kb: KnowledgeBase, files: list[str] | None = None) -> dict:
    """The report of every speech (or of `files`, paths relative to the corpus), with the build's problems."""
    wanted = set(files) if files else None
    speeches = [s for s in kb.speeches if wanted is None or s.source.rel_path in wanted]
    by_file: dict[str, list[Problem]] = {}
    for problem in kb.problems:
        by_file.setdefault(problem.file, []).append(problem)
    reports = [
        speech_report(s, by_file.get(s.source.rel_path, []), kb.entries.get(s.source.rel_path), kb.entries_file, {t.id: t.name for t in kb.themes})
        for s in sorted(speeches, key=lambda s: s.source.rel_path)
    ]
    built = {s.source.rel_path for s in kb.speeches}
    not_built = [str(p) for p in kb.problems if p.file not in built and (wanted is None or p.file in wanted)]
    return {
        "format": CHECK_FORMAT, "speeches": reports, "not_built": not_built, "open_items": sum(len(r["to_check"]) for r in reports), "entries_file": kb.entries_file,
        "theme_names": {theme.id: theme.name for theme in kb.themes},
    }


def needs_a_human(report: dict) -> bool:
    return bool(report["not_built"]) or any(s["to_check"] or s["problems"] for s in report["speeches"])


def _where(item: dict) -> str:
    parts = [f"部分 {item['section']}" if item["section"] else "", f"第 {item['line']} 行" if item["line"] else ""]
    return "，".join(p for p in parts if p) + "：" if any(parts) else ""


THEME_SOURCES = {"heading": "据小标题", "body": "据正文", "children": "据下级", "parent": "随上级", "context": "据讲话标题", "speech": "据全文", "manual": "人工指定", "mixed": "各专题都谈到一点，不归一个专题", "none": "无"}
"""How a section got its themes (`theme_source`), in the curator's words."""


def report_text(report: dict) -> str:
    """The report as a curator reads it in a terminal: Chinese labels; file names, ids, YAML keys as they are."""
    out = []
    for line in report["not_built"]:
        out.append(f"没有生成：{safe_name(line)}")
    for s in report["speeches"]:
        out.append(f"== {safe_name(s['file'])}（id：{s['id']}）")
        for name, _ in FIELDS:
            field = s["fields"][name]
            label = explain.FIELDS[name]
            out.append(f"{label + '：':<5}{field['value'] if field['value'] is not None else '—'}" + (f"   ← {explain.rule(field['rule'])}" if field["rule"] else ""))
        if s["document"]:  # an official document's parts, kept out of its text
            parts = s["document"]
            for label, value in (("发文机关", parts["issuer"]), ("发文字号", parts["doc_number"]), ("主送", "、".join(parts["addressees"])), ("附件", "；".join(parts["attachments"]))):
                if value:
                    out.append(f"{label + '：':<5}{safe_name(value)}")
            out.append("公文各部分（不进标题、小标题和正文）：")
            out.extend(f"  第 {x['line']} 行 [{DOCUMENT_ROLES[x['role']]}] {safe_name(_cells(x['text']))}" for x in parts["lines"])
            out.append(f"  → 认错了的：在 {report.get('entries_file', 'corpus/speeches.yaml')} 里 \"{safe_name(s['file'])}\": 之下改（没有就加一行，行首空两格）issuer 发文机关、doc_number 发文字号、addressees 主送、attachments 附件、title 标题、date 成文日期")
        if s["encoding"] not in ("utf-8", "ascii"):
            out.append(f"编码：  {s['encoding'].upper()}（读入时已转为 UTF-8）")
        pieces = sum(1 for r in s["removed"] if r["in_line"])
        out.append(f"删除：  {s['removed_lines']} 行" + (f"，另删去保留行里的文字 {pieces} 处" if pieces else ""))
        out.extend(f"  {_removed_where(r)} [{explain.removal(r['rule'])}] {safe_name(r['text'])}" for r in s["removed"])
        if s["keep_fix"]:
            out.append(f"  → {s['keep_fix']}")
        if s["doubtful"]:  # each is on 待核对 until reviewed: [doubtful-line] settles them
            listed = any(item["code"] == "doubtful-line" for item in s["to_check"])
            out.append(f"存疑：{len(s['doubtful'])} 行保留着" + ("（见待核对）" if listed else "（已在 speeches.yaml 里核对过）"))
        out.extend(f"  第 {x['line']} 行拆成 {x['pieces']} 段" + _pieces_removed(x) for x in s["splits"])
        out.extend(f"  第 {j['first']}–{j['last']} 行接成一段" for j in s["joins"] if j["kept"])  # one removed whole is listed above
        if s["placeholders"]:
            out.append(f"占位符：{' '.join(s['placeholders'])}")
        if s["problems"] or s["to_check"]:
            out.append("待核对：")
            out.extend(f"  ！{safe_name(p)}" for p in s["problems"])
            out.extend(f"  ！{_where(item)}{item['message']}   → {item['fix']}" for item in s["to_check"])
        out.append("各部分：")
        for x in s["sections"]:
            heading = x["heading"] or {"opening": "（开场白）", "closing": "（结束语）"}.get(x["kind"], "（正文）")
            # the name a curator knows, with the id the section_themes fix is written in
            themes = "、".join(f"{report.get('theme_names', {}).get(t, t)}（{t}）" for t in x["themes"]) or "不归专题"
            source = "" if x["theme_source"] == "none" else f"；{THEME_SOURCES.get(x['theme_source'], x['theme_source'])}"  # was [—；无]
            out.append(f"  {'  ' * (x['level'] - 1)}{x['id']:<10} {clipped(heading, 40)}  [{themes}{source}] {x['paragraphs']} 段")
    if report["speeches"]:
        # the same count as the 待核对 page's (its 构建提示 are the ！ lines above without a fix)
        open_in = sum(1 for s in report["speeches"] if s["to_check"])
        items = sum(len(s["to_check"]) for s in report["speeches"])
        out.append(f"== 待核对共 {items} 项，涉及 {open_in} 篇讲话" + (f"；另有构建提示 {len(hints)} 条" if (hints := [p for s in report["speeches"] for p in s["problems"]] + report["not_built"]) else ""))
    return "\n".join(out)
