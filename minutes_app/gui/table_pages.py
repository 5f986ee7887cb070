"""The editor's pages of tables: Attendees, Results, Discussion, Directives & tasks (``page_list``).

Imported when the first of them is built, after the window's first frame: the window opens on the General page,
and the table models, views and delegates were a twentieth of its start-up."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QSplitter, QVBoxLayout, QWidget

from ..check.pages import Page as PageName
from ..check.pages import page_title
from ..l10n.i18n import gettext as _
from ..model import Task
from .binding import FieldBinding
from .completion import Completions
from .document import MeetingDocument
from .guests_check import GuestsToCheckBar
from .pages import DetailPage, DirectivesPage, FormBuilder, Page, derived_placeholder, edit_text, lines_edit
from .table_models import (
    ListTableModel,
    attendee_model,
    directive_model,
    discussion_model,
    indicator_model,
    task_model,
)
from .table_view import EditableTableView


def table_page(page: Page, view: EditableTableView, model: ListTableModel) -> EditableTableView:
    view.setModel(model)
    page.tables.append(view)
    if page.first_field is None:
        page.first_field = view
    return view


def attendees_page(document: MeetingDocument, completions: Completions) -> Page:
    page = Page(page_title(PageName.ATTENDEES), _(
        "Enter on the last row adds a person; Ctrl+Ins inserts, Ctrl+Del deletes, "
        "Alt+Up and Alt+Down move a row, Space ticks Present; Ctrl+V pastes rows copied "
        "from a spreadsheet."))
    view = table_page(page, EditableTableView(completions), attendee_model(document, page))
    page.body.addWidget(view)
    page.body.addWidget(GuestsToCheckBar(document, view, page))  # guests the quick notes added, to check
    return page


def results_page(document: MeetingDocument, completions: Completions) -> Page:
    page = Page(page_title(PageName.RESULTS), _(
        "Type figures as the document writes them (31.597 or 101,2 in Vietnamese); the "
        "plan percentage and the status are computed."))
    build = FormBuilder(page, document, completions)
    results = document.meeting.results
    top = QWidget()
    top_layout = QHBoxLayout(top)
    top_layout.setContentsMargins(0, 0, 0, 0)
    form = build.form(_("Overview"))
    build.add(form, _("Summary:"), lines_edit(2), results, "summary")
    counts = QWidget()
    count_row = QHBoxLayout(counts)
    count_row.setContentsMargins(0, 0, 0, 0)
    met, total = QSpinBox(), QSpinBox()
    for box, attr, label in ((met, "targets_met", _("Targets met")), (total, "targets_total", _("Targets in plan"))):
        box.setMaximum(999)
        page.bindings.append(FieldBinding(document, box, results, attr, edit_text(label)))
    count_row.addWidget(met)
    count_row.addWidget(QLabel(_("of")))
    count_row.addWidget(total)
    count_row.addWidget(QLabel(_("targets met (empty: counted from the table)")))
    count_row.addStretch(1)
    form.addRow(_("Targets met:"), counts)
    period = build.add(form, _("Period reviewed:"), QLineEdit(), results, "period")
    info = document.meeting.meeting
    from ..model.period import guess_period  # (its patterns load with the page that shows the guess)

    derived_placeholder(document, period, lambda: guess_period(info.title, info.date, document.language),
                         guessed=True)
    top_layout.addWidget(build.last_group())
    page.body.addWidget(top)
    page.first_field = None

    splitter = QSplitter(Qt.Orientation.Vertical)
    view = table_page(page, EditableTableView(completions), indicator_model(document, page))
    splitter.addWidget(view)
    lists = QWidget()
    lists_layout = QHBoxLayout(lists)
    lists_layout.setContentsMargins(0, 0, 0, 0)
    form = build.form(_("Highlights (one a line)"))
    build.add(form, "", lines_edit(4), results, "highlights")
    lists_layout.addWidget(build.last_group())
    form = build.form(_("Shortcomings and difficulties (one a line)"))
    build.add(form, "", lines_edit(4), results, "shortcomings")
    lists_layout.addWidget(build.last_group())
    splitter.addWidget(lists)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 1)
    page.body.addWidget(splitter, 1)
    page.first_field = view
    return page


class DetailEditor:
    """A content editor that follows the current row of a master table."""

    def __init__(self, page: Page, document: MeetingDocument, view: EditableTableView, attr: str, label: str,
                 on_target: Callable[[Any], None] | None = None):
        self.view, self.on_target = view, on_target
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        self.editor.setPlaceholderText(_("Select a row above, then type here. Ctrl+T inserts the current time."))
        self.binding = FieldBinding(document, self.editor, None, attr, edit_text(label))
        page.bindings.append(self.binding)
        model = view.table_model()
        view.selectionModel().currentRowChanged.connect(self.follow)
        for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.modelReset):
            signal.connect(self.follow)
        if model.rowCount() and not view.currentIndex().isValid():
            view.setCurrentIndex(model.index(0, 0))  # the box shows the first row's text at once
        self.follow()

    def follow(self, *_args: object) -> None:
        items = self.view.table_model().items
        row = self.view.current_row()
        target = items[row] if 0 <= row < len(items) else None
        if target is not self.binding.target:
            self.binding.set_target(target)
            if self.on_target:
                self.on_target(target)


def _labelled(text: str, widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    label = QLabel(text)
    label.setBuddy(widget)
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box


def discussion_page(document: MeetingDocument, completions: Completions) -> DetailPage:
    page = DetailPage(page_title(PageName.DISCUSSION), _(
        "One row per contribution: who spoke and on what; what they said goes in the "
        "box below. Tab moves between the table and the box."))
    splitter = QSplitter(Qt.Orientation.Vertical)
    view = table_page(page, EditableTableView(completions), discussion_model(document, page))
    splitter.addWidget(view)
    detail = DetailEditor(page, document, view, "content", _("Content"))
    splitter.addWidget(_labelled(_("What the selected speaker said:"), detail.editor))
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 2)
    page.body.addWidget(splitter, 1)
    page.detail = detail
    return page


def directives_page(document: MeetingDocument, completions: Completions) -> DirectivesPage:
    page = DirectivesPage(page_title(PageName.DIRECTIVES), _(
        "One row per leader who gave directions; the box holds what they said and "
        "the table below the tasks they assigned, with units and deadlines."))
    splitter = QSplitter(Qt.Orientation.Vertical)
    top = QSplitter(Qt.Orientation.Horizontal)
    view = table_page(page, EditableTableView(completions), directive_model(document, page))
    top.addWidget(view)
    tasks_view = EditableTableView(completions)
    empty: list[Task] = []
    tasks = task_model(document, empty, page)
    tasks_view.setModel(tasks)
    page.tables.append(tasks_view)

    def show_tasks(directive: Any) -> None:
        tasks.set_items(directive.tasks if directive is not None else empty)
        tasks_view.setEnabled(directive is not None)

    detail = DetailEditor(page, document, view, "content", _("Directive"), show_tasks)
    top.addWidget(_labelled(_("What the selected leader directed:"), detail.editor))
    top.setStretchFactor(0, 2)
    top.setStretchFactor(1, 3)
    splitter.addWidget(top)
    splitter.addWidget(_labelled(_("Tasks assigned by the selected leader:"), tasks_view))
    page.body.addWidget(splitter, 1)
    page.detail = detail
    page.tasks_view = tasks_view
    return page
