"""Join the sites built as shards (content/operator.md) into one site with one search index.

Usage: python scripts/merge_shards.py OUT NATIONAL SHARD [SHARD ...]

NATIONAL is the site of the national build (KECAMATAN_BAGIAN alone: the pages over every kecamatan), each SHARD
the site of one shard (KECAMATAN_PROVINSI + KECAMATAN_BAGIAN: the kecamatan pages of some provinsi, with
placeholders where the nav's pages go). The national site's files win; any other file that several sites have
(theme assets, hand-written pages) must be byte-identical. The sitemaps are joined. OUT must not exist yet.
Then Pagefind indexes the whole merged site once.
"""

from __future__ import annotations

import filecmp
import gzip
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from builder.search_index import SearchIndexError, index_site  # noqa: E402

JOINED = {"sitemap.xml", "sitemap.xml.gz"}


def merge(out: Path, national: Path, shards: list[Path]) -> None:
    if out.exists():
        raise SystemExit(f"galat: {out} sudah ada; pilih folder keluaran baru")
    out.mkdir(parents=True)
    urls: set[str] = set()
    owned = {p.relative_to(national) for p in national.rglob("*.html")}
    for site in [national, *shards]:
        for path in sorted(site.rglob("*")):
            relative = path.relative_to(site)
            if path.is_dir() or relative.as_posix() in JOINED or relative.parts[0] == "pagefind":
                continue
            target = out / relative
            if site is not national and relative in owned:
                continue  # a shard's placeholder for a page of the national build
            if target.exists():
                if not filecmp.cmp(path, target, shallow=False):
                    raise SystemExit(f"galat: {relative} berbeda antara bagian situs ({site}); "
                                     "bangun semua bagian dari commit yang sama")
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
        sitemap = site / "sitemap.xml"
        if sitemap.is_file():
            urls |= set(re.findall(r"<url>.*?</url>", sitemap.read_text(encoding="utf-8"), flags=re.S))
    body = "\n".join(sorted(urls, key=lambda u: re.search(r"<loc>(.*?)</loc>", u).group(1)))
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
           f"{body}\n</urlset>\n")
    (out / "sitemap.xml").write_text(xml, encoding="utf-8")
    (out / "sitemap.xml.gz").write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))
    try:
        index_site(out)
    except SearchIndexError as error:
        raise SystemExit(f"galat: {error}") from None


if __name__ == "__main__":
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    merge(Path(sys.argv[1]), Path(sys.argv[2]), [Path(p) for p in sys.argv[3:]])
