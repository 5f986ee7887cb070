"""Qt table models over the meeting's lists: attendees, indicators, tasks, discussion, directives.

One generic ``ListTableModel`` does the work; each table is a list of ``Column`` descriptions. Edits
go through the document's undo stack; the model only reflects what the commands did.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon

from ..check.field_labels import field_label
from ..l10n.dates import format_typed_date, parse_typed_date
from ..l10n.formatting import format_number, format_numeric_date, format_percent
from ..l10n.i18n import gettext as _
from ..l10n.numbers import NumberInputError, format_for_editing, parse_number
from ..model import (
    Attendee,
    Directive,
    DiscussionItem,
    Gender,
    Indicator,
    Role,
    Status,
    Target,
    Task,
    TaskStatus,
    percent_of_plan,
    status,
    task_status,
)
from .document import MeetingDocument
from .icons import standard_icon
from .labels import enum_label

TEXT, ENUM, BOOL, DATE, NUMBER, COMPUTED = "text", "enum", "bool", "date", "number", "computed"
CHECKED_DATE = "checked_date"  # a date with a check box: ticking it fills in the day (a task's "done")
TYPED_KINDS = (NUMBER, DATE, CHECKED_DATE)  # kinds whose typed text may not be readable: it is kept visibly
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root of a flat table

# Cell tones: a light background and a dark text of the same hue, readable in light and dark palettes.
GOOD, BAD = "good", "bad"
TONE_BACKGROUNDS = {GOOD: QColor("#dcefdc"), BAD: QColor("#f8dcdc")}
TONE_TEXTS = {GOOD: QColor("#1d5e20"), BAD: QColor("#8a1c1c")}


@dataclass(frozen=True)
class Column:
    """One column: the attribute it edits, its header (translated when shown) and its kind."""

    attr: str
    title: Callable[[], str]
    kind: str = TEXT
    enum: type[Enum] | None = None
    compute: Callable[[Any, str], str] | None = None  # (record, language) -> text, for COMPUTED
    width: int = 140
    numeric: bool = False  # a computed figure: aligned right like the numbers
    completes: str = ""  # "name", "position" or "organization": the completion list it offers
    tone: Callable[[Any], str | None] | None = None  # GOOD or BAD colours the cell (a status)
    # For CHECKED_DATE: the day a tick fills in.
    default: Callable[[MeetingDocument], Any] | None = None
    # A warning on the cell: its tooltip, or None (a guest the quick notes added, to check).
    mark: Callable[[Any], str | None] | None = None


class ListTableModel(QAbstractTableModel):
    """A table over one list of the meeting's records."""

    inputRejected = Signal(str)  # a message naming the field, for the status bar
    name_column = 0  # the column that names a row, kept in view when the table scrolls sideways

    def __init__(self, document: MeetingDocument, items: list[Any], columns: list[Column],
                 factory: Callable[[], Any], noun: Callable[[], str], parent: QObject | None = None):
        super().__init__(parent)
        self.document, self.items, self.columns = document, items, columns
        self.factory, self.noun = factory, noun
        document.register(self)
        document.fieldChanged.connect(self._on_field_changed)

    def _on_field_changed(self, record: object, attr: str) -> None:
        # Numbers and dates are shown in the document's language: redraw when it changes.
        if record is self.document.meeting and attr == "language" and self.items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.items) - 1, len(self.columns) - 1))

    # -- the list can be swapped (tasks follow the selected directive) -----------------------------
    def set_items(self, items: list[Any]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    # -- read --------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title() if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        kind = self.columns[index.column()].kind
        if kind == BOOL:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if kind == CHECKED_DATE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if kind != COMPUTED:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.items)):
            return None
        record, column = self.items[index.row()], self.columns[index.column()]
        language = self.document.language
        value = getattr(record, column.attr, None) if column.kind != COMPUTED else None
        rejected = self.document.rejected_text(record, column.attr) if column.kind in TYPED_KINDS else None
        if rejected is not None:
            # What was typed stays in the cell, in red, with the reason, until it is corrected.
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return rejected.text
            if role == Qt.ItemDataRole.ToolTipRole:
                return rejected.reason
            if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
                colours = TONE_BACKGROUNDS if role == Qt.ItemDataRole.BackgroundRole else TONE_TEXTS
                return QBrush(colours[BAD])
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column, value, language)
        if role == Qt.ItemDataRole.EditRole:
            if column.kind == ENUM:
                return str(value)
            if column.kind in (DATE, CHECKED_DATE):
                return format_typed_date(value)
            if column.kind == NUMBER:
                return format_for_editing(value, language)
            if column.kind == BOOL:
                return 1 if value else 0  # an int: PySide mis-counts references to bools in QVariants
            return self._display(record, column, value, language)
        if role == Qt.ItemDataRole.CheckStateRole and column.kind in (BOOL, CHECKED_DATE):
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and (column.kind == NUMBER or column.numeric):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        colour_roles = (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)
        if role in colour_roles and column.tone is not None:
            tone = column.tone(record)
            colours = TONE_BACKGROUNDS if role == Qt.ItemDataRole.BackgroundRole else TONE_TEXTS
            return QBrush(colours[tone]) if tone in colours else None
        if role in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole) and column.mark is not None:
            mark = column.mark(record)
            if mark is not None:
                return _warning_icon() if role == Qt.ItemDataRole.DecorationRole else mark
        if role == Qt.ItemDataRole.ToolTipRole and column.kind == TEXT and value and len(str(value)) > 24:
            return str(value)  # the whole text of a cell too narrow for it
        if role == Qt.ItemDataRole.ToolTipRole and column.kind == NUMBER:
            return _("Type the number as the document writes it, e.g. {example}.").format(
                example=format_number(31597.5, language))
        return None

    @staticmethod
    def _display(record: Any, column: Column, value: Any, language: str) -> str:
        if column.kind == COMPUTED and column.compute:
            return column.compute(record, language)
        if column.kind == ENUM:
            return enum_label(value)
        if column.kind in (DATE, CHECKED_DATE):
            return format_numeric_date(value, language) if value else ""
        if column.kind == NUMBER:
            return format_number(value, language) if value is not None else ""
        if column.kind == BOOL:
            return ""
        return "" if value is None else str(value)

    # -- write -------------------------------------------------------------------------------------
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or not (0 <= index.row() < len(self.items)):
            return False
        column = self.columns[index.column()]
        if column.kind == COMPUTED:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and column.kind in (BOOL, CHECKED_DATE):
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            if column.kind == CHECKED_DATE:
                if checked == (getattr(self.items[index.row()], column.attr) is not None):
                    return False
                day = column.default(self.document) if column.default else dt.date.today()
                return self.set_cell(index.row(), index.column(), day if checked else None)
            return self.set_cell(index.row(), index.column(), checked)
        if role != Qt.ItemDataRole.EditRole:
            return False
        record = self.items[index.row()]
        try:
            converted = self.convert(column, value)
        except (NumberInputError, ValueError) as error:
            if column.kind in TYPED_KINDS and isinstance(value, str) and not self.document.read_only:
                self.document.reject_input(record, column.attr, value.strip(), str(error), column.title())
                self.dataChanged.emit(index, index)
            self.inputRejected.emit(_("{field}, row {row}: {problem}").format(
                field=column.title(), row=index.row() + 1, problem=error))
            return False
        if self.document.rejected_text(record, column.attr) is not None:
            self.document.clear_rejected(record, column.attr)
            self.dataChanged.emit(index, index)
        return self.set_cell(index.row(), index.column(), converted)

    def convert(self, column: Column, value: Any) -> Any:
        """The model value for what an editor (or a paste) produced."""
        if column.kind == NUMBER:
            return parse_number(str(value or ""), self.document.language)
        if column.kind == ENUM and column.enum is not None:
            if isinstance(value, column.enum):
                return value
            text = str(value).strip()
            for member in column.enum:  # a pasted label or value both work
                if text.casefold() in (member.value.casefold(), enum_label(member).casefold()):
                    return member
            raise ValueError(_("\"{text}\" is not one of: {choices}.").format(
                text=text, choices=", ".join(enum_label(m) for m in column.enum)))
        if column.kind in (DATE, CHECKED_DATE):
            if isinstance(value, QDate):
                return dt.date(value.year(), value.month(), value.day()) if value.isValid() else None
            if isinstance(value, dt.date):
                return value
            return parse_typed_date(str(value or ""))
        if column.kind == BOOL:
            if isinstance(value, str):
                return value.strip().casefold() not in ("", "0", "no", "false", "không", "vắng", "x")
            return bool(value)
        return "" if value is None else str(value).strip()

    def set_cell(self, row: int, column: int, value: Any) -> bool:
        col = self.columns[column]
        self.document.set_field(self.items[row], col.attr, value,
                                _("Edit {field}").format(field=col.title()), merge=False)
        return True

    # -- row operations (undoable) -----------------------------------------------------------------
    def insert_new(self, row: int, count: int = 1) -> None:
        self.document.insert_items(self.items, row, [self.factory() for _i in range(count)],
                                   _("Add {what}").format(what=self.noun()))

    def remove(self, rows: list[int]) -> None:
        self.document.remove_items(self.items, rows, _("Delete {what}").format(what=self.noun()))

    def move(self, row: int, to: int) -> None:
        self.document.move_item(self.items, row, to, _("Move {what}").format(what=self.noun()))

    def sort_by(self, key: Callable[[Any], Any], text: str) -> None:
        """Reorder the rows by ``key`` as one undo step (a series of moves the views follow)."""
        order = sorted(self.items, key=key)
        with self.document.macro(text):
            for target, item in enumerate(order):
                current = next(i for i, candidate in enumerate(self.items) if candidate is item)
                self.document.move_item(self.items, current, target, text)

    @property
    def holds_people(self) -> bool:
        """Whether the rows are people with a full name (attendees), which sort the Vietnamese way."""
        return any(column.attr == "name" and column.completes == "name" for column in self.columns)

    # -- ListObserver: called by the commands ------------------------------------------------------
    def before_insert(self, row: int, count: int) -> None:
        self.beginInsertRows(QModelIndex(), row, row + count - 1)

    def after_insert(self) -> None:
        self.endInsertRows()

    def before_remove(self, row: int, count: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)

    def after_remove(self) -> None:
        self.endRemoveRows()

    def before_move(self, row: int, to: int) -> None:
        # Qt's destination is the row *before which* the moved row lands, in pre-move numbering.
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), to + 1 if to > row else to)

    def after_move(self) -> None:
        self.endMoveRows()

    def item_changed(self, row: int, attr: str) -> None:
        # Computed columns depend on other attributes: refresh the whole row.
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))


