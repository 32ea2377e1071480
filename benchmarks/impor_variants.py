"""Metamorphic robustness of `builder impor`: a seed report rewritten the way other real LKjIPs differ, without
changing any figure, must draft the same figures as the seed itself.

Usage:
  python benchmarks/impor_variants.py [--laporan 000 002 004] [--varian NAMA ...] [--rincian N]

Each variant is one named transformation of the report text (header synonyms, header case, a "No" column added or
removed, money and percent forms, caption forms, a spacer column, "not measured" marks ...), so that a lost or
changed figure says which kind of wording the importer depends on. The variant's draft is compared with the
original seed's draft by benchmarks/score_impor.py's own keys (an indicator by its name, a budget line by its kode
or name path): same, changed (wrong), lost, added; and every drafted number must be printed in the variant's text
(never invented). A variant that moves or renames tables (captions) compares the report's own derived figures
(`dinyatakan`) by year and field, whatever table they come from.

The importer runs in this process (builder.impor.draft_files), each draft in well under a second.
"""

from __future__ import annotations

import argparse
import difflib
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import score_impor as si  # noqa: E402  (benchmarks/ is not a package)

# --------------------------------------------------------------------------
# The text's tables: runs of tab-separated lines, their header rows
# --------------------------------------------------------------------------

_MARKUP = re.compile(r"^((?:\s|<b>|\*\*)*)(.*?)((?:\s|</b>|\*\*)*)$", re.DOTALL)
_NUMBER = re.compile(r"^(Rp\.?\s*)?\(?-?\d+(?:[.,]\d+)*\)?\s*%?(?:,-)?$", re.IGNORECASE)
_YEAR = re.compile(r"^(19|20)\d\d$")
_MONEY = re.compile(r"^\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$")


def unwrap(cell: str) -> tuple[str, str, str]:
    """(leading markup, text, trailing markup) of a cell: "<b>Target</b>" -> ("<b>", "Target", "</b>")."""
    match = _MARKUP.match(cell)
    return match.group(1), match.group(2), match.group(3)


def text_of(cell: str) -> str:
    return unwrap(cell)[1]


def is_number(cell: str) -> bool:
    text = text_of(cell).strip()
    return bool(_NUMBER.match(text)) and not _YEAR.match(text)


@dataclass
class Run:
    """A table as the text prints it: lines start..end (exclusive), of which the first `header` are header rows."""

    start: int
    end: int
    header: int

    def rows(self, lines: list[str]) -> list[list[str]]:
        return [lines[i].split("\t") for i in range(self.start, self.end)]


