"""Every chart can be saved (PNG, SVG), linked to (#grafik-...) and embedded (grafik/<name>.html in an iframe)."""

from __future__ import annotations

import json
import re
import sys
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import CHROMIUM, ROOT, draw_every_chart

sys.path.insert(0, str(ROOT / "scripts"))
from screenshots import serve  # noqa: E402

YEAR_PAGE = "wilayah/bengkalis/rupat-utara/2023.html"
needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")
CSP_LISTENER = ("window.__csp = []; document.addEventListener('securitypolicyviolation', "
                "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")


class Page(HTMLParser):
    """The chart figures of a page: their attributes, links, buttons and JSON data; and every script element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.figures: list[dict] = []
        self.scripts: list[dict] = []
        self.meta: list[dict] = []
        self.lang = None
        self.title = ""
        self._in = None  # the element whose text is collected: "data", "title", "button"
        self._data_id = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        figure = self.figures[-1] if self.figures and self.figures[-1].get("open") else None
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "meta":
            self.meta.append(a)
        elif tag == "title":
            self._in = "title"
        elif tag == "figure" and "kc-chart" in (a.get("class") or "").split():
            self.figures.append({"id": a.get("id"), "open": True, "links": [], "buttons": [], "data": {}})
        elif tag == "script":
            self.scripts.append(a)
            if "data-chart-data" in a:
                self._in, self._data_id = "data", a["data-chart-data"]
                (figure or {"data": {}})["data"][self._data_id] = ""
        elif figure and tag == "a":
            figure["links"].append(a)
        elif figure and tag == "button":
            figure["buttons"].append({**a, "text": ""})
            self._in = "button"
        elif figure and tag == "div" and "data-chart" in a:
            figure["chart"] = a

    def handle_endtag(self, tag):
        if tag in ("script", "title", "button"):
            self._in = None
        if tag == "figure" and self.figures:
            self.figures[-1]["open"] = False

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "data" and self.figures:
            self.figures[-1]["data"][self._data_id] = self.figures[-1]["data"].get(self._data_id, "") + data
        elif self._in == "button" and self.figures:
            self.figures[-1]["buttons"][-1]["text"] += data


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def link(figure: dict, cls: str) -> dict | None:
    return next((a for a in figure["links"] if cls in (a.get("class") or "").split()), None)


# -- The built site ---------------------------------------------------------------------------------------------


def test_every_chart_of_a_report_page_has_an_anchor_a_permalink_and_an_embed_page(site):
    page = parse(site / YEAR_PAGE)
    assert len(page.figures) >= 3
    ids = [f["id"] for f in page.figures]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(r"grafik-[a-z0-9-]+", i) for i in ids), ids
    for figure in page.figures:
        tautan = link(figure, "kc-tautan")
        assert tautan and tautan["href"] == "#" + figure["id"] and tautan["aria-label"] == "Tautan ke grafik ini"
        sematkan = link(figure, "kc-sematkan")
        assert sematkan, figure["id"]
        target = (site / YEAR_PAGE).parent / sematkan["href"]
        assert target.resolve().parent == (site / "grafik").resolve()
        assert re.fullmatch(r"[a-z0-9_-]+\.html", target.name), target.name
        assert target.exists(), sematkan["href"]
        embedded = parse(target)
        assert len(embedded.figures) == 1
        assert embedded.figures[0]["data"] == figure["data"]  # the same chart, with the same JSON data
        json.loads(next(iter(figure["data"].values())))
        labels = [b["text"] for b in figure["buttons"]]
        assert labels[:2] == ["Unduh PNG", "Unduh SVG"], labels
        assert all(b.get("type") == "button" for b in figure["buttons"])


def test_the_embed_page_names_are_stable(site):
    names = sorted(p.name for p in (site / "grafik").glob("*.html"))
    for expected in ("bengkalis_rupat-utara_2023_capaian.html", "bengkalis_rupat-utara_lintasan-ikm.html",
                     "bengkalis_kab-bengkalis-capaian.html", "indikator_ikm_banding-ikm.html"):
        assert expected in names, names


def test_every_chart_on_the_site_has_an_embed_page(site):
    charts = 0
    for path in site.rglob("*.html"):
        if path.parent.name == "grafik" or "kc-chart" not in path.read_text(encoding="utf-8"):
            continue
        for figure in parse(path).figures:
            charts += 1
            sematkan = link(figure, "kc-sematkan")
            assert sematkan and (path.parent / sematkan["href"]).exists(), (path, figure["id"])
    assert charts == len(list((site / "grafik").glob("*.html")))


def test_embed_pages_stand_alone(site):
    pages = sorted((site / "grafik").glob("*.html"))
    assert pages
    for path in pages:
        text = path.read_text(encoding="utf-8")
        page = parse(path)
        assert page.lang == "id" and page.title.strip(), path.name
        meta = {m.get("name") or m.get("http-equiv"): m.get("content") for m in page.meta}
        assert meta["robots"] == "noindex"
        assert meta["Content-Security-Policy"].startswith("default-src 'self'; script-src 'self';")
        # No executable inline script: every script is a file of the site, or JSON that is never run.
        for script in page.scripts:
            assert script.get("src", "").startswith("../assets/javascripts/") or \
                script.get("type") == "application/json", (path.name, script)
        assert "md-content__inner" not in text  # the search indexes that element only
        source = re.search(r'<p class="kc-sumber">Sumber: (.+?) — Kinerja Kecamatan, <a href="([^"]+)"', text)
        assert source, path.name
        full_page = path.parent / source.group(2).split("#")[0]
        assert full_page.exists(), source.group(2)
        anchor = source.group(2).split("#")[1]
        assert f'id="{anchor}"' in full_page.read_text(encoding="utf-8")


def test_embed_pages_are_not_in_the_search_index_or_the_sitemap(site):
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    indexed = sum(language["page_count"] for language in entry["languages"].values())
    with_article = sum(1 for p in site.rglob("*.html") if "md-content__inner" in p.read_text(encoding="utf-8"))
    assert indexed <= with_article  # Pagefind indexed none of the embed pages
    assert "grafik/" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_chart_captions_stay_escaped_in_embed_pages(minimal_data):
    from builder import run

    renstra = minimal_data / "wilayah/contoh/kec-contoh/renstra-2021-2026.yaml"
    text = renstra.read_text(encoding="utf-8")
    names = re.findall(r"^( +nama: )(.+)$", text, flags=re.M)
    assert names
    payload = '"<img src=x onerror=alert(1)><script>alert(2)</script>"'
    text = re.sub(r"^( +nama: ).+$", lambda m: m.group(1) + payload, text, flags=re.M)
    renstra.write_text(text, encoding="utf-8")
    pages = run(minimal_data)
    embeds = {uri: content for uri, content in pages.items() if uri.startswith("grafik/")}
    assert embeds
    for uri, content in embeds.items():
        html = content.decode("utf-8")
        assert "<img src=x" not in html and "<script>alert" not in html, uri
    assert any("&lt;img src=x" in c.decode("utf-8") for c in embeds.values())


# -- In a browser ---------------------------------------------------------------------------------------------


def open_page(browser, url, width=1280, scheme="light", touch=False):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, has_touch=touch,
                                  accept_downloads=True)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("requestfailed", lambda r: problems.append("gagal memuat " + r.url))
    page.add_init_script(CSP_LISTENER)
    page.goto(url, wait_until="networkidle")
    return context, page, problems


def first_pixel(png: bytes) -> tuple[int, ...]:
    """The top-left pixel of an 8-bit RGB(A) PNG (on the first row every filter leaves the first pixel as it is)."""
    assert png[12:16] == b"IHDR"
    depth, colour = png[24], png[25]
    assert depth == 8 and colour in (2, 6)
    data, at = b"", 8
    while at < len(png):
        length = int.from_bytes(png[at:at + 4], "big")
        kind = png[at + 4:at + 8]
        if kind == b"IDAT":
            data += png[at + 8:at + 8 + length]
        at += 12 + length
    raw = zlib.decompress(data)
    return tuple(raw[1:1 + (3 if colour == 2 else 4)])


@needs_chromium
@pytest.mark.parametrize("width, scheme", [(360, "dark"), (1280, "light")])
def test_chart_downloads_as_png_and_svg(browser, base_url, width, scheme):
    phone = width == 360
    context, page, problems = open_page(browser, base_url + YEAR_PAGE, width, scheme, touch=phone)
    page.locator("figure.kc-chart").first.scroll_into_view_if_needed()  # charts are drawn as they come near
    if not phone:  # (on a phone a bar chart stays as the builder drew it; exporting fetches plotly.js)
        page.wait_for_selector(".kc-chart__plot .main-svg", timeout=15000)
    figure = page.locator("figure.kc-chart").first
    chart_id = figure.locator("[data-chart]").get_attribute("data-chart")
    button = figure.get_by_role("button", name="Unduh PNG")
    button.wait_for(state="visible")
    with page.expect_download() as download:
        button.tap() if phone else button.click()  # a finger on a phone
    png = Path(download.value.path()).read_bytes()
    assert download.value.suggested_filename == chart_id + ".png"
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert first_pixel(png)[:3] == (255, 255, 255)  # on white, even when the page is dark
    with page.expect_download() as download:
        figure.get_by_role("button", name="Unduh SVG").click()
    svg = Path(download.value.path()).read_bytes()
    assert download.value.suggested_filename == chart_id + ".svg"
    assert svg.lstrip().startswith((b"<svg", b"<?xml"))
    assert b"#1f2937" in svg or b"rgb(31, 41, 55)" in svg  # the light palette's ink, whatever the page's
    figure.locator(".kc-chart__status:has-text('Berkas SVG diunduh.')").wait_for()
    assert problems == [] and page.evaluate("window.__csp") == [], (problems, page.evaluate("window.__csp"))
    context.close()


@needs_chromium
def test_embed_code_is_copied(browser, base_url):
    context, page, problems = open_page(browser, base_url + YEAR_PAGE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page.locator("figure.kc-chart").first.scroll_into_view_if_needed()
    page.wait_for_selector(".kc-chart__plot .main-svg", timeout=15000)
    figure = page.locator("figure.kc-chart").first
    figure.get_by_role("button", name="Salin kode sematan").click()
    # (not page.wait_for_function: it evaluates a string, which the page's CSP refuses)
    figure.locator(".kc-chart__status:has-text('Kode sematan disalin.')").wait_for()
    code = page.evaluate("navigator.clipboard.readText()")
    embed = figure.locator("a.kc-sematkan").evaluate("a => a.href")
    assert re.fullmatch(rf'<iframe src="{re.escape(embed)}" title="[^"<]+" height="\d+" style="width:100%;border:0" '
                        r'loading="lazy"></iframe>', code), code
    assert problems == []
    context.close()


@needs_chromium
@pytest.mark.parametrize("name", ["bengkalis_rupat-utara_2023_capaian", "bengkalis_rupat-utara_2023_anggaran",
                                  "bengkalis_rupat-utara_lintasan-ikm", "bengkalis_kab-bengkalis-penyerapan",
                                  "indikator_ikm_banding-ikm"])
def test_embed_page_draws_its_chart_under_its_policy(browser, base_url, name):
    context, page, problems = open_page(browser, base_url + f"grafik/{name}.html", width=360)
    page.wait_for_selector(".kc-chart__plot .main-svg", timeout=15000)
    assert page.locator(".kc-chart__tools").count() == 0  # only the chart, its caption and its source
    assert page.locator(".kc-sumber a").evaluate("a => a.target") == "_blank"
    assert problems == [] and page.evaluate("window.__csp") == [], (problems, page.evaluate("window.__csp"))
    context.close()


@needs_chromium
def test_embed_page_draws_inside_an_iframe_of_another_site(browser, base_url, tmp_path):
    (tmp_path / "index.html").write_text(
        f'<!doctype html><html lang="en"><title>Another site</title><link rel="icon" href="data:,"><iframe src="{base_url}grafik/'
        'bengkalis_rupat-utara_2023_capaian.html" title="Grafik" width="600" height="400"></iframe></html>',
        encoding="utf-8")
    server, other = serve(tmp_path)  # another port: another origin
    try:
        context, page, problems = open_page(browser, other + "index.html")
        frame = page.main_frame.child_frames[0]
        frame.wait_for_selector(".kc-chart__plot .main-svg", state="attached", timeout=15000)
        assert frame.evaluate("window.__csp") == []
        assert problems == []
        context.close()
    finally:
        server.shutdown()


def test_every_series_has_bars_and_one_quantity_has_one_axis(site):
    """A legend entry without a single value is noise (the AKIP comparison had one); capaian and absorption are
    different quantities, so the kabupaten page draws them as two charts, not as two series on one axis."""
    for path in site.rglob("*.html"):
        if path.parent.name == "grafik" or "kc-chart" not in path.read_text(encoding="utf-8"):
            continue
        for figure in parse(path).figures:
            for trace in json.loads(next(iter(figure["data"].values())))["data"]:
                values = trace.get("x" if trace.get("orientation") == "h" else "y") or []
                assert any(v is not None for v in values), (path, figure["id"], trace.get("name"))
    kabupaten = parse(site / "wilayah" / "bengkalis" / "index.html").figures
    assert [f["id"] for f in kabupaten] == ["grafik-kab-bengkalis-capaian", "grafik-kab-bengkalis-penyerapan"]
    for figure in kabupaten:
        assert len(json.loads(next(iter(figure["data"].values())))["data"]) == 1


@needs_chromium
def test_the_preview_opened_from_a_file_draws_every_chart(browser, site):
    """CONTRIBUTING's preview: the `situs-pratinjau` artifact unzipped and its pages opened over file://."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for uri in (YEAR_PAGE, "wilayah/bengkalis/rupat-utara/index.html", "wilayah/bengkalis/index.html"):
        page.goto((site / uri).resolve().as_uri())
        charts = draw_every_chart(page)
        assert charts >= 1 and page.locator(".kc-chart__plot .main-svg").count() >= charts, uri
    page.locator("#kc-search-input").fill("kepuasan")
    page.wait_for_timeout(1500)  # (the search fails at once: a page opened from a file may not fetch its index)
    assert "python3 -m http.server" in page.locator("#kc-search-meta").text_content()
    assert errors == []
    context.close()


def test_the_static_line_drawing_breaks_at_a_missing_year_and_escapes_its_names():
    from builder.site import svg

    drawn = svg.lines("<b>IKM</b>", [2021, 2022, 2023, 2024],
                      [("Realisasi <x>", [80.0, None, 85.0, 86.0], ["80", "–", "85", "86"], "#1d6fb8", False),
                       ("Target", [81.0, 82.0, 83.0, 84.0], ["81", "82", "83", "84"], "#6b7280", True)],
                      final=90.0, final_text="Target akhir 90")
    assert drawn.count("<polyline") == 2  # realisasi 2023-2024 only (2021 stands alone), the target across
    assert drawn.count("<circle") == 7 and "Target akhir 90" in drawn
    assert "<b>" not in drawn and "&lt;b&gt;IKM&lt;/b&gt;" in drawn and "Realisasi &lt;x&gt;" in drawn
    assert ">80<" in drawn and ">81<" not in drawn  # the first series' figures at its points, not the target's
