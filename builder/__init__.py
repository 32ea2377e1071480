"""Kinerja Kecamatan builder: YAML reports -> validated, analysed, audited pages.

The public API, used by the command line (`python -m builder`) and the
MkDocs plugin; everything else is internal to its stage:

    load -> validate -> (dataset) -> analysis -> audit -> site -> pipeline
"""

from .audit import audit_kecamatan
from .diff import diff_sources
from .models.common import FORMAT_VERSION, FORMAT_VERSION_KEY
from .history import HistoryCache, data_history, head_commit
from .pipeline import (
    OutputError, PartCache, analyse_data, analyse_dataset, check_output_folder, money_warnings, provinsi_of_folders, run, run_national, run_shard, valid_dataset,
    write_pages,
)
from .problems import DataError, Problem
from .provenance import Provenance
from .site import Pages, Publication
from .scaffold import Scaffold, ScaffoldError, new_kecamatan, new_year, write_new
from .schema import check_schemas, write_schemas
from .validate import load_and_validate
from .versions import VersionError

__all__ = [
    "DataError", "FORMAT_VERSION", "FORMAT_VERSION_KEY", "HistoryCache", "OutputError", "Pages", "PartCache", "Provenance", "Publication", "Problem", "Scaffold", "ScaffoldError", "VersionError", "analyse_data", "analyse_dataset", "audit_kecamatan", "check_output_folder", "check_schemas",
    "data_history", "diff_sources", "head_commit", "load_and_validate", "money_warnings", "new_kecamatan", "new_year", "provinsi_of_folders", "run", "run_national", "run_shard",
    "valid_dataset", "write_new", "write_pages", "write_schemas",
]
