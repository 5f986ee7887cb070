"""Malformed meeting files by kind: a mutation of a valid file and the words its message must carry."""

from __future__ import annotations

from typing import Any


def _set(path: str, value: Any) -> Any:
    def mutate(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        target[int(last) if last.isdigit() else last] = value
    return mutate


def _delete(path: str) -> Any:
    def mutate(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        del target[last]
    return mutate


MALFORMED: list[tuple[str, Any, str]] = [
    ("wrong format name", _set("format", "other.app"), "not a Thư Ký meeting file"),
    ("format missing", _delete("format"), "not a Thư Ký meeting file"),
    ("newer format version", _set("format_version", 99), "newer version of Thư Ký (format_version 99"),
    ("format version as text", _set("format_version", "1"), "format_version: must be a whole number"),
    ("format version zero", _set("format_version", 0), "format_version: must be at least 1"),
    ("format version missing", _delete("format_version"), "format_version: is missing"),
    ("meeting missing", _delete("meeting"), "meeting: is missing"),
    ("title missing", _delete("meeting.title"), "meeting.title: is missing"),
    ("title empty", _set("meeting.title", "  "), "meeting.title: must not be empty"),
    ("title a number", _set("meeting.title", 5), "meeting.title: must be text"),
    ("unknown language", _set("language", "fr"), "language: \"fr\" is not one of: vi, en"),
    ("unknown meeting kind", _set("meeting.kind", "zoom"), "meeting.kind: \"zoom\" is not one of"),
    ("impossible date", _set("meeting.date", "2020-02-30"), "meeting.date: \"2020-02-30\" is not a date"),
    ("date in another form", _set("meeting.date", "29/12/2020"), "is not a date in the form YYYY-MM-DD"),
    ("impossible time", _set("meeting.start", "25:61"), "meeting.start: \"25:61\" is not a time"),
    ("time without minutes", _set("meeting.end", "17"), "meeting.end: \"17\" is not a time"),
    ("bridges not a list", _set("meeting.bridges", "Điểm cầu huyện"), "meeting.bridges: must be a list"),
    ("bridge not text", _set("meeting.bridges", ["ok", 3]), "meeting.bridges[1]: must be text"),
    ("attendees not a list", _set("attendees", {}), "attendees: must be a list"),
    ("attendee not an object", _set("attendees", ["Trần Văn Sáu"]), "attendees[0]: must be an object"),
    ("present as text", _set("attendees.2.present", "yes"), "attendees[2].present: must be true or false"),
    ("unknown gender", _set("attendees.0.gender", "m"), "attendees[0].gender: \"m\" is not one of"),
    ("unknown role", _set("attendees.1.role", "boss"), "attendees[1].role: \"boss\" is not one of"),
    ("plan as text", _set("results.indicators.2.plan", "28.466"),
     "results.indicators[2].plan: must be a number or null"),
    ("actual as boolean", _set("results.indicators.0.actual", True), "results.indicators[0].actual: must be a number"),
    ("unknown target", _set("results.indicators.0.target", "exactly"), "results.indicators[0].target:"),
    ("highlights not text", _set("results.highlights", [1, 2]), "results.highlights[0]: must be text"),
    ("negative targets met", _set("results.targets_met", -1), "results.targets_met: must be at least 0"),
    ("task deadline impossible", _set("directives.0.tasks.0.deadline", "2021-13-01"),
     "directives[0].tasks[0].deadline: \"2021-13-01\" is not a date"),
    ("tasks not a list", _set("directives.1.tasks", "none"), "directives[1].tasks: must be a list"),
    ("copies as text", _set("closing.copies", "hai"), "closing.copies: must be a whole number or null"),
    ("copies fractional", _set("closing.copies", 1.5), "closing.copies: must be a whole number"),
    ("recipients not a list", _set("closing.recipients", "Lưu: VT"), "closing.recipients: must be a list"),
    ("news not an object", _set("news", "Minh Thư"), "news: must be an object"),
    ("unknown signing", _set("notice.signing", "proxy"), "notice.signing: \"proxy\" is not one of"),
    ("header not an object", _set("header", []), "header: must be an object"),
]
