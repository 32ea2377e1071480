"""No pydantic message reaches staff in English: every error a YAML file can make the models raise is translated
into Bahasa Indonesia and says what to write (`builder/validate/messages.py`)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import typing

import annotated_types
import pytest
import yaml
from pydantic import BaseModel, ValidationError

from builder import models
from builder.validate import messages

from .conftest import ROOT
from .test_validate import YEAR, edit, line_of, problems_of

# What a YAML file can hold in a field: every scalar kind YAML produces, and the mistakes staff make.
WRONG = ["teks", "2023", "", "ya", "1.234,5", "2023-13-45", "12 %", 12, -5, 10**30, 1.5, True, None,
         dt.date(2023, 1, 1), dt.datetime(2023, 1, 1, 10), float("nan")]
SHAPES = [lambda v: v, lambda v: [v], lambda v: {"a": v}, lambda v: [{"a": v}]]


def all_models() -> set[type[BaseModel]]:
    found: set[type[BaseModel]] = set()

    def visit(annotation):
        for argument in typing.get_args(annotation):
            visit(argument)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) and annotation not in found:
            found.add(annotation)
            for field in annotation.model_fields.values():
                visit(field.annotation)

    for model in models.FILE_MODELS.values():
        visit(model)
    return found


def raised_errors():
    """(model, field, input, error) for every wrong value in every shape in every field of every model."""
    for model in sorted(all_models(), key=lambda m: m.__name__):
        for name in model.model_fields:
            for value in WRONG:
                for shape in SHAPES:
                    try:
                        model.model_validate({name: shape(value)})
                    except ValidationError as exc:
                        for error in exc.errors(include_url=False):
                            yield model, name, shape(value), error


def test_the_walk_reaches_the_models_and_their_error_kinds():
    assert len(all_models()) > 40
    kinds = {error["type"] for *_, error in raised_errors()}
    # The walk must reach the kinds staff meet most; if it stopped reaching them, it would prove nothing.
    assert {"missing", "extra_forbidden", "string_type", "int_parsing", "literal_error", "date_from_datetime_inexact",
            "list_type", "model_type", "greater_than_equal", "string_pattern_mismatch"} <= kinds, kinds


def test_every_error_the_models_raise_is_in_indonesian():
    untranslated = {}
    for model, name, value, error in raised_errors():
        _, message = messages.translate_error(error, model)
        if "jenis galat" in message or message == error["msg"] and error["type"] not in messages._OWN_KINDS:
            untranslated.setdefault(error["type"], f"{model.__name__}.{name} = {value!r}: {message}")
    assert untranslated == {}


CONSTRAINT_KINDS = {annotated_types.Ge: "greater_than_equal", annotated_types.Gt: "greater_than",
                    annotated_types.Le: "less_than_equal", annotated_types.Lt: "less_than",
                    annotated_types.MinLen: "too_short", annotated_types.MaxLen: "too_long"}


def test_every_constraint_a_field_declares_has_a_message():
    """What the walk may miss: a bound or a length on some field no wrong value above happens to break."""
    declared = set()
    for model in all_models():
        for field in model.model_fields.values():
            for meta in field.metadata:
                for kind, error in CONSTRAINT_KINDS.items():
                    if isinstance(meta, kind):
                        declared.add(error)
                        if error in ("too_short", "too_long"):
                            declared.add("string_" + error)
                if getattr(meta, "pattern", None):
                    declared.add("string_pattern_mismatch")
    assert declared - set(messages._MESSAGES) == set()


def test_a_year_only_date_says_what_to_write_where_a_full_date_is_needed(minimal_data):
    edit(minimal_data, "wilayah/contoh/kec-contoh/profil.yaml", "tanggal: 2024-01-31", 'tanggal: "2024"')
    (problem,) = [p for p in problems_of(minimal_data) if p.field]  # (the other two: the profile is not valid)
    assert problem.field == "laporan[0].tanggal" and problem.line == line_of(
        minimal_data, "wilayah/contoh/kec-contoh/profil.yaml", 'tanggal: "2024"')
    assert "TTTT-BB-HH" in problem.message and "2024-01-12" in problem.message
    assert "Datetimes" not in problem.message


@pytest.mark.parametrize("written", ["2023", '"2023"', "2023-08-17"])
def test_an_award_may_carry_only_the_year_the_report_prints(minimal_data, written):
    edit(minimal_data, YEAR, "laporan: lkjip-2023\n", "laporan: lkjip-2023\npenghargaan:\n  - nama: Kecamatan Terbaik\n"
         f"    jenis: Juara I\n    pemberi: Bupati Contoh\n    tingkat: kabupaten\n    tanggal: {written}\n")
    assert problems_of(minimal_data) == []
    data = yaml.safe_load((minimal_data / YEAR).read_text(encoding="utf-8"))
    award = models.FILE_MODELS["tahunan"].model_validate(data).penghargaan[0]
    assert award.tanggal == (dt.date(2023, 8, 17) if "-" in written else 2023)


def test_an_award_shows_what_the_report_printed(minimal_data, tmp_path):
    edit(minimal_data, YEAR, "laporan: lkjip-2023\n", "laporan: lkjip-2023\npenghargaan:\n  - nama: Kecamatan Terbaik\n"
         "    jenis: Juara I\n    penerima: Desa Contoh\n    pemberi: Bupati Contoh\n    tingkat: kabupaten\n"
         "    tanggal: 2023\n")
    subprocess.run([sys.executable, "-m", "builder", "--data", str(minimal_data), "pages", "--out", str(tmp_path / "out")],
                   cwd=ROOT, check=True, capture_output=True)
    page = (tmp_path / "out" / YEAR.replace(".yaml", ".md")).read_text(encoding="utf-8")
    assert ("Juara I: Kecamatan Terbaik, diterima Desa Contoh — dari Bupati Contoh (tingkat kabupaten), tahun 2023"
            in page)


def test_evaluation_findings_and_their_follow_up_show_on_the_year_page(minimal_data, tmp_path):
    """The guide's example (CONTRIBUTING.md §3; none of our seed reports prints such a table) on a page."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(tindak_lanjut_evaluasi:\n.*?)```", guide, re.S).group(1)
    edit(minimal_data, YEAR, "laporan: lkjip-2023\n", "laporan: lkjip-2023\n" + example)
    assert problems_of(minimal_data) == []
    subprocess.run([sys.executable, "-m", "builder", "--data", str(minimal_data), "pages", "--out", str(tmp_path / "out")],
                   cwd=ROOT, check=True, capture_output=True)
    page = (tmp_path / "out" / YEAR.replace(".yaml", ".md")).read_text(encoding="utf-8")
    assert "## Tindak lanjut hasil evaluasi" in page
    for text in ("Indikator kinerja sasaran belum seluruhnya terukur", "Menyusun ulang indikator kinerja pada reviu Renstra",
                 "Indikator direviu bersama Bappeda", "Desember 2023", "Selesai", "LHE AKIP 2022 Inspektorat Kabupaten Paser"):
        assert text in page, text
