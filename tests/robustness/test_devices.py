"""Issue 15, case 7 (devices): only regular files are read, with a size limit. A FIFO or a link to
``/dev/zero`` under a meeting's name, or named as the earlier meeting, is refused in one line at once."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from robustness.bounded import one_line_refusal, run_bounded
from robustness.hostile import sample_text, write_meeting

from minutes_app.storage import load_meeting
from minutes_app.storage.follow_links import earlier_meeting_path

posix_only = pytest.mark.skipif(sys.platform == "win32" or not Path("/dev/zero").exists(),
                                reason="FIFOs and /dev/zero are POSIX")


@pytest.mark.slow  # waits out a FIFO's time limit
@posix_only
def test_a_fifo_in_the_folder_does_not_hang_check_or_tasks(tmp_path: Path) -> None:
    good = write_meeting(tmp_path, "good.minutes.json", sample_text())
    os.mkfifo(tmp_path / "x.minutes.json")
    check = run_bounded("check", good)
    assert "Traceback" not in check.stderr and check.returncode in (0, 1), check.stderr
    tasks = run_bounded("tasks", tmp_path)
    assert tasks.returncode == 0 and "Traceback" not in tasks.stderr and tasks.stdout, tasks.stderr
    line = one_line_refusal(run_bounded("validate", tmp_path / "x.minutes.json"), tmp_path / "x.minutes.json")
    assert "not a regular file" in line


@pytest.mark.slow  # child processes bounded in time
@posix_only
def test_a_meeting_name_linked_to_dev_zero_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.minutes.json"
    link.symlink_to("/dev/zero")
    line = one_line_refusal(run_bounded("validate", link), link)
    assert "not a regular file" in line
    write_meeting(tmp_path, "good.minutes.json", sample_text())
    for command in (("tasks", tmp_path), ("check", tmp_path / "good.minutes.json")):
        result = run_bounded(*command)
        assert result.returncode in (0, 1) and "Traceback" not in result.stderr, result.stderr


@posix_only
def test_an_earlier_meeting_on_dev_zero_is_refused(tmp_path: Path) -> None:
    """"Carry open tasks" reads the file ``follows.file`` names: /dev/zero must not be read."""
    data = json.loads(sample_text())
    data["follows"] = {"file": "/dev/zero", "title": "Tháng trước", "date": "2025-02-05"}
    path = write_meeting(tmp_path, "m.minutes.json", json.dumps(data, ensure_ascii=False))
    earlier = earlier_meeting_path(load_meeting(path), path)
    assert earlier == Path("/dev/zero")
    # What the editor's "carry open tasks" does with it (load_meeting), bounded in a child process.
    line = one_line_refusal(run_bounded("validate", earlier), earlier)
    assert "not a regular file" in line
    result = run_bounded("new", tmp_path / "next.minutes.json", "--follows", "/dev/zero")
    assert result.returncode == 1 and "not a regular file" in result.stderr, result.stderr


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.minutes.json"
    with path.open("wb") as stream:
        stream.truncate(21 * 1024 * 1024)  # sparse: the size is what is checked
    line = one_line_refusal(run_bounded("validate", path), path)
    assert "too large" in line and "the limit is 20 MB" in line
