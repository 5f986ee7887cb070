"""The open meeting, its undo stack and the commands that change it.

Every change a person makes goes through a ``QUndoCommand`` pushed on ``MeetingDocument.undo_stack``:
field edits (consecutive typing in one field merges into one command) and row operations on the
model's lists. Commands hold references to the model's own objects and lists, so they stay valid
while the widgets are rebuilt (a language switch); the document tells the live views what changed
through its signals and through the table models registered for each list.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import unicodedata
import weakref
from collections.abc import Callable, Sequence
from enum import Enum
from operator import methodcaller
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..model import Meeting
from ..model.records import record

MERGE_FIELD_EDIT = 1001


def normalize(value: Any) -> Any:
    """Text typed through an input method arrives in NFC, whatever composed it (Telex, VNI)."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [unicodedata.normalize("NFC", item) for item in value]
    return value


_ATOMS: set[type] = {str, int, float, bool, type(None), dt.date, dt.time, dt.datetime}  # shared, being immutable


def clone(value: Any) -> Any:
    """A deep copy of the meeting's dataclasses, lists and dicts, faster than ``copy.deepcopy`` (no memo, no
    reduce protocol): strings, numbers, dates and enums are shared, being immutable."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is list:
        return [item if type(item) in _ATOMS else clone(item) for item in value]
    if kind is dict:
        return {key: item if type(item) in _ATOMS else clone(item) for key, item in value.items()}
    if isinstance(value, (str, int, float, Enum, Path)):  # an enum of the model, a path: immutable too
        _ATOMS.add(kind)
        return value
    if dataclasses.is_dataclass(value) and hasattr(value, "__dict__"):
        new = object.__new__(kind)
        new.__dict__.update({name: item if type(item) in _ATOMS else clone(item)
                             for name, item in value.__dict__.items()})
        return new
    return copy.deepcopy(value)


class ListObserver(Protocol):
    """A view model over one of the meeting's lists (see ``table_models.ListTableModel``)."""

    items: list[Any]

    def before_insert(self, row: int, count: int) -> None: ...
    def after_insert(self) -> None: ...
    def before_remove(self, row: int, count: int) -> None: ...
    def after_remove(self) -> None: ...
    def before_move(self, row: int, to: int) -> None: ...
    def after_move(self) -> None: ...
    def item_changed(self, row: int, attr: str) -> None: ...


@record(frozen=True)
class RejectedInput:
    """Text typed into a date or number field that could not be read: shown where it was typed, and checked."""

    record: Any
    attr: str
    text: str
    reason: str
    field: str  # the field's name, for the check panel


