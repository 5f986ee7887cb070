"""One page list (``check.pages.PAGES``): the side bar, the View menu, Ctrl+1…7 and the check panel follow it,
and the table headers and the check panel name a field with the same label (``check.field_labels``)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from minutes_app.check import Finding, Page, Severity, field_label  # noqa: E402
from minutes_app.check.pages import PAGE_ORDER, PAGES  # noqa: E402
from minutes_app.l10n.i18n import set_ui_language  # noqa: E402

pytestmark = pytest.mark.slow  # drives the editor for seconds a test: out of the quick run, `pytest -m "not slow"`

DIGITS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6, Qt.Key.Key_7)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_side_bar_the_menu_and_the_shortcuts_follow_the_page_list(make_window, language: str) -> None:  # noqa: ANN001
    set_ui_language(language)
    window = make_window()
    assert len(PAGES) == len(DIGITS) == window.side.count() == len(window.pages)
    view_menu = next(a.menu() for a in window.menuBar().actions() if window.actions["page0"] in a.menu().actions())
    for number, (info, key) in enumerate(zip(PAGES, DIGITS, strict=True)):
        assert window.side.item(number).text() == window.pages[number].title == info.title()
        action = window.actions[f"page{number}"]
        assert action.shortcut().toString() == info.shortcut == f"Ctrl+{number + 1}"
        assert action in view_menu.actions()
        QTest.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentWidget() is window.pages[number]
        assert window.side.currentRow() == number
        first = window.pages[number].first_field
        assert first is None or QApplication.focusWidget() is first


def test_the_check_panel_groups_findings_in_the_page_order(make_window) -> None:  # noqa: ANN001
    window = make_window()
    findings = [Finding("x", Severity.WARNING, page, (), f"about {page}") for page in reversed(PAGE_ORDER)]
    window.check_panel.set_findings(findings)
    tree = window.check_panel.tree
    groups = [tree.topLevelItem(g).text(0) for g in range(tree.topLevelItemCount())]
    assert groups == [f"{info.title()} (1)" for info in PAGES]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_table_header_and_the_check_panel_name_a_column_alike(make_window, language: str) -> None:  # noqa: ANN001
    set_ui_language(language)
    window = make_window()
    tables = {"attendees": window.pages[PAGE_ORDER.index(Page.ATTENDEES)].tables[0],
              "indicators": window.pages[PAGE_ORDER.index(Page.RESULTS)].tables[0],
              "follow_up": window.pages[PAGE_ORDER.index(Page.FOLLOW_UP)].tables[0],
              "discussion": window.pages[PAGE_ORDER.index(Page.DISCUSSION)].tables[0],
              "directives": window.pages[PAGE_ORDER.index(Page.DIRECTIVES)].tables[0]}
    paths = {"attendees": ("attendees",), "indicators": ("results", "indicators"), "follow_up": ("follow_up",),
             "discussion": ("discussion",), "directives": ("directives",)}
    for table, view in tables.items():
        model = view.model()
        for column in range(model.columnCount()):
            header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            attr = view.table_model().columns[column].attr
            finding = Finding("x", Severity.WARNING, Page.GENERAL, (*paths[table], 0, attr), "")
            assert field_label(finding).endswith(", " + header), (table, attr)
    tasks = window.pages[PAGE_ORDER.index(Page.DIRECTIVES)].tasks_view.table_model()
    for column in tasks.columns:
        finding = Finding("x", Severity.WARNING, Page.DIRECTIVES, ("directives", 0, "tasks", 1, column.attr), "")
        assert field_label(finding).endswith(", " + column.title()), column.attr
