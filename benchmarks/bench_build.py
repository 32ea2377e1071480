"""Benchmark: the whole build against bare MkDocs Material building the same generated pages, in one paired run.

Usage: python benchmarks/bench_build.py [--kecamatan 10 100 1000] [--years 5]   (`make bench`)

For each N: synthetic data (`builder synth`, seed 0), then, each in its own process (wall time and peak memory
from /usr/bin/time):
  builder pages   the builder alone: load, validate, analyse, audit, render the Markdown
  ours            `mkdocs build` with our plugin (builder + Material + the Pagefind index), history off
  bare            bare Material with its own search plugin over the pages `builder pages` wrote
Then the site size, the pages, the median report page's HTML, and the bytes a visitor downloads for one query
(Pagefind: what headless Chromium fetches for "kepuasan"; bare Material: its whole search_index.json and worker).
Runs one after another, so the machine holds one build at a time.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "scripts"))
QUERY = "kepuasan"


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, peak MB) of one command in its own process."""
    out = subprocess.run(["/usr/bin/time", "-f", "%e %M", *command], cwd=cwd, capture_output=True, text=True,
                         env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    if out.returncode != 0:
        sys.exit(f"{' '.join(map(str, command))} failed:\n{out.stderr[-3000:]}")
    wall, kb = out.stderr.strip().splitlines()[-1].split()
    return float(wall), int(kb) / 1024


def config(tmp: Path, data: Path, docs: Path | None) -> Path:
    """Our mkdocs.yml pointed at the synthetic data (ours), or a bare Material one over written pages (bare)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if docs is None:
        text = text.replace("      data_dir: data", f"      data_dir: {data}\n      history: false")
        text = text.replace("custom_dir: theme_overrides", f"custom_dir: {ROOT / 'theme_overrides'}")
        text = text.replace("docs_dir: content", f"docs_dir: {ROOT / 'content'}")
        path = tmp / "ours.yml"
    else:
        start, end = text.index("plugins:"), text.index("markdown_extensions:")
        text = text[:start] + "plugins:\n  - search\n\n" + text[end:]
        text = text.replace("docs_dir: content", f"docs_dir: {docs}")
        text = text.replace("  custom_dir: theme_overrides\n", "")
        start, end = text.index("extra_css:"), text.index("nav:")  # our stylesheets and scripts
        text = text[:start] + text[end:]
        path = tmp / "bare.yml"
    start, end = text.index("watch:"), text.index("extra:")
    text = text[:start] + text[end:]  # watched folders are for `mkdocs serve` only
    path.write_text(text.replace("strict: true", "strict: false"), encoding="utf-8")
    return path


def site_size(site: Path) -> tuple[int, float]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return sum(1 for p in files if p.suffix == ".html"), sum(p.stat().st_size for p in files) / 1e6


def median_report_page(site: Path) -> float:
    sizes = [p.stat().st_size for p in site.glob("wilayah/*/*/[0-9][0-9][0-9][0-9].html")]
    return statistics.median(sizes) / 1e3 if sizes else 0.0


def pagefind_query_bytes(site: Path) -> float:
    """KB fetched under pagefind/ for one query with its first page of results, in headless Chromium."""
    from playwright.sync_api import sync_playwright
    from screenshots import CHROMIUM_ARGS, serve

    server, url = serve(site)
    got: list[int] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                        args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.on("requestfinished",
                    lambda r: got.append(r.sizes()["responseBodySize"]) if "/pagefind/" in r.url else None)
            page.goto(url + "index.html", wait_until="networkidle")
            page.fill("#kc-search-input", QUERY)
            page.wait_for_selector(".md-search-result__item", timeout=30000)
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        server.shutdown()
    return sum(got) / 1e3


def material_query_bytes(site: Path) -> float:
    worker = sum(p.stat().st_size for p in site.glob("assets/javascripts/workers/search.*.min.js"))
    return ((site / "search" / "search_index.json").stat().st_size + worker) / 1e3


def bench(n: int, years: int, tmp: Path) -> list[dict]:
    data = tmp / "synth"
    subprocess.run([BIN / "python", "-m", "builder", "synth", "--kecamatan", str(n), "--years", str(years),
                    "--out", str(data)], cwd=ROOT, check=True, capture_output=True)
    data = data / "data"
    pages = tmp / "pages"
    builder_time, builder_mem = timed([BIN / "python", "-m", "builder", "--data", str(data), "pages", "--out",
                                       str(pages)], ROOT)
    docs = tmp / "docs"  # the generated pages with the hand-written ones, as our build has them
    shutil.copytree(pages, docs)
    shutil.copytree(ROOT / "content", docs, dirs_exist_ok=True)
    rows = []
    for name, cfg in (("ours", config(tmp, data, None)), ("bare", config(tmp, data, docs))):
        site = tmp / f"site-{name}"
        wall, mem = timed([BIN / "mkdocs", "build", "-q", "-f", str(cfg), "--site-dir", str(site)], ROOT)
        html, size = site_size(site)
        search = pagefind_query_bytes(site) if name == "ours" else material_query_bytes(site)
        rows.append({"N": n, "build": name, "wall": wall, "mem": mem, "pages": html, "size": size,
                     "search": search, "report": median_report_page(site)})
    rows[0]["builder"] = (builder_time, builder_mem)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kecamatan", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{'N':>5} {'build':>5} {'wall s':>8} {'peak MB':>8} {'pages':>6} {'site MB':>8} {'search KB/query':>16} "
          f"{'median report KB':>17} {'ratio wall':>10} {'ratio mem':>9}")
    for n in args.kecamatan:
        with tempfile.TemporaryDirectory() as tmp:
            ours, bare = bench(n, args.years, Path(tmp))
        builder_time, builder_mem = ours.pop("builder")
        for row in (ours, bare):
            ratio = (f"{ours['wall'] / bare['wall']:10.2f} {ours['mem'] / bare['mem']:9.2f}"
                     if row is ours else f"{'':>10} {'':>9}")
            print(f"{row['N']:>5} {row['build']:>5} {row['wall']:8.1f} {row['mem']:8.0f} {row['pages']:>6} "
                  f"{row['size']:8.1f} {row['search']:16.0f} {row['report']:17.0f} {ratio}")
        print(f"{n:>5} builder pages alone: {builder_time:.1f} s, peak {builder_mem:.0f} MB", flush=True)


if __name__ == "__main__":
    main()
