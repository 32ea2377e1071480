"""builder.synth (`python -m builder synth`): real regions, valid data, the same bytes every time, a site."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builder import run
from builder.load import load_regions
from builder.synth import SynthError, generate
from builder.validate import load_and_validate

from .conftest import DATA, ROOT

PROVINSI = ["14", "64"]  # Riau, Kalimantan Timur


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    return generate(tmp_path_factory.mktemp("synth") / "out", kecamatan=12, years=2, seed=3, provinsi=PROVINSI)


@pytest.fixture(scope="module")
def small_dataset(small):
    return load_and_validate(small)


def test_validates_without_errors_or_warnings(small, small_dataset):
    dataset, problems = small_dataset
    assert [str(p) for p in problems if p.is_error] == []
    assert [str(p) for p in problems] == []  # budget lines add up, names and codes are Kemendagri's
    assert len(dataset.kecamatan) == 12
    assert {len(kec.tahun) for kec in dataset.kecamatan.values()} == {2}
    assert small == small.parent / "data" and (small / "referensi" / "skala.yaml").is_file()


def test_only_official_codes_and_names(small_dataset):
    dataset, _ = small_dataset
    regions = load_regions(DATA)
    for kab in dataset.kabupaten.values():
        model = kab.kabupaten
        assert model.provinsi.kode in PROVINSI
        assert regions["provinsi"][model.provinsi.kode] == model.provinsi.nama
        assert regions["kabupaten"][model.kode] == f"{model.jenis.capitalize()} {model.nama}"
    desa_names = regions.get("desa") or {}
    checked = 0
    for kec in dataset.kecamatan.values():
        assert regions["kecamatan"][kec.profil.kode] == kec.profil.nama
        assert kec.profil.kode.startswith(dataset.kabupaten[kec.kabupaten_slug].kabupaten.kode + ".")
        for desa in (d for t in kec.tahun.values() if t.idm for d in t.idm.desa):
            checked += 1
            if desa_names:  # the official desa of the kecamatan (villages.csv)
                assert desa.kode.startswith(kec.profil.kode + ".") and desa_names[desa.kode] == desa.nama
            else:  # the template's names, without the template kecamatan's codes
                assert desa.kode is None
    assert checked


def test_varies_templates_methods_and_figures(small, small_dataset):
    dataset, _ = small_dataset
    sources = {p.read_text(encoding="utf-8").split("dari data kecamatan ")[1].split(";")[0]
               for p in small.glob("wilayah/*/*/SUMBER.md")}
    assert len(sources) >= 2
    assert len({kec.metode.rumus_efisiensi for kec in dataset.kecamatan.values()}) >= 2
    ikm = {k.realisasi for kec in dataset.kecamatan.values() for t in kec.tahun.values() for k in t.kinerja
           if k.indikator == "ikm" and k.realisasi is not None}
    assert len(ikm) >= 5  # perturbed, not the templates' three values


def test_same_arguments_same_bytes(small, tmp_path):
    again = generate(tmp_path / "again", kecamatan=12, years=2, seed=3, provinsi=PROVINSI)
    assert files_of(again) == files_of(small)
    other = generate(tmp_path / "other", kecamatan=12, years=2, seed=4, provinsi=PROVINSI)
    assert files_of(other) != files_of(small)


def test_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "catatan.txt").write_text("isi", encoding="utf-8")
    with pytest.raises(SynthError, match="tidak kosong"):
        generate(tmp_path, kecamatan=2, years=1)
    assert [p.name for p in tmp_path.iterdir()] == ["catatan.txt"]


def test_refuses_the_project_data():
    target = DATA / "wilayah" / "sintetis-uji"
    with pytest.raises(SynthError, match="folder data"):
        generate(target, kecamatan=2, years=1)
    assert not target.exists()


def test_command_line(tmp_path):
    def synth(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "builder", "--data", str(DATA), "synth", *args],
                              cwd=ROOT, capture_output=True, text=True)

    refused = synth("--kecamatan", "2", "--years", "1", "--out", str(tmp_path / "a"), "--provinsi", "99")
    assert refused.returncode == 1 and 'galat: kode provinsi "99"' in refused.stderr
    assert not (tmp_path / "a").exists()
    made = synth("--kecamatan", "2", "--years", "1", "--out", str(tmp_path / "b"), "--seed", "5")
    assert made.returncode == 0, made.stderr
    assert "2 kecamatan sintetis" in made.stdout
    assert len(list((tmp_path / "b" / "data" / "wilayah").glob("*/*/profil.yaml"))) == 2


def test_without_the_desa_list_the_idm_table_keeps_names_without_codes(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(DATA / "wilayah", source / "wilayah")
    shutil.copytree(DATA / "referensi", source / "referensi", ignore=shutil.ignore_patterns("villages.csv"))
    data = generate(tmp_path / "out", kecamatan=6, years=1, seed=2, provinsi=["14"], source=source)
    dataset, problems = load_and_validate(data)
    assert [str(p) for p in problems] == []
    desa = [d for kec in dataset.kecamatan.values() for t in kec.tahun.values() if t.idm for d in t.idm.desa]
    assert desa and all(d.kode is None for d in desa)


def test_the_whole_pipeline_builds_every_kecamatan(tmp_path):
    data = generate(tmp_path, kecamatan=6, years=2, seed=1)
    pages = run(data)
    slugs = sorted(p.parent.relative_to(data / "wilayah").as_posix() for p in data.glob("wilayah/*/*/profil.yaml"))
    assert len(slugs) == 6
    for slug in slugs:
        assert f"wilayah/{slug}/index.md" in pages
        years = [p.stem for p in (data / "wilayah" / slug).glob("[0-9]*.yaml")]
        assert len(years) == 2 and all(f"wilayah/{slug}/{y}.md" in pages for y in years)
