"""Following up tasks in the editor: task status and Done on, the next meeting, the Follow-up page."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from minutes_app.check.findings import PAGE_ORDER, Page
from minutes_app.gui.table_models import BAD, TONE_TEXTS
from minutes_app.storage import load_meeting
from minutes_app.storage.task_register import TaskPlace

from ..conftest import COMMUNE_SAMPLE
from .keyboard import type_text

pytestmark = pytest.mark.slow  # drives the editor for seconds a test: out of the quick run, `pytest -m "not slow"`

FOLLOW_UP = PAGE_ORDER.index(Page.FOLLOW_UP)
DIRECTIVES = PAGE_ORDER.index(Page.DIRECTIVES)


@pytest.fixture
def march(tmp_path: Path) -> Path:
    folder = tmp_path / "giao-ban"
    folder.mkdir()
    return Path(shutil.copy(COMMUNE_SAMPLE, folder / "thang-3.minutes.json"))


def _column(view, attr: str) -> int:  # noqa: ANN001
    return [c.attr for c in view.table_model().columns].index(attr)


def _press_space_on(qtbot, view, row: int, attr: str) -> None:  # noqa: ANN001
    """Select the cell and press Space, as a person ticks a box from the keyboard."""
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=3000)
    view.setCurrentIndex(view.model().index(row, _column(view, attr)))
    QTest.keyClick(view, Qt.Key.Key_Space)


def test_a_task_ticked_done_shows_its_day_and_status(make_window, qtbot, march: Path) -> None:  # noqa: ANN001
    window = make_window(march)
    QTest.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    page = window.pages[DIRECTIVES]
    assert window.stack.currentWidget() is page
    tasks = page.tasks_view
    status = tasks.model().index(0, _column(tasks, "status"))
    # 20/3/2025 has passed: the first task of the sample is overdue, in the "bad" colour.
    assert status.data() == "Overdue"
    assert status.data(Qt.ItemDataRole.ForegroundRole).color() == TONE_TEXTS[BAD]

    _press_space_on(qtbot, tasks, 0, "done")
    task = window.document.meeting.directives[0].tasks[0]
    assert task.done == dt.date.today()
    assert tasks.model().index(0, _column(tasks, "status")).data() == "Done"
    assert tasks.model().index(0, _column(tasks, "done")).data() == dt.date.today().strftime("%d/%m/%Y")
    window.document.undo_stack.undo()
    assert task.done is None and status.data() == "Overdue"


def test_next_meeting_from_this_one_carries_its_open_tasks(make_window, qtbot, march: Path,  # noqa: ANN001
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(march)
    first = window.document.meeting.directives[0].tasks[0]
    window.document.set_field(first, "done", dt.date(2025, 3, 19), "Done", merge=False)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    window.actions["follow_up_this"].trigger()  # saves March first (it was modified), then starts April

    assert load_meeting(march).directives[0].tasks[0].done == dt.date(2025, 3, 19)
    april = window.document.meeting
    assert window.document.path is None and window.isWindowModified()
    assert april.follows is not None and Path(april.follows.file) == march.resolve()
    assert [t.task for t in april.follow_up] == [t.task for t in load_meeting(march).all_tasks()][1:]

    QTest.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.pages[FOLLOW_UP]
    assert window.stack.currentWidget() is page
    assert "4 tasks carried, 0 reported done" in page.summary.text() and "thang-3.minutes.json" in page.summary.text()
    view = page.tables[0]
    assert view.model().rowCount() == 4
    assert view.model().index(0, _column(view, "given")).data() == "05/03/2025"

    _press_space_on(qtbot, view, 1, "done")  # reported done at this meeting (dated today)
    view.setCurrentIndex(view.model().index(1, _column(view, "progress")))
    QTest.keyClick(view, Qt.Key.Key_F2)
    type_text(QApplication.focusWidget(), "Đã thu đạt 92% kế hoạch quý I")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState, timeout=3000)
    assert april.follow_up[1].done == dt.date.today()
    assert april.follow_up[1].progress == "Đã thu đạt 92% kế hoạch quý I"
    assert "1 reported done" in page.summary.text()

    # Saved in a sub-folder: the link becomes relative to the new file.
    target = march.parent / "2025-04" / "thang-4.minutes.json"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.save()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["follows"]["file"] == "../thang-3.minutes.json"
    assert data["follow_up"][1]["done"] == dt.date.today().isoformat()
    assert data["follow_up"][0]["origin"] == {"file": "thang-3.minutes.json", "date": "2025-03-05",
                                              "notice_number": load_meeting(march).notice.number,
                                              "key": data["follow_up"][0]["origin"]["key"]}


def test_choosing_the_earlier_meeting_is_one_undo_step(make_window, march: Path,  # noqa: ANN001
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(path=march.parent / "moi.minutes.json")
    window.go_to_page(FOLLOW_UP)
    page = window.pages[FOLLOW_UP]
    assert page.summary.text() == "This meeting does not follow up an earlier one."
    assert not page.again_button.isEnabled() and not page.unlink_button.isEnabled()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(march), ""))
    QTest.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)

    meeting = window.document.meeting
    assert meeting.follows.file == "thang-3.minutes.json" and len(meeting.follow_up) == 5
    assert page.tables[0].model().rowCount() == 5 and page.unlink_button.isEnabled()
    window.document.undo_stack.undo()
    assert meeting.follows is None and meeting.follow_up == [] and page.tables[0].model().rowCount() == 0
    window.document.undo_stack.redo()
    assert len(meeting.follow_up) == 5

    # A task given in March afterwards is added by "Carry new open tasks"; those already here stay as reported.
    meeting.follow_up[0].progress = "Đang nạo vét"
    earlier = load_meeting(march)
    earlier.directives[1].tasks.append(type(earlier.directives[1].tasks[0])(task="Rà soát hộ nghèo",
                                                                            assignee="Công chức LĐ-TB&XH"))
    from minutes_app.storage import save_meeting

    save_meeting(earlier, march)
    QTest.mouseClick(page.again_button, Qt.MouseButton.LeftButton)
    assert [t.task for t in meeting.follow_up][-1] == "Rà soát hộ nghèo" and len(meeting.follow_up) == 6
    assert meeting.follow_up[0].progress == "Đang nạo vét"
    assert window.statusBar().currentMessage() == "1 task added from thang-3.minutes.json."

    QTest.mouseClick(page.unlink_button, Qt.MouseButton.LeftButton)
    assert meeting.follows is None and meeting.follow_up == []
    assert page.summary.text() == "This meeting does not follow up an earlier one."


def test_an_unreadable_earlier_meeting_is_refused_with_its_name(make_window, tmp_path: Path,  # noqa: ANN001
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "hong.minutes.json"
    broken.write_text("{ not json", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    window = make_window()
    assert not window.pages[FOLLOW_UP].follow(broken)
    assert "hong.minutes.json" in shown[0] and window.document.meeting.follows is None


def test_open_task_shows_the_row_of_a_carried_or_given_task(make_window, march: Path) -> None:  # noqa: ANN001
    window = make_window(march)
    assert window.open_task(march, TaskPlace(directive=1, index=0))
    page = window.pages[DIRECTIVES]
    assert window.stack.currentWidget() is page and page.tables[0].currentIndex().row() == 1
    assert page.tasks_view.currentIndex().row() == 0 and QApplication.focusWidget() is page.tasks_view
