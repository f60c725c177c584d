"""Loading the user's YAML configuration under corpus/, with line numbers for every error."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ConfigError

BOILERPLATE_FILE = "boilerplate.yaml"
SPEECHES_FILE = "speeches.yaml"
THEMES_FILE = "themes.yaml"
GLOSSARY_FILE = "glossary.yaml"


class LineDict(dict):
    """A mapping read from YAML that remembers the line of each key (1-based)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = 0
        self.key_lines: dict[str, int] = {}


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that keeps line numbers and leaves dates as text (we validate them ourselves)."""


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool, dt.date)) or key is None:
            raise ConfigError(
                loader.name, key_node.start_mark.line + 1, f"unsupported key {key!r}: use plain text keys"
            )
        key = str(key)
        if key in mapping:
            raise ConfigError(loader.name, key_node.start_mark.line + 1, f"duplicate key {key!r}")
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path, display_name: str | None = None):
    """Parse a YAML file; every mapping in the result is a LineDict. Missing file → None."""
    name = display_name or str(path)
    if not path.exists():
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(name, None, f"is not UTF-8 ({exc.reason}); save it as UTF-8") from exc
    loader = _LineLoader(text)
    loader.name = name
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ConfigError(name, line, f"is not valid YAML: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(name, None, f"is not valid YAML: {exc}") from exc
    finally:
        loader.dispose()


def line_of(mapping, key: str | None = None) -> int | None:
    if isinstance(mapping, LineDict):
        return mapping.key_lines.get(key, mapping.line) if key else mapping.line
    return None


def expect_mapping(value, file: str, line: int | None, what: str) -> dict:
    if value is None:
        return LineDict()
    if not isinstance(value, dict):
        raise ConfigError(file, line, f"{what} must be a mapping (key: value), not {type(value).__name__}")
    return value


def expect_list(value, file: str, line: int | None, what: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ConfigError(file, line, f"{what} must be a list (lines starting with '- '), not {type(value).__name__}")
    return value


def check_keys(mapping: dict, allowed: set[str], file: str, what: str) -> None:
    for key in mapping:
        if key not in allowed:
            raise ConfigError(
                file, line_of(mapping, key), f"unknown field {key!r} in {what}; expected one of: {', '.join(sorted(allowed))}"
            )


def load_entry_list(directory: Path, file_name: str, list_key: str, entry: str, allowed: set[str], top_keys: set[str] | None = None):
    """Read `directory/file_name` holding `list_key:` — a list of mappings with the `allowed` keys.

    Returns (display name, the whole mapping, the entries); a missing file means no entries.
    """
    name = f"{Path(directory).name}/{file_name}"
    data = expect_mapping(load_yaml(Path(directory) / file_name, name), name, 1, "the file")
    check_keys(data, top_keys or {list_key}, name, "the file")
    entries = []
    for item in expect_list(data.get(list_key), name, line_of(data, list_key), f"'{list_key}'"):
        item = expect_mapping(item, name, line_of(data, list_key), entry)
        check_keys(item, allowed, name, entry)
        entries.append(item)
    return name, data, entries


def compile_pattern(pattern, file: str, line: int | None, what: str) -> re.Pattern:
    if not isinstance(pattern, str) or not pattern:
        raise ConfigError(file, line, f"{what} needs a non-empty regular expression in 'pattern'")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ConfigError(file, line, f"{what}: invalid regular expression {pattern!r}: {exc}") from exc


# --- boilerplate rules -------------------------------------------------------------------------


@dataclass(frozen=True)
class BoilerplateRule:
    name: str
    pattern: re.Pattern
    max_length: int | None = None
    """Only lines at most this long (stripped) can match: long lines are content."""
    where: str = "anywhere"
    """`anywhere`, or `edges`: only above the body or below its end (ads, subscription notices)."""
    block: bool = False
    """Remove the whole run of short lines (between blank lines) around a match, not just the line."""


@dataclass(frozen=True)
class BoilerplateConfig:
    rules: tuple[BoilerplateRule, ...]
    keep: re.Pattern | None = None
    """Lines that no block rule may remove (titles, salutations) even inside an ad block."""


def load_boilerplate(corpus_dir: Path) -> BoilerplateConfig:
    name, data, items = load_entry_list(corpus_dir, BOILERPLATE_FILE, "rules", "a rule", {"name", "pattern", "max_length", "where", "block"}, {"rules", "keep"})
    rules = []
    for i, item in enumerate(items, 1):
        line = line_of(item)
        rule_name = str(item.get("name") or f"rule-{i}")
        where = item.get("where", "anywhere")
        if where not in ("anywhere", "edges"):
            raise ConfigError(name, line_of(item, "where"), f"rule {rule_name!r}: 'where' must be 'anywhere' or 'edges', not {where!r}")
        max_length = item.get("max_length")
        if max_length is not None and (not isinstance(max_length, int) or max_length <= 0):
            raise ConfigError(name, line_of(item, "max_length"), f"rule {rule_name!r}: 'max_length' must be a positive whole number")
        rules.append(
            BoilerplateRule(
                name=rule_name,
                pattern=compile_pattern(item.get("pattern"), name, line, f"rule {rule_name!r}"),
                max_length=max_length,
                where=where,
                block=bool(item.get("block", False)),
            )
        )
    keep = data.get("keep")
    keep_re = compile_pattern(keep, name, line_of(data, "keep"), "'keep'") if keep else None
    return BoilerplateConfig(rules=tuple(rules), keep=keep_re)


# --- per-speech overrides ------------------------------------------------------------------------

OVERRIDE_FIELDS = {"id", "title", "subtitle", "date", "year", "speaker", "speaker_role", "occasion", "level", "section_themes", "skip"}
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


@dataclass(frozen=True)
class SpeechOverride:
    file: str
    """The speech file it applies to, relative to the corpus."""
    line: int
    values: dict = field(default_factory=dict)


def load_overrides(corpus_dir: Path) -> dict[str, SpeechOverride]:
    """Read corpus/speeches.yaml: `<file name>: {field: value}` for every speech to correct."""
    path = corpus_dir / SPEECHES_FILE
    name = f"{corpus_dir.name}/{SPEECHES_FILE}"
    data = expect_mapping(load_yaml(path, name), name, 1, "the file")
    overrides = {}
    for file_key, values in data.items():
        line = line_of(data, file_key)
        values = expect_mapping(values, name, line, f"the entry for {file_key!r}")
        check_keys(values, OVERRIDE_FIELDS, name, f"the entry for {file_key!r}")
        clean = {}
        for key, value in values.items():
            clean[key] = _check_override_value(key, value, name, line_of(values, key), file_key)
        overrides[file_key] = SpeechOverride(file=file_key, line=line, values=clean)
    return overrides


def _check_override_value(key: str, value, file: str, line: int | None, entry: str):
    if key == "id":
        if not isinstance(value, str) or not ID_RE.match(value):
            raise ConfigError(file, line, f"'id' of {entry!r} must be lowercase ASCII letters, digits and '-', like 'fuling-2018-02'; got {value!r}")
        return value
    if key == "date":
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value).isoformat()
            except ValueError:
                pass
        raise ConfigError(file, line, f"'date' of {entry!r} must be a date written YYYY-MM-DD, like 2018-02-27; got {value!r}")
    if key == "year":
        if isinstance(value, int) and 1900 <= value <= 2200:
            return value
        raise ConfigError(file, line, f"'year' of {entry!r} must be a four-digit year; got {value!r}")
    if key == "skip":
        if isinstance(value, bool):
            return value
        raise ConfigError(file, line, f"'skip' of {entry!r} must be true or false; got {value!r}")
    if key == "section_themes":
        value = expect_mapping(value, file, line, f"'section_themes' of {entry!r}")
        out = {}
        for section_id, themes in value.items():
            if isinstance(themes, str):
                themes = [themes]
            if not isinstance(themes, list) or not all(isinstance(t, str) for t in themes):
                raise ConfigError(file, line_of(value, section_id), f"themes for section {section_id!r} must be a list of theme ids")
            out[str(section_id)] = list(themes)
        return out
    if value is not None and not isinstance(value, str):
        raise ConfigError(file, line, f"'{key}' of {entry!r} must be text; got {value!r}")
    return value
