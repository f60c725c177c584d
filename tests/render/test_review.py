"""The 待核对 page: what needs a person, with a link to the place and the YAML line that settles it."""

from __future__ import annotations

import re

from build_kb.pipeline import build_knowledge_base
from build_kb.render.pages import render_pages

from conftest import make_corpus

DOUBTFUL = "市委副书记\n同志们：\n一、加强基层党组织建设。提升组织力，建强党支部。\n（三）这一行像小标题却接不上编号\n二、建设干部队伍。坚持好干部标准。\n"
SETTLED = (
    "b.txt:\n  title: 在全市基层党建工作会议上的讲话\n  date: 2021-05-06\n  speaker: 李四\n"
    "  occasion: 全市基层党建工作会议\n  reviewed: [heading-like]\n"
)


def cells(html: str) -> list[list[str]]:
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>", html, re.S)
    return [[re.sub(r"<[^>]+>", "", cell) for cell in row] for row in rows]


def test_review_page_lists_each_item_with_its_yaml(tmp_path):
    kb = build_knowledge_base(make_corpus(tmp_path / "c", {"b.txt": DOUBTFUL}))
    pages = render_pages(kb)
    page = pages["review.md"].html
    assert "构建时没有把握的地方共 <b>5</b> 项，涉及 <b>1</b> 篇讲话" in page
    # each way out: when to take it and where (the project's speeches.yaml holds 18 lines of help, no entry),
    # then the line to copy, with its indent
    end = "在 c/speeches.yaml 末尾另起一行写 &quot;b.txt&quot;:，再在其下加一行（行首空两格）"
    assert cells(page) == [
        ["全文", "署名只有职务（市委副书记），没有姓名", f"{end}，二者选一：写上讲话人的姓名：  speaker: 姓名原文确实没有姓名：  reviewed: [no-speaker-name]"],
        ["全文", "正文没有标题，现用标题由内容生成：请写明标题", f"{end}：核对原文的标题，不对就改正：  title: &quot;{kb.speeches[0].title}&quot;"],
        ["全文", "没有找到日期", f"{end}，二者选一：写上原文的日期：  date: YYYY-MM-DD原文确实没有日期：  reviewed: [no-date]"],
        ["全文", "没有找到会议名称（在……会议上的讲话、召开……会议）", f"{end}，二者选一：写上会议名称：  occasion: 会议名称不是会议上的讲话，或原文没写：  reviewed: [no-occasion]"],
        ["s1，第 4 行", "第 3 段像小标题，但没有当作小标题：（三）这一行像小标题却接不上编号",
         f"{end}，二者选一：不是小标题：  reviewed: [heading-like@4]是小标题，连同现有的各级小标题一起写明：  heading_lines: {{3: 1, 4: 2, 5: 1}}"],
    ]
    speech_url = kb.speeches[0].url
    assert f'href="../{speech_url}#s1"' in page
    assert '<a href="review/">待核对</a>' in pages["index.md"].html


def test_review_page_disappears_when_everything_is_settled(tmp_path):
    kb = build_knowledge_base(make_corpus(tmp_path / "c", {"b.txt": DOUBTFUL, "speeches.yaml": SETTLED}))
    assert [s.review for s in kb.speeches] == [[]] and kb.problems == []
    pages = render_pages(kb)
    assert "review.md" not in pages
    assert "待核对" not in pages["index.md"].html


def test_a_doubtful_line_and_a_theme_from_the_title_read_once_each_in_chinese(tmp_path):
    """The place is said once (位置: 第 5 行; the item does not repeat it) and a theme taken from the
    speech's title is named as the curator knows it, with the id to write beside it."""
    text = (
        "在全县中青年干部培训班开班式上的讲话\n同志们：\n一、提高认识，从思想上解决为什么学的问题\n读书使人明智，学习是一个永恒的话题。\n"
        "二、建设干部队伍。坚持好干部标准。\n本报讯\n"
    )
    kb = build_knowledge_base(make_corpus(tmp_path / "c", {"b.txt": text}))
    rows = cells(render_pages(kb)["review.md"].html)
    end = "在 c/speeches.yaml 末尾另起一行写 &quot;b.txt&quot;:，再在其下加一行（行首空两格）"
    assert ["s1，第 3 行", "这一部分自己的专题词很少，专题按讲话标题定为：干部队伍（未收入专题页）",
            f"{end}：专题对就照写，不对就改成正确的专题（专题页上的名称）：  section_themes: {{s1: [干部队伍]}}"] in rows
    assert ["全文，第 6 行", "可能是网页上的文字（网站界面用语、网页最后一行、在正文之外），现保留为正文：本报讯",
            f"{end}，二者选一：不是讲话正文：  drop_lines: [6]是讲话正文：  keep_lines: [6]"] in rows


def test_a_theme_taken_from_the_title_says_so_beside_its_badge_and_stays_off_the_theme_page(tmp_path):
    """The theme page holds only passages whose own words carry the theme; a reader who sees the badge on
    the speech page is told why the passage is not there (the curator settles it on 待核对)."""
    text = "在全县中青年干部培训班开班式上的讲话\n同志们：\n一、提高认识，从思想上解决为什么学的问题\n读书使人明智，学习是一个永恒的话题。\n二、建设干部队伍。坚持好干部标准。\n"
    kb = build_knowledge_base(make_corpus(tmp_path / "c", {"b.txt": text}))
    speech = kb.speeches[0]
    pages = render_pages(kb)
    html = next(p.html for name, p in pages.items() if name.startswith(speech.url.rstrip("/")))
    badges = re.findall(r'<p class="kb-badges">.*?</p>', html)
    assert len(badges) == 2 and "（按标题推定）" in badges[0] and "按标题推定" not in badges[1]
    assert kb.theme_excerpts["cadres"] == [(speech.id, "s2")]
