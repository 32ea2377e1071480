"""Build the real site with MkDocs and check what the generated HTML says."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path


from .conftest import DATA


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
