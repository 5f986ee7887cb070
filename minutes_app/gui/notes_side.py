"""The quick notes in the window: the page in the page area, and the "Ghi nhanh" entry of the side bar —
first while the meeting is running, last otherwise (Ctrl+G is the window's Quick notes command).

The window's page list (``window.side``) maps its rows to the pages one to one (the check panel, the
Ctrl+1… actions and the findings all count on it), so the quick notes get a one-row list of their own,
drawn as part of the same column: above the page list while the meeting is running (``meeting_running``),
below it otherwise. Selecting one list clears the other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
)

from ..l10n.i18n import gettext as _
from ..notes.running import meeting_running
from .icons import standard_icon
from .workers import after_first_frame

if TYPE_CHECKING:
    from .notes_page import NotesPage

RECHECK_MS = 60_000  # the clock moves: whether the meeting is running is asked again every minute
# The notes page is not built with the window (its parser and its widgets were a twentieth of start-up): it is
# built at the first Ctrl+G or click on its entry, or in an idle moment after the other pages (page_sheet).
IDLE_BUILD_MS = 700


def _fit_height(pages: QListWidget) -> int:
    """The height that shows every row of a list without scrolling."""
    rows = sum(pages.sizeHintForRow(row) for row in range(pages.count()))
    return rows + pages.spacing() * (2 * pages.count() + 1) + 2 * pages.frameWidth()


class PageColumn(QFrame):
    """The side bar's column: the page list and the quick notes entry, framed as one list."""

    chosen = Signal()  # the quick notes' entry was clicked or activated

    def __init__(self, pages: QListWidget):
        super().__init__()
        self.setObjectName("pageColumn")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Sunken)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.pages = pages
        self.now = dt.datetime.now  # tests pin the clock
        self.last_typed: dt.datetime | None = None
        self.entry = QListWidget()
        self.entry.setObjectName("quickNotesEntry")
        for widget in (self.pages, self.entry):
            widget.setFrameShape(QFrame.Shape.NoFrame)
            widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entry.setIconSize(pages.iconSize())
        self.entry.setSpacing(pages.spacing())
        self.entry.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entry.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entry.addItem(QListWidgetItem(standard_icon("FileIcon"), ""))
        self.entry.itemPressed.connect(lambda _item: self.chosen.emit())
        self.entry.itemActivated.connect(lambda _item: self.chosen.emit())
        self.pages.currentRowChanged.connect(self._page_chosen)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(0)
        self.column.addWidget(pages)
        self.column.addStretch(1)  # the entry goes above the page list or below it
        pages.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.running = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self.place(self.running_now()))
        self.timer.start(RECHECK_MS)
        self.running_now: Callable[[], bool] = lambda: False

    def _page_chosen(self, row: int) -> None:
        if row >= 0:
            self.entry.setCurrentRow(-1)

    def retranslate(self, height: int) -> None:
        item = self.entry.item(0)
        item.setText(_("Quick notes"))
        item.setToolTip(_("Type as people speak (Ctrl+G)"))
        item.setSizeHint(QSize(0, height))
        self.entry.setFixedHeight(_fit_height(self.entry))
        self.pages.setFixedHeight(_fit_height(self.pages))
        self.entry.setFixedWidth(self.pages.maximumWidth())

    def place(self, running: bool) -> None:
        """The entry above the pages while the meeting is running, below them otherwise."""
        if self.column.indexOf(self.entry) >= 0 and running == self.running:
            return
        self.running = running
        self.column.removeWidget(self.entry)
        self.column.insertWidget(0 if running else 1, self.entry)

    def typed(self) -> None:
        """Notes were just typed: the meeting is running, whatever its header says."""
        self.last_typed = self.now()
        if not self.running:
            self.place(True)

    def select_entry(self) -> None:
        # No page of the list is current: clicking any one goes back to it. Through the view's own
        # setCurrentIndex, so that the list knows "none" was chosen: else, given the focus while the notes are
        # being shown (the page that had it is hidden), it makes its first row current, shows the General page
        # in the middle of the switch, and leaves it drawn under the notes.
        self.pages.setCurrentIndex(QModelIndex())
        self.entry.setCurrentRow(0)


def place_notes_entry(window: Any) -> PageColumn:
    """Name the entry in the interface's language and put it where the meeting's clock says."""
    column: PageColumn = window.page_column
    document = window.document

    def running() -> bool:
        return meeting_running(document.meeting.meeting, document.meeting.notes, column.now(), column.last_typed)

    column.running_now = running
    height = window.side.sizeHintForRow(0) if window.side.count() else window.side.fontMetrics().height() + 18
    column.retranslate(height)
    column.place(running())
    return column


def install_notes(window: Any) -> None:
    """Give the window's document its quick notes: the entry in the side bar (first while the meeting is running)
    now, the page itself when first shown (its Quick notes command, Ctrl+G, or its entry) or in an idle moment.

    Called whenever the window (re)builds its pages: a new document, a language switch."""
    old: NotesPage | None = getattr(window, "notes_page", None)
    was_shown = old is not None and window.stack.currentWidget() is old
    if old is not None:
        old.apply_pending()
        window.stack.removeWidget(old)
        old.deleteLater()
    window.notes_page = None
    place_notes_entry(window)
    if was_shown:  # a language switch rebuilds the pages: stay on the notes
        show_notes(window)
    else:
        after_first_frame(window, window.stack, lambda: QTimer.singleShot(
            IDLE_BUILD_MS, window.stack, lambda: notes_page_of(window)))


def notes_page_of(window: Any) -> NotesPage:
    """The notes page on the window's document, built now if it is not yet."""
    if window.notes_page is not None:
        return window.notes_page
    from .notes_page import NotesPage

    page = NotesPage(window.document)
    after_first_frame(window, page, page.read_directory)  # a worker: not while the window opens
    window.stack.addWidget(page)
    window.notes_page = page
    if window.document.read_only:
        page.editor.setReadOnly(True)
    page.editor.typed.connect(window.page_column.typed)
    return page


def show_notes(window: Any) -> None:
    """Show the notes page, the cursor at the end of the notes, ready to type."""
    page = notes_page_of(window)
    window.page_column.select_entry()
    window.stack.setCurrentWidget(page)
    page.editor.ready_for_a_new_note()
    page.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)
