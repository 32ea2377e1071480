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
    shown = set(re.findall(r'<th scope="row" class="kc-fields__depth-\d"><code>([^<]+)</code>', page))
    year = next(f for f in field_reference() if f.kind == "tahunan")
    for name, field in models.FILE_MODELS["tahunan"].model_fields.items():
        assert name in shown or name + "[]" in shown, name
        assert html.escape(field.description.split("`")[0][:30], quote=False) in page, name
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
