"""Walk CONTRIBUTING.md as a staff member would, running every command it shows.

The commands run in a copy of the project (its own git repository, the project's
.venv linked in), in the order the guide gives them. The steps a person does by
hand (filling the blanks, committing) are done here between the commands.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from builder import FORMAT_VERSION

from .conftest import ROOT

GUIDE = ROOT / "CONTRIBUTING.md"
PROJECT_FILES = ["mkdocs.yml", "Makefile", "requirements.txt", "pyproject.toml", "content", "data", "schema",
                 "theme_overrides"]


def guide_commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", GUIDE.read_text(encoding="utf-8"), flags=re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_the_guide_shows_only_commands_this_test_runs():
    commands = guide_commands()
    assert commands, "CONTRIBUTING.md has no ```sh commands"
    for command in commands:
        assert command in RUNNERS or command == "make test", f"CONTRIBUTING.md shows a command no test runs: {command}"
    # `make test` is what CI runs (.ci/run) and is the README's test command.
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def fill_blanks(path: Path, values: dict[str, str], first_only: bool = False) -> None:
    """Fill `key:  # ISI ...` lines whose key has a value in `values` (what a person types in)."""
    lines, done = [], set()
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\s*(?:- )?)(\w+):\s+# ISI", line)
        if match and match.group(2) in values and not (first_only and match.group(2) in done):
            line = f"{match.group(1)}{match.group(2)}: {values[match.group(2)]}"
            done.add(match.group(2))
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def git(work: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(work), "-c", "user.name=Staf", "-c", "user.email=staf@example.org", *args],
                   check=True, capture_output=True)


def project_copy(work: Path, branch: str) -> Path:
    """The project as a staff member's checkout: its own git repository on a new branch, the .venv linked in."""
    for name in PROJECT_FILES:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, work / name)
    (work / ".venv").symlink_to(ROOT / ".venv")
    git(work, "init", "-q", "-b", "main")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "Data awal")
    git(work, "checkout", "-q", "-b", branch)
    return work


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    return project_copy(tmp_path_factory.mktemp("proyek"), "rupat-utara-2024")


def run(work: Path, command: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, shell=True, cwd=work, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})


def new_year(work: Path, command: str) -> None:
    result = run(work, command)
    assert result.returncode == 0, result.stderr
    year_file = work / "data/wilayah/bengkalis/rupat-utara/2024.yaml"
    assert "Dibuat: data/wilayah/bengkalis/rupat-utara/2024.yaml" in result.stdout
    # The staff member registers the report (the command printed the snippet) and fills the blanks.
    snippet = result.stdout.split("`laporan:`:\n", 1)[1].split("\n- ", 1)[0]
    profil = work / "data/wilayah/bengkalis/rupat-utara/profil.yaml"
    profil.write_text(profil.read_text(encoding="utf-8").replace("laporan:\n", "laporan:\n" + snippet + "\n", 1),
                      encoding="utf-8")
    fill_blanks(year_file, {"realisasi": "91.5", "sumber": '{tabel: "Tabel 3.1"}'}, first_only=True)  # IKM
    text = year_file.read_text(encoding="utf-8")
    year_file.write_text(re.sub(r"^laporan: lkjip-2024 .*$", "laporan: lkjip-2024", text, flags=re.M), encoding="utf-8")


def new_kecamatan(work: Path, command: str) -> None:
    result = run(work, command)
    assert result.returncode == 0, result.stderr
    folder = work / "data/wilayah/bengkalis/rupat-selatan"
    profil = (folder / "profil.yaml").read_text(encoding="utf-8")
    assert re.search(r"^\s*- id:  # ISI", profil, re.M)  # blank: nothing looks filled in that is not
    assert re.search(r"^  # rumus_capaian_turun:", profil, re.M)  # only for lower-is-better indicators: not ISI
    fill_blanks(folder / "profil.yaml", {"id": "lkjip-2025", "jenis": "LKjIP", "tahun": "2025",
                                         "judul": "LKjIP Kecamatan Rupat Selatan 2025",
                                         "skala_capaian": "permendagri-86-2017", "rumus_efisiensi": "capaian-per-penyerapan"})
    fill_blanks(folder / "renstra-2021-2026.yaml", {"id": "pelayanan", "nama": "Pelayanan publik yang baik",
                                                     "satuan": "nilai"})
    renstra = folder / "renstra-2021-2026.yaml"
    # Ids must differ per level; a person writes three different ones.
    text = renstra.read_text(encoding="utf-8")
    text = text.replace("      - id: pelayanan", "      - id: pelayanan-prima", 1).replace(
        "          - id: pelayanan", "          - id: ikm", 1)
    renstra.write_text(text, encoding="utf-8")


