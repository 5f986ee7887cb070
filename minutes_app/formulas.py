"""Text a spreadsheet would read as a formula (OWASP's "CSV injection").

Whatever we hand to Excel or LibreOffice Calc — the XLSX task list, table rows on the clipboard — may hold
text from a file received from outside: ``=HYPERLINK("http://…?d="&B3)`` or ``=cmd|' /C calc'!A0`` must
arrive as the words typed, never as a formula to run. No dependencies: the GUI's start-up imports it.
"""

from __future__ import annotations

import re

# What a spreadsheet may take as the start of a formula; a leading tab or CR is trimmed by some programs
# before they look, so "\t=1+1" counts too.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_NUMBER = re.compile(r"\s*[-+]?[\d.,  ]*\d[\d.,  ]*%?\s*")  # "-2", "+1.234,5", "-12%": a number, as typed
TEXT_MARK = "'"  # typed before a cell's text, it makes Excel and Calc keep the rest as text (and hide the mark)


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` (after any leading spaces) as a formula."""
    return text.lstrip(" ").startswith(FORMULA_STARTS)


def as_pasted_text(text: str) -> str:
    """``text`` as a cell of tab-separated rows for a spreadsheet: marked as text when it looks like a formula
    (a signed number stays a number)."""
    marked = looks_like_formula(text) and not _NUMBER.fullmatch(text) or text.startswith(TEXT_MARK)
    return TEXT_MARK + text if marked else text  # (text that starts with the mark keeps it: one more)


def from_pasted_text(text: str) -> str:
    """The cell ``as_pasted_text`` made, as it was (our own rows pasted back arrive unchanged)."""
    rest = text.removeprefix(TEXT_MARK)
    return rest if rest != text and (looks_like_formula(rest) or rest.startswith(TEXT_MARK)) else text
