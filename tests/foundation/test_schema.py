"""The published JSON Schema is a valid schema and agrees with the program's own validator."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest
from malformed_cases import MALFORMED
from support import ALL_SAMPLES

from minutes_app.paths import schema_path
from minutes_app.storage import validate


def schema() -> dict:
    return json.loads(schema_path().read_text(encoding="utf-8"))


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())


@pytest.mark.parametrize("path", ALL_SAMPLES, ids=lambda p: p.name)
def test_samples_satisfy_the_published_schema(path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema()).validate(data)
    assert validate(data) == []


# Calendar checks ("2020-02-30") and blank titles are the program's own; the schema states the form only.
SCHEMA_CASES = [m for name, m, expected in MALFORMED
                if "format" not in name and "empty" not in name and "is not a date" not in expected
                and "is not a time" not in expected]


@pytest.mark.parametrize("mutate", SCHEMA_CASES)
def test_what_the_program_refuses_the_schema_refuses_too(mutate) -> None:
    data = copy.deepcopy(json.loads(ALL_SAMPLES[0].read_text(encoding="utf-8")))
    mutate(data)
    assert validate(data) != []
    assert not jsonschema.Draft202012Validator(schema()).is_valid(data)
