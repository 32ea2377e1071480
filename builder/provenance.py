"""Where a figure comes from: the text of its data file and, from git, when each line last changed.

The site links every figure to the line of the YAML file that holds it (`sumber/...` pages, and the repository at
the commit that last changed the file). Without git, or in a shallow clone (whose blame would date every line to
the clone's one commit), the lines carry no dates and the pages say so; nothing fails.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .versions import git_or_none

UNCOMMITTED = "0" * 40


@dataclass(frozen=True)
class Change:
    commit: str
    date: dt.date


@dataclass(frozen=True)
class SourceText:
    path: str  # relative to the data folder, e.g. wilayah/bengkalis/rupat-utara/2023.yaml
    repo_path: str  # relative to the repository, e.g. data/wilayah/bengkalis/rupat-utara/2023.yaml
    text: str
    last: Change | None  # the last commit that changed the file; None when uncommitted or without git
    lines: dict[int, Change] = field(default_factory=dict)  # 1-based line -> its last change (committed lines)


def parse_blame(porcelain: str) -> dict[int, Change]:
    """`git blame --porcelain` -> {final line: (commit, committer date)}; uncommitted lines are left out."""
    out: dict[int, Change] = {}
    dates: dict[str, dt.date] = {}
    commit, line = "", 0
    for row in porcelain.splitlines():
        if row.startswith("\t"):
            if commit != UNCOMMITTED and commit in dates:
                out[line] = Change(commit, dates[commit])
            continue
        parts = row.split(" ")
        if len(parts) >= 3 and len(parts[0]) == 40 and all(ch in "0123456789abcdef" for ch in parts[0]):
            commit, line = parts[0], int(parts[2])
        elif parts[0] == "committer-time" and len(parts) == 2:
            dates[commit] = dt.datetime.fromtimestamp(int(parts[1]), dt.timezone.utc).date()
    return out


class Provenance:
    """Reads data files for the source pages; with `use_git`, dates their lines and names their last commit."""

    def __init__(self, data_dir: Path, use_git: bool = True):
        self.data_dir = data_dir.resolve()
        self.repo: Path | None = None
        self.prefix = ""  # the data folder's path in the repository
        self.reason = "Riwayat baris tidak dibuat untuk situs ini."
        if not use_git:
            return
        top = git_or_none(self.data_dir, "rev-parse", "--show-toplevel")
        if top is None:
            self.reason = "Folder data tidak berada di repositori git: tanggal perubahan baris tidak tersedia."
            return
        repo = Path(top.strip()).resolve()
        self.prefix = self.data_dir.relative_to(repo).as_posix() + "/"
        if (git_or_none(repo, "rev-parse", "--is-shallow-repository") or "").strip() == "true":
            self.reason = "Situs dibangun dari klon dangkal: tanggal perubahan baris tidak tersedia."
            return
        self.repo, self.reason = repo, ""

    def read(self, relative: str) -> SourceText:
        path = self.data_dir / relative
        text = path.read_text(encoding="utf-8-sig")
        repo_path = self.prefix + relative if self.prefix else "data/" + relative
        if self.repo is None:
            return SourceText(relative, repo_path, text, None)
        last = None
        log = git_or_none(self.repo, "log", "-1", "--format=%H %ct", "--", repo_path)
        if log and log.strip():
            commit, stamp = log.split()
            last = Change(commit, dt.datetime.fromtimestamp(int(stamp), dt.timezone.utc).date())
        blame = git_or_none(self.repo, "blame", "--porcelain", "--", repo_path) if last else None
        return SourceText(relative, repo_path, text, last, parse_blame(blame) if blame else {})
