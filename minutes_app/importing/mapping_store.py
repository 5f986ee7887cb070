"""The last column mapping the user chose, per kind, in ``import-mapping.json`` in the user data folder."""

from __future__ import annotations

import json
from pathlib import Path

from ..userdirs import user_data_dir
from .headers import FIELDS, KINDS

FILE_NAME = "import-mapping.json"


def mapping_path() -> Path:
    return user_data_dir() / FILE_NAME


def load_last_mapping(kind: str) -> dict[str, str]:
    """``{header text: field}`` last used for ``kind``; empty when none or unreadable."""
    try:
        data = json.loads(mapping_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    entry = data.get(kind) if isinstance(data, dict) else None
    if not isinstance(entry, dict):
        return {}
    return {str(header): field for header, field in entry.items() if field in FIELDS[kind]}


def save_last_mapping(kind: str, mapping: dict[str, str]) -> None:
    """Remember ``mapping`` for ``kind``, keeping the other kind's; a failure to write is not fatal."""
    path = mapping_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    data = {k: v for k, v in data.items() if k in KINDS}
    data[kind] = dict(mapping)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass  # remembering is a convenience; the import itself succeeded
