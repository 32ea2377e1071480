"""`python -m builder migrate`: bring data files written for an earlier model to the current format.

Why a version per file rather than per data folder: files travel alone. A pull request carries a few files
written weeks ago into a folder that merging `main` has brought up to date, and staff copy a file from
another kecamatan; only a version inside the file says what that file was written for.

The plan is made without writing anything (`--periksa` stops there); then each changed file is replaced
atomically and folders are renamed. Every step edits the text in place (migrate/text.py), so comments, key order
and the printed form of every number stay as they were.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..load import discover, file_kind, in_scope, load_regions
from ..models.common import FORMAT_VERSION, FORMAT_VERSION_KEY
from .steps import STEPS, Context, Step
from .text import YamlText

__all__ = ["FileMigration", "MigrationPlan", "apply_plan", "bring_forward", "file_version", "migrate_text",
           "plan_migration"]

assert STEPS[-1].version == FORMAT_VERSION, "the last migration step must produce models.common.FORMAT_VERSION"


@dataclass
class FileMigration:
    path: Path
    display: str
    version: int  # the version the file states (1 when it states none)
    original: str  # the text as it was
    text: str  # the migrated text
    changes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what a person must look at
    changed: bool = False
    empty: bool = False  # no data at all (only comments, `---` or `~`)


@dataclass
class MigrationPlan:
    files: list[FileMigration] = field(default_factory=list)  # only those that change
    renames: list[tuple[Path, Path]] = field(default_factory=list)  # folders
    file_renames: list[tuple[Path, Path]] = field(default_factory=list)  # (current name, new name)
    refused: list[str] = field(default_factory=list)  # files left alone, and why

    def patch(self, item: FileMigration) -> str:
        """What migrating changes in one file, as a unified diff (for staff who edit on the GitHub website)."""
        return "".join(difflib.unified_diff(item.original.splitlines(keepends=True), item.text.lstrip("\ufeff")
                                            .splitlines(keepends=True), item.display, item.display, n=2))

    @property
    def empty(self) -> bool:
        return not self.files and not self.renames and not self.file_renames and not self.refused


def file_version(root: yaml.Node | None) -> int | str:
    """The version a parsed file states: an int, 1 when it states none, or why its statement is unreadable."""
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == FORMAT_VERSION_KEY:
                if isinstance(value, yaml.ScalarNode) and value.value.isdigit():
                    return int(value.value)
                return f"{FORMAT_VERSION_KEY} harus bilangan bulat, bukan {value.value!r}"[:120]
    return 1


def migrate_text(text: str, kind: str, folder: str, regions: dict | None = None) -> tuple[FileMigration, Context]:
    """One file's text brought to FORMAT_VERSION (raises yaml.YAMLError on text that is not YAML)."""
    doc = YamlText(text)
    version = file_version(doc.root)
    if isinstance(version, str):
        raise ValueError(version)
    result = FileMigration(Path(), "", version, text, text)
    ctx = Context(folder, kind=kind, regions=regions)
    result.empty = doc.root is None or (isinstance(doc.root, yaml.ScalarNode) and doc.root.value in ("", "~", "null"))
    if version > FORMAT_VERSION or not isinstance(doc.root, yaml.MappingNode):
        return result, ctx
    for step in _steps_after(version, kind):
        for change in step.apply(doc, ctx):
            result.changes.append(f"{change} (versi {step.version}, {step.what})")
    if version < FORMAT_VERSION:
        doc.set_top_scalar(FORMAT_VERSION_KEY, str(FORMAT_VERSION))
    result.text = doc.text
    result.notes = ctx.notes
    result.changed = doc.text != text
    return result, ctx


def _steps_after(version: int, kind: str) -> list[Step]:
    return [s for s in STEPS if s.version > version and kind in s.kinds]


