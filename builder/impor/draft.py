"""Stage 4 of the import: the data files a careful contributor would write from the figures found, as YAML text.

Every value is a cell as printed, with a comment saying where (table, page or line); the report's own derived
figures (capaian, predikat, %, totals) go to `dinyatakan` so the audit compares them with ours. What the report
does not give is left blank and marked ISI, as the scaffolds do. Nothing is computed here.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

import yaml

from ..dataset import slug_of
from ..problems import printable
from .agreements import Signing, signings
from .cells import Printed, read_cell, year_in
from .document import Document
from .extract import (BudgetLine, Figure, IndicatorRow, Source, average_rows, bare_name, budget_lines, cell,
                      coded_levels, filled_down, indicator_rows, named_rows, normal, plan_lines, relevelled,
                      same_name)
from .claims import year_claims, year_indices, year_totals
from .narrative import narrative_sections
from .recognise import Recognised

PERFORMANCE_KINDS = ("perjanjian", "pengukuran", "efisiensi", "renstra", "iku")
DECLARED = {"capaian": "capaian", "predikat": "predikat", "capaian_tahun_lalu": "capaian_terhadap_tahun_lalu",
            "kemajuan": "kemajuan_renstra", "target_akhir": "target_akhir", "penyerapan": "penyerapan",
            "efisiensi": "efisiensi", "target": "target", "realisasi": "realisasi"}


class Quoted(str):
    """A text written in double quotes whatever it looks like (codes: "1.10", "A")."""


class Commented:
    """A scalar with a comment after it in the YAML."""

    def __init__(self, value, comment: str = "", figure: Figure | None = None):
        self.value, self.comment, self.figure = value, comment, figure


@dataclass
class Indicator:
    id: str
    nama: str
    sasaran: str = ""
    tujuan: str = ""
    satuan: str = ""
    rows: list[IndicatorRow] = field(default_factory=list)

    def figures(self, name: str, year: int, report_year: int) -> list[Figure]:
        """Every printed figure of a field for a year, in the report's order (a yearless column is the report's
        year)."""
        found = []
        for row in self.rows:
            for (field_name, field_year), figure in row.figures.items():
                if field_name == name and (field_year or report_year) == year:
                    found.append(figure)
        return found


@dataclass
class Outcome:
    """What the draft took from the report: figures per table, and what it could not place."""

    files: dict[str, str] = field(default_factory=dict)  # path relative to the kecamatan folder -> text
    used: Counter = field(default_factory=Counter)  # table index -> figures drafted
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------------------------
# Indicators: the same indicator in several tables, by its name
# ---------------------------------------------------------------------------------------------------------------


def indicators_of(recognised: list[Recognised], known: dict[str, str] | None = None) -> list[Indicator]:
    """Every indicator the performance tables name, once each (names matched loosely: reports spell them
    differently from table to table); `known` maps an existing Renstra's indicator names to their ids."""
    found: list[Indicator] = []
    for table in recognised:
        if table.kind not in PERFORMANCE_KINDS:
            continue
        for row in indicator_rows(table):
            match = next((i for i in found if same_name(i.nama, row.nama)), None)
            if match is None and table.kind in ("efisiensi", "iku"):
                continue  # an efficiency or IKU row adds to an indicator named elsewhere, never a new one
            if match is None:
                match = Indicator(_new_id(row.nama, found, known), row.nama)
                found.append(match)
            if table.kind == "renstra" and not any(r.source.table.kind == "renstra" for r in match.rows):
                # the Renstra names its indicators, sasaran and tujuan: its spelling over a summary table's
                match.nama = row.nama
                match.sasaran, match.tujuan = row.sasaran or match.sasaran, row.tujuan or match.tujuan
            match.sasaran = match.sasaran or row.sasaran
            match.tujuan = match.tujuan or row.tujuan
            match.satuan = match.satuan or row.satuan
            match.rows.append(row)
    measured = [i for i in found if any(r.source.table.kind != "perjanjian" for r in i.rows)]
    # An indicator only an agreement names (a unit's PK, an annex) is not a Renstra indicator of the kecamatan.
    return measured or found


def _new_id(name: str, taken: list[Indicator], known: dict[str, str] | None) -> str:
    for known_name, known_id in (known or {}).items():
        if same_name(known_name, name):
            return known_id
    base = short_id(name, "indikator")
    ident, n = base, 2
    while any(i.id == ident for i in taken):
        ident, n = f"{base}-{n}", n + 1
    return ident


FILLER_WORDS = {"dan", "yang", "di", "ke", "dari", "terhadap", "dengan", "pada", "untuk", "kecamatan"}


def short_id(name: str, fallback: str) -> str:
    """An id from the first meaningful words of a name: "Indeks Kepuasan Masyarakat (IKM)" -> indeks-kepuasan-masyarakat-ikm."""
    words = [w for w in slug_of(name).split("-") if w and w not in FILLER_WORDS] if name.strip() else []
    return "-".join(words[:6]) or fallback


# ---------------------------------------------------------------------------------------------------------------
# YAML with comments
# ---------------------------------------------------------------------------------------------------------------


class Literal:
    """A text written as a YAML literal block (`key: |`), with a comment after its indicator: narrative as printed,
    paragraphs and list lines kept. Characters YAML cannot hold in a block (controls, line and paragraph separators,
    bidi overrides) are dropped."""

    def __init__(self, text: str, comment: str = ""):
        kept = "".join(c for c in text if c == "\n" or unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp", "Cs"))
        self.lines = [line.rstrip() for line in kept.strip().split("\n")]
        self.comment = comment


def scalar(value) -> str:
    if isinstance(value, Quoted):  # the emitter's own double-quoted style escapes whatever the text holds
        return yaml.safe_dump(str(value), default_style='"', allow_unicode=True, width=10_000).strip()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: ""}[value]
    if isinstance(value, int):
        return str(value)
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000).strip()
    return text.removesuffix("...").strip()


