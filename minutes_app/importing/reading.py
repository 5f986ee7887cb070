"""Rows of a sheet as the user sees them: ``(row number, cells)`` from .xlsx or .csv."""

from __future__ import annotations

import codecs
import csv
import io
import operator
import unicodedata
import zipfile
from collections.abc import Iterator
from itertools import repeat
from pathlib import Path

from ..errors import MinutesError
from ..l10n.file_problems import unreadable
from ..l10n.i18n import gettext as _
from ..safe_io import read_regular

# Encodings tried in order for CSV: UTF-8 (with or without BOM), then what Vietnamese Windows writes.
_ENCODINGS = ("utf-8-sig", "cp1258", "cp1252")

# A sheet comes from outside (email, a shared drive): every size is bounded before or while reading it.
MAX_FILE_BYTES = 20 * 1024 * 1024  # on disk
MAX_EXPANDED_BYTES = 32 * 1024 * 1024  # an .xlsx unzipped; a sheet of 10,000 people is a few MB
MAX_ROWS = 10_000  # non-empty rows: far beyond any meeting, and well inside a meeting file's limit
MAX_SHEET_ROWS = 100_000  # rows read, empty ones included (a cell far down makes the reader walk to it)
MAX_COLUMNS = 200
MAX_CELL_CHARS = 32_767  # Excel's own limit for a cell
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")  # no spreadsheet program writes a DTD: an XXE or entity bomb


class ImportFileError(MinutesError):
    """The spreadsheet cannot be read, or has no row of recognisable headers."""


Row = tuple[int, list[object]]


def read_rows(path: Path, sheet: str | None = None) -> list[Row]:
    """Every non-empty row with its 1-based number as the spreadsheet shows it."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv", ".txt"):
        if not path.is_file():
            raise ImportFileError(_("{path}: no such file").format(path=path))
        raise ImportFileError(_("{path}: only .xlsx and .csv files can be imported").format(path=path))
    data = _read_file(path)
    rows = _xlsx_rows(path, data, sheet) if suffix in (".xlsx", ".xlsm") else _csv_rows(path, data)
    kept: list[Row] = []
    for number, cells in rows:
        if not any(_present(cell) for cell in cells):
            continue
        for cell in cells:
            if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
                raise ImportFileError(_("{path}, row {row}: a cell holds {count} characters; the limit is "
                                        "{limit}").format(path=path, row=number, count=f"{len(cell):,}",
                                                          limit=f"{MAX_CELL_CHARS:,}"))
        kept.append((number, cells))
        if len(kept) > MAX_ROWS:
            raise ImportFileError(_("{path}: more than {limit} rows; a meeting cannot hold that many. Import "
                                    "the rows in parts.").format(path=path, limit=f"{MAX_ROWS:,}"))
    return kept


def _read_file(path: Path) -> bytes:
    try:
        return read_regular(path, MAX_FILE_BYTES)
    except OSError as error:
        raise ImportFileError(unreadable(path, error)) from None


def _present(cell: object) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def _check_package(path: Path, data: bytes) -> None:
    """Refuse, before any XML is parsed, an .xlsx that would expand too far or that declares a DTD."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            expanded = sum(member.file_size for member in members)
            if expanded > MAX_EXPANDED_BYTES:
                raise ImportFileError(_("{path}: the file would expand to {size} MB; the limit is {limit} MB").format(
                    path=path, size=round(expanded / 1024 / 1024, 1), limit=MAX_EXPANDED_BYTES // 1024 // 1024))
            for member in members:
                if member.filename.endswith((".xml", ".rels")) and _declares_dtd(archive, member):
                    raise ImportFileError(_("{path}: {part} declares a DTD or entities, which no spreadsheet "
                                            "program writes; it is not read").format(path=path, part=member.filename))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise ImportFileError(_("{path}: not a readable .xlsx file ({reason})").format(
            path=path, reason=str(error) or type(error).__name__)) from None


def _declares_dtd(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(1 << 20):
            window = tail + chunk
            if any(marker in window for marker in _DTD_MARKERS):
                return True
            tail = window[-16:]
    return False


def _xlsx_rows(path: Path, data: bytes, sheet: str | None) -> Iterator[Row]:
    from openpyxl import load_workbook
    from openpyxl.cell.read_only import EMPTY_CELL

    _check_package(path, data)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except MemoryError:
        raise
    except Exception as error:  # noqa: BLE001 - a hostile package fails in many ways inside openpyxl
        raise ImportFileError(_("{path}: not a readable .xlsx file ({reason})").format(
            path=path, reason=str(error) or type(error).__name__)) from None
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
        rows = []
        for number, cells in enumerate(worksheet.iter_rows(min_row=1, max_col=MAX_COLUMNS), start=1):
            if number > MAX_SHEET_ROWS:
                raise ImportFileError(_("{path}: the sheet goes on past row {limit}; a meeting's sheet is much "
                                        "shorter").format(path=path, limit=f"{MAX_SHEET_ROWS:,}"))
            if not all(map(operator.is_, cells, repeat(EMPTY_CELL))):  # a row of nothing, skipped at C speed
                rows.append((number, [_cell_value(cell) for cell in cells]))
    except (ImportFileError, MemoryError):
        raise
    except Exception as error:  # noqa: BLE001 - as above: broken XML inside the package
        raise ImportFileError(_("{path}: not a readable .xlsx file ({reason})").format(
            path=path, reason=str(error) or type(error).__name__)) from None
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
    """Text of a file typed on any office computer: UTF-16 with or without BOM (Excel's "Unicode text"),
    UTF-8 with or without BOM, else Vietnamese Windows."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings: tuple[str, ...] = ("utf-16",)  # Excel's "Unicode text": UTF-16 with a BOM, tab-separated
    elif b"\x00" in data[:400]:
        encodings = ("utf-16-le",) if data[1:400:2].count(0) > data[0:400:2].count(0) else ("utf-16-be",)
    else:
        encodings = _ENCODINGS
    for encoding in encodings:
        try:
            # cp1258 writes tone marks as combining characters; NFC makes "Kế hoạch" one form again.
            return unicodedata.normalize("NFC", data.decode(encoding))
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace")  # cp1252 maps nearly every byte; UTF-16 gone wrong ends here


def _delimiter(text: str) -> str:
    sample = text[:8192]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        # Count outside quotes is overkill here: the separator is the commoner one on the first lines.
        head = "\n".join(sample.splitlines()[:10])
        if head.count("\t") > max(head.count(";"), head.count(",")):
            return "\t"
        return ";" if head.count(";") > head.count(",") else ","


def _csv_rows(path: Path, data: bytes) -> Iterator[Row]:
    text = decode_text(data).lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    # Numbered by record, as a spreadsheet program shows the file (a quoted line break stays in its cell).
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            yield number, list(cells)
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise ImportFileError(_("{path}, row {row}: a cell is longer than {limit} characters").format(
                path=path, row=number + 1, limit=f"{csv.field_size_limit():,}")) from None
        raise ImportFileError(_("{path}, row {row}: {reason}").format(path=path, row=number + 1, reason=error)) \
            from None
