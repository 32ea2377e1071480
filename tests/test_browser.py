"""What a person sees, in headless Chromium (Debian's chromium, driven by Playwright)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from .conftest import CHROMIUM, ROOT, draw_every_chart

sys.path.insert(0, str(ROOT / "scripts"))
from screenshots import serve  # noqa: E402


pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (make test installs it)")


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
    # The first screen has no chart: plotly.js is not fetched until a chart comes near the screen.
    assert page.evaluate("typeof window.Plotly") == "undefined"
    charts = draw_every_chart(page)
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


@pytest.mark.parametrize("uri", ["wilayah/bengkalis/rupat-utara/index.html", "indikator/ikm.html",
                                 "wilayah/bengkalis/index.html", "wilayah/bengkalis/rupat-utara/2023.html"])
def test_a_phone_reads_every_chart_without_plotly(browser, base_url, uri):
    """Bars, lines over the years, bars of several series and the efficiency scatter are drawn by the builder too:
    at 360 px the reader opens every fold, scrolls past every chart, and plotly.js (the site's largest file) is
    never fetched."""
    context, page, problems = open_page(browser, base_url + uri, width=360)
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    charts = page.locator(".kc-chart__plot")
    for i in range(charts.count()):
        charts.nth(i).scroll_into_view_if_needed()
        page.wait_for_timeout(100)
    page.wait_for_timeout(800)
    assert charts.count() >= 1 and page.locator(".kc-chart__plot svg.kc-chart__static").count() == charts.count()
    assert not [u for u in requested if "plotly" in u]
    box = page.locator("svg.kc-chart__static").first.bounding_box()
    assert box["width"] <= 360 and box["height"] > 30
    assert problems == []
    context.close()


def test_instant_navigation_draws_charts(browser, base_url):
    context, page, problems = open_page(browser, base_url + "wilayah/bengkalis/rupat-utara/index.html")
    page.locator("a[href$='rupat-utara/2023.html']").first.click()  # Material makes hrefs absolute
    page.wait_for_url("**/2023.html")
    page.locator(".kc-chart__plot").first.scroll_into_view_if_needed()
    page.wait_for_selector(".kc-chart__plot svg.main-svg", timeout=15000)
    assert problems == []
    context.close()


@pytest.mark.parametrize("query, expected", [
    ("rupat", "Rupat Utara"),
    ("kriminalitas", "Batu Sopang"),
    ("kepuasan masyarakat", "Indeks Kepuasan Masyarakat"),
    ("puas", "Indeks Kepuasan Masyarakat"),  # Indonesian stemming: kepuasan -> puas
    ("rupat utara 2022", "Kecamatan Rupat Utara — kinerja 2022"),
    ("dumai", "Kota Dumai"),  # a kota without reports has its page, which says so
    ("bakongan", "Kabupaten Aceh Selatan"),  # and so does every kecamatan, on its kabupaten's page
])
def test_search_finds_by_the_words_people_type(browser, base_url, query, expected):
    context, page, problems = open_page(browser, base_url + "index.html")
    box = page.locator("#kc-search-input")  # always shown at 1280 px
    box.click()
    page.keyboard.type(query, delay=20)
    page.wait_for_timeout(800)  # the search waits for a pause in typing
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    titles = page.locator(".md-search-result__item h1").all_inner_texts()
    assert any(expected in title for title in titles[:3]), titles
    assert problems == []
    context.close()


@pytest.mark.parametrize("query, first", [
    ("lima puluh", "Kecamatan Lima Puluh Pesisir — kinerja 2023"),  # before: Kabupaten Lima Puluh Kota (no reports)
    ("rupat utara", "Kecamatan Rupat Utara — kinerja 2023"),  # before: 2021 first
])
def test_search_puts_the_latest_report_first(browser, base_url, query, first):
    """#27: places without reports ranked first, and a kecamatan's oldest year before its latest (a short page
    won on length). Title weights (latest year, kecamatan with reports above kabupaten without) now decide, with
    Pagefind's page-length factor reduced."""
    context, page, problems = open_page(browser, base_url + "index.html")
    page.locator("#kc-search-input").click()
    page.keyboard.type(query, delay=20)
    page.wait_for_timeout(800)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    titles = page.locator(".md-search-result__item h1").all_inner_texts()
    assert titles and titles[0] == first, titles
    assert problems == []
    context.close()


