"""Values that JSON can carry but a meeting file must not: refused on reading, never written.

- a lone surrogate (``"\\udc80"`` from a JSON escape): it cannot be written as UTF-8, so a meeting
  holding one could never be saved again;
- ``NaN``, ``Infinity`` and numbers beyond a float (``1e309``): not JSON, re-saved as bare ``NaN``;
- an integer of thousands of digits: Python refuses to print it (and so to save it);
- a key given twice in one object: only the last one would be kept, silently;
- objects and lists nested deeper than ``MAX_NESTING``: the walks of what was read would overflow.

The decoder hooks below keep such values as markers; ``value_problems`` names each with its path.
"""

from __future__ import annotations

import json
import logging
import math
from typing import Any

from ..l10n.i18n import gettext as _
from .codec import LONE_SURROGATE
from .validation import Problem, join_path

log = logging.getLogger(__name__)

MAX_INTEGER_DIGITS = 20  # beyond any count or sum of money an office writes (and beyond 64 bits)
MAX_NESTING = 100  # levels of objects and lists; a meeting uses five, and the recursive walks of what was read
# (normalising, the undo stack's copies, the encoder of a save) must never meet a RecursionError


class OddNumber:
    """A number a meeting may not hold, as it was written."""

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return f"OddNumber({self.text!r})"


class RepeatedKeys(dict[str, Any]):
    """A JSON object in which some key appears more than once (the last value is kept, as JSON does)."""

    repeated: list[str]


_CONTAINERS = frozenset({dict, list, RepeatedKeys})  # the types of decoded JSON that hold other values


class Decoding:
    """The decoder's hooks for one text. ``marked`` tells whether any value was kept as a marker: most files
    hold none, and then nothing needs to walk the decoded JSON to look for one."""

    def __init__(self) -> None:
        self.marked = False

    def parse_constant(self, text: str) -> OddNumber:
        """``NaN``, ``Infinity`` and ``-Infinity``."""
        self.marked = True
        return OddNumber(text)

    def parse_float(self, text: str) -> float | OddNumber:
        value = float(text)
        if math.isfinite(value):
            return value
        self.marked = True
        return OddNumber(text)

    def parse_int(self, text: str) -> int | OddNumber:
        if len(text.lstrip("-")) <= MAX_INTEGER_DIGITS:
            return int(text)
        self.marked = True
        return OddNumber(text)

    def object_from_pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        data = dict(pairs)
        if len(data) == len(pairs):
            return data
        self.marked = True
        marked = RepeatedKeys(data)
        seen: set[str] = set()
        repeated: list[str] = []
        for key, _value in pairs:
            if key in seen:
                repeated.append(key)
            seen.add(key)
        marked.repeated = list(dict.fromkeys(repeated))
        return marked

    def loads(self, text: str) -> Any:
        """``json.loads`` of ``text`` with these hooks."""
        return json.loads(text, parse_constant=self.parse_constant, parse_float=self.parse_float,
                          parse_int=self.parse_int, object_pairs_hook=self.object_from_pairs)


def nested_within(data: Any, limit: int = MAX_NESTING) -> bool:
    """Whether the objects and lists of decoded JSON nest at most ``limit`` deep: walked level by level, so
    that no depth can overflow this walk."""
    level = [data] if type(data) in _CONTAINERS else []
    for _depth in range(limit):
        level = [child for node in level for child in (node.values() if isinstance(node, dict) else node)
                 if type(child) in _CONTAINERS]  # three times as fast as isinstance(child, dict | list)
        if not level:
            return True
    return False


def value_problems(data: Any) -> list[Problem]:
    """One problem per value no meeting may hold, with its path; [] for ordinary JSON."""
    problems: list[Problem] = []
    _walk(data, "", problems)
    return problems


def _walk(value: Any, path: str, problems: list[Problem]) -> None:
    if isinstance(value, str):
        _check_text(value, path, problems)
    elif isinstance(value, dict):
        for key in getattr(value, "repeated", ()):
            problems.append(Problem(join_path(path, key), _("the key appears more than once")))
        for key, item in value.items():
            _check_text(key, join_path(path, key), problems)
            _walk(item, join_path(path, key), problems)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _walk(item, f"{path}[{index}]", problems)
    elif isinstance(value, OddNumber):
        problems.append(Problem(path, _number_message(value.text)))
    elif not (value is None or isinstance(value, bool | int | float)):
        problems.append(Problem(path, _("is not a JSON value")))


def _number_message(text: str) -> str:
    digits = text.lstrip("-")
    if digits.isdigit() and len(digits) > MAX_INTEGER_DIGITS:
        return _("a number of {digits} digits; at most {limit} are allowed").format(
            digits=len(digits), limit=MAX_INTEGER_DIGITS)
    return _("\"{text}\" is not a finite number").format(text=text[:40])


def _check_text(text: str, path: str, problems: list[Problem]) -> None:
    if text.isascii():
        return
    match = LONE_SURROGATE.search(text)
    if match:
        problems.append(Problem(path, _("contains U+{code:04X}, half of a character pair, which is not text").format(
            code=ord(match.group()))))


def printable(text: str) -> str:
    """``text`` with any lone surrogate replaced by U+FFFD, so that it can always be written as UTF-8."""
    return LONE_SURROGATE.sub("\ufffd", text)


def dumps(data: Any, indent: int) -> str:
    """The JSON text of ``data``, which never fails: a value JSON cannot hold (NaN, a number too long to
    print) becomes null and a lone surrogate U+FFFD, with a line in the log, rather than losing a save."""
    try:
        text = json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    except ValueError:
        log.warning("A value JSON cannot hold was written as null.")
        text = json.dumps(_writable(data), ensure_ascii=False, indent=indent, allow_nan=False)
    if LONE_SURROGATE.search(text):
        log.warning("A lone surrogate was written as U+FFFD.")
        text = printable(text)
    return text + "\n"


def _writable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _writable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_writable(item) for item in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, int) and not isinstance(value, bool) and abs(value).bit_length() > 64 * 4:
        return None
    return value
