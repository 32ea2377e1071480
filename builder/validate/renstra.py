"""Checks of renstra-<mulai>-<selesai>.yaml: periods, goal trees, indicators and their values."""

from __future__ import annotations

from decimal import Decimal

from .. import models as m
from ..dataset import KecamatanData, Referensi
from ..load import SourceFile
from ..problems import Severity
from .report import Reporter, unknown_report


def renstra_files(kec: KecamatanData, validated: dict[str, object]) -> list[tuple[SourceFile, m.Renstra]]:
    """The kecamatan's valid Renstra files with their models, in file-name order."""
    return [(source, validated[rel]) for rel, source in sorted(kec.files.items()) if source.kind == "renstra"]


def period_in_name(source: SourceFile) -> tuple[int, int]:
    """renstra-2021-2026.yaml -> (2021, 2026)"""
    name = source.relative.rsplit("/", 1)[1]
    start, end = name[len("renstra-") : -len(".yaml")].split("-")
    return int(start), int(end)


def check_renstra_files(report: Reporter, kec: KecamatanData, validated: dict[str, object], ref: Referensi) -> None:
    files = renstra_files(kec, validated)
    check_periods(report, files)
    for source, renstra in files:
        check_renstra(report, kec, source, renstra, ref)


def check_periods(report: Reporter, files: list[tuple[SourceFile, m.Renstra]]) -> None:
    """Each period matches its file name, and periods do not overlap."""
    for source, renstra in files:
        start, end = period_in_name(source)
        if (renstra.periode.mulai, renstra.periode.selesai) != (start, end) and not source.problems:
            report.report(source, ("periode",), f"periode harus {start}-{end} sesuai nama berkas")
    ordered = sorted(files, key=lambda pair: pair[1].periode.mulai)
    for (_, a), (source, b) in zip(ordered, ordered[1:]):
        if b.periode.mulai < a.periode.selesai:
            report.report(source, ("periode",), f"periode bertumpuk dengan Renstra {a.periode.mulai}-{a.periode.selesai}")


def check_renstra(report: Reporter, kec: KecamatanData, source: SourceFile, renstra: m.Renstra, ref: Referensi) -> None:
    if renstra.periode.selesai < renstra.periode.mulai:
        report.report(source, ("periode",), "tahun selesai lebih awal dari tahun mulai")
    for i, revisi in enumerate(renstra.revisi):
        if not renstra.periode.mulai <= revisi.berlaku_mulai <= renstra.periode.selesai:
            report.report(source, ("revisi", i, "berlaku_mulai"), "tahun di luar periode Renstra")
    trees = [(("tujuan",), renstra.tujuan)] + [(("revisi", i, "tujuan"), r.tujuan) for i, r in enumerate(renstra.revisi)]
    for prefix, tujuan_list in trees:
        check_goal_tree(report, kec, source, renstra, prefix, tujuan_list, ref)
    if renstra.sumber and renstra.sumber.laporan and renstra.sumber.laporan not in kec.report_ids():
        report.report(source, ("sumber", "laporan"), unknown_report(kec, renstra.sumber.laporan))


def check_goal_tree(report: Reporter, kec: KecamatanData, source: SourceFile, renstra: m.Renstra, prefix: tuple,
                    tujuan_list: list[m.Tujuan], ref: Referensi) -> None:
    """One goal tree (the original or a revision's): indicator ids unique, every indicator checked."""
    seen: set[str] = set()
    for ti, tujuan in enumerate(tujuan_list):
        groups = [((*prefix, ti, "indikator"), tujuan.indikator)] + [
            ((*prefix, ti, "sasaran", si, "indikator"), s.indikator) for si, s in enumerate(tujuan.sasaran)
        ]
        for group_loc, indicators in groups:
            for ii, ind in enumerate(indicators):
                loc = (*group_loc, ii)
                if ind.id in seen:
                    report.report(source, (*loc, "id"), f'id indikator "{ind.id}" dipakai dua kali')
                seen.add(ind.id)
                check_indicator(report, kec, source, renstra, ind, loc, ref)


def check_indicator(report: Reporter, kec: KecamatanData, source: SourceFile, renstra: m.Renstra,
                    ind: m.Indikator, loc: tuple, ref: Referensi) -> None:
    if ind.jenis == "kategori":
        if ind.skala_kategori is None:
            report.report(source, (*loc, "skala_kategori"), "indikator kategori wajib menyebut skala_kategori")
        elif ind.skala_kategori not in ref.skala:
            report.report(source, (*loc, "skala_kategori"),
                          f'skala "{ind.skala_kategori}" tidak ada; pilihan: {", ".join(ref.skala)}')
    if ind.kanonik is not None:
        canon = ref.indikator.get(ind.kanonik)
        if canon is None:
            report.report(source, (*loc, "kanonik"),
                          f'indikator bersama "{ind.kanonik}" tidak ada; pilihan: {", ".join(ref.indikator)}')
        elif canon.jenis != ind.jenis or canon.polaritas != ind.polaritas:
            report.report(source, (*loc, "kanonik"),
                          f"jenis/polaritas berbeda dari indikator bersama {canon.id} ({canon.jenis}, {canon.polaritas})")
    for year in ind.target:
        if not renstra.periode.mulai <= year <= renstra.periode.selesai:
            report.report(source, (*loc, "target", year),
                          f"tahun {year} di luar periode Renstra {renstra.periode.mulai}-{renstra.periode.selesai}")
    values = [(("target", y), v) for y, v in ind.target.items()] + [(("target_akhir",), ind.target_akhir)]
    if ind.baseline:
        values.append((("baseline", "nilai"), ind.baseline.nilai))
    for sub, value in values:
        check_value(report, source, (*loc, *sub), ind, value, ref)
    if ind.sumber and ind.sumber.laporan and ind.sumber.laporan not in kec.report_ids():
        report.report(source, (*loc, "sumber", "laporan"), unknown_report(kec, ind.sumber.laporan))


def check_value(report: Reporter, source: SourceFile, loc: tuple, ind: m.Indikator, value, ref: Referensi) -> None:
    """A target or realisasi fits its indicator: a number for numerik, a code of its scale for kategori."""
    if value is None:
        return
    if ind.jenis == "numerik" and not isinstance(value, Decimal):
        report.report(source, loc, f'indikator {ind.id} numerik, tetapi nilainya "{value}" bukan angka')
    if ind.jenis == "kategori" and ind.skala_kategori in ref.skala:
        codes = [t.kode for t in ref.skala[ind.skala_kategori].tingkat]
        if not isinstance(value, str) or value not in codes:
            report.report(source, loc, f"nilai {value} tidak ada di skala {ind.skala_kategori} ({', '.join(codes)})")
    if isinstance(value, Decimal):
        check_plausible(report, source, loc, ind.satuan, value)


PERCENT_UNITS = ("%", "persen")
LARGEST_PERCENT = Decimal(1000)


def check_plausible(report: Reporter, source: SourceFile, loc: tuple, satuan: str, value: Decimal) -> None:
    """Numbers no report means: a negative figure, a percentage above 1.000. Warned, with the reason, not refused:
    a report may print them, and then the audit shows them."""
    if value < 0:
        report.report(source, loc, f"nilai negatif ({value}); indikator kinerja jarang bernilai negatif, periksa "
                      "tanda minusnya", Severity.WARNING)
    elif satuan.strip().lower() in PERCENT_UNITS and value > LARGEST_PERCENT:
        report.report(source, loc, f"persentase {value} lebih dari 1.000; periksa koma desimalnya", Severity.WARNING)
