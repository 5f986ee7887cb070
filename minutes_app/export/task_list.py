"""The task follow-up list of a folder ("danh sách theo dõi nhiệm vụ"): DOCX, XLSX and plain text.

The register (``storage.task_register.collect_tasks``) says which tasks there are and where each stands;
this module turns it into rows of text — every label and fixed word from
``templates/tasks/task_list.<language>.j2``, every number and date through Babel — and lays them out:
a landscape A4 table for the DOCX writer (any writer of the intermediate document takes it), a worksheet
(``task_xlsx``), or aligned lines for a terminal.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ExportError
from ..l10n.formatting import format_number
from ..l10n.i18n import gettext as _
from ..model import TaskStatus
from ..storage import write_bytes_atomically
from ..storage.task_register import TaskEntry, TaskRegister
from .document import Align, Column, Document, Paragraph, Run, Table, TableRow, Title
from .docx_writer import text_width_mm
from .minutes import Phrases
from .registry import ExportOptions, render_document, with_template_fallback
from .templating import environment, is_user_template

TASK_LIST_FORMATS = ("docx", "xlsx")

# Columns of the DOCX table, in mm of a landscape A4's 252 mm text width (the writer scales them to the
# page): STT is fixed, the deadline and the status as wide as their texts; the other columns share the rest
# by how much they hold, within bounds.
_NUMBER_MM, _STATUS_MM = 11, (30, 42)  # a status on one line when it fits in 42 mm
_TEXT_SIZE_PT, _CELL_MARGINS_MM = 12.0, 4.0  # the reference's table text; a deadline never wraps
_TEXT_MM = {"task": (50, 95), "unit": (34, 52), "given": (36, 62), "progress": (30, 62)}
_TEXT_WIDTH_MM = 252


class TaskPhrases(Phrases):
    """The labels and macros of ``tasks/task_list.<language>.j2`` (the minutes' Phrases on another template)."""

    def __init__(self, language: str, user_dir: Any = None):
        self.language = language
        self.name = f"tasks/task_list.{language}.j2"
        self._budgeted = is_user_template(self.name, user_dir)  # an office's own: a time budget per call
        self._module = self._guard(lambda: environment(language, user_dir).get_template(self.name).module)


@dataclass(frozen=True)
class TaskRow:
    """One task as every format prints it: the texts, and the values a spreadsheet keeps as such."""

    number: int
    entry: TaskEntry
    task: str
    unit: str
    deadline: dt.date | None
    deadline_text: str
    status: TaskStatus
    status_text: str
    days_overdue: int | None  # None unless overdue
    given_at: str  # "Họp giao ban tháng 3 (05/03/2025)"
    given_file: str  # the file name of the meeting that gave the task
    progress: str


@dataclass(frozen=True)
class TaskListText:
    """What the three formats share: the labels, the heading lines and the rows."""

    phrases: TaskPhrases
    title: str
    folder_line: str
    counts_line: str
    rows: list[TaskRow]


def task_list_text(register: TaskRegister, language: str, options: ExportOptions | None = None) -> TaskListText:
    """The words of the list in ``language`` ("vi" or "en"), rows in the register's order."""
    return with_template_fallback(lambda chosen: _texts(register, language, chosen), options or ExportOptions())


def _texts(register: TaskRegister, language: str, options: ExportOptions) -> TaskListText:
    p = TaskPhrases(language, options.templates_dir)
    rows = []
    for number, entry in enumerate(register.entries, start=1):
        task = entry.task
        overdue = None
        if entry.status is TaskStatus.OVERDUE and task.deadline is not None:
            overdue = (register.today - task.deadline).days
        given_name = Path(entry.given_file).name
        rows.append(TaskRow(
            number=number,
            entry=entry,
            task=task.task.strip(),
            unit=entry.unit,
            deadline=task.deadline,
            deadline_text=p.deadline(task.deadline),
            status=entry.status,
            status_text=p.status(entry.status.value, overdue, task.done),
            days_overdue=overdue,
            given_at=p.given_at(entry.given_title, entry.given_date, given_name),
            given_file=given_name,
            progress=task.progress.strip(),
        ))
    return TaskListText(
        phrases=p,
        title=p.title,
        folder_line=p.folder_line(_folder_name(register.folder), register.today),
        counts_line=p.counts(len(rows), register.count(TaskStatus.OVERDUE), register.count(TaskStatus.OPEN),
                             register.count(TaskStatus.DONE)),
        rows=rows,
    )


def _folder_name(folder: Path) -> str:
    try:
        return folder.resolve().name or str(folder)
    except OSError:
        return folder.name or str(folder)


def build_task_list(register: TaskRegister, language: str, options: ExportOptions | None = None) -> Document:
    """The list as an intermediate document (kind "tasks", landscape): title, folder and date, counts, table."""
    words = task_list_text(register, language, options)
    p = words.phrases
    document = Document(kind="tasks", language=language, title=f"{words.title} – {_folder_name(register.folder)}",
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
        from .task_xlsx import write_task_xlsx

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
    """The list for a terminal: the heading lines, then one aligned line per task (status, deadline,
    unit, task), the task last so that a long one only runs on to the right."""
    words = task_list_text(register, language, options)
    p = words.phrases
    table = [[p.status_column, p.deadline_column, p.unit_column, p.task_column]]
    table += [[row.status_text, row.deadline_text, row.unit, row.task] for row in words.rows]
    widths = [max(_width(line[i]) for line in table) for i in range(3)]
    lines = [words.title, words.folder_line, words.counts_line]
    if words.rows:
        lines.append("")
        for line in table:
            cells = [cell + " " * (width - _width(cell)) for cell, width in zip(line, widths, strict=False)]
            lines.append("  ".join([*cells, " ".join(line[3].split())]).rstrip())
    return "\n".join(lines) + "\n"


def _width(text: str) -> int:
    """Columns a terminal gives ``text``: combining marks (a decomposed Vietnamese accent) take none."""
    return sum(not unicodedata.combining(char) for char in unicodedata.normalize("NFC", text))
