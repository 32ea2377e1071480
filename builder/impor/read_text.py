"""Reading a report converted to text or Markdown, as converters write them.

A table is a run of consecutive lines containing TAB characters (how PDF/DOCX-to-text converters print a table),
or a Markdown pipe table (`| a | b |` with a `|---|` separator line). Every other non-empty line is a paragraph.
A page break in the converted text is a few blank lines, sometimes with the running header between them, and the
next piece of a table often repeats the header: such pieces are joined into one table.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from .document import (MAX_CELLS, MAX_COLUMNS, Block, Document, DocumentError, Paragraph, Row, Table,
                       attach_captions, continue_table, is_furniture, normalise_space, pad_rows, similar_rows,
                       thousands, too_many_cells, too_wide)

MAX_TEXT_BYTES = 20 * 1024 * 1024  # a converted report is well under 1 MB
FURNITURE_LINES = 2  # running header lines tolerated between the pieces of a continued table

_HTML_TAG = re.compile(r"</?(?:b|i|u|s|em|strong|sup|sub|span|font|p|div|mark)(?:\s[^<>]*)?>", re.IGNORECASE)
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Emphasis marks: a run of asterisks touching a word (not "a * b", not an escaped "\*"), "__" at a word's edge.
# Converters escape a printed asterisk, so every other one is markup. Linear: no pairing, no backtracking.
_EMPHASIS = re.compile(r"(?<![\\\s])\*+|(?<!\\)\*+(?!\s)|(?<!\w)__+(?=\S)|(?<=\S)__+(?!\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|%$])")
_RULE = re.compile(r"^[-*_=\s]{3,}$")
_SEPARATOR_CELL = re.compile(r"^\s*:?-+:?\s*$")
_PIPE_SPLIT = re.compile(r"(?<!\\)\|")


def read_text(path: Path) -> Document:
    """The document in a .txt/.md file."""
    lines = _decode(path).split("\n")
    blocks = _join_continued(attach_captions(_scan(path, lines)))
    return Document(str(path), "teks", blocks)


def _decode(path: Path) -> str:
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise DocumentError(path, f"berkas teks ini {thousands(size // 2**20)} MB; batasnya "
                                  f"{MAX_TEXT_BYTES // 2**20} MB.",
                            "Laporan hasil konversi biasanya di bawah 1 MB: periksa bahwa ini berkas yang benar.")
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data[:4096]:
        raise DocumentError(path, "isi berkas ini bukan teks, walaupun namanya berakhiran teks.",
                            "Pastikan berkasnya PDF, DOCX, atau teks (.txt/.md) hasil konversi laporan.")
    else:
        text = _decode_bytes(data)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "")


def _decode_bytes(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1")


def clean_inline(text: str) -> str:
    """Text as printed: without Markdown emphasis, escapes and inline HTML tags; whitespace normalised."""
    if "<" in text:
        text = _HTML_TAG.sub("", _HTML_BREAK.sub(" ", text))
    if "&" in text:
        text = html.unescape(text)
    if "*" in text or "__" in text:
        text = _EMPHASIS.sub("", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    return normalise_space(text)


def clean_line(text: str) -> str:
    """A paragraph line as printed: also without the Markdown heading marks."""
    return clean_inline(_without_heading_marks(text))


def _without_heading_marks(text: str) -> str:
    """"## Judul ##" -> "Judul" (the marks of an ATX heading; "#1" or "C#" are text)."""
    stripped = text.lstrip()
    marks = len(stripped) - len(stripped.lstrip("#"))
    if not 1 <= marks <= 6 or (len(stripped) > marks and not stripped[marks].isspace()):
        return text
    body = stripped[marks:].rstrip()
    unclosed = body.rstrip("#")
    return unclosed if not unclosed or unclosed[-1].isspace() else body


# --- lines -> blocks ----------------------------------------------------------------------------------------------

def _scan(path: Path, lines: list[str]) -> list[Block]:
    """Paragraphs and (not yet captioned or joined) tables, in order."""
    blocks: list[Block] = []
    run: list[Row] = []
    run_kind = ""
    cells = 0
    for number, line in enumerate(lines, start=1):
        kind = _kind(line)
        if run and kind != run_kind and kind != "rule":
            blocks.extend(_finish_run(run))
            run = []
        if kind in ("tab", "pipe"):
            run.append(Row(_cells(path, line, kind, number), line=number))
            run_kind = kind
            cells += len(run[-1].cells)
            if cells > MAX_CELLS:
                raise too_many_cells(path)
        elif kind == "text":
            text = clean_line(line)
            described = _described_table(text, number)
            if described is not None:
                blocks.append(described)
            elif text and not _RULE.match(text):
                blocks.append(Paragraph(text, line=number))
    blocks.extend(_finish_run(run))
    return blocks


_DESCRIBED = re.compile(r"^Table with (\d+) columns?: (.+?)\. Row 1: (.+?)\.?$")


def _described_table(text: str, number: int) -> Table | None:
    """A table some converters describe in one sentence, its first row included: "Table with 12 columns: Tujuan,
    Sasaran, …, Target (Th 2021-2026), Target Akhir. Row 1: …, 65, 70, BB." (the rest of the table follows as
    tab-separated lines). The named columns sit from the left, the last one over the last column, and the one
    before it spans the columns between (a merged group heading, repeated in each as a merged cell is). Row 1 is
    kept only where its comma-separated cells are exactly as many as the columns."""
    match = _DESCRIBED.match(text)
    if match is None:
        return None
    width = int(match.group(1))
    names = [name.strip() for name in match.group(2).split(", ")]
    if not 2 <= len(names) <= width or width > MAX_COLUMNS:
        return None
    header = names[:-2] + [names[-2]] * (width - len(names) + 1) + [names[-1]]
    rows = [Row(header, line=number)]
    cells = [cell.strip() for cell in match.group(3).split(", ")]
    if len(cells) == width:
        rows.append(Row(cells, line=number))
    return Table(None, "", rows, line=number)


def _kind(line: str) -> str:
    """blank | tab | pipe | rule (a table's separator line) | text."""
    stripped = line.strip()
    if not stripped:
        return "blank"
    if "\t" in line:
        return "rule" if all(_SEPARATOR_CELL.match(c) or not c.strip() for c in line.split("\t")) else "tab"
    if stripped.startswith("|") and stripped.count("|") >= 2:
        cells = _PIPE_SPLIT.split(stripped.strip("|"))
        return "rule" if all(_SEPARATOR_CELL.match(cell) for cell in cells) else "pipe"
    return "text"


def _cells(path: Path, line: str, kind: str, number: int) -> list[str]:
    columns = line.count("\t") + 1 if kind == "tab" else line.count("|") - 1  # a pipe row has two outer bars
    if columns > MAX_COLUMNS:
        raise too_wide(path, f"di baris {thousands(number)}", columns)
    if kind == "tab":
        return [clean_inline(cell) for cell in line.split("\t")]
    return [clean_inline(cell.replace("\\|", "|")) for cell in _PIPE_SPLIT.split(line.strip().strip("|"))]


def _finish_run(rows: list[Row]) -> list[Block]:
    """The table of a run of table lines; a run where no row has two filled cells (a stray tab) is text."""
    if not rows:
        return []
    if not any(sum(1 for cell in row.cells if cell) >= 2 for row in rows):
        texts = [(" ".join(cell for cell in row.cells if cell), row.line) for row in rows]
        return [Paragraph(text, line=line) for text, line in texts if text]
    pad_rows(rows)
    table = Table(None, "", [], line=rows[0].line)
    for piece in _split_at_repeated_header(rows):
        continue_table(table, Table(None, "", piece))
    return [table]


def _split_at_repeated_header(rows: list[Row]) -> list[list[Row]]:
    """Pieces of a run that prints its header row again without a blank line (a page break the converter lost)."""
    pieces: list[list[Row]] = [[]]
    for row in rows:
        if pieces[-1] and row.cells == rows[0].cells:
            pieces.append([])
        pieces[-1].append(row)
    return pieces


# --- continued tables ---------------------------------------------------------------------------------------------

def _join_continued(blocks: list[Block]) -> list[Block]:
    """Join a table without caption to the table above it when only a page break lies between: blank lines only
    (same width), or a line or two of running header and then the header again."""
    out: list[Block] = []
    last_table: Table | None = None
    between: list[Block] = []
    for block in blocks:
        if isinstance(block, Table):
            if last_table is not None and _continues(last_table, between, block):
                continue_table(last_table, block)
                last_table.rows = pad_rows(last_table.rows, last_table.width)
                between = []
                continue
            last_table, between = block, []
        elif last_table is not None:
            between.append(block)
        out.append(block)
    return out


def _continues(table: Table, between: list[Block], more: Table) -> bool:
    if more.number is not None or table.width < 2:
        return False
    if not between:  # blank lines only: a converter may drop a piece's empty last columns
        own_header = more.width != table.width and not any(c.isdigit() for cell in more.rows[0].cells for c in cell) \
            and not similar_rows(table.rows[0], more.rows[0])  # "PROGRAM | ANGGARAN" under an agreement: its annex
        return table.width - 2 <= more.width <= table.width and not own_header
    if more.width != table.width:
        return False
    return (len(between) <= FURNITURE_LINES and all(is_furniture(block) for block in between)
            and similar_rows(table.rows[0], more.rows[0]))
