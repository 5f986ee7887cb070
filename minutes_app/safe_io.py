"""Reading files from outside: regular files only, never more than a limit.

Every layer reads such files (meetings in storage, sheets in importing, the calendar of days off in l10n),
so this module depends on nothing of the program.

A shared folder may hold a FIFO or a link to ``/dev/zero`` under a meeting's name; reading one would
hang or fill the memory. ``read_regular`` checks what the name is and what was actually opened (the
name may be swapped in between), and reads at most ``limit`` bytes. Portable: ``O_NONBLOCK`` and
``O_NOFOLLOW`` are used where they exist, ``lstat`` checks stand in elsewhere.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path


class NotARegularFile(OSError):
    """The name is a folder, a device, a FIFO or a socket (or, when links are refused, a link)."""


class FileTooLarge(OSError):
    """The file is larger than the caller accepts."""

    def __init__(self, path: Path, size: int, limit: int):
        super().__init__(f"{path}: {size} bytes (limit {limit})")
        self.size, self.limit = size, limit


def read_regular(path: Path, limit: int, *, follow_links: bool = True) -> bytes:
    """The bytes of ``path``, a regular file of at most ``limit`` bytes; raises OSError otherwise."""
    return read_regular_stat(path, limit, follow_links=follow_links)[0]


def read_regular_stat(path: Path, limit: int, *, follow_links: bool = True) -> tuple[bytes, os.stat_result]:
    """``read_regular``, with the status of the file that was read (size and time of change)."""
    info = os.stat(path) if follow_links else os.lstat(path)
    _check(path, info, limit)
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        _check(path, info, limit)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    finally:
        os.close(fd)
    if total > limit:  # it grew while we read
        raise FileTooLarge(path, total, limit)
    return b"".join(chunks), info


def read_json_file(path: Path, limit: int) -> object:
    """The JSON of a small file the program keeps (a calendar, a remembered choice, a recovery file): a
    regular file of at most ``limit`` bytes, UTF-8. OSError says what the name is (missing, a FIFO, a device,
    too large); ValueError what the bytes are (not UTF-8, not JSON, nested too deeply, a number too long)."""
    text = read_regular(path, limit).decode("utf-8-sig")
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("the JSON is nested too deeply") from None


def check_regular(path: Path) -> None:
    """Nothing, when ``path`` (a link followed) is a regular file; else OSError: FileNotFoundError when there is
    none, NotARegularFile for a folder, a device, a FIFO or a socket. For files a library opens itself."""
    _require_regular(path, os.stat(path))


def _require_regular(path: Path, info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise NotARegularFile(f"{path}: not a regular file")


def _check(path: Path, info: os.stat_result, limit: int) -> None:
    _require_regular(path, info)
    if info.st_size > limit:
        raise FileTooLarge(path, info.st_size, limit)


def is_link(path: Path) -> bool:
    """Whether the name is a symbolic link (or a Windows junction); a missing name is not."""
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode) or bool(getattr(path, "is_junction", lambda: False)())
    except OSError:
        return False
