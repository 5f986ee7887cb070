"""A table a secretary can drive from the keyboard, as in a spreadsheet.

Tab and Shift+Tab walk every cell, edited or not, and leave the table only past its last (first) cell;
Enter ends an edit and moves down; Enter on a cell not being edited in the last row adds a row and edits
it; typing into an empty table starts its first row. Ctrl+Ins inserts, Ctrl+Del deletes the selected
rows, Alt+Up/Alt+Down move the current row, Delete clears cells, Ctrl+C/Ctrl+V copy and paste
tab-separated rows (what Excel and LibreOffice Calc put on the clipboard).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QFocusEvent,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QTableView,
    QWidget,
)

from ..formulas import as_pasted_text, from_pasted_text
from ..l10n.collation import person_sort_key
from ..l10n.i18n import gettext as _
from .completion import Completions
from .delegates import CellDelegate
from .table_models import BOOL, COMPUTED, ListTableModel


class FrozenNameColumn(QTableView):
    """The column that names a row (the person, the task, the indicator) drawn at the table's left edge
    while it is scrolled past.

    A copy of the table's own column (the model's ``name_column``, the first unless it says otherwise),
    sharing its model and selection, shown only once that column has scrolled out on the left: the name
    stays in view while the cursor is in "Reason for absence". It takes no focus and edits nothing;
    scrolling back (to edit the name) hides it.
    """

    def __init__(self, table: QTableView):
        super().__init__(table)
        self.table = table
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QTableView.Shape.NoFrame)
        self.setStyleSheet("QTableView { border-right: 1px solid palette(mid); }")
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.hide()
        table.horizontalScrollBar().valueChanged.connect(self.place)
        table.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        table.horizontalHeader().sectionResized.connect(self.place)

    def follow_model(self) -> None:
        self.setModel(self.table.model())
        self.setSelectionModel(self.table.selectionModel())
        self.verticalHeader().setDefaultSectionSize(self.table.verticalHeader().defaultSectionSize())
        for column in range(self.model().columnCount()):
            self.setColumnHidden(column, column != self.name_column())
        self.place()

    def name_column(self) -> int:
        return int(getattr(self.model(), "name_column", 0))

    def place(self, *_args: object) -> None:
        table = self.table
        if self.model() is None or table.columnViewportPosition(self.name_column()) >= 0:
            self.hide()  # the name is in view where it stands
            return
        name = self.name_column()
        self.setColumnWidth(name, table.columnWidth(name))
        frame = table.frameWidth()
        self.setGeometry(table.verticalHeader().width() + frame, frame, table.columnWidth(name),
                         table.viewport().height() + table.horizontalHeader().height())
        self.verticalScrollBar().setValue(table.verticalScrollBar().value())
        self.show()


class EditableTableView(QTableView):
    message = Signal(str)  # a problem to show in the status bar

    def __init__(self, completions: Completions | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setItemDelegate(CellDelegate(completions, self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.SelectedClicked)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(True)
        # In pixels, not whole columns: the frozen name is cleared by the pixels it covers (scrollTo), and a
        # step of a whole 260 px column would jump past the cell the cursor went to.
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._actions: dict[str, QAction] = {}
        self._collecting: list[str] | None = None
        self.frozen = FrozenNameColumn(self)
        self._add_action("insert", QKeySequence("Ctrl+Ins"), self.insert_row)
        self._add_action("append", QKeySequence("Ctrl+Shift+Return"), self.append_row)
        self._add_action("delete", QKeySequence("Ctrl+Del"), self.delete_rows)
        self._add_action("up", QKeySequence("Alt+Up"), lambda: self.move_row(-1))
        self._add_action("down", QKeySequence("Alt+Down"), lambda: self.move_row(1))
        self._add_action("copy", QKeySequence(QKeySequence.StandardKey.Copy), self.copy_cells)
        self._add_action("paste", QKeySequence(QKeySequence.StandardKey.Paste), self.paste_cells)
        self._add_action("sort_people", QKeySequence("Ctrl+Alt+S"), self.sort_people)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.retranslate()

    def _add_action(self, name: str, keys: QKeySequence, slot: object) -> None:
        action = QAction(self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        self._actions[name] = action

    def retranslate(self) -> None:
        texts = {
            "insert": _("Insert row above"), "append": _("Add row at the end"), "delete": _("Delete rows"),
            "up": _("Move row up"), "down": _("Move row down"), "copy": _("Copy"), "paste": _("Paste"),
            "sort_people": _("Sort by given name (Vietnamese order)"),
        }
        for name, text in texts.items():
            action = self._actions[name]
            action.setText(text)
            action.setToolTip(f"{text} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")

    def action(self, name: str) -> QAction:
        return self._actions[name]

    def table_model(self) -> ListTableModel:
        model = self.model()
        assert isinstance(model, ListTableModel)
        return model

    def setModel(self, model: ListTableModel) -> None:  # type: ignore[override]  # noqa: N802
        super().setModel(model)
        model.inputRejected.connect(self._rejected)
        self._actions["sort_people"].setVisible(model.holds_people)
        self._actions["sort_people"].setEnabled(model.holds_people)
        for section, column in enumerate(model.columns):
            self.setColumnWidth(section, column.width)
        self.frozen.follow_model()

    # -- row operations ----------------------------------------------------------------------------
    def _first_editable_column(self) -> int:
        for number, column in enumerate(self.table_model().columns):
            if column.kind not in (COMPUTED, BOOL):
                return number
        return 0

    def _go_to(self, row: int, column: int, edit: bool = False) -> None:
        index = self.model().index(row, column)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        if edit:
            self.edit(index)

    def insert_row(self) -> None:
        row = max(0, self.currentIndex().row()) if self.model().rowCount() else 0
        self.table_model().insert_new(row)
        self._go_to(row, self._first_editable_column())

    def append_row(self, edit: bool = False) -> None:
        row = self.model().rowCount()
        self.table_model().insert_new(row)
        self._go_to(row, self._first_editable_column(), edit)

    def selected_rows(self) -> list[int]:
        rows = {index.row() for index in self.selectionModel().selectedIndexes()}
        if not rows and self.currentIndex().isValid():
            rows = {self.currentIndex().row()}
        return sorted(rows)

    def delete_rows(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        column = max(0, self.currentIndex().column())
        self.table_model().remove(rows)
        remaining = self.model().rowCount()
        if remaining:
            self._go_to(min(rows[0], remaining - 1), column)

    def move_row(self, delta: int) -> None:
        current = self.currentIndex()
        if not current.isValid():
            return
        to = current.row() + delta
        if 0 <= to < self.model().rowCount():
            self.table_model().move(current.row(), to)
            self._go_to(to, current.column())

    def sort_people(self) -> None:
        """Sort people by given name, then middle and family name, in Vietnamese alphabetical order."""
        model = self.table_model()
        if model.holds_people and model.rowCount():
            model.sort_by(lambda person: person_sort_key(person.name), _("Sort by name"))
            self._go_to(0, max(0, self.currentIndex().column()))

    def clear_cells(self) -> None:
        model = self.table_model()
        indexes = [i for i in self.selectionModel().selectedIndexes() if model.columns[i.column()].kind
                   not in (COMPUTED, BOOL)]
        if not indexes:
            return
        with model.document.macro(_("Clear cells")):
            for index in indexes:
                model.setData(index, "", Qt.ItemDataRole.EditRole)

    # -- clipboard ---------------------------------------------------------------------------------
    def copy_cells(self) -> None:
        indexes = sorted(self.selectionModel().selectedIndexes(), key=lambda i: (i.row(), i.column()))
        if not indexes:
            return
        rows: dict[int, list[str]] = {}
        for index in indexes:
            column = self.table_model().columns[index.column()]
            if column.kind == BOOL:
                text = "1" if index.data(Qt.ItemDataRole.EditRole) else "0"
            else:
                text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
                text = as_pasted_text(text)  # text from a file from outside never becomes a formula in Excel
            rows.setdefault(index.row(), []).append(text.replace("\t", " ").replace("\n", " "))
        QGuiApplication.clipboard().setText("\n".join("\t".join(cells) for cells in rows.values()) + "\n")

    def paste_cells(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> None:
        """Tab-separated rows from the current cell on; rows are added as needed; one undo step."""
        lines = [line.rstrip("\r") for line in text.replace("\r\n", "\n").split("\n")]
        while lines and not lines[-1].strip():
            lines.pop()
        if not lines:
            return
        model = self.table_model()
        start = self.currentIndex()
        first_row = start.row() if start.isValid() else 0
        first_column = start.column() if start.isValid() else 0
        problems: list[str] = []
        self._collecting = problems  # gather the problems of the whole paste into one message
        try:
            with model.document.macro(_("Paste {count} rows").format(count=len(lines))):
                missing = first_row + len(lines) - model.rowCount()
                if missing > 0:
                    model.insert_new(model.rowCount(), missing)
                for offset, line in enumerate(lines):
                    for step, cell in enumerate(line.split("\t")):
                        column = first_column + step
                        if column >= model.columnCount():
                            break
                        kind = model.columns[column].kind
                        if kind == COMPUTED:
                            continue
                        index = model.index(first_row + offset, column)
                        if kind == BOOL:
                            model.set_cell(index.row(), column, model.convert(model.columns[column], cell))
                        else:
                            model.setData(index, from_pasted_text(cell), Qt.ItemDataRole.EditRole)
        finally:
            self._collecting = None
        if problems:
            more = len(problems) - 1
            self.message.emit(problems[0] + (" " + _("({count} more problems)").format(count=more) if more else ""))
        end = model.index(first_row + len(lines) - 1, first_column)
        self.selectionModel().select(end, QItemSelectionModel.SelectionFlag.NoUpdate)

    # -- keys --------------------------------------------------------------------------------------
    def _rejected(self, message: str) -> None:
        if self._collecting is not None:
            self._collecting.append(message)
        else:
            self.message.emit(message)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.frozen.place()

    def scrollTo(self, index: QModelIndex | QPersistentModelIndex, hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:  # noqa: E501, N802
        super().scrollTo(index, hint)
        if index.isValid() and index.column() != self.frozen.name_column() and self.frozen.isVisible():
            # Not under the frozen names: scroll right until the cell clears them.
            hidden = self.frozen.width() - self.visualRect(index).left()
            if hidden > 0:
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() - hidden)

    def _enter(self) -> None:
        """Down one row; on the last row a new row, edited from its first column."""
        current = self.currentIndex()
        rows = self.model().rowCount()
        if not current.isValid() or current.row() == rows - 1:
            self.append_row(edit=True)
        else:
            self._go_to(current.row() + 1, current.column())

    def _at_edge(self, forward: bool) -> bool:
        """Whether Tab (Shift+Tab) should leave the table: past its last (first) cell, or when it is empty."""
        current = self.currentIndex()
        rows, columns = self.model().rowCount(), self.model().columnCount()
        if not rows or not current.isValid():
            return True
        if forward:
            return current.row() == rows - 1 and current.column() == columns - 1
        return current.row() == 0 and current.column() == 0

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing and self._at_edge(forward):
            return QWidget.focusNextPrevChild(self, forward)  # out of the table, to the next field
        moved = super().focusNextPrevChild(forward)
        current = self.currentIndex()
        if moved and not editing and current.flags() & Qt.ItemFlag.ItemIsEditable:
            self.edit(current)  # as Tab from an open cell does: the next cell is open for typing
        return moved

    def owns(self, editor: QWidget) -> bool:
        """Whether ``editor`` is still open in this view (the delegate notes each editor's cell).

        The delegate finishes Enter with a queued call; a cell opened elsewhere in between (a click, a
        script) has closed that editor already: committing it again made Qt warn, and closing it again
        moved the cursor a row down from where it had gone.
        """
        cell = getattr(editor, "cell", None)
        if cell is None or self.model() is None:
            return True  # not one of ours: Qt decides
        return cell.isValid() and self.indexWidget(self.model().index(cell.row(), cell.column())) is editor

    def commitData(self, editor: QWidget) -> None:  # noqa: N802
        if self.owns(editor):
            super().commitData(editor)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        if not self.owns(editor):
            return
        Hint = QAbstractItemDelegate.EndEditHint
        forward = hint == Hint.EditNextItem
        if hint in (Hint.EditNextItem, Hint.EditPreviousItem) and self._at_edge(forward):
            super().closeEditor(editor, Hint.NoHint)
            QWidget.focusNextPrevChild(self, forward)
            return
        super().closeEditor(editor, hint)
        current, cell = self.currentIndex(), getattr(editor, "cell", None)
        # Enter ended the edit: down, as in a spreadsheet. Not when the cursor has gone to another row already
        # (Qt closes the editor it leaves with the same hint): that would take it one row past where it went.
        here = cell is None or cell.row() == current.row()
        if hint == Hint.SubmitModelCache and here and current.isValid() and current.row() < self.model().rowCount() - 1:
            self._go_to(current.row() + 1, current.column())

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        # Arriving in a table (Ctrl+3, Tab): a current cell, so the focus shows and typing edits it.
        if not self.currentIndex().isValid() and self.model() is not None and self.model().rowCount():
            self.setCurrentIndex(self.model().index(0, self._first_editable_column()))
        super().focusInEvent(event)

    def _start_first_row(self) -> bool:
        """Typing into an empty table (or with no current cell) starts editing its first row."""
        if self.state() == QAbstractItemView.State.EditingState or not self.isEnabled():
            return False
        if self.model().rowCount() == 0:
            if self.table_model().document.read_only:
                return False
            self.append_row(edit=True)
            return True
        if not self.currentIndex().isValid():
            self._go_to(0, self._first_editable_column(), edit=True)
            return True
        return False

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802
        if event.commitString() and self._start_first_row():
            editor = QApplication.focusWidget()
            if editor is not None and editor is not self:
                QApplication.sendEvent(editor, QInputMethodEvent(event))
                return
        super().inputMethodEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if self.state() != QAbstractItemView.State.EditingState and plain:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._enter()
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear_cells()
                return
        text = event.text()
        if text and text.isprintable() and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier \
                and self._start_first_row():
            editor = QApplication.focusWidget()
            if editor is not None and editor is not self:
                QApplication.sendEvent(editor, QKeyEvent(event.type(), event.key(), event.modifiers(), text))
                return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0 and self.isEnabled():
            # An empty table says how to start, so that the focus on it is seen and typing is expected.
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.viewport().rect().adjusted(12, 8, -12, -8),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                             _("Empty. Start typing, or press Enter, to add the first row."))
            painter.end()

    def current_row(self) -> int:
        index: QModelIndex = self.currentIndex()
        return index.row() if index.isValid() else -1
