"""Reading a notes file typed elsewhere (Notepad, a phone): one note a line, times carried down."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

from ..errors import MinutesError
from ..importing.reading import decode_text
from ..l10n.file_problems import unreadable
from ..l10n.i18n import gettext as _
from ..safe_io import FileTooLarge, read_regular
from .apply import NoteInput
from .syntax import split_time

MAX_BYTES = 2 * 1024 * 1024  # a day of notes is some tens of kilobytes
MAX_LINE = 4000  # characters; a longer line is a file that is not notes


class NotesFileError(MinutesError):
    """The notes file cannot be read."""


def read_notes_file(path: Path, start: dt.time | None = None) -> list[NoteInput]:
    """The lines of the file; a line without a time of its own takes the time of the line before
    (``start``, the meeting's start, before the first time written)."""
    try:
        data = read_regular(path, MAX_BYTES)
    except FileTooLarge:
        raise NotesFileError(_("{path}: too large for a notes file (the limit is {limit} MB)").format(
            path=path, limit=MAX_BYTES // 1024 // 1024)) from None
    except OSError as error:  # missing, a folder, a FIFO, a device: said as such
        raise NotesFileError(unreadable(path, error)) from None
    # Notepad saves "Unicode" as UTF-16 with a byte order mark: its text has NUL bytes, but no NUL character.
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and len(data) % 2 == 0
    text = decode_text(data) if utf16 or b"\0" not in data else "\0"
    if "\0" in text:
        raise NotesFileError(_("{path}: not a text file; save the notes as plain text (UTF-8)").format(path=path))
    return notes_from_text(text.removeprefix("\ufeff"), start, path)


def notes_from_text(text: str, start: dt.time | None = None, path: Path | str = "") -> list[NoteInput]:
    lines: list[NoteInput] = []
    time = start
    for number, raw in enumerate(text.splitlines(), start=1):
        if len(raw) > MAX_LINE:
            raise NotesFileError(_("{path}: line {number} is longer than {limit} characters").format(
                path=path, number=number, limit=MAX_LINE))
        written, _rest, _problem = split_time(raw)
        time = written or time
        lines.append(NoteInput(raw, time))
    return lines
