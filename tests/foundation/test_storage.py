"""The .minutes.json file: samples, byte-stable round trips, unknown fields, NFC, atomic saves."""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import stat
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from malformed_cases import MALFORMED
from support import ALL_SAMPLES, SEED_SAMPLE

from minutes_app.errors import MeetingFileError, SaveError
from minutes_app.model import Gender, MeetingKind, Role, Target
from minutes_app.storage import dumps_meeting, load_meeting, meeting_from_json, save_meeting


def sample_json(path: Path = SEED_SAMPLE) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", ALL_SAMPLES, ids=lambda p: p.name)
def test_samples_round_trip_byte_for_byte(path: Path, tmp_path: Path) -> None:
    copy_path = tmp_path / path.name
    save_meeting(load_meeting(path), copy_path)
    assert copy_path.read_bytes() == path.read_bytes()


def test_seed_sample_reads_into_the_model() -> None:
    meeting = load_meeting(SEED_SAMPLE)
    assert meeting.meeting.date == dt.date(2020, 12, 29)
    assert meeting.meeting.start == dt.time(13, 30)
    assert meeting.meeting.kind is MeetingKind.ONLINE
    assert meeting.find_attendee("trần văn sáu").gender is Gender.MALE
    assert meeting.find_attendee("Nguyễn Thị Nhanh").role is Role.CHAIR
    rice = meeting.results.indicators[2]
    assert (rice.plan, rice.actual, rice.target) == (28466, 31597, Target.AT_LEAST)
    assert isinstance(rice.plan, int)
    assert meeting.news.author == "Minh Thư"
    assert [d.speaker for d in meeting.directives] == ["Trần Văn Sáu", "Nguyễn Thị Nhanh"]


def test_unknown_fields_survive_a_round_trip(tmp_path: Path) -> None:
    data = sample_json()
    data["x_office_stamp"] = {"colour": "red"}
    data["header"]["x_fax"] = "0277 3841 234"
    data["attendees"][0]["x_seat"] = 12
    data["results"]["indicators"][1]["x_source"] = "Chi cục Thống kê"
    data["directives"][0]["tasks"][0]["x_priority"] = "high"
    path = tmp_path / "m.minutes.json"
    save_meeting(meeting_from_json(data), path)
    again = json.loads(path.read_text(encoding="utf-8"))
    assert again["x_office_stamp"] == {"colour": "red"}
    assert again["header"]["x_fax"] == "0277 3841 234"
    assert again["attendees"][0]["x_seat"] == 12
    assert again["results"]["indicators"][1]["x_source"] == "Chi cục Thống kê"
    assert again["directives"][0]["tasks"][0]["x_priority"] == "high"


def test_only_format_version_and_title_are_required() -> None:
    meeting = meeting_from_json({"format": "minutes-app.meeting", "format_version": 1, "meeting": {"title": "Họp"}})
    assert meeting.meeting.title == "Họp"
    assert meeting.attendees == [] and meeting.meeting.date is None
    assert json.loads(dumps_meeting(meeting))["meeting"]["title"] == "Họp"


def test_text_is_normalised_to_nfc_on_load() -> None:
    data = sample_json()
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Nhanh")
    assert decomposed != "Nguyễn Thị Nhanh"
    data["meeting"]["chair"] = decomposed
    data["attendees"][1]["name"] = decomposed
    meeting = meeting_from_json(data)
    assert meeting.meeting.chair == "Nguyễn Thị Nhanh"
    assert meeting.find_attendee("Nguyễn Thị Nhanh") is not None


