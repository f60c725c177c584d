"""Named exceptions. Each message says which file (and line) to fix and what was expected."""

from __future__ import annotations


class KbError(Exception):
    """Base class: any problem the user can fix. The CLI prints it as `Error: …` and exits 1."""


class ConfigError(KbError):
    """A YAML file under corpus/ is malformed or has a value of the wrong kind."""

    def __init__(self, file: str, line: int | None, message: str):
        self.file, self.line, self.message = file, line, message
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {message}")


class UnreadableSpeech(KbError):
    """A speech file that cannot be turned into text (binary, unknown encoding)."""

    def __init__(self, file: str, message: str):
        self.file, self.message = file, message
        super().__init__(f"{file}: {message}")


class StrictModeFailure(KbError):
    """`--strict` was given and the build produced warnings."""


class CorpusNotFound(KbError):
    """The corpus directory does not exist."""
