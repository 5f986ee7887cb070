"""Whatever is typed, applying notes never fails, never changes the meeting given, and settles: applying
the same lines again changes nothing; and every line is either placed or named as a problem."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_app.model import Attendee, Meeting, MeetingInfo
from minutes_app.notes import NoteInput, apply_notes

PIECES = ["@sáu", "@Sau", "@ửng", "@van", "@hòa", ":", " ", "KL", "CĐ", "NV", "+", "#", "Vắng", "Chủ đề", "→", "giao",
          " - ", "hạn", "trước", "đến", "15/3", "31/2", "30-4", "15/03/2025", "(ốm)", "08:20", "99:99", "Báo cáo",
          "tiến độ", "Phòng KT", ",", "\t", "đ", "Ð", "\u0301", "@"]
LINE = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)


def meeting() -> Meeting:
    return Meeting(meeting=MeetingInfo(title="Họp", date=dt.date(2025, 3, 5), chair="Trần Văn Sáu"),
                   attendees=[Attendee(name="Trần Văn Sáu"), Attendee(name="Lê Thị Ửng"),
                              Attendee(name="Võ Văn Sâu")])


@pytest.mark.slow  # fuzzing
@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, max_size=12), st.lists(LINE, max_size=12))
def test_any_lines_apply_and_settle(first: list[str], second: list[str]) -> None:
    start = meeting()
    untouched = copy.deepcopy(start)
    one = apply_notes(start, [NoteInput(text) for text in first])
    assert start == untouched
    placed_or_named = {problem.number for problem in one.problems}
    assert all(0 < number <= len(first) for number in placed_or_named)
    two = apply_notes(one.meeting, [NoteInput(text) for text in second])  # every line edited at once
    again = apply_notes(two.meeting, [NoteInput(text) for text in second])
    assert again.changes == [] and again.meeting == two.meeting
    back = apply_notes(two.meeting, [])  # every line deleted: nothing the notes made is left
    assert back.meeting.discussion == [] and back.meeting.directives == []
    assert [(a.name, a.present) for a in back.meeting.attendees] == [(a.name, True) for a in start.attendees]
