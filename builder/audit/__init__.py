"""Stage 4, audit: where the report's own figures differ from the recomputation.

Reads analysis results only. A stated figure that is not our figure rounded
to the stated decimals becomes a Finding, with the table it comes from and,
where the numbers tell, the likely cause: truncation instead of rounding,
rounding to fewer decimals, another formula, another target printed
elsewhere, or an amount (such as a grant) that one total includes and
another does not.
"""

from __future__ import annotations

from ..analysis.results import KecamatanResult
from .checks import YearAudit
from .findings import Finding, Kind, explain

__all__ = ["Finding", "Kind", "audit_kecamatan", "explain"]


def audit_kecamatan(kec: KecamatanResult) -> dict[int, list[Finding]]:
    """Findings per year of one kecamatan."""
    return {year.year: YearAudit(kec, year).run() for year in kec.years}
