"""Dates as a secretary types them: "14/05/2025", "4/5/2025", "14-05-2025", "14.05.2025", "4/5", "14052025".

Day first, as Vietnamese (and British) offices write them; an ISO date ("2025-05-14") is read too. A
date without a year takes ``default_year``; a two-digit year is in this century. A day that does not
exist ("31/02/2025") is refused with the reason, never moved to another day.
"""

from __future__ import annotations

import datetime as dt
import re

from .i18n import gettext as _

_DAY_FIRST = re.compile(r"^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})(?:\s*[/.\-\s]\s*(\d{4}|\d{2}))?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DIGITS = re.compile(r"^(\d{2})(\d{2})(\d{4}|\d{2})$")


class DateInputError(ValueError):
    """The text is not a date; ``str()`` says why."""


def parse_typed_date(text: str, default_year: int | None = None) -> dt.date | None:
    """The date in ``text`` (None when empty); DateInputError naming the problem otherwise."""
    text = text.strip()
    if not text:
        return None
    iso = _ISO.match(text)
    match = _DAY_FIRST.match(text) or _DIGITS.match(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif match:
        day, month = int(match.group(1)), int(match.group(2))
        year_text = match.group(3)
        if year_text is None:
            year = default_year if default_year is not None else dt.date.today().year
        else:
            year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    else:
        raise DateInputError(_("\"{text}\" is not a date; write it as 31/12/2025.").format(text=text))
    if not 1 <= month <= 12:
        raise DateInputError(_("\"{text}\" is not a date: there is no month {month}.").format(text=text, month=month))
    if not 1 <= year <= 9999:
        raise DateInputError(_("\"{text}\" is not a date; write it as 31/12/2025.").format(text=text))
    import calendar  # (here: the editor's window opens without it)

    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise DateInputError(_("\"{text}\" is not a date: {month:02d}/{year} has {days} days.").format(
            text=text, month=month, year=year, days=days))
    return dt.date(year, month, day)


def format_typed_date(value: dt.date | None) -> str:
    """The date as the editor shows it back: "14/05/2025"."""
    return value.strftime("%d/%m/%Y") if value else ""
