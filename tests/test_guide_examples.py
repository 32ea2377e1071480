"""Model parts none of our seed reports uses, tried with the small examples CONTRIBUTING.md gives staff: each
example validates, shows on the year page and is audited as the guide says."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from builder import analyse_data, load_and_validate, money_warnings
from builder.audit import Kind, audit_kecamatan

from .conftest import ROOT
from .test_validate import YEAR, problems_of

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def guide_example(first_key: str) -> str:
    """The guide's ```yaml block that starts with `first_key:`."""
    return re.search(rf"```yaml\n({first_key}:\n.*?)```", GUIDE, re.S).group(1)


def with_section(data: Path, key: str, block: str) -> None:
    """The minimal year file with its top-level `key` section replaced by (or, if absent, added as) `block`."""
    path = data / YEAR
    text = path.read_text(encoding="utf-8")
    text = re.sub(rf"^{key}:\n(?:[ #].*\n|\n)*", "", text, flags=re.M)
    path.write_text(text.rstrip("\n") + "\n" + block, encoding="utf-8")


def year_page(data: Path, out: Path) -> str:
    subprocess.run([sys.executable, "-m", "builder", "--data", str(data), "pages", "--out", str(out)],
                   cwd=ROOT, check=True, capture_output=True)
    return (out / YEAR.replace(".yaml", ".md")).read_text(encoding="utf-8")


def year_findings(data: Path):
    _, results = analyse_data(data)
    (kec,) = results
    return audit_kecamatan(kec)[2023]


def test_a_partial_budget_table_gets_no_invented_total(minimal_data, tmp_path):
    with_section(minimal_data, "anggaran", guide_example("anggaran"))
    assert problems_of(minimal_data) == []
    page = year_page(minimal_data, tmp_path / "out")
    assert "Rp1.730.000.000" not in page and "Rp1,73 miliar" not in page  # 1.250.000.000 + 480.000.000
    assert "tabel anggaran di data tidak lengkap" in page
    assert "Tabel 3.4 di data tidak lengkap" in page
    assert "Rp1.250.000.000" in page and "Rp480.000.000" in page  # the lines themselves still show
    (total,) = [f for f in year_findings(minimal_data) if f.what == "Total pagu anggaran"]
    assert total.kind == Kind.UNCHECKABLE and "sebagian: true" in total.cause
    # Without the flag, the same lines are a whole table: totalled, and the printed JUMLAH differs from them.
    with_section(minimal_data, "anggaran", guide_example("anggaran").replace(", sebagian: true", ""))
    assert "Rp1.730.000.000" in year_page(minimal_data, tmp_path / "out")
    (total,) = [f for f in year_findings(minimal_data) if f.what == "Total pagu anggaran"]
    assert total.kind == Kind.DIFFERENCE


def test_two_scales_in_one_report_and_another_name_for_a_level(minimal_data, tmp_path):
    profil = minimal_data / "wilayah/contoh/kec-contoh/profil.yaml"
    profil.write_text(profil.read_text(encoding="utf-8") + guide_example("metode"), encoding="utf-8")
    skala = minimal_data / "referensi/skala.yaml"
    scale = guide_example("skala").split("\n", 1)[1]
    skala.write_text(skala.read_text(encoding="utf-8").replace("skala:\n", "skala:\n" + scale, 1), encoding="utf-8")
    # IKM 89,81 against 87: 103,23 %, SB on sb-b-c-k and Sangat Baik (>= 90) on the second scale.
    # Kriminalitas 40 against 15 (lower is better, target / realisasi): 37,5 %, K on both, "Kurang Baik" its other name.
    # The year's mean, (103,23 + 37,5) / 2 = 70,37 %: Cukup on the second scale, as the year's words say.
    path = minimal_data / YEAR
    text = path.read_text(encoding="utf-8").replace(
        "    realisasi: 89.81\n", "    realisasi: 89.81\n    dinyatakan:\n      - {sumber: {tabel: Tabel 3.2}, predikat: Sangat Baik}\n"
        "      - {sumber: {tabel: Bab IV}, predikat: Baik}\n", 1).replace(
        "laporan: lkjip-2023\n", "laporan: lkjip-2023\ndinyatakan:\n  - {sumber: {tabel: Bab IV}, predikat: Cukup}\n", 1).replace(
        "    realisasi: 12\n", "    realisasi: 40\n    dinyatakan:\n      - {sumber: {tabel: Tabel 3.2}, predikat: Kurang Baik}\n", 1)
    path.write_text(text, encoding="utf-8")
    assert problems_of(minimal_data) == []
    ratings = [f for f in year_findings(minimal_data) if f.what.startswith("Penilaian")]
    assert [(f.table, f.stated) for f in ratings] == [("LKjIP 2023, Bab IV", "Baik")]
    assert "Predikat capaian Sangat Baik/Baik/Cukup/Kurang" in ratings[0].cause
    page = year_page(minimal_data, tmp_path / "out")
    assert "diperiksa dengan skala keduanya, Predikat capaian Sangat Baik/Baik/Cukup/Kurang" in page
    assert "Sangat Berhasil" in page  # the capaian scale still rates the table


