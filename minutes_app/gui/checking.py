"""The check before export in the editor: runs the checker off the GUI thread and finds the field of a finding.

The checks run a short pause after the last change, on a copy of the meeting, in a worker thread (like
the preview); a result that arrives after a newer run started is dropped. ``field_for`` turns a
finding's page, path, row and column into the widget to focus, selecting the table cell for list items.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ..check.findings import Finding
from ..errors import MinutesError
from ..model import Meeting
from ..model.records import record
from .document import MeetingDocument
from .locating import rejected_findings
from .pages import DetailPage, DirectivesPage, Page
from .workers import FIRST_FRAME, Worker, after_first_frame, lasting_pool

if TYPE_CHECKING:
    from ..l10n.workdays import WorkCalendar

CHECK_DELAY_MS = 600  # after the last change: the checks wait for a pause in typing


@record(frozen=True)
class CheckResult:
    """What one run of the checks found, for the document's edit ``generation``, and the notice's due date."""

    generation: int
    findings: list[Finding]
    due: dt.date | None


def check_meeting(meeting: Meeting, path: Path | None, calendar: WorkCalendar, generation: int = 0) -> CheckResult:
    """The findings and the notice due date of ``meeting`` (runs in a worker thread on a private copy)."""
    from ..check import run_checks  # the rules load here, in the worker, not while the window opens
    from ..l10n.workdays import notice_due_date
    from ..storage.folder_index import folder_meetings

    findings = run_checks(meeting, folder_meetings=folder_meetings(path), calendar=calendar)
    date = meeting.meeting.date
    due = notice_due_date(date, calendar) if isinstance(date, dt.date) else None
    return CheckResult(generation, findings, due)


class CheckRunner(QObject):
    """Runs the checks of a window's document a moment after it changes; ``checked`` gives the result."""

    checked = Signal(object)  # CheckResult
    problem = Signal(str)  # the user's calendar file cannot be read, the checker failed…
    failed = Signal(str)  # the checker failed (also said through ``problem``)

    def __init__(self, document_source: Any, parent: QObject | None = None):
        super().__init__(parent)
        self.document_source = document_source  # a callable returning the window's MeetingDocument
        self.generation = 0
        self.pool = lasting_pool("checks", 1)
        self.timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self.timer.timeout.connect(self.run)
        self.latest: CheckResult | None = None
        self.checked_document: MeetingDocument | None = None  # the document of the latest run
        # A window opening is checked once it is on screen: the worker would hold the GIL while it is built.
        self.window = parent.window() if isinstance(parent, QWidget) else None
        self.waiting_for_window = False

    def calendar(self) -> WorkCalendar:
        """The user's days off and make-up days; a broken calendar.json is reported, not fatal."""
        from ..l10n.workdays import EMPTY_CALENDAR, load_calendar  # (at the first check, after the first frame)

        try:
            return load_calendar()
        except MinutesError as error:
            self.problem.emit(str(error))
            return EMPTY_CALENDAR

    def schedule(self) -> None:
        """Check after a pause in typing; a document just opened (nobody typing yet) at once, or as soon as its
        window has been painted."""
        opened = self.document_source() is not self.checked_document
        if opened and self.window is not None and not self.window.property(FIRST_FRAME):
            if not self.waiting_for_window:
                self.waiting_for_window = True
                after_first_frame(self.window, self, self._window_painted)
            return
        self.timer.start(0 if opened else CHECK_DELAY_MS)

    def _window_painted(self) -> None:
        self.waiting_for_window = False
        self.timer.start(0)

    def run(self) -> None:
        self.timer.stop()
        self.generation += 1
        document: MeetingDocument = self.document_source()
        self.checked_document = document
        worker = Worker(check_meeting, document.snapshot(), document.path, self.calendar(), self.generation)
        worker.signals.finished.connect(self._done)
        worker.signals.failed.connect(self._failed)
        self.pool.start(worker)

    def run_now(self) -> CheckResult:
        """Check in the GUI thread, for the question before an export (it must see the latest edit)."""
        self.timer.stop()
        self.generation += 1
        document: MeetingDocument = self.document_source()
        self._done(check_meeting(document.snapshot(), document.path, self.calendar(), self.generation))
        assert self.latest is not None
        return self.latest

    def _done(self, result: object) -> None:
        if not isinstance(result, CheckResult) or result.generation != self.generation:
            return
        self.latest = result
        self.republish()

    def republish(self) -> None:
        """Show the latest result again with the typed text that could not be read (which changes between runs)."""
        if self.latest is None:
            return
        result = self.latest
        findings = [f for f in result.findings if f.rule != "typed-not-read"]
        result = CheckResult(result.generation, rejected_findings(self.document_source()) + findings, result.due)
        self.latest = result
        self.checked.emit(result)

    def _failed(self, message: str) -> None:
        self.problem.emit(message)
        self.failed.emit(message)

    def wait(self, msecs: int = 10000) -> bool:
        return self.pool.waitForDone(msecs)


def _resolve(root: Any, path: tuple) -> Any:
    target = root
    for part in path:
        target = target[part] if isinstance(part, int) else getattr(target, part)
    return target


def _select_cell(view: Any, row: int, attr: str) -> QWidget:
    model = view.table_model()
    column = next((number for number, col in enumerate(model.columns) if col.attr == attr), 0)
    if 0 <= row < model.rowCount():
        index = model.index(row, column)
        view.setCurrentIndex(index)
        view.scrollTo(index)
    return view


def field_for(page: Page, document: MeetingDocument, finding: Finding) -> QWidget | None:
    """Select what ``finding`` is about on ``page`` and return the widget to focus."""
    meeting = document.meeting
    if finding.row is None:
        if finding.column:
            try:
                target = _resolve(meeting, finding.path[:-1])
            except (AttributeError, IndexError, KeyError, TypeError):
                target = None
            for binding in page.bindings:
                if binding.attr == finding.column and binding.target is target:
                    return binding.widget
        return page.tables[0] if page.tables else page.first_field
    if not page.tables:
        return page.first_field
    master = page.tables[0]
    if finding.task_row is not None and isinstance(page, DirectivesPage):
        _select_cell(master, finding.row, "")
        return _select_cell(page.tasks_view, finding.task_row, finding.column)
    columns = {col.attr for col in master.table_model().columns}
    if finding.column and finding.column not in columns and isinstance(page, DetailPage):
        _select_cell(master, finding.row, "")
        if page.detail.binding.attr == finding.column:
            return page.detail.editor
    return _select_cell(master, finding.row, finding.column)