def test_search_without_result_points_to_the_list_of_areas(browser, base_url):
    context, page, problems = open_page(browser, base_url + "wilayah/bengkalis/rupat-utara/index.html", width=360)
    page.click("label.md-header__button[for=__search]")
    page.keyboard.type("qqqqwwww", delay=20)
    meta = page.locator("#kc-search-meta")
    meta.get_by_text("Tidak ada hasil").wait_for(timeout=15000)
    page.locator("#kc-search-meta a").click()
    page.wait_for_url("**/wilayah/index.html")
    assert page.locator("h1").inner_text().startswith("Wilayah")
    assert problems == []
    context.close()


@pytest.mark.parametrize("uri, table", [("wilayah/paser/batu-sopang/2022.html", "table.kc-findings"),
                                        ("riwayat.html", "table.kc-changes")])
def test_audit_and_history_tables_read_at_360_px_without_sideways_scrolling(browser, base_url, uri, table):
    """#26: the audit's and the history's tables cut off "Hitungan kami" (now "Angka kami"), "Kemungkinan penyebab" and "Baru" at
    360 px; each row is now a card whose every cell is on screen."""
    context, page, problems = open_page(browser, base_url + uri, width=360)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    tables = page.locator(table)
    assert tables.count() > 0
    widths = tables.evaluate_all("ts => ts.map(t => [t.closest('.kc-table').clientWidth, t.closest('.kc-table').scrollWidth])")
    assert all(scroll <= client for client, scroll in widths), widths
    rights = tables.first.locator("tbody tr").first.locator("td").evaluate_all(
        "cs => cs.map(c => c.getBoundingClientRect().right)")
    assert rights and max(rights) <= 360, rights
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert problems == []
    context.close()


def test_wide_tables_scroll_inside_their_box_on_a_phone(browser, base_url):
    context, page, problems = open_page(browser, base_url + "wilayah/bengkalis/rupat-utara/2023.html", width=360)
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 360
    # The indicator table is a card per indicator: every answer (Penilaian, Status) is on screen, no sideways scroll.
    box = page.locator("#tabel-kinerja").evaluate(
        "t => { const b = t.closest('.kc-table'); return [b.clientWidth, b.scrollWidth]; }")
    assert box[1] <= box[0]
    first = page.locator("#tabel-kinerja tbody tr[id]").first
    for label in ("Target", "Realisasi", "Capaian", "Penilaian", "Status"):
        cell = first.locator(f'td[data-label="{label}"]')
        right = cell.evaluate("c => c.getBoundingClientRect().right")
        assert cell.is_visible() and right <= 360, (label, right)
    # Other wide tables scroll inside their box, their row names staying in view.
    page.locator("#idm-desa > summary").click()  # the IDM table (seven columns), folded until opened
    desa = page.locator("tr[id^=desa-]").first
    wide = desa.evaluate("r => { const b = r.closest('.kc-table'); return [b.clientWidth, b.scrollWidth, "
                         "getComputedStyle(b).overflowX, getComputedStyle(r.querySelector('th')).position]; }")
    assert wide[1] > wide[0] and wide[2] == "auto" and wide[3] == "sticky"
    context.close()


# -- Hostile data in every free-text field, in a real browser ------------------------------------------------------

PAYLOAD = ('<script>window.__pwned=1</script></script><img src=x onerror="window.__pwned=1"> '
           '[klik](javascript:window.__pwned=1) [data](data:text/html,<script>window.__pwned=1</script>) '
           '{{ 7*7 }} {% raw %} | a | b | \u202e *x* <b onmouseover="window.__pwned=1">b</b>')
