"""Spreadsheets made the way offices make them, for the import tests."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], title: str = "Sheet1",
               extra_sheets: dict[str, Sequence[Sequence[object]]] | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for name, more in (extra_sheets or {}).items():
        other = book.create_sheet(name)
        for row in more:
            other.append(list(row))
    book.save(path)
    return path


def csv_text(rows: Sequence[Sequence[object]], delimiter: str) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def write_csv(path: Path, rows: Sequence[Sequence[object]], delimiter: str = ",", encoding: str = "utf-8") -> Path:
    text = csv_text(rows, delimiter)
    data = to_cp1258(text) if encoding == "cp1258" else text.encode(encoding)
    path.write_bytes(data)
    return path


def to_cp1258(text: str) -> bytes:
    """Vietnamese in Windows-1258: base letters with â ê ô ă ơ ư precomposed, tone marks combining."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        letter, marks = parts[0], parts[1:]
        for mark in marks:  # the vowel mark (^, ˘, horn) composes; the tone mark stays combining
            composed = unicodedata.normalize("NFC", letter + mark)
            try:
                composed.encode("cp1258")
            except UnicodeEncodeError:
                continue
            if len(composed) == 1:
                letter, marks = composed, marks.replace(mark, "")
                break
        out += (letter + marks).encode("cp1258")
    return bytes(out)
