"""The notice of conclusions ("thông báo kết luận", NĐ 30/2020 Mẫu 1.4), written from the meeting.

Same layout machinery as the minutes: the NĐ 30 letterhead ("Số: 12/TB-UBND"), the title and its
subject, the body, then "Nơi nhận" beside the signature. Tasks carried from the earlier meeting and
still not done are given again, by unit, as tasks to continue; those done are only counted. The words are in
``templates/notice/notice.<language>.j2``; this module gathers the facts (who chaired, under which title,
the tasks grouped by the unit responsible) and lays the rendered sections out as blocks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from ..l10n import formatting as fmt
from ..l10n.agency import agency_code
from ..model import Meeting, Notice, Role, Task
from .document import Document, Letterhead, Signatory, SignatureBlock, Title
from .follow_up import CarriedTask, FollowUp, follow_up
from .options import ExportOptions
from .parts import format_number_field, recipients_block, timestamp
from .prose_context import Person, person
from .prose_context import context as news_context
from .sections import blocks, lines, parse_sections, tidy
from .templating import render

T = TypeVar("T")


@dataclass
class UnitTasks(Generic[T]):
    """The tasks one unit is responsible for, in the order they were given (or reviewed)."""

    unit: str
    tasks: list[T] = field(default_factory=list)


def by_unit(items: Iterable[T], task_of: Callable[[T], Task]) -> list[UnitTasks[T]]:
    """Items grouped by the unit of their task (as typed, compared without case), units in first-seen order."""
    groups: dict[str, UnitTasks[T]] = {}
    for item in items:
        unit = " ".join(task_of(item).assignee.split())
        groups.setdefault(unit.casefold(), UnitTasks(unit)).tasks.append(item)
    return list(groups.values())


def tasks_by_unit(meeting: Meeting) -> list[UnitTasks[Task]]:
    """The tasks given at the meeting, by unit."""
    return by_unit((task for task in meeting.all_tasks() if task.task.strip()), lambda task: task)


def unfinished_by_unit(review: FollowUp | None) -> list[UnitTasks[CarriedTask]]:
    """The carried tasks not done, grouped by unit like the new ones."""
    return by_unit(review.unfinished() if review is not None else [], lambda carried: carried.task)


def chair_title(meeting: Meeting, chair: Person | None) -> str:
    """The chair's title as the notice names them ("Chủ tịch UBND huyện").

    The chair's own directive states it best; else the last title of the attendee's position
    ("Phó Bí thư Đảng ủy, Chủ tịch UBND xã" → "Chủ tịch UBND xã").
    """
    if chair is None:
        return ""
    for directive in meeting.directives:
        if directive.speaker.strip().casefold() == chair.name.casefold() and directive.position.strip():
            return directive.position.strip()
    return chair.position.rsplit(",", 1)[-1].strip()


@dataclass(frozen=True)
class Signature:
    """The titles of the notice's signature as typed, in capitals, without the prefixes the template
    writes itself ("TM.", "KT.", "TL.", "TUQ.", "Q."): nothing here is invented from other fields."""

    form: str  # a ``Signing`` value
    collective: str  # "ỦY BAN NHÂN DÂN" (after "TM."), or ""
    authority: str  # the head's title: "CHỦ TỊCH", or ""
    title: str  # the signer's own title: "PHÓ CHỦ TỊCH", or ""


_SIGNING_PREFIXES = re.compile(r"^(?:TM|KT|TL|TUQ|Q|T/M|K/T|T/L)\.?\s+", re.IGNORECASE)


def _signing_title(text: str) -> str:
    """A typed title in capitals without a signing prefix: "kt. Chủ tịch" → "CHỦ TỊCH"."""
    return _SIGNING_PREFIXES.sub("", " ".join(text.split())).upper()


def signature(notice: Notice) -> Signature:
    """The notice's signature as typed (NĐ 30, Phụ lục I, mục II.8)."""
    return Signature(str(notice.signing), _signing_title(notice.collective), _signing_title(notice.authority),
                     _signing_title(notice.signer_title))


def context(meeting: Meeting) -> dict[str, Any]:
    """The article's facts plus what only the notice needs."""
    values = news_context(meeting)
    info = meeting.meeting
    chair = values["chair"]
    excluded = {info.chair.strip().casefold(), info.secretary.strip().casefold()}
    present = [a for a in meeting.attendees if a.present and a.name.strip()
               and a.name.strip().casefold() not in excluded]
    present.sort(key=lambda a: a.role is not Role.GUEST)  # guests first, then the members, as listed
    review = follow_up(meeting)
    values.update(
        number=format_number_field(meeting.notice.number),
        code=agency_code(meeting.header, meeting.language.value),
        notice=meeting.notice,
        signature=signature(meeting.notice),
        chair_title=chair_title(meeting, chair),
        attendees=[person(meeting, a.name) for a in present],
        units=tasks_by_unit(meeting),
        review=review,
        carried=unfinished_by_unit(review),
    )
    return values


def build_notice(meeting: Meeting, options: ExportOptions | None = None) -> Document:
    """The notice of conclusions of ``meeting`` in its own language."""
    options = options or ExportOptions()
    language = meeting.language.value
    info, header = meeting.meeting, meeting.header
    text = render(f"notice/notice.{language}.j2", language, options.templates_dir, **context(meeting))
    parts = parse_sections(text)
    title, subject = tidy(parts.get("title", "")), tidy(parts.get("subject", ""))
    document = Document(kind="notice", language=language, title=f"{title} – {subject}".strip(" –"),
                        author=info.secretary.strip(), created=timestamp(meeting))
    document.add(
        Letterhead(
            parent_agency=header.parent_agency,
            agency=header.agency,
            number_line=parts.get("number", "").strip(),  # inner spaces kept: room to write by hand
            motto=tidy(parts.get("motto", "")),
            slogan=tidy(parts.get("slogan", "")),
            place_date=fmt.format_place_and_date(header.place, info.date, language),
        ),
        Title(title, subject),
    )
    document.add(*blocks(parts.get("body", "")))
    recipients = recipients_block(
        meeting.notice.recipients or meeting.closing.recipients,
        tidy(parts.get("recipients_heading", "")),
        tidy(parts.get("archive", "")),
        tidy(parts.get("archive", "")).split(":", 1)[0],
    )
    signatory = Signatory(titles=lines(parts.get("signature", "")), name=tidy(parts.get("signer", "")))
    document.add(SignatureBlock([signatory], recipients=recipients))
    return document
