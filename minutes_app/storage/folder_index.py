"""The other meetings of a folder, read once: what the Tasks view and the checks need of each file.

Three places read "the meetings in this folder" (the ``tasks`` and ``check`` commands, the Tasks window,
the editor's checks); they all come here. Each meeting file is read safely (``load_meeting``: regular
files only, size-limited, validated) and reduced to an ``IndexedMeeting``: its outline (header, title and
date, notice number — what the rule on document numbers compares) and its task records (what the task
register gathers). A file is read again only when its size or time of change differs.

What was read is kept in memory for the process (the editor checks again after every pause in typing)
and on disk in the user cache folder, one JSON file per folder, so that the next process — the next
``minutes-app tasks`` — reads only the files that changed. The cache holds nothing that is not in the
meeting files themselves; a cache file that is missing, unreadable, from another version or malformed is
ignored and rewritten. The tasks' records stay as JSON text until a caller asks for them: the register
turns into ``Task`` objects only the latest record of each task.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import MinutesError
from ..model import Header, Language, Meeting, MeetingInfo, Notice, Task, task_key
from ..userdirs import make_private_dir, user_cache_dir
from .atomic import write_text_atomically
from .codec import from_json, record_from_json, record_to_json
from .files import SUFFIX
from .safe_io import read_regular
from .task_sharing import SeenTasks, load_checked_json_sharing

INDEX_VERSION = 2
MAX_INDEX_BYTES = 256 * 1024 * 1024  # ten years of monthly meetings take a few MB


class TaskRecord(NamedTuple):
    """One task as a meeting file holds it: where it sits, its key, and its JSON (decoded on demand).

    A tuple: a folder of ten years of meetings holds tens of thousands of records, made at every read of
    the cache file."""

    directive: int | None  # index in ``Meeting.directives``; None for ``Meeting.follow_up``
    item: int  # index in that list
    key: str  # ``model.task_key`` of the task in its file
    named: bool  # the task says what is to be done (a blank row of a table is no task)
    data: str  # the task's JSON text

    def task(self) -> Task:
        return record_from_json(Task, json.loads(self.data))


@dataclass(frozen=True)
class IndexedMeeting:
    """What the folder's readers need of one meeting file."""

    path: Path
    size: int
    mtime_ns: int
    outline: Meeting  # header, meeting info and notice only: no lists
    tasks: tuple[TaskRecord, ...]  # follow-up first, then the directives' tasks, in file order

    @property
    def name(self) -> str:
        return self.path.name


@dataclass
class FolderRead:
    """The meeting files of a folder by name: those read, and those that could not be (with the reason)."""

    folder: Path
    meetings: list[IndexedMeeting]
    unreadable: list[tuple[Path, str]]


def meeting_files(folder: Path) -> list[Path]:
    """The meeting files directly inside ``folder``, by name (regular files only)."""
    return sorted(path for path in folder.glob(f"*{SUFFIX}") if path.is_file())


OUTLINE = ("language", "header", "meeting", "notice")  # what ``IndexedMeeting.outline`` holds of a file


# id() of a task's checked JSON object → (the object, its JSON text, its Task)
MadeTasks = dict[int, tuple[Any, str, Task]]


def index_meeting(data: dict[str, Any], path: Path, size: int = 0, mtime_ns: int = 0,
                  made: MadeTasks | None = None) -> IndexedMeeting:
    """The index entry of the file ``path`` from its checked JSON ``data``.

    Only the outline and the tasks are made into records. ``made`` is shared by the files of one read: a
    task carried from meeting to meeting is one object there (``task_sharing``), written and decoded once.
    """
    made = {} if made is None else made
    places: list[tuple[int | None, list[Any]]] = [(None, data.get("follow_up") or [])]
    places.extend((d, raw.get("tasks") or []) for d, raw in enumerate(data.get("directives") or []))
    tasks = []
    for d, raws in places:
        for i, raw in enumerate(raws):
            held = made.get(id(raw))
            if held is None or held[0] is not raw:  # (the object is held there: its id is not reused)
                held = made[id(raw)] = (raw, json.dumps(raw, ensure_ascii=False), record_from_json(Task, raw))
            _raw, text, task = held
            tasks.append(TaskRecord(d, i, task_key(path.name, task), bool(task.task.strip()), text))
    outline = from_json({key: data[key] for key in OUTLINE if key in data})
    return IndexedMeeting(path, size, mtime_ns, outline, tuple(tasks))


# file → its entry, for the process; the lock makes each lookup and store whole (readers run in threads).
_held: dict[Path, IndexedMeeting] = {}
_lock = threading.Lock()


def forget() -> None:
    """Drop what this process holds (the next read takes the cache file, then the files that changed)."""
    with _lock:
        _held.clear()


