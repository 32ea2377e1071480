"""The assembled data set and the questions every later stage asks of it.

`validate` builds a Dataset from the parsed and model-checked files; the
analysis reads it. The rules of the domain that more than one stage needs
live here once: which Renstra covers a year, which revision of it is in
force (`goals_in_force`), which indicator an id names in a year, which
method a kecamatan declared (its own over its kabupaten's).
"""

from __future__ import annotations

import re
import unicodedata

from dataclasses import dataclass, field
from typing import Iterator

from . import models as m
from .load import SourceFile


@dataclass(frozen=True)
class IndicatorPlace:
    """An indicator with the goal (tujuan) and objective (sasaran) it belongs to in one Renstra version."""

    indikator: m.Indikator
    sasaran: m.Sasaran | None  # None for a tujuan-level indicator
    tujuan: m.Tujuan


def iter_indicators(tujuan_list: list[m.Tujuan]) -> Iterator[IndicatorPlace]:
    """Every indicator of a goal tree, tujuan-level ones first within each tujuan, in file order."""
    for tujuan in tujuan_list:
        for ind in tujuan.indikator:
            yield IndicatorPlace(ind, None, tujuan)
        for sasaran in tujuan.sasaran:
            for ind in sasaran.indikator:
                yield IndicatorPlace(ind, sasaran, tujuan)


def goals_in_force(renstra: m.Renstra, year: int) -> list[m.Tujuan]:
    """The goal tree in force in `year`: the latest revision that has started by then, else the original.

    A revision ("Renstra hasil reviu") replaces the whole tree from its
    `berlaku_mulai` on; earlier years keep the original goals and targets.
    """
    started = [r for r in renstra.revisi if r.berlaku_mulai <= year]
    if not started:
        return renstra.tujuan
    return max(started, key=lambda r: r.berlaku_mulai).tujuan


def all_goal_trees(renstra: m.Renstra) -> list[list[m.Tujuan]]:
    """The original goal tree and every revision's, oldest first."""
    return [renstra.tujuan] + [r.tujuan for r in sorted(renstra.revisi, key=lambda r: r.berlaku_mulai)]


@dataclass
class KecamatanData:
    """One kecamatan's validated files."""

    slug: str  # "<kabupaten>/<kecamatan>"
    kabupaten_slug: str
    profil: m.Profil
    renstra: list[m.Renstra] = field(default_factory=list)  # ordered by period
    tahun: dict[int, m.Tahunan] = field(default_factory=dict)
    files: dict[str, SourceFile] = field(default_factory=dict)  # path relative to data/ -> file
    metode: m.Metode = field(default_factory=m.Metode)  # own method over the kabupaten's

    def renstra_for(self, year: int) -> m.Renstra | None:
        return next((r for r in self.renstra if r.periode.mulai <= year <= r.periode.selesai), None)

    def indicators_in_force(self, year: int) -> list[IndicatorPlace]:
        renstra = self.renstra_for(year)
        return list(iter_indicators(goals_in_force(renstra, year))) if renstra else []

    def indicator_for(self, indicator_id: str, year: int) -> IndicatorPlace | None:
        """The indicator an id names in `year`, in the Renstra version in force then."""
        return next((p for p in self.indicators_in_force(year) if p.indikator.id == indicator_id), None)

    def known_indicator_ids(self) -> set[str]:
        """Every indicator id of every Renstra and every revision (for messages and references)."""
        return {p.indikator.id for r in self.renstra for tree in all_goal_trees(r) for p in iter_indicators(tree)}

    def known_sasaran_ids(self) -> set[str]:
        return {s.id for r in self.renstra for tree in all_goal_trees(r) for t in tree for s in t.sasaran}

    def report_ids(self) -> set[str]:
        return {laporan.id for laporan in self.profil.laporan}

    def report(self, report_id: str) -> m.Laporan | None:
        return next((r for r in self.profil.laporan if r.id == report_id), None)


@dataclass
class KabupatenData:
    slug: str
    kabupaten: m.Kabupaten
    kecamatan: list[KecamatanData] = field(default_factory=list)


