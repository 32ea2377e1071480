"""Reading a report file into the one internal form (builder/impor): the tables a reader sees in the three real
seed texts; the same tables from a DOCX and a PDF made from them; and, for every file that cannot be read, a
useful message in Bahasa Indonesia, fast.

The DOCX and PDF are made once per session by tests/documents.py (the PDF by LibreOffice's `soffice`).
"""

from __future__ import annotations

import io
import os
import pickle
import shutil
import time
import zipfile
import zlib
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter

from builder.impor.document import DocumentError, Table
from builder.impor.read import read_document

from .documents import make_docx, make_pdf

LAPORAN = Path(__file__).parent / "fixtures" / "laporan"
RUPAT_UTARA = LAPORAN / "000_f5c815a18d890b49.txt"  # Bengkalis 2023
BATU_SOPANG = LAPORAN / "002_5be07e9b1610b382.txt"  # Paser 2022
LIMA_PULUH_PESISIR = LAPORAN / "004_e634fa74d24abf76.txt"  # Batu Bara 2023
SEEDS = [RUPAT_UTARA, BATU_SOPANG, LIMA_PULUH_PESISIR]
FAST = 5.0  # seconds: a file that cannot be read is refused at once

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None and not os.environ.get("CI"),
                                   reason="LibreOffice (soffice) is not installed; CI installs it")


def table(document, number: str, nth: int = 0) -> Table:
    return [t for t in document.tables if t.number == number][nth]


def captions(document) -> list[tuple[str | None, str]]:
    return [(t.number, t.title) for t in document.tables]


def filled(t: Table) -> list[list[str]]:
    """The grid with empty cells of the first two columns filled from above: how a merged cell reads in DOCX/PDF
    (its text repeated) and in text (the text once, then empty cells)."""
    rows = [list(row.cells) for row in t.rows]
    for column in range(min(2, t.width)):
        for above, row in zip(rows, rows[1:]):
            row[column] = row[column] or above[column]
    return rows


def squeezed(grid: list[list[str]]) -> list[list[str]]:
    return [["".join(cell.split()) for cell in row] for row in grid]


# --- text -------------------------------------------------------------------------------------------------------

def test_rupat_utara_text_tables():
    document = read_document(RUPAT_UTARA)
    assert (document.format, document.pages) == ("teks", None)
    assert [t.number for t in document.tables if t.number] == [
        "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "3.1", "3.2", "3.4", "3.4", "3.5", "3.6", "3.7", "3.8",
        "3.9", "3.10", "3.11", "3.12", "3.13"]
    pengukuran = table(document, "3.2")
    assert pengukuran.title == "Target dan Capaian Sasaran dan Indikator Kinerja Utama Sasaran Tahun 2023"
    assert pengukuran.rows[0].cells == ["TUJUAN", "SASARAN", "INDIKATOR KINERJA SASARAN", "TARGET", "REALISASI",
                                        "CAPAIAN", "PERMASALAHAN", "SOLUSI"]
    assert len(pengukuran.rows) == 5  # the header and 4 indicators
    assert pengukuran.rows[1].cells[3:6] == ["87", "89,81", "103%"]
    assert pengukuran.rows[2].cells[0] == ""  # a merged cell, as the converter printed it
    assert (pengukuran.line, [row.line for row in pengukuran.rows]) == (448, [448, 449, 450, 451, 452])
    assert table(document, "3.4", 1).title == "Capaian Indikator Kinerja Utama IKM"  # the title is a heading
    assert table(document, "1.1").title == "Rasio Pegawai Negeri Sipil berdasarkan Golongan"


def test_rupat_utara_budget_table_is_one_table_across_pages():
    """Tabel 3.10 is printed in six pieces, each repeating a (slightly reworded) three-row header."""
    budget = table(read_document(RUPAT_UTARA), "3.10")
    assert sum(row.cells[0] == "No" for row in budget.rows) == 1
    assert sum("Keuangan" in row.cells for row in budget.rows) == 1
    assert budget.rows[3].cells == ["I", "BELANJA", "10.374.789.534,00", "90,53", "9.391.953.524,00",
                                    "982.836.010,00"]  # <b>...</b> markup removed
    assert budget.rows[-1].cells[0] == "JUMLAH DANA KEGIATAN"
    assert len(budget.rows) == 278


