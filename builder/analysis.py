"""Stage 3, compute (assembly): every derived figure for every kecamatan-year.

Turns the validated Dataset into plain result objects that the renderer and
the audit read. No formatting happens here; figures stay exact Decimals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

from . import compute as c
from . import models as m
from .validate import Dataset, IndicatorPlace, Kecamatan, Referensi

Num = Optional[Decimal]

STATUS_LABELS = {
    "terealisasi": "Terealisasi",
    "tidak-diukur": "Tidak diukur",
    "belum-dilaporkan": "Belum dilaporkan",
    "hanya-target": "Baru target",
}


@dataclass
class Method:
    """The methods in force for one kecamatan, resolved to reference objects."""

    scale_id: str
    scale: m.Skala
    lower_formula: str
    efficiency_formula: str
    uniform_scale_id: str
    uniform_scale: m.Skala
    uniform_lower_formula: str
    uniform_efficiency_formula: str
    declared: m.Metode


@dataclass
class IndicatorYear:
    """One indicator in one year, with every derived figure."""

    place: IndicatorPlace
    year: int
    kinerja: m.Kinerja | None
    target: object = None  # effective target (PK perubahan > PK > Renstra)
    target_kind: str = ""
    target_renstra: object = None
    realisasi: object = None
    status: str = "hanya-target"
    capaian: Num = None
    rating: m.Tingkat | None = None
    capaian_uniform: Num = None
    rating_uniform: m.Tingkat | None = None
    capaian_renstra: Num = None  # against this year's Renstra target
    on_track: bool | None = None
    kemajuan: Num = None  # against the final Renstra target
    previous: "IndicatorYear | None" = None
    change_realisasi: Num = None
    change_capaian: Num = None
    ratio_capaian_previous: Num = None
    budget_pagu: Num = None
    budget_realisasi: Num = None
    budget_basis: str = ""
    penyerapan: Num = None
    efisiensi: Num = None
    efisiensi_uniform: Num = None

    @property
    def indikator(self) -> m.Indikator:
        return self.place.indikator

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass
class BudgetNode:
    level: str  # program, kegiatan, sub_kegiatan, rincian, belanja
    model: object
    pagu: Num
    realisasi: Num
    penyerapan: Num
    sisa: Num
    children: list["BudgetNode"] = field(default_factory=list)
    children_pagu: Num = None  # sum of the children as printed
    children_realisasi: Num = None


@dataclass
class SasaranYear:
    sasaran: m.Sasaran
    indicators: list[IndicatorYear]
    capaian: Num
    budget_pagu: Num
    budget_realisasi: Num
    penyerapan: Num
    efisiensi: Num


@dataclass
class DesaResult:
    model: m.Desa
    idm: Decimal
    status: m.Tingkat


@dataclass
class IkmResult:
    model: m.Ikm
    value: Num
    grade: m.Tingkat | None


@dataclass
class AkipResult:
    model: m.Akip
    metodologi: m.MetodologiAkip | None
    total: Num
    predikat: m.Tingkat | None


@dataclass
class YearResult:
    kecamatan: "KecamatanResult"
    year: int
    model: m.Tahunan
    indicators: list[IndicatorYear] = field(default_factory=list)
    sasaran: list[SasaranYear] = field(default_factory=list)
    programs: list[BudgetNode] = field(default_factory=list)
    belanja: list[BudgetNode] = field(default_factory=list)
    per_kinerja: list[BudgetNode] = field(default_factory=list)
    budget_pagu: Num = None
    budget_realisasi: Num = None
    penyerapan: Num = None
    capaian_mean: Num = None
    measured: int = 0
    on_target: int = 0
    ikm: IkmResult | None = None
    desa: list[DesaResult] = field(default_factory=list)
    akip: AkipResult | None = None
    audit: list = field(default_factory=list)  # audit.Finding

    @property
    def share_on_target(self) -> Num:
        return c.share(Decimal(self.on_target), Decimal(self.measured)) if self.measured else None


@dataclass
class KecamatanResult:
    source: Kecamatan
    kabupaten: m.Kabupaten
    method: Method
    years: list[YearResult] = field(default_factory=list)
    history: dict[str, list[IndicatorYear]] = field(default_factory=dict)  # indicator id -> every Renstra year

    @property
    def slug(self) -> str:
        return self.source.slug

    @property
    def name(self) -> str:
        return self.source.profil.nama

    @property
    def latest(self) -> YearResult | None:
        reported = [y for y in self.years if any(i.status in ("terealisasi", "tidak-diukur") for i in y.indicators)]
        return (reported or self.years or [None])[-1]


@dataclass
class SiteModel:
    referensi: Referensi
    kecamatan: list[KecamatanResult]
    dataset: Dataset


# --------------------------------------------------------------------------


def resolve_method(kec: Kecamatan, ref: Referensi) -> Method:
    declared = kec.metode or m.Metode()
    uniform = ref.rumus.seragam
    scale_id = declared.skala_capaian or uniform.skala_capaian
    return Method(
        scale_id=scale_id,
        scale=ref.skala[scale_id],
        lower_formula=declared.rumus_capaian_turun or uniform.rumus_capaian_turun,
        efficiency_formula=declared.rumus_efisiensi or uniform.rumus_efisiensi,
        uniform_scale_id=uniform.skala_capaian,
        uniform_scale=ref.skala[uniform.skala_capaian],
        uniform_lower_formula=uniform.rumus_capaian_turun,
        uniform_efficiency_formula=uniform.rumus_efisiensi,
        declared=declared,
    )


def analyse(dataset: Dataset) -> SiteModel:
    from .load import paused_gc

    with paused_gc():
        return _analyse(dataset)


def _analyse(dataset: Dataset) -> SiteModel:
    ref = dataset.referensi
    results = []
    for slug in sorted(dataset.kecamatan):
        kec = dataset.kecamatan[slug]
        kab = dataset.kabupaten[kec.kabupaten_slug].model
        results.append(analyse_kecamatan(kec, kab, ref))
    from .audit import audit_year  # audit reads the results built here

    for kec in results:
        for year in kec.years:
            year.audit = audit_year(year, ref)
    return SiteModel(ref, results, dataset)


def analyse_kecamatan(kec: Kecamatan, kab: m.Kabupaten, ref: Referensi) -> KecamatanResult:
    result = KecamatanResult(source=kec, kabupaten=kab, method=resolve_method(kec, ref))
    reported_years = [y for y, t in kec.tahun.items() if any(k.realisasi is not None or k.tidak_diukur for k in t.kinerja)]
    last_reported = max(reported_years, default=None)
    # Every indicator over every Renstra year, so history and targets-only years are complete.
    for renstra in kec.renstra:
        for year in range(renstra.periode.mulai, renstra.periode.selesai + 1):
            tahunan = kec.tahun.get(year)
            kinerja_by_id = {k.indikator: k for k in tahunan.kinerja} if tahunan else {}
            ids = _indicator_ids_for(kec, year) | set(kinerja_by_id)
            for indicator_id in sorted(ids, key=_order_key(kec, year)):
                place = kec.indicator_for(indicator_id, year)
                if place is None:
                    continue
                kinerja = kinerja_by_id.get(indicator_id)
                if kinerja is None and place.indikator.target.get(year) is None:
                    continue  # a Renstra year without a target (often the last): nothing to show
                item = indicator_year(place, year, kinerja, result.method, ref, last_reported)
                history = result.history.setdefault(indicator_id, [])
                if history:
                    link_previous(item, history[-1])
                history.append(item)
    for year in sorted(kec.tahun):
        result.years.append(analyse_year(result, kec.tahun[year], ref))
    return result


def _indicator_ids_for(kec: Kecamatan, year: int) -> set[str]:
    """Indicators that have a Renstra target or exist in the Renstra in force for `year`."""
    renstra = kec.renstra_for(year)
    if renstra is None:
        return set()
    from .validate import iter_indicators

    ids = {ind.id for _, _, ind in iter_indicators(renstra.tujuan)}
    for revisi in renstra.revisi:
        if revisi.berlaku_mulai <= year:
            ids = {ind.id for _, _, ind in iter_indicators(revisi.tujuan)}
    return ids


def _order_key(kec: Kecamatan, year: int):
    order = {}
    renstra = kec.renstra_for(year)
    if renstra:
        from .validate import iter_indicators

        for i, (_, _, ind) in enumerate(iter_indicators(renstra.tujuan)):
            order.setdefault(ind.id, i)
    return lambda ind_id: (order.get(ind_id, 999), ind_id)


def indicator_year(
    place: IndicatorPlace, year: int, kinerja: m.Kinerja | None, method: Method, ref: Referensi, last_reported
) -> IndicatorYear:
    ind = place.indikator
    item = IndicatorYear(place=place, year=year, kinerja=kinerja)
    item.target_renstra = ind.target.get(year)
    if kinerja and kinerja.target_perubahan is not None:
        item.target, item.target_kind = kinerja.target_perubahan, "PK perubahan"
    elif kinerja and kinerja.target is not None:
        item.target, item.target_kind = kinerja.target, "Perjanjian Kinerja"
    elif item.target_renstra is not None:
        item.target, item.target_kind = item.target_renstra, "Renstra"
    if kinerja and kinerja.realisasi is not None:
        item.realisasi, item.status = kinerja.realisasi, "terealisasi"
    elif kinerja and kinerja.tidak_diukur:
        item.status = "tidak-diukur"
    elif last_reported is not None and year <= last_reported:
        item.status = "belum-dilaporkan"
    else:
        item.status = "hanya-target"
    if item.status != "terealisasi":
        return item
    category_scale = ref.skala.get(ind.skala_kategori) if ind.skala_kategori else None
    item.capaian = c.capaian(item.target, item.realisasi, ind.polaritas, method.lower_formula, category_scale)
    item.capaian_uniform = c.capaian(item.target, item.realisasi, ind.polaritas, method.uniform_lower_formula, category_scale)
    item.rating = c.level(_rounded(item.capaian), method.scale)
    item.rating_uniform = c.level(_rounded(item.capaian_uniform), method.uniform_scale)
    item.capaian_renstra = c.capaian(item.target_renstra, item.realisasi, ind.polaritas, method.lower_formula, category_scale)
    item.on_track = c.on_track(_rounded(item.capaian_renstra))
    item.kemajuan = c.capaian(ind.target_akhir, item.realisasi, ind.polaritas, method.lower_formula, category_scale)
    return item


def link_previous(item: IndicatorYear, previous: IndicatorYear) -> None:
    item.previous = previous
    if isinstance(item.realisasi, Decimal) and isinstance(previous.realisasi, Decimal):
        item.change_realisasi = c.change(previous.realisasi, item.realisasi)
    item.change_capaian = c.change(previous.capaian, item.capaian)
    item.ratio_capaian_previous = c.ratio_percent(item.capaian, previous.capaian)


def _rounded(value: Num) -> Num:
    from .formatting import round_half_up

    return None if value is None else round_half_up(value)


# --------------------------------------------------------------------------
# A year
# --------------------------------------------------------------------------


def budget_node(level: str, model, children: list[BudgetNode]) -> BudgetNode:
    pagu = getattr(model, "pagu", None)
    realisasi = getattr(model, "realisasi", None)
    node = BudgetNode(level, model, pagu, realisasi, c.penyerapan(pagu, realisasi), c.sisa(pagu, realisasi), children)
    if children:
        node.children_pagu = c.total(ch.pagu for ch in children)
        node.children_realisasi = c.total(ch.realisasi for ch in children)
    return node


def program_tree(program: m.Program) -> BudgetNode:
    def sub_node(sub: m.SubKegiatan) -> BudgetNode:
        return budget_node("sub_kegiatan", sub, [budget_node("rincian", r, []) for r in sub.rincian])

    children = [
        budget_node("kegiatan", keg, [sub_node(s) for s in keg.sub_kegiatan]) for keg in program.kegiatan
    ] + [sub_node(s) for s in program.sub_kegiatan]
    return budget_node("program", program, children)


def belanja_tree(belanja: m.Belanja) -> BudgetNode:
    return budget_node("belanja", belanja, [belanja_tree(b) for b in belanja.rincian])


def analyse_year(kec: KecamatanResult, tahunan: m.Tahunan, ref: Referensi) -> YearResult:
    year = YearResult(kecamatan=kec, year=tahunan.tahun, model=tahunan)
    year.indicators = [i for h in kec.history.values() for i in h if i.year == tahunan.tahun]
    order = _order_key(kec.source, tahunan.tahun)
    year.indicators.sort(key=lambda item: order(item.indikator.id))
    if tahunan.anggaran:
        year.programs = [program_tree(p) for p in tahunan.anggaran.program]
        year.belanja = [belanja_tree(b) for b in tahunan.anggaran.belanja]
        year.per_kinerja = [budget_node("per_kinerja", a, []) for a in tahunan.anggaran.per_kinerja]
        if year.programs:
            year.budget_pagu = c.total(p.pagu for p in year.programs)
            year.budget_realisasi = c.total(p.realisasi for p in year.programs)
            year.penyerapan = c.penyerapan(year.budget_pagu, year.budget_realisasi)
    for item in year.indicators:
        attach_budget(item, year)
        item.efisiensi = c.EFFICIENCY[kec.method.efficiency_formula](item.capaian, item.penyerapan)
        item.efisiensi_uniform = c.EFFICIENCY[kec.method.uniform_efficiency_formula](item.capaian_uniform, item.penyerapan)
    measured = [i for i in year.indicators if i.capaian is not None]
    year.measured = len(measured)
    year.on_target = sum(1 for i in measured if _rounded(i.capaian) >= 100)
    year.capaian_mean = c.mean(i.capaian for i in measured)
    year.sasaran = sasaran_summaries(year, kec)
    if tahunan.ikm:
        value = c.ikm_from_nrr([u.nrr for u in tahunan.ikm.unsur])
        year.ikm = IkmResult(tahunan.ikm, value, c.level(_rounded(value), ref.skala["mutu-ikm"]))
    if tahunan.idm:
        for desa in tahunan.idm.desa:
            value = c.idm(desa.iks, desa.ike, desa.ikl)
            year.desa.append(DesaResult(desa, value, c.level(value, ref.skala["status-idm"])))
    if tahunan.akip:
        metodologi = ref.akip.get(tahunan.akip.metodologi)
        total = c.total(k.nilai for k in tahunan.akip.komponen) if tahunan.akip.komponen else None
        year.akip = AkipResult(tahunan.akip, metodologi, total, c.level(total, ref.skala["predikat-akip"]))
    return year


def attach_budget(item: IndicatorYear, year: YearResult) -> None:
    """Budget behind an indicator, by the first rule that finds any (documented on the methodology page)."""
    anggaran = year.model.anggaran
    if anggaran is None:
        return
    ind_id = item.indikator.id
    sasaran_id = item.place.sasaran.id if item.place.sasaran else None
    rules = [
        ("anggaran per indikator", [a for a in anggaran.per_kinerja if a.indikator == ind_id]),
        ("program yang mendukung indikator", [p for p in anggaran.program if p.indikator_renstra == ind_id]),
        ("anggaran per sasaran", [a for a in anggaran.per_kinerja if sasaran_id and a.sasaran == sasaran_id and not a.indikator]),
        ("program yang mendukung sasaran", [p for p in anggaran.program if sasaran_id and p.sasaran == sasaran_id]),
    ]
    for basis, rows in rules:
        if rows:
            item.budget_basis = basis
            item.budget_pagu = c.total(r.pagu for r in rows)
            item.budget_realisasi = c.total(r.realisasi for r in rows)
            item.penyerapan = c.penyerapan(item.budget_pagu, item.budget_realisasi)
            return


def sasaran_summaries(year: YearResult, kec: KecamatanResult) -> list[SasaranYear]:
    groups: dict[str, list[IndicatorYear]] = {}
    models: dict[str, m.Sasaran] = {}
    for item in year.indicators:
        if item.place.sasaran is not None:
            groups.setdefault(item.place.sasaran.id, []).append(item)
            models[item.place.sasaran.id] = item.place.sasaran
    anggaran = year.model.anggaran
    out = []
    for sid, items in groups.items():
        rows = []
        if anggaran:
            rows = [a for a in anggaran.per_kinerja if a.sasaran == sid] or [p for p in anggaran.program if p.sasaran == sid]
        pagu = c.total(r.pagu for r in rows) if rows else None
        realisasi = c.total(r.realisasi for r in rows) if rows else None
        capaian_ = c.mean(i.capaian for i in items)
        absorption = c.penyerapan(pagu, realisasi)
        out.append(
            SasaranYear(
                models[sid], items, capaian_, pagu, realisasi, absorption,
                c.EFFICIENCY[kec.method.efficiency_formula](capaian_, absorption),
            )
        )
    return out
