"""Start the editor: the QApplication, the first document, the main window.

``run_gui(argv)`` is what ``python -m minutes_app [FILE]`` calls. It opens FILE, else the most
recent file, else the seed sample.

Scripted edits (for the crash-recovery test, and for demonstrations): when the environment variable
``MINUTES_APP_SCRIPTED_EDITS`` names a JSON file holding a list of ``{"field": "meeting.title",
"value": "…"}``, the window applies those edits once it is shown, through the same undo commands
as typing. ``field`` is a dotted path from the meeting ("header.agency", "attendees.0.name"). This
changes nothing on disk by itself; it only stands in for a person typing.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..l10n.i18n import gettext as _
from ..l10n.i18n import set_ui_language, ui_language
from ..logs import setup_logging
from ..paths import resources_dir, samples_dir
from .pyside_hook import lighten_pyside_import_hook

DEFAULT_SAMPLE = "tong-ket-kt-xh-2020-lap-vo.minutes.json"
SCRIPTED_EDITS_ENV = "MINUTES_APP_SCRIPTED_EDITS"
STARTED_AT = time.perf_counter()  # the benchmark reads how long start-up took
RECENT_FILE_DELAY_MS = 300  # after the first frame: the file opened joins the recent files


def default_sample() -> Path:
    return samples_dir() / DEFAULT_SAMPLE


def resolve_field(root: Any, dotted: str) -> tuple[Any, str]:
    """The record and attribute a dotted path names ("attendees.0.name" → (attendees[0], "name"))."""
    *parts, attr = dotted.split(".")
    record = root
    for part in parts:
        record = record[int(part)] if part.isdigit() else getattr(record, part)
    if not hasattr(record, attr):
        raise AttributeError(dotted)
    return record, attr


def apply_scripted_edits(window: Any, path: Path) -> None:
    """Apply the edits listed in ``path`` to the window's document, as undoable commands."""
    document = window.document
    for edit in json.loads(path.read_text(encoding="utf-8")):
        record, attr = resolve_field(document.meeting, edit["field"])
        document.set_field(record, attr, edit["value"], _("Edit {field}").format(field=edit["field"]))


def first_path(requested: Path | None, settings: Any) -> Path:
    if requested is not None:
        return requested
    for path in settings.recent_files():
        if path.is_file():
            return path
    return default_sample()


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while PySide, the window's modules and the window itself are made.

    They allocate hundreds of thousands of long-lived objects and no garbage; the collector's passes over them
    took about 10 ms of start-up. The window then freezes what it made (``MainWindow._attach_document``), so
    the collector, running again afterwards, does not walk it either."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def create_application(qt_args: Sequence[str] = ()) -> Any:
    """The QApplication, configured once: identity for QSettings, Fusion style, a readable font."""
    with collector_paused():
        return _create_application(qt_args)


def _create_application(qt_args: Sequence[str]) -> Any:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from .settings import configure_application_identity

    lighten_pyside_import_hook()
    running = QApplication.instance()
    if running is None:
        # Fusion named on the command line, before the caller's own arguments (a "-style" there wins): set by
        # setStyle() it made Python's wrapper of QStyle and its enums, a fiftieth of start-up, for nothing.
        app = QApplication([sys.argv[0], "-style", "Fusion", *qt_args])
    else:
        assert isinstance(running, QApplication), "a QCoreApplication without widgets is already running"
        app = running
        app.setStyle("Fusion")
    configure_application_identity()
    # Qt's own file dialogs on every platform: they speak the interface language through our catalog
    # (gui/qt_translations.py), where a system dialog would be half English in the Vietnamese interface.
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    # Workers (preview, check, autosave) run Python beside the GUI thread: hand the GIL back within 1 ms
    # rather than 5, so that a key press never waits long behind them.
    sys.setswitchinterval(0.001)
    app.setApplicationDisplayName("Thư Ký")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "thuky-256.png")))
    app.setDesktopFileName("thuky")  # the menu entry's icon and name in Wayland docks and task bars
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)
    return app


def create_window(requested: Path | None = None) -> Any:
    """The main window on the first document (the QApplication must exist)."""
    with collector_paused():
        return _create_window(requested)


def _create_window(requested: Path | None) -> Any:
    from PySide6.QtCore import QTimer

    from ..errors import MinutesError
    from ..storage import load_meeting, read_meeting
    from .main_window import MainWindow, new_meeting
    from .qt_translations import install_qt_translations
    from .settings import AppSettings
    from .workers import after_first_frame

    settings = AppSettings()
    if settings.ui_language:
        set_ui_language(settings.ui_language)
    install_qt_translations(ui_language())
    first = first_path(requested, settings)
    # The built-in samples are opened as a starting point; saving asks for a name of the user's own, so there is
    # no file of theirs to lock nor to compare with at saving.
    is_sample = first.resolve().parent == samples_dir().resolve()
    path: Path | None = None if is_sample else first
    as_read = None
    try:
        if is_sample:
            meeting = load_meeting(first)
        else:
            meeting, as_read = read_meeting(first)
    except MinutesError as error:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(None, "Thư Ký", str(error))
        meeting, path, is_sample = new_meeting(settings), None, False
    window = MainWindow(meeting, path, settings, as_read=as_read)
    if is_sample:
        window.document.title_hint = _("{name} (sample)").format(name=first.name)
        window.update_title()
    geometry, state = settings.window_state()
    if geometry is not None:
        window.restoreGeometry(geometry)
    if state is not None:
        window.restoreState(state)
    if path is not None:
        opened = path
        # Written to disk (QSettings syncs at once): in an idle moment after the window's first frame, not while it
        # opens nor with the first keys typed.
        after_first_frame(window, window, lambda: QTimer.singleShot(
            RECENT_FILE_DELAY_MS, window, lambda: settings.add_recent_file(opened)))
    return window


def run_gui(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="minutes-app")
    parser.add_argument("--ui-language", choices=("vi", "en"))
    parser.add_argument("file", nargs="?", type=Path)
    args, qt_args = parser.parse_known_args(list(argv))
    setup_logging()
    app = create_application(qt_args)
    window = create_window(args.file)
    if args.ui_language:
        set_ui_language(args.ui_language)  # the command line wins over the settings
    window.show()
    scripted = os.environ.get(SCRIPTED_EDITS_ENV)
    if scripted:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: apply_scripted_edits(window, Path(scripted)))
    return app.exec()