# -- the tables ------------------------------------------------------------------------------------
def _guest_mark(attendee: Attendee) -> str | None:
    if not attendee.to_check:
        return None
    return _("Added from the quick notes for a name not among the attendees: check the name, position and "
             "organisation, then mark it checked (the button under the table).")


def _warning_icon() -> QIcon:
    return standard_icon("MessageBoxWarning")


def _columns_of(table: str) -> Callable[..., Column]:
    """Makes the columns of ``table``, each headed with its field label (``check.field_labels``)."""

    def column(attr: str, *args: Any, **kwargs: Any) -> Column:
        return Column(attr, lambda: field_label(table, attr), *args, **kwargs)

    return column


def attendee_columns() -> list[Column]:
    column = _columns_of("attendees")
    return [
        column("name", width=190, completes="name", mark=_guest_mark),
        column("gender", ENUM, Gender, width=90),
        column("position", width=230, completes="position"),
        column("organization", width=200, completes="organization"),
        column("role", ENUM, Role, width=110),
        column("present", BOOL, width=80),
        column("absence_reason", width=170),
        column("bridge", width=150),
    ]


def _percent_of_plan(record: Indicator, language: str) -> str:
    ratio = percent_of_plan(record)
    return format_percent(ratio, language) if ratio is not None else ""


