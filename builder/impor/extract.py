"""Stage 3 of the import: the figures of each recognised table, each with the cell it was printed in.

Nothing here computes a figure: every value is a cell as printed (cells.Printed), and every one keeps where it
came from (`Source`), so the draft can say it and the summary can list what it could not place.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from .cells import Printed, read_cell, read_with_unit
from .document import Row
from .recognise import Column, Recognised


@dataclass(frozen=True)
class Source:
    """A table row as staff find it in their report."""

    table: Recognised
    row: Row

    @property
    def tabel(self) -> str:
        number = self.table.table.number
        return f"Tabel {number}" if number else f"tabel tanpa nomor: {self.table.table.title or _first_header(self.table)}"

    def sumber(self) -> dict:
        found = {"tabel": self.tabel}
        if self.row.page:
            found["halaman"] = self.row.page
        return found

    def place(self) -> str:
        return f"halaman {self.row.page}" if self.row.page else f"baris {self.row.line}" if self.row.line else ""


def _first_header(found: Recognised) -> str:
    return " / ".join(c.label for c in found.columns[:3] if c.label)[:60] or "tanpa judul"


@dataclass
class Figure:
    value: Printed
    source: Source


@dataclass
class IndicatorRow:
    """One indicator's row of a performance table: its names and its figures by (field, year)."""

    nama: str
    sasaran: str
    tujuan: str
    satuan: str
    figures: dict[tuple[str, int | None], Figure] = field(default_factory=dict)
    source: Source | None = None
    texts: dict[str, str] = field(default_factory=dict)  # definisi, penanggung_jawab as an IKU table prints them


@dataclass
class BudgetLine:
    level: str  # total, program, kegiatan, sub_kegiatan, rincian
    kode: str | None
    nama: str
    figures: dict[str, Figure] = field(default_factory=dict)  # pagu, realisasi, sisa, penyerapan, keluaran_*
    source: Source | None = None
    keluaran: str = ""  # the line's output indicator, where the table prints one beside its name
    satuan: str = ""  # the unit printed with that indicator's target


INDICATOR_FIELDS = ("target", "realisasi", "capaian", "predikat", "capaian_tahun_lalu", "target_akhir", "kemajuan",
                    "baseline", "penyerapan", "efisiensi")


def cell(row: Row, found: Recognised, role: str, year: int | None = None) -> str:
    column = found.column(role, year)
    return row.cells[column.index].strip() if column is not None and column.index < len(row.cells) else ""


def filled_down(found: Recognised, roles: tuple[str, ...]) -> list[dict[str, str]]:
    """Each body row's text for the naming columns, an empty cell taking the one above (a merged cell)."""
    last: dict[str, str] = {}
    out = []
    for row in found.body:
        values = {}
        for role in roles:
            text = cell(row, found, role)
            if text:
                last[role] = text
            values[role] = text or last.get(role, "")
        out.append(values)
    return out


def indicator_rows(found: Recognised) -> list[IndicatorRow]:
    """The indicator rows of a performance, agreement, Renstra or efficiency table."""
    names = filled_down(found, ("tujuan", "sasaran", "indikator"))
    indicator_columns = [c.index for c in found.columns if c.role == "indikator"]
    rows = []
    label_columns = [c.index for c in found.columns if c.role in ("no", "kode", "tujuan", "sasaran", None)]
    for row, named in zip(found.body, names):
        if any(len(row.cells[i]) <= 40 and _is_total(row.cells[i]) for i in label_columns if i < len(row.cells)):
            continue  # "JUMLAH" / "RATA - RATA" in the number or sasaran column: the table's total, no indicator's
        # "Indikator Tujuan | … | Indikator Sasaran": the row's figures are the last named indicator's
        nama = next((row.cells[i].strip() for i in reversed(indicator_columns) if i < len(row.cells)
                     and row.cells[i].strip()), "") or (named["sasaran"] if found.kind == "efisiensi" else "")
        if not nama or _is_total(nama) or read_cell(nama).number is not None:
            continue
        item = IndicatorRow(bare_name(nama), bare_name(named["sasaran"]), bare_name(named["tujuan"]),
                            _clean(cell(row, found, "satuan")), source=Source(found, row))
        for role, name in (("formulasi", "definisi"), ("penanggung_jawab", "penanggung_jawab")):
            if _clean(cell(row, found, role)):
                item.texts[name] = _clean(cell(row, found, role))
        for column in found.columns:
            role = column.role
            if found.kind == "efisiensi" and role in ("realisasi_uang", "realisasi"):
                role = "penyerapan"  # an efficiency table's "Realisasi Anggaran" is the absorption in %
            if role == "tahun":  # a bare year column under no group: a target (Renstra matrix)
                role = "target"
            if role not in INDICATOR_FIELDS:
                continue
            text = row.cells[column.index] if column.index < len(row.cells) else ""
            printed = read_with_unit(text) if role in ("target", "realisasi", "target_akhir") else read_cell(text)
            if printed.number is None and printed.code is None and not printed.empty:
                continue
            year = column.year if column.role != "tahun" else int(column.label)
            year = year or found.year  # a yearless column of a table headed "… Tahun 2023"
            item.figures.setdefault((role, year), Figure(printed, Source(found, row)))
        rows.append(item)
    return rows


