"""The results of the analysis: every figure and every text any page, export or audit uses.

Plain, read-only records (no pydantic objects, no references back to the
data set), so that later stages depend on this module only and a
kecamatan's results can be kept, cached or dropped on their own.
Figures stay exact Decimals; rounding and formats belong to the site.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Optional, Union

from ..models.common import POLARITAS

Num = Optional[Decimal]
Value = Union[Decimal, str, None]  # a target or realisasi: a number, a category code ("BB"), or missing


class Markdown(str):
    """Text the data declares as Markdown (its model field is typed so); the site renders it as Markdown
    wherever it is shown, and every other string as plain text."""


def markdown(text: str | None) -> Markdown | None:
    return None if text is None else Markdown(text)


class Status(StrEnum):
    """What the data says about an indicator in a year (one meaning, used everywhere)."""

    REALISED = "dilaporkan"  # realisasi reported, capaian computed (which says nothing about reaching the target)
    NOT_MEASURED = "tidak-diukur"  # the report prints "-" and says why
    NOT_REPORTED = "belum-dilaporkan"  # the year has passed, a target exists, no realisasi anywhere
    TARGET_ONLY = "hanya-target"  # a year not reported yet

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    Status.REALISED: "Dilaporkan",
    Status.NOT_MEASURED: "Tidak diukur",
    Status.NOT_REPORTED: "Belum dilaporkan",
    Status.TARGET_ONLY: "Baru target",
}


class TargetKind(StrEnum):
    """Which target an indicator's capaian is measured against (the first present wins, in this order)."""

    PK_REVISED = "PK perubahan"
    PK = "Perjanjian Kinerja"
    RENSTRA = "Renstra"
    NONE = ""


def tone(position: int, count: int) -> str:
    """The colour family of a level, from its place on a scale listed highest first."""
    if position == 0:
        return "good"
    if position == count - 1:
        return "bad"
    return "info" if position < count / 2 else "mid"


@dataclass(frozen=True)
class Level:
    """A level of a scale (a rating, a grade, a status), with its tone from its place on the scale."""

    kode: str
    label: str
    tone: str = "info"  # "good" (the top level), "info", "mid", "bad" (the lowest level)


@dataclass(frozen=True)
class Source:
    """Where a figure is printed: the report (as "LAKIP 2023") and its table."""

    report: str
    table: str | None = None
    partial: bool = False  # the data holds only some of the table's rows: nothing is totalled over it

    @property
    def text(self) -> str:
        return f"{self.report}, {self.table}" if self.table else self.report


@dataclass(frozen=True)
class Person:
    nama: str
    nip: str | None = None
    pangkat: str | None = None
    jabatan: str | None = None


@dataclass(frozen=True)
class Report:
    id: str
    jenis: str
    tahun: int
    judul: str
    tanggal: dt.date | None
    tempat: str | None
    berkas: str | None
    url: str | None = None  # the original document, http(s) only (the model's pattern)


# --------------------------------------------------------------------------
# Reference data
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ScaleLevel:
    kode: str
    label: str
    min: Num  # lower bound; None for the lowest level
    aliases: tuple[str, ...] = ()  # other words reports print for it (label_lain)


@dataclass(frozen=True)
class Scale:
    id: str
    nama: str
    dasar_hukum: str | None
    inclusive: bool  # a value equal to a level's min belongs to that level
    catatan: str | None
    levels: tuple[ScaleLevel, ...]  # highest first

    def level_named(self, word: str) -> ScaleLevel | None:
        """The level a printed word (code, label or another name, any case) stands for."""
        wanted = " ".join(word.split()).casefold()
        return next((v for v in self.levels
                     if wanted in (n.casefold() for n in (v.kode, v.label, *v.aliases))), None)


@dataclass(frozen=True)
class FormulaInfo:
    """A formula id of referensi/rumus.yaml with its text and the unit its implementation returns."""

    id: str
    nama: str
    rumus: str
    keterangan: str | None
    contoh_laporan: str | None
    unit: str


@dataclass(frozen=True)
class CanonicalIndicator:
    """An indicator shared by many kecamatan (compared across them)."""

    id: str
    nama: str
    satuan: str
    polaritas: str
    jenis: str
    definisi: str
    dasar_hukum: str | None
    kata_kunci: tuple[str, ...]

    @property
    def direction(self) -> str:
        return POLARITAS[self.polaritas]


