"""The data folder's layout, where every stage finds a kecamatan's files (paths relative to data/)."""

from __future__ import annotations


def kecamatan_folder(slug: str) -> str:
    """A kecamatan's folder, from its "<kabupaten>/<kecamatan>" slug."""
    return f"wilayah/{slug}"


def renstra_file(slug: str, start: int, end: int) -> str:
    """A kecamatan's Renstra file: wilayah/<kabupaten>/<kecamatan>/renstra-<mulai>-<selesai>.yaml."""
    return f"{kecamatan_folder(slug)}/renstra-{start}-{end}.yaml"


def year_file(slug: str, year: int) -> str:
    """A kecamatan's file for one year: wilayah/<kabupaten>/<kecamatan>/<tahun>.yaml."""
    return f"{kecamatan_folder(slug)}/{year}.yaml"
