"""The Tasks window: every task of the meetings kept in one folder, overdue first, exported to DOCX or XLSX.

The folder is read in a worker thread (``collect_tasks``) and read again a moment after any meeting file
in it changes (a file-system watcher, debounced). Double-click or Enter on a row asks the editor to open
that meeting at the task through ``open_task``; the window itself never edits a meeting.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..export.task_list import export_task_list
from ..l10n.i18n import add_language_listener, ngettext, remove_language_listener, ui_language
from ..l10n.i18n import gettext as _
from ..model import TaskStatus
from ..storage.task_register import TaskPlace, TaskRegister, collect_tasks, meeting_files
from .exporting import slug
from .settings import AppSettings
from .task_register_model import (
    DEADLINE,
    FILTERS,
    GIVEN,
    STATUS,
    TASK,
    UNIT,
    TaskFilterProxy,
    TaskRegisterModel,
    filter_label,
)
from .workers import Worker, lasting_pool

RELOAD_DELAY_MS = 400  # editors save in bursts (temporary file, rename, .bak): read the folder once after them
EXPORT_FORMATS = ("docx", "xlsx")
FILE_PREFIX = "nhiem-vu"


@dataclass
class LoadedTasks:
    """What the worker hands back: the register and the files to watch."""

    generation: int
    register: TaskRegister
    files: list[Path] = field(default_factory=list)


def load_tasks(folder: Path, today: dt.date, generation: int = 0) -> LoadedTasks:
    """Read the folder's register (worker thread) and list the files to watch."""
    if not folder.is_dir():
        raise FileNotFoundError(_("The folder {folder} does not exist.").format(folder=folder))
    return LoadedTasks(generation, collect_tasks(folder, today), meeting_files(folder))


def export_tasks(register: TaskRegister, path: Path, language: str) -> Path:
    """Export the list (worker thread); the format follows the file's suffix."""
    export_task_list(register, path, language)
    return path


def unreadable_reason(path: Path, reason: str) -> str:
    """The reason without the path it starts with (the file name is already shown beside it)."""
    prefix = f"{path}: "
    return reason[len(prefix):] if reason.startswith(prefix) else reason


