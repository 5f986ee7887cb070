"""Typing into real widgets as a Vietnamese keyboard does (QTest alone refuses non-ASCII keys)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def type_char(widget, char: str) -> None:  # noqa: ANN001
    """One character as a Vietnamese keyboard sends it: ASCII as a key press, an accented letter committed by
    the input method (Telex/VNI composition ends in a commit string), a line break as Enter."""
    from PySide6.QtGui import QInputMethodEvent

    if char == "\n":
        QTest.keyClick(widget, Qt.Key.Key_Return)
    elif char.isascii():
        QTest.keyClick(widget, char)
    else:
        event = QInputMethodEvent("", [])
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)


def type_text(widget, text: str) -> None:  # noqa: ANN001
    """Type ``text`` into ``widget`` as a Vietnamese keyboard does (see ``type_char``)."""
    for char in text:
        type_char(widget, char)
