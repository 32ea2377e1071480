"""Hostile input and quality gates: nothing injected, nothing lost, nothing leaked, never a traceback.

The corpus is data (tests/hostile/corpus.yaml): every case names the file it writes and the outcome it must have.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.validate import load_and_validate

from .conftest import MINIMAL, ROOT

CORPUS = yaml.safe_load((Path(__file__).parent / "hostile" / "corpus.yaml").read_text(encoding="utf-8"))
YEAR = "wilayah/contoh/kec-contoh/2023.yaml"
SECRET = "TOKEN-RAHASIA-12345"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and not p.is_symlink()}


def prepare(case: dict, data: Path, outside: Path) -> None:
    target = data / case["berkas"]
    target.parent.mkdir(parents=True, exist_ok=True)
    if "tautan" in case:
        (outside / "rahasia.yaml").write_text(f"token: {SECRET}\n", encoding="utf-8")
        (outside / "folder" / "kec").mkdir(parents=True, exist_ok=True)
        (outside / "folder" / "kec" / "profil.yaml").write_text(f"nama: {SECRET}\n", encoding="utf-8")
        link = case["tautan"].format(rahasia=outside / "rahasia.yaml", folder_luar=outside / "folder")
        target.symlink_to(link)
    elif "isi" in case:
        target.write_text(case["isi"], encoding="utf-8")
    elif "dibuat" in case:
        made = case["dibuat"]
        target.write_text(made["awal"] + made["ulang"] * made["kali"] + made["akhir"], encoding="utf-8")
    elif "bytes" in case:
        target.write_bytes(bytes.fromhex(case["bytes"]))
    elif "sunting" in case:
        text = target.read_text(encoding="utf-8")
        assert case["sunting"]["lama"] in text, case["nama"]
        target.write_text(text.replace(case["sunting"]["lama"], case["sunting"]["baru"], 1), encoding="utf-8")
    elif "salin" in case:
        shutil.copy(data / case["salin"], target)
    elif "dari_fixture" in case:
        text = (MINIMAL / YEAR).read_text(encoding="utf-8")
        if case["dari_fixture"].get("crlf"):
            text = text.replace("\n", "\r\n")
        target.write_bytes(("\ufeff" if case["dari_fixture"].get("bom") else "").encode() + text.encode("utf-8"))


@pytest.mark.parametrize("case", CORPUS, ids=[c["nama"] for c in CORPUS])
def test_hostile_corpus(case, minimal_data: Path, tmp_path: Path):
    outside = tmp_path / "luar"
    outside.mkdir()
    prepare(case, minimal_data, outside)
    before = tree(minimal_data)
    result = subprocess.run([sys.executable, "-m", "builder", "--data", str(minimal_data), "validate"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    output = result.stdout + result.stderr
    expected = case["harap"]
    assert result.returncode == expected["keluar"], (case["nama"], result.returncode, output[-2000:])
    assert "Traceback" not in output and "Kesalahan internal" not in output, output[-2000:]
    for needle in expected.get("pesan", []):
        assert needle in output, (case["nama"], needle, output[-2000:])
    for needle in expected.get("tanpa", []):
        assert needle not in output, (case["nama"], needle)
    assert len(output) < 20_000, (case["nama"], len(output))  # nothing echoed whole
    assert tree(minimal_data) == before  # validate writes nothing
    assert not Path("/tmp/kc-dipanggil").exists()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.recursive(
    st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.floats(allow_nan=True) | st.text(max_size=30)
    | st.sampled_from(["ikm", "lkjip-2023", "BB", "2023", "89,81", "12 %", "-", ""]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["tahun", "laporan", "kinerja", "indikator", "target", "realisasi", "anggaran", "program",
                         "pagu", "nama", "sumber", "tabel", "dinyatakan", "capaian", "ikm", "unsur", "nrr", "idm",
                         "desa", "akip", "komponen", "x"]) | st.text(max_size=8), children, max_size=5),
    max_leaves=25))
def test_random_structures_give_problems_never_exceptions(minimal_data: Path, document):
    """Whatever a year file holds, the validator accepts it or returns problems; it never raises."""
    (minimal_data / YEAR).write_text(yaml.safe_dump({"tahun": 2023, "laporan": "lkjip-2023", "data": document}
                                                    if not isinstance(document, dict) else document,
                                                    allow_unicode=True), encoding="utf-8")
    dataset, problems = load_and_validate(minimal_data)
    assert all(str(p) for p in problems)


def test_pages_refuses_to_replace_what_it_did_not_make(tmp_path: Path):
    """`pages --out .` once deleted the whole checkout, `--out data` all of data/."""
    victim = tmp_path / "punya-orang"
    victim.mkdir()
    (victim / "penting.txt").write_text("jangan dihapus", encoding="utf-8")
    for out in (".", "data", str(ROOT.parent), str(victim)):
        result = subprocess.run([sys.executable, "-m", "builder", "pages", "--out", out], cwd=ROOT,
                                capture_output=True, text=True)
        assert result.returncode == 1 and "galat:" in result.stderr and "Traceback" not in result.stderr, out
    assert (victim / "penting.txt").exists() and (ROOT / "data" / "referensi" / "skala.yaml").exists()
    ours = tmp_path / "halaman"
    for _ in range(2):  # a previous output of ours is replaced
        result = subprocess.run([sys.executable, "-m", "builder", "pages", "--out", str(ours)], cwd=ROOT,
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    assert (ours / "index.md").exists() and (ours / ".halaman-kinerja-kecamatan").exists()


def test_csv_cells_cannot_run_as_formulas(minimal_data: Path):
    from builder import run

    profil = minimal_data / "wilayah/contoh/kec-contoh/profil.yaml"
    profil.write_text(profil.read_text(encoding="utf-8").replace("nama: Kecamatan Contoh", "nama: '=HYPERLINK(\"x\")'"),
                      encoding="utf-8")
    year_file = minimal_data / YEAR
    year_file.write_text(year_file.read_text(encoding="utf-8").replace("nama: Kegiatan Perencanaan",
                                                                        "nama: '@SUM(A1:A9)'"), encoding="utf-8")
    pages = run(minimal_data)
    import csv
    import io

    from openpyxl import load_workbook

    downloads = [name for name in pages if name.endswith(".csv")]
    assert "unduh/kinerja.csv" in downloads and "unduh/wilayah/contoh/kec-contoh/2023/anggaran.csv" in downloads
    for name in downloads:  # every table's CSV, page by page, and the whole-data files
        text = pages[name].decode("utf-8")
        for row in list(csv.reader(io.StringIO(text)))[1:]:
            for cell in row:
                assert not cell.startswith(("=", "@", "+")) and not (cell.startswith("-") and not cell[1:2].isdigit()), (name, cell)
    assert "'@SUM(A1:A9)" in pages["unduh/anggaran.csv"].decode("utf-8")
    assert "'=HYPERLINK" in pages["unduh/kinerja.csv"].decode("utf-8")  # the kecamatan's name, in every row
    book = load_workbook(io.BytesIO(pages["unduh/wilayah/contoh/kec-contoh/2023.xlsx"]))
    names = [c.value for row in book["anggaran"].iter_rows() for c in row if isinstance(c.value, str) and "SUM" in c.value]
    assert names == ["@SUM(A1:A9)"] and all(c.data_type == "s" for row in book["anggaran"].iter_rows() for c in row
                                                if c.value == "@SUM(A1:A9)")  # a string cell, not a formula


def test_a_report_link_must_be_http(minimal_data: Path):
    from builder import DataError, run

    profil = minimal_data / "wilayah/contoh/kec-contoh/profil.yaml"
    profil.write_text(profil.read_text(encoding="utf-8").replace("    tanggal: 2024-01-31\n",
                                                                 "    tanggal: 2024-01-31\n    url: javascript:alert(1)\n", 1),
                      encoding="utf-8")
    with pytest.raises(DataError) as error:
        run(minimal_data)
    message = "\n".join(str(p) for p in error.value.problems if p.is_error)
    assert "laporan[0].url" in message and "profil.yaml:10" in message


def test_data_markdown_cannot_carry_links_to_scripts_or_remote_images(minimal_data: Path):
    from builder import run

    payload = ("[a](javascript:alert(document.domain)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,<b>x</b>) "
               "![i](https://contoh.invalid/x.png) <script>alert(1)</script> [ok](https://contoh.go.id)")
    year_file = minimal_data / YEAR
    year_file.write_text(year_file.read_text(encoding="utf-8") + "narasi:\n  ringkasan: " +
                         yaml.safe_dump(payload, allow_unicode=True, width=10_000).strip().removesuffix("...").strip()
                         + "\ncatatan: " + yaml.safe_dump(payload, width=10_000).strip().removesuffix("...").strip()
                         + "\n", encoding="utf-8")
    page = run(minimal_data)["wilayah/contoh/kec-contoh/2023.md"]
    lowered = page.lower()
    # (shown as text: "[a](javascript:...)" with its brackets as references, so no later Markdown pass links it)
    assert "](javascript:" not in lowered and 'href="javascript' not in lowered and 'href="data:' not in lowered
    assert "<img" not in lowered and "<script>alert" not in lowered
    assert 'href="https://contoh.go.id"' in page


def test_serve_keeps_the_last_good_site_and_shows_the_error(tmp_path: Path):
    """`mkdocs serve` with broken data once hung every request; it keeps serving and says what is wrong."""
    import socket
    import time
    import urllib.request

    work = tmp_path / "proyek"
    work.mkdir()
    for name in ("mkdocs.yml", "content", "theme_overrides", "data"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, work / name)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, start_new_session=True)
    url = f"http://127.0.0.1:{port}/wilayah/bengkalis/rupat-utara/2023.html"

    def fetch(timeout: float = 120) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    return response.read().decode("utf-8")
            except OSError:
                assert process.poll() is None, process.stderr.read().decode()[-2000:]
                time.sleep(0.5)
        raise AssertionError("no answer")

    try:
        assert "89,81" in fetch()
        year_file = work / "data/wilayah/bengkalis/rupat-utara/2023.yaml"
        year_file.write_text(year_file.read_text(encoding="utf-8").replace("tahun: 2023", "tahun: [2023", 1),
                             encoding="utf-8")
        deadline = time.monotonic() + 120
        page = ""
        while time.monotonic() < deadline and "Data tidak sah" not in page:
            time.sleep(1)
            page = fetch(30)
        assert "Data tidak sah" in page and "2023.yaml" in page and "89,81" in page
    finally:
        os.killpg(process.pid, 15)
        process.wait(20)
