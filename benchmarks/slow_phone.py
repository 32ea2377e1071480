"""Benchmark: a citizen on a cheap phone over slow 3G (400 kbps down and up, 400 ms latency), in headless Chromium.

For the home page and the Rupat Utara 2023 report page, with and without gzip from the server: when the first text
is painted (first-contentful-paint), and, for a reader who scrolls to the first chart as soon as the text shows,
when that chart is visible (the builder's static SVG of a bar chart, in the page itself) and when plotly.js has made
it interactive (fetched only when a chart without a static drawing comes near the screen: on a phone a bar chart
stays static, and plotly.js is fetched only to export it). Cold cache each time.

Usage: python benchmarks/slow_phone.py SITE_DIR   (a built site, e.g. build/site after `make build`)
"""

from __future__ import annotations

import gzip
import http.server
import sys
import threading
import time
from functools import partial
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from screenshots import CHROMIUM_ARGS  # noqa: E402

PAGES = ["index.html", "wilayah/bengkalis/rupat-utara/2023.html"]
KBPS, LATENCY_MS = 400, 400
COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg", ".txt", ".xml")


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed for text when the server is told to (as GitHub Pages does)."""

    compress = False

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if not (self.compress and path.is_file() and path.suffix in COMPRESSIBLE
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


def serve(site: Path, compress: bool):
    handler = type("H", (Handler,), {"compress": compress})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def measure(browser, url: str) -> tuple[float, float | None, float | None]:
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    rate = KBPS * 1000 / 8
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": LATENCY_MS,
                                                  "downloadThroughput": rate, "uploadThroughput": rate})
    start = time.monotonic()
    page.goto(url, wait_until="commit")
    paint = None
    while paint is None:  # (polled: wait_for_function evaluates a string, which the page's CSP refuses)
        time.sleep(0.05)
        paint = page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime")
    first_text = paint / 1000
    chart = interactive = None
    if page.locator(".kc-chart__plot").count():
        page.locator(".kc-chart__plot").first.scroll_into_view_if_needed()
        first = page.locator(".kc-chart__plot").first
        first.locator(".kc-chart__static, .main-svg").first.wait_for(state="visible", timeout=180000)
        chart = time.monotonic() - start  # the builder's static drawing, or plotly's when there is none
        if not first.locator(".kc-chart__static").count():  # (a phone keeps a static bar chart: no plotly.js)
            first.locator(".main-svg").first.wait_for(state="attached", timeout=180000)
            interactive = time.monotonic() - start
    context.close()
    return first_text, chart, interactive


def main() -> None:
    site = Path(sys.argv[1])
    print(f"slow 3G: {KBPS} kbps, {LATENCY_MS} ms; 360 x 640 px; cold cache")
    print(f"{'page':45} {'gzip':5} {'first text s':>12} {'first chart s':>13} {'interactive s':>13}")
    with sync_playwright() as p:
        # (no --no-sandbox arguments beyond the project's own: the same Chromium as the browser tests)
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for compress in (True, False):
            server, url = serve(site, compress)
            try:
                for uri in PAGES:
                    first_text, chart, interactive = measure(browser, url + uri)
                    shown = ["–" if s is None else f"{s:.1f}" for s in (chart, interactive)]
                    print(f"{uri:45} {'ja' if compress else 'tidak':5} {first_text:12.1f} {shown[0]:>13} {shown[1]:>13}")
            finally:
                server.shutdown()
        browser.close()


if __name__ == "__main__":
    main()
