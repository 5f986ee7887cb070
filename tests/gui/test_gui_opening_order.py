"""A window opening first shows itself, then renders its preview and checks the meeting (workers that hold the
GIL would slow its first frame); after that, typing is followed with the usual pauses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from minutes_app.gui.checking import CHECK_DELAY_MS
from minutes_app.gui.preview import REFRESH_DELAY_MS
from minutes_app.storage import load_meeting

from ..conftest import ENGLISH_SAMPLE

pytestmark = pytest.mark.slow  # drives the editor for seconds a test: out of the quick run, `pytest -m "not slow"`


def test_preview_and_checks_wait_for_the_first_frame_then_follow_typing(qtbot) -> None:  # noqa: ANN001
    from minutes_app.gui.app import create_application
    from minutes_app.gui.main_window import MainWindow

    create_application()
    window = MainWindow(load_meeting(ENGLISH_SAMPLE), ENGLISH_SAMPLE)
    try:
        assert window.preview is not None
        assert window.preview.generation == 0 and window.checks.generation == 0  # nothing started yet
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        qtbot.waitUntil(lambda: bool(window.preview.view.toPlainText()) and window.checks.latest is not None,
                        timeout=15000)
        assert window.preview.generation == 1  # rendered once, at the width the pane has on screen
        assert window.preview.view.rendering.width == window.preview._width()
        window.go_to_page(0)
        QTest.keyClick(window.pages[0].first_field, Qt.Key.Key_A)
        assert window.preview.timer.isActive() and window.preview.timer.interval() == REFRESH_DELAY_MS
        assert window.checks.timer.isActive() and window.checks.timer.interval() == CHECK_DELAY_MS
    finally:
        window.document.undo_stack.setClean()
        window.close()
        window.exporter.wait(30000)
