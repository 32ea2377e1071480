"""One kecamatan's results, from its own data and the reference data only.

Every figure is computed here once, with the formulas of `compute` and the
methods the kecamatan declared; pages, exports, the diff and the audit read
the results and never recompute.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from .. import compute as c
from .. import layout
from .. import models as m
from ..dataset import IndicatorPlace, KecamatanData, Referensi
from ..formatting import round_half_up
from num2words import num2words

from .reference import graded, method_of
from .results import (
    Agreement, AgreementRow, AkipComponent, AkipResult, Award, Benchmark, Budget, BudgetLine, Claim, CountShare, DesaResult, Followup, Goal, IkmResult, Indicator,
    IndicatorYear, KecamatanResult, Measurement, Method, Num, ShareGroup, Output, Person, Plan, PlanGap, Profile, Province, Reference, Region, Report,
    SasaranYear, Source, Staff, markdown, StatedBudget, StatedIndex, StatedIndicator, StatedSasaran, StatedTotal, StatedYear,
    Status, TargetKind, YearResult,
)

INDICATOR_NARRATIVE = (("pendukung", "Faktor pendukung"), ("penghambat", "Faktor penghambat"), ("solusi", "Solusi"),
                       ("efisiensi", "Efisiensi sumber daya"), ("program_pendukung", "Program/kegiatan pendukung"),
                       ("uraian", "Uraian"))
YEAR_NARRATIVE = (("ringkasan", "Ringkasan"), ("isu_strategis", "Isu strategis"), ("permasalahan", "Permasalahan"),
                  ("saran", "Saran"), ("kesimpulan", "Kesimpulan"))
STAFF_GROUPS = (("golongan", "Golongan"), ("jenis_kelamin", "Jenis kelamin"), ("pendidikan", "Pendidikan"),
                ("eselon", "Eselon"))


def _rounded(value: Num) -> Num:
    """Ratings and thresholds apply to the figure as shown (two decimals, half up)."""
    return None if value is None else round_half_up(value)


class _Sources:
    """Resolves a `sumber` to the report it names (or the year's own report) and its table."""

    def __init__(self, kec: KecamatanData, default_report: str):
        self.kec = kec
        self.default = default_report

    def __call__(self, sumber: m.Sumber | None) -> Source:
        report_id = (sumber.laporan if sumber and sumber.laporan else None) or self.default
        report = self.kec.report(report_id)
        name = f"{report.jenis} {report.tahun}" if report else report_id
        return Source(name, sumber.tabel if sumber else None, sumber.sebagian if sumber else False)

    def optional(self, sumber: m.Sumber | None) -> Source | None:
        return self(sumber) if sumber is not None else None


# --------------------------------------------------------------------------
# The kecamatan
# --------------------------------------------------------------------------


def analyse_kecamatan(kec: KecamatanData, kabupaten: m.Kabupaten, ref: Referensi, reference: Reference) -> KecamatanResult:
    method = method_of(kec.metode, reference)
    history = indicator_history(kec, method, ref)
    years: list[YearResult] = []
    for year in sorted(kec.tahun):
        previous = years[-1] if years and years[-1].year == year - 1 and years[-1].budget else None
        years.append(analyse_year(kec, year, kec.tahun[year], history, method, ref,
                                  previous.budget.realisasi if previous else None))
    kab = kabupaten
    region = Region(kec.kabupaten_slug, kab.nama, kab.jenis, kab.kode, Province(kab.provinsi.nama, kab.provinsi.kode))
    return KecamatanResult(kec.slug, region, profile_of(kec.profil), method, years, history,
                           tuple(plan_of(r, _Sources(kec, renstra_report(kec, r)), kec.slug) for r in kec.renstra))


def renstra_report(kec: KecamatanData, r: m.Renstra) -> str:
    """The report a Renstra file was transcribed from: the one its `sumber` names, else the latest report."""
    if r.sumber and r.sumber.laporan:
        return r.sumber.laporan
    reports = sorted(kec.profil.laporan, key=lambda lap: lap.tahun)
    return reports[-1].id if reports else ""


def plan_of(r: m.Renstra, sources: _Sources | None = None, slug: str | None = None) -> Plan:
    return Plan(r.periode.mulai, r.periode.selesai, r.dokumen, r.rpjmd, r.visi,
                tuple((x.nomor, x.teks, x.nomor in r.misi_terkait) for x in r.misi),
                tuple((t.nama, tuple(s.nama for s in t.sasaran)) for t in r.tujuan),
                tuple((x.strategi, tuple(x.kebijakan)) for x in r.strategi),
                tuple((x.tingkat, x.kode, x.nama) for x in r.program),
                sources(r.sumber) if sources and r.sumber else None, tuple(plan_gaps(r.program)),
                layout.renstra_file(slug, r.periode.mulai, r.periode.selesai) if slug else None)


def plan_gaps(rows: list[m.RencanaProgram]):
    """Every year a matrix row's indicative pagu is not the sum of its rows below (compute.sum_gap), at any depth."""
    for row in rows:
        for year, target in sorted(row.target.items()) if row.anak else ():
            parts = [child.target[year].pagu if year in child.target else None for child in row.anak]
            gap = c.sum_gap(target.pagu, parts)
            if gap is not None:
                yield PlanGap(year, row.kode, row.nama, target.pagu, gap, c.within_part_rounding(gap, len(parts)),
                              row.line_of())
        yield from plan_gaps(row.anak)


def profile_of(p: m.Profil) -> Profile:
    return Profile(
        nama=p.nama, kode=p.kode, ibukota=p.ibukota, luas_ha=p.luas_ha, jumlah_desa=p.jumlah_desa,
        jumlah_kelurahan=p.jumlah_kelurahan, semboyan=p.semboyan, tugas=markdown(p.tugas), fungsi=tuple(map(markdown, p.fungsi)),
        units=tuple((u.nama, tuple(u.sub_unit)) for u in p.unit_organisasi),
        reports=tuple(report_of(r) for r in p.laporan), alamat=p.alamat, jumlah_dusun=p.jumlah_dusun,
        borders=tuple((side, p.batas_wilayah[side]) for side in ("utara", "timur", "selatan", "barat")
                      if p.batas_wilayah and side in p.batas_wilayah),
        legal_basis=tuple(p.dasar_hukum),
    )


def report_of(r: m.Laporan) -> Report:
    return Report(r.id, r.jenis, r.tahun, r.judul, r.tanggal, r.tempat, r.berkas, r.url)


def person_of(p: m.Pejabat | None) -> Person | None:
    return None if p is None else Person(p.nama, p.nip, p.pangkat, p.jabatan)


# --------------------------------------------------------------------------
# Indicators over every Renstra year
# --------------------------------------------------------------------------


def indicator_history(kec: KecamatanData, method: Method, ref: Referensi) -> dict[str, list[IndicatorYear]]:
    """Every indicator over every year of every Renstra (targets-only and unreported years included)."""
    reported_years = [y for y, t in kec.tahun.items() if any(k.realisasi is not None or k.tidak_diukur for k in t.kinerja)]
    last_reported = max(reported_years, default=None)
    history: dict[str, list[IndicatorYear]] = {}
    for renstra in kec.renstra:
        for year in range(renstra.periode.mulai, renstra.periode.selesai + 1):
            tahunan = kec.tahun.get(year)
            kinerja = {k.indikator: k for k in tahunan.kinerja} if tahunan else {}
            sources = _Sources(kec, tahunan.laporan if tahunan else "")
            for place in kec.indicators_in_force(year):
                row = kinerja.get(place.indikator.id)
                if row is None and place.indikator.target.get(year) is None:
                    continue  # a Renstra year without a target (often the last): nothing to show
                item = indicator_year(place, year, row, method, ref, last_reported, sources)
                previous = history.setdefault(place.indikator.id, [])
                if previous:
                    link_previous(item, previous[-1])
                previous.append(item)
    return history


def indicator_of(place: IndicatorPlace) -> Indicator:
    ind = place.indikator
    return Indicator(
        id=ind.id, nama=ind.nama, satuan=ind.satuan, polaritas=ind.polaritas, jenis=ind.jenis, kanonik=ind.kanonik,
        definisi=markdown(ind.definisi), target_akhir=ind.target_akhir, tujuan=Goal(place.tujuan.id, place.tujuan.nama),
        sasaran=Goal(place.sasaran.id, place.sasaran.nama) if place.sasaran else None,
    )


def chosen_target(kinerja: m.Kinerja | None, target_renstra) -> tuple[object, TargetKind]:
    """The target capaian is measured against: PK perubahan, else the PK, else this year's Renstra target."""
    if kinerja and kinerja.target_perubahan is not None:
        return kinerja.target_perubahan, TargetKind.PK_REVISED
    if kinerja and kinerja.target is not None:
        return kinerja.target, TargetKind.PK
    if target_renstra is not None:
        return target_renstra, TargetKind.RENSTRA
    return None, TargetKind.NONE


def status_of(kinerja: m.Kinerja | None, year: int, last_reported: int | None) -> Status:
    if kinerja and kinerja.realisasi is not None:
        return Status.REALISED
    if kinerja and kinerja.tidak_diukur:
        return Status.NOT_MEASURED
    if last_reported is not None and year <= last_reported:
        return Status.NOT_REPORTED
    return Status.TARGET_ONLY


def indicator_year(place: IndicatorPlace, year: int, kinerja: m.Kinerja | None, method: Method, ref: Referensi,
                   last_reported: int | None, sources: _Sources) -> IndicatorYear:
    ind = place.indikator
    target_renstra = ind.target.get(year)
    target, kind = chosen_target(kinerja, target_renstra)
    pk_target, _ = chosen_target(kinerja, None)
    stated = tuple(
        StatedIndicator(sources(d.sumber), d.target, d.target_renstra, d.realisasi, d.capaian,
                        d.capaian_terhadap_tahun_lalu, d.penyerapan, d.efisiensi, d.kemajuan_renstra, d.predikat,
                        d.target_akhir, d.kemajuan_keterangan)
        for d in (kinerja.dinyatakan if kinerja else ())
    )
    narasi = kinerja.narasi if kinerja else None
    item = IndicatorYear(
        indicator=indicator_of(place), year=year, in_report=kinerja is not None,
        status=status_of(kinerja, year, last_reported), target=target, target_kind=kind, target_pk=pk_target,
        target_renstra=target_renstra, realisasi=kinerja.realisasi if kinerja else None,
        not_measured_reason=kinerja.tidak_diukur if kinerja else None,
        measurement=measurement_of(kinerja.pengukuran) if kinerja and kinerja.pengukuran else None,
        source=sources(kinerja.sumber) if kinerja else None, catatan=markdown(kinerja.catatan) if kinerja else None,
        narrative=tuple((label, markdown(getattr(narasi, key))) for key, label in INDICATOR_NARRATIVE
                        if narasi and getattr(narasi, key)),
        stated=stated, line=kinerja.line_of() if kinerja else None,
        kemajuan_label=next((s.kemajuan_label for s in stated if s.kemajuan_label), None),
    )
    category = ref.skala.get(ind.skala_kategori) if ind.skala_kategori else None
    item.benchmarks = tuple(
        Benchmark(p.pembanding, p.nilai, p.tahun, p.menurut_laporan,
                  c.position_against(item.realisasi, p.nilai, ind.polaritas, category), sources(p.sumber or kinerja.sumber))
        for p in (kinerja.pembanding if kinerja else ()))
    if item.status != Status.REALISED:
        return item
    ours = method.capaian_turun.id

    def capaian_with(target_value, formula: str = ours) -> Num:
        return c.capaian(target_value, item.realisasi, ind.polaritas, formula, category)

    item.capaian = capaian_with(item.target)
    item.capaian_uniform = capaian_with(item.target, method.uniform_capaian_turun.id)
    item.reached = None if item.capaian is None else _rounded(item.capaian) >= 100
    item.rating = graded(_rounded(item.capaian), ref.skala[method.scale.id])
    item.rating_uniform = graded(_rounded(item.capaian_uniform), ref.skala[method.uniform_scale.id])
    if method.predicate_scale:
        item.rating_predicate = graded(_rounded(item.capaian), ref.skala[method.predicate_scale.id])
    item.capaian_renstra = capaian_with(target_renstra)
    item.on_track = c.on_track(_rounded(item.capaian_renstra))
    item.kemajuan = capaian_with(ind.target_akhir)
    if ind.polaritas == "turun":
        item.capaian_by_formula = {fid: capaian_with(item.target, fid) for fid in c.CAPAIAN_TURUN}
    printed = [target_renstra, *(s.target for s in stated), *(s.target_renstra for s in stated)]
    item.capaian_by_target = {t: capaian_with(t) for t in printed if t is not None and t != item.target}
    item.kemajuan_by_target = {s.target_akhir: capaian_with(s.target_akhir) for s in stated
                               if s.target_akhir is not None and s.target_akhir != ind.target_akhir}
    return item


def measurement_of(p: m.Pengukuran) -> Measurement:
    return Measurement(p.instrumen, p.dasar_hukum, p.jumlah_unsur, p.tahun_data, markdown(p.catatan))


def link_previous(item: IndicatorYear, previous: IndicatorYear) -> None:
    """Year-over-year figures; a change across a change of instrument is not a change of performance."""
    item.previous_realisasi = previous.realisasi
    if item.measurement and previous.measurement:
        item.comparable_with_previous = item.measurement.key == previous.measurement.key
    item.ratio_capaian_previous = c.ratio_percent(item.capaian, previous.capaian)
    item.ratio_by_target = {t: c.ratio_percent(v, previous.capaian) for t, v in item.capaian_by_target.items()}
    if item.comparable_with_previous is False:
        return
    if isinstance(item.realisasi, Decimal) and isinstance(previous.realisasi, Decimal):
        item.change_realisasi = c.change(previous.realisasi, item.realisasi)


# --------------------------------------------------------------------------
# Budget
# --------------------------------------------------------------------------


SUMMED_FIGURES = (("pagu", "pagu"), ("pagu murni", "pagu_murni"), ("realisasi", "realisasi"))


def sum_gaps(row, children: tuple[BudgetLine, ...]) -> tuple[tuple[str, Decimal, Decimal], ...]:
    """(figure, printed, gap) for each figure of a line that its lines do not add up to (compute.sum_gap)."""
    gaps = []
    for label, name in SUMMED_FIGURES if children else ():
        printed = getattr(row, name, None)
        gap = c.sum_gap(printed, [getattr(child, name) for child in children])
        if gap is not None:
            gaps.append((label, printed, gap))
    return tuple(gaps)


def budget_line(level: str, row, children: tuple[BudgetLine, ...] = (), sources: _Sources | None = None,
                nama: str | None = None) -> BudgetLine:
    pagu, realisasi = row.pagu, row.realisasi
    stated = getattr(row, "dinyatakan", None)
    keluaran = getattr(row, "keluaran", None)
    return BudgetLine(
        level=level, kode=getattr(row, "kode", None), nama=nama or getattr(row, "nama", None) or row.jenis,
        pagu=pagu, realisasi=realisasi, penyerapan=c.penyerapan(pagu, realisasi), sisa=c.sisa(pagu, realisasi),
        pagu_murni=getattr(row, "pagu_murni", None),
        sum_gaps=sum_gaps(row, children),
        output=Output(keluaran.nama, keluaran.satuan, keluaran.target, keluaran.realisasi) if keluaran else None,
        indicator=getattr(row, "indikator_renstra", None),
        output_without_spending=bool(keluaran) and c.output_without_spending(pagu, realisasi, keluaran.target,
                                                                             keluaran.realisasi),
        stated=StatedBudget(sources.optional(stated.sumber), stated.penyerapan, stated.sisa, stated.pagu,
                            stated.realisasi, c.penyerapan(pagu, c.sisa(pagu, stated.sisa)) if stated.sisa is not None
                            else None) if stated and sources else None,
        program=getattr(row, "program", None) if level == "per_kinerja" else None,
        children=children, line=row.line_of() if isinstance(row, m.Model) else None,
        catatan=markdown(getattr(row, "catatan", None)),
    )


def program_tree(program: m.Program, sources: _Sources) -> BudgetLine:
    def sub(s: m.SubKegiatan) -> BudgetLine:
        return budget_line("sub_kegiatan", s, tuple(budget_line("rincian", r, sources=sources) for r in s.rincian),
                           sources)

    children = tuple(budget_line("kegiatan", k, tuple(sub(s) for s in k.sub_kegiatan), sources)
                     for k in program.kegiatan) + tuple(sub(s) for s in program.sub_kegiatan)
    return budget_line("program", program, children, sources)


def belanja_tree(belanja: m.Belanja, sources: _Sources) -> BudgetLine:
    return budget_line("belanja", belanja, tuple(belanja_tree(b, sources) for b in belanja.rincian), sources)


def budget_of(anggaran: m.Anggaran, kec: KecamatanData, year: int, sources: _Sources,
              previous_realisasi: Num = None) -> Budget:
    in_force = kec.indicators_in_force(year)
    names = {p.indikator.id: p.indikator.nama for p in in_force}
    names.update({p.sasaran.id: p.sasaran.nama for p in in_force if p.sasaran})
    programs = tuple(program_tree(p, sources) for p in anggaran.program)
    belanja = tuple(belanja_tree(b, sources) for b in anggaran.belanja)
    source, belanja_source = sources(anggaran.sumber), sources(anggaran.belanja_sumber)
    per_kinerja_source = sources(anggaran.per_kinerja_sumber)
    # The year's total: its programmes, or its spending types when only those are printed in full.
    lines = next((rows for rows, where in ((programs, source), (belanja, belanja_source)) if rows and not where.partial),
                 ())
    pagu, realisasi = whole_total(lines, "pagu"), whole_total(lines, "realisasi")
    partial = bool(programs or belanja) and not lines
    per_kinerja = tuple(
        budget_line("per_kinerja", a, sources=sources, nama=names.get(a.indikator or a.sasaran, a.indikator or a.sasaran))
        for a in anggaran.per_kinerja)
    return Budget(
        source=source,
        funds=tuple((s.nama, s.jumlah) for s in anggaran.sumber_dana),
        programs=programs,
        belanja=belanja, belanja_source=belanja_source,
        per_kinerja=per_kinerja, per_kinerja_source=per_kinerja_source,
        pagu=pagu, realisasi=realisasi, penyerapan=c.penyerapan(pagu, realisasi), sisa=c.sisa(pagu, realisasi),
        realisasi_change=c.change(previous_realisasi, realisasi),
        partial=partial, pagu_murni=whole_total(lines, "pagu_murni"),
        unknown={name: tuple(line.nama for line in lines if getattr(line, name) is None)
                 for name in ("pagu", "realisasi") if any(getattr(line, name) is None for line in lines)},
        stated=tuple(StatedTotal(sources(s.sumber), s.pagu, s.realisasi, s.penyerapan, s.sisa,
                                 c.penyerapan(s.pagu, s.realisasi), s.terbilang, in_words(s.pagu) if s.terbilang else None,
                                 s.pagu_murni, s.kenaikan_realisasi, s.line_of())
                     for s in anggaran.dinyatakan),
    )


def whole_total(lines: tuple[BudgetLine, ...], figure: str) -> Num:
    """The sum of a table's lines; None without lines."""
    return c.total(getattr(line, figure) for line in lines) if lines else None


def attach_budget(item: IndicatorYear, anggaran: m.Anggaran) -> None:
    """Budget behind an indicator, by the first rule that finds any (documented on the methodology page)."""
    ind_id = item.indicator.id
    sasaran_id = item.indicator.sasaran.id if item.indicator.sasaran else None
    rules = [
        ("anggaran per indikator", [a for a in anggaran.per_kinerja if a.indikator == ind_id]),
        ("program yang mendukung indikator", [p for p in anggaran.program if p.indikator_renstra == ind_id]),
        ("anggaran per sasaran", [a for a in anggaran.per_kinerja if sasaran_id and a.sasaran == sasaran_id and not a.indikator]),
        ("program yang mendukung sasaran", [p for p in anggaran.program if sasaran_id and p.sasaran == sasaran_id]),
    ]
    for basis, rows in rules:
        if len(rows) > 1 and anggaran.lines_partial("per_kinerja" if basis.startswith("anggaran") else "program"):
            continue  # a sum over a table the data holds only part of is not the indicator's budget
        if rows:
            item.budget_basis = basis
            item.budget_pagu = c.total(r.pagu for r in rows)
            item.budget_realisasi = c.total(r.realisasi for r in rows)
            item.penyerapan = c.penyerapan(item.budget_pagu, item.budget_realisasi)
            return


def in_words(amount: Decimal | None) -> str | None:
    """An amount in Indonesian words (whole rupiah), to hold against the words a report prints."""
    if amount is None:
        return None
    words = num2words(int(amount), lang="id")
    sen = int((amount - int(amount)) * 100)
    return words + (f" koma {num2words(sen, lang='id')}" if sen else "")


def efficiencies(capaian: Num, penyerapan: Num) -> dict[str, Num]:
    """Efficiency under every formula id (the audit looks for the one a report used)."""
    return {fid: f.function(capaian, penyerapan) for fid, f in c.EFISIENSI.items()}


# --------------------------------------------------------------------------
# A year
# --------------------------------------------------------------------------


def analyse_year(kec: KecamatanData, year: int, tahunan: m.Tahunan, history: dict[str, list[IndicatorYear]],
                 method: Method, ref: Referensi, previous_realisasi: Num = None) -> YearResult:
    """One year's results; `previous_realisasi`: last year's total realisasi, when its file holds one."""
    sources = _Sources(kec, tahunan.laporan)
    order = {p.indikator.id: i for i, p in enumerate(kec.indicators_in_force(year))}
    indicators = sorted((i for h in history.values() for i in h if i.year == year),
                        key=lambda i: (order.get(i.indicator.id, len(order)), i.indicator.id))
    anggaran = tahunan.anggaran
    for item in indicators:
        if anggaran:
            attach_budget(item, anggaran)
        item.efisiensi = c.EFISIENSI[method.efisiensi.id].function(item.capaian, item.penyerapan)
        item.efisiensi_uniform = c.EFISIENSI[method.uniform_efisiensi.id].function(item.capaian_uniform, item.penyerapan)
        item.efisiensi_by_formula = efficiencies(item.capaian, item.penyerapan)
        stated_capaian = next((d.capaian for d in item.stated if d.capaian is not None), None)
        stated_penyerapan = next((d.penyerapan for d in item.stated if d.penyerapan is not None), None)
        item.efisiensi_of_stated_by_formula = efficiencies(stated_capaian, stated_penyerapan)
    budget = budget_of(anggaran, kec, year, sources, previous_realisasi) if anggaran else None
    counted = headline_indicators(indicators)
    counted_ids = {id(i) for i in counted}
    for item in indicators:
        item.in_headline = id(item) in counted_ids
    measured = [i for i in counted if i.capaian is not None]
    numeric = [i for i in measured if not i.indicator.categorical]
    capaian_mean = c.mean(i.capaian for i in numeric)
    sasaran = sasaran_summaries(indicators, anggaran, method)
    sasaran_goals = {s.sasaran.id: s.sasaran for s in sasaran}
    stated_caps = [i.stated[0].capaian for i in numeric if i.stated and i.stated[0].capaian is not None]
    return YearResult(
        year=year,
        report=next((r for r in map(report_of, kec.profil.laporan) if r.id == tahunan.laporan), None),
        camat=person_of(tahunan.camat),
        indicators=indicators,
        sasaran=sasaran,
        stated_sasaran=[StatedSasaran(sasaran_goals[r.sasaran], sources(d.sumber), d.capaian, d.penyerapan, d.efisiensi,
                                      efficiencies(d.capaian, d.penyerapan))
                        for r in tahunan.sasaran if r.sasaran in sasaran_goals for d in r.dinyatakan],
        budget=budget,
        capaian_mean=capaian_mean,
        rating=graded(_rounded(capaian_mean), ref.skala[method.scale.id]),
        rating_predicate=graded(_rounded(capaian_mean), ref.skala[method.predicate_scale.id])
        if method.predicate_scale else None,
        indicator_count=len(counted),
        measured=len(measured),
        on_target=sum(1 for i in measured if i.reached),
        categorical_measured=len(measured) - len(numeric),
        apart=len(indicators) - len(counted),
        ikm=ikm_of(tahunan.ikm, sources, ref) if tahunan.ikm else None,
        desa=[desa_of(d, sources(tahunan.idm.sumber), ref) for d in tahunan.idm.desa] if tahunan.idm else [],
        idm_source=sources(tahunan.idm.sumber) if tahunan.idm else None,
        akip=akip_of(tahunan.akip, sources, ref) if tahunan.akip else None,
        staff=staff_of(tahunan.pegawai, tahunan.laporan, sources) if tahunan.pegawai else None,
        awards=[Award(p.nama, p.pemberi, p.tingkat, p.jenis, p.penerima, p.tanggal) for p in tahunan.penghargaan],
        agreements=agreements_of(tahunan, sources),
        followups=[Followup(t.evaluasi, t.temuan, t.rekomendasi, t.tindak_lanjut, t.batas_waktu, t.status,
                            sources.optional(t.sumber), t.line_of()) for t in tahunan.tindak_lanjut_evaluasi],
        narrative=[(label, markdown(getattr(tahunan.narasi, key))) for key, label in YEAR_NARRATIVE
                   if tahunan.narasi and getattr(tahunan.narasi, key)],
        catatan=markdown(tahunan.catatan),
        stated=[StatedYear(sources(d.sumber), d.capaian_rata_rata, d.penyerapan_rata_rata, d.efisiensi_rata_rata,
                           d.predikat) for d in tahunan.dinyatakan],
        capaian_mean_with_categorical=c.mean(i.capaian for i in measured),
        capaian_mean_of_sasaran=c.mean(s.capaian for s in sasaran),
        capaian_mean_with_zero=c.mean(i.capaian if i.capaian is not None else Decimal(0)
                                      for i in counted if i.reported),
        capaian_mean_of_stated=c.mean(stated_caps),
        penyerapan_mean_per_sasaran=c.mean(s.penyerapan for s in sasaran),
        efisiensi_mean=c.mean(i.efisiensi for i in counted if i.efisiensi is not None),
        efisiensi_of_totals_by_formula=efficiencies(capaian_mean, budget.penyerapan if budget else None),
        counts=year_counts(counted, measured, budget),
        claims=[Claim(sources(k.sumber), k.kutipan, {key: getattr(k, f"jumlah_{key}") for key in m.KLAIM_COUNTS
                                                      if getattr(k, f"jumlah_{key}") is not None},
                      k.seluruhnya_tercapai, k.line_of()) for k in tahunan.klaim],
    )




def year_counts(counted: list[IndicatorYear], measured: list[IndicatorYear], budget: Budget | None) -> dict[str, int]:
    """The counts a report's sentence states, from the data: of the indicators the Perjanjian Kinerja sets (the
    counted ones when none has a PK target), and of the budget tree's levels the data holds (a level skipped by
    the data, such as kegiatan above sub kegiatan, is not counted as 0)."""
    agreed = [i for i in counted if i.target_kind in (TargetKind.PK, TargetKind.PK_REVISED)] or counted
    agreed_ids = {id(i) for i in agreed}
    counts = {
        "tujuan": len({i.indicator.tujuan.id for i in agreed}),
        "sasaran": len({i.indicator.sasaran.id for i in agreed if i.indicator.sasaran}),
        "indikator": len(agreed),
        "tercapai": sum(1 for i in measured if i.reached and id(i) in agreed_ids),
    }
    if budget and budget.programs:
        def levels(lines):
            for line in lines:
                yield line.level
                yield from levels(line.children)
        found = list(levels(budget.programs))
        counts.update({level: found.count(level) for level in ("program", "kegiatan", "sub_kegiatan")
                       if found.count(level)})
    return counts


def printed_date(text: str | None) -> dt.date | str | None:
    """A date printed as text: a date when written TTTT-BB-HH (shown the Indonesian way), else the text."""
    try:
        return dt.date.fromisoformat(text) if text and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else text
    except ValueError:
        return text


def agreements_of(tahunan: m.Tahunan, sources: _Sources) -> list[Agreement]:
    """The year's printed agreements: the kecamatan's PK, its revision, then each unit's."""
    pk = tahunan.perjanjian_kinerja
    printed = ([("Perjanjian Kinerja", pk, pk.pihak_pertama, pk.pihak_kedua, None)] if pk else []) + (
        [("Perjanjian Kinerja perubahan", pk.perubahan, None, None, pk.perubahan.alasan)] if pk and pk.perubahan else [])
    printed += [(u.unit, u, u.pihak_pertama, u.pihak_kedua, None) for u in tahunan.perjanjian_kinerja_unit]
    out = []
    for title, doc, first, second, reason in printed:
        rows = tuple(AgreementRow(b.sasaran, b.indikator, b.target, b.program, b.kegiatan, b.sub_kegiatan, b.anggaran)
                     for b in doc.baris)
        budgets = [r.anggaran for r in rows if r.anggaran is not None]
        source = sources(doc.sumber)
        out.append(Agreement(title, printed_date(doc.tanggal), person_of(first), person_of(second), markdown(reason), source, rows,
                             c.total(budgets) if budgets and not source.partial else None, doc.jumlah_anggaran,
                             doc.line_of()))
    return out


def headline_indicators(indicators: list[IndicatorYear]) -> list[IndicatorYear]:
    """The indicators a year's figures count: its sasaran indicators, as the reports count them.

    A tujuan-level indicator measures the goal above the sasaran and is shown apart, unless
    the Renstra measures nothing but its tujuan.
    """
    return [i for i in indicators if i.indicator.sasaran is not None] or indicators


def sasaran_summaries(indicators: list[IndicatorYear], anggaran: m.Anggaran | None, method: Method) -> list[SasaranYear]:
    groups: dict[str, list[IndicatorYear]] = {}
    for item in indicators:
        if item.indicator.sasaran is not None:
            groups.setdefault(item.indicator.sasaran.id, []).append(item)
    out = []
    for sid, items in groups.items():
        rows = []
        if anggaran:
            rows = [a for a in anggaran.per_kinerja if a.sasaran == sid] or [p for p in anggaran.program if p.sasaran == sid]
            section = "per_kinerja" if rows and isinstance(rows[0], m.AnggaranKinerja) else "program"
            if len(rows) > 1 and anggaran.lines_partial(section):
                rows = []  # a sum over a table the data holds only part of is not the sasaran's budget
        pagu = c.total(r.pagu for r in rows) if rows else None
        realisasi = c.total(r.realisasi for r in rows) if rows else None
        capaian = c.mean(i.capaian for i in items if not i.indicator.categorical)
        absorption = c.penyerapan(pagu, realisasi)
        out.append(SasaranYear(items[0].indicator.sasaran, len(items), capaian, pagu, realisasi, absorption,
                               c.EFISIENSI[method.efisiensi.id].function(capaian, absorption),
                               c.mean(c.penyerapan(r.pagu, r.realisasi) for r in rows) if len(rows) > 1 else None))
    return out


def share_group(rows, group: str, all_total: int | None = None, partial: bool = False) -> ShareGroup:
    """Each row's share of its group's total, and of everyone when the group misses some (rows: objects with
    kategori, jumlah, persen_dinyatakan); no share of a table the data holds only part of."""
    whole = sum(r.jumlah for r in rows)
    other = all_total if all_total is not None and all_total != whole else None
    printed = [r.persen_dinyatakan for r in rows if r.persen_dinyatakan is not None]
    return ShareGroup(
        group=group,
        rows=tuple(CountShare(group, r.kategori, r.jumlah,
                              None if partial else c.share(Decimal(r.jumlah), Decimal(whole)),
                              r.persen_dinyatakan, c.share(Decimal(r.jumlah), Decimal(other)) if other and not partial
                              else None)
                   for r in rows),
        total=whole, stated_share_total=c.total(printed) if printed else None, all_total=all_total,
    )


def ikm_of(ikm: m.Ikm, sources: _Sources, ref: Referensi) -> IkmResult:
    value = None if sources(ikm.sumber).partial else c.ikm_from_nrr([u.nrr for u in ikm.unsur])
    characteristics_source = sources(ikm.karakteristik_sumber or ikm.sumber)
    groups: dict[str, list] = {}
    for k in ikm.karakteristik:
        groups.setdefault(k.kelompok, []).append(k)
    counted = ikm.puas + ikm.tidak_puas if ikm.puas is not None and ikm.tidak_puas is not None else None
    return IkmResult(
        source=sources(ikm.sumber), periode=ikm.periode, respondents=ikm.responden,
        unsur=tuple((u.nama, u.nrr, u.nrr * 25) for u in ikm.unsur), puas=ikm.puas, tidak_puas=ikm.tidak_puas,
        characteristics=tuple(share_group(rows, g, ikm.responden, characteristics_source.partial)
                              for g, rows in groups.items()),
        characteristics_source=characteristics_source,
        value=value,
        value_from_counts=c.share(Decimal(ikm.puas), Decimal(counted)) if counted else None,
        grade=graded(_rounded(value), ref.skala[ref.peran.ikm]),  # the NRR scale: not for a count of satisfied
        stated=tuple(StatedIndex(sources(d.sumber), d.nilai, d.mutu, d.responden,
                                 graded(d.nilai, ref.skala[ref.peran.ikm]) if d.nilai is not None else None)
                     for d in ikm.dinyatakan),
        line=ikm.line_of(),
    )


def desa_of(desa: m.Desa, source: Source, ref: Referensi) -> DesaResult:
    value = c.idm(desa.iks, desa.ike, desa.ikl)
    stated = desa.dinyatakan
    half = [c.half_unit(x) for x in (desa.iks, desa.ike, desa.ikl)]
    return DesaResult(desa.nama, desa.kode, desa.iks, desa.ike, desa.ikl, value,
                      graded(value, ref.skala[ref.peran.idm]),
                      StatedIndex(source, stated.idm, stated.status) if stated else None,
                      c.idm(*(x - h for x, h in zip((desa.iks, desa.ike, desa.ikl), half))),
                      c.idm(*(x + h for x, h in zip((desa.iks, desa.ike, desa.ikl), half))), desa.line_of())


def akip_of(akip: m.Akip, sources: _Sources, ref: Referensi) -> AkipResult:
    metodologi = ref.akip.get(akip.metodologi)
    weights = {k.id: k for k in metodologi.komponen} if metodologi else {}
    source = sources(akip.sumber)
    total = c.total(k.nilai for k in akip.komponen) if akip.komponen and not source.partial else None
    return AkipResult(
        evaluator=akip.evaluator, source=source,
        components=tuple(AkipComponent(weights[k.komponen].nama if k.komponen in weights else k.komponen, k.nilai,
                                       weights[k.komponen].bobot if k.komponen in weights else None)
                         for k in akip.komponen),
        total=total, predikat=graded(total, ref.skala[ref.peran.akip]),
        stated=tuple(StatedIndex(sources(d.sumber), d.nilai, d.predikat) for d in akip.dinyatakan),
        line=akip.line_of(),
    )


def staff_of(pegawai: m.Pegawai, report_id: str, sources: _Sources) -> Staff:
    return Staff(
        tahun_data=pegawai.tahun_data, source=sources(pegawai.sumber), report_id=report_id,
        groups=tuple(share_group(getattr(pegawai, key), label, partial=sources(pegawai.sumber).partial)
                     for key, label in STAFF_GROUPS
                     if getattr(pegawai, key)),
    )
