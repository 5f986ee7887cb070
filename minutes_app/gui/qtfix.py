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


# Calls of void methods (``label.setText(…)``) lose a reference to None the same way; on Python 3.11
# None is not immortal and the interpreter aborts ("none_dealloc") after some thousands of them, which
# typing a meeting's notes reaches. Python 3.12 makes None immortal; here we lift its count out of reach.
_NONE_FLOOR = 1 << 40
_void_calls_lose_none: bool | None = None


def keep_none_alive() -> None:
    """Keep None's reference count far above zero when void calls lose references to it (cheap to repeat)."""
    global _void_calls_lose_none
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    if _void_calls_lose_none is None:
        probe = _Probe()
        _void_calls_lose_none = probe_borrowed_none(lambda: probe.setObjectName("probe"))
    if _void_calls_lose_none and sys.getrefcount(None) < _NONE_FLOOR // 2:
        ctypes.c_ssize_t.from_address(id(None)).value += _NONE_FLOOR
