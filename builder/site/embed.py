"""Each chart also on a page of its own, for an <iframe> on another site ("sematkan").

`add(pages, renderer, uri, view)` is called for a page before it is rendered: it tells each chart of the view
where its embed page is (the chart macro links to it) and adds that page to the page map, as a finished HTML
file (bytes, written as they are: no MkDocs theme, no search index, no sitemap).

The embed page of a chart is `grafik/<page>_<chart id>.html` (urls.embed_uri): the parts of the page's uri without
`wilayah/`, `.md` and a folder's `/index`, and the chart's id, each flattened to lower-case words joined by '-', joined
by '_' (`wilayah/bengkalis/rupat-utara/2023.md` + `capaian` -> `grafik/bengkalis_rupat-utara_2023_capaian.html`), so
two folders never meet in one name. All parts are stable names (slugs, years, indicator ids), so the URL stays the
same from build to build; the page store refuses a second writer of any path.
The chart ids of each kind of page start differently (`capaian`..`idm` on a year page, `lintasan-` on a
kecamatan page, `kab-` and `banding-` on the pages over many kecamatan), so two kinds never meet in one name.
"""

from __future__ import annotations

import html
import posixpath

from markupsafe import Markup

from . import views
from .charts import Chart
from .render import Renderer
from .urls import EMBED_FOLDER as FOLDER, embed_uri, html_path
TEMPLATE = "grafik.html.j2"
SITE = "Kinerja Kecamatan"


def _about(view) -> tuple[str, str, list[Chart]]:
    """(title of the page, what its figures come from, its charts) for each kind of page with charts."""
    if isinstance(view, views.YearPage):
        report = view.year.report
        source = report.judul if report else f"laporan kinerja Kecamatan {view.kec.name} tahun {view.year.year}"
        return (f"Kecamatan {view.kec.name} — kinerja {view.year.year}", source,
                [c for c in view.charts.values() if c])
    if isinstance(view, views.KecamatanPage):
        titles = list(dict.fromkeys(y.report.judul for y in view.kec.years if y.report))
        return (f"Kecamatan {view.kec.name}", "; ".join(titles) or f"laporan kinerja Kecamatan {view.kec.name}",
                [t.chart for t in view.trajectories if t.chart])
    if isinstance(view, views.KabupatenPage):
        return (view.area.nama, f"laporan kinerja kecamatan di {view.area.nama} (tahun terakhir tiap kecamatan)",
                list(view.charts))
    if isinstance(view, views.ComparisonPage):
        return (f"{view.comp.canon.nama} — perbandingan antarkecamatan", "laporan kinerja tiap kecamatan",
                [view.chart] if view.chart else [])
    raise TypeError(f"no charts known on a {type(view).__name__}")


def add(pages: dict, renderer: Renderer, uri: str, view) -> None:
    """Before the page at `uri` is rendered from `view`: link its charts to their embed pages, and add those."""
    title, source, charts = _about(view)
    page_dir = posixpath.dirname(uri) or "."
    page_href = posixpath.relpath(html_path(uri), FOLDER)
    template = renderer.env.get_template(TEMPLATE)
    for chart in charts:
        target = embed_uri(uri, chart.id)
        chart.embed_href = posixpath.relpath(target, page_dir)
        pages[target] = template.render(ch=chart, title=title, source=source, site=SITE,
                                        page_href=Markup(html.escape(f"{page_href}#{chart.anchor}"))).encode("utf-8")
