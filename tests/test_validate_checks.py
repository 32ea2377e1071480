"""The cross-file checks of builder/validate/: one regression test per check added in the redesign,
and broken files that must give a message, never a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from builder import FORMAT_VERSION
from builder import compute
from builder.validate import load_and_validate

from .conftest import ROOT
from .test_validate import RENSTRA, YEAR, edit, line_of, problems_of

KEC = "wilayah/contoh/kec-contoh"
RUMUS = "referensi/rumus.yaml"
SKALA = "referensi/skala.yaml"


# -- 1. a formula id of rumus.yaml without an implementation ---------------------------------------


@pytest.mark.parametrize("section, implemented", [("capaian_turun", compute.CAPAIAN_TURUN),
                                                  ("efisiensi", compute.EFISIENSI)])
def test_formula_without_implementation(minimal_data, section, implemented):
    edit(minimal_data, RUMUS, f"{section}:\n",
         f"{section}:\n  rumus-baru:\n    nama: Rumus baru\n    rumus: capaian = realisasi ÷ 2\n")
    (error,) = problems_of(minimal_data)
    assert error.path == f"data/{RUMUS}"
    assert error.line == line_of(minimal_data, RUMUS, "  rumus-baru:")
    assert error.field == f"{section}.rumus-baru"
    assert 'rumus "rumus-baru" belum diterapkan' in error.message
    for formula_id in implemented:
        assert formula_id in error.message


def test_every_formula_of_the_real_reference_is_implemented():
    import yaml

    rumus = yaml.safe_load((ROOT / "data" / RUMUS).read_text(encoding="utf-8"))
    assert set(rumus["capaian_turun"]) <= set(compute.CAPAIAN_TURUN)
    assert set(rumus["efisiensi"]) <= set(compute.EFISIENSI)


# -- 2. the scales named in skala.yaml `peran` exist ----------------------------------------------


@pytest.mark.parametrize("role, scale", [("ikm", "mutu-ikm"), ("idm", "status-idm"), ("akip", "predikat-akip")])
def test_scale_role_names_an_existing_scale(minimal_data, role, scale):
    edit(minimal_data, SKALA, f"  {role}: {scale}\n", f"  {role}: {scale}-lama\n")
    (error,) = problems_of(minimal_data)
    assert (error.path, error.field) == (f"data/{SKALA}", f"peran.{role}")
    assert error.line == line_of(minimal_data, SKALA, f"{role}: {scale}-lama")
    assert f'skala "{scale}-lama" untuk {role.upper()} tidak ada' in error.message
    assert scale in error.message.split("pilihan:")[1]


def test_another_name_for_a_level_must_not_name_another_level(minimal_data):
    edit(minimal_data, SKALA, "      - {kode: C, label: Cukup Berhasil, min: 55, label_lain: [Cukup Baik]}\n",
         "      - {kode: C, label: Cukup Berhasil, min: 55, label_lain: [Berhasil]}\n")
    (error,) = problems_of(minimal_data)
    assert (error.path, error.field) == (f"data/{SKALA}", "skala.sb-b-c-k.tingkat[2]")
    assert error.line == line_of(minimal_data, SKALA, "label_lain: [Berhasil]")
    assert '"berhasil" sudah menamai tingkat B' in error.message and "label_lain" in error.message


# -- 3. two year files claiming one year ---------------------------------------------------------


def test_copied_year_file_names_both_files(minimal_data):
    copy = f"{KEC}/2024.yaml"
    shutil.copy(minimal_data / YEAR, minimal_data / copy)
    edit(minimal_data, copy, "realisasi: 89.81", "realisasi: 91")  # to tell the copy from the original
    dataset, problems = load_and_validate(minimal_data)
    (error,) = [p for p in problems if p.severity == "galat"]
    assert (error.path, error.field, error.line) == (f"data/{copy}", "tahun", 2)
    assert "tahun 2023 berbeda dari nama berkas (2024.yaml)" in error.message
    assert f"data/{YEAR}" in error.message
    # Both files are kept under their file name's year: the copy no longer replaces 2023.
    kec = dataset.kecamatan["contoh/kec-contoh"]
    assert sorted(kec.tahun) == [2023, 2024]
    assert kec.tahun[2023].kinerja[0].realisasi == Decimal("89.81")


def test_year_differs_from_file_name(minimal_data):
    (minimal_data / YEAR).rename(minimal_data / KEC / "2024.yaml")
    (error,) = problems_of(minimal_data)
    assert (error.path, error.field) == (f"data/{KEC}/2024.yaml", "tahun")
    assert error.message == "tahun 2023 berbeda dari nama berkas (2024.yaml)"


# -- 4. references to an indicator that exists only in a Renstra revision ------------------------

REVISION = """\
revisi:
  - nama: Renstra hasil reviu
    berlaku_mulai: 2023
    tujuan:
      - id: t1
        nama: Tata kelola yang baik
        sasaran:
          - id: s1
            nama: Meningkatnya kepuasan masyarakat
            indikator:
              - {id: ikm, nama: Indeks Kepuasan Masyarakat, satuan: nilai, polaritas: naik, target: {2023: 87}}
          - id: s2
            nama: Lingkungan kondusif
            indikator:
              - {id: kriminalitas, nama: Angka kriminalitas, satuan: kasus, polaritas: turun, target: {2023: 15}}
          - id: s3
            nama: Layanan yang cepat
            indikator:
              - {id: waktu-layanan, nama: Rata-rata waktu layanan, satuan: hari, polaritas: turun, target: {2023: 2}}
