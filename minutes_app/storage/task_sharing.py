"""Read the meeting files of a folder, each carried task checked once.

A task given at one meeting is carried, as the same JSON, into every later meeting until it is reported
done: ten years of monthly meetings hold some 30,000 task objects but about 1,000 distinct ones, and
normalising and validating them all was most of the time of a first read of such a folder. Here a file is
checked as ``load_checked_json`` checks it, except that a task whose text (its ``repr``) was already found
valid in an earlier file of the same read is taken as it was then — the same object — not checked again.
Equal text is equal content: the same value normalises and validates the same way (every task has the same
schema, ``$defs/task``). An object the text does not tell apart from a plain one — one marked as having a
repeated key — is never shared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..errors import MeetingFileError
from .files import checked_json, decode_json_plain, read_text
from .validation import CURRENT_FORMAT_VERSION

# the text of a task as it was decoded → the task as checked (normalised), for one read of a folder
SeenTasks = dict[str, dict[str, Any]]


def load_checked_json_sharing(path: Path, seen: SeenTasks) -> dict[str, Any]:
    """``load_checked_json(path)``, taking the tasks already in ``seen`` as checked, and adding its own."""
    data, plain = decode_json_plain(read_text(path), path)
    if type(data) is not dict or data.get("format_version") != CURRENT_FORMAT_VERSION:
        return checked_json(data, path, plain=plain)  # an old version is migrated whole; an odd envelope too
    texts: dict[int, str] = {}  # id() of a task of ``data`` → its text, for those that can be shared
    for task in _tasks(data):
        text = _text(task)
        if text is not None:
            texts[id(task)] = text
    known = {ident for ident, text in texts.items() if text in seen}
    # Check the file without the tasks already seen (list items are checked one by one, so leaving some out
    # hides nothing about the others).
    reduced = _with_tasks(data, lambda tasks: [task for task in tasks if id(task) not in known])
    try:
        checked = checked_json(reduced, path, plain=plain)
    except MeetingFileError:
        return checked_json(data, path, plain=plain)  # raises, with the places of the whole file
    fresh = iter(list(_tasks(checked)))  # the tasks checked here, in file order

    def rebuild(tasks: list[Any]) -> list[Any]:
        whole = []
        for task in tasks:
            text = texts.get(id(task))
            if id(task) in known:
                whole.append(seen[text])  # type: ignore[index]  # a known task has a text
                continue
            made = next(fresh)
            if text is not None:
                seen.setdefault(text, made)
            whole.append(made)
        return whole

    return _with_tasks(data, rebuild, into=checked)


def _tasks(data: dict[str, Any]) -> Iterator[Any]:
    """The tasks of a file's JSON, in file order: the follow-up, then each directive's."""
    for tasks in _task_lists(data):
        yield from tasks


def _task_lists(data: dict[str, Any]) -> Iterator[list[Any]]:
    follow_up = data.get("follow_up")
    if type(follow_up) is list:
        yield follow_up
    directives = data.get("directives")
    if type(directives) is list:
        for directive in directives:
            if type(directive) is dict and type(directive.get("tasks")) is list:
                yield directive["tasks"]


def _with_tasks(data: dict[str, Any], change: Callable[[list[Any]], list[Any]], into: dict[str, Any] | None = None
                ) -> dict[str, Any]:
    """A copy of ``into`` (``data`` when None) whose task lists are ``change(the list of data)``.

    ``data`` and ``into`` have the same shape where it matters: ``into`` is ``data`` checked, and the check
    keeps the lists and the directives in their places."""
    target = dict(data if into is None else into)
    follow_up = data.get("follow_up")
    if type(follow_up) is list:
        target["follow_up"] = change(follow_up)
    directives = data.get("directives")
    if type(directives) is list:
        copies = list(target["directives"])
        for number, directive in enumerate(directives):
            if type(directive) is dict and type(directive.get("tasks")) is list:
                copies[number] = {**copies[number], "tasks": change(directive["tasks"])}
        target["directives"] = copies
    return target


def _text(task: Any) -> str | None:
    """The task's text when equal text means equal content; else None.

    ``repr`` of decoded JSON tells apart what JSON does (1, 1.0 and True; "1" and 1) and writes an odd number's
    marker as ``OddNumber('…')``, unlike any string; it is three times as fast as ``json.dumps``."""
    return repr(task) if _plain(task) else None


def _plain(value: Any) -> bool:
    """No object in ``value`` is marked as having a repeated key (``json.dumps`` writes it as a plain one)."""
    waiting = [value]
    while waiting:
        item = waiting.pop()
        kind = type(item)
        if kind is dict:
            waiting.extend(item.values())
        elif kind is list:
            waiting.extend(item)
        elif isinstance(item, dict):
            return False
    return True
