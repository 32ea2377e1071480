"""View models: for each page, what it shows, picked from the results and decided here.

Templates only lay out what a view hands them; every choice (which rows,
which note, which chart, which sentence applies) is made in this module,
from analysis results and audit findings only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import datetime as dt
import functools
import re
from decimal import Decimal
from pathlib import Path

import yaml

from ..analysis.results import (
    CanonicalIndicator, Indicator, IndicatorYear, KecamatanResult, Method, OfficialKabupaten, OfficialKecamatan,
    OfficialProvince, Person,
    Reference, Region, Scale, Staff, Status, TargetKind, YearResult, tone,
)
from ..audit import Finding, Kind
from ..provenance import Change, SourceText
from ..formatting import number
from . import charts, exports, tables, urls
from .charts import Chart
from .store import PageStore
from .tables import Table
from .urls import comparison_uri, kabupaten_uri, kecamatan_uri, province_uri, year_uri  # noqa: F401 (the page map uses them)


@dataclass(frozen=True)
class Downloads:
    """Where a page's tables and data are published (the URL rule is urls.data_base)."""

    page: str  # the page's uri
    tables: tuple[str, ...]
    workbook: bool = False

    def csv(self, table: str) -> str:
        return urls.csv_uri(self.page, table)

    @property
    def json(self) -> str:
        return urls.api_uri(self.page)

    @property
    def xlsx(self) -> str | None:
        return urls.workbook_uri(self.page) if self.workbook else None


# --------------------------------------------------------------------------
# Cross-kecamatan summaries: all that pages listing many kecamatan need
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditCounts:
    """Audit findings by class: only real differences say the report is wrong."""

    differences: int
    minor: int  # rounding and truncation
    uncheckable: int

    @classmethod
    def of(cls, findings: list[Finding]) -> "AuditCounts":
        return cls(sum(f.kind == Kind.DIFFERENCE for f in findings), sum(f.kind.minor for f in findings),
                   sum(f.kind == Kind.UNCHECKABLE for f in findings))


@dataclass(frozen=True)
class YearSummary:
    year: int
    indicator_count: int
    measured: int
    on_target: int
    capaian_mean: Decimal | None
    categorical_measured: int
    pagu: Decimal | None
    realisasi: Decimal | None
    penyerapan: Decimal | None
    audit: AuditCounts


@dataclass(frozen=True)
class ComparableSeries:
    """One kecamatan's history of an indicator that is shared across kecamatan."""

    indicator: Indicator
    history: tuple[IndicatorYear, ...]


@dataclass(frozen=True)
class KecamatanSummary:
    slug: str
    name: str
    kode: str | None
    region: Region
    years: tuple[int, ...]
    latest: YearSummary | None
    scale_id: str
    efisiensi_id: str
    comparable: dict[str, ComparableSeries]  # canonical indicator id -> series


def summary_of(kec: KecamatanResult, findings: dict[int, list[Finding]]) -> KecamatanSummary:
    latest = kec.latest
    comparable = {}
    for history in kec.history.values():
        ind = history[-1].indicator
        if ind.kanonik:
            comparable[ind.kanonik] = ComparableSeries(ind, tuple(history))
    return KecamatanSummary(
        slug=kec.slug, name=kec.name, kode=kec.profile.kode, region=kec.region, years=tuple(y.year for y in kec.years),
        latest=year_summary(latest, findings[latest.year]) if latest else None,
        scale_id=kec.method.scale.id, efisiensi_id=kec.method.efisiensi.id, comparable=comparable,
    )


def year_summary(year: YearResult, findings: list[Finding]) -> YearSummary:
    return YearSummary(year.year, year.indicator_count, year.measured, year.on_target,
                       year.capaian_mean, year.categorical_measured, year.budget_pagu, year.budget_realisasi,
                       year.penyerapan, AuditCounts.of(findings))


# --------------------------------------------------------------------------
# Provenance: from a figure to the line of its data file
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Where:
    uri: str  # the source page of the data file (add #L<line>)
    line: int
    changed: dt.date | None  # when the line last changed (git); None without history or uncommitted
    repo: str | None  # the line in the repository, at the commit that last changed the file


@dataclass(frozen=True)
class SourceLinks:
    """Where the figures of one data file are: `links(line)` for a row's line."""

    source: SourceText | None
    data_link: str | None = None

    @property
    def page(self) -> str | None:
        return urls.source_uri(self.source.path) if self.source else None

    @property
    def repo(self) -> str | None:
        return repo_line(self.source, None, self.data_link) if self.source else None

    def __call__(self, line: int | None) -> Where | None:
        s = self.source
        if s is None or line is None:
            return None
        change = s.lines.get(line)
        return Where(urls.source_uri(s.path), line, change.date if change else None, repo_line(s, line, self.data_link))