@dataclass
class Referensi:
    skala: dict[str, m.Skala]
    rumus: m.ReferensiRumus
    indikator: dict[str, m.IndikatorKanonik]
    akip: dict[str, m.MetodologiAkip]
    peran: m.PeranSkala


@dataclass
class Dataset:
    referensi: Referensi | None  # None when a reference file is missing or invalid
    kabupaten: dict[str, KabupatenData]
    kecamatan: dict[str, KecamatanData]
    files: list[SourceFile]
    regions: dict[str, dict[str, str]] | None = None  # Kemendagri codes: level -> {code: official name}


METHOD_FIELDS = ("skala_capaian", "rumus_capaian_turun", "rumus_efisiensi")


def slug_of(name: str) -> str:
    """A folder or page name from an area name: lower case ASCII words joined by '-' ("Ma'u" -> "mau",
    "Kepulauan Bangka Belitung" -> "kepulauan-bangka-belitung")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", re.sub(r"['\"`’]", "", ascii_name.lower())).strip("-") or "wilayah"


def kabupaten_slug(official_name: str) -> str:
    """The folder (and page) of a kabupaten or kota: "Kabupaten Batu Bara" -> "batu-bara", "Kota Dumai" ->
    "kota-dumai" (a kota keeps its word: Kabupaten Bekasi and Kota Bekasi both exist)."""
    words = official_name.split(maxsplit=1)
    if len(words) == 2 and words[0].lower() == "kabupaten":
        return slug_of(words[1])
    return slug_of(official_name)


def merged_method(*layers: m.Metode | None) -> m.Metode:
    """Methods declared at several levels (kabupaten, then kecamatan): later levels win field by field."""
    merged = m.Metode()
    for layer in layers:
        if layer is None:
            continue
        for name in m.Metode.model_fields:
            value = getattr(layer, name)
            if value is not None:
                setattr(merged, name, value)
    return merged


def assemble(files: list[SourceFile], validated: dict[str, object]) -> Dataset:
    """Group the valid models by kabupaten and kecamatan (files that failed their model are left out)."""
    by_rel = {s.relative: s for s in files}
    ref = None
    names = {"skala": "referensi/skala.yaml", "rumus": "referensi/rumus.yaml",
             "indikator": "referensi/indikator.yaml", "akip": "referensi/akip.yaml"}
    if all(n in validated for n in names.values()):
        skala = validated[names["skala"]]
        ref = Referensi(
            skala=skala.skala,
            rumus=validated[names["rumus"]],
            indikator={i.id: i for i in validated[names["indikator"]].indikator},
            akip=validated[names["akip"]].metodologi,
            peran=skala.peran,
        )
    kabupaten: dict[str, KabupatenData] = {}
    kecamatan: dict[str, KecamatanData] = {}
    ordered = sorted(validated.items())
    for rel, model in ordered:
        parts = rel.split("/")
        if isinstance(model, m.Kabupaten):
            kabupaten[parts[1]] = KabupatenData(parts[1], model)
        elif isinstance(model, m.Profil):
            slug = f"{parts[1]}/{parts[2]}"
            kecamatan[slug] = KecamatanData(slug=slug, kabupaten_slug=parts[1], profil=model)
    for rel, model in ordered:
        parts = rel.split("/")
        kec = kecamatan.get(f"{parts[1]}/{parts[2]}") if len(parts) == 4 else None
        if kec is None:
            continue
        kec.files[rel] = by_rel[rel]
        if isinstance(model, m.Renstra):
            kec.renstra.append(model)
        elif isinstance(model, m.Tahunan):
            # Keyed by the file name's year; a `tahun` inside that differs is a validation error.
            kec.tahun[int(parts[3][:4])] = model
    for kec in kecamatan.values():
        kec.renstra.sort(key=lambda r: r.periode.mulai)
        kab = kabupaten.get(kec.kabupaten_slug)
        if kab:
            kab.kecamatan.append(kec)
        kec.metode = merged_method(kab.kabupaten.metode if kab else None, kec.profil.metode)
    return Dataset(ref, kabupaten, kecamatan, files)
