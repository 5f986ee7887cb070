"""A recovery file stays hidden only while the editor that wrote it runs, not while another program that
was later given the same process id does (``storage.recovery``, ``concurrency.process_start``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from minutes_app.model import new_meeting
from minutes_app.storage.concurrency import process_start
from minutes_app.storage.recovery import find_recoveries, write_recovery


@pytest.fixture
def other_program() -> Iterator[int]:
    """A live process that is not this one (it stands for an editor, or for a program given its id)."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        yield child.pid
    finally:
        child.kill()
        child.wait()


def _left_by(pid: int, started: str | None) -> None:
    path = write_recovery("other-session", new_meeting("vi"), None)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["pid"], data["started"] = pid, started
    path.write_text(json.dumps(data), encoding="utf-8")


def test_our_own_file_records_when_this_process_started() -> None:
    path = write_recovery("this-session", new_meeting("vi"), None)
    assert json.loads(path.read_text(encoding="utf-8"))["started"] == process_start(os.getpid())


def test_a_running_editor_keeps_its_file(other_program: int) -> None:
    started = process_start(other_program)
    if started is None:
        pytest.skip("this system does not tell when a process started")
    _left_by(other_program, started)
    assert find_recoveries() == []


def test_a_reused_process_id_does_not_hide_the_file(other_program: int) -> None:
    if process_start(other_program) is None:
        pytest.skip("this system does not tell when a process started")
    _left_by(other_program, "a start time of another process")
    assert [recovery.pid for recovery in find_recoveries()] == [other_program]


def test_a_file_from_before_start_times_trusts_the_live_id(other_program: int) -> None:
    _left_by(other_program, None)
    assert find_recoveries() == []


def test_an_ended_process_leaves_its_file_to_recover() -> None:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                           text=True, check=True)
    _left_by(int(child.stdout), "whatever")
    assert len(find_recoveries()) == 1
