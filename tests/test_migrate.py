"""Data written for an earlier model keeps working: the format version, `builder migrate`, old revisions."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from builder import FORMAT_VERSION, load_and_validate
from builder.history import data_history
from builder.models import FILE_MODELS
from builder.migrate import bring_forward, migrate_text, plan_migration
from builder.migrate.steps import STEPS

from .conftest import DATA, ROOT

FIXTURES = Path(__file__).parent / "fixtures"


def run_builder(*args: str, data: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "builder", "--data", str(data), *args], cwd=ROOT,
                          capture_output=True, text=True)


def errors(data: Path) -> list:
    _dataset, problems = load_and_validate(data)
    return [p for p in problems if p.is_error]


def git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True).stdout


def full_history() -> bool:
    return (ROOT / ".git").exists() and git("rev-parse", "--is-shallow-repository").strip() == "false"


# -- the acceptance ----------------------------------------------------------------------------------------------


def test_migrating_todays_data_changes_nothing():
    plan = plan_migration(DATA)
    assert plan.empty, [f.display for f in plan.files] + plan.refused


@pytest.mark.skipif(not full_history(), reason="needs the repository's full git history (not a shallow clone)")
def test_every_data_file_of_every_commit_migrates_and_validates(tmp_path: Path):
    """Each commit that touched data/wilayah: its files, migrated, validate with today's reference data."""
    commits = git("log", "--format=%H", "--", "data/wilayah").split()
    assert len(commits) >= 9
    for commit in commits:
        target = tmp_path / commit[:10]
        target.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", commit, "data/wilayah"],
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
        shutil.copytree(DATA / "referensi", target / "data" / "referensi")
        bring_forward(target / "data")
        assert errors(target / "data") == [], commit


@pytest.mark.skipif(not full_history(), reason="needs the repository's full git history (not a shallow clone)")
def test_the_history_page_reads_every_old_revision():
    history = data_history(DATA, limit=30)
    assert history.available and len(history.entries) >= 9
    assert [e.problem for e in history.entries if e.problem] == []
    assert all(e.result is not None for e in history.entries)


def old_kota_folder(tmp_path: Path, with_dropped_indicator: bool) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "lama" / "data", data)
    shutil.copytree(DATA / "referensi", data / "referensi")
    if not with_dropped_indicator:  # the one construct no step can carry forward (tests/fixtures/lama/README.md)
        year = data / "wilayah/dumai/dumai-barat/2023.yaml"
        text = year.read_text(encoding="utf-8")
        start = text.index("  - indikator: paten-tepat-waktu")
        year.write_text(text[:start] + text[text.index("  - indikator: paten-daring"):], encoding="utf-8")
    return data


def test_a_contributors_kota_folder_from_an_earlier_model_migrates_without_hand_edits(tmp_path: Path):
    """A new kota kecamatan with a PK revision, written and validated with the builder of 2026-11-24."""
    data = old_kota_folder(tmp_path, with_dropped_indicator=False)
    before = run_builder("validate", data=data)
    assert before.returncode == 1
    first = before.stderr.splitlines()[0]
    assert "versi_format" in first and "format data yang lebih lama" in first and "builder --data" in first
    assert "migrate dumai" in first
    written = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}

    dry = run_builder("migrate", "--periksa", data=data)
    assert dry.returncode == 1 and "tidak ada yang ditulis" in dry.stdout
    assert "-  perubahan_sumber:" in dry.stdout or "perubahan_sumber: {tabel" in dry.stdout
    assert {p: p.read_bytes() for p in data.rglob("*") if p.is_file()} == written  # --periksa wrote nothing

    done = run_builder("migrate", data=data)
    assert done.returncode == 0, done.stdout + done.stderr
    for change in ("folder data/wilayah/dumai -> kota-dumai",
                   "perjanjian_kinerja.perubahan_sumber -> perjanjian_kinerja.perubahan.sumber",
                   "penghargaan[0].tanggal: 2023-08-17 00:00:00 -> 2023-08-17",
                   "3.28571428571 dibulatkan ke 10 desimal"):
        assert change in done.stdout
    year = (data / "wilayah/kota-dumai/dumai-barat/2023.yaml").read_text(encoding="utf-8")
    assert "nrr: 3.2857142857}" in year and "# builder migrate: tertulis 3.28571428571" in year
    after = run_builder("validate", data=data)
    assert after.returncode == 0, after.stderr
    again = run_builder("migrate", data=data)
    assert again.returncode == 0 and "tidak ada yang diubah" in again.stdout


def test_what_no_step_can_carry_forward_is_named_by_validate_after_the_migration(tmp_path: Path):
    data = old_kota_folder(tmp_path, with_dropped_indicator=True)
    assert run_builder("migrate", data=data).returncode == 0
    after = run_builder("validate", data=data)
    errors = [line for line in after.stderr.splitlines() if ": galat: " in line]
    assert len(errors) == 1 and 'indikator "paten-tepat-waktu" tidak ada di Renstra 2021-2026' in errors[0]
    assert "hanya ada di Renstra 2021-2026 sebelum revisi" in errors[0]