def flow(mapping: dict) -> str:
    def inline(value) -> str:
        value = value.value if isinstance(value, Commented) else value
        if isinstance(value, str) and re.search(r"[,\[\]{}:#]", value):
            value = Quoted(value)  # a comma or colon would end the value inside { }
        return scalar(value)

    return "{" + ", ".join(f"{k}: {inline(v)}" for k, v in mapping.items()) + "}"


def emit(value, indent: int = 0) -> list[str]:
    """Block YAML of dicts, lists and scalars; `Commented` scalars carry their comment; a dict under `sumber` keys
    is written in flow style, as the guide's examples are."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, Literal):
                lines.append(f"{pad}{key}: |" + (f"  # {printable(item.comment)}" if item.comment else ""))
                lines += [f"{pad}  {line}" if line else "" for line in item.lines]
            elif isinstance(item, Commented):
                comment = f"  # {printable(item.comment)}" if item.comment else ""  # (a report's text cannot end it)
                lines.append(f"{pad}{key}: {scalar(item.value)}{comment}".rstrip())
            elif isinstance(item, dict) and item and (str(key).endswith("sumber") or len(item) <= 3 and not any(
                    isinstance(v, (dict, list, Commented, Literal)) for v in item.values())):
                lines.append(f"{pad}{key}: {flow(item)}")
            elif isinstance(item, (dict, list)):
                if not item:
                    continue
                lines.append(f"{pad}{key}:")
                lines += emit(item, indent + 2)
            else:
                lines.append(f"{pad}{key}: {scalar(item)}")
    elif isinstance(value, list):
        for item in value:
            block = emit(item, indent + 2)
            if block:
                lines.append(f"{pad}- {block[0].lstrip()}")
                lines += block[1:]
    return lines


def printed_value(figure: Figure) -> Commented:
    """A printed figure for the YAML: its value, and a comment saying where it was printed (and how, when its
    printed form is not the YAML one: "103%", "10.374.789.534,00")."""
    printed: Printed = figure.value
    value = printed.number if printed.number is not None else printed.code
    shown = scalar(value)
    how = f'dicetak "{printed.text}", ' if printed.text != shown else ""
    return Commented(value, f"{how}{figure.source.tabel}, {figure.source.place()}".rstrip(", "), figure)


def source_list(figures: list[Figure]) -> dict:
    tables = list(dict.fromkeys(f.source.tabel for f in figures))
    return {"tabel": "; ".join(tables)}


# ---------------------------------------------------------------------------------------------------------------
# The year file
# ---------------------------------------------------------------------------------------------------------------


def kinerja_rows(indicators: list[Indicator], year: int, report_year: int, outcome: Outcome) -> list[dict]:
    rows = []
    numbered_agreement = any(r.source.table.kind == "perjanjian" and r.source.table.table.number
                             for i in indicators for r in i.rows)
    for indicator in indicators:
        entry: dict = {"indikator": indicator.id}
        used: list[Figure] = []
        # The kecamatan's own agreement is the numbered table; untitled ones further on are often units' agreements.
        # Next year's agreement, printed at the back: the first one (the camat's, before the units').
        agreement = [f for f in indicator.figures("target", year, report_year) if f.source.table.kind == "perjanjian"
                     and (f.source.table.table.number or not numbered_agreement or year > report_year)
                     and (year <= report_year or f.source.table.table.index == first_agreement(indicators, year))]
        target = (agreement or [f for f in indicator.figures("target", year, report_year)
                                if f.source.table.kind in ("pengukuran", "efisiensi") and not _renstra_target(f)]
                  or [None])[0]
        realisasi = (indicator.figures("realisasi", year, report_year) or [None])[0]
        for name, figure in (("target", target), ("realisasi", realisasi)):
            if figure is not None and not figure.value.empty:
                entry[name] = printed_value(figure)
                used.append(figure)
        if realisasi is not None and realisasi.value.empty:
            entry["tidak_diukur"] = Commented(f'Realisasi tercetak "{realisasi.value.text}"',
                                              f"{realisasi.source.tabel}, {realisasi.source.place()}")
        declared = declared_entries(indicator, year, report_year, used)
        if not used and not declared:
            continue
        if used:
            entry["sumber"] = source_list(used)
        if declared:
            entry["dinyatakan"] = declared
        for figure in used:
            outcome.used[figure.source.table.table.index] += 1
        for block in declared:
            for key, value in block.items():
                if isinstance(value, Commented) and value.figure is not None:
                    outcome.used[value.figure.source.table.table.index] += 1
        rows.append(entry)
    return rows


def first_agreement(indicators: list[Indicator], year: int) -> int | None:
    """The index of the first agreement table that prints targets for `year`."""
    return min((row.source.table.table.index for i in indicators for row in i.rows
                if row.source.table.kind == "perjanjian" and any(k == ("target", year) for k in row.figures)),
               default=None)


def _renstra_target(figure: Figure) -> bool:
    """A target printed by a Renstra table ("… Terhadap Target Renstra 2021 - 2025"): the plan's, not the year's
    agreement."""
    table = figure.source.table
    return table.kind == "renstra" or "renstra" in table.title.lower()


def declared_entries(indicator: Indicator, year: int, report_year: int, used: list[Figure]) -> list[dict]:
    """The report's own figures per table: capaian, predikat, and target or realisasi printed again elsewhere.
    For a later year only its own agreement counts: the units' agreements after it promise other targets."""
    entries: dict[int, dict] = {}
    for row in indicator.rows:
        if row.source.table.kind == "renstra" and not any(k[0] == "realisasi" for k in row.figures):
            continue  # a Renstra matrix: its targets are the Renstra file's
        if year > report_year and not any(row.source.table is u.source.table for u in used):
            continue
        for (name, field_year), figure in row.figures.items():
            if (field_year or report_year) != year or name not in DECLARED or figure.value.empty:
                continue
            key = DECLARED[name]
            if name == "target" and _renstra_target(figure):
                key = "target_renstra"  # the plan's target beside the year's result: its own figure
            if any(figure is u for u in used) or (key in ("target", "realisasi") and
                                                  any(u.source.table is figure.source.table for u in used)):
                continue
            block = entries.setdefault(id(row), {"sumber": figure.source.sumber()})
            if key not in block:
                block[key] = printed_value(figure)
    return [b for b in entries.values() if len(b) > 1]


