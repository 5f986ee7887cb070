"""A new meeting, as the CLI's ``new`` and the editor's File › New start one (pure, no I/O)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from .meeting import Language, Meeting, MeetingInfo

# What an office sets once in its settings and every new meeting starts with: fields of the header, and
# the author of the news article.
OFFICE_DEFAULTS = ("parent_agency", "agency", "agency_code", "place", "author")


def new_meeting(language: str = "vi", today: dt.date | None = None, defaults: Mapping[str, str] | None = None
                ) -> Meeting:
    """An empty meeting that is valid as it stands: a placeholder title, today's date, and the office's
    ``defaults`` (keys of ``OFFICE_DEFAULTS``)."""
    title = "Cuộc họp" if language == "vi" else "Meeting"
    meeting = Meeting(language=Language(language), meeting=MeetingInfo(title=title, date=today or dt.date.today()))
    defaults = defaults or {}
    for name in ("parent_agency", "agency", "agency_code", "place"):
        setattr(meeting.header, name, defaults.get(name, ""))
    meeting.news.author = defaults.get("author", "")
    return meeting
