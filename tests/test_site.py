"""Build the real site with MkDocs and check what the generated HTML says."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path


from .conftest import DATA, ROOT


class TextAndLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text: list[str] = []
        self.links: list[str] = []
        self.scripts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "script":
            self._skip += 1
            if attrs.get("src"):
                self.scripts.append(attrs["src"])

    def handle_endtag(self, tag):
        if tag == "script":
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def parse(path: Path) -> TextAndLinks:
    parser = TextAndLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def row_html(html: str, row_id_text: str) -> str:
    """The HTML of the table row whose header cell contains row_id_text."""
    for row in re.findall(r"<tr[^>]*>.*?</tr>", html, flags=re.S):
        if row_id_text in row:
            return row
    raise AssertionError(f"no row with {row_id_text!r}")


def row_text(html: str, row_id_text: str) -> str:
    """The text of the table row whose header cell contains row_id_text."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row_html(html, row_id_text)))


def test_rupat_utara_2023_shows_ikm(site):
    html = (site / "wilayah/bengkalis/rupat-utara/2023.html").read_text(encoding="utf-8")
    row = row_text(html, "Indeks Kepuasan Masyarakat <span")
    assert " 87 " in row and " 89,81 " in row and "103,23 %" in row and "Sangat Tinggi" in row
    assert "Dilaporkan" in row and "Tercapai" in row and "Terealisasi" not in row


def test_one_meaning_per_signal(site):
    """Lima Puluh Pesisir 2023 (Tabel 3.2): IKM target 88,37, realisasi 88,12 -> 99,72 %: rated Sangat Tinggi on
    Permendagri 86/2017, but the target was not reached, and every place says so the same way."""
    html = (site / "wilayah/batu-bara/lima-puluh-pesisir/2023.html").read_text(encoding="utf-8")
    row = row_text(html, "Indeks Kepuasan Masyarakat (IKM) <span")
    assert "99,72 %" in row and "Tidak tercapai" in row and "Sangat Tinggi" in row
    raw = row_html(html, "Indeks Kepuasan Masyarakat (IKM) <span")
    assert "kc-reached--tidak" in raw and "kc-reached--ya" not in raw
    home = " ".join(parse(site / "index.html").text)
    assert "0 dari 2 yang diukur" in home
    # Rupat Utara 2022 (LAKIP 2023 Tabel 3.4): IKM 81,12 against 86 -> 94,33 %: not reached, whatever its rating.
    rupat = row_text((site / "wilayah/bengkalis/rupat-utara/2022.html").read_text(encoding="utf-8"),
                     "Indeks Kepuasan Masyarakat <span")
    assert "94,33 %" in rupat and "Tidak tercapai" in rupat


def test_batu_sopang_not_measured_is_not_zero(site):
    html = (site / "wilayah/paser/batu-sopang/2022.html").read_text(encoding="utf-8")
    row = row_text(html, "Nilai Evaluasi SAKIP")
    assert "Tidak diukur" in row and "0,00" not in row
    crime = row_text(html, "Angka Kriminalitas <span")
    assert "111,11 %" in crime and "Sangat Berhasil" in crime


def test_audit_section_lists_grant_difference(site):
    text = " ".join(parse(site / "wilayah/bengkalis/rupat-utara/2023.html").text)
    assert "Rp10.474.789.534" in text and "Rp10.374.789.534" in text
    assert "Bantuan Keuangan Khusus" in text


def test_every_kecamatan_year_has_its_page(site):
    years = sorted(p.relative_to(DATA / "wilayah").with_suffix(".html")
                   for p in (DATA / "wilayah").glob("*/*/[0-9][0-9][0-9][0-9].yaml"))
    assert years
    for rel in years:
        assert (site / "wilayah" / rel).exists(), rel
    for kec in (DATA / "wilayah").glob("*/*/profil.yaml"):
        assert (site / "wilayah" / kec.parent.relative_to(DATA / "wilayah") / "index.html").exists()


def test_comparison_pages_list_every_reporting_kecamatan(site, analysed):
    reference, results = analysed
    for canon in reference.canonical:
        reporting = {k.name for k in results
                     if any(h[-1].indicator.kanonik == canon for h in k.history.values())}
        page = site / "indikator" / f"{canon}.html"
        if not reporting:
            continue
        text = " ".join(parse(page).text)
        for name in reporting:
            assert name in text, (canon, name)
    ikm = " ".join(parse(site / "indikator/ikm.html").text)
    assert all(n in ikm for n in ("Rupat Utara", "Batu Sopang", "Lima Puluh Pesisir"))