def repo_line(source: SourceText, line: int | None, data_link: str | None) -> str | None:
    """The line (or, without one, the file) in the repository at the commit that last changed the file."""
    if not (data_link and source.last):
        return None
    if line is None:
        data_link = data_link.replace("#L{line}", "")
    return data_link.format(commit=source.last.commit, path=source.repo_path, line=line)


@dataclass(frozen=True)
class SourceLine:
    number: int
    text: str
    changed: Change | None


@dataclass(frozen=True)
class SourcePage:
    source: SourceText
    kec: KecamatanResult
    page: str  # the page that shows its figures
    repo: str | None
    lines: tuple[SourceLine, ...]


def source_page(source: SourceText, kec: KecamatanResult, data_link: str | None) -> SourcePage:
    stem = source.path.rsplit("/", 1)[-1].removesuffix(".yaml")
    page = year_uri(kec.slug, int(stem)) if stem.isdigit() and kec.has_year(int(stem)) else kecamatan_uri(kec.slug)
    lines = tuple(SourceLine(n, text, source.lines.get(n)) for n, text in enumerate(source.text.splitlines(), 1))
    return SourcePage(source, kec, page, repo_line(source, None, data_link), lines)


@dataclass(frozen=True)
class Citation:
    title: str
    report: str | None
    url: str | None  # the page's published URL (None when the site's URL is not configured)
    path: str  # the page, relative to the site root
    version: Change | None  # the newest commit among the kecamatan's data files


def citation(title: str, report: str | None, uri: str, url: str | None, sources) -> Citation:
    """How to cite a page: its title, the report its figures come from, its address and the data version (the
    newest commit among the data files it is made from)."""
    changes = [s.last for s in sources if s.last]
    version = max(changes, key=lambda c: (c.date, c.commit)) if changes else None
    return Citation(title, report, url, urls.html_path(uri), version)


# --------------------------------------------------------------------------
# A kecamatan-year page
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorRow:
    item: IndicatorYear
    group: str | None  # the sasaran (or tujuan) heading to print before this row, when it changes
    source_note: str | None
    show_uniform_rating: bool
    notes: tuple[str, ...]  # how it was measured, which year it describes, why it is not averaged


def indicator_notes(item: IndicatorYear) -> tuple[str, ...]:
    notes = []
    if item.measurement:
        notes.append(f"Diukur dengan: {item.measurement.text}")
    if item.evaluated_year:
        notes.append(f"Angka ini hasil penilaian tahun {item.evaluated_year}")
    if item.indicator.categorical and item.capaian is not None:
        notes.append("Target berupa predikat: capaiannya perbandingan urutan, tidak ikut rata-rata capaian")
    if not item.in_headline:
        notes.append("Indikator tujuan: tidak ikut dihitung dalam jumlah dan rata-rata indikator sasaran")
    return tuple(notes)


@dataclass
class YearPage:
    kec: KecamatanResult
    year: YearResult
    method: Method
    rows: list[IndicatorRow]
    with_story: list[IndicatorYear]
    with_budget: list[IndicatorYear]
    audit: AuditCounts
    differences: list[Finding]
    uncheckable: list[Finding]
    minor: list[Finding]
    not_measured: int  # indicators of the year without a capaian
    agreed: int  # counted indicators with a Perjanjian Kinerja target
    renstra_only: int  # counted indicators whose only target is the Renstra's
    tables: dict[str, Table]
    downloads: Downloads
    where: SourceLinks
    citation: Citation
    finding_ids: dict[Finding, str]
    audit_groups: list[AuditGroup]
    charts: dict[str, Chart] = field(default_factory=dict)
    printed_totals: list["PrintedTotal"] = field(default_factory=list)
    terms: list["Term"] = field(default_factory=list)  # the words this page uses, explained


GLOSSARY_FILE = Path(__file__).resolve().parent / "istilah.yaml"


@dataclass(frozen=True)
class Term:
    """A word the pages use, explained once (istilah.yaml)."""

    id: str
    kata: str
    arti: str
    selalu: bool = False
    bila: str | None = None


@functools.cache
def glossary() -> tuple[Term, ...]:
    return tuple(Term(**entry) for entry in yaml.safe_load(GLOSSARY_FILE.read_text(encoding="utf-8"))["istilah"])


def terms_of(year: YearResult) -> list[Term]:
    """The glossary's words a year page uses: the ones every year page shows, and those its indicators' names,
    measurement instruments and sections call for."""
    names = " ".join([i.indicator.nama for i in year.indicators] +
                     [i.measurement.text for i in year.indicators if i.measurement] +
                     ["ikm" if year.ikm else "", "idm" if year.desa else "", "akip" if year.akip else ""]).lower()
    return [t for t in glossary() if t.selalu or (t.bila and re.search(t.bila, names))]