"""

USES_WAKTU_LAYANAN = [
    ("  - indikator: kriminalitas\n", "  - indikator: waktu-layanan\n    target: 2\n    realisasi: 2\n"
                                      "  - indikator: kriminalitas\n"),
    ("      sasaran: s1\n", "      sasaran: s1\n      indikator_renstra: waktu-layanan\n"),
    ("anggaran:\n", "anggaran:\n  per_kinerja:\n    - {indikator: waktu-layanan, pagu: 1000000}\n"),
]


def test_revision_only_indicator_is_accepted_where_the_revision_is_in_force(minimal_data):
    (minimal_data / RENSTRA).write_text((minimal_data / RENSTRA).read_text(encoding="utf-8") + REVISION,
                                        encoding="utf-8")
    for old, new in USES_WAKTU_LAYANAN:
        edit(minimal_data, YEAR, old, new)
    assert problems_of(minimal_data) == []


def test_revision_only_indicator_is_refused_before_the_revision(minimal_data):
    revision_2024 = REVISION.replace("berlaku_mulai: 2023", "berlaku_mulai: 2024").replace("{2023:", "{2024:")
    (minimal_data / RENSTRA).write_text((minimal_data / RENSTRA).read_text(encoding="utf-8") + revision_2024,
                                        encoding="utf-8")
    edit(minimal_data, YEAR, *USES_WAKTU_LAYANAN[0])
    (error,) = problems_of(minimal_data)
    assert (error.path, error.field) == (f"data/{YEAR}", "kinerja[1].indikator")
    assert 'indikator "waktu-layanan" tidak ada di Renstra 2021-2026' in error.message
    assert "Indikator yang ada: ikm, kriminalitas" in error.message
    assert 'revisi "Renstra hasil reviu" Renstra 2021-2026 (berlaku mulai 2024)' in error.message
    assert "tidak berlaku pada tahun 2023" in error.message


# -- broken in unexpected ways: a message, never a traceback -------------------------------------


def _append(relative: str, text: str):
    def change(data: Path) -> None:
        path = data / relative
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return change


def _write(relative: str, content: str | bytes):
    def change(data: Path) -> None:
        path = data / relative
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")
    return change


def _replace(relative: str, old: str, new: str):
    return lambda data: edit(data, relative, old, new)


V = f"versi_format: {FORMAT_VERSION}\n"  # a new file in the current format
BREAKAGES = {
    # (change, file of the first error, words in that error as printed)
    "only-null": (_write(YEAR, "~\n"), YEAR, "berkas kosong"),
    "only-comment": (_write(YEAR, "# nanti diisi\n"), YEAR, "berkas kosong"),
    "list-instead-of-mapping": (_write(f"{KEC}/profil.yaml", "- nama\n- kode\n"), f"{KEC}/profil.yaml", "pemetaan"),
    "scalar-file": (_write("wilayah/contoh/kabupaten.yaml", "Contoh\n"), "wilayah/contoh/kabupaten.yaml", "pemetaan"),
    "two-documents": (_write(YEAR, "tahun: 2023\n---\ntahun: 2024\n"), YEAR, "YAML tidak dapat dibaca"),
    "python-tag": (_write(YEAR, "tahun: !!python/object/apply:os.system [ls]\n"), YEAR, "YAML tidak dapat dibaca"),
    "unhashable-key": (_write(YEAR, "? [a, b]\n: 1\n"), YEAR, "YAML tidak dapat dibaca"),
    "recursive-alias": (_write(YEAR, f"{V}tahun: 2023\nlaporan: lkjip-2023\nkinerja: &k [*k]\n"), YEAR, "alias YAML (*k)"),
    "not-utf8": (_write(YEAR, b"\xff\xfe\x00t"), YEAR, "UTF-8"),
    "nan-money": (_replace(YEAR, "      pagu: 1000000", "      pagu: .nan"), YEAR, ".nan"),
    "nan-value": (_replace(YEAR, "realisasi: 89.81", "realisasi: .nan"), YEAR, ".nan"),
    "infinite-money": (_replace(YEAR, "      pagu: 1000000", "      pagu: .inf"), YEAR, ".inf"),
    "date-as-year": (_replace(YEAR, "tahun: 2023", "tahun: 2023-01-01"), YEAR, "bilangan bulat"),
    "tujuan-empty": (_replace(RENSTRA, "tujuan:\n", "tujuan:\nx:\n"), RENSTRA, "tujuan: wajib diisi, tetapi masih kosong"),
    # A Renstra whose period neither matches its name nor leaves room for the other one.
    "renstra-misnamed-overlapping": (_write(f"{KEC}/renstra-2027-2031.yaml", f"{V}periode: {{mulai: 2024, selesai: 2028}}\n"
                                            "tujuan: []\n"), f"{KEC}/renstra-2027-2031.yaml", "sesuai nama berkas"),
    "year-file-name-before-1990": (_write(f"{KEC}/0999.yaml", f"{V}tahun: 2023\nlaporan: lkjip-2023\n"),
                                   f"{KEC}/0999.yaml", "berbeda dari nama berkas (0999.yaml)"),
    "reference-file-missing": (lambda data: (data / SKALA).unlink(), "referensi", "tidak lengkap"),
    "reference-without-scales": (_write(SKALA, f"{V}skala: {{}}\n"), SKALA, "peran"),
    "profil-missing": (lambda data: (data / KEC / "profil.yaml").unlink(), RENSTRA, "profil.yaml"),
    "stray-file": (_write(f"{KEC}/catatan.yaml", "a: 1\n"), f"{KEC}/catatan.yaml", "berkas tidak dikenal"),
}


@pytest.mark.parametrize("change, relative, words", BREAKAGES.values(), ids=BREAKAGES.keys())
def test_broken_file_gives_a_message_not_a_traceback(minimal_data, change, relative, words):
    change(minimal_data)
    errors = problems_of(minimal_data)  # must not raise
    assert errors, "expected an error"
    first = next(e for e in errors if e.path == f"data/{relative}")
    assert words in str(first)
    assert all(e.path.startswith("data/") and e.message for e in errors)


def test_cli_reports_a_nan_without_traceback(minimal_data):
    edit(minimal_data, YEAR, "      pagu: 1000000", "      pagu: .nan")
    result = subprocess.run([sys.executable, "-m", "builder", "--data", str(minimal_data), "validate"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "Kesalahan internal" not in result.stderr
    assert f"data/{YEAR}:{line_of(minimal_data, YEAR, 'pagu: .nan')}:" in result.stderr


# -- the real data ------------------------------------------------------------------------------


def test_real_data_has_no_errors():
    dataset, problems = load_and_validate(ROOT / "data")
    assert [str(p) for p in problems if p.severity == "galat"] == []
    assert all("tidak sama dengan" in p.message for p in problems)  # only budget sums the reports print


# -- desa and region codes against Kemendagri's list (data/referensi/kemendagri, idn-area-data 4.0.1) -----------

KEMENDAGRI = ROOT / "data" / "referensi" / "kemendagri"
PROFIL = "wilayah/contoh/kec-contoh/profil.yaml"
IDM = """idm:
  desa:
    - kode: "14.03.11.2001"
      nama: Tanjung Medang
      iks: 0.8629
      ike: 0.85
      ikl: 0.8667
    - kode: "14.03.11.2002"
      nama: Teluk Rhu
      iks: 0.8971
      ike: 0.7667
      ikl: 0.8
    - nama: Desa Kadur
      iks: 0.7
      ike: 0.6
      ikl: 0.6
