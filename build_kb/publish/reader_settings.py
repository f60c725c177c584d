"""assets/kb-settings.js: what the reader's tools in the browser (assets/kb-work.js) take from the
curator's configuration: the form of a citation (print.yaml `citation`).

A script, not JSON, so that a copy of the site opened from a folder (file://) reads it too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..config import PrintConfig

SETTINGS_FILE = "assets/kb-settings.js"


def settings_script(config: PrintConfig, site_name: str) -> bytes:
    settings = {"citation": config.citation, "publisher": config.publisher or site_name}
    return ("window.KBSettings = " + json.dumps(settings, ensure_ascii=False, sort_keys=True) + ";\n").encode("utf-8")


def write_reader_settings(site_dir: Path, config: PrintConfig, site_name: str) -> None:
    target = Path(site_dir) / SETTINGS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(settings_script(config, site_name))


def format_citation(template: str, values: dict[str, str]) -> str:
    """The citation kb-work.js writes after a copied passage: the template's {fields} filled in, an
    empty field taking the ，、； or space before it away (a speech without a speaker:
    （摘自《…》，2018年2月27日）)."""
    return re.sub(r"([，,、；;\s]?)\{(\w+)\}", lambda m: m.group(1) + values[m.group(2)] if values.get(m.group(2)) else "", template)
