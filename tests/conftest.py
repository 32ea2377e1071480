"""Shared fixtures: a small valid data set in a temp folder, the real data's results, the built site."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
MINIMAL = Path(__file__).resolve().parent / "fixtures" / "minimal"


@pytest.fixture
def minimal_data(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/minimal plus the real reference files (without the Kemendagri list, which
    would warn about the fixture's made-up codes 99.xx)."""
    target = tmp_path / "data"
    shutil.copytree(MINIMAL, target)
    shutil.copytree(DATA / "referensi", target / "referensi", ignore=shutil.ignore_patterns("kemendagri"))
    return target


@pytest.fixture(scope="session")
def analysed():
    """(reference, results of every kecamatan) of the real data in data/, computed once per test session."""
    from builder import analyse_data

    return analyse_data(DATA)


@pytest.fixture(scope="session")
def results(analysed):
    return analysed[1]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site built by MkDocs, once per test session."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-3000:]
    (out.parent / "mkdocs-build.log").write_text(result.stderr, encoding="utf-8")
    return out
