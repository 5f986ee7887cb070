"""The task list of a folder as ``minutes-app tasks`` prints it: aligned lines for a terminal.

The terminal list is part of the interface, so its words are interface strings (gettext), in the list's
language (``--language``), not in the interface's; numbers and dates go through Babel. It loads neither
Jinja2 nor the document exporters: a second run, which starts from the folder's index, is over in about a
tenth of a second. The documents (``-o`` .docx or .xlsx) take their words from ``templates/tasks/``, and so
does this list when an office has its own task-list template (``office_words``): it then follows its
wording, laid out by ``task_lines`` as here.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from .l10n.formatting import format_number, format_numeric_date
from .l10n.i18n import catalog
from .model import TaskStatus
from .paths import templates_dir
from .storage.task_register import TaskEntry, TaskRegister
from .storage.values import printable
from .userdirs import user_templates_dir


def office_words(templates: Path | None, language: str) -> bool:
    """Whether the office's templates folder (``--templates``, else the user's) has its own task-list words."""
    folder = Path(templates or user_templates_dir())
    try:
        return (folder / "tasks" / f"task_list.{language}.j2").is_file() and \
            folder.resolve() != templates_dir().resolve()
    except OSError:
        return False


def terminal_task_list(register: TaskRegister, language: str) -> str:
    """The list in ``language`` ("vi" or "en"): the heading lines, then one aligned line per task."""
    words = catalog(language)  # the list's language, whatever the interface's
    heading = [words.pgettext("task list", "Status"), words.pgettext("task list", "Deadline"),
               words.pgettext("task list", "Responsible"), words.pgettext("task list", "Task")]
    rows = [[status_words(entry, register, language), deadline_words(entry, language), entry.unit,
             entry.task.task.strip()] for entry in register.entries]
    folder_line = words.pgettext("task list", "Folder: {folder} — as of {date}").format(
        folder=folder_name(register.folder), date=format_numeric_date(register.today, language))
    return task_lines([words.pgettext("task list", "TASK FOLLOW-UP LIST"), folder_line, _counts(register, language)],
                      heading, rows)


def status_words(entry: TaskEntry, register: TaskRegister, language: str) -> str:
    """"Quá hạn 12 ngày", "Đã hoàn thành ngày 19/03/2025", "Đang thực hiện"."""
    words = catalog(language)
    task = entry.task
    if entry.status is TaskStatus.OVERDUE and task.deadline is not None:
        days = (register.today - task.deadline).days
        return words.ngettext("Overdue by {days} day", "Overdue by {days} days", days).format(
            days=format_number(days, language))
    if entry.status is TaskStatus.DONE:
        if task.done is None:
            return words.pgettext("task list", "Done")
        return words.pgettext("task list", "Done on {date}").format(date=format_numeric_date(task.done, language))
    return words.pgettext("task list", "In progress")


def deadline_words(entry: TaskEntry, language: str) -> str:
    deadline = entry.task.deadline
    return format_numeric_date(deadline, language) if deadline is not None else ""


def _counts(register: TaskRegister, language: str) -> str:
    """"15 nhiệm vụ: 8 quá hạn, 5 đang thực hiện, 2 đã hoàn thành" (the parts that are 0 left out)."""
    words = catalog(language)
    total = len(register.entries)
    if not total:
        return words.pgettext("task list", "No tasks.")
    parts = [text.format(count=format_number(count, language)) for text, count in (
        (words.pgettext("task list", "{count} overdue"), register.count(TaskStatus.OVERDUE)),
        (words.pgettext("task list", "{count} in progress"), register.count(TaskStatus.OPEN)),
        (words.pgettext("task list", "{count} done"), register.count(TaskStatus.DONE))) if count]
    return words.ngettext("{count} task: {parts}", "{count} tasks: {parts}", total).format(
        count=format_number(total, language), parts=", ".join(parts))


def folder_name(folder: Path) -> str:
    try:
        return printable(folder.resolve().name or str(folder))
    except OSError:
        return printable(folder.name or str(folder))


def task_lines(heading: Sequence[str], columns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """The heading lines, then, when there are rows, a blank line and the table: every column but the last
    padded to its widest cell, two spaces between; the last (the task) on one line, so that a long one only
    runs on to the right."""
    table = [columns, *rows]
    widths = [max(_width(line[i]) for line in table) for i in range(len(columns) - 1)]
    lines = list(heading)
    if rows:
        lines.append("")
        for line in table:
            cells = [cell + " " * (width - _width(cell)) for cell, width in zip(line, widths, strict=False)]
            lines.append("  ".join([*cells, " ".join(line[-1].split())]).rstrip())
    return "\n".join(lines) + "\n"


@functools.lru_cache(maxsize=8192)  # each cell is measured twice; units, statuses and deadlines repeat
def _width(text: str) -> int:
    """Columns a terminal gives ``text``: combining marks (a decomposed Vietnamese accent) take none."""
    return sum(not unicodedata.combining(char) for char in unicodedata.normalize("NFC", text))
