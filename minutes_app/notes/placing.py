"""Placing the lines of the notes: what each line asks for, given the lines before it and the meeting.

The result is a list of wanted items (interventions, directives, tasks, guests, absences), each owned
by the line that opened it and added to by the lines that continue it, and one problem for every line
that cannot be placed. Nothing here changes the meeting: ``apply`` compares the wanted items with what
the earlier notes produced.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..l10n.dates import DateInputError, parse_typed_date
from ..l10n.i18n import gettext as _
from ..model import Attendee, Meeting, NoteKind, NoteLink, Role
from .people import Found, People
from .syntax import DayMonth, Line, LineKind, NameQuery, read_line


@dataclass(frozen=True)
class LineProblem:
    """A line that could not be placed: it stays in the notes, unplaced, with the reason."""

    number: int  # 1-based, counting every line given (blank ones too)
    text: str
    reason: str

    def __str__(self) -> str:
        return _("line {number}: {reason}: {text}").format(number=self.number, reason=self.reason, text=self.text)


@dataclass(eq=False)
class Wanted:
    """An item the notes ask for, with the fields the notes write."""

    kind: NoteKind
    owner: int  # index of the line that opened it
    fields: dict[str, Any]
    contributors: list[int] = field(default_factory=list)  # the owner and the lines that add to it
    parent: Wanted | None = None  # a task's directive
    person: Attendee | None = None  # an absence's attendee; a guest's new attendee
    link: NoteLink | None = None  # what the same line produced the last time the notes were applied
    id: str = ""


@dataclass
class Placed:
    """The items the notes' lines ask for, their problems, and the lines as read."""

    wanted: list[Wanted]
    problems: list[LineProblem]
    lines: list[Line]


# The fields of a guest the notes write; any other change to them is an edit by hand (ticking off
# ``to_check`` included: the guest was checked and is the secretary's now).
GUEST_FIELDS = ("name", "gender", "position", "organization", "role", "to_check")
_FAILED = Wanted(NoteKind.DISCUSSION, -1, {})  # stands for an item whose line could not be placed


def due_date(due: DayMonth, meeting_day: dt.date) -> dt.date:
    """The date a deadline names: without a year, the meeting's year, or the next one when that is before it.

    Read as the editor's date fields read a typed date; a day that does not exist ("31/2") raises
    DateInputError with the reason."""
    typed = f"{due.day}/{due.month}" + (f"/{due.year}" if due.year is not None else "")
    try:
        day = parse_typed_date(typed, meeting_day.year)
        if due.year is None and day is not None and day < meeting_day:
            day = parse_typed_date(typed, meeting_day.year + 1)
    except DateInputError as error:  # the reason, about what was typed ("30-2", not "30/2")
        raise DateInputError(str(error).replace(f"\"{typed}\"", f"\"{due.typed}\"")) from None
    if day is None:  # not for a day and a month: only empty text reads as no date
        raise DateInputError(due.typed)
    return day


def _joined(text: str, more: str) -> str:
    """A continuation line after the text: a new sentence (capital letter) after one left open gets its full stop."""
    if not text:
        return more
    if text[-1] not in ".!?;:,…-" and more[:1].isupper():
        return f"{text}. {more}"
    return f"{text} {more}"


def _guest_name(words: Sequence[str]) -> str:
    return " ".join(word[:1].upper() + word[1:] for word in words)