@dataclass(frozen=True)
class PrintedTotal:
    """The year's budget total as the report prints it, with every place that prints the same figures."""

    pagu: Decimal | None
    realisasi: Decimal | None
    penyerapan: Decimal | None
    places: tuple[str, ...]


def printed_totals(stated) -> list[PrintedTotal]:
    """The printed totals, the places that agree joined (a place printing fewer figures joins a fuller one whose
    figures it repeats), the fullest first: a reader sees each printed figure once, beside our sum."""
    groups: list[PrintedTotal] = []
    for total in sorted(stated, key=lambda t: -sum(v is not None for v in (t.pagu, t.realisasi, t.penyerapan))):
        figures = (total.pagu, total.realisasi, total.penyerapan)
        if all(v is None for v in figures):
            continue
        place = total.source.table or total.source.report
        for i, group in enumerate(groups):
            if all(v is None or v == g for v, g in zip(figures, (group.pagu, group.realisasi, group.penyerapan))):
                groups[i] = PrintedTotal(group.pagu, group.realisasi, group.penyerapan, group.places + (place,))
                break
        else:
            groups.append(PrintedTotal(*figures, (place,)))
    return groups


@dataclass(frozen=True)
class AuditGroup:
    """Findings shown together under one heading a reader opens: real differences per report table (the
    table is then named once, in the heading), then what could not be checked, then the rounding."""

    title: str
    kind: Kind
    findings: tuple[Finding, ...]
    per_table: bool  # the heading names the report table: the rows leave it out


def audit_groups(differences: list[Finding], uncheckable: list[Finding], minor: list[Finding]) -> list[AuditGroup]:
    by_table: dict[str, list[Finding]] = {}
    for f in differences:
        by_table.setdefault(f.table, []).append(f)
    groups = [AuditGroup(table, Kind.DIFFERENCE, tuple(found), True) for table, found in by_table.items()]
    if uncheckable:
        groups.append(AuditGroup("Tidak dapat diperiksa", Kind.UNCHECKABLE, tuple(uncheckable), False))
    if minor:
        groups.append(AuditGroup("Hanya dibulatkan atau dipotong lain", Kind.ROUNDING, tuple(minor), False))
    return groups


def finding_ids(findings: list[Finding]) -> list[str]:
    """A stable id per finding (its table and figure), numbered only where two would be the same."""
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        base = "temuan-" + urls.anchor(f"{f.table} {f.what}")
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out


def year_page(kec: KecamatanResult, year: YearResult, findings: list[Finding], where: SourceLinks | None = None,
              cite: Citation | None = None) -> YearPage:
    method = kec.method
    rows, previous_goal = [], None
    for item in year.indicators:
        goal = item.indicator.goal.nama
        if item.source and item.source.table:
            note = f"Sumber: {item.source.table}"
        elif item.target_kind == TargetKind.RENSTRA:
            note = "Sumber: target Renstra"
        else:
            note = None
        show_uniform = bool(item.rating_uniform and item.rating and
                            (item.rating_uniform.kode != item.rating.kode or not method.same_scale_as_uniform))
        rows.append(IndicatorRow(item, goal if goal != previous_goal else None, note, show_uniform,
                                 indicator_notes(item)))
        previous_goal = goal
    published = tables.year_tables(kec, year, findings)
    page = YearPage(
        kec=kec, year=year, method=method, rows=rows,
        with_story=[i for i in year.indicators if i.narrative],
        with_budget=[i for i in year.indicators if i.penyerapan is not None],
        audit=AuditCounts.of(findings),
        differences=[f for f in findings if f.kind == Kind.DIFFERENCE],
        uncheckable=[f for f in findings if f.kind == Kind.UNCHECKABLE],
        minor=[f for f in findings if f.kind.minor],
        not_measured=year.indicator_count - year.measured,
        agreed=sum(1 for i in year.indicators if i.in_headline and i.target_kind in (TargetKind.PK, TargetKind.PK_REVISED)),
        renstra_only=sum(1 for i in year.indicators if i.in_headline and i.target_kind == TargetKind.RENSTRA),
        tables=published,
        downloads=Downloads(year_uri(kec.slug, year.year), tuple(published), workbook=True),
        where=where or SourceLinks(None),
        citation=cite or citation(f"Kecamatan {kec.name} — kinerja {year.year}", None, year_uri(kec.slug, year.year),
                                  None, ()),
        finding_ids={}, audit_groups=[],
    )
    page.audit_groups = audit_groups(page.differences, page.uncheckable, page.minor)
    ordered = [f for g in page.audit_groups for f in g.findings]  # the audit's order on the page
    page.finding_ids = dict(zip(ordered, finding_ids(ordered)))
    page.charts = year_charts(year)
    page.printed_totals = printed_totals(year.budget.stated) if year.budget else []
    page.terms = terms_of(year)
    return page


