"""Stage 5 — render: turn the knowledge base into Markdown pages (path → text), without touching disk.

Speech text is always emitted as escaped HTML or escaped Markdown, so whatever a speech contains
(`*同志`, `<script>`, `{{ }}`) is shown literally and never interpreted.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from .classify import OTHER, OTHER_NAME
from .model import KnowledgeBase, Paragraph, Section, Speech, Theme
from .parse import int_to_cn

FOLD_AFTER_CHARS = 600
"""Theme-page excerpts longer than this are folded (click to expand)."""
PALETTE = ["#c62828", "#2e7d32", "#1565c0", "#ef6c00", "#6a1b9a", "#00838f", "#ad1457", "#4e342e", "#37474f", "#9e9d24"]
OTHER_COLOUR = "#9e9e9e"

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def md_inline(text: str) -> str:
    """Escape text for a Markdown heading or link label: shown literally, never interpreted."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def safe_title(text: str) -> str:
    """A page title for <title> and search results.

    Themes run titles through Jinja's `striptags`, which un-escapes entities: an escaped `<` would
    come back as a real tag. Full-width forms read the same to a Chinese reader and are inert.
    """
    return text.replace("&", "＆").replace("<", "＜").replace(">", "＞")


def front_matter(**fields) -> str:
    """YAML front matter; values are written as JSON, which YAML reads as-is."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def rel(from_page: str, to_url: str) -> str:
    """A link from the page at URL `from_page` (e.g. `speeches/x/`) to site URL `to_url`, relative.

    Relative links keep the site working under any sub-path (http://intranet/kb/) and from file://.
    """
    depth = from_page.count("/")
    return "../" * depth + to_url if (depth or to_url) else "./"


# --- shared bits ---------------------------------------------------------------------------------


def date_cn(speech: Speech) -> str:
    if speech.date:
        y, m, d = speech.date.split("-")
        return f"{int(y)}年{int(m)}月{int(d)}日"
    if speech.year:
        return f"{speech.year}年"
    return "日期不详"


def theme_colours(themes: list[Theme]) -> dict[str, str]:
    colours = {t.id: PALETTE[i % len(PALETTE)] for i, t in enumerate(themes)}
    colours[OTHER] = OTHER_COLOUR
    return colours


def section_location(section: Section) -> str:
    """Where a section stands in its speech, for citations: 第二部分第一节."""
    if section.kind == "opening":
        return "开场白"
    if section.kind == "closing":
        return "结束语"
    numbers = [int(n) for n in section.id[1:].split("-")]
    names = ["部分", "节", "点"]
    return "".join(f"第{int_to_cn(n)}{names[i]}" for i, n in enumerate(numbers))


def citation(speech: Speech, section: Section, from_page: str) -> str:
    who = f"，{esc(speech.speaker)}" if speech.speaker else ""
    url = rel(from_page, f"{speech.url}#{section.id}")
    return f'<p class="kb-cite">——<a href="{url}">《{esc(speech.title)}》（{esc(date_cn(speech))}{who}）{esc(section_location(section))}</a></p>'


def badges(theme_ids: list[str], themes_by_id: dict[str, Theme], colours: dict[str, str], from_page: str) -> str:
    items = []
    for tid in theme_ids:
        theme = themes_by_id.get(tid)
        if theme is None:
            continue
        items.append(f'<a class="kb-badge" style="--kb-c:{colours[tid]}" href="{rel(from_page, theme.url)}">{esc(theme.name)}</a>')
    return "".join(items)


def paragraph_html(p: Paragraph) -> str:
    cls = "kb-p kb-salutation" if p.kind == "salutation" else "kb-p"
    return f'<p class="{cls}" id="{p.id}"><a class="kb-pn" href="#{p.id}" title="第{p.number}段（点击复制链接）">{p.number}</a>{esc(p.text)}</p>'


def theme_shares(speech: Speech) -> dict[str, int]:
    """Characters of the speech's text per theme (a section's text counts once, for its own themes)."""
    shares: Counter = Counter()
    for section in speech.all_sections():
        size = len(section.heading) + sum(len(p.text) for p in section.paragraphs)
        if not size:
            continue
        if section.themes and section.theme_source != "children":
            for tid in section.themes:
                shares[tid] += size / len(section.themes)
        elif section.theme_source == "children" and not section.paragraphs:
            continue
        else:
            shares[OTHER] += size
    return {t: round(v) for t, v in shares.items()}


def mix_bar(shares: dict[str, int], themes: list[Theme], colours: dict[str, str], width: int = 480) -> str:
    """A stacked bar (inline SVG, printable) of a speech's theme mix, with a text alternative."""
    total = sum(shares.values()) or 1
    names = {t.id: t.name for t in themes} | {OTHER: OTHER_NAME}
    order = [t.id for t in themes if shares.get(t.id)] + ([OTHER] if shares.get(OTHER) else [])
    x, rects, legend = 0.0, [], []
    for tid in order:
        w = shares[tid] / total * width
        pct = round(shares[tid] / total * 100)
        rects.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="14" fill="{colours[tid]}"><title>{esc(names[tid])} {pct}%</title></rect>')
        legend.append(f'<span class="kb-legend"><i style="background:{colours[tid]}"></i>{esc(names[tid])} {pct}%</span>')
        x += w
    label = "，".join(f"{names[t]}{round(shares[t] / total * 100)}%" for t in order)
    svg = f'<svg class="kb-mix" role="img" aria-label="专题构成：{esc(label)}" viewBox="0 0 {width} 14" width="{width}" height="14" preserveAspectRatio="none">{"".join(rects)}</svg>'
    return f'<div class="kb-mixbar">{svg}<div class="kb-legends">{"".join(legend)}</div></div>'


