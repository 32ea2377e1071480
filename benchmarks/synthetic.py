"""Generate a synthetic data set with the shape of the real one.

N kecamatan x Y years, each year as large as the largest real report
(a programme table down to expense lines, 9 IKM elements, an IDM table,
AKIP components, stated figures for the audit). Deterministic (seeded).
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _money(rng: random.Random, low: int, high: int) -> int:
    return rng.randrange(low, high) * 1000


def _program(rng: random.Random, p: int) -> dict:
    kegiatan = []
    for k in range(3):
        subs = []
        for s in range(3):
            rincian = []
            for r in range(4):
                pagu = _money(rng, 1_000, 90_000)
                rincian.append({"kode": f"{p}.{k + 1}.{s + 1}.{r + 1}", "nama": f"Belanja {r + 1}",
                                "pagu": pagu, "realisasi": int(pagu * rng.uniform(0.6, 1.0))})
            subs.append({"kode": f"{p}.{k + 1}.{s + 1}", "nama": f"Sub Kegiatan {s + 1}",
                         "pagu": sum(x["pagu"] for x in rincian), "realisasi": sum(x["realisasi"] for x in rincian),
                         "dinyatakan": {"penyerapan": 90.5}, "rincian": rincian})
        kegiatan.append({"kode": f"{p}.{k + 1}", "nama": f"Kegiatan {k + 1}",
                         "pagu": sum(x["pagu"] for x in subs), "realisasi": sum(x["realisasi"] for x in subs),
                         "sub_kegiatan": subs})
    return {"kode": f"7.01.0{p}", "nama": f"PROGRAM {p}", "sasaran": f"s{p % 2 + 1}",
            "pagu": sum(x["pagu"] for x in kegiatan), "realisasi": sum(x["realisasi"] for x in kegiatan),
            "kegiatan": kegiatan}


def generate(out: Path, kecamatan: int = 1000, years: int = 5, seed: int = 1) -> Path:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(ROOT / "data" / "referensi", out / "referensi")
    start = 2021
    per_kab = 20
    for k in range(kecamatan):
        kab_slug = f"kab-{k // per_kab:03d}"
        kab_dir = out / "wilayah" / kab_slug
        if k % per_kab == 0:
            kab_dir.mkdir(parents=True)
            kode_kab = f"{10 + (k // per_kab) // 99:02d}.{(k // per_kab) % 99 + 1:02d}"
            (kab_dir / "kabupaten.yaml").write_text(yaml.safe_dump({
                "nama": f"Kabupaten {k // per_kab}", "jenis": "kabupaten", "kode": kode_kab,
                "provinsi": {"nama": "Provinsi", "kode": kode_kab[:2]},
                "metode": {"skala_capaian": "permendagri-86-2017", "rumus_capaian_turun": "target-per-realisasi",
                           "rumus_efisiensi": "capaian-kurang-penyerapan"}}, allow_unicode=True))
        kode_kab = yaml.safe_load((kab_dir / "kabupaten.yaml").read_text())["kode"]
        kec_dir = kab_dir / f"kec-{k:04d}"
        kec_dir.mkdir()
        kode = f"{kode_kab}.{k % per_kab + 1:02d}"
        reports = [{"id": f"lkjip-{start + y}", "jenis": "LKjIP", "tahun": start + y,
                    "judul": f"LKjIP {start + y}"} for y in range(years)]
        (kec_dir / "profil.yaml").write_text(yaml.safe_dump({
            "nama": f"Kecamatan {k}", "kode": kode, "laporan": reports,
            "fungsi": ["Penyelenggaraan urusan pemerintahan umum"] * 6}, allow_unicode=True))
        indicators = [
            {"id": "ikm", "nama": "Indeks Kepuasan Masyarakat", "satuan": "nilai", "polaritas": "naik", "kanonik": "ikm"},
            {"id": "nilai-akip", "nama": "Nilai AKIP", "satuan": "nilai", "polaritas": "naik", "kanonik": "nilai-akip"},
            {"id": "kriminalitas", "nama": "Angka kriminalitas", "satuan": "kasus", "polaritas": "turun"},
            {"id": "desa-maju", "nama": "Persentase desa maju", "satuan": "%", "polaritas": "naik"},
        ]
        for ind in indicators:
            ind["target"] = {start + y: rng.randrange(20, 90) for y in range(years)}
            ind["target_akhir"] = 95
        (kec_dir / f"renstra-{start}-{start + years - 1}.yaml").write_text(yaml.safe_dump({
            "periode": {"mulai": start, "selesai": start + years - 1},
            "tujuan": [{"id": "t1", "nama": "Tujuan", "sasaran": [
                {"id": "s1", "nama": "Sasaran 1", "indikator": indicators[:2]},
                {"id": "s2", "nama": "Sasaran 2", "indikator": indicators[2:]}]}]}, allow_unicode=True))
        for y in range(years):
            year = start + y
            kinerja = []
            for ind in indicators:
                target = ind["target"][year]
                realisasi = round(target * rng.uniform(0.8, 1.2), 2)
                kinerja.append({"indikator": ind["id"], "target": target, "realisasi": realisasi,
                                "sumber": {"tabel": "Tabel 3.1"},
                                "dinyatakan": [{"sumber": {"tabel": "Tabel 3.2"}, "capaian": 100.0, "efisiensi": 5.5}],
                                "narasi": {"pendukung": "- Faktor pendukung\n- Lainnya", "penghambat": "Hambatan"}})
            programs = [_program(rng, p) for p in range(1, 7)]
            data = {
                "tahun": year, "laporan": f"lkjip-{year}",
                "camat": {"nama": "Camat", "nip": "19800124 201407 1 002"},
                "kinerja": kinerja,
                "anggaran": {"sumber": {"tabel": "Tabel 3.9"}, "program": programs,
                             "belanja": [{"jenis": "Belanja Operasi", "pagu": 1000, "realisasi": 900}],
                             "per_kinerja": [{"sasaran": "s1", "pagu": 5000, "realisasi": 4000}],
                             "dinyatakan": [{"sumber": {"tabel": "Tabel 3.9"}, "pagu": 1, "penyerapan": 90.53}]},
                "ikm": {"responden": 150, "unsur": [{"nama": f"Unsur {u}", "nrr": round(rng.uniform(3, 4), 2)} for u in range(9)],
                        "dinyatakan": [{"sumber": {"tabel": "Tabel 3.6"}, "nilai": 89.81, "mutu": "A"}]},
                "idm": {"sumber": {"tabel": "Tabel 3.7"}, "desa": [
                    {"kode": f"{kode}.{2001 + d}", "nama": f"Desa {d}", "iks": 0.8, "ike": 0.7, "ikl": 0.6,
                     "dinyatakan": {"idm": 0.7, "status": "BERKEMBANG"}} for d in range(10)]},
                "akip": {"metodologi": "permenpanrb-88-2021", "komponen": [
                    {"komponen": "perencanaan", "nilai": 21.41}, {"komponen": "pengukuran", "nilai": 21.03},
                    {"komponen": "pelaporan", "nilai": 11.89}, {"komponen": "evaluasi-internal", "nilai": 15.87}],
                    "dinyatakan": [{"sumber": {"tabel": "Tabel 3.4"}, "nilai": 70.2, "predikat": "BB"}]},
                "dinyatakan": [{"sumber": {"tabel": "Tabel 3.12"}, "capaian_rata_rata": 97.8}],
            }
            (kec_dir / f"{year}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return out
