"""Every change of the data format since the first model, oldest first: what a file of the version before needs.

A file states its format in `versi_format` (see models.common.FORMAT_VERSION); files written before that key
existed are version 1 and get every step. Because such files may come from any commit before it, each step
recognises the old shape itself and leaves a file that already has the new shape alone.

Changing the model so that a file valid before is refused now means: add a step here (its version is
FORMAT_VERSION + 1), raise FORMAT_VERSION, add a test to tests/test_migrate.py, and record the new
schema fingerprint (tests/test_migrate.py::test_the_model_changed_only_with_a_migration says how).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .text import Entry, MigrationConflict, YamlText


@dataclass
class Context:
    """What a step may ask for besides editing the text: the file's folder and a new name for it."""

    folder: str  # the file's folder under data/, e.g. wilayah/dumai
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


def pk_revision_in_its_own_block(doc: YamlText, ctx: Context) -> list[str]:
    """The revised agreement got its own block (date, reason, rows): its source moved into it."""
    return move(doc, ctx, ("perjanjian_kinerja", "perubahan_sumber"), ("perjanjian_kinerja", "perubahan", "sumber"))


def kota_folder_named_kota(doc: YamlText, ctx: Context) -> list[str]:
    """A kota's folder is named kota-<nama>, so that a kota and a kabupaten of one name (Kota and Kabupaten
    Bekasi) can both be in the data."""
    folder = ctx.folder.rsplit("/", 1)[-1]
    if doc.scalar("jenis") != "kota" or folder.startswith("kota-"):
        return []
    ctx.rename_folder = f"kota-{folder}"
    return [f"folder {folder} -> kota-{folder}"]


def format_version_in_every_file(doc: YamlText, ctx: Context) -> list[str]:
    """Every file states its format (the runner writes the key)."""
    return []


STEPS: list[Step] = [
    Step(2, "2026-12-02", "335aa29", "PK perubahan dalam bloknya sendiri (perjanjian_kinerja.perubahan)",
         frozenset({"tahunan"}), pk_revision_in_its_own_block),
    Step(3, "2026-12-02", "3595967", "folder kota bernama kota-<nama>", frozenset({"kabupaten"}),
         kota_folder_named_kota),
    Step(4, "2026-12-07", "", "versi format di setiap berkas (versi_format)",
         frozenset({"skala", "rumus", "indikator", "akip", "kabupaten", "profil", "renstra", "tahunan"}),
         format_version_in_every_file),
]
