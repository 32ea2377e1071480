"""Stage 3, analysis: the validated data set -> results (every figure, computed once).

Each kecamatan is analysed from its own data plus the reference data, so a
build can take one kecamatan at a time (`iter_results`) and memory stays
bounded by the largest kecamatan, not by the country.
"""

from __future__ import annotations

from typing import Iterator

from ..dataset import Dataset
from .country import country_of
from .kecamatan import analyse_kecamatan
from .reference import reference_of
from .results import KecamatanResult, Reference

__all__ = ["analyse_kecamatan", "country_of", "iter_results", "reference_of"]


def iter_results(dataset: Dataset, reference: Reference) -> Iterator[KecamatanResult]:
    """The results of every kecamatan, in slug order, one at a time."""
    for slug in sorted(dataset.kecamatan):
        kec = dataset.kecamatan[slug]
        yield analyse_kecamatan(kec, dataset.kabupaten[kec.kabupaten_slug].kabupaten, dataset.referensi, reference)
