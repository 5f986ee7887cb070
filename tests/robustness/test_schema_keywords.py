"""Issue 15, case 11: the program's validator enforces the published schema, proven in both directions.

For every place in the schema and every keyword there, values that break the keyword are refused by
the program's validator (naming that place) and by ``jsonschema``, and values that keep it are accepted
by both. Nothing is sampled: the places are walked from the schema itself, so a keyword or a place
added to the schema is covered (or fails here until the validator supports it).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest

from minutes_app.storage.validation import load_schema, validate

SCHEMA = load_schema()
CHECKED = {"type", "const", "enum", "required", "properties", "items", "minimum", "minLength", "pattern", "format",
           "$ref"}
ANNOTATIONS = {"$schema", "$id", "$defs", "title", "description"}
# A matching example and strings that do not match, for each pattern the schema uses.
PATTERNS = {
    r"^\d{4}-\d{2}-\d{2}$": ("2025-03-05", ["2025-3-05", "20250305", "2025-03-05x", "x2025-03-05", "2025/03/05", ""]),
    r"^\d{2}:\d{2}$": ("14:05", ["9:05", "09:5", "0905", "14:05:00", "14h05", ""]),
    r"^[0-9a-f]{64}$": ("0" * 64, ["NOT-A-HASH", "A" * 64, "a" * 63, "a" * 65, "g" * 64, ""]),
}
FORMATS = {"date": ["2025-02-30", "2025-13-01"], "time-hm": ["24:00", "12:60"]}
CANDIDATES: list[Any] = [{}, [], "x", 1.5, 2, True, None]
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        target: Any = SCHEMA
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        schema = target
    return schema


def _types(schema: dict[str, Any]) -> list[str]:
    types = schema.get("type", [])
    return [types] if isinstance(types, str) else list(types)


def _example(schema: dict[str, Any]) -> Any:
    """A valid value with every optional property present and one item in every list."""
    schema = _resolve(schema)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    kind = next((t for t in _types(schema) if t != "null"), "null")
    if kind == "object":
        return {key: _example(sub) for key, sub in schema.get("properties", {}).items()}
    if kind == "array":
        return [_example(schema["items"])] if "items" in schema else []
    if kind == "string":
        return PATTERNS[schema["pattern"]][0] if "pattern" in schema else "x"
    if kind in ("integer", "number"):
        return schema.get("minimum", 0)
    return {"boolean": True, "null": None}[kind]


def _places(schema: dict[str, Any], path: tuple = ()) -> Iterator[tuple[tuple, dict[str, Any]]]:
    """Every (instance path, schema) of the example, through properties, items and $ref."""
    schema = _resolve(schema)
    yield path, schema
    for key, sub in schema.get("properties", {}).items():
        yield from _places(sub, (*path, key))
    if "items" in schema:
        yield from _places(schema["items"], (*path, 0))


EXAMPLE = _example(SCHEMA)
PLACES = list(_places(SCHEMA))


def _text(path: tuple) -> str:
    out = ""
    for token in path:
        out += f"[{token}]" if isinstance(token, int) else (f".{token}" if out else token)
    return out


def _with(path: tuple, value: Any = None, delete: bool = False) -> Any:
    data = copy.deepcopy(EXAMPLE)
    if not path:
        return value
    target = data
    for token in path[:-1]:
        target = target[token]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


def _cases() -> Iterator[Any]:
    """(id, instance, place it breaks or None when valid, refused by jsonschema too)."""
    for path, schema in PLACES:
        where = _text(path) or "<root>"
        types = _types(schema)
        for value in CANDIDATES:
            fits = any(VALIDATOR.is_type(value, t) for t in types)
            if types and not fits and "const" not in schema and "enum" not in schema:
                yield pytest.param(_with(path, value), path, True, id=f"{where}: type {json.dumps(value)}")
        if "integer" in types and "number" not in types:  # stricter: JSON Schema counts 2.0 as an integer
            yield pytest.param(_with(path, 2.0), path, False, id=f"{where}: integer written 2.0")
        for kind in types:
            if kind == "null":
                yield pytest.param(_with(path, None), None, True, id=f"{where}: null allowed")
        if "const" in schema:
            yield pytest.param(_with(path, "other"), path, True, id=f"{where}: const")
        if "enum" in schema:
            yield pytest.param(_with(path, "not-in-enum"), path, True, id=f"{where}: enum refused")
            for allowed in schema["enum"]:
                yield pytest.param(_with(path, allowed), None, True, id=f"{where}: enum {allowed}")
        for key in schema.get("required", ()):
            yield pytest.param(_with((*path, key), delete=True), (*path, key), True, id=f"{where}: requires {key}")
        if "minimum" in schema:
            low = schema["minimum"]
            for value in (low - 1, low - 0.5) if "number" in types else (low - 1,):
                yield pytest.param(_with(path, value), path, True, id=f"{where}: below {low}: {value}")
            for value in (low, low + 1):
                yield pytest.param(_with(path, value), None, True, id=f"{where}: at least {low}: {value}")
        if "minLength" in schema:
            yield pytest.param(_with(path, ""), path, True, id=f"{where}: empty")
            yield pytest.param(_with(path, "x"), None, True, id=f"{where}: one letter")
        if "pattern" in schema:
            good, bad = PATTERNS[schema["pattern"]]
            yield pytest.param(_with(path, good), None, True, id=f"{where}: matches")
            for value in bad:
                yield pytest.param(_with(path, value), path, True, id=f"{where}: pattern {value[:12]!r}")
            # Stricter than Python's re, as JSON Schema reads patterns: a final line break, non-ASCII digits.
            for value in (good + "\n", good.replace("0", "\u0660")):
                if value != good:
                    yield pytest.param(_with(path, value), path, False, id=f"{where}: ECMA {value!r}")
        if "format" in schema:
            for value in FORMATS[schema["format"]]:
                yield pytest.param(_with(path, value), path, schema["format"] == "date", id=f"{where}: {value}")


def test_every_keyword_of_the_schema_is_checked() -> None:
    used = set()
    for _path, schema in PLACES:
        used |= set(schema)
    used |= set(SCHEMA)
    assert used <= CHECKED | ANNOTATIONS, used - CHECKED - ANNOTATIONS
    assert {s["pattern"] for _p, s in PLACES if "pattern" in s} == set(PATTERNS)


def test_the_fullest_example_is_valid_for_both() -> None:
    assert validate(EXAMPLE) == []
    assert VALIDATOR.is_valid(EXAMPLE)


@pytest.mark.parametrize(("data", "broken", "jsonschema_too"), list(_cases()))
def test_both_directions(data: Any, broken: tuple | None, jsonschema_too: bool) -> None:
    problems = validate(data)
    if broken is None:
        assert problems == [] and VALIDATOR.is_valid(data), ([str(p) for p in problems], data)
        return
    assert [p.path for p in problems] == [_text(broken)], [str(p) for p in problems]
    if jsonschema_too:
        errors = list(VALIDATOR.iter_errors(data))
        assert errors and any(_text(tuple(e.absolute_path)) in (_text(broken), _text(broken[:-1])) for e in errors)


def test_the_issues_case_sha256_is_refused() -> None:
    data = _with(("final", "files", 0, "sha256"), "NOT-A-HASH")
    assert [str(p) for p in validate(data)] == [
        'final.files[0].sha256: "NOT-A-HASH" is not in the expected form (SHA-256 of the file\'s bytes, '
        "lower-case hex)"]


def test_validation_happens_after_migration(monkeypatch: pytest.MonkeyPatch) -> None:
    """What is checked is what the program reads: an older layout is migrated first, then validated."""
    from support import COMMUNE_SAMPLE

    from minutes_app.errors import MeetingFileError
    from minutes_app.storage import files, meeting_from_text

    data = json.loads(COMMUNE_SAMPLE.read_text(encoding="utf-8"))
    data["x_old_title"] = data["meeting"].pop("title")  # an "older" layout the schema no longer allows

    def upgrade(old: dict[str, Any]) -> dict[str, Any]:
        new = dict(old)
        new["meeting"] = {**old["meeting"], "title": new.pop("x_old_title")}
        return new

    monkeypatch.setattr(files, "migrate", upgrade)
    assert meeting_from_text(json.dumps(data)).meeting.title.startswith("Họp giao ban đánh giá")
    monkeypatch.setattr(files, "migrate", lambda old: {**old, "language": "fr"})  # a faulty step is caught
    with pytest.raises(MeetingFileError, match="language"):
        meeting_from_text(COMMUNE_SAMPLE.read_text(encoding="utf-8"))
