"""Two builds of one commit give byte-identical sites (no build time, random ids, absolute paths of the build
machine or unstable ordering), so a diff of two published sites shows exactly what changed."""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import types
from pathlib import Path

from builder.history import head_commit_time
from builder.mkdocs_plugin.plugin import KecamatanPlugin

from .conftest import DATA, ROOT


def start_build(out: Path, hash_seed: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": hash_seed,
                                 "SITE_URL": "https://example.org/kinerja-kecamatan/"})  # as published: a sitemap


def files_of(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def first_difference(a: Path, b: Path) -> str:
    try:
        lines_a = a.read_text(encoding="utf-8").splitlines()
        lines_b = b.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        return "(binary) sha256 " + " != ".join(hashlib.sha256(p.read_bytes()).hexdigest() for p in (a, b))
    diff = difflib.unified_diff(lines_a, lines_b, str(a), str(b), n=1, lineterm="")
    return "\n".join(line[:300] for line in list(diff)[:30])


def test_two_builds_of_one_commit_are_byte_identical(tmp_path):
    # Both builds run at once (the wall time of one), each with its own string hash seed, so that iterating a set or
    # dict of strings in a different order shows; in differently named and nested folders, so that an absolute path
    # of the build leaking into the output shows.
    first, second = tmp_path / "eins" / "site", tmp_path / "zwei" / "anderswo" / "situs"
    builds = [start_build(first, "1"), start_build(second, "2")]
    for build in builds:
        _, stderr = build.communicate()
        assert build.returncode == 0, stderr[-3000:]

    files_a, files_b = files_of(first), files_of(second)
    assert files_a.keys() == files_b.keys(), (
        f"only in the first build: {sorted(files_a.keys() - files_b.keys())[:10]}; "
        f"only in the second: {sorted(files_b.keys() - files_a.keys())[:10]}")
    differing = [name for name in files_a if files_a[name].read_bytes() != files_b[name].read_bytes()]
    assert not differing, (f"{len(differing)} files differ between two builds, e.g. {differing[:10]}; the first:\n"
                           + first_difference(files_a[differing[0]], files_b[differing[0]]))

    # The build's date is the commit's (not today's): it is what the sitemap says.
    day = dt.datetime.fromtimestamp(int(head_commit_time(DATA)), dt.timezone.utc).date().isoformat()
    sitemap = (first / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<lastmod>") > 100 and sitemap.count("<lastmod>") == sitemap.count(f"<lastmod>{day}<"), day


def git(repo: Path, *args: str, **env: str) -> str:
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                          check=True, capture_output=True, text=True, env={**os.environ, **env}).stdout


def configured_plugin(data_dir: Path) -> tuple[KecamatanPlugin, types.SimpleNamespace]:
    plugin = KecamatanPlugin()
    errors, warnings = plugin.load_config({"data_dir": data_dir.name})
    assert not errors, errors
    return plugin, types.SimpleNamespace(config_file_path=str(data_dir.parent / "mkdocs.yml"))


def test_the_build_date_is_the_time_of_the_commit(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    assert head_commit_time(data) == ""  # not in git: MkDocs keeps today's date
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")  # (undone after the test: the variable is absent again)
    plugin, config = configured_plugin(data)
    plugin.on_config(config)
    assert "SOURCE_DATE_EPOCH" not in os.environ

    (data / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "data", GIT_COMMITTER_DATE="2024-05-06T07:08:09Z")
    assert head_commit_time(data) == "1714979289"
    plugin.on_config(config)
    assert os.environ["SOURCE_DATE_EPOCH"] == "1714979289"

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")  # one set by whoever runs the build wins
    plugin.on_config(config)
    assert os.environ["SOURCE_DATE_EPOCH"] == "1600000000"


def test_the_search_index_does_not_depend_on_the_order_the_file_system_lists_pages(tmp_path, monkeypatch):
    from builder.search_index import index_site

    names = [f"wilayah/k{i % 3}/halaman-{i}.html" for i in range(24)]

    def site(folder: Path, order: list[str]) -> Path:
        for i, name in sorted(enumerate(names), key=lambda item: order.index(item[1])):
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(f'<html lang="id"><body><article class="md-content__inner"><h1>Halaman {i}'
                                       f'</h1><p>kecamatan kata{i} anggaran {i * 7}</p></article></body></html>',
                                       encoding="utf-8")
        return folder

    # A tmpfs (/dev/shm) lists a folder newest first, so there `pagefind --site` numbers the pages of the two sites
    # differently; elsewhere (ext4 lists by a hash of the name) only the patched rglob below tells them apart.
    shm = Path("/dev/shm")
    base = Path(tempfile.mkdtemp(dir=shm)) if shm.is_dir() and os.access(shm, os.W_OK) else tmp_path
    try:
        first = site(base / "a", names)
        index_site(first)
        second = site(base / "b", names[::-1])  # created the other way round, and listed so too:
        listed = Path.rglob
        monkeypatch.setattr(Path, "rglob", lambda self, pattern: reversed(sorted(listed(self, pattern))))
        index_site(second)
        monkeypatch.undo()
        index_a, index_b = files_of(first / "pagefind"), files_of(second / "pagefind")
        assert index_a.keys() == index_b.keys()
        assert [name for name in index_a if index_a[name].read_bytes() != index_b[name].read_bytes()] == []
    finally:
        if base != tmp_path:
            shutil.rmtree(base)
