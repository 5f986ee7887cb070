"""Fixtures for the editor's tests: a real main window on a meeting, closed without questions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")


@pytest.fixture
def make_window(qtbot):  # noqa: ANN001, ANN201 - pytest-qt's fixture
    """A factory: ``make_window(path_or_meeting)`` → a shown MainWindow, closed cleanly after the test."""
    from minutes_app.gui.app import create_application
    from minutes_app.gui.main_window import MainWindow
    from minutes_app.gui.settings import AppSettings
    from minutes_app.storage import load_meeting

    create_application()
    windows = []

    def make(source=None, path: Path | None = None):  # noqa: ANN001, ANN202
        meeting = load_meeting(source) if isinstance(source, Path) else source
        if meeting is None:
            from minutes_app.gui.main_window import new_meeting

            meeting = new_meeting(AppSettings())
        window = MainWindow(meeting, path if path is not None else (source if isinstance(source, Path) else None))
        # Not qtbot.addWidget: it would close the window (and ask about unsaved changes) before our teardown.
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        windows.append(window)
        return window

    yield make
    for window in windows:
        if getattr(window, "notes_page", None) is not None:
            window.notes_page.apply_pending()  # else closing files the last notes typed, and asks to save them
        window.document.undo_stack.setClean()
        window.close()
        window.exporter.wait(30000)


@pytest.fixture
def preview_text(qtbot):  # noqa: ANN001, ANN201
    """``preview_text(window, kind)``: refresh the preview now, wait for it, return its plain text."""

    def refresh(window, kind: str | None = None) -> str:  # noqa: ANN001
        with qtbot.waitSignal(window.preview.refreshed, timeout=15000):
            if kind:
                window.preview.set_kind(kind)
            window.preview.refresh()
        return window.preview.view.toPlainText()

    return refresh


@pytest.fixture
def field():  # noqa: ANN201
    """``field(page, attr)``: the widget bound to that attribute on a page."""

    def find(page, attr: str):  # noqa: ANN001, ANN202
        for binding in page.bindings:
            if binding.attr == attr:
                return binding.widget
        raise KeyError(attr)

    return find


@pytest.fixture
def samples() -> Iterator[Path]:
    from minutes_app.paths import samples_dir

    yield samples_dir()


@pytest.fixture
def unshown_window(qtbot):  # noqa: ANN001, ANN201
    """A window not shown yet: no first frame, so nothing is built in idle time behind the test's back."""
    from minutes_app.gui.app import create_application
    from minutes_app.gui.main_window import MainWindow
    from minutes_app.storage import load_meeting

    from ..conftest import ENGLISH_SAMPLE

    create_application()
    window = MainWindow(load_meeting(ENGLISH_SAMPLE), ENGLISH_SAMPLE, check_recovery=False)
    yield window
    if window.notes_page is not None:
        window.notes_page.apply_pending()
    window.document.undo_stack.setClean()
    window.close()
    window.exporter.wait(30000)


@pytest.fixture
def shown_window(unshown_window, qtbot):  # noqa: ANN001, ANN201
    """The same window, shown and active (the interface language is set back by the suite's conftest)."""
    with qtbot.waitActive(unshown_window):
        unshown_window.show()
        unshown_window.activateWindow()
    return unshown_window