def budget_block(recognised: list[Recognised], outcome: Outcome, indicators: list[Indicator] = (),
                 sasaran: dict[str, str] | None = None) -> dict:
    """The year's budget: the programme tree of the main budget table, the budget per indicator or per sasaran,
    spending by type, and every printed total. `sasaran` maps a sasaran's name to its id in the Renstra."""
    per_kinerja = (per_indicator_budget(recognised, indicators, outcome)
                   or per_sasaran_budget(recognised, sasaran or {}, outcome))
    per_kinerja.update(belanja_block(recognised, outcome))
    planned = planned_budget(recognised, outcome)
    if "belanja" in planned and "belanja" not in per_kinerja:  # spending by type printed as a plan only
        per_kinerja.update({k: planned[k] for k in ("belanja", "belanja_sumber")})
    per_kinerja["dinyatakan"] = per_kinerja.get("dinyatakan", []) + planned.get("dinyatakan", [])
    if not per_kinerja["dinyatakan"]:
        del per_kinerja["dinyatakan"]
    table = next((t for t in recognised if t.kind == "anggaran" and _structured(budget_lines(t))), None)
    if table is None:
        return per_kinerja
    lines = relevelled(budget_lines(table), coded_levels(recognised))
    anggaran: dict = {"sumber": Source(table, table.body[0]).sumber() if table.body else {}}
    totals, programs = [], []
    stack: dict[str, dict] = {}
    children = {"program": ("kegiatan", "sub_kegiatan"), "kegiatan": ("sub_kegiatan",), "sub_kegiatan": ("rincian",)}
    for line in lines:
        item = _budget_item(line, outcome)
        if line.level == "total":
            totals.append(_printed_total(line, item))
            continue
        if line.level == "program":
            programs.append(item)
            stack = {"program": item}
            continue
        parent_level = {"kegiatan": ("program",), "sub_kegiatan": ("kegiatan", "program"),
                        "rincian": ("sub_kegiatan",)}[line.level]
        parent = next((stack[p] for p in parent_level if p in stack), None)
        if parent is None:  # a line before any programme: keep it as a programme of its own
            programs.append(item)
            stack = {"program": item}
            continue
        parent.setdefault(line.level, []).append(item)
        stack[line.level] = item
        for lower in children.get(line.level, ()):
            stack.pop(lower, None)
    _fill_from_other_tables(programs, [t for t in recognised if t.kind in ("anggaran", "anggaran_sasaran")
                                       and t is not table], outcome)
    anggaran["program"] = programs
    if totals or per_kinerja.get("dinyatakan"):
        anggaran["dinyatakan"] = totals + per_kinerja.pop("dinyatakan", [])
    anggaran.update(per_kinerja)
    return anggaran


def planned_budget(recognised: list[Recognised], outcome: Outcome, table: Recognised | None = None) -> dict:
    """A plan's list of programmes or of spending types with their pagu (an agreement's annex, "Rencana Anggaran"):
    its JUMLAH/TOTAL row is the report's own total; spending types fill `belanja`. With `table`, that table's
    programmes are the year's (next year's agreement annex)."""
    tables = [table] if table is not None else [t for t in recognised if t.kind == "rencana_anggaran"]
    block: dict = {}
    for found in tables:
        lines = [line for line in budget_lines(found) if "pagu" in line.figures]
        totals = [_printed_total(line, _budget_item(line, outcome)) for line in lines if line.level == "total"]
        named = [line for line in lines if line.level != "total"]
        if table is not None:
            block["sumber"] = Source(found, found.body[0]).sumber()
            block["program"] = [_planned_programme(line, outcome) for line in named]
        elif named and all(normal(line.nama).startswith("belanja") for line in named) and "belanja" not in block:
            block.update(_spending_by_type(found, named, outcome))
        block.setdefault("dinyatakan", []).extend(totals)
    if not block.get("dinyatakan"):
        block.pop("dinyatakan", None)
    return block


def _planned_programme(line: BudgetLine, outcome: Outcome) -> dict:
    """A programme of a plan's list; "1 Penunjang urusan …" printed in one cell is number 1."""
    numbered = re.match(r"^(\d+)[.)]?\s+(\S.*)$", line.nama)
    kode, nama = (numbered.group(1), numbered.group(2)) if numbered and not line.kode else (line.kode, line.nama)
    return {**({"kode": Quoted(kode)} if kode else {}), "nama": nama, "pagu": _budget_item(line, outcome)["pagu"]}


def agreement_blocks(recognised: list[Recognised], document: Document, year: int, report_year: int,
                     outcome: Outcome) -> dict:
    """The year's agreements as printed at the back of the report: who signed the kecamatan's own and when, and
    every unit's agreement after it (unit, parties, date, rows with their annex budget, JUMLAH). Only agreements
    whose parties the text names (Nama/Jabatan) are drafted."""
    signed = signings(document)
    tables = [t for t in recognised if t.kind == "perjanjian" and (t.year or report_year) == year]
    if not tables:
        return {}
    own = next((t for t in tables if t.table.number), tables[0])
    block: dict = {}
    if own.table.index in signed:
        block["perjanjian_kinerja"] = _agreement(own, signed[own.table.index], outcome, unit=False)
    units = [_agreement(t, signed[t.table.index], outcome, unit=True) for t in tables
             if t is not own and t.table.index in signed]
    if units:
        block["perjanjian_kinerja_unit"] = units
    return block


