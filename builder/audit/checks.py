"""The checks: each printed figure (`dinyatakan` in the data) against the analysis result it states.

The audit computes nothing itself: the figure it compares with, and every
alternative reading it tries (another formula, another printed target, a
mean that counts unmeasured indicators as zero ...), are analysis results.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..analysis.results import BudgetLine, IndicatorYear, KecamatanResult, Level, Num, Source, Status, YearResult
from ..formatting import decimals_of, number, round_half_up
from .findings import TOLERANCE, Finding, Kind, explain


def show_value(value) -> str:
    return number(value) if isinstance(value, Decimal) else str(value)


def normalise(text: str) -> str:
    return text.strip().upper().replace(" ", "-")


class YearAudit:
    def __init__(self, kec: KecamatanResult, year: YearResult):
        self.kec = kec
        self.year = year
        self.method = kec.method
        self.findings: list[Finding] = []
        self.money = list(year.budget.funds) if year.budget else []

    # -- plumbing ------------------------------------------------------------

    def number(self, source: Source, what: str, stated: Num, exact: Num, unit: str = "%",
               alternatives: Iterable[tuple[str, Num]] = ()) -> None:
        """Compare a stated number with the exact result it states."""
        if stated is None:
            return
        if exact is None:
            places = min(decimals_of(stated), 2)
            match = next((f"cocok dengan {label} ({number(alt)})" for label, alt in alternatives
                          if alt is not None and round_half_up(alt, places) == stated), None)
            cause = match or "angka ini tidak dapat dihitung ulang dari data mentah"
            self.findings.append(Finding(source.text, what, stated, None, unit, cause, Kind.DIFFERENCE))
            return
        if stated == round_half_up(exact, min(decimals_of(stated), 2)):
            return  # printed correctly, perhaps with fewer decimals
        kind, cause = explain(stated, exact, alternatives, unit, self.money)
        self.findings.append(Finding(source.text, what, stated, exact, unit, cause, kind))

    def label(self, source: Source, what: str, stated: str | None, computed: Level | None, cause: str) -> None:
        """A printed level (code or label, any case) against the level the scale gives."""
        if stated is None or computed is None:
            return
        if normalise(stated) not in (normalise(computed.kode), normalise(computed.label)):
            self.findings.append(Finding(source.text, what, stated, f"{computed.kode} ({computed.label})", "",
                                         cause, Kind.DIFFERENCE))

    def value(self, source: Source, what: str, stated, raw, cause: str) -> None:
        """A raw value (target, realisasi) printed differently in another table."""
        if stated is None or raw is None:
            return
        if isinstance(stated, Decimal) and isinstance(raw, Decimal):
            if abs(stated - raw) > TOLERANCE:
                self.findings.append(Finding(source.text, what, stated, raw, "", cause, Kind.DIFFERENCE))
        elif stated != raw:
            self.findings.append(Finding(source.text, what, show_value(stated), show_value(raw), "", cause,
                                         Kind.DIFFERENCE))

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
        if not item.in_report:
            return
        name = item.indicator.nama
        ours = self.method.capaian_turun.id
        other_formulas = [(f"rumus {fid}", v) for fid, v in item.capaian_by_formula.items() if fid != ours]
        efficiency_unit = self.method.efisiensi.unit
        for stated in item.stated:
            where = stated.source
            printed_targets = [stated.target, stated.target_renstra, item.target_renstra,
                               *(d.target for d in item.stated), *(d.target_renstra for d in item.stated)]
            alternatives = list(other_formulas)
            for t in printed_targets:
                if t is not None and t != item.target:
                    alternatives.append((f"target {show_value(t)} yang dicetak di tabel lain", item.capaian_by_target.get(t)))
            if isinstance(stated.capaian, Decimal) and item.status == Status.REALISED:
                self.number(where, f"Capaian {name}", stated.capaian, item.capaian, "%", alternatives)
            elif stated.capaian is not None and item.status == Status.NOT_MEASURED:
                self.findings.append(Finding(where.text, f"Capaian {name}", stated.capaian, None, "%",
                                             "laporan mencetak capaian padahal realisasi tidak diukur", Kind.DIFFERENCE))
            self.value(where, f"Target {name}", stated.target, item.target, "target berbeda dari Perjanjian Kinerja")
            self.value(where, f"Target Renstra {name}", stated.target_renstra, item.target_renstra,
                       "target berbeda dari tabel Renstra")
            self.value(where, f"Realisasi {name}", stated.realisasi, item.realisasi,
                       "realisasi berbeda dari tabel pengukuran kinerja")
            if stated.capaian_terhadap_tahun_lalu is not None:
                self.number(where, f"Capaian {name} terhadap tahun lalu", stated.capaian_terhadap_tahun_lalu,
                            item.ratio_capaian_previous, "%", [("capaian tahun ini (bukan rasionya)", item.capaian)])
            if stated.penyerapan is not None:
                self.number(where, f"Penyerapan anggaran untuk {name}", stated.penyerapan, item.penyerapan, "%",
                            [("penyerapan seluruh anggaran", self.year.penyerapan)])
            if stated.efisiensi is not None:
                own = [(f"rumus {fid}", v) for fid, v in item.efisiensi_by_formula.items()
                       if fid != self.method.efisiensi.id]
                printed = [(f"rumus laporan dengan angka laporan sendiri ({fid})", v)
                           for fid, v in item.efisiensi_of_stated_by_formula.items()]
                self.number(where, f"Efisiensi {name}", stated.efisiensi, item.efisiensi, efficiency_unit,
                            own + printed)
            if stated.kemajuan_renstra is not None:
                self.number(where, f"Kemajuan {name} terhadap target akhir Renstra", stated.kemajuan_renstra,
                            item.kemajuan, "%")

    def sasaran(self) -> None:
        by_id = {s.sasaran.id: s for s in self.year.sasaran}
        for stated in self.year.stated_sasaran:
            result = by_id[stated.sasaran.id]
            name = result.sasaran.nama
            self.number(stated.source, f"Capaian sasaran {name}", stated.capaian, result.capaian)
            self.number(stated.source, f"Penyerapan anggaran sasaran {name}", stated.penyerapan, result.penyerapan,
                        "%", [("penyerapan seluruh anggaran", self.year.penyerapan)])
            printed = [(f"rumus {fid} dengan angka laporan sendiri", v)
                       for fid, v in stated.efisiensi_of_stated_by_formula.items()]
            self.number(stated.source, f"Efisiensi sasaran {name}", stated.efisiensi, result.efisiensi,
                        self.method.efisiensi.unit, printed)

    def year_totals(self) -> None:
        year = self.year
        for stated in year.stated:
            self.number(stated.source, "Rata-rata capaian kinerja", stated.capaian_rata_rata, year.capaian_mean, "%",
                        [("rata-rata yang menghitung indikator tidak diukur sebagai 0", year.capaian_mean_with_zero),
                         ("rata-rata dari capaian yang dicetak laporan", year.capaian_mean_of_stated)])
            self.number(stated.source, "Rata-rata penyerapan anggaran per sasaran", stated.penyerapan_rata_rata,
                        year.penyerapan_mean_per_sasaran, "%", [("penyerapan seluruh anggaran", year.penyerapan)])
            self.number(stated.source, "Rata-rata efisiensi", stated.efisiensi_rata_rata, year.efisiensi_mean,
                        self.method.efisiensi.unit,
                        [(f"rumus {fid} atas seluruh anggaran", v)
                         for fid, v in year.efisiensi_of_totals_by_formula.items()])

    def budget(self) -> None:
        budget = self.year.budget
        if budget is None:
            return
        for line in budget.programs:
            self.budget_line(budget.source, line)
        for line in budget.belanja:
            self.budget_line(budget.belanja_source if budget.belanja_source.table else budget.source, line)
        for line in budget.per_kinerja:
            self.budget_line(budget.per_kinerja_source if budget.per_kinerja_source.table else budget.source, line)
        for stated in budget.stated:
            self.number(stated.source, "Total pagu anggaran", stated.pagu, budget.pagu, "Rp")
            self.number(stated.source, "Total realisasi anggaran", stated.realisasi, budget.realisasi, "Rp")
            self.number(stated.source, "Penyerapan total anggaran", stated.penyerapan, budget.penyerapan, "%",
                        [("penyerapan dari pagu dan realisasi yang dicetak di tabel ini", stated.penyerapan_of_stated)])
            self.number(stated.source, "Sisa anggaran (SiLPA)", stated.sisa, budget.sisa, "Rp")
        breakdowns = [("per sasaran/indikator", budget.per_kinerja, budget.per_kinerja_pagu,
                       budget.per_kinerja_realisasi, budget.per_kinerja_source),
                      ("menurut jenis belanja", budget.belanja, budget.belanja_pagu, budget.belanja_realisasi,
                       budget.belanja_source)]
        for label, lines, pagu, realisasi, source in breakdowns:
            if budget.programs and lines:
                where = source if source.table else budget.source
                self.number(where, f"Jumlah pagu {label} dibanding jumlah program", pagu, budget.pagu, "Rp")
                self.number(where, f"Jumlah realisasi {label} dibanding jumlah program", realisasi,
                            budget.realisasi, "Rp")

    def budget_line(self, source: Source, line: BudgetLine) -> None:
        stated = line.stated
        if stated is not None:
            where = stated.source or source
            self.number(where, f"Penyerapan {line.nama}", stated.penyerapan, line.penyerapan, "%")
            self.number(where, f"Sisa anggaran {line.nama}", stated.sisa, line.sisa, "Rp")
            self.number(where, f"Pagu {line.nama} (dicetak di tabel lain)", stated.pagu, line.pagu, "Rp")
            self.number(where, f"Realisasi {line.nama} (dicetak di tabel lain)", stated.realisasi, line.realisasi, "Rp")
        for child in line.children:
            self.budget_line(source, child)

    def index_and_level(self, source: Source, name: str, stated_value, value, stated_level, level,
                        scale_source: str) -> None:
        """A printed index (IKM, IDM, AKIP) and its printed level against ours."""
        if value is None:
            return
        self.number(source, name, stated_value, value, "")
        self.label(source, f"{name}: tingkat", stated_level, level, f"tingkat berbeda dari {scale_source} untuk nilai ini")

    def surveys(self) -> None:
        year = self.year
        if year.ikm:
            ikm = year.ikm
            for stated in ikm.stated:
                self.index_and_level(stated.source, "Nilai IKM dari sembilan NRR", stated.value, ikm.value,
                                     stated.level, ikm.grade, "skala mutu PermenPANRB 14/2017")
                if stated.respondents is not None and ikm.respondents is not None and stated.respondents != ikm.respondents:
                    self.findings.append(Finding(stated.source.text, "Jumlah responden IKM", Decimal(stated.respondents),
                                                 Decimal(ikm.respondents), "",
                                                 "jumlah responden dicetak berbeda di bagian lain laporan", Kind.DIFFERENCE))
            for k in ikm.characteristics:
                self.number(ikm.characteristics_source, f"Persentase responden {k.group} {k.category}",
                            k.stated_share, k.share, "%")
        for desa in year.desa:
            if desa.stated is not None:
                self.index_and_level(desa.stated.source, f"IDM Desa {desa.nama}", desa.stated.value, desa.idm,
                                     desa.stated.level, desa.status, "ambang status Permendesa PDTT 2/2016")
        if year.akip:
            for stated in year.akip.stated:
                self.index_and_level(stated.source, "Nilai AKIP (jumlah komponen)", stated.value, year.akip.total,
                                     stated.level, year.akip.predikat, "predikat PermenPANRB 88/2021")
        if year.staff:
            for _label, rows in year.staff.groups:
                for r in rows:
                    self.number(year.staff.source, f"Persentase pegawai ({r.group}) {r.category}", r.stated_share,
                                r.share, "%")
