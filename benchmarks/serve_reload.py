"""Time from saving a YAML file to the reloaded page under `mkdocs serve`.

Usage: python benchmarks/serve_reload.py [ROUNDS] [--synth N] [--hanya "bengkalis/rupat-utara"]

Works on a copy of the project in a temporary folder (never on data/): starts
`mkdocs serve` there, opens the Rupat Utara 2023 page in Debian's chromium, then
changes the IKM realisasi in the copy's 2023.yaml and waits until the browser,
reloaded by MkDocs' livereload, shows the new figure. Prints each round and the median.
--synth N adds N synthetic kecamatan (`builder synth`, kabupaten folders the real data does not have) to the
copy; --hanya previews only those folders (`make serve HANYA=...`).
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from playwright.sync_api import sync_playwright  # noqa: E402
from screenshots import CHROMIUM_ARGS  # noqa: E402

PAGE = "wilayah/bengkalis/rupat-utara/2023.html"
YEAR_FILE = "data/wilayah/bengkalis/rupat-utara/2023.yaml"
ORIGINAL = "    realisasi: 89.81\n    sumber"
# Each round writes a new value; the page shows it with a decimal comma.
VALUES = ["89.71", "89.72", "89.73", "89.74", "89.75", "89.76", "89.77", "89.78", "89.79"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_served(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"mkdocs serve tidak menjawab di {url}")


def add_synthetic(work: Path, n: int) -> None:
    synth = work / "synth"
    subprocess.run([sys.executable, "-m", "builder", "synth", "--kecamatan", str(n), "--years", "5", "--out",
                    str(synth)], cwd=ROOT, check=True, capture_output=True)
    for kabupaten in (synth / "data" / "wilayah").iterdir():
        if not (work / "data" / "wilayah" / kabupaten.name).exists():
            shutil.move(kabupaten, work / "data" / "wilayah" / kabupaten.name)
    shutil.rmtree(synth)


def main(rounds: int, synth: int, hanya: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name in ("mkdocs.yml", "content", "data", "theme_overrides"):
            source = ROOT / name
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, work / name)
        if synth:
            add_synthetic(work, synth)
        year_file = work / YEAR_FILE
        text = year_file.read_text(encoding="utf-8")
        assert text.count(ORIGINAL) == 1, f"{YEAR_FILE} tidak lagi memuat '{ORIGINAL}' tepat sekali"
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "-f", str(work / "mkdocs.yml")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, KECAMATAN_HANYA=hanya))
        try:
            site_path = urlparse(os.environ.get("SITE_URL", "")).path or "/"  # mkdocs.yml: site_url from SITE_URL
            url = f"http://127.0.0.1:{port}{site_path}{PAGE}"
            wait_until_served(url, timeout=3600)
            timings = []
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                page = browser.new_page()
                page.goto(url, wait_until="load")
                for value in VALUES[:rounds]:
                    shown = value.replace(".", ",")
                    started = time.monotonic()
                    year_file.write_text(text.replace(ORIGINAL, f"    realisasi: {value}\n    sumber"), encoding="utf-8")
                    page.wait_for_function(
                        "shown => document.querySelector('#tabel-kinerja')?.innerText.includes(shown)",
                        arg=shown, timeout=60000, polling=50)
                    timings.append(time.monotonic() - started)
                    print(f"realisasi {shown}: halaman terbarui setelah {timings[-1]:.2f} s")
                browser.close()
            print(f"median {statistics.median(timings):.2f} s dari {len(timings)} kali "
                  f"(min {min(timings):.2f}, maks {max(timings):.2f})")
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("rounds", type=int, nargs="?", default=5)
    parser.add_argument("--synth", type=int, default=0)
    parser.add_argument("--hanya", default="")
    args = parser.parse_args()
    main(args.rounds, args.synth, args.hanya)
