"""`python -m builder impor`: a report's text drafted into data files, every figure traced to its table and line,
none invented, nothing overwritten. Expected values come from the report text (tests/fixtures/laporan)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from builder import FORMAT_VERSION

from .conftest import DATA, ROOT

REPORTS = Path(__file__).parent / "fixtures" / "laporan"
SEEDS = {
    "000_f5c815a18d890b49.txt": "bengkalis/rupat-utara",
    "002_5be07e9b1610b382.txt": "paser/batu-sopang",
    "004_e634fa74d24abf76.txt": "batu-bara/lima-puluh-pesisir",
}
NOT_FIGURES = {"tahun", "versi_format", "halaman", "mulai", "selesai"}


def fresh_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA / "referensi", data / "referensi")
    return data


def impor(data: Path, report: Path, kecamatan: str, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "builder", "--data", str(data), "impor", str(report),
                           "--kecamatan", kecamatan, *extra], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(scope="module")
def rupat_utara(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    data = fresh_data(tmp_path_factory.mktemp("impor"))
    return data, impor(data, REPORTS / "000_f5c815a18d890b49.txt", "bengkalis/rupat-utara")


def report_line(report: str, starts: str) -> list[str]:
    """The cells of the report line that starts with `starts` (the test reads its expectations from the text)."""
    line = next(line for line in report.splitlines() if line.startswith(starts))
    return line.split("\t")


def test_a_report_is_drafted_with_each_figure_traced_to_its_table_and_line(rupat_utara):
    data, result = rupat_utara
    assert result.returncode == 0, result.stderr
    folder = data / "wilayah" / "bengkalis" / "rupat-utara"
    assert sorted(p.name for p in folder.iterdir()) == ["2021.yaml", "2022.yaml", "2023.yaml", "SUMBER.md", "profil.yaml",
                                                        "renstra-2021-2026.yaml"]
    report = (REPORTS / "000_f5c815a18d890b49.txt").read_text(encoding="utf-8")
    year = (folder / "2023.yaml").read_text(encoding="utf-8")
    # Tabel 3.2: IKM target 87, realisasi "89,81", capaian "103%"
    ikm = report_line(report, "Mewujudkan Tatakelola Pemerintahan yang Baik\t")
    assert ikm[4] == "89,81" and ikm[5] == "103%"
    number = report.splitlines().index("\t".join(ikm)) + 1
    assert f'realisasi: 89.81  # dicetak "89,81", Tabel 3.2, baris {number}' in year
    assert f'capaian: 103  # dicetak "103%", Tabel 3.2, baris {number}' in year
    # Tabel 3.6: the first unsur and its NRR as printed
    unsur = next(line.split("\t") for line in report.splitlines()[528:560] if re.match(r"^[A-Z].*\t\d,\d+$", line))
    assert f"nama: {unsur[0]}" in year and f"nrr: {unsur[1].replace(',', '.')}" in year
    # Tabel 3.10: a budget line with its code quoted and its rupiah without the printed ",00"
    line = report_line(report, "1.1.1\t")
    assert 'kode: "1.1.1"' in year and f"pagu: {line[2].replace('.', '').replace(',00', '')}" in year
    # the earlier years the report prints (Tabel 3.4: realisasi 2021 and 2022)
    assert "realisasi: 85.05" in (folder / "2021.yaml").read_text(encoding="utf-8")
    assert "realisasi: 81.12" in (folder / "2022.yaml").read_text(encoding="utf-8")


def test_the_summary_lists_what_was_not_recognised_then_validation_and_the_audit(rupat_utara):
    _data, result = rupat_utara
    out = result.stdout
    assert re.search(r"Laporan tahun 2023: 25 tabel; \d+ dikenali, \d+ sebagian, \d+ tidak dikenali; \d+ angka", out)
    assert "tidak dikenali: Tabel 2.2 (Strategi, Kebijakan dan Program Mencapai Tujuan dan Sasaran ), baris 380" in out
    assert "dikenali: Tabel 3.10 (Program, Kegiatan, dan Realisasi Tahun 2023)" in out
    assert "(0 galat," in out  # the draft of this report validates as it is
    # the audit on the draft: 89,81 / 87 printed 103,22 (truncated; rounded 103,23), as DOMAIN.md says
    assert "audit 2023: Pemotongan: LAKIP 2023, Tabel 3.4" in out and "laporan 103,22\u202f%, dihitung 103,23\u202f%" in out
    # the KAMTIBMAS target printed 84 in the PK and 87 in Tabel 3.9
    assert "Tabel 3.9: Target Persentase penurunan gangguan KAMTIBMAS: laporan 87, dihitung 84" in out


def test_the_scale_and_efficiency_formula_are_chosen_from_what_the_report_prints(rupat_utara):
    data, _ = rupat_utara
    profil = (data / "wilayah/bengkalis/rupat-utara/profil.yaml").read_text(encoding="utf-8")
    assert "skala_capaian: permendagri-86-2017  # PERIKSA:" in profil and "Tabel 3.1" in profil
    assert "rumus_efisiensi: seratus-kurang-penyerapan  # PERIKSA: " in profil  # 100 − 95,97 = 4,03 (Tabel 3.12)
    assert "id: lakip-2023" in profil and "berkas: 000_f5c815a18d890b49.txt" in profil


def printed_numbers(text: str) -> set[Decimal]:
    """Every number the report text prints, read both ways where the form is ambiguous (1.500)."""
    found: set[Decimal] = set()
    for token in re.findall(r"\d[\d.,]*\d|\d", text):
        candidates = {token.replace(".", "").replace(",", "."), token.replace(",", "")}
        for candidate in candidates:
            try:
                found.add(Decimal(candidate))
            except ArithmeticError:
                pass
    return found


def drafted_numbers(value, key: str = ""):
    if isinstance(value, dict):
        for k, v in value.items():
            if str(k) not in NOT_FIGURES:
                yield from drafted_numbers(v, str(k))
    elif isinstance(value, list):
        for item in value:
            yield from drafted_numbers(item, key)
    elif isinstance(value, (int, float)) and not isinstance(value, bool) and key not in NOT_FIGURES:
        yield key, Decimal(str(value))


@pytest.mark.parametrize("report", SEEDS)
def test_no_drafted_figure_is_missing_from_the_report(tmp_path, report):
    data = fresh_data(tmp_path)
    result = impor(data, REPORTS / report, SEEDS[report])
    assert result.returncode == 0, result.stderr
    printed = printed_numbers((REPORTS / report).read_text(encoding="utf-8"))
    drafted = 0
    for path in (data / "wilayah").rglob("*.yaml"):
        if path.name == "kabupaten.yaml":
            continue
        for key, number in drafted_numbers(yaml.safe_load(path.read_text(encoding="utf-8"))):
            drafted += 1
            assert number in printed or number == 0 and key == "pagu", f"{path.name}: {key} {number} is not printed"
    assert drafted > 50


def test_nothing_is_overwritten_and_an_existing_kecamatan_is_refused(tmp_path):
    data = fresh_data(tmp_path)
    report = REPORTS / "000_f5c815a18d890b49.txt"
    assert impor(data, report, "bengkalis/rupat-utara").returncode == 0
    before = {p: p.read_bytes() for p in (data / "wilayah").rglob("*") if p.is_file()}
    again = impor(data, report, "bengkalis/rupat-utara")
    assert again.returncode == 1 and "2023.yaml sudah ada: tidak ditulis ulang" in again.stdout
    assert "tidak ada berkas baru yang ditulis" in again.stderr
    assert {p: p.read_bytes() for p in (data / "wilayah").rglob("*") if p.is_file()} == before
    assert subprocess.run([sys.executable, "-m", "builder", "impor", str(report), "--kecamatan",
                           "bengkalis/rupat-utara"], cwd=ROOT, capture_output=True, text=True).returncode == 1


def test_files_that_are_not_reports_get_a_message_and_nothing_is_written(tmp_path):
    data = fresh_data(tmp_path)
    junk = tmp_path / "laporan.pdf"
    junk.write_bytes(b"%PDF-1.4\n" + b"\x00" * 200)
    empty = tmp_path / "kosong.txt"
    empty.write_text("Laporan tanpa tabel dan tanpa tahun.\n", encoding="utf-8")
    for path, words in ((junk, "PDF"), (empty, "tahun laporan tidak ditemukan"), (tmp_path / "tidak-ada.docx", "")):
        result = impor(data, path, "bengkalis/rupat-utara")
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert words in result.stderr and result.stderr.startswith("galat: ")
    assert not (data / "wilayah").exists()


def test_for_a_kecamatan_already_in_the_data_only_its_missing_year_is_drafted_with_its_own_ids(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("kemendagri"))
    (data / "wilayah/bengkalis/rupat-utara/2023.yaml").unlink()
    kept = {p: p.read_bytes() for p in (data / "wilayah").rglob("*") if p.is_file()}
    result = impor(data, REPORTS / "000_f5c815a18d890b49.txt", "bengkalis/rupat-utara")
    assert result.returncode == 0, result.stderr
    assert "! 2022.yaml sudah ada: tidak ditulis ulang" in result.stdout and "(0 galat," in result.stdout
    assert {p: p.read_bytes() for p in kept} == kept  # nothing of ours changed
    year = (data / "wilayah/bengkalis/rupat-utara/2023.yaml").read_text(encoding="utf-8")
    assert "  - indikator: ikm\n    target: 87.00" in year  # the Renstra's own id, found by the indicator's name


@pytest.mark.parametrize("report", SEEDS)
def test_the_same_draft_from_the_text_the_docx_and_the_pdf(tmp_path, report):
    """The report as staff hold it (DOCX, and the PDF LibreOffice makes of it) drafts what its text drafts; the
    only differences allowed are the test document's own (it merges empty cells into the one above)."""
    from .documents import make_docx, make_pdf
    from .test_score_impor import score_impor

    kecamatan = SEEDS[report]
    report = REPORTS / report
    drafts = {}
    docx = make_docx(report, tmp_path / "laporan.docx")
    sources = {"teks": report, "docx": docx}
    if shutil.which("soffice") or os.environ.get("CI"):  # `make test` installs LibreOffice
        sources["pdf"] = make_pdf(docx, tmp_path / "pdf")
    for name, source in sources.items():
        data = fresh_data(tmp_path / name)
        result = impor(data, source, kecamatan)
        assert result.returncode == 0, result.stderr
        drafts[name] = data / "wilayah" / kecamatan
    text = report.read_text(encoding="utf-8")
    for name in sources.keys() - {"teks"}:
        score = score_impor.score(drafts["teks"], drafts[name], text)
        total = score.total
        assert total.different == 0 and not score.invented, name
        assert total.identical >= 0.97 * total.hand, (name, total)


