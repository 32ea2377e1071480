"""data/wilayah/<kabupaten>/<kecamatan>/<tahun>.yaml: everything about one year."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field

from .common import Angka, BerkasData, Id, Markdown, Model, NilaiKinerja, Pejabat, Sumber, Tahun, TanggalAtauTahun, Uang



class DinyatakanIndikator(Model):
    """Figures about one indicator as the report prints them (for the audit)."""

    sumber: Sumber = Field(description="Tabel atau teks tempat angka-angka ini dicetak.")
    target: Optional[NilaiKinerja] = Field(
        None, description="Target yang dicetak tabel ini, bila berbeda dari target PK atau PK tidak memuatnya."
    )
    target_renstra: Optional[NilaiKinerja] = Field(None, description="Target Renstra tahun ini menurut tabel ini.")
    realisasi: Optional[NilaiKinerja] = Field(None, description="Realisasi seperti dicetak tabel ini.")
    capaian: Optional[Angka] = Field(None, description="Capaian (%) menurut laporan, tanpa tanda %.")
    capaian_terhadap_tahun_lalu: Optional[Angka] = Field(
        None, description="Capaian tahun ini dibagi capaian tahun lalu (%), menurut laporan."
    )
    penyerapan: Optional[Angka] = Field(None, description="Penyerapan anggaran terkait (%) menurut laporan.")
    efisiensi: Optional[Angka] = Field(None, description="Efisiensi menurut laporan (dengan rumus laporan).")
    kemajuan_renstra: Optional[Angka] = Field(None, description="Tingkat kemajuan terhadap target akhir Renstra (%).")
    target_akhir: Optional[NilaiKinerja] = Field(
        None, description="Target akhir Renstra seperti dicetak tabel ini (mis. kolom target akhir periode); "
        "dibandingkan dengan `target_akhir` berkas Renstra.")
    kemajuan_keterangan: Optional[str] = Field(
        None, description="Kemajuan yang dicetak sebagai kata, bukan angka, mis. On Track atau Sesuai Rencana; "
        "ditampilkan seperti dicetak.")
    predikat: Optional[str] = Field(None, description="Label/predikat yang ditulis laporan, mis. Sangat Baik.")


class Narasi(Model):
    """The report's analysis of one indicator, as printed."""

    pendukung: Optional[Markdown] = Field(None, description="Faktor pendukung / penyebab keberhasilan, seperti dicetak.")
    penghambat: Optional[Markdown] = Field(None, description="Faktor penghambat / penyebab kegagalan, seperti dicetak.")
    solusi: Optional[Markdown] = Field(None, description="Solusi / strategi pemecahan masalah, seperti dicetak.")
    efisiensi: Optional[Markdown] = Field(None, description="Analisis efisiensi penggunaan sumber daya, seperti dicetak.")
    program_pendukung: Optional[Markdown] = Field(
        None, description="Program/kegiatan yang menunjang keberhasilan, seperti dicetak."
    )
    uraian: Optional[Markdown] = Field(None, description="Uraian lain tentang capaian indikator ini.")


class Pengukuran(Model):
    """How a realisasi was measured; figures are compared only under the same instrument."""

    instrumen: str = Field(
        description="Cara mengukur seperti disebut laporan, mis. \"SKM 9 unsur (NRR)\", \"SKM 14 unsur (NRR)\", "
        "\"jumlah responden puas\", \"evaluasi SAKIP\"."
    )
    dasar_hukum: Optional[str] = Field(
        None, description="Peraturan yang diikuti, mis. PermenPANRB 14/2017, KEP/25/M.PAN/2/2004, PermenPANRB 88/2021."
    )
    jumlah_unsur: Optional[int] = Field(
        None, ge=1, description="Jumlah unsur survei atau komponen evaluasi, mis. 9 unsur SKM atau 4 komponen AKIP."
    )
    tahun_data: Optional[Tahun] = Field(
        None, description="Tahun yang dinilai bila berbeda dari tahun laporan, mis. 2022 untuk hasil evaluasi SAKIP "
        "2022 yang dicetak di laporan 2023."
    )
    sumber: Optional[Sumber] = Field(None, description="Bagian laporan yang menyebut cara mengukurnya.")
    catatan: Optional[Markdown] = Field(None, description="Penjelasan, mis. laporan menyebut satu pedoman tetapi "
                                        "tabelnya mengikuti pedoman lain.")


