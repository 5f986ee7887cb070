"""Every task of the meetings kept in a folder, each at its latest state, for the Tasks view and its exports.

A task carried from meeting to meeting appears once: the record of the latest meeting that mentions it
(by meeting date, then file name) stands for it, so a task reported done at a later meeting is done.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import groupby, repeat
from operator import itemgetter
from pathlib import Path

from ..l10n.collation import SortKey, sort_key
from ..model import Task, TaskStatus, task_status
from .folder_index import (
    FolderRead,
    IndexedMeeting,
    TaskRecord,
    UntrustedIndex,
    decoded_tasks,
    forget,
    meeting_files,
    read_folder,
)

__all__ = ["TaskEntry", "TaskPlace", "TaskRegister", "collect_tasks", "forget_read_meetings", "meeting_files"]

# Overdue first, then open, then done.
_STATUS_ORDER = {TaskStatus.OVERDUE: 0, TaskStatus.OPEN: 1, TaskStatus.DONE: 2}


@dataclass(frozen=True)
class TaskPlace:
    """Where a task's record sits in its meeting: a directive's task list, or the follow-up list."""

    directive: int | None  # index in ``Meeting.directives``; None for ``Meeting.follow_up``
    index: int  # index in that list


@dataclass(frozen=True)
class TaskEntry:
    """One task as the register shows it."""

    task: Task
    status: TaskStatus
    key: str
    file: Path  # the meeting file holding the latest record of the task
    place: TaskPlace
    meeting_title: str
    meeting_date: dt.date | None
    given_file: str  # the file name of the meeting where the task was first given
    given_date: dt.date | None
    given_title: str  # that meeting's title; "" when it is not a readable meeting of the folder

    @property
    def unit(self) -> str:
        return " ".join(self.task.assignee.split())


@dataclass
class TaskRegister:
    """The tasks of a folder, sorted overdue first, then by unit and deadline, and the files that could not be read."""

    folder: Path
    today: dt.date
    entries: list[TaskEntry] = field(default_factory=list)
    unreadable: list[tuple[Path, str]] = field(default_factory=list)  # (file, reason)
    meetings: int = 0  # how many meeting files were read

    def count(self, status: TaskStatus) -> int:
        return sum(entry.status is status for entry in self.entries)


def forget_read_meetings() -> None:
    """Drop the meetings this process read before (the next read takes the folder's cache file)."""
    forget()


def collect_tasks(folder: Path | str, today: dt.date, *, persist: bool = True) -> TaskRegister:
    """Gather the tasks of every meeting file of ``folder`` at their latest state (``folder_index``)."""
    folder = Path(folder)
    try:
        return _register(read_folder(folder, persist=persist), today)
    except UntrustedIndex:  # a task of the cache file that is not one (``decoded_tasks``): every file read again
        return _register(read_folder(folder, persist=persist, fresh=True), today)


def _register(read: FolderRead, today: dt.date) -> TaskRegister:
    folder = read.folder
    register = TaskRegister(folder=folder, today=today, unreadable=read.unreadable, meetings=len(read.meetings))
    titles = {meeting.name: meeting.title.strip() for meeting in read.meetings}
    # The latest record of each task (by meeting date, then file name; within a file, the last), decided on
    # the keys alone: only the winners become Task objects. The keys are first laid out in file-name order,
    # the order in which the register meets them and keeps entries that sort alike.
    latest: dict[str, tuple[IndexedMeeting, int]] = {}
    for meeting in read.meetings:
        latest.update(zip(meeting.keys, repeat((meeting, 0))))  # (a place holder, replaced below)
    for meeting in sorted(read.meetings, key=lambda meeting: (meeting.date or dt.date.min, meeting.name)):
        latest.update(zip(meeting.keys, zip(repeat(meeting), range(len(meeting.keys))), strict=True))
    records = [(meeting, meeting.record(index)) for meeting, index in latest.values()]
    tasks = decoded_tasks([record for _meeting, record in records])
    register.entries = _in_order([_entry(task, record, meeting, today, titles)
                                  for task, (meeting, record) in zip(tasks, records, strict=True)])
    return register


def _in_order(entries: list[TaskEntry]) -> list[TaskEntry]:
    """Overdue first, then open, then done; then by unit, deadline (none last) and task, in Vietnamese
    order. The task's own collation key, the dearest to make, is made only where the rest ties."""
    units: dict[str, SortKey] = {}  # a folder's tasks go to a few units: each collated once

    def order(entry: TaskEntry) -> tuple:
        deadline = entry.task.deadline
        unit = units.get(entry.unit) or units.setdefault(entry.unit, sort_key(entry.unit))
        return (_STATUS_ORDER[entry.status], unit, deadline is None, deadline or dt.date.min)

    ordered: list[TaskEntry] = []
    keyed = sorted(((order(entry), entry) for entry in entries), key=itemgetter(0))
    for _order, alike in groupby(keyed, key=itemgetter(0)):
        group = [entry for _key, entry in alike]
        ordered.extend(sorted(group, key=lambda entry: sort_key(entry.task.task)) if len(group) > 1 else group)
    return ordered


def _entry(task: Task, record: TaskRecord, meeting: IndexedMeeting, today: dt.date, titles: dict[str, str]
           ) -> TaskEntry:
    origin = task.origin
    given_file = origin.file if origin is not None else meeting.name
    return TaskEntry(
        task=task,
        status=task_status(task, today),
        key=record.key,
        file=meeting.path,
        place=TaskPlace(record.directive, record.item),
        meeting_title=meeting.title,
        meeting_date=meeting.date,
        given_file=given_file,
        given_date=origin.date if origin is not None else meeting.date,
        given_title=titles.get(given_file, meeting.title.strip() if origin is None else ""),
    )