_AVERAGE = re.compile(r"\b(rata\s*-\s*rata|rata-rata|rata2|rerata)\b", re.IGNORECASE)
AVERAGE_FIELDS = {"capaian": "capaian_rata_rata", "penyerapan": "penyerapan_rata_rata",
                  "efisiensi": "efisiensi_rata_rata"}


def average_rows(found: Recognised) -> list[dict[str, Figure]]:
    """The "Rata-rata" rows of a performance or efficiency table: the report's own year averages, by field
    (capaian_rata_rata, penyerapan_rata_rata, efisiensi_rata_rata)."""
    out = []
    for row in found.body:
        words = " ".join(c for c in row.cells if c.strip() and read_cell(c).number is None)
        if not _AVERAGE.search(words):
            continue
        figures: dict[str, Figure] = {}
        for column in found.columns:
            role = column.role
            if found.kind == "efisiensi" and role in ("realisasi_uang", "realisasi"):
                role = "penyerapan"
            printed = read_cell(row.cells[column.index]) if column.index < len(row.cells) else None
            if role in AVERAGE_FIELDS and printed is not None and printed.number is not None:
                figures.setdefault(AVERAGE_FIELDS[role], Figure(printed, Source(found, row)))
        if figures:
            out.append(figures)
    return out


_ROMAN = re.compile(r"^[IVX]+\.?$")
_LETTER = re.compile(r"^[A-Z]\.?$")


def budget_lines(found: Recognised) -> list[BudgetLine]:
    """The lines of a budget table, each with its level: from the row's own words (Program, Kegiatan, Sub
    Kegiatan), else from a program column, else from the shape of its code (A / 1 / 1.1 / 1.1.1, or the
    Permendagri 90/2019 codes 7.01.01 / 7.01.01.2.01 / 7.01.01.2.01.01)."""
    found = realigned(found)
    lines: list[BudgetLine] = []
    program = ""
    numbers_programmes = bool(found.column("program"))  # "No | Program | Kegiatan": the number is the programme's
    counted = not numbers_programmes and _running_count([cell(row, found, "no") for row in found.body])
    coded = bool(found.column("kode") or (found.column("no") and not counted))
    for row in found.body:
        number = cell(row, found, "no")
        kode = cell(row, found, "kode") or ("" if numbers_programmes or counted else number)
        program_cell = cell(row, found, "program")
        name = cell(row, found, "kegiatan") or cell(row, found, "uraian") or cell(row, found, "indikator")
        if program_cell and program_cell != program:
            program = program_cell
            total = _is_total(program_cell)  # "JUMLAH" in the programme column
            lines.append(BudgetLine("total" if total else "program",
                                    None if total else (cell(row, found, "kode") or number).rstrip(".") or None,
                                    _clean(program_cell), source=Source(found, row)))
            if not name:  # the programme's own row
                _budget_figures(lines[-1], row, found)
                continue
        if not name and not kode and _is_total(number):  # "JUMLAH" in the number column of a programme list
            kode = number
        if not name and not kode:
            continue
        level = _level(kode, _clean(name), bool(found.column("program")) or not coded)
        line = BudgetLine(level, kode.rstrip(".") if kode and level != "total" else None, _clean(name) or _clean(kode),
                          source=Source(found, row))
        if name != cell(row, found, "indikator"):
            line.keluaran = _clean(cell(row, found, "indikator"))
            line.satuan = _clean(cell(row, found, "satuan"))
        _budget_figures(line, row, found)
        if line.figures:
            lines.append(line)
    _unnamed_remainder(found, lines)
    if not coded and not found.column("program"):
        _nest_by_sums(lines)
    return _absorption_checked(lines)


