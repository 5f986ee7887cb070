"""Atomic writes into folders others share: all or nothing, never through a link, never over a newer file.

- The new bytes go to a temporary file beside the target, flushed and synced, then renamed over it.
- The previous version is kept as ``NAME.bak`` the same way (a copy renamed into place), so a link
  someone planted under that name is replaced, never written through.
- Temporary files an interrupted save left behind are removed by the next save of that file.
- A writer that read the file may pass what it read (``expected``): if the file changed since, the save
  is refused with ChangedOnDiskError instead of silently replacing someone else's work. The check and the
  rename happen under a short exclusive ``.~NAME.saving`` marker, so two processes cannot both pass it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from ..errors import SaveError
from ..l10n.i18n import gettext as _
from .concurrency import DiskState, changed_on_disk, host_name, pid_alive

BACKUP_SUFFIX = ".bak"
ORPHAN_AGE = 10 * 60  # seconds: older temporary files belong to no save still running
SAVE_WAIT = 5.0  # seconds another process's save may hold the marker before we give up
_MARKER_STALE = 60.0
# A marker is created empty and its owner written a microsecond later: one still empty after this
# long belongs to a save killed in between, and would otherwise block every save for a minute.
_EMPTY_MARKER_STALE = 1.0
UNCHECKED = object()  # ``expected`` default: overwrite whatever is there (exports, recovery files)
_UMASK = os.umask(0o022)  # read once, at import, while no other thread runs: os.umask can only be read by setting it
os.umask(_UMASK)


class ChangedOnDiskError(SaveError):
    """The file was written by someone else since it was read; nothing was saved."""

    def __init__(self, path: Path):
        self.path = path
        super().__init__(_("{path} was changed by someone else since it was read; nothing was saved. Read it "
                           "again and repeat, or save under another name.").format(path=path))


def write_text_atomically(path: Path, text: str, **options: object) -> DiskState:
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: never a reason to lose a save
        from .values import printable

        data = printable(text).encode("utf-8")
    return write_bytes_atomically(path, data, **options)  # type: ignore[arg-type]


def write_bytes_atomically(path: Path, data: bytes, *, keep_backup: bool = False, mode: int | None = None,
                           expected: DiskState | None | object = UNCHECKED, max_bytes: int | None = None) -> DiskState:
    """Write ``data`` to ``path`` all or nothing; returns the state of what was written (to pass as
    ``expected`` next time). ``mode``: the permissions of a new file (default: those of the file it
    replaces, or as ``open`` would give them). ``max_bytes``: what the program would read back (a file
    it would refuse to open is not written). SaveError says why nothing was written."""
    path = Path(path)
    if max_bytes is not None and len(data) > max_bytes:
        raise SaveError(_("Cannot save {path}: it would be {size} MB, more than the {limit} MB a meeting file may "
                          "hold; nothing was saved.").format(path=path, size=round(len(data) / 1024 / 1024, 1),
                                                             limit=max_bytes // 1024 // 1024))
    folder = path.parent if str(path.parent) else Path(".")
    mode = _file_mode(path) if mode is None else mode
    _remove_orphans(folder, path.name)
    temp = _temp_copy(folder, path, data, mode)
    try:
        with _save_marker(path):
            if expected is not UNCHECKED and changed_on_disk(path, expected):  # type: ignore[arg-type]
                raise ChangedOnDiskError(path)
            if keep_backup and _is_regular(path):
                _replace_backup(folder, path)
            os.replace(temp, path)
            written = os.stat(path)
    except OSError as error:
        raise SaveError(_("Cannot save {path}: {reason}").format(path=path, reason=_reason(error))) from None
    finally:
        temp.unlink(missing_ok=True)
    _sync_folder(folder)
    return DiskState.of_bytes(data, written)


def _temp_copy(folder: Path, path: Path, data: bytes, mode: int) -> Path:
    """A synced temporary file beside ``path`` holding ``data`` with ``mode`` (mkstemp never follows links)."""
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise SaveError(_("Cannot save {path}: {reason}").format(path=path, reason=_reason(error))) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise SaveError(_("Cannot save {path}: {reason}").format(path=path, reason=_reason(error))) from None
    return temp


def _replace_backup(folder: Path, path: Path) -> None:
    """``NAME.bak`` becomes a copy of the current file, renamed into place like the file itself."""
    backup = path.with_name(path.name + BACKUP_SUFFIX)
    handle, temp_name = tempfile.mkstemp(prefix=f".{backup.name}.", suffix=".tmp", dir=folder)
    os.close(handle)
    try:
        shutil.copyfile(path, temp_name)
        shutil.copystat(path, temp_name)
        os.replace(temp_name, backup)
    finally:
        Path(temp_name).unlink(missing_ok=True)


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _remove_orphans(folder: Path, name: str) -> None:
    """Temporary files of earlier saves of ``name`` (``.NAME.xxxx.tmp``, ``.NAME.bak.xxxx.tmp``) that no
    save still running can own."""
    prefix, now = f".{name}.", time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if now - info.st_mtime > ORPHAN_AGE:
                os.unlink(entry.path)


@contextlib.contextmanager
def _save_marker(path: Path) -> Iterator[None]:
    """Hold ``.~NAME.saving`` (created exclusively) while checking and renaming. A marker left by a
    process that died, or older than a minute, is taken over; a folder where it cannot be created
    (read-only) gets no marker, and the save reports its own failure."""
    marker = path.with_name(f".~{path.name}.saving")
    deadline = time.monotonic() + SAVE_WAIT
    held = False
    while True:
        try:
            fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            if _marker_stale(marker):
                with contextlib.suppress(OSError):
                    os.unlink(marker)
                continue
            if time.monotonic() > deadline:
                raise SaveError(_("Cannot save {path}: another program has been saving it for several seconds; "
                                  "try again.").format(path=path)) from None
            time.sleep(0.02)
            continue
        except OSError:
            break
        with os.fdopen(fd, "w", encoding="ascii") as stream:
            stream.write(f"{os.getpid()} {host_name()}")
        held = True
        break
    try:
        yield
    finally:
        if held:
            with contextlib.suppress(OSError):
                os.unlink(marker)


def _marker_stale(marker: Path) -> bool:
    try:
        info = os.lstat(marker)
        if not stat.S_ISREG(info.st_mode) or time.time() - info.st_mtime > _MARKER_STALE:
            return True
        with open(marker, encoding="ascii", errors="replace") as stream:
            owner = stream.read(300)
        if not owner:
            return time.time() - info.st_mtime > _EMPTY_MARKER_STALE
        pid_text, _sep, host = owner.partition(" ")
        return host == host_name() and pid_text.isdigit() and not pid_alive(int(pid_text))
    except OSError:
        return False


def _file_mode(path: Path) -> int:
    """The permissions the file keeps (or a new one gets, as ``open`` would give it): a temporary file is 0600."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_UMASK


def _reason(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return _("the disk is full")
    if isinstance(error, PermissionError):
        return _("permission denied (the folder is read-only, or the file is open in another program)")
    return error.strerror or str(error)


def _sync_folder(folder: Path) -> None:
    # Make the rename itself durable; folders cannot be opened this way on Windows, which is fine.
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
