"""The one reader of "the other meetings in this folder" (``storage.folder_index``), and its callers.

The task register, the ``check`` command and the editor's checks all read the folder through it; a file
is parsed again only when its size or time of change differs, and a second process starts from the
cache file in the user cache folder instead of parsing every meeting again.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import unicodedata
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from export_tasks.task_folder import build_folder  # three meetings that follow one another
from support import run_cli

from minutes_app.check import run_checks
from minutes_app.model import Header, Meeting, MeetingInfo
from minutes_app.storage import folder_index, folder_index_cache, save_meeting
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
    real = folder_index.load_checked_json_sharing

    def counting(path: Path, seen: dict[str, Any]) -> dict[str, Any]:
        parsed.append(path)
        return real(path, seen)

    monkeypatch.setattr(folder_index, "load_checked_json_sharing", counting)
    return parsed


def test_a_second_process_parses_only_what_changed(folder: Path, parses: list[Path]) -> None:
    first = collect_tasks(folder, TODAY)
    assert len(parses) == 3 and cache_file(folder).is_file()
    if os.name == "posix":  # the user's alone, as every file of the cache folder
        assert stat.S_IMODE(cache_file(folder).stat().st_mode) == 0o600
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


def _cache_version(folder: Path) -> Any:
    return json.loads(cache_file(folder).read_bytes().partition(b"\n")[0])["version"]


def _rewritten(folder: Path, change: Any) -> None:
    """The folder's cache file with its body changed by ``change`` and a matching length and checksum: what
    only the rows' own checks can refuse."""
    head, _newline, body = cache_file(folder).read_bytes().partition(b"\n")
    data = json.loads(body)
    change(data)
    body = json.dumps(data, ensure_ascii=False).encode("utf-8")
    envelope = {**json.loads(head), "bytes": len(body), "crc32": zlib.crc32(body)}
    cache_file(folder).write_bytes(json.dumps(envelope).encode("utf-8") + b"\n" + body)


def _expect_a_full_read(folder: Path, parses: list[Path], expected: list[Any]) -> None:
    folder_index.forget()
    parses.clear()
    assert [(e.key, e.task, e.place) for e in collect_tasks(folder, TODAY).entries] == expected
    assert len(parses) == 3  # every file was read again
    assert _cache_version(folder) == folder_index.INDEX_VERSION  # and the cache file rewritten whole
    folder_index.forget()
    parses.clear()
    collect_tasks(folder, TODAY)
    assert parses == []


@pytest.mark.parametrize("content", [b"not json", b"[]", b'{"version": 2, "folder": "x", "files": {}}\n{}', b"",
                                     b"\xff\xfe", b'{"version": 4}\n{"keys": [], "texts": [], "files": []}'])
def test_a_cache_file_that_cannot_be_trusted_is_ignored(folder: Path, parses: list[Path], content: bytes) -> None:
    expected = [(e.key, e.task, e.place) for e in collect_tasks(folder, TODAY).entries]
    cache_file(folder).write_bytes(content)
    _expect_a_full_read(folder, parses, expected)


def test_a_cache_file_nested_too_deeply_is_ignored(folder: Path, parses: list[Path]) -> None:
    """JSON the decoder gives up on with RecursionError, in the first line or in a body that matches it."""
    expected = [(e.key, e.task, e.place) for e in collect_tasks(folder, TODAY).entries]
    deep = b"[" * 100_000 + b"]" * 100_000
    cache_file(folder).write_bytes(deep + b"\n{}")
    _expect_a_full_read(folder, parses, expected)
    head = json.loads(cache_file(folder).read_bytes().partition(b"\n")[0])
    envelope = {**head, "bytes": len(deep), "crc32": zlib.crc32(deep)}
    cache_file(folder).write_bytes(json.dumps(envelope).encode("utf-8") + b"\n" + deep)
    _expect_a_full_read(folder, parses, expected)


@pytest.mark.parametrize("spoil", [
    lambda raw: raw[:-10],  # cut short
    lambda raw: raw.replace(b"giao ban", b"giao bxn", 1),  # one byte changed: the checksum differs
    lambda raw: raw.replace(f'"version": {folder_index.INDEX_VERSION}'.encode(),
                            f'"version": {folder_index.INDEX_VERSION - 1}'.encode(), 1),  # an older program's
    lambda raw: raw.replace(b'"folder": "', b'"folder": "/elsewhere', 1),  # another folder's (a hash collision)
])
def test_a_cache_file_cut_short_or_edited_is_ignored(folder: Path, parses: list[Path], spoil: Any) -> None:
    expected = [(e.key, e.task, e.place) for e in collect_tasks(folder, TODAY).entries]
    raw = cache_file(folder).read_bytes()
    assert spoil(raw) != raw
    cache_file(folder).write_bytes(spoil(raw))
    _expect_a_full_read(folder, parses, expected)


