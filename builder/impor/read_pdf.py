"""Reading a report saved as PDF, with pdfplumber, one page at a time.

Tables are found from their ruling lines; on a page without a ruled table but with lines of text in aligned
columns, from the text's alignment instead. A table's grid comes from its cells' edges, so a cell spanning columns or rows
has its text repeated in every grid position it covers. Text outside the tables becomes one paragraph per printed
line. A table that ends at the bottom of a page and one that starts at the top of the next, with the same number
of columns and no caption of its own, are one table: the second piece is appended without the header it repeats.

A PDF without any text (a scan) is refused: the importer never guesses figures by OCR.
"""

from __future__ import annotations

import bisect
import multiprocessing
import os
import re
import threading
import time
import zlib
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfminer.layout import LTChar
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1
from pdfminer.psparser import LIT
from pdfplumber.page import Page
from pdfplumber.utils import extract_text
from pdfplumber.utils.exceptions import PdfminerException
from pdfplumber.utils.text import chars_to_textmap

from .document import (MAX_CELLS, MAX_COLUMNS, MAX_PAGES, Block, Document, DocumentError, Paragraph, Row, Table,
                       attach_captions, continue_table, is_furniture, normalise_space, thousands, too_many_cells,
                       too_wide)

MAX_WORKERS = 4
PAGES_PER_WORKER = 8  # fewer pages do not pay for a worker process
MAX_PAGE_OBJECTS = 200_000  # characters, lines, rects and curves on one page; a dense real page has ~10.000
MAX_PAGE_CONTENT = 5 * 2**20  # bytes of drawing instructions on one page, inflated; a dense real page has ~200 KB
MAX_SECONDS = 180  # for the whole file; real reports take a few seconds
EDGE_TOLERANCE = 1.0  # points: cell edges closer than this are one grid line
MARGIN = 0.07  # of the page height: where a running header or page number sits, and body text does not
TEXT_TABLE_GAP = 15.0  # points of blank between two words that make them two columns
TEXT_TABLE_MIN_LINES = 3
TEXT_SETTINGS = {"vertical_strategy": "text", "horizontal_strategy": "text", "snap_tolerance": 3}
# Two glyphs further apart than this share of the font size are two words (for PDFs that print no space glyph).
WORDS = {"x_tolerance_ratio": 0.15}

_WRAPPED_HYPHEN = re.compile(r"(?<=\w)-\n(?=\w)")

SCANNED = ("PDF ini hasil pindaian (tidak ada lapisan teks); importir tidak menebak angka dengan OCR.",
           "Minta berkas DOCX atau PDF asli dari penyusun laporan, atau ketik datanya mengikuti panduan.")


@dataclass
class _Placed:
    """A block with where it sits on its page, which decides whether two table pieces are one table."""

    block: Block
    page: int
    top: float
    bottom: float
    height: float  # of the page


def read_pdf(path: Path) -> Document:
    """The document in a .pdf file."""
    pages = _count_pages(path)
    deadline = time.monotonic() + MAX_SECONDS
    placed = _read_in_parallel(path, pages, deadline)
    if placed is None:
        placed = _read_range(path, 1, pages, deadline)
    if not placed:  # no page has any text
        raise DocumentError(path, *SCANNED)
    blocks = attach_captions([item.block for item in placed if not _margin_text(item)])
    kept = {id(block) for block in blocks}
    blocks = _join_across_pages([item for item in placed if id(item.block) in kept or _margin_text(item)])
    return Document(str(path), "pdf", blocks, pages=pages)


def _open(path: Path) -> pdfplumber.PDF:
    try:
        return pdfplumber.open(path)
    except PdfminerException as error:
        cause = error.args[0] if error.args else error
        if isinstance(cause, PDFEncryptionError):
            raise DocumentError(path, "PDF ini dikunci dengan kata sandi.",
                                "Minta berkas tanpa kata sandi dari penyusun laporan, atau buka dengan kata "
                                "sandinya lalu simpan/cetak ulang sebagai PDF tanpa kata sandi.") from error
        raise _damaged(path, cause) from error


def _damaged(path: Path, cause: object, page: int | None = None) -> DocumentError:
    where = f"halaman {thousands(page)} tidak terbaca" if page else "strukturnya tidak terbaca"
    return DocumentError(path, f"PDF ini rusak atau terpotong ({where}: {type(cause).__name__}).",
                         "Unduh ulang berkasnya dari sumbernya, atau minta salinan lain dari penyusun laporan.")


