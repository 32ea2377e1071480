"""Pydantic models: the shape of every YAML file under data/.

Field names are the YAML keys (Bahasa Indonesia, because kecamatan staff
edit them); every field has a description so the generated JSON Schema,
editor hovers and the reference page explain it.

Raw data (target, realisasi, pagu ...) and the report's own derived figures
(`dinyatakan`: capaian, totals, efficiency as printed) are kept apart, so the
builder can recompute the derived figures and audit the report.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Literal, Optional, Union

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

# --------------------------------------------------------------------------
# Scalar types
# --------------------------------------------------------------------------

_ID_NUMBER = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+(,\d+)?|\d+,\d+)\s*%?$")
_PLAIN_NUMBER_WITH_SUFFIX = re.compile(r"^[+-]?\d+(\.\d+)?\s*%$")


def _to_decimal(value: object) -> Decimal:
    """Accept YAML ints and floats; explain Indonesian-style strings."""
    if isinstance(value, bool):
        raise PydanticCustomError("angka", "harus berupa angka, bukan {found}", {"found": value})
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        text = value.strip()
        if _ID_NUMBER.match(text):
            fixed = text.rstrip("%").strip().replace(".", "").replace(",", ".")
            raise PydanticCustomError(
                "angka_gaya_indonesia",
                'angka ditulis gaya Indonesia sebagai teks "{found}"; di YAML tulis {fixed} '
                "(tanpa titik ribuan, koma desimal diganti titik, tanpa tanda kutip dan %)",
                {"found": text, "fixed": fixed},
            )
        if _PLAIN_NUMBER_WITH_SUFFIX.match(text):
            fixed = text.rstrip("%").strip()
            raise PydanticCustomError(
                "angka_persen",
                'angka "{found}" ditulis dengan tanda %; tulis {fixed} saja',
                {"found": text, "fixed": fixed},
            )
    raise PydanticCustomError("angka", "harus berupa angka, bukan {found}", {"found": repr(value)})


def _decimal_schema(minimum: Optional[int] = None) -> dict:
    schema: dict = {"type": "number"}
    if minimum is not None:
        schema["minimum"] = minimum
    return schema


def _non_negative(value: Decimal) -> Decimal:
    if value < 0:
        raise PydanticCustomError(
            "uang_negatif", "jumlah uang tidak boleh negatif (ditemukan {found})", {"found": str(value)}
        )
    return value


Angka = Annotated[
    Decimal,
    BeforeValidator(_to_decimal),
    PlainSerializer(lambda d: float(d), return_type=float),
    WithJsonSchema(_decimal_schema()),
]
"""A number as printed in the report (kept exact as a Decimal)."""

Uang = Annotated[
    Decimal,
    BeforeValidator(lambda v: _non_negative(_to_decimal(v))),
    PlainSerializer(lambda d: float(d), return_type=float),
    WithJsonSchema(_decimal_schema(minimum=0)),
]
"""An amount in rupiah; never negative. A "-" in a money column is written 0."""


def _category_or_number(value: object) -> Union[Decimal, str]:
    if isinstance(value, str) and not _ID_NUMBER.match(value.strip()) and not _PLAIN_NUMBER_WITH_SUFFIX.match(value.strip()):
        text = value.strip()
        if not re.fullmatch(r"[A-Z]{1,3}", text):
            raise PydanticCustomError(
                "nilai_kinerja",
                'nilai "{found}" bukan angka dan bukan kode kategori (mis. BB, A); '
                "satuan ditulis di indikator, bukan di nilai",
                {"found": text},
            )
        return text
    return _to_decimal(value)


NilaiKinerja = Annotated[
    Union[Decimal, str],
    BeforeValidator(_category_or_number),
    PlainSerializer(lambda v: float(v) if isinstance(v, Decimal) else v),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "pattern": "^[A-Z]{1,3}$"}]}),
]
"""A target or realisasi: a number, or a category code such as "BB"."""

Id = Annotated[
    str,
    Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Pengenal: huruf kecil, angka dan tanda minus."),
]
Tahun = Annotated[int, Field(ge=1990, le=2100)]
Markdown = Annotated[str, Field(description="Teks Markdown.")]


class Model(BaseModel):
    """Base: unknown keys are errors (they are almost always typos)."""

    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=True)


# --------------------------------------------------------------------------
# Shared pieces
# --------------------------------------------------------------------------


class Sumber(Model):
    """Where a figure was printed."""

    laporan: Optional[Id] = Field(
        None, description="Id laporan (lihat `laporan` di profil.yaml). Kosong = laporan bawaan berkas ini."
    )
    tabel: str = Field(description='Tabel atau bagian laporan, mis. "Tabel 3.2" atau "Bab III teks".')
    halaman: Optional[int] = Field(None, description="Nomor halaman laporan, bila diketahui.")


class Pejabat(Model):
    nama: str = Field(description="Nama lengkap dengan gelar, ejaan diperbaiki bila jelas salah ketik.")
    nip: Optional[str] = Field(None, pattern=r"^\d{8} ?\d{6} ?\d ?\d{3}$", description="NIP 18 digit.")
    pangkat: Optional[str] = Field(None, description="Pangkat/golongan, mis. Penata Tingkat I (III/d).")
    jabatan: Optional[str] = Field(None, description="Jabatan.")


# --------------------------------------------------------------------------
# Reference data (data/referensi/)
# --------------------------------------------------------------------------


class Tingkat(Model):
    kode: str = Field(description="Kode tingkat, mis. ST, SB, A, AA, MANDIRI.")
    label: str = Field(description="Label yang ditampilkan.")
    min: Optional[Angka] = Field(None, description="Batas bawah; kosong untuk tingkat terbawah.")
    keterangan: Optional[str] = None


class Skala(Model):
    """An ordered scale: thresholds on a number, and an ordinal for categories."""

    nama: str
    dasar_hukum: Optional[str] = Field(None, description="Sumber hukum skala ini.")
    batas_bawah: Literal["inklusif", "eksklusif"] = Field(
        description="inklusif: nilai >= min masuk tingkat itu; eksklusif: nilai > min."
    )
    catatan: Optional[Markdown] = Field(None, description="Penjelasan pilihan batas (celah pada teks aslinya).")
    tingkat: list[Tingkat] = Field(min_length=2, description="Dari tingkat tertinggi ke terendah.")


class Rumus(Model):
    nama: str
    rumus: str = Field(description="Rumus dalam teks.")
    keterangan: Optional[Markdown] = None
    contoh_laporan: Optional[str] = Field(None, description="Laporan yang memakai rumus ini.")


class PilihanSeragam(Model):
    skala_capaian: Id
    rumus_capaian_turun: Id
    rumus_efisiensi: Id


class ReferensiRumus(Model):
    """referensi/rumus.yaml: formulas a kecamatan may declare, and the uniform choice."""

    capaian_turun: dict[Id, Rumus] = Field(description="Rumus capaian untuk indikator semakin kecil semakin baik.")
    efisiensi: dict[Id, Rumus] = Field(description="Rumus efisiensi (capaian kinerja vs penyerapan anggaran).")
    seragam: PilihanSeragam = Field(description="Skala dan rumus seragam untuk perbandingan antarkecamatan.")


class IndikatorKanonik(Model):
    """An indicator whose meaning is shared by many kecamatan (compared across them)."""

    id: Id
    nama: str
    satuan: str
    polaritas: Literal["naik", "turun"]
    jenis: Literal["numerik", "kategori"]
    skala_kategori: Optional[Id] = None
    definisi: Markdown
    dasar_hukum: Optional[str] = None
    kata_kunci: list[str] = Field(default_factory=list, description="Kata pencarian lain.")


class KomponenAkip(Model):
    id: Id
    nama: str
    bobot: Angka


class MetodologiAkip(Model):
    nama: str
    dasar_hukum: str
    komponen: list[KomponenAkip]


# --------------------------------------------------------------------------
# Region and kecamatan profile
# --------------------------------------------------------------------------


class Metode(Model):
    """The methods a kecamatan's reports use; declared, never guessed."""

    skala_capaian: Optional[Id] = Field(None, description="Skala penilaian capaian (id di referensi/skala.yaml).")
    rumus_capaian_turun: Optional[Id] = Field(
        None, description="Rumus capaian indikator semakin kecil semakin baik (referensi/rumus.yaml)."
    )
    rumus_efisiensi: Optional[Id] = Field(None, description="Rumus efisiensi (referensi/rumus.yaml).")
    sumber: Optional[Sumber] = None
    catatan: Optional[Markdown] = Field(None, description="Bagaimana metode ini diketahui (mis. dari angka laporan).")