def test_rupat_utara_paragraphs_and_uncaptioned_tables():
    document = read_document(RUPAT_UTARA)
    lines = RUPAT_UTARA.read_text(encoding="utf-8").split("\n")
    closing = [p for p in document.paragraphs if p.text == "Tanjung Medang, 12 Januari 2024"]
    assert [p.line for p in closing] == [29, 1086]
    assert all(lines[p.line - 1] == p.text for p in closing)
    texts = {p.text for p in document.paragraphs}
    assert "Tabel 3.2" not in texts and "Interval Penilaian Kinerja" not in texts  # captions belong to tables
    assert "BAB IV PENUTUP" in texts  # "## BAB IV PENUTUP" without the Markdown
    contents = document.tables[0]  # the table of contents: tab-separated, but no caption
    assert (contents.number, contents.rows[0].cells) == (None, ["Kata Pengantar .....", "1"])
    assert [t.index for t in document.tables] == list(range(len(document.tables)))


def test_batu_sopang_text_tables():
    document = read_document(BATU_SOPANG)
    capaian = table(document, "3.1")  # continued after a page break (blank lines) without repeating its header
    assert capaian.title == "Capaian Indikator Kinerja Utama Kecamatan Batu Sopang Tahun 2022"
    assert [row.cells[0][:2] for row in capaian.rows] == ["Sa", "S1", "S2", "S3", "S4", "RA"]
    assert [row.line for row in capaian.rows] == [523, 524, 525, 526, 530, 531]
    assert table(document, "3.3.1").title == ("Analisis Pencapaian Sasaran Strategis 1 Meningkatnya akuntabilitas "
                                              "kinerja Pemerintah")  # caption and title over three lines
    assert table(document, "3.4.4").title.startswith("Tingkat Penggunaan Efisiensi Anggaran")  # "TABEL 3.4.4"
    assert len(table(document, "3.4.1").rows) == 36
    assert table(document, "3.3.4", 1).rows[2].cells[0].startswith("1. Tingkat Pertumbuhan")  # numbered twice
    interval = document.tables[5]  # "... skala pengukuran ordinal sebagai berikut :" and then the table
    assert (interval.number, interval.rows[1].cells) == (None, ["85 s/d 100 %", "Sangat berhasil", "SB"])


def test_lima_puluh_pesisir_text_tables():
    document = read_document(LIMA_PULUH_PESISIR)
    budget = table(document, "3.9")  # continued twice, after a running header, repeating its header
    assert budget.title == "Pagu dan Realisasi Anggaran Kecamatan Lima Puluh Pesisir Kabupaten Batu Bara Tahun 2023"
    assert (len(budget.rows), budget.width) == (54, 9)
    assert sum(row.cells[0] == "Program/ Kegiatan" for row in budget.rows) == 1
    assert [p.line for p in document.paragraphs if p.text == "Laporan Kinerja"] == [947, 985, 1001]
    problems = table(document, "1.1")  # the header repeated after one blank line
    assert [row.line for row in problems.rows] == [293, 294, 295, 296, 297, 300]
    assert table(document, "3.1").title == "Skala Nilai Peringkat Kinerja"  # the title on the caption's line
    assert table(document, "3.1").rows[5].cells == ["5.", "≤ 50", "Sangat Rendah"]
    assert table(document, "3.3").title == ""  # nothing between the caption and the table


def test_markdown_pipe_table_and_repeated_header(tmp_path):
    text = tmp_path / "laporan.md"
    text.write_text("# BAB III\n\n**Tabel 2.3.** Perjanjian Kinerja\n\n| No | Sasaran | Target |\n|---|:---:|---|\n"
                    "| 1 | **Meningkatnya** IKM | 87,00% |\n| 2 | a \\| b | 88 |\n\nLorem ipsum.\n\n"
                    "Tabel 3.1 Capaian\nNo\tIndikator\tTarget\n1\tIKM\t87\nNo\tIndikator\tTarget\n2\tAKIP\t72,60\n",
                    encoding="utf-8")
    document = read_document(text)
    agreement, capaian = document.tables
    assert (agreement.number, agreement.title) == ("2.3", "Perjanjian Kinerja")
    assert [row.cells for row in agreement.rows] == [["No", "Sasaran", "Target"], ["1", "Meningkatnya IKM", "87,00%"],
                                                     ["2", "a | b", "88"]]
    assert [row.cells for row in capaian.rows] == [["No", "Indikator", "Target"], ["1", "IKM", "87"],
                                                   ["2", "AKIP", "72,60"]]
    assert [(p.text, p.line) for p in document.paragraphs] == [("BAB III", 1), ("Lorem ipsum.", 10)]