class _Placer:
    def __init__(self, meeting: Meeting, attendees: Sequence[Attendee], directory: Sequence[Attendee],
                 today: dt.date):
        self.meeting = meeting
        self.day = meeting.meeting.date or today
        self.attendees = People.of(attendees)
        self.own_attendees = False  # True once a guest is added to a copy of them
        self.directory = People.of(directory)
        self.wanted: list[Wanted] = []
        self.problems: list[LineProblem] = []
        self.speaker: Attendee | None = None
        self.open: Wanted | None = None  # what a plain line continues
        self.intervention: Wanted | None = None
        self.directive: Wanted | None = None
        self.pending_topics: list[tuple[int, str]] = []
        self.absent: dict[int, int] = {}  # id() of an attendee a line marked absent → that line's index
        self.failed_at = 0  # the number of the last line whose item could not be made
        self.speaker_failed = False  # the last speaker line could not be placed

    def want(self, kind: NoteKind, index: int, **fields: Any) -> Wanted:
        item = Wanted(kind, index, fields, [index])
        self.wanted.append(item)
        return item

    def problem(self, index: int, line: Line, reason: str) -> None:
        self.problems.append(LineProblem(index + 1, line.text, reason))

    def after_failure(self, index: int, line: Line) -> None:
        self.problem(index, line, _("it follows line {number}, which could not be placed").format(
            number=self.failed_at))

    # -- people -----------------------------------------------------------------------------------

    def who(self, index: int, line: Line, query: NameQuery) -> tuple[Attendee | None, int]:
        """The person a name stands for, and how many of the typed words the name took.

        The longest run of the words typed that names someone: among the attendees first, then in the
        people directory (who is then added as a guest); an unknown name becomes a guest marked to
        check. A name that fits several people is a problem, not a guess."""
        for size in range(len(query.words), 0, -1):  # the most words that name someone, attendees first
            for people, from_directory in ((self.attendees, False), (self.directory, True)):
                match = people.find(query.words[:size])
                if match.found is Found.MANY:
                    names = ", ".join(person.name for person in match.candidates[:4])
                    self.problem(index, line, _("\"{name}\" fits several people ({names}); write more of the name")
                                 .format(name=" ".join(query.words[:size]), names=names))
                    return None, 0
                if match.found is Found.ONE and match.person is not None:
                    if not from_directory:
                        return match.person, size
                    found = match.person
                    guest = Attendee(name=found.name, gender=found.gender, position=found.position,
                                     organization=found.organization, role=Role.GUEST)
                    return self.add_guest(index, guest), size
        guest = Attendee(name=_guest_name(query.words[:query.guest_words]), role=Role.GUEST, to_check=True)
        return self.add_guest(index, guest), query.guest_words

    def add_guest(self, index: int, guest: Attendee) -> Attendee:
        fields = {name: getattr(guest, name) for name in GUEST_FIELDS}
        self.want(NoteKind.GUEST, index, **fields).person = guest
        if self.own_attendees:
            self.attendees.add(guest)
        else:  # People.of shares them between calls: a copy of our own, once
            self.attendees, self.own_attendees = self.attendees.plus(guest), True
        return guest

    # -- lines ------------------------------------------------------------------------------------

    def place(self, index: int, line: Line) -> None:
        if line.problem:
            self.problem(index, line, line.problem)
            self.fail(index, line)
            return
        handler = {
            LineKind.SPEAKER: self.speaker_line,
            LineKind.CONTINUATION: self.continuation,
            LineKind.DIRECTIVE: self.directive_line,
            LineKind.TASK: self.task_line,
            LineKind.ABSENCE: self.absence_line,
            LineKind.TOPIC: self.topic_line,
        }.get(line.kind)
        if handler is not None:
            handler(index, line)

    def fail(self, index: int, line: Line) -> None:
        """After a line that could not be placed, the lines that would add to its item cannot either."""
        self.failed_at = index + 1
        if line.kind is LineKind.SPEAKER:
            self.open = self.intervention = _FAILED
            self.directive = self.speaker = None
            self.speaker_failed = True
        elif line.kind is LineKind.DIRECTIVE:
            self.open = self.directive = _FAILED

    def speaker_line(self, index: int, line: Line) -> None:
        query = line.names[0]
        person, size = self.who(index, line, query)
        if person is None:
            self.fail(index, line)
            return
        body = line.body
        if query.guest_words == len(query.words):  # "@sáu nói: …": the words the name did not take
            extra = " ".join(query.words[size:])
            body = f"{extra}: {body}" if extra and body else extra or body
        elif size > 1:  # "@văn sáu nói …": the name took words that were read as the text
            body = " ".join(body.split()[size - 1:])
        self.speaker, self.speaker_failed = person, False
        topics = "; ".join(text for _i, text in self.pending_topics)
        item = self.want(NoteKind.DISCUSSION, index, speaker=person.name, position=person.position,
                         topic=topics, content=body)
        item.contributors[:0] = [i for i, _text in self.pending_topics]
        self.pending_topics = []
        self.open = self.intervention = item
        self.directive = None

    def continuation(self, index: int, line: Line) -> None:
        if self.open is _FAILED:
            self.after_failure(index, line)
        elif self.open is None:
            self.problem(index, line, _("no speaker yet: start the intervention with @name"))
        else:
            self.open.fields["content"] = _joined(self.open.fields["content"], line.body)
            self.open.contributors.append(index)

    def directive_line(self, index: int, line: Line) -> None:
        if line.names:
            person, _size = self.who(index, line, line.names[0])
            if person is None:
                self.fail(index, line)
                return
            self.speaker = person
        elif self.speaker is not None:
            person = self.speaker
        elif self.speaker_failed:
            self.after_failure(index, line)
            self.fail(index, line)
            return
        else:
            person = self.meeting.find_attendee(self.meeting.meeting.chair)
            if person is None and not self.meeting.meeting.chair.strip():
                self.problem(index, line, _("no speaker yet: write KL @name: or start with @name"))
                self.fail(index, line)
                return
        name = person.name if person is not None else self.meeting.meeting.chair.strip()
        item = self.want(NoteKind.DIRECTIVE, index, speaker=name, position=person.position if person else "",
                         content=line.body)
        self.open = self.directive = item

    def task_line(self, index: int, line: Line) -> None:
        if self.directive is _FAILED:
            self.after_failure(index, line)
            return
        if self.directive is None:
            self.problem(index, line, _("a task belongs to a directive: write KL: … on a line before it"))
            return
        deadline = None
        if line.due is not None:
            try:
                deadline = due_date(line.due, self.day)
            except DateInputError as error:  # "31/2": "is not a date: 02/2025 has 28 days"
                self.problem(index, line, str(error).rstrip("."))
                return
        item = self.want(NoteKind.TASK, index, task=line.body, assignee=line.unit, deadline=deadline)
        item.parent = self.directive

    def absence_line(self, index: int, line: Line) -> None:
        for query in line.names:
            match = self.attendees.find(query.words)
            if match.found is Found.ONE and match.person is not None:
                earlier = self.absent.get(id(match.person))
                if earlier is not None:
                    self.problem(index, line, _("{name} is already absent on line {number}").format(
                        name=match.person.name, number=earlier + 1))
                    continue
                self.absent[id(match.person)] = index
                self.want(NoteKind.ABSENCE, index, present=False, absence_reason=query.reason).person = match.person
            elif match.found is Found.MANY:
                names = ", ".join(person.name for person in match.candidates[:4])
                self.problem(index, line, _("\"{name}\" fits several people ({names}); write more of the name")
                             .format(name=" ".join(query.words), names=names))
            else:
                self.problem(index, line, _("\"{name}\" is not among the attendees").format(name=" ".join(query.words)))

    def topic_line(self, index: int, line: Line) -> None:
        if self.intervention is _FAILED:
            self.after_failure(index, line)
        elif self.intervention is None:
            self.pending_topics.append((index, line.body))
        else:
            topic = self.intervention.fields["topic"]
            self.intervention.fields["topic"] = f"{topic}; {line.body}" if topic else line.body
            self.intervention.contributors.append(index)


def place_lines(texts: Sequence[str], meeting: Meeting, attendees: Sequence[Attendee],
                directory: Sequence[Attendee] = (), today: dt.date | None = None) -> Placed:
    """Read and place every line; ``attendees`` are those a name may stand for (the meeting's, less
    the guests the notes themselves added, which placing adds again)."""
    placer = _Placer(meeting, attendees, directory, today or dt.date.today())
    lines = [read_line(text) for text in texts]
    for index, line in enumerate(lines):
        placer.place(index, line)
    for index, _text in placer.pending_topics:
        placer.problem(index, lines[index], _("no intervention comes after this topic"))
    placer.problems.sort(key=lambda problem: problem.number)
    return Placed(placer.wanted, placer.problems, lines)