def _agreement(table: Recognised, signing: Signing, outcome: Outcome, unit: bool) -> dict:
    def official(party) -> dict:
        found = {"nama": party.nama}
        if party.nip:
            found["nip"] = Quoted(party.nip)
        if party.pangkat:
            found["pangkat"] = party.pangkat
        found["jabatan"] = party.jabatan
        return found

    item: dict = {"unit": signing.first.jabatan} if unit else {}
    item.update({"pihak_pertama": official(signing.first), "pihak_kedua": official(signing.second)})
    if signing.tanggal:
        item["tanggal"] = Quoted(signing.tanggal)
    item["sumber"] = Source(table, table.body[0]).sumber() if table.body else {"tabel": table.where()}
    if not unit:
        return item
    rows, total = [], None
    names = filled_down(table, ("sasaran", "indikator"))
    for row, named in zip(table.body, names):
        budget = _annex_money(table, row)
        if any(_is_total_cell(c) for c in row.cells):
            total = budget or total
            continue
        entry: dict = {}
        if named["sasaran"]:
            entry["sasaran"] = bare_name(named["sasaran"])
        entry["indikator"] = bare_name(named["indikator"]) or Commented("", "ISI: indikator (tidak tercetak di baris ini)")
        target = cell(row, table, "target")
        if target:
            entry["target"] = Quoted(" ".join(target.split()))
        for column in (c for c in table.columns if c.role in ("program", "kegiatan")):
            text = " ".join(row.cells[column.index].split()) if column.index < len(row.cells) else ""
            key = "sub_kegiatan" if column.label.lower().startswith("sub") else column.role
            if text and key not in entry:
                entry[key] = text
        if budget is not None:
            entry["anggaran"] = printed_value(Figure(budget, Source(table, row)))
            outcome.used[table.table.index] += 1
        if len(entry) > 1 or "target" in entry:
            rows.append(entry)
    item["baris"] = rows
    if total is not None:
        item["jumlah_anggaran"] = printed_value(Figure(total, Source(table, table.body[-1])))
    return item


def _annex_money(table: Recognised, row) -> Printed | None:
    """A row's money under "Anggaran", or in an unnamed column after it (a converter's shifted cells)."""
    column = table.column("pagu")
    if column is None:
        return None
    for index in range(column.index, len(row.cells)):
        unnamed = index >= len(table.columns) or table.columns[index].role is None
        printed = read_cell(row.cells[index], money=True)
        if (index == column.index or unnamed) and printed.number is not None:
            return printed
    return None


def _is_total_cell(text: str) -> bool:
    return bool(re.fullmatch(r"(jumlah|total)( anggaran)?\s*:?", text.strip(" *").lower()))  # not "Jumlah Temuan …"


def agreement_annex(recognised: list[Recognised], indicators: list[Indicator], year: int) -> Recognised | None:
    """The programme budget printed right after a later year's agreement (its annex)."""
    first = first_agreement(indicators, year)
    return next((t for t in recognised if first is not None and t.table.index == first + 1
                 and t.kind == "rencana_anggaran"), None)


def per_indicator_budget(recognised: list[Recognised], indicators: list[Indicator], outcome: Outcome) -> dict:
    """A table of the budget per indicator (pagu, realisasi, %) for the indicators drafted; its total row is the
    report's own total."""
    table = next((t for t in recognised if t.kind == "anggaran_kinerja"), None)
    if table is None:
        return {}
    rows, totals = [], []
    for line in budget_lines(table):
        item = _budget_item(line, outcome)
        item.pop("kode", None)
        if line.level == "total":
            totals.append(_printed_total(line, item))
            continue
        match = next((i for i in indicators if same_name(i.nama, line.nama)), None)
        if match is None:
            outcome.notes.append(f'{line.source.tabel}: anggaran untuk "{line.nama}" tidak ditulis: indikatornya tidak '
                                 "dikenali di tabel kinerja")
            continue
        item.pop("nama")
        rows.append({"indikator": match.id, **item})
    block: dict = {"per_kinerja_sumber": {"tabel": Source(table, table.body[0]).tabel}, "per_kinerja": rows} if rows else {}
    if totals:
        block["dinyatakan"] = totals
    return block


def per_sasaran_budget(recognised: list[Recognised], sasaran: dict[str, str], outcome: Outcome) -> dict:
    """A table of the budget per sasaran and programme: one row per programme under the sasaran it serves."""
    table = next((t for t in recognised if t.kind == "anggaran_sasaran"), None)
    if table is None or not sasaran:
        return {}
    served = {id(row): named["sasaran"] for row, named in zip(table.body, filled_down(table, ("sasaran",)))}
    rows, totals = [], []
    for line in budget_lines(table):
        if "pagu" not in line.figures:
            continue
        item = _budget_item(line, outcome)
        item.pop("kode", None)
        if line.level == "total":
            totals.append(_printed_total(line, item))
            continue
        name = served.get(id(line.source.row), "")
        match = next((key for key in sasaran if name and same_name(key, name)), None)
        if match is None:
            outcome.notes.append(f'{line.source.tabel}: anggaran "{line.nama}" tidak ditulis: sasarannya ("{name}") '
                                 "tidak dikenali di Renstra")
            continue
        rows.append({"sasaran": sasaran[match], "program": item.pop("nama"), **item})
    block: dict = {"per_kinerja_sumber": {"tabel": Source(table, table.body[0]).tabel}, "per_kinerja": rows} if rows else {}
    if totals:
        block["dinyatakan"] = totals
    return block


def year_averages(recognised: list[Recognised], year: int, report_year: int, outcome: Outcome) -> list[dict]:
    """The report's own averages for the year: each "Rata-rata" row of a performance or efficiency table."""
    entries = []
    for table in recognised:
        if table.kind not in ("pengukuran", "efisiensi") or (table.year or report_year) != year:
            continue
        for figures in average_rows(table):
            entry: dict = {"sumber": next(iter(figures.values())).source.sumber()}
            for name, figure in figures.items():
                entry[name] = printed_value(figure)
                outcome.used[table.table.index] += 1
            entries.append(entry)
    return entries


NARRATIVE_FIELDS = ("ringkasan", "isu_strategis", "permasalahan", "saran", "kesimpulan")  # the model's order


def narasi_block(document: Document) -> dict:
    """The report's narrative sections as printed, each with the heading and lines it was taken from."""
    found = narrative_sections(document)
    return {name: Literal(found[name].text, f"{found[name].heading[:60]}, {found[name].place()} (teks laporan)")
            for name in NARRATIVE_FIELDS if name in found}