CHARTS = ("capaian", "anggaran", "efisiensi", "ikm", "idm")


def year_charts(year: YearResult) -> dict[str, Chart | None]:
    out: dict[str, Chart | None] = dict.fromkeys(CHARTS)
    # A grade indicator's capaian is a ratio of ranks (BB → B), not a measured percentage: left out of the bars.
    graded = [i for i in year.indicators if i.capaian is not None and i.indicator.categorical]
    measured = [i for i in year.indicators if i.capaian is not None and not i.indicator.categorical]
    if measured:
        apart = (f" Tanpa {len(graded)} indikator bertarget predikat (capaiannya perbandingan urutan, ada di tabel)."
                 if graded else "")
        out["capaian"] = charts.capaian_bars(
            "capaian", f"Capaian tiap indikator tahun {year.year} (garis putus-putus: 100 %).{apart}",
            [i.indicator.nama for i in measured], [i.capaian for i in measured], [bool(i.reached) for i in measured])
    budget = year.budget
    if budget and budget.programs and budget.pagu:
        programs = [p for p in budget.programs if p.pagu is not None]
        out["anggaran"] = charts.budget_bars(
            "anggaran", "Pagu tiap program (panjang batang) dan penyerapannya (realisasi ÷ pagu).",
            [p.nama for p in programs], [p.pagu for p in programs], [p.penyerapan for p in programs])
    with_budget = [i for i in year.indicators if i.penyerapan is not None and i.capaian is not None
                   and not i.indicator.categorical]
    if with_budget:
        out["efisiensi"] = charts.absorption_vs_capaian(
            "efisiensi", "Penyerapan anggaran dibandingkan capaian kinerja (di atas garis titik-titik: capaian lebih "
                         "tinggi dari serapan).",
            [i.indicator.nama for i in with_budget], [i.penyerapan for i in with_budget],
            [i.capaian for i in with_budget])
    if year.ikm and year.ikm.unsur:
        out["ikm"] = charts.grouped_bars(
            "ikm", "Nilai rata-rata (NRR, skala 1–4) tiap unsur pelayanan.",
            [u[0] for u in year.ikm.unsur], {"NRR": [u[1] for u in year.ikm.unsur]}, horizontal=True)
    if year.desa:
        out["idm"] = charts.grouped_bars(
            "idm", "Indeks Desa Membangun tiap desa; komponennya (IKS, IKE, IKL) ada di tabel.",
            [d.nama for d in year.desa], {"IDM": [d.idm for d in year.desa]}, horizontal=True,
            places=4)  # as the IDM table and the index itself (Permendesa PDTT 2/2016: four decimals)
    return out


# --------------------------------------------------------------------------
# A kecamatan page
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Trajectory:
    indicator: Indicator
    history: tuple[IndicatorYear, ...]
    chart: Chart | None
    latest: IndicatorYear | None  # the latest realised year


@dataclass
class KecamatanPage:
    kec: KecamatanResult
    camat: list[tuple[int, Person]]  # newest first
    staff: Staff | None
    trajectories: list[Trajectory]
    tables: dict[str, Table]
    downloads: Downloads
    citation: Citation | None = None


def kecamatan_page(kec: KecamatanResult, cite: Citation | None = None) -> KecamatanPage:
    staffed = [y for y in kec.years if y.staff]
    published = tables.kecamatan_tables(kec)
    return KecamatanPage(
        kec=kec,
        camat=[(y.year, y.camat) for y in reversed(kec.years) if y.camat],
        staff=staffed[-1].staff if staffed else None,
        trajectories=[trajectory(ind_id, history) for ind_id, history in kec.history.items()],
        tables=published, downloads=Downloads(kecamatan_uri(kec.slug), tuple(published)), citation=cite,
    )


def _numeric(value) -> Decimal | None:
    return value if isinstance(value, Decimal) else None


def trajectory(ind_id: str, history: list[IndicatorYear]) -> Trajectory:
    ind = history[-1].indicator
    chart = None
    if ind.jenis == "numerik" and any(isinstance(h.realisasi, Decimal) for h in history):
        chart = charts.trajectory(
            f"lintasan-{ind_id}", f"{ind.nama}: target Renstra per tahun dan realisasi.", [h.year for h in history],
            [_numeric(h.target_renstra) for h in history], [_numeric(h.realisasi) for h in history],
            ind.satuan, _numeric(ind.target_akhir))
    latest = next((h for h in reversed(history) if h.status == Status.REALISED), None)
    return Trajectory(ind, tuple(history), chart, latest)


# --------------------------------------------------------------------------
# Pages over many kecamatan
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class KecamatanRow:
    """A kecamatan of Kemendagri's list on its kabupaten page, with its summary when we have its reports."""

    area: OfficialKecamatan
    summary: KecamatanSummary | None


