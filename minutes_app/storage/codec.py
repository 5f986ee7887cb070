"""Convert between a validated meeting file's JSON and the model, keeping unknown fields.

``to_json`` writes every known field in the contract's order, then the unknown ones in the order
they were read, so that a file this program wrote comes back byte for byte after load and save.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from enum import Enum
from functools import cache
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

from ..model import (
    Attendee,
    Closing,
    Directive,
    DiscussionItem,
    FinalFile,
    Finalisation,
    Header,
    Indicator,
    Meeting,
    MeetingInfo,
    News,
    Note,
    NoteLink,
    Notice,
    PriorMeeting,
    Results,
    Task,
    TaskOrigin,
)
from .validation import CURRENT_FORMAT_VERSION, FORMAT_NAME

T = TypeVar("T")

# Which record type the items of a list field, or a nested field, hold.
_LIST_ITEMS: dict[tuple[type, str], type] = {
    (Meeting, "attendees"): Attendee,
    (Meeting, "discussion"): DiscussionItem,
    (Meeting, "directives"): Directive,
    (Results, "indicators"): Indicator,
    (Directive, "tasks"): Task,
    (Meeting, "follow_up"): Task,
    (Finalisation, "files"): FinalFile,
    (Meeting, "notes"): Note,
    (Note, "items"): NoteLink,
}
_RECORDS: dict[tuple[type, str], type] = {
    (Meeting, "header"): Header,
    (Meeting, "meeting"): MeetingInfo,
    (Meeting, "results"): Results,
    (Meeting, "closing"): Closing,
    (Meeting, "news"): News,
    (Meeting, "notice"): Notice,
    (Meeting, "final"): Finalisation,
    (Meeting, "follows"): PriorMeeting,
    (Task, "origin"): TaskOrigin,
}
# Nested records that may be null (the hint says ``X | None``): null stays null instead of an empty record.
_OPTIONAL_RECORDS = frozenset({(Meeting, "final"), (Meeting, "follows"), (Task, "origin")})
_ENVELOPE = ("format", "format_version")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # decoded JSON pairs them: any left is alone


class OddValue(Exception):
    """``normalize_text`` met a value no meeting may hold (see ``values``); the caller names it."""


def normalize_text(value: Any) -> Any:
    """NFC-normalise every string of decoded JSON, keys included (input methods may send NFD).

    In the same walk (a meeting's load is this walk and the validation), raise OddValue at the first
    value ``values.value_problems`` would report: a lone surrogate, a marked number, a repeated key.
    """
    if isinstance(value, str):
        if value.isascii():
            return value
        if LONE_SURROGATE.search(value):
            raise OddValue
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [normalize_text(item) for item in value]
    if isinstance(value, dict):
        if hasattr(value, "repeated"):
            raise OddValue
        return {normalize_text(key): normalize_text(item) for key, item in value.items()}
    if value is None or isinstance(value, bool | int | float):
        return value
    raise OddValue  # a marker of the decoder (OddNumber)


def from_json(data: dict[str, Any]) -> Meeting:
    """The model of a decoded, validated and migrated meeting file."""
    body = {key: value for key, value in data.items() if key not in _ENVELOPE}
    return record_from_json(Meeting, body)


def to_json(meeting: Meeting) -> dict[str, Any]:
    """The meeting as the JSON object of its file (format envelope first)."""
    data: dict[str, Any] = {"format": FORMAT_NAME, "format_version": CURRENT_FORMAT_VERSION}
    body = record_to_json(meeting)
    # The contract puts "language" before "header" although the dataclass groups it later.
    data["language"] = body.pop("language")
    data.update(body)
    return data


_FIELDS: dict[type, tuple[dict[str, Any], frozenset[str]]] = {}


def _fields_of(cls: type) -> tuple[dict[str, Any], frozenset[str]]:
    """Type hints and field names of a record (get_type_hints is slow: once per class)."""
    held = _FIELDS.get(cls)
    if held is None:
        held = _FIELDS[cls] = get_type_hints(cls), frozenset(f.name for f in dataclasses.fields(cls)) - {"extra"}
    return held


def record_from_json(cls: type[T], data: dict[str, Any]) -> T:
    """A record of the model (``Meeting``, ``Task``…) from its validated JSON object."""
    hints, names = _fields_of(cls)
    values: dict[str, Any] = {}
    for name in names:
        if name not in data:
            continue
        raw = data[name]
        if (cls, name) in _OPTIONAL_RECORDS and raw is None:
            values[name] = None
        elif (cls, name) in _RECORDS:
            values[name] = record_from_json(_RECORDS[cls, name], raw or {})
        elif (cls, name) in _LIST_ITEMS:
            values[name] = [record_from_json(_LIST_ITEMS[cls, name], item) for item in raw or []]
        else:
            values[name] = _scalar_from_json(hints[name], raw)
    extra = {key: value for key, value in data.items() if key not in names}
    make: Callable[..., T] = cls  # a record takes its fields as keywords
    return make(**values, extra=extra)


def _scalar_from_json(hint: Any, raw: Any) -> Any:
    nullable, convert = _scalar_reader(hint)
    if raw is None:
        return None if nullable else _default_for(hint)
    return convert(raw)


@cache
def _scalar_reader(hint: Any) -> tuple[bool, Callable[[Any], Any]]:
    """Whether ``hint`` admits None, and how to turn a JSON value into it (worked out once per hint:
    reading a folder of meetings converts hundreds of thousands of values)."""
    args = get_args(hint)
    kind = next(k for k in (args or (hint,)) if k is not type(None))
    convert: Callable[[Any], Any] = _same
    if get_origin(kind) is list:
        convert = list
    elif isinstance(kind, type) and issubclass(kind, Enum):
        convert = kind
    elif kind is dt.date:
        convert = dt.date.fromisoformat
    elif kind is dt.time:
        convert = _time_from_json
    return type(None) in args, convert


def _same(raw: Any) -> Any:
    return raw


def _time_from_json(raw: str) -> dt.time:
    hour, minute = raw.split(":")
    return dt.time(int(hour), int(minute))


def _default_for(hint: Any) -> Any:
    return {str: "", bool: False}.get(hint)


def record_to_json(record: Any) -> dict[str, Any]:
    """The JSON object of a record of the model, as its file holds it."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if f.name == "extra" or (f.metadata.get("omit_when_empty") and not value):
            continue
        out[f.name] = _value_to_json(value)
    out.update(record.extra)
    return out


def _value_to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return record_to_json(value)
    if isinstance(value, list):
        return [_value_to_json(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return value