class Provinsi(Model):
    nama: str
    kode: str = Field(pattern=r"^\d{2}$")


class Kabupaten(Model):
    """data/wilayah/<kabupaten>/kabupaten.yaml"""

    nama: str = Field(description="Nama tanpa kata Kabupaten/Kota, mis. Bengkalis.")
    jenis: Literal["kabupaten", "kota"]
    kode: str = Field(pattern=r"^\d{2}\.\d{2}$", description="Kode Kemendagri, mis. 14.03.")
    provinsi: Provinsi
    metode: Optional[Metode] = Field(None, description="Metode bawaan untuk semua kecamatan di kabupaten ini.")


class UnitOrganisasi(Model):
    nama: str
    tugas: Optional[Markdown] = None
    sub_unit: list[str] = Field(default_factory=list)


class Laporan(Model):
    id: Id = Field(description="Pengenal laporan, mis. lkjip-2022.")
    jenis: str = Field(description="LKjIP, LAKIP, LKj ...")
    tahun: Tahun = Field(description="Tahun kinerja yang dilaporkan.")
    judul: str
    tanggal: Optional[dt.date] = Field(None, description="Tanggal penandatanganan.")
    tempat: Optional[str] = None
    berkas: Optional[str] = Field(None, description="Nama berkas sumber (PDF atau teks hasil konversi).")
    penandatangan: Optional[Pejabat] = None


