"""Which of the reference methods a report uses, from what it prints: the rating scale whose every level it names,
and the efficiency formula its own efficiency figures follow. Each choice says why, so staff can check it."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import yaml

from .cells import read_cell
from .recognise import Recognised


def rating_scale(recognised: list[Recognised], data_dir: Path) -> tuple[str, str] | None:
    """(scale id, why): the achievement scale (not the one IKM, IDM or AKIP are graded on) whose every level label
    the report's tables print."""
    path = data_dir / "referensi" / "skala.yaml"
    if not path.is_file():
        return None
    reference = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    graded_elsewhere = set((reference.get("peran") or {}).values())
    for table in recognised:
        words = {" ".join(c.lower().split()) for row in table.table.rows for c in row.cells}
        text = " | ".join(words)
        for scale_id, scale in (reference.get("skala") or {}).items():
            if scale_id in graded_elsewhere:
                continue
            labels = [str(level.get("label", "")).lower() for level in scale.get("tingkat", [])]
            missing = [label for label in labels if not re.search(rf"(^|\|) ?{re.escape(label)} ?($|\|)", text)]
            if len(labels) >= 4 and len(missing) <= 1:  # a report may misprint one level's word
                why = f"tingkatnya ({', '.join(labels)}) tercetak di {table.where()}"
                return scale_id, why + (f", kecuali \"{missing[0]}\"" if missing else "")
    return None


FORMULAS = {
    "seratus-kurang-penyerapan": lambda c, p: Decimal(100) - p,
    "capaian-per-penyerapan": lambda c, p: c / p if p else None,
    "capaian-kurang-penyerapan": lambda c, p: c - p,
}


def efficiency_formula(recognised: list[Recognised]) -> tuple[str, str] | None:
    """(formula id, why): the formula that gives every printed efficiency of the report's efficiency tables from
    the printed capaian and penyerapan, at the printed precision."""
    hits = {name: 0 for name in FORMULAS}
    rows = 0
    where = ""
    for table in (t for t in recognised if t.kind == "efisiensi"):
        for row in table.body:
            if any(re.match(r"^(rata|jumlah|total)", c.strip().lower()) for c in row.cells):
                continue  # an average or total row: the audit checks it, it does not tell the formula
            figures = {}
            for role in ("capaian", "penyerapan", "efisiensi"):
                column = table.column(role) or (table.column("realisasi_uang") if role == "penyerapan" else None)
                figures[role] = read_cell(row.cells[column.index]).number if column else None
            if None in figures.values():
                continue
            rows += 1
            where = where or table.where()
            for name, formula in FORMULAS.items():
                value = formula(figures["capaian"], figures["penyerapan"])
                if value is not None and _printed_as(value, figures["efisiensi"]):
                    hits[name] += 1
    ranked = sorted(hits, key=hits.get, reverse=True)
    best, runner_up = ranked[0], ranked[1]
    if hits[best] >= max(2, 0.6 * rows) and hits[best] > hits[runner_up]:
        return best, f"{hits[best]} dari {rows} baris efisiensi di {where} mengikuti rumus ini"
    return None


def _printed_as(value: Decimal, printed: Decimal) -> bool:
    exponent = printed.as_tuple().exponent
    places = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    return value.quantize(places, rounding=ROUND_HALF_UP) == printed or abs(value - printed) < places
