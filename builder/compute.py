"""Small pure functions for every derived figure, and the registry of formula ids.

All functions take and return exact Decimals (or None when a figure cannot
be computed); rounding happens once, in formatting.round_half_up, when a
figure is shown or compared. A kecamatan chooses its formulas by the ids in
data/referensi/rumus.yaml; `CAPAIAN_TURUN` and `EFISIENSI` map each id to its
implementation and unit, and `validate` refuses an id that has none.
"""

from __future__ import annotations

from decimal import Decimal
from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from .models import Skala, Tingkat

HUNDRED = Decimal(100)
Num = Optional[Decimal]

# --------------------------------------------------------------------------
# Capaian (achievement, %)
# --------------------------------------------------------------------------


def capaian_higher_is_better(target: Decimal, realisasi: Decimal) -> Num:
    """realisasi / target x 100 (undefined for a zero target)."""
    if target == 0:
        return None
    return realisasi / target * HUNDRED


def capaian_target_per_realisasi(target: Decimal, realisasi: Decimal) -> Num:
    """Lower is better: target / realisasi x 100. Zero realisasi meets any target fully."""
    if realisasi == 0:
        return HUNDRED if target == 0 else None
    return target / realisasi * HUNDRED


def capaian_two_targets_minus_realisasi(target: Decimal, realisasi: Decimal) -> Num:
    """Lower is better: (2 x target - realisasi) / target x 100."""
    if target == 0:
        return HUNDRED if realisasi == 0 else None
    return (2 * target - realisasi) / target * HUNDRED


@dataclass(frozen=True)
class Formula:
    """An implementation of a formula id, and the unit of what it returns ("%" or "" for a ratio)."""

    function: Callable[[Decimal, Decimal], Num]
    unit: str


CAPAIAN_TURUN: dict[str, Formula] = {
    "target-per-realisasi": Formula(capaian_target_per_realisasi, "%"),
    "dua-target-kurang-realisasi": Formula(capaian_two_targets_minus_realisasi, "%"),
}
"""Capaian of a lower-is-better indicator, by the ids of referensi/rumus.yaml `capaian_turun`."""


def ordinal_rank(code: str, scale: Skala) -> int | None:
    """Position on an ordinal scale counted from the bottom (lowest level = 1)."""
    codes = [t.kode for t in scale.tingkat]
    if code not in codes:
        return None
    return len(codes) - codes.index(code)


def position_against(realisasi, benchmark, polaritas: str, scale: Skala | None = None) -> str | None:
    """Whether a realisasi is "lebih baik", "sama" or "lebih buruk" than a benchmark, in the indicator's direction
    (a predikat by its rank on the scale); None when they cannot be compared."""
    if isinstance(realisasi, str) or isinstance(benchmark, str):
        if scale is None or not (isinstance(realisasi, str) and isinstance(benchmark, str)):
            return None
        realisasi, benchmark = ordinal_rank(realisasi, scale), ordinal_rank(benchmark, scale)
    if realisasi is None or benchmark is None:
        return None
    if realisasi == benchmark:
        return "sama"
    return "lebih baik" if (realisasi > benchmark) == (polaritas == "naik") else "lebih buruk"


def capaian_categorical(target: str, realisasi: str, scale: Skala) -> Num:
    """Categorical target (e.g. predikat BB): rank(realisasi) / rank(target) x 100."""
    t, r = ordinal_rank(target, scale), ordinal_rank(realisasi, scale)
    if t is None or r is None:
        return None
    return Decimal(r) / Decimal(t) * HUNDRED


def capaian(
    target, realisasi, polaritas: str, lower_formula: str, scale: Skala | None = None
) -> Num:
    """Capaian of one indicator under its polarity and the declared formula."""
    if target is None or realisasi is None:
        return None
    if isinstance(target, str) or isinstance(realisasi, str):
        if isinstance(target, str) and isinstance(realisasi, str) and scale is not None:
            return capaian_categorical(target, realisasi, scale)
        return None
    if polaritas == "turun":
        return CAPAIAN_TURUN[lower_formula].function(target, realisasi)
    return capaian_higher_is_better(target, realisasi)


# --------------------------------------------------------------------------
# Scales
# --------------------------------------------------------------------------


def level(value: Num, scale: Skala) -> Tingkat | None:
    """The level of a value on a threshold scale (levels listed highest first)."""
    if value is None:
        return None
    for tingkat in scale.tingkat:
        if tingkat.min is None:
            return tingkat
        if (value >= tingkat.min) if scale.batas_bawah == "inklusif" else (value > tingkat.min):
            return tingkat
    return scale.tingkat[-1]


# --------------------------------------------------------------------------
# Budget
# --------------------------------------------------------------------------


def penyerapan(pagu: Num, realisasi: Num) -> Num:
    """Budget absorption: realisasi / pagu x 100."""
    if pagu is None or realisasi is None or pagu == 0:
        return None
    return realisasi / pagu * HUNDRED


