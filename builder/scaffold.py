"""Starting files for staff: the next year of a kecamatan, or a kecamatan not yet in the data.

Every field of the model is in the file. What the data already knows is filled in
(the Renstra targets, the camat of the latest year); what staff must fill is left
blank and marked ISI; optional sections are commented out, ready to uncomment.
The comments are the models' own field descriptions, so they never drift from the
validator. Nothing existing is ever overwritten.
"""

from __future__ import annotations

import os
import re
import typing
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml
from pydantic import BaseModel

from . import layout
from . import models as m
from .models.fields import field_model, is_list, unwrap
from .dataset import KecamatanData, goals_in_force, iter_indicators, kabupaten_slug, slug_of
from .load import load_regions

SCHEMA_DIR_NAME = "schema"
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
FORMAT_LINE = f"{m.FORMAT_VERSION_KEY}: {m.FORMAT_VERSION}"  # the format every scaffold is written in
FILE_KINDS = {m.Tahunan: "tahunan", m.Profil: "profil", m.Renstra: "renstra", m.Kabupaten: "kabupaten"}


class ScaffoldError(Exception):
    """A scaffold that cannot be made; the message is for staff, in Bahasa Indonesia."""


# --------------------------------------------------------------------------
# Field descriptions as YAML comments
# --------------------------------------------------------------------------


def describe(field) -> str:
    """One comment line: description, whether required, allowed values."""
    parts = []
    if field.description:
        parts.append(field.description.replace("\n", " ").rstrip("."))
    inner = unwrap(field.annotation)
    if typing.get_origin(inner) is typing.Literal:
        parts.append("pilihan: " + ", ".join(str(v) for v in typing.get_args(inner)))
    if field.is_required():
        parts.append("wajib")
    return "; ".join(parts)


_LINE_BREAKS = re.compile("[\r\n\x0b\x0c\x85\u2028\u2029]+")  # what YAML or an editor takes for a new line


def one_line(text: object) -> str:
    """Text for a comment: a line break in a name (from the data or the command line) would start a line of live
    YAML in the file written."""
    return _LINE_BREAKS.sub(" ", str(text))


def _comment(text: str) -> str:
    return f"  # {one_line(text)}" if text else ""


def commented_fields(model: type[BaseModel], indent: int, seen: tuple = ()) -> list[str]:
    """Every field of `model` as commented-out YAML with its description (one example item per list)."""
    pad = " " * indent
    lines = []
    for name, field in model.model_fields.items():
        sub = field_model(field.annotation)
        if sub is not None and sub in seen:  # recursive models (sub-program, rincian): one level is enough
            lines.append(f"{pad}# {name}: []{_comment('sama seperti tingkat di atas')}")
        elif sub is not None and is_list(field.annotation):
            lines.append(f"{pad}# {name}:{_comment(describe(field))}")
            item = commented_fields(sub, indent + 4, seen + (model,))
            first = item[0].replace(f"{' ' * (indent + 4)}# ", f"{pad}#   - ", 1)
            lines += [first, *item[1:]]
        elif sub is not None:
            lines.append(f"{pad}# {name}:{_comment(describe(field))}")
            lines += commented_fields(sub, indent + 2, seen + (model,))
        else:
            lines.append(f"{pad}# {name}:{_comment(describe(field))}")
    return lines


