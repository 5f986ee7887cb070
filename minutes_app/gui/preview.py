"""The preview: the minutes, the news article or the notice, as the exports will build them.

It is rebuilt a short pause after the last change (typing never waits for it), from a copy of the
meeting, in a worker thread; a result that arrives after a newer change started is dropped. The worker
builds the HTML, parses it (a QTextDocument) and lets Qt lay it out from the worker's own event loop, so
that no long call holds Python's GIL, then hands the finished document over; the GUI thread only paints
the part in view (no layout: nothing there changes the document's width). A hidden preview is not
rebuilt until it is shown again.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QPagedPaintDevice,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ..export.registry import ExportOptions, build_document, kind_label, render_document
from ..l10n.i18n import gettext as _
from ..model import Meeting
from ..model.records import record
from .document import MeetingDocument
from .workers import Worker, lasting_pool

if TYPE_CHECKING:
    from PySide6.QtCore import QThread

REFRESH_DELAY_MS = 400
PAPER = QColor("white")
LAYOUT_POLL_MS = 5  # how often the worker looks whether Qt's layout is done
LAYOUT_PATIENCE_S = 5.0  # then it finishes the layout in one call (it never took a tenth of that)
PARSE_STEP = 10  # top-level elements parsed at a time in the worker


def render_preview(meeting: Meeting, kind: str, options: ExportOptions) -> str:
    """HTML of one document kind (runs in a worker thread on a private copy of the meeting)."""
    document = build_document(meeting, kind, options)
    body = render_document(document, "html", options).decode("utf-8")
    try:
        from ..export.html_writer import preview_stylesheet  # the writer's own look for a whole page
    except ImportError:
        return body
    return f"<style>{preview_stylesheet()}</style>{body}"


@record
class Rendering:
    """A preview parsed and laid out off the GUI thread: the document (now owned by the GUI thread), its size
    in pixels, its text and its HTML."""

    html: str = ""
    text: str = ""
    width: int = 0
    height: int = 0
    document: QTextDocument | None = None


def lay_out(text: str, width: int, to_thread: QThread | None = None) -> Rendering:
    """Parse ``text`` (HTML) and lay it out ``width`` pixels wide; in a worker, then handed to ``to_thread``.

    Nothing changes the document's width afterwards (that would lay it all out again): the canvas only
    paints what is in view from the finished layout, and a new width means a new rendering.
    """
    document = QTextDocument()
    document.setTextWidth(width)  # before the text: setting it after lays the whole text out in one call
    _fill(document, text)
    _finish_layout(document, in_worker=to_thread is not None)
    height = max(1, math.ceil(document.size().height()))
    if to_thread is not None:
        document.moveToThread(to_thread)
    return Rendering(text, document.toPlainText(), width, height, document)


def _finish_layout(document: QTextDocument, in_worker: bool) -> None:
    """Let Qt lay the document out from this thread's event loop, with no Python call on the way.

    PySide6 holds the GIL through every call into QTextDocument (measured: ``size()`` of the stress meeting's
    minutes held it 62 ms, ``blockBoundingRect`` of the block after the 150-row indicators table 35–70 ms), and every
    key press, model and delegate of the window needs the GIL: the window stood still for that long. The
    layout Qt runs itself (QTextDocumentLayout's own timer, in steps) is plain C++ and takes no GIL; this
    only looks, every few milliseconds, whether it has reached the last block.

    In a worker it also waits for the layout's own timers to stop (they do once it is done): a document
    handed to the GUI thread with a timer still running made Qt warn "QBasicTimer::stop: Failed. Possibly
    trying to stop from a different thread" when it was deleted.
    """
    from PySide6.QtCore import QAbstractEventDispatcher, QEventLoop, QThread  # (only here: the worker's own loop)

    layout = document.documentLayout()  # creating it starts Qt's step-by-step layout in this thread
    if not in_worker:  # (a few lines of error message, in the GUI thread: no event loop inside it)
        layout.blockBoundingRect(document.lastBlock())
        return
    dispatcher = QAbstractEventDispatcher.instance(QThread.currentThread())

    def done() -> bool:
        if document.lastBlock().layout().lineCount() == 0:
            return False  # not laid out to the end yet
        return dispatcher is None or not dispatcher.registeredTimers(layout)

    if done():
        return
    # No timer nor connection of our own: a connect made here takes Qt's signal-slot lock while PySide holds the
    # GIL, and the GUI thread, inside a disconnect under that lock, can be waiting for the GIL (a deadlock the test
    # suite met). processEvents runs Qt's layout steps with the GIL released, for a few milliseconds at a time.
    loop, deadline = QEventLoop(), time.monotonic() + LAYOUT_PATIENCE_S
    while not done() and time.monotonic() < deadline:
        started = time.monotonic()
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, LAYOUT_POLL_MS)
        if time.monotonic() - started < 0.001:
            time.sleep(0.001)  # nothing was due: do not spin
    layout.blockBoundingRect(document.lastBlock())  # nothing left to do, unless the patience ran out


def _fill(document: QTextDocument, text: str) -> None:
    """``document.setHtml(text)``, a few top-level elements at a time (time.sleep(0) between them).

    One setHtml of the stress meeting's 190 kB held the GUI thread back for its whole length (60 ms). The
    writer puts each top-level element of the <article> on a line of its own; each piece is parsed inside
    the same <article> and starts a block of its own: the text and the blocks are those of one parse; where a
    piece begins, a paragraph's top margin may come out a few pixels smaller (tested within 1 %).
    """
    head, found, body = text.partition("</style>")
    first, _newline, rest = body.partition("\n")
    if not found or not head.startswith("<style>") or not first.startswith("<article") or ">" not in first:
        document.setHtml(text)
        return
    article = first[:first.index(">") + 1]
    lines = [first[len(article):], *rest.rstrip().split("\n")]
    if lines[-1].strip() == "</article>":
        lines.pop()
    document.setDefaultStyleSheet(head[len("<style>"):])  # the pieces after the first are styled alike
    cursor = QTextCursor(document)
    for start in range(0, len(lines), PARSE_STEP):
        piece = article + "\n".join(lines[start:start + PARSE_STEP]) + "</article>"
        if start == 0:
            document.setHtml(head + found + piece)
            continue
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if not lines[start].startswith("<table"):
            cursor.insertBlock()  # (a table makes its own frame: a block before it would add a line)
        cursor.insertHtml(piece)
        time.sleep(0)


def _tagged_preview(generation: int, meeting: Meeting, kind: str, options: ExportOptions, width: int,
                    gui_thread: QThread) -> tuple[int, str, Rendering]:
    return generation, kind, lay_out(render_preview(meeting, kind, options), width, gui_thread)


class PreviewCanvas(QWidget):
    """Paints the part in view of a laid-out preview; its text and HTML stay at hand (tests, printing)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rendering = Rendering()

    def show_rendering(self, rendering: Rendering) -> None:
        self.rendering = rendering
        if self.size() != QSize(rendering.width, rendering.height):
            self.resize(rendering.width, rendering.height)  # not setFixedSize: no layout pass of the window
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        area = event.rect()
        painter.fillRect(area, PAPER)
        if self.rendering.document is not None:
            self.rendering.document.drawContents(painter, QRectF(area))
        painter.end()

    def toPlainText(self) -> str:  # noqa: N802 - as QTextEdit names it
        return self.rendering.text

    def print_(self, printer: QPagedPaintDevice) -> None:
        """Print the preview's document (laid out again for the printer's page)."""
        document = QTextDocument()
        document.setHtml(self.rendering.html)
        document.print_(printer)


def _white_viewport() -> QWidget:
    """The paper's white around the page, made here: asked for with ``viewport()``, Qt's own viewport would make
    PySide create every widget class of QtWidgets (9 ms) to find its Python type, while the window opens."""
    viewport = QWidget()
    palette = viewport.palette()
    palette.setColor(QPalette.ColorRole.Window, PAPER)
    viewport.setPalette(palette)
    viewport.setAutoFillBackground(True)
    return viewport


class PreviewPane(QWidget):
    refreshed = Signal(str)  # the kind that was shown (tests wait for it)

    def __init__(self, document: MeetingDocument, options_source: Callable[[], ExportOptions],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.options_source = options_source
        self.generation = 0
        self.pool = lasting_pool("preview", 1)
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
        self.view = PreviewCanvas()
        self.scroll_area = QScrollArea()
        self.scroll_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll_area.setViewport(_white_viewport())  # (first: the viewport it replaces goes with its children)
        self.scroll_area.setWidget(self.view)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # the width stays put
        layout.addWidget(self.scroll_area, 1)
        self.stale = False  # a change came while hidden: rebuild when shown
        self.painted = False  # the first rendering waits for the pane's first frame (the window on screen)
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
        """Restart the pause: the preview follows once typing stops for a moment (not while it is hidden)."""
        if self.isVisible() or not self.parent():
            if self.view.rendering.document is None and self.timer.isActive():
                return  # the first rendering is on its way: typing does not put it off
            self.timer.start(REFRESH_DELAY_MS)
        else:
            self.stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.stale:
            self.timer.start(REFRESH_DELAY_MS)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.view.rendering.document is not None and self.view.rendering.width != self._width():
            self.schedule()  # laid out again at the new width, off the GUI thread

    def _width(self) -> int:
        return max(200, self.scroll_area.viewport().width())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            if self.stale:
                self.timer.start(0)  # right after this frame, at the width it has on screen

    def refresh(self) -> None:
        self.timer.stop()
        if not self.painted and self.parent() is not None:
            # A window opening: rendering now would compete with building and showing it (the worker holds the
            # GIL), at a width the pane does not have yet (so it would be rendered a second time).
            self.stale = True
            return
        self.stale = False
        self.generation += 1
        generation, kind = self.generation, self.current_kind()
        worker = Worker(_tagged_preview, generation, self.document.snapshot(), kind, self.options_source(),
                        self._width(), self.thread())
        # Bound methods of this widget: the results are delivered in the GUI thread (queued).
        worker.signals.finished.connect(self._show)
        worker.signals.failed.connect(self._show_error)
        self.pool.start(worker)

    def _show(self, result: object) -> None:
        generation, kind, rendering = cast(tuple[int, str, Rendering], result)
        if generation != self.generation:
            if rendering.document is not None:
                rendering.document.deleteLater()  # here, in the thread it now belongs to (not the worker's)
            return
        self.view.show_rendering(rendering)  # the scroll position stays where the reader left it
        if rendering.width != self._width():
            # The pane was resized while this was laid out (the window opening, the dock placed): the resize
            # found no document to lay out again then, so do it now, or the text stays cut at the right.
            self.schedule()
        self.refreshed.emit(kind)

    def _show_error(self, message: str) -> None:
        import html  # (here: the window opens without it)

        kind = self.current_kind()
        self.view.show_rendering(lay_out("<p style='color:#8a1c1c'><b>{}</b></p><p>{}</p>".format(
            html.escape(_("The preview cannot be shown.")), html.escape(message).replace("\n", "<br>")),
            self._width()))
        self.refreshed.emit(kind)
