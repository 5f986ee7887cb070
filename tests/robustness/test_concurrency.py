"""The lock beside an open file and the check that the file changed on disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from minutes_app.storage.concurrency import (
    STALE_AFTER,
    DiskState,
    acquire_lock,
    changed_on_disk,
    host_name,
    lock_path,
    read_lock,
    release_lock,
    user_name,
)

REPO = Path(__file__).resolve().parents[2]


def test_second_holder_is_told_who_has_the_file(tmp_path: Path) -> None:
    meeting = tmp_path / "m.minutes.json"
    meeting.write_text("{}", encoding="utf-8")
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from minutes_app.storage.concurrency import acquire_lock;"
        "acquire_lock(Path(sys.argv[1])); print('locked', flush=True); time.sleep(60)"), str(meeting)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        other = acquire_lock(meeting)
        assert other is not None and other.pid == holder.pid
        assert other.user and other.host
    finally:
        holder.kill()
        holder.wait()
    # The holder crashed (killed): its lock is stale at once on this computer, and we may take it.
    assert acquire_lock(meeting) is None
    assert read_lock(meeting) is not None and read_lock(meeting).is_me()
    release_lock(meeting)
    assert not lock_path(meeting).exists()


def test_a_lock_not_refreshed_for_long_is_stale(tmp_path: Path) -> None:
    meeting = tmp_path / "m.minutes.json"
    lock = lock_path(meeting)
    lock.write_text(json.dumps({"user": "ngan", "host": "another-pc", "pid": 4242, "since": 0}), encoding="utf-8")
    assert read_lock(meeting).user == "ngan"
    old = time.time() - STALE_AFTER - 5
    os.utime(lock, (old, old))
    assert read_lock(meeting) is None
    assert acquire_lock(meeting) is None


def test_a_garbled_lock_does_not_block(tmp_path: Path) -> None:
    meeting = tmp_path / "m.minutes.json"
    lock_path(meeting).write_text("not json", encoding="utf-8")
    assert acquire_lock(meeting) is None


def test_changed_on_disk(tmp_path: Path) -> None:
    meeting = tmp_path / "m.minutes.json"
    meeting.write_text('{"a": 1}', encoding="utf-8")
    known = DiskState.of(meeting)
    assert not changed_on_disk(meeting, known)
    os.utime(meeting, None)  # touched, same bytes: not a change
    assert not changed_on_disk(meeting, known)
    meeting.write_text('{"a": 2}', encoding="utf-8")
    assert changed_on_disk(meeting, known)
    assert changed_on_disk(meeting, None)


def test_a_change_that_keeps_the_size_is_seen(tmp_path: Path) -> None:
    meeting = tmp_path / "m.minutes.json"
    meeting.write_text('{"a": 1}', encoding="utf-8")
    known = DiskState.of(meeting)
    meeting.write_text('{"a": 2}', encoding="utf-8")
    os.utime(meeting, ns=(known.mtime_ns, known.mtime_ns + 1_000_000))  # same size, another time
    assert changed_on_disk(meeting, known)
    os.utime(meeting, ns=(known.mtime_ns, known.mtime_ns))  # same size and time: taken as unchanged, as before
    assert not changed_on_disk(meeting, known)


def test_the_host_name_is_the_one_sockets_give() -> None:
    import socket

    assert host_name() == socket.gethostname()


def test_the_user_name_is_the_one_getpass_gives(monkeypatch) -> None:  # noqa: ANN001
    import getpass

    for variables in ({"LOGNAME": "lan.nguyen"}, {"USER": "vanthu"}, {}):  # the environment's, else the database's
        for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
            monkeypatch.delenv(name, raising=False)
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        user_name.cache_clear()
        assert user_name() == getpass.getuser()
    user_name.cache_clear()


def test_opening_a_file_loads_neither_hashlib_nor_socket(tmp_path: Path) -> None:
    """What the editor does with the file it opens before its window shows: read it and its state, take the
    lock. hashlib (2-3 ms of import), socket (2 ms) and getpass (0.4 ms) are not needed for that."""
    meeting = tmp_path / "m.minutes.json"
    meeting.write_bytes((REPO / "resources/samples/giao-ban-xa-binh-thanh-2025-03.minutes.json").read_bytes())
    probe = ("import sys; from pathlib import Path\n"
             "from minutes_app.storage import read_meeting\n"
             "from minutes_app.storage.concurrency import DiskState, acquire_lock, changed_on_disk\n"
             "path = Path(sys.argv[1]); meeting, state = read_meeting(path)\n"
             "assert acquire_lock(path) is None and not changed_on_disk(path, DiskState.of(path))\n"
             "print(sorted({'hashlib', 'socket', '_hashlib', 'getpass'} & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", probe, str(meeting)], capture_output=True, text=True, cwd=REPO,
                            timeout=60, check=True)
    assert result.stdout.strip() == "[]"
