"""What the prose templates read beside the meeting — people with their honorifics, the figures with their
ratios, the count of targets met: the news article and the notice of conclusions share it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..l10n.agency import agency_in_prose, is_enterprise
from ..l10n.formatting import MONEY_UNITS
from ..model import Indicator, Meeting, Role, Target
from ..model import computations as calc
from ..model.period import meeting_period
from . import prose


@dataclass(frozen=True)
class Person:
    """Someone the prose names: "ông Trần Văn Sáu, Tỉnh ủy viên, Bí thư Huyện ủy"."""

    name: str
    honorific: str  # "ông", "bà", "Mr", "Ms" or ""
    position: str
    organization: str = ""
    role: str = ""
    bridge: str = ""

    @property
    def is_guest(self) -> bool:
        return self.role == Role.GUEST.value

    @property
    def is_chair(self) -> bool:
        return self.role == Role.CHAIR.value


@dataclass(frozen=True)
class Figure:
    """One indicator as the prose states it; the template picks the words from these facts."""

    name: str
    unit: str
    actual: float | int | None
    plan: float | int | None
    previous: float | int | None
    at_most: bool
    is_money: bool
    is_percent: bool
    ratio: float | None  # actual / plan
    excess: float | None  # ratio - 1 (0.11 for "vượt 11% kế hoạch")
    met: bool | None
    complete: bool  # exactly the plan, counted things: "12/12 xã"
    change: float | int | None  # against last year: points for a "%" indicator, a count from or to 0, else a ratio
    change_in_points: bool
    change_in_units: bool  # "giảm 1 vụ", where a ratio would read "giảm 100%" (or could not be computed)


def person(meeting: Meeting, name: str, position: str = "") -> Person:
    """The named person as the prose names them; the position given wins over the attendee list's."""
    attendee = meeting.find_attendee(name)
    language = meeting.language.value
    if attendee is None:
        return Person(name=name.strip(), honorific="", position=position.strip())
    return Person(
        name=attendee.name.strip(),
        honorific=prose.honorific(attendee.gender, language),
        position=(position or attendee.position).strip(),
        organization=attendee.organization.strip(),
        role=attendee.role.value,
        bridge=attendee.bridge.strip(),
    )


def figure(indicator: Indicator) -> Figure:
    """The facts one indicator contributes to the results paragraph."""
    unit = indicator.unit.strip()
    is_percent = unit == "%"
    is_money = unit.casefold() in MONEY_UNITS
    ratio = None if is_percent else calc.percent_of_plan(indicator)
    status = calc.status(indicator)
    # A share ("36%") changes by points ("tăng 17,4%" from 18,6%); a count from or to nothing by its units
    # ("giảm 1 vụ", not "giảm 100%"); anything else by a ratio.
    in_units = not is_percent and not is_money and 0 in (indicator.actual, indicator.previous)
    if is_percent or in_units:
        change = calc.change_from_previous(indicator)
    else:
        change = calc.change_ratio_from_previous(indicator)
    complete = (
        not is_percent and not is_money and indicator.target is Target.AT_LEAST
        and indicator.plan is not None and indicator.plan != 0 and indicator.actual == indicator.plan
    )
    return Figure(
        name=indicator.name.strip(),
        unit=unit,
        actual=indicator.actual,
        plan=indicator.plan,
        previous=indicator.previous,
        at_most=indicator.target is Target.AT_MOST,
        is_money=is_money,
        is_percent=is_percent,
        ratio=ratio,
        excess=None if ratio is None else ratio - 1,
        met=None if status is calc.Status.UNKNOWN else status is calc.Status.MET,
        complete=complete,
        change=None if change is None else round(change, 10),
        change_in_points=is_percent,
        change_in_units=in_units,
    )


def context(meeting: Meeting) -> dict[str, Any]:
    """Everything the article template reads, beside the meeting itself."""
    info = meeting.meeting
    language = meeting.language.value
    present = [a for a in meeting.attendees if a.present]
    chair = person(meeting, info.chair) if info.chair.strip() else None
    if chair is not None and not chair.role:
        chair = Person(chair.name, chair.honorific, chair.position, role=Role.CHAIR.value)
    guests = [person(meeting, a.name) for a in present if a.role is Role.GUEST and a.name.strip()]
    directives = [
        {"person": person(meeting, d.speaker, d.position), "content": d.content.strip(), "tasks": d.tasks}
        for d in meeting.directives if d.content.strip()
    ]
    opinions = [
        {"person": person(meeting, item.speaker, item.position), "topic": item.topic.strip(),
         "content": item.content.strip()}
        for item in meeting.discussion if item.speaker.strip() and item.content.strip()
    ]
    return {
        "meeting": meeting,
        "header": meeting.header,
        "info": info,
        "agency": agency_in_prose(meeting.header, language),
        "enterprise": is_enterprise(meeting.header),
        "chair": chair,
        "guests": guests,
        "headcount": calc.headcount(meeting.attendees),
        "tally": calc.results_tally(meeting.results),
        "summary": meeting.results.summary.strip(),
        "figures": [figure(i) for i in meeting.results.indicators if i.name.strip() and i.actual is not None],
        "highlights": [h.strip() for h in meeting.results.highlights if h.strip()],
        "shortcomings": [s.strip() for s in meeting.results.shortcomings if s.strip()],
        "topics": [d.topic.strip() for d in meeting.discussion if d.topic.strip()],
        "opinions": opinions,
        "directives": directives,
        "closing_note": meeting.closing.note.strip(),
        "previous_period": prose.previous_period(meeting_period(meeting), language),
        "author": (meeting.news.author or info.secretary).strip(),
        "news_title": meeting.news.title.strip(),
    }
