"""The tree of the check panel's findings: one group per page, one row per finding (field, sentence).

Built when the first findings arrive (``check_panel``): a tree and its header, delegate and items were a twentieth
of the window's start-up, and there is nothing to list before the first check has run anyway."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ..check import Finding, Page, Severity, field_label, page_title
from ..check.pages import PAGE_ORDER
from ..l10n.i18n import gettext as _
from .icons import standard_icon

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


class FindingsTree(QTreeWidget):
    """The findings grouped under their pages, in the order of the pages."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setColumnCount(2)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegate(_WrappingDelegate(self))
        self.header().setStretchLastSection(True)
        # Re-measure the rows when the sentence column gets wider or narrower.
        self.header().sectionResized.connect(lambda *_args: self.doItemsLayout())

    def retranslate(self) -> None:
        self.setHeaderLabels([_("Where"), _("What to correct")])
        self.setAccessibleName(_("Findings of the check"))

    def fill(self, findings: list[Finding]) -> None:
        self.clear()
        icons = {Severity.ERROR: standard_icon("MessageBoxCritical"),
                 Severity.WARNING: standard_icon("MessageBoxWarning")}
        groups: dict[Page, list[Finding]] = {}
        for finding in findings:
            groups.setdefault(finding.page, []).append(finding)
        for page in PAGE_ORDER:
            if page not in groups:
                continue
            group = QTreeWidgetItem([_("{page} ({count})").format(page=page_title(page), count=len(groups[page]))])
            group.setData(0, PAGE_ROLE, page)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for finding in groups[page]:
                item = QTreeWidgetItem([field_label(finding), finding.message])
                item.setIcon(0, icons[finding.severity])
                item.setData(0, FINDING_ROLE, finding)
                item.setToolTip(1, finding.message)
                group.addChild(item)
            group.setExpanded(True)
        self.fit_columns()

    def fit_columns(self) -> None:
        """The place column as wide as its text, but never more than 40 % of the panel: the sentence matters more."""
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.resizeColumnToContents(0)
        limit = max(120, int(self.viewport().width() * 0.4))
        if self.columnWidth(0) > limit:
            self.setColumnWidth(0, limit)

    def finding_of(self, item: QTreeWidgetItem) -> Finding | None:
        finding = item.data(0, FINDING_ROLE)
        return finding if isinstance(finding, Finding) else None

    def item_for(self, finding: Finding) -> QTreeWidgetItem | None:
        groups = (self.topLevelItem(g) for g in range(self.topLevelItemCount()))
        for group in filter(None, groups):
            for item in filter(None, (group.child(c) for c in range(group.childCount()))):
                if item.data(0, FINDING_ROLE) == finding:
                    return item
        return None