@dataclass(frozen=True)
class Reference:
    scales: dict[str, Scale]
    capaian_turun: dict[str, FormulaInfo]
    efisiensi: dict[str, FormulaInfo]
    canonical: dict[str, CanonicalIndicator]
    uniform_scale: str
    uniform_capaian_turun: str
    uniform_efisiensi: str
    roles: dict[str, str]  # "ikm", "idm", "akip" -> the scale id that grades it


@dataclass(frozen=True)
class Method:
    """The methods in force for one kecamatan, and the uniform ones used to compare kecamatan."""

    scale: Scale
    capaian_turun: FormulaInfo
    efisiensi: FormulaInfo
    uniform_scale: Scale
    uniform_capaian_turun: FormulaInfo
    uniform_efisiensi: FormulaInfo
    predicate_scale: Scale | None = None  # a second scale the report prints its rating words on
    @property
    def same_scale_as_uniform(self) -> bool:
        return self.scale.id == self.uniform_scale.id

    @property
    def same_efisiensi_as_uniform(self) -> bool:
        return self.efisiensi.id == self.uniform_efisiensi.id


# --------------------------------------------------------------------------
# Indicators
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Goal:
    id: str
    nama: str


@dataclass(frozen=True)
class Indicator:
    """An indicator as it stands in one year's Renstra version."""

    id: str
    nama: str
    satuan: str
    polaritas: str  # "naik" or "turun"
    jenis: str  # "numerik" or "kategori"
    kanonik: str | None
    definisi: str | None
    target_akhir: Value
    tujuan: Goal
    sasaran: Goal | None  # None for a tujuan-level indicator

    @property
    def goal(self) -> Goal:
        return self.sasaran or self.tujuan

    @property
    def goal_level(self) -> str:
        """What the indicator measures: its sasaran, or the tujuan above the sasaran."""
        return "Sasaran" if self.sasaran else "Tujuan"

    @property
    def lower_is_better(self) -> bool:
        return self.polaritas == "turun"

    @property
    def categorical(self) -> bool:
        """A predikat target (BB, A ...): its capaian is a rank ratio, kept out of numeric means."""
        return self.jenis == "kategori"

    @property
    def direction(self) -> str:
        return POLARITAS[self.polaritas]


@dataclass(frozen=True)
class Measurement:
    """How a realisasi was measured, as the report says (instrument, regulation, elements, year assessed)."""

    instrumen: str
    dasar_hukum: str | None
    jumlah_unsur: int | None
    tahun_data: int | None
    catatan: str | None

    @property
    def key(self) -> tuple:
        """Two figures are comparable only when this is equal."""
        return (" ".join(self.instrumen.lower().split()), " ".join((self.dasar_hukum or "").lower().split()),
                self.jumlah_unsur)

    @property
    def text(self) -> str:
        parts = [self.instrumen]
        if self.dasar_hukum:
            parts.append(self.dasar_hukum)
        return "; ".join(parts)


@dataclass(frozen=True)
class StatedIndicator:
    """Figures about one indicator as one table of the report prints them (for the audit)."""

    source: Source
    target: Value = None
    target_renstra: Value = None
    realisasi: Value = None
    capaian: Num = None
    capaian_terhadap_tahun_lalu: Num = None
    penyerapan: Num = None
    efisiensi: Num = None
    kemajuan_renstra: Num = None
    predikat: str | None = None
    target_akhir: Value = None
    kemajuan_label: str | None = None  # progress printed as words (On Track ...)


@dataclass(frozen=True)
class Benchmark:
    """A national, provincial or standard value the report sets the indicator against."""

    name: str
    value: Value
    year: int | None
    stated_position: str | None  # the report's "lebih baik" / "sama" / "lebih buruk"
    position: str | None  # ours, from the realisasi and the indicator's direction
    source: Source  # its own table, else the indicator's