def indicator_columns() -> list[Column]:
    column = _columns_of("indicators")
    return [
        column("sector", width=130),
        column("name", width=260),
        column("unit", width=70),
        column("plan", NUMBER, width=120),
        column("actual", NUMBER, width=120),
        column("previous", NUMBER, width=110),
        column("target", ENUM, Target, width=130),
        column("percent", COMPUTED, compute=_percent_of_plan, width=90, tone=_indicator_tone, numeric=True),
        column("status", COMPUTED, compute=lambda r, _lang: enum_label(status(r)), width=90, tone=_indicator_tone),
        column("note", width=200),
    ]


def _indicator_tone(record: Indicator) -> str | None:
    return {Status.MET: GOOD, Status.NOT_MET: BAD}.get(status(record))


def _task_status(record: Task, _language: str = "") -> str:
    return enum_label(task_status(record, dt.date.today()))


def _task_tone(record: Task) -> str | None:
    return {TaskStatus.DONE: GOOD, TaskStatus.OVERDUE: BAD}.get(task_status(record, dt.date.today()))


def _given_on(record: Task, language: str) -> str:
    origin = record.origin
    return format_numeric_date(origin.date, language) if origin is not None and origin.date else ""


def _meeting_day(document: MeetingDocument) -> dt.date:
    """A carried task ticked done was reported at the meeting: its day, unless that is still to come."""
    day = document.meeting.meeting.date
    today = dt.date.today()
    return day if day is not None and day <= today else today


