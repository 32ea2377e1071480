"""Open data: the page tables (tables.py) written as CSV, JSON and workbooks, and the whole-data files.

Nothing here computes a figure: every file is a serialisation of a `Table` a page shows. URLs follow one rule
(`data_base`): a page `wilayah/k/c/2023.md` has its data at `api/v1/wilayah/k/c/2023.json`, its tables at
`unduh/wilayah/k/c/2023/<tabel>.csv` and its workbook at `unduh/wilayah/k/c/2023.xlsx`. Published URLs never
change (tests/test_open_data.py holds the scheme).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import tempfile
from decimal import Decimal

import xlsxwriter

from ..analysis.results import KecamatanResult
from ..audit import Finding
from ..formatting import decimals_of, json_number
from .urls import API, api_uri, csv_uri, html_path, kecamatan_uri, workbook_uri, year_uri
from .store import PageStore
from .tables import Column, Schema, Table, location_columns, location_of, schemas, shown

LICENCE = {"name": "ODbL-1.0", "title": "Open Database License 1.0",
           "path": "https://opendatacommons.org/licenses/odbl/1-0/"}
CODE_LICENCE = {"name": "MIT", "title": "MIT License", "path": "https://opensource.org/license/mit"}
SOURCES = [
    {"title": "Laporan kinerja kecamatan (LKjIP/LAKIP)",
     "description": "Dokumen publik pemerintah daerah; setiap baris menyebut laporan dan tabel sumbernya."},
    {"title": "idn-area-data 4.0.1 (kode wilayah Kemendagri), karya fityannugroho",
     "path": "https://github.com/fityannugroho/idn-area-data", "description": "Berlisensi ODbL 1.0."},
]
FIXED_TIME = dt.datetime(2000, 1, 1)  # workbook metadata: no build time in any file (reproducible builds)


# --------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------

_PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    """A CSV cell: numbers with a decimal point and no thousands separator, exactly as held (a transcribed figure
    keeps its printed decimals), booleans true/false, and text a spreadsheet will not run: text starting like a
    formula gets a leading apostrophe (OWASP CSV injection guidance); negative numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    text = str(value)
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def json_value(value):
    """JSON: numbers as numbers (whole ones as integers, the printed decimals otherwise), null when missing."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and decimals_of(value) == 0 else float(value)
    return value


def csv_text(columns, rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return out.getvalue()


def table_csv(table: Table) -> bytes:
    return csv_text(table.schema.names, (row.values() for row in table.rows)).encode("utf-8")


def table_json(table: Table) -> list[dict]:
    return [{k: json_value(v) for k, v in row.items()} for row in table.rows]


def dumps(data, indent: int | None = None) -> bytes:
    """JSON in UTF-8; compact by default (the C encoder: indenting takes Python's, several times slower)."""
    separators = None if indent else (",", ":")
    return (json.dumps(data, ensure_ascii=False, indent=indent, separators=separators) + "\n").encode("utf-8")


# --------------------------------------------------------------------------
# A page's files
# --------------------------------------------------------------------------


def page_files(page_uri: str, tables: dict[str, Table], about: dict, workbook: bool = False) -> dict[str, bytes]:
    """A page's tables as CSV, its data as JSON (`about` says what the page is about and where its figures come
    from), and, for a kecamatan-year, the workbook."""
    files = {csv_uri(page_uri, name): table_csv(t) for name, t in tables.items()}
    files[api_uri(page_uri)] = dumps({**about, "tabel": {name: table_json(t) for name, t in tables.items()}})
    if workbook:
        files[workbook_uri(page_uri)] = workbook_bytes(tables, about)
    return files


def report_json(report) -> dict | None:
    if report is None:
        return None
    return {"id": report.id, "jenis": report.jenis, "tahun": report.tahun, "judul": report.judul,
            "tanggal": report.tanggal.isoformat() if report.tanggal else None, "berkas": report.berkas,
            "url": report.url}


def _year_links(kec: KecamatanResult, year: int) -> dict:
    uri = year_uri(kec.slug, year)
    return {"tahun": year, "halaman": html_path(uri), "data": api_uri(uri), "xlsx": workbook_uri(uri)}


def about_kecamatan(kec: KecamatanResult) -> dict:
    uri = kecamatan_uri(kec.slug)
    return {"api": API, "judul": f"Kecamatan {kec.name}", "halaman": html_path(uri), "slug": kec.slug,
            "wilayah": location_of(kec), "tahun": [_year_links(kec, y.year) for y in kec.years],
            "laporan": [report_json(r) for r in kec.profile.reports], "lisensi": LICENCE}


def about_year(kec: KecamatanResult, year) -> dict:
    uri = year_uri(kec.slug, year.year)
    return {"api": API, "judul": f"Kecamatan {kec.name} — kinerja {year.year}", "halaman": html_path(uri),
            "slug": kec.slug, "wilayah": location_of(kec), "tahun": year.year,
            "laporan": report_json(year.report),
            "ringkasan": {"jumlah_indikator": year.indicator_count, "indikator_tujuan_tidak_dihitung": year.apart,
                          "indikator_diukur": year.measured,
                          "indikator_tercapai": year.on_target, "rata_rata_capaian_persen": json_value(shown(year.capaian_mean)),
                          "pagu": json_value(year.budget_pagu), "realisasi_anggaran": json_value(year.budget_realisasi),
                          "penyerapan_persen": json_value(shown(year.penyerapan))},
            "lisensi": LICENCE}


def about_area(uri: str, title: str) -> dict:
    return {"api": API, "judul": title, "halaman": html_path(uri), "lisensi": LICENCE}


def api_index(summaries) -> dict:
    """api/v1/index.json: every kecamatan and kecamatan-year, with the URLs of their pages and data."""
    return {
        "api": API, "judul": "Kinerja Kecamatan: data terbuka", "dokumentasi": "api.html", "lisensi": LICENCE,
        "paket_data": "unduh/datapackage.json",
        "kecamatan": [{
            "slug": s.slug, "nama": s.name, "kode": s.kode, "kabupaten": s.region.title,
            "kode_kabupaten": s.region.kode, "provinsi": s.region.provinsi.nama,
            "kode_provinsi": s.region.provinsi.kode, "halaman": html_path(kecamatan_uri(s.slug)),
            "data": api_uri(kecamatan_uri(s.slug)),
            "tahun": [{"tahun": y, "halaman": html_path(year_uri(s.slug, y)), "data": api_uri(year_uri(s.slug, y)),
                       "xlsx": workbook_uri(year_uri(s.slug, y))} for y in s.years],
        } for s in summaries],
    }


def _number_format(column: Column, value: Decimal) -> str:
    places = decimals_of(value)
    digits = "#,##0" + ("." + "0" * places if places else "")
    if column.title.endswith("(Rp)"):
        return f'[$-421]"Rp"{digits}'
    return f"[$-421]{digits}"


XLSX_CELL_LIMIT = 32_767  # the most characters an Excel cell holds


def xlsx_text(value: object) -> str:
    """A text cell of the workbook: a longer text is cut where Excel would cut it, saying so in the cell itself and
    where the whole text is (the page's CSV and JSON hold it whole)."""
    text = str(value)
    if len(text) <= XLSX_CELL_LIMIT:
        return text
    count = f"{len(text):,}".replace(",", ".")
    note = f" … [dipotong: teks lengkapnya {count} karakter, ada di CSV dan JSON halaman]"
    return text[:XLSX_CELL_LIMIT - len(note)] + note


def workbook_bytes(tables: dict[str, Table], about: dict) -> bytes:
    """One sheet per table, numbers stored as numbers with an Indonesian display format ([$-421] is the Indonesian
    locale; Excel shows its own separators), and a first sheet naming the source report and the licence."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties({"title": about.get("judul", ""), "created": FIXED_TIME, "author": "Kinerja Kecamatan"})
    bold = book.add_format({"bold": True})
    formats: dict[str, object] = {}
    sheet = book.add_worksheet("Tentang")
    place = about.get("wilayah") or {}
    lines = [("Judul", about.get("judul")), ("Halaman", about.get("halaman")),
             *[(label, place[key]) for label, key in (("Kecamatan", "kecamatan"), ("Kode kecamatan", "kode_kecamatan"),
                                                      ("Kabupaten/kota", "kabupaten"), ("Provinsi", "provinsi"))
               if place.get(key)],
             ("Laporan sumber", (about.get("laporan") or {}).get("judul")),
             ("Lisensi data", f"{LICENCE['title']} ({LICENCE['path']})")]
    for r, (label, value) in enumerate(lines):
        sheet.write_string(r, 0, label, bold)
        sheet.write_string(r, 1, xlsx_text(value or "–"))
    sheet.write_string(len(lines) + 1, 0, "Lembar berikutnya: satu tabel halaman per lembar; kolomnya dijelaskan di "
                                          "halaman Kamus data situs.")
    sheet.set_column(0, 0, 18)
    sheet.set_column(1, 1, 80)
    for name, t in tables.items():
        sheet = book.add_worksheet(name[:31])
        for c, column in enumerate(t.schema.columns):
            sheet.write_string(0, c, column.title, bold)
        for r, row in enumerate(t.rows, start=1):
            for c, (column, value) in enumerate(zip(t.schema.columns, row.values())):
                if value is None:
                    continue
                if isinstance(value, bool):
                    sheet.write_boolean(r, c, value)
                elif isinstance(value, Decimal):
                    key = _number_format(column, value)
                    if key not in formats:
                        formats[key] = book.add_format({"num_format": key})
                    sheet.write_number(r, c, float(value), formats[key])
                elif isinstance(value, int):
                    sheet.write_number(r, c, value)
                else:
                    sheet.write_string(r, c, xlsx_text(value))
        sheet.freeze_panes(1, 0)
    book.close()
    return out.getvalue()


# --------------------------------------------------------------------------
# The whole data: every kecamatan-year's rows of a table in one file
# --------------------------------------------------------------------------

NATIONAL = ("kinerja", "anggaran", "temuan", "sasaran", "belanja", "anggaran_kinerja", "efisiensi", "ikm_unsur",
            "ikm_responden", "idm_desa", "akip_komponen", "perjanjian", "penghargaan", "tindak_lanjut")


def national_schema(name: str) -> tuple[Column, ...]:
    return location_columns() + schemas()[name].columns


class OpenData:
    """Collects the whole-data files while the kecamatan are rendered one by one."""

    def __init__(self):
        # Rows only, no header; on disk once large: at the national scale a table has millions of rows.
        self.rows = {name: tempfile.SpooledTemporaryFile(SPILL_BYTES, mode="w+", encoding="utf-8", newline="")
                     for name in NATIONAL}
        self.counts: dict[str, int] = dict.fromkeys(NATIONAL, 0)
        self.summary: list[dict] = []

    def part(self) -> tuple[dict[str, str], dict[str, int], list[dict]]:
        """What was collected so far, for a build made of shards (see Site.part)."""
        return {k: _text_of(v) for k, v in self.rows.items()}, dict(self.counts), self.summary

    def absorb(self, part) -> None:
        rows, counts, summary = part
        for name, text in rows.items():
            self.rows[name].write(text)
            self.counts[name] += counts[name]
        self.summary.extend(summary)

    def add(self, kec: KecamatanResult, tables_by_year: dict[int, dict[str, Table]],
            findings: dict[int, list[Finding]]) -> None:
        """One kecamatan's year tables (those its year pages show), each row placed in the country."""
        location = tuple(location_of(kec).values())
        for tables in tables_by_year.values():
            for name, t in tables.items():
                if name in self.rows:
                    writer = csv.writer(self.rows[name], lineterminator="\n")
                    writer.writerows([cell(v) for v in (*location, *row.values())] for row in t.rows)
                    self.counts[name] += len(t.rows)
        self.summary.append(summary_json(kec, findings))

    def write(self, pages: PageStore) -> None:
        """Put the whole-data files in the page map (the CSVs streamed, never whole in memory)."""
        for name in NATIONAL:
            uri = f"unduh/{name}.csv"
            with pages.open_for(uri) as out:
                out.write(csv_text([c.name for c in national_schema(name)], ()).encode("utf-8"))
                rows = self.rows[name]
                rows.seek(0)
                while chunk := rows.read(1 << 20):
                    out.write(chunk.encode("utf-8"))
                rows.seek(0, io.SEEK_END)
        summary = sorted(self.summary, key=lambda s: s["slug"])
        pages["unduh/ringkasan.json"] = dumps({"kecamatan": summary}, indent=1)
        pages["unduh/datapackage.json"] = dumps(datapackage(self.counts), indent=1)


SPILL_BYTES = 4 << 20  # a whole-data table's rows stay in memory up to this size


def _text_of(rows) -> str:
    rows.seek(0)
    text = rows.read()
    rows.seek(0, io.SEEK_END)
    return text


def summary_json(kec: KecamatanResult, findings: dict[int, list[Finding]]) -> dict:
    """A kecamatan in unduh/ringkasan.json: its method and each year's headline figures and audit findings."""
    region, method = kec.region, kec.method
    return {
        "slug": kec.slug, "nama": kec.name, "kode": kec.profile.kode, "kabupaten": region.title,
        "provinsi": region.provinsi.nama,
        "metode": {"skala": method.scale.id, "rumus_capaian_turun": method.capaian_turun.id,
                   "rumus_efisiensi": method.efisiensi.id},
        "tahun": [{"tahun": y.year, "rata_rata_capaian": json_number(y.capaian_mean), "indikator_tercapai": y.on_target,
                   "indikator_diukur": y.measured, "jumlah_indikator": y.indicator_count,
                   "pagu": json_number(y.budget_pagu), "realisasi_anggaran": json_number(y.budget_realisasi),
                   "penyerapan": json_number(y.penyerapan),
                   "temuan_audit": [{"tabel": f.table, "angka": f.what, "laporan": f.stated_text,
                                     "dihitung": f.computed_text,
                                     "laporan_angka": json_number(f.stated) if isinstance(f.stated, Decimal) else None,
                                     "dihitung_angka": json_number(f.computed) if isinstance(f.computed, Decimal) else None,
                                     "jenis": f.kind, "penyebab": f.cause}
                                    for f in findings[y.year]]} for y in kec.years],
    }


def field_of(column: Column) -> dict:
    return {"name": column.name, "type": column.type, "title": column.title, "description": column.description}


def datapackage(counts: dict[str, int]) -> dict:
    """A Frictionless Data Package of the whole-data files, from the same schemas as the pages' tables."""
    resources = []
    for name in NATIONAL:
        schema: Schema = schemas()[name]
        resources.append({
            "name": name.replace("_", "-"), "path": f"{name}.csv", "title": schema.title,
            "description": schema.description, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "profile": "tabular-data-resource", "schema": {"fields": [field_of(c) for c in national_schema(name)]},
        })
    return {
        "profile": "tabular-data-package", "name": "kinerja-kecamatan", "title": "Kinerja Kecamatan",
        "description": "Target, realisasi, anggaran dan hasil audit angka laporan kinerja kecamatan di Indonesia, "
                       "disalin dari laporan resmi dan dihitung ulang.",
        "version": "1.0.0", "licenses": [LICENCE], "sources": SOURCES, "resources": resources,
    }
