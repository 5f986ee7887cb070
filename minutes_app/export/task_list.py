"""The task follow-up list of a folder ("danh sách theo dõi nhiệm vụ"): DOCX, XLSX and plain text.

The register (``storage.task_register.collect_tasks``) says which tasks there are and where each stands;
``task_words`` turns it into rows of text, and this module lays them out:
a landscape A4 table for the DOCX writer (any writer of the intermediate document takes it), a worksheet
(``task_xlsx``), or aligned lines for a terminal.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import ExportError
from ..l10n.formatting import format_number
from ..l10n.i18n import gettext as _
from ..model import TaskStatus
from ..storage import write_bytes_atomically
from ..storage.task_register import TaskRegister
from ..task_table import folder_name, task_lines
from .document import Align, Column, Document, Paragraph, Run, Table, TableRow, Title
from .options import ExportOptions
from .registry import render_document
from .task_words import TaskRow, task_list_text
from .text_metrics import text_width_mm

TASK_LIST_FORMATS = ("docx", "xlsx")

# Columns of the DOCX table, in mm of a landscape A4's 252 mm text width (the writer scales them to the
# page): STT is fixed, the deadline and the status as wide as their texts; the other columns share the rest
# by how much they hold, within bounds.
_NUMBER_MM, _STATUS_MM = 11, (30, 42)  # a status on one line when it fits in 42 mm
_TEXT_SIZE_PT, _CELL_MARGINS_MM = 12.0, 4.0  # the reference's table text; a deadline never wraps
_TEXT_MM = {"task": (50, 95), "unit": (34, 52), "given": (36, 62), "progress": (30, 62)}
_TEXT_WIDTH_MM = 252


def build_task_list(register: TaskRegister, language: str, options: ExportOptions | None = None) -> Document:
    """The list as an intermediate document (kind "tasks", landscape): title, folder and date, counts, table."""
    words = task_list_text(register, language, options)
    p = words.phrases
    document = Document(kind="tasks", language=language, title=f"{words.title} – {folder_name(register.folder)}",
                        created=dt.datetime.combine(register.today, dt.time()), landscape=True)
    document.add(
        Title(words.title, rule=False),
        Paragraph([Run(words.folder_line, italic=True)], align=Align.CENTER, indent_first_line=False),
        Paragraph([Run(words.counts_line)], align=Align.CENTER, indent_first_line=False),
    )
    if not words.rows:
        return document
    widths = _column_widths(words.rows)
    columns = [
        Column(p.number_column, widths["number"], Align.CENTER),
        Column(p.task_column, widths["task"]),
        Column(p.unit_column, widths["unit"]),
        Column(p.deadline_column, widths["deadline"], Align.CENTER),
        Column(p.status_column, widths["status"]),
        Column(p.given_column, widths["given"]),
        Column(p.progress_column, widths["progress"]),
    ]
    table = Table(columns)
    for row in words.rows:
        status: list[Run] = [Run(row.status_text, bold=row.status is TaskStatus.OVERDUE)]
        table.rows.append(TableRow([format_number(row.number, language, 0), row.task, row.unit,
                                    row.deadline_text, status, row.given_at, row.progress]))
    document.add(table)
    return document


def _column_widths(rows: list[TaskRow]) -> dict[str, float]:
    """Widths (mm) of the columns. The deadline is as wide as its longest date ("14 Mar 2025" on one
    line), the status as its longest within bounds; the text columns share the rest in proportion to
    their mean length, so that a row's cells wrap to about as many lines each (a long meeting title does
    not make a short task's row three lines tall). A column held at a bound gives its share back."""
    deadline = max((text_width_mm(row.deadline_text, _TEXT_SIZE_PT) for row in rows), default=0.0)
    status = max((text_width_mm(row.status_text, _TEXT_SIZE_PT, row.status is TaskStatus.OVERDUE) for row in rows),
                 default=0.0)
    fixed = {"number": _NUMBER_MM, "deadline": max(deadline + _CELL_MARGINS_MM, 20.0),
             "status": min(max(status + _CELL_MARGINS_MM, _STATUS_MM[0]), _STATUS_MM[1])}
    lengths = {
        "task": [round(len(row.task) * 1.25) for row in rows],  # the list's main column: fewer breaks
        "unit": [len(row.unit) for row in rows],
        "given": [len(row.given_at) for row in rows],
        "progress": [len(row.progress) for row in rows],
    }
    # Over the cells that hold something: an empty cell makes no row taller.
    means = {name: max(sum(values) / max(sum(v > 0 for v in values), 1), 1.0) for name, values in lengths.items()}
    widths: dict[str, float] = dict(fixed)
    free = dict(means)
    for _round in range(len(_TEXT_MM)):
        room = _TEXT_WIDTH_MM - sum(widths.values())
        scale = room / sum(free.values())
        bounded = {name: min(max(mean * scale, _TEXT_MM[name][0]), _TEXT_MM[name][1]) for name, mean in free.items()}
        held = {name: width for name, width in bounded.items() if width != free[name] * scale}
        if not held:
            widths.update(bounded)
            break
        widths.update(held)
        free = {name: mean for name, mean in free.items() if name not in held}
        if not free:
            break
    return widths


def write_task_list(register: TaskRegister, fmt: str, language: str, options: ExportOptions | None = None) -> bytes:
    """The bytes of the list as "docx" or "xlsx"."""
    options = options or ExportOptions()
    if fmt == "docx":
        return render_document(build_task_list(register, language, options), "docx", options)
    if fmt == "xlsx":
        from .task_xlsx import write_task_xlsx  # openpyxl: only for a worksheet

        return write_task_xlsx(task_list_text(register, language, options), register, language)
    raise ExportError(_("A task list cannot be written as \"{fmt}\"; use one of: {allowed}.").format(
        fmt=fmt, allowed=", ".join("." + f for f in TASK_LIST_FORMATS)))


def export_task_list(register: TaskRegister, path: Path, language: str, options: ExportOptions | None = None) -> None:
    """Write the list to ``path`` (.docx or .xlsx, from its extension), atomically: all or nothing."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in TASK_LIST_FORMATS:
        raise ExportError(_("A task list cannot be written as \"{suffix}\"; use one of: {allowed}.").format(
            suffix=path.suffix or path.name, allowed=", ".join("." + f for f in TASK_LIST_FORMATS)))
    write_bytes_atomically(path, write_task_list(register, fmt, language, options))


def plain_task_list(register: TaskRegister, language: str, options: ExportOptions | None = None) -> str:
    """The list for a terminal in the template's words (an office's own; ``task_table`` prints the
    built-in list with the interface's words): status, deadline, unit, task."""
    words = task_list_text(register, language, options)
    p = words.phrases
    return task_lines([words.title, words.folder_line, words.counts_line],
                      [p.status_column, p.deadline_column, p.unit_column, p.task_column],
                      [[row.status_text, row.deadline_text, row.unit, row.task] for row in words.rows])
