"""The meeting file behind the editor: New, Open, Save, Save As, and the lock that tells others it is open.

The window shows one ``MeetingDocument``; this part reads and writes its file, keeps what the file was on
disk (to notice someone else's save) and holds the lock beside it. Opening a file hands a new meeting to
``replace`` (the window rebuilds around it) and then tracks its file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

# QMessageBox is imported where a message is shown: the window opens without its class (0.6 ms).
from PySide6.QtWidgets import QMainWindow, QWidget

from ..errors import MinutesError
from ..l10n.formatting import format_moment
from ..l10n.i18n import gettext as _
from ..l10n.i18n import ui_language
from ..model import Meeting, starting
from ..storage import SUFFIX, ChangedOnDiskError, load_meeting, read_meeting, save_meeting
from ..storage.atomic import UNCHECKED
from ..storage.concurrency import REFRESH_EVERY, DiskState, acquire_lock, refresh_lock, release_lock
from ..storage.follow_links import anchor_follows, following
from .document import MeetingDocument
from .exporting import slug
from .message_bar import MessageBar
from .settings import AppSettings

APP_TITLE = "Thư Ký"
FILE_FILTER_TEXT = "*" + SUFFIX


class Replace(Protocol):
    """The window shows ``meeting`` from ``path`` (its disk state ``as_read``, when read from there)."""

    def __call__(self, meeting: Meeting, path: Path | None, modified: bool = False,
                 as_read: DiskState | None = None) -> None: ...


def new_meeting(settings: AppSettings, language: str = "vi") -> Meeting:
    """An empty meeting dated today, with the office's defaults from the settings."""
    return starting.new_meeting(language, defaults={name: settings.default(name) for name in starting.OFFICE_DEFAULTS})


