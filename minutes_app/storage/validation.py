r"""Check a meeting file's JSON against the published schema, with messages in the UI language.

The schema shipped in ``minutes_app/schema`` is the single source of truth; this module interprets
the part of JSON Schema it uses (type, const, enum, required, properties, items, minimum, minLength,
pattern, format, and ``$ref`` to the schema's own ``$defs``) so that each problem comes out as one
translated line naming its path: ``attendees[3].present: must be true or false``. It is a few times
faster than a general validator on a folder of meetings, and tests/robustness/test_schema_keywords.py
proves, keyword by keyword and place by place, that it accepts and refuses what ``jsonschema`` does.

Where it is stricter, on purpose: ``minLength`` counts the text without surrounding blanks, ``format``
checks the calendar ("2025-02-30" is refused), and ``pattern`` follows JSON Schema's (ECMA-262)
reading, where ``\d`` is an ASCII digit and ``$`` does not match before a final line break.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from typing import Any

from ..l10n.i18n import gettext as _
from ..model.records import record
from ..paths import schema_path

FORMAT_NAME = "minutes-app.meeting"
CURRENT_FORMAT_VERSION = 1


@record(frozen=True)
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
    _check(data, _plan(load_schema()), (), problems)
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


_PYTHON_TYPES = {"string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,),
                 "array": (list,), "object": (dict,), "null": (type(None),)}


@cache
def _python_types(names: str | tuple[str, ...]) -> tuple[tuple[type, ...], bool]:
    """The Python types a schema ``type`` admits, and whether a bool is one (bool is an int in Python, not in
    JSON; 2.0 is a float here, so "integer" means a number written without a fraction)."""
    names = (names,) if isinstance(names, str) else names
    kinds = tuple(kind for name in names for kind in _PYTHON_TYPES[name])
    return kinds, "boolean" in names


def join_path(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


# Where a value sits, as (parent, key or index) pairs from the root ``()``: the text of the path is made
# only for a problem (most values of a file have none, and a folder read checks hundreds of thousands).
Where = tuple[Any, ...]


def _text(where: Where) -> str:
    keys: list[str | int] = []
    while where:
        where, key = where
        keys.append(key)
    path = ""
    for key in reversed(keys):
        path = f"{path}[{key}]" if isinstance(key, int) else join_path(path, key)
    return path


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema a local ``{"$ref": "#/$defs/name"}`` points to; any other schema as it is."""
    ref = schema.get("$ref")
    if ref is None:
        return schema
    target: Any = load_schema()
    for part in ref.removeprefix("#/").split("/"):
        target = target[part]
    return target


_ANY = object()  # a schema without "const"
_JSON_TYPES = (str, bool, int, float, type(None), dict, list)  # the types of decoded JSON


@record
class _Plan:
    """What one node of the schema asks, read once (and not changed after): a folder of meetings checks hundreds
    of thousands of values against a few dozen nodes."""

    schema: dict[str, Any]  # the node, its "$ref" resolved
    const: Any
    enum: list[Any] | None
    types: str | list[str] | None
    kinds: tuple[type, ...] | None
    bool_allowed: bool
    minimum: float | None
    string_rules: bool  # minLength, pattern or format: a string needs a closer look
    items: _Plan | None
    required: tuple[str, ...]
    properties: tuple[tuple[str, _Plan], ...]
    # The exact types whose every value this node accepts with nothing more to look at (most values of a
    # file: the text of an attendee's name, a flag): the parent's loop passes them without a call.
    settled: frozenset[type] = frozenset()
    settled_words: frozenset[str] = frozenset()  # the same for the words of an "enum" (a role, a gender)


_plans: dict[int, tuple[dict[str, Any], _Plan]] = {}  # by id() of a node of the cached schema (kept alive)


def _plan(schema: dict[str, Any]) -> _Plan:
    """The plan of a node and, first, of the nodes below it (the schema has no cycle)."""
    held = _plans.get(id(schema))
    if held is not None and held[0] is schema:
        return held[1]
    node = _resolve(schema)
    types = node.get("type")
    kinds, bool_allowed = _python_types(types if isinstance(types, str) else tuple(types)) if types else (None, True)
    items = node.get("items")
    plan = _Plan(node, node.get("const", _ANY), node.get("enum"), types, kinds, bool_allowed, node.get("minimum"),
                 any(key in node for key in ("minLength", "pattern", "format")),
                 None if items is None else _plan(items), tuple(node.get("required", ())),
                 tuple((key, _plan(sub)) for key, sub in node.get("properties", {}).items()))
    settled = _type_settled(plan) if plan.const is _ANY else frozenset()
    if plan.enum is None:
        plan.settled = settled
    elif str in settled:
        plan.settled_words = frozenset(word for word in plan.enum if type(word) is str)
    _plans[id(schema)] = (schema, plan)
    return plan


