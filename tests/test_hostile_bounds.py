"""Hostile input, round three (issue #24): work bounded by the input, history read literally and safely, every
output path one file's, and the low findings. The data-only cases are in tests/hostile/corpus.yaml."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from builder.diff import diff_sources
from builder.history import data_history
from builder.versions import VersionError, extract_revision

from .conftest import ROOT

KEC = "wilayah/contoh/kec-contoh"
GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "Tes", "GIT_AUTHOR_EMAIL": "tes@contoh.id", "GIT_COMMITTER_NAME": "Tes",
           "GIT_COMMITTER_EMAIL": "tes@contoh.id", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo: Path, *args: str, stdin: str | None = None) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, input=stdin,
                          env=GIT_ENV).stdout


def run_builder(*args: str, cwd: Path = ROOT, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "builder", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=300)


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(minimal_data: Path, tmp_path: Path) -> Path:
    """A git repository whose data/ is the minimal fixture, in one commit."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    shutil.copytree(minimal_data, repo / "data")
    commit_all(repo, "awal")
    return repo


def second_kecamatan(data: Path, folder: str = "contoh/kec-baru", kode: str = "99.01.02") -> Path:
    """A copy of the fixture's kecamatan under another folder (and, unless told, another Kemendagri code)."""
    target = data / "wilayah" / folder
    shutil.copytree(data / KEC, target)
    profil = target / "profil.yaml"
    profil.write_text(profil.read_text(encoding="utf-8").replace('kode: "99.01.01"', f'kode: "{kode}"')
                      .replace("nama: Kecamatan Contoh", "nama: Kecamatan Baru"), encoding="utf-8")
    return target


# -- History: read member by member, literally, within limits; never a crash -----------------------------------


def test_a_symlink_in_an_old_commit_makes_that_version_unreadable_not_a_crash(repo: Path, tmp_path: Path):
    (repo / "data" / KEC / "2022.yaml").symlink_to("/etc/passwd")
    commit_all(repo, "tautan")
    (repo / "data" / KEC / "2022.yaml").unlink()
    commit_all(repo, "tautan dihapus")
    history = data_history(repo / "data")
    problems = {e.subject: e.problem for e in history.entries}
    assert problems["tautan"] == "Data pada versi ini tidak dapat dibaca."
    assert problems["tautan dihapus"] == "" and problems["awal"] == ""
    result = run_builder("--data", "data", "diff", "HEAD~2", "HEAD~1", cwd=repo)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "data pada versi ini tidak dapat dibaca" in result.stderr and "tautan simbolik" in result.stderr
    with pytest.raises(VersionError, match="2022.yaml adalah tautan simbolik"):
        extract_revision(repo, "HEAD~1", "data", tmp_path / "keluar")
    assert not (tmp_path / "keluar" / "data" / KEC / "2022.yaml").exists()


def test_a_submodule_in_an_old_commit_makes_that_version_unreadable(repo: Path, tmp_path: Path):
    commit = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "update-index", "--add", "--cacheinfo", f"160000,{commit},data/{KEC}/modul")
    git(repo, "commit", "-q", "-m", "submodul")
    with pytest.raises(VersionError, match="modul bukan berkas biasa"):
        extract_revision(repo, "HEAD", "data", tmp_path / "v")
    assert data_history(repo / "data").entries[0].problem == "Data pada versi ini tidak dapat dibaca."


def test_export_ignore_does_not_hide_a_new_kecamatan_from_the_diff(repo: Path):
    """git archive honours .gitattributes from the tree; the history reads the tree as it is."""
    second_kecamatan(repo / "data")
    (repo / "data" / ".gitattributes").write_text("wilayah/contoh/kec-baru/** export-ignore\n", encoding="utf-8")
    commit_all(repo, "kecamatan baru, tersembunyi")
    result = diff_sources("HEAD~1", "HEAD", repo / "data", repo)
    assert result.added_kecamatan == ["Kecamatan Baru"]
    entry = data_history(repo / "data").entries[0]
    assert entry.result is not None and entry.result.added_kecamatan == ["Kecamatan Baru"]


