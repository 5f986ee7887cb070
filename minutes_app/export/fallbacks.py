"""Fallback warnings reach whoever runs the export: the command line prints them, the editor shows them.

``warnings.catch_warnings`` changes process-wide state, so the editor's export thread cannot use it to
hear what its own export said; each thread (each context) collects its own notes here instead.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from contextvars import ContextVar

from ..errors import FallbackWarning

_collected: ContextVar[list[str] | None] = ContextVar("fallback_notes", default=None)


def warn_fallback(warning: FallbackWarning) -> None:
    """Tell whoever collects in this thread, and Python's warnings (tests and logs listen there)."""
    notes = _collected.get()
    if notes is not None:
        notes.append(str(warning))
    warnings.warn(warning, stacklevel=3)


@contextlib.contextmanager
def collecting_fallbacks() -> Iterator[list[str]]:
    """The messages of the fallbacks issued in this thread inside the block, in order, each once."""
    notes: list[str] = []
    token = _collected.set(notes)
    try:
        yield notes
    finally:
        _collected.reset(token)
        notes[:] = list(dict.fromkeys(notes))
