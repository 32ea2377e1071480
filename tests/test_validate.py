"""The validator on broken files: one test per error kind, checking file, line and field."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from builder.validate import load_and_validate

from .conftest import ROOT

YEAR = "wilayah/contoh/kec-contoh/2023.yaml"
RENSTRA = "wilayah/contoh/kec-contoh/renstra-2021-2026.yaml"


def edit(data: Path, relative: str, old: str, new: str) -> None:
    path = data / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture does not contain {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(data: Path, severity: str = "galat"):
    _, problems = load_and_validate(data)
    return [p for p in problems if p.severity == severity]


def line_of(data: Path, relative: str, needle: str) -> int:
    lines = (data / relative).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_minimal_fixture_is_valid(minimal_data):
    assert problems_of(minimal_data) == []


@pytest.mark.parametrize(
    "old, new, needle, field, words",
    [
        # YAML syntax: a colon inside an unquoted value
        ("nama: Kegiatan Perencanaan", "nama: Kegiatan: Perencanaan", "Kegiatan: Perencanaan", "",
         ["YAML tidak dapat dibaca", "titik dua"]),
        # duplicate key (PyYAML would silently keep the last one)
        ("    realisasi: 89.81\n", "    realisasi: 89.81\n    realisasi: 90\n", "realisasi: 90", "realisasi",
         ["ditulis dua kali"]),
        # unknown key (typo) with a suggestion
        ("    realisasi: 12\n", "    realsiasi: 12\n", "realsiasi", "kinerja[1].realsiasi",
         ['"realsiasi" tidak dikenal', 'maksudnya "realisasi"']),
        # wrong type
        ("  - indikator: ikm\n    target: 87", "  - indikator: ikm\n    target: [87]", "target: [87]",
         "kinerja[0].target", ["harus berupa angka"]),
        # Indonesian decimal comma typed as a string
        ("realisasi: 89.81", 'realisasi: "89,81"', '"89,81"', "kinerja[0].realisasi",
         ['"89,81"', "tulis 89.81"]),
        # Indonesian thousands separators typed as a string
        ("      pagu: 1000000\n      realisasi: 900000\n      kegiatan",
         '      pagu: "10.374.789.534"\n      realisasi: 900000\n      kegiatan', "10.374.789.534",
         "anggaran.program[0].pagu", ["tulis 10374789534"]),
        # negative money
        ("      realisasi: 900000\n      kegiatan", "      realisasi: -900000\n      kegiatan", "-900000",
         "anggaran.program[0].realisasi", ["tidak boleh negatif"]),
        # reference to an id that does not exist
        ("  - indikator: kriminalitas", "  - indikator: kriminalitass", "kriminalitass",
         "kinerja[1].indikator", ['"kriminalitass" tidak ada', 'maksudnya "kriminalitas"']),
        # code typed as a number (YAML would read 7.01 as 7.01 the float)
        ('- kode: "7.01.01.2.01"', "- kode: 7.01", "kode: 7.01", "anggaran.program[0].kegiatan[0].kode",
         ["tanda kutip"]),
    ],
    ids=["syntax", "duplicate-key", "unknown-key", "wrong-type", "decimal-comma", "thousands-dots",
         "negative-money", "unknown-id", "code-as-number"],
)
def test_broken_year_file(minimal_data, old, new, needle, field, words):
    edit(minimal_data, YEAR, old, new)
    errors = problems_of(minimal_data)
    assert errors, "expected an error"
    error = errors[0]
    assert error.path == f"data/{YEAR}"
    assert error.line == line_of(minimal_data, YEAR, needle)
    assert error.field == field
    for word in words:
        assert word in error.message


def test_realisasi_without_target(minimal_data):
    edit(minimal_data, YEAR, "    target: 15\n", "")
    edit(minimal_data, RENSTRA, "target: {2022: 20, 2023: 15}", "target: {2022: 20}")
    (error,) = problems_of(minimal_data)
    assert (error.path, error.field) == (f"data/{YEAR}", "kinerja[1].realisasi")
    assert error.line == line_of(minimal_data, YEAR, "realisasi: 12")
    assert "realisasi tanpa target" in error.message


def test_year_outside_renstra_period(minimal_data):
    edit(minimal_data, RENSTRA, "target: {2022: 20, 2023: 15}", "target: {2022: 20, 2023: 15, 2030: 5}")
    (error,) = problems_of(minimal_data)
    assert error.path == f"data/{RENSTRA}"
    assert error.field.endswith("indikator[0].target[2030]")
    assert error.line == line_of(minimal_data, RENSTRA, "2030: 5")
    assert "di luar periode Renstra 2021-2026" in error.message


def test_year_file_outside_any_renstra(minimal_data):
    text = (minimal_data / YEAR).read_text().replace("tahun: 2023", "tahun: 2019")
    (minimal_data / YEAR).unlink()
    (minimal_data / "wilayah/contoh/kec-contoh/2019.yaml").write_text(text)
    errors = problems_of(minimal_data)
    assert any("di luar periode Renstra" in e.message and e.field == "tahun" for e in errors)


def test_children_not_adding_up_is_a_warning(minimal_data):
    """The audit's rule; `validate` shows it at the parent's line (builder.money_warnings)."""
    from builder import money_warnings

    edit(minimal_data, YEAR, "          pagu: 1000000", "          pagu: 900000")
    assert problems_of(minimal_data) == []
    dataset, _ = load_and_validate(minimal_data)
    (warning,) = money_warnings(dataset)
    assert warning.line == line_of(minimal_data, YEAR, "- kode: \"7.01.01\"")
    assert "laporan Rp1.000.000, dihitung Rp900.000" in warning.message


def test_cli_exit_code_and_no_traceback(minimal_data):
    edit(minimal_data, YEAR, "realisasi: 89.81", 'realisasi: "89,81"')
    result = subprocess.run([sys.executable, "-m", "builder", "--data", str(minimal_data), "validate"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"data/{YEAR}:" in result.stderr and "galat" in result.stderr


def test_schema_files_match_models():
    result = subprocess.run([sys.executable, "-m", "builder", "schema", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_codes_and_names_are_checked_against_kemendagri(tmp_path):
    """data/referensi/kemendagri (idn-area-data 4.0.1): 14.03.11 is Rupat Utara in Kabupaten Bengkalis, Riau."""
    import shutil

    from .conftest import DATA

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    assert [p for p in load_and_validate(data)[1] if "Kemendagri" in p.message] == []  # the real data agrees
    edit(data, "wilayah/bengkalis/rupat-utara/profil.yaml", "nama: Rupat Utara", "nama: Rupat Utaraa")
    edit(data, "wilayah/bengkalis/kabupaten.yaml", 'kode: "14.03"', 'kode: "14.99"')
    warnings = [str(p) for p in problems_of(data, "peringatan") if "Kemendagri" in p.message]
    assert any("rupat-utara/profil.yaml" in w and '"Rupat Utara"' in w for w in warnings), warnings
    assert any("bengkalis/kabupaten.yaml" in w and "14.99 tidak ada" in w for w in warnings), warnings


def test_a_contributor_sees_the_problems_of_the_files_they_touched_first(minimal_data):
    """The PR check: the changed file's problems in full, other files' warnings only counted."""
    edit(minimal_data, YEAR, "          realisasi: 900000\n", "          realisasi: 800000\n")  # a kegiatan sum warning
    renstra = minimal_data / RENSTRA
    result = subprocess.run([sys.executable, "-m", "builder", "--data", str(minimal_data), "validate", "--diubah",
                             str(renstra)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    out = result.stderr
    assert out.index("== Berkas yang diubah (1) ==") < out.index("peringatan di 1 berkas lain yang tidak diubah")
    assert "Tidak ada galat atau peringatan di berkas yang diubah." in out
    assert "realisasi:" not in out.split("berkas lain")[0]  # the other file's warning is not listed in full
    touched = subprocess.run([sys.executable, "-m", "builder", "--data", str(minimal_data), "validate", "--diubah",
                              str(minimal_data / YEAR)], cwd=ROOT, capture_output=True, text=True)
    own = touched.stderr.split("== Berkas yang diubah (1) ==")[1]
    assert "peringatan:" in own and "berkas lain" not in own


def test_a_renstra_not_yet_valid_gives_one_message_not_one_per_reference(minimal_data):
    """A draft's Renstra with a blank (ISI) made every year file report its period and each sasaran and indicator
    link as unknown: now the Renstra's own error, and one warning per year file that its references wait for it."""
    renstra = minimal_data / "wilayah/contoh/kec-contoh/renstra-2021-2026.yaml"
    renstra.write_text(renstra.read_text(encoding="utf-8").replace("nama: Tata kelola yang baik", "nama:"),
                       encoding="utf-8")
    _dataset, problems = load_and_validate(minimal_data)
    errors = [p for p in problems if p.is_error]
    assert len(errors) == 1 and "renstra-2021-2026.yaml" in errors[0].path, [p.message for p in errors]
    waiting = [p for p in problems if "belum sah" in p.message]
    assert waiting and all(p.path.endswith("2023.yaml") and not p.is_error for p in waiting)
