"""Cell editors: a combo box for enumerations, line edits for dates, numbers and text (with completion).

Booleans need no editor: their cells are checkable (Space toggles them). Numbers and dates are typed as
text and read by the model ("31.597" in Vietnamese is 31597, "4/5/2025" is the 4th of May); text it
cannot read stays in the cell with the reason. Tab, Shift+Tab and Enter finish a cell even while the
completion list is open (it hands those keys to the editor itself, past the delegate's filter).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from .binding import DateLineEdit
from .completion import Completions
from .labels import enum_label
from .table_models import CHECKED_DATE, DATE, ENUM, ListTableModel

Index = QModelIndex | QPersistentModelIndex


Hint = QAbstractItemDelegate.EndEditHint
FINISHING_KEYS = {Qt.Key.Key_Tab: Hint.EditNextItem, Qt.Key.Key_Backtab: Hint.EditPreviousItem,
                  Qt.Key.Key_Return: Hint.SubmitModelCache, Qt.Key.Key_Enter: Hint.SubmitModelCache}


class _Finishing:
    """A cell editor that ends the edit itself on Tab, Shift+Tab and Enter when the delegate cannot.

    QCompleter's popup takes those keys first and hands them to the editor's ``event()`` directly, past
    the delegate's event filter: Tab left the table, Enter left the editor open. A key that did pass the
    filters is left to the delegate: our own filter, installed first, runs last and marks that the key now
    arriving came through them (the delegate lets Enter through and finishes the edit itself a moment later;
    finishing it here too committed an editor the view had already closed: "commitData called with an
    editor that does not belong to this view"). A flag, not the event: PySide gives the filter and
    ``event()`` two different Python objects for one key.
    """

    delegate: CellDelegate | None = None
    _through_filters = False

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)  # type: ignore[call-arg]
        self.installEventFilter(self)  # type: ignore[attr-defined]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress:
            self._through_filters = True  # event() follows at once: no filter runs after this one
        return False

    def event(self, event: QEvent) -> bool:
        return self.finish(event) or super().event(event)  # type: ignore[misc]

    def finish(self, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress or self.delegate is None:
            return False
        seen, self._through_filters = self._through_filters, False
        if seen or event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier):
            return False
        hint = FINISHING_KEYS.get(Qt.Key(event.key()))
        if hint is None:
            return False
        if hint == Hint.SubmitModelCache:
            hint = Hint.NoHint  # Enter accepted a completion: the cell is done, the cursor stays on it
        self.delegate.commitData.emit(self)
        self.delegate.closeEditor.emit(self, hint)
        return True


class CellLineEdit(_Finishing, QLineEdit):
    """The editor of a text or number cell."""


class CellDateEdit(_Finishing, DateLineEdit):
    """The editor of a date cell."""


class CellDelegate(QStyledItemDelegate):
    def __init__(self, completions: Completions | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.completions = completions

    @staticmethod
    def _column(index: Index) -> Any:
        model = index.model()
        return model.columns[index.column()] if isinstance(model, ListTableModel) else None

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        editor = self._new_editor(parent, option, index)
        editor.cell = QPersistentModelIndex(index)  # type: ignore[attr-defined]  # (EditableTableView.owns)
        return editor

    def _new_editor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = self._column(index)
        if column is None:
            return super().createEditor(parent, option, index)
        if column.kind == ENUM and column.enum is not None:
            combo = QComboBox(parent)
            for member in column.enum:
                combo.addItem(enum_label(member), member.value)
            return combo
        if column.kind in (DATE, CHECKED_DATE):
            editor: CellLineEdit | CellDateEdit = CellDateEdit(parent)
        else:
            editor = CellLineEdit(parent)
        editor.delegate = self
        editor.setFrame(False)
        if column.completes and self.completions is not None:
            self.completions.attach(editor, column.completes)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QLineEdit):
            # A key that opened the editor has already been typed into it: keep that text.
            if not editor.text():
                editor.setText("" if value is None else str(value))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