def test_sumber_md_maps_every_table_of_the_report(rupat_utara):
    data, _ = rupat_utara
    sumber = (data / "wilayah/bengkalis/rupat-utara/SUMBER.md").read_text(encoding="utf-8")
    assert "| Tabel 3.6 (Nilai Rata-rata (NRR) dan Indeks Kepuasan Masyarakat (IKM)), baris 528 | dikenali |" in sumber
    assert "| Tabel 2.2 (Strategi, Kebijakan dan Program Mencapai Tujuan dan Sasaran ), baris 380 | tidak dikenali |" in sumber


def test_a_file_name_or_table_title_cannot_write_yaml_into_the_draft(tmp_path):
    """Text from the report file reaches the draft only as data or as escaped comment text: a line separator in a
    title or a newline in the file name does not start a line of YAML."""
    text = (REPORTS / "000_f5c815a18d890b49.txt").read_text(encoding="utf-8")
    text = text.replace("**Target dan Capaian Sasaran dan Indikator Kinerja Utama Sasaran Tahun 2023**",
                        "**Target dan Capaian\u2028versi_format: 99\u2028kinerja: []**", 1)
    report = tmp_path / "laporan\nversi_format: 99.txt"
    report.write_text(text, encoding="utf-8")
    data = fresh_data(tmp_path)
    result = impor(data, report, "bengkalis/rupat-utara")
    assert result.returncode == 0, result.stderr
    for path in (data / "wilayah").rglob("*.yaml"):
        parsed = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert parsed["versi_format"] == FORMAT_VERSION, path.name
    year = yaml.safe_load((data / "wilayah/bengkalis/rupat-utara/2023.yaml").read_text(encoding="utf-8"))
    assert len(year["kinerja"]) == 4


