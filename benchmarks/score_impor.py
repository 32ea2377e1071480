"""Score a drafted kecamatan folder (what `python -m builder impor` writes) against the hand-made one.

Usage:
  python benchmarks/score_impor.py HAND_FOLDER DRAFT_FOLDER --laporan REPORT_TEXT_FILE
  python benchmarks/score_impor.py --semua [--format txt|docx|pdf ...]

A *figure* is every number in a data file (target, realisasi, pagu, NRR, IKS ...) and every rating code or word
(predikat, mutu, status, a categorical target such as "BB"). Figures are compared by a semantic key, so that a draft
whose ids differ from the hand-made ones still matches: an indicator or sasaran by its name (looked up in the
folder's Renstra, matched with difflib), a budget line by its kode (when both have one) or its name path, an IKM
unsur, a desa, a budget type by name, a `dinyatakan` entry by the table number in its `sumber.tabel`, a year by
its file name.

Per table kind: identical (same key, same value), different (same key, other value: wrong), missing (in the hand
data, not in the draft), extra (in the draft only: not necessarily wrong). And the "never invent" check: every
number in the draft must be printed somewhere in the report text.

`--semua` drafts each of the three seed reports into a temporary data folder (with `data/referensi` only) and
scores it against the hand-made folder; a failed import is reported and the next seed scored.
"""

from __future__ import annotations

import argparse
import difflib
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Iterable, Optional, Union

import yaml

ROOT = Path(__file__).resolve().parent.parent

Value = Union[Decimal, str]

# --------------------------------------------------------------------------
# What is a figure, and which table kind it belongs to
# --------------------------------------------------------------------------

TABLE_KINDS = (
    "renstra", "pengukuran", "dinyatakan", "anggaran", "belanja", "anggaran per kinerja",
    "ikm", "idm", "akip", "pegawai", "lain",
)

# Fields whose values are never figures: the format version, years, page numbers, list numbers.
SKIPPED_FIELDS = {
    "versi_format", "tahun", "tahun_data", "halaman", "berlaku_mulai", "periode", "nomor", "misi_terkait",
    "tanggal", "sebagian",
}
RATING_FIELDS = {"predikat", "mutu", "status"}  # any word counts: "BB", "Sangat Baik", "MANDIRI"
CATEGORICAL_FIELDS = {"target", "target_perubahan", "realisasi", "target_renstra", "target_akhir", "nilai", "kinerja"}
CATEGORY_CODE = re.compile(r"[A-Z]{1,3}")  # as the model's NilaiKinerja: a code such as BB, A

# Lists whose elements add no level to a key: a Renstra indicator is known by its name, not by its tujuan/sasaran.
RENSTRA_TRANSPARENT_LISTS = {"tujuan", "sasaran"}
BUDGET_CHILDREN = ("kegiatan", "sub_kegiatan", "rincian")
RENSTRA_PROGRAM_CHILDREN = ("anak",)
# The field that names a list element, in order of preference, when no rule below applies.
LABEL_FIELDS = ("nama", "jenis", "kategori", "komponen", "unit", "pembanding", "id", "temuan")


def table_kind(file_kind: str, fields: tuple[str, ...]) -> str:
    """The table kind of a figure, from its file kind and the field names on its path."""
    if file_kind == "renstra":
        in_indicator = fields[0] in ("tujuan", "revisi") and "indikator" in fields
        return "renstra" if in_indicator else "lain"
    if file_kind != "tahun" or not fields:
        return "lain"
    head, rest = fields[0], fields[1:]
    if head == "kinerja":
        if "dinyatakan" in rest:
            return "dinyatakan"
        if rest in (("target",), ("target_perubahan",), ("realisasi",)):
            return "pengukuran"
        return "lain"
    if head == "anggaran" and rest:
        if rest[0] == "program":
            return "lain" if "keluaran" in rest else "anggaran"
        by_section = {"dinyatakan": "anggaran", "belanja": "belanja", "per_kinerja": "anggaran per kinerja"}
        return by_section.get(rest[0], "lain")
    if head in ("ikm", "idm", "akip", "pegawai"):
        return head
    return "lain"


