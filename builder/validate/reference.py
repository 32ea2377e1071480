"""Checks of data/referensi/*.yaml: scales, formulas, shared indicators, and the methods that name them."""

from __future__ import annotations

from .. import compute
from .. import models as m
from ..dataset import Referensi
from ..load import SourceFile
from .report import Reporter

# The formula sections of referensi/rumus.yaml and the builder's implementations of their ids.
IMPLEMENTED_FORMULAS = {"capaian_turun": compute.CAPAIAN_TURUN, "efisiensi": compute.EFISIENSI}


def check_reference(report: Reporter, ref: Referensi, files: dict[str, SourceFile]) -> None:
    rumus, skala = files["referensi/rumus.yaml"], files["referensi/skala.yaml"]
    check_uniform_choice(report, rumus, ref)
    check_formulas_implemented(report, rumus, ref.rumus)
    check_scale_levels(report, skala, ref)
    check_level_names(report, skala, ref)
    check_scale_roles(report, skala, ref)
    check_shared_indicators(report, files["referensi/indikator.yaml"], ref)


def check_uniform_choice(report: Reporter, source: SourceFile, ref: Referensi) -> None:
    """`seragam` (the choice for comparing kecamatan) names a scale and formulas that exist."""
    seragam = ref.rumus.seragam
    if seragam.skala_capaian not in ref.skala:
        report.report(source, ("seragam", "skala_capaian"), f'skala "{seragam.skala_capaian}" tidak ada di skala.yaml')
    if seragam.rumus_capaian_turun not in ref.rumus.capaian_turun:
        report.report(source, ("seragam", "rumus_capaian_turun"), "rumus tidak ada di capaian_turun")
    if seragam.rumus_efisiensi not in ref.rumus.efisiensi:
        report.report(source, ("seragam", "rumus_efisiensi"), "rumus tidak ada di efisiensi")


def check_formulas_implemented(report: Reporter, source: SourceFile, rumus: m.ReferensiRumus) -> None:
    """Every formula id a kecamatan may declare has an implementation in builder/compute.py."""
    for section, implemented in IMPLEMENTED_FORMULAS.items():
        for formula_id in getattr(rumus, section):
            if formula_id not in implemented:
                report.report_key(
                    source,
                    (section, formula_id),
                    f'rumus "{formula_id}" belum diterapkan di builder (builder/compute.py), jadi belum bisa '
                    f'dipakai; rumus {section} yang sudah diterapkan: {", ".join(implemented)}',
                )


def check_scale_levels(report: Reporter, source: SourceFile, ref: Referensi) -> None:
    for sid, skala in ref.skala.items():
        mins = [t.min for t in skala.tingkat]
        if mins[-1] is not None or any(v is None for v in mins[:-1]) or mins[:-1] != sorted(mins[:-1], reverse=True):
            report.report(
                source,
                ("skala", sid, "tingkat"),
                "tingkat harus urut dari tertinggi ke terendah, setiap tingkat punya min kecuali yang terakhir",
            )


def check_level_names(report: Reporter, source: SourceFile, ref: Referensi) -> None:
    """A printed word must name one level: no code, label or other name (label_lain) twice in a scale."""
    for sid, skala in ref.skala.items():
        seen: dict[str, str] = {}
        for ti, tingkat in enumerate(skala.tingkat):
            for name in dict.fromkeys(" ".join(n.split()).casefold()
                                      for n in (tingkat.kode, tingkat.label, *tingkat.label_lain)):
                if name in seen:
                    report.report(source, ("skala", sid, "tingkat", ti),
                                  f'"{name}" sudah menamai tingkat {seen[name]} di skala ini; kata yang dicetak laporan '
                                  "harus menunjuk satu tingkat saja (hapus dari label_lain salah satunya)")
                seen[name] = tingkat.kode


def check_scale_roles(report: Reporter, source: SourceFile, ref: Referensi) -> None:
    """`peran` (which scale grades IKM, IDM and AKIP) names scales that exist."""
    for role in type(ref.peran).model_fields:
        scale_id = getattr(ref.peran, role)
        if scale_id not in ref.skala:
            report.report(
                source,
                ("peran", role),
                f'skala "{scale_id}" untuk {role.upper()} tidak ada di bagian skala; pilihan: {", ".join(ref.skala)}',
            )


def check_shared_indicators(report: Reporter, source: SourceFile, ref: Referensi) -> None:
    for i, ind in enumerate(ref.indikator.values()):
        if ind.jenis == "kategori" and ind.skala_kategori not in ref.skala:
            report.report(source, ("indikator", i, "skala_kategori"), "indikator kategori perlu skala_kategori yang ada")


def check_method(report: Reporter, source: SourceFile, loc: tuple, metode: m.Metode | None, ref: Referensi) -> None:
    """A `metode` block (kabupaten.yaml or profil.yaml) names a scale and formulas of the reference files."""
    if metode is None:
        return
    for name, table in (
        ("skala_capaian", ref.skala),
        ("skala_predikat", ref.skala),
        ("rumus_capaian_turun", ref.rumus.capaian_turun),
        ("rumus_efisiensi", ref.rumus.efisiensi),
    ):
        value = getattr(metode, name)
        if value is not None and value not in table:
            report.report(source, (*loc, name), f'"{value}" tidak dikenal; pilihan: {", ".join(table)}')
