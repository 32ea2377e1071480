"""Join the sites built as shards (content/operator.md) into one site with one search index.

Usage: python scripts/merge_shards.py OUT NATIONAL SHARD [SHARD ...]

NATIONAL is the site of the national build (KECAMATAN_BAGIAN alone: the pages over every kecamatan), each SHARD
the site of one shard (KECAMATAN_PROVINSI + KECAMATAN_BAGIAN: the kecamatan pages of some provinsi, with
placeholders where the nav's pages go). The national site's files win; any other file that several sites have
(theme assets, hand-written pages) must be byte-identical. The sitemaps are joined. OUT must not exist yet.
A site holding anything but folders and regular files (a symbolic link could copy any file of the machine into the
published site) is refused. Then Pagefind indexes the whole merged site once.
"""

from __future__ import annotations

import filecmp
import gzip
import os
import re
import stat
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from builder.search_index import SearchIndexError, index_site  # noqa: E402

JOINED = {"sitemap.xml", "sitemap.xml.gz"}


def files_of(site: Path) -> list[Path]:
    """Every file of a built site, never following a link; anything but folders and regular files is refused."""
    if site.is_symlink() or not site.is_dir():
        raise SystemExit(f"galat: {site} bukan folder situs")
    found = []
    for folder, dirs, files in os.walk(site, followlinks=False):
        for name in dirs + files:
            path = Path(folder) / name
            mode = path.lstat().st_mode
            if not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
                raise SystemExit(f"galat: {path} bukan berkas atau folder biasa (mis. tautan simbolik); bagian situs "
                                 "hanya boleh memuat berkas hasil pembangunan")
            if name in files:
                found.append(path)
    return sorted(found)


def merge(out: Path, national: Path, shards: list[Path]) -> None:
    if out.exists():
        raise SystemExit(f"galat: {out} sudah ada; pilih folder keluaran baru")
    sites = {site: files_of(site) for site in [national, *shards]}  # all checked before anything is written
    out.mkdir(parents=True)
    urls: set[str] = set()
    owned = {p.relative_to(national) for p in sites[national] if p.suffix == ".html"}
    for site, paths in sites.items():
        for path in paths:
            relative = path.relative_to(site)
            if relative.as_posix() in JOINED or relative.parts[0] == "pagefind":
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
            shutil.copy2(path, target, follow_symlinks=False)
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