def test_save_keeps_the_previous_version_as_bak(tmp_path: Path) -> None:
    path = tmp_path / "m.minutes.json"
    meeting = load_meeting(SEED_SAMPLE)
    save_meeting(meeting, path)
    first = path.read_bytes()
    meeting.meeting.title = "Tiêu đề mới"
    save_meeting(meeting, path)
    assert (tmp_path / "m.minutes.json.bak").read_bytes() == first
    assert load_meeting(path).meeting.title == "Tiêu đề mới"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_save_into_read_only_folder_fails_clearly(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(SaveError, match="Cannot save"):
            save_meeting(load_meeting(SEED_SAMPLE), tmp_path / "m.minutes.json")
    finally:
        tmp_path.chmod(0o700)


def test_save_into_a_folder_that_refuses_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as a read-only folder, simulated so that it holds for root (CI) too."""
    import tempfile

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    meeting = load_meeting(SEED_SAMPLE)
    with pytest.raises(SaveError, match="permission denied"):
        save_meeting(meeting, tmp_path / "m.minutes.json")
    assert list(tmp_path.iterdir()) == []


def test_save_failure_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "m.minutes.json"
    meeting = load_meeting(SEED_SAMPLE)
    save_meeting(meeting, path)
    before = path.read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    meeting.meeting.title = "Không được lưu"
    with pytest.raises(SaveError, match="the disk is full"):
        save_meeting(meeting, path)
    assert path.read_bytes() == before
    assert meeting.meeting.title == "Không được lưu"  # nothing lost in memory
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.minutes.json"]


# --- malformed files (tests/malformed_cases.py): each refused with a message that names the problem ---

@pytest.mark.parametrize(("mutate", "expected"), [(m, e) for _, m, e in MALFORMED], ids=[n for n, _, _ in MALFORMED])
def test_malformed_meeting_is_refused_with_a_message_naming_the_problem(mutate: Any, expected: str) -> None:
    data = copy.deepcopy(sample_json())
    mutate(data)
    with pytest.raises(MeetingFileError) as caught:
        meeting_from_json(data, "m.minutes.json")
    assert any(expected in problem for problem in caught.value.problems), caught.value.problems


def test_one_message_per_problem() -> None:
    data = sample_json()
    data["attendees"][0]["present"] = "yes"
    data["attendees"][1]["gender"] = "x"
    data["meeting"]["date"] = "hôm nay"
    with pytest.raises(MeetingFileError) as caught:
        meeting_from_json(data, "m.minutes.json")
    assert len(caught.value.problems) == 3
    assert str(caught.value).count("m.minutes.json: ") == 3


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the file is empty"),
        (b"   \n", "the file is empty"),
        (b'{"format": "minutes-app.meeting", "format_version": 1, "meet', "line 1, column"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "not UTF-8 text"),
        (b"[1, 2, 3]", "not a Thư Ký meeting file"),
        (b"null", "not a Thư Ký meeting file"),
        (b"[" * 100_000, "nested too deeply"),
    ],
    ids=["empty", "blank", "truncated", "binary", "a list", "null", "deep nesting"],
)
def test_unreadable_files(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad.minutes.json"
    path.write_bytes(content)
    with pytest.raises(MeetingFileError) as caught:
        load_meeting(path)
    assert expected in str(caught.value)
    assert str(path) in str(caught.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(MeetingFileError, match="does not exist"):
        load_meeting(tmp_path / "nothing.minutes.json")
    with pytest.raises(MeetingFileError, match="is a folder"):
        load_meeting(tmp_path)


def test_file_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.minutes.json"
    with open(path, "wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(MeetingFileError, match="too large"):
        load_meeting(path)


def test_messages_follow_the_ui_language() -> None:
    from minutes_app.l10n.i18n import set_ui_language

    data = sample_json()
    data["attendees"][0]["present"] = "có"
    set_ui_language("vi")
    with pytest.raises(MeetingFileError) as caught:
        meeting_from_json(data, "m.minutes.json")
    assert "attendees[0].present: phải là true hoặc false" in str(caught.value)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_saves_keep_the_file_permissions_instead_of_the_temporary_files_0600(tmp_path: Path) -> None:
    meeting = load_meeting(SEED_SAMPLE)
    new = tmp_path / "new.minutes.json"
    save_meeting(meeting, new)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~umask  # as any program creating a file
    new.chmod(0o664)  # shared with the office's group
    save_meeting(meeting, new)
    assert stat.S_IMODE(new.stat().st_mode) == 0o664
