"""Reading a report file, whatever its format, into the one internal form (`document.Document`).

The format is decided by the file's content (a PDF starts with `%PDF`, a DOCX is a zip holding
`word/document.xml`), and only then by its extension: a report downloaded from a portal is often misnamed.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from .document import Document, DocumentError, thousands
from .read_docx import read_docx
from .read_pdf import read_pdf
from .read_text import read_text

MAX_FILE_BYTES = 300 * 2**20  # a scanned 200-page report is about 100 MB; text reports are far smaller
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary Word .doc (and .xls, .ppt)
_ZIP = b"PK\x03\x04"

Reader = Callable[[Path], Document]
READERS: dict[str, Reader] = {"pdf": read_pdf, "docx": read_docx, "teks": read_text}


def read_document(path: Path) -> Document:
    """The document in a PDF, DOCX or text/Markdown file. Raises DocumentError (a message in Bahasa Indonesia)
    when the file cannot be read: missing, empty, of another format, damaged, locked, scanned, or too large."""
    path = Path(path)
    _check_file(path)
    return READERS[_format(path)](path)


def _check_file(path: Path) -> None:
    if not path.exists():
        raise DocumentError(path, "berkas tidak ditemukan.", "Periksa nama dan folder berkasnya.")
    if not path.is_file():
        raise DocumentError(path, "ini bukan berkas (mungkin sebuah folder).",
                            "Sebutkan berkas laporannya sendiri: PDF, DOCX, atau teks (.txt/.md).")
    size = path.stat().st_size
    if size == 0:
        raise DocumentError(path, "berkas ini kosong (0 bita).",
                            "Unduh atau salin ulang berkas laporannya; mungkin unduhannya gagal.")
    if size > MAX_FILE_BYTES:
        raise DocumentError(path, f"berkas ini {thousands(size // 2**20)} MB; batasnya "
                                  f"{thousands(MAX_FILE_BYTES // 2**20)} MB.",
                            "Pisahkan bagian laporan kinerjanya ke berkas tersendiri, atau kirim versi DOCX-nya.")


def _format(path: Path) -> str:
    """"pdf", "docx" or "teks", from the content first and then from the extension."""
    with path.open("rb") as file:
        head = file.read(1024)
    suffix = path.suffix.lower()
    if b"%PDF-" in head:
        return "pdf"
    if head.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        raise DocumentError(path, "isi berkas ini halaman web (HTML), bukan laporan.",
                            "Unduhannya mungkin gagal atau meminta login: unduh ulang berkas PDF/DOCX-nya.")
    if head.startswith(_OLE):
        raise DocumentError(path, "ini berkas Word lama (.doc) atau berkas Office lama lainnya, yang tidak dapat "
                                  "dibaca importir.",
                            "Buka di Word atau LibreOffice lalu simpan sebagai DOCX (atau PDF).")
    if head.startswith(_ZIP):
        if _is_docx(path) or suffix == ".docx":
            return "docx"  # a damaged one is reported by read_docx
        raise _unknown(path, "ini arsip ZIP (mungkin XLSX, ODT, atau kumpulan berkas), bukan dokumen DOCX.")
    if suffix == ".pdf":
        return "pdf"  # not starting with %PDF: read_pdf reports it damaged
    if suffix == ".docx":
        return "docx"
    if suffix in TEXT_SUFFIXES:
        return "teks"
    raise _unknown(path, "format berkas ini tidak dikenali.")


def _is_docx(path: Path) -> bool:
    """A zip whose directory names the main part of a Word document. A damaged zip answers True, so that the
    DOCX reader reports the damage."""
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return True


def _unknown(path: Path, problem: str) -> DocumentError:
    return DocumentError(path, problem, "Importir membaca laporan dalam bentuk PDF, DOCX, atau teks (.txt/.md) "
                                        "hasil konversi; simpan laporannya dalam salah satu bentuk itu.")
