"""Pages for walking through the knowledge base: home dashboard, timeline, speakers, occasions, 提法."""

from __future__ import annotations

from collections import Counter, defaultdict

from .charts import mini_bars, stacked_columns
from .classify import OTHER
from .model import Speech, Term
from .render_common import Site, badges, date_cn, esc, front_matter, rel, safe_title, section_location, theme_shares

TOP_TERMS_ON_HOME = 12


def _top_themes(speech: Speech, limit: int = 3) -> list[str]:
    shares = theme_shares(speech)
    return sorted((t for t in shares if t != OTHER), key=lambda t: -shares[t])[:limit]


def theme_share_chart(site: Site) -> str:
    """Stacked columns: share of each theme in what was said, per year."""
    per_year: dict[int, Counter] = defaultdict(Counter)
    for speech in site.kb.speeches:
        if speech.year:
            per_year[speech.year].update(theme_shares(speech))
    rows = [(str(year), {t: v for t, v in per_year[year].items() if t != OTHER}) for year in sorted(per_year)]
    series = [(t.id, t.name, site.colours[t.id]) for t in site.kb.themes]
    return stacked_columns(rows, series, "各年度讲话中各专题的篇幅占比")


def render_home(site: Site) -> str:
    kb = site.kb
    years = sorted({s.year for s in kb.speeches if s.year})
    speakers = sorted({s.speaker for s in kb.speeches if s.speaker})
    n_sections = sum(len(s.all_sections()) for s in kb.speeches)
    n_paragraphs = sum(len(s.all_paragraphs()) for s in kb.speeches)
    span = f"{years[0]}—{years[-1]} 年" if years else "年份不详"
    out = [
        front_matter(hide=["navigation"]),
        "# 组织工作讲话知识库\n",
        "本知识库收录组织工作会议讲话、党建工作报告，把每篇讲话整理成带提纲、可逐段引用的页面，"
        "并按政治建设、基层党建、干部队伍、人才工作、自身建设等专题重新汇编，供学习研讨和查阅使用。\n",
        f'<div class="kb-stats"><div><b>{len(kb.speeches)}</b>篇讲话</div><div><b>{n_sections}</b>个部分</div>'
        f'<div><b>{n_paragraphs}</b>个段落</div><div><b>{esc(span)}</b>时间跨度</div>'
        f'<div><b>{len(speakers)}</b>位署名讲话人</div><div><b>{len(kb.terms)}</b>个提法</div></div>\n',
        "## 怎样使用\n",
        "- **按讲话读**：[讲话索引](speeches/index.md)、[时间线](timeline.md)、[按讲话人](speakers.md)、[按会议](occasions.md)；每篇讲话有提纲，每段有段号，点击段号即得到该段的链接。",
        "- **按专题读**：[专题汇编](themes/index.md) 把各篇讲话中论述同一专题的部分按时间顺序汇编，每段注明出处。",
        "- **按提法读**：[提法索引](terms/index.md) 列出“两个维护”“四个意识”等反复出现的提法及其每一处用法。",
        "- **检索**：页面顶部的搜索框（快捷键 <kbd>/</kbd> 或 <kbd>S</kbd>）。**打印**：浏览器“打印”即得学习材料版式。",
        "- 更多说明见 [使用说明](about.md)。\n",
        "## 专题\n",
    ]
    rows = []
    for theme in kb.themes:
        count = sum(1 for s in kb.speeches if any(theme.id in sec.themes for sec in s.all_sections()))
        rows.append(f'<tr><td class="kb-nowrap">{badges([theme.id], site.themes_by_id, site.colours, "")}</td><td>{count} 篇讲话论及</td><td>{esc(theme.description[:56])}…</td></tr>')
    out.append('<table class="kb-table"><tbody>' + "".join(rows) + "</tbody></table>\n")
    chart = theme_share_chart(site)
    if chart:
        out.append(chart + "\n")
    if kb.terms:
        out.append("## 常见提法\n")
        items = [f'<a href="{t.url}">{esc(t.term)}</a><small>（{len(t.speech_ids())}篇）</small>' for t in kb.terms[:TOP_TERMS_ON_HOME]]
        out.append('<p class="kb-terms-cloud">' + "　".join(items) + "</p>\n")
    out.append("## 最新讲话\n")
    dated = [s for s in kb.speeches if s.year]
    latest = (list(reversed(dated)) + [s for s in kb.speeches if not s.year])[:10]
    out.append("\n".join(f'- <span class="kb-date">{esc(date_cn(s))}</span> <a href="{s.url}">{esc(s.title)}</a>' for s in latest) + "\n")
    return "\n".join(out)


