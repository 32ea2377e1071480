"""A reader follows a figure to the line of the data file it was transcribed into (headless Debian chromium)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import CHROMIUM, ROOT

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (make test installs it)")


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    tab.base = base_url
    yield tab
    context.close()


def test_a_figure_leads_to_its_yaml_line(page):
    # Rupat Utara LAKIP 2023: the IKM row (Tabel 3.2), transcribed in data/.../2023.yaml under `- indikator: ikm`.
    data = (ROOT / "data/wilayah/bengkalis/rupat-utara/2023.yaml").read_text(encoding="utf-8").splitlines()
    expected = data.index("  - indikator: ikm") + 1
    page.goto(page.base + "wilayah/bengkalis/rupat-utara/2023.html#indikator-ikm", wait_until="load")
    row = page.locator("tr#indikator-ikm")
    assert row.is_visible()
    assert row.locator("a.kc-tautan").get_attribute("href").endswith("2023.html#indikator-ikm")  # (instant navigation makes it absolute)
    row.locator("a", has_text="data: baris").click()
    page.wait_for_url("**/sumber/wilayah/bengkalis/rupat-utara/2023.yaml.html#L*")
    assert page.url.endswith(f"#L{expected}")
    target = page.locator("tr:target")
    assert target.count() == 1 and "- indikator: ikm" in target.inner_text()
    box = target.bounding_box()
    assert box and -1 < box["y"] < 740  # scrolled to, on a phone screen (sub-pixel offsets happen)
    page.get_by_role("link", name="Kembali ke halaman Kecamatan Rupat Utara").click()
    page.wait_for_url("**/wilayah/bengkalis/rupat-utara/2023.html")
