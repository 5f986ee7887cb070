"""The program's log: ``thuky.log`` in the user data folder, kept small by rotation.

Problems the user is shown (a template error, a fallback to a built-in file, a failed export) are
also written here, so that an office's IT person can see what happened after the fact.
"""

from __future__ import annotations

import logging
import logging.handlers

from .userdirs import user_data_dir

LOG_NAME = "thuky.log"
_configured: set[str] = set()


def setup_logging() -> None:
    """Log warnings and errors of ``minutes_app`` to the user's log file (once per folder)."""
    folder = user_data_dir()
    if str(folder) in _configured:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(folder / LOG_NAME, maxBytes=512_000, backupCount=2,
                                                       encoding="utf-8")
    except OSError:
        return  # a read-only profile: the program works without its log
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("minutes_app")
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    _configured.add(str(folder))
