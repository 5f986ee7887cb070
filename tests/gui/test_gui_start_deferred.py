"""What the window leaves for after its first frame, and that a person never notices: the quick notes page is
built at the first Ctrl+G or click on its entry (or in an idle moment), the check panel's tree at the first
check, which it says it is running meanwhile; keys typed at once reach the first field and the shortcuts."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from minutes_app.check.pages import PAGES  # noqa: E402

from .keyboard import type_text  # noqa: E402

pytestmark = pytest.mark.slow  # drives the editor for seconds a test: out of the quick run, `pytest -m "not slow"`


def test_ctrl_g_right_after_the_window_shows_builds_the_notes_and_takes_typing(shown_window, qtbot) -> None:  # noqa: ANN001
    window = shown_window
    assert window.notes_page is None  # not built with the window
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    page = window.notes_page
    assert page is not None and window.stack.currentWidget() is page and page.editor.hasFocus()
    assert window.page_column.entry.currentRow() == 0 and window.side.currentRow() == -1
    type_text(QApplication.focusWidget(), "@Chủ tịch: Khai mạc hội nghị.")
    assert page.editor.toPlainText() == "@Chủ tịch: Khai mạc hội nghị."
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.sheet.page(0)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert window.notes_page is page  # built once
    qtbot.waitUntil(lambda: page.pending is None, timeout=5000)
    assert [note.text for note in window.document.meeting.notes][-1:] == ["@Chủ tịch: Khai mạc hội nghị."]


def test_a_click_on_the_quick_notes_entry_builds_and_shows_them(shown_window, qtbot) -> None:  # noqa: ANN001
    window = shown_window
    entry = window.page_column.entry
    assert window.notes_page is None
    qtbot.mouseClick(entry.viewport(), Qt.MouseButton.LeftButton, pos=entry.visualItemRect(entry.item(0)).center())
    assert window.notes_page is not None and window.stack.currentWidget() is window.notes_page


def test_left_alone_the_notes_page_is_built_in_an_idle_moment_without_moving_the_focus(shown_window, qtbot) -> None:  # noqa: ANN001
    window = shown_window
    focus = QApplication.focusWidget()
    assert focus is window.sheet.page(0).first_field
    qtbot.waitUntil(lambda: window.notes_page is not None, timeout=10000)
    assert window.stack.currentWidget() is window.sheet.page(0) and QApplication.focusWidget() is focus
    assert window.stack.indexOf(window.notes_page) == len(PAGES)  # after the pages: rows and pages match


def test_the_first_keys_typed_land_in_the_first_field_and_the_shortcuts_work_at_once(shown_window) -> None:  # noqa: ANN001
    window = shown_window
    first = window.sheet.page(0).first_field
    assert QApplication.focusWidget() is first
    before = first.text()
    type_text(QApplication.focusWidget(), "Hội nghị")
    assert "Hội nghị" in first.text() and first.text().replace("Hội nghị", "", 1) == before
    assert window.document.is_modified
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # Undone by the window's history (the field's own would leave the document holding the typed words).
    assert first.text() == before and window.document.meeting.meeting.title == before
    assert window.document.undo_stack.index() == 0 and window.document.undo_stack.canRedo()
    for number in range(len(PAGES)):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key(Qt.Key.Key_1 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.side.currentRow() == number and window.stack.currentWidget() is window.sheet.page(number)


def test_the_check_panel_says_it_is_checking_until_the_first_result(unshown_window, qtbot) -> None:  # noqa: ANN001
    window = unshown_window
    panel = window.check_panel
    assert panel.summary.text() == "Checking…" and panel._tree is None  # no tree before there is something to list
    assert panel.findings() == []
    with qtbot.waitSignal(window.checks.checked, timeout=15000):
        window.show()
    assert panel.summary.text() != "Checking…"
    assert panel._tree is not None and panel.tree.isVisible()
    assert panel.tree.topLevelItemCount() == len({finding.page for finding in panel.findings()})


def test_the_file_opened_at_start_joins_the_recent_files_once_the_window_is_on_screen(qtbot, tmp_path) -> None:  # noqa: ANN001
    import shutil

    from minutes_app.gui.app import create_application, create_window
    from minutes_app.gui.settings import AppSettings

    from ..conftest import ENGLISH_SAMPLE

    create_application()
    path = tmp_path / "hop.minutes.json"
    shutil.copy(ENGLISH_SAMPLE, path)
    window = create_window(path)
    try:
        assert path.resolve() not in AppSettings().recent_files()  # a write to disk: not while the window opens
        window.show()
        qtbot.waitUntil(lambda: AppSettings().recent_files()[:1] == [path.resolve()], timeout=5000)
        assert window.document.path == path and window.files.locked_path == path  # the lock, though, at once
    finally:
        window.document.undo_stack.setClean()
        window.close()


def test_a_first_check_that_fails_is_said_in_the_panel_not_left_as_checking(unshown_window, qtbot, monkeypatch) -> None:  # noqa: ANN001
    from minutes_app.gui import checking

    def broken(*_args: object) -> None:
        raise OSError("the folder cannot be read")

    monkeypatch.setattr(checking, "check_meeting", broken)
    window = unshown_window
    with qtbot.waitSignal(window.checks.failed, timeout=15000):
        window.show()
    assert window.check_panel.summary.text() == "The check could not be run: the folder cannot be read"
    assert "the folder cannot be read" in window.statusBar().currentMessage()


def test_the_window_shortcuts_are_read_the_same_in_either_language(shown_window) -> None:  # noqa: ANN001
    from PySide6.QtGui import QKeySequence

    from minutes_app.l10n.i18n import set_ui_language

    window = shown_window
    portable = QKeySequence.SequenceFormat.PortableText
    for language in ("vi", "en"):
        set_ui_language(language)
        keys = {name: window.actions[name].shortcut().toString(portable)
                for name in ("new_from_previous", "tasks", "insert_time", "quick_notes", "print_preview", "page2")}
        assert keys == {"new_from_previous": "Ctrl+Shift+N", "tasks": "Ctrl+Shift+T", "insert_time": "Ctrl+T",
                        "quick_notes": "Ctrl+G", "print_preview": "Ctrl+Shift+P", "page2": PAGES[2].shortcut}
        assert [s.toString(portable) for s in window.actions["redo"].shortcuts()] == ["Ctrl+Y", "Ctrl+Shift+Z"]
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        assert window.side.currentRow() == 2
