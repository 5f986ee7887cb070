"""Hostile meeting files, written by the tests into tmp_path (never committed)."""

from __future__ import annotations

import json
from pathlib import Path

from support import COMMUNE_SAMPLE


def sample_text() -> str:
    return COMMUNE_SAMPLE.read_text(encoding="utf-8")


def write_meeting(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def with_member(text: str, member: str) -> str:
    """The sample's JSON text with ``member`` (raw JSON text, ``"key": value``) added after the envelope."""
    head = '"format_version": 1'
    assert head in text
    return text.replace(head, f"{head}, {member}", 1)


def sample_data() -> dict:
    return json.loads(sample_text())
