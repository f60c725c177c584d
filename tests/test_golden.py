"""Golden output (pelican style): one seed speech's page and kb.json entry, compared with expected files.

After an intended change of output, regenerate with `pytest tests/test_golden.py --regen-golden` and
review the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
SPEECH_ID = "000-0529276282a01e65"


def article(html: str) -> str:
    """Our part of a page: the <article> MkDocs' theme wraps around the HTML we rendered."""
    start = html.index("<article")
    return html[start : html.index("</article>", start) + len("</article>")] + "\n"


def check(name: str, actual: str, request) -> None:
    path = GOLDEN / name
    if request.config.getoption("--regen-golden"):
        path.write_text(actual, encoding="utf-8")
        pytest.skip(f"regenerated {path}")
    assert path.is_file(), f"{path} is missing: run pytest {__file__} --regen-golden"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from the golden file; if the change is intended, regenerate with --regen-golden"


def test_speech_page_matches_golden(seed_site, request):
    site, _ = seed_site
    check(f"speech-{SPEECH_ID}.html", article((site / "speeches" / SPEECH_ID / "index.html").read_text(encoding="utf-8")), request)


def test_kb_json_entry_matches_golden(seed_json, request):
    entry = next(s for s in seed_json["speeches"] if s["id"] == SPEECH_ID)
    check(f"kb-{SPEECH_ID}.json", json.dumps(entry, ensure_ascii=False, indent=1, sort_keys=True) + "\n", request)


def test_theme_page_matches_golden(seed_site, request):
    site, _ = seed_site
    check("theme-cadres.html", article((site / "themes" / "cadres" / "index.html").read_text(encoding="utf-8")), request)
