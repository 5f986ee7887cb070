"""Two people, one file: a lock beside the file while it is open, and a check before saving.

The lock is a small JSON file ``.~NAME.lock`` next to the meeting (visible to colleagues on a shared
drive) naming who holds it. A holder refreshes it regularly; a lock that has not been refreshed for
``STALE_AFTER`` seconds, or whose process on this same computer is gone, is taken over, so a crash
never leaves a file locked for ever. The lock informs; it does not forbid: the user may still open.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import tempfile
import time
from dataclasses import field
from functools import cache
from pathlib import Path

from ..model.records import record
from ..safe_io import read_regular, read_regular_stat

# subprocess is imported where it is used: the editor opening its sample (no file of its own, so no lock) does
# not need it. Opening a file needs no socket nor hashlib either (see host_name and DiskState):
# with them, opening the stress meeting took 5 ms more before the window showed.

STALE_AFTER = 10 * 60  # seconds without a refresh; holders refresh every minute
REFRESH_EVERY = 60
LOCK_LIMIT = 4096  # a lock is a line of JSON
STATE_LIMIT = 64 * 1024 * 1024  # more than any meeting file the program would read


@record(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int
    since: float  # epoch seconds

    def is_me(self) -> bool:
        return self.host == host_name() and self.pid == os.getpid()


def lock_path(path: Path) -> Path:
    return path.with_name(f".~{path.name}.lock")


def _current_owner() -> LockOwner:
    return LockOwner(user=user_name(), host=host_name(), pid=os.getpid(), since=time.time())


@cache
def host_name() -> str:
    """This computer's name, as locks and save markers record it: ``socket.gethostname()``, which on POSIX is
    the node name ``os.uname()`` gives without importing socket (2 ms). Asked once: a process keeps the name
    it started with, so that what it wrote is recognised as its own."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


@cache
def user_name() -> str:
    """The user's login name, as ``getpass.getuser()`` gives it (the environment's LOGNAME, USER, LNAME or
    USERNAME, else the password database), without importing getpass and its terminal handling (0.4 ms of opening
    a file). "?" when there is none: no user name is no reason to fail opening a file."""
    for variable in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        name = os.environ.get(variable)
        if name:
            return name
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError, OSError):  # Windows has no pwd; a uid without an entry
        return "?"