def render_timeline(site: Site) -> str:
    page = "timeline/"
    out = [front_matter(title="时间线"), "# 时间线\n", "讲话按年、月排列，标签为各篇讲话篇幅最多的专题。\n"]
    by_year: dict[int | None, list[Speech]] = defaultdict(list)
    for speech in site.kb.speeches:
        by_year[speech.year].append(speech)
    for year in sorted((y for y in by_year if y), reverse=True) + ([None] if None in by_year else []):
        out.append(f"## {year}年 {{ #y{year} }}\n" if year else "## 年份不详 { #y-unknown }\n")
        items = []
        for speech in sorted(by_year[year], key=lambda s: (s.date or "9999", s.title), reverse=True):
            month = f"{int(speech.date[5:7])}月" if speech.date else "月份不详"
            tags = badges(_top_themes(speech), site.themes_by_id, site.colours, page)
            items.append(f'<li><span class="kb-when">{month}</span><a href="{rel(page, speech.url)}">{esc(speech.title)}</a> {tags}</li>')
        out.append('<ul class="kb-timeline">' + "".join(items) + "</ul>\n")
    return "\n".join(out)


def _grouped_index(site: Site, page: str, title: str, intro: str, key, unknown: str) -> str:
    groups: dict[str, list[Speech]] = defaultdict(list)
    for speech in site.kb.speeches:
        groups[key(speech) or ""].append(speech)
    out = [front_matter(title=title), f"# {title}\n", intro + "\n"]
    names = sorted((g for g in groups if g), key=lambda g: (-len(groups[g]), g)) + ([""] if "" in groups else [])
    for i, name in enumerate(names, 1):
        out.append(f'<h2 id="g{i}">{esc(name or unknown)}（{len(groups[name])}篇）</h2>\n')
        rows = "".join(
            f'<li><span class="kb-date">{esc(date_cn(s))}</span> <a href="{rel(page, s.url)}">{esc(s.title)}</a></li>'
            for s in sorted(groups[name], key=lambda s: s.date or f"{s.year or 9999}", reverse=True)
        )
        out.append(f"<ul>{rows}</ul>\n")
    return "\n".join(out)


def render_speakers(site: Site) -> str:
    return _grouped_index(
        site, "speakers/", "按讲话人", "讲话人由讲话稿署名识别（可在 corpus/speeches.yaml 中补充）。",
        lambda s: " ".join(x for x in (s.speaker_role, s.speaker) if x) if s.speaker else None, "讲话人不详",
    )


LEVEL_NAMES = {"省": "省级", "市": "市级", "州": "州级", "区": "区级", "县": "县级", "旗": "旗级", "乡": "乡级", "镇": "镇级"}


def render_occasions(site: Site) -> str:
    body = _grouped_index(
        site, "occasions/", "按会议", "按讲话所在的会议（场合）分组；会议名称由标题或开场白识别。",
        lambda s: s.occasion, "会议不详",
    )
    levels = Counter(LEVEL_NAMES.get(s.level, "层级不详") for s in site.kb.speeches)
    summary = "　".join(f"{name} {n} 篇" for name, n in sorted(levels.items(), key=lambda kv: -kv[1]))
    return body.replace("\n\n", f'\n\n<p class="kb-count">按层级：{esc(summary)}</p>\n\n', 1)


