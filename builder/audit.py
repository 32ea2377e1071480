"""Stage 3, audit: compare every figure the report states with ours.

Each stated figure (`dinyatakan` in the data) is compared with the figure the
builder recomputes from the raw data. A stated figure that is not our figure
rounded to the stated decimals becomes a Finding ("selisih" when it differs by
more than 0.01), with the table it comes from and, where the numbers tell, the
likely cause: truncation instead of rounding, rounding to fewer decimals, another
formula, another target printed elsewhere, or an amount stated elsewhere
(such as a grant) that one total includes and another does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Optional

from . import compute as c
from . import models as m
from .analysis import BudgetNode, IndicatorYear, YearResult
from .formatting import decimals_of, number, percent, round_half_up, rupiah, truncate
from .validate import Referensi

TOLERANCE = Decimal("0.01")
Num = Optional[Decimal]


@dataclass
class Finding:
    table: str  # where the report prints the figure
    what: str  # what the figure is, in Indonesian
    stated: object
    computed: object
    unit: str  # "%", "Rp", "" (for display)
    cause: str
    kind: str  # "selisih" (more than 0.01), "pemotongan" (truncated) or "pembulatan" (at most 0.01)

    @property
    def difference(self) -> Num:
        if isinstance(self.stated, Decimal) and isinstance(self.computed, Decimal):
            return self.stated - self.computed
        return None

    def _show(self, value) -> str:
        if value is None:
            return "tidak dapat dihitung"
        if isinstance(value, str):
            return value
        if self.unit == "Rp":
            return rupiah(value)
        if self.unit == "%":
            return percent(value)
        return number(value)

    @property
    def stated_text(self) -> str:
        return self._show(self.stated)

    @property
    def computed_text(self) -> str:
        return self._show(self.computed)


class YearAudit:
    def __init__(self, year: YearResult, ref: Referensi):
        self.year = year
        self.ref = ref
        self.kec = year.kecamatan
        self.findings: list[Finding] = []
        self.money_explanations = [(s.nama, s.jumlah) for s in (year.model.anggaran.sumber_dana if year.model.anggaran else [])]

    # -- plumbing ------------------------------------------------------------

    def where(self, sumber: m.Sumber | None) -> str:
        report_id = (sumber.laporan if sumber and sumber.laporan else None) or self.year.model.laporan
        report = next((r for r in self.kec.source.profil.laporan if r.id == report_id), None)
        name = f"{report.jenis} {report.tahun}" if report else report_id
        return f"{name}, {sumber.tabel}" if sumber else name

    def number(self, sumber, what: str, stated: Num, exact: Num, unit: str = "%",
               alternatives: Iterable[tuple[str, Num]] = ()) -> None:
        """Compare a stated number with the recomputed exact one."""
        if stated is None:
            return
        table = self.where(sumber)
        if exact is None:
            places = min(decimals_of(stated), 2)
            match = next((f"cocok dengan {label} ({number(alt)})" for label, alt in alternatives
                          if alt is not None and round_half_up(alt, places) == stated), None)
            cause = match or "angka ini tidak dapat dihitung ulang dari data mentah"
            self.findings.append(Finding(table, what, stated, None, unit, cause, "selisih"))
            return
        if stated == round_half_up(exact, min(decimals_of(stated), 2)):
            return  # printed correctly, perhaps with fewer decimals
        kind, cause = explain(stated, exact, alternatives, unit, self.money_explanations)
        self.findings.append(Finding(table, what, stated, exact, unit, cause, kind))

    def label(self, sumber, what: str, stated: str | None, computed: m.Tingkat | None, cause: str) -> None:
        """A printed level (code or label, any case) against the level the scale gives."""
        if stated is None or computed is None:
            return
        if normalise(stated) not in (normalise(computed.kode), normalise(computed.label)):
            self.findings.append(Finding(self.where(sumber), what, stated, f"{computed.kode} ({computed.label})", "",
                                         cause, "selisih"))

    # -- the checks ----------------------------------------------------------

    def run(self) -> list[Finding]:
        for item in self.year.indicators:
            self.indicator(item)
        self.sasaran()
        self.year_totals()
        self.budget()
        self.surveys()
        return self.findings

    def indicator(self, item: IndicatorYear) -> None:
        if item.kinerja is None:
            return
        ind = item.indikator
        method = self.kec.method
        scale = self.ref.skala.get(ind.skala_kategori) if ind.skala_kategori else None
        other_formulas = [
            (f"rumus {name}", c.capaian(item.target, item.realisasi, ind.polaritas, name, scale))
            for name in c.LOWER_IS_BETTER
            if ind.polaritas == "turun" and name != method.lower_formula
        ]
        for stated in item.kinerja.dinyatakan:
            where = stated.sumber
            alt_targets = [stated.target, stated.target_renstra, item.target_renstra,
                           *(d.target for d in item.kinerja.dinyatakan), *(d.target_renstra for d in item.kinerja.dinyatakan)]
            alternatives = list(other_formulas)
            for t in alt_targets:
                if t is not None and t != item.target:
                    alternatives.append((f"target {show_value(t)} yang dicetak di tabel lain",
                                         c.capaian(t, item.realisasi, ind.polaritas, method.lower_formula, scale)))
            if isinstance(stated.capaian, Decimal) and item.status == "terealisasi":
                self.number(where, f"Capaian {ind.nama}", stated.capaian, item.capaian, "%", alternatives)
            elif stated.capaian is not None and item.status == "tidak-diukur":
                self.findings.append(Finding(self.where(where), f"Capaian {ind.nama}", stated.capaian, None, "%",
                                             "laporan mencetak capaian padahal realisasi tidak diukur", "selisih"))
            self.value(where, f"Target {ind.nama}", stated.target, item.target,
                       "target berbeda dari Perjanjian Kinerja")
            self.value(where, f"Target Renstra {ind.nama}", stated.target_renstra, item.target_renstra,
                       "target berbeda dari tabel Renstra")
            self.value(where, f"Realisasi {ind.nama}", stated.realisasi, item.realisasi,
                       "realisasi berbeda dari tabel pengukuran kinerja")
            if stated.capaian_terhadap_tahun_lalu is not None:
                self.number(where, f"Capaian {ind.nama} terhadap tahun lalu", stated.capaian_terhadap_tahun_lalu,
                            item.ratio_capaian_previous, "%",
                            [("capaian tahun ini (bukan rasionya)", item.capaian)])
            if stated.penyerapan is not None:
                self.number(where, f"Penyerapan anggaran untuk {ind.nama}", stated.penyerapan, item.penyerapan, "%",
                            [("penyerapan seluruh anggaran", self.year.penyerapan)])
            if stated.efisiensi is not None:
                own = [(f"rumus {n}", f(item.capaian, item.penyerapan)) for n, f in c.EFFICIENCY.items()
                       if n != method.efficiency_formula]
                printed = [(f"rumus laporan dengan angka laporan sendiri ({n})",
                            f(*self._stated_capaian_absorption(item))) for n, f in c.EFFICIENCY.items()]
                self.number(where, f"Efisiensi {ind.nama}", stated.efisiensi, item.efisiensi,
                            "%" if method.efficiency_formula != "capaian-per-penyerapan" else "", own + printed)
            if stated.kemajuan_renstra is not None:
                self.number(where, f"Kemajuan {ind.nama} terhadap target akhir Renstra", stated.kemajuan_renstra,
                            item.kemajuan, "%")

    def _stated_capaian_absorption(self, item: IndicatorYear) -> tuple[Num, Num]:
        cap = next((d.capaian for d in item.kinerja.dinyatakan if d.capaian is not None), None)
        pen = next((d.penyerapan for d in item.kinerja.dinyatakan if d.penyerapan is not None), None)
        return cap, pen

    def value(self, where, what, stated, raw, cause) -> None:
        if stated is None or raw is None:
            return
        if isinstance(stated, Decimal) and isinstance(raw, Decimal):
            if abs(stated - raw) > TOLERANCE:
                self.findings.append(Finding(self.where(where), what, stated, raw, "", cause, "selisih"))
        elif stated != raw:
            self.findings.append(Finding(self.where(where), what, show_value(stated), show_value(raw), "", cause, "selisih"))

    def sasaran(self) -> None:
        by_id = {s.sasaran.id: s for s in self.year.sasaran}
        for ring in self.year.model.sasaran:
            result = by_id.get(ring.sasaran)
            if result is None:
                continue
            for stated in ring.dinyatakan:
                name = result.sasaran.nama
                self.number(stated.sumber, f"Capaian sasaran {name}", stated.capaian, result.capaian)
                self.number(stated.sumber, f"Penyerapan anggaran sasaran {name}", stated.penyerapan, result.penyerapan, "%",
                            [("penyerapan seluruh anggaran", self.year.penyerapan)])
                unit = "" if self.kec.method.efficiency_formula == "capaian-per-penyerapan" else "%"
                printed = [(f"rumus {n} dengan angka laporan sendiri", f(stated.capaian, stated.penyerapan))
                           for n, f in c.EFFICIENCY.items()]
                self.number(stated.sumber, f"Efisiensi sasaran {name}", stated.efisiensi, result.efisiensi, unit, printed)

    def year_totals(self) -> None:
        year = self.year
        with_zero = [i.capaian if i.capaian is not None else Decimal(0)
                     for i in year.indicators if i.status in ("terealisasi", "tidak-diukur")]
        stated_caps = [d.capaian for i in year.indicators if i.kinerja for d in i.kinerja.dinyatakan[:1] if d.capaian is not None]
        effs = [i.efisiensi for i in year.indicators if i.efisiensi is not None]
        for stated in year.model.dinyatakan:
            self.number(stated.sumber, "Rata-rata capaian kinerja", stated.capaian_rata_rata, year.capaian_mean, "%",
                        [("rata-rata yang menghitung indikator tidak diukur sebagai 0", c.mean(with_zero)),
                         ("rata-rata dari capaian yang dicetak laporan", c.mean(stated_caps))])
            self.number(stated.sumber, "Rata-rata penyerapan anggaran per sasaran", stated.penyerapan_rata_rata,
                        c.mean(s.penyerapan for s in year.sasaran), "%",
                        [("penyerapan seluruh anggaran", year.penyerapan)])
            unit = "" if self.kec.method.efficiency_formula == "capaian-per-penyerapan" else "%"
            self.number(stated.sumber, "Rata-rata efisiensi", stated.efisiensi_rata_rata, c.mean(effs), unit,
                        [(f"rumus {n} atas seluruh anggaran", f(year.capaian_mean, year.penyerapan))
                         for n, f in c.EFFICIENCY.items()])

    def budget(self) -> None:
        year = self.year
        anggaran = year.model.anggaran
        if anggaran is None:
            return
        for node in year.programs:
            self.budget_node(anggaran.sumber, node)
        for node in year.belanja:
            self.budget_node(anggaran.belanja_sumber or anggaran.sumber, node)
        for node in year.per_kinerja:
            self.budget_node(anggaran.per_kinerja_sumber or anggaran.sumber, node)
        total_pagu, total_realisasi = year.budget_pagu, year.budget_realisasi
        for stated in anggaran.dinyatakan:
            self.number(stated.sumber, "Total pagu anggaran", stated.pagu, total_pagu, "Rp")
            self.number(stated.sumber, "Total realisasi anggaran", stated.realisasi, total_realisasi, "Rp")
            self.number(stated.sumber, "Penyerapan total anggaran", stated.penyerapan, year.penyerapan, "%",
                        [("penyerapan dari pagu dan realisasi yang dicetak di tabel ini",
                          c.penyerapan(stated.pagu, stated.realisasi))])
            self.number(stated.sumber, "Sisa anggaran (SiLPA)", stated.sisa, c.sisa(total_pagu, total_realisasi), "Rp")
        breakdowns = [("per sasaran/indikator", year.per_kinerja, anggaran.per_kinerja_sumber),
                      ("menurut jenis belanja", year.belanja, anggaran.belanja_sumber)]
        for label, nodes, sumber in breakdowns:
            if year.programs and nodes:
                where = sumber or anggaran.sumber
                self.number(where, f"Jumlah pagu {label} dibanding jumlah program",
                            c.total(n.pagu for n in nodes), total_pagu, "Rp")
                self.number(where, f"Jumlah realisasi {label} dibanding jumlah program",
                            c.total(n.realisasi for n in nodes), total_realisasi, "Rp")

    def budget_node(self, sumber, node: BudgetNode) -> None:
        stated = getattr(node.model, "dinyatakan", None)
        name = getattr(node.model, "nama", None) or getattr(node.model, "jenis", None) or self._per_kinerja_name(node.model)
        if stated is not None:
            where = stated.sumber or sumber
            self.number(where, f"Penyerapan {name}", stated.penyerapan, node.penyerapan, "%")
            self.number(where, f"Sisa anggaran {name}", stated.sisa, node.sisa, "Rp")
            self.number(where, f"Pagu {name} (dicetak di tabel lain)", stated.pagu, node.pagu, "Rp")
            self.number(where, f"Realisasi {name} (dicetak di tabel lain)", stated.realisasi, node.realisasi, "Rp")
        for child in node.children:
            self.budget_node(sumber, child)

    def _per_kinerja_name(self, model: m.AnggaranKinerja) -> str:
        return " / ".join(x for x in (model.indikator, model.sasaran, model.program) if x)

    def index_and_level(self, where, name: str, stated_value, value, stated_level, level, scale_source: str) -> None:
        """A printed index (IKM, IDM, AKIP) and its printed level against ours."""
        if value is None:
            return
        self.number(where, name, stated_value, value, "")
        self.label(where, f"{name}: tingkat", stated_level, level,
                   f"tingkat berbeda dari {scale_source} untuk nilai ini")

    def surveys(self) -> None:
        year = self.year
        if year.ikm:
            for stated in year.ikm.model.dinyatakan:
                self.index_and_level(stated.sumber, "Nilai IKM dari sembilan NRR", stated.nilai, year.ikm.value,
                                     stated.mutu, year.ikm.grade, "skala mutu PermenPANRB 14/2017")
                if stated.responden is not None and year.ikm.model.responden is not None and stated.responden != year.ikm.model.responden:
                    self.findings.append(Finding(self.where(stated.sumber), "Jumlah responden IKM", Decimal(stated.responden),
                                                 Decimal(year.ikm.model.responden), "",
                                                 "jumlah responden dicetak berbeda di bagian lain laporan", "selisih"))
            for k in year.ikm.model.karakteristik:
                group_total = sum(x.jumlah for x in year.ikm.model.karakteristik if x.kelompok == k.kelompok)
                self.number(year.ikm.model.karakteristik_sumber or year.ikm.model.sumber,
                            f"Persentase responden {k.kelompok} {k.kategori}", k.persen_dinyatakan,
                            c.share(Decimal(k.jumlah), Decimal(group_total)), "%")
        for desa in year.desa:
            stated = desa.model.dinyatakan
            if stated is None:
                continue
            self.index_and_level(year.model.idm.sumber, f"IDM Desa {desa.model.nama}", stated.idm, desa.idm,
                                 stated.status, desa.status, "ambang status Permendesa PDTT 2/2016")
        if year.akip:
            for stated in year.akip.model.dinyatakan:
                self.index_and_level(stated.sumber, "Nilai AKIP (jumlah komponen)", stated.nilai, year.akip.total,
                                     stated.predikat, year.akip.predikat, "predikat PermenPANRB 88/2021")
        if year.model.pegawai:
            pegawai = year.model.pegawai
            for group in ("golongan", "jenis_kelamin", "pendidikan", "eselon"):
                rows = getattr(pegawai, group)
                whole = Decimal(sum(r.jumlah for r in rows))
                for r in rows:
                    self.number(pegawai.sumber, f"Persentase pegawai ({group.replace('_', ' ')}) {r.kategori}",
                                r.persen_dinyatakan, c.share(Decimal(r.jumlah), whole), "%")


def explain(stated: Decimal, exact: Decimal, alternatives, unit: str, money: list[tuple[str, Decimal]]) -> tuple[str, str]:
    """Kind and likely cause of a printed figure that is not our figure correctly rounded.

    Kinds: "pemotongan" (digits cut off instead of rounded), "pembulatan" (off by at
    most 0.01 otherwise) and "selisih" (a real difference, more than 0.01).
    """
    places = min(decimals_of(stated), 2)
    if truncate(exact, places) == stated:
        return "pemotongan", (f"laporan memotong angka ({number(exact, places + 2)} menjadi {number(stated)}), "
                              "bukan membulatkan")
    if abs(stated - round_half_up(exact)) <= TOLERANCE:
        return "pembulatan", "selisih pembulatan kecil (paling banyak 0,01)"
    for label, alt in alternatives:
        if alt is None:
            continue
        if round_half_up(alt, places) == stated or truncate(alt, places) == stated:
            return "selisih", f"cocok dengan {label} ({number(alt)})"
    if unit == "Rp":
        diff = stated - exact
        for name, amount in money:
            if abs(diff) == amount:
                return "selisih", f"selisihnya sama dengan {name} ({rupiah(amount)}) yang hanya masuk di salah satu total"
    return "selisih", "penyebab tidak dapat ditentukan dari angka"


def show_value(value) -> str:
    return number(value) if isinstance(value, Decimal) else str(value)


def normalise(text: str) -> str:
    return text.strip().upper().replace(" ", "-")


def audit_year(year: YearResult, ref: Referensi) -> list[Finding]:
    return YearAudit(year, ref).run()
