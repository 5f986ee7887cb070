"""The words of the task follow-up list, shared by its formats (DOCX and text in ``task_list``, the worksheet
in ``task_xlsx``): every label and fixed word from ``templates/tasks/task_list.<language>.j2``, every
number and date through Babel."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import TaskStatus
from ..storage.task_register import TaskEntry, TaskRegister
from ..storage.values import printable
from ..task_table import folder_name
from .options import ExportOptions
from .phrases import Phrases
from .registry import with_template_fallback
from .templating import environment, is_user_template


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
        given_name = printable(Path(entry.given_file).name)  # a name that is not UTF-8 on disk is still written
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
        folder_line=p.folder_line(folder_name(register.folder), register.today),
        counts_line=p.counts(len(rows), register.count(TaskStatus.OVERDUE), register.count(TaskStatus.OPEN),
                             register.count(TaskStatus.DONE)),
        rows=rows,
    )
