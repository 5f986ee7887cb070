"""Ctrl+G shows the quick notes alone in the page area, whatever page and side panels were showing: with
the check panel hidden (F9) the focus leaving the page used to land on the side bar, which picked its first
row while the notes were being shown and left the General page drawn under them."""

from __future__ import annotations

from notes.notes_helpers import commune_meeting
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

CTRL = Qt.KeyboardModifier.ControlModifier


def _press(window, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    QTest.keyClick(window.focusWidget() or window, key, modifier)


def _pages_shown(window) -> list[int]:  # noqa: ANN001
    return [index for index in range(window.stack.count()) if window.stack.widget(index).isVisible()]


def test_the_notes_are_shown_alone_after_the_check_panel_was_hidden(make_window) -> None:  # noqa: ANN001
    window = make_window(commune_meeting())
    _press(window, Qt.Key.Key_3, CTRL)
    _press(window, Qt.Key.Key_F9)
    assert not window.check_dock.isVisible()
    _press(window, Qt.Key.Key_G, CTRL)
    notes = window.stack.indexOf(window.notes_page)
    assert _pages_shown(window) == [notes]
    assert window.side.currentRow() == -1 and window.notes_page.editor.hasFocus()
    # and back: a page chosen from the keyboard is again the only one shown
    _press(window, Qt.Key.Key_2, CTRL)
    assert _pages_shown(window) == [1] and window.side.currentRow() == 1


def test_every_page_then_the_notes_show_one_page_at_a_time(make_window) -> None:  # noqa: ANN001
    window = make_window(commune_meeting())
    _press(window, Qt.Key.Key_F9)
    for number in range(window.side.count()):
        _press(window, getattr(Qt.Key, f"Key_{number + 1}"), CTRL)
        assert _pages_shown(window) == [number]
        _press(window, Qt.Key.Key_G, CTRL)
        assert _pages_shown(window) == [window.stack.indexOf(window.notes_page)]
