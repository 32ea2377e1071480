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


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("proyek")
    for name in PROJECT_FILES:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, work / name)
    (work / ".venv").symlink_to(ROOT / ".venv")
    git(work, "init", "-q", "-b", "main")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "Data awal")
    git(work, "checkout", "-q", "-b", "rupat-utara-2024")
    return work


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
    ".venv/bin/python -m builder new-year bengkalis/rupat-utara 2024": new_year,
    '.venv/bin/python -m builder new-kecamatan bengkalis/rupat-selatan --nama "Rupat Selatan" --renstra 2021-2026':
        new_kecamatan,
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
