"""Where the earlier meeting named by ``Meeting.follows`` is on disk, and how the file names it.

The file keeps a path relative to its own folder (with "/"), so that a folder of meetings can be moved,
copied or mailed whole. While a new meeting is not saved yet the path may be absolute; saving anchors it.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from ..model import Meeting


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

    Left as it is when the earlier file cannot be placed or lies on another drive.
    """
    earlier = earlier_meeting_path(meeting, old_path)
    if earlier is None or meeting.follows is None:
        return
    try:
        relative = os.path.relpath(earlier, new_path.parent)
    except ValueError:  # Windows: another drive has no relative path
        meeting.follows.file = str(earlier)
        return
    meeting.follows.file = str(PurePosixPath(*Path(relative).parts))