class Profil(Model):
    """data/wilayah/<kabupaten>/<kecamatan>/profil.yaml"""

    nama: str = Field(description="Nama kecamatan tanpa kata Kecamatan.")
    kode: Optional[str] = Field(None, pattern=r"^\d{2}\.\d{2}\.\d{2}$", description="Kode Kemendagri, mis. 14.03.11.")
    ibukota: Optional[str] = None
    alamat: Optional[str] = None
    luas_ha: Optional[Angka] = Field(None, description="Luas wilayah dalam hektar.")
    jumlah_desa: Optional[int] = None
    jumlah_kelurahan: Optional[int] = None
    jumlah_dusun: Optional[int] = None
    batas_wilayah: Optional[dict[Literal["utara", "selatan", "barat", "timur"], str]] = None
    semboyan: Optional[str] = None
    dasar_hukum: list[str] = Field(default_factory=list, description="Peraturan tentang kedudukan, tugas dan fungsi.")
    tugas: Optional[Markdown] = None
    fungsi: list[Markdown] = Field(default_factory=list)
    unit_organisasi: list[UnitOrganisasi] = Field(default_factory=list)
    metode: Optional[Metode] = Field(None, description="Menimpa metode bawaan kabupaten.")
    laporan: list[Laporan] = Field(min_length=1, description="Laporan kinerja yang menjadi sumber data.")
    catatan: Optional[Markdown] = Field(None, description="Catatan transkripsi (ejaan yang diperbaiki dll.).")


# --------------------------------------------------------------------------
# Renstra
# --------------------------------------------------------------------------


class Baseline(Model):
    tahun: Tahun
    nilai: Optional[NilaiKinerja] = Field(None, description="Kosong bila laporan menulis N/A.")


class Indikator(Model):
    id: Id = Field(description="Pengenal tetap indikator, dipakai di berkas tahunan.")
    nama: str
    satuan: str = Field(description='Satuan, mis. "nilai", "%", "kasus", "predikat".')
    polaritas: Literal["naik", "turun"] = Field(
        description="naik: semakin besar semakin baik; turun: semakin kecil semakin baik."
    )
    jenis: Literal["numerik", "kategori"] = "numerik"
    skala_kategori: Optional[Id] = Field(None, description="Untuk jenis kategori: skala ordinal, mis. predikat-akip.")
    kanonik: Optional[Id] = Field(None, description="Id indikator bersama (referensi/indikator.yaml) bila maknanya sama.")
    definisi: Optional[Markdown] = Field(None, description="Penjelasan/formulasi perhitungan.")
    penanggung_jawab: Optional[str] = None
    baseline: Optional[Baseline] = None
    target: dict[Tahun, Optional[NilaiKinerja]] = Field(
        default_factory=dict, description="Target per tahun Renstra (tahun: nilai)."
    )
    target_akhir: Optional[NilaiKinerja] = Field(None, description="Target kondisi akhir Renstra.")
    sumber: Optional[Sumber] = None
    catatan: Optional[Markdown] = None