def _running_count(numbers: list[str]) -> bool:
    """A "No" column that only counts the rows (1, 2, 3 … without a break, totals aside): no code, so it tells
    no level (1.1 or A would)."""
    filled = [n.strip().rstrip(".") for n in numbers if n.strip() and not _is_total(n)]
    return len(filled) >= 2 and all(n.isdigit() for n in filled) and [int(n) for n in filled] == list(
        range(int(filled[0]), int(filled[0]) + len(filled)))


def _nest_by_sums(lines: list[BudgetLine]) -> None:
    """Without codes, a kegiatan and its sub kegiatan look alike: a line whose pagu is exactly the sum of the
    lines right after it is their parent (the report's own arithmetic tells the levels, nothing is guessed)."""
    def pagu(line: BudgetLine):  # a pagu printed "-" is nothing: 0
        figure = line.figures.get("pagu")
        if figure is None:
            return None
        return figure.value.number if figure.value.number is not None else 0 if figure.value.empty else None

    i = 0
    while i < len(lines):
        parent = lines[i]
        if parent.level == "kegiatan" and pagu(parent):
            total, j = 0, i + 1
            while j < len(lines) and lines[j].level == "kegiatan" and pagu(lines[j]) is not None and total < pagu(parent):
                total += pagu(lines[j])
                j += 1
            if j > i + 1 and total == pagu(parent):
                while j < len(lines) and lines[j].level == "kegiatan" and pagu(lines[j]) == 0:
                    j += 1  # a child printed "-" after the others still belongs to them
                for child in lines[i + 1:j]:
                    child.level = "sub_kegiatan"
                i = j
                continue
        i += 1


def _unnamed_remainder(found: Recognised, lines: list[BudgetLine]) -> None:
    """A budget column without a header whose every figure is pagu − realisasi of its row ("-" where they are
    equal) is the remainder (sisa): its cells, as printed, become the line's printed sisa."""
    if found.column("sisa"):
        return
    for column in (c for c in found.columns if c.role is None):
        pairs = [(line, read_cell(line.source.row.cells[column.index], money=True)) for line in lines
                 if "pagu" in line.figures and "realisasi" in line.figures and column.index < len(line.source.row.cells)]
        checked = [(line, printed) for line, printed in pairs
                   if line.figures["pagu"].value.number is not None and line.figures["realisasi"].value.number is not None]
        agree = sum(1 for line, printed in checked if _is_remainder(line, printed))
        if len(checked) >= 3 and agree >= 0.9 * len(checked):
            for line, printed in pairs:
                if printed.number is not None or printed.empty:
                    line.figures["sisa"] = Figure(printed, Source(found, line.source.row))
            return


def _is_remainder(line: BudgetLine, printed) -> bool:
    remainder = line.figures["pagu"].value.number - line.figures["realisasi"].value.number
    return printed.number == remainder if printed.number is not None else printed.empty and remainder == 0


def _absorption_checked(lines: list[BudgetLine]) -> list[BudgetLine]:
    """A column read as absorption (%) is kept only where it agrees with realisasi ÷ pagu on most rows that print
    all three: a header misaligned with its data (a converter's shifted cells) would otherwise put the wrong
    column's figures in the draft. Disagreeing figures are the audit's business only when the column is right."""
    checked = agreed = 0
    for line in lines:
        pagu, real, pct = (line.figures.get(k) for k in ("pagu", "realisasi", "penyerapan"))
        if pagu and real and pct and pagu.value.number and real.value.number is not None and pct.value.number is not None:
            checked += 1
            agreed += abs(real.value.number / pagu.value.number * 100 - pct.value.number) < 1
    if not checked or agreed < 0.8 * checked:  # unverifiable or wrong: not placed
        for line in lines:
            line.figures.pop("penyerapan", None)
    return lines