# --- pages ---------------------------------------------------------------------------------------


@dataclass
class Site:
    kb: KnowledgeBase

    def __post_init__(self):
        self.themes_by_id = {t.id: t for t in self.kb.themes}
        self.colours = theme_colours(self.kb.themes)


def render_pages(kb: KnowledgeBase) -> dict[str, str]:
    """Every generated page: docs-relative path → Markdown."""
    site = Site(kb)
    pages = {"index.md": render_home(site), "speeches/index.md": render_speech_index(site), "themes/index.md": render_theme_overview(site)}
    for i, speech in enumerate(kb.speeches):
        prev_speech = kb.speeches[i - 1] if i > 0 else None
        next_speech = kb.speeches[i + 1] if i + 1 < len(kb.speeches) else None
        pages[f"speeches/{speech.id}.md"] = render_speech(site, speech, prev_speech, next_speech)
    for theme in kb.themes:
        pages[f"themes/{theme.id}.md"] = render_theme(site, theme)
    return pages


def render_speech(site: Site, speech: Speech, prev_speech: Speech | None, next_speech: Speech | None) -> str:
    page = speech.url
    out = [front_matter(title=safe_title(speech.title), hide=["navigation"], kb_speech=speech.id), f"# {md_inline(speech.title)}\n"]
    if speech.subtitle:
        out.append(f'<p class="kb-subtitle">{esc(speech.subtitle)}</p>\n')
    meta = [("日期", date_cn(speech))]
    if speech.speaker or speech.speaker_role:
        meta.append(("讲话人", " ".join(x for x in (speech.speaker_role, speech.speaker) if x)))
    if speech.occasion:
        meta.append(("场合", speech.occasion))
    removed = len(speech.clean.removed)
    source_note = f"{speech.source.rel_path}（{speech.source.encoding}" + (f"，已清除 {removed} 行非正文）" if removed else "）")
    meta.append(("来源文件", source_note))
    rows = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in meta)
    out.append(f'<dl class="kb-meta">{rows}</dl>\n')
    if speech.title_derived:
        out.append('<p class="kb-note">原文无标题，标题由系统根据内容生成。</p>\n')
    shares = theme_shares(speech)
    if shares:
        out.append(mix_bar(shares, site.kb.themes, site.colours) + "\n")

    for section in speech.sections:
        out.append(render_section(site, speech, section, page))

    nav = []
    if prev_speech:
        nav.append(f'<a class="kb-prev" href="{rel(page, prev_speech.url)}">← 上一篇（按日期）：《{esc(prev_speech.title)}》</a>')
    if next_speech:
        nav.append(f'<a class="kb-next" href="{rel(page, next_speech.url)}">下一篇：《{esc(next_speech.title)}》 →</a>')
    if nav:
        out.append(f'<nav class="kb-pager">{"".join(nav)}</nav>\n')
    return "\n".join(out)


