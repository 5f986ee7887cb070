"""The last column mapping the user chose, per kind, in ``import-mapping.json`` in the user data folder."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import MinutesError
from ..safe_io import read_json_file
from ..storage.atomic import write_text_atomically
from ..userdirs import user_data_dir
from .headers import FIELDS, KINDS

FILE_NAME = "import-mapping.json"
MAX_BYTES = 1024 * 1024  # two kinds of a few dozen headers each


def mapping_path() -> Path:
    return user_data_dir() / FILE_NAME


def load_last_mapping(kind: str) -> dict[str, str]:
    """``{header text: field}`` last used for ``kind``; empty when none or unreadable."""
    data = _stored()
    entry = data.get(kind) if isinstance(data, dict) else None
    if not isinstance(entry, dict):
        return {}
    return {str(header): field for header, field in entry.items() if field in FIELDS[kind]}


def save_last_mapping(kind: str, mapping: dict[str, str]) -> None:
    """Remember ``mapping`` for ``kind``, keeping the other kind's; a failure to write is not fatal."""
    path = mapping_path()
    stored = _stored()
    data = {k: v for k, v in stored.items() if k in KINDS} if isinstance(stored, dict) else {}
    data[kind] = dict(mapping)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomically(path, json.dumps(data, ensure_ascii=False, indent=2))  # a link there is replaced
    except (OSError, MinutesError):
        pass  # remembering is a convenience; the import itself succeeded


def _stored() -> object:
    """What the file holds; None when it is missing, not a regular file, too large or not JSON (it is never
    read past its limit, nor at all when a FIFO or a device has its name)."""
    try:
        return read_json_file(mapping_path(), MAX_BYTES)
    except (OSError, ValueError):
        return None