def text_totals(document: Document, year: int) -> list[dict]:
    """The year's budget totals the running text states (claims.year_totals), as `anggaran.dinyatakan` entries for
    the audit: each figure as printed, with the sentence's heading and page/line."""
    entries = []
    for total in year_totals(document, year):
        place = text_place(total.where)
        entry: dict = {"sumber": text_source(total.section)}
        for name in ("pagu", "realisasi", "penyerapan"):
            if name in total.figures:
                value, printed = total.figures[name]
                entry[name] = Commented(value, f'dicetak "{printed}", {place}')
        entries.append(entry)
    return entries


def text_indices(document: Document, year: int) -> dict[str, list[dict]]:
    """{"ikm"|"akip": `dinyatakan` entries}: the index values the running text states for the report's year, each as
    printed with its heading and page/line, for the audit."""
    out: dict[str, list[dict]] = {}
    for found in year_indices(document, year):
        place = text_place(found.where)
        entry: dict = {"sumber": text_source(found.section),
                       "nilai": Commented(found.value, f'dicetak "{found.printed}", {place}')}
        if found.grade:
            entry["predikat"] = found.grade
        out.setdefault(found.index, []).append(entry)
    return out


def text_place(where: str) -> str:
    """The comment naming where a sentence of running text was printed."""
    return f"{where} (teks laporan)" if where else "teks laporan"


def text_source(section: str) -> dict:
    """The `sumber` of a figure taken from running text: the heading it stands under, marked "(teks)"."""
    return {"tabel": f"{section_name(section)} (teks)" if section else "teks laporan"}


def section_name(heading: str) -> str:
    """A heading as a source names it: letters printed spaced out ("P E N U T U P") joined, at most 80 characters."""
    joined = re.sub(r"\b((?:\w ){3,}\w)\b", lambda m: m.group(1).replace(" ", ""), " ".join(heading.split()))
    return joined[:80]


def klaim_block(document: Document) -> list[dict]:
    """The sentences of the running text that state counts for the year (claims.year_claims), each with its
    counts as printed and the heading and page/line it stands under."""
    entries = []
    for claim in year_claims(document):
        entry: dict = {"kutipan": Commented(Quoted(claim.quote), text_place(claim.where)),
                       "sumber": text_source(claim.section)}
        entry.update({f"jumlah_{key}": value for key, value in claim.counts.items()})
        if claim.all_reached:
            entry["seluruhnya_tercapai"] = Commented(True, "PERIKSA: kalimat ini menyatakan seluruhnya tercapai")
        entries.append(entry)
    return entries


def sasaran_block(recognised: list[Recognised], sasaran: dict[str, str], outcome: Outcome) -> list[dict]:
    """What an efficiency table prints per sasaran (no indicator column): capaian, absorption and efficiency as
    the report's own figures of that sasaran."""
    entries: dict[str, dict] = {}
    for table in recognised:
        if table.kind != "efisiensi" or table.column("indikator") or not table.column("sasaran"):
            continue
        for row in indicator_rows(table):
            match = next((key for key in sasaran if same_name(key, row.nama)), None)
            figures = {name: f for (name, _), f in row.figures.items()
                       if name in ("capaian", "penyerapan", "efisiensi") and f.value.number is not None}
            if match is None or not figures:
                continue
            printed = {"sumber": {"tabel": row.source.tabel}}
            for name, figure in figures.items():
                printed[name] = printed_value(figure)
                outcome.used[table.table.index] += 1
            entries.setdefault(sasaran[match], {"sasaran": sasaran[match], "dinyatakan": []})["dinyatakan"].append(printed)
    return list(entries.values())


def _fill_from_other_tables(programs: list[dict], others: list[Recognised], outcome: Outcome) -> None:
    """A programme whose own row prints no figures (a table that lists programmes only as a column) takes them
    from another budget table that prints that programme's row (per sasaran, per programme)."""
    other_lines = [budget_lines(table) for table in others]
    for program in programs:
        if not isinstance(program.get("pagu"), Commented) or program["pagu"].value is not None:
            continue
        for lines in other_lines:
            line = next((l for l in lines if same_name(l.nama, program["nama"]) and "pagu" in l.figures), None)
            if line is not None:
                found = _budget_item(line, outcome)
                program.update({k: found[k] for k in ("pagu", "realisasi", "dinyatakan") if k in found})
                if "dinyatakan" in program:
                    program["dinyatakan"]["sumber"] = line.source.sumber()
                break


def _printed_total(line: BudgetLine, item: dict) -> dict:
    """A JUMLAH/TOTAL row as the report's own total (anggaran.dinyatakan)."""
    total = {"sumber": {"tabel": f"{line.source.tabel}, baris {line.nama}"}}
    total.update({k: v for k, v in item.items() if k in ("pagu", "realisasi")})
    total.update(item.get("dinyatakan", {}))
    return total


def _structured(lines: list[BudgetLine]) -> bool:
    return any(line.level == "program" for line in lines)


def _budget_item(line: BudgetLine, outcome: Outcome) -> dict:
    item: dict = {}
    if line.kode:
        item["kode"] = Quoted(line.kode)
    item["nama"] = line.nama
    declared = {}
    for name in ("pagu", "realisasi", "penyerapan", "sisa"):
        figure = line.figures.get(name)
        if figure is None:
            continue
        printed = figure.value
        if printed.empty:
            if name in ("pagu", "sisa", "realisasi"):  # the guide: a pagu printed "-" is written 0 (so is spending)
                value = Commented(0, f'dicetak "{printed.text}", {figure.source.tabel}, {figure.source.place()}')
            else:
                continue
        else:
            value = printed_value(figure)
        outcome.used[figure.source.table.table.index] += 1
        if name in ("pagu", "realisasi"):
            item[name] = value
        else:
            declared[name] = value.value
    if "pagu" not in item:
        item["pagu"] = Commented(None, "ISI: pagu tidak tercetak di baris ini")
    if line.keluaran:
        item["keluaran"] = _output(line, outcome)
    if declared:
        item["dinyatakan"] = declared
    return item


