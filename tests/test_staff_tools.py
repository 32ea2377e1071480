"""The staff workflow's tools: diff, the scaffolds, the history page."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builder.diff import diff_sources
from builder.history import data_history

from .conftest import DATA, ROOT

YEAR = "wilayah/contoh/kec-contoh/2023.yaml"
RENSTRA = "wilayah/contoh/kec-contoh/renstra-2021-2026.yaml"


def run_builder(*args: str, data: Path | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    prefix = ["--data", str(data)] if data else []
    return subprocess.run([sys.executable, "-m", "builder", *prefix, *args], cwd=cwd, capture_output=True, text=True)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def base_and_head(minimal_data: Path, tmp_path: Path) -> tuple[Path, Path]:
    head = tmp_path / "head"
    shutil.copytree(minimal_data, head)
    # Changed realisasi; an added indicator (Renstra + year); a removed budget line.
    edit(head / YEAR, "    realisasi: 89.81", "    realisasi: 91.2")
    edit(head / RENSTRA, "            target: {2022: 20, 2023: 15}",
         "            target: {2022: 20, 2023: 15}\n"
         "          - id: posyandu-aktif\n            nama: Persentase posyandu aktif\n"
         "            satuan: \"%\"\n            polaritas: naik\n            target: {2023: 80}")
    edit(head / YEAR, "anggaran:", "  - indikator: posyandu-aktif\n    target: 80\n    realisasi: 84\nanggaran:")
    edit(head / YEAR, "      kegiatan:\n        - kode: \"7.01.01.2.01\"\n          nama: Kegiatan Perencanaan\n"
                      "          pagu: 1000000\n          realisasi: 900000\n", "")
    return minimal_data, head


def test_diff_lists_changed_added_and_removed_figures(base_and_head):
    base, head = base_and_head
    result = diff_sources(str(base), str(head), head, ROOT)
    rows = {(c.what, c.field): (c.old, c.new) for c in result.changes}
    assert rows[("Indeks Kepuasan Masyarakat", "realisasi")] == ("89,81", "91,2")
    assert rows[("Indeks Kepuasan Masyarakat", "capaian")] == ("103,23\u202f%", "104,83\u202f%")
    assert rows[("Persentase posyandu aktif", "realisasi")] == ("", "84")
    assert rows[("Persentase posyandu aktif", "capaian")] == ("", "105,00\u202f%")
    removed = rows[("Anggaran: 7.01.01 Program Penunjang › 7.01.01.2.01 Kegiatan Perencanaan", "pagu")]
    assert removed == ("Rp1.000.000", "")
    assert {c.kind for c in result.changes} == {"berubah", "baru", "dihapus"}
    markdown = result.markdown()
    assert "| Kecamatan Contoh | 2023 | Indeks Kepuasan Masyarakat | realisasi | 89,81 | 91,2 |" in markdown
    assert "Kegiatan Perencanaan | pagu | Rp1.000.000 | – |" in markdown


def test_diff_command_prints_text_and_markdown(base_and_head):
    base, head = base_and_head
    text = run_builder("diff", str(base), str(head))
    assert text.returncode == 0, text.stderr
    assert "Indeks Kepuasan Masyarakat · realisasi: 89,81 → 91,2" in text.stdout
    markdown = run_builder("diff", str(base), str(head), "--format", "markdown")
    assert "| Kecamatan | Tahun |" in markdown.stdout
    same = run_builder("diff", str(base), str(base))
    assert "Tidak ada angka yang berubah." in same.stdout


def test_diff_between_git_revisions_and_bad_revision():
    same = run_builder("diff", "HEAD", "HEAD")
    assert same.returncode == 0, same.stderr
    assert "Tidak ada angka yang berubah." in same.stdout
    bad = run_builder("diff", "tidak-ada-revisi", "HEAD")
    assert bad.returncode == 1 and "bukan folder data dan bukan revisi git" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_diff_refuses_invalid_data(base_and_head):
    base, head = base_and_head
    edit(head / YEAR, "    realisasi: 91.2", "    realisasi: 91,2")
    result = run_builder("diff", str(base), str(head))
    assert result.returncode == 1
    assert "tidak sah" in result.stderr and "2023.yaml:7" in result.stderr


def test_new_year_scaffold_validates_after_filling_and_never_overwrites(minimal_data: Path):
    created = run_builder("new-year", "contoh/kec-contoh", "2024", data=minimal_data)
    assert created.returncode == 0, created.stderr
    path = minimal_data / "wilayah/contoh/kec-contoh/2024.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    for field in ("target_perubahan:", "realisasi:", "tidak_diukur:", "sumber:", "# narasi:", "# dinyatakan:",
                  "# anggaran:", "# ikm:", "# idm:", "# akip:", "# pegawai:", "# penghargaan:"):
        assert field in text, field
    assert "ISI" in text
    # The report for 2024 is not registered yet: the validator says where to add it.
    unfilled = run_builder("validate", data=minimal_data)
    assert unfilled.returncode == 1 and "2024.yaml" in unfilled.stderr and "profil.yaml" in unfilled.stderr
    # Fill the blanks as a staff member would.
    edit(minimal_data / "wilayah/contoh/kec-contoh/profil.yaml", "laporan:",
         "laporan:\n  - id: lkjip-2024\n    jenis: LKjIP\n    tahun: 2024\n    judul: LKjIP 2024")
    lines = text.splitlines()
    filled = []
    for line in lines:
        if line.startswith("    realisasi:"):
            line = "    realisasi: 88"
        if line.startswith("    target:  # ISI"):  # the Renstra has no 2024 target: the PK's goes here
            line = "    target: 90"
        if line.startswith("    sumber:"):
            line = '    sumber: {tabel: "Tabel 3.1"}'
        filled.append(line)
    path.write_text("\n".join(filled) + "\n", encoding="utf-8")
    valid = run_builder("validate", data=minimal_data)
    assert valid.returncode == 0, valid.stderr
    # Never overwrites: the filled file stays as it is.
    again = run_builder("new-year", "contoh/kec-contoh", "2024", data=minimal_data)
    assert again.returncode == 1 and "tidak ditimpa" in again.stderr
    assert "realisasi: 88" in path.read_text(encoding="utf-8")


def test_new_year_outside_the_renstra_is_refused(minimal_data: Path):
    result = run_builder("new-year", "kec-contoh", "2030", data=minimal_data)
    assert result.returncode == 1 and "Renstra" in result.stderr and "2021–2026" in result.stderr
    assert not (minimal_data / "wilayah/contoh/kec-contoh/2030.yaml").exists()


def test_new_kecamatan_scaffold(minimal_data: Path):
    result = run_builder("new-kecamatan", "baru/kec-baru", "--nama", "Kec Baru", "--renstra", "2022-2026",
                         data=minimal_data)
    assert result.returncode == 0, result.stderr
    folder = minimal_data / "wilayah/baru"
    assert {p.name for p in folder.rglob("*.yaml")} == {"kabupaten.yaml", "profil.yaml", "renstra-2022-2026.yaml"}
    blank = run_builder("validate", data=minimal_data)
    assert blank.returncode == 1 and "wajib diisi, tetapi masih kosong" in blank.stderr
    again = run_builder("new-kecamatan", "baru/kec-baru", "--nama", "Kec Baru", "--renstra", "2022-2026",
                        data=minimal_data)
    assert again.returncode == 1 and "tidak ditimpa" in again.stderr


def test_history_of_the_repository_and_of_a_shallow_clone(tmp_path: Path):
    history = data_history(DATA, limit=3)
    if (ROOT / ".git").exists() and history.available:
        assert history.entries and all(e.result is not None or e.problem for e in history.entries)
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{ROOT}", str(shallow)], check=True)
    result = data_history(shallow / "data")
    assert not result.available and "klon dangkal" in result.reason
    outside = tmp_path / "bukan-git" / "data"
    shutil.copytree(DATA / "referensi", outside / "referensi")
    assert not data_history(outside).available


def test_every_data_file_names_its_json_schema_for_the_editor():
    import json
    import re

    from builder.load import file_kind

    for path in sorted(DATA.rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path}: first line must be the yaml-language-server modeline"
        schema = (path.parent / match.group(1)).resolve()
        assert schema.name == f"{file_kind(path.relative_to(DATA).as_posix())}.schema.json", path
        assert json.loads(schema.read_text(encoding="utf-8"))["title"]
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.validate"] is True
    assert "redhat.vscode-yaml" in json.loads((ROOT / ".vscode/extensions.json").read_text())["recommendations"]


def test_pre_commit_runs_the_validator():
    import yaml

    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert hooks["validasi-data"]["entry"] == ".venv/bin/python -m builder validate"
    result = subprocess.run(hooks["validasi-data"]["entry"].split(), cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and "Data sah" in result.stdout


def test_a_year_file_whose_tahun_differs_from_its_name_gets_a_message(minimal_data: Path):
    edit(minimal_data / YEAR, "tahun: 2023", "tahun: 2024")
    result = run_builder("validate", data=minimal_data)
    assert result.returncode == 1 and "berbeda dari nama berkas (2023.yaml)" in result.stderr
    assert "internal" not in result.stderr


def test_diff_keys_indicators_by_id_not_by_name(minimal_data: Path, tmp_path: Path):
    """Two indicators with one name (reports do reuse names) are two rows of the diff, never one."""
    edit(minimal_data / RENSTRA, "            nama: Angka kriminalitas", "            nama: Indeks Kepuasan Masyarakat")
    head = tmp_path / "head"
    shutil.copytree(minimal_data, head)
    edit(head / YEAR, "    realisasi: 89.81\n", "    realisasi: 91.2\n")  # the first of the two
    result = diff_sources(str(minimal_data), str(head), head, ROOT)
    rows = [(c.what, c.field, c.old, c.new) for c in result.changes]
    assert ("Indeks Kepuasan Masyarakat", "realisasi", "89,81", "91,2") in rows
    assert not any("12" in (old, new) for _, _, old, new in rows), rows  # the other one did not change


def test_history_is_computed_once_per_commit(monkeypatch):
    """A second history of the same commits (a `mkdocs serve` rebuild) reuses every figure and diff."""
    import builder.history as history

    calls = []
    real = history.read_revision
    monkeypatch.setattr(history, "read_revision", lambda *args: calls.append(args) or real(*args))
    cache = history.HistoryCache()
    first = data_history(DATA, limit=2, cache=cache)
    if not first.available:
        pytest.skip(first.reason)
    computed = len(calls)
    second = data_history(DATA, limit=2, cache=cache)
    assert len(calls) == computed and [e.commit for e in second.entries] == [e.commit for e in first.entries]


def test_an_earlier_year_points_at_the_later_report_that_prints_it(minimal_data: Path):
    """Last year's figures printed in this year's report (its "tahun lalu" columns): new-year 2022 beside an
    LKjIP 2023 takes that report as its source, not an LKjIP 2022 that does not exist."""
    created = run_builder("new-year", "contoh/kec-contoh", "2022", data=minimal_data)
    assert created.returncode == 0, created.stderr
    text = (minimal_data / "wilayah/contoh/kec-contoh/2022.yaml").read_text(encoding="utf-8")
    assert re.search(r"^laporan: lkjip-2023  # angka 2022 yang dicetak laporan 2023", text, re.M), text[:2000]
    assert not re.search(r"^[^#]*lkjip-2022", text, re.M) and "Daftarkan laporannya" not in created.stdout


def test_a_kota_gets_its_kind_from_its_folder_name(minimal_data: Path):
    created = run_builder("new-kecamatan", "kota-contoh/kec-kota", "--nama", "Kec Kota", "--renstra", "2021-2026",
                          data=minimal_data)
    assert created.returncode == 0, created.stderr
    kota = (minimal_data / "wilayah/kota-contoh/kabupaten.yaml").read_text(encoding="utf-8")
    assert re.search(r"^jenis: kota\b", kota, re.M)
    created = run_builder("new-kecamatan", "lain/kec-lain", "--nama", "Kec Lain", "--renstra", "2021-2026",
                          data=minimal_data)
    kabupaten = (minimal_data / "wilayah/lain/kabupaten.yaml").read_text(encoding="utf-8")
    assert re.search(r"^jenis: kabupaten  # .*kota-dumai", kabupaten, re.M)


def test_the_year_scaffold_is_short_and_points_at_filled_examples(tmp_path: Path):
    """Friction 5: what the report needs, un-commented; every other section one line, with a real example."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    created = run_builder("new-year", "bengkalis/rupat-utara", "2024", data=data)
    assert created.returncode == 0, created.stderr
    text = (data / "wilayah/bengkalis/rupat-utara/2024.yaml").read_text(encoding="utf-8")
    indicators = text.count("\n  - indikator: ")
    assert indicators >= 3 and len(text.splitlines()) <= 50 + 12 * indicators, len(text.splitlines())  # (was 528)
    assert not re.search(r"^\s+#\s+- ", text, re.M)  # no commented-out list items to un-comment
    examples = re.findall(r"^# (\w+):.*; contoh: (\S+) baris (\d+)$", text, re.M)
    assert {"anggaran", "ikm", "idm"} <= {key for key, _, _ in examples}
    for key, path, line in examples:
        assert (tmp_path / path).read_text(encoding="utf-8").splitlines()[int(line) - 1].startswith(key + ":")


def test_new_year_copies_the_camat_only_from_an_earlier_year_and_quotes_the_nip(tmp_path: Path):
    """#26: `new-year` for a year before every file copied the later year's camat (who may not have served yet);
    the NIP was written unquoted. Batu Sopang: 2021, 2022 and 2023 files; Misran's NIP "19720210 199303 1 006"."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    folder = data / "wilayah/paser/batu-sopang"
    (folder / "2021.yaml").unlink()
    created = run_builder("new-year", "paser/batu-sopang", "2021", data=data)
    assert created.returncode == 0, created.stderr
    text = (folder / "2021.yaml").read_text(encoding="utf-8")
    assert not re.search(r"^camat:", text, re.M) and re.search(r"^# camat:", text, re.M)
    created = run_builder("new-year", "paser/batu-sopang", "2024", data=data)
    assert created.returncode == 0, created.stderr
    text = (folder / "2024.yaml").read_text(encoding="utf-8")
    assert re.search(r"^camat:  # disalin dari 2023", text, re.M)
    assert re.search(r'^  nip: "19720210 199303 1 006"$', text, re.M), text[:1500]