class NoticeBar(MessageBar):
    """A plain warning line above the pages (someone else has the file open…), closed with its button."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("noticeBar", "#fde8e4", "#d99a8c", 1, parent)
        (self.close_button,) = self.buttons
        self.close_button.clicked.connect(self.hide)

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.close_button.setText(_("&Hide"))
        self.show()


class FileSession(QObject):
    """Open and save the window's meeting file, and hold its lock while it is open."""

    saved = Signal(object)  # the Path written: the title, autosave and the people directory follow

    def __init__(self, window: QMainWindow, settings: AppSettings, current: Callable[[], MeetingDocument],
                 replace: Replace):
        super().__init__(window)
        self.window, self.settings, self.current, self.replace = window, settings, current, replace
        self.notice_bar = NoticeBar()
        # The file on disk: what it was when opened or saved, and our lock beside it.
        self.disk_state: DiskState | None = None
        self.locked_path: Path | None = None
        self.lock_timer = QTimer(self)
        self.lock_timer.timeout.connect(self._refresh_lock)

    @property
    def document(self) -> MeetingDocument:
        return self.current()

    def _status(self, text: str, msecs: int) -> None:
        self.window.statusBar().showMessage(text, msecs)

    # -- asking ------------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is fine to drop the current document (saved, discarded, or nothing to save)."""
        from PySide6.QtWidgets import QMessageBox

        if not self.document.is_modified:
            return True
        name = self.document.path.name if self.document.path else _("Untitled")
        answer = QMessageBox.question(
            self.window, APP_TITLE, _("Save the changes to {name} before closing it?").format(name=name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _ask_open_path(self, title: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog  # (its class and enums: at the first file dialog)

        chosen, _filter = QFileDialog.getOpenFileName(self.window, title, self.settings.last_folder,
                                                      _("Meetings ({pattern})").format(pattern=FILE_FILTER_TEXT))
        if not chosen:
            return None
        self.settings.last_folder = str(Path(chosen).parent)
        return Path(chosen)

    def _refuse_open(self, path: Path, error: Exception) -> None:
        """The file and the problem, in one line (the path once); the meeting being edited stays as it was."""
        from PySide6.QtWidgets import QMessageBox

        if path.suffix.lower() != ".json":
            text = _("{file} is not a meeting file of Thư Ký (*{suffix}).").format(file=path.name, suffix=SUFFIX)
        else:
            problem = str(error).removeprefix(f"{path}: ").removeprefix(f"{path.name}: ")
            text = _("{file} cannot be opened: {problem}").format(file=path.name, problem=problem)
        QMessageBox.warning(self.window, _("Cannot open the meeting"), text + "\n\n" + _(
            "The meeting you are editing has not been changed."))

    # -- new and open ------------------------------------------------------------------------------
    def new_file(self) -> bool:
        if not self.maybe_save():
            return False
        self.replace(new_meeting(self.settings, self.document.language), None, False)
        return True

    def new_from_previous(self) -> bool:
        """A new meeting started from one the secretary chooses (its open tasks carried into Follow-up)."""
        if not self.maybe_save():
            return False
        path = self._ask_open_path(_("Choose the previous meeting"))
        if path is None:
            return False
        try:
            previous = load_meeting(path)
        except (MinutesError, OSError) as error:
            self._refuse_open(path, error)
            return False
        self.replace(following(previous, path, None, dt.date.today()), None, True)
        return True

    def follow_up_this(self) -> bool:
        """Start the next meeting from this one (saved first), its open tasks carried into Follow-up."""
        from PySide6.QtWidgets import QMessageBox

        if self.document.path is None or self.document.is_modified:
            QMessageBox.information(self.window, APP_TITLE, _("Save this meeting first: the next one names its file."))
            if not self.save():
                return False
        path = self.document.path
        assert path is not None
        self.replace(following(self.document.snapshot(), path, None, dt.date.today()), None, True)
        return True

    def open_file(self) -> None:
        if not self.maybe_save():
            return
        path = self._ask_open_path(_("Open a meeting"))
        if path is not None:
            self.open_path(path, ask=False)

    def open_path(self, path: Path, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        try:
            meeting, as_read = read_meeting(path)
        except (MinutesError, OSError) as error:
            self._refuse_open(path, error)
            if not path.exists():
                self.settings.remove_recent_file(path)
            return False
        self.replace(meeting, path, False, as_read)
        self.settings.add_recent_file(path)
        return True

    # -- save --------------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        start = self.document.path or Path(self.settings.last_folder) / (
            slug(self.document.meeting.meeting.title) + SUFFIX)
        from PySide6.QtWidgets import QFileDialog

        chosen, _filter = QFileDialog.getSaveFileName(self.window, _("Save the meeting as"), str(start),
                                                      _("Meetings ({pattern})").format(pattern=FILE_FILTER_TEXT))
        if not chosen:
            return False
        path = Path(chosen)
        if not path.name.endswith(SUFFIX):
            path = path.with_name(path.stem + SUFFIX) if path.suffix == ".json" else path.with_name(path.name + SUFFIX)
        self.settings.last_folder = str(path.parent)
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        from PySide6.QtWidgets import QMessageBox

        document = self.document
        anchor_follows(document.meeting, document.path, path)
        # Someone else wrote the file since it was read or saved: checked at the moment of writing.
        expected = self.disk_state if path == document.path else UNCHECKED
        try:
            written = save_meeting(document.meeting, path, expected=expected)
        except ChangedOnDiskError:
            return self._save_changed_on_disk(path)
        except MinutesError as error:
            QMessageBox.warning(self.window, APP_TITLE, str(error))
            return False
        if path != document.path:
            self.track_file(path, written)  # its lock; its state is that of the bytes just written, not read back
        else:
            self.disk_state = written
        document.path = path
        document.undo_stack.setClean()
        self.settings.add_recent_file(path)
        self.saved.emit(path)
        self._status(_("Saved {path}").format(path=path), 5000)
        return True

    def _save_changed_on_disk(self, path: Path) -> bool:
        """Someone else wrote the file since we opened or saved it: offer Save As rather than overwrite their work."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, _(
            "{file} was changed on disk by someone else (another copy of Thư Ký or a colleague) since you opened or "
            "saved it. Saving now would overwrite their changes.").format(file=path),
            QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("changedOnDiskBox")
        save_as = box.addButton(_("Save &As…"), QMessageBox.ButtonRole.AcceptRole)
        overwrite = box.addButton(_("&Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.exec()
        if box.clickedButton() is save_as:
            return self.save_as()
        if box.clickedButton() is overwrite:
            self.disk_state = DiskState.of(path)  # the user has seen it: overwrite this version
            return self.save_to(path)
        return False

    # -- the lock beside the open file -------------------------------------------------------------
    def track_file(self, path: Path | None, as_read: DiskState | None = None) -> None:
        """Remember the file as it is on disk and hold its lock; let go of the previous file's lock.

        ``as_read``: the state of the bytes the meeting was read from (``read_meeting``), rather than the file
        read again a moment later, which a colleague's save in between would make the wrong one."""
        self.disk_state = None if path is None else as_read or DiskState.of(path)
        if self.locked_path is not None and self.locked_path != path:
            self.release()
        self.notice_bar.hide()
        if path is None:
            return
        other = acquire_lock(path)
        if other is not None:
            since = format_moment(dt.datetime.fromtimestamp(other.since), ui_language())
            text = _("{user} on {host} has had {file} open since {since}. You can edit it, but if you both save, "
                     "one of you will be asked to save under another name.").format(
                user=other.user, host=other.host, file=path.name, since=since)
            self.notice_bar.show_text(text)
            self._status(text, 15000)
            return
        self.locked_path = path
        self.lock_timer.start(REFRESH_EVERY * 1000)

    def _refresh_lock(self) -> None:
        if self.locked_path is not None:
            refresh_lock(self.locked_path)

    def release(self) -> None:
        """Let go of the lock (another file is opened, or the window closes)."""
        self.lock_timer.stop()
        if self.locked_path is not None:
            release_lock(self.locked_path)
            self.locked_path = None
