"""Generate a deterministic, realistic corpus of N speeches by recombining the real ones.

Headings, paragraphs and openings come from the seed speeches (grouped by theme, so sections stay
coherent); titles, dates (2015–2025), places, speakers, heading styles, boilerplate and encodings
vary. About 20 KB of UTF-8 text per speech. Same N, same files, byte for byte.

    python bench/generate.py 1000 bench/corpora/1000
"""

from __future__ import annotations

import random
import re
import shutil
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_kb.ingest.parse import int_to_cn  # noqa: E402
from build_kb.pipeline import build_knowledge_base  # noqa: E402

PLACES = ["涪陵", "江北", "渝中", "万州", "永川", "合川", "綦江", "长寿", "南川", "铜梁", "潼南", "荣昌", "开州", "梁平", "武隆",
          "城关", "东城", "西湖", "临江", "青山", "白云", "金牛", "武侯", "锦江", "新都"]
LEVELS = ["区", "市", "县"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "建国志强海军晓东文华红梅立新国庆爱民德明永胜丽娟伟光振华玉兰秀英春生"
ROLES = ["{level}委书记", "{level}委副书记", "{level}委常委、组织部部长", "{level}委组织部部长", ""]
SLOGANS = ["凝心聚力抓落实 奋发有为开新局", "坚持新时代党的组织路线 为高质量发展提供坚强组织保证", "聚焦主责主业 担当作为",
           "全面提升组织工作质量", "以高质量党建引领高质量发展", "强基固本 守正创新"]
AD_BLOCK = ["仅供学习 禁止外传", "更多资料请关注公众号", "会员群：123456"]
STRIP_LABEL = re.compile(r"^(第[一二三四五六七八九十]+[，、]|[一二三四五六七八九十]+[、是要]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])")


def seed_material(corpus: Path):
    """Headings and paragraphs of the seeds by theme; openings and closings."""
    kb = build_knowledge_base(corpus)
    by_theme = defaultdict(lambda: {"heads": [], "subheads": [], "paras": []})
    openings, closings = [], []
    for speech in kb.speeches:
        for section in speech.all_sections():
            texts = [p.text for p in section.paragraphs if len(p.text) > 40]
            if section.kind == "opening":
                openings += [t for t in texts if not t.startswith("同志们")]
            elif section.kind == "closing":
                closings += texts
            elif section.themes:
                theme = section.themes[0]
                title = STRIP_LABEL.sub("", section.heading).strip().rstrip("。")
                if title and len(title) <= 40:
                    (by_theme[theme]["heads"] if section.level == 1 else by_theme[theme]["subheads"]).append(title)
                by_theme[theme]["paras"] += texts
    for theme in by_theme.values():
        theme["heads"] = theme["heads"] or theme["subheads"]
        theme["subheads"] = theme["subheads"] or theme["heads"]
    return dict(by_theme), openings, closings


def make_speech(i: int, material, rng: random.Random) -> tuple[str, str]:
    by_theme, openings, closings = material
    year = rng.randint(2015, 2025)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    place, level = rng.choice(PLACES), rng.choice(LEVELS)
    name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2))
    role = rng.choice(ROLES).format(level=level)
    lines: list[str] = []
    if rng.random() < 0.1:
        lines += AD_BLOCK + [""]
    occasion = f"{year}年全{level}组织工作会议" if rng.random() < 0.5 else f"{place}{level}党建工作推进会"
    if rng.random() < 0.4:
        lines += [rng.choice(SLOGANS), f"——在{occasion}上的讲话"]
    else:
        lines.append(f"在{occasion}上的讲话")
    date_style = rng.randrange(3)
    lines.append([f"（{year}年{month}月{day}日）", f"{year}.{month}.{day}", f"{year}年{month}月{day}日"][date_style])
    if rng.random() < 0.3:
        lines.append(" ".join(name))
    elif role:
        lines.append(f"{role} {name}")
    lines += ["", "同志们：", f"今天我们召开{place}{level}组织工作会议（第{i + 1}次会议材料）。" + rng.choice(openings)]
    themes = rng.sample(sorted(by_theme), k=min(len(by_theme), rng.randint(3, 5)))
    style = rng.randrange(4)
    size = sum(len(x) for x in lines)
    for n, theme in enumerate(themes, 1):
        pool = by_theme[theme]
        head = rng.choice(pool["heads"])
        top = {0: f"{int_to_cn(n)}、{head}", 1: f"第{int_to_cn(n)}，{head}", 2: f"{int_to_cn(n)}、{head}", 3: f"{int_to_cn(n)}要{head}。"}[style]
        if style == 3:
            lines.append(top + rng.choice(pool["paras"]))
            lines += rng.sample(pool["paras"], k=min(2, len(pool["paras"])))
            size += sum(len(x) for x in lines[-3:])
            continue
        lines.append(top)
        for k in range(1, rng.randint(2, 4) + 1):
            sub = rng.choice(pool["subheads"])
            if style == 0:
                lines.append(f"（{int_to_cn(k)}）{sub}。" + rng.choice(pool["paras"]))
            elif style == 1:
                lines.append(f"要{sub.lstrip('要')}。" + rng.choice(pool["paras"]))
            else:
                lines.append(f"{k}.{sub}。" + rng.choice(pool["paras"]))
            lines.append(rng.choice(pool["paras"]))
            if rng.random() < 0.05:
                lines.append(f"— {rng.randint(2, 30)} —")
        size = sum(len(x) for x in lines)
        if size > 7000:
            break
    while size < 6000:
        lines.append(rng.choice(by_theme[themes[-1]]["paras"]))
        size += len(lines[-1])
    lines.append(rng.choice(closings) if closings else "同志们，让我们共同努力！")
    return f"{i:05d}_{place}_{year}.txt", "\n".join(lines) + "\n"


ENCODINGS = [("utf-8", 70), ("gb18030", 15), ("utf-16", 10), ("utf-8-sig", 5)]


def generate(n: int, out: Path, seeds: Path = ROOT / "corpus") -> Path:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in ("boilerplate.yaml", "themes.yaml", "glossary.yaml"):
        shutil.copy(seeds / name, out / name)
    material = seed_material(seeds)
    weights = [w for _, w in ENCODINGS]
    for i in range(n):
        rng = random.Random(f"zuzhi-kb-bench-{i}")
        name, text = make_speech(i, material, rng)
        encoding = rng.choices([e for e, _ in ENCODINGS], weights)[0]
        data = text.replace("\n", "\r\n").encode(encoding) if encoding == "gb18030" else text.encode(encoding)
        (out / name).write_bytes(data)
    return out


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "bench" / "corpora" / str(count)
    generate(count, target)
    print(f"{count} speeches → {target}")