def _output(line: BudgetLine, outcome: Outcome) -> dict:
    """The output indicator a budget line prints beside its name, with its target and result as printed."""
    output: dict = {"nama": line.keluaran}
    if line.satuan:
        output["satuan"] = line.satuan
    for name in ("target", "realisasi"):
        figure = line.figures.get(f"keluaran_{name}")
        if figure is not None and not figure.value.empty:
            output[name] = printed_value(figure)
            outcome.used[figure.source.table.table.index] += 1
    return output


def ikm_block(recognised: list[Recognised], outcome: Outcome) -> dict:
    table = next((t for t in recognised if t.kind == "ikm"), None)
    if table is None:
        return {}
    unsur, declared = [], []
    for row in named_rows(table, "unsur", ("nrr",)):
        figure = row.figures.get("nrr")
        if figure is None:
            continue
        outcome.used[table.table.index] += 1
        if re.search(r"\b(ikm|indeks|nilai|jumlah|rata)", row.nama.lower()) and not re.match(r"^(u|unsur)?\s*\d", row.nama.lower()):
            value = figure.value.number
            key = "nilai" if value is not None and value > 4 else None
            if key:
                declared.append({"sumber": figure.source.sumber(), key: printed_value(figure)})
            continue
        unsur.append({"nama": row.nama, "nrr": printed_value(figure)})
    block: dict = {"sumber": {"tabel": Source(table, table.body[0]).tabel}} if table.body else {}
    if unsur:
        block["unsur"] = unsur
    if declared:
        block["dinyatakan"] = declared
    return block if unsur or declared else {}


def idm_block(recognised: list[Recognised], outcome: Outcome) -> dict:
    table = next((t for t in recognised if t.kind == "idm"), None)
    if table is None:
        return {}
    desa = []
    for row in named_rows(table, "desa", ("iks", "ike", "ikl", "idm", "status")):
        if not all(k in row.figures for k in ("iks", "ike", "ikl")):
            continue
        item: dict = {}
        if row.kode:
            item["kode"] = Quoted(_desa_code(row.kode))
        item["nama"] = row.nama.title() if row.nama.isupper() else row.nama
        for key in ("iks", "ike", "ikl"):
            item[key] = printed_value(row.figures[key])
        declared = {k: row.figures[k].value.value for k in ("idm", "status") if k in row.figures}
        if declared:
            item["dinyatakan"] = declared
        outcome.used[table.table.index] += len(item) - 1
        desa.append(item)
    return {"sumber": {"tabel": Source(table, table.body[0]).tabel}, "desa": desa} if desa else {}


def _desa_code(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    if len(digits) == 10:  # 1403112001 -> 14.03.11.2001
        return f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}.{digits[6:]}"
    return text


# ---------------------------------------------------------------------------------------------------------------
# The Renstra file
# ---------------------------------------------------------------------------------------------------------------


def renstra_tree(indicators: list[Indicator], report_year: int, period: tuple[int, int]) -> list[dict]:
    """tujuan -> sasaran -> indikator, with every target a Renstra matrix prints."""
    tujuan: dict[str, dict] = {}
    for indicator in indicators:
        goal = tujuan.setdefault(normal(indicator.tujuan) or "", {
            "id": short_id(indicator.tujuan, f"tujuan-{len(tujuan) + 1}"),
            "nama": indicator.tujuan or Commented(None, "ISI: rumusan tujuan"), "sasaran": {}})
        target = goal["sasaran"].setdefault(normal(indicator.sasaran), {
            "id": short_id(indicator.sasaran, f"sasaran-{len(goal['sasaran']) + 1}"),
            "nama": indicator.sasaran or Commented(None, "ISI: rumusan sasaran"), "indikator": []})
        target["indikator"].append(_renstra_indicator(indicator, report_year, period))
    out = []
    for goal in tujuan.values():
        goal["sasaran"] = list(goal["sasaran"].values())
        out.append(goal)
    return out


def _printed_unit(indicator: Indicator) -> Commented | None:
    """The unit the report prints with the indicator's targets or results: "%" after them, or a rating code."""
    values = [f.value for row in indicator.rows for (name, _), f in row.figures.items() if name in ("target", "realisasi")]
    if values and any(v.percent for v in values):
        return Commented("%", "dicetak dengan tanda % pada target/realisasi")
    if values and all(v.code for v in values if not v.empty):
        return Commented("predikat", "target/realisasi dicetak sebagai kode predikat")
    return None


def _renstra_indicator(indicator: Indicator, report_year: int, period: tuple[int, int]) -> dict:
    values = [f.value for row in indicator.rows for (name, _), f in row.figures.items()
              if name in ("target", "realisasi", "target_akhir", "baseline")]
    # A rating indicator prints codes only; one that mixes a code among numbers ("B, 65, 65, 70, BB") is numeric,
    # and its codes are left out with a note: they belong to a rating indicator of its own.
    categorical = any(v.code and len(v.code) <= 2 for v in values) and not any(v.number is not None for v in values)
    left_out: list[str] = []
    item: dict = {"id": indicator.id, "nama": indicator.nama,
                  "satuan": indicator.satuan or _printed_unit(indicator) or Commented(
                      None, "ISI: satuan, mis. %, nilai, predikat (tidak tercetak di tabel)"),
                  "polaritas": Commented("naik", "PERIKSA: dugaan; tulis turun bila makin kecil makin baik")}
    if categorical:
        item["jenis"] = "kategori"
        item["skala_kategori"] = Commented("predikat-akip", "PERIKSA: skala kode predikat ini")
    for name in ("definisi", "penanggung_jawab"):  # as the IKU table prints them
        row = next((r for r in indicator.rows if name in r.texts), None)
        if row is not None:
            item[name] = Commented(row.texts[name], f"{row.source.tabel}, {row.source.place()}".rstrip(", "))
    matrix = [row for row in indicator.rows if row.source.table.kind == "renstra"
              or any(_renstra_target(f) for (name, _), f in row.figures.items() if name == "target")]
    targets: dict = {}
    for row in matrix:
        for (name, year), figure in row.figures.items():
            if not figure.value.empty and (figure.value.number is None) != categorical:
                left_out.append(figure.value.text)
                continue
            if name == "target" and year and period[0] <= year <= period[1] and year not in targets \
                    and not figure.value.empty:
                targets[year] = printed_value(figure)
            elif name == "baseline" and "baseline" not in item and not figure.value.empty:
                item["baseline"] = {"tahun": year or Commented(None, "ISI: tahun kondisi awal (tidak tercetak)"),
                                    "nilai": printed_value(figure)}
            elif name == "target_akhir" and "target_akhir" not in item and not figure.value.empty:
                item["target_akhir"] = printed_value(figure)
    if targets:
        item["target"] = {year: targets[year] for year in sorted(targets)}
        item["sumber"] = matrix[0].source.sumber()
    else:
        item["target"] = {report_year: Commented(None, "ISI: target Renstra tahun ini (tabel Renstra tidak dikenali)")}
    if left_out:
        item["catatan"] = (f"{matrix[0].source.tabel} juga mencetak {', '.join(dict.fromkeys(left_out))} di baris ini; "
                           "tidak ditulis karena jenisnya lain dari target lainnya (predikat di antara angka). PERIKSA: "
                           "bila perlu, buat indikator predikatnya sendiri.")
    return item


