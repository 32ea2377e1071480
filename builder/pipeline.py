"""The pipeline: data folder -> load -> validate -> analyse -> audit -> site -> {page uri: content}.

Usable without MkDocs: `python -m builder pages --out DIR` writes the same
pages the MkDocs plugin hands to MkDocs. Kecamatan are analysed, audited and
rendered one at a time; only their small summaries are kept for the pages
over many kecamatan. The history of the data (`history.data_history`) is
computed by the caller and passed in, so the pipeline never depends on git.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from . import layout
from .analysis import country_of, iter_results, reference_of
from .analysis.results import Country, KecamatanResult, Reference
from .audit import Kind, audit_kecamatan
from .dataset import Dataset
from .load import in_scope, load_file
from .problems import DataError, Problem, Severity
from .provenance import Provenance
from .schema import field_reference
from .site import Pages, Publication, Site, SitePart
from .validate import REFERENCE_ONLY, kabupaten_scopes, load_and_validate

def valid_dataset(data_dir: Path, scope: tuple[str, ...] = ()) -> Dataset:
    """Load and validate; raise DataError if the data has errors (warnings pass)."""
    dataset, problems = load_and_validate(data_dir, scope)
    if any(p.is_error for p in problems):
        raise DataError(problems)
    return dataset


def analyse_data(data_dir: Path, scope: tuple[str, ...] = ()) -> tuple[Reference, list[KecamatanResult]]:
    """Every kecamatan's results (for the diff and the audit command; the site streams them instead)."""
    return analyse_dataset(valid_dataset(data_dir, scope))


def analyse_dataset(dataset: Dataset) -> tuple[Reference, list[KecamatanResult]]:
    """The results of a data set already validated (without errors)."""
    reference = reference_of(dataset.referensi)
    return reference, list(iter_results(dataset, reference))


def money_warnings(dataset: Dataset) -> list[Problem]:
    """The audit's money differences (lines that do not add up, totals printed otherwise than their rows, an
    agreement's jumlah anggaran) as warnings at their year file and line, for `validate`: the rule is the
    audit's, so staff see what the site will show, once."""
    warnings = []
    for kec in iter_results(dataset, reference_of(dataset.referensi)):
        for year, findings in audit_kecamatan(kec).items():
            files = dataset.kecamatan[kec.slug].files
            for f in findings:
                source = files.get(f.file or layout.year_file(kec.slug, year))
                if f.kind == Kind.DIFFERENCE and f.unit == "Rp" and source is not None:
                    warnings.append(Problem(
                        source.display, f.line, None, "",
                        f"{f.what} ({f.table}): laporan {f.stated_text}, dihitung {f.computed_text}; {f.cause}. "
                        "Periksa kembali angka laporan", Severity.WARNING))
    return warnings


def _site(data_dir: Path, publication: Publication | None) -> Site:
    """A site with the reference data and the whole country, before any kecamatan is added."""
    dataset = valid_dataset(data_dir, REFERENCE_ONLY)
    return Site(reference_of(dataset.referensi), country_of(dataset), publication or Publication(),
                fields=field_reference())


class PartCache:
    """The rendered pages and part of each kabupaten folder, by a hash of its files' content and of the reference
    data, kept across the rebuilds of `mkdocs serve`: an unchanged kabupaten is neither read nor re-rendered.
    One entry per folder, so editing does not grow it."""

    def __init__(self):
        self._entries: dict[tuple[str, ...], tuple[str, tuple]] = {}

    @staticmethod
    def digest(paths: list[Path]) -> str:
        digest = hashlib.sha256()
        for path in sorted(paths):
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        return digest.hexdigest()

    def key(self, data_dir: Path, scope: tuple[str, ...], reference_key: str) -> str:
        folder = data_dir / "wilayah" / scope[0].strip("/").split("/")[0]
        files = [p for p in folder.rglob("*.yaml")
                 if in_scope(p.relative_to(data_dir).as_posix(), scope)] if folder.is_dir() else []
        return reference_key + self.digest(files) + repr(scope)

    def get(self, scope: tuple[str, ...], key: str) -> tuple | None:
        entry = self._entries.get(scope)
        return entry[1] if entry and entry[0] == key else None

    def put(self, scope: tuple[str, ...], key: str, value: tuple) -> None:
        self._entries[scope] = (key, value)


