"""Stage 2, validate: check every file against its model, then across files.

Returns a Dataset (the validated models, grouped by kabupaten and
kecamatan) and the list of problems. Messages are in Bahasa Indonesia and
name file, line, column and field path.
"""

from __future__ import annotations

import difflib
import typing
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import models as m
from .load import SourceFile, load_all, locate, paused_gc
from .problems import Problem, format_field

# --------------------------------------------------------------------------
# The validated data set
# --------------------------------------------------------------------------


@dataclass
class IndicatorPlace:
    """An indicator with the goal and objective it belongs to in one Renstra."""

    indikator: m.Indikator
    sasaran: m.Sasaran | None
    tujuan: m.Tujuan
    renstra: m.Renstra
    revisi: m.Revisi | None = None


@dataclass
class Kecamatan:
    slug: str  # "<kabupaten>/<kecamatan>"
    kabupaten_slug: str
    profil: m.Profil
    renstra: list[m.Renstra] = field(default_factory=list)
    tahun: dict[int, m.Tahunan] = field(default_factory=dict)
    files: dict[str, SourceFile] = field(default_factory=dict)  # relative path -> file
    metode: m.Metode | None = None

    def renstra_for(self, year: int) -> m.Renstra | None:
        for renstra in self.renstra:
            if renstra.periode.mulai <= year <= renstra.periode.selesai:
                return renstra
        return None

    def indicators(self) -> dict[str, IndicatorPlace]:
        """Every indicator id of every Renstra (revised definitions win for later years)."""
        places: dict[str, IndicatorPlace] = {}
        for renstra in self.renstra:
            for tujuan, sasaran, ind in iter_indicators(renstra.tujuan):
                places.setdefault(ind.id, IndicatorPlace(ind, sasaran, tujuan, renstra))
        return places

    def indicator_for(self, indicator_id: str, year: int) -> IndicatorPlace | None:
        """The indicator as it stands in `year`: a Renstra revision in force replaces it."""
        renstra = self.renstra_for(year)
        if renstra is None:
            return None
        for revisi in sorted(renstra.revisi, key=lambda r: r.berlaku_mulai, reverse=True):
            if revisi.berlaku_mulai <= year:
                for tujuan, sasaran, ind in iter_indicators(revisi.tujuan):
                    if ind.id == indicator_id:
                        return IndicatorPlace(ind, sasaran, tujuan, renstra, revisi)
        for tujuan, sasaran, ind in iter_indicators(renstra.tujuan):
            if ind.id == indicator_id:
                return IndicatorPlace(ind, sasaran, tujuan, renstra)
        return None

    def goal_names(self, year: int) -> dict[str, str]:
        """Names of the sasaran and indicators in force in `year`, by id (revisions win)."""
        renstra = self.renstra_for(year)
        if renstra is None:
            return {}
        names: dict[str, str] = {}
        versions = [renstra.tujuan] + [r.tujuan for r in sorted(renstra.revisi, key=lambda r: r.berlaku_mulai)
                                        if r.berlaku_mulai <= year]
        for tujuan_list in versions:
            for tujuan, sasaran, ind in iter_indicators(tujuan_list):
                names[ind.id] = ind.nama
                if sasaran:
                    names[sasaran.id] = sasaran.nama
        return names

    def sasaran_ids(self) -> set[str]:
        ids = set()
        for renstra in self.renstra:
            for tujuan in [*renstra.tujuan, *(t for r in renstra.revisi for t in r.tujuan)]:
                ids.update(s.id for s in tujuan.sasaran)
        return ids

    def report_ids(self) -> set[str]:
        return {laporan.id for laporan in self.profil.laporan}


@dataclass
class Kabupaten:
    slug: str
    model: m.Kabupaten
    kecamatan: list[Kecamatan] = field(default_factory=list)


@dataclass
class Referensi:
    skala: dict[str, m.Skala]
    rumus: m.ReferensiRumus
    indikator: dict[str, m.IndikatorKanonik]
    akip: dict[str, m.MetodologiAkip]


@dataclass
class Dataset:
    referensi: Referensi | None
    kabupaten: dict[str, Kabupaten]
    kecamatan: dict[str, Kecamatan]
    files: list[SourceFile]