@dataclass(frozen=True)
class KabupatenPage:
    area: OfficialKabupaten
    province: OfficialProvince
    rows: tuple[KecamatanRow, ...]
    charts: tuple[Chart, ...]  # one per quantity: capaian and penyerapan are different things, so never one axis
    guide_url: str | None  # how to add a report (the contributor guide)
    tables: dict[str, Table]
    downloads: Downloads
    # Where a reader of a kabupaten without reports can look instead: kecamatan with reports in the same provinsi
    # (else anywhere), the most recent first.
    nearby: tuple[KecamatanSummary, ...] = ()
    nearby_in_province: bool = False


NEARBY = 5  # kecamatan with reports offered on a page of a kabupaten without any


def nearby_reports(province: OfficialProvince, summaries: list[KecamatanSummary]) -> tuple[tuple[KecamatanSummary, ...], bool]:
    """Kecamatan with reports a reader can look at instead: in the provinsi first, else the latest anywhere."""
    same = [s for s in summaries if s.region.provinsi.kode == province.kode and s.latest]
    chosen = same or [s for s in summaries if s.latest]
    chosen = sorted(chosen, key=lambda s: (-s.latest.year, s.name))[:NEARBY]
    return tuple(chosen), bool(same)


def latest_row(s: KecamatanSummary) -> dict:
    y = s.latest
    return {"kode_kecamatan": s.kode, "kecamatan": s.name, "kabupaten": s.region.title, "tahun": y.year,
            "indikator_tercapai": y.on_target, "indikator_diukur": y.measured,
            "rata_rata_capaian_persen": tables.shown(y.capaian_mean), "pagu": y.pagu,
            "penyerapan_persen": tables.shown(y.penyerapan), "selisih_audit": y.audit.differences}


def kabupaten_page(area: OfficialKabupaten, province: OfficialProvince, summaries: dict[str, KecamatanSummary],
                   guide_url: str | None, nearby: tuple[tuple[KecamatanSummary, ...], bool] = ((), False)
                   ) -> KabupatenPage:
    rows = tuple(KecamatanRow(k, summaries.get(k.slug) if k.slug else None) for k in area.kecamatan)
    published = {
        "kecamatan_terakhir": tables.table("kecamatan_terakhir", [
            latest_row(r.summary) for r in rows if r.summary and r.summary.latest]),
        "wilayah_kecamatan": tables.table("wilayah_kecamatan", [
            {"kode_kecamatan": r.area.kode, "kecamatan": r.area.nama, "kabupaten": area.nama,
             "provinsi": province.nama, "ada_laporan": r.summary is not None,
             "tahun_laporan": " ".join(map(str, r.summary.years)) if r.summary else None} for r in rows]),
    }
    published = {name: t for name, t in published.items() if t.rows}
    return KabupatenPage(area, province, rows, kabupaten_charts(area, [r.summary for r in rows if r.summary]),
                         guide_url, published, Downloads(kabupaten_uri(area.slug), tuple(published)),
                         nearby[0] if not any(r.summary for r in rows) else (), nearby[1])


def province_tables(province: OfficialProvince) -> dict[str, Table]:
    return {"wilayah_kabupaten": tables.table("wilayah_kabupaten", [
        {"kode_kabupaten": k.kode, "kabupaten": k.nama, "jumlah_kecamatan": len(k.kecamatan),
         "kecamatan_dengan_laporan": k.reported} for k in province.kabupaten])}


def country_tables(country) -> dict[str, Table]:
    return {"wilayah_provinsi": tables.table("wilayah_provinsi", [
        {"kode_provinsi": p.kode, "provinsi": p.nama, "jumlah_kabupaten": len(p.kabupaten),
         "jumlah_kecamatan": p.kecamatan_count, "kecamatan_dengan_laporan": p.reported} for p in country.provinces])}


LATEST_ON_HOME = 6  # the home page shows the newest reports only, so its size does not grow with the data


def latest_reports(summaries: list[KecamatanSummary]) -> list[KecamatanSummary]:
    """The kecamatan whose latest reported year is newest (ties by name), at most LATEST_ON_HOME."""
    with_year = [s for s in summaries if s.latest is not None]
    return sorted(with_year, key=lambda s: (-s.latest.year, s.name, s.slug))[:LATEST_ON_HOME]


def kabupaten_charts(area: OfficialKabupaten, summaries: list[KecamatanSummary]) -> tuple[Chart, ...]:
    """Mean capaian and budget absorption of each kecamatan's latest year, as two charts: a shared axis would
    invite reading 95 % capaian against 95 % absorption as if they were one quantity."""
    latest = [(k, k.latest) for k in summaries if k.latest is not None]
    names = [f"{k.name} ({y.year})" for k, y in latest]
    quantities = [("capaian", "Rata-rata capaian kinerja tahun terakhir yang dilaporkan.",
                   [y.capaian_mean for _, y in latest]),
                  ("penyerapan", "Penyerapan anggaran tahun terakhir yang dilaporkan.", [y.penyerapan for _, y in latest])]
    return tuple(charts.grouped_bars(f"kab-{area.slug}-{key}", caption, names, {caption: values}, suffix=" %",
                                     horizontal=True)
                 for key, caption, values in quantities if latest and any(v is not None for v in values))


