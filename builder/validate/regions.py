"""Checks of the folder structure, kabupaten.yaml and profil.yaml, and of codes and names against Kemendagri's list."""

from __future__ import annotations

import difflib

from .. import models as m
from ..dataset import METHOD_FIELDS, Dataset, KabupatenData, KecamatanData, Referensi, all_goal_trees, iter_indicators
from ..load import REGION_SOURCE, SourceFile
from ..problems import Severity
from .reference import check_method
from .report import Reporter


def check_folders(report: Reporter, dataset: Dataset) -> None:
    """Every kecamatan file sits under a valid profil.yaml, every profil under a valid kabupaten.yaml.

    A file that has problems of its own is not reported again here.
    """
    for source in dataset.files:
        if source.kind not in ("profil", "renstra", "tahunan") or source.problems:
            continue
        parts = source.relative.split("/")
        if source.kind != "profil" and f"{parts[1]}/{parts[2]}" not in dataset.kecamatan:
            report.report_file(source.display, f"folder {parts[2]} tidak punya profil.yaml yang sah")
        if source.kind == "profil" and parts[1] not in dataset.kabupaten:
            report.report_file(source.display, f"folder {parts[1]} tidak punya kabupaten.yaml yang sah")


def check_codes_unique(report: Reporter, dataset: Dataset, files: dict[str, SourceFile]) -> None:
    """One Kemendagri code per folder: two kabupaten (or kecamatan) folders with one code would be one region
    published twice, under two addresses."""
    for level, folders in (("kabupaten", {k.slug: (k.kabupaten.kode, "kabupaten.yaml") for k in dataset.kabupaten.values()}),
                           ("kecamatan", {k.slug: (k.profil.kode, "profil.yaml") for k in dataset.kecamatan.values()})):
        first: dict[str, str] = {}
        for slug, (code, name) in sorted(folders.items()):
            if not code:
                continue
            if code in first:
                report.report(files[f"wilayah/{slug}/{name}"], ("kode",), f"kode {level} {code} sudah dipakai folder "
                              f"wilayah/{first[code]}; satu kode Kemendagri hanya untuk satu folder: gabungkan kedua "
                              "folder itu, atau perbaiki kodenya")
            else:
                first[code] = slug


# Reports often print "Desa X" or "Kelurahan X" where the list has "X"; a few official names do start with "Desa".
_DESA_PREFIXES = ("desa ", "kelurahan ")


def _normal(name: str, level: str = "") -> str:
    """Case and spacing ignored; for desa also a leading "Desa "/"Kelurahan "."""
    text = " ".join(name.lower().split())
    if level == "desa":
        for prefix in _DESA_PREFIXES:
            if text.startswith(prefix):
                return text[len(prefix):]
    return text


def _same_name(ours: str, official: str, level: str = "") -> bool:
    return _normal(ours, level) == _normal(official, level)


class _ChildIndex:
    """Official codes by parent code ("14.03.11" -> its desa), built once per loaded list.

    Scanning the 83,762 desa for every kecamatan would be slow at national scale.
    """

    def __init__(self) -> None:
        self._built: dict[str, tuple[dict[str, str], dict[str, list[str]]]] = {}

    def __call__(self, names: dict[str, str], level: str, parent: str) -> list[str]:
        built = self._built.get(level)
        if built is None or built[0] is not names:
            index: dict[str, list[str]] = {}
            for code in names:
                index.setdefault(code.rpartition(".")[0], []).append(code)
            built = self._built[level] = (names, index)
        return built[1].get(parent, [])


_children = _ChildIndex()

# Similarity for suggestions: "Tg. Medang" still finds Tanjung Medang (0.75); "Tanjung Datuk" (0.74) does not.
_CUTOFF = 0.75


def closest_official(regions: dict[str, dict[str, str]], level: str, parent: str, name: str) -> list[str]:
    """The official entries under `parent` whose names are closest to `name`, as "code name"; only the exact ones
    when there are any."""
    names = regions[level]
    by_key: dict[str, list[str]] = {}
    for code in _children(names, level, parent):
        by_key.setdefault(_similarity_key(names[code], level), []).append(code)
    wanted = _similarity_key(name, level)
    close = [wanted] if wanted in by_key else difflib.get_close_matches(wanted, list(by_key), n=3, cutoff=_CUTOFF)
    return [f"{code} {names[code]}" for key in close for code in by_key[key]]


