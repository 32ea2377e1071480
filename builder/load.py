"""Stage 1, load: find the YAML files under data/ and parse each once.

Each file is parsed with libyaml's C parser into a node tree (kept for line
numbers in messages) and then constructed into plain Python data. PyYAML
silently keeps the last of duplicate keys; we report them instead.
"""

from __future__ import annotations

import csv
import functools
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

from .problems import Problem, excerpt

# How a file's kind follows from its place under data/.
KIND_PATTERNS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^referensi/(skala|rumus|indikator|akip)\.yaml$"), "{0}"),
    (re.compile(r"^wilayah/[a-z0-9-]+/kabupaten\.yaml$"), "kabupaten"),
    (re.compile(r"^wilayah/[a-z0-9-]+/[a-z0-9-]+/profil\.yaml$"), "profil"),
    (re.compile(r"^wilayah/[a-z0-9-]+/[a-z0-9-]+/renstra-\d{4}-\d{4}\.yaml$"), "renstra"),
    (re.compile(r"^wilayah/[a-z0-9-]+/[a-z0-9-]+/\d{4}\.yaml$"), "tahunan"),
]

# The other files the data folder holds: the licences, the Kemendagri list and its source, each kecamatan's SUMBER.md.
OTHER_FILES = re.compile(r"^(LISENSI\.md|referensi/kemendagri/(LICENSE\.md|SUMBER\.md|provinces\.csv|regencies\.csv|"
                         r"districts\.csv|villages\.csv)|wilayah/[a-z0-9-]+/[a-z0-9-]+/SUMBER\.md)$")
# A kabupaten folder may not be named like a provinsi page (site/urls.province_uri: wilayah/provinsi-<nama>), whose
# page and API file it would take over.
RESERVED_KABUPATEN = "provinsi-"

EXPECTED_LAYOUT = (
    "referensi/<skala|rumus|indikator|akip>.yaml, wilayah/<kabupaten>/kabupaten.yaml, "
    "wilayah/<kabupaten>/<kecamatan>/profil.yaml, .../renstra-<mulai>-<selesai>.yaml atau .../<tahun>.yaml "
    "(nama folder: huruf kecil, angka, tanda minus)"
)


@dataclass
class SourceFile:
    """One parsed YAML file.

    `node` (the YAML node tree, kept for line numbers in messages) and `data` are released once validation has
    written every message (`release`): a node tree is many times the size of its text.
    """

    path: Path  # absolute
    display: str  # as shown in messages, e.g. data/wilayah/paser/batu-sopang/2022.yaml
    relative: str  # relative to the data dir
    kind: str
    node: yaml.Node | None = None
    data: object = None
    problems: list[Problem] = field(default_factory=list)

    def release(self) -> None:
        """Drop the node tree and the raw data (the validated model holds what later stages need)."""
        self.node = None
        self.data = None


class _Loader(yaml.CSafeLoader):
    """Safe C loader that records duplicate mapping keys instead of dropping them,
    and reads decimal numbers as Decimals exactly as written (`1.00` keeps its two printed decimals)."""

    duplicates: list[yaml.Node]

    def construct_yaml_float(self, node):
        text = str(node.value).replace("_", "")
        if text.lstrip("+-").lower() in (".nan", ".inf") or ":" in text:
            return super().construct_yaml_float(node)  # not a number, or YAML 1.1 base 60: let pydantic refuse it
        try:
            return Decimal(text)
        except InvalidOperation:
            return super().construct_yaml_float(node)

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        if len(mapping) != len(node.value):
            seen: set = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                if key in seen:
                    self.duplicates.append(key_node)
                seen.add(key)
        return mapping


def file_kind(relative: str) -> str | None:
    for pattern, kind in KIND_PATTERNS:
        match = pattern.fullmatch(relative)
        if match:
            return kind.format(*match.groups())
    return None


