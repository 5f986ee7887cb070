"""The labels of the editor's fields and table columns, in one place: the table headers show them and the
check panel names a finding's place with them ("Attendees, row 3, Full name").

Pure Python; each label is translated when asked, so a language switch changes them all.
"""

from __future__ import annotations

from ..l10n.i18n import gettext as _
from ..l10n.i18n import pgettext

# The follow-up table shows carried tasks: its columns are the task table's, plus "Given on".
_SAME_COLUMNS = {"follow_up": "tasks"}


def _labels() -> dict[tuple[str, str], str]:
    """(where, attribute) → label; "where" is a form ("meeting", "header"…) or a table ("attendees"…)."""
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
        ("header", "agency_code"): _("Agency code"),
        ("closing", "recipients"): _("Recipients of the minutes"),
        ("notice", "number"): _("Number of the notice"),
        ("notice", "signer_name"): _("Name of the signer"),
        ("notice", "signer_title"): _("Title of the signer"),
        ("notice", "authority"): _("Title of the head"),
        ("attendees", "name"): _("Full name"),
        ("attendees", "gender"): _("Gender"),
        ("attendees", "position"): _("Position"),
        ("attendees", "organization"): _("Organisation"),
        ("attendees", "role"): _("Role"),
        ("attendees", "present"): _("Present"),
        ("attendees", "absence_reason"): _("Reason for absence"),
        ("attendees", "bridge"): _("Bridge"),
        ("indicators", "sector"): _("Sector"),
        ("indicators", "name"): _("Indicator"),
        ("indicators", "unit"): _("Unit"),
        ("indicators", "plan"): _("Plan"),
        ("indicators", "actual"): _("Actual"),
        ("indicators", "previous"): _("Last year"),
        ("indicators", "target"): _("Target"),
        ("indicators", "percent"): _("Plan %"),
        ("indicators", "status"): _("Status"),
        ("indicators", "note"): _("Note"),
        ("tasks", "task"): _("Task"),
        ("tasks", "assignee"): _("Unit in charge"),
        ("tasks", "deadline"): _("Deadline"),
        ("tasks", "status"): pgettext("task", "Status"),
        ("tasks", "done"): _("Done on"),
        ("tasks", "progress"): _("Progress reported"),
        ("follow_up", "given"): _("Given on"),
        ("discussion", "speaker"): _("Speaker"),
        ("discussion", "position"): _("Position"),
        ("discussion", "topic"): _("Topic"),
        ("directives", "speaker"): _("Leader"),
        ("directives", "position"): _("Position"),
    }


def field_label(where: str, attr: str) -> str:
    """The label of ``attr`` in the form or table ``where``; the attribute's own name when it has none."""
    labels = _labels()
    label = labels.get((where, attr))
    if label is None and where in _SAME_COLUMNS:
        label = labels.get((_SAME_COLUMNS[where], attr))
    return attr if label is None else label


def list_label(name: str) -> str:
    """The name of one of the meeting's lists, as a finding's place starts: "Attendees", "Directives"…"""
    labels = {
        "attendees": _("Attendees"),
        "indicators": _("Indicators"),
        "discussion": _("Discussion"),
        "directives": _("Directives"),
        "follow_up": _("Follow-up"),
    }
    return labels.get(name, name)


def is_list(name: str) -> bool:
    return list_label(name) != name