# --- DOCX ---------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def docx_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("laporan-docx")
    return {seed.name: make_docx(seed, folder / f"{seed.stem}.docx") for seed in SEEDS}


@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: seed.stem)
def test_docx_gives_the_same_tables(seed, docx_files):
    text, document = read_document(seed), read_document(docx_files[seed.name])
    assert (document.format, document.pages) == ("docx", None)
    assert captions(document) == captions(text)
    assert [filled(t) for t in document.tables] == [filled(t) for t in text.tables]
    assert [p.text for p in document.paragraphs] == [p.text for p in text.paragraphs]


def test_docx_merged_cells_are_repeated(docx_files):
    pengukuran = table(read_document(docx_files[RUPAT_UTARA.name]), "3.2")  # made with w:vMerge
    assert [row.cells[0] for row in pengukuran.rows[1:]] == ["Mewujudkan Tatakelola Pemerintahan yang Baik"] * 4


def test_docx_spans_and_nested_tables(tmp_path):
    document = docx.Document()
    document.add_paragraph("Tabel 3.2 Target dan Realisasi")
    grid = document.add_table(rows=3, cols=4)
    for row, texts in zip(grid.rows, [["No", "Target", "", "Realisasi"], ["", "2022", "2023", "2023"],
                                      ["1", "87", "88", "89,81"]]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    grid.cell(0, 1).merge(grid.cell(0, 2))  # w:gridSpan
    grid.cell(0, 0).merge(grid.cell(1, 0))  # w:vMerge
    grid.cell(2, 3).add_table(rows=1, cols=2).rows[0].cells[0].text = "catatan"
    path = tmp_path / "laporan.docx"
    document.save(str(path))
    (read,) = read_document(path).tables
    assert (read.number, read.title) == ("3.2", "Target dan Realisasi")
    assert [row.cells for row in read.rows] == [["No", "Target", "Target", "Realisasi"],
                                                ["No", "2022", "2023", "2023"],
                                                ["1", "87", "88", "89,81 catatan"]]


# --- PDF ----------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def pdf_documents(docx_files, tmp_path_factory) -> dict[str, tuple[object, float]]:
    """Each seed's PDF (made by LibreOffice from its DOCX), read once: (document, seconds to read)."""
    folder = tmp_path_factory.mktemp("laporan-pdf")
    read = {}
    for name, path in docx_files.items():
        pdf = make_pdf(path, folder)
        start = time.perf_counter()
        read[name] = (read_document(pdf), time.perf_counter() - start)
    return read


@needs_soffice
@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: seed.stem)
def test_pdf_gives_the_same_tables(seed, pdf_documents):
    """Same captions and grids. A PDF loses where a cell's lines broke: a word broken inside a narrow cell reads
    as two words, and a merged cell cut by a page break as two texts; a handful of cells may differ so."""
    text, (document, _) = read_document(seed), pdf_documents[seed.name]
    assert document.format == "pdf"
    assert captions(document) == captions(text)
    assert [(len(t.rows), t.width) for t in document.tables] == [(len(t.rows), t.width) for t in text.tables]
    pairs = [(expected, found) for t, p in zip(text.tables, document.tables)
             for row, other in zip(filled(t), filled(p)) for expected, found in zip(row, other)]
    different = [(expected, found) for expected, found in pairs if expected != found]
    unlike = [(expected, found) for expected, found in different if expected.split() and
              "".join(expected.split()) != "".join(found.split())]
    assert len(different) <= 0.02 * len(pairs), different[:20]
    assert len(unlike) <= 0.01 * len(pairs), unlike[:20]


