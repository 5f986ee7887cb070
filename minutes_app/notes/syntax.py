"""The line syntax of the quick notes, read one line at a time without any context.

Vietnamese markers first, English aliases beside them; markers are matched without case and without
marks ("Vắng", "vang", "VANG" are one marker), names are kept as typed:

    08:20 @sáu: …        the speaker (an intervention); "@Sau …" without a colon takes one word
    a plain line         continues the intervention or directive above it
    KL: … / CĐ: …        a directive (kết luận, chỉ đạo); "KL @nhanh: …" names its speaker
    NV: … / + …          a task of the directive above: "… → unit, hạn 15/3" ("giao" or " - " for →;
                         "trước" or "đến" for hạn; dates 15/3, 15/03/2025, 30-4)
    Vắng: @ửng (lý do)   an attendee is absent, with the reason
    Chủ đề: … / # …      the topic of the current intervention

Whether a name is known, which directive a task belongs to and which year a date falls in depend on
the lines before and on the meeting: ``placing`` decides that.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from ..l10n.collation import without_marks
from ..l10n.i18n import gettext as _


class LineKind(str, Enum):
    BLANK = "blank"
    SPEAKER = "speaker"
    CONTINUATION = "continuation"
    DIRECTIVE = "directive"
    TASK = "task"
    ABSENCE = "absence"
    TOPIC = "topic"


class Part(str, Enum):
    """What a stretch of a line is, for colouring it in the editor."""

    MARKER = "marker"
    SPEAKER = "speaker"
    UNIT = "unit"
    DATE = "date"


@dataclass(frozen=True)
class Span:
    """A part of a line (a speaker, a deadline…), by its offsets in the line's text."""

    start: int  # offsets in ``Line.text``
    end: int
    part: Part


@dataclass(frozen=True)
class NameQuery:
    """A name typed after "@": the words to look for, and how many of them a new guest would take."""

    words: tuple[str, ...]
    guest_words: int  # all the words before a colon; one word when there was no colon
    span: Span
    reason: str = ""  # for an absence: the reason in brackets


@dataclass(frozen=True)
class DayMonth:
    """A date as typed: the year may be missing (the meeting's year, or the next one)."""

    day: int
    month: int
    year: int | None
    typed: str


@dataclass
class Line:
    """One line read on its own."""

    text: str  # NFC, without the leading time and outer blanks
    kind: LineKind
    time: dt.time | None = None  # the time written at the start of the line, if any
    body: str = ""  # the text after the marker (the task without its unit and date)
    names: list[NameQuery] = field(default_factory=list)  # the speaker, or the people absent
    unit: str = ""
    due: DayMonth | None = None
    spans: list[Span] = field(default_factory=list)
    problem: str = ""  # why the line cannot be placed, whatever comes before it


_KEYWORDS: dict[LineKind, tuple[str, ...]] = {
    LineKind.DIRECTIVE: ("ket luan", "chi dao", "kl", "cd", "directive", "conclusion", "decision"),
    LineKind.TASK: ("nhiem vu", "nv", "task", "action", "todo"),
    LineKind.ABSENCE: ("vang mat", "vang", "absent", "apologies"),
    LineKind.TOPIC: ("chu de", "topic"),
}
_KEYWORD_KIND = {word: kind for kind, words in _KEYWORDS.items() for word in words}
_MARKER = re.compile(r"(?P<kw>" + "|".join(sorted(_KEYWORD_KIND, key=len, reverse=True)).replace(" ", r"\s+")
                     + r")\s*(?:@(?P<who>[^:@]*?))?\s*:\s*")
_SYMBOLS = {"+": LineKind.TASK, "#": LineKind.TOPIC}
_TIME = re.compile(r"(?P<h>\d{1,2})[:hg](?P<m>\d{2})(?=\s|$)\s*")
_DATE = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<mo>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}|\d{2}))?"
_DUE = re.compile(r"(?:^|(?<=[\s,;(]))(?P<kw>han|truoc|den|by|due|before)(?:\s+ngay)?\s*:?\s*" + _DATE
                  + r"\s*\)?[\s.;,]*$")
_ARROW = re.compile(r"\s*(?:→|->|=>)\s*")
_GIVE = re.compile(r"\s+(?:giao\s+cho|giao|assigned\s+to)\s+")
_DASH = re.compile(r"\s+[-–—]\s+")
_ABSENT = re.compile(r"\s*@?(?P<name>[^(),;@]*?)\s*(?:\((?P<reason>[^)]*)\)?|[-–—:]\s*(?P<rest>[^,;@]*))?\s*(?:[,;]|$)")
_TRIM = " \t,;:.-–—"
MAX_NAME_WORDS = 5


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    folded = without_marks(char).lower()
    return folded if len(folded) == 1 else char


def fold(text: str) -> str:
    """The text without case and marks, character for character (offsets stay valid)."""
    return "".join(map(_fold_char, text))


def split_time(text: str) -> tuple[dt.time | None, str, str]:
    """(time, the rest of the line, a problem) of a line that may start with "08:20"."""
    text = unicodedata.normalize("NFC", text).strip()
    match = _TIME.match(text)
    if not match:
        return None, text, ""
    hour, minute = int(match["h"]), int(match["m"])
    if hour > 23 or minute > 59:
        return None, text, _("\"{time}\" is not a time of day").format(time=match.group().strip())
    return dt.time(hour, minute), text[match.end():], ""


