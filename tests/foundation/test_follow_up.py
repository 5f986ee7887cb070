"""Task status, carrying open tasks into the next meeting, and the register of a folder's tasks."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
from support import COMMUNE_SAMPLE

from minutes_app.model import (
    Directive,
    Meeting,
    MeetingInfo,
    Task,
    TaskStatus,
    carry_open_tasks,
    next_meeting,
    open_tasks,
    task_key,
    task_status,
)
from minutes_app.paths import schema_path
from minutes_app.storage import dumps_meeting, load_meeting, meeting_from_text, save_meeting, validate
from minutes_app.storage.task_register import collect_tasks

MARCH = COMMUNE_SAMPLE.name


def test_status_is_done_overdue_or_open_against_the_day_given() -> None:
    task = Task(task="Nạo vét kênh", deadline=dt.date(2025, 3, 20))
    assert task_status(task, dt.date(2025, 3, 20)) is TaskStatus.OPEN  # due today is not late yet
    assert task_status(task, dt.date(2025, 3, 21)) is TaskStatus.OVERDUE
    task.done = dt.date(2025, 3, 22)
    assert task_status(task, dt.date(2025, 4, 1)) is TaskStatus.DONE
    assert task_status(Task(task="Không thời hạn"), dt.date(2099, 1, 1)) is TaskStatus.OPEN


def test_next_meeting_keeps_what_recurs_and_carries_the_open_tasks() -> None:
    march = load_meeting(COMMUNE_SAMPLE)
    march.directives[0].tasks[0].done = dt.date(2025, 3, 19)
    april = next_meeting(march, MARCH)

    assert april.header.agency == march.header.agency
    assert april.header.number == "/BB-UBND" or not april.header.number[:1].isdigit()
    assert april.meeting.date is None and april.meeting.title == march.meeting.title
    assert [a.name for a in april.attendees] == [a.name for a in march.attendees]
    assert all(a.present and not a.absence_reason for a in april.attendees)
    assert [i.name for i in april.results.indicators] == [i.name for i in march.results.indicators]
    assert all(i.actual is None for i in april.results.indicators)
    assert april.directives == [] and april.discussion == []
    assert april.follows is not None and april.follows.file == MARCH
    assert april.follows.date == march.meeting.date

    given = [t for t in march.all_tasks() if t.done is None]
    assert [t.task for t in april.follow_up] == [t.task for t in given]
    first = april.follow_up[0]
    assert first.origin is not None and first.origin.file == MARCH and first.origin.date == march.meeting.date
    assert first.origin.key == task_key(MARCH, given[0])
    # The copy is the new meeting's own: reporting on it does not touch March.
    first.progress = "Đang thực hiện"
    assert given[0].progress == ""


def test_a_task_carried_twice_keeps_where_it_was_first_given() -> None:
    march = load_meeting(COMMUNE_SAMPLE)
    april = next_meeting(march, MARCH)
    april.meeting.date = dt.date(2025, 4, 2)
    april.follow_up[0].task = "Nạo vét kênh Ba Xuân (gia hạn)"  # reworded and given more time
    april.follow_up[0].deadline = dt.date(2025, 4, 30)
    april.follow_up[1].done = dt.date(2025, 3, 28)
    april.directives = [Directive(speaker="X", content="Y", tasks=[Task(task="Mới", assignee="Công an xã")])]
    may = carry_open_tasks(april, "thang-4.minutes.json")
    assert may[0].origin.file == MARCH and may[0].origin.key == task_key(MARCH, march.all_tasks()[0])
    assert may[0].task.endswith("(gia hạn)")
    assert all(t.task != april.follow_up[1].task for t in may)  # done: not carried
    assert may[-1].task == "Mới" and may[-1].origin.file == "thang-4.minutes.json"
    assert open_tasks(april)[0] is april.follow_up[0]


def test_follow_up_round_trips_and_matches_the_published_schema(tmp_path: Path) -> None:
    april = next_meeting(load_meeting(COMMUNE_SAMPLE), MARCH)
    april.follow_up[0].done = dt.date(2025, 3, 19)
    april.follow_up[0].progress = "Đã nạo vét 1,2 km"
    text = dumps_meeting(april)
    data = json.loads(text)
    assert data["follows"]["file"] == MARCH
    assert data["follow_up"][0]["origin"]["file"] == MARCH and data["follow_up"][0]["done"] == "2025-03-19"
    assert validate(data) == []
    jsonschema.Draft202012Validator(json.loads(schema_path().read_text(encoding="utf-8"))).validate(data)
    again = meeting_from_text(text)
    assert again == april and dumps_meeting(again) == text


def test_a_bad_carried_task_is_named_by_its_path() -> None:
    data = json.loads(dumps_meeting(next_meeting(load_meeting(COMMUNE_SAMPLE), MARCH)))
    data["follow_up"][1]["done"] = "19/03/2025"
    data["follow_up"][2]["origin"]["date"] = 5
    messages = [str(p) for p in validate(data)]
    assert any(m.startswith("follow_up[1].done:") and "YYYY-MM-DD" in m for m in messages)
    assert any(m.startswith("follow_up[2].origin.date:") for m in messages)


def _meeting(title: str, day: dt.date, *tasks: Task) -> Meeting:
    return Meeting(meeting=MeetingInfo(title=title, date=day),
                   directives=[Directive(speaker="Chủ tịch", content="Chỉ đạo", tasks=list(tasks))])


def test_register_lists_each_task_once_at_its_latest_state(tmp_path: Path) -> None:
    march = _meeting("Giao ban tháng 3", dt.date(2025, 3, 5),
                     Task(task="Nạo vét kênh", assignee="Địa chính", deadline=dt.date(2025, 3, 20)),
                     Task(task="Thu thuế", assignee="Tài chính", deadline=dt.date(2025, 3, 25)),
                     Task(task="Tuần tra ĐT 848", assignee="Công an xã", deadline=dt.date(2025, 4, 30)))
    save_meeting(march, tmp_path / "thang-3.minutes.json")
    april = next_meeting(march, "thang-3.minutes.json")
    april.meeting.title, april.meeting.date = "Giao ban tháng 4", dt.date(2025, 4, 2)
    april.follow_up[0].done = dt.date(2025, 3, 19)  # reported done at the April meeting
    april.directives = [Directive(tasks=[Task(task="Kế hoạch hè", assignee="Văn hóa", deadline=dt.date(2025, 5, 15)),
                                         Task(task="Báo cáo quý", assignee="Địa chính", deadline=dt.date(2025, 4, 5))])]
    save_meeting(april, tmp_path / "thang-4.minutes.json")
    (tmp_path / "hong.minutes.json").write_text("{ not json", encoding="utf-8")

    register = collect_tasks(tmp_path, dt.date(2025, 4, 10))
    rows = [(e.status.value, e.unit, e.task.task, e.file.name) for e in register.entries]
    assert rows == [
        ("overdue", "Địa chính", "Báo cáo quý", "thang-4.minutes.json"),
        ("overdue", "Tài chính", "Thu thuế", "thang-4.minutes.json"),
        ("open", "Công an xã", "Tuần tra ĐT 848", "thang-4.minutes.json"),
        ("open", "Văn hóa", "Kế hoạch hè", "thang-4.minutes.json"),
        ("done", "Địa chính", "Nạo vét kênh", "thang-4.minutes.json"),
    ]
    carried = register.entries[1]
    assert carried.given_file == "thang-3.minutes.json" and carried.given_date == dt.date(2025, 3, 5)
    assert carried.given_title == "Giao ban tháng 3" and register.entries[0].given_title == "Giao ban tháng 4"
    assert carried.place.directive is None and carried.place.index == 1
    assert register.entries[0].place.directive == 0 and register.entries[0].place.index == 1
    assert register.meetings == 2
    assert [path.name for path, _reason in register.unreadable] == ["hong.minutes.json"]
    assert (register.count(TaskStatus.OVERDUE), register.count(TaskStatus.OPEN), register.count(TaskStatus.DONE)) \
        == (2, 2, 1)


def test_register_reads_again_a_file_changed_since_the_last_read(tmp_path: Path) -> None:
    path = tmp_path / "thang-3.minutes.json"
    march = _meeting("Giao ban tháng 3", dt.date(2025, 3, 5), Task(task="Nạo vét kênh", deadline=dt.date(2025, 3, 20)))
    save_meeting(march, path)
    assert collect_tasks(tmp_path, dt.date(2025, 4, 1)).entries[0].status is TaskStatus.OVERDUE
    march.directives[0].tasks[0].done = dt.date(2025, 3, 18)
    save_meeting(march, path)
    assert collect_tasks(tmp_path, dt.date(2025, 4, 1)).entries[0].status is TaskStatus.DONE
    path.write_text("{", encoding="utf-8")
    register = collect_tasks(tmp_path, dt.date(2025, 4, 1))
    assert register.entries == [] and register.unreadable[0][0] == path
