"""Rounding and Indonesian display formats, in one place.

Rounding rule (the only one in the project): every derived figure is rounded
half-up to 2 decimals (`round_half_up`), because that is what the reports'
readers do by hand and what PermenPANRB tables show. Figures are kept exact
(Decimal) until that last step. Display: 1.234.567,89; 103,23 %; Rp10.374.789.534.
"""

from __future__ import annotations

import datetime as dt
import urllib.parse
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from babel.dates import format_date

LOCALE = "id_ID"


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def truncate(value: Decimal, places: int = 2) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)


def decimals_of(value: Decimal) -> int:
    """How many decimals a figure was printed with (89.8 -> 1, 103 -> 0, 1.00 -> 2).

    The data keeps them: the YAML loader reads `1.00` as Decimal("1.00").
    """
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


_INDONESIAN_SEPARATORS = str.maketrans(",.", ".,")


def number(value: Decimal | int | float | None, places: int | None = None) -> str:
    """1234567.891 -> '1.234.567,89'. places=None keeps up to 2 decimals, dropping trailing zeros.

    The same output as Babel's id_ID patterns "#,##0.##" / "#,##0.00" (tests/test_compute.py compares them on
    random values), by Python's own formatting: Babel took a fifth of a large build.
    """
    if value is None:
        return "–"
    value = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if places is None:
        text = f"{round_half_up(value):,.2f}".translate(_INDONESIAN_SEPARATORS)
        return text.rstrip("0").rstrip(",")
    return f"{round_half_up(value, places):,.{places}f}".translate(_INDONESIAN_SEPARATORS)


def percent(value: Decimal | None, places: int = 2) -> str:
    """103.2299 -> '103,23 %' (a narrow no-break space keeps the sign on the same line)."""
    if value is None:
        return "–"
    return number(value, places) + "\u202f%"


def rupiah(value: Decimal | int | None) -> str:
    """10374789534 -> 'Rp10.374.789.534' (sen shown only when present)."""
    if value is None:
        return "–"
    value = Decimal(value)
    places = 2 if value != value.to_integral_value() else 0
    sign = "−" if value < 0 else ""
    return f"{sign}Rp{number(abs(value), places)}"


def rupiah_short(value: Decimal | None) -> str:
    """For headlines: Rp10,37 miliar, Rp325,97 juta (the word, not "M", which many read as million)."""
    if value is None:
        return "–"
    value = Decimal(value)
    for size, unit in ((Decimal(10) ** 12, "triliun"), (Decimal(10) ** 9, "miliar"), (Decimal(10) ** 6, "juta")):
        if abs(value) >= size:
            return f"Rp{number(value / size, 2)} {unit}"
    return rupiah(value)


def date(value: dt.date | None) -> str:
    """2024-01-12 -> '12 Januari 2024'."""
    if value is None:
        return "–"
    return format_date(value, format="d MMMM y", locale=LOCALE)


def value_text(value) -> str:
    """A target or realisasi as shown: a number in Indonesian format with the decimals the report printed
    (`1.50` -> "1,50", `0.8599` -> "0,8599": one format per figure, the printed one), a category code as is, "–"
    when missing."""
    if value is None:
        return "–"
    if isinstance(value, Decimal):
        return number(value, decimals_of(value))
    return str(value)


def _exported(value: Decimal) -> Decimal:
    """Whole numbers as whole numbers, anything else rounded half up to two decimals."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else round_half_up(value)



def json_number(value: Decimal | int | None) -> int | float | None:
    """A figure for JSON: a number (whole numbers as integers), null when missing."""
    if value is None:
        return None
    if isinstance(value, int):
        return value
    exported = _exported(value)
    return int(exported) if exported == exported.to_integral_value() else float(exported)


def filesize(size: int) -> str:
    """1536 -> '1,5 KB' (1 KB = 1.024 bita)."""
    for unit, scale in (("MB", 1024 ** 2), ("KB", 1024)):
        if size >= scale:
            return f"{number(Decimal(size) / scale, 1)} {unit}"
    return f"{size} bita"


def web_address_problem(address: str) -> str | None:
    """Why a URL from the data is not one the site links (in Indonesian), or None when it is: parsed by urllib, not
    matched by a pattern; http or https with a host and a valid port; no space, control character, quote, angle
    bracket, backtick or backslash anywhere (each could end the attribute or the link it is written into)."""
    bad = next((c for c in address if c.isspace() or ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 or c in "\"'<>`\\"), None)
    if bad is not None:
        return f"memuat karakter yang tidak boleh ada di alamat web ({bad!r})"
    try:
        parts = urllib.parse.urlsplit(address)
        parts.port  # raises on a port that is not a number from 0 to 65535
    except ValueError as error:
        return f"bukan alamat web yang dapat dibaca ({error})"
    if parts.scheme.lower() not in ("http", "https"):
        return "harus diawali http:// atau https://"
    if not parts.hostname:
        return "tidak memuat nama situs setelah http(s)://"
    return None
