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
from ..model.records import record
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


def is_plain_text(text: str) -> bool:
    """Whether every string JSON decodes from ``text`` is whole and already NFC, so that ``normalize_text``
    would change none: the text itself is NFC, holds no lone surrogate, and writes no character as a
    ``\\u`` escape. (The other escapes stand for ASCII characters, which compose with nothing, and a string's
    quotes compose with nothing either: what lies between them is NFC when the whole is.)"""
    if "\\" in text and "\\u" in text:  # the first test is much the faster, and most files hold no backslash
        return False
    if text.isascii():
        return True
    try:
        text.encode("utf-16")  # refuses a lone surrogate, ten times as fast as searching for one
    except UnicodeEncodeError:
        return False
    return unicodedata.normalize("NFC", text) == text  # faster than is_normalized: a text in NFC is returned as it is


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


@record(frozen=True)
class _Reader:
    """How to read one record type from JSON, worked out once per class: a folder read makes tens of
    thousands of records, and a big meeting's load was mostly this."""

    as_is: dict[str, Any]  # field → what null becomes; any other value is taken as it is
    convert: dict[str, Callable[[Any], Any]]  # field → how to make its value


_READERS: dict[type, _Reader] = {}


def record_from_json(cls: type[T], data: dict[str, Any]) -> T:
    """A record of the model (``Meeting``, ``Task``…) from its validated JSON object; unknown fields go to
    its ``extra``, in the order they were read."""
    reader = _READERS.get(cls) or _reader(cls)
    as_is, convert = reader.as_is, reader.convert
    extra: dict[str, Any] = {}
    values: dict[str, Any] = {"extra": extra}  # (a key "extra" in the file is an unknown field: it goes in it)
    for key, raw in data.items():
        if key in as_is:
            values[key] = as_is[key] if raw is None else raw
        elif key in convert:
            values[key] = convert[key](raw)
        else:
            extra[key] = raw
    make: Callable[..., T] = cls  # a record takes its fields as keywords
    return make(**values)


def _reader(cls: type) -> _Reader:
    hints = _field_types(cls)
    as_is: dict[str, Any] = {}
    convert: dict[str, Callable[[Any], Any]] = {}
    for f in dataclasses.fields(cls):
        name = f.name
        if name == "extra":
            continue
        if (cls, name) in _RECORDS:
            convert[name] = _record_reader(_RECORDS[cls, name], optional=(cls, name) in _OPTIONAL_RECORDS)
        elif (cls, name) in _LIST_ITEMS:
            convert[name] = _list_reader(_LIST_ITEMS[cls, name])
        else:
            nullable, scalar = _scalar_reader(hints[name])
            null = None if nullable else _default_for(hints[name])
            if scalar is _same:
                as_is[name] = null
            else:
                convert[name] = _or_null(scalar, null)
    reader = _READERS[cls] = _Reader(as_is, convert)
    return reader


def _field_types(cls: type) -> dict[str, Any]:
    """The type of each field of a record, as its dataclass holds it; when annotations are postponed (written
    as text), as ``get_type_hints`` evaluates them, a tenth of a millisecond a class."""
    fields = dataclasses.fields(cls)
    if any(isinstance(f.type, str) for f in fields):
        return get_type_hints(cls)
    return {f.name: f.type for f in fields}


def _record_reader(cls: type, optional: bool) -> Callable[[Any], Any]:
    if optional:  # null stays null instead of an empty record
        return lambda raw: None if raw is None else record_from_json(cls, raw)
    return lambda raw: record_from_json(cls, raw or {})


def _list_reader(cls: type) -> Callable[[Any], Any]:
    return lambda raw: [record_from_json(cls, item) for item in raw or []]


def _or_null(convert: Callable[[Any], Any], null: Any) -> Callable[[Any], Any]:
    return lambda raw: null if raw is None else convert(raw)


def _scalar_reader(hint: Any) -> tuple[bool, Callable[[Any], Any]]:
    """Whether ``hint`` admits None, and how to turn a JSON value into it."""
    args = get_args(hint)
    kind = next(k for k in (args or (hint,)) if k is not type(None))
    convert: Callable[[Any], Any] = _same
    if get_origin(kind) is list:
        convert = list
    elif isinstance(kind, type) and issubclass(kind, Enum):
        convert = _enum_reader(kind)
    elif kind is dt.date:
        convert = dt.date.fromisoformat
    elif kind is dt.time:
        convert = _time_from_json
    return type(None) in args, convert


def _enum_reader(kind: type[Enum]) -> Callable[[Any], Any]:
    members = {member.value: member for member in kind}

    def read(raw: Any) -> Enum:
        try:
            return members[raw]  # a tenth of the time of ``kind(raw)``
        except (KeyError, TypeError):
            return kind(raw)  # which says what is wrong

    return read


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
