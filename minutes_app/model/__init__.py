"""The meeting as data (pure Python: no Qt, no I/O)."""

from .computations import (
    Headcount,
    Status,
    Tally,
    change_from_previous,
    change_ratio_from_previous,
    group_by_sector,
    headcount,
    percent_of_plan,
    results_tally,
    status,
    tally,
    tally_by_sector,
)
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
    Notice,
    Number,
    Results,
    Role,
    Signing,
    Target,
    Task,
)

__all__ = [
    "Attendee", "Closing", "Directive", "DiscussionItem", "FinalFile", "Finalisation", "Gender", "Header",
    "Headcount", "Indicator",
    "Language", "Meeting", "MeetingInfo", "MeetingKind", "News", "Notice", "Number", "Results", "Role",
    "Signing", "Status", "Tally", "Target", "Task", "change_from_previous", "change_ratio_from_previous",
    "group_by_sector", "headcount", "percent_of_plan", "results_tally", "status", "tally",
    "tally_by_sector",
]
