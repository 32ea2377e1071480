"""The site's search index: Pagefind (the `pagefind` binary of the pinned `pagefind-bin` package) over the built
HTML, written to `<site>/pagefind/`.

Pagefind splits the index into fragments that the browser fetches per query, so a visitor downloads a few
hundred KB whatever the number of pages (measured in benchmarks/bench_build.py). Run after the site is
built, and again over a site merged from shards (`scripts/merge_shards.py`), so there is one search.

The pages are handed to Pagefind one by one in the order of their paths, through its service mode
(`pagefind --service`: base64 JSON messages separated by commas, answered in order), and its files are
written from here (the service exits at the end of its input, possibly before it has written files itself).
`pagefind --site` would number the pages in the order the file system lists them, which differs between
machines and file systems, and with them the index files and their hashed names; two builds of one commit
must give the same files (tests/test_reproducible.py). The files are those `pagefind --site` writes.
"""

from __future__ import annotations

import base64
import contextlib
import json
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT_SELECTOR = "article.md-content__inner"  # the page text, without navigation, header or footer
EXCLUDE = ("[data-search-exclude]", ".headerlink", ".kc-chart", "nav.kc-breadcrumb", "nav.kc-pager")


class SearchIndexError(Exception):
    """Pagefind failed; the message is in Bahasa Indonesia."""


def _requests(site_dir: Path, pages: list[str]):
    # keep index.html: use_directory_urls is off (file shares)
    yield {"type": "NewIndex", "config": {"root_selector": ROOT_SELECTOR, "exclude_selectors": list(EXCLUDE),
                                          "keep_index_url": True}}
    for page in pages:  # a relative file_path: the page's URL is "/" + page, as `pagefind --site` makes it
        yield {"type": "AddFile", "index_id": 0, "file_path": page, "url": None,
               "file_contents": (site_dir / page).read_text(encoding="utf-8")}
    yield {"type": "GetFiles", "index_id": 0}


def index_site(site_dir: Path) -> None:
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html") if p.is_file())
    last = len(pages) + 2  # the message id of GetFiles, the last request
    with tempfile.TemporaryFile() as stderr:
        service = subprocess.Popen([sys.executable, "-m", "pagefind", "--service"], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=stderr)

        def send():  # in a thread, so that neither side waits on a full pipe
            try:
                for message_id, payload in enumerate(_requests(site_dir, pages), start=1):
                    message = json.dumps({"message_id": message_id, "payload": payload}).encode()
                    service.stdin.write(base64.b64encode(message) + b",")
                service.stdin.flush()
            except (BrokenPipeError, OSError):
                pass  # the service stopped: reported below

        writer = threading.Thread(target=send, daemon=True)
        writer.start()
        errors, files, done, parts = [], [], False, []
        while not done and (chunk := service.stdout.read1(1 << 16)):
            *ends, rest = chunk.split(b",")
            for end in ends:  # the end of an answer (GetFiles's, the whole index, spans many chunks)
                answer = json.loads(base64.b64decode(b"".join([*parts, end])))
                parts, payload = [], answer["payload"]
                if payload["type"] == "Error":
                    errors.append(payload["message"])
                files = payload.get("files", files)
                done = done or answer.get("message_id") == last
            parts.append(rest)
        writer.join()
        with contextlib.suppress(BrokenPipeError):
            service.stdin.close()  # at the end of its input the service exits
        service.wait()
        stderr.seek(0)
        problem = "\n".join(errors) or ("" if done else stderr.read().decode(errors="replace").strip() or "berhenti")
    if problem:
        raise SearchIndexError(f"indeks pencarian (Pagefind) gagal dibuat untuk {site_dir}:\n{problem}")
    for file in sorted(files, key=lambda f: f["path"]):  # paths within the bundle folder
        target = site_dir / "pagefind" / file["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(file["content"]))
