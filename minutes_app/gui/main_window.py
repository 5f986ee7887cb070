"""The main window: pages on the left, the preview and the check on the right; a composition of parts.

Each part does one thing a person does (``file_session``: open and save; ``autosave``: recovery;
``page_sheet``: the pages; ``preview_dock``, ``check_dock``; ``finalising``; ``exporting``;
``window_dialogs``: import, tasks, people, settings; ``window_menus``: the commands). The window owns
one ``MeetingDocument`` at a time: opening a file or switching the interface language rebuilds the
pages and the preview around it; the document (and its undo history) is kept across a language switch.
"""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QShowEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QMainWindow, QVBoxLayout, QWidget

from ..check.pages import PAGES
from ..export.options import ExportOptions
from ..l10n.formatting import format_time_of_day
from ..l10n.i18n import add_language_listener, remove_language_listener, set_ui_language
from ..l10n.i18n import gettext as _
from ..model import Meeting
from .autosave import Autosave
from .binding import REDO_KEYS, UNDO_KEYS, insert_at_cursor
from .check_dock import CheckDock
from .completion import Completions
from .document import MeetingDocument
from .exporting import EXPORTS, ExportController
from .file_session import APP_TITLE, FileSession, new_meeting
from .finalising import Finaliser, final_label
from .history_steps import step_history
from .notes_side import PageColumn, install_notes, show_notes
from .page_sheet import PageSheet
from .pages import Page
from .preview import PreviewPane
from .preview_dock import PREVIEW_KEYS, PreviewDock
from .qt_translations import install_qt_translations
from .settings import AppSettings
from .window_dialogs import WindowDialogs
from .window_menus import WindowMenus

if TYPE_CHECKING:
    from ..storage.concurrency import DiskState
    from ..storage.task_register import TaskPlace
    from .import_dialog import ImportDialog
    from .notes_page import NotesPage
    from .tasks_window import TasksWindow

__all__ = ["APP_TITLE", "MainWindow", "new_meeting"]


