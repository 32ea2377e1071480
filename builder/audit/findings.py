"""A finding: a figure the report prints that is not our figure correctly rounded, and why."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ..formatting import decimals_of, number, percent, round_half_up, rupiah, truncate

TOLERANCE = Decimal("0.01")


class Kind(StrEnum):
    DIFFERENCE = "selisih"  # more than 0.01 apart
    TRUNCATED = "pemotongan"  # digits cut off instead of rounded
    ROUNDING = "pembulatan"  # at most 0.01 apart for another reason


@dataclass(frozen=True)
class Finding:
    table: str  # where the report prints the figure
    what: str  # what the figure is, in Indonesian
    stated: object
    computed: object
    unit: str  # "%", "Rp", "" (for display)
    cause: str
    kind: Kind

    @property
    def difference(self) -> Decimal | None:
        if isinstance(self.stated, Decimal) and isinstance(self.computed, Decimal):
            return self.stated - self.computed
        return None

    def _show(self, value) -> str:
        if value is None:
            return "tidak dapat dihitung"
        if isinstance(value, str):
            return value
        if self.unit == "Rp":
            return rupiah(value)
        if self.unit == "%":
            return percent(value)
        return number(value)

    @property
    def stated_text(self) -> str:
        return self._show(self.stated)

    @property
    def computed_text(self) -> str:
        return self._show(self.computed)


def explain(stated: Decimal, exact: Decimal, alternatives, unit: str, money: list[tuple[str, Decimal]]) -> tuple[Kind, str]:
    """Kind and likely cause of a printed figure that is not our figure correctly rounded.

    Tries, in order: truncation, a rounding slip of at most 0.01, each
    alternative reading the analysis offers (another formula, another printed
    target ...), and for money an amount named elsewhere in the report.
    """
    places = min(decimals_of(stated), 2)
    if truncate(exact, places) == stated:
        return Kind.TRUNCATED, (f"laporan memotong angka ({number(exact, places + 2)} menjadi {number(stated)}), "
                                "bukan membulatkan")
    if abs(stated - round_half_up(exact)) <= TOLERANCE:
        return Kind.ROUNDING, "selisih pembulatan kecil (paling banyak 0,01)"
    for label, alt in alternatives:
        if alt is None:
            continue
        if round_half_up(alt, places) == stated or truncate(alt, places) == stated:
            return Kind.DIFFERENCE, f"cocok dengan {label} ({number(alt)})"
    if unit == "Rp":
        diff = stated - exact
        for name, amount in money:
            if abs(diff) == amount:
                return Kind.DIFFERENCE, (f"selisihnya sama dengan {name} ({rupiah(amount)}) "
                                         "yang hanya masuk di salah satu total")
    return Kind.DIFFERENCE, "penyebab tidak dapat ditentukan dari angka"