def _file_row(data: dict[str, Any], column: int) -> list[Any]:
    return data["files"][0][column]


@pytest.mark.parametrize("change", [
    lambda data: data["files"][0].pop(),  # a row too short
    lambda data: data["files"][0].__setitem__(1, "big"),  # the size not a number
    lambda data: data["files"][0].__setitem__(2, 1.5),  # the time not an integer
    lambda data: data["files"][0].__setitem__(3, []),  # the outline not an object
    lambda data: data["files"][0][3].__setitem__("header", "UBND"),
    lambda data: data["files"][0][3].__setitem__("language", "fr"),
    lambda data: data["files"][0][3]["meeting"].__setitem__("date", "2025-02-30"),
    lambda data: data["files"][0][3]["meeting"].__setitem__("title", 5),
    lambda data: _file_row(data, 4).append(0),  # places: directive, first item, count
    lambda data: _file_row(data, 4).__setitem__(1, True),  # a place that is not an integer
    lambda data: _file_row(data, 4).__setitem__(0, "0"),
    lambda data: _file_row(data, 4).__setitem__(0, -2),
    lambda data: _file_row(data, 4).__setitem__(2, 0),
    lambda data: _file_row(data, 5).__setitem__(0, len(data["keys"])),  # a run of keys past the pool
    lambda data: _file_row(data, 6).__setitem__(0, -1),  # a run of texts from the end
    lambda data: _file_row(data, 6).append(0),
    lambda data: _file_row(data, 5).extend([0, 1]),  # one key more than places
    lambda data: data["texts"].__setitem__(0, {"task": "x"}),  # a task that is not text
    # texts that are not tasks, found only when the register decodes them
    lambda data: data.__setitem__("texts", ["not json"] * len(data["texts"])),
    lambda data: data.__setitem__("texts", ["5"] * len(data["texts"])),
    lambda data: data.__setitem__("texts", ['{"task": 5}'] * len(data["texts"])),
    lambda data: data.__setitem__("texts", ['{"origin": {"file": []}}'] * len(data["texts"])),
    lambda data: data.__setitem__("texts", ['{"deadline": "tomorrow"}'] * len(data["texts"])),
    lambda data: data.__setitem__("texts", ['{"task": "a"}, {"task": "b"}'] * len(data["texts"])),
    lambda data: data.__setitem__("files", {"a": 1}),
])
def test_a_cache_file_whose_rows_are_not_ours_is_ignored(folder: Path, parses: list[Path], change: Any) -> None:
    expected = [(e.key, e.task, e.place) for e in collect_tasks(folder, TODAY).entries]
    _rewritten(folder, lambda data: None)
    folder_index.forget()
    parses.clear()
    collect_tasks(folder, TODAY)
    assert parses == []  # rewritten as it was, the cache file is still taken
    _rewritten(folder, change)
    _expect_a_full_read(folder, parses, expected)


@pytest.mark.parametrize("change", [
    lambda outline: outline["header"].__setitem__("number", 5),
    lambda outline: outline["notice"].__setitem__("recipients", "UBND huyện"),
    lambda outline: outline["meeting"].__setitem__("start", "25:99"),
])
def test_an_outline_of_the_cache_file_no_meeting_could_hold_is_read_again(folder: Path, parses: list[Path],
                                                                          change: Any) -> None:
    me = folder / "d.minutes.json"
    save_meeting(_numbered("05", 8), me)
    expected = folder_meetings(me)
    _rewritten(folder, lambda data: [change(row[3]) for row in data["files"]])
    folder_index.forget()
    parses.clear()
    collect_tasks(folder, TODAY)
    assert parses == []  # the tasks do not need the outlines
    assert folder_meetings(me) == expected  # the checks do: each is checked, and every file read again
    assert len(parses) == 4


