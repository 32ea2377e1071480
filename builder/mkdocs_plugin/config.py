from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class KecamatanConfig(Config):
    enabled = opt.Type(bool, default=True)
    # Folder with the YAML data, relative to mkdocs.yml.
    data_dir = opt.Type(str, default="data")
