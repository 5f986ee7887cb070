"""Two-way links between form widgets and attributes of the meeting's records.

A widget's change becomes a ``SetFieldCommand`` (typing merges); a command's undo updates the
widget only when it no longer shows the model's value, so the cursor does not jump while typing.
The target record can change (the content editor follows the selected contribution).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ..l10n.dates import DateInputError, format_typed_date, parse_typed_date
from ..l10n.i18n import gettext as _
from .document import MeetingDocument, normalize
from .icons import standard_icon
from .labels import enum_label

if TYPE_CHECKING:
    from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QSpinBox, QTimeEdit

# The spin boxes (QSpinBox, QDateEdit, QTimeEdit: the Closing page's copies and the tables' cell editors) are
# imported where a binding meets one (``_spin_classes``): the window opens on the General page, which has none.

NO_DATE = QDate(1900, 1, 1)  # the minimum of a date edit stands for "no date" (shown blank)
NO_TIME = QTime(0, 0)  # likewise midnight for "no time": no meeting starts at midnight


class UndoKeysToStack(QObject):
    """Lets the window's Undo/Redo act on the document instead of a line edit's private history."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and is_undo_key(event):
            event.ignore()
            return True
        return False


# Ctrl+Y and Ctrl+Shift+Z both redo, on every platform (the README promises both).
UNDO_KEYS = ("Ctrl+Z",)
REDO_KEYS = ("Ctrl+Y", "Ctrl+Shift+Z")


def portable_keys(keys: str) -> QKeySequence:
    """Keys written as in the code ("Ctrl+Shift+N"), read as such in every interface language: the native form
    would ask the translators for "Ctrl", "Shift"… (Python calls from Qt, 140 of them as the window opens)."""
    return QKeySequence.fromString(keys, QKeySequence.SequenceFormat.PortableText)


def is_undo_key(event: QKeyEvent) -> bool:
    """Whether a key event is one of the window's Undo or Redo keys."""
    pressed = QKeySequence(event.keyCombination())
    return any(portable_keys(keys) == pressed for keys in (*UNDO_KEYS, *REDO_KEYS)) or any(
        event.matches(k) for k in (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo))


_UNDO_FILTER: UndoKeysToStack | None = None
_ROUTE_AT_FOCUS = "thuky_route_undo_keys"  # a field's undo keys go to the document from its first focus


def route_undo_keys(widget: QWidget) -> None:
    global _UNDO_FILTER
    if _UNDO_FILTER is None:
        _UNDO_FILTER = UndoKeysToStack()
    widget.installEventFilter(_UNDO_FILTER)
    if isinstance(widget, QPlainTextEdit):
        widget.setUndoRedoEnabled(False)


def route_undo_keys_at_focus(widget: QWidget) -> None:
    """``route_undo_keys`` once ``widget`` first has the focus (keys go to the widget that has it).

    A form's fields get their filter when first focused, not when built: the filter (Python) is otherwise called
    for every event each field gets while the window is built, shown and painted."""
    if isinstance(widget, QPlainTextEdit):
        widget.setUndoRedoEnabled(False)
    if widget.hasFocus():
        route_undo_keys(widget)
        return
    widget.setProperty(_ROUTE_AT_FOCUS, True)
    app = QApplication.instance()
    if isinstance(app, QApplication) and not app.property(_ROUTE_AT_FOCUS):
        app.setProperty(_ROUTE_AT_FOCUS, True)
        app.focusChanged.connect(_focused)


def _focused(_old: QWidget | None, new: QWidget | None) -> None:
    if new is not None and new.property(_ROUTE_AT_FOCUS):
        new.setProperty(_ROUTE_AT_FOCUS, False)
        route_undo_keys(new)


class TimeLineEdit(QLineEdit):
    """A time typed freely: "0730", "7:30", "7h30", "14 giờ 05"; shown back as "07:30" when left."""

    PATTERN = re.compile(r"^\s*(\d{1,2})(?:\s*(?:[:.hHgG]|giờ)?\s*(\d{2}))?\s*(?:phút|p)?\s*$")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText("hh:mm")
        self.setMaximumWidth(90)
        self.editingFinished.connect(self.tidy)

    def value(self) -> dt.time | None:
        """The time typed; ValueError if it is not one."""
        text = self.text().strip()
        if not text:
            return None
        digits = text if not text.isdigit() or len(text) <= 2 else text.zfill(4)
        if text.isdigit() and len(text) > 2:
            digits = f"{digits[:-2]}:{digits[-2:]}"
        match = self.PATTERN.match(digits)
        if not match:
            raise ValueError(text)
        return dt.time(int(match.group(1)), int(match.group(2) or 0))

    def tidy(self) -> None:
        try:
            value = self.value()
        except ValueError:
            return
        text = value.strftime("%H:%M") if value else ""
        if text != self.text():
            self.setText(text)