def sisa(pagu: Num, realisasi: Num) -> Num:
    if pagu is None or realisasi is None:
        return None
    return pagu - realisasi


def total(values: Iterable[Num]) -> Num:
    """Sum, or None if any part is unknown."""
    result = Decimal(0)
    for value in values:
        if value is None:
            return None
        result += value
    return result


# A budget parent and the sum of its lines may differ by the report's rounding of half a rupiah.
SUM_TOLERANCE = Decimal("0.5")


def sum_gap(printed: Num, parts: Iterable[Num]) -> Num:
    """How much a printed parent figure exceeds the sum of its lines (negative: falls short), when more than
    SUM_TOLERANCE; None when they agree or when the parent or a line is unknown. The one rule behind the
    validator's warnings and the audit's findings on budget sums."""
    whole = total(parts)
    if printed is None or whole is None or abs(printed - whole) <= SUM_TOLERANCE:
        return None
    return printed - whole


def within_part_rounding(gap: Decimal, parts: int) -> bool:
    """A total printed from whole-rupiah parts each rounded on its own (a Renstra's indicative pagu grown by a
    percentage) may differ from the sum of the printed parts by up to half a rupiah per part and per total."""
    return abs(gap) <= (parts + 1) * Decimal("0.5")


def output_without_spending(pagu: Num, realisasi: Num, output_target, output_realisasi) -> bool:
    """A line whose output is reported as reached (a positive target met or passed) while nothing of its
    positive budget was spent: the two columns of one row contradict each other."""
    numbers = all(isinstance(v, Decimal) for v in (output_target, output_realisasi))
    return (numbers and output_target > 0 and output_realisasi >= output_target
            and pagu is not None and pagu > 0 and realisasi == 0)


# --------------------------------------------------------------------------
# Efficiency
# --------------------------------------------------------------------------


def efisiensi_hundred_minus_absorption(capaian_: Num, penyerapan_: Num) -> Num:
    return None if penyerapan_ is None else HUNDRED - penyerapan_


def efisiensi_ratio(capaian_: Num, penyerapan_: Num) -> Num:
    if capaian_ is None or penyerapan_ is None or penyerapan_ == 0:
        return None
    return capaian_ / penyerapan_


def efisiensi_difference(capaian_: Num, penyerapan_: Num) -> Num:
    if capaian_ is None or penyerapan_ is None:
        return None
    return capaian_ - penyerapan_


EFISIENSI: dict[str, Formula] = {
    "seratus-kurang-penyerapan": Formula(efisiensi_hundred_minus_absorption, "%"),
    "capaian-per-penyerapan": Formula(efisiensi_ratio, ""),
    "capaian-kurang-penyerapan": Formula(efisiensi_difference, "%"),
}
"""Efficiency (capaian vs budget absorption), by the ids of referensi/rumus.yaml `efisiensi`."""

# --------------------------------------------------------------------------
# Surveys and indices
# --------------------------------------------------------------------------


def ikm_from_nrr(nrr: list[Decimal]) -> Num:
    """IKM = mean of the unsur NRR (1-4) x 25 (PermenPANRB 14/2017)."""
    if not nrr:
        return None
    return sum(nrr, Decimal(0)) / len(nrr) * 25


def idm(iks: Decimal, ike: Decimal, ikl: Decimal) -> Decimal:
    """Indeks Desa Membangun = (IKS + IKE + IKL) / 3."""
    return (iks + ike + ikl) / 3


def half_unit(printed: Decimal) -> Decimal:
    """Half a unit of a printed figure's last digit: how far the unrounded value may lie from it."""
    exponent = printed.as_tuple().exponent
    return Decimal(5).scaleb(exponent - 1) if isinstance(exponent, int) else Decimal(0)


def share(part: Num, whole: Num) -> Num:
    """part / whole x 100."""
    if part is None or whole is None or whole == 0:
        return None
    return part / whole * HUNDRED


def mean(values: Iterable[Num]) -> Num:
    known = [v for v in values if v is not None]
    if not known:
        return None
    return sum(known, Decimal(0)) / len(known)


# --------------------------------------------------------------------------
# Change over time and progress against the Renstra
# --------------------------------------------------------------------------


def change(previous: Num, current: Num) -> Num:
    if previous is None or current is None:
        return None
    return current - previous


def ratio_percent(current: Num, previous: Num) -> Num:
    """current / previous x 100 (what reports print as 'capaian terhadap tahun lalu')."""
    return share(current, previous)


def on_track(capaian_against_renstra_year: Num) -> bool | None:
    """On track for the final Renstra target?

    Rule (explained on the methodology page): the latest realisasi must reach the
    Renstra target for its own year (capaian >= 100 %). The Renstra's yearly
    targets are the path to the final target, so meeting this year's step is
    being on the path; missing it is being off track.
    """
    if capaian_against_renstra_year is None:
        return None
    return capaian_against_renstra_year >= HUNDRED
