"""Versions of the data: git revisions read without touching the work tree.

A revision's data folder is listed with `git ls-tree` and its files are read one by one with `git cat-file
--batch`, each streamed to a file in a temporary folder, so the diff and the history page can load any past
version like the present one. Past commits are nobody's reviewed input (a pull request carries its own history),
so the reading is bounded and literal:

- only regular files the data layout can use: YAML files and the Kemendagri list (other files are skipped);
- a symbolic link or a submodule in the data folder makes the version unreadable, as `validate` refuses one today;
- no `.gitattributes` is applied (`git archive` would honour `export-ignore` and hide files, and filters);
- every data file at most MAX_BYTES (a file of the Kemendagri list MAX_LIST_BYTES), and the version at most `total_limit` bytes and `MAX_FILES` files in
  all: a blob referenced many times costs git almost nothing and would otherwise cost its size each time.

Whatever goes wrong is a VersionError whose message says the data of that version cannot be read, and why.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

UNREADABLE = "data pada versi ini tidak dapat dibaca"

MIN_TOTAL = 50_000_000  # bytes one version may hold at least (today's data: 3.5 MB, 3 MB of it Kemendagri's list)
GROWTH = 4  # a past version may be this many times today's data folder (whichever is larger)
MAX_FILES = 200_000  # files of one version: about 30,000 kecamatan with five years each
MAX_BYTES = 2_000_000  # one data file: load.MAX_BYTES (this module sits below load; a test holds the two equal)
MAX_LIST_BYTES = 30_000_000  # one file of the Kemendagri list (villages.csv: 2.8 MB)
KEMENDAGRI = "referensi/kemendagri/"  # its CSV files (load.REGION_FILES)


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


def total_limit(data_dir: Path) -> int:
    """How many bytes one past version of the data may hold: GROWTH times today's data folder, at least MIN_TOTAL."""
    size = 0
    for folder, _dirs, files in os.walk(data_dir):
        for name in files:
            try:
                size += os.lstat(os.path.join(folder, name)).st_size
            except OSError:
                pass
    return max(MIN_TOTAL, GROWTH * size)


@dataclass(frozen=True)
class _Member:
    path: str  # relative to the data folder
    object: str
    size: int


def extract_revision(repo: Path, revision: str, data_rel: str, into: Path, limit: int = MIN_TOTAL) -> Path:
    """The data folder as it was at `revision`, written into `into` (an empty folder); at most `limit` bytes."""
    commit = (git_or_none(repo, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
              or "").strip()
    if not commit:
        raise VersionError(f'"{revision}" bukan folder data dan bukan revisi git yang dikenal')
    members = _members(repo, commit, data_rel, revision, limit)
    folder = into / data_rel
    folder.mkdir(parents=True, exist_ok=True)
    _write_blobs(repo, members, folder, revision)
    return folder


def _unreadable(revision: str, why: str) -> VersionError:
    return VersionError(f"{UNREADABLE} ({revision}): {why}")


def _members(repo: Path, commit: str, data_rel: str, revision: str, limit: int) -> list[_Member]:
    """The files of the data folder at `commit` that the data layout can use, checked against the limits."""
    if (git_or_none(repo, "cat-file", "-t", f"{commit}:{data_rel}") or "").strip() != "tree":
        raise VersionError(f"folder {data_rel} tidak ada pada revisi {revision}")
    members: list[_Member] = []
    total = seen = 0
    with subprocess.Popen(["git", "-C", str(repo), "ls-tree", "-r", "-l", "-z", f"{commit}:{data_rel}"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as listing:
        try:
            for record in _records(listing.stdout):
                seen += 1
                if seen > MAX_FILES:
                    raise _unreadable(revision, f"lebih dari {MAX_FILES:,} berkas di folder data".replace(",", "."))
                member = _member(record, revision)
                if member is None:
                    continue
                total += member.size
                if total > limit:
                    raise _unreadable(revision, f"isi folder data lebih dari {limit:,} byte".replace(",", "."))
                members.append(member)
        finally:
            listing.kill()
    return members


def _records(stream: BinaryIO) -> Iterator[bytes]:
    """The NUL-terminated records of `git ls-tree -z`, read a block at a time."""
    pending = b""
    while block := stream.read(1 << 16):
        *done, pending = (pending + block).split(b"\0")
        yield from done
    if pending:
        yield pending


def _member(record: bytes, revision: str) -> _Member | None:
    """One ls-tree record as a file to read, None for a file the layout has no use for; refuses what a data folder
    may not hold (symbolic links, submodules, names that leave the folder)."""
    head, _, raw_path = record.partition(b"\t")
    path = raw_path.decode("utf-8", "replace")
    fields = head.split()
    if len(fields) != 4:
        raise _unreadable(revision, f"daftar berkas git tidak terbaca di {path!r}")
    mode, kind, object_id, size = (f.decode("ascii", "replace") for f in fields)
    if mode == "120000":
        raise _unreadable(revision, f"{path} adalah tautan simbolik (symlink), yang tidak diizinkan di folder data")
    if kind != "blob" or mode not in ("100644", "100755"):
        raise _unreadable(revision, f"{path} bukan berkas biasa (jenis git {kind}, mode {mode})")
    parts = path.split("/")
    if any(part in ("", ".", "..") for part in parts) or "\ufffd" in path:
        raise _unreadable(revision, f"nama berkas tidak sah: {path!r}")
    listed = path.startswith(KEMENDAGRI) and path.count("/") == 2 and path.endswith(".csv")
    if not (path.lower().endswith((".yaml", ".yml")) or listed):
        return None
    if not size.isdigit() or not all(c in "0123456789abcdef" for c in object_id):
        raise _unreadable(revision, f"daftar berkas git tidak terbaca di {path}")
    most = MAX_LIST_BYTES if listed else MAX_BYTES
    if int(size) > most:
        raise _unreadable(revision, f"{path} terlalu besar ({int(size):,} byte; paling besar {most:,})"
                          .replace(",", "."))
    return _Member(path, object_id, int(size))


def _write_blobs(repo: Path, members: list[_Member], folder: Path, revision: str) -> None:
    """Each member's content (as stored: no attributes, no filters) streamed from one `git cat-file --batch`."""
    with subprocess.Popen(["git", "-C", str(repo), "cat-file", "--batch"], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as batch:
        try:
            for member in members:
                batch.stdin.write(member.object.encode("ascii") + b"\n")
                batch.stdin.flush()
                header = batch.stdout.readline(200).split()
                if len(header) != 3 or header[1] != b"blob" or header[2] != str(member.size).encode():
                    raise _unreadable(revision, f"{member.path} tidak dapat dibaca dari git")
                target = folder / member.path
                target.parent.mkdir(parents=True, exist_ok=True)
                with target.open("xb") as out:
                    left = member.size
                    while left:
                        chunk = batch.stdout.read(min(left, 1 << 20))
                        if not chunk:
                            raise _unreadable(revision, f"{member.path} terpotong saat dibaca dari git")
                        out.write(chunk)
                        left -= len(chunk)
                batch.stdout.read(1)  # the newline after each object
        except OSError as error:  # a full disk, or git gone
            raise _unreadable(revision, f"berkas tidak dapat ditulis ({type(error).__name__})") from None
        finally:
            batch.kill()
