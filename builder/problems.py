"""A problem found in the data: where it is and what to do about it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

EXCERPT = 80  # characters of a found value a message may quote
# Control characters, and the Unicode ones that reorder or hide text (U+202E ...): never printed raw, so a file name
# or value cannot forge a line of output (a CI log command, an ANSI escape).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


# What a CI runner reads as a command in a line of a log (GitHub Actions: `::error ...`, `##[group]`).
_WORKFLOW_COMMAND = re.compile(r"(?<=:):|(?<=#)#\[")


def printable(text: str) -> str:
    """Text safe to print on a terminal or in a CI log: controls shown as escapes (\\n, \\x1b, \\u202e), and the
    second character of `::` and `##[` too, so that no value printed at the start of a line is a workflow command."""
    shown = _UNPRINTABLE.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)
    return _WORKFLOW_COMMAND.sub(lambda m: f"\\x{ord(m.group(0)[0]):02x}" + m.group(0)[1:], shown)


def excerpt(value: object, limit: int = EXCERPT) -> str:
    """A found value as a message may quote it: at most `limit` characters, never a whole file."""
    text = str(value)
    return text if len(text) <= limit else text[:limit] + f"… ({len(text):,} karakter)".replace(",", ".")


class Severity(StrEnum):
    ERROR = "galat"  # the build refuses the data
    WARNING = "peringatan"  # shown to staff; the build goes on (real reports do this)


@dataclass(frozen=True)
class Problem:
    """One message for a person editing YAML: file, line, column, field path, message (Indonesian)."""

    path: str
    line: int | None
    column: int | None
    field: str
    message: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR

    def __str__(self) -> str:
        return printable(self._text())

    def _text(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}: {self.severity}:{field} {self.message}"


class DataError(Exception):
    """Raised by pipeline stages when the data has errors; carries the problems."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} galat pada data")
        self.problems = problems


def format_field(loc: tuple) -> str:
    """('kinerja', 0, 'realisasi') -> 'kinerja[0].realisasi'"""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