def _scalar(value, quoted: bool = False) -> str:
    """A value on one line of YAML (a text with line breaks, or `quoted`, double-quoted: a NIP stays a text)."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    style = '"' if isinstance(value, str) and (quoted or _LINE_BREAKS.search(value)) else None
    return yaml.safe_dump(value, default_flow_style=True, default_style=style, allow_unicode=True,
                          width=float("inf")).strip().removesuffix("...").strip()


def modeline(path: Path, data_dir: Path, model: type[BaseModel]) -> str:
    schema = data_dir.parent / SCHEMA_DIR_NAME / f"{FILE_KINDS[model]}.schema.json"
    return f"# yaml-language-server: $schema={Path(os.path.relpath(schema, path.parent)).as_posix()}"


# --------------------------------------------------------------------------
# New year
# --------------------------------------------------------------------------


@dataclass
class Scaffold:
    files: dict[Path, str]  # path -> text
    next_steps: list[str]


def new_year(kec: KecamatanData, year: int, data_dir: Path) -> Scaffold:
    renstra = kec.renstra_for(year)
    if renstra is None:
        periods = ", ".join(f"{r.periode.mulai}–{r.periode.selesai}" for r in kec.renstra) or "tidak ada"
        raise ScaffoldError(f"Tidak ada Renstra Kecamatan {kec.profil.nama} yang mencakup tahun {year} "
                            f"(Renstra yang ada: {periods}). Tambahkan dulu berkas renstra-<mulai>-<selesai>.yaml.")
    path = data_dir / layout.year_file(kec.slug, year)
    known_reports = {lap.tahun: lap.id for lap in kec.profil.laporan}
    report_id = known_reports.get(year)
    # An earlier year whose figures a later report prints (its "tahun lalu" columns): that report is the source.
    printed_later = known_reports.get(year + 1) if report_id is None else None
    # The camat is copied from the nearest earlier year; a year before every file gets the blank instead.
    earlier = [y for y in kec.tahun if y < year]
    latest = kec.tahun[max(earlier)] if earlier else None

    lines = [
        modeline(path, data_dir, m.Tahunan),
        f"# Kinerja Kecamatan {one_line(kec.profil.nama)} tahun {year}, dibuat dari target Renstra "
        f"{renstra.periode.mulai}–{renstra.periode.selesai} oleh `python -m builder new-year`.",
        "# Cara mengisi (lihat CONTRIBUTING.md):",
        "# - Isi setiap baris bertanda ISI dari laporan kinerja; biarkan kosong bila laporan tidak memuatnya.",
        "# - Angka ditulis dengan titik desimal dan tanpa pemisah ribuan: 89.81, 10374789534.",
        "# - Baris yang diawali '# ' adalah bagian pilihan: hapus '# ' untuk memakainya.",
        "# - Setiap angka diberi `sumber: {tabel: \"Tabel ...\"}`; angka turunan yang dicetak laporan",
        "#   (capaian, total, efisiensi) masuk ke `dinyatakan`, bukan menimpa angka mentah.",
        FORMAT_LINE,
        f"tahun: {year}",
    ]
    if report_id:
        lines.append(f"laporan: {report_id}{_comment(describe(m.Tahunan.model_fields['laporan']))}")
    elif printed_later:
        lines.append(f"laporan: {printed_later}{_comment(f'angka {year} yang dicetak laporan {year + 1} (kolom tahun lalu); bila laporan {year} sendiri ada, daftarkan di profil.yaml dan tulis id-nya di sini')}")
    else:
        lines.append(f"laporan: lkjip-{year}{_comment('ISI: id laporan ini; daftarkan juga di profil.yaml bagian laporan')}")
    if latest and latest.camat:
        lines.append(f"camat:{_comment(f'disalin dari {latest.tahun}; ISI: periksa bila camat berganti')}")
        for name in m.Pejabat.model_fields:
            value = getattr(latest.camat, name)
            shown = _scalar(str(value), quoted=True) if name == "nip" and value is not None else _scalar(value)
            lines.append(f"  {name}: {shown}" if value is not None else f"  {name}:")
    else:
        lines.append("# camat:  # ISI: camat yang menandatangani laporan (hapus '# ' di baris ini dan di bawahnya)")
        lines += commented_fields(m.Pejabat, 2)
    lines.append(f"perjanjian_kinerja:{_comment('dokumen Perjanjian Kinerja tahun ini')}")
    pk = m.DokumenPk.model_fields
    lines += [f"  # tanggal:{_comment(describe(pk['tanggal']))}",
              f"  # pihak_pertama: {{nama: , jabatan: }}{_comment(describe(pk['pihak_pertama']))}",
              f"  # pihak_kedua: {{nama: , jabatan: }}{_comment(describe(pk['pihak_kedua']))}",
              f"  # sumber: {{tabel: }}{_comment(describe(pk['sumber']))}",
              "  # baris, jumlah_anggaran, perubahan: baris dan lampiran anggaran PK, dan PK perubahan; contoh di "
              "CONTRIBUTING.md bagian 3"]
    lines.append(f"kinerja:{_comment('satu baris per indikator Renstra yang berlaku tahun ini')}")
    lines += _kinerja_lines(kec, renstra, year)
    skip = {m.FORMAT_VERSION_KEY, "tahun", "laporan", "camat", "perjanjian_kinerja", "kinerja"}
    optional = [name for name in m.Tahunan.model_fields if name not in skip]
    examples = _examples(data_dir, optional, path.parent)
    lines.append("# Bagian lain, bila laporan memuatnya: kolomnya di halaman situs \"Rujukan kolom berkas data\"")
    lines.append("# (rujukan-kolom.html), dan contoh yang sudah terisi di berkas yang disebut.")
    for name in optional:
        example = f"; contoh: {examples[name]}" if name in examples else ""
        lines.append(f"# {name}:{_comment(describe(m.Tahunan.model_fields[name]) + example)}")
    steps = [f"Isi baris bertanda ISI di {path.relative_to(data_dir.parent)}.",
             "Periksa: .venv/bin/python -m builder validate"]
    if not report_id and not printed_later:
        steps.insert(0, "Daftarkan laporannya di profil.yaml, di bawah `laporan:`:\n"
                        f"  - id: lkjip-{year}\n    jenis: LKjIP\n    tahun: {year}\n"
                        f"    judul: Laporan Kinerja Instansi Pemerintah Kecamatan {one_line(kec.profil.nama)} Tahun {year}")
    return Scaffold({path: "\n".join(lines) + "\n"}, steps)


def _kinerja_lines(kec: KecamatanData, renstra: m.Renstra, year: int) -> list[str]:
    lines, current = [], None
    fields = m.Kinerja.model_fields
    for place in iter_indicators(goals_in_force(renstra, year)):
        ind, sasaran = place.indikator, place.sasaran
        goal = (sasaran or place.tujuan).nama
        if goal != current:
            lines.append(f"  # {'Sasaran' if sasaran else 'Tujuan'}: {one_line(goal)}")
            current = goal
        direction = m.POLARITAS[ind.polaritas]
        lines.append(f"  - indikator: {ind.id}{_comment(f'{ind.nama} ({ind.satuan}; {direction})')}")
        target = ind.target.get(year)
        if target is not None:
            lines.append(f"    target: {_scalar(target)}{_comment(f'target Renstra {year}; ISI: ganti dengan target Perjanjian Kinerja bila berbeda')}")
        else:
            lines.append(f"    target:{_comment(f'ISI: Renstra tidak memuat target {year}; ' + describe(fields['target']))}")
        lines.append(f"    target_perubahan:{_comment(describe(fields['target_perubahan']))}")
        lines.append(f"    realisasi:{_comment(f'ISI: realisasi {year} menurut laporan')}")
        lines.append(f"    tidak_diukur:{_comment(describe(fields['tidak_diukur']))}")
        lines.append("    sumber:" + _comment('ISI: tabel laporan, mis. {tabel: "Tabel 3.1"}'))
        lines.append(f"    catatan:{_comment(describe(fields['catatan']))}")
        for name in ("pengukuran", "narasi", "dinyatakan"):  # their fields: the field reference page
            lines.append(f"    # {name}:{_comment(describe(fields[name]))}")
    return lines


def _examples(data_dir: Path, keys: list[str], own: Path) -> dict[str, str]:
    """Where each top-level key of a year file is already filled in ("data/wilayah/…/2023.yaml baris 1746"): a
    real example beats a commented-out template four levels deep. The kecamatan's own earlier years first."""
    found: dict[str, str] = {}
    for path in sorted((data_dir / "wilayah").glob("*/*/[0-9][0-9][0-9][0-9].yaml"), key=lambda p: (p.parent != own, p)):
        wanted = [k for k in keys if k not in found]
        if not wanted:
            break
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            key = line.split(":", 1)[0]
            if key in wanted and line.startswith(key + ":"):
                found[key] = f"{path.relative_to(data_dir.parent).as_posix()} baris {number}"
    return found


