"""Stage 4, render: the computed model -> {page uri: Markdown/bytes}.

Pages are Markdown with HTML blocks for tables, badges and charts. Every
string from the data goes through Jinja's autoescape (HTML) and, where it
lands in Markdown syntax, the `md` filter; narrative Markdown from the data
is rendered with its HTML escaped first (`narrative`), so no data string can
inject markup or script.
"""

from __future__ import annotations

import csv
from collections import defaultdict
import html
import io
import json
import posixpath
import re
from decimal import Decimal
from pathlib import Path

import markdown as markdown_lib
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import charts
from . import compute as c
from . import formatting as fmt
from .analysis import IndicatorYear, KecamatanResult, SiteModel, YearResult

TEMPLATES = Path(__file__).resolve().parent / "templates"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")


def md(text: object) -> Markup:
    """Escape a data string for Markdown inline context (and HTML)."""
    escaped = html.escape(str(text), quote=False)
    return Markup(_MD_SPECIAL.sub(r"\\\1", escaped))


def narrative(text: str | None) -> Markup:
    """Data Markdown -> HTML, with any HTML in the data shown as text."""
    if not text:
        return Markup("")
    return Markup(markdown_lib.markdown(html.escape(text, quote=False), extensions=["sane_lists"]))


def value_text(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, Decimal):
        return fmt.number(value)
    return str(value)


