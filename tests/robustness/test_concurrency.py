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
    lock_path,
    read_lock,
    release_lock,
)


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
