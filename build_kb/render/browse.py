"""Pages for walking through the knowledge base: home dashboard, timeline, speakers, occasions, 提法."""

from __future__ import annotations

import functools
import json
from collections import Counter, defaultdict
from urllib.parse import urlencode

from .charts import mini_bars, stacked_columns
from ..enrich.classify import OTHER
from ..model import LEVEL_NAMES, Speech, Term
from .review import open_items
from .common import HtmlPage, Site, badges, cited_date, esc, pdf_link, rel
from .novelty import home_new_terms, new_terms_by_year, term_history, year_new_terms
from ..text import UNDATED, by_year_newest_first, newest_first_key

TOP_TERMS_ON_HOME = 12


def _top_themes(speech: Speech, limit: int = 3) -> list[str]:
    shares = speech.theme_shares
    return sorted((t for t in shares if t != OTHER), key=lambda t: -shares[t])[:limit]


def theme_share_chart(site: Site) -> str:
    """Stacked columns: share of each theme in what was said, per year."""
    rows = [(str(year), {t: v for t, v in shares.items() if t != OTHER}) for year, shares in site.kb.theme_shares_by_year.items()]
    series = [(t.id, t.name, site.colours[t.id]) for t in site.kb.themes]
    return stacked_columns(rows, series, "各年度讲话中各专题的篇幅占比")


