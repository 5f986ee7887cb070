"""Numbers, money, dates and times in the document's language, through Babel.

Vietnamese uses "." to group and "," for decimals (``31.597``, ``101,2%``). Two rules Babel has no
pattern for live here: money as people write it ("926 tỷ 147 triệu đồng") and the date line of
Nghị định 30/2020 (days below 10 and the months 1 and 2 take a leading zero).
"""

from __future__ import annotations

import datetime as dt
import math
from functools import cache, lru_cache
from types import ModuleType
from typing import TYPE_CHECKING

from ..model import Number

if TYPE_CHECKING:
    from decimal import Context, Decimal

    from babel import Locale
    from babel.numbers import NumberPattern

DASH = "—"  # printed where there is no value (a plan of 0 or missing)
MONEY_UNITS = frozenset({"đồng", "vnđ", "vnd", "đ"})


# Babel is imported at the first figure or date formatted, not with this module: the editor's window imports
# this module and formats nothing before its first frame (Babel's modules were a thirtieth of its start-up).
@cache
def _numbers() -> ModuleType:
    import babel.numbers

    return babel.numbers


@cache
def _dates() -> ModuleType:
    import babel.dates

    return babel.dates


@cache
def _decimal() -> ModuleType:
    import decimal

    return decimal


@cache
def _wide() -> Context:
    # A context wide enough for any float (1e308 has 309 digits): the default 28 digits would raise
    # InvalidOperation on a huge figure typed by mistake instead of printing it.
    return _decimal().Context(prec=400)


def _locale(language: str) -> Locale:
    return _parsed_locale("vi" if language == "vi" else "en")


# Babel parses a locale given by name at every call (an export formats thousands of figures and dates):
# each locale and number pattern is parsed once.
@cache
def _parsed_locale(name: str) -> Locale:
    from babel import Locale

    return Locale.parse(name)


@cache
def _number_pattern(pattern: str) -> NumberPattern:
    return _numbers().parse_pattern(pattern)


def format_number(value: Number | None, language: str, max_decimals: int = 2) -> str:
    """A number with the locale's grouping and at most ``max_decimals`` decimals; "—" for None."""
    if value is None or not _printable(value):
        return DASH
    if type(value) is int:
        return _format_int(value, language, max_decimals)
    return _format_decimal(value, language, max_decimals)


@lru_cache(maxsize=4096)  # counts and days overdue repeat down a list of hundreds of tasks
def _format_int(value: int, language: str, max_decimals: int) -> str:
    return _format_decimal(value, language, max_decimals)


def _format_decimal(value: Number, language: str, max_decimals: int) -> str:
    pattern = _number_pattern("#,##0" + ("." + "#" * max_decimals if max_decimals else ""))
    with _decimal().localcontext(_wide()):  # Babel quantizes in the current context too
        return _numbers().format_decimal(_round(value, max_decimals), format=pattern, locale=_locale(language))


def format_fixed(value: Number | None, language: str, decimals: int) -> str:
    """A number with exactly ``decimals`` decimals ("1,287,412.50")."""
    if value is None or not _printable(value):
        return DASH
    pattern = _number_pattern("#,##0" + ("." + "0" * decimals if decimals else ""))
    with _decimal().localcontext(_wide()):
        return _numbers().format_decimal(_round(value, decimals), format=pattern, locale=_locale(language))


def format_percent(ratio: float | None, language: str, max_decimals: int = 1) -> str:
    """A ratio as a percentage, one decimal where needed: 1.012 → "101,2%", 0.36 → "36%"."""
    if ratio is None or not _printable(ratio):
        return DASH
    return format_number(ratio * 100, language, max_decimals) + "%"


def format_quantity(value: Number | None, unit: str, language: str) -> str:
    """A figure with its unit: "3.325 ha"; money units read as money."""
    if value is None:
        return DASH
    if unit.strip().casefold() in MONEY_UNITS:
        return format_money(value, language)
    if unit.strip() == "%":  # a rate as typed, as the minutes' table prints it ("1,32%", not "1,3%")
        return format_number(value, language) + "%"
    text = format_number(value, language)
    return f"{text} {unit.strip()}" if unit.strip() else text


