"""The pipeline: data folder -> load -> validate -> analyse -> audit -> site -> {page uri: content}.

Usable without MkDocs: `python -m builder pages --out DIR` writes the same
pages the MkDocs plugin hands to MkDocs. Kecamatan are analysed, audited and
rendered one at a time; only their small summaries are kept for the pages
over many kecamatan. The history of the data (`history.data_history`) is
computed by the caller and passed in, so the pipeline never depends on git.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from .analysis import iter_results, reference_of
from .analysis.results import KecamatanResult, Reference
from .audit import audit_kecamatan
from .dataset import Dataset
from .problems import DataError
from .site import Pages, Site
from .validate import load_and_validate

def valid_dataset(data_dir: Path) -> Dataset:
    """Load and validate; raise DataError if the data has errors (warnings pass)."""
    dataset, problems = load_and_validate(data_dir)
    if any(p.is_error for p in problems):
        raise DataError(problems)
    return dataset


def analyse_data(data_dir: Path) -> tuple[Reference, list[KecamatanResult]]:
    """Every kecamatan's results (for the diff and the audit command; the site streams them instead)."""
    dataset = valid_dataset(data_dir)
    reference = reference_of(dataset.referensi)
    return reference, list(iter_results(dataset, reference))


def run(data_dir: Path, repo_url: str | None = None, history=None) -> Pages:
    """Every generated page and file of the site: {uri: Markdown text or bytes}."""
    dataset = valid_dataset(data_dir)
    reference = reference_of(dataset.referensi)
    site = Site(reference, repo_url)
    for kec in iter_results(dataset, reference):
        site.add(kec, audit_kecamatan(kec))
    return site.finish(history)


def write_pages(pages: Pages, out: Path) -> None:
    """Write pages to a folder (for any Markdown site engine), replacing it only when complete."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=out.name + ".", dir=out.parent))
    try:
        for uri, content in pages.items():
            path = staging / uri
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