class Pembanding(Model):
    """A value the report sets an indicator against: a national or provincial figure, a minimum service standard."""

    pembanding: str = Field(
        description="Pembanding seperti disebut laporan, mis. rata-rata nasional, Provinsi Riau, SPM bidang "
        "pemerintahan, kecamatan terbaik di kabupaten.")
    nilai: Optional[NilaiKinerja] = Field(
        None, description="Nilai pembanding, angka tanpa satuan (satuan indikator) atau kode predikat; kosongkan bila "
        "laporan mencetak \"-\" atau tidak mencetak nilainya (kesimpulannya tetap ditulis di menurut_laporan).")
    tahun: Optional[Tahun] = Field(None, description="Tahun nilai pembanding, bila berbeda dari tahun berkas.")
    menurut_laporan: Optional[Literal["lebih baik", "sama", "lebih buruk"]] = Field(
        None, description="Kesimpulan laporan tentang realisasi terhadap pembanding (lebih baik, sama, lebih buruk); "
        "diperiksa dengan realisasi dan polaritas indikator.")
    sumber: Optional[Sumber] = Field(None, description="Tabel atau teks tempat pembanding ini dicetak.")


class Kinerja(Model):
    """One indicator in one year: the Perjanjian Kinerja target and its realisasi."""

    indikator: Id = Field(description="Id indikator dari Renstra, mis. ikm.")
    target: Optional[NilaiKinerja] = Field(None, description="Target Perjanjian Kinerja (awal), angka tanpa satuan atau kode predikat.")
    target_perubahan: Optional[NilaiKinerja] = Field(
        None, description="Target PK perubahan/hasil reviu, bila ada; capaian dihitung dengan target ini."
    )
    realisasi: Optional[NilaiKinerja] = Field(
        None, description="Realisasi tahun ini seperti dicetak, angka tanpa satuan atau kode predikat."
    )
    tidak_diukur: Optional[str] = Field(
        None, description='Alasan bila realisasi tidak diukur (laporan menulis "-"). Capaian tidak dihitung.'
    )
    sumber: Optional[Sumber] = Field(None, description="Tabel tempat target dan realisasi ini dicetak, mis. Tabel 2.3; Tabel 3.1.")
    pengukuran: Optional[Pengukuran] = Field(
        None, description="Cara realisasi diukur (instrumen, peraturan, jumlah unsur, tahun yang dinilai), bila laporan "
        "menyebutnya; wajib diisi agar angka tahun lain atau kecamatan lain dapat dibandingkan."
    )
    catatan: Optional[Markdown] = Field(
        None, description="Catatan transkripsi: angka yang berbeda antartabel, pembulatan, ejaan."
    )
    narasi: Optional[Narasi] = Field(None, description="Analisis capaian indikator ini seperti dicetak (Bab III).")
    pembanding: list[Pembanding] = Field(
        default_factory=list, description="Nilai nasional, provinsi atau standar (SPM) yang dibandingkan laporan "
        "dengan realisasi indikator ini.")
    dinyatakan: list[DinyatakanIndikator] = Field(
        default_factory=list,
        description="Angka turunan seperti dicetak laporan (capaian, efisiensi ...), satu butir per tabel atau teks.",
    )


class DinyatakanAnggaran(Model):
    """Figures about one budget line as the report prints them (for the audit)."""

    penyerapan: Optional[Angka] = Field(None, description="Persentase realisasi (penyerapan) yang dicetak, tanpa tanda %.")
    sisa: Optional[Uang] = Field(None, description="Sisa anggaran (Rp) yang dicetak.")
    pagu: Optional[Uang] = Field(None, description="Pagu yang dicetak di tabel lain.")
    realisasi: Optional[Uang] = Field(None, description="Realisasi yang dicetak di tabel lain.")
    sumber: Optional[Sumber] = Field(None, description="Tabel tempat angka ini dicetak, bila bukan tabel anggaran utama.")


class Keluaran(Model):
    """An output indicator attached to a budget line (program/kegiatan/sub kegiatan)."""

    nama: str = Field(description="Indikator keluaran seperti dicetak, mis. Jumlah Dokumen Renstra dan Renja yang disusun.")
    satuan: Optional[str] = Field(None, description="Satuan keluaran seperti dicetak, mis. Dokumen, %.")
    target: Optional[NilaiKinerja] = Field(None, description="Target keluaran, angka tanpa satuan.")
    realisasi: Optional[NilaiKinerja] = Field(None, description="Realisasi keluaran, angka tanpa satuan.")


