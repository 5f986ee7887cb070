"""The facts the minutes and the notice print about tasks carried from earlier meetings.

A carried task is judged on the day of the meeting that reviews it (the document records that day),
not on the day the document is exported; only a meeting without a date falls back to today. The
words around these facts live in the templates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..model import Meeting, Task
from ..model.follow_up import TaskStatus, task_status


@dataclass(frozen=True)
class Source:
    """The earlier meeting the reviewed tasks were given at, as a heading names it."""

    date: dt.date | None = None
    notice_number: str = ""  # as recorded: "12" or "12/TB-UBND"


@dataclass
class CarriedTask:
    """One carried task with its status on the review day.

    ``given`` is the day it was given when that differs from the source's (a task carried over from
    a meeting further back); None when it is the source's own.
    """

    task: Task
    status: TaskStatus
    given: dt.date | None = None
    given_notice: str = ""

    @property
    def done(self) -> bool:
        return self.status is TaskStatus.DONE

    @property
    def overdue(self) -> bool:
        return self.status is TaskStatus.OVERDUE


@dataclass
class FollowUp:
    """What the meeting reviewed: the source, every carried task in order, and the counts."""

    source: Source
    tasks: list[CarriedTask] = field(default_factory=list)
    year: int | None = None  # the year of the meeting that reviews them

    @property
    def total(self) -> int:
        return len(self.tasks)

    @property
    def done(self) -> int:
        return sum(1 for t in self.tasks if t.done)

    @property
    def overdue(self) -> int:
        return sum(1 for t in self.tasks if t.overdue)

    @property
    def open(self) -> int:
        return self.total - self.done - self.overdue

    def unfinished(self) -> list[CarriedTask]:
        """The tasks still to carry on with, in the order they were reviewed."""
        return [t for t in self.tasks if not t.done]


def review_day(meeting: Meeting) -> dt.date:
    """The day statuses are judged on: the meeting's date, else today."""
    return meeting.meeting.date or dt.date.today()


def source_of(meeting: Meeting, tasks: list[Task]) -> Source:
    """The meeting followed (``meeting.follows``), else the one meeting all the tasks came from.

    Tasks from several meetings and no ``follows`` give a source without a date.
    """
    if meeting.follows is not None and meeting.follows.date is not None:
        return Source(meeting.follows.date, meeting.follows.notice_number.strip())
    origins = {(t.origin.date, t.origin.notice_number.strip()) for t in tasks if t.origin is not None}
    if len(origins) == 1:
        date, number = origins.pop()
        return Source(date, number)
    return Source()


def follow_up(meeting: Meeting) -> FollowUp | None:
    """The review of ``meeting.follow_up``, or None when nothing was carried into the meeting."""
    tasks = [t for t in meeting.follow_up if t.task.strip()]
    if not tasks:
        return None
    source = source_of(meeting, tasks)
    today = review_day(meeting)
    carried: list[CarriedTask] = []
    for task in tasks:
        origin = task.origin
        own = origin is not None and origin.date is not None and origin.date != source.date
        carried.append(CarriedTask(task, task_status(task, today),
                                   origin.date if own and origin else None,
                                   origin.notice_number.strip() if own and origin else ""))
    return FollowUp(source, carried, meeting.meeting.date.year if meeting.meeting.date else None)
