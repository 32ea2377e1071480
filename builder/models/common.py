"""Scalar types and the pieces every file kind shares.

Raw data (target, realisasi, pagu ...) and the report's own derived figures
(`dinyatakan`: capaian, totals, efficiency as printed) are kept apart, so the
builder can recompute the derived figures and audit the report.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Literal, Optional, Union

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PrivateAttr,
    Field,
    PlainSerializer,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

from ..formatting import web_address_problem
from ..problems import excerpt
from .fields import MULTILINE, line_break, multiline

# --------------------------------------------------------------------------
# Scalar types
# --------------------------------------------------------------------------

_ID_NUMBER = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+(,\d+)?|\d+,\d+)\s*%?$")
_PLAIN_NUMBER_WITH_SUFFIX = re.compile(r"^[+-]?\d+(\.\d+)?\s*%$")
_RUPIAH = re.compile(r"^Rp\.?\s*(\S+?)(?:,-)?$", re.IGNORECASE)


LARGEST = Decimal(10) ** 15  # above any budget (Rp1.000 triliun) or figure a kecamatan report prints
MOST_DECIMALS = 10


def _bounded(value: Decimal) -> Decimal:
    """Refuse what no report prints and what would break the arithmetic later (1.0e+30, .nan, 20 decimals)."""
    if not value.is_finite():
        raise PydanticCustomError("angka_tak_hingga", "harus angka biasa; .nan dan .inf bukan angka", {})
    if abs(value) >= LARGEST:
        raise PydanticCustomError("angka_terlalu_besar", "angka terlalu besar (ditemukan {found}); periksa salinannya, "
                                  "paling besar 999.999.999.999.999", {"found": excerpt(value)})
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > MOST_DECIMALS:
        raise PydanticCustomError("angka_terlalu_rinci", "terlalu banyak angka di belakang koma (ditemukan {found}); "
                                  f"paling banyak {MOST_DECIMALS}", {"found": excerpt(value)})
    return value


def _to_decimal(value: object) -> Decimal:
    """Accept YAML ints and floats; explain Indonesian-style strings."""
    if isinstance(value, bool):
        raise PydanticCustomError("angka", "harus berupa angka, bukan {found}", {"found": value})
    if isinstance(value, int):
        return _bounded(Decimal(value))
    if isinstance(value, float):
        return _bounded(Decimal(repr(value)))
    if isinstance(value, Decimal):
        return _bounded(value)
    if isinstance(value, str):
        text = value.strip()
        rupiah = _RUPIAH.match(text)
        if rupiah and (_ID_NUMBER.match(rupiah.group(1)) or rupiah.group(1).isdigit()):
            amount = rupiah.group(1)
            fixed = amount if amount.isdigit() else amount.replace(".", "").replace(",", ".")
            raise PydanticCustomError(
                "angka_rupiah",
                'jumlah ditulis dengan Rp sebagai teks "{found}"; di YAML tulis {fixed} '
                "(tanpa Rp, tanpa titik ribuan, koma desimal diganti titik)",
                {"found": text, "fixed": fixed},
            )
        if _ID_NUMBER.match(text):
            fixed = text.rstrip("%").strip().replace(".", "").replace(",", ".")
            raise PydanticCustomError(
                "angka_gaya_indonesia",
                'angka ditulis gaya Indonesia sebagai teks "{found}"; di YAML tulis {fixed} '
                "(tanpa titik ribuan, koma desimal diganti titik, tanpa tanda kutip dan %)",
                {"found": text, "fixed": fixed},
            )
        if _PLAIN_NUMBER_WITH_SUFFIX.match(text):
            fixed = text.rstrip("%").strip()
            raise PydanticCustomError(
                "angka_persen",
                'angka "{found}" ditulis dengan tanda %; tulis {fixed} saja',
                {"found": text, "fixed": fixed},
            )
    raise PydanticCustomError("angka", "harus berupa angka, bukan {found}", {"found": excerpt(repr(value))})


def _decimal_schema(minimum: Optional[int] = None) -> dict:
    schema: dict = {"type": "number"}
    if minimum is not None:
        schema["minimum"] = minimum
    return schema


def _non_negative(value: Decimal) -> Decimal:
    if value < 0:
        raise PydanticCustomError(
            "uang_negatif", "jumlah uang tidak boleh negatif (ditemukan {found})", {"found": str(value)}
        )
    return value


Angka = Annotated[
    Decimal,
    BeforeValidator(_to_decimal),
    PlainSerializer(lambda d: float(d), return_type=float),
    WithJsonSchema(_decimal_schema()),
]
"""A number as printed in the report (kept exact as a Decimal)."""

Uang = Annotated[
    Decimal,
    BeforeValidator(lambda v: _non_negative(_to_decimal(v))),
    PlainSerializer(lambda d: float(d), return_type=float),
    WithJsonSchema(_decimal_schema(minimum=0)),
]
"""An amount in rupiah; never negative. A "-" in a money column is written 0."""


def _category_or_number(value: object) -> Union[Decimal, str]:
    if isinstance(value, str) and not _ID_NUMBER.match(value.strip()) and not _PLAIN_NUMBER_WITH_SUFFIX.match(value.strip()):
        text = value.strip()
        if not re.fullmatch(r"[A-Z]{1,3}", text):
            raise PydanticCustomError(
                "nilai_kinerja",
                'nilai "{found}" bukan angka dan bukan kode kategori (mis. BB, A); '
                "satuan ditulis di indikator, bukan di nilai",
                {"found": excerpt(text)},
            )
        return text
    return _to_decimal(value)


NilaiKinerja = Annotated[
    Union[Decimal, str],
    BeforeValidator(_category_or_number),
    PlainSerializer(lambda v: float(v) if isinstance(v, Decimal) else v),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "pattern": "^[A-Z]{1,3}$"}]}),
]
"""A target or realisasi: a number, or a category code such as "BB"."""

Id = Annotated[
    str,
    Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Pengenal: huruf kecil, angka dan tanda minus."),
]
# An indicator's direction: its YAML values, and what every page, scaffold and description says for them.
POLARITAS = {"naik": "semakin besar semakin baik", "turun": "semakin kecil semakin baik"}
Polaritas = Literal["naik", "turun"]
POLARITAS_TEXT = "; ".join(f"{value}: {words}" for value, words in POLARITAS.items()) + "."

FIRST_YEAR, LAST_YEAR = 1990, 2100  # the years a report can be about
Tahun = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]


def _date_or_year(value: object) -> object:
    """`2023` or "2023" is a year on its own (many reports print only the year); otherwise an ISO date.

    One error for both readings: a union would report a failed date and a failed integer separately."""
    text = value.strip() if isinstance(value, str) else None
    if isinstance(value, int) and not isinstance(value, bool) and FIRST_YEAR <= value <= LAST_YEAR:
        return value
    if text is not None and re.fullmatch(r"\d{4}", text) and FIRST_YEAR <= int(text) <= LAST_YEAR:
        return int(text)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if text is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise PydanticCustomError(
        "tanggal_atau_tahun",
        "tulis tanggal dengan format TTTT-BB-HH, mis. 2023-08-17 untuk 17 Agustus 2023, atau tahunnya saja, "
        "mis. 2023, bila laporan hanya mencetak tahun (ditemukan: {found})", {"found": excerpt(repr(value))})


TanggalAtauTahun = Annotated[
    Union[dt.date, int],
    BeforeValidator(_date_or_year),
    WithJsonSchema({"anyOf": [{"type": "string", "format": "date"}, {"type": "integer", "minimum": FIRST_YEAR,
                                                                    "maximum": LAST_YEAR}]}),
]
"""A date (2023-08-17), or only its year (2023) where the report prints no day."""
def web_address(value: str | None) -> str | None:
    """A field validator for a URL the site links: formatting.web_address_problem's rule (parsed by urllib; the
    JSON Schema's pattern only helps the editor)."""
    if value is not None and (problem := web_address_problem(value)) is not None:
        raise PydanticCustomError("alamat_web", "alamat web tidak dapat ditautkan: {problem}; tulis alamat lengkap "
                                  "dokumennya, mis. https://bengkaliskab.go.id/lkjip-2023.pdf (ditemukan: {found})",
                                  {"problem": problem, "found": excerpt(repr(value))})
    return value

