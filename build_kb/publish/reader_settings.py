"""What the reader's tools in the browser (assets/kb-work.js, kb-compare.js) take from the build:

- assets/kb-settings.js: the curator's form of a citation (print.yaml `citation`) and the publisher;
- assets/kb-terms.js: every 提法's id and forms, for the comparison of two speeches (loaded by the
  compare page alone: a speech uses a 提法 when one of its forms is in its text).

Scripts, not JSON, so that a copy of the site opened from a folder (file://) reads them too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..config import PrintConfig
from ..model import KnowledgeBase

SETTINGS_FILE = "assets/kb-settings.js"
TERMS_FILE = "assets/kb-terms.js"


def settings_script(config: PrintConfig, site_name: str) -> bytes:
    settings = {"citation": config.citation, "publisher": config.publisher or site_name}
    return ("window.KBSettings = " + json.dumps(settings, ensure_ascii=False, sort_keys=True) + ";\n").encode("utf-8")


def terms_script(kb: KnowledgeBase) -> bytes:
    terms = [[t.id, t.term, list(t.aliases)] for t in sorted(kb.terms, key=lambda t: t.id)]
    return ("window.KBTerms = " + json.dumps(terms, ensure_ascii=False, separators=(",", ":")) + ";\n").encode("utf-8")


def write_reader_settings(site_dir: Path, config: PrintConfig, site_name: str, kb: KnowledgeBase | None = None) -> None:
    target = Path(site_dir) / SETTINGS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(settings_script(config, site_name))
    if kb is not None:
        (Path(site_dir) / TERMS_FILE).write_bytes(terms_script(kb))


def format_citation(template: str, values: dict[str, str]) -> str:
    """The citation kb-work.js writes after a copied passage: the template's {fields} filled in, an
    empty field taking the ，、； or space before it away (a speech without a speaker:
    （摘自《…》，2018年2月27日）)."""
    return re.sub(r"([，,、；;\s]?)\{(\w+)\}", lambda m: m.group(1) + values[m.group(2)] if values.get(m.group(2)) else "", template)