@needs_soffice
def test_pdf_rows_keep_their_pages(pdf_documents):
    document, _ = pdf_documents[RUPAT_UTARA.name]
    budget = table(document, "3.10")
    pages = [row.page for row in budget.rows]
    assert pages == sorted(pages) and len(set(pages)) >= 4 and budget.page == pages[0]
    assert sum("Keuangan" in row.cells for row in budget.rows) == 1  # the header printed again on each page
    text = read_document(RUPAT_UTARA)
    assert squeezed(filled(budget)) == squeezed(filled(table(text, "3.10")))  # one "Tinggal- Mess" at a line end
    assert filled(table(document, "3.2")) == filled(table(text, "3.2"))


@needs_soffice
@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: seed.stem)
def test_pdf_reads_fast(seed, pdf_documents):
    document, seconds = pdf_documents[seed.name]
    assert seconds < 0.5 * document.pages, f"{document.pages} pages in {seconds:.1f} s"


def test_pdf_table_without_ruling_lines(tmp_path):
    path = text_pdf(tmp_path / "laporan.pdf", [
        [(50, "Tabel 3.2 Capaian Indikator Kinerja Utama")], [],
        [(50, "No"), (90, "Indikator"), (300, "Target"), (380, "Realisasi"), (460, "Capaian")],
        [(50, "1"), (90, "Indeks Kepuasan Masyarakat"), (300, "87"), (380, "89,81"), (460, "103%")],
        [(50, "2"), (90, "Nilai AKIP"), (300, "72,60"), (380, "70,20"), (460, "96,69")], [],
        [(50, "Dari tabel di atas terlihat bahwa capaian kinerja sudah baik.")]])
    document = read_document(path)
    (found,) = document.tables
    assert (found.number, found.title, found.page) == ("3.2", "Capaian Indikator Kinerja Utama", 1)
    assert [row.cells for row in found.rows] == [["No", "Indikator", "Target", "Realisasi", "Capaian"],
                                                 ["1", "Indeks Kepuasan Masyarakat", "87", "89,81", "103%"],
                                                 ["2", "Nilai AKIP", "72,60", "70,20", "96,69"]]
    assert [p.text for p in document.paragraphs] == ["Dari tabel di atas terlihat bahwa capaian kinerja sudah baik."]


# --- files that cannot be read ------------------------------------------------------------------------------------

def text_pdf(path: Path, lines: list[list[tuple[float, str]]], content: bytes | None = None) -> Path:
    """A one-page PDF printing each line's (x, text) pieces in Helvetica, 16 pt apart; or drawing `content`
    (already Flate-compressed)."""
    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    if content is None:
        operators = ["BT /F1 10 Tf"] + [f"1 0 0 1 {x} {780 - 16 * number} Tm ({escape(text)}) Tj"
                                         for number, line in enumerate(lines) for x, text in line] + ["ET"]
        stream, filters = "\n".join(operators).encode("cp1252"), b""
    else:
        stream, filters = content, b" /Filter /FlateDecode"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(stream), filters, stream),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start)
    path.write_bytes(bytes(out))
    return path


SAMPLE = [[(50, "Tabel 3.2 Capaian")], [(50, "Indeks Kepuasan Masyarakat 89,81")]]


def encrypted_pdf(path: Path) -> Path:
    writer = PdfWriter(clone_from=PdfReader(text_pdf(path.with_suffix(".plain.pdf"), SAMPLE)))
    writer.encrypt(user_password="rahasia", owner_password="pemilik")
    writer.write(path)
    return path


def scanned_pdf(path: Path) -> Path:
    page = Image.new("L", (1240, 1754), 255)
    ImageDraw.Draw(page).text((100, 100), "Tabel 3.2 Capaian Indikator Kinerja Utama   89,81", fill=0)
    page.save(path, "PDF", resolution=150)
    return path


def long_pdf(path: Path, pages: int) -> Path:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(200, 200)
    writer.write(path)
    return path


def zip_bomb_docx(path: Path) -> Path:
    """A real (tiny) DOCX plus a member that inflates from ~20 KB to 20 MB."""
    document = io.BytesIO()
    docx.Document().save(document)
    with zipfile.ZipFile(document) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            target.writestr(member, source.read(member))
        target.writestr("word/media/image1.png", b"\0" * (20 * 2**20))
    return path


def wide_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_table(rows=1, cols=250)
    document.save(str(path))
    return path


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


