"""data/wilayah/<kabupaten>/kabupaten.yaml and .../<kecamatan>/profil.yaml."""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import Field, field_validator

from .common import Angka, BerkasData, Id, Markdown, Model, Pejabat, Sumber, Tahun, web_address



class Metode(Model):
    """The methods a kecamatan's reports use; declared, never guessed."""

    skala_capaian: Optional[Id] = Field(
        None, description="Skala penilaian capaian yang dipakai laporan (id di referensi/skala.yaml), mis. permendagri-86-2017."
    )
    rumus_capaian_turun: Optional[Id] = Field(
        None,
        description="Rumus capaian indikator semakin kecil semakin baik (id di referensi/rumus.yaml), mis. target-per-realisasi.",
    )
    rumus_efisiensi: Optional[Id] = Field(
        None, description="Rumus efisiensi yang dipakai laporan (id di referensi/rumus.yaml), mis. capaian-per-penyerapan."
    )
    skala_predikat: Optional[Id] = Field(
        None, description="Skala kedua yang dicetak laporan untuk kata predikat capaian (mis. Sangat Baik, Baik, "
        "Cukup, Kurang), bila laporan memakai dua skala; id di referensi/skala.yaml. Kata predikat yang dicetak "
        "diperiksa dengan skala ini, angka dan warna di situs tetap memakai `skala_capaian`."
    )
    sumber: Optional[Sumber] = Field(
        None, description="Tabel atau bagian laporan tempat skala dan rumus ini tercetak atau dapat disimpulkan."
    )
    catatan: Optional[Markdown] = Field(
        None, description="Bagaimana metode ini diketahui, mis. angka laporan yang cocok dengan rumusnya."
    )


class Provinsi(Model):
    """The provinsi a kabupaten/kota belongs to."""

    nama: str = Field(description="Nama provinsi tanpa kata Provinsi, mis. Riau.")
    kode: str = Field(pattern=r"^\d{2}$", description='Kode Kemendagri provinsi, 2 digit dalam tanda kutip, mis. "14".')


class Kabupaten(BerkasData):
    """data/wilayah/<kabupaten>/kabupaten.yaml"""

    nama: str = Field(description="Nama tanpa kata Kabupaten/Kota, mis. Bengkalis.")
    jenis: Literal["kabupaten", "kota"] = Field(
        description="kabupaten (dipimpin bupati) atau kota (dipimpin wali kota)."
    )
    kode: str = Field(pattern=r"^\d{2}\.\d{2}$", description='Kode Kemendagri dalam tanda kutip, mis. "14.03".')
    provinsi: Provinsi = Field(description="Provinsi tempat kabupaten/kota ini.")
    metode: Optional[Metode] = Field(None, description="Metode bawaan untuk semua kecamatan di kabupaten ini.")


class UnitOrganisasi(Model):
    """A unit of the kecamatan's organisation (camat, sekretariat, seksi ...)."""

    nama: str = Field(description="Nama unit seperti dicetak di susunan organisasi, mis. Seksi Pemerintahan.")
    tugas: Optional[Markdown] = Field(
        None, description="Tugas unit seperti dicetak (Bab I, tugas dan fungsi); butir-butirnya sebagai daftar Markdown."
    )
    sub_unit: list[str] = Field(
        default_factory=list, description="Nama unit di bawahnya, mis. Subbagian Umum dan Kepegawaian."
    )


class Laporan(Model):
    """A performance report that is a source of data."""

    id: Id = Field(
        description="Pengenal laporan, dirujuk di `laporan` berkas tahunan dan di `sumber.laporan`, mis. lkjip-2022."
    )
    jenis: str = Field(description="Jenis laporan seperti disebut di sampul, mis. LKjIP, LAKIP, LKj.")
    tahun: Tahun = Field(description="Tahun kinerja yang dilaporkan (bukan tahun terbit).")
    judul: str = Field(description="Judul lengkap di sampul laporan.")
    tanggal: Optional[dt.date] = Field(
        None, description="Tanggal penandatanganan (mis. di Kata Pengantar), format YYYY-MM-DD."
    )
    tempat: Optional[str] = Field(None, description="Tempat penandatanganan, mis. Batu Kajang.")
    berkas: Optional[str] = Field(None, description="Nama berkas sumber (PDF atau teks hasil konversi).")
    url: Optional[str] = Field(
        None, pattern=r"^https?://[^\s<>\"']+$", max_length=500,
        description="Alamat publik dokumen laporan asli (http atau https), mis. https://bengkaliskab.go.id/lkjip.pdf; "
                    "situs menautkannya dari setiap angka.")
    penandatangan: Optional[Pejabat] = Field(None, description="Pejabat yang menandatangani laporan, biasanya Camat.")

    _url = field_validator("url")(web_address)


class Profil(BerkasData):
    """data/wilayah/<kabupaten>/<kecamatan>/profil.yaml"""

    nama: str = Field(description="Nama kecamatan tanpa kata Kecamatan, mis. Rupat Utara.")
    kode: Optional[str] = Field(
        None, pattern=r"^\d{2}\.\d{2}\.\d{2}$", description='Kode Kemendagri dalam tanda kutip, mis. "14.03.11".'
    )
    ibukota: Optional[str] = Field(None, description="Ibu kota kecamatan, bila disebut laporan.")
    alamat: Optional[str] = Field(None, description="Alamat kantor camat seperti dicetak.")
    luas_ha: Optional[Angka] = Field(None, description="Luas wilayah dalam hektar (1 km² = 100 ha), angka saja.")
    jumlah_desa: Optional[int] = Field(None, description="Jumlah desa di kecamatan (Bab I gambaran umum).")
    jumlah_kelurahan: Optional[int] = Field(None, description="Jumlah kelurahan di kecamatan.")
    jumlah_dusun: Optional[int] = Field(None, description="Jumlah dusun/lingkungan di kecamatan.")
    batas_wilayah: Optional[dict[Literal["utara", "selatan", "barat", "timur"], str]] = Field(
        None, description="Wilayah yang berbatasan di tiap arah (utara, selatan, barat, timur), seperti dicetak."
    )
    semboyan: Optional[str] = Field(None, description="Semboyan/motto seperti dicetak, mis. di sampul laporan.")
    dasar_hukum: list[str] = Field(
        default_factory=list,
        description="Peraturan tentang kedudukan, tugas dan fungsi kecamatan, satu butir per peraturan, judul lengkap.",
    )
    tugas: Optional[Markdown] = Field(None, description="Tugas kecamatan/camat seperti dicetak (Bab I, tugas dan fungsi).")
    fungsi: list[Markdown] = Field(default_factory=list, description="Fungsi kecamatan, satu butir per fungsi seperti dicetak.")
    unit_organisasi: list[UnitOrganisasi] = Field(
        default_factory=list, description="Susunan organisasi kecamatan, satu butir per unit."
    )
    metode: Optional[Metode] = Field(None, description="Metode yang dipakai laporan kecamatan ini; menimpa metode bawaan kabupaten.")
    laporan: list[Laporan] = Field(min_length=1, description="Laporan kinerja yang menjadi sumber data (minimal satu).")
    catatan: Optional[Markdown] = Field(None, description="Catatan transkripsi (ejaan yang diperbaiki, bagian yang berupa gambar dll.).")

