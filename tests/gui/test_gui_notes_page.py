"""The quick notes page typed with key events: each line is filed as it is typed, edits and deletions
update what lines produced, Ctrl+Z takes a note back with what it made, and the file keeps it all."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from notes.notes_helpers import NOTES_FILE, UNPLACEABLE_LINE, commune_meeting
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from minutes_app.model import Role
from minutes_app.notes import NoteInput, apply_notes
from minutes_app.storage import load_meeting

from .keyboard import type_notes as _type
from .keyboard import type_text

pytestmark = pytest.mark.slow  # drives the editor for seconds a test: out of the quick run, `pytest -m "not slow"`

CLOCK = dt.time(7, 31)


def _page(window):  # noqa: ANN001, ANN202
    """The notes page as Ctrl+G shows it, the cursor in the notes, with the clock pinned."""
    QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    page = window.notes_page
    assert window.stack.currentWidget() is page and page.editor.hasFocus()
    page.now = lambda: CLOCK
    return page


def _without_ids(items: list) -> list:
    return [replace(item, id="", **({"tasks": _without_ids(item.tasks)} if hasattr(item, "tasks") else {}))
            for item in items]


def _go_to_line(page, number: int) -> None:  # noqa: ANN001
    """Put the cursor at the end of a 1-based line with the keyboard. Down and End act on the lines shown,
    and a long note wraps over several: press them until the cursor is at the end of that note."""
    editor = page.editor
    QTest.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    while editor.textCursor().blockNumber() < number - 1:
        QTest.keyClick(editor, Qt.Key.Key_Down)
    QTest.keyClick(editor, Qt.Key.Key_End)
    while not editor.textCursor().atBlockEnd():
        QTest.keyClick(editor, Qt.Key.Key_Right)
        QTest.keyClick(editor, Qt.Key.Key_End)
    assert editor.textCursor().blockNumber() == number - 1


def _delete_line(page, number: int) -> None:  # noqa: ANN001
    _go_to_line(page, number)
    editor = page.editor
    QTest.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ShiftModifier)
    while not editor.textCursor().atBlockStart():
        QTest.keyClick(editor, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
        QTest.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(editor, Qt.Key.Key_Delete)
    QTest.keyClick(editor, Qt.Key.Key_Backspace)


def test_a_few_lines_typed_are_filed_and_undone_together(make_window, qtbot) -> None:  # noqa: ANN001
    window = make_window(commune_meeting())
    page = _page(window)
    before = len(window.document.meeting.discussion)
    _type(page, "@loc: An ninh ổn định.\nKL: Tăng cường tuần tra.\nNV: Tuần tra → Công an xã, hạn 20/3")
    meeting = window.document.meeting
    assert [(d.speaker, d.content) for d in meeting.discussion[before:]] == [("Phạm Văn Lộc", "An ninh ổn định.")]
    directive = meeting.directives[-1]
    assert (directive.speaker, directive.content) == ("Phạm Văn Lộc", "Tăng cường tuần tra.")
    assert [(t.task, t.assignee, t.deadline) for t in directive.tasks] == [
        ("Tuần tra", "Công an xã", dt.date(2025, 3, 20))]
    assert [note.time for note in meeting.notes] == [CLOCK] * 3
    # the discussion page's table shows the new row at once
    discussion_view = window.pages[4].tables[0]
    assert discussion_view.model().rowCount() == before + 1
    # one undo step per line typed: Ctrl+Z takes back the task line (and the line break before it) with its task
    QTest.keyClick(page.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.meeting.directives[-1].tasks == []
    assert page.editor.toPlainText() == "@loc: An ninh ổn định.\nKL: Tăng cường tuần tra."
    QTest.keyClick(page.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.document.meeting.directives[-1].tasks[0].assignee == "Công an xã"


def test_a_line_that_cannot_be_placed_is_marked_and_named(make_window) -> None:  # noqa: ANN001
    window = make_window(commune_meeting())
    page = _page(window)
    _type(page, "@loc: Ổn định.\nVắng: @Thu Trang (ốm)")
    assert page.problem_lines == {1}
    assert page.status.text() == ('1 line could not be placed: line 2: "Thu Trang" is not among the attendees')
    assert [note.text for note in window.document.meeting.notes][-1] == "Vắng: @Thu Trang (ốm)"  # kept


@pytest.mark.slow
def test_a_whole_meeting_typed_then_two_lines_edited_and_two_deleted(make_window, tmp_path: Path) -> None:  # noqa: ANN001
    window = make_window(commune_meeting())
    page = _page(window)
    text = NOTES_FILE.read_text(encoding="utf-8").rstrip("\n")
    _type(page, text)
    assert page.problem_lines == {UNPLACEABLE_LINE - 1}
    path = tmp_path / "giao-ban.minutes.json"
    assert window.save_to(path)
    saved = load_meeting(path)
    start = commune_meeting()
    expected = apply_notes(start, [NoteInput(line) for line in text.split("\n")]).meeting
    # the same meeting as the command line makes of the same lines (ids aside: they count creations)
    assert _without_ids(saved.discussion) == _without_ids(expected.discussion)
    assert _without_ids(saved.directives) == _without_ids(expected.directives)
    assert _without_ids(saved.attendees) == _without_ids(expected.attendees)
    assert next(a for a in saved.attendees if a.name == "Tư").role is Role.GUEST

    _go_to_line(page, 2)  # Hùng's report
    _type(page, " Đạt khá.")
    _go_to_line(page, 20)  # the first task: a later deadline
    QTest.keyClick(page.editor, Qt.Key.Key_Backspace)
    _type(page, "5")  # hạn 20/3 → hạn 20/5
    _delete_line(page, 24)  # NV: Tổng kết giải ngân năm …
    _delete_line(page, 3)  # the continuation of Hùng's report
    assert window.save_to(path)
    saved = load_meeting(path)
    hung = next(item for item in saved.discussion if item.id)
    assert hung.content == "Báo cáo tóm tắt kết quả kinh tế - xã hội tháng 02. Đạt khá."
    tasks = [t for d in saved.directives for t in d.tasks if t.id]
    assert [(t.task, t.deadline) for t in tasks] == [
        ("Nạo vét tuyến kênh Bình Lợi", dt.date(2025, 5, 20)),
        ("Sửa chữa cầu dân sinh ấp Bình Hòa", dt.date(2025, 4, 15)),
        ("Rà soát các công trình chậm tiến độ", dt.date(2025, 4, 30)),
    ]
    assert len(saved.notes) == 29


def test_the_notes_stay_when_the_interface_language_changes(make_window) -> None:  # noqa: ANN001
    from minutes_app.l10n.i18n import set_ui_language

    window = make_window(commune_meeting())
    page = _page(window)
    _type(page, "@loc: Ổn định.")
    set_ui_language("vi")
    try:
        rebuilt = window.notes_page
        assert rebuilt is not page
        assert rebuilt.editor.toPlainText() == "@loc: Ổn định."
        assert rebuilt.title == "Ghi nhanh"
        assert window.actions["quick_notes"].text() == "&Ghi nhanh"
        assert window.page_column.entry.item(0).text() == "Ghi nhanh" and _entry_first(window)
        assert window.stack.currentWidget() is rebuilt and rebuilt.editor.hasFocus()
        assert [note.time for note in window.document.meeting.notes] == [CLOCK]
    finally:
        set_ui_language("en")


def test_names_are_offered_after_at_and_enter_takes_one(make_window) -> None:  # noqa: ANN001
    window = make_window(commune_meeting())
    page = _page(window)
    _type(page, "@ng")  # Ngân, Ngọc Ánh, Ngô Minh Triết, Nguyễn Thanh Tâm: without marks
    popup = page.editor.popup
    assert popup.isVisible()
    offered = page.editor.names.stringList()
    assert offered[0] == "Trần Thị Kim Ngân"  # the given name first
    assert set(offered) == {"Trần Thị Kim Ngân", "Bùi Thị Ngọc Ánh", "Ngô Minh Triết", "Nguyễn Thanh Tâm"}
    QTest.keyClick(page.editor, Qt.Key.Key_Down)
    QTest.keyClick(page.editor, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert page.editor.toPlainText() == f"@{offered[1]}: "
    _type(page, "Đồng ý.")
    assert window.document.meeting.discussion[-1].speaker == offered[1]
    _type(page, "\n@zz")  # nobody (not even the guest the name being typed makes): nothing offered
    assert not popup.isVisible()
    _type(page, "\n@z")  # that guest is offered on another line
    assert popup.isVisible() and page.editor.names.stringList() == ["Zz"]
    QTest.keyClick(page.editor, Qt.Key.Key_Escape)
    assert not popup.isVisible() and page.editor.toPlainText().endswith("\n@z")


def test_a_name_from_the_people_directory_becomes_a_guest_with_its_position(make_window, qtbot) -> None:  # noqa: ANN001
    from minutes_app.model import Attendee, Meeting, MeetingInfo
    from minutes_app.storage.directory import record_meeting

    record_meeting(Meeting(meeting=MeetingInfo(title="Họp huyện", date=dt.date(2025, 1, 10)),
                           attendees=[Attendee(name="Nguyễn Hữu Phước", position="Trưởng phòng Nội vụ huyện")]))
    window = make_window(commune_meeting())
    page = _page(window)
    qtbot.waitUntil(lambda: bool(page.directory), timeout=5000)
    _type(page, "@phuo")
    assert page.editor.names.stringList() == ["Nguyễn Hữu Phước"]
    QTest.keyClick(page.editor, Qt.Key.Key_Return)
    _type(page, "Đề nghị rà soát biên chế.")
    guest = window.document.meeting.attendees[-1]
    assert (guest.name, guest.position, guest.role, guest.to_check) == (
        "Nguyễn Hữu Phước", "Trưởng phòng Nội vụ huyện", Role.GUEST, False)
    assert window.document.meeting.discussion[-1].position == "Trưởng phòng Nội vụ huyện"


def test_a_final_meeting_takes_no_notes(make_window) -> None:  # noqa: ANN001
    window = make_window(commune_meeting())
    page = _page(window)
    _type(page, "@loc: Ổn định.")
    window.document.read_only = True  # as the finaliser leaves a final meeting
    before = (page.editor.toPlainText(), list(window.document.meeting.notes), window.document.undo_stack.count())
    _type(page, " Thêm")
    assert (page.editor.toPlainText(), window.document.meeting.notes, window.document.undo_stack.count()) == before
    assert page.editor.isReadOnly()
    window.document.read_only = False  # reopened: the page takes notes again when shown
    window.go_to_page(0)
    page = _page(window)
    assert not page.editor.isReadOnly()


def test_a_lines_time_is_corrected_in_the_margin(make_window) -> None:  # noqa: ANN001
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    from minutes_app.gui.binding import TimeLineEdit

    window = make_window(commune_meeting())
    page = _page(window)
    _type(page, "@loc: Ổn định.\nKL: Tăng cường tuần tra.")
    block = page.editor.document().findBlockByNumber(0)
    middle = page.editor.blockBoundingGeometry(block).translated(page.editor.contentOffset()).center().y()
    QTest.mouseDClick(page.editor.margin, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      QPoint(10, int(middle)))
    field = QApplication.focusWidget()
    assert isinstance(field, TimeLineEdit) and field.text() == "07:31"
    type_text(field, "0815")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert [note.time for note in window.document.meeting.notes] == [dt.time(8, 15), CLOCK]
    assert page.editor.hasFocus()
    QTest.keyClick(page.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one step of its own
    assert [note.time for note in window.document.meeting.notes] == [CLOCK, CLOCK]
    assert page.editor.toPlainText() == "@loc: Ổn định.\nKL: Tăng cường tuần tra."
    # Esc leaves the time as it was
    block = page.editor.document().findBlockByNumber(1)
    middle = page.editor.blockBoundingGeometry(block).translated(page.editor.contentOffset()).center().y()
    QTest.mouseDClick(page.editor.margin, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      QPoint(10, int(middle)))
    field = QApplication.focusWidget()
    type_text(field, "0900")
    QTest.keyClick(field, Qt.Key.Key_Escape)
    assert [note.time for note in window.document.meeting.notes] == [CLOCK, CLOCK]
    assert page.editor.toPlainText() == "@loc: Ổn định.\nKL: Tăng cường tuần tra."


def test_the_setting_puts_the_time_of_each_intervention_in_the_minutes(make_window, preview_text) -> None:  # noqa: ANN001
    """Off by default; ticked with the keyboard in the Settings dialog, the preview and the exports give
    "7 giờ 31, ông Phạm Văn Lộc … phát biểu:"; the choice is kept in the settings."""
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from minutes_app.gui.settings_dialog import SettingsDialog

    window = make_window(commune_meeting())
    page = _page(window)
    _type(page, "@loc: An ninh ổn định.")
    assert not window.export_options().intervention_times
    assert "7 giờ 31" not in preview_text(window, "minutes")
    dialog = SettingsDialog(window.settings, window)
    dialog.show()
    assert not dialog.intervention_times.isChecked()
    dialog.intervention_times.setFocus()
    QTest.keyClick(dialog.intervention_times, Qt.Key.Key_Space)
    assert dialog.intervention_times.isChecked()
    QTest.keyClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), Qt.Key.Key_Space)
    QApplication.processEvents()
    assert dialog.result() == dialog.DialogCode.Accepted
    window.apply_settings()
    assert window.export_options().intervention_times
    assert type(window.settings)().intervention_times  # stored: a new session reads it
    assert "7 giờ 31, ông Phạm Văn Lộc, Trưởng Công an xã phát biểu: An ninh ổn định." in preview_text(window)


def _entry_first(window) -> bool:  # noqa: ANN001
    column = window.page_column
    return column.column.indexOf(column.entry) < column.column.indexOf(window.side)


def test_the_quick_notes_come_first_in_the_side_bar_while_the_meeting_runs(make_window) -> None:  # noqa: ANN001
    from minutes_app.gui.page_list import EDITOR_PAGES

    meeting = commune_meeting()
    meeting.meeting.date, meeting.meeting.start, meeting.meeting.end = dt.date.today(), None, None  # all day
    window = make_window(meeting)
    entry = window.page_column.entry
    assert _entry_first(window) and entry.isVisible()
    assert window.side.count() == len(EDITOR_PAGES)  # the pages keep their rows (Ctrl+1…, the findings)
    QTest.mouseClick(entry.viewport(), Qt.MouseButton.LeftButton, pos=entry.visualItemRect(entry.item(0)).center())
    assert window.stack.currentWidget() is window.notes_page
    assert entry.currentRow() == 0 and window.side.currentRow() == -1
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == 0 and window.side.currentRow() == 0
    assert entry.currentRow() == -1  # one place of the side bar is current at a time


def test_a_past_meeting_lists_the_quick_notes_last_until_notes_are_typed(make_window) -> None:  # noqa: ANN001
    window = make_window(commune_meeting())  # dated March 2025
    assert not _entry_first(window)
    page = _page(window)
    assert window.page_column.entry.currentRow() == 0  # Ctrl+G shows where one is
    _type(page, "@loc: An ninh ổn định.")
    assert _entry_first(window)


def test_guests_added_from_the_notes_are_marked_named_and_cleared(make_window, qtbot) -> None:  # noqa: ANN001
    """An unknown speaker becomes a guest to check: its name cell carries a warning, the Attendees page names
    it over a button that marks it checked (one undo step), and the check panel warns until then."""
    from PySide6.QtWidgets import QApplication

    from minutes_app.gui.guests_check import GuestsToCheckBar

    window = make_window(commune_meeting())
    page = _page(window)
    _type(page, "@tư: Hội Nông dân sẵn sàng phối hợp.\n@Sơn Ca: Đồng ý.")
    meeting = window.document.meeting
    guests = [person for person in meeting.attendees if person.to_check]
    assert [person.name for person in guests] == ["Tư", "Sơn Ca"]

    def findings() -> list[str]:
        with qtbot.waitSignal(window.checks.checked, timeout=15000):
            window.checks.run()
        return [f.message for f in window.check_panel.findings() if f.rule == "guest-to-check"]

    assert len(findings()) == 2 and findings()[0].startswith("Tư was added as a guest from the quick notes")
    QTest.keyClick(page.editor, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # the Attendees page
    attendees = window.pages[1]
    view = attendees.tables[0]
    model = view.model()
    row = meeting.attendees.index(guests[0])
    name = model.index(row, 0)
    assert model.data(name, Qt.ItemDataRole.ToolTipRole).startswith("Added from the quick notes")
    assert model.data(name, Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is None  # a known attendee: no mark
    bar = attendees.findChild(GuestsToCheckBar)
    assert bar.isVisible() and "Tư, Sơn Ca" in bar.label.text()
    # the first guest's row selected, the button marks that one only
    view.setFocus()
    view.setCurrentIndex(name)
    bar.button.setFocus()
    QTest.keyClick(bar.button, Qt.Key.Key_Space)
    QApplication.processEvents()
    assert [person.to_check for person in guests] == [False, True]
    assert model.data(name, Qt.ItemDataRole.DecorationRole) is None
    assert bar.isVisible() and "Sơn Ca" in bar.label.text() and "Tư" not in bar.label.text()
    assert len(findings()) == 1
    # nothing selected now that the first is checked: the button marks all that remain
    view.clearSelection()
    QTest.keyClick(bar.button, Qt.Key.Key_Space)
    assert not any(person.to_check for person in guests) and bar.isHidden()
    assert findings() == []
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [person.to_check for person in guests] == [False, True] and bar.isVisible()


def test_a_line_is_filed_after_a_pause_or_as_soon_as_the_secretary_moves_on(make_window) -> None:  # noqa: ANN001
    """Keys only change the text (a key costs less than a frame); the line is filed in the pause that follows,
    at Enter, or before a shortcut reads the meeting — nothing typed is left out."""
    window = make_window(commune_meeting())
    page = _page(window)
    before = len(window.document.meeting.discussion)
    type_text(page.editor, "@loc: An ninh ổn định")
    assert page.pending == 0 and len(window.document.meeting.discussion) == before
    assert page.editor.document().firstBlock().userData().time == CLOCK  # the margin shows the time at once
    QTest.keyClick(page.editor, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # to the Attendees page
    assert page.pending is None
    assert window.document.meeting.discussion[-1].content == "An ninh ổn định"
    page = _page(window)
    type_text(page.editor, ".\nKL: Tăng cường tuần tra")  # Enter files the line it ends
    assert window.document.meeting.discussion[-1].content == "An ninh ổn định."
    assert window.document.meeting.directives[-1].content != "Tăng cường tuần tra"
    _type(page, "")  # the pause
    assert window.document.meeting.directives[-1].content == "Tăng cường tuần tra"
    # one undo step per line: Ctrl+Z takes back the directive, then the full stop
    QTest.keyClick(page.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.meeting.directives[-1].content != "Tăng cường tuần tra"
    assert page.editor.toPlainText() == "@loc: An ninh ổn định."


def test_closing_the_window_files_the_line_typed_just_before(make_window, monkeypatch) -> None:  # noqa: ANN001
    """The title bar's close button, right after typing: the question to save sees the last line."""
    from PySide6.QtWidgets import QMessageBox

    window = make_window(commune_meeting())
    page = _page(window)
    type_text(page.editor, "@loc: Trật tự an toàn xã hội ổn định")
    assert page.pending == 0
    asked: list[str] = []

    def question(*_args: object) -> QMessageBox.StandardButton:
        asked.append(window.document.meeting.discussion[-1].content)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    assert window.close() is False  # cancelled: the window stays
    assert asked == ["Trật tự an toàn xã hội ổn định"] and page.pending is None
