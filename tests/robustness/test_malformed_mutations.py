"""A thousand and more malformed files made from the samples: each is refused cleanly or loads.

Every mutation must end in either a meeting or a MeetingFileError whose lines name the file; any
other exception is a traceback a secretary would see. The CLI is checked on a share of them.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support import ALL_SAMPLES, run_cli

from minutes_app.errors import MeetingFileError
from minutes_app.storage import load_meeting

WEIRD_VALUES: list[Any] = [None, True, False, 0, -1, 1.5, 10**30, "", "x", "2020-02-30", "25:61", [], {}, [None],
                           {"a": 1}, "\x00\x01", "💥", "Nguyễn"]


def _paths(value: Any, prefix: tuple = ()) -> Iterator[tuple]:
    """Every path into the JSON value (dict keys and list indexes)."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


def _replace(data: Any, path: tuple, new: Any) -> Any:
    if not path:
        return new
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = new
    return data


def _delete(data: Any, path: tuple) -> Any:
    if not path:
        return None
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    del parent[path[-1]]
    return data


def mutations(seed: int, count: int) -> Iterator[tuple[str, bytes]]:
    rng = random.Random(seed)
    originals = [path.read_bytes() for path in ALL_SAMPLES]
    for number in range(count):
        raw = rng.choice(originals)
        kind = number % 6
        if kind == 0:  # truncated anywhere
            yield "truncated", raw[: rng.randrange(len(raw))]
        elif kind == 1:  # random bytes overwritten
            data = bytearray(raw)
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            yield "bytes flipped", bytes(data)
        elif kind == 2:  # binary garbage
            yield "garbage", rng.randbytes(rng.randint(1, 2000))
        else:  # a structural change at a random path: wrong type, odd value, deletion
            data = json.loads(raw)
            path = rng.choice(list(_paths(data)))
            if kind == 3:
                yield f"value at {path}", json.dumps(_replace(data, path, rng.choice(WEIRD_VALUES))).encode()
            elif kind == 4:
                yield f"deleted {path}", json.dumps(_delete(data, path)).encode()
            else:
                wrapped = _replace(data, path, [_get(data, path)] if rng.random() < 0.5 else {"v": _get(data, path)})
                yield f"wrapped {path}", json.dumps(wrapped).encode()


def _get(data: Any, path: tuple) -> Any:
    for key in path:
        data = data[key]
    return data


@pytest.mark.slow  # 1,200 malformed files
def test_1200_mutations_load_or_fail_cleanly(tmp_path: Path) -> None:
    refused = 0
    for number, (description, content) in enumerate(mutations(seed=20201229, count=1200)):
        path = tmp_path / f"m{number}.minutes.json"
        path.write_bytes(content)
        try:
            load_meeting(path)
        except MeetingFileError as error:
            refused += 1
            assert error.problems, description
            assert all(line.startswith(f"{path}: ") for line in str(error).splitlines()), description
        except Exception as error:  # noqa: BLE001 - any other exception is the bug this test hunts
            pytest.fail(f"{description}: {type(error).__name__}: {error}")
    assert refused > 900  # most mutations really are malformed; the rest must load


@pytest.mark.parametrize("number", range(0, 60, 7))
def test_cli_on_mutations_exits_1_without_traceback(tmp_path: Path, number: int) -> None:
    description, content = list(mutations(seed=number, count=number + 1))[number]
    path = tmp_path / "bad.minutes.json"
    path.write_bytes(content)
    result = run_cli("validate", path)
    assert "Traceback" not in result.stderr, description
    assert result.returncode in (0, 1)
    if result.returncode == 1:
        assert str(path) in result.stderr