def figure_value(fields: tuple[str, ...], value: object) -> Optional[Value]:
    """The value as a figure (a Decimal, or a rating code/word), or None when it is not one."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if not isinstance(value, str) or not value.strip():
        return None
    name = fields[-1] if fields else ""
    in_year_targets = len(fields) >= 2 and fields[-2] == "target" and name.isdigit()  # renstra target: {2023: BB}
    if name in RATING_FIELDS:
        return value.strip()
    if (name in CATEGORICAL_FIELDS or in_year_targets) and CATEGORY_CODE.fullmatch(value.strip()):
        return value.strip()
    return None


def same_value(a: Value, b: Value) -> bool:
    """Numbers by value (87 == 87.00); words without regard to case and spacing."""
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return a == b
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
    return False


def plain(value: Value) -> str:
    """A value as printed by this script: numbers in plain form (no exponent)."""
    return format(value, "f") if isinstance(value, Decimal) else str(value)


# --------------------------------------------------------------------------
# Reading a kecamatan folder
# --------------------------------------------------------------------------


class _DecimalLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe loader that reads decimal numbers as Decimals exactly as written."""


def _construct_decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    text = str(node.value).replace("_", "")
    try:
        return Decimal(text)
    except InvalidOperation:  # .nan, .inf, base 60: not a figure any data file holds
        return text


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)


@dataclass
class DataFile:
    """One YAML file of a kecamatan folder."""

    stem: str  # "2023", "renstra-2021-2026", "profil": the first part of every key
    kind: str  # tahun, renstra or profil
    data: dict


def file_kind(path: Path) -> Optional[str]:
    if re.fullmatch(r"\d{4}", path.stem):
        return "tahun"
    if re.fullmatch(r"renstra-\d{4}-\d{4}", path.stem):
        return "renstra"
    if path.stem == "profil":
        return "profil"
    return None


def load_folder(folder: Path) -> dict[str, DataFile]:
    """The folder's data files by stem; a file that cannot be read counts as absent (its figures are missing)."""
    files = {}
    for path in sorted(Path(folder).glob("*.yaml")):
        kind = file_kind(path)
        if kind is None:
            continue
        try:
            data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_DecimalLoader)
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            print(f"peringatan: {path} tidak dapat dibaca: {error}", file=sys.stderr)
            continue
        if isinstance(data, dict):
            files[path.stem] = DataFile(path.stem, kind, data)
    return files


# --------------------------------------------------------------------------
# Semantic keys: names instead of ids
# --------------------------------------------------------------------------

NAME_MATCH_RATIO = 0.85


