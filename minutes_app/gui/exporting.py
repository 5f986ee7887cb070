"""Exports from the editor: each in a worker thread with a progress dialog, errors in plain words.

The registry (``export_meeting``) decides how each file is produced, as for the command line. PDF
goes through LibreOffice; when it is missing the registry's ExportError says so and we show it.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

# QMessageBox is imported where a message is shown: the window opens without its class (0.6 ms).
from PySide6.QtWidgets import QWidget

from ..export.fallbacks import collecting_fallbacks
from ..export.registry import ExportOptions, export_meeting, kind_label
from ..l10n.collation import without_marks
from ..l10n.i18n import gettext as _
from ..model import Meeting
from ..model.records import record
from ..userdirs import user_data_dir
from .mail import write_email
from .workers import Worker, lasting_pool

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

# (kind, format) pairs offered in the Export menu, in this order.
EXPORTS = (("minutes", "docx"), ("minutes", "pdf"), ("news", "html"), ("news", "txt"), ("news", "docx"),
           ("news", "pdf"), ("notice", "docx"), ("notice", "pdf"))
FILTERS = {"docx": "Word (*.docx)", "pdf": "PDF (*.pdf)", "html": "HTML (*.html)", "txt": "Text (*.txt)"}
FILE_PREFIX = {"minutes": "bien-ban", "news": "bai-tin", "notice": "thong-bao-ket-luan"}


def slug(text: str, limit: int = 50) -> str:
    """An ASCII file-name part from a Vietnamese title ("Hội nghị …" → "hoi-nghi-…")."""
    text = without_marks(text).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:limit].rstrip("-") or "cuoc-hop"


def suggested_name(meeting: Meeting, kind: str, fmt: str) -> str:
    date = meeting.meeting.date.isoformat() if meeting.meeting.date else ""
    parts = [FILE_PREFIX[kind], date, slug(meeting.meeting.title, 40)]
    return "-".join(p for p in parts if p) + "." + fmt


@record
class ExportRun:
    """The files one export wrote, and why an office's template or reference was set aside, if it was."""

    written: list[Path]
    fallbacks: list[str]  # the office's template or reference could not be used: why, once each


def export_many(meeting: Meeting, jobs: list[tuple[str, Path]], options: ExportOptions,
                progress: Callable[[int, str], None]) -> ExportRun:
    """Several exports in a row (worker thread); reports progress before each."""
    written = []
    with collecting_fallbacks() as fallbacks:
        for number, (kind, path) in enumerate(jobs):
            progress(int(100 * number / len(jobs)), _("Writing {name}…").format(name=path.name))
            written.append(export_meeting(meeting, kind, path, options))
    progress(100, "")
    return ExportRun(written, fallbacks)


def print_file(path: Path) -> str:
    """Send a PDF to the default printer through the system; returns what was done."""
    if sys.platform == "win32":
        os.startfile(str(path), "print")  # type: ignore[attr-defined]
        return _("Sent to the default printer.")
    lp = shutil.which("lp") or shutil.which("lpr")
    if lp:
        import subprocess  # (here: the window opens without it)

        result = subprocess.run([lp, str(path)], capture_output=True, text=True, timeout=60)
        if result.returncode == 0:
            return _("Sent to the default printer.")
        raise OSError(result.stderr.strip() or _("The print command failed."))
    raise OSError(_("No print command was found (lp or lpr)."))


