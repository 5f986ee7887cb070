"""The samples: the checker reports only what is really wrong in them (judged one by one)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from support import ALL_SAMPLES, APRIL_SAMPLE, COMMUNE_SAMPLE, ENGLISH_SAMPLE, SEED_SAMPLE

from minutes_app.check import Page, run_checks
from minutes_app.l10n.workdays import notice_due_date
from minutes_app.storage import load_meeting


def _folder_of(sample):  # noqa: ANN001, ANN202
    return [(path.name, load_meeting(path)) for path in ALL_SAMPLES if path != sample]


def test_the_commune_meeting_is_clean() -> None:
    assert run_checks(load_meeting(COMMUNE_SAMPLE), folder_meetings=_folder_of(COMMUNE_SAMPLE)) == []


def test_the_english_meeting_is_clean() -> None:
    # Its first deadline was a Sunday (15 December 2024) until the checker found it; now a Friday.
    assert run_checks(load_meeting(ENGLISH_SAMPLE), folder_meetings=_folder_of(ENGLISH_SAMPLE)) == []


def test_the_seed_meeting_lacks_deadlines_a_plan_and_the_signer_of_its_notice() -> None:
    """The article gives no deadline for the standing duties, no comparison for 3.325 ha of linked
    sales area, and no name of the head of office who signs the notice "TL. CHỦ TỊCH"."""
    meeting = load_meeting(SEED_SAMPLE)
    findings = run_checks(meeting, folder_meetings=_folder_of(SEED_SAMPLE))
    assert Counter(f.rule for f in findings) == {"task-without-deadline": 4, "indicator-without-reference": 1,
                                                 "notice-without-signer": 1}
    undated = [(f.row, f.task_row) for f in findings if f.rule == "task-without-deadline"]
    assert all(meeting.directives[d].tasks[t].deadline is None for d, t in undated)
    unjudged = next(f for f in findings if f.rule == "indicator-without-reference")
    assert meeting.results.indicators[unjudged.row].name == "Tổng diện tích liên kết tiêu thụ"
    assert [f.page for f in findings] == [Page.RESULTS] + [Page.DIRECTIVES] * 4 + [Page.CLOSING]


def test_notice_due_dates_of_the_samples() -> None:
    due = {path.name: notice_due_date(load_meeting(path).meeting.date) for path in ALL_SAMPLES}
    assert due == {SEED_SAMPLE.name: dt.date(2021, 1, 6),  # Tue 29/12/2020, 1 January off
                   COMMUNE_SAMPLE.name: dt.date(2025, 3, 12),
                   APRIL_SAMPLE.name: dt.date(2025, 4, 10),  # Wed 2/4/2025; Mon 7/4 is Hung Kings' day
                   ENGLISH_SAMPLE.name: dt.date(2024, 10, 24)}