def _type_settled(plan: _Plan) -> frozenset[type]:
    """The exact types of the values that this node accepts with nothing more to look at, once its "const" or
    "enum" (if any) accepts them (see ``_check``)."""
    unsettled: set[type] = set()
    if plan.string_rules:
        unsettled.add(str)
    if plan.minimum is not None:
        unsettled |= {int, float}
    if plan.required or plan.properties:
        unsettled.add(dict)
    if plan.items is not None:
        unsettled.add(list)
    return _accepted_types(plan.kinds, plan.bool_allowed) - unsettled


@cache
def _accepted_types(kinds: tuple[type, ...] | None, bool_allowed: bool) -> frozenset[type]:
    return frozenset(kind for kind in _JSON_TYPES if (kinds is None or issubclass(kind, kinds)) and (
        kind is not bool or bool_allowed))


def _check(value: Any, plan: _Plan, where: Where, problems: list[Problem]) -> None:
    if plan.const is not _ANY and value != plan.const:
        problems.append(Problem(_text(where), _("must be \"{expected}\"").format(expected=plan.const)))
        return
    if plan.enum is not None and value not in plan.enum:
        allowed = ", ".join(plan.enum)
        problems.append(Problem(_text(where), _("\"{value}\" is not one of: {allowed}").format(
            value=value if isinstance(value, str) else json.dumps(value), allowed=allowed)))
        return
    if plan.kinds is not None and (not isinstance(value, plan.kinds) or (
            isinstance(value, bool) and not plan.bool_allowed)):
        names = [plan.types] if isinstance(plan.types, str) else list(plan.types or ())
        wanted = _(" or ").join(_type_names()[name] for name in names)
        problems.append(Problem(_text(where), _("must be {expected}").format(expected=wanted)))
        return
    if isinstance(value, dict):  # the records first: most of what is left to look at
        for key in plan.required:
            if key not in value:
                problems.append(Problem(_text((where, key)), _("is missing")))
        for key, sub in plan.properties:
            if key in value:
                item = value[key]
                if type(item) not in sub.settled and not (type(item) is str and item in sub.settled_words):
                    _check(item, sub, (where, key), problems)
    elif isinstance(value, list):
        if plan.items is not None:
            sub = plan.items
            for index, item in enumerate(value):
                if type(item) not in sub.settled and not (type(item) is str and item in sub.settled_words):
                    _check(item, sub, (where, index), problems)
    elif isinstance(value, str):
        if plan.string_rules:
            _check_string(value, plan.schema, where, problems)
    elif isinstance(value, int | float) and not isinstance(value, bool) and plan.minimum is not None and (
            value < plan.minimum):
        problems.append(Problem(_text(where), _("must be at least {minimum}").format(minimum=plan.minimum)))


def _check_string(value: str, schema: dict[str, Any], where: Where, problems: list[Problem]) -> None:
    if len(value.strip()) < schema.get("minLength", 0):
        problems.append(Problem(_text(where), _("must not be empty")))
        return
    pattern = schema.get("pattern")
    in_form = pattern is None or _pattern(pattern).search(value) is not None
    fmt = schema.get("format")
    if fmt == "date":
        if not (in_form and _parses(parse_date, value)):
            problems.append(Problem(_text(where), _("\"{value}\" is not a date in the form YYYY-MM-DD").format(
                value=value)))
    elif fmt == "time-hm":
        if not (in_form and _parses(parse_time, value)):
            problems.append(Problem(_text(where), _("\"{value}\" is not a time in the form HH:MM").format(
                value=value)))
    elif not in_form:
        problems.append(Problem(_text(where), _("\"{value}\" is not in the expected form ({description})").format(
            value=value[:80], description=schema.get("description") or pattern)))


def _parses(parse: Any, value: str) -> bool:
    try:
        parse(value)
    except ValueError:
        return False
    return True


@cache
def _pattern(pattern: str) -> re.Pattern[str]:
    """A schema pattern as JSON Schema reads it: ASCII classes, and a final ``$`` that means the very end."""
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern, re.ASCII)


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
