"""The preview: the minutes, the news article or the notice, as the exports will build them.

It is rebuilt a short pause after the last change (typing never waits for it), from a copy of the
meeting, in a worker thread; a result that arrives after a newer change started is dropped.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ..export.registry import ExportOptions, build_document, kind_label, render_document
from ..l10n.i18n import gettext as _
from ..model import Meeting
from .document import MeetingDocument
from .workers import Worker

REFRESH_DELAY_MS = 400


def render_preview(meeting: Meeting, kind: str, options: ExportOptions) -> str:
    """HTML of one document kind (runs in a worker thread on a private copy of the meeting)."""
    document = build_document(meeting, kind, options)
    body = render_document(document, "html", options).decode("utf-8")
    try:
        from ..export.html_writer import preview_stylesheet  # the writer's own look for a whole page
    except ImportError:
        return body
    return f"<style>{preview_stylesheet()}</style>{body}"


def _tagged_preview(generation: int, meeting: Meeting, kind: str, options: ExportOptions) -> tuple[int, str, str]:
    return generation, kind, render_preview(meeting, kind, options)


class PreviewPane(QWidget):
    refreshed = Signal(str)  # the kind that was shown (tests wait for it)

    def __init__(self, document: MeetingDocument, options_source: object, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.options_source = options_source  # a callable returning ExportOptions
        self.generation = 0
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        row = QHBoxLayout()
        self.label = QLabel()
        self.kind = QComboBox()
        # Not on the Tab chain: letters typed after leaving a form must not switch the preview (F7 does).
        self.kind.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        for kind in ("minutes", "news", "notice"):
            self.kind.addItem("", kind)
        row.addWidget(self.label)
        row.addWidget(self.kind, 1)
        layout.addLayout(row)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        layout.addWidget(self.view, 1)
        self.timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        document.changed.connect(self.schedule)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(_("Show:"))
        self.label.setBuddy(self.kind)
        for index in range(self.kind.count()):
            text = kind_label(self.kind.itemData(index))
            self.kind.setItemText(index, text[:1].upper() + text[1:])

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def schedule(self) -> None:
        """Restart the pause: the preview follows once typing stops for a moment."""
        if self.isVisible() or not self.parent():
            self.timer.start()

    def refresh(self) -> None:
        self.timer.stop()
        self.generation += 1
        generation, kind = self.generation, self.current_kind()
        worker = Worker(_tagged_preview, generation, self.document.snapshot(), kind, self.options_source())
        # Bound methods of this widget: the results are delivered in the GUI thread (queued).
        worker.signals.finished.connect(self._show)
        worker.signals.failed.connect(self._show_error)
        self.pool.start(worker)

    def _show(self, result: object) -> None:
        generation, kind, text = result  # type: ignore[misc]
        if generation != self.generation:
            return
        bar = self.view.verticalScrollBar()
        position = bar.value()
        self.view.setHtml(text)
        bar.setValue(position)
        self.refreshed.emit(kind)

    def _show_error(self, message: str) -> None:
        kind = self.current_kind()
        self.view.setHtml("<p style='color:#8a1c1c'><b>{}</b></p><p>{}</p>".format(
            html.escape(_("The preview cannot be shown.")), html.escape(message).replace("\n", "<br>")))
        self.refreshed.emit(kind)