@pytest.fixture(scope="module")
def batu_sopang(tmp_path_factory) -> Path:
    data = fresh_data(tmp_path_factory.mktemp("impor"))
    result = impor(data, REPORTS / "002_5be07e9b1610b382.txt", "paser/batu-sopang")
    assert result.returncode == 0, result.stderr
    return data / "wilayah" / "paser" / "batu-sopang"


def test_a_kegiatan_printed_elsewhere_with_a_sub_kegiatan_code_is_a_sub_kegiatan(batu_sopang):
    """Tabel 3.4.1 heads its lines "Kegiatan"; the Renstra matrix (T-C 27) prints the same names with codes of six
    parts (7.01.01.2.01.01): sub kegiatan, under the programme, and the programme keeps the row's number."""
    report = (REPORTS / "002_5be07e9b1610b382.txt").read_text(encoding="utf-8")
    assert "7.01.01.2.01.01\t\tPenyusunan Dokumen Perencanaan Perangkat Daerah" in report
    line = report_line(report, "1\tProgram Penunjang Urusan Pemerintah Daerah Kabupaten/Kota\t")
    assert line[2] == "Penyusunan Dokumen Perencanaan Perangkat Daerah" and line[3] == "4.643.400,00"
    year = yaml.safe_load((batu_sopang / "2022.yaml").read_text(encoding="utf-8"))
    program = year["anggaran"]["program"][0]
    assert program["kode"] == "1" and "kegiatan" not in program
    first = program["sub_kegiatan"][0]
    assert first["nama"] == line[2] and first["pagu"] == 4643400 and "kode" not in first


