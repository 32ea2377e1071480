"""Edits of a YAML file's text at the places its nodes occupy, so that everything not edited stays byte-identical.

A round-trip library re-emits the whole file (ruamel.yaml folds long plain scalars differently from how our files
are written, so every file with a long `catatan` would change); here only the lines a step touches change:
comments, key order, blank lines and the printed form of every number stay as they were.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..load import shares_nodes


class MigrationConflict(Exception):
    """A value the step cannot place where the current format wants it (the place is taken)."""


@dataclass
class Entry:
    """One `key: value` of a block mapping: its nodes and the lines it spans (0-based, end exclusive)."""

    key: yaml.Node
    value: yaml.Node
    first: int
    end: int
    indent: int


class YamlText:
    """A YAML document's text with its node tree; each edit rewrites the text and re-reads the tree."""

    def __init__(self, text: str):
        self.text = text
        self._parse()

    def _parse(self) -> None:
        self.root = yaml.compose(self.text, Loader=yaml.CSafeLoader) if self.text.strip() else None
        if self.root is not None and "*" in self.text and shares_nodes(self.root):
            raise ValueError("alias YAML (*nama) tidak diizinkan di berkas data")  # a walk would expand it

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines(keepends=True)

    def _set_lines(self, lines: list[str]) -> None:
        self.text = "".join(lines)
        self._parse()

    # -- reading ------------------------------------------------------------

    def node(self, *path: str | int) -> yaml.Node | None:
        """The node at `path` (keys and list indexes from the root), or None."""
        node = self.root
        for part in path:
            node = _child(node, part)
        return node

    def mapping(self, *path: str | int) -> yaml.MappingNode | None:
        node = self.node(*path)
        return node if isinstance(node, yaml.MappingNode) else None

    def sequence(self, *path: str | int) -> yaml.SequenceNode | None:
        node = self.node(*path)
        return node if isinstance(node, yaml.SequenceNode) else None

    def entry(self, mapping: yaml.MappingNode, key: str) -> Entry | None:
        """The entry `key` of a block mapping with the lines it spans: its own lines and the comments indented
        under it; comments and blank lines after it at its own indent or less belong to what follows."""
        if mapping.flow_style:
            return None
        for key_node, value_node in mapping.value:
            if key_node.value == key:
                first = key_node.start_mark.line
                end_mark = value_node.end_mark
                lines = self.lines
                # A block ends where the next token starts: on that token's line, after its indentation.
                at_next = end_mark.line < len(lines) and not lines[end_mark.line][:end_mark.column].strip()
                end = end_mark.line + (0 if at_next else 1)
                indent = key_node.start_mark.column
                end = min(max(end, first + 1), len(lines))
                while end - 1 > first and _belongs_to_next(lines[end - 1], indent):
                    end -= 1
                return Entry(key_node, value_node, first, end, indent)
        return None

    def scalar(self, *path: str | int) -> str | None:
        node = self.node(*path)
        return node.value if isinstance(node, yaml.ScalarNode) else None

    # -- editing ------------------------------------------------------------

    def rename_key(self, entry: Entry, new: str) -> None:
        start, end = entry.key.start_mark.index, entry.key.end_mark.index
        self.text = self.text[:start] + new + self.text[end:]
        self._parse()

    def take(self, entry: Entry) -> list[str]:
        """Remove an entry's lines and return them, unindented (the key at column 0)."""
        lines = self.lines
        block = lines[entry.first:entry.end]
        self._set_lines(lines[:entry.first] + lines[entry.end:])
        return [_dedent(line, entry.indent) for line in block]

    def put(self, mapping_path: tuple, key: str, block: list[str], at_line: int | None = None) -> None:
        """Write `block` (an entry with its key at column 0) into the block mapping at `mapping_path`, creating
        the mappings on the way; a new mapping is written at `at_line` (where the moved entry was), else at the end
        of its parent. Refuses (MigrationConflict) when the key is already there."""
        parent_path = mapping_path
        missing: list[str] = []
        while self.mapping(*parent_path) is None:
            node = self.node(*parent_path)
            if parent_path and _is_empty(node):  # `key:` with nothing under it yet
                break
            if not parent_path or node is not None:  # taken by something else
                raise MigrationConflict(f'"{".".join(map(str, parent_path)) or "(berkas)"}" bukan pemetaan (mapping)')
            missing.insert(0, parent_path[-1])
            parent_path = parent_path[:-1]
        parent = self.mapping(*parent_path)
        unit = _indent_unit(self.lines)
        if parent is None:  # an empty value: its entries go on the lines after its key
            holder = self.mapping(*parent_path[:-1])
            key_node = next(k for k, _ in holder.value if k.value == parent_path[-1])
            indent, at_line = key_node.start_mark.column + unit, key_node.start_mark.line + 1
        else:
            if not missing and _child(parent, key) is not None:
                raise MigrationConflict(f'"{".".join(map(str, mapping_path + (key,)))}" sudah ada')
            indent = _child_indent(self, parent, parent_path)
            if at_line is None or not missing:
                at_line = _end_of_mapping(self, parent)
        new_lines: list[str] = []
        for depth, name in enumerate(missing):
            new_lines.append(" " * (indent + unit * depth) + f"{name}:\n")
        inner = indent + unit * len(missing)
        new_lines += [(" " * inner + line) if line.strip() else line for line in block]
        lines = self.lines
        self._set_lines(lines[:at_line] + new_lines + lines[at_line:])

    def replace_scalar(self, node: yaml.ScalarNode, new: str, comment: str = "") -> None:
        """A scalar's text replaced (quotes included); `comment` added at the end of its line, or above the line
        when more of a flow collection follows it."""
        start, end = node.start_mark.index, node.end_mark.index
        text = self.text[:start] + new + self.text[end:]
        if comment:
            line_end = text.find("\n", start)
            line_end = len(text) if line_end < 0 else line_end
            rest = text[start + len(new):line_end]
            if not rest.strip():
                text = text[:line_end] + f"  # {comment}" + text[line_end:]
            elif rest.lstrip().startswith("#"):
                text = text[:line_end] + f"; {comment}" + text[line_end:]
            else:
                line_start = text.rfind("\n", 0, start) + 1
                pad = text[line_start:start][:len(text[line_start:start]) - len(text[line_start:start].lstrip())]
                text = text[:line_start] + f"{pad}# {comment}\n" + text[line_start:]
        self.text = text
        self._parse()

    def comment_out(self, entry: Entry, why: str) -> None:
        """Keep an entry the step cannot place as a comment, with the reason above it."""
        lines = self.lines
        pad = " " * entry.indent
        kept = [f"{pad}# builder migrate: {why}\n"]
        kept += [f"{pad}# {line[entry.indent:]}" if line.strip() else line for line in lines[entry.first:entry.end]]
        self._set_lines(lines[:entry.first] + kept + lines[entry.end:])

    def set_top_scalar(self, key: str, value: str) -> None:
        """`key: value` as the first key of the document (after its opening comments), or its value replaced."""
        root = self.root
        if isinstance(root, yaml.MappingNode):
            for key_node, value_node in root.value:
                if key_node.value == key:
                    start, end = value_node.start_mark.index, value_node.end_mark.index
                    self.text = self.text[:start] + value + self.text[end:]
                    self._parse()
                    return
        lines = self.lines
        at = 0
        while at < len(lines) and (not lines[at].strip() or lines[at].lstrip().startswith("#")
                                   or lines[at].strip() == "---"):
            at += 1
        if at == len(lines) and isinstance(root, yaml.MappingNode) and root.value:
            at = root.value[0][0].start_mark.line
        newline = "" if not lines or lines[-1].endswith("\n") or at < len(lines) else "\n"
        self._set_lines(lines[:at] + [newline + f"{key}: {value}\n"] + lines[at:])


