"""Where the earlier meeting named by ``Meeting.follows`` is on disk, and how the file names it.

The file keeps a path relative to its own folder (with "/"), so that a folder of meetings can be moved,
copied or mailed whole. While a new meeting is not saved yet the path is absolute; saving anchors it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ..model import Meeting


def link_to(earlier: Path, folder: Path | None) -> str:
    """How a meeting kept in ``folder`` names the file ``earlier``: relative, with "/" on every system;
    absolute while the meeting has no folder yet, or when there is no relative way (another drive)."""
    target = earlier.resolve()
    if folder is None:
        return str(target)
    try:
        return Path(os.path.relpath(target, folder.resolve())).as_posix()
    except ValueError:  # Windows: another drive has no relative path
        return str(target)


def following(previous: Meeting, previous_path: Path, folder: Path | None, today: dt.date) -> Meeting:
    """The meeting after ``previous`` (saved at ``previous_path``), dated ``today``, to be kept in ``folder``
    (None: not saved yet); its open tasks carried."""
    from ..model import next_meeting  # (the follow-up rules: when a next meeting is made, not at start-up)

    meeting = next_meeting(previous, link_to(previous_path, folder))
    meeting.meeting.date = today
    return meeting


def earlier_meeting_path(meeting: Meeting, meeting_path: Path | None) -> Path | None:
    """The file of the meeting ``meeting`` follows, or None when it follows none (or cannot be placed)."""
    if meeting.follows is None or not meeting.follows.file.strip():
        return None
    named = Path(meeting.follows.file)
    if named.is_absolute():
        return named
    if meeting_path is None:
        return None
    return Path(os.path.normpath(meeting_path.parent / named))


def anchor_follows(meeting: Meeting, old_path: Path | None, new_path: Path) -> None:
    """Rewrite ``follows.file`` relative to ``new_path``'s folder (a save, maybe to another folder).

    Left as it is when the earlier file cannot be placed.
    """
    earlier = earlier_meeting_path(meeting, old_path)
    if earlier is not None and meeting.follows is not None:
        meeting.follows.file = link_to(earlier, new_path.parent)
