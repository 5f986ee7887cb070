"""The main window: pages on the left, the preview on the right, files, exports and recovery.

The window owns one ``MeetingDocument`` at a time. Opening a file or switching the interface language
rebuilds the pages and the preview around it; the document (and its undo history) is kept across a
language switch.
"""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ..check.findings import PAGE_ORDER, page_title
from ..check.findings import Page as PageName
from ..errors import MinutesError
from ..export.registry import ExportOptions, kind_label
from ..l10n.formatting import format_moment, format_time_of_day
from ..l10n.i18n import add_language_listener, ngettext, remove_language_listener, set_ui_language, ui_language
from ..l10n.i18n import gettext as _
from ..model import Attendee, Meeting, starting
from ..storage import SUFFIX, ChangedOnDiskError, load_meeting, read_meeting, save_meeting
from ..storage.concurrency import REFRESH_EVERY, DiskState, acquire_lock, refresh_lock, release_lock
from ..storage.follow_links import anchor_follows, following
from ..storage.recovery import Recovery, discard_recovery, find_recoveries, new_session_id, write_recovery
from ..storage.task_register import TaskPlace
from .binding import REDO_KEYS, UNDO_KEYS, insert_at_cursor
from .check_panel import CheckPanel
from .checking import CheckResult, CheckRunner, field_for, page_number
from .completion import Completions
from .document import MeetingDocument
from .exporting import EXPORTS, ExportController
from .finalising import Finaliser, final_label
from .import_dialog import ImportDialog
from .locating import locate, rejected_message
from .message_bar import MessageBar
from .notes_page import install_notes_page
from .page_list import PAGE_FACTORIES
from .pages import Page
from .preview import PreviewPane
from .qt_translations import install_qt_translations
from .settings import AppSettings
from .settings_dialog import SettingsDialog
from .workers import Worker, lasting_pool

if TYPE_CHECKING:
    from .tasks_window import TasksWindow

APP_TITLE = "Thư Ký"
# Findings about a person missing from the attendees: activating one offers to add them.
OFFER_TO_ADD = ("speaker-not-attendee", "chair-not-attendee", "secretary-not-attendee")
FILE_FILTER_TEXT = "*" + SUFFIX
PREVIEW_KEYS = {"minutes": "Ctrl+Alt+1", "news": "Ctrl+Alt+2", "notice": "Ctrl+Alt+3"}


def new_meeting(settings: AppSettings, language: str = "vi") -> Meeting:
    """An empty meeting dated today, with the office's defaults from the settings."""
    return starting.new_meeting(language, defaults={name: settings.default(name) for name in starting.OFFICE_DEFAULTS})


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


