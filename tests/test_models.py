"""Every field staff can write has a description (editor hovers, JSON Schema, scaffold comments)."""

from __future__ import annotations

import typing

from pydantic import BaseModel

from builder.models import FILE_MODELS
from builder.models.common import Id, Markdown

# Descriptions the type aliases carry; they say nothing about the field itself.
GENERIC = {
    meta.description
    for alias in (Markdown, Id)
    for meta in typing.get_args(alias)[1:]
    if getattr(meta, "description", None)
}


def _models_in(annotation) -> list[type[BaseModel]]:
    """The BaseModel classes inside an annotation: Optional, Union, list, dict, Annotated ..."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    if typing.get_origin(annotation) is typing.Annotated:
        return _models_in(typing.get_args(annotation)[0])
    found = []
    for arg in typing.get_args(annotation):  # Literal values are not types and yield nothing
        found += _models_in(arg)
    return found


def reachable_models() -> list[type[BaseModel]]:
    seen: list[type[BaseModel]] = []
    stack = list(FILE_MODELS.values())
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.append(model)
        for field in model.model_fields.values():
            stack += _models_in(field.annotation)
    return seen


def test_walk_reaches_nested_models():
    names = {m.__name__ for m in reachable_models()}
    # a few that are only reachable through Optional, list, dict values or self-reference
    assert {"Tahunan", "Sumber", "Pejabat", "Rincian", "RencanaProgram", "Skala", "Tingkat", "Belanja"} <= names


def test_every_field_has_a_specific_description():
    assert "Teks Markdown." in GENERIC
    missing = [
        f"{model.__name__}.{name}"
        for model in reachable_models()
        for name, field in model.model_fields.items()
        if not (isinstance(field.description, str) and field.description.strip() and field.description not in GENERIC)
    ]
    assert not missing, f"{len(missing)} field(s) without a specific description: " + ", ".join(sorted(missing))
