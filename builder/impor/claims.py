"""Stage 3 of the import, for running text: sentences that state counts for the whole year ("ditetapkan 3 (tiga)
sasaran strategis dan 4 (empat) indikator kinerja", "dari 4 indikator kinerja sudah dapat dicapai 3 indikator",
"6 (enam) program dengan 15 kegiatan dan 35 sub kegiatan", "seluruh indikator … tidak mencapai target") drafted as
the year file's `klaim`: each count as printed, the sentence quoted, its section as the source.

The nouns and phrases are data (kosakata.yaml: klaim). A sentence about one sasaran, tujuan or misi ("Sasaran 1
terdiri dari 2 indikator") counts a part, not the year, and is left out; so is a sentence naming one noun twice
with different counts. Nothing is inferred: a count is a number printed before its noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..models import KLAIM_COUNTS
from .cells import parse_number
from .document import Document, Paragraph
from .narrative import MAX_HEADING
from .recognise import vocabulary

MAX_QUOTE = 300  # characters of the sentence kept in `kutipan`
MAX_SENTENCE = 800  # characters: a longer "sentence" is no claim (and bounds the patterns' work on hostile text)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])")
_ABBREVIATION = re.compile(r"\b(rp|no|nomor|kab|kec|kel|ds|drs|ir|dr|h|hj|s\.?\w{1,3}|tk|jl|prov|th|thn|ta)\.$", re.I)


def sentences(text: str) -> list[str]:
    """A paragraph's sentences; a full stop after an abbreviation ("Rp.", "No.", "Kab.") ends none."""
    out: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text[start:match.start()]):
            continue
        out.append(text[start:match.start()])
        start = match.end()
    out.append(text[start:])
    return [s for s in out if s.strip()]
_COUNT = r"(\d{1,3})\s*(?:\(\s*[a-z\s]+\))?\s*"  # "3", "3 (tiga)", "4 ( empat )"


_NOT_HEADING = re.compile(r"^(sumber|tabel|gambar|grafik|screenshot|keterangan|catatan|ket)\b", re.IGNORECASE)
_NUMBERED = re.compile(r"^(bab\b|[ivx]+\.\s|\d+(\.\d+)*\.?\s|[a-h]\.\s)", re.IGNORECASE)


def heading(text: str) -> str | None:
    """A paragraph as the heading of the text under it: a short line that is numbered ("3.1.5 …", "BAB IV", "B.")
    or in capitals, and not a table's caption or source line; None for any other paragraph."""
    if len(text) > MAX_HEADING or text.endswith((".", ":", ";", ",")) or _NOT_HEADING.match(text):
        return None
    letters = [c for c in text if c.isalpha()]
    if _NUMBERED.match(text) or (letters and all(c.isupper() for c in letters)):
        return text.strip(" *#")
    return None


@dataclass
class Claim:
    quote: str
    section: str
    where: str  # "halaman 12" or "baris 80"
    counts: dict[str, int] = field(default_factory=dict)
    all_reached: bool | None = None


def _nouns() -> list[tuple[str, str]]:
    """(count key, noun pattern), the longer nouns first ("sub kegiatan" before "kegiatan")."""
    nouns = vocabulary()["klaim"]["benda"]
    return sorted(((key, pattern) for key, patterns in nouns.items() for pattern in patterns),
                  key=lambda item: -len(item[1]))


def sentence_claim(sentence: str) -> tuple[dict[str, int], bool | None]:
    """The counts a sentence states for the year, and whether it says every indicator was reached (True), or
    none (a count of 0 reached)."""
    if len(sentence) > MAX_SENTENCE:
        return {}, None
    text = " ".join(sentence.lower().replace("“", '"').replace("”", '"').split())
    words = vocabulary()["klaim"]
    if re.search(words["bagian"], text):
        return {}, None
    text = re.split(words["perubahan"], text)[-1]  # "dari 2 tujuan … menjadi 1 tujuan": only the counts it became
    counts: dict[str, int] = {}
    clashing: set[str] = set()
    taken = text
    reached = re.search(words["dari_tercapai"], text)
    if reached:
        counts.update(indikator=int(reached.group("dari")), tercapai=int(reached.group("tercapai")))
        taken = text[:reached.start()] + " " + text[reached.end():]
    elif re.search(words["dari_ambigu"], text):
        taken = re.sub(words["dari_ambigu"], " ", text)
    fixed = set(counts)  # "dari 4 indikator … tercapai 3": a later "1 indikator lain" is a part, not the whole
    for key, noun in _nouns():
        for match in re.finditer(_COUNT + rf"(?:{noun})\b", taken):
            if key in fixed:
                continue
            number = int(match.group(1))
            if counts.get(key, number) != number:
                clashing.add(key)
            counts[key] = number
        taken = re.sub(_COUNT + rf"(?:{noun})\b", " ", taken)  # "sub kegiatan" is not counted again as "kegiatan"
    for key in clashing:
        del counts[key]
    if "indikator" in counts and not reached and not {"tujuan", "sasaran"} & set(counts) and \
            {"program", "kegiatan", "sub_kegiatan"} & set(counts):
        del counts["indikator"]  # counted beside programmes and kegiatan: their output indicators, not the PK's
    all_reached = None
    if re.search(words["tidak_satu_pun"], text):
        counts["tercapai"] = 0
    elif re.search(words["seluruhnya"], text) and not re.search(r"\b(tidak|belum)\b", text):
        all_reached = True
    return counts, all_reached


