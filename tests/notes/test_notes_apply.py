"""The notes of a whole meeting become its interventions, directives, tasks and attendance; editing or
deleting a line updates or removes what it produced, unless that was edited by hand since."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt

import pytest
from notes.notes_helpers import UNPLACEABLE_LINE, commune_meeting, edited_lines, notes_lines

from minutes_app.model import Attendee, Meeting, MeetingInfo, NoteKind, Role, Unlinked
from minutes_app.notes import Action, NoteInput, apply_notes
from minutes_app.notes.placing import due_date
from minutes_app.notes.syntax import DayMonth
from minutes_app.storage import dumps_meeting, meeting_from_text

SPEAKERS = [  # in the order of the notes
    "Lê Văn Hùng", "Phạm Văn Lộc", "Đặng Quốc Bảo", "Huỳnh Thị Mỹ Linh", "Trương Văn Đức", "Châu Văn Phúc",
    "Mai Văn Thắng", "Tư", "Võ Thị Hồng Nhung", "Trần Thị Kim Ngân", "Huỳnh Thị Mỹ Linh", "Ngô Minh Triết",
    "Đỗ Thị Bích Vân", "Võ Thị Hồng Nhung",
]


@pytest.fixture(scope="module")
def applied() -> tuple[Meeting, Meeting]:
    before = commune_meeting()
    outcome = apply_notes(before, notes_lines(before), today=dt.date(2025, 3, 5))
    return before, outcome.meeting


def _noted(meeting: Meeting) -> list:
    return [item for item in meeting.discussion if item.id]


def test_speakers_found_by_part_of_their_name_without_marks(applied: tuple[Meeting, Meeting]) -> None:
    before, after = applied
    assert after.discussion[:len(before.discussion)] == before.discussion  # hand-typed items stay first, as they were
    noted = _noted(after)
    assert [item.speaker for item in noted] == SPEAKERS
    assert noted[0].position == "Phó Chủ tịch UBND xã"
    assert noted[0].topic == "Kết quả thực hiện nhiệm vụ tháng 02"  # the topic written before the speaker
    # a continuation line, and a new sentence on a line of its own that gets its full stop
    assert noted[0].content == ("Báo cáo tóm tắt kết quả kinh tế - xã hội tháng 02. "
                                "Thu ngân sách đạt 18% dự toán năm, tăng 2% so với cùng kỳ.")
    assert noted[3].topic == "Giải ngân đầu tư công"
    assert noted[3].content == ("Giải ngân vốn đầu tư công mới đạt 12% kế hoạch. "
                                "Nguyên nhân chính là hồ sơ thanh toán còn chậm.")


def test_directives_and_tasks_with_units_and_dates(applied: tuple[Meeting, Meeting]) -> None:
    before, after = applied
    noted = after.directives[len(before.directives):]
    assert after.directives[:len(before.directives)] == before.directives
    assert [(d.speaker, d.content) for d in noted] == [
        ("Võ Thị Hồng Nhung", "Tập trung chỉ đạo xuống giống lúa Hè Thu đúng lịch thời vụ."),
        ("Lê Văn Hùng", "Đẩy nhanh tiến độ giải ngân vốn đầu tư công."),  # KL @hung:
    ]
    assert noted[1].position == "Phó Chủ tịch UBND xã"
    assert [(t.task, t.assignee, t.deadline) for d in noted for t in d.tasks] == [
        ("Nạo vét tuyến kênh Bình Lợi", "Trương Văn Đức", dt.date(2025, 3, 20)),  # → , hạn 20/3
        ("Sửa chữa cầu dân sinh ấp Bình Hòa", "Ấp Bình Hòa", dt.date(2025, 4, 15)),  # giao, trước 15/04/2025
        ("Rà soát các công trình chậm tiến độ", "Ban Quản lý dự án xã", dt.date(2025, 4, 30)),  # -, đến 30-4
        ("Tổng kết giải ngân năm", "Công chức Tài chính", dt.date(2026, 2, 10)),  # 10/2 is before the meeting
    ]


def test_attendance_absence_and_guest(applied: tuple[Meeting, Meeting]) -> None:
    before, after = applied
    ha = after.find_attendee("Lâm Thị Thu Hà")
    assert ha is not None and (ha.present, ha.absence_reason) == (False, "đi tập huấn tại huyện")
    assert [a.name for a in after.attendees if not a.present] == ["Lâm Thị Thu Hà"]
    guest = after.attendees[-1]
    assert (guest.name, guest.role, guest.to_check) == ("Tư", Role.GUEST, True)
    assert len(after.attendees) == len(before.attendees) + 1


def test_the_unplaceable_line_is_named_and_kept() -> None:
    meeting = commune_meeting()
    outcome = apply_notes(meeting, notes_lines(meeting), today=dt.date(2025, 3, 5))
    assert [(p.number, p.reason) for p in outcome.problems] == [
        (UNPLACEABLE_LINE, '"Thu Trang" is not among the attendees')]
    assert outcome.problems[0].text == "Vắng: @Thu Trang (ốm)"
    kept = [note for note in outcome.meeting.notes if note.text == "Vắng: @Thu Trang (ốm)"]
    assert len(kept) == 1 and kept[0].items == []
    assert len(outcome.meeting.notes) == 31  # every line but the blank one, each with its time
    assert outcome.meeting.notes[0].time == dt.time(7, 35)
    assert outcome.meeting.notes[2].time == dt.time(7, 35)  # no time of its own: the line before's
    assert outcome.meeting.notes[-1].time == dt.time(10, 40)


def test_each_note_names_the_items_it_produced(applied: tuple[Meeting, Meeting]) -> None:
    _before, after = applied
    by_text = {note.text: note for note in after.notes}
    speaker = by_text["@tư: Hội Nông dân sẵn sàng phối hợp vận động bà con."]
    assert [link.kind for link in speaker.items] == [NoteKind.GUEST, NoteKind.DISCUSSION]
    assert speaker.items[0].id == after.attendees[-1].id
    continuation = by_text["Thu ngân sách đạt 18% dự toán năm, tăng 2% so với cùng kỳ."]
    assert continuation.items[0].id == _noted(after)[0].id
    task = by_text["NV: Nạo vét tuyến kênh Bình Lợi → Trương Văn Đức, hạn 20/3"]
    assert task.items[0].kind is NoteKind.TASK and task.items[0].id == after.directives[-2].tasks[0].id


def test_the_meeting_given_is_not_changed_and_applying_again_changes_nothing() -> None:
    meeting = commune_meeting()
    untouched = copy.deepcopy(meeting)
    lines = notes_lines(meeting)
    first = apply_notes(meeting, lines, today=dt.date(2025, 3, 5))
    assert meeting == untouched
    second = apply_notes(first.meeting, lines, today=dt.date(2025, 3, 5))
    assert second.changes == []
    assert second.meeting == first.meeting


def test_notes_survive_the_file() -> None:
    meeting = commune_meeting()
    after = apply_notes(meeting, notes_lines(meeting)).meeting
    text = dumps_meeting(after)
    again = meeting_from_text(text)
    assert again == after
    assert dumps_meeting(again) == text


def test_editing_and_deleting_two_lines_updates_what_they_produced() -> None:
    meeting = commune_meeting()
    lines = notes_lines(meeting)
    first = apply_notes(meeting, lines, today=dt.date(2025, 3, 5))
    second = apply_notes(first.meeting, edited_lines(lines), today=dt.date(2025, 3, 5))
    after = second.meeting
    hung = _noted(after)[0]
    assert hung.id == _noted(first.meeting)[0].id  # the same item, updated
    assert hung.content == "Báo cáo kết quả kinh tế - xã hội tháng 02 và quý I."  # edited; continuation gone
    tasks = [t for d in after.directives for t in d.tasks if t.id]
    assert [(t.task, t.assignee, t.deadline) for t in tasks] == [
        ("Nạo vét tuyến kênh Bình Lợi", "Ban Quản lý dự án xã", dt.date(2025, 3, 25)),
        ("Sửa chữa cầu dân sinh ấp Bình Hòa", "Ấp Bình Hòa", dt.date(2025, 4, 15)),
        ("Rà soát các công trình chậm tiến độ", "Ban Quản lý dự án xã", dt.date(2025, 4, 30)),
    ]
    assert {(c.action, c.kind) for c in second.changes} == {
        (Action.UPDATED, NoteKind.DISCUSSION), (Action.UPDATED, NoteKind.TASK), (Action.REMOVED, NoteKind.TASK)}
    assert len(after.notes) == len(first.meeting.notes) - 2
    # the rest is as it was
    assert _noted(after)[1:] == _noted(first.meeting)[1:]
    assert after.attendees == first.meeting.attendees


def test_an_item_edited_by_hand_is_unlinked_not_overwritten() -> None:
    meeting = commune_meeting()
    lines = notes_lines(meeting)
    first = apply_notes(meeting, lines).meeting
    loc = _noted(first)[1]
    loc.content = "Tình hình an ninh trật tự ổn định (sửa tay)."
    changed = list(lines)
    changed[4] = NoteInput("@loc: Tình hình an ninh trật tự cơ bản ổn định.", changed[4].time)
    outcome = apply_notes(first, changed)
    assert _noted(outcome.meeting)[1].content == "Tình hình an ninh trật tự ổn định (sửa tay)."
    assert [(c.action, c.line) for c in outcome.changes] == [(Action.UNLINKED, 5)]
    note = outcome.meeting.notes[4]
    assert [(link.id, link.unlinked) for link in note.items] == [(loc.id, Unlinked.EDITED)]
    # editing the line again neither touches the item nor makes another one
    changed[4] = NoteInput("@loc: Tình hình an ninh trật tự ổn định.", changed[4].time)
    again = apply_notes(outcome.meeting, changed)
    assert again.changes == [] and _noted(again.meeting) == _noted(outcome.meeting)
    # deleting the line keeps the item and says so
    del changed[4:6]
    gone = apply_notes(again.meeting, changed)
    assert _noted(gone.meeting)[1].content == "Tình hình an ninh trật tự ổn định (sửa tay)."


def test_an_item_deleted_by_hand_is_not_made_again_and_deleting_its_line_keeps_what_was_edited() -> None:
    meeting = commune_meeting()
    lines = notes_lines(meeting)
    first = apply_notes(meeting, lines).meeting
    removed = first.discussion.pop(len(meeting.discussion) + 2)  # Bảo's intervention, deleted in the form
    outcome = apply_notes(first, lines)
    assert removed.id not in {item.id for item in outcome.meeting.discussion}
    assert [(c.action, c.line) for c in outcome.changes] == [(Action.UNLINKED, 7)]
    assert outcome.meeting.notes[6].items[0].unlinked is Unlinked.DELETED
    # a hand edit of a guest, then the deletion of the line that added it: the guest stays
    guest = outcome.meeting.attendees[-1]
    guest.name, guest.to_check = "Nguyễn Văn Tư", False
    without = [line for line in lines if not line.text.startswith("@tư")]
    kept = apply_notes(outcome.meeting, without)
    assert kept.meeting.attendees[-1].name == "Nguyễn Văn Tư"
    assert (Action.KEPT, NoteKind.GUEST) in {(c.action, c.kind) for c in kept.changes}
    assert (Action.REMOVED, NoteKind.DISCUSSION) in {(c.action, c.kind) for c in kept.changes}


def test_deleting_lines_removes_the_guest_and_the_absence_they_made() -> None:
    meeting = commune_meeting()
    lines = notes_lines(meeting)
    first = apply_notes(meeting, lines).meeting
    without = [line for line in lines if not line.text.startswith(("@tư", "Vắng: @Ha"))]
    after = apply_notes(first, without).meeting
    assert [a.name for a in after.attendees] == [a.name for a in meeting.attendees]
    assert all(a.present and not a.absence_reason for a in after.attendees)


def test_deleting_a_directive_line_moves_its_tasks_to_the_directive_above() -> None:
    meeting = commune_meeting()
    lines = notes_lines(meeting)
    first = apply_notes(meeting, lines).meeting
    without = [line for line in lines if not line.text.startswith("09:10 KL @hung")]
    outcome = apply_notes(first, without)
    last = outcome.meeting.directives[-1]
    assert last.content == "Tập trung chỉ đạo xuống giống lúa Hè Thu đúng lịch thời vụ."
    assert [t.task for t in last.tasks] == ["Nạo vét tuyến kênh Bình Lợi", "Sửa chữa cầu dân sinh ấp Bình Hòa",
                                            "Rà soát các công trình chậm tiến độ", "Tổng kết giải ngân năm"]
    assert [t.id for t in last.tasks] == [t.id for d in first.directives[-2:] for t in d.tasks]


def test_a_line_inserted_between_others_lands_between_their_items() -> None:
    meeting = commune_meeting()
    lines = notes_lines(meeting)
    first = apply_notes(meeting, lines).meeting
    inserted = [*lines[:6], NoteInput("@triet: Bổ sung ý kiến về hộ tịch."), *lines[6:]]
    after = apply_notes(first, inserted).meeting
    assert [item.speaker for item in _noted(after)][:4] == [
        "Lê Văn Hùng", "Phạm Văn Lộc", "Ngô Minh Triết", "Đặng Quốc Bảo"]


@pytest.mark.parametrize(("lines", "reason"), [
    (["Tình hình ổn định"], "no speaker yet: start the intervention with @name"),
    (["@loc: ổn định", "NV: Tuần tra → Công an xã"], "a task belongs to a directive: write KL: … on a line before it"),
    (["KL: Tập trung"], "no speaker yet: write KL @name: or start with @name"),
    (["@van: ổn định"], '"van" fits several people (Trần Văn Sáu, Võ Văn Sâu, Phạm Văn Lộc); write more of the name'),
    (["@sáu: a", "KL: b", "NV: c hạn 31/2"], '"31/2" is not a date: 02/2025 has 28 days'),
    (["# Nông nghiệp"], "no intervention comes after this topic"),
    (["Vắng: @sáu", "Vắng: @Sáu (ốm)"], "Trần Văn Sáu is already absent on line 1"),
])
def test_lines_that_cannot_be_placed_say_why(lines: list[str], reason: str) -> None:
    meeting = Meeting(meeting=MeetingInfo(title="Họp", date=dt.date(2025, 3, 5)),
                      attendees=[Attendee(name="Trần Văn Sáu"), Attendee(name="Võ Văn Sâu"),
                                 Attendee(name="Phạm Văn Lộc")])
    outcome = apply_notes(meeting, [NoteInput(text) for text in lines])
    assert [problem.reason for problem in outcome.problems] == [reason]
    assert [note.text for note in outcome.meeting.notes] == lines


def test_lines_after_an_unplaceable_speaker_are_not_given_to_the_one_before() -> None:
    meeting = Meeting(meeting=MeetingInfo(title="Họp"),
                      attendees=[Attendee(name="Trần Văn Sáu"), Attendee(name="Võ Văn Sâu")])
    lines = ("@sáu: Một", "@sau: Hai", "Ba", "KL: Bốn", "NV: Năm")
    outcome = apply_notes(meeting, [NoteInput(t) for t in lines])
    assert [item.content for item in outcome.meeting.discussion] == ["Một"]
    assert outcome.meeting.directives == []
    assert [p.number for p in outcome.problems] == [2, 3, 4, 5]
    assert {p.reason for p in outcome.problems[1:]} == {"it follows line 2, which could not be placed",
                                                         "it follows line 4, which could not be placed"}


def test_a_directive_without_a_speaker_is_the_chairs_and_the_directory_is_searched() -> None:
    meeting = Meeting(meeting=MeetingInfo(title="Họp", chair="Võ Thị Hồng Nhung"),
                      attendees=[Attendee(name="Võ Thị Hồng Nhung", position="Chủ tịch UBND xã", role=Role.CHAIR)])
    directory = [Attendee(name="Nguyễn Hữu Phước", position="Trưởng phòng Nội vụ huyện")]
    outcome = apply_notes(meeting, [NoteInput(t) for t in ("KL: Tập trung.", "@phuoc: Đồng ý.")], directory)
    after = outcome.meeting
    assert (after.directives[0].speaker, after.directives[0].position) == ("Võ Thị Hồng Nhung", "Chủ tịch UBND xã")
    guest = after.attendees[-1]
    assert (guest.name, guest.position, guest.role, guest.to_check) == (
        "Nguyễn Hữu Phước", "Trưởng phòng Nội vụ huyện", Role.GUEST, False)
    assert after.discussion[0].position == "Trưởng phòng Nội vụ huyện"


@pytest.mark.parametrize(("due", "expected"), [
    (DayMonth(20, 3, None, "20/3"), dt.date(2025, 3, 20)),
    (DayMonth(5, 3, None, "5/3"), dt.date(2025, 3, 5)),  # the meeting's own day
    (DayMonth(10, 2, None, "10/2"), dt.date(2026, 2, 10)),  # before the meeting: next year
    (DayMonth(10, 2, 2025, "10/02/2025"), dt.date(2025, 2, 10)),  # a year written is kept
])
def test_a_date_without_a_year_takes_the_meetings_or_the_next(due: DayMonth, expected: dt.date) -> None:
    assert due_date(due, dt.date(2025, 3, 5)) == expected


def test_a_meeting_with_notes_satisfies_the_published_schema_and_bad_links_are_refused() -> None:
    import json

    import jsonschema

    from minutes_app.paths import schema_path
    from minutes_app.storage import validate

    meeting = commune_meeting()
    data = json.loads(dumps_meeting(apply_notes(meeting, notes_lines(meeting)).meeting))
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert validate(data) == []
    assert data["attendees"][-1]["to_check"] is True and "to_check" not in data["attendees"][0]
    data["notes"][0]["items"][0]["kind"] = "speech"
    data["notes"][1]["time"] = "8h"
    assert [str(problem) for problem in validate(data)] == [
        'notes[0].items[0].kind: "speech" is not one of: discussion, directive, task, guest, absence',
        'notes[1].time: "8h" is not a time in the form HH:MM',
    ]


def _without_ids(items: list) -> list:
    return [dataclasses.replace(item, id="", **({"tasks": _without_ids(item.tasks)} if hasattr(item, "tasks") else {}))
            for item in items]


@pytest.mark.slow
def test_typing_a_character_at_a_time_ends_in_the_meeting_of_the_whole_text() -> None:
    """As the editor applies after every keystroke: the states between (half a name, "K" before "KL:")
    must leave nothing behind."""
    meeting = commune_meeting()
    text = "\n".join(line.text for line in notes_lines(meeting))
    at_once = apply_notes(meeting, [NoteInput(line) for line in text.split("\n")]).meeting
    typed = meeting
    for end in range(1, len(text) + 1):
        typed = apply_notes(typed, [NoteInput(line) for line in text[:end].split("\n")]).meeting
    for name in ("attendees", "discussion", "directives"):
        assert _without_ids(getattr(typed, name)) == _without_ids(getattr(at_once, name))


def test_a_full_name_in_the_directory_wins_over_a_part_of_an_attendees_name() -> None:
    meeting = Meeting(meeting=MeetingInfo(title="Họp"), attendees=[Attendee(name="Nguyễn Thanh Tâm")])
    directory = [Attendee(name="Nguyễn Hữu Phước", position="Trưởng phòng Nội vụ")]
    outcome = apply_notes(meeting, [NoteInput("@Nguyễn Hữu Phước: Đồng ý."), NoteInput("@tam: Cảm ơn.")], directory)
    assert [(d.speaker, d.content) for d in outcome.meeting.discussion] == [
        ("Nguyễn Hữu Phước", "Đồng ý."), ("Nguyễn Thanh Tâm", "Cảm ơn.")]
