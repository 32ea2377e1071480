"""The one internal form every report file is read into, whatever its format (text, DOCX, PDF).

A `Document` is its blocks in reading order: `Table`s (a grid of cell texts, as printed) and `Paragraph`s (every
other line of text). The table recognisers that come later only ever see this form. Cells are text exactly as
printed with whitespace normalised; no number is parsed here. A merged cell's text is repeated in every grid
position it spans, and every row of a table has the same number of cells.

The rules the three readers share live here too: what a caption ("Tabel 3.2 ...") is and which paragraphs before a
table are its caption, and when two pieces of table are one table continued after a page break.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from builder.problems import printable

MAX_COLUMNS = 200  # wider than any real report table; a wider one is a damaged or hostile file
MAX_PAGES = 1000
MAX_CELLS = 1_000_000  # table cells in one file; a whole report has a few thousand
CAPTION_WINDOW = 4  # a caption is at most this many non-empty paragraphs above its table (caption + title lines)
TITLE_LINE_MAX = 250  # a longer paragraph between a caption and a table is body text, not a title
FURNITURE_MAX = 100  # running headers and page numbers between the pieces of a continued table are short lines
MAX_HEADER_ROWS = 4  # at most this many header rows are repeated on the next page


@dataclass
class Row:
    cells: list[str]
    page: int | None = None  # 1-based PDF page; None for DOCX and text
    line: int | None = None  # 1-based line of a text file; None otherwise


@dataclass
class Table:
    number: str | None  # "3.2" from the caption "Tabel 3.2" / "TABEL 3.2."; None without a caption
    title: str  # the caption's text after the number; may be ""
    rows: list[Row]
    page: int | None = None  # of the first row
    line: int | None = None  # of the first row
    index: int = 0  # 0-based order among the document's tables

    @property
    def width(self) -> int:
        return len(self.rows[0].cells) if self.rows else 0


@dataclass
class Paragraph:
    text: str
    page: int | None = None
    line: int | None = None


Block = Table | Paragraph


@dataclass
class Document:
    path: str
    format: str  # "teks" | "docx" | "pdf"
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None  # PDF only

    def __post_init__(self) -> None:
        for index, table in enumerate(self.tables):
            table.index = index

    @property
    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [block for block in self.blocks if isinstance(block, Paragraph)]


class DocumentError(Exception):
    """A report file the importer cannot read. The message, in Bahasa Indonesia, names the file, says what is wrong
    and what the user can do about it."""

    def __init__(self, path: str | Path, problem: str, action: str = "") -> None:
        self.path, self.problem, self.action = str(path), problem, action
        message = f"{printable(Path(path).name)}: {problem}"
        super().__init__(f"{message} {action}" if action else message)

    def __reduce__(self):  # raised in a worker process (read_pdf), re-raised in the caller
        return type(self), (self.path, self.problem, self.action)


def thousands(n: int) -> str:
    """1000 -> "1.000", as Indonesian prints it."""
    return f"{n:,}".replace(",", ".")


def too_wide(path: str | Path, where: str, columns: int) -> DocumentError:
    return DocumentError(
        path, f"tabel {where} memiliki {thousands(columns)} kolom; batasnya {MAX_COLUMNS} kolom.",
        "Berkas seperti ini biasanya rusak atau salah konversi. Periksa tabel itu di berkas aslinya, atau ketik "
        "datanya mengikuti panduan.")


def too_many_cells(path: str | Path) -> DocumentError:
    return DocumentError(
        path, f"tabel-tabel berkas ini berisi lebih dari {thousands(MAX_CELLS)} sel; laporan biasa berisi beberapa "
              f"ribu.", "Berkas seperti ini biasanya rusak atau bukan laporan. Periksa berkasnya, atau minta berkas "
                        "DOCX/PDF aslinya dari penyusun laporan.")


# --- text -------------------------------------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")


def normalise_space(text: str) -> str:
    """Internal runs of whitespace (spaces, tabs, newlines, no-break spaces) become one space; ends stripped."""
    return _SPACE.sub(" ", text).strip()


def pad_rows(rows: list[Row], width: int | None = None) -> list[Row]:
    """Every row as wide as the widest (or `width`), short rows padded with ""."""
    width = max((len(row.cells) for row in rows), default=0) if width is None else width
    for row in rows:
        if len(row.cells) < width:
            row.cells.extend([""] * (width - len(row.cells)))
    return rows


# --- captions ---------------------------------------------------------------------------------------------------

_CAPTION = re.compile(r"^tabel\s+((?:\d+|[IVX]+)(?:\.\d+)*)\.?(?=$|[\s:\-\u2013\u2014])[\s:\-\u2013\u2014]*(.*)$",
                      re.IGNORECASE)


def parse_caption(text: str) -> tuple[str, str] | None:
    """("3.2", "Judul") from "Tabel 3.2. Judul" (text as printed, markup already removed); None when the text is
    not a caption."""
    match = _CAPTION.match(text)
    return (match.group(1), match.group(2)) if match else None


def caption_title(parts: Sequence[str]) -> str:
    return normalise_space(" ".join(parts)).rstrip(" .:")


def attach_captions(blocks: list[Block]) -> list[Block]:
    """Give each table without a number the caption found in the few paragraphs just above it; those paragraphs
    (the caption line and the title lines under it) are no longer paragraphs of their own."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Table) and block.number is None:
            found = _caption_above(out)
            if found:
                taken, block.number, block.title = found
                del out[len(out) - taken:]
        out.append(block)
    return out


def _caption_above(blocks: list[Block]) -> tuple[int, str, str] | None:
    """(how many trailing paragraphs form the caption, number, title), or None."""
    above: list[str] = []  # nearest first
    for block in reversed(blocks):
        if not isinstance(block, Paragraph) or len(above) == CAPTION_WINDOW:
            break
        above.append(block.text)
    for distance, text in enumerate(above, start=1):
        if len(text) > TITLE_LINE_MAX:
            return None
        caption = parse_caption(text)
        if caption:
            number, rest = caption
            return distance, number, caption_title([rest, *reversed(above[:distance - 1])])
    return None


# --- continued tables -------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+|%")


def _tokens(row: Row) -> set[str]:
    return {token for cell in row.cells for token in _TOKEN.findall(cell.lower())}


def similar_rows(a: Row, b: Row) -> bool:
    """Whether two rows are the same header printed twice: the words of one are all among the words of the other
    (a repeated header is often abridged or reworded slightly: "Nama Kegiatan" / "Nama Kegiatan Perincian")."""
    words_a, words_b = _tokens(a), _tokens(b)
    return bool(words_a) and bool(words_b) and (words_a <= words_b or words_b <= words_a)


def repeated_header(first: Sequence[Row], rows: Sequence[Row]) -> int:
    """How many leading `rows` repeat the leading rows of `first` (the header printed again on the next page)."""
    count = 0
    while count < min(MAX_HEADER_ROWS, len(first), len(rows)) and similar_rows(first[count], rows[count]):
        count += 1
    return count


def continue_table(table: Table, more: Table) -> None:
    """Append `more` (the same table continued) to `table`, without the header rows it repeats."""
    table.rows.extend(more.rows[repeated_header(table.rows, more.rows):])


def is_furniture(block: Block) -> bool:
    """A short line that can sit between the pieces of a table split by a page break (running header, page
    number), as opposed to a caption or body text."""
    return (isinstance(block, Paragraph) and len(block.text) <= FURNITURE_MAX
            and parse_caption(block.text) is None)
