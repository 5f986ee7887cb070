"""The Tasks view's table: the register of a folder's tasks as a read-only Qt model, and its filter.

Rows stay in the register's order (overdue first, then unit and deadline); the proxy sorts by a column
when the user asks and returns to that order with ``sort(-1)``. Texts are in the interface language.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette

from ..l10n.collation import folded, sort_key
from ..l10n.formatting import format_number, format_numeric_date
from ..l10n.i18n import gettext as _
from ..l10n.i18n import ngettext, pgettext, ui_language
from ..model import TaskStatus
from ..storage.task_register import TaskEntry, TaskRegister

STATUS, DEADLINE, UNIT, TASK, GIVEN, PROGRESS = range(6)
COLUMN_COUNT = 6
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # the TaskEntry of a row
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

# What the filter combo offers (its item data) — kept as plain strings so QSettings can store them.
ALL, NOT_DONE, OVERDUE, DONE = "all", "not_done", "overdue", "done"
FILTERS = (ALL, NOT_DONE, OVERDUE, DONE)
_STATUS_RANK = {TaskStatus.OVERDUE: 0, TaskStatus.OPEN: 1, TaskStatus.DONE: 2}


def column_titles() -> list[str]:
    return [pgettext("task", "Status"), _("Deadline"), _("Unit in charge"), _("Task"), _("Given at"),
            _("Progress / result")]


def filter_label(name: str) -> str:
    return {ALL: _("All tasks"), NOT_DONE: _("Not done"), OVERDUE: _("Overdue"), DONE: _("Done")}[name]


def days_overdue(entry: TaskEntry, today: dt.date) -> int:
    deadline = entry.task.deadline
    return max(0, (today - deadline).days) if deadline is not None else 0


def status_text(entry: TaskEntry, today: dt.date, language: str) -> str:
    """"Overdue (12 days)", "Open", "Done 19/03/2025"."""
    if entry.status is TaskStatus.OVERDUE:
        days = days_overdue(entry, today)
        return ngettext("Overdue ({days} day)", "Overdue ({days} days)", days).format(
            days=format_number(days, language))
    if entry.status is TaskStatus.DONE:
        return _("Done {date}").format(date=format_numeric_date(entry.task.done, language))
    return pgettext("task", "Open")


def fold(text: str) -> str:
    """Text as the search compares it: no case, no Vietnamese marks, single spaces ("Công an" → "cong an")."""
    return " ".join(folded(text).split())


def _tooltip(*paragraphs: str) -> str:
    # Rich text, so Qt wraps long tasks instead of drawing one line across the screen.
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p)


class TaskRegisterModel(QAbstractTableModel):
    """One row per register entry, read-only; ``set_register`` replaces everything (a model reset)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.register: TaskRegister | None = None
        self.entries: list[TaskEntry] = []
        self._search: list[str] = []  # folded task + unit text of each row

    def set_register(self, register: TaskRegister | None) -> None:
        self.beginResetModel()
        self.register = register
        self.entries = list(register.entries) if register is not None else []
        self._search = [fold(f"{e.task.task} {e.unit}") for e in self.entries]
        self.endResetModel()

    @property
    def today(self) -> dt.date:
        return self.register.today if self.register is not None else dt.date.today()

    def entry(self, row: int) -> TaskEntry:
        return self.entries[row]

    def search_text(self, row: int) -> str:
        return self._search[row]

    def retranslate(self) -> None:
        """The interface language changed: headers and every cell are drawn again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self.entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.entries) - 1, COLUMN_COUNT - 1))

    # -- read ----------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_titles()[section] if 0 <= section < COLUMN_COUNT else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.entries)):
            return None
        entry, column = self.entries[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(entry, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = status_colour(entry.status)
            return QBrush(colour) if colour is not None else None
        if role == ENTRY_ROLE:
            return entry
        return None

    def given_at(self, entry: TaskEntry) -> str:
        title = entry.given_title or entry.given_file
        if entry.given_date is None:
            return title
        # The date first: the title is long and the column cuts it, the date must stay readable.
        return _("{date} · {meeting}").format(date=format_numeric_date(entry.given_date, ui_language()), meeting=title)

    def text(self, entry: TaskEntry, column: int) -> str:
        language = ui_language()
        if column == STATUS:
            return status_text(entry, self.today, language)
        if column == DEADLINE:
            return format_numeric_date(entry.task.deadline, language)  # "—" when none was set
        if column == UNIT:
            return entry.unit
        if column == TASK:
            return " ".join(entry.task.task.split())
        if column == GIVEN:
            return self.given_at(entry)
        if column == PROGRESS:
            return " ".join(entry.task.progress.split())
        return ""

    def tooltip(self, entry: TaskEntry, column: int) -> str:
        if column == GIVEN:
            origin = entry.task.origin
            number = origin.notice_number if origin is not None else ""
            notice = _("Notice of conclusions {number}").format(number=number) if number else ""
            return _tooltip(self.given_at(entry), entry.given_file, notice)
        if column == PROGRESS and entry.task.progress.strip():
            return _tooltip(entry.task.task, entry.task.progress)
        return _tooltip(entry.task.task)

    def sort_value(self, row: int, column: int) -> tuple:
        """What a column sorts by: statuses by urgency, dates as dates, words the Vietnamese way."""
        entry = self.entries[row]
        deadline = entry.task.deadline
        by_deadline = (deadline is None, deadline or dt.date.min)
        if column == STATUS:
            return (_STATUS_RANK[entry.status], -days_overdue(entry, self.today), entry.task.done or dt.date.min, row)
        if column == DEADLINE:
            return (*by_deadline, row)
        if column == GIVEN:
            return (entry.given_date or dt.date.min, sort_key(self.given_at(entry)), row)
        return (sort_key(self.text(entry, column)), row)


def status_colour(status: TaskStatus) -> QColor | None:
    """Overdue in red and done in grey, both read from the palette so dark themes stay legible."""
    palette = QGuiApplication.palette()
    if status is TaskStatus.DONE:  # halfway between the text and the background: greyed, still readable
        text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
        return QColor((text.red() * 11 + base.red() * 9) // 20, (text.green() * 11 + base.green() * 9) // 20,
                      (text.blue() * 11 + base.blue() * 9) // 20)
    if status is TaskStatus.OVERDUE:
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        return QColor("#ff8a80") if dark else QColor("#b3261e")
    return None


class TaskFilterProxy(QSortFilterProxyModel):
    """Shows the rows of one status group whose task or unit contains the search words (marks ignored)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.status_filter = ALL
        self.words: list[str] = []

    def register_model(self) -> TaskRegisterModel:
        model = self.sourceModel()
        assert isinstance(model, TaskRegisterModel)
        return model

    def set_status_filter(self, name: str) -> None:
        self.beginFilterChange()
        self.status_filter = name if name in FILTERS else ALL
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self.words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.register_model()
        status = model.entry(source_row).status
        wanted = {ALL: True, NOT_DONE: status is not TaskStatus.DONE, OVERDUE: status is TaskStatus.OVERDUE,
                  DONE: status is TaskStatus.DONE}[self.status_filter]
        if not wanted:
            return False
        haystack = model.search_text(source_row)
        return all(word in haystack for word in self.words)

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        model = self.register_model()
        return model.sort_value(left.row(), left.column()) < model.sort_value(right.row(), right.column())

    def entry_at(self, row: int) -> TaskEntry:
        return self.register_model().entry(self.mapToSource(self.index(row, 0)).row())

    def visible_entries(self) -> list[TaskEntry]:
        return [self.entry_at(row) for row in range(self.rowCount())]