@dataclass(frozen=True)
class ComparisonRow:
    kec: KecamatanSummary
    indicator: Indicator
    by_year: dict[int, IndicatorYear]
    notes: tuple[str, ...]
    scale_id: str
    efisiensi_id: str
    cell_notes: dict[int, str]  # year -> why this figure is not comparable with the others
    scale_name: str = ""
    efisiensi_name: str = ""


def method_text(item: IndicatorYear) -> str:
    return item.measurement.text if item.measurement else "cara mengukur tidak disebut laporan"


def method_spans(history: dict[int, IndicatorYear]) -> list[str]:
    """'2020–2021: A; 2022–2023: B' over the reported years, so a change of method is visible."""
    spans: list[tuple[list[int], str]] = []
    for year, item in sorted(history.items()):
        if not item.realised:
            continue
        text = method_text(item)
        if spans and spans[-1][1] == text:
            spans[-1][0].append(year)
        else:
            spans.append(([year], text))
    return [f"{ys[0]}–{ys[-1]}: {text}" if len(ys) > 1 else f"{ys[0]}: {text}" for ys, text in spans]


@dataclass(frozen=True)
class Comparison:
    canon: CanonicalIndicator
    rows: tuple[ComparisonRow, ...]
    years: tuple[int, ...]
    uniform_scale: Scale


def comparisons(reference: Reference, summaries: list[KecamatanSummary]) -> list[Comparison]:
    out = []
    for canon in reference.canonical.values():
        rows = []
        for kec in summaries:
            series = kec.comparable.get(canon.id)
            if series is None:
                continue
            ind = series.indicator
            notes = []
            if ind.satuan.strip().lower() not in canon.satuan.lower():
                notes.append(f"satuan di laporan: “{ind.satuan}”")
            by_year = {h.year: h for h in series.history}
            spans = method_spans(by_year)
            if spans:
                notes.append("cara mengukur: " + "; ".join(spans))
            scale = reference.scales.get(kec.scale_id)
            formula = reference.efisiensi.get(kec.efisiensi_id)
            rows.append(ComparisonRow(kec, ind, by_year, tuple(notes), kec.scale_id, kec.efisiensi_id, {},
                                      scale.nama if scale else kec.scale_id, formula.nama if formula else kec.efisiensi_id))
        if not rows:
            continue
        methods = methods_in(rows)
        rows = [mark_incomparable(r, methods) for r in rows]
        rows.sort(key=lambda r: (r.kec.region.provinsi.kode, r.kec.region.kode, r.kec.name))
        years = sorted({y for r in rows for y, h in r.by_year.items() if h.status == Status.REALISED})
        out.append(Comparison(canon, tuple(rows), tuple(years), reference.scales[reference.uniform_scale]))
    return out


ROWS_PER_PAGE = 50  # a comparison over more kecamatan is paged, so no page grows with the data
CHART_MAX_ROWS = 12  # more bars than this are unreadable on a phone; the table holds the figures


@dataclass(frozen=True)
class PageLink:
    label: str
    uri: str
    current: bool


@dataclass(frozen=True)
class ComparisonPage:
    comp: Comparison  # with this page's rows only
    total_rows: int
    pages: tuple[PageLink, ...]  # empty when one page holds every row
    chart: Chart | None
    tables: dict[str, Table]
    downloads: Downloads
    verdict: str = ""  # in one sentence: how many of the figures can be compared directly


def comparability(comp: Comparison) -> tuple[int, int]:
    """(figures measured in a way the reports name and share, figures reported) on this page."""
    reported = [(r, y) for r in comp.rows for y, h in r.by_year.items() if h.realised]
    return sum(1 for r, y in reported if not r.cell_notes.get(y)), len(reported)


def comparison_verdict(comp: Comparison) -> str:
    comparable, reported = comparability(comp)
    if not reported:
        return ""
    if comparable == reported:
        return f"Semua {reported} angka di tabel ini diukur dengan cara yang sama dan dapat dibandingkan langsung."
    if comparable == 0:
        return (f"Tidak satu pun dari {reported} angka di tabel ini dapat dibandingkan langsung: cara mengukurnya "
                "tidak disebut laporan, atau berbeda dari kecamatan ke kecamatan (lihat catatan di tiap angka).")
    return (f"Hanya {comparable} dari {reported} angka di tabel ini dapat dibandingkan langsung; yang lain ditandai "
            "karena cara mengukurnya tidak disebut atau berbeda.")


