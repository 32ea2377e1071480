"""Checks of a year's `anggaran`: references to the Renstra, structure, and sums (warnings)."""

from __future__ import annotations

from .. import compute
from .. import models as m
from ..dataset import KecamatanData
from ..formatting import rupiah
from ..load import SourceFile
from ..problems import Severity
from .report import Reporter, unknown

class _Anything(set):
    """Every id: the references are checked once the Renstra is valid."""

    def __contains__(self, item) -> bool:
        return True


def check_budget(report: Reporter, kec: KecamatanData, source: SourceFile, anggaran: m.Anggaran,
                 references: bool = True) -> None:
    """`sasaran` and indicator links name ids of the kecamatan's Renstra (any version, revisions included);
    `references` False: a Renstra file is not valid yet, so its ids are unknown and not checked."""
    sasaran_ids = kec.known_sasaran_ids() if references else _Anything()
    indicator_ids = kec.known_indicator_ids() if references else _Anything()
    for pi, program in enumerate(anggaran.program):
        loc = ("anggaran", "program", pi)
        if program.sasaran and program.sasaran not in sasaran_ids:
            report.report(source, (*loc, "sasaran"), unknown("sasaran", program.sasaran, sasaran_ids))
        if program.indikator_renstra and program.indikator_renstra not in indicator_ids:
            report.report(source, (*loc, "indikator_renstra"),
                          unknown("indikator", program.indikator_renstra, indicator_ids))
        if not anggaran.lines_partial("program"):
            check_program_sums(report, source, loc, program)
    for i, item in enumerate(anggaran.per_kinerja):
        loc = ("anggaran", "per_kinerja", i)
        if item.sasaran and item.sasaran not in sasaran_ids:
            report.report(source, (*loc, "sasaran"), unknown("sasaran", item.sasaran, sasaran_ids))
        if item.indikator and item.indikator not in indicator_ids:
            report.report(source, (*loc, "indikator"), unknown("indikator", item.indikator, indicator_ids))
        if not item.sasaran and not item.indikator:
            report.report(source, loc, "sebutkan sasaran atau indikator yang dibiayai")
    for i, belanja in enumerate(anggaran.belanja):
        if not anggaran.lines_partial("belanja"):
            check_belanja(report, source, ("anggaran", "belanja", i), belanja)
    for loc, row in budget_rows(anggaran):
        if row.realisasi is not None and row.pagu is not None and row.realisasi > row.pagu:
            report.report(source, (*loc, "realisasi"), f"realisasi ({rupiah(row.realisasi)}) melebihi pagu "
                          f"({rupiah(row.pagu)}); belanja APBD tidak boleh melebihi pagu, periksa salinannya", Severity.WARNING)


def budget_rows(anggaran: m.Anggaran):
    """Every budget line with its location: programmes down to expense lines, spending types, per-goal rows."""
    def lines(items, loc, child_fields):
        for i, item in enumerate(items):
            here = (*loc, i)
            yield here, item
            for name in child_fields:
                yield from lines(getattr(item, name, []) or [], (*here, name), child_fields)

    yield from lines(anggaran.program, ("anggaran", "program"), ("kegiatan", "sub_kegiatan", "rincian"))
    yield from lines(anggaran.belanja, ("anggaran", "belanja"), ("rincian",))
    yield from lines(anggaran.per_kinerja, ("anggaran", "per_kinerja"), ())


def check_program_sums(report: Reporter, source: SourceFile, loc: tuple, program: m.Program) -> None:
    """program > kegiatan > sub_kegiatan > rincian, or program > sub_kegiatan directly, each adding up."""
    if program.kegiatan and program.sub_kegiatan:
        report.report(source, loc, "program berisi kegiatan atau langsung sub_kegiatan, tidak keduanya")
    check_sum(report, source, loc, program, [*program.kegiatan, *program.sub_kegiatan],
              "kegiatan" if program.kegiatan else "sub_kegiatan")
    for ki, kegiatan in enumerate(program.kegiatan):
        kloc = (*loc, "kegiatan", ki)
        check_sum(report, source, kloc, kegiatan, kegiatan.sub_kegiatan, "sub_kegiatan")
        for si, sub in enumerate(kegiatan.sub_kegiatan):
            check_sum(report, source, (*kloc, "sub_kegiatan", si), sub, sub.rincian, "rincian")
    for si, sub in enumerate(program.sub_kegiatan):
        check_sum(report, source, (*loc, "sub_kegiatan", si), sub, sub.rincian, "rincian")


def check_belanja(report: Reporter, source: SourceFile, loc: tuple, belanja: m.Belanja) -> None:
    if belanja.rincian:
        check_sum(report, source, loc, belanja, belanja.rincian, "rincian")
        for i, child in enumerate(belanja.rincian):
            check_belanja(report, source, (*loc, "rincian", i), child)


def check_sum(report: Reporter, source: SourceFile, loc: tuple, parent, children: list, child_key: str) -> None:
    """Children that do not add up to their parent: a warning (real reports do this); the audit shows the same
    gaps (compute.sum_gap) as findings."""
    if not children:
        return
    for name in ("pagu", "pagu_murni", "realisasi"):
        stated = getattr(parent, name, None)
        gap = compute.sum_gap(stated, [getattr(c, name, None) for c in children])
        if gap is not None:
            report.report(
                source,
                (*loc, name),
                f"jumlah {name} {child_key} ({rupiah(stated - gap)}) tidak sama dengan {name} induk "
                f"({rupiah(stated)}); selisih {rupiah(gap)}. Periksa kembali angka laporan",
                Severity.WARNING,
            )
