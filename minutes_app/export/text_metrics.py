"""How wide a line of text prints, without the font at hand: the DOCX writer sizes rules and columns by it,
and the task list its columns."""

from __future__ import annotations

import functools
import unicodedata

# Advance widths (1/1000 em) of Times New Roman for " " … "~" (Liberation Serif has the same metrics),
# regular and bold: enough to size a rule to a line of text without the font at hand.
_WIDTHS_REGULAR = (
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500,
    500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722,
    611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444,
    500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722,
    500, 500, 444, 480, 200, 480, 541)
_WIDTHS_BOLD = (
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500,
    500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778,
    667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500,
    556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722,
    500, 500, 444, 394, 220, 394, 520)


@functools.lru_cache(maxsize=4096)
def text_width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """The printed width of one line of Times New Roman; Vietnamese letters measure as their base."""
    table = _WIDTHS_BOLD if bold else _WIDTHS_REGULAR
    total = 0
    for char in text:
        base = unicodedata.normalize("NFD", char)[0]
        base = {"Đ": "D", "đ": "d"}.get(base, base)
        code = ord(base)
        total += table[code - 32] if 32 <= code < 127 else 500
    return total / 1000 * size_pt * 25.4 / 72
