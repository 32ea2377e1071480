from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class KecamatanConfig(Config):
    enabled = opt.Type(bool, default=True)
    # Folder with the YAML data, relative to mkdocs.yml.
    data_dir = opt.Type(str, default="data")
    # The "Riwayat perubahan data" page: diffs of the last commits that changed the data
    # (each commit's figures computed once and reused across `mkdocs serve` rebuilds).
    history = opt.Type(bool, default=True)
    history_commits = opt.Type(int, default=20)
    # A preview of some folders only, e.g. "bengkalis/rupat-utara paser" (kabupaten or kabupaten/kecamatan,
    # separated by spaces or commas): `make serve HANYA=...` sets it through KECAMATAN_HANYA. The Riwayat page is
    # then left out. Empty: the whole data.
    only = opt.Type(str, default="")