class PosAnggaran(Model):
    """A budget line: the fields program, kegiatan, sub kegiatan and rincian share."""

    kode: Optional[str] = Field(
        None, description='Kode Permendagri 90/2019 atau nomor baris tabel, dalam tanda kutip, mis. "1.1".'
    )
    nama: str = Field(description="Nama seperti dicetak tabel anggaran.")
    pagu: Uang = Field(description="Pagu (anggaran) dalam rupiah, angka saja. Tulis 0 bila laporan mencetak '-'. "
                       "Bila laporan mencetak APBD murni dan perubahan, ini pagu setelah perubahan.")
    pagu_murni: Optional[Uang] = Field(
        None, description="Pagu APBD murni (sebelum perubahan) dalam rupiah, bila laporan mencetaknya di samping pagu "
        "perubahan; penyerapan tetap dihitung dari `pagu`.")
    realisasi: Optional[Uang] = Field(
        None, description="Realisasi dalam rupiah. Kosong bila belum dilaporkan (hanya target)."
    )
    keluaran: Optional[Keluaran] = Field(None, description="Indikator keluaran baris ini dengan target dan realisasinya, bila dicetak.")
    dinyatakan: Optional[DinyatakanAnggaran] = Field(
        None, description="Penyerapan dan sisa yang dicetak untuk baris ini (tidak diketik sebagai data)."
    )
    catatan: Optional[Markdown] = Field(
        None, description="Catatan transkripsi baris ini: angka yang berbeda, analisis yang menyertainya."
    )


class Rincian(PosAnggaran):
    """An expense line (rekening belanja) under a sub kegiatan."""


class SubKegiatan(PosAnggaran):
    """A sub kegiatan and its expense lines."""

    rincian: list[Rincian] = Field(default_factory=list, description="Rincian belanja (rekening) di bawah sub kegiatan ini.")


class Kegiatan(PosAnggaran):
    """A kegiatan and its sub kegiatan."""

    sub_kegiatan: list[SubKegiatan] = Field(default_factory=list, description="Sub kegiatan di bawah kegiatan ini.")


class Program(PosAnggaran):
    """A programme, its kegiatan (or sub kegiatan) and the Renstra sasaran it serves."""

    sasaran: Optional[Id] = Field(None, description="Id sasaran Renstra yang didukung program ini.")
    indikator_renstra: Optional[Id] = Field(None, description="Id indikator Renstra yang didukung program ini.")
    kegiatan: list[Kegiatan] = Field(default_factory=list, description="Kegiatan di bawah program ini.")
    sub_kegiatan: list[SubKegiatan] = Field(
        default_factory=list, description="Bila laporan langsung merinci sub kegiatan tanpa kegiatan."
    )


class Belanja(Model):
    """Budget by type: belanja operasi (pegawai, barang dan jasa), belanja modal ..."""

    jenis: str = Field(description="Jenis belanja seperti dicetak, mis. Belanja Operasi, Belanja Pegawai, Belanja Modal.")
    pagu: Optional[Uang] = Field(None, description="Pagu jenis belanja ini dalam rupiah.")
    realisasi: Optional[Uang] = Field(None, description="Realisasi jenis belanja ini dalam rupiah; kosong bila tidak dicetak.")
    dinyatakan: Optional[DinyatakanAnggaran] = Field(None, description="Penyerapan/sisa yang dicetak untuk jenis belanja ini.")
    rincian: list["Belanja"] = Field(
        default_factory=list, description="Jenis belanja di bawahnya, mis. belanja pegawai dan barang jasa di bawah belanja operasi."
    )


class AnggaranKinerja(Model):
    """Budget printed per sasaran or per indicator (a table of its own in the report)."""

    sasaran: Optional[Id] = Field(None, description="Id sasaran yang dibiayai (isi sasaran, indikator, atau keduanya).")
    indikator: Optional[Id] = Field(None, description="Id indikator yang dibiayai (isi sasaran, indikator, atau keduanya).")
    program: Optional[str] = Field(None, description="Nama program bila tabel merinci per program.")
    pagu: Uang = Field(description="Pagu dalam rupiah seperti dicetak tabel ini.")
    realisasi: Optional[Uang] = Field(None, description="Realisasi dalam rupiah seperti dicetak tabel ini.")
    dinyatakan: Optional[DinyatakanAnggaran] = Field(None, description="Penyerapan yang dicetak untuk baris ini.")


class SumberDana(Model):
    """A source of funds (APBD, a provincial grant ...)."""

    nama: str = Field(description="Nama sumber dana seperti disebut laporan, mis. APBD Kabupaten Bengkalis.")
    jumlah: Optional[Uang] = Field(
        None, description="Jumlah dari sumber ini dalam rupiah; kosongkan bila laporan hanya menyebut sumbernya "
        "(\"APBD dan BANKEU Rp100.000.000\": dua sumber, tanpa jumlah masing-masing)."
    )


