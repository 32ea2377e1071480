"""Checks of <tahun>.yaml: the year, its references to profil and Renstra, kinerja, AKIP, IKM, IDM."""

from __future__ import annotations

import difflib
from decimal import Decimal

from pydantic import BaseModel

from .. import models as m
from ..dataset import KecamatanData, Referensi, all_goal_trees, iter_indicators
from ..load import SourceFile
from ..problems import Severity
from .budget import check_budget
from .regions import check_idm_desa
from .renstra import check_value
from .report import Reporter, unknown, unknown_report


def year_in_name(source: SourceFile) -> int:
    """wilayah/paser/batu-sopang/2022.yaml -> 2022 (the year the data set files it under)."""
    return int(source.relative.rsplit("/", 1)[1][:4])


def check_year_files(report: Reporter, kec: KecamatanData, ref: Referensi, files: dict[str, SourceFile],
                     regions: dict[str, dict[str, str]] | None = None) -> None:
    """Every valid year file of the kecamatan, in year order; `files` are all files of the data set by path,
    `regions` the Kemendagri list (load_regions)."""
    for _, source in sorted(kec.files.items()):
        if source.kind == "tahunan":
            check_year(report, kec, source, kec.tahun[year_in_name(source)], ref, files, regions)


def check_year(report: Reporter, kec: KecamatanData, source: SourceFile, tahunan: m.Tahunan, ref: Referensi,
               files: dict[str, SourceFile], regions: dict[str, dict[str, str]] | None = None) -> None:
    year = year_in_name(source)
    check_year_matches_name(report, kec, source, tahunan, files)
    if tahunan.laporan not in kec.report_ids():
        report.report(source, ("laporan",), unknown_report(kec, tahunan.laporan))
    check_sources(report, kec, source, tahunan, ())
    pending = renstra_pending(kec, files)
    if pending:  # its ids and periods are unknown until it is valid: one message here, not one per reference
        report.report(source, ("tahun",), f"{', '.join(pending)} belum sah: indikator, sasaran dan periode di berkas "
                      "ini diperiksa sesudah galat Renstra itu diperbaiki", Severity.WARNING)
    check_kinerja(report, kec, source, tahunan, year, ref, periods_known=not pending)
    sasaran_ids = kec.known_sasaran_ids()
    for i, ring in enumerate(tahunan.sasaran):
        if ring.sasaran not in sasaran_ids and not pending:
            report.report(source, ("sasaran", i, "sasaran"), unknown("sasaran", ring.sasaran, sasaran_ids))
    if tahunan.anggaran:
        check_budget(report, kec, source, tahunan.anggaran, references=not pending)
    if tahunan.akip:
        check_akip(report, source, tahunan.akip, ref)
    if tahunan.ikm and tahunan.ikm.unsur and len(tahunan.ikm.unsur) != 9:
        report.report(source, ("ikm", "unsur"),
                      f"IKM menurut PermenPANRB 14/2017 punya 9 unsur; di sini {len(tahunan.ikm.unsur)}", Severity.WARNING)
    if tahunan.idm and kec.profil.kode:
        for i, desa in enumerate(tahunan.idm.desa):
            if desa.kode and not desa.kode.startswith(kec.profil.kode + "."):
                report.report(source, ("idm", "desa", i, "kode"),
                              f"kode desa harus diawali kode kecamatan {kec.profil.kode}.")
    if tahunan.idm:
        check_idm_desa(report, source, kec, tahunan.idm, regions)


def renstra_pending(kec: KecamatanData, files: dict[str, SourceFile]) -> list[str]:
    """The kecamatan's Renstra files that failed their model (their messages are on them)."""
    return [rel.rsplit("/", 1)[1] for rel, source in sorted(files.items())
            if source.kind == "renstra" and rel.startswith(f"wilayah/{kec.slug}/") and rel not in kec.files]


def check_year_matches_name(report: Reporter, kec: KecamatanData, source: SourceFile, tahunan: m.Tahunan,
                            files: dict[str, SourceFile]) -> None:
    """`tahun` is the year in the file name; a copied file that still claims another year names that year's file."""
    file_year = year_in_name(source)
    if tahunan.tahun == file_year:
        return
    message = f"tahun {tahunan.tahun} berbeda dari nama berkas ({source.path.name})"
    others = _other_files_for_year(kec, source, tahunan.tahun, files)
    if others:
        message += (f"; tahun {tahunan.tahun} sudah diisi di {' dan '.join(others)}. Bila berkas ini salinan, "
                    f"ubah tahun menjadi {file_year} dan perbarui isinya")
    report.report(source, ("tahun",), message)


def _other_files_for_year(kec: KecamatanData, source: SourceFile, year: int, files: dict[str, SourceFile]) -> list[str]:
    """The kecamatan's other year files for `year`: named after it (valid or not), or valid and saying `tahun: year`."""
    folder = f"wilayah/{kec.slug}/"
    others = []
    for rel, other in sorted(files.items()):
        if rel == source.relative or other.kind != "tahunan" or not rel.startswith(folder):
            continue
        model = kec.tahun.get(year_in_name(other)) if rel in kec.files else None
        if year_in_name(other) == year or (model is not None and model.tahun == year):
            others.append(other.display)
    return others


