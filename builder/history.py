"""The public "Riwayat perubahan data": which figures changed, when, in which commit.

Walks the git commits that touched the data folder (newest first) and diffs
each against its parent with the same comparison as `python -m builder diff`.
The figures of each version of the data are computed once per git tree and
kept in a `HistoryCache`, which a long-running caller (the MkDocs plugin
under `mkdocs serve`) reuses across rebuilds. Without git history (not a
repository, or a shallow clone as CI checkouts often are) the page says so.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .diff import DiffResult, diff_figures, read_revision
from .problems import DataError
from .versions import UNREADABLE, VersionError, git_or_none, total_limit

COMMITS_SHOWN = 20


@dataclass
class Entry:
    commit: str
    date: dt.datetime
    subject: str
    result: DiffResult | None = None
    problem: str = ""  # why there is no result (data not valid at this commit)


@dataclass
class History:
    available: bool
    reason: str = ""
    entries: list[Entry] = field(default_factory=list)


@dataclass
class HistoryCache:
    """Figures per git tree of the data folder, and diff results per commit: both never change."""

    figures: dict[str, object] = field(default_factory=dict)  # tree -> figures, or why there are none
    entries: dict[str, Entry] = field(default_factory=dict)  # commit -> its entry


def head_commit(data_dir: Path) -> str:
    """The commit the work tree is at ("" outside git): part of what a rebuild depends on."""
    return (git_or_none(data_dir, "rev-parse", "HEAD") or "").strip()


def head_commit_time(data_dir: Path) -> str:
    """When the commit the work tree is at was made, in seconds since 1970 ("" outside git): the date of a build
    (SOURCE_DATE_EPOCH), so that two builds of one commit give the same files whatever day they run."""
    return (git_or_none(data_dir, "log", "-1", "--format=%ct", "HEAD") or "").strip()


def data_history(data_dir: Path, limit: int = COMMITS_SHOWN, cache: HistoryCache | None = None) -> History:
    cache = cache if cache is not None else HistoryCache()
    top = git_or_none(data_dir, "rev-parse", "--show-toplevel")
    if top is None:
        return History(False, "Folder data tidak berada di repositori git, sehingga riwayatnya tidak tersedia.")
    repo = Path(top.strip())
    if (git_or_none(repo, "rev-parse", "--is-shallow-repository") or "").strip() == "true":
        return History(False, "Situs ini dibangun dari salinan repositori tanpa riwayat lengkap (klon dangkal), "
                              "sehingga riwayat perubahan tidak tersedia.")
    data_rel = data_dir.resolve().relative_to(repo.resolve()).as_posix()
    log = git_or_none(repo, "log", f"-n{limit}", "--format=%H%x1f%cI%x1f%s", "--", data_rel)
    if not log:
        return History(False, "Belum ada commit yang mengubah data.")
    commits = [line.split("\x1f", 2) for line in log.strip().splitlines()]
    most = total_limit(data_dir)  # bytes of one version
    with tempfile.TemporaryDirectory(prefix="kecamatan-riwayat-") as tmp:

        def version(revision: str):
            tree = (git_or_none(repo, "rev-parse", f"{revision}:{data_rel}") or "").strip()
            if not tree:
                return "folder data belum ada"
            if tree not in cache.figures:
                try:
                    cache.figures[tree] = read_revision(repo, revision, data_rel, Path(tmp) / tree, most)
                except DataError:
                    cache.figures[tree] = "data pada versi ini tidak sah"
                except VersionError:
                    cache.figures[tree] = UNREADABLE
            return cache.figures[tree]

        entries = []
        for commit, date, subject in commits:
            if commit not in cache.entries:
                entry = Entry(commit, dt.datetime.fromisoformat(date), subject)
                new = version(commit)
                has_parent = git_or_none(repo, "rev-parse", "--verify", "--quiet", f"{commit}^") is not None
                old = version(f"{commit}^") if has_parent else "folder data belum ada"
                if isinstance(new, str):
                    entry.problem = new.capitalize() + "."
                elif isinstance(old, str):
                    entry.result = DiffResult(added_kecamatan=sorted(new[1].values()))
                else:
                    entry.result = diff_figures(old, new)
                cache.entries[commit] = entry
            entries.append(cache.entries[commit])
    return History(True, entries=entries)
