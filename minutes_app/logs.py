"""The program's log: ``thuky.log`` in the user data folder, kept small by rotation.

Problems the user is shown (a template error, a fallback to a built-in file, a failed export) are
also written here, so that an office's IT person can see what happened after the fact.
"""

from __future__ import annotations

import logging
import os
from functools import cache
from io import TextIOWrapper
from pathlib import Path
from typing import TYPE_CHECKING

from .userdirs import make_private_dir, make_private_file, user_data_dir

LOG_NAME = "thuky.log"
MAX_BYTES = 512_000
BACKUPS = 2
_configured: set[str] = set()

if TYPE_CHECKING:
    import logging.handlers


def setup_logging() -> None:
    """Log warnings and errors of ``minutes_app`` to the user's log file (once per folder)."""
    folder = user_data_dir()
    if str(folder) in _configured:
        return
    try:
        make_private_dir(folder)
        make_private_file(folder / LOG_NAME)
    except OSError:
        return  # a read-only profile: the program works without its log
    handler = _LogFile(folder / LOG_NAME)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("minutes_app")
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    _configured.add(str(folder))


class _LogFile(logging.Handler):
    """The rotating log file, opened at the first record.

    Most runs log nothing: ``logging.handlers`` (which brings socket, pickle and queue, ~10 ms) then stays
    out of the editor's start-up and of every command."""

    def __init__(self, path: Path):
        super().__init__()
        self.path = path
        self.file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.file is None:
            try:
                self.file = _open_rotating(self.path)
            except OSError:
                self.handleError(record)
                return
            self.file.setFormatter(self.formatter)
        self.file.emit(record)  # under this handler's lock (``handle``)

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
        super().close()


def _open_rotating(path: Path) -> logging.Handler:
    return _rotating_class()(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8",
                              errors="backslashreplace")  # a name or text with a lone surrogate is still logged


@cache
def _rotating_class() -> type[logging.handlers.RotatingFileHandler]:
    import logging.handlers

    class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
        """Log files readable by the user alone (0600): they name files, people and problems."""

        def _open(self) -> TextIOWrapper:
            flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
            stream = open(os.open(self.baseFilename, flags, 0o600), self.mode, encoding=self.encoding,  # noqa: SIM115
                          errors=self.errors)
            assert isinstance(stream, TextIOWrapper)  # a text mode ("a")
            return stream

    return PrivateRotatingFileHandler
