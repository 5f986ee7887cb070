"""Whether a meeting is running now: the quick notes come first in the side bar while it is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..model import MeetingInfo, Note

EARLY = dt.timedelta(minutes=30)  # the secretary opens the file a little before the start…
LATE = dt.timedelta(minutes=30)  # …and meetings overrun
NO_END = dt.timedelta(hours=4)  # a meeting whose end is not written yet lasts at most half a day
RECENT = dt.timedelta(hours=1)  # notes typed this recently: still taking them


def meeting_running(info: MeetingInfo, notes: Iterable[Note], now: dt.datetime,
                    last_typed: dt.datetime | None = None) -> bool:
    """True when ``now`` falls within the meeting or notes were typed in the last hour.

    Within the meeting: today is its date and now is between half an hour before its start and half an
    hour after its end (four hours after the start when no end is written; all day when no start is).
    Typed notes: ``last_typed`` (this session), or — today, for a file reopened after a crash — the time of
    the latest note."""
    if last_typed is not None and dt.timedelta(0) <= now - last_typed <= RECENT:
        return True
    if info.date != now.date():
        return False
    latest = max((note.time for note in notes if note.time is not None), default=None)
    if latest is not None and dt.timedelta(0) <= now - dt.datetime.combine(now.date(), latest) <= RECENT:
        return True
    if info.start is None:
        return True
    start = dt.datetime.combine(info.date, info.start)
    end = dt.datetime.combine(info.date, info.end) if info.end and info.end > info.start else start + NO_END
    return start - EARLY <= now <= end + LATE
