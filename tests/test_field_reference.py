"""The field reference page: every field of every data file, from the models' own descriptions, linked from the
contributor guide (issue "Adding a report", friction 4)."""

from __future__ import annotations

import html
import re

import yaml

from builder import models
from builder.schema import field_reference

from .conftest import ROOT


def test_the_reference_lists_every_field_of_every_file_with_its_description(site):
    page = (site / "rujukan-kolom.html").read_text(encoding="utf-8")
    shown = {html.unescape(path) for path in  # (Markdown's syntax characters are written as references)
             re.findall(r'<th scope="row" class="kc-fields__depth-\d"><code>([^<]+)</code>', page)}
    year = next(f for f in field_reference() if f.kind == "tahunan")
    for name, field in models.FILE_MODELS["tahunan"].model_fields.items():
        assert name in shown or name + "[]" in shown, name
        assert field.description.split("`")[0][:30] in html.unescape(page), name
    assert {"kinerja[].realisasi", "anggaran.program[].kegiatan[].pagu", "penghargaan[].tanggal"} <= shown
    assert len(shown) >= len({d.path for d in year.fields})
    assert "tanggal TTTT-BB-HH atau tahun saja" in page and "rupiah (angka tanpa titik ribuan)" in page


def test_the_guide_links_it_and_its_example_validates():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "rujukan-kolom.html" in guide
    example = re.search(r"```yaml\n(penghargaan:\n.*?)```", guide, re.S).group(1)
    awards = yaml.safe_load(example)["penghargaan"]
    for award in awards:
        models.tahunan.Penghargaan.model_validate(award)
    example = re.search(r"```yaml\n(tindak_lanjut_evaluasi:\n.*?)```", guide, re.S).group(1)
    for item in yaml.safe_load(example)["tindak_lanjut_evaluasi"]:
        models.tahunan.TindakLanjut.model_validate(item)


def _text(path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


def test_what_staff_transcribe_shows_on_the_site(site):
    """Friction 3: visi, misi, strategi, Renstra programmes, address, legal basis, per-indicator and per-programme
    notes and programme outputs all reach a page (values read from the data files the staff typed)."""
    for folder in sorted((ROOT / "data" / "wilayah").glob("*/*/profil.yaml")):
        kec = folder.parent
        page = " ".join(_text(site / kec.relative_to(ROOT / "data") / "index.html").split())
        profil = yaml.safe_load(folder.read_text(encoding="utf-8"))
        for key in ("alamat",):
            if profil.get(key):
                assert " ".join(profil[key].split()) in page, (kec.name, key)
        for rule in profil.get("dasar_hukum", []):
            assert " ".join(rule.split()) in page, (kec.name, rule)
        for renstra_file in kec.glob("renstra-*.yaml"):
            renstra = yaml.safe_load(renstra_file.read_text(encoding="utf-8"))
            for text in [renstra.get("visi")] + [x["teks"] for x in renstra.get("misi", [])] + [
                    x["strategi"] for x in renstra.get("strategi", [])] + [
                    x["nama"] for x in renstra.get("program", []) if x["tingkat"] == "program"]:
                if text:
                    assert " ".join(text.split()) in page, (kec.name, text[:60])
    year = site / "wilayah/paser/batu-sopang/2022.html"
    data = yaml.safe_load((ROOT / "data/wilayah/paser/batu-sopang/2022.yaml").read_text(encoding="utf-8"))
    shown = " ".join(_text(year).split())
    notes = [k["catatan"] for k in data["kinerja"] if k.get("catatan")]
    assert notes
    for note in notes:
        first_words = " ".join(re.sub(r"[`*_]", "", note).split()[:6])
        assert first_words in shown, first_words
