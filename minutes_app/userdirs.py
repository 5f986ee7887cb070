"""Per-user folders (platformdirs): the user's templates, the people directory, recovery files."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import platformdirs

APP_NAME = "ThuKy"
APP_AUTHOR = "ThuKy"
ENV_DATA_DIR = "MINUTES_APP_DATA_DIR"  # tests and portable installs point this elsewhere
ENV_CACHE_DIR = "MINUTES_APP_CACHE_DIR"


def user_data_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def user_cache_dir() -> Path:
    """What can be made again from the user's files (the index of a folder's meetings, compiled templates).
    A data folder set through the environment keeps its cache beside it: tests and portable installs
    leave nothing in the user's profile."""
    override = os.environ.get(ENV_CACHE_DIR)
    if override:
        return Path(override)
    data = os.environ.get(ENV_DATA_DIR)
    if data:
        return Path(data) / "cache"
    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def user_templates_dir() -> Path:
    """Templates here override the built-in ones of the same name."""
    return user_data_dir() / "templates"


def recovery_dir() -> Path:
    return user_data_dir() / "recovery"


def make_private_dir(path: Path) -> Path:
    """Create ``path`` (and its parents) readable by the user alone (0700); an existing folder of ours is
    narrowed to that too. Windows keeps its own ACLs: the per-user profile is private already."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        _narrow(path, 0o700)
    return path


def make_private_file(path: Path) -> Path:
    """Create ``path`` empty if missing, readable and writable by the user alone (0600); narrow it if it
    exists. A link is never followed (a file from outside may be one)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name != "posix":
        return path
    # Never blocks: a FIFO put under the name (opened for writing, it would wait for a reader) is refused.
    flags = os.O_WRONLY | os.O_CREAT | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
    finally:
        os.close(fd)
    _narrow(path, 0o600)
    return path


def _narrow(path: Path, mode: int) -> None:
    try:
        info = os.lstat(path)
        if info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) & ~mode:
            os.chmod(path, stat.S_IMODE(info.st_mode) & mode)
    except OSError:
        pass  # a folder we cannot change is still usable; the files in it are created private
