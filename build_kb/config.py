"""Loading the user's YAML configuration under corpus/, with line numbers for every error."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ConfigError, ConfigErrors
from .explain import FROM_THE_ORIGINAL
from .model import REVIEW_CODES, Subtopic, Theme
from .text import HAN

BOILERPLATE_FILE = "boilerplate.yaml"
SPEECHES_FILE = "speeches.yaml"
THEMES_FILE = "themes.yaml"
GLOSSARY_FILE = "glossary.yaml"
CONFIG_FILES = (BOILERPLATE_FILE, THEMES_FILE, GLOSSARY_FILE)
"""The configuration a corpus folder holds besides its speeches and speeches.yaml."""
STANDARD_CONFIG_DIR = Path(__file__).parent / "standard"
"""The standard configuration a new corpus starts from (`kb add` into a new folder copies it): the cleaning
rules, themes and glossary of the project's own corpus. In a checkout these are links to corpus/ (one copy to
keep up); the wheel holds the files themselves."""


MAX_CONFIG_BYTES = 1024 * 1024
"""A configuration file larger than this is refused: these files are written by hand."""
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_ID_LENGTH = 64
RESERVED_IDS = frozenset(
    {"index", "search", "assets", "pdf", "print", "all", "other", "about", "review", "timeline", "speakers", "occasions", "404", "sitemap", "kb",
     "basket", "compare"}
)
"""Names the site's own pages and folders use: an id equal to one would replace that page."""


class LineDict(dict):
    """A mapping read from YAML that remembers the line of each key (1-based)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = 0
        self.key_lines: dict[str, int] = {}


class Report:
    """Collects every configuration error, so that the user sees them all at once."""

    def __init__(self):
        self.errors: list[ConfigError] = []

    def error(self, file: str, line: int | None, message: str) -> None:
        self.errors.append(ConfigError(file, line, message))

    def raise_if_any(self) -> None:
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise ConfigErrors(sorted(self.errors, key=lambda e: (e.file, e.line or 0)))


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that keeps line numbers, leaves dates as text and refuses anchors and aliases.

    Aliases let a few hundred bytes expand into gigabytes ("billion laughs"); hand-written
    configuration never needs them.
    """

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise ConfigError(self.name, event.start_mark.line + 1, f"用了别名 *{event.anchor}：不允许用锚点和别名（&、*）；请把值直接写出来")
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise ConfigError(self.name, event.start_mark.line + 1, f"定义了锚点 &{event.anchor}：不允许用锚点和别名（&、*）；请把值直接写出来")
        return super().compose_node(parent, index)


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
                loader.name, key_node.start_mark.line + 1, f"不支持的键 {key!r}：键要写成普通文字"
            )
        key = str(key)
        value = loader.construct_object(value_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in mapping:
            together = _written_again(loader.name, key, mapping[key], value) if loader.name.endswith(SPEECHES_FILE) else _CLASH
            if together is _CLASH:
                raise ConfigError(loader.name, line, _written_twice(key, mapping[key], value, mapping.key_lines[key], line))
            mapping[key] = together
            continue
        mapping[key] = value
        mapping.key_lines[key] = line
    return mapping


_CLASH = object()
_ADDED_UP = {"reviewed", "keep_lines", "drop_lines", "paragraph_lines", "section_themes"}
"""Fields of a speeches.yaml entry that 待核对's fixes add to, one line per item: written twice, they add up."""


def _written_again(file: str, key: str, first, second):
    """What a key of speeches.yaml written twice means, or _CLASH when the two say different things.

    Each 待核对 item's fix is one line to paste under the speech's entry (`reviewed: [no-date]`,
    `drop_lines: [7]`), and a speech with no entry is told to start one (`"a.txt":` and the line under it).
    A curator who settles several items before rebuilding pastes several such lines, and they all hold:

    | written twice                                     | read as                          |
    |---------------------------------------------------|----------------------------------|
    | `reviewed: [no-date]` / `reviewed: [joined]`      | `reviewed: [no-date, joined]`    |
    | `drop_lines: [7]` / `drop_lines: [13]`            | `drop_lines: [7, 13]`            |
    | `section_themes: {s1: [cadres]}` / `{s2: [talent]}` | both sections' themes          |
    | `"a.txt":` (title) / `"a.txt":` (date)            | one entry with title and date    |
    | the same value twice (`date: 2021-05-06`)         | that value                       |
    | `title: "甲"` / `title: "乙"`, `heading_lines`    | an error naming both lines       |

    heading_lines is not added up: its fixes replace the line with the whole list, and a list with a line
    left out means that line is no heading."""
    if first == second:
        return first
    if isinstance(first, LineDict) and isinstance(second, LineDict) and key not in OVERRIDE_FIELDS:
        for field_key, value in second.items():
            if field_key in first:
                together = _written_again(file, field_key, first[field_key], value)
                if together is _CLASH:
                    line = second.key_lines[field_key]
                    raise ConfigError(file, line, _written_twice(field_key, first[field_key], value, first.key_lines[field_key], line))
                first[field_key] = together
            else:
                first[field_key] = value
                first.key_lines[field_key] = second.key_lines[field_key]
        return first
    if key not in _ADDED_UP:
        return _CLASH
    if key == "reviewed" and True in (first, second) and all(isinstance(v, (bool, list, str)) for v in (first, second)):
        return True
    if key == "section_themes" and isinstance(first, LineDict) and isinstance(second, LineDict):
        for section, themes in second.items():
            if section in first and isinstance(first[section], list) and isinstance(themes, list):
                first[section] = list(dict.fromkeys(first[section] + themes))
            elif section in first and first[section] != themes:
                return _CLASH
            else:
                first[section] = themes
                first.key_lines.setdefault(section, second.key_lines.get(section, second.line))
        return first
    listed = [v if isinstance(v, list) else [v] for v in (first, second)]
    if all(isinstance(x, (int, str)) and not isinstance(x, bool) for v in listed for x in v):
        return list(dict.fromkeys(listed[0] + listed[1]))
    return _CLASH


def _written_twice(key: str, first, second, first_line: int, line: int) -> str:
    """What to do about a key written twice with values that do not add up (see _written_again), as one line."""
    both = f"（第 {first_line} 行和第 {line} 行）"
    if key == "heading_lines":
        # 待核对's heading_lines fix is the whole list (every heading, one line added or left out): the later line holds it
        return f"{key} 写了两次{both}；待核对给出的 heading_lines 一行已列出全部小标题：请删去第 {first_line} 行，只留第 {line} 行"
    if isinstance(first, dict) and isinstance(second, dict):
        return f"{key} 写了两次{both}；请把第 {line} 行下面的各行移到第 {first_line} 行的 {key} 之下，再删去第 {line} 行"
    if isinstance(first, list) and isinstance(second, list):
        merged = sorted({x for x in first + second if isinstance(x, (int, str))}, key=lambda x: (isinstance(x, str), x))
        return f"{key} 写了两次{both}；请合成一行：{key}: [{', '.join(str(x) for x in merged)}]，删去另一行"
    return f"{key} 写了两次{both}；请删去不对的那一行"


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path, display_name: str | None = None):
    """Parse a YAML file; every mapping in the result is a LineDict. Missing file → None."""
    name = display_name or str(path)
    if not path.exists():
        return None
    if path.is_symlink() or not path.is_file():
        raise ConfigError(name, None, "必须是普通文件（不能是链接或文件夹）")
    size = path.stat().st_size
    if size > MAX_CONFIG_BYTES:
        raise ConfigError(name, None, f"有 {size:,} 字节；配置文件最多 {MAX_CONFIG_BYTES:,} 字节")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(name, None, "不是 UTF-8 编码；请另存为 UTF-8") from exc
    text = _without_empty_placeholder(text)
    try:
        # The reader checks every character when it is made: a U+000B (Word's manual line break),
        # U+000C or NUL fails here, so this is inside the try.
        loader = _LineLoader(text)
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise ConfigError(name, line, f"含有不可见的控制字符 U+{exc.character:04X}（常见于从 Word 复制的手动换行或分页符）；请删除它，或改为普通换行") from None
    loader.name = name
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ConfigError(name, *_yaml_error_at(text, mark.line + 1 if mark else None)) from exc
    except yaml.YAMLError as exc:
        raise ConfigError(name, None, "YAML 格式有误；请检查缩进、冒号和引号") from exc
    except RecursionError as exc:
        raise ConfigError(name, None, "嵌套层次太深，不像配置文件") from exc
    finally:
        loader.dispose()