def runs(lines: list[str]) -> list[Run]:
    """Every run of consecutive lines with a TAB; its header rows are the leading rows (at most 4) without a
    figure in any cell (a row of column numbers "1 2 3" or "(1) (2)" ends the header too)."""
    found, i = [], 0
    while i < len(lines):
        if "\t" not in lines[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and "\t" in lines[j]:
            j += 1
        header = 0
        for k in range(i, min(j, i + 4)):
            cells = [text_of(c).strip() for c in lines[k].split("\t")]
            if any(is_number(c) for c in cells if c) or sum(1 for c in cells if c) < 1:
                break
            header += 1
        found.append(Run(i, j, header))
        i = j
    return found


def tables(lines: list[str]) -> list[list[Run]]:
    """The runs grouped into tables: a run continues the one above when only blank lines or at most two short
    lines (a page's running header or number) lie between, no caption among them, and its first row is as wide
    (a table broken over pages, with or without its header repeated; after blank lines only, up to two empty
    last columns may be dropped, as converters do)."""
    groups: list[list[Run]] = []
    for run in runs(lines):
        if groups:
            last = groups[-1][-1]
            between = [line.strip() for line in lines[last.end:run.start] if line.strip()]
            width = lines[run.start].count("\t")
            first = lines[groups[-1][0].start].count("\t")
            if (len(between) <= 2 and all(len(t) <= 60 and not _CAPTION.match(t) for t in between)
                    and (width == first or not between and first - 2 <= width < first)):
                groups[-1].append(run)
                continue
        groups.append([run])
    return groups


def described(lines: list[str], group: list[Run]) -> bool:
    """A table whose header a converter printed as a sentence above it ("Table with 12 columns: …"): its columns
    are not moved (the sentence would have to be rewritten with them)."""
    k = group[0].start - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    return k >= 0 and lines[k].startswith("Table with ")


def group_rows(lines: list[str], group: list[Run]) -> list[list[list[str]]]:
    """The cells of every piece of a table, to edit in place and write back with put_rows."""
    pieces = [run.rows(lines) for run in group]
    return pieces


def put_rows(lines: list[str], group: list[Run], pieces: list[list[list[str]]]) -> None:
    for run, rows in zip(group, pieces):
        set_rows(lines, run, rows)


def set_rows(lines: list[str], run: Run, rows: list[list[str]]) -> None:
    lines[run.start:run.end] = ["\t".join(r) for r in rows]


def same_case(original: str, new: str) -> str:
    """`new` in the case style of `original` (ALL CAPS stays all caps)."""
    letters = [c for c in original if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return new.upper()
    return new


# --------------------------------------------------------------------------
# Transformations (each a function of the text's lines)
# --------------------------------------------------------------------------

Rewrite = Callable[[list[str]], list[str]]


def header_cells(rewrite_cell: Callable[[str, list[list[str]], int, int, list[str]], Optional[str]]) -> Rewrite:
    """Apply rewrite_cell(text, header rows, row, column, the column's body texts) to every header cell of every
    table; None keeps it."""
    def apply(lines: list[str]) -> list[str]:
        lines = list(lines)
        for run in runs(lines):
            rows = run.rows(lines)
            head = rows[:run.header]
            for r, row in enumerate(head):
                for c, cell in enumerate(row):
                    lead, text, trail = unwrap(cell)
                    if not text.strip():
                        continue
                    body = [text_of(b[c]).strip() for b in rows[run.header:] if c < len(b)]
                    new = rewrite_cell(text, head, r, c, body)
                    if new is not None:
                        row[c] = lead + new + trail
            set_rows(lines, run, rows)
        return lines
    return apply


def money_column(body: list[str]) -> bool:
    """Most figures of the column are rupiah amounts."""
    figures = [t for t in body if is_number(t)]
    return bool(figures) and sum(1 for t in figures if _MONEY.match(t.removeprefix("Rp").strip(". "))) > len(figures) / 2


def is_group(head: list[list[str]], r: int, c: int) -> bool:
    """A merged group heading ("Anggaran" over "Target | Realisasi | %", "Realisasi" over "Keuangan" over
    "Rp | %"): its right neighbour is empty and lower header rows name the columns under both. Its wording is the
    group's, not a column's (a two-line label such as "Nama Kegiatan" over "Perincian Kegiatan" is not a group)."""
    lower = head[r + 1:]
    right_empty = c + 1 < len(head[r]) and not text_of(head[r][c + 1]).strip()
    def named(column: int) -> bool:
        return any(column < len(row) and text_of(row[column]).strip() for row in lower)
    return right_empty and named(c) and named(c + 1)


def synonyms(pairs: list[tuple[str, str]], columns: str = "any") -> Rewrite:
    """A header cell matching one of the patterns (whole cell, lower case, single spaces) is printed as its
    synonym (groups substituted, the case style of the original kept); group headings are left as they are.
    `columns`: "money" only over columns of rupiah amounts, "figures" only over the others (a performance
    synonym is never put over a budget column, nor the reverse: that would change what the column means)."""
    compiled = [(re.compile(pattern), replacement) for pattern, replacement in pairs]

    def rewrite(text: str, head: list[list[str]], r: int, c: int, body: list[str]) -> Optional[str]:
        if is_group(head, r, c) or (columns == "money" and not money_column(body)) or (
                columns == "figures" and money_column(body)):
            return None
        normal = " ".join(text.lower().split())
        for pattern, replacement in compiled:
            match = pattern.fullmatch(normal)
            if match:
                return same_case(text, match.expand(replacement))
        return None
    return header_cells(rewrite)


def header_case(how: Callable[[str], str]) -> Rewrite:
    return header_cells(lambda text, head, r, c, body: how(text))


def _no_column(run: Run, rows: list[list[str]]) -> Optional[int]:
    for row in rows[:run.header]:
        for c, cell in enumerate(row):
            if re.fullmatch(r"(no\.?|nomor)", text_of(cell).strip().lower()):
                return c
    return None


def without_no_column(lines: list[str]) -> list[str]:
    """Tables whose "No" column only counts rows (1, 1., 2 ...) printed without it."""
    lines = list(lines)
    for group in tables(lines):
        pieces = group_rows(lines, group)
        if described(lines, group):
            continue
        column = _no_column(group[0], pieces[0])
        rows = [r for piece in pieces for r in piece]
        if column is None or len({len(r) for r in rows}) != 1:
            continue
        body = [r for run, piece in zip(group, pieces) for r in piece[run.header:]]
        total = re.compile(r"(jumlah|total|rata ?- ?rata)\b.*", re.IGNORECASE)
        if not all(re.fullmatch(r"\d{1,2}\.?|", text_of(r[column]).strip()) or total.fullmatch(text_of(r[column]).strip())
                   for r in body):
            continue  # a "No" column holding codes (A, 1.1, 1.1.3) is the budget tree: kept
        for row in body:  # "JUMLAH" in a cell merged over No and the next column moves into the next column
            if total.fullmatch(text_of(row[column]).strip()) and column + 1 < len(row) and not row[column + 1].strip():
                row[column + 1] = row[column]
        put_rows(lines, group, [[r[:column] + r[column + 1:] for r in piece] for piece in pieces])
    return lines


def with_no_column(lines: list[str]) -> list[str]:
    """Tables without a "No" column printed with one: "No." over the numbers 1, 2, 3 … of the rows whose first
    cell is filled (a row continuing a merged first cell gets none, as a merged number cell prints), the
    numbering going on over the table's pieces."""
    lines = list(lines)
    for group in tables(lines):
        pieces = group_rows(lines, group)
        if described(lines, group):
            continue
        if _no_column(group[0], pieces[0]) is not None or not group[0].header or sum(
                1 for c in pieces[0][0] if text_of(c).strip()) < 3:
            continue  # numbered already, or no table of figures (a table of contents)
        number, out = 0, []
        for run, piece in zip(group, pieces):
            rows = []
            for i, row in enumerate(piece):
                if i < run.header or numbers_columns(row):
                    label = "No." if i == 0 else ""
                elif text_of(row[0]).strip():
                    number += 1
                    label = f"{number}."
                else:
                    label = ""
                rows.append([label] + row)
            out.append(rows)
        put_rows(lines, group, out)
    return lines


def column_labels(head: list[list[str]]) -> list[str]:
    """Each column's header rows joined, a merged group heading carried to the columns under it."""
    width = max((len(r) for r in head), default=0)
    grid = [[text_of(c).strip() for c in r] + [""] * (width - len(r)) for r in head]
    for level, row in enumerate(grid[:-1]):
        for c in range(1, width):
            if not row[c] and row[c - 1] and any(grid[lower][c] for lower in range(level + 1, len(grid))):
                row[c] = row[c - 1]
    return [" ".join(grid[r][c] for r in range(len(grid)) if grid[r][c]) for c in range(width)]


def earlier_year_first(lines: list[str]) -> list[str]:
    """A table comparing years prints the earlier year's columns first ("Realisasi TA 2021 | APBD 2022 Anggaran |
    Realisasi"), where the seed prints them last: the columns naming the earliest year, when they stand after
    columns naming a later one, are moved before the first column naming a year."""
    lines = list(lines)
    for group in tables(lines):
        pieces = group_rows(lines, group)
        if described(lines, group):
            continue
        if not group[0].header:
            continue
        labels = column_labels(pieces[0][:group[0].header])
        years = {c: int(m.group(0)) for c, label in enumerate(labels)
                 if (m := re.search(r"\b(19|20)\d\d\b", label)) and not re.search(r"(19|20)\d\d\s*[-–/]", label)}
        if len(set(years.values())) != 2:
            continue
        earliest = min(years.values())
        moved = [c for c, y in years.items() if y == earliest]
        first = min(years)
        if min(moved) == first or moved != list(range(moved[0], moved[-1] + 1)):
            continue  # already first, or not one block of columns
        def reorder(row: list[str]) -> list[str]:
            row = row + [""] * (len(labels) - len(row))
            block = [row[c] for c in moved]
            rest = [cell for c, cell in enumerate(row) if c not in moved]
            return rest[:first] + block + rest[first:]
        put_rows(lines, group, [[reorder(r) for r in piece] for piece in pieces])
    return lines


def body_cells(rewrite_cell: Callable[[str, list[str]], Optional[str]]) -> Rewrite:
    """Apply rewrite_cell(text, the column's body texts over the table's pieces) to every body cell; None keeps
    it."""
    def apply(lines: list[str]) -> list[str]:
        lines = list(lines)
        for group in tables(lines):
            pieces = group_rows(lines, group)
            bodies = [piece[run.header:] for run, piece in zip(group, pieces)]
            columns: dict[int, list[str]] = defaultdict(list)
            for row in (r for body in bodies for r in body):
                for c, cell in enumerate(row):
                    columns[c].append(text_of(cell).strip())
            for row in (r for body in bodies for r in body):
                for c, cell in enumerate(row):
                    lead, text, trail = unwrap(cell)
                    new = rewrite_cell(text.strip(), columns[c])
                    if new is not None:
                        row[c] = lead + new + trail
            put_rows(lines, group, pieces)
        return lines
    return apply


def money(form: Callable[[str], str]) -> Rewrite:
    """Every rupiah amount (1.234.567 or more, Indonesian form) printed in another form."""
    return body_cells(lambda text, column: form(text) if _MONEY.match(text) else None)


def _percent_columns(text: str, column: list[str]) -> bool:
    numbers = [c for c in column if is_number(c)]
    return bool(numbers) and all(c.endswith("%") for c in numbers)


def percent_in_header(lines: list[str]) -> list[str]:
    """A column whose every figure ends with "%" printed without it, its header (in every piece that prints
    one) saying "(%)" instead."""
    lines = list(lines)
    for group in tables(lines):
        pieces = group_rows(lines, group)
        if not group[0].header:
            continue
        body = [r for run, piece in zip(group, pieces) for r in piece[run.header:]]
        width = max(len(r) for piece in pieces for r in piece)
        for c in range(width):
            numbers = [text_of(r[c]).strip() for r in body if c < len(r) and is_number(r[c])]
            if not numbers or not all(t.endswith("%") for t in numbers):
                continue
            heads = [next((r for r in reversed(piece[:run.header]) if c < len(r) and text_of(r[c]).strip()), None)
                     for run, piece in zip(group, pieces) if run.header]
            if any(head is None or "%" in head[c] for head in heads):
                continue
            for head in heads:
                lead, text, trail = unwrap(head[c])
                head[c] = f"{lead}{text} (%){trail}"
            for row in body:
                if c < len(row) and is_number(row[c]):
                    lead, text, trail = unwrap(row[c])
                    row[c] = lead + text.strip().rstrip("%").rstrip() + trail
        put_rows(lines, group, pieces)
    return lines


def decimal_point(text: str, column: list[str]) -> Optional[str]:
    """A decimal comma printed as a point (a table pasted from a spreadsheet in English locale): 89,81 -> 89.81,
    103,22% -> 103.22%; only one or two decimals (87,500 would read as a thousand)."""
    match = re.fullmatch(r"(\d+),(\d{1,2})(\s*%?)", text)
    return f"{match.group(1)}.{match.group(2)}{match.group(3)}" if match else None


def not_measured(mark: str, where: str = "all") -> Rewrite:
    """A "-" cell printed as another mark of "not measured"; `where` "figures": only in columns without money."""
    def rewrite(text: str, column: list[str]) -> Optional[str]:
        if text not in ("-", "–"):
            return None
        if where == "figures" and any(_MONEY.match(c) for c in column):
            return None
        return mark
    return body_cells(rewrite)


def spacer_column(lines: list[str]) -> list[str]:
    """An empty column (a merged cell's remnant in a converted DOCX) after the second column of every table."""
    lines = list(lines)
    for group in tables(lines):
        pieces = group_rows(lines, group)
        if max(len(r) for piece in pieces for r in piece) < 3 or described(lines, group):
            continue
        put_rows(lines, group, [[r[:2] + [""] + r[2:] for r in piece] for piece in pieces])
    return lines


def numbers_columns(cells: list[str]) -> bool:
    """A row that numbers the columns under the header: "1 2 3 …", "(1) (2) …", "5 = (3 : 4)", ascending."""
    filled = [text_of(c).strip() for c in cells if text_of(c).strip()]
    numbers = [re.match(r"\(?(\d{1,2})\)?(\s*=.*)?$", c) for c in filled]
    if len(filled) < 3 or not all(numbers):
        return False
    values = [int(m.group(1)) for m in numbers]
    return values == sorted(set(values))


def without_column_numbers(lines: list[str]) -> list[str]:
    """The row numbering the columns under the header ("1 2 3 …", "(1) (2) …") left out."""
    return [line for line in lines if "\t" not in line or not numbers_columns(line.split("\t"))]


def with_column_numbers(lines: list[str]) -> list[str]:
    """A row "(1) (2) (3) …" under the header of every table that has none."""
    lines = list(lines)
    for run in reversed(runs(lines)):
        rows = run.rows(lines)
        if not run.header or run.end - run.start <= run.header:
            continue
        after = [text_of(c).strip() for c in rows[run.header]]
        if all(re.fullmatch(r"\(?\d{1,2}\)?|", c) for c in after):
            continue  # already numbered
        width = max(len(r) for r in rows)
        rows.insert(run.header, [f"({i + 1})" for i in range(width)])
        set_rows(lines, run, rows)
    return lines


_CAPTION = re.compile(r"^(\W*)(tabel)(\s+)(\d+)((?:\.\d+)+)(\.?)(.*)$", re.IGNORECASE)
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII"}


def captions(rewrite_caption: Callable[[re.Match], Optional[str]]) -> Rewrite:
    """Every caption line ("Tabel 3.2", "**Tabel 2.1**", "Tabel 3.1 Skala …") rewritten; None leaves it out.
    Lines with a TAB (a table of contents) are not captions."""
    def apply(lines: list[str]) -> list[str]:
        out = []
        for line in lines:
            match = _CAPTION.match(line) if "\t" not in line else None
            if match is None:
                out.append(line)
                continue
            new = rewrite_caption(match)
            if new is not None:
                out.append(new)
        return out
    return apply


def roman_chapter(match: re.Match) -> str:
    lead, word, space, chapter, rest, dot, tail = match.groups()
    return f"{lead}{word}{space}{_ROMAN.get(int(chapter), chapter)}{rest}{dot}{tail}"


def caption_dot(match: re.Match) -> str:
    lead, word, space, chapter, rest, dot, tail = match.groups()
    return f"{lead}{word}{space}{chapter}{rest}{dot or '.'}{tail}"


def caption_without_dot(match: re.Match) -> str:
    lead, word, space, chapter, rest, dot, tail = match.groups()
    return f"{lead}{word}{space}{chapter}{rest}{tail}"


def caption_upper(match: re.Match) -> str:
    lead, word, space, chapter, rest, dot, tail = match.groups()
    return f"{lead}TABEL{space}{chapter}{rest}{dot}{tail.upper()}"


def source_line_below(lines: list[str]) -> list[str]:
    """A "Sumber: …" line under every table (after its last piece; how many reports credit their data)."""
    lines = list(lines)
    for group in reversed(tables(lines)):
        lines[group[-1].end:group[-1].end] = ["", "Sumber: Kantor Camat (data diolah)"]
    return lines


def caption_below(lines: list[str]) -> list[str]:
    """Every numbered caption with its title lines printed right under its table (after its last piece)
    instead of above it (the style of figures' captions): the caption within the four text lines above a table
    moves, with the lines between."""
    lines = list(lines)
    for group in reversed(tables(lines)):
        first, last = group[0], group[-1]
        seen, k, caption_at = 0, first.start - 1, None
        while k >= 0 and seen < 4 and "\t" not in lines[k]:
            if lines[k].strip():
                seen += 1
                if _CAPTION.match(lines[k]):
                    caption_at = k
                    break
            k -= 1
        if caption_at is None:
            continue
        moved = lines[caption_at:first.start]
        table = lines[first.start:last.end]
        lines[caption_at:last.end] = table + [""] + moved
    return lines


# --------------------------------------------------------------------------
# The variants
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Variant:
    name: str
    description: str
    rewrite: Rewrite
    moves_tables: bool = False  # captions changed: `dinyatakan` compared by year and field only


VARIANTS: tuple[Variant, ...] = (
    # header wording
    Variant("target_kinerja", "Target -> Target Kinerja",
            synonyms([(r"target", "Target Kinerja"), (r"target (tahun )?((?:19|20)\d\d)", r"Target Kinerja \2")], "figures")),
    Variant("realisasi_kinerja", "Realisasi -> Realisasi Kinerja",
            synonyms([(r"realisasi", "Realisasi Kinerja"), (r"realisasi (tahun )?((?:19|20)\d\d)",
                                                            r"Realisasi Kinerja \2")], "figures")),
    Variant("capaian_persen", "Capaian / Capaian Kinerja / % Capaian -> Capaian (%)",
            synonyms([(r"(% )?capaian( kinerja)?", "Capaian (%)")])),
    Variant("persentase_capaian", "Capaian -> Persentase Capaian",
            synonyms([(r"(% )?capaian( kinerja)?( \(%\))?", "Persentase Capaian")])),
    Variant("tingkat_capaian", "Capaian -> Tingkat Capaian (%)",
            synonyms([(r"(% )?capaian( kinerja)?( \(%\))?", "Tingkat Capaian (%)")])),
    Variant("pagu_anggaran", "Jumlah Anggaran / Anggaran -> Pagu Anggaran (Rp)",
            synonyms([(r"(jumlah |pagu )?anggaran( rp| \(rp\))?", "Pagu Anggaran (Rp)")], "money")),
    Variant("pagu", "Jumlah Anggaran / Anggaran -> Pagu",
            synonyms([(r"(jumlah |pagu )?anggaran( rp| \(rp\))?", "Pagu")], "money")),
    Variant("anggaran_rp", "Jumlah Anggaran / Pagu Anggaran -> Anggaran (Rp)",
            synonyms([(r"(jumlah |pagu )?anggaran( rp| \(rp\))?", "Anggaran (Rp)")], "money")),
    Variant("alokasi", "Jumlah Anggaran / Anggaran -> Alokasi Anggaran (Rp)",
            synonyms([(r"(jumlah |pagu )?anggaran( rp| \(rp\))?", "Alokasi Anggaran (Rp)")], "money")),
    Variant("realisasi_keuangan", "Realisasi Anggaran (Rp) -> Realisasi Keuangan (Rp)",
            synonyms([(r"realisasi anggaran( \(rp\))?", "Realisasi Keuangan (Rp)")], "money")),
    Variant("sisa_anggaran", "Sisa -> Sisa Anggaran (Rp)", synonyms([(r"sisa( anggaran)?", "Sisa Anggaran (Rp)")])),
    Variant("baseline", "Kondisi Awal / Data Awal -> Baseline",
            synonyms([(r"(kondisi|data) awal( \(?((?:19|20)\d\d)\)?)?", r"Baseline\2")])),
    Variant("satuan_singkat", "Satuan -> Sat.", synonyms([(r"satuan", "Sat.")])),
    Variant("indikator_sasaran", "Indikator Kinerja -> Indikator Sasaran",
            synonyms([(r"indikator( kinerja)?( sasaran)?", "Indikator Sasaran")])),
    Variant("iku", "Indikator Kinerja (Utama) -> IKU",
            synonyms([(r"indikator( kinerja)?( utama| sasaran)?", "IKU")])),
    Variant("sasaran_strategis", "Sasaran -> Sasaran Strategis, Sasaran Strategis -> Sasaran",
            synonyms([(r"sasaran strategis", "Sasaran"), (r"sasaran( program)?", "Sasaran Strategis")])),
    Variant("uraian", "Nama Kegiatan / Program/Kegiatan -> Uraian",
            synonyms([(r"nama kegiatan( perincian kegiatan)?|program ?/ ?kegiatan|uraian", "Uraian")])),
    Variant("program_kegiatan", "Nama Kegiatan / Uraian -> Program/Kegiatan/Sub Kegiatan",
            synonyms([(r"nama kegiatan( perincian kegiatan)?|program ?/ ?kegiatan|uraian",
                       "Program/Kegiatan/Sub Kegiatan")])),
    Variant("nomor", "No -> Nomor", synonyms([(r"no\.?", "Nomor")])),
    Variant("kepala_besar", "header in capitals", header_case(str.upper)),
    Variant("kepala_kecil", "header in lower case", header_case(str.lower)),
    Variant("kepala_judul", "header in title case", header_case(lambda t: t.title() if not re.search(r"\d", t)
                                                                else t)),
    # columns
    Variant("tanpa_no", 'the "No" column that counts rows left out', without_no_column),
    Variant("dengan_no", 'a "No." column added to tables without one', with_no_column),
    Variant("tahun_lalu_dulu", "the earlier year's columns before the report year's", earlier_year_first),
    Variant("kolom_kosong", "an empty spacer column after the second column", spacer_column),
    Variant("tanpa_nomor_kolom", "no row of column numbers (1) (2) … under the header", without_column_numbers),
    Variant("dengan_nomor_kolom", "a row of column numbers (1) (2) … under every header", with_column_numbers),
    # numbers
    Variant("rp_spasi", "amounts as Rp 1.234.567,00", money(lambda t: f"Rp {t}")),
    Variant("rp_titik", "amounts as Rp. 1.234.567,00", money(lambda t: f"Rp. {t}")),
    Variant("rp_rapat", "amounts as Rp1.234.567", money(lambda t: f"Rp{t.split(',')[0]}")),
    Variant("rp_strip", "amounts as Rp. 1.234.567,-", money(lambda t: f"Rp. {t.split(',')[0]},-")),
    Variant("uang_tanpa_titik", "amounts without thousands dots (1234567,00, as a spreadsheet prints them)",
            money(lambda t: t.replace(".", ""))),
    Variant("tanpa_desimal_uang", "amounts without ,00", money(lambda t: re.sub(r",0+$", "", t))),
    Variant("persen_di_kepala", '"%" in the header "(%)" instead of in every cell', percent_in_header),
    Variant("persen_spasi", "87,50 % (a space before %)",
            body_cells(lambda t, col: re.sub(r"(\d)%$", r"\1 %", t) if re.fullmatch(r"[\d.,]+%", t) else None)),
    Variant("desimal_titik", "decimal point instead of comma (89.81)", body_cells(decimal_point)),
    # not measured
    Variant("strip_panjang", '"-" printed as "–"', not_measured("–")),
    Variant("na", '"-" printed as "N/A" (outside money columns)', not_measured("N/A", "figures")),
    Variant("n_a_titik", '"-" printed as "n.a." (outside money columns)', not_measured("n.a.", "figures")),
    # captions
    Variant("tabel_romawi", "Tabel 3.2 -> Tabel III.2", captions(roman_chapter), moves_tables=True),
    Variant("tabel_titik", "Tabel 3.2 -> Tabel 3.2.", captions(caption_dot)),
    Variant("tabel_tanpa_titik", "Tabel 3.2. -> Tabel 3.2", captions(caption_without_dot)),
    Variant("tabel_besar", "Tabel -> TABEL", captions(caption_upper)),
    Variant("tanpa_nomor_tabel", 'no "Tabel N.N" caption (titles kept)', captions(lambda m: m.group(7).strip(" .*")
                                                                                    or ""), moves_tables=True),
    Variant("judul_di_bawah", "caption and title under the table", caption_below, moves_tables=True),
    Variant("sumber_di_bawah", 'a "Sumber: …" line under every table', source_line_below),
)


# --------------------------------------------------------------------------
# Drafting and comparing
# --------------------------------------------------------------------------

@dataclass
class Outcome:
    variant: str
    results: list[si.Result]
    invented: list[si.Figure]
    error: str = ""
    lines_changed: int = 0  # lines of the text the transformation changed (0: it found nothing to change)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def changed(self) -> int:
        return self.count(si.DIFFERENT)

    @property
    def lost(self) -> int:
        return self.count(si.MISSING)

    @property
    def added(self) -> int:
        return self.count(si.EXTRA)

    @property
    def ok(self) -> bool:
        return not self.error and not self.changed and not self.lost and not self.invented


def draft(text: str, slug: str, work: Path, name: str) -> Path:
    """The report text drafted into work/name (the importer's files written there); returns that folder."""
    from builder.impor import draft_files
    from builder.impor.read import read_document

    data = work / "data"
    if not (data / "referensi").is_dir():
        shutil.copytree(ROOT / "data" / "referensi", data / "referensi")
    report = work / f"{name}.txt"
    report.write_text(text, encoding="utf-8")
    result = draft_files(read_document(report), data, slug)
    folder = work / name
    folder.mkdir()
    for path, content in result.files.items():
        if path.suffix == ".yaml" and path.name != "kabupaten.yaml":
            (folder / path.name).write_text(content, encoding="utf-8")
    return folder


def _relaxed(figures: dict[tuple[str, ...], si.Figure], every_table: bool) -> dict[tuple[str, ...], si.Figure]:
    """`dinyatakan` figures keyed without their table: those of every table (`every_table`, the captions
    changed) or of tables without a number (known by their header words, which a variant rewrites); numbered in
    value order where several tables print the same field."""
    def loose(part: str) -> bool:
        return part.startswith("dinyatakan[") and (every_table or part.startswith("dinyatakan[tabel tanpa nomor"))

    groups: dict[tuple[str, ...], list[si.Figure]] = defaultdict(list)
    out = {}
    for key, figure in figures.items():
        if any(loose(part) for part in key):
            plain_key = tuple("dinyatakan[*]" if loose(part) else part for part in key)
            plain_key = plain_key[:-1] + (re.sub(r" #\d+$", "", plain_key[-1]),)
            groups[plain_key].append(figure)
        else:
            out[key] = figure
    for key, members in groups.items():
        for i, figure in enumerate(sorted(members, key=lambda f: (str(type(f.value)), f.value))):
            numbered = key if i == 0 else key[:-1] + (f"{key[-1]} #{i + 1}",)
            out[numbered] = si.Figure(figure.kind, numbered, figure.value)
    return out


def compare_drafts(original: Path, variant: Path, variant_text: str, relaxed: bool) -> tuple[list[si.Result],
                                                                                              list[si.Figure]]:
    """The variant's draft against the original's, by score_impor's keys; and the variant's numbers not printed
    in its text."""
    base_files, var_files = si.load_folder(original), si.load_folder(variant)
    base_ind, var_ind = si.label_maps(si.renstra_names(base_files, "indikator"), si.renstra_names(var_files, "indikator"))
    base_sas, var_sas = si.label_maps(si.renstra_names(base_files, "sasaran"), si.renstra_names(var_files, "sasaran"))
    si.align_budget_names(base_files, var_files)
    base = si.folder_figures(base_files, si.Labels(base_ind, base_sas))
    var = si.folder_figures(var_files, si.Labels(var_ind, var_sas))
    base, var = _relaxed(base, relaxed), _relaxed(var, relaxed)
    printed = si.printed_numbers(variant_text)
    invented = [f for f in var.values() if isinstance(f.value, Decimal) and not si.is_printed(f.value, printed)]
    return si.compare(base, var), invented


def run_seed(seed: si.Seed, variants: Iterable[Variant], work: Path) -> list[Outcome]:
    text = seed.text_path.read_text(encoding="utf-8")
    original = draft(text, seed.kecamatan, work, "asli")
    lines = text.split("\n")
    outcomes = []
    for variant in variants:
        new_lines = variant.rewrite(lines)
        new_text = "\n".join(new_lines)
        changed = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2
                      in difflib.SequenceMatcher(None, lines, new_lines, autojunk=False).get_opcodes() if tag != "equal")
        try:
            folder = draft(new_text, seed.kecamatan, work, variant.name)
        except Exception as error:  # noqa: BLE001 — a crash is a finding, reported with the variant's name
            outcomes.append(Outcome(variant.name, [], [], f"{type(error).__name__}: {error}", changed))
            continue
        results, invented = compare_drafts(original, folder, new_text, variant.moves_tables)
        outcomes.append(Outcome(variant.name, results, invented, lines_changed=changed))
    return outcomes


def report(seed: si.Seed, outcomes: list[Outcome], details: int) -> str:
    rows = [(o.variant, str(o.lines_changed), str(o.count(si.IDENTICAL)), str(o.changed), str(o.lost), str(o.added), str(len(o.invented)),
             "ok" if o.ok else ("GAGAL: " + o.error[:60] if o.error else "BEDA")) for o in outcomes]
    lines = [f"=== {seed.report} -> {seed.kecamatan} ===",
             si.format_table(rows, ("varian", "baris diubah", "sama", "beda", "hilang", "tambahan", "dikarang", "hasil"))]
    for outcome in outcomes:
        bad = [r for r in outcome.results if r.status in (si.DIFFERENT, si.MISSING, si.EXTRA)]
        if (not bad and not outcome.invented) or not details:
            continue
        lines.append(f"\n{outcome.variant}:")
        for item in bad[:details]:
            values = {si.DIFFERENT: f"{si.plain(item.hand)} -> {si.plain(item.draft)}", si.MISSING: si.plain(item.hand),
                      si.EXTRA: si.plain(item.draft)}[item.status]
            lines.append(f"  {item.status} [{item.kind}] {item.where}: {values}")
        for figure in outcome.invented[:details]:
            lines.append(f"  dikarang {figure.where}: {si.plain(figure.value)}")
    return "\n".join(lines)


def main(argv: Optional[Iterable[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Uji ketahanan impor: laporan contoh ditulis ulang tanpa mengubah "
                                                 "angka, drafnya dibandingkan dengan draf laporan aslinya.")
    parser.add_argument("--laporan", nargs="+", default=["000"], help="awalan nama laporan contoh (bawaan 000)")
    parser.add_argument("--varian", nargs="+", help="hanya varian ini (nama)")
    parser.add_argument("--rincian", type=int, default=10, help="jumlah baris beda/hilang/tambahan per varian")
    args = parser.parse_args(None if argv is None else list(argv))
    variants = [v for v in VARIANTS if not args.varian or v.name in args.varian]
    failed = 0
    for seed in si.SEEDS:
        if not any(seed.report.startswith(prefix) for prefix in args.laporan):
            continue
        with tempfile.TemporaryDirectory(prefix="impor-varian-") as tmp:
            outcomes = run_seed(seed, variants, Path(tmp))
        print(report(seed, outcomes, args.rincian) + "\n")
        failed += sum(1 for o in outcomes if not o.ok)
    print(f"varian yang mengubah atau menghilangkan angka: {failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
