"""One line naming a file from outside and why it was not read (``safe_io``'s refusals, in the UI language)."""

from __future__ import annotations

from pathlib import Path

from ..safe_io import FileTooLarge, NotARegularFile
from .i18n import gettext as _


def unreadable(path: Path, error: OSError) -> str:
    """``{path}: …``: missing, not a regular file, too large, or the system's reason."""
    if isinstance(error, FileNotFoundError):
        return _("{path}: no such file").format(path=path)
    if isinstance(error, FileTooLarge):
        return _("{path}: the file is {size} MB; the limit is {limit} MB").format(
            path=path, size=_megabytes(error.size), limit=_megabytes(error.limit))
    if isinstance(error, NotARegularFile):
        return _("{path}: not a regular file (a folder, a device or a pipe)").format(path=path)
    return _("{path}: cannot be read ({reason})").format(path=path, reason=error.strerror or error)


def _megabytes(size: int) -> str:
    megabytes = size / 1024 / 1024
    return f"{megabytes:.0f}" if megabytes >= 10 or megabytes == int(megabytes) else f"{megabytes:.1f}"