"""


def _official(csv_name: str, line: str) -> None:
    """The expected value is the list's own text, not something our loader produced."""
    assert line in (KEMENDAGRI / csv_name).read_text(encoding="utf-8").splitlines()


@pytest.fixture
def rupat_utara(minimal_data):
    """The minimal data set renamed to Kecamatan Rupat Utara (14.03.11), with the Kemendagri list and an IDM table."""
    shutil.copytree(KEMENDAGRI, minimal_data / "referensi" / "kemendagri")
    edit(minimal_data, "wilayah/contoh/kabupaten.yaml", 'kode: "99.01"', 'kode: "14.03"')
    edit(minimal_data, "wilayah/contoh/kabupaten.yaml", "nama: Contoh", "nama: Bengkalis")
    edit(minimal_data, "wilayah/contoh/kabupaten.yaml", '{nama: Provinsi Contoh, kode: "99"}', '{nama: Riau, kode: "14"}')
    edit(minimal_data, PROFIL, 'kode: "99.01.01"', 'kode: "14.03.11"')
    edit(minimal_data, PROFIL, "nama: Kecamatan Contoh", "nama: Rupat Utara")
    with (minimal_data / YEAR).open("a", encoding="utf-8") as handle:
        handle.write(IDM)
    return minimal_data


