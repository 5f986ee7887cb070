"""The editor's pages: General, Attendees, Results, Discussion, Directives & tasks, Closing (``page_list``).

Pages hold layout only; the bindings and table models carry the logic. They are rebuilt, not
retranslated, when the interface language changes (the document and its history survive).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..check.field_labels import field_label
from ..check.pages import Page as PageName
from ..check.pages import page_title
from ..l10n.agency import derived_code, prose_name
from ..l10n.i18n import gettext as _
from ..model import Language, MeetingKind, Signing, Task
from .binding import DateLineEdit, FieldBinding, TimeLineEdit
from .completion import Completions
from .document import MeetingDocument
from .guests_check import GuestsToCheckBar
from .table_models import (
    ListTableModel,
    attendee_model,
    directive_model,
    discussion_model,
    indicator_model,
    task_model,
)
from .table_view import EditableTableView

FieldWidget = TypeVar("FieldWidget", bound=QWidget)


def edit_text(field: str) -> Callable[[], str]:
    """The undo step's name for an edit of ``field``: "Edit Chair" (in the language of the moment)."""
    return lambda: _("Edit {field}").format(field=field)


class Page(QWidget):
    """A page with a heading and a line of help; ``first_field`` gets the focus when it is opened."""

    def __init__(self, title: str, hint: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.first_field: QWidget | None = None
        self.tables: list[EditableTableView] = []
        self.bindings: list[FieldBinding] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 14, 18, 12)
        outer.setSpacing(8)
        heading = QLabel(title)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        heading.setFont(font)
        outer.addWidget(heading)
        help_line = QLabel(hint)
        help_line.setWordWrap(True)
        help_line.setForegroundRole(help_line.foregroundRole())
        help_line.setStyleSheet("color: palette(placeholder-text);")
        outer.addWidget(help_line)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        outer.addLayout(self.body, 1)


class DetailPage(Page):
    """A page whose main table has a text box below it for the selected row (``detail``)."""

    detail: DetailEditor


class DirectivesPage(DetailPage):
    """The directives page: its second table holds the tasks of the selected directive."""

    tasks_view: EditableTableView


class FormBuilder:
    """Adds labelled, bound fields to a QFormLayout in one line each."""

    def __init__(self, page: Page, document: MeetingDocument, completions: Completions):
        self.page, self.document, self.completions = page, document, completions

    def form(self, title: str) -> QFormLayout:
        group = QGroupBox(title)
        layout = QFormLayout(group)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.setHorizontalSpacing(14)
        layout.setVerticalSpacing(8)
        self._group = group
        return layout

    def last_group(self) -> QGroupBox:
        return self._group

    def add(self, layout: QFormLayout, label: str, widget: FieldWidget, target: Any, attr: str,
            enum: type[Enum] | None = None, completes: str = "", placeholder: str = "") -> FieldWidget:
        if isinstance(widget, (QLineEdit, QPlainTextEdit)) and placeholder:
            widget.setPlaceholderText(placeholder)
        if isinstance(widget, QLineEdit) and completes:
            self.completions.attach(widget, completes)
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)
        binding = FieldBinding(self.document, widget, target, attr, edit_text(label.rstrip(":")), enum)
        self.page.bindings.append(binding)
        if label:
            layout.addRow(label, widget)
        else:
            layout.addRow(widget)
        if self.page.first_field is None:
            self.page.first_field = widget
        return widget


def align_labels(page: QWidget) -> None:
    """One label column for every group of a page: the fields of all its groups start at the same x."""
    labels: list[QWidget] = []
    for layout in page.findChildren(QFormLayout):
        for row in range(layout.rowCount()):
            item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if label is not None:
                labels.append(label)
    widest = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(widest)
        if isinstance(label, QLabel):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _lines_edit(rows: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * rows + 14)
    return edit


def _form_column(page: Page) -> QVBoxLayout:
    """The page's scrolling column of form groups: one column fits beside the preview in both languages."""
    content = QWidget()
    column = QVBoxLayout(content)
    column.setContentsMargins(0, 0, 8, 0)
    column.setSpacing(12)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(content)
    page.body.addWidget(area)
    return column


def _time_edit() -> TimeLineEdit:
    edit = TimeLineEdit()
    # Never narrower than "00:00" and its frame: a warning bar above the page must not clip the times.
    edit.setMinimumWidth(min(edit.maximumWidth(), edit.fontMetrics().horizontalAdvance("00:00") + 12))
    return edit


