"""A problem found in the data: where it is and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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