def _count_pages(path: Path) -> int:
    """The number of pages, from the page tree (no page content is parsed); refuses a PDF without pages."""
    pdf = _open(path)
    try:
        count = sum(1 for _ in _pages(path, pdf))
    finally:
        pdf.close()
    if count == 0:
        raise _damaged(path, "tanpa halaman")
    return count


def _read_in_parallel(path: Path, pages: int, deadline: float) -> list[_Placed] | None:
    """The pages read by a few worker processes, each a run of consecutive pages: pdfminer's parsing of the page
    content is most of the time and runs at ~10 pages a second per core. None when not worth it or not safe, and
    the caller reads the pages itself. Workers are forked (never spawned: spawning re-runs the caller's main
    module), and only from a single-threaded process (forking one with threads can deadlock)."""
    workers = min(MAX_WORKERS, _cpus(), pages // PAGES_PER_WORKER)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return None
    bounds = [round(pages * part / workers) for part in range(workers + 1)]
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            pieces = pool.map(_read_range, [path] * workers, [b + 1 for b in bounds[:-1]], bounds[1:],
                              [deadline] * workers)
            return [item for piece in pieces for item in piece]
    except (OSError, AssertionError, BrokenProcessPool):  # AssertionError: a daemon process may not have children
        return None


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _read_range(path: Path, first: int, last: int, deadline: float) -> list[_Placed]:
    """The blocks of pages first..last in reading order; each page's parsed objects are dropped once it is read."""
    placed: list[_Placed] = []
    cells = 0
    pdf = _open(path)
    try:
        for page in _pages(path, pdf):
            if page.page_number > last:
                break
            if time.monotonic() > deadline:
                raise DocumentError(path, f"membaca PDF ini makan waktu lebih dari {MAX_SECONDS} detik (sampai "
                                          f"halaman {thousands(page.page_number)}); laporan biasa hanya beberapa "
                                          f"detik.", "Periksa berkasnya, atau minta berkas DOCX dari penyusunnya.")
            if page.page_number < first:
                continue
            blocks = _read_page_safely(path, page)
            cells += sum(len(item.block.rows) * item.block.width for item in blocks if isinstance(item.block, Table))
            if cells > MAX_CELLS:
                raise too_many_cells(path)
            placed.extend(blocks)
    finally:
        pdf.close()
    return placed


def _read_page_safely(path: Path, page: Page) -> list[_Placed]:
    try:
        return _read_page(path, page)
    except DocumentError:
        raise
    except Exception as error:  # pdfminer raises many kinds on a damaged content stream
        raise _damaged(path, error, page.page_number) from error
    finally:
        page.close()


def _pages(path: Path, pdf: pdfplumber.PDF) -> Iterator[Page]:
    """The pages, created one at a time (pdfplumber's `pdf.pages` would make them all first), at most MAX_PAGES."""
    pages = PDFPage.create_pages(pdf.doc)
    number = 0
    while True:
        try:
            page = next(pages)
        except StopIteration:
            return
        except Exception as error:
            raise _damaged(path, error, number + 1) from error
        number += 1
        if number > MAX_PAGES:
            raise DocumentError(path, f"PDF ini lebih dari {thousands(MAX_PAGES)} halaman.",
                                "Pisahkan laporan kinerjanya (Bab I-IV dan lampiran tabel) ke berkas tersendiri.")
        yield _LeanPage(pdf, page, page_number=number)


class _LeanPage(Page):
    """A pdfplumber page keeping of each character only what reading needs. pdfplumber's own conversion resolves
    every graphics-state attribute of every character: a third of the reading time."""

    def process_object(self, obj):
        if not isinstance(obj, LTChar):
            return super().process_object(obj)
        x_shift, y_shift = self.mediabox[0], self.mediabox[1]
        top = self.height - obj.y1 + y_shift
        return {"object_type": "char", "page_number": self.page_number, "text": obj.get_text(),
                "fontname": obj.fontname, "size": obj.size, "adv": obj.adv, "upright": obj.upright,
                "matrix": obj.matrix, "x0": obj.x0 + x_shift, "x1": obj.x1 + x_shift, "y0": obj.y0, "y1": obj.y1,
                "top": top, "bottom": top + obj.height, "doctop": self.initial_doctop + top,
                "width": obj.width, "height": obj.height}


def _read_page(path: Path, page: Page) -> list[_Placed]:
    _check_content(path, page)
    objects = page.objects
    if sum(len(items) for items in objects.values()) > MAX_PAGE_OBJECTS:
        raise DocumentError(path, f"halaman {thousands(page.page_number)} berisi terlalu banyak objek gambar dan "
                                  f"huruf untuk sebuah laporan.",
                            "Periksa berkasnya, atau minta berkas DOCX dari penyusun laporan.")
    chars = page.chars
    if not any(char["text"].strip() for char in chars):
        return []
    ruled = [table for table in page.find_tables() if len(table.cells) >= 2]
    tables = ruled or _text_aligned_tables(page, chars)
    boxes = [table.bbox for table in tables]
    placed = [_placed_table(path, page, table, chars, ruled=bool(ruled)) for table in tables]
    outside = [char for char in chars if not any(_inside(char, box) for box in boxes)]
    placed.extend(_lines(page, outside))
    return sorted(placed, key=lambda item: item.top)


def _check_content(path: Path, page: Page) -> None:
    """Refuse a page whose drawing instructions inflate past MAX_PAGE_CONTENT (a decompression bomb), measured
    before pdfminer inflates them whole in memory: the page's content streams and the forms it draws."""
    total = 0
    for stream in _content_streams(page.page_obj):
        total += _inflated_size(stream, MAX_PAGE_CONTENT + 1 - total)
        if total > MAX_PAGE_CONTENT:
            raise DocumentError(path, f"isi halaman {thousands(page.page_number)} membengkak lebih dari "
                                      f"{MAX_PAGE_CONTENT // 2**20} MB saat dibuka; ini bukan halaman laporan biasa.",
                                "Periksa berkasnya, atau minta berkas DOCX dari penyusun laporan.")


def _content_streams(page_obj: PDFPage) -> Iterator[object]:
    yield from (resolve1(content) for content in page_obj.contents)
    xobjects = resolve1(page_obj.resources.get("XObject")) if isinstance(page_obj.resources, dict) else None
    if isinstance(xobjects, dict):
        for reference in xobjects.values():
            xobject = resolve1(reference)
            if isinstance(xobject, PDFStream) and xobject.get("Subtype") is LIT("Form"):
                yield xobject


def _inflated_size(stream: object, limit: int) -> int:
    """Bytes a stream inflates to, counting no further than `limit` (only Flate, the usual compression, inflates
    far; other and encrypted streams count as stored)."""
    if not isinstance(stream, PDFStream):
        return 0
    if stream.data is not None or stream.rawdata is None:
        return len(stream.data or b"")
    filters = stream.get_filters()
    if stream.decipher or not filters or any(name not in LITERALS_FLATE_DECODE for name, _ in filters):
        return len(stream.rawdata)
    inflater = zlib.decompressobj()
    try:
        inflated = inflater.decompress(stream.rawdata, max(limit, 1))
    except zlib.error:
        return len(stream.rawdata)  # pdfminer reports the damage
    return len(inflated) + (limit if inflater.unconsumed_tail else 0)


def _inside(char: dict, box: tuple[float, float, float, float]) -> bool:
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return box[0] <= x < box[2] and box[1] <= y < box[3]


def _lines(page: Page, chars: list[dict]) -> list[_Placed]:
    if not chars:
        return []
    lines = chars_to_textmap(chars, **WORDS).extract_text_lines(strip=True, return_chars=False)
    return [_Placed(Paragraph(text, page=page.page_number), page.page_number, line["top"], line["bottom"],
                    float(page.height))
            for line in lines if (text := normalise_space(line["text"]))]


# --- tables -------------------------------------------------------------------------------------------------------

def _placed_table(path: Path, page: Page, table, chars: list[dict], ruled: bool) -> _Placed:
    """The table's grid: every grid position holds the text of the cell covering it ("" where none does). A table
    found from text alignment has no empty rows (its grid also has a row in every gap between two lines)."""
    xs = _edges([x for cell in table.cells for x in (cell[0], cell[2])])
    ys = _edges([y for cell in table.cells for y in (cell[1], cell[3])])
    if len(xs) - 1 > MAX_COLUMNS:
        raise too_wide(path, f"di halaman {thousands(page.page_number)}", len(xs) - 1)
    if (len(xs) - 1) * (len(ys) - 1) > MAX_CELLS:
        raise too_many_cells(path)
    owner: list[list[int | None]] = [[None] * (len(xs) - 1) for _ in range(len(ys) - 1)]
    for index, (x0, top, x1, bottom) in enumerate(table.cells):
        for row in range(_at(ys, top), _at(ys, bottom)):
            for column in range(_at(xs, x0), _at(xs, x1)):
                owner[row][column] = index
    texts = _cell_texts(table, chars, xs, ys, owner)
    rows = [Row([texts.get(index, "") if index is not None else "" for index in line], page=page.page_number)
            for line in owner]
    if not ruled:
        rows = [row for row in rows if any(row.cells)]
    _, top, _, bottom = table.bbox
    return _Placed(Table(None, "", rows, page=page.page_number), page.page_number, top, bottom,
                   float(page.height))


def _edges(values: list[float]) -> list[float]:
    """Sorted distinct edge positions, positions within EDGE_TOLERANCE of the previous one being the same edge."""
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > EDGE_TOLERANCE:
            edges.append(value)
    return edges


def _at(edges: list[float], value: float) -> int:
    """Index of the edge nearest to `value`."""
    index = bisect.bisect_left(edges, value)
    if index == len(edges) or (index > 0 and value - edges[index - 1] < edges[index] - value):
        index -= 1
    return index


def _cell_texts(table, chars: list[dict], xs: list[float], ys: list[float],
                owner: list[list[int | None]]) -> dict[int, str]:
    """Each cell's text, every character given to the cell its centre falls in (one pass over the characters)."""
    box = table.bbox
    by_cell: dict[int, list[dict]] = {}
    for char in chars:
        if not _inside(char, box):
            continue
        x = (char["x0"] + char["x1"]) / 2
        y = (char["top"] + char["bottom"]) / 2
        row = min(max(bisect.bisect_right(ys, y) - 1, 0), len(owner) - 1)
        column = min(max(bisect.bisect_right(xs, x) - 1, 0), len(owner[0]) - 1)
        index = owner[row][column]
        if index is not None:
            by_cell.setdefault(index, []).append(char)
    return {index: _cell_text(cell_chars) for index, cell_chars in by_cell.items()}


def _cell_text(chars: list[dict]) -> str:
    """The lines of a cell joined by a space, except after a hyphen a line broke at ("Komputer-|Jaringan")."""
    return normalise_space(_WRAPPED_HYPHEN.sub("-", extract_text(chars, **WORDS)))


def _text_aligned_tables(page: Page, chars: list[dict]) -> list:
    """Tables of a page without ruled tables, in columns aligned by tabs or spaces (perhaps with horizontal rules
    only): found by pdfplumber's text strategy, but only on runs of lines where words stand far apart, so that
    body text is never a table."""
    lines = chars_to_textmap(chars, **WORDS).extract_text_lines(strip=True, return_chars=True)
    tables = []
    for run in _gapped_runs(lines):
        box = (min(line["x0"] for line in run) - 1, run[0]["top"] - 1,
               max(line["x1"] for line in run) + 1, run[-1]["bottom"] + 1)
        tables.extend(table for table in page.crop(box).find_tables(TEXT_SETTINGS) if len(table.cells) >= 2)
    return tables


def _gapped_runs(lines: list[dict]) -> list[list[dict]]:
    """Runs of at least TEXT_TABLE_MIN_LINES consecutive lines that each have a wide blank between two words."""
    runs: list[list[dict]] = [[]]
    for line in lines:
        if _has_gap(line["chars"]):
            runs[-1].append(line)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if len(run) >= TEXT_TABLE_MIN_LINES]