FREE_TEXT = {  # file -> dotted paths of free-text fields ([n] = list item)
    "wilayah/contoh/kabupaten.yaml": ["nama", "provinsi.nama"],
    "wilayah/contoh/kec-contoh/profil.yaml": ["nama", "ibukota", "semboyan", "tugas", "fungsi[0]", "catatan",
                                              "laporan[0].judul", "laporan[0].tempat"],
    "wilayah/contoh/kec-contoh/renstra-2021-2026.yaml": [
        "tujuan[0].nama", "tujuan[0].sasaran[0].nama", "tujuan[0].sasaran[0].indikator[0].nama",
        "tujuan[0].sasaran[0].indikator[0].satuan", "tujuan[0].sasaran[0].indikator[0].definisi",
        "tujuan[0].sasaran[1].indikator[0].nama", "catatan"],
    "wilayah/contoh/kec-contoh/2023.yaml": [
        "camat.nama", "kinerja[0].catatan", "kinerja[0].narasi.pendukung", "kinerja[0].narasi.solusi",
        "kinerja[0].sumber.tabel", "anggaran.program[0].nama", "anggaran.program[0].kegiatan[0].nama",
        "narasi.ringkasan", "narasi.kesimpulan", "catatan", "penghargaan[0].nama"],
}


def _put(document, path: str, value: str) -> None:
    parts = [int(p) if p.isdigit() else p for p in path.replace("[", ".").replace("]", "").split(".")]
    node = document
    for part, following in zip(parts, parts[1:]):
        if isinstance(part, int):
            while len(node) <= part:
                node.append({} if not isinstance(following, int) else [])
            node = node[part]
        else:
            node = node.setdefault(part, [] if isinstance(following, int) else {})
    last = parts[-1]
    if isinstance(last, int):
        while len(node) <= last:
            node.append(None)
    node[last] = value


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    import subprocess

    import yaml

    from .conftest import DATA, MINIMAL

    work = tmp_path_factory.mktemp("hostile")
    for name in ("mkdocs.yml", "content", "theme_overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, work / name)
    shutil.copytree(MINIMAL, work / "data")
    # Without the Kemendagri list the site's areas are the data's own, where every payload is: visiting the
    # country's 550 area pages would only repeat official names.
    shutil.copytree(DATA / "referensi", work / "data" / "referensi", ignore=shutil.ignore_patterns("kemendagri"))
    (work / "data/wilayah/contoh/kec-contoh/2023.yaml").write_text(
        (work / "data/wilayah/contoh/kec-contoh/2023.yaml").read_text(encoding="utf-8")
        + "camat: {nama: x}\npenghargaan: [{nama: x}]\n", encoding="utf-8")
    for relative, paths in FREE_TEXT.items():
        path = work / "data" / relative
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for field in paths:
            _put(document, field, PAYLOAD)
        path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(work / "site")],
                            cwd=work, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-3000:]
    server, url = serve(work / "site")
    yield work / "site", url
    server.shutdown()


