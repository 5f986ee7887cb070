"""The people directory (storage/directory.py): upserts, latest wins, matching of names, merge, bad files."""

from __future__ import annotations

import datetime as dt
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from minutes_app.errors import MinutesError
from minutes_app.model import Attendee, Gender, Meeting, MeetingInfo
from minutes_app.storage.directory import SCHEMA_VERSION, DirectoryError, PeopleDirectory, name_key
from minutes_app.userdirs import user_data_dir


def meeting_on(day: dt.date, *attendees: Attendee) -> Meeting:
    return Meeting(meeting=MeetingInfo(title="Họp giao ban", date=day), attendees=list(attendees))


@pytest.fixture
def directory(tmp_path: Path) -> PeopleDirectory:
    return PeopleDirectory(tmp_path / "people.sqlite3")


def test_default_file_is_in_the_user_data_dir() -> None:
    assert PeopleDirectory().path == user_data_dir() / "people.sqlite3"


def test_record_meeting_adds_every_named_attendee(directory: PeopleDirectory) -> None:
    count = directory.record_meeting(meeting_on(
        dt.date(2026, 3, 2),
        Attendee(name="Nguyễn Thị Ánh Tuyết", gender=Gender.FEMALE, position="Chủ tịch", organization="UBND xã"),
        Attendee(name="Trần Văn Bình", position="Phó Chủ tịch", organization="UBND xã"),
        Attendee(name="  "),
    ))
    assert count == 2
    people = {p.name: p for p in directory.all_people()}
    assert set(people) == {"Nguyễn Thị Ánh Tuyết", "Trần Văn Bình"}
    assert people["Nguyễn Thị Ánh Tuyết"].gender == Gender.FEMALE
    assert people["Nguyễn Thị Ánh Tuyết"].position == "Chủ tịch"
    assert people["Trần Văn Bình"].last_seen == dt.date(2026, 3, 2)
    with sqlite3.connect(directory.path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_latest_meeting_wins_and_older_never_overwrites(directory: PeopleDirectory) -> None:
    directory.record_meeting(meeting_on(dt.date(2026, 1, 5), Attendee(name="Lê Văn Cường", position="Phó Chủ tịch",
                                                                       organization="UBND huyện")))
    directory.record_meeting(meeting_on(dt.date(2026, 4, 6), Attendee(name="Lê Văn Cường", position="Chủ tịch",
                                                                       organization="UBND tỉnh")))
    (person,) = directory.all_people()
    assert (person.position, person.organization, person.last_seen) == ("Chủ tịch", "UBND tỉnh", dt.date(2026, 4, 6))
    # An older meeting saved afterwards (a correction to last year's minutes) leaves the newer data alone.
    directory.record_meeting(meeting_on(dt.date(2025, 12, 1), Attendee(name="Lê Văn Cường", position="Trưởng phòng",
                                                                        organization="Phòng Tài chính")))
    (person,) = directory.all_people()
    assert (person.position, person.organization, person.last_seen) == ("Chủ tịch", "UBND tỉnh", dt.date(2026, 4, 6))


def test_names_match_after_nfc_casefold_and_spaces(directory: PeopleDirectory) -> None:
    composed = "Phạm Thị Hồng Nhung"
    decomposed = unicodedata.normalize("NFD", "PHẠM  THỊ hồng   Nhung ")
    assert decomposed != composed
    assert name_key(decomposed) == name_key(composed)
    directory.record_meeting(meeting_on(dt.date(2026, 2, 1), Attendee(name=composed, position="Kế toán")))
    directory.record_meeting(meeting_on(dt.date(2026, 2, 8), Attendee(name=decomposed, position="Kế toán trưởng")))
    (person,) = directory.all_people()
    assert person.position == "Kế toán trưởng"
    assert unicodedata.is_normalized("NFC", person.name)
    assert "  " not in person.name
    # Search finds her by any spelling of part of the name, prefix matches first.
    directory.record_meeting(meeting_on(dt.date(2026, 2, 8), Attendee(name="Nhung Văn Tài")))
    found = [p.name for p in directory.search(unicodedata.normalize("NFD", "NHUNG"), 10)]
    assert found[0] == "Nhung Văn Tài"
    assert len(found) == 2
    assert len(directory.search("nhung", 1)) == 1


def test_merge_keeps_the_most_recent_position(directory: PeopleDirectory) -> None:
    directory.record_meeting(meeting_on(dt.date(2026, 1, 10), Attendee(name="Võ Minh Tâm", position="Chánh Văn phòng",
                                                                        organization="UBND huyện")))
    directory.record_meeting(meeting_on(dt.date(2026, 5, 20), Attendee(name="Võ M. Tâm", position="Phó Chủ tịch",
                                                                        organization="UBND huyện")))
    directory.record_meeting(meeting_on(dt.date(2026, 3, 1), Attendee(name="Vo Minh Tam", gender=Gender.MALE)))
    people = {p.name: p for p in directory.all_people()}
    keep = people["Võ Minh Tâm"]
    merged = directory.merge(keep.id, [people["Võ M. Tâm"].id, people["Vo Minh Tam"].id])
    assert merged.name == "Võ Minh Tâm"
    assert merged.position == "Phó Chủ tịch"
    assert merged.last_seen == dt.date(2026, 5, 20)
    assert merged.gender == Gender.MALE  # filled in from the one row that knew it
    assert [p.name for p in directory.all_people()] == ["Võ Minh Tâm"]


def test_update_and_delete(directory: PeopleDirectory) -> None:
    directory.record_meeting(meeting_on(dt.date(2026, 6, 1), Attendee(name="Đặng Văn Hải"),
                                        Attendee(name="Hồ Thị Lan")))
    people = {p.name: p for p in directory.all_people()}
    hai, lan = people["Đặng Văn Hải"], people["Hồ Thị Lan"]
    hai.position, hai.organization = "Bí thư Đảng ủy", "Xã Tân Phú"
    directory.update(hai)
    assert {p.name: p.position for p in directory.all_people()}["Đặng Văn Hải"] == "Bí thư Đảng ủy"
    lan.name = "đặng  văn hải"
    with pytest.raises(DirectoryError, match="already in the people directory"):
        directory.update(lan)
    directory.delete([lan.id])
    assert [p.name for p in directory.all_people()] == ["Đặng Văn Hải"]


def test_corrupt_file_gives_a_clear_message(directory: PeopleDirectory) -> None:
    directory.path.write_bytes(b"this is not an SQLite database, just a damaged file" * 100)
    with pytest.raises(DirectoryError) as caught:
        directory.record_meeting(meeting_on(dt.date(2026, 1, 1), Attendee(name="Ai Đó")))
    assert isinstance(caught.value, MinutesError)
    message = str(caught.value)
    assert str(directory.path) in message
    assert "cannot be used" in message
    assert "Traceback" not in message


def test_newer_schema_is_refused(directory: PeopleDirectory) -> None:
    with sqlite3.connect(directory.path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(DirectoryError, match="newer version"):
        directory.all_people()


def test_locked_file_gives_a_clear_message(directory: PeopleDirectory) -> None:
    directory.all_people()  # creates the file
    blocker = sqlite3.connect(directory.path, isolation_level=None)
    try:
        blocker.execute("BEGIN EXCLUSIVE")
        slow = PeopleDirectory(directory.path)
        with pytest.raises(DirectoryError, match="in use by another program"):
            slow.record_meeting(meeting_on(dt.date(2026, 1, 1), Attendee(name="Ai Đó")))
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