def test_a_blob_referenced_many_times_is_refused_from_its_listing(repo: Path, tmp_path: Path):
    """One compressible 1 MB blob named 300 times costs git a few KB; reading it would cost 300 MB. The listing's
    sizes refuse it before any content is read."""
    text = "catatan: \"" + "x" * 1_000_000 + "\"\n"
    blob = git(repo, "hash-object", "-w", "--stdin", stdin=text).strip()
    git(repo, "update-index", "--index-info",
        stdin="".join(f"100644 {blob}\tdata/{KEC}/salinan-{i}.yaml\n" for i in range(300)))
    git(repo, "commit", "-q", "-m", "bom")
    assert int(git(repo, "count-objects", "-v").split("size: ")[1].split()[0]) < 2_000  # KB of loose objects
    started = time.perf_counter()
    with pytest.raises(VersionError, match="isi folder data lebih dari 50.000.000 byte"):
        extract_revision(repo, "HEAD", "data", tmp_path / "bom")
    assert time.perf_counter() - started < 10
    assert sum(p.stat().st_size for p in (tmp_path / "bom").rglob("*") if p.is_file()) == 0
    entry = data_history(repo / "data").entries[0]
    assert entry.problem == "Data pada versi ini tidak dapat dibaca."


def test_a_file_over_the_size_limit_in_history_is_refused(repo: Path, tmp_path: Path):
    blob = git(repo, "hash-object", "-w", "--stdin", stdin="a: " + "b" * 6_000_000 + "\n").strip()
    git(repo, "update-index", "--index-info", stdin=f"100644 {blob}\tdata/{KEC}/2022.yaml\n")
    git(repo, "commit", "-q", "-m", "besar")
    with pytest.raises(VersionError, match="2022.yaml terlalu besar"):
        extract_revision(repo, "HEAD", "data", tmp_path / "besar")


def test_a_revision_is_read_as_stored_only_its_data_files(repo: Path, tmp_path: Path):
    (repo / "data" / ".gitattributes").write_text("*.yaml filter=rahasia\n", encoding="utf-8")
    (repo / "data" / KEC / "SUMBER.md").write_text("# Sumber\n", encoding="utf-8")
    commit_all(repo, "atribut")
    folder = extract_revision(repo, "HEAD", "data", tmp_path / "v")
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(repo / "data").as_posix() for p in (repo / "data").rglob("*.yaml"))
    for name in files:
        assert (folder / name).read_bytes() == (repo / "data" / name).read_bytes()


def test_history_and_the_work_tree_share_one_file_size_limit():
    from builder import load, versions

    assert versions.MAX_BYTES == load.MAX_BYTES
    assert all(f"{versions.KEMENDAGRI}{name}".count("/") == 2 for name in load.REGION_FILES.values())


def test_the_kemendagri_list_of_a_revision_is_read_whole(tmp_path: Path):
    """villages.csv (2,8 MB) is larger than any data file may be, and is part of every version."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    folder = extract_revision(ROOT, "HEAD", "data", tmp_path)
    stored = git(ROOT, "cat-file", "-s", "HEAD:data/referensi/kemendagri/villages.csv").strip()
    assert (folder / "referensi/kemendagri/villages.csv").stat().st_size == int(stored) > 2_000_000


def test_migrate_and_history_refuse_aliases_without_walking_their_expansion(repo: Path):
    """The migration walks every node of an old file; through aliases a few lines are millions of nodes (here 8,1
    million: about a minute before aliases were refused). History migrates every past version it reads."""
    year = repo / "data" / KEC / "2023.yaml"
    text = year.read_text(encoding="utf-8").replace("versi_format: 7\n", "")  # an older file: migrate reads it
    head = text[:text.index("anggaran:")]
    sub = '{kode: "7.01.01.2.01.0001", nama: Sub, pagu: 1, realisasi: 1}'
    year.write_text(head + "anggaran:\n  sumber: {tabel: Tabel 3.9}\n  x-s: &s " + sub + "\n"
                    + "  x-k: &k {kode: K, nama: K, sub_kegiatan: [" + ", ".join(["*s"] * 100) + "]}\n"
                    + "  x-p: &p {kode: P, nama: P, kegiatan: [" + ", ".join(["*k"] * 90) + "]}\n"
                    + "  x-q: &q [" + ", ".join(["*p"] * 90) + "]\n"
                    + "  program: [" + ", ".join(["*q"] * 10) + "]\n", encoding="utf-8")
    started = time.perf_counter()
    result = run_builder("--data", str(repo / "data"), "migrate", "--periksa")
    assert "2023.yaml: tidak dapat dibaca sebagai YAML" in result.stderr and "alias YAML" in result.stderr
    commit_all(repo, "alias")
    assert data_history(repo / "data").entries[0].problem == "Data pada versi ini tidak sah."
    assert time.perf_counter() - started < 20


# -- Output paths: one source each -------------------------------------------------------------------------------


def test_folders_whose_names_meet_when_flattened_keep_their_own_embed_pages(minimal_data: Path):
    """'contoh/kec-contoh' and 'contoh-kec/contoh' once shared grafik/contoh-kec-contoh-*.html: one overwrote the
    other's charts."""
    from builder import run

    shutil.copytree(minimal_data / "wilayah" / "contoh", minimal_data / "wilayah" / "contoh-kec",
                    ignore=shutil.ignore_patterns("kec-contoh"))
    kab = minimal_data / "wilayah" / "contoh-kec" / "kabupaten.yaml"
    kab.write_text(kab.read_text(encoding="utf-8").replace('kode: "99.01"', 'kode: "99.02"'), encoding="utf-8")
    moved = second_kecamatan(minimal_data, "contoh-kec/contoh", "99.02.01")
    assert moved.name == "contoh"
    pages = run(minimal_data)
    first = pages["grafik/contoh_kec-contoh_2023_capaian.html"]
    second = pages["grafik/contoh-kec_contoh_2023_capaian.html"]
    assert b"Kecamatan Contoh" in first and b"Kecamatan Baru" in second
    assert b"Kecamatan Baru" not in first


