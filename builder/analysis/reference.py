"""Reference data as results: scales, formulas (with their implementations' units) and methods."""

from __future__ import annotations

from .. import compute as c
from .. import models as m
from ..dataset import Referensi
from .results import CanonicalIndicator, markdown, tone, FormulaInfo, Level, Method, Reference, Scale, ScaleLevel


def scale_of(scale_id: str, skala: m.Skala) -> Scale:
    return Scale(
        id=scale_id, nama=skala.nama, dasar_hukum=skala.dasar_hukum, inclusive=skala.batas_bawah == "inklusif",
        catatan=markdown(skala.catatan), levels=tuple(ScaleLevel(t.kode, t.label, t.min, tuple(t.label_lain)) for t in skala.tingkat),
    )


def level_of(tingkat: m.Tingkat | None, skala: m.Skala | None = None) -> Level | None:
    if tingkat is None:
        return None
    codes = [t.kode for t in skala.tingkat] if skala else []
    shade = tone(codes.index(tingkat.kode), len(codes)) if tingkat.kode in codes else "info"
    return Level(tingkat.kode, tingkat.label, shade)


def _formulas(declared: dict[str, m.Rumus], registry: dict[str, c.Formula]) -> dict[str, FormulaInfo]:
    return {fid: FormulaInfo(fid, r.nama, r.rumus, markdown(r.keterangan), r.contoh_laporan, registry[fid].unit)
            for fid, r in declared.items()}


def reference_of(ref: Referensi) -> Reference:
    uniform = ref.rumus.seragam
    return Reference(
        scales={sid: scale_of(sid, s) for sid, s in ref.skala.items()},
        capaian_turun=_formulas(ref.rumus.capaian_turun, c.CAPAIAN_TURUN),
        efisiensi=_formulas(ref.rumus.efisiensi, c.EFISIENSI),
        canonical={i.id: CanonicalIndicator(i.id, i.nama, i.satuan, i.polaritas, i.jenis, markdown(i.definisi), i.dasar_hukum,
                                            tuple(i.kata_kunci)) for i in ref.indikator.values()},
        uniform_scale=uniform.skala_capaian,
        uniform_capaian_turun=uniform.rumus_capaian_turun,
        uniform_efisiensi=uniform.rumus_efisiensi,
        roles=ref.peran.model_dump(),
    )


def method_of(declared: m.Metode, reference: Reference) -> Method:
    """The kecamatan's declared methods, the uniform choice filling what it leaves open."""
    return Method(
        scale=reference.scales[declared.skala_capaian or reference.uniform_scale],
        capaian_turun=reference.capaian_turun[declared.rumus_capaian_turun or reference.uniform_capaian_turun],
        efisiensi=reference.efisiensi[declared.rumus_efisiensi or reference.uniform_efisiensi],
        uniform_scale=reference.scales[reference.uniform_scale],
        uniform_capaian_turun=reference.capaian_turun[reference.uniform_capaian_turun],
        uniform_efisiensi=reference.efisiensi[reference.uniform_efisiensi],
        predicate_scale=reference.scales[declared.skala_predikat] if declared.skala_predikat else None,
    )


def graded(value, skala: m.Skala) -> Level | None:
    """The level a value falls in on a threshold scale."""
    return level_of(c.level(value, skala), skala)