BAD_FILES = {
    "tidak-ada.pdf": (lambda path: path, "tidak ditemukan"),
    "kosong.pdf": (lambda path: write(path, b""), "kosong"),
    "folder.pdf": (lambda path: path.mkdir() or path, "bukan berkas"),
    "gambar.png": (lambda path: write(path, b"\x89PNG\r\n\x1a\n" + b"\0" * 100), "tidak dikenali"),
    "laporan.doc": (lambda path: write(path, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504), "DOCX"),
    "laporan.zip": (lambda path: write(path, _zip({"xl/workbook.xml": b"<workbook/>"})), "bukan dokumen DOCX"),
    "terkunci.pdf": (encrypted_pdf, "kata sandi"),
    "terpotong.pdf": (lambda path: write(path, text_pdf(path, SAMPLE).read_bytes()[:300]), "rusak atau terpotong"),
    "bukan-pdf.pdf": (lambda path: write(path, b"%!PS-Adobe-3.0\n" + b"0" * 500), "rusak"),
    "halaman-web.pdf": (lambda path: write(path, b"<!DOCTYPE html><html>404 Not Found</html>"), "halaman web"),
    "pindaian.pdf": (scanned_pdf, "PDF ini hasil pindaian (tidak ada lapisan teks); importir tidak menebak angka "
                                  "dengan OCR. Minta berkas DOCX atau PDF asli dari penyusun laporan, atau ketik "
                                  "datanya mengikuti panduan."),
    "panjang.pdf": (lambda path: long_pdf(path, 1001), "lebih dari 1.000 halaman"),
    "bom-isi.pdf": (lambda path: text_pdf(path, [], zlib.compress(b" " * (64 * 2**20), 9)), "membengkak"),
    "bom.docx": (zip_bomb_docx, "membengkak"),
    "terpotong.docx": (lambda path: write(path, _docx_bytes()[:2000]), "rusak"),
    "lebar.docx": (wide_docx, "250 kolom; batasnya 200"),
    "lebar.txt": (lambda path: write(path, ("x\t" * 999 + "x\n").encode()), "1.000 kolom; batasnya 200"),
    "biner.txt": (lambda path: write(path, b"MZ\x90\0\x03\0\0\0" * 64), "bukan teks"),
    "sel.txt": (lambda path: write(path, ("\t" * 100 + "x\n").encode() * 10_000), "lebih dari 1.000.000 sel"),
}


def _zip(members: dict[str, bytes]) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return data.getvalue()


def _docx_bytes() -> bytes:
    data = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Tabel 3.2 Capaian " * 200)
    document.save(data)
    return data.getvalue()


def test_message_survives_a_worker_process():
    """read_pdf reads long files in worker processes; their DocumentError reaches the caller whole."""
    error = pickle.loads(pickle.dumps(DocumentError("/tmp/laporan.pdf", "PDF ini rusak.", "Unduh ulang.")))
    assert (str(error), error.path) == ("laporan.pdf: PDF ini rusak. Unduh ulang.", "/tmp/laporan.pdf")


def test_hostile_markup_reads_fast(tmp_path):
    """Unpaired emphasis marks, runs of spaces and "#" do not make the text reader backtrack."""
    path = write(tmp_path / "laporan.md", ("*a " * 200_000 + "\n" + "#" + " " * 200_000 + "x#\n").encode())
    start = time.perf_counter()
    document = read_document(path)
    assert time.perf_counter() - start < FAST
    assert [len(p.text) for p in document.paragraphs] == [399_999, 2]


@pytest.mark.parametrize("name", BAD_FILES)
def test_unreadable_file_is_refused_with_a_useful_message(name, tmp_path):
    make, expected = BAD_FILES[name]
    path = make(tmp_path / name)
    start = time.perf_counter()
    with pytest.raises(DocumentError) as refused:
        read_document(path)
    assert time.perf_counter() - start < FAST
    message = str(refused.value)
    assert message.startswith(f"{name}: ") and expected in message
    assert len(message.split(". ")) >= 2  # what is wrong, and what to do


