"""The 待核对 page: everything a person should decide, each with a link to the place and the YAML that settles it.

Rendered only when something is open; the page (and the home page's link to it) disappears once
speeches.yaml has settled every item.
"""

from __future__ import annotations

import json

from ..model import KnowledgeBase, ReviewItem, Speech
from .common import HtmlPage, esc, rel

PAGE = "review/"

_EXAMPLE = {
    "title": lambda item, speech: f"title: {json.dumps(speech.title, ensure_ascii=False)}",
    "date": lambda item, speech: f"date: {speech.year or 'YYYY'}-MM-DD" if speech.year else "date: YYYY-MM-DD",
    "speaker": lambda item, speech: "speaker: 姓名",
    "occasion": lambda item, speech: "occasion: 会议名称",
    "section_themes": lambda item, speech: f"section_themes: {{{item.section}: [{', '.join(_themes_of(speech, item.section)) or '专题id'}]}}",
    "reviewed": lambda item, speech: f"reviewed: [{item.code}]",
    "drop_lines": lambda item, speech: f"drop_lines: [{item.line}]   # 是讲话正文就改写 keep_lines: [{item.line}]",
}
"""The speeches.yaml line that settles an item, pre-filled with what the build has now."""


def _themes_of(speech: Speech, section_id: str) -> list[str]:
    return next((s.themes for s in speech.all_sections() if s.id == section_id), [])


def settling_yaml(item: ReviewItem, speech: Speech) -> str:
    return f"{json.dumps(speech.source.rel_path, ensure_ascii=False)}:\n  {_EXAMPLE[item.settled_by](item, speech)}"


def open_items(kb: KnowledgeBase) -> int:
    return sum(len(s.review) for s in kb.speeches)


def render_review(kb: KnowledgeBase) -> HtmlPage | None:
    """The 待核对 page, or None when nothing is open."""
    speeches = sorted((s for s in kb.speeches if s.review), key=lambda s: s.source.rel_path)
    warnings = kb.problems
    if not speeches and not warnings:
        return None
    out = HtmlPage("待核对", hide=["navigation"])
    out.heading(1, "待核对", "top", toc=False)
    out.add(
        f"<p>构建时没有把握的地方共 <b>{open_items(kb)}</b> 项，涉及 <b>{len(speeches)}</b> 篇讲话。"
        "逐项打开原文核对：确有错误的，把右栏的一行写进 <code>corpus/speeches.yaml</code> 该讲话的条目下（改成正确的值）；"
        "核对无误的，写 <code>reviewed</code> 一行。重新构建后，已处理的项目从本页消失；全部处理完，本页也随之消失。"
        '详见 <a href="' + rel(PAGE, "guide/") + '">编者指南</a>。</p>'
    )
    for speech in speeches:
        out.heading(2, f"{speech.title}", f"f-{speech.id}")
        removed = len(speech.clean.removed)
        source = f"（<span class=\"kb-nowrap\">{esc(speech.source.encoding.upper())} 编码</span>" + (f"，已清除 {removed} 行非正文，详见 <code>kb check</code>）" if removed else "）")
        out.add(f'<p class="kb-review-file">文件 <code>corpus/{esc(speech.source.rel_path)}</code>{source} · <a href="{rel(PAGE, speech.url)}">打开讲话页</a></p>')
        rows = []
        for item in speech.review:
            where = f'<a href="{rel(PAGE, speech.url)}#{esc(item.section)}">{esc(item.section)}</a>' if item.section else "全文"
            if item.line:
                where += f"，第 {item.line} 行"
            rows.append(
                f"<tr><td>{where}</td><td>{esc(item.message)}</td>"
                f'<td><pre class="kb-yaml"><code>{esc(settling_yaml(item, speech))}</code></pre></td></tr>'
            )
        out.add('<table class="kb-table kb-review"><thead><tr><th scope="col">位置</th><th scope="col">待核对</th><th scope="col">在 speeches.yaml 中写</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>")
    if warnings:
        out.heading(2, "构建提示", "problems")
        out.add("<p>以下文件或配置有问题（跳过的文件不在知识库中）：</p><ul>" + "".join(f"<li><code>{esc(str(p))}</code></li>" for p in warnings) + "</ul>")
    return out
