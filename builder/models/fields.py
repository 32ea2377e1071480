"""What a field's annotation holds, for the tools that describe the models (scaffolds, the field reference) and
the validator's messages."""

from __future__ import annotations

import types
import typing

from pydantic import BaseModel


def unwrap(annotation):
    """The type inside Optional[...] / Annotated[...] (a union of several types stays as it is)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def value_type(annotation):
    """What a YAML value under this annotation is read as, one level down: a list's item type, a union's model
    (or its first type), Optional and Annotated removed (the validator follows error locations with it)."""
    while True:
        annotation = unwrap(annotation)
        origin = typing.get_origin(annotation)
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            annotation = models[0] if models else args[0]
        elif origin is list:
            annotation = typing.get_args(annotation)[0]
        else:
            return annotation


def is_list(annotation) -> bool:
    return typing.get_origin(unwrap(annotation)) is list


def field_model(annotation) -> type[BaseModel] | None:
    """The model a field holds, directly, optionally or as the items of a list; None for a plain value."""
    inner = unwrap(annotation)
    if typing.get_origin(inner) is list:
        inner = unwrap(typing.get_args(inner)[0])
    return inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None


MULTILINE = "boleh-beberapa-baris"
"""Marks a text type whose value may span lines (models.common.Markdown); every other text field holds one line."""
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def multiline(field) -> bool:
    """Whether a field (pydantic FieldInfo) may hold line breaks: its type is marked MULTILINE, directly or inside
    Optional[...] / list[...]."""
    def marked(annotation) -> bool:
        return isinstance(annotation, str) and annotation == MULTILINE or any(map(marked, typing.get_args(annotation)))
    return MULTILINE in field.metadata or marked(field.annotation)


def line_break(value: object) -> str | None:
    """The first text of a value (a text, or those of a list or mapping) that holds a line break, if any."""
    texts = [value] if isinstance(value, str) else \
        [v for v in (value.values() if isinstance(value, dict) else value) if isinstance(v, str)] \
        if isinstance(value, (list, dict)) else []
    return next((t for t in texts if any(c in t for c in LINE_BREAKS)), None)