# A rupiah amount of a million or more: 1.234.567,00, Rp. 1.234.567,-, or 1234567 as a spreadsheet prints it.
_MONEY = re.compile(r"^(Rp\.?\s*)?(\d{1,3}(\.\d{3}){2,}|\d{7,})(,\d+|,-)?$", re.IGNORECASE)
NAMING_ROLES = ("kode", "no", "uraian", "program", "kegiatan", "indikator", "satuan")


def realigned(found: Recognised) -> Recognised:
    """A budget table whose header does not sit over its data (a converter shifted the cells: "Target | Realisasi"
    over "Rp | Kinerja | Satuan" triples) read by what its columns hold: the first two columns of rupiah figures
    are pagu and realisasi; the last column of small figures may be the absorption, kept only where it agrees
    with them (_absorption_checked). Tables whose header works are returned as they are."""
    def share(index: int, test) -> float:
        cells = [r.cells[index].strip() for r in found.body if index < len(r.cells)]
        return sum(1 for c in cells if test(c)) / max(len(cells), 1)

    def money_share(column) -> float:
        return share(column.index, lambda c: bool(_MONEY.match(c))) if column else 0.0

    if money_share(found.column("pagu")) >= 0.6 and money_share(found.column("realisasi_uang")) >= 0.6:
        return found
    money = [c for c in found.columns if share(c.index, lambda t: bool(_MONEY.match(t))) >= 0.6]
    if len(money) < 2:
        return found
    def numeric(c) -> bool:
        return share(c.index, lambda t: read_cell(t).number is not None or read_cell(t).empty) >= 0.6

    small = [c for c in found.columns if c.index > money[1].index
             and share(c.index, lambda t: (n := read_cell(t).number) is not None and n <= 200) >= 0.6]
    roles = {money[0].index: "pagu", money[1].index: "realisasi_uang"}
    if small:
        roles[small[-1].index] = "penyerapan"
    if found.column("indikator"):  # "Rp | Kinerja | Satuan" pairs: the output's target after the pagu, its result
        after = lambda start, end: [c for c in found.columns if start < c.index < end and c.index not in roles]
        for start, end, role in ((money[0].index, money[1].index, "target"),
                                 (money[1].index, small[-1].index if small else len(found.columns), "realisasi")):
            between = after(start, end)
            if between and numeric(between[0]):
                roles[between[0].index] = role
                if role == "target" and len(between) > 1 and not numeric(between[1]):
                    roles[between[1].index] = "satuan"
    columns = [Column(c.index, roles.get(c.index, c.role if c.role in NAMING_ROLES else None), None, c.label)
               for c in found.columns]
    return Recognised(found.table, found.kind, columns, found.body, realigned=True)


def budget_year(found: Recognised) -> int | None:
    """The year a budget table's figures are of: its pagu column's ("APBD Perubahan 2022 Anggaran"), else its
    caption's or heading's."""
    pagu = found.column("pagu")
    return (pagu.year if pagu else None) or found.year


def budget_column(found: Recognised, role: str) -> Column | None:
    """The column of a role that holds the budget year's figures: one naming no year or that year. A column
    naming another year ("Realisasi APBD TA 2021" beside the 2022 budget) is that year's, never this one's; where
    the year is unknown and the columns name several years, only a column naming none is taken."""
    year = budget_year(found)
    columns = [c for c in found.columns if c.role == role]
    if year is not None:
        columns = [c for c in columns if c.year in (None, year)]
    elif len({c.year for c in columns if c.year}) > 1:
        columns = [c for c in columns if c.year is None]
    columns.sort(key=lambda c: c.year is not None)
    return columns[0] if columns else None


