"""Model validation of one file, with pydantic's errors in Bahasa Indonesia.

Each error names file, line, column and field path (`kinerja[1].realisasi`);
an unknown key gets the closest known key as a suggestion.
"""

from __future__ import annotations

import difflib
import functools
import typing

import yaml
from pydantic import BaseModel, ValidationError

from .. import models as m
from ..load import SourceFile, locate
from ..models.fields import value_type
from ..problems import Problem, excerpt, format_field

NON_FINITE = "harus angka biasa; .nan dan .inf bukan angka"

_MESSAGES = {
    "missing": "wajib diisi",
    "int_type": "harus bilangan bulat",
    "int_parsing": "harus bilangan bulat",
    "int_from_float": "harus bilangan bulat (tanpa desimal)",
    "string_type": "harus teks; kode seperti 1.10 atau 7.01.01 ditulis dengan tanda kutip, mis. \"1.10\"",
    "bool_type": "harus true atau false",
    "list_type": "harus berupa daftar (baris-baris diawali '- ')",
    "dict_type": "harus berupa pemetaan 'kunci: nilai'",
    "model_type": "harus berupa pemetaan 'kunci: nilai'",
    "model_attributes_type": "harus berupa pemetaan 'kunci: nilai'",
    "date_type": "harus tanggal dengan format TTTT-BB-HH, mis. 2024-01-12",
    "date_from_datetime_parsing": "harus tanggal dengan format TTTT-BB-HH, mis. 2024-01-12",
    "date_parsing": "harus tanggal dengan format TTTT-BB-HH, mis. 2024-01-12",
    "date_from_datetime_inexact": "harus tanggal lengkap dengan format TTTT-BB-HH, mis. 2024-01-12 (tanpa jam; "
                                  "tahun saja hanya boleh di kolom yang menyebutnya)",
    "datetime_type": "harus tanggal dengan format TTTT-BB-HH, mis. 2024-01-12",
    "datetime_parsing": "harus tanggal dengan format TTTT-BB-HH, mis. 2024-01-12",
    "bool_parsing": "harus true atau false",
    "float_type": "harus angka, mis. 12,5 ditulis 12.5",
    "float_parsing": "harus angka, mis. 12,5 ditulis 12.5",
    "decimal_type": "harus angka, mis. 12,5 ditulis 12.5",
    "decimal_parsing": "harus angka, mis. 12,5 ditulis 12.5",
    "greater_than": "harus lebih besar dari {gt}",
    "less_than": "harus lebih kecil dari {lt}",
    "too_long": "terlalu banyak isian (paling banyak {max_length})",
    "string_too_short": "terlalu pendek (paling sedikit {min_length} huruf)",
    "string_too_long": "terlalu panjang (paling banyak {max_length} huruf)",
    "enum": "harus salah satu dari: {expected}",
    "union_tag_invalid": "jenisnya tidak dikenal; harus salah satu dari: {expected_tags}",
    "set_type": "harus berupa daftar (baris-baris diawali '- ')",
    "tuple_type": "harus berupa daftar (baris-baris diawali '- ')",
    "too_short": "terlalu sedikit isian (minimal {min_length})",
    "greater_than_equal": "harus paling kecil {ge}",
    "less_than_equal": "harus paling besar {le}",
    "string_pattern_mismatch": "formatnya tidak sesuai (pola {pattern})",
    "literal_error": "harus salah satu dari: {expected}",
    "finite_number": NON_FINITE,
}

# Kinds whose found value is not worth showing (missing: there is none; finite_number: Decimal('NaN')).
_NO_FOUND_VALUE = ("missing", "finite_number")

# Our own PydanticCustomError kinds (builder/models/common.py): their messages are already Indonesian.
_OWN_KINDS = ("angka", "angka_gaya_indonesia", "angka_rupiah", "tanggal_atau_tahun", "angka_persen", "uang_negatif", "nilai_kinerja", "angka_tak_hingga",
              "angka_terlalu_besar", "angka_terlalu_rinci", "satu_baris",
              "alamat_web")


