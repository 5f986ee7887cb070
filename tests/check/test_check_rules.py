"""Every rule of the check before export: a meeting that breaks it, and one that does not."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable

import pytest

from minutes_app.check import Page, Severity, field_label, run_checks
from minutes_app.check.findings import Finding
from minutes_app.l10n.i18n import set_ui_language
from minutes_app.l10n.workdays import WorkCalendar
from minutes_app.model import Attendee, Directive, DiscussionItem, Indicator, Meeting, Role, Task


def rules_of(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


def test_the_clean_meeting_has_no_finding(meeting: Meeting) -> None:
    assert run_checks(meeting) == []


# (rule, how to break the clean meeting, where the finding must point, words of its sentence)
def _no_title(m: Meeting) -> None:
    m.meeting.title = "  "


def _no_date(m: Meeting) -> None:
    m.meeting.date = None


def _no_start(m: Meeting) -> None:
    m.meeting.start = None


def _no_place(m: Meeting) -> None:
    m.meeting.location = ""


def _no_agency(m: Meeting) -> None:
    m.header.agency = ""


def _no_date_line_place(m: Meeting) -> None:
    m.header.place = ""


def _no_chair(m: Meeting) -> None:
    m.meeting.chair = ""


def _no_secretary(m: Meeting) -> None:
    m.meeting.secretary = ""


def _end_before_start(m: Meeting) -> None:
    m.meeting.start, m.meeting.end = dt.time(14, 0), dt.time(11, 30)


def _chair_elsewhere(m: Meeting) -> None:
    m.meeting.chair = "Nguyễn Thanh Tâm"


def _secretary_elsewhere(m: Meeting) -> None:
    m.meeting.secretary = "Huỳnh Thị Mỹ Linh"


def _no_attendees(m: Meeting) -> None:
    m.attendees.clear()
    m.discussion.clear()


def _twice(m: Meeting) -> None:
    m.attendees.append(Attendee(name="  lê  văn HÙNG "))


def _guest_from_notes(m: Meeting) -> None:
    m.attendees.append(Attendee(name="Tư", role=Role.GUEST, to_check=True))


def _unitless(m: Meeting) -> None:
    m.results.indicators[0].unit = ""


def _unjudgeable(m: Meeting) -> None:
    m.results.indicators.append(Indicator(name="Tổng diện tích liên kết tiêu thụ", unit="ha", actual=3325))


def _outsider_speaks(m: Meeting) -> None:
    m.discussion.append(DiscussionItem(speaker="Châu Văn Phúc", topic="Kênh Ba Xuân"))


def _outsider_directs(m: Meeting) -> None:
    m.directives.append(Directive(speaker="Trần Văn Sáu", content="Chỉ đạo."))


def _no_directives(m: Meeting) -> None:
    m.directives.clear()


def _no_unit_in_charge(m: Meeting) -> None:
    m.directives[0].tasks[1].assignee = " "


def _no_deadline(m: Meeting) -> None:
    m.directives[0].tasks[1].deadline = None


def _deadline_before(m: Meeting) -> None:
    m.directives[0].tasks[1].deadline = dt.date(2025, 3, 1)  # a Saturday, and before: reported as "before" only


def _deadline_on_sunday(m: Meeting) -> None:
    m.directives[0].tasks[1].deadline = dt.date(2025, 3, 23)


def _deadline_on_holiday(m: Meeting) -> None:
    m.directives[0].tasks[1].deadline = dt.date(2025, 4, 7)  # Giỗ Tổ Hùng Vương, a Monday


def _no_recipients(m: Meeting) -> None:
    m.closing.recipients = ["", " "]


def _no_signer(m: Meeting) -> None:
    m.notice.signer_name = ""


def _carried_bare(m: Meeting) -> None:
    m.follow_up = [Task(task="Báo cáo tháng trước", assignee="Văn phòng", done=dt.date(2025, 3, 1)),
                   Task(task="Nạo vét kênh Ba Xuân", assignee="Địa chính", progress="  ")]


BREAKS: list[tuple[str, Callable[[Meeting], None], Page, tuple, str]] = [
    ("missing-field", _no_title, Page.GENERAL, ("meeting", "title"), "no title"),
    ("missing-field", _no_date, Page.GENERAL, ("meeting", "date"), "date of the meeting is missing"),
    ("missing-field", _no_start, Page.GENERAL, ("meeting", "start"), "time the meeting started"),
    ("missing-field", _no_place, Page.GENERAL, ("meeting", "location"), "place of the meeting"),
    ("missing-field", _no_agency, Page.GENERAL, ("header", "agency"), "issuing agency"),
    ("missing-field", _no_date_line_place, Page.GENERAL, ("header", "place"), "date line"),
    ("missing-field", _no_chair, Page.GENERAL, ("meeting", "chair"), "as the chair"),
    ("missing-field", _no_secretary, Page.GENERAL, ("meeting", "secretary"), "as the secretary"),
    ("end-before-start", _end_before_start, Page.GENERAL, ("meeting", "end"),
     "ends at 11:30 AM, before it starts at 2:00 PM"),
    ("chair-not-attendee", _chair_elsewhere, Page.GENERAL, ("meeting", "chair"), "The chair, Nguyễn Thanh Tâm,"),
    ("secretary-not-attendee", _secretary_elsewhere, Page.GENERAL, ("meeting", "secretary"), "Huỳnh Thị Mỹ Linh"),
    ("no-attendees", _no_attendees, Page.ATTENDEES, ("attendees",), "Nobody is listed"),
    ("duplicate-attendee", _twice, Page.ATTENDEES, ("attendees", 4, "name"),
     "Lê Văn Hùng is listed twice among the attendees (rows 3 and 5)"),
    ("guest-to-check", _guest_from_notes, Page.ATTENDEES, ("attendees", 4, "name"),
     "Tư was added as a guest from the quick notes: check the name"),
    ("indicator-without-unit", _unitless, Page.RESULTS, ("results", "indicators", 0, "unit"), "Diện tích xuống giống"),
    ("indicator-without-reference", _unjudgeable, Page.RESULTS, ("results", "indicators", 2, "plan"),
     "neither a plan nor last year's figure"),
    ("speaker-not-attendee", _outsider_speaks, Page.DISCUSSION, ("discussion", 1, "speaker"),
     "Châu Văn Phúc speaks in the discussion"),
    ("speaker-not-attendee", _outsider_directs, Page.DIRECTIVES, ("directives", 1, "speaker"),
     "Trần Văn Sáu gives directions"),
    ("no-directives", _no_directives, Page.DIRECTIVES, ("directives",), "no directives"),
    ("task-without-assignee", _no_unit_in_charge, Page.DIRECTIVES, ("directives", 0, "tasks", 1, "assignee"),
     "“Báo cáo tiến độ thu ngân sách” has no unit in charge"),
    ("task-without-deadline", _no_deadline, Page.DIRECTIVES, ("directives", 0, "tasks", 1, "deadline"), "no deadline"),
    ("task-deadline-before-meeting", _deadline_before, Page.DIRECTIVES, ("directives", 0, "tasks", 1, "deadline"),
     "1 Mar 2025, is before the meeting (5 Mar 2025)"),
    ("task-deadline-day-off", _deadline_on_sunday, Page.DIRECTIVES, ("directives", 0, "tasks", 1, "deadline"),
     "23 Mar 2025, falls on a weekend"),
    ("task-deadline-day-off", _deadline_on_holiday, Page.DIRECTIVES, ("directives", 0, "tasks", 1, "deadline"),
     "7 Apr 2025, is a public holiday (Hung Kings' Commemoration Day)"),
    ("follow-up-not-reported", _carried_bare, Page.FOLLOW_UP, ("follow_up", 1, "progress"),
     "Nothing is reported on the carried task “Nạo vét kênh Ba Xuân”"),
    ("no-recipients", _no_recipients, Page.CLOSING, ("closing", "recipients"), "no recipients"),
    ("notice-without-signer", _no_signer, Page.CLOSING, ("notice", "signer_name"), "no signer's name"),
]


@pytest.mark.parametrize(("rule", "breaks", "page", "path", "words"), BREAKS,
                         ids=[f"{b[0]}:{b[1].__name__}" for b in BREAKS])
def test_a_broken_meeting_gives_exactly_that_finding(meeting: Meeting, rule: str, breaks: Callable[[Meeting], None],
                                                     page: Page, path: tuple, words: str) -> None:
    breaks(meeting)
    findings = run_checks(meeting)
    assert rules_of(findings) == [rule]
    finding = findings[0]
    assert finding.page is page
    assert finding.path == path
    assert words in finding.message
    assert finding.message.endswith(".")
    assert field_label(finding)  # the CLI and the panel can say where


def test_severity_separates_what_is_wrong_from_what_is_probably_missing(meeting: Meeting) -> None:
    _end_before_start(meeting)
    _no_deadline(meeting)
    by_rule = {f.rule: f.severity for f in run_checks(meeting)}
    assert by_rule == {"end-before-start": Severity.ERROR, "task-without-deadline": Severity.WARNING}


# -- what must NOT be reported ------------------------------------------------------------------
def test_names_match_across_case_spaces_and_unicode_forms(meeting: Meeting) -> None:
    decomposed = unicodedata.normalize("NFD", "Võ Thị Hồng Nhung")
    meeting.meeting.chair = f"  {decomposed.upper()} "
    meeting.meeting.secretary = "trần  thị kim ngân"
    meeting.discussion.append(DiscussionItem(speaker=unicodedata.normalize("NFD", "Lê Văn Hùng")))
    assert run_checks(meeting) == []


def test_the_same_name_decomposed_is_still_a_duplicate(meeting: Meeting) -> None:
    meeting.attendees.append(Attendee(name=unicodedata.normalize("NFD", "Phạm Văn Lộc")))
    assert rules_of(run_checks(meeting)) == ["duplicate-attendee"]


def test_an_absent_attendee_may_be_named_and_speakers_may_be_left_blank(meeting: Meeting) -> None:
    meeting.discussion.append(DiscussionItem(speaker="Phạm Văn Lộc", topic="Trật tự"))  # listed, though absent
    meeting.discussion.append(DiscussionItem(speaker="", topic="Only the topic was noted"))
    assert run_checks(meeting) == []


def test_a_speaker_outside_the_list_is_reported_once_with_the_name_to_add(meeting: Meeting) -> None:
    for topic in ("a", "b"):
        meeting.discussion.append(DiscussionItem(speaker="Châu Văn Phúc", topic=topic))
    meeting.directives.append(Directive(speaker="châu văn phúc", content="…"))
    findings = run_checks(meeting)
    assert rules_of(findings) == ["speaker-not-attendee"]
    assert findings[0].person == "Châu Văn Phúc"
    assert findings[0].path == ("discussion", 1, "speaker")


def test_the_chair_missing_from_the_list_is_reported_once_even_when_giving_directions(meeting: Meeting) -> None:
    meeting.attendees.pop(0)  # the chair, who also gives the directives
    findings = run_checks(meeting)
    assert rules_of(findings) == ["chair-not-attendee"]
    assert findings[0].person == "Võ Thị Hồng Nhung"


def test_an_indicator_with_last_year_only_or_with_no_figure_is_fine(meeting: Meeting) -> None:
    meeting.results.indicators.append(Indicator(name="Số vụ tai nạn", unit="vụ", actual=1, previous=2))
    meeting.results.indicators.append(Indicator(name="Chỉ tiêu chưa có số liệu"))  # no figure: no unit needed
    assert run_checks(meeting) == []


def test_end_equal_to_start_and_a_deadline_on_the_meeting_day_are_not_reported(meeting: Meeting) -> None:
    meeting.meeting.end = meeting.meeting.start
    meeting.directives[0].tasks[0].deadline = meeting.meeting.date
    assert run_checks(meeting) == []


def test_a_deadline_on_a_make_up_saturday_is_a_working_day(meeting: Meeting) -> None:
    meeting.directives[0].tasks[0].deadline = dt.date(2025, 4, 26)  # worked in exchange for Friday 2 May 2025
    assert run_checks(meeting) == []
    meeting.directives[0].tasks[0].deadline = dt.date(2025, 5, 2)
    assert rules_of(run_checks(meeting)) == ["task-deadline-day-off"]


def test_the_users_calendar_decides_days_off_and_make_up_days(meeting: Meeting) -> None:
    friday, saturday = dt.date(2025, 3, 21), dt.date(2025, 3, 22)
    meeting.directives[0].tasks[0].deadline = friday
    meeting.directives[0].tasks[1].deadline = saturday
    calendar = WorkCalendar.of(days_off=[friday], working_days=[saturday])
    findings = run_checks(meeting, calendar=calendar)
    assert rules_of(findings) == ["task-deadline-day-off"]
    assert findings[0].path == ("directives", 0, "tasks", 0, "deadline")
    assert "is a day off in your calendar" in findings[0].message
    assert rules_of(run_checks(meeting)) == ["task-deadline-day-off"]  # without it: Saturday is the day off
    assert run_checks(meeting)[0].path == ("directives", 0, "tasks", 1, "deadline")


# -- document numbers in the folder --------------------------------------------------------------
def _other(number: str = "5", notice: str = "", year: int = 2025, code: str = "ubnd") -> Meeting:
    other = Meeting()
    other.header.number, other.header.agency_code = number, code
    other.notice.number = notice
    other.meeting.date = dt.date(year, 1, 8)
    return other


def test_a_minutes_number_used_by_another_meeting_of_the_folder(meeting: Meeting) -> None:
    findings = run_checks(meeting, folder_meetings=[("a.minutes.json", _other()), ("b.minutes.json", _other())])
    assert rules_of(findings) == ["duplicate-document-number"]
    finding = findings[0]
    assert (finding.page, finding.path) == (Page.GENERAL, ("header", "number"))
    assert finding.message == "The minutes number 05 is already used by the meeting of 8 Jan 2025 in “a.minutes.json”."


def test_a_notice_number_used_by_another_meeting_of_the_folder(meeting: Meeting) -> None:
    other = _other(number="", notice="12")
    other.meeting.date = None
    findings = run_checks(meeting, folder_meetings=[("c.minutes.json", other)])
    assert rules_of(findings) == ["duplicate-document-number"]
    assert (findings[0].page, findings[0].path) == (Page.CLOSING, ("notice", "number"))
    assert findings[0].message == "The notice number 12 is already used by the meeting in “c.minutes.json”."


@pytest.mark.parametrize("other", [_other(year=2024), _other(code="UBND-VP"), _other(number="15"),
                                   _other(number="", notice="05")], ids=["last-year", "other-agency", "other-number",
                                                                         "a-notice-numbered-5"])
def test_numbers_of_another_year_agency_or_kind_are_not_a_clash(meeting: Meeting, other: Meeting) -> None:
    assert run_checks(meeting, folder_meetings=[("x.minutes.json", other)]) == []


def test_blank_numbers_are_written_by_hand_and_never_clash(meeting: Meeting) -> None:
    meeting.header.number = meeting.notice.number = ""
    assert run_checks(meeting, folder_meetings=[("x.minutes.json", _other(number="", notice=""))]) == []


# -- order, locators and language ----------------------------------------------------------------
def test_findings_come_in_page_order_then_row_order(meeting: Meeting) -> None:
    _no_signer(meeting)
    meeting.directives[0].tasks[1].deadline = None
    meeting.directives[0].tasks[0].assignee = ""
    _unitless(meeting)
    _end_before_start(meeting)
    findings = run_checks(meeting)
    assert [f.page for f in findings] == [Page.GENERAL, Page.RESULTS, Page.DIRECTIVES, Page.DIRECTIVES, Page.CLOSING]
    assert [f.task_row for f in findings if f.page is Page.DIRECTIVES] == [0, 1]


def test_the_locator_reads_row_task_and_column(meeting: Meeting) -> None:
    meeting.directives.append(Directive(speaker="Võ Thị Hồng Nhung", content="…",
                                        tasks=[Task(task="a", assignee="b", deadline=dt.date(2025, 3, 31)),
                                               Task(task="Lập kế hoạch huấn luyện dân quân", assignee="")]))
    findings = run_checks(meeting)
    assert rules_of(findings) == ["task-without-assignee", "task-without-deadline"]
    first = findings[0]
    assert (first.row, first.task_row, first.column) == (1, 1, "assignee")
    assert field_label(first) == "Directives, row 2, task 2, Unit in charge"
    assert field_label(findings[1]) == "Directives, row 2, task 2, Deadline"


def test_field_labels_of_forms_lists_and_table_cells(meeting: Meeting) -> None:
    _no_chair(meeting)
    _twice(meeting)
    _unitless(meeting)
    labels = [field_label(f) for f in run_checks(meeting)]
    assert labels == ["Chair", "Attendees, row 5, Full name", "Indicators, row 1, Unit"]
    meeting.attendees.clear()
    no_one = next(f for f in run_checks(meeting) if f.rule == "no-attendees")
    assert (no_one.row, no_one.column, field_label(no_one)) == (None, "", "Attendees")


def test_long_task_names_are_shortened_in_the_sentence(meeting: Meeting) -> None:
    meeting.directives[0].tasks[0].task = "Rà soát " * 20
    meeting.directives[0].tasks[0].deadline = None
    message = run_checks(meeting)[0].message
    assert "…”" in message
    assert len(message) < 120


def test_dates_in_the_sentences_follow_the_interface_language(meeting: Meeting) -> None:
    _deadline_on_sunday(meeting)
    assert "23 Mar 2025" in run_checks(meeting)[0].message
    set_ui_language("vi")
    assert "23/03/2025" in run_checks(meeting)[0].message
