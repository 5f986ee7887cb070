"""Start the editor: the QApplication, the first document, the main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..l10n.i18n import set_ui_language
from ..paths import samples_dir

DEFAULT_SAMPLE = "tong-ket-kt-xh-2020-lap-vo.minutes.json"


def default_sample() -> Path:
    return samples_dir() / DEFAULT_SAMPLE


def run_gui(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="minutes-app")
    parser.add_argument("--ui-language", choices=("vi", "en"))
    parser.add_argument("file", nargs="?", type=Path)
    args, qt_args = parser.parse_known_args(list(argv))
    if args.ui_language:
        set_ui_language(args.ui_language)

    from PySide6.QtWidgets import QApplication, QMessageBox

    from ..errors import MinutesError
    from ..storage import load_meeting

    app = QApplication([sys.argv[0], *qt_args])
    path = args.file or default_sample()
    try:
        meeting = load_meeting(path)
    except MinutesError as error:
        QMessageBox.critical(None, "Thư Ký", str(error))
        return 1
    from .main_window import MainWindow

    window = MainWindow(meeting, path)
    window.show()
    return app.exec()