def _yaml_error_at(text: str, line: int | None) -> tuple[int | None, str]:
    """The line to name for a YAML error at `line`, and what to do. A line pasted with more or fewer spaces than the
    line above it (both inside an entry, the one above no key of its own block) fails only at the next line: both are
    named, the one not two spaces in first (`    reviewed: […]` pasted under `"a.txt":` above `  original: …`)."""
    lines = text.split("\n")
    for n in (line, line - 1) if line else ():
        # a Chinese keyboard's colon: `  date：2022-06-09` is no key, YAML fails at the line after it
        key = _KEY_WITH_A_CHINESE_COLON.match(lines[n - 1]) if 0 < n <= len(lines) else None
        if key:
            return n, f"{key[1]} 后面用了中文冒号“：”；请改成英文冒号“:”，冒号后空一格"
    if line and 1 < line <= len(lines):
        above = next((n for n in range(line - 1, 0, -1) if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")), None)
        if above:
            a, b = (len(lines[n - 1]) - len(lines[n - 1].lstrip(" ")) for n in (above, line))
            if a and b and a != b and not lines[above - 1].rstrip().endswith(":"):
                return (above if b == 2 else line), f"第 {above} 行空了 {a} 格，第 {line} 行空了 {b} 格：同一条目下的各行要对齐，行首都空两格"
    return line, "YAML 格式有误；请检查这一行的缩进、冒号和引号"


_KEY_WITH_A_CHINESE_COLON = re.compile(r'^\s*("[^"]*"|[A-Za-z_][A-Za-z0-9_-]*)\s*：')


def _without_empty_placeholder(text: str) -> str:
    """The file as YAML reads it: the project's templates end in `{}` (nothing yet), and a curator who
    writes entries after it, as 待核对 says (在末尾加一行), means the entries. The `{}` line is blanked,
    so that every other line keeps its number."""
    lines = text.split("\n")
    written = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if len(written) > 1 and "{}" in written:
        return "\n".join("" if line == "{}" else line for line in lines)
    return text


MAX_NUMBER_DIGITS = 18


def _construct_int(loader, node):
    """Whole numbers of at most 18 digits: a 5000-digit `year:` would fail deep in Python's int()."""
    digits = sum(c.isdigit() for c in str(node.value))
    if digits > MAX_NUMBER_DIGITS:
        raise ConfigError(loader.name, node.start_mark.line + 1, f"数字有 {digits} 位，太长了；这里应写一个普通的数（例如年份 2020、行号 12）")
    return yaml.SafeLoader.construct_yaml_int(loader, node)


def _construct_float(loader, node):
    if len(str(node.value)) > 40:
        raise ConfigError(loader.name, node.start_mark.line + 1, f"数字有 {len(str(node.value))} 个字符，太长了；这里应写一个普通的数")
    return yaml.SafeLoader.construct_yaml_float(loader, node)


_LineLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_LineLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)


def line_of(mapping, key: str | None = None) -> int | None:
    if isinstance(mapping, LineDict):
        return mapping.key_lines.get(key, mapping.line) if key else mapping.line
    return None


def kind_name(value) -> str:
    return {bool: "布尔值", int: "数字", float: "数字", str: "文字", list: "列表", type(None): "空值"}.get(
        type(value), "键值对" if isinstance(value, dict) else "其他"
    )


def expect_mapping(value, file: str, line: int | None, what: str, report: Report | None = None) -> dict:
    if value is None:
        return LineDict()
    if not isinstance(value, dict):
        error = ConfigError(file, line, f"{what}要写成“键: 值”的形式，不能是{kind_name(value)}")
        if report is None:
            raise error
        report.errors.append(error)
        return LineDict()
    return value


def expect_list(value, file: str, line: int | None, what: str, report: Report | None = None) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        error = ConfigError(file, line, f"{what}要写成列表（每行以“- ”开头），不能是{kind_name(value)}")
        if report is None:
            raise error
        report.errors.append(error)
        return []
    return value


def check_keys(mapping: dict, allowed: set[str], file: str, what: str, report: Report | None = None) -> None:
    for key in mapping:
        if key not in allowed:
            nearest = difflib.get_close_matches(key, sorted(allowed), n=1)
            hint = f"是不是 {nearest[0]}？" if nearest else ""
            error = ConfigError(file, line_of(mapping, key), f"{what}里没有 {key} 这一项；{hint}可以写的有：{' '.join(sorted(allowed))}")
            if report is None:
                raise error
            report.errors.append(error)


def nearest(value: str, choices, default: str = "") -> str:
    """'；是不是 x？' for the closest of `choices`, or `default` when nothing is close."""
    found = difflib.get_close_matches(str(value), sorted(choices), n=1, cutoff=0.5)
    return f"；是不是 {found[0]}？" if found else default


def theme_named(theme: str, theme_ids) -> str | None:
    """The theme id a curator means: the id itself (`cadres`), or, where `theme_ids` maps ids to the names
    themes.yaml gives them, the theme's Chinese name (`干部队伍` → `cadres`) — the name is what the site
    and 待核对 show, so it is what a curator writes first."""
    if theme in theme_ids:
        return theme
    if isinstance(theme_ids, dict):
        return next((theme_id for theme_id, name in theme_ids.items() if name == theme), None)
    return None


def known_themes(theme_ids) -> str:
    if not theme_ids:
        return f"；{THEMES_FILE} 里没有定义专题"
    if isinstance(theme_ids, dict):
        return "；专题有：" + " ".join(f"{theme_id}（{theme_ids[theme_id]}）" for theme_id in sorted(theme_ids))
    return f"；专题有：{' '.join(sorted(theme_ids))}"


def no_such_theme(theme: str, theme_ids) -> str:
    """'没有专题 X；是不是 Y？' (Y an id or a name, both are accepted), or the list of themes.

    A Chinese name is suggested only for one with the same subject, its first two characters
    (干部工作 → 干部队伍): spelling likeness would offer 人才工作 for 宣传工作 for their common 工作."""
    names = theme_ids.values() if isinstance(theme_ids, dict) else ()
    same_subject = [name for name in names if len(theme) >= 2 and name[:2] == theme[:2]]
    if same_subject:
        return f"没有专题 {theme}；是不是 {same_subject[0]}？"
    if not theme.isascii():
        return f"没有专题 {theme}{known_themes(theme_ids)}"
    return f"没有专题 {theme}{nearest(theme, theme_ids, known_themes(theme_ids))}"


def suggest_id(value) -> str:
    """The nearest valid id to what the user wrote: lowercase, other characters turned into hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")[:MAX_ID_LENGTH].strip("-")
    if not slug or slug in RESERVED_IDS:
        slug = f"{slug or 'item'}-1"
    return slug


def check_id(value, file: str, line: int | None, what: str, report: Report) -> str | None:
    """One rule for every id (speech, theme, sub-topic, term): lowercase ASCII, digits, single hyphens."""
    if isinstance(value, str) and ID_PATTERN.fullmatch(value) and len(value) <= MAX_ID_LENGTH:
        if value in RESERVED_IDS:
            report.error(file, line, f"{what.rstrip()} {value} 是网站自用的名字；请换一个，例如 {suggest_id(value)}")
            return None
        return value
    report.error(
        file,
        line,
        f"{what}只能用小写英文字母和数字，中间用单个连字符连接（最多 {MAX_ID_LENGTH} 个字符），"
        f"例如 {suggest_id(value)}；现在写的是 {value!r}",
    )
    return None


def check_text(value, file: str, line: int | None, what: str, report: Report, required: bool = False) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        report.error(file, line, f"{what}要写文字{'（不能空着）' if required else ''}；现在是{kind_name(value)} {value!r}")
        return None
    return value


def check_words(value, file: str, line: int | None, what: str, report: Report) -> tuple[str, ...]:
    """A list of non-empty texts (a single text is taken as a list of one)."""
    if isinstance(value, str):
        value = [value]
    words = []
    for word in expect_list(value, file, line, what, report):
        if not isinstance(word, str) or not word.strip():
            report.error(file, line, f"{what}要写成词语的列表；其中有{kind_name(word)} {word!r}")
            continue
        words.append(word.strip())
    return tuple(words)


def load_entry_list(directory: Path, file_name: str, list_key: str, entry: str, allowed: set[str], top_keys: set[str] | None = None, report: Report | None = None):
    """Read `directory/file_name` holding `list_key:` — a list of mappings with the `allowed` keys.

    Returns (display name, the whole mapping, the entries); a missing file means no entries.
    """
    name = f"{Path(directory).name}/{file_name}"
    data = expect_mapping(load_yaml(Path(directory) / file_name, name), name, 1, "整个文件", report)
    check_keys(data, top_keys or {list_key}, name, "整个文件", report)
    entries = []
    for item in expect_list(data.get(list_key), name, line_of(data, list_key), f"{list_key} ", report):
        if not isinstance(item, dict):
            expect_mapping(item, name, line_of(data, list_key), entry, report)
            continue
        check_keys(item, allowed, name, entry, report)
        entries.append(item)
    return name, data, entries


class RuleTooSlow(ConfigError):
    """A user's pattern ran out of its time budget on one speech file."""


RULE_BUDGET_SECONDS = 1.0
"""What one user pattern may spend on one speech file (all its lines together), plus
RULE_BUDGET_PER_CHARACTER for each character of the file: the rules of corpus/boilerplate.yaml
take under a millisecond on a speech, and a quarter of a second to scan a 5 MB line once."""
RULE_BUDGET_PER_CHARACTER = 10e-6


class BoundedPattern:
    """A user's regular expression, run with a bound on its work.

    The load-time check refuses the usual shapes of runaway backtracking, but no syntactic check
    catches them all (.*.*.*…下载全文$, (?:党?){30}党{30}$). So the pattern runs in the `regex`
    engine (same syntax as `re`, lookarounds and back-references included), which stops a search
    at a timeout: each pattern has RULE_BUDGET_SECONDS per speech file (`reset_budget` starts a
    file), and running out raises RuleTooSlow naming the rule's file and line."""

    def __init__(self, compiled: re.Pattern, file: str, line: int | None, what: str):
        import regex

        self.pattern, self.flags = compiled.pattern, compiled.flags
        self.file, self.line, self.what = file, line, what
        self._bounded = regex.compile(compiled.pattern, flags=regex.V0 | (compiled.flags & ~re.UNICODE))
        self.budget = RULE_BUDGET_SECONDS
        self._given = self._left = self.budget

    def reset_budget(self, characters: int = 0) -> None:
        self._given = self._left = self.budget + characters * RULE_BUDGET_PER_CHARACTER

    def search(self, text: str, *args):
        import time

        start = time.perf_counter()
        try:
            return self._bounded.search(text, *args, timeout=max(self._left, 0.001))
        except TimeoutError:
            self._left = 0.0
            raise RuleTooSlow(
                self.file, self.line, f"{self.what} 的正则表达式在一行 {len(text)} 个字符的文字上用完了 {self._given:.1f} 秒的时限（回溯过多）；"
                "请改写它（避免 .*.* 这类相邻的可重叠重复），或删去这条规则"
            ) from None
        finally:
            self._left -= time.perf_counter() - start

    def __repr__(self) -> str:
        return f"BoundedPattern({self.pattern!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, BoundedPattern) and (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))


def compile_pattern(pattern, file: str, line: int | None, what: str, report: Report | None = None) -> BoundedPattern | None:
    """Compile a user's regular expression, refusing ones that can take exponential time; it runs
    with a bound on its work (BoundedPattern) for the shapes no check sees."""
    problem = None
    compiled = None
    if not isinstance(pattern, str) or not pattern:
        problem = f"{what}的 pattern 要写一个正则表达式，不能空着"
    else:
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            problem = f"{what.rstrip()}：正则表达式 {pattern!r} 写错了（第 {(exc.pos or 0) + 1} 个字符附近）"
        else:
            risk = catastrophic_backtracking(pattern)
            if risk:
                problem = f"{what.rstrip()}：正则表达式 {pattern!r} {risk}，遇到某些行会让生成卡住；请改写"
    if problem:
        if report is None:
            raise ConfigError(file, line, problem)
        report.error(file, line, problem)
        return None
    return BoundedPattern(compiled, file, line, what)


def catastrophic_backtracking(pattern: str) -> str | None:
    """Why `pattern` may backtrack exponentially (nested quantifiers, ambiguous repeated choices), or None."""
    try:
        import re._parser as sre_parse  # Python ≥ 3.11
    except ImportError:  # pragma: no cover
        import sre_parse
    repeat_ops = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, getattr(sre_parse, "POSSESSIVE_REPEAT", None)} - {None}

    def walk(items, inside_repeat: bool) -> str | None:
        for op, arg in items:
            if op in repeat_ops:
                low, high, body = arg
                repeats = high is sre_parse.MAXREPEAT or high > 1
                if repeats and inside_repeat and low != high:
                    return "把本身会重复的部分再重复（如 (a+)+）"
                found = walk(body, inside_repeat or repeats)
                if found:
                    return found
            elif op is sre_parse.BRANCH:
                branches = arg[1]
                if inside_repeat and not _distinct_starts(branches, sre_parse):
                    return "重复一组开头可能相同的选择（如 (a|ab)+）"
                for branch in branches:
                    found = walk(branch, inside_repeat)
                    if found:
                        return found
            elif op is sre_parse.SUBPATTERN:
                found = walk(arg[-1], inside_repeat)
                if found:
                    return found
        return None

    return walk(sre_parse.parse(pattern), False)