def parse_text(text: str, source: SourceFile) -> None:
    """Parse `text` into source.node / source.data, recording problems."""
    loader = _Loader(text)
    loader.duplicates = []
    try:
        node = loader.get_single_node()
        if node is not None and "*" in text and shares_nodes(node):
            source.problems.append(_alias_problem(text, source))
            return
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        source.problems.append(
            Problem(
                source.display,
                mark.line + 1 if mark else None,
                mark.column + 1 if mark else None,
                "",
                "YAML tidak dapat dibaca: " + _explain_yaml_error(error),
            )
        )
        return
    except yaml.YAMLError as error:  # e.g. invalid characters without a mark
        source.problems.append(Problem(source.display, None, None, "", f"YAML tidak dapat dibaca: {error}"))
        return
    finally:
        loader.dispose()
    for key_node in loader.duplicates:
        source.problems.append(
            Problem(
                source.display,
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
                str(key_node.value),
                f'kunci "{key_node.value}" ditulis dua kali dalam satu bagian; '
                "YAML hanya memakai yang terakhir, jadi hapus atau gabungkan salah satunya",
            )
        )
    source.node = node
    source.data = data


def shares_nodes(root: yaml.Node) -> bool:
    """Whether a node appears twice in the tree: what an alias (*nama) does. Aliases are refused: no report needs
    one, and a few lines of them expand to millions of values (a 7,7 KB file to 810.000 budget lines). The walk
    visits each node once, so a file of aliases costs its own size here, never its expansion."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack += (key, value)
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
    return False


def _alias_problem(text: str, source: SourceFile) -> Problem:
    """The refusal of a file with aliases, at its first alias (found again by libyaml's event parser)."""
    mark = None
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, yaml.AliasEvent):
                mark, name = event.start_mark, event.anchor
                break
    except yaml.YAMLError:
        pass
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    what = f"*{excerpt(name)}" if mark else "*"
    return Problem(source.display, line, column, "", f"alias YAML ({what}) tidak diizinkan di berkas data: tulis "
                   "nilainya sendiri di setiap tempat (&nama dan *nama menyalin isi lain, dan tidak ada laporan yang "
                   "memerlukannya)")


_YAML_HINTS = {
    "mapping values are not allowed": "ada titik dua (:) di tempat yang tidak semestinya; "
    "beri tanda kutip pada teks yang memuat ': '",
    "could not find expected ':'": "baris ini tidak berbentuk 'kunci: nilai'",
    "found character '\\t' that cannot start any token": "ada karakter TAB; pakai spasi untuk indentasi",
    "found character that cannot start any token": "ada karakter yang tidak boleh di sini (sering TAB); pakai spasi "
    "untuk indentasi",
    "could not determine a constructor for the tag": "tag YAML (!…) tidak dikenal atau tidak diizinkan; hapus tag itu",
    "did not find expected key": "indentasi tidak sejajar dengan baris di atasnya",
    "did not find expected '-' indicator": "indentasi daftar (-) tidak sejajar",
    "found undefined alias": "alias (*) tidak dikenal",
    "found unexpected end of stream": "tanda kutip atau kurung tidak ditutup",
    "while scanning a quoted scalar": "tanda kutip tidak ditutup",
}


