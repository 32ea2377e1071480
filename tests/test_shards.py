"""The country built in shards (content/operator.md): two provinsi shards and the national build, merged, give
the same site as one whole build, with one search index."""

from __future__ import annotations

import subprocess
import sys

from builder import provinsi_of_folders

from .conftest import DATA, ROOT


def build(out, **env):
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)], cwd=ROOT,
                            capture_output=True, text=True,
                            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", **env})
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def test_two_shards_and_the_national_build_merge_into_the_whole_site(tmp_path, site):
    codes = sorted(set(provinsi_of_folders(DATA).values()))
    assert codes == ["12", "14", "64"]  # Sumatera Utara, Riau, Kalimantan Timur (kabupaten.yaml of each folder)
    parts = tmp_path / "bagian"
    shards = [build(tmp_path / "shard-a", KECAMATAN_PROVINSI=codes[0], KECAMATAN_BAGIAN=str(parts)),
              build(tmp_path / "shard-b", KECAMATAN_PROVINSI=" ".join(codes[1:]), KECAMATAN_BAGIAN=str(parts))]
    assert sorted(p.name for p in parts.iterdir()) == ["provinsi-12.pickle", "provinsi-14-64.pickle"]
    assert (shards[0] / "wilayah/batu-bara/lima-puluh-pesisir/2022.html").exists()
    assert not (shards[0] / "wilayah/bengkalis/rupat-utara/2023.html").exists()
    national = build(tmp_path / "national", KECAMATAN_BAGIAN=str(parts))
    assert not list(national.glob("wilayah/*/*/*.html"))  # no kecamatan page: those are the shards'

    merged = tmp_path / "merged"
    result = subprocess.run([sys.executable, "scripts/merge_shards.py", str(merged), str(national), *map(str, shards)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr

    whole = {p.relative_to(site): p.read_bytes() for p in site.rglob("*.html")}
    joined = {p.relative_to(merged): p.read_bytes() for p in merged.rglob("*.html")}
    assert joined.keys() == whole.keys()
    assert [str(p) for p in whole if whole[p] != joined[p]] == []
    sitemap = (merged / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<loc>") == (site / "sitemap.xml").read_text(encoding="utf-8").count("<loc>")
    assert (merged / "pagefind" / "pagefind.js").is_file()
    indexed = [p for p, html in whole.items() if b"md-content__inner" in html and str(p) != "404.html"]
    assert len(list((merged / "pagefind" / "fragment").iterdir())) == len(indexed)  # every site page but the 404


def test_merge_refuses_sites_of_different_commits(tmp_path, site):
    other = tmp_path / "other"
    (other / "assets").mkdir(parents=True)
    stylesheet = next(site.glob("assets/stylesheets/kecamatan.css")).relative_to(site)
    (other / stylesheet).parent.mkdir(parents=True, exist_ok=True)
    (other / stylesheet).write_text("/* another version */", encoding="utf-8")
    result = subprocess.run([sys.executable, "scripts/merge_shards.py", str(tmp_path / "out"), str(site), str(other)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert "berbeda antara bagian situs" in result.stderr
