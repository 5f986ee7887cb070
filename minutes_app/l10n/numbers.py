"""Numbers as people type them and as statistics sheets write them, read in the document's language.

One rule for the editor's cells and for the spreadsheet import. In a Vietnamese document "31.597" is
thirty-one thousand five hundred and ninety-seven and "101,2" is a hundred and one point two; in an
English one "31,597" and "101.2". A thousands group has three digits, so "94.5" in a Vietnamese
document can only mean 94,5 and is read so. Money is written in words: "926 tỷ 147 triệu", "1,5
triệu" (summed in đồng, then expressed in the unit when the unit is itself a scale of đồng, "tỷ
đồng"). What has no single reading ("1.2.3", "1,234.5.6") is refused with the reason; nothing is
guessed. Whole numbers come back as ``int`` so that files stay tidy.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ..model import Number
from .collation import folded
from .formatting import format_number
from .i18n import gettext as _

# Cells that say "no figure" in official tables.
EMPTY_MARKS = frozenset({"", "-", "–", "—", "x", "..", "...", "n/a"})
SCALES = {"ty": Decimal(10) ** 9, "trieu": Decimal(10) ** 6, "nghin": Decimal(10) ** 3, "ngan": Decimal(10) ** 3,
          "dong": Decimal(1), "d": Decimal(1)}
_MONEY_PART = re.compile(r"\s*([-+]?\d[\d.,]*)\s*(ty|trieu|nghin|ngan)?\s*")
_SPACE_IN_DIGITS = re.compile(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}(?!\d))")
_FIGURE = re.compile(r"[-+\u2212]?\d[\d.,]*")
_GROUPED = re.compile(r"\d{1,3}(?:X\d{3})+")  # X stands for the group sign


class NumberInputError(ValueError):
    """The text is not one number in the document's language; ``str()`` says why (and what was meant)."""


def _signs(language: str) -> tuple[str, str]:
    """(group sign, decimal sign) of the document's language."""
    return (".", ",") if language == "vi" else (",", ".")


def is_blank(text: str) -> bool:
    """True for an empty cell or a mark that means "no figure" ("-", "—", "x")."""
    return text.strip().casefold() in EMPTY_MARKS


def _grouped(whole: str, group: str) -> bool:
    return bool(_GROUPED.fullmatch(whole.replace(group, "X")))


def _figure(text: str, language: str) -> Decimal:
    """One figure with separators, read by the language's rule; NumberInputError when it has no single reading."""
    original = text
    text = _SPACE_IN_DIGITS.sub("", text.strip()).replace("\u2212", "-")
    if not _FIGURE.fullmatch(text):
        raise NumberInputError(_("\"{text}\" is not a number.").format(text=original.strip()))
    sign, digits = ("-", text[1:]) if text[:1] in "+-" else ("", text)
    if digits[:1] == "+":
        digits = digits[1:]
    group = _signs(language)[0]
    dots, commas = digits.count("."), digits.count(",")
    if dots and commas:
        # Both signs: the last one is the decimal sign and occurs once; the other groups thousands.
        point = "." if digits.rfind(".") > digits.rfind(",") else ","
        other = "," if point == "." else "."
        whole, _sep, fraction = digits.rpartition(point)
        if point in whole or not fraction or not _grouped(whole, other):
            raise NumberInputError(_("\"{text}\" mixes \".\" and \",\" in a way that has no single reading.").format(
                text=original.strip()))
        return Decimal(sign + whole.replace(other, "") + "." + fraction)
    separator = "." if dots else "," if commas else ""
    if not separator:
        return Decimal(sign + digits)
    count = dots or commas
    if count > 1:
        if _grouped(digits, separator):  # "1.234.567": only thousands groups
            return Decimal(sign + digits.replace(separator, ""))
        raise NumberInputError(_("\"{text}\" is not a number: a thousands group has three digits.").format(
            text=original.strip()))
    whole, _sep, fraction = digits.partition(separator)
    if not whole or not fraction:
        raise NumberInputError(_("\"{text}\" is not a number.").format(text=original.strip()))
    if separator == group and _grouped(digits, group):
        return Decimal(sign + whole + fraction)  # "31.597" in Vietnamese: a thousands group
    # The decimal sign, or a group sign that cannot group ("94.5": a group has three digits).
    return Decimal(sign + whole + "." + fraction)


def unit_scale(unit: str) -> Decimal:
    """How many đồng one unit is worth: "tỷ đồng" → 10⁹, "triệu đồng" → 10⁶; 1 for anything else."""
    words = re.sub(r"[^0-9a-z]+", " ", folded(unit)).split()
    if len(words) == 2 and words[1] in ("dong", "d") and words[0] in SCALES:
        return SCALES[words[0]]
    return Decimal(1)


def _money(text: str, language: str, unit: str) -> Decimal:
    """ "926 tỷ 147 triệu (đồng)" → đồng, divided by the unit's scale."""
    body = re.sub(r"\s*(dong|d)\s*$", "", folded(text))
    position, total = 0, Decimal(0)
    while position < len(body):
        match = _MONEY_PART.match(body, position)
        if not match or not match.group(2) and match.end() < len(body):
            raise NumberInputError(_("\"{text}\" is not a number.").format(text=text))
        total += _figure(match.group(1), language) * SCALES[match.group(2) or "dong"]
        position = match.end()
    if position == 0:
        raise NumberInputError(_("\"{text}\" is not a number.").format(text=text))
    return total / unit_scale(unit)


def _as_number(value: Decimal) -> Number:
    return int(value) if value == value.to_integral_value() else float(value)


def parse_number(text: str, language: str, unit: str = "") -> Number | None:
    """The number in ``text`` (None for a blank cell); NumberInputError saying why otherwise."""
    cleaned = text.strip().replace("\u00a0", " ")
    if is_blank(cleaned):
        return None
    try:
        if cleaned.endswith("%"):
            return _as_number(_figure(cleaned[:-1].rstrip(), language))
        if re.search(r"[a-z]", folded(cleaned)):
            return _as_number(_money(cleaned, language, unit))
        return _as_number(_figure(cleaned, language))
    except InvalidOperation:
        raise NumberInputError(_("\"{text}\" is not a number.").format(text=cleaned)) from None


def format_for_editing(value: Number | None, language: str) -> str:
    """The text an editor starts with: the number as the document writes it, all decimals kept."""
    return "" if value is None else format_number(value, language, max_decimals=6)