# --------------------------------------------------------------------------
# New kecamatan
# --------------------------------------------------------------------------


def new_kecamatan(data_dir: Path, slug: str, nama: str, mulai: int, selesai: int) -> Scaffold:
    parts = slug.split("/")
    if len(parts) != 2 or not all(ID_PATTERN.fullmatch(p) for p in parts):
        raise ScaffoldError(f'"{slug}" bukan nama folder yang sah: tulis <kabupaten>/<kecamatan> dengan huruf kecil '
                            "dan tanda minus, mis. bengkalis/rupat-selatan")
    if not m.FIRST_YEAR <= mulai < selesai <= m.LAST_YEAR:
        raise ScaffoldError(f"periode Renstra {mulai}–{selesai} tidak masuk akal; tulis mis. --renstra 2021-2026")
    kab_dir = data_dir / "wilayah" / parts[0]
    kec_dir = kab_dir / parts[1]
    official = official_codes(data_dir, parts[0], parts[1])
    files: dict[Path, str] = {}
    if not (kab_dir / "kabupaten.yaml").exists():
        path = kab_dir / "kabupaten.yaml"
        kab = official.get("kabupaten")
        prov = official.get("provinsi")
        files[path] = "\n".join([
            modeline(path, data_dir, m.Kabupaten),
            f"# Kabupaten/kota {parts[0]}: isi baris bertanda ISI (kode dan nama menurut Kemendagri).",
            FORMAT_LINE,
            (f"nama: {_scalar(kab[1])}{_comment(f'dari daftar Kemendagri ({kab[2]})')}" if kab else
             "nama:  # ISI: " + describe(m.Kabupaten.model_fields["nama"])),
            (f"jenis: kota  # dari nama folder {parts[0]}" if parts[0].startswith("kota-") else
             f"jenis: kabupaten  # dari nama folder {parts[0]}; folder sebuah kota diawali kota-, mis. kota-dumai"),
            (f'kode: "{kab[0]}"  # dari daftar Kemendagri' if kab else
             "kode:  # ISI: " + describe(m.Kabupaten.model_fields["kode"]) + _not_listed(parts[0])),
            "provinsi:",
            f"  nama: {_scalar(prov[1])}" if prov else "  nama:  # ISI: nama provinsi",
            f'  kode: "{prov[0]}"' if prov else "  kode:  # ISI: kode provinsi 2 digit, mis. 14",
            "# metode:  # " + describe(m.Kabupaten.model_fields["metode"]),
            *commented_fields(m.Metode, 2),
        ]) + "\n"
    path = kec_dir / "profil.yaml"
    files[path] = "\n".join([
        modeline(path, data_dir, m.Profil),
        f"# Profil Kecamatan {one_line(nama)}: isi dari Bab I laporan kinerja. Baris bertanda ISI wajib diisi.",
        FORMAT_LINE,
        f"nama: {_scalar(nama)}",
        *([f'kode: "{official["kecamatan"][0]}"  # dari daftar Kemendagri ({official["kecamatan"][1]})']
          if "kecamatan" in official else []),
        *[f"# {name}:{_comment(describe(f))}" for name, f in m.Profil.model_fields.items()
          if name not in ("nama", "laporan", "unit_organisasi", "metode", m.FORMAT_VERSION_KEY) and not (name == "kode" and "kecamatan" in official)],
        "# unit_organisasi:",
        *[line.replace("  # ", "#   - ", 1) if i == 0 else line for i, line in enumerate(commented_fields(m.UnitOrganisasi, 2))],
        "metode:  # cara laporan menilai capaian; hapus bagian ini bila kabupaten.yaml sudah menetapkannya",
        *[f"  {name}:{_comment('ISI: ' + describe(f))}" for name, f in m.Metode.model_fields.items()
          if name in ("skala_capaian", "rumus_efisiensi")],
        f"  # rumus_capaian_turun:{_comment('hanya bila ada indikator yang makin kecil makin baik; ' + describe(m.Metode.model_fields['rumus_capaian_turun']))}",
        "laporan:  # laporan kinerja yang menjadi sumber data; satu per laporan",
        f"  - id:  # ISI: {describe(m.Laporan.model_fields['id'])}",
        *[f"    {name}:{_comment(('ISI: ' if f.is_required() else '') + describe(f))}"
          for name, f in m.Laporan.model_fields.items() if name != "id"],
    ]) + "\n"
    path = kec_dir / f"renstra-{mulai}-{selesai}.yaml"
    ind_fields = m.Indikator.model_fields
    files[path] = "\n".join([
        modeline(path, data_dir, m.Renstra),
        f"# Renstra Kecamatan {one_line(nama)} {mulai}–{selesai}: tujuan, sasaran, indikator dan target tiap tahun.",
        "# Salin satu blok indikator untuk setiap indikator; id ditulis huruf kecil dengan tanda minus.",
        FORMAT_LINE,
        "periode:",
        f"  mulai: {mulai}",
        f"  selesai: {selesai}",
        *[f"# {name}:{_comment(describe(f))}" for name, f in m.Renstra.model_fields.items()
          if name in ("dokumen", "rpjmd", "visi", "visi_penjelasan", "misi_terkait", "sumber", "catatan")],
        "tujuan:",
        "  - id:  # ISI: pengenal tujuan, mis. pelayanan-publik",
        "    nama:  # ISI: rumusan tujuan",
        "    sasaran:",
        "      - id:  # ISI: pengenal sasaran",
        "        nama:  # ISI: rumusan sasaran",
        "        indikator:",
        "          - id:  # ISI: " + describe(ind_fields["id"]),
        "            nama:  # ISI: nama indikator seperti di laporan",
        "            satuan:  # ISI: " + describe(ind_fields["satuan"]),
        "            polaritas: naik  # " + describe(ind_fields["polaritas"]),
        "            target:  # ISI: target tiap tahun",
        *[f"              {y}:" for y in range(mulai, selesai + 1)],
        *[f"            # {name}:{_comment(describe(f))}" for name, f in ind_fields.items()
          if name not in ("id", "nama", "satuan", "polaritas", "target")],
        "# misi, strategi, program, revisi: lihat skema dan contoh kecamatan lain di data/wilayah/.",
    ]) + "\n"
    steps = [f"Isi baris bertanda ISI di {', '.join(str(p.relative_to(data_dir.parent)) for p in files)}.",
             f"Tambahkan tahun: .venv/bin/python -m builder new-year {slug} <tahun>",
             f"Tulis {(kec_dir / 'SUMBER.md').relative_to(data_dir.parent)}: tabel laporan mana masuk ke berkas mana.",
             "Periksa: .venv/bin/python -m builder validate"]
    return Scaffold(files, steps)