def format_money(amount: Number | None, language: str) -> str:
    """Money as people write it: "926 tỷ 147 triệu đồng" (vi) or "VND 926,147,000,000" (en)."""
    if amount is None or not _printable(amount):
        return DASH
    if language != "vi":
        return "VND " + format_number(amount, language, 0)
    whole = int(_round(abs(amount), 0))
    sign = "âm " if amount < 0 else ""
    if whole < 1_000_000:
        return f"{sign}{format_number(whole, language, 0)} đồng"
    ty, rest = divmod(whole, 1_000_000_000)
    trieu, rest = divmod(rest, 1_000_000)
    nghin, dong = divmod(rest, 1_000)
    parts: list[str] = []
    for value, word in ((ty, "tỷ"), (trieu, "triệu"), (nghin, "nghìn"), (dong, "")):
        if not value:
            continue
        # After the first group, the groups keep their three digits as written in reports: "026 triệu".
        digits = format_number(value, language, 0) if not parts else f"{value:03d}"
        parts.append(f"{digits} {word}".strip())
    return f"{sign}{' '.join(parts)} đồng"


def format_time_of_day(value: dt.time | None, language: str) -> str:
    """"14 giờ 05" (vi) or "2:05 PM" (en)."""
    if value is None:
        return DASH
    if language == "vi":
        return _dates().format_time(value, "H 'giờ' mm", locale=_parsed_locale("vi"))
    return _dates().format_time(value, "h:mm a", locale=_parsed_locale("en"))


def format_moment(value: dt.datetime, language: str) -> str:
    """A date and time in the interface's short form, for messages: "14:05 29/12/20" (vi),
    "29/12/2020, 14:05" (en: the British form, day first as in Vietnam)."""
    return _dates().format_datetime(value, "short", locale=_parsed_locale("vi" if language == "vi" else "en_GB"))


def nd30_day_month_year(value: dt.date) -> tuple[str, str, str]:
    """Day, month and year as NĐ 30 writes them: days below 10 and months 1–2 padded to two digits."""
    day = f"{value.day:02d}" if value.day < 10 else str(value.day)
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return day, month, str(value.year)


def format_long_date(value: dt.date | None, language: str) -> str:
    """"ngày 05 tháng 01 năm 2021" (NĐ 30) or "5 January 2021"."""
    if value is None:
        return DASH
    if language == "vi":
        day, month, year = nd30_day_month_year(value)
        return f"ngày {day} tháng {month} năm {year}"
    return _dates().format_date(value, "d MMMM y", locale=_parsed_locale("en"))


def format_place_and_date(place: str, value: dt.date | None, language: str) -> str:
    """The place-and-date line of the header: "Lấp Vò, ngày 29 tháng 12 năm 2020"."""
    if value is None:
        # Leave the blanks a secretary fills by hand, as on a printed form.
        date_text = "ngày      tháng      năm" if language == "vi" else "……"
    else:
        date_text = format_long_date(value, language)
    return f"{place}, {date_text}" if place.strip() else date_text[:1].upper() + date_text[1:]


def format_short_date(value: dt.date | None, language: str) -> str:
    """Day and month as news prose writes them: "29/12" (vi), "29 December" (en)."""
    if value is None:
        return DASH
    if language == "vi":
        return _dates().format_date(value, "d/M", locale=_parsed_locale("vi"))
    return _dates().format_date(value, "d MMMM", locale=_parsed_locale("en"))


@lru_cache(maxsize=4096)  # deadlines repeat down a list of tasks
def format_numeric_date(value: dt.date | None, language: str) -> str:
    """A deadline in a table: "31/12/2021" (vi), "31 Dec 2021" (en)."""
    if value is None:
        return DASH
    if language == "vi":
        return _dates().format_date(value, "dd/MM/y", locale=_parsed_locale("vi"))
    return _dates().format_date(value, "d MMM y", locale=_parsed_locale("en"))


def _printable(value: Number) -> bool:
    """Infinities and NaN print as "—", like None (they can only come from a computation gone wrong)."""
    return not isinstance(value, float) or math.isfinite(value)


def _round(value: Number, decimals: int) -> Decimal:
    # Round half up as people do on paper (Babel would otherwise round half to even).
    decimal = _decimal()
    quantum = decimal.Decimal(1).scaleb(-decimals)
    return decimal.Decimal(str(value)).quantize(quantum, rounding=decimal.ROUND_HALF_UP, context=_wide())
