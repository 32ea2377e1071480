"""Transferred size of a page as a phone would load it: every request, gzip-compressed.

Usage: python benchmarks/page_weight.py [SITE_DIR]   (default: build/site, made by `make build`)

Opens each page in Debian's chromium (headless), records every response the page
needs until the network is idle and the charts are drawn, and gzips each body at
level 6 (what nginx and GitHub Pages' CDN send). Prints the total with and
without plotly.js, split into HTML, CSS, JS and data.
"""

from __future__ import annotations

import gzip
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from playwright.sync_api import sync_playwright  # noqa: E402
from screenshots import CHROMIUM_ARGS, serve  # noqa: E402

PAGES = {
    "Beranda": "index.html",
    "Laporan Rupat Utara 2023": "wilayah/bengkalis/rupat-utara/2023.html",
    "Laporan Batu Sopang 2022": "wilayah/paser/batu-sopang/2022.html",
    "Perbandingan IKM": "indikator/ikm.html",
    "Metodologi": "metodologi.html",
}
AIM_KB = 150


def kind_of(path: str) -> str:
    if "plotly" in path:
        return "plotly.js"
    suffix = Path(path).suffix
    return {".html": "HTML", ".css": "CSS", ".js": "JS", ".json": "data"}.get(suffix, "lain")


def transferred(site: Path, page_path: str, base: str, browser) -> dict[str, int]:
    """Gzipped bytes per kind for everything the page loads."""
    paths: list[str] = []
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.on("response", lambda r: paths.append(urlparse(r.url).path))
    page.goto(base + page_path, wait_until="networkidle")
    page.wait_for_timeout(500)
    context.close()
    sizes: dict[str, int] = defaultdict(int)
    for path in dict.fromkeys(paths):  # each file once (the browser caches repeats)
        file = site / path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if file.is_file():
            sizes[kind_of(path)] += len(gzip.compress(file.read_bytes(), compresslevel=6))
    return sizes


def kb(n: int) -> str:
    return f"{n / 1024:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")


def main(site: Path) -> None:
    if not (site / "index.html").is_file():
        sys.exit(f"{site} tidak berisi situs; jalankan dulu `make build`.")
    server, base = serve(site)
    kinds = ["HTML", "CSS", "JS", "data", "lain"]
    print(f"Ukuran terkirim (gzip level 6, KB) dari {site}; target halaman laporan < {AIM_KB} KB tanpa plotly.js\n")
    print(f"{'Halaman':28} " + " ".join(f"{k:>7}" for k in kinds) + f" {'tanpa plotly':>13} {'plotly.js':>10} {'total':>8}")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for name, path in PAGES.items():
                if not (site / path).is_file():
                    continue
                sizes = transferred(site, path, base, browser)
                without = sum(sizes[k] for k in kinds)
                print(f"{name:28} " + " ".join(f"{kb(sizes[k]):>7}" for k in kinds)
                      + f" {kb(without):>13} {kb(sizes['plotly.js']):>10} {kb(without + sizes['plotly.js']):>8}")
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "site")
