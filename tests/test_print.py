"""A kecamatan-year page printed from Chromium (print.css): a short, clean A4 report."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest

from .conftest import CHROMIUM


pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (make test installs it)")

MAX_PAGES = 15
REPORT_PAGES = ["wilayah/bengkalis/rupat-utara/2023.html", "wilayah/paser/batu-sopang/2022.html"]
# Text of the site's chrome that must not reach paper: nav tab labels, the back-to-top button, the skip link
# and the search box's placeholder (none of them occurs in the report itself).
CHROME_TEXTS = ["Perbandingan indikator", "Riwayat data", "Unduh data", "Kembali ke atas", "Lewati ke isi"]


def squeeze(text: str) -> str:
    """Text without any whitespace, for comparing page text with PDF text. Text extraction from a PDF puts
    a line break wherever the printed line wrapped (a header cell such as "Target akhir Renstra (kemajuan)"
    wraps inside its narrow column) and may drop or add spaces between text runs, so words and spaces are
    not reliable; the sequence of visible characters is. NFKC undoes ligatures (ﬁ → fi) the font may use."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def print_page(browser, url: str) -> dict:
    """Open a report page as a reader would (laptop width, details closed) and print it to A4 PDF."""
    from pypdf import PdfReader

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.wait_for_load_state("load")
    headers = page.eval_on_selector_all("#tabel-kinerja thead th", "els => els.map(e => e.textContent.trim())")
    placeholder = page.get_attribute("input.md-search__input", "placeholder") or ""
    downloads = page.eval_on_selector_all(".kc-downloads", "els => els.map(e => e.textContent.trim())")
    programs = page.eval_on_selector_all(
        "details.kc-budget__program:not([open]) > summary .kc-budget__name", "els => els.map(e => e.textContent.trim())")
    # Rows of closed budget programs (kegiatan, sub kegiatan) whose names occur nowhere else in the report's
    # text, so finding one in the PDF can only mean the closed details printed open.
    hidden_rows = page.evaluate("""() => {
        const article = document.querySelector("article").cloneNode(true);
        const rows = [...article.querySelectorAll("details.kc-budget__program:not([open]) tbody th")]
            .map(th => th.textContent.trim());
        article.querySelectorAll("details.kc-budget__program, script, figure").forEach(e => e.remove());
        const rest = article.textContent.replace(/\\s+/g, "");
        return [...new Set(rows)].filter(name => name.length > 12 && !rest.includes(name.replace(/\\s+/g, "")));
    }""")
    data = page.pdf(format="A4", print_background=False)
    context.close()
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(p.extract_text() or "" for p in reader.pages)
    return {"pages": len(reader.pages), "text": squeeze(text), "headers": headers, "placeholder": placeholder,
            "downloads": downloads, "programs": programs, "hidden_rows": hidden_rows}


@pytest.fixture(scope="module")
def printed(browser, base_url):
    cache: dict[str, dict] = {}

    def get(path: str) -> dict:
        if path not in cache:
            cache[path] = print_page(browser, base_url + path)
        return cache[path]

    return get


@pytest.mark.parametrize("path", REPORT_PAGES)
def test_report_prints_short(printed, path):
    result = printed(path)
    print(f"{path}: {result['pages']} halaman A4")
    assert result["pages"] <= MAX_PAGES


@pytest.mark.parametrize("path", REPORT_PAGES)
def test_indicator_table_prints_whole(printed, path):
    """Every column header of the indicator table is on paper: a table clipped at the right margin loses its
    last columns."""
    result = printed(path)
    assert len(result["headers"]) >= 5
    missing = [h for h in result["headers"] if squeeze(h) not in result["text"]]
    assert missing == []


@pytest.mark.parametrize("path", REPORT_PAGES)
def test_no_site_navigation_on_paper(printed, path):
    result = printed(path)
    assert result["placeholder"], "the search box is expected in the page"
    chrome = CHROME_TEXTS + [result["placeholder"]]
    assert [t for t in chrome if squeeze(t) in result["text"]] == []
    # The breadcrumb (Beranda › Wilayah › …) neither, nor the download links under the tables.
    assert "BerandaWilayah" not in result["text"].replace("›", "")
    assert [d for d in result["downloads"] if squeeze(d) in result["text"]] == []


@pytest.mark.parametrize("path", REPORT_PAGES)
def test_budget_prints_at_program_level(printed, path):
    """Closed budget programs print as their summary line only (Material opens every details before printing;
    print.css keeps the budget's rows off paper)."""
    result = printed(path)
    assert result["programs"] and result["hidden_rows"]
    assert [p for p in result["programs"] if squeeze(p) not in result["text"]] == []
    assert [r for r in result["hidden_rows"] if squeeze(r) in result["text"]] == []


def test_a_program_the_reader_opened_prints_its_rows(browser, base_url):
    """Budget details print as the reader left them: one program opened before printing prints its kegiatan
    (charts.js notes each details' state before Material opens them all for printing)."""
    from pypdf import PdfReader

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + "wilayah/bengkalis/rupat-utara/2023.html", wait_until="networkidle")
    program = page.locator("details.kc-budget__program").nth(1)
    program.locator("summary").click()
    rows = [t.strip() for t in program.locator("tr.kc-level-1 th").all_inner_texts()]
    others = [t.strip() for t in page.locator("details.kc-budget__program").nth(2).locator("tr.kc-level-1 th")
              .all_inner_texts()]
    text = squeeze("\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages))
    context.close()
    assert rows and all(squeeze(r.splitlines()[0]) in text for r in rows)
    assert others and not any(squeeze(r.splitlines()[0]) in text for r in others if len(r) > 12)


@pytest.mark.parametrize("path", REPORT_PAGES[:1])
def test_screen_instructions_are_not_printed(printed, path):
    """#27: paper said "Buka setiap baris untuk melihat rinciannya" (open each row), which no reader of paper can."""
    result = printed(path)
    assert squeeze("Buka setiap baris") not in result["text"]
    assert squeeze("Penyerapan = realisasi ÷ pagu.") in result["text"]
