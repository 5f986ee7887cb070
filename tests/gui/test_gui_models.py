"""The Qt table models over the meeting's lists: consistency, numbers, undo of row operations."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from minutes_app.gui.document import MeetingDocument
from minutes_app.gui.table_models import (
    BAD,
    GOOD,
    TONE_BACKGROUNDS,
    attendee_model,
    directive_model,
    discussion_model,
    indicator_model,
    task_model,
)
from minutes_app.l10n.numbers import NumberInputError, parse_number
from minutes_app.model import Attendee, Gender, Indicator, Role, Target
from minutes_app.storage import load_meeting

from ..conftest import SEED_SAMPLE

pytestmark = pytest.mark.usefixtures("qapp")


def _tester(model):  # noqa: ANN001, ANN202
    return QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)


@pytest.mark.parametrize("language,text,expected", [
    ("vi", "31.597", 31597), ("vi", "101,2", 101.2), ("vi", "1.234.567,5", 1234567.5), ("vi", "", None),
    ("en", "31,597", 31597), ("en", "101.2", 101.2), ("vi", " 12 ", 12),
])
def test_numbers_read_as_the_document_language_writes_them(language: str, text: str, expected: object) -> None:
    assert parse_number(text, language) == expected


def test_a_number_with_no_single_reading_is_refused_with_the_reason() -> None:
    with pytest.raises(NumberInputError) as caught:
        parse_number("1.2.3", "vi")
    assert "1.2.3" in str(caught.value) and "three digits" in str(caught.value)


def test_every_model_passes_the_model_tester_through_edits_and_undo() -> None:
    document = MeetingDocument(load_meeting(SEED_SAMPLE))
    directive = document.meeting.directives[0]
    models = [attendee_model(document), indicator_model(document), discussion_model(document),
              directive_model(document), task_model(document, directive.tasks)]
    testers = [_tester(model) for model in models]
    for model in models:
        rows = model.rowCount()
        model.insert_new(rows, 2)
        assert model.rowCount() == rows + 2
        model.setData(model.index(rows, 0), "Mới", Qt.ItemDataRole.EditRole)
        assert model.index(rows, 0).data() == "Mới"
        model.move(rows, 0)
        assert model.index(0, 0).data() == "Mới"
        model.remove([0, rows + 1])
        assert model.rowCount() == rows
    stack = document.undo_stack
    while stack.canUndo():
        stack.undo()
    assert [m.rowCount() for m in models] == [3, 8, len(load_meeting(SEED_SAMPLE).discussion),
                                              len(load_meeting(SEED_SAMPLE).directives), 2]
    while stack.canRedo():
        stack.redo()
    assert len(testers) == 5


def test_attendee_cells_edit_enums_booleans_and_text() -> None:
    document = MeetingDocument(load_meeting(SEED_SAMPLE))
    model = attendee_model(document)
    _tester(model)
    columns = [c.attr for c in model.columns]
    row = 0
    assert model.setData(model.index(row, columns.index("gender")), "female", Qt.ItemDataRole.EditRole)
    assert model.setData(model.index(row, columns.index("role")), "Chair", Qt.ItemDataRole.EditRole)  # label works
    present = model.index(row, columns.index("present"))
    assert model.flags(present) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.setData(present, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    attendee = document.meeting.attendees[row]
    assert (attendee.gender, attendee.role, attendee.present) == (Gender.FEMALE, Role.CHAIR, False)
    assert present.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    # Composed (NFD) input from an input method is stored in NFC.
    assert model.setData(model.index(row, 0), "Nguye\u0302\u0303n", Qt.ItemDataRole.EditRole)
    assert attendee.name == "Nguyễn"
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert attendee.present is True


def test_indicator_numbers_percent_and_status_colour() -> None:
    document = MeetingDocument(load_meeting(SEED_SAMPLE))
    model = indicator_model(document)
    _tester(model)
    columns = [c.attr for c in model.columns]
    model.insert_new(0)
    assert model.setData(model.index(0, columns.index("plan")), "28.466", Qt.ItemDataRole.EditRole)
    assert model.setData(model.index(0, columns.index("actual")), "31.597", Qt.ItemDataRole.EditRole)
    indicator = document.meeting.results.indicators[0]
    assert (indicator.plan, indicator.actual) == (28466, 31597)
    percent = model.index(0, columns.index("percent"))
    assert percent.data() == "111%"
    assert not model.flags(percent) & Qt.ItemFlag.ItemIsEditable
    assert percent.data(Qt.ItemDataRole.BackgroundRole).color() == TONE_BACKGROUNDS[GOOD]
    assert model.index(0, columns.index("plan")).data(Qt.ItemDataRole.EditRole) == "28.466"
    # At most: fewer accidents than planned meets the target.
    assert model.setData(model.index(0, columns.index("target")), Target.AT_MOST.value, Qt.ItemDataRole.EditRole)
    assert percent.data(Qt.ItemDataRole.BackgroundRole).color() == TONE_BACKGROUNDS[BAD]
    rejected = []
    model.inputRejected.connect(rejected.append)
    assert not model.setData(model.index(0, columns.index("plan")), "abc", Qt.ItemDataRole.EditRole)
    assert indicator.plan == 28466 and "Plan" in rejected[0] and "row 1" in rejected[0]
    model.setData(model.index(0, columns.index("plan")), "0", Qt.ItemDataRole.EditRole)
    assert percent.data() == ""  # a plan of 0 gives no percentage, not a crash


def test_task_deadline_through_a_date() -> None:
    document = MeetingDocument(load_meeting(SEED_SAMPLE))
    tasks = document.meeting.directives[0].tasks
    model = task_model(document, tasks)
    _tester(model)
    deadline = model.index(0, 2)
    assert model.setData(deadline, QDate(2021, 3, 5), Qt.ItemDataRole.EditRole)
    assert tasks[0].deadline == dt.date(2021, 3, 5)
    assert deadline.data() == "05/03/2021"
    assert model.setData(deadline, "31/12/2021", Qt.ItemDataRole.EditRole)  # pasted text
    assert tasks[0].deadline == dt.date(2021, 12, 31)


def test_a_swapped_list_keeps_the_tester_happy() -> None:
    document = MeetingDocument(load_meeting(SEED_SAMPLE))
    model = task_model(document, document.meeting.directives[0].tasks)
    _tester(model)
    model.set_items(document.meeting.directives[1].tasks)
    assert model.rowCount(QModelIndex()) == len(document.meeting.directives[1].tasks)
    assert isinstance(document.meeting.attendees[0], Attendee)
    assert isinstance(Indicator(), Indicator)


def test_switching_the_document_language_reformats_the_numbers() -> None:
    from minutes_app.model import Language

    document = MeetingDocument(load_meeting(SEED_SAMPLE))
    model = indicator_model(document)
    _tester(model)
    plan = model.index(2, [c.attr for c in model.columns].index("plan"))
    assert plan.data() == "28.466"
    changed = []
    model.dataChanged.connect(lambda *args: changed.append(args))
    document.set_field(document.meeting, "language", Language.EN)
    assert changed and plan.data() == "28,466"
    assert parse_number(plan.data(Qt.ItemDataRole.EditRole), "en") == 28466
