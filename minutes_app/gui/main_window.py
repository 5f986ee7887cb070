"""A minimal main window until the editor lands: it shows the meeting that was opened."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QPlainTextEdit

from ..l10n.i18n import gettext as _
from ..model import Meeting
from ..storage import dumps_meeting


class MainWindow(QMainWindow):
    def __init__(self, meeting: Meeting, path: Path | None = None):
        super().__init__()
        self.meeting = meeting
        self.path = path
        self.setWindowTitle(f"{path.name if path else _('Untitled')} — Thư Ký")
        view = QPlainTextEdit(dumps_meeting(meeting))
        view.setReadOnly(True)
        self.setCentralWidget(view)
        self.resize(1280, 800)
