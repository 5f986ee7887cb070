"""Following up tasks from one meeting to the next: status, identity and carry-over (pure, no I/O)."""

from __future__ import annotations

import copy
import datetime as dt
import re
from enum import Enum

from .meeting import Meeting, PriorMeeting, Task, TaskOrigin


class TaskStatus(str, Enum):
    OPEN = "open"
    OVERDUE = "overdue"  # not done and its deadline has passed
    DONE = "done"


def task_status(task: Task, today: dt.date) -> TaskStatus:
    """Done once a day of completion is recorded; overdue when the deadline is before ``today``."""
    if task.done is not None:
        return TaskStatus.DONE
    if task.deadline is not None and task.deadline < today:
        return TaskStatus.OVERDUE
    return TaskStatus.OPEN


def task_key(file_name: str, task: Task) -> str:
    """A short name for a task given at the meeting saved as ``file_name``, stable across meetings.

    Carried copies keep the key of the task as first given, so a later change of wording or
    deadline still names the same task.
    """
    if task.origin is not None and task.origin.key:
        return task.origin.key
    import hashlib  # (here: the editor's window opens without it)

    text = "\x1f".join((file_name, task.task.strip(), task.assignee.strip(),
                        task.deadline.isoformat() if task.deadline else ""))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]  # a name not UTF-8 on disk too


def open_tasks(meeting: Meeting) -> list[Task]:
    """Tasks not done: those carried into the meeting first, then those given at it."""
    return [task for task in (*meeting.follow_up, *meeting.all_tasks()) if task.done is None]


def carry_open_tasks(previous: Meeting, previous_file: str) -> list[Task]:
    """Copies of the open tasks of ``previous`` (saved as ``previous_file``) for the meeting that follows it.

    Each copy records where it was first given; what was reported on it is left for the new meeting.
    """
    carried: list[Task] = []
    for task in open_tasks(previous):
        if task.origin is not None:
            origin = copy.deepcopy(task.origin)
        else:
            origin = TaskOrigin(file=previous_file, date=previous.meeting.date,
                                notice_number=previous.notice.number, key=task_key(previous_file, task))
        carried.append(Task(task=task.task, assignee=task.assignee, deadline=task.deadline, origin=origin))
    return carried


def prior_meeting(previous: Meeting, relative_path: str) -> PriorMeeting:
    """How a meeting names the earlier one it follows, found at ``relative_path`` from its own folder."""
    return PriorMeeting(file=relative_path, title=previous.meeting.title, date=previous.meeting.date,
                        notice_number=previous.notice.number)


def next_meeting(previous: Meeting, previous_file: str) -> Meeting:
    """A new meeting of the same kind that follows ``previous``.

    ``previous_file`` is how the new meeting names the earlier file: relative to its own folder, or
    absolute until it is saved. The carried tasks record the file's name.

    What recurs is kept — letterhead, place, chair, people invited, the indicators and their plan,
    signatures and recipients — and what belongs to one meeting is emptied: date, figures, discussion,
    directives, numbers. The open tasks of ``previous`` are carried into ``follow_up``.
    """
    new = Meeting(language=previous.language)
    new.header = copy.deepcopy(previous.header)
    new.header.number = _blank_number(previous.header.number)
    info = copy.deepcopy(previous.meeting)
    info.date, info.end = None, None
    new.meeting = info
    new.attendees = copy.deepcopy(previous.attendees)
    for attendee in new.attendees:
        attendee.present, attendee.absence_reason = True, ""
    new.results.indicators = copy.deepcopy(previous.results.indicators)
    for indicator in new.results.indicators:
        indicator.actual, indicator.previous, indicator.note = None, None, ""
    new.results.targets_total = previous.results.targets_total
    new.closing = copy.deepcopy(previous.closing)
    new.closing.note = ""
    new.news.author = previous.news.author
    new.notice = copy.deepcopy(previous.notice)
    new.notice.number = _blank_number(previous.notice.number)
    new.follows = prior_meeting(previous, previous_file)
    new.follow_up = carry_open_tasks(previous, re.split(r"[\\/]", previous_file)[-1])
    return new


def _blank_number(number: str) -> str:
    """The document number without its running figure: "12/BB-UBND" → "/BB-UBND" (filled when issued)."""
    return re.sub(r"^\s*\d+\s*", "", number)