def _child(node, part):
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key_node, value_node in node.value:
            if key_node.value == part:
                return value_node
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part]
    return None


def _is_empty(node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null") and node.value == ""


def _belongs_to_next(line: str, indent: int) -> bool:
    stripped = line.strip()
    if not stripped:
        return True
    return stripped.startswith("#") and len(line) - len(line.lstrip(" ")) <= indent


def _dedent(line: str, indent: int) -> str:
    return line[indent:] if line[:indent].strip() == "" else line.lstrip(" ")


def _indent_unit(lines: list[str]) -> int:
    """The file's indentation step (the smallest indent of a key line), 2 when nothing is indented."""
    indents = [len(line) - len(line.lstrip(" ")) for line in lines
               if line.strip() and not line.lstrip().startswith(("#", "-")) and line.startswith(" ")]
    return min(indents, default=2)


def _child_indent(doc: YamlText, mapping: yaml.MappingNode, path: tuple) -> int:
    """The column of the keys of `mapping` (a new key goes there)."""
    if mapping.value:
        return mapping.value[0][0].start_mark.column
    return 0 if not path else mapping.start_mark.column + 2


def _end_of_mapping(doc: YamlText, mapping: yaml.MappingNode) -> int:
    """The line after the last entry of a block mapping (before trailing comments at a lower indent)."""
    last_key = mapping.value[-1][0].value
    entry = doc.entry(mapping, last_key)
    return entry.end if entry else mapping.end_mark.line + 1
