"""The NĐ 30 date line of the letterhead for every month and every day 1–31, and in the DOCX."""

from __future__ import annotations

import calendar
import datetime as dt
import io

import docx
import pytest

from minutes_app.export.document import Letterhead
from minutes_app.export.docx_writer import write_docx
from minutes_app.export.minutes import build_minutes
from minutes_app.model import Header, Language, Meeting, MeetingInfo

# How the decree writes each month: 1 and 2 with a leading zero, the others as they are.
MONTHS = {1: "01", 2: "02", 3: "3", 4: "4", 5: "5", 6: "6", 7: "7", 8: "8", 9: "9", 10: "10", 11: "11", 12: "12"}
DAYS = {day: (f"0{day}" if day < 10 else str(day)) for day in range(1, 32)}


def _meeting(date: dt.date | None, language: str = "vi") -> Meeting:
    header = Header(agency="UBND HUYỆN LẤP VÒ", agency_code="UBND", place="Lấp Vò")
    return Meeting(language=Language(language), header=header, meeting=MeetingInfo(title="Họp", date=date))


def _place_date(meeting: Meeting) -> str:
    letterhead = next(b for b in build_minutes(meeting).blocks if isinstance(b, Letterhead))
    return letterhead.place_date


@pytest.mark.parametrize("month", range(1, 13))
def test_every_day_of_every_month(month: int) -> None:
    last = calendar.monthrange(2024, month)[1]  # a leap year: 29 February too
    for day in range(1, last + 1):
        expected = f"Lấp Vò, ngày {DAYS[day]} tháng {MONTHS[month]} năm 2024"
        assert _place_date(_meeting(dt.date(2024, month, day))) == expected


def test_examples_from_the_decree() -> None:
    assert _place_date(_meeting(dt.date(2020, 12, 29))) == "Lấp Vò, ngày 29 tháng 12 năm 2020"
    assert _place_date(_meeting(dt.date(2021, 1, 5))) == "Lấp Vò, ngày 05 tháng 01 năm 2021"
    assert _place_date(_meeting(dt.date(2021, 6, 29))) == "Lấp Vò, ngày 29 tháng 6 năm 2021"


def test_the_date_line_in_the_docx_is_italic_and_exact() -> None:
    document = docx.Document(io.BytesIO(write_docx(build_minutes(_meeting(dt.date(2025, 2, 3))))))
    cell = document.tables[0].rows[1].cells[1]
    assert cell.text == "Lấp Vò, ngày 03 tháng 02 năm 2025"
    style = cell.paragraphs[0].style
    assert style.font.italic is True


def test_no_date_leaves_blanks_to_fill_by_hand() -> None:
    assert _place_date(_meeting(None)) == "Lấp Vò, ngày      tháng      năm"


def test_english_dates_are_day_month_year() -> None:
    assert _place_date(_meeting(dt.date(2024, 10, 7), "en")) == "Lấp Vò, 7 October 2024"
