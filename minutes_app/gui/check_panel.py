"""The panel of findings of the check before export, grouped by page; activating one goes to its field.

Self-contained: the main window docks it, feeds it ``set_findings(run_checks(...))`` and the notice
due date, and connects ``findingActivated`` to the code that opens the page and focuses the field.
The sentences come translated in the findings; when the interface language changes, the window runs
the checks again and calls ``retranslate()`` for the panel's own texts.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..check import Finding, Page, Severity, field_label, page_title
from ..check.pages import PAGE_ORDER
from ..l10n.formatting import format_long_date
from ..l10n.i18n import gettext as _
from ..l10n.i18n import ngettext, ui_language

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1  # the Finding behind a row
PAGE_ROLE = Qt.ItemDataRole.UserRole + 2  # the Page of a group row


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped sentence: a docked panel is narrow and a sentence must be read whole."""

    def __init__(self, tree: QTreeWidget):
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text or not index.parent().isValid():  # page headings span the row
            return hint
        # Column 0 of a finding starts after two levels of branches; the hint holds the icon and margins.
        available = self.tree.columnWidth(index.column()) - (2 * self.tree.indentation() if index.column() == 0 else 0)
        if hint.width() <= available:
            return hint
        width = available - (hint.width() - option.fontMetrics.horizontalAdvance(str(text)))
        if width <= 0:
            return hint
        bounds = option.fontMetrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, str(text))
        return QSize(hint.width(), max(hint.height(), bounds.height() + 6))


class CheckPanel(QWidget):
    """A tree: one group per page with findings, one row per finding (field, sentence)."""

    findingActivated = Signal(object)  # Finding; double-click or Enter on its row  # noqa: N815

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._findings: list[Finding] = []
        self._due: dt.date | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.due_label = QLabel()
        self.due_label.setWordWrap(True)
        self.due_label.setVisible(False)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(_WrappingDelegate(self.tree))
        self.tree.header().setStretchLastSection(True)
        # Re-measure the rows when the sentence column gets wider or narrower.
        self.tree.header().sectionResized.connect(lambda *_args: self.tree.doItemsLayout())
        self.tree.itemActivated.connect(self._activated)
        layout.addWidget(self.summary)
        layout.addWidget(self.due_label)
        layout.addWidget(self.tree, 1)
        self.retranslate()

    # -- public ------------------------------------------------------------------------------------
    def set_findings(self, findings: list[Finding]) -> None:
        """Show ``findings`` (as run_checks orders them), grouped under their pages."""
        if list(findings) == self._findings and self.tree.topLevelItemCount():
            return  # the same findings: keep the tree (re-measuring hundreds of wrapped rows stalls typing)
        self._findings = list(findings)
        self._fill()

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def set_notice_due_date(self, due: dt.date | None) -> None:
        """The last day to issue the notice of conclusions; None hides the line."""
        self._due = due
        self._show_due()

    def retranslate(self) -> None:
        """The panel's own texts in the current interface language (the sentences come with the findings)."""
        self.tree.setHeaderLabels([_("Where"), _("What to correct")])
        self.tree.setAccessibleName(_("Findings of the check"))
        self._fill()
        self._show_due()

    # -- private -----------------------------------------------------------------------------------
    def _fill(self) -> None:
        self.tree.clear()
        style = self.style()
        icons = {Severity.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                 Severity.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)}
        groups: dict[Page, list[Finding]] = {}
        for finding in self._findings:
            groups.setdefault(finding.page, []).append(finding)
        for page in PAGE_ORDER:
            if page not in groups:
                continue
            group = QTreeWidgetItem([_("{page} ({count})").format(page=page_title(page), count=len(groups[page]))])
            group.setData(0, PAGE_ROLE, page)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for finding in groups[page]:
                item = QTreeWidgetItem([field_label(finding), finding.message])
                item.setIcon(0, icons[finding.severity])
                item.setData(0, FINDING_ROLE, finding)
                item.setToolTip(1, finding.message)
                group.addChild(item)
            group.setExpanded(True)
        self._fit_columns()
        count = len(self._findings)
        if count:
            self.summary.setText(ngettext("{count} thing to check before export; double-click one to go to it.",
                                          "{count} things to check before export; double-click one to go to it.",
                                          count).format(count=count))
        else:
            self.summary.setText(_("Nothing to correct."))

    def _fit_columns(self) -> None:
        """The place column as wide as its text, but never more than 40 % of the panel: the sentence matters more."""
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.resizeColumnToContents(0)
        limit = max(120, int(self.tree.viewport().width() * 0.4))
        if self.tree.columnWidth(0) > limit:
            self.tree.setColumnWidth(0, limit)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        self._fit_columns()

    def _show_due(self) -> None:
        if self._due is None:
            self.due_label.setVisible(False)
            return
        self.due_label.setText(_("The notice of conclusions is due by {date} (5 working days after the "
                                 "meeting).").format(date=format_long_date(self._due, ui_language())))
        self.due_label.setVisible(True)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        finding = item.data(0, FINDING_ROLE)
        if isinstance(finding, Finding):
            self.findingActivated.emit(finding)

    def item_for(self, finding: Finding) -> QTreeWidgetItem | None:
        """The row that shows ``finding`` (for tests and for selecting it from elsewhere)."""
        groups = (self.tree.topLevelItem(g) for g in range(self.tree.topLevelItemCount()))
        for group in filter(None, groups):
            for item in filter(None, (group.child(c) for c in range(group.childCount()))):
                if item.data(0, FINDING_ROLE) == finding:
                    return item
        return None