def impor(work: Path, command: str) -> None:
    """The guide's first step, in a copy of the project without that kecamatan: the report as the DOCX staff hold,
    drafted into files that validate as they are (this report's tables are all in the vocabulary)."""
    from .documents import make_docx

    (work.parent / "impor").mkdir()
    own = project_copy(work.parent / "impor", "impor-laporan")
    shutil.rmtree(own / "data/wilayah/bengkalis/rupat-utara")
    git(own, "commit", "-qam", "tanpa Rupat Utara")
    make_docx(ROOT / "tests/fixtures/laporan/000_f5c815a18d890b49.txt", own / "LAKIP-Rupat-Utara-2023.docx")
    result = run(own, command)
    assert result.returncode == 0, result.stderr
    assert "Dibuat: data/wilayah/bengkalis/rupat-utara/2023.yaml" in result.stdout
    assert "(0 galat," in result.stdout and "tidak dikenali: Tabel 2.2" in result.stdout
    year = (own / "data/wilayah/bengkalis/rupat-utara/2023.yaml").read_text(encoding="utf-8")
    assert 'realisasi: 89.81  # dicetak "89,81", Tabel 3.2' in year
    assert run(own, ".venv/bin/python -m builder validate").returncode == 0


def migrate_check(work: Path, command: str) -> None:
    """The 2024 file as a branch written before the format version would hold it: named, shown, not written."""
    year_file = work / "data/wilayah/bengkalis/rupat-utara/2024.yaml"
    year_file.write_text(year_file.read_text(encoding="utf-8").replace(f"versi_format: {FORMAT_VERSION}\n", ""),
                         encoding="utf-8")
    result = run(work, command)
    assert result.returncode == 1, result.stderr
    assert "rupat-utara/2024.yaml (versi 1 -> " in result.stdout and f"+versi_format: {FORMAT_VERSION}" in result.stdout
    assert "versi_format" not in year_file.read_text(encoding="utf-8")


def migrate(work: Path, command: str) -> None:
    result = run(work, command)
    assert result.returncode == 0, result.stderr
    assert "1 berkas diperbarui" in result.stdout
    assert f"versi_format: {FORMAT_VERSION}" in (work / "data/wilayah/bengkalis/rupat-utara/2024.yaml").read_text()


def validate(work: Path, command: str) -> None:
    result = run(work, command)
    assert result.returncode == 0, result.stderr
    assert "Data sah" in result.stdout
    git(work, "add", "-A")  # what "Commit changes" does in the web editor
    git(work, "commit", "-q", "-m", "Rupat Utara 2024 dan Rupat Selatan")


def diff(work: Path, command: str) -> None:
    result = run(work, command)
    assert result.returncode == 0, result.stderr
    assert "Rupat Utara 2024 · Indeks Kepuasan Masyarakat · realisasi: – → 91,5" in result.stdout
    assert "Kecamatan baru: Rupat Selatan." in result.stdout


def serve(work: Path, command: str) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(command, shell=True, cwd=work, start_new_session=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env={**os.environ, "SERVE_ADDR": f"127.0.0.1:{port}"})
    url = f"http://127.0.0.1:{port}/wilayah/bengkalis/rupat-utara/2024.html"  # site_url is empty unless SITE_URL is set
    try:
        deadline, page = time.monotonic() + 90, ""
        while time.monotonic() < deadline and not page:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    page = response.read().decode("utf-8")
            except OSError:
                assert process.poll() is None, process.stderr.read().decode()[-2000:]
                time.sleep(0.5)
        assert "91,5" in page and "Kecamatan Rupat Utara — kinerja 2024" in page
        with urllib.request.urlopen(url.replace("rupat-utara/2024.html", "rupat-selatan/index.html")) as response:
            assert "Rupat Selatan" in response.read().decode("utf-8")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(20)


