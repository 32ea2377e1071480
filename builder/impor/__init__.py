"""Drafting data files from a report file: read -> recognise -> extract -> draft.

`python -m builder impor BERKAS --kecamatan KABUPATEN/KECAMATAN` reads a report (text, DOCX or PDF: read.py) into
one form (document.py), says what each table is from its header words (recognise.py, kosakata.yaml), takes each
printed figure with its cell (extract.py) and writes the files a careful contributor would (draft.py): profil,
Renstra, the report's year and the earlier years it prints. It never overwrites a file and never invents a
figure: what it cannot place is left blank (ISI) and listed.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal, InvalidOperation
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import models as m
from ..dataset import slug_of
from ..problems import printable
from ..scaffold import FORMAT_LINE, ScaffoldError, modeline, new_kecamatan, official_codes
from .document import Document, DocumentError
from .draft import (Outcome, agreement_annex, agreement_blocks, akip_blocks, budget_block, emit, idm_block, ikm_block, indicators_of,
                    kinerja_rows, klaim_block, narasi_block, text_indices, text_totals, pegawai_block, plan_tree, planned_budget, renstra_tree, sasaran_block,
                    survey_blocks, year_averages)
from .extract import realigned
from .methods import efficiency_formula, rating_scale
from .read import read_document
from .recognise import Recognised, kind_title, recognise

__all__ = ["DocumentError", "ImportResult", "draft_files", "import_report"]


@dataclass
class ImportResult:
    files: dict[Path, str]  # new files and their text (nothing existing among them)
    recognised: list[Recognised]
    used: Counter  # table index -> figures drafted
    notes: list[str] = field(default_factory=list)
    year: int = 0

    def table_lines(self) -> list[str]:
        """One line per table: recognised (with figures drafted), partly, or not — to fill in by hand."""
        out = []
        for found in self.recognised:
            count = self.used.get(found.table.index, 0)
            if found.kind and count:
                shifted = " (kolom dibaca dari isinya, karena judul kolomnya bergeser dari datanya: periksa)" if (
                    found.kind == "anggaran" and realigned(found).realigned) else ""
                out.append(f"dikenali: {found.where()}: {kind_title(found.kind)}, {count} angka{shifted}")
            elif found.kind:
                out.append(f"sebagian: {found.where()}: tampak seperti {kind_title(found.kind)}, tetapi angkanya "
                           "tidak ditempatkan (tabel lain dengan isi yang sama dipakai, atau susunannya tidak dikenali)"
                           " — periksa sendiri")
            elif any(any(c.strip() for c in r.cells) for r in found.table.rows[1:]):
                out.append(f"tidak dikenali: {found.where()} — isi sendiri bila datanya perlu")
        return out


def report_year(document: Document) -> int | None:
    """The year a report is about: the year its title pages name most ("... TAHUN 2023")."""
    years = Counter()
    for paragraph in document.paragraphs[:40]:
        for match in re.finditer(r"\btahun\s+((?:19|20)\d\d)\b", paragraph.text, re.IGNORECASE):
            years[int(match.group(1))] += 1
    return years.most_common(1)[0][0] if years else None


def report_kind(document: Document) -> str:
    text = " ".join(p.text for p in document.paragraphs[:40]).upper()
    for kind in ("LKJIP", "LAKIP", "LKJ"):
        if re.search(rf"\b{kind}\b", text.replace("LKjIP".upper(), "LKJIP")):
            return {"LKJIP": "LKjIP", "LAKIP": "LAKIP", "LKJ": "LKj"}[kind]
    return "LKjIP"


def renstra_period(recognised: list[Recognised], document: Document, year: int) -> tuple[int, int]:
    """The Renstra period: as the text names it ("Renstra 2021-2026") where the matrix's years fall inside it, else
    the years the matrix prints targets for."""
    matrix: tuple[int, int] | None = None
    for found in recognised:
        years = found.years("target") if found.kind == "renstra" else []
        if years:
            end = max(years + found.years("target_akhir"))
            if years[0] <= year <= end:
                matrix = (years[0], end)
                break
    for paragraph in document.paragraphs:
        match = re.search(r"renstra\D{0,60}?((?:19|20)\d\d)\s*(?:[-–—/]|s\.?/?d\.?)\s*((?:19|20)\d\d)", paragraph.text, re.I)
        if not match:
            continue
        named = int(match.group(1)), int(match.group(2))
        if named[0] <= year <= named[1] and (matrix is None or named[0] <= matrix[0] and matrix[1] <= named[1]):
            return named
    return matrix or (year - 1, year + 3)


def draft_files(document: Document, data_dir: Path, slug: str, nama: str | None = None,
                tahun: int | None = None) -> ImportResult:
    """The files of a kecamatan not yet in the data, drafted from its report."""
    year = tahun or report_year(document)
    if year is None:
        raise ScaffoldError("tahun laporan tidak ditemukan di halaman judul; tulis --tahun, mis. --tahun 2023")
    recognised = recognise(document)
    outcome = Outcome()
    kab_folder, kec_folder = slug.split("/") if slug.count("/") == 1 else (slug, "")
    period = renstra_period(recognised, document, year)
    nama = nama or _official_name(data_dir, kab_folder, kec_folder) or kec_folder.replace("-", " ").title()
    scaffold = new_kecamatan(data_dir, slug, nama, *period)
    kec_dir = data_dir / "wilayah" / kab_folder / kec_folder
    report_id = f"{report_kind(document).lower()}-{year}"
    files: dict[Path, str] = {}
    for path, text in scaffold.files.items():
        if path.name == "profil.yaml":
            text = _fill_profil(text, document, report_id, year, _methods(recognised, data_dir))
        if path.name.startswith("renstra-"):
            continue
        files[path] = text
    indicators = indicators_of(recognised)
    renstra_path = kec_dir / f"renstra-{period[0]}-{period[1]}.yaml"
    tree = renstra_tree(indicators, year, period)
    sasaran = {s["nama"]: s["id"] for goal in tree for s in goal["sasaran"] if isinstance(s["nama"], str)}
    files[renstra_path] = _renstra_text(renstra_path, data_dir, nama, period, tree, plan_tree(recognised, period),
                                        document)
    akip = akip_blocks(recognised, data_dir, year, outcome)
    survey = survey_blocks(recognised, year, outcome)
    for draft_year in sorted(set(_years_printed(indicators, year)) | set(akip) | set(survey), reverse=True):
        path = kec_dir / f"{draft_year}.yaml"
        text = _year_text(path, data_dir, nama, draft_year, year, report_id, recognised, indicators, outcome, document,
                          akip.get(draft_year), survey.get(draft_year), sasaran)
        if text:
            files[path] = text
    result = ImportResult(files, recognised, outcome.used, outcome.notes, year)
    files[kec_dir / "SUMBER.md"] = sources_text(result, document, nama, report_id)
    return result


def sources_text(result: ImportResult, document: Document, nama: str, report_id: str) -> str:
    """SUMBER.md: which table of the report went where, for the staff member finishing the draft and the
    reviewer (the guide's map of a report, started by the importer)."""
    lines = [f"# Sumber data: laporan kinerja Kecamatan {nama} tahun {result.year}", "",
             f"- Id laporan: `{report_id}` (profil.yaml). Berkas sumber: `{_cell(Path(document.path).name)}` "
             f"({document.format}{f', {document.pages} halaman' if document.pages else ''}).",
             "- Draf dibuat oleh `python -m builder impor`; setiap angka di berkas YAML menyebut tabel dan "
             "halaman/barisnya di komentar. Lengkapi tabel di bawah saat memeriksa draf.", "",
             "## Peta tabel laporan", "", "| Tabel laporan | Status | Catatan |", "|---|---|---|"]
    for line in result.table_lines():
        status, _, rest = line.partition(": ")
        where, _, note = rest.partition(": ") if status != "tidak dikenali" else rest.partition(" — ")
        lines.append(f"| {_cell(where)} | {status} | {_cell(note)} |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return printable(text).replace("|", "\\|")


def _official_name(data_dir: Path, kab: str, kec: str) -> str | None:
    found = official_codes(data_dir, kab, kec).get("kecamatan")
    return found[1].title() if found else None


def _years_printed(indicators, report_year: int) -> list[int]:
    years = {report_year}
    for indicator in indicators:
        for row in indicator.rows:
            if row.source.table.kind == "renstra" and not any(k[0] == "realisasi" for k in row.figures):
                continue
            years.update(y for (name, y) in row.figures if y and name == "realisasi" and y <= report_year)
            if row.source.table.kind == "perjanjian" and ("target", report_year + 1) in row.figures:
                years.add(report_year + 1)  # next year's agreement, printed at the back of the report
    return sorted(years, reverse=True)


def _methods(recognised: list[Recognised], data_dir: Path) -> dict[str, tuple[str, str]]:
    found = {"skala_capaian": rating_scale(recognised, data_dir), "rumus_efisiensi": efficiency_formula(recognised)}
    return {key: value for key, value in found.items() if value}


def _fill_profil(text: str, document: Document, report_id: str, year: int,
                 methods: dict[str, tuple[str, str]]) -> str:
    title = cover_title(document)
    values = {"id": report_id, "jenis": report_kind(document), "tahun": str(year),
              "judul": _yaml_scalar(title) if title else None, "berkas": _yaml_scalar(Path(document.path).name)}
    lines = []
    for line in text.splitlines():
        match = re.match(r"^(\s*(?:- )?)(\w+):\s+# ISI", line)
        if match and values.get(match.group(2)):
            line = f"{match.group(1)}{match.group(2)}: {values[match.group(2)]}  # dari berkas laporan"
        elif match and match.group(2) in methods:
            choice, why = methods[match.group(2)]
            line = f"{match.group(1)}{match.group(2)}: {choice}  # PERIKSA: {why}"
        elif re.match(r"^\s*berkas:", line):
            line = re.sub(r"^(\s*berkas:).*$", rf"\1 {values['berkas']}", line)
        lines.append(line)
    return "\n".join(lines) + "\n"


def cover_title(document: Document) -> str | None:
    """The report's title as its cover prints it: the first short line naming the report (Laporan, LKjIP, LAKIP)
    and the capitalised lines under it ("KECAMATAN LIMA PULUH PESISIR", "TAHUN 2023"), up to the first heading or
    text (the Kata Pengantar is not the title)."""
    lines: list[str] = []
    for paragraph in document.paragraphs[:20]:
        text = paragraph.text.strip("*# ")
        if len(text) > 120:
            break
        if not lines:
            if re.search(r"\b(laporan|lkjip|lakip)\b", text.lower()):
                lines.append(text)
        elif text == text.upper() and not re.fullmatch(r"(kata pengantar|daftar isi|ikhtisar eksekutif)",
                                                        text.lower()):
            lines.append(text)
        else:
            break
    return " ".join(" ".join(lines).split())[:200] or None


def _yaml_scalar(text: str) -> str:
    return yaml.safe_dump(text, default_flow_style=True, allow_unicode=True, width=10_000).strip().removesuffix("...").strip()


def _header(path: Path, data_dir: Path, model, lines: list[str]) -> list[str]:
    """The opening comments; a file name or title from the report is printed with its control characters and line
    separators escaped, so that it cannot start a line of YAML."""
    return [modeline(path, data_dir, model), *(f"# {printable(line)}" for line in lines), FORMAT_LINE]


def _renstra_text(path: Path, data_dir: Path, nama: str, period: tuple[int, int], tree: list[dict],
                  program: list[dict], document: Document) -> str:
    lines = _header(path, data_dir, m.Renstra, [
        f"Renstra Kecamatan {nama} {period[0]}–{period[1]}, dibuat oleh `python -m builder impor` dari "
        f"{Path(document.path).name}.",
        "Setiap angka seperti dicetak, dengan tabel dan halaman/barisnya di komentar. Periksa baris PERIKSA dan isi "
        "baris ISI.",
    ])
    lines += emit({"periode": {"mulai": period[0], "selesai": period[1]}, "tujuan": tree, "program": program})
    return "\n".join(lines) + "\n"


def _year_text(path: Path, data_dir: Path, nama: str, year: int, report_year: int, report_id: str,
               recognised: list[Recognised], indicators, outcome: Outcome, document: Document,
               akip: dict | None = None, survey: dict | None = None, sasaran: dict[str, str] | None = None
               ) -> str | None:
    kinerja = kinerja_rows(indicators, year, report_year, outcome)
    body: dict = {"tahun": year, "laporan": report_id}
    agreements = agreement_blocks(recognised, document, year, report_year, outcome)
    if "perjanjian_kinerja" in agreements:
        body["perjanjian_kinerja"] = agreements["perjanjian_kinerja"]
    if kinerja:
        body["kinerja"] = kinerja
    if akip:
        body["akip"] = akip
    ikm = {**(ikm_block(recognised, outcome) if year == report_year else {}), **(survey or {})}
    if ikm:
        body["ikm"] = ikm
    if year == report_year:
        for key, block in (("sasaran", sasaran_block(recognised, sasaran or {}, outcome)),
                           ("anggaran", budget_block(recognised, outcome, indicators, sasaran)),
                           ("pegawai", pegawai_block(recognised, outcome)),
                           ("idm", idm_block(recognised, outcome))):
            if block:
                body[key] = block
    elif not kinerja and not akip and not survey:
        return None
    elif year > report_year and (annex := agreement_annex(recognised, indicators, year)) is not None:
        body["anggaran"] = planned_budget(recognised, outcome, annex)
    if "perjanjian_kinerja_unit" in agreements:
        body["perjanjian_kinerja_unit"] = agreements["perjanjian_kinerja_unit"]
    averages = year_averages(recognised, year, report_year, outcome)
    if averages:
        body["dinyatakan"] = averages
    if year == report_year and (stated := text_totals(document, year)):
        budget = body.setdefault("anggaran", {})
        budget["dinyatakan"] = [*budget.get("dinyatakan", []), *stated]
    if year == report_year:
        indices = text_indices(document, year)
        if indices.get("ikm"):
            ikm = body.setdefault("ikm", {})
            ikm["dinyatakan"] = [*ikm.get("dinyatakan", []), *indices["ikm"]]
        if indices.get("akip") and "akip" in body:  # an akip block needs its method; text alone gives none
            body["akip"]["dinyatakan"] = [*body["akip"].get("dinyatakan", []), *indices["akip"]]
    if year == report_year and (claims := klaim_block(document)):
        body["klaim"] = claims
    if year == report_year and (narrative := narasi_block(document)):
        body["narasi"] = narrative
    what = ("tahun laporan" if year == report_year else
            f"target tahun {year} dari Perjanjian Kinerja {year} di lampiran laporan {report_year}" if year > report_year
            else f"angka tahun {year} yang dicetak laporan {report_year} (kolom tahun-tahun sebelumnya)")
    lines = _header(path, data_dir, m.Tahunan, [
        f"Kinerja Kecamatan {nama} {year}: {what}; dibuat oleh `python -m builder impor` dari "
        f"{Path(document.path).name}.",
        "Angka seperti dicetak; angka turunan laporan (capaian, %, jumlah, predikat) di `dinyatakan`. Komentar tiap "
        "angka menyebut tabel dan halaman/barisnya.",
    ])
    lines += emit(body)
    return "\n".join(lines) + "\n"


def draft_new_years(document: Document, data_dir: Path, slug: str, tahun: int | None = None) -> ImportResult:
    """For a kecamatan already in the data: only the years it has no file for, with its own Renstra's ids; where
    the report's Renstra or indicators differ from ours, a note (nothing of ours is changed)."""
    from ..validate import load_and_validate

    year = tahun or report_year(document)
    if year is None:
        raise ScaffoldError("tahun laporan tidak ditemukan di halaman judul; tulis --tahun, mis. --tahun 2023")
    dataset, problems = load_and_validate(data_dir, (slug,))
    kec = dataset.kecamatan.get(slug)
    if kec is None or any(p.is_error for p in problems):
        raise ScaffoldError(f"data {slug} belum sah; jalankan dulu python -m builder validate {slug} dan perbaiki "
                            "galatnya, lalu impor lagi")
    if kec.renstra_for(year) is None:
        raise ScaffoldError(f"tidak ada Renstra {kec.profil.nama} yang mencakup {year}; tambahkan dulu berkas "
                            "renstra-<mulai>-<selesai>.yaml (atau impor laporan itu ke folder baru untuk drafnya)")
    recognised = recognise(document)
    outcome = Outcome()
    places = kec.indicators_in_force(year)
    known = {p.indikator.nama: p.indikator.id for p in places}
    drafted = indicators_of(recognised, known)
    ours = [i for i in drafted if i.id in known.values()]
    for indicator in drafted:
        if indicator.id not in known.values():
            outcome.notes.append(f'indikator "{indicator.nama}" ({indicator.rows[0].source.tabel}) tidak ada di Renstra '
                                 f"{kec.profil.nama} yang berlaku {year}: angkanya tidak ditulis; tambahkan ke Renstra "
                                 "bila memang indikatornya")
    outcome.notes += renstra_differences(drafted, places, year)
    report_id = next((lap.id for lap in kec.profil.laporan if lap.tahun == year), f"{report_kind(document).lower()}-{year}")
    if report_id not in kec.report_ids():
        outcome.notes.append(f"daftarkan laporan ini di profil.yaml bagian laporan: - id: {report_id}, jenis: "
                             f"{report_kind(document)}, tahun: {year}, berkas: {Path(document.path).name}")
    kec_dir = data_dir / "wilayah" / slug
    files: dict[Path, str] = {}
    akip = akip_blocks(recognised, data_dir, year, outcome)
    survey = survey_blocks(recognised, year, outcome)
    for draft_year in sorted(set(_years_printed(ours, year)) | set(akip) | set(survey), reverse=True):
        path = kec_dir / f"{draft_year}.yaml"
        if path.exists():
            outcome.notes.append(f"{path.name} sudah ada: tidak ditulis ulang; angka {draft_year} dari laporan ini "
                                 "dapat dibandingkan dengan python -m builder audit")
            continue
        text = _year_text(path, data_dir, kec.profil.nama, draft_year, year, report_id, recognised, ours, outcome,
                          document, akip.get(draft_year), survey.get(draft_year),
                          {p.sasaran.nama: p.sasaran.id for p in places if p.sasaran})
        if text:
            files[path] = text
    return ImportResult(files, recognised, outcome.used, outcome.notes, year)


def renstra_differences(drafted, places, year: int) -> list[str]:
    """Where a Renstra matrix of the report prints another target than our Renstra file holds."""
    by_id = {p.indikator.id: p.indikator for p in places}
    notes = []
    for indicator in drafted:
        ours = by_id.get(indicator.id)
        if ours is None:
            continue
        for row in indicator.rows:
            if row.source.table.kind != "renstra":
                continue
            for (name, target_year), figure in row.figures.items():
                if name != "target" or not target_year or figure.value.value is None:
                    continue
                held = ours.target.get(target_year)
                if held is not None and not _same_value(held, figure.value.value):
                    notes.append(f"Renstra berbeda: {ours.nama} target {target_year}: laporan {figure.value.text} "
                                 f"({figure.source.tabel}, {figure.source.place()}), data kita {held}")
    return notes


def _same_value(held, printed) -> bool:
    try:
        return Decimal(str(held)) == Decimal(str(printed))
    except (InvalidOperation, ValueError):
        return str(held).strip().upper() == str(printed).strip().upper()


def import_report(path: Path, data_dir: Path, slug: str, nama: str | None = None,
                  tahun: int | None = None) -> ImportResult:
    """Read a report and draft its files: a new kecamatan's every file, or an existing one's missing years."""
    kab, _, kec = slug.partition("/")
    if not kab or not kec or slug_of(kec) != kec or slug_of(kab) != kab:
        raise ScaffoldError(f'"{slug}" bukan nama folder yang sah: tulis <kabupaten>/<kecamatan>, huruf kecil dan -')
    document = read_document(path)
    if (data_dir / "wilayah" / kab / kec).exists():
        return draft_new_years(document, data_dir, slug, tahun)
    return draft_files(document, data_dir, slug, nama, tahun)