def _has_gap(chars: list[dict]) -> bool:
    ordered = sorted((char for char in chars if char["text"].strip()), key=lambda char: char["x0"])
    return any(right["x0"] - left["x1"] >= TEXT_TABLE_GAP for left, right in zip(ordered, ordered[1:]))


# --- tables continued on the next page ----------------------------------------------------------------------------

def _join_across_pages(placed: list[_Placed]) -> list[Block]:
    out: list[Block] = []
    last: _Placed | None = None
    between: list[_Placed] = []
    for item in placed:
        if isinstance(item.block, Table):
            if last is not None and _continues(last, between, item):
                continue_table(last.block, item.block)
                last.page, last.bottom, between = item.page, item.bottom, []
                continue
            last, between = _Placed(item.block, item.page, item.top, item.bottom, item.height), []
        elif last is not None:
            between.append(item)
        out.append(item.block)
    return out


def _continues(last: _Placed, between: list[_Placed], item: _Placed) -> bool:
    """Whether `item` is the table `last` continued: at the top of the next page, same width, no caption, and
    nothing between them but running headers and page numbers in the page margins."""
    table, more = last.block, item.block
    if more.number is not None or more.width != table.width or table.width < 2 or item.page != last.page + 1:
        return False
    return all(_margin_text(other) for other in between)


def _margin_text(item: _Placed) -> bool:
    """A running header or page number: a short line in the top or bottom margin. It stays a paragraph, but is
    never a caption and never separates the pieces of a table."""
    return is_furniture(item.block) and (item.bottom <= item.height * MARGIN
                                         or item.top >= item.height * (1 - MARGIN))