@dataclass
class IndicatorYear:
    """One indicator in one year, with every derived figure."""

    indicator: Indicator
    year: int
    in_report: bool  # the year file has a `kinerja` row for it
    status: Status
    target: Value = None  # the target capaian is measured against (see target_kind)
    target_kind: TargetKind = TargetKind.NONE
    target_pk: Value = None  # the Perjanjian Kinerja target (PK perubahan over PK), if printed
    target_renstra: Value = None
    realisasi: Value = None
    not_measured_reason: str | None = None
    measurement: Measurement | None = None
    source: Source | None = None
    catatan: str | None = None
    narrative: tuple[tuple[str, str], ...] = ()  # (heading, Markdown) from the report
    capaian: Num = None
    reached: bool | None = None  # capaian (as shown, two decimals) at least 100 %; None when not measured
    rating: Level | None = None
    capaian_uniform: Num = None
    rating_uniform: Level | None = None
    rating_predicate: Level | None = None  # on the report's second scale, when it declares one
    capaian_renstra: Num = None  # against this year's Renstra target
    on_track: bool | None = None
    kemajuan: Num = None  # against the final Renstra target
    kemajuan_label: str | None = None  # the progress a table prints as words, as printed
    benchmarks: tuple[Benchmark, ...] = ()
    previous_realisasi: Value = None
    comparable_with_previous: bool | None = None  # same instrument as the previous year; None when unknown
    change_realisasi: Num = None
    ratio_capaian_previous: Num = None
    budget_basis: str = ""
    budget_pagu: Num = None
    budget_realisasi: Num = None
    penyerapan: Num = None
    efisiensi: Num = None
    efisiensi_uniform: Num = None
    stated: tuple[StatedIndicator, ...] = ()
    # Readings the audit compares a printed figure with when it is not ours:
    capaian_by_formula: dict[str, Num] = field(default_factory=dict)  # every lower-is-better formula id
    capaian_by_target: dict[str, Num] = field(default_factory=dict)  # other targets the report prints
    kemajuan_by_target: dict[str, Num] = field(default_factory=dict)  # other final targets the report prints
    ratio_by_target: dict[str, Num] = field(default_factory=dict)  # this year's capaian with those, over last year's
    efisiensi_by_formula: dict[str, Num] = field(default_factory=dict)  # every efficiency formula, our figures
    efisiensi_of_stated_by_formula: dict[str, Num] = field(default_factory=dict)  # the report's own figures
    line: int | None = None  # the line of its `kinerja` row in the year file
    in_headline: bool = True  # counted in the year's figures; a tujuan-level indicator is shown apart

    @property
    def reported(self) -> bool:
        return self.status in (Status.REALISED, Status.NOT_MEASURED)

    @property
    def realised(self) -> bool:
        return self.status == Status.REALISED

    @property
    def evaluated_year(self) -> int | None:
        """The year a realisasi describes when the report says it is not its own (an earlier evaluation)."""
        year = self.measurement.tahun_data if self.measurement else None
        return year if year is not None and year != self.year else None


@dataclass(frozen=True)
class SasaranYear:
    sasaran: Goal
    indicator_count: int
    capaian: Num  # mean capaian of its measured indicators
    budget_pagu: Num
    budget_realisasi: Num
    penyerapan: Num
    efisiensi: Num
    penyerapan_unweighted: Num = None  # the mean of its lines' absorption, each line counted once


@dataclass(frozen=True)
class Claim:
    """A sentence of the report stating counts for the year ("3 sasaran dan 4 indikator", "tercapai 3")."""

    source: Source
    quote: str
    counts: dict[str, int]  # what it states, by the keys of YearResult.counts
    all_reached: bool | None
    line: int | None


@dataclass(frozen=True)
class StatedSasaran:
    sasaran: Goal
    source: Source
    capaian: Num
    penyerapan: Num
    efisiensi: Num
    efisiensi_of_stated_by_formula: dict[str, Num]


# --------------------------------------------------------------------------
# Budget
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Output:
    """An output indicator attached to a budget line."""

    nama: str
    satuan: str | None
    target: Value
    realisasi: Value


@dataclass(frozen=True)
class StatedBudget:
    source: Source | None
    penyerapan: Num = None
    sisa: Num = None
    pagu: Num = None
    realisasi: Num = None
    penyerapan_of_stated_sisa: Num = None  # absorption if the printed sisa is right


@dataclass(frozen=True)
class BudgetLine:
    """A program, kegiatan, sub kegiatan, expense line, spending type or per-goal budget row."""

    level: str  # program, kegiatan, sub_kegiatan, rincian, belanja, per_kinerja
    kode: str | None
    nama: str
    pagu: Num
    realisasi: Num
    penyerapan: Num
    sisa: Num
    pagu_murni: Num = None  # the original (APBD murni) budget, when printed beside the revised one
    # ("pagu" | "pagu murni" | "realisasi", printed, printed minus the lines' sum): where the lines do not add up
    sum_gaps: tuple[tuple[str, Decimal, Decimal], ...] = ()
    output: Output | None = None
    indicator: str | None = None  # a programme's Renstra indicator (indikator_renstra), whose target its output repeats
    output_without_spending: bool = False  # its output is reached while none of its budget was spent
    stated: StatedBudget | None = None
    program: str | None = None  # per_kinerja rows: the programme named beside the goal
    children: tuple["BudgetLine", ...] = ()
    line: int | None = None  # where the line is in the year file
    catatan: str | None = None  # the transcriber's note on this line (HTML from Markdown)