def test_a_cache_file_over_the_limit_or_not_a_file_is_not_read(folder: Path, parses: list[Path],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    expected = [(e.key, e.task, e.place) for e in collect_tasks(folder, TODAY).entries]
    size = cache_file(folder).stat().st_size
    with monkeypatch.context() as patch:
        patch.setattr(folder_index_cache, "MAX_INDEX_BYTES", size - 1)
        folder_index.forget()
        parses.clear()
        collect_tasks(folder, TODAY)
        assert len(parses) == 3  # refused unread; and not rewritten at a size it would refuse
        assert cache_file(folder).stat().st_size == size
    cache_file(folder).unlink()
    cache_file(folder).mkdir()  # a folder under the cache file's name: read the files, write nothing
    folder_index.forget()
    parses.clear()
    assert [(e.key, e.task, e.place) for e in collect_tasks(folder, TODAY).entries] == expected
    assert len(parses) == 3 and cache_file(folder).is_dir()


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


# -- a carried task is checked once per read (``storage.task_sharing``) --------------------------------------
def _carrying(folder: Path, months: int = 3) -> list[Path]:
    """Meetings that carry the same two open tasks unchanged: the same JSON in every file."""
    from minutes_app.model import Task, TaskOrigin

    carried = [Task(task="Nạo vét kênh Ba Xuân", assignee="Công chức Địa chính - Nông nghiệp",
                    deadline=dt.date(2025, 3, 20),
                    origin=TaskOrigin(file="a.minutes.json", date=dt.date(2025, 1, 8), key="k-kenh")),
               Task(task="Rà soát hộ kinh doanh", assignee="Công chức Tài chính - Kế toán",
                    origin=TaskOrigin(file="a.minutes.json", date=dt.date(2025, 1, 8), key="k-thue"))]
    paths = []
    for month in range(months):
        meeting = _numbered(f"{month + 1:02d}", 8)
        meeting.follow_up = list(carried)
        paths.append(folder / f"m{month}.minutes.json")
        save_meeting(meeting, paths[-1])
    return paths


def test_a_read_sharing_carried_tasks_indexes_as_reading_each_file_alone(tmp_path: Path) -> None:
    from minutes_app.storage.files import load_checked_json

    build_folder(tmp_path)
    _carrying(tmp_path)
    folder_index.forget()
    shared = read_folder(tmp_path, persist=False).meetings
    alone = [folder_index.index_meeting(load_checked_json(path), path, path.stat().st_size, path.stat().st_mtime_ns)
             for path in folder_index.meeting_files(tmp_path)]
    assert [(e.name, e.outline, e.tasks) for e in shared] == [(e.name, e.outline, e.tasks) for e in alone]
    assert sum(len(entry.tasks) for entry in shared) > 6


@pytest.mark.parametrize(("change", "problem"), [
    # the same task, with a key written twice: the text alone cannot tell it from the valid one
    (lambda text: text.replace('"progress": ""', '"progress": "", "progress": ""', 1), "progress"),
    # a copy of the task whose deadline is not a date
    (lambda text: text.replace('"2025-03-20"', '"2025-03-32"', 1), "2025-03-32"),
])
def test_a_carried_task_spoiled_in_a_later_file_is_still_refused(tmp_path: Path, change: Any, problem: str) -> None:
    first, _second, last = _carrying(tmp_path)
    text = last.read_text(encoding="utf-8")
    assert change(text) != text
    last.write_text(change(text), encoding="utf-8")
    folder_index.forget()
    read = read_folder(tmp_path, persist=False)
    assert [path for path, _reason in read.unreadable] == [last]
    reason = read.unreadable[0][1]
    assert "follow_up[0]" in reason and problem in reason
    assert [entry.path for entry in read.meetings] == [first, _second]


def test_a_carried_task_written_decomposed_reads_as_the_composed_one(tmp_path: Path) -> None:
    """A file whose text is not NFC takes the long way (normalised), the others the short one: the task they
    carry is the same."""
    first, _second, last = _carrying(tmp_path)
    composed = "Nạo vét kênh Ba Xuân"
    last.write_text(last.read_text(encoding="utf-8").replace(composed, unicodedata.normalize("NFD", composed)),
                    encoding="utf-8")
    folder_index.forget()
    read = read_folder(tmp_path, persist=False)
    assert read.unreadable == []
    by_path = {entry.path: entry for entry in read.meetings}
    assert by_path[last].tasks == by_path[first].tasks
    assert any(composed in task.data for task in by_path[last].tasks)


def test_the_cache_file_gives_back_every_place_key_and_text(tmp_path: Path, parses: list[Path]) -> None:
    """Tasks kept as runs: blank rows skipped mid-list, two directives, follow-up, a carried task repeated."""
    from minutes_app.model import Directive, Task

    _carrying(tmp_path, months=2)
    meeting = _numbered("09", 20)
    meeting.follow_up = [Task(task="Nạo vét kênh"), Task(), Task(task="Nạo vét kênh", assignee="Công an xã")]
    meeting.directives = [Directive(tasks=[Task(task="Một"), Task(task=" "), Task(task="Hai"), Task(task="Ba")]),
                          Directive(tasks=[]), Directive(tasks=[Task(), Task(task="Bốn")])]
    save_meeting(meeting, tmp_path / "z.minutes.json")
    folder_index.forget()
    cold = [(entry.name, entry.tasks, entry.outline) for entry in read_folder(tmp_path).meetings]
    assert [(record.directive, record.item) for record in cold[-1][1]] == [(None, 0), (None, 2), (0, 0), (0, 2),
                                                                            (0, 3), (2, 1)]
    folder_index.forget()
    parses.clear()
    assert [(entry.name, entry.tasks, entry.outline) for entry in read_folder(tmp_path).meetings] == cold
    assert parses == []
