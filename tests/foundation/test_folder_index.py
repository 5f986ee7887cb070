"""The one reader of "the other meetings in this folder" (``storage.folder_index``), and its callers.

The task register, the ``check`` command and the editor's checks all read the folder through it; a file
is parsed again only when its size or time of change differs, and a second process starts from the
cache file in the user cache folder instead of parsing every meeting again.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from export_tasks.task_folder import build_folder  # three meetings that follow one another
from support import run_cli

from minutes_app.check import run_checks
from minutes_app.model import Header, Meeting, MeetingInfo
from minutes_app.storage import folder_index, save_meeting
from minutes_app.storage.folder_index import cache_file, folder_meetings, read_folder
from minutes_app.storage.task_register import collect_tasks

TODAY = dt.date(2025, 4, 10)


def _numbered(number: str, day: int) -> Meeting:
    return Meeting(header=Header(agency_code="UBND", number=number),
                   meeting=MeetingInfo(title=f"Họp ngày {day}", date=dt.date(2025, 1, day)))


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    folder_index.forget()
    yield build_folder(tmp_path)
    folder_index.forget()


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the index parses (rather than takes from memory or from its cache file)."""
    parsed: list[Path] = []
    real = folder_index.load_checked_json

    def counting(path: Path) -> dict[str, Any]:
        parsed.append(path)
        return real(path)

    monkeypatch.setattr(folder_index, "load_checked_json", counting)
    return parsed


def test_a_second_process_parses_only_what_changed(folder: Path, parses: list[Path]) -> None:
    first = collect_tasks(folder, TODAY)
    assert len(parses) == 3 and cache_file(folder).is_file()
    folder_index.forget()  # as a new process: nothing in memory, the cache file on disk
    parses.clear()
    again = collect_tasks(folder, TODAY)
    assert parses == []
    assert [(e.key, e.task, e.status, e.place, e.given_title) for e in again.entries] == [
        (e.key, e.task, e.status, e.place, e.given_title) for e in first.entries]
    changed = sorted(folder.glob("*.minutes.json"))[0]
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 10**9))
    folder_index.forget()
    collect_tasks(folder, TODAY)
    assert parses == [changed]


def test_the_same_process_parses_each_file_once(folder: Path, parses: list[Path]) -> None:
    read_folder(folder, persist=False)
    read_folder(folder, persist=False)
    assert len(parses) == 3


@pytest.mark.parametrize("content", ["not json", '{"version": 1, "folder": "elsewhere", "files": {}}',
                                     '{"version": 1, "files": {"x": {"size": "big"}}}', "[]"])
def test_a_cache_file_that_cannot_be_trusted_is_ignored(folder: Path, parses: list[Path], content: str) -> None:
    expected = [entry.key for entry in collect_tasks(folder, TODAY).entries]
    cache_file(folder).write_text(content, encoding="utf-8")
    folder_index.forget()
    parses.clear()
    assert [entry.key for entry in collect_tasks(folder, TODAY).entries] == expected
    assert len(parses) == 3
    assert json.loads(cache_file(folder).read_text(encoding="utf-8"))["version"] == folder_index.INDEX_VERSION


def test_unreadable_files_are_named_and_not_indexed(folder: Path) -> None:
    broken = folder / "broken.minutes.json"
    broken.write_text("{", encoding="utf-8")
    (folder / "sub.minutes.json").mkdir()  # a folder under a meeting's name is not a meeting
    read = read_folder(folder)
    assert [path for path, _reason in read.unreadable] == [broken]
    assert broken.name not in {entry.name for entry in read.meetings}
    assert len(read.meetings) == 3


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_under_a_meetings_name_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.minutes.json")
    save_meeting(_numbered("05", 8), tmp_path / "a.minutes.json")
    assert [entry.name for entry in read_folder(tmp_path).meetings] == ["a.minutes.json"]


def test_checks_see_the_folder_through_the_index(tmp_path: Path) -> None:
    save_meeting(_numbered("05", 8), tmp_path / "earlier.minutes.json")
    save_meeting(_numbered("05", 20), tmp_path / "this.minutes.json")
    others = folder_meetings(tmp_path / "this.minutes.json")
    assert [name for name, _outline in others] == ["earlier.minutes.json"]
    findings = run_checks(_numbered("05", 20), folder_meetings=others)
    assert [f.path for f in findings if f.rule == "duplicate-document-number"] == [("header", "number")]
    # the command line reads the folder the same way, and a second run takes the cache file
    for _run in range(2):
        result = run_cli("check", tmp_path / "this.minutes.json")
        assert "already used by the meeting of 8 Jan 2025 in “earlier.minutes.json”" in result.stdout
    assert cache_file(tmp_path).is_file()


def test_no_folder_and_an_empty_folder(tmp_path: Path) -> None:
    assert folder_meetings(None) == []
    assert read_folder(tmp_path / "missing").meetings == []
    assert read_folder(tmp_path).meetings == []
