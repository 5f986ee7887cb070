"""``minutes-app check FILE``: one line per finding, the notice's due date, exit 1 when anything is found."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from support import COMMUNE_SAMPLE, SEED_SAMPLE, run_cli

from minutes_app.l10n.workdays import WorkCalendar, calendar_path, calendar_to_json
from minutes_app.model import Attendee, DiscussionItem, Indicator, Meeting, Task
from minutes_app.storage import save_meeting

# Each kind of mistake, as the secretary reads it.
EXPECTED = [
    "General › Place: The place of the meeting is missing.",
    "General › End: The meeting ends at 11:30 AM, before it starts at 2:00 PM.",
    "General › Chair: The chair, Nguyễn Thanh Tâm, is not in the list of attendees.",
    "General › Secretary: The secretary, Huỳnh Thị Mỹ Linh, is not in the list of attendees.",
    "General › Number: The minutes number 05 is already used by the meeting of 8 Jan 2025 in “earlier.minutes.json”.",
    "Attendees › Attendees, row 5, Full name: Lê Văn Hùng is listed twice among the attendees (rows 3 and 5).",
    "Results › Indicators, row 1, Unit: The indicator “Diện tích xuống giống” has figures but no unit.",
    "Results › Indicators, row 3, Plan: The indicator “Tổng diện tích liên kết tiêu thụ” has a result but neither a "
    "plan nor last year's figure to compare it with.",
    "Discussion › Discussion, row 2, Speaker: Châu Văn Phúc speaks in the discussion but is not in the list of "
    "attendees.",
    "Directives & tasks › Directives, row 1, task 1, Unit in charge: The task “Nạo vét kênh Ba Xuân” has no unit in "
    "charge.",
    "Directives & tasks › Directives, row 1, task 2, Deadline: The deadline of the task “Báo cáo tiến độ thu ngân "
    "sách”, 10 Mar 2025, is a day off in your calendar.",
    "Directives & tasks › Directives, row 1, task 3, Deadline: The task “Lập kế hoạch huấn luyện dân quân” has no "
    "deadline.",
    "Directives & tasks › Directives, row 1, task 4, Deadline: The deadline of the task “Rà soát hộ nghèo”, "
    "1 Mar 2025, is before the meeting (5 Mar 2025).",
    "Closing & recipients › Recipients of the minutes: The minutes have no recipients (“Nơi nhận”).",
    "Closing & recipients › Name of the signer: The notice of conclusions has no signer's name.",
]


def _every_mistake(meeting: Meeting) -> Meeting:
    info = meeting.meeting
    info.location = ""
    info.start, info.end = dt.time(14, 0), dt.time(11, 30)
    info.chair, info.secretary = "Nguyễn Thanh Tâm", "Huỳnh Thị Mỹ Linh"
    meeting.attendees.append(Attendee(name="lê văn hùng"))
    meeting.results.indicators[0].unit = ""
    meeting.results.indicators.append(Indicator(name="Tổng diện tích liên kết tiêu thụ", unit="ha", actual=3325))
    meeting.discussion.append(DiscussionItem(speaker="Châu Văn Phúc", topic="Kênh Ba Xuân"))
    tasks = meeting.directives[0].tasks
    tasks[0].assignee = ""
    tasks[1].deadline = dt.date(2025, 3, 10)  # a Monday the office gave off (calendar.json)
    tasks.append(Task(task="Lập kế hoạch huấn luyện dân quân", assignee="Ban Chỉ huy Quân sự xã"))
    tasks.append(Task(task="Rà soát hộ nghèo", assignee="Công chức Văn hóa - Xã hội", deadline=dt.date(2025, 3, 1)))
    meeting.closing.recipients = []
    meeting.notice.signer_name = ""
    return meeting


def test_check_lists_each_kind_of_mistake_once(tmp_path: Path, meeting: Meeting) -> None:
    folder = tmp_path / "meetings"
    folder.mkdir()
    earlier = Meeting()
    earlier.header.number, earlier.header.agency_code = "5", "UBND"
    earlier.meeting.title, earlier.meeting.date = "Giao ban tháng 01", dt.date(2025, 1, 8)
    save_meeting(earlier, folder / "earlier.minutes.json")
    (folder / "broken.minutes.json").write_text("{", encoding="utf-8")  # skipped, not fatal
    path = folder / "mistakes.minutes.json"
    save_meeting(_every_mistake(meeting), path)
    calendar_path().parent.mkdir(parents=True, exist_ok=True)
    calendar_path().write_text(calendar_to_json(WorkCalendar.of(days_off=[dt.date(2025, 3, 10)])), encoding="utf-8")

    result = run_cli("check", path)

    assert result.returncode == 1
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    for expected in EXPECTED:
        assert lines.count(expected) == 1, expected
    # Wednesday 5 March 2025: 6, 7, then 11, 12, 13 March (Monday 10 is off in calendar.json).
    assert lines[-1] == "The notice of conclusions is due by 13 March 2025 (5 working days after the meeting)."
    assert len(lines) == len(EXPECTED) + 1


def test_check_reports_an_empty_list_of_attendees_and_of_directives(tmp_path: Path, meeting: Meeting) -> None:
    meeting.attendees.clear()
    meeting.discussion.clear()
    meeting.directives.clear()
    path = tmp_path / "empty.minutes.json"
    save_meeting(meeting, path)
    result = run_cli("check", path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "Attendees › Attendees: Nobody is listed as attending the meeting.",
        "Directives & tasks › Directives: There are no directives: the notice of conclusions would have nothing to "
        "announce.",
        "The notice of conclusions is due by 12 March 2025 (5 working days after the meeting).",
    ]


def test_check_of_a_clean_meeting_exits_0_with_the_due_date_in_vietnamese() -> None:
    result = run_cli("check", COMMUNE_SAMPLE, ui="vi")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert str(COMMUNE_SAMPLE) in lines[0]
    assert "ngày 12 tháng 3 năm 2025" in lines[1]  # Wednesday 5 → Wednesday 12 March


def test_check_of_the_seed_sample_lists_its_six_findings() -> None:
    result = run_cli("check", SEED_SAMPLE)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 7
    assert sum("has no deadline." in line for line in lines) == 4
    assert lines[-1] == "The notice of conclusions is due by 6 January 2021 (5 working days after the meeting)."


def test_check_of_a_missing_file_or_a_broken_calendar_is_one_clear_line(tmp_path: Path) -> None:
    result = run_cli("check", tmp_path / "nowhere.minutes.json")
    assert result.returncode == 1
    assert "nowhere.minutes.json" in result.stderr and "Traceback" not in result.stderr
    calendar_path().parent.mkdir(parents=True, exist_ok=True)
    calendar_path().write_text('{"days_off": ["tomorrow"]}', encoding="utf-8")
    result = run_cli("check", COMMUNE_SAMPLE)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"{calendar_path()}: \"days_off\", entry 1: \"tomorrow\" is not a date such as \"2026-01-02\""]


def test_help_lists_check() -> None:
    result = run_cli("--help")
    assert "check" in result.stdout
