"""The page map, with every file that is not a Markdown page kept on disk until it is written out.

MkDocs needs the Markdown pages in memory to render them; the other files (downloads, source and chart pages)
it only copies. Holding their bytes until the end of the build grows with the country: on 100 synthetic
kecamatan × 5 years they are 220 of the map's 290 MB. So each is written once to a private temporary folder and
read back only when asked for; `path_of` lets MkDocs or `write_pages` copy it without reading it.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import sys
import tempfile
import threading
import weakref
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import BinaryIO

from ..problems import DataError, Problem


def exit_on_sigterm() -> None:
    """Let SIGTERM (a cancelled CI job, `kill`) end the process like an exception, so that temporary folders are
    removed (finally blocks, weakref.finalize at exit) instead of left behind. Only where nobody else handles it."""
    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


class PathTaken(DataError):
    """A second writer of one output path: every file of the site has one source. A DataError (two data folders
    whose names meet in one address), so the command line and the MkDocs plugin show it like any other."""

    def __init__(self, uri: str) -> None:
        super().__init__([Problem(uri, None, None, "", "berkas situs ini akan ditulis dua kali, dari dua sumber "
                                  "berbeda; yang kedua tidak menimpa yang pertama. Biasanya dua folder data "
                                  "menghasilkan alamat yang sama: ganti nama salah satunya")])
        self.uri = uri


class PageStore(MutableMapping):
    """{uri: Markdown text, or the text or bytes of any other file}, the latter on disk.

    Each uri is written once: a second write raises PathTaken (to replace a file, delete it first), so two sources
    of one path (two folders whose names meet in one URL) are an error, never a silent overwrite."""

    def __init__(self) -> None:
        self._text: dict[str, str] = {}  # Markdown pages
        self._disk: dict[str, tuple[Path, bool]] = {}  # uri -> (file, whether it was given as text)
        self._folder: Path | None = None
        self._written = 0

    def _file(self) -> Path:
        """A new file name in the store's folder (made on first use, removed with the store)."""
        if self._folder is None:
            exit_on_sigterm()
            # The removal is registered before the folder exists: a SIGTERM the moment it appears (inside mkdtemp,
            # before a finalizer registered after it) would otherwise leave it behind.
            folder = Path(tempfile.gettempdir()) / f"kinerja-halaman-{secrets.token_hex(8)}"
            weakref.finalize(self, shutil.rmtree, folder, True)
            folder.mkdir(mode=0o700)
            self._folder = folder
        self._written += 1
        return self._folder / str(self._written)

    def _claim(self, uri: str) -> None:
        if uri in self:
            raise PathTaken(uri)

    def __setitem__(self, uri: str, content: str | bytes) -> None:
        self._claim(uri)
        if isinstance(content, str) and uri.endswith(".md"):
            self._text[uri] = content
            return
        path = self._file()
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        self._disk[uri] = (path, isinstance(content, str))

    def __getitem__(self, uri: str) -> str | bytes:
        if uri in self._text:
            return self._text[uri]
        path, was_text = self._disk[uri]
        data = path.read_bytes()
        return data.decode("utf-8") if was_text else data

    def __delitem__(self, uri: str) -> None:
        if uri not in self:
            raise KeyError(uri)
        self._forget(uri)

    def _forget(self, uri: str) -> None:
        self._text.pop(uri, None)
        gone = self._disk.pop(uri, None)
        if gone:
            gone[0].unlink(missing_ok=True)

    def __contains__(self, uri: object) -> bool:
        return uri in self._text or uri in self._disk

    def __iter__(self) -> Iterator[str]:
        yield from self._text
        yield from self._disk

    def __len__(self) -> int:
        return len(self._text) + len(self._disk)

    def open_for(self, uri: str) -> BinaryIO:
        """A new file at `uri` for the caller to write and close (a file too large to build in memory first)."""
        self._claim(uri)
        path = self._file()
        self._disk[uri] = (path, False)
        return path.open("wb")

    def size_of(self, uri: str) -> int:
        """The size in bytes of what is at `uri`, without reading a file kept on disk."""
        path = self.path_of(uri)
        return path.stat().st_size if path else len(self._text[uri].encode("utf-8"))

    def path_of(self, uri: str) -> Path | None:
        """Where a file kept on disk is (None for a Markdown page, held in memory)."""
        entry = self._disk.get(uri)
        return entry[0] if entry else None

    def absorb(self, other: "PageStore | dict") -> None:
        """Take in another map's entries; files on disk are linked (or copied), never read into memory."""
        if not isinstance(other, PageStore):
            self.update(other)
            return
        for uri in other:
            self._claim(uri)
        self._text.update(other._text)
        for uri, (source, was_text) in other._disk.items():
            path = self._file()
            try:
                os.link(source, path)
            except OSError:
                shutil.copyfile(source, path)
            self._disk[uri] = (path, was_text)