def _distinct_starts(branches, sre_parse) -> bool:
    starts = []
    for branch in branches:
        items = list(branch)
        if not items or items[0][0] is not sre_parse.LITERAL:
            return False
        starts.append(items[0][1])
    return len(set(starts)) == len(starts)


# --- boilerplate rules -------------------------------------------------------------------------


@dataclass(frozen=True)
class BoilerplateRule:
    name: str
    pattern: BoundedPattern
    max_length: int | None = None
    """Only lines at most this long (stripped) can match: long lines are content."""
    where: str = "anywhere"
    """`anywhere`, or `edges`: only above the body or below its end (ads, subscription notices)."""
    block: bool = False
    """Remove the whole run of short lines (between blank lines) around a match, not just the line."""


@dataclass(frozen=True)
class BoilerplateConfig:
    rules: tuple[BoilerplateRule, ...]

    def reset_budgets(self, characters: int = 0) -> None:
        """A new speech file of so many characters: every user pattern gets its time budget again."""
        for rule in self.rules:
            rule.pattern.reset_budget(characters)
        if self.keep is not None:
            self.keep.reset_budget(characters)
    keep: BoundedPattern | None = None
    """Lines that no block rule may remove (titles, salutations) even inside an ad block."""


DEFAULT_MAX_LENGTH = 200
"""Rules without max_length only look at lines up to this long: longer lines are speech text."""


