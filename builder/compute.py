"""Stage 3, compute: small pure functions for every derived figure.

All functions take and return exact Decimals (or None when a figure cannot
be computed); rounding happens once, in formatting.round_half_up, when a
figure is shown or compared. Formulas chosen per kecamatan are looked up by
the ids declared in data/referensi/rumus.yaml.
"""

from __future__ import annotations

from decimal import Decimal
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


LOWER_IS_BETTER: dict[str, Callable[[Decimal, Decimal], Num]] = {
    "target-per-realisasi": capaian_target_per_realisasi,
    "dua-target-kurang-realisasi": capaian_two_targets_minus_realisasi,
}


def ordinal_rank(code: str, scale: Skala) -> int | None:
    """Position on an ordinal scale counted from the bottom (lowest level = 1)."""
    codes = [t.kode for t in scale.tingkat]
    if code not in codes:
        return None
    return len(codes) - codes.index(code)


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
        return LOWER_IS_BETTER[lower_formula](target, realisasi)
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


EFFICIENCY: dict[str, Callable[[Num, Num], Num]] = {
    "seratus-kurang-penyerapan": efisiensi_hundred_minus_absorption,
    "capaian-per-penyerapan": efisiensi_ratio,
    "capaian-kurang-penyerapan": efisiensi_difference,
}

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


def relative_change(previous: Num, current: Num) -> Num:
    """(current - previous) / previous x 100."""
    if previous is None or current is None or previous == 0:
        return None
    return (current - previous) / previous * HUNDRED


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
