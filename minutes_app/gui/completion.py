"""Completion of names, positions and organisations from this meeting and from earlier ones.

The lists are rebuilt a moment after the attendees change (not on every keystroke); the attendees of
the recent files are read once, in a worker thread, so start-up does not wait for them.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QObject, QStringListModel, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from ..errors import MinutesError
from ..model import Attendee
from .document import MeetingDocument
from .workers import Worker, after_first_frame

FIELDS = ("name", "position", "organization")


def _values(attendees: list[Attendee], field: str) -> list[str]:
    return [getattr(a, field).strip() for a in attendees if getattr(a, field).strip()]


def read_earlier_attendees(paths: list[Path]) -> list[Attendee]:
    """The attendees of earlier meeting files (files that cannot be read are skipped)."""
    from ..storage import load_meeting

    found: list[Attendee] = []
    for path in paths:
        try:
            found.extend(load_meeting(path).attendees)
        except (MinutesError, OSError):
            continue
    return found


def read_directory_words() -> dict[str, list[str]]:
    """Names, positions and organisations from the people directory (empty when it cannot be read)."""
    from ..storage.directory import PeopleDirectory

    people = PeopleDirectory().all_people()
    return {field: [getattr(p, field) for p in people if getattr(p, field)] for field in FIELDS}


class Completions(QObject):
    """One QStringListModel per field, shared by every completer of that field."""

    updated = Signal()

    def __init__(self, document: MeetingDocument, earlier_files: list[Path] | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.models = {field: QStringListModel(self) for field in FIELDS}
        self._earlier: list[Attendee] = []
        self._directory: dict[str, list[str]] = {}
        self._timer = QTimer(self, singleShot=True, interval=700)
        self._timer.timeout.connect(self.refresh)
        document.changed.connect(self._timer.start)
        self.refresh()
        earlier = list(earlier_files or [])
        if isinstance(parent, QWidget):  # in a window: read once it is on screen, not while it opens
            after_first_frame(parent.window(), self, lambda: self._read(earlier))
        else:
            self._read(earlier)

    def _read(self, earlier_files: list[Path]) -> None:
        if earlier_files:
            worker = Worker(read_earlier_attendees, earlier_files)
            worker.signals.finished.connect(self._earlier_loaded)
            QThreadPool.globalInstance().start(worker)
        self.reload_directory()

    def reload_directory(self) -> None:
        """Reads the people directory again in a worker (after a save, or an edit in its dialog)."""
        worker = Worker(read_directory_words)
        worker.signals.finished.connect(self._directory_loaded)  # a failure leaves the other sources
        QThreadPool.globalInstance().start(worker)

    def _directory_loaded(self, words: object) -> None:
        self._directory = dict(cast(dict[str, list[str]], words))
        self.refresh()

    def _earlier_loaded(self, attendees: object) -> None:
        self._earlier = list(cast(list[Attendee], attendees))
        self.refresh()

    def refresh(self) -> None:
        people = [*self.document.meeting.attendees, *self._earlier]
        for field, model in self.models.items():
            words = sorted({*_values(people, field), *self._directory.get(field, [])}, key=str.casefold)
            if words != model.stringList():
                model.setStringList(words)
        self.updated.emit()

    def completer(self, field: str, parent: QObject) -> QCompleter:
        completer = QCompleter(self.models[field], parent)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        return completer

    def attach(self, line_edit: QLineEdit, field: str) -> None:
        line_edit.setCompleter(self.completer(field, line_edit))