class MainWindow(QMainWindow):
    # The window's commands by name. It hides QWidget.actions(), which nothing calls on this window; the
    # tests read the commands by this name.
    actions: dict[str, QAction]  # type: ignore[assignment]

    def __init__(self, meeting: Meeting, path: Path | None = None, settings: AppSettings | None = None,
                 check_recovery: bool = True, as_read: DiskState | None = None):
        super().__init__()
        self.settings = settings or AppSettings()
        self.document = MeetingDocument(meeting, path, self)
        self.notes_page: NotesPage | None = None  # built when first shown (notes_side)
        self._connected: MeetingDocument | None = None  # the document whose signals reach the window
        self._fit_to_screen()
        current = self.current_document

        self.sheet = PageSheet(self)
        self.sheet.message.connect(self.show_problem)
        self.files = FileSession(self, self.settings, current, self.replace_document)
        self.autosaver = Autosave(self, self.settings.autosave_seconds, current, self.files.maybe_save,
                                  self.replace_document, self.show_problem)
        self.dock = PreviewDock(self, self.export_options)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.check_dock = CheckDock(self, current, self.sheet)  # under the preview; follows the document too
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.check_dock)
        self.check_dock.problem.connect(self.show_problem)
        self.exporter = ExportController(self, self.document_snapshot, self.export_options, self.settings)
        self.exporter.finished.connect(self._exported)
        self.dialogs = WindowDialogs(self, self.settings, current, self.sheet, self.open_path, self.show_problem)
        self.menus = WindowMenus(self, self.settings, self.open_path)
        self.finaliser = Finaliser(self.files, self.confirm_export, self.exporter, lambda: self.pages,
                                   self.menus.actions)
        self.finaliser.changed.connect(self.update_title)
        self.files.saved.connect(self._saved)
        # The parts' widgets, by the names the rest of the program (and the tests) use.
        self.side, self.stack, self.actions = self.sheet.side, self.sheet.stack, self.menus.actions
        self.check_panel, self.checks = self.check_dock.panel, self.check_dock.checks
        self.recovery_bar, self.notice_bar = self.autosaver.bar, self.files.notice_bar
        self.lock_timer, self.autosave_timer = self.files.lock_timer, self.autosaver.timer
        self.page_column = PageColumn(self.side)  # the page list and the quick notes' entry
        self.page_column.chosen.connect(self.show_notes)
        self._lay_out()
        self._create_actions()
        self._build_menus()

        self._attach_document(self.document)
        self.files.track_file(path, as_read)  # the state of the bytes read (read_meeting), not read again
        self.go_to_page(0)  # the first key typed goes to the first field (not to the side bar or the check panel)
        self.resizeDocks([self.dock], [430], Qt.Orientation.Horizontal)
        self.resizeDocks([self.dock, self.check_dock], [470, 300], Qt.Orientation.Vertical)
        self._docks_placed = False  # the preview's share of the width is set once, when first shown
        add_language_listener(self._language_changed)
        if check_recovery:
            self.autosaver.offer_next()

    def _lay_out(self) -> None:
        """The bars above the form (final, recovery, notice), then the side bar and the page stack."""
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 6, 6, 0)
        for bar in (self.finaliser.bar, self.autosaver.bar, self.files.notice_bar):
            outer.addWidget(bar)
        row = QHBoxLayout()
        row.setSpacing(0)
        row.addWidget(self.page_column)
        row.addWidget(self.stack, 1)
        outer.addLayout(row, 1)
        self.setCentralWidget(central)

    @property
    def pages(self) -> list[Page]:
        return self.sheet.pages

    @property
    def completions(self) -> Completions:
        assert self.sheet.completions is not None  # made with the pages, in __init__
        return self.sheet.completions

    @property
    def preview(self) -> PreviewPane | None:
        return self.dock.preview

    @property
    def tasks_window(self) -> TasksWindow | None:
        return self.dialogs.tasks_window

    @property
    def import_dialog(self) -> ImportDialog | None:
        return self.dialogs.import_dialog

    def current_document(self) -> MeetingDocument:
        return self.document

    def document_snapshot(self) -> Meeting:
        return self.document.snapshot()

    def export_options(self) -> ExportOptions:
        return ExportOptions(reference_doc=self.settings.reference_doc, templates_dir=self.settings.templates_dir,
                             intervention_times=self.settings.intervention_times)

    def show_problem(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    # -- actions and menus -------------------------------------------------------------------------
    def _create_actions(self) -> None:
        add, files, dock, checks, dialogs = self.menus.add, self.files, self.dock, self.check_dock, self.dialogs
        add("new", self.new_file, QKeySequence.StandardKey.New, "FileIcon")
        add("new_from_previous", self.new_from_previous, "Ctrl+Shift+N")
        add("follow_up_this", self.follow_up_this)
        add("tasks", lambda: self.open_tasks(), "Ctrl+Shift+T")
        add("open", files.open_file, QKeySequence.StandardKey.Open, "DialogOpenButton")
        add("save", self.save, QKeySequence.StandardKey.Save, "DialogSaveButton")
        add("import_sheet", lambda: self.import_spreadsheet(), "Ctrl+I")
        add("save_as", files.save_as, QKeySequence.StandardKey.SaveAs)
        add("quit", self.close, QKeySequence.StandardKey.Quit)
        add("undo", lambda: self.step_history(back=True), list(UNDO_KEYS), "ArrowBack")
        add("redo", lambda: self.step_history(back=False), list(REDO_KEYS), "ArrowForward")
        add("insert_time", self.insert_current_time, "Ctrl+T")
        add("settings", self.open_settings, "Ctrl+,")
        add("people_directory", self.open_people_directory)
        add("open_folder", self.exporter.open_folder, None, "DirOpenIcon")
        add("print", self.print_pdf, QKeySequence.StandardKey.Print)
        add("print_preview", dock.print_preview, "Ctrl+Shift+P")
        add("email", self.email, "Ctrl+Shift+E")
        add("toggle_preview", dock.toggle, "F8")
        add("next_preview", dock.next_kind, "F7")
        for kind, keys in PREVIEW_KEYS.items():
            add(f"preview_{kind}", lambda _checked=False, k=kind: dock.show_kind(k), keys)
        add("toggle_checks", checks.toggle, "F9", "MessageBoxWarning")
        add("run_checks", checks.show_checks, "Shift+F9")
        add("next_page", lambda: self.sheet.step(1), "Ctrl+PgDown")
        add("previous_page", lambda: self.sheet.step(-1), "Ctrl+PgUp")
        add("about", dialogs.about)
        add("quick_notes", self.show_notes, "Ctrl+G")  # "ghi"
        add("finalise", lambda: self.finaliser.finalise())
        add("reopen", lambda: self.finaliser.reopen())
        for number, info in enumerate(PAGES):
            add(f"page{number}", lambda _checked=False, n=number: self.go_to_page(n), info.shortcut)
        for kind, fmt in EXPORTS:
            add(f"export_{kind}_{fmt}", lambda _checked=False, k=kind, f=fmt: self.export_as(k, f),
                "Ctrl+E" if (kind, fmt) == ("minutes", "docx") else None,
                "DialogSaveButton" if fmt == "docx" else None)

    def _build_menus(self) -> None:
        self.menus.build(self.document.undo_stack)
        self.dock.retranslate()
        self.check_dock.retranslate()

    @staticmethod
    def page_titles() -> list[str]:
        return [info.title() for info in PAGES]

    # -- the document ------------------------------------------------------------------------------
    def _attach_document(self, document: MeetingDocument) -> None:
        """Build the pages and the preview around ``document`` (a new file, or a language switch)."""
        old = self.document
        if old is not document:
            old.deleteLater()  # its connections go with it
        self.document = document
        self.autosaver.saved_revision = document.revision
        if document is not self._connected:  # once per document (a language switch attaches it again)
            stack = document.undo_stack
            stack.cleanChanged.connect(self.update_title)
            stack.canUndoChanged.connect(self.actions["undo"].setEnabled)
            stack.canRedoChanged.connect(self.actions["redo"].setEnabled)
            stack.undoTextChanged.connect(self._name_history_steps)
            stack.redoTextChanged.connect(self._name_history_steps)
            document.changed.connect(self.checks.schedule)
            document.rejectedChanged.connect(self.check_dock.rejected_changed)
            self._connected = document
        self.actions["undo"].setEnabled(document.undo_stack.canUndo())
        self.actions["redo"].setEnabled(document.undo_stack.canRedo())
        self._name_history_steps()
        rebuilt = self.side.count() > 0  # (self.pages would build every page of the old document)
        self._build_pages()
        self.update_title()
        self.checks.schedule()
        # The meeting and the widgets live until the next document: out of the cyclic collector's full passes,
        # which otherwise walk them all (tens of ms) at some keystroke while the meeting is typed. What the
        # previous document left is collected first (here, where nobody is typing; at start-up there is none).
        gc.unfreeze()
        if rebuilt:
            gc.collect()
        gc.freeze()

    def _build_pages(self) -> None:
        current = self.sheet.current_row()
        earlier = [p for p in self.settings.recent_files() if p != self.document.path][:5]
        self.sheet.rebuild(self.document, earlier)
        preview = self.dock.rebuild(self.document)
        self.side.setCurrentRow(current)
        preview.refresh()
        self.finaliser.apply()  # a final meeting's new pages are read-only too
        install_notes(self)  # the quick notes: Ctrl+G, and their entry in the side bar

    def replace_document(self, meeting: Meeting, path: Path | None, modified: bool = False,
                         as_read: DiskState | None = None) -> None:
        self.autosaver.forget()
        document = MeetingDocument(meeting, path, self)
        if modified:
            document.undo_stack.resetClean()  # never clean until saved
        self._attach_document(document)
        self.files.track_file(path, as_read)
        if modified:
            self.autosaver.autosave()

    def _saved(self, path: Path) -> None:
        self.autosaver.saved(path)
        self.update_title()
        self.dialogs.record_in_directory()

    def go_to_page(self, number: int) -> None:
        self.sheet.go_to_page(number)

    def show_notes(self) -> None:
        show_notes(self)

    def update_title(self, *_args: object) -> None:
        name = self.document.path.name if self.document.path else (self.document.title_hint or _("Untitled"))
        final = final_label(self.document.meeting)
        self.setWindowTitle(f"{name}[*] — {final} — {APP_TITLE}" if final else f"{name}[*] — {APP_TITLE}")
        self.setWindowModified(self.document.is_modified)

    # -- undo and redo, where they act -------------------------------------------------------------
    def _name_history_steps(self, *_args: object) -> None:
        self.menus.name_history_steps(self.document.undo_stack)

    def step_history(self, back: bool) -> None:
        """Undo (or redo) one step, then show the page and field it changed."""
        step_history(self.document.undo_stack, back, lambda: self.document.meeting,
                     lambda finding: self.check_dock.go_to_finding(finding, offer=False))

    # -- commands the parts carry out --------------------------------------------------------------
    def new_file(self) -> None:
        if self.files.new_file():
            self.go_to_page(0)

    def new_from_previous(self) -> None:
        if self.files.new_from_previous():
            self.go_to_page(0)

    def follow_up_this(self) -> None:
        if self.files.follow_up_this():
            self.go_to_page(0)

    def open_path(self, path: Path, ask: bool = True) -> bool:
        return self.files.open_path(path, ask)

    def save(self) -> bool:
        return self.files.save()

    def save_to(self, path: Path) -> bool:
        return self.files.save_to(path)

    def autosave(self) -> None:
        self.autosaver.autosave()

    def confirm_export(self) -> bool:
        return self.check_dock.confirm_export()

    def export_as(self, kind: str, fmt: str, path: Path | None = None) -> None:
        if self.confirm_export():
            self.exporter.export_as(kind, fmt, path)

    def print_pdf(self) -> None:
        if self.confirm_export():
            self.exporter.print_pdf(self.dock.current_kind())

    def email(self) -> None:
        if self.confirm_export():
            self.exporter.email()

    def _exported(self, paths: list) -> None:
        if paths:
            self.statusBar().showMessage(_("Wrote {path}").format(path=paths[-1]), 10000)

    def insert_current_time(self) -> None:
        text = format_time_of_day(dt.datetime.now().time().replace(second=0, microsecond=0), self.document.language)
        if not insert_at_cursor(QApplication.focusWidget(), text):
            self.statusBar().showMessage(_("Put the cursor in a text field to insert the time."), 5000)

    def import_spreadsheet(self, path: Path | None = None) -> ImportDialog:
        return self.dialogs.import_spreadsheet(path)

    def open_tasks(self, folder: Path | None = None) -> TasksWindow:
        return self.dialogs.open_tasks(folder)

    def open_task(self, path: Path, place: TaskPlace) -> bool:
        return self.dialogs.open_task(path, place)

    def open_people_directory(self) -> QWidget:
        return self.dialogs.open_people_directory()

    def open_settings(self) -> None:
        if self.dialogs.settings_accepted():
            self.apply_settings()

    def apply_settings(self) -> None:
        self.autosaver.set_interval(self.settings.autosave_seconds)
        if self.settings.ui_language:
            set_ui_language(self.settings.ui_language)  # the listener rebuilds the texts
        if self.preview:
            self.preview.refresh()
        self.checks.run()  # the days off may have changed

    def _language_changed(self, language: str) -> None:
        install_qt_translations(language)  # Qt's own buttons and menus
        self._build_menus()
        self._attach_document(self.document)
        self.check_panel.retranslate()
        self.checks.run()  # the findings are sentences in the interface language

    # -- the window itself -------------------------------------------------------------------------
    def restoreState(self, state: QByteArray | bytes | bytearray | memoryview, version: int | None = 0) -> bool:  # noqa: N802
        self._docks_placed = True  # the widths the secretary dragged the preview to, last time
        return super().restoreState(state, version)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._docks_placed:
            # A third of a wide window (at least 430 px), so the preview's tables do not wrap word by word;
            # the separator drags it wider and the window remembers it.
            self._docks_placed = True
            QTimer.singleShot(0, lambda: self.resizeDocks([self.dock], [max(430, self.width() * 36 // 100)],
                                                          Qt.Orientation.Horizontal))

    def _fit_to_screen(self) -> None:
        """Open at a size that fits the screen, status bar included (a 1366×768 laptop opens maximised)."""
        screen = QApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else None
        if available is None or available.width() < 1400 or available.height() < 860:
            self.resize(min(1280, available.width() if available else 1280),
                        min(800, available.height() - 40 if available else 800))
            self.setWindowState(Qt.WindowState.WindowMaximized)
        else:
            self.resize(1280, 800)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.notes_page is not None:
            self.notes_page.apply_pending()  # the line typed just before: the question to save sees it
        if not self.files.maybe_save():
            event.ignore()
            return
        self.autosaver.close()
        self.dock.stop()
        self.check_dock.close_checks()
        self.files.release()
        remove_language_listener(self._language_changed)
        self.settings.save_window_state(self.saveGeometry(), self.saveState())
        event.accept()

    def window_icon(self) -> QIcon:
        return self.windowIcon()
