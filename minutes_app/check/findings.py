"""What the checker finds: a sentence for the secretary, and where in the editor to correct it.

A finding points at the field through ``path``, the attribute path from the Meeting object, e.g.
``("meeting", "chair")``, ``("attendees", 3, "name")``, ``("results", "indicators", 0, "unit")``,
``("directives", 1, "tasks", 2, "deadline")``, ``("attendees",)`` for a whole list. The editor page
that shows the field is ``page``; ``row``, ``task_row`` and ``column`` read the path for the tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..l10n.i18n import gettext as _

PathPart = str | int


class Page(str, Enum):
    """The editor's pages, in their order."""

    GENERAL = "general"
    ATTENDEES = "attendees"
    RESULTS = "results"
    FOLLOW_UP = "follow_up"
    DISCUSSION = "discussion"
    DIRECTIVES = "directives"
    CLOSING = "closing"

    def __str__(self) -> str:
        return self.value


PAGE_ORDER = tuple(Page)


class Severity(str, Enum):
    """ERROR: wrong in the signed document; WARNING: probably missing, the secretary decides."""

    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Finding:
    """One problem: the rule that found it, where it is, and the sentence shown (in the UI language)."""

    rule: str
    severity: Severity
    page: Page
    path: tuple[PathPart, ...]
    message: str
    # The person concerned (a speaker who is not an attendee…): the editor can offer to add them.
    person: str = ""

    @property
    def row(self) -> int | None:
        """The row of the page's main table (attendee, indicator, discussion item, directive), if any."""
        return next((part for part in self.path if isinstance(part, int)), None)

    @property
    def task_row(self) -> int | None:
        """The row in the tasks table of directive ``row``, for findings about a task."""
        if "tasks" in self.path:
            after = self.path[self.path.index("tasks") + 1:]
            return next((part for part in after if isinstance(part, int)), None)
        return None

    @property
    def column(self) -> str:
        """The attribute (table column or form field) concerned; "" for a whole list."""
        last = self.path[-1] if self.path else ""
        return last if isinstance(last, str) and len(self.path) > 1 else ""


def page_title(page: Page) -> str:
    """The page's title as the editor shows it."""
    titles = {
        Page.GENERAL: _("General"),
        Page.ATTENDEES: _("Attendees"),
        Page.RESULTS: _("Results"),
        Page.FOLLOW_UP: _("Follow-up"),
        Page.DISCUSSION: _("Discussion"),
        Page.DIRECTIVES: _("Directives & tasks"),
        Page.CLOSING: _("Closing & recipients"),
    }
    return titles[page]


def _field_names() -> dict[tuple[str, str], str]:
    """(where, attribute) → the label the editor gives the field."""
    return {
        ("meeting", "title"): _("Title"),
        ("meeting", "date"): _("Date"),
        ("meeting", "start"): _("Start"),
        ("meeting", "end"): _("End"),
        ("meeting", "location"): _("Place"),
        ("meeting", "chair"): _("Chair"),
        ("meeting", "secretary"): _("Secretary"),
        ("header", "agency"): _("Issuing agency"),
        ("header", "number"): _("Number"),
        ("header", "place"): _("Place on the date line"),
        ("attendees", "name"): _("Full name"),
        ("indicators", "name"): _("Indicator"),
        ("indicators", "unit"): _("Unit"),
        ("indicators", "plan"): _("Plan"),
        ("indicators", "actual"): _("Actual"),
        ("indicators", "previous"): _("Last year"),
        ("discussion", "speaker"): _("Speaker"),
        ("directives", "speaker"): _("Leader"),
        ("tasks", "task"): _("Task"),
        ("tasks", "assignee"): _("Unit in charge"),
        ("tasks", "deadline"): _("Deadline"),
        ("follow_up", "progress"): _("Progress reported"),
        ("follow_up", "done"): _("Done on"),
        ("closing", "recipients"): _("Recipients of the minutes"),
        ("notice", "number"): _("Number of the notice"),
        ("notice", "signer_name"): _("Name of the signer"),
    }


def _list_names() -> dict[str, str]:
    return {
        "attendees": _("Attendees"),
        "indicators": _("Indicators"),
        "discussion": _("Discussion"),
        "directives": _("Directives"),
        "follow_up": _("Follow-up"),
    }


def field_label(finding: Finding) -> str:
    """Where the finding is, in words: "Chair", "Attendees, row 3, Full name", "Directives, row 2, task 1, Deadline"."""
    path = finding.path
    names = _field_names()
    strings = [part for part in path if isinstance(part, str)]
    column = finding.column
    if finding.row is None:
        if len(strings) >= 2:
            return names.get((strings[-2], strings[-1]), strings[-1])
        return _list_names().get(strings[-1], strings[-1]) if strings else ""
    table = next(part for part in reversed(strings[:-1] or strings) if part in _list_names())
    section = _list_names()[table]
    if finding.task_row is not None:
        field = names.get(("tasks", column), column)
        return _("{section}, row {row}, task {task}, {field}").format(
            section=section, row=finding.row + 1, task=finding.task_row + 1, field=field)
    if not column:
        return _("{section}, row {row}").format(section=section, row=finding.row + 1)
    field = names.get((table, column), column)
    return _("{section}, row {row}, {field}").format(section=section, row=finding.row + 1, field=field)