def load_boilerplate(corpus_dir: Path, report: Report | None = None) -> BoilerplateConfig:
    own = report is None
    report = report or Report()
    name, data, items = load_entry_list(
        corpus_dir, BOILERPLATE_FILE, "rules", "规则", {"name", "pattern", "max_length", "where", "block"}, {"rules", "keep"}, report
    )
    rules = []
    for i, item in enumerate(items, 1):
        rule_name = check_text(item.get("name"), name, line_of(item, "name"), "'name'", report) or f"rule-{i}"
        where = item.get("where", "anywhere")
        if where not in ("anywhere", "edges"):
            report.error(name, line_of(item, "where"), f"规则 {rule_name} 的 where 只能是 anywhere 或 edges，现在是 {where!r}{nearest(str(where), ('anywhere', 'edges'))}")
        max_length = item.get("max_length", DEFAULT_MAX_LENGTH)
        if isinstance(max_length, bool) or not isinstance(max_length, int) or max_length <= 0:
            report.error(name, line_of(item, "max_length"), f"规则 {rule_name} 的 max_length 要写正整数，例如 60；现在是{kind_name(max_length)} {max_length!r}")
            max_length = DEFAULT_MAX_LENGTH
        block = item.get("block", False)
        if not isinstance(block, bool):
            report.error(name, line_of(item, "block"), f"规则 {rule_name} 的 block 只能是 true 或 false；现在是{kind_name(block)} {block!r}")
        pattern = compile_pattern(item.get("pattern"), name, line_of(item, "pattern") if "pattern" in item else line_of(item), f"规则 {rule_name} ", report)
        if pattern is not None:
            rules.append(BoilerplateRule(name=rule_name, pattern=pattern, max_length=max_length, where=where, block=block is True))
    keep = data.get("keep")
    keep_re = compile_pattern(keep, name, line_of(data, "keep"), "keep ", report) if keep is not None else None
    if own:
        report.raise_if_any()
    return BoilerplateConfig(rules=tuple(rules), keep=keep_re)


# --- per-speech overrides ------------------------------------------------------------------------

OVERRIDE_FIELDS = {
    "id", "title", "subtitle", "date", "year", "speaker", "speaker_role", "occasion", "level", "section_themes", "skip",
    "keep_lines", "drop_lines", "reviewed", "original", "original_sha256", "heading_lines", "paragraph_lines",
    "issuer", "doc_number", "addressees", "attachments", "table_lines", "month",
}
"""Keys of a speeches.yaml entry. keep_lines/drop_lines: source lines the boilerplate rules must keep
or must drop; reviewed: true, or the review items (codes) a person has looked at; original and
original_sha256: the file `kb add` imported it from; heading_lines: {line: level} of headings the
rules cannot see (kb add writes those of Word's heading styles without numbering); paragraph_lines: source
lines that start a paragraph, never joined to the line above (a wrong join undone); table_lines: source lines
kb add read from a Word file's tables, body unless clearly otherwise (ingest/clean.py read_in_a_table); issuer, doc_number,
addressees and attachments: an official document's (公文) parts, to correct what was read."""


