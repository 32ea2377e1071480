"""JSON Schema files for editors, generated from the models.

Each YAML file can point at its schema with a yaml-language-server modeline;
the committed files are checked against the models in the tests
(`python -m builder schema --check`).
"""

from __future__ import annotations

import json
from pathlib import Path

from .models import FILE_MODELS

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"


def schema_text(kind: str) -> str:
    schema = FILE_MODELS[kind].model_json_schema(mode="validation")
    schema = {"$schema": SCHEMA_URL, "$id": f"{kind}.schema.json", **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in FILE_MODELS:
        path = out / f"{kind}.schema.json"
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    return written


def check_schemas(out: Path) -> list[str]:
    """Names of schema files that are missing or differ from the models."""
    stale = []
    for kind in FILE_MODELS:
        path = out / f"{kind}.schema.json"
        if not path.exists() or path.read_text(encoding="utf-8") != schema_text(kind):
            stale.append(path.name)
    return stale