class DinyatakanTotal(Model):
    """The year's budget totals as printed in one place (for the audit)."""

    sumber: Sumber = Field(description="Tabel atau teks tempat total ini dicetak, mis. Tabel 3.10, baris JUMLAH.")
    pagu: Optional[Uang] = Field(None, description="Total pagu (Rp) yang dicetak.")
    pagu_murni: Optional[Uang] = Field(None, description="Total pagu APBD murni (Rp) yang dicetak, bila ada.")
    realisasi: Optional[Uang] = Field(None, description="Total realisasi (Rp) yang dicetak.")
    penyerapan: Optional[Angka] = Field(None, description="Persentase penyerapan total yang dicetak, tanpa tanda %.")
    sisa: Optional[Uang] = Field(None, description="Sisa anggaran/SiLPA (Rp) yang dicetak.")
    kenaikan_realisasi: Optional[Uang] = Field(None, description="Kenaikan realisasi dari tahun lalu menurut laporan.")
    terbilang: Optional[str] = Field(
        None, description="Total pagu dalam huruf seperti dicetak, mis. \"Enam Miliar seratus ... Rupiah\"."
    )


class Anggaran(Model):
    """The year's budget: programmes, types of expenditure, budget per sasaran/indicator and printed totals."""

    sumber: Optional[Sumber] = Field(None, description="Tabel anggaran per program (untuk `program`), mis. Tabel 3.10.")
    sumber_dana: list[SumberDana] = Field(default_factory=list, description="APBD, bantuan keuangan, hibah ... dengan jumlahnya.")
    program: list[Program] = Field(
        default_factory=list, description="Anggaran per program → kegiatan → sub kegiatan → rincian, seperti tabel realisasi anggaran."
    )
    belanja: list[Belanja] = Field(default_factory=list, description="Rincian menurut jenis belanja.")
    belanja_sumber: Optional[Sumber] = Field(None, description="Tabel atau teks rincian menurut jenis belanja.")
    per_kinerja: list[AnggaranKinerja] = Field(default_factory=list, description="Anggaran per sasaran/indikator.")
    per_kinerja_sumber: Optional[Sumber] = Field(None, description="Tabel anggaran per sasaran/indikator, mis. Tabel 3.11.")
    dinyatakan: list[DinyatakanTotal] = Field(
        default_factory=list, description="Total yang dicetak laporan, satu butir per tabel atau teks."
    )

    def lines_partial(self, section: str) -> bool:
        """The table holding a section's lines (`program`, `belanja` or `per_kinerja`) is marked `sebagian`: rows
        may be missing anywhere, so no sum over them is made or checked. `belanja` and `per_kinerja` lines come
        from their own `…_sumber` when it is given, else from `sumber`."""
        own = {"belanja": self.belanja_sumber, "per_kinerja": self.per_kinerja_sumber}.get(section)
        table = own or self.sumber
        return bool(table and table.sebagian)


class UnsurIkm(Model):
    """One service element (unsur) of the IKM survey."""

    nama: str = Field(description="Nama unsur pelayanan seperti dicetak laporan, mis. Persyaratan.")
    nrr: Angka = Field(ge=1, le=4, description="Nilai rata-rata unsur (skala 1-4).")


class KarakteristikResponden(Model):
    """The respondents of one category, e.g. Pendidikan: SLTA."""

    kelompok: str = Field(description="Kelompok karakteristik: jenis kelamin, pendidikan, umur, pekerjaan ...")
    kategori: str = Field(description="Kategori dalam kelompok seperti dicetak, mis. PEREMPUAN, SLTA, 21-30.")
    jumlah: int = Field(ge=0, description="Jumlah responden kategori ini.")
    persen_dinyatakan: Optional[Angka] = Field(None, description="Persentase yang dicetak laporan, tanpa tanda %.")


class DinyatakanIkm(Model):
    """IKM figures as printed in one place (for the audit)."""

    sumber: Sumber = Field(description="Tabel atau teks tempat nilai ini dicetak.")
    nilai: Optional[Angka] = Field(None, description="Nilai IKM yang dicetak (skala 25-100).")
    mutu: Optional[str] = Field(None, description="Mutu pelayanan yang dicetak, mis. B atau Sangat Baik.")
    responden: Optional[int] = Field(None, description="Jumlah responden yang dicetak di tempat ini.")


