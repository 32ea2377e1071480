"""Benchmark: how long the report pages are on a phone, in screens (page height at 360 px ÷ 640 px), section by
section, in headless Chromium. Usage: python benchmarks/phone_screens.py SITE_DIR   (a built site, e.g. build/site)
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from screenshots import CHROMIUM_ARGS, serve  # noqa: E402

PAGES = ["wilayah/bengkalis/rupat-utara/2023.html", "wilayah/paser/batu-sopang/2022.html",
         "wilayah/batu-bara/lima-puluh-pesisir/2023.html"]
SCREEN = 640


def main() -> None:
    site = Path(sys.argv[1])
    server, url = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for uri in PAGES:
                page = browser.new_page(viewport={"width": 360, "height": SCREEN})
                page.goto(url + uri, wait_until="networkidle")
                height = page.evaluate("document.documentElement.scrollHeight")
                sections = page.evaluate("[...document.querySelectorAll('article h2')].map(e => "
                                         "[e.textContent.replace('¶', '').trim(), e.getBoundingClientRect().top + scrollY])")
                print(f"{uri}: {height / SCREEN:.1f} screens")
                for (name, top), (_, end) in zip(sections, sections[1:] + [("", height)]):
                    print(f"  starts at {top / SCREEN:5.1f}, {(end - top) / SCREEN:4.1f} screens: {name}")
                page.close()
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