def _render_part(site: Site, data_dir: Path, scope: tuple[str, ...],
                 provenance: Provenance) -> tuple[list, Pages, SitePart | None]:
    """One kabupaten folder validated, analysed, audited and rendered: (its problems, its pages, its part)."""
    dataset, problems = load_and_validate(data_dir, scope)
    if any(p.is_error for p in problems):
        return problems, {}, None
    part = site.blank()
    part.mark(country_of(dataset))
    reference = reference_of(dataset.referensi)
    for kec in iter_results(dataset, reference):
        folder = data_dir / "wilayah" / kec.slug
        sources = [provenance.read(p.relative_to(data_dir).as_posix()) for p in sorted(folder.glob("*.yaml"))]
        part.add(kec, audit_kecamatan(kec), sources)
    return problems, part.pages, part.part()


def _add_kecamatan(site: Site, data_dir: Path, scope: tuple[str, ...], cache: PartCache | None = None,
                   provenance: Provenance | None = None) -> None:
    """Add the kecamatan one kabupaten folder at a time: memory holds one kabupaten's data plus the rendered pages
    and the summaries, whatever the size of the country. Every problem of every folder is reported before
    anything fails; those of what every folder reads (referensi, files loose in wilayah/) once."""
    data_dir = data_dir.resolve()
    provenance = provenance or Provenance(data_dir, use_git=False)
    reference_key = PartCache.digest([p for p in (data_dir / "referensi").rglob("*") if p.is_file()]) if cache else ""
    problems, seen = [], set()
    for part_scope in kabupaten_scopes(data_dir, scope):
        key = cache.key(data_dir, part_scope, reference_key) if cache else ""
        entry = cache.get(part_scope, key) if cache else None
        if entry is None:
            entry = _render_part(site, data_dir, part_scope, provenance)
            if cache:
                cache.put(part_scope, key, entry)
        found, pages, part = entry
        problems += [p for p in found if str(p) not in seen]
        seen.update(str(p) for p in found)
        if part is not None:
            site.absorb(part, pages)
    if any(p.is_error for p in problems):
        raise DataError(problems)


def run(data_dir: Path, publication: Publication | None = None, history=None, scope: tuple[str, ...] = (),
        cache: PartCache | None = None, provenance: Provenance | None = None) -> Pages:
    """Every generated page and file of the site: {uri: Markdown text or bytes}. With a scope (kabupaten or
    kabupaten/kecamatan folders) only those kecamatan are read and shown, for a preview whatever the data's size;
    with a cache, unchanged kabupaten folders are taken from it. `publication` says where the site and the
    repository are (links and citations); `provenance` reads the data files for the source pages (pass
    Provenance(data_dir) for the dates of each line from git)."""
    site = _site(data_dir, publication)
    _add_kecamatan(site, data_dir, scope, cache, provenance)
    if scope:  # a preview: only the provinsi it shows, so it costs what its folders cost
        site.country = Country(tuple(p for p in site.country.provinces if p.reported))
    return site.finish(history)


# -- Shards: the country built a few provinsi at a time -------------------------------------------------------
#
# A shard reads and renders only the kecamatan of its provinsi (`run_shard`) and hands on a small SitePart; the
# pages over every kecamatan (home, areas, comparisons, downloads) are then made from all parts without reading
# any kecamatan file (`run_national`). No single step holds the whole country. See content/operator.md.