def test_a_second_writer_of_an_output_path_stops_the_command_with_a_message(minimal_data: Path, tmp_path: Path,
                                                                            monkeypatch, capsys):
    """Whatever makes two sources meet in one path (here every chart given one embed page), the page store refuses
    the second, and the command says so and writes nothing."""
    import builder.__main__ as cli
    import builder.site.embed as embed

    monkeypatch.setattr(embed, "embed_uri", lambda uri, chart: "grafik/sama.html")
    monkeypatch.setattr(cli, "tune_gc", lambda: None)  # process-wide settings: not in the test's process
    monkeypatch.setattr(cli, "exit_on_sigterm", lambda: None)
    assert cli.main(["--data", str(minimal_data), "pages", "--out", str(tmp_path / "halaman")]) == 1
    err = capsys.readouterr().err
    assert "grafik/sama.html: galat: berkas situs ini akan ditulis dua kali" in err and "internal" not in err
    assert not (tmp_path / "halaman").exists()


def test_two_folders_with_one_kemendagri_code_are_refused(minimal_data: Path):
    second_kecamatan(minimal_data, kode="99.01.01")
    result = run_builder("--data", str(minimal_data), "validate")
    assert result.returncode == 1, result.stderr
    assert ("kec-contoh/profil.yaml:3:7: galat: kode: kode kecamatan 99.01.01 sudah dipakai folder "
            "wilayah/contoh/kec-baru") in result.stderr


def test_a_scoped_validation_walks_only_its_folders(minimal_data: Path):
    """A build validates one kabupaten folder at a time: each walks its own folder, not the whole data set again."""
    from builder.load import discover

    other = minimal_data / "wilayah" / "lain" / "kec-lain"
    other.mkdir(parents=True)
    (other / "laporan.pdf").write_bytes(b"%PDF")
    paths, refused = discover(minimal_data, ("contoh",))
    assert refused == [] and all("/lain/" not in p.as_posix() for p in paths)
    paths, refused = discover(minimal_data)
    assert [p.path for p in refused] == ["data/wilayah/lain/kec-lain/laporan.pdf"]


def test_the_real_data_fits_the_layout():
    result = run_builder("validate")
    assert result.returncode == 0 and "tidak termasuk susunan" not in result.stderr


# -- Low findings ------------------------------------------------------------------------------------------------


def test_new_kecamatan_keeps_a_name_with_line_breaks_on_one_line(minimal_data: Path):
    name = "Baru\nlaporan: palsu\u2028# x\n- DATA INI PALSU"
    result = run_builder("--data", str(minimal_data), "new-kecamatan", "contoh/kec-baru", "--nama", name,
                         "--renstra", "2022-2026")
    assert result.returncode == 0, result.stderr
    for path in (minimal_data / "wilayah" / "contoh" / "kec-baru").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        document = yaml.safe_load(text)
        assert "palsu" not in str(set(document)), path
        assert not any(line.startswith(("laporan: palsu", "- DATA")) for line in text.splitlines()), path
    assert yaml.safe_load((minimal_data / "wilayah/contoh/kec-baru/profil.yaml").read_text())["nama"] == name


