"""Import indicators or attendees from a spreadsheet: choose the file, map its columns, preview, confirm.

Nothing changes in the meeting until the user presses Import; the import is then one undo step (one
insert command on the document), so the open tables follow it and Undo takes it back whole.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..importing import (
    ATTENDEES,
    FIELDS,
    INDICATORS,
    ImportFileError,
    ImportResult,
    plan_import,
    read_sheet,
    save_last_mapping,
    target_list,
)
from ..l10n.formatting import format_number
from ..l10n.i18n import gettext as _
from ..l10n.i18n import ngettext
from .document import MeetingDocument
from .labels import enum_label
from .table_models import attendee_columns, indicator_columns


def field_titles(kind: str) -> dict[str, str]:
    """The interface name of each field, the same as the column headers of the form's tables."""
    columns = indicator_columns() if kind == INDICATORS else attendee_columns()
    titles = {column.attr: column.title() for column in columns}
    return {name: titles.get(name, name) for name in FIELDS[kind]}


def _cell_text(value: Any, language: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, (int, float)):
        return format_number(value, language)
    if isinstance(value, Enum):
        return enum_label(value)
    return str(value)


class ImportDialog(QDialog):
    """The preview of an import; ``load(path)`` reads a file, ``import_rows()`` adds the good rows."""

    def __init__(self, document: MeetingDocument, parent: QWidget | None = None, folder: str = ""):
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.document = document
        self.folder = folder
        self.path: Path | None = None
        self.kind: str | None = None  # None: guessed from the headers
        self.overrides: dict[str, str] = {}  # header → field ("" ignores the column), chosen here
        self.reading: ImportResult | None = None  # what the sheet was read as
        self.imported = 0
        self.setWindowTitle(_("Import from a spreadsheet"))
        self.resize(1060, 640)
        top = self._file_line()
        middle = self._tables()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(_("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.import_rows)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(middle, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    def _file_line(self) -> QHBoxLayout:
        """The file chosen, and what it lists."""
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(_("Choose an .xlsx or .csv file"))
        self.choose_button = QPushButton(_("&Choose…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(_("Indicators (figures of the results)"), INDICATORS)
        self.kind_combo.addItem(_("Attendees"), ATTENDEES)
        self.kind_combo.currentIndexChanged.connect(self._kind_chosen)

        top = QHBoxLayout()
        top.addWidget(QLabel(_("Spreadsheet:")))
        top.addWidget(self.path_edit, 1)
        top.addWidget(self.choose_button)
        top.addSpacing(16)
        top.addWidget(QLabel(_("It lists:")))
        top.addWidget(self.kind_combo)
        return top

    def _tables(self) -> QSplitter:
        """The columns of the sheet (left) and, on the right, the rows that will be imported and those refused."""
        self.mapping_table = QTableWidget(0, 2)
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.mapping_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.combos: dict[str, QComboBox] = {}
        self.preview_table = QTableWidget(0, 0)
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.verticalHeader().hide()
        self.errors_list = QListWidget()
        self.errors_list.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        columns_box = QGroupBox(_("Columns of the spreadsheet"))
        QVBoxLayout(columns_box).addWidget(self.mapping_table)
        preview_box = QGroupBox(_("Rows that will be imported"))
        QVBoxLayout(preview_box).addWidget(self.preview_table)
        self.errors_box = QGroupBox(_("Refused rows"))
        QVBoxLayout(self.errors_box).addWidget(self.errors_list)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(preview_box)
        right.addWidget(self.errors_box)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        middle = QSplitter(Qt.Orientation.Horizontal)
        middle.addWidget(columns_box)
        middle.addWidget(right)
        middle.setStretchFactor(0, 1)
        middle.setStretchFactor(1, 3)
        middle.setSizes([330, 730])
        return middle

    # -- choosing ----------------------------------------------------------------------------------
    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Choose the spreadsheet"), self.folder,
            _("Spreadsheets ({patterns})").format(patterns="*.xlsx *.csv"))
        if chosen:
            self.folder = str(Path(chosen).parent)
            self.load(Path(chosen))

    def load(self, path: Path) -> None:
        """Read ``path`` afresh: the kind is guessed again and the choices made here are forgotten."""
        self.path = Path(path)
        self.path_edit.setText(str(self.path))
        self.kind, self.overrides = None, {}
        self.refresh()

    def _kind_chosen(self, _index: int) -> None:
        kind = self.kind_combo.currentData()
        if self.path is None or kind == (self.reading.kind if self.reading else None):
            return
        self.kind, self.overrides = kind, {}  # the other kind has other fields
        self.refresh()

    def set_field(self, header: str, field: str) -> None:
        """Map the column ``header`` to ``field`` ("" ignores it) and read the sheet again."""
        self.overrides[header] = field
        self.refresh()

    # -- reading -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the sheet with the current choices; parsing a few hundred rows takes a few milliseconds."""
        if self.path is None:
            return
        try:
            self.reading = read_sheet(self.path, kind=self.kind, mapping=self.overrides,
                                     locale=self.document.language)
        except ImportFileError as error:
            self.reading = None
            self._show_failure(str(error))
            return
        result = self.reading
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(result.kind))
        self.kind_combo.blockSignals(False)
        self._fill_mapping(result)
        self._fill_preview(result)
        self._fill_errors(result)
        self.import_button.setEnabled(bool(result.rows))
        self.summary.setText(self._summary(result, len(plan_import(self.document.meeting, result).updates)))

    def _show_failure(self, message: str) -> None:
        self.mapping_table.setRowCount(0)
        self.combos.clear()
        self.preview_table.setRowCount(0)
        self.preview_table.setColumnCount(0)
        self.errors_list.clear()
        self.import_button.setEnabled(False)
        self.summary.setText(message)

    def _fill_mapping(self, result: ImportResult) -> None:
        titles = field_titles(result.kind)
        headers = [header for header in result.headers if header]
        if list(self.combos) != headers or self.mapping_table.property("kind") != result.kind:
            self.mapping_table.setHorizontalHeaderLabels([_("Column"), _("Field")])
            self.mapping_table.setRowCount(len(headers))
            self.mapping_table.setProperty("kind", result.kind)
            self.combos = {}
            for row, header in enumerate(headers):
                item = QTableWidgetItem(header)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.mapping_table.setItem(row, 0, item)
                combo = QComboBox()
                combo.addItem(_("(ignore)"), "")
                for name, title in titles.items():
                    combo.addItem(title, name)
                combo.currentIndexChanged.connect(
                    lambda _index, h=header, c=combo: self.set_field(h, c.currentData()))
                self.mapping_table.setCellWidget(row, 1, combo)
                self.combos[header] = combo
            self.mapping_table.resizeColumnToContents(1)
        for header, combo in self.combos.items():  # the guess may have moved a field from another column
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(result.mapping.get(header, ""))))
            combo.blockSignals(False)

    def _fill_preview(self, result: ImportResult) -> None:
        # Only what the sheet gives: the mapped columns, and the sector taken from group headings ("I. Kinh tế").
        given = set(result.mapping.values()) | ({"sector"} if any(getattr(item, "sector", "") for item in
                                                                    result.items) else set())
        titles = {name: title for name, title in field_titles(result.kind).items() if name in given}
        language = self.document.language
        table = self.preview_table
        table.setColumnCount(len(titles) + 1)
        table.setHorizontalHeaderLabels([_("Row")] + list(titles.values()))
        table.setRowCount(len(result.rows))
        for row, imported in enumerate(result.rows):
            cells = [str(imported.row)] + [_cell_text(getattr(imported.item, name), language) for name in titles]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0 or isinstance(getattr(imported.item, list(titles)[column - 1], None), (int, float)):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        for column in range(table.columnCount()):
            table.setColumnWidth(column, min(table.columnWidth(column), 260))

    def _fill_errors(self, result: ImportResult) -> None:
        self.errors_list.clear()
        self.errors_list.addItems([str(error) for error in result.errors])
        self.errors_box.setVisible(bool(result.errors))

    @staticmethod
    def _summary(result: ImportResult, updates: int) -> str:
        good = len(result.rows)
        text = ngettext("{count} row will be imported.", "{count} rows will be imported.", good).format(count=good)
        if updates:
            text += " " + ngettext("{count} of them fills in a row of the same name already in the meeting.",
                                   "{count} of them fill in rows of the same name already in the meeting.",
                                   updates).format(count=updates)
        refused = len({error.row for error in result.errors})
        if refused:
            text += " " + ngettext("{count} row is refused and will be left out.",
                                   "{count} rows are refused and will be left out.", refused).format(count=refused)
        return text

    # -- importing ---------------------------------------------------------------------------------
    def confirm_partial(self, good: int, refused: int) -> bool:
        """Ask before importing only the good rows of a sheet with refused rows."""
        question = ngettext("{refused} row of the spreadsheet is refused (see the list).",
                            "{refused} rows of the spreadsheet are refused (see the list).", refused).format(
            refused=refused) + " " + ngettext("Import only the {good} good row?",
                                               "Import only the {good} good rows?", good).format(good=good)
        answer = QMessageBox.question(self, _("Import from a spreadsheet"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def import_rows(self) -> None:
        """Fill in and add the good rows as one undo step, remember the mapping, close."""
        result = self.reading
        if result is None or not result.rows:
            return
        refused = len({error.row for error in result.errors})
        if refused and not self.confirm_partial(len(result.rows), refused):
            return
        meeting = self.document.meeting
        plan = plan_import(meeting, result)
        target = target_list(meeting, result.kind)
        count = plan.changes
        file_name = self.path.name if self.path else ""
        if result.kind == INDICATORS:
            text = ngettext("Import {count} indicator from {file}", "Import {count} indicators from {file}", count)
        else:
            text = ngettext("Import {count} attendee from {file}", "Import {count} attendees from {file}", count)
        with self.document.macro(text.format(count=count, file=file_name)):  # one undo step
            for record, values in plan.updates:
                for name, value in values.items():
                    self.document.set_field(record, name, value, merge=False)
            if plan.additions:
                self.document.insert_items(target, len(target), plan.additions, "")
        save_last_mapping(result.kind, result.mapping)
        self.imported = count
        self.accept()