@dataclass(frozen=True)
class Passage:
    """A paragraph of running text (emphasis marks dropped), with the heading it stands under and its place."""

    section: str
    where: str  # "halaman 12" or "baris 80"
    text: str


def running_text(document: Document):
    """The document's paragraphs that are not headings, each with the last heading above it (`heading`)."""
    section = ""
    for block in document.blocks:
        if not isinstance(block, Paragraph):
            continue
        text = " ".join(block.text.replace("\t", " ").replace("**", "").split())
        if len(text) <= MAX_HEADING and not text.endswith((".", ":", ";", ",")):
            section = heading(text) or section
            continue
        where = f"halaman {block.page}" if block.page else f"baris {block.line}" if block.line else ""
        yield Passage(section, where, text)


def quoted(sentence: str) -> str:
    return sentence if len(sentence) <= MAX_QUOTE else sentence[:MAX_QUOTE - 1] + "…"


def year_claims(document: Document) -> list[Claim]:
    """Every sentence of the running text that states a count for the year, with the heading it stands under."""
    claims: list[Claim] = []
    for passage in running_text(document):
        for sentence in sentences(passage.text):
            counts, all_reached = sentence_claim(sentence)
            if counts or all_reached:
                ordered = {key: counts[key] for key in KLAIM_COUNTS if key in counts}
                claims.append(Claim(quoted(sentence), passage.section, passage.where, ordered, all_reached))
    return claims


# ---------------------------------------------------------------------------------------------------------------
# The year's budget totals stated in running text
# ---------------------------------------------------------------------------------------------------------------

_MONEY = re.compile(r"\brp\.?\s*(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?:,-)?", re.IGNORECASE)
_ABSORPTION = re.compile(r"(?:penyerapan|serapan|terserap)[^.\d%]{0,60}?(\d{1,3}(?:,\d{1,4})?)\s*(%|persen\b)?")


@dataclass
class TextTotal:
    """The year's budget as one sentence of the running text states it, each figure with its printed form."""

    quote: str
    section: str
    where: str
    figures: dict[str, tuple[Decimal, str]] = field(default_factory=dict)  # pagu/realisasi/penyerapan -> (value, printed)


def budget_sentence(sentence: str, year: int | None = None) -> dict[str, tuple[Decimal, str]]:
    """The year's pagu, realisasi and penyerapan a sentence states ("… APBD Tahun 2022 berjumlah Rp 6.151.520.858,00
    terealisasi Rp. 4.924.825.264 …"), each as printed. Only a sentence about the whole year's funds (kosakata
    klaim: total), not one about a type of spending or a part; an amount is a pagu or a realisasi by the nearest word
    before it, and none after a word such as sisa, efisiensi, kenaikan or another year. Two different amounts of
    one kind (sources of funds, a breakdown) give neither; a realisasi above its pagu gives nothing."""
    if len(sentence) > MAX_SENTENCE:
        return {}
    text = " ".join(sentence.split())
    words = vocabulary()["klaim"]
    lowered = text.lower()
    if not re.search(words["total"], lowered) or re.search(words["bagian"], lowered) or \
            re.match(words["bukan_total"], lowered):
        return {}
    scan = re.sub(r"\btahun anggaran\b", lambda m: "t" * len(m.group(0)), lowered)  # a fiscal year, not a pagu
    kinds = [(kind, re.compile(words[f"uang_{kind}"])) for kind in ("realisasi", "pagu", "lain")]
    found: dict[str, list[tuple[Decimal, str]]] = {}
    for match in _MONEY.finditer(text):
        window = scan[max(0, match.start() - 80):match.start()]
        other_year = [y for y in re.findall(r"\b(?:19|20)\d\d\b", window) if year is None or int(y) != year]
        nearest = max(((m.end(), kind) for kind, pattern in kinds for m in pattern.finditer(window)), default=None)
        value = parse_number(match.group(1), money=True)
        if nearest and nearest[1] != "lain" and not other_year and value is not None:
            found.setdefault(nearest[1], []).append((value, match.group(0).strip()))
    absorption = _ABSORPTION.search(lowered)
    if absorption and found:
        value = parse_number(absorption.group(1))
        if value is not None and value <= 100:
            found.setdefault("penyerapan", []).append((value, text[absorption.start(1):absorption.end()].strip()))
    figures = {kind: values[0] for kind, values in found.items() if len({v for v, _ in values}) == 1}
    if "pagu" in figures and "realisasi" in figures and figures["realisasi"][0] > figures["pagu"][0]:
        return {}
    return figures if "pagu" in figures or "realisasi" in figures else {}