def plan_migration(data_dir: Path, scope: tuple[str, ...] = ()) -> MigrationPlan:
    """What migrating the data folder (or the scope's folders) would change, without writing anything."""
    data_dir = Path(data_dir).resolve()
    plan = MigrationPlan()
    regions = load_regions(data_dir)
    paths, _refused = discover(data_dir)
    renamed = _upper_case_extensions(data_dir, plan, scope)
    for path in sorted(paths + list(renamed)):
        source = renamed.get(path, path)  # the file as it is named now
        relative = path.relative_to(data_dir).as_posix()
        kind = file_kind(relative)
        if kind is None or not in_scope(relative, scope):
            continue
        display = path.relative_to(data_dir.parent).as_posix()
        raw = source.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
            result, ctx = migrate_text(text, kind, str(Path(relative).parent.as_posix()), regions)
        except (UnicodeDecodeError, yaml.YAMLError, ValueError) as error:
            plan.refused.append(f"{display}: tidak dapat dibaca sebagai YAML, dibiarkan ({_first_line(error)}); "
                                "perbaiki dulu menurut python -m builder validate")
            continue
        if result.version > FORMAT_VERSION:
            plan.refused.append(f"{display}: versi_format {result.version} lebih baru dari builder ini "
                                f"(versi {FORMAT_VERSION}); perbarui salinan repositori (git pull)")
            continue
        if raw.startswith(b"\xef\xbb\xbf") and result.changed:
            result.text = "\ufeff" + result.text
        result.path, result.display = path, display
        if result.changed or path in renamed:
            plan.files.append(result)
        if result.empty:
            plan.refused.append(f"{display}: berkas kosong (hanya komentar, --- atau ~), yang dulu dilewati dan kini "
                                "ditolak; isi datanya atau hapus berkas ini (migrate tidak menghapus berkas)")
        if ctx.rename_folder:
            folder = path.parent
            target = folder.with_name(ctx.rename_folder)
            if target.exists():
                plan.refused.append(f"{folder.relative_to(data_dir.parent).as_posix()}: seharusnya bernama "
                                    f"{ctx.rename_folder}, tetapi folder itu sudah ada; gabungkan sendiri")
            else:
                plan.renames.append((folder, target))
    return plan


def _upper_case_extensions(data_dir: Path, plan: MigrationPlan, scope: tuple[str, ...]) -> dict[Path, Path]:
    """Data files named .YAML or .Yaml, which the model of 2026-11-24 skipped and today's refuses: renamed to .yaml
    (new name -> current name) where that name is free."""
    renamed = {}
    for path in sorted(data_dir.rglob("*")):
        if (path.suffix.lower() == ".yaml" and path.suffix != ".yaml" and path.is_file() and not path.is_symlink()
                and in_scope(path.relative_to(data_dir).as_posix(), scope)):
            target = path.with_suffix(".yaml")
            shown = path.relative_to(data_dir.parent).as_posix()
            if target.exists():
                plan.refused.append(f"{shown}: seharusnya berakhiran .yaml, tetapi {target.name} sudah ada; gabungkan "
                                    "sendiri")
            else:
                renamed[target] = path
                plan.file_renames.append((path, target))
    return renamed


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0][:120] if str(error).strip() else type(error).__name__


def apply_plan(plan: MigrationPlan) -> None:
    """Write every migrated file (each replaced in one rename, so a file is never half written), then rename
    the folders."""
    for source, target in plan.file_renames:
        source.rename(target)
    for item in plan.files:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=item.path.parent, delete=False,
                                         prefix=".migrasi-", suffix=".tmp", newline="") as handle:
            handle.write(item.text)
        os.chmod(handle.name, item.path.stat().st_mode & 0o777)
        os.replace(handle.name, item.path)
    for source, target in plan.renames:
        source.rename(target)


def bring_forward(data_dir: Path) -> Path:
    """Migrate a throwaway copy of the data (a past revision unpacked for the diff or the history page), so that
    data written for an earlier model is read by today's; returns the folder."""
    apply_plan(plan_migration(data_dir))
    return data_dir