def test_plotly_only_where_charts_are(site):
    with_charts = site / "wilayah/bengkalis/rupat-utara/2023.html"
    without = site / "metodologi.html"
    assert 'data-chart="' in with_charts.read_text(encoding="utf-8")
    for page in (with_charts, without, site / "index.html"):
        assert "plotly" not in " ".join(parse(page).scripts)  # never a <script src=plotly...> in the HTML
        assert "cdn" not in " ".join(parse(page).scripts).lower()
    assert 'data-chart="' not in without.read_text(encoding="utf-8")
    assert (site / "assets/javascripts/vendor/plotly-kecamatan.min.js").exists()


def test_internal_links_resolve(site):
    broken = []
    for page in site.rglob("*.html"):
        if page.name == "404.html":
            continue  # absolute links built from site_url
        for href in parse(page).links:
            if re.match(r"^(https?:|mailto:|#|javascript:)", href):
                continue
            target = (page.parent / href.split("#")[0]).resolve()
            if href.split("#")[0] and not target.exists():
                broken.append(f"{page.relative_to(site)} -> {href}")
    assert not broken, broken[:10]


def test_data_strings_are_escaped(tmp_path, minimal_data):
    """A name with HTML in it must come out as text on every page."""
    from builder import run

    profil = minimal_data / "wilayah/contoh/kec-contoh/profil.yaml"
    profil.write_text(profil.read_text().replace("nama: Kecamatan Contoh",
                                                 'nama: "<script>alert(1)</script> *Contoh*"'))
    year = minimal_data / "wilayah/contoh/kec-contoh/2023.yaml"
    year.write_text(year.read_text() + 'narasi:\n  ringkasan: "<img src=x onerror=alert(1)> teks"\n')
    pages = run(minimal_data)
    for uri, content in pages.items():
        if isinstance(content, str):
            assert "<script>alert" not in content, uri
            assert "<img src=x" not in content, uri


def test_front_matter_values_are_quoted(minimal_data):
    """A name with ': ' or '#' must stay one YAML value, not break the page's front matter."""
    import yaml

    from builder import run
    from builder.history import History

    profil = minimal_data / "wilayah/contoh/kec-contoh/profil.yaml"
    profil.write_text(profil.read_text().replace("nama: Kecamatan Contoh", 'nama: "Contoh: [x](y) #1"'))
    pages = run(minimal_data, history=History(False, "tidak ada riwayat"))
    for uri, content in pages.items():
        if isinstance(content, str) and content.startswith("---\n"):
            meta = yaml.safe_load(content.split("---\n")[1])
            assert isinstance(meta, dict) and isinstance(meta["title"], str), uri
    meta = yaml.safe_load(pages["wilayah/contoh/kec-contoh/index.md"].split("---\n")[1])
    assert meta["title"] == "Kecamatan Contoh: [x](y) #1"


def test_riwayat_note_without_history(minimal_data):
    from builder import run
    from builder.history import History

    page = run(minimal_data, history=History(False, "alasan <b>di sini</b>"))["riwayat.md"]
    assert '<div class="admonition note"' in page and "!!!" not in page
    assert "alasan &lt;b&gt;di sini&lt;/b&gt;" in page


def test_open_data_downloads(site):
    csv_text = (site / "unduh/kinerja.csv").read_text(encoding="utf-8")
    assert "Rupat Utara" in csv_text and "103.23" in csv_text
    assert (site / "unduh/anggaran.csv").stat().st_size > 1000


def test_report_page_weighs_less_than_150_kb_before_plotly(site):
    """HTML + stylesheets + scripts, gzip-compressed (benchmarks/page_weight.py measures in a browser). The search
    index is not part of it: Pagefind fetches its fragments only when the visitor searches."""
    import gzip

    page = site / "wilayah/bengkalis/rupat-utara/2023.html"
    html = page.read_text(encoding="utf-8")
    assets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) + re.findall(r'<script src="([^"]+)"', html)
    files = [page] + [(page.parent / a.split("?")[0]).resolve() for a in assets]
    assert not any("plotly" in str(f) or "pagefind" in str(f) for f in files)  # fetched later, when needed
    total = sum(len(gzip.compress(f.read_bytes(), compresslevel=6)) for f in files)
    assert 40_000 < total < 150 * 1024, total


def test_build_has_no_warning(site):
    """Not even the theme's: a warning in the log is something a reader may see (the search used to warn that
    lunr has no Indonesian; Pagefind stems Indonesian)."""
    log = (site.parent / "mkdocs-build.log").read_text(encoding="utf-8")
    assert "is not supported" not in log and "WARNING" not in log, log[-2000:]