def _similarity_key(name: str, level: str) -> str:
    """The name as compared for suggestions: without "Kabupaten "/"Kota ", which would make every kabupaten alike."""
    text = _normal(name, level)
    for prefix in ("kabupaten ", "kota ") if level == "kabupaten" else ():
        if text.startswith(prefix):
            return text[len(prefix):]
    return text


def _did_you_mean(suggestions: list[str]) -> str:
    return f"; mungkin maksudnya {' atau '.join(suggestions)}" if suggestions else ""


def check_official(report: Reporter, source: SourceFile, loc: tuple, level: str, code: str, name: str,
                   regions: dict[str, dict[str, str]] | None) -> None:
    """A code and name against Kemendagri's list: a warning, since the list (idn-area-data) can lag behind."""
    if regions is None:
        return
    official = regions[level].get(code)
    if official is None:
        hint = _did_you_mean(closest_official(regions, level, code.rpartition(".")[0], name))
        report.report(source, (*loc, "kode"), f"kode {level} {code} tidak ada di daftar Kemendagri ({REGION_SOURCE}); "
                      f"periksa kodenya{hint}", Severity.WARNING)
    elif not _same_name(name, official, level):
        report.report(source, (*loc, "nama"), f'nama berbeda dari daftar Kemendagri untuk kode {code}: "{official}"; '
                      "periksa ejaannya", Severity.WARNING)


def check_idm_desa(report: Reporter, source: SourceFile, kec: KecamatanData, idm: m.Idm,
                   regions: dict[str, dict[str, str]] | None) -> None:
    """The desa of an IDM table against Kemendagri's desa of the kecamatan; warnings, like check_official.

    Skipped when the kecamatan's own code is missing or not in the list (check_profil already warns about it), and
    when the list has no desa (a revision from before villages.csv).
    """
    kode = kec.profil.kode
    if regions is None or not regions.get("desa") or not kode or kode not in regions["kecamatan"]:
        return
    for i, desa in enumerate(idm.desa):
        loc = ("idm", "desa", i)
        if desa.kode is None:
            _check_desa_name(report, source, loc, kode, desa.nama, regions)
        elif desa.kode.startswith(kode + "."):
            check_official(report, source, loc, "desa", desa.kode, desa.nama, regions)
        else:
            _report_desa_elsewhere(report, source, loc, kec, desa, regions)


def _check_desa_name(report: Reporter, source: SourceFile, loc: tuple, kecamatan: str, name: str,
                     regions: dict[str, dict[str, str]]) -> None:
    """A desa without a code: its name is one of the kecamatan's official desa."""
    names = regions["desa"]
    if any(_same_name(name, names[code], "desa") for code in _children(names, "desa", kecamatan)):
        return
    hint = _did_you_mean(closest_official(regions, "desa", kecamatan, name))
    report.report(source, (*loc, "nama"), f'desa "{name}" tidak ada di daftar Kemendagri ({REGION_SOURCE}) untuk '
                  f"kecamatan ini ({kecamatan}); periksa ejaannya atau isi kodenya{hint}", Severity.WARNING)


def _report_desa_elsewhere(report: Reporter, source: SourceFile, loc: tuple, kec: KecamatanData, desa: m.Desa,
                           regions: dict[str, dict[str, str]]) -> None:
    """A desa code outside the kecamatan: what the list says that code is, and the kecamatan's desa of that name."""
    official = regions["desa"].get(desa.kode)
    parent = desa.kode.rpartition(".")[0]
    found = (f"di daftar Kemendagri kode itu milik {official}, kecamatan {regions['kecamatan'].get(parent, parent)}"
             if official else "kode itu juga tidak ada di daftar Kemendagri")
    hint = _did_you_mean(closest_official(regions, "desa", kec.profil.kode, desa.nama))
    report.report(source, (*loc, "kode"), f"kode desa {desa.kode} bukan kode desa di kecamatan ini ({kec.profil.kode}): "
                  f"{found} ({REGION_SOURCE}){hint}", Severity.WARNING)