def test_new_year_keeps_names_from_the_data_in_comments(minimal_data: Path):
    """The scaffold copies names (kecamatan, sasaran, indikator) into comments: a line break there would start
    a line of live YAML."""
    from builder import load_and_validate, new_year

    dataset, problems = load_and_validate(minimal_data)
    assert not [p for p in problems if p.is_error]
    kec = dataset.kecamatan["contoh/kec-contoh"]
    kec.profil.nama = "Contoh\ntahun: 1999"
    for tree in kec.renstra[0].tujuan:
        tree.nama = "Tujuan\n- palsu: 1"
        for sasaran in tree.sasaran:
            sasaran.nama = "Sasaran\rkinerja: []"
            for indicator in sasaran.indikator:
                indicator.nama = "Indikator\u2028perjanjian_kinerja: palsu"
    scaffold = new_year(kec, 2024, minimal_data)
    (text,) = scaffold.files.values()
    document = yaml.safe_load(text)
    assert document["tahun"] == 2024 and document["perjanjian_kinerja"] is None
    assert all(isinstance(item, dict) for item in document["kinerja"]), document["kinerja"]


def test_new_kecamatan_refuses_a_slug_ending_in_a_newline(minimal_data: Path):
    before = sorted(minimal_data.rglob("*"))
    result = run_builder("--data", str(minimal_data), "new-kecamatan", "contoh/kec-baru\n", "--nama", "Baru",
                         "--renstra", "2022-2026")
    assert result.returncode == 1 and "bukan nama folder yang sah" in result.stderr
    assert sorted(minimal_data.rglob("*")) == before


def test_pages_leaves_a_sibling_it_did_not_make_and_never_writes_inside_data(minimal_data: Path, tmp_path: Path):
    out = tmp_path / "halaman"
    sibling = tmp_path / "halaman.lama"
    sibling.mkdir()
    (sibling / "penting.txt").write_text("punya orang", encoding="utf-8")
    for _ in range(2):  # the second run replaces the first output
        result = run_builder("--data", str(minimal_data), "pages", "--out", str(out))
        assert result.returncode == 0, result.stderr
    assert (sibling / "penting.txt").read_text(encoding="utf-8") == "punya orang"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "halaman", "halaman.lama"]
    before = sorted(minimal_data.rglob("*"))
    inside = minimal_data / "wilayah" / "halaman"
    result = run_builder("--data", str(minimal_data), "pages", "--out", str(inside))
    assert result.returncode == 1 and "berada di dalam" in result.stderr and "Traceback" not in result.stderr
    assert sorted(minimal_data.rglob("*")) == before


def test_merge_shards_refuses_a_symlink_in_a_site(tmp_path: Path):
    secret = tmp_path / "rahasia.txt"
    secret.write_text("TOKEN-RAHASIA", encoding="utf-8")
    national, shard = tmp_path / "nasional", tmp_path / "bagian"
    for site in (national, shard):
        (site / "wilayah").mkdir(parents=True)
        (site / "index.html").write_text("<p>situs</p>", encoding="utf-8")
    (shard / "wilayah" / "curian.html").symlink_to(secret)
    (shard / "tautan-folder").symlink_to(tmp_path, target_is_directory=True)
    out = tmp_path / "gabungan"
    result = subprocess.run([sys.executable, "scripts/merge_shards.py", str(out), str(national), str(shard)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0 and "bukan berkas atau folder biasa" in result.stderr
    assert not out.exists()


def test_sigterm_removes_the_temporary_folders(tmp_path: Path):
    """A cancelled build (CI sends SIGTERM) once left kinerja-halaman-* folders in TMPDIR."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    process = subprocess.Popen([sys.executable, "-m", "builder", "pages", "--out", str(tmp_path / "halaman")],
                               cwd=ROOT, env={**os.environ, "TMPDIR": str(temp)}, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not list(temp.glob("kinerja-halaman-*")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert process.poll() is None, "the build ended before its temporary folder was seen"
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM, stderr[-2000:]
    assert "Traceback" not in stderr
    assert list(temp.iterdir()) == []