class MeetingDocument(QObject):
    """The meeting being edited, where it is saved, and its history of changes."""

    fieldChanged = Signal(object, str)  # the record and the attribute that changed
    changed = Signal()  # anything changed (the preview and the autosave listen)
    rejectedChanged = Signal()  # typed text that could not be read was kept, or is gone

    def __init__(self, meeting: Meeting, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.meeting = meeting
        self.path = path
        self.title_hint = ""  # shown in the title bar when there is no path (a sample)
        self.undo_stack = QUndoStack(self)
        self._observers: weakref.WeakSet[Any] = weakref.WeakSet()
        self.revision = 0  # increases on every change; the autosave compares it
        self.read_only = False  # a final meeting: edits are refused until it is reopened (gui/finalising.py)
        # Typed text the model cannot hold (not a date, not a number), by (id(record), attr). Never saved: the
        # model keeps its last good value, the cell or field shows the text and the check lists it.
        self.rejected: dict[tuple[int, str], RejectedInput] = {}
        self.undo_stack.indexChanged.connect(self._on_index_changed)

    def _on_index_changed(self, _index: int) -> None:
        self.revision += 1
        self.changed.emit()

    @property
    def language(self) -> str:
        return str(self.meeting.language)

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def snapshot(self) -> Meeting:
        """A private copy for work in another thread (preview, autosave, export)."""
        return clone(self.meeting)

    # -- typed text that could not be read --------------------------------------------------------
    def reject_input(self, record: Any, attr: str, text: str, reason: str, field: str) -> None:
        entry = RejectedInput(record, attr, text, reason, field)
        if self.rejected.get((id(record), attr)) != entry:
            self.rejected[(id(record), attr)] = entry
            self.rejectedChanged.emit()

    def clear_rejected(self, record: Any, attr: str) -> None:
        if self.rejected.pop((id(record), attr), None) is not None:
            self.rejectedChanged.emit()

    def rejected_text(self, record: Any, attr: str) -> RejectedInput | None:
        entry = self.rejected.get((id(record), attr))
        return entry if entry is not None and entry.record is record else None

    # -- observers ---------------------------------------------------------------------------------
    def register(self, observer: ListObserver) -> None:
        self._observers.add(observer)

    def observers_of(self, items: list[Any]) -> list[ListObserver]:
        return [o for o in list(self._observers) if o.items is items]

    # -- edits -------------------------------------------------------------------------------------
    def set_field(self, record: Any, attr: str, value: Any, text: str = "", merge: bool = True) -> None:
        """Change one attribute of a record as an undoable command."""
        value = normalize(value)
        if self.read_only or getattr(record, attr) == value:
            return
        self.undo_stack.push(SetFieldCommand(self, record, attr, value, text, merge))

    def notify_field(self, record: Any, attr: str) -> None:
        self.fieldChanged.emit(record, attr)
        for items in self._lists_containing(record):
            row = next(i for i, item in enumerate(items) if item is record)
            for observer in self.observers_of(items):
                observer.item_changed(row, attr)

    def _lists_containing(self, record: Any) -> list[list[Any]]:
        return [o.items for o in list(self._observers) if any(item is record for item in o.items)]

    def insert_items(self, items: list[Any], row: int, new: Sequence[Any], text: str) -> None:
        if self.read_only:
            return
        self.undo_stack.push(InsertItemsCommand(self, items, row, list(new), text))

    def remove_items(self, items: list[Any], rows: Sequence[int], text: str) -> None:
        if rows and not self.read_only:
            self.undo_stack.push(RemoveItemsCommand(self, items, sorted(set(rows)), text))

    def move_item(self, items: list[Any], row: int, to: int, text: str) -> None:
        if 0 <= row < len(items) and 0 <= to < len(items) and row != to and not self.read_only:
            self.undo_stack.push(MoveItemCommand(self, items, row, to, text))

    def macro(self, text: str) -> _Macro:
        """``with document.macro("Paste"):`` groups commands into one undo step."""
        return _Macro(self.undo_stack, text)


class _Macro:
    def __init__(self, stack: QUndoStack, text: str):
        self.stack, self.text = stack, text

    def __enter__(self) -> None:
        self.stack.beginMacro(self.text)

    def __exit__(self, *exc: object) -> None:
        self.stack.endMacro()


class SetFieldCommand(QUndoCommand):
    """One attribute of one record; typing in the same field merges into the previous command."""

    def __init__(self, document: MeetingDocument, record: Any, attr: str, value: Any, text: str, merge: bool):
        super().__init__(text)
        self.document, self.record, self.attr = document, record, attr
        self.old, self.new = getattr(record, attr), value
        self.merge = merge

    def id(self) -> int:  # noqa: A003 - Qt's name
        return MERGE_FIELD_EDIT if self.merge else -1

    def location(self) -> tuple[Any, str]:
        """What undo and redo change: (record, attribute), for the window to show it."""
        return self.record, self.attr

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, SetFieldCommand) or not other.merge:
            return False
        if other.record is not self.record or other.attr != self.attr:
            return False
        self.new = other.new
        return True

    def _apply(self, value: Any) -> None:
        setattr(self.record, self.attr, value)
        self.document.notify_field(self.record, self.attr)

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


def _each(document: MeetingDocument, items: list[Any], call: Callable[[ListObserver], None]) -> None:
    for observer in document.observers_of(items):
        call(observer)


class _ListCommand(QUndoCommand):
    items: list[Any]

    def location(self) -> tuple[Any, str]:
        """What undo and redo change: the list (the window shows its table)."""
        return self.items, ""


class InsertItemsCommand(_ListCommand):
    def __init__(self, document: MeetingDocument, items: list[Any], row: int, new: list[Any], text: str):
        super().__init__(text)
        self.document, self.items, self.row, self.new = document, items, row, new

    def redo(self) -> None:
        _each(self.document, self.items, lambda o: o.before_insert(self.row, len(self.new)))
        self.items[self.row:self.row] = self.new
        _each(self.document, self.items, lambda o: o.after_insert())

    def undo(self) -> None:
        _each(self.document, self.items, lambda o: o.before_remove(self.row, len(self.new)))
        del self.items[self.row:self.row + len(self.new)]
        _each(self.document, self.items, lambda o: o.after_remove())


class RemoveItemsCommand(_ListCommand):
    """Removes rows (any selection); undo puts the very same objects back where they were."""

    def __init__(self, document: MeetingDocument, items: list[Any], rows: list[int], text: str):
        super().__init__(text)
        self.document, self.items, self.rows = document, items, rows
        self.removed = [items[row] for row in rows]

    def redo(self) -> None:
        for row in reversed(self.rows):
            _each(self.document, self.items, methodcaller("before_remove", row, 1))
            del self.items[row]
            _each(self.document, self.items, lambda o: o.after_remove())

    def undo(self) -> None:
        for row, item in zip(self.rows, self.removed, strict=True):
            _each(self.document, self.items, methodcaller("before_insert", row, 1))
            self.items.insert(row, item)
            _each(self.document, self.items, lambda o: o.after_insert())


class MoveItemCommand(_ListCommand):
    def __init__(self, document: MeetingDocument, items: list[Any], row: int, to: int, text: str):
        super().__init__(text)
        self.document, self.items, self.row, self.to = document, items, row, to

    def _move(self, row: int, to: int) -> None:
        _each(self.document, self.items, lambda o: o.before_move(row, to))
        self.items.insert(to, self.items.pop(row))
        _each(self.document, self.items, lambda o: o.after_move())

    def redo(self) -> None:
        self._move(self.row, self.to)

    def undo(self) -> None:
        self._move(self.to, self.row)
