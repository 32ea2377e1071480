"""data/referensi/: scales, formulas, shared indicators and AKIP methodologies."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field

from .common import POLARITAS_TEXT, Polaritas, Angka, BerkasData, Id, Markdown, Model



class Tingkat(Model):
    """One level of a scale: its code, label and lower bound."""

    kode: str = Field(description="Kode tingkat (huruf kapital), mis. ST, SB, A, AA, MANDIRI.")
    label: str = Field(description="Nama tingkat yang ditampilkan di situs, mis. Sangat Tinggi.")
    min: Optional[Angka] = Field(
        None, description="Batas bawah nilai tingkat ini (lihat `batas_bawah` skala); kosongkan untuk tingkat terbawah."
    )
    keterangan: Optional[str] = Field(None, description="Penjelasan tambahan tentang tingkat ini, bila perlu.")
    label_lain: list[str] = Field(
        default_factory=list, description="Nama lain tingkat ini yang dicetak laporan, mis. Tidak Berhasil untuk "
        "Kurang Berhasil; kata ini di laporan dianggap sama dengan `label`.")


class Skala(Model):
    """An ordered scale: thresholds on a number, and an ordinal for categories."""

    nama: str = Field(description="Nama skala yang ditampilkan, mis. Skala nilai peringkat kinerja (Permendagri 86/2017).")
    dasar_hukum: Optional[str] = Field(
        None, description="Peraturan atau laporan sumber skala ini, mis. Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017."
    )
    batas_bawah: Literal["inklusif", "eksklusif"] = Field(
        description="inklusif: nilai >= min masuk tingkat itu; eksklusif: nilai harus > min (nilai tepat pada min masuk tingkat di bawahnya)."
    )
    catatan: Optional[Markdown] = Field(
        None, description="Penjelasan pilihan batas, mis. cara menutup celah rentang pada teks aslinya."
    )
    tingkat: list[Tingkat] = Field(min_length=2, description="Tingkat dari tertinggi ke terendah (minimal dua).")


class Rumus(Model):
    """A formula a report may use, with an example from a real report."""

    nama: str = Field(description="Nama rumus yang ditampilkan, mis. Target dibagi realisasi.")
    rumus: str = Field(description="Rumus dalam teks, mis. capaian = target ÷ realisasi × 100.")
    keterangan: Optional[Markdown] = Field(
        None, description="Kapan rumus ini dipakai dan sifatnya, mis. bisa negatif atau tidak memakai capaian."
    )
    contoh_laporan: Optional[str] = Field(
        None, description="Laporan yang memakai rumus ini beserta contoh angkanya, mis. LKjIP Batu Sopang 2022: 20 / 18 → 111,1 %."
    )


class PilihanSeragam(Model):
    """The uniform scale and formulas used when kecamatan are compared with each other."""

    skala_capaian: Id = Field(description="Skala capaian seragam (id di referensi/skala.yaml), mis. permendagri-86-2017.")
    rumus_capaian_turun: Id = Field(
        description="Rumus capaian seragam untuk indikator semakin kecil semakin baik (id di `capaian_turun`)."
    )
    rumus_efisiensi: Id = Field(description="Rumus efisiensi seragam (id di `efisiensi`), mis. capaian-per-penyerapan.")


class ReferensiRumus(BerkasData):
    """referensi/rumus.yaml: formulas a kecamatan may declare, and the uniform choice."""

    capaian_turun: dict[Id, Rumus] = Field(
        description="Rumus capaian untuk indikator semakin kecil semakin baik, menurut id (mis. target-per-realisasi)."
    )
    efisiensi: dict[Id, Rumus] = Field(
        description="Rumus efisiensi (capaian kinerja vs penyerapan anggaran), menurut id (mis. capaian-per-penyerapan)."
    )
    seragam: PilihanSeragam = Field(description="Skala dan rumus seragam untuk perbandingan antarkecamatan.")


class IndikatorKanonik(Model):
    """An indicator whose meaning is shared by many kecamatan (compared across them)."""

    id: Id = Field(description="Pengenal indikator bersama, dirujuk lewat `kanonik` di indikator Renstra, mis. ikm.")
    nama: str = Field(description="Nama indikator di halaman perbandingan, mis. Indeks Kepuasan Masyarakat (IKM).")
    satuan: str = Field(description="Satuan beserta rentangnya, mis. nilai (25–100) atau predikat (AA–D).")
    polaritas: Polaritas = Field(description=POLARITAS_TEXT)
    jenis: Literal["numerik", "kategori"] = Field(
        description="numerik: nilai berupa angka; kategori: nilai berupa kode predikat, mis. BB."
    )
    skala_kategori: Optional[Id] = Field(
        None, description="Untuk jenis kategori: skala ordinal nilainya (id di referensi/skala.yaml), mis. predikat-akip."
    )
    definisi: Markdown = Field(description="Makna dan cara menghitung indikator, sama untuk semua kecamatan.")
    dasar_hukum: Optional[str] = Field(
        None, description="Peraturan yang mendefinisikan indikator, mis. PermenPANRB Nomor 14 Tahun 2017."
    )
    kata_kunci: list[str] = Field(
        default_factory=list, description="Kata atau singkatan lain untuk mencari indikator ini, mis. skm, sakip."
    )


class KomponenAkip(Model):
    """One component of an AKIP evaluation and its weight."""

    id: Id = Field(description="Pengenal komponen, dirujuk di `akip.komponen` berkas tahunan, mis. perencanaan.")
    nama: str = Field(description="Nama komponen seperti dalam peraturan, mis. Perencanaan Kinerja.")
    bobot: Angka = Field(description="Bobot komponen = nilai maksimumnya (dari total 100), mis. 30.")


class MetodologiAkip(Model):
    """An AKIP evaluation methodology: its regulation and weighted components."""

    nama: str = Field(description="Nama metodologi, mis. Evaluasi AKIP menurut PermenPANRB 88/2021.")
    dasar_hukum: str = Field(description="Peraturan yang menetapkan metodologi, mis. PermenPANRB Nomor 88 Tahun 2021.")
    komponen: list[KomponenAkip] = Field(description="Komponen penilaian dengan bobotnya; jumlah bobot 100.")



class PeranSkala(Model):
    """Which scale grades which index: the roles the builder needs, named in data, not in code.

    The defaults are the ids the reference data used before roles were declared, so that
    past versions of the data (read by the history page) still validate.
    """

    ikm: Id = Field("mutu-ikm", description="Skala mutu pelayanan untuk nilai IKM (bawaan: mutu-ikm).")
    idm: Id = Field("status-idm", description="Skala status desa untuk nilai IDM (bawaan: status-idm).")
    akip: Id = Field("predikat-akip", description="Skala predikat untuk nilai evaluasi AKIP (bawaan: predikat-akip).")


class ReferensiSkala(BerkasData):
    """data/referensi/skala.yaml"""

    skala: dict[Id, Skala] = Field(
        description="Skala penilaian menurut id (dirujuk di `metode.skala_capaian`, `skala_kategori` dan `peran`)."
    )
    peran: PeranSkala = Field(default_factory=PeranSkala, description="Skala mana yang menilai IKM, IDM dan AKIP.")


class ReferensiIndikator(BerkasData):
    """data/referensi/indikator.yaml"""

    indikator: list[IndikatorKanonik] = Field(description="Indikator bersama yang dibandingkan antarkecamatan.")


class ReferensiAkip(BerkasData):
    """data/referensi/akip.yaml"""

    metodologi: dict[Id, MetodologiAkip] = Field(
        description="Metodologi evaluasi AKIP menurut id (dirujuk di `akip.metodologi` berkas tahunan)."
    )

