"""Open data: the published URL scheme, downloads that say what their page says, the workbook, the data package,
the API index, provenance links. Expected figures come from the reports (see the comments), not from our output."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from builder.formatting import round_half_up

ROOT = Path(__file__).resolve().parent.parent
RUPAT_2023 = "wilayah/bengkalis/rupat-utara/2023"

# Published URLs never change: these are promised to readers, researchers and programs (content/api.md).
PUBLISHED = [
    "index.html", "wilayah/index.html", "wilayah/provinsi-riau.html", "wilayah/bengkalis/index.html",
    "wilayah/bengkalis/rupat-utara/index.html", f"{RUPAT_2023}.html", "indikator/index.html", "indikator/ikm.html",
    "metodologi.html", "unduh/index.html", "kamus-data.html", "api.html", "riwayat.html", "tentang.html",
    "unduh/kinerja.csv", "unduh/anggaran.csv", "unduh/temuan.csv", "unduh/ringkasan.json", "unduh/datapackage.json",
    "api/v1/index.json", "api/v1/wilayah/bengkalis/rupat-utara.json", f"api/v1/{RUPAT_2023}.json",
    "api/v1/wilayah/bengkalis.json", "api/v1/indikator/ikm.json", "api/v1/wilayah/provinsi-riau.json",
    "api/v1/wilayah.json", "unduh/wilayah/wilayah_provinsi.csv", "unduh/metodologi/skala.csv", "api/v1/metodologi.json",
    f"unduh/{RUPAT_2023}/kinerja.csv", f"unduh/{RUPAT_2023}/anggaran.csv", f"unduh/{RUPAT_2023}/temuan.csv",
    f"unduh/{RUPAT_2023}.xlsx", "unduh/wilayah/bengkalis/rupat-utara/riwayat_indikator.csv",
    "sumber/wilayah/bengkalis/rupat-utara/2023.yaml.html", "grafik/bengkalis_rupat-utara_2023_capaian.html",
    "grafik/bengkalis_rupat-utara_lintasan-ikm.html", "grafik/indikator_ikm_banding-ikm.html",
]


def test_published_urls_stay(site):
    missing = [uri for uri in PUBLISHED if not (site / uri).is_file()]
    assert missing == []


def test_the_url_rule_is_the_one_documented():
    from builder.site import urls

    page = urls.year_uri("bengkalis/rupat-utara", 2023)
    assert urls.html_path(page) == f"{RUPAT_2023}.html"
    assert urls.api_uri(page) == f"api/v1/{RUPAT_2023}.json"
    assert urls.csv_uri(page, "kinerja") == f"unduh/{RUPAT_2023}/kinerja.csv"
    assert urls.workbook_uri(page) == f"unduh/{RUPAT_2023}.xlsx"
    assert urls.api_uri(urls.kecamatan_uri("bengkalis/rupat-utara")) == "api/v1/wilayah/bengkalis/rupat-utara.json"
    assert urls.embed_uri(page, "capaian") == "grafik/bengkalis_rupat-utara_2023_capaian.html"
    assert urls.source_uri("wilayah/bengkalis/rupat-utara/2023.yaml") == "sumber/wilayah/bengkalis/rupat-utara/2023.yaml.html"


# -- Every table's CSV and the page JSON hold the numbers the page shows ------------------------------------------

NUMBER = re.compile(r"[−+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[−+-]?\d+(?:,\d+)?")
TAG = re.compile(r"<[^>]+>")


def page_numbers(cell_html: str) -> list[tuple[Decimal, int]]:
    """Indonesian figures in a table cell: (value, decimals shown)."""
    text = TAG.sub(" ", cell_html).replace("\u202f", " ").replace("Rp", " ")
    out = []
    for token in NUMBER.findall(text):
        token = token.replace("−", "-").replace("+", "")
        whole, _, decimals = token.replace(".", "").partition(",")
        out.append((Decimal(f"{whole}.{decimals}" if decimals else whole), len(decimals)))
    return out


def read_csv(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def csv_numbers(rows: list[dict]) -> list[Decimal]:
    values = []
    for row in rows:
        for value in row.values():
            if value and re.fullmatch(r"-?\d+(\.\d+)?", value):
                values.append(Decimal(value))
    return values


def download_sections(page_html: str):
    """(table name, the page's HTML of that table) for each 'Unduh tabel ini' line: the HTML since the previous
    heading or download line."""
    start = 0
    for match in re.finditer(r'<h[23]|<p class="kc-downloads"[^>]*>(.*?)</p>', page_html, re.S):
        if match.group(0).startswith("<h"):
            start = match.start()
            continue
        name = re.search(r'href="[^"]*/([a-z_]+)\.csv"', match.group(1)).group(1)
        yield name, re.search(r'href="([^"]+\.csv)"', match.group(1)).group(1), page_html[start:match.start()]
        start = match.end()


REPORT_PAGES = ["wilayah/bengkalis/rupat-utara/2023.html", "wilayah/paser/batu-sopang/2022.html",
                "wilayah/batu-bara/lima-puluh-pesisir/2023.html", "wilayah/bengkalis/rupat-utara/index.html",
                "wilayah/bengkalis/index.html", "indikator/ikm.html", "wilayah/provinsi-riau.html", "wilayah/index.html"]


@pytest.mark.parametrize("page", REPORT_PAGES)
def test_every_table_download_holds_the_numbers_its_page_shows(site, page):
    html = (site / page).read_text(encoding="utf-8")
    sections = list(download_sections(html))
    assert sections, "no download beside any table"
    data = json.loads((site / "api/v1" / (re.sub(r"(/index)?\.html$", "", page) + ".json")).read_text(encoding="utf-8"))
    for name, href, section in sections:
        rows = read_csv((site / page).parent / href)
        values = csv_numbers(rows)
        cells = re.findall(r'<td[^>]* class="kc-num"[^>]*>(.*?)</td>', section, re.S)
        assert cells or "<table" not in section, (page, name)  # (a list of names has no figures)
        for cell in cells:
            cell = re.sub(r'<span class="kc-note kc-note--warn">.*?</span>', "", cell)  # words on comparability
            for shown, places in page_numbers(cell):
                assert any(round_half_up(v, places) == shown for v in values), (page, name, shown, TAG.sub("", cell))
        # the page's JSON has the same rows, numbers as numbers and missing values as null
        assert len(data["tabel"][name]) == len(rows), (page, name)
        for row, item in zip(rows, data["tabel"][name]):
            for key, text in row.items():
                value = item[key]
                if text == "":
                    assert value is None, (page, name, key)
                elif isinstance(value, bool):
                    assert text == ("true" if value else "false")
                elif isinstance(value, (int, float)):
                    assert Decimal(text) == Decimal(str(value)), (page, name, key, text, value)
                else:
                    assert text.lstrip("'") == str(value), (page, name, key)


def test_indicator_row_downloads_as_printed(site):
    # Rupat Utara LAKIP 2023, Tabel 3.2: IKM target 87, realisasi 89,81, capaian 103,23 %.
    rows = read_csv(site / f"unduh/{RUPAT_2023}/kinerja.csv")
    ikm = next(r for r in rows if r["indikator_id"] == "ikm")
    assert (ikm["target"], ikm["realisasi"], ikm["capaian_persen"], ikm["tercapai"]) == ("87", "89.81", "103.23", "true")
    # Tabel 3.10: program A, pagu Rp6.629.572.634, realisasi Rp6.095.839.124.
    budget = read_csv(site / f"unduh/{RUPAT_2023}/anggaran.csv")
    program = next(r for r in budget if r["tingkat"] == "program" and r["kode"] == "A")
    assert (program["pagu"], program["realisasi"]) == ("6629572634", "6095839124")
    below = [r for r in budget if r["kode_program"] == "A" and r["tingkat"] != "program"]
    assert below and all(r["jalur"].startswith("PROGRAM PENUNJANG") for r in below)


def test_the_long_file_has_one_row_per_indicator_per_kecamatan_year(site, results):
    rows = read_csv(site / "unduh/kinerja.csv")
    expected = sorted((k.name, str(y.year), i.indicator.id) for k in results for y in k.years for i in y.indicators)
    assert sorted((r["kecamatan"], r["tahun"], r["indikator_id"]) for r in rows) == expected
    rupat = next(r for r in rows if r["kecamatan"] == "Rupat Utara")
    assert (rupat["kode_provinsi"], rupat["kode_kabupaten"], rupat["kabupaten"]) == ("14", "14.03", "Kabupaten Bengkalis")  # Kemendagri: Riau 14, Bengkalis 14.03
    findings = read_csv(site / "unduh/temuan.csv")
    assert {r["jenis_kode"] for r in findings} <= {"selisih", "pembulatan", "pemotongan", "tidak-dapat-diperiksa"}
    assert len(findings) == sum(len(y["temuan_audit"]) for k in json.loads(
        (site / "unduh/ringkasan.json").read_text(encoding="utf-8"))["kecamatan"] for y in k["tahun"])


def test_workbook_opens_with_numbers_as_numbers(site):
    from openpyxl import load_workbook

    book = load_workbook(site / f"unduh/{RUPAT_2023}.xlsx")
    assert book.sheetnames[0] == "Tentang" and {"kinerja", "anggaran"} <= set(book.sheetnames)
    about = {row[0]: row[1] for row in book["Tentang"].iter_rows(values_only=True) if row[0]}
    assert "Rupat Utara" in about["Laporan sumber"] and "Open Database License" in about["Lisensi data"]
    # #27: a workbook on its own says whose figures it holds (its kecamatan, code, kabupaten and provinsi)
    assert about["Kecamatan"] == "Rupat Utara" and about["Kabupaten/kota"] == "Kabupaten Bengkalis"
    assert about["Provinsi"] == "Riau" and str(about["Kode kecamatan"]).startswith("14.03.")
    sheet = book["kinerja"]
    header = [c.value for c in sheet[1]]
    ikm = next(row for row in sheet.iter_rows(min_row=2) if row[header.index("ID indikator")].value == "ikm")
    realisasi = ikm[header.index("Realisasi")]
    assert realisasi.data_type == "n" and realisasi.value == pytest.approx(89.81)
    assert realisasi.number_format.endswith("#,##0.00")
    money = next(row for row in book["anggaran"].iter_rows(min_row=2) if row[2].value == "A")
    pagu = money[[c.value for c in book["anggaran"][1]].index("Pagu (Rp)")]
    assert pagu.data_type == "n" and pagu.value == 6629572634 and '"Rp"' in pagu.number_format


def test_data_package_validates(site):
    from frictionless import validate

    report = validate(str(site / "unduh/datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    package = json.loads((site / "unduh/datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "ODbL-1.0"
    for resource in package["resources"]:
        assert all(f["description"] for f in resource["schema"]["fields"])


def test_download_page_lists_every_file_with_its_size_and_rows(site):
    page = (site / "unduh/index.html").read_text(encoding="utf-8")
    package = json.loads((site / "unduh/datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        rows = len(read_csv(site / "unduh" / resource["path"]))
        line = re.search(rf'href="{re.escape(resource["path"])}">.*?</tr>', page, re.S).group(0)
        assert f">{rows:,}<".replace(",", ".") in line, (resource["path"], rows)
        assert re.search(r"\d+(,\d)? (KB|MB|bita)", line)


def test_api_index_lists_every_kecamatan_year(site, results):
    index = json.loads((site / "api/v1/index.json").read_text(encoding="utf-8"))
    listed = {(k["slug"], y["tahun"]) for k in index["kecamatan"] for y in k["tahun"]}
    assert listed == {(k.slug, y.year) for k in results for y in k.years}
    for k in index["kecamatan"]:
        assert (site / k["data"]).is_file() and (site / k["halaman"]).is_file()
        for y in k["tahun"]:
            assert (site / y["data"]).is_file() and (site / y["halaman"]).is_file() and (site / y["xlsx"]).is_file()


def test_figures_link_to_their_data_line_and_the_page_can_be_cited(site):
    page = (site / f"{RUPAT_2023}.html").read_text(encoding="utf-8")
    row = re.search(r'<tr id="indikator-ikm">.*?</tr>', page, re.S).group(0)
    assert 'href="#indikator-ikm"' in row
    line = int(re.search(r"2023\.yaml\.html#L(\d+)", row).group(1))
    data = (ROOT / "data" / "wilayah/bengkalis/rupat-utara/2023.yaml").read_text(encoding="utf-8").splitlines()
    assert data[line - 1].strip() == "- indikator: ikm"
    assert "Kutip halaman ini" in page and "Versi data" in page


def test_the_original_report_is_linked_where_the_profile_records_it(minimal_data):
    from builder import run

    profil = minimal_data / "wilayah/contoh/kec-contoh/profil.yaml"
    url = "https://contohkab.go.id/dokumen/lkjip-2023.pdf"
    profil.write_text(profil.read_text(encoding="utf-8").replace("    tanggal: 2024-01-31\n",
                                                                 f"    tanggal: 2024-01-31\n    url: {url}\n", 1),
                      encoding="utf-8")
    pages = run(minimal_data)
    year = pages["wilayah/contoh/kec-contoh/2023.md"]
    # An HTML attribute, never Markdown link syntax (a ')' in the URL once ended the link: test_hostile_markup.py)
    assert f'<a href="{url}"><em>LKjIP Kecamatan Contoh 2023</em></a>' in year
    assert f'<a href="{url}">LKjIP Kecamatan Contoh 2023</a> (dokumen asli)' in year
    data = json.loads(pages["api/v1/wilayah/contoh/kec-contoh/2023.json"])
    assert data["laporan"]["url"] == url


def test_the_summary_file_names_a_kabupaten_as_the_api_does(site):
    """#25: unduh/ringkasan.json said "Bengkalis" where the API and every table say "Kabupaten Bengkalis"."""
    summary = json.loads((site / "unduh/ringkasan.json").read_text(encoding="utf-8"))
    rupat = next(k for k in summary["kecamatan"] if k["slug"] == "bengkalis/rupat-utara")
    assert rupat["kabupaten"] == "Kabupaten Bengkalis"