@dataclass(frozen=True)
class SpeechOverride:
    file: str
    """The speech file it applies to, relative to the corpus."""
    line: int
    values: dict = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    """Each key of the entry → its line in speeches.yaml."""
    as_imported: frozenset[str] = frozenset()
    """The keys whose values stand as kb add read them: the entry still has kb add's note above it (the curator deletes
    it once the entry is checked) and the key's line still ends with kb add's 识别依据 comment. A build that reads
    such a value otherwise now (a newer reader) says so on 待核对 (pipeline.apply_override)."""

    @property
    def fingerprint(self) -> dict:
        """What of the entry a speech built from it depends on (the build's cache key)."""
        return {**self.values, "as imported": sorted(self.as_imported)} if self.as_imported else self.values


def load_overrides(corpus_dir: Path, report: Report | None = None, theme_ids: set[str] | dict[str, str] | None = None) -> dict[str, SpeechOverride]:
    """Read corpus/speeches.yaml: `<file name>: {field: value}` for every speech to correct."""
    own = report is None
    report = report or Report()
    path = corpus_dir / SPEECHES_FILE
    name = f"{corpus_dir.name}/{SPEECHES_FILE}"
    data = expect_mapping(load_yaml(path, name), name, 1, "整个文件", report)
    # numbered as YAML numbers them (ConfigError lines): \r\n, \r, \n, U+0085, U+2028, U+2029 each end a line
    source_lines = re.split(r"\r\n|[\r\n\x85\u2028\u2029]", path.read_text(encoding="utf-8-sig", errors="replace")) if data else []
    overrides = {}
    for file_key, values in data.items():
        line = line_of(data, file_key)
        if file_key in OVERRIDE_FIELDS:
            # a fix pasted without its indent: `speaker: 王某` at the start of a line is an entry of its own (and
            # `section_themes: {s1: [cadres]}` one whose fields were s1: it was told 条目里没有 s1 这一项)
            report.error(name, line, f"{file_key} 前面要空两格：它要写在讲话的条目（\"文件名.txt\":）之下，和条目里的其他各行对齐")
            continue
        values = expect_mapping(values, name, line, f"{file_key} 的条目", report)
        check_keys(values, OVERRIDE_FIELDS, name, f"{file_key} 的条目", report)
        checked = {}
        for key, value in values.items():
            if key in OVERRIDE_FIELDS:
                value = _check_override_value(key, value, name, line_of(values, key), file_key, report, theme_ids)
                if value is not _INVALID:
                    checked[key] = value
        both = sorted(set(checked.get("keep_lines", ())) & set(checked.get("drop_lines", ())))
        if both:
            report.error(name, line_of(values, "drop_lines"), f"{file_key!r} 的 keep_lines 和 drop_lines 都写了第 {both[0]} 行，互相矛盾；请从其中一个删去")
        # A line dropped cannot also head a part or begin a paragraph: one of the two fixes was pasted for another line.
        for other, says in (("heading_lines", "作小标题"), ("paragraph_lines", "另起一段")):
            clash = sorted(set(checked.get("drop_lines", ())) & set(checked.get(other, ())))
            if clash:
                report.error(name, line_of(values, other), f"{file_key!r} 的 drop_lines 删去第 {clash[0]} 行，{other} 又要它{says}，互相矛盾；请从其中一个删去")
        key_lines = dict(getattr(values, "key_lines", {}))
        overrides[file_key] = SpeechOverride(file=file_key, line=line, values=checked, key_lines=key_lines,
                                             as_imported=keys_as_imported(source_lines, line, key_lines, checked))
    if own:
        report.raise_if_any()
    return overrides


STUB_NOTE = "# kb add 加入："
"""How the note kb add writes above an imported speech's entry begins; the curator deletes the note once the entry is checked."""
STUB_RULE = "# 识别依据："
"""How the comment kb add writes after a value it read begins (the rule that read it follows)."""
AS_IMPORTED_FIELDS = frozenset({"title", "date", "speaker", "speaker_role", "occasion"})
"""The fields kb add writes as read (curate.STUB_FIELDS)."""


def keys_as_imported(lines: list[str], entry_line: int | None, key_lines: dict[str, int], values: dict) -> frozenset[str]:
    """The keys of an entry that stand as kb add read them: its note still above the entry, the key's line still
    carrying the 识别依据 comment (lines and line numbers as in speeches.yaml, numbered from 1). A value kb add read off
    the original file (a Word style, a page's <time>: explain.FROM_THE_ORIGINAL) is no reading a build could give again.

    >>> lines = ['# kb add 加入：a.docx（Word 文件）→ a.txt。请对照原件逐项核对、改正，然后删去这行说明。', '"a.txt":',
    ...          '  title: "在某会上的讲话"   # 识别依据：标题区的标题行', '  speaker: "王某"']
    >>> sorted(keys_as_imported(lines, 2, {"title": 3, "speaker": 4}, {"title": "在某会上的讲话", "speaker": "王某"}))
    ['title']
    >>> keys_as_imported(lines[1:], 1, {"title": 2}, {"title": "在某会上的讲话"})   # the note deleted: checked
    frozenset()
    >>> keys_as_imported([lines[0], lines[1], '  title: "在某会上的讲话"   # 识别依据：文档标明的标题：Word 的“标题”样式'], 2, {"title": 3}, {"title": "x"})
    frozenset()
    """
    if not entry_line or entry_line < 2 or entry_line - 2 >= len(lines) or not lines[entry_line - 2].lstrip().startswith(STUB_NOTE):
        return frozenset()
    def read_off_the_text(line: str) -> bool:
        return STUB_RULE in line and line.split(STUB_RULE, 1)[1].strip() not in FROM_THE_ORIGINAL

    return frozenset(key for key, number in key_lines.items()
                     if key in AS_IMPORTED_FIELDS and key in values and 0 < number <= len(lines) and read_off_the_text(lines[number - 1]))


_INVALID = object()


def _date_meant(value) -> str | None:
    """The ISO date a curator meant by a date written another way, or None.

    >>> _date_meant("2022年6月9日"), _date_meant("2022-6-9"), _date_meant("2022.06.31")
    ('2022-06-09', '2022-06-09', None)
    """
    found = re.fullmatch(r"\s*(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?\s*", value) if isinstance(value, str) else None
    try:
        return dt.date(*map(int, found.groups())).isoformat() if found else None
    except ValueError:
        return None