@dataclass(frozen=True)
class StatedTotal:
    source: Source
    pagu: Num
    realisasi: Num
    penyerapan: Num
    sisa: Num
    penyerapan_of_stated: Num  # absorption from the pagu and realisasi printed in the same table
    terbilang: str | None = None  # the pagu in words, as printed
    terbilang_of_pagu: str | None = None  # the printed pagu's digits in words (num2words, Indonesian)
    pagu_murni: Num = None
    kenaikan_realisasi: Num = None  # the rise in realisasi over last year, as printed
    line: int | None = None  # of the `dinyatakan` entry in the year file


@dataclass(frozen=True)
class Budget:
    source: Source
    funds: tuple[tuple[str, Num], ...]  # (sumber dana, jumlah; None when the report names the source alone)
    programs: tuple[BudgetLine, ...]
    belanja: tuple[BudgetLine, ...]
    belanja_source: Source
    per_kinerja: tuple[BudgetLine, ...]
    per_kinerja_source: Source
    pagu: Num  # the programmes' total
    realisasi: Num
    penyerapan: Num
    sisa: Num
    realisasi_change: Num  # this year's total realisasi minus last year's, when both files hold one
    partial: bool  # its tables are marked `sebagian`: no total is computed over them
    pagu_murni: Num  # the programmes' original (APBD murni) total, when every programme prints one
    stated: tuple[StatedTotal, ...]
    # {"pagu" | "realisasi": names of the lines without it}: why a total is not computed, said where it is missing
    unknown: dict[str, tuple[str, ...]] = field(default_factory=dict)


# --------------------------------------------------------------------------
# Surveys and indices
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class CountShare:
    """A count in a group (respondents by gender, staff by rank ...) with its computed and printed share."""

    group: str
    category: str
    count: int
    share: Num  # of the group's total
    stated_share: Num
    share_of_all: Num = None  # of all respondents, when the group's total is not that


@dataclass(frozen=True)
class ShareGroup:
    """The rows of one grouping, their total, and the sum of the shares the report prints for them."""

    group: str
    rows: tuple[CountShare, ...]
    total: int
    stated_share_total: Num  # None when no share is printed
    all_total: int | None = None  # every respondent, when known (a group may miss some)


@dataclass(frozen=True)
class StatedIndex:
    source: Source
    value: Num
    level: str | None
    respondents: int | None = None
    level_of_value: Level | None = None  # the level the scale gives the printed value itself (IKM)


@dataclass(frozen=True)
class IkmResult:
    source: Source
    periode: str | None
    respondents: int | None
    unsur: tuple[tuple[str, Decimal, Decimal], ...]  # (unsur, NRR, NRR x 25)
    puas: int | None
    tidak_puas: int | None
    characteristics: tuple[ShareGroup, ...]
    characteristics_source: Source
    value: Num  # mean NRR x 25; None without unsur
    value_from_counts: Num  # satisfied respondents' share, when the report counts them
    grade: Level | None
    stated: tuple[StatedIndex, ...]
    line: int | None = None  # of the `ikm` block in the year file


@dataclass(frozen=True)
class DesaResult:
    nama: str
    kode: str | None
    iks: Decimal
    ike: Decimal
    ikl: Decimal
    idm: Decimal
    status: Level | None
    stated: StatedIndex | None
    idm_low: Decimal | None = None  # the IDM if each printed component was rounded up from below ...
    idm_high: Decimal | None = None  # ... or down from above: the report may have used unrounded components
    line: int | None = None  # of the desa's row in the year file


@dataclass(frozen=True)
class AkipComponent:
    nama: str
    nilai: Decimal
    bobot: Decimal | None


@dataclass(frozen=True)
class AkipResult:
    evaluator: str | None
    source: Source
    components: tuple[AkipComponent, ...]
    total: Num
    predikat: Level | None
    stated: tuple[StatedIndex, ...]
    line: int | None = None  # of the `akip` block in the year file


@dataclass(frozen=True)
class Staff:
    tahun_data: int | None
    source: Source
    report_id: str
    groups: tuple[ShareGroup, ...]  # golongan, jenis kelamin, pendidikan, eselon


