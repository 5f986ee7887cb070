"""Check a meeting file's JSON against the published schema, with messages in the UI language.

The schema shipped in ``minutes_app/schema`` is the single source of truth; this module interprets
the part of JSON Schema it uses (type, const, enum, required, properties, items, minimum, minLength,
format, and ``$ref`` to the schema's own ``$defs``) so that each problem comes out as one translated
line naming its path: ``attendees[3].present: must be true or false``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..l10n.i18n import gettext as _
from ..paths import schema_path

FORMAT_NAME = "minutes-app.meeting"
CURRENT_FORMAT_VERSION = 1


@dataclass(frozen=True)
class Problem:
    path: str  # "attendees[3].present"; "" for the whole file
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


@cache
def load_schema() -> dict[str, Any]:
    with open(schema_path(), encoding="utf-8") as stream:
        return json.load(stream)


def validate(data: Any) -> list[Problem]:
    """Every problem of a decoded meeting file, in document order; [] when it is valid."""
    problems: list[Problem] = []
    _check(data, load_schema(), "", problems)
    return problems


def _type_names() -> dict[str, str]:
    return {
        "string": _("text"),
        "integer": _("a whole number"),
        "number": _("a number"),
        "boolean": _("true or false"),
        "array": _("a list"),
        "object": _("an object"),
        "null": _("null"),
    }


def _is_type(value: Any, name: str) -> bool:
    if name == "string":
        return isinstance(value, str)
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if name == "boolean":
        return isinstance(value, bool)
    if name == "array":
        return isinstance(value, list)
    if name == "object":
        return isinstance(value, dict)
    return value is None  # "null"


def join_path(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema a local ``{"$ref": "#/$defs/name"}`` points to; any other schema as it is."""
    ref = schema.get("$ref")
    if ref is None:
        return schema
    target: Any = load_schema()
    for part in ref.removeprefix("#/").split("/"):
        target = target[part]
    return target


def _check(value: Any, schema: dict[str, Any], path: str, problems: list[Problem]) -> None:
    schema = _resolve(schema)
    if "const" in schema and value != schema["const"]:
        problems.append(Problem(path, _("must be \"{expected}\"").format(expected=schema["const"])))
        return
    if "enum" in schema and value not in schema["enum"]:
        allowed = ", ".join(schema["enum"])
        problems.append(Problem(path, _("\"{value}\" is not one of: {allowed}").format(
            value=value if isinstance(value, str) else json.dumps(value), allowed=allowed)))
        return
    types = schema.get("type")
    if types is not None:
        names = [types] if isinstance(types, str) else list(types)
        if not any(_is_type(value, name) for name in names):
            wanted = _(" or ").join(_type_names()[name] for name in names)
            problems.append(Problem(path, _("must be {expected}").format(expected=wanted)))
            return
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, int | float):
        minimum = schema.get("minimum")
        if minimum is not None and value < minimum:
            problems.append(Problem(path, _("must be at least {minimum}").format(minimum=minimum)))
    elif isinstance(value, str):
        _check_string(value, schema, path, problems)
    elif isinstance(value, list):
        item_schema = schema.get("items")
        if item_schema is not None:
            for index, item in enumerate(value):
                _check(item, item_schema, f"{path}[{index}]", problems)
    elif isinstance(value, dict):
        for key in schema.get("required", ()):
            if key not in value:
                problems.append(Problem(join_path(path, key), _("is missing")))
        for key, sub_schema in schema.get("properties", {}).items():
            if key in value:
                _check(value[key], sub_schema, join_path(path, key), problems)


def _check_string(value: str, schema: dict[str, Any], path: str, problems: list[Problem]) -> None:
    if len(value.strip()) < schema.get("minLength", 0):
        problems.append(Problem(path, _("must not be empty")))
        return
    fmt = schema.get("format")
    if fmt == "date":
        try:
            parse_date(value)
        except ValueError:
            problems.append(Problem(path, _("\"{value}\" is not a date in the form YYYY-MM-DD").format(
                value=value)))
    elif fmt == "time-hm":
        try:
            parse_time(value)
        except ValueError:
            problems.append(Problem(path, _("\"{value}\" is not a time in the form HH:MM").format(
                value=value)))


def parse_date(text: str) -> dt.date:
    """An ISO date, strictly YYYY-MM-DD (Python's parser accepts more forms than the contract)."""
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        raise ValueError(text)
    return dt.date.fromisoformat(text)


def parse_time(text: str) -> dt.time:
    """A 24-hour time, strictly HH:MM."""
    if len(text) != 5 or text[2] != ":" or not (text[:2] + text[3:]).isdigit():
        raise ValueError(text)
    return dt.time(int(text[:2]), int(text[3:]))
