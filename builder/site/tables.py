"""The published tables: each page table as rows of typed values, from the same results the page shows.

A table's columns are data (tabel.yaml): the page's downloads (CSV, JSON, workbook), the whole-data files, the
data package's schemas and the data dictionary page are all made from one definition, and the rows from one
function per table here. Values are kept as the results hold them (Decimal as printed for transcribed figures);
a computed figure is rounded as the page shows it (`shown`), so a download says what the page says.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml

from ..analysis.results import BudgetLine, IndicatorYear, KecamatanResult, YearResult
from ..audit import Finding
from .. import layout
from ..formatting import round_half_up

SCHEMA_FILE = Path(__file__).resolve().parent / "tabel.yaml"


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Frictionless Table Schema type: string, number, integer, boolean, year
    title: str
    description: str


@dataclass(frozen=True)
class Schema:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


@dataclass(frozen=True)
class Table:
    schema: Schema
    rows: tuple[dict, ...]

    @property
    def name(self) -> str:
        return self.schema.name


def _columns(items: list[dict]) -> tuple[Column, ...]:
    return tuple(Column(i["nama"], i["jenis"], i["judul"], i["keterangan"]) for i in items)


@functools.cache
def _definitions() -> dict:
    return yaml.load(SCHEMA_FILE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


@functools.cache
def schemas() -> dict[str, Schema]:
    return {name: Schema(name, t["judul"], t["keterangan"], _columns(t["kolom"]))
            for name, t in _definitions()["tabel"].items()}


@functools.cache
def location_columns() -> tuple[Column, ...]:
    return _columns(_definitions()["lokasi"])


def table(name: str, rows: list[dict]) -> Table:
    """Rows checked against the schema: a row builder out of step with tabel.yaml is a programming error."""
    schema = schemas()[name]
    for row in rows:
        if tuple(row) != schema.names:
            raise ValueError(f"tabel {name}: kolom {tuple(row)} tidak sesuai tabel.yaml {schema.names}")
    return Table(schema, tuple(rows))


def shown(value: Decimal | None, places: int = 2) -> Decimal | None:
    """A computed figure as the page shows it (half up)."""
    return None if value is None else round_half_up(value, places)


def _number(value) -> Decimal | None:
    return value if isinstance(value, Decimal) else None


def _text(value) -> str | None:
    return value if isinstance(value, str) else None


def location_of(kec: KecamatanResult) -> dict:
    region = kec.region
    return {"kode_provinsi": region.provinsi.kode, "provinsi": region.provinsi.nama, "kode_kabupaten": region.kode,
            "kabupaten": region.title, "kode_kecamatan": kec.profile.kode, "kecamatan": kec.name}


def year_file(kec: KecamatanResult, year: int) -> str:
    """The data file of a kecamatan-year, relative to the data folder."""
    return layout.year_file(kec.slug, year)


# --------------------------------------------------------------------------
# A kecamatan-year
# --------------------------------------------------------------------------


def indicator_row(kec: KecamatanResult, h: IndicatorYear) -> dict:
    ind, method = h.indicator, kec.method
    return {
        "tahun": h.year, "indikator_id": ind.id, "indikator": ind.nama, "indikator_bersama": ind.kanonik,
        "tingkat": "sasaran" if ind.sasaran else "tujuan", "sasaran": ind.goal.nama, "satuan": ind.satuan,
        "polaritas": ind.polaritas, "status_kode": str(h.status), "status": h.status.label,
        "target": _number(h.target), "target_predikat": _text(h.target), "jenis_target": str(h.target_kind) or None,
        "target_renstra": _number(h.target_renstra), "realisasi": _number(h.realisasi),
        "realisasi_predikat": _text(h.realisasi), "capaian_persen": shown(h.capaian), "tercapai": h.reached,
        "penilaian_kode": h.rating.kode if h.rating else None, "penilaian": h.rating.label if h.rating else None,
        "skala": method.scale.id, "capaian_seragam_persen": shown(h.capaian_uniform),
        "penilaian_seragam_kode": h.rating_uniform.kode if h.rating_uniform else None,
        "penilaian_seragam": h.rating_uniform.label if h.rating_uniform else None,
        "realisasi_tahun_lalu": _number(h.previous_realisasi),
        "perubahan_realisasi": shown(h.change_realisasi) if h.comparable_with_previous is not False else None,
        "target_akhir_renstra": _number(ind.target_akhir), "kemajuan_persen": shown(h.kemajuan),
        "penyerapan_anggaran_persen": shown(h.penyerapan), "efisiensi": shown(h.efisiensi),
        "rumus_efisiensi": method.efisiensi.id, "alasan_tidak_diukur": h.not_measured_reason,
        "cara_mengukur": h.measurement.text if h.measurement else None, "tahun_dinilai": h.evaluated_year,
        "sumber_laporan": h.source.report if h.source else None, "sumber_tabel": h.source.table if h.source else None,
        "berkas": year_file(kec, h.year) if h.in_report else None,
        "baris": h.line if h.in_report else None,
    }


def budget_rows(year: YearResult, file: str) -> list[dict]:
    rows: list[dict] = []
    table_name = year.budget.source.table if year.budget else None

    def walk(line: BudgetLine, codes: dict[str, str | None], path: tuple[str, ...]) -> None:
        codes = {**codes, line.level: line.kode}
        rows.append({
            "tahun": year.year, "tingkat": line.level, "kode": line.kode, "kode_program": codes.get("program"),
            "kode_kegiatan": codes.get("kegiatan"), "kode_sub_kegiatan": codes.get("sub_kegiatan"),
            "jalur": " › ".join(path) or None, "nama": line.nama, "pagu": line.pagu, "pagu_murni": line.pagu_murni,
            "realisasi": line.realisasi, "penyerapan_persen": shown(line.penyerapan), "sumber_tabel": table_name, "berkas": file,
            "baris": line.line,
        })
        for child in line.children:
            walk(child, codes, (*path, line.nama))

    for program in year.budget.programs if year.budget else ():
        walk(program, {}, ())
    return rows


def year_tables(kec: KecamatanResult, year: YearResult, findings: list[Finding]) -> dict[str, Table]:
    """Every table of a kecamatan-year page that has rows, by schema name, in page order."""
    y, budget, file = year.year, year.budget, year_file(kec, year.year)
    out = {
        "kinerja": table("kinerja", [indicator_row(kec, i) for i in year.indicators]),
        "sasaran": table("sasaran", [
            {"tahun": y, "sasaran_id": s.sasaran.id, "sasaran": s.sasaran.nama, "jumlah_indikator": s.indicator_count,
             "rata_rata_capaian_persen": shown(s.capaian), "pagu": s.budget_pagu, "realisasi": s.budget_realisasi,
             "penyerapan_persen": shown(s.penyerapan)} for s in year.sasaran]),
        "anggaran": table("anggaran", budget_rows(year, file)),
        "belanja": table("belanja", [
            {"tahun": y, "induk": parent, "nama": line.nama, "pagu": line.pagu, "realisasi": line.realisasi,
             "penyerapan_persen": shown(line.penyerapan)}
            for b in (budget.belanja if budget else ())
            for parent, line in [(None, b), *((b.nama, r) for r in b.children)]]),
        "anggaran_kinerja": table("anggaran_kinerja", [
            {"tahun": y, "nama": n.nama, "program": n.program, "pagu": n.pagu, "realisasi": n.realisasi,
             "penyerapan_persen": shown(n.penyerapan)} for n in (budget.per_kinerja if budget else ())]),
        "efisiensi": table("efisiensi", [
            {"tahun": y, "indikator_id": i.indicator.id, "indikator": i.indicator.nama,
             "capaian_persen": shown(i.capaian), "penyerapan_persen": shown(i.penyerapan),
             "dasar_anggaran": i.budget_basis or None,  # a grade indicator's efficiency is not a figure (a rank ratio)
             "efisiensi": None if i.indicator.categorical else shown(i.efisiensi),
             "efisiensi_seragam": None if i.indicator.categorical else shown(i.efisiensi_uniform)}
            for i in year.indicators if i.penyerapan is not None]),
        "ikm_unsur": table("ikm_unsur", [
            {"tahun": y, "unsur": nama, "nrr": nrr, "nrr_x25": shown(scaled)}
            for nama, nrr, scaled in (year.ikm.unsur if year.ikm else ())]),
        "ikm_responden": table("ikm_responden", [
            {"tahun": y, "kelompok": r.group, "kategori": r.category, "jumlah": r.count}
            for g in (year.ikm.characteristics if year.ikm else ()) for r in g.rows]),
        "idm_desa": table("idm_desa", [
            {"tahun": y, "desa": d.nama, "kode_desa": d.kode, "iks": d.iks, "ike": d.ike, "ikl": d.ikl,
             "idm": shown(d.idm, 4), "status_kode": d.status.kode if d.status else None,
             "status": d.status.label if d.status else None} for d in year.desa]),
        "akip_komponen": table("akip_komponen", [
            {"tahun": y, "komponen": k.nama, "nilai": k.nilai, "bobot": k.bobot}
            for k in (year.akip.components if year.akip else ())]),
        "perjanjian": table("perjanjian", [
            {"tahun": y, "perjanjian": a.title, "sasaran": r.sasaran, "indikator": r.indikator, "target": r.target,
             "program": r.program, "kegiatan": r.kegiatan, "sub_kegiatan": r.sub_kegiatan, "anggaran": r.anggaran}
            for a in year.agreements for r in a.rows]),
        "penghargaan": table("penghargaan", [
            {"tahun": y, "nama": p.nama, "jenis": p.jenis, "penerima": p.penerima, "pemberi": p.pemberi,
             "tingkat": p.tingkat, "tanggal": str(p.tanggal) if p.tanggal is not None else None} for p in year.awards]),
        "tindak_lanjut": table("tindak_lanjut", [
            {"tahun": y, "evaluasi": t.evaluasi, "temuan": t.temuan, "rekomendasi": t.rekomendasi,
             "tindak_lanjut": t.tindak_lanjut, "batas_waktu": t.batas_waktu, "status": t.status}
            for t in year.followups]),
        "temuan": table("temuan", [finding_row(y, f) for f in findings]),
    }
    return {name: t for name, t in out.items() if t.rows}


def finding_row(year: int, f: Finding) -> dict:
    return {"tahun": year, "jenis_kode": str(f.kind), "jenis": f.kind.label, "angka": f.what,
            "menurut_laporan": f.stated_text, "hitungan_kami": f.computed_text,
            "laporan_angka": f.stated if isinstance(f.stated, Decimal) else None,
            "dihitung_angka": shown(f.computed, max(2, f.places)) if isinstance(f.computed, Decimal) else None,
            "tabel_laporan": f.table, "penyebab": f.cause}


# --------------------------------------------------------------------------
# A kecamatan over the years
# --------------------------------------------------------------------------


def kecamatan_tables(kec: KecamatanResult) -> dict[str, Table]:
    out = {
        "riwayat_indikator": table("riwayat_indikator", [
            {"indikator_id": h.indicator.id, "indikator": h.indicator.nama, "satuan": h.indicator.satuan,
             "tahun": h.year, "target_renstra": _number(h.target_renstra), "target_pk": _number(h.target_pk),
             "realisasi": _number(h.realisasi), "realisasi_predikat": _text(h.realisasi),
             "capaian_persen": shown(h.capaian), "penilaian": h.rating.label if h.rating else None,
             "status_kode": str(h.status)}
            for history in kec.history.values() for h in history]),
        "anggaran_tahunan": table("anggaran_tahunan", [
            {"tahun": y.year, "pagu": y.budget_pagu, "realisasi": y.budget_realisasi,
             "penyerapan_persen": shown(y.penyerapan), "jumlah_program": len(y.budget.programs) if y.budget else 0}
            for y in kec.years]),
    }
    return {name: t for name, t in out.items() if t.rows}