class Sasaran(Model):
    id: Id
    nama: str
    indikator: list[Indikator] = Field(default_factory=list)


class Tujuan(Model):
    id: Id
    nama: str
    indikator: list[Indikator] = Field(default_factory=list, description="Indikator tujuan.")
    sasaran: list[Sasaran] = Field(default_factory=list)


class Strategi(Model):
    indikator: Optional[Id] = None
    sasaran: Optional[Id] = None
    strategi: str
    kebijakan: list[str] = Field(default_factory=list)


class Misi(Model):
    nomor: Optional[int] = None
    teks: str
    penjelasan: Optional[Markdown] = None


class TargetProgram(Model):
    kinerja: Optional[NilaiKinerja] = None
    pagu: Optional[Uang] = None


class RencanaProgram(Model):
    """A row of the Renstra programme matrix (program / kegiatan / sub kegiatan)."""

    tingkat: Literal["program", "kegiatan", "sub_kegiatan"]
    kode: Optional[str] = None
    nama: str
    indikator: Optional[str] = None
    satuan: Optional[str] = None
    baseline: Optional[NilaiKinerja] = None
    target: dict[Tahun, TargetProgram] = Field(default_factory=dict)
    target_akhir: Optional[TargetProgram] = None
    penanggung_jawab: Optional[str] = None
    anak: list["RencanaProgram"] = Field(default_factory=list)


class Revisi(Model):
    """A reviewed Renstra ("hasil reviu") replacing goals and targets from a year on."""

    nama: str = Field(description='Mis. "Renstra hasil reviu".')
    berlaku_mulai: Tahun
    catatan: Optional[Markdown] = None
    sumber: Optional[Sumber] = None
    tujuan: list[Tujuan]


class Periode(Model):
    mulai: Tahun
    selesai: Tahun


class Renstra(Model):
    """data/wilayah/<kabupaten>/<kecamatan>/renstra-<mulai>-<selesai>.yaml"""

    periode: Periode
    dokumen: Optional[str] = Field(None, description="Judul/nomor dokumen Renstra.")
    rpjmd: Optional[str] = Field(None, description="RPJMD yang diacu, mis. RPJMD Kabupaten Paser 2021-2026.")
    visi: Optional[str] = None
    visi_penjelasan: Optional[Markdown] = None
    misi: list[Misi] = Field(default_factory=list)
    misi_terkait: list[int] = Field(default_factory=list, description="Nomor misi yang didukung kecamatan.")
    tujuan: list[Tujuan]
    strategi: list[Strategi] = Field(default_factory=list)
    program: list[RencanaProgram] = Field(default_factory=list, description="Matriks program Renstra, bila dimuat.")
    revisi: list[Revisi] = Field(default_factory=list)
    sumber: Optional[Sumber] = None
    catatan: Optional[Markdown] = None


# --------------------------------------------------------------------------
# A year
# --------------------------------------------------------------------------


class DinyatakanIndikator(Model):
    """Figures about one indicator as the report prints them (for the audit)."""

    sumber: Sumber
    target: Optional[NilaiKinerja] = Field(None, description="Target yang dicetak berbeda dari PK.")
    target_renstra: Optional[NilaiKinerja] = Field(None, description="Target Renstra tahun ini menurut tabel ini.")
    realisasi: Optional[NilaiKinerja] = None
    capaian: Optional[Angka] = Field(None, description="Capaian (%) menurut laporan.")
    capaian_terhadap_tahun_lalu: Optional[Angka] = Field(
        None, description="Capaian tahun ini dibagi capaian tahun lalu (%), menurut laporan."
    )
    penyerapan: Optional[Angka] = Field(None, description="Penyerapan anggaran terkait (%) menurut laporan.")
    efisiensi: Optional[Angka] = Field(None, description="Efisiensi menurut laporan (dengan rumus laporan).")
    kemajuan_renstra: Optional[Angka] = Field(None, description="Tingkat kemajuan terhadap target akhir Renstra (%).")
    predikat: Optional[str] = Field(None, description="Label/predikat yang ditulis laporan, mis. Sangat Baik.")