def test_a_budget_table_per_sasaran_and_programme_is_drafted_per_sasaran(batu_sopang):
    """Tabel 3.4.2: NO | SASARAN | PROGRAM | PAGU | REALISASI | CAPAIAN, the sasaran printed once for its
    programmes; each row under the Renstra's own sasaran id. Tabel 3.4.4 prints capaian, absorption and efficiency
    per sasaran."""
    report = (REPORTS / "002_5be07e9b1610b382.txt").read_text(encoding="utf-8")
    second = report_line(report, "\t\tProgram Pembinaan dan Pengawasan Pemerintahan Desa\t")
    year = yaml.safe_load((batu_sopang / "2022.yaml").read_text(encoding="utf-8"))
    renstra = yaml.safe_load((batu_sopang / "renstra-2021-2026.yaml").read_text(encoding="utf-8"))
    ids = {s["nama"].lower(): s["id"] for t in renstra["tujuan"] for s in t["sasaran"]}
    rows = {r["program"]: r for r in year["anggaran"]["per_kinerja"]}
    row = rows["Program Pembinaan dan Pengawasan Pemerintahan Desa"]
    assert row["pagu"] == int(second[3].replace(".", "").removesuffix(",00"))
    assert row["sasaran"] == ids["meningkatnya akuntabilitas kinerja pemerintah"]
    efficiency = report_line(report, "2\tMeningkatnya kualitas pelayanan publik Kecamatan dan Kelurahan\t")
    assert efficiency[2:5] == ["102,5", "98,86", "1,04"]
    printed = [d for s in year["sasaran"] for d in s["dinyatakan"] if d["sumber"]["tabel"] == "Tabel 3.4.4"]
    figures = [{k: Decimal(str(v)) for k, v in d.items() if k != "sumber"} for d in printed]
    assert {"capaian": Decimal("102.5"), "penyerapan": Decimal("98.86"), "efisiensi": Decimal("1.04")} in figures


def test_a_budget_line_keeps_its_output_indicator(tmp_path):
    """Tabel 3.9 of Lima Puluh Pesisir prints, beside each line, its output indicator with target and result and
    the unit after each (under a header shifted from its data)."""
    report = (REPORTS / "004_e634fa74d24abf76.txt").read_text(encoding="utf-8")
    line = report_line(report, "Penyusunan Dokumen Perencanaan Perangkat Daerah\t")
    assert line[1:5] == ["Jumlah Dokumen Renstra dan Renja Perangkat Daerah yang disusun", "2.572.000", "4", "Dokumen"]
    data = fresh_data(tmp_path)
    assert impor(data, REPORTS / "004_e634fa74d24abf76.txt", "batu-bara/lima-puluh-pesisir").returncode == 0
    text = (data / "wilayah/batu-bara/lima-puluh-pesisir/2023.yaml").read_text(encoding="utf-8")
    year = yaml.safe_load(text)
    lines = [s for p in year["anggaran"]["program"] for k in p.get("kegiatan", []) for s in k.get("sub_kegiatan", [])]
    found = next(s for s in lines if s["nama"] == line[0])
    assert found["keluaran"] == {"nama": line[1], "satuan": "Dokumen", "target": 4, "realisasi": 4}


