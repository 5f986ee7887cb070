"""When a meeting counts as running (the quick notes then come first in the side bar)."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes_app.model import MeetingInfo, Note
from minutes_app.notes.running import meeting_running

DAY = dt.date(2025, 3, 5)


def _at(hour: int, minute: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


@pytest.mark.parametrize(("now", "running"), [
    (_at(7, 0), True),  # half an hour before the start: the secretary is getting ready
    (_at(6, 59), False),
    (_at(10, 0), True),
    (_at(11, 30), True),  # half an hour after the end: meetings overrun
    (_at(11, 31), False),
    (_at(9, 0, DAY + dt.timedelta(days=1)), False),  # another day
])
def test_a_meeting_runs_from_just_before_its_start_to_just_after_its_end(now: dt.datetime, running: bool) -> None:
    info = MeetingInfo(date=DAY, start=dt.time(7, 30), end=dt.time(11, 0))
    assert meeting_running(info, [], now) is running


def test_without_an_end_a_meeting_lasts_four_hours_and_without_a_start_all_day() -> None:
    assert meeting_running(MeetingInfo(date=DAY, start=dt.time(7, 30)), [], _at(11, 59))
    assert not meeting_running(MeetingInfo(date=DAY, start=dt.time(7, 30)), [], _at(12, 1))
    assert meeting_running(MeetingInfo(date=DAY), [], _at(16, 0))
    assert not meeting_running(MeetingInfo(), [], _at(16, 0))  # no date: only typing makes it run


def test_notes_typed_in_the_last_hour_keep_it_running() -> None:
    info = MeetingInfo(date=DAY, start=dt.time(7, 30), end=dt.time(8, 0))
    # typed in this session, whatever the header says (a meeting dated wrongly, or none)
    assert meeting_running(MeetingInfo(), [], _at(15, 0), last_typed=_at(14, 10))
    assert not meeting_running(MeetingInfo(), [], _at(15, 0), last_typed=_at(13, 59))
    # a file reopened the same day: its latest note counts
    notes = [Note(dt.time(8, 0), "@hung: …"), Note(dt.time(12, 40), "KL: …"), Note(None, "")]
    assert meeting_running(info, notes, _at(13, 30))
    assert not meeting_running(info, notes, _at(13, 41))