class Ikm(Model):
    """The year's public satisfaction survey (IKM / SKM)."""

    sumber: Optional[Sumber] = Field(None, description="Tabel atau teks hasil survei, mis. Tabel 3.6.")
    periode: Optional[str] = Field(None, description="Periode survei seperti dicetak, mis. Januari s.d Desember 2023.")
    metode: Optional[str] = Field(
        None, description="Dasar/pedoman survei (mis. PermenPANRB 14/2017 atau KEP/25/M.PAN/2/2004), cara survei, aplikasi."
    )
    responden: Optional[int] = Field(None, ge=0, description="Jumlah responden survei.")
    unsur: list[UnsurIkm] = Field(
        default_factory=list, description="Unsur pelayanan dengan NRR (sembilan menurut PermenPANRB 14/2017); IKM dihitung dari sini."
    )
    puas: Optional[int] = Field(None, ge=0, description="Jumlah responden puas (survei sederhana).")
    tidak_puas: Optional[int] = Field(None, ge=0, description="Jumlah responden tidak puas (survei sederhana).")
    karakteristik: list[KarakteristikResponden] = Field(
        default_factory=list, description="Karakteristik responden (jenis kelamin, pendidikan, umur, pekerjaan) dengan jumlahnya."
    )
    karakteristik_sumber: Optional[Sumber] = Field(None, description="Tabel karakteristik responden.")
    dinyatakan: list[DinyatakanIkm] = Field(
        default_factory=list, description="Nilai IKM, mutu dan responden seperti dicetak, satu butir per tabel atau teks."
    )


class DinyatakanDesa(Model):
    """A desa's IDM and status as printed (for the audit)."""

    idm: Optional[Angka] = Field(None, description="Nilai IDM yang dicetak (0-1).")
    status: Optional[str] = Field(None, description="Status desa yang dicetak, mis. MANDIRI, MAJU.")


class Desa(Model):
    """One desa/kelurahan of the IDM table."""

    kode: Optional[str] = Field(
        None,
        pattern=r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$",
        description='Kode desa dengan titik, dalam tanda kutip, mis. "14.03.11.2001" (tabel mencetak 1403112001).',
    )
    nama: str = Field(description="Nama desa/kelurahan dengan huruf awal kapital, mis. Tanjung Medang.")
    iks: Angka = Field(ge=0, le=1, description="Indeks Ketahanan Sosial (IKS), 0-1, seperti dicetak.")
    ike: Angka = Field(ge=0, le=1, description="Indeks Ketahanan Ekonomi (IKE), 0-1, seperti dicetak.")
    ikl: Angka = Field(ge=0, le=1, description="Indeks Ketahanan Lingkungan (IKL), 0-1, seperti dicetak.")
    dinyatakan: Optional[DinyatakanDesa] = Field(
        None, description="IDM dan status yang dicetak tabel (IDM dihitung ulang dari IKS, IKE dan IKL)."
    )


class Idm(Model):
    """The Indeks Desa Membangun table of the year."""

    sumber: Optional[Sumber] = Field(None, description="Tabel IDM di laporan, mis. Tabel 3.7.")
    desa: list[Desa] = Field(description="Satu butir per desa/kelurahan.")


class NilaiKomponen(Model):
    """The score of one AKIP component."""

    komponen: Id = Field(description="Id komponen di metodologi (referensi/akip.yaml), mis. perencanaan.")
    nilai: Angka = Field(ge=0, description="Nilai komponen seperti dicetak; tidak melebihi bobotnya.")


class DinyatakanAkip(Model):
    """AKIP figures as printed in one place (for the audit)."""

    sumber: Sumber = Field(description="Tabel atau teks tempat nilai ini dicetak.")
    nilai: Optional[Angka] = Field(None, description="Nilai AKIP total yang dicetak (0-100).")
    predikat: Optional[str] = Field(None, description="Predikat yang dicetak, mis. BB.")


class Akip(Model):
    """The inspectorate's AKIP evaluation for this year."""

    metodologi: Id = Field(description="Id metodologi di referensi/akip.yaml, mis. permenpanrb-88-2021.")
    evaluator: Optional[str] = Field(None, description="Mis. Inspektorat Kabupaten Batu Bara.")
    komponen: list[NilaiKomponen] = Field(
        default_factory=list, description="Nilai per komponen; nilai total dan predikat dihitung dari sini."
    )
    sumber: Optional[Sumber] = Field(None, description="Tabel nilai komponen, mis. Tabel 3.4.")
    dinyatakan: list[DinyatakanAkip] = Field(
        default_factory=list, description="Nilai total dan predikat seperti dicetak, satu butir per tabel atau teks."
    )


class JumlahPegawai(Model):
    """The number of staff in one category."""

    kategori: str = Field(description="Kategori seperti dicetak, mis. Golongan III, Perempuan, S1/DIV, Eselon IV/a.")
    jumlah: int = Field(ge=0, description="Jumlah pegawai dalam kategori ini.")
    persen_dinyatakan: Optional[Angka] = Field(None, description="Persentase yang dicetak laporan, tanpa tanda %.")