def render_home(site: Site) -> HtmlPage:
    kb = site.kb
    years = sorted({s.year for s in kb.speeches if s.year})
    speakers = sorted({s.speaker for s in kb.speeches if s.speaker})
    n_sections = sum(len(s.all_sections()) for s in kb.speeches)
    n_paragraphs = sum(len(s.all_paragraphs()) for s in kb.speeches)
    # the two years each kept whole, so a narrow card breaks the span after the dash and never inside a year
    if not years:
        span = "年份不详"
    elif years[0] == years[-1]:
        span = f"<span>{years[0]} 年</span>"
    else:
        span = f"<span>{years[0]}—</span><span>{years[-1]} 年</span>"
    out = HtmlPage("组织工作讲话知识库", hide=["navigation"])
    out.heading(1, "组织工作讲话知识库", "top", toc=False)
    out.add(
        "<p>本知识库收录组织工作会议讲话、党建工作报告，把每篇讲话整理成带提纲、可逐段引用的页面，"
        "并按政治建设、基层党建、干部队伍、人才工作、自身建设等专题重新汇编，供学习研讨和查阅使用。</p>"
    )
    out.add(
        f'<div class="kb-stats"><div><b>{len(kb.speeches)}</b>篇讲话</div><div><b>{n_sections}</b>个部分</div>'
        f'<div><b>{n_paragraphs}</b>个段落</div><div><b>{span}</b>时间跨度</div>'
        f'<div><b>{len(speakers)}</b>位署名讲话人</div><div><b>{len(kb.terms)}</b>个提法</div></div>'
    )
    out.heading(2, "怎样使用", "howto")
    out.add(
        "<ul>"
        '<li><b>按讲话读</b>：<a href="speeches/">讲话索引</a>、<a href="timeline/">时间线</a>、<a href="speakers/">按讲话人</a>、'
        '<a href="occasions/">按会议</a>；每篇讲话有提纲，每段有段号，点击段号即得到该段的链接。</li>'
        '<li><b>按专题读</b>：<a href="themes/">专题汇编</a> 把各篇讲话中论述同一专题的部分按时间顺序汇编，每段注明出处。</li>'
        '<li><b>按提法读</b>：<a href="terms/">提法索引</a> 列出“两个维护”“四个意识”等反复出现的提法及其每一处用法。</li>'
        "<li><b>检索</b>：页面顶部的搜索框（快捷键 <kbd>/</kbd> 或 <kbd>S</kbd>），输入的词原样匹配，多个词用空格隔开，"
        '<code>-词</code> 排除；<a href="search/">检索结果页</a>按年份、专题、讲话人统计，可导出 CSV。'
        "<b>打印</b>：专题和讲话都有公文版式的 PDF 学习材料（见下文），任意页面也可用浏览器“打印”。</li>"
        '<li>更多说明见 <a href="about/">使用说明</a>；整理讲话的同志请看 <a href="guide/">编者指南</a>。</li>'
        "</ul>"
    )
    items = open_items(kb)
    if items or kb.problems:
        out.add(f'<p class="kb-note">编者请注意：有 {items} 项<a href="review/">待核对</a>（构建时没有把握的标题、日期、分段等）。</p>')
    new_terms = new_terms_by_year(kb)
    block = home_new_terms(site, new_terms)
    if block:
        # The newest year that brought new 提法: not always this year, nor the last year of the corpus.
        out.heading(2, f"最近一年的新提法（{max(new_terms)}年）", "new-terms")
        out.add(block)
    out.heading(2, "专题", "themes")
    rows = []
    for theme in kb.themes:
        count = sum(1 for s in kb.speeches if any(theme.id in sec.themes for sec in s.all_sections()))
        rows.append(f'<tr><th scope="row" class="kb-nowrap">{badges([theme.id], site.themes_by_id, site.colours, "")}</th><td class="kb-nowrap">{count} 篇</td><td>{esc(theme.description[:56])}…</td></tr>')
    out.add('<table class="kb-table kb-home-themes"><thead><tr><th scope="col">专题</th><th scope="col">讲话</th><th scope="col">内容</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>")
    chart = theme_share_chart(site)  # the themes' shares by year, under the themes' table it illustrates
    if chart:
        out.add(chart)
    handouts = [(path, pages) for path, pages in sorted(site.pdfs.items()) if path.startswith("pdf/themes/")]
    if handouts:
        names = {t.id: t.name for t in kb.themes}
        items = []
        for path, pages in handouts:
            theme_id, _, year = path[len("pdf/themes/"):-len(".pdf")].partition("/")
            label = names.get(theme_id, theme_id) + (f"·{year}年" if year.isdigit() else ("·年份不详" if year else ""))
            items.append(f"<li>{pdf_link('', path, pages, label)}</li>")
        out.heading(2, "学习材料（PDF）", "handouts")
        volumes = any(path.startswith("pdf/speeches/") for path in site.pdfs)
        single = "每篇讲话页面链接到它在本年讲话合订本（PDF）里的页码" if volumes else "单篇讲话在它的页面上点“打印公文版式”即可按公文版式打印"
        out.add(f"<p>按专题汇编的学习材料，A4 公文版式，含封面、目录、出处和来源讲话清单，可直接打印；{single}。</p>")
        out.add('<ul class="kb-handouts">' + "".join(items) + "</ul>")
    if kb.terms:
        out.heading(2, "常见提法", "terms")
        items = [f'<a href="{t.url}">{esc(t.term)}</a><small>（{len(t.speech_ids())}篇）</small>' for t in kb.terms[:TOP_TERMS_ON_HOME]]
        out.add('<p class="kb-terms-cloud">' + "　".join(items) + "</p>")
    out.heading(2, "最新讲话", "latest")
    dated = [s for s in kb.speeches if s.year]
    latest = (list(reversed(dated)) + [s for s in kb.speeches if not s.year])[:10]
    out.add("<ul>" + "".join(f'<li><span class="kb-date">{esc(cited_date(s))}</span> <a href="{s.url}">{esc(s.title)}</a></li>' for s in latest) + "</ul>")
    return out


def render_timeline(site: Site) -> HtmlPage:
    page = "timeline/"
    out = HtmlPage("时间线")
    out.heading(1, "时间线", "top", toc=False)
    out.add("<p>讲话按年、月排列，标签为各篇讲话篇幅最多的专题；每年列出这一年第一次用到的提法。</p>")
    new_terms = new_terms_by_year(site.kb)
    for year, speeches in by_year_newest_first(site.kb.speeches):
        out.heading(2, f"{year}年" if year else "年份不详", f"y{year}" if year else "y-unknown")
        if year:
            out.add(year_new_terms(site, year, new_terms.get(year, []), year == min(new_terms, default=year), page))
        items = []
        for speech in speeches:
            month = f"{int(speech.date[5:7])}月" if speech.date else "月份不详"
            tags = badges(_top_themes(speech), site.themes_by_id, site.colours, page)
            items.append(f'<li><span class="kb-when">{month}</span><span><a href="{rel(page, speech.url)}">{esc(speech.title)}</a> {tags}</span></li>')
        out.add('<ul class="kb-timeline">' + "".join(items) + "</ul>")
    return out


def _grouped_index(site: Site, page: str, title: str, intro: str, key, unknown: str, note: str = "", detail=None) -> HtmlPage:
    groups: dict[str, list[Speech]] = defaultdict(list)
    for speech in site.kb.speeches:
        groups[key(speech) or ""].append(speech)
    out = HtmlPage(title)
    out.heading(1, title, "top", toc=False)
    out.add(f"<p>{esc(intro)}</p>")
    if note:
        out.add(note)
    names = sorted((g for g in groups if g), key=lambda g: (-len(groups[g]), g)) + ([""] if "" in groups else [])
    for i, name in enumerate(names, 1):
        out.heading(2, f"{name or unknown}（{len(groups[name])}篇）", f"g{i}")
        rows = "".join(
            f'<li><span class="kb-date">{esc(cited_date(s))}</span> <a href="{rel(page, s.url)}">{esc(s.title)}</a>'
            + (f'<span class="kb-detail">（{esc(detail(s))}）</span>' if detail and detail(s) else "") + "</li>"
            for s in sorted(groups[name], key=lambda s: newest_first_key(s.sort_date, s.year, s.title), reverse=True)
        )
        out.add(f"<ul>{rows}</ul>")
    return out


def render_speakers(site: Site) -> HtmlPage:
    return _grouped_index(
        site, "speakers/", "按讲话人", "按讲话稿署名的讲话人分组，每人的讲话新的在前；括号里是讲话时的职务。",
        lambda s: s.speaker, "讲话人不详", detail=lambda s: s.speaker_role,
    )




def render_occasions(site: Site) -> HtmlPage:
    levels = Counter(LEVEL_NAMES.get(s.level, "层级不详") for s in site.kb.speeches)
    summary = "　".join(f"{name} {n} 篇" for name, n in sorted(levels.items(), key=lambda kv: (-kv[1], kv[0])))
    return _grouped_index(
        site, "occasions/", "按会议", "按讲话所在的会议（场合）分组；会议名称由标题或开场白识别。",
        lambda s: s.occasion, "会议不详", note=f'<p class="kb-count">按层级：{esc(summary)}</p>',
    )


# --- 提法 ------------------------------------------------------------------------------------------


def render_terms_index(site: Site) -> HtmlPage:
    page = "terms/"
    out = HtmlPage("提法索引", hide=["navigation"])  # the tab has this page only: a sidebar listed just 提法
    out.heading(1, "提法索引", "top", toc=False)
    out.add("<p>反复出现的提法：词表中收录的，以及在两篇以上讲话中加引号或以数字概括的说法。按专题分组，按出现的讲话篇数排序。"
            "“处”是用到它的段落和标题数（一段里出现几次也只算一处），与检索的“处”相同。</p>")
    names = {t.id: t.name for t in site.kb.themes}
    groups: dict[str, list[Term]] = defaultdict(list)
    for term in site.kb.terms:
        groups[term.theme if term.theme in names else OTHER].append(term)
    for theme_id in [t.id for t in site.kb.themes] + [OTHER]:
        terms = groups.get(theme_id)
        if not terms:
            continue
        out.heading(2, names.get(theme_id, "其他/综合"), theme_id)
        rows = "".join(
            f'<tr><td><a href="{rel(page, t.url)}">{esc(t.term)}</a>{" <small>（词表）</small>" if t.curated else ""}</td>'
            f'<td class="kb-cell-num">{len(t.speech_ids())} 篇</td><td class="kb-cell-num">{len(t.passages())} 处</td><td>{esc(t.explanation[:40])}</td></tr>'
            for t in terms
        )
        out.add(f'<table class="kb-table kb-terms-table"><thead><tr><th scope="col">提法</th><th scope="col">讲话</th><th scope="col">处</th><th scope="col">释义</th></tr></thead><tbody>{rows}</tbody></table>')
    return out


def render_term(site: Site, term: Term) -> dict[str, HtmlPage]:
    """The term's page: explanation, chart, and its uses by year (made when it is laid out: HtmlPage.later)."""
    inputs = functools.partial(_uses_inputs, site, term)
    return {f"terms/{term.id}.md": HtmlPage.later(term.term, functools.partial(_term_page, site, term), inputs, hide=["navigation"])}


def _term_head(out: HtmlPage, site: Site, term: Term) -> None:
    out.heading(1, term.term, "term", toc=False)
    facts = [f"{len(term.speech_ids())} 篇讲话", f'{len(term.passages())} 处<span class="kb-unit">（段落和标题）</span>']
    if term.theme in site.themes_by_id:
        facts.append(badges([term.theme], site.themes_by_id, site.colours, term.url))
    if term.aliases:
        facts.append("又作：" + "、".join(esc(a) for a in term.aliases))
    out.add(f'<p class="kb-count">{" · ".join(facts)}</p>')
    out.add(term_history(site, term, term.url))
    if term.explanation:
        out.add(f'<p class="kb-explain">{esc(term.explanation)}</p>')
    by_year = Counter(site.kb.speech(speech_id).year for speech_id, _ in term.passages())
    years = sorted(y for y in by_year if y)
    if len(years) > 1:  # one year's lone bar says no more than the heading below
        out.add(mini_bars([(str(y), by_year[y]) for y in years], f"“{term.term}”各年度用到的段落数"))


def _term_page(site: Site, term: Term, out: HtmlPage) -> None:
    _term_head(out, site, term)
    out.heading(2, "出处", "uses")
    _uses(out, site, term, term.url)


def _uses_inputs(site: Site, term: Term) -> str | None:
    """What a term's page reads, in short: the term, its uses, and the speeches cited by their cache
    keys (their titles, dates, places and the text around each use), in page order."""
    occurrences, page = term.occurrences, term.url
    cited = sorted({o.speech_id for o in occurrences}, key=site.speech_position.__getitem__)
    keys = [site.speech_keys.get(speech_id) for speech_id in cited]
    if None in keys:
        return None
    described = [term.id, term.term, term.theme, term.aliases, term.explanation, list(term.uses_by_year.items()), len(term.speech_ids()), len(term.occurrences), sorted(term.passages())]
    uses = [[o.speech_id, o.section_id, o.paragraph_id, o.at, o.match] for o in occurrences]
    return json.dumps([page, described, uses, list(zip(cited, keys))], ensure_ascii=False)


KWIC_PER_YEAR = 2
"""Speeches whose use of a term is shown in context, per year; the search lists them all."""


def _uses(out: HtmlPage, site: Site, term: Term, page: str) -> None:
    """Under a heading per year: the first KWIC_PER_YEAR speeches that use the term, each as one
    keyword-in-context line (its first use, linked to the paragraph, then links to the speech's other
    paragraphs that use it), and a link to the search for the rest of the year.

    One line per speech rather than per use: a speech that repeats a formulation says it the same
    way. A few speeches a year rather than all: the search lists every use, with its totals and
    facets, and a term of 700 speeches listed in full was a sixth of the site (issue #13)."""
    kb = site.kb
    by_speech: dict[str, list] = defaultdict(list)
    for occurrence in term.occurrences:
        by_speech[occurrence.speech_id].append(occurrence)
    passages_in = Counter(speech_id for speech_id, _ in term.passages())
    # In the knowledge base's order; not by walking every speech for each term (at 10,000 speeches
    # and 1,700 terms that walk was a tenth of the build).
    cited = [kb.speech(speech_id) for speech_id in sorted(by_speech, key=site.speech_position.__getitem__)]
    by_year: dict[object, list[Speech]] = defaultdict(list)
    for speech in cited:
        by_year[speech.year].append(speech)
    for year in by_year:  # the knowledge base's order: by date
        speeches = by_year[year]
        uses = sum(passages_in[s.id] for s in speeches)
        label = f"{year}年" if year else "年份不详"
        out.heading(3, f"{label}（{len(speeches)} 篇讲话，{uses} 处）", f"y{year or UNDATED}")
        lines = [_kwic_line(site, speech, by_speech[speech.id], page) for speech in speeches[:KWIC_PER_YEAR]]
        out.add(f'<ul class="kb-kwic">{"".join(lines)}</ul>')
        rest = len(speeches) - KWIC_PER_YEAR
        if rest > 0:
            out.add(f'<p class="kb-kwic-more">本年另有 {rest} 篇讲话用到，{_search_links(term, year, page)}</p>')


def _kwic_line(site: Site, speech: Speech, uses: list, page: str) -> str:
    href = rel(page, speech.url)
    first = uses[0]
    others = list(dict.fromkeys(o.paragraph_id for o in uses if o.paragraph_id != first.paragraph_id))
    also = ""
    if others:
        also = f"；本篇另有 {len(others)} 处：" + "、".join(f'<a href="{href}#{esc(pid)}">第{esc(pid[1:])}段</a>' for pid in others)
    left, right = site.kb.context(first, SNIPPET_WINDOW)
    left, right = clause_cut(left, right, whole_left=len(left) < SNIPPET_WINDOW, whole_right=len(right) < SNIPPET_WINDOW)
    return (
        f'<li><a href="{href}#{esc(first.paragraph_id)}"><span>{esc(left)}</span><mark>{esc(first.match)}</mark>{esc(right)}</a>'
        f' <small>《{esc(speech.title)}》{site.date(speech)} · {site.location(speech.id, first.section_id)} · 第{esc(first.paragraph_id[1:])}段{also}</small></li>'
    )


SNIPPET_WINDOW = 40
"""Characters either side of a use looked at for a clause boundary to cut the snippet at."""
SENTENCE_END = "。！？"
CLAUSE_END = "，；：、" + SENTENCE_END
SHORTEST_CLAUSE = 4
"""A cut leaves at least this many characters beside the 提法, or is not made at a boundary."""


def clause_cut(left: str, right: str, whole_left: bool, whole_right: bool) -> tuple[str, str]:
    """The words around a use, cut at clause boundaries and marked …… where words were left out
    (a new sentence needs no mark before it, a finished one none after it). `whole_*` says a side
    reaches the paragraph's edge, so nothing there was left out.

    >>> clause_cut("要求，各级党组织要把", "贯彻到工作全过程，确保落实", False, False)
    ('……各级党组织要把', '贯彻到工作全过程……')
    >>> clause_cut("上一句。我们必须", "。下一句", False, False)
    ('我们必须', '。')
    >>> clause_cut("第一，要切实筑牢", "的根基。一是要坚持", False, False)
    ('……要切实筑牢', '的根基。')
    >>> clause_cut("坚决做到", "，始终", True, True)
    ('坚决做到', '，始终')
    """
    if not whole_left:
        starts = [i for i, ch in enumerate(left) if ch in SENTENCE_END and len(left) - i - 1 >= SHORTEST_CLAUSE]
        clauses = [i for i, ch in enumerate(left) if ch in CLAUSE_END and len(left) - i - 1 >= SHORTEST_CLAUSE]
        if starts:  # the sentence the use is in
            left = left[starts[-1] + 1 :]
        elif clauses:  # as much of it as fits, from a clause on
            left = "……" + left[clauses[0] + 1 :]
        else:
            left = "……" + left.lstrip(CLAUSE_END)
    if not whole_right:
        ends = [i for i, ch in enumerate(right) if ch in SENTENCE_END]
        clauses = [i for i, ch in enumerate(right) if ch in CLAUSE_END and i >= SHORTEST_CLAUSE]
        if ends:
            right = right[: ends[0] + 1]
        elif clauses:
            right = right[: clauses[-1]] + "……"
        else:
            right = right.rstrip(CLAUSE_END) + "……"
    return left, right


def _search_links(term: Term, year, page: str) -> str:
    """Links to the search results for the term (and each of its other forms, and each way the
    speeches wrote it, as 增“人数”) in that year."""
    forms = list(dict.fromkeys([term.term, *term.aliases, *(o.match for o in term.occurrences)]))
    links = []
    for form in forms:
        query = {"q": f"“{form}”"} | ({"year": str(year)} if year else {})
        links.append(f'<a href="{rel(page, "search/")}?{esc(urlencode(query))}">“{esc(form)}”</a>')
    return "全部出处见检索：" + "、".join(links)