def _budget_figures(line: BudgetLine, row: Row, found: Recognised) -> None:
    roles = [("pagu", "pagu"), ("realisasi_uang", "realisasi"), ("sisa", "sisa"), ("penyerapan", "penyerapan"),
             ("capaian", "penyerapan")]
    if line.keluaran:
        roles += [("target", "keluaran_target"), ("realisasi", "keluaran_realisasi")]
    for role, name in roles:
        column = budget_column(found, role) if role in ("pagu", "realisasi_uang", "sisa", "penyerapan",
                                                        "capaian") else found.column(role)
        text = row.cells[column.index].strip() if column is not None and column.index < len(row.cells) else ""
        if not text or name in line.figures:
            continue
        printed = read_cell(text, money=name in ("pagu", "realisasi", "sisa"))
        if printed.number is not None or printed.empty:
            line.figures[name] = Figure(printed, Source(found, row))


def _level(kode: str, name: str, program_column: bool) -> str:
    lowered = name.lower()
    if _is_total(name) or _is_total(kode) or _ROMAN.match(kode) or lowered in ("belanja", "jumlah belanja"):
        return "total"
    for prefix, level in (("sub kegiatan", "sub_kegiatan"), ("kegiatan", "kegiatan"), ("program", "program")):
        if lowered.startswith(prefix):
            return level
    if program_column:  # a programme column, or no code at all: the level below the programme
        return "kegiatan"
    if _LETTER.match(kode):
        return "program"
    parts = [p for p in kode.split(".") if p]
    if len(parts) >= 3 and len(parts[0]) == 1 and len(parts[1]) == 2:  # Permendagri 90/2019: 7.01.01[.2.01[.01]]
        return {3: "program", 5: "kegiatan"}.get(len(parts), "sub_kegiatan" if len(parts) == 6 else "rincian")
    level = {1: "kegiatan", 2: "sub_kegiatan"}.get(len(parts), "rincian")
    if level == "kegiatan" and lowered.startswith("belanja "):  # an expense line whose code lost its parts
        return "rincian"
    return level


def coded_levels(recognised: list[Recognised]) -> dict[str, str]:
    """The level each name has where the report prints it with a Permendagri 90/2019 code (a Renstra programme
    matrix, a coded budget table): the key of the name → program, kegiatan or sub_kegiatan. A name printed at two
    levels is left out."""
    levels: dict[str, set[str]] = {}
    for found in recognised:
        if not found.column("kode"):
            continue
        for row in found.body:
            kode = cell(row, found, "kode")
            name = cell(row, found, "uraian") or cell(row, found, "kegiatan") or cell(row, found, "program")
            level = _level(kode, "", False) if _PERMENDAGRI.match(kode) else None
            if level in ("program", "kegiatan", "sub_kegiatan") and name:
                levels.setdefault(name_key(_clean(name)), set()).add(level)
    return {key: found.pop() for key, found in levels.items() if len(found) == 1}


def relevelled(lines: list[BudgetLine], levels: dict[str, str]) -> list[BudgetLine]:
    """A table without codes calls its lines "Kegiatan" whether they are kegiatan or sub kegiatan: a line whose name
    the report prints elsewhere with a sub kegiatan code is a sub kegiatan (the code tells, not the word)."""
    uncoded = [line for line in lines if line.kode is None and line.level == "kegiatan"]
    known = [levels[name_key(line.nama)] for line in uncoded if name_key(line.nama) in levels]
    if len(known) >= len(uncoded) / 2 and known and set(known) == {"sub_kegiatan"}:
        for line in uncoded:  # one table, one level: the few names spelt otherwise than in the code table too
            line.level = "sub_kegiatan"
    else:
        for line in uncoded:
            if levels.get(name_key(line.nama)) == "sub_kegiatan":
                line.level = "sub_kegiatan"
    return lines


_PERMENDAGRI = re.compile(r"^\d\.\d\d\.\d\d(\.\d\.\d\d(\.\d{2,4})?)?$")


def _is_total(name: str) -> bool:
    return bool(re.match(r"^(jumlah|total|sub ?total|rata\s*-?\s*rata|capaian rata)", name.strip(" *").lower()))


