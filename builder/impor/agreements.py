"""Stage 3 of the import, for the agreements (Perjanjian Kinerja) a report prints at its back: who signs each one
and when, from the text between the tables, as the PermenPANRB 53/2014 form prints it:

    Nama    : Wijanarko, SKM.M.P.H
    Jabatan : Sekretaris Camat Batu Sopang        (Pihak Pertama)
    Nama    : Misran, SE. MM
    Jabatan : Camat Batu Sopang                   (Pihak Kedua)
    Batu Kajang, Januari 2023                     (the date)
    Wijanarko. SKM.M.P.H / Pembina / NIP 196911021991021002   (signatures: rank and NIP)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document, Paragraph, Table

_FIELD = re.compile(r"^(nama|jabatan)\s*:\s*(.+)$", re.IGNORECASE)
_NIP = re.compile(r"^nip\.?\s*:?\s*(\d{8} ?\d{6} ?\d ?\d{3})$", re.IGNORECASE)
_MONTHS = "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember"
_DATE = re.compile(rf"^[A-Za-z][A-Za-z .]+,\s*((?:\d{{1,2}}\s+)?(?:{_MONTHS})\s+(?:19|20)\d\d)$", re.IGNORECASE)


@dataclass
class Party:
    nama: str
    jabatan: str
    nip: str | None = None
    pangkat: str | None = None


@dataclass
class Signing:
    """Who signs the agreement printed in a table, and when (as printed)."""

    first: Party  # pihak pertama: the one who promises
    second: Party  # pihak kedua: the superior
    tanggal: str | None


def _plain(text: str) -> str:
    return " ".join(text.replace("**", "").split()).strip(" ,")


def signings(document: Document) -> dict[int, Signing]:
    """For each table (by index) preceded by an agreement's text: its two parties and its date, from the text
    between the table before it and this one (the last two Nama/Jabatan pairs, the last date line)."""
    found: dict[int, Signing] = {}
    window: list[Paragraph] = []
    for block in document.blocks:
        if isinstance(block, Table):
            signing = _signing(window)
            if signing is not None:
                found[block.index] = signing
            window = []
        else:
            window.append(block)
    return found


def _signing(window: list[Paragraph]) -> Signing | None:
    parties: list[Party] = []
    tanggal = None
    for paragraph in window:
        text = _plain(paragraph.text)
        field = _FIELD.match(text)
        if field and field.group(1).lower() == "nama":
            parties.append(Party(_plain(field.group(2)), ""))
        elif field and parties and not parties[-1].jabatan:
            parties[-1].jabatan = _plain(field.group(2))
        elif date := _DATE.match(text):
            tanggal = date.group(1)
    parties = [p for p in parties if p.nama and p.jabatan]
    if len(parties) < 2:
        return None
    first, second = parties[-2], parties[-1]
    for party in (first, second):
        _signature(party, window)
    return Signing(first, second, tanggal)


def _signature(party: Party, window: list[Paragraph]) -> None:
    """The rank and NIP under the party's name at the signatures: the name's line, then up to two lines to the NIP."""
    key = re.sub(r"[^a-z]", "", party.nama.split()[0].lower()) if party.nama.split() else ""
    texts = [_plain(p.text) for p in window]
    for i, text in enumerate(texts):
        words = text.split()
        if not key or not words or re.sub(r"[^a-z]", "", words[0].lower()) != key:
            continue
        for j in range(i + 1, min(i + 3, len(texts))):
            nip = _NIP.match(texts[j])
            if nip:
                party.nip = nip.group(1)
                party.pangkat = texts[i + 1] if j == i + 2 else None
                break
