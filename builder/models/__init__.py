"""Pydantic models: the shape of every YAML file under data/, one module per file kind.

Field names are the YAML keys (Bahasa Indonesia, because kecamatan staff edit
them); every field has a description, so the generated JSON Schema, editor
hovers and the scaffold comments explain it.
"""

from .common import *  # noqa: F401,F403
from .common import Model
from .referensi import *  # noqa: F401,F403
from .referensi import ReferensiAkip, ReferensiIndikator, ReferensiRumus, ReferensiSkala
from .renstra import *  # noqa: F401,F403
from .renstra import Renstra
from .tahunan import *  # noqa: F401,F403
from .tahunan import Tahunan
from .wilayah import *  # noqa: F401,F403
from .wilayah import Kabupaten, Profil

# The model a file kind is validated against (load.py says how kinds follow from paths).
FILE_MODELS: dict[str, type[Model]] = {
    "skala": ReferensiSkala,
    "rumus": ReferensiRumus,
    "indikator": ReferensiIndikator,
    "akip": ReferensiAkip,
    "kabupaten": Kabupaten,
    "profil": Profil,
    "renstra": Renstra,
    "tahunan": Tahunan,
}
