"""The site's search index: Pagefind (the `pagefind` binary of the pinned `pagefind-bin` package) over the built
HTML, written to `<site>/pagefind/`.

Pagefind splits the index into fragments that the browser fetches per query, so a visitor downloads a few
hundred KB whatever the number of pages (measured in benchmarks/bench_build.py). Run after the site is
built, and again over a site merged from shards (`scripts/merge_shards.py`), so there is one search.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT_SELECTOR = "article.md-content__inner"  # the page text, without navigation, header or footer
EXCLUDE = ("[data-search-exclude]", ".headerlink", ".kc-chart", "nav.kc-breadcrumb", "nav.kc-pager")


class SearchIndexError(Exception):
    """Pagefind failed; the message is in Bahasa Indonesia."""


def index_site(site_dir: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--root-selector", ROOT_SELECTOR,
               "--keep-index-url", "--silent"]  # keep index.html: use_directory_urls is off (file shares)
    for selector in EXCLUDE:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"indeks pencarian (Pagefind) gagal dibuat untuk {site_dir}:\n"
                               f"{result.stderr.strip() or result.stdout.strip()}")
