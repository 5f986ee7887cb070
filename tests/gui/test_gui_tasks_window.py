"""The Tasks window through its real widgets: a folder's tasks overdue first, filters, opening, refresh, export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QFileDialog, QMessageBox

from minutes_app.gui.settings import AppSettings
from minutes_app.gui.task_register_model import (
    DEADLINE,
    GIVEN,
    PROGRESS,
    STATUS,
    TASK,
    UNIT,
    TaskFilterProxy,
    TaskRegisterModel,
    fold,
)
from minutes_app.gui.tasks_window import TasksWindow
from minutes_app.l10n.i18n import gettext as _
from minutes_app.l10n.i18n import set_ui_language
from minutes_app.model import Directive, Meeting, MeetingInfo, Task, TaskStatus, next_meeting
from minutes_app.storage import load_meeting, save_meeting
from minutes_app.storage.task_register import TaskPlace, collect_tasks

TODAY = dt.date(2025, 4, 10)
MARCH, APRIL = "thang-3.minutes.json", "thang-4.minutes.json"


def _march() -> Meeting:
    return Meeting(meeting=MeetingInfo(title="Giao ban tháng 3", date=dt.date(2025, 3, 5)), directives=[
        Directive(speaker="Chủ tịch", content="Chỉ đạo", tasks=[
            Task(task="Nạo vét kênh Ba Xuân phục vụ bơm tưới", assignee="Địa chính", deadline=dt.date(2025, 3, 20)),
            Task(task="Thu thuế hộ kinh doanh", assignee="Tài chính", deadline=dt.date(2025, 3, 25)),
            Task(task="Tuần tra tuyến ĐT 848", assignee="Công an xã", deadline=dt.date(2025, 4, 30)),
        ])])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """March's meeting, April's made from it with ``next_meeting`` (one carried task reported done), a broken file."""
    tmp_path = tmp_path / "Giao ban xã Bình Thành"
    tmp_path.mkdir()
    march = _march()
    save_meeting(march, tmp_path / MARCH)
    april = next_meeting(march, MARCH)
    april.meeting.title, april.meeting.date = "Giao ban tháng 4", dt.date(2025, 4, 2)
    april.follow_up[0].done = dt.date(2025, 3, 19)
    april.follow_up[0].progress = "Đã nạo vét 1,2 km"
    april.follow_up[1].progress = "Đã thu 85%"
    april.directives = [Directive(speaker="Chủ tịch", content="Chỉ đạo", tasks=[
        Task(task="Kế hoạch hoạt động hè", assignee="Văn hóa", deadline=dt.date(2025, 5, 15)),
        Task(task="Báo cáo quý I", assignee="Địa chính", deadline=dt.date(2025, 4, 5)),
    ])]
    save_meeting(april, tmp_path / APRIL)
    (tmp_path / "hong.minutes.json").write_text("{ not json", encoding="utf-8")
    return tmp_path


@pytest.fixture
def open_window(qtbot) -> Iterator:  # noqa: ANN001
    """``open_window(folder)`` → a shown TasksWindow measured against TODAY, its first reading done."""
    windows: list[TasksWindow] = []

    def make(path: Path) -> TasksWindow:
        window = TasksWindow(path, AppSettings())
        windows.append(window)
        with qtbot.waitSignal(window.loaded, timeout=15000):
            window.set_today(TODAY)
        with qtbot.waitActive(window):  # shortcuts only reach the active window
            window.show()
            window.activateWindow()
        return window

    yield make
    for window in windows:
        window.close()
        window.wait()


def _rows(window: TasksWindow, *columns: int) -> list[tuple]:
    proxy = window.proxy
    return [tuple(proxy.index(row, column).data() for column in columns) for row in range(proxy.rowCount())]


def test_model_passes_the_model_tester_through_resets_filters_and_sorting(folder: Path, qapp) -> None:  # noqa: ANN001
    model = TaskRegisterModel()
    proxy = TaskFilterProxy()
    proxy.setSourceModel(model)
    testers = [QAbstractItemModelTester(m, QAbstractItemModelTester.FailureReportingMode.Fatal) for m in (model, proxy)]
    register = collect_tasks(folder, TODAY)
    model.set_register(register)
    assert model.rowCount() == 5 and model.columnCount() == 6
    proxy.set_status_filter("not_done")
    assert proxy.rowCount() == 4
    proxy.sort(DEADLINE, Qt.SortOrder.DescendingOrder)
    deadlines = [proxy.entry_at(row).task.deadline for row in range(proxy.rowCount())]
    assert deadlines == sorted(deadlines, reverse=True)
    proxy.sort(-1)  # back to the register's order
    assert proxy.visible_entries() == [e for e in register.entries if e.status is not TaskStatus.DONE]
    proxy.set_search("dia chinh")  # without marks, any case
    assert [e.task.task for e in proxy.visible_entries()] == ["Báo cáo quý I"]
    model.set_register(None)
    assert proxy.rowCount() == 0 and len(testers) == 2
    assert fold("  Công AN   xã ") == "cong an xa"


def test_window_lists_overdue_first_each_carried_task_once(folder: Path, open_window) -> None:  # noqa: ANN001
    window = open_window(folder)
    register = collect_tasks(folder, TODAY)
    assert [entry.key for entry in window.proxy.visible_entries()] == [entry.key for entry in register.entries]
    assert _rows(window, STATUS, DEADLINE, UNIT, TASK) == [
        ("Overdue (5 days)", "5 Apr 2025", "Địa chính", "Báo cáo quý I"),
        ("Overdue (16 days)", "25 Mar 2025", "Tài chính", "Thu thuế hộ kinh doanh"),
        ("Open", "30 Apr 2025", "Công an xã", "Tuần tra tuyến ĐT 848"),
        ("Open", "15 May 2025", "Văn hóa", "Kế hoạch hoạt động hè"),
        ("Done 19 Mar 2025", "20 Mar 2025", "Địa chính", "Nạo vét kênh Ba Xuân phục vụ bơm tưới"),
    ]
    # A task carried to April says where it was first given and what was reported on it.
    assert _rows(window, GIVEN, PROGRESS)[1] == ("5 Mar 2025 · Giao ban tháng 3", "Đã thu 85%")
    assert _rows(window, GIVEN)[0] == ("2 Apr 2025 · Giao ban tháng 4",)
    proxy = window.proxy
    tooltip = proxy.index(4, UNIT).data(Qt.ItemDataRole.ToolTipRole)
    assert "Nạo vét kênh Ba Xuân phục vụ bơm tưới" in tooltip
    overdue = proxy.index(0, TASK).data(Qt.ItemDataRole.ForegroundRole).color()
    done = proxy.index(4, TASK).data(Qt.ItemDataRole.ForegroundRole).color()
    assert overdue.red() > overdue.green() + 60 and overdue.red() > overdue.blue() + 60  # red
    assert abs(done.red() - done.green()) < 16 and done != window.palette().text().color()  # grey, not the text
    assert proxy.index(2, TASK).data(Qt.ItemDataRole.ForegroundRole) is None  # open rows: the palette's text
    assert window.summary.text() == "5 tasks: 2 overdue, 2 open, 1 done"
    assert window.unreadable_label.isVisible()
    assert window.unreadable_label.text().startswith("1 file could not be read: hong.minutes.json (")
    assert str(folder) not in window.unreadable_label.text()  # the reason without the path again
    assert window.windowTitle() == f"Tasks — {folder.name}"


def test_switching_the_interface_language_redraws_the_list(folder: Path, open_window, monkeypatch) -> None:  # noqa: ANN001
    calls: list[str] = []
    original = TasksWindow.retranslate
    monkeypatch.setattr(TasksWindow, "retranslate", lambda self, language="": calls.append(language)
                        or original(self, language))
    window = open_window(folder)
    set_ui_language("vi")
    assert calls[-1] == "vi"
    model = window.model
    assert model.headerData(DEADLINE, Qt.Orientation.Horizontal) == _("Deadline") == "Thời hạn"
    assert window.proxy.index(0, DEADLINE).data() == "05/04/2025"
    assert window.proxy.index(0, GIVEN).data().startswith("02/04/2025")
    assert window.filter_combo.itemText(0) == _("All tasks")
    set_ui_language("en")
    assert window.proxy.index(0, DEADLINE).data() == "5 Apr 2025"
    window.close()
    heard = len(calls)
    set_ui_language("vi")  # a closed window no longer listens
    assert len(calls) == heard


def test_filter_and_search_reduce_the_rows_and_are_remembered(folder: Path, open_window, qtbot) -> None:  # noqa: ANN001
    window = open_window(folder)
    combo = window.filter_combo
    combo.setCurrentIndex(combo.findData("overdue"))
    assert [row[0] for row in _rows(window, TASK)] == ["Báo cáo quý I", "Thu thuế hộ kinh doanh"]
    assert window.summary.text() == "5 tasks: 2 overdue, 2 open, 1 done — 2 shown"
    combo.setCurrentIndex(combo.findData("done"))
    assert _rows(window, TASK) == [("Nạo vét kênh Ba Xuân phục vụ bơm tưới",)]
    combo.setCurrentIndex(combo.findData("not_done"))
    assert window.proxy.rowCount() == 4
    qtbot.keyClicks(window.search, "cong an")
    assert _rows(window, UNIT, TASK) == [("Công an xã", "Tuần tra tuyến ĐT 848")]
    window.search.clear()
    assert window.proxy.rowCount() == 4
    assert AppSettings().tasks_filter == "not_done"

    # A second window starts with the filter last chosen.
    again = open_window(folder)
    assert again.filter_combo.currentData() == "not_done" and again.proxy.rowCount() == 4


def test_header_sort_and_default_order(folder: Path, open_window, qtbot) -> None:  # noqa: ANN001
    window = open_window(folder)
    default = _rows(window, TASK)
    header = window.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, UNIT))
    units = [row[0] for row in _rows(window, UNIT)]
    assert units == sorted(units, key=fold) and _rows(window, TASK) != default
    qtbot.mouseClick(window.default_order_button, Qt.MouseButton.LeftButton)
    assert _rows(window, TASK) == default
    assert header.sortIndicatorSection() == -1


def _section_centre(header, section: int) -> QPoint:  # noqa: ANN001
    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)


def test_double_click_and_enter_open_the_meeting_at_the_task(folder: Path, open_window, qtbot) -> None:  # noqa: ANN001
    window = open_window(folder)
    table = window.table
    assert not window.open_button.isEnabled()  # nothing chosen yet
    rect = table.visualRect(window.proxy.index(1, TASK))
    with qtbot.waitSignal(window.open_task, timeout=5000) as opened:
        # A real double-click starts with a click: the view only opens the row it saw pressed.
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    # The carried tax task is recorded, at its latest state, in April's follow-up list.
    assert opened.args == [folder / APRIL, TaskPlace(None, 1)]
    meeting = load_meeting(opened.args[0])
    assert meeting.follow_up[opened.args[1].index].task == "Thu thuế hộ kinh doanh"

    table.setFocus()
    table.setCurrentIndex(window.proxy.index(0, TASK))
    with qtbot.waitSignal(window.open_task, timeout=5000) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [folder / APRIL, TaskPlace(0, 1)]
    assert window.open_button.isEnabled()
    with qtbot.waitSignal(window.open_task, timeout=5000) as opened:
        qtbot.mouseClick(window.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [folder / APRIL, TaskPlace(0, 1)]


def test_a_meeting_saved_on_disk_refreshes_the_list(folder: Path, open_window, qtbot) -> None:  # noqa: ANN001
    window = open_window(folder)
    window.table.setCurrentIndex(window.proxy.index(3, TASK))
    chosen = window.current_entry().key
    april = load_meeting(folder / APRIL)
    april.follow_up[1].done = dt.date(2025, 4, 8)  # the tax collection reported done
    save_meeting(april, folder / APRIL)
    qtbot.waitUntil(lambda: window.summary.text() == "5 tasks: 1 overdue, 2 open, 2 done", timeout=10000)
    assert ("Done 8 Apr 2025", "Thu thuế hộ kinh doanh") in _rows(window, STATUS, TASK)
    assert window.current_entry().key == chosen  # the selection follows its task

    # A new meeting file appearing in the folder is read too; the broken one, once fixed, as well.
    may = next_meeting(april, APRIL)
    may.meeting.date = dt.date(2025, 5, 6)
    may.directives = [Directive(tasks=[Task(task="Phòng chống hạn mặn", assignee="Nông nghiệp")])]
    save_meeting(may, folder / "thang-5.minutes.json")
    (folder / "hong.minutes.json").unlink()
    qtbot.waitUntil(lambda: window.summary.text().startswith("6 tasks:"), timeout=10000)
    assert not window.unreadable_label.isVisible()


def test_a_missing_folder_is_said_plainly(tmp_path: Path, open_window, qtbot) -> None:  # noqa: ANN001
    window = open_window(tmp_path / "khong-co")
    assert window.summary.text() == f"The folder {tmp_path / 'khong-co'} does not exist."
    assert window.proxy.rowCount() == 0 and not window.export_button.isEnabled()
    (tmp_path / "trong").mkdir()
    with qtbot.waitSignal(window.loaded, timeout=15000):
        window.set_folder(tmp_path / "trong")
    assert window.summary.text() == "No meeting files in this folder."


def test_keyboard_finds_and_reads_again(folder: Path, open_window, qtbot) -> None:  # noqa: ANN001
    window = open_window(folder)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search.hasFocus, timeout=5000)
    with qtbot.waitSignal(window.loaded, timeout=15000):
        qtbot.keyClick(window.table, Qt.Key.Key_F5)
    assert window.proxy.rowCount() == 5


def test_change_folder_remembers_it(folder: Path, tmp_path_factory, open_window, qtbot, monkeypatch) -> None:  # noqa: ANN001
    other = tmp_path_factory.mktemp("khac")
    save_meeting(_march(), other / MARCH)
    window = open_window(folder)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(other))
    with qtbot.waitSignal(window.loaded, timeout=15000):
        qtbot.mouseClick(window.change_folder_button, Qt.MouseButton.LeftButton)
    assert window.folder == other and AppSettings().tasks_folder == other
    assert window.summary.text() == "3 tasks: 2 overdue, 1 open, 0 done"
    assert not window.unreadable_label.isVisible()
    assert TasksWindow(None, AppSettings()).folder == other


@pytest.mark.parametrize("suffix", ["docx", "xlsx"])
def test_export_through_the_button_writes_the_rows_shown(folder: Path, open_window, qtbot, monkeypatch,
                                                         tmp_path_factory, suffix: str) -> None:  # noqa: ANN001
    window = open_window(folder)
    window.filter_combo.setCurrentIndex(window.filter_combo.findData("not_done"))
    out = tmp_path_factory.mktemp("ra") / f"danh-sach.{suffix}"
    asked: list[str] = []

    def save_dialog(parent, title, default, filters):  # noqa: ANN001, ANN202
        asked.append(default)
        return str(out), filters.split(";;")[0 if suffix == "docx" else 1]

    told: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    with qtbot.waitSignal(window.exported, timeout=30000):
        qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    assert Path(asked[0]).name == "nhiem-vu-giao-ban-xa-binh-thanh.docx"
    assert told and str(out) in told[0]
    texts = _cell_texts(out)
    shown = [row[0] for row in _rows(window, TASK)]
    positions = [next(i for i, text in enumerate(texts) if task in text) for task in shown]
    assert positions == sorted(positions)  # every task shown, in the order shown
    assert not any("Nạo vét kênh" in text for text in texts)  # the done task was filtered out
    assert any("Địa chính" in text for text in texts) and any("Đã thu 85%" in text for text in texts)
    assert AppSettings().last_folder == str(out.parent)


def _cell_texts(path: Path) -> list[str]:
    if path.suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        return [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    import openpyxl

    sheet = openpyxl.load_workbook(path).active
    return [str(value) for row in sheet.iter_rows(values_only=True) for value in row if value is not None]


def test_a_failed_export_names_the_file_without_a_traceback(folder: Path, open_window, qtbot, monkeypatch,
                                                            tmp_path: Path) -> None:  # noqa: ANN001
    window = open_window(folder)
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    target = tmp_path / "a-file" / "tasks.docx"  # a folder that cannot exist
    warned: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    with qtbot.waitSignal(window.export_failed, timeout=30000):
        qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    assert warned and warned[0].startswith("The task list could not be written to tasks.docx: ")
    assert "Traceback" not in warned[0]
    assert window.export_button.isEnabled()