def test_a_national_or_provincial_comparison_value(minimal_data, tmp_path):
    with_section(minimal_data, "kinerja", guide_example("kinerja"))
    assert problems_of(minimal_data) == []
    page = year_page(minimal_data, tmp_path / "out")
    assert "Pembanding rata-rata IKM Provinsi Contoh (2023): 82,4; realisasi lebih baik" in page  # 89,81 > 82,4
    assert not [f for f in year_findings(minimal_data) if f.what.startswith("Perbandingan")]
    # A conclusion the figures do not bear out is a difference.
    with_section(minimal_data, "kinerja", guide_example("kinerja").replace("lebih baik ", "lebih buruk "))
    (found,) = [f for f in year_findings(minimal_data) if f.what.startswith("Perbandingan")]
    assert (found.kind, found.stated, found.computed) == (Kind.DIFFERENCE, "lebih buruk", "lebih baik")
    assert "(laporan: lebih buruk)" in year_page(minimal_data, tmp_path / "out2")


def guide_examples(first_key: str) -> list[str]:
    return re.findall(rf"```yaml\n({first_key}:\n.*?)```", GUIDE, re.S)


def test_original_and_revised_budget_per_programme_and_kegiatan(minimal_data, tmp_path):
    (example,) = [e for e in guide_examples("anggaran") if "pagu_murni" in e]
    with_section(minimal_data, "anggaran", example)
    assert problems_of(minimal_data) == [] and problems_of(minimal_data, "peringatan") == []
    page = year_page(minimal_data, tmp_path / "out")
    assert "dihitung dari baris Tabel 3.8: pagu Rp1.250.000.000 (APBD murni Rp1.300.000.000)" in page
    assert "pagu APBD murni Rp1.300.000.000, setelah perubahan Rp1.250.000.000" in page
    assert "APBD murni Rp1.300.000.000</span>" in page  # the kegiatan row
    assert not [f for f in year_findings(minimal_data) if "murni" in f.what]
    # A kegiatan whose original budget does not add up to its programme's, and a JUMLAH that differs.
    with_section(minimal_data, "anggaran", example.replace("          pagu_murni: 1300000000", "          pagu_murni: 1290000000")
                 .replace("      pagu_murni: 1300000000\n      pagu: 1250000000\n  ", "      pagu_murni: 1350000000\n"
                          "      pagu: 1250000000\n  "))
    assert problems_of(minimal_data, "peringatan") == []
    dataset, _ = load_and_validate(minimal_data)
    warnings = [w.message for w in money_warnings(dataset)]  # what `validate` prints: the audit's money rule
    assert any(m.startswith("Jumlah pagu murni rincian") and "dihitung Rp1.290.000.000" in m for m in warnings)
    whats = {f.what: f.kind for f in year_findings(minimal_data)}
    assert whats["Total pagu APBD murni"] == Kind.DIFFERENCE
    assert any(w.startswith("Jumlah pagu murni rincian") for w in whats)


