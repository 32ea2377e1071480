"""What a table cell prints: a number exactly as printed, a mark for "not measured", a rating code, or text.

Numbers keep their printed decimals (`87,50` is 87.50, not 87.5): the audit compares the report's own figures at
their printed precision. A "-", "n/a", "NA" or an empty cell is not measured, never 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

NOT_MEASURED = {"", "-", "–", "—", "--", "n/a", "na", "n.a", "n.a.", "#n/a", "tidak ada", "belum ada", "belum diukur"}
RATING_CODES = {"AA", "A", "BB", "B", "CC", "C", "D", "SB", "K", "SK", "T", "ST", "S", "R", "SR"}
RATING_WORDS = ("sangat baik", "baik", "cukup", "kurang", "sangat tinggi", "tinggi", "sedang", "rendah",
                "sangat rendah", "berhasil", "sangat berhasil", "cukup berhasil", "kurang berhasil", "tidak baik",
                "kurang baik", "mandiri", "maju", "berkembang", "tertinggal", "sangat tertinggal")

_INDONESIAN = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")  # 1.234.567,89
_COMMA_DECIMAL = re.compile(r"^\d+,\d+$")  # 89,81
_PLAIN = re.compile(r"^\d+$")
_DOT_DECIMAL = re.compile(r"^\d+\.\d+$")  # 0.7234, 3.5 (a converter's or an English table's decimal point)
_ENGLISH_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")  # 1,234,567.89


@dataclass(frozen=True)
class Printed:
    """One cell as printed: `number` (exact, printed decimals kept) or `code`, or `empty` (not measured)."""

    text: str
    number: Decimal | None = None
    percent: bool = False
    money: bool = False
    code: str | None = None
    empty: bool = False

    @property
    def value(self) -> Decimal | str | None:
        return self.number if self.number is not None else self.code


def read_cell(text: str, money: bool = False) -> Printed:
    """A cell as printed; `money`: the column holds rupiah (its ",00" is formatting, not a printed precision)."""
    raw = " ".join(text.replace("**", "").replace("<b>", "").replace("</b>", "").split())
    lowered = raw.lower().strip(" .*")
    if lowered in NOT_MEASURED:
        return Printed(raw, empty=True)
    body, marked = _strip_money(raw)
    money = money or marked
    body, percent = (body[:-1].strip(), True) if body.endswith("%") else (body, False)
    negative = body.startswith(("-", "−")) and len(body) > 1 or (body.startswith("(") and body.endswith(")"))
    body = body.strip("()").lstrip("-−").strip()
    number = parse_number(body, money)
    if number is not None:
        return Printed(raw, -number if negative else number, percent, money)
    upper = raw.strip(" .()").upper()
    if upper in RATING_CODES:
        return Printed(raw, code=upper)
    if lowered in RATING_WORDS:
        return Printed(raw, code=raw.strip())
    return Printed(raw)


_WITH_UNIT = re.compile(r"^(\d[\d.,]*)\s+([A-Za-z][A-Za-z/ ]{0,24})$")


_WITH_RATING = re.compile(r"^(?:([\d.,]+%?)\s*\(\s*([A-Za-z]{1,2})\s*\)|([A-Za-z]{1,2})\s*\(\s*([\d.,]+%?)\s*\))$")


def read_with_unit(text: str) -> Printed:
    """A figure printed with its unit in the same cell ("15 Kasus", "75 Persen"): the number as printed, the unit
    left to the indicator's satuan. Anything else as read_cell reads it."""
    printed = read_cell(text)
    if printed.number is not None or printed.code is not None or printed.empty:
        return printed
    match = _WITH_UNIT.match(printed.text)
    number = parse_number(match.group(1)) if match else None
    if number is not None:
        return Printed(printed.text, number, percent=match.group(2).strip().lower() in ("persen", "%"))
    rated = _WITH_RATING.match(printed.text)  # "65 (B)", "B (72,59)": the value and its rating code
    if rated and (rated.group(2) or rated.group(3)).upper() in RATING_CODES:
        inner = read_cell(rated.group(1) or rated.group(4))
        if inner.number is not None:
            return Printed(printed.text, inner.number, percent=inner.percent)
    return printed


def _strip_money(text: str) -> tuple[str, bool]:
    match = re.match(r"^(?:Rp\.?|IDR)\s*(.*?)(?:,-)?$", text, re.IGNORECASE)
    if match:
        return match.group(1).strip(), True
    return (text[:-2], True) if text.endswith(",-") else (text, False)


def parse_number(body: str, money: bool = False) -> Decimal | None:
    """A number in the forms reports print; money drops its ",00" (a rupiah figure has no cents to keep)."""
    body = body.replace(" ", "")
    try:
        if _INDONESIAN.match(body):
            value = Decimal(body.replace(".", "").replace(",", "."))
        elif _COMMA_DECIMAL.match(body):
            value = Decimal(body.replace(",", "."))
        elif _PLAIN.match(body):
            value = Decimal(body)
        elif _DOT_DECIMAL.match(body):
            value = Decimal(body)
        elif _ENGLISH_THOUSANDS.match(body):
            value = Decimal(body.replace(",", ""))
        else:
            return None
    except InvalidOperation:
        return None
    if money and value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return value


def looks_numeric(text: str) -> bool:
    printed = read_cell(text)
    return printed.number is not None and not is_year(text)


def is_year(text: str) -> bool:
    stripped = text.strip()
    return bool(re.fullmatch(r"(19|20)\d\d", stripped))


def year_in(text: str) -> int | None:
    match = re.search(r"\b((?:19|20)\d\d)\b", text)
    return int(match.group(1)) if match else None