class Narasi(Model):
    pendukung: Optional[Markdown] = Field(None, description="Faktor pendukung / penyebab keberhasilan.")
    penghambat: Optional[Markdown] = Field(None, description="Faktor penghambat / penyebab kegagalan.")
    solusi: Optional[Markdown] = Field(None, description="Solusi / strategi pemecahan masalah.")
    efisiensi: Optional[Markdown] = Field(None, description="Analisis efisiensi penggunaan sumber daya.")
    program_pendukung: Optional[Markdown] = Field(None, description="Program/kegiatan yang menunjang.")
    uraian: Optional[Markdown] = Field(None, description="Uraian lain.")


class Kinerja(Model):
    """One indicator in one year: the Perjanjian Kinerja target and its realisasi."""

    indikator: Id = Field(description="Id indikator dari Renstra.")
    target: Optional[NilaiKinerja] = Field(None, description="Target Perjanjian Kinerja (awal).")
    target_perubahan: Optional[NilaiKinerja] = Field(None, description="Target PK perubahan, bila ada.")
    realisasi: Optional[NilaiKinerja] = None
    tidak_diukur: Optional[str] = Field(
        None, description='Alasan bila realisasi tidak diukur (laporan menulis "-"). Capaian tidak dihitung.'
    )
    sumber: Optional[Sumber] = None
    catatan: Optional[Markdown] = None
    narasi: Optional[Narasi] = None
    dinyatakan: list[DinyatakanIndikator] = Field(default_factory=list)


class DinyatakanAnggaran(Model):
    penyerapan: Optional[Angka] = Field(None, description="Persentase realisasi yang dicetak.")
    sisa: Optional[Uang] = Field(None, description="Sisa anggaran yang dicetak.")
    pagu: Optional[Uang] = Field(None, description="Pagu yang dicetak di tabel lain.")
    realisasi: Optional[Uang] = Field(None, description="Realisasi yang dicetak di tabel lain.")
    sumber: Optional[Sumber] = None


class Keluaran(Model):
    """An output indicator attached to a budget line (program/kegiatan/sub kegiatan)."""

    nama: str
    satuan: Optional[str] = None
    target: Optional[NilaiKinerja] = None
    realisasi: Optional[NilaiKinerja] = None


class PosAnggaran(Model):
    kode: Optional[str] = Field(None, description="Kode Permendagri 90/2019 atau nomor baris tabel.")
    nama: str
    pagu: Uang = Field(description="Pagu (anggaran). Tulis 0 bila laporan mencetak '-'.")
    realisasi: Optional[Uang] = Field(None, description="Realisasi. Kosong bila belum dilaporkan (hanya target).")
    keluaran: Optional[Keluaran] = None
    dinyatakan: Optional[DinyatakanAnggaran] = None
    catatan: Optional[str] = None


class Rincian(PosAnggaran):
    """An expense line (rekening belanja) under a sub kegiatan."""


class SubKegiatan(PosAnggaran):
    rincian: list[Rincian] = Field(default_factory=list)


class Kegiatan(PosAnggaran):
    sub_kegiatan: list[SubKegiatan] = Field(default_factory=list)


class Program(PosAnggaran):
    sasaran: Optional[Id] = Field(None, description="Sasaran Renstra yang didukung program ini.")
    indikator_renstra: Optional[Id] = Field(None, description="Indikator Renstra yang didukung program ini.")
    kegiatan: list[Kegiatan] = Field(default_factory=list)
    sub_kegiatan: list[SubKegiatan] = Field(
        default_factory=list, description="Bila laporan langsung merinci sub kegiatan tanpa kegiatan."
    )


class Belanja(Model):
    """Budget by type: belanja operasi (pegawai, barang dan jasa), belanja modal ..."""

    jenis: str
    pagu: Optional[Uang] = None
    realisasi: Optional[Uang] = None
    dinyatakan: Optional[DinyatakanAnggaran] = None
    rincian: list["Belanja"] = Field(default_factory=list)


class AnggaranKinerja(Model):
    """Budget printed per sasaran or per indicator (a table of its own in the report)."""

    sasaran: Optional[Id] = None
    indikator: Optional[Id] = None
    program: Optional[str] = Field(None, description="Nama program bila tabel merinci per program.")
    pagu: Uang
    realisasi: Optional[Uang] = None
    dinyatakan: Optional[DinyatakanAnggaran] = None


