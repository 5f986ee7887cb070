"""``record``: the dataclass decorator of the program's records (the meeting's, and the values the layers above
pass around: a finding, a problem, a lock's owner…).

A dataclass writes and compiles an ``__eq__``, a ``__repr__`` and, frozen, a ``__hash__`` for each class: for
the thirty records the editor makes before its window shows, that was some 4 ms of every start. ``record`` makes
the same dataclass without them and gives every record the same functions, which behave as dataclass's do:
equal when of the same class with equal fields in order, ``Name(field=value, …)`` for its repr, hashed by its
fields when frozen and unhashable when not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, TypeVar, overload

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


def _hash(self: Any) -> int:
    return hash(tuple(getattr(self, each.name) for each in fields(self)
                      if (each.compare if each.hash is None else each.hash)))


@overload
def record(cls: type[Record], /) -> type[Record]: ...


@overload
def record(*, frozen: bool = False) -> Callable[[type[Record]], type[Record]]: ...


@dataclass_transform(field_specifiers=(field,))
def record(cls: type[Record] | None = None, /, *, frozen: bool = False) -> Any:
    """``@dataclass`` or ``@dataclass(frozen=True)``, with the shared comparison, repr and hash."""

    def make(cls: type[Record]) -> type[Record]:
        made = dataclass(frozen=frozen, repr=False, eq=False)(cls)
        setattr(made, "__eq__", _equal)  # noqa: B010 - set on the class, as dataclass does
        setattr(made, "__repr__", _repr)  # noqa: B010
        setattr(made, "__hash__", _hash if frozen else None)  # noqa: B010
        return made

    return make if cls is None else make(cls)