def _allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names of the model reached by following `loc` (for typo suggestions)."""
    found = _model_at(model, loc)
    return list(found.model_fields) if found else []


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model reached by following `loc`, if it ends on one."""
    current: object = model
    for part in loc:
        current = value_type(current)
        if isinstance(part, int) and typing.get_origin(current) is not dict:
            continue  # list index: value_type already stepped into the item type
        if typing.get_origin(current) is dict:
            current = typing.get_args(current)[-1]
        elif isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(str(part))
            current = info.annotation if info else None
        if current is None:
            return None
    current = value_type(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _mapping_example(model: type[BaseModel], loc: tuple, found: object) -> str:
    """For a text where a mapping belongs (`sumber: Tabel 3.1`): which keys it has and how to write it."""
    target = _model_at(model, loc)
    if target is None:
        return ""
    required = [name for name, info in target.model_fields.items() if info.is_required()]
    keys = ", ".join(f"{name} (wajib)" if name in required else name for name in target.model_fields)
    example = f'; tulis mis. {{{required[0]}: "{found}"}}' if len(required) == 1 and isinstance(found, str) else ""
    return f" dengan kunci {keys}{example}"



def translate_error(error: dict, model: type[BaseModel]) -> tuple[tuple, str]:
    """A pydantic error as (location, Indonesian message)."""
    kind = error["type"]
    loc = tuple(error["loc"])
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _allowed_keys(model, loc[:-1])
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = f'; mungkin maksudnya "{close[0]}"' if close else ""
        listing = f" Kunci yang dikenal: {', '.join(allowed)}." if allowed else ""
        return loc, f'kunci "{key}" tidak dikenal{hint}.{listing}'
    if error.get("input", ...) is None and kind not in ("missing",):
        # A key written with nothing after it (`nama:`), e.g. a scaffold blank marked ISI.
        return loc, "wajib diisi, tetapi masih kosong"
    if kind in _MESSAGES:
        message = _MESSAGES[kind].format(**{k: v for k, v in ctx.items()})
        found = error.get("input")
        if kind in ("model_type", "model_attributes_type", "dict_type"):
            message += _mapping_example(model, loc, excerpt(str(found)) if isinstance(found, str) else None)
        if kind not in _NO_FOUND_VALUE and not isinstance(found, (dict, list)):
            message += f" (ditemukan: {excerpt(repr(found))})"
        return loc, message
    if kind in _OWN_KINDS:
        return loc, error["msg"]
    return loc, f"{error['msg']} (jenis galat: {kind})"


def _shown(loc: tuple) -> tuple:
    """The location without pydantic's union/function tags, as staff should read it."""
    return tuple(p for p in loc if isinstance(p, int) or not str(p).startswith(("function-", "decimal", "str", "union")))


def validate_model(source: SourceFile) -> BaseModel | None:
    """The file's model, or None after recording its problems in `source.problems`."""
    model = m.FILE_MODELS[source.kind]
    try:
        validated = model.model_validate(source.data)
        attach_lines(validated, source.node)
        return validated
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc, message = translate_error(error, model)
            line, column = locate(source.node, loc)
            source.problems.append(Problem(source.display, line, column, format_field(_shown(loc)), message))
        return None
    except ArithmeticError:
        # A validator compared a YAML .nan (Decimal NaN) instead of rejecting it; report where they are.
        _report_non_finite(source)
        return None


def attach_lines(value, node: yaml.Node | None) -> None:
    """Record on every model object the line of its YAML mapping and of each field's value (1-based)."""
    if isinstance(value, m.Model) and isinstance(node, yaml.MappingNode):
        value._line = node.start_mark.line + 1
        names = _field_names(type(value))
        for key_node, child in node.value:
            name = names.get(str(key_node.value))
            if name is None:
                continue
            value._field_lines[name] = child.start_mark.line + 1
            item = getattr(value, name)
            if isinstance(item, (m.Model, list, dict)):
                attach_lines(item, child)
    elif isinstance(value, list) and isinstance(node, yaml.SequenceNode):
        for item, child in zip(value, node.value):
            if isinstance(item, (m.Model, list, dict)):
                attach_lines(item, child)
    elif isinstance(value, dict) and isinstance(node, yaml.MappingNode):
        for key_node, child in node.value:
            item = value.get(key_node.value, value.get(str(key_node.value)))
            if isinstance(item, (m.Model, list, dict)):
                attach_lines(item, child)


@functools.cache
def _field_names(model: type) -> dict[str, str]:
    """YAML key -> field name (a field's alias when it has one)."""
    return {(info.alias or name): name for name, info in model.model_fields.items()}


def _report_non_finite(source: SourceFile) -> None:
    found = list(_non_finite_scalars(source.node, ()))
    for loc, node in found:
        source.problems.append(Problem(source.display, node.start_mark.line + 1, node.start_mark.column + 1,
                                       format_field(loc), f"{NON_FINITE} (ditemukan: {node.value})"))
    if not found:
        source.problems.append(Problem(source.display, None, None, "", "ada angka yang tidak dapat diperiksa; "
                                       "periksa angka yang tidak biasa di berkas ini"))


def _non_finite_scalars(node: yaml.Node | None, loc: tuple, seen: set[int] | None = None):
    """Scalars YAML reads as a float NaN or infinity (`.nan`, `-.inf`), with their field path."""
    seen = set() if seen is None else seen
    if node is None or id(node) in seen:  # aliases can make the node graph cyclic
        return
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:float" and node.value.lstrip("+-").lower() in (".nan", ".inf"):
            yield loc, node
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            yield from _non_finite_scalars(value_node, (*loc, str(key_node.value)), seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from _non_finite_scalars(item, (*loc, i), seen)