class SumberDana(Model):
    nama: str
    jumlah: Uang


class DinyatakanTotal(Model):
    sumber: Sumber
    pagu: Optional[Uang] = None
    realisasi: Optional[Uang] = None
    penyerapan: Optional[Angka] = None
    sisa: Optional[Uang] = None
    kenaikan_realisasi: Optional[Uang] = Field(None, description="Kenaikan realisasi dari tahun lalu menurut laporan.")


class Anggaran(Model):
    sumber: Optional[Sumber] = None
    sumber_dana: list[SumberDana] = Field(default_factory=list, description="APBD, bantuan keuangan, hibah ...")
    program: list[Program] = Field(default_factory=list)
    belanja: list[Belanja] = Field(default_factory=list, description="Rincian menurut jenis belanja.")
    belanja_sumber: Optional[Sumber] = None
    per_kinerja: list[AnggaranKinerja] = Field(default_factory=list, description="Anggaran per sasaran/indikator.")
    per_kinerja_sumber: Optional[Sumber] = None
    dinyatakan: list[DinyatakanTotal] = Field(default_factory=list, description="Total yang dicetak laporan.")


class UnsurIkm(Model):
    nama: str
    nrr: Angka = Field(ge=1, le=4, description="Nilai rata-rata unsur (skala 1-4).")


class KarakteristikResponden(Model):
    kelompok: str = Field(description="Jenis kelamin, pendidikan, umur, pekerjaan ...")
    kategori: str
    jumlah: int = Field(ge=0)
    persen_dinyatakan: Optional[Angka] = None


class DinyatakanIkm(Model):
    sumber: Sumber
    nilai: Optional[Angka] = None
    mutu: Optional[str] = None
    responden: Optional[int] = None


class Ikm(Model):
    sumber: Optional[Sumber] = None
    periode: Optional[str] = None
    metode: Optional[str] = Field(None, description="Dasar/pedoman survei, aplikasi, dll.")
    responden: Optional[int] = Field(None, ge=0)
    unsur: list[UnsurIkm] = Field(default_factory=list, description="Sembilan unsur pelayanan dengan NRR.")
    puas: Optional[int] = Field(None, ge=0, description="Jumlah responden puas (survei sederhana).")
    tidak_puas: Optional[int] = Field(None, ge=0)
    karakteristik: list[KarakteristikResponden] = Field(default_factory=list)
    karakteristik_sumber: Optional[Sumber] = None
    dinyatakan: list[DinyatakanIkm] = Field(default_factory=list)


class DinyatakanDesa(Model):
    idm: Optional[Angka] = None
    status: Optional[str] = None


