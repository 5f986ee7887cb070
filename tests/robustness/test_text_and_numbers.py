"""Issue 15, cases 3 and 7: values JSON can carry but a meeting cannot hold are refused in one line
naming the file and the field; no text in memory can make a save or an autosave fail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from robustness.bounded import one_line_refusal, run_bounded
from robustness.hostile import sample_text, with_member, write_meeting

from minutes_app.storage import load_meeting, save_meeting
from minutes_app.storage.recovery import find_recoveries, write_recovery

HOSTILE_MEMBERS = {
    "lone surrogate in an unknown field": ('"x_note": "ghi ch\\udc80"', "x_note", "U+DC80"),
    "NaN": ('"x_ratio": NaN', "x_ratio", '"NaN" is not a finite number'),
    "Infinity": ('"x_ratio": -Infinity', "x_ratio", '"-Infinity" is not a finite number'),
    "beyond a float": ('"x_ratio": 1e309', "x_ratio", '"1e309" is not a finite number'),
    "a key twice": ('"language": "en"', "language", "the key appears more than once"),
}


@pytest.mark.parametrize(("member", "field", "problem"), HOSTILE_MEMBERS.values(), ids=HOSTILE_MEMBERS.keys())
def test_validate_refuses_in_one_line(tmp_path: Path, member: str, field: str, problem: str) -> None:
    path = write_meeting(tmp_path, "bad.minutes.json", with_member(sample_text(), member))
    line = one_line_refusal(run_bounded("validate", path), path)
    assert f"{field}: " in line and problem in line, line


def test_a_lone_surrogate_in_a_known_field_is_refused(tmp_path: Path) -> None:
    data = json.loads(sample_text())
    data["attendees"][1]["name"] = "Nguyễn Văn \udc80"
    path = write_meeting(tmp_path, "bad.minutes.json", json.dumps(data))  # ASCII JSON: the escape "\udc80"
    line = one_line_refusal(run_bounded("validate", path), path)
    assert "attendees[1].name: " in line and "U+DC80" in line


@pytest.mark.slow  # child processes
def test_format_version_of_4400_digits_does_not_break_the_folder(tmp_path: Path) -> None:
    text = sample_text().replace('"format_version": 1', '"format_version": ' + "9" * 4400, 1)
    bad = write_meeting(tmp_path, "bad.minutes.json", text)
    write_meeting(tmp_path, "good.minutes.json", sample_text())
    line = one_line_refusal(run_bounded("validate", bad), bad)
    assert "4400 digits" in line
    tasks = run_bounded("tasks", tmp_path)
    assert tasks.returncode == 0 and "Traceback" not in tasks.stderr, tasks.stderr
    assert tasks.stderr.strip().splitlines() == [tasks.stderr.strip()] and "bad.minutes.json" in tasks.stderr
    check = run_bounded("check", tmp_path / "good.minutes.json")
    assert "Traceback" not in check.stderr and check.returncode in (0, 1), check.stderr


def test_json_nested_900_deep_does_not_break_the_folder(tmp_path: Path) -> None:
    """Nesting the JSON decoder still reads (it stops near 1,000 levels) overflowed the recursive walk that
    checks a file's text: validate, check and tasks ended in a RecursionError traceback."""
    bad = write_meeting(tmp_path, "deep.minutes.json", with_member(sample_text(), '"x_deep": ' + "[" * 900 + "]" * 900))
    good = write_meeting(tmp_path, "good.minutes.json", sample_text())
    assert one_line_refusal(run_bounded("validate", bad), bad).endswith("the JSON is nested too deeply")
    tasks = run_bounded("tasks", tmp_path)
    assert tasks.returncode == 0 and tasks.stdout, tasks.stderr
    assert tasks.stderr.strip() == "deep.minutes.json was left out: the JSON is nested too deeply"
    check = run_bounded("check", good)
    assert "Traceback" not in check.stderr and check.returncode in (0, 1), check.stderr


def test_text_that_cannot_be_encoded_never_fails_a_save(tmp_path: Path) -> None:
    """Pasted text may carry a lone surrogate: the save and the autosave still happen, as U+FFFD."""
    meeting = load_meeting(Path(__file__).resolve().parents[2] / "resources/samples"
                           / "giao-ban-xa-binh-thanh-2025-03.minutes.json")
    meeting.meeting.title = "Họp giao ban \udc80"
    meeting.extra["x_note"] = "\ud800"
    meeting.results.indicators[0].actual = float("nan")
    path = tmp_path / "m.minutes.json"
    save_meeting(meeting, path)
    again = load_meeting(path)
    assert again.meeting.title == "Họp giao ban \ufffd" and again.extra["x_note"] == "\ufffd"
    assert again.results.indicators[0].actual is None
    write_recovery("session-1", meeting, path)
    recovered = find_recoveries()[0].load()
    assert recovered.meeting.title == "Họp giao ban \ufffd"
