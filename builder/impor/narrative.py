"""Stage 3 of the import, for running text: the report's narrative sections (ikhtisar eksekutif, isu strategis,
kesimpulan, permasalahan, saran), each as printed, from the heading that opens it to the next heading.

The headings are data (kosakata.yaml: bagian_narasi, akhir_bagian). A heading printed twice (the chapter list of
Bab I names "BAB IV PENUTUP" with one sentence; the chapter itself follows) gives the longer section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document, Paragraph, Table
from .recognise import vocabulary

MAX_HEADING = 80  # characters: a longer line is text, not a heading
MAX_SECTION = 30_000  # characters: a longer "section" is a heading misread (the data model keeps texts shorter)
_NUMBERING = re.compile(r"^((\d+\.)+\d*|[a-z]\.|[ivx]+\.)\s*")
_SUBSECTION = re.compile(r"^[\s*#]*\d+(\.\d+)+\.?\s+\S")  # "1.5 Landasan Hukum", "3.2. Capaian …"
_LIST_ITEM = re.compile(r"^(-|\*|•|✓|\d+[.)]|[a-z][.)])\s")


@dataclass
class Section:
    field: str
    heading: str
    paragraphs: list[Paragraph | Table]

    @property
    def text(self) -> str:
        """Paragraphs apart, a list's items on consecutive lines, a table as a Markdown table under its caption
        (Markdown, as the data file holds narrative)."""
        out: list[str] = []
        for paragraph in self.paragraphs:
            if isinstance(paragraph, Table):
                out.append(markdown_table(paragraph))
                continue
            text = " ".join(paragraph.text.replace("\t", " ").split())
            if out and _LIST_ITEM.match(text) and _LIST_ITEM.match(out[-1].rsplit("\n", 1)[-1]):
                out[-1] += "\n" + text
            else:
                out.append(text)
        return "\n\n".join(out)

    def place(self) -> str:
        first, last = self.paragraphs[0], self.paragraphs[-1]
        if first.page:
            return f"halaman {first.page}" + (f"–{last.page}" if last.page and last.page != first.page else "")
        return f"baris {first.line}–{last.line}" if first.line and last.line else ""


def markdown_table(table: Table) -> str:
    """A table of the running text as a Markdown table, its caption in bold above it."""
    def cell(text: str) -> str:
        return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")

    rows = [[cell(c) for c in row.cells] for row in table.rows if any(c.strip() for c in row.cells)]
    if not rows:
        return ""
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    caption = " ".join(p for p in (f"Tabel {table.number}" if table.number else "", table.title) if p)
    return (f"**{caption}**\n\n" if caption else "") + "\n".join(lines)


def heading_of(text: str) -> str:
    """A paragraph as a heading reads: lower case, without its numbering and marks, spaced letters joined."""
    text = " ".join(text.strip(" *#:").lower().split())
    if re.fullmatch(r"(\S )+\S", text):  # "p e n u t u p"
        text = text.replace(" ", "")
    text = re.sub(r"\b((?:\w ){3,}\w)\b", lambda m: m.group(1).replace(" ", ""), text)  # "bab iv p e n u t u p"
    return _NUMBERING.sub("", text).strip(" .")


def _field(heading: str) -> str | None:
    for entry in vocabulary()["bagian_narasi"]:
        if re.fullmatch(entry["judul"], heading):
            return entry["bidang"]
    return None


def _ends(heading: str) -> bool:
    return any(re.fullmatch(pattern, heading) for pattern in vocabulary()["akhir_bagian"])


def narrative_sections(document: Document) -> dict[str, Section]:
    """The longest section per narrative field; consecutive sections of one field are one ("BAB IV PENUTUP" and
    its "4.1 KESIMPULAN")."""
    sections: list[Section] = []
    current: Section | None = None
    for block in document.blocks:
        if isinstance(block, Table):
            if current is not None:
                current.paragraphs.append(block)
            continue
        heading = heading_of(block.text) if len(block.text) <= MAX_HEADING else ""
        field = _field(heading) if heading else None
        if field is not None:
            if current is None or current.field != field:
                current = Section(field, block.text.strip(" *#"), [])
                sections.append(current)
            continue
        if heading and (_ends(heading) or _SUBSECTION.match(block.text) and not block.text.rstrip().endswith((".", ":", ";"))):
            current = None  # a chapter, an appendix, a signature's date line, or the next numbered subsection
            continue
        if current is not None:
            current.paragraphs.append(block)
    best: dict[str, Section] = {}
    for section in sections:
        size = len(section.text)
        if section.paragraphs and size <= MAX_SECTION and size > len(best[section.field].text if section.field in best else ""):
            best[section.field] = section
    return best