def iter_indicators(tujuan_list: list[m.Tujuan]):
    for tujuan in tujuan_list:
        for ind in tujuan.indikator:
            yield tujuan, None, ind
        for sasaran in tujuan.sasaran:
            for ind in sasaran.indikator:
                yield tujuan, sasaran, ind


# --------------------------------------------------------------------------
# Model validation with Indonesian messages
# --------------------------------------------------------------------------

_MESSAGES = {
    "missing": "wajib diisi",
    "int_type": "harus bilangan bulat",
    "int_parsing": "harus bilangan bulat",
    "int_from_float": "harus bilangan bulat (tanpa desimal)",
    "string_type": "harus teks; kode seperti 1.10 atau 7.01.01 ditulis dengan tanda kutip, mis. \"1.10\"",
    "bool_type": "harus true atau false",
    "list_type": "harus berupa daftar (baris-baris diawali '- ')",
    "dict_type": "harus berupa pemetaan 'kunci: nilai'",
    "model_type": "harus berupa pemetaan 'kunci: nilai'",
    "model_attributes_type": "harus berupa pemetaan 'kunci: nilai'",
    "date_type": "harus tanggal dengan format TTTT-BB-HH, mis. 2024-01-12",
    "date_from_datetime_parsing": "harus tanggal dengan format TTTT-BB-HH, mis. 2024-01-12",
    "date_parsing": "harus tanggal dengan format TTTT-BB-HH, mis. 2024-01-12",
    "too_short": "terlalu sedikit isian (minimal {min_length})",
    "greater_than_equal": "harus paling kecil {ge}",
    "less_than_equal": "harus paling besar {le}",
    "string_pattern_mismatch": "formatnya tidak sesuai (pola {pattern})",
    "literal_error": "harus salah satu dari: {expected}",
}


def _allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names of the model reached by following `loc` (for typo suggestions)."""
    current: object = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int) and typing.get_origin(current) is not dict:
            continue  # list index: _unwrap already stepped into the item type
        if typing.get_origin(current) is dict:
            current = typing.get_args(current)[-1]
        elif isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(str(part))
            current = info.annotation if info else None
        if current is None:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: object) -> object:
    """Optional[X] -> X, list[X] -> X (first model argument), Annotated[X, ...] -> X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            models_ = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            annotation = models_[0] if models_ else args[0]
        elif origin is list:
            annotation = typing.get_args(annotation)[0]
        else:
            return annotation


def translate_error(error: dict, model: type[BaseModel]) -> tuple[tuple, str]:
    """A pydantic error as (location, Indonesian message)."""
    kind = error["type"]
    loc = tuple(error["loc"])
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _allowed_keys(model, loc[:-1])
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = f'; mungkin maksudnya "{close[0]}"' if close else ""
        listing = f" Kunci yang dikenal: {', '.join(allowed)}." if allowed else ""
        return loc, f'kunci "{key}" tidak dikenal{hint}.{listing}'
    if error.get("input", ...) is None and kind not in ("missing",):
        # A key written with nothing after it (`nama:`), e.g. a scaffold blank marked ISI.
        return loc, "wajib diisi, tetapi masih kosong"
    if kind in _MESSAGES:
        message = _MESSAGES[kind].format(**{k: v for k, v in ctx.items()})
        found = error.get("input")
        if kind != "missing" and not isinstance(found, (dict, list)):
            message += f" (ditemukan: {found!r})"
        return loc, message
    # Our own PydanticCustomError messages are already Indonesian.
    if kind in ("angka", "angka_gaya_indonesia", "angka_persen", "uang_negatif", "nilai_kinerja"):
        return loc, error["msg"]
    return loc, f"{error['msg']} (jenis galat: {kind})"