Markdown = Annotated[str, Field(description="Teks Markdown."), MULTILINE]
"""Text that may span lines (Markdown); every other text field holds one line (Model._one_line)."""


MAX_TEXT = 40_000  # characters of one text value; the longest real one (a year's catatan) has about 10,000
MAX_ITEMS = 5_000  # entries of one list or mapping; the longest real list (a sub kegiatan's rincian) has 24


def _size(value: object) -> object:
    """Refuse a text or a list far beyond any report before anything else reads it (the one size rule of every
    field: a list's texts too)."""
    if isinstance(value, str):
        texts = (value,)
    elif isinstance(value, (list, dict)):
        if len(value) > MAX_ITEMS:
            raise PydanticCustomError("terlalu_banyak_isian", "terlalu banyak isian ({found}; paling banyak {most}); "
                                      "tidak ada laporan kecamatan sepanjang ini, periksa salinannya",
                                      {"found": f"{len(value):,}".replace(",", "."),
                                       "most": f"{MAX_ITEMS:,}".replace(",", ".")})
        texts = [x for x in (value.values() if isinstance(value, dict) else value) if isinstance(x, str)]
    else:
        return value
    for text in texts:
        if len(text) > MAX_TEXT:
            raise PydanticCustomError("teks_terlalu_panjang", "teks terlalu panjang ({found} karakter; paling banyak "
                                      "{most} karakter); ringkas, atau pecah ke beberapa isian",
                                      {"found": f"{len(text):,}".replace(",", "."),
                                       "most": f"{MAX_TEXT:,}".replace(",", ".")})
    return value


