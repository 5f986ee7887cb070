"""Autosave and crash recovery: a copy of unsaved work written in the background, offered back after a crash.

Every few seconds (Settings) a changed meeting is written to this session's recovery file by a worker
thread; saving or closing the window discards it. When Thư Ký starts, the recovery files that other
sessions left behind are offered in a bar above the form: Restore or Discard.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

# QMessageBox is imported where a message is shown: the window opens without its class (0.6 ms).
from PySide6.QtWidgets import QMainWindow, QWidget

from ..errors import MinutesError
from ..l10n.formatting import format_moment
from ..l10n.i18n import gettext as _
from ..l10n.i18n import ui_language
from ..storage.recovery import Recovery, discard_recovery, find_recoveries, new_session_id, write_recovery
from .document import MeetingDocument
from .file_session import APP_TITLE, Replace
from .message_bar import MessageBar
from .workers import Worker, lasting_pool


class RecoveryBar(MessageBar):
    """Offers what a crashed session left behind: Restore or Discard, without a modal dialog."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("recoveryBar", "#fff4d6", "#e0c070", 2, parent)
        self.restore_button, self.discard_button = self.buttons
        self.recovery: Recovery | None = None

    def offer(self, recovery: Recovery | None) -> None:
        self.recovery = recovery
        if recovery is None:
            self.hide()
            return
        source = recovery.source.name if recovery.source else _("an untitled meeting")
        self.label.setText(_("Thư Ký was not closed properly. Work on {file} saved at {time} was recovered. "
                             "Restore it?").format(file=source, time=format_moment(recovery.saved_at, ui_language())))
        self.restore_button.setText(_("&Restore"))
        self.discard_button.setText(_("&Discard"))
        self.show()


class Autosave(QObject):
    """This session's recovery file, kept up to date in the background, and the offer of other sessions' files."""

    def __init__(self, window: QMainWindow, seconds: int, current: Callable[[], MeetingDocument],
                 maybe_save: Callable[[], bool], replace: Replace, problem: Callable[[str], None]):
        super().__init__(window)
        self.window, self.current, self.maybe_save, self.replace = window, current, maybe_save, replace
        self.problem = problem
        self.session_id = new_session_id()
        self.saved_revision = 0  # the document's revision last written (or saved by the secretary)
        self.pool = lasting_pool("autosave", 1)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.autosave)
        self.timer.start(seconds * 1000)
        self.bar = RecoveryBar()
        self.bar.restore_button.clicked.connect(self.restore)
        self.bar.discard_button.clicked.connect(self.discard_offered)

    def autosave(self) -> None:
        """Write the recovery file in a worker thread if anything changed since the last time."""
        document = self.current()
        if document.revision == self.saved_revision:
            return
        self.saved_revision = document.revision
        if not document.is_modified:
            discard_recovery(self.session_id)
            return
        worker = Worker(write_recovery, self.session_id, document.snapshot(), document.path)
        worker.signals.failed.connect(self.problem)
        self.pool.start(worker)

    def set_interval(self, seconds: int) -> None:
        self.timer.start(max(1, seconds) * 1000)

    def forget(self) -> None:
        """The work is safe elsewhere (saved, or another meeting opened): no recovery file for it."""
        discard_recovery(self.session_id)

    def saved(self, _path: Path | None = None) -> None:
        self.forget()
        self.saved_revision = self.current().revision

    # -- what other sessions left ------------------------------------------------------------------
    def offer_next(self) -> None:
        self.bar.offer(next(iter(find_recoveries(self.session_id)), None))

    def restore(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        recovery = self.bar.recovery
        if recovery is None:
            return
        try:
            meeting = recovery.load()
        except (MinutesError, OSError, ValueError) as error:
            QMessageBox.warning(self.window, APP_TITLE, str(error))
            return
        if self.current().is_modified and not self.maybe_save():
            return
        self.replace(meeting, recovery.source, True)
        self.pool.waitForDone(5000)  # our own copy exists before the old one goes
        recovery.discard()
        self.offer_next()
        self.window.statusBar().showMessage(_("The recovered work is open; save it to keep it."), 10000)

    def discard_offered(self) -> None:
        if self.bar.recovery is not None:
            self.bar.recovery.discard()
        self.offer_next()

    def close(self) -> None:
        """The window closes: nothing more is written, and the recovery file goes (the work was saved or dropped)."""
        self.timer.stop()
        self.pool.waitForDone(5000)
        self.forget()
