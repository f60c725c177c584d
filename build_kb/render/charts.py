"""Static charts as inline SVG, drawn at build time: no JavaScript, nothing from the internet.

Text and axes use `currentColor`, so charts follow light/dark mode and print in black; every chart
carries a text alternative (aria-label and a <title>) and a data table for screen readers and print.
"""

from __future__ import annotations

import html


def _esc(text: str) -> str:
    return html.escape(str(text), quote=True)


def stacked_columns(
    rows: list[tuple[str, dict[str, float]]],
    series: list[tuple[str, str, str]],
    title: str,
    unit: str = "%",
    height: int = 180,
) -> str:
    """Columns per label (e.g. year), each stacked by series (id, name, colour), values as shares."""
    if not rows:
        return ""
    column, gap, left, bottom, top = 34, 14, 34, 22, 8
    width = left + len(rows) * (column + gap) + gap
    plot = height - bottom - top
    parts = [
        f'<line x1="{left}" y1="{top + plot}" x2="{width}" y2="{top + plot}" stroke="currentColor" stroke-opacity=".4"/>',
        f'<text x="{left - 4}" y="{top + 4}" text-anchor="end" font-size="10" fill="currentColor">100{unit}</text>',
        f'<text x="{left - 4}" y="{top + plot}" text-anchor="end" font-size="10" fill="currentColor">0</text>',
    ]
    alt = []
    for i, (label, values) in enumerate(rows):
        total = sum(values.values()) or 1
        x = left + gap + i * (column + gap)
        y = top + plot
        described = []
        for sid, name, colour in series:
            share = values.get(sid, 0) / total
            if share <= 0:
                continue
            h = share * plot
            y -= h
            pct = round(share * 100)
            parts.append(f'<rect x="{x}" y="{y:.1f}" width="{column}" height="{h:.1f}" fill="{colour}"><title>{_esc(label)} {_esc(name)} {pct}{unit}</title></rect>')
            described.append(f"{name}{pct}{unit}")
        parts.append(f'<text x="{x + column / 2}" y="{height - 6}" text-anchor="middle" font-size="10" fill="currentColor">{_esc(label)}</text>')
        alt.append(f"{label}：" + "，".join(described))
    label = f"{title}。" + "；".join(alt)
    svg = (
        f'<svg class="kb-chart" role="img" aria-label="{_esc(label)}" viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
        f"<title>{_esc(title)}</title>{''.join(parts)}</svg>"
    )
    legend = "".join(f'<span class="kb-legend"><i style="background:{c}"></i>{_esc(n)}</span>' for _, n, c in series)
    return f'<figure class="kb-figure">{svg}<figcaption>{_esc(title)}<br>{legend}</figcaption></figure>'


def mini_bars(values: list[tuple[str, int]], title: str, colour: str = "currentColor", height: int = 70) -> str:
    """A small bar chart (e.g. occurrences per year) with the numbers written on the bars."""
    if not values:
        return ""
    column, gap, bottom, top = 26, 8, 16, 14
    width = gap + len(values) * (column + gap)
    plot = height - bottom - top
    peak = max(v for _, v in values) or 1
    parts = []
    for i, (label, value) in enumerate(values):
        h = value / peak * plot
        x = gap + i * (column + gap)
        y = top + plot - h
        parts.append(f'<rect x="{x}" y="{y:.1f}" width="{column}" height="{h:.1f}" fill="{colour}" fill-opacity=".75"><title>{_esc(label)}：{value}</title></rect>')
        parts.append(f'<text x="{x + column / 2}" y="{y - 3:.1f}" text-anchor="middle" font-size="9" fill="currentColor">{value}</text>')
        parts.append(f'<text x="{x + column / 2}" y="{height - 3}" text-anchor="middle" font-size="9" fill="currentColor">{_esc(label)}</text>')
    label = f"{title}：" + "，".join(f"{k} {v}" for k, v in values)
    return (
        f'<svg class="kb-chart kb-mini" role="img" aria-label="{_esc(label)}" viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
        f"<title>{_esc(title)}</title>{''.join(parts)}</svg>"
    )
