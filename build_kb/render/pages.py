"""Stage 5 — render: turn the knowledge base into pages (path → HtmlPage), without touching disk.

Speech text is always emitted as escaped HTML, so whatever a speech contains (`*同志`, `<script>`,
`{{ }}`) is shown literally and never interpreted.
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from urllib.parse import quote

from ..enrich.classify import OTHER
from ..model import KnowledgeBase, Paragraph, Section, Speech, Theme, speech_url
from .handout import speech_byline, speech_handout_path, theme_handout_path, theme_part_key
from .review import render_review
from .browse import _top_themes, render_home, render_occasions, render_speakers, render_term, render_terms_index, render_timeline
from .common import (
    HtmlPage,
    Site,
    badges,
    citation,
    cited_date,
    date_basis,
    date_cn,
    editors_notes,
    esc,
    mix_bar,
    paragraph_html,
    pdf_link,
    rel,
    section_location,
    volume_link,
)
from ..text import UNDATED, by_year_newest_first, chronological_key, years_newest_first

FOLD_AFTER_CHARS = 300
"""Theme-page excerpts longer than this are folded (click to expand)…"""
PREVIEW_CHARS = 80
"""…under the first characters of their text (two lines)."""
RELATED_SHOWN = 2
"""Related passages listed under a section (kb.json keeps the top three): a tenth of a speech's page
went to these lists."""
MAX_EXCERPTS_PER_PAGE = 120
"""A theme with more excerpts than this is split into one page per year (readable, printable)."""


# --- pages ---------------------------------------------------------------------------------------


def render_pages(kb: KnowledgeBase, pdfs: dict[str, int] | None = None, speech_keys: dict[str, str] | None = None,
                 printed_parts: dict[str, tuple[str, int, int]] | None = None) -> dict[str, HtmlPage]:
    """Every generated page: docs-relative path of its Markdown stub → page.

    `pdfs` (site path of each study handout → its pages) adds download links; a handout not in it
    was not printed and is not linked. `speech_keys` (speech id → its parse's cache key) let the
    pages made on demand describe their inputs in short (HtmlPage.later). `printed_parts` (a
    volume's part: a speech's id, or theme_part_key → the volume and the part's pages) links each
    speech, and each year of a large theme, to its pages.
    """
    site = Site(kb, pdfs or {}, speech_keys or {}, printed_parts or {})
    pages = {
        "index.md": render_home(site),
        "speeches/index.md": render_speech_index(site),
        "timeline.md": render_timeline(site),
        "speakers.md": render_speakers(site),
        "occasions.md": render_occasions(site),
        "themes/index.md": render_theme_overview(site),
        "terms/index.md": render_terms_index(site),
    }
    for term in kb.terms:
        pages.update(render_term(site, term))
    for i, speech in enumerate(kb.speeches):
        prev_speech = kb.speeches[i - 1] if i > 0 else None
        next_speech = kb.speeches[i + 1] if i + 1 < len(kb.speeches) else None
        pages[f"speeches/{speech.id}.md"] = render_speech(site, speech, prev_speech, next_speech)
    for theme in kb.themes:
        pages.update(render_theme(site, theme))
    review = render_review(kb)
    if review is not None:
        pages["review.md"] = review
    pages["search.md"] = render_search_page()
    pages["basket.md"] = render_tool_page("材料篮", "kb-basket", "材料篮需要浏览器启用 JavaScript：摘录只保存在本机浏览器中。")
    pages["compare.md"] = render_tool_page("讲话对照", "kb-compare", "对照需要浏览器启用 JavaScript：两篇讲话在本机浏览器中逐段比较。")
    return pages


def render_tool_page(title: str, element_id: str, without_script: str) -> HtmlPage:
    """A page made in the browser by assets/kb-work.js: the 材料篮 from what the reader gathered, the
    对照 of two speeches (kb-compare.js) from the search's texts."""
    out = HtmlPage(title, hide=["navigation", "toc"])
    out.heading(1, title, "top", toc=False)
    out.add(f'<div id="{element_id}" class="{element_id}"></div>')
    out.add(f"<noscript><p>{esc(without_script)}</p></noscript>")
    return out


def render_search_page() -> HtmlPage:
    """The results page: filled by assets/kb-search.js from its address (search/?q=…&year=…)."""
    out = HtmlPage("检索", hide=["navigation", "toc"])
    out.heading(1, "检索讲话原文", "top", toc=False)
    out.add('<div id="kb-results" class="kb-results"></div>')
    out.add("<noscript><p>检索需要浏览器启用 JavaScript。</p></noscript>")
    return out


def render_speech(site: Site, speech: Speech, prev_speech: Speech | None, next_speech: Speech | None) -> HtmlPage:
    """The speech's page, made when it is laid out (HtmlPage.later)."""
    return HtmlPage.later(
        speech.title,
        functools.partial(_speech_body, site, speech, prev_speech, next_speech),
        functools.partial(_speech_inputs, site, speech, prev_speech, next_speech),
        hide=["navigation"],
    )


def _speech_inputs(site: Site, speech: Speech, prev_speech: Speech | None, next_speech: Speech | None) -> str | None:
    """What _speech_body reads, in short: the speech itself by its cache key, and what the page
    shows that the rest of the corpus decides (提法 links, related passages and speeches, neighbours,
    the handout's length)."""
    key = site.speech_keys.get(speech.id)
    if key is None:
        return None
    kb = site.kb
    terms = [
        [p.id, [[link.start, link.end, link.term_id, site.terms_by_id[link.term_id].term] for link in p.term_links]]
        for p in speech.all_paragraphs() if p.term_links
    ]
    related = [
        [section.id, [_cited_section(site, link) for link in _related_shown(kb, speech.id, section.id)]]
        for section in speech.all_sections()
    ]
    related_speeches = [_cited_speech(site, link) for link in kb.related_speeches.get(speech.id, [])]
    neighbours = [[s.id, s.title] if s else None for s in (prev_speech, next_speech)]
    handout = site.printed_parts.get(speech.id) or site.pdfs.get(speech_handout_path(speech))
    return json.dumps([speech.id, key, handout, terms, related, related_speeches, neighbours], ensure_ascii=False)


def _related_shown(kb, speech_id: str, section_id: str) -> list:
    """The related passages listed under a section: its first RELATED_SHOWN."""
    return kb.related_sections.get((speech_id, section_id), [])[:RELATED_SHOWN]


def _cited_section(site: Site, link) -> list:
    """What related_passages_html shows of a passage elsewhere: [speech id, section id, heading (or
    where it stands, 第二部分, when it has none), speech title, date] (date escaped)."""
    other = site.kb.speech(link.speech_id)
    section = site.kb.section(link.speech_id, link.section_id)
    return [other.id, section.id, section.title or section_location(section), other.title, site.date(other)]


def _cited_speech(site: Site, link) -> list:
    """What related_speeches_html shows of a speech: [id, title, date] (date escaped)."""
    other = site.kb.speech(link.speech_id)
    return [other.id, other.title, site.date(other)]


def _speech_body(site: Site, speech: Speech, prev_speech: Speech | None, next_speech: Speech | None, out: HtmlPage) -> None:
    page = speech.url
    out.heading(1, speech.title, "title", toc=False)
    if speech.subtitle:
        out.add(f'<p class="kb-subtitle">{esc(speech.subtitle)}</p>\n')
    document = is_document(speech)
    # The byline as an official document prints it under the title (the page shows the facts in a
    # list instead); kb.css prints a page that has it in official form. A 公文 prints its 主送 over
    # the text and its 附件说明, 署名 and 成文日期 under it instead (document_end_html).
    out.add(f'<p class="kb-byline" hidden>{esc(document_byline(speech) if document else speech_byline(speech))}</p>\n')
    if document and speech.addressees:
        out.add(f'<p class="kb-addressees" hidden>{esc("、".join(speech.addressees))}：</p>\n')
    basis = date_basis(speech)
    shown = esc(date_cn(speech)) + (f'<span class="kb-date-basis">（{esc(basis)}）</span>' if basis else "")
    meta = [("成文日期" if document else "日期", shown)]
    if speech.speaker or speech.speaker_role:
        meta.append(("讲话人", esc(" ".join(x for x in (speech.speaker_role, speech.speaker) if x))))
    if speech.occasion:
        meta.append(("场合", esc(speech.occasion)))
    for label, value in (("发文机关", speech.issuer), ("发文字号", speech.doc_number), ("主送", "、".join(speech.addressees))):
        if value:
            meta.append((label, esc(value)))
    if speech.attachments:
        meta.append(("附件", attachments_html(speech.attachments)))
    notes = editors_notes(speech)
    if notes:
        meta.append(("题注", esc(notes)))
    # The source file, its encoding and the lines the cleaner took out are the curator's business:
    # the 待核对 page and `kb check` show them, not every reader's (and every printed) page.
    rows = "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in meta)
    if speech.id in site.printed_parts:
        rows += f'<dt class="kb-print">打印</dt><dd class="kb-print">{volume_link(page, *site.printed_parts[speech.id])}</dd>'
    else:
        # No yearly volume (the default, see PrintConfig.speech_handouts): the browser prints the page
        # itself in official form (kb.css), which costs the site nothing.
        rows += '<dt class="kb-print">打印</dt><dd class="kb-print"><button type="button" class="kb-print-now">打印公文版式</button>（A4，仿宋三号，每页 22 行、每行 28 字）</dd>'
    out.add(f'<dl class="kb-meta">{rows}</dl>\n')
    # Written here rather than by kb-work.js after the page is drawn, which pushed the text down.
    out.add(compare_link_html(speech.id, [link.speech_id for link in site.kb.related_speeches.get(speech.id, [])], page) + "\n")
    if speech.title_derived:
        out.add('<p class="kb-note">原文无标题，标题由系统根据内容生成。</p>\n')
    if speech.theme_shares:
        out.add(mix_bar(speech.theme_shares, site.kb.themes, site.colours) + "\n")

    end = document_end_html(speech) if document else ""
    for section in speech.sections:
        if end and is_attachment(section):
            out.add(end)  # the texts of the attachments follow the document's signature and date
            end = ""
        render_section(out, site, speech, section, page)
    out.add(end)
    related = site.kb.related_speeches.get(speech.id, [])
    if related:
        out.heading(2, "相关讲话", "related-speeches")
        out.add(related_speeches_html(site, related, page))

    nav = []
    if prev_speech:
        nav.append(f'<a class="kb-prev" href="{rel(page, prev_speech.url)}">← 上一篇（按日期）：《{esc(prev_speech.title)}》</a>')
    if next_speech:
        nav.append(f'<a class="kb-next" href="{rel(page, next_speech.url)}">下一篇：《{esc(next_speech.title)}》 →</a>')
    if nav:
        out.add(f'<nav class="kb-pager">{"".join(nav)}</nav>\n')


def is_document(speech: Speech) -> bool:
    """An official document (公文) rather than a speech: an organ issued it or it is addressed to
    some, and no one is named as its speaker."""
    return bool(speech.issuer or speech.addressees) and not speech.speaker


def document_byline(speech: Speech) -> str:
    """What a 公文 prints under its title: its 发文字号, as a compilation reprints one
    (（某组发〔2023〕5号）); the date goes under the signature."""
    return f"（{speech.doc_number}）" if speech.doc_number else ""


def attachments_html(names: list[str]) -> str:
    """附件 on the page: one name a line, numbered as a 附件说明 numbers them when there are more."""
    if len(names) == 1:
        return esc(names[0])
    return "<br>".join(f"{i}．{esc(name)}" for i, name in enumerate(names, 1))


def is_attachment(section: Section) -> bool:
    """A top-level section that is an attachment's text (附件, 附件一, 附件2：…) after the document."""
    return bool(re.match(r"附\s*件\s*([0-9０-９一二三四五六七八九十]+)?\s*([：:．.、\s]|$)", section.heading or ""))


def document_end_html(speech: Speech) -> str:
    """The close of a printed 公文 (GB/T 9704): the 附件说明 two characters in (附件：1．… with later
    names under the first), then the issuing organ over the date, four characters from the right.
    Printed only (kb.css): the page lists these facts at its top."""
    parts = []
    for i, name in enumerate(speech.attachments, 1):
        label = "附件：" if i == 1 else ""
        number = f"{i}．" if len(speech.attachments) > 1 else ""
        parts.append(f'<p class="kb-attachment"><span class="kb-attachment__label">{label}</span>{esc(number + name)}</p>')
    signed = "".join(f"<span>{esc(x)}</span>" for x in (speech.issuer, date_cn(speech) if speech.date else "") if x)
    if signed:
        parts.append(f'<p class="kb-signed">{signed}</p>')
    return f'<div class="kb-document-end" hidden>{"".join(parts)}</div>\n' if parts else ""


BADGE_NOTES = {
    "manual": ' <span class="kb-manual" title="人工指定">（人工）</span>',
    # The theme page lists only passages whose own words carry the theme; a section that took its
    # theme from the speech's title says so here, or a reader following the badge would look for it there.
    "context": ' <span class="kb-manual" title="这一部分自己的专题词很少，专题按讲话标题推定，未收入专题页">（按标题推定）</span>',
    "speech": ' <span class="kb-manual" title="这一部分自己的专题词定不了专题，专题按全文推定，未收入专题页">（按全文推定）</span>',
}
"""A note after a section's theme badges on how the themes were set, where the reader needs it."""


def render_section(out: HtmlPage, site: Site, speech: Speech, section: Section, page: str, parent_themes: tuple = ()) -> None:
    if section.kind == "opening":
        out.add(f'<div class="kb-anchor" id="{esc(section.id)}"></div>\n')
    elif section.kind == "closing":
        out.add(f'<hr class="kb-closing" id="{esc(section.id)}">\n')
    elif section.heading:
        out.heading(section.level + 1, section.heading, section.id)
    else:
        out.add(f'<div class="kb-anchor" id="{esc(section.id)}"></div>\n')
    # A subsection repeats no badge its parent already shows: badges mark where the topic changes.
    if section.themes and section.kind == "body" and section.theme_source != "parent" and tuple(section.themes) != parent_themes:
        out.add(f'<p class="kb-badges">{badges(section.themes, site.themes_by_id, site.colours, page)}{BADGE_NOTES.get(section.theme_source, "")}</p>\n')
    for p in section.paragraphs:
        out.add(paragraph_html(p, site.term_links(p), page) + "\n")
    related = _related_shown(site.kb, speech.id, section.id)
    if related:
        out.add(related_passages_html(site, related, page) + "\n")
    for child in section.children:
        render_section(out, site, speech, child, page, tuple(section.themes))


def compare_link_html(speech_id: str, related_ids: list[str], page: str) -> str:
    """与……对照: the comparison page with this speech as 甲 and its related speeches first among
    the suggestions for 乙 (compare/?a=<id>&r=<id>,<id>)."""
    query = "?a=" + quote(speech_id) + ("&amp;r=" + ",".join(quote(i) for i in related_ids) if related_ids else "")
    return (f'<p class="kb-compare-link"><a href="{rel(page, "compare/")}{query}" '
            'title="与同一会议其他年份的讲话或相关讲话逐段对照">与……对照</a></p>')


def related_passages_html(site: Site, related, page: str) -> str:
    """相关论述: passages of other speeches that say much the same, with their citation."""
    items = []
    for speech_id, section_id, heading, title, date in (_cited_section(site, link) for link in related):
        items.append(f'<li><a href="{rel(page, speech_url(speech_id))}#{section_id}">{esc(heading[:40])}</a> <small>《{esc(title)}》{date}</small></li>')
    return '<div class="kb-related"><span class="kb-related-title">相关论述</span><ul>' + "".join(items) + "</ul></div>"


def related_speeches_html(site: Site, related, page: str) -> str:
    items = []
    for speech_id, title, date in (_cited_speech(site, link) for link in related):
        items.append(f'<li><a href="{rel(page, speech_url(speech_id))}">《{esc(title)}》</a> <span class="kb-date">{date}</span></li>')
    return '<ul class="kb-related-speeches">' + "".join(items) + "</ul>"


def render_speech_index(site: Site) -> HtmlPage:
    """Every speech, newest year first: one table a year, all with the same fixed columns (so they
    line up from year to year), titles and occasions wrapping within theirs, a title's main themes
    under it; on a phone each row reads as a card (kb.css)."""
    page = "speeches/"
    out = HtmlPage("讲话索引")
    out.heading(1, "讲话索引", "top", toc=False)
    out.add(f"<p>共收录 {len(site.kb.speeches)} 篇讲话，按年份排列（最新在前）。</p>")
    head = "".join(f'<th scope="col" class="kb-i-{key}">{name}</th>' for key, name in INDEX_COLUMNS)
    for year, speeches in by_year_newest_first(site.kb.speeches):
        out.heading(2, f"{year}年" if year else "年份不详", f"y{year}" if year else "y-unknown")
        rows = []
        for speech in speeches:
            who = esc(speech.speaker or speech.speaker_role) if speech.speaker or speech.speaker_role else '<span class="kb-none">不详</span>'
            occasion = esc(speech.occasion) if speech.occasion else '<span class="kb-none">不详</span>'
            tags = badges(_top_themes(speech), site.themes_by_id, site.colours, page)
            rows.append(
                f'<tr><td class="kb-i-date">{esc(cited_date(speech))}</td><td class="kb-i-title"><a href="{rel(page, speech.url)}">{esc(speech.title)}</a>'
                f'<span class="kb-i-themes">{tags}</span></td><td class="kb-i-who">{who}</td><td class="kb-i-occasion">{occasion}</td></tr>'
            )
        out.add(f'<table class="kb-table kb-index"><thead><tr>{head}</tr></thead><tbody>' + "".join(rows) + "</tbody></table>")
    return out


INDEX_COLUMNS = [("date", "日期"), ("title", "标题与主要专题"), ("who", "讲话人"), ("occasion", "场合")]


# --- themes --------------------------------------------------------------------------------------


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


def render_theme(site: Site, theme: Theme) -> dict[str, HtmlPage]:
    """The theme's page; a theme with more than MAX_EXCERPTS_PER_PAGE excerpts gets one page per year."""
    excerpts = [(site.kb.speech(sid), site.kb.section(sid, xid)) for sid, xid in site.kb.theme_excerpts.get(theme.id, [])]
    n_speeches = len({s.id for s, _ in excerpts})
    years = sorted({s.year for s, _ in excerpts if s.year})
    span = f"{years[0]}—{years[-1]}年" if years else "年份不详"
    out = HtmlPage(theme.name, hide=["navigation"])
    out.heading(1, theme.name, "top", toc=False)
    out.add(f'<p class="kb-theme-desc">{esc(theme.description)}</p>')
    out.add(f'<p class="kb-theme-stats">{n_speeches} 篇讲话 · {len(excerpts)} 处论述 · {esc(span)}</p>')
    handout = theme_handout_path(theme)
    if handout in site.pdfs:
        out.add(f'<p class="kb-print">{pdf_link(theme.url, handout, site.pdfs[handout], "下载专题学习材料 PDF")}（封面、目录、按子专题汇编、注明出处）</p>')
    if not excerpts:
        out.add("<p>暂无讲话论及这一专题。</p>")
    if len(excerpts) <= MAX_EXCERPTS_PER_PAGE:
        _excerpts_by_subtopic(out, theme, excerpts, theme.url)
        return {f"themes/{theme.id}.md": out}

    pages = {f"themes/{theme.id}.md": out}
    by_year: dict[str, list] = defaultdict(list)
    for speech, section in excerpts:
        by_year[str(speech.year) if speech.year else UNDATED].append((speech, section))
    keys = years_newest_first(by_year)
    subtopics = [sub for sub in theme.subtopics] + [None]
    head = "".join(f'<th scope="col">{esc(sub.name if sub else "综合")}</th>' for sub in subtopics)
    rows = []
    for key in keys:
        counts = defaultdict(int)
        for _, section in by_year[key]:
            counts[section.subtopics.get(theme.id, OTHER)] += 1
        label = f"{key}年" if key != UNDATED else "年份不详"
        url = f"{theme.url}{key}/"
        cells = "".join(
            f'<td class="kb-cell-num"><a href="{rel(theme.url, url)}#{esc(sub.id if sub else OTHER)}">{counts[sub.id if sub else OTHER]}</a></td>' if counts[sub.id if sub else OTHER] else '<td class="kb-zero">—</td>'
            for sub in subtopics
        )
        rows.append(f'<tr><td><a href="{rel(theme.url, url)}">{label}</a></td><td>{len(by_year[key])}</td>{cells}</tr>')
        fill = functools.partial(_theme_year_page, site, theme, key, label, url, by_year[key])
        pages[f"themes/{theme.id}/{key}.md"] = HtmlPage.later(f"{theme.name}·{label}", fill, hide=["navigation"])
    out.add("<p>论述较多，按年份分页：</p>")
    out.add(f'<table class="kb-table"><thead><tr><th scope="col">年份</th><th scope="col">合计</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
    return pages


def _theme_year_page(site: Site, theme: Theme, key: str, label: str, url: str, excerpts: list[tuple[Speech, Section]], out: HtmlPage) -> None:
    """One year of a large theme (made when it is laid out: HtmlPage.later)."""
    out.heading(1, f"{theme.name}·{label}", "top", toc=False)
    out.add(f'<p class="kb-theme-stats"><a href="{rel(url, theme.url)}">← {esc(theme.name)}（全部年份）</a> · {len(excerpts)} 处论述</p>')
    part = site.printed_parts.get(theme_part_key(theme, key))
    if part:
        out.add(f'<p class="kb-print">{volume_link(url, *part, label=f"打印{label}学习材料 PDF", volume_name=f"{theme.name}专题学习材料")}</p>')
    _excerpts_by_subtopic(out, theme, excerpts, url)


def _excerpts_by_subtopic(out: HtmlPage, theme: Theme, excerpts: list[tuple[Speech, Section]], page: str) -> None:
    groups: dict[str, list[tuple[Speech, Section]]] = defaultdict(list)
    for speech, section in excerpts:
        groups[section.subtopics.get(theme.id, OTHER)].append((speech, section))
    sub_names = {sub.id: sub.name for sub in theme.subtopics} | {OTHER: "综合"}
    order = [sub.id for sub in theme.subtopics if sub.id in groups] + ([OTHER] if OTHER in groups else [])
    for key in order:
        items = sorted(groups[key], key=lambda x: chronological_key(x[0].sort_date, x[0].year, x[0].title, x[1].line))
        out.heading(2, sub_names[key], key)
        out.add(f'<p class="kb-count">{len(items)} 处论述，按时间排列</p>')
        for speech, section in items:
            out.add(render_excerpt(speech, section, page))


def render_excerpt(speech: Speech, section: Section, page: str) -> str:
    heading = section.heading or section_location(section)
    body = section_text_html(section)
    head = f'<p class="kb-excerpt-head">{esc(heading)}</p>'
    cite = citation(speech, section, page)
    size = section_size(section)
    if size > FOLD_AFTER_CHARS:
        # The folded text is not written into the page: kb.js fills it from the search's copy of the
        # speech (search/t/<id>.js), so the site holds each text once (issue #13: it was a fifth of it).
        first = next((s.paragraphs[0].text for s in section.walk() if s.paragraphs), "")
        preview = f'<span class="kb-preview">{esc(first[:PREVIEW_CHARS])}……</span>' if first else ""
        body = (
            f'<details class="kb-fold" data-speech="{esc(speech.id)}" data-section="{esc(section.id)}">'
            f'<summary>{preview}<span class="kb-more">展开全文（{size} 字）</span></summary>'
            '<p class="kb-fold-wait"></p></details>'
        )
    return f'<div class="kb-excerpt">{head}{body}{cite}</div>'


def render_theme_overview(site: Site) -> HtmlPage:
    page = "themes/"
    kb = site.kb
    out = HtmlPage("专题汇编", hide=["navigation"])  # the tab has this page only: a sidebar listed just 专题
    out.heading(1, "专题汇编", "top", toc=False)
    out.add("<p>下表显示每篇讲话在各专题上的篇幅占比（按字数计）；点击专题名进入专题汇编，点击讲话标题阅读全文。</p>")
    head = "".join(f'<th scope="col"><a href="{rel(page, t.url)}">{esc(t.name)}</a></th>' for t in kb.themes)
    rows = []
    # Newest first and undated speeches last, as the speech index and the home page list them
    # (kb.speeches runs oldest first with the undated at the end: reversed, they came first).
    newest_first = [s for s in reversed(kb.speeches) if s.year] + [s for s in kb.speeches if not s.year]
    for speech in newest_first:
        shares = speech.theme_shares
        total = sum(shares.values()) or 1
        cells = []
        for theme in kb.themes:
            pct = round(shares.get(theme.id, 0) / total * 100)
            style = f' style="--kb-c:{site.colours[theme.id]};--kb-a:{min(pct, 100)}%"' if pct else ""
            cells.append(f'<td class="kb-cell"{style}>{pct}%</td>' if pct else '<td class="kb-cell kb-zero">—</td>')
        rows.append(f'<tr><td class="kb-nowrap">{esc(cited_date(speech))}</td><td><a href="{rel(page, speech.url)}">{esc(speech.title)}</a></td>{"".join(cells)}</tr>')
    out.heading(2, "各专题", "themes")
    out.add("<ul>" + "".join(f'<li><a href="{rel(page, theme.url)}">{esc(theme.name)}</a>：{esc(theme.description)}</li>' for theme in kb.themes) + "</ul>")
    out.heading(2, "各篇讲话的专题构成", "matrix")
    out.add(f'<table class="kb-table kb-matrix"><thead><tr><th scope="col">日期</th><th scope="col">讲话</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
    return out