@lru_cache(maxsize=8192)
def read_line(raw: str) -> Line:
    """The kind and parts of one line of notes (cached: the editor reads every line after each keystroke;
    the ``Line`` returned is shared and must not be changed)."""
    time, text, problem = split_time(raw)
    if not text:
        return Line(text="", kind=LineKind.BLANK, time=time, problem=problem)
    line = Line(text=text, kind=LineKind.CONTINUATION, time=time, body=text, problem=problem)
    folded = fold(text)
    if text[0] == "@":
        _read_speaker(line, 1)
    elif text[0] in _SYMBOLS:
        line.kind = _SYMBOLS[text[0]]
        line.spans.append(Span(0, 1, Part.MARKER))
        _read_body(line, 1)
    elif (match := _MARKER.match(folded)) is not None:
        line.kind = _KEYWORD_KIND[" ".join(match["kw"].split())]
        line.spans.append(Span(0, match.end(), Part.MARKER))
        if match["who"] is not None:
            if line.kind is not LineKind.DIRECTIVE:
                line.problem = line.problem or _("only a directive (KL) takes a speaker before its colon")
            else:
                words = text[match.start("who"):match.end("who")].split()
                if words:
                    span = Span(match.start("who") - 1, match.end("who"), Part.SPEAKER)
                    line.names.append(NameQuery(tuple(words), len(words), span))
        _read_body(line, match.end())
    line.spans = sorted([*line.spans, *(name.span for name in line.names)], key=lambda span: span.start)
    return line


def _read_speaker(line: Line, start: int) -> None:
    """"@sáu: text" (the words before the colon) or "@Sau text" (one word, or more if they are a name)."""
    line.kind = LineKind.SPEAKER
    rest = line.text[start:]
    colon = rest.find(":")
    before = rest[:colon].split() if colon >= 0 else []
    if before and len(before) <= MAX_NAME_WORDS:
        words, guest_words, end = before, len(before), start + colon
        line.body = rest[colon + 1:].strip()
    else:
        words = rest.split()[:3]
        guest_words = 1
        first = words[0].rstrip(_TRIM) if words else ""
        words = [first, *words[1:]] if first else []
        end = start + rest.find(first) + len(first) if first else start
        line.body = rest[rest.find(first) + len(first):].strip(_TRIM + " ") if first else rest.strip()
    if not words:
        line.problem = line.problem or _("no name after @")
        return
    line.names.append(NameQuery(tuple(words), guest_words, Span(start - 1, end, Part.SPEAKER)))


def _read_body(line: Line, start: int) -> None:
    body = line.text[start:]
    offset = start + len(body) - len(body.lstrip())
    body = body.strip()
    line.body = body
    if line.kind is LineKind.TASK:
        _read_task(line, body, offset)
    elif line.kind is LineKind.ABSENCE:
        _read_absence(line, body, offset)
    if not line.body and not line.names and not line.problem:
        line.problem = _("nothing was written after the marker")


def _read_task(line: Line, body: str, offset: int) -> None:
    """Split "task → unit, hạn 15/3" into the task, the unit and the date."""
    due = _DUE.search(fold(body))
    if due is not None:
        year = int(due["y"]) if due["y"] else None
        if year is not None and year < 100:
            year += 2000
        typed = body[due.start("d"):due.end("y") if due["y"] else due.end("mo")]
        line.due = DayMonth(int(due["d"]), int(due["mo"]), year, typed)
        line.spans.append(Span(offset + due.start("kw"), offset + due.end("y" if due["y"] else "mo"), Part.DATE))
        body = body[:due.start()]
    folded = fold(body)
    separator = None
    for pattern in (_ARROW, _GIVE, _DASH):
        found = list(pattern.finditer(folded))
        if found:
            separator = found[-1]
            break
    task = body
    if separator is not None:
        unit = body[separator.end():]
        task = body[:separator.start()]
        stripped = unit.rstrip(_TRIM + " ")
        if stripped:
            line.unit = stripped
            line.spans.append(Span(offset + separator.end(), offset + separator.end() + len(stripped), Part.UNIT))
    line.body = task.strip().rstrip(_TRIM + " ")
    if not line.body and not line.problem:
        line.problem = _("the task itself is missing")


def _read_absence(line: Line, body: str, offset: int) -> None:
    """"@ửng (đi họp huyện), @hai (ốm)": one name each, a reason in brackets or after a dash."""
    position = 0
    while position < len(body):
        match = _ABSENT.match(body, position)
        if match is None or match.end() == position:
            break
        position = match.end()
        words = match["name"].split()
        if not words:
            continue
        reason = (match["reason"] or match["rest"] or "").strip()
        span = Span(offset + match.start("name"), offset + match.end("name"), Part.SPEAKER)
        line.names.append(NameQuery(tuple(words), len(words), span, reason))
    line.body = ""
    if not line.names and not line.problem:
        line.problem = _("no name after the marker: write Vắng: @name (reason)")