def year_totals(document: Document, year: int | None = None) -> list[TextTotal]:
    """Every sentence of the running text that states the year's budget totals, with the heading above it."""
    return [TextTotal(quoted(sentence), passage.section, passage.where, figures)
            for passage in running_text(document) for sentence in sentences(passage.text)
            if (figures := budget_sentence(sentence, year))]


# ---------------------------------------------------------------------------------------------------------------
# The year's IKM and AKIP values stated in running text
# ---------------------------------------------------------------------------------------------------------------

_INDEX_VALUE = re.compile(r"(\d{2,3},\d{1,2}|\d{2,3}\.\d{1,2})(?!\d)")
_GRADE = re.compile(r"\b(?:predikat|kategori|mutu)\s*[\"“(]?\s*(AA|A|BB|B|CC|C|D)\b")


@dataclass
class TextIndex:
    """An index value (IKM, AKIP) one sentence of the running text states for the report's year."""

    index: str  # ikm or akip
    value: Decimal
    printed: str
    grade: str | None
    section: str
    where: str


def index_sentence(sentence: str, year: int | None = None) -> dict[str, tuple[Decimal, str, str | None]]:
    """{"ikm"|"akip": (value, printed, printed grade code or None)}: the first decimal number within 60 characters
    after the index's name ("nilai LAKIP 70,20", "Indeks Kepuasan Masyarakat (IKM) mencapai 88,12"), unless a target
    or another year comes between (a sentence comparing years gives only its own year's value)."""
    if len(sentence) > MAX_SENTENCE:
        return {}
    text = " ".join(sentence.split())
    words = vocabulary()["klaim"]
    if re.search(r"\brealisasi(nya)?\b", text, re.IGNORECASE):
        return {}  # "capaian … adalah sebesar 72,60. Realisasi sebesar 70,20": which figure is the value is unclear
    found: dict[str, tuple[Decimal, str, str | None]] = {}
    for index, name in words["indeks"].items():
        for match in re.finditer(name, text, re.IGNORECASE):
            after = text[match.end():match.end() + 60]
            number = _INDEX_VALUE.search(after)
            if not number:
                continue
            between = after[:number.start()].lower()
            years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", text[max(0, match.start() - 40):match.end()]
                                                                            + between)]
            if re.search(words["bukan_nilai"], between) or any(y != year for y in years if year is not None):
                continue
            value = parse_number(number.group(1))
            low, high = words["rentang"][index]
            if value is None or not low <= value <= high:
                continue
            grade = _GRADE.search(text[match.end():]) if index == "akip" else None
            found.setdefault(index, (value, number.group(1), grade.group(1) if grade else None))
    return found


def year_indices(document: Document, year: int) -> list[TextIndex]:
    """Every IKM or AKIP value the running text states for the report's year, with the heading above it."""
    out: list[TextIndex] = []
    for passage in running_text(document):
        text = passage.text.replace("*", "")
        if re.search(r"\brealisasi(nya)?\b", text, re.IGNORECASE):
            continue  # "… adalah sebesar 72,60. Realisasi sebesar 70,20": which figure is the value is unclear
        for sentence in sentences(text):
            for index, (value, printed, grade) in index_sentence(sentence, year).items():
                out.append(TextIndex(index, value, printed, grade, passage.section, passage.where))
    return out