class DateLineEdit(QLineEdit):
    """A date typed freely: "14/05/2025", "4/5/2025", "14-05-2025", "4/5"; shown back as "14/05/2025" when left.

    A day that does not exist is never changed into another: the text stays, in red, with the reason as
    its tooltip (``problem``), until it is corrected. The button at the end opens a calendar.
    """

    picked = Signal()  # a day was chosen in the calendar

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.problem = ""
        self.setPlaceholderText(_("dd/mm/yyyy"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 40)
        button = self.addAction(standard_icon("FileDialogDetailedView"),
                                QLineEdit.ActionPosition.TrailingPosition)
        button.setToolTip(_("Choose the day in a calendar"))
        button.triggered.connect(self.open_calendar)
        self.editingFinished.connect(self.tidy)

    def value(self) -> dt.date | None:
        """The date typed; DateInputError if it is not one."""
        return parse_typed_date(self.text())

    def set_value(self, value: dt.date | None) -> None:
        self.setText(format_typed_date(value))
        self.mark("")

    def mark(self, problem: str) -> None:
        """Show (or clear) why the text is not a date."""
        self.problem = problem
        self.setStyleSheet("color: #a01010;" if problem else "")
        self.setToolTip(problem)

    def check(self) -> bool:
        try:
            self.value()
        except DateInputError as error:
            self.mark(str(error))
            return False
        self.mark("")
        return True

    def tidy(self) -> None:
        if self.check():
            text = format_typed_date(self.value())
            if text != self.text():
                self.setText(text)

    def open_calendar(self) -> None:
        if self.isReadOnly() or not self.isEnabled():
            return  # a final meeting: nothing to choose
        from PySide6.QtWidgets import QCalendarWidget  # (its class and enums: when first opened)

        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        try:
            day = self.value()
        except DateInputError:
            day = None
        if day is not None:
            calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        calendar.clicked.connect(lambda date: self._pick(calendar, date))
        calendar.activated.connect(lambda date: self._pick(calendar, date))
        calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        calendar.show()
        calendar.setFocus()

    def _pick(self, calendar: QCalendarWidget, date: QDate) -> None:
        calendar.close()
        self.setText(format_typed_date(dt.date(date.year(), date.month(), date.day())))
        self.mark("")
        self.textEdited.emit(self.text())
        self.picked.emit()
        self.setFocus()


class FieldBinding(QObject):
    """Binds one widget to ``getattr(target, attr)``."""

    def __init__(self, document: MeetingDocument, widget: QWidget, target: Any, attr: str,
                 label: Callable[[], str], enum: type[Enum] | None = None, parent: QObject | None = None,
                 field_name: str = ""):
        super().__init__(parent or widget)
        self.field_name = field_name
        self.document, self.widget, self.attr, self.label, self.enum = document, widget, attr, label, enum
        self.target: Any = None
        self._loading = False
        route_undo_keys_at_focus(widget)
        if isinstance(widget, DateLineEdit):
            widget.textEdited.connect(self._store)
            widget.editingFinished.connect(self._finished_date)
            widget.picked.connect(self._finished_date)
        elif isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._store)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self._store)
        elif isinstance(widget, QComboBox):
            if enum is not None and widget.count() == 0:
                for member in enum:
                    widget.addItem(enum_label(member), member.value)
            widget.currentIndexChanged.connect(self._store)
        else:
            QDateEdit, QTimeEdit, QSpinBox = _spin_classes()  # noqa: N806 - Qt's class names
            if isinstance(widget, QDateEdit):
                widget.setMinimumDate(NO_DATE)
                widget.setSpecialValueText(" ")
                widget.dateChanged.connect(self._store)
            elif isinstance(widget, QTimeEdit):
                widget.setMinimumTime(NO_TIME)
                widget.setSpecialValueText(" ")
                widget.timeChanged.connect(self._store)
            elif isinstance(widget, QSpinBox):
                widget.setMinimum(-1)
                widget.setSpecialValueText("—")
                widget.valueChanged.connect(self._store)
        document.fieldChanged.connect(self._on_field_changed)
        self.set_target(target)

    def set_target(self, target: Any) -> None:
        self.target = target
        self.widget.setEnabled(target is not None)
        self.load()

    # -- widget ⇄ value ----------------------------------------------------------------------------
    def read(self) -> Any:
        w = self.widget
        if isinstance(w, (TimeLineEdit, DateLineEdit)):
            try:
                return w.value()
            except ValueError:
                return getattr(self.target, self.attr, None)  # half typed: keep the last good value
        if isinstance(w, QLineEdit):
            return normalize(w.text())
        if isinstance(w, QPlainTextEdit):
            text = normalize(w.toPlainText())
            if isinstance(getattr(self.target, self.attr, None), list):
                return [line.strip() for line in text.split("\n") if line.strip()]
            return text
        if isinstance(w, QComboBox):
            data = w.currentData()
            return self.enum(data) if self.enum is not None and data is not None else data
        QDateEdit, QTimeEdit, QSpinBox = _spin_classes()  # noqa: N806 - Qt's class names
        if isinstance(w, QDateEdit):
            date = w.date()
            return None if date == NO_DATE else dt.date(date.year(), date.month(), date.day())
        if isinstance(w, QTimeEdit):
            time = w.time()
            return None if time == NO_TIME else dt.time(time.hour(), time.minute())
        if isinstance(w, QSpinBox):
            return None if w.value() < 0 else w.value()
        raise TypeError(type(w).__name__)

    def load(self) -> None:
        """Show the model's value (blank when there is no target)."""
        value = getattr(self.target, self.attr) if self.target is not None else None
        self._loading = True
        try:
            w = self.widget
            if isinstance(w, TimeLineEdit):
                w.setText(value.strftime("%H:%M") if value else "")
            elif isinstance(w, DateLineEdit):
                w.set_value(value)
            elif isinstance(w, QLineEdit):
                w.setText(value or "")
                w.setCursorPosition(0)
            elif isinstance(w, QPlainTextEdit):
                text = "\n".join(value) if isinstance(value, list) else (value or "")
                position = w.textCursor().position()
                w.setPlainText(text)
                cursor = w.textCursor()
                cursor.setPosition(min(position, len(text)))
                w.setTextCursor(cursor)
            elif isinstance(w, QComboBox):
                w.setCurrentIndex(max(0, w.findData(str(value) if value is not None else None)))
            else:
                self._load_spin(w, value)
        finally:
            self._loading = False

    @staticmethod
    def _load_spin(w: QWidget, value: Any) -> None:
        QDateEdit, QTimeEdit, QSpinBox = _spin_classes()  # noqa: N806 - Qt's class names
        if isinstance(w, QDateEdit):
            w.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
        elif isinstance(w, QTimeEdit):
            w.setTime(QTime(value.hour, value.minute) if value else NO_TIME)
        elif isinstance(w, QSpinBox):
            w.setValue(-1 if value is None else int(value))

    def _store(self, *_args: object) -> None:
        if self._loading or self.target is None:
            return
        if isinstance(self.widget, TimeLineEdit):
            try:
                self.widget.value()
                self.widget.setStyleSheet("")
            except ValueError:
                self.widget.setStyleSheet("color: #a01010;")  # not a time (yet): say so quietly
        if isinstance(self.widget, DateLineEdit):
            # While typing, a date not finished yet is only tinted; its reason is given when the field is left.
            self.widget.setStyleSheet("" if self.widget.check() else "color: #a01010;")
            self.widget.setToolTip("")
        merge = isinstance(self.widget, (QLineEdit, QPlainTextEdit))
        self.document.set_field(self.target, self.attr, self.read(), self.label(), merge=merge)

    def _finished_date(self) -> None:
        """Leaving a date field: a text that is not a date stays visible with its reason, and the check lists it."""
        widget = self.widget
        if self.target is None or not isinstance(widget, DateLineEdit):
            return
        if widget.check():
            self.document.clear_rejected(self.target, self.attr)
        else:
            self.document.reject_input(self.target, self.attr, widget.text().strip(), widget.problem,
                                       self.label_text())

    def label_text(self) -> str:
        """The field's name as its undo step names it ("Edit Date" → "Date")."""
        return self.field_name or self.attr

    def _on_field_changed(self, record: object, attr: str) -> None:
        if record is self.target and attr == self.attr and self.read() != getattr(record, attr):
            self.load()
            self.document.clear_rejected(record, attr)


def _spin_classes() -> tuple[type[QDateEdit], type[QTimeEdit], type[QSpinBox]]:
    from PySide6.QtWidgets import QDateEdit, QSpinBox, QTimeEdit

    return QDateEdit, QTimeEdit, QSpinBox


def insert_at_cursor(widget: QWidget | None, text: str) -> bool:
    """Type ``text`` where the cursor is, as if typed (so it is one undoable edit); False if not a text field."""
    if isinstance(widget, QLineEdit):
        widget.insert(text)
        widget.textEdited.emit(widget.text())  # insert() is programmatic: tell the binding
        return True
    if isinstance(widget, QPlainTextEdit):
        cursor: QTextCursor = widget.textCursor()
        cursor.insertText(text)
        return True
    return False
