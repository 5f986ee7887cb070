"""The quick notes' text area: a plain text editor with each line's time in a left margin (double-click to
correct it), the attendees' names offered after "@", and a new note started by what is typed after Ctrl+G."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import (
    QInputMethodEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlockUserData,
    QTextCursor,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QPlainTextEdit, QWidget

from ..notes.people import People
from ..notes.syntax import fold

_AT_WORD = re.compile(r"(?:^|[\s(,;])@([^\s:@,;()]*)$")  # "@sa" just before the cursor


class LineTime(QTextBlockUserData):
    def __init__(self, time: dt.time | None):
        super().__init__()
        self.time = time


def time_of(block: Any) -> dt.time | None:
    data = block.userData()
    return data.time if isinstance(data, LineTime) else None


class TimeMargin(QWidget):
    """The time of each line, left of the text; a double click on one corrects it."""

    def __init__(self, editor: NotesEditor):
        super().__init__(editor)
        self.editor = editor

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        block = self.editor.cursorForPosition(QPoint(0, int(event.position().y()))).block()
        self.editor.timeClicked.emit(block.blockNumber())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.editor.fontMetrics().horizontalAdvance("00:00") + 14, 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().alternateBase())
        painter.setPen(self.palette().placeholderText().color())
        block = self.editor.firstVisibleBlock()
        top = round(self.editor.blockBoundingGeometry(block).translated(self.editor.contentOffset()).top())
        height = self.editor.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.editor.blockBoundingRect(block).height())
            time = time_of(block)
            if block.isVisible() and time is not None and bottom >= event.rect().top():
                painter.drawText(QRect(0, top, self.width() - 7, height), Qt.AlignmentFlag.AlignRight,
                                 time.strftime("%H:%M"))
            block, top = block.next(), bottom


class NotesEditor(QPlainTextEdit):
    """A plain text area with the lines' times in a margin, and the attendees' names offered after "@"."""

    timeClicked = Signal(int)  # the number of the line whose time was double-clicked
    typed = Signal()  # a note was typed (not loaded, nor undone)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.names = QStringListModel(self)
        # A list inside the editor, not a popup window: showing a window costs several frames at each "@".
        self.popup = QListView(self)
        self.popup.setObjectName("namesOffered")
        self.popup.setModel(self.names)
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.popup.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.popup.clicked.connect(lambda index: self.insert_name(str(index.data())))
        self.popup.hide()
        self.typed_name = ""  # what follows the "@" before the cursor, while names are offered
        # Set by Ctrl+G when the last note is not empty: what is typed first, at the end, starts a new note if it
        # begins as one does (a letter, a digit, "@"); a space or a punctuation mark finishes the last one, and any
        # other key or a click (``mousePressEvent``) leaves the cursor to edit it.
        self.new_note_ahead = False
        self.margin = TimeMargin(self)
        self.setViewportMargins(self.margin.sizeHint().width(), 0, 0, 0)
        self.updateRequest.connect(self._update_margin)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

    def offer_names(self, people: Callable[[], People]) -> None:
        """Show the names that fit the word after "@" before the cursor; hide them when there is none."""
        cursor = self.textCursor()
        before = cursor.block().text()[:cursor.positionInBlock()]
        typed = _AT_WORD.search(before)
        word = typed.group(1) if typed else ""
        found = people().starting(word) if word else []
        # not the guest that the name being typed has just made
        found = [p for p in found if not (p.to_check and fold(p.name) == fold(word))]
        if not found:
            self.popup.hide()
            self.typed_name = ""
            return
        self.typed_name = word
        names = [person.name for person in found]
        popup = self.popup
        if names == self.names.stringList() and popup.isVisible():
            return  # only when the names change
        self.names.setStringList(names)
        self._place_popup()
        popup.setCurrentIndex(self.names.index(0))
        popup.show()
        popup.raise_()

    def _place_popup(self) -> None:
        """Under the cursor (above it near the bottom), inside the editor."""
        popup = self.popup
        rect = self.cursorRect().translated(self.viewport().geometry().topLeft())
        rows = min(8, self.names.rowCount())
        height = rows * max(1, popup.sizeHintForRow(0)) + 2 * popup.frameWidth() + 2
        width = min(max(280, popup.sizeHintForColumn(0) + 24), self.width() - 8)
        x = min(rect.left(), self.width() - width - 4)
        y = rect.bottom() + 2 if rect.bottom() + 2 + height <= self.height() else rect.top() - height - 2
        popup.setGeometry(max(0, x), max(0, y), width, height)

    def insert_name(self, name: str) -> None:
        """Replace the word typed after "@" by the whole name, then ": " unless a colon follows."""
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, len(self.typed_name))
        after = cursor.block().text()[cursor.selectionEnd() - cursor.block().position():]
        self.popup.hide()
        self.typed_name = ""
        cursor.insertText(name if after.lstrip().startswith(":") else name + ": ")
        self.setTextCursor(cursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        plain = not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        self._first_typed(event.text() if plain else "")
        popup = self.popup
        if popup.isVisible():
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
                row = max(0, popup.currentIndex().row())
                self.insert_name(self.names.stringList()[row])
                return
            if event.key() == Qt.Key.Key_Escape:
                popup.hide()
                return
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = (popup.currentIndex().row() + step) % self.names.rowCount()
                popup.setCurrentIndex(self.names.index(row))
                return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 - Qt's name
        self._first_typed(event.commitString() or event.preeditString())  # Telex/VNI compose through the IME
        super().inputMethodEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.new_note_ahead = False
        super().mousePressEvent(event)

    def ready_for_a_new_note(self) -> None:
        """Ctrl+G: the cursor after the last note, and what is typed first a new note (``new_note_ahead``)."""
        self.moveCursor(QTextCursor.MoveOperation.End)
        self.new_note_ahead = bool(self.document().lastBlock().text().strip())

    def _first_typed(self, text: str) -> None:
        """After Ctrl+G, a letter, digit or "@" typed first at the end starts a new note (``new_note_ahead``)."""
        if self.new_note_ahead:
            self.new_note_ahead = False
            cursor = self.textCursor()
            if (text[:1].isalnum() or text[:1] == "@") and cursor.atEnd() and not cursor.hasSelection():
                cursor.insertText("\n")

    def _update_margin(self, rect: QRect, dy: int) -> None:
        if dy:
            self.margin.scroll(0, dy)
        else:
            self.margin.update(0, rect.y(), self.margin.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        area = self.contentsRect()
        self.margin.setGeometry(QRect(area.left(), area.top(), self.margin.sizeHint().width(), area.height()))
