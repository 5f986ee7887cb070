"""Deleting a widget while its work runs must not hang the editor.

A QThreadPool that is destroyed waits for its running workers. When it was a child of the preview, the
checks or the exporter, deleting that widget inside a Qt call that holds the GIL (a nested event loop, a
test's qWaitForWindowActive) waited forever for a worker that needed the GIL to finish: the test run hung.
The pools now belong to the application; this deletes a busy preview inside such a call, in a child interpreter
with a deadline, so a hang fails instead of hanging the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent("""
    import time
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget
    from minutes_app.gui.app import create_application
    from minutes_app.gui.document import MeetingDocument
    from minutes_app.gui.preview import PreviewPane
    from minutes_app.gui.workers import Worker
    from minutes_app.export.options import ExportOptions
    from minutes_app.model import Meeting

    app = create_application()

    def busy_python(seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:  # pure Python: needs the GIL to finish
            sum(range(1000))
        return seconds

    for round_ in range(3):
        holder = QWidget()
        pane = PreviewPane(MeetingDocument(Meeting()), ExportOptions, holder)
        pane.pool.start(Worker(busy_python, 0.3))
        time.sleep(0.05)  # the worker is running
        holder.deleteLater()
        # A Qt call that holds the GIL and handles the deferred delete meanwhile, as the tests' waitActive does.
        window = QWidget()
        window.show()
        QTest.qWaitForWindowActive(window, 1000)
        window.close()
    print("deleted while busy")
""")


@pytest.mark.slow  # a child interpreter with a deadline
def test_a_widget_deleted_while_its_worker_runs_does_not_hang(tmp_path) -> None:  # noqa: ANN001
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=30)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "deleted while busy" in done.stdout