def test_an_average_row_is_the_reports_own_year_average(batu_sopang):
    """"RATA - RATA CAPAIAN IKU … 97,8" under the performance table of the Ikhtisar Eksekutif: the year's
    printed average capaian, kept for the audit (dinyatakan), never computed by the import."""
    report = (REPORTS / "002_5be07e9b1610b382.txt").read_text(encoding="utf-8")
    row = report_line(report, "RATA - RATA CAPAIAN IKU")
    assert row[-1] == "97,8"
    year = yaml.safe_load((batu_sopang / "2022.yaml").read_text(encoding="utf-8"))
    assert any(entry.get("capaian_rata_rata") == 97.8 for entry in year["dinyatakan"])


def test_next_years_agreement_is_next_years_and_the_units_agreements_add_nothing(batu_sopang):
    """The PK 2023 at the back of the 2022 report ("PERJANJIAN KINERJA TAHUN 2023" above its table) gives 2023
    targets (65, 84, "15 Kasus", 28), never a second 2022 target; the units' PK tables after it (target 8 for the
    SAKIP) are not the kecamatan's."""
    report = (REPORTS / "002_5be07e9b1610b382.txt").read_text(encoding="utf-8")
    lines = report.splitlines()
    heading = lines.index("PERJANJIAN KINERJA TAHUN 2023")
    first = next(i for i in range(heading, len(lines)) if lines[i].startswith("1\t"))
    assert lines[first].split("\t")[-1] == "65" and lines[first + 2].split("\t")[-1] == "15 Kasus"
    this_year = (batu_sopang / "2022.yaml").read_text(encoding="utf-8")
    assert f"baris {first + 1}" not in this_year
    next_year = yaml.safe_load((batu_sopang / "2023.yaml").read_text(encoding="utf-8"))
    targets = [row["target"] for row in next_year["kinerja"]]
    assert targets == [65, 84, 15, 28] and "dinyatakan" not in str(next_year["kinerja"])


def test_the_narrative_sections_are_drafted_as_printed(batu_sopang):
    """Ikhtisar eksekutif, isu strategis, kesimpulan, permasalahan and saran from the heading that opens each to
    the next heading: the chapter list's one-line "BAB IV PENUTUP" is not the chapter; "1.5 Landasan Hukum" ends
    the isu strategis."""
    report = (REPORTS / "002_5be07e9b1610b382.txt").read_text(encoding="utf-8")
    problem = next(line for line in report.splitlines() if line.startswith("- a. Masih kurangnya aparatur"))
    text = (batu_sopang / "2022.yaml").read_text(encoding="utf-8")
    narasi = yaml.safe_load(text)["narasi"]
    assert set(narasi) == {"ringkasan", "isu_strategis", "permasalahan", "saran", "kesimpulan"}
    assert problem in narasi["permasalahan"].splitlines()
    assert "Landasan Hukum" not in narasi["isu_strategis"] and "6. Peningkatan Pemberdayaan Masyarakat." in narasi[
        "isu_strategis"]
    assert narasi["kesimpulan"].startswith("Laporan Kinerja Instansi Pemerintah (LKjIP) Kecamatan Batu Sopang")
    assert re.search(r"  permasalahan: \|  # 4\.2\. PERMASALAHAN, baris \d+–\d+ \(teks laporan\)", text)


def test_a_table_inside_a_narrative_section_is_kept_as_a_markdown_table(tmp_path):
    from builder.impor.narrative import narrative_sections
    from builder.impor.read_text import read_text

    path = tmp_path / "laporan.txt"
    path.write_text("1.4. Isu Strategis\n\nIsu strategis kami.\n\nTabel 1.1\nIdentifikasi Permasalahan\n\n"
                    "No\tMasalah\n1\tSarana a|b kurang\n\n1.5 Landasan Hukum\n\nUndang-undang.\n", encoding="utf-8")
    section = narrative_sections(read_text(path))["isu_strategis"]
    assert section.text == ("Isu strategis kami.\n\n**Tabel 1.1 Identifikasi Permasalahan**\n\n| No | Masalah |\n"
                            "|---|---|\n| 1 | Sarana a\\|b kurang |")


