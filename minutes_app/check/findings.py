"""What the checker finds: a sentence for the secretary, and where in the editor to correct it.

A finding points at the field through ``path``, the attribute path from the Meeting object, e.g.
``("meeting", "chair")``, ``("attendees", 3, "name")``, ``("results", "indicators", 0, "unit")``,
``("directives", 1, "tasks", 2, "deadline")``, ``("attendees",)`` for a whole list. The editor page
that shows the field is ``page``; ``row``, ``task_row`` and ``column`` read the path for the tables.
"""

from __future__ import annotations

from enum import Enum

from ..l10n.i18n import gettext as _
from ..model.records import record
from . import field_labels as labels
from .pages import PAGE_ORDER, Page, page_title

__all__ = ["PAGE_ORDER", "Finding", "Page", "PathPart", "Severity", "field_label", "page_title"]

PathPart = str | int


class Severity(str, Enum):
    """ERROR: wrong in the signed document; WARNING: probably missing, the secretary decides."""

    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


@record(frozen=True)
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


def field_label(finding: Finding) -> str:
    """Where the finding is, in words: "Chair", "Attendees, row 3, Full name", "Directives, row 2, task 1, Deadline"."""
    strings = [part for part in finding.path if isinstance(part, str)]
    column = finding.column
    if finding.row is None:
        if len(strings) >= 2:
            return labels.field_label(strings[-2], strings[-1])
        return labels.list_label(strings[-1]) if strings else ""
    table = next(part for part in reversed(strings[:-1] or strings) if labels.is_list(part))
    section = labels.list_label(table)
    if finding.task_row is not None:
        return _("{section}, row {row}, task {task}, {field}").format(
            section=section, row=finding.row + 1, task=finding.task_row + 1, field=labels.field_label("tasks", column))
    if not column:
        return _("{section}, row {row}").format(section=section, row=finding.row + 1)
    return _("{section}, row {row}, {field}").format(section=section, row=finding.row + 1,
                                                     field=labels.field_label(table, column))
