"""Numbers typed into the editor, read the way a reader of the document's language reads them.

In a Vietnamese document "31.597" is thirty-one thousand and "101,2" is a hundred and one point two;
in an English one "31,597" and "101.2". Babel's ``parse_decimal`` knows both; the model keeps ints
where the number is whole so that files stay tidy.
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import NumberFormatError, parse_decimal

from ..l10n.formatting import format_number
from ..l10n.i18n import gettext as _
from ..model import Number


class NumberInputError(ValueError):
    """The text is not a number in the document's language; ``str()`` says why and what was meant."""


def _locale(language: str) -> str:
    return "vi" if language == "vi" else "en"


def parse_number(text: str, language: str) -> Number | None:
    """The number in ``text`` (None for an empty cell); NumberInputError with a suggestion otherwise."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").rstrip("%")
    if not cleaned or cleaned in ("—", "-"):
        return None
    try:
        value: Decimal = parse_decimal(cleaned, locale=_locale(language), strict=True)
    except NumberFormatError as error:
        hint = ""
        suggestions = getattr(error, "suggestions", None) or []
        if suggestions:
            hint = " " + _("Did you mean {suggestion}?").format(suggestion=" / ".join(suggestions))
        raise NumberInputError(_("\"{text}\" is not a number.").format(text=text.strip()) + hint) from None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def format_for_editing(value: Number | None, language: str) -> str:
    """The text an editor starts with: the number as the document writes it, all decimals kept."""
    if value is None:
        return ""
    return format_number(value, language, max_decimals=6)
