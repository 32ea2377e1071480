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
    # Shards (content/operator.md): with `provinsi` ("14 64") only those provinsi's kecamatan pages are built and
    # their part is written to the folder `bagian`; with `bagian` alone, the pages over every kecamatan are built
    # from the parts found there. `scripts/merge_shards.py` joins the sites and makes the one search index.
    provinsi = opt.Type((str, int), default="")  # !ENV reads "14" as a number
    bagian = opt.Type(str, default="")
    # Every figure links to its line in the repository at the commit that last changed its file; {repo_url} is
    # mkdocs.yml's repo_url. Empty: only the site's own source pages (sumber/...) are linked.
    data_link = opt.Type(str, default="{repo_url}/blob/{commit}/{path}#L{line}")
