"""The meeting as plain data: dataclasses and enums, no Qt and no I/O.

Every record keeps an ``extra`` mapping with the JSON fields this version of the program does not
know, so that a file written by a newer or another program survives a load/save round trip.
"""


import datetime as _dt
from dataclasses import field
from enum import Enum
from typing import Any

from .records import record

Number = int | float
# Fields marked so are left out of the file while empty: files that never used them stay byte for byte.
OMIT_WHEN_EMPTY = {"omit_when_empty": True}


class _StrEnum(str, Enum):
    """A string enum whose ``str()`` is its value (``enum.StrEnum`` needs Python 3.11)."""

    def __str__(self) -> str:
        return self.value


class Language(_StrEnum):
    VI = "vi"
    EN = "en"


class MeetingKind(_StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"
    HYBRID = "hybrid"


class Gender(_StrEnum):
    MALE = "male"
    FEMALE = "female"
    UNSPECIFIED = "unspecified"


class Role(_StrEnum):
    CHAIR = "chair"
    SECRETARY = "secretary"
    MEMBER = "member"
    GUEST = "guest"


class Target(_StrEnum):
    AT_LEAST = "at_least"  # met when actual >= plan
    AT_MOST = "at_most"  # met when actual <= plan (accidents, cases)


class Signing(_StrEnum):
    """How the notice of conclusions is signed (NĐ 30/2020, Phụ lục I, mục II.8).

    Each may stand under "TM." and the collective body (``Notice.collective``).
    """

    DIRECT = "direct"  # the head signs in person: "CHỦ TỊCH"
    ON_BEHALF = "on_behalf"  # "KT." — a deputy signs for the head: "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"
    BY_ORDER = "by_order"  # "TL." — the head of office signs by order: "TL. CHỦ TỊCH" / "CHÁNH VĂN PHÒNG"
    BY_DELEGATION = "by_delegation"  # "TUQ." — signed by delegation: "TUQ. GIÁM ĐỐC" / "TRƯỞNG PHÒNG …"
    ACTING = "acting"  # "Q." — an acting head: "Q. GIÁM ĐỐC"


@record
class Header:
    """The letterhead: parent and issuing agency, the document's number and the place on the date line."""

    parent_agency: str = ""
    agency: str = ""
    agency_code: str = ""
    number: str = ""
    place: str = ""
    # How the agency is named in running prose ("UBND huyện Lấp Vò"); empty: derived from ``agency``.
    agency_name: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@record
class MeetingInfo:
    """What the meeting is, when and where it takes place, and who chairs it and takes the minutes."""

    title: str = ""
    kind: MeetingKind = MeetingKind.IN_PERSON
    date: _dt.date | None = None
    start: _dt.time | None = None
    end: _dt.time | None = None
    location: str = ""
    bridges: list[str] = field(default_factory=list)
    chair: str = ""
    secretary: str = ""
    # Groups that attended without being listed by name ("lãnh đạo các ngành, đoàn thể").
    participants_note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@record
class Attendee:
    """A person invited to the meeting: present or absent (with the reason), and in which role."""

    name: str = ""
    gender: Gender = Gender.UNSPECIFIED
    position: str = ""
    organization: str = ""
    role: Role = Role.MEMBER
    present: bool = True
    absence_reason: str = ""
    bridge: str = ""
    # Set on items the quick notes created or changed, so that a note can name them (see ``Note``).
    id: str = field(default="", metadata=OMIT_WHEN_EMPTY)
    # A guest the quick notes added for a name they did not know: to be checked by the secretary.
    to_check: bool = field(default=False, metadata=OMIT_WHEN_EMPTY)
    extra: dict[str, Any] = field(default_factory=dict)


@record
class Indicator:
    """One result against the plan and the previous period (a figure with its unit)."""

    sector: str = ""
    name: str = ""
    unit: str = ""
    plan: Number | None = None
    actual: Number | None = None
    previous: Number | None = None
    target: Target = Target.AT_LEAST
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@record
class Results:
    """What was achieved: the summary, the indicators, the highlights and the shortcomings."""

    summary: str = ""
    indicators: list[Indicator] = field(default_factory=list)
    highlights: list[str] = field(default_factory=list)
    shortcomings: list[str] = field(default_factory=list)
    # The plan's own count when the table lists only some of its indicators ("đạt và vượt 16/18").
    targets_met: int | None = None
    targets_total: int | None = None
    # The period the results cover ("2023", "quý I/2024", "6 tháng đầu năm 2024"); empty: guessed from
    # the title and the date (``model.period``). The documents compare with the period before it.
    period: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@record
class DiscussionItem:
    """What one person said in the discussion, on a topic."""

    speaker: str = ""
    position: str = ""
    topic: str = ""
    content: str = ""
    id: str = field(default="", metadata=OMIT_WHEN_EMPTY)
    extra: dict[str, Any] = field(default_factory=dict)


@record
class TaskOrigin:
    """Where a task carried into a later meeting was first given."""

    file: str = ""  # the file name of that meeting (meetings that follow one another share a folder)
    date: _dt.date | None = None  # that meeting's date
    notice_number: str = ""  # the notice of conclusions that announced it ("45/TB-UBND"), if known
    # Names the task across meetings even after its text or deadline was changed in a later one.
    key: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@record
class Task:
    """A task given by a directive, with the unit in charge and the deadline."""

    task: str = ""
    assignee: str = ""
    deadline: _dt.date | None = None
    done: _dt.date | None = None  # the day it was reported done; None while it is not
    progress: str = ""  # what was reported on it ("Đã nạo vét 2/3 tuyến kênh")
    origin: TaskOrigin | None = None  # set on the tasks of ``Meeting.follow_up``
    id: str = field(default="", metadata=OMIT_WHEN_EMPTY)
    extra: dict[str, Any] = field(default_factory=dict)


@record
class Directive:
    """What a leader directed, and the tasks it gives."""

    speaker: str = ""
    position: str = ""
    content: str = ""
    tasks: list[Task] = field(default_factory=list)
    id: str = field(default="", metadata=OMIT_WHEN_EMPTY)
    extra: dict[str, Any] = field(default_factory=dict)


@record
class PriorMeeting:
    """The earlier meeting a meeting follows up: its open tasks are carried into ``Meeting.follow_up``."""

    file: str = ""  # its path relative to this meeting's folder, with "/" between folders
    title: str = ""
    date: _dt.date | None = None
    notice_number: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@record
class Closing:
    """How the minutes end: the closing note, the number of copies and the recipients."""

    note: str = ""
    copies: int | None = None
    recipients: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@record
class News:
    """The news article's headline and author."""

    title: str = ""
    author: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@record
class Notice:
    """The notice of conclusions (thông báo kết luận, NĐ 30 Mẫu 1.4)."""

    number: str = ""
    signing: Signing = Signing.DIRECT
    # The collective body the head signs for, after "TM.": "ỦY BAN NHÂN DÂN"; empty: no "TM." line.
    collective: str = ""
    authority: str = ""  # the head's title the signature stands for: "CHỦ TỊCH"
    signer_title: str = ""  # the title of who signs: "PHÓ CHỦ TỊCH", "CHÁNH VĂN PHÒNG"
    signer_name: str = ""
    recipients: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@record
class FinalFile:
    """One exported file recorded when the meeting was finalised."""

    name: str = ""  # the file name, without its folder
    kind: str = ""  # "minutes", "news", "notice"; "" when not known
    sha256: str = ""  # lower-case hex digest of the file's bytes
    extra: dict[str, Any] = field(default_factory=dict)


@record
class Finalisation:
    """The last time the meeting was marked final: the signed version and the files that were issued."""

    version: int = 1
    date: _dt.date | None = None
    files: list[FinalFile] = field(default_factory=list)
    # Set when the user reopened the meeting for editing; the meeting is final while it is None.
    reopened: _dt.date | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class NoteKind(_StrEnum):
    """What a quick note produced or changed."""

    DISCUSSION = "discussion"  # an intervention (``Meeting.discussion``)
    DIRECTIVE = "directive"
    TASK = "task"  # a task of a directive
    GUEST = "guest"  # an attendee added for a speaker the notes did not know
    ABSENCE = "absence"  # an attendee marked absent, with the reason


class Unlinked(_StrEnum):
    """Why a note no longer updates an item it produced."""

    EDITED = "edited"  # the item was changed by hand after the note wrote it
    DELETED = "deleted"  # the item was deleted by hand


@record
class NoteLink:
    """An item a quick note produced or added to, and what it looked like when the notes last wrote it."""

    id: str = ""  # the ``id`` of the item
    kind: NoteKind = NoteKind.DISCUSSION
    digest: str = ""  # a fingerprint of the fields the notes write: a different one means an edit by hand
    # Set once the item was edited or deleted by hand: the note no longer changes it.
    unlinked: Unlinked | None = field(default=None, metadata=OMIT_WHEN_EMPTY)
    extra: dict[str, Any] = field(default_factory=dict)


@record
class Note:
    """One line of the quick notes typed during the meeting."""

    time: _dt.time | None = None  # when it was typed (or the time written at its start)
    text: str = ""  # the line as typed, without its leading time
    items: list[NoteLink] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@record
class Meeting:
    """The whole meeting, as saved in one ``.minutes.json`` file."""

    header: Header = field(default_factory=Header)
    meeting: MeetingInfo = field(default_factory=MeetingInfo)
    language: Language = Language.VI
    attendees: list[Attendee] = field(default_factory=list)
    results: Results = field(default_factory=Results)
    discussion: list[DiscussionItem] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    closing: Closing = field(default_factory=Closing)
    news: News = field(default_factory=News)
    notice: Notice = field(default_factory=Notice)
    final: Finalisation | None = None  # the last finalisation, if the meeting was ever finalised
    follows: PriorMeeting | None = None  # the earlier meeting this one follows up, if any
    follow_up: list[Task] = field(default_factory=list)  # its tasks still open, carried into this meeting
    notes: list[Note] = field(default_factory=list, metadata=OMIT_WHEN_EMPTY)  # the quick notes, in order
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_final(self) -> bool:
        """True while the meeting is final (finalised and not reopened): the editor is read-only."""
        return self.final is not None and self.final.reopened is None

    def find_attendee(self, name: str) -> Attendee | None:
        """The first attendee of that name (compared without case and outer spaces), if any."""
        wanted = name.strip().casefold()
        if not wanted:
            return None
        return next((a for a in self.attendees if a.name.strip().casefold() == wanted), None)

    def all_tasks(self) -> list[Task]:
        """The tasks given at this meeting (not those carried from an earlier one)."""
        return [task for directive in self.directives for task in directive.tasks]
