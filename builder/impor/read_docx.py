"""Reading a report saved as DOCX (Word, LibreOffice, WPS).

The body is read in order, paragraphs and tables interleaved. A table's grid is rebuilt from the XML: a cell merged
across columns (w:gridSpan, or the legacy w:hMerge) or down rows (w:vMerge) has its text repeated in every grid
position it covers; a table nested in a cell is flattened into that cell's text. The archive is checked before
python-docx opens it, so a zip bomb is refused without being unpacked.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
from lxml import etree

from .document import (MAX_CELLS, MAX_COLUMNS, Block, Document, DocumentError, Paragraph, Row, Table,
                       attach_captions, normalise_space, pad_rows, thousands, too_many_cells, too_wide)

MAX_UNPACKED = 200 * 2**20  # all members together, unpacked
MAX_PART = 50 * 2**20  # any one member: a 100-page report's document.xml is a few MB
MAX_RATIO = 100  # unpacked / packed; Word's own XML packs about 5-15 times
MAX_MEMBERS = 10_000
RATIO_FLOOR = 2**20  # tiny archives may pack well; only their absolute size matters

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_WRAPPERS = (W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag")  # content controls and the like
_BREAKS = {W + "tab": " ", W + "br": " ", W + "cr": " ", W + "noBreakHyphen": "-"}


def read_docx(path: Path) -> Document:
    """The document in a .docx file."""
    check_archive(path)
    try:
        body = docx.Document(str(path)).element.body
    except Exception as error:  # python-docx raises many kinds (KeyError, ValueError, XMLSyntaxError ...)
        raise DocumentError(path, f"DOCX ini rusak atau bukan dokumen Word ({type(error).__name__}).",
                            "Buka di Word atau LibreOffice lalu simpan ulang sebagai DOCX, atau minta salinan "
                            "lain dari penyusun laporan.") from error
    blocks = list(_blocks(path, body, _Tally()))
    return Document(str(path), "docx", attach_captions(blocks))


def check_archive(path: Path) -> None:
    """Refuse a damaged archive or one that unpacks to far more than a report (a zip bomb), from its directory."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise DocumentError(path, "DOCX ini rusak (arsipnya tidak utuh, mungkin terpotong saat diunduh).",
                            "Unduh ulang berkasnya, atau buka di Word/LibreOffice lalu simpan ulang sebagai "
                            "DOCX.") from error
    unpacked = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members)
    largest = max((member.file_size for member in members), default=0)
    if (len(members) > MAX_MEMBERS or unpacked > MAX_UNPACKED or largest > MAX_PART
            or (unpacked > RATIO_FLOOR and unpacked > MAX_RATIO * max(packed, 1))):
        raise DocumentError(
            path, f"isi DOCX ini membengkak menjadi {thousands(unpacked // 2**20)} MB saat dibuka (dari "
                  f"{thousands(max(packed, 1) // 1024)} KB, {thousands(len(members))} bagian); batasnya "
                  f"{MAX_UNPACKED // 2**20} MB dan rasio 1:{MAX_RATIO}. Ini bukan dokumen laporan biasa, jadi "
                  f"importir menolaknya demi keamanan.",
            "Buka di Word/LibreOffice dan simpan ulang sebagai DOCX, atau kirim PDF aslinya.")


@dataclass
class _Tally:
    """Tables and grid cells read so far: a table's number for messages, and the bound on all cells."""

    tables: int = 0
    cells: int = 0


def _blocks(path: Path, container: etree._Element, tally: _Tally) -> Iterator[Block]:
    """Paragraphs and tables of the body in order (content controls and custom XML looked into)."""
    for child in container.iterchildren():
        if child.tag == W + "p":
            text = normalise_space(_text(child))
            if text:
                yield Paragraph(text)
        elif child.tag == W + "tbl":
            tally.tables += 1
            table = _table(path, child, tally)
            if table.width:
                yield table
        elif child.tag in _WRAPPERS:
            yield from _blocks(path, child, tally)


def _text(element: etree._Element) -> str:
    """The visible text under an element: runs, tabs and breaks; not deleted text, field codes, or the Fallback
    copy of a text box (its AlternateContent choice is already read)."""
    parts: list[str] = []
    stack = [element]
    while stack:
        node = stack.pop()
        if node.tag == _FALLBACK:
            continue
        if node.tag == W + "t":
            parts.append(node.text or "")
        elif node.tag in _BREAKS:
            parts.append(_BREAKS[node.tag])
        elif node.tag == W + "p" and node is not element:
            parts.append(" ")  # paragraphs of a cell, or of a table nested in it
        stack.extend(reversed(node))
    return "".join(parts)


def _table(path: Path, tbl: etree._Element, tally: _Tally) -> Table:
    """The grid of a w:tbl, merged cells repeated in every position they cover."""
    rows: list[Row] = []
    above: list[str] = []
    for tr in _children(tbl, W + "tr"):
        cells = [""] * _int(tr.find(f"{W}trPr/{W}gridBefore"), default=0)
        spanned = [(tc, max(1, _int(tc.find(f"{W}tcPr/{W}gridSpan"), default=1))) for tc in _children(tr, W + "tc")]
        width = len(cells) + sum(span for _, span in spanned)
        if width > MAX_COLUMNS:
            raise too_wide(path, f"ke-{tally.tables}", width)
        tally.cells += width
        if tally.cells > MAX_CELLS:
            raise too_many_cells(path)
        for tc, span in spanned:
            cells.extend([_cell_text(tc, cells, above)] * span)
        rows.append(Row(cells))
        above = cells
    return Table(None, "", pad_rows(rows))


def _cell_text(tc: etree._Element, left: list[str], above: list[str]) -> str:
    """A cell's text; a cell continuing a vertical merge repeats the text above it, a horizontal one (the legacy
    w:hMerge) the text on its left."""
    column = len(left)
    if _continues(tc.find(f"{W}tcPr/{W}vMerge")):
        return above[column] if column < len(above) else ""
    if _continues(tc.find(f"{W}tcPr/{W}hMerge")):
        return left[-1] if left else ""
    return normalise_space(_text(tc))


def _children(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with `tag`, also those wrapped in a content control (w:sdt/w:sdtContent) or custom XML."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _continues(merge: etree._Element | None) -> bool:
    """A w:vMerge/w:hMerge without val="restart" continues the cell before it."""
    return merge is not None and merge.get(W + "val", "continue") == "continue"


def _int(element: etree._Element | None, *, default: int) -> int:
    """A w:val count, clamped so a hostile value cannot allocate a huge row (the width check then refuses it)."""
    try:
        value = int(element.get(W + "val")) if element is not None else default
    except (TypeError, ValueError):
        return default
    return max(0, min(value, MAX_COLUMNS + 1))