# --- 提法 ------------------------------------------------------------------------------------------


def render_terms_index(site: Site) -> str:
    page = "terms/"
    out = [
        front_matter(title="提法索引", search={"exclude": True}),
        "# 提法索引\n",
        "反复出现的提法：词表中收录的，以及在两篇以上讲话中加引号或以数字概括的说法。按专题分组，按出现的讲话篇数排序。\n",
    ]
    names = {t.id: t.name for t in site.kb.themes}
    groups: dict[str, list[Term]] = defaultdict(list)
    for term in site.kb.terms:
        groups[term.theme if term.theme in names else OTHER].append(term)
    for theme_id in [t.id for t in site.kb.themes] + [OTHER]:
        terms = groups.get(theme_id)
        if not terms:
            continue
        out.append(f'<h2 id="{theme_id}">{esc(names.get(theme_id, "其他/综合"))}</h2>\n')
        rows = "".join(
            f'<tr><td><a href="{rel(page, t.url)}">{esc(t.term)}</a>{" <small>（词表）</small>" if t.curated else ""}</td>'
            f"<td>{len(t.speech_ids())} 篇</td><td>{len(t.occurrences)} 处</td><td>{esc(t.explanation[:40])}</td></tr>"
            for t in terms
        )
        out.append(f'<table class="kb-table"><thead><tr><th>提法</th><th>讲话</th><th>出现</th><th>释义</th></tr></thead><tbody>{rows}</tbody></table>\n')
    return "\n".join(out)


def render_term(site: Site, term: Term) -> str:
    page = term.url
    kb = site.kb
    out = [front_matter(title=safe_title(term.term), hide=["navigation"], search={"exclude": True}), f'<h1 id="term">{esc(term.term)}</h1>\n']
    facts = [f"{len(term.speech_ids())} 篇讲话", f"{len(term.occurrences)} 处"]
    if term.theme in site.themes_by_id:
        facts.append(badges([term.theme], site.themes_by_id, site.colours, page))
    if term.aliases:
        facts.append("又作：" + "、".join(esc(a) for a in term.aliases))
    out.append(f'<p class="kb-count">{" · ".join(facts)}</p>\n')
    if term.explanation:
        out.append(f'<p class="kb-explain">{esc(term.explanation)}</p>\n')
    per_year = Counter(kb.speech(o.speech_id).year for o in term.occurrences if kb.speech(o.speech_id).year)
    if per_year:
        out.append(mini_bars([(str(y), per_year[y]) for y in sorted(per_year)], f"“{term.term}”各年度出现次数") + "\n")
    out.append("## 出处 { #uses }\n")
    by_speech: dict[str, list] = defaultdict(list)
    for occurrence in term.occurrences:
        by_speech[occurrence.speech_id].append(occurrence)
    for speech in kb.speeches:
        if speech.id not in by_speech:
            continue
        out.append(f'<p class="kb-excerpt-head"><a href="{rel(page, speech.url)}">《{esc(speech.title)}》</a> <span class="kb-date">{esc(date_cn(speech))}</span></p>\n')
        lines = []
        for o in by_speech[speech.id]:
            where = section_location(kb.section(o.speech_id, o.section_id))
            number = o.paragraph_id[1:]
            lines.append(
                f'<li><a href="{rel(page, o.url)}" title="{esc(where)}第{number}段">'
                f'<span class="kb-kwic-l">{esc(o.left)}</span><mark>{esc(o.match)}</mark><span class="kb-kwic-r">{esc(o.right)}</span></a>'
                f' <small>{esc(where)} · 第{number}段</small></li>'
            )
        out.append(f'<ul class="kb-kwic">{"".join(lines)}</ul>\n')
    return "\n".join(out)
