"""Both interface languages, everywhere: nothing left in the other language, nothing clipped.

The window starts in one language and is switched to the other while open, as a user does in the
settings; then every page, the menus, the table headers and the dialogs are read back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)
from support import SEED_SAMPLE

from minutes_app.l10n.i18n import set_ui_language
from minutes_app.paths import locale_dir

pytestmark = pytest.mark.slow  # drives the editor for seconds a test: out of the quick run, `pytest -m "not slow"`


def _vietnamese_catalog() -> dict[str, str]:
    with open(locale_dir() / "vi" / "LC_MESSAGES" / "minutes_app.po", "rb") as stream:
        catalog = read_po(stream)
    return {m.id: m.string for m in catalog if isinstance(m.id, str) and m.id and m.string and m.string != m.id}


def _plain(text: str) -> str:
    text = text.split("\t")[0]  # a menu action's shortcut follows a tab
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def _texts(root: QWidget) -> list[str]:
    """Every text a person can read in ``root``: labels, buttons, group titles, placeholders and
    table headers (menus are read from the menu bar, see ``_menu_texts``)."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QTableView) and widget.model() is not None:
            model, count = widget.model(), widget.horizontalHeader().count()
            texts.extend(str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(count))
        if hasattr(widget, "windowTitle") and widget.isWindow():
            texts.append(widget.windowTitle())
    return [_plain(t) for t in texts if t and _plain(t)]


def _menu_texts(actions) -> list[str]:  # noqa: ANN001
    """The texts of the menu bar's menus and their actions, submenus included."""
    texts = []
    for action in actions:
        texts.append(_plain(action.text()))
        if action.menu() is not None:
            texts.extend(_menu_texts(action.menu().actions()))
    return [t for t in texts if t]


def _show_every_page(window) -> list[str]:  # noqa: ANN001
    texts = []
    for row in range(window.side.count()):
        window.side.setCurrentRow(row)
        texts.extend(_texts(window))
        texts.append(window.side.item(row).text())
    return texts


@pytest.mark.parametrize(("start", "switch_to"), [("en", "vi"), ("vi", "en")])
def test_switching_language_leaves_nothing_in_the_other(make_window, qtbot, start: str, switch_to: str) -> None:  # noqa: ANN001
    vi = _vietnamese_catalog()
    english_words = set(vi)
    vietnamese_words = {text for text in vi.values() if text not in english_words}
    set_ui_language(start)
    window = make_window(SEED_SAMPLE)
    set_ui_language(switch_to)  # while the window is open: no restart
    # Pages rebuilt for the new language free the old ones with deleteLater: let that happen.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    texts = set(_show_every_page(window))
    texts.update(_menu_texts(window.menuBar().actions()))
    wrong = english_words if switch_to == "vi" else vietnamese_words
    plain_wrong = {_plain(w) for w in wrong}
    # Words that are the same in both languages ("Email", "PDF") are not evidence of anything.
    same = {_plain(k) for k, v in vi.items() if _plain(k) == _plain(v)}
    left = sorted(t for t in texts if t in plain_wrong and t not in same and len(t) > 2)
    assert left == [], f"left in the other language after switching to {switch_to}: {left[:10]}"
    expected_title = _plain(vi["General"]) if switch_to == "vi" else "General"
    assert window.side.item(0).text() == expected_title


def _clipped(root: QWidget, checked: list[str]) -> list[str]:
    """Visible labels and buttons whose text needs more room than they have (``checked`` collects
    every text measured, so that the test knows it looked at something)."""
    out = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text() and not widget.pixmap():
            if "<" in widget.text():
                continue  # rich text lays itself out
            checked.append(widget.text())
            needed = max(widget.fontMetrics().horizontalAdvance(line) for line in _plain(widget.text()).split("\n"))
            if needed > widget.contentsRect().width() + 1:
                out.append(f"label {widget.text()!r}: {needed} > {widget.contentsRect().width()}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            checked.append(widget.text())
            if widget.sizeHint().width() > widget.width() + 1:
                out.append(f"button {widget.text()!r}: {widget.sizeHint().width()} > {widget.width()}")
    return out


@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_label_is_clipped_on_any_page_or_dialog(make_window, qtbot, tmp_path: Path, language: str) -> None:  # noqa: ANN001
    from minutes_app.gui.email_dialog import EmailDialog
    from minutes_app.gui.settings_dialog import SettingsDialog

    set_ui_language(language)
    window = make_window(SEED_SAMPLE)
    window.resize(1280, 800)
    problems: list[str] = []
    checked: list[str] = []
    for row in range(window.side.count()):
        window.side.setCurrentRow(row)
        qtbot.waitUntil(lambda: window.isVisible())
        window.grab().save(str(tmp_path / f"{language}-page-{row}.png"))  # to look at when it fails
        problems += [f"page {row}: {p}" for p in _clipped(window, checked)]
    for dialog in (SettingsDialog(window.settings, window), EmailDialog(window.document.meeting, window)):
        dialog.show()
        qtbot.waitExposed(dialog)
        problems += [f"{type(dialog).__name__}: {p}" for p in _clipped(dialog, checked)]
        dialog.grab().save(str(tmp_path / f"{language}-{type(dialog).__name__}.png"))
        dialog.close()
    assert len(checked) > 60  # every page's form labels and the dialogs' buttons were measured
    assert problems == []


def test_qt_own_buttons_speak_vietnamese(make_window) -> None:  # noqa: ANN001
    from minutes_app.gui.qt_translations import install_qt_translations

    make_window(SEED_SAMPLE)
    set_ui_language("vi")
    install_qt_translations("vi")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    texts = {_plain(b.text()) for b in box.buttons()}
    assert texts == {"Đồng ý", "Hủy"}
    editor = QLineEdit()
    menu = editor.createStandardContextMenu()
    assert "Dán" in {_plain(a.text()) for a in menu.actions()}
    set_ui_language("en")
    install_qt_translations("en")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert {_plain(b.text()) for b in box.buttons()} == {"OK", "Cancel"}


def _mnemonic(text: str) -> str | None:
    """The letter after a single "&" (Alt+letter in a menu); "&&" is a literal ampersand."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].casefold() if 0 <= at < len(plain) - 1 else None


@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_two_entries_of_a_menu_share_a_mnemonic(make_window, language: str) -> None:  # noqa: ANN001
    set_ui_language(language)
    window = make_window(SEED_SAMPLE)
    bar = window.menuBar()
    tops = [_mnemonic(action.text()) for action in bar.actions()]
    assert len(tops) == len(set(tops)), [action.text() for action in bar.actions()]
    for top in bar.actions():
        entries = [action.text() for action in top.menu().actions() if action.text()]
        letters = [letter for letter in map(_mnemonic, entries) if letter]
        assert len(letters) == len(set(letters)), (top.text(), entries)
        assert not any(letter == " " for letter in letters), entries  # a stray "&" before a space
