"""Work-arounds for bugs of the PySide6 build we run on; each checks that the bug is there first.

PySide6 6.12 returns a *borrowed* ``True`` from ``Signal.emit()``: every emit from Python drops one
reference to ``True`` that was never taken, and after enough emits the interpreter aborts
("bool_dealloc: deallocating True or False"). ``emit()`` here gives the reference back, and only
when the running PySide6 has the bug.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def _emit_loses_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True) + sys.getrefcount(False)
    for _i in range(4):
        probe.ping.emit()
    lost = before - (sys.getrefcount(True) + sys.getrefcount(False))
    for _i in range(max(0, lost)):
        _incref(True)  # the probe's own losses
    return lost >= 4


EMIT_LOSES_REFERENCE = _emit_loses_a_reference()


def give_back(obj: object) -> None:
    """Take back one reference PySide dropped without owning it."""
    _incref(obj)


def probe_borrowed_none(call: Any, times: int = 4) -> bool:
    """Whether ``call()`` loses references to None (a virtual override handed a borrowed None)."""
    before = sys.getrefcount(None)
    for _i in range(times):
        call()
    lost = before - sys.getrefcount(None)
    for _i in range(max(0, lost)):
        _incref(None)  # the probe's own losses
    return lost >= times


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)`` without the reference-count bug."""
    result = signal.emit(*args)
    if EMIT_LOSES_REFERENCE and isinstance(result, bool):
        _incref(result)
