"""A reader's 材料篮 (basket.md, downloaded from the site's basket page) as a study handout.

The file is the basket page's Markdown (assets/kb-work.js basketMarkdown):

    # 学习材料选编                      the title (one, first)
    ## 坚持党管干部                     a heading of the reader's (a chapter)
    要坚持党管干部原则……               an excerpt's paragraphs, one a block
    ——（摘自《…》，2018年2月27日，喻显镔）  its source, closing the excerpt
    <!-- kb: 000-…#p12 -->             where it came from (kept for the reader, not printed)

Blocks are separated by blank lines. The text is printed as it stands: the reader may have edited it.
"""

from __future__ import annotations

import re

from ..errors import KbError
from ..text import int_to_cn
from .handout import Handout

SOURCE_MARK = "——"


def basket_handout(text: str, name: str, publisher: str, path: str) -> Handout:
    """The Handout of a basket file; KbError (file and line) for a file that is not one."""
    title = ""
    blocks: list[dict] = []
    paras: list[dict] = []
    chapter = number = 0
    first_line = 0
    lines = text.lstrip("\ufeff").splitlines()
    for line_number, raw in enumerate(lines + [""], 1):
        line = raw.strip()
        if not line or re.fullmatch(r"<!--.*-->", line):
            continue
        if line.startswith("# ") and not title and not blocks and not paras:
            title = line[2:].strip()
        elif line.startswith("## "):
            if paras:
                raise KbError(f"{name}:{first_line}：这段摘录后面缺少“{SOURCE_MARK}”开头的出处行（每段摘录以出处结束）")
            chapter += 1
            number = 0
            blocks.append({"kind": "h1", "text": f"{int_to_cn(chapter)}、{line[3:].strip()}"})
        elif line.startswith(SOURCE_MARK):
            if not paras:
                raise KbError(f"{name}:{line_number}：出处行前面没有摘录的正文")
            number += 1
            blocks.append({"kind": "excerpt", "n": number, "paras": paras, "source": line[len(SOURCE_MARK):].strip()})
            paras = []
        elif line.startswith("#"):
            raise KbError(f"{name}:{line_number}：只认“# 标题”（第一行）和“## 小标题”；这一行是 {line[:20]!r}")
        else:
            if not paras:
                first_line = line_number
            paras.append({"kind": "p", "text": line})
    if paras:
        raise KbError(f"{name}:{first_line}：这段摘录后面缺少“{SOURCE_MARK}”开头的出处行（每段摘录以出处结束）")
    excerpts = sum(1 for b in blocks if b["kind"] == "excerpt")
    if not excerpts:
        raise KbError(f"{name}：没有摘录；请在网站的材料篮页面点“下载 .md”，用下载的文件")
    title = title or "学习材料选编"
    return Handout(
        path=path, title=title, subtitle="学习材料", running=title,
        cover_facts=[("资料范围", f"{excerpts} 处摘录"), ("编印", publisher)], toc=chapter > 0, toc_depth=1, blocks=blocks,
    )