class Pegawai(Model):
    """Staff composition (keadaan pegawai)."""

    tahun_data: Optional[Tahun] = Field(None, description="Tahun keadaan pegawai bila berbeda dari tahun berkas.")
    keterangan: Optional[Markdown] = Field(None, description="Penjelasan tabel pegawai, mis. jumlah total dan siapa yang dihitung.")
    sumber: Optional[Sumber] = Field(None, description="Tabel keadaan pegawai, mis. Tabel 1.1-1.4.")
    golongan: list[JumlahPegawai] = Field(default_factory=list, description="Jumlah pegawai per golongan.")
    jenis_kelamin: list[JumlahPegawai] = Field(default_factory=list, description="Jumlah pegawai per jenis kelamin.")
    pendidikan: list[JumlahPegawai] = Field(default_factory=list, description="Jumlah pegawai per tingkat pendidikan.")
    eselon: list[JumlahPegawai] = Field(default_factory=list, description="Jumlah pegawai per eselon (termasuk non eselon).")


class Penghargaan(Model):
    """An award the kecamatan received."""

    nama: str = Field(description="Nama penghargaan seperti dicetak.")
    jenis: Optional[str] = Field(None, description="Jenis penghargaan seperti dicetak, mis. Juara I, Piagam, Trofi.")
    penerima: Optional[str] = Field(None, description="Penerima bila bukan kecamatan itu sendiri, mis. Desa Batu Kajang.")
    pemberi: Optional[str] = Field(None, description="Pemberi penghargaan, mis. Bupati Paser.")
    tingkat: Optional[str] = Field(None, description="Tingkat penghargaan, mis. kabupaten, provinsi, nasional.")
    tanggal: Optional[TanggalAtauTahun] = Field(
        None, description="Tanggal penghargaan (TTTT-BB-HH, mis. 2023-08-17), atau tahunnya saja (2023) bila laporan "
        "hanya mencetak tahun.")
    sumber: Optional[Sumber] = Field(None, description="Tempat penghargaan ini disebut di laporan.")


class TindakLanjut(Model):
    """One finding of an evaluation (LHE AKIP, Inspektorat, BPK) with its follow-up, as the report prints it."""

    evaluasi: Optional[str] = Field(None, description="Evaluasi asal temuan, mis. LHE AKIP 2022 Inspektorat Kabupaten Paser.")
    temuan: str = Field(description="Temuan atau catatan evaluasi seperti dicetak.")
    rekomendasi: Optional[str] = Field(None, description="Rekomendasi evaluator seperti dicetak.")
    tindak_lanjut: Optional[str] = Field(None, description="Tindak lanjut yang dilakukan kecamatan seperti dicetak.")
    batas_waktu: Optional[str] = Field(None, description="Batas waktu seperti dicetak, mis. Desember 2023 atau Triwulan I 2024.")
    status: Optional[str] = Field(None, description="Status tindak lanjut seperti dicetak, mis. Selesai, Dalam proses.")
    sumber: Optional[Sumber] = Field(None, description="Tabel tempat temuan ini dicetak, mis. Tabel 3.9.")


class DinyatakanSasaran(Model):
    """Figures about one sasaran as printed in one place (for the audit)."""

    sumber: Sumber = Field(description="Tabel atau teks tempat angka ini dicetak.")
    capaian: Optional[Angka] = Field(None, description="Capaian sasaran (%) yang dicetak.")
    penyerapan: Optional[Angka] = Field(None, description="Penyerapan anggaran sasaran (%) yang dicetak.")
    efisiensi: Optional[Angka] = Field(None, description="Efisiensi sasaran yang dicetak (dengan rumus laporan).")


class RingkasanSasaran(Model):
    """Figures the report prints per sasaran."""

    sasaran: Id = Field(description="Id sasaran dari Renstra.")
    dinyatakan: list[DinyatakanSasaran] = Field(description="Angka sasaran ini seperti dicetak, satu butir per tabel atau teks.")


class DinyatakanTahun(Model):
    """Year-level averages as printed in one place (for the audit)."""

    sumber: Sumber = Field(description="Tabel atau teks tempat angka ini dicetak.")
    capaian_rata_rata: Optional[Angka] = Field(None, description="Rata-rata capaian kinerja (%) yang dicetak.")
    penyerapan_rata_rata: Optional[Angka] = Field(None, description="Rata-rata penyerapan anggaran (%) yang dicetak.")
    efisiensi_rata_rata: Optional[Angka] = Field(None, description="Rata-rata efisiensi yang dicetak (dengan rumus laporan).")
    predikat: Optional[str] = Field(None, description="Predikat kinerja tahun ini yang dicetak, mis. Baik.")


