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


def type_notes(page, text: str) -> None:  # noqa: ANN001
    """Type into the notes, then pause as a person does: the page files what was typed."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    type_text(page.editor, text)
    for _attempt in range(50):
        if page.pending is None:
            break
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    assert page.pending is None
    # The offscreen platform leaves the activation with the names popup shown after "@" once it is hidden
    # (a real window manager gives it back): give it back as one would by clicking the window.
    window = page.window()
    if not window.isActiveWindow():
        window.activateWindow()
        QApplication.processEvents()
