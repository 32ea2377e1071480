"""Screenshots of every kind of page at phone and laptop widths, light and dark.

Usage: python scripts/screenshots.py SITE_DIR OUT_DIR
Serves SITE_DIR on localhost and drives Debian's chromium (headless) with Playwright.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGES = {
    "beranda": "index.html",
    "kabupaten": "wilayah/bengkalis/index.html",
    "kecamatan": "wilayah/bengkalis/rupat-utara/index.html",
    "tahun": "wilayah/bengkalis/rupat-utara/2023.html",
    "tahun-paser": "wilayah/paser/batu-sopang/2022.html",
    "banding": "indikator/ikm.html",
    "metodologi": "metodologi.html",
}


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


def save_in_parts(page, stem: Path, width: int, part_height: int = 1600) -> None:
    """Full-page screenshot cut into parts short enough to look at one by one."""
    height = page.evaluate("document.documentElement.scrollHeight")
    for number, top in enumerate(range(0, height, part_height), start=1):
        clip = {"x": 0, "y": top, "width": width, "height": min(part_height, height - top)}
        page.screenshot(path=f"{stem}-{number:02d}.png", full_page=True, clip=clip)


def main(site: Path, out: Path, pages: dict[str, str] = PAGES) -> None:
    out.mkdir(parents=True, exist_ok=True)
    server, base = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for scheme in ("light", "dark"):
                for width in (360, 1280):
                    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
                    page = context.new_page()
                    for name, path in pages.items():
                        page.goto(base + path, wait_until="networkidle")
                        page.wait_for_timeout(300)
                        save_in_parts(page, out / f"{name}-{width}-{scheme}", width)
                    context.close()
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
