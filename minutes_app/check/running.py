"""Run every rule on a meeting: the findings in the order of the pages."""

from __future__ import annotations

from collections.abc import Sequence

from ..l10n.workdays import EMPTY_CALENDAR, WorkCalendar
from ..model import Meeting
from .findings import PAGE_ORDER, Finding
from .rules import RULES, CheckContext


def run_checks(meeting: Meeting, *, folder_meetings: Sequence[tuple[str, Meeting]] = (),
               calendar: WorkCalendar | None = None) -> list[Finding]:
    """Every finding on ``meeting``, ordered by page and then by row.

    ``folder_meetings`` are the other meetings of the file's folder as (file name, meeting), for the
    document-number rule; ``calendar`` the user's extra days off and make-up days (see
    ``l10n.workdays``). No rule depends on today's date: checking a meeting of 2020 gives the same
    answer every year.
    """
    context = CheckContext(folder_meetings=tuple(folder_meetings), calendar=calendar or EMPTY_CALENDAR)
    findings = [finding for rule in RULES for finding in rule(meeting, context)]

    def order(finding: Finding) -> tuple[int, int, int]:
        row = -1 if finding.row is None else finding.row
        task = -1 if finding.task_row is None else finding.task_row
        return PAGE_ORDER.index(finding.page), row, task

    return sorted(findings, key=order)  # stable: within a row, the order of RULES
