"""data/wilayah/<kabupaten>/<kecamatan>/renstra-<mulai>-<selesai>.yaml: the five-year plan."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field

from .common import POLARITAS_TEXT, Polaritas, BerkasData, Id, Markdown, Model, NilaiKinerja, Sumber, Tahun, Uang



class Baseline(Model):
    """The baseline (kondisi awal) of an indicator."""

    tahun: Tahun = Field(description="Tahun kondisi awal (data awal) seperti dicetak tabel Renstra, mis. 2020.")
    nilai: Optional[NilaiKinerja] = Field(
        None, description="Nilai kondisi awal (angka atau kode predikat); kosong bila laporan menulis N/A."
    )


class Indikator(Model):
    """A Renstra indicator: what is measured, its baseline and its target for every year."""

    id: Id = Field(description="Pengenal tetap indikator, dipakai di berkas tahunan, mis. ikm.")
    nama: str = Field(description="Nama indikator seperti dicetak tabel Renstra/IKU.")
    satuan: str = Field(description='Satuan, mis. "nilai", "%", "kasus", "predikat".')
    polaritas: Polaritas = Field(description=POLARITAS_TEXT)
    jenis: Literal["numerik", "kategori"] = Field(
        "numerik", description="numerik: target dan realisasi berupa angka; kategori: berupa kode predikat, mis. BB."
    )
    skala_kategori: Optional[Id] = Field(None, description="Untuk jenis kategori: skala ordinal, mis. predikat-akip.")
    kanonik: Optional[Id] = Field(None, description="Id indikator bersama (referensi/indikator.yaml) bila maknanya sama.")
    definisi: Optional[Markdown] = Field(None, description="Definisi atau formulasi perhitungan, mis. dari tabel IKU.")
    penanggung_jawab: Optional[str] = Field(
        None, description="Unit penanggung jawab seperti dicetak tabel IKU/Renstra, mis. Seksi Trantibum."
    )
    baseline: Optional[Baseline] = Field(None, description="Kondisi awal (data awal) indikator di tabel Renstra.")
    target: dict[Tahun, Optional[NilaiKinerja]] = Field(
        default_factory=dict, description="Target per tahun Renstra (tahun: nilai), angka tanpa satuan atau kode predikat."
    )
    target_akhir: Optional[NilaiKinerja] = Field(None, description="Target kondisi akhir Renstra.")
    sumber: Optional[Sumber] = Field(None, description="Tabel tempat target indikator ini dicetak, mis. Tabel 2.1.")
    catatan: Optional[Markdown] = Field(
        None, description="Catatan transkripsi: perbedaan antartabel, nilai yang diambil dari tabel lain, ejaan."
    )


class Sasaran(Model):
    """A sasaran strategis and its indicators."""

    id: Id = Field(description="Pengenal tetap sasaran, dipakai di berkas tahunan, mis. kepuasan-masyarakat.")
    nama: str = Field(description="Kalimat sasaran seperti dicetak, mis. Meningkatnya Kepuasan Masyarakat terhadap Pelayanan.")
    indikator: list[Indikator] = Field(default_factory=list, description="Indikator kinerja sasaran ini.")


class Tujuan(Model):
    """A tujuan (goal): its own indicators, if measured, and its sasaran."""

    id: Id = Field(description="Pengenal tetap tujuan, mis. tata-kelola-pemerintahan-baik.")
    nama: str = Field(description="Kalimat tujuan seperti dicetak, mis. Mewujudkan Tata Kelola Pemerintahan yang Baik.")
    indikator: list[Indikator] = Field(
        default_factory=list, description="Indikator tujuan itu sendiri (bukan indikator sasaran), bila dicetak."
    )
    sasaran: list[Sasaran] = Field(default_factory=list, description="Sasaran strategis di bawah tujuan ini.")


class Strategi(Model):
    """A strategy and its policies (tabel strategi dan arah kebijakan)."""

    indikator: Optional[Id] = Field(None, description="Id indikator yang didukung strategi ini, bila tabel menyebutnya.")
    sasaran: Optional[Id] = Field(None, description="Id sasaran yang didukung strategi ini, bila tabel menyebutnya.")
    strategi: str = Field(description="Kalimat strategi seperti dicetak.")
    kebijakan: list[str] = Field(default_factory=list, description="Arah kebijakan strategi ini, satu butir per kebijakan.")


class Misi(Model):
    """One mission of the RPJMD."""

    nomor: Optional[int] = Field(None, description="Nomor misi seperti dicetak, mis. 2.")
    teks: str = Field(description="Kalimat misi seperti dicetak.")
    penjelasan: Optional[Markdown] = Field(None, description="Penjelasan misi, bila dicetak.")


class TargetProgram(Model):
    """The target of one programme-matrix row: performance and indicative budget."""

    kinerja: Optional[NilaiKinerja] = Field(None, description="Target kinerja indikator baris ini, angka tanpa satuan.")
    pagu: Optional[Uang] = Field(None, description="Pagu indikatif dalam rupiah, angka saja.")


class RencanaProgram(Model):
    """A row of the Renstra programme matrix (program / kegiatan / sub kegiatan)."""

    tingkat: Literal["program", "kegiatan", "sub_kegiatan"] = Field(
        description="Tingkat baris: program, kegiatan atau sub_kegiatan."
    )
    kode: Optional[str] = Field(None, description='Kode Permendagri 90/2019 dalam tanda kutip, mis. "7.01.01.2.01".')
    nama: str = Field(description="Nama program/kegiatan/sub kegiatan seperti dicetak.")
    indikator: Optional[str] = Field(None, description="Indikator kinerja baris ini seperti dicetak (teks, bukan id).")
    satuan: Optional[str] = Field(None, description="Satuan indikator baris ini, mis. Dokumen, persen.")
    baseline: Optional[NilaiKinerja] = Field(None, description="Kondisi awal indikator baris ini.")
    target: dict[Tahun, TargetProgram] = Field(
        default_factory=dict, description="Target per tahun (tahun: kinerja dan pagu)."
    )
    target_akhir: Optional[TargetProgram] = Field(
        None, description="Kondisi kinerja dan pagu pada akhir periode Renstra."
    )
    penanggung_jawab: Optional[str] = Field(None, description="Unit penanggung jawab seperti dicetak, mis. Kasubbag Keuangan.")
    anak: list["RencanaProgram"] = Field(
        default_factory=list, description="Baris di bawahnya: kegiatan di bawah program, sub kegiatan di bawah kegiatan."
    )


class Revisi(Model):
    """A reviewed Renstra ("hasil reviu") replacing goals and targets from a year on."""

    nama: str = Field(description='Nama revisi seperti disebut laporan, mis. "Renstra hasil reviu".')
    berlaku_mulai: Tahun = Field(
        description="Tahun pertama yang memakai hasil reviu; tahun sebelumnya tetap memakai tujuan dan target asli."
    )
    catatan: Optional[Markdown] = Field(None, description="Penjelasan reviu: siapa yang mereviu, apa yang diubah, rekomendasinya.")
    sumber: Optional[Sumber] = Field(None, description="Tabel hasil reviu di laporan, mis. Tabel 2.4.")
    tujuan: list[Tujuan] = Field(
        description="Tujuan, sasaran dan indikator hasil reviu, lengkap (menggantikan seluruh `tujuan` asli)."
    )


class Periode(Model):
    """The period of the Renstra."""

    mulai: Tahun = Field(description="Tahun pertama Renstra, sama dengan nama berkas, mis. 2021.")
    selesai: Tahun = Field(description="Tahun terakhir Renstra, sama dengan nama berkas, mis. 2026.")


class Renstra(BerkasData):
    """data/wilayah/<kabupaten>/<kecamatan>/renstra-<mulai>-<selesai>.yaml"""

    periode: Periode = Field(description="Periode Renstra, sesuai nama berkas renstra-<mulai>-<selesai>.yaml.")
    dokumen: Optional[str] = Field(None, description="Judul/nomor dokumen Renstra.")
    rpjmd: Optional[str] = Field(None, description="RPJMD yang diacu, mis. RPJMD Kabupaten Paser 2021-2026.")
    visi: Optional[str] = Field(None, description="Kalimat visi seperti dicetak (biasanya visi kepala daerah dari RPJMD).")
    visi_penjelasan: Optional[Markdown] = Field(None, description="Penjelasan visi atau kata kuncinya, bila dicetak.")
    misi: list[Misi] = Field(default_factory=list, description="Misi RPJMD seperti dicetak (boleh hanya misi yang dimuat laporan).")
    misi_terkait: list[int] = Field(default_factory=list, description="Nomor misi yang didukung kecamatan.")
    tujuan: list[Tujuan] = Field(description="Tujuan Renstra dengan sasaran dan indikatornya (versi sebelum reviu).")
    strategi: list[Strategi] = Field(default_factory=list, description="Strategi dan arah kebijakan Renstra, bila dimuat.")
    program: list[RencanaProgram] = Field(default_factory=list, description="Matriks program Renstra, bila dimuat.")
    revisi: list[Revisi] = Field(default_factory=list, description="Renstra hasil reviu yang berlaku mulai tahun tertentu, bila ada.")
    sumber: Optional[Sumber] = Field(None, description="Bagian dan tabel laporan tempat Renstra ini dicetak.")
    catatan: Optional[Markdown] = Field(
        None, description="Catatan transkripsi: susunan tujuan/sasaran yang dipilih, perbedaan antartabel, bagian yang tidak dimuat."
    )