RUNNERS = {
    ".venv/bin/python -m builder impor LAKIP-Rupat-Utara-2023.docx --kecamatan bengkalis/rupat-utara": impor,
    ".venv/bin/python -m builder new-year bengkalis/rupat-utara 2024": new_year,
    '.venv/bin/python -m builder new-kecamatan bengkalis/rupat-selatan --nama "Rupat Selatan" --renstra 2021-2026':
        new_kecamatan,
    ".venv/bin/python -m builder migrate --periksa": migrate_check,
    ".venv/bin/python -m builder migrate": migrate,
    ".venv/bin/python -m builder validate": validate,
    ".venv/bin/python -m builder diff main HEAD": diff,
    "make serve": serve,
}
ORDER = list(RUNNERS)  # the order a person must follow, whatever order the guide shows them in


def test_walk_through_the_guide(work: Path):
    shown = [c for c in guide_commands() if c in RUNNERS]
    assert set(shown) == set(RUNNERS), f"the guide no longer shows: {set(RUNNERS) - set(shown)}"
    for command in ORDER:
        RUNNERS[command](work, command)


# --------------------------------------------------------------------------
# A kota's kecamatan with two years from one report, and the mistakes staff make
# --------------------------------------------------------------------------

KOTA = "kota-dumai/dumai-barat"
PYTHON = ".venv/bin/python -m builder"
ENGLISH = re.compile(r"\b(the|should|must|input|valid|required|expected|error|field|type)\b", re.I)

# (file, text as filled in, the mistake, the line the message must name, its field, what it must say to write);
# "file>other" when the message belongs to another file (a missing method is the profile's, not the Renstra's)
MISTAKES = [
    ("2023.yaml", "realisasi: 85.5", "realisasi: 85,5", "realisasi: 85,5", "kinerja[0].realisasi", ["tulis 85.5"]),
    ("2023.yaml", "tahun: 2023\n", "tahun: 2023\npenghargaan:\n  - nama: Kecamatan Terbaik\n"
     "    tanggal: 17-08-2023\n", "tanggal: 17-08-2023", "penghargaan[0].tanggal", ["2023-08-17", "tahunnya saja"]),
    ("2023.yaml", "indikator: ikm", "indikator: ikm-2023", "indikator: ikm-2023", "kinerja[0].indikator",
     ["Indikator yang ada: ikm"]),
    ("2023.yaml", 'sumber: {tabel: "Tabel 3.1"}', "sumber: Tabel 3.1", "sumber: Tabel 3.1", "kinerja[0].sumber",
     ['tulis mis. {tabel: "Tabel 3.1"}']),
    ("2023.yaml", "tahun: 2023\n", "tahun: 2023\nanggaran:\n  program:\n    - nama: Program Penunjang\n"
     "      pagu: Rp 1.250.000,50\n", "pagu: Rp", "anggaran.program[0].pagu", ["tulis 1250000.50"]),
    ("2022.yaml", "tahun: 2022", "tahun: 2023", "tahun: 2023", "tahun", ["ubah tahun menjadi 2022"]),
    ("2023.yaml", "laporan: lkjip-2023", "laporan: lkjip-2022", "laporan: lkjip-2022", "laporan", ["lkjip-2023"]),
    ("renstra-2021-2026.yaml>profil.yaml", "polaritas: naik", "polaritas: turun", "skala_capaian: permendagri", "metode",
     ["rumus_capaian_turun: target-per-realisasi"]),
    ("../kabupaten.yaml", "jenis: kota", "jenis: kabupaten", "jenis: kabupaten", "jenis", ["tulis jenis: kota"]),
]


