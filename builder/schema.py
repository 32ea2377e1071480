"""JSON Schema files for editors, generated from the models.

Each YAML file can point at its schema with a yaml-language-server modeline;
the committed files are checked against the models in the tests
(`python -m builder schema --check`).
"""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel

from .models import FILE_MODELS
from .models.common import NilaiKinerja, TanggalAtauTahun, Uang
from .models.fields import field_model, is_list

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"


def schema_text(kind: str) -> str:
    schema = FILE_MODELS[kind].model_json_schema(mode="validation")
    schema = {"$schema": SCHEMA_URL, "$id": f"{kind}.schema.json", **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in FILE_MODELS:
        path = out / f"{kind}.schema.json"
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    return written


def check_schemas(out: Path) -> list[str]:
    """Names of schema files that are missing or differ from the models."""
    stale = []
    for kind in FILE_MODELS:
        path = out / f"{kind}.schema.json"
        if not path.exists() or path.read_text(encoding="utf-8") != schema_text(kind):
            stale.append(path.name)
    return stale


# --------------------------------------------------------------------------
# The field reference: every field of every file, in Indonesian, for the contributor guide's page on the site
# --------------------------------------------------------------------------

FILES = {  # kind -> (title, where the file lives, what it holds), in the order staff meet them
    "profil": ("Profil kecamatan", "wilayah/<kabupaten>/<kecamatan>/profil.yaml",
               "Data tetap kecamatan: nama, kode, alamat, visi dan misi, serta daftar laporan yang ditranskripsi."),
    "renstra": ("Renstra", "wilayah/<kabupaten>/<kecamatan>/renstra-<mulai>-<selesai>.yaml",
                "Rencana Strategis lima tahun: tujuan, sasaran, indikator dengan target tiap tahun, dan program."),
    "tahunan": ("Berkas tahunan", "wilayah/<kabupaten>/<kecamatan>/<tahun>.yaml",
                "Satu tahun kinerja: Perjanjian Kinerja, realisasi, anggaran, IKM, IDM, AKIP dan narasi laporan."),
    "kabupaten": ("Kabupaten atau kota", "wilayah/<kabupaten>/kabupaten.yaml",
                  "Nama dan kode kabupaten atau kota, dan rujukan bersama semua kecamatannya."),
    "skala": ("Referensi: skala penilaian", "referensi/skala.yaml", "Skala penilaian capaian dan predikat."),
    "rumus": ("Referensi: rumus", "referensi/rumus.yaml", "Rumus capaian dan efisiensi yang dipakai laporan."),
    "indikator": ("Referensi: indikator baku", "referensi/indikator.yaml",
                  "Indikator yang sama di banyak kecamatan, untuk perbandingan."),
    "akip": ("Referensi: komponen AKIP", "referensi/akip.yaml", "Komponen dan bobot evaluasi AKIP."),
}


@dataclass(frozen=True)
class FieldDoc:
    path: str  # as in an error message: kinerja[].realisasi
    depth: int
    kind: str  # what to write, in Indonesian
    required: bool
    description: str


@dataclass(frozen=True)
class FileDoc:
    kind: str
    title: str
    file: str
    description: str
    fields: tuple[FieldDoc, ...]


def _kind_of(annotation) -> str:
    """What to write in a field, in the words of the guide."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        if annotation == TanggalAtauTahun:
            return "tanggal TTTT-BB-HH atau tahun saja"
        if annotation == NilaiKinerja:
            return "angka atau kode kategori (mis. BB)"
        if annotation == Uang:
            return "rupiah (angka tanpa titik ribuan)"
        return _kind_of(args[0])
    if origin in (typing.Union, types.UnionType):
        return " atau ".join(dict.fromkeys(_kind_of(a) for a in args if a is not type(None)))
    if origin is typing.Literal:
        return "salah satu dari: " + ", ".join(str(a) for a in args)
    if origin is list:
        item = args[0] if args else str
        return "daftar isian" if field_model(item) else f"daftar ({_kind_of(item)})"
    if origin is dict:
        return "pemetaan kunci: nilai"
    return {str: "teks", int: "bilangan bulat", bool: "true atau false", Decimal: "angka",
            dt.date: "tanggal TTTT-BB-HH"}.get(annotation, "kelompok isian" if field_model(annotation) else "nilai")


def _fields(model: type[BaseModel], prefix: str, depth: int, seen: tuple) -> list[FieldDoc]:
    out = []
    for name, field in model.model_fields.items():
        annotation = field.annotation
        sub = field_model(annotation)
        path = f"{prefix}{name}" + ("[]" if sub is not None and is_list(annotation) else "")
        description = (field.description or "").strip()
        if sub is not None and sub in seen:
            description += " Isiannya sama seperti tingkat di atasnya."
        written = typing.Annotated[(annotation, *field.metadata)] if field.metadata else annotation
        out.append(FieldDoc(path, depth, _kind_of(written), field.is_required(), description))
        if sub is not None and sub not in seen:
            out += _fields(sub, path + ".", depth + 1, seen + (sub,))
    return out


def field_reference() -> tuple[FileDoc, ...]:
    """Every field of every kind of data file, from the models' own descriptions (so it cannot drift from them)."""
    return tuple(FileDoc(kind, title, file, about, tuple(_fields(FILE_MODELS[kind], "", 0, (FILE_MODELS[kind],))))
                 for kind, (title, file, about) in FILES.items())
