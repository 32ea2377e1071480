"""Every change of the data format since the first model, oldest first: what a file of the version before needs.

A file states its format in `versi_format` (see models.common.FORMAT_VERSION); files written before that key
existed are version 1 and get every step. Because such files may come from any commit before it, each step
recognises the old shape itself and leaves a file that already has the new shape alone.

Changing the model so that a file valid before is refused now means: add a step here (its version is
FORMAT_VERSION + 1), raise FORMAT_VERSION, add a test to tests/test_migrate.py, and record the new
schema fingerprint (tests/test_migrate.py::test_the_model_changed_only_with_a_migration says how).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable

import yaml

from ..dataset import kabupaten_slug
from ..models import FILE_MODELS
from ..models.common import LARGEST, MOST_DECIMALS
from ..models.fields import LINE_BREAKS, field_model, multiline

from .text import Entry, MigrationConflict, YamlText


@dataclass
class Context:
    """What a step may ask for besides editing the text: the file's folder and a new name for it."""

    folder: str  # the file's folder under data/, e.g. wilayah/dumai
    kind: str = ""  # the file's kind (load.KIND_PATTERNS), whose model a step may read
    regions: dict | None = None  # the Kemendagri list (load.load_regions), where the data has it
    rename_folder: str | None = None  # a new name for that folder (same parent)
    notes: list[str] = field(default_factory=list)  # what the staff member must look at themselves


@dataclass(frozen=True)
class Step:
    version: int  # the version a file has after this step
    date: str  # when the model changed (ISO)
    commit: str  # the commit that changed it
    what: str  # what changed, in Bahasa Indonesia, for the command's output
    kinds: frozenset[str]  # the file kinds it concerns (load.KIND_PATTERNS)
    apply: Callable[[YamlText, Context], list[str]]  # edits the text; returns what it changed (empty: nothing)


def move(doc: YamlText, ctx: Context, source: tuple, target: tuple) -> list[str]:
    """Move the entry at `source` (a key path) to `target`, creating the mappings on the way; where the target
    is taken the entry is kept as a comment with the reason, never dropped."""
    parent = doc.mapping(*source[:-1])
    entry: Entry | None = doc.entry(parent, source[-1]) if parent is not None else None
    if entry is None:
        return []
    before = doc.text
    where = ".".join(map(str, source))
    dest = ".".join(map(str, target))
    try:
        at = entry.first
        block = doc.take(entry)
        block[0] = str(target[-1]) + block[0][len(str(source[-1])):]
        doc.put(tuple(target[:-1]), str(target[-1]), block, at_line=at)
    except MigrationConflict as conflict:
        doc.text = before
        doc._parse()
        doc.comment_out(doc.entry(doc.mapping(*source[:-1]), source[-1]),
                        f"{where} tidak dapat dipindah ke {dest}: {conflict}; pindahkan sendiri")
        ctx.notes.append(f"baris {entry.first + 1}: {where} disimpan sebagai komentar ({conflict}); pindahkan sendiri "
                         f"ke {dest}")
        return [f"{where}: disimpan sebagai komentar"]
    return [f"{where} -> {dest}"]


# ---------------------------------------------------------------------------------------------------------------


def numbers_within_bounds(doc: YamlText, ctx: Context) -> list[str]:
    """Numbers got bounds (at most 10 decimals, below 10^15): a value with more decimals was a pasted computation,
    never a printed figure, so it is rounded (half up) to 10 with the value as written in a comment; a value too
    large is a copying error only the report can settle, so it is left for the staff member, with a note."""
    changes = []
    while (node := _first(doc, _too_many_decimals)) is not None:
        written = node.value
        doc.replace_scalar(node, _round_half_up(written, MOST_DECIMALS), f"builder migrate: tertulis {written}")
        changes.append(f"baris {node.start_mark.line + 1}: {written} dibulatkan ke {MOST_DECIMALS} desimal")
    for node in _all_scalars(doc.root):
        if _plain_number(node) and abs(Decimal(node.value.replace("_", ""))) >= LARGEST:
            ctx.notes.append(f"baris {node.start_mark.line + 1}: {node.value} terlalu besar untuk angka laporan "
                             "(paling besar 999.999.999.999.999); periksa salinannya di laporan")
    return changes