def _check_override_value(key: str, value, file: str, line: int | None, entry: str, report: Report, theme_ids: set[str] | dict[str, str] | None):
    def bad(message: str):
        report.error(file, line, message)
        return _INVALID

    if key == "id":
        return check_id(value, file, line, f"{entry} 的 id ", report) or _INVALID
    if key == "date":
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                pass
        if isinstance(value, dt.date) and not 1900 <= value.year <= 2100:
            return bad(f"{entry} 的 date：{value.isoformat()} 不像讲话的日期（应在 1900 至 2100 年之间）；请核对后改正")
        if isinstance(value, dt.date):
            return value.isoformat()
        meant = _date_meant(value)
        if meant:  # 2022年6月9日, 2022-6-9: the date is clear, only its writing is not ISO — say it as it is to be written
            return bad(f"{entry} 的 date 要写成 {meant}（年-月-日，月和日各两位）；现在写的是 {value!r}")
        return bad(f"{entry} 的 date 要按 YYYY-MM-DD 写，例如 2018-02-27；现在写的是 {value!r}")
    if key == "year":
        if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2200:
            return value
        return bad(f"{entry} 的 year 要写四位数的年份，例如 2020；现在写的是 {value!r}")
    if key == "month":  # beside year: a text dated to the month only (a cover's 二〇二三年五月)
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 12:
            return value
        return bad(f"{entry} 的 month 要写 1 到 12 的月份，和 year 一起写，例如 year: 2023 和 month: 5；现在写的是 {value!r}")
    if key == "skip":
        if isinstance(value, bool):
            return value
        return bad(f"{entry} 的 skip 只能是 true 或 false；现在是{kind_name(value)} {value!r}")
    if key in ("keep_lines", "drop_lines", "paragraph_lines", "table_lines"):
        numbers = value if isinstance(value, list) else [value]
        if not numbers or any(not isinstance(n, int) or isinstance(n, bool) or n < 1 for n in numbers):
            return bad(f"{entry} 的 {key} 要写行号或行号的列表，例如 [3, 4]；现在写的是 {value!r}")
        return sorted(set(numbers))
    if key == "heading_lines":
        value = expect_mapping(value, file, line, f"{entry} 的 heading_lines ", report)
        out = {}
        for key_text, level in value.items():
            where = line_of(value, key_text)
            # Mapping keys arrive as text (the loader keeps every key's line): a line number is digits.
            number = int(key_text) if isinstance(key_text, str) and key_text.isdigit() else key_text
            if not isinstance(number, int) or isinstance(number, bool) or number < 1 or isinstance(level, bool) or level not in (1, 2, 3):
                report.error(file, where, f"{entry} 的 heading_lines 要写“行号: 级别”，级别是 1、2 或 3，例如 {{12: 1, 30: 2}}；现在写的是 {number!r}: {level!r}")
                continue
            out[number] = level
        return out
    if key == "reviewed":
        if isinstance(value, bool):
            return value
        codes = value if isinstance(value, list) else [value]
        for code in codes:
            # heading-like@12: the one item at line 12 (model.REVIEWED_ONE_BY_ONE); the code alone settles all of its kind
            kind, at, line_said = str(code).partition("@")
            if not isinstance(code, str) or kind not in REVIEW_CODES:
                return bad(f"{entry} 的 reviewed 要写 true 或待核对类别的列表（{' '.join(sorted(REVIEW_CODES))}）；现在写的是 {code!r}{nearest(kind, REVIEW_CODES)}")
            if at and not (line_said.isdigit() and int(line_said) > 0):
                return bad(f"{entry} 的 reviewed 里 {code!r} 的 @ 后面要写行号，例如 {kind}@12")
        return sorted(set(codes))
    if key == "original_sha256":
        if not (isinstance(value, str) and re.fullmatch(r"[0-9a-f]{64}", value)):
            return bad(f"{entry} 的 original_sha256 应是 64 位十六进制数（由 kb add 写入，不要改动）；现在写的是 {value!r}")
        return value
    if key in ("addressees", "attachments"):
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            return bad(f"{entry!r} 的 {key} 应是一个名称或名称的列表，如 [各乡镇党委, 县直各单位]；现在是 {value!r}")
        return [n.strip() for n in names]
    if key == "section_themes":
        value = expect_mapping(value, file, line, f"{entry} 的 section_themes ", report)
        out = {}
        for section_id, themes in value.items():
            where = line_of(value, section_id)
            words = check_words(themes, file, where, f"部分 {section_id} 的专题", report)
            if theme_ids is not None:
                for theme in words:
                    if theme_named(theme, theme_ids) is None:
                        report.error(file, where, f"{entry} 的部分 {section_id}：{no_such_theme(theme, theme_ids)}")
                words = [theme_named(theme, theme_ids) or theme for theme in words]
            out[str(section_id)] = list(dict.fromkeys(words))
        return out
    if value is not None and not isinstance(value, str):
        return bad(f"{entry} 的 {key} 要写文字；现在是{kind_name(value)} {value!r}")
    quoted = re.fullmatch(r"\s*“([^“”]*)”\s*", value or "") if key in ("speaker", "speaker_role", "occasion", "issuer") else None
    if quoted:
        # quoted on a Chinese keyboard: YAML keeps “” as text, and the site would print 讲话人 “李明”
        return bad(f"{entry} 的 {key} 两头是中文引号，会连引号一起印出；请去掉引号，或改成英文引号：\"{quoted[1]}\"")
    if key in EXAMPLE_VALUES and value == EXAMPLE_VALUES[key]:
        # a fix pasted from 待核对 or kb add's stub with its example left in: 会议名称 would be published as the meeting
        return bad(f"{entry} 的 {key} 还是示例“{value}”：请换成原文里写的，原文没有就删去这一行")
    hidden = INVISIBLE.search(value or "") if key != "original" else None  # original: the file's own name, as it was
    if hidden:
        # A right-to-left override or a zero-width space makes a title read otherwise than it is
        # written, or a name differ from its look-alike (search and speaker pages would split).
        return bad(f"{entry} 的 {key} 含有看不见的控制字符 U+{ord(hidden.group()):04X}（会改变文字的显示方向或藏起文字）；请删除它")
    return value


EXAMPLE_VALUES = {"date": "YYYY-MM-DD", "speaker": "姓名", "speaker_role": "职务", "occasion": "会议名称", "title": "标题", "issuer": "发文机关名称"}
"""The example a fix or kb add's stub shows in place of a value the curator has to write; never a value itself
(a date's example is refused as no date)."""


INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


# --- themes.yaml: the taxonomy -------------------------------------------------------------------

STRONG, NORMAL = 3.0, 1.0
"""Weights of `keywords.strong` and `keywords.normal` (`keywords.generic` weigh as normal ones)."""
OTHER = "other"
"""The pseudo-theme of sections with no theme (其他/综合); no theme may take this id."""


