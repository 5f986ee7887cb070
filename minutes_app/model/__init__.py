"""The meeting as data (pure Python: no Qt, no I/O).

The computations over it (tallies, headcounts, follow-up of tasks) are imported when first asked for: the
editor's window opens on the meeting's records alone."""

from typing import TYPE_CHECKING

from ..lazy import lazy_names
from .meeting import (
    Attendee,
    Closing,
    Directive,
    DiscussionItem,
    FinalFile,
    Finalisation,
    Gender,
    Header,
    Indicator,
    Language,
    Meeting,
    MeetingInfo,
    MeetingKind,
    News,
    Note,
    NoteKind,
    NoteLink,
    Notice,
    Number,
    PriorMeeting,
    Results,
    Role,
    Signing,
    Target,
    Task,
    TaskOrigin,
    Unlinked,
)
from .starting import OFFICE_DEFAULTS, new_meeting

if TYPE_CHECKING:
    from .computations import (
        Headcount,
        Status,
        Tally,
        change_from_previous,
        change_ratio_from_previous,
        group_by_sector,
        headcount,
        intervention_times,
        percent_of_plan,
        results_tally,
        status,
        tally,
        tally_by_sector,
    )
    from .follow_up import TaskStatus, carry_open_tasks, next_meeting, open_tasks, prior_meeting, task_key, task_status

__all__ = [
    "Attendee", "Closing", "Directive", "DiscussionItem", "FinalFile", "Finalisation", "Gender", "Headcount",
    "Header", "Indicator", "Language", "Meeting", "MeetingInfo", "MeetingKind", "News", "Note", "NoteKind",
    "NoteLink", "Notice", "Number", "OFFICE_DEFAULTS", "PriorMeeting", "Results", "Role", "Signing", "Status",
    "Tally", "Target", "Task", "TaskOrigin", "TaskStatus", "Unlinked", "carry_open_tasks", "change_from_previous",
    "change_ratio_from_previous", "group_by_sector", "headcount", "intervention_times", "new_meeting",
    "next_meeting", "open_tasks", "percent_of_plan", "prior_meeting", "results_tally", "status", "tally",
    "tally_by_sector", "task_key", "task_status",
]

_COMPUTATIONS = ("Headcount", "Status", "Tally", "change_from_previous", "change_ratio_from_previous",
                 "group_by_sector", "headcount", "intervention_times", "percent_of_plan", "results_tally", "status",
                 "tally", "tally_by_sector")
_FOLLOW_UP = ("TaskStatus", "carry_open_tasks", "next_meeting", "open_tasks", "prior_meeting", "task_key",
              "task_status")
__getattr__ = lazy_names(__name__, {**dict.fromkeys(_COMPUTATIONS, "computations"),
                                    **dict.fromkeys(_FOLLOW_UP, "follow_up")})
