"""Work off the GUI thread: a QRunnable that calls a function and reports back through signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from ..errors import MinutesError


class WorkerSignals(QObject):
    finished = Signal(object)  # the function's result
    failed = Signal(str)  # a message fit to show
    progress = Signal(int, str)  # percent, what is being done
    done = Signal(object)  # the worker itself, after finished or failed (to release it)


class _Keeper(QObject):
    """Keeps running workers alive until their last signal has reached the GUI thread.

    A QThreadPool does not keep the Python side of a runnable alive; without this, the signals
    object could be collected while the thread still emits from it.
    """

    def __init__(self) -> None:
        super().__init__()
        self.running: set[Worker] = set()

    def release(self, worker: object) -> None:
        self.running.discard(worker)


_keeper: _Keeper | None = None


class Worker(QRunnable):
    """Runs ``function(*args, progress=…)`` if it accepts ``progress``, else ``function(*args)``.

    Expected failures (MinutesError, OSError) come back as a message; anything else is a bug and is
    reported with its type so it is not mistaken for a user's mistake.
    """

    def __init__(self, function: Callable[..., Any], *args: Any, with_progress: bool = False):
        super().__init__()
        self.function, self.args, self.with_progress = function, args, with_progress
        self.signals = WorkerSignals()
        global _keeper
        if _keeper is None:
            _keeper = _Keeper()  # created in the GUI thread, so release() runs there
        _keeper.running.add(self)
        self.signals.done.connect(_keeper.release)

    def run(self) -> None:
        try:
            if self.with_progress:
                result = self.function(*self.args, progress=lambda p, t: self.signals.progress.emit(p, t))
            else:
                result = self.function(*self.args)
        except (MinutesError, OSError) as error:
            self.signals.failed.emit(str(error))
        except Exception as error:  # noqa: BLE001 - shown to the user instead of killing a thread silently
            self.signals.failed.emit(f"{type(error).__name__}: {error}")
        else:
            self.signals.finished.emit(result)
        finally:
            self.signals.done.emit(self)


_pools: dict[str, QThreadPool] = {}


def lasting_pool(name: str, threads: int | None = None) -> QThreadPool:
    """The thread pool for one kind of work (preview, checks, exports…), owned by the application.

    Not a child of the widget that starts the work: a QThreadPool that is destroyed waits for its running
    workers, and a widget deleted inside a Qt call that holds the GIL (a test's qWaitForWindowActive, a
    nested event loop) would then wait forever for a worker that needs the GIL to finish. Owned by the
    application, a pool is only destroyed at exit, when its work is long done.
    """
    pool = _pools.get(name)
    if pool is None:
        pool = _pools[name] = QThreadPool(QCoreApplication.instance())
        if threads is not None:
            pool.setMaxThreadCount(threads)
    return pool