@dataclass(frozen=True)
class ThemeRule:
    theme: Theme
    weights: dict[str, float]
    generic: frozenset[str] = frozenset()
    """`keywords.generic`: ordinary words every kind of text uses (思想, 群众, 社区): they add to the theme's
    score, but a theme they alone give is no theme."""
    requires: tuple[str, ...] = ()
    """`requires`: a theme about one body's own building (自身建设: the organisation department's) counts in a
    speech only when the speech names that body somewhere (组织部, 组工); empty: no such condition. 廉洁自律 in a
    cadre's report on his own work is that cadre's conduct, not the department's building."""

    @property
    def subtopics(self) -> tuple[Subtopic, ...]:
        return self.theme.subtopics


@dataclass(frozen=True)
class Taxonomy:
    rules: tuple[ThemeRule, ...]
    keywords: frozenset[str] = field(init=False, repr=False)
    """Keywords matched as segmenter tokens (Han characters only)."""
    phrases: tuple[str, ...] = field(init=False, repr=False)
    """Keywords with punctuation or Latin letters, matched as plain text."""
    themes_of: dict[str, frozenset[str]] = field(init=False, repr=False)
    """Scored keyword → the ids of the themes it scores for."""

    def __post_init__(self):
        words = sorted({w for rule in self.rules for w in rule.weights} | {w for rule in self.rules for s in rule.subtopics for w in s.keywords})
        object.__setattr__(self, "keywords", frozenset(w for w in words if not is_phrase(w)))
        object.__setattr__(self, "phrases", tuple(w for w in words if is_phrase(w)))
        themes_of: dict[str, set[str]] = {}
        for rule in self.rules:
            for word in rule.weights:
                themes_of.setdefault(word, set()).add(rule.theme.id)
        object.__setattr__(self, "themes_of", {w: frozenset(ids) for w, ids in themes_of.items()})

    @property
    def themes(self) -> tuple[Theme, ...]:
        return tuple(rule.theme for rule in self.rules)

    def dictionary_words(self) -> list[str]:
        """Every keyword, for the segmenter's user dictionary (so 基层党组织 stays one token)."""
        return sorted(self.keywords | set(self.phrases))

    def rule(self, theme_id: str) -> ThemeRule | None:
        return next((r for r in self.rules if r.theme.id == theme_id), None)


def is_phrase(word: str) -> bool:
    """Matched as plain text, not as a token: it has punctuation or non-Han characters."""
    return not re.fullmatch(f"[{HAN}]+", word)


def load_taxonomy(corpus_dir: Path, report: Report | None = None) -> Taxonomy:
    """Read corpus/themes.yaml. A missing file means no themes (every section is 其他/综合)."""
    own = report is None
    report = report or Report()
    name, _, items = load_entry_list(corpus_dir, THEMES_FILE, "themes", "专题", {"id", "name", "description", "keywords", "requires", "subtopics"}, report=report)
    rules, seen = [], set()
    for item in items:
        line = line_of(item)
        theme_id = check_id(item.get("id"), name, line_of(item, "id"), "专题 id ", report)
        if theme_id and theme_id in seen:
            report.error(name, line_of(item, "id"), f"专题 id {theme_id} 用了两次")
        seen.add(theme_id)
        label = theme_id or str(item.get("id"))
        theme_name = check_text(item.get("name"), name, line_of(item, "name"), f"专题 {label} 的 name ", report, required=True)
        description = check_text(item.get("description"), name, line_of(item, "description"), f"{label} 的 description ", report)
        keywords = expect_mapping(item.get("keywords"), name, line_of(item, "keywords"), f"{label} 的 keywords ", report)
        check_keys(keywords, {"strong", "normal", "generic"}, name, f"{label} 的 keywords ", report)
        weights: dict[str, float] = {}
        levels = {level: check_words(keywords.get(level), name, line_of(keywords, level), f"{label} 的 {level} 关键词", report) for level in ("generic", "normal", "strong")}
        for level, weight in (("generic", NORMAL), ("normal", NORMAL), ("strong", STRONG)):
            for word in levels[level]:
                weights[word] = weight
        generic = frozenset(levels["generic"]) - set(levels["normal"]) - set(levels["strong"])
        requires = check_words(item.get("requires"), name, line_of(item, "requires"), f"{label} 的 requires ", report)
        if not weights:
            report.error(name, line, f"专题 {label} 没有关键词；请在 keywords.strong 下面加几个")
        subtopics, sub_ids = [], set()
        for sub in expect_list(item.get("subtopics"), name, line_of(item, "subtopics"), f"{label} 的 subtopics ", report):
            sub = expect_mapping(sub, name, line_of(item, "subtopics"), "子专题", report)
            check_keys(sub, {"id", "name", "keywords"}, name, f"{label} 的子专题", report)
            sub_id = check_id(sub.get("id"), name, line_of(sub, "id"), f"{label} 的子专题 id ", report)
            if sub_id and sub_id in sub_ids:
                report.error(name, line_of(sub, "id"), f"子专题 id {sub_id} 在 {label} 里用了两次")
            sub_ids.add(sub_id)
            sub_name = check_text(sub.get("name"), name, line_of(sub, "name"), f"子专题 {sub_id} 的 name ", report, required=True)
            words = check_words(sub.get("keywords"), name, line_of(sub, "keywords"), f"子专题 {sub_id} 的 keywords ", report)
            if not words:
                report.error(name, line_of(sub), f"{label} 的子专题 {sub_id} 需要关键词")
            if sub_id and sub_name and words:
                subtopics.append(Subtopic(sub_id, sub_name, words))
        if theme_id and theme_name and weights:
            theme = Theme(id=theme_id, name=theme_name.strip(), description=join_folded(description or ""), subtopics=tuple(subtopics))
            rules.append(ThemeRule(theme=theme, weights=weights, generic=generic, requires=requires))
    if own:
        report.raise_if_any()
    return Taxonomy(rules=tuple(rules))


def join_folded(text: str) -> str:
    """YAML folds line breaks into spaces, which do not belong between Chinese characters."""
    return re.sub(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) (?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])", "", text.strip())



# --- glossary.yaml -------------------------------------------------------------------------------


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    id: str | None = None
    aliases: tuple[str, ...] = ()
    explanation: str = ""
    theme: str | None = None