def check_sources(report: Reporter, kec: KecamatanData, source: SourceFile, obj, loc: tuple) -> None:
    """Every `sumber.laporan` anywhere in a year file names a report of profil.yaml."""
    if isinstance(obj, m.Sumber):
        if obj.laporan is not None and obj.laporan not in kec.report_ids():
            report.report(source, (*loc, "laporan"), unknown_report(kec, obj.laporan))
        return
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if value is not None and not isinstance(value, (str, int, Decimal)):
                check_sources(report, kec, source, value, (*loc, name))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            if isinstance(item, BaseModel):
                check_sources(report, kec, source, item, (*loc, i))


def check_kinerja(report: Reporter, kec: KecamatanData, source: SourceFile, tahunan: m.Tahunan, year: int,
                  ref: Referensi, periods_known: bool = True) -> None:
    """Each indicator once a year, in the Renstra version in force that year, with values that fit it."""
    renstra = kec.renstra_for(year)
    if tahunan.kinerja and renstra is None and periods_known:
        periods = ", ".join(f"{r.periode.mulai}-{r.periode.selesai}" for r in kec.renstra) or "belum ada"
        report.report(
            source,
            ("tahun",),
            f"tahun {year} di luar periode Renstra mana pun (periode: {periods}); "
            "tambahkan berkas renstra-<mulai>-<selesai>.yaml yang mencakup tahun ini",
        )
    seen: set[str] = set()
    for i, kinerja in enumerate(tahunan.kinerja):
        loc = ("kinerja", i)
        if kinerja.indikator in seen:
            report.report(source, (*loc, "indikator"), f'indikator "{kinerja.indikator}" ditulis dua kali tahun ini')
        seen.add(kinerja.indikator)
        if renstra is None:
            continue
        place = kec.indicator_for(kinerja.indikator, year)
        if place is None:
            report.report(source, (*loc, "indikator"), _indicator_not_in_force(kec, renstra, kinerja.indikator, year))
            continue
        ind = place.indikator
        for name in ("target", "target_perubahan", "realisasi"):
            check_value(report, source, (*loc, name), ind, getattr(kinerja, name), ref)
        for j, stated in enumerate(kinerja.dinyatakan):
            for name in ("target", "target_renstra", "realisasi", "target_akhir"):
                check_value(report, source, (*loc, "dinyatakan", j, name), ind, getattr(stated, name), ref)
        for j, other in enumerate(kinerja.pembanding):
            check_value(report, source, (*loc, "pembanding", j, "nilai"), ind, other.nilai, ref)
        has_target = any(v is not None for v in (kinerja.target, kinerja.target_perubahan, ind.target.get(year)))
        if kinerja.realisasi is not None and not has_target:
            report.report(source, (*loc, "realisasi"),
                          f"realisasi tanpa target: isi target PK di sini atau target {year} di Renstra")
        if kinerja.realisasi is not None and kinerja.tidak_diukur:
            report.report(source, (*loc, "tidak_diukur"), "isi realisasi atau tidak_diukur, jangan keduanya")


def _indicator_not_in_force(kec: KecamatanData, renstra: m.Renstra, indicator_id: str, year: int) -> str:
    in_force = sorted({p.indikator.id for p in kec.indicators_in_force(year)})
    close = difflib.get_close_matches(indicator_id, in_force, n=1)
    hint = f'; mungkin maksudnya "{close[0]}"' if close else ""
    message = (f'indikator "{indicator_id}" tidak ada di Renstra {renstra.periode.mulai}-{renstra.periode.selesai}'
               f"{hint}. Indikator yang ada: {', '.join(in_force)}")
    elsewhere = _versions_with(kec, indicator_id)
    if elsewhere:
        message += f". Id ini hanya ada di {' dan '.join(elsewhere)}, yang tidak berlaku pada tahun {year}"
    return message


def _versions_with(kec: KecamatanData, indicator_id: str) -> list[str]:
    """The Renstra versions (original goals, revisions) whose goal tree has this indicator id, by name."""
    found = []
    for renstra in kec.renstra:
        period = f"{renstra.periode.mulai}-{renstra.periode.selesai}"
        trees = all_goal_trees(renstra)
        revisions = sorted(renstra.revisi, key=lambda r: r.berlaku_mulai)
        names = [f"Renstra {period} sebelum revisi" if renstra.revisi else f"Renstra {period}"] + [
            f'revisi "{r.nama}" Renstra {period} (berlaku mulai {r.berlaku_mulai})' for r in revisions
        ]
        found += [name for name, tree in zip(names, trees)
                  if any(p.indikator.id == indicator_id for p in iter_indicators(tree))]
    return found


def check_akip(report: Reporter, source: SourceFile, akip: m.Akip, ref: Referensi) -> None:
    metodologi = ref.akip.get(akip.metodologi)
    if metodologi is None:
        report.report(source, ("akip", "metodologi"), unknown("metodologi", akip.metodologi, set(ref.akip)))
        return
    known = {k.id: k for k in metodologi.komponen}
    for i, comp in enumerate(akip.komponen):
        if comp.komponen not in known:
            report.report(source, ("akip", "komponen", i, "komponen"), unknown("komponen", comp.komponen, set(known)))
        elif comp.nilai > known[comp.komponen].bobot:
            report.report(source, ("akip", "komponen", i, "nilai"),
                          f"nilai {comp.nilai} melebihi bobot komponen ({known[comp.komponen].bobot})")
