"""The site's URL scheme, in one place: where each page and each data file is published.

Published URLs never change (tests/test_open_data.py holds them). A page's data files follow from its uri by
one rule (`data_base`): the page `wilayah/k/c/2023.md` (shown at `wilayah/k/c/2023.html`) has its data at
`api/v1/wilayah/k/c/2023.json`, its tables at `unduh/wilayah/k/c/2023/<tabel>.csv` and its workbook at
`unduh/wilayah/k/c/2023.xlsx`; a folder's `index.md` drops the `/index`.
"""

from __future__ import annotations

import re

API = "api/v1"


def kecamatan_uri(slug: str) -> str:
    return f"wilayah/{slug}/index.md"


def year_uri(slug: str, year: int) -> str:
    return f"wilayah/{slug}/{year}.md"


def kabupaten_uri(slug: str) -> str:
    return f"wilayah/{slug}/index.md"


def province_uri(slug: str) -> str:
    return f"wilayah/provinsi-{slug}.md"


def comparison_uri(canon_id: str, number: int) -> str:
    return f"indikator/{canon_id}.md" if number == 1 else f"indikator/{canon_id}-{number}.md"


def html_path(page_uri: str) -> str:
    """Where MkDocs writes a page (use_directory_urls: false), relative to the site root."""
    return re.sub(r"\.md$", ".html", page_uri)


def data_base(page_uri: str) -> str:
    """'wilayah/k/c/2023.md' -> 'wilayah/k/c/2023'; 'wilayah/k/index.md' -> 'wilayah/k'."""
    return re.sub(r"/index$", "", re.sub(r"\.md$", "", page_uri))


def api_uri(page_uri: str) -> str:
    return f"{API}/{data_base(page_uri)}.json"


def csv_uri(page_uri: str, table: str) -> str:
    return f"unduh/{data_base(page_uri)}/{table}.csv"


def workbook_uri(page_uri: str) -> str:
    return f"unduh/{data_base(page_uri)}.xlsx"


def source_uri(data_path: str) -> str:
    """The page showing a data file line by line: 'wilayah/k/c/2023.yaml' -> 'sumber/wilayah/k/c/2023.yaml.html'."""
    return f"sumber/{data_path}.html"


EMBED_FOLDER = "grafik"


def flat(text: str) -> str:
    """Lower-case words joined by '-': the one rule for ids in URLs and fragments ('Tabel 3.10' -> 'tabel-3-10')."""
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")


def anchor(text: object) -> str:
    """A stable fragment id from a row's name (at most 60 characters)."""
    return flat(text)[:60] or "x"


def embed_uri(page_uri: str, chart_id: str) -> str:
    """A chart's standalone page (site/embed.py): 'wilayah/k/c/2023.md' + 'capaian' -> 'grafik/k_c_2023_capaian.html'.

    The page's path parts and the chart id, each flattened, joined by '_', which no flattened part holds: so two
    pages never share an embed name ('bengkalis-rupat/utara' and 'bengkalis/rupat-utara' do not meet)."""
    base = re.sub(r"(^|/)index$", "", re.sub(r"\.md$", "", page_uri)).removeprefix("wilayah/")
    return f"{EMBED_FOLDER}/{'_'.join(flat(p) for p in (*base.split('/'), chart_id) if p)}.html"
