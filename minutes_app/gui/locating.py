"""Where in the editor a record or a list of the meeting is shown, as a ``Finding`` the window can go to.

Undo and redo go to the page and field they change (nothing changes out of sight), and typed text that
could not be read is listed by the check panel with the same kind of finding.
"""

from __future__ import annotations

from typing import Any

from ..check.findings import Finding, Page, PathPart, Severity
from ..l10n.i18n import gettext as _
from ..model import Meeting
from .document import MeetingDocument, RejectedInput

_SECTIONS = {"meeting": Page.GENERAL, "header": Page.GENERAL, "closing": Page.CLOSING, "news": Page.CLOSING,
             "notice": Page.CLOSING, "results": Page.RESULTS}
_LISTS = {"attendees": Page.ATTENDEES, "discussion": Page.DISCUSSION, "directives": Page.DIRECTIVES,
          "follow_up": Page.FOLLOW_UP}


def path_of(meeting: Meeting, target: Any) -> tuple[PathPart, ...] | None:
    """The attribute path of ``target`` (a record or one of the meeting's lists) from the meeting."""
    if target is meeting:
        return ()
    for name in _SECTIONS:
        if getattr(meeting, name, None) is target:
            return (name,)
    lists: list[tuple[tuple[PathPart, ...], list[Any]]] = [
        (("attendees",), meeting.attendees), (("results", "indicators"), meeting.results.indicators),
        (("discussion",), meeting.discussion), (("directives",), meeting.directives),
        (("follow_up",), meeting.follow_up)]
    lists += [(("directives", number, "tasks"), directive.tasks) for number, directive in enumerate(meeting.directives)]
    for path, items in lists:
        if target is items:
            return path
        for number, item in enumerate(items):
            if item is target:
                return (*path, number)
    return None


def page_of(path: tuple[PathPart, ...]) -> Page:
    first = str(path[0]) if path else "meeting"
    return _LISTS.get(first) or _SECTIONS.get(first, Page.GENERAL)


def locate(meeting: Meeting, target: Any, attr: str = "") -> Finding | None:
    """A finding that points at ``attr`` of ``target`` (or at the list ``target``), for the window to go to."""
    path = path_of(meeting, target)
    if path is None:
        return None
    path = (*path, attr) if attr else path
    if not path:
        path = ("meeting",)
    return Finding("edit", Severity.WARNING, page_of(path), path, "")


def rejected_findings(document: MeetingDocument) -> list[Finding]:
    """One error per date or number typed that could not be read (the model kept its last good value)."""
    findings = []
    for entry in list(document.rejected.values()):
        found = locate(document.meeting, entry.record, entry.attr)
        if found is not None:
            findings.append(Finding("typed-not-read", Severity.ERROR, found.page, found.path, rejected_message(entry)))
    return findings


def rejected_message(entry: RejectedInput) -> str:
    """What the check panel and the status bar say about text that could not be read."""
    return _("{field}: \"{text}\" was not taken. {reason}").format(field=entry.field, text=entry.text,
                                                                 reason=entry.reason)