def test_older_rules_a_step_fixes(tmp_path: Path):
    """The other changes the history holds: an upper-case extension the first model skipped, a kota- folder of a
    kabupaten, a Unix timestamp for an award, a figure too large to fix by rule."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", data)
    shutil.copytree(DATA / "referensi", data / "referensi")
    kab = data / "wilayah/contoh"
    (kab / "kabupaten.yaml").write_text("nama: Kotabaru\njenis: kabupaten\nkode: \"63.02\"\n"
                                        "provinsi: {nama: Kalimantan Selatan, kode: \"63\"}\n", encoding="utf-8")
    kab.rename(data / "wilayah/kota-baru")
    year = data / "wilayah/kota-baru/kec-contoh/2023.yaml"
    text = year.read_text(encoding="utf-8").replace(f"versi_format: {FORMAT_VERSION}\n", "")
    year.unlink()
    (year.parent / "2023.YAML").write_text(text.replace("realisasi: 89.81", "realisasi: 8981000000000000")
                                           + "penghargaan:\n  - nama: Juara\n    tanggal: 1692230400\n",
                                           encoding="utf-8")
    plan = plan_migration(data)
    assert [(s.name, t.name) for s, t in plan.file_renames] == [("2023.YAML", "2023.yaml")]
    assert [(s.name, t.name) for s, t in plan.renames] == [("kota-baru", "kotabaru")]
    done = run_builder("migrate", data=data)
    assert "penghargaan[0].tanggal: 1692230400 -> 2023-08-17" in done.stdout
    assert "folder kota-baru -> kotabaru (Kabupaten Kotabaru)" in done.stdout
    assert "! baris 6: 8981000000000000 terlalu besar" in done.stdout and "periksa salinannya" in done.stdout
    year = data / "wilayah/kotabaru/kec-contoh/2023.yaml"
    assert year.exists() and not (year.parent / "2023.YAML").exists()
    assert "realisasi: 8981000000000000\n" in year.read_text(encoding="utf-8")  # left for the staff member


# -- what a step keeps -------------------------------------------------------------------------------------------

OLD_YEAR = """\
# yaml-language-server: $schema=../../../../schema/tahunan.schema.json
# Laporan 2023 (komentar pembuka tetap di atas)
tahun: 2023
laporan: lkj-2023
perjanjian_kinerja:
  tanggal: 10 Januari 2023   # seperti dicetak
  perubahan_sumber:
    tabel: Tabel 2.6  # PK hasil reviu
    halaman: 14
  sumber:
    tabel: Tabel 2.3
kinerja:
  - indikator: ikm
    target: 88.370
    realisasi: 1.234e3
    catatan: teks panjang yang dilipat oleh penulisnya di baris berikutnya supaya
      tidak terlalu lebar
