"""Checks of a year's `anggaran`: references to the Renstra and structure. Its sums are the audit's (the
`validate` command shows the audit's money differences as warnings: pipeline.money_warnings)."""

from __future__ import annotations

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
        check_program_levels(report, source, loc, program)
    for i, item in enumerate(anggaran.per_kinerja):
        loc = ("anggaran", "per_kinerja", i)
        if item.sasaran and item.sasaran not in sasaran_ids:
            report.report(source, (*loc, "sasaran"), unknown("sasaran", item.sasaran, sasaran_ids))
        if item.indikator and item.indikator not in indicator_ids:
            report.report(source, (*loc, "indikator"), unknown("indikator", item.indikator, indicator_ids))
        if not item.sasaran and not item.indikator:
            report.report(source, loc, "sebutkan sasaran atau indikator yang dibiayai")
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


def check_program_levels(report: Reporter, source: SourceFile, loc: tuple, program: m.Program) -> None:
    """program > kegiatan > sub_kegiatan > rincian, or program > sub_kegiatan directly. Whether the lines add
    up is the audit's rule (compute.sum_gap); `validate` shows its findings as warnings (pipeline.money_warnings)."""
    if program.kegiatan and program.sub_kegiatan:
        report.report(source, loc, "program berisi kegiatan atau langsung sub_kegiatan, tidak keduanya")