def general_page(document: MeetingDocument, completions: Completions) -> Page:
    page = Page(page_title(PageName.GENERAL), _(
        "The letterhead, when and where the meeting takes place, who chairs it and who "
        "takes the minutes."))
    column = _form_column(page)
    build = FormBuilder(page, document, completions)
    meeting, header = document.meeting.meeting, document.meeting.header

    form = build.form(_("Meeting"))
    build.add(form, _("Title:"), QLineEdit(), meeting, "title",
              placeholder=_("e.g. Conference reviewing the socio-economic situation of 2020"))
    build.add(form, _("Kind:"), QComboBox(), meeting, "kind", MeetingKind)
    build.add(form, _("Document language:"), QComboBox(), document.meeting, "language", Language)
    times = QWidget()
    row = QHBoxLayout(times)
    row.setContentsMargins(0, 0, 0, 0)
    date, start, end = DateLineEdit(), _time_edit(), _time_edit()
    for widget, attr in ((date, "date"), (start, "start"), (end, "end")):
        label = field_label("meeting", attr)
        page.bindings.append(FieldBinding(document, widget, meeting, attr, edit_text(label), field_name=label))
    row.addWidget(date)
    row.addSpacing(10)
    row.addWidget(QLabel(_("from")))
    row.addWidget(start)
    row.addWidget(QLabel(_("to")))
    row.addWidget(end)
    row.addStretch(1)
    form.addRow(_("Date and time:"), times)
    build.add(form, _("Place:"), QLineEdit(), meeting, "location", placeholder=_("e.g. Meeting hall of the People's "
                                                                                "Committee"))
    build.add(form, _("Bridges (one a line):"), _lines_edit(3), meeting, "bridges")
    column.addWidget(build.last_group())

    form = build.form(_("People"))
    build.add(form, _("Chair:"), QLineEdit(), meeting, "chair", completes="name")
    build.add(form, _("Secretary:"), QLineEdit(), meeting, "secretary", completes="name")
    build.add(form, _("Also attending:"), QLineEdit(), meeting, "participants_note",
              placeholder=_("groups not listed by name, e.g. heads of departments"))
    column.addWidget(build.last_group())

    form = build.form(_("Letterhead"))
    build.add(form, _("Parent agency:"), QLineEdit(), header, "parent_agency",
              placeholder=_("e.g. PEOPLE'S COMMITTEE OF DONG THAP PROVINCE"))
    build.add(form, _("Issuing agency:"), QLineEdit(), header, "agency", completes="organization")
    name = build.add(form, _("Agency in running text:"), QLineEdit(), header, "agency_name")
    code = build.add(form, _("Agency code:"), QLineEdit(), header, "agency_code")
    # Derived values show as placeholders that say so, never as a bare "UBND" that looks typed.
    _derived_placeholder(document, name, lambda: prose_name(header.agency or header.parent_agency, document.language))
    _derived_placeholder(document, code, lambda: derived_code(header.agency, document.language))
    build.add(form, _("Number:"), QLineEdit(), header, "number", placeholder=_("empty: written by hand"))
    build.add(form, _("Place on the date line:"), QLineEdit(), header, "place")
    column.addWidget(build.last_group())
    column.addStretch(1)
    align_labels(page)
    return page


def _derived_placeholder(document: MeetingDocument, widget: QLineEdit, derive: Callable[[], str],
                         guessed: bool = False) -> None:
    """Keep ``widget``'s placeholder on the value the documents use while it is empty, worded as derived."""
    def update() -> None:
        value = derive()
        if not value:
            text = _("empty: derived from the issuing agency") if not guessed else _("e.g. năm 2023, quý I/2024")
        else:
            text = (_("guessed: {value}") if guessed else _("derived: {value}")).format(value=value)
        if widget.placeholderText() != text:
            widget.setPlaceholderText(text)

    update()
    document.changed.connect(update)


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
    build.add(form, _("Summary:"), _lines_edit(2), results, "summary")
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

    _derived_placeholder(document, period, lambda: guess_period(info.title, info.date, document.language),
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
    build.add(form, "", _lines_edit(4), results, "highlights")
    lists_layout.addWidget(build.last_group())
    form = build.form(_("Shortcomings and difficulties (one a line)"))
    build.add(form, "", _lines_edit(4), results, "shortcomings")
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


def closing_page(document: MeetingDocument, completions: Completions) -> Page:
    page = Page(page_title(PageName.CLOSING), _(
        "How the meeting ended, who receives the minutes, and what the news "
        "article and the notice of conclusions need."))
    column = _form_column(page)
    build = FormBuilder(page, document, completions)
    meeting = document.meeting

    form = build.form(_("Minutes"))
    build.add(form, _("Closing note:"), _lines_edit(3), meeting.closing, "note",
              placeholder=_("e.g. The minutes were read out to the meeting and approved."))
    copies = QSpinBox()
    copies.setMaximum(99)
    copies.setMaximumWidth(90)
    build.add(form, _("Copies:"), copies, meeting.closing, "copies")
    build.add(form, _("Recipients (one a line):"), _lines_edit(5), meeting.closing, "recipients")
    column.addWidget(build.last_group())

    form = build.form(_("News article"))
    build.add(form, _("Headline:"), QLineEdit(), meeting.news, "title", placeholder=_("empty: from the meeting title"))
    build.add(form, _("Author:"), QLineEdit(), meeting.news, "author", completes="name")
    column.addWidget(build.last_group())

    form = build.form(_("Notice of conclusions"))
    build.add(form, _("Number:"), QLineEdit(), meeting.notice, "number", placeholder=_("empty: written by hand"))
    build.add(form, _("Signing:"), QComboBox(), meeting.notice, "signing", Signing)
    build.add(form, _("For the body (TM.):"), QLineEdit(), meeting.notice, "collective",
              placeholder=_("e.g. ỦY BAN NHÂN DÂN; empty: no TM. line"))
    build.add(form, _("Title of the head:"), QLineEdit(), meeting.notice, "authority",
              placeholder=_("e.g. CHỦ TỊCH, after KT., TL., TUQ."))
    build.add(form, _("Title of the signer:"), QLineEdit(), meeting.notice, "signer_title", completes="position")
    build.add(form, _("Name of the signer:"), QLineEdit(), meeting.notice, "signer_name", completes="name")
    build.add(form, _("Recipients (one a line):"), _lines_edit(5), meeting.notice, "recipients")
    column.addWidget(build.last_group())
    column.addStretch(1)
    align_labels(page)
    return page

