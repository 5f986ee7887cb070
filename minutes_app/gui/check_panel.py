"""The panel of findings of the check before export, grouped by page; activating one goes to its field.

Self-contained: the main window docks it, feeds it ``set_findings(run_checks(...))`` and the notice
due date, and connects ``findingActivated`` to the code that opens the page and focuses the field.
The sentences come translated in the findings; when the interface language changes, the window runs
the checks again and calls ``retranslate()`` for the panel's own texts.

Until the first findings arrive the panel says that it is checking; the tree that lists them
(``check_tree``) is made then, not with the window.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..check import Finding
from ..l10n.i18n import gettext as _
from ..l10n.i18n import ngettext, ui_language

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTreeWidgetItem

    from .check_tree import FindingsTree


class CheckPanel(QWidget):
    """A summary line, the notice's due date, and the tree of findings (one group per page)."""

    findingActivated = Signal(object)  # Finding; double-click or Enter on its row  # noqa: N815

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._findings: list[Finding] = []
        self._checked = False  # findings were given (the first check has run)
        self._due: dt.date | None = None
        self._tree: FindingsTree | None = None
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.due_label = QLabel()
        self.due_label.setWordWrap(True)
        self.due_label.setVisible(False)
        self.column.addWidget(self.summary)
        self.column.addWidget(self.due_label)
        self.column.addStretch(1)  # where the tree goes
        self.retranslate()

    # -- public ------------------------------------------------------------------------------------
    @property
    def tree(self) -> FindingsTree:
        """The tree of findings (made at the first findings, or now when asked for before)."""
        if self._tree is None:
            from .check_tree import FindingsTree

            self._tree = FindingsTree(self)
            self._tree.retranslate()
            self._tree.itemActivated.connect(self._activated)
            self.column.takeAt(self.column.count() - 1)  # the stretch
            self.column.addWidget(self._tree, 1)
            self._tree.show()  # (a widget added to a panel already shown stays hidden until told)
        return self._tree

    def set_findings(self, findings: list[Finding]) -> None:
        """Show ``findings`` (as run_checks orders them), grouped under their pages."""
        if self._checked and list(findings) == self._findings and self.tree.topLevelItemCount():
            return  # the same findings: keep the tree (re-measuring hundreds of wrapped rows stalls typing)
        self._findings = list(findings)
        self._checked = True
        self._fill()

    def set_failed(self, message: str) -> None:
        """The check could not run: said instead of "Checking…" (the findings shown before, if any, stay)."""
        if not self._checked:
            self.summary.setText(_("The check could not be run: {message}").format(message=message))

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def set_notice_due_date(self, due: dt.date | None) -> None:
        """The last day to issue the notice of conclusions; None hides the line."""
        self._due = due
        self._show_due()

    def retranslate(self) -> None:
        """The panel's own texts in the current interface language (the sentences come with the findings)."""
        if self._tree is not None:
            self._tree.retranslate()
        self._fill()
        self._show_due()

    def item_for(self, finding: Finding) -> QTreeWidgetItem | None:
        """The row that shows ``finding`` (for tests and for selecting it from elsewhere)."""
        return self.tree.item_for(finding)

    # -- private -----------------------------------------------------------------------------------
    def _fill(self) -> None:
        if not self._checked:
            self.summary.setText(_("Checking…"))
            return
        self.tree.fill(self._findings)
        count = len(self._findings)
        if count:
            self.summary.setText(ngettext("{count} thing to check before export; double-click one to go to it.",
                                          "{count} things to check before export; double-click one to go to it.",
                                          count).format(count=count))
        else:
            self.summary.setText(_("Nothing to correct."))

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        if self._tree is not None:
            self._tree.fit_columns()

    def _show_due(self) -> None:
        if self._due is None:
            self.due_label.setVisible(False)
            return
        from ..l10n.formatting import format_long_date

        self.due_label.setText(_("The notice of conclusions is due by {date} (5 working days after the "
                                 "meeting).").format(date=format_long_date(self._due, ui_language())))
        self.due_label.setVisible(True)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        finding = self.tree.finding_of(item)
        if finding is not None:
            self.findingActivated.emit(finding)