def _kemendagri_warnings(data: Path):
    return [p for p in problems_of(data, "peringatan") if "Kemendagri" in p.message]


def test_matching_desa_give_no_warning(rupat_utara):
    """Codes and names as in the list; "Desa Kadur" (no code) is the list's "Kadur"."""
    _official("villages.csv", "14.03.11.2004,14.03.11,Kadur")
    assert problems_of(rupat_utara) == []
    assert _kemendagri_warnings(rupat_utara) == []


def test_unknown_desa_code_suggests_the_desa_of_that_name(rupat_utara):
    _official("villages.csv", "14.03.11.2002,14.03.11,Teluk Rhu")
    edit(rupat_utara, YEAR, 'kode: "14.03.11.2002"', 'kode: "14.03.11.2099"')
    [warning] = _kemendagri_warnings(rupat_utara)
    assert (warning.path, warning.line, warning.field) == (f"data/{YEAR}",
                                                           line_of(rupat_utara, YEAR, "14.03.11.2099"), "idm.desa[1].kode")
    assert "kode desa 14.03.11.2099 tidak ada" in warning.message
    assert "mungkin maksudnya 14.03.11.2002 Teluk Rhu" in warning.message


def test_misspelled_desa_name_names_the_official_one(rupat_utara):
    _official("villages.csv", "14.03.11.2001,14.03.11,Tanjung Medang")
    edit(rupat_utara, YEAR, "nama: Tanjung Medang", "nama: Tanjung Medan")
    [warning] = _kemendagri_warnings(rupat_utara)
    assert (warning.line, warning.field) == (line_of(rupat_utara, YEAR, "Tanjung Medan"), "idm.desa[0].nama")
    assert '14.03.11.2001: "Tanjung Medang"' in warning.message


def test_desa_without_code_not_in_the_kecamatan(rupat_utara):
    _official("villages.csv", "14.03.11.2004,14.03.11,Kadur")
    edit(rupat_utara, YEAR, "nama: Desa Kadur", "nama: Kadurr")
    [warning] = _kemendagri_warnings(rupat_utara)
    assert (warning.line, warning.field) == (line_of(rupat_utara, YEAR, "Kadurr"), "idm.desa[2].nama")
    assert 'desa "Kadurr" tidak ada' in warning.message and "14.03.11.2004 Kadur" in warning.message


def test_desa_code_of_another_kecamatan(rupat_utara):
    """14.03.10.2006 is Teluk Lecah in Kecamatan Rupat, not in Rupat Utara (14.03.11)."""
    _official("villages.csv", "14.03.10.2006,14.03.10,Teluk Lecah")
    _official("districts.csv", "14.03.10,14.03,Rupat")
    edit(rupat_utara, YEAR, 'kode: "14.03.11.2002"', 'kode: "14.03.10.2006"')
    [warning] = _kemendagri_warnings(rupat_utara)
    assert (warning.line, warning.field) == (line_of(rupat_utara, YEAR, "14.03.10.2006"), "idm.desa[1].kode")
    assert "milik Teluk Lecah, kecamatan Rupat" in warning.message
    assert "mungkin maksudnya 14.03.11.2002 Teluk Rhu" in warning.message
    assert any("harus diawali kode kecamatan 14.03.11" in e.message for e in problems_of(rupat_utara))


def test_unknown_kecamatan_code_suggests_by_name(rupat_utara):
    _official("districts.csv", "14.03.11,14.03,Rupat Utara")
    edit(rupat_utara, PROFIL, 'kode: "14.03.11"', 'kode: "14.03.99"')
    warnings = [str(w) for w in _kemendagri_warnings(rupat_utara)]
    assert len(warnings) == 1, warnings  # the desa are not checked against an unknown kecamatan
    assert f"data/{PROFIL}:{line_of(rupat_utara, PROFIL, '14.03.99')}:" in warnings[0]
    assert "kode kecamatan 14.03.99 tidak ada" in warnings[0] and "14.03.11 Rupat Utara" in warnings[0]


def test_the_formula_for_lower_is_better_is_needed_only_with_such_an_indicator(minimal_data):
    edit(minimal_data, "wilayah/contoh/kabupaten.yaml", "  rumus_capaian_turun: target-per-realisasi\n", "")
    (missing,) = [p for p in problems_of(minimal_data) if "metode belum lengkap" in p.message]
    assert "rumus_capaian_turun" in missing.message
    edit(minimal_data, RENSTRA, "polaritas: turun", "polaritas: naik")
    assert not [p for p in problems_of(minimal_data) if "metode belum lengkap" in p.message]
