"""The window opens with only the page it shows built; the other pages are built after its first frame, one at a
time, or at once when something needs one: Ctrl+N, the side bar, the check panel's "go to the field", undo's
"show where", a final meeting's locking (``gui/page_sheet.py``)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

from minutes_app.check import Finding, Page, Severity  # noqa: E402
from minutes_app.check.pages import PAGES, page_number  # noqa: E402

pytestmark = pytest.mark.slow  # drives the editor for seconds a test: out of the quick run, `pytest -m "not slow"`


def test_only_the_page_shown_is_built_with_the_window_and_going_to_another_builds_it(unshown_window) -> None:  # noqa: ANN001
    window, sheet = unshown_window, unshown_window.sheet
    assert [sheet.is_built(n) for n in range(len(PAGES))] == [True] + [False] * (len(PAGES) - 1)
    assert [window.side.item(n).text() for n in range(len(PAGES))] == [info.title() for info in PAGES]
    assert window.stack.currentWidget() is sheet.page(0)
    window.actions["page2"].trigger()  # Ctrl+3's action (a shortcut needs a shown window: see the last test)
    results = window.stack.currentWidget()
    assert sheet.is_built(2) and results is sheet.page(2) and results.title == PAGES[2].title()
    assert window.focusWidget() is results.first_field
    assert not sheet.is_built(1)  # (the pages between are not needed for it)
    assert window.pages[1].title == PAGES[1].title()  # read through ``pages``: every page is built
    assert all(sheet.is_built(n) for n in range(len(PAGES)))


def test_going_to_a_finding_on_a_page_not_built_yet_focuses_its_field(unshown_window) -> None:  # noqa: ANN001
    window = unshown_window
    number = page_number(Page.CLOSING)
    assert not window.sheet.is_built(number)
    finding = Finding("notice-without-signer", Severity.WARNING, Page.CLOSING, ("notice", "signer_name"), "who signs?")
    window.check_dock.go_to_finding(finding, offer=False)
    page = window.sheet.page(number)
    assert window.stack.currentWidget() is page and window.side.currentRow() == number
    signer = next(b.widget for b in page.bindings if b.attr == "signer_name")
    assert window.focusWidget() is signer


def test_after_the_first_frame_the_other_pages_are_built_in_turn_and_take_typing(shown_window, qtbot) -> None:  # noqa: ANN001
    window, sheet = shown_window, shown_window.sheet
    area = window.stack.minimumSizeHint()
    qtbot.waitUntil(lambda: all(sheet.is_built(n) for n in range(len(PAGES))), timeout=10000)
    assert window.stack.currentWidget() is sheet.page(0)  # still on the first page
    # Built, not yet in the stack: the page area keeps its size (the preview beside it is not pushed aside).
    assert window.stack.minimumSizeHint() == area
    number = page_number(Page.CLOSING)
    QTest.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    page = sheet.page(number)
    assert window.stack.currentWidget() is page and window.side.currentRow() == number
    edit = next(b.widget for b in page.bindings if isinstance(b.widget, QLineEdit))
    edit.setFocus()
    QTest.keyClicks(QApplication.focusWidget(), "Xyz")
    assert "Xyz" in edit.text()
    assert window.document.is_modified


def test_a_language_switch_rebuilds_the_page_shown_and_the_rest_in_the_new_language(shown_window, qtbot) -> None:  # noqa: ANN001
    from minutes_app.l10n.i18n import set_ui_language

    window, sheet = shown_window, shown_window.sheet
    set_ui_language("vi")
    QTest.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    vi_title = sheet.page(3).title
    set_ui_language("en")
    assert window.side.currentRow() == 3 and window.stack.currentWidget() is sheet.page(3)
    assert sheet.page(3).title == PAGES[3].title() != vi_title
    qtbot.waitUntil(lambda: all(sheet.is_built(n) for n in range(len(PAGES))), timeout=10000)
    assert [page.title for page in window.pages] == [info.title() for info in PAGES]


def test_a_rebuild_while_the_quick_notes_are_shown_never_leaves_an_empty_page(shown_window) -> None:  # noqa: ANN001
    from minutes_app.gui.pages import Page as PageWidget
    from minutes_app.l10n.i18n import set_ui_language

    window = shown_window
    QTest.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)  # the quick notes
    assert window.stack.currentWidget() is window.notes_page
    set_ui_language("vi")  # rebuilds the pages and the notes page
    shown = window.stack.currentWidget()
    assert shown is window.notes_page or (isinstance(shown, PageWidget) and window.side.currentRow() >= 0)
