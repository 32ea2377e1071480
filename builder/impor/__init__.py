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
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import models as m
from ..dataset import slug_of
from ..scaffold import FORMAT_LINE, ScaffoldError, modeline, new_kecamatan
from .document import Document, DocumentError
from .draft import (Outcome, budget_block, emit, idm_block, ikm_block, indicators_of, kinerja_rows,
                    renstra_tree)
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
                out.append(f"dikenali: {found.where()}: {kind_title(found.kind)}, {count} angka")
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
    files[renstra_path] = _renstra_text(renstra_path, data_dir, nama, period, renstra_tree(indicators, year, period),
                                        document)
    for draft_year in _years_printed(indicators, year):
        path = kec_dir / f"{draft_year}.yaml"
        text = _year_text(path, data_dir, nama, draft_year, year, report_id, recognised, indicators, outcome, document)
        if text:
            files[path] = text
    return ImportResult(files, recognised, outcome.used, outcome.notes, year)


def _official_name(data_dir: Path, kab: str, kec: str) -> str | None:
    from ..scaffold import official_codes

    found = official_codes(data_dir, kab, kec).get("kecamatan")
    return found[1].title() if found else None


def _years_printed(indicators, report_year: int) -> list[int]:
    years = {report_year}
    for indicator in indicators:
        for row in indicator.rows:
            if row.source.table.kind == "renstra" and not any(k[0] == "realisasi" for k in row.figures):
                continue
            years.update(y for (name, y) in row.figures if y and name == "realisasi" and y <= report_year)
    return sorted(years, reverse=True)


def _methods(recognised: list[Recognised], data_dir: Path) -> dict[str, tuple[str, str]]:
    found = {"skala_capaian": rating_scale(recognised, data_dir), "rumus_efisiensi": efficiency_formula(recognised)}
    return {key: value for key, value in found.items() if value}


def _fill_profil(text: str, document: Document, report_id: str, year: int,
                 methods: dict[str, tuple[str, str]]) -> str:
    title = " ".join(p.text.strip("*# ") for p in document.paragraphs[:12] if "laporan" in p.text.lower()
                     or "lkjip" in p.text.lower() or "lakip" in p.text.lower())[:200] or None
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


def _yaml_scalar(text: str) -> str:
    return yaml.safe_dump(text, default_flow_style=True, allow_unicode=True, width=10_000).strip().removesuffix("...").strip()


def _header(path: Path, data_dir: Path, model, lines: list[str]) -> list[str]:
    return [modeline(path, data_dir, model), *(f"# {line}" for line in lines), FORMAT_LINE]


def _renstra_text(path: Path, data_dir: Path, nama: str, period: tuple[int, int], tree: list[dict],
                  document: Document) -> str:
    lines = _header(path, data_dir, m.Renstra, [
        f"Renstra Kecamatan {nama} {period[0]}–{period[1]}, dibuat oleh `python -m builder impor` dari "
        f"{Path(document.path).name}.",
        "Setiap angka seperti dicetak, dengan tabel dan halaman/barisnya di komentar. Periksa baris PERIKSA dan isi "
        "baris ISI.",
    ])
    lines += emit({"periode": {"mulai": period[0], "selesai": period[1]}, "tujuan": tree})
    return "\n".join(lines) + "\n"


def _year_text(path: Path, data_dir: Path, nama: str, year: int, report_year: int, report_id: str,
               recognised: list[Recognised], indicators, outcome: Outcome, document: Document) -> str | None:
    kinerja = kinerja_rows(indicators, year, report_year, outcome)
    body: dict = {"tahun": year, "laporan": report_id}
    if kinerja:
        body["kinerja"] = kinerja
    if year == report_year:
        for key, block in (("anggaran", budget_block(recognised, outcome)), ("ikm", ikm_block(recognised, outcome)),
                           ("idm", idm_block(recognised, outcome))):
            if block:
                body[key] = block
    elif not kinerja:
        return None
    what = ("tahun laporan" if year == report_year else
            f"angka tahun {year} yang dicetak laporan {report_year} (kolom tahun-tahun sebelumnya)")
    lines = _header(path, data_dir, m.Tahunan, [
        f"Kinerja Kecamatan {nama} {year}: {what}; dibuat oleh `python -m builder impor` dari "
        f"{Path(document.path).name}.",
        "Angka seperti dicetak; angka turunan laporan (capaian, %, jumlah, predikat) di `dinyatakan`. Komentar tiap "
        "angka menyebut tabel dan halaman/barisnya.",
    ])
    lines += emit(body)
    return "\n".join(lines) + "\n"


def import_report(path: Path, data_dir: Path, slug: str, nama: str | None = None,
                  tahun: int | None = None) -> ImportResult:
    document = read_document(path)
    kab, _, kec = slug.partition("/")
    if (data_dir / "wilayah" / kab / kec).exists():
        raise ScaffoldError(f"kecamatan {slug} sudah ada di data; impor untuk kecamatan yang sudah ada belum "
                            "didukung: tambahkan tahunnya dengan python -m builder new-year dan salin angkanya")
    if not slug_of(kec) == kec:
        raise ScaffoldError(f'"{slug}" bukan nama folder yang sah: tulis <kabupaten>/<kecamatan>, huruf kecil dan -')
    return draft_files(document, data_dir, slug, nama, tahun)