@dataclass(frozen=True)
class AgreementRow:
    """A row of a performance agreement or its annex, as printed."""

    sasaran: str | None
    indikator: str
    target: str | None
    program: str | None
    kegiatan: str | None
    sub_kegiatan: str | None
    anggaran: Num


@dataclass(frozen=True)
class Agreement:
    """A printed performance agreement: the kecamatan's PK, its revision, or a unit's cascaded PK."""

    title: str  # "Perjanjian Kinerja", "Perjanjian Kinerja perubahan", or the unit
    date: object  # a date, or the text as printed (Januari 2023)
    first: Person | None  # pihak pertama
    second: Person | None  # pihak kedua
    reason: str | None  # why it was revised (HTML from Markdown)
    source: Source
    rows: tuple[AgreementRow, ...]
    budget_total: Num  # the rows' anggaran summed; None when no row has one
    stated_budget_total: Num  # the JUMLAH printed on its annex
    line: int | None


@dataclass(frozen=True)
class Followup:
    """An evaluation finding and its follow-up, as printed (text only: nothing in it to recompute)."""

    evaluasi: str | None
    temuan: str
    rekomendasi: str | None
    tindak_lanjut: str | None
    batas_waktu: str | None
    status: str | None
    source: Source | None
    line: int | None


@dataclass(frozen=True)
class Award:
    nama: str
    pemberi: str | None
    tingkat: str | None
    jenis: str | None = None
    penerima: str | None = None
    tanggal: object = None  # a date, or only its year (int)


@dataclass(frozen=True)
class StatedYear:
    source: Source
    capaian_rata_rata: Num
    penyerapan_rata_rata: Num
    efisiensi_rata_rata: Num
    predikat: str | None = None  # the year's rating word as printed


@dataclass
class YearResult:
    year: int
    report: Report | None
    camat: Person | None
    indicators: list[IndicatorYear]
    sasaran: list[SasaranYear]
    stated_sasaran: list[StatedSasaran]
    budget: Budget | None
    capaian_mean: Num  # numeric indicators only (a predikat's rank ratio is not averaged in)
    rating: Level | None  # the mean's level on the declared scale
    rating_predicate: Level | None  # and on the report's second scale, when it declares one
    indicator_count: int
    measured: int  # indicators with a capaian
    on_target: int  # of those, how many reached their target
    categorical_measured: int  # measured indicators with a predikat target, left out of capaian_mean
    apart: int  # tujuan-level indicators shown but not counted in the figures above
    ikm: IkmResult | None
    desa: list[DesaResult]
    idm_source: Source | None  # None without an IDM table
    akip: AkipResult | None
    staff: Staff | None
    awards: list[Award]
    followups: list["Followup"]
    agreements: list[Agreement]
    narrative: list[tuple[str, str]]  # (heading, Markdown)
    catatan: str | None
    stated: list[StatedYear]
    # Readings for the audit of the report's own year figures:
    capaian_mean_with_categorical: Num  # predikat rank ratios averaged in
    capaian_mean_of_sasaran: Num  # the mean of each sasaran's mean
    capaian_mean_with_zero: Num  # unmeasured indicators counted as 0
    capaian_mean_of_stated: Num  # mean of the capaian the report prints
    penyerapan_mean_per_sasaran: Num
    efisiensi_mean: Num
    efisiensi_of_totals_by_formula: dict[str, Num]
    # What the data holds, counted as a report's sentence counts it: tujuan, sasaran and indikator of the year's
    # counted indicators, tercapai, program, kegiatan, sub_kegiatan.
    counts: dict[str, int] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)

    @property
    def penyerapan(self) -> Num:
        return self.budget.penyerapan if self.budget else None

    @property
    def budget_pagu(self) -> Num:
        return self.budget.pagu if self.budget else None

    @property
    def budget_realisasi(self) -> Num:
        return self.budget.realisasi if self.budget else None


# --------------------------------------------------------------------------
# A kecamatan
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Province:
    nama: str
    kode: str


@dataclass(frozen=True)
class Region:
    """A kabupaten or kota."""

    slug: str
    nama: str
    jenis: str  # "kabupaten" or "kota"
    kode: str
    provinsi: Province

    @property
    def title(self) -> str:
        return f"{self.jenis.capitalize()} {self.nama}"