class _ElidedLabel(QLabel):
    """A one-line label that shortens a long path in the middle instead of widening the window."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(120)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideMiddle, self.contentsRect().width())
        painter.drawText(self.contentsRect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)


class _TaskTable(QTableView):
    """The list; Enter or Return on a row opens it (double-click is handled by the window)."""

    enter_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.enter_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class TasksWindow(QMainWindow):
    """Lists the tasks of a folder's meetings; ``open_task(file, place)`` asks the editor to show one."""

    open_task = Signal(object, object)  # (Path of the meeting file, TaskPlace)
    loaded = Signal()  # a reading of the folder has been shown (or failed)
    exported = Signal(object)  # the Path written
    export_failed = Signal(str)

    def __init__(self, folder: Path | None, settings: AppSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)  # a window of its own even with the editor as parent
        self.settings = settings
        self.folder = Path(folder) if folder is not None else (settings.tasks_folder or Path(settings.last_folder))
        self._today: dt.date | None = None
        self.generation = 0
        self.loading = False
        self.exporting = False
        self.load_error = ""
        self.pool = lasting_pool("tasks", 2)  # a reading and an export may overlap
        self.model = TaskRegisterModel(self)
        self.proxy = TaskFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._listening = False
        self._build()
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._folder_changed)
        self.watcher.fileChanged.connect(self._folder_changed)
        self.debounce = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self.debounce.timeout.connect(self.reload)
        saved = settings.tasks_filter
        self.filter_combo.setCurrentIndex(FILTERS.index(saved) if saved in FILTERS else 0)
        self.retranslate()
        self.resize(1240, 640)
        self.reload()

    # -- building --------------------------------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(self._folder_line())
        layout.addLayout(self._tools_line())
        status = QHBoxLayout()
        self.summary = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no known length: a moving bar while the folder is read
        self.busy.setMaximumWidth(160)
        self.busy.setTextVisible(False)
        self.busy.hide()
        status.addWidget(self.summary, 1)
        status.addWidget(self.busy)
        layout.addLayout(status)
        layout.addWidget(self._build_table(), 1)
        self.unreadable_label = QLabel()
        self.unreadable_label.setWordWrap(True)
        self.unreadable_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unreadable_label.hide()
        layout.addWidget(self.unreadable_label)
        self.setCentralWidget(central)
        find = QAction(self)
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.triggered.connect(lambda: self.search.setFocus(Qt.FocusReason.ShortcutFocusReason))
        refresh = QAction(self)
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.triggered.connect(self.reload)
        self.addActions([find, refresh])

    def _folder_line(self) -> QHBoxLayout:
        top = QHBoxLayout()
        self.folder_caption = QLabel()
        self.folder_label = _ElidedLabel()
        self.change_folder_button = QPushButton()
        self.change_folder_button.clicked.connect(self.choose_folder)
        top.addWidget(self.folder_caption)
        top.addWidget(self.folder_label, 1)
        top.addWidget(self.change_folder_button)
        return top

    def _tools_line(self) -> QHBoxLayout:
        """Filter, search, order, and what to do with the selected task."""
        tools = QHBoxLayout()
        self.filter_caption = QLabel()
        self.filter_combo = QComboBox()
        for name in FILTERS:
            self.filter_combo.addItem("", name)
        self.filter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter_combo.currentIndexChanged.connect(self._filter_changed)
        self.filter_caption.setBuddy(self.filter_combo)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search.textChanged.connect(self._search_changed)
        self.default_order_button = QPushButton()
        self.default_order_button.clicked.connect(self.default_order)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_current)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(lambda: self.export())
        tools.addWidget(self.filter_caption)
        tools.addWidget(self.filter_combo)
        tools.addWidget(self.search, 1)
        tools.addWidget(self.default_order_button)
        tools.addStretch(0)
        tools.addWidget(self.open_button)
        tools.addWidget(self.export_button)
        return tools

    def _build_table(self) -> QTableView:
        self.table = _TaskTable()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the register's own order until a header is clicked
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        for column, width in ((UNIT, 200), (TASK, 340), (GIVEN, 210)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._row_activated)
        self.table.enter_pressed.connect(self.open_current)
        self.table.selectionModel().currentRowChanged.connect(lambda *_args: self._update_buttons())
        return self.table

    def retranslate(self, _language: str = "") -> None:
        """Every text again, in the interface language now set."""
        self.setWindowTitle(_("Tasks — {folder}").format(folder=self.folder.name or str(self.folder)))
        self.folder_caption.setText(_("Folder:"))
        self.folder_label.setText(str(self.folder))
        self.folder_label.setToolTip(str(self.folder))
        self.change_folder_button.setText(_("Change folder…"))
        self.filter_caption.setText(_("&Show:"))
        for row, name in enumerate(FILTERS):
            self.filter_combo.setItemText(row, filter_label(name))
        self.search.setPlaceholderText(_("Find a task or unit…"))
        self.default_order_button.setText(_("Default order"))
        self.default_order_button.setToolTip(_("Overdue first, then by unit and deadline"))
        self.open_button.setText(_("&Open meeting"))
        self.open_button.setToolTip(_("Open the meeting that holds the selected task (or double-click the row)"))
        self.export_button.setText(_("&Export…"))
        self.export_button.setToolTip(_("Write the tasks shown to a Word (DOCX) or Excel (XLSX) file"))
        self.model.retranslate()
        self._update_summary()
        self._update_unreadable()
        self._fit_columns()

    # -- the folder ------------------------------------------------------------------------------------
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def set_today(self, day: dt.date | None) -> None:
        """The day statuses are measured against (tests and demonstrations); None is the real today."""
        self._today = day
        self.reload()

    def set_folder(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.settings.tasks_folder = self.folder
        self.model.set_register(None)
        self.retranslate()
        self.reload()

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, _("Folder of the meetings"), str(self.folder))
        if chosen:
            self.set_folder(Path(chosen))

    def reload(self) -> None:
        """Read the folder again in the background; an older reading still running is ignored when it ends."""
        self.debounce.stop()
        self.generation += 1
        self.loading = True
        self.busy.show()
        self._update_summary()
        self._update_buttons()
        worker = Worker(load_tasks, self.folder, self.today(), self.generation)
        worker.signals.finished.connect(self._loaded)
        generation = self.generation
        worker.signals.failed.connect(lambda message: self._load_failed(generation, message))
        self.pool.start(worker)

    def _loaded(self, result: Any) -> None:
        if not isinstance(result, LoadedTasks) or result.generation != self.generation:
            return
        current = self.current_entry()
        self.load_error = ""
        self.model.set_register(result.register)
        self._finish_loading(result.files)
        if current is not None:
            self._select_key(current.key)

    def _load_failed(self, generation: int, message: str) -> None:
        if generation != self.generation:
            return
        self.load_error = message
        self.model.set_register(None)
        self._finish_loading([])

    def _finish_loading(self, files: list[Path]) -> None:
        self.loading = False
        self.busy.hide()
        self._watch(files)
        self._fit_columns()
        self._update_summary()
        self._update_unreadable()
        self._update_buttons()
        self.loaded.emit()

    def _watch(self, files: list[Path]) -> None:
        """Watch the folder (files added, removed, renamed) and each meeting file (saved in place)."""
        watched = self.watcher.files() + self.watcher.directories()
        if watched:
            self.watcher.removePaths(watched)
        paths = [str(path) for path in files]
        if self.folder.is_dir():
            paths.append(str(self.folder))
        if paths:
            self.watcher.addPaths(paths)

    def _folder_changed(self, _path: str) -> None:
        self.debounce.start()

    # -- filtering, order, selection -------------------------------------------------------------------
    def _filter_changed(self, row: int) -> None:
        name = self.filter_combo.itemData(row) or FILTERS[0]
        self.proxy.set_status_filter(name)
        self.settings.tasks_filter = name
        self._update_summary()
        self._update_buttons()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_summary()
        self._update_buttons()

    def default_order(self) -> None:
        """Back to the register's order: overdue first, then by unit and deadline."""
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)

    def current_entry(self) -> Any:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.entry_at(index.row())

    def _select_key(self, key: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.entry_at(row).key == key:
                self.table.setCurrentIndex(self.proxy.index(row, TASK))
                return

    def _row_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.open_current()

    def open_current(self) -> bool:
        """Ask the editor to open the selected task's meeting at the task."""
        entry = self.current_entry()
        if entry is None:
            return False
        place: TaskPlace = entry.place
        self.open_task.emit(entry.file, place)
        return True

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.current_entry() is not None)
        self.export_button.setEnabled(not self.loading and not self.exporting and self.proxy.rowCount() > 0)

    def _fit_columns(self) -> None:
        for column in (STATUS, DEADLINE):
            self.table.resizeColumnToContents(column)

    # -- texts under and over the table ----------------------------------------------------------------
    def summary_text(self) -> str:
        register = self.model.register
        if register is None:
            return ""
        total = len(register.entries)
        if not register.meetings:
            return _("No meeting files in this folder.")
        if not total:
            return ngettext("No tasks in the {count} meeting of this folder.",
                            "No tasks in the {count} meetings of this folder.",
                            register.meetings).format(count=register.meetings)
        text = ngettext("{count} task: {overdue} overdue, {open} open, {done} done",
                        "{count} tasks: {overdue} overdue, {open} open, {done} done", total).format(
            count=total, overdue=register.count(TaskStatus.OVERDUE), open=register.count(TaskStatus.OPEN),
            done=register.count(TaskStatus.DONE))
        shown = self.proxy.rowCount()
        if shown != total:
            text = _("{summary} — {shown} shown").format(summary=text, shown=shown)
        return text

    def _update_summary(self) -> None:
        if self.loading:
            self.summary.setText(_("Reading the meetings…"))
        elif self.load_error:
            self.summary.setText(self.load_error)
        else:
            self.summary.setText(self.summary_text())

    def _update_unreadable(self) -> None:
        register = self.model.register
        problems = register.unreadable if register is not None else []
        if not problems:
            self.unreadable_label.hide()
            self.unreadable_label.clear()
            return
        files = "; ".join(f"{path.name} ({unreadable_reason(path, reason)})" for path, reason in problems)
        self.unreadable_label.setText(ngettext("{count} file could not be read: {files}",
                                               "{count} files could not be read: {files}",
                                               len(problems)).format(count=len(problems), files=files))
        self.unreadable_label.show()

    # -- export ----------------------------------------------------------------------------------------
    def export(self, path: Path | None = None) -> bool:
        """Ask where (unless ``path`` is given) and write the tasks shown, in their order, in the background."""
        register = self.model.register
        if register is None or self.loading or self.exporting:
            return False
        if path is None:
            name = f"{FILE_PREFIX}-{slug(self.folder.name or 'thu-muc', 40)}.docx"
            folder = Path(self.settings.last_folder)
            filters = ";;".join((_("Word document (*.docx)"), _("Excel workbook (*.xlsx)")))
            chosen, chosen_filter = QFileDialog.getSaveFileName(self, _("Export the task list"), str(folder / name),
                                                                filters)
            if not chosen:
                return False
            path = Path(chosen)
            if path.suffix.lower().lstrip(".") not in EXPORT_FORMATS:
                path = path.with_name(path.name + (".xlsx" if "xlsx" in chosen_filter else ".docx"))
            self.settings.last_folder = str(path.parent)
        shown = dataclasses.replace(register, entries=self.proxy.visible_entries(),
                                    unreadable=list(register.unreadable))
        self.exporting = True
        self._update_buttons()
        worker = Worker(export_tasks, shown, path, ui_language())
        worker.signals.finished.connect(self._export_done)
        worker.signals.failed.connect(lambda message: self._export_failed(path, message))
        self.pool.start(worker)
        return True

    def _export_done(self, path: Any) -> None:
        self.exporting = False
        self._update_buttons()
        self.exported.emit(path)
        QMessageBox.information(self, _("Export"), _("The task list was written to {path}.").format(path=path))

    def _export_failed(self, path: Path, message: str) -> None:
        self.exporting = False
        self._update_buttons()
        self.export_failed.emit(message)
        QMessageBox.warning(self, _("Export failed"), _("The task list could not be written to {name}: {problem}")
                            .format(name=path.name, problem=message))

    # -- window life -----------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if not self._listening:
            add_language_listener(self.retranslate)
            self._listening = True
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._listening:
            remove_language_listener(self.retranslate)
            self._listening = False
        self.debounce.stop()
        self.settings.tasks_folder = self.folder
        super().closeEvent(event)

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for the readings and exports still running (before the window goes away)."""
        return self.pool.waitForDone(msecs)
