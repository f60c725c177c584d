"""The documents stay true to the program (after sqlite-utils' test_docs.py): every subcommand and
option is in the curator guide's 命令一览, every `./kb …` and `make …` the README and the guides show
exists and parses, and `make help` and the README give the same time for `make bench`."""

from __future__ import annotations

import argparse
import re
import shlex

import pytest

from build_kb.cli import make_parser
from conftest import ROOT

README = ROOT / "README.md"
GUIDE = ROOT / "docs" / "guide.md"
READERS = ROOT / "docs" / "about.md"
ENGINEERING = ROOT / "docs" / "dev" / "ENGINEERING.md"
DOCUMENTS = (README, GUIDE, READERS, ENGINEERING)


def subcommands() -> dict[str, argparse.ArgumentParser]:
    actions = [a for a in make_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(actions[0].choices)


def options(parser: argparse.ArgumentParser) -> list[str]:
    return [flag for action in parser._actions for flag in action.option_strings if flag not in ("-h", "--help", "-v", "--verbose")]


def command_row(command: str) -> str:
    """The row of the guide's 命令一览 for `command`."""
    rows = [line for line in GUIDE.read_text(encoding="utf-8").splitlines() if line.startswith(f"| `./kb {command}")]
    assert len(rows) == 1, f"docs/guide.md 的“命令一览”里没有 ./kb {command} 这一行"
    return rows[0]


@pytest.mark.parametrize("command", sorted(subcommands()))
def test_every_subcommand_and_option_is_in_the_guide(command):
    row = command_row(command)
    missing = [flag for flag in options(subcommands()[command]) if f"`{flag}" not in row and f"/ `{flag}" not in row]
    assert missing == [], f"./kb {command}: {missing} 没有写进 docs/guide.md 的“命令一览”"


def test_the_global_options_are_in_the_guide():
    guide = GUIDE.read_text(encoding="utf-8")
    assert "`-v`" in guide and "`./kb --version`" in guide and "`./kb -h`" in guide


def shown_commands(path) -> list[str]:
    """`./kb …` and `make …` as the document shows them: code lines and inline code."""
    text = path.read_text(encoding="utf-8")
    found = re.findall(r"`((?:\./kb|make) [^`]+)`", text)
    for block in re.findall(r"```(?:sh|bash)?\n(.*?)```", text, flags=re.S):
        found += [line.split("#")[0].strip() for line in block.splitlines() if line.startswith(("./kb ", "make "))]
    return found


def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), flags=re.M))


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_command_shown_exists(document):
    commands = shown_commands(document)
    assert commands, document
    targets = make_targets()
    for command in commands:
        words = shlex.split(command)
        if words[0] == "make":
            assert all(w in targets for w in words[1:]), f"{document.name}: {command}"
            continue
        try:
            make_parser().parse_args(words[1:])
        except SystemExit as exc:
            assert exc.code == 0, f"{document.name}: {command} 不是能用的命令"


def test_the_readme_is_short_and_says_where_to_read_on():
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 150
    assert max(len(line) for line in text.splitlines()) < 300  # no more paragraphs of 2,000 characters
    for document in ("docs/guide.md", "docs/about.md", "docs/dev/ENGINEERING.md", "CHANGELOG.md", "bench/RESULTS.md", "build_kb/publish/KB_JSON_FORMAT.md"):
        assert f"({document})" in text and (ROOT / document).is_file(), document


def test_make_help_and_the_readme_agree_on_the_time_of_make_bench():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    help_line = next(line for line in makefile.splitlines() if "make bench" in line and "@echo" in line)
    readme_line = next(line for line in README.read_text(encoding="utf-8").splitlines() if "make bench" in line)
    minutes = re.compile(r"约 (\d+) 分钟")
    assert minutes.search(help_line).group(1) == minutes.search(readme_line).group(1)


def test_engineer_documents_stay_out_of_the_site():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"exclude_docs: \|\n(?:  .*\n)*  dev/\n", config)
