"""The check before export as the window shows it: a dock under the preview, the question before an export,
and the way from a finding to the field where it is corrected."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal

# QMessageBox is imported where a message is shown: the window opens without its class (0.6 ms).
from PySide6.QtWidgets import QDockWidget, QMainWindow

from ..check import Finding
from ..check.pages import page_number
from ..l10n.i18n import gettext as _
from ..l10n.i18n import ngettext
from ..model import Attendee
from .check_panel import CheckPanel
from .checking import CheckResult, CheckRunner, field_for
from .document import MeetingDocument
from .file_session import APP_TITLE
from .locating import rejected_message
from .page_sheet import PageSheet

# Findings about a person missing from the attendees: activating one offers to add them.
OFFER_TO_ADD = ("speaker-not-attendee", "chair-not-attendee", "secretary-not-attendee")


class CheckDock(QDockWidget):
    """The check panel, docked; it runs the checks a moment after each change, like the preview."""

    problem = Signal(str)  # for the status bar: typed text not taken, a calendar that cannot be read…

    def __init__(self, window: QMainWindow, current: Callable[[], MeetingDocument], sheet: PageSheet):
        super().__init__(window)
        self.host, self.current, self.sheet = window, current, sheet
        self.setObjectName("checkDock")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.panel = CheckPanel()
        self.panel.findingActivated.connect(self.go_to_finding)
        self.setWidget(self.panel)
        self.checks = CheckRunner(current, self)
        self.checks.checked.connect(self._show)
        self.checks.problem.connect(self.problem)
        self.checks.failed.connect(self.panel.set_failed)
        self._rejected_seen: set[int] = set()  # typed text not taken, already said in the status bar

    def retranslate(self) -> None:
        self.setWindowTitle(_("Check before export"))

    def toggle(self) -> None:
        self.setVisible(not self.isVisible())
        if self.isVisible():
            self.checks.run()

    def show_checks(self) -> None:
        self.show()
        self.raise_()
        self.checks.run()

    def _show(self, result: CheckResult) -> None:
        self.panel.set_findings(result.findings)
        self.panel.set_notice_due_date(result.due)

    def rejected_changed(self) -> None:
        """Typed text was not taken (or corrected): the panel lists it at once; a new one is said in the status bar."""
        if self.checks.latest is not None:
            self.checks.republish()
        entries = list(self.current().rejected.values())
        seen, self._rejected_seen = self._rejected_seen, {id(e) for e in entries}
        fresh = [entry for entry in entries if id(entry) not in seen]
        if fresh:  # a new one (not one corrected)
            self.problem.emit(rejected_message(fresh[-1]))

    def go_to_finding(self, finding: Finding, offer: bool = True) -> None:
        """Open the finding's page, select its row and column, focus the field; offer to add a missing attendee."""
        number = page_number(finding.page)
        self.sheet.side.setCurrentRow(number)
        widget = field_for(self.sheet.page(number), self.current(), finding)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            # Again once the double-click is over: the tree takes the focus back on the mouse release.
            QTimer.singleShot(0, widget, lambda: widget.setFocus(Qt.FocusReason.OtherFocusReason))
        if offer and finding.person and finding.rule in OFFER_TO_ADD:
            self.offer_attendee(finding.person)

    def offer_attendee(self, name: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self.host, APP_TITLE, _(
            "{name} spoke at the meeting but is not in the list of attendees. Add them as an attendee?").format(
                name=name), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        document = self.current()
        attendees = document.meeting.attendees
        document.insert_items(attendees, len(attendees), [Attendee(name=name)],
                              _("Add {name} to the attendees").format(name=name))
        self.checks.run()
        return True

    def confirm_export(self) -> bool:
        """True when the meeting is clean or the user chose to export anyway; No shows the findings."""
        from PySide6.QtWidgets import QMessageBox

        findings = self.checks.run_now().findings
        if not findings:
            return True
        count = len(findings)
        answer = QMessageBox.question(self.host, _("Check before export"), ngettext(
            "The check found {count} thing to correct before the document is signed. Export anyway?",
            "The check found {count} things to correct before the document is signed. Export anyway?",
            count).format(count=count), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            return True
        self.show()
        self.raise_()
        return False

    def close_checks(self) -> None:
        """The window closes: no run may start, and the one running ends first."""
        self.checks.timer.stop()
        self.checks.wait(5000)