def award_dates_without_time(doc: YamlText, ctx: Context) -> list[str]:
    """An award's date is a date or only its year: a timestamp at midnight (all the old model accepted) keeps its
    date."""
    changes = []
    awards = doc.sequence("penghargaan")
    for index in range(len(awards.value) if awards is not None else 0):
        node = doc.node("penghargaan", index, "tanggal")
        day = _midnight_date(node) if isinstance(node, yaml.ScalarNode) else None
        if day is not None:
            doc.replace_scalar(node, day)
            changes.append(f"penghargaan[{index}].tanggal: {node.value} -> {day}")
    return changes


def kota_folder_named_kota(doc: YamlText, ctx: Context) -> list[str]:
    """A kota's folder is named kota-<nama> and only a kota's is (Kota and Kabupaten Bekasi can both be in the
    data). Which of folder and `jenis` is right follows from `kode` in the Kemendagri list where the data has it."""
    folder = ctx.folder.rsplit("/", 1)[-1]
    jenis, kode = doc.scalar("jenis"), doc.scalar("kode")
    official = ((ctx.regions or {}).get("kabupaten") or {}).get(kode or "", "")
    listed = official.split(" ", 1)[0].lower() if official else None  # "kota" or "kabupaten"
    if jenis == "kota" and not folder.startswith("kota-"):
        if listed == "kabupaten":
            ctx.notes.append(f"jenis: kota, tetapi kode {kode} adalah {official} menurut daftar Kemendagri; "
                             "perbaiki jenis atau kode")
            return []
        ctx.rename_folder = f"kota-{folder}"
        return [f"folder {folder} -> kota-{folder}"]
    if jenis == "kabupaten" and folder.startswith("kota-"):
        if listed == "kota":
            doc.replace_scalar(doc.node("jenis"), "kota")
            return [f"jenis: kabupaten -> kota ({official} menurut daftar Kemendagri)"]
        if listed == "kabupaten":
            ctx.rename_folder = kabupaten_slug(official)
            return [f"folder {folder} -> {ctx.rename_folder} ({official})"]
        ctx.notes.append(f"folder {folder} diawali kota-, tetapi jenis: kabupaten; ganti nama folder atau jenisnya")
    return []


def pk_revision_in_its_own_block(doc: YamlText, ctx: Context) -> list[str]:
    """The revised agreement got its own block (date, reason, rows): its source moved into it."""
    return move(doc, ctx, ("perjanjian_kinerja", "perubahan_sumber"), ("perjanjian_kinerja", "perubahan", "sumber"))


def format_version_in_every_file(doc: YamlText, ctx: Context) -> list[str]:
    """Every file states its format (the runner writes the key)."""
    return []


def one_line_texts(doc: YamlText, ctx: Context) -> list[str]:
    """A text field that holds one line (every one but the Markdown fields) no longer takes a line break: the
    breaks of such a value become spaces, the text itself kept."""
    changes = []
    for node, path in reversed(list(_single_line_scalars(doc.root, FILE_MODELS.get(ctx.kind), ()))):
        if not any(c in node.value for c in LINE_BREAKS):
            continue
        flat = " ".join(re.sub(f"[{LINE_BREAKS}]", " ", node.value).split())
        quoted = yaml.safe_dump(flat, default_style='"', allow_unicode=True, width=1_000_000).strip()
        doc.replace_scalar(node, quoted + ("\n" if node.style in ("|", ">") else ""))
        changes.append(f"{'.'.join(map(str, path))}: pindah baris menjadi spasi")
    return list(reversed(changes))


