"""Replace data/referensi/kemendagri/*.csv with those of another idn-area-data version, from the npm registry.

Usage: python scripts/update_kemendagri.py VERSION      (e.g. 4.0.1)

Python standard library only (no Node). The tarball is checked against the sha512 `dist.integrity` the registry
publishes for that version before anything is read from it. Writes the four CSVs (unchanged), the version and the
counts in data/referensi/kemendagri/SUMBER.md, and REGION_SOURCE in builder/load.py; nothing else. LICENSE.md is
only compared: a changed licence needs a person to read it.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
import sys
import tarfile
import urllib.request
from pathlib import Path

PACKAGE = "idn-area-data"
REGISTRY = "https://registry.npmjs.org"
ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "data" / "referensi" / "kemendagri"
LOAD_PY = ROOT / "builder" / "load.py"
# CSV in the package's data/ folder -> how SUMBER.md counts its rows.
CSVS = {"provinces.csv": "provinsi", "regencies.csv": "kabupaten/kota", "districts.csv": "kecamatan",
        "villages.csv": "desa/kelurahan"}
VERSION = re.compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?$")
VERSION_IN_TEXT = re.compile(rf"{PACKAGE} \d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?")
REGION_SOURCE = re.compile(r'^REGION_SOURCE = "[^"\n]*"$', re.MULTILINE)
COUNT_IN_TEXT = re.compile(r"\((\d[\d.]*) (" + "|".join(re.escape(label) for label in CSVS.values()) + r")\)")


class UpdateError(Exception):
    """A reason to stop before writing anything."""


def fetch(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.read()
    except OSError as error:
        raise UpdateError(f"tidak dapat mengunduh {url}: {error}") from error


def metadata(version: str) -> dict:
    """The registry's record of one version: its tarball address and integrity."""
    record = json.loads(fetch(f"{REGISTRY}/{PACKAGE}/{version}"))
    if record.get("version") != version or "dist" not in record:
        raise UpdateError(f"versi {version} tidak ditemukan di registry npm")
    return record["dist"]


def verify(tarball: bytes, integrity: str) -> None:
    """Subresource-integrity check: one of the space-separated `sha512-<base64>` values must match."""
    wanted = [item.split("-", 1)[1] for item in integrity.split() if item.startswith("sha512-")]
    if not wanted:
        raise UpdateError(f"registry tidak memberi integritas sha512 (dist.integrity: {integrity!r})")
    actual = base64.b64encode(hashlib.sha512(tarball).digest()).decode("ascii")
    if actual not in wanted:
        raise UpdateError("sha512 tarball tidak cocok dengan dist.integrity registry; berkas tidak dipakai")


def extract(tarball: bytes) -> dict[str, bytes]:
    """package/data/<name> for the four CSVs and LICENSE.md, read into memory (nothing is unpacked to disk)."""
    files = {}
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for name in (*CSVS, "LICENSE.md"):
            try:
                member = archive.extractfile(f"package/data/{name}")
            except KeyError:
                member = None
            if member is None:
                raise UpdateError(f"paket tidak berisi data/{name}")
            files[name] = member.read()
    return files


def count_rows(name: str, content: bytes) -> int:
    """Rows of a CSV that has the `code` and `name` columns builder/load.py reads."""
    rows = csv.reader(io.StringIO(content.decode("utf-8"), newline=""))
    header = next(rows, [])
    if "code" not in header or "name" not in header:
        raise UpdateError(f"{name}: kolom code dan name tidak ada (kolom: {', '.join(header)})")
    return sum(1 for _ in rows)


def rewrite(text: str, version: str, counts: dict[str, int]) -> str:
    """The version after "idn-area-data " and the "(N label)" counts, with a dot between thousands."""
    text = VERSION_IN_TEXT.sub(f"{PACKAGE} {version}", text)
    return COUNT_IN_TEXT.sub(lambda match: f"({counts[match.group(2)]:,} {match.group(2)})".replace(",", "."), text)


def update(version: str) -> None:
    if not VERSION.match(version):
        raise UpdateError(f"versi tidak sah: {version!r} (contoh: 4.0.1)")
    dist = metadata(version)
    tarball = fetch(dist["tarball"])
    verify(tarball, dist.get("integrity", ""))
    files = extract(tarball)
    counts = {CSVS[name]: count_rows(name, files[name]) for name in CSVS}
    sumber, load_py = FOLDER / "SUMBER.md", LOAD_PY
    new_sumber = rewrite(sumber.read_text(encoding="utf-8"), version, counts)
    new_load, found = REGION_SOURCE.subn(f'REGION_SOURCE = "{PACKAGE} {version}"', load_py.read_text(encoding="utf-8"))
    if found != 1 or not VERSION_IN_TEXT.search(new_sumber):
        raise UpdateError("REGION_SOURCE di builder/load.py atau versi di SUMBER.md tidak ditemukan; perbarui sendiri")
    for name in CSVS:
        (FOLDER / name).write_bytes(files[name])
    sumber.write_text(new_sumber, encoding="utf-8")
    load_py.write_text(new_load, encoding="utf-8")
    print(f"{PACKAGE} {version}: " + ", ".join(f"{n:,} {label}".replace(",", ".") for label, n in counts.items()))
    if files["LICENSE.md"] != (FOLDER / "LICENSE.md").read_bytes():
        print("PERHATIAN: LICENSE.md di paket berbeda dari data/referensi/kemendagri/LICENSE.md; baca dan salin "
              "sendiri bila lisensinya masih sesuai", file=sys.stderr)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    try:
        update(argv[0])
    except UpdateError as error:
        print(f"gagal: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