def test_a_revised_agreement_with_its_own_indicators_and_annex_total(minimal_data, tmp_path):
    with_section(minimal_data, "perjanjian_kinerja", guide_example("perjanjian_kinerja"))
    assert problems_of(minimal_data) == []
    page = year_page(minimal_data, tmp_path / "out")
    assert "<h4>Perjanjian Kinerja perubahan</h4>" in page and "Tanggal: 2 Oktober 2023" in page
    assert "Penyesuaian dengan APBD Perubahan 2023" in page
    assert "Persentase layanan administrasi yang selesai tepat waktu" in page  # not a Renstra indicator
    assert "Pihak kedua: H. Ahmad (Wali Kota Contoh)" in page
    assert "Rp1.730.000.000<span class=\"kc-note\">Tercetak: Rp1.730.000.000" in page
    assert not [f for f in year_findings(minimal_data) if f.what.startswith("Jumlah anggaran")]
    with_section(minimal_data, "perjanjian_kinerja",
                 guide_example("perjanjian_kinerja").replace("jumlah_anggaran: 1730000000", "jumlah_anggaran: 1750000000"))
    (found,) = [f for f in year_findings(minimal_data) if f.what.startswith("Jumlah anggaran")]
    assert (found.what, found.kind) == ("Jumlah anggaran Perjanjian Kinerja perubahan", Kind.DIFFERENCE)


def test_awards_follow_ups_and_agreement_rows_are_downloads(minimal_data, tmp_path):
    with_section(minimal_data, "tindak_lanjut_evaluasi", guide_example("tindak_lanjut_evaluasi"))
    with_section(minimal_data, "penghargaan", guide_example("penghargaan"))
    with_section(minimal_data, "perjanjian_kinerja", guide_example("perjanjian_kinerja"))
    assert problems_of(minimal_data) == []
    page = year_page(minimal_data, tmp_path / "out")
    folder = tmp_path / "out/unduh/wilayah/contoh/kec-contoh/2023"
    for name, expected in (("tindak_lanjut", "Menyusun ulang indikator kinerja pada reviu Renstra"),
                           ("penghargaan", "Kecamatan Terbaik Pelayanan Publik"),
                           ("perjanjian", "Persentase layanan administrasi yang selesai tepat waktu")):
        assert expected in (folder / f"{name}.csv").read_text(encoding="utf-8"), name
        assert f"{name}.csv" in page, name
    assert "2023,Kecamatan Terbaik Pelayanan Publik,Juara I,,Bupati Paser,kabupaten,2023" in (
        folder / "penghargaan.csv").read_text(encoding="utf-8")


def test_the_new_text_fields_are_escaped(minimal_data, tmp_path):
    """What staff type in the new parts (an agreement row, a revision's reason in Markdown, a comparison's name)
    reaches the page as text."""
    hostile = "<script>alert(1)</script>"
    example = guide_example("perjanjian_kinerja").replace(
        "Persentase layanan administrasi yang selesai tepat waktu", hostile).replace(
        "Penyesuaian dengan APBD Perubahan 2023 dan hasil reviu Renstra.", '"<img src=x onerror=alert(1)> teks"')
    with_section(minimal_data, "perjanjian_kinerja", example)
    with_section(minimal_data, "kinerja", guide_example("kinerja").replace("rata-rata IKM Provinsi Contoh",
                                                                            f'"{hostile}"'))
    assert problems_of(minimal_data) == []
    page = year_page(minimal_data, tmp_path / "out")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 2


def test_the_reports_sentences_about_counts(minimal_data):
    """The guide's `klaim` example on the minimal data (its PK: 2 sasaran, 2 indicators, both reached): the stated
    3 sasaran and 4 indicators are findings; "seluruhnya tercapai" holds."""
    with_section(minimal_data, "klaim", guide_example("klaim"))
    assert problems_of(minimal_data) == []
    found = {f.what: (f.stated, f.computed) for f in year_findings(minimal_data) if "kalimat" in f.cause}
    assert found == {"Jumlah sasaran menurut kalimat laporan": (3, 2),
                     "Jumlah indikator kinerja menurut kalimat laporan": (4, 2)}
    # An indicator below its target makes "seluruhnya tercapai" a finding.
    path = minimal_data / YEAR
    path.write_text(path.read_text(encoding="utf-8").replace("    realisasi: 89.81\n", "    realisasi: 80\n", 1),
                    encoding="utf-8")
    found = {f.what: (f.stated, f.computed) for f in year_findings(minimal_data) if "kalimat" in f.cause}
    assert found["Pernyataan laporan: seluruh indikator mencapai target"] == ("seluruhnya tercapai", "1 dari 2 tercapai")
