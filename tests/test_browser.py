"""What a person sees, in headless Chromium (Debian's chromium, driven by Playwright)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from screenshots import CHROMIUM_ARGS, serve  # noqa: E402


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (make test installs it)")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def base_url(site):
    server, url = serve(site)
    yield url
    server.shutdown()


def open_page(browser, url, width=1280):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("requestfailed", lambda r: problems.append("gagal memuat " + r.url))
    page.goto(url, wait_until="networkidle")
    return context, page, problems


def test_report_page_charts_render(browser, base_url):
    context, page, problems = open_page(browser, base_url + "wilayah/bengkalis/rupat-utara/2023.html")
    page.wait_for_selector(".kc-chart__plot svg.main-svg", timeout=15000)
    charts = page.locator(".kc-chart__plot").count()
    drawn = page.locator(".kc-chart__plot .main-svg").count()
    assert charts >= 3 and drawn >= charts
    assert page.evaluate("typeof window.Plotly") == "object"
    assert problems == []
    context.close()


def test_page_without_charts_loads_no_plotly(browser, base_url):
    context, page, problems = open_page(browser, base_url + "metodologi.html")
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.reload(wait_until="networkidle")
    assert page.evaluate("typeof window.Plotly") == "undefined"
    assert not [u for u in requested if "plotly" in u]
    assert problems == []
    context.close()


def test_instant_navigation_draws_charts(browser, base_url):
    context, page, problems = open_page(browser, base_url + "wilayah/bengkalis/rupat-utara/index.html")
    page.locator("a[href$='rupat-utara/2023.html']").first.click()  # Material makes hrefs absolute
    page.wait_for_url("**/2023.html")
    page.wait_for_selector(".kc-chart__plot svg.main-svg", timeout=15000)
    assert problems == []
    context.close()


@pytest.mark.parametrize("query, expected", [
    ("rupat", "Rupat Utara"),
    ("kriminalitas", "Batu Sopang"),
    ("kepuasan masyarakat", "Indeks Kepuasan Masyarakat"),
])
def test_search_finds_by_the_words_people_type(browser, base_url, query, expected):
    context, page, problems = open_page(browser, base_url + "index.html")
    box = page.locator("input[data-md-component='search-query']")  # always shown at 1280 px
    box.click()
    page.keyboard.type(query, delay=20)  # Material searches on key events, as a person types
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    results = page.locator(".md-search-result__list").inner_text()
    assert expected in results
    assert problems == []
    context.close()


def test_wide_tables_scroll_inside_their_box_on_a_phone(browser, base_url):
    context, page, problems = open_page(browser, base_url + "wilayah/bengkalis/rupat-utara/2023.html", width=360)
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 360
    box = page.locator("#tabel-kinerja").evaluate(
        "t => { const b = t.closest('.kc-table'); return [b.clientWidth, b.scrollWidth, getComputedStyle(b).overflowX]; }")
    assert box[1] > box[0] and box[2] == "auto"  # the table is wider than its box, and the box scrolls
    # The indicator names stay in view while the figures scroll.
    assert page.locator("#tabel-kinerja tbody th[scope=row]").first.evaluate("c => getComputedStyle(c).position") == "sticky"
    context.close()
