"""The import drafts the report's sentences about the year (`klaim`): counts as printed, parts left out.

Each sentence is quoted from a seed report (../shared/seeds); the expected counts are the numbers it prints."""

from __future__ import annotations

import time

import pytest

from builder.impor.claims import MAX_SENTENCE, sentence_claim

SENTENCES = [
    # 002 Ikhtisar Eksekutif
    ("Untuk mewujudkan visi tersebut, pada tahun 2022 Kecamatan Batu Sopang Kabupaten Batu Sopang melaksanakan 6 "
     "(enam) program dengan 15 (lima belas belas) kegiatan dan 35 (Tiga Puluh Lima) sub kegiatan dengan anggaran",
     {"program": 6, "kegiatan": 15, "sub_kegiatan": 35}, None),
    ("4 sasaran strategis yang ditetapkan dalam Penetapan Kinerja Tahun 2022 menunjukkan bahwa semua sasaran telah "
     "berhasil dicapai dengan baik.", {"sasaran": 4}, True),
    # 002 Bab III: the digit is the count ("4 (lima)")
    ("Pelaporan Kinerja ini didasarkan pada Perjanjian Kinerja OPD Tahun 2022, telah ditetapkan 4 (lima) sasaran "
     "dengan 5 (lima) indikator kinerja (outcome) dengan rincian sebagai berikut:", {"sasaran": 4, "indikator": 5}, None),
    # 000 Bab IV: counted and reached; "1 indikator lain" is a part
    ("Secara garis besar sasaran Perjanjian Kinerja tahun 2023 Kecamatan Rupert Utara telah dicapai, yaitu dari 4 "
     "(empat) indikator kinerja sudah dapat dicapai 3 indikator, yaitu indikator kinerja indeks pelayanan/ indeks "
     "kepuasan masyarakat, sedangkan 1 indikator lain yaitu predikat akuntabilitas kinerja belum dapat dicapai.",
     {"indikator": 4, "tercapai": 3}, None),
    # 000 Bab III B
    ("Dari 3 (tiga) sasaran dan 4 (empat) indikator tersebut seluruhnya dinyatakan “berhasil” yaitu capaiannya "
     "rata-rata > 100 % dari target.", {"sasaran": 3, "indikator": 4}, True),
    # 004 Bab III 3.1.5
    ("Seluruh indikator capaian kinerja tidak mencapai target.", {"tercapai": 0}, None),
]

PARTS = [
    # 002 Ikhtisar: "tujuan tersebut" is Tujuan 1 (its 3 sasaran and 4 indicators), not the year
    "Untuk mencapai tujuan tersebut ditetapkan 3 (tiga) sasaran strategis dan 4 (empat) Indikator Kinerja, yaitu :",
    "Tujuan 1 terdapat 3 sasaran strategis dan 4 indikator kinerja sasaran :",  # 002: one tujuan
    "1. Sasaran 1, terdiri dari 2 indikator;",  # 002: one sasaran
    "- Sasaran 1 terdiri dari 1 (satu) indikator dengan nilai IKM 88,12atau interpretasi memuaskan.",  # 004
    "Misi ini terdiri dari 1 (satu) tujuan dan 3 (tiga) sasaran sebagaimana table di bawah ini:",  # 002: one misi
    # 002: a programme's name holds a number, about one indicator
    "Program dan kegiatan yang menunjang keberhasilan capaian indikator ini dapat tercapai 100 % yaitu Program "
    "Koordinasi Pemberdayaan Masyarakat dengan Kegiatan Pelaksanaan 10 Program PKK.",
    # 004: the counts before a revision ("dari … menjadi")
    "yang mana dalam rancangan Renstra tersebut direvisi tujuan dan sasaran Kecamatan Lima Puluh Pesisir dari 2 (dua) "
    "tujuan dengan 2 (dua) sasaran menjadi",
    # 000 Ringkasan: "dari 3 indikator sudah tercapai" is 3 reached, or all of 3: not drafted
    "Secara keseluruhan sasaran dalam Perjanjian Kinerja tahun 2023 Kecamatan Rupert Utara telah tercapai, yaitu dari "
    "3 (tiga) indikator kinerja sudah tercapai dan terpenuhi.",
]