def check_kabupaten(report: Reporter, source: SourceFile, kab: KabupatenData, ref: Referensi,
                    regions: dict[str, dict[str, str]] | None = None) -> None:
    model = kab.kabupaten
    check_method(report, source, ("metode",), model.metode, ref)
    folder_kind = "kota" if kab.slug.startswith("kota-") else "kabupaten"
    if model.jenis != folder_kind:
        official = ((regions or {}).get("kabupaten") or {}).get(model.kode, "")
        if official.startswith("Kota ") and folder_kind == "kabupaten":  # the list settles which side is wrong
            fix = f"{model.kode} adalah {official}: ganti nama foldernya menjadi kota-{kab.slug}"
        elif official.startswith("Kabupaten ") and folder_kind == "kota":
            fix = f"{model.kode} adalah {official}: folder kabupaten tidak diawali kota-"
        elif folder_kind == "kota":
            fix = "folder sebuah kota diawali kota-: tulis jenis: kota"
        else:
            fix = f"tulis jenis: kabupaten, atau bila ini kota, ganti nama foldernya menjadi kota-{kab.slug}"
        report.report(source, ("jenis",), f"{model.jenis} tidak cocok dengan nama folder {kab.slug}; {fix}")
    if not model.kode.startswith(model.provinsi.kode + "."):
        report.report(source, ("kode",), f"kode kabupaten harus diawali kode provinsi {model.provinsi.kode}.")
    check_official(report, source, ("provinsi",), "provinsi", model.provinsi.kode, model.provinsi.nama, regions)
    check_official(report, source, (), "kabupaten", model.kode, f"{model.jenis} {model.nama}", regions)


def check_profil(report: Reporter, source: SourceFile, kec: KecamatanData, kab: KabupatenData | None,
                 ref: Referensi, regions: dict[str, dict[str, str]] | None = None) -> None:
    check_method(report, source, ("metode",), kec.profil.metode, ref)
    if kec.profil.kode:
        check_official(report, source, (), "kecamatan", kec.profil.kode, kec.profil.nama, regions)
    if kab is not None:  # without a kabupaten, check_folders already reported the profil
        check_method_complete(report, source, kec, ref)
        if kec.profil.kode and not kec.profil.kode.startswith(kab.kabupaten.kode + "."):
            report.report(source, ("kode",), f"kode kecamatan harus diawali kode kabupaten {kab.kabupaten.kode}.")
    check_report_ids_unique(report, source, kec)


def check_method_complete(report: Reporter, source: SourceFile, kec: KecamatanData, ref: Referensi) -> None:
    """The kecamatan's method (its own over its kabupaten's) names a scale and the efisiensi formula, and the
    formula for lower-is-better indicators when its Renstra has one (otherwise there is nothing to apply it to)."""
    lower_is_better = any(p.indikator.polaritas == "turun" for r in kec.renstra for tree in all_goal_trees(r)
                          for p in iter_indicators(tree))
    missing = [name for name in METHOD_FIELDS if getattr(kec.metode, name) is None
               and (name != "rumus_capaian_turun" or lower_is_better)]
    choices = {"skala_capaian": ref.skala, "rumus_capaian_turun": ref.rumus.capaian_turun,
               "rumus_efisiensi": ref.rumus.efisiensi}
    for name in missing:
        why = " (Renstra punya indikator dengan polaritas: turun)" if name == "rumus_capaian_turun" else ""
        report.report(source, ("metode",), f"metode belum lengkap: {name} belum diisi{why}; tulis di bawah metode: "
                      f"di profil.yaml atau kabupaten.yaml, mis. {name}: {next(iter(choices[name]))} "
                      f"(pilihan: {', '.join(choices[name])})")


def check_report_ids_unique(report: Reporter, source: SourceFile, kec: KecamatanData) -> None:
    ids = [laporan.id for laporan in kec.profil.laporan]
    for i, report_id in enumerate(ids):
        if ids.index(report_id) != i:
            report.report(source, ("laporan", i, "id"), f'id laporan "{report_id}" dipakai dua kali')
