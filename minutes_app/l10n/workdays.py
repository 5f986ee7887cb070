"""Vietnamese working days, and the due date of the notice of conclusions.

A day is a working day of a public office when it is not a Saturday or Sunday and not a public
holiday, unless the government made it a make-up working day. The statutory holidays — including the
lunar ones, Tết Nguyên Đán (named "Giao thừa Tết Nguyên Đán", "Tết Nguyên Đán", "Mùng hai/ba/bốn Tết
Nguyên Đán" and, where a Tết day is moved, "29 Tết"/"Mùng năm Tết Nguyên Đán") and Giỗ Tổ Hùng Vương
("Ngày Giỗ Tổ Hùng Vương", 10th of the 3rd lunar month) — come from the maintained ``holidays``
package (``holidays.country_holidays("VN")``), which also carries the day swaps it knows of (for
example 2 May 2025 off, Saturday 26 April 2025 worked) in ``weekend_workdays``.

The government moves days every year, often late, and the package may hold only the statutory days.
What it lacks the user enters in the settings as extra days off and make-up working days; they are
kept in ``calendar.json`` in the user data folder::

    {"days_off": ["2026-01-02"], "working_days": ["2026-01-10"]}

(dates in ISO form; both lists optional). A make-up working day wins over everything; an extra day
off wins over an ordinary weekday.

For 2025 and 2026 the package's statutory Tết days, with the weekends around them, give exactly the
government's Tết breaks for public servants: 25 Jan–2 Feb 2025 and 14–22 Feb 2026.

The notice of conclusions is due 5 working days after the meeting (QĐ 45/2018/QĐ-TTg): counting
starts the day after the meeting, so a meeting on Monday 6 Jan 2025 has its notice due on Monday
13 Jan 2025.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import MinutesError
from ..safe_io import read_json_file
from ..userdirs import user_data_dir
from .file_problems import unreadable
from .i18n import gettext as _

if TYPE_CHECKING:
    import holidays

NOTICE_WORKING_DAYS = 5  # QĐ 45/2018/QĐ-TTg: the notice of conclusions within 5 working days
CALENDAR_FILE_NAME = "calendar.json"
MAX_CALENDAR_BYTES = 1024 * 1024  # a year's corrections are a few hundred bytes
WEEKEND = frozenset({5, 6})  # Saturday, Sunday (date.weekday())
_LANGUAGES = {"vi": "vi", "en": "en_US"}  # our language codes → the package's


class CalendarFileError(MinutesError):
    """calendar.json in the user data folder cannot be read; the message names the file and the entry."""


@dataclass(frozen=True)
class WorkCalendar:
    """The user's corrections to the national calendar: extra days off and make-up working days."""

    days_off: frozenset[dt.date] = field(default_factory=frozenset)
    working_days: frozenset[dt.date] = field(default_factory=frozenset)

    @classmethod
    def of(cls, days_off: Iterable[dt.date] = (), working_days: Iterable[dt.date] = ()) -> WorkCalendar:
        return cls(frozenset(days_off), frozenset(working_days))

    def is_working_day(self, day: dt.date) -> bool:
        """True when the office works that day."""
        return is_working_day(day, self)

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        return add_working_days(start, count, self)


EMPTY_CALENDAR = WorkCalendar()


@lru_cache(maxsize=64)
def _national(year: int, language: str = "vi") -> holidays.HolidayBase:
    import holidays  # ~30–80 ms of import: only when a date is first counted, not at the editor's start-up

    return holidays.country_holidays("VN", years=year, language=_LANGUAGES.get(language, "vi"))


def public_holiday_name(day: dt.date, language: str = "vi") -> str | None:
    """The name of the public holiday on ``day`` ("Tết Nguyên Đán", "Hung Kings' Commemoration Day"), if any."""
    return _national(day.year, language).get(day)


def public_holidays(year: int, language: str = "vi") -> dict[dt.date, str]:
    """The statutory days off of ``year``, with their names, in date order."""
    return dict(sorted(_national(year, language).items()))


