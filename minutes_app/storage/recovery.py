"""Recovery files: what the editor autosaves so that a crash loses at most one interval of typing.

One file per running editor session in ``userdirs.recovery_dir()``, named after the session. It holds
the meeting (the same JSON as a ``.minutes.json`` file), the path of the file it came from (or none
for an untitled meeting), the time, the process id and when that process started. A clean exit deletes
it; a file left behind whose process is no longer running is what the next start offers to restore (a
live process that was given the same id later does not hide it: its start time differs). Pure Python, no Qt.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cache
from pathlib import Path

from ..model import Meeting
from ..model.records import record
from ..safe_io import read_json_file
from ..userdirs import make_private_dir, recovery_dir
from .codec import to_json
from .concurrency import process_start, same_process_alive
from .files import MAX_FILE_BYTES, decode_json, meeting_from_json, read_text, write_text_atomically
from .values import dumps

SUFFIX = ".recovery.json"
FORMAT_NAME = "minutes-app.recovery"


@record(frozen=True)
class Recovery:
    """A recovery file found on disk."""

    path: Path
    source: Path | None  # the meeting file the work belongs to; None for an untitled meeting
    saved_at: dt.datetime
    pid: int
    started: str | None = None  # when that process started (``process_start``); None in older files

    def load(self) -> Meeting:
        """The recovered meeting; MeetingFileError if the file is damaged."""
        data = decode_json(read_text(self.path), self.path)
        return meeting_from_json(data.get("meeting") if isinstance(data, dict) else None, self.path)

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


@cache
def _own_start() -> str | None:
    return process_start(os.getpid())


def new_session_id() -> str:
    return f"{os.getpid()}-{os.urandom(4).hex()}"  # (as uuid4's first 8 digits: without importing uuid)


def recovery_path(session_id: str) -> Path:
    return recovery_dir() / f"{session_id}{SUFFIX}"


def snapshot_text(meeting: Meeting, source: Path | None, now: dt.datetime | None = None) -> str:
    """The text of a recovery file; cheap enough to build on a copy of the meeting in a worker thread."""
    envelope = {
        "format": FORMAT_NAME,
        "source": str(source) if source else None,
        "saved_at": (now or dt.datetime.now()).isoformat(timespec="seconds"),
        "pid": os.getpid(),
        "started": _own_start(),
        "meeting": to_json(meeting),
    }
    return dumps(envelope, indent=1)


def write_recovery(session_id: str, meeting: Meeting, source: Path | None) -> Path:
    """Write (atomically) this session's recovery file; SaveError if the folder is not writable."""
    path = recovery_path(session_id)
    make_private_dir(path.parent)  # the whole draft: for the user's eyes only
    write_text_atomically(path, snapshot_text(meeting, source), mode=0o600)
    return path


def discard_recovery(session_id: str) -> None:
    recovery_path(session_id).unlink(missing_ok=True)


def find_recoveries(exclude_session: str | None = None) -> list[Recovery]:
    """Recovery files left by sessions that are no longer running, newest first."""
    folder = recovery_dir()
    if not folder.is_dir():
        return []
    found: list[Recovery] = []
    for path in folder.glob(f"*{SUFFIX}"):
        if exclude_session and path.name == f"{exclude_session}{SUFFIX}":
            continue
        try:
            data = read_json_file(path, MAX_FILE_BYTES * 2)
            if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
                continue
            recovery = Recovery(
                path=path,
                source=Path(data["source"]) if data.get("source") else None,
                saved_at=dt.datetime.fromisoformat(data["saved_at"]),
                pid=int(data.get("pid", 0)),
                started=str(data["started"]) if data.get("started") else None,
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue  # a half-written or foreign file: not ours to offer
        if recovery.pid != os.getpid() and same_process_alive(recovery.pid, recovery.started):
            continue  # another editor is running and owns it (not another program given the same id)
        found.append(recovery)
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


__all__ = ["Recovery", "discard_recovery", "find_recoveries", "new_session_id", "recovery_path",
           "snapshot_text", "write_recovery"]
