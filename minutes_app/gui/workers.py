"""Work off the GUI thread: a QRunnable that calls a function and reports back through signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget

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


FIRST_FRAME = "thukyFirstFramePainted"  # a window's property, set once it has painted


class _FirstFrame(QObject):
    """Waits for a window's first paint, then runs the callbacks given to ``after_first_frame``."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self.waiting: list[tuple[QObject, Callable[[], Any]]] = []
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            self.window.setProperty(FIRST_FRAME, True)
            for anchor, callback in self.waiting:
                QTimer.singleShot(0, anchor, callback)  # after this frame; dropped if the anchor is deleted
            self.waiting = []
            self.deleteLater()
        return False


def after_first_frame(window: QWidget, anchor: QObject, callback: Callable[[], Any]) -> None:
    """Run ``callback`` once ``window`` has painted its first frame (soon, if it has).

    Work a window opening does not need waits for it: a worker started while the window is built and shown
    holds the GIL the GUI thread needs. The callback is dropped if ``anchor`` is deleted first."""
    if window.property(FIRST_FRAME):
        QTimer.singleShot(0, anchor, callback)
        return
    waiter = window.findChild(_FirstFrame, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if waiter is None:
        waiter = _FirstFrame(window)
    waiter.waiting.append((anchor, callback))
    if window.isVisible():
        window.update()  # (shown before anyone waited: make sure a frame comes)