def plan_tree(recognised: list[Recognised], period: tuple[int, int]) -> list[dict]:
    """The Renstra programme matrix: programme -> kegiatan -> sub kegiatan with targets and money per year."""
    table = next((t for t in recognised if t.kind == "rencana_program"), None)
    if table is None:
        return []
    programs: list[dict] = []
    stack: dict[str, dict] = {}
    for line in plan_lines(table):
        item: dict = {"tingkat": line.level, "kode": Quoted(line.kode), "nama": line.nama}
        for key in ("indikator", "satuan"):
            if getattr(line, key):
                item[key] = getattr(line, key)
        baseline = line.figures.get(("baseline", None))
        if baseline is not None and not baseline.value.empty:
            item["baseline"] = printed_value(baseline)
        years = sorted({y for (_, y) in line.figures if y and period[0] <= y <= period[1]})
        targets = {}
        for year in years:
            pair = {name: printed_value(line.figures[(role, year)]).value
                    for name, role in (("kinerja", "target"), ("pagu", "pagu"))
                    if (role, year) in line.figures and not line.figures[(role, year)].value.empty}
            if pair:
                targets[year] = pair
        if targets:
            item["target"] = targets
        akhir = {name: line.figures[(role, None)].value.value for name, role in (("kinerja", "target_akhir"),
                                                                                ("pagu", "pagu"))
                 if (role, None) in line.figures and not line.figures[(role, None)].value.empty}
        if akhir:
            item["target_akhir"] = akhir
        if line.penanggung_jawab:
            item["penanggung_jawab"] = line.penanggung_jawab
        parent = {"program": None, "kegiatan": "program", "sub_kegiatan": "kegiatan"}[line.level]
        if parent is None or parent not in stack:
            programs.append(item)
        else:
            stack[parent].setdefault("anak", []).append(item)
        stack[line.level] = item
    return programs


def akip_blocks(recognised: list[Recognised], data_dir, report_year: int, outcome: Outcome) -> dict[int, dict]:
    """Per year, the AKIP evaluation's component scores of the first table that prints them (a year column each,
    or one column for the report's year), on the methodology whose components are exactly the ones printed; the
    TOTAL row is the report's own score."""
    methods = _akip_methods(data_dir)
    blocks: dict[int, dict] = {}
    for table in (t for t in recognised if t.kind == "akip" and methods):
        for column in (c for c in table.columns if c.role in ("target", "nilai")):  # a year's column, or the score
            year = column.year or report_year
            if year not in blocks:
                block = _akip_block(table, column, methods, outcome)
                if block:
                    blocks[year] = block
    return blocks


def _akip_block(table: Recognised, column, methods: dict, outcome: Outcome) -> dict | None:
    scores, total = {}, None
    for row in table.body:
        name = " ".join(row.cells[table.column("komponen").index].split())
        printed = read_cell(row.cells[column.index])
        if printed.number is None:
            continue
        figure = Figure(printed, Source(table, row))
        if not name or any(re.match(r"^(total|jumlah|nilai akhir|nilai akip)", c.strip().lower()) for c in row.cells):
            total = figure
        elif name not in scores:  # a name repeated from the row above is a merged cell, not a component
            scores[name] = figure
    method = _matching_method(methods, list(scores))
    if method is None:
        return None
    method_id, ids = method
    block: dict = {"metodologi": Commented(method_id, f"PERIKSA: komponen yang dicetak di {table.where()}"),
                   "komponen": [{"komponen": ids[name], "nilai": printed_value(f)} for name, f in scores.items()],
                   "sumber": {"tabel": Source(table, table.body[0]).tabel}}
    if total is not None:
        block["dinyatakan"] = [{"sumber": total.source.sumber(), "nilai": printed_value(total)}]
    outcome.used[table.table.index] += len(scores) + (total is not None)
    return block


def _akip_methods(data_dir) -> dict[str, dict[str, str]]:
    path = data_dir / "referensi" / "akip.yaml"
    if not path.is_file():
        return {}
    reference = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {method_id: {c["id"]: c["nama"] for c in method.get("komponen", [])}
            for method_id, method in (reference.get("metodologi") or {}).items()}


def _matching_method(methods: dict[str, dict[str, str]], printed: list[str]) -> tuple[str, dict[str, str]] | None:
    """The methodology with exactly as many components as printed, each printed name matching one of its names
    (by its first word: Perencanaan, Pengukuran, Pelaporan, Evaluasi, Pencapaian)."""
    for method_id, components in methods.items():
        if len(components) != len(printed):
            continue
        ids = {}
        for name in printed:
            first = normal(name).split(" ")[0]
            match = next((i for i, label in components.items()
                          if normal(label).split(" ")[0] == first and i not in ids.values()), None)
            if match is None:
                break
            ids[name] = match
        if len(ids) == len(printed):
            return method_id, ids
    return None