_NUMBERING = re.compile(r"^\s*(\d+(\.\d+)*(\)\.?|\.)?(?=\s*[A-Za-z])|[a-z]\.(?=\s)|[IVX]+\.(?=\s)"
                        r"|[A-Z]{1,2}\d+(\.\d+)*(\.|\s(?=\s*[A-Za-z])|(?=[A-Z][a-z])))\s*")  # "1.1.", "a. ", "II. ", "S1.", "S3Meningkatnya"


def _clean(text: str) -> str:
    return " ".join(text.replace("**", "").replace("<b>", "").replace("</b>", "").split()).strip()


def bare_name(text: str) -> str:
    """A tujuan, sasaran or indicator name without the numbering a table puts before it ("1.1.Meningkatkan")."""
    return _NUMBERING.sub("", _clean(text))


@dataclass
class NamedValues:
    """A row of a table of named values (IKM unsur, IDM desa): its name and figures by role."""

    nama: str
    kode: str | None
    figures: dict[str, Figure]
    source: Source


def named_rows(found: Recognised, name_role: str, roles: tuple[str, ...]) -> list[NamedValues]:
    out = []
    for row in found.body:
        nama = _clean(cell(row, found, name_role))
        if not nama:
            continue
        figures = {}
        for role in roles:
            for column in (c for c in found.columns if c.role == role):
                printed = read_cell(row.cells[column.index])
                if (printed.number is not None or printed.code is not None) and role not in figures:
                    figures[role] = Figure(printed, Source(found, row))
        kode = cell(row, found, "kode_desa") or None
        out.append(NamedValues(nama, kode, figures, Source(found, row)))
    return out


def normal(name: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", name.lower()).split())


def name_key(name: str) -> str:
    """A name as tables spell it differently: abbreviations spelled out, shared misspellings mended, filler words
    dropped, each word once (kosakata.yaml)."""
    from .recognise import vocabulary

    words = " ".join(vocabulary()["singkatan"].get(w, w) for w in normal(name).split()).split()
    filler = set(vocabulary()["kata_pengisi"])
    return " ".join(dict.fromkeys(w for w in words if w not in filler))


def same_name(a: str, b: str, threshold: float = 0.85) -> bool:
    x, y = name_key(a), name_key(b)
    return bool(x) and (x == y or difflib.SequenceMatcher(None, x, y).ratio() >= threshold)


@dataclass
class PlanLine:
    """A line of a Renstra programme matrix: programme, kegiatan or sub kegiatan with its output indicator and a
    target and money per year."""

    level: str  # program, kegiatan, sub_kegiatan
    kode: str
    nama: str
    indikator: str
    satuan: str
    penanggung_jawab: str
    figures: dict[tuple[str, int | None], Figure] = field(default_factory=dict)
    source: Source | None = None


def plan_lines(found: Recognised) -> list[PlanLine]:
    """The coded lines of a Renstra programme matrix; the programme's own indicator is the last indicator column
    (the first names the sasaran's)."""
    indicator_columns = [c for c in found.columns if c.role == "indikator"]
    lines = []
    for row in found.body:
        kode = cell(row, found, "kode")
        parts = [p for p in kode.split(".") if p]
        if len(parts) < 3 or not all(p.isdigit() for p in parts):
            continue
        level = {3: "program", 5: "kegiatan", 6: "sub_kegiatan"}.get(len(parts))
        name = _clean(cell(row, found, "uraian"))
        if level is None or not name:
            continue
        indikator = _clean(row.cells[indicator_columns[-1].index]) if indicator_columns else ""
        line = PlanLine(level, kode, name, indikator, _clean(cell(row, found, "satuan")),
                        _clean(cell(row, found, "penanggung_jawab")), source=Source(found, row))
        for column in found.columns:
            if column.role in ("target", "pagu", "baseline", "target_akhir"):
                printed = read_cell(row.cells[column.index], money=column.role == "pagu")
                key = (column.role, column.year if column.role in ("target", "pagu") else None)
                if printed.value is not None and key not in line.figures:
                    line.figures[key] = Figure(printed, Source(found, row))
        lines.append(line)
    return lines