class Model(BaseModel):
    """Base: unknown keys are errors (they are almost always typos); no text longer than MAX_TEXT, no list longer
    than MAX_ITEMS.

    `_line` and `_field_lines` say where the object and each of its fields are in the YAML file (set after
    validation, see validate.messages.attach_lines): the site links every figure to its line."""

    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=True)
    _line: Optional[int] = PrivateAttr(default=None)
    _field_lines: dict = PrivateAttr(default_factory=dict)

    _bounded_size = field_validator("*", mode="before")(lambda value: _size(value))

    @field_validator("*", mode="after")
    @classmethod
    def _one_line(cls, value, info):
        """A name, title, unit or source is one line: a line break in it could start Markdown or YAML of its own."""
        if (found := line_break(value)) is not None and not multiline(cls.model_fields[info.field_name]):
            raise PydanticCustomError("satu_baris", "teks ini harus satu baris: ganti baris baru di dalamnya dengan "
                                      "spasi (hanya catatan, narasi, keterangan dan definisi boleh beberapa baris) "
                                      "(ditemukan: {found})", {"found": excerpt(repr(found))})
        return value

    def line_of(self, field: str | None = None) -> Optional[int]:
        """The line of a field's value, else of the object."""
        return self._field_lines.get(field, self._line) if field else self._line


FORMAT_VERSION = 7
"""The data format: raised with every model change that refuses a file valid before (builder/migrate/steps.py)."""
FORMAT_VERSION_KEY = "versi_format"


class BerkasData(Model):
    """Base of every data file's model: the format version the file was written for."""

    versi_format: Optional[int] = Field(
        None, description="Versi format data berkas ini, ditulis oleh builder (new-kecamatan, new-year, impor, "
        "migrate); jangan diubah sendiri. Berkas versi lama diperbarui dengan python -m builder migrate.")


# --------------------------------------------------------------------------
# Shared pieces
# --------------------------------------------------------------------------


class Sumber(Model):
    """Where a figure was printed."""

    laporan: Optional[Id] = Field(
        None,
        description="Id laporan sumber dari daftar `laporan` di profil.yaml, mis. lkjip-2022. "
        "Kosongkan bila sama dengan laporan bawaan berkas ini.",
    )
    tabel: str = Field(
        description='Tabel atau bagian laporan tempat angka dicetak, mis. "Tabel 3.2" atau "Bab III 3.1 (teks)".'
    )
    halaman: Optional[int] = Field(None, description="Nomor halaman laporan, bila diketahui.")
    sebagian: bool = Field(
        False, description="true bila tabel ini tidak lengkap di data (laporan mencetak sebagian baris, atau hanya "
        "sebagian yang disalin): jumlah, rata-rata dan persentase atas seluruh tabel tidak dihitung, dan total yang "
        "dicetak tidak dibandingkan dengan jumlah barisnya.")


class Pejabat(Model):
    """An official as printed at a signature: name, NIP, rank and position."""

    nama: str = Field(
        description="Nama lengkap dengan gelar seperti di tanda tangan; ejaan diperbaiki bila jelas salah ketik "
        "(ejaan asli dicatat di komentar)."
    )
    nip: Optional[str] = Field(
        None,
        pattern=r"^\d{8} ?\d{6} ?\d ?\d{3}$",
        description='NIP 18 digit dalam tanda kutip, boleh dengan spasi seperti dicetak, mis. "19720210 199303 1 006".',
    )
    pangkat: Optional[str] = Field(None, description="Pangkat/golongan seperti dicetak, mis. Penata Tingkat I (III/d).")
    jabatan: Optional[str] = Field(
        None, description="Jabatan seperti dicetak di bawah tanda tangan, mis. Camat Batu Sopang atau Bupati Paser."
    )