def comparison_table(comp: Comparison) -> Table:
    rows = []
    for r in comp.rows:
        for year, h in sorted(r.by_year.items()):
            rows.append({
                "indikator_bersama": comp.canon.id, "kabupaten": r.kec.region.title, "kecamatan": r.kec.name,
                "indikator": r.indicator.nama, "satuan": r.indicator.satuan, "tahun": year,
                "status_kode": str(h.status), "target": _numeric(h.target), "realisasi": _numeric(h.realisasi),
                "realisasi_predikat": h.realisasi if isinstance(h.realisasi, str) else None,
                "capaian_seragam_persen": tables.shown(h.capaian_uniform),
                "penilaian_seragam": h.rating_uniform.label if h.rating_uniform else None,
                "cara_mengukur": h.measurement.text if h.measurement else None,
                "catatan_keterbandingan": r.cell_notes.get(year)})
    return tables.table("banding", rows)


def comparison_pages(comp: Comparison) -> list[ComparisonPage]:
    """The comparison in pages of at most ROWS_PER_PAGE kecamatan (ordered by provinsi and kabupaten), each
    labelled with the provinsi it covers."""
    chunks = [comp.rows[i:i + ROWS_PER_PAGE] for i in range(0, len(comp.rows), ROWS_PER_PAGE)] or [()]

    def label(rows) -> str:
        first, last = rows[0].kec.region.provinsi.nama, rows[-1].kec.region.provinsi.nama
        return first if first == last else f"{first} – {last}"

    out = []
    for page_number, rows in enumerate(chunks, start=1):
        links = tuple(PageLink(f"{n}. {label(c)}", comparison_uri(comp.canon.id, n), n == page_number)
                      for n, c in enumerate(chunks, start=1)) if len(chunks) > 1 else ()
        part = Comparison(comp.canon, rows, comp.years, comp.uniform_scale)
        uri = comparison_uri(comp.canon.id, page_number)
        out.append(ComparisonPage(part, len(comp.rows), links, comparison_chart(part), {"banding": comparison_table(part)},
                                  Downloads(uri, ("banding",)), comparison_verdict(part)))
    return out


def comparison_chart(comp: Comparison) -> Chart | None:
    if comp.canon.jenis != "numerik" or not comp.years or not comp.rows or len(comp.rows) > CHART_MAX_ROWS:
        return None
    series_values = {r.kec.name: [_numeric(r.by_year[y].realisasi) if y in r.by_year else None for y in comp.years]
                     for r in comp.rows}
    if not any(v is not None for values in series_values.values() for v in values):
        return None
    # Bars side by side say the figures compare: the caption (also the title of the downloaded image) says when not.
    comparable, reported = comparability(comp)
    caveat = ("" if comparable == reported else
              " Tidak satu pun angka di grafik ini dapat dibandingkan langsung (cara mengukurnya tidak disebut atau "
              "berbeda); lihat catatan di tabel." if comparable == 0 else
              f" {reported - comparable} dari {reported} angka belum tentu sebanding (cara mengukurnya tidak disebut "
              "atau berbeda); tandanya ada di tabel.")
    return charts.grouped_bars(f"banding-{comp.canon.id}",
                               f"{comp.canon.nama}: realisasi tiap kecamatan per tahun.{caveat}",
                               [str(y) for y in comp.years], series_values)


def methods_in(rows: list[ComparisonRow]) -> set[tuple]:
    """The instruments the reported figures of a comparison were measured with (those the report names)."""
    return {h.measurement.key for r in rows for h in r.by_year.values() if h.realised and h.measurement}


def mark_incomparable(row: ComparisonRow, methods: set[tuple]) -> ComparisonRow:
    """Say at each figure why it may not be comparable: its method is unnamed, or the table holds several."""
    notes = {}
    for year, item in row.by_year.items():
        if not item.realised:
            continue
        if item.measurement is None:
            notes[year] = "cara mengukur tidak disebut: belum tentu sebanding"
        elif len(methods) > 1:
            notes[year] = (f"diukur dengan {item.measurement.text}: tidak sebanding dengan angka yang diukur "
                           "dengan cara lain")
    return ComparisonRow(row.kec, row.indicator, row.by_year, row.notes, row.scale_id, row.efisiensi_id, notes,
                         row.scale_name, row.efisiensi_name)


# --------------------------------------------------------------------------
# Methodology
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ScaleRow:
    kode: str
    label: str
    tone: str
    range: str  # the values the level covers, in words


def _bound(value: Decimal) -> str:
    return number(value, 4 if value < 1 else 2)


