"""Versions of the data: git revisions read without touching the work tree.

`git archive` unpacks a revision's data folder into a temporary folder, so
the diff and the history page can load any past version like the present one.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path


class VersionError(Exception):
    """A version that cannot be read or does not validate; message in Bahasa Indonesia."""


def git(repo: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
    except OSError as error:  # git not installed
        raise VersionError(f"git tidak dapat dijalankan: {error}") from None
    if result.returncode != 0:
        raise VersionError(f"git {' '.join(args)}: {result.stderr.strip() or 'gagal'}")
    return result.stdout


def git_or_none(repo: Path, *args: str) -> str | None:
    """git's output, or None where git, the repository or the revision is missing."""
    try:
        return git(repo, *args)
    except VersionError:
        return None


def extract_revision(repo: Path, revision: str, data_rel: str, into: Path) -> Path:
    """The data folder as it was at `revision`, unpacked into `into` (an empty folder)."""
    if git_or_none(repo, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}") is None:
        raise VersionError(f'"{revision}" bukan folder data dan bukan revisi git yang dikenal')
    archive = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", revision, "--", data_rel],
                             capture_output=True)
    if archive.returncode != 0:
        raise VersionError(f"folder {data_rel} tidak ada pada revisi {revision}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into / data_rel