class Renderer:
    def __init__(self, model: SiteModel, repo_url: str | None = None, history=None):
        self.model = model
        self.repo_url = repo_url
        self.history = history
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(
            md=md, narrative=narrative, num=fmt.number, pct=fmt.percent, rp=fmt.rupiah,
            rp_short=fmt.rupiah_short, date=fmt.date, value=value_text,
        )
        self.env.globals.update(signed=self.signed, c=c, fmt=fmt)
        self.current = ""

    # -- links ---------------------------------------------------------------

    def href(self, target: str) -> str:
        """Relative URL from the page being rendered to another page (use_directory_urls: false)."""
        target_html = re.sub(r"\.md$", ".html", target)
        base = posixpath.dirname(self.current)
        return posixpath.relpath(target_html, base or ".")

    def rel(self, target: str) -> str:
        """Relative Markdown link to another page's .md (MkDocs checks and converts it)."""
        return posixpath.relpath(target, posixpath.dirname(self.current) or ".")

    @staticmethod
    def signed(value: Decimal | None, unit: str = "") -> str:
        if value is None:
            return "–"
        sign = "+" if value > 0 else ("−" if value < 0 else "±")
        return f"{sign}{fmt.number(abs(value))}{unit}"

    def page(self, uri: str, template: str, **context) -> str:
        self.current = uri
        context.setdefault("charts_json", [])
        return self.env.get_template(template).render(href=self.href, rel=self.rel, uri=uri, site=self.model, **context)

    # -- the pages -----------------------------------------------------------

    def render(self) -> dict[str, str | bytes]:
        pages: dict[str, str | bytes] = {}
        model = self.model
        by_kab: dict[str, list[KecamatanResult]] = {}
        for kec in model.kecamatan:
            by_kab.setdefault(kec.source.kabupaten_slug, []).append(kec)
        pages["index.md"] = self.page("index.md", "home.md.j2", kecamatan=model.kecamatan)
        pages["wilayah/index.md"] = self.page("wilayah/index.md", "wilayah.md.j2", provinces=self.provinces(by_kab))
        for kab_slug, kecs in by_kab.items():
            kab = model.dataset.kabupaten[kab_slug].model
            uri = f"wilayah/{kab_slug}/index.md"
            pages[uri] = self.page(uri, "kabupaten.md.j2", kab=kab, kecamatan=kecs,
                                   chart=self.kabupaten_chart(kab_slug, kecs))
            for kec in kecs:
                uri = f"wilayah/{kec.slug}/index.md"
                pages[uri] = self.page(uri, "kecamatan.md.j2", kec=kec, trajectories=self.trajectories(kec))
                for year in kec.years:
                    uri = f"wilayah/{kec.slug}/{year.year}.md"
                    pages[uri] = self.page(uri, "tahun.md.j2", kec=kec, year=year, charts=self.year_charts(year))
        comparisons = self.comparisons()
        pages["indikator/index.md"] = self.page("indikator/index.md", "indikator_index.md.j2", comparisons=comparisons)
        for comp in comparisons:
            uri = f"indikator/{comp['canon'].id}.md"
            pages[uri] = self.page(uri, "indikator.md.j2", comp=comp)
        pages["metodologi.md"] = self.page("metodologi.md", "metodologi.md.j2", ref=model.referensi)
        pages["unduh/index.md"] = self.page("unduh/index.md", "unduh.md.j2")
        if self.history is not None:
            pages["riwayat.md"] = self.page("riwayat.md", "riwayat.md.j2", history=self.history,
                                            commit_url=(self.repo_url or "").rstrip("/") + "/commit/" if self.repo_url else "")
        pages.update(self.open_data())
        return pages

    def provinces(self, by_kab):
        provinces: dict[str, dict] = {}
        for kab_slug, kecs in sorted(by_kab.items()):
            kab = self.model.dataset.kabupaten[kab_slug].model
            entry = provinces.setdefault(kab.provinsi.kode, {"provinsi": kab.provinsi, "kabupaten": []})
            entry["kabupaten"].append({"slug": kab_slug, "model": kab, "kecamatan": kecs})
        return sorted(provinces.values(), key=lambda p: p["provinsi"].nama)

    # -- charts --------------------------------------------------------------

    def year_charts(self, year: YearResult) -> dict[str, charts.Chart]:
        out: dict[str, charts.Chart] = defaultdict(lambda: None)  # templates test charts.<name>
        measured = [i for i in year.indicators if i.capaian is not None]
        if measured:
            out["capaian"] = charts.capaian_bars(
                "capaian", f"Capaian tiap indikator tahun {year.year} (garis putus-putus: 100 %).",
                [i.indikator.nama for i in measured], [i.capaian for i in measured])
        if year.programs and year.budget_pagu:
            nodes = [("root", "", "Semua program", year.budget_pagu, year.penyerapan)]
            for pi, program in enumerate(year.programs):
                pid = f"p{pi}"
                nodes.append((pid, "root", program.model.nama, program.pagu, program.penyerapan))
                for ki, child in enumerate(program.children):
                    if child.pagu and child.pagu > 0:
                        nodes.append((f"{pid}k{ki}", pid, child.model.nama, child.pagu, child.penyerapan))
            if self._treemap_consistent(nodes):
                out["anggaran"] = charts.budget_treemap(
                    "anggaran", "Pagu anggaran per program dan kegiatan (luas kotak) dan penyerapannya (warna).",
                    "Semua program", nodes)
        with_budget = [i for i in year.indicators if i.penyerapan is not None and i.capaian is not None]
        if with_budget:
            out["efisiensi"] = charts.absorption_vs_capaian(
                "efisiensi", "Penyerapan anggaran dibandingkan capaian kinerja (di atas garis titik-titik: capaian lebih tinggi dari serapan).",
                [i.indikator.nama for i in with_budget], [i.penyerapan for i in with_budget],
                [i.capaian for i in with_budget])
        if year.ikm and year.ikm.model.unsur:
            out["ikm"] = charts.grouped_bars(
                "ikm", "Nilai rata-rata (NRR, skala 1–4) tiap unsur pelayanan.",
                [u.nama for u in year.ikm.model.unsur], {"NRR": [u.nrr for u in year.ikm.model.unsur]},
                horizontal=True)
        if year.desa:
            out["idm"] = charts.grouped_bars(
                "idm", "Indeks Desa Membangun tiap desa; komponennya (IKS, IKE, IKL) ada di tabel.",
                [d.model.nama for d in year.desa], {"IDM": [d.idm for d in year.desa]}, horizontal=True)
        return out

    @staticmethod
    def _treemap_consistent(nodes) -> bool:
        """Plotly's 'total' treemap needs children that do not exceed their parent."""
        totals: dict[str, Decimal] = {}
        values = {n[0]: n[3] for n in nodes}
        for node_id, parent, *_ in nodes:
            if parent:
                totals[parent] = totals.get(parent, Decimal(0)) + values[node_id]
        return all(total <= values[parent] + Decimal("0.5") for parent, total in totals.items())

    def trajectories(self, kec: KecamatanResult) -> list[dict]:
        out = []
        for ind_id, history in kec.history.items():
            ind = history[-1].indikator
            years = [h.year for h in history]
            numeric = ind.jenis == "numerik"
            chart = None
            if numeric and any(isinstance(h.realisasi, Decimal) for h in history):
                chart = charts.trajectory(
                    f"lintasan-{ind_id}", f"{ind.nama}: target Renstra per tahun dan realisasi.", years,
                    [h.target_renstra if isinstance(h.target_renstra, Decimal) else None for h in history],
                    [h.realisasi if isinstance(h.realisasi, Decimal) else None for h in history],
                    ind.satuan, ind.target_akhir if isinstance(ind.target_akhir, Decimal) else None)
            latest = next((h for h in reversed(history) if h.status == "terealisasi"), None)
            out.append({"id": ind_id, "indikator": ind, "history": history, "chart": chart, "latest": latest})
        return out

    def kabupaten_chart(self, kab_slug: str, kecs: list[KecamatanResult]):
        latest = [(k, k.latest) for k in kecs if k.latest is not None]
        if len(latest) < 1:
            return None
        return charts.grouped_bars(
            f"kab-{kab_slug}", "Rata-rata capaian dan penyerapan anggaran tahun terakhir yang dilaporkan.",
            [f"{k.name} ({y.year})" for k, y in latest],
            {"Rata-rata capaian (%)": [y.capaian_mean for _, y in latest],
             "Penyerapan anggaran (%)": [y.penyerapan for _, y in latest]}, suffix=" %")

    # -- comparisons ---------------------------------------------------------

    def comparisons(self) -> list[dict]:
        ref = self.model.referensi
        out = []
        for canon in ref.indikator.values():
            rows = []
            for kec in self.model.kecamatan:
                for ind_id, history in kec.history.items():
                    ind = history[-1].indikator
                    if ind.kanonik != canon.id:
                        continue
                    notes = []
                    if ind.satuan.strip().lower() not in canon.satuan.lower():
                        notes.append(f"satuan di laporan: “{ind.satuan}”")
                    if ind.polaritas != canon.polaritas or ind.jenis != canon.jenis:
                        notes.append("polaritas/jenis berbeda")
                    rows.append({"kec": kec, "indikator": ind, "history": history, "notes": notes})
            if not rows:
                continue
            years = sorted({h.year for r in rows for h in r["history"] if h.status == "terealisasi"})
            chart = None
            if canon.jenis == "numerik" and years:
                series = {}
                for r in rows:
                    by_year = {h.year: h.realisasi for h in r["history"]}
                    series[r["kec"].name] = [by_year.get(y) if isinstance(by_year.get(y), Decimal) else None for y in years]
                chart = charts.grouped_bars(f"banding-{canon.id}", f"{canon.nama}: realisasi tiap kecamatan per tahun.",
                                            [str(y) for y in years], series)
            out.append({"canon": canon, "rows": rows, "years": years, "chart": chart})
        return out

    # -- open data -----------------------------------------------------------

    def open_data(self) -> dict[str, bytes]:
        kinerja = io.StringIO()
        writer = csv.writer(kinerja)
        writer.writerow(["provinsi", "kabupaten", "kecamatan", "kode_kecamatan", "tahun", "indikator_id", "indikator",
                         "indikator_bersama", "satuan", "polaritas", "status", "target", "jenis_target",
                         "target_renstra", "realisasi", "capaian_persen", "penilaian", "skala", "capaian_seragam_persen",
                         "penilaian_seragam", "penyerapan_anggaran_persen", "efisiensi", "rumus_efisiensi"])
        anggaran = io.StringIO()
        budget = csv.writer(anggaran)
        budget.writerow(["kabupaten", "kecamatan", "tahun", "tingkat", "kode", "nama", "pagu", "realisasi",
                         "penyerapan_persen", "sumber"])

        def plain(value):
            if value is None:
                return ""
            if isinstance(value, Decimal):
                return str(fmt.round_half_up(value)) if value != value.to_integral_value() else str(value.normalize())
            return str(value)

        for kec in self.model.kecamatan:
            kab = kec.kabupaten
            for history in kec.history.values():
                for h in history:
                    writer.writerow([kab.provinsi.nama, kab.nama, kec.name, kec.source.profil.kode or "", h.year,
                                     h.indikator.id, h.indikator.nama, h.indikator.kanonik or "", h.indikator.satuan,
                                     h.indikator.polaritas, h.status, plain(h.target), h.target_kind,
                                     plain(h.target_renstra), plain(h.realisasi), plain(h.capaian),
                                     h.rating.label if h.rating else "", kec.method.scale_id, plain(h.capaian_uniform),
                                     h.rating_uniform.label if h.rating_uniform else "", plain(h.penyerapan),
                                     plain(h.efisiensi), kec.method.efficiency_formula])
            for year in kec.years:
                def walk(node, depth):
                    budget.writerow([kab.nama, kec.name, year.year, node.level, getattr(node.model, "kode", "") or "",
                                     getattr(node.model, "nama", None) or getattr(node.model, "jenis", ""),
                                     plain(node.pagu), plain(node.realisasi), plain(node.penyerapan),
                                     year.model.anggaran.sumber.tabel if year.model.anggaran.sumber else ""])
                    for child in node.children:
                        walk(child, depth + 1)
                for node in year.programs:
                    walk(node, 0)
        model_json = {
            "kecamatan": [
                {"slug": k.slug, "nama": k.name, "kode": k.source.profil.kode, "kabupaten": k.kabupaten.nama,
                 "provinsi": k.kabupaten.provinsi.nama,
                 "metode": {"skala": k.method.scale_id, "rumus_capaian_turun": k.method.lower_formula,
                            "rumus_efisiensi": k.method.efficiency_formula},
                 "tahun": [{"tahun": y.year, "rata_rata_capaian": plain(y.capaian_mean),
                            "indikator_tercapai": y.on_target, "indikator_diukur": y.measured,
                            "pagu": plain(y.budget_pagu), "realisasi_anggaran": plain(y.budget_realisasi),
                            "penyerapan": plain(y.penyerapan),
                            "temuan_audit": [{"tabel": f.table, "angka": f.what, "laporan": f.stated_text,
                                              "dihitung": f.computed_text, "jenis": f.kind, "penyebab": f.cause}
                                             for f in y.audit]} for y in k.years]}
                for k in self.model.kecamatan
            ]
        }
        return {
            "unduh/kinerja.csv": kinerja.getvalue().encode("utf-8"),
            "unduh/anggaran.csv": anggaran.getvalue().encode("utf-8"),
            "unduh/ringkasan.json": json.dumps(model_json, ensure_ascii=False, indent=1).encode("utf-8"),
        }


def render_site(model: SiteModel, repo_url: str | None = None, history=None) -> dict[str, str | bytes]:
    return Renderer(model, repo_url, history).render()
