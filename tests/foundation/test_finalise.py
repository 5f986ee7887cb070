"""Finalising a meeting: SHA-256 of the issued files, versions, reopening, file format and schema."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import jsonschema
import pytest
from support import ALL_SAMPLES, SEED_SAMPLE

from minutes_app.errors import MeetingFileError
from minutes_app.paths import schema_path
from minutes_app.storage import dumps_meeting, load_meeting, meeting_from_json, save_meeting
from minutes_app.storage.finalise import changed_files, finalise, next_version, reopen, sha256_of

DAY = dt.date(2021, 1, 5)


def _files(folder: Path) -> list[Path]:
    contents = {"bien-ban.docx": b"PK\x03\x04 minutes", "bai-tin.docx": b"news " * 100_000,
                "thong-bao.docx": b""}
    paths = []
    for name, data in contents.items():
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(schema_path().read_text(encoding="utf-8")))


def test_hashes_are_the_sha256_of_each_file(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    meeting = load_meeting(SEED_SAMPLE)
    kinds = {paths[0]: "minutes", paths[1]: "news"}
    final = finalise(meeting, paths, DAY, kinds)
    assert meeting.final is None  # the meeting passed in is left alone
    assert final.final.version == 1 and final.final.date == DAY and final.final.reopened is None
    assert [f.name for f in final.final.files] == ["bien-ban.docx", "bai-tin.docx", "thong-bao.docx"]
    assert [f.kind for f in final.final.files] == ["minutes", "news", ""]
    for item, path in zip(final.final.files, paths, strict=True):
        assert item.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert final.final.files[2].sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert final.is_final


def test_versions_count_up_across_reopening(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    first = finalise(load_meeting(SEED_SAMPLE), paths[:1], DAY)
    reopened = reopen(first, DAY + dt.timedelta(days=1))
    assert not reopened.is_final and reopened.final.reopened == dt.date(2021, 1, 6)
    assert first.is_final  # reopen returns a copy
    assert next_version(reopened) == 2
    second = finalise(reopened, paths, DAY + dt.timedelta(days=2))
    assert second.final.version == 2 and second.final.reopened is None and len(second.final.files) == 3


def test_changed_files_names_what_differs_from_the_record(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    final = finalise(load_meeting(SEED_SAMPLE), paths, DAY)
    assert changed_files(final, tmp_path) == []
    paths[0].write_bytes(b"edited after signing")
    paths[1].unlink()
    assert changed_files(final, tmp_path) == ["bien-ban.docx", "bai-tin.docx"]


def test_a_missing_file_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        finalise(load_meeting(SEED_SAMPLE), [tmp_path / "gone.docx"], DAY)
    with pytest.raises(OSError):
        sha256_of(tmp_path / "gone.docx")


def test_a_final_meeting_round_trips_and_satisfies_the_schema(tmp_path: Path) -> None:
    final = reopen(finalise(load_meeting(SEED_SAMPLE), _files(tmp_path), DAY), DAY)
    final = finalise(final, _files(tmp_path)[:2], DAY)
    path = tmp_path / "final.minutes.json"
    save_meeting(final, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["final"]["version"] == 2
    assert data["final"]["date"] == "2021-01-05" and data["final"]["reopened"] is None
    assert data["final"]["files"][0]["sha256"] == hashlib.sha256(b"PK\x03\x04 minutes").hexdigest()
    _validator().validate(data)
    loaded = load_meeting(path)
    assert loaded == final
    copy_path = tmp_path / "copy.minutes.json"
    save_meeting(loaded, copy_path)
    assert copy_path.read_bytes() == path.read_bytes()


@pytest.mark.parametrize("path", ALL_SAMPLES, ids=lambda p: p.name)
def test_samples_are_not_final_and_null_round_trips(path: Path) -> None:
    meeting = load_meeting(path)
    assert meeting.final is None and not meeting.is_final
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["final"] is None
    del data["final"]  # an older file without the field reads the same
    assert meeting_from_json(data) == meeting
    assert dumps_meeting(meeting_from_json(data)) == path.read_text(encoding="utf-8")


def test_unknown_fields_inside_final_are_kept(tmp_path: Path) -> None:
    data = json.loads(dumps_meeting(finalise(load_meeting(SEED_SAMPLE), _files(tmp_path), DAY)))
    data["final"]["x_signed_by"] = "Nguyễn Thị Nhanh"
    data["final"]["files"][0]["x_pages"] = 3
    again = json.loads(dumps_meeting(meeting_from_json(data)))
    assert again["final"]["x_signed_by"] == "Nguyễn Thị Nhanh" and again["final"]["files"][0]["x_pages"] == 3


@pytest.mark.parametrize("mutate", [
    lambda final: final.update(version=0),
    lambda final: final.update(version="1"),
    lambda final: final.update(date="05/01/2021"),
    lambda final: final.update(files="bien-ban.docx"),
    lambda final: final["files"][0].pop("sha256"),
    lambda final: final.pop("version"),
], ids=["version-0", "version-text", "date-form", "files-not-list", "no-hash", "no-version"])
def test_a_broken_final_is_refused_by_the_program_and_the_schema(mutate, tmp_path: Path) -> None:  # noqa: ANN001
    data = json.loads(dumps_meeting(finalise(load_meeting(SEED_SAMPLE), _files(tmp_path), DAY)))
    mutate(data["final"])
    assert not _validator().is_valid(data)
    with pytest.raises(MeetingFileError) as caught:
        meeting_from_json(data)
    assert "final" in str(caught.value)


def test_a_bad_hash_is_refused_by_the_schema(tmp_path: Path) -> None:
    data = json.loads(dumps_meeting(finalise(load_meeting(SEED_SAMPLE), _files(tmp_path), DAY)))
    data["final"]["files"][0]["sha256"] = "not-a-hash"
    assert not _validator().is_valid(data)