def _explain_yaml_error(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or str(error)
    for english, indonesian in _YAML_HINTS.items():
        if english in problem or english in (error.context or ""):
            return f"{indonesian} ({excerpt(problem)})"
    return f"susunan YAML tidak sah ({excerpt(problem)})"


MAX_BYTES = 2_000_000  # bytes of one data file; the largest real one (a year file) has about 92 KB
MAX_DEPTH = 100  # nesting levels; the data needs about 12, and libyaml's recursion crashes the process near 50,000


def nesting_depth(text: str) -> int:
    """The deepest bracket nesting of flow collections ([ {), outside quoted text: checked before parsing,
    because libyaml recurses once per level and a deep enough file kills the process instead of raising."""
    indents = {len(line) - len(line.lstrip(" ")) for line in text.splitlines() if line.strip()}
    if text.count("[") + text.count("{") <= MAX_DEPTH:  # cannot nest deeper than it opens: skip the slow scan
        return len(indents)
    depth = deepest = 0
    quote = ""
    for char in text:
        if quote:
            if char == quote or char == "\n":
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
    return max(deepest, len(indents))


def load_file(path: Path, data_dir: Path, display_root: Path) -> SourceFile:
    relative = path.relative_to(data_dir).as_posix()
    try:
        display = path.relative_to(display_root).as_posix()
    except ValueError:
        display = path.as_posix()
    kind = file_kind(relative)
    source = SourceFile(path=path, display=display, relative=relative, kind=kind or "")
    if kind is None:
        source.problems.append(
            Problem(display, None, None, "", f"berkas tidak dikenal di tempat ini; susunan yang diharapkan: {EXPECTED_LAYOUT}")
        )
        return source
    if path.stat().st_size > MAX_BYTES:
        source.problems.append(Problem(display, None, None, "", f"berkas terlalu besar ({path.stat().st_size:,} byte; "
                                       f"paling besar {MAX_BYTES:,}); pecah atau periksa isinya".replace(",", ".")))
        return source
    try:
        text = path.read_text(encoding="utf-8-sig")  # a byte-order mark from Windows editors is fine
    except UnicodeDecodeError as error:
        source.problems.append(
            Problem(display, None, None, "", f"berkas bukan teks UTF-8 (byte ke-{error.start}); simpan ulang sebagai UTF-8")
        )
        return source
    depth = nesting_depth(text)
    if depth > MAX_DEPTH:
        source.problems.append(Problem(display, None, None, "", f"susunan bersarang terlalu dalam ({depth} tingkat; "
                                       f"paling banyak {MAX_DEPTH}); data kecamatan tidak pernah sedalam ini"))
        return source
    parse_text(text, source)
    return source


def discover(data_dir: Path, scope: tuple[str, ...] = ()) -> tuple[list[Path], list[Problem]]:
    """Every YAML file under data_dir in a stable order, and the entries refused on the way; with a scope (see
    in_scope) only those folders are walked, so that reading one kabupaten costs what its folder costs.

    Symbolic links are refused (they could read files outside the repository), and so is a YAML file
    whose extension is not the lower-case `.yaml` the layout expects (it would be skipped silently), a kabupaten
    folder with a reserved name, and any other file the layout has no place for (OTHER_FILES): such a file does
    nothing here but can act elsewhere (a .gitattributes hides files from `git archive`).
    """
    found: list[Path] = []
    refused: list[Problem] = []
    display_root = data_dir.parent
    for folder, dirs, files in os.walk(data_dir, followlinks=False):
        base = Path(folder)
        if scope:
            dirs[:] = [d for d in dirs if in_scope((base / d / "x").relative_to(data_dir).as_posix(), scope)]
        for name in sorted(dirs + files):
            path = base / name
            shown = path.relative_to(display_root).as_posix()
            if path.is_symlink():
                refused.append(Problem(shown, None, None, "", "tautan simbolik (symlink) tidak diizinkan di folder data; "
                                       "salin berkasnya ke sini"))
                if name in dirs:
                    dirs.remove(name)
            elif name in dirs:
                if base == data_dir / "wilayah" and name.startswith(RESERVED_KABUPATEN):
                    refused.append(Problem(shown, None, None, "", f'nama folder kabupaten tidak boleh diawali '
                                           f'"{RESERVED_KABUPATEN}": alamat itu milik halaman provinsi di situs; pakai '
                                           "nama kabupaten atau kota-nya saja, mis. bengkalis atau kota-dumai"))
                    dirs.remove(name)
            elif path.suffix.lower() in (".yaml", ".yml"):
                if path.suffix != ".yaml":
                    refused.append(Problem(shown, None, None, "", f'akhiran berkas harus ".yaml" (huruf kecil), bukan '
                                           f'"{path.suffix}"; ganti nama berkasnya'))
                else:
                    found.append(path)
            elif not OTHER_FILES.fullmatch(path.relative_to(data_dir).as_posix()):
                refused.append(Problem(shown, None, None, "", "berkas ini tidak termasuk susunan folder data; pindahkan "
                                       f"ke luar folder data atau hapus. Susunan yang diharapkan: {EXPECTED_LAYOUT}, "
                                       "serta SUMBER.md di folder kecamatan"))
    return sorted(found), refused


def in_scope(relative: str, scope: tuple[str, ...]) -> bool:
    """Whether a data file (path relative to data/) belongs to a preview limited to some kabupaten folders or
    kabupaten/kecamatan folders; the reference files always do, and so does the kabupaten.yaml of a kecamatan."""
    parts = relative.split("/")
    if not scope or parts[0] != "wilayah" or len(parts) < 3:
        return True
    for entry in scope:
        wanted = entry.strip("/").split("/")
        if parts[1] == wanted[0] and (len(wanted) == 1 or len(parts) == 3 or parts[2] == wanted[1]):
            return True
    return False


def load_all(data_dir: Path, scope: tuple[str, ...] = ()) -> tuple[list[SourceFile], list[Problem]]:
    """Every data file parsed (with its own problems), and the problems of entries that are not read at all.
    With a scope (see in_scope), only those folders' files are read: a preview that costs what they cost."""
    data_dir = data_dir.resolve()
    paths, refused = discover(data_dir, scope)
    paths = [p for p in paths if in_scope(p.relative_to(data_dir).as_posix(), scope)]
    return [load_file(path, data_dir, data_dir.parent) for path in paths], refused


def locate(node: yaml.Node | None, loc: tuple) -> tuple[int | None, int | None]:
    """Line and column (1-based) of the YAML node at a pydantic error location.

    Walks as deep as the location goes; a missing key reports its parent.
    """
    if node is None:
        return None, None
    current = node
    for part in loc:
        child = None
        if isinstance(current, yaml.MappingNode):
            for key_node, value_node in current.value:
                if str(key_node.value) == str(part):
                    child = value_node
                    break
        elif isinstance(current, yaml.SequenceNode) and isinstance(part, int) and part < len(current.value):
            child = current.value[part]
        if child is None:
            continue  # union/type tags in loc, or a missing key: stay at the parent
        current = child
    return current.start_mark.line + 1, current.start_mark.column + 1


_Loader.add_constructor("tag:yaml.org,2002:float", _Loader.construct_yaml_float)


REGION_SOURCE = "idn-area-data 4.0.1"
REGION_FILES = {"provinsi": "provinces.csv", "kabupaten": "regencies.csv", "kecamatan": "districts.csv",
                "desa": "villages.csv"}


def load_regions(data_dir: Path) -> dict[str, dict[str, str]] | None:
    """The Kemendagri codes and names (data/referensi/kemendagri/, from idn-area-data): level -> {code: name}.

    None when the folder is absent (a data set may do without; nothing is then checked against it). Read once
    per version of the files: a build validates one kabupaten at a time and each part needs the list. Treat the
    result as read-only.
    """
    folder = data_dir / "referensi" / "kemendagri"
    if not folder.is_dir():
        return None
    paths = tuple(folder / name for name in REGION_FILES.values())
    return _regions(folder, tuple(p.stat().st_mtime_ns if p.is_file() else None for p in paths))


@functools.lru_cache(maxsize=4)
def _regions(folder: Path, versions: tuple) -> dict[str, dict[str, str]]:
    # A level whose file is missing (an older revision of the data, read for the history) is just empty.
    return {level: _read_names(folder / name) if version is not None else {}
            for (level, name), version in zip(REGION_FILES.items(), versions)}


def _read_names(path: Path) -> dict[str, str]:
    """{code: name} of one CSV; csv.reader rather than DictReader: villages.csv has 83,762 rows."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        header = next(rows)
        code, name = header.index("code"), header.index("name")
        return {row[code]: row[name] for row in rows}
