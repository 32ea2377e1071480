"""Shared fixtures: a small valid data set in a temp folder, and the real data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
MINIMAL = Path(__file__).resolve().parent / "fixtures" / "minimal"


@pytest.fixture
def minimal_data(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/minimal plus the real reference files."""
    target = tmp_path / "data"
    shutil.copytree(MINIMAL, target)
    shutil.copytree(DATA / "referensi", target / "referensi")
    return target


@pytest.fixture(scope="session")
def site_model():
    """The computed model of the real data in data/ (built once per test session)."""
    from builder.pipeline import build_model

    return build_model(DATA)
