"""The task follow-up list as a worksheet (openpyxl): one row per task, ready to filter, sort and print.

The words are those of the DOCX (``task_words.task_list_text``); what a spreadsheet adds is kept as values:
deadlines are date cells, the days overdue a number, so that an office can sort and count them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..formulas import looks_like_formula
from ..model import TaskStatus
from ..storage.task_register import TaskRegister
from .task_words import TaskListText, TaskRow

DATE_FORMAT = "dd/mm/yyyy"
_RED = "C00000"
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_OVERDUE_FILL = PatternFill("solid", fgColor="FFC7CE")
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_SHEET_NAME_FORBIDDEN = re.compile(r"[:\\/?*\[\]]")


@dataclass(frozen=True)
class _Column:
    """A worksheet column: its label's name in the template, the cell value, and its width bounds."""

    label: str
    value: Callable[[TaskRow], object]
    min_width: float
    max_width: float
    wrap: bool = True
    number_format: str | None = None
    horizontal: str | None = None


_COLUMNS = (
    _Column("number_column", lambda row: row.number, 5, 6, wrap=False, number_format="0", horizontal="center"),
    _Column("task_column", lambda row: row.task, 24, 60),
    _Column("unit_column", lambda row: row.unit, 16, 32),
    _Column("deadline_column", lambda row: row.deadline, 11, 12, wrap=False, number_format=DATE_FORMAT,
            horizontal="center"),
    _Column("status_column", lambda row: row.status_text, 14, 26),
    _Column("days_overdue_column", lambda row: row.days_overdue, 9, 10, number_format="0", horizontal="right"),
    _Column("given_column", lambda row: row.given_at, 18, 40),
    _Column("progress_column", lambda row: row.progress, 14, 40),
    _Column("file_column", lambda row: row.given_file, 16, 44),
)
_STATUS_INDEX = next(i for i, c in enumerate(_COLUMNS) if c.label == "status_column")


def write_task_xlsx(words: TaskListText, register: TaskRegister, language: str) -> bytes:
    """The .xlsx bytes: a bold header row with filters, frozen below it, one row per task."""
    p = words.phrases
    book = Workbook()
    sheet = book.active
    sheet.title = _sheet_title(p.sheet_name)
    book.properties.creator = book.properties.lastModifiedBy = "Thư Ký"
    book.properties.title = words.title
    book.properties.language = "vi-VN" if language == "vi" else "en-GB"

    labels = [str(getattr(p, column.label)) for column in _COLUMNS]
    for index, label in enumerate(labels, start=1):
        cell = sheet.cell(row=1, column=index)
        set_value(cell, label)  # an office's template words the labels
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)

    for row_index, row in enumerate(words.rows, start=2):
        for index, column in enumerate(_COLUMNS, start=1):
            cell = sheet.cell(row=row_index, column=index)
            set_value(cell, column.value(row))
            cell.border = _BORDER
            cell.alignment = Alignment(vertical="top", wrap_text=column.wrap, horizontal=column.horizontal)
            if column.number_format:
                cell.number_format = column.number_format
        if row.status is TaskStatus.OVERDUE:
            status = sheet.cell(row=row_index, column=_STATUS_INDEX + 1)
            status.font = Font(bold=True, color=_RED)
            status.fill = _OVERDUE_FILL

    for index, column in enumerate(_COLUMNS, start=1):
        texts = [labels[index - 1]] + [_as_text(column.value(row)) for row in words.rows]
        sheet.column_dimensions[get_column_letter(index)].width = _width(texts, column)

    last = f"{get_column_letter(len(_COLUMNS))}{max(len(words.rows) + 1, 1)}"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{last}"
    _page_setup(sheet, words)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def set_value(cell: Cell, value: object) -> None:
    """Text is always a string cell, never a formula: text a spreadsheet would read as one is marked
    as typed with a leading apostrophe (Excel's quotePrefix), which shows it unchanged and keeps it
    text when edited. Numbers and dates stay values; characters XML cannot hold are dropped."""
    if not isinstance(value, str):
        cell.value = value
        return
    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    if not text:
        cell.value = None
        return
    cell.value = text
    cell.data_type = "s"
    if looks_like_formula(text):
        cell.quotePrefix = True


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return "00/00/0000" if hasattr(value, "year") else str(value)  # a date shows as dd/mm/yyyy


def _width(texts: list[str], column: _Column) -> float:
    """Characters wide: the longest line, within the column's bounds (longer text wraps); a header
    wraps too, but not inside a word."""
    longest = max((len(line) for text in texts[1:] for line in text.splitlines()), default=0)
    header_word = max((len(word) for word in texts[0].split()), default=0)
    return float(min(max(longest + 2, header_word + 2, column.min_width), column.max_width))


def _sheet_title(name: str) -> str:
    """A name Excel accepts: at most 31 characters, none of : \\ / ? * [ ]."""
    cleaned = _SHEET_NAME_FORBIDDEN.sub(" ", name).strip().strip("'")[:31]
    return cleaned or "Sheet1"


HEADER_TAIL = 30  # what the folder line ends with: " — tính đến ngày 29/11/2026"


def _header_part(text: str, limit: int) -> str:
    """``text`` for one part of the page header, at most ``limit`` characters: a long folder name is cut in
    the middle ("Thư mục: Phòng Nội vụ … — tính đến ngày …"), so that the date stays. Excel refuses a header
    over 255 characters in all (it offers to repair the file), and a left part much over a third of the page
    runs into the centred title. "&" starts a code there, so it is doubled."""
    if len(text) > limit:
        tail = min(HEADER_TAIL, (limit - 1) // 2)
        text = text[:limit - 1 - tail].rstrip() + "…" + text[-tail:]
    return text.replace("&", "&&")


def _page_setup(sheet: Worksheet, words: TaskListText) -> None:
    """Printed on landscape A4, as wide as the page, the header row on every page, the title above."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.oddHeader.center.text = _header_part(words.title, 80)
    sheet.oddHeader.center.size = 12
    sheet.oddHeader.left.text = _header_part(words.folder_line, 80)
    sheet.oddFooter.right.text = "&P/&N"
