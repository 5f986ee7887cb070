"""Cell editors: a combo box for enumerations, a date edit, line edits with completion for text.

Booleans need no editor: their cells are checkable (Space toggles them). Numbers are typed as text
and read by the model in the document's language ("31.597" in Vietnamese is 31597).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from .completion import Completions
from .labels import enum_label
from .table_models import CHECKED_DATE, DATE, ENUM, ListTableModel

Index = QModelIndex | QPersistentModelIndex


def date_format(language: str) -> str:
    """The locale's short date with a four-digit year ("dd/MM/yyyy" in Vietnamese)."""
    qlocale = QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English,
                      QLocale.Country.Vietnam if language == "vi" else QLocale.Country.UnitedKingdom)
    pattern = qlocale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern


class CellDelegate(QStyledItemDelegate):
    def __init__(self, completions: Completions | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.completions = completions

    @staticmethod
    def _column(index: Index) -> Any:
        model = index.model()
        return model.columns[index.column()] if isinstance(model, ListTableModel) else None

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        column = self._column(index)
        if column is None:
            return super().createEditor(parent, option, index)
        if column.kind == ENUM and column.enum is not None:
            combo = QComboBox(parent)
            for member in column.enum:
                combo.addItem(enum_label(member), member.value)
            return combo
        if column.kind in (DATE, CHECKED_DATE):
            editor = QDateEdit(parent)
            editor.setCalendarPopup(True)
            editor.setDisplayFormat(date_format(index.model().document.language))
            return editor
        editor = QLineEdit(parent)
        editor.setFrame(False)
        if column.completes and self.completions is not None:
            self.completions.attach(editor, column.completes)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QDateEdit):
            editor.setDate(value if isinstance(value, QDate) and value.isValid() else QDate.currentDate())
        elif isinstance(editor, QLineEdit):
            # A key that opened the editor has already been typed into it: keep that text.
            if not editor.text():
                editor.setText("" if value is None else str(value))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
