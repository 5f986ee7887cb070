"""Bring older meeting files up to the current format_version.

Each step takes the JSON of version N and returns the JSON of version N + 1. Version 1 is the first
published format, so there are no steps yet; the mechanism is here so that the next version adds one
function and a test instead of special cases in the loader.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .validation import CURRENT_FORMAT_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: dict[int, Migration] = {}


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """The file's JSON at the current version; the caller has checked that it is not newer."""
    version = data.get("format_version", CURRENT_FORMAT_VERSION)
    while version < CURRENT_FORMAT_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["format_version"] = version
    return data
