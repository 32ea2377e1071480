"""The page map: which page is made from which view and template, at which uri.

A kecamatan's pages are rendered as soon as its results are ready
(`Site.add`); pages over many kecamatan are rendered at the end from the
small summaries kept of each (`Site.finish`). So a build holds one
kecamatan's results at a time, whatever the size of the country.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis.results import Country, KecamatanResult, Reference
from ..audit import Finding
from ..provenance import SourceText
from . import embed, exports, tables, urls, views
from .exports import OpenData
from .render import Renderer
from .store import PageStore

Pages = PageStore  # {uri: Markdown text, or any other file's text or bytes, kept on disk}


@dataclass(frozen=True)
class Publication:
    """Where the site and its data are published: what links and citations point at."""

    repo_url: str | None = None
    site_url: str | None = None  # the published site's root (mkdocs.yml site_url); None: no absolute links
    data_link: str | None = None  # a line of a data file in the repository, "{repo_url}/blob/{commit}/{path}#L{line}"

    def page_url(self, uri: str) -> str | None:
        return self.site_url.rstrip("/") + "/" + urls.html_path(uri) if self.site_url else None


@dataclass
class SitePart:
    """What the build of some provinsi (a shard) hands to the build of the pages over every kecamatan: the
    summaries and open-data rows of its kecamatan, and the areas it has data of."""

    country: Country
    summaries: list[views.KecamatanSummary]
    open_data: tuple


class Site:
    def __init__(self, reference: Reference, country: Country, publication: Publication | None = None,
                 renderer: Renderer | None = None, fields: tuple = ()):
        self.reference = reference
        self.fields = fields  # the field reference of the data files (builder.schema.field_reference)
        self.country = country
        self.publication = publication or Publication()
        self.repo_url = self.publication.repo_url
        self.renderer = renderer or Renderer()
        self.pages: Pages = PageStore()
        self.summaries: list[views.KecamatanSummary] = []
        self.open_data = OpenData()

    def add(self, kec: KecamatanResult, findings: dict[int, list[Finding]], sources: list[SourceText] = ()) -> None:
        """Render one kecamatan's pages (with the source pages of its data files) and keep its summary for the
        pages over many kecamatan."""
        page, pub = self.renderer.page, self.publication
        by_path = {s.path: s for s in sources}
        for source in sources:
            uri = urls.source_uri(source.path)
            self.pages[uri] = page(uri, "sumber.html.j2", view=views.source_page(source, kec, pub.data_link)).encode()
        uri = views.kecamatan_uri(kec.slug)
        reports = "; ".join(r.judul for r in kec.profile.reports) or None
        view = views.kecamatan_page(kec, views.citation(f"Kecamatan {kec.name}: kinerja dari tahun ke tahun", reports,
                                                        uri, pub.page_url(uri), sources))
        embed.add(self.pages, self.renderer, uri, view)  # before rendering: the charts link to their embed pages
        self.pages[uri] = page(uri, "kecamatan.md.j2", view=view)
        self.pages.update(exports.page_files(uri, view.tables, exports.about_kecamatan(kec)))
        year_tables = {}
        for year in kec.years:
            uri = views.year_uri(kec.slug, year.year)
            view = views.year_page(kec, year, findings[year.year],
                                   views.SourceLinks(by_path.get(tables.year_file(kec, year.year)), pub.data_link),
                                   views.citation(f"Kecamatan {kec.name} — kinerja {year.year}",
                                                  year.report.judul if year.report else None, uri, pub.page_url(uri),
                                                  [by_path[p] for p in by_path if p.endswith(f"/{year.year}.yaml")
                                                   or not p.rsplit("/", 1)[-1][:4].isdigit()]))
            embed.add(self.pages, self.renderer, uri, view)
            self.pages[uri] = page(uri, "tahun.md.j2", view=view)
            self.pages.update(exports.page_files(uri, view.tables, exports.about_year(kec, year), workbook=True))
            year_tables[year.year] = view.tables
        self.summaries.append(views.summary_of(kec, findings))
        self.open_data.add(kec, year_tables, findings)

    def blank(self) -> "Site":
        """An empty site for one part of the data (sharing this one's renderer), to absorb once rendered."""
        return Site(self.reference, Country(()), self.publication, self.renderer)

    def mark(self, country: Country) -> None:
        """Mark the areas a part of the data has (its kabupaten are added one part at a time)."""
        self.country = self.country.with_ours(country)

    def part(self) -> SitePart:
        return SitePart(self.country, self.summaries, self.open_data.part())

    def absorb(self, part: SitePart, pages: Pages | None = None) -> None:
        """Take in a part, as if its kecamatan had been added here: with their pages, or without (a shard's pages
        stay with the shard)."""
        self.pages.absorb(pages or {})
        self.mark(part.country)
        self.summaries.extend(part.summaries)
        self.open_data.absorb(part.open_data)

    def finish(self, history=None) -> Pages:
        """The pages over many kecamatan, and everything rendered so far."""
        page, ref = self.renderer.page, self.reference
        summaries = sorted(self.summaries, key=lambda s: s.slug)
        by_slug = {s.slug: s for s in summaries}
        country = self.country
        guide_url = self.repo_url.rstrip("/") + "/blob/main/CONTRIBUTING.md" if self.repo_url else None
        pages = self.pages
        pages["index.md"] = page("index.md", "home.md.j2", country=country,
                                 latest=views.latest_reports(summaries))
        published = views.country_tables(country)
        pages["wilayah/index.md"] = page("wilayah/index.md", "wilayah.md.j2", country=country,
                                         downloads=views.Downloads("wilayah/index.md", tuple(published)))
        pages.update(exports.page_files("wilayah/index.md", published, exports.about_area("wilayah/index.md", "Wilayah")))
        for province in country.provinces:
            nearby = views.nearby_reports(province, summaries)
            uri = views.province_uri(province.slug)
            published = views.province_tables(province)
            pages[uri] = page(uri, "provinsi.md.j2", province=province, downloads=views.Downloads(uri, tuple(published)))
            pages.update(exports.page_files(uri, published, exports.about_area(uri, f"Provinsi {province.nama}")))
            for area in province.kabupaten:
                uri = views.kabupaten_uri(area.slug)
                view = views.kabupaten_page(area, province, by_slug, guide_url, nearby)
                embed.add(pages, self.renderer, uri, view)
                pages[uri] = page(uri, "kabupaten.md.j2", view=view)
                pages.update(exports.page_files(uri, view.tables, exports.about_area(uri, area.nama)))
        comparisons = views.comparisons(ref, summaries)
        pages["indikator/index.md"] = page("indikator/index.md", "indikator_index.md.j2", comparisons=comparisons)
        for comp in comparisons:
            for number, part in enumerate(views.comparison_pages(comp), start=1):
                uri = views.comparison_uri(comp.canon.id, number)
                embed.add(pages, self.renderer, uri, part)
                pages[uri] = page(uri, "indikator.md.j2", view=part)
                pages.update(exports.page_files(uri, part.tables, exports.about_area(uri, comp.canon.nama)))
        published = {"skala": views.scale_table(list(ref.scales.values()))}
        pages.update(exports.page_files("metodologi.md", published, exports.about_area("metodologi.md", "Metodologi")))
        pages["metodologi.md"] = page(
            "metodologi.md", "metodologi.md.j2", ref=ref, downloads=views.Downloads("metodologi.md", ("skala",)),
            scales=[(scale, views.scale_rows(scale)) for scale in ref.scales.values()],
            ordinal_example=views.ordinal_example(ref.scales[ref.roles["akip"]]),
            top_level=views.top_level(ref.scales[ref.uniform_scale]), glossary=views.glossary())
        self.open_data.write(pages)
        pages[exports.api_uri("index.md")] = exports.dumps(exports.api_index(summaries))
        pages["unduh/index.md"] = page("unduh/index.md", "unduh.md.j2", files=views.download_list(pages, self.open_data.counts),
                                       licence=exports.LICENCE, code_licence=exports.CODE_LICENCE, sources=exports.SOURCES)
        pages["kamus-data.md"] = page("kamus-data.md", "kamus_data.md.j2", tables=views.dictionary(),
                                    location=views.location_columns())
        if self.fields:
            pages["rujukan-kolom.md"] = page("rujukan-kolom.md", "rujukan_kolom.md.j2", files=self.fields)
        example = summaries[0] if summaries and summaries[0].years else None
        pages["api.md"] = page("api.md", "api.md.j2", example=example, index=exports.api_uri("index.md"))
        if history is not None:
            commit_url = self.repo_url.rstrip("/") + "/commit/" if self.repo_url else ""
            items, quiet = views.history_items(history) if history.available else ([], 0)
            pages["riwayat.md"] = page("riwayat.md", "riwayat.md.j2", history=history, items=items, quiet=quiet,
                                       commit_url=commit_url)
        return pages
