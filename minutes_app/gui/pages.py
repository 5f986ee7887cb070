"""The editor's pages of forms, General and Closing, and what every page shares (``page_list``); the pages of
tables are in ``table_pages``, imported when the first of them is built (the window opens on General).

Pages hold layout only; the bindings and table models carry the logic. They are rebuilt, not
retranslated, when the interface language changes (the document and its history survive).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..check.field_labels import field_label
from ..check.pages import Page as PageName
from ..check.pages import page_title
from ..l10n.agency import derived_code, prose_name
from ..l10n.i18n import gettext as _
from ..model import Language, MeetingKind, Signing
from .binding import DateLineEdit, FieldBinding, TimeLineEdit
from .completion import Completions
from .document import MeetingDocument

if TYPE_CHECKING:
    from .table_pages import DetailEditor
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
        self.labels: list[QLabel] = []  # of the form rows, for ``align_labels``
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
        help_line.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # (no style sheet to parse for a colour)
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

    def row(self, layout: QFormLayout, label: str, field: QWidget) -> None:
        """A row of ``layout``: ``label`` (its buddy ``field``, as ``addRow(label, field)`` makes it) and ``field``."""
        text = QLabel(label)
        text.setBuddy(field)
        layout.addRow(text, field)
        self.page.labels.append(text)

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
            self.row(layout, label, widget)
        else:
            layout.addRow(widget)
        if self.page.first_field is None:
            self.page.first_field = widget
        return widget


def align_labels(page: Page) -> None:
    """One label column for every group of a page: the fields of all its groups start at the same x.

    The labels are those the page's ``FormBuilder`` made: asking the layouts for them (``findChildren``) made
    Python wrappers for every widget of the page, a third of the time the General page takes to build."""
    widest = max((label.sizeHint().width() for label in page.labels), default=0)
    for label in page.labels:
        label.setMinimumWidth(widest)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def lines_edit(rows: int = 3) -> QPlainTextEdit:
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
    build.row(form, _("Date and time:"), times)
    build.add(form, _("Place:"), QLineEdit(), meeting, "location", placeholder=_("e.g. Meeting hall of the People's "
                                                                                "Committee"))
    build.add(form, _("Bridges (one a line):"), lines_edit(3), meeting, "bridges")
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
    derived_placeholder(document, name, lambda: prose_name(header.agency or header.parent_agency, document.language))
    derived_placeholder(document, code, lambda: derived_code(header.agency, document.language))
    build.add(form, _("Number:"), QLineEdit(), header, "number", placeholder=_("empty: written by hand"))
    build.add(form, _("Place on the date line:"), QLineEdit(), header, "place")
    column.addWidget(build.last_group())
    column.addStretch(1)
    align_labels(page)
    return page


def derived_placeholder(document: MeetingDocument, widget: QLineEdit, derive: Callable[[], str],
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


def closing_page(document: MeetingDocument, completions: Completions) -> Page:
    from PySide6.QtWidgets import QSpinBox  # (the spin boxes' classes: with the first page that has one)

    page = Page(page_title(PageName.CLOSING), _(
        "How the meeting ended, who receives the minutes, and what the news "
        "article and the notice of conclusions need."))
    column = _form_column(page)
    build = FormBuilder(page, document, completions)
    meeting = document.meeting

    form = build.form(_("Minutes"))
    build.add(form, _("Closing note:"), lines_edit(3), meeting.closing, "note",
              placeholder=_("e.g. The minutes were read out to the meeting and approved."))
    copies = QSpinBox()
    copies.setMaximum(99)
    copies.setMaximumWidth(90)
    build.add(form, _("Copies:"), copies, meeting.closing, "copies")
    build.add(form, _("Recipients (one a line):"), lines_edit(5), meeting.closing, "recipients")
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
    build.add(form, _("Recipients (one a line):"), lines_edit(5), meeting.notice, "recipients")
    column.addWidget(build.last_group())
    column.addStretch(1)
    align_labels(page)
    return page

