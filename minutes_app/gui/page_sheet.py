"""The editor's pages: the side bar of titles and the stack of forms it switches between (``page_list``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtWidgets import QApplication, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from ..check.pages import Page as PageName
from ..check.pages import page_number
from ..storage.task_register import TaskPlace
from .completion import Completions
from .document import MeetingDocument
from .page_list import EDITOR_PAGES
from .pages import DirectivesPage, Page
from .table_view import EditableTableView


class PageSheet(QObject):
    """The side bar and the page stack; the pages are rebuilt around each document (and language)."""

    message = Signal(str)  # a table's word for the status bar (a paste that did not fit…)

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.side = QListWidget()
        self.side.setObjectName("pageList")
        self.side.setIconSize(QSize(20, 20))
        self.side.setSpacing(2)
        self.stack = QStackedWidget()
        self.side.currentRowChanged.connect(self._show_page)
        self.pages: list[Page] = []
        self.completions: Completions | None = None

    def rebuild(self, document: MeetingDocument, earlier: list[Path]) -> None:
        """New pages on ``document``; ``earlier`` are recent meetings whose names the completions offer."""
        for page in self.pages:
            self.stack.removeWidget(page)
            page.deleteLater()
        self.side.clear()
        self.completions = Completions(document, earlier, self.stack)
        self.pages = []
        style = QApplication.style()
        for entry in EDITOR_PAGES:
            page = entry.factory(document, self.completions)
            for table in page.tables:
                table.message.connect(self.message)
            self.pages.append(page)
            self.stack.addWidget(page)
            item = QListWidgetItem(style.standardIcon(entry.icon), page.title)
            item.setSizeHint(QSize(0, self.side.fontMetrics().height() + 18))
            self.side.addItem(item)
        widest = max(self.side.fontMetrics().horizontalAdvance(p.title) for p in self.pages)
        self.side.setFixedWidth(widest + 64)

    def current_row(self) -> int:
        return max(0, self.side.currentRow())

    def _show_page(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.stack.setCurrentIndex(row)

    def go_to_page(self, number: int) -> None:
        self.side.setCurrentRow(number)
        page = self.pages[number]
        if page.first_field is not None:
            page.first_field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def step(self, by: int) -> None:
        """The next (1) or previous (-1) page, round the list."""
        self.side.setCurrentRow((self.side.currentRow() + by) % self.side.count())

    def show_task(self, place: TaskPlace) -> None:
        """Select a task: a carried one on Follow-up, else in its directive's tasks; the focus goes to it."""
        view: EditableTableView
        if place.directive is None:
            number = page_number(PageName.FOLLOW_UP)
            self.go_to_page(number)
            view = self.pages[number].tables[0]
        else:
            number = page_number(PageName.DIRECTIVES)
            self.go_to_page(number)
            page = self.pages[number]
            assert isinstance(page, DirectivesPage)
            page.tables[0].setCurrentIndex(page.tables[0].model().index(place.directive, 0))
            view = page.tasks_view
        index = view.model().index(place.index, 0)
        view.setCurrentIndex(index)
        view.scrollTo(index)
        view.setFocus(Qt.FocusReason.OtherFocusReason)
