"""The editor driven from the keyboard: type a meeting across every page, undo, redo, save, reopen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from minutes_app.model import Gender, Role
from minutes_app.storage import dumps_meeting, load_meeting

from ..conftest import SEED_SAMPLE
from .keyboard import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def _type_in(widget, text: str) -> None:  # noqa: ANN001
    widget.setFocus()
    type_text(widget, text)


def _editor(view):  # noqa: ANN001, ANN202
    """The open cell editor of a table (the focus is in it while a cell is edited)."""
    return QApplication.focusWidget()


def _cells(qtbot, view, *texts: str) -> None:  # noqa: ANN001
    """Type cells from the current one on: Tab between cells, Enter after the last."""
    for number, text in enumerate(texts):
        if text:
            type_text(_editor(view), text)
        key = Qt.Key.Key_Return if number == len(texts) - 1 else Qt.Key.Key_Tab
        QTest.keyClick(_editor(view), key)
    QApplication.processEvents()  # the delegate commits on Enter through a queued call
    assert view.state() != view.State.EditingState
    top = view.window()
    if not top.isActiveWindow():  # offscreen Qt leaves a closed completer popup as the active window
        top.activateWindow()
        qtbot.waitUntil(top.isActiveWindow)


def test_a_whole_meeting_typed_from_the_keyboard(make_window, qtbot, field, tmp_path: Path) -> None:  # noqa: ANN001
    window = make_window()
    general, attendees, results, _follow_up, discussion, directives, closing = window.pages

    # General: Ctrl+1 puts the cursor in the title.
    QTest.keyClick(window, Qt.Key.Key_1, CTRL)
    assert QApplication.focusWidget() is general.first_field
    title = field(general, "title")
    QTest.keyClick(title, Qt.Key.Key_A, CTRL)
    type_text(title, "Họp giao ban tháng 3")
    _type_in(field(general, "location"), "Hội trường UBND xã")
    _type_in(field(general, "chair"), "Nguyễn Văn An")
    _type_in(field(general, "secretary"), "Lê Thị Bình")
    _type_in(field(general, "bridges"), "Điểm cầu xã\nĐiểm cầu ấp 1")
    _type_in(field(general, "agency"), "UBND XÃ BÌNH THÀNH")
    start = field(general, "start")
    start.setFocus()
    type_text(start, "0730")

    # Attendees: Enter on an empty table adds a row and edits its first cell.
    QTest.keyClick(window, Qt.Key.Key_2, CTRL)
    view = attendees.tables[0]
    assert QApplication.focusWidget() is view
    QTest.keyClick(view, Qt.Key.Key_Return)
    _cells(qtbot, view, "Nguyễn Văn An", "", "Chủ tịch UBND xã")
    QTest.keyClick(view, Qt.Key.Key_Return)  # on the last row: another person
    _cells(qtbot, view, "Lê Thị Bình")
    people = window.document.meeting.attendees
    assert [p.name for p in people] == ["Nguyễn Văn An", "Lê Thị Bình"]
    assert people[0].position == "Chủ tịch UBND xã"
    # Space on the Present cell ticks it off; the combo of the gender column from the keyboard.
    present = view.model().index(1, 5)
    view.setCurrentIndex(present)
    QTest.keyClick(view, Qt.Key.Key_Space)
    assert people[1].present is False
    view.setCurrentIndex(view.model().index(1, 1))
    QTest.keyClick(view, Qt.Key.Key_F2)
    QTest.keyClick(_editor(view), Qt.Key.Key_Up)  # from "Not given" (last) up to "Female"
    QTest.keyClick(_editor(view), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert people[1].gender == Gender.FEMALE
    assert people[0].role == Role.MEMBER

    # Results: figures typed the Vietnamese way.
    QTest.keyClick(window, Qt.Key.Key_3, CTRL)
    view = results.tables[0]
    assert QApplication.focusWidget() is view
    QTest.keyClick(view, Qt.Key.Key_Return)
    _cells(qtbot, view, "Nông nghiệp", "Diện tích lúa", "ha", "28.466", "31.597,5")
    indicator = window.document.meeting.results.indicators[0]
    assert (indicator.name, indicator.plan, indicator.actual) == ("Diện tích lúa", 28466, 31597.5)
    assert view.model().index(0, 7).data() == "111%"
    assert view.model().index(0, 8).data() == "Met"

    # Discussion: a row, then Tab to the box for what was said.
    QTest.keyClick(window, Qt.Key.Key_5, CTRL)
    view = discussion.tables[0]
    QTest.keyClick(view, Qt.Key.Key_Return)
    _cells(qtbot, view, "Trần Văn Cường", "Trưởng ấp 1", "Giao thông nông thôn")
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is discussion.detail.editor
    type_text(discussion.detail.editor, "Đề nghị sửa đường ấp 1.")
    item = window.document.meeting.discussion[0]
    assert (item.speaker, item.topic, item.content) == ("Trần Văn Cường", "Giao thông nông thôn",
                                                        "Đề nghị sửa đường ấp 1.")

    # Directives & tasks.
    QTest.keyClick(window, Qt.Key.Key_6, CTRL)
    view = directives.tables[0]
    QTest.keyClick(view, Qt.Key.Key_Return)
    _cells(qtbot, view, "Nguyễn Văn An", "Chủ tịch UBND xã")
    QTest.keyClick(view, Qt.Key.Key_Tab)
    type_text(QApplication.focusWidget(), "Khẩn trương sửa đường.")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    tasks = directives.tasks_view
    assert QApplication.focusWidget() is tasks
    QTest.keyClick(tasks, Qt.Key.Key_Return)
    _cells(qtbot, tasks, "Sửa đường ấp 1", "Ban Giao thông xã")
    directive = window.document.meeting.directives[0]
    assert directive.content == "Khẩn trương sửa đường."
    assert [(t.task, t.assignee) for t in directive.tasks] == [("Sửa đường ấp 1", "Ban Giao thông xã")]

    # Closing & recipients.
    QTest.keyClick(window, Qt.Key.Key_7, CTRL)
    _type_in(field(closing, "recipients"), "Như trên\nLưu: VT")
    _type_in(field(closing, "author"), "Lê Thị Bình")
    meeting = window.document.meeting
    assert meeting.closing.recipients == ["Như trên", "Lưu: VT"]
    assert meeting.meeting.title == "Họp giao ban tháng 3"
    assert meeting.meeting.bridges == ["Điểm cầu xã", "Điểm cầu ấp 1"]
    assert meeting.meeting.start == dt.time(7, 30)
    assert meeting.header.agency == "UBND XÃ BÌNH THÀNH"
    assert window.isWindowModified()

    # Save, reopen, compare.
    path = tmp_path / "giao-ban.minutes.json"
    assert window.save_to(path)
    assert not window.isWindowModified()
    assert "giao-ban.minutes.json" in window.windowTitle()
    assert dumps_meeting(load_meeting(path)) == dumps_meeting(meeting)
    other = make_window(path)
    assert dumps_meeting(other.document.meeting) == dumps_meeting(meeting)
    assert other.pages[1].tables[0].model().index(1, 0).data() == "Lê Thị Bình"


def test_typing_merges_and_undo_redo_follow_the_widgets(make_window, field) -> None:  # noqa: ANN001
    window = make_window(SEED_SAMPLE)
    general = window.pages[0]
    location = field(general, "location")
    original = window.document.meeting.meeting.location
    location.setFocus()
    location.end(False)
    type_text(location, " tầng 2")
    assert window.document.meeting.meeting.location == original + " tầng 2"
    assert window.document.undo_stack.count() == 1  # consecutive typing is one command
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    QTest.keyClick(location, Qt.Key.Key_Z, CTRL)  # reaches the document's stack, not the line edit's
    assert window.document.meeting.meeting.location == original
    assert location.text() == original
    assert not window.isWindowModified()
    QTest.keyClick(location, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert location.text() == original + " tầng 2"

    # A row deleted from the keyboard comes back with undo, the same object in the same place.
    window.go_to_page(1)
    view = window.pages[1].tables[0]
    view.setCurrentIndex(view.model().index(1, 0))
    person = window.document.meeting.attendees[1]
    QTest.keyClick(view, Qt.Key.Key_Delete, CTRL)
    assert person not in window.document.meeting.attendees
    window.actions["undo"].trigger()
    assert window.document.meeting.attendees[1] is person
    view.setCurrentIndex(view.model().index(1, 0))
    QTest.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.document.meeting.attendees[0] is person
    window.actions["undo"].trigger()
    assert window.document.meeting.attendees[1] is person


def test_paste_rows_from_a_spreadsheet(make_window) -> None:  # noqa: ANN001
    window = make_window(SEED_SAMPLE)
    window.go_to_page(1)
    view = window.pages[1].tables[0]
    rows_before = len(window.document.meeting.attendees)
    view.setCurrentIndex(view.model().index(rows_before - 1, 0))
    QTest.keyClick(view, Qt.Key.Key_Return)  # Enter on the last row: a new row, its first cell open
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert QApplication.focusWidget() is view
    assert len(window.document.meeting.attendees) == rows_before + 1
    QApplication.clipboard().setText("Võ Văn Dũng\tMale\tPhó Chủ tịch\tUBND xã\tMember\t1\r\n"
                                     "Phạm Thị Em\tfemale\tKế toán\tUBND xã\tmember\t0\r\n"
                                     "Đặng Văn Phúc\tmale\tCông an\tCông an xã\tguest\tyes\r\n")
    QTest.keyClick(view, Qt.Key.Key_V, CTRL)
    people = window.document.meeting.attendees
    assert len(people) == rows_before + 3
    assert [p.name for p in people[-3:]] == ["Võ Văn Dũng", "Phạm Thị Em", "Đặng Văn Phúc"]
    assert [p.gender for p in people[-3:]] == [Gender.MALE, Gender.FEMALE, Gender.MALE]
    assert [p.present for p in people[-3:]] == [True, False, True]
    assert [p.role for p in people[-3:]] == [Role.MEMBER, Role.MEMBER, Role.GUEST]
    window.actions["undo"].trigger()  # the paste is one step
    assert len(window.document.meeting.attendees) == rows_before + 1
    assert window.document.meeting.attendees[-1].name == ""


def test_closing_with_unsaved_changes_asks(make_window, field, monkeypatch) -> None:  # noqa: ANN001
    window = make_window(SEED_SAMPLE)
    _type_in(field(window.pages[0], "title"), "x")
    asked = []
    cancel = QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or cancel)
    assert not window.close()
    assert window.isVisible() and asked and "Save the changes" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close()


def test_insert_time_shortcut_writes_the_document_language(make_window, field) -> None:  # noqa: ANN001
    window = make_window(SEED_SAMPLE)
    window.go_to_page(4)
    editor = window.pages[4].detail.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    before = editor.toPlainText()
    QTest.keyClick(editor, Qt.Key.Key_T, CTRL)
    added = editor.toPlainText()[len(before):]
    assert " giờ " in added and added.split(" giờ ")[1].isdigit() and len(added.split(" giờ ")[1]) == 2
    assert window.document.meeting.discussion[0].content == editor.toPlainText()


def test_completion_offers_names_of_this_meeting(make_window, field, qtbot) -> None:  # noqa: ANN001
    window = make_window(SEED_SAMPLE)
    chair = field(window.pages[0], "chair")
    completer = chair.completer()
    assert completer is not None
    completer.setCompletionPrefix("Trần")
    assert completer.currentCompletion() == "Trần Văn Sáu"
    position = window.completions.models["position"].stringList()
    assert "Chủ tịch UBND huyện" in position


def test_new_from_previous_meeting_copies_header_and_attendees(make_window, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QFileDialog

    window = make_window(SEED_SAMPLE)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(SEED_SAMPLE), ""))
    window.new_from_previous()
    meeting, previous = window.document.meeting, load_meeting(SEED_SAMPLE)
    assert window.document.path is None and window.isWindowModified()
    assert meeting.header.agency == previous.header.agency and meeting.header.number == ""
    assert [a.name for a in meeting.attendees] == [a.name for a in previous.attendees]
    assert all(a.present for a in meeting.attendees)
    assert meeting.discussion == [] and meeting.directives == []
    # The indicators recur with their plan; this meeting's figures are to be typed.
    assert [i.name for i in meeting.results.indicators] == [i.name for i in previous.results.indicators]
    assert all(i.actual is None for i in meeting.results.indicators)
    assert meeting.meeting.date == dt.date.today()
    assert meeting.follows is not None and meeting.follows.date == previous.meeting.date
    assert [t.task for t in meeting.follow_up] == [t.task for t in previous.all_tasks()]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_interface_language_switch_rebuilds_the_texts(make_window, language: str) -> None:  # noqa: ANN001
    from minutes_app.l10n.i18n import gettext, set_ui_language

    window = make_window(SEED_SAMPLE)
    window.actions["undo"].setEnabled(False)
    set_ui_language(language)
    titles = window.page_titles()
    assert [window.side.item(i).text() for i in range(window.side.count())] == titles
    assert window.menuBar().actions()[0].text() == gettext("&File")
    assert window.pages[1].tables[0].model().rowCount() == 3



@pytest.mark.parametrize("language", ["vi", "en"])
def test_settings_dialog_switches_language_and_sets_defaults(make_window, language: str) -> None:  # noqa: ANN001
    from minutes_app.gui.email_dialog import EmailDialog
    from minutes_app.gui.settings_dialog import SettingsDialog
    from minutes_app.l10n.i18n import gettext, ui_language

    window = make_window(SEED_SAMPLE)
    dialog = SettingsDialog(window.settings, window)
    dialog.language.setCurrentIndex(dialog.language.findData(language))
    dialog.autosave.setValue(45)
    dialog.defaults["agency"].setText("UBND XÃ BÌNH THÀNH")
    dialog.defaults["author"].setText("Lê Thị Bình")
    dialog.accept()
    window.apply_settings()
    assert ui_language() == language
    assert window.autosave_timer.interval() == 45000
    assert window.side.item(0).text() == gettext("General")
    assert window.dock.windowTitle() == gettext("Preview")
    # Every dialog opens in this language without trouble.
    for other in (SettingsDialog(window.settings, window), EmailDialog(window.document.meeting, window)):
        other.show()
        assert other.windowTitle()
        other.close()
    window.document.undo_stack.setClean()
    window.new_file()
    assert window.document.meeting.header.agency == "UBND XÃ BÌNH THÀNH"
    assert window.document.meeting.news.author == "Lê Thị Bình"
    assert window.document.path is None and "[*]" in window.windowTitle()


def test_the_editor_window_shows_the_application_icon(make_window) -> None:  # noqa: ANN001
    """The main window takes Thư Ký's icon from the application; an icon of its own would hide it in the
    task bar and the window switcher."""
    from PySide6.QtWidgets import QApplication

    window = make_window()
    assert not QApplication.windowIcon().isNull()
    assert window.windowIcon().cacheKey() == QApplication.windowIcon().cacheKey()