def test_no_payload_runs_on_any_page_or_in_search(browser, hostile_site):
    site, url = hostile_site
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert "wilayah/contoh/kec-contoh/2023.html" in pages
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for uri in pages:
        page.goto(url + uri, wait_until="networkidle")
        page.mouse.move(200, 300)
        assert page.evaluate("window.__pwned") is None, uri
        assert page.evaluate("document.querySelectorAll('a[href^=\"javascript:\" i], a[href^=\"data:\" i]').length") == 0, uri
        assert page.evaluate("document.querySelectorAll('[onerror], [onmouseover]').length") == 0, uri
    page.goto(url + "index.html", wait_until="networkidle")
    page.fill("#kc-search-input", "pwned script onerror")
    page.wait_for_timeout(1500)
    assert page.evaluate("window.__pwned") is None
    year = (site / "wilayah/contoh/kec-contoh/2023.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned" in year or "&lt;script&gt;" in year  # shown as text
    assert "49" not in page.evaluate("document.title")  # {{ 7*7 }} is not evaluated anywhere
    context.close()


# -- Accessibility: axe-core on every kind of page, light and dark -----------------------------------------------

PAGE_KINDS = ["index.html", "wilayah/index.html", "wilayah/bengkalis/index.html", "wilayah/bengkalis/rupat-utara/index.html",
              "wilayah/bengkalis/rupat-utara/2023.html", "wilayah/paser/batu-sopang/2022.html", "indikator/index.html",
              "indikator/ikm.html", "metodologi.html", "unduh/index.html", "riwayat.html", "tentang.html", "kamus-data.html",
              "api.html", "sumber/wilayah/bengkalis/rupat-utara/2023.yaml.html"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(browser, base_url, scheme):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = {}
    for uri in PAGE_KINDS:
        page.goto(base_url + uri, wait_until="networkidle")
        violations = axe.run(page).response["violations"]
        serious = [f'{v["id"]} ({len(v["nodes"])}): {v["nodes"][0]["target"]}' for v in violations
                   if v["impact"] in ("serious", "critical")]
        if serious:
            found[uri] = serious
    context.close()
    assert not found, found


def test_pages_work_under_their_content_security_policy(browser, base_url):
    """Each page carries a CSP (default-src 'self', no unsafe-inline; the theme's inline scripts by hash): no
    violation on any kind of page, and the charts still draw."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation', "
                         "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")
    for uri in PAGE_KINDS:
        page.goto(base_url + uri, wait_until="networkidle")
        html = page.content()
        assert 'http-equiv="Content-Security-Policy"' in html and "unsafe-inline" not in html, uri
        assert page.evaluate("window.__csp") == [], (uri, page.evaluate("window.__csp"))
    page.goto(base_url + "wilayah/bengkalis/rupat-utara/2023.html", wait_until="networkidle")
    page.locator(".kc-chart__plot").first.scroll_into_view_if_needed()
    page.wait_for_selector(".kc-chart__plot .main-svg", timeout=20000)
    assert page.evaluate("window.__csp") == []
    context.close()


# Words a citizen should never meet: our tools, slugs, field paths, report ids, English error titles.
DEVELOPER_WORDS = ["builder", "permendagri-86-2017", "capaian-kurang-penyerapan", "target-per-realisasi",
                   "program[].", "anggaran.dinyatakan", "SUMBER.md", "lakip-2023", "lkjip-2022", "lkj-2023", "Not found",
                   "(predikat) (predikat)", "None", "undefined"]


@pytest.mark.parametrize("uri", [u for u in PAGE_KINDS if u not in ("kamus-data.html", "api.html") and
                                 not u.startswith("sumber/")] + ["404.html"])  # (those two name the codes)
def test_no_developer_words_on_a_phone(browser, base_url, uri):
    """What a reader sees at 360 px (the page's visible text; the staff's own transcription notes excepted)."""
    context, page, problems = open_page(browser, base_url + uri, width=360)
    text = page.evaluate("""() => { const a = document.querySelector('article') || document.body;
        const c = a.cloneNode(true); c.querySelectorAll('.kc-story, script, code').forEach(e => e.remove());
        return c.innerText; }""")
    found = [w for w in DEVELOPER_WORDS if w in text]
    assert found == [], (uri, found)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, uri  # no sideways page scroll
    context.close()


def test_the_home_cards_links_are_a_fingers_target(browser, base_url):
    """#27: the home card's year link measured 28 × 15 px; WCAG 2.5.8 asks for 24 × 24 px."""
    context, page, problems = open_page(browser, base_url + "index.html", width=360)
    boxes = page.locator(".kc-card dd a").evaluate_all(
        "as => as.map(a => { const r = a.getBoundingClientRect(); return [r.width, r.height]; })")
    assert boxes and all(w >= 24 and h >= 24 for w, h in boxes), boxes
    assert problems == []
    context.close()


def test_the_citation_has_its_access_date_and_a_copy_button(browser, base_url):
    """#27: the citation had no access date (a build cannot know it), no copy button, and said "commit"."""
    import datetime as dt

    context = browser.new_context(viewport={"width": 360, "height": 800}, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + "wilayah/bengkalis/rupat-utara/2023.html", wait_until="networkidle")
    text = page.locator("#kutipan").inner_text()
    months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
              "November", "Desember"]
    today = dt.date.today()
    assert f"Diakses {today.day} {months[today.month - 1]} {today.year}." in text
    assert "commit" not in text and "Versi data:" in text
    button = page.locator("button[data-kc-copy]")
    assert button.is_visible()
    button.click()
    page.wait_for_timeout(300)
    assert page.evaluate("navigator.clipboard.readText()") == " ".join(text.split())
    context.close()