def test_narrative_text_reaches_the_yaml_as_data_only(tmp_path):
    """A line separator, a control character or a line that looks like YAML inside the narrative stays inside
    the literal block: the file loads to the text, without them."""
    from builder.impor.draft import Literal, emit

    text = "Baris satu\u2028: bukan kunci\x1b[31m\n\n---\nkey: value\n- butir # bukan komentar"
    loaded = yaml.safe_load("\n".join(emit({"narasi": {"ringkasan": Literal(text, "IKHTISAR, baris 1–2")}})) + "\n")
    assert loaded == {"narasi": {"ringkasan": "Baris satu: bukan kunci[31m\n\n---\nkey: value\n- butir # bukan komentar\n"}}


def test_the_batu_sopang_draft_validates_once_staff_name_its_tujuan(batu_sopang, tmp_path):
    """The staff's part of a draft: the blanks marked ISI. Tabel 2.1 prints "B, 65, 65, 65, 70, 70, BB" for the
    SAKIP: a numeric indicator, the codes named in a note (never a rating scale the numbers fail)."""
    report = (REPORTS / "002_5be07e9b1610b382.txt").read_text(encoding="utf-8")
    assert "Nilai SAKIP dari Inspektorat, nilai, B, 65, 65, 65, 70, 70, BB." in report
    data = tmp_path / "data"
    shutil.copytree(batu_sopang.parent.parent.parent, data)
    renstra = data / "wilayah/paser/batu-sopang/renstra-2021-2026.yaml"
    text = renstra.read_text(encoding="utf-8")
    assert "nama:   # ISI: rumusan tujuan" in text
    renstra.write_text(text.replace("nama:   # ISI: rumusan tujuan", "nama: Tujuan yang ditulis staf"), encoding="utf-8")
    sakip = next(i for t in yaml.safe_load(renstra.read_text(encoding="utf-8"))["tujuan"] for s in t["sasaran"]
                 for i in s["indikator"] if i["nama"] == "Nilai SAKIP dari Inspektorat")
    assert sakip["target"][2022] == 65 and "jenis" not in sakip and "B" in sakip["catatan"]
    result = subprocess.run([sys.executable, "-m", "builder", "--data", str(data), "validate", "paser/batu-sopang"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    year = yaml.safe_load((data / "wilayah/paser/batu-sopang/2022.yaml").read_text(encoding="utf-8"))
    modal = next(b for b in year["anggaran"]["belanja"] if b["jenis"] == "Belanja Modal")
    assert [r["jenis"] for r in modal["rincian"]] == ["Belanja Modal Peralatan dan Mesin", "Belanja Gedung dan Bangunan"]


@pytest.mark.parametrize("report, title", [
    ("000_f5c815a18d890b49.txt", "LAPORAN AKUNTABILITAS KINERJA INSTANSI PEMERINTAH ( LAKIP ) KECAMATAN RUPAT UTARA "
                                 "TAHUN 2023"),
    ("002_5be07e9b1610b382.txt", "LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN 2022"),
    ("004_e634fa74d24abf76.txt", "LAPORAN KINERJA KECAMATAN LIMA PULUH PESISIR KABUPATEN BATU BARA TAHUN 2023"),
])
def test_the_title_is_the_covers_never_the_foreword(report, title):
    """The cover's capitalised lines from the one naming the report; the camat's name under it and the Kata
    Pengantar after it are not the title."""
    from builder.impor import cover_title
    from builder.impor.read import read_document

    assert cover_title(read_document(REPORTS / report)) == title


def test_the_iku_table_gives_each_indicator_its_definition_and_unit(batu_sopang):
    """Tabel 2.2 (Indikator Kinerja Utama: sasaran, indikator, penjelasan/formulasi, penanggung jawab) adds its
    texts to the Renstra's indicators as printed; it names no new indicator."""
    report = (REPORTS / "002_5be07e9b1610b382.txt").read_text(encoding="utf-8")
    row = report_line(report, "S3Meningkatnya Lingkungan Daerah yang Kondusif\t")
    renstra = yaml.safe_load((batu_sopang / "renstra-2021-2026.yaml").read_text(encoding="utf-8"))
    indicators = {i["nama"]: i for t in renstra["tujuan"] for s in t["sasaran"] for i in s["indikator"]}
    crime = indicators["Angka Kriminalitas"]
    assert crime["definisi"] == " ".join(row[2].split()) and crime["penanggung_jawab"] == row[3]


def test_next_years_agreement_annex_gives_next_years_programme_budget(batu_sopang):
    """"PROGRAM | ANGGARAN" right under the PK 2023 (its annex; not a continuation of the agreement table):
    2023's programmes with their pagu, its JUMLAH the report's own total."""
    report = (REPORTS / "002_5be07e9b1610b382.txt").read_text(encoding="utf-8")
    total = report_line(report, "JUMLAH\tRp 6.229.932.793,00")
    assert total == ["JUMLAH", "Rp 6.229.932.793,00"]
    year = yaml.safe_load((batu_sopang / "2023.yaml").read_text(encoding="utf-8"))
    programmes = year["anggaran"]["program"]
    assert [p["kode"] for p in programmes] == ["1", "2", "3", "4", "5", "6"]
    assert programmes[0] == {"kode": "1", "nama": "Penunjang urusan Pemerintahan Kabupaten/Kota", "pagu": 3986274043}
    assert year["anggaran"]["dinyatakan"][0]["pagu"] == 6229932793


def test_a_planned_spending_table_gives_spending_by_type_where_nothing_else_does(tmp_path):
    """Lima Puluh Pesisir prints spending by type only as "RENCANA ANGGARAN: BELANJA OPERASI, BELANJA MODAL,
    TOTAL"; its programme list's JUMLAH is a printed total too."""
    report = (REPORTS / "004_e634fa74d24abf76.txt").read_text(encoding="utf-8")
    assert report_line(report, "1.\tBELANJA OPERASI")[2] == "RP. 2.198.052.780,00"
    data = fresh_data(tmp_path)
    assert impor(data, REPORTS / "004_e634fa74d24abf76.txt", "batu-bara/lima-puluh-pesisir").returncode == 0
    year = yaml.safe_load((data / "wilayah/batu-bara/lima-puluh-pesisir/2023.yaml").read_text(encoding="utf-8"))
    assert [(b["jenis"], b["pagu"]) for b in year["anggaran"]["belanja"]] == [("Belanja Operasi", 2198052780),
                                                                               ("Belanja Modal", 18500000)]
    totals = [d for d in year["anggaran"]["dinyatakan"] if "PROGRAM" in d["sumber"]["tabel"]]
    assert totals and totals[0]["pagu"] == 2216552780


def test_the_agreements_at_the_back_are_drafted_with_who_signed_them(batu_sopang):
    """The PK 2023 pages print "Nama : … / Jabatan : …" for both parties, a date line and the signatures with
    rank and NIP: the camat's own agreement (perjanjian_kinerja) and each unit's after it (perjanjian_kinerja_unit,
    rows with their annex budget), every value as printed."""
    report = (REPORTS / "002_5be07e9b1610b382.txt").read_text(encoding="utf-8")
    assert "Jabatan : Sekretaris Camat Batu Sopang" in report and "NIP 196911021991021002" in report
    year = yaml.safe_load((batu_sopang / "2023.yaml").read_text(encoding="utf-8"))
    own = year["perjanjian_kinerja"]
    assert own["pihak_pertama"] == {"nama": "Misran, SE. MM", "nip": "19720210 199303 1 006", "pangkat": "Pembina TK.I",
                                    "jabatan": "Camat Batu Sopang"}
    assert own["pihak_kedua"]["jabatan"] == "Bupati Paser" and own["tanggal"] == "10 Januari 2023"
    units = year["perjanjian_kinerja_unit"]
    secretary = units[0]
    assert secretary["unit"] == "Sekretaris Camat Batu Sopang"
    assert secretary["pihak_pertama"]["nip"] == "196911021991021002"
    assert secretary["pihak_kedua"]["nama"] == "Misran, SE. MM"
    row = report_line(report, "\t\tIndeks Kepuasan Pelayanan Sekretariat\t77\t")
    printed = next(b for u in units for b in u["baris"] if b["indikator"] == "Indeks Kepuasan Pelayanan Sekretariat")
    assert printed["target"] == row[3] and printed["anggaran"] == int(row[-1].removeprefix("Rp ").replace(".", "")
                                                                     .removesuffix(",00"))
    temuan = [b for u in units for b in u["baris"] if b["indikator"].startswith("Jumlah Temuan")]
    assert temuan and temuan[0]["target"] == "0"  # an indicator named "Jumlah …" is not a JUMLAH row