class Klaim(Model):
    """What the report's prose says about the year as a whole, in counts ("3 sasaran dan 4 indikator", "dari 4
    indikator tercapai 3", "6 program dengan 15 kegiatan", "seluruh indikator tercapai"): audited against the data
    like a printed figure. Fill only what the sentence says."""

    kutipan: str = Field(description="Kalimat laporan seperti dicetak (boleh dipotong), mis. \"dari 4 (empat) "
                         "indikator kinerja sudah dapat dicapai 3 indikator\".")
    sumber: Sumber = Field(description="Bagian laporan tempat kalimat ini dicetak, mis. Ikhtisar Eksekutif (teks).")
    jumlah_tujuan: Optional[int] = Field(None, ge=0, description="Jumlah tujuan yang disebut kalimat ini.")
    jumlah_sasaran: Optional[int] = Field(None, ge=0, description="Jumlah sasaran yang disebut kalimat ini.")
    jumlah_indikator: Optional[int] = Field(None, ge=0, description="Jumlah indikator kinerja yang disebut.")
    jumlah_tercapai: Optional[int] = Field(
        None, ge=0, description="Jumlah indikator yang menurut kalimat ini mencapai target (0 untuk \"seluruh indikator "
        "tidak mencapai target\").")
    seluruhnya_tercapai: Optional[bool] = Field(
        None, description="true bila kalimat ini menyatakan seluruh indikator/sasaran mencapai target.")
    jumlah_program: Optional[int] = Field(None, ge=0, description="Jumlah program yang disebut kalimat ini.")
    jumlah_kegiatan: Optional[int] = Field(None, ge=0, description="Jumlah kegiatan yang disebut kalimat ini.")
    jumlah_sub_kegiatan: Optional[int] = Field(None, ge=0, description="Jumlah sub kegiatan yang disebut kalimat ini.")


# What a claim can count, in the order its fields are listed ("tujuan", "sasaran", … "sub_kegiatan").
KLAIM_COUNTS = tuple(name.removeprefix("jumlah_") for name in Klaim.model_fields if name.startswith("jumlah_"))


class BarisPk(Model):
    """One row of a performance agreement or its annex, as printed."""

    sasaran: Optional[str] = Field(None, description="Sasaran seperti dicetak (teks, bukan id).")
    indikator: str = Field(description="Indikator seperti dicetak; untuk baris anggaran tanpa indikator tulis keterangannya.")
    target: Optional[str] = Field(None, description="Target seperti tercetak, mis. '15 Dokumen'.")
    program: Optional[str] = Field(None, description="Program seperti dicetak.")
    kegiatan: Optional[str] = Field(None, description="Kegiatan seperti dicetak.")
    sub_kegiatan: Optional[str] = Field(None, description="Sub kegiatan seperti dicetak.")
    anggaran: Optional[Uang] = Field(None, description="Anggaran baris ini dalam rupiah.")


class PerjanjianTercetak(Model):
    """What every printed performance agreement has: its date, where it is printed, its rows and annex total."""

    tanggal: Optional[str] = Field(None, description="Tanggal seperti dicetak (teks), mis. 10 Januari 2023.")
    sumber: Optional[Sumber] = Field(None, description="Halaman, tabel atau lampiran perjanjian ini di laporan.")
    baris: list[BarisPk] = Field(
        default_factory=list, description="Baris perjanjian seperti dicetak: sasaran, indikator, target, dan "
        "program/kegiatan dengan anggarannya (lampiran).")
    jumlah_anggaran: Optional[Uang] = Field(
        None, description="Baris JUMLAH anggaran yang dicetak di lampiran perjanjian; diperiksa dengan jumlah "
        "anggaran barisnya.")


class PerjanjianKinerjaUnit(PerjanjianTercetak):
    """A cascaded agreement signed by a unit head (sekretaris, kasi, kasubbag)."""

    unit: str = Field(description="Unit kerja, mis. Sekretaris Camat atau Subbagian Umum dan Kepegawaian.")
    pihak_pertama: Pejabat = Field(description="Kepala unit yang berjanji (pihak pertama).")
    pihak_kedua: Pejabat = Field(description="Atasan yang menerima perjanjian (pihak kedua), mis. Camat.")