def render_section(site: Site, speech: Speech, section: Section, page: str) -> str:
    out = []
    if section.kind == "opening":
        out.append(f'<div class="kb-anchor" id="{section.id}"></div>\n')
    elif section.kind == "closing":
        out.append(f'<hr class="kb-closing" id="{section.id}">\n')
    elif section.heading:
        out.append(f"{'#' * (section.level + 1)} {md_inline(section.heading)} {{ #{section.id} }}\n")
    else:
        out.append(f'<div class="kb-anchor" id="{section.id}"></div>\n')
    if section.themes and section.kind == "body" and section.theme_source != "parent":
        manual = ' <span class="kb-manual" title="人工指定">（人工）</span>' if section.theme_source == "manual" else ""
        out.append(f'<p class="kb-badges">{badges(section.themes, site.themes_by_id, site.colours, page)}{manual}</p>\n')
    for p in section.paragraphs:
        out.append(paragraph_html(p) + "\n")
    for child in section.children:
        out.append(render_section(site, speech, child, page))
    return "\n".join(out)


def render_speech_index(site: Site) -> str:
    page = "speeches/"
    out = [front_matter(), "# 讲话索引\n", f"共收录 {len(site.kb.speeches)} 篇讲话，按年份排列（最新在前）。\n"]
    by_year: dict[object, list[Speech]] = defaultdict(list)
    for speech in site.kb.speeches:
        by_year[speech.year].append(speech)
    years = sorted((y for y in by_year if y), reverse=True) + ([None] if None in by_year else [])
    for year in years:
        out.append(f"## {year}年 {{ #y{year} }}\n" if year else "## 年份不详 { #y-unknown }\n")
        rows = []
        for speech in sorted(by_year[year], key=lambda s: (s.date or "", s.title), reverse=True):
            who = esc(speech.speaker) if speech.speaker else "—"
            occasion = esc(speech.occasion) if speech.occasion else "—"
            tags = badges(_top_themes(speech), site.themes_by_id, site.colours, page)
            rows.append(
                f'<tr><td class="kb-nowrap">{esc(date_cn(speech))}</td><td><a href="{rel(page, speech.url)}">{esc(speech.title)}</a></td>'
                f"<td>{who}</td><td>{occasion}</td><td>{tags}</td></tr>"
            )
        out.append('<table class="kb-table"><thead><tr><th>日期</th><th>标题</th><th>讲话人</th><th>场合</th><th>主要专题</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>\n")
    return "\n".join(out)


def _top_themes(speech: Speech, limit: int = 3) -> list[str]:
    shares = theme_shares(speech)
    ranked = sorted((t for t in shares if t != OTHER), key=lambda t: -shares[t])
    return ranked[:limit]


def render_home(site: Site) -> str:
    kb = site.kb
    years = sorted({s.year for s in kb.speeches if s.year})
    speakers = sorted({s.speaker for s in kb.speeches if s.speaker})
    n_sections = sum(len(s.all_sections()) for s in kb.speeches)
    n_paragraphs = sum(len(s.all_paragraphs()) for s in kb.speeches)
    span = f"{years[0]}—{years[-1]} 年" if years else "年份不详"
    out = [
        front_matter(),
        "# 组织工作讲话知识库\n",
        "本知识库收录组织工作会议讲话、党建工作报告，把每篇讲话整理成带目录、可逐段引用的页面，"
        "并按政治建设、基层党建、干部队伍、人才工作、自身建设等专题重新汇编，供学习研讨和查阅使用。\n",
        f'<div class="kb-stats"><div><b>{len(kb.speeches)}</b>篇讲话</div><div><b>{n_sections}</b>个部分</div>'
        f'<div><b>{n_paragraphs}</b>个段落</div><div><b>{esc(span)}</b>时间跨度</div><div><b>{len(speakers)}</b>位署名讲话人</div></div>\n',
        "## 怎样使用\n",
        "- **按讲话读**：[讲话索引](speeches/index.md) 按年份列出全部讲话；每篇讲话页面左侧是提纲，每段有编号，点击段号即得到该段的链接，便于引用“某讲话第12段”。",
        "- **按专题读**：[专题汇编](themes/index.md) 把各篇讲话中论述同一专题的部分按时间顺序汇编在一起，每段摘编都注明出处。",
        "- **检索**：页面顶部的搜索框（快捷键 <kbd>/</kbd> 或 <kbd>S</kbd>）可全文检索。",
        "- **打印**：浏览器“打印”即可得到适合学习材料的版式（不含导航栏）。",
        "- 更多说明见 [使用说明](about.md)。\n",
        "## 专题\n",
    ]
    rows = []
    for theme in kb.themes:
        count = sum(1 for s in kb.speeches if any(theme.id in sec.themes for sec in s.all_sections()))
        rows.append(f'<tr><td><a href="{theme.url}">{esc(theme.name)}</a></td><td>{count} 篇讲话</td><td>{esc(theme.description[:60])}…</td></tr>')
    out.append('<table class="kb-table"><tbody>' + "".join(rows) + "</tbody></table>\n")
    out.append("## 最新讲话\n")
    latest = [s for s in reversed(kb.speeches)][:10]
    out.append("\n".join(f'- <span class="kb-date">{esc(date_cn(s))}</span> <a href="{s.url}">{esc(s.title)}</a>' for s in latest) + "\n")
    return "\n".join(out)


# --- themes --------------------------------------------------------------------------------------


def theme_excerpts(speech: Speech, theme_id: str) -> list[Section]:
    """The sections of `speech` that speak about the theme, largest first-level unit that does.

    A section labelled by its own evidence is taken whole (with its subsections); a section labelled
    only through its children is looked into, so the excerpt is no larger than what is on-topic.
    """
    found: list[Section] = []

    def visit(section: Section) -> None:
        if theme_id in section.themes and section.theme_source in ("heading", "body", "manual"):
            found.append(section)
            return
        for child in section.children:
            visit(child)

    for section in speech.sections:
        if section.kind == "body":
            visit(section)
    return found


def section_text_html(section: Section, include_heading: bool = False) -> str:
    parts = []
    if include_heading and section.heading:
        parts.append(f'<p class="kb-subhead">{esc(section.heading)}</p>')
    parts.extend(paragraph_html_plain(p) for p in section.paragraphs)
    for child in section.children:
        parts.append(section_text_html(child, include_heading=True))
    return "".join(parts)


def paragraph_html_plain(p: Paragraph) -> str:
    return f'<p class="kb-p">{esc(p.text)}</p>'


def section_size(section: Section) -> int:
    return sum(len(s.heading) + sum(len(p.text) for p in s.paragraphs) for s in section.walk())


def render_theme(site: Site, theme: Theme) -> str:
    page = theme.url
    groups: dict[str, list[tuple[Speech, Section]]] = defaultdict(list)
    sub_names = {sub.id: sub.name for sub in theme.subtopics} | {OTHER: "综合"}
    for speech in site.kb.speeches:
        for section in theme_excerpts(speech, theme.id):
            groups[section.subtopics.get(theme.id, OTHER)].append((speech, section))
    excerpts = [x for g in groups.values() for x in g]
    n_speeches = len({s.id for s, _ in excerpts})
    years = sorted({s.year for s, _ in excerpts if s.year})
    span = f"{years[0]}—{years[-1]}年" if years else "年份不详"
    out = [
        front_matter(title=safe_title(theme.name), hide=["navigation"], search={"exclude": True}, kb_theme=theme.id),
        f"# {md_inline(theme.name)}\n",
        f'<p class="kb-theme-desc">{esc(theme.description)}</p>\n',
        f'<p class="kb-theme-stats">{n_speeches} 篇讲话 · {len(excerpts)} 处论述 · {esc(span)}</p>\n',
    ]
    if not excerpts:
        out.append("暂无讲话论及这一专题。\n")
    order = [sub.id for sub in theme.subtopics if sub.id in groups] + ([OTHER] if OTHER in groups else [])
    for key in order:
        items = sorted(groups[key], key=lambda x: (x[0].date or f"{x[0].year or 9999}-99", x[0].title, x[1].line))
        out.append(f"## {md_inline(sub_names[key])} {{ #{key} }}\n")
        out.append(f'<p class="kb-count">{len(items)} 处论述，按时间排列</p>\n')
        for speech, section in items:
            out.append(render_excerpt(speech, section, page))
    return "\n".join(out)


def render_excerpt(speech: Speech, section: Section, page: str) -> str:
    heading = section.heading or section_location(section)
    body = section_text_html(section)
    head = f'<p class="kb-excerpt-head">{esc(heading)}</p>'
    cite = citation(speech, section, page)
    size = section_size(section)
    if size > FOLD_AFTER_CHARS:
        first = next((s.paragraphs[0].text for s in section.walk() if s.paragraphs), "")
        preview = f'<span class="kb-preview">{esc(first[:120])}……</span>' if first else ""
        body = f'<details class="kb-fold"><summary>{preview}<span class="kb-more">展开全文（{size} 字）</span></summary>{body}</details>'
    return f'<div class="kb-excerpt">{head}{body}{cite}</div>\n'


def render_theme_overview(site: Site) -> str:
    page = "themes/"
    kb = site.kb
    out = [
        front_matter(search={"exclude": True}),
        "# 专题汇编\n",
        "下表显示每篇讲话在各专题上的篇幅占比（按字数计）；点击专题名进入专题汇编，点击讲话标题阅读全文。\n",
    ]
    head = "".join(f'<th><a href="{rel(page, t.url)}">{esc(t.name)}</a></th>' for t in kb.themes)
    rows = []
    for speech in reversed(kb.speeches):
        shares = theme_shares(speech)
        total = sum(shares.values()) or 1
        cells = []
        for theme in kb.themes:
            pct = round(shares.get(theme.id, 0) / total * 100)
            style = f' style="--kb-c:{site.colours[theme.id]};--kb-a:{min(pct, 100)}%"' if pct else ""
            cells.append(f'<td class="kb-cell"{style}>{pct}%</td>' if pct else '<td class="kb-cell kb-zero">—</td>')
        rows.append(f'<tr><td class="kb-nowrap">{esc(date_cn(speech))}</td><td><a href="{rel(page, speech.url)}">{esc(speech.title)}</a></td>{"".join(cells)}</tr>')
    out.append(f'<table class="kb-table kb-matrix"><thead><tr><th>日期</th><th>讲话</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>\n')
    out.append("## 各专题\n")
    for theme in kb.themes:
        out.append(f'- <a href="{rel(page, theme.url)}">{esc(theme.name)}</a>：{esc(theme.description)}')
    return "\n".join(out) + "\n"
