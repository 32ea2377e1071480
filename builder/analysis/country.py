"""The whole country as results: every provinsi, kabupaten/kota and kecamatan of Kemendagri's list,
each marked with the folder of our data where we have its reports.

Areas of our data that the official list does not know (a missing or new code) are kept too, so every
kecamatan with a report is reachable whatever the list says. Without the list (a data set without
`referensi/kemendagri/`) the country is just our data.
"""

from __future__ import annotations

from ..dataset import Dataset, kabupaten_slug, slug_of
from .results import Country, OfficialKabupaten, OfficialKecamatan, OfficialProvince


def country_of(dataset: Dataset) -> Country:
    official = dataset.regions or {"provinsi": {}, "kabupaten": {}, "kecamatan": {}}
    ours_kab = {kab.kabupaten.kode: slug for slug, kab in dataset.kabupaten.items()}
    ours_kec = {kec.profil.kode: slug for slug, kec in dataset.kecamatan.items() if kec.profil.kode}

    provinces: dict[str, dict] = {code: {"nama": name, "kabupaten": {}} for code, name in official["provinsi"].items()}
    for slug, kab in dataset.kabupaten.items():  # provinsi of our data the list lacks
        p = kab.kabupaten.provinsi
        provinces.setdefault(p.kode, {"nama": p.nama, "kabupaten": {}})

    kabupaten: dict[str, dict] = {}
    for code, name in official["kabupaten"].items():
        kabupaten[code] = {"nama": name, "slug": ours_kab.get(code) or kabupaten_slug(name), "ours": code in ours_kab,
                           "kecamatan": []}
    for slug, kab in dataset.kabupaten.items():
        k = kab.kabupaten
        kabupaten.setdefault(k.kode, {"nama": f"{k.jenis.capitalize()} {k.nama}", "slug": slug, "ours": True,
                                      "kecamatan": []})

    for code, name in official["kecamatan"].items():
        kab_code = code.rsplit(".", 1)[0]
        if kab_code in kabupaten:
            kabupaten[kab_code]["kecamatan"].append(OfficialKecamatan(code, name, ours_kec.get(code)))
    known = set(official["kecamatan"])
    for slug, kec in sorted(dataset.kecamatan.items()):
        if kec.profil.kode not in known and kec.kabupaten_slug in dataset.kabupaten:
            kab_code = dataset.kabupaten[kec.kabupaten_slug].kabupaten.kode
            kabupaten[kab_code]["kecamatan"].append(OfficialKecamatan(kec.profil.kode, kec.profil.nama, slug))

    taken: set[str] = set()
    for code, kab in sorted(kabupaten.items(), key=lambda item: not item[1]["ours"]):  # our folders keep theirs
        if kab["slug"] in taken:
            kab["slug"] = f'{kab["slug"]}-{code.replace(".", "-")}'
        taken.add(kab["slug"])
    for code, kab in kabupaten.items():
        prov_code = code.split(".")[0]
        if prov_code in provinces:
            provinces[prov_code]["kabupaten"][code] = kab

    return Country(tuple(
        OfficialProvince(code, p["nama"], slug_of(p["nama"]), tuple(
            OfficialKabupaten(kab_code, k["nama"], k["slug"], k["ours"], tuple(k["kecamatan"]))
            for kab_code, k in sorted(p["kabupaten"].items())))
        for code, p in sorted(provinces.items())))
