"""The pipeline: data dir -> validate -> compute -> render -> {page uri: content}.

Usable without MkDocs: `python -m builder pages --out DIR` writes the same
pages the MkDocs plugin hands to MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from .analysis import SiteModel, analyse
from .problems import DataError
from .validate import load_and_validate


def build_model(data_dir: Path) -> SiteModel:
    """Load, validate and compute; raise DataError if the data has errors."""
    dataset, problems = load_and_validate(data_dir)
    errors = [p for p in problems if p.severity == "galat"]
    if errors:
        raise DataError(problems)
    return analyse(dataset)