def test_a_table_a_converter_describes_in_one_sentence_is_a_table(tmp_path):
    """"Table with N columns: names. Row 1: cells." and the rest of the table as tab lines after it: one table,
    the heading over a year range spread one year per column."""
    from builder.impor.read_text import read_text
    from builder.impor.recognise import recognise

    path = tmp_path / "laporan.txt"
    path.write_text("Table with 8 columns: Sasaran, Indikator, Satuan, Target (Th 2022-2025), Target Akhir. "
                    "Row 1: Meningkatnya akuntabilitas, Nilai AKIP, nilai, 60, 62, 64, 66, 66.\n\n"
                    "\tIndeks Kepuasan Masyarakat\tnilai\t80\t81\t82\t83\t83\n", encoding="utf-8")
    document = read_text(path)
    [table] = [b for b in document.blocks if hasattr(b, "rows")]
    assert [r.cells[1] for r in table.rows] == ["Indikator", "Nilai AKIP", "Indeks Kepuasan Masyarakat"]
    [found] = recognise(document)
    assert [(c.role, c.year) for c in found.columns[3:7]] == [("target", 2022), ("target", 2023), ("target", 2024),
                                                             ("target", 2025)]
    assert found.columns[7].role == "target_akhir"


def test_a_described_table_whose_cells_do_not_count_out_keeps_its_header_only(tmp_path):
    from builder.impor.read_text import read_text

    path = tmp_path / "laporan.txt"
    path.write_text("Table with 3 columns: Uraian, Pagu, Realisasi. Row 1: Belanja, gaji, 1.000, 900.\n",
                    encoding="utf-8")
    [table] = [b for b in read_text(path).blocks if hasattr(b, "rows")]
    assert [r.cells for r in table.rows] == [["Uraian", "Pagu", "Realisasi"]]


def test_a_table_takes_its_year_from_its_heading_never_from_a_sentence_before_it(tmp_path):
    from builder.impor.read_text import read_text
    from builder.impor.recognise import recognise

    path = tmp_path / "laporan.txt"
    path.write_text("PERJANJIAN KINERJA TAHUN 2024\nKECAMATAN CONTOH\n\nNo\tIndikator Kinerja\tTarget\n1\tNilai IKM\t84\n\n"
                    "Capaian tahun 2022 dapat dilihat pada tabel berikut:\n\nIndikator\tTarget\tRealisasi\n"
                    "Nilai IKM\t80\t82\n\nRenstra 2021-2026\n\nIndikator\tSatuan\tTarget Akhir\nNilai IKM\tnilai\t85\n",
                    encoding="utf-8")
    assert [table.year for table in recognise(read_text(path))] == [2024, None, None]


def test_a_value_printed_with_its_rating_code_is_the_value():
    """"65 (B)" (Tabel 2.3 of Batu Sopang) and "B (72,59)" (Lima Puluh Pesisir): the number as printed; a code
    alone stays a code, and an unknown word in brackets is not read."""
    from builder.impor.cells import read_with_unit

    assert read_with_unit("65 (B)").number == Decimal("65")
    assert read_with_unit("B (72,59)").number == Decimal("72.59")
    assert read_with_unit("BB").code == "BB" and read_with_unit("BB").number is None
    assert read_with_unit("65 (naik)").number is None


def test_an_agreement_text_gives_its_parties_date_rank_and_nip(tmp_path):
    from builder.impor.agreements import signings
    from builder.impor.read_text import read_text

    path = tmp_path / "laporan.txt"
    path.write_text("Tabel 1\nA\n\nNo\tX\n1\t2\n\nPERJANJIAN KINERJA TAHUN 2024\n\nNama : **Ani, S.E.**\n\n"
                    "Jabatan : Kasi Pemerintahan\n\nNama : Budi\n\nJabatan : Camat Contoh\n\nContoh, 2 Januari 2024\n\n"
                    "Budi\n\nNIP 19720210 199303 1 006\n\nAni, S.E.\n\nPenata\n\nNIP 198001012005011002\n\n"
                    "No\tIndikator Kinerja\tTarget\n1\tNilai IKM\t84\n", encoding="utf-8")
    document = read_text(path)
    [signing] = signings(document).values()
    assert (signing.first.nama, signing.first.jabatan, signing.first.nip, signing.first.pangkat) == (
        "Ani, S.E.", "Kasi Pemerintahan", "198001012005011002", "Penata")
    assert (signing.second.nama, signing.second.nip, signing.second.pangkat) == ("Budi", "19720210 199303 1 006", None)
    assert signing.tanggal == "2 Januari 2024"
