"""Numbers in spreadsheet cells: the editor's rule (``l10n.numbers``) for text, numeric cells as they are.

"31.597", "101,2%", "926 tỷ 147 triệu", "1,5 triệu" and "94.5" read as in the editor's cells; money
words are expressed in the indicator's unit when that unit is a scale of đồng ("tỷ đồng").
"""

from __future__ import annotations

from ..l10n.numbers import NumberInputError, unit_scale
from ..l10n.numbers import is_blank as _blank_text
from ..l10n.numbers import parse_number as _parse_text
from ..model import Number

__all__ = ["NotANumber", "is_blank", "parse_number", "unit_scale"]


class NotANumber(ValueError):
    """The text is not a number in the expected locale."""


def is_blank(value: object) -> bool:
    """True for an empty cell or a dash that means "no figure"."""
    return value is None or (isinstance(value, str) and _blank_text(value))


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
    try:
        return _parse_text(str(value), locale, unit)
    except NumberInputError as error:
        raise NotANumber(str(error)) from None
