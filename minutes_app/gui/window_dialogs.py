"""The windows and dialogs the editor opens beside the form: import from a spreadsheet, the Tasks of the
folder, the People directory, Settings and About. Each is loaded when first asked for."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThreadPool

# QMessageBox and QDialog are imported where one is shown: the window opens without their classes (0.8 ms).
from PySide6.QtWidgets import QMainWindow

from ..l10n.i18n import gettext as _
from .document import MeetingDocument
from .page_sheet import PageSheet
from .settings import AppSettings
from .workers import Worker

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from ..storage.task_register import TaskPlace
    from .import_dialog import ImportDialog
    from .tasks_window import TasksWindow


class WindowDialogs(QObject):
    """Opens the editor's other windows and dialogs, and carries what they change back to the form."""

    def __init__(self, window: QMainWindow, settings: AppSettings, current: Callable[[], MeetingDocument],
                 sheet: PageSheet, open_path: Callable[[Path], bool], problem: Callable[[str], None]):
        super().__init__(window)
        self.window, self.settings, self.current, self.sheet = window, settings, current, sheet
        self.open_path, self.problem = open_path, problem
        self.import_dialog: ImportDialog | None = None
        self.tasks_window: TasksWindow | None = None  # made when first asked for (Ctrl+Shift+T)

    def _reload_directory(self, *_args: object) -> None:
        if self.sheet.completions is not None:
            self.sheet.completions.reload_directory()

    def import_spreadsheet(self, path: Path | None = None) -> ImportDialog:
        """Open the import dialog (window-modal) on ``path``, or let the user choose the file."""
        from .import_dialog import ImportDialog

        if self.import_dialog is not None:
            self.import_dialog.deleteLater()  # the previous one, kept until now for whoever looked at it
        dialog = self.import_dialog = ImportDialog(self.current(), self.window, self.settings.last_folder)
        dialog.accepted.connect(lambda: self.sheet.go_to_page(
            1 if dialog.reading and dialog.reading.kind == "attendees" else 2))
        dialog.open()
        if path is not None:
            dialog.load(path)
        else:
            dialog.choose_file()
        return dialog

    def record_in_directory(self, *_args: object) -> Worker:
        """Adds the saved meeting's attendees to the people directory, in a worker; a failure never undoes the save."""
        from ..storage.directory import record_meeting

        worker = Worker(record_meeting, self.current().snapshot())
        worker.signals.finished.connect(self._reload_directory)
        worker.signals.failed.connect(self.problem)
        QThreadPool.globalInstance().start(worker)
        return worker

    def open_people_directory(self) -> QDialog:
        """The People directory dialog (window-modal); edits there reach the completions at once."""
        from .directory_dialog import PeopleDirectoryDialog

        dialog = PeopleDirectoryDialog(self.window)
        dialog.changed.connect(self._reload_directory)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_tasks(self, folder: Path | None = None) -> TasksWindow:
        """The Tasks window (one per editor) over the folder of this meeting, else the one it showed last."""
        from .tasks_window import TasksWindow  # here: it brings the DOCX writer, not needed at start-up

        path = self.current().path
        if folder is None and path is not None:
            folder = path.parent
        if self.tasks_window is None:
            self.tasks_window = TasksWindow(folder, self.settings, self.window)
            self.tasks_window.open_task.connect(self.open_task)
        elif folder is not None and Path(folder) != self.tasks_window.folder:
            self.tasks_window.set_folder(folder)
        self.tasks_window.show()
        self.tasks_window.raise_()
        self.tasks_window.activateWindow()
        return self.tasks_window

    def open_task(self, path: Path, place: TaskPlace) -> bool:
        """Show a task of the Tasks window in the editor: open its meeting if needed, select its row."""
        current = self.current().path
        showing = current is not None and Path(path).resolve() == current.resolve()
        if not showing and not self.open_path(Path(path)):
            return False
        self.window.activateWindow()
        self.window.raise_()
        self.sheet.show_task(place)
        return True

    def settings_accepted(self) -> bool:
        """Show the Settings dialog; True when the secretary pressed OK."""
        from PySide6.QtWidgets import QDialog

        from .settings_dialog import SettingsDialog

        return SettingsDialog(self.settings, self.window).exec() == QDialog.DialogCode.Accepted

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self.window, _("About Thư Ký"), _("Thư Ký writes the minutes, the news article and the "
                                                            "notice of conclusions of a meeting."))