def provinsi_of_folders(data_dir: Path) -> dict[str, str]:
    """Each kabupaten folder's provinsi code, from the `kode` of its kabupaten.yaml ("" when it has none readable,
    which only the whole build, or validate, then reports). Each kabupaten.yaml is parsed once."""
    data_dir = data_dir.resolve()
    out = {}
    for (folder,) in kabupaten_scopes(data_dir):
        path = data_dir / "wilayah" / folder / "kabupaten.yaml"
        data = load_file(path, data_dir, data_dir.parent).data if path.is_file() else None
        code = data.get("kode") if isinstance(data, dict) else None
        out[folder] = code.split(".")[0] if isinstance(code, str) else ""
    return out


def provinsi_scope(data_dir: Path, provinsi: tuple[str, ...]) -> tuple[str, ...]:
    """The kabupaten folders of these provinsi."""
    folders = [folder for folder, code in provinsi_of_folders(data_dir).items() if code in provinsi]
    return tuple(folders) or REFERENCE_ONLY


def run_shard(data_dir: Path, provinsi: tuple[str, ...], publication: Publication | None = None,
              provenance: Provenance | None = None) -> tuple[Pages, SitePart]:
    """The kecamatan pages of some provinsi, and the part the pages over every kecamatan need of them."""
    site = _site(data_dir, publication)
    scope = provinsi_scope(data_dir, provinsi)
    if scope != REFERENCE_ONLY:
        _add_kecamatan(site, data_dir, scope, provenance=provenance)
    return site.pages, site.part()


def run_national(data_dir: Path, parts: list[SitePart], publication: Publication | None = None,
                 history=None) -> Pages:
    """The pages over every kecamatan (and the area pages) from the shards' parts; reads only data/referensi/."""
    site = _site(data_dir, publication)
    for part in parts:
        site.absorb(part)
    return site.finish(history)


OUTPUT_MARKER = ".halaman-kinerja-kecamatan"  # in every folder `write_pages` made, and only there


class OutputError(Exception):
    """A folder `write_pages` must not replace; the message is in Bahasa Indonesia."""


def check_output_folder(out: Path, protected: list[Path]) -> None:
    """Refuse to replace anything but a previous output of ours: never a protected folder (the data, the builder),
    a parent of one (the project) or a folder inside one, and never a folder with other content."""
    out = out.resolve()
    for folder in protected:
        folder = folder.resolve()
        if out == folder or out in folder.parents or folder in out.parents:
            raise OutputError(f"folder keluaran {out} adalah, memuat atau berada di dalam {folder}, yang tidak boleh "
                              "ditimpa atau diisi; pilih folder keluaran lain, mis. build/halaman")
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / OUTPUT_MARKER).is_file())):
        raise OutputError(f"{out} sudah ada dan bukan keluaran `pages` sebelumnya (tidak ada berkas {OUTPUT_MARKER}); "
                          "tidak ditimpa. Pilih folder baru atau kosong")


def write_pages(pages: Pages, out: Path, protected: list[Path] = ()) -> None:
    """Write pages to a folder (for any Markdown site engine), replacing it only when complete, and only if it is
    empty or a previous output of ours (see check_output_folder)."""
    check_output_folder(out, list(protected))
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=out.name + ".", dir=out.parent))
    try:
        for uri in pages:
            path = (staging / uri).resolve()
            if staging.resolve() not in path.parents:
                raise OutputError(f"alamat halaman keluar dari folder keluaran: {uri!r}")
            path.parent.mkdir(parents=True, exist_ok=True)
            on_disk = pages.path_of(uri) if isinstance(pages, Pages) else None
            if on_disk:
                try:
                    os.link(on_disk, path)  # the same bytes, not written twice
                except OSError:
                    shutil.copyfile(on_disk, path)
                continue
            content = pages[uri]
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        (staging / OUTPUT_MARKER).write_text("Dibuat oleh `python -m builder pages`; boleh ditimpa olehnya.\n",
                                             encoding="utf-8")
        if out.exists():  # swapped through a new folder of our own: nothing beside `out` is touched
            old = Path(tempfile.mkdtemp(prefix=out.name + ".lama-", dir=out.parent))
            out.rename(old)  # (an empty folder is replaced)
            staging.rename(out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
