"""The checks: each printed figure (`dinyatakan` in the data) against the analysis result it states.

The audit computes nothing itself: the figure it compares with, and every
alternative reading it tries (another formula, another printed target, a
mean that counts unmeasured indicators as zero ...), are analysis results.
Figures are compared at the precision the report printed them with.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable

from ..analysis.results import (
    BudgetLine, IndicatorYear, KecamatanResult, Level, Num, Scale, ShareGroup, Source, StatedIndicator, Status,
    YearResult,
)
from ..formatting import decimals_of, number, percent, round_half_up, rupiah
from .findings import TOLERANCE, Finding, Kind, explain, matches, printed_equal, same_figure

NOT_RECOMPUTABLE = "angka ini tidak dapat dihitung ulang dari data mentah"
PARTIAL = "tabelnya di data tidak lengkap (sumber ditandai sebagian: true), jadi jumlahnya tidak dihitung"


def show_value(value) -> str:
    return number(value) if isinstance(value, Decimal) else str(value)


def normalise(text: str) -> str:
    return text.strip().upper().replace(" ", "-")


# Spellings of one amount in words: "milyar" is KBBI's "miliar"; "satu ratus" is "seratus".
WORD_SPELLINGS = {"milyar": "miliar", "milyard": "miliar", "miliard": "miliar", "trilyun": "triliun",
                  "satu ratus": "seratus", "satu ribu": "seribu", "satu puluh": "sepuluh", "satu belas": "sebelas"}


def normalise_words(text: str) -> str:
    """Amounts in words, compared without case, punctuation, 'rupiah', doubled spaces or spelling variants."""
    words = " ".join(w for w in re.sub(r"[^a-z ]", " ", text.lower()).split() if w not in ("rupiah", "rp"))
    for variant, spelling in WORD_SPELLINGS.items():
        words = re.sub(rf"\b{variant}\b", spelling, words)
    return words


def unknown_total(budget, figures: tuple[str, ...]) -> str:
    """Why a total over the budget lines is not computed: a partial table, or the lines that lack a figure."""
    if budget.partial:
        return PARTIAL
    for figure in figures:
        names = budget.unknown.get(figure, ())
        if names:
            listed = "; ".join(names[:3]) + (f" dan {len(names) - 3} baris lain" if len(names) > 3 else "")
            return f"{figure} belum ada di data untuk {len(names)} baris ({listed}), jadi totalnya tidak dihitung"
    return NOT_RECOMPUTABLE


class YearAudit:
    def __init__(self, kec: KecamatanResult, year: YearResult):
        self.kec = kec
        self.year = year
        self.method = kec.method
        self.findings: list[Finding] = []
        self.money = [(name, amount) for name, amount in year.budget.funds if amount is not None] if year.budget else []

    # -- plumbing ------------------------------------------------------------

    def add(self, source: Source, what: str, stated, computed, unit: str, cause: str, kind: Kind,
            line: int | None = None, file: str | None = None) -> None:
        self.findings.append(Finding(source.text, what, stated, computed, unit, cause, kind, line, file))

    def number(self, source: Source, what: str, stated: Num, exact: Num, unit: str = "%",
               alternatives: Iterable[tuple[str, Num]] = (), reason: str = NOT_RECOMPUTABLE,
               line: int | None = None) -> None:
        """Compare a stated number with the exact result it states, at the precision it was printed with."""
        if stated is None:
            return
        if exact is None:
            match = next((f"; cocok dengan {label} ({number(alt)})" for label, alt in alternatives
                          if alt is not None and matches(stated, alt)), "")
            self.add(source, what, stated, None, unit, reason + match, Kind.UNCHECKABLE, line)
            return
        if printed_equal(stated, exact):
            return
        kind, cause = explain(stated, exact, alternatives, unit, self.money)
        self.add(source, what, stated, exact, unit, cause, kind, line)

    def label(self, source: Source, what: str, stated: str | None, computed: Level | None, cause: str,
              scale: Scale | None = None) -> None:
        """A printed level (code or label, any case) against the level the scale gives."""
        if stated is None or computed is None:
            return
        if normalise(stated) in (normalise(computed.kode), normalise(computed.label)):
            return
        named = scale.level_named(stated) if scale is not None else None
        if named is not None and named.kode == computed.kode:
            return  # another name the scale gives this level (label_lain)
        if scale is not None and named is None:
            cause = (f"kata ini tidak ada di {scale.nama} yang dinyatakan "
                     f"({', '.join(v.label for v in scale.levels)}); menurut skala itu {computed.label}")
        self.add(source, what, stated, f"{computed.kode} ({computed.label})", "", cause, Kind.DIFFERENCE)

    def value(self, source: Source, what: str, stated, raw, cause: str) -> None:
        """A raw value (target, realisasi) printed differently in another table."""
        if stated is None or raw is None:
            return
        if isinstance(stated, Decimal) and isinstance(raw, Decimal):
            if not same_figure(stated, raw):
                self.add(source, what, stated, raw, "", cause, Kind.DIFFERENCE)
        elif stated != raw:
            self.add(source, what, show_value(stated), show_value(raw), "", cause, Kind.DIFFERENCE)

    # -- the checks ----------------------------------------------------------

    def run(self) -> list[Finding]:
        for item in self.year.indicators:
            self.indicator(item)
        self.sasaran()
        self.year_totals()
        self.budget()
        self.agreements()
        self.surveys()
        self.claims()
        self.plans()
        return self.findings

    def plans(self) -> None:
        """The Renstra programme matrix in force this year: each row's indicative pagu for this year against the
        sum of its rows below (within each row's own rounding, a rounding matter)."""
        y = self.year.year
        for plan in self.kec.plans:
            if not plan.start <= y <= plan.end:
                continue
            source = plan.source or Source("Renstra", None)
            for gap in (g for g in plan.sum_gaps if g.year == y):
                name = f"{gap.kode} {gap.nama}" if gap.kode else gap.nama
                self.add(source, f"Pagu indikatif {y} {name} (Renstra)", gap.printed, gap.printed - gap.gap, "Rp",
                         f"pagu yang dicetak untuk baris ini tidak sama dengan jumlah baris di bawahnya (selisih "
                         f"{rupiah(gap.gap)})" + ("; sebesar pembulatan tiap baris ke rupiah" if gap.rounding else ""),
                         Kind.ROUNDING if gap.rounding else Kind.DIFFERENCE, gap.line, plan.file)

    # What a sentence counts, in the words a finding names it with.
    COUNTED = {"tujuan": "tujuan", "sasaran": "sasaran", "indikator": "indikator kinerja",
               "tercapai": "indikator yang mencapai target", "program": "program", "kegiatan": "kegiatan",
               "sub_kegiatan": "sub kegiatan"}

    def claims(self) -> None:
        """The report's sentences about the year against the data: each count, and "seluruhnya tercapai"."""
        counts = self.year.counts
        for claim in self.year.claims:
            for key, stated in claim.counts.items():
                ours = counts.get(key)
                if ours is None:
                    self.add(claim.source, f"Jumlah {self.COUNTED[key]} menurut kalimat laporan", Decimal(stated), None,
                             "", f"data tahun ini tidak memuat {self.COUNTED[key]}; kalimatnya: “{claim.quote}”",
                             Kind.UNCHECKABLE, claim.line)
                elif ours != stated:
                    self.add(claim.source, f"Jumlah {self.COUNTED[key]} menurut kalimat laporan", Decimal(stated),
                             Decimal(ours), "", f"data mencatat {ours}; kalimatnya: “{claim.quote}”",
                             Kind.DIFFERENCE, claim.line)
            reached, agreed = counts["tercapai"], counts["indikator"]
            if claim.all_reached and reached < agreed:
                self.add(claim.source, "Pernyataan laporan: seluruh indikator mencapai target", "seluruhnya tercapai",
                         f"{reached} dari {agreed} tercapai", "",
                         f"{agreed - reached} indikator tidak mencapai target atau tidak diukur; "
                         f"kalimatnya: “{claim.quote}”", Kind.DIFFERENCE, claim.line)

    def indicator(self, item: IndicatorYear) -> None:
        if not item.in_report:
            return
        name = item.indicator.nama
        self.benchmarks(item)
        ours = self.method.capaian_turun.id
        other_formulas = [(f"rumus {fid}", v) for fid, v in item.capaian_by_formula.items() if fid != ours]
        efficiency_unit = self.method.efisiensi.unit
        for stated in item.stated:
            where = stated.source
            printed_targets = [stated.target, stated.target_renstra, item.target_renstra,
                               *(d.target for d in item.stated), *(d.target_renstra for d in item.stated)]
            other_targets = list(dict.fromkeys(t for t in printed_targets if t is not None and t != item.target))
            alternatives = list(other_formulas) + [
                (f"target {show_value(t)} yang dicetak di tabel lain", item.capaian_by_target.get(t))
                for t in other_targets]
            if item.status == Status.REALISED:
                if stated.capaian is not None:
                    self.number(where, f"Capaian {name}", stated.capaian, item.capaian, "%", alternatives)
            elif stated.capaian is not None or stated.realisasi is not None:
                self.without_realisasi(item, stated)
            if item.status != Status.REALISED and (stated.capaian is not None or stated.realisasi is not None):
                continue  # said once, with its cause, by without_realisasi
            self.value(where, f"Target {name}", stated.target, item.target, "target berbeda dari Perjanjian Kinerja")
            self.value(where, f"Target Renstra {name}", stated.target_renstra, item.target_renstra,
                       "target berbeda dari tabel Renstra")
            self.value(where, f"Realisasi {name}", stated.realisasi, item.realisasi,
                       "realisasi berbeda dari tabel pengukuran kinerja")
            self.rating_words(where, f"Penilaian {name}", stated.predikat, item.rating, item.rating_predicate)
            if stated.capaian_terhadap_tahun_lalu is not None:
                self.number(where, f"Capaian {name} terhadap tahun lalu", stated.capaian_terhadap_tahun_lalu,
                            item.ratio_capaian_previous, "%",
                            [("capaian tahun ini (bukan rasionya)", item.capaian)] +
                            [(f"rasio dengan target {show_value(t)} yang dicetak di tabel lain", item.ratio_by_target.get(t))
                             for t in other_targets])
            if stated.penyerapan is not None:
                self.number(where, f"Penyerapan anggaran untuk {name}", stated.penyerapan, item.penyerapan, "%",
                            [("penyerapan seluruh anggaran", self.year.penyerapan)],
                            reason="data tidak memuat anggaran yang terkait dengan indikator ini")
            if stated.efisiensi is not None:
                own = [(f"rumus {fid}", v) for fid, v in item.efisiensi_by_formula.items()
                       if fid != self.method.efisiensi.id]
                printed = [(f"rumus laporan dengan angka laporan sendiri ({fid})", v)
                           for fid, v in item.efisiensi_of_stated_by_formula.items()]
                self.number(where, f"Efisiensi {name}", stated.efisiensi, item.efisiensi, efficiency_unit,
                            own + printed)
            self.value(where, f"Target akhir Renstra {name}", stated.target_akhir, item.indicator.target_akhir,
                       "target akhir berbeda dari dokumen Renstra")
            if stated.kemajuan_renstra is not None:
                self.number(where, f"Kemajuan {name} terhadap target akhir Renstra", stated.kemajuan_renstra,
                            item.kemajuan, "%",
                            [(f"kemajuan terhadap target akhir {show_value(t)} yang dicetak di tabel ini", v)
                             for t, v in item.kemajuan_by_target.items()])

    def benchmarks(self, item: IndicatorYear) -> None:
        """The report's conclusion against a national, provincial or standard value, from the realisasi."""
        for b in item.benchmarks:
            if b.stated_position and b.position and b.stated_position != b.position:
                self.add(b.source, f"Perbandingan {item.indicator.nama} dengan {b.name}", b.stated_position,
                         b.position, "", f"realisasi {show_value(item.realisasi)}, pembanding {show_value(b.value)}; "
                         f"indikator ini {item.indicator.direction}", Kind.DIFFERENCE)

    def rating_words(self, where: Source, what: str, printed: str | None, rating: Level | None,
                     rating_predicate: Level | None) -> None:
        """A printed rating: on the report's second scale when the word is one of its levels, else on its capaian
        scale."""
        scale, level = self.method.scale, rating
        second = self.method.predicate_scale
        if printed and second is not None and second.level_named(printed) is not None:
            scale, level = second, rating_predicate
        self.label(where, what, printed, level, f"penilaian berbeda dari {scale.nama} untuk capaian ini", scale)

    def without_realisasi(self, item: IndicatorYear, stated: StatedIndicator) -> None:
        """A table prints figures for an indicator whose realisasi the data does not hold (not measured, or not
        printed as a realisasi): name the other indicator whose figures they are, when they are someone else's."""
        other = next((o for o in self.year.indicators if o is not item and o.realised
                      and stated.realisasi is not None and o.realisasi == stated.realisasi
                      and (stated.target is None or o.target == stated.target)
                      and (stated.capaian is None or (o.capaian is not None and matches(stated.capaian, o.capaian)))),
                     None)
        printed = ", ".join(f"{label} {show_value(v)}" for label, v in
                            (("target", stated.target), ("realisasi", stated.realisasi), ("capaian", stated.capaian))
                            if v is not None)
        if other is not None:
            cause = (f"angka ini ({printed}) sama dengan angka indikator {other.indicator.nama}: baris yang sama "
                     "tampaknya dicetak di bawah nama lain")
        elif item.status == Status.NOT_MEASURED:
            cause = f"laporan mencetak angka ({printed}) padahal realisasi tidak diukur"
        else:
            cause = f"laporan mencetak angka ({printed}) yang tidak dicatat sebagai realisasi indikator ini"
        shown = stated.capaian if stated.capaian is not None else show_value(stated.realisasi)
        what = "Capaian" if stated.capaian is not None else "Realisasi"
        self.add(stated.source, f"{what} {item.indicator.nama}", shown, None, "%" if stated.capaian is not None else "",
                 cause, Kind.DIFFERENCE)

    def sasaran(self) -> None:
        by_id = {s.sasaran.id: s for s in self.year.sasaran}
        for stated in self.year.stated_sasaran:
            result = by_id[stated.sasaran.id]
            name = result.sasaran.nama
            self.number(stated.source, f"Capaian sasaran {name}", stated.capaian, result.capaian)
            self.number(stated.source, f"Penyerapan anggaran sasaran {name}", stated.penyerapan, result.penyerapan,
                        "%", [("penyerapan seluruh anggaran", self.year.penyerapan),
                              ("rata-rata penyerapan tiap baris anggaran sasaran ini, tanpa bobot pagu",
                               result.penyerapan_unweighted)],
                        reason="data tidak memuat anggaran yang terkait dengan sasaran ini")
            printed = [(f"rumus {fid} dengan angka laporan sendiri", v)
                       for fid, v in stated.efisiensi_of_stated_by_formula.items()]
            self.number(stated.source, f"Efisiensi sasaran {name}", stated.efisiensi, result.efisiensi,
                        self.method.efisiensi.unit, printed)

    def year_totals(self) -> None:
        year = self.year
        for stated in year.stated:
            self.rating_words(stated.source, "Penilaian rata-rata capaian kinerja", stated.predikat, year.rating,
                              year.rating_predicate)
            self.number(stated.source, "Rata-rata capaian kinerja", stated.capaian_rata_rata, year.capaian_mean, "%",
                        [("rata-rata per sasaran", year.capaian_mean_of_sasaran),
                         ("rata-rata yang ikut menghitung indikator predikat", year.capaian_mean_with_categorical),
                         ("rata-rata yang menghitung indikator tidak diukur sebagai 0", year.capaian_mean_with_zero),
                         ("rata-rata dari capaian yang dicetak laporan", year.capaian_mean_of_stated)])
            self.number(stated.source, "Rata-rata penyerapan anggaran per sasaran", stated.penyerapan_rata_rata,
                        year.penyerapan_mean_per_sasaran, "%", [("penyerapan seluruh anggaran", year.penyerapan)],
                        reason="data tidak memuat anggaran per sasaran")
            self.number(stated.source, "Rata-rata efisiensi", stated.efisiensi_rata_rata, year.efisiensi_mean,
                        self.method.efisiensi.unit,
                        [(f"rumus {fid} atas seluruh anggaran", v)
                         for fid, v in year.efisiensi_of_totals_by_formula.items()],
                        reason="data tidak memuat anggaran per indikator, jadi efisiensinya tidak dapat dihitung")

    def agreements(self) -> None:
        for agreement in self.year.agreements:
            self.number(agreement.source, f"Jumlah anggaran {agreement.title}", agreement.stated_budget_total,
                        agreement.budget_total, "Rp", reason=PARTIAL if agreement.source.partial else
                        "baris perjanjian di data tidak memuat anggaran", line=agreement.line)

    def budget(self) -> None:
        budget = self.year.budget
        if budget is None:
            return
        for line in budget.programs:
            self.budget_line(budget.source, line, ())
        for line in budget.belanja:
            self.budget_line(budget.belanja_source if budget.belanja_source.table else budget.source, line, ())
        for line in budget.per_kinerja:
            self.budget_line(budget.per_kinerja_source if budget.per_kinerja_source.table else budget.source, line, ())
        why_pagu, why_realisasi = (unknown_total(budget, ("pagu",)), unknown_total(budget, ("pagu", "realisasi")))
        for stated in budget.stated:
            self.number(stated.source, "Total pagu anggaran", stated.pagu, budget.pagu, "Rp", reason=why_pagu, line=stated.line)
            self.number(stated.source, "Total pagu APBD murni", stated.pagu_murni, budget.pagu_murni, "Rp",
                        reason=PARTIAL if budget.partial else "data tidak memuat pagu murni setiap program", line=stated.line)
            self.number(stated.source, "Total realisasi anggaran", stated.realisasi, budget.realisasi, "Rp",
                        reason=unknown_total(budget, ("realisasi",)), line=stated.line)
            self.number(stated.source, "Penyerapan total anggaran", stated.penyerapan, budget.penyerapan, "%",
                        [("penyerapan dari pagu dan realisasi yang dicetak di tabel ini", stated.penyerapan_of_stated)],
                        reason=why_realisasi, line=stated.line)
            self.number(stated.source, "Sisa anggaran (SiLPA)", stated.sisa, budget.sisa, "Rp", reason=why_realisasi,
                        line=stated.line)
            self.number(stated.source, "Kenaikan realisasi anggaran dari tahun lalu", stated.kenaikan_realisasi,
                        budget.realisasi_change, "Rp",
                        reason=unknown_total(budget, ("realisasi",)) if budget.realisasi is None else
                        "data tahun lalu tidak memuat realisasi anggaran", line=stated.line)
            if stated.terbilang and stated.terbilang_of_pagu and \
                    normalise_words(stated.terbilang) != normalise_words(stated.terbilang_of_pagu):
                self.add(stated.source, "Total pagu dalam huruf (terbilang)", stated.terbilang,
                         f"{stated.terbilang_of_pagu} ({rupiah(stated.pagu)})", "",
                         "jumlah dalam huruf tidak sama dengan angkanya", Kind.DIFFERENCE)

    def budget_line(self, source: Source, line: BudgetLine, parents: tuple[BudgetLine, ...],
                    siblings: tuple[BudgetLine, ...] = ()) -> None:
        where = (line.stated.source if line.stated and line.stated.source else None) or source
        name = line.nama if not parents else f"{line.nama} (di bawah {parents[-1].nama})"
        stated = line.stated
        if stated is not None:
            zero_budget = "pagu 0, jadi penyerapannya tidak terdefinisi" if line.pagu == 0 else NOT_RECOMPUTABLE
            # A column printed one or two rows off: the figure belongs to a neighbouring line.
            here = next((i for i, s in enumerate(siblings) if s is line), None)
            near = [s for i, s in enumerate(siblings) if here is not None and 0 < abs(i - here) <= 2]
            self.number(where, f"Penyerapan {name}", stated.penyerapan, line.penyerapan, "%",
                        [("penyerapan dari pagu dan sisa yang dicetak (realisasi yang dicetak tidak cocok dengan sisanya)",
                          stated.penyerapan_of_stated_sisa)] +
                        [(f"penyerapan baris di dekatnya, {s.nama} (kolom bergeser)", s.penyerapan) for s in near],
                        reason=zero_budget)
            self.number(where, f"Sisa anggaran {name}", stated.sisa, line.sisa, "Rp",
                        [(f"sisa baris di dekatnya, {s.nama} (kolom bergeser)", s.sisa) for s in near
                         if s.sisa], line=line.line)  # (a zero matches too easily to tell anything)
            self.number(where, f"Pagu {name} (dicetak di tabel lain)", stated.pagu, line.pagu, "Rp", line=line.line)
            self.number(where, f"Realisasi {name} (dicetak di tabel lain)", stated.realisasi, line.realisasi, "Rp", line=line.line)
        item = next((i for i in self.year.indicators if line.indicator and i.indicator.id == line.indicator), None)
        if item is not None and line.output is not None:  # the programme's output is its Renstra indicator
            for what, printed, ours in (("Target", line.output.target, item.target),
                                        ("Realisasi", line.output.realisasi, item.realisasi)):
                if isinstance(printed, Decimal) == isinstance(ours, Decimal):
                    self.value(where, f"{what} keluaran {name}", printed, ours,
                               f"program ini mendukung indikator {item.indicator.nama}, yang {what.lower()}nya "
                               f"{show_value(ours)} ({item.target_kind or 'tabel kinerja'})")
        if line.output_without_spending:
            out = line.output
            unit = f" {out.satuan}" if out.satuan else ""
            self.add(where, f"Keluaran {name}", f"{show_value(out.realisasi)}{unit} dari target {show_value(out.target)}{unit}",
                     f"realisasi anggaran Rp0 dari pagu {rupiah(line.pagu)}", "",
                     "keluaran dicetak tercapai padahal anggaran baris ini tidak terpakai sama sekali: salah satu "
                     "kolom baris ini keliru", Kind.DIFFERENCE, line.line)
        for field_name, printed, gap in () if source.partial else line.sum_gaps:  # partial: rows may be missing
            self.add(source, f"Jumlah {field_name} rincian {name}", printed, printed - gap, "Rp",
                     f"{field_name} yang dicetak untuk baris ini tidak sama dengan jumlah baris di bawahnya "
                     f"(selisih {rupiah(gap)})", Kind.DIFFERENCE, line.line)
        for child in line.children:
            self.budget_line(source, child, (*parents, line), line.children)

    def index_and_level(self, source: Source, name: str, stated_value, value, stated_level, level,
                        scale_source: str) -> None:
        """A printed index (IKM, IDM, AKIP) and its printed level against ours."""
        if value is None:
            return
        self.number(source, name, stated_value, value, "")
        self.label(source, f"{name}: tingkat", stated_level, level, f"tingkat berbeda dari {scale_source} untuk nilai ini")

    def shares(self, source: Source, what: str, group: ShareGroup) -> None:
        """Printed percentages against the counts, and whether they add up to 100."""
        if source.partial:
            return  # the printed shares are of rows the data does not hold
        for row in group.rows:
            missing = (group.all_total or 0) - group.total
            alternative = [(f"persentase dari seluruh {group.all_total} responden, padahal kelompok ini berjumlah "
                            f"{group.total} ({missing} responden tidak tercatat di kelompok ini)", row.share_of_all)]
            self.number(source, f"{what} {row.group} {row.category}", row.stated_share, row.share, "%",
                        alternative if row.share_of_all is not None else ())
        if group.stated_share_total is not None and all(r.stated_share is not None for r in group.rows):
            tolerance = TOLERANCE * len(group.rows)
            if abs(group.stated_share_total - 100) > tolerance:
                # The report prints each share, not their total: the total is ours, shown as ours.
                self.add(source, f"Jumlah {what.lower()} {group.group}",
                         f"{len(group.rows)} persentase (jumlahnya tidak dicetak)", group.stated_share_total, "%",
                         f"persentase yang dicetak berjumlah {percent(group.stated_share_total, 2)}, bukan 100 %",
                         Kind.DIFFERENCE)

    def surveys(self) -> None:
        year = self.year
        if year.ikm:
            ikm = year.ikm
            for stated in ikm.stated:
                if ikm.value is not None:
                    self.index_and_level(stated.source, "Nilai IKM dari sembilan NRR", stated.value, ikm.value,
                                         stated.level, ikm.grade, "skala mutu PermenPANRB 14/2017")
                elif ikm.value_from_counts is not None:
                    self.number(stated.source, "Nilai IKM dari jumlah responden puas", stated.value,
                                ikm.value_from_counts, "")
                elif ikm.source.partial:
                    self.number(stated.source, "Nilai IKM dari sembilan NRR", stated.value, None, "", reason=PARTIAL)
                if ikm.value is None:  # no NRR to recompute from: the printed mutu against the printed value's level
                    self.label(stated.source, "Mutu pelayanan untuk nilai IKM yang dicetak", stated.level,
                               stated.level_of_value, "mutu berbeda dari skala mutu PermenPANRB 14/2017 untuk nilai ini")
                if stated.respondents is not None and ikm.respondents is not None and stated.respondents != ikm.respondents:
                    self.add(stated.source, "Jumlah responden IKM", Decimal(stated.respondents), Decimal(ikm.respondents),
                             "", "jumlah responden dicetak berbeda di bagian lain laporan", Kind.DIFFERENCE)
            for group in ikm.characteristics:
                self.shares(ikm.characteristics_source, "Persentase responden", group)
        for desa in year.desa:
            if desa.stated is None:
                continue
            value = desa.stated.value
            if value is not None and desa.idm_low is not None and \
                    round_half_up(desa.idm_low, decimals_of(value)) <= value <= round_half_up(desa.idm_high, decimals_of(value)):
                value = None  # consistent with the unrounded components the printed ones were rounded from
            self.index_and_level(desa.stated.source, f"IDM Desa {desa.nama}", value, desa.idm,
                                 desa.stated.level, desa.status, "ambang status Permendesa PDTT 2/2016")
        if year.akip:
            for stated in year.akip.stated:
                if year.akip.source.partial:
                    self.number(stated.source, "Nilai AKIP (jumlah komponen)", stated.value, None, "", reason=PARTIAL)
                self.index_and_level(stated.source, "Nilai AKIP (jumlah komponen)", stated.value, year.akip.total,
                                     stated.level, year.akip.predikat, "predikat PermenPANRB 88/2021")
        if year.staff:
            for group in year.staff.groups:
                self.shares(year.staff.source, "Persentase pegawai", group)
