"""A finding: a figure the report prints that is not our figure correctly rounded, and why."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ..formatting import decimals_of, number, percent, round_half_up, rupiah, truncate

TOLERANCE = Decimal("0.01")  # raw values (targets, realisasi) printed differently


class Kind(StrEnum):
    """How a printed figure relates to ours, at the precision it was printed with."""

    DIFFERENCE = "selisih"  # a real difference: more than one unit of the last printed digit
    TRUNCATED = "pemotongan"  # digits cut off instead of rounded
    ROUNDING = "pembulatan"  # rounded another way: at most one unit of the last printed digit
    UNCHECKABLE = "tidak-dapat-diperiksa"  # the data holds no figure of ours to compare with

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def minor(self) -> bool:
        return self in (Kind.TRUNCATED, Kind.ROUNDING)


_KIND_LABELS = {Kind.DIFFERENCE: "Selisih", Kind.TRUNCATED: "Pemotongan", Kind.ROUNDING: "Pembulatan",
                Kind.UNCHECKABLE: "Tidak dapat diperiksa"}


@dataclass(frozen=True)
class Finding:
    table: str  # where the report prints the figure
    what: str  # what the figure is, in Indonesian
    stated: object
    computed: object
    unit: str  # "%", "Rp", "" (for display)
    cause: str
    kind: Kind
    line: int | None = None  # the line of the data file holding the figure, when the audit knows it
    file: str | None = None  # that data file (relative to data/), when not the year's own file

    @property
    def places(self) -> int:
        """The decimals the report printed the figure with (our figure is shown with at least two)."""
        return decimals_of(self.stated) if isinstance(self.stated, Decimal) else 2

    def _show(self, value, places: int) -> str:
        if value is None:
            return "tidak dapat dihitung"
        if isinstance(value, str):
            return value
        if self.unit == "Rp":
            return rupiah(value)
        if self.unit == "%":
            return percent(value, places)
        return number(value, places)

    @property
    def stated_text(self) -> str:
        return self._show(self.stated, self.places)

    @property
    def computed_text(self) -> str:
        value, places = self.computed, self.places
        if self.unit == "%" or (isinstance(value, Decimal) and value != value.to_integral_value() and not places):
            places = max(places, 2)  # enough digits to see how ours differs
        return self._show(value, places)


# Readings of the same quantity from the report's own printed (rounded) figures: a match is a rounding matter.
SAME_QUANTITY = {"rata-rata dari capaian yang dicetak laporan"}


def printed_equal(stated: Decimal, exact: Decimal) -> bool:
    """The printed figure is ours rounded half up to the decimals it was printed with."""
    return stated == round_half_up(exact, decimals_of(stated))


def same_figure(stated: Decimal, raw: Decimal) -> bool:
    """A raw value (target, realisasi) printed again in another table: the same figure when it is within the
    tolerance, or when the other table prints it with fewer decimals (91,7 for 91,67; rounded or cut)."""
    return abs(stated - raw) <= TOLERANCE or (decimals_of(stated) < decimals_of(raw) and matches(stated, raw))


def matches(stated: Decimal, value: Decimal) -> bool:
    """Another reading explains a printed figure: rounded or cut to its printed decimals."""
    places = decimals_of(stated)
    return round_half_up(value, places) == stated or truncate(value, places) == stated


def explain(stated: Decimal, exact: Decimal, alternatives, unit: str, money: list[tuple[str, Decimal]]) -> tuple[Kind, str]:
    """Kind and likely cause of a printed figure that is not our figure correctly rounded.

    At the precision the figure was printed with, tries in order: truncation,
    a rounding slip of at most one unit of the last printed digit, each
    alternative reading the analysis offers (another formula, another printed
    target ...), and for money an amount named elsewhere in the report.
    """
    places = decimals_of(stated)

    def shown(value: Decimal, digits: int) -> str:
        return rupiah(value) if unit == "Rp" else number(value, digits)

    for label, alt in alternatives:  # another printed figure that explains it exactly comes first
        if alt is not None and round_half_up(alt, places) == stated and round_half_up(exact, places) != stated:
            return Kind.DIFFERENCE, f"cocok dengan {label} ({shown(alt, max(places, 2))})"
    if truncate(exact, places) == stated:
        return Kind.TRUNCATED, (f"laporan memotong angka ({number(exact, places + 2)} menjadi {number(stated, places)}), "
                                "bukan membulatkan")
    if abs(stated - exact) <= Decimal(1).scaleb(-places):
        return Kind.ROUNDING, (f"dibulatkan lain: selisihnya kurang dari satu satuan angka terakhir yang dicetak "
                               f"({number(Decimal(1).scaleb(-places), places)})")
    for label, alt in alternatives:
        if alt is not None and matches(stated, alt):
            if round_half_up(alt, places) == stated:
                return Kind.DIFFERENCE, f"cocok dengan {label} ({shown(alt, max(places, 2))})"
            if label in SAME_QUANTITY:  # our figure computed from the report's own rounded figures, then cut
                return Kind.TRUNCATED, (f"laporan menghitung dari angkanya sendiri yang sudah dibulatkan lalu memotong "
                                        f"hasilnya: {label} {number(alt, places + 2)} menjadi {number(stated, places)}")
            return Kind.DIFFERENCE, f"cocok dengan {label} ({number(alt, places + 2)}, dipotong menjadi {number(stated, places)})"
    if unit == "Rp":
        diff = stated - exact
        for name, amount in money:
            if abs(diff) == amount:
                return Kind.DIFFERENCE, (f"selisihnya sama dengan {name} ({rupiah(amount)}) "
                                         "yang hanya masuk di salah satu total")
    return Kind.DIFFERENCE, "penyebab tidak dapat ditentukan dari angka"