@dataclass(frozen=True)
class Profile:
    nama: str
    kode: str | None
    ibukota: str | None
    luas_ha: Num
    jumlah_desa: int | None
    jumlah_kelurahan: int | None
    semboyan: str | None
    tugas: str | None
    fungsi: tuple[str, ...]
    units: tuple[tuple[str, tuple[str, ...]], ...]  # (unit, sub units)
    reports: tuple[Report, ...]
    alamat: str | None = None
    jumlah_dusun: int | None = None
    borders: tuple[tuple[str, str], ...] = ()  # (direction, neighbour) as printed
    legal_basis: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanGap:
    """A row of a Renstra programme matrix whose indicative pagu for a year is not the sum of its rows below."""

    year: int
    kode: str | None
    nama: str
    printed: Decimal
    gap: Decimal  # printed minus the rows' sum
    rounding: bool  # within what rounding each row on its own explains
    line: int | None = None  # of the row in the Renstra file


@dataclass(frozen=True)
class Plan:
    """A Renstra as its document states it: what the kecamatan set out to do over the period."""

    start: int
    end: int
    document: str | None
    rpjmd: str | None
    visi: str | None
    misi: tuple[tuple[int | None, str, bool], ...]  # (number, text, supported by the kecamatan)
    goals: tuple[tuple[str, tuple[str, ...]], ...]  # (tujuan, its sasaran)
    strategies: tuple[tuple[str, tuple[str, ...]], ...]  # (strategi, its kebijakan)
    programmes: tuple[tuple[str, str | None, str], ...]  # (tingkat, kode, nama)
    source: Source | None = None  # where the report prints the Renstra
    sum_gaps: tuple[PlanGap, ...] = ()
    file: str | None = None  # the Renstra's data file, relative to data/


@dataclass
class KecamatanResult:
    slug: str
    region: Region
    profile: Profile
    method: Method
    years: list[YearResult]
    history: dict[str, list[IndicatorYear]]  # indicator id -> every Renstra year, in Renstra order
    plans: tuple[Plan, ...] = ()  # its Renstra documents, oldest first

    @property
    def name(self) -> str:
        return self.profile.nama

    @property
    def latest(self) -> YearResult | None:
        """The latest year with any indicator reported, else the latest year file."""
        reported = [y for y in self.years if any(i.reported for i in y.indicators)]
        return (reported or self.years or [None])[-1]

    def has_year(self, year: int) -> bool:
        return any(y.year == year for y in self.years)


# --------------------------------------------------------------------------
# The whole country (Kemendagri's list, with our data marked)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class OfficialKecamatan:
    kode: str | None  # None only for a kecamatan of our data recorded without a code
    nama: str
    slug: str | None  # our data folder ("kabupaten/kecamatan") when we have its reports


@dataclass(frozen=True)
class OfficialKabupaten:
    kode: str
    nama: str  # as Kemendagri writes it: "Kabupaten Bengkalis", "Kota Dumai"
    slug: str  # its page: our data folder, or the name's slug (kabupaten_slug)
    ours: bool  # we have data of this kabupaten (its page is made from that data)
    kecamatan: tuple[OfficialKecamatan, ...]

    @property
    def reported(self) -> int:
        return sum(1 for k in self.kecamatan if k.slug)


@dataclass(frozen=True)
class OfficialProvince:
    kode: str
    nama: str
    slug: str
    kabupaten: tuple[OfficialKabupaten, ...]

    @property
    def kecamatan_count(self) -> int:
        return sum(len(k.kecamatan) for k in self.kabupaten)

    @property
    def reported(self) -> int:
        return sum(k.reported for k in self.kabupaten)


@dataclass(frozen=True)
class Country:
    provinces: tuple[OfficialProvince, ...]

    def with_ours(self, other: "Country") -> "Country":
        """This country with the kabupaten that `other` has data of (built from another part of the data)."""
        provinces = {p.kode: p for p in self.provinces}
        for theirs in other.provinces:
            ours = [k for k in theirs.kabupaten if k.ours]
            if not ours:
                continue
            mine = provinces.get(theirs.kode, OfficialProvince(theirs.kode, theirs.nama, theirs.slug, ()))
            kabupaten = {k.kode: k for k in mine.kabupaten} | {k.kode: k for k in ours}
            provinces[theirs.kode] = OfficialProvince(mine.kode, mine.nama, mine.slug,
                                                      tuple(kabupaten[c] for c in sorted(kabupaten)))
        return Country(tuple(provinces[c] for c in sorted(provinces)))

    @property
    def kecamatan_count(self) -> int:
        return sum(p.kecamatan_count for p in self.provinces)

    @property
    def reported(self) -> int:
        return sum(p.reported for p in self.provinces)
