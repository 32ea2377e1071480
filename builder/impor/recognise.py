"""Stage 2 of the import: what each table is and what each of its columns holds, from the header words alone
(builder/impor/kosakata.yaml), never from which report it is."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .cells import is_year, looks_numeric, year_in
from .document import Document, Row, Table

VOCABULARY = Path(__file__).with_name("kosakata.yaml")
MAX_HEADER_ROWS = 4


@dataclass(frozen=True)
class Column:
    index: int
    role: str | None  # None: a column no pattern names
    year: int | None  # the year a header names (Target 2023, Tahun 2022 Realisasi)
    label: str  # the header rows joined


@dataclass
class Recognised:
    table: Table
    kind: str | None  # None: not recognised
    columns: list[Column] = field(default_factory=list)
    body: list[Row] = field(default_factory=list)  # the rows below the header
    realigned: bool = False  # columns read by what they hold, the header being shifted from its data
    year: int | None = None  # the one year its caption or the heading just above it names ("… TAHUN 2023")
    headings: list[str] = field(default_factory=list)  # a table without a caption: the short lines right above it

    @property
    def title(self) -> str:
        """What the report calls the table: the caption's title, else the heading above it (a report that numbers
        no table still titles it: "Target Renstra …", "Rasio Pegawai berdasarkan Golongan")."""
        return self.table.title or " ".join(self.headings)

    def titles(self) -> list[str]:
        """The caption's title, or the heading lines nearest first (the nearest line names the table; the lines
        above it may belong to the section or to a figure before it)."""
        return [self.table.title] if self.table.title else list(reversed(self.headings))

    def where(self) -> str:
        """The table as staff find it in their report: number and title, page or line."""
        name = f"Tabel {self.table.number}" if self.table.number else "tabel tanpa nomor"
        place = (f"halaman {self.table.page}" if self.table.page else
                 f"baris {self.table.line}" if self.table.line else "")
        title = f" ({self.table.title[:60]})" if self.table.title else ""
        return f"{name}{title}" + (f", {place}" if place else "")

    def roles(self) -> set[str]:
        return {c.role for c in self.columns if c.role}

    def column(self, role: str, year: int | None = None) -> Column | None:
        """The first column of a role (and year, when given; a yearless column when year is None and one exists)."""
        matches = [c for c in self.columns if c.role == role and (year is None or c.year == year)]
        if year is None:
            matches.sort(key=lambda c: c.year is not None)
        return matches[0] if matches else None

    def years(self, role: str) -> list[int]:
        return sorted({c.year for c in self.columns if c.role == role and c.year})


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict:
    data = yaml.safe_load(VOCABULARY.read_text(encoding="utf-8"))
    data["kolom"] = [(entry["peran"], re.compile(entry["pola"])) for entry in data["kolom"]]
    return data


def recognise(document: Document) -> list[Recognised]:
    found, heading = [], []
    for block in document.blocks:
        if isinstance(block, Table):
            table = recognise_table(block)
            table.year = table_year([block.title] if block.title else heading)
            table.headings = [] if block.title else list(heading)
            found.append(table)
            heading = []
        elif _FIGURE_CAPTION.match(block.text):
            heading = []  # a figure's caption ("Gambar 1.2 Grafik …") and what is above it are the figure's
        elif len(block.text) <= HEADING_CHARS and not block.text.rstrip(" *").endswith((":", ".", ";", ",")):
            heading = (heading + [block.text])[-HEADING_LINES:]  # not a sentence leading to the table
        else:
            heading = []
    return found


_FIGURE_CAPTION = re.compile(r"^\W*(gambar|grafik|diagram|bagan)\s+([ivx]+|\d+)([.\-]\d+)*\b", re.IGNORECASE)
# The short lines right above an uncaptioned table: its heading. A title runs up to two printed lines
# ("Perbandingan Capaian … Terhadap Target Jangka Menengah Renstra (2020-2023)"); a sentence ends with a stop.
HEADING_CHARS, HEADING_LINES = 200, 4
_TAHUN = re.compile(r"\btahun\s+(?:anggaran\s+)?((?:19|20)\d\d)\b(?!\s*[-–/]\s*(?:19|20)?\d\d)", re.IGNORECASE)


def table_year(lines: list[str]) -> int | None:
    """The year a table's caption or heading names ("Perjanjian Kinerja Tahun 2023"), when it names exactly one
    (not a period "2021-2026", not "tahun 2022 dan 2023")."""
    text = " ".join(lines)
    years = {int(y) for y in _TAHUN.findall(text)}
    all_years = set(re.findall(r"\b(?:19|20)\d\d\b", text))
    return years.pop() if len(years) == 1 and len(all_years) == 1 else None


def recognise_table(table: Table) -> Recognised:
    rows = without_empty_columns([r for r in table.rows if any(c.strip() for c in r.cells)])
    depth = header_depth(rows)
    if depth == 0:
        return Recognised(table, None, body=rows)
    labels = header_labels([r.cells for r in rows[:depth]])
    columns = _year_ranges_spread([Column(i, role_of(label), year_in(label), label) for i, label in enumerate(labels)])
    found = Recognised(table, None, columns, [r for r in rows[depth:] if not column_numbers(r)])
    found.kind = kind_of(found)
    return found


def without_empty_columns(rows: list[Row]) -> list[Row]:
    """The rows without the columns that are empty in every row, header included (a spacer column, the remnant
    of a merged cell): such a column holds nothing, but it would keep a group heading from the columns it spans
    and shift a header from its data."""
    width = max((len(r.cells) for r in rows), default=0)
    empty = {i for i in range(width) if not any(i < len(r.cells) and r.cells[i].strip() for r in rows)}
    if not empty:
        return rows
    return [Row([c for i, c in enumerate(r.cells) if i not in empty], r.page, r.line) for r in rows]


_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)\d\d)\b")


def _year_ranges_spread(columns: list[Column]) -> list[Column]:
    """A heading "Target (Th 2021-2026)" merged over exactly as many columns as the years it names: one year per
    column, in order (the converter lost the row of years under it)."""
    out, i = list(columns), 0
    while i < len(columns):
        j = i
        while j + 1 < len(columns) and columns[j + 1].label == columns[i].label:
            j += 1
        found = _YEAR_RANGE.search(columns[i].label) if j > i else None
        if found and int(found.group(2)) - int(found.group(1)) == j - i:
            for k in range(i, j + 1):
                out[k] = Column(k, columns[k].role, int(found.group(1)) + k - i, columns[k].label)
        i = j + 1
    return out


def header_depth(rows: list[Row]) -> int:
    """How many leading rows are header: rows without a figure outside the first column (years are header) that
    name columns (most of their cells are column words) or only label a few columns (a group's second line); a
    row that fills most columns with words no column is named by is the first data row."""
    depth = 0
    for row in rows[:MAX_HEADER_ROWS + 1]:
        if any(looks_numeric(cell) for cell in row.cells[1:]):
            break
        filled = [c for c in row.cells if c.strip()]
        header_words = set(vocabulary()["kata_kepala"])
        named = sum(1 for c in filled if role_of(c) or is_year(c) or " ".join(c.lower().split()) in header_words)
        if depth and filled and named < len(filled) / 2 and len(filled) > len(row.cells) / 2:
            break
        depth += 1
    return min(depth, MAX_HEADER_ROWS) if depth < len(rows) else 0


_NUMBERING_CELL = re.compile(r"^\(?(\d+)\)?(\s*=.*)?$")  # "5", "(5)", or "5 = (3 : 4)" for a computed column


def column_numbers(row: Row) -> bool:
    """A row that only numbers the columns (1 2 3 … under the header, a computed one as "5 = (3 : 4)")."""
    filled = [c.strip() for c in row.cells if c.strip()]
    matches = [_NUMBERING_CELL.match(c) for c in filled]
    if len(filled) < 3 or not all(matches):
        return False
    numbers = [int(m.group(1)) for m in matches]
    return numbers == sorted(set(numbers)) and numbers[-1] <= len(row.cells) + 2


def header_labels(header: list[list[str]]) -> list[str]:
    """Each column's header rows joined, a group header ("Target" over 2021 … 2025) carried to the columns it
    spans: an empty header cell takes its left neighbour's text where a lower header row names the column."""
    width = max(len(r) for r in header)
    grid = [list(r) + [""] * (width - len(r)) for r in header]
    for level, row in enumerate(grid[:-1]):
        for i in range(1, width):
            below = any(grid[lower][i].strip() for lower in range(level + 1, len(grid)))
            if not row[i].strip() and below and row[i - 1].strip() and not is_year(row[i - 1]):
                row[i] = row[i - 1]
    # A cell merged over several header rows is repeated in each (document.py): its words count once.
    return [" ".join(dict.fromkeys(" ".join(grid[r][i].split()) for r in range(len(grid)) if grid[r][i].strip()))
            for i in range(width)]


def role_of(label: str) -> str | None:
    text = " ".join(label.lower().replace("*", "").split())
    if not text:
        return None
    if is_year(text):
        return "tahun"
    for role, pattern in vocabulary()["kolom"]:
        if pattern.search(text):
            return role
    return None


def kind_of(found: Recognised) -> str | None:
    roles = found.roles()
    for rule in vocabulary()["jenis"]:
        if not set(rule.get("perlu", [])) <= roles:
            continue
        if rule.get("salah_satu") and not roles & set(rule["salah_satu"]):
            continue
        if roles & set(rule.get("tanpa", [])):
            continue
        if len(found.years("target")) < rule.get("tahun_target", 0):
            continue
        return rule["jenis"]
    return None


def kind_title(kind: str) -> str:
    return next(rule["judul"] for rule in vocabulary()["jenis"] if rule["jenis"] == kind)