def process_start(pid: int) -> str | None:
    """When the process ``pid`` started, as an opaque text that differs between two processes that had the
    same id one after the other; None when it cannot be told (no such process, or no way to ask).

    A process id is reused once its process ends: the id alone cannot say that a file's owner still runs.
    Linux: the start time in ``/proc/PID/stat``; Windows: the creation time (GetProcessTimes); elsewhere
    (macOS, BSD): what ``ps -o lstart=`` prints."""
    if pid <= 0:
        return None
    if sys.platform == "win32":
        return _windows_process_start(pid)
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[19]  # field 22, counted after the command's name
    except (OSError, IndexError):
        pass
    if Path("/proc/self/stat").exists():
        return None  # a /proc system without that process
    import subprocess

    try:
        result = subprocess.run(["ps", "-o", "lstart=", "-p", str(pid)], capture_output=True, text=True,
                                timeout=5, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None


def _windows_process_start(pid: int) -> str | None:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return None
    try:
        created, exited, kernel, user = (ctypes.c_ulonglong() for _ in range(4))  # FILETIMEs
        ok = kernel32.GetProcessTimes(handle, ctypes.byref(created), ctypes.byref(exited), ctypes.byref(kernel),
                                      ctypes.byref(user))
        return str(created.value) if ok else None
    finally:
        kernel32.CloseHandle(handle)


def same_process_alive(pid: int, started: str | None) -> bool:
    """Whether the process that recorded (``pid``, ``started``) still runs: the id is alive and, when both
    start times are known, it is the same process and not a later one that was given the same id."""
    if not pid_alive(pid):
        return False
    if started is None:
        return True  # recorded before start times were kept: the id is all there is
    now = process_start(pid)
    return now is None or now == started


def pid_alive(pid: int) -> bool:
    """Whether a process of that id runs on this computer (best effort, POSIX and Windows)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        synchronize = 0x00100000
        handle = ctypes.windll.kernel32.OpenProcess(synchronize, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return True
    try:
        os.kill(pid, 0)  # signal 0 checks existence only
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    # A killed child that its parent has not reaped yet still "exists"; it is a zombie, not running.
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("State:"):
                return "Z" not in line.split(":", 1)[1].split()[0]
    except OSError:
        pass
    return True


def read_lock(path: Path) -> LockOwner | None:
    """Who holds the file, or None when it is free or the lock is stale."""
    lock = lock_path(path)
    try:
        data = json.loads(read_regular(lock, LOCK_LIMIT, follow_links=False).decode("utf-8"))
        owner = LockOwner(user=str(data["user"]), host=str(data["host"]), pid=int(data["pid"]),
                          since=float(data["since"]))
        age = time.time() - lock.stat().st_mtime
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if age > STALE_AFTER:
        return None
    if owner.host == host_name() and not pid_alive(owner.pid):
        return None
    return owner


def acquire_lock(path: Path) -> LockOwner | None:
    """Take the lock for this process. Returns the other holder if someone else has it (nothing taken)."""
    other = read_lock(path)
    if other is not None and not other.is_me():
        return other
    me = _current_owner()
    with contextlib.suppress(OSError):  # a read-only folder: nobody else can save there either
        _write_lock(lock_path(path), json.dumps(me.__dict__).encode("utf-8"), _lock_mode(path))
    return None


def _write_lock(lock: Path, data: bytes, mode: int) -> None:
    """Write the lock as a new file renamed into place: a link planted under its name is replaced, its
    target never written."""
    handle, temp = tempfile.mkstemp(prefix=lock.name + ".", suffix=".tmp", dir=lock.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, mode)
        os.replace(temp, lock)
    finally:
        Path(temp).unlink(missing_ok=True)


def _lock_mode(path: Path) -> int:
    """Who may read the lock: whoever may read the meeting (colleagues must see who holds it; it says no
    more than their name and computer); nobody else, and nobody else may write it."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode) & 0o644
    except OSError:
        return 0o600


def refresh_lock(path: Path) -> None:
    lock = lock_path(path)
    owner = read_lock(path)
    if owner is not None and owner.is_me():
        with contextlib.suppress(OSError):
            os.utime(lock)


def release_lock(path: Path) -> None:
    owner = read_lock(path)
    if owner is not None and owner.is_me():
        lock_path(path).unlink(missing_ok=True)


@record(frozen=True)
class DiskState:
    """What the file on disk was when it was opened or last saved: its size, time and bytes (kept rather than a
    digest of them: comparing them is exact, and hashing needed hashlib, whose import was 2–3 ms of opening a
    file; a meeting's bytes are a small part of what the open meeting holds anyway)."""

    size: int
    mtime_ns: int
    data: bytes = field(repr=False)

    @classmethod
    def of(cls, path: Path) -> DiskState | None:
        try:
            data, info = read_regular_stat(path, STATE_LIMIT)
        except OSError:
            return None
        return cls.of_bytes(data, info)

    @classmethod
    def of_bytes(cls, data: bytes, info: os.stat_result) -> DiskState:
        """The state of a file read (or written) as ``data``, whose status was ``info``."""
        return cls(size=len(data), mtime_ns=info.st_mtime_ns, data=data)


def changed_on_disk(path: Path, known: DiskState | None) -> bool:
    """Whether someone else wrote the file since ``known`` (a touch without a change does not count)."""
    if known is None:
        return path.exists()
    try:
        info = path.stat()
    except OSError:
        return False  # deleted or unreachable: saving recreates it, nothing of theirs is lost
    if info.st_size == known.size and info.st_mtime_ns == known.mtime_ns:
        return False
    current = DiskState.of(path)
    return current is not None and current.data != known.data