def test_a_kota_kecamatan_with_two_years_from_one_report(tmp_path):
    """A kota's kecamatan whose one report (LKjIP 2023) prints 2023 and the 2022 figures, added with the guide's
    commands; then each mistake a newcomer made, answered in Bahasa Indonesia with file, line, field and the fix."""
    work = project_copy(tmp_path, "dumai-barat")
    folder = work / "data/wilayah" / KOTA
    result = run(work, f'{PYTHON} new-kecamatan {KOTA} --nama "Dumai Barat" --renstra 2021-2026')
    assert result.returncode == 0, result.stderr
    kabupaten = (folder.parent / "kabupaten.yaml").read_text(encoding="utf-8")
    # From the Kemendagri list (regencies.csv 14.72 Kota Dumai, districts.csv 14.72.01 Dumai Barat): nothing to guess.
    assert "nama: Dumai  #" in kabupaten and "jenis: kota" in kabupaten and 'kode: "14.72"' in kabupaten
    assert "nama: Riau" in kabupaten and 'kode: "14"' in kabupaten
    assert 'kode: "14.72.01"' in (folder / "profil.yaml").read_text(encoding="utf-8")
    fill_blanks(folder / "profil.yaml", {"id": "lkjip-2023", "jenis": "LKjIP", "tahun": "2023",
                                         "judul": "LKjIP Kecamatan Dumai Barat 2023",
                                         "skala_capaian": "permendagri-86-2017", "rumus_efisiensi": "capaian-per-penyerapan"})
    renstra = folder / "renstra-2021-2026.yaml"
    fill_blanks(renstra, {"id": "pelayanan", "nama": "Pelayanan publik yang baik", "satuan": "nilai"})
    text = renstra.read_text(encoding="utf-8").replace("      - id: pelayanan", "      - id: pelayanan-prima", 1)
    text = text.replace("          - id: pelayanan", "          - id: ikm", 1).replace("target:  # ISI: target tiap tahun",
                                                                                      "target:")
    for year, target in zip(range(2021, 2027), (80, 82, 84, 86, 88, 90)):
        text = text.replace(f"              {year}:\n", f"              {year}: {target}\n")
    renstra.write_text(text, encoding="utf-8")
    for year in (2023, 2022):  # the report's own year, then last year's figures printed in it
        result = run(work, f"{PYTHON} new-year {KOTA} {year}")
        assert result.returncode == 0, result.stderr
        fill_blanks(folder / f"{year}.yaml", {"realisasi": "85.5", "sumber": '{tabel: "Tabel 3.1"}'})
    assert re.search(r"^laporan: lkjip-2023 ", (folder / "2022.yaml").read_text(encoding="utf-8"), re.M)
    result = run(work, f"{PYTHON} validate {KOTA.split('/')[0]}")
    assert result.returncode == 0 and "Data sah" in result.stdout, result.stdout + result.stderr

    good = {path: path.read_text(encoding="utf-8") for path in folder.parent.rglob("*.yaml")}
    for name, filled, mistake, marker, field, fixes in MISTAKES:
        edited, _, named = name.partition(">")
        path = (folder / edited).resolve()
        assert filled in good[path], (name, filled)
        path.write_text(good[path].replace(filled, mistake, 1), encoding="utf-8")
        path = (folder / (named or edited)).resolve()
        wrong = path.read_text(encoding="utf-8")
        result = run(work, f"{PYTHON} validate {KOTA.split('/')[0]}")
        for original, content in good.items():
            original.write_text(content, encoding="utf-8")
        assert result.returncode == 1, (mistake, result.stdout)
        line = next(i for i, text in enumerate(wrong.splitlines(), 1) if marker in text)
        shown = str(path.relative_to(work))
        messages = [m for m in (result.stdout + result.stderr).splitlines() if m.startswith(f"{shown}:{line}:") and f"galat: {field}:" in m]
        assert messages, (mistake, f"{shown}:{line}: {field}", result.stdout + result.stderr)
        assert all(fix in messages[0] for fix in fixes), (mistake, messages[0])
        assert not ENGLISH.search(messages[0].split(f"{field}:", 1)[1]), messages[0]
