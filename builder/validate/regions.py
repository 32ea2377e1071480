"""Checks of the folder structure, kabupaten.yaml and profil.yaml."""

from __future__ import annotations

from ..dataset import Dataset, KabupatenData, KecamatanData, METHOD_FIELDS, Referensi
from ..load import REGION_SOURCE, SourceFile
from ..problems import Severity
from .reference import check_method
from .report import Reporter


def check_folders(report: Reporter, dataset: Dataset) -> None:
    """Every kecamatan file sits under a valid profil.yaml, every profil under a valid kabupaten.yaml.

    A file that has problems of its own is not reported again here.
    """
    for source in dataset.files:
        if source.kind not in ("profil", "renstra", "tahunan") or source.problems:
            continue
        parts = source.relative.split("/")
        if source.kind != "profil" and f"{parts[1]}/{parts[2]}" not in dataset.kecamatan:
            report.report_file(source.display, f"folder {parts[2]} tidak punya profil.yaml yang sah")
        if source.kind == "profil" and parts[1] not in dataset.kabupaten:
            report.report_file(source.display, f"folder {parts[1]} tidak punya kabupaten.yaml yang sah")


def _same_name(ours: str, official: str) -> bool:
    return " ".join(ours.lower().split()) == " ".join(official.lower().split())


def check_official(report: Reporter, source: SourceFile, loc: tuple, level: str, code: str, name: str,
                   regions: dict[str, dict[str, str]] | None) -> None:
    """A code and name against Kemendagri's list: a warning, since the list (idn-area-data) can lag behind."""
    if regions is None:
        return
    official = regions[level].get(code)
    if official is None:
        report.report(source, (*loc, "kode"), f"kode {level} {code} tidak ada di daftar Kemendagri ({REGION_SOURCE}); "
                      "periksa kodenya", Severity.WARNING)
    elif not _same_name(name, official):
        report.report(source, (*loc, "nama"), f'nama berbeda dari daftar Kemendagri untuk kode {code}: "{official}"; '
                      "periksa ejaannya", Severity.WARNING)


def check_kabupaten(report: Reporter, source: SourceFile, kab: KabupatenData, ref: Referensi,
                    regions: dict[str, dict[str, str]] | None = None) -> None:
    model = kab.kabupaten
    check_method(report, source, ("metode",), model.metode, ref)
    if not model.kode.startswith(model.provinsi.kode + "."):
        report.report(source, ("kode",), f"kode kabupaten harus diawali kode provinsi {model.provinsi.kode}.")
    check_official(report, source, ("provinsi",), "provinsi", model.provinsi.kode, model.provinsi.nama, regions)
    check_official(report, source, (), "kabupaten", model.kode, f"{model.jenis} {model.nama}", regions)


def check_profil(report: Reporter, source: SourceFile, kec: KecamatanData, kab: KabupatenData | None,
                 ref: Referensi, regions: dict[str, dict[str, str]] | None = None) -> None:
    check_method(report, source, ("metode",), kec.profil.metode, ref)
    if kec.profil.kode:
        check_official(report, source, (), "kecamatan", kec.profil.kode, kec.profil.nama, regions)
    if kab is not None:  # without a kabupaten, check_folders already reported the profil
        check_method_complete(report, source, kec)
        if kec.profil.kode and not kec.profil.kode.startswith(kab.kabupaten.kode + "."):
            report.report(source, ("kode",), f"kode kecamatan harus diawali kode kabupaten {kab.kabupaten.kode}.")
    check_report_ids_unique(report, source, kec)


def check_method_complete(report: Reporter, source: SourceFile, kec: KecamatanData) -> None:
    """The kecamatan's method (its own over its kabupaten's) names a scale and both formulas."""
    missing = [name for name in METHOD_FIELDS if getattr(kec.metode, name) is None]
    if missing:
        report.report(
            source, ("metode",), f"metode belum lengkap ({', '.join(missing)}); isi di profil.yaml atau kabupaten.yaml"
        )


def check_report_ids_unique(report: Reporter, source: SourceFile, kec: KecamatanData) -> None:
    ids = [laporan.id for laporan in kec.profil.laporan]
    for i, report_id in enumerate(ids):
        if ids.index(report_id) != i:
            report.report(source, ("laporan", i, "id"), f'id laporan "{report_id}" dipakai dua kali')