PEGAWAI_GROUPS = (("kelamin", "jenis_kelamin"), ("pendidikan", "pendidikan"), ("eselon", "eselon"),
                  ("golongan", "golongan"), ("pangkat", "golongan"))


def pegawai_block(recognised: list[Recognised], outcome: Outcome) -> dict:
    """Staff counts per golongan, sex, education and eselon, each table's group from its title (a report may head
    the education column "Jenis Kelamin") or else from its category column."""
    block: dict = {}
    tables = []
    for table in (t for t in recognised if t.kind == "pegawai"):
        group = next((g for text in (*table.titles(), table.column("kategori_pegawai").label)
                      for word, g in PEGAWAI_GROUPS if word in text.lower()), None)  # the title says it first
        if group is None or group in block:
            continue
        rows = []
        for row in table.body:
            kategori = " ".join(row.cells[table.column("kategori_pegawai").index].split())
            count = read_cell(row.cells[table.column("jumlah").index])
            if not kategori or count.number is None or count.number != count.number.to_integral_value():
                continue
            item = {"kategori": kategori, "jumlah": printed_value(Figure(count, Source(table, row)))}
            share = table.column("persentase")
            if share is not None:
                printed = read_cell(row.cells[share.index])
                if printed.number is not None:
                    item["persen_dinyatakan"] = printed.number
            outcome.used[table.table.index] += len(item) - 1
            rows.append(item)
        if rows:
            block[group] = rows
            tables.append(Source(table, table.body[0]).tabel)
    if block:
        block = {"sumber": {"tabel": ", ".join(tables)}, **block}
    return block


def survey_blocks(recognised: list[Recognised], report_year: int, outcome: Outcome) -> dict[int, dict]:
    """Per year, what a satisfaction survey's own tables print besides the unsur: respondents satisfied and not
    (the year its title names, else the report's) and the respondents' profile (the report's year)."""
    blocks: dict[int, dict] = {}
    for table in recognised:
        if table.kind == "survei_ikm" and table.body:
            row = table.body[0]
            year = (year_in(table.table.title) if table.table.title else table.year) or report_year
            block = blocks.setdefault(year, {})
            block.setdefault("sumber", {"tabel": Source(table, row).tabel})
            for role, key in (("responden", "responden"), ("puas", "puas"), ("tidak_puas", "tidak_puas")):
                column = table.column(role)
                printed = read_cell(row.cells[column.index]) if column else None
                if printed is not None and printed.number is not None and key not in block:
                    block[key] = printed_value(Figure(printed, Source(table, row)))
                    outcome.used[table.table.index] += 1
        elif table.kind == "responden_ikm":
            rows = _respondent_rows(table, outcome)
            if rows and "karakteristik" not in blocks.setdefault(report_year, {}):
                blocks[report_year]["karakteristik_sumber"] = {"tabel": Source(table, table.body[0]).tabel}
                blocks[report_year]["karakteristik"] = rows
    return {year: block for year, block in blocks.items() if len(block) > 1}


def _respondent_rows(table: Recognised, outcome: Outcome) -> list[dict]:
    rows, group = [], ""
    category = table.column("indikator") or table.column("kategori_pegawai")
    for row in table.body:
        group = " ".join(row.cells[table.column("karakteristik").index].split()) or group
        kategori = " ".join(row.cells[category.index].split()) if category else ""
        count = read_cell(row.cells[table.column("jumlah").index])
        if not group or not kategori or count.number is None or count.number != count.number.to_integral_value():
            continue
        item = {"kelompok": group.capitalize() if group.isupper() else group, "kategori": kategori,
                "jumlah": printed_value(Figure(count, Source(table, row)))}
        share = table.column("persentase")
        printed = read_cell(row.cells[share.index]) if share else None
        if printed is not None and printed.number is not None:
            item["persen_dinyatakan"] = printed.number
        outcome.used[table.table.index] += len(item) - 2
        rows.append(item)
    return rows


def _spending_head(name: str) -> str:
    """A spending line's name as the group list spells it: without its numbering ("A.", "II", "5.1")."""
    words = normal(name).split()
    while len(words) > 1 and re.fullmatch(r"[a-z]|[ivx]+|\d+", words[0]):
        words = words[1:]
    return " ".join(words)


def belanja_block(recognised: list[Recognised], outcome: Outcome) -> dict:
    """Spending by type (Belanja Operasi with Pegawai and Barang dan Jasa under it, Belanja Modal …): a budget
    table whose lines are mostly "Belanja …" names; its JUMLAH is the report's own total."""
    for table in (t for t in recognised if t.kind == "anggaran"):
        lines = [line for line in budget_lines(table) if line.figures]
        named = [line for line in lines if normal(line.nama).startswith("belanja")]
        if len(named) < 2 or len(named) < len(lines) / 2 or _structured(lines):
            continue  # (a programme tree's expense lines are rincian, not the spending by type)
        return _spending_by_type(table, named, outcome)
    return {}


def _spending_by_type(table: Recognised, named: list[BudgetLine], outcome: Outcome) -> dict:
    """Spending lines as groups (Belanja Operasi, Belanja Modal …) with the lines under each as rincian."""
    from .recognise import vocabulary

    heads = [normal(h) for h in vocabulary()["belanja_induk"]]
    belanja: list[dict] = []
    for line in named:
        item = _budget_item(line, outcome)
        entry = {"jenis": line.nama.title() if line.nama.isupper() else line.nama,
                 **{k: v for k, v in item.items() if k in ("pagu", "realisasi", "dinyatakan")}}
        if _spending_head(line.nama) in heads or not belanja:  # "Belanja Modal", not "Belanja Modal Peralatan …"
            belanja.append(entry)
        else:
            belanja[-1].setdefault("rincian", []).append(entry)
    return {"belanja_sumber": {"tabel": Source(table, table.body[0]).tabel}, "belanja": belanja}
