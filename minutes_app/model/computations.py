"""Pure computations the documents need: indicator status, tallies and headcounts."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from .meeting import Attendee, Indicator, Note, NoteKind, Number, Results, Target


class Status(str, Enum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"  # no plan or no actual: nothing to judge


def percent_of_plan(indicator: Indicator) -> float | None:
    """Actual as a ratio of plan (1.012 for 101,2%); None when plan is 0 or either is missing."""
    return _ratio(indicator.actual, indicator.plan)


def change_from_previous(indicator: Indicator) -> Number | None:
    """Actual minus last year's figure, or None when either is missing."""
    if indicator.actual is None or indicator.previous is None:
        return None
    return indicator.actual - indicator.previous


def change_ratio_from_previous(indicator: Indicator) -> float | None:
    """Relative change against last year (0.05 for +5 %); None when last year is 0 or missing."""
    change = change_from_previous(indicator)
    if change is None or not indicator.previous:
        return None
    return _ratio(change, abs(indicator.previous))


def status(indicator: Indicator) -> Status:
    """Met or not, honouring the indicator's target direction."""
    if indicator.actual is None or indicator.plan is None:
        return Status.UNKNOWN
    if indicator.target is Target.AT_MOST:
        return Status.MET if indicator.actual <= indicator.plan else Status.NOT_MET
    return Status.MET if indicator.actual >= indicator.plan else Status.NOT_MET


@dataclass(frozen=True)
class Tally:
    """``met`` of ``total`` indicators that can be judged."""

    met: int
    total: int


def tally(indicators: Iterable[Indicator]) -> Tally:
    statuses = [status(i) for i in indicators]
    judged = [s for s in statuses if s is not Status.UNKNOWN]
    return Tally(met=sum(s is Status.MET for s in judged), total=len(judged))


def tally_by_sector(indicators: Iterable[Indicator]) -> dict[str, Tally]:
    """Tallies per sector, in the order the sectors first appear."""
    groups: dict[str, list[Indicator]] = {}
    for indicator in indicators:
        groups.setdefault(indicator.sector, []).append(indicator)
    return {sector: tally(items) for sector, items in groups.items()}


def results_tally(results: Results) -> Tally:
    """The count the documents print: the plan's declared count if given, else the table's."""
    if results.targets_met is not None and results.targets_total:
        return Tally(met=results.targets_met, total=results.targets_total)
    return tally(results.indicators)


def group_by_sector(indicators: Iterable[Indicator]) -> list[tuple[str, list[Indicator]]]:
    groups: dict[str, list[Indicator]] = {}
    for indicator in indicators:
        groups.setdefault(indicator.sector, []).append(indicator)
    return list(groups.items())


@dataclass(frozen=True)
class Headcount:
    """How many were invited, present and absent (and absent with a reason given)."""

    invited: int
    present: int
    absent: int
    absent_with_reason: int

    @property
    def absent_without_reason(self) -> int:
        return self.absent - self.absent_with_reason


def headcount(attendees: Iterable[Attendee]) -> Headcount:
    people = list(attendees)
    absent = [a for a in people if not a.present]
    return Headcount(
        invited=len(people),
        present=len(people) - len(absent),
        absent=len(absent),
        absent_with_reason=sum(1 for a in absent if a.absence_reason.strip()),
    )


def _ratio(numerator: Number | None, denominator: Number | None) -> float | None:
    if numerator is None or denominator is None or denominator == 0:
        return None
    try:
        ratio = numerator / denominator
    except OverflowError:
        return None
    # A plan of 1e-300 typed by mistake gives no meaningful percentage, like a plan of 0.
    return ratio if math.isfinite(ratio) else None


def intervention_times(notes: Iterable[Note]) -> dict[str, dt.time]:
    """The time each intervention began, by the id of its discussion item: the time of the first quick note
    that produced or continued it (an item typed on its page has none)."""
    times: dict[str, dt.time] = {}
    for note in notes:
        if note.time is None:
            continue
        for link in note.items:
            if link.kind == NoteKind.DISCUSSION and link.id:
                times.setdefault(link.id, note.time)
    return times
