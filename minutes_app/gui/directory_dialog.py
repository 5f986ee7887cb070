"""The People directory dialog: everyone met in saved meetings, to correct, delete and merge.

Positions and organisations are edited in place and stored at once; names are sorted the Vietnamese way
(given name first). Merging keeps the most recently seen of the selected people.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..errors import MinutesError
from ..l10n.collation import person_sort_key, sort_key
from ..l10n.formatting import format_numeric_date
from ..l10n.i18n import gettext as _
from ..l10n.i18n import ngettext, ui_language
from ..storage.directory import PeopleDirectory, Person, name_key
from .labels import enum_label

NAME, GENDER, POSITION, ORGANIZATION, LAST_SEEN = range(5)
EDITABLE = {POSITION: "position", ORGANIZATION: "organization"}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class _Item(QTableWidgetItem):
    """A cell that sorts by the key stored under SORT_ROLE (Vietnamese order, dates as dates)."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return self.data(SORT_ROLE) < other.data(SORT_ROLE)


class PeopleDirectoryDialog(QDialog):
    """Lists the directory; ``changed`` is emitted after anything was stored, so completions reload."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, directory: PeopleDirectory | None = None):
        super().__init__(parent)
        self.directory = directory or PeopleDirectory()
        self.people: dict[int, Person] = {}
        self._filling = False
        self._first_fill = True
        self.setWindowTitle(_("People directory"))
        self.resize(900, 480)
        layout = QVBoxLayout(self)
        intro = QLabel(_("Everyone who attended a saved meeting. The most recent meeting gives the position and "
                         "organisation; correct them here, or merge two spellings of the same person."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Find a person by name…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        layout.addWidget(self.filter)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([_("Full name"), _("Gender"), _("Position"), _("Organisation"),
                                              _("Last seen")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.merge_button = QPushButton(_("&Merge the selected people"))
        self.merge_button.setToolTip(_("Keep the most recently seen of the selected people and remove the others."))
        self.merge_button.clicked.connect(self.merge_selected)
        self.delete_button = QPushButton(_("&Delete the selected people"))
        self.delete_button.clicked.connect(self.delete_selected)
        row.addWidget(self.merge_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.reload()

    # -- the table -----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Reads the directory again and fills the table, keeping the current sort order."""
        try:
            people = self.directory.all_people()
        except MinutesError as error:
            people = []
            self.status.setText(str(error))
        self.people = {p.id: p for p in people if p.id is not None}
        self._filling = True
        header = self.table.horizontalHeader()
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(people))
        language = ui_language()
        for row, person in enumerate(people):
            cells = [
                (person.name, person_sort_key(person.name)),
                (enum_label(person.gender), sort_key(enum_label(person.gender))),
                (person.position, sort_key(person.position)),
                (person.organization, sort_key(person.organization)),
                (format_numeric_date(person.last_seen, language),
                 person.last_seen.toordinal() if person.last_seen else 0),
            ]
            for column, (text, key) in enumerate(cells):
                item = _Item(text)
                item.setData(SORT_ROLE, key)
                item.setData(Qt.ItemDataRole.UserRole, person.id)
                if column not in EDITABLE:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                else:
                    item.setToolTip(text)  # long titles are elided in the column
                self.table.setItem(row, column, item)
        if self._first_fill:  # later fills keep the column and order the user chose
            header.setSortIndicator(NAME, Qt.SortOrder.AscendingOrder)
            self._first_fill = False
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        for column in (POSITION, ORGANIZATION):  # long titles would push "Last seen" out of sight
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 220))
        self._filling = False
        self._apply_filter(self.filter.text())
        self._update_buttons()
        if people or not self.status.text():
            self.status.setText(ngettext("{count} person in the directory.", "{count} people in the directory.",
                                         len(people)).format(count=len(people)))

    def _apply_filter(self, text: str) -> None:
        key = name_key(text)
        for row in range(self.table.rowCount()):
            item = self.table.item(row, NAME)
            self.table.setRowHidden(row, bool(key) and key not in name_key(item.text() if item else ""))

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        items = filter(None, (self.table.item(row, NAME) for row in rows))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items]

    def _update_buttons(self) -> None:
        count = len(self.selected_ids())
        self.merge_button.setEnabled(count >= 2)
        self.delete_button.setEnabled(count >= 1)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() not in EDITABLE:
            return
        person = self.people.get(item.data(Qt.ItemDataRole.UserRole))
        if person is None:
            return
        setattr(person, EDITABLE[item.column()], item.text().strip())
        self._store(lambda: self.directory.update(person))

    def _store(self, action: Callable[[], object]) -> bool:
        """Runs one change; on failure says why and shows the directory as it is on disk."""
        try:
            action()
        except MinutesError as error:
            QMessageBox.warning(self, _("People directory"), str(error))
            self.reload()
            return False
        self.changed.emit()
        return True

    # -- actions ---------------------------------------------------------------------------------------
    def delete_selected(self) -> bool:
        ids = self.selected_ids()
        if not ids:
            return False
        answer = QMessageBox.question(self, _("People directory"), ngettext(
            "Remove {count} person from the directory? The meetings themselves are not changed.",
            "Remove {count} people from the directory? The meetings themselves are not changed.",
            len(ids)).format(count=len(ids)))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        done = self._store(lambda: self.directory.delete(ids))
        self.reload()
        return done

    def merge_selected(self) -> bool:
        """Merges the selected rows into the most recently seen of them (asked first)."""
        ids = self.selected_ids()
        if len(ids) < 2:
            return False
        chosen = {i: self.people[i] for i in ids if i in self.people}
        keep = max(chosen, key=lambda i: (_day_number(chosen[i].last_seen), -i))
        others = [i for i in chosen if i != keep]
        answer = QMessageBox.question(self, _("People directory"), _(
            "Merge {others} into {name}? The most recent position and organisation are kept.").format(
                others=", ".join(chosen[i].name for i in others), name=chosen[keep].name))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        done = self._store(lambda: self.directory.merge(keep, others))
        self.reload()
        return done


def _day_number(day: dt.date | None) -> int:
    return day.toordinal() if day is not None else 0
