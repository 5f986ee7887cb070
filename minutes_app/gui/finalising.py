"""Finalise and reopen the meeting in the editor; keep the form read-only while it is final.

Finalising exports the three documents as DOCX into ``NAME-final-vN/`` beside the meeting file,
records their SHA-256 in the meeting (an undoable command) and saves the file. While the meeting is
final the document refuses edits (``MeetingDocument.read_only``) and the page widgets are read-only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

# QMessageBox is imported where a message is shown: the window opens without its class (0.6 ms).
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ..export.registry import KINDS
from ..l10n.formatting import format_numeric_date
from ..l10n.i18n import gettext as _
from ..l10n.i18n import ui_language
from ..model import Meeting
from ..storage import SUFFIX
from ..storage.finalise import changed_files, finalise, next_version, reopen
from .document import MeetingDocument, SetFieldCommand
from .exporting import ExportController, suggested_name
from .file_session import FileSession
from .message_bar import MessageBar
from .workers import Worker

# Actions that change the meeting without going through a page; off while it is final.
EDITING_ACTIONS = ("import_sheet", "insert_time")


def final_label(meeting: Meeting) -> str:
    """What the title bar and the bar above the form say about a final meeting; "" when it is not final."""
    if not meeting.is_final or meeting.final is None:
        return ""
    return _("final v{version}").format(version=meeting.final.version)


def final_folder(path: Path, version: int) -> Path:
    """``NAME-final-vN`` beside the meeting file ``NAME.minutes.json``."""
    name = path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.stem
    return path.parent / f"{name}-final-v{version}"


class FinalBar(MessageBar):
    """The line above the form while the meeting is final, with a button to reopen it."""

    GOOD = ("#e3f1e3", "#7fb77f")
    WARNING = ("#fff4d6", "#d9a520")  # an issued file no longer matches its recorded hash

    def __init__(self, parent: QWidget | None = None):
        super().__init__("finalBar", *self.GOOD, 1, parent)
        (self.reopen_button,) = self.buttons


class Finaliser(QObject):
    """The window's Finalise… and Reopen for editing commands and the read-only state they imply.

    ``bar`` is for the window to place above the form; ``changed`` says the state was applied (the title
    names the version)."""

    changed = Signal()

    def __init__(self, files: FileSession, confirm: Callable[[], bool], exporter: ExportController,
                 pages: Callable[[], Sequence[QWidget]], actions: dict[str, QAction]):
        super().__init__(files)
        self.files, self.confirm, self.exporter = files, confirm, exporter
        self.pages, self.actions = pages, actions
        self.window = files.window  # the parent of the questions asked
        self.bar = FinalBar()
        self.bar.reopen_button.clicked.connect(lambda: self.reopen())
        self._locked: list[Callable[[], None]] = []  # how to undo each change made to a widget
        self.changed_issued: list[str] = []  # issued files that no longer match their recorded hash
        self._connected: set[int] = set()

    @property
    def document(self) -> MeetingDocument:
        return self.files.document

    # -- commands ----------------------------------------------------------------------------------
    def finalise(self) -> bool:
        """Ask, export the three documents as DOCX, record their hashes and save; False if not done."""
        from PySide6.QtWidgets import QMessageBox

        window, meeting = self.window, self.document.meeting
        if meeting.is_final:
            return False
        if (self.document.path is None or self.document.is_modified) and not self.files.save():
            return False
        if not self.confirm():
            return False
        version = next_version(meeting)
        assert self.document.path is not None  # saved above
        folder = final_folder(self.document.path, version)
        answer = QMessageBox.question(window, _("Finalise"), _(
            "Finalise this meeting as version {version}? The minutes, the news article and the notice are "
            "exported as DOCX into the folder {folder}, their SHA-256 is recorded in the meeting file, and "
            "the form stays read-only until you reopen it.").format(version=version, folder=folder),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            QMessageBox.warning(window, _("Finalise"), _("The folder {folder} cannot be created: {reason}").format(
                folder=folder, reason=error.strerror or error))
            return False
        snapshot = self.document.snapshot()
        jobs = [(kind, folder / suggested_name(snapshot, kind, "docx")) for kind in KINDS]
        document = self.document
        self.exporter.run(jobs, lambda written: self._record(document, jobs, written))
        return True

    def _record(self, document: MeetingDocument, jobs: list[tuple[str, Path]], written: list[Path]) -> None:
        from PySide6.QtWidgets import QMessageBox

        if document is not self.document:
            return  # another file was opened while the documents were written
        kinds = {path: kind for path, (kind, _path) in zip(written, jobs, strict=False)}
        try:
            final = finalise(document.meeting, written, dt.date.today(), kinds).final
        except OSError as error:
            QMessageBox.warning(self.window, _("Finalise"), _("The exported files cannot be read: {reason}").format(
                reason=error.strerror or error))
            return
        self._set_final(final, _("Finalise version {version}").format(version=next_version(document.meeting)))
        self.files.save()

    def reopen(self) -> bool:
        """Ask, then make the form editable again; the last finalisation stays on record. Saved at once."""
        from PySide6.QtWidgets import QMessageBox

        meeting = self.document.meeting
        if not meeting.is_final or meeting.final is None:
            return False
        answer = QMessageBox.question(self.window, _("Reopen for editing"), _(
            "Reopen version {version} for editing? The exported files no longer match the meeting once you "
            "change it; finalise it again to issue a new version.").format(version=meeting.final.version),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self._set_final(reopen(meeting, dt.date.today()).final, _("Reopen for editing"))
        if self.document.path is not None:
            self.files.save()
        return True

    def _set_final(self, final: Any, text: str) -> None:
        # Pushed directly: the document's own edit methods refuse changes while the meeting is final.
        self.document.undo_stack.push(SetFieldCommand(self.document, self.document.meeting, "final", final, text,
                                                      merge=False))

    # -- state -------------------------------------------------------------------------------------
    def apply(self) -> None:
        """Bring the form, the actions, the bar and the title in line with the meeting's state."""
        document = self.document
        if id(document) not in self._connected:
            self._connected.add(id(document))
            document.fieldChanged.connect(self._field_changed)
        final = document.meeting.is_final
        document.read_only = final
        self._unlock()
        if final:
            for page in self.pages():
                self._lock(page)
        actions = self.actions
        actions["finalise"].setEnabled(not final)
        actions["reopen"].setEnabled(final)
        for name in EDITING_ACTIONS:
            if name in actions:
                actions[name].setEnabled(not final)
        self.bar.reopen_button.setText(_("Reopen for editing"))
        self.changed_issued = []
        self.bar.set_colours(*FinalBar.GOOD)
        if final:
            self.bar.label.setText(self._state_text())
            self._check_issued_files()
        self.bar.setVisible(final)
        self.changed.emit()

    def _state_text(self) -> str:
        final = self.document.meeting.final
        assert final is not None  # asked only while the meeting is final
        return _("This meeting is final (version {version}, {date}); the form is read-only.").format(
            version=final.version, date=format_numeric_date(final.date, ui_language()))

    def _check_issued_files(self) -> None:
        """Compare the issued files with their recorded SHA-256, off the GUI thread (they may be on a share)."""
        document = self.document
        if document.path is None or document.meeting.final is None:
            return
        folder = final_folder(document.path, document.meeting.final.version)
        worker = Worker(changed_files, document.snapshot(), folder)
        worker.signals.finished.connect(lambda names: self._show_changed(document, names))
        self.exporter.pool.start(worker)  # waited for when the window closes

    def _show_changed(self, document: MeetingDocument, names: list[str]) -> None:
        if names and document is self.document and document.meeting.is_final:
            self.bar.label.setText(self._state_text() + " " + _(
                "Changed or missing since they were issued: {files}.").format(files=", ".join(names)))
            self.bar.set_colours(*FinalBar.WARNING)
            self.changed_issued = names

    def _field_changed(self, record: object, attr: str) -> None:
        if attr == "final" and record is self.document.meeting:
            self.apply()

    def _lock(self, page: QWidget) -> None:
        from PySide6.QtWidgets import QTextEdit  # (here: no page of the window has one when it opens)

        for widget in page.findChildren(QWidget):
            if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox):
                if not widget.isReadOnly():
                    widget.setReadOnly(True)
                    self._locked.append(partial(widget.setReadOnly, False))
            elif isinstance(widget, QAbstractItemView):
                self._locked.append(partial(widget.setEditTriggers, widget.editTriggers()))
                widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            elif isinstance(widget, QAbstractButton | QComboBox) and widget.isEnabled():
                widget.setEnabled(False)
                self._locked.append(partial(widget.setEnabled, True))

    def _unlock(self) -> None:
        for undo in self._locked:
            with suppress(RuntimeError):  # the page was rebuilt (a language switch) and the widget is gone
                undo()
        self._locked = []
