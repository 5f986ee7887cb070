"""Pieces every builder of a document uses: the document number, the recipients, the file timestamp."""

from __future__ import annotations

import datetime as dt
import re

from ..l10n.agency import is_abbreviation
from ..model import Meeting
from .document import Recipients

# "Số: 07", "No. 12": the label the number line prints itself, typed as one would in Word.
_NUMBER_LABEL = re.compile(r"^(số|so|no)(?![^\W\d_])\s*[.:]?\s*", re.IGNORECASE)


def format_number_field(number: str) -> str:
    """The document number as NĐ 30 writes it: numbers below 10 take a leading zero ("5" → "05").

    A label typed before it ("Số: 7") and marks after it ("07/BB-UBND.") are dropped; a number typed with
    its symbol ("07/BB-UBND") is kept whole, and the templates then add no second symbol.
    """
    number = number.strip()
    if _NUMBER_LABEL.match(number) and any(ch.isdigit() for ch in number):
        number = _NUMBER_LABEL.sub("", number, count=1)
    number = number.rstrip(".;,: ").strip()
    # isascii(): "¹" and other Unicode digits pass isdigit() but are no number to pad.
    return f"{int(number):02d}" if number.isascii() and number.isdigit() and int(number) < 10 else number


# What a secretary types before a recipient as she would in Word: dashes, bullets, a "+".
_LEADING_MARKS = "-–—•·+*> \t"
_TRAILING_MARKS = ";.,: \t"


def recipient_line(text: str) -> str:
    """A typed recipient without the marks the list adds itself: "- Thường trực Đảng ủy xã;" →
    "Thường trực Đảng ủy xã" (leading dashes and bullets, trailing ";" "." "," and spaces)."""
    return " ".join(text.split()).lstrip(_LEADING_MARKS).rstrip(_TRAILING_MARKS).strip()


def _archive(text: str, prefix: str) -> str | None:
    """"Lưu: VT, TH" when ``text`` is the archive line ("lưu vt", "Lưu: VT, TH"; "" for "Lưu" alone),
    else None."""
    head, rest = text[:len(prefix)], text[len(prefix):]
    if head.casefold() != prefix.casefold() or rest[:1].isalpha():
        return None
    if not rest.lstrip().startswith(":") and rest.strip() and not is_abbreviation(rest.split()[0].upper()):
        return None  # "Lưu trữ lịch sử tỉnh" is a recipient; "Lưu VT" the archive line
    rest = rest.lstrip(": \t")
    if rest.lower() == rest:
        rest = rest.upper()  # "vt, th": the codes of the filing units
    return f"{prefix}: {rest}" if rest else ""  # "Lưu" alone: the default archive line


def recipients_block(names: list[str], heading: str, archive_line: str, archive_prefix: str) -> Recipients:
    """"- A;" … "- Lưu: VT." from recipients typed in any style ("- A;", "Lưu VT", "lưu: vt, th.").

    Each line is written "- …;" and the last "- ….", the archive line exactly once and last: the one
    typed, several typed in one ("Lưu: VT" and "Lưu: TH" → "Lưu: VT, TH"), or ``archive_line`` when none
    was.
    """
    others: list[str] = []
    units: list[str] = []  # where the copies are filed, as typed after "Lưu:"
    for name in names:
        line = recipient_line(name)
        if not line:
            continue
        filed = _archive(line, archive_prefix)
        if filed is None:
            others.append(line)
            continue
        for unit in filed.partition(":")[2].split(","):
            if unit.strip() and unit.strip().casefold() not in {u.casefold() for u in units}:
                units.append(unit.strip())
    lines = [*others, f"{archive_prefix}: {', '.join(units)}" if units else archive_line]
    return Recipients(heading, [f"- {name}{'.' if i == len(lines) - 1 else ';'}" for i, name in enumerate(lines)])


def timestamp(meeting: Meeting) -> dt.datetime:
    """File timestamps pinned to the meeting, so that the same meeting always gives the same bytes."""
    info = meeting.meeting
    return dt.datetime.combine(info.date or dt.date(2000, 1, 1), info.end or info.start or dt.time(0, 0))