def official_codes(data_dir: Path, kabupaten_folder: str, kecamatan_folder: str) -> dict[str, tuple[str, ...]]:
    """The Kemendagri code and name of the folders' kabupaten/kota, its provinsi and the kecamatan, where the list
    has them: {"kabupaten": (code, name without Kabupaten/Kota, official name), "provinsi": (code, name),
    "kecamatan": (code, name)}."""
    regions = load_regions(data_dir)
    if not regions:
        return {}
    found: dict[str, tuple[str, ...]] = {}
    for code, name in regions["kabupaten"].items():
        if kabupaten_slug(name) == kabupaten_folder:
            found["kabupaten"] = (code, re.sub(r"^(Kabupaten|Kota)\s+", "", name), name)
            province = code.split(".")[0]
            if province in regions["provinsi"]:
                found["provinsi"] = (province, regions["provinsi"][province])
            found.update(("kecamatan", (c, n)) for c, n in regions["kecamatan"].items()
                         if c.startswith(code + ".") and slug_of(n) == kecamatan_folder)
            break
    return found


def _not_listed(folder: str) -> str:
    return (f"; {folder} tidak ada di daftar Kemendagri (data/referensi/kemendagri/regencies.csv): periksa nama "
            "foldernya")


# --------------------------------------------------------------------------
# Writing: all or nothing, never over an existing file
# --------------------------------------------------------------------------


def write_new(scaffold: Scaffold) -> list[Path]:
    existing = [p for p in scaffold.files if p.exists()]
    if existing:
        raise ScaffoldError("Berkas sudah ada, tidak ditimpa: " + ", ".join(str(p) for p in existing)
                            + ". Ubah berkas itu langsung, atau hapus dulu bila memang ingin membuat ulang.")
    written = []
    for path, text in scaffold.files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:  # "x": fails rather than overwrite
            handle.write(text)
        written.append(path)
    return written