def read_folder(folder: Path | str, *, persist: bool = True) -> FolderRead:
    """Every meeting file of ``folder``, each read only if it changed since it was indexed.

    ``persist``: start from the folder's cache file in the user cache folder, and update it.
    """
    folder = Path(folder)
    read = FolderRead(folder, [], [])
    try:
        paths = meeting_files(folder)
    except OSError:
        return read
    with _lock:
        held = {path: _held[path] for path in paths if path in _held}
    stored = _load_cache(folder) if persist and len(held) < len(paths) else {}
    changed = False
    made: MadeTasks = {}
    seen: SeenTasks = {}  # carried tasks: checked once per read, not once per file
    for path in paths:
        try:
            info = os.stat(path)
        except OSError as error:
            read.unreadable.append((path, str(error)))
            continue
        entry = held.get(path) or stored.get(path.name)
        if entry is None or (entry.size, entry.mtime_ns) != (info.st_size, info.st_mtime_ns):
            try:
                entry = index_meeting(load_checked_json_sharing(path, seen), path, info.st_size, info.st_mtime_ns,
                                      made)
            except (MinutesError, OSError) as error:
                read.unreadable.append((path, str(error)))
                continue
            changed = True
        read.meetings.append(entry)
    with _lock:
        for entry in read.meetings:
            _held[entry.path] = entry
        for path, _reason in read.unreadable:
            _held.pop(path, None)
    if persist and (changed or (stored and len(stored) != len(read.meetings))):
        _save_cache(folder, read.meetings)
    return read


def folder_meetings(path: Path | None) -> list[tuple[str, Meeting]]:
    """The other meetings of ``path``'s folder as (file name, outline), for the checks; unreadable ones are
    left out (a broken neighbour says nothing about this meeting's number)."""
    if path is None:
        return []
    here = Path(path).resolve()
    return [(entry.name, entry.outline) for entry in read_folder(here.parent).meetings if entry.path != here]


# -- the cache file ------------------------------------------------------------------------------
def cache_file(folder: Path) -> Path:
    name = hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return user_cache_dir() / "folders" / f"{name}.json"


def _load_cache(folder: Path) -> dict[str, IndexedMeeting]:
    try:
        data = json.loads(read_regular(cache_file(folder), MAX_INDEX_BYTES))
        if data.get("version") != INDEX_VERSION or data.get("folder") != str(folder.resolve()):
            return {}
        pool = data["tasks"]
        if not all(isinstance(text, str) for text in pool):
            raise TypeError("tasks")
        return {name: _entry_from_json(folder / name, item, pool) for name, item in data["files"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return {}  # no cache yet, or one we cannot trust: the files are read


def _save_cache(folder: Path, meetings: list[IndexedMeeting]) -> None:
    # A task carried from meeting to meeting is the same JSON in each file until something is reported on
    # it: the cache keeps each distinct text once (ten years of meetings: about 1,000 texts, not 30,000).
    pool: dict[str, int] = {}
    files = {entry.name: _entry_to_json(entry, pool) for entry in meetings}
    data = {"version": INDEX_VERSION, "folder": str(folder.resolve()), "tasks": list(pool), "files": files}
    try:
        make_private_dir(cache_file(folder).parent)
        write_text_atomically(cache_file(folder), json.dumps(data, ensure_ascii=False), keep_backup=False)
    except (MinutesError, OSError):
        pass  # a read-only or full cache folder only costs the next process a full read


def _entry_to_json(entry: IndexedMeeting, pool: dict[str, int]) -> dict[str, Any]:
    outline = entry.outline
    return {"size": entry.size, "mtime_ns": entry.mtime_ns, "language": outline.language.value,
            "header": record_to_json(outline.header), "meeting": record_to_json(outline.meeting),
            "notice": record_to_json(outline.notice),
            # by column: five lists of a few hundred values decode faster than hundreds of small lists
            "tasks": {"directive": [task.directive for task in entry.tasks],
                      "item": [task.item for task in entry.tasks],
                      "key": [task.key for task in entry.tasks],
                      "named": [task.named for task in entry.tasks],
                      "data": [pool.setdefault(task.data, len(pool)) for task in entry.tasks]}}


def _entry_from_json(path: Path, item: dict[str, Any], pool: list[str]) -> IndexedMeeting:
    outline = Meeting(language=Language(item["language"]), header=record_from_json(Header, item["header"]),
                      meeting=record_from_json(MeetingInfo, item["meeting"]),
                      notice=record_from_json(Notice, item["notice"]))
    columns = [item["tasks"][name] for name in TaskRecord._fields]
    if len({len(column) for column in columns}) > 1:
        raise ValueError("tasks")
    directives, items, keys, named, texts = columns
    if not all(isinstance(key, str) for key in keys) or not all(isinstance(i, int) for i in items):
        raise TypeError("tasks")
    tasks = tuple(map(TaskRecord, directives, items, keys, named, [pool[text] for text in texts]))
    if not isinstance(item["size"], int) or not isinstance(item["mtime_ns"], int):
        raise TypeError("size")
    return IndexedMeeting(path, item["size"], item["mtime_ns"], outline, tasks)
