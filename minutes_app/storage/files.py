"""Reading and writing ``.minutes.json`` files: load → validate → migrate → model, and atomic saves."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path
from typing import Any

from ..errors import MeetingFileError
from ..l10n.i18n import gettext as _
from ..model import Meeting
from ..safe_io import FileTooLarge, NotARegularFile, read_regular_stat
from .atomic import UNCHECKED, write_text_atomically
from .codec import OddValue, from_json, is_plain_text, normalize_text, to_json
from .concurrency import DiskState
from .migrate import migrate
from .validation import CURRENT_FORMAT_VERSION, FORMAT_NAME, validate
from .values import Decoding, dumps, nested_within, value_problems

SUFFIX = ".minutes.json"
MAX_FILE_BYTES = 20 * 1024 * 1024  # a meeting of 1,000 attendees is well under 2 MB


def load_meeting(path: Path | str) -> Meeting:
    """The meeting in ``path``; raises MeetingFileError with one message per problem."""
    path = Path(path)
    return meeting_from_text(read_text(path), path)


def read_meeting(path: Path | str) -> tuple[Meeting, DiskState]:
    """The meeting in ``path`` and the state of the bytes it was read from, for a writer to pass to
    ``save_meeting(expected=…)``."""
    path = Path(path)
    raw, info = _read_bytes(path)
    return meeting_from_text(_decode(raw, path), path), DiskState.of_bytes(raw, info)


def read_text(path: Path) -> str:
    return _decode(_read_bytes(path)[0], path)


def _read_bytes(path: Path) -> tuple[bytes, os.stat_result]:
    def fail(message: str) -> MeetingFileError:
        return MeetingFileError(path, [message])

    try:
        if path.is_dir():
            raise fail(_("this is a folder, not a meeting file"))
        return read_regular_stat(path, MAX_FILE_BYTES)
    except FileTooLarge as error:
        raise fail(_("the file is too large to be a meeting ({size} MB; the limit is {limit} MB)").format(
            size=round(error.size / 1024 / 1024, 1), limit=MAX_FILE_BYTES // 1024 // 1024)) from None
    except NotARegularFile:
        raise fail(_("this is not a regular file (a device, a pipe or a link to one); it is not read")) from None
    except FileNotFoundError:
        raise fail(_("the file does not exist")) from None
    except PermissionError:
        raise fail(_("you do not have permission to read this file")) from None
    except OSError as error:
        raise fail(_("the file cannot be read: {reason}").format(reason=error.strerror or error)) from None


def _decode(raw: bytes, path: Path) -> str:
    if not raw or raw.isspace():
        raise MeetingFileError(path, [_("the file is empty")])
    try:
        # As "utf-8-sig" decodes, without the import of its codec at the first file opened.
        return raw.removeprefix(codecs.BOM_UTF8).decode("utf-8")
    except UnicodeDecodeError:
        raise MeetingFileError(path, [_("this is not a meeting file (it is not UTF-8 text)")]) from None


def decode_json(text: str, path: Path | str = "<text>") -> Any:
    """The JSON of a meeting or recovery file; values no meeting may hold (NaN, Infinity, numbers too long,
    repeated keys) are kept as markers that ``value_problems`` reports with their path."""
    return decode_json_plain(text, path)[0]


def decode_json_plain(text: str, path: Path | str = "<text>") -> tuple[Any, bool]:
    """``decode_json``, and whether what it decoded is plain: no marker, and every string whole and NFC (then
    ``checked_json(…, plain=True)`` need not walk it to normalise it)."""
    decoding = Decoding()
    try:
        data = decoding.loads(text)
    except json.JSONDecodeError as error:
        raise MeetingFileError(path, [_("line {line}, column {column}: the JSON is broken ({reason})").format(
            line=error.lineno, column=error.colno, reason=error.msg)]) from None
    except RecursionError:
        raise MeetingFileError(path, [_("the JSON is nested too deeply")]) from None
    return data, not decoding.marked and is_plain_text(text)


def meeting_from_text(text: str, path: Path | str = "<text>") -> Meeting:
    """Decode, check, migrate and convert the text of a meeting file."""
    data, plain = decode_json_plain(text, path)
    return from_json(checked_json(data, path, plain=plain))


def meeting_from_json(data: Any, path: Path | str = "<data>") -> Meeting:
    return from_json(checked_json(data, path))


def load_checked_json(path: Path) -> dict[str, Any]:
    """The JSON of the meeting file ``path``, read and checked as ``load_meeting`` does, not made into a model."""
    data, plain = decode_json_plain(read_text(path), path)
    return checked_json(data, path, plain=plain)


def checked_json(data: Any, path: Path | str = "<data>", *, plain: bool = False) -> dict[str, Any]:
    """The decoded JSON of a meeting file, NFC-normalised, migrated to the current version and validated.

    ``plain``: the decoder found it plain (see ``decode_json_plain``), so that normalising would change
    nothing; it is then checked as it is, not copied."""
    if not nested_within(data):
        raise MeetingFileError(path, [_("the JSON is nested too deeply")])
    try:
        normalized = data if plain else normalize_text(data)
    except OddValue:
        raise MeetingFileError(path, [str(problem) for problem in value_problems(data)]) from None
    except RecursionError:  # an object of a kind of its own (data not from the decoder) may nest deeper than seen
        raise MeetingFileError(path, [_("the JSON is nested too deeply")]) from None
    check_envelope(normalized, path)
    version = normalized.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version >= 1:
        normalized = migrate(normalized)  # the schema describes the current version: what is checked is read
    problems = validate(normalized)
    if problems:
        raise MeetingFileError(path, [str(problem) for problem in problems])
    return normalized


def check_envelope(data: Any, path: Path | str) -> None:
    """Refuse what is not a meeting file at all, or one from a newer program, before any detail."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise MeetingFileError(path, [_("this is not a Thư Ký meeting file (\"format\" is not \"{name}\")").format(
            name=FORMAT_NAME)])
    version = data.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > CURRENT_FORMAT_VERSION:
        raise MeetingFileError(path, [_(
            "the file was written by a newer version of Thư Ký (format_version {version}; this program "
            "reads up to {current}). Update Thư Ký to open it.").format(
                version=version, current=CURRENT_FORMAT_VERSION)])


def dumps_meeting(meeting: Meeting) -> str:
    """The exact text of the meeting's file (UTF-8 JSON, two-space indent, final newline)."""
    return dumps(to_json(meeting), indent=2)


def save_meeting(meeting: Meeting, path: Path | str, *, keep_backup: bool = True,
                 expected: DiskState | None | object = UNCHECKED) -> DiskState:
    """Write atomically: a temporary file beside the target, flushed and synced, then renamed.

    The previous version is kept as ``NAME.bak``. ``expected``: the file as it was read (``read_meeting``),
    or None for a file that did not exist; if it changed since, ChangedOnDiskError and nothing is written.
    On any failure the old file is untouched and SaveError says why; the meeting in memory is never
    changed. Returns the state of the file written.
    """
    return write_text_atomically(Path(path), dumps_meeting(meeting), keep_backup=keep_backup, expected=expected,
                                 max_bytes=MAX_FILE_BYTES)
