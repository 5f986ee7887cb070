"""The folder index's file in the user cache folder: one per folder, read whole by the next process.

Layout: a first line of JSON — the format version, the folder, the length and CRC-32 of what follows —
then one JSON document with the pools of distinct task keys and task texts and one row per meeting file:
``[name, size, mtime_ns, outline, places, keys, texts]``. A task carried from meeting to meeting is the
same text in each file, so ten years of monthly meetings keep about 1,000 texts, not 30,000. A meeting
carries the open tasks of the one before in their order, so a row holds its tasks as runs: ``places`` as
``directive, first item, count`` (directive -1 is the follow-up list), ``keys`` and ``texts`` as
``first, count`` of consecutive numbers in the pools — a few hundred numbers a file instead of about a
thousand, and a read of the whole file that takes milliseconds.

The file is ours but sits in a folder anyone with the user's rights can write: it is read as untrusted
input. A regular file only, of bounded size; the first line is checked before the rest is decoded; the
rest must match its length and checksum, and every row its shape (types, lengths, numbers within the
pools). Anything else — no file, another version, another folder, a truncated or edited file — is
ignored: the meeting files are read again and the cache file is rewritten, atomically.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from itertools import chain, repeat
from operator import add
from pathlib import Path
from typing import Any

from ..errors import MinutesError
from ..safe_io import read_regular
from ..userdirs import make_private_dir, user_cache_dir
from .atomic import write_bytes_atomically

INDEX_VERSION = 4
MAX_INDEX_BYTES = 64 * 1024 * 1024  # ten years of monthly meetings carrying hundreds of open tasks: 1.5 MB

# One meeting file's entry as the cache holds it, after its numbers are resolved:
# (size, mtime_ns, outline JSON, keys, directives, items, texts)
Row = tuple[int, int, dict[str, Any], list[str], list[int], list[int], list[str]]


def cache_file(folder: Path) -> Path:
    name = hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return user_cache_dir() / "folders" / f"{name}.json"


def load_cache(folder: Path) -> dict[str, Row]:
    """The entries of the folder's cache file by file name; empty when there is none we can trust."""
    try:
        raw = read_regular(cache_file(folder), MAX_INDEX_BYTES)
        head, _newline, body = raw.partition(b"\n")
        envelope = json.loads(head)
        if envelope != {"version": INDEX_VERSION, "folder": str(folder.resolve()), "bytes": len(body),
                        "crc32": zlib.crc32(body)}:
            return {}
        data = json.loads(body)
        keys, texts = data["keys"], data["texts"]
        if not (_all(keys, str) and _all(texts, str)):
            return {}
        return dict(_row(item, keys, texts) for item in data["files"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
        return {}  # no cache yet, or one we cannot trust: the files are read


def _row(item: list[Any], keys: list[str], texts: list[str]) -> tuple[str, Row]:
    """One file's row, checked; raises ValueError or TypeError for anything we did not write."""
    name, size, mtime_ns, outline, places, key_runs, text_runs = item
    if not (type(name) is str and type(size) is int and type(mtime_ns) is int and type(outline) is dict):
        raise TypeError("row")
    if not all(type(outline.get(part, {})) is dict for part in ("header", "meeting", "notice")):
        raise TypeError("outline")
    if not (_all(places, int) and len(places) % 3 == 0):
        raise TypeError("places")
    directives, firsts, counts = places[0::3], places[1::3], places[2::3]
    if places and (min(directives) < -1 or min(firsts) < 0 or min(counts) < 1):
        raise ValueError("places")
    row_keys, row_texts = _expanded(key_runs, keys), _expanded(text_runs, texts)
    if not len(row_keys) == len(row_texts) == sum(counts):
        raise ValueError("tasks")
    return name, (size, mtime_ns, outline, row_keys,
                  list(chain.from_iterable(map(repeat, directives, counts))),
                  list(chain.from_iterable(map(range, firsts, map(add, firsts, counts)))), row_texts)


def _expanded(runs: Any, pool: list[str]) -> list[str]:
    """The pool's items that ``runs`` (first, count, first, count…) name, in order."""
    if not (_all(runs, int) and len(runs) % 2 == 0):
        raise TypeError("runs")
    firsts, counts = runs[0::2], runs[1::2]
    if runs and (min(firsts) < 0 or min(counts) < 1 or max(map(add, firsts, counts)) > len(pool)):
        raise ValueError("runs")
    return list(chain.from_iterable(pool[first:first + count] for first, count in zip(firsts, counts, strict=True)))


def _runs(numbers: list[int]) -> list[int]:
    """``numbers`` as runs of consecutive numbers: first, count, first, count…"""
    runs: list[int] = []
    for number in numbers:
        if runs and runs[-2] + runs[-1] == number:
            runs[-1] += 1
        else:
            runs += [number, 1]
    return runs


def _place_runs(directives: list[int], items: list[int]) -> list[int]:
    """Places as runs of consecutive items of one list: directive, first item, count…"""
    runs: list[int] = []
    for directive, item in zip(directives, items, strict=True):
        if runs and runs[-3] == directive and runs[-2] + runs[-1] == item:
            runs[-1] += 1
        else:
            runs += [directive, item, 1]
    return runs


def _all(values: Any, kind: type) -> bool:
    """``values`` is a list of ``kind`` exactly (no bool for int): the types are collected in C."""
    return type(values) is list and set(map(type, values)) <= {kind}


def save_cache(folder: Path, rows: dict[str, Row]) -> None:
    """Write the folder's cache file (atomically); a cache folder we cannot write only costs a full read."""
    key_pool: dict[str, int] = {}
    text_pool: dict[str, int] = {}
    files = [[name, size, mtime_ns, outline, _place_runs(directives, items),
              _runs([key_pool.setdefault(key, len(key_pool)) for key in keys]),
              _runs([text_pool.setdefault(text, len(text_pool)) for text in texts])]
             for name, (size, mtime_ns, outline, keys, directives, items, texts) in rows.items()]
    try:
        body = json.dumps({"keys": list(key_pool), "texts": list(text_pool), "files": files}, ensure_ascii=False,
                          separators=(",", ":")).encode("utf-8")
        head = json.dumps({"version": INDEX_VERSION, "folder": str(folder.resolve()), "bytes": len(body),
                           "crc32": zlib.crc32(body)}).encode("utf-8")
        make_private_dir(cache_file(folder).parent)
        write_bytes_atomically(cache_file(folder), head + b"\n" + body, keep_backup=False, mode=0o600,
                               max_bytes=MAX_INDEX_BYTES)
    except (MinutesError, OSError, UnicodeEncodeError):
        pass  # a name that is no text, a cache folder we cannot write: the next process reads the files again
