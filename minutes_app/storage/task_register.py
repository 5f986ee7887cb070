"""Every task of the meetings kept in a folder, each at its latest state, for the Tasks view and its exports.

A task carried from meeting to meeting appears once: the record of the latest meeting that mentions it
(by meeting date, then file name) stands for it, so a task reported done at a later meeting is done.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MinutesError
from ..l10n.collation import sort_key
from ..model import Meeting, Task, TaskStatus, task_key, task_status
from .files import SUFFIX, load_meeting

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


def meeting_files(folder: Path) -> list[Path]:
    """The meeting files directly inside ``folder``, by name."""
    return sorted(path for path in folder.glob(f"*{SUFFIX}") if path.is_file())


# Meetings already read, by file, with the size and time of change they had: the view reloads when one
# file of the folder changes, and only that file is read again. Read-only once stored (shared by threads).
_read: dict[Path, tuple[tuple[int, int], Meeting]] = {}


def _load(path: Path) -> Meeting:
    stat = path.stat()
    signature = (stat.st_mtime_ns, stat.st_size)
    held = _read.get(path)
    if held is not None and held[0] == signature:
        return held[1]
    meeting = load_meeting(path)
    _read[path] = (signature, meeting)
    return meeting


def forget_read_meetings() -> None:
    """Drop the meetings kept from earlier reads (the next read parses every file)."""
    _read.clear()


def collect_tasks(folder: Path | str, today: dt.date) -> TaskRegister:
    """Read every meeting file of ``folder`` and gather their tasks at their latest state."""
    folder = Path(folder)
    register = TaskRegister(folder=folder, today=today)
    meetings: list[tuple[Path, Meeting]] = []
    for path in meeting_files(folder):
        try:
            meetings.append((path, _load(path)))
        except (MinutesError, OSError) as error:
            _read.pop(path, None)
            register.unreadable.append((path, str(error)))
    register.meetings = len(meetings)
    titles = {path.name: meeting.meeting.title.strip() for path, meeting in meetings}
    latest: dict[str, tuple[tuple[dt.date, str], TaskEntry]] = {}
    for path, meeting in meetings:
        when = (meeting.meeting.date or dt.date.min, path.name)
        for entry in entries_of(meeting, path, today, titles):
            if not entry.task.task.strip():
                continue
            held = latest.get(entry.key)
            if held is None or held[0] <= when:
                latest[entry.key] = (when, entry)
    register.entries = sorted((entry for _, entry in latest.values()), key=_order)
    return register


def entries_of(meeting: Meeting, path: Path, today: dt.date, titles: dict[str, str] | None = None) -> list[TaskEntry]:
    """The task records of one meeting: carried ones first, then those given at it.

    ``titles`` names the meetings of the folder by file name, for where a carried task was given.
    """
    records: list[tuple[Task, TaskPlace]] = [(task, TaskPlace(None, i)) for i, task in enumerate(meeting.follow_up)]
    for d, directive in enumerate(meeting.directives):
        records.extend((task, TaskPlace(d, i)) for i, task in enumerate(directive.tasks))
    entries = []
    for task, place in records:
        origin = task.origin
        given_file = origin.file if origin is not None else path.name
        entries.append(TaskEntry(
            task=task,
            status=task_status(task, today),
            key=task_key(path.name, task),
            file=path,
            place=place,
            meeting_title=meeting.meeting.title,
            meeting_date=meeting.meeting.date,
            given_file=given_file,
            given_date=origin.date if origin is not None else meeting.meeting.date,
            given_title=(titles or {}).get(given_file, meeting.meeting.title.strip() if origin is None else ""),
        ))
    return entries


def _order(entry: TaskEntry) -> tuple:
    deadline = entry.task.deadline
    return (_STATUS_ORDER[entry.status], sort_key(entry.unit), deadline is None, deadline or dt.date.min,
            sort_key(entry.task.task))