def _package_workday(day: dt.date) -> bool:
    """A weekend day the package knows was worked in exchange for another day off."""
    return day in getattr(_national(day.year), "weekend_workdays", ())


def is_working_day(day: dt.date, calendar: WorkCalendar | None = None) -> bool:
    """True when public offices work on ``day``: not a weekend or a holiday, or a make-up day."""
    calendar = calendar or EMPTY_CALENDAR
    if day in calendar.working_days:
        return True
    if day in calendar.days_off:
        return False
    if day in _national(day.year):
        return False
    return day.weekday() not in WEEKEND or _package_workday(day)


def add_working_days(start: dt.date, count: int, calendar: WorkCalendar | None = None) -> dt.date:
    """The ``count``-th working day after ``start`` (``start`` itself never counts); negative counts go back."""
    step = 1 if count >= 0 else -1
    day, left = start, abs(count)
    while left:
        if day in (dt.date.max, dt.date.min):
            return day  # a typing slip like year 9999 must not crash the check
        day += dt.timedelta(days=step)
        if is_working_day(day, calendar):
            left -= 1
    return day


def working_days_between(start: dt.date, end: dt.date, calendar: WorkCalendar | None = None) -> int:
    """How many working days lie after ``start`` up to and including ``end`` (0 when end <= start)."""
    return sum(is_working_day(start + dt.timedelta(days=i), calendar) for i in range(1, (end - start).days + 1))


def notice_due_date(meeting_date: dt.date, calendar: WorkCalendar | None = None) -> dt.date:
    """The last day to issue the notice of conclusions: 5 working days after the meeting."""
    return add_working_days(meeting_date, NOTICE_WORKING_DAYS, calendar)


def calendar_path() -> Path:
    """Where the settings keep the user's extra days off and make-up working days."""
    return user_data_dir() / CALENDAR_FILE_NAME


def load_calendar(path: Path | None = None) -> WorkCalendar:
    """The user's calendar from ``calendar.json``; an empty one when the file does not exist."""
    path = calendar_path() if path is None else path
    try:
        data = read_json_file(path, MAX_CALENDAR_BYTES)
    except FileNotFoundError:
        return EMPTY_CALENDAR
    except OSError as error:  # a folder, a FIFO or a device under its name is never read (it would hang)
        raise CalendarFileError(unreadable(path, error)) from None
    except ValueError as error:
        raise CalendarFileError(_("{path}: the calendar of days off is not valid JSON ({reason})").format(
            path=path, reason=error)) from None
    if not isinstance(data, dict):
        raise CalendarFileError(_("{path}: the calendar of days off must hold \"days_off\" and \"working_days\" "
                                  "lists").format(path=path))
    return WorkCalendar(_dates(data, "days_off", path), _dates(data, "working_days", path))


def calendar_to_json(calendar: WorkCalendar) -> str:
    """The text of ``calendar.json`` for ``calendar`` (what the settings dialog writes)."""
    data = {"days_off": sorted(d.isoformat() for d in calendar.days_off),
            "working_days": sorted(d.isoformat() for d in calendar.working_days)}
    return json.dumps(data, indent=2) + "\n"


def _dates(data: dict, key: str, path: Path) -> frozenset[dt.date]:
    values = data.get(key, [])
    if not isinstance(values, list):
        raise CalendarFileError(_("{path}: \"{key}\" must be a list of dates such as \"2026-01-02\"").format(
            path=path, key=key))
    dates = set()
    for index, value in enumerate(values):
        try:
            dates.add(dt.date.fromisoformat(value))
        except (TypeError, ValueError):
            raise CalendarFileError(_("{path}: \"{key}\", entry {number}: {value} is not a date such as "
                                      "\"2026-01-02\"").format(path=path, key=key, number=index + 1,
                                                                 value=_shown(value))) from None
    return frozenset(dates)


def _shown(value: object) -> str:
    """A value of the file as its JSON, short enough for one line, half characters escaped."""
    text = json.dumps(value, ensure_ascii=False)
    text = text if len(text) <= 60 else text[:59] + "…"
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
