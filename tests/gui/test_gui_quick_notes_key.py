"""Ctrl+G, the quick notes' key, as a secretary presses it in the middle of the meeting.

- It shows the notes alone in the page area, whatever page and side panels were showing: with the check panel
  hidden (F9) the focus leaving the page used to land on the side bar, which picked its first row while the
  notes were being shown and left the General page drawn under them.
- A note typed right after it is a new note: it used to continue the last one ("… hạn 20/3" + "KL: …" made
  "hạn 20/3KL: …", a wrong deadline). A correction (Backspace, arrows, a click) still edits that note, and a
  full stop or a space finishes it (``test_gui_notes_page``: "… ổn định" + ".")."""

from __future__ import annotations

import datetime as dt

import pytest
from notes.notes_helpers import commune_meeting
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from .keyboard import type_notes

pytestmark = pytest.mark.slow  # drives the editor for seconds a test: out of the quick run, `pytest -m "not slow"`

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


def test_what_is_typed_after_ctrl_g_is_a_new_note(make_window) -> None:  # noqa: ANN001
    window = make_window(commune_meeting())
    _press(window, Qt.Key.Key_G, CTRL)
    type_notes(window.notes_page, "KL: Tăng cường tuần tra.")
    _press(window, Qt.Key.Key_2, CTRL)  # elsewhere for a moment, then back
    _press(window, Qt.Key.Key_G, CTRL)
    type_notes(window.notes_page, "NV: Tuần tra → Công an xã, hạn 20/3")
    _press(window, Qt.Key.Key_G, CTRL)
    type_notes(window.notes_page, "ê")  # an accented first letter comes from the input method, not as a key
    editor = window.notes_page.editor
    assert editor.toPlainText() == "KL: Tăng cường tuần tra.\nNV: Tuần tra → Công an xã, hạn 20/3\nê"
    tasks = [task for directive in window.document.meeting.directives for task in directive.tasks]
    assert ("Tuần tra", dt.date(2025, 3, 20)) in [(t.task, t.deadline) for t in tasks]  # not "20/3KL: …"


def test_a_correction_after_ctrl_g_edits_the_last_note(make_window) -> None:  # noqa: ANN001
    window = make_window(commune_meeting())
    _press(window, Qt.Key.Key_G, CTRL)
    type_notes(window.notes_page, "KL: Tăng cường tuần tra")
    _press(window, Qt.Key.Key_1, CTRL)
    _press(window, Qt.Key.Key_G, CTRL)
    _press(window, Qt.Key.Key_Backspace)  # the first key is a correction: the cursor stays on the note
    type_notes(window.notes_page, "a")
    _press(window, Qt.Key.Key_G, CTRL)
    type_notes(window.notes_page, " vào ban đêm.")  # a space first finishes the note
    assert window.notes_page.editor.toPlainText() == "KL: Tăng cường tuần tra vào ban đêm."
    assert window.document.meeting.directives[-1].content == "Tăng cường tuần tra vào ban đêm."
    _press(window, Qt.Key.Key_G, CTRL)
    _press(window, Qt.Key.Key_Return)  # Enter first is a new line as ever, not two
    type_notes(window.notes_page, "@loc: An ninh ổn định.")
    assert window.notes_page.editor.toPlainText() == "KL: Tăng cường tuần tra vào ban đêm.\n@loc: An ninh ổn định."
