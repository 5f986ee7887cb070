"""The month as a secretary lives it, through the real editor: next month's meeting from this one, the
statistics office's figures from a spreadsheet, last month's tasks followed up and seen overdue in the
Tasks window, then the signed version finalised."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from minutes_app.check.findings import PAGE_ORDER, Page
from minutes_app.gui import import_dialog
from minutes_app.model import TaskStatus
from minutes_app.storage import load_meeting

from ..conftest import COMMUNE_SAMPLE
from .keyboard import type_text

pytestmark = pytest.mark.slow  # drives the editor for seconds a test: out of the quick run, `pytest -m "not slow"`

openpyxl = pytest.importorskip("openpyxl")

FOLLOW_UP = PAGE_ORDER.index(Page.FOLLOW_UP)

# The statistics office's sheet for March: a title row, then this month's figures for last month's indicators.
SHEET = [
    ["BÁO CÁO THỐNG KÊ THÁNG 3/2025 - XÃ BÌNH THÀNH"],
    ["Chỉ tiêu", "ĐVT", "Thực hiện", "Cùng kỳ"],
    ["Diện tích xuống giống lúa vụ Đông Xuân 2024-2025", "ha", "1.872", "1.840"],
    ["Thu ngân sách trên địa bàn (lũy kế 2 tháng)", "đồng", "798 triệu 600 nghìn", "702.150.000"],
    ["Tỷ lệ người dân tham gia bảo hiểm y tế", "%", "92,6", "91,6"],
    ["Số vụ tai nạn giao thông", "vụ", "0", "1"],
    ["Số hộ mới thoát nghèo", "hộ", "3", ""],
]


def _answer_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(import_dialog.QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)


def test_next_month_import_follow_up_tasks_view_and_finalise(make_window, qtbot, tmp_path: Path,  # noqa: ANN001
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "giao-ban-2025"
    folder.mkdir()
    march = Path(shutil.copy(COMMUNE_SAMPLE, folder / "thang-3.minutes.json"))
    _answer_yes(monkeypatch)
    window = make_window(march)

    # 1. Next month's meeting from this one.
    window.actions["follow_up_this"].trigger()
    april = window.document.meeting
    previous = load_meeting(march)
    assert april.follows is not None and len(april.follow_up) == len(previous.all_tasks())
    indicators = april.results.indicators
    assert [i.name for i in indicators] == [i.name for i in previous.results.indicators]
    assert all(i.actual is None for i in indicators) and indicators[0].plan == previous.results.indicators[0].plan

    # 2. The figures from the statistics office's spreadsheet fill in those indicators.
    book = openpyxl.Workbook()
    for row in SHEET:
        book.active.append(row)
    sheet = tmp_path / "thong-ke-thang-3.xlsx"
    book.save(sheet)
    dialog = window.import_spreadsheet(sheet)
    assert "5 rows will be imported. 4 of them fill in rows of the same name" in dialog.summary.text()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    by_name = {i.name: i for i in indicators}
    assert len(indicators) == len(previous.results.indicators) + 1  # only the new indicator was added
    assert (by_name["Diện tích xuống giống lúa vụ Đông Xuân 2024-2025"].actual,
            by_name["Thu ngân sách trên địa bàn (lũy kế 2 tháng)"].actual) == (1872, 798_600_000)
    assert by_name["Số vụ tai nạn giao thông"].actual == 0 and by_name["Số hộ mới thoát nghèo"].actual == 3

    # 3. Last month's tasks, reported at this meeting.
    QTest.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    view = window.pages[FOLLOW_UP].tables[0]
    columns = [c.attr for c in view.table_model().columns]
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, columns.index("done")))
    QTest.keyClick(view, Qt.Key.Key_Space)
    view.setCurrentIndex(view.model().index(0, columns.index("progress")))
    QTest.keyClick(view, Qt.Key.Key_F2)
    type_text(QApplication.focusWidget(), "Đã nạo vét xong 1,2 km")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: april.follow_up[0].progress == "Đã nạo vét xong 1,2 km", timeout=3000)
    assert april.follow_up[0].done is not None

    target = folder / "thang-4.minutes.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.save()
    assert load_meeting(target).follows.file == "thang-3.minutes.json"

    # 4. The Tasks window of the folder: last month's late tasks first, the one reported done once, as done.
    tasks = window.open_tasks()
    qtbot.waitUntil(lambda: tasks.model.rowCount() > 0, timeout=15000)
    register = tasks.model.register
    assert register.folder == folder and register.meetings == 2
    statuses = [entry.status for entry in register.entries]
    assert statuses == sorted(statuses, key=[TaskStatus.OVERDUE, TaskStatus.OPEN, TaskStatus.DONE].index)
    dredging = [e for e in register.entries if e.task.task.startswith("Nạo vét kênh Ba Xuân")]
    assert len(dredging) == 1 and dredging[0].status is TaskStatus.DONE and dredging[0].file == target
    overdue = next(e for e in register.entries if e.status is TaskStatus.OVERDUE)
    assert overdue.file == target and overdue.given_file == "thang-3.minutes.json"
    assert window.open_task(overdue.file, overdue.place)
    assert window.stack.currentWidget() is window.pages[FOLLOW_UP]
    assert view.currentIndex().row() == overdue.place.index

    # 5. The signed version.
    window.actions["finalise"].trigger()
    qtbot.waitUntil(lambda: window.document.meeting.is_final and not window.document.is_modified, timeout=60000)
    assert sorted(p.suffix for p in (folder / "thang-4-final-v1").iterdir()) == [".docx"] * 3
    assert "final" in window.windowTitle().lower() and load_meeting(target).is_final
    tasks.close()
