"""The commune's March meeting and the notes its secretary typed during it (tests/notes/*.notes.txt)."""

from __future__ import annotations

from pathlib import Path

from support import COMMUNE_SAMPLE

from minutes_app.model import Meeting
from minutes_app.notes import NoteInput
from minutes_app.notes.notes_file import read_notes_file
from minutes_app.storage import load_meeting

NOTES_FILE = Path(__file__).with_name("giao-ban-xa-binh-thanh-2025-03.notes.txt")
UNPLACEABLE_LINE = 13  # "Vắng: @Thu Trang (ốm)": nobody of that name attends


def commune_meeting() -> Meeting:
    """The sample meeting with everyone present (the notes say who is absent)."""
    meeting = load_meeting(COMMUNE_SAMPLE)
    for person in meeting.attendees:
        person.present, person.absence_reason = True, ""
    return meeting


def notes_lines(meeting: Meeting) -> list[NoteInput]:
    return read_notes_file(NOTES_FILE, meeting.meeting.start)


def edited_lines(lines: list[NoteInput]) -> list[NoteInput]:
    """Two lines edited (Hùng's report, the first task) and two deleted (a continuation, the last task)."""
    changed = list(lines)
    changed[1] = NoteInput("@hung: Báo cáo kết quả kinh tế - xã hội tháng 02 và quý I.", changed[1].time)
    changed[19] = NoteInput("NV: Nạo vét tuyến kênh Bình Lợi → Ban Quản lý dự án xã, hạn 25/03/2025", changed[19].time)
    del changed[23]  # NV: Tổng kết giải ngân năm …
    del changed[2]  # Thu ngân sách đạt 18% … (continues Hùng's report)
    return changed