# -- The whole country -----------------------------------------------------------------------------------------

KEMENDAGRI = DATA / "referensi" / "kemendagri"


def _csv(name: str) -> list[dict]:
    import csv

    with (KEMENDAGRI / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_official_kabupaten_has_a_page_listing_its_kecamatan(site):
    """Every kabupaten/kota of Kemendagri's list has its page; each of its kecamatan is named there, linked when
    we have its reports, else marked "belum ada laporan" with the way to add one."""
    regencies = _csv("regencies.csv")
    districts = _csv("districts.csv")
    assert len(regencies) == 514 and len(districts) == 7285
    pages = {p.parent.name: p for p in site.glob("wilayah/*/index.html")}
    by_title = {}
    for path in pages.values():
        match = re.search(r"<h1[^>]*>(.*?)<a", path.read_text(encoding="utf-8"), flags=re.S)
        by_title[match.group(1).strip()] = path
    for regency in regencies:
        assert regency["name"] in by_title, regency
    bengkalis = by_title["Kabupaten Bengkalis"].read_text(encoding="utf-8")
    for district in (d for d in districts if d["regency_code"] == "14.03"):
        assert f"Kecamatan {district['name']}" in bengkalis or f">{district['name']}</a>" in bengkalis, district
    assert 'href="rupat-utara/index.html">Rupat Utara</a>' in bengkalis
    assert "Kecamatan Rupat <span" in bengkalis and "belum ada laporan" in bengkalis
    assert "CONTRIBUTING.md" in bengkalis
    dumai = by_title["Kota Dumai"]
    assert dumai.parent.name == "kota-dumai"  # a kota keeps its word: Kota Bekasi and Kabupaten Bekasi both exist
    assert "Belum ada laporan kecamatan" in dumai.read_text(encoding="utf-8")


def test_every_provinsi_has_a_page_and_the_counts_add_up(site):
    provinces = _csv("provinces.csv")
    wilayah = " ".join(parse(site / "wilayah/index.html").text)
    assert "3 dari 7.285 kecamatan" in wilayah
    for province in provinces:
        slug = re.sub(r"[^a-z0-9]+", "-", province["name"].lower()).strip("-")
        page = site / f"wilayah/provinsi-{slug}.html"
        assert page.exists(), province
        assert province["name"] in wilayah
    riau = " ".join(parse(site / "wilayah/provinsi-riau.html").text)
    riau_kecamatan = sum(1 for d in _csv("districts.csv") if d["code"].startswith("14."))
    assert f"{riau_kecamatan} kecamatan, 1 di antaranya" in riau


def test_pages_over_many_kecamatan_do_not_list_them_all(site):
    """The home page shows the newest reports (at most six) and the coverage per provinsi, not every kecamatan."""
    from builder.site.views import LATEST_ON_HOME

    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.count('class="kc-card"') <= LATEST_ON_HOME
    assert "Provinsi Riau</a>: 1 dari" in home


def test_a_comparison_over_many_kecamatan_is_paged(tmp_path, monkeypatch):
    """Past ROWS_PER_PAGE kecamatan a comparison continues on numbered pages, each linking to all the others, so
    no page grows with the data (checked with 2 rows a page on 5 synthetic kecamatan)."""
    from builder import run
    from builder.site import views
    from builder.synth import generate

    monkeypatch.setattr(views, "ROWS_PER_PAGE", 2)
    pages = run(generate(tmp_path / "synth", 5, 1))
    parts = sorted(uri for uri in pages if re.fullmatch(r"indikator/ikm(-\d+)?\.md", uri))
    assert parts == ["indikator/ikm-2.md", "indikator/ikm-3.md", "indikator/ikm.md"]
    for uri in parts:
        table = pages[uri].split('id="tabel-banding"')[1].split("</table>")[0]
        assert 1 <= table.count('<th scope="row">') <= 2
        assert pages[uri].count('class="kc-pager"') == 2
        assert all(f'href="{p.removeprefix("indikator/").replace(".md", ".html")}"' in pages[uri]
                   for p in parts if p != uri)


def test_a_preview_limited_to_some_folders_reads_only_them(minimal_data):
    """`make serve HANYA=...`: only the named folders are read and shown, so a staff preview costs what their
    kecamatan costs; a broken file elsewhere does not stop it, and is still caught by the full validation."""
    from builder import run
    from builder.problems import DataError

    other = minimal_data / "wilayah" / "lain" / "kec-lain"
    other.mkdir(parents=True)
    (other.parent / "kabupaten.yaml").write_text("nama: [rusak\n", encoding="utf-8")
    pages = run(minimal_data, scope=("contoh/kec-contoh",))
    assert "wilayah/contoh/kec-contoh/2023.md" in pages
    assert not any(uri.startswith("wilayah/lain/") for uri in pages)
    import pytest

    with pytest.raises(DataError):
        run(minimal_data)


def test_serve_rebuilds_only_the_kabupaten_whose_files_changed(tmp_path, monkeypatch):
    """Across `mkdocs serve` rebuilds (PartCache), a kabupaten folder whose files did not change is neither read
    nor re-rendered, and the pages are exactly those of a build from scratch."""
    import shutil

    from builder import pipeline

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    rendered = []
    original = pipeline._render_part
    monkeypatch.setattr(pipeline, "_render_part",
                        lambda site, data_dir, scope, *rest: rendered.append(scope) or original(site, data_dir, scope, *rest))
    cache = pipeline.PartCache()
    first = pipeline.run(data, cache=cache)
    assert sorted(rendered) == [("batu-bara",), ("bengkalis",), ("paser",)]
    rendered.clear()
    year = data / "wilayah/paser/batu-sopang/2022.yaml"
    year.write_text(year.read_text(encoding="utf-8") + "\n# disunting\n", encoding="utf-8")
    again = pipeline.run(data, cache=cache)
    assert rendered == [("paser",)]
    assert again == pipeline.run(data)
    # only the edited file's source page shows the edit (a comment: no figure changed)
    assert {uri for uri in first if first[uri] != again[uri]} == {"sumber/wilayah/paser/batu-sopang/2022.yaml.html"}


def test_history_page_tells_in_indonesian_which_figures_changed(site):
    """Commit titles are the developers' English: the Riwayat page titles each change by the figures it changed."""
    import html
    import subprocess

    subjects = subprocess.run(["git", "log", "-n", "20", "--format=%s", "--", "data"], cwd=ROOT, capture_output=True,
                              text=True).stdout.splitlines()
    page = (site / "riwayat.html").read_text(encoding="utf-8")
    assert [s for s in subjects if len(s) > 20 and html.escape(s, quote=False) in page] == []
    if "Riwayat tidak tersedia" not in page:  # (a shallow clone has no history to show)
        assert re.search(r"<summary>\d{1,2} \w+ \d{4}: (\d+ angka berubah|Kecamatan baru)", page)


def test_charts_say_their_figures_without_javascript(site):
    """Without JavaScript (and before plotly.js arrives) every chart is a static SVG drawn by the builder (a chart
    without one a sentence with its figures), in the format of the table beside it."""
    page = (site / "wilayah/bengkalis/rupat-utara/2023.html").read_text(encoding="utf-8")
    figures = re.findall(r'<figure class="kc-chart".*?</figure>', page, re.S)
    assert figures and all(("<noscript>" in f) != ('class="kc-chart__static"' in f) for f in figures)
    # Rupat Utara LAKIP 2023, Tabel 3.2: IKM capaian 103,23 %, reached.
    capaian = next(f for f in figures if 'data-chart="capaian"' in f)
    assert "Indeks Kepuasan Masyarakat" in capaian and "103,23\u202f% · tercapai" in capaian
    # The IDM of Tanjung Medang as in the IDM table (four decimals).
    idm = re.search(r'<tr id="desa-[^"]*"><th scope="row">Tanjung Medang.*?</tr>', page, re.S).group(0)
    value = re.findall(r'<td class="kc-num">([\d,]+)</td>', idm)[-1]
    chart = next(f for f in figures if 'data-chart="idm"' in f)
    assert re.search(rf"Tanjung Medang</text>.*?>{value}</text>", chart, re.S)
    # Rupat Utara 2023 IKM: penyerapan 95,97 %, capaian 103,23 % (the efficiency table), by its point's number.
    scatter = next(f for f in figures if 'data-chart="efisiensi"' in f)
    assert re.search(r"Indeks Kepuasan Masyarakat</text><text[^>]*>penyerapan 95,97\u202f%, capaian 103,23\u202f%",
                     scatter)


def test_no_page_shows_markdown_link_syntax_as_text(site):
    """#27: a Markdown link inside an HTML block is not rendered ("[Metodologi](../../../metodologi.md#efisiensi)"
    showed as text on every year page): every page's links are HTML."""
    import re

    leftover = re.compile(r"\]\((?:\.\./)*[\w/-]+\.md(?:#[\w-]+)?\)")
    shown = [str(p.relative_to(site)) for p in site.rglob("*.html") if leftover.search(p.read_text(encoding="utf-8"))]
    assert shown == [], shown[:5]


def test_a_kabupaten_without_reports_says_how_to_get_them_and_where_to_look(site):
    """#27: 7.282 of 7.285 kecamatan have no report here; their kabupaten page offered only a guide for staff. It now
    says how a citizen obtains the report (the kabupaten's PPID, UU 14/2008) with a letter to copy, and links
    kecamatan with reports in the same provinsi (Kampar, Riau: Rupat Utara), else the latest anywhere."""
    kampar = re.sub(r"\s+", " ", (site / "wilayah/kampar/index.html").read_text(encoding="utf-8"))
    assert 'id="minta-laporan"' in kampar and "PPID Pemerintah Kabupaten Kampar" in kampar
    assert "Undang-Undang Nomor 14 Tahun 2008" in kampar and "[nama kecamatan]" in kampar
    assert re.search(r'Kecamatan lain di Provinsi Riau yang laporannya sudah ada: <a href="\.\./bengkalis/rupat-utara/2023\.html">', kampar)
    tasik = re.sub(r"\s+", " ", (site / "wilayah/tasikmalaya/index.html").read_text(encoding="utf-8"))
    assert "Belum ada laporan kecamatan di Provinsi Jawa Barat; laporan terbaru dari provinsi lain" in tasik
    bengkalis = (site / "wilayah/bengkalis/index.html").read_text(encoding="utf-8")
    assert "laporan terbaru dari provinsi lain" not in bengkalis and "Kecamatan lain di Provinsi" not in bengkalis


def test_a_year_page_explains_the_words_it_uses(site):
    """#27: pagu, penyerapan, Renstra, PK, KAMTIBMAS, NRR … were never explained where they appear. A year page
    opens with the words it uses (istilah.yaml), the methodology page lists them all."""
    def terms(uri):
        html = (site / uri).read_text(encoding="utf-8")
        box = re.search(r'<details class="info kc-fold" id="istilah".*?</details>', html, re.S).group(0)
        return re.findall(r"<dt>(.*?)</dt>", box)

    rupat = terms("wilayah/bengkalis/rupat-utara/2023.html")
    assert {"Pagu", "Penyerapan", "Renstra", "Perjanjian Kinerja (PK)", "KAMTIBMAS / Trantibum", "NRR"} <= set(rupat)
    pesisir = terms("wilayah/batu-bara/lima-puluh-pesisir/2023.html")
    assert "Pagu" in pesisir and "KAMTIBMAS / Trantibum" not in pesisir  # its indicators are IKM and AKIP
    method = (site / "metodologi.html").read_text(encoding="utf-8")
    import yaml
    ids = [t["id"] for t in yaml.safe_load((ROOT / "builder/site/istilah.yaml").read_text(encoding="utf-8"))["istilah"]]
    assert all(f'id="istilah-{i}"' in method for i in ids)


def test_the_headline_tiles_read_as_separate_words_in_search_excerpts(site):
    """#27: search showed "tercapai3 dari 4indikator": the tiles' label, value and note were adjacent spans, which
    the search index reads as one word."""
    html = (site / "wilayah/bengkalis/rupat-utara/2023.html").read_text(encoding="utf-8")
    cards = re.search(r'<div class="kc-cards kc-cards--summary".*?</div>', html, re.S).group(0)
    assert re.findall(r'class="kc-stat__(?:label|value|note)"', cards)
    assert not re.search(r'</span><span class="kc-stat__', cards)


def test_a_comparison_says_in_one_sentence_whether_its_figures_compare(site):
    """#27: the IKM comparison marked every cell "tidak sebanding" but said so nowhere plainly, and its chart drew
    the bars side by side without a word (also in the downloaded image, whose title is the caption). The reports
    name no common way of measuring (LKjIP Lima Puluh Pesisir 2022: "jumlah responden puas"; 2023: SKM per unsur;
    Rupat Utara 2023: SKM 9 unsur)."""
    html = re.sub(r"\s+", " ", (site / "indikator/ikm.html").read_text(encoding="utf-8"))
    assert re.search(r"<strong>Tidak satu pun dari \d+ angka di tabel ini dapat dibandingkan langsung", html)
    figure = re.search(r'<figure class="kc-chart" id="grafik-banding-ikm".*?</figure>', html).group(0)
    assert "Tidak satu pun angka di grafik ini dapat dibandingkan langsung" in figure