class ExportController(QObject):
    """Runs exports for a window; remembers the last folder for "Open containing folder"."""

    finished = Signal(list)  # the paths written
    failed = Signal(str)

    def __init__(self, window: QWidget, meeting_source: Callable[[], Meeting],
                 options_source: Callable[[], ExportOptions], settings: Any):
        super().__init__(window)
        self.window, self.meeting_source, self.options_source = window, meeting_source, options_source
        self.settings = settings
        self.last_written: Path | None = None
        self.pool = lasting_pool("exports")
        self._progress: QProgressDialog | None = None
        self._then: Callable[[list[Path]], None] | None = None

    # -- running work ------------------------------------------------------------------------------
    def run(self, jobs: list[tuple[str, Path]], then: Callable[[list[Path]], None] | None = None) -> None:
        from PySide6.QtWidgets import QProgressDialog  # (the dialogs' classes: at the first export)

        self._progress = QProgressDialog(_("Exporting…"), "", 0, 100, self.window)
        self._progress.setCancelButton(None)
        self._progress.setWindowTitle(_("Exporting"))
        self._progress.setMinimumDuration(300)
        self._progress.setAutoClose(True)
        self._then = then
        worker = Worker(export_many, self.meeting_source(), jobs, self.options_source(), with_progress=True)
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(self._on_finished)
        worker.signals.failed.connect(self._on_failed)
        self.pool.start(worker)

    def _on_progress(self, percent: int, text: str) -> None:
        if self._progress is not None:
            if text:
                self._progress.setLabelText(text)
            self._progress.setValue(percent)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None

    def _on_finished(self, run: ExportRun) -> None:
        from PySide6.QtWidgets import QMessageBox

        self._close_progress()
        written = run.written
        if run.fallbacks:  # the file is written, but not with what the office chose: she must know
            QMessageBox.warning(self.window, _("Exported with the built-in look"), "\n\n".join(run.fallbacks))
        if written:
            self.last_written = written[-1]
        then, self._then = self._then, None
        if then:
            then(written)
        self.finished.emit(written)

    def _on_failed(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self._close_progress()
        self._then = None
        self.failed.emit(message)
        QMessageBox.warning(self.window, _("Export failed"), message)

    def wait(self, msecs: int = 60000) -> bool:
        return self.pool.waitForDone(msecs)

    # -- the user's commands -----------------------------------------------------------------------
    def export_as(self, kind: str, fmt: str, path: Path | None = None) -> None:
        """Ask where to write (unless ``path`` is given), then write in the background."""
        if path is None:
            folder = Path(self.settings.last_folder)
            name = suggested_name(self.meeting_source(), kind, fmt)
            title = _("Export the {kind} as {fmt}").format(kind=kind_label(kind), fmt=fmt.upper())
            from PySide6.QtWidgets import QFileDialog

            chosen, _filter = QFileDialog.getSaveFileName(self.window, title, str(folder / name), FILTERS[fmt])
            if not chosen:
                return
            path = Path(chosen)
            if path.suffix.lower() != "." + fmt:
                path = path.with_name(path.name + "." + fmt)
            self.settings.last_folder = str(path.parent)
        self.run([(kind, path)])

    def open_folder(self) -> bool:
        from PySide6.QtWidgets import QMessageBox

        if self.last_written is None:
            QMessageBox.information(self.window, _("Open containing folder"), _("Nothing has been exported yet."))
            return False
        return _open_in_system(self.last_written.parent)

    def print_pdf(self, kind: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        folder = Path(tempfile.mkdtemp(prefix="thuky-print-"))
        path = folder / suggested_name(self.meeting_source(), kind, "pdf")

        def send(paths: list[Path]) -> None:
            try:
                message = print_file(paths[0])
            except OSError as error:
                QMessageBox.information(self.window, _("Print"), _("{problem} The PDF opens instead; print it from "
                                                                   "there.").format(problem=error))
                _open_in_system(paths[0])
                return
            QMessageBox.information(self.window, _("Print"), message)

        self.run([(kind, path)], send)

    def email(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from .email_dialog import EmailDialog

        dialog = EmailDialog(self.meeting_source(), self.window)
        if dialog.exec() != EmailDialog.DialogCode.Accepted:
            return
        meeting = self.meeting_source()
        folder = user_data_dir() / "outbox" / slug(meeting.meeting.title, 40)
        folder.mkdir(parents=True, exist_ok=True)
        jobs = [(kind, folder / suggested_name(meeting, kind, fmt)) for kind, fmt in dialog.chosen()]
        eml = folder / (slug(meeting.meeting.title, 40) + ".eml")
        to, subject, body = dialog.to.text(), dialog.subject.text(), dialog.body_text()

        def compose(paths: list[Path]) -> None:
            write_email(eml, subject, body, paths, to)
            self.last_written = eml
            if not _open_in_system(eml):
                QMessageBox.information(self.window, _("Email"), _("The draft was written to {path}.").format(path=eml))

        self.run(jobs, compose)


def _open_in_system(path: Path) -> bool:
    """Open a file or folder in the program the system chooses."""
    from PySide6.QtCore import QUrl  # (here: the window opens without these classes)
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
