"""The public "Riwayat perubahan data": which figures changed, when, in which commit.

Walks the git commits that touched the data folder (newest first) and diffs each
against its parent with the same comparison as `python -m builder diff`. Each
version of the data is loaded once (keyed by its git tree). Without git history
(not a repository, or a shallow clone as CI checkouts often are) the page says so.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .analysis import SiteModel
from .diff import DiffError, DiffResult, diff_models, extract_revision, git
from .pipeline import build_model
from .problems import DataError

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


def _git(repo: Path, *args: str) -> str | None:
    """git's output, or None where git or the repository is missing."""
    try:
        return git(repo, *args)
    except (DiffError, OSError):
        return None


def data_history(data_dir: Path, limit: int = COMMITS_SHOWN) -> History:
    top = _git(data_dir, "rev-parse", "--show-toplevel")
    if top is None:
        return History(False, "Folder data tidak berada di repositori git, sehingga riwayatnya tidak tersedia.")
    repo = Path(top.strip())
    if (_git(repo, "rev-parse", "--is-shallow-repository") or "").strip() == "true":
        return History(False, "Situs ini dibangun dari salinan repositori tanpa riwayat lengkap (klon dangkal), "
                              "sehingga riwayat perubahan tidak tersedia.")
    data_rel = data_dir.resolve().relative_to(repo.resolve()).as_posix()
    log = _git(repo, "log", f"-n{limit + 1}", "--format=%H%x1f%cI%x1f%s", "--", data_rel)
    if not log:
        return History(False, "Belum ada commit yang mengubah data.")
    commits = [line.split("\x1f", 2) for line in log.strip().splitlines()]
    entries = [Entry(h, dt.datetime.fromisoformat(d), s) for h, d, s in commits]
    with tempfile.TemporaryDirectory(prefix="kecamatan-riwayat-") as tmp:
        loaded: dict[str, SiteModel | str] = {}

        def version(revision: str) -> SiteModel | str:
            tree = (_git(repo, "rev-parse", f"{revision}:{data_rel}") or "").strip()
            if not tree:
                return "folder data belum ada"
            if tree not in loaded:
                try:
                    target = Path(tmp) / tree
                    target.mkdir()
                    loaded[tree] = build_model(extract_revision(repo, revision, data_rel, target))
                except (DataError, DiffError):
                    loaded[tree] = "data pada versi ini tidak sah"
            return loaded[tree]

        for entry in entries[:limit]:
            new = version(entry.commit)
            has_parent = _git(repo, "rev-parse", "--verify", "--quiet", f"{entry.commit}^") is not None
            old = version(f"{entry.commit}^") if has_parent else "folder data belum ada"
            if isinstance(new, str):
                entry.problem = new.capitalize() + "."
            elif isinstance(old, str):
                entry.result = DiffResult(added_kecamatan=sorted(k.name for k in new.kecamatan))
            else:
                entry.result = diff_models(old, new)
    return History(True, entries=entries[:limit])
