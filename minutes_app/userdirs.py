"""Per-user folders (platformdirs): the user's templates, the people directory, recovery files."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "ThuKy"
APP_AUTHOR = "ThuKy"
ENV_DATA_DIR = "MINUTES_APP_DATA_DIR"  # tests and portable installs point this elsewhere


def user_data_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def user_templates_dir() -> Path:
    """Templates here override the built-in ones of the same name."""
    return user_data_dir() / "templates"


def recovery_dir() -> Path:
    return user_data_dir() / "recovery"