@pytest.mark.parametrize("sentence, counts, all_reached", SENTENCES)
def test_a_sentence_about_the_year_gives_its_printed_counts(sentence, counts, all_reached):
    assert sentence_claim(sentence) == (counts, all_reached)


@pytest.mark.parametrize("sentence", PARTS)
def test_a_sentence_about_a_part_or_an_ambiguous_one_counts_nothing(sentence):
    assert sentence_claim(sentence) == ({}, None)


def test_output_indicators_counted_beside_programmes_are_not_the_agreements():
    """002 Bab III 3.4: "Capaian kinerja meliputi 34 (Tiga Puluh Empat) indikator kinerja dan 6 (enam) Program." —
    the sub kegiatan's output indicators, not the Perjanjian Kinerja's."""
    assert sentence_claim("Capaian kinerja meliputi 34 (Tiga Puluh Empat) indikator kinerja dan 6 (enam) Program.") \
        == ({"program": 6}, None)


def test_hostile_text_is_bounded():
    started = time.perf_counter()
    assert sentence_claim("semua " * (MAX_SENTENCE // 6)) == ({}, None)
    assert sentence_claim("seluruh indikator " + "x " * 60_000) == ({}, None)
    assert time.perf_counter() - started < 1


from decimal import Decimal as D  # noqa: E402

from builder.impor.claims import budget_sentence, sentences  # noqa: E402

BUDGET_SENTENCES = [
    # 002 Ikhtisar Eksekutif: "Rp. 4.924.825.264.00" (a dot before the cents)
    ("Pembiayaan dari APBD Tahun 2022 berjumlah Rp 6.151.520.858,00 terealisasi Rp. 4.924.825.264.00 dengan penyerapan "
     "sebesar 80,06 % atau efisiensi sebesar 19,94 %.", 2022,
     {"pagu": D("6151520858"), "realisasi": D("4924825264"), "penyerapan": D("80.06")}),
    # 002 Bab III 3.4: a pagu with printed cents, a realisasi "-nya"; the efisiensi amount is no pagu
    ("Pada tahun 2022 Anggaran Pendapatan dan Belanja Daerah (APBD) Kabupaten Paser untuk Kecamatan Batu Sopang sebesar "
     "Rp. 6.142.308.357,76,- *sedangkan realisasinya sebesar Rp. 4.469.641.633,- atau 83.19%*, dengan demikian dapat "
     "dikatakan tahun 2020 Kecamatan Batu Sopang efisiensi anggaran sebesar Rp 888.193.227,- atau 16.81 %.", 2022,
     {"pagu": D("6142308357.76"), "realisasi": D("4469641633")}),
    # 002: "Tahun Anggaran 2022" is a fiscal year, not a pagu
    ("Dari tabel diatas dapat disimpulkan bahwa Realisasi Belanja Tahun Anggaran 2022 Kantor Camat Batu Sopang "
     "Rp.4.924.825.264,00 atau 80.06 % dari total anggaran belanja sebesar Rp.6.151.520.858,00.", 2022,
     {"realisasi": D("4924825264"), "pagu": D("6151520858")}),
    # 004 Bab III 3.4
    ("Selama tahun 2023 pelaksanaan program, kegiatan dan sub kegiatan … dianggarkan melalui APBD Kabupaten Batu Bara, "
     "sebagaimana DPA Kecamatan Lima Puluh Pesisir Kabupaten Batu Bara Tahun Anggaran 2023 dengan total nilai "
     "keseluruhan adalah sebesar Rp. 2.216.552.780,- yang terealisasi adalah Rp. 2.053.237.731 atau dengan kata lain "
     "serapan dana APBD mencapai 92,63%,", 2023,
     {"pagu": D("2216552780"), "realisasi": D("2053237731"), "penyerapan": D("92.63")}),
]

NOT_TOTALS = [
    # 002: last year's realisasi in a comparison
    ("Jika dibandingkan dengan realisasi belanja tahun Anggaran 2021 SKPD sebesar Rp. 4.568.023.148,00 terjadi kenaikan "
     "belanja sebesar Rp. 356.802.116,00 sekitar 7.81%.", 2022),
    # 002: one type of spending
    ("Belanja Operasi Tahun Anggaran 2022 dianggarkan sebesar Rp. 6.142.308.358,00 dan telah direalisasikan sebesar "
     "Rp. 4.915.612.764,00 atau sebesar 80,03%.", 2022),
    # 002: a sub kegiatan's figures (no word for the whole year)
    ("- Menggunakan Dari total anggaran sebesar Rp 4.643.400,00 realisasi sebesar Rp 4.643.400,00 dengan penyerapan "
     "sebesar 100%.", 2022),
]


@pytest.mark.parametrize("sentence, year, expected", BUDGET_SENTENCES)
def test_a_sentence_stating_the_years_budget_gives_its_printed_totals(sentence, year, expected):
    assert {k: v for k, (v, _) in budget_sentence(sentence, year).items()} == expected


@pytest.mark.parametrize("sentence, year", NOT_TOTALS)
def test_a_sentence_about_another_year_a_type_or_a_line_gives_no_total(sentence, year):
    assert budget_sentence(sentence, year) == {}


def test_no_sentence_ends_at_an_abbreviation():
    text = "Anggaran sebesar Rp. 6.151.520.858,00 terealisasi Rp. 4.924.825.264. Kab. Paser mencatat No. 3 di sini."
    assert sentences(text) == ["Anggaran sebesar Rp. 6.151.520.858,00 terealisasi Rp. 4.924.825.264.",
                               "Kab. Paser mencatat No. 3 di sini."]


from builder.impor.claims import heading, index_sentence  # noqa: E402

INDEX_SENTENCES = [
    # 004 Bab III 3.1.1, Bab III 3.1.3, Bab IV
    ("- Capaian kinerja yang sesuai target ditunjukkan pada indikator Indeks Kepuasan Masyarakat (IKM), dengan capaian "
     "kinerja 88,12 %, yang di targetkan 88,37 dengan rasio pencapaian 99,71 %.", {"ikm": D("88.12")}),
    ("Kecamatan Lima Puluh Pesisir memperoleh nilai LAKIP 70,20 yang hasilnya dapat ditunjukkan dari tabel di bawah ini",
     {"akip": D("70.20")}),
    # two years in one sentence: only the report's year
    ("Indeks Kepuasan Masyarakat dari Tahun 2022 dan 2023 mengalami kenaikan, yang mana di tahun 2022 Indeks Kepuasan "
     "Masyarakat (IKM) 82,48, sedangkan di Tahun 2023 Indeks Kepuasan Masyarakat (IKM) mencapai 88,12, namun tidak "
     "memenuhi target di Tahun 2023, yaitu 88,37.", {"ikm": D("88.12")}),
    ("- Sasaran 1 terdiri dari 1 (satu) indikator dengan nilai IKM 88,12atau interpretasi memuaskan.", {"ikm": D("88.12")}),
]


@pytest.mark.parametrize("sentence, expected", INDEX_SENTENCES)
def test_an_index_value_stated_for_the_year(sentence, expected):
    assert {k: v for k, (v, _, _) in index_sentence(sentence, 2023).items()} == expected


def test_a_target_or_another_year_is_no_index_value():
    assert index_sentence("Target IKM tahun 2024 ditargetkan 89,00 sesuai Renstra.", 2023) == {}
    assert index_sentence("Nilai AKIP tahun 2022 sebesar 72,59 dengan predikat B.", 2023) == {}
    assert index_sentence("Nilai AKIP tahun 2023 sebesar 70,20 dengan predikat BB.", 2023) == \
        {"akip": (D("70.20"), "70,20", "BB")}


@pytest.mark.parametrize("text, expected", [
    ("3.1.5 Analisis Atas Efisiensi Penggunaan Sumber Daya", "3.1.5 Analisis Atas Efisiensi Penggunaan Sumber Daya"),
    ("BAB IV P E N U T U P", "BAB IV P E N U T U P"),
    ("IKHTISAR EKSEKUTIF", "IKHTISAR EKSEKUTIF"),
    ("Sumber : Permendagri Nomor 86 Tahun 2017", None),  # a table's source line
    ("Tahun 2023 dengan Tahun Sebelumnya", None),  # a heading's second line
])
def test_a_heading_is_numbered_or_in_capitals(text, expected):
    assert heading(text) == expected