"""


def test_a_step_moves_only_what_changed_and_keeps_comments_order_and_printed_numbers():
    result, _ctx = migrate_text(OLD_YEAR, "tahunan", "wilayah/contoh/kec-contoh")
    expected = OLD_YEAR.replace("tahun: 2023\n", f"versi_format: {FORMAT_VERSION}\ntahun: 2023\n").replace(
        "  perubahan_sumber:\n    tabel: Tabel 2.6  # PK hasil reviu\n    halaman: 14\n",
        "  perubahan:\n    sumber:\n      tabel: Tabel 2.6  # PK hasil reviu\n      halaman: 14\n")
    assert result.text == expected
    assert result.version == 1 and result.changed


def test_a_value_that_cannot_be_placed_is_kept_as_a_comment_with_a_message():
    text = ("perjanjian_kinerja:\n  perubahan:\n    sumber:\n      tabel: Tabel 2.6\n"
            "  perubahan_sumber:\n    tabel: Tabel 2.7\n")
    result, _ctx = migrate_text(text, "tahunan", "wilayah/a/b")
    assert "  # perubahan_sumber:\n  #   tabel: Tabel 2.7\n" in result.text
    assert "# builder migrate:" in result.text and "pindahkan sendiri" in result.text
    assert result.notes and "Tabel" not in result.notes[0] and "baris 5" in result.notes[0]


def test_four_space_indentation_and_flow_style_are_kept():
    four = "perjanjian_kinerja:\n    perubahan_sumber:\n        tabel: B\n    tanggal: x\n"
    result, _ = migrate_text(four, "tahunan", "wilayah/a/b")
    assert result.text.endswith("perjanjian_kinerja:\n    perubahan:\n        sumber:\n            tabel: B\n"
                                "    tanggal: x\n")
    flow = "perjanjian_kinerja:\n  perubahan_sumber: {tabel: B, halaman: 3}\n"
    result, _ = migrate_text(flow, "tahunan", "wilayah/a/b")
    assert result.text.endswith("perjanjian_kinerja:\n  perubahan:\n    sumber: {tabel: B, halaman: 3}\n")


def test_a_file_of_a_newer_format_or_broken_yaml_is_left_alone(tmp_path: Path, minimal_data: Path):
    year = minimal_data / "wilayah/contoh/kec-contoh/2023.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace(f"versi_format: {FORMAT_VERSION}",
                                                              f"versi_format: {FORMAT_VERSION + 1}"), encoding="utf-8")
    profil = minimal_data / "wilayah/contoh/kec-contoh/profil.yaml"
    profil.write_text("nama: [tidak ditutup\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in minimal_data.rglob("*.yaml")}
    result = run_builder("migrate", data=minimal_data)
    assert result.returncode == 1
    assert "lebih baru dari builder ini" in result.stderr and "git pull" in result.stderr
    assert "profil.yaml: tidak dapat dibaca sebagai YAML" in result.stderr
    assert {p: p.read_bytes() for p in minimal_data.rglob("*.yaml")} == before
    newer = run_builder("validate", data=minimal_data)
    assert "2023.yaml:1:1: galat: versi_format: berkas ini ditulis untuk format data versi" in newer.stderr


def test_the_version_message_comes_before_any_other_message_about_the_file(minimal_data: Path):
    year = minimal_data / "wilayah/contoh/kec-contoh/2023.yaml"
    text = year.read_text(encoding="utf-8").replace(f"versi_format: {FORMAT_VERSION}\n", "")
    year.write_text(text.replace("tahun: 2023\n", "tahun: 2023\nkunci_asing: 1\n"), encoding="utf-8")
    result = run_builder("validate", data=minimal_data)
    lines = [line for line in result.stderr.splitlines() if "2023.yaml" in line]
    assert "versi_format" in lines[0] and "migrate contoh/kec-contoh" in lines[0]
    assert any("kunci_asing" in line for line in lines[1:])


def test_scaffolds_write_the_current_format(minimal_data: Path):
    made = run_builder("new-kecamatan", "kota-baru/kec-baru", "--nama", "Kec Baru", "--renstra", "2022-2026",
                       data=minimal_data)
    assert made.returncode == 0, made.stderr
    for path in (minimal_data / "wilayah" / "kota-baru").rglob("*.yaml"):
        assert f"\nversi_format: {FORMAT_VERSION}\n" in path.read_text(encoding="utf-8"), path


# -- every model change ships its migration ----------------------------------------------------------------------

# The structure of the JSON Schema of every file kind (descriptions and titles left out), per format version.
# When this test fails, the model changed. If a file valid before may now be refused, add a step to
# builder/migrate/steps.py (version FORMAT_VERSION + 1), raise models.common.FORMAT_VERSION, test the step here and
# record the new fingerprint under the new version. If every file valid before stays valid (a new optional field),
# record the new fingerprint under the same version, saying so in the commit.
FINGERPRINTS = {
    6: "52ddb60834365d1e",
    # 7 began as 52ddb60834365d1e (6's structure; single-line texts refuse line breaks, a validator, step 7);
    # then sumber_dana[].jumlah and pembanding.nilai became optional, and the optional `klaim` list was added:
    # every file valid before stays valid.
    7: "7d76d2cab5112032",
}


def structure(value):
    if isinstance(value, dict):
        return {k: structure(v) for k, v in sorted(value.items()) if k not in ("description", "title", "examples")}
    if isinstance(value, list):
        return [structure(v) for v in value]
    return value


def schema_fingerprint() -> str:
    shape = {kind: structure(model.model_json_schema(mode="validation")) for kind, model in sorted(FILE_MODELS.items())}
    return hashlib.sha256(json.dumps(shape, sort_keys=True).encode()).hexdigest()[:16]


def test_the_model_changed_only_with_a_migration():
    assert STEPS[-1].version == FORMAT_VERSION
    assert [s.version for s in STEPS] == list(range(2, FORMAT_VERSION + 1))
    assert FINGERPRINTS.get(FORMAT_VERSION) == schema_fingerprint(), (
        "the model's structure changed: see the comment above FINGERPRINTS in tests/test_migrate.py")


def test_a_line_break_in_a_single_line_text_becomes_a_space():
    """Step 7: single-line texts refuse line breaks (a name with "\\n===" made a heading on the page); an earlier
    file's breaks there become spaces, quoted or block style alike, and Markdown fields keep theirs."""
    text = ('versi_format: 6\ntahun: 2023\nlaporan: lkjip-2023\ncamat:\n  nama: "Ani\\n===\\n- PALSU"\n'
            "  jabatan: |\n    Camat\n    Contoh\nkinerja:\n  - indikator: ikm\n    catatan: \"satu\\ndua\"\n"
            "narasi:\n  ringkasan: |\n    Paragraf satu.\n\n    Paragraf dua.\n")
    result, _ctx = migrate_text(text, "tahunan", "wilayah/contoh/kec-contoh")
    data = yaml.safe_load(result.text)
    assert data["camat"] == {"nama": "Ani === - PALSU", "jabatan": "Camat Contoh"}
    assert data["kinerja"][0]["catatan"] == "satu\ndua" and data["narasi"]["ringkasan"] == "Paragraf satu.\n\nParagraf dua.\n"
    assert data["versi_format"] == FORMAT_VERSION and len(result.changes) == 2
