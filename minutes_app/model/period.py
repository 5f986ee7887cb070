"""The period a meeting's results cover (``results.period``), and the period they are compared with.

The period is typed as the office writes it — "2023", "năm 2023", "quý I/2024", "tháng 3/2024",
"6 tháng đầu năm 2024", "học kỳ I năm học 2023-2024", "Q3 2024" — and read here into a few facts:
whether it is a whole year (compared with the year before: "so với năm 2022") or a part of one
(compared with the same part of the year before: "so với cùng kỳ năm 2023"), and which year. When
the field is empty the editor shows, and the documents use, a guess from the title and the date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .meeting import Meeting

_SCHOOL_YEAR = re.compile(r"\b(?:năm học|school year|academic year)\s+(\d{4})\s*[-–/]\s*(\d{2}|\d{4})\b",
                          re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")
_PART_OF_YEAR = re.compile(
    r"\b(tháng|quý|tuần|học kỳ|đợt|giao ban|month|quarter|week|half|semester|term|season"
    r"|monthly|quarterly|weekly)\b"
    r"|\b(?:q[1-4]|h[12])\b"
    r"|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)
_MONTH = re.compile(r"\btháng\s+(\d{1,2})(?:\s+năm\s+(\d{4})|\s*/\s*(\d{4}))?", re.IGNORECASE)
_QUARTER = re.compile(r"\bquý\s+([IV]{1,3}|\d)(?:\s+năm\s+(\d{4})|\s*/\s*(\d{4}))?", re.IGNORECASE)
_HALF = re.compile(r"\b(6|9) tháng(?: đầu)? năm (\d{4})", re.IGNORECASE)
_EN_QUARTER = re.compile(r"\b(first|second|third|fourth)\s+quarter\b|\bQ([1-4])\b", re.IGNORECASE)
_SEMESTER = re.compile(r"\bhọc kỳ\s+(?:[IV]{1,3}|\d)\b", re.IGNORECASE)
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# A year's review is held from its last weeks to the first months of the next: a meeting in these
# months of the year its title names reviews the year before ("triển khai nhiệm vụ năm 2024", 8/3/2024).
_REVIEW_MONTHS_OF_NEXT_YEAR = 3


@dataclass(frozen=True)
class Period:
    """What the documents need to know of a period: a whole year or a part of one, and its year."""

    text: str
    whole_year: bool
    year: int | None = None
    school_year: tuple[int, int] | None = None  # (2023, 2024) for "năm học 2023-2024"

    @property
    def previous_school_year(self) -> str:
        """"2022-2023" for the school year 2023-2024; "" when the period is not a school year."""
        if self.school_year is None:
            return ""
        start, end = self.school_year
        return f"{start - 1}-{end - 1}"


def parse_period(text: str) -> Period | None:
    """The facts of a period as typed; None when nothing is typed."""
    text = " ".join((text or "").split())
    if not text:
        return None
    school = _SCHOOL_YEAR.search(text)
    if school:
        start = int(school.group(1))
        end = int(school.group(2)) if len(school.group(2)) == 4 else start + 1
        whole = not _PART_OF_YEAR.search(_SCHOOL_YEAR.sub("", text))
        return Period(text, whole, end, (start, end))
    years = _YEAR.findall(text)
    year = int(years[-1]) if years else None
    return Period(text, not _PART_OF_YEAR.search(text) and year is not None, year)


def guess_period(title: str, date: dt.date | None, language: str = "vi") -> str:
    """The period the results of a meeting of this title and date most likely cover ("" if none).

    The part of the year the title names ("tháng 02 năm 2025" → "tháng 02/2025", "third quarter
    2024" → "Q3 2024"), else a year: the first the title names that is not after the meeting, or the
    year before when the meeting falls early in that year. A title that names no period gives no
    guess: the documents then compare with "cùng kỳ" rather than with a year they would invent.
    """
    title = " ".join((title or "").split())
    vi = language == "vi"
    school = _SCHOOL_YEAR.search(title)
    if school:
        semester = _SEMESTER.search(title)
        return f"{semester.group(0)} {school.group(0)}" if semester else school.group(0)
    part = _part_of_year(title, date)
    if part:
        return part
    if _PART_OF_YEAR.search(title):
        return ""  # a part of the year named too loosely to guess ("Quarterly meeting", "giao ban")
    years = [int(y) for y in _YEAR.findall(title)]
    if date is not None:
        years = [y for y in years if y <= date.year] or years
    if not years:
        return ""
    year = years[0]
    if date is not None and year == date.year and date.month <= _REVIEW_MONTHS_OF_NEXT_YEAR:
        year -= 1
    return f"năm {year}" if vi else str(year)


def _part_of_year(title: str, date: dt.date | None) -> str:
    """"tháng 02/2025", "quý I/2024", "6 tháng đầu năm 2024", "Q3 2024" when the title names one."""
    default_year = date.year if date is not None else None
    half = _HALF.search(title)
    if half:
        return f"{half.group(1)} tháng đầu năm {half.group(2)}"
    for pattern, roman in ((_MONTH, False), (_QUARTER, True)):
        found = pattern.search(title)
        if found:
            year = found.group(2) or found.group(3) or _first_year_after(title, found.end()) or default_year
            number = found.group(1).upper() if roman else f"{int(found.group(1)):02d}"
            if roman:
                number = _ROMAN.get(number, number)
            word = "quý" if roman else "tháng"
            return f"{word} {number}/{year}" if year else f"{word} {number}"
    quarter = _EN_QUARTER.search(title)
    if quarter:
        number = _ORDINALS[quarter.group(1).lower()] if quarter.group(1) else int(quarter.group(2))
        year = _first_year_after(title, 0) or default_year
        return f"Q{number} {year}" if year else f"Q{number}"
    return ""  # no part named, or one too loosely named ("tuần", "đợt"): the secretary types it


def _first_year_after(text: str, start: int) -> int | None:
    found = _YEAR.search(text, start)
    return int(found.group(1)) if found else None


def meeting_period(meeting: Meeting) -> Period | None:
    """The period the documents compare from: the one typed, else the guess from the title and date."""
    info = meeting.meeting
    return parse_period(meeting.results.period) or parse_period(
        guess_period(info.title, info.date, meeting.language.value))
