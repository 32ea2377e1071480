"""Test documents made from a seed text: a DOCX with real Word tables, and a PDF converted from that DOCX.

The PDF is made by Debian's LibreOffice (`soffice`), which the test setup installs with
`apt-get install -y -q libreoffice-writer-nogui`. Tests that need it are skipped when it is missing, except in CI,
where they must run.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from builder.impor.document import Paragraph, Table
from builder.impor.read_text import read_text

MERGED_COLUMNS = 2  # an empty cell under a filled one in these columns is merged into it (vMerge)
COLUMN_WIDTH = 3.2  # cm of page width per column of the widest table, so that no word is broken inside a cell


def make_docx(text_path: Path, out_path: Path) -> Path:
    """A DOCX (A4 landscape or wider, a running header, page numbers) with the text's paragraphs, and each of its
    tables (as read_text reads them) as a Word table with borders under a caption paragraph "Tabel N.N Title"."""
    source = read_text(Path(text_path))
    document = docx.Document()
    _page_setup(document, max((table.width for table in source.tables), default=0))
    _running_header_and_page_number(document, "Laporan Kinerja Instansi Pemerintah")
    for block in source.blocks:
        if isinstance(block, Paragraph):
            document.add_paragraph(block.text)
        else:
            if block.number is not None:
                document.add_paragraph(f"Tabel {block.number} {block.title}".strip())
            _add_table(document, block)
            document.add_paragraph("")  # Word keeps a paragraph between two tables
    document.save(str(out_path))
    return Path(out_path)


def make_pdf(docx_path: Path, out_dir: Path) -> Path:
    """The PDF LibreOffice makes from `docx_path`, in `out_dir` (with a fresh, throw-away LibreOffice profile)."""
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-", dir="/tmp"))
    try:
        subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out_dir), str(docx_path)],
                       check=True, capture_output=True, timeout=600)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = Path(out_dir) / (Path(docx_path).stem + ".pdf")
    if not pdf.is_file():
        raise RuntimeError(f"soffice made no PDF from {docx_path}")
    return pdf


def _page_setup(document: docx.document.Document, columns: int) -> None:
    """A4 landscape (wider for a very wide table: the seeds' widest has 23 columns), narrow margins, small font."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(max(29.7, COLUMN_WIDTH * columns)), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    document.styles["Normal"].font.size = Pt(8)


def _running_header_and_page_number(document: docx.document.Document, text: str) -> None:
    """Page furniture as reports have it: a line at the top of every page, the page number at the bottom."""
    section = document.sections[0]
    section.header_distance = section.footer_distance = Cm(0.5)
    section.header.paragraphs[0].text = text
    number = OxmlElement("w:fldSimple")
    number.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    placeholder = OxmlElement("w:t")
    placeholder.text = "1"
    run.append(placeholder)
    number.append(run)
    section.footer.paragraphs[0]._p.append(number)


def _add_table(document: docx.document.Document, table: Table) -> None:
    word = document.add_table(rows=len(table.rows), cols=table.width)
    word.style = "Table Grid"
    cells = [row.cells for row in word.rows]
    for word_row, row in zip(cells, table.rows, strict=True):
        for cell, text in zip(word_row, row.cells, strict=True):
            cell.text = text
    merged_first_row = False
    for column in range(min(MERGED_COLUMNS, table.width)):
        for top, bottom in _empty_runs(table, column):
            cells[top][column].merge(cells[bottom][column])
            merged_first_row |= top == 0
    for index, row in enumerate(word.rows):
        _row_property(row, "w:cantSplit")  # a row split by a page break would be read as two rows
        if index == 0 and not merged_first_row:
            _row_property(row, "w:tblHeader")  # the header printed again on every page, as reports do


def _empty_runs(table: Table, column: int) -> list[tuple[int, int]]:
    """(top, bottom) row indexes of a filled cell and the empty cells directly under it in `column`."""
    runs = []
    top = None
    for index, row in enumerate([*table.rows, None]):
        if row is None or row.cells[column]:
            if top is not None and index - 1 > top:
                runs.append((top, index - 1))
            top = index if row is not None else None
    return runs


def _row_property(row, tag: str) -> None:
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    properties.append(element)
