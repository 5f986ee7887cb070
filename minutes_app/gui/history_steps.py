"""Undo and Redo from the window's menu or keys: one step of the document's history, then the page and field it
changed are shown, so that the secretary sees what was taken back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from ..check import Finding
from ..model import Meeting
from .locating import locate


def step_history(history: QUndoStack, back: bool, meeting: Callable[[], Meeting],
                 show: Callable[[Finding], None]) -> None:
    """Undo (``back``) or redo one step, then ``show`` where it acted (in the meeting as it is after the step)."""
    position = history.index() - 1 if back else history.index()
    if not 0 <= position < history.count():
        return
    command = history.command(position)
    history.undo() if back else history.redo()
    finding = where(command, meeting())
    if finding is not None:
        show(finding)


def where(command: QUndoCommand | None, meeting: Meeting) -> Finding | None:
    """The field a command changed, as a finding's place; a macro acts where its first step does."""
    while command is not None and not hasattr(command, "location") and command.childCount():
        command = command.child(0)
    location = getattr(command, "location", None)
    if location is None:
        return None
    target, attr = location()
    return locate(meeting, target, attr)
