"""The program's log: ``thuky.log`` in the user data folder, kept small by rotation.

Problems the user is shown (a template error, a fallback to a built-in file, a failed export) are
also written here, so that an office's IT person can see what happened after the fact.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from io import TextIOWrapper

from .userdirs import make_private_dir, make_private_file, user_data_dir

LOG_NAME = "thuky.log"
_configured: set[str] = set()


def setup_logging() -> None:
    """Log warnings and errors of ``minutes_app`` to the user's log file (once per folder)."""
    folder = user_data_dir()
    if str(folder) in _configured:
        return
    try:
        make_private_dir(folder)
        make_private_file(folder / LOG_NAME)
        handler = _PrivateRotatingFileHandler(folder / LOG_NAME, maxBytes=512_000, backupCount=2, encoding="utf-8")
    except OSError:
        return  # a read-only profile: the program works without its log
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("minutes_app")
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    _configured.add(str(folder))


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Log files readable by the user alone (0600): they name files, people and problems."""

    def _open(self) -> TextIOWrapper:
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
        stream = open(os.open(self.baseFilename, flags, 0o600), self.mode, encoding=self.encoding,  # noqa: SIM115
                      errors=self.errors)
        assert isinstance(stream, TextIOWrapper)  # a text mode ("a")
        return stream
