"""The editor's pages: the side bar of titles and the stack of forms it switches between (``page_list``).

Only the page shown is built with the window (building all seven took a seventh of its start-up); the others
are built one at a time in idle moments from half a second after the window's first frame (a few ms each, so
typing is never held up), or at once when one is asked for: shown, or read through ``pages`` (the finaliser's
locking and the tests read it, and so always see every page built and in the stack).

A page built in idle time joins the stack only when it is first shown: in the stack, its minimum width would
count at once, and in a window narrower than the widest page (Results) the preview would be pushed aside a
moment after the window opened, with nobody asking."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStackedWidget, QWidget

from ..check.pages import Page as PageName
from ..check.pages import page_number
from .completion import Completions
from .document import MeetingDocument
from .icons import standard_icon
from .page_list import EDITOR_PAGES
from .pages import DirectivesPage, Page
from .workers import after_first_frame

if TYPE_CHECKING:
    from ..storage.task_register import TaskPlace
    from .table_view import EditableTableView


# The pages not shown are built from half a second after the first frame, when the first preview and check
# (workers holding the GIL, which made a page's 3-6 ms up to four times longer) are usually done; then one at a
# time with pauses between them, so that a key typed meanwhile waits for one page at most.
IDLE_START_MS = 500
IDLE_GAP_MS = 15


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
        self.stack.currentChanged.connect(self._landed)
        self._rebuilding = False
        self._slots: list[Page | QWidget] = []  # the stack's first widgets: a page, or a stand-in till it is shown
        self._ready: dict[int, Page] = {}  # built in idle time, not in the stack yet
        self._document: MeetingDocument | None = None
        self._builds = 0  # how many times the pages were (re)built: a pending idle build of older ones stops
        self.completions: Completions | None = None

    def rebuild(self, document: MeetingDocument, earlier: list[Path]) -> None:
        """New pages on ``document``; ``earlier`` are recent meetings whose names the completions offer.

        The side bar lists them all at once; the page shown is built now, the others when first needed."""
        self._rebuilding = True
        for slot in self._slots:
            self.stack.removeWidget(slot)
            slot.deleteLater()
        for page in self._ready.values():
            page.deleteLater()
        self._ready = {}
        self.side.clear()
        self.completions = Completions(document, earlier, self.stack)
        self._document = document
        self._builds += 1
        self._slots = []
        height = self.side.fontMetrics().height() + 18
        for number, entry in enumerate(EDITOR_PAGES):
            slot = QWidget()
            self._slots.append(slot)
            self.stack.insertWidget(number, slot)
            item = QListWidgetItem(standard_icon(entry.icon), entry.info.title())
            item.setSizeHint(QSize(0, height))
            self.side.addItem(item)
        widest = max(self.side.fontMetrics().horizontalAdvance(e.info.title()) for e in EDITOR_PAGES)
        self.side.setFixedWidth(widest + 64)
        self._rebuilding = False
        self._landed(self.stack.currentIndex())
        window = self.parent()
        assert isinstance(window, QWidget)
        builds = self._builds
        after_first_frame(window, self.stack, lambda: QTimer.singleShot(IDLE_START_MS, self.stack,
                                                                        lambda: self._build_next(builds)))

    @property
    def pages(self) -> list[Page]:
        """Every page, built (those not built yet are built now)."""
        return [self.page(number) for number in range(len(self._slots))]

    def is_built(self, number: int) -> bool:
        return number in self._ready or isinstance(self._slots[number], Page)

    def page(self, number: int) -> Page:
        """The page at ``number`` in the stack, in place of its stand-in (built now if it was not yet)."""
        slot = self._slots[number]
        if isinstance(slot, Page):
            return slot
        page = self._ready.pop(number) if number in self._ready else self._build(number)
        shown = self.stack.currentWidget() is slot
        self.stack.insertWidget(number, page)
        self._slots[number] = page
        self.stack.removeWidget(slot)
        slot.deleteLater()
        if shown:
            self.stack.setCurrentWidget(page)
        return page

    def _build(self, number: int) -> Page:
        assert self._document is not None and self.completions is not None
        page = EDITOR_PAGES[number].factory(self._document, self.completions)
        for table in page.tables:
            table.message.connect(self.message)
        return page

    def _build_next(self, builds: int) -> None:
        """One page not built yet, then the next one a little later: typing goes between them."""
        if builds != self._builds:
            return  # rebuilt since, around another document or in another language
        waiting = [n for n in range(len(self._slots)) if not self.is_built(n)]
        if waiting:
            self._ready[waiting[0]] = self._build(waiting[0])
        if len(waiting) > 1:
            QTimer.singleShot(IDLE_GAP_MS, self.stack, lambda: self._build_next(builds))

    def current_row(self) -> int:
        """The side bar's row, -1 while no page is current (the quick notes are shown: a rebuild stays on them)."""
        return self.side.currentRow()

    def _landed(self, index: int) -> None:
        """The stack fell on a stand-in by itself (the widget it showed was removed): show that row's page, or the
        first, instead of an empty page."""
        if self._rebuilding or not 0 <= index < len(self._slots) or self.stack.widget(index) is not self._slots[index]:
            return
        if not isinstance(self._slots[index], Page):
            number = max(0, self.side.currentRow())
            self._show_page(number)
            self.side.setCurrentRow(number)

    def _show_page(self, row: int) -> None:
        if 0 <= row < len(self._slots):
            self.stack.setCurrentWidget(self.page(row))

    def go_to_page(self, number: int) -> None:
        self.side.setCurrentRow(number)
        page = self.page(number)
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
            view = self.page(number).tables[0]
        else:
            number = page_number(PageName.DIRECTIVES)
            self.go_to_page(number)
            page = self.page(number)
            assert isinstance(page, DirectivesPage)
            page.tables[0].setCurrentIndex(page.tables[0].model().index(place.directive, 0))
            view = page.tasks_view
        index = view.model().index(place.index, 0)
        view.setCurrentIndex(index)
        view.scrollTo(index)
        view.setFocus(Qt.FocusReason.OtherFocusReason)