def scale_rows(scale: Scale) -> list[ScaleRow]:
    """Each level with the range of values it covers, closed or open as the scale declares."""
    rows = []
    for i, level in enumerate(scale.levels):
        upper = scale.levels[i - 1].min if i else None
        if level.min is None:
            text = ("kurang dari " if scale.inclusive else "sampai dengan ") + _bound(upper)
        elif upper is None:
            text = ("sama dengan atau lebih dari " if scale.inclusive else "lebih dari ") + _bound(level.min)
        elif scale.inclusive:
            text = f"{_bound(level.min)} sampai kurang dari {_bound(upper)}"
        else:
            text = f"lebih dari {_bound(level.min)} sampai dengan {_bound(upper)}"
        rows.append(ScaleRow(level.kode, level.label, tone(i, len(scale.levels)), text))
    return rows


def scale_table(scales: list[Scale]) -> Table:
    return tables.table("skala", [
        {"skala_id": s.id, "skala": s.nama, "kode": level.kode, "label": level.label, "batas_bawah": level.min,
         "batas_bawah_inklusif": s.inclusive, "berlaku_untuk": row.range}
        for s in scales for level, row in zip(s.levels, scale_rows(s))])


def ordinal_example(scale: Scale) -> str:
    """'D = 1, C = 2, ...': positions on an ordinal scale counted from the bottom."""
    return ", ".join(f"{level.kode} = {rank}" for rank, level in enumerate(reversed(scale.levels), start=1))


@dataclass(frozen=True)
class TopLevel:
    scale: str
    label: str
    min: Decimal


def top_level(scale: Scale) -> TopLevel:
    """The highest level of a scale and where it starts (the methodology's example of rating vs target)."""
    return TopLevel(scale.nama, scale.levels[0].label, scale.levels[0].min)


# --------------------------------------------------------------------------
# Open data
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class DownloadFile:
    uri: str
    title: str
    description: str
    size: int  # bytes
    rows: int | None  # data rows of a CSV


def download_list(files: PageStore, counts: dict[str, int]) -> list[DownloadFile]:
    """The whole-data files with their size and row count, in the order of the data package."""
    out = []
    for name in exports.NATIONAL:
        schema = tables.schemas()[name]
        uri = f"unduh/{name}.csv"
        out.append(DownloadFile(uri, schema.title, schema.description, files.size_of(uri), counts[name]))
    out.append(DownloadFile("unduh/ringkasan.json", "Ringkasan per kecamatan",
                            "Ringkasan tiap kecamatan tiap tahun beserta temuan audit (JSON).",
                            files.size_of("unduh/ringkasan.json"), None))
    out.append(DownloadFile("unduh/datapackage.json", "Paket data (Frictionless Data Package)",
                            "Daftar berkas di atas dengan skema tabel, lisensi dan sumbernya.",
                            files.size_of("unduh/datapackage.json"), None))
    return out


@dataclass(frozen=True)
class DictionaryTable:
    schema: tables.Schema
    national: bool  # also published as one whole-data file (with the location columns first)


def location_columns() -> tuple[tables.Column, ...]:
    return tables.location_columns()


def dictionary() -> list[DictionaryTable]:
    return [DictionaryTable(s, s.name in exports.NATIONAL) for s in tables.schemas().values()]


# --------------------------------------------------------------------------
# The history of the data
# --------------------------------------------------------------------------

HISTORY_ROWS = 40  # changed figures listed per commit; the rest are counted


@dataclass(frozen=True)
class HistoryItem:
    date: dt.date
    title: str  # in Indonesian, from the figures that changed (a commit's own title is the developer's words)
    commit: str
    changes: tuple  # the changed figures shown (at most HISTORY_ROWS)
    more: int  # changed figures not listed
    problem: str


def history_items(history) -> tuple[list[HistoryItem], int]:
    """The commits that changed figures, newest first, each titled by what changed; and how many commits changed
    only text, notes or sources (counted, not listed)."""
    items, quiet = [], 0
    for e in history.entries:
        r = e.result
        if e.problem:
            items.append(HistoryItem(e.date.date(), "Data tidak sah pada versi ini", e.commit, (), 0, e.problem))
            continue
        if not r:
            quiet += 1
            continue
        parts = []
        if r.changes:
            where = list(dict.fromkeys(f"{c.kecamatan} {c.year}" for c in r.changes))
            shown = ", ".join(where[:3]) + (f" dan {len(where) - 3} lainnya" if len(where) > 3 else "")
            parts.append(f"{len(r.changes)} angka berubah ({shown})")
        if r.added_kecamatan:
            parts.append("kecamatan baru: " + ", ".join(r.added_kecamatan))
        if r.removed_kecamatan:
            parts.append("kecamatan dihapus: " + ", ".join(r.removed_kecamatan))
        title = "; ".join(parts)
        items.append(HistoryItem(e.date.date(), title[:1].upper() + title[1:], e.commit,
                                 tuple(r.changes[:HISTORY_ROWS]), max(0, len(r.changes) - HISTORY_ROWS), ""))
    return items, quiet
