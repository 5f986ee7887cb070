"""The preview as the window docks it: which document it shows (F7, Ctrl+Alt+1…3), and printing it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDockWidget, QMainWindow

from ..export.options import ExportOptions
from ..l10n.i18n import gettext as _
from .document import MeetingDocument
from .preview import PreviewPane

PREVIEW_KEYS = {"minutes": "Ctrl+Alt+1", "news": "Ctrl+Alt+2", "notice": "Ctrl+Alt+3"}


class PreviewDock(QDockWidget):
    """The dock on the right; its pane is made anew for each document (and language)."""

    def __init__(self, window: QMainWindow, options: Callable[[], ExportOptions]):
        super().__init__(window)
        self.options = options
        self.setObjectName("previewDock")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.preview: PreviewPane | None = None

    def retranslate(self) -> None:
        self.setWindowTitle(_("Preview"))

    def current_kind(self) -> str:
        return self.preview.current_kind() if self.preview is not None else "minutes"

    def rebuild(self, document: MeetingDocument) -> PreviewPane:
        """A pane on ``document`` showing the same kind of document as before."""
        kind = self.current_kind()
        old = self.preview
        self.preview = PreviewPane(document, self.options)
        self.preview.set_kind(kind)
        self.setWidget(self.preview)
        if old is not None:
            old.deleteLater()
        return self.preview

    def toggle(self) -> None:
        self.setVisible(not self.isVisible())

    def show_kind(self, kind: str) -> None:
        self.show()
        if self.preview is not None:
            self.preview.set_kind(kind)

    def next_kind(self) -> None:
        kinds = list(PREVIEW_KEYS)
        current = self.preview.current_kind() if self.preview is not None else kinds[-1]
        self.show_kind(kinds[(kinds.index(current) + 1) % len(kinds)] if current in kinds else kinds[0])

    def print_preview(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        from PySide6.QtWidgets import QDialog

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.parentWidget())
        if dialog.exec() == QDialog.DialogCode.Accepted and self.preview is not None:
            self.preview.view.print_(printer)

    def stop(self) -> None:
        """The window closes: no refresh may start, and the one running ends first."""
        if self.preview is not None:
            self.preview.timer.stop()
            self.preview.pool.waitForDone(5000)
