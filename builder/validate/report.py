"""The reporter every check writes to, and the message pieces several checks share."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import yaml

from ..dataset import KecamatanData
from ..load import SourceFile, locate
from ..problems import Problem, Severity, format_field


@dataclass
class Reporter:
    """Collects the problems of the checks that look across files."""

    problems: list[Problem] = field(default_factory=list)

    def report(self, source: SourceFile, loc: tuple, message: str, severity: Severity = Severity.ERROR) -> None:
        """A problem at the value found at `loc` in the file (or the nearest enclosing one)."""
        line, column = locate(source.node, loc)
        self.problems.append(Problem(source.display, line, column, format_field(loc), message, severity))

    def report_key(self, source: SourceFile, loc: tuple, message: str, severity: Severity = Severity.ERROR) -> None:
        """A problem at the line of the key ending `loc`, for a key whose value is a block below it."""
        key = _key_node(source.node, loc)
        if key is None:
            self.report(source, loc, message, severity)
            return
        self.problems.append(Problem(source.display, key.start_mark.line + 1, key.start_mark.column + 1,
                                     format_field(loc), message, severity))

    def report_file(self, path: str, message: str) -> None:
        """A problem about a file or folder as a whole (no line)."""
        self.problems.append(Problem(path, None, None, "", message))


def _key_node(node: yaml.Node | None, loc: tuple) -> yaml.Node | None:
    """The key node of the last step of `loc`, when every step of the path exists."""
    key = None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            key, node = next(((k, v) for k, v in node.value if str(k.value) == str(part)), (None, None))
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            key, node = None, node.value[part]
        else:
            return None
        if node is None:
            return None
    return key


def unknown(what: str, value: str, known: set[str]) -> str:
    """`sasaran "x" tidak ada; mungkin maksudnya "y". Pilihan: ...`"""
    close = difflib.get_close_matches(value, sorted(known), n=1)
    hint = f'; mungkin maksudnya "{close[0]}"' if close else ""
    return f'{what} "{value}" tidak ada{hint}. Pilihan: {", ".join(sorted(known))}'


def unknown_report(kec: KecamatanData, report_id: str) -> str:
    return f'laporan "{report_id}" tidak ada di profil.yaml; pilihan: {", ".join(sorted(kec.report_ids()))}'