def validate_model(source: SourceFile) -> BaseModel | None:
    model = m.FILE_MODELS[source.kind]
    try:
        return model.model_validate(source.data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc, message = translate_error(error, model)
            # Drop pydantic's union/function tags from the displayed path.
            shown = tuple(p for p in loc if isinstance(p, int) or not str(p).startswith(("function-", "decimal", "str", "union")))
            line, column = locate(source.node, loc)
            source.problems.append(Problem(source.display, line, column, format_field(shown), message))
        return None


# --------------------------------------------------------------------------
# Whole data set
# --------------------------------------------------------------------------


def load_and_validate(data_dir: Path) -> tuple[Dataset, list[Problem]]:
    with paused_gc():
        return _load_and_validate(data_dir)


def _load_and_validate(data_dir: Path) -> tuple[Dataset, list[Problem]]:
    files = load_all(data_dir)
    validated: dict[str, BaseModel] = {}
    for source in files:
        if source.kind and source.data is not None:
            result = validate_model(source)
            if result is not None:
                validated[source.relative] = result
        elif source.kind and source.node is None and not source.problems:
            source.problems.append(Problem(source.display, 1, 1, "", "berkas kosong"))
    dataset = _assemble(files, validated)
    cross = CrossChecks(dataset)
    cross.run()
    problems = [p for s in files for p in s.problems] + cross.problems
    return dataset, problems


def _assemble(files: list[SourceFile], validated: dict[str, BaseModel]) -> Dataset:
    by_rel = {s.relative: s for s in files}
    ref = None
    needed = ["referensi/skala.yaml", "referensi/rumus.yaml", "referensi/indikator.yaml", "referensi/akip.yaml"]
    if all(n in validated for n in needed):
        ref = Referensi(
            skala=validated["referensi/skala.yaml"].skala,
            rumus=validated["referensi/rumus.yaml"],
            indikator={i.id: i for i in validated["referensi/indikator.yaml"].indikator},
            akip=validated["referensi/akip.yaml"].metodologi,
        )
    kabupaten: dict[str, Kabupaten] = {}
    kecamatan: dict[str, Kecamatan] = {}
    for rel, model in sorted(validated.items()):
        parts = rel.split("/")
        if isinstance(model, m.Kabupaten):
            kabupaten[parts[1]] = Kabupaten(parts[1], model)
    for rel, model in sorted(validated.items()):
        parts = rel.split("/")
        if isinstance(model, m.Profil):
            slug = f"{parts[1]}/{parts[2]}"
            kecamatan[slug] = Kecamatan(slug=slug, kabupaten_slug=parts[1], profil=model)
    for rel, model in sorted(validated.items()):
        parts = rel.split("/")
        if len(parts) != 4:
            continue
        slug = f"{parts[1]}/{parts[2]}"
        kec = kecamatan.get(slug)
        if kec is None:
            continue
        kec.files[rel] = by_rel[rel]
        if isinstance(model, m.Renstra):
            kec.renstra.append(model)
        elif isinstance(model, m.Tahunan):
            kec.tahun[model.tahun] = model
    for kec in kecamatan.values():
        kec.renstra.sort(key=lambda r: r.periode.mulai)
        kab = kabupaten.get(kec.kabupaten_slug)
        if kab:
            kab.kecamatan.append(kec)
            kec.metode = _resolve_method(kab.model.metode, kec.profil.metode)
    return Dataset(ref, kabupaten, kecamatan, files)


def _resolve_method(default: m.Metode | None, override: m.Metode | None) -> m.Metode:
    merged = m.Metode()
    for source in (default, override):
        if source is None:
            continue
        for name in ("skala_capaian", "rumus_capaian_turun", "rumus_efisiensi", "sumber", "catatan"):
            value = getattr(source, name)
            if value is not None:
                setattr(merged, name, value)
    return merged


class CrossChecks:
    """Checks that need more than one file: references, years, sums."""

    def __init__(self, dataset: Dataset):
        self.dataset = dataset
        self.problems: list[Problem] = []
        self.by_display = {s.display: s for s in dataset.files}

    # -- helpers -----------------------------------------------------------

    def report(self, source: SourceFile, loc: tuple, message: str, severity="galat") -> None:
        line, column = locate(source.node, loc)
        self.problems.append(Problem(source.display, line, column, format_field(loc), message, severity))

    def run(self) -> None:
        data = self.dataset
        ref = data.referensi
        if ref is None:
            if not any(p for s in data.files if s.relative.startswith("referensi/") for p in s.problems):
                self.problems.append(
                    Problem("data/referensi", None, None, "", "berkas referensi (skala, rumus, indikator, akip) tidak lengkap")
                )
            return
        self.check_reference(ref)
        for source in data.files:
            parts = source.relative.split("/")
            if source.kind in ("profil", "renstra", "tahunan") and f"{parts[1]}/{parts[2]}" not in data.kecamatan:
                if source.kind != "profil" and not source.problems:
                    self.problems.append(
                        Problem(source.display, None, None, "", f"folder {parts[2]} tidak punya profil.yaml yang sah")
                    )
            if source.kind == "profil" and parts[1] not in data.kabupaten and not source.problems:
                self.problems.append(
                    Problem(source.display, None, None, "", f"folder {parts[1]} tidak punya kabupaten.yaml yang sah")
                )
        for kab in data.kabupaten.values():
            self.check_kabupaten(kab, ref)
        for kec in data.kecamatan.values():
            self.check_kecamatan(kec, ref)

    def check_reference(self, ref: Referensi) -> None:
        rumus_file = self._file("referensi/rumus.yaml")
        seragam = ref.rumus.seragam
        if seragam.skala_capaian not in ref.skala:
            self.report(rumus_file, ("seragam", "skala_capaian"), f'skala "{seragam.skala_capaian}" tidak ada di skala.yaml')
        if seragam.rumus_capaian_turun not in ref.rumus.capaian_turun:
            self.report(rumus_file, ("seragam", "rumus_capaian_turun"), "rumus tidak ada di capaian_turun")
        if seragam.rumus_efisiensi not in ref.rumus.efisiensi:
            self.report(rumus_file, ("seragam", "rumus_efisiensi"), "rumus tidak ada di efisiensi")
        skala_file = self._file("referensi/skala.yaml")
        for sid, skala in ref.skala.items():
            mins = [t.min for t in skala.tingkat]
            if mins[-1] is not None or any(v is None for v in mins[:-1]) or mins[:-1] != sorted(mins[:-1], reverse=True):
                self.report(
                    skala_file,
                    ("skala", sid, "tingkat"),
                    "tingkat harus urut dari tertinggi ke terendah, setiap tingkat punya min kecuali yang terakhir",
                )
        ind_file = self._file("referensi/indikator.yaml")
        for i, ind in enumerate(ref.indikator.values()):
            if ind.jenis == "kategori" and ind.skala_kategori not in ref.skala:
                self.report(ind_file, ("indikator", i, "skala_kategori"), "indikator kategori perlu skala_kategori yang ada")

    def _file(self, relative: str) -> SourceFile:
        return next(s for s in self.dataset.files if s.relative == relative)

    def check_method(self, source: SourceFile, loc: tuple, metode: m.Metode | None, ref: Referensi) -> None:
        if metode is None:
            return
        for name, table in (
            ("skala_capaian", ref.skala),
            ("rumus_capaian_turun", ref.rumus.capaian_turun),
            ("rumus_efisiensi", ref.rumus.efisiensi),
        ):
            value = getattr(metode, name)
            if value is not None and value not in table:
                self.report(source, (*loc, name), f'"{value}" tidak dikenal; pilihan: {", ".join(table)}')

    def check_kabupaten(self, kab: Kabupaten, ref: Referensi) -> None:
        source = self._file(f"wilayah/{kab.slug}/kabupaten.yaml")
        self.check_method(source, ("metode",), kab.model.metode, ref)
        if not kab.model.kode.startswith(kab.model.provinsi.kode + "."):
            self.report(source, ("kode",), f"kode kabupaten harus diawali kode provinsi {kab.model.provinsi.kode}.")

    def check_kecamatan(self, kec: Kecamatan, ref: Referensi) -> None:
        profil_file = self._file(f"wilayah/{kec.slug}/profil.yaml")
        kab = self.dataset.kabupaten.get(kec.kabupaten_slug)
        self.check_method(profil_file, ("metode",), kec.profil.metode, ref)
        if kec.metode is not None:
            missing = [n for n in ("skala_capaian", "rumus_capaian_turun", "rumus_efisiensi") if getattr(kec.metode, n) is None]
            if missing:
                self.report(
                    profil_file,
                    ("metode",),
                    f"metode belum lengkap ({', '.join(missing)}); isi di profil.yaml atau kabupaten.yaml",
                )
        if kab and kec.profil.kode and not kec.profil.kode.startswith(kab.model.kode + "."):
            self.report(profil_file, ("kode",), f"kode kecamatan harus diawali kode kabupaten {kab.model.kode}.")
        ids = [lap.id for lap in kec.profil.laporan]
        for i, lap_id in enumerate(ids):
            if ids.index(lap_id) != i:
                self.report(profil_file, ("laporan", i, "id"), f'id laporan "{lap_id}" dipakai dua kali')
        self.check_renstra_periods(kec)
        for rel, source in kec.files.items():
            model = self._model_of(kec, rel)
            if isinstance(model, m.Renstra):
                self.check_renstra(kec, source, model, ref)
        for year, tahunan in sorted(kec.tahun.items()):
            # Keyed by the `tahun` inside the file, which may differ from its name (reported in check_year).
            source = next(s for r, s in kec.files.items()
                          if r.endswith(f"/{year}.yaml") or (isinstance(s.data, dict) and s.data.get("tahun") == year))
            self.check_year(kec, source, tahunan, ref)

    def _model_of(self, kec: Kecamatan, rel: str):
        name = rel.rsplit("/", 1)[1]
        if name.startswith("renstra-"):
            start, end = (int(x) for x in name[len("renstra-") : -len(".yaml")].split("-"))
            return next((r for r in kec.renstra if r.periode.mulai == start and r.periode.selesai == end), None)
        return None

    def check_renstra_periods(self, kec: Kecamatan) -> None:
        for rel, source in kec.files.items():
            name = rel.rsplit("/", 1)[1]
            if not name.startswith("renstra-"):
                continue
            start, end = (int(x) for x in name[len("renstra-") : -len(".yaml")].split("-"))
            renstra = self._model_of(kec, rel)
            if renstra is None and not source.problems:
                self.report(source, ("periode",), f"periode harus {start}-{end} sesuai nama berkas")
        ordered = kec.renstra
        for a, b in zip(ordered, ordered[1:]):
            if b.periode.mulai < a.periode.selesai:
                src = next(s for r, s in kec.files.items() if r.endswith(f"renstra-{b.periode.mulai}-{b.periode.selesai}.yaml"))
                self.report(src, ("periode",), f"periode bertumpuk dengan Renstra {a.periode.mulai}-{a.periode.selesai}")

    def check_renstra(self, kec: Kecamatan, source: SourceFile, renstra: m.Renstra, ref: Referensi) -> None:
        if renstra.periode.selesai < renstra.periode.mulai:
            self.report(source, ("periode",), "tahun selesai lebih awal dari tahun mulai")
        blocks = [(("tujuan",), renstra.tujuan)] + [
            (("revisi", i, "tujuan"), r.tujuan) for i, r in enumerate(renstra.revisi)
        ]
        for i, revisi in enumerate(renstra.revisi):
            if not renstra.periode.mulai <= revisi.berlaku_mulai <= renstra.periode.selesai:
                self.report(source, ("revisi", i, "berlaku_mulai"), "tahun di luar periode Renstra")
        for prefix, tujuan_list in blocks:
            local_ids: set[str] = set()
            for ti, tujuan in enumerate(tujuan_list):
                groups = [((*prefix, ti, "indikator"), tujuan.indikator)] + [
                    ((*prefix, ti, "sasaran", si, "indikator"), s.indikator) for si, s in enumerate(tujuan.sasaran)
                ]
                for gloc, indicators in groups:
                    for ii, ind in enumerate(indicators):
                        loc = (*gloc, ii)
                        if ind.id in local_ids:
                            self.report(source, (*loc, "id"), f'id indikator "{ind.id}" dipakai dua kali')
                        local_ids.add(ind.id)
                        self.check_indicator(kec, source, renstra, ind, loc, ref)
        if renstra.sumber and renstra.sumber.laporan and renstra.sumber.laporan not in kec.report_ids():
            self.report(source, ("sumber", "laporan"), self._unknown_report(kec, renstra.sumber.laporan))

    def check_indicator(self, kec, source, renstra: m.Renstra, ind: m.Indikator, loc: tuple, ref: Referensi) -> None:
        if ind.jenis == "kategori":
            if ind.skala_kategori is None:
                self.report(source, (*loc, "skala_kategori"), "indikator kategori wajib menyebut skala_kategori")
            elif ind.skala_kategori not in ref.skala:
                self.report(source, (*loc, "skala_kategori"), f'skala "{ind.skala_kategori}" tidak ada; pilihan: {", ".join(ref.skala)}')
        if ind.kanonik is not None:
            canon = ref.indikator.get(ind.kanonik)
            if canon is None:
                self.report(source, (*loc, "kanonik"), f'indikator bersama "{ind.kanonik}" tidak ada; pilihan: {", ".join(ref.indikator)}')
            elif canon.jenis != ind.jenis or canon.polaritas != ind.polaritas:
                self.report(
                    source,
                    (*loc, "kanonik"),
                    f"jenis/polaritas berbeda dari indikator bersama {canon.id} ({canon.jenis}, {canon.polaritas})",
                )
        for year in ind.target:
            if not renstra.periode.mulai <= year <= renstra.periode.selesai:
                self.report(
                    source,
                    (*loc, "target", year),
                    f"tahun {year} di luar periode Renstra {renstra.periode.mulai}-{renstra.periode.selesai}",
                )
        values = [(("target", y), v) for y, v in ind.target.items()] + [(("target_akhir",), ind.target_akhir)]
        if ind.baseline:
            values.append((("baseline", "nilai"), ind.baseline.nilai))
        for sub, value in values:
            self.check_value(source, (*loc, *sub), ind, value, ref)
        if ind.sumber and ind.sumber.laporan and ind.sumber.laporan not in kec.report_ids():
            self.report(source, (*loc, "sumber", "laporan"), self._unknown_report(kec, ind.sumber.laporan))

    def check_value(self, source, loc, ind: m.Indikator, value, ref: Referensi) -> None:
        if value is None:
            return
        if ind.jenis == "numerik" and not isinstance(value, Decimal):
            self.report(source, loc, f'indikator {ind.id} numerik, tetapi nilainya "{value}" bukan angka')
        if ind.jenis == "kategori" and ind.skala_kategori in ref.skala:
            codes = [t.kode for t in ref.skala[ind.skala_kategori].tingkat]
            if not isinstance(value, str) or value not in codes:
                self.report(source, loc, f"nilai {value} tidak ada di skala {ind.skala_kategori} ({', '.join(codes)})")

    @staticmethod
    def _unknown_report(kec: Kecamatan, report_id: str) -> str:
        return f'laporan "{report_id}" tidak ada di profil.yaml; pilihan: {", ".join(sorted(kec.report_ids()))}'

    def check_sources(self, kec: Kecamatan, source: SourceFile, obj, loc: tuple) -> None:
        """Every `sumber.laporan` anywhere in a year file must name a known report."""
        if isinstance(obj, m.Sumber):
            if obj.laporan is not None and obj.laporan not in kec.report_ids():
                self.report(source, (*loc, "laporan"), self._unknown_report(kec, obj.laporan))
            return
        if isinstance(obj, BaseModel):
            for name in type(obj).model_fields:
                value = getattr(obj, name)
                if value is not None and not isinstance(value, (str, int, Decimal)):
                    self.check_sources(kec, source, value, (*loc, name))
        elif isinstance(obj, list):
            for i, item in enumerate(obj):
                if isinstance(item, BaseModel):
                    self.check_sources(kec, source, item, (*loc, i))

    def check_year(self, kec: Kecamatan, source: SourceFile, tahunan: m.Tahunan, ref: Referensi) -> None:
        file_year = int(source.relative.rsplit("/", 1)[1][:4])
        if tahunan.tahun != file_year:
            self.report(source, ("tahun",), f"tahun {tahunan.tahun} berbeda dari nama berkas ({file_year}.yaml)")
        if tahunan.laporan not in kec.report_ids():
            self.report(source, ("laporan",), self._unknown_report(kec, tahunan.laporan))
        self.check_sources(kec, source, tahunan, ())
        renstra = kec.renstra_for(tahunan.tahun)
        if tahunan.kinerja and renstra is None:
            periods = ", ".join(f"{r.periode.mulai}-{r.periode.selesai}" for r in kec.renstra) or "belum ada"
            self.report(
                source,
                ("tahun",),
                f"tahun {tahunan.tahun} di luar periode Renstra mana pun (periode: {periods}); "
                "tambahkan berkas renstra-<mulai>-<selesai>.yaml yang mencakup tahun ini",
            )
        seen: set[str] = set()
        for i, kinerja in enumerate(tahunan.kinerja):
            loc = ("kinerja", i)
            if kinerja.indikator in seen:
                self.report(source, (*loc, "indikator"), f'indikator "{kinerja.indikator}" ditulis dua kali tahun ini')
            seen.add(kinerja.indikator)
            if renstra is None:
                continue
            place = kec.indicator_for(kinerja.indikator, tahunan.tahun)
            if place is None:
                known = sorted(kec.indicators())
                close = difflib.get_close_matches(kinerja.indikator, known, n=1)
                hint = f'; mungkin maksudnya "{close[0]}"' if close else ""
                self.report(
                    source,
                    (*loc, "indikator"),
                    f'indikator "{kinerja.indikator}" tidak ada di Renstra {renstra.periode.mulai}-{renstra.periode.selesai}{hint}. '
                    f"Indikator yang ada: {', '.join(known)}",
                )
                continue
            ind = place.indikator
            for name in ("target", "target_perubahan", "realisasi"):
                self.check_value(source, (*loc, name), ind, getattr(kinerja, name), ref)
            for j, stated in enumerate(kinerja.dinyatakan):
                for name in ("target", "target_renstra", "realisasi"):
                    self.check_value(source, (*loc, "dinyatakan", j, name), ind, getattr(stated, name), ref)
            has_target = any(
                v is not None for v in (kinerja.target, kinerja.target_perubahan, ind.target.get(tahunan.tahun))
            )
            if kinerja.realisasi is not None and not has_target:
                self.report(
                    source,
                    (*loc, "realisasi"),
                    f"realisasi tanpa target: isi target PK di sini atau target {tahunan.tahun} di Renstra",
                )
            if kinerja.realisasi is not None and kinerja.tidak_diukur:
                self.report(source, (*loc, "tidak_diukur"), "isi realisasi atau tidak_diukur, jangan keduanya")
        sasaran_ids = kec.sasaran_ids()
        indicator_ids = set(kec.indicators())
        for i, ring in enumerate(tahunan.sasaran):
            if ring.sasaran not in sasaran_ids:
                self.report(source, ("sasaran", i, "sasaran"), self._unknown("sasaran", ring.sasaran, sasaran_ids))
        if tahunan.anggaran:
            self.check_budget(kec, source, tahunan.anggaran, sasaran_ids, indicator_ids)
        if tahunan.akip:
            metodologi = ref.akip.get(tahunan.akip.metodologi)
            if metodologi is None:
                self.report(source, ("akip", "metodologi"), self._unknown("metodologi", tahunan.akip.metodologi, set(ref.akip)))
            else:
                known = {k.id: k for k in metodologi.komponen}
                for i, comp in enumerate(tahunan.akip.komponen):
                    if comp.komponen not in known:
                        self.report(source, ("akip", "komponen", i, "komponen"), self._unknown("komponen", comp.komponen, set(known)))
                    elif comp.nilai > known[comp.komponen].bobot:
                        self.report(
                            source,
                            ("akip", "komponen", i, "nilai"),
                            f"nilai {comp.nilai} melebihi bobot komponen ({known[comp.komponen].bobot})",
                        )
        if tahunan.ikm and tahunan.ikm.unsur and len(tahunan.ikm.unsur) != 9:
            self.report(
                source,
                ("ikm", "unsur"),
                f"IKM menurut PermenPANRB 14/2017 punya 9 unsur; di sini {len(tahunan.ikm.unsur)}",
                "peringatan",
            )
        if tahunan.idm and kec.profil.kode:
            for i, desa in enumerate(tahunan.idm.desa):
                if desa.kode and not desa.kode.startswith(kec.profil.kode + "."):
                    self.report(source, ("idm", "desa", i, "kode"), f"kode desa harus diawali kode kecamatan {kec.profil.kode}.")

    @staticmethod
    def _unknown(what: str, value: str, known: set[str]) -> str:
        close = difflib.get_close_matches(value, sorted(known), n=1)
        hint = f'; mungkin maksudnya "{close[0]}"' if close else ""
        return f'{what} "{value}" tidak ada{hint}. Pilihan: {", ".join(sorted(known))}'

    def check_budget(self, kec, source, anggaran: m.Anggaran, sasaran_ids, indicator_ids) -> None:
        for pi, program in enumerate(anggaran.program):
            loc = ("anggaran", "program", pi)
            if program.sasaran and program.sasaran not in sasaran_ids:
                self.report(source, (*loc, "sasaran"), self._unknown("sasaran", program.sasaran, sasaran_ids))
            if program.indikator_renstra and program.indikator_renstra not in indicator_ids:
                self.report(source, (*loc, "indikator_renstra"), self._unknown("indikator", program.indikator_renstra, indicator_ids))
            if program.kegiatan and program.sub_kegiatan:
                self.report(source, loc, "program berisi kegiatan atau langsung sub_kegiatan, tidak keduanya")
            self.check_sum(source, loc, program, [*program.kegiatan, *program.sub_kegiatan],
                           "kegiatan" if program.kegiatan else "sub_kegiatan")
            for ki, kegiatan in enumerate(program.kegiatan):
                kloc = (*loc, "kegiatan", ki)
                self.check_sum(source, kloc, kegiatan, kegiatan.sub_kegiatan, "sub_kegiatan")
                for si, sub in enumerate(kegiatan.sub_kegiatan):
                    self.check_sum(source, (*kloc, "sub_kegiatan", si), sub, sub.rincian, "rincian")
            for si, sub in enumerate(program.sub_kegiatan):
                self.check_sum(source, (*loc, "sub_kegiatan", si), sub, sub.rincian, "rincian")
        for i, item in enumerate(anggaran.per_kinerja):
            loc = ("anggaran", "per_kinerja", i)
            if item.sasaran and item.sasaran not in sasaran_ids:
                self.report(source, (*loc, "sasaran"), self._unknown("sasaran", item.sasaran, sasaran_ids))
            if item.indikator and item.indikator not in indicator_ids:
                self.report(source, (*loc, "indikator"), self._unknown("indikator", item.indikator, indicator_ids))
            if not item.sasaran and not item.indikator:
                self.report(source, loc, "sebutkan sasaran atau indikator yang dibiayai")
        for i, belanja in enumerate(anggaran.belanja):
            self.check_belanja(source, ("anggaran", "belanja", i), belanja)

    def check_belanja(self, source, loc, belanja: m.Belanja) -> None:
        if belanja.rincian:
            self.check_sum(source, loc, belanja, belanja.rincian, "rincian")
            for i, child in enumerate(belanja.rincian):
                self.check_belanja(source, (*loc, "rincian", i), child)

    def check_sum(self, source, loc, parent, children, child_key: str) -> None:
        """Children that do not add up to their parent: a warning (real reports do this)."""
        if not children:
            return
        for name in ("pagu", "realisasi"):
            stated = getattr(parent, name)
            values = [getattr(c, name) for c in children]
            if stated is None or any(v is None for v in values):
                continue
            total = sum(values, Decimal(0))
            if abs(total - stated) > Decimal("0.5"):
                self.report(
                    source,
                    (*loc, name),
                    f"jumlah {name} {child_key} ({_rupiah(total)}) tidak sama dengan {name} induk "
                    f"({_rupiah(stated)}); selisih {_rupiah(stated - total)}. Periksa kembali angka laporan",
                    "peringatan",
                )


def _rupiah(value: Decimal) -> str:
    from .formatting import rupiah

    return rupiah(value)
