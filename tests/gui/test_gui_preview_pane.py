"""The preview pane: resized with the mouse and remembered across restarts; its documents, built in a
worker thread, are handed to the GUI thread with no Qt timer running (no warning when they are deleted)."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from minutes_app.gui.settings import AppSettings

# One start of the editor as ``python -m minutes_app`` makes it (saved geometry and docks restored), on a
# 1366×768 laptop screen; with "drag" it drags the separator between the form and the preview 150 px to
# the left, as a person does with the mouse; then it closes and prints the preview's width and laid-out width.
START = """
import sys
import time
from PySide6.QtCore import QEventLoop, QPoint, QTimer, Qt
from PySide6.QtTest import QTest
from minutes_app.gui.app import create_application, create_window

def wait(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()

def laid_out_at_its_width():  # the preview has come, at the pane's present width
    rendering = window.preview.view.rendering
    return rendering.document is not None and rendering.width == window.preview.view.parentWidget().width()

def settle():  # (a busy machine: up to a minute)
    wait(300)
    deadline = time.monotonic() + 60
    while not laid_out_at_its_width() and time.monotonic() < deadline:
        wait(50)

app = create_application()
window = create_window(None)
window.show()
settle()
if sys.argv[1] == "drag":
    dock = window.dock.geometry()
    at = QPoint(dock.left() - 2, dock.center().y())
    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    QTest.mouseMove(window, at - QPoint(150, 0))
    wait(50)  # the window follows the separator on a timer
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at - QPoint(150, 0))
    settle()  # the preview is laid out again at its new width, in a worker
width, laid_out = window.dock.width(), window.preview.view.rendering.width
viewport = window.preview.view.parentWidget().width()  # the scroll area's viewport
window.document.undo_stack.setClean()
window.close()
print(width, laid_out, viewport)
"""


def _start(tmp_path: Path, action: str) -> tuple[int, int, int]:
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}", "LANG": "vi_VN.UTF-8"}
    done = subprocess.run([sys.executable, "-c", START, action], capture_output=True, text=True, env=env,
                          timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    width, laid_out, viewport = map(int, done.stdout.split()[-3:])
    return width, laid_out, viewport


@pytest.mark.slow
def test_the_preview_is_widened_with_the_mouse_and_keeps_its_width_after_a_restart(tmp_path: Path) -> None:
    first, _laid_out, _viewport = _start(tmp_path, "look")  # a third of the window, at least 430 px
    widened, laid_out, viewport = _start(tmp_path, "drag")
    assert widened >= first + 40  # as far as the form's least width lets it
    assert laid_out == viewport  # the preview follows its new width
    assert AppSettings().window_state()[1] is not None  # kept in QSettings (this test's own data folder)
    again, laid_out, viewport = _start(tmp_path, "look")  # a new start
    assert again == widened and laid_out == viewport


@pytest.mark.slow  # the editor, for seconds
def test_a_preview_built_in_a_worker_is_handed_over_with_no_timer_running(qtlog) -> None:  # noqa: ANN001
    """The worker's document is laid out by Qt's own timers; they must have stopped before it goes to the GUI
    thread, or deleting it there (a newer preview, the window closing) made Qt warn "QBasicTimer::stop:
    Failed. Possibly trying to stop from a different thread"."""
    from PySide6.QtCore import QRunnable, QThreadPool

    from minutes_app.export.registry import ExportOptions
    from minutes_app.gui.app import create_application, default_sample
    from minutes_app.gui.preview import lay_out, render_preview
    from minutes_app.storage import load_meeting

    app = create_application()
    meeting = load_meeting(default_sample())
    meeting.results.indicators *= 60  # a long table: Qt lays it out in steps, on its timers
    text = render_preview(meeting, "minutes", ExportOptions())
    built = []

    class Build(QRunnable):
        def run(self) -> None:
            built.append(lay_out(text, 460, app.thread()))

    pool = QThreadPool()
    for _time in range(3):  # (the first one built in a process happened to stop its timers in time)
        pool.start(Build())
        pool.waitForDone(30000)
        rendering = built.pop()
        assert rendering.height > 20000 and "BIÊN BẢN" in rendering.text  # laid out to its end
        del rendering  # deleted in the GUI thread at once, as when a newer preview replaces it
        gc.collect()
    QApplication.processEvents()
    assert [record.message for record in qtlog.records if "QBasicTimer" in record.message] == []