def task_columns() -> list[Column]:
    column = _columns_of("tasks")
    return [
        column("task", width=215),
        column("assignee", width=150, completes="organization"),
        column("deadline", DATE, width=92),
        column("status", COMPUTED, compute=_task_status, width=108, tone=_task_tone),
        column("done", CHECKED_DATE, width=128),
        column("progress", width=220),
    ]


def follow_up_columns() -> list[Column]:
    column = _columns_of("follow_up")
    # What the secretary types (Done on, Progress reported) comes before the reference columns.
    return [
        *task_columns()[:4],
        column("done", CHECKED_DATE, width=128, default=_meeting_day),
        column("progress", width=240),
        column("given", COMPUTED, compute=_given_on, width=95),
    ]


def discussion_columns() -> list[Column]:
    column = _columns_of("discussion")
    return [
        column("speaker", width=170, completes="name"),
        column("position", width=180, completes="position"),
        column("topic", width=260),
    ]


def directive_columns() -> list[Column]:
    column = _columns_of("directives")
    return [
        column("speaker", width=190, completes="name"),
        column("position", width=260, completes="position"),
    ]


def attendee_model(document: MeetingDocument, parent: QObject | None = None) -> ListTableModel:
    return ListTableModel(document, document.meeting.attendees, attendee_columns(), Attendee,
                          lambda: _("attendee"), parent)


def indicator_model(document: MeetingDocument, parent: QObject | None = None) -> ListTableModel:
    model = ListTableModel(document, document.meeting.results.indicators, indicator_columns(), Indicator,
                           lambda: _("indicator"), parent)
    model.name_column = 1  # "Chỉ tiêu" names the row; "Lĩnh vực" before it only groups the rows
    return model


def task_model(document: MeetingDocument, tasks: list[Task], parent: QObject | None = None) -> ListTableModel:
    return ListTableModel(document, tasks, task_columns(), Task, lambda: _("task"), parent)


def follow_up_model(document: MeetingDocument, parent: QObject | None = None) -> ListTableModel:
    return ListTableModel(document, document.meeting.follow_up, follow_up_columns(), Task,
                          lambda: _("carried task"), parent)


def discussion_model(document: MeetingDocument, parent: QObject | None = None) -> ListTableModel:
    return ListTableModel(document, document.meeting.discussion, discussion_columns(), DiscussionItem,
                          lambda: _("contribution"), parent)


def directive_model(document: MeetingDocument, parent: QObject | None = None) -> ListTableModel:
    return ListTableModel(document, document.meeting.directives, directive_columns(), Directive,
                          lambda: _("directive"), parent)
