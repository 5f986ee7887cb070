"""Finalising a meeting: record the version, the date and the SHA-256 of each file that was issued.

The hashes let anyone check later that a DOCX on the office's disk is the very file that was signed.
Reading the files is the only I/O here; the meeting passed in is never changed.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..model import FinalFile, Finalisation, Meeting

_CHUNK = 1024 * 1024


def sha256_of(path: Path) -> str:
    """Lower-case hex SHA-256 of the file's bytes (read in chunks: a PDF may be large)."""
    import hashlib  # (here: the editor's window opens without it)

    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def next_version(meeting: Meeting) -> int:
    """The version the next finalisation gets: 1, then one more than the last."""
    return meeting.final.version + 1 if meeting.final is not None else 1


def finalise(meeting: Meeting, exported: Sequence[Path], today: dt.date,
             kinds: Mapping[Path, str] | None = None) -> Meeting:
    """A copy of ``meeting`` marked final as the next version, listing ``exported`` with their hashes.

    ``kinds`` names the document kind of each path ("minutes", "news", "notice"); others get "".
    Raises OSError when a file cannot be read.
    """
    kinds = kinds or {}
    files = [FinalFile(name=Path(path).name, kind=kinds.get(path, ""), sha256=sha256_of(Path(path)))
             for path in exported]
    result = copy.deepcopy(meeting)
    result.final = Finalisation(version=next_version(meeting), date=today, files=files)
    return result


def reopen(meeting: Meeting, today: dt.date) -> Meeting:
    """A copy of ``meeting`` reopened for editing; the last finalisation stays on record."""
    result = copy.deepcopy(meeting)
    if result.final is not None and result.final.reopened is None:
        result.final.reopened = today
    return result


def changed_files(meeting: Meeting, folder: Path) -> list[str]:
    """Names of the recorded files in ``folder`` that are missing or differ from the hash on record."""
    if meeting.final is None:
        return []
    changed = []
    for item in meeting.final.files:
        path = folder / item.name
        if not path.is_file() or sha256_of(path) != item.sha256:
            changed.append(item.name)
    return changed