def _single_line_scalars(node, model, path: tuple):
    """The scalars of a file's node tree whose model field holds one line of text, with their key paths."""
    if model is None or not isinstance(node, yaml.MappingNode):
        return
    for key_node, value in node.value:
        field_info = model.model_fields.get(key_node.value)
        if field_info is None:
            continue
        inner = field_model(field_info.annotation)
        where = (*path, key_node.value)
        if inner is not None:
            items = value.value if isinstance(value, yaml.SequenceNode) else [value]
            for index, item in enumerate(items):
                yield from _single_line_scalars(item, inner, (*where, index) if len(items) > 1 else where)
        elif isinstance(value, yaml.ScalarNode) and not multiline(field_info) and value.tag.endswith(":str"):
            yield value, where


# ---------------------------------------------------------------------------------------------------------------

_DECIMAL = re.compile(r"^[+-]?(\d[\d_]*)?\.\d+$")
_INTEGER = re.compile(r"^[+-]?\d[\d_]*$")
_MIDNIGHT = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[Tt ]|\s+)0?0:00(?::00(?:\.0*)?)?\s*(?:Z|[+-]00(?::?00)?)?$")


def _all_scalars(node):
    if isinstance(node, yaml.ScalarNode):
        yield node
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _all_scalars(item)
    elif isinstance(node, yaml.MappingNode):
        for _key, value in node.value:
            yield from _all_scalars(value)


def _plain_number(node: yaml.ScalarNode) -> bool:
    return not node.style and bool(_DECIMAL.match(node.value) or _INTEGER.match(node.value))


def _too_many_decimals(node: yaml.ScalarNode) -> bool:
    return not node.style and bool(_DECIMAL.match(node.value)) and len(node.value.split(".")[1]) > MOST_DECIMALS


def _first(doc: YamlText, wanted):
    return next((n for n in _all_scalars(doc.root) if wanted(n)), None)


def _round_half_up(text: str, places: int) -> str:
    return str(Decimal(text.replace("_", "")).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def _midnight_date(node: yaml.ScalarNode) -> str | None:
    """The date of a timestamp at 00:00 (as YAML or as text), or of a whole number of days since 1970 in
    seconds; None for anything else (a date, a year, a time of day that is not midnight)."""
    match = _MIDNIGHT.match(node.value.strip())
    if match:
        return match.group(1)
    if not node.style and _INTEGER.match(node.value) and int(node.value) > 10_000 and int(node.value) % 86_400 == 0:
        return (dt.date(1970, 1, 1) + dt.timedelta(days=int(node.value) // 86_400)).isoformat()
    return None


STEPS: list[Step] = [
    Step(2, "2026-12-01", "8594312", "angka dibatasi: paling banyak 10 desimal, di bawah 10^15",
         frozenset({"kabupaten", "profil", "renstra", "tahunan"}), numbers_within_bounds),
    Step(3, "2026-12-02", "3a6e2af", "tanggal penghargaan: tanggal atau tahun saja, tanpa jam",
         frozenset({"tahunan"}), award_dates_without_time),
    Step(4, "2026-12-02", "3a6e2af", "folder kota bernama kota-<nama>, dan hanya folder kota", frozenset({"kabupaten"}),
         kota_folder_named_kota),
    Step(5, "2026-12-02", "335aa29", "PK perubahan dalam bloknya sendiri (perjanjian_kinerja.perubahan)",
         frozenset({"tahunan"}), pk_revision_in_its_own_block),
    Step(6, "2026-12-07", "", "versi format di setiap berkas (versi_format)",
         frozenset({"skala", "rumus", "indikator", "akip", "kabupaten", "profil", "renstra", "tahunan"}),
         format_version_in_every_file),
    Step(7, "2026-12-07", "ddaaeee", "teks satu baris: pindah baris di kolom selain Markdown menjadi spasi",
         frozenset({"skala", "rumus", "indikator", "akip", "kabupaten", "profil", "renstra", "tahunan"}),
         one_line_texts),
]