def normalise(name: object) -> str:
    """Lower case, punctuation replaced by spaces, single spaces."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", str(name).lower()).split())


def renstra_names(files: dict[str, DataFile], list_field: str) -> dict[str, list[str]]:
    """Every id of an indicator (`list_field` "indikator") or sasaran in the folder's Renstra files, original and
    revised, with its normalised names in order of appearance."""
    names: dict[str, list[str]] = {}

    def visit(node: object, parent_field: str) -> None:
        if isinstance(node, dict):
            if parent_field == list_field and isinstance(node.get("id"), str) and "nama" in node:
                names.setdefault(node["id"], [])
                if normalise(node["nama"]) not in names[node["id"]]:
                    names[node["id"]].append(normalise(node["nama"]))
            for key, value in node.items():
                visit(value, str(key))
        elif isinstance(node, list):
            for item in node:
                visit(item, parent_field)

    for data_file in files.values():
        if data_file.kind == "renstra":
            for key in ("tujuan", "revisi"):
                visit(data_file.data.get(key), key)
    return names


def name_ratio(a: str, b: str) -> float:
    """difflib's ratio; a name of three words or more whose words all appear in the other name counts as
    NAME_MATCH_RATIO (the report prints "Indeks Kepuasan Masyarakat" in one table, "... (nilai IKM)" in another)."""
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    shorter, longer = sorted((a.split(), b.split()), key=len)
    if len(shorter) >= 3 and set(shorter) <= set(longer):
        return max(ratio, NAME_MATCH_RATIO)
    return ratio


def best_ratio(names_a: list[str], names_b: list[str]) -> float:
    return max((name_ratio(a, b) for a in names_a for b in names_b), default=0.0)


def match_ids(hand: dict[str, list[str]], draft: dict[str, list[str]]) -> dict[str, str]:
    """draft id -> hand id: pairs of names with difflib ratio >= 0.85, best first, one to one."""
    pairs = []
    for h_order, (hand_id, hand_names) in enumerate(hand.items()):
        for d_order, (draft_id, draft_names) in enumerate(draft.items()):
            ratio = best_ratio(hand_names, draft_names)
            if ratio >= NAME_MATCH_RATIO:
                pairs.append((-ratio, h_order, d_order, hand_id, draft_id))
    matched: dict[str, str] = {}
    for _, _, _, hand_id, draft_id in sorted(pairs):
        if draft_id not in matched and hand_id not in matched.values():
            matched[draft_id] = hand_id
    return matched


@dataclass(frozen=True)
class Labels:
    """How one folder's ids read in keys: an indicator or a sasaran by the hand-made folder's name for it."""

    indikator: dict[str, str]
    sasaran: dict[str, str]

    @staticmethod
    def of_id(labels: dict[str, str], id_: object) -> str:
        return labels.get(str(id_), f"id {id_}")


def label_maps(hand: dict[str, list[str]], draft: dict[str, list[str]]) -> tuple[dict[str, str], dict[str, str]]:
    """(hand id -> label, draft id -> label): the hand name of the indicator; a draft id that matches no hand
    name keeps its own name, marked with "?"."""
    hand_labels = {id_: names[0] for id_, names in hand.items()}
    matched = match_ids(hand, draft)
    draft_labels = {
        id_: hand_labels[matched[id_]] if id_ in matched else f"? {names[0]}" for id_, names in draft.items()
    }
    return hand_labels, draft_labels


def matching_line(line: dict, candidates: list[dict]) -> Optional[dict]:
    """The hand line a draft budget line stands for: by kode when both have one (the same name first, when a
    printed numbering repeats a kode), else by normalised name."""
    code = str(line["kode"]) if line.get("kode") else None
    name = normalise(line.get("nama", ""))
    if code:
        same_code = [hand for hand in candidates if str(hand.get("kode") or "") == code]
        same_name = [hand for hand in same_code if normalise(hand.get("nama", "")) == name]
        if same_code:
            return (same_name or same_code)[0]
    for hand in candidates:
        if normalise(hand.get("nama", "")) == name and not (code and hand.get("kode")):
            return hand
    return None


def adopt_hand_names(hand_lines: object, draft_lines: object, children: tuple[str, ...]) -> None:
    """Budget lines are keyed by their name path. A draft line matched to a hand line by kode takes the hand
    line's name, so that the two share a key whatever their printed names; a coded draft line that matches no
    hand line is marked with its kode, so that a hand line of the same name but another kode never matches it.
    Matched draft lines are put in the hand order (repeated names are numbered in order), and the same is done
    one level down."""
    if not isinstance(hand_lines, list) or not isinstance(draft_lines, list):
        return
    unused = [line for line in hand_lines if isinstance(line, dict)]
    position: dict[int, int] = {}  # id(draft line) -> index of its hand line
    for line in draft_lines:
        if not isinstance(line, dict):
            continue
        hand = matching_line(line, unused)
        if hand is None:
            if line.get("kode"):
                line["nama"] = f"{line.get('nama', '')} (kode {line['kode']})"
            continue
        unused = [other for other in unused if other is not hand]
        position[id(line)] = next(i for i, other in enumerate(hand_lines) if other is hand)
        line["nama"] = hand.get("nama", line.get("nama"))
        for child in children:
            adopt_hand_names(hand.get(child), line.get(child), children)
    draft_lines.sort(key=lambda line: position.get(id(line), len(hand_lines)))


def align_budget_names(hand: dict[str, DataFile], draft: dict[str, DataFile]) -> None:
    """adopt_hand_names for every budget tree of the draft whose file the hand-made folder has too."""
    for stem, draft_file in draft.items():
        hand_file = hand.get(stem)
        if hand_file is None:
            continue
        if draft_file.kind == "tahun":
            hand_budget = hand_file.data.get("anggaran") or {}
            draft_budget = draft_file.data.get("anggaran") or {}
            if isinstance(hand_budget, dict) and isinstance(draft_budget, dict):
                adopt_hand_names(hand_budget.get("program"), draft_budget.get("program"), BUDGET_CHILDREN)
        if draft_file.kind == "renstra":
            adopt_hand_names(hand_file.data.get("program"), draft_file.data.get("program"), RENSTRA_PROGRAM_CHILDREN)


# --------------------------------------------------------------------------
# Flattening a folder into figures
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    kind: str  # table kind
    key: tuple[str, ...]  # ("2023", "kinerja[indeks kepuasan masyarakat]", "dinyatakan[3.4]", "realisasi")
    value: Value

    @property
    def where(self) -> str:
        return " > ".join(self.key)


def table_number(sumber: object) -> str:
    """"Tabel 3.4 (Capaian ...)" -> "3.4"; a text without a numbered table ("Bab III C (teks)"), normalised."""
    text = str(sumber.get("tabel", "")) if isinstance(sumber, dict) else ""
    if re.search(r"\(teks\)|\bteks\b", text, re.I):
        return "teks"  # running text: hand and draft name its paragraphs differently; the figures tell them apart
    number = re.search(r"\d+(?:\.\d+)+", text)
    return number.group(0) if number else normalise(text) or "tanpa sumber"


def element_label(list_field: str, element: object, file_kind: str, labels: Labels, index: int) -> str:
    """What identifies one element of a list, whatever its position and id."""
    if not isinstance(element, dict):
        return str(index)
    if list_field == "kinerja" or (list_field == "indikator" and file_kind == "renstra"):
        return Labels.of_id(labels.indikator, element.get("indikator") or element.get("id"))
    if list_field == "sasaran" and file_kind == "tahun":
        return Labels.of_id(labels.sasaran, element.get("sasaran"))
    if list_field == "dinyatakan":
        return table_number(element.get("sumber"))
    if list_field == "revisi":
        return f"revisi {element.get('berlaku_mulai')}"
    if list_field == "per_kinerja":
        parts = []
        if element.get("sasaran"):
            parts.append("sasaran " + Labels.of_id(labels.sasaran, element["sasaran"]))
        if element.get("indikator"):
            parts.append("indikator " + Labels.of_id(labels.indikator, element["indikator"]))
        if element.get("program"):
            parts.append("program " + normalise(element["program"]))
        return "; ".join(parts) or str(index)
    if list_field == "perjanjian_kinerja_unit":  # a unit is who signs: its printed title varies from page to page
        signer = element.get("pihak_pertama") if isinstance(element.get("pihak_pertama"), dict) else {}
        nip = re.sub(r"\D", "", str(signer.get("nip") or ""))
        if nip:
            return f"nip {nip}"
    if list_field == "klaim":  # a sentence is known by what it states (its quote is cut differently by hand)
        stated = [f"{k.removeprefix('jumlah_')}={v}" for k, v in element.items()
                  if k.startswith("jumlah_") or k == "seluruhnya_tercapai"]
        return "klaim " + " ".join(sorted(stated))
    if list_field == "karakteristik":
        return f"{normalise(element.get('kelompok', ''))} / {normalise(element.get('kategori', ''))}"
    if list_field == "baris":
        parts = (element.get(name) for name in ("sasaran", "indikator", "program", "kegiatan", "sub_kegiatan"))
        return " / ".join(normalise(part) for part in parts if part) or str(index)
    for name in LABEL_FIELDS:
        if element.get(name):
            return normalise(element[name])
    return str(index)


def unique_labels(labels: list[str]) -> list[str]:
    """The second and later elements with the same label get "#2", "#3" ..., in order."""
    seen: dict[str, int] = {}
    result = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        result.append(label if seen[label] == 1 else f"{label} #{seen[label]}")
    return result


def file_figures(data_file: DataFile, labels: Labels) -> dict[tuple[str, ...], Figure]:
    """Every figure of one data file, by key."""
    figures: dict[tuple[str, ...], Figure] = {}

    def add(figure: Figure) -> None:
        """A second figure with the same key (two `dinyatakan` entries of one table with the same field) gets
        "#2" on its last segment, a third "#3" ..."""
        key, number = figure.key, 1
        while key in figures:
            number += 1
            key = figure.key[:-1] + (f"{figure.key[-1]} #{number}",)
        figures[key] = Figure(figure.kind, key, figure.value)

    def walk(node: object, key: tuple[str, ...], fields: tuple[str, ...]) -> None:
        if isinstance(node, dict):
            for name, value in node.items():
                name = str(name)
                if name in SKIPPED_FIELDS:
                    continue
                if isinstance(value, list):
                    walk_list(name, value, key, fields + (name,))
                else:
                    walk(value, key + (name,), fields + (name,))
            return
        value = figure_value(fields, node)
        if value is not None:
            add(Figure(table_kind(data_file.kind, fields), key, value))

    def walk_list(name: str, items: list, key: tuple[str, ...], fields: tuple[str, ...]) -> None:
        transparent = data_file.kind == "renstra" and name in RENSTRA_TRANSPARENT_LISTS
        raw = [element_label(name, item, data_file.kind, labels, index) for index, item in enumerate(items)]
        # The `dinyatakan` entries of one table are one entry: keyed by table and field, however they are split.
        element_labels = raw if name == "dinyatakan" else unique_labels(raw)
        for label, item in zip(element_labels, items):
            walk(item, key if transparent else key + (f"{name}[{label}]",), fields)

    walk(data_file.data, (data_file.stem,), ())
    return figures


def folder_figures(files: dict[str, DataFile], labels: Labels) -> dict[tuple[str, ...], Figure]:
    figures: dict[tuple[str, ...], Figure] = {}
    for data_file in files.values():
        figures.update(file_figures(data_file, labels))
    return figures


# --------------------------------------------------------------------------
# The "never invent" check: every drafted number is printed in the report
# --------------------------------------------------------------------------

NUMBER_TOKEN = re.compile(r"\d+(?:[.,]\d+)*")
INDONESIAN = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")  # 1.234.567,89  89,81  103
ENGLISH = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")  # 1,234,567.89  89.81  103


def token_values(token: str) -> set[Decimal]:
    """The numbers a printed token can mean: Indonesian (thousands dot, decimal comma) or English style."""
    values = set()
    if INDONESIAN.fullmatch(token):
        values.add(Decimal(token.replace(".", "").replace(",", ".")))
    if ENGLISH.fullmatch(token):
        values.add(Decimal(token.replace(",", "")))
    return values


def printed_numbers(text: str) -> set[Decimal]:
    """Every number printed in the text, by value: "87,50" gives 87.5 (so a trailing zero is allowed),
    "10.374.789.534" and "10374789534" give 10374789534."""
    numbers: set[Decimal] = set()
    for token in NUMBER_TOKEN.findall(text):
        numbers |= token_values(token)
    return numbers


def is_printed(value: Decimal, printed: set[Decimal]) -> bool:
    return abs(value) in printed


# --------------------------------------------------------------------------
# Comparing two folders
# --------------------------------------------------------------------------

IDENTICAL, DIFFERENT, MISSING, EXTRA = "sama", "beda", "hilang", "tambahan"


@dataclass(frozen=True)
class Result:
    """One key compared: its status and the two values (None where absent)."""

    kind: str
    key: tuple[str, ...]
    status: str
    hand: Optional[Value]
    draft: Optional[Value]

    @property
    def where(self) -> str:
        return " > ".join(self.key)


@dataclass
class KindCount:
    identical: int = 0
    different: int = 0
    missing: int = 0
    extra: int = 0

    @property
    def hand(self) -> int:
        return self.identical + self.different + self.missing

    @property
    def percent(self) -> float:
        return 100.0 * self.identical / self.hand if self.hand else 0.0

    def add(self, status: str) -> None:
        attribute = {IDENTICAL: "identical", DIFFERENT: "different", MISSING: "missing", EXTRA: "extra"}[status]
        setattr(self, attribute, getattr(self, attribute) + 1)


@dataclass
class Score:
    results: list[Result]
    draft_numbers: int  # numbers in the draft (the "never invent" check looks at each)
    invented: list[Figure]  # drafted numbers not printed in the report
    counts: dict[str, KindCount] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for kind in TABLE_KINDS:
            self.counts.setdefault(kind, KindCount())
        for result in self.results:
            self.counts.setdefault(result.kind, KindCount()).add(result.status)

    @property
    def total(self) -> KindCount:
        total = KindCount()
        for count in self.counts.values():
            total.identical += count.identical
            total.different += count.different
            total.missing += count.missing
            total.extra += count.extra
        return total

    def with_status(self, status: str) -> list[Result]:
        return [result for result in self.results if result.status == status]


def compare(hand: dict[tuple[str, ...], Figure], draft: dict[tuple[str, ...], Figure]) -> list[Result]:
    results = []
    for key, figure in hand.items():
        other = draft.get(key)
        if other is None:
            results.append(Result(figure.kind, key, MISSING, figure.value, None))
        else:
            status = IDENTICAL if same_value(figure.value, other.value) else DIFFERENT
            results.append(Result(figure.kind, key, status, figure.value, other.value))
    for key, figure in draft.items():
        if key not in hand:
            results.append(Result(figure.kind, key, EXTRA, None, figure.value))
    return results


def score(hand_folder: Path, draft_folder: Path, report_text: str) -> Score:
    """Compare the draft folder with the hand-made one, figure by figure, and check that every drafted number is
    printed in the report text."""
    # Load inputs.
    hand_files = load_folder(Path(hand_folder))
    draft_files = load_folder(Path(draft_folder))
    # Process data: ids to names, budget lines by kode, then flatten and compare.
    hand_ind, draft_ind = label_maps(renstra_names(hand_files, "indikator"), renstra_names(draft_files, "indikator"))
    hand_sas, draft_sas = label_maps(renstra_names(hand_files, "sasaran"), renstra_names(draft_files, "sasaran"))
    align_budget_names(hand_files, draft_files)
    hand_figures = folder_figures(hand_files, Labels(hand_ind, hand_sas))
    draft_figures = folder_figures(draft_files, Labels(draft_ind, draft_sas))
    printed = printed_numbers(report_text)
    numbers = [figure for figure in draft_figures.values() if isinstance(figure.value, Decimal)]
    invented = [figure for figure in numbers if not is_printed(figure.value, printed)]
    return Score(compare(hand_figures, draft_figures), len(numbers), invented)


# --------------------------------------------------------------------------
# Printing
# --------------------------------------------------------------------------

HEADER = ("jenis tabel", "angka tangan", "sama", "beda", "hilang", "tambahan", "% sama")


def count_row(name: str, count: KindCount) -> tuple[str, ...]:
    return (name, str(count.hand), str(count.identical), str(count.different), str(count.missing),
            str(count.extra), f"{count.percent:.1f}")


def format_table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    def line(row: tuple[str, ...]) -> str:
        return "  ".join(cell.ljust(widths[0]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row))
    return "\n".join([line(header), "  ".join("-" * width for width in widths), *(line(row) for row in rows)])


def report(result: Score, details: int = 20) -> str:
    rows = [count_row(kind, count) for kind, count in result.counts.items() if count.hand or count.extra]
    rows.append(count_row("jumlah", result.total))
    lines = [format_table(rows, HEADER), ""]
    lines.append(f"Angka draf yang tidak tercetak di laporan (dikarang): {len(result.invented)} dari "
                 f"{result.draft_numbers} angka draf")
    lines += [f"  {figure.where}: {plain(figure.value)}" for figure in result.invented[:details]]
    sections = ((DIFFERENT, "Beda (tangan -> draf)"), (MISSING, "Hilang (ada di data tangan, tidak di draf)"),
                (EXTRA, "Tambahan (hanya di draf)"))
    for status, title in sections:
        found = result.with_status(status)
        if not found:
            continue
        lines += ["", f"{title}: {len(found)}" + (f", {details} pertama" if len(found) > details else "")]
        for item in found[:details]:
            values = {DIFFERENT: f"{plain(item.hand)} -> {plain(item.draft)}", MISSING: plain(item.hand),
                      EXTRA: plain(item.draft)}[status]
            lines.append(f"  [{item.kind}] {item.where}: {values}")
    return "\n".join(lines)


# --------------------------------------------------------------------------
# --semua: draft each seed report and score it
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Seed:
    report: str  # file name of the text
    kecamatan: str  # kabupaten/kecamatan

    @property
    def hand_folder(self) -> Path:
        return ROOT / "data" / "wilayah" / self.kecamatan

    @property
    def text_path(self) -> Path:
        for folder in (ROOT / "tests" / "fixtures" / "laporan", ROOT.parent / "shared" / "seeds"):
            if (folder / self.report).is_file():
                return folder / self.report
        return ROOT / "tests" / "fixtures" / "laporan" / self.report


SEEDS = (
    Seed("000_f5c815a18d890b49.txt", "bengkalis/rupat-utara"),
    Seed("002_5be07e9b1610b382.txt", "paser/batu-sopang"),
    Seed("004_e634fa74d24abf76.txt", "batu-bara/lima-puluh-pesisir"),
)
IMPORT_TIMEOUT = 900  # seconds per import


def make_document(text_path: Path, form: str, out_dir: Path) -> Path:
    """The report in the given form: the text itself, or a DOCX / PDF made by tests/documents.py.
    Raises RuntimeError when that form cannot be made here."""
    if form == "txt":
        return text_path
    try:
        sys.path.insert(0, str(ROOT))
        from tests.documents import make_docx, make_pdf
    except Exception as error:  # python-docx missing, or the test helpers changed
        raise RuntimeError(f"tests/documents.py tidak dapat dipakai: {error}") from error
    docx_path = make_docx(text_path, out_dir / (text_path.stem + ".docx"))
    if form == "docx":
        return docx_path
    if shutil.which("soffice") is None:
        raise RuntimeError("soffice (LibreOffice) tidak terpasang")
    return make_pdf(docx_path, out_dir)


def excerpt(text: str, limit: int = 400) -> str:
    text = " ".join(text.strip().splitlines()[-6:])
    return text if len(text) <= limit else "..." + text[-limit:]


def run_import(document: Path, kecamatan: str, tmp: Path) -> tuple[Optional[Path], str]:
    """Run the importer on a fresh data folder holding data/referensi only: (drafted folder, "") or (None, why)."""
    data = tmp / "data"
    shutil.copytree(ROOT / "data" / "referensi", data / "referensi")
    command = [sys.executable, "-m", "builder", "--data", str(data), "impor", str(document), "--kecamatan", kecamatan]
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=IMPORT_TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, f"lebih dari {IMPORT_TIMEOUT} detik"
    if done.returncode != 0:
        return None, excerpt(done.stderr or done.stdout) or f"kode keluar {done.returncode}"
    folder = data / "wilayah" / kecamatan
    if not folder.is_dir():
        return None, f"folder {folder.relative_to(tmp)} tidak ditulis"
    return folder, ""


def run_all(forms: list[str], details: int) -> int:
    totals: list[tuple[str, ...]] = []
    for seed in SEEDS:
        text = seed.text_path.read_text(encoding="utf-8")
        for form in forms:
            title = f"{seed.report} ({form}) -> {seed.kecamatan}"
            print(f"\n=== {title} ===")
            with tempfile.TemporaryDirectory(prefix="score-impor-") as tmp_name:
                tmp = Path(tmp_name)
                try:
                    document = make_document(seed.text_path, form, tmp)
                except (RuntimeError, OSError, subprocess.SubprocessError) as error:
                    print(f"dilewati: {error}")
                    totals.append((seed.report, form, "dilewati", "", "", "", "", "", ""))
                    continue
                folder, why = run_import(document, seed.kecamatan, tmp)
                if folder is None:
                    print(f"impor gagal: {why}")
                    totals.append((seed.report, form, "impor gagal", "", "", "", "", "", ""))
                    continue
                result = score(seed.hand_folder, folder, text)
            print(report(result, details))
            total = result.total
            totals.append((seed.report, form, str(total.hand), str(total.identical), str(total.different),
                           str(total.missing), str(total.extra), f"{total.percent:.1f}", str(len(result.invented))))
    print("\n=== Jumlah ===")
    print(format_table(totals, ("laporan", "bentuk", "angka tangan", "sama", "beda", "hilang", "tambahan", "% sama",
                                "dikarang")))
    return 0


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------


def main(argv: Optional[Iterable[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Skor draf impor terhadap data buatan tangan.")
    parser.add_argument("hand", nargs="?", type=Path, help="folder kecamatan buatan tangan")
    parser.add_argument("draft", nargs="?", type=Path, help="folder kecamatan hasil impor (draf)")
    parser.add_argument("--laporan", type=Path, help="teks laporan (untuk pemeriksaan angka yang dikarang)")
    parser.add_argument("--semua", action="store_true", help="impor dan skor ketiga laporan contoh")
    parser.add_argument("--format", action="append", choices=["txt", "docx", "pdf"], dest="forms",
                        help="bentuk laporan yang diimpor dengan --semua (boleh diulang; bawaan txt)")
    parser.add_argument("--rincian", type=int, default=20, help="jumlah baris beda/hilang/tambahan yang dicetak")
    args = parser.parse_args(None if argv is None else list(argv))
    if args.semua:
        return run_all(args.forms or ["txt"], args.rincian)
    if args.hand is None or args.draft is None or args.laporan is None:
        parser.error("sebutkan HAND_FOLDER DRAFT_FOLDER --laporan BERKAS, atau --semua")
    result = score(args.hand, args.draft, args.laporan.read_text(encoding="utf-8"))
    print(f"Tangan: {args.hand}\nDraf:   {args.draft}\nLaporan: {args.laporan}\n")
    print(report(result, args.rincian))
    return 0


if __name__ == "__main__":
    sys.exit(main())
