"""Numbers as Vietnamese statistics sheets write them: "31.597", "101,2%", "926 tỷ 147 triệu", "1,5 triệu".

Plain numbers go through Babel's ``parse_decimal`` for the locale (strict, so "1.5" in Vietnamese is
refused rather than read as 15); money words are summed in đồng and then expressed in the
indicator's unit when that unit is itself a scale of đồng ("tỷ đồng").
"""

from __future__ import annotations

import re
from decimal import Decimal

from babel.numbers import NumberFormatError, parse_decimal

from ..model import Number
from .headers import fold, normalise

# Cells that say "no figure" in official tables.
_EMPTY_MARKS = {"", "-", "–", "—", "x", "..", "...", "n/a"}
_SCALES = {"ty": Decimal(10) ** 9, "trieu": Decimal(10) ** 6, "nghin": Decimal(10) ** 3, "ngan": Decimal(10) ** 3,
           "dong": Decimal(1), "d": Decimal(1)}
_MONEY_PART = re.compile(r"\s*([-+]?\d[\d.,]*)\s*(ty|trieu|nghin|ngan)?\s*")
_SPACE_IN_DIGITS = re.compile(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)")


class NotANumber(ValueError):
    """The text is not a number in the expected locale."""


def is_blank(value: object) -> bool:
    """True for an empty cell or a dash that means "no figure"."""
    return value is None or (isinstance(value, str) and value.strip().casefold() in _EMPTY_MARKS)


def _to_number(value: Decimal) -> Number:
    return int(value) if value == value.to_integral_value() else float(value)


def _decimal(text: str, locale: str) -> Decimal:
    text = _SPACE_IN_DIGITS.sub("", text.strip())
    try:
        return parse_decimal(text, locale=locale, strict=True)
    except NumberFormatError as error:
        raise NotANumber(text) from error


def unit_scale(unit: str) -> Decimal:
    """How many đồng one unit is worth: "tỷ đồng" → 10⁹, "triệu đồng" → 10⁶; 1 for anything else."""
    words = normalise(unit).split()
    if len(words) == 2 and words[1] in ("dong", "d") and words[0] in _SCALES:
        return _SCALES[words[0]]
    return Decimal(1)


def parse_number(value: object, locale: str = "vi", unit: str = "") -> Number | None:
    """A cell as a number, or None when blank; raises NotANumber.

    Numeric cells pass through; text may carry a trailing "%" or Vietnamese money words.
    """
    if isinstance(value, bool):
        raise NotANumber(str(value))
    if isinstance(value, int | float):
        return value
    if is_blank(value):
        return None
    text = str(value).strip().replace("\u00a0", " ")
    if text.endswith("%"):
        return _to_number(_decimal(text[:-1], locale))
    folded = fold(text)
    if not re.search(r"[a-z]", folded):
        return _to_number(_decimal(text, locale))
    return _money(text, folded, locale, unit)


def _money(text: str, folded: str, locale: str, unit: str) -> Number:
    """ "926 tỷ 147 triệu (đồng)" → đồng, divided by the unit's scale."""
    body = re.sub(r"\s*(dong|d)\s*$", "", folded)
    position, total = 0, Decimal(0)
    while position < len(body):
        match = _MONEY_PART.match(body, position)
        if not match or not match.group(2) and match.end() < len(body):
            raise NotANumber(text)
        total += _decimal(match.group(1), locale) * _SCALES[match.group(2) or "dong"]
        position = match.end()
    if position == 0:
        raise NotANumber(text)
    return _to_number(total / unit_scale(unit))
