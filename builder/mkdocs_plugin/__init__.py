"""MkDocs adapter for the builder (registered as the `kecamatan` plugin)."""

from .plugin import KecamatanPlugin

__all__ = ["KecamatanPlugin"]
