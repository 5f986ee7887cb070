"""The other meetings of a folder, read once: what the Tasks view and the checks need of each file.

Three places read "the meetings in this folder" (the ``tasks`` and ``check`` commands, the Tasks window,
the editor's checks); they all come here. Each meeting file is read safely (``load_meeting``: regular
files only, size-limited, validated) and reduced to an ``IndexedMeeting``: its outline (header, title and
date, notice number — what the rule on document numbers compares) and its task records (what the task
register gathers). A file is read again only when its size or time of change differs.

What was read is kept in memory for the process (the editor checks again after every pause in typing)
and on disk in the user cache folder, one file per folder (``folder_index_cache``), so that the next
process — the next ``minutes-app tasks`` — reads only the files that changed. An entry keeps what it holds
in the plain shape the cache file gives it (JSON texts, lists of keys and places): the outline becomes a
``Meeting`` when a check asks for it, and the register turns into ``Task`` objects only the latest record
of each task.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import MinutesError
from ..model import Language, Meeting, Task, task_key
from .codec import from_json, record_from_json
from .files import SUFFIX
from .folder_index_cache import INDEX_VERSION, Row, cache_file, load_cache, save_cache
from .task_sharing import SeenTasks, load_checked_json_sharing
from .validation import CURRENT_FORMAT_VERSION, FORMAT_NAME, validate

__all__ = ["FOLLOW_UP", "INDEX_VERSION", "FolderRead", "IndexedMeeting", "TaskRecord", "UntrustedIndex", "cache_file",
           "decoded_tasks", "folder_meetings", "forget", "index_meeting", "meeting_files", "read_folder"]


class TaskRecord(NamedTuple):
    """One task as a meeting file holds it: where it sits, its key, and its JSON (decoded on demand)."""

    directive: int | None  # index in ``Meeting.directives``; None for ``Meeting.follow_up``
    item: int  # index in that list
    key: str  # ``model.task_key`` of the task in its file
    data: str  # the task's JSON text (``decoded_tasks``)


class UntrustedIndex(ValueError):
    """What the cache file said of a meeting file is not what a meeting file can hold (the cache file was
    edited, or written by a bug): the caller reads the folder again with ``read_folder(..., fresh=True)``."""


def decoded_tasks(records: list[TaskRecord]) -> list[Task]:
    """The ``Task`` of each record, their JSON decoded in one call.

    A record read from a meeting file holds a checked task; one from the cache file only what that file
    said. Its texts are not decoded when it is read (most never are), so they are checked here, for what the
    register reads of them: anything else raises UntrustedIndex, and the caller reads the folder again
    (``read_folder(..., fresh=True)``)."""
    try:
        raws = json.loads(f"[{','.join(record.data for record in records)}]")
        if len(raws) != len(records):
            raise UntrustedIndex("tasks")
        tasks = [record_from_json(Task, raw) for raw in raws]
    except (ValueError, TypeError, AttributeError, RecursionError) as error:
        raise UntrustedIndex("tasks") from error
    for task in tasks:
        texts = (task.task, task.assignee, task.progress, *((task.origin.file,) if task.origin else ()))
        if set(map(type, texts)) != {str}:  # (dates are made by ``date.fromisoformat`` or refused)
            raise UntrustedIndex("tasks")
    return tasks


FOLLOW_UP = -1  # the place of a follow-up task in ``IndexedMeeting.directives`` (JSON has no None in int lists)


class IndexedMeeting:
    """What the folder's readers need of one meeting file: its outline (as JSON) and its named tasks.

    The tasks are kept by column — ``keys``, ``directives`` (``FOLLOW_UP`` for the follow-up list),
    ``items`` and ``texts`` — as the cache file holds them: a folder of ten years of meetings holds some
    30,000 task records, and a warm read makes no object per record. Only tasks that say what is to be
    done are kept (a blank row of a table is no task)."""

    __slots__ = ("path", "size", "mtime_ns", "outline_json", "date", "title", "keys", "directives", "items",
                 "texts", "checked", "_outline")

    def __init__(self, path: Path, size: int, mtime_ns: int, outline_json: dict[str, Any], keys: list[str],
                 directives: list[int], items: list[int], texts: list[str]):
        self.path, self.size, self.mtime_ns = path, size, mtime_ns
        self.outline_json = outline_json  # "language", "header", "meeting", "notice" of the file, checked
        info = outline_json.get("meeting") or {}
        date = info.get("date")
        self.date: dt.date | None = dt.date.fromisoformat(date) if date is not None else None
        self.title: str = info.get("title") or ""
        self.keys, self.directives, self.items, self.texts = keys, directives, items, texts
        self.checked = True  # the outline comes from a checked meeting file (not from the cache file)
        self._outline: Meeting | None = None

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def outline(self) -> Meeting:
        """Header, meeting info and notice as a ``Meeting`` with no lists (made at the first call)."""
        if self._outline is None:
            if not self.checked and validate({"format": FORMAT_NAME, "format_version": CURRENT_FORMAT_VERSION,
                                              **self.outline_json}):
                raise UntrustedIndex(self.name)  # (about 0.1 ms a file: done when a check needs it)
            self._outline = from_json(self.outline_json)
        return self._outline

    def record(self, index: int) -> TaskRecord:
        directive = self.directives[index]
        return TaskRecord(None if directive == FOLLOW_UP else directive, self.items[index], self.keys[index],
                          self.texts[index])

    @property
    def tasks(self) -> tuple[TaskRecord, ...]:
        """The records, follow-up first, then the directives' tasks, in file order."""
        return tuple(self.record(index) for index in range(len(self.keys)))


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

    ``made`` is shared by the files of one read: a task carried from meeting to meeting is one object
    there (``task_sharing``), written and decoded once.
    """
    made = {} if made is None else made
    places: list[tuple[int, list[Any]]] = [(FOLLOW_UP, data.get("follow_up") or [])]
    places.extend((d, raw.get("tasks") or []) for d, raw in enumerate(data.get("directives") or []))
    keys: list[str] = []
    directives: list[int] = []
    items: list[int] = []
    texts: list[str] = []
    for d, raws in places:
        for i, raw in enumerate(raws):
            held = made.get(id(raw))
            if held is None or held[0] is not raw:  # (the object is held there: its id is not reused)
                held = made[id(raw)] = (raw, json.dumps(raw, ensure_ascii=False), record_from_json(Task, raw))
            _raw, text, task = held
            if task.task.strip():
                keys.append(task_key(path.name, task))
                directives.append(d)
                items.append(i)
                texts.append(text)
    outline = {key: data[key] for key in OUTLINE if key in data}
    return IndexedMeeting(path, size, mtime_ns, outline, keys, directives, items, texts)


# file → its entry, for the process; the lock makes each lookup and store whole (readers run in threads).
_held: dict[Path, IndexedMeeting] = {}
_lock = threading.Lock()


def forget() -> None:
    """Drop what this process holds (the next read takes the cache file, then the files that changed)."""
    with _lock:
        _held.clear()


def read_folder(folder: Path | str, *, persist: bool = True, fresh: bool = False) -> FolderRead:
    """Every meeting file of ``folder``, each read only if it changed since it was indexed.

    ``persist``: start from the folder's cache file in the user cache folder, and update it. ``fresh``: read
    every file again, taking nothing from memory nor from the cache file (which is rewritten).
    """
    folder = Path(folder)
    read = FolderRead(folder, [], [])
    try:
        paths = meeting_files(folder)
    except OSError:
        return read
    with _lock:
        held = {} if fresh else {path: _held[path] for path in paths if path in _held}
    stored = _stored(folder) if persist and not fresh and len(held) < len(paths) else {}
    changed = fresh
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
                entry = index_meeting(load_checked_json_sharing(path, seen), path, info.st_size,
                                      info.st_mtime_ns, made)
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
        save_cache(folder, {entry.name: _row(entry) for entry in read.meetings})
    return read


def _stored(folder: Path) -> dict[str, IndexedMeeting]:
    """The entries of the folder's cache file (``folder_index_cache`` checked their shape; the outline's
    values that an entry reads at once are checked here); none at all if one is wrong."""
    try:
        stored = {name: IndexedMeeting(folder / name, *row) for name, row in load_cache(folder).items()}
        for entry in stored.values():
            entry.checked = False
            Language(entry.outline_json.get("language", Language.VI.value))
            if type(entry.title) is not str:
                raise TypeError("title")
    except (ValueError, TypeError, AttributeError):
        return {}
    return stored


def _row(entry: IndexedMeeting) -> Row:
    return (entry.size, entry.mtime_ns, entry.outline_json, entry.keys, entry.directives, entry.items, entry.texts)


def folder_meetings(path: Path | None) -> list[tuple[str, Meeting]]:
    """The other meetings of ``path``'s folder as (file name, outline), for the checks; unreadable ones are
    left out (a broken neighbour says nothing about this meeting's number)."""
    if path is None:
        return []
    here = Path(path).resolve()

    def others(read: FolderRead) -> list[tuple[str, Meeting]]:
        return [(entry.name, entry.outline) for entry in read.meetings if entry.path != here]

    try:
        return others(read_folder(here.parent))
    except UntrustedIndex:  # an outline of the cache file that no meeting file could hold: every file read again
        return others(read_folder(here.parent, fresh=True))
