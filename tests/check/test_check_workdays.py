"""Vietnamese working days: weekends, Tết and Giỗ Tổ from the holidays package, the user's own days."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutes_app.l10n.workdays import (
    CalendarFileError,
    WorkCalendar,
    add_working_days,
    calendar_path,
    calendar_to_json,
    is_working_day,
    load_calendar,
    notice_due_date,
    public_holiday_name,
    public_holidays,
    working_days_between,
)
from minutes_app.userdirs import user_data_dir

D = dt.date


def days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


# -- Tết ---------------------------------------------------------------------------------------
def test_tet_2025_break_is_25_january_to_2_february() -> None:
    """Thông báo 6150/TB-BLĐTBXH: public servants off from Saturday 25/01 to Sunday 02/02/2025."""
    assert not any(is_working_day(day) for day in days(D(2025, 1, 25), D(2025, 2, 2)))
    assert is_working_day(D(2025, 1, 24)) and is_working_day(D(2025, 2, 3))


def test_tet_2026_break_is_14_to_22_february() -> None:
    assert not any(is_working_day(day) for day in days(D(2026, 2, 14), D(2026, 2, 22)))
    assert is_working_day(D(2026, 2, 13)) and is_working_day(D(2026, 2, 23))


def test_notice_due_across_tet_2025() -> None:
    # Friday 24/01/2025, the last day before Tết: 5 working days are 3–7 February.
    assert notice_due_date(D(2025, 1, 24)) == D(2025, 2, 7)
    assert notice_due_date(D(2025, 1, 22)) == D(2025, 2, 5)  # 23, 24, then 3, 4, 5 February


def test_notice_due_across_tet_2026() -> None:
    # Thursday 12/02/2026: 13 February, then 23–26 February.
    assert notice_due_date(D(2026, 2, 12)) == D(2026, 2, 26)
    assert working_days_between(D(2026, 2, 12), D(2026, 2, 26)) == 5


def test_notice_due_across_a_weekend() -> None:
    assert notice_due_date(D(2025, 3, 5)) == D(2025, 3, 12)  # Wednesday → next Wednesday
    assert notice_due_date(D(2025, 3, 7)) == D(2025, 3, 14)  # Friday → next Friday
    assert notice_due_date(D(2025, 3, 8)) == D(2025, 3, 14)  # a Saturday meeting counts from Monday
    assert not is_working_day(D(2025, 3, 8)) and not is_working_day(D(2025, 3, 9))


def test_notice_due_across_new_year_and_national_day() -> None:
    assert notice_due_date(D(2020, 12, 29)) == D(2021, 1, 6)  # 1 January off
    assert notice_due_date(D(2025, 8, 29)) == D(2025, 9, 9)  # 1–2 September 2025 off


def test_the_package_names_tet_and_gio_to_in_both_languages() -> None:
    assert public_holiday_name(D(2025, 1, 29), "vi") == "Tết Nguyên Đán"
    assert public_holiday_name(D(2026, 2, 17), "vi") == "Tết Nguyên Đán"
    assert public_holiday_name(D(2025, 1, 29), "en") == "Lunar New Year"
    assert public_holiday_name(D(2025, 4, 7), "vi") == "Ngày Giỗ Tổ Hùng Vương"  # 10/3 âm lịch Ất Tỵ
    assert public_holiday_name(D(2025, 4, 7), "en") == "Hung Kings' Commemoration Day"
    assert public_holiday_name(D(2025, 4, 8)) is None
    names_2026 = public_holidays(2026, "vi")
    assert names_2026[D(2026, 4, 26)] == "Ngày Giỗ Tổ Hùng Vương"  # a Sunday…
    assert not is_working_day(D(2026, 4, 27))  # …so the Monday after is off


def test_make_up_days_the_package_knows() -> None:
    assert is_working_day(D(2025, 4, 26))  # Saturday worked for Friday 2 May 2025
    assert not is_working_day(D(2025, 5, 2))


# -- the user's calendar -------------------------------------------------------------------------
def test_user_days_off_and_make_up_days_move_the_due_date() -> None:
    calendar = WorkCalendar.of(days_off=[D(2026, 1, 2)], working_days=[D(2026, 1, 10)])
    assert not calendar.is_working_day(D(2026, 1, 2))
    assert calendar.is_working_day(D(2026, 1, 10))
    # Wednesday 31/12/2025: 1 January off; then 2, 5, 6, 7, 8 January, or 5–9 January when the 2nd is off too.
    assert notice_due_date(D(2025, 12, 31)) == D(2026, 1, 8)
    assert notice_due_date(D(2025, 12, 31), calendar) == D(2026, 1, 9)
    assert calendar.add_working_days(D(2026, 1, 8), 2) == D(2026, 1, 10)


def test_a_users_working_day_wins_over_a_holiday() -> None:
    assert WorkCalendar.of(working_days=[D(2025, 4, 30)]).is_working_day(D(2025, 4, 30))


@given(start=st.dates(min_value=D(2024, 1, 1), max_value=D(2027, 12, 1)), count=st.integers(0, 40))
def test_adding_working_days_lands_on_a_working_day_and_counts_back(start: dt.date, count: int) -> None:
    end = add_working_days(start, count)
    assert working_days_between(start, end) == count
    if count:
        assert is_working_day(end)
        assert add_working_days(end, -count) <= start


def test_load_calendar_reads_the_users_file_and_round_trips() -> None:
    assert calendar_path() == user_data_dir() / "calendar.json"
    assert load_calendar() == WorkCalendar()  # no file: nothing added
    calendar = WorkCalendar.of(days_off=[D(2026, 1, 2)], working_days=[D(2026, 1, 10)])
    calendar_path().parent.mkdir(parents=True, exist_ok=True)
    calendar_path().write_text(calendar_to_json(calendar), encoding="utf-8")
    assert json.loads(calendar_path().read_text(encoding="utf-8")) == {"days_off": ["2026-01-02"],
                                                                       "working_days": ["2026-01-10"]}
    assert load_calendar() == calendar


@pytest.mark.parametrize(("text", "words"), [
    ("{not json", "not valid JSON"),
    ("[]", "must hold"),
    ('{"days_off": "2026-01-02"}', "\"days_off\" must be a list"),
    ('{"days_off": ["2026-01-02", "02/01/2026"]}', "entry 2: \"02/01/2026\" is not a date"),
])
def test_a_broken_calendar_file_is_named_with_what_is_wrong(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "calendar.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CalendarFileError) as caught:
        load_calendar(path)
    assert str(path) in str(caught.value)
    assert words in str(caught.value)


def test_the_checker_and_the_calendar_never_import_qt() -> None:
    import subprocess
    import sys

    from support import REPO

    code = ("import sys, minutes_app.check, minutes_app.check.rules, minutes_app.l10n.workdays\n"
            "print(','.join(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == ""


def test_dates_at_the_ends_of_the_calendar_do_not_crash() -> None:
    assert notice_due_date(D(9999, 12, 30)) == D(9999, 12, 31)
    assert add_working_days(D(1, 1, 3), -5) == D(1, 1, 1)
    assert is_working_day(D(2200, 2, 3))  # beyond the package's lunar tables: weekdays only
