"""The 待核对 page: everything a person should decide, each with a link to the place and the YAML that settles it.

Rendered only when something is open; the page (and the home page's link to it) disappears once
speeches.yaml has settled every item.
"""

from __future__ import annotations

from ..fixes import choices
from ..model import KnowledgeBase
from .common import HtmlPage, esc, rel

PAGE = "review/"


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
        f"逐项打开原文核对，按“怎样处理”一栏选一种：把灰框里的一行照样复制到 <code>{esc(kb.entries_file)}</code> 里它所说的地方（行首的两个空格也要）；"
        "写着“不对就改正”的，改成原文的样子。重新构建后，已处理的项目从本页消失；全部处理完，本页也随之消失。"
        '详见 <a href="' + rel(PAGE, "guide/") + '">编者指南</a>。</p>'
    )
    for speech in speeches:
        out.heading(2, f"{speech.title}", f"f-{speech.id}")
        lines, pieces = speech.removal_counts()  # a piece cut from a kept line is no line removed
        removed = "，".join(x for x in (f"{lines} 行" if lines else "", f"行内文字 {pieces} 处" if pieces else "") if x)
        source = f"（<span class=\"kb-nowrap\">{esc(speech.source.encoding.upper())} 编码</span>" + (f"，已清除非正文 {removed}，详见 <code>kb check</code>）" if removed else "）")
        out.add(f'<p class="kb-review-file">文件 <code>{esc(kb.entries_file.rsplit("/", 1)[0])}/{esc(speech.source.rel_path)}</code>{source} · <a href="{rel(PAGE, speech.url)}">打开讲话页</a></p>')
        rows = []
        for item in speech.review:
            where = f'<a href="{rel(PAGE, speech.url)}#{esc(item.section)}">{esc(item.section)}</a>' if item.section else "全文"
            if item.line:
                where += f"，第 {item.line} 行"
            rows.append(f"<tr><td>{where}</td><td>{esc(item.message)}</td><td>{_ways(choices(item, speech, kb.entries.get(speech.source.rel_path), kb.entries_file, {t.id: t.name for t in kb.themes}))}</td></tr>")
        out.add('<table class="kb-table kb-review"><thead><tr><th scope="col">位置</th><th scope="col">待核对</th><th scope="col">怎样处理（写进 speeches.yaml）</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>")
    if warnings:
        out.heading(2, "构建提示", "problems")
        out.add("<p>以下文件或配置有问题（跳过的文件不在知识库中）：</p><ul>" + "".join(f"<li><code>{esc(str(p))}</code></li>" for p in warnings) + "</ul>")
    return out


def _ways(ways) -> str:
    """Each way out as when to take it and the line to copy (with its indent); the place once when all go there."""
    line = lambda c: f'<pre class="kb-yaml"><code>  {esc(c.yaml)}</code></pre>'  # noqa: E731
    if len({c.where for c in ways}) == 1:
        head = f'<p class="kb-fix">{esc(ways[0].where)}{"，二者选一" if len(ways) > 1 else ""}：</p>'
        return head + "".join(f'<p class="kb-fix">{esc(c.label)}：</p>{line(c)}' for c in ways)
    return "".join(f'<p class="kb-fix">{esc(c.label)}：{esc(c.where)}</p>{line(c)}' for c in ways)
