"""Rows of a sheet as the user sees them: ``(row number, cells)`` from .xlsx or .csv."""

from __future__ import annotations

import csv
import io
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import MinutesError
from ..l10n.i18n import gettext as _

# Encodings tried in order for CSV: UTF-8 (with or without BOM), then what Vietnamese Windows writes.
_ENCODINGS = ("utf-8-sig", "cp1258", "cp1252")


class ImportFileError(MinutesError):
    """The spreadsheet cannot be read, or has no row of recognisable headers."""


Row = tuple[int, list[object]]


def read_rows(path: Path, sheet: str | None = None) -> list[Row]:
    """Every non-empty row with its 1-based number as the spreadsheet shows it."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportFileError(_("{path}: no such file").format(path=path))
    if suffix in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(path, sheet)
    elif suffix in (".csv", ".txt"):
        rows = _csv_rows(path)
    else:
        raise ImportFileError(_("{path}: only .xlsx and .csv files can be imported").format(path=path))
    return [(number, cells) for number, cells in rows if any(_present(cell) for cell in cells)]


def _present(cell: object) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def _xlsx_rows(path: Path, sheet: str | None) -> Iterator[Row]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
        raise ImportFileError(_("{path}: not a readable .xlsx file ({reason})").format(path=path, reason=error)) \
            from error
    try:
        if sheet is None:
            worksheet = book.worksheets[0]
        elif sheet in book.sheetnames:
            worksheet = book[sheet]
        else:
            raise ImportFileError(_("{path}: there is no sheet named {sheet}; the sheets are: {names}").format(
                path=path, sheet=sheet, names=", ".join(book.sheetnames)))
        # Some programs write a wrong <dimension>; read every row that is there instead.
        worksheet.reset_dimensions()
        rows = [(number, [_cell_value(cell) for cell in cells]) for number, cells in
                enumerate(worksheet.iter_rows(min_row=1), start=1)]
    finally:
        book.close()
    return iter(rows)


def _cell_value(cell: object) -> object:
    """The value the user reads: a cell formatted as a percentage shows 1.012 as 101,2%."""
    value = getattr(cell, "value", None)
    if isinstance(value, int | float) and not isinstance(value, bool) and "%" in (
            getattr(cell, "number_format", "") or ""):
        return round(value * 100, 10)
    return value


def decode_text(data: bytes) -> str:
    """Text of a file typed on any office computer: UTF-8 (with or without BOM), else Vietnamese Windows."""
    for encoding in _ENCODINGS:
        try:
            # cp1258 writes tone marks as combining characters; NFC makes "Kế hoạch" one form again.
            return unicodedata.normalize("NFC", data.decode(encoding))
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace")  # unreachable in practice: cp1252 maps nearly every byte


def _delimiter(text: str) -> str:
    sample = text[:8192]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        # Count outside quotes is overkill here: the separator is the commoner one on the first lines.
        head = "\n".join(sample.splitlines()[:10])
        return ";" if head.count(";") > head.count(",") else ","


def _csv_rows(path: Path) -> Iterator[Row]:
    text = decode_text(path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    # Numbered by record, as a spreadsheet program shows the file (a quoted line break stays in its cell).
    for number, cells in enumerate(reader, start=1):
        yield number, list(cells)