class Desa(Model):
    kode: Optional[str] = Field(None, pattern=r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$", description="Kode desa, mis. 14.03.11.2001.")
    nama: str
    iks: Angka = Field(ge=0, le=1)
    ike: Angka = Field(ge=0, le=1)
    ikl: Angka = Field(ge=0, le=1)
    dinyatakan: Optional[DinyatakanDesa] = None


class Idm(Model):
    sumber: Optional[Sumber] = None
    desa: list[Desa]


class NilaiKomponen(Model):
    komponen: Id
    nilai: Angka = Field(ge=0)


class DinyatakanAkip(Model):
    sumber: Sumber
    nilai: Optional[Angka] = None
    predikat: Optional[str] = None


class Akip(Model):
    metodologi: Id = Field(description="Id metodologi di referensi/akip.yaml.")
    evaluator: Optional[str] = Field(None, description="Mis. Inspektorat Kabupaten Batu Bara.")
    komponen: list[NilaiKomponen] = Field(default_factory=list)
    sumber: Optional[Sumber] = None
    dinyatakan: list[DinyatakanAkip] = Field(default_factory=list)


class JumlahPegawai(Model):
    kategori: str
    jumlah: int = Field(ge=0)
    persen_dinyatakan: Optional[Angka] = None


class Pegawai(Model):
    tahun_data: Optional[Tahun] = Field(None, description="Tahun keadaan pegawai bila berbeda dari tahun berkas.")
    keterangan: Optional[str] = None
    sumber: Optional[Sumber] = None
    golongan: list[JumlahPegawai] = Field(default_factory=list)
    jenis_kelamin: list[JumlahPegawai] = Field(default_factory=list)
    pendidikan: list[JumlahPegawai] = Field(default_factory=list)
    eselon: list[JumlahPegawai] = Field(default_factory=list)


class Penghargaan(Model):
    nama: str
    pemberi: Optional[str] = None
    tingkat: Optional[str] = None
    tanggal: Optional[dt.date] = None
    sumber: Optional[Sumber] = None


class DinyatakanSasaran(Model):
    sumber: Sumber
    capaian: Optional[Angka] = None
    penyerapan: Optional[Angka] = None
    efisiensi: Optional[Angka] = None


class RingkasanSasaran(Model):
    sasaran: Id
    dinyatakan: list[DinyatakanSasaran]


class DinyatakanTahun(Model):
    sumber: Sumber
    capaian_rata_rata: Optional[Angka] = None
    penyerapan_rata_rata: Optional[Angka] = None
    efisiensi_rata_rata: Optional[Angka] = None
    predikat: Optional[str] = None


class BarisPkUnit(Model):
    sasaran: Optional[str] = None
    indikator: str
    target: Optional[str] = Field(None, description="Target seperti tercetak, mis. '15 Dokumen'.")
    program: Optional[str] = None
    kegiatan: Optional[str] = None
    sub_kegiatan: Optional[str] = None
    anggaran: Optional[Uang] = None


class PerjanjianKinerjaUnit(Model):
    """A cascaded agreement signed by a unit head (sekretaris, kasi, kasubbag)."""

    unit: str
    pihak_pertama: Pejabat
    pihak_kedua: Pejabat
    tanggal: Optional[str] = None
    sumber: Optional[Sumber] = None
    baris: list[BarisPkUnit]


class NarasiTahun(Model):
    ringkasan: Optional[Markdown] = None
    isu_strategis: Optional[Markdown] = None
    permasalahan: Optional[Markdown] = None
    saran: Optional[Markdown] = None
    kesimpulan: Optional[Markdown] = None


class DokumenPk(Model):
    tanggal: Optional[str] = None
    pihak_pertama: Optional[Pejabat] = None
    pihak_kedua: Optional[Pejabat] = None
    sumber: Optional[Sumber] = None
    perubahan_sumber: Optional[Sumber] = Field(None, description="Sumber PK perubahan/hasil reviu, bila ada.")


class Tahunan(Model):
    """data/wilayah/<kabupaten>/<kecamatan>/<tahun>.yaml: everything about one year."""

    tahun: Tahun
    laporan: Id = Field(description="Laporan bawaan untuk setiap `sumber` di berkas ini yang tidak menyebut laporan.")
    camat: Optional[Pejabat] = None
    perjanjian_kinerja: Optional[DokumenPk] = None
    kinerja: list[Kinerja] = Field(default_factory=list)
    sasaran: list[RingkasanSasaran] = Field(default_factory=list, description="Angka per sasaran yang dicetak laporan.")
    anggaran: Optional[Anggaran] = None
    ikm: Optional[Ikm] = None
    idm: Optional[Idm] = None
    akip: Optional[Akip] = None
    pegawai: Optional[Pegawai] = None
    penghargaan: list[Penghargaan] = Field(default_factory=list)
    perjanjian_kinerja_unit: list[PerjanjianKinerjaUnit] = Field(default_factory=list)
    narasi: Optional[NarasiTahun] = None
    dinyatakan: list[DinyatakanTahun] = Field(default_factory=list)
    catatan: Optional[Markdown] = Field(None, description="Catatan transkripsi.")


class ReferensiSkala(Model):
    """data/referensi/skala.yaml"""

    skala: dict[Id, Skala]


class ReferensiIndikator(Model):
    """data/referensi/indikator.yaml"""

    indikator: list[IndikatorKanonik]


class ReferensiAkip(Model):
    """data/referensi/akip.yaml"""

    metodologi: dict[Id, MetodologiAkip]


# The models a file kind is validated against (see load.py for how kinds are found).
FILE_MODELS: dict[str, type[Model]] = {
    "skala": ReferensiSkala,
    "rumus": ReferensiRumus,
    "indikator": ReferensiIndikator,
    "akip": ReferensiAkip,
    "kabupaten": Kabupaten,
    "profil": Profil,
    "renstra": Renstra,
    "tahunan": Tahunan,
}
