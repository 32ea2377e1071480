"""Generate a synthetic data set with the shape of the real one.

Each synthetic kecamatan is a copy of one of the real kecamatan in data/
(taken in turn), renamed and recoded, with its fullest year file used for
every year asked for (capped by its Renstra period). So file sizes, budget
depth, narratives and stated figures are exactly those of real reports.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
PER_KABUPATEN = 20


def _templates() -> list[dict]:
    out = []
    for profil in sorted((DATA / "wilayah").glob("*/*/profil.yaml")):
        folder = profil.parent
        years = sorted(folder.glob("[0-9][0-9][0-9][0-9].yaml"), key=lambda p: p.stat().st_size)
        renstra = sorted(folder.glob("renstra-*.yaml"))
        start, end = (int(x) for x in renstra[-1].stem.split("-")[1:])
        out.append({
            "kabupaten": yaml.safe_load((folder.parent / "kabupaten.yaml").read_text(encoding="utf-8")),
            "profil": profil.read_text(encoding="utf-8"),
            "renstra": {p.name: p.read_text(encoding="utf-8") for p in renstra},
            "year": years[-1].read_text(encoding="utf-8"),
            "year_number": int(years[-1].stem),
            "start": start, "end": end,
            "kode": yaml.safe_load(profil.read_text(encoding="utf-8")).get("kode"),
        })
    return out


def generate(out: Path, kecamatan: int = 1000, years: int = 5) -> Path:
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(DATA / "referensi", out / "referensi")
    templates = _templates()
    for k in range(kecamatan):
        t = templates[k % len(templates)]
        kab_index = k // PER_KABUPATEN
        kab_code = f"{11 + kab_index // 90:02d}.{kab_index % 90 + 1:02d}"
        kab_dir = out / "wilayah" / f"kab-{kab_index:03d}"
        if not kab_dir.exists():
            kab_dir.mkdir(parents=True)
            kab = dict(t["kabupaten"], kode=kab_code, nama=f"Sintetis {kab_index}",
                       provinsi={"nama": f"Provinsi {kab_code[:2]}", "kode": kab_code[:2]})
            (kab_dir / "kabupaten.yaml").write_text(yaml.safe_dump(kab, allow_unicode=True), encoding="utf-8")
        kec_code = f"{kab_code}.{k % PER_KABUPATEN + 1:02d}"
        recode = (lambda text, old=t["kode"]: re.sub(re.escape(old) + r"(?=[.\"])", kec_code, text)) if t["kode"] else (lambda text: text)
        kec_dir = kab_dir / f"kec-{k:04d}"
        kec_dir.mkdir()
        (kec_dir / "profil.yaml").write_text(recode(t["profil"]), encoding="utf-8")
        for name, text in t["renstra"].items():
            (kec_dir / name).write_text(text, encoding="utf-8")
        first = max(t["start"], t["end"] - years + 1) if t["end"] - t["start"] + 1 >= years else t["start"]
        for year in range(first, min(t["end"], first + years - 1) + 1):
            text = re.sub(r"^tahun: \d{4}", f"tahun: {year}", recode(t["year"]), count=1, flags=re.M)
            (kec_dir / f"{year}.yaml").write_text(text, encoding="utf-8")
    return out
