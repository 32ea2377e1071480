"""Stage 2, validate: check every file against its model, then across files.

`load_and_validate` returns the Dataset (builder/dataset.py: the valid models
grouped by kabupaten and kecamatan) and every problem, errors and warnings.
Messages are in Bahasa Indonesia and name file, line, column and field path.

Modules: `messages` (model validation, pydantic errors in Indonesian),
`report` (the Reporter the checks write to), and the checks by file kind:
`reference` (referensi/*.yaml), `regions` (folders, kabupaten.yaml,
profil.yaml), `renstra`, `year` (<tahun>.yaml) and `budget` (its anggaran).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from ..dataset import Dataset, assemble
from ..load import SourceFile, load_all, load_regions
from ..models.common import FORMAT_VERSION, FORMAT_VERSION_KEY
from ..problems import Problem
from . import reference, regions, renstra, year
from .messages import validate_model
from .report import Reporter

__all__ = ["REFERENCE_ONLY", "kabupaten_scopes", "load_and_validate", "run_checks"]


def load_and_validate(data_dir: Path, scope: tuple[str, ...] = ()) -> tuple[Dataset, list[Problem]]:
    """Load every file under `data_dir` (or those of the scope's folders, see load.in_scope), validate it,
    assemble the data set and check across files."""
    files, refused = load_all(data_dir, scope)
    validated: dict[str, BaseModel] = {}
    for source in files:
        if not source.kind or (source.data is None and source.problems):
            continue  # not a data file, or unreadable: load already said why
        if source.data is None:  # nothing in it, or only comments, `---` or `~`
            source.problems.append(Problem(source.display, 1, 1, "", "berkas kosong"))
            continue
        check_format_version(source, Path(data_dir))
        model = validate_model(source)
        if model is not None:
            validated[source.relative] = model
    dataset = assemble(files, validated)
    dataset.regions = load_regions(Path(data_dir).resolve())
    report = Reporter()
    run_checks(report, dataset, validated, Path(data_dir).resolve().name)
    for source in files:  # every message that needs a line is written
        source.release()
    return dataset, refused + [p for s in files for p in s.problems] + report.problems


def check_format_version(source: SourceFile, data_dir: Path) -> None:
    """A file written for another format says so before any other message about it, with the command that
    brings it forward (builder/migrate)."""
    if not isinstance(source.data, dict):
        return  # not a mapping: the model's message says what the file should be
    stated = source.data.get(FORMAT_VERSION_KEY)
    if stated == FORMAT_VERSION or (stated is not None and (not isinstance(stated, int) or isinstance(stated, bool))):
        return  # the current format, or a value the model refuses with its own message
    parts = source.relative.split("/")
    folder = "/".join(parts[1:-1]) if parts[0] == "wilayah" else ""
    data = "" if Path(data_dir).resolve() == (Path.cwd() / "data").resolve() else f" --data {data_dir}"
    command = f"python -m builder{data} migrate {folder}".rstrip()
    if stated is not None and stated > FORMAT_VERSION:
        message = (f"berkas ini ditulis untuk format data versi {stated}, lebih baru dari builder ini (versi "
                   f"{FORMAT_VERSION}); perbarui salinan repositori (git pull) lalu periksa lagi")
    else:
        since = "ditulis sebelum berkas data menyatakan versinya" if stated is None else f"versi {stated}"
        message = (f"berkas ini ditulis untuk format data yang lebih lama ({since}; versi sekarang "
                   f"{FORMAT_VERSION}). Jalankan: {command} — perintah itu memperbarui susunan berkas tanpa mengubah "
                   "angka, komentar atau urutannya, dan mencetak apa yang diubah. Pesan lain untuk berkas ini "
                   "mungkin hilang sesudahnya.")
    source.problems.insert(0, Problem(source.display, 1, 1, FORMAT_VERSION_KEY, message))


REFERENCE_ONLY = ("",)  # a scope no kabupaten folder matches: only data/referensi/ is read


def kabupaten_scopes(data_dir: Path, scope: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The scope split into one kabupaten folder each (every folder under wilayah/ when the scope is empty)."""
    if scope:
        grouped: dict[str, list[str]] = {}
        for entry in scope:
            grouped.setdefault(entry.strip("/").split("/")[0], []).append(entry)
        return [tuple(entries) for _, entries in sorted(grouped.items())]
    wilayah = Path(data_dir) / "wilayah"
    folders = sorted(p.name for p in wilayah.iterdir() if p.is_dir() and not p.is_symlink()) if wilayah.is_dir() else []
    return [(name,) for name in folders]


def run_checks(report: Reporter, dataset: Dataset, validated: dict[str, BaseModel], data_name: str = "data") -> None:
    """The checks that look across files, in the order their messages are listed.

    `validated` maps each valid file (path relative to the data folder) to its model; `data_name` is
    the data folder's name, as messages show it.
    """
    ref = dataset.referensi
    if ref is None:
        if not any(s.problems for s in dataset.files if s.relative.startswith("referensi/")):
            report.report_file(f"{data_name}/referensi",
                               "berkas referensi (skala, rumus, indikator, akip) tidak lengkap")
        return
    files = {s.relative: s for s in dataset.files}
    reference.check_reference(report, ref, files)
    regions.check_folders(report, dataset)
    regions.check_codes_unique(report, dataset, files)
    for kab in dataset.kabupaten.values():
        regions.check_kabupaten(report, files[f"wilayah/{kab.slug}/kabupaten.yaml"], kab, ref, dataset.regions)
    for kec in dataset.kecamatan.values():
        regions.check_profil(report, files[f"wilayah/{kec.slug}/profil.yaml"], kec,
                             dataset.kabupaten.get(kec.kabupaten_slug), ref, dataset.regions)
        renstra.check_renstra_files(report, kec, validated, ref)
        year.check_year_files(report, kec, ref, files, dataset.regions)
