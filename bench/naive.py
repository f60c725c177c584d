"""The naive way to publish the same corpus, as a baseline: one Markdown page per raw speech file,
stock mkdocs-material with its built-in search (`lang: zh`), navigation generated from the files.

    python bench/naive.py CORPUS OUT_DIR      → builds OUT_DIR/site, prints the build seconds
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_kb.ingest.read import decode, discover  # noqa: E402

MKDOCS_YML = """site_name: 讲话（对照组）
theme:
  name: material
  language: zh
  font: false
plugins:
  - search:
      lang: zh
"""


def prepare(corpus: Path, out: Path) -> Path:
    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs"
    docs.mkdir(parents=True)
    for path in discover(corpus):
        text, _ = decode(path.read_bytes(), path.name)
        (docs / f"{path.stem}.md").write_text(f"# {path.stem}\n\n" + text.replace("\r\n", "\n").replace("\n", "\n\n"), encoding="utf-8")
    (docs / "index.md").write_text("# 讲话\n", encoding="utf-8")
    (out / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return out


def build(out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(out / "mkdocs.yml"), "-d", str(out / "site")], check=True)
    return time.perf_counter() - start


if __name__ == "__main__":
    target = prepare(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{build(target):.1f}")