class NarasiTahun(Model):
    """The report's narrative text for the year, as printed."""

    ringkasan: Optional[Markdown] = Field(None, description="Ikhtisar eksekutif/ringkasan seperti dicetak.")
    isu_strategis: Optional[Markdown] = Field(None, description="Isu strategis seperti dicetak.")
    permasalahan: Optional[Markdown] = Field(None, description="Permasalahan yang dihadapi seperti dicetak.")
    saran: Optional[Markdown] = Field(None, description="Saran/langkah perbaikan seperti dicetak.")
    kesimpulan: Optional[Markdown] = Field(None, description="Kesimpulan (Bab IV Penutup) seperti dicetak.")


class PerubahanPk(PerjanjianTercetak):
    """A revised Perjanjian Kinerja (PK perubahan, hasil reviu); its targets for Renstra indicators are in
    `kinerja[].target_perubahan`, its own indicators in `baris`."""

    alasan: Optional[Markdown] = Field(
        None, description="Alasan perubahan seperti dicetak, mis. APBD perubahan atau reviu Renstra.")


class DokumenPk(PerjanjianTercetak):
    """The kecamatan's Perjanjian Kinerja document for the year (its targets for Renstra indicators are in
    `kinerja`; `baris` holds the document's rows as printed, when they differ or carry the annex budget)."""

    pihak_pertama: Optional[Pejabat] = Field(None, description="Pihak pertama, biasanya Camat.")
    pihak_kedua: Optional[Pejabat] = Field(None, description="Pihak kedua, biasanya Bupati/Wali Kota.")
    perubahan: Optional[PerubahanPk] = Field(
        None, description="PK perubahan/hasil reviu tahun ini, bila ada: tanggal, alasan, sumber, dan barisnya bila "
        "indikatornya berbeda dari Renstra.")


class Tahunan(BerkasData):
    """data/wilayah/<kabupaten>/<kecamatan>/<tahun>.yaml: everything about one year."""

    tahun: Tahun = Field(description="Tahun kinerja; sama dengan nama berkas (<tahun>.yaml).")
    laporan: Id = Field(description="Laporan bawaan untuk setiap `sumber` di berkas ini yang tidak menyebut laporan.")
    camat: Optional[Pejabat] = Field(None, description="Camat tahun ini, seperti di tanda tangan laporan.")
    perjanjian_kinerja: Optional[DokumenPk] = Field(
        None, description="Dokumen Perjanjian Kinerja tahun ini (target per indikator ditulis di `kinerja`)."
    )
    kinerja: list[Kinerja] = Field(default_factory=list, description="Target PK dan realisasi tiap indikator Renstra tahun ini.")
    sasaran: list[RingkasanSasaran] = Field(default_factory=list, description="Angka per sasaran yang dicetak laporan.")
    anggaran: Optional[Anggaran] = Field(None, description="Anggaran dan realisasinya tahun ini.")
    ikm: Optional[Ikm] = Field(None, description="Survei kepuasan masyarakat (IKM) tahun ini.")
    idm: Optional[Idm] = Field(None, description="Indeks Desa Membangun desa/kelurahan di kecamatan tahun ini.")
    akip: Optional[Akip] = Field(None, description="Hasil evaluasi AKIP oleh Inspektorat untuk tahun ini.")
    tindak_lanjut_evaluasi: list[TindakLanjut] = Field(
        default_factory=list, description="Temuan evaluasi dan tindak lanjutnya (rekomendasi, batas waktu, status).")
    pegawai: Optional[Pegawai] = Field(None, description="Keadaan pegawai kecamatan (golongan, jenis kelamin, pendidikan, eselon).")
    penghargaan: list[Penghargaan] = Field(default_factory=list, description="Penghargaan yang diterima tahun ini.")
    perjanjian_kinerja_unit: list[PerjanjianKinerjaUnit] = Field(
        default_factory=list, description="Perjanjian kinerja berjenjang unit kerja (sekretaris, kasi, kasubbag)."
    )
    narasi: Optional[NarasiTahun] = Field(
        None, description="Ringkasan, isu strategis, permasalahan, saran dan kesimpulan laporan."
    )
    dinyatakan: list[DinyatakanTahun] = Field(
        default_factory=list, description="Rata-rata capaian/penyerapan/efisiensi tahun ini seperti dicetak, satu butir per tempat."
    )
    klaim: list[Klaim] = Field(
        default_factory=list, description="Pernyataan laporan tentang jumlah sasaran, indikator, program, dan berapa yang "
        "tercapai, seperti dicetak di teks; diperiksa terhadap data."
    )
    catatan: Optional[Markdown] = Field(
        None, description="Catatan transkripsi: kejanggalan angka, ejaan, hal yang tidak punya tempat di model."
    )