class MainWindow(QMainWindow):
    def __init__(self, meeting: Meeting, path: Path | None = None, settings: AppSettings | None = None,
                 check_recovery: bool = True):
        super().__init__()
        self.settings = settings or AppSettings()
        self.session_id = new_session_id()
        self.document = MeetingDocument(meeting, path, self)
        self.pages: list[Page] = []
        self.autosaved_revision = 0
        self._rejected_seen: set[int] = set()  # typed text not taken, already said in the status bar
        self.autosave_pool = lasting_pool("autosave", 1)
        self._fit_to_screen()

        self.side = QListWidget()
        self.side.setObjectName("pageList")
        self.side.setIconSize(QSize(20, 20))
        self.side.setSpacing(2)
        self.stack = QStackedWidget()
        self.side.currentRowChanged.connect(self._show_page)
        self.recovery_bar = RecoveryBar()
        self.recovery_bar.restore_button.clicked.connect(self.restore_recovery)
        self.recovery_bar.discard_button.clicked.connect(self.discard_offered_recovery)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 6, 6, 0)
        outer.addWidget(self.recovery_bar)
        self.notice_bar = NoticeBar()
        outer.addWidget(self.notice_bar)
        row = QHBoxLayout()
        row.setSpacing(0)
        row.addWidget(self.side)
        row.addWidget(self.stack, 1)
        outer.addLayout(row, 1)
        self.setCentralWidget(central)

        self.dock = QDockWidget(self)
        self.dock.setObjectName("previewDock")
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                              | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.preview: PreviewPane | None = None
        self.tasks_window: TasksWindow | None = None  # made when first asked for (Ctrl+Shift+T)

        # The check before export, docked under the preview; it follows the document like the preview does.
        self.check_panel = CheckPanel()
        self.check_panel.findingActivated.connect(self.go_to_finding)
        self.check_dock = QDockWidget(self)
        self.check_dock.setObjectName("checkDock")
        self.check_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                    | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.check_dock.setWidget(self.check_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.check_dock)
        self.checks = CheckRunner(lambda: self.document, self)
        self.checks.checked.connect(self._show_checks)
        self.checks.problem.connect(self.show_problem)

        # The file on disk: what it was when opened or saved, and our lock beside it.
        self.disk_state: DiskState | None = None
        self.locked_path: Path | None = None
        self.lock_timer = QTimer(self)
        self.lock_timer.timeout.connect(self._refresh_lock)

        self.exporter = ExportController(self, self.document_snapshot, self.export_options, self.settings)
        self.exporter.finished.connect(self._exported)
        self.finaliser = Finaliser(self)
        self._create_actions()
        self._build_menus()

        self.autosave_timer = QTimer(self)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start(self.settings.autosave_seconds * 1000)

        self._attach_document(self.document)
        self._track_file(path)
        self.side.setCurrentRow(0)
        self.resizeDocks([self.dock], [430], Qt.Orientation.Horizontal)
        self.resizeDocks([self.dock, self.check_dock], [470, 300], Qt.Orientation.Vertical)
        self._docks_placed = False  # the preview's share of the width is set once, when first shown
        add_language_listener(self._language_changed)
        if check_recovery:
            self.recovery_bar.offer(next(iter(find_recoveries(self.session_id)), None))

    # -- actions and menus -------------------------------------------------------------------------
    def _create_actions(self) -> None:
        style = QApplication.style()
        icon = style.standardIcon
        sp = QStyle.StandardPixmap
        self.actions: dict[str, QAction] = {}

        def add(name: str, slot: object, keys: QKeySequence | str | None = None, pixmap: object = None) -> QAction:
            action = QAction(self)
            if isinstance(keys, QKeySequence.StandardKey):
                action.setShortcuts(keys)  # all of the platform's keys (Redo is Ctrl+Y and Ctrl+Shift+Z)
            elif keys is not None:
                action.setShortcut(QKeySequence(keys))
            if pixmap is not None:
                action.setIcon(icon(pixmap))
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions[name] = action
            return action

        add("new", self.new_file, QKeySequence.StandardKey.New, sp.SP_FileIcon)
        add("new_from_previous", self.new_from_previous, "Ctrl+Shift+N")
        add("follow_up_this", self.follow_up_this)
        add("tasks", lambda: self.open_tasks(), "Ctrl+Shift+T")
        add("open", self.open_file, QKeySequence.StandardKey.Open, sp.SP_DialogOpenButton)
        add("save", self.save, QKeySequence.StandardKey.Save, sp.SP_DialogSaveButton)
        add("import_sheet", lambda: self.import_spreadsheet(), "Ctrl+I")
        add("save_as", self.save_as, QKeySequence.StandardKey.SaveAs)
        add("quit", self.close, QKeySequence.StandardKey.Quit)
        for name, back, pixmap, keys in (("undo", True, sp.SP_ArrowBack, UNDO_KEYS),
                                         ("redo", False, sp.SP_ArrowForward, REDO_KEYS)):
            add(name, lambda _checked=False, b=back: self.step_history(back=b), None, pixmap).setShortcuts(
                [QKeySequence(k) for k in keys])
        add("insert_time", self.insert_current_time, "Ctrl+T")
        add("settings", self.open_settings, "Ctrl+,")
        add("people_directory", self.open_people_directory)
        add("open_folder", self.exporter.open_folder, None, sp.SP_DirOpenIcon)
        add("print", self.print_pdf, QKeySequence.StandardKey.Print)
        add("print_preview", self.print_preview, "Ctrl+Shift+P")
        add("email", self.email, "Ctrl+Shift+E")
        add("toggle_preview", lambda: self.dock.setVisible(not self.dock.isVisible()), "F8")
        add("next_preview", self.next_preview, "F7")
        for kind, keys in PREVIEW_KEYS.items():
            add(f"preview_{kind}", lambda _checked=False, k=kind: self.show_preview(k), keys)
        add("toggle_checks", self.toggle_checks, "F9", sp.SP_MessageBoxWarning)
        add("run_checks", self.show_checks, "Shift+F9")
        add("next_page", lambda: self.side.setCurrentRow((self.side.currentRow() + 1) % self.side.count()),
            "Ctrl+PgDown")
        add("previous_page", lambda: self.side.setCurrentRow((self.side.currentRow() - 1) % self.side.count()),
            "Ctrl+PgUp")
        add("about", self.about)
        add("finalise", lambda: self.finaliser.finalise())
        add("reopen", lambda: self.finaliser.reopen())
        for number in range(len(PAGE_FACTORIES)):
            add(f"page{number}", lambda _checked=False, n=number: self.go_to_page(n), f"Ctrl+{number + 1}")
        for kind, fmt in EXPORTS:
            add(f"export_{kind}_{fmt}", lambda _checked=False, k=kind, f=fmt: self.export_as(k, f),
                "Ctrl+E" if (kind, fmt) == ("minutes", "docx") else None,
                sp.SP_DialogSaveButton if fmt == "docx" else None)

    def _retranslate_actions(self) -> None:
        texts = {
            "new": _("&New"), "new_from_previous": _("New from previo&us meeting…"),
            "follow_up_this": _("New meeting following t&his one"), "tasks": _("Tas&ks of the folder…"),
            "open": _("&Open…"),
            "save": _("&Save"), "save_as": _("Save &As…"),
            "import_sheet": _("&Import from spreadsheet…"), "quit": _("&Quit"), "undo": _("&Undo"),
            "redo": _("&Redo"), "insert_time": _("Insert the current &time"), "settings": _("Settin&gs…"),
            "people_directory": _("&People directory…"),
            "open_folder": _("Open containing fo&lder"), "print": _("&Print (through PDF)…"),
            "print_preview": _("Print the pre&view…"), "email": _("E&mail…"),
            "toggle_preview": _("Show or hide the &preview"), "next_page": _("Next page"),
            "next_preview": _("Preview the ne&xt document"), "preview_minutes": _("Preview the &minutes"),
            "preview_news": _("Preview the news &article"), "preview_notice": _("Preview the notice of c&onclusions"),
            "toggle_checks": _("Show or hide the &check before export"), "run_checks": _("Check the meeting &now"),
            "previous_page": _("Previous page"), "about": _("&About Thư Ký"),
            "finalise": _("&Finalise…"), "reopen": _("Reopen for e&diting…"),
        }
        for name, text in texts.items():
            self.actions[name].setText(text)
        self._name_history_steps()
        for kind, fmt in EXPORTS:
            label = kind_label(kind)
            self.actions[f"export_{kind}_{fmt}"].setText(_("{kind} as {fmt}…").format(
                kind=label[:1].upper() + label[1:], fmt=fmt.upper()))
        for number, title in enumerate(self.page_titles()):
            self.actions[f"page{number}"].setText(title.replace("&", "&&"))  # "Directives & tasks" is no mnemonic

    @staticmethod
    def page_titles() -> list[str]:
        return [page_title(page) for page in PAGE_ORDER]

    def _build_menus(self) -> None:
        self._retranslate_actions()
        bar = self.menuBar()
        for old in bar.findChildren(QMenu):
            old.deleteLater()  # clear() only detaches the menus of the previous language
        bar.clear()
        a = self.actions
        menu = bar.addMenu(_("&File"))
        for name in ("new", "new_from_previous", "follow_up_this", "open"):
            menu.addAction(a[name])
        self.recent_menu = menu.addMenu(_("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        menu.addSeparator()
        menu.addAction(a["save"])
        menu.addAction(a["save_as"])
        menu.addSeparator()
        menu.addAction(a["import_sheet"])
        export_menu = menu.addMenu(_("&Export"))
        for kind, fmt in EXPORTS:
            export_menu.addAction(a[f"export_{kind}_{fmt}"])
        menu.addAction(a["open_folder"])
        menu.addAction(a["email"])
        menu.addAction(a["print"])
        menu.addAction(a["print_preview"])
        menu.addSeparator()
        menu.addAction(a["finalise"])
        menu.addAction(a["reopen"])
        menu.addSeparator()
        menu.addAction(a["quit"])
        menu = bar.addMenu(_("&Edit"))
        for name in ("undo", "redo", "insert_time"):
            menu.addAction(a[name])
        menu.addSeparator()
        menu.addAction(a["people_directory"])
        menu.addAction(a["settings"])
        menu = bar.addMenu(_("&View"))
        for number in range(len(PAGE_FACTORIES)):
            menu.addAction(a[f"page{number}"])
        menu.addSeparator()
        menu.addAction(a["next_page"])
        menu.addAction(a["previous_page"])
        menu.addAction(a["toggle_preview"])
        for name in ("next_preview", "preview_minutes", "preview_news", "preview_notice"):
            menu.addAction(a[name])
        menu.addAction(a["toggle_checks"])
        menu.addAction(a["run_checks"])
        menu.addSeparator()
        menu.addAction(a["tasks"])
        menu = bar.addMenu(_("&Help"))
        menu.addAction(a["about"])
        self.dock.setWindowTitle(_("Preview"))
        self.check_dock.setWindowTitle(_("Check before export"))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        for number, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number} {path.name}")
            action.setToolTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not recent:
            self.recent_menu.addAction(_("No recent files")).setEnabled(False)

    # -- the document ------------------------------------------------------------------------------
    def _attach_document(self, document: MeetingDocument) -> None:
        """Build the pages and the preview around ``document`` (a new file, or a language switch)."""
        old = self.document
        if old is not document:
            old.deleteLater()  # its connections go with it
        self.document = document
        self.autosaved_revision = document.revision
        if getattr(document, "_window_connected", False) is False:
            document.undo_stack.cleanChanged.connect(self.update_title)
            document.undo_stack.canUndoChanged.connect(self.actions["undo"].setEnabled)
            document.undo_stack.canRedoChanged.connect(self.actions["redo"].setEnabled)
            document.undo_stack.undoTextChanged.connect(self._name_history_steps)
            document.undo_stack.redoTextChanged.connect(self._name_history_steps)
            document.changed.connect(self.checks.schedule)
            document.rejectedChanged.connect(self._rejected_changed)
            document._window_connected = True  # type: ignore[attr-defined]
        self.actions["undo"].setEnabled(document.undo_stack.canUndo())
        self.actions["redo"].setEnabled(document.undo_stack.canRedo())
        self._name_history_steps()
        self._build_pages()
        self.update_title()
        self.checks.schedule()
        # The meeting and the widgets live until the next document: out of the cyclic collector's full passes,
        # which otherwise walk them all (tens of ms) at some keystroke while the meeting is typed. What the
        # previous document left is collected first (here, where nobody is typing).
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def _build_pages(self) -> None:
        current = max(0, self.side.currentRow())
        kind = self.preview.current_kind() if self.preview else "minutes"
        for page in self.pages:
            self.stack.removeWidget(page)
            page.deleteLater()
        self.side.clear()
        earlier = [p for p in self.settings.recent_files() if p != self.document.path][:5]
        self.completions = Completions(self.document, earlier, self.stack)
        icons = (QStyle.StandardPixmap.SP_FileDialogInfoView, QStyle.StandardPixmap.SP_DirHomeIcon,
                 QStyle.StandardPixmap.SP_FileDialogDetailedView, QStyle.StandardPixmap.SP_BrowserReload,
                 QStyle.StandardPixmap.SP_MessageBoxInformation,
                 QStyle.StandardPixmap.SP_DialogApplyButton, QStyle.StandardPixmap.SP_DialogOkButton)
        self.pages = []
        for factory, pixmap in zip(PAGE_FACTORIES, icons, strict=True):
            page = factory(self.document, self.completions)
            for table in page.tables:
                table.message.connect(self.show_problem)
            self.pages.append(page)
            self.stack.addWidget(page)
            item = QListWidgetItem(QApplication.style().standardIcon(pixmap), page.title)
            item.setSizeHint(QSize(0, self.side.fontMetrics().height() + 18))
            self.side.addItem(item)
        widest = max(self.side.fontMetrics().horizontalAdvance(p.title) for p in self.pages)
        self.side.setFixedWidth(widest + 64)
        old_preview = self.preview
        self.preview = PreviewPane(self.document, self.export_options)
        self.preview.set_kind(kind)
        self.dock.setWidget(self.preview)
        if old_preview is not None:
            old_preview.deleteLater()
        self.side.setCurrentRow(current)
        self.preview.refresh()
        self.finaliser.apply()  # a final meeting's new pages are read-only too
        install_notes_page(self)  # the quick notes: Ctrl+G, and their entry in the side bar

    def _show_page(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.stack.setCurrentIndex(row)

    def go_to_page(self, number: int) -> None:
        self.side.setCurrentRow(number)
        page = self.pages[number]
        if page.first_field is not None:
            page.first_field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def update_title(self, *_args: object) -> None:
        name = self.document.path.name if self.document.path else (self.document.title_hint or _("Untitled"))
        final = final_label(self.document.meeting)
        self.setWindowTitle(f"{name}[*] — {final} — {APP_TITLE}" if final else f"{name}[*] — {APP_TITLE}")
        self.setWindowModified(self.document.is_modified)

    # -- undo and redo, where they act -------------------------------------------------------------
    def _name_history_steps(self, *_args: object) -> None:
        """"Undo: edit Chair" — the Edit menu names the step Undo and Redo would take."""
        stack = self.document.undo_stack
        for name, step, plain, named in (
                ("undo", stack.undoText(), _("&Undo"), _("&Undo: {step}")),
                ("redo", stack.redoText(), _("&Redo"), _("&Redo: {step}"))):
            step = step[:1].lower() + step[1:] if step[:1].isupper() and step[1:2].islower() else step
            self.actions[name].setText(named.format(step=step.replace("&", "&&")) if step else plain)

    def step_history(self, back: bool) -> None:
        """Undo (or redo) one step, then show the page and field it changed."""
        stack = self.document.undo_stack
        position = stack.index() - 1 if back else stack.index()
        if not 0 <= position < stack.count():
            return
        command = stack.command(position)
        stack.undo() if back else stack.redo()
        self.show_where(command)

    def show_where(self, command: object) -> None:
        while command is not None and not hasattr(command, "location") and command.childCount():  # type: ignore[attr-defined]
            command = command.child(0)  # type: ignore[attr-defined]  # a macro: where its first step acts
        location = getattr(command, "location", None)
        if location is None:
            return
        target, attr = location()
        finding = locate(self.document.meeting, target, attr)
        if finding is not None:
            self.go_to_finding(finding, offer=False)

    def _rejected_changed(self) -> None:
        if self.checks.latest is not None:
            self.checks.republish()
        entries = list(self.document.rejected.values())
        seen, self._rejected_seen = self._rejected_seen, {id(e) for e in entries}
        fresh = [entry for entry in entries if id(entry) not in seen]
        if fresh:  # a new one (not one corrected): said in the status bar too
            self.show_problem(rejected_message(fresh[-1]))

    # -- the preview -------------------------------------------------------------------------------
    def show_preview(self, kind: str) -> None:
        self.dock.show()
        if self.preview is not None:
            self.preview.set_kind(kind)

    def next_preview(self) -> None:
        kinds = list(PREVIEW_KEYS)
        current = self.preview.current_kind() if self.preview is not None else kinds[-1]
        self.show_preview(kinds[(kinds.index(current) + 1) % len(kinds)] if current in kinds else kinds[0])

    def restoreState(self, state: object, version: int = 0) -> bool:  # noqa: N802
        self._docks_placed = True  # the widths the secretary dragged the preview to, last time
        return super().restoreState(state, version)  # type: ignore[arg-type]

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
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

    def document_snapshot(self) -> Meeting:
        return self.document.snapshot()

    def export_options(self) -> ExportOptions:
        return ExportOptions(reference_doc=self.settings.reference_doc, templates_dir=self.settings.templates_dir,
                             intervention_times=self.settings.intervention_times)

    def show_problem(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    # -- files -------------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is fine to drop the current document (saved, discarded, or nothing to save)."""
        if not self.document.is_modified:
            return True
        name = self.document.path.name if self.document.path else _("Untitled")
        answer = QMessageBox.question(
            self, APP_TITLE, _("Save the changes to {name} before closing it?").format(name=name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def replace_document(self, meeting: Meeting, path: Path | None, modified: bool = False) -> None:
        discard_recovery(self.session_id)
        document = MeetingDocument(meeting, path, self)
        if modified:
            document.undo_stack.resetClean()  # never clean until saved
        self._attach_document(document)
        self._track_file(path)
        if modified:
            self.autosave()

    def new_file(self) -> None:
        if self.maybe_save():
            self.replace_document(new_meeting(self.settings, self.document.language), None)
            self.go_to_page(0)

    def _ask_open_path(self, title: str) -> Path | None:
        chosen, _filter = QFileDialog.getOpenFileName(self, title, self.settings.last_folder,
                                                      _("Meetings ({pattern})").format(pattern=FILE_FILTER_TEXT))
        if not chosen:
            return None
        self.settings.last_folder = str(Path(chosen).parent)
        return Path(chosen)

    def new_from_previous(self) -> None:
        if not self.maybe_save():
            return
        path = self._ask_open_path(_("Choose the previous meeting"))
        if path is None:
            return
        try:
            previous = load_meeting(path)
        except (MinutesError, OSError) as error:
            self._refuse_open(path, error)
            return
        self.replace_document(following(previous, path, None, dt.date.today()), None, modified=True)
        self.go_to_page(0)

    def follow_up_this(self) -> None:
        """Start the next meeting from this one (saved first), its open tasks carried into Follow-up."""
        if self.document.path is None or self.document.is_modified:
            QMessageBox.information(self, APP_TITLE, _("Save this meeting first: the next one names its file."))
            if not self.save():
                return
        path = self.document.path
        assert path is not None
        self.replace_document(following(self.document.snapshot(), path, None, dt.date.today()), None, modified=True)
        self.go_to_page(0)

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
        self.replace_document(meeting, path)
        self.disk_state = as_read  # the bytes the meeting came from, not the file read again a moment later
        self.settings.add_recent_file(path)
        return True

    def _refuse_open(self, path: Path, error: Exception) -> None:
        """The file and the problem, in one line (the path once); the meeting being edited stays as it was."""
        if path.suffix.lower() != ".json":
            text = _("{file} is not a meeting file of Thư Ký (*{suffix}).").format(file=path.name, suffix=SUFFIX)
        else:
            problem = str(error).removeprefix(f"{path}: ").removeprefix(f"{path.name}: ")
            text = _("{file} cannot be opened: {problem}").format(file=path.name, problem=problem)
        QMessageBox.warning(self, _("Cannot open the meeting"), text + "\n\n" + _(
            "The meeting you are editing has not been changed."))

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        from .exporting import slug

        start = self.document.path or Path(self.settings.last_folder) / (
            slug(self.document.meeting.meeting.title) + SUFFIX)
        chosen, _filter = QFileDialog.getSaveFileName(self, _("Save the meeting as"), str(start),
                                                      _("Meetings ({pattern})").format(pattern=FILE_FILTER_TEXT))
        if not chosen:
            return False
        path = Path(chosen)
        if not path.name.endswith(SUFFIX):
            path = path.with_name(path.stem + SUFFIX) if path.suffix == ".json" else path.with_name(path.name + SUFFIX)
        self.settings.last_folder = str(path.parent)
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        anchor_follows(self.document.meeting, self.document.path, path)
        # Someone else wrote the file since it was read or saved: checked at the moment of writing.
        check = {"expected": self.disk_state} if path == self.document.path else {}
        try:
            written = save_meeting(self.document.meeting, path, **check)
        except ChangedOnDiskError:
            return self._save_changed_on_disk(path)
        except MinutesError as error:
            QMessageBox.warning(self, APP_TITLE, str(error))
            return False
        if path != self.document.path:
            self._track_file(path)
        self.disk_state = written
        self.document.path = path
        self.document.undo_stack.setClean()
        self.settings.add_recent_file(path)
        discard_recovery(self.session_id)
        self.autosaved_revision = self.document.revision
        self.update_title()
        self.statusBar().showMessage(_("Saved {path}").format(path=path), 5000)
        self.record_in_directory()
        return True

    def _save_changed_on_disk(self, path: Path) -> bool:
        """Someone else wrote the file since we opened or saved it: offer Save As rather than overwrite their work."""
        box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, _(
            "{file} was changed on disk by someone else (another copy of Thư Ký or a colleague) since you opened or "
            "saved it. Saving now would overwrite their changes.").format(file=path),
            QMessageBox.StandardButton.NoButton, self)
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
    def _track_file(self, path: Path | None) -> None:
        """Remember the file as it is on disk and hold its lock; let go of the previous file's lock."""
        self.disk_state = DiskState.of(path) if path is not None else None
        if self.locked_path is not None and self.locked_path != path:
            release_lock(self.locked_path)
            self.locked_path = None
            self.lock_timer.stop()
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
            self.statusBar().showMessage(text, 15000)
            return
        self.locked_path = path
        self.lock_timer.start(REFRESH_EVERY * 1000)

    def _refresh_lock(self) -> None:
        if self.locked_path is not None:
            refresh_lock(self.locked_path)

    # -- the check before export -------------------------------------------------------------------
    def toggle_checks(self) -> None:
        self.check_dock.setVisible(not self.check_dock.isVisible())
        if self.check_dock.isVisible():
            self.checks.run()

    def show_checks(self) -> None:
        self.check_dock.show()
        self.check_dock.raise_()
        self.checks.run()

    def _show_checks(self, result: CheckResult) -> None:
        self.check_panel.set_findings(result.findings)
        self.check_panel.set_notice_due_date(result.due)

    def go_to_finding(self, finding: object, offer: bool = True) -> None:
        """Open the finding's page, select its row and column, focus the field; offer to add a missing attendee."""
        number = page_number(finding)  # type: ignore[arg-type]
        self.side.setCurrentRow(number)
        widget = field_for(self.pages[number], self.document, finding)  # type: ignore[arg-type]
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            # Again once the double-click is over: the tree takes the focus back on the mouse release.
            QTimer.singleShot(0, widget, lambda: widget.setFocus(Qt.FocusReason.OtherFocusReason))
        person = getattr(finding, "person", "")
        if offer and person and getattr(finding, "rule", "") in OFFER_TO_ADD:
            self.offer_attendee(person)

    def offer_attendee(self, name: str) -> bool:
        answer = QMessageBox.question(self, APP_TITLE, _(
            "{name} spoke at the meeting but is not in the list of attendees. Add them as an attendee?").format(
                name=name), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        attendees = self.document.meeting.attendees
        self.document.insert_items(attendees, len(attendees), [Attendee(name=name)],
                                   _("Add {name} to the attendees").format(name=name))
        self.checks.run()
        return True

    def confirm_export(self) -> bool:
        """True when the meeting is clean or the user chose to export anyway; No shows the findings."""
        findings = self.checks.run_now().findings
        if not findings:
            return True
        count = len(findings)
        answer = QMessageBox.question(self, _("Check before export"), ngettext(
            "The check found {count} thing to correct before the document is signed. Export anyway?",
            "The check found {count} things to correct before the document is signed. Export anyway?",
            count).format(count=count), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            return True
        self.check_dock.show()
        self.check_dock.raise_()
        return False

    def export_as(self, kind: str, fmt: str, path: Path | None = None) -> None:
        if self.confirm_export():
            self.exporter.export_as(kind, fmt, path)

    def print_pdf(self) -> None:
        if self.confirm_export():
            self.exporter.print_pdf(self.preview.current_kind() if self.preview else "minutes")

    def email(self) -> None:
        if self.confirm_export():
            self.exporter.email()

    # -- autosave and recovery ---------------------------------------------------------------------
    def autosave(self) -> None:
        """Write the recovery file in a worker thread if anything changed since the last time."""
        if self.document.revision == self.autosaved_revision:
            return
        self.autosaved_revision = self.document.revision
        if not self.document.is_modified:
            discard_recovery(self.session_id)
            return
        worker = Worker(write_recovery, self.session_id, self.document.snapshot(), self.document.path)
        worker.signals.failed.connect(self.show_problem)
        self.autosave_pool.start(worker)

    def set_autosave_interval(self, seconds: int) -> None:
        self.autosave_timer.start(max(1, seconds) * 1000)

    def restore_recovery(self) -> None:
        recovery = self.recovery_bar.recovery
        if recovery is None:
            return
        try:
            meeting = recovery.load()
        except (MinutesError, OSError, ValueError) as error:
            QMessageBox.warning(self, APP_TITLE, str(error))
            return
        if self.document.is_modified and not self.maybe_save():
            return
        self.replace_document(meeting, recovery.source, modified=True)
        self.autosave_pool.waitForDone(5000)  # our own copy exists before the old one goes
        recovery.discard()
        self.recovery_bar.offer(next(iter(find_recoveries(self.session_id)), None))
        self.statusBar().showMessage(_("The recovered work is open; save it to keep it."), 10000)

    def discard_offered_recovery(self) -> None:
        if self.recovery_bar.recovery is not None:
            self.recovery_bar.recovery.discard()
        self.recovery_bar.offer(next(iter(find_recoveries(self.session_id)), None))

    # -- editing helpers ---------------------------------------------------------------------------
    def insert_current_time(self) -> None:
        text = format_time_of_day(dt.datetime.now().time().replace(second=0, microsecond=0), self.document.language)
        if not insert_at_cursor(QApplication.focusWidget(), text):
            self.statusBar().showMessage(_("Put the cursor in a text field to insert the time."), 5000)

    def print_preview(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and self.preview is not None:
            self.preview.view.print_(printer)

    def _exported(self, paths: list) -> None:
        if paths:
            self.statusBar().showMessage(_("Wrote {path}").format(path=paths[-1]), 10000)

    def import_spreadsheet(self, path: Path | None = None) -> ImportDialog:
        """Open the import dialog (window-modal) on ``path``, or let the user choose the file."""
        if getattr(self, "import_dialog", None) is not None:
            self.import_dialog.deleteLater()  # the previous one, kept until now for whoever looked at it
        dialog = self.import_dialog = ImportDialog(self.document, self, self.settings.last_folder)
        dialog.accepted.connect(lambda: self.go_to_page(1 if dialog.result and dialog.result.kind == "attendees"
                                                        else 2))
        dialog.open()
        if path is not None:
            dialog.load(path)
        else:
            dialog.choose_file()
        return dialog

    def record_in_directory(self) -> Worker:
        """Adds the saved meeting's attendees to the people directory, in a worker; a failure never undoes the save."""
        from ..storage.directory import record_meeting

        worker = Worker(record_meeting, self.document_snapshot())
        worker.signals.finished.connect(lambda _count: self.completions.reload_directory())
        worker.signals.failed.connect(self.show_problem)
        QThreadPool.globalInstance().start(worker)
        return worker

    def open_tasks(self, folder: Path | None = None) -> TasksWindow:
        """The Tasks window (one per editor) over the folder of this meeting, else the one it showed last."""
        from .tasks_window import TasksWindow  # here: it brings the DOCX writer, not needed at start-up

        if folder is None and self.document.path is not None:
            folder = self.document.path.parent
        if self.tasks_window is None:
            self.tasks_window = TasksWindow(folder, self.settings, self)
            self.tasks_window.open_task.connect(self.open_task)
        elif folder is not None and Path(folder) != self.tasks_window.folder:
            self.tasks_window.set_folder(folder)
        self.tasks_window.show()
        self.tasks_window.raise_()
        self.tasks_window.activateWindow()
        return self.tasks_window

    def open_task(self, path: Path, place: TaskPlace) -> bool:
        """Show a task of the Tasks window in the editor: open its meeting if needed, select its row."""
        showing = self.document.path is not None and Path(path).resolve() == self.document.path.resolve()
        if not showing and not self.open_path(Path(path)):
            return False
        self.activateWindow()
        self.raise_()
        if place.directive is None:
            number = PAGE_ORDER.index(PageName.FOLLOW_UP)
            self.go_to_page(number)
            view = self.pages[number].tables[0]
        else:
            number = PAGE_ORDER.index(PageName.DIRECTIVES)
            self.go_to_page(number)
            page = self.pages[number]
            page.tables[0].setCurrentIndex(page.tables[0].model().index(place.directive, 0))
            view = page.tasks_view  # type: ignore[attr-defined]
        index = view.model().index(place.index, 0)
        view.setCurrentIndex(index)
        view.scrollTo(index)
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def open_people_directory(self) -> QDialog:
        """The People directory dialog (window-modal); edits there reach the completions at once."""
        from .directory_dialog import PeopleDirectoryDialog

        dialog = PeopleDirectoryDialog(self)
        dialog.changed.connect(lambda: self.completions.reload_directory())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_settings()

    def apply_settings(self) -> None:
        self.set_autosave_interval(self.settings.autosave_seconds)
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

    def about(self) -> None:
        QMessageBox.about(self, _("About Thư Ký"), _("Thư Ký writes the minutes, the news article and the notice "
                                                     "of conclusions of a meeting."))

    # -- closing -----------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.maybe_save():
            event.ignore()
            return
        self.autosave_timer.stop()
        self.autosave_pool.waitForDone(5000)
        if self.preview is not None:
            self.preview.timer.stop()  # no refresh may start after this wait
            self.preview.pool.waitForDone(5000)
        self.checks.timer.stop()
        self.checks.wait(5000)
        self.lock_timer.stop()
        if self.locked_path is not None:
            release_lock(self.locked_path)
            self.locked_path = None
        discard_recovery(self.session_id)
        remove_language_listener(self._language_changed)
        self.settings.save_window_state(self.saveGeometry(), self.saveState())
        event.accept()

    def window_icon(self) -> QIcon:
        return self.windowIcon()
