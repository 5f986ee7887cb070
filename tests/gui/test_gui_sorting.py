"""Sorting people in the attendee table the Vietnamese way, as one undoable step."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QAbstractItemModelTester
from support import COMMUNE_SAMPLE

from minutes_app.l10n.collation import sorted_people

pytestmark = pytest.mark.slow  # drives the editor for seconds a test: out of the quick run, `pytest -m "not slow"`


def test_sort_attendees_by_given_name_and_undo(make_window) -> None:  # noqa: ANN001
    window = make_window(COMMUNE_SAMPLE)
    view = window.pages[1].tables[0]
    model = view.table_model()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    before = [a.name for a in window.document.meeting.attendees]
    assert view.action("sort_people").isVisible()
    view.action("sort_people").trigger()
    after = [a.name for a in window.document.meeting.attendees]
    assert after == sorted_people(before) != before
    assert after[0] == "Bùi Thị Ngọc Ánh" and after[-1] == "Đỗ Thị Bích Vân"  # Ánh … Vân
    shown = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert shown == after
    window.document.undo_stack.undo()  # one step undoes the whole sort
    assert [a.name for a in window.document.meeting.attendees] == before
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == before


def test_sorting_is_offered_only_for_people(make_window) -> None:  # noqa: ANN001
    window = make_window(COMMUNE_SAMPLE)
    indicators = window.pages[2].tables[0]
    assert not indicators.action("sort_people").isVisible()
