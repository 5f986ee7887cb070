"""``record``: the dataclass decorator of the meeting's records.

A dataclass writes and compiles an ``__eq__`` and a ``__repr__`` for each class; for the meeting's eighteen
records that was 2 ms of every start of the editor (a third of building the model). ``record`` makes the same
dataclass without them and gives every record the same two functions, which behave as dataclass's do: equal
when of the same class with equal fields in order, ``Name(field=value, …)`` for its repr, unhashable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform  # typing's own from Python 3.11
else:
    def dataclass_transform(**_marks: Any) -> Callable[[Any], Any]:
        return lambda decorator: decorator  # a mark for type checkers only

Record = TypeVar("Record")


def _equal(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    names = [each.name for each in fields(self) if each.compare]
    return tuple(getattr(self, name) for name in names) == tuple(getattr(other, name) for name in names)


def _repr(self: Any) -> str:
    shown = ", ".join(f"{each.name}={getattr(self, each.name)!r}" for each in fields(self) if each.repr)
    return f"{self.__class__.__qualname__}({shown})"


@dataclass_transform(field_specifiers=(field,))
def record(cls: type[Record]) -> type[Record]:
    """``@dataclass`` for a record of the meeting (mutable, compared by value, unhashable)."""
    made = dataclass(repr=False, eq=False)(cls)
    setattr(made, "__eq__", _equal)  # noqa: B010 - set on the class, as dataclass does
    setattr(made, "__repr__", _repr)  # noqa: B010
    setattr(made, "__hash__", None)  # noqa: B010
    return made