def load_glossary(rules_dir: Path, report: Report | None = None, theme_ids: set[str] | dict[str, str] | None = None) -> list[GlossaryEntry]:
    own = report is None
    report = report or Report()
    name, _, items = load_entry_list(rules_dir, GLOSSARY_FILE, "terms", "提法", {"term", "id", "aliases", "explanation", "theme"}, report=report)
    entries, seen = [], set()
    for item in items:
        term = check_text(item.get("term"), name, line_of(item, "term") if "term" in item else line_of(item), "term ", report, required=True)
        if term in seen:
            report.error(name, line_of(item, "term"), f"提法 {term} 列了两次")
        if term and len(term.strip()) < 2:
            report.error(name, line_of(item, "term"), f"提法 {term.strip()!r} 只有一个字，会在几乎每段话里“出现”；请写完整的提法（至少两个字），例如“两个维护”")
        seen.add(term)
        aliases = check_words(item.get("aliases"), name, line_of(item, "aliases"), f"{term} 的 aliases ", report)
        for alias in aliases:
            if len(alias) < 2:
                report.error(name, line_of(item, "aliases"), f"{term!r} 的别名 {alias!r} 只有一个字，会在几乎每段话里“出现”；请写完整的说法（至少两个字）")
        term_id = item.get("id")
        if term_id is not None:
            term_id = check_id(term_id, name, line_of(item, "id"), f"{term} 的 id ", report)
        explanation = check_text(item.get("explanation"), name, line_of(item, "explanation"), f"{term} 的 explanation ", report)
        theme = check_text(item.get("theme"), name, line_of(item, "theme"), f"{term} 的 theme（一个专题 id）", report)
        if theme is not None and theme_ids is not None:
            if theme_named(theme, theme_ids) is None:
                report.error(name, line_of(item, "theme"), f"{term} 的 theme：{no_such_theme(theme, theme_ids)}")
            theme = theme_named(theme, theme_ids)
        if term:
            entries.append(GlossaryEntry(term=term.strip(), id=term_id, aliases=aliases, explanation=explanation or "", theme=theme))
    if own:
        report.raise_if_any()
    return entries


# --- print.yaml: study handouts (PDF) ------------------------------------------------------------

PRINT_FILE = "print.yaml"
FONT_ROLES = ("body", "heading", "kai", "title")
FONT_ROLE_NAMES = {"body": "正文（仿宋）", "heading": "一级标题（黑体）", "kai": "二级标题（楷体）", "title": "标题（宋体）"}
DEFAULT_FONTS = {
    # GB/T 9704 asks for 仿宋_GB2312 (body), 黑体 and 楷体 (headings), 小标宋 (title); the free faces
    # after them are installed by `make` (FandolFang/Kai/Hei from Debian, Noto CJK from fonts-noto-cjk).
    "body": ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "FandolFang R", "FandolFang", "Noto Serif CJK SC"),
    "heading": ("黑体", "SimHei", "FandolHei", "Noto Sans CJK SC"),
    "kai": ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "FandolKai", "Noto Serif CJK SC"),
    "title": ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "FandolSong"),
}


CITATION_FIELDS = ("title", "date", "speaker", "place", "paragraph")
"""{title} 讲话标题, {date} 2018年2月27日, {speaker} 讲话人, {place} 第二部分第一节, {paragraph} 第12段."""
DEFAULT_CITATION = "（摘自《{title}》，{date}，{speaker}）"
"""As Chinese official writing cites a leader's speech. An empty field takes the ，、 or space before it away."""


def check_citation(value, file: str, line: int | None, report: Report) -> str | None:
    """A citation template: text with fields in braces, each one of CITATION_FIELDS."""
    text = check_text(value, file, line, "'citation'", report)
    if text is None:
        return None
    for name in re.findall(r"\{([^{}]*)\}", text):
        if name not in CITATION_FIELDS:
            report.error(file, line, f"'citation' 中的 {{{name}}} 不是可用的字段；可用：" + "、".join("{" + f + "}" for f in CITATION_FIELDS))
            return None
    if "{title}" not in text:
        report.error(file, line, "'citation' 必须含有 {title}（讲话标题），例如 " + DEFAULT_CITATION)
        return None
    return text


@dataclass(frozen=True)
class PrintConfig:
    fonts: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_FONTS))
    """Role (body, heading, kai, title) → font families in order of preference."""
    font_paths: tuple[str, ...] = ()
    """Extra folders with font files (relative to the corpus), e.g. fonts copied from an office PC."""
    publisher: str = ""
    """Printed on covers (编印); empty: the site's name."""
    pdf: bool = True
    """Build handouts with the site; false leaves them to `kb print` (no PDF links on the pages)."""
    speech_handouts: bool = False
    """Yearly volumes of every speech in official form, besides the theme handouts. Off by default:
    at 1,000 speeches they alone are 1.7× the text (bench/RESULTS.md, #35); a speech page prints in
    official form from the browser (its 打印公文版式 button) and `kb print --speech` typesets one."""
    citation: str = DEFAULT_CITATION
    """How the site's 复制引文 cites a passage after its text; fields in braces (CITATION_FIELDS)."""


def load_print_config(corpus_dir: Path, report: Report | None = None) -> PrintConfig:
    own = report is None
    report = report or Report()
    name = f"{corpus_dir.name}/{PRINT_FILE}"
    data = load_yaml(corpus_dir / PRINT_FILE, name)
    if data is None:
        return PrintConfig()
    data = expect_mapping(data, name, 1, "整个文件", report)
    check_keys(data, {"fonts", "font_paths", "publisher", "pdf", "speech_handouts", "citation"}, name, "整个文件", report)
    fonts = dict(DEFAULT_FONTS)
    given = expect_mapping(data.get("fonts", {}), name, line_of(data, "fonts"), "fonts ", report)
    check_keys(given, set(FONT_ROLES), name, "fonts ", report)
    for role in FONT_ROLES:
        if role in given:
            families = check_words(given[role], name, line_of(given, role), f"fonts 的 {role} ", report)
            if families:
                fonts[role] = families
    paths = check_words(data.get("font_paths", []), name, line_of(data, "font_paths"), "font_paths ", report)
    for path in paths:
        inside = (corpus_dir / path).resolve()
        if inside != corpus_dir.resolve() and corpus_dir.resolve() not in inside.parents:
            # The typesetter reads every file below a font folder: "/" would make it read the whole disk.
            report.error(name, line_of(data, "font_paths"), f"font_paths 中的 {path!r} 不在语料文件夹内；请把字体文件复制到语料下的文件夹（例如 fonts/），再写相对路径 fonts")
    publisher = check_text(data.get("publisher", ""), name, line_of(data, "publisher"), "publisher ", report) or ""
    flags = {}
    for key in ("pdf", "speech_handouts"):
        default = getattr(PrintConfig, key)
        value = data.get(key, default)
        if not isinstance(value, bool):
            report.error(name, line_of(data, key), f"{key} 只能是 true 或 false；现在是{kind_name(value)} {value!r}")
            value = default
        flags[key] = value
    citation = DEFAULT_CITATION
    if "citation" in data:
        citation = check_citation(data["citation"], name, line_of(data, "citation"), report) or DEFAULT_CITATION
    if own:
        report.raise_if_any()
    return PrintConfig(fonts=fonts, font_paths=tuple(paths), publisher=publisher, citation=citation, **flags)
